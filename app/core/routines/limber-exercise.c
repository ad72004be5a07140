/* limber-exercise.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-routines-enums.h"
#include "limber-enum-nick.h"

#include "limber-exercise.h"

struct _LimberExercise
{
  GObject             parent_instance;

  char               *id;
  char               *name;
  char               *instructions;
  char               *spoken;
  char               *illustration;
  LimberExerciseMode  mode;
  guint               sides;
  gboolean            progressive;
  gboolean            first_days;
  LimberTiming       *timing;
};

G_DEFINE_FINAL_TYPE (LimberExercise, limber_exercise, G_TYPE_OBJECT)

LimberMove *
limber_move_new (const char *name,
                 const char *instruction,
                 gint64      duration_us)
{
  LimberMove *move = g_new0 (LimberMove, 1);

  move->name = g_strdup (name);
  move->instruction = g_strdup (instruction);
  move->duration_us = duration_us;

  return move;
}

void
limber_move_free (LimberMove *move)
{
  if (move == NULL)
    return;

  g_free (move->name);
  g_free (move->instruction);
  g_free (move);
}

LimberTiming *
limber_timing_copy (const LimberTiming *timing)
{
  LimberTiming *copy = g_new0 (LimberTiming, 1);

  *copy = *timing;
  copy->moves = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_move_free);

  for (guint i = 0; timing->moves != NULL && i < timing->moves->len; i++)
    {
      const LimberMove *move = g_ptr_array_index (timing->moves, i);

      g_ptr_array_add (copy->moves,
                       limber_move_new (move->name, move->instruction, move->duration_us));
    }

  return copy;
}

void
limber_timing_free (LimberTiming *timing)
{
  if (timing == NULL)
    return;

  g_clear_pointer (&timing->moves, g_ptr_array_unref);
  g_free (timing);
}

static void
limber_exercise_finalize (GObject *object)
{
  LimberExercise *self = LIMBER_EXERCISE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->instructions);
  g_free (self->spoken);
  g_free (self->illustration);
  limber_timing_free (self->timing);

  G_OBJECT_CLASS (limber_exercise_parent_class)->finalize (object);
}

static void
limber_exercise_class_init (LimberExerciseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_exercise_finalize;
}

static void
limber_exercise_init (LimberExercise *self)
{
}

/**
 * limber_exercise_new:
 * @timing: the default timing, copied
 *
 * Strings are taken as they are: the catalog translates built-in text before making exercises.
 */
LimberExercise *
limber_exercise_new (const char         *id,
                     const char         *name,
                     const char         *instructions,
                     const char         *spoken,
                     const char         *illustration,
                     LimberExerciseMode  mode,
                     guint               sides,
                     gboolean            progressive,
                     const LimberTiming *timing)
{
  LimberExercise *self;

  g_return_val_if_fail (id != NULL && name != NULL, NULL);
  g_return_val_if_fail (sides == 1 || sides == 2, NULL);
  g_return_val_if_fail (timing != NULL && timing->moves != NULL && timing->moves->len > 0, NULL);

  self = g_object_new (LIMBER_TYPE_EXERCISE, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->instructions = g_strdup (instructions != NULL ? instructions : "");
  self->spoken = g_strdup (spoken != NULL ? spoken : "");
  self->illustration = g_strdup (illustration != NULL ? illustration : id);
  self->mode = mode;
  self->sides = sides;
  self->progressive = progressive;
  self->timing = limber_timing_copy (timing);

  return self;
}

const char *
limber_exercise_get_id (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->id;
}

const char *
limber_exercise_get_name (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->name;
}

const char *
limber_exercise_get_instructions (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->instructions;
}

/* A short form of the instructions, read out during the 5 s get-ready. */
const char *
limber_exercise_get_spoken (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->spoken;
}

const char *
limber_exercise_get_illustration (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->illustration;
}

LimberExerciseMode
limber_exercise_get_mode (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), LIMBER_EXERCISE_MODE_HOLD);
  return self->mode;
}

guint
limber_exercise_get_sides (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 1);
  return self->sides;
}

/* TRUE for the plank: its hold grows from session to session instead of being fixed. */
/**
 * limber_exercise_set_first_days:
 * @first_days: whether the exercise is gentle enough for the first days of a spasm
 */
void
limber_exercise_set_first_days (LimberExercise *self,
                                gboolean        first_days)
{
  g_return_if_fail (LIMBER_IS_EXERCISE (self));
  self->first_days = !!first_days;
}

/* Returns: whether the exercise may be done in the first days of a spasm (the acute plan) */
gboolean
limber_exercise_get_first_days (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), FALSE);
  return self->first_days;
}

gboolean
limber_exercise_get_progressive (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), FALSE);
  return self->progressive;
}

const LimberTiming *
limber_exercise_get_timing (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->timing;
}

const char *
limber_exercise_mode_to_string (LimberExerciseMode mode)
{
  g_return_val_if_fail (mode <= LIMBER_EXERCISE_MODE_CYCLES, NULL);
  return limber_enum_get_nick (LIMBER_TYPE_EXERCISE_MODE, mode);
}

gboolean
limber_exercise_mode_from_string (const char         *text,
                                  LimberExerciseMode *mode)
{
  int value;

  if (!limber_enum_from_nick (LIMBER_TYPE_EXERCISE_MODE, text, &value))
    return FALSE;

  *mode = value;
  return TRUE;
}
