/* limber-active-hours.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-active-hours.h"

#define MINUTES_PER_DAY (24 * 60)

/**
 * limber_active_hours_explain_never:
 * @days: the active days, as the "active-days" flags (bit 0 Monday … bit 6 Sunday)
 * @start_minute: the minute of the day the active hours start
 * @end_minute: the minute they end; at or before @start_minute for hours past midnight
 * @interval_minutes: the reminder's interval
 *
 * Settings GSettings accepts one by one can together leave a reminder no time to come: the
 * scheduler then plans nothing, and the user should be told why rather than see "Not
 * scheduled". The rules are the scheduler's (limber-reminder-scheduler-plan.c): a reminder is
 * due less than the active hours' length into them. Days join into a longer stretch only
 * when their hours are the whole day, which every interval fits anyway.
 *
 * Returns: (transfer full) (nullable): why the reminder can never come, for the user, or %NULL
 *   when it can
 */
char *
limber_active_hours_explain_never (guint days,
                                   guint start_minute,
                                   guint end_minute,
                                   guint interval_minutes)
{
  guint length;

  if ((days & 0x7f) == 0)
    return g_strdup (_("Never: no active days are chosen in Preferences"));

  if (start_minute % MINUTES_PER_DAY == end_minute % MINUTES_PER_DAY &&
      !(start_minute == 0 && end_minute == MINUTES_PER_DAY))
    return g_strdup (_("Never: the active hours start and end at the same time"));

  length = end_minute > start_minute ? end_minute - start_minute
                                     : end_minute + MINUTES_PER_DAY - start_minute;

  if (interval_minutes >= length)
    return g_strdup (_("Never: the time between reminders is longer than the active hours. "
                       "Change either in Preferences"));

  return NULL;
}
