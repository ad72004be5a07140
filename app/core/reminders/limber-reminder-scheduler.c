/* limber-reminder-scheduler.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-care-plan.h"
#include "limber-records-enums.h"
#include "limber-enum-nick.h"

#include "limber-reminder-scheduler-private.h"

/*
 * When each kind of reminder is due, in wall-clock time, within the user's active hours and
 * days, and when it is held back instead of shown.
 *
 * Each kind counts its interval from an anchor: the moment it was last shown, snoozed or
 * restarted. Its due time is the anchor plus the interval if that falls inside an active
 * window; otherwise it is counted again from the start of the next active window, so every
 * working day begins fresh and nothing ever falls outside the active hours.
 *
 * Only one clock timer is ever armed, for the earliest due time or the end of a pause: the
 * scheduler sleeps until something is due. Timers run on monotonic time, which stops during
 * suspend, so on every wake the scheduler compares wall-clock and monotonic time. When wall
 * time went back, due times move back with it, keeping the time that really passed; when it
 * went forward (a suspend or a jump), each overdue kind is shown once and counts from then.
 *
 * A reminder that falls due while reminders are paused, silenced, without a notification
 * server, or while the user is away becomes pending: it is shown once when the hold ends,
 * never stacked. Coming back after a natural break of 5 minutes or more restarts posture and
 * walk instead.
 *
 * In the acute plan of a spasm (limber_reminder_scheduler_set_acute()), walks and cold packs
 * follow other rules until its end: every day of the week within the waking hours, walks at
 * least hourly, and the first of each day when the waking hours begin, for the night is longer
 * than their interval. Packs come only then; walks go back to the active hours afterwards.
 * Water and posture keep the active hours: a posture break is a minute of moving, which the
 * acute plan asks for too.
 *
 * This file holds the object, its state machine and its settings. Active-hours windows and
 * due times are worked out in limber-reminder-scheduler-plan.c; snooze, restart, pause, away
 * and the other holds are in limber-reminder-scheduler-holds.c.
 */

/* A timer this late is still on time; later than this it is a catch-up. */
#define LATE_TOLERANCE_US (60 * G_USEC_PER_SEC)

/* Wall and monotonic time drifting apart by more than this is a suspend or a clock jump. */
#define JUMP_THRESHOLD_US (5 * G_USEC_PER_SEC)

G_DEFINE_FINAL_TYPE (LimberReminderScheduler, limber_reminder_scheduler, G_TYPE_OBJECT)

enum {
  DUE,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const gint64 default_intervals_min[LIMBER_N_REMINDER_KINDS] = {
  60, 45, 120, LIMBER_CARE_COLD_EVERY_US / 60 / G_USEC_PER_SEC
};

static gboolean
is_held (LimberReminderScheduler *self)
{
  return self->holds != LIMBER_REMINDER_HOLD_NONE
         || self->away
         || self->paused_until_us != 0;
}

/* Counts the kind's interval afresh from @anchor_us: nothing pending, no snooze. */
void
limber_reminder_scheduler_start_over (LimberReminderScheduler *self,
                                      LimberReminderKind       kind,
                                      gint64                   anchor_us)
{
  KindState *state = &self->kinds[kind];

  state->pending = FALSE;
  state->snooze_us = 0;
  state->anchor_us = anchor_us;
  limber_reminder_scheduler_plan (self, kind);
}

static void
show (LimberReminderScheduler *self,
      LimberReminderKind       kind,
      gboolean                 caught_up,
      gint64                   anchor_us)
{
  limber_reminder_scheduler_start_over (self, kind, anchor_us);

  g_signal_emit (self, signals[DUE], 0, kind, caught_up);
}

/* Shows, once each, the kinds that fell due while reminders were held. */
void
limber_reminder_scheduler_release (LimberReminderScheduler *self)
{
  gint64 now = now_wall (self);

  if (is_held (self))
    return;

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      KindState *state = &self->kinds[kind];

      if (!state->pending)
        continue;

      if (state->enabled &&
          limber_reminder_scheduler_in_current_window (self, kind, state->pending_since_us,
                                                           now))
        show (self, kind, TRUE, now);
      else
        limber_reminder_scheduler_start_over (self, kind, now);

      /* A handler may have held reminders again (the notification server went away). */
      if (is_held (self))
        break;
    }
}

