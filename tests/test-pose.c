/* test-pose.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figure's poses: resources/poses.json covers every exercise of the catalog, each move has a
 * pose of its own where the move is different (cat and cow, bridge up and down, tilt and
 * release), the figure moves in time with a phase and is still once a hold is reached, and
 * reduce motion shows the key pose at once.
 */

#include "config.h"

#include <math.h>

#include "limber-core-test.h"
#include "limber-error.h"
#include "limber-pose.h"

static LimberPoseBook *
load_book (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "poses.json",
                                                 NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  LimberPoseBook *book;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  book = limber_pose_book_new_from_data (text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (book);

  return book;
}

static LimberPhase
work_phase (guint  move,
            guint  rep,
            gint64 seconds)
{
  return (LimberPhase) { .kind = LIMBER_PHASE_WORK, .move = move, .rep = rep, .n_reps = rep ? 10 : 0,
                         .duration_us = seconds * G_USEC_PER_SEC };
}

static LimberPose
pose_at (LimberPoseBook    *book,
         const char        *exercise,
         const LimberPhase *phase,
         double             seconds)
{
  LimberPose pose;

  g_assert_true (limber_pose_book_compute (book, exercise, phase,
                                           (gint64) (seconds * G_USEC_PER_SEC), TRUE, &pose));
  return pose;
}

/* Every exercise the catalog has, in every move of its timing, has a pose on the floor box. */
static void
test_covers_catalog (void)
{
  g_autoptr(LimberPoseBook) book = load_book ();
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  GListModel *routines = limber_catalog_get_routines (catalog);
  g_autoptr(GPtrArray) exercises = g_ptr_array_new ();

  for (guint r = 0; r < g_list_model_get_n_items (routines); r++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, r);

      for (guint s = 0; s < limber_routine_get_n_steps (routine); s++)
        {
          LimberExercise *exercise = limber_routine_get_step_exercise (routine, s);

          if (!g_ptr_array_find (exercises, exercise, NULL))
            g_ptr_array_add (exercises, exercise);
        }
    }

  g_assert_cmpuint (exercises->len, >=, 5);
  for (guint i = 0; i < exercises->len; i++)
    {
      LimberExercise *exercise = g_ptr_array_index (exercises, i);
      const char *id = limber_exercise_get_id (exercise);
      const LimberTiming *timing = limber_exercise_get_timing (exercise);
      LimberPose preview;

      g_test_message ("exercise %s", id);
      g_assert_true (limber_pose_book_has_exercise (book, id));
      g_assert_true (limber_pose_book_get_preview (book, id, &preview));
      for (guint m = 0; m < timing->moves->len; m++)
        {
          LimberPhase phase = work_phase (m, 1, 5);
          LimberPose pose = pose_at (book, id, &phase, 5);

          for (guint j = 0; j < LIMBER_N_JOINTS; j++)
            {
              g_assert_cmpfloat (pose.joints[j].x, >=, 0);
              g_assert_cmpfloat (pose.joints[j].x, <=, LIMBER_POSE_WIDTH);
              g_assert_cmpfloat (pose.joints[j].y, >=, 0);
              g_assert_cmpfloat (pose.joints[j].y, <=, LIMBER_POSE_HEIGHT);
            }
        }
    }
}

/* Cat and cow are two poses; the back goes up in cat and down in cow. */
static void
test_cat_cow (void)
{
  g_autoptr(LimberPoseBook) book = load_book ();
  LimberPhase cat = work_phase (0, 2, 5);
  LimberPhase cow = work_phase (1, 2, 5);
  LimberPose cat_end = pose_at (book, "cat-cow", &cat, 5);
  LimberPose cow_end = pose_at (book, "cat-cow", &cow, 5);
  LimberPose cow_start = pose_at (book, "cat-cow", &cow, 0);
  LimberPose cat_start = pose_at (book, "cat-cow", &cat, 0);

  g_assert_cmpfloat (limber_pose_distance (&cat_end, &cow_end), >, 10);
  /* y grows downwards: the back is higher in cat. */
  g_assert_cmpfloat (cat_end.joints[LIMBER_JOINT_BACK].y + 10, <,
                     cow_end.joints[LIMBER_JOINT_BACK].y);
  /* Cow starts where cat ended, and the next cat where cow ended: no jumps. */
  g_assert_cmpfloat (limber_pose_distance (&cow_start, &cat_end), <, 0.001);
  g_assert_cmpfloat (limber_pose_distance (&cat_start, &cow_end), <, 0.001);
}

/* The bridge rises over "Lift", stays up over "Hold" and comes down over "Lower", with the count. */
static void
test_bridge (void)
{
  g_autoptr(LimberPoseBook) book = load_book ();
  LimberPhase lift = work_phase (0, 1, 2);
  LimberPhase hold = work_phase (1, 1, 4);
  LimberPhase lower = work_phase (2, 1, 3);
  double down = pose_at (book, "bridge", &lift, 0).joints[LIMBER_JOINT_HIP].y;
  double half = pose_at (book, "bridge", &lift, 1).joints[LIMBER_JOINT_HIP].y;
  double up = pose_at (book, "bridge", &lift, 2).joints[LIMBER_JOINT_HIP].y;
  LimberPose hold_start = pose_at (book, "bridge", &hold, 0);
  LimberPose hold_end = pose_at (book, "bridge", &hold, 4);

  g_assert_cmpfloat (up + 10, <, down);
  g_assert_cmpfloat (half, <, down);
  g_assert_cmpfloat (half, >, up);
  g_assert_cmpfloat (limber_pose_distance (&hold_start, &hold_end), <, 0.001);
  g_assert_false (limber_pose_book_is_moving (book, "bridge", &hold, G_USEC_PER_SEC));
  g_assert_true (limber_pose_book_is_moving (book, "bridge", &lift, G_USEC_PER_SEC));
  g_assert_cmpfloat (pose_at (book, "bridge", &lower, 0).joints[LIMBER_JOINT_HIP].y, ==, up);
  g_assert_cmpfloat (pose_at (book, "bridge", &lower, 3).joints[LIMBER_JOINT_HIP].y, ==, down);
}

