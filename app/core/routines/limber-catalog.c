/* limber-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limber-error.h"

#include "limber-catalog-private.h"

/*
 * The exercises and routines: the built-in catalog (a JSON file in the resources) and the user's
 * own routines, one JSON file each in $XDG_DATA_HOME/limber/routines/. docs/routines.md
 * documents the format; keep the two in step.
 *
 * Every problem names the file and the line. json-glib keeps no positions in its nodes, so the
 * parser's signals are used to note the line of every object and member as it is read;
 * limber-catalog-reader.c reads the exercises and routines from what was parsed.
 */

G_DEFINE_FINAL_TYPE (LimberCatalog, limber_catalog, G_TYPE_OBJECT)

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

/* Sorts an array of strings, for messages and file order that do not change from run to run. */
int
limber_catalog_compare_names (gconstpointer a,
                              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
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

/* json-glib parses nested lists and objects by recursion, with no limit: 100,000 brackets
 * overflow the stack. Routines nest four deep and the built-in catalog five, so this is generous.
 * It also refuses a "\u0000" in a text: json-glib would cut the text there, so an id could pass
 * its check while the file says something else. */
#define MAX_DEPTH 16

static gboolean
check_structure (Reader      *reader,
                 const char  *data,
                 gsize        length,
                 GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  int line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              if (length - i >= 6 && memcmp (data + i + 1, "u0000", 5) == 0)
                {
                  g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s:%d: %s",
                               reader->path, line,
                               _("a text holds the character \\u0000, which no text may hold"));
                  return FALSE;
                }
              i++;  /* Whatever is escaped, even a quote, stays in the text. */
            }
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            {
              g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s:%d: %s", reader->path,
                           line, _("lists and objects are nested too deep; a routine needs only "
                                   "a few levels"));
              return FALSE;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
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

  if (!check_structure (reader, data, length, error))
    return NULL;

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
  g_clear_pointer (&reader->rule, g_free);
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
  reader->step_index = -1;
  reader->element = -1;
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
      if (!limber_catalog_read_exercise (self, &reader,
                                         json_array_get_object_element (exercises, i), error))
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (routines); i++)
    {
      LimberRoutine *routine =
        limber_catalog_read_routine (self, &reader, json_array_get_object_element (routines, i),
                                     error);
      if (routine == NULL)
        return FALSE;
      g_list_store_append (self->routines, routine);
      g_object_unref (routine);
    }

  return TRUE;
}

static gboolean
too_large (const char  *path,
           goffset      size,
           GError     **error)
{
  g_autofree char *shown = g_format_size (size);
  g_autofree char *limit = g_format_size (LIMBER_CATALOG_MAX_FILE_SIZE);
  g_autofree char *message = g_strdup_printf (_("the file is too large (%s); a routine file "
                                                "may be at most %s"), shown, limit);

  g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE, "%s:0: %s", path, message);
  return FALSE;
}

/**
 * limber_catalog_parse_routine:
 * @path: what to call the text in errors, and the routine's file
 * @replacing: (nullable): the id of a user routine this text replaces, which it may keep
 *
 * Reads one routine file's text, with the same checks as limber_catalog_read_file(), without
 * adding it. On error the message says "PATH:LINE: what is wrong".
 *
 * Returns: (transfer full) (nullable): the routine
 */
LimberRoutine *
limber_catalog_parse_routine (LimberCatalog *self,
                              const char    *path,
                              const char    *text,
                              gsize          length,
                              const char    *replacing,
                              GError       **error)
{
  return limber_catalog_check_routine (self, path, text, length, replacing, NULL, error);
}

/**
 * limber_catalog_check_routine:
 * @field_error: (out) (optional) (nullable): on error, the field it is about, when it is about
 *   one (not for text that is not JSON)
 *
 * As limber_catalog_parse_routine(), for an editor: the same checks, and the field of the first
 * problem with its rule in people's words, so the form can show it at that field.
 *
 * Returns: (transfer full) (nullable): the routine
 */