static void
process_due (LimberReminderScheduler *self)
{
  gint64 now = now_wall (self);

  if (self->paused_until_us != 0 && self->paused_until_us <= now)
    {
      self->paused_until_us = 0;
      limber_reminder_scheduler_release (self);
    }

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      KindState *state = &self->kinds[kind];
      gint64 late;

      if (state->due_us == 0 || state->due_us > now)
        continue;

      late = now - state->due_us;

      if (is_held (self))
        {
          state->pending = TRUE;
          state->pending_since_us = state->due_us;
          state->due_us = 0;
        }
      else if (!limber_reminder_scheduler_in_current_window (self, kind, state->due_us, now))
        {
          /* Due in an earlier window (a late timer at the end of the hours, a suspend over
           * night): nothing outside active hours, and a new day starts fresh. */
          limber_reminder_scheduler_start_over (self, kind,
                                                late <= LATE_TOLERANCE_US ? state->due_us : now);
        }
      else if (late <= LATE_TOLERANCE_US)
        {
          /* Count from the due time, so a timer that fired late does not shift the rhythm. */
          show (self, kind, FALSE, state->due_us);
        }
      else
        {
          /* Overdue after a suspend or a jump: one catch-up, then a fresh interval. */
          show (self, kind, TRUE, now);
        }
    }
}

/* Compares wall and monotonic time: see the comment at the top. Every public function calls
 * this before it reads "now", or a time it sets just after a jump back would be moved back
 * a second time when the jump is noticed. */
void
limber_reminder_scheduler_detect_clock_change (LimberReminderScheduler *self)
{
  gint64 offset = limber_clock_now_wall_us (self->clock)
                  - limber_clock_now_monotonic_us (self->clock);
  gint64 delta = offset - self->clock_offset_us;

  self->clock_offset_us = offset;

  if (delta > -JUMP_THRESHOLD_US)
    return;

  g_debug ("The wall clock went back by %lld s", (long long) (-delta / G_USEC_PER_SEC));

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      KindState *state = &self->kinds[kind];

      state->anchor_us += delta;
      if (state->due_us != 0)
        {
          state->due_us += delta;
          if (!limber_reminder_scheduler_kind_active_at (self, kind, state->due_us))
            limber_reminder_scheduler_replan (self, kind);
        }
    }

  if (self->paused_until_us != 0)
    self->paused_until_us += delta;
  if (self->away)
    self->away_since_us += delta;
}

static void
on_timer (gpointer user_data)
{
  LimberReminderScheduler *self = user_data;

  self->timer_id = 0;
  limber_reminder_scheduler_check_clock (self);
}

