/* limber-pose.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "limber-enum-nick.h"
#include "limber-error.h"
#include "limber-routines-enums.h"

#include "limber-pose.h"

/*
 * The figure the player draws: key poses of a small skeleton, read from resources/poses.json, and
 * the pose at any instant of a phase, moved from the pose before to the phase's own pose over
 * the first seconds of the phase (or all of it), then held still. Everything here is a function
 * of the phase and the time into it, so a test can ask for any instant without a clock.
 */

/* How long the figure takes to settle into the pose of a get-ready, a switch or a rest. */
#define SETTLE_US (2 * G_USEC_PER_SEC)

/* Far joints copy their near twin where a pose leaves them out. */
static const LimberJoint far_twin[LIMBER_N_JOINTS] = {
  [LIMBER_JOINT_FAR_ELBOW] = LIMBER_JOINT_ELBOW,
  [LIMBER_JOINT_FAR_HAND] = LIMBER_JOINT_HAND,
  [LIMBER_JOINT_FAR_KNEE] = LIMBER_JOINT_KNEE,
  [LIMBER_JOINT_FAR_ANKLE] = LIMBER_JOINT_ANKLE,
  [LIMBER_JOINT_FAR_TOE] = LIMBER_JOINT_TOE,
};

typedef struct
{
  char   *pose;
  gint64  motion_us;   /* 0: the whole move */
} MoveSpec;

typedef struct
{
  char   *ready;
  char   *rest;
  GArray *moves;       /* MoveSpec */
} ExerciseSpec;

struct _LimberPoseBook
{
  GObject     parent_instance;

  GHashTable *poses;       /* name → LimberPose */
  GHashTable *exercises;   /* id → ExerciseSpec */
};

G_DEFINE_FINAL_TYPE (LimberPoseBook, limber_pose_book, G_TYPE_OBJECT)

const char *
limber_joint_to_string (LimberJoint joint)
{
  g_return_val_if_fail (joint < LIMBER_N_JOINTS, NULL);
  /* The nicks are the names poses.json uses: "head", …, "far-toe". */
  return limber_enum_get_nick (LIMBER_TYPE_JOINT, joint);
}

/* Eased, so a move starts and ends gently as a body does. */
static double
ease (double t)
{
  t = CLAMP (t, 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

/**
 * limber_pose_interpolate:
 * @t: how far from @from to @to, from 0 to 1, eased
 *
 * Sets @out to the pose between @from and @to. @out may be either of them.
 */
void
limber_pose_interpolate (const LimberPose *from,
                         const LimberPose *to,
                         double            t,
                         LimberPose       *out)
{
  double e = ease (t);

  g_return_if_fail (from != NULL && to != NULL && out != NULL);

  for (guint i = 0; i < LIMBER_N_JOINTS; i++)
    {
      out->joints[i].x = from->joints[i].x + (to->joints[i].x - from->joints[i].x) * e;
      out->joints[i].y = from->joints[i].y + (to->joints[i].y - from->joints[i].y) * e;
    }
}

/* The largest distance any joint is apart between @a and @b. */
double
limber_pose_distance (const LimberPose *a,
                      const LimberPose *b)
{
  double max = 0;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  for (guint i = 0; i < LIMBER_N_JOINTS; i++)
    max = MAX (max, hypot (a->joints[i].x - b->joints[i].x, a->joints[i].y - b->joints[i].y));

  return max;
}

static void
exercise_spec_free (gpointer data)
{
  ExerciseSpec *spec = data;

  g_free (spec->ready);
  g_free (spec->rest);
  g_array_unref (spec->moves);
  g_free (spec);
}

static void
move_spec_clear (gpointer data)
{
  g_free (((MoveSpec *) data)->pose);
}

static void
limber_pose_book_finalize (GObject *object)
{
  LimberPoseBook *self = LIMBER_POSE_BOOK (object);

  g_hash_table_unref (self->poses);
  g_hash_table_unref (self->exercises);

  G_OBJECT_CLASS (limber_pose_book_parent_class)->finalize (object);
}

static void
limber_pose_book_class_init (LimberPoseBookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_pose_book_finalize;
}

static void
limber_pose_book_init (LimberPoseBook *self)
{
  self->poses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->exercises = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, exercise_spec_free);
}

static gboolean
read_point (JsonNode         *node,
            LimberPosePoint  *point)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) != 2)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      JsonNode *value = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (value) ||
          (json_node_get_value_type (value) != G_TYPE_DOUBLE &&
           json_node_get_value_type (value) != G_TYPE_INT64))
        return FALSE;
    }
  point->x = json_array_get_double_element (array, 0);
  point->y = json_array_get_double_element (array, 1);

  return point->x >= 0 && point->x <= LIMBER_POSE_WIDTH &&
         point->y >= 0 && point->y <= LIMBER_POSE_HEIGHT;
}