LimberRoutine *
limber_catalog_check_routine (LimberCatalog            *self,
                              const char               *path,
                              const char               *text,
                              gsize                     length,
                              const char               *replacing,
                              LimberCatalogFieldError **field_error,
                              GError                  **error)
{
  g_auto(Reader) reader = { 0 };
  JsonObject *root;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);

  if (field_error != NULL)
    *field_error = NULL;

  /* Text typed or pasted in the editor meets the same limit as a file. */
  if (length > LIMBER_CATALOG_MAX_FILE_SIZE)
    {
      too_large (path, length, error);
      return NULL;
    }

  reader_init (&reader, path, FALSE);
  reader.replacing = replacing;
  reader.field_error = field_error;
  root = parse (&reader, text, length, error);
  if (root == NULL)
    return NULL;

  return limber_catalog_read_routine (self, &reader, root, error);
}

void
limber_catalog_field_error_free (LimberCatalogFieldError *field_error)
{
  if (field_error == NULL)
    return;
  g_free (field_error->field);
  g_free (field_error->member);
  g_free (field_error->rule);
  g_free (field_error);
}

/**
 * limber_catalog_read_text:
 * @path: a routine file
 * @contents: (out): its text, 0-terminated
 * @length: (out) (optional): its length
 *
 * Reads a routine file's text as everything in Limber that reads one must: only a regular file
 * (or a link to one), of at most %LIMBER_CATALOG_MAX_FILE_SIZE bytes. The checks are made on the
 * file opened, not on its name, so a file replaced by a pipe or a device between a check and the
 * read cannot block or fill the memory: the file is opened without waiting for a writer, and no
 * more than the limit is ever read. On error the message says "PATH:0: what is wrong".
 *
 * Returns: whether @contents holds the text
 */
gboolean
limber_catalog_read_text (const char  *path,
                          char       **contents,
                          gsize       *length,
                          GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  /* Checked before opening too: opening some devices does something by itself. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE, "%s:0: %s", path,
                   _("not a regular file"));
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s:0: %s", path,
                   g_strerror (saved));
      return FALSE;
    }

  /* A pipe or device would block or never end; only plain files (or links to them) are read. */
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_close (fd, NULL);
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE, "%s:0: %s", path,
                   _("not a regular file"));
      return FALSE;
    }

  /* Refuse a huge file before reading it: no routine needs more than a few kilobytes. */
  if (st.st_size > LIMBER_CATALOG_MAX_FILE_SIZE)
    {
      g_close (fd, NULL);
      return too_large (path, st.st_size, error);
    }

  /* Read to the limit and one byte more, in case the file grew since fstat(). */
  bytes = g_byte_array_sized_new ((guint) st.st_size + 1);
  for (;;)
    {
      guint8 buffer[16384];
      gsize want = MIN (sizeof buffer, LIMBER_CATALOG_MAX_FILE_SIZE + 1 - bytes->len);
      gssize got = read (fd, buffer, want);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int saved = errno;

          g_close (fd, NULL);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s:0: %s", path,
                       g_strerror (saved));
          return FALSE;
        }
      if (got == 0)
        break;
      g_byte_array_append (bytes, buffer, (guint) got);
      if (bytes->len > LIMBER_CATALOG_MAX_FILE_SIZE)
        {
          g_close (fd, NULL);
          return too_large (path, bytes->len, error);
        }
    }
  g_close (fd, NULL);

  if (length != NULL)
    *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
  return TRUE;
}

/**
 * limber_catalog_read_file:
 * @contents: (out) (optional): the file's text, when it is a routine
 * @length: (out) (optional): its length
 *
 * Reads one routine file with the loader's checks, without adding it: its text as
 * limber_catalog_read_text() reads it, which limber_catalog_parse_routine() accepts. On error the
 * message says "PATH:LINE: what is wrong".
 *
 * Returns: (transfer full) (nullable): the routine
 */
LimberRoutine *
limber_catalog_read_file (LimberCatalog  *self,
                          GFile          *file,
                          char          **contents,
                          gsize          *length,
                          GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(LimberRoutine) routine = NULL;
  gsize text_length;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE, "%s:0: %s", uri,
                   _("not a file on this computer"));
      return NULL;
    }

  if (!limber_catalog_read_text (path, &text, &text_length, error))
    return NULL;

  routine = limber_catalog_parse_routine (self, path, text, text_length, NULL, error);
  if (routine == NULL)
    return NULL;

  if (contents != NULL)
    *contents = g_steal_pointer (&text);
  if (length != NULL)
    *length = text_length;
  return g_steal_pointer (&routine);
}

