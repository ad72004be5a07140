/* limber-exercise.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * LimberExerciseMode:
 * @LIMBER_EXERCISE_MODE_HOLD: one position held for a time, per side and round
 * @LIMBER_EXERCISE_MODE_REPS: a counted number of repetitions of a sequence of moves
 * @LIMBER_EXERCISE_MODE_CYCLES: a sequence of moves repeated for a given time
 */
typedef enum
{
  LIMBER_EXERCISE_MODE_HOLD,
  LIMBER_EXERCISE_MODE_REPS,
  LIMBER_EXERCISE_MODE_CYCLES,
} LimberExerciseMode;

/**
 * LimberMove:
 * @name: a short name shown large and in the cue, such as "Tilt"
 * @instruction: what to do during the move
 * @duration_us: how long the move lasts
 *
 * One step of a rep or cycle, or the single position of a hold.
 */
typedef struct
{
  char   *name;
  char   *instruction;
  gint64  duration_us;
} LimberMove;

/**
 * LimberSides:
 * @LIMBER_SIDES_BOTH: the right side, then the left (or the one side a one-sided exercise has)
 * @LIMBER_SIDES_RIGHT: the right side only
 * @LIMBER_SIDES_LEFT: the left side only
 *
 * Which sides of a two-sided exercise a routine step does, e.g. one side only when a
 * physiotherapist says so.
 */
typedef enum
{
  LIMBER_SIDES_BOTH,
  LIMBER_SIDES_RIGHT,
  LIMBER_SIDES_LEFT,
} LimberSides;

/**
 * LimberTiming:
 * @moves: (element-type LimberMove): the moves of one rep or cycle; a hold has one move
 * @rounds: how many times each side is done
 * @reps: repetitions of @moves (reps mode)
 * @duration_us: how long @moves are repeated (cycles mode)
 * @switch_us: the pause to change side, or between rounds of a one-sided exercise
 * @rest_us: the rest after the exercise, before the next one
 * @sides: which sides of a two-sided exercise are done
 *
 * How long and how often an exercise is done. An exercise has default timings; a routine step
 * may override any of them.
 */
typedef struct
{
  GPtrArray *moves;
  guint      rounds;
  guint      reps;
  gint64     duration_us;
  gint64     switch_us;
  gint64     rest_us;
  LimberSides sides;
} LimberTiming;

LimberTiming *limber_timing_copy (const LimberTiming *timing);
void          limber_timing_free (LimberTiming       *timing);
LimberMove   *limber_move_new    (const char         *name,
                                  const char         *instruction,
                                  gint64              duration_us);
void          limber_move_free   (LimberMove         *move);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberTiming, limber_timing_free)

#define LIMBER_TYPE_EXERCISE (limber_exercise_get_type ())
G_DECLARE_FINAL_TYPE (LimberExercise, limber_exercise, LIMBER, EXERCISE, GObject)

LimberExercise     *limber_exercise_new              (const char         *id,
                                                      const char         *name,
                                                      const char         *instructions,
                                                      const char         *spoken,
                                                      const char         *illustration,
                                                      LimberExerciseMode  mode,
                                                      guint               sides,
                                                      gboolean            progressive,
                                                      const LimberTiming *timing);
const char         *limber_exercise_get_id           (LimberExercise     *self);
const char         *limber_exercise_get_name         (LimberExercise     *self);
const char         *limber_exercise_get_instructions (LimberExercise     *self);
const char         *limber_exercise_get_spoken       (LimberExercise     *self);
const char         *limber_exercise_get_illustration (LimberExercise     *self);
LimberExerciseMode  limber_exercise_get_mode         (LimberExercise     *self);
guint               limber_exercise_get_sides        (LimberExercise     *self);
gboolean            limber_exercise_get_progressive  (LimberExercise     *self);
void                limber_exercise_set_first_days   (LimberExercise     *self,
                                                      gboolean            first_days);
gboolean            limber_exercise_get_first_days   (LimberExercise     *self);
const LimberTiming *limber_exercise_get_timing       (LimberExercise     *self);

const char         *limber_exercise_mode_to_string   (LimberExerciseMode  mode);
gboolean            limber_exercise_mode_from_string (const char         *text,
                                                      LimberExerciseMode *mode);

G_END_DECLS
