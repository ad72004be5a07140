/* limber-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "limber-error.h"

#include "limber-catalog.h"

/*
 * The exercises and routines: the built-in catalog (a JSON file in the resources) and the user's
 * own routines, one JSON file each in $XDG_DATA_HOME/limber/routines/. The README section
 * "Your own routines" documents the format; keep the two in step.
 *
 * Every problem names the file and the line. json-glib keeps no positions in its nodes, so the
 * parser's signals are used to note the line of every object and member as it is read.
 */

struct _LimberCatalog
{
  GObject     parent_instance;

  GHashTable *exercises;   /* id → LimberExercise */
  GListStore *routines;
  GPtrArray  *problems;
};

G_DEFINE_FINAL_TYPE (LimberCatalog, limber_catalog, G_TYPE_OBJECT)

/* Limits on user values: generous for a physiotherapist's plan, but never absurd. */
#define MAX_STEPS    50
#define MIN_HOLD     1.0
#define MAX_HOLD     600.0
#define MIN_MOVE     0.5
#define MAX_MOVE     60.0
#define MIN_DURATION 5.0
#define MAX_DURATION 1800.0
#define MAX_SWITCH   120.0
#define MAX_REST     600.0
#define MAX_REPS     100
#define MAX_ROUNDS   10
/* Each value may be within its limits and the whole still absurd: 50 steps of 100 reps in
 * 10 rounds would be millions of moves. A session lasts at most 3 hours. */
#define MAX_ROUTINE_MINUTES 180
#define MAX_PHASES          5000

typedef struct
{
  const char *path;
  GHashTable *lines;     /* "%p" or "%p/member" → line */
  GArray     *starts;    /* lines where the open objects and arrays began */
  JsonParser *parser;
  gboolean    translate;
} Reader;

static void
problem_free (LimberCatalogProblem *problem)
{
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

static void
on_container_start (JsonParser *parser,
                    Reader     *reader)
{
  guint line = json_parser_get_current_line (parser);

  g_array_append_val (reader->starts, line);
}

static void
on_container_end (JsonParser *parser,
                  gpointer    container,
                  Reader     *reader)
{
  guint line = g_array_index (reader->starts, guint, reader->starts->len - 1);

  g_array_set_size (reader->starts, reader->starts->len - 1);
  g_hash_table_insert (reader->lines, g_strdup_printf ("%p", container), GUINT_TO_POINTER (line));
}

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *member,
                  Reader     *reader)
{
  g_hash_table_insert (reader->lines, g_strdup_printf ("%p/%s", (gpointer) object, member),
                       GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

static int
line_of (Reader     *reader,
         JsonObject *object,
         const char *member)
{
  g_autofree char *key = NULL;

  if (member != NULL)
    key = g_strdup_printf ("%p/%s", (gpointer) object, member);
  else
    key = g_strdup_printf ("%p", (gpointer) object);

  return GPOINTER_TO_INT (g_hash_table_lookup (reader->lines, key));
}

static gboolean G_GNUC_PRINTF (5, 6)
fail (Reader      *reader,
      JsonObject  *object,
      const char  *member,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;
  int line;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line = line_of (reader, object, member);
  if (member != NULL && json_object_has_member (object, member))
    {
      /* json-glib reports a member once its value is read; a list or object spanning several
       * lines is better named by the line it starts on. */
      JsonNode *node = json_object_get_member (object, member);
      gpointer container = NULL;
      g_autofree char *key = NULL;

      if (JSON_NODE_HOLDS_ARRAY (node))
        container = json_node_get_array (node);
      else if (JSON_NODE_HOLDS_OBJECT (node))
        container = json_node_get_object (node);

      if (container != NULL)
        {
          key = g_strdup_printf ("%p", container);
          line = GPOINTER_TO_INT (g_hash_table_lookup (reader->lines, key));
        }
    }
  if (line == 0 && member != NULL)
    line = line_of (reader, object, NULL);

  g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE, "%s:%d: %s",
               reader->path, line, message);
  return FALSE;
}

static const char *
tr (Reader     *reader,
    const char *text)
{
  return reader->translate && text[0] != '\0' ? g_dgettext (GETTEXT_PACKAGE, text) : text;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
check_members (Reader             *reader,
               JsonObject         *object,
               const char * const *known,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (known, l->data))
        return fail (reader, object, l->data, error,
                     _("unknown field “%s”; check its spelling"), (const char *) l->data);
    }

  return TRUE;
}

