/* limber-store-retry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-store-private.h"

/*
 * Records kept while the file cannot take them for a while: another process holds its write
 * lock longer than the busy timeout, or the disk is full. Answering "recorded" and then
 * dropping the record would be worse than either failing or waiting, so the store carries on
 * in memory (with what the file held) and tries the file again on the clock, waiting longer
 * each time. Once the file opens and takes a write, every row added in memory since is copied
 * into it in one transaction, and the store goes back to the file. Until then the "problem"
 * property says what is happening.
 *
 * Only new rows, and the two updates Limber makes to older ones (the pain after a session, the
 * end of an episode), are copied; what another process wrote meanwhile stays as it is. Rows
 * get new ids in the file; the ids handed out from memory are translated for those updates.
 */

#define FIRST_RETRY_US (1 * G_USEC_PER_SEC)
#define LAST_RETRY_US  (60 * G_USEC_PER_SEC)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close_v2)

static void schedule_retry (LimberStore *self);

/**
 * limber_store_is_passing_problem:
 * @rc: an SQLite result code
 *
 * Returns: whether @rc says the file cannot take a write now but likely will later
 */
gboolean
limber_store_is_passing_problem (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The tables of records whose rows have an "id", by which rows added in memory are told from
 * those read from the file. Table names are Limber's own, with no quotes in them. */
static GPtrArray *
list_id_tables (sqlite3 *db)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT m.name FROM sqlite_master m, pragma_table_info (m.name) c"
                          " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND"
                          " c.name = 'id' ORDER BY m.name", -1, &stmt, NULL) != SQLITE_OK)
    return g_steal_pointer (&tables);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  return g_steal_pointer (&tables);
}

static gint64
max_id (sqlite3    *db,
        const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (id), 0) FROM \"%s\"", table);

  return limber_store_query_int (db, sql, 0);
}

static void
set_retrying_problem (LimberStore *self,
                      const char  *reason)
{
  g_autofree char *problem = NULL;

  problem = g_strdup_printf (_("Limber cannot save to %s right now (%s). What you record is "
                               "kept and saved as soon as the file can take it."),
                             self->path, reason);
  g_message ("%s", problem);
  limber_store_set_problem (self, problem);
}

/**
 * limber_store_start_retrying:
 * @reason: why the file cannot take records now
 *
 * Called once the store works in memory with what the file held: remembers which rows came
 * from the file and tries the file again later.
 */
void
limber_store_start_retrying (LimberStore *self,
                             const char  *reason)
{
  g_autoptr(GPtrArray) tables = list_id_tables (self->db);

  g_clear_object (&self->monitor);
  if (self->saving)
    {
      self->saving = FALSE;
      g_object_notify (G_OBJECT (self), "saving");
    }

  g_clear_pointer (&self->kept_from, g_hash_table_unref);
  self->kept_from = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);

      g_hash_table_insert (self->kept_from, g_strdup (table),
                           g_memdup2 (&(gint64) { max_id (self->db, table) }, sizeof (gint64)));
    }

  self->retrying = TRUE;
  self->deleted_while_retrying = FALSE;
  self->retry_delay_us = FIRST_RETRY_US;
  set_retrying_problem (self, reason);
  schedule_retry (self);
}

/* "Delete all my data" while the records are in memory: every row there is new, and the
 * file's rows go too when it can take them. */
void
limber_store_forget_kept_from (LimberStore *self)
{
  GHashTableIter iter;
  gpointer value;

  if (!self->retrying)
    return;

  g_hash_table_iter_init (&iter, self->kept_from);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    *(gint64 *) value = 0;
  self->deleted_while_retrying = TRUE;
}

/**
 * limber_store_find_moved_id:
 *
 * Returns: the id in the file of the row that had @id in memory before it was written there,
 *   or @id itself
 */
gint64
limber_store_find_moved_id (LimberStore *self,
                            const char  *table,
                            gint64       id)
{
  g_autofree char *key = NULL;
  gint64 *moved;

  if (self->moved_ids == NULL)
    return id;

  key = g_strdup_printf ("%s %" G_GINT64_FORMAT, table, id);
  moved = g_hash_table_lookup (self->moved_ids, key);

  return moved != NULL ? *moved : id;
}

/* ---------------------------------------------------------------------------------------- */
/* Copying into the file */

static gboolean
sql_failed (LimberStore  *self,
            sqlite3      *db,
            int           rc,
            GError      **error)
{
  return limber_store_set_sql_error (self, db, rc, error);
}

static gboolean
exec_on (LimberStore  *self,
         sqlite3      *db,
         const char   *sql,
         GError      **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || sql_failed (self, db, rc, error);
}

