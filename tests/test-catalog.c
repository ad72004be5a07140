/* test-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limber-catalog.h"
#include "limber-core-test.h"
#include "limber-error.h"

#define SECOND G_GINT64_CONSTANT (1000000)

/* The loader's log domain, set in app/core/meson.build. */
#define CORE_LOG_DOMAIN "Limber"

/* Every exercise id, sorted, as messages about an unknown exercise list them. */
#define EXERCISE_IDS "bridge, cat-cow, knee-to-chest, pelvic-tilt, plank"

/* A fresh folder for user routines, removed again by remove_dir(). */
static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("limber-test-catalog-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* A sparse 10 MB file of zeros. Read, it would be reported as not UTF-8; it must be refused by
 * its size before that. */
static char *
write_huge_file (const char *dir,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), 10 * 1024 * 1024, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  return path;
}

static guint
n_routines (LimberCatalog *catalog)
{
  return g_list_model_get_n_items (limber_catalog_get_routines (catalog));
}

static const char *
routine_id_at (LimberCatalog *catalog,
               guint          position)
{
  g_autoptr(LimberRoutine) routine = g_list_model_get_item (limber_catalog_get_routines (catalog),
                                                            position);

  g_assert_nonnull (routine);
  return limber_routine_get_id (routine);  /* the catalog keeps it alive */
}

static const LimberMove *
move_at (const LimberTiming *timing,
         guint               index)
{
  g_assert_cmpuint (index, <, timing->moves->len);
  return g_ptr_array_index (timing->moves, index);
}

static void
assert_move (const LimberTiming *timing,
             guint               index,
             const char         *name,
             gint64              duration_us)
{
  const LimberMove *move = move_at (timing, index);

  g_assert_cmpstr (move->name, ==, name);
  g_assert_nonnull (move->instruction);
  g_assert_cmpstr (move->instruction, !=, "");
  g_assert_cmpint (move->duration_us, ==, duration_us);
}

static void
assert_step (LimberRoutine *routine,
             guint          step,
             const char    *exercise_id)
{
  g_assert_cmpstr (limber_exercise_get_id (limber_routine_get_step_exercise (routine, step)), ==,
                   exercise_id);
}

/* The shipped catalog. */