static gboolean
get_string (Reader      *reader,
            JsonObject  *object,
            const char  *member,
            gboolean     required,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (required)
        return fail (reader, object, NULL, error, _("missing field “%s”"), member);
      *out = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      json_node_get_string (node)[0] == '\0')
    return fail (reader, object, member, error, _("“%s” must be a non-empty text in quotes"),
                 member);

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* Reads seconds into µs. Leaves @out_us alone when the member is absent. */
static gboolean
get_seconds (Reader      *reader,
             JsonObject  *object,
             const char  *member,
             double       min,
             double       max,
             gint64      *out_us,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  double seconds;

  if (node == NULL)
    return TRUE;

  if (!is_number (node))
    return fail (reader, object, member, error, _("“%s” must be a number of seconds"), member);

  seconds = json_node_get_double (node);
  if (!(seconds >= min && seconds <= max))
    return fail (reader, object, member, error,
                 _("“%s” is %g seconds; it must be from %g to %g seconds"),
                 member, seconds, min, max);

  *out_us = llround (seconds * G_USEC_PER_SEC);
  return TRUE;
}

/* Reads an optional true or false into @out, which keeps its value when @member is absent. */
static gboolean
get_boolean (Reader      *reader,
             JsonObject  *object,
             const char  *member,
             gboolean    *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;

  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (reader, object, member, error, _("“%s” must be true or false"), member);

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_count (Reader      *reader,
           JsonObject  *object,
           const char  *member,
           guint        min,
           guint        max,
           guint       *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (reader, object, member, error, _("“%s” must be a whole number"), member);

  value = json_node_get_int (node);
  if (value < min || value > max)
    return fail (reader, object, member, error,
                 _("“%s” is %lld; it must be from %u to %u"),
                 member, (long long) value, min, max);

  *out = (guint) value;
  return TRUE;
}

static gboolean
check_id (Reader      *reader,
          JsonObject  *object,
          const char  *id,
          GError     **error)
{
  gboolean valid = g_regex_match_simple ("^[a-z0-9][a-z0-9-]{0,63}\\z", id, 0, 0);

  if (!valid)
    return fail (reader, object, "id", error,
                 _("the id “%s” may use only lowercase letters, digits and hyphens, "
                   "at most 64 of them"), id);

  return TRUE;
}

/* Reads the timing fields shared by exercises and routine steps into @timing. */
static gboolean
read_timing (Reader             *reader,
             JsonObject         *object,
             LimberExerciseMode  mode,
             LimberTiming       *timing,
             GError            **error)
{
  JsonNode *tempo;

  /* A field the mode does not use is refused rather than ignored: the author meant something. */
  if (mode == LIMBER_EXERCISE_MODE_HOLD)
    {
      LimberMove *hold = g_ptr_array_index (timing->moves, 0);

      if (!get_seconds (reader, object, "hold", MIN_HOLD, MAX_HOLD, &hold->duration_us, error))
        return FALSE;
    }
  else if (json_object_has_member (object, "hold"))
    return fail (reader, object, "hold", error,
                 _("“hold” is only for exercises that hold one position; use “tempo”"));

  if (!get_count (reader, object, "rounds", 1, MAX_ROUNDS, &timing->rounds, error))
    return FALSE;

  if (mode == LIMBER_EXERCISE_MODE_REPS)
    {
      if (!get_count (reader, object, "reps", 1, MAX_REPS, &timing->reps, error))
        return FALSE;
    }
  else if (json_object_has_member (object, "reps"))
    return fail (reader, object, "reps", error,
                 _("“reps” is only for exercises done in repetitions"));

  if (mode == LIMBER_EXERCISE_MODE_CYCLES)
    {
      if (!get_seconds (reader, object, "duration", MIN_DURATION, MAX_DURATION,
                        &timing->duration_us, error))
        return FALSE;
    }
  else if (json_object_has_member (object, "duration"))
    return fail (reader, object, "duration", error,
                 _("“duration” is only for exercises done in timed cycles"));

  if (!get_seconds (reader, object, "switch", 0, MAX_SWITCH, &timing->switch_us, error) ||
      !get_seconds (reader, object, "rest", 0, MAX_REST, &timing->rest_us, error))
    return FALSE;

  tempo = json_object_get_member (object, "tempo");
  if (tempo != NULL)
    {
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (tempo) ? json_node_get_array (tempo) : NULL;

      if (mode == LIMBER_EXERCISE_MODE_HOLD)
        return fail (reader, object, "tempo", error,
                     _("“tempo” is only for reps and cycles; use “hold”"));

      if (array == NULL || json_array_get_length (array) != timing->moves->len)
        return fail (reader, object, "tempo", error,
                     _("“tempo” must be a list of %u numbers of seconds, one for each move"),
                     timing->moves->len);

      for (guint i = 0; i < timing->moves->len; i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          LimberMove *move = g_ptr_array_index (timing->moves, i);
          double seconds = is_number (node) ? json_node_get_double (node) : NAN;

          if (!(seconds >= MIN_MOVE && seconds <= MAX_MOVE))
            return fail (reader, object, "tempo", error,
                         _("each “tempo” value must be from %g to %g seconds"),
                         MIN_MOVE, MAX_MOVE);

          move->duration_us = llround (seconds * G_USEC_PER_SEC);
        }
    }

  return TRUE;
}

static gboolean
read_moves (Reader        *reader,
            JsonObject    *object,
            LimberTiming  *timing,
            GError       **error)
{
  JsonNode *node = json_object_get_member (object, "moves");
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (array == NULL || json_array_get_length (array) == 0)
    return fail (reader, object, "moves", error, _("“moves” must be a list of moves"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      static const char * const known[] = { "name", "instruction", "seconds", NULL };
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *move_object;
      const char *name, *instruction;
      gint64 duration_us = 0;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (reader, object, "moves", error, _("each move must be an object"));

      move_object = json_node_get_object (element);
      if (!check_members (reader, move_object, known, error) ||
          !get_string (reader, move_object, "name", TRUE, &name, error) ||
          !get_string (reader, move_object, "instruction", TRUE, &instruction, error) ||
          !get_seconds (reader, move_object, "seconds", MIN_MOVE, MAX_MOVE, &duration_us, error))
        return FALSE;

      if (duration_us == 0)
        return fail (reader, move_object, NULL, error, _("missing field “%s”"), "seconds");

      g_ptr_array_add (timing->moves,
                       limber_move_new (tr (reader, name), tr (reader, instruction), duration_us));
    }

  return TRUE;
}

static gboolean
read_exercise (LimberCatalog  *self,
               Reader         *reader,
               JsonObject     *object,
               GError        **error)
{
  static const char * const known[] = {
    "id", "name", "instructions", "spoken", "illustration", "mode", "sides", "progressive",
    "first-days", "hold", "rounds", "reps", "duration", "moves", "tempo", "switch", "rest", NULL
  };
  const char *id, *name, *instructions, *spoken, *illustration, *mode_name;
  g_autoptr(LimberTiming) timing = g_new0 (LimberTiming, 1);
  LimberExerciseMode mode;
  guint sides = 1;
  JsonNode *progressive;
  gboolean first_days = FALSE;
  LimberExercise *exercise;

  if (!check_members (reader, object, known, error) ||
      !get_string (reader, object, "id", TRUE, &id, error) ||
      !check_id (reader, object, id, error) ||
      !get_string (reader, object, "name", TRUE, &name, error) ||
      !get_string (reader, object, "instructions", TRUE, &instructions, error) ||
      !get_string (reader, object, "spoken", TRUE, &spoken, error) ||
      !get_string (reader, object, "illustration", FALSE, &illustration, error) ||
      !get_string (reader, object, "mode", TRUE, &mode_name, error) ||
      !get_count (reader, object, "sides", 1, 2, &sides, error))
    return FALSE;

  if (!limber_exercise_mode_from_string (mode_name, &mode))
    return fail (reader, object, "mode", error,
                 _("“mode” is “%s”; it must be “hold”, “reps” or “cycles”"), mode_name);

  timing->moves = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_move_free);
  timing->rounds = 1;
  timing->reps = 10;
  timing->duration_us = 60 * G_USEC_PER_SEC;
  timing->switch_us = 5 * G_USEC_PER_SEC;

  if (mode == LIMBER_EXERCISE_MODE_HOLD)
    {
      if (json_object_has_member (object, "moves"))
        return fail (reader, object, "moves", error,
                     _("an exercise that holds one position has no “moves”"));
      /* Translators: the name of the one move of a held stretch, shown large. */
      g_ptr_array_add (timing->moves, limber_move_new (_("Hold"), tr (reader, spoken),
                                                       30 * G_USEC_PER_SEC));
    }
  else if (!read_moves (reader, object, timing, error))
    return FALSE;

  if (!read_timing (reader, object, mode, timing, error))
    return FALSE;

  progressive = json_object_get_member (object, "progressive");
  if (progressive != NULL && json_node_get_value_type (progressive) != G_TYPE_BOOLEAN)
    return fail (reader, object, "progressive", error, _("“progressive” must be true or false"));
  if (!get_boolean (reader, object, "first-days", &first_days, error))
    return FALSE;

  if (g_hash_table_contains (self->exercises, id))
    return fail (reader, object, "id", error, _("there are two exercises with the id “%s”"), id);

  exercise = limber_exercise_new (id, tr (reader, name), tr (reader, instructions),
                                  tr (reader, spoken), illustration, mode, sides,
                                  progressive != NULL && json_node_get_boolean (progressive),
                                  timing);
  limber_exercise_set_first_days (exercise, first_days);
  g_hash_table_insert (self->exercises, g_strdup (id), exercise);
  return TRUE;
}

/* Checked after each step is added, so the error names the step that goes too far. */
static gboolean
check_size (Reader         *reader,
            JsonObject     *step,
            LimberRoutine  *routine,
            guint           step_number,
            GError        **error)
{
  guint64 n_phases = 0;
  gint64 duration_us = 0;

  limber_routine_measure (routine, &n_phases, &duration_us);
  if (duration_us > (gint64) MAX_ROUTINE_MINUTES * 60 * G_USEC_PER_SEC)
    return fail (reader, step, NULL, error,
                 _("with step %u the routine lasts %u minutes; a routine may last at most "
                   "%d minutes"),
                 step_number,
                 (guint) MIN ((duration_us + 60 * G_USEC_PER_SEC - 1) / (60 * G_USEC_PER_SEC),
                              G_MAXUINT),
                 MAX_ROUTINE_MINUTES);
  if (n_phases > MAX_PHASES)
    return fail (reader, step, NULL, error,
                 _("with step %u the routine has %u moves, switches and rests; a routine may "
                   "have at most %d"),
                 step_number, (guint) MIN (n_phases, G_MAXUINT), MAX_PHASES);

  return TRUE;
}

static LimberRoutine *
read_routine (LimberCatalog  *self,
              Reader         *reader,
              JsonObject     *object,
              GError        **error)
{
  static const char * const known[] = {
    "id", "name", "description", "first-days", "steps", NULL
  };
  const char *id, *name, *description;
  gboolean first_days = FALSE;
  g_autoptr(LimberRoutine) routine = NULL;
  JsonNode *steps_node;
  JsonArray *steps;

  if (!check_members (reader, object, known, error) ||
      !get_string (reader, object, "id", TRUE, &id, error) ||
      !check_id (reader, object, id, error) ||
      !get_string (reader, object, "name", TRUE, &name, error) ||
      !get_string (reader, object, "description", FALSE, &description, error) ||
      !get_boolean (reader, object, "first-days", &first_days, error))
    return NULL;

  if (limber_catalog_find_routine (self, id) != NULL)
    {
      LimberRoutine *other = limber_catalog_find_routine (self, id);
      const char *where = limber_routine_get_path (other);

      if (where == NULL)
        fail (reader, object, "id", error,
              _("the id “%s” is already used by a built-in routine; choose another"), id);
      else
        fail (reader, object, "id", error,
              _("the id “%s” is already used by the routine in %s; choose another"), id, where);
      return NULL;
    }

  steps_node = json_object_get_member (object, "steps");
  if (steps_node == NULL)
    {
      fail (reader, object, NULL, error, _("missing field “%s”"), "steps");
      return NULL;
    }

  steps = JSON_NODE_HOLDS_ARRAY (steps_node) ? json_node_get_array (steps_node) : NULL;
  if (steps == NULL || json_array_get_length (steps) == 0 ||
      json_array_get_length (steps) > MAX_STEPS)
    {
      fail (reader, object, "steps", error,
            _("“steps” must be a list of 1 to %d exercises"), MAX_STEPS);
      return NULL;
    }

  routine = limber_routine_new (id, tr (reader, name),
                                description != NULL ? tr (reader, description) : NULL,
                                reader->translate ? NULL : reader->path);

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      static const char * const step_known[] = {
        "exercise", "hold", "rounds", "reps", "duration", "tempo", "switch", "rest", NULL
      };
      JsonNode *element = json_array_get_element (steps, i);
      JsonObject *step;
      const char *exercise_id;
      LimberExercise *exercise;
      g_autoptr(LimberTiming) timing = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          fail (reader, object, "steps", error,
                _("step %u must be an object such as { \"exercise\": \"bridge\" }"), i + 1);
          return NULL;
        }

      step = json_node_get_object (element);
      if (!check_members (reader, step, step_known, error) ||
          !get_string (reader, step, "exercise", TRUE, &exercise_id, error))
        return NULL;

      exercise = limber_catalog_find_exercise (self, exercise_id);
      if (exercise == NULL)
        {
          g_autofree char *known_ids = NULL;
          g_autoptr(GPtrArray) ids = g_ptr_array_new ();
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, self->exercises);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_ptr_array_add (ids, key);
          g_ptr_array_sort (ids, compare_names);
          g_ptr_array_add (ids, NULL);
          known_ids = g_strjoinv (", ", (char **) ids->pdata);

          fail (reader, step, "exercise", error,
                _("unknown exercise “%s”; the exercises are: %s"), exercise_id, known_ids);
          return NULL;
        }

      if (limber_exercise_get_progressive (exercise) && json_object_has_member (step, "hold"))
        {
          fail (reader, step, "hold", error,
                _("the hold of “%s” grows by itself after each session; set it in Preferences"),
                exercise_id);
          return NULL;
        }

      timing = limber_timing_copy (limber_exercise_get_timing (exercise));
      if (!read_timing (reader, step, limber_exercise_get_mode (exercise), timing, error))
        return NULL;

      /* The care plan offers a first-days routine in the acute phase: it may hold nothing else. */
      if (first_days && !limber_exercise_get_first_days (exercise))
        {
          fail (reader, step, "exercise", error,
                _("“%s” is not safe in the first days of a spasm, so this routine cannot have "
                  "“first-days”: true"), exercise_id);
          return NULL;
        }

      limber_routine_add_step (routine, exercise, timing);
      if (!check_size (reader, step, routine, i + 1, error))
        return NULL;
    }

  limber_routine_set_first_days (routine, first_days);
  return g_steal_pointer (&routine);
}