/* A hold moves into its pose over its first seconds, then is still; the knee comes in. */
static void
test_hold_is_still (void)
{
  g_autoptr(LimberPoseBook) book = load_book ();
  LimberPhase hold = work_phase (0, 0, 30);
  LimberPose start = pose_at (book, "knee-to-chest", &hold, 0);
  LimberPose settled = pose_at (book, "knee-to-chest", &hold, 3);
  LimberPose later = pose_at (book, "knee-to-chest", &hold, 25);

  g_assert_cmpfloat (limber_pose_distance (&settled, &later), <, 0.001);
  g_assert_cmpfloat (limber_pose_distance (&start, &settled), >, 10);
  /* The near knee comes up toward the chest; the far leg stays on the floor. */
  g_assert_cmpfloat (settled.joints[LIMBER_JOINT_KNEE].y + 10, <,
                     start.joints[LIMBER_JOINT_KNEE].y);
  g_assert_cmpfloat (settled.joints[LIMBER_JOINT_FAR_KNEE].y, ==,
                     start.joints[LIMBER_JOINT_FAR_KNEE].y);
  g_assert_false (limber_pose_book_is_moving (book, "knee-to-chest", &hold, 3 * G_USEC_PER_SEC));
}

/* Rests show a resting figure, and reduce motion shows the key pose at once. */
static void
test_rest_and_reduce_motion (void)
{
  g_autoptr(LimberPoseBook) book = load_book ();
  LimberPhase rest = { .kind = LIMBER_PHASE_REST, .duration_us = 20 * G_USEC_PER_SEC };
  LimberPhase cat = work_phase (0, 1, 5);
  LimberPose rested = pose_at (book, "cat-cow", &rest, 10);
  LimberPose child, still, key;

  g_assert_true (limber_pose_book_get_key_pose (book, "cat-cow", "child", &child));
  g_assert_cmpfloat (limber_pose_distance (&rested, &child), <, 0.001);

  g_assert_true (limber_pose_book_compute (book, "cat-cow", &cat, 0, FALSE, &still));
  g_assert_true (limber_pose_book_get_key_pose (book, "cat-cow", "cat", &key));
  g_assert_cmpfloat (limber_pose_distance (&still, &key), <, 0.001);
}

static void
test_interpolate (void)
{
  LimberPose a = { 0 }, b = { 0 }, out;

  for (guint i = 0; i < LIMBER_N_JOINTS; i++)
    b.joints[i] = (LimberPosePoint) { 10, 20 };

  limber_pose_interpolate (&a, &b, 0.5, &out);
  g_assert_cmpfloat_with_epsilon (out.joints[LIMBER_JOINT_HEAD].x, 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (out.joints[LIMBER_JOINT_HEAD].y, 10, 1e-9);
  limber_pose_interpolate (&a, &b, 2, &out);
  g_assert_cmpfloat (limber_pose_distance (&out, &b), ==, 0);
  limber_pose_interpolate (&a, &b, -1, &out);
  g_assert_cmpfloat (limber_pose_distance (&out, &a), ==, 0);
  /* poses.json names the joints so: pinned, as the file's words. */
  {
    const char *joints[] = { "head", "neck", "shoulder", "back", "hip", "elbow", "hand", "knee",
                             "ankle", "toe", "far-elbow", "far-hand", "far-knee", "far-ankle",
                             "far-toe" };

    g_assert_cmpuint (G_N_ELEMENTS (joints), ==, LIMBER_N_JOINTS);
    for (guint i = 0; i < G_N_ELEMENTS (joints); i++)
      g_assert_cmpstr (limber_joint_to_string (i), ==, joints[i]);
  }
}

/* Mistakes in the file say what and where. */
static void
test_errors (void)
{
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "[]", "must be an object with 'poses' and 'exercises'" },
    { "{\"poses\": {\"a\": {\"head\": [1, 2]}}, \"exercises\": {}}", "pose 'a' lacks the joint 'neck'" },
    { "{\"poses\": {\"a\": {\"nose\": [1, 2]}}, \"exercises\": {}}", "unknown joint 'nose'" },
    { "{\"poses\": {\"a\": {\"head\": [1, 200]}}, \"exercises\": {}}", "joint 'head' must be [x, y]" },
    { "{\"poses\": {}, \"exercises\": {\"e\": {\"ready\": \"x\"}}}", "exercise 'e': 'ready' must name a pose" },
    { "{", "poses.json:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LimberPoseBook) book = limber_pose_book_new_from_data (cases[i].json, -1, &error);

      g_assert_null (book);
      g_assert_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pose/covers-catalog", test_covers_catalog);
  g_test_add_func ("/pose/cat-cow", test_cat_cow);
  g_test_add_func ("/pose/bridge", test_bridge);
  g_test_add_func ("/pose/hold-is-still", test_hold_is_still);
  g_test_add_func ("/pose/rest-and-reduce-motion", test_rest_and_reduce_motion);
  g_test_add_func ("/pose/interpolate", test_interpolate);
  g_test_add_func ("/pose/errors", test_errors);

  return g_test_run ();
}
