/* limber-stretch-session-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-stretch-session-private.h"

/*
 * What a LimberStretchSession reports about itself, for the player and for history: the
 * routine, the current phase, exercise and move, the time left in the phase and the routine,
 * the time paused, the outcome, the exercises completed, the plank's hold now and next time,
 * and the record to keep. Nothing here changes the session.
 */

LimberRoutine *
limber_stretch_session_get_routine (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), NULL);
  return self->routine;
}

const LimberPhase *
limber_stretch_session_get_phase (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), NULL);
  return phase_at (self, self->index);
}

guint
limber_stretch_session_get_phase_index (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), 0);
  return self->index;
}

guint
limber_stretch_session_get_n_phases (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), 0);
  return self->phases->len;
}

const LimberPhase *
limber_stretch_session_get_nth_phase (LimberStretchSession *self,
                                      guint                 index)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), NULL);
  g_return_val_if_fail (index < self->phases->len, NULL);
  return phase_at (self, index);
}

LimberExercise *
limber_stretch_session_get_exercise (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), NULL);
  return limber_routine_get_step_exercise (self->routine, phase_at (self, self->index)->step);
}

const LimberMove *
limber_stretch_session_get_move (LimberStretchSession *self)
{
  const LimberPhase *phase;
  const LimberTiming *timing;

  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), NULL);

  phase = phase_at (self, self->index);
  timing = limber_routine_get_step_timing (self->routine, phase->step);
  return g_ptr_array_index (timing->moves, phase->move);
}

/* Returns: (nullable): the exercise after the current one */
LimberExercise *
limber_stretch_session_get_next_exercise (LimberStretchSession *self)
{
  guint step;

  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), NULL);

  step = phase_at (self, self->index)->step + 1;
  if (step >= limber_routine_get_n_steps (self->routine))
    return NULL;
  return limber_routine_get_step_exercise (self->routine, step);
}

/* The monotonic clock time the current phase ends, as things stand (a pause moves it). */
gint64
limber_stretch_session_get_phase_end_us (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), 0);
  return phase_end_us (self, self->index);
}

gint64
limber_stretch_session_get_phase_remaining_us (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), 0);

  if (self->state == LIMBER_SESSION_STATE_READY)
    return phase_at (self, 0)->duration_us;
  if (self->state == LIMBER_SESSION_STATE_FINISHED)
    return 0;

  return CLAMP (phase_end_us (self, self->index) - session_now_us (self),
                0, phase_at (self, self->index)->duration_us);
}

/* Time left in the whole routine, counting from now in the current phase. */
gint64
limber_stretch_session_get_remaining_us (LimberStretchSession *self)
{
  const LimberPhase *last;

  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), 0);

  if (self->state == LIMBER_SESSION_STATE_FINISHED)
    return 0;

  last = phase_at (self, self->phases->len - 1);
  return limber_stretch_session_get_phase_remaining_us (self) +
         (last->start_us + last->duration_us) -
         (phase_at (self, self->index)->start_us + phase_at (self, self->index)->duration_us);
}

gint64
limber_stretch_session_get_duration_us (LimberStretchSession *self)
{
  const LimberPhase *last;

  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), 0);

  last = phase_at (self, self->phases->len - 1);
  return last->start_us + last->duration_us;
}

/* The total time spent paused, including a pause still going on. */
gint64
limber_stretch_session_get_paused_us (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), 0);

  if (self->state == LIMBER_SESSION_STATE_PAUSED)
    return self->paused_total_us + limber_clock_now_monotonic_us (self->clock) - self->paused_at_us;
  return self->paused_total_us;
}

LimberSessionOutcome
limber_stretch_session_get_outcome (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), LIMBER_SESSION_OUTCOME_NONE);
  return self->outcome;
}

/* Exercises run to the end of their last rep, cycle or hold; skipped ones and the one a stop
 * interrupted do not count. */
guint
limber_stretch_session_get_exercises_completed (LimberStretchSession *self)
{
  guint n = 0;

  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), 0);

  for (guint i = 0; i < limber_routine_get_n_steps (self->routine); i++)
    n += self->completed[i] ? 1 : 0;

  return n;
}

/**
 * limber_stretch_session_get_stopped_step:
 *
 * Returns: the routine step (exercise) a stop interrupted, in its get-ready, its work or a
 *   change of side or round; -1 when the session was not stopped, or was stopped in the rest
 *   after an exercise
 */
int
limber_stretch_session_get_stopped_step (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), -1);
  return self->stopped_step;
}

/* The monotonic clock time the session ended, or 0. */
gint64
limber_stretch_session_get_finished_us (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), 0);
  return self->finished_us;
}

/* Returns: the plank's hold in this session */
gint64
limber_stretch_session_get_plank_hold_us (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), 0);

  return CLAMP (self->plank_hold_us, LIMBER_PLANK_START_US, LIMBER_PLANK_MAX_US);
}

/**
 * limber_stretch_session_get_next_plank_hold_us:
 *
 * The plank's hold for the next session: one step longer after a completed session in which the
 * plank itself was done, up to %LIMBER_PLANK_MAX_US; otherwise unchanged.
 */
gint64
limber_stretch_session_get_next_plank_hold_us (LimberStretchSession *self)
{
  gint64 hold_us;
  gboolean plank_done = FALSE;

  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), LIMBER_PLANK_START_US);

  hold_us = CLAMP (self->plank_hold_us, LIMBER_PLANK_START_US, LIMBER_PLANK_MAX_US);

  for (guint i = 0; i < limber_routine_get_n_steps (self->routine); i++)
    {
      if (self->completed[i] &&
          limber_exercise_get_progressive (limber_routine_get_step_exercise (self->routine, i)))
        plank_done = TRUE;
    }

  if (self->outcome == LIMBER_SESSION_OUTCOME_COMPLETED && plank_done)
    hold_us = MIN (hold_us + LIMBER_PLANK_STEP_US, LIMBER_PLANK_MAX_US);

  return hold_us;
}

/* Returns: (transfer full): what the session was, for history; call once it is finished */
LimberSessionRecord *
limber_stretch_session_create_record (LimberStretchSession *self)
{
  LimberSessionRecord *record;

  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), NULL);
  g_return_val_if_fail (self->state == LIMBER_SESSION_STATE_FINISHED, NULL);

  record = limber_session_record_new (limber_routine_get_id (self->routine),
                                      limber_routine_get_name (self->routine),
                                      self->started_wall_us, self->finished_wall_us,
                                      limber_stretch_session_get_exercises_completed (self),
                                      limber_routine_get_n_steps (self->routine),
                                      self->outcome);
  if (self->stopped_step >= 0)
    limber_session_record_set_stopped_exercise (
      record, limber_exercise_get_id (limber_routine_get_step_exercise (self->routine,
                                                                        self->stopped_step)));

  return record;
}