static int
line_of_offset (const char *data,
                const char *position)
{
  int line = 1;

  for (const char *p = data; p < position; p++)
    {
      if (*p == '\n')
        line++;
    }

  return line;
}

/* Parses the text into a root object, with the lines of its parts noted in @reader. */
static JsonObject *
parse (Reader      *reader,
       const char  *data,
       gsize        length,
       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *end;
  JsonNode *root;

  if (!g_utf8_validate (data, length, &end))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s:%d: %s",
                   reader->path, line_of_offset (data, end),
                   _("the file is not UTF-8 text; save it as UTF-8"));
      return NULL;
    }

  reader->parser = json_parser_new_immutable ();
  g_signal_connect (reader->parser, "object-start", G_CALLBACK (on_container_start), reader);
  g_signal_connect (reader->parser, "array-start", G_CALLBACK (on_container_start), reader);
  g_signal_connect (reader->parser, "object-end", G_CALLBACK (on_container_end), reader);
  g_signal_connect (reader->parser, "array-end", G_CALLBACK (on_container_end), reader);
  g_signal_connect (reader->parser, "object-member", G_CALLBACK (on_object_member), reader);

  if (!json_parser_load_from_data (reader->parser, data, length, &local_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: …"; name the file instead. */
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s:%s", reader->path, message);
      return NULL;
    }

  root = json_parser_get_root (reader->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s:1: %s", reader->path,
                   _("the file must hold one JSON object, in { }"));
      return NULL;
    }

  return json_node_get_object (root);
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->lines, g_hash_table_unref);
  g_clear_pointer (&reader->starts, g_array_unref);
  g_clear_object (&reader->parser);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static void
