/* limber-stretch-session.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "limber-clock.h"
#include "limber-routine.h"
#include "limber-session-record.h"

G_BEGIN_DECLS

/* The plank's hold grows by a step after each completed session, up to the maximum. */
#define LIMBER_PLANK_START_US (20 * G_USEC_PER_SEC)
#define LIMBER_PLANK_STEP_US  (5 * G_USEC_PER_SEC)
#define LIMBER_PLANK_MAX_US   (60 * G_USEC_PER_SEC)

/* "Previous" restarts the current exercise once it has run this long, as media players do. */
#define LIMBER_PREVIOUS_RESTARTS_AFTER_US (3 * G_USEC_PER_SEC)

typedef enum
{
  LIMBER_SESSION_STATE_READY,
  LIMBER_SESSION_STATE_GET_READY,
  LIMBER_SESSION_STATE_WORK,
  LIMBER_SESSION_STATE_SWITCH_SIDE,
  LIMBER_SESSION_STATE_REST,
  LIMBER_SESSION_STATE_PAUSED,
  LIMBER_SESSION_STATE_FINISHED,
} LimberSessionState;

/**
 * LimberCue:
 * @LIMBER_CUE_GET_READY: an exercise is about to begin; number: the step
 * @LIMBER_CUE_START: work begins on a side or round
 * @LIMBER_CUE_COUNTDOWN: 3, 2, 1 seconds left in a hold or rest; number: the seconds
 * @LIMBER_CUE_HALFWAY: half of a hold is done
 * @LIMBER_CUE_SWITCH_SIDE: change to the other side
 * @LIMBER_CUE_TEMPO: the next move of a rep or cycle; number: the move
 * @LIMBER_CUE_LAST_REP: the last rep or cycle begins
 * @LIMBER_CUE_REST: relax, after an exercise or between rounds
 * @LIMBER_CUE_EXERCISE_DONE: an exercise's work is done; number: the step
 * @LIMBER_CUE_SESSION_DONE: the routine is complete
 */
typedef enum
{
  LIMBER_CUE_GET_READY,
  LIMBER_CUE_START,
  LIMBER_CUE_COUNTDOWN,
  LIMBER_CUE_HALFWAY,
  LIMBER_CUE_SWITCH_SIDE,
  LIMBER_CUE_TEMPO,
  LIMBER_CUE_LAST_REP,
  LIMBER_CUE_REST,
  LIMBER_CUE_EXERCISE_DONE,
  LIMBER_CUE_SESSION_DONE,
} LimberCue;

#define LIMBER_TYPE_STRETCH_SESSION (limber_stretch_session_get_type ())
G_DECLARE_FINAL_TYPE (LimberStretchSession, limber_stretch_session, LIMBER, STRETCH_SESSION, GObject)

LimberStretchSession *limber_stretch_session_new            (LimberRoutine        *routine,
                                                             LimberClock          *clock,
                                                             gint64                plank_hold_us);
void                  limber_stretch_session_start          (LimberStretchSession *self);
void                  limber_stretch_session_pause          (LimberStretchSession *self);
void                  limber_stretch_session_resume         (LimberStretchSession *self);
void                  limber_stretch_session_toggle_pause   (LimberStretchSession *self);
void                  limber_stretch_session_next           (LimberStretchSession *self);
void                  limber_stretch_session_previous       (LimberStretchSession *self);
void                  limber_stretch_session_stop           (LimberStretchSession *self,
                                                             LimberSessionOutcome  outcome);

LimberSessionState    limber_stretch_session_get_state      (LimberStretchSession *self);
gboolean              limber_stretch_session_is_running     (LimberStretchSession *self);
LimberRoutine        *limber_stretch_session_get_routine    (LimberStretchSession *self);
const LimberPhase    *limber_stretch_session_get_phase      (LimberStretchSession *self);
guint                 limber_stretch_session_get_phase_index (LimberStretchSession *self);
guint                 limber_stretch_session_get_n_phases   (LimberStretchSession *self);
const LimberPhase    *limber_stretch_session_get_nth_phase  (LimberStretchSession *self,
                                                             guint                 index);
LimberExercise       *limber_stretch_session_get_exercise   (LimberStretchSession *self);
const LimberMove     *limber_stretch_session_get_move       (LimberStretchSession *self);
LimberExercise       *limber_stretch_session_get_next_exercise (LimberStretchSession *self);
gint64                limber_stretch_session_get_phase_end_us (LimberStretchSession *self);
gint64                limber_stretch_session_get_phase_remaining_us (LimberStretchSession *self);
gint64                limber_stretch_session_get_remaining_us (LimberStretchSession *self);
gint64                limber_stretch_session_get_duration_us (LimberStretchSession *self);
gint64                limber_stretch_session_get_paused_us  (LimberStretchSession *self);
LimberSessionOutcome  limber_stretch_session_get_outcome    (LimberStretchSession *self);
guint                 limber_stretch_session_get_exercises_completed (LimberStretchSession *self);
int                   limber_stretch_session_get_stopped_step (LimberStretchSession *self);
gint64                limber_stretch_session_get_finished_us (LimberStretchSession *self);
gint64                limber_stretch_session_get_plank_hold_us      (LimberStretchSession *self);
gint64                limber_stretch_session_get_next_plank_hold_us (LimberStretchSession *self);
LimberSessionRecord  *limber_stretch_session_create_record  (LimberStretchSession *self);

G_END_DECLS
