/* test-posture-setting.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Posture breaks default to off where GNOME's own movement breaks are on, and the user's own
 * choice always counts. Runs with a schema directory that also holds a stand-in for GNOME 48's
 * org.gnome.desktop.break-reminders (tests/schemas/), on the memory settings backend.
 */

#include "config.h"

#include "limber-posture-setting.h"

static void
reset (GSettings *settings,
       GSettings *gnome_breaks)
{
  g_settings_reset (settings, "posture-enabled");
  g_settings_reset (gnome_breaks, "selected-breaks");
}

static void
test_defaults (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettings) gnome_breaks = limber_gnome_break_settings_new ();

  g_assert_nonnull (gnome_breaks);
  reset (settings, gnome_breaks);

  /* No GNOME breaks at all (Debian 12), or GNOME's schema with no movement break: on. */
  g_assert_true (limber_posture_reminders_on (settings, NULL));
  g_assert_false (limber_gnome_movement_breaks_on (gnome_breaks));
  g_assert_true (limber_posture_reminders_on (settings, gnome_breaks));

  g_settings_set_strv (gnome_breaks, "selected-breaks",
                       (const char * const[]) { "eyesight", NULL });
  g_assert_true (limber_posture_reminders_on (settings, gnome_breaks));

  /* GNOME reminds of movement: Limber's posture breaks default to off. */
  g_settings_set_strv (gnome_breaks, "selected-breaks",
                       (const char * const[]) { "eyesight", "movement", NULL });
  g_assert_true (limber_gnome_movement_breaks_on (gnome_breaks));
  g_assert_false (limber_posture_reminders_on (settings, gnome_breaks));
}

static void
test_user_choice (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettings) gnome_breaks = limber_gnome_break_settings_new ();

  reset (settings, gnome_breaks);
  g_settings_set_strv (gnome_breaks, "selected-breaks",
                       (const char * const[]) { "movement", NULL });

  /* Turned on by the user, even to the schema's default value: on beside GNOME's. */
  g_settings_set_boolean (settings, "posture-enabled", TRUE);
  g_assert_true (limber_posture_reminders_on (settings, gnome_breaks));

  /* Turned off by the user: off, with or without GNOME's. */
  g_settings_set_boolean (settings, "posture-enabled", FALSE);
  g_assert_false (limber_posture_reminders_on (settings, gnome_breaks));
  g_settings_reset (gnome_breaks, "selected-breaks");
  g_assert_false (limber_posture_reminders_on (settings, gnome_breaks));
  g_assert_false (limber_posture_reminders_on (settings, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/posture-setting/defaults", test_defaults);
  g_test_add_func ("/posture-setting/user-choice", test_user_choice);

  return g_test_run ();
}
