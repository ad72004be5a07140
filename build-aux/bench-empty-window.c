/* bench-empty-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yardstick for build-aux/bench-startup: the smallest GTK 4 application that opens a
 * window, so Limber's start-up is measured as a ratio to what GTK itself costs on this machine.
 */

#include <gtk/gtk.h>

static void
activate (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 720);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  GtkApplication *app = gtk_application_new ("org.example.EmptyWindow",
                                             G_APPLICATION_NON_UNIQUE);
  int status;

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  g_object_unref (app);
  return status;
}
