/* limber-catalog-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "limber-error.h"
#include "limber-text.h"

#include "limber-catalog-private.h"

/*
 * Reading exercises and routines from their JSON objects: which fields each has, what they
 * mean and their limits. docs/routines.md documents the format; keep the
 * two in step. Every problem names the file and the line that limber-catalog.c noted while
 * parsing.
 */

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
/* Texts, in characters. A name is a title on a card and a line in a list; a description, a few
 * lines under it; the built-in catalog's instructions are the longest texts. Longer ones would
 * only freeze the page that lays them out. */
#define MAX_NAME        80
#define MAX_DESCRIPTION 300
#define MAX_INSTRUCTION 1000
#define MAX_WORD        64   /* modes, sides, illustrations */
/* Ids are checked by their pattern (check_id()) or looked up, with messages of their own. */
#define MAX_ID          LIMBER_CATALOG_MAX_FILE_SIZE

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

/* Notes, for an editor, what the value the next problem is about must be, in people's words.
 * Files are not read with an editor, and their messages stay as they are. */
static void G_GNUC_PRINTF (2, 3)
rule (Reader     *reader,
      const char *format,
      ...)
{
  va_list args;

  if (reader->field_error == NULL)
    return;
  g_free (reader->rule);
  va_start (args, format);
  reader->rule = g_strdup_vprintf (format, args);
  va_end (args);
}

/* Tells an editor which field the first problem is about, as a path ("steps[2].hold"). */
static void
note_field (Reader     *reader,
            JsonObject *object,
            const char *member,
            const char *message)
{
  LimberCatalogFieldError *field;
  GString *path;

  if (reader->field_error == NULL || *reader->field_error != NULL)
    return;

  field = g_new0 (LimberCatalogFieldError, 1);
  field->step = object == reader->step ? reader->step_index : -1;
  field->member = g_strdup (member);
  field->index = reader->element;
  field->rule = reader->rule != NULL ? g_steal_pointer (&reader->rule) : g_strdup (message);
  path = g_string_new ("");
  if (field->step >= 0)
    g_string_append_printf (path, "steps[%d]", field->step);
  if (member != NULL)
    g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", member);
  if (field->index >= 0)
    g_string_append_printf (path, "[%d]", field->index);
  field->field = g_string_free (path, FALSE);
  *reader->field_error = field;
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

  note_field (reader, object, member, message);
  g_clear_pointer (&reader->rule, g_free);
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
        {
          g_autofree char *quoted = limber_text_quote (l->data, LIMBER_TEXT_QUOTE_CHARS);

          return fail (reader, object, l->data, error,
                       _("unknown field “%s”; check its spelling"), quoted);
        }
    }

  return TRUE;
}

/* Reads a text of at most @max_chars characters, with something visible in it. */
static gboolean
get_string (Reader      *reader,
            JsonObject  *object,
            const char  *member,
            gboolean     required,
            guint        max_chars,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;
  glong n_chars;

  if (node == NULL)
    {
      if (required)
        {
          /* Translators: the rules below say what a field of the routine editor must be; they
           * are shown after the field's name, as in “Name: cannot be empty”. */
          rule (reader, _("cannot be empty"));
          /* A missing member is on the line of its object, as when none is named. */
          return fail (reader, object, member, error, _("missing field “%s”"), member);
        }
      *out = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      json_node_get_string (node)[0] == '\0')
    {
      rule (reader, _("cannot be empty"));
      return fail (reader, object, member, error, _("“%s” must be a non-empty text in quotes"),
                   member);
    }

  text = json_node_get_string (node);
  /* Counted only up to the limit: a huge text costs no more than a long one. */
  n_chars = g_utf8_strlen (text, (gssize) MIN (strlen (text), (gsize) max_chars * 6 + 6));
  if (n_chars > (glong) max_chars)
    {
      rule (reader, _("at most %u characters"), max_chars);
      return fail (reader, object, member, error,
                 _("“%s” is longer than %u characters; make it shorter"), member,
                   max_chars);
    }

  /* Spaces, or characters that show nothing, would make a card with no title. */
  if (limber_text_is_blank (text))
    {
      rule (reader, _("needs a visible character, not only spaces"));
      return fail (reader, object, member, error,
                 _("“%s” must have a visible character, not only spaces"), member);
    }

  *out = text;
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

  rule (reader, _("%g to %g seconds"), min, max);
  if (!is_number (node))
    return fail (reader, object, member, error, _("“%s” must be a number of seconds"), member);

  seconds = json_node_get_double (node);
  if (!(seconds >= min && seconds <= max))
    return fail (reader, object, member, error,
                 _("“%s” is %g seconds; it must be from %g to %g seconds"),
                 member, seconds, min, max);

  g_clear_pointer (&reader->rule, g_free);
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

  rule (reader, _("%u to %u"), min, max);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (reader, object, member, error, _("“%s” must be a whole number"), member);

  value = json_node_get_int (node);
  if (value < min || value > max)
    return fail (reader, object, member, error,
                 _("“%s” is %lld; it must be from %u to %u"),
                 member, (long long) value, min, max);

  g_clear_pointer (&reader->rule, g_free);
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
    {
      g_autofree char *quoted = limber_text_quote (id, LIMBER_TEXT_QUOTE_CHARS);

      return fail (reader, object, "id", error,
                   _("the id “%s” may use only lowercase letters, digits and hyphens, "
                     "at most 64 of them"), quoted);
    }

  return TRUE;
}

