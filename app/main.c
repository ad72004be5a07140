/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "limber-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberApplication) app = NULL;
  const char *localedir = g_getenv ("LIMBER_LOCALEDIR");

  /* LIMBER_LOCALEDIR lets the uninstalled app (meson devenv) use the build tree's translations. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The program name gives the window its X11 class and Wayland app id: the application ID, as
   * GNOME apps do, so the shell ties the window to its launcher. */
  g_set_prgname (APPLICATION_ID);
  g_set_application_name ("Limber");

  app = limber_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