void
limber_reminder_scheduler_reschedule (LimberReminderScheduler *self)
{
  gint64 next = G_MAXINT64;

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    if (self->kinds[kind].due_us != 0)
      next = MIN (next, self->kinds[kind].due_us);

  if (self->paused_until_us != 0)
    next = MIN (next, self->paused_until_us);

  limber_clock_clear (self->clock, &self->timer_id);

  if (next != G_MAXINT64)
    {
      gint64 delay = MAX (0, next - now_wall (self));

      self->timer_id = limber_clock_schedule_in (self->clock, delay, on_timer, self, NULL);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
limber_reminder_scheduler_dispose (GObject *object)
{
  LimberReminderScheduler *self = LIMBER_REMINDER_SCHEDULER (object);

  if (self->clock != NULL)
    limber_clock_clear (self->clock, &self->timer_id);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_reminder_scheduler_parent_class)->dispose (object);
}

static void
limber_reminder_scheduler_finalize (GObject *object)
{
  LimberReminderScheduler *self = LIMBER_REMINDER_SCHEDULER (object);

  g_clear_pointer (&self->time_zone, g_time_zone_unref);

  G_OBJECT_CLASS (limber_reminder_scheduler_parent_class)->finalize (object);
}

static void
limber_reminder_scheduler_class_init (LimberReminderSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_reminder_scheduler_dispose;
  object_class->finalize = limber_reminder_scheduler_finalize;

  /**
   * LimberReminderScheduler::due:
   * @kind: the #LimberReminderKind to show
   * @caught_up: %TRUE if it is shown late: after a suspend, a clock jump or a hold
   *
   * A reminder is to be shown now. The next due time is already planned when this runs.
   */
  signals[DUE] = g_signal_new ("due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                               NULL, NULL, NULL, G_TYPE_NONE, 2,
                               LIMBER_TYPE_REMINDER_KIND, G_TYPE_BOOLEAN);

  /**
   * LimberReminderScheduler::changed:
   *
   * A due time, a hold or the pause changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_reminder_scheduler_init (LimberReminderScheduler *self)
{
  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      self->kinds[kind].enabled = TRUE;
      self->kinds[kind].interval_us = default_intervals_min[kind] * 60 * G_USEC_PER_SEC;
    }

  self->start_minute = 9 * 60;
  self->end_minute = 18 * 60;
  self->days = LIMBER_WEEKDAYS_WORKING_WEEK;
  self->waking_start_minute = 8 * 60;
  self->waking_end_minute = 22 * 60;
}

/**
 * limber_reminder_scheduler_new:
 * @clock: the clock for "now" and for timers
 * @time_zone: (nullable): the zone active hours are read in, or %NULL for the local one
 *
 * Makes a scheduler with the defaults of the settings: every kind on, hydration every 60
 * minutes, posture every 45, a walk every 120, active 09:00–18:00 Monday to Friday, waking
 * hours 08:00–22:00, no acute plan (so no pack is due). Intervals count from now.
 *
 * Returns: (transfer full): a new scheduler
 */
LimberReminderScheduler *
limber_reminder_scheduler_new (LimberClock *clock,
                               GTimeZone   *time_zone)
{
  LimberReminderScheduler *self;
  gint64 now;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  self = g_object_new (LIMBER_TYPE_REMINDER_SCHEDULER, NULL);
  self->clock = g_object_ref (clock);
  self->time_zone = time_zone != NULL ? g_time_zone_ref (time_zone) : g_time_zone_new_local ();
  self->clock_offset_us = limber_clock_now_wall_us (clock) - limber_clock_now_monotonic_us (clock);

  now = now_wall (self);
  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      self->kinds[kind].anchor_us = now;
      limber_reminder_scheduler_plan (self, kind);
    }
  limber_reminder_scheduler_reschedule (self);

  return self;
}

/**
 * limber_reminder_scheduler_get_clock:
 *
 * Returns: (transfer none): the scheduler's clock
 */
LimberClock *
limber_reminder_scheduler_get_clock (LimberReminderScheduler *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self), NULL);

  return self->clock;
}

/**
 * limber_reminder_scheduler_set_enabled:
 *
 * Turns a kind on, counting its interval from now, or off, dropping what was pending.
 */
void
limber_reminder_scheduler_set_enabled (LimberReminderScheduler *self,
                                       LimberReminderKind       kind,
                                       gboolean                 enabled)
{
  KindState *state;

  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (kind < LIMBER_N_REMINDER_KINDS);

  limber_reminder_scheduler_detect_clock_change (self);

  state = &self->kinds[kind];
  enabled = !!enabled;
  if (state->enabled == enabled)
    return;

  state->enabled = enabled;
  limber_reminder_scheduler_start_over (self, kind, now_wall (self));
  limber_reminder_scheduler_reschedule (self);
}

