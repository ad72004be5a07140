/* limber-store.c
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
 * Everything the user records, in one SQLite file shared by the app and the reminder service.
 *
 * WAL lets one process read while the other writes, and the busy timeout makes a writer wait
 * for the other rather than fail. Every write is its own short transaction, so a process
 * killed mid-way loses at most the write in flight.
 *
 * Nothing recorded may be lost, so faults never end in a crash: a damaged file is moved aside
 * and a fresh one created; a file that cannot be opened or written (a read-only folder, a full
 * disk) makes the store carry on in memory, with what was on disk copied in, and say so in
 * the "problem" property until the program ends.
 *
 * Other processes' writes are noticed through a file monitor on the folder and SQLite's
 * data_version, and announced with "changed" like our own.
 */
struct _LimberStore
{
  GObject       parent_instance;

  LimberClock  *clock;
  char         *path;
  sqlite3      *db;
  gboolean      saving;
  char         *problem;
  char         *moved_aside_path;
  int           file_version;
  int           newer_version;
  int           last_rc;

  GFileMonitor *monitor;
  gint64        data_version;
};

G_DEFINE_FINAL_TYPE (LimberStore, limber_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (limber-store-error-quark, limber_store_error)

enum {
  PROP_0,
  PROP_SAVING,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define BUSY_TIMEOUT_MS 5000

/* The database file and the two SQLite keeps beside it in WAL mode. */
static const char * const file_suffixes[] = { "", "-wal", "-shm" };

/* Each step takes the schema from the version before it to its own index + 1. Steps are
 * never edited once released; a change is a new step. */
static const char * const migrations[LIMBER_STORE_VERSION] = {
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
};

/* The tables "Delete all my data" empties; meta stays so nothing is imported twice. */
const char * const limber_store_record_tables[LIMBER_STORE_N_RECORD_TABLES] = {
  "check_answers", "checks", "sessions", "glasses", "episodes", "packs", "plank_holds",
  "reminder_events",
};

/* ---------------------------------------------------------------------------------------- */
/* Errors */

static gboolean
is_storage_problem (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_corruption (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

gboolean
limber_store_set_sql_error (LimberStore  *self,
                            sqlite3      *db,
                            int           rc,
                            GError      **error)
{
  self->last_rc = rc;
  g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FAILED, "%s: %s",
               self->path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
limber_store_exec (LimberStore  *self,
                   const char   *sql,
                   GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return limber_store_set_sql_error (self, self->db, rc, error);

  return TRUE;
}

sqlite3_stmt *
limber_store_prepare (LimberStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      limber_store_set_sql_error (self, self->db, rc, error);
      return NULL;
    }

  return stmt;
}

/* Reads should not fail on a file that opened; if one does, the page shows less, and the log
 * says why. */
sqlite3_stmt *
limber_store_prepare_read (LimberStore *self,
                           const char  *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = limber_store_prepare (self, sql, &error);

  if (stmt == NULL)
    g_warning ("Could not read the history: %s", error->message);

  return stmt;
}

gint64
limber_store_query_int (sqlite3    *db,
                        const char *sql,
                        gint64      fallback)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fallback;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return fallback;

  return sqlite3_column_int64 (stmt, 0);
}

/* ---------------------------------------------------------------------------------------- */
/* Opening */

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

      if (!limber_store_exec (self, migrations[step], error) ||
          !limber_store_exec (self, set_version, error))
        {
          limber_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  return limber_store_exec (self, "COMMIT", error);
}

static void
close_db (LimberStore *self)
{
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
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
      close_db (self);
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
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

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

static void
set_problem (LimberStore *self,
             const char  *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
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
static void
fall_back_to_memory (LimberStore *self,
                     const char  *reason)
{
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
        copy_database (memory, source);
      sqlite3_close_v2 (source);
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

  g_clear_object (&self->monitor);

  if (self->saving)
    {
      self->saving = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
    }

  problem = g_strdup_printf (_("Limber cannot save to %s (%s). What you record now is kept "
                               "only until Limber closes."), self->path, reason);
  g_message ("%s", problem);
  set_problem (self, problem);
}

static void
check_for_changes (LimberStore *self)
{
  gint64 version;

  if (self->db == NULL || !self->saving)
    return;

  version = limber_store_query_int (self->db, "PRAGMA data_version", self->data_version);
  if (version != self->data_version)
    {
      self->data_version = version;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static void
on_folder_changed (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   gpointer           user_data)
{
  LimberStore *self = LIMBER_STORE (user_data);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *ours = g_path_get_basename (self->path);

  if (g_str_has_prefix (name, ours))
    check_for_changes (self);
}

static void
watch_folder (LimberStore *self)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor == NULL)
    return;

  /* GIO holds back repeated changes of one file for 800 ms by default; the other process should
   * see a record within a fraction of a second. Each notice costs one PRAGMA, so 100 ms is cheap. */
  g_file_monitor_set_rate_limit (self->monitor, 100);
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_folder_changed), self, 0);
}

/* ---------------------------------------------------------------------------------------- */
/* GObject */

static void
limber_store_dispose (GObject *object)
{
  LimberStore *self = LIMBER_STORE (object);

  g_clear_object (&self->monitor);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_store_parent_class)->dispose (object);
}

static void
limber_store_finalize (GObject *object)
{
  LimberStore *self = LIMBER_STORE (object);

  close_db (self);
  g_free (self->path);
  g_free (self->problem);
  g_free (self->moved_aside_path);

  G_OBJECT_CLASS (limber_store_parent_class)->finalize (object);
}

static void
limber_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LimberStore *self = LIMBER_STORE (object);

  switch (prop_id)
    {
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_store_class_init (LimberStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_store_dispose;
  object_class->finalize = limber_store_finalize;
  object_class->get_property = limber_store_get_property;

  /**
   * LimberStore:saving:
   *
   * Whether records reach the file. When %FALSE they are kept in memory only.
   */
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * LimberStore:problem:
   *
   * A translated sentence for the user when the store is not saving, or %NULL.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberStore::changed:
   *
   * Records were added or deleted, by this process or another one.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_store_init (LimberStore *self)
{
}

/**
 * limber_store_new:
 * @clock: the clock for timestamps the store makes itself
 * @path: (nullable): the database file, %NULL for limber_store_default_path()
 *
 * Returns: (transfer full): a store; call limber_store_open() before anything else
 */
LimberStore *
limber_store_new (LimberClock *clock,
                  const char  *path)
{
  LimberStore *self;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  self = g_object_new (LIMBER_TYPE_STORE, NULL);
  self->clock = g_object_ref (clock);
  self->path = path != NULL ? g_strdup (path) : limber_store_default_path ();

  return self;
}

/**
 * limber_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/limber/limber.db`
 */
char *
limber_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "limber", "limber.db", NULL);
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
  g_autofree char *dir = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db == NULL, FALSE);

  dir = g_path_get_dirname (self->path);
  if (g_lstat (dir, &st) == 0 && S_ISLNK (st.st_mode))
    {
      g_set_error (&local_error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NOT_SAVING,
                   _("the folder %s is a symbolic link; Limber keeps your records only in a "
                     "real folder"), dir);
      goto in_memory;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (&local_error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NOT_SAVING,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      goto in_memory;
    }
  /* A folder made by someone else's umask is closed to others, keeping what it lacks. */
  if (g_lstat (dir, &st) == 0 && S_ISDIR (st.st_mode) && (st.st_mode & 077) != 0 &&
      g_chmod (dir, st.st_mode & 0700) != 0)
    g_debug ("Could not make %s private: %s", dir, g_strerror (errno));

  if (g_lstat (self->path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      g_set_error (&local_error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NOT_SAVING,
                   _("%s is a symbolic link; Limber keeps your records only in a real file"),
                   self->path);
      goto in_memory;
    }

  /* Something that is no database file at all, such as a folder or a pipe, is moved aside at
   * once. */
  if (g_file_test (self->path, G_FILE_TEST_EXISTS) &&
      !g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    {
      if (!move_aside (self, &local_error))
        goto in_memory;
    }

  if (!open_file (self, &local_error))
    {
      if (is_corruption (self->last_rc))
        {
          g_message ("%s is damaged: %s", self->path, local_error->message);
          g_clear_error (&local_error);
          close_db (self);

          if (!move_aside (self, &local_error))
            goto in_memory;
          if (!open_file (self, &local_error))
            goto in_memory;
        }
      else
        goto in_memory;
    }

  self->saving = TRUE;
  watch_folder (self);
  return TRUE;

in_memory:
  {
    /* A newer file is left as it is; this run keeps its records in memory, starting empty,
     * since this version cannot read the newer schema. */
    g_autofree char *reason = g_strdup (local_error->message);

    if (local_error->domain == LIMBER_STORE_ERROR &&
        local_error->code != LIMBER_STORE_ERROR_NEWER_VERSION)
      local_error->code = LIMBER_STORE_ERROR_NOT_SAVING;
    close_db (self);
    self->saving = TRUE;
    fall_back_to_memory (self, reason);
    g_propagate_error (error, g_steal_pointer (&local_error));
    return FALSE;
  }
}

const char *
limber_store_get_path (LimberStore *self)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), NULL);
  return self->path;
}

gboolean
limber_store_get_saving (LimberStore *self)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);
  return self->saving;
}