/* The columns of @table other than "id", quoted and joined with ", ". */
static char *
list_columns (sqlite3    *db,
              const char *table,
              guint      *n_columns)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *n_columns = 0;
  if (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?) WHERE name <> 'id'"
                          " ORDER BY cid", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (columns->len > 0)
        g_string_append (columns, ", ");
      g_string_append_printf (columns, "\"%s\"", sqlite3_column_text (stmt, 0));
      (*n_columns)++;
    }

  return g_string_free (g_steal_pointer (&columns), FALSE);
}

/* Copies the rows of @table added in @memory into the file, recording their new ids. */
static gboolean
copy_new_rows (LimberStore  *self,
               sqlite3      *memory,
               const char   *table,
               gint64        kept_from,
               GHashTable   *moved,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *select_sql = NULL;
  g_autoptr(GString) insert_sql = NULL;
  guint n_columns;
  int rc;

  columns = list_columns (memory, table, &n_columns);
  if (columns == NULL || n_columns == 0)
    return TRUE;

  select_sql = g_strdup_printf ("SELECT id, %s FROM \"%s\" WHERE id > ? ORDER BY id", columns,
                                table);
  insert_sql = g_string_new (NULL);
  g_string_append_printf (insert_sql, "INSERT INTO \"%s\" (%s) VALUES (?", table, columns);
  for (guint i = 1; i < n_columns; i++)
    g_string_append (insert_sql, ", ?");
  g_string_append (insert_sql, ")");

  if ((rc = sqlite3_prepare_v2 (memory, select_sql, -1, &select, NULL)) != SQLITE_OK)
    return sql_failed (self, memory, rc, error);
  if ((rc = sqlite3_prepare_v2 (self->db, insert_sql->str, -1, &insert, NULL)) != SQLITE_OK)
    return sql_failed (self, self->db, rc, error);
  sqlite3_bind_int64 (select, 1, kept_from);

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 old_id = sqlite3_column_int64 (select, 0);
      gint64 new_id;

      sqlite3_reset (insert);
      for (guint i = 0; i < n_columns; i++)
        sqlite3_bind_value (insert, i + 1, sqlite3_column_value (select, i + 1));
      if ((rc = sqlite3_step (insert)) != SQLITE_DONE)
        return sql_failed (self, self->db, rc, error);

      new_id = sqlite3_last_insert_rowid (self->db);
      g_hash_table_insert (moved, g_strdup_printf ("%s %" G_GINT64_FORMAT, table, old_id),
                           g_memdup2 (&new_id, sizeof new_id));
    }
  if (rc != SQLITE_DONE)
    return sql_failed (self, memory, rc, error);

  return TRUE;
}

/* The answers of checks added in memory, under their checks' new ids. */
static gboolean
copy_new_answers (LimberStore  *self,
                  sqlite3      *memory,
                  gint64        kept_from,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (memory, "SELECT check_id, position, question, answer FROM"
                                " check_answers WHERE check_id > ?", -1, &select,
                                NULL)) != SQLITE_OK)
    return sql_failed (self, memory, rc, error);
  if ((rc = sqlite3_prepare_v2 (self->db, "INSERT INTO check_answers (check_id, position,"
                                " question, answer) VALUES (?, ?, ?, ?)", -1, &insert,
                                NULL)) != SQLITE_OK)
    return sql_failed (self, self->db, rc, error);
  sqlite3_bind_int64 (select, 1, kept_from);

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, limber_store_find_moved_id (self, "checks",
                                                                 sqlite3_column_int64 (select,
                                                                                       0)));
      for (int i = 1; i < 4; i++)
        sqlite3_bind_value (insert, i + 1, sqlite3_column_value (select, i));
      if ((rc = sqlite3_step (insert)) != SQLITE_DONE)
        return sql_failed (self, self->db, rc, error);
    }
  if (rc != SQLITE_DONE)
    return sql_failed (self, memory, rc, error);

  return TRUE;
}

/* An update made in memory to a row that came from the file: @select reads (id, values…) from
 * memory and @update takes (values…, id) in the file. */
static gboolean
copy_updates (LimberStore  *self,
              sqlite3      *memory,
              const char   *select_sql,
              const char   *update_sql,
              gint64        kept_from,
              int           n_values,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (memory, select_sql, -1, &select, NULL)) != SQLITE_OK)
    return sql_failed (self, memory, rc, error);
  if ((rc = sqlite3_prepare_v2 (self->db, update_sql, -1, &update, NULL)) != SQLITE_OK)
    return sql_failed (self, self->db, rc, error);
  sqlite3_bind_int64 (select, 1, kept_from);

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      sqlite3_reset (update);
      for (int i = 0; i < n_values; i++)
        sqlite3_bind_value (update, i + 1, sqlite3_column_value (select, i + 1));
      sqlite3_bind_value (update, n_values + 1, sqlite3_column_value (select, 0));
      if ((rc = sqlite3_step (update)) != SQLITE_DONE)
        return sql_failed (self, self->db, rc, error);
    }
  if (rc != SQLITE_DONE)
    return sql_failed (self, memory, rc, error);

  return TRUE;
}

