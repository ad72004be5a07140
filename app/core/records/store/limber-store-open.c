/* limber-store-open.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "limber-store-private.h"

/*
 * Opening the file: the schema and its migrations, the checks that find a damaged file, moving
 * one aside to start afresh, and carrying on in memory when the file cannot be used.
 */

/* See limber_store_limit_memory(): enough for the pages of an indexed look-up or a write. */
#define SMALL_CACHE_KIB 64

static gboolean limit_memory;

/* The database file and the two SQLite keeps beside it in WAL mode. */
static const char * const file_suffixes[] = { "", "-wal", "-shm" };

/* Each step takes the schema from the version before it to its own index + 1. Steps are
 * never edited once released; a change is a new step. */
const char * const limber_store_migrations[LIMBER_STORE_VERSION] = {
  /* 1: sessions, checks and glasses */
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  routine_id TEXT NOT NULL,"
  "  routine_name TEXT,"
  "  started_us INTEGER NOT NULL,"
  "  ended_us INTEGER NOT NULL,"
  "  exercises_completed INTEGER NOT NULL,"
  "  exercises_total INTEGER NOT NULL,"
  "  outcome TEXT NOT NULL,"
  "  pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10));"
  "CREATE INDEX sessions_started ON sessions (started_us);"
  "CREATE TABLE checks ("
  "  id INTEGER PRIMARY KEY,"
  "  time_us INTEGER NOT NULL,"
  "  outcome TEXT NOT NULL);"
  "CREATE INDEX checks_time ON checks (time_us);"
  "CREATE TABLE check_answers ("
  "  check_id INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  question TEXT NOT NULL,"
  "  answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),"
  "  PRIMARY KEY (check_id, question));"
  "CREATE TABLE glasses ("
  "  id INTEGER PRIMARY KEY,"
  "  time_us INTEGER NOT NULL,"
  "  source TEXT NOT NULL);"
  "CREATE INDEX glasses_time ON glasses (time_us);",

  /* 2: pain before a session, episodes, cold and heat packs */
  "ALTER TABLE sessions ADD COLUMN pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10);"
  "CREATE TABLE episodes ("
  "  id INTEGER PRIMARY KEY,"
  "  started_us INTEGER NOT NULL,"
  "  ended_us INTEGER,"
  "  notes TEXT);"
  "CREATE TABLE packs ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('cold', 'heat')),"
  "  started_us INTEGER NOT NULL,"
  "  duration_s INTEGER NOT NULL);"
  "CREATE INDEX packs_started ON packs (started_us);",

  /* 3: plank holds, reminder events, and what was imported from before the store */
  "CREATE TABLE plank_holds ("
  "  id INTEGER PRIMARY KEY,"
  "  time_us INTEGER NOT NULL,"
  "  seconds INTEGER NOT NULL CHECK (seconds > 0));"
  "CREATE TABLE reminder_events ("
  "  id INTEGER PRIMARY KEY,"
  "  time_us INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  action TEXT NOT NULL);"
  "CREATE INDEX reminder_events_time ON reminder_events (time_us);"
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT);",

  /* 4: "I have seen a doctor", which clears the see-a-doctor warnings raised before it, and
   * the exercise a stopped session was in (never counted as done) */
  "ALTER TABLE sessions ADD COLUMN stopped_exercise TEXT;"
  "CREATE TABLE doctor_visits ("
  "  id INTEGER PRIMARY KEY,"
  "  time_us INTEGER NOT NULL);"
  "CREATE INDEX doctor_visits_time ON doctor_visits (time_us);",
};

/* ---------------------------------------------------------------------------------------- */
/* Opening */

static gboolean
is_corruption (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

static gboolean
set_newer_version_error (LimberStore  *self,
                         int           version,
                         GError      **error)
{
  g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NEWER_VERSION,
               _("%s was written by a newer version of Limber (format %d, this version "
                 "reads up to %d)"), self->path, version, LIMBER_STORE_VERSION);
  self->newer_version = version;
  return FALSE;
}