static void
test_builtin_exercises (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  LimberExercise *exercise;
  const LimberTiming *timing;
  const char * const ids[] = { "knee-to-chest", "cat-cow", "pelvic-tilt", "bridge", "plank" };

  g_assert_null (limber_catalog_find_exercise (catalog, "squat"));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      exercise = limber_catalog_find_exercise (catalog, ids[i]);
      g_assert_nonnull (exercise);
      g_assert_cmpstr (limber_exercise_get_id (exercise), ==, ids[i]);
      g_assert_cmpstr (limber_exercise_get_illustration (exercise), ==, ids[i]);
      g_assert_cmpstr (limber_exercise_get_instructions (exercise), !=, "");
      g_assert_cmpstr (limber_exercise_get_spoken (exercise), !=, "");
      g_assert_cmpint (limber_exercise_get_timing (exercise)->rest_us, ==, 20 * SECOND);
    }

  /* A two-sided hold: 30 s per side, twice round, 5 s to change side. */
  exercise = limber_catalog_find_exercise (catalog, "knee-to-chest");
  timing = limber_exercise_get_timing (exercise);
  g_assert_cmpstr (limber_exercise_get_name (exercise), ==, "Knee to Chest");
  g_assert_cmpint (limber_exercise_get_mode (exercise), ==, LIMBER_EXERCISE_MODE_HOLD);
  g_assert_cmpuint (limber_exercise_get_sides (exercise), ==, 2);
  g_assert_false (limber_exercise_get_progressive (exercise));
  g_assert_cmpuint (timing->moves->len, ==, 1);
  assert_move (timing, 0, "Hold", 30 * SECOND);
  /* The one move of a hold speaks the exercise's spoken line. */
  g_assert_cmpstr (move_at (timing, 0)->instruction, ==, limber_exercise_get_spoken (exercise));
  g_assert_cmpuint (timing->rounds, ==, 2);
  g_assert_cmpint (timing->switch_us, ==, 5 * SECOND);

  /* Cycles: Cat and Cow, 5 s each, for 60 s. */
  exercise = limber_catalog_find_exercise (catalog, "cat-cow");
  timing = limber_exercise_get_timing (exercise);
  g_assert_cmpstr (limber_exercise_get_name (exercise), ==, "Cat-Cow");
  g_assert_cmpint (limber_exercise_get_mode (exercise), ==, LIMBER_EXERCISE_MODE_CYCLES);
  g_assert_cmpuint (limber_exercise_get_sides (exercise), ==, 1);
  g_assert_false (limber_exercise_get_progressive (exercise));
  g_assert_cmpuint (timing->moves->len, ==, 2);
  assert_move (timing, 0, "Cat", 5 * SECOND);
  assert_move (timing, 1, "Cow", 5 * SECOND);
  g_assert_cmpint (timing->duration_us, ==, 60 * SECOND);
  g_assert_cmpuint (timing->rounds, ==, 1);

  /* Reps: 12 of Tilt 3 s + Release 3 s. */
  exercise = limber_catalog_find_exercise (catalog, "pelvic-tilt");
  timing = limber_exercise_get_timing (exercise);
  g_assert_cmpstr (limber_exercise_get_name (exercise), ==, "Pelvic Tilt");
  g_assert_cmpint (limber_exercise_get_mode (exercise), ==, LIMBER_EXERCISE_MODE_REPS);
  g_assert_cmpuint (limber_exercise_get_sides (exercise), ==, 1);
  g_assert_false (limber_exercise_get_progressive (exercise));
  g_assert_cmpuint (timing->moves->len, ==, 2);
  assert_move (timing, 0, "Tilt", 3 * SECOND);
  assert_move (timing, 1, "Release", 3 * SECOND);
  g_assert_cmpuint (timing->reps, ==, 12);
  g_assert_cmpuint (timing->rounds, ==, 1);

  /* Reps: 10 of Lift 2 s + Hold 4 s + Lower 3 s. */
  exercise = limber_catalog_find_exercise (catalog, "bridge");
  timing = limber_exercise_get_timing (exercise);
  g_assert_cmpstr (limber_exercise_get_name (exercise), ==, "Bridge");
  g_assert_cmpint (limber_exercise_get_mode (exercise), ==, LIMBER_EXERCISE_MODE_REPS);
  g_assert_cmpuint (limber_exercise_get_sides (exercise), ==, 1);
  g_assert_false (limber_exercise_get_progressive (exercise));
  g_assert_cmpuint (timing->moves->len, ==, 3);
  assert_move (timing, 0, "Lift", 2 * SECOND);
  assert_move (timing, 1, "Hold", 4 * SECOND);
  assert_move (timing, 2, "Lower", 3 * SECOND);
  g_assert_cmpuint (timing->reps, ==, 10);

  /* A progressive one-sided hold: 20 s, twice, 15 s between rounds. */
  exercise = limber_catalog_find_exercise (catalog, "plank");
  timing = limber_exercise_get_timing (exercise);
  g_assert_cmpstr (limber_exercise_get_name (exercise), ==, "Plank");
  g_assert_cmpint (limber_exercise_get_mode (exercise), ==, LIMBER_EXERCISE_MODE_HOLD);
  g_assert_cmpuint (limber_exercise_get_sides (exercise), ==, 1);
  g_assert_true (limber_exercise_get_progressive (exercise));
  g_assert_cmpuint (timing->moves->len, ==, 1);
  assert_move (timing, 0, "Hold", 20 * SECOND);
  g_assert_cmpuint (timing->rounds, ==, 2);
  g_assert_cmpint (timing->switch_us, ==, 15 * SECOND);

  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_builtin_routines (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *ids = limber_catalog_dup_routine_ids (catalog);
  g_autofree char *summary = NULL;
  LimberRoutine *routine;
  const LimberTiming *timing;

  g_assert_cmpstr (ids, ==, "gentle-relief, daily-mobility, core-strength");
  g_assert_cmpuint (n_routines (catalog), ==, 3);
  g_assert_null (limber_catalog_find_routine (catalog, "physio-example"));

  routine = limber_catalog_find_routine (catalog, "gentle-relief");
  g_assert_nonnull (routine);
  g_assert_cmpstr (limber_routine_get_name (routine), ==, "Gentle Relief");
  g_assert_cmpstr (limber_routine_get_description (routine), ==,
                   "Slow and safe in the first days of a spasm.");
  g_assert_null (limber_routine_get_path (routine));
  g_assert_false (limber_routine_has_progressive (routine));
  g_assert_cmpuint (limber_routine_get_n_steps (routine), ==, 3);
  assert_step (routine, 0, "knee-to-chest");
  assert_step (routine, 1, "pelvic-tilt");
  assert_step (routine, 2, "cat-cow");
  /* The first step keeps the exercise's defaults; the others override them. */
  timing = limber_routine_get_step_timing (routine, 0);
  g_assert_cmpuint (timing->rounds, ==, 2);
  assert_move (timing, 0, "Hold", 30 * SECOND);
  g_assert_cmpuint (limber_routine_get_step_timing (routine, 1)->reps, ==, 15);
  timing = limber_routine_get_step_timing (routine, 2);
  assert_move (timing, 0, "Cat", 6 * SECOND);
  assert_move (timing, 1, "Cow", 6 * SECOND);
  g_assert_cmpint (timing->duration_us, ==, 60 * SECOND);
  summary = limber_routine_dup_summary (routine);
  g_assert_cmpstr (summary, ==, "Knee to Chest, Pelvic Tilt, Cat-Cow");

  routine = limber_catalog_find_routine (catalog, "daily-mobility");
  g_assert_nonnull (routine);
  g_assert_cmpstr (limber_routine_get_name (routine), ==, "Daily Mobility");
  g_assert_null (limber_routine_get_path (routine));
  g_assert_true (limber_routine_has_progressive (routine));
  g_assert_cmpuint (limber_routine_get_n_steps (routine), ==, 5);
  assert_step (routine, 0, "knee-to-chest");
  assert_step (routine, 1, "cat-cow");
  assert_step (routine, 2, "pelvic-tilt");
  assert_step (routine, 3, "bridge");
  assert_step (routine, 4, "plank");
  g_assert_cmpuint (limber_routine_get_step_timing (routine, 0)->rounds, ==, 3);
  g_assert_cmpint (limber_routine_get_step_timing (routine, 1)->duration_us, ==, 90 * SECOND);
  g_assert_cmpuint (limber_routine_get_step_timing (routine, 2)->reps, ==, 15);
  g_assert_cmpuint (limber_routine_get_step_timing (routine, 3)->reps, ==, 12);
  g_assert_cmpuint (limber_routine_get_step_timing (routine, 4)->rounds, ==, 3);

  routine = limber_catalog_find_routine (catalog, "core-strength");
  g_assert_nonnull (routine);
  g_assert_cmpstr (limber_routine_get_name (routine), ==, "Core Strength");
  g_assert_null (limber_routine_get_path (routine));
  g_assert_true (limber_routine_has_progressive (routine));
  g_assert_cmpuint (limber_routine_get_n_steps (routine), ==, 3);
  assert_step (routine, 0, "pelvic-tilt");
  assert_step (routine, 1, "bridge");
  assert_step (routine, 2, "plank");
  g_assert_cmpuint (limber_routine_get_step_timing (routine, 0)->reps, ==, 15);
  g_assert_cmpuint (limber_routine_get_step_timing (routine, 1)->reps, ==, 12);
  g_assert_cmpuint (limber_routine_get_step_timing (routine, 2)->rounds, ==, 3);

  /* A step's overrides are its own: the exercise keeps its defaults. */
  timing = limber_exercise_get_timing (limber_catalog_find_exercise (catalog, "pelvic-tilt"));
  g_assert_cmpuint (timing->reps, ==, 12);
  timing = limber_exercise_get_timing (limber_catalog_find_exercise (catalog, "cat-cow"));
  assert_move (timing, 0, "Cat", 5 * SECOND);

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/*
 * How long each routine lasts, worked out by hand from catalog.json the way
 * limber_routine_build_phases() lays it out: 5 s to get ready before every exercise, a switch
 * before every side or round but the first, and the exercise's rest after every exercise but the
 * last. Without a progressive hold the plank holds its 20 s.
 *
 *   knee-to-chest (2 rounds × 2 sides):  5 + 4 × 30 + 3 × 5 + 20              = 160 s
 *   knee-to-chest, rounds 3:             5 + 6 × 30 + 5 × 5 + 20              = 230 s
 *   pelvic-tilt, reps 15:                5 + 15 × (3 + 3) + 20                = 115 s
 *   cat-cow, tempo [6, 6], last:         5 + 60 s / 12 s = 5 cycles × 12      =  65 s
 *   cat-cow, duration 90:                5 + 90 s / 10 s = 9 cycles × 10 + 20 = 115 s
 *   bridge, reps 12:                     5 + 12 × (2 + 4 + 3) + 20            = 133 s
 *   plank, rounds 3, last:               5 + 3 × 20 + 2 × 15                  =  95 s
 *   plank, rounds 3, last, 45 s holds:   5 + 3 × 45 + 2 × 15                  = 170 s
 *
 *   gentle-relief:  160 + 115 + 65             = 340 s (5 min 40 s)
 *   daily-mobility: 230 + 115 + 115 + 133 + 95 = 688 s (11 min 28 s)
 *   core-strength:  115 + 133 + 95             = 343 s (5 min 43 s)
 */
static void
test_builtin_durations (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  LimberRoutine *gentle = limber_catalog_find_routine (catalog, "gentle-relief");
  LimberRoutine *daily = limber_catalog_find_routine (catalog, "daily-mobility");
  LimberRoutine *core = limber_catalog_find_routine (catalog, "core-strength");
  g_autoptr(GArray) phases = NULL;
  const LimberPhase *last;

  g_assert_cmpint (limber_routine_get_duration_us (gentle, 0), >=, 5 * 60 * SECOND);
  g_assert_cmpint (limber_routine_get_duration_us (gentle, 0), <=, 7 * 60 * SECOND);
  g_assert_cmpint (limber_routine_get_duration_us (daily, 0), >=, 10 * 60 * SECOND);
  g_assert_cmpint (limber_routine_get_duration_us (daily, 0), <=, 14 * 60 * SECOND);

  g_assert_cmpint (limber_routine_get_duration_us (gentle, 0), ==, 340 * SECOND);
  g_assert_cmpint (limber_routine_get_duration_us (daily, 0), ==, 688 * SECOND);
  g_assert_cmpint (limber_routine_get_duration_us (core, 0), ==, 343 * SECOND);

  /* A progressive hold replaces the plank's 20 s and changes nothing else. */
  g_assert_cmpint (limber_routine_get_duration_us (gentle, 45 * SECOND), ==, 340 * SECOND);
  g_assert_cmpint (limber_routine_get_duration_us (daily, 45 * SECOND), ==,
                   (688 - 95 + 170) * SECOND);
  g_assert_cmpint (limber_routine_get_duration_us (core, 45 * SECOND), ==,
                   (343 - 95 + 170) * SECOND);

  /* The phases of gentle-relief add up to the same: no rest after the last exercise. */
  phases = limber_routine_build_phases (gentle, 0);
  last = &g_array_index (phases, LimberPhase, phases->len - 1);
  g_assert_cmpint (last->kind, ==, LIMBER_PHASE_WORK);
  g_assert_cmpuint (last->step, ==, 2);
  g_assert_true (last->last_of_step);
  g_assert_cmpint (last->start_us + last->duration_us, ==, 340 * SECOND);

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/* The user's own routines. */

static const char good_routine[] =
  "{\n"
  "  \"id\": \"my-evening\",\n"
  "  \"name\": \"My evening\",\n"
  "  \"description\": \"Slower bridges.\",\n"
  "  \"steps\": [\n"
  "    { \"exercise\": \"pelvic-tilt\" },\n"
  "    { \"exercise\": \"bridge\", \"reps\": 8, \"tempo\": [2, 5, 3] }\n"
  "  ]\n"
  "}\n";

static const char other_good_routine[] =
  "{\n"
  "  \"id\": \"my-morning\",\n"
  "  \"name\": \"My morning\",\n"
  "  \"steps\": [{ \"exercise\": \"knee-to-chest\", \"hold\": 45.5 }]\n"
  "}\n";

typedef struct
{
  const char *test_path;
  const char *file_name;
  const char *contents;  /* NULL for a 10 MB file */
  int         line;
  const char *message;
} BadFile;

/* In file-name order, which is the order they load and are reported in. */
/* 3,000 characters with no space. */
#define X30       "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
#define X300      X30 X30 X30 X30 X30 X30 X30 X30 X30 X30
#define LONG_TEXT X300 X300 X300 X300 X300 X300 X300 X300 X300 X300

static const BadFile bad_files[] = {
  {
    "/catalog/user/bad/absurd-duration", "absurd-duration.json",
    "{\n"
    "  \"id\": \"absurd\",\n"
    "  \"name\": \"Absurd hold\",\n"
    "  \"steps\": [\n"
    "    {\n"
    "      \"exercise\": \"knee-to-chest\",\n"
    "      \"hold\": 100000\n"
    "    }\n"
    "  ]\n"
    "}\n",
    7, "“hold” is 100000 seconds; it must be from 1 to 600 seconds",
  },
  {
    /* Spaces and characters that show nothing would make a card with no title. */
    "/catalog/user/bad/blank-name", "blank-name.json",
    "{\n"
    "  \"id\": \"blank\",\n"
    "  \"name\": \" \\u200b\\u3164\\t \",\n"
    "  \"steps\": [{ \"exercise\": \"bridge\" }]\n"
    "}\n",
    3, "“name” must have a visible character, not only spaces",
  },
  {
    "/catalog/user/bad/builtin-id", "builtin-id.json",
    "{\n"
    "  \"id\": \"gentle-relief\",\n"
    "  \"name\": \"My gentle relief\",\n"
    "  \"steps\": [{ \"exercise\": \"bridge\" }]\n"
    "}\n",
    2, "the id “gentle-relief” is already used by a built-in routine; choose another",
  },
  {
    "/catalog/user/bad/huge", "huge.json", NULL,
    /* g_format_size() puts a no-break space before the unit. */
    0, "the file is too large (10.5\u00a0MB); a routine file may be at most 1.0\u00a0MB",
  },
  {
    /* "$" in a pattern also matches before a final newline. */
    "/catalog/user/bad/id-newline", "id-newline.json",
    "{\n"
    "  \"id\": \"trailing\\n\",\n"
    "  \"name\": \"Trailing newline\",\n"
    "  \"steps\": [{ \"exercise\": \"bridge\" }]\n"
    "}\n",
    2, "the id “trailing\\x0a” may use only lowercase letters, digits and hyphens, at most 64 of them",
  },
  {
    /* json-glib would cut the id at the NUL: "ok", while the file says more. */
    "/catalog/user/bad/id-nul", "id-nul.json",
    "{\n"
    "  \"id\": \"ok\\u0000../../x\",\n"
    "  \"name\": \"Cut id\",\n"
    "  \"steps\": [{ \"exercise\": \"bridge\" }]\n"
    "}\n",
    2, "a text holds the character \\u0000, which no text may hold",
  },
  {
    "/catalog/user/bad/long-description", "long-description.json",
    "{\n"
    "  \"id\": \"long-description\",\n"
    "  \"name\": \"Long description\",\n"
    "  \"description\": \"" LONG_TEXT "\",\n"
    "  \"steps\": [{ \"exercise\": \"bridge\" }]\n"
    "}\n",
    4, "“description” is longer than 300 characters; make it shorter",
  },
  {
    "/catalog/user/bad/long-id", "long-id.json",
    "{\n"
    "  \"id\": \"" LONG_TEXT "\",\n"
    "  \"name\": \"Long id\",\n"
    "  \"steps\": [{ \"exercise\": \"bridge\" }]\n"
    "}\n",
    2, "the id “xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…” may use only lowercase letters, digits and hyphens, at most 64 of them",
  },
  {
    /* 3,000 characters with no space grew the window past what X can draw. */
    "/catalog/user/bad/long-name", "long-name.json",
    "{\n"
    "  \"id\": \"long-name\",\n"
    "  \"name\": \"" LONG_TEXT "\",\n"
    "  \"steps\": [{ \"exercise\": \"bridge\" }]\n"
    "}\n",
    3, "“name” is longer than 80 characters; make it shorter",
  },
  {
    /* A huge unknown value is quoted shortened, never whole. */
    "/catalog/user/bad/long-unknown-exercise", "long-unknown-exercise.json",
    "{\n"
    "  \"id\": \"long-exercise\",\n"
    "  \"name\": \"Long exercise\",\n"
    "  \"steps\": [{ \"exercise\": \"" LONG_TEXT "\" }]\n"
    "}\n",
    4, "unknown exercise “xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”; the exercises are: " EXERCISE_IDS,
  },
  {
    "/catalog/user/bad/long-unknown-field", "long-unknown-field.json",
    "{\n"
    "  \"id\": \"long-field\",\n"
    "  \"name\": \"Long field\",\n"
    "  \"steps\": [{ \"exercise\": \"bridge\", \"" LONG_TEXT "\": 1 }]\n"
    "}\n",
    4, "unknown field “xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”; check its spelling",
  },
  {
    "/catalog/user/bad/missing-field", "missing-field.json",
    "{\n"
    "  \"id\": \"no-name\",\n"
    "  \"steps\": [{ \"exercise\": \"bridge\" }]\n"
    "}\n",
    1, "missing field “name”",
  },
  {
    "/catalog/user/bad/missing-exercise", "missing-step-field.json",
    "{\n"
    "  \"id\": \"no-exercise\",\n"
    "  \"name\": \"No exercise\",\n"
    "  \"steps\": [\n"
    "    { \"exercise\": \"bridge\" },\n"
    "    { \"reps\": 8 }\n"
    "  ]\n"
    "}\n",
    6, "missing field “exercise”",
  },
  {
    "/catalog/user/bad/negative-duration", "negative-duration.json",
    "{\n"
    "  \"id\": \"negative\",\n"
    "  \"name\": \"Negative duration\",\n"
    "  \"steps\": [\n"
    "    { \"exercise\": \"cat-cow\", \"duration\": -5 }\n"
    "  ]\n"
    "}\n",
    5, "“duration” is -5 seconds; it must be from 5 to 1800 seconds",
  },
  {
    "/catalog/user/bad/not-utf8", "not-utf8.json",
    "{\n"
    "  \"id\": \"latin-1\",\n"
    "  \"name\": \"Caf\xe9 break\",\n"
    "  \"steps\": [{ \"exercise\": \"bridge\" }]\n"
    "}\n",
    3, "the file is not UTF-8 text; save it as UTF-8",
  },
  {
    "/catalog/user/bad/sides-one-sided", "sides-one-sided.json",
    "{\n"
    "  \"id\": \"one-sided\",\n"
    "  \"name\": \"One-sided plank\",\n"
    "  \"steps\": [\n"
    "    { \"exercise\": \"plank\",\n"
    "      \"sides\": \"left\" }\n"
    "  ]\n"
    "}\n",
    6, "“sides” is only for exercises done on each side in turn",
  },
  {
    "/catalog/user/bad/sides-word", "sides-word.json",
    "{\n"
    "  \"id\": \"sides-word\",\n"
    "  \"name\": \"Which side\",\n"
    "  \"steps\": [\n"
    "    { \"exercise\": \"knee-to-chest\",\n"
    "      \"sides\": \"top\" }\n"
    "  ]\n"
    "}\n",
    6, "“sides” must be “both”, “right” or “left”",
  },
  {
    "/catalog/user/bad/syntax", "syntax.json",
    "{\n"
    "  \"id\": \"missing-comma\",\n"
    "  \"name\": \"Missing comma\"\n"
    "  \"steps\": [{ \"exercise\": \"bridge\" }]\n"
    "}\n",
    /* json-glib's own words (1.6): it stops at "steps" but names the line before, where the
     * comma is missing. The column it adds is dropped. */
    3, "Parse error: unexpected string constant \"Missing comma\", expected character `,'",
  },
  {
    "/catalog/user/bad/tempo-count", "tempo-count.json",
    "{\n"
    "  \"id\": \"short-tempo\",\n"
    "  \"name\": \"Short tempo\",\n"
    "  \"steps\": [\n"
    "    { \"exercise\": \"cat-cow\" },\n"
    "    { \"exercise\": \"bridge\", \"tempo\": [2, 3] }\n"
    "  ]\n"
    "}\n",
    6, "“tempo” must be a list of 3 numbers of seconds, one for each move",
  },
  {
    /* Every value within its limits, and the whole five hours long. */
    "/catalog/user/bad/too-long", "too-long.json",
    "{\n"
    "  \"id\": \"too-long\",\n"
    "  \"name\": \"Too long\",\n"
    "  \"steps\": [\n"
    "    { \"exercise\": \"cat-cow\", \"duration\": 1800, \"rounds\": 10, \"switch\": 0 }\n"
    "  ]\n"
    "}\n",
    5, "with step 1 the routine lasts 301 minutes; a routine may last at most 180 minutes",
  },
  {
    /* Under an hour, but 6003 phases to lay out. */
    "/catalog/user/bad/too-many-moves", "too-many-moves.json",
    "{\n"
    "  \"id\": \"too-many\",\n"
    "  \"name\": \"Too many moves\",\n"
    "  \"steps\": [\n"
    "    { \"exercise\": \"bridge\", \"reps\": 100, \"tempo\": [0.5, 0.5, 0.5], \"rounds\": 10,"
    " \"switch\": 0 },\n"
    "    { \"exercise\": \"bridge\", \"reps\": 100, \"tempo\": [0.5, 0.5, 0.5], \"rounds\": 10,"
    " \"switch\": 0 }\n"
    "  ]\n"
    "}\n",
    6, "with step 2 the routine has 6003 moves, switches and rests; a routine may have at most "
    "5000",
  },
  {
    "/catalog/user/bad/top-level-array", "top-level-array.json",
    "[\n"
    "  { \"id\": \"in-a-list\", \"name\": \"In a list\",\n"
    "    \"steps\": [{ \"exercise\": \"bridge\" }] }\n"
    "]\n",
    1, "the file must hold one JSON object, in { }",
  },
  {
    "/catalog/user/bad/unknown-exercise", "unknown-exercise.json",
    "{\n"
    "  \"id\": \"squats\",\n"
    "  \"name\": \"Squats\",\n"
    "  \"steps\": [\n"
    "    { \"exercise\": \"bridge\" },\n"
    "    { \"exercise\": \"squat\" }\n"
    "  ]\n"
    "}\n",
    6, "unknown exercise “squat”; the exercises are: " EXERCISE_IDS,
  },
  {
    "/catalog/user/bad/unknown-field", "unknown-field.json",
    "{\n"
    "  \"id\": \"typo\",\n"
    "  \"name\": \"Typo\",\n"
    "  \"steps\": [\n"
    "    { \"exercise\": \"knee-to-chest\", \"hodl\": 40 }\n"
    "  ]\n"
    "}\n",
    5, "unknown field “hodl”; check its spelling",
  },
  {
    "/catalog/user/bad/wrong-type", "wrong-type.json",
    "{\n"
    "  \"id\": \"ten\",\n"
    "  \"name\": \"Ten\",\n"
    "  \"steps\": [\n"
    "    { \"exercise\": \"bridge\", \"reps\": \"ten\" }\n"
    "  ]\n"
    "}\n",
    5, "“reps” must be a whole number",
  },
  {
    "/catalog/user/bad/zero-reps", "zero-reps.json",
    "{\n"
    "  \"id\": \"no-reps\",\n"
    "  \"name\": \"No reps\",\n"
    "  \"steps\": [\n"
    "    { \"exercise\": \"pelvic-tilt\" },\n"
    "    { \"exercise\": \"bridge\", \"reps\": 0 }\n"
    "  ]\n"
    "}\n",
    6, "“reps” is 0; it must be from 1 to 100",
  },
};

static void
write_bad_file (const char    *dir,
                const BadFile *bad)
{
  if (bad->contents == NULL)
    g_free (write_huge_file (dir, bad->file_name));
  else
    g_free (write_file (dir, bad->file_name, bad->contents));
}

/* Each skipped file is logged once; with fatal warnings the log must be expected. */
static void
expect_skipped (const char *dir,
                const char *file_name)
{
  g_autofree char *pattern = g_strdup_printf ("Skipping routine file %s/%s: *", dir, file_name);

  g_test_expect_message (CORE_LOG_DOMAIN, G_LOG_LEVEL_WARNING, pattern);
}

static void
assert_problem (const LimberCatalogProblem *problem,
                const char                 *dir,
                const BadFile              *bad)
{
  g_autofree char *path = g_build_filename (dir, bad->file_name, NULL);

  g_assert_true (g_path_is_absolute (problem->path));
  g_assert_cmpstr (problem->path, ==, path);
  g_assert_cmpint (problem->line, ==, bad->line);
  g_assert_cmpstr (problem->message, ==, bad->message);
}

/* One good file and one bad one: the good one loads, the bad one is recorded. */
static void
test_user_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *dir = make_dir ();
  g_autofree char *good = write_file (dir, "good.json", good_routine);
  GPtrArray *problems;

  write_bad_file (dir, bad);
  expect_skipped (dir, bad->file_name);
  g_assert_cmpuint (limber_catalog_load_user_dir (catalog, dir), ==, 1);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (n_routines (catalog), ==, 4);
  g_assert_cmpstr (routine_id_at (catalog, 3), ==, "my-evening");
  problems = limber_catalog_get_problems (catalog);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (g_ptr_array_index (problems, 0), dir, bad);

  remove_dir (dir);
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/* All of them in one folder, with two good files around them and files that are not routines. */
static void
test_user_bad_files_together (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *dir = make_dir ();
  g_autofree char *first = write_file (dir, "a-good.json", good_routine);
  g_autofree char *last = write_file (dir, "zz-good.json", other_good_routine);
  g_autofree char *notes = write_file (dir, "notes.txt", "Not a routine {");
  g_autofree char *backup = write_file (dir, "syntax.json~", "{ broken");
  GPtrArray *problems;
  LimberRoutine *routine;

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      write_bad_file (dir, &bad_files[i]);
      expect_skipped (dir, bad_files[i].file_name);
    }

  g_assert_cmpuint (limber_catalog_load_user_dir (catalog, dir), ==, 2);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (n_routines (catalog), ==, 5);
  g_assert_cmpstr (routine_id_at (catalog, 3), ==, "my-evening");
  g_assert_cmpstr (routine_id_at (catalog, 4), ==, "my-morning");
  routine = limber_catalog_find_routine (catalog, "my-morning");
  g_assert_cmpstr (limber_routine_get_path (routine), ==, last);
  /* No description in the file: an empty one, not NULL. */
  g_assert_cmpstr (limber_routine_get_description (routine), ==, "");
  assert_move (limber_routine_get_step_timing (routine, 0), 0, "Hold", 45500000);

  problems = limber_catalog_get_problems (catalog);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (bad_files));
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    assert_problem (g_ptr_array_index (problems, i), dir, &bad_files[i]);

  remove_dir (dir);
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_user_missing_dir (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *dir = make_dir ();
  g_autofree char *missing = g_build_filename (dir, "routines", NULL);

  g_assert_cmpuint (limber_catalog_load_user_dir (catalog, missing), ==, 0);
  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 0);
  g_assert_cmpuint (n_routines (catalog), ==, 3);

  /* An empty folder is no problem either. */
  g_assert_cmpuint (limber_catalog_load_user_dir (catalog, dir), ==, 0);
  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 0);
  g_assert_cmpuint (n_routines (catalog), ==, 3);

  remove_dir (dir);
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_user_ignores_other_files (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *dir = make_dir ();
  g_autofree char *good = write_file (dir, "good.json", good_routine);
  const char * const others[] = {
    "README", "notes.txt", "good.json~", "good.json.bak", ".good.json.swp",
  };

  /* None of these is a routine, and none is even valid JSON. */
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_free (write_file (dir, others[i], "{ this is not JSON"));

  g_assert_cmpuint (limber_catalog_load_user_dir (catalog, dir), ==, 1);
  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 0);
  g_assert_cmpuint (n_routines (catalog), ==, 4);
  g_assert_cmpstr (routine_id_at (catalog, 3), ==, "my-evening");

  remove_dir (dir);
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static char *
routine_named (const char *id)
{
  return g_strdup_printf ("{ \"id\": \"%s\", \"name\": \"%s\", "
                          "\"steps\": [{ \"exercise\": \"plank\" }] }", id, id);
}

