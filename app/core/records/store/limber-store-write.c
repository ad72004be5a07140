/* limber-store-write.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "limber-store-private.h"

/*
 * The store's writes: one function per record type, each a short transaction run by
 * limber_store_write(), which moves the store to memory if the file cannot take it. Also
 * "Delete all my data" and the one-time imports from before the store existed.
 */

static gboolean
step_done (LimberStore   *self,
           sqlite3_stmt  *stmt,
           gint64        *id,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return limber_store_set_sql_error (self, limber_store_get_db (self), rc, error);

  if (id != NULL)
    *id = sqlite3_last_insert_rowid (limber_store_get_db (self));
  return TRUE;
}

/* Runs an UPDATE of one row by id; no row changed means the id names nothing, which is said as
 * "there is no @what @id". */
static gboolean
step_updated (LimberStore   *self,
              sqlite3_stmt  *stmt,
              const char    *what,
              gint64         id,
              GError       **error)
{
  if (!step_done (self, stmt, NULL, error))
    return FALSE;

  if (sqlite3_changes (limber_store_get_db (self)) == 0)
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID,
                   "%s: there is no %s %" G_GINT64_FORMAT, limber_store_get_path (self), what, id);
      return FALSE;
    }

  return TRUE;
}

static void
bind_pain (sqlite3_stmt *stmt,
           int           column,
           int           pain)
{
  if (pain == LIMBER_PAIN_UNSET)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int (stmt, column, pain);
}

static gboolean
insert_session (LimberStore  *self,
                gpointer      data,
                gint64       *id,
                GError      **error)
{
  LimberSessionRecord *record = data;
  g_autoptr(sqlite3_stmt) stmt = limber_store_prepare (self,
    "INSERT INTO sessions (routine_id, routine_name, started_us, ended_us, exercises_completed,"
    " exercises_total, outcome, pain_before, pain_after, stopped_exercise)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, limber_session_record_get_routine_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, limber_session_record_get_routine_name (record), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, limber_session_record_get_started_wall_us (record));
  sqlite3_bind_int64 (stmt, 4, limber_session_record_get_ended_wall_us (record));
  sqlite3_bind_int (stmt, 5, limber_session_record_get_exercises_completed (record));
  sqlite3_bind_int (stmt, 6, limber_session_record_get_n_exercises (record));
  sqlite3_bind_text (stmt, 7,
                     limber_session_outcome_to_string (limber_session_record_get_outcome (record)),
                     -1, SQLITE_STATIC);
  bind_pain (stmt, 8, limber_session_record_get_pain_before (record));
  bind_pain (stmt, 9, limber_session_record_get_pain_after (record));
  sqlite3_bind_text (stmt, 10, limber_session_record_get_stopped_exercise (record), -1,
                     SQLITE_TRANSIENT);

  return step_done (self, stmt, id, error);
}

/**
 * limber_store_add_session:
 *
 * Keeps a finished session and sets the record's id to its row.
 *
 * Returns: the new row's id, or 0 with @error set
 */
gint64
limber_store_add_session (LimberStore          *self,
                          LimberSessionRecord  *record,
                          GError              **error)
{
  gint64 id;

  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (record), 0);
  g_return_val_if_fail (limber_session_record_get_routine_id (record) != NULL, 0);

  id = limber_store_write (self, insert_session, record, error);
  if (id != 0)
    limber_session_record_set_id (record, id);

  return id;
}

typedef struct
{
  gint64 id;
  int    pain;
} PainUpdate;

static gboolean
update_pain_after (LimberStore  *self,
                   gpointer      data,
                   gint64       *id,
                   GError      **error)
{
  PainUpdate *update = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = limber_store_prepare (self, "UPDATE sessions SET pain_after = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  bind_pain (stmt, 1, update->pain);
  sqlite3_bind_int64 (stmt, 2, update->id);

  return step_updated (self, stmt, "session", update->id, error);
}

gboolean
limber_store_set_session_pain_after (LimberStore  *self,
                                     gint64        id,
                                     int           pain,
                                     GError      **error)
{
  PainUpdate update = { id, pain };

  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);

  /* A session kept in memory while the file was locked has another id in the file now. */
  update.id = limber_store_find_moved_id (self, "sessions", id);

  if (pain < LIMBER_PAIN_UNSET || pain > 10)
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID,
                   "A pain rating goes from 0 to 10, not %d", pain);
      return FALSE;
    }

  return limber_store_write (self, update_pain_after, &update, error) != 0;
}