/**
 * limber_catalog_load_user_file:
 *
 * Loads one routine file: {"id": ..., "name": ..., "steps": [...]}, as
 * limber_catalog_read_file() reads it. On error nothing is added and the message says
 * "PATH:LINE: what is wrong".
 */
gboolean
limber_catalog_load_user_file (LimberCatalog *self,
                               GFile         *file,
                               GError       **error)
{
  g_autoptr(LimberRoutine) routine = NULL;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), FALSE);

  routine = limber_catalog_read_file (self, file, NULL, NULL, error);
  if (routine == NULL)
    return FALSE;

  g_list_store_append (self->routines, routine);
  return TRUE;
}

/**
 * limber_catalog_split_error:
 * @path: (nullable): the file a message of the catalog's is about
 * @message: the message, "PATH:LINE: what is wrong" (json-glib adds a column after LINE)
 * @line: (out) (optional): LINE, or 0 when the message concerns the whole file or names no line
 *
 * Returns: (transfer none): what is wrong, within @message; @message itself when it does not
 *   start with @path
 */
const char *
limber_catalog_split_error (const char *path,
                            const char *message,
                            guint      *line)
{
  g_autofree char *prefix = NULL;
  char *end = NULL;
  guint64 number;

  g_return_val_if_fail (message != NULL, NULL);

  if (line != NULL)
    *line = 0;
  if (path == NULL)
    return message;
  prefix = g_strconcat (path, ":", NULL);
  if (!g_str_has_prefix (message, prefix))
    return message;

  message += strlen (prefix);
  number = g_ascii_strtoull (message, &end, 10);
  message = end;
  if (*message == ':')
    message++;
  if (g_ascii_isdigit (*message))
    {
      g_ascii_strtoull (message, &end, 10);
      message = *end == ':' ? end + 1 : end;
    }
  while (*message == ' ')
    message++;
  if (line != NULL)
    *line = (guint) MIN (number, G_MAXUINT);
  return message;
}

static void
add_problem (LimberCatalog *self,
             const char    *path,
             const GError  *error)
{
  LimberCatalogProblem *problem = g_new0 (LimberCatalogProblem, 1);
  guint line;

  problem->path = g_strdup (path);
  problem->message = g_strdup (limber_catalog_split_error (path, error->message, &line));
  problem->line = (int) line;

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
  g_ptr_array_sort (names, limber_catalog_compare_names);

  /* Thousands of files would freeze the page that lists them: the first ones are read, in name
   * order, and one problem says how many were left. */
  if (names->len > LIMBER_CATALOG_MAX_USER_FILES)
    {
      g_autoptr(GError) many = NULL;
      guint left = names->len - LIMBER_CATALOG_MAX_USER_FILES;

      g_set_error (&many, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u more routine file was not read: Limber reads at most %u",
                                "%u more routine files were not read: Limber reads at most %u",
                                left),
                   left, (guint) LIMBER_CATALOG_MAX_USER_FILES);
      add_problem (self, path, many);
      g_ptr_array_set_size (names, LIMBER_CATALOG_MAX_USER_FILES);
    }

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

/**
 * limber_catalog_reload_user_dir:
 * @path: the folder of routine files
 *
 * Forgets the user's routines and the problems found, and loads @path again, so a routine saved,
 * imported or deleted in the app shows without a restart.
 *
 * Returns: the number of routines loaded
 */
guint
limber_catalog_reload_user_dir (LimberCatalog *self,
                                const char    *path)
{
  guint n, first;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), 0);

  /* The user's routines come after the built-in ones. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->routines));
  for (first = 0; first < n; first++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->routines), first);

      if (limber_routine_get_path (routine) != NULL)
        break;
    }
  g_ptr_array_set_size (self->problems, 0);
  g_list_store_splice (self->routines, first, n - first, NULL, 0);

  return limber_catalog_load_user_dir (self, path);
}

/**
 * limber_catalog_list_exercises:
 *
 * Returns: (transfer container) (element-type LimberExercise): the exercises, by id
 */
GPtrArray *
limber_catalog_list_exercises (LimberCatalog *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GPtrArray *exercises = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);

  g_hash_table_iter_init (&iter, self->exercises);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);
  g_ptr_array_sort (ids, limber_catalog_compare_names);
  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (exercises, g_hash_table_lookup (self->exercises, ids->pdata[i]));
  return exercises;
}