static void
test_user_name_order (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *dir = make_dir ();
  /* Written in another order than their names sort in; byte order puts digits first. */
  const char * const files[][2] = {
    { "b-second.json", "second" },
    { "c-third.json", "third" },
    { "10-first.json", "first" },
    { "a-between.json", "between" },
  };
  const char * const expected[] = {
    "gentle-relief", "daily-mobility", "core-strength", "first", "between", "second", "third",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *contents = routine_named (files[i][1]);

      g_free (write_file (dir, files[i][0], contents));
    }

  g_assert_cmpuint (limber_catalog_load_user_dir (catalog, dir), ==, 4);
  g_assert_cmpuint (n_routines (catalog), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (routine_id_at (catalog, i), ==, expected[i]);

  remove_dir (dir);
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/* Two user files with one id: the first in name order wins, the second names it. */
static void
test_user_duplicate_id (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *dir = make_dir ();
  g_autofree char *first = write_file (dir, "a.json", good_routine);
  g_autofree char *second = write_file (dir, "b.json", good_routine);
  g_autofree char *message = NULL;
  const LimberCatalogProblem *problem;

  expect_skipped (dir, "b.json");
  g_assert_cmpuint (limber_catalog_load_user_dir (catalog, dir), ==, 1);
  g_test_assert_expected_messages ();

  g_assert_cmpstr (limber_routine_get_path (limber_catalog_find_routine (catalog, "my-evening")),
                   ==, first);
  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 1);
  problem = g_ptr_array_index (limber_catalog_get_problems (catalog), 0);
  message = g_strdup_printf ("the id “my-evening” is already used by the routine in %s; "
                             "choose another", first);
  g_assert_cmpstr (problem->path, ==, second);
  g_assert_cmpint (problem->line, ==, 2);
  g_assert_cmpstr (problem->message, ==, message);

  remove_dir (dir);
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/*
 * good.json: pelvic-tilt with its defaults, then bridge with 8 reps of 2 + 5 + 3 s.
 *   pelvic-tilt: 5 + 12 × (3 + 3) + 20 = 97 s
 *   bridge, last: 5 + 8 × (2 + 5 + 3)  = 85 s
 *   total                              = 182 s
 */
static void
test_user_overrides (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_file (dir, "good.json", good_routine);
  LimberRoutine *routine;
  const LimberTiming *timing;

  g_assert_cmpuint (limber_catalog_load_user_dir (catalog, dir), ==, 1);
  routine = limber_catalog_find_routine (catalog, "my-evening");
  g_assert_nonnull (routine);
  g_assert_cmpstr (limber_routine_get_path (routine), ==, path);
  g_assert_cmpstr (limber_routine_get_name (routine), ==, "My evening");
  g_assert_cmpstr (limber_routine_get_description (routine), ==, "Slower bridges.");
  g_assert_cmpuint (limber_routine_get_n_steps (routine), ==, 2);
  assert_step (routine, 0, "pelvic-tilt");
  assert_step (routine, 1, "bridge");

  timing = limber_routine_get_step_timing (routine, 0);
  g_assert_cmpuint (timing->reps, ==, 12);
  assert_move (timing, 0, "Tilt", 3 * SECOND);
  assert_move (timing, 1, "Release", 3 * SECOND);
  g_assert_cmpint (timing->rest_us, ==, 20 * SECOND);

  timing = limber_routine_get_step_timing (routine, 1);
  g_assert_cmpuint (timing->reps, ==, 8);
  g_assert_cmpuint (timing->moves->len, ==, 3);
  assert_move (timing, 0, "Lift", 2 * SECOND);
  assert_move (timing, 1, "Hold", 5 * SECOND);
  assert_move (timing, 2, "Lower", 3 * SECOND);

  g_assert_cmpint (limber_routine_get_duration_us (routine, 0), ==, 182 * SECOND);

  /* The exercise itself is unchanged. */
  timing = limber_exercise_get_timing (limber_catalog_find_exercise (catalog, "bridge"));
  g_assert_cmpuint (timing->reps, ==, 10);
  assert_move (timing, 1, "Hold", 4 * SECOND);

  /* Built-in routines have no file. */
  g_assert_null (limber_routine_get_path (limber_catalog_find_routine (catalog, "core-strength")));

  remove_dir (dir);
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/* "sides" on a two-sided exercise: one side alone, in every phase, and the length counts it once. */
static void
test_user_sides (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  const char *text =
    "{ \"id\": \"left-only\", \"name\": \"Left only\", \"steps\": [\n"
    "  { \"exercise\": \"knee-to-chest\", \"hold\": 10, \"rounds\": 2, \"switch\": 5,\n"
    "    \"sides\": \"left\" },\n"
    "  { \"exercise\": \"knee-to-chest\", \"hold\": 10, \"rounds\": 2, \"switch\": 5,\n"
    "    \"sides\": \"both\" } ] }\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberRoutine) routine =
    limber_catalog_parse_routine (catalog, "left-only.json", text, strlen (text), NULL, &error);
  g_autoptr(GArray) phases = NULL;
  guint left = 0, right = 0, none = 0;

  g_assert_no_error (error);
  g_assert_cmpint (limber_routine_get_step_timing (routine, 0)->sides, ==, LIMBER_SIDES_LEFT);
  g_assert_cmpint (limber_routine_get_step_timing (routine, 1)->sides, ==, LIMBER_SIDES_BOTH);

  phases = limber_routine_build_phases (routine, 0);
  for (guint i = 0; i < phases->len; i++)
    {
      const LimberPhase *phase = &g_array_index (phases, LimberPhase, i);

      if (phase->step != 0 || phase->kind == LIMBER_PHASE_REST)
        continue;
      if (phase->side == LIMBER_SIDE_LEFT)
        left++;
      else if (phase->side == LIMBER_SIDE_RIGHT)
        right++;
      else
        none++;
    }
  /* Get ready, hold, switch (between the rounds), hold: all on the left. */
  g_assert_cmpuint (left, ==, 4);
  g_assert_cmpuint (right, ==, 0);
  g_assert_cmpuint (none, ==, 0);

  /* Step 1: 5 get ready + 2 × 10 hold + 5 switch, rest 20; step 2: 5 + 4 × 10 + 3 × 5. */
  g_assert_cmpint (limber_routine_get_duration_us (routine, 0), ==,
                   (5 + 20 + 5 + 20 + 5 + 40 + 15) * SECOND);
}

/* Loading one file reports through the GError, as "PATH:LINE: message", and adds nothing. */
static void
test_user_file_error (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *dir = make_dir ();
  const BadFile *bad = &bad_files[G_N_ELEMENTS (bad_files) - 1];
  g_autofree char *path = write_file (dir, bad->file_name, bad->contents);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *message = g_strdup_printf ("%s:%d: %s", path, bad->line, bad->message);
  g_autoptr(GError) error = NULL;

  g_assert_false (limber_catalog_load_user_file (catalog, file, &error));
  g_assert_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (n_routines (catalog), ==, 3);
  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 0);

  remove_dir (dir);
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/* A file of exactly LIMBER_CATALOG_MAX_FILE_SIZE bytes is read; one byte more is refused. */
static void
test_user_size_limit (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "padded.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) contents = g_string_new (good_routine);
  g_autoptr(GError) error = NULL;

  /* Spaces after the object are valid JSON. */
  while (contents->len < LIMBER_CATALOG_MAX_FILE_SIZE)
    g_string_append_c (contents, ' ');
  g_file_set_contents (path, contents->str, contents->len, &error);
  g_assert_no_error (error);
  g_assert_true (limber_catalog_load_user_file (catalog, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_routines (catalog), ==, 4);

  g_string_append_c (contents, ' ');
  g_file_set_contents (path, contents->str, contents->len, &error);
  g_assert_no_error (error);
  g_assert_false (limber_catalog_load_user_file (catalog, file, &error));
  g_assert_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, ":0: the file is too large"));
  g_assert_cmpuint (n_routines (catalog), ==, 4);

  remove_dir (dir);
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/* Cases that were once loader bugs, kept so they stay fixed. */

/*
 * Loads one file that should be refused. Returns FALSE if it was accepted or the error is on
 * another line; otherwise checks that the error mentions @field.
 */
static gboolean
refused_at (LimberCatalog *catalog,
            const char    *dir,
            const char    *name,
            const char    *contents,
            int            line,
            const char    *field)
{
  g_autofree char *path = write_file (dir, name, contents);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *prefix = g_strdup_printf ("%s:%d: ", path, line);
  g_autofree char *quoted = g_strdup_printf ("“%s”", field);
  g_autoptr(GError) error = NULL;

  if (limber_catalog_load_user_file (catalog, file, &error))
    return FALSE;

  g_assert_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE);
  if (!g_str_has_prefix (error->message, prefix))
    return FALSE;
  g_assert_nonnull (strstr (error->message, quoted));

  return TRUE;
}

/*
 * "reps" and "duration" on an exercise whose mode does not use them are refused: a
 * physiotherapist's "reps": 10 on knee-to-chest must not quietly do nothing. ("rounds" applies to
 * every mode.)
 */
static void
test_user_field_for_other_mode (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *dir = make_dir ();
  g_autoptr(GString) ignored = g_string_new (NULL);
  const struct {
    const char *exercise;
    const char *field;
  } cases[] = {
    { "knee-to-chest", "reps" },
    { "knee-to-chest", "duration" },
    { "bridge", "duration" },
    { "cat-cow", "reps" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.json", cases[i].exercise, cases[i].field);
      g_autofree char *contents = g_strdup_printf ("{\n"
                                                   "  \"id\": \"other-mode-%u\",\n"
                                                   "  \"name\": \"Other mode\",\n"
                                                   "  \"steps\": [\n"
                                                   "    { \"exercise\": \"%s\", \"%s\": 10 }\n"
                                                   "  ]\n"
                                                   "}\n",
                                                   i, cases[i].exercise, cases[i].field);

      if (!refused_at (catalog, dir, name, contents, 5, cases[i].field))
        g_string_append_printf (ignored, "%s%s on %s", ignored->len > 0 ? ", " : "",
                                cases[i].field, cases[i].exercise);
    }

  remove_dir (dir);
  g_clear_object (&catalog);

  /* Each field was refused on its own line, none silently ignored. */
  g_assert_cmpstr (ignored->str, ==, "");
}

/*
 * json-glib reports a member once its value is read, so a value that spans lines must still be
 * reported on the line where it starts (7), not where its list ends (11).
 */
static void
test_user_multi_line_value (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *dir = make_dir ();
  gboolean right_line;

  right_line = refused_at (catalog, dir, "multi-line-tempo.json",
                           "{\n"
                           "  \"id\": \"slow-bridge\",\n"
                           "  \"name\": \"Slow bridge\",\n"
                           "  \"steps\": [\n"
                           "    {\n"
                           "      \"exercise\": \"bridge\",\n"
                           "      \"tempo\": [\n"
                           "        2,\n"
                           "        99,\n"
                           "        3\n"
                           "      ]\n"
                           "    }\n"
                           "  ]\n"
                           "}\n",
                           7, "tempo");

  remove_dir (dir);
  /* Reported on the line where "tempo" starts, not where its list ends. */
  g_assert_true (right_line);
}

/*
 * A file system reports size 0 for a named pipe or a device, so the size check alone would let
 * a pipe named "*.json" block start-up for ever. A child process loads a folder holding a pipe
 * and a good file; it must return at once with the good routine loaded.
 */
static void
test_user_fifo (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();

      /* The pipe may be reported with a warning; that is not what this test is about. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      g_assert_cmpuint (limber_catalog_load_user_dir (catalog, g_getenv ("LIMBER_TEST_DIR")), ==,
                        1);
      return;
    }
  else
    {
      g_autofree char *dir = make_dir ();
      g_autofree char *fifo = g_build_filename (dir, "a-pipe.json", NULL);
      g_autofree char *good = write_file (dir, "good.json", good_routine);

      g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
      g_setenv ("LIMBER_TEST_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 2 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_unsetenv ("LIMBER_TEST_DIR");
      remove_dir (dir);

      /* A pipe is skipped at once (it is not a regular file), not read. */
      g_assert_false (g_test_trap_reached_timeout ());
      g_test_trap_assert_passed ();
    }
}

/* 100,000 nested brackets: json-glib parses them by recursion and overflowed the stack, so the
 * app crashed at every start. Refused before parsing, in the folder and in the editor's text. */
static void
test_user_deep_nesting (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *dir = make_dir ();
  g_autofree char *good = write_file (dir, "good.json", good_routine);
  g_autoptr(GString) text = g_string_new ("{\n  \"id\": \"deep\",\n  \"name\": ");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  GPtrArray *problems;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "\n}\n");
  path = write_file (dir, "deep.json", text->str);

  expect_skipped (dir, "deep.json");
  g_assert_cmpuint (limber_catalog_load_user_dir (catalog, dir), ==, 1);
  g_test_assert_expected_messages ();
  problems = limber_catalog_get_problems (catalog);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (((LimberCatalogProblem *) g_ptr_array_index (problems, 0))->line, ==, 3);
  g_assert_cmpstr (((LimberCatalogProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "lists and objects are nested too deep; a routine needs only a few levels");

  g_assert_null (limber_catalog_parse_routine (catalog, path, text->str, text->len, NULL,
                                               &error));
  expected = g_strdup_printf ("%s:3: lists and objects are nested too deep; a routine needs "
                              "only a few levels", path);
  g_assert_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, expected);

  remove_dir (dir);
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/* Brackets inside texts are text, and 16 levels are still read. */
static void
test_user_nesting_in_text (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autoptr(LimberRoutine) routine = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "{ \"id\": \"brackets\", \"name\": \"[[[[[[[[[[[[[[[[[[[[ \\\" {{{{{{{{{{{{{{{{{{{{\",\n"
    "  \"steps\": [{ \"exercise\": \"bridge\" }] }\n";

  routine = limber_catalog_parse_routine (catalog, "/brackets.json", text, strlen (text), NULL,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_routine_get_name (routine), ==,
                   "[[[[[[[[[[[[[[[[[[[[ \" {{{{{{{{{{{{{{{{{{{{");
  g_assert_finalize_object (g_steal_pointer (&routine));
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/* Text pasted in the editor meets the file's size limit. */
static void
test_user_text_size_limit (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autoptr(GString) text = g_string_new (good_routine);
  g_autoptr(GError) error = NULL;

  while (text->len <= LIMBER_CATALOG_MAX_FILE_SIZE)
    g_string_append_c (text, ' ');
  g_assert_null (limber_catalog_parse_routine (catalog, "/pasted.json", text->str, text->len,
                                               NULL, &error));
  g_assert_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "/pasted.json:0: the file is too large"));
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/* For the editor, the reader names the field of a problem and its rule in people's words, and
 * the message for files stays as it is. */
static void
test_user_field_errors (void)
{
  static const struct
  {
    const char *text;
    const char *field;
    int         step;
    const char *member;
    int         index;
    const char *rule;
    const char *message;
  } cases[] = {
    { "{ \"id\": \"a\", \"name\": \"\", \"steps\": [] }",
      "name", -1, "name", -1, "cannot be empty", "“name” must be a non-empty text in quotes" },
    { "{ \"id\": \"a\", \"name\": \"A\", \"steps\": [] }",
      "steps", -1, "steps", -1, "1 to 50 exercises", "“steps” must be a list of 1 to 50 exercises" },
    { "{ \"id\": \"a\", \"name\": \"A\", \"steps\": [ { \"exercise\": \"bridge\" },\n"
      "  { \"exercise\": \"knee-to-chest\", \"hold\": 900 } ] }",
      "steps[1].hold", 1, "hold", -1, "1 to 600 seconds",
      "“hold” is 900 seconds; it must be from 1 to 600 seconds" },
    { "{ \"id\": \"a\", \"name\": \"A\", \"steps\": [\n"
      "  { \"exercise\": \"cat-cow\", \"tempo\": [5, 90] } ] }",
      "steps[0].tempo[1]", 0, "tempo", 1, "0.5 to 60 seconds",
      "each “tempo” value must be from 0.5 to 60 seconds" },
    { "{ \"id\": \"a\", \"name\": \"A\", \"steps\": [\n"
      "  { \"exercise\": \"bridge\", \"reps\": 0 } ] }",
      "steps[0].reps", 0, "reps", -1, "1 to 100", "“reps” is 0; it must be from 1 to 100" },
  };
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LimberCatalogFieldError) field = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) file_error = NULL;
      const char *text = cases[i].text;

      g_assert_null (limber_catalog_check_routine (catalog, "/a.json", text, strlen (text), NULL,
                                                   &field, &error));
      g_assert_nonnull (field);
      g_assert_cmpstr (field->field, ==, cases[i].field);
      g_assert_cmpint (field->step, ==, cases[i].step);
      g_assert_cmpstr (field->member, ==, cases[i].member);
      g_assert_cmpint (field->index, ==, cases[i].index);
      g_assert_cmpstr (field->rule, ==, cases[i].rule);
      g_assert_cmpstr (limber_catalog_split_error ("/a.json", error->message, NULL), ==,
                       cases[i].message);
      /* The same message as for a file read without an editor. */
      g_assert_null (limber_catalog_parse_routine (catalog, "/a.json", text, strlen (text), NULL,
                                                   &file_error));
      g_assert_cmpstr (file_error->message, ==, error->message);
    }
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/* 2,000 routine files froze the Stretch page for 23 s: the folder is read up to its limit, in
 * name order, and one problem says how many files were left. */
static void
test_user_file_count_limit (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *dir = make_dir ();
  g_autofree char *pattern = NULL;
  LimberCatalogProblem *problem;
  guint n = LIMBER_CATALOG_MAX_USER_FILES + 5;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("r%04u.json", i);
      g_autofree char *text = g_strdup_printf ("{ \"id\": \"r%04u\", \"name\": \"R %u\", "
                                               "\"steps\": [{ \"exercise\": \"bridge\" }] }",
                                               i, i);

      g_free (write_file (dir, name, text));
    }

  pattern = g_strdup_printf ("Skipping routine file %s: *", dir);
  g_test_expect_message (CORE_LOG_DOMAIN, G_LOG_LEVEL_WARNING, pattern);
  g_assert_cmpuint (limber_catalog_load_user_dir (catalog, dir), ==,
                    LIMBER_CATALOG_MAX_USER_FILES);
  g_test_assert_expected_messages ();
  g_assert_nonnull (limber_catalog_find_routine (catalog, "r0000"));
  g_assert_nonnull (limber_catalog_find_routine (catalog, "r0099"));
  g_assert_null (limber_catalog_find_routine (catalog, "r0100"));

  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 1);
  problem = g_ptr_array_index (limber_catalog_get_problems (catalog), 0);
  g_assert_cmpstr (problem->path, ==, dir);
  g_assert_cmpint (problem->line, ==, 0);
  g_assert_cmpstr (problem->message, ==,
                   "5 more routine files were not read: Limber reads at most 100");

  remove_dir (dir);
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/* The one read path for routine files: a pipe, a device behind a link, or a file too large are
 * refused from the file opened, without blocking or reading them. */
