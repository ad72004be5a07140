/* test-local-time.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Local days and times of day in a fixed zone (Europe/Berlin: CET, UTC+1; CEST, UTC+2 from
 * 02:00 on Sunday 2026-03-29 to 03:00 on Sunday 2026-10-25), whatever the process's own zone.
 * Expected instants are written in UTC, so they do not lean on the code under test.
 */

#include "config.h"

#include "limber-local-time.h"

#define SECOND (G_GINT64_CONSTANT (1000000))
#define HOUR   (3600 * SECOND)

static GTimeZone *berlin;

static gint64
utc_us (int year,
        int month,
        int day,
        int hour,
        int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time) * SECOND;
}

static void
assert_day (GTimeZone *zone,
            gint64     wall_us,
            gint64     expected_start,
            gint64     expected_end)
{
  gint64 start = 0, end = 0;

  limber_local_time_day_range (zone, wall_us, &start, &end);
  g_assert_cmpint (start, ==, expected_start);
  g_assert_cmpint (end, ==, expected_end);
}

/* An ordinary winter day runs from 23:00 UTC the evening before, 24 hours long. */
static void
test_day_range_plain (void)
{
  gint64 start = utc_us (2026, 1, 14, 23, 0);
  gint64 end = utc_us (2026, 1, 15, 23, 0);
  gint64 only_end = 0;

  assert_day (berlin, utc_us (2026, 1, 15, 12, 0), start, end);
  g_assert_cmpint (end - start, ==, 24 * HOUR);

  /* Half-open: the first microsecond belongs to the day, the next midnight to the next day. */
  assert_day (berlin, start, start, end);
  assert_day (berlin, end - 1, start, end);
  assert_day (berlin, end, end, end + 24 * HOUR);
  assert_day (berlin, start - 1, start - 24 * HOUR, start);

  /* Either out may be left out. */
  limber_local_time_day_range (berlin, start, NULL, &only_end);
  g_assert_cmpint (only_end, ==, end);
  limber_local_time_day_range (berlin, start, NULL, NULL);
}

/* The day clocks go forward has 23 hours; the day they go back, 25. */
static void
test_day_range_dst (void)
{
  gint64 spring_start = utc_us (2026, 3, 28, 23, 0);
  gint64 spring_end = utc_us (2026, 3, 29, 22, 0);
  gint64 autumn_start = utc_us (2026, 10, 24, 22, 0);
  gint64 autumn_end = utc_us (2026, 10, 25, 23, 0);

  assert_day (berlin, utc_us (2026, 3, 29, 0, 30), spring_start, spring_end);   /* 01:30 CET */
  assert_day (berlin, utc_us (2026, 3, 29, 1, 0), spring_start, spring_end);    /* 03:00 CEST */
  assert_day (berlin, spring_end - 1, spring_start, spring_end);
  g_assert_cmpint (spring_end - spring_start, ==, 23 * HOUR);
  /* The next day is a whole 24 hours of summer time. */
  assert_day (berlin, spring_end, spring_end, spring_end + 24 * HOUR);

  assert_day (berlin, utc_us (2026, 10, 25, 0, 30), autumn_start, autumn_end);  /* 02:30 CEST */
  assert_day (berlin, utc_us (2026, 10, 25, 1, 30), autumn_start, autumn_end);  /* 02:30 CET */
  assert_day (berlin, autumn_end - 1, autumn_start, autumn_end);
  g_assert_cmpint (autumn_end - autumn_start, ==, 25 * HOUR);
  assert_day (berlin, autumn_start - 1, autumn_start - 24 * HOUR, autumn_start);
}

/* A zone without daylight saving, half an hour off the hour, and UTC itself. */
static void
test_day_range_other_zones (void)
{
  g_autoptr(GTimeZone) kolkata = g_time_zone_new_identifier ("Asia/Kolkata");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  g_assert_nonnull (kolkata);
  assert_day (kolkata, utc_us (2026, 3, 29, 18, 29), utc_us (2026, 3, 28, 18, 30),
              utc_us (2026, 3, 29, 18, 30));
  assert_day (kolkata, utc_us (2026, 3, 29, 18, 30), utc_us (2026, 3, 29, 18, 30),
              utc_us (2026, 3, 30, 18, 30));
  assert_day (utc, utc_us (2026, 3, 29, 23, 59), utc_us (2026, 3, 29, 0, 0),
              utc_us (2026, 3, 30, 0, 0));
}

static void
assert_on_day (gint64      wall_us,
               int         day_offset,
               guint       minute,
               gint64      expected_us,
               const char *expected_local)
{
  g_autoptr(GDateTime) time = limber_local_time_on_day (berlin, wall_us, day_offset, minute);
  g_autofree char *local = NULL;

  g_assert_nonnull (time);
  local = g_date_time_format (time, "%F %T %z");
  g_assert_cmpstr (local, ==, expected_local);
  g_assert_cmpint (g_date_time_to_unix (time) * SECOND, ==, expected_us);
}

