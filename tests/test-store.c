/* test-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "limber-fake-clock.h"
#include "limber-store.h"
#include "limber-store-testing.h"

/*
 * The store's file cases, against real SQLite files in a fresh temporary folder per test:
 * migrations from earlier versions and a file from a newer one, the file as written and read
 * again, deleting down to the bytes, a second process writing at the same time or killed
 * mid-way, locks, damaged files, symbolic links, a read-only folder and a full disk. Records
 * written and read back (round trips, day counts, streaks, exports) are tested on the
 * journal's API, in test-journal.c; the water.ini import in test-water-log.c.
 *
 * Every store stands on a fake clock at Monday 2026-03-16 10:00 UTC, and main() puts the
 * process in Europe/Lisbon (WET, UTC+0 that day; WEST from 2026-03-29), so local times in
 * exports and moved-aside file names are known exactly.
 *
 * Each test works in its own folder, named after the test, under one folder per run that
 * main() makes and names in STORE_DIR_ENV. Tests that need another user or a resource limit
 * run their body in a subprocess (g_test_trap_subprocess), which inherits the variable and so
 * finds the same folder.
 */

#define SECOND (G_GINT64_CONSTANT (1000000))
#define MINUTE (60 * SECOND)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

/* 2026-03-16 10:00:00 UTC */
#define WALL_START (G_GINT64_CONSTANT (1773655200) * SECOND)
#define ALL_TIME   G_MININT64, G_MAXINT64

#define STORE_DIR_ENV "LIMBER_TEST_STORE_DIR"
#define NOBODY 65534

typedef struct
{
  char        *dir;     /* the test's own folder, removed with everything in it afterwards */
  char        *path;    /* dir/limber.db */
  LimberClock *clock;
  GTimeZone   *tz;      /* Europe/Lisbon */
} Fixture;

/* ---------------------------------------------------------------------------------------- */
/* Helpers */

/* Removes @path and everything under it, making folders writable first: some tests leave
 * read-only ones behind. */
static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *name = g_strdelimit (g_strdup (g_test_get_path () + 1), "/", '-');

  f->tz = g_time_zone_new_identifier ("Europe/Lisbon");
  g_assert_nonnull (f->tz);
  f->clock = limber_fake_clock_new (WALL_START);
  f->dir = g_build_filename (g_getenv (STORE_DIR_ENV), name, NULL);
  f->path = g_build_filename (f->dir, "limber.db", NULL);

  /* A subprocess works in the folder its parent made. */
  if (!g_test_subprocess ())
    g_assert_cmpint (g_mkdir (f->dir, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!g_test_subprocess ())
    remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_clear_object (&f->clock);
  g_clear_pointer (&f->tz, g_time_zone_unref);
}

/* Opens @path (the fixture's file if %NULL), which must then be saving. */
static LimberStore *
open_store (Fixture    *f,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  LimberStore *store = limber_store_new (f->clock, path != NULL ? path : f->path);

  g_assert_true (limber_store_open (store, &error));
  g_assert_no_error (error);
  g_assert_true (limber_store_get_saving (store));
  g_assert_null (limber_store_get_problem (store));
  g_assert_null (limber_store_get_moved_aside_path (store));

  return store;
}

static guint
count_glasses (LimberStore *store)
{
  return limber_store_count (store, LIMBER_RECORD_COUNT_GLASSES, ALL_TIME);
}

static void
add_glass (LimberStore *store,
           gint64       time_us)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (limber_store_add_glass (store, time_us, "app", &error), >, 0);
  g_assert_no_error (error);
}

/* A connection of our own, beside the store's, to look at the file as SQLite sees it. */
static sqlite3 *
db_open (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  sqlite3_busy_timeout (db, 5000);

  return db;
}

static void
db_exec (const char *path,
         const char *sql)
{
  sqlite3 *db = db_open (path);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s: %s", path, sql, message);
  sqlite3_close (db);
}

static char *
db_query_text (const char *path,
               const char *sql)
{
  sqlite3 *db = db_open (path);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s: %s", path, sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return text;
}

