/* limber-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include "limber-enum-nick.h"
#include "limber-store-private.h"

/*
 * Everything the user records, in one SQLite file shared by the app and the reminder service.
 *
 * WAL lets one process read while the other writes, and the busy timeout makes a writer wait
 * for the other rather than fail. Every write is its own short transaction, so a process
 * killed mid-way loses at most the write in flight.
 *
 * Nothing recorded may be lost, so faults never end in a crash: a damaged file is moved aside
 * and a fresh one created; a file that cannot be opened or written (a read-only folder) makes
 * the store carry on in memory, with what was on disk copied in, and say so in the "problem"
 * property until the program ends. A file that cannot take a write only for now (another
 * process holds its lock past the busy timeout, the disk is full) gets what was kept in
 * memory once it can (limber-store-retry.c).
 *
 * Other processes' writes are noticed through a file monitor on the folder and SQLite's
 * data_version, and announced with "changed" like our own.
 *
 * This file holds the object, its properties and signal, the SQL helpers the other parts use,
 * watching for changes and limber_store_write(); limber-store-open.c opens the file (see there),
 * limber-store-write.c, limber-store-read.c and limber-store-export.c hold the records' writes,
 * queries and export.
 */

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

/* The tables "Delete all my data" empties; meta stays so nothing is imported twice. */
const char * const limber_store_record_tables[LIMBER_STORE_N_RECORD_TABLES] = {
  "check_answers", "checks", "sessions", "glasses", "episodes", "packs", "plank_holds",
  "reminder_events", "doctor_visits",
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
/* The file and the changes to it */

void
limber_store_close_db (LimberStore *self)
{
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
}

void
limber_store_set_problem (LimberStore *self,
                          const char  *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

/* Says that records no longer reach the file, and why: in the log and in the properties. */
void
limber_store_stop_saving (LimberStore *self,
                          const char  *problem)
{
  g_clear_object (&self->monitor);

  if (self->saving)
    {
      self->saving = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
    }

  g_message ("%s", problem);
  limber_store_set_problem (self, problem);
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

/* Notices the writes of other processes: see check_for_changes(). */
void
limber_store_watch_folder (LimberStore *self)
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

  /* One last try, so records kept while the file was locked are not lost at exit. */
  if (self->clock != NULL)
    limber_store_stop_retrying (self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_store_parent_class)->dispose (object);
}

static void
limber_store_finalize (GObject *object)
{
  LimberStore *self = LIMBER_STORE (object);

  limber_store_close_db (self);
  g_free (self->path);
  g_free (self->problem);
  g_free (self->moved_aside_path);
  g_free (self->unread_reason);
  g_clear_pointer (&self->kept_from, g_hash_table_unref);
  g_clear_pointer (&self->moved_ids, g_hash_table_unref);

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

/* ---------------------------------------------------------------------------------------- */
/* Writing */

/* Tells the other process that a write is committed. SQLite's last file write comes before it
 * publishes the commit in the shared-memory index, which makes no file event, so a folder
 * event on the -wal file can arrive while data_version still shows the old state. Writing
 * this small file after COMMIT gives an event that comes only once the commit can be seen. */
static void
tell_other_processes (LimberStore *self)
{
  g_autofree char *path = g_strconcat (self->path, "-changed", NULL);
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      g_debug ("%s: %s", path, g_strerror (errno));
      return;
    }
  if (write (fd, "1", 1) != 1)
    g_debug ("%s: %s", path, g_strerror (errno));
  close (fd);
}

/* Back on the file: see limber-store-retry.c. */
void
limber_store_resume_saving (LimberStore *self)
{
  self->saving = TRUE;
  self->data_version = limber_store_query_int (self->db, "PRAGMA data_version", 0);
  limber_store_watch_folder (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
  limber_store_set_problem (self, NULL);
  tell_other_processes (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Runs @func in a transaction. If the file cannot take it (full, read-only, gone), the store
 * moves to memory and runs it again there, so the record is kept for this run; if it only
 * cannot take it now (locked by another process, a full disk), the store writes it to the file
 * later, see limber-store-retry.c. */
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
                {
                  self->data_version = limber_store_query_int (self->db, "PRAGMA data_version",
                                                               self->data_version);
                  tell_other_processes (self);
                }
              g_signal_emit (self, signals[CHANGED], 0);
              return id;
            }
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
        }

      if (self->saving && (is_storage_problem (self->last_rc) ||
                           limber_store_is_passing_problem (self->last_rc)))
        {
          g_autofree char *reason = g_strdup (sqlite3_errstr (self->last_rc));
          gboolean retry = limber_store_is_passing_problem (self->last_rc);

          limber_store_close_db (self);
          limber_store_fall_back_to_memory (self, reason, retry);
          continue;
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FAILED,
               "%s: the record could not be kept even in memory", self->path);
  return 0;
}