reader_init (Reader     *reader,
             const char *path,
             gboolean    translate)
{
  reader->path = path;
  reader->translate = translate;
  reader->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
limber_catalog_finalize (GObject *object)
{
  LimberCatalog *self = LIMBER_CATALOG (object);

  g_hash_table_unref (self->exercises);
  g_object_unref (self->routines);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (limber_catalog_parent_class)->finalize (object);
}

static void
limber_catalog_class_init (LimberCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_catalog_finalize;
}

static void
limber_catalog_init (LimberCatalog *self)
{
  self->exercises = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->routines = g_list_store_new (LIMBER_TYPE_ROUTINE);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
}

LimberCatalog *
limber_catalog_new (void)
{
  return g_object_new (LIMBER_TYPE_CATALOG, NULL);
}

/**
 * limber_catalog_load_builtin:
 * @bytes: the catalog's JSON: {"exercises": [...], "routines": [...]}
 * @name: what to call it in errors
 *
 * Loads the catalog shipped with the app. Its text is translated. Nothing is added unless all of it
 * is valid.
 */
gboolean
limber_catalog_load_builtin (LimberCatalog *self,
                             GBytes        *bytes,
                             const char    *name,
                             GError       **error)
{
  g_auto(Reader) reader = { 0 };
  JsonObject *root;
  JsonArray *exercises, *routines;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), FALSE);

  reader_init (&reader, name, TRUE);
  root = parse (&reader, data, length, error);
  if (root == NULL)
    return FALSE;

  exercises = json_object_get_array_member (root, "exercises");
  routines = json_object_get_array_member (root, "routines");
  if (exercises == NULL || routines == NULL)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE,
                   "%s:1: a catalog needs “exercises” and “routines”", name);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (exercises); i++)
    {
      if (!read_exercise (self, &reader, json_array_get_object_element (exercises, i), error))
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (routines); i++)
    {
      LimberRoutine *routine = read_routine (self, &reader,
                                             json_array_get_object_element (routines, i), error);
      if (routine == NULL)
        return FALSE;
      g_list_store_append (self->routines, routine);
      g_object_unref (routine);
    }

  return TRUE;
}