static void
test_read_text (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.json", NULL);
  g_autofree char *good = write_file (dir, "good.json", good_routine);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (limber_catalog_read_text (good, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, good_routine);
  g_assert_cmpuint (length, ==, strlen (good_routine));

  /* No writer: opening it to read would wait for ever, and reading it too. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (limber_catalog_read_text (fifo, &contents, NULL, &error));
  g_assert_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_suffix (error->message, ":0: not a regular file"));
  g_clear_error (&error);

  /* Read, it would never end. */
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  g_assert_false (limber_catalog_read_text (zero, &contents, NULL, &error));
  g_assert_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_suffix (error->message, ":0: not a regular file"));
  g_clear_error (&error);

  remove_dir (dir);
}

/*
 * data/example-routine.json, worked out as in test_builtin_durations():
 *   knee-to-chest, hold 40, 3 rounds, switch 8, rest 30: 5 + 6 × 40 + 5 × 8 + 30 = 315 s
 *   cat-cow, 80 s of 4 + 4, rest 15:  5 + 80 s / 8 s = 10 cycles × 8 + 15      = 100 s
 *   pelvic-tilt, 10 reps of 4 + 2:    5 + 10 × (4 + 2) + 20                     =  85 s
 *   bridge, 8 reps of 2 + 5 + 3, last: 5 + 8 × (2 + 5 + 3)                      =  85 s
 *   total                                                                       = 585 s
 */