/* A step's or an exercise's "tempo": the seconds of each of its moves. */
static gboolean
read_tempo (Reader        *reader,
            JsonObject    *object,
            JsonNode      *tempo,
            LimberTiming  *timing,
            GError       **error)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (tempo) ? json_node_get_array (tempo) : NULL;

  rule (reader, _("one time for each move"));
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
        {
          gboolean ok;

          rule (reader, _("%g to %g seconds"), MIN_MOVE, MAX_MOVE);
          reader->element = (int) i;
          ok = fail (reader, object, "tempo", error,
                     _("each “tempo” value must be from %g to %g seconds"), MIN_MOVE, MAX_MOVE);
          reader->element = -1;
          return ok;
        }

      move->duration_us = llround (seconds * G_USEC_PER_SEC);
    }
  g_clear_pointer (&reader->rule, g_free);
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
      if (mode == LIMBER_EXERCISE_MODE_HOLD)
        return fail (reader, object, "tempo", error,
                     _("“tempo” is only for reps and cycles; use “hold”"));
      return read_tempo (reader, object, tempo, timing, error);
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
          !get_string (reader, move_object, "name", TRUE, MAX_NAME, &name, error) ||
          !get_string (reader, move_object, "instruction", TRUE, MAX_INSTRUCTION, &instruction,
                       error) ||
          !get_seconds (reader, move_object, "seconds", MIN_MOVE, MAX_MOVE, &duration_us, error))
        return FALSE;

      if (duration_us == 0)
        return fail (reader, move_object, NULL, error, _("missing field “%s”"), "seconds");

      g_ptr_array_add (timing->moves,
                       limber_move_new (tr (reader, name), tr (reader, instruction), duration_us));
    }

  return TRUE;
}

/* Reads one exercise of the built-in catalog into self->exercises. */
gboolean
limber_catalog_read_exercise (LimberCatalog  *self,
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
      !get_string (reader, object, "id", TRUE, MAX_ID, &id, error) ||
      !check_id (reader, object, id, error) ||
      !get_string (reader, object, "name", TRUE, MAX_NAME, &name, error) ||
      !get_string (reader, object, "instructions", TRUE, MAX_INSTRUCTION, &instructions,
                      error) ||
      !get_string (reader, object, "spoken", TRUE, MAX_INSTRUCTION, &spoken, error) ||
      !get_string (reader, object, "illustration", FALSE, MAX_WORD, &illustration, error) ||
      !get_string (reader, object, "mode", TRUE, MAX_WORD, &mode_name, error) ||
      !get_count (reader, object, "sides", 1, 2, &sides, error))
    return FALSE;

  if (!limber_exercise_mode_from_string (mode_name, &mode))
    {
      g_autofree char *quoted = limber_text_quote (mode_name, LIMBER_TEXT_QUOTE_CHARS);

      return fail (reader, object, "mode", error,
                   _("“mode” is “%s”; it must be “hold”, “reps” or “cycles”"), quoted);
    }

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
  guint minutes;

  limber_routine_measure (routine, &n_phases, &duration_us);
  minutes = (guint) MIN ((duration_us + 60 * G_USEC_PER_SEC - 1) / (60 * G_USEC_PER_SEC),
                         G_MAXUINT);

  if (duration_us > (gint64) MAX_ROUTINE_MINUTES * 60 * G_USEC_PER_SEC)
    {
      rule (reader, _("with this step the routine lasts %u minutes, and it may last at most %d"),
            minutes, MAX_ROUTINE_MINUTES);
      return fail (reader, step, NULL, error,
                   _("with step %u the routine lasts %u minutes; a routine may last at most "
                     "%d minutes"),
                   step_number, minutes, MAX_ROUTINE_MINUTES);
    }
  if (n_phases > MAX_PHASES)
    {
      rule (reader, _("with this step the routine has %u moves, switches and rests, and it may "
                      "have at most %d"), (guint) MIN (n_phases, G_MAXUINT), MAX_PHASES);
      return fail (reader, step, NULL, error,
                   _("with step %u the routine has %u moves, switches and rests; a routine may "
                     "have at most %d"),
                   step_number, (guint) MIN (n_phases, G_MAXUINT), MAX_PHASES);
    }

  return TRUE;
}

