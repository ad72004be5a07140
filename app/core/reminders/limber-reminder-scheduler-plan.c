/* limber-reminder-scheduler-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-care-plan.h"
#include "limber-local-time.h"

#include "limber-reminder-scheduler-private.h"

/*
 * A LimberReminderScheduler's due-time arithmetic: the active-hours windows in the user's time
 * zone (and, in the acute plan, the waking-hours windows of every day for walks and packs), and
 * each kind's due time counted from its anchor within them. Nothing here arms a
 * timer or emits a signal; limber-reminder-scheduler.c calls these and acts on the result.
 */

/* How many active windows ahead to look for room for one interval. */
#define MAX_WINDOWS 16

/* A set of hours on a set of days: the user's active hours, or the waking hours of the acute
 * plan, which hold every day. */
typedef struct
{
  guint          start_minute;
  guint          end_minute;
  LimberWeekdays days;
} Hours;

static Hours
active_hours (LimberReminderScheduler *self)
{
  return (Hours) { self->start_minute, self->end_minute, self->days };
}

static Hours
waking_hours (LimberReminderScheduler *self)
{
  return (Hours) { self->waking_start_minute, self->waking_end_minute, LIMBER_WEEKDAYS_ALL };
}

/* Finds the first day's window of @hours that ends after @wall_us. */
static gboolean
find_day_window (LimberReminderScheduler *self,
                 const Hours             *hours,
                 gint64                   wall_us,
                 gint64                  *start_us,
                 gint64                  *end_us)
{
  guint end_minute = hours->end_minute;

  if (hours->days == 0 || hours->start_minute == hours->end_minute)
    return FALSE;

  /* Hours such as 22:00–02:00 run past midnight. */
  if (end_minute <= hours->start_minute)
    end_minute += MINUTES_PER_DAY;

  /* Start a day early, for a window that began yesterday and runs past midnight. */
  for (int offset = -1; offset <= 8; offset++)
    {
      g_autoptr(GDateTime) start = limber_local_time_on_day (self->time_zone, wall_us, offset,
                                                             hours->start_minute);
      g_autoptr(GDateTime) end = limber_local_time_on_day (self->time_zone, wall_us, offset,
                                                           end_minute);
      int weekday = g_date_time_get_day_of_week (start);
      gint64 end_wall = g_date_time_to_unix (end) * G_USEC_PER_SEC;

      if (!(hours->days & (1 << (weekday - 1))) || end_wall <= wall_us)
        continue;

      *start_us = g_date_time_to_unix (start) * G_USEC_PER_SEC;
      *end_us = end_wall;
      return TRUE;
    }

  return FALSE;
}

/* Finds the first window of @hours that ends after @wall_us. Days whose hours meet (00:00–24:00
 * on consecutive days) make one window, so midnight does not start the count again. */
static gboolean
find_window (LimberReminderScheduler *self,
             const Hours             *hours,
             gint64                   wall_us,
             gint64                  *start_us,
             gint64                  *end_us)
{
  gint64 next_start, next_end;

  if (!find_day_window (self, hours, wall_us, start_us, end_us))
    return FALSE;

  for (guint i = 0; i < 7; i++)
    {
      if (!find_day_window (self, hours, *end_us, &next_start, &next_end)
          || next_start != *end_us)
        break;
      *end_us = next_end;
    }

  return TRUE;
}

/* Whether the kind follows the acute plan at @wall_us: walks and packs do, until its end. */
static gboolean
follows_acute_at (LimberReminderScheduler *self,
                  LimberReminderKind       kind,
                  gint64                   wall_us)
{
  return (kind == LIMBER_REMINDER_WALK || kind == LIMBER_REMINDER_PACK)
         && self->acute_end_us != 0 && wall_us < self->acute_end_us;
}

/* Finds the kind's first window that ends after @wall_us: a window of waking hours, cut at the
 * acute plan's end, while the kind follows that plan; otherwise one of the active hours. Packs
 * have only the acute plan's windows, so they stop by themselves when it ends. @acute says
 * which it is. */