/**
 * limber_catalog_load_user_file:
 *
 * Loads one routine file: {"id": ..., "name": ..., "steps": [...]}. On error nothing is added and
 * the message says "PATH:LINE: what is wrong".
 */
gboolean
limber_catalog_load_user_file (LimberCatalog *self,
                               GFile         *file,
                               GError       **error)
{
  g_auto(Reader) reader = { 0 };
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *contents = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(LimberRoutine) routine = NULL;
  JsonObject *root;
  gsize length;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;

  /* A pipe or device would block or never end; only plain files (or links to them) are read. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE, "%s:0: %s", path,
                   _("not a regular file"));
      return FALSE;
    }

  /* Refuse a huge file before reading it: no routine needs more than a few kilobytes. */
  if (g_file_info_get_size (info) > LIMBER_CATALOG_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (LIMBER_CATALOG_MAX_FILE_SIZE);

      g_autofree char *message = g_strdup_printf (_("the file is too large (%s); a routine file "
                                                    "may be at most %s"), size, limit);

      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE, "%s:0: %s", path, message);
      return FALSE;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;

  reader_init (&reader, path, FALSE);
  root = parse (&reader, contents, length, error);
  if (root == NULL)
    return FALSE;

  routine = read_routine (self, &reader, root, error);
  if (routine == NULL)
    return FALSE;

  g_list_store_append (self->routines, routine);
  return TRUE;
}

