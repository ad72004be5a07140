/* main.c — limber-reminders, the background reminder service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "limber-reminder-service.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberReminderService) service = NULL;
  const char *localedir = g_getenv ("LIMBER_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Limber Reminders"));

  service = limber_reminder_service_new ();

  return g_application_run (G_APPLICATION (service), argc, argv);
}