typedef struct
{
  gint64                    time_us;
  LimberTriageOutcome       outcome;
  const LimberTriageAnswer *answers;
} CheckInsert;

static gboolean
insert_check (LimberStore  *self,
              gpointer      data,
              gint64       *id,
              GError      **error)
{
  CheckInsert *check = data;
  g_autoptr(sqlite3_stmt) stmt = limber_store_prepare (self,
      "INSERT INTO checks (time_us, outcome) VALUES (?, ?)",
      error);
  g_autoptr(sqlite3_stmt) answer = NULL;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, check->time_us);
  sqlite3_bind_text (stmt, 2, limber_triage_outcome_get_id (check->outcome), -1, SQLITE_STATIC);
  if (!step_done (self, stmt, id, error))
    return FALSE;

  answer = limber_store_prepare (self,
                                 "INSERT INTO check_answers (check_id, position, question, answer)"
                                 " VALUES (?, ?, ?, ?)", error);
  if (answer == NULL)
    return FALSE;

  for (guint i = 0; i < limber_triage_get_n_questions (); i++)
    {
      if (check->answers[i] == LIMBER_TRIAGE_ANSWER_NONE)
        continue;

      sqlite3_reset (answer);
      sqlite3_bind_int64 (answer, 1, *id);
      sqlite3_bind_int (answer, 2, i);
      sqlite3_bind_text (answer, 3, limber_triage_get_question (i)->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (answer, 4, check->answers[i] == LIMBER_TRIAGE_ANSWER_YES ? "yes" : "no",
                         -1, SQLITE_STATIC);
      if (!step_done (self, answer, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * limber_store_add_check:
 * @answers: indexed like the triage questions; unasked ones are not stored
 *
 * Keeps the outcome of a symptom check with the answers that led to it.
 */
gint64
limber_store_add_check (LimberStore               *self,
                        gint64                     time_us,
                        LimberTriageOutcome        outcome,
                        const LimberTriageAnswer  *answers,
                        GError                   **error)
{
  CheckInsert check = { time_us, outcome, answers };

  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);
  g_return_val_if_fail (answers != NULL, 0);

  return limber_store_write (self, insert_check, &check, error);
}

typedef struct
{
  const char *sql;
  gint64      values[3];
  guint       n_values;
  const char *texts[3];
  guint       n_texts;
} SimpleInsert;

/* An INSERT whose parameters are n_values integers followed by n_texts strings. */
static gboolean
insert_simple (LimberStore  *self,
               gpointer      data,
               gint64       *id,
               GError      **error)
{
  SimpleInsert *insert = data;
  g_autoptr(sqlite3_stmt) stmt = limber_store_prepare (self, insert->sql, error);
  int column = 1;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < insert->n_values; i++)
    sqlite3_bind_int64 (stmt, column++, insert->values[i]);
  for (guint i = 0; i < insert->n_texts; i++)
    sqlite3_bind_text (stmt, column++, insert->texts[i], -1, SQLITE_TRANSIENT);

  return step_done (self, stmt, id, error);
}

/**
 * limber_store_add_glass:
 * @source: where it was logged: "app", "reminder" or "imported"
 */
gint64
limber_store_add_glass (LimberStore  *self,
                        gint64        time_us,
                        const char   *source,
                        GError      **error)
{
  SimpleInsert insert = { "INSERT INTO glasses (time_us, source) VALUES (?, ?)",
                          { time_us }, 1, { source }, 1 };

  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);
  g_return_val_if_fail (source != NULL, 0);

  return limber_store_write (self, insert_simple, &insert, error);
}

/**
 * limber_store_start_episode:
 *
 * Starts an episode of back spasm, unless one is already open, whose id is returned then.
 */
gint64
limber_store_start_episode (LimberStore  *self,
                            gint64        time_us,
                            GError      **error)
{
  g_autoptr(LimberEpisode) open = NULL;
  SimpleInsert insert = { "INSERT INTO episodes (started_us) VALUES (?)", { time_us }, 1 };

  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);

  /* Pressed in the app and in a second window, or twice, it is still one episode. */
  open = limber_store_get_open_episode (self);
  if (open != NULL)
    return open->id;

  return limber_store_write (self, insert_simple, &insert, error);
}

typedef struct
{
  gint64      id;
  gint64      time_us;
  const char *notes;
} EpisodeEnd;

