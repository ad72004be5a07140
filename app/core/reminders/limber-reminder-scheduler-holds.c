/* limber-reminder-scheduler-holds.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-reminder-scheduler-private.h"

/*
 * Putting a LimberReminderScheduler's reminders off: a snooze or a restart for one kind, and
 * the holds on all of them (a pause, the user being away, holds such as a silenced session,
 * and a kind that could not be shown). What falls due while held is shown once when the hold
 * ends, by limber_reminder_scheduler_release().
 */

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

  limber_reminder_scheduler_detect_clock_change (self);

  state = &self->kinds[kind];
  if (!state->enabled)
    return;

  state->pending = FALSE;
  state->snooze_us = now_wall (self) + delay_us;
  limber_reminder_scheduler_plan (self, kind);
  limber_reminder_scheduler_reschedule (self);
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

  limber_reminder_scheduler_detect_clock_change (self);

  limber_reminder_scheduler_start_over (self, kind, now_wall (self));
  limber_reminder_scheduler_reschedule (self);
}

/**
 * limber_reminder_scheduler_restart_from:
 * @anchor_us: the wall-clock time to count from, such as the end of a cold pack
 *
 * Counts the kind's interval from @anchor_us, which may lie ahead: a pack counts from when it
 * comes off.
 */
void
limber_reminder_scheduler_restart_from (LimberReminderScheduler *self,
                                        LimberReminderKind       kind,
                                        gint64                   anchor_us)
{
  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (kind < LIMBER_N_REMINDER_KINDS);

  limber_reminder_scheduler_detect_clock_change (self);

  limber_reminder_scheduler_start_over (self, kind, anchor_us);
  limber_reminder_scheduler_replan (self, kind);
  limber_reminder_scheduler_reschedule (self);
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

  limber_reminder_scheduler_detect_clock_change (self);

  self->paused_until_us = now_wall (self) + duration_us;
  limber_reminder_scheduler_reschedule (self);
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

  limber_reminder_scheduler_detect_clock_change (self);

  if (self->paused_until_us == 0)
    return;

  self->paused_until_us = 0;
  limber_reminder_scheduler_release (self);
  limber_reminder_scheduler_reschedule (self);
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

  limber_reminder_scheduler_detect_clock_change (self);

  away = !!away;
  if (self->away == away)
    return;

  now = now_wall (self);
  self->away = away;

  if (away)
    {
      self->away_since_us = MIN (since_wall_us, now);
      limber_reminder_scheduler_reschedule (self);
      return;
    }

  if (now - self->away_since_us >= LIMBER_REMINDER_NATURAL_BREAK_US)
    {
      LimberReminderKind restarted[] = { LIMBER_REMINDER_POSTURE, LIMBER_REMINDER_WALK };

      for (guint i = 0; i < G_N_ELEMENTS (restarted); i++)
        limber_reminder_scheduler_start_over (self, restarted[i], now);
    }

  limber_reminder_scheduler_release (self);
  limber_reminder_scheduler_reschedule (self);
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

  limber_reminder_scheduler_detect_clock_change (self);

  if ((self->holds & hold) == hold)
    return;

  self->holds |= hold;
  limber_reminder_scheduler_reschedule (self);
}

void
limber_reminder_scheduler_remove_hold (LimberReminderScheduler *self,
                                       LimberReminderHold       hold)
{
  g_return_if_fail (LIMBER_IS_REMINDER_SCHEDULER (self));

  limber_reminder_scheduler_detect_clock_change (self);

  if ((self->holds & hold) == 0)
    return;

  self->holds &= ~hold;
  limber_reminder_scheduler_release (self);
  limber_reminder_scheduler_reschedule (self);
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

  limber_reminder_scheduler_detect_clock_change (self);

  state = &self->kinds[kind];
  if (!state->enabled)
    return;

  state->pending = TRUE;
  state->pending_since_us = now_wall (self);
  state->due_us = 0;
  limber_reminder_scheduler_reschedule (self);
}