static void
test_example_routine (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "example-routine.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *canonical = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  LimberRoutine *routine;
  const LimberTiming *timing;

  g_assert_true (limber_catalog_load_user_file (catalog, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_routines (catalog), ==, 4);
  g_assert_cmpstr (routine_id_at (catalog, 3), ==, "physio-example");

  routine = limber_catalog_find_routine (catalog, "physio-example");
  g_assert_cmpstr (limber_routine_get_path (routine), ==, canonical);
  g_assert_cmpstr (limber_routine_get_name (routine), !=, "");
  g_assert_cmpstr (limber_routine_get_description (routine), !=, "");
  g_assert_cmpuint (limber_routine_get_n_steps (routine), ==, 4);
  assert_step (routine, 0, "knee-to-chest");
  assert_step (routine, 1, "cat-cow");
  assert_step (routine, 2, "pelvic-tilt");
  assert_step (routine, 3, "bridge");

  timing = limber_routine_get_step_timing (routine, 0);
  assert_move (timing, 0, "Hold", 40 * SECOND);
  g_assert_cmpuint (timing->rounds, ==, 3);
  g_assert_cmpint (timing->switch_us, ==, 8 * SECOND);
  g_assert_cmpint (timing->rest_us, ==, 30 * SECOND);

  timing = limber_routine_get_step_timing (routine, 1);
  g_assert_cmpint (timing->duration_us, ==, 80 * SECOND);
  assert_move (timing, 0, "Cat", 4 * SECOND);
  assert_move (timing, 1, "Cow", 4 * SECOND);
  g_assert_cmpint (timing->rest_us, ==, 15 * SECOND);

  timing = limber_routine_get_step_timing (routine, 2);
  g_assert_cmpuint (timing->reps, ==, 10);
  assert_move (timing, 0, "Tilt", 4 * SECOND);
  assert_move (timing, 1, "Release", 2 * SECOND);

  timing = limber_routine_get_step_timing (routine, 3);
  g_assert_cmpuint (timing->reps, ==, 8);
  assert_move (timing, 0, "Lift", 2 * SECOND);
  assert_move (timing, 1, "Hold", 5 * SECOND);
  assert_move (timing, 2, "Lower", 3 * SECOND);

  g_assert_cmpint (limber_routine_get_duration_us (routine, 0), ==, 585 * SECOND);

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/builtin/exercises", test_builtin_exercises);
  g_test_add_func ("/catalog/builtin/routines", test_builtin_routines);
  g_test_add_func ("/catalog/builtin/durations", test_builtin_durations);
  g_test_add_func ("/catalog/user/missing-dir", test_user_missing_dir);
  g_test_add_func ("/catalog/user/ignores-other-files", test_user_ignores_other_files);
  g_test_add_func ("/catalog/user/name-order", test_user_name_order);
  g_test_add_func ("/catalog/user/overrides", test_user_overrides);
  g_test_add_func ("/catalog/user/sides", test_user_sides);
  g_test_add_func ("/catalog/user/duplicate-id", test_user_duplicate_id);
  g_test_add_func ("/catalog/user/file-error", test_user_file_error);
  g_test_add_func ("/catalog/user/size-limit", test_user_size_limit);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    g_test_add_data_func (bad_files[i].test_path, &bad_files[i], test_user_bad_file);
  g_test_add_func ("/catalog/user/bad/all-together", test_user_bad_files_together);
  g_test_add_func ("/catalog/user/bad/field-for-other-mode", test_user_field_for_other_mode);
  g_test_add_func ("/catalog/user/bad/multi-line-value", test_user_multi_line_value);
  g_test_add_func ("/catalog/user/bad/fifo", test_user_fifo);
  g_test_add_func ("/catalog/user/bad/deep-nesting", test_user_deep_nesting);
  g_test_add_func ("/catalog/user/nesting-in-text", test_user_nesting_in_text);
  g_test_add_func ("/catalog/user/text-size-limit", test_user_text_size_limit);
  g_test_add_func ("/catalog/user/field-errors", test_user_field_errors);
  g_test_add_func ("/catalog/user/file-count-limit", test_user_file_count_limit);
  g_test_add_func ("/catalog/read-text", test_read_text);
  g_test_add_func ("/catalog/example-routine", test_example_routine);

  return g_test_run ();
}