static gint64
get_kept_from (LimberStore *self,
               const char  *table)
{
  gint64 *kept_from = g_hash_table_lookup (self->kept_from, table);

  return kept_from != NULL ? *kept_from : 0;
}

/* Writes what @memory holds beyond what came from the file into self->db, the file. */
static gboolean
copy_kept (LimberStore  *self,
           sqlite3      *memory,
           GError      **error)
{
  g_autoptr(GHashTable) moved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) tables = list_id_tables (memory);

  if (!exec_on (self, self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (self->deleted_while_retrying)
    for (guint i = 0; i < LIMBER_STORE_N_RECORD_TABLES; i++)
      {
        g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", limber_store_record_tables[i]);

        if (!exec_on (self, self->db, sql, error))
          goto failed;
      }

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);

      if (!copy_new_rows (self, memory, table, get_kept_from (self, table), moved, error))
        goto failed;
    }

  /* The answers look up their checks' new ids through self->moved_ids. */
  g_clear_pointer (&self->moved_ids, g_hash_table_unref);
  self->moved_ids = g_hash_table_ref (moved);

  if (!copy_new_answers (self, memory, get_kept_from (self, "checks"), error) ||
      !copy_updates (self, memory,
                     "SELECT id, pain_after FROM sessions WHERE id <= ? AND pain_after IS NOT NULL",
                     "UPDATE sessions SET pain_after = ? WHERE id = ? AND pain_after IS NULL",
                     get_kept_from (self, "sessions"), 1, error) ||
      !copy_updates (self, memory,
                     "SELECT id, ended_us, notes FROM episodes WHERE id <= ? AND"
                     " ended_us IS NOT NULL",
                     "UPDATE episodes SET ended_us = ?, notes = ? WHERE id = ? AND"
                     " ended_us IS NULL",
                     get_kept_from (self, "episodes"), 2, error) ||
      !copy_updates (self, memory, "SELECT key, value FROM meta WHERE ? IS NOT NULL",
                     "INSERT OR IGNORE INTO meta (value, key) VALUES (?, ?)", 0, 1, error) ||
      !exec_on (self, self->db, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_clear_pointer (&self->moved_ids, g_hash_table_unref);
  return FALSE;
}

/* Tries the file once. Returns: %TRUE if the store is back on it */
static gboolean
try_file (LimberStore *self)
{
  g_autoptr(sqlite3) memory = g_steal_pointer (&self->db);
  g_autoptr(GError) error = NULL;

  if (limber_store_open_file (self, &error) && copy_kept (self, memory, &error))
    {
      g_message ("Saved the records kept in memory to %s", self->path);
      sqlite3_busy_timeout (self->db, LIMBER_STORE_BUSY_TIMEOUT_MS);
      self->retrying = FALSE;
      g_clear_pointer (&self->kept_from, g_hash_table_unref);
      g_clear_pointer (&self->unread_reason, g_free);
      limber_store_resume_saving (self);
      return TRUE;
    }

  limber_store_close_db (self);
  self->db = g_steal_pointer (&memory);

  if (!limber_store_is_passing_problem (self->last_rc))
    {
      g_autofree char *problem = NULL;

      /* Something else is wrong now (the file was replaced, the folder made read-only):
       * waiting will not help. */
      self->retrying = FALSE;
      problem = g_strdup_printf (_("Limber cannot save to %s (%s). What you record now is kept "
                                   "only until Limber closes."), self->path, error->message);
      limber_store_stop_saving (self, problem);
      return FALSE;
    }

  g_debug ("%s still cannot take records: %s", self->path, error->message);
  return FALSE;
}

static void
retry (gpointer user_data)
{
  LimberStore *self = LIMBER_STORE (user_data);

  self->retry_id = 0;
  if (!try_file (self) && self->retrying)
    {
      self->retry_delay_us = MIN (self->retry_delay_us * 2, LAST_RETRY_US);
      schedule_retry (self);
    }
}

static void
schedule_retry (LimberStore *self)
{
  limber_clock_clear (self->clock, &self->retry_id);
  self->retry_id = limber_clock_schedule_in (self->clock, self->retry_delay_us, retry, self,
                                             NULL);
}

/**
 * limber_store_stop_retrying:
 *
 * At the end: one last try, so the records kept in memory are not lost on a normal exit.
 */
void
limber_store_stop_retrying (LimberStore *self)
{
  limber_clock_clear (self->clock, &self->retry_id);

  if (self->retrying && self->db != NULL && !try_file (self))
    g_message ("Records kept in memory could not be saved to %s: %s", self->path,
               self->problem != NULL ? self->problem : "");
  self->retrying = FALSE;
}
