/* limber-routine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "limber-routine.h"

typedef struct
{
  LimberExercise *exercise;
  LimberTiming   *timing;
} Step;

struct _LimberRoutine
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *description;
  char    *path;
  gboolean first_days;
  GArray  *steps;
};

G_DEFINE_FINAL_TYPE (LimberRoutine, limber_routine, G_TYPE_OBJECT)

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->exercise);
  g_clear_pointer (&step->timing, limber_timing_free);
}

static void
limber_routine_finalize (GObject *object)
{
  LimberRoutine *self = LIMBER_ROUTINE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->path);
  g_array_unref (self->steps);

  G_OBJECT_CLASS (limber_routine_parent_class)->finalize (object);
}

static void
limber_routine_class_init (LimberRoutineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_routine_finalize;
}

static void
limber_routine_init (LimberRoutine *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
}

/**
 * limber_routine_new:
 * @path: (nullable): the user file it came from, or %NULL for a built-in routine
 */
LimberRoutine *
limber_routine_new (const char *id,
                    const char *name,
                    const char *description,
                    const char *path)
{
  LimberRoutine *self;

  g_return_val_if_fail (id != NULL && name != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_ROUTINE, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->description = g_strdup (description != NULL ? description : "");
  self->path = g_strdup (path);

  return self;
}

/**
 * limber_routine_add_step:
 * @timing: (nullable): the timing for this step, copied; %NULL for the exercise's defaults
 */
void
limber_routine_add_step (LimberRoutine      *self,
                         LimberExercise     *exercise,
                         const LimberTiming *timing)
{
  Step step;

  g_return_if_fail (LIMBER_IS_ROUTINE (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  step.exercise = g_object_ref (exercise);
  step.timing = limber_timing_copy (timing != NULL ? timing : limber_exercise_get_timing (exercise));
  g_array_append_val (self->steps, step);
}

const char *
limber_routine_get_id (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  return self->id;
}

const char *
limber_routine_get_name (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  return self->name;
}

const char *
limber_routine_get_description (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  return self->description;
}

const char *
limber_routine_get_path (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  return self->path;
}

guint
limber_routine_get_n_steps (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), 0);
  return self->steps->len;
}

LimberExercise *
limber_routine_get_step_exercise (LimberRoutine *self,
                                  guint          step)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);
  return g_array_index (self->steps, Step, step).exercise;
}

const LimberTiming *
limber_routine_get_step_timing (LimberRoutine *self,
                                guint          step)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);
  return g_array_index (self->steps, Step, step).timing;
}

/**
 * limber_routine_set_first_days:
 * @first_days: whether the routine is meant for the first days of a spasm; the catalog sets it
 *   only when every exercise in it is safe then
 */
void
limber_routine_set_first_days (LimberRoutine *self,
                               gboolean       first_days)
{
  g_return_if_fail (LIMBER_IS_ROUTINE (self));
  self->first_days = !!first_days;
}

/* Returns: whether the care plan may offer the routine in the first days of a spasm */
gboolean
limber_routine_get_first_days (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), FALSE);
  return self->first_days;
}

gboolean
limber_routine_has_progressive (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), FALSE);

  for (guint i = 0; i < self->steps->len; i++)
    {
      if (limber_exercise_get_progressive (g_array_index (self->steps, Step, i).exercise))
        return TRUE;
    }

  return FALSE;
}

/* The exercise names, for a list row: "Knee to Chest, Pelvic Tilt, Cat-Cow". */
char *
limber_routine_dup_summary (LimberRoutine *self)
{
  g_autoptr(GString) summary = g_string_new ("");

  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);

  for (guint i = 0; i < self->steps->len; i++)
    {
      LimberExercise *exercise = g_array_index (self->steps, Step, i).exercise;

      if (i > 0)
        /* Translators: separates exercise names in a list, as in "Bridge, Plank". */
        g_string_append (summary, _(", "));
      g_string_append (summary, limber_exercise_get_name (exercise));
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static void
append_phase (GArray      *phases,
              LimberPhase *phase,
              gint64      *clock_us)
{
  phase->start_us = *clock_us;
  *clock_us += phase->duration_us;
  g_array_append_val (phases, *phase);
}

/* How many times the moves of a cycles-mode step repeat: as many as fit the duration, at least one. */
static guint
count_cycles (const LimberTiming *timing)
{
  gint64 cycle_us = 0;

  for (guint i = 0; i < timing->moves->len; i++)
    cycle_us += ((LimberMove *) g_ptr_array_index (timing->moves, i))->duration_us;

  return MAX (1, (guint) llround ((double) timing->duration_us / (double) cycle_us));
}

/**
 * limber_routine_measure:
 * @n_phases: (out) (optional): how many phases limber_routine_build_phases() would make
 * @duration_us: (out) (optional): how long they would last, with the default plank hold
 *
 * Counts what limber_routine_build_phases() lays out, without laying it out: a routine file
 * is checked with this before anything is built from it.
 */
void
limber_routine_measure (LimberRoutine *self,
                        guint64       *n_phases,
                        gint64        *duration_us)
{
  guint64 phases = 0;
  gint64 total_us = 0;

  g_return_if_fail (LIMBER_IS_ROUTINE (self));

  for (guint s = 0; s < self->steps->len; s++)
    {
      const Step *step = &g_array_index (self->steps, Step, s);
      const LimberTiming *timing = step->timing;
      LimberExerciseMode mode = limber_exercise_get_mode (step->exercise);
      guint64 sets = (guint64) timing->rounds * limber_routine_count_sides (step->exercise, timing);
      guint64 n_reps = 1;
      gint64 set_us = 0;

      if (mode == LIMBER_EXERCISE_MODE_REPS)
        n_reps = MAX (timing->reps, 1);
      else if (mode == LIMBER_EXERCISE_MODE_CYCLES)
        n_reps = count_cycles (timing);

      for (guint m = 0; m < timing->moves->len; m++)
        set_us += ((LimberMove *) g_ptr_array_index (timing->moves, m))->duration_us;

      /* Get ready; the moves of every set; a switch between sets; a rest but after the last. */
      phases += 1 + sets * n_reps * timing->moves->len;
      total_us += LIMBER_GET_READY_US + (gint64) (sets * n_reps) * set_us;
      if (sets > 1 && timing->switch_us > 0)
        {
          phases += sets - 1;
          total_us += (gint64) (sets - 1) * timing->switch_us;
        }
      if (s + 1 < self->steps->len && timing->rest_us > 0)
        {
          phases += 1;
          total_us += timing->rest_us;
        }
    }

  if (n_phases != NULL)
    *n_phases = phases;
  if (duration_us != NULL)
    *duration_us = total_us;
}

/**
 * limber_routine_count_sides:
 *
 * Returns: how many sides a step of @exercise with @timing does in each round: 2 for a
 *   two-sided exercise done on both sides, else 1
 */
guint
limber_routine_count_sides (LimberExercise     *exercise,
                            const LimberTiming *timing)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), 1);

  return limber_exercise_get_sides (exercise) == 2 && timing->sides == LIMBER_SIDES_BOTH ? 2 : 1;
}

