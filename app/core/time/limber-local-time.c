/* limber-local-time.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-local-time.h"

#define MINUTES_PER_DAY (24 * 60)

/* GDateTime holds the years 1 to 9999 only. "Now" is kept two days inside them, so that its
 * local date in any zone, and the midnight ending it, exist; days stepped from it stop at the
 * day before the first or after the last one. */
#define FIRST_NOW_S  G_GINT64_CONSTANT (-62135424000)   /* 0001-01-03 00:00 UTC */
#define LAST_NOW_S   G_GINT64_CONSTANT (253402041600)   /* 9999-12-29 00:00 UTC */
#define FIRST_DAY_S  (FIRST_NOW_S - 86400)
#define LAST_DAY_S   (LAST_NOW_S + 2 * 86400)

/* How many days @noon may step, back (a negative bound) or forward, and stay in range. */
static gint64
clamp_days (GDateTime *noon,
            gint64     days)
{
  g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc (FIRST_DAY_S);
  g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc (LAST_DAY_S);

  return CLAMP (days, g_date_time_difference (first, noon) / G_TIME_SPAN_DAY,
                g_date_time_difference (last, noon) / G_TIME_SPAN_DAY);
}

/**
 * limber_local_time_on_day:
 * @time_zone: the zone to read dates and times in
 * @wall_us: a wall-clock time, in microseconds since the Unix epoch
 * @day_offset: days after the local date of @wall_us (negative for before)
 * @minute: the minute of that day; 24:00 or later runs into the following days
 *
 * Times and days outside the years 1 to 9999 are clamped to days just inside them.
 *
 * Returns: (transfer full): the local time at @minute of the day @day_offset days after the
 *   local date of @wall_us, right across daylight saving changes
 */
GDateTime *
limber_local_time_on_day (GTimeZone *time_zone,
                          gint64     wall_us,
                          int        day_offset,
                          guint      minute)
{
  /* Whole seconds rounded down, so that a time just before 1970 is not taken as 1970. */
  gint64 wall_s = CLAMP (wall_us / G_USEC_PER_SEC - (wall_us % G_USEC_PER_SEC < 0),
                         FIRST_NOW_S, LAST_NOW_S);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (wall_s);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, time_zone);
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GDateTime) day = NULL;

  /* Step days from noon, which exists on every day whatever the daylight saving rules: a day
   * of 23 or 25 hours still lands on the right date. */
  noon = g_date_time_new (time_zone,
                          g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local), 12, 0, 0);
  day = g_date_time_add_days (noon, (int) clamp_days (noon, (gint64) day_offset
                                                           + minute / MINUTES_PER_DAY));
  minute %= MINUTES_PER_DAY;

  return g_date_time_new (time_zone,
                          g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day), minute / 60, minute % 60, 0);
}

/**
 * limber_local_time_day_range:
 * @start_us: (out) (optional): local midnight starting the day of @wall_us
 * @end_us: (out) (optional): the next local midnight, where that day ends
 *
 * The local day @wall_us falls in, as a half-open range of wall-clock microseconds; 23 or 25
 * hours long on a daylight saving change.
 */
void
limber_local_time_day_range (GTimeZone *time_zone,
                             gint64     wall_us,
                             gint64    *start_us,
                             gint64    *end_us)
{
  g_autoptr(GDateTime) start = limber_local_time_on_day (time_zone, wall_us, 0, 0);
  g_autoptr(GDateTime) end = limber_local_time_on_day (time_zone, wall_us, 1, 0);

  if (start_us != NULL)
    *start_us = g_date_time_to_unix (start) * G_USEC_PER_SEC;
  if (end_us != NULL)
    *end_us = g_date_time_to_unix (end) * G_USEC_PER_SEC;
}