gboolean
limber_reminder_scheduler_get_enabled (LimberReminderScheduler *self,
                                       LimberReminderKind       kind)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self), FALSE);
  g_return_val_if_fail (kind < LIMBER_N_REMINDER_KINDS, FALSE);

  return self->kinds[kind].enabled;
}

/**
 * limber_reminder_scheduler_set_interval:
 * @interval_us: the time between reminders, greater than 0
 *
 * Changes a kind's interval. A new interval applies from now.
 */
void
limber_reminder_scheduler_set_interval (LimberReminderScheduler *self,
                                        LimberReminderKind       kind,
                                        gint64                   interval_us)
{
  KindState *state;

  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (kind < LIMBER_N_REMINDER_KINDS);
  g_return_if_fail (interval_us > 0);

  limber_reminder_scheduler_detect_clock_change (self);

  state = &self->kinds[kind];
  if (state->interval_us == interval_us)
    return;

  state->interval_us = interval_us;
  state->snooze_us = 0;
  state->anchor_us = now_wall (self);
  limber_reminder_scheduler_plan (self, kind);
  limber_reminder_scheduler_reschedule (self);
}

gint64
limber_reminder_scheduler_get_interval (LimberReminderScheduler *self,
                                        LimberReminderKind       kind)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self), 0);
  g_return_val_if_fail (kind < LIMBER_N_REMINDER_KINDS, 0);

  return self->kinds[kind].interval_us;
}

static void
replan_all (LimberReminderScheduler *self)
{
  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    limber_reminder_scheduler_replan (self, kind);
  limber_reminder_scheduler_reschedule (self);
}

/* The active hours and the waking hours change the same way: only on a real change, and every
 * due time is worked out again. */
static void
set_hours (LimberReminderScheduler *self,
           guint                   *start_field,
           guint                   *end_field,
           guint                    start_minute,
           guint                    end_minute)
{
  limber_reminder_scheduler_detect_clock_change (self);

  if (*start_field == start_minute && *end_field == end_minute)
    return;

  *start_field = start_minute;
  *end_field = end_minute;
  replan_all (self);
}

/**
 * limber_reminder_scheduler_set_active_hours:
 * @start_minute: the first minute of the day reminders may come, 0–1439
 * @end_minute: the minute they stop, 0–1440; earlier than @start_minute for hours that run
 *   past midnight; equal to it for none at all
 *
 * Sets the local hours in which reminders may come: from @start_minute included to
 * @end_minute excluded. Due times are worked out again, never earlier than now.
 */
void
limber_reminder_scheduler_set_active_hours (LimberReminderScheduler *self,
                                            guint                    start_minute,
                                            guint                    end_minute)
{
  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (start_minute < MINUTES_PER_DAY);
  g_return_if_fail (end_minute <= MINUTES_PER_DAY);

  set_hours (self, &self->start_minute, &self->end_minute, start_minute, end_minute);
}

/**
 * limber_reminder_scheduler_set_active_days:
 *
 * Sets the days on which active hours begin. Due times are worked out again.
 */
void
limber_reminder_scheduler_set_active_days (LimberReminderScheduler *self,
                                           LimberWeekdays           days)
{
  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));

  limber_reminder_scheduler_detect_clock_change (self);

  days &= LIMBER_WEEKDAYS_ALL;
  if (self->days == days)
    return;

  self->days = days;
  replan_all (self);
}

/**
 * limber_reminder_scheduler_set_waking_hours:
 * @start_minute: the first minute of the day acute-plan reminders may come, 0–1439
 * @end_minute: the minute they stop, 0–1440, read as for active hours
 *
 * Sets the local hours, every day of the week, in which walks and cold packs come during the
 * acute plan, instead of the active hours and days.
 */
void
limber_reminder_scheduler_set_waking_hours (LimberReminderScheduler *self,
                                            guint                    start_minute,
                                            guint                    end_minute)
{
  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (start_minute < MINUTES_PER_DAY);
  g_return_if_fail (end_minute <= MINUTES_PER_DAY);

  set_hours (self, &self->waking_start_minute, &self->waking_end_minute, start_minute,
             end_minute);
}