/**
 * limber_routine_build_phases:
 * @progressive_hold_us: the hold of a progressive exercise (the plank) for this session
 *
 * Lays the routine out in time. The session engine and the duration shown in lists both come
 * from here, so they always agree.
 *
 * Returns: (transfer full) (element-type LimberPhase): the phases in order
 */
GArray *
limber_routine_build_phases (LimberRoutine *self,
                             gint64         progressive_hold_us)
{
  g_autoptr(GArray) phases = g_array_new (FALSE, TRUE, sizeof (LimberPhase));
  gint64 clock_us = 0;

  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);

  for (guint s = 0; s < self->steps->len; s++)
    {
      const Step *step = &g_array_index (self->steps, Step, s);
      const LimberTiming *timing = step->timing;
      LimberExerciseMode mode = limber_exercise_get_mode (step->exercise);
      gboolean two_sided = limber_exercise_get_sides (step->exercise) == 2;
      guint sides = limber_routine_count_sides (step->exercise, timing);
      /* The side done first, or alone. */
      LimberSide first = !two_sided ? LIMBER_SIDE_NONE
                         : timing->sides == LIMBER_SIDES_LEFT ? LIMBER_SIDE_LEFT : LIMBER_SIDE_RIGHT;
      guint n_reps = 0;
      LimberPhase phase = { 0 };

      if (mode == LIMBER_EXERCISE_MODE_REPS)
        n_reps = timing->reps;
      else if (mode == LIMBER_EXERCISE_MODE_CYCLES)
        n_reps = count_cycles (timing);

      phase = (LimberPhase) { .kind = LIMBER_PHASE_GET_READY, .step = s, .round = 1,
                              .side = first, .duration_us = LIMBER_GET_READY_US };
      append_phase (phases, &phase, &clock_us);

      for (guint round = 1; round <= timing->rounds; round++)
        {
          for (guint side = 0; side < sides; side++)
            {
              LimberSide this_side = side == 0 ? first : LIMBER_SIDE_LEFT;

              if ((round > 1 || side > 0) && timing->switch_us > 0)
                {
                  phase = (LimberPhase) { .kind = LIMBER_PHASE_SWITCH, .step = s,
                                          .side = this_side, .round = round,
                                          .duration_us = timing->switch_us };
                  append_phase (phases, &phase, &clock_us);
                }

              for (guint rep = 1; rep <= MAX (n_reps, 1); rep++)
                {
                  for (guint m = 0; m < timing->moves->len; m++)
                    {
                      const LimberMove *move = g_ptr_array_index (timing->moves, m);

                      phase = (LimberPhase) { .kind = LIMBER_PHASE_WORK, .step = s,
                                              .side = this_side, .round = round,
                                              .rep = n_reps > 0 ? rep : 0, .n_reps = n_reps,
                                              .move = m, .duration_us = move->duration_us,
                                              .first_of_set = rep == 1 && m == 0 };
                      if (mode == LIMBER_EXERCISE_MODE_HOLD &&
                          limber_exercise_get_progressive (step->exercise) &&
                          progressive_hold_us > 0)
                        phase.duration_us = progressive_hold_us;
                      append_phase (phases, &phase, &clock_us);
                    }
                }
            }
        }

      g_array_index (phases, LimberPhase, phases->len - 1).last_of_step = TRUE;

      if (s + 1 < self->steps->len && timing->rest_us > 0)
        {
          phase = (LimberPhase) { .kind = LIMBER_PHASE_REST, .step = s, .round = timing->rounds,
                                  .duration_us = timing->rest_us };
          append_phase (phases, &phase, &clock_us);
        }
    }

  return g_steal_pointer (&phases);
}

gint64
limber_routine_get_duration_us (LimberRoutine *self,
                                gint64         progressive_hold_us)
{
  g_autoptr(GArray) phases = limber_routine_build_phases (self, progressive_hold_us);
  const LimberPhase *last;

  if (phases->len == 0)
    return 0;

  last = &g_array_index (phases, LimberPhase, phases->len - 1);
  return last->start_us + last->duration_us;
}
