/* limber-reminder-scheduler.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-core-enums.h"
#include "limber-local-time.h"

#include "limber-reminder-scheduler.h"

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
 */

/* A timer this late is still on time; later than this it is a catch-up. */
#define LATE_TOLERANCE_US (60 * G_USEC_PER_SEC)

/* Wall and monotonic time drifting apart by more than this is a suspend or a clock jump. */
#define JUMP_THRESHOLD_US (5 * G_USEC_PER_SEC)

/* How many active windows ahead to look for room for one interval. */
#define MAX_WINDOWS 16

#define MINUTES_PER_DAY (24 * 60)

typedef struct
{
  gboolean enabled;
  gint64   interval_us;
  gint64   anchor_us;    /* wall time the interval counts from */
  gint64   due_us;       /* wall time; 0 when not scheduled (disabled, pending, no window) */
  gint64   snooze_us;    /* wall time a snooze ends, replacing the interval once; or 0 */
  gboolean pending;      /* fell due while held */
  gint64   pending_since_us;
} KindState;

struct _LimberReminderScheduler
{
  GObject             parent_instance;

  LimberClock        *clock;
  GTimeZone          *time_zone;

  KindState           kinds[LIMBER_N_REMINDER_KINDS];
  guint               start_minute;
  guint               end_minute;
  LimberWeekdays      days;

  gint64              paused_until_us;
  LimberReminderHold  holds;
  gboolean            away;
  gint64              away_since_us;

  gint64              clock_offset_us;  /* wall minus monotonic at the last look */
  guint               timer_id;
};

G_DEFINE_FINAL_TYPE (LimberReminderScheduler, limber_reminder_scheduler, G_TYPE_OBJECT)

