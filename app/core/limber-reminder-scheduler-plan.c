/* limber-reminder-scheduler-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-local-time.h"

#include "limber-reminder-scheduler-private.h"

/*
 * A LimberReminderScheduler's due-time arithmetic: the active-hours windows in the user's time
 * zone, and each kind's due time counted from its anchor within them. Nothing here arms a
 * timer or emits a signal; limber-reminder-scheduler.c calls these and acts on the result.
 */

/* How many active windows ahead to look for room for one interval. */
#define MAX_WINDOWS 16

/* Finds the first day's active window that ends after @wall_us. */
static gboolean
find_day_window (LimberReminderScheduler *self,
                 gint64                   wall_us,
                 gint64                  *start_us,
                 gint64                  *end_us)
{
  guint end_minute = self->end_minute;

  if (self->days == 0 || self->start_minute == self->end_minute)
    return FALSE;

  /* Hours such as 22:00–02:00 run past midnight. */
  if (end_minute <= self->start_minute)
    end_minute += MINUTES_PER_DAY;

  /* Start a day early, for a window that began yesterday and runs past midnight. */
  for (int offset = -1; offset <= 8; offset++)
    {
      g_autoptr(GDateTime) start = limber_local_time_on_day (self->time_zone, wall_us, offset,
                                                             self->start_minute);
      g_autoptr(GDateTime) end = limber_local_time_on_day (self->time_zone, wall_us, offset,
                                                           end_minute);
      int weekday = g_date_time_get_day_of_week (start);
      gint64 end_wall = g_date_time_to_unix (end) * G_USEC_PER_SEC;

      if (!(self->days & (1 << (weekday - 1))) || end_wall <= wall_us)
        continue;

      *start_us = g_date_time_to_unix (start) * G_USEC_PER_SEC;
      *end_us = end_wall;
      return TRUE;
    }

  return FALSE;
}

/* Finds the first active window that ends after @wall_us. Days whose hours meet (00:00–24:00
 * on consecutive days) make one window, so midnight does not start the count again. */
static gboolean
find_window (LimberReminderScheduler *self,
             gint64                   wall_us,
             gint64                  *start_us,
             gint64                  *end_us)
{
  gint64 next_start, next_end;

  if (!find_day_window (self, wall_us, start_us, end_us))
    return FALSE;

  for (guint i = 0; i < 7; i++)
    {
      if (!find_day_window (self, *end_us, &next_start, &next_end) || next_start != *end_us)
        break;
      *end_us = next_end;
    }

  return TRUE;
}

/* Whether @earlier_us belongs to the active window that @now_us is in: what fell due
 * yesterday is not caught up today, for every working day begins fresh. */
gboolean
limber_reminder_scheduler_in_current_window (LimberReminderScheduler *self,
                                             gint64                   earlier_us,
                                             gint64                   now_us)
{
  gint64 start, end, now_start, now_end;

  if (!find_window (self, now_us, &now_start, &now_end) || now_start > now_us)
    return FALSE;

  return find_window (self, earlier_us, &start, &end) && start == now_start
         && start <= earlier_us;
}

/* Works out the kind's due time from its anchor. */
void
limber_reminder_scheduler_plan (LimberReminderScheduler *self,
                                LimberReminderKind       kind)
{
  KindState *state = &self->kinds[kind];
  gint64 anchor = state->anchor_us;

  state->due_us = 0;

  if (!state->enabled || state->pending)
    return;

  /* A snooze ends when it ends, or at the next active time after that. */
  if (state->snooze_us != 0)
    {
      gint64 start, end;

      if (find_window (self, state->snooze_us, &start, &end))
        state->due_us = MAX (start, state->snooze_us);
      return;
    }

  for (guint i = 0; i < MAX_WINDOWS; i++)
    {
      gint64 start, end;

      if (!find_window (self, anchor, &start, &end))
        return;

      if (anchor < start)
        anchor = start;

      if (anchor + state->interval_us < end)
        {
          state->due_us = anchor + state->interval_us;
          return;
        }

      anchor = end;
    }
}

/* After a change of settings the plan starts from now at the latest: a change is never a
 * reason to remind at once. */
void
limber_reminder_scheduler_replan (LimberReminderScheduler *self,
                                  LimberReminderKind       kind)
{
  KindState *state = &self->kinds[kind];
  gint64 now = now_wall (self);

  limber_reminder_scheduler_plan (self, kind);

  if (state->due_us != 0 && state->due_us <= now)
    {
      state->anchor_us = now;
      limber_reminder_scheduler_plan (self, kind);
    }
}

/**
 * limber_reminder_scheduler_is_active_at:
 * @wall_us: a wall-clock time, in microseconds since the Unix epoch
 *
 * Returns: whether @wall_us falls within the active hours of an active day
 */
gboolean
limber_reminder_scheduler_is_active_at (LimberReminderScheduler *self,
                                        gint64                   wall_us)
{
  gint64 start, end;

  g_return_val_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self), FALSE);

  return find_window (self, wall_us, &start, &end) && start <= wall_us;
}