static void
add_problem (LimberCatalog *self,
             const char    *path,
             const GError  *error)
{
  LimberCatalogProblem *problem = g_new0 (LimberCatalogProblem, 1);
  g_autofree char *prefix = g_strconcat (path, ":", NULL);
  const char *message = error->message;

  /* Split "PATH:LINE: message" into its parts. */
  problem->path = g_strdup (path);
  if (g_str_has_prefix (message, prefix))
    {
      char *end = NULL;

      message += strlen (prefix);
      problem->line = (int) g_ascii_strtoll (message, &end, 10);
      message = end;
      if (*message == ':')
        message++;
      /* json-glib adds its own column after the line. */
      if (g_ascii_isdigit (*message))
        {
          g_ascii_strtoll (message, &end, 10);
          message = *end == ':' ? end + 1 : end;
        }
      while (*message == ' ')
        message++;
    }
  problem->message = g_strdup (message);

  g_warning ("Skipping routine file %s: %s", path, error->message);
  g_ptr_array_add (self->problems, problem);
}

/**
 * limber_catalog_load_user_dir:
 * @path: a folder of routine files; it need not exist
 *
 * Loads every "*.json" file in @path, in name order. A file that cannot be loaded is skipped and
 * recorded as a problem (see limber_catalog_get_problems()); the others still load.
 *
 * Returns: the number of routines loaded
 */