static gboolean
read_pose (const char  *name,
           JsonNode    *node,
           LimberPose  *pose,
           GError     **error)
{
  JsonObject *object;
  gboolean given[LIMBER_N_JOINTS] = { FALSE, };
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "poses.json: pose '%s' must be an object",
                   name);
      return FALSE;
    }
  object = json_node_get_object (node);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      int joint;

      if (!limber_enum_from_nick (LIMBER_TYPE_JOINT, l->data, &joint))
        {
          g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                       "poses.json: pose '%s' has an unknown joint '%s'", name,
                       (const char *) l->data);
          return FALSE;
        }
      if (!read_point (json_object_get_member (object, l->data), &pose->joints[joint]))
        {
          g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                       "poses.json: pose '%s', joint '%s' must be [x, y] inside 0–%g × 0–%g", name,
                       (const char *) l->data, LIMBER_POSE_WIDTH, LIMBER_POSE_HEIGHT);
          return FALSE;
        }
      given[joint] = TRUE;
    }

  for (guint joint = 0; joint < LIMBER_N_JOINTS; joint++)
    {
      if (given[joint])
        continue;
      if (joint >= LIMBER_JOINT_FAR_ELBOW && given[far_twin[joint]])
        pose->joints[joint] = pose->joints[far_twin[joint]];
      else
        {
          g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                       "poses.json: pose '%s' lacks the joint '%s'", name,
                       limber_joint_to_string (joint));
          return FALSE;
        }
    }

  return TRUE;
}

static const char *
read_pose_name (LimberPoseBook  *self,
                JsonObject      *object,
                const char      *exercise,
                const char      *member,
                GError         **error)
{
  const char *name = json_object_get_string_member_with_default (object, member, NULL);

  if (name == NULL || !g_hash_table_contains (self->poses, name))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                   "poses.json: exercise '%s': '%s' must name a pose", exercise, member);
      return NULL;
    }
  return name;
}

static gboolean
read_exercise (LimberPoseBook  *self,
               const char      *id,
               JsonNode        *node,
               GError         **error)
{
  JsonObject *object;
  JsonArray *moves;
  const char *ready, *rest;
  ExerciseSpec *spec;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                   "poses.json: exercise '%s' must be an object", id);
      return FALSE;
    }
  object = json_node_get_object (node);

  if ((ready = read_pose_name (self, object, id, "ready", error)) == NULL ||
      (rest = read_pose_name (self, object, id, "rest", error)) == NULL)
    return FALSE;

  if (!json_object_has_member (object, "moves") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "moves")) ||
      json_array_get_length (moves = json_object_get_array_member (object, "moves")) == 0)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                   "poses.json: exercise '%s': 'moves' must be a list of at least one move", id);
      return FALSE;
    }

  spec = g_new0 (ExerciseSpec, 1);
  spec->ready = g_strdup (ready);
  spec->rest = g_strdup (rest);
  spec->moves = g_array_new (FALSE, TRUE, sizeof (MoveSpec));
  g_array_set_clear_func (spec->moves, move_spec_clear);
  g_hash_table_replace (self->exercises, g_strdup (id), spec);

  for (guint i = 0; i < json_array_get_length (moves); i++)
    {
      JsonNode *move_node = json_array_get_element (moves, i);
      JsonObject *move;
      const char *pose;
      double seconds = 0;
      MoveSpec move_spec;

      if (!JSON_NODE_HOLDS_OBJECT (move_node))
        {
          g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                       "poses.json: exercise '%s': move %u must be an object", id, i + 1);
          return FALSE;
        }
      move = json_node_get_object (move_node);
      if ((pose = read_pose_name (self, move, id, "pose", error)) == NULL)
        return FALSE;
      if (json_object_has_member (move, "seconds"))
        {
          seconds = json_object_get_double_member_with_default (move, "seconds", -1);
          if (!(seconds > 0 && seconds <= 60))
            {
              g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                           "poses.json: exercise '%s': move %u: 'seconds' must be between 0 and 60",
                           id, i + 1);
              return FALSE;
            }
        }

      move_spec.pose = g_strdup (pose);
      move_spec.motion_us = (gint64) (seconds * G_USEC_PER_SEC);
      g_array_append_val (spec->moves, move_spec);
    }

  return TRUE;
}