/* Returns: (nullable): a sentence for the user while the store is not saving */
const char *
limber_store_get_problem (LimberStore *self)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), NULL);
  return self->problem;
}

/* Returns: (nullable): where a damaged file was moved by limber_store_open() */
const char *
limber_store_get_moved_aside_path (LimberStore *self)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), NULL);
  return self->moved_aside_path;
}

/* Returns: the version of a file from a newer Limber that was left untouched, or 0 */
int
limber_store_get_newer_version (LimberStore *self)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);
  return self->newer_version;
}

/* Returns: the schema version the file had when it was opened, before any migration */
int
limber_store_get_file_version (LimberStore *self)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);
  return self->file_version;
}

gint64
limber_store_now_us (LimberStore *self)
{
  return limber_clock_now_wall_us (self->clock);
}

sqlite3 *
limber_store_get_db (LimberStore *self)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), NULL);
  return self->db;
}

const char *
limber_pack_kind_to_string (LimberPackKind kind)
{
  return kind == LIMBER_PACK_HEAT ? "heat" : "cold";
}

/* ---------------------------------------------------------------------------------------- */
/* Writing */

/* Runs @func in a transaction. If the file cannot take it (full, read-only, gone), the store
 * moves to memory and runs it again there, so the record is kept for this run. */