guint
limber_catalog_load_user_dir (LimberCatalog *self,
                              const char    *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;
  guint loaded = 0;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), 0);

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        add_problem (self, path, error);
      return 0;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *built = g_build_filename (path, names->pdata[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (built);
      g_autofree char *file_path = g_file_get_path (file);
      g_autoptr(GError) file_error = NULL;

      if (limber_catalog_load_user_file (self, file, &file_error))
        loaded++;
      else
        add_problem (self, file_path, file_error);
    }

  return loaded;
}

/**
 * limber_catalog_get_routines:
 *
 * Returns: (transfer none): the routines, built-in first, then the user's in file-name order
 */
GListModel *
limber_catalog_get_routines (LimberCatalog *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->routines);
}

LimberRoutine *
limber_catalog_find_routine (LimberCatalog *self,
                             const char    *id)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->routines)); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->routines), i);

      if (g_strcmp0 (limber_routine_get_id (routine), id) == 0)
        return routine;  /* the store keeps it alive */
    }

  return NULL;
}

LimberExercise *
limber_catalog_find_exercise (LimberCatalog *self,
                              const char    *id)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  return g_hash_table_lookup (self->exercises, id);
}

/**
 * limber_catalog_get_problems:
 *
 * Returns: (transfer none) (element-type LimberCatalogProblem): the files that were skipped
 */
GPtrArray *
limber_catalog_get_problems (LimberCatalog *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  return self->problems;
}

/* "gentle-relief, daily-mobility, …", for messages about an unknown id. */
char *
limber_catalog_dup_routine_ids (LimberCatalog *self)
{
  g_autoptr(GString) ids = g_string_new ("");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->routines)); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->routines), i);

      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, limber_routine_get_id (routine));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* Where the user's own routines live: $XDG_DATA_HOME/limber/routines. */
char *
limber_catalog_get_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "limber", "routines", NULL);
}