/**
 * limber_reminder_scheduler_set_acute:
 * @start_us: when the spasm began (wall-clock time), or 0
 * @end_us: when its acute plan ends, or 0 for no acute plan
 *
 * Sets the acute plan of an episode: from @start_us to @end_us walks come at least hourly
 * and cold packs every pack interval (counted from the spasm, then from the end of the last
 * pack: see limber_reminder_scheduler_restart_from()), every day within the waking hours.
 * At @end_us packs stop and walks go back to the active hours by themselves.
 */
void
limber_reminder_scheduler_set_acute (LimberReminderScheduler *self,
                                     gint64                   start_us,
                                     gint64                   end_us)
{
  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (end_us == 0 || start_us < end_us);

  limber_reminder_scheduler_detect_clock_change (self);

  if (end_us == 0)
    start_us = 0;
  if (self->acute_start_us == start_us && self->acute_end_us == end_us)
    return;

  self->acute_start_us = start_us;
  self->acute_end_us = end_us;

  /* A new spasm: the pack interval counts from it (the plan counts walks from it too). */
  if (end_us != 0)
    {
      KindState *pack = &self->kinds[LIMBER_REMINDER_PACK];

      pack->anchor_us = MAX (pack->anchor_us, start_us);
      pack->snooze_us = 0;
      pack->pending = FALSE;
    }

  replan_all (self);
}

/**
 * limber_reminder_scheduler_follows_acute:
 *
 * Returns: whether the kind follows the acute plan now (walks and packs until its end)
 */
gboolean
limber_reminder_scheduler_follows_acute (LimberReminderScheduler *self,
                                         LimberReminderKind       kind)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self), FALSE);
  g_return_val_if_fail (kind < LIMBER_N_REMINDER_KINDS, FALSE);

  return (kind == LIMBER_REMINDER_WALK || kind == LIMBER_REMINDER_PACK)
         && self->acute_end_us != 0 && now_wall (self) < self->acute_end_us;
}

/**
 * limber_reminder_scheduler_get_current_interval:
 *
 * Returns: the kind's interval in force now: the walk's is at most an hour in the acute plan
 */
gint64
limber_reminder_scheduler_get_current_interval (LimberReminderScheduler *self,
                                                LimberReminderKind       kind)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self), 0);
  g_return_val_if_fail (kind < LIMBER_N_REMINDER_KINDS, 0);

  return limber_reminder_scheduler_interval_at (self, kind, now_wall (self));
}

/**
 * limber_reminder_scheduler_get_next_due:
 *
 * Returns: the wall-clock time the kind is next shown, in microseconds since the Unix
 *   epoch, or 0 when it is off, held, or has no active hours ahead
 */
gint64
limber_reminder_scheduler_get_next_due (LimberReminderScheduler *self,
                                        LimberReminderKind       kind)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self), 0);
  g_return_val_if_fail (kind < LIMBER_N_REMINDER_KINDS, 0);

  return self->kinds[kind].due_us;
}

/**
 * limber_reminder_scheduler_is_held:
 *
 * Returns: whether the kind fell due while held, and waits to be shown once
 */
gboolean
limber_reminder_scheduler_is_held (LimberReminderScheduler *self,
                                   LimberReminderKind       kind)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self), FALSE);
  g_return_val_if_fail (kind < LIMBER_N_REMINDER_KINDS, FALSE);

  return self->kinds[kind].pending;
}

/**
 * limber_reminder_scheduler_check_clock:
 *
 * Looks at the clock now: after a resume from suspend, or whenever the wall clock may have
 * jumped. Overdue kinds are shown once; the timer is armed again. Timers call this too.
 */
void
limber_reminder_scheduler_check_clock (LimberReminderScheduler *self)
{
  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));

  g_object_ref (self);
  limber_reminder_scheduler_detect_clock_change (self);
  process_due (self);
  limber_reminder_scheduler_reschedule (self);
  g_object_unref (self);
}