/* A version below 1 with tables in the file, or a negative one (a flipped header bit), is no
 * format Limber ever wrote: the file is treated as damaged. */
static gboolean
set_unknown_version_error (LimberStore  *self,
                           int           version,
                           GError      **error)
{
  self->last_rc = SQLITE_CORRUPT;
  g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FAILED,
               "%s: unknown format %d", self->path, version);
  return FALSE;
}

/* Makes @path readable by the user only, without following a symbolic link there. */
static void
make_private (const char *path)
{
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

  if (fd < 0)
    {
      if (errno != ENOENT)
        g_debug ("Could not make %s private: %s", path, g_strerror (errno));
      return;
    }
  if (fchmod (fd, 0600) != 0)
    g_debug ("Could not make %s private: %s", path, g_strerror (errno));
  close (fd);
}

static gboolean
migrate (LimberStore  *self,
         GError      **error)
{
  int version;

  /* IMMEDIATE takes the write lock first, so two processes opening a new file at once do
   * not both migrate it. */
  if (!limber_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  version = (int) limber_store_query_int (self->db, "PRAGMA user_version", 0);
  self->file_version = version;

  if (version > LIMBER_STORE_VERSION)
    {
      limber_store_exec (self, "ROLLBACK", NULL);
      return set_newer_version_error (self, version, error);
    }
  if (version < 0)
    {
      limber_store_exec (self, "ROLLBACK", NULL);
      return set_unknown_version_error (self, version, error);
    }

  for (int step = version; step < LIMBER_STORE_VERSION; step++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", step + 1);

      if (!limber_store_exec (self, limber_store_migrations[step], error) ||
          !limber_store_exec (self, set_version, error))
        {
          limber_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  return limber_store_exec (self, "COMMIT", error);
}

/* Opens the file and brings its schema up to date. Leaves self->last_rc saying what failed. */
static gboolean
open_file (LimberStore  *self,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) version = NULL;
  int rc;

  self->last_rc = SQLITE_OK;

  /* A link could point anywhere, such as into another user's files: never open one. */
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      limber_store_set_sql_error (self, self->db, rc, error);
      limber_store_close_db (self);
      return FALSE;
    }

  /* SQLite gives new -wal and -shm files the main file's mode; ones left from before are
   * made private too. */
  for (guint i = 0; i < G_N_ELEMENTS (file_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (self->path, file_suffixes[i], NULL);

      make_private (file);
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  /* A try of the file while records are kept in memory must not hold up the main loop. */
  sqlite3_busy_timeout (self->db, self->retrying ? LIMBER_STORE_RETRY_BUSY_TIMEOUT_MS
                                                 : LIMBER_STORE_BUSY_TIMEOUT_MS);
  if (limit_memory)
    limber_store_exec (self, "PRAGMA cache_size = -" G_STRINGIFY (SMALL_CACHE_KIB), NULL);

  /* The first statement that reads the header; random bytes fail here with NOTADB. A file
   * from a newer Limber must be left as it is, and switching it to WAL below would rewrite its
   * header, so its version is checked first (migrate() checks it again under the lock). */
  version = limber_store_prepare (self, "PRAGMA user_version", error);
  if (version == NULL)
    return FALSE;
  rc = sqlite3_step (version);
  if (rc != SQLITE_ROW)
    return limber_store_set_sql_error (self, self->db, rc, error);
  self->file_version = sqlite3_column_int (version, 0);
  if (self->file_version > LIMBER_STORE_VERSION)
    return set_newer_version_error (self, self->file_version, error);
  if (self->file_version < 0)
    return set_unknown_version_error (self, self->file_version, error);
  g_clear_pointer (&version, sqlite3_finalize);

  if (!limber_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !limber_store_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !limber_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  /* A truncated or overwritten file can have a good header; this reads every page. */
  check = limber_store_prepare (self, "PRAGMA quick_check(1)", error);
  if (check == NULL)
    return FALSE;
  rc = sqlite3_step (check);
  if (rc != SQLITE_ROW)
    return limber_store_set_sql_error (self, self->db, rc, error);
  if (g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") != 0)
    {
      self->last_rc = SQLITE_CORRUPT;
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FAILED, "%s: %s", self->path,
                   (const char *) sqlite3_column_text (check, 0));
      return FALSE;
    }
  g_clear_pointer (&check, sqlite3_finalize);

  if (!migrate (self, error))
    return FALSE;

  self->data_version = limber_store_query_int (self->db, "PRAGMA data_version", 0);
  return TRUE;
}

gboolean
limber_store_open_file (LimberStore  *self,
                        GError      **error)
{
  g_return_val_if_fail (self->db == NULL, FALSE);

  if (open_file (self, error))
    return TRUE;

  limber_store_close_db (self);
  return FALSE;
}

/* Moves a damaged file (and its journal files) aside under a name with the time in it. */
static gboolean
move_aside (LimberStore  *self,
            GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (limber_clock_now_wall_us (self->clock)
                                                               / G_USEC_PER_SEC);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.corrupt-%s", self->path, stamp);
  static const char * const suffixes[] = { "-wal", "-shm" };

  for (guint n = 2; g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.corrupt-%s-%u", self->path, stamp, n);
    }

  if (g_rename (self->path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not move the damaged file %s aside: %s"), self->path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  g_free (self->moved_aside_path);
  self->moved_aside_path = g_steal_pointer (&aside);
  return TRUE;
}

/* Returns: %TRUE if every page of @source was copied into @memory */
static gboolean
copy_database (sqlite3 *memory,
               sqlite3 *source)
{
  sqlite3_backup *backup = sqlite3_backup_init (memory, "main", source, "main");
  int rc;

  if (backup == NULL)
    return FALSE;

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);

  return rc == SQLITE_DONE;
}

/* Carries on in memory, keeping what the disk file holds if it can still be read. */
void
limber_store_fall_back_to_memory (LimberStore *self,
                                  const char  *reason,
                                  gboolean     retry)
{
  GStatBuf st;
  sqlite3 *memory = NULL;
  sqlite3 *source = self->db;
  g_autofree char *problem = NULL;
  gboolean copied = FALSE;

  if (source == NULL &&
      sqlite3_open_v2 (self->path, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW,
                       NULL) != SQLITE_OK)
    g_clear_pointer (&source, sqlite3_close_v2);

  sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (source != NULL)
    {
      copied = copy_database (memory, source);
      sqlite3_close_v2 (source);
    }

  /* A WAL file cannot be read without its -shm file, which a read-only folder cannot hold,
   * so the copy above fails there. Read it as immutable then: without locks or the -wal
   * file, whose records (if one was left behind) are missing from the copy but stay on disk. */
  if (!copied && g_file_test (self->path, G_FILE_TEST_IS_REGULAR) &&
      !g_file_test (self->path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
      g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

      source = NULL;
      if (sqlite3_open_v2 (uri, &source,
                           SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW,
                           NULL) == SQLITE_OK)
        copied = copy_database (memory, source);
      sqlite3_close_v2 (source);
    }

  /* Something is there that this run could not read (a link, an unreadable file). */
  if (!copied && g_lstat (self->path, &st) == 0)
    {
      g_free (self->unread_reason);
      self->unread_reason = g_strdup (reason);
    }

  self->db = memory;
  sqlite3_extended_result_codes (self->db, TRUE);
  limber_store_exec (self, "PRAGMA foreign_keys = ON", NULL);
  /* A copy that failed half-way, or none at all, still gets every table. */
  if (!migrate (self, NULL))
    {
      sqlite3_close_v2 (self->db);
      sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
      migrate (self, NULL);
    }

  /* What is in memory now came from the file (or nothing did): only rows added from here on
   * are written to it later. */
  if (retry)
    {
      limber_store_start_retrying (self, reason);
      return;
    }

  problem = g_strdup_printf (_("Limber cannot save to %s (%s). What you record now is kept "
                               "only until Limber closes."), self->path, reason);
  limber_store_stop_saving (self, problem);
}

/* The folder made (private) and the file's place checked: no symbolic link for either, and
 * something that is no database file at all, such as a folder or a pipe, moved aside. */
static gboolean
prepare_place (LimberStore  *self,
               GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  GStatBuf st;

  if (g_lstat (dir, &st) == 0 && S_ISLNK (st.st_mode))
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NOT_SAVING,
                   _("the folder %s is a symbolic link; Limber keeps your records only in a "
                     "real folder"), dir);
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NOT_SAVING,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* A folder made by someone else's umask is closed to others, keeping what it lacks. */
  if (g_lstat (dir, &st) == 0 && S_ISDIR (st.st_mode) && (st.st_mode & 077) != 0 &&
      g_chmod (dir, st.st_mode & 0700) != 0)
    g_debug ("Could not make %s private: %s", dir, g_strerror (errno));

  if (g_lstat (self->path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NOT_SAVING,
                   _("%s is a symbolic link; Limber keeps your records only in a real file"),
                   self->path);
      return FALSE;
    }

  if (g_file_test (self->path, G_FILE_TEST_EXISTS) &&
      !g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    return move_aside (self, error);
  return TRUE;
}

/* Opens the file; a damaged one is moved aside and a new one opened in its place. */
static gboolean
open_or_move_aside (LimberStore  *self,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (open_file (self, &local_error))
    return TRUE;
  if (!is_corruption (self->last_rc))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_message ("%s is damaged: %s", self->path, local_error->message);
  limber_store_close_db (self);
  return move_aside (self, error) && open_file (self, error);
}

/**
 * limber_store_open:
 *
 * Opens the file, creating it and its folder when missing and migrating an older schema.
 *
 * A damaged file is moved aside (see limber_store_get_moved_aside_path()) and a fresh one
 * created. A file that cannot be created, opened or read leaves the store working in memory,
 * with #LimberStore:problem saying why.
 *
 * Returns: %TRUE if records will be saved to the file; %FALSE with @error saying why if the
 *   store works in memory only
 */
gboolean
limber_store_open (LimberStore  *self,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db == NULL, FALSE);

  if (prepare_place (self, &local_error) && open_or_move_aside (self, &local_error))
    {
      self->saving = TRUE;
      limber_store_watch_folder (self);
      return TRUE;
    }

  {
    /* A newer file is left as it is; this run keeps its records in memory, starting empty,
     * since this version cannot read the newer schema. */
    g_autofree char *reason = g_strdup (local_error->message);

    if (local_error->domain == LIMBER_STORE_ERROR &&
        local_error->code != LIMBER_STORE_ERROR_NEWER_VERSION)
      local_error->code = LIMBER_STORE_ERROR_NOT_SAVING;
    limber_store_close_db (self);
    self->saving = TRUE;
    limber_store_fall_back_to_memory (self, reason,
                                      limber_store_is_passing_problem (self->last_rc));
    g_propagate_error (error, g_steal_pointer (&local_error));
    return FALSE;
  }
}

/**
 * limber_store_limit_memory:
 *
 * Makes every store this process opens afterwards keep little in memory, for a process that
 * stays running and reads only a few rows at a time (the reminder service). SQLite's defaults
 * suit the app, which reads whole histories: a 2 MB page cache, which opening fills with the
 * whole file (the integrity check reads every page), about 85 kB of cache set aside up front
 * for each database (the store's and the temporary one of that check), and lookaside slots for
 * each connection. Here the cache is 64 kB and nothing is set aside: SQLite's own heap after
 * the service's start-up goes from 208 kB to 99 kB (sqlite3_memory_used()).
 *
 * Call it before the first store or journal is made: SQLite takes these settings only before
 * it is first used, and returns %FALSE if it was.
 *
 * Returns: %TRUE if SQLite took them
 */
gboolean
limber_store_limit_memory (void)
{
  limit_memory = TRUE;

  return sqlite3_config (SQLITE_CONFIG_LOOKASIDE, 0, 0) == SQLITE_OK &&
         sqlite3_config (SQLITE_CONFIG_PAGECACHE, NULL, 0, 0) == SQLITE_OK;
}