enum {
  DUE,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const gint64 default_intervals_min[LIMBER_N_REMINDER_KINDS] = { 60, 45, 120 };

static void reschedule (LimberReminderScheduler *self);

static gint64
now_wall (LimberReminderScheduler *self)
{
  return limber_clock_now_wall_us (self->clock);
}

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
static gboolean
in_current_window (LimberReminderScheduler *self,
                   gint64                   earlier_us,
                   gint64                   now_us)
{
  gint64 start, end, now_start, now_end;

  if (!find_window (self, now_us, &now_start, &now_end) || now_start > now_us)
    return FALSE;

  return find_window (self, earlier_us, &start, &end) && start == now_start
         && start <= earlier_us;
}

static gboolean
is_held (LimberReminderScheduler *self)
{
  return self->holds != LIMBER_REMINDER_HOLD_NONE
         || self->away
         || self->paused_until_us != 0;
}

/* Works out the kind's due time from its anchor. */
static void
plan (LimberReminderScheduler *self,
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
static void
replan (LimberReminderScheduler *self,
        LimberReminderKind       kind)
{
  KindState *state = &self->kinds[kind];
  gint64 now = now_wall (self);

  plan (self, kind);

  if (state->due_us != 0 && state->due_us <= now)
    {
      state->anchor_us = now;
      plan (self, kind);
    }
}

/* Counts the kind's interval afresh from @anchor_us: nothing pending, no snooze. */
static void
start_over (LimberReminderScheduler *self,
            LimberReminderKind       kind,
            gint64                   anchor_us)
{
  KindState *state = &self->kinds[kind];

  state->pending = FALSE;
  state->snooze_us = 0;
  state->anchor_us = anchor_us;
  plan (self, kind);
}

static void
show (LimberReminderScheduler *self,
      LimberReminderKind       kind,
      gboolean                 caught_up,
      gint64                   anchor_us)
{
  start_over (self, kind, anchor_us);

  g_signal_emit (self, signals[DUE], 0, kind, caught_up);
}

/* Shows, once each, the kinds that fell due while reminders were held. */
static void
release (LimberReminderScheduler *self)
{
  gint64 now = now_wall (self);

  if (is_held (self))
    return;

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      KindState *state = &self->kinds[kind];

      if (!state->pending)
        continue;

      if (state->enabled && in_current_window (self, state->pending_since_us, now))
        show (self, kind, TRUE, now);
      else
        start_over (self, kind, now);

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
      release (self);
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
      else if (!in_current_window (self, state->due_us, now))
        {
          /* Due in an earlier window (a late timer at the end of the hours, a suspend over
           * night): nothing outside active hours, and a new day starts fresh. */
          start_over (self, kind, late <= LATE_TOLERANCE_US ? state->due_us : now);
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
static void
detect_clock_change (LimberReminderScheduler *self)
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
          if (!limber_reminder_scheduler_is_active_at (self, state->due_us))
            replan (self, kind);
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

static void
reschedule (LimberReminderScheduler *self)
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
}

/**
 * limber_reminder_scheduler_new:
 * @clock: the clock for "now" and for timers
 * @time_zone: (nullable): the zone active hours are read in, or %NULL for the local one
 *
 * Makes a scheduler with the defaults of the settings: every kind on, hydration every 60
 * minutes, posture every 45, a walk every 120, active 09:00–18:00 Monday to Friday. Intervals
 * count from now.
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
      plan (self, kind);
    }
  reschedule (self);

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

  detect_clock_change (self);

  state = &self->kinds[kind];
  enabled = !!enabled;
  if (state->enabled == enabled)
    return;

  state->enabled = enabled;
  start_over (self, kind, now_wall (self));
  reschedule (self);
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

  detect_clock_change (self);

  state = &self->kinds[kind];
  if (state->interval_us == interval_us)
    return;

  state->interval_us = interval_us;
  state->snooze_us = 0;
  state->anchor_us = now_wall (self);
  plan (self, kind);
  reschedule (self);
}

gint64
limber_reminder_scheduler_get_interval (LimberReminderScheduler *self,
                                        LimberReminderKind       kind)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self), 0);
  g_return_val_if_fail (kind < LIMBER_N_REMINDER_KINDS, 0);

  return self->kinds[kind].interval_us;
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

  detect_clock_change (self);

  if (self->start_minute == start_minute && self->end_minute == end_minute)
    return;

  self->start_minute = start_minute;
  self->end_minute = end_minute;

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    replan (self, kind);
  reschedule (self);
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

  detect_clock_change (self);

  days &= LIMBER_WEEKDAYS_ALL;
  if (self->days == days)
    return;

  self->days = days;

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    replan (self, kind);
  reschedule (self);
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
 * limber_reminder_scheduler_snooze:
 * @delay_us: how long from now, greater than 0 and at most 24 hours
 *
 * Shows the kind again after @delay_us (or at the next active time after it), then
 * goes on at its interval.
 */
void
limber_reminder_scheduler_snooze (LimberReminderScheduler *self,
                                  LimberReminderKind       kind,
                                  gint64                   delay_us)
{
  KindState *state;

  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (kind < LIMBER_N_REMINDER_KINDS);
  g_return_if_fail (delay_us > 0 && delay_us <= LIMBER_REMINDER_MAX_DELAY_US);

  detect_clock_change (self);

  state = &self->kinds[kind];
  if (!state->enabled)
    return;

  state->pending = FALSE;
  state->snooze_us = now_wall (self) + delay_us;
  plan (self, kind);
  reschedule (self);
}

/**
 * limber_reminder_scheduler_restart:
 *
 * Counts the kind's interval from now: the user just did what it reminds of.
 */
void
limber_reminder_scheduler_restart (LimberReminderScheduler *self,
                                   LimberReminderKind       kind)
{
  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (kind < LIMBER_N_REMINDER_KINDS);

  detect_clock_change (self);

  start_over (self, kind, now_wall (self));
  reschedule (self);
}

/**
 * limber_reminder_scheduler_pause:
 * @duration_us: how long, greater than 0 and at most 24 hours
 *
 * Holds every reminder for @duration_us from now. What falls due meanwhile is shown once
 * when the pause ends.
 */
void
limber_reminder_scheduler_pause (LimberReminderScheduler *self,
                                 gint64                   duration_us)
{
  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (duration_us > 0 && duration_us <= LIMBER_REMINDER_MAX_DELAY_US);

  detect_clock_change (self);

  self->paused_until_us = now_wall (self) + duration_us;
  reschedule (self);
}

/**
 * limber_reminder_scheduler_resume:
 *
 * Ends a pause now.
 */
void
limber_reminder_scheduler_resume (LimberReminderScheduler *self)
{
  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));

  detect_clock_change (self);

  if (self->paused_until_us == 0)
    return;

  self->paused_until_us = 0;
  release (self);
  reschedule (self);
}

/**
 * limber_reminder_scheduler_get_paused_until:
 *
 * Returns: the wall-clock time a pause ends, or 0 when not paused
 */
gint64
limber_reminder_scheduler_get_paused_until (LimberReminderScheduler *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self), 0);

  return self->paused_until_us;
}

