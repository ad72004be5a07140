/* main.c — limber-reminders, the background reminder service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <malloc.h>

#include "limber-reminder-service.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberReminderService) service = NULL;
  const char *localedir = g_getenv ("LIMBER_LOCALEDIR");

  /* Any caller on the session bus may send messages of many megabytes. With glibc's default,
   * buffers that large stay in the heap once freed, and the service keeps that memory for
   * the whole session; a fixed threshold maps and unmaps them instead. */
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
  /* Its threads (GDBus, GLib's worker) allocate little; an arena of their own each would
   * keep tens of kilobytes apiece for the whole session. */
  mallopt (M_ARENA_MAX, 1);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Limber Reminders"));

  service = limber_reminder_service_new ();

  return g_application_run (G_APPLICATION (service), argc, argv);
}
