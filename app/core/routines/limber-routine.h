/* limber-routine.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "limber-exercise.h"

G_BEGIN_DECLS

#define LIMBER_GET_READY_US (5 * G_USEC_PER_SEC)

typedef enum
{
  LIMBER_SIDE_NONE,
  LIMBER_SIDE_RIGHT,
  LIMBER_SIDE_LEFT,
} LimberSide;

/**
 * LimberPhaseKind:
 * @LIMBER_PHASE_GET_READY: the 5 s before an exercise, while its name and instruction are read out
 * @LIMBER_PHASE_WORK: one move: a hold, or one step of a rep or cycle
 * @LIMBER_PHASE_SWITCH: changing side, or a short pause between rounds of a one-sided exercise
 * @LIMBER_PHASE_REST: the rest after an exercise
 */
typedef enum
{
  LIMBER_PHASE_GET_READY,
  LIMBER_PHASE_WORK,
  LIMBER_PHASE_SWITCH,
  LIMBER_PHASE_REST,
} LimberPhaseKind;

/**
 * LimberPhase:
 * @kind: what happens in the phase
 * @step: the index of the routine step (exercise) it belongs to
 * @side: the side worked on, for two-sided exercises
 * @round: the round, from 1
 * @rep: the rep or cycle, from 1; 0 for holds
 * @n_reps: the number of reps or cycles in the set; 0 for holds
 * @move: the index of the move in the step's timing
 * @duration_us: how long the phase lasts
 * @start_us: when it starts, counted from the start of the routine
 * @first_of_set: the first work phase of a side or round, where "start" sounds
 * @last_of_step: the last work phase of the step
 *
 * A routine laid out in time: every second of a session belongs to exactly one phase.
 */
typedef struct
{
  LimberPhaseKind  kind;
  guint            step;
  LimberSide       side;
  guint            round;
  guint            rep;
  guint            n_reps;
  guint            move;
  gint64           duration_us;
  gint64           start_us;
  gboolean         first_of_set;
  gboolean         last_of_step;
} LimberPhase;

#define LIMBER_TYPE_ROUTINE (limber_routine_get_type ())
G_DECLARE_FINAL_TYPE (LimberRoutine, limber_routine, LIMBER, ROUTINE, GObject)

LimberRoutine      *limber_routine_new               (const char         *id,
                                                      const char         *name,
                                                      const char         *description,
                                                      const char         *path);
void                limber_routine_add_step          (LimberRoutine      *self,
                                                      LimberExercise     *exercise,
                                                      const LimberTiming *timing);
const char         *limber_routine_get_id            (LimberRoutine      *self);
const char         *limber_routine_get_name          (LimberRoutine      *self);
const char         *limber_routine_get_description   (LimberRoutine      *self);
const char         *limber_routine_get_path          (LimberRoutine      *self);
guint               limber_routine_get_n_steps       (LimberRoutine      *self);
LimberExercise     *limber_routine_get_step_exercise (LimberRoutine      *self,
                                                      guint               step);
const LimberTiming *limber_routine_get_step_timing   (LimberRoutine      *self,
                                                      guint               step);
gboolean            limber_routine_has_progressive   (LimberRoutine      *self);
void                limber_routine_set_first_days    (LimberRoutine      *self,
                                                      gboolean            first_days);
gboolean            limber_routine_get_first_days    (LimberRoutine      *self);
char               *limber_routine_dup_summary       (LimberRoutine      *self);
guint               limber_routine_count_sides       (LimberExercise     *exercise,
                                                      const LimberTiming *timing);
GArray             *limber_routine_build_phases      (LimberRoutine      *self,
                                                      gint64              progressive_hold_us);
void                limber_routine_measure           (LimberRoutine      *self,
                                                      guint64            *n_phases,
                                                      gint64             *duration_us);
gint64              limber_routine_get_duration_us   (LimberRoutine      *self,
                                                      gint64              progressive_hold_us);

G_END_DECLS
