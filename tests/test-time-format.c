/* test-time-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Next …" labels and times of day as the Reminders and Today pages show them: 12- and 24-hour
 * times, and day names that stay right across the end of a year and daylight saving changes.
 */

#include "config.h"

#include <locale.h>

#include "limber-time-format.h"

static GDateTime *
at (const char *zone_id,
    int         year,
    int         month,
    int         day,
    int         hour,
    int         minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);

  g_assert_nonnull (zone);
  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

static void
assert_next (GDateTime  *now,
             GDateTime  *due,
             gboolean    twelve_hour,
             const char *expected)
{
  g_autofree char *text = limber_format_next (now, due, twelve_hour);

  g_assert_cmpstr (text, ==, expected);
}

/* "3:00 PM" in 12-hour format, "15:00" in 24-hour; no padding before a one-digit hour. */
static void
test_twelve_hour (void)
{
  g_autoptr(GDateTime) afternoon = at ("UTC", 2026, 6, 1, 15, 0);
  g_autoptr(GDateTime) morning = at ("UTC", 2026, 6, 1, 9, 5);
  g_autofree char *pm = limber_format_time (afternoon, TRUE);
  g_autofree char *h24 = limber_format_time (afternoon, FALSE);
  g_autofree char *am = limber_format_time (morning, TRUE);

  g_assert_cmpstr (pm, ==, "3:00 PM");
  g_assert_cmpstr (h24, ==, "15:00");
  g_assert_cmpstr (am, ==, "9:05 AM");
  assert_next (morning, afternoon, TRUE, "Next at 3:00 PM");
}

/* On 31 December, a time on 1 January is "tomorrow", and one on 5 January is a weekday, not a
 * day counted from the day of the year (which would make 1 January 364 days back). */
static void
test_year_boundary (void)
{
  g_autoptr(GDateTime) now = at ("Europe/Lisbon", 2026, 12, 31, 17, 0);
  g_autoptr(GDateTime) same_day = at ("Europe/Lisbon", 2026, 12, 31, 17, 45);
  g_autoptr(GDateTime) new_year = at ("Europe/Lisbon", 2027, 1, 1, 9, 0);
  g_autoptr(GDateTime) monday = at ("Europe/Lisbon", 2027, 1, 4, 9, 0);
  g_autoptr(GDateTime) later = at ("Europe/Lisbon", 2027, 1, 12, 9, 0);

  assert_next (now, same_day, FALSE, "Next at 17:45");
  assert_next (now, new_year, FALSE, "Next tomorrow at 09:00");
  assert_next (now, monday, FALSE, "Next on Monday at 09:00");
  assert_next (now, later, FALSE, "Next on 12 January at 09:00");
}

/* Across the spring change (a 23-hour day) and the autumn one (25 hours), days are calendar
 * days: 23:30 to 00:30 the next night is "tomorrow", and 47 hours on is two days, a weekday. */
static void
test_dst (void)
{
  g_autoptr(GDateTime) before_spring = at ("Europe/Lisbon", 2026, 3, 28, 23, 30);
  g_autoptr(GDateTime) after_spring = at ("Europe/Lisbon", 2026, 3, 29, 23, 30);
  g_autoptr(GDateTime) two_nights = g_date_time_add_hours (before_spring, 47);
  g_autoptr(GDateTime) before_autumn = at ("Europe/Lisbon", 2026, 10, 24, 23, 30);
  g_autoptr(GDateTime) autumn_night = g_date_time_add_hours (before_autumn, 24);

  /* 29 March has 23 hours: 24 hours after 23:30 on the 28th is 00:30 on the 30th. */
  assert_next (before_spring, after_spring, FALSE, "Next tomorrow at 23:30");
  assert_next (before_spring, two_nights, FALSE, "Next on Monday at 23:30");
  /* 25 October has 25 hours: 24 hours after 23:30 on the 24th is 22:30 on the 25th. */
  assert_next (before_autumn, autumn_night, FALSE, "Next tomorrow at 22:30");
}

int
main (int   argc,
      char *argv[])
{
  /* Weekday and month names in English, whatever the machine's locale. */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-format/twelve-hour", test_twelve_hour);
  g_test_add_func ("/time-format/year-boundary", test_year_boundary);
  g_test_add_func ("/time-format/dst", test_dst);

  return g_test_run ();
}
