/* limber-local-time.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-local-time.h"

#define MINUTES_PER_DAY (24 * 60)

/**
 * limber_local_time_on_day:
 * @time_zone: the zone to read dates and times in
 * @wall_us: a wall-clock time, in microseconds since the Unix epoch
 * @day_offset: days after the local date of @wall_us (negative for before)
 * @minute: the minute of that day; 24:00 or later runs into the following days
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
  gint64 wall_s = wall_us / G_USEC_PER_SEC - (wall_us % G_USEC_PER_SEC < 0);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (wall_s);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, time_zone);
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GDateTime) day = NULL;

  /* Step days from noon, which exists on every day whatever the daylight saving rules: a day
   * of 23 or 25 hours still lands on the right date. */
  noon = g_date_time_new (time_zone,
                          g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local), 12, 0, 0);
  day = g_date_time_add_days (noon, day_offset + (int) (minute / MINUTES_PER_DAY));
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
