/* bench-empty-adw-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A second yardstick for build-aux/bench-startup: an empty libadwaita window with a header bar
 * and the main menu button, what any GNOME app pays before showing content of its own.
 */

#include <adwaita.h>

static void
activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *menu = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu);
  gtk_box_append (GTK_BOX (box), header);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 720);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  AdwApplication *app = adw_application_new ("org.example.EmptyAdwWindow",
                                             G_APPLICATION_NON_UNIQUE);
  int status;

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  g_object_unref (app);
  return status;
}