/**
 * limber_pose_book_new_from_data:
 * @data: the text of a poses.json
 * @length: its length, or -1 if it ends with a nul
 *
 * Returns: (transfer full): the poses, or %NULL with @error set to what is wrong and where
 */
LimberPoseBook *
limber_pose_book_new_from_data (const char  *data,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(LimberPoseBook) self = g_object_new (LIMBER_TYPE_POSE_BOOK, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonObject *section;
  g_autoptr(GList) names = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "poses.json: %s", parse_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (object = json_node_get_object (root), "poses") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "poses")) ||
      !json_object_has_member (object, "exercises") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "exercises")))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                   "poses.json: must be an object with 'poses' and 'exercises' objects");
      return NULL;
    }

  section = json_object_get_object_member (object, "poses");
  names = json_object_get_members (section);
  for (GList *l = names; l != NULL; l = l->next)
    {
      LimberPose *pose = g_new0 (LimberPose, 1);

      if (!read_pose (l->data, json_object_get_member (section, l->data), pose, error))
        {
          g_free (pose);
          return NULL;
        }
      g_hash_table_replace (self->poses, g_strdup (l->data), pose);
    }

  g_clear_pointer (&names, g_list_free);
  section = json_object_get_object_member (object, "exercises");
  names = json_object_get_members (section);
  for (GList *l = names; l != NULL; l = l->next)
    if (!read_exercise (self, l->data, json_object_get_member (section, l->data), error))
      return NULL;

  return g_steal_pointer (&self);
}

/**
 * limber_pose_book_new_from_resource:
 * @path: a GResource path, such as RESOURCE_PATH "/poses.json"
 *
 * Returns: (transfer full): the poses, or %NULL with @error set
 */
LimberPoseBook *
limber_pose_book_new_from_resource (const char  *path,
                                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);

  return limber_pose_book_new_from_data (data, (gssize) size, error);
}

gboolean
limber_pose_book_has_exercise (LimberPoseBook *self,
                               const char     *exercise)
{
  g_return_val_if_fail (LIMBER_IS_POSE_BOOK (self), FALSE);

  return exercise != NULL && g_hash_table_contains (self->exercises, exercise);
}

/**
 * limber_pose_book_get_key_pose:
 * @exercise: (nullable): unused for now: key poses are shared between exercises
 *
 * Returns: whether there is a pose called @pose; if so, @out is set to it
 */
gboolean
limber_pose_book_get_key_pose (LimberPoseBook *self,
                               const char     *exercise,
                               const char     *pose,
                               LimberPose     *out)
{
  const LimberPose *found;

  g_return_val_if_fail (LIMBER_IS_POSE_BOOK (self), FALSE);
  g_return_val_if_fail (pose != NULL && out != NULL, FALSE);

  found = g_hash_table_lookup (self->poses, pose);
  if (found == NULL)
    return FALSE;
  *out = *found;
  return TRUE;
}

/**
 * limber_pose_book_get_preview:
 *
 * The still that stands for @exercise in a list: the pose of its first move.
 *
 * Returns: whether @exercise has poses
 */