/* A minute of a day some days away, stepped in local dates across both changes. */
static void
test_on_day (void)
{
  gint64 saturday = utc_us (2026, 3, 28, 11, 0);   /* 12:00 CET */
  gint64 monday = utc_us (2026, 3, 30, 7, 0);      /* 09:00 CEST */

  assert_on_day (saturday, 0, 9 * 60, utc_us (2026, 3, 28, 8, 0), "2026-03-28 09:00:00 +0100");
  assert_on_day (saturday, 1, 0, utc_us (2026, 3, 28, 23, 0), "2026-03-29 00:00:00 +0100");
  assert_on_day (saturday, 1, 10 * 60, utc_us (2026, 3, 29, 8, 0),
                 "2026-03-29 10:00:00 +0200");
  assert_on_day (saturday, 2, 0, utc_us (2026, 3, 29, 22, 0), "2026-03-30 00:00:00 +0200");
  assert_on_day (monday, -1, 10 * 60, utc_us (2026, 3, 29, 8, 0),
                 "2026-03-29 10:00:00 +0200");
  assert_on_day (monday, -2, 23 * 60 + 59, utc_us (2026, 3, 28, 22, 59),
                 "2026-03-28 23:59:00 +0100");

  /* 24:00 and later run into the following days. */
  assert_on_day (saturday, 0, 24 * 60, utc_us (2026, 3, 28, 23, 0), "2026-03-29 00:00:00 +0100");
  assert_on_day (saturday, 0, 25 * 60 + 30, utc_us (2026, 3, 29, 0, 30),
                 "2026-03-29 01:30:00 +0100");
  assert_on_day (saturday, -1, 3 * 24 * 60 + 60, utc_us (2026, 3, 29, 23, 0),
                 "2026-03-30 01:00:00 +0200");

  /* Far from "now": a year back, across both changes, still on the same local minute. */
  assert_on_day (monday, -365, 8 * 60, utc_us (2025, 3, 30, 6, 0), "2025-03-30 08:00:00 +0200");
  assert_on_day (monday, 200, 8 * 60, utc_us (2026, 10, 16, 6, 0), "2026-10-16 08:00:00 +0200");
  assert_on_day (monday, 220, 8 * 60, utc_us (2026, 11, 5, 7, 0), "2026-11-05 08:00:00 +0100");
}

/* A minute that does not exist (02:30 when clocks go forward) lands at 03:00 summer time;
 * one that happens twice (02:30 when they go back) is taken in winter time, the later one. */
static void
test_on_day_gap_and_overlap (void)
{
  assert_on_day (utc_us (2026, 3, 29, 12, 0), 0, 2 * 60 + 30, utc_us (2026, 3, 29, 1, 0),
                 "2026-03-29 03:00:00 +0200");
  assert_on_day (utc_us (2026, 10, 25, 12, 0), 0, 2 * 60 + 30, utc_us (2026, 10, 25, 1, 30),
                 "2026-10-25 02:30:00 +0100");
}

/* Times before 1970 are negative; the day is still the one they fall in. */
static void
test_before_epoch (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 day = 24 * HOUR;

  assert_day (utc, -1, -day, 0);
  assert_day (utc, -SECOND, -day, 0);
  assert_day (utc, -day, -day, 0);
  assert_day (utc, -day - 1, -2 * day, -day);
  assert_day (berlin, utc_us (1969, 7, 20, 20, 17), utc_us (1969, 7, 19, 23, 0),
              utc_us (1969, 7, 20, 23, 0));
  assert_day (utc, 0, 0, day);
}

/* GDateTime holds the years 1 to 9999: times beyond are taken as 0001-01-03 or 9999-12-29
 * (UTC), and days stepped far away stop a day inside the ends (in UTC, 0001-01-02 and
 * 9999-12-30), never failing. */
static void
test_clamped (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 last_start = utc_us (9999, 12, 29, 0, 0);
  gint64 first_start = utc_us (1, 1, 3, 0, 0);

  /* Still in range: the plain answer. */
  assert_day (utc, utc_us (9999, 12, 28, 12, 0), utc_us (9999, 12, 28, 0, 0), last_start);
  assert_day (utc, utc_us (1, 1, 3, 12, 0), first_start, utc_us (1, 1, 4, 0, 0));

  /* Beyond: the last and first whole days, each still a day long. */
  assert_day (utc, utc_us (9999, 12, 31, 23, 59), last_start, last_start + 24 * HOUR);
  assert_day (utc, G_MAXINT64, last_start, last_start + 24 * HOUR);
  assert_day (utc, utc_us (1, 1, 1, 0, 0), first_start, first_start + 24 * HOUR);
  assert_day (utc, G_MININT64, first_start, first_start + 24 * HOUR);
  assert_day (berlin, G_MAXINT64, utc_us (9999, 12, 28, 23, 0), utc_us (9999, 12, 29, 23, 0));

  /* Days stepped far away stop at the ends. */
  {
    g_autoptr(GDateTime) late = limber_local_time_on_day (utc, 0, G_MAXINT, 8 * 60);
    g_autoptr(GDateTime) early = limber_local_time_on_day (utc, 0, G_MININT, 8 * 60);
    g_autoptr(GDateTime) minutes = limber_local_time_on_day (utc, G_MAXINT64, 8, G_MAXUINT);

    g_assert_cmpint (g_date_time_to_unix (late) * SECOND, ==, utc_us (9999, 12, 30, 8, 0));
    g_assert_cmpint (g_date_time_to_unix (early) * SECOND, ==, utc_us (1, 1, 2, 8, 0));
    /* G_MAXUINT minutes: days beyond the end, then 04:15 (G_MAXUINT % 1440 is 255). */
    g_assert_cmpint (g_date_time_to_unix (minutes) * SECOND, ==, utc_us (9999, 12, 30, 4, 15));
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (berlin);

  g_test_add_func ("/local-time/day-range/plain", test_day_range_plain);
  g_test_add_func ("/local-time/day-range/dst", test_day_range_dst);
  g_test_add_func ("/local-time/day-range/other-zones", test_day_range_other_zones);
  g_test_add_func ("/local-time/on-day/steps", test_on_day);
  g_test_add_func ("/local-time/on-day/gap-and-overlap", test_on_day_gap_and_overlap);
  g_test_add_func ("/local-time/before-epoch", test_before_epoch);
  g_test_add_func ("/local-time/clamped", test_clamped);

  status = g_test_run ();
  g_time_zone_unref (berlin);
  return status;
}