gint64
limber_store_write (LimberStore           *self,
                    LimberStoreWriteFunc   func,
                    gpointer               data,
                    GError               **error)
{
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      gint64 id = 1;

      self->last_rc = SQLITE_OK;
      if (limber_store_exec (self, "BEGIN IMMEDIATE", &local_error))
        {
          if (func (self, data, &id, &local_error) &&
              limber_store_exec (self, "COMMIT", &local_error))
            {
              if (self->saving)
                self->data_version = limber_store_query_int (self->db, "PRAGMA data_version",
                                                             self->data_version);
              g_signal_emit (self, signals[CHANGED], 0);
              return id;
            }
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
        }

      if (self->saving && is_storage_problem (self->last_rc))
        {
          g_autofree char *reason = g_strdup (sqlite3_errstr (self->last_rc));

          close_db (self);
          fall_back_to_memory (self, reason);
          continue;
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FAILED,
               "%s: the record could not be kept even in memory", self->path);
  return 0;
}

/**
 * limber_store_create_version:
 * @version: 1 to %LIMBER_STORE_VERSION
 *
 * Creates a file with the schema as it was at @version, for tests that migrate it forward.
 */
gboolean
limber_store_create_version (const char  *path,
                             int          version,
                             GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (version >= 1 && version <= LIMBER_STORE_VERSION, FALSE);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    ok = FALSE;

  for (int step = 0; ok && step < version; step++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", step + 1);

      ok = sqlite3_exec (db, migrations[step], NULL, NULL, NULL) == SQLITE_OK &&
           sqlite3_exec (db, set_version, NULL, NULL, NULL) == SQLITE_OK;
    }

  if (!ok)
    g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FAILED, "%s: %s", path,
                 db != NULL ? sqlite3_errmsg (db) : "out of memory");
  sqlite3_close_v2 (db);

  return ok;
}
