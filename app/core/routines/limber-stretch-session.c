/* limber-stretch-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-routines-enums.h"

#include "limber-stretch-session-private.h"

/*
 * The engine of a guided session. The routine is laid out as a list of phases with fixed offsets
 * (limber_routine_build_phases()). A phase's deadline is the moment its "anchor" phase began plus
 * the offset between them; the anchor moves only when the user jumps (next, previous) and by the
 * length of each pause. Deadlines therefore never depend on when a timer happened to fire, so
 * no drift builds up over a long routine.
 *
 * One clock timer is pending at a time, for the next thing due: a cue inside the phase
 * (halfway, 3-2-1) or the end of the phase.
 *
 * This file runs the session: its states, the timer, the cues and the calls that start, pause,
 * skip and stop it. What the session reports about itself (time left, the outcome, the record
 * for history) is in limber-stretch-session-status.c.
 */

G_DEFINE_FINAL_TYPE (LimberStretchSession, limber_stretch_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

enum {
  CUE,
  PHASE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule (LimberStretchSession *self);

static void
set_state (LimberStretchSession *self,
           LimberSessionState    state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static LimberSessionState
state_of_phase (const LimberPhase *phase)
{
  switch (phase->kind)
    {
    case LIMBER_PHASE_GET_READY:
      return LIMBER_SESSION_STATE_GET_READY;
    case LIMBER_PHASE_WORK:
      return LIMBER_SESSION_STATE_WORK;
    case LIMBER_PHASE_SWITCH:
      return phase->side != LIMBER_SIDE_NONE ? LIMBER_SESSION_STATE_SWITCH_SIDE
                                             : LIMBER_SESSION_STATE_REST;
    case LIMBER_PHASE_REST:
    default:
      return LIMBER_SESSION_STATE_REST;
    }
}

static void
emit_cue (LimberStretchSession *self,
          LimberCue             cue,
          guint                 number,
          gint64                boundary_us)
{
  g_signal_emit (self, signals[CUE], 0, cue, number, boundary_us);
}

static gboolean
is_hold (LimberStretchSession *self,
         const LimberPhase    *phase)
{
  LimberExercise *exercise = limber_routine_get_step_exercise (self->routine, phase->step);

  return phase->kind == LIMBER_PHASE_WORK &&
         limber_exercise_get_mode (exercise) == LIMBER_EXERCISE_MODE_HOLD;
}

/* Cues inside a phase: halfway through a long hold, and 3-2-1 before the end of a hold or rest.
 * Short moves of reps and cycles get none: their own tempo is the cue. */
static void
plan_minor_cues (LimberStretchSession *self,
                 const LimberPhase    *phase)
{
  gint64 d = phase->duration_us;
  gboolean counted = is_hold (self, phase) || phase->kind == LIMBER_PHASE_REST ||
                     phase->kind == LIMBER_PHASE_SWITCH;

  self->n_minor = 0;
  self->next_minor = 0;

  if (is_hold (self, phase) && d >= 10 * G_USEC_PER_SEC)
    self->minor[self->n_minor++] = (MinorCue) { d / 2, LIMBER_CUE_HALFWAY, 0 };

  if (counted && d >= 6 * G_USEC_PER_SEC)
    {
      for (guint n = 3; n >= 1; n--)
        self->minor[self->n_minor++] = (MinorCue) { d - n * G_USEC_PER_SEC, LIMBER_CUE_COUNTDOWN, n };
    }
}

static void
emit_phase_cues (LimberStretchSession *self,
                 guint                 index)
{
  const LimberPhase *phase = phase_at (self, index);
  gint64 boundary_us = phase_start_us (self, index);

  switch (phase->kind)
    {
    case LIMBER_PHASE_GET_READY:
      emit_cue (self, LIMBER_CUE_GET_READY, phase->step, boundary_us);
      break;
    case LIMBER_PHASE_WORK:
      /* Straight from one side to the other (no switch phase): still say so. */
      if (phase->first_of_set && phase->side != LIMBER_SIDE_NONE && index > 0 &&
          phase_at (self, index - 1)->kind == LIMBER_PHASE_WORK)
        emit_cue (self, LIMBER_CUE_SWITCH_SIDE, phase->side, boundary_us);
      if (phase->first_of_set)
        emit_cue (self, LIMBER_CUE_START, phase->move, boundary_us);
      else
        emit_cue (self, LIMBER_CUE_TEMPO, phase->move, boundary_us);
      if (phase->n_reps > 1 && phase->rep == phase->n_reps && phase->move == 0)
        emit_cue (self, LIMBER_CUE_LAST_REP, phase->rep, boundary_us);
      break;
    case LIMBER_PHASE_SWITCH:
      if (phase->side != LIMBER_SIDE_NONE)
        emit_cue (self, LIMBER_CUE_SWITCH_SIDE, phase->side, boundary_us);
      else
        emit_cue (self, LIMBER_CUE_REST, phase->round, boundary_us);
      break;
    case LIMBER_PHASE_REST:
    default:
      emit_cue (self, LIMBER_CUE_REST, 0, boundary_us);
      break;
    }
}

static void
enter_phase (LimberStretchSession *self,
             guint                 index,
             gboolean              with_cues)
{
  self->index = index;
  plan_minor_cues (self, phase_at (self, index));

  if (self->state != LIMBER_SESSION_STATE_PAUSED)
    set_state (self, state_of_phase (phase_at (self, index)));

  if (with_cues)
    emit_phase_cues (self, index);

  g_signal_emit (self, signals[PHASE_CHANGED], 0);
}

static void
finish (LimberStretchSession *self,
        LimberSessionOutcome  outcome,
        gint64                at_us)
{
  limber_clock_clear (self->clock, &self->timer);

  /* A pause in progress counts as paused time up to the end. */
  if (self->state == LIMBER_SESSION_STATE_PAUSED)
    self->paused_total_us += at_us - self->paused_at_us;

  self->outcome = outcome;
  self->finished_us = at_us;
  self->finished_wall_us = limber_clock_now_wall_us (self->clock);
  self->n_minor = 0;
  set_state (self, LIMBER_SESSION_STATE_FINISHED);

  if (outcome == LIMBER_SESSION_OUTCOME_COMPLETED)
    emit_cue (self, LIMBER_CUE_SESSION_DONE, 0, at_us);

  g_signal_emit (self, signals[PHASE_CHANGED], 0);
}

static void
advance (LimberStretchSession *self)
{
  const LimberPhase *phase = phase_at (self, self->index);
  gint64 boundary_us = phase_end_us (self, self->index);

  /* An exercise counts as done only once its last rep, cycle or hold has run its full time: a
   * session stopped part way through one does not count it, on the finish screen or in the
   * journal (it says where it stopped instead). */
  if (phase->kind == LIMBER_PHASE_WORK && phase->last_of_step)
    {
      self->completed[phase->step] = TRUE;
      emit_cue (self, LIMBER_CUE_EXERCISE_DONE, phase->step, boundary_us);
    }

  if (self->index + 1 >= self->phases->len)
    finish (self, LIMBER_SESSION_OUTCOME_COMPLETED, boundary_us);
  else
    enter_phase (self, self->index + 1, TRUE);
}

static gint64
next_due_us (LimberStretchSession *self)
{
  if (self->next_minor < self->n_minor)
    return phase_start_us (self, self->index) + self->minor[self->next_minor].offset_us;

  return phase_end_us (self, self->index);
}

/* Handles everything due up to now, in order. After a long stall (a suspended machine) this runs
 * through the missed phases at once, so the session is where the clock says it should be. */
static void
process (LimberStretchSession *self)
{
  gint64 now_us = limber_clock_now_monotonic_us (self->clock);

  while (self->state != LIMBER_SESSION_STATE_FINISHED &&
         self->state != LIMBER_SESSION_STATE_PAUSED &&
         next_due_us (self) <= now_us)
    {
      if (self->next_minor < self->n_minor)
        {
          const MinorCue *minor = &self->minor[self->next_minor++];

          emit_cue (self, minor->cue, minor->number,
                    phase_start_us (self, self->index) + minor->offset_us);
        }
      else
        advance (self);
    }

  schedule (self);
}

static void
on_timer (gpointer user_data)
{
  LimberStretchSession *self = user_data;

  self->timer = 0;
  process (self);
}

static void
schedule (LimberStretchSession *self)
{
  limber_clock_clear (self->clock, &self->timer);

  if (!limber_stretch_session_is_running (self))
    return;

  self->timer = limber_clock_schedule (self->clock, next_due_us (self), on_timer, self, NULL);
}

static void
limber_stretch_session_dispose (GObject *object)
{
  LimberStretchSession *self = LIMBER_STRETCH_SESSION (object);

  if (self->clock != NULL)
    limber_clock_clear (self->clock, &self->timer);
  g_clear_object (&self->clock);
  g_clear_object (&self->routine);

  G_OBJECT_CLASS (limber_stretch_session_parent_class)->dispose (object);
}

static void
limber_stretch_session_finalize (GObject *object)
{
  LimberStretchSession *self = LIMBER_STRETCH_SESSION (object);

  g_clear_pointer (&self->phases, g_array_unref);
  g_free (self->completed);

  G_OBJECT_CLASS (limber_stretch_session_parent_class)->finalize (object);
}

static void
limber_stretch_session_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LimberStretchSession *self = LIMBER_STRETCH_SESSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_stretch_session_class_init (LimberStretchSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_stretch_session_dispose;
  object_class->finalize = limber_stretch_session_finalize;
  object_class->get_property = limber_stretch_session_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, LIMBER_TYPE_SESSION_STATE,
                       LIMBER_SESSION_STATE_READY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberStretchSession::cue:
   * @cue: a #LimberCue
   * @number: the countdown second, move, step or side, depending on @cue
   * @boundary_us: the monotonic clock time the cue belongs to
   *
   * Something to announce by sound or voice. @boundary_us is the exact planned moment, which
   * may be slightly before the emission.
   */
  signals[CUE] = g_signal_new ("cue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                               NULL, NULL, NULL, G_TYPE_NONE, 3,
                               LIMBER_TYPE_CUE, G_TYPE_UINT, G_TYPE_INT64);

  /* The phase, exercise or outcome changed: time to redraw. */
  signals[PHASE_CHANGED] = g_signal_new ("phase-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_stretch_session_init (LimberStretchSession *self)
{
  self->state = LIMBER_SESSION_STATE_READY;
  self->stopped_step = -1;
}

/**
 * limber_stretch_session_new:
 * @plank_hold_us: the plank's hold for this session, or 0 for the catalog's
 */
LimberStretchSession *
limber_stretch_session_new (LimberRoutine *routine,
                            LimberClock   *clock,
                            gint64         plank_hold_us)
{
  LimberStretchSession *self;

  g_return_val_if_fail (LIMBER_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (limber_routine_get_n_steps (routine) > 0, NULL);

  self = g_object_new (LIMBER_TYPE_STRETCH_SESSION, NULL);
  self->routine = g_object_ref (routine);
  self->clock = g_object_ref (clock);
  self->plank_hold_us = plank_hold_us;
  self->phases = limber_routine_build_phases (routine, plank_hold_us);
  self->completed = g_new0 (gboolean, limber_routine_get_n_steps (routine));

  return self;
}

void
limber_stretch_session_start (LimberStretchSession *self)
{
  g_return_if_fail (LIMBER_IS_STRETCH_SESSION (self));
  g_return_if_fail (self->state == LIMBER_SESSION_STATE_READY);

  self->started_wall_us = limber_clock_now_wall_us (self->clock);
  self->anchor_index = 0;
  self->anchor_us = limber_clock_now_monotonic_us (self->clock);
  enter_phase (self, 0, TRUE);
  schedule (self);
}

void
limber_stretch_session_pause (LimberStretchSession *self)
{
  g_return_if_fail (LIMBER_IS_STRETCH_SESSION (self));

  if (!limber_stretch_session_is_running (self))
    return;

  /* Deliver whatever fell due before the press, so the pause lands in the right phase. */
  process (self);
  if (!limber_stretch_session_is_running (self))
    return;

  limber_clock_clear (self->clock, &self->timer);
  self->paused_at_us = limber_clock_now_monotonic_us (self->clock);
  set_state (self, LIMBER_SESSION_STATE_PAUSED);
  g_signal_emit (self, signals[PHASE_CHANGED], 0);
}

void
limber_stretch_session_resume (LimberStretchSession *self)
{
  gint64 paused_us;

  g_return_if_fail (LIMBER_IS_STRETCH_SESSION (self));

  if (self->state != LIMBER_SESSION_STATE_PAUSED)
    return;

  paused_us = limber_clock_now_monotonic_us (self->clock) - self->paused_at_us;
  self->anchor_us += paused_us;
  self->paused_total_us += paused_us;
  set_state (self, state_of_phase (phase_at (self, self->index)));

  /* A jump made while paused was not announced; the phase it landed on starts now. */
  if (self->announce_on_resume)
    {
      self->announce_on_resume = FALSE;
      emit_phase_cues (self, self->index);
    }

  g_signal_emit (self, signals[PHASE_CHANGED], 0);
  process (self);
}

void
limber_stretch_session_toggle_pause (LimberStretchSession *self)
{
  if (self->state == LIMBER_SESSION_STATE_PAUSED)
    limber_stretch_session_resume (self);
  else
    limber_stretch_session_pause (self);
}

static guint
get_ready_index_of_step (LimberStretchSession *self,
                         guint                 step)
{
  for (guint i = 0; i < self->phases->len; i++)
    {
      if (phase_at (self, i)->step == step && phase_at (self, i)->kind == LIMBER_PHASE_GET_READY)
        return i;
    }

  g_return_val_if_reached (0);
}

/* Moves to the start of a phase now, keeping a pause if there is one. */
static void
jump_to (LimberStretchSession *self,
         guint                 index)
{
  gboolean paused = self->state == LIMBER_SESSION_STATE_PAUSED;
  gint64 now_us = limber_clock_now_monotonic_us (self->clock);

  if (paused)
    {
      self->paused_total_us += now_us - self->paused_at_us;
      self->paused_at_us = now_us;
    }

  self->anchor_index = index;
  self->anchor_us = now_us;
  self->announce_on_resume = paused;
  enter_phase (self, index, !paused);
  schedule (self);
}

/**
 * limber_stretch_session_next:
 *
 * Skips to the next exercise's get-ready, or ends the session after the last exercise. A skipped
 * exercise does not count as completed.
 */
void
limber_stretch_session_next (LimberStretchSession *self)
{
  guint step;

  g_return_if_fail (LIMBER_IS_STRETCH_SESSION (self));

  if (self->state == LIMBER_SESSION_STATE_READY || self->state == LIMBER_SESSION_STATE_FINISHED)
    return;

  process (self);
  if (self->state == LIMBER_SESSION_STATE_FINISHED)
    return;

  step = phase_at (self, self->index)->step;
  if (step + 1 >= limber_routine_get_n_steps (self->routine))
    finish (self, LIMBER_SESSION_OUTCOME_COMPLETED, limber_clock_now_monotonic_us (self->clock));
  else
    jump_to (self, get_ready_index_of_step (self, step + 1));
}

/**
 * limber_stretch_session_previous:
 *
 * Restarts the current exercise, or goes back to the previous one when the current one began
 * less than %LIMBER_PREVIOUS_RESTARTS_AFTER_US ago (time paused not counted).
 */
void
limber_stretch_session_previous (LimberStretchSession *self)
{
  guint step, start;

  g_return_if_fail (LIMBER_IS_STRETCH_SESSION (self));

  if (self->state == LIMBER_SESSION_STATE_READY || self->state == LIMBER_SESSION_STATE_FINISHED)
    return;

  process (self);
  if (self->state == LIMBER_SESSION_STATE_FINISHED)
    return;

  step = phase_at (self, self->index)->step;
  start = get_ready_index_of_step (self, step);

  if (step > 0 && session_now_us (self) - phase_start_us (self, start) < LIMBER_PREVIOUS_RESTARTS_AFTER_US)
    start = get_ready_index_of_step (self, step - 1);

  jump_to (self, start);
}

/**
 * limber_stretch_session_stop:
 * @outcome: %LIMBER_SESSION_OUTCOME_STOPPED or %LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN
 *
 * Ends the session at once, noting the exercise it was in (see
 * limber_stretch_session_get_stopped_step()).
 */
void
limber_stretch_session_stop (LimberStretchSession *self,
                             LimberSessionOutcome  outcome)
{
  const LimberPhase *phase;

  g_return_if_fail (LIMBER_IS_STRETCH_SESSION (self));
  g_return_if_fail (outcome == LIMBER_SESSION_OUTCOME_STOPPED ||
                    outcome == LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN);

  if (self->state == LIMBER_SESSION_STATE_READY || self->state == LIMBER_SESSION_STATE_FINISHED)
    return;

  /* The rest after an exercise comes once it is done: stopped there, none was interrupted. */
  phase = phase_at (self, self->index);
  self->stopped_step = phase->kind == LIMBER_PHASE_REST ? -1 : (int) phase->step;

  finish (self, outcome, limber_clock_now_monotonic_us (self->clock));
}

LimberSessionState
limber_stretch_session_get_state (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), LIMBER_SESSION_STATE_READY);
  return self->state;
}

/* Started, not paused, not finished: the time when the screen must stay awake. */
gboolean
limber_stretch_session_is_running (LimberStretchSession *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (self), FALSE);
  return self->state != LIMBER_SESSION_STATE_READY &&
         self->state != LIMBER_SESSION_STATE_PAUSED &&
         self->state != LIMBER_SESSION_STATE_FINISHED;
}