static gboolean
update_episode_end (LimberStore  *self,
                    gpointer      data,
                    gint64       *id,
                    GError      **error)
{
  EpisodeEnd *end = data;
  g_autoptr(sqlite3_stmt) stmt = limber_store_prepare (self,
                                                       "UPDATE episodes SET ended_us = ?, notes = ?"
                                                       " WHERE id = ? AND ended_us IS NULL", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, end->time_us);
  if (end->notes != NULL && *end->notes != '\0')
    sqlite3_bind_text (stmt, 2, end->notes, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, end->id);

  return step_updated (self, stmt, "open episode", end->id, error);
}

gboolean
limber_store_end_episode (LimberStore  *self,
                          gint64        id,
                          gint64        time_us,
                          const char   *notes,
                          GError      **error)
{
  EpisodeEnd end = { id, time_us, notes };

  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);

  end.id = limber_store_find_moved_id (self, "episodes", id);

  return limber_store_write (self, update_episode_end, &end, error) != 0;
}

/**
 * limber_store_add_pack:
 * @duration_us: how long the pack was on, kept in whole seconds
 */
gint64
limber_store_add_pack (LimberStore     *self,
                       LimberPackKind   kind,
                       gint64           started_us,
                       gint64           duration_us,
                       GError         **error)
{
  SimpleInsert insert = { "INSERT INTO packs (started_us, duration_s, kind) VALUES (?, ?, ?)",
                          { started_us, (duration_us + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC }, 2,
                          { limber_pack_kind_to_string (kind) }, 1 };

  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);
  g_return_val_if_fail (duration_us >= 0, 0);

  return limber_store_write (self, insert_simple, &insert, error);
}

/* limber_store_add_doctor_visit: "I have seen a doctor", at @time_us. */
gint64
limber_store_add_doctor_visit (LimberStore  *self,
                               gint64        time_us,
                               GError      **error)
{
  SimpleInsert insert = { "INSERT INTO doctor_visits (time_us) VALUES (?)", { time_us }, 1 };

  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);

  return limber_store_write (self, insert_simple, &insert, error);
}

gint64
limber_store_add_plank_hold (LimberStore  *self,
                             gint64        time_us,
                             guint         seconds,
                             GError      **error)
{
  SimpleInsert insert = { "INSERT INTO plank_holds (time_us, seconds) VALUES (?, ?)",
                          { time_us, seconds }, 2 };

  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);

  if (seconds == 0)
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID,
                   "A plank hold lasts at least one second");
      return 0;
    }

  return limber_store_write (self, insert_simple, &insert, error);
}

/**
 * limber_store_add_reminder_event:
 * @kind: "hydration", "posture", "walk" or "pack"
 * @action: "shown", or the button pressed: "drank", "snoozed", "stretch", "done", "start-pack"
 */
gint64
limber_store_add_reminder_event (LimberStore  *self,
                                 gint64        time_us,
                                 const char   *kind,
                                 const char   *action,
                                 GError      **error)
{
  SimpleInsert insert = { "INSERT INTO reminder_events (time_us, kind, action) VALUES (?, ?, ?)",
                          { time_us }, 1, { kind, action }, 2 };

  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);
  g_return_val_if_fail (kind != NULL && action != NULL, 0);

  return limber_store_write (self, insert_simple, &insert, error);
}