/* A step's "sides": "both", "right" or "left", for an exercise done on both sides. */
static gboolean
read_sides (Reader          *reader,
            JsonObject      *step,
            LimberExercise  *exercise,
            LimberTiming    *timing,
            GError         **error)
{
  static const char * const names[] = { "both", "right", "left" };
  const char *value;

  if (!json_object_has_member (step, "sides"))
    return TRUE;
  if (limber_exercise_get_sides (exercise) != 2)
    /* Translators: “sides” is a word of the file format: keep it. */
    return fail (reader, step, "sides", error,
                 _("“sides” is only for exercises done on each side in turn"));
  if (!get_string (reader, step, "sides", FALSE, MAX_WORD, &value, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (value, names[i]))
      {
        timing->sides = (LimberSides) i;
        return TRUE;
      }
  /* Translators: “sides”, “both”, “right” and “left” are words of the file format: keep them. */
  return fail (reader, step, "sides", error, _("“sides” must be “both”, “right” or “left”"));
}

static gboolean
unknown_exercise (LimberCatalog  *self,
                  Reader         *reader,
                  JsonObject     *step,
                  const char     *exercise_id,
                  GError        **error)
{
  g_autofree char *known_ids = NULL;
  g_autofree char *quoted = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->exercises);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);
  g_ptr_array_sort (ids, limber_catalog_compare_names);
  g_ptr_array_add (ids, NULL);
  known_ids = g_strjoinv (", ", (char **) ids->pdata);

  quoted = limber_text_quote (exercise_id, LIMBER_TEXT_QUOTE_CHARS);
  return fail (reader, step, "exercise", error,
               _("unknown exercise “%s”; the exercises are: %s"), quoted, known_ids);
}

/* Reads step @i of a routine (@object) and adds it to @routine. */
static gboolean
read_step (LimberCatalog  *self,
           Reader         *reader,
           JsonObject     *object,
           JsonNode       *element,
           guint           i,
           gboolean        first_days,
           LimberRoutine  *routine,
           GError        **error)
{
  static const char * const step_known[] = {
    "exercise", "hold", "rounds", "reps", "duration", "tempo", "switch", "rest", "sides", NULL
  };
  JsonObject *step;
  const char *exercise_id;
  LimberExercise *exercise;
  g_autoptr(LimberTiming) timing = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    return fail (reader, object, "steps", error,
                 _("step %u must be an object such as { \"exercise\": \"bridge\" }"), i + 1);

  step = json_node_get_object (element);
  reader->step = step;
  reader->step_index = (int) i;
  if (!check_members (reader, step, step_known, error) ||
      !get_string (reader, step, "exercise", TRUE, MAX_ID, &exercise_id, error))
    return FALSE;

  exercise = limber_catalog_find_exercise (self, exercise_id);
  if (exercise == NULL)
    return unknown_exercise (self, reader, step, exercise_id, error);

  if (limber_exercise_get_progressive (exercise) && json_object_has_member (step, "hold"))
    return fail (reader, step, "hold", error,
                 _("the hold of “%s” grows by itself after each session; set it in Preferences"),
                 exercise_id);

  timing = limber_timing_copy (limber_exercise_get_timing (exercise));
  if (!read_timing (reader, step, limber_exercise_get_mode (exercise), timing, error) ||
      !read_sides (reader, step, exercise, timing, error))
    return FALSE;

  /* The care plan offers a first-days routine in the acute phase: it may hold nothing else. */
  if (first_days && !limber_exercise_get_first_days (exercise))
    {
      rule (reader, _("not safe in the first days of a spasm"));
      return fail (reader, step, "exercise", error,
                   _("“%s” is not safe in the first days of a spasm, so this routine cannot "
                     "have “first-days”: true"), exercise_id);
    }

  limber_routine_add_step (routine, exercise, timing);
  return check_size (reader, step, routine, i + 1, error);
}

/* Reads one routine, whose steps name exercises already read; the caller adds it. */
LimberRoutine *
limber_catalog_read_routine (LimberCatalog  *self,
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
      !get_string (reader, object, "id", TRUE, MAX_ID, &id, error) ||
      !check_id (reader, object, id, error) ||
      !get_string (reader, object, "name", TRUE, MAX_NAME, &name, error) ||
      !get_string (reader, object, "description", FALSE, MAX_DESCRIPTION, &description,
                      error) ||
      !get_boolean (reader, object, "first-days", &first_days, error))
    return NULL;

  if (limber_catalog_find_routine (self, id) != NULL && g_strcmp0 (reader->replacing, id) != 0)
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
  rule (reader, _("1 to %d exercises"), MAX_STEPS);
  if (steps_node == NULL)
    {
      fail (reader, object, "steps", error, _("missing field “%s”"), "steps");
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

  g_clear_pointer (&reader->rule, g_free);
  routine = limber_routine_new (id, tr (reader, name),
                                description != NULL ? tr (reader, description) : NULL,
                                reader->translate ? NULL : reader->path);

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      if (!read_step (self, reader, object, json_array_get_element (steps, i), i, first_days,
                      routine, error))
        return NULL;
    }

  reader->step = NULL;
  reader->step_index = -1;
  limber_routine_set_first_days (routine, first_days);
  return g_steal_pointer (&routine);
}