static gint64
db_query_int (const char *path,
              const char *sql)
{
  g_autofree char *text = db_query_text (path, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static gboolean
file_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static LimberSessionRecord *
make_session (const char           *routine_id,
              const char           *routine_name,
              gint64                started_us,
              gint64                duration_us,
              guint                 completed,
              guint                 total,
              LimberSessionOutcome  outcome,
              int                   pain_before,
              int                   pain_after)
{
  LimberSessionRecord *record = limber_session_record_new (routine_id, routine_name, started_us,
                                                           started_us + duration_us, completed,
                                                           total, outcome);

  limber_session_record_set_pain_before (record, pain_before);
  limber_session_record_set_pain_after (record, pain_after);

  return record;
}

static gint64
add_session (LimberStore          *store,
             const char           *routine_id,
             gint64                started_us,
             guint                 completed,
             LimberSessionOutcome  outcome)
{
  g_autoptr(LimberSessionRecord) record = make_session (routine_id, NULL, started_us,
                                                        10 * MINUTE, completed, 5, outcome,
                                                        LIMBER_PAIN_UNSET, LIMBER_PAIN_UNSET);
  g_autoptr(GError) error = NULL;
  gint64 id = limber_store_add_session (store, record, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
assert_session (LimberSessionRecord  *record,
                gint64                id,
                const char           *routine_id,
                const char           *routine_name,
                gint64                started_us,
                gint64                ended_us,
                guint                 completed,
                guint                 total,
                LimberSessionOutcome  outcome,
                int                   pain_before,
                int                   pain_after)
{
  g_assert_cmpint (limber_session_record_get_id (record), ==, id);
  g_assert_cmpstr (limber_session_record_get_routine_id (record), ==, routine_id);
  g_assert_cmpstr (limber_session_record_get_routine_name (record), ==, routine_name);
  g_assert_cmpint (limber_session_record_get_started_wall_us (record), ==, started_us);
  g_assert_cmpint (limber_session_record_get_ended_wall_us (record), ==, ended_us);
  g_assert_cmpuint (limber_session_record_get_exercises_completed (record), ==, completed);
  g_assert_cmpuint (limber_session_record_get_n_exercises (record), ==, total);
  g_assert_cmpint (limber_session_record_get_outcome (record), ==, outcome);
  g_assert_cmpint (limber_session_record_get_pain_before (record), ==, pain_before);
  g_assert_cmpint (limber_session_record_get_pain_after (record), ==, pain_after);
}

/* Notes with everything CSV must quote: a quote, a comma and a line break. */
static const char episode_notes[] = "Lifted a \"heavy\" box, then rested,\r\nand iced it";

/* One record of every type, at known times on Monday morning, each the first of its kind. */
static void
add_one_of_each (Fixture     *f,
                 LimberStore *store)
{
  g_autoptr(LimberSessionRecord) session = NULL;
  g_autofree LimberTriageAnswer *answers = g_new0 (LimberTriageAnswer,
                                                   limber_triage_get_n_questions ());
  g_autoptr(GError) error = NULL;
  gint64 episode;

  session = make_session ("morning", "Morning, gently", WALL_START, 10 * MINUTE, 4, 5,
                          LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN, 6, 3);
  limber_session_record_set_stopped_exercise (session, "bridge");
  g_assert_cmpint (limber_store_add_session (store, session, &error), >, 0);
  g_assert_no_error (error);

  answers[0] = LIMBER_TRIAGE_ANSWER_NO;
  answers[2] = LIMBER_TRIAGE_ANSWER_YES;
  g_assert_cmpint (limber_store_add_check (store, WALL_START + MINUTE,
                                           LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON, answers,
                                           &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (limber_store_add_glass (store, WALL_START + 2 * MINUTE, "reminder", &error),
                   >, 0);
  g_assert_no_error (error);

  episode = limber_store_start_episode (store, WALL_START + 3 * MINUTE, &error);
  g_assert_cmpint (episode, >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_store_end_episode (store, episode, WALL_START + HOUR, episode_notes,
                                           &error));
  g_assert_no_error (error);

  g_assert_cmpint (limber_store_add_pack (store, LIMBER_PACK_HEAT, WALL_START + 4 * MINUTE,
                                          20 * MINUTE, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (limber_store_add_plank_hold (store, WALL_START + 5 * MINUTE, 45, &error), >,
                   0);
  g_assert_no_error (error);

  g_assert_cmpint (limber_store_add_reminder_event (store, WALL_START + 6 * MINUTE, "walk", "done",
                                                    &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (limber_store_add_doctor_visit (store, WALL_START + 7 * MINUTE, &error), >, 0);
  g_assert_no_error (error);
}

/* Asserts that the store holds what add_one_of_each() wrote, and @n_episodes in all. */
static void
assert_one_of_each (LimberStore *store,
                    guint        n_episodes)
{
  g_autoptr(GPtrArray) sessions = limber_store_list_sessions (store, ALL_TIME);
  g_autoptr(GPtrArray) episodes = limber_store_list_episodes (store);
  g_autoptr(GArray) holds = limber_store_list_plank_holds (store);
  LimberEpisode *episode;
  LimberTriageOutcome outcome = LIMBER_TRIAGE_OUTCOME_SELF_CARE;
  LimberPackKind kind = LIMBER_PACK_COLD;
  gint64 time_us = 0, duration_us = 0;

  g_assert_cmpuint (sessions->len, ==, 1);
  assert_session (sessions->pdata[0], 1, "morning", "Morning, gently", WALL_START,
                  WALL_START + 10 * MINUTE, 4, 5, LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN, 6, 3);

  g_assert_true (limber_store_get_last_check (store, &time_us, &outcome));
  g_assert_cmpint (time_us, ==, WALL_START + MINUTE);
  g_assert_cmpint (outcome, ==, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON);

  g_assert_cmpuint (count_glasses (store), ==, 1);

  g_assert_cmpuint (episodes->len, ==, n_episodes);
  episode = episodes->pdata[0];
  g_assert_cmpint (episode->started_us, ==, WALL_START + 3 * MINUTE);
  g_assert_cmpint (episode->ended_us, ==, WALL_START + HOUR);
  g_assert_cmpstr (episode->notes, ==, episode_notes);

  g_assert_true (limber_store_get_last_pack (store, &kind, &time_us, &duration_us));
  g_assert_cmpint (kind, ==, LIMBER_PACK_HEAT);
  g_assert_cmpint (time_us, ==, WALL_START + 4 * MINUTE);
  g_assert_cmpint (duration_us, ==, 20 * MINUTE);

  g_assert_cmpuint (holds->len, ==, 1);
  g_assert_cmpint (g_array_index (holds, LimberRecordPoint, 0).value, ==, 45);

  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_WALKS, ALL_TIME), ==, 1);
  g_assert_false (limber_store_is_empty (store));
}

/* ---------------------------------------------------------------------------------------- */
/* Migrations */

/* Rows as an earlier version wrote them, into the tables that version had. */
static void
insert_version_rows (const char *path,
                     int         version)
{
  g_autofree char *v1 = NULL;
  g_autofree char *v2 = NULL;

  v1 = g_strdup_printf (
    "INSERT INTO sessions (routine_id, routine_name, started_us, ended_us, exercises_completed,"
    " exercises_total, outcome, pain_after) VALUES"
    " ('morning', 'Morning', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 5, 5, 'completed', 3),"
    " ('evening', NULL, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2, 6, 'stopped', NULL);"
    "INSERT INTO checks (id, time_us, outcome) VALUES (7, %" G_GINT64_FORMAT ", 'emergency');"
    "INSERT INTO check_answers VALUES (7, 0, '%s', 'yes');"
    "INSERT INTO glasses (time_us, source) VALUES (%" G_GINT64_FORMAT ", 'app'),"
    " (%" G_GINT64_FORMAT ", 'app'), (%" G_GINT64_FORMAT ", 'reminder');",
    WALL_START, WALL_START + 10 * MINUTE, WALL_START + HOUR, WALL_START + HOUR + 5 * MINUTE,
    WALL_START + 2 * HOUR, limber_triage_get_question (0)->id,
    WALL_START, WALL_START + MINUTE, WALL_START + 2 * MINUTE);
  db_exec (path, v1);

  if (version < 2)
    return;

  v2 = g_strdup_printf (
    "UPDATE sessions SET pain_before = 7 WHERE routine_id = 'morning';"
    "INSERT INTO episodes (started_us, ended_us, notes) VALUES"
    " (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'old notes');"
    "INSERT INTO packs (kind, started_us, duration_s) VALUES ('heat', %" G_GINT64_FORMAT ", 1200);",
    WALL_START - DAY, WALL_START - DAY + HOUR, WALL_START - DAY);
  db_exec (path, v2);
}

static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  int version = GPOINTER_TO_INT (data);
  g_autoptr(LimberStore) store = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberSessionRecord) record = NULL;
  g_autofree char *fresh_path = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *tables = NULL;
  g_autofree char *fresh_tables = NULL;
  LimberTriageOutcome outcome = LIMBER_TRIAGE_OUTCOME_SELF_CARE;
  gint64 id;

  g_assert_true (limber_store_create_version (f->path, version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (db_query_int (f->path, "PRAGMA user_version"), ==, version);
  insert_version_rows (f->path, version);

  store = open_store (f, NULL);
  g_assert_cmpint (limber_store_get_file_version (store), ==, version);

  /* What the old version wrote reads back through today's API. */
  sessions = limber_store_list_sessions (store, ALL_TIME);
  g_assert_cmpuint (sessions->len, ==, 2);
  assert_session (sessions->pdata[0], 1, "morning", "Morning", WALL_START,
                  WALL_START + 10 * MINUTE, 5, 5, LIMBER_SESSION_OUTCOME_COMPLETED,
                  version >= 2 ? 7 : LIMBER_PAIN_UNSET, 3);
  assert_session (sessions->pdata[1], 2, "evening", NULL, WALL_START + HOUR,
                  WALL_START + HOUR + 5 * MINUTE, 2, 6, LIMBER_SESSION_OUTCOME_STOPPED,
                  LIMBER_PAIN_UNSET, LIMBER_PAIN_UNSET);
  g_assert_cmpuint (count_glasses (store), ==, 3);
  g_assert_true (limber_store_get_last_check (store, NULL, &outcome));
  g_assert_cmpint (outcome, ==, LIMBER_TRIAGE_OUTCOME_EMERGENCY);
  if (version >= 2)
    {
      g_autoptr(GPtrArray) episodes = limber_store_list_episodes (store);

      g_assert_cmpuint (episodes->len, ==, 1);
      g_assert_cmpstr (((LimberEpisode *) episodes->pdata[0])->notes, ==, "old notes");
      g_assert_cmpuint (limber_store_count_packs (store, LIMBER_PACK_HEAT, ALL_TIME), ==, 1);
    }

  /* Every record type, including those newer than the file, can be written. */
  record = make_session ("morning", "Morning", WALL_START + DAY, 10 * MINUTE, 5, 5,
                         LIMBER_SESSION_OUTCOME_COMPLETED, 5, LIMBER_PAIN_UNSET);
  id = limber_store_add_session (store, record, &error);
  g_assert_no_error (error);
  g_assert_true (limber_store_set_session_pain_after (store, id, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (limber_store_start_episode (store, WALL_START + DAY, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (limber_store_add_pack (store, LIMBER_PACK_COLD, WALL_START + DAY, 15 * MINUTE,
                                          &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (limber_store_add_plank_hold (store, WALL_START + DAY, 40, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (limber_store_add_reminder_event (store, WALL_START + DAY, "walk", "done",
                                                    &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_store_import_plank_hold (store, 50, 30, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_WALKS, ALL_TIME), ==, 1);
  g_assert_cmpuint (limber_store_get_plank_hold (store, 0), ==, 40);
  g_clear_object (&store);

  /* The file is now at today's version, with the same tables as a new one. */
  g_assert_cmpint (db_query_int (f->path, "PRAGMA user_version"), ==, LIMBER_STORE_VERSION);
  store = open_store (f, fresh_path);
  g_assert_cmpint (limber_store_get_file_version (store), ==, 0);
  g_clear_object (&store);
  tables = db_query_text (f->path, "SELECT group_concat (name || ':' || sql, '|') FROM"
                                   " (SELECT name, sql FROM sqlite_master ORDER BY name)");
  fresh_tables = db_query_text (fresh_path, "SELECT group_concat (name || ':' || sql, '|') FROM"
                                            " (SELECT name, sql FROM sqlite_master ORDER BY name)");
  g_assert_cmpstr (tables, ==, fresh_tables);
}

static void
test_migration_newer (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LimberStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d", LIMBER_STORE_VERSION + 1);
  guint count;

  g_assert_true (limber_store_create_version (f->path, LIMBER_STORE_VERSION, &error));
  g_assert_no_error (error);
  db_exec (f->path, "INSERT INTO glasses (time_us, source) VALUES (1, 'app')");
  db_exec (f->path, newer);
  before = read_bytes (f->path);

  store = limber_store_new (f->clock, f->path);
  g_assert_false (limber_store_open (store, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);
  g_assert_false (limber_store_get_saving (store));
  g_assert_nonnull (limber_store_get_problem (store));
  g_assert_nonnull (strstr (limber_store_get_problem (store), f->path));
  g_assert_null (limber_store_get_moved_aside_path (store));

  /* It still takes records, in memory. */
  count = count_glasses (store);
  add_glass (store, WALL_START);
  g_assert_cmpuint (count_glasses (store), ==, count + 1);
  g_clear_object (&store);

  /* The newer file is left exactly as it was. */
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (db_query_int (f->path, "PRAGMA user_version"), ==, LIMBER_STORE_VERSION + 1);
  g_assert_cmpint (db_query_int (f->path, "SELECT count(*) FROM glasses"), ==, 1);
  g_assert_false (file_exists (wal));
}

/* ---------------------------------------------------------------------------------------- */
/* Reopening */

/* The file as written: its permissions, its journal mode and version, and every record type
 * read back by a new store on it. */
static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autoptr(LimberEpisode) open = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *journal_mode = NULL;
  gint64 episode;

  /* A new file starts at version 0, and only its owner may read it or its journal. */
  g_assert_cmpint (limber_store_get_file_version (store), ==, 0);
  g_assert_cmpstr (limber_store_get_path (store), ==, f->path);
  add_one_of_each (f, store);
  episode = limber_store_start_episode (store, WALL_START + DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
  journal_mode = db_query_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_clear_object (&store);

  store = open_store (f, NULL);
  g_assert_cmpint (limber_store_get_file_version (store), ==, LIMBER_STORE_VERSION);
  assert_one_of_each (store, 2);
  open = limber_store_get_open_episode (store);
  g_assert_nonnull (open);
  g_assert_cmpint (open->id, ==, episode);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
}

/* ---------------------------------------------------------------------------------------- */
/* Deleting */

/* Whether @needle is in the file at @path, if it exists. */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  if (!file_exists (path))
    return FALSE;

  bytes = read_bytes (path);
  data = g_bytes_get_data (bytes, &length);
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    {
      if (memcmp (data + i, needle, strlen (needle)) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_delete_all (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autofree char *water = g_build_filename (f->dir, "water.ini", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GArray) holds = NULL;
  g_autoptr(GError) error = NULL;
  static const char secret[] = "Xylophone-notes-4711";
  gint64 episode;
  guint day_counts[1];
  g_autoptr(GDateTime) day = g_date_time_new (f->tz, 2026, 3, 16, 0, 0, 0);

  add_one_of_each (f, store);
  episode = limber_store_start_episode (store, WALL_START + DAY, &error);
  g_assert_no_error (error);
  g_assert_true (limber_store_end_episode (store, episode, WALL_START + DAY + HOUR, secret,
                                           &error));
  g_assert_no_error (error);
  g_assert_true (limber_store_import_plank_hold (store, 50, 30, &error));
  g_assert_no_error (error);
  write_file (water, "[water]\ndate=2026-03-15\nglasses=2\n", -1);
  g_assert_true (limber_store_import_water_file (store, water, f->tz, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_glasses (store), ==, 3);
  g_assert_true (file_contains (f->path, secret) || file_contains (wal, secret));

  g_assert_true (limber_store_delete_all (store, &error));
  g_assert_no_error (error);
  g_assert_true (limber_store_get_saving (store));

  g_assert_true (limber_store_is_empty (store));
  g_assert_cmpuint (count_glasses (store), ==, 0);
  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_SESSIONS, ALL_TIME), ==, 0);
  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_WALKS, ALL_TIME), ==, 0);
  g_assert_cmpuint (limber_store_count_routine (store, NULL, ALL_TIME), ==, 0);
  g_assert_cmpuint (limber_store_count_packs (store, LIMBER_PACK_HEAT, ALL_TIME), ==, 0);
  g_assert_cmpuint (limber_store_count_packs (store, LIMBER_PACK_COLD, ALL_TIME), ==, 0);
  g_assert_false (limber_store_get_last_check (store, NULL, NULL));
  g_assert_false (limber_store_get_last_pack (store, NULL, NULL, NULL));
  g_assert_null (limber_store_get_open_episode (store));
  g_assert_cmpuint (limber_store_get_plank_hold (store, 7), ==, 7);
  sessions = limber_store_list_sessions (store, ALL_TIME);
  g_assert_cmpuint (sessions->len, ==, 0);
  episodes = limber_store_list_episodes (store);
  g_assert_cmpuint (episodes->len, ==, 0);
  holds = limber_store_list_plank_holds (store);
  g_assert_cmpuint (holds->len, ==, 0);
  g_clear_pointer (&holds, g_array_unref);
  limber_store_count_per_day (store, LIMBER_RECORD_COUNT_GLASSES, day, 1, day_counts);
  g_assert_cmpuint (day_counts[0], ==, 0);
  g_assert_cmpint (db_query_int (f->path, "SELECT count(*) FROM check_answers"), ==, 0);

  /* The deleted words are gone from the file too, not just from the tables. */
  g_assert_false (file_contains (f->path, secret));
  g_assert_false (file_contains (wal, secret));

  /* The store keeps working... */
  add_glass (store, WALL_START);
  g_assert_cmpuint (count_glasses (store), ==, 1);
  g_assert_false (limber_store_is_empty (store));

  /* ...and what was imported before is not imported again. */
  g_assert_true (limber_store_import_plank_hold (store, 50, 30, &error));
  g_assert_no_error (error);
  holds = limber_store_list_plank_holds (store);
  g_assert_cmpuint (holds->len, ==, 0);
  write_file (water, "[water]\ndate=2026-03-15\nglasses=2\n", -1);
  g_assert_true (limber_store_import_water_file (store, water, f->tz, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_glasses (store), ==, 1);

  g_clear_object (&store);
  store = open_store (f, NULL);
  g_assert_cmpuint (count_glasses (store), ==, 1);
}

/* ---------------------------------------------------------------------------------------- */
/* Two processes */

/* Starts limber-store-writer writing @count records, pausing @pause_us after each. */
static GSubprocess *
start_writer (const char        *path,
              guint              count,
              guint              pause_us,
              GDataInputStream **lines)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "limber-store-writer", NULL);
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  g_autofree char *pause_text = g_strdup_printf ("%u", pause_us);
  g_autofree char *ready = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, writer, path, count_text,
                              pause_text, NULL);
  g_assert_no_error (error);
  *lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  /* Once it has opened the store, both write. */
  ready = g_data_input_stream_read_line_utf8 (*lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ready, ==, "ready");

  return process;
}

/* Reads the writer's counts after @committed, until @until or the end.
 * Returns: the count it printed last */
static guint
read_committed (GDataInputStream *lines,
                guint             committed,
                guint             until)
{
  while (committed < until)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
      guint64 number;

      g_assert_no_error (error);
      if (line == NULL)
        break;
      g_assert_true (g_ascii_string_to_unsigned (line, 10, 1, G_MAXUINT, &number, &error));
      g_assert_cmpuint (number, ==, committed + 1);
      committed = number;
    }

  return committed;
}

#define WRITE_PAUSE_US 100

static void
test_two_processes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 1000;
  gint64 interleaved;

  /* SQLite's busy handler waits by sleeping (1 ms, 2 ms, 5 ms...), so a process writing flat
   * out keeps the lock to itself and the two would take turns rather than mix. Each pauses a
   * little after every record, as a person would far longer, leaving the lock free. */
  writer = start_writer (f->path, n, WRITE_PAUSE_US, &lines);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (limber_store_add_glass (store, WALL_START + i * SECOND, "test", &error), >,
                       0);
      g_assert_no_error (error);
      g_usleep (WRITE_PAUSE_US);
    }
  g_assert_true (limber_store_get_saving (store));

  g_assert_cmpuint (read_committed (lines, 0, G_MAXUINT), ==, n);
  g_subprocess_wait_check (writer, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (count_glasses (store), ==, 2 * n);
  g_assert_cmpint (db_query_int (f->path, "SELECT count(*) FROM glasses WHERE source = 'test'"),
                   ==, n);
  g_assert_cmpint (db_query_int (f->path, "SELECT count(*) FROM glasses WHERE source = 'writer'"),
                   ==, n);

  /* The two really wrote at the same time: many of the writer's rows fell between ours. */
  interleaved = db_query_int (f->path,
                              "SELECT count(*) FROM glasses WHERE source = 'writer' AND id BETWEEN"
                              " (SELECT min(id) FROM glasses WHERE source = 'test') AND"
                              " (SELECT max(id) FROM glasses WHERE source = 'test')");
  g_test_message ("%" G_GINT64_FORMAT " of the writer's records fell between ours", interleaved);
  g_assert_cmpint (interleaved, >=, 100);
}

static void
test_killed_writer (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LimberStore) store = NULL;
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  guint committed;
  guint rows;
  gint64 seen = 0;

  writer = start_writer (f->path, 100000, 0, &lines);

  /* Let it get going, and see its rows from outside, then kill it mid-stream. */
  committed = read_committed (lines, 0, 300);
  g_assert_cmpuint (committed, ==, 300);
  for (guint tries = 0; seen == 0 && tries < 100; tries++)
    {
      seen = db_query_int (f->path, "SELECT count(*) FROM glasses");
      if (seen == 0)
        g_usleep (10000);
    }
  g_assert_cmpint (seen, >, 0);
  g_subprocess_send_signal (writer, SIGKILL);

  committed = read_committed (lines, committed, G_MAXUINT);
  g_subprocess_wait (writer, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (writer));
  g_assert_cmpint (g_subprocess_get_term_sig (writer), ==, SIGKILL);
  g_assert_cmpuint (committed, <, 100000);

  /* Nothing damaged, nothing moved aside, and every committed record there. */
  store = open_store (f, NULL);
  integrity = db_query_text (f->path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  rows = count_glasses (store);
  g_test_message ("the writer reported %u records committed; the file has %u", committed, rows);
  g_assert_cmpuint (rows, >=, committed);
  g_assert_cmpuint (rows, <=, committed + 1);

  /* And it still takes records. */
  add_glass (store, WALL_START);
  g_assert_cmpuint (count_glasses (store), ==, rows + 1);
}

/* ---------------------------------------------------------------------------------------- */
/* Damaged files */

typedef enum
{
  DAMAGE_RANDOM_BYTES,
  DAMAGE_TRUNCATED,
  DAMAGE_EMPTY,
  DAMAGE_DIRECTORY,
  DAMAGE_FIFO,
  DAMAGE_NEGATIVE_VERSION,
} Damage;

/* Makes a valid file of several pages, then cuts it in half. */
static void
make_truncated (Fixture *f)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autofree char *notes = g_strnfill (200, 'n');
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  for (guint i = 0; i < 300; i++)
    {
      gint64 id;

      add_glass (store, WALL_START + i * SECOND);
      id = limber_store_start_episode (store, WALL_START + i * SECOND, &error);
      g_assert_no_error (error);
      g_assert_true (limber_store_end_episode (store, id, WALL_START + i * SECOND + 1, notes,
                                               &error));
      g_assert_no_error (error);
    }
  g_clear_object (&store);

  /* Closing folded the journal into the file. */
  g_assert_false (file_exists (wal));
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >=, 16 * 4096);
  g_assert_cmpint (truncate (f->path, st.st_size / 2), ==, 0);
}

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  Damage damage = GPOINTER_TO_INT (data);
  g_autoptr(LimberStore) store = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *inside = g_build_filename (f->path, "inside.txt", NULL);
  g_autofree char *expected_aside = g_strconcat (f->path, ".corrupt-20260316T100000", NULL);
  const char *aside;

  switch (damage)
    {
    case DAMAGE_RANDOM_BYTES:
      {
        g_autofree guint32 *noise = g_new (guint32, 2048);
        g_autoptr(GRand) rand = g_rand_new_with_seed (4711);

        for (guint i = 0; i < 2048; i++)
          noise[i] = g_rand_int (rand);
        write_file (f->path, (const char *) noise, 2048 * sizeof (guint32));
      }
      break;
    case DAMAGE_TRUNCATED:
      make_truncated (f);
      break;
    case DAMAGE_EMPTY:
      write_file (f->path, "", 0);
      break;
    case DAMAGE_DIRECTORY:
      g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
      write_file (inside, "a folder where the file should be", -1);
      break;
    case DAMAGE_FIFO:
      g_assert_cmpint (mkfifo (f->path, 0600), ==, 0);
      break;
    case DAMAGE_NEGATIVE_VERSION:
      {
        /* One flipped bit in the header's user_version (offset 60, big-endian) makes it
         * negative. */
        g_autoptr(LimberStore) good = open_store (f, NULL);
        g_autofree char *contents = NULL;
        gsize length = 0;

        add_glass (good, WALL_START);
        g_clear_object (&good);
        g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 64);
        contents[60] ^= 0x80;
        write_file (f->path, contents, length);
        g_assert_cmpint (db_query_int (f->path, "PRAGMA user_version"), <, 0);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  if (damage != DAMAGE_DIRECTORY && damage != DAMAGE_FIFO)
    original = read_bytes (f->path);

  store = limber_store_new (f->clock, f->path);
  g_assert_true (limber_store_open (store, &error));
  g_assert_no_error (error);
  g_assert_true (limber_store_get_saving (store));
  g_assert_null (limber_store_get_problem (store));
  aside = limber_store_get_moved_aside_path (store);

  if (damage == DAMAGE_EMPTY)
    {
      /* SQLite takes an empty file for a new database, so there is nothing to keep. */
      g_assert_null (aside);
    }
  else
    {
      /* Named after the clock's local time: 10:00 in Lisbon. */
      g_assert_nonnull (aside);
      g_assert_true (g_str_has_prefix (aside, f->path));
      g_assert_true (g_str_has_prefix (aside + strlen (f->path), ".corrupt-"));
      g_assert_cmpstr (aside, ==, expected_aside);
      if (damage == DAMAGE_DIRECTORY)
        {
          g_autofree char *moved = g_build_filename (aside, "inside.txt", NULL);
          g_autofree char *contents = NULL;

          g_assert_true (g_file_test (aside, G_FILE_TEST_IS_DIR));
          g_file_get_contents (moved, &contents, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (contents, ==, "a folder where the file should be");
        }
      else if (damage == DAMAGE_FIFO)
        {
          GStatBuf st;

          g_assert_cmpint (g_lstat (aside, &st), ==, 0);
          g_assert_true (S_ISFIFO (st.st_mode));
        }
      else
        {
          g_autoptr(GBytes) kept = read_bytes (aside);

          g_assert_true (g_bytes_equal (kept, original));
        }
    }

  /* A fresh, empty store that saves. */
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (limber_store_is_empty (store));
  add_glass (store, WALL_START);
  g_assert_cmpuint (count_glasses (store), ==, 1);
  g_clear_object (&store);
  store = open_store (f, NULL);
  g_assert_cmpuint (count_glasses (store), ==, 1);
  g_clear_object (&store);

  /* Damaged again at the same minute: the first file moved aside is not overwritten. */
  if (damage == DAMAGE_RANDOM_BYTES)
    {
      g_autofree char *second = g_strconcat (expected_aside, "-2", NULL);
      g_autoptr(GBytes) kept = NULL;

      write_file (f->path, "not a database, but longer than a header would be, surely not", -1);
      store = limber_store_new (f->clock, f->path);
      g_assert_true (limber_store_open (store, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (limber_store_get_moved_aside_path (store), ==, second);
      kept = read_bytes (expected_aside);
      g_assert_true (g_bytes_equal (kept, original));
    }
}

/* A store from a newer Limber: exporting says so, and writes nothing. */
static void
test_export_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LimberStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d", LIMBER_STORE_VERSION + 1);
  g_autofree char *format = g_strdup_printf ("format %d", LIMBER_STORE_VERSION + 1);
  const char *names[] = { "records.csv", "records.json" };

  g_assert_true (limber_store_create_version (f->path, LIMBER_STORE_VERSION, &error));
  g_assert_no_error (error);
  db_exec (f->path, "INSERT INTO glasses (time_us, source) VALUES (1, 'app')");
  db_exec (f->path, newer);

  store = limber_store_new (f->clock, f->path);
  g_assert_false (limber_store_open (store, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NEWER_VERSION);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = g_build_filename (f->dir, names[i], NULL);

      g_assert_false (limber_store_export (store, out, &error));
      g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NEWER_VERSION);
      g_assert_nonnull (strstr (error->message, format));
      g_assert_nonnull (strstr (error->message, f->path));
      g_clear_error (&error);
      g_assert_false (file_exists (out));
    }
}

/* A store or data folder that is a symbolic link is refused; the link's target is left as
 * it was, not read, written or made private. */
static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  gboolean folder = GPOINTER_TO_INT (data);
  g_autofree char *target = g_build_filename (f->dir, "elsewhere", NULL);
  g_autofree char *target_db = g_build_filename (target, "limber.db", NULL);
  g_autofree char *link_dir = g_build_filename (f->dir, "data", NULL);
  g_autofree char *path = NULL;
  g_autoptr(LimberStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_cmpint (g_mkdir (target, 0700), ==, 0);
  store = open_store (f, target_db);
  add_glass (store, WALL_START);
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (target, 0755), ==, 0);
  g_assert_cmpint (g_chmod (target_db, 0644), ==, 0);
  before = read_bytes (target_db);

  if (folder)
    {
      g_assert_cmpint (symlink (target, link_dir), ==, 0);
      path = g_build_filename (link_dir, "limber.db", NULL);
    }
  else
    {
      path = g_strdup (f->path);
      g_assert_cmpint (symlink (target_db, path), ==, 0);
    }

  store = limber_store_new (f->clock, path);
  g_assert_false (limber_store_open (store, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NOT_SAVING);
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  g_test_message ("open: %s", error->message);
  g_clear_error (&error);
  g_assert_false (limber_store_get_saving (store));
  g_assert_nonnull (limber_store_get_problem (store));
  g_assert_null (limber_store_get_moved_aside_path (store));

  /* Nothing was read through the link, and records are still taken, in memory. */
  g_assert_cmpuint (count_glasses (store), ==, 0);
  add_glass (store, WALL_START + SECOND);
  g_assert_cmpuint (count_glasses (store), ==, 1);

  /* An export would hold only this run's records: it fails, saying why, and writes nothing. */
  if (!folder)
    {
      g_autofree char *export = g_build_filename (f->dir, "export.json", NULL);

      g_assert_false (limber_store_export (store, export, &error));
      g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NOT_SAVING);
      g_assert_nonnull (strstr (error->message, "symbolic link"));
      g_clear_error (&error);
      g_assert_false (file_exists (export));
    }
  g_clear_object (&store);

  after = read_bytes (target_db);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (file_mode (target_db), ==, 0644);
  g_assert_cmpuint (file_mode (target), ==, 0755);
}

/* An existing folder and files readable by others are made the user's only. */
static void
test_private (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "data", NULL);
  g_autofree char *path = g_build_filename (dir, "limber.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(LimberStore) first = NULL;
  g_autoptr(LimberStore) second = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  first = open_store (f, path);
  add_glass (first, WALL_START);
  g_assert_true (file_exists (wal));
  g_assert_true (file_exists (shm));
  {
    /* The file that tells the other process of each commit is the user's only. */
    g_autofree char *changed = g_strconcat (path, "-changed", NULL);

    g_assert_cmpuint (file_mode (changed), ==, 0600);
  }
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (wal, 0644), ==, 0);
  g_assert_cmpint (g_chmod (shm, 0644), ==, 0);

  second = open_store (f, path);
  g_assert_cmpuint (count_glasses (second), ==, 1);
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
}

/* ---------------------------------------------------------------------------------------- */
/* A lock held for long by another process */

/* Another process's connection holding the write lock until lock_release(). */
static sqlite3 *
lock_hold (const char *path)
{
  sqlite3 *db = db_open (path);

  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO glasses (time_us, source)"
                                 " VALUES (0, 'locker')", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
lock_release (sqlite3 *db)
{
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Advances the fake clock by up to a few minutes until the store saves again. */
static void
wait_for_saving (Fixture     *f,
                 LimberStore *store)
{
  for (guint i = 0; i < 300 && !limber_store_get_saving (store); i++)
    limber_fake_clock_advance (LIMBER_FAKE_CLOCK (f->clock), SECOND);
  g_assert_true (limber_store_get_saving (store));
}

/* A record made while another process holds the lock longer than the busy timeout is
 * answered at once, kept, and reaches the file when the lock goes. */
static void
test_lock_write (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autoptr(GError) error = NULL;
  LimberFakeClock *fake = LIMBER_FAKE_CLOCK (f->clock);
  sqlite3 *locker;
  gint64 started, spent, episode;
  gint64 gap = 0;
  guint retries = 0;

  add_glass (store, WALL_START);
  locker = lock_hold (f->path);

  started = g_get_monotonic_time ();
  add_glass (store, WALL_START + SECOND);
  spent = g_get_monotonic_time () - started;
  g_test_message ("a write under the lock took %" G_GINT64_FORMAT " ms", spent / 1000);
  /* Not the 5 s busy wait that froze the window (the bound allows for a busy machine). */
  g_assert_cmpint (spent, <, 3 * SECOND);

  g_assert_false (limber_store_get_saving (store));
  g_assert_nonnull (limber_store_get_problem (store));
  g_assert_nonnull (strstr (limber_store_get_problem (store), f->path));
  g_assert_cmpuint (count_glasses (store), ==, 2);
  episode = limber_store_start_episode (store, WALL_START + 2 * SECOND, &error);
  g_assert_no_error (error);
  g_assert_cmpint (episode, >, 0);

  /* Tries while the lock is still held change nothing, and come further apart. */
  while (limber_fake_clock_get_n_pending (fake) > 0 && retries < 3)
    {
      gint64 next = limber_fake_clock_get_next_deadline (fake);

      g_assert_cmpint (next - limber_clock_now_monotonic_us (f->clock), >, gap);
      gap = next - limber_clock_now_monotonic_us (f->clock);
      limber_fake_clock_advance_to (fake, next);
      retries++;
    }
  g_assert_cmpuint (retries, ==, 3);
  g_assert_false (limber_store_get_saving (store));
  g_assert_cmpuint (count_glasses (store), ==, 2);

  lock_release (locker);
  wait_for_saving (f, store);
  g_assert_null (limber_store_get_problem (store));

  /* Ours and the other process's, all in the file; the episode ends under its new id. */
  g_assert_cmpint (db_query_int (f->path, "SELECT count(*) FROM glasses"), ==, 3);
  g_assert_cmpint (db_query_int (f->path, "SELECT count(*) FROM glasses WHERE time_us ="
                                 " 1773655201000000"), ==, 1);
  g_assert_cmpuint (count_glasses (store), ==, 3);
  g_assert_true (limber_store_end_episode (store, episode, WALL_START + HOUR, "ok", &error));
  g_assert_no_error (error);
  g_assert_cmpint (db_query_int (f->path, "SELECT count(*) FROM episodes WHERE ended_us IS NOT"
                                 " NULL AND notes = 'ok'"), ==, 1);
  g_assert_cmpint (limber_fake_clock_get_n_pending (fake), ==, 0);

  /* And the file takes records directly again. */
  add_glass (store, WALL_START + 3 * SECOND);
  g_assert_true (limber_store_get_saving (store));
  g_assert_cmpint (db_query_int (f->path, "SELECT count(*) FROM glasses"), ==, 4);
}

/* A store opened while another process holds the lock works in memory with what the file
 * holds, and moves to the file once the lock goes. */
static void
test_lock_open (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *locker;

  add_glass (store, WALL_START);
  g_clear_object (&store);

  locker = lock_hold (f->path);
  store = limber_store_new (f->clock, f->path);
  g_assert_false (limber_store_open (store, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NOT_SAVING);
  g_clear_error (&error);
  g_assert_false (limber_store_get_saving (store));
  g_assert_nonnull (limber_store_get_problem (store));
  g_assert_cmpuint (count_glasses (store), ==, 1);
  add_glass (store, WALL_START + SECOND);
  g_assert_cmpuint (count_glasses (store), ==, 2);

  lock_release (locker);
  wait_for_saving (f, store);
  g_assert_null (limber_store_get_problem (store));
  g_assert_cmpint (db_query_int (f->path, "SELECT count(*) FROM glasses"), ==, 3);
  g_assert_cmpuint (count_glasses (store), ==, 3);
}

/* A store that goes away while records are kept tries the file one last time. */
static void
test_lock_at_exit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  sqlite3 *locker = lock_hold (f->path);

  add_glass (store, WALL_START);
  g_assert_false (limber_store_get_saving (store));
  lock_release (locker);
  g_clear_object (&store);

  g_assert_cmpint (db_query_int (f->path, "SELECT count(*) FROM glasses"), ==, 2);
}

/* A disk that fills up and then has room again: a small tmpfs (so only as root) filled with
 * another file. The records made meanwhile are kept and reach the file once there is room. */
static void
test_full_disk_kept (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *mount_dir = g_build_filename (f->dir, "small", NULL);
  g_autofree char *path = g_build_filename (mount_dir, "limber.db", NULL);
  g_autofree char *filler = g_build_filename (mount_dir, "filler", NULL);
  g_autoptr(LimberStore) store = NULL;
  g_autofree char *block = g_malloc0 (4096);
  guint written = 0;
  guint kept = 0;
  int fd;

  g_assert_cmpint (g_mkdir (mount_dir, 0700), ==, 0);
  if (geteuid () != 0 || mount ("tmpfs", mount_dir, "tmpfs", 0, "size=1m") != 0)
    {
      g_test_skip ("needs root to mount a small tmpfs");
      return;
    }

  store = open_store (f, path);
  for (; written < 10; written++)
    add_glass (store, WALL_START + written * SECOND);

  /* Everything else on the disk is taken. */
  fd = open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, 4096) == 4096)
    ;
  close (fd);

  while (limber_store_get_saving (store) && written < 5000)
    add_glass (store, WALL_START + written++ * SECOND);
  g_assert_false (limber_store_get_saving (store));
  g_assert_nonnull (strstr (limber_store_get_problem (store), "right now"));
  for (; kept < 20; kept++)
    add_glass (store, WALL_START + (written + kept) * SECOND);
  g_assert_cmpuint (count_glasses (store), ==, written + kept);

  /* Still full: nothing changes. */
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (f->clock), 10 * SECOND);
  g_assert_false (limber_store_get_saving (store));

  g_assert_cmpint (g_unlink (filler), ==, 0);
  wait_for_saving (f, store);
  g_assert_null (limber_store_get_problem (store));
  g_test_message ("%u records before the disk filled up, %u kept while it was full", written,
                  kept);
  g_assert_cmpint (db_query_int (path, "SELECT count(*) FROM glasses"), ==, written + kept);
  g_assert_cmpint (db_query_int (path, "SELECT count(DISTINCT time_us) FROM glasses"), ==,
                   written + kept);

  g_clear_object (&store);
  g_assert_cmpint (umount2 (mount_dir, MNT_DETACH), ==, 0);
}

/* ---------------------------------------------------------------------------------------- */
/* A read-only folder and a full disk, in subprocesses */

static void
drop_to_nobody (void)
{
  g_assert_cmpint (setgroups (0, NULL), ==, 0);
  g_assert_cmpint (setgid (NOBODY), ==, 0);
  g_assert_cmpint (setuid (NOBODY), ==, 0);
  g_assert_cmpint (geteuid (), ==, NOBODY);
}

/* Root may not be able to become nobody (no CAP_SETUID, or an unmapped user namespace). The
 * child only makes system calls, so forking this threaded process is safe. */
static gboolean
can_drop_to_nobody (void)
{
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    _exit (setgroups (0, NULL) == 0 && setgid (NOBODY) == 0 && setuid (NOBODY) == 0 ? 0 : 1);
  if (pid < 0 || waitpid (pid, &status, 0) != pid)
    return FALSE;

  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* Whether nobody can reach @path: every folder on the way must let others through. */
static gboolean
others_can_traverse (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (g_stat (path, &st) != 0 || (st.st_mode & S_IXOTH) == 0)
    return FALSE;
  if (g_str_equal (dir, path))
    return TRUE;

  return others_can_traverse (dir);
}

/* Runs this test's body again in a subprocess, which works in the same folder. */
static void
run_in_subprocess (void)
{
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

typedef enum
{
  READ_ONLY_NEW_FILE,
  READ_ONLY_EXISTING_FILE,
  READ_ONLY_NO_FOLDER,
} ReadOnly;

static void
read_only_child (Fixture  *f,
                 ReadOnly  variant)
{
  g_autofree char *dir = g_build_filename (f->dir, "read-only", NULL);
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(LimberStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  if (geteuid () == 0)
    drop_to_nobody ();
  g_assert_cmpint (g_access (dir, W_OK), !=, 0);

  if (variant == READ_ONLY_NO_FOLDER)
    path = g_build_filename (dir, "sub", "limber.db", NULL);
  else
    path = g_build_filename (dir, "limber.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);

  store = limber_store_new (f->clock, path);
  g_assert_false (limber_store_open (store, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NOT_SAVING);
  g_test_message ("open: %s", error->message);
  g_clear_error (&error);
  g_assert_false (limber_store_get_saving (store));
  g_assert_nonnull (limber_store_get_problem (store));
  g_assert_nonnull (strstr (limber_store_get_problem (store), path));
  g_assert_null (limber_store_get_moved_aside_path (store));

  if (variant == READ_ONLY_EXISTING_FILE)
    {
      /* What the file holds is there to read, copied into memory. */
      assert_one_of_each (store, 1);
      g_assert_cmpint (limber_store_get_file_version (store), ==, LIMBER_STORE_VERSION);
    }
  else
    g_assert_true (limber_store_is_empty (store));

  /* Records are still taken, and counted. */
  before = count_glasses (store);
  add_glass (store, WALL_START + DAY);
  add_glass (store, WALL_START + DAY + 1);
  g_assert_cmpuint (count_glasses (store), ==, before + 2);
  g_assert_cmpint (add_session (store, "morning", WALL_START + DAY, 2,
                                LIMBER_SESSION_OUTCOME_COMPLETED), >, 0);
  g_assert_cmpint (limber_store_start_episode (store, WALL_START + DAY, &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (limber_store_get_saving (store));
  g_assert_false (file_exists (wal));
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  ReadOnly variant = GPOINTER_TO_INT (data);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  if (g_test_subprocess ())
    {
      read_only_child (f, variant);
      return;
    }

  dir = g_build_filename (f->dir, "read-only", NULL);
  path = g_build_filename (dir, "limber.db", NULL);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);

  if (variant == READ_ONLY_EXISTING_FILE)
    {
      g_autoptr(LimberStore) store = open_store (f, path);

      add_one_of_each (f, store);
      g_clear_object (&store);
      before = read_bytes (path);
    }

  if (geteuid () == 0)
    {
      /* Root writes anywhere: the folder is root's, and the test runs as nobody, who owns
       * the file as a user owns theirs. */
      if (!can_drop_to_nobody ())
        {
          g_test_skip ("Running as root, and cannot switch to user nobody");
          return;
        }
      g_assert_cmpint (g_chmod (g_getenv (STORE_DIR_ENV), 0755), ==, 0);
      g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      if (!others_can_traverse (dir))
        {
          g_test_skip ("Running as root, and user nobody cannot reach the temporary folder");
          return;
        }
      if (before != NULL)
        g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
    }
  else
    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  run_in_subprocess ();

  /* The folder holds what it held, unchanged. (The file that tells the other process of a
   * commit was written while setting up, before the folder became read-only.) */
  listing = g_dir_open (dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (listing)) != NULL;)
    if (!g_str_has_suffix (name, "-changed"))
      n_files++;
  g_assert_cmpuint (n_files, ==, before != NULL ? 1 : 0);
  if (before != NULL)
    {
      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

/* Bytes a store may still write past the file sizes it had when the limit was set. */
#define FULL_DISK_ROOM (16 * 1024)
#define FULL_DISK_WRITES 500

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static void
full_disk_child (Fixture *f)
{
  const char *path = f->path;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *water = g_build_filename (f->dir, "water.ini", NULL);
  g_autofree char *imported = g_strconcat (water, ".imported", NULL);
  g_autoptr(LimberStore) store = open_store (f, path);
  g_autoptr(GError) error = NULL;
  struct rlimit limit;
  int fell_back_at = -1;

  for (guint i = 0; i < 10; i++)
    add_glass (store, WALL_START + i * SECOND);

  /* From here on no file may grow much: as on a disk that is nearly full. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  limit.rlim_cur = MIN ((rlim_t) (MAX (file_size (path), file_size (wal)) + FULL_DISK_ROOM),
                        limit.rlim_max);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  for (int i = 0; i < FULL_DISK_WRITES; i++)
    {
      g_assert_cmpint (limber_store_add_glass (store, WALL_START + HOUR + i * SECOND, "app",
                                               &error), >, 0);
      g_assert_no_error (error);
      if (fell_back_at < 0 && !limber_store_get_saving (store))
        fell_back_at = i;
    }
  g_test_message ("the store moved to memory at write %d", fell_back_at);

  g_assert_cmpint (fell_back_at, >=, 0);
  g_assert_false (limber_store_get_saving (store));
  g_assert_nonnull (limber_store_get_problem (store));
  g_assert_nonnull (strstr (limber_store_get_problem (store), path));

  /* Nothing was dropped: every record before and after the disk filled up is counted. */
  g_assert_cmpuint (count_glasses (store), ==, 10 + FULL_DISK_WRITES);

  /* An import into memory is shown, but its file stays to be imported for good next time. */
  write_file (water, "[water]\ndate=2026-03-15\nglasses=2\n", -1);
  g_assert_true (limber_store_import_water_file (store, water, f->tz, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_glasses (store), ==, 10 + FULL_DISK_WRITES + 2);
  g_assert_true (file_exists (water));
  g_assert_false (file_exists (imported));
}

static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LimberStore) store = NULL;
  g_autofree char *integrity = NULL;
  guint rows;

  if (g_test_subprocess ())
    {
      full_disk_child (f);
      return;
    }

  run_in_subprocess ();

  /* Without the limit, the file opens as it is: what reached it, whole. */
  store = open_store (f, NULL);
  integrity = db_query_text (f->path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  rows = count_glasses (store);
  g_test_message ("%u records reached the file", rows);
  g_assert_cmpuint (rows, >=, 10);
  g_assert_cmpuint (rows, <, 10 + FULL_DISK_WRITES);
}

/* ---------------------------------------------------------------------------------------- */

static void
add_test (const char    *path,
          gconstpointer  data,
          void         (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, data, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *base = NULL;
  int status;

  /* Exports and moved-aside names use local time; make it known. */
  g_setenv ("TZ", "Europe/Lisbon", TRUE);

  /* Set before any thread starts; a subprocess inherits its parent's. */
  if (g_getenv (STORE_DIR_ENV) == NULL)
    {
      g_autoptr(GError) error = NULL;

      base = g_dir_make_tmp ("limber-store-XXXXXX", &error);
      if (base == NULL)
        g_error ("%s", error->message);
      g_setenv (STORE_DIR_ENV, base, TRUE);
    }

  g_test_init (&argc, &argv, NULL);

  for (int version = 1; version < LIMBER_STORE_VERSION; version++)
    {
      g_autofree char *path = g_strdup_printf ("/store/migration/from-%d", version);

      add_test (path, GINT_TO_POINTER (version), test_migration);
    }
  add_test ("/store/migration/newer", NULL, test_migration_newer);

  add_test ("/store/round-trip/reopen", NULL, test_reopen);

  add_test ("/store/delete-all", NULL, test_delete_all);

  add_test ("/store/processes/both-writing", NULL, test_two_processes);
  add_test ("/store/processes/killed-writer", NULL, test_killed_writer);
  add_test ("/store/lock/write", NULL, test_lock_write);
  add_test ("/store/lock/open", NULL, test_lock_open);
  add_test ("/store/lock/at-exit", NULL, test_lock_at_exit);

  add_test ("/store/damaged/random-bytes", GINT_TO_POINTER (DAMAGE_RANDOM_BYTES), test_damaged);
  add_test ("/store/damaged/truncated", GINT_TO_POINTER (DAMAGE_TRUNCATED), test_damaged);
  add_test ("/store/damaged/empty", GINT_TO_POINTER (DAMAGE_EMPTY), test_damaged);
  add_test ("/store/damaged/directory", GINT_TO_POINTER (DAMAGE_DIRECTORY), test_damaged);
  add_test ("/store/damaged/fifo", GINT_TO_POINTER (DAMAGE_FIFO), test_damaged);
  add_test ("/store/damaged/negative-version", GINT_TO_POINTER (DAMAGE_NEGATIVE_VERSION),
            test_damaged);
  add_test ("/store/export/newer", NULL, test_export_newer);
  add_test ("/store/symlink/file", GINT_TO_POINTER (FALSE), test_symlink);
  add_test ("/store/symlink/folder", GINT_TO_POINTER (TRUE), test_symlink);
  add_test ("/store/private", NULL, test_private);

  add_test ("/store/read-only/new-file", GINT_TO_POINTER (READ_ONLY_NEW_FILE), test_read_only);
  add_test ("/store/read-only/existing-file", GINT_TO_POINTER (READ_ONLY_EXISTING_FILE),
            test_read_only);
  add_test ("/store/read-only/no-folder", GINT_TO_POINTER (READ_ONLY_NO_FOLDER), test_read_only);
  add_test ("/store/full-disk", NULL, test_full_disk);
  add_test ("/store/full-disk-kept", NULL, test_full_disk_kept);

  status = g_test_run ();
  if (base != NULL)
    remove_tree (base);

  return status;
}
