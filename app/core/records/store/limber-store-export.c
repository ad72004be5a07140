/* limber-store-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "limber-store-private.h"

/*
 * Writes every record to one file the user can keep or open elsewhere. The format follows the
 * file name: ".json" gives one object with an array per record type, ".csv" one table with a
 * "type" column (docs/features.md, "Your records"). Times are local ISO 8601 with the offset, so
 * a spreadsheet and a person read them alike.
 */

typedef struct
{
  const char *type;     /* the CSV "type" column */
  const char *array;    /* the JSON member */
  const char *sql;      /* columns named as exported; "time", "start", "end" are µs */
} ExportTable;

static const ExportTable tables[] = {
  { "session", "sessions",
    "SELECT id, started_us AS start, ended_us AS end, routine_id, routine_name,"
    " exercises_completed, exercises_total, outcome, pain_before, pain_after, stopped_exercise"
    " FROM sessions ORDER BY started_us, id" },
  { "check", "checks",
    "SELECT c.id, c.time_us AS time, c.outcome,"
    " (SELECT group_concat (question || '=' || answer, ';') FROM"
    "   (SELECT question, answer FROM check_answers WHERE check_id = c.id ORDER BY position))"
    " AS answers FROM checks c ORDER BY c.time_us, c.id" },
  { "glass", "glasses",
    "SELECT id, time_us AS time, source FROM glasses ORDER BY time_us, id" },
  { "episode", "episodes",
      "SELECT id, started_us AS start, ended_us AS end, notes FROM episodes"
    " ORDER BY started_us, id" },
  { "pack", "packs",
    "SELECT id, started_us AS start, kind, duration_s AS duration_seconds FROM packs"
    " ORDER BY started_us, id" },
  { "plank", "plank_holds",
    "SELECT id, time_us AS time, seconds AS hold_seconds FROM plank_holds ORDER BY time_us, id" },
  { "reminder", "reminders",
    "SELECT id, time_us AS time, kind, action FROM reminder_events ORDER BY time_us, id" },
  { "doctor-visit", "doctor_visits",
    "SELECT id, time_us AS time FROM doctor_visits ORDER BY time_us, id" },
};

/* Every column any table exports, in the CSV's order. */
static const char * const csv_columns[] = {
  "type", "id", "time", "start", "end", "routine_id", "routine_name", "exercises_completed",
  "exercises_total", "outcome", "pain_before", "pain_after", "stopped_exercise", "answers",
  "source", "kind",
  "action", "duration_seconds", "hold_seconds", "notes",
};

static gboolean
is_time_column (const char *name)
{
  return g_str_equal (name, "time") || g_str_equal (name, "start") || g_str_equal (name, "end");
}

static char *
format_time (gint64 time_us)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time_us / G_USEC_PER_SEC);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Returns: (nullable): the column as exported text, %NULL for SQL NULL */
static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  if (is_time_column (sqlite3_column_name (stmt, column)))
    return format_time (sqlite3_column_int64 (stmt, column));

  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
append_csv_field (GString    *out,
                  const char *value)
{
  if (value == NULL)
    return;

  /* RFC 4180: quote a field with a separator, quote or line break, doubling its quotes. */
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static gboolean
prepare_table (LimberStore        *self,
               const ExportTable  *table,
               sqlite3_stmt      **stmt,
               GError            **error)
{
  sqlite3 *db = limber_store_get_db (self);

  if (sqlite3_prepare_v2 (db, table->sql, -1, stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FAILED, "%s: %s",
                   limber_store_get_path (self), sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

static char *
export_csv (LimberStore  *self,
            GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "", csv_columns[i]);
  g_string_append (out, "\r\n");

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (!prepare_table (self, &tables[t], &stmt, error))
        return NULL;

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (guint c = 0; c < G_N_ELEMENTS (csv_columns); c++)
            {
              if (c > 0)
                g_string_append_c (out, ',');
              if (c == 0)
                {
                  append_csv_field (out, tables[t].type);
                  continue;
                }

              for (int col = 0; col < sqlite3_column_count (stmt); col++)
                {
                  if (g_str_equal (sqlite3_column_name (stmt, col), csv_columns[c]))
                    {
                      g_autofree char *text = column_text (stmt, col);

                      append_csv_field (out, text);
                    }
                }
            }
          g_string_append (out, "\r\n");
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_answers (JsonBuilder *builder,
             const char  *answers)
{
  /* No answers (NULL) is an empty object, so readers need not check for null. */
  g_auto(GStrv) pairs = g_strsplit (answers != NULL ? answers : "", ";", -1);

  json_builder_begin_object (builder);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *equals = strchr (pairs[i], '=');

      if (equals == NULL)
        continue;
      *equals = '\0';
      json_builder_set_member_name (builder, pairs[i]);
      json_builder_add_string_value (builder, equals + 1);
    }
  json_builder_end_object (builder);
}

static char *
export_json (LimberStore  *self,
             GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (limber_store_now_us (self)
                                                               / G_USEC_PER_SEC);
  g_autofree char *exported = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "limber-export");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "exported");
  json_builder_add_string_value (builder, exported);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (!prepare_table (self, &tables[t], &stmt, error))
        return NULL;

      json_builder_set_member_name (builder, tables[t].array);
      json_builder_begin_array (builder);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          json_builder_begin_object (builder);
          for (int col = 0; col < sqlite3_column_count (stmt); col++)
            {
              const char *name = sqlite3_column_name (stmt, col);

              json_builder_set_member_name (builder, name);
              if (g_str_equal (name, "answers"))
                add_answers (builder, (const char *) sqlite3_column_text (stmt, col));
              else if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
                json_builder_add_null_value (builder);
              else if (is_time_column (name))
                {
                  g_autofree char *text = format_time (sqlite3_column_int64 (stmt, col));

                  json_builder_add_string_value (builder, text);
                }
              else if (sqlite3_column_type (stmt, col) == SQLITE_INTEGER)
                json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, col));
              else
                json_builder_add_string_value (builder,
                                               (const char *) sqlite3_column_text (stmt, col));
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

/**
 * limber_store_export:
 * @path: the file to write, ending in ".csv" or ".json"
 *
 * Writes every record to @path, replacing it whole (never half-written), readable by the
 * user only.
 */
gboolean
limber_store_export (LimberStore  *self,
                     const char   *path,
                     GError      **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The records are in a file this version cannot read: an empty export would say there are
   * none. */
  if (limber_store_get_newer_version (self) > 0)
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NEWER_VERSION,
                   _("Nothing was exported: %s was written by a newer version of Limber "
                     "(format %d, this version reads up to %d)"),
                   limber_store_get_path (self), limber_store_get_newer_version (self),
                   LIMBER_STORE_VERSION);
      return FALSE;
    }

  /* The file was there but not read (a link Limber refuses): an export of what this run holds
   * would look like a complete one. */
  if (self->unread_reason != NULL)
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NOT_SAVING,
                   _("Nothing was exported: your records could not be read (%s)"),
                   self->unread_reason);
      return FALSE;
    }

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    contents = export_csv (self, error);
  else if (g_str_has_suffix (lower, ".json"))
    contents = export_json (self, error);
  else
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID,
                   _("%s: the file name must end in .csv or .json, which chooses the format"),
                   path);
      return FALSE;
    }

  if (contents == NULL)
    return FALSE;

  if (!g_file_set_contents_full (path, contents, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, _("Could not write %s: %s"),
                   path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