gboolean
limber_pose_book_get_preview (LimberPoseBook *self,
                              const char     *exercise,
                              LimberPose     *out)
{
  ExerciseSpec *spec;

  g_return_val_if_fail (LIMBER_IS_POSE_BOOK (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (exercise == NULL || (spec = g_hash_table_lookup (self->exercises, exercise)) == NULL)
    return FALSE;

  return limber_pose_book_get_key_pose (self, exercise,
                                        g_array_index (spec->moves, MoveSpec, 0).pose, out);
}

/* Where a phase moves from and to, and in how long. */
static void
plan_phase (ExerciseSpec      *spec,
            const LimberPhase *phase,
            const char       **from,
            const char       **to,
            gint64            *motion_us)
{
  guint n_moves = spec->moves->len;
  const MoveSpec *last = &g_array_index (spec->moves, MoveSpec, n_moves - 1);

  switch (phase->kind)
    {
    case LIMBER_PHASE_WORK:
      {
        guint index = MIN (phase->move, n_moves - 1);
        const MoveSpec *move = &g_array_index (spec->moves, MoveSpec, index);

        *to = move->pose;
        /* From the move before, the last one of the previous rep, or the starting position. */
        if (index > 0)
          *from = g_array_index (spec->moves, MoveSpec, index - 1).pose;
        else if (phase->rep > 1)
          *from = last->pose;
        else
          *from = spec->ready;
        *motion_us = move->motion_us > 0 ? MIN (move->motion_us, phase->duration_us)
                                         : phase->duration_us;
      }
      break;

    case LIMBER_PHASE_REST:
      *from = last->pose;
      *to = spec->rest;
      *motion_us = MIN (SETTLE_US, phase->duration_us);
      break;

    case LIMBER_PHASE_SWITCH:
      *from = last->pose;
      *to = spec->ready;
      *motion_us = MIN (SETTLE_US, phase->duration_us);
      break;

    case LIMBER_PHASE_GET_READY:
    default:
      *from = spec->ready;
      *to = spec->ready;
      *motion_us = 0;
      break;
    }
}

/**
 * limber_pose_book_compute:
 * @exercise: the exercise's id
 * @phase: the phase being shown
 * @elapsed_us: the time since the phase began
 * @animate: %FALSE to show the phase's own pose at once, without motion (reduce motion)
 * @out: (out): the pose
 *
 * The figure's pose at an instant of @phase.
 *
 * Returns: whether @exercise has poses
 */
gboolean
limber_pose_book_compute (LimberPoseBook    *self,
                          const char        *exercise,
                          const LimberPhase *phase,
                          gint64             elapsed_us,
                          gboolean           animate,
                          LimberPose        *out)
{
  ExerciseSpec *spec;
  const char *from, *to;
  gint64 motion_us;
  LimberPose a, b;

  g_return_val_if_fail (LIMBER_IS_POSE_BOOK (self), FALSE);
  g_return_val_if_fail (phase != NULL && out != NULL, FALSE);

  if (exercise == NULL || (spec = g_hash_table_lookup (self->exercises, exercise)) == NULL)
    return FALSE;

  plan_phase (spec, phase, &from, &to, &motion_us);
  limber_pose_book_get_key_pose (self, exercise, to, &b);
  if (!animate || motion_us <= 0 || elapsed_us >= motion_us)
    {
      *out = b;
      return TRUE;
    }

  limber_pose_book_get_key_pose (self, exercise, from, &a);
  limber_pose_interpolate (&a, &b, (double) MAX (elapsed_us, 0) / (double) motion_us, out);
  return TRUE;
}

/**
 * limber_pose_book_is_moving:
 *
 * Returns: whether the figure is moving at this instant of @phase, so is worth redrawing often
 */
gboolean
limber_pose_book_is_moving (LimberPoseBook    *self,
                            const char        *exercise,
                            const LimberPhase *phase,
                            gint64             elapsed_us)
{
  ExerciseSpec *spec;
  const char *from, *to;
  gint64 motion_us;

  g_return_val_if_fail (LIMBER_IS_POSE_BOOK (self), FALSE);
  g_return_val_if_fail (phase != NULL, FALSE);

  if (exercise == NULL || (spec = g_hash_table_lookup (self->exercises, exercise)) == NULL)
    return FALSE;

  plan_phase (spec, phase, &from, &to, &motion_us);
  return elapsed_us < motion_us && !g_str_equal (from, to);
}