/**
 * limber_reminder_scheduler_set_away:
 * @away: whether the screen is locked or the session idle
 * @since_wall_us: when the user left (used when @away is %TRUE)
 *
 * While the user is away reminders are held. Coming back after at least
 * %LIMBER_REMINDER_NATURAL_BREAK_US restarts posture and walk: the user was up anyway.
 */
void
limber_reminder_scheduler_set_away (LimberReminderScheduler *self,
                                    gboolean                 away,
                                    gint64                   since_wall_us)
{
  gint64 now;

  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));

  detect_clock_change (self);

  away = !!away;
  if (self->away == away)
    return;

  now = now_wall (self);
  self->away = away;

  if (away)
    {
      self->away_since_us = MIN (since_wall_us, now);
      reschedule (self);
      return;
    }

  if (now - self->away_since_us >= LIMBER_REMINDER_NATURAL_BREAK_US)
    {
      LimberReminderKind restarted[] = { LIMBER_REMINDER_POSTURE, LIMBER_REMINDER_WALK };

      for (guint i = 0; i < G_N_ELEMENTS (restarted); i++)
        start_over (self, restarted[i], now);
    }

  release (self);
  reschedule (self);
}

/**
 * limber_reminder_scheduler_add_hold:
 *
 * Holds reminders for @hold until limber_reminder_scheduler_remove_hold().
 */
void
limber_reminder_scheduler_add_hold (LimberReminderScheduler *self,
                                    LimberReminderHold       hold)
{
  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));

  detect_clock_change (self);

  if ((self->holds & hold) == hold)
    return;

  self->holds |= hold;
  reschedule (self);
}

void
limber_reminder_scheduler_remove_hold (LimberReminderScheduler *self,
                                       LimberReminderHold       hold)
{
  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));

  detect_clock_change (self);

  if ((self->holds & hold) == 0)
    return;

  self->holds &= ~hold;
  release (self);
  reschedule (self);
}

/**
 * limber_reminder_scheduler_hold_kind:
 *
 * Marks a kind that was due but could not be shown as pending, to be shown once when
 * reminders are no longer held.
 */
void
limber_reminder_scheduler_hold_kind (LimberReminderScheduler *self,
                                     LimberReminderKind       kind)
{
  KindState *state;

  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (kind < LIMBER_N_REMINDER_KINDS);

  detect_clock_change (self);

  state = &self->kinds[kind];
  if (!state->enabled)
    return;

  state->pending = TRUE;
  state->pending_since_us = now_wall (self);
  state->due_us = 0;
  reschedule (self);
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
  detect_clock_change (self);
  process_due (self);
  reschedule (self);
  g_object_unref (self);
}

/**
 * limber_reminder_kind_to_string:
 *
 * Returns: the kind's name: "hydration", "posture" or "walk"
 */
const char *
limber_reminder_kind_to_string (LimberReminderKind kind)
{
  static const char * const names[] = { "hydration", "posture", "walk" };

  g_return_val_if_fail (kind < LIMBER_N_REMINDER_KINDS, NULL);

  return names[kind];
}

/**
 * limber_reminder_kind_from_string:
 * @text: a kind's name
 * @kind: (out): where to store the kind
 *
 * Returns: %TRUE if @text names a kind
 */
gboolean
limber_reminder_kind_from_string (const char         *text,
                                  LimberReminderKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < LIMBER_N_REMINDER_KINDS; i++)
    {
      if (g_strcmp0 (text, limber_reminder_kind_to_string (i)) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}