static gboolean
delete_records (LimberStore  *self,
                gpointer      data,
                gint64       *id,
                GError      **error)
{
  for (guint i = 0; i < LIMBER_STORE_N_RECORD_TABLES; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", limber_store_record_tables[i]);

      if (!limber_store_exec (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * limber_store_delete_all:
 *
 * Deletes every record, and rewrites the file so the deleted bytes are gone from it too.
 * The store stays open and working.
 */
gboolean
limber_store_delete_all (LimberStore  *self,
                         GError      **error)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);

  limber_store_exec (self, "PRAGMA secure_delete = ON", NULL);
  if (limber_store_write (self, delete_records, NULL, error) == 0)
    return FALSE;
  limber_store_forget_kept_from (self);

  /* Best effort: another process reading at this moment can keep the old pages a while. */
  if (limber_store_get_saving (self))
    {
      limber_store_exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
      limber_store_exec (self, "VACUUM", NULL);
    }

  return TRUE;
}

/* Imports */

typedef struct
{
  const char *key;
  gint64      time_us;
  guint       count;
  const char *sql;      /* takes the time, then the count */
  gboolean    done;
} ImportOnce;

static gboolean
import_once (LimberStore  *self,
             gpointer      data,
             gint64       *id,
             GError      **error)
{
  ImportOnce *import = data;
  g_autoptr(sqlite3_stmt) seen = limber_store_prepare (self, "SELECT 1 FROM meta WHERE key = ?",
                                                       error);
  g_autoptr(sqlite3_stmt) mark = NULL;

  if (seen == NULL)
    return FALSE;

  sqlite3_bind_text (seen, 1, import->key, -1, SQLITE_STATIC);
  if (sqlite3_step (seen) == SQLITE_ROW)
    return TRUE;

  if (import->sql != NULL && import->count > 0)
    {
      g_autoptr(sqlite3_stmt) insert = limber_store_prepare (self, import->sql, error);

      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, import->time_us);
      sqlite3_bind_int64 (insert, 2, import->count);
      if (!step_done (self, insert, NULL, error))
        return FALSE;
    }

  mark = limber_store_prepare (self, "INSERT INTO meta (key, value) VALUES (?, 'done')", error);
  if (mark == NULL)
    return FALSE;
  sqlite3_bind_text (mark, 1, import->key, -1, SQLITE_STATIC);
  import->done = TRUE;

  return step_done (self, mark, NULL, error);
}

/**
 * limber_store_import_water_file:
 * @path: the water state file of earlier versions (`[water]` with `date` and `glasses`)
 *
 * Brings the glasses counted in @path into the store, once: they are dated at noon of the day
 * the file names, and the file is renamed to `<path>.imported`. A missing file is no error.
 */
gboolean
limber_store_import_water_file (LimberStore  *self,
                                const char   *path,
                                GTimeZone    *time_zone,
                                GError      **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *imported = NULL;
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GTimeZone) local = NULL;
  /* SQLite 3.40 has generate_series only as an extension, so count with a recursive CTE. */
  ImportOnce import = { "imported-water-file", 0, 0,
      "INSERT INTO glasses (time_us, source)"
      " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)"
      " SELECT ?1, 'imported' FROM n" };
  int year = 0, month = 0, day = 0, used = 0;
  gint64 glasses;

  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      goto broken;
    }

  date = g_key_file_get_string (file, "water", "date", &local_error);
  if (date == NULL)
    goto broken;
  glasses = g_key_file_get_int64 (file, "water", "glasses", &local_error);
  if (local_error != NULL)
    goto broken;
  /* The whole value, a day GDateTime can hold (years 1 to 9999) and no earlier than the
   * clock's epoch: anything else is no date an earlier Limber wrote. */
  if (sscanf (date, "%d-%d-%d%n", &year, &month, &day, &used) != 3 || date[used] != '\0' ||
      year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year) || glasses < 0 || glasses > 1000)
    {
      g_set_error (&local_error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID,
                   "the date “%s” or the count %" G_GINT64_FORMAT " is not valid",
                   date, glasses);
      goto broken;
    }

  if (time_zone == NULL)
    time_zone = local = g_time_zone_new_local ();
  noon = g_date_time_new (time_zone, year, month, day, 12, 0, 0);
  if (noon == NULL)
    {
      g_set_error (&local_error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID,
                   "the date “%s” is not valid", date);
      goto broken;
    }
  import.time_us = g_date_time_to_unix (noon) * G_USEC_PER_SEC;
  import.count = glasses;

  if (limber_store_write (self, import_once, &import, error) == 0)
    return FALSE;

  /* Glasses imported into memory are gone when the program ends, so the file stays to be
   * imported into the real file the next time. */
  imported = g_strconcat (path, ".imported", NULL);
  if (import.done && limber_store_get_saving (self) && g_rename (path, imported) != 0)
    g_debug ("Could not rename %s: %s", path, g_strerror (errno));

  return TRUE;

broken:
  {
    g_autofree char *aside = g_strconcat (path, ".broken", NULL);

    g_rename (path, aside);
    g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID,
                 "%s: %s (moved aside to %s)", path, local_error->message, aside);
    return FALSE;
  }
}

/**
 * limber_store_import_plank_hold:
 * @seconds: the plank hold kept in settings by earlier versions
 * @default_seconds: the setting's default, which says nothing about progress
 *
 * Records @seconds as the first plank hold, once, unless it is the default or holds are
 * already recorded.
 */
gboolean
limber_store_import_plank_hold (LimberStore  *self,
                                guint         seconds,
                                guint         default_seconds,
                                GError      **error)
{
  ImportOnce import = { "imported-plank-setting", limber_store_now_us (self),
                        seconds,
                        "INSERT INTO plank_holds (time_us, seconds)"
                        " SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM plank_holds)" };

  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);

  if (seconds == default_seconds || seconds == 0)
    import.sql = NULL;

  return limber_store_write (self, import_once, &import, error) != 0;
}