static gboolean
find_kind_window (LimberReminderScheduler *self,
                  LimberReminderKind       kind,
                  gint64                   wall_us,
                  gint64                  *start_us,
                  gint64                  *end_us,
                  gboolean                *acute)
{
  Hours hours;

  *acute = FALSE;

  if (follows_acute_at (self, kind, wall_us))
    {
      hours = waking_hours (self);
      if (find_window (self, &hours, wall_us, start_us, end_us)
          && *start_us < self->acute_end_us)
        {
          *start_us = MAX (*start_us, self->acute_start_us);
          *end_us = MIN (*end_us, self->acute_end_us);
          *acute = TRUE;
          return TRUE;
        }

      /* No waking hours left in the acute plan: a walk goes back to the active hours after
       * its end. */
      wall_us = self->acute_end_us;
    }

  if (kind == LIMBER_REMINDER_PACK)
    return FALSE;

  hours = active_hours (self);
  return find_window (self, &hours, wall_us, start_us, end_us);
}

/* The interval in force at @wall_us: the acute plan makes walks hourly, unless the user's
 * own interval is shorter. */
gint64
limber_reminder_scheduler_interval_at (LimberReminderScheduler *self,
                                       LimberReminderKind       kind,
                                       gint64                   wall_us)
{
  gint64 interval = self->kinds[kind].interval_us;

  if (kind == LIMBER_REMINDER_WALK && follows_acute_at (self, kind, wall_us))
    interval = MIN (interval,
                    (gint64) LIMBER_CARE_ACUTE_WALK_MINUTES * 60 * G_USEC_PER_SEC);

  return interval;
}

/* Whether @earlier_us belongs to the kind's window that @now_us is in: what fell due
 * yesterday is not caught up today, for every working day begins fresh. */
gboolean
limber_reminder_scheduler_in_current_window (LimberReminderScheduler *self,
                                             LimberReminderKind       kind,
                                             gint64                   earlier_us,
                                             gint64                   now_us)
{
  gint64 start, end, now_start, now_end;
  gboolean acute, now_acute;

  if (!find_kind_window (self, kind, now_us, &now_start, &now_end, &now_acute)
      || now_start > now_us)
    return FALSE;

  return find_kind_window (self, kind, earlier_us, &start, &end, &acute) && start == now_start
         && start <= earlier_us;
}

/* Whether @wall_us falls in one of the kind's windows. */
gboolean
limber_reminder_scheduler_kind_active_at (LimberReminderScheduler *self,
                                          LimberReminderKind       kind,
                                          gint64                   wall_us)
{
  gint64 start, end;
  gboolean acute;

  return find_kind_window (self, kind, wall_us, &start, &end, &acute) && start <= wall_us;
}

/* Works out the kind's due time from its anchor. */
void
limber_reminder_scheduler_plan (LimberReminderScheduler *self,
                                LimberReminderKind       kind)
{
  KindState *state = &self->kinds[kind];
  gint64 anchor = state->anchor_us;
  gboolean acute;

  state->due_us = 0;

  if (!state->enabled || state->pending)
    return;

  /* A snooze ends when it ends, or at the next active time after that. */
  if (state->snooze_us != 0)
    {
      gint64 start, end;

      if (find_kind_window (self, kind, state->snooze_us, &start, &end, &acute))
        state->due_us = MAX (start, state->snooze_us);
      return;
    }

  /* The acute plan counts from the spasm, not from a walk or a pack before it. */
  if (follows_acute_at (self, kind, anchor))
    anchor = MAX (anchor, self->acute_start_us);

  for (guint i = 0; i < MAX_WINDOWS; i++)
    {
      gint64 start, end, interval;

      if (!find_kind_window (self, kind, anchor, &start, &end, &acute))
        return;

      /* In the acute plan the night is longer than any interval: the first walk and the
       * first pack of the day are due when the waking hours begin. */
      if (anchor < start && acute)
        {
          state->due_us = start;
          return;
        }

      if (anchor < start)
        anchor = start;

      interval = limber_reminder_scheduler_interval_at (self, kind, anchor);
      if (anchor + interval < end)
        {
          state->due_us = anchor + interval;
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
  Hours hours = active_hours (self);
  gint64 start, end;

  g_return_val_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self), FALSE);

  return find_window (self, &hours, wall_us, &start, &end) && start <= wall_us;
}
