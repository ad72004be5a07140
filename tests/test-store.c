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
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "limber-fake-clock.h"
#include "limber-store.h"
#include "limber-store-testing.h"

/*
 * The store against real SQLite files in a fresh temporary folder per test: migrations,
 * every record type, day counts across daylight saving, export, deleting, imports, a second
 * process writing at the same time or killed mid-way, damaged files, a read-only folder and
 * a full disk.
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

static gint64
local_us (Fixture *f,
          int      year,
          int      month,
          int      day,
          int      hour,
          int      minute)
{
  g_autoptr(GDateTime) time = g_date_time_new (f->tz, year, month, day, hour, minute, 0);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time) * SECOND;
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

/* Exports to @name in the fixture's folder and returns the file's path. */
static char *
export_to (Fixture     *f,
           LimberStore *store,
           const char  *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_store_export (store, path, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static JsonNode *
export_json (Fixture     *f,
             LimberStore *store)
{
  g_autofree char *path = export_to (f, store, "export.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_parser_steal_root (parser);
}

static JsonArray *
json_records (JsonNode   *root,
              const char *member)
{
  JsonObject *object = json_node_get_object (root);

  g_assert_true (json_object_has_member (object, member));
  return json_object_get_array_member (object, member);
}

/* Splits RFC 4180 text into rows of fields; every row must end in CRLF. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      GString *field = g_string_new (NULL);

      if (*p == '"')
        {
          for (p++; ; p++)
            {
              g_assert_cmpint (*p, !=, '\0');   /* a quoted field runs to the end */
              if (*p == '"' && p[1] == '"')
                p++;
              else if (*p == '"')
                break;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        {
          for (; *p != '\0' && *p != ',' && *p != '\r' && *p != '\n'; p++)
            {
              g_assert_cmpint (*p, !=, '"');    /* quotes only in quoted fields */
              g_string_append_c (field, *p);
            }
        }
      g_ptr_array_add (fields, g_string_free (field, FALSE));

      if (*p == ',')
        {
          p++;
          continue;
        }

      g_assert_true (p[0] == '\r' && p[1] == '\n');
      p += 2;
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
    }

  g_assert_cmpuint (fields->len, ==, 0);
  return rows;
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
/* Round trips */

static void
count_changed (LimberStore *store,
               guint       *n_changed)
{
  (*n_changed)++;
}

static void
test_session (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autoptr(LimberSessionRecord) first = NULL;
  g_autoptr(LimberSessionRecord) second = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) pain = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t1 = WALL_START + 2 * HOUR;
  gint64 id1, id2;
  guint n_changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed), &n_changed);

  first = make_session ("morning", "Morning", WALL_START, 10 * MINUTE, 3, 5,
                        LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN, 6, 4);
  id1 = limber_store_add_session (store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id1, >, 0);
  g_assert_cmpint (limber_session_record_get_id (first), ==, id1);

  /* No exercise done, no name, no pain ratings yet. */
  second = make_session ("evening", NULL, t1, 5 * MINUTE, 0, 4, LIMBER_SESSION_OUTCOME_STOPPED,
                         LIMBER_PAIN_UNSET, LIMBER_PAIN_UNSET);
  id2 = limber_store_add_session (store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id2, !=, id1);
  g_assert_cmpuint (n_changed, ==, 2);

  sessions = limber_store_list_sessions (store, ALL_TIME);
  g_assert_cmpuint (sessions->len, ==, 2);
  assert_session (sessions->pdata[0], id1, "morning", "Morning", WALL_START,
                  WALL_START + 10 * MINUTE, 3, 5, LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN, 6, 4);
  assert_session (sessions->pdata[1], id2, "evening", NULL, t1, t1 + 5 * MINUTE, 0, 4,
                  LIMBER_SESSION_OUTCOME_STOPPED, LIMBER_PAIN_UNSET, LIMBER_PAIN_UNSET);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Ranges are [from, to). */
  sessions = limber_store_list_sessions (store, t1, t1 + 1);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpint (limber_session_record_get_id (sessions->pdata[0]), ==, id2);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = limber_store_list_sessions (store, WALL_START + 1, t1);
  g_assert_cmpuint (sessions->len, ==, 0);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Only sessions with an exercise done count. */
  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_SESSIONS, ALL_TIME), ==, 1);
  g_assert_cmpuint (limber_store_count_routine (store, "morning", ALL_TIME), ==, 1);
  g_assert_cmpuint (limber_store_count_routine (store, "evening", ALL_TIME), ==, 0);
  g_assert_cmpuint (limber_store_count_routine (store, NULL, ALL_TIME), ==, 1);

  /* The pain after is asked for once the session has ended. */
  g_assert_true (limber_store_set_session_pain_after (store, id2, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 3);
  sessions = limber_store_list_sessions (store, ALL_TIME);
  assert_session (sessions->pdata[1], id2, "evening", NULL, t1, t1 + 5 * MINUTE, 0, 4,
                  LIMBER_SESSION_OUTCOME_STOPPED, LIMBER_PAIN_UNSET, 2);
  pain = limber_store_list_pain_after (store, ALL_TIME);
  g_assert_cmpuint (pain->len, ==, 2);
  g_assert_cmpint (g_array_index (pain, LimberRecordPoint, 0).time_us, ==,
                   WALL_START + 10 * MINUTE);
  g_assert_cmpint (g_array_index (pain, LimberRecordPoint, 0).value, ==, 4);
  g_assert_cmpint (g_array_index (pain, LimberRecordPoint, 1).time_us, ==, t1 + 5 * MINUTE);
  g_assert_cmpint (g_array_index (pain, LimberRecordPoint, 1).value, ==, 2);
  g_clear_pointer (&pain, g_array_unref);

  /* Out of range, or no such session: refused, and nothing changes. */
  g_assert_false (limber_store_set_session_pain_after (store, id2, 11, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (limber_store_set_session_pain_after (store, id2, -2, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (limber_store_set_session_pain_after (store, id2 + 100, 3, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (limber_store_get_saving (store));

  /* Unset again. */
  g_assert_true (limber_store_set_session_pain_after (store, id2, LIMBER_PAIN_UNSET, &error));
  g_assert_no_error (error);
  pain = limber_store_list_pain_after (store, ALL_TIME);
  g_assert_cmpuint (pain->len, ==, 1);
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  guint n_questions = limber_triage_get_n_questions ();
  g_autofree LimberTriageAnswer *answers = g_new0 (LimberTriageAnswer, n_questions);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  LimberTriageOutcome outcome = LIMBER_TRIAGE_OUTCOME_EMERGENCY;
  JsonArray *checks;
  JsonObject *check, *recorded;
  gint64 time_us = 0;

  g_assert_false (limber_store_get_last_check (store, &time_us, &outcome));
  g_assert_cmpuint (n_questions, >=, 5);

  answers[0] = LIMBER_TRIAGE_ANSWER_NO;
  answers[4] = LIMBER_TRIAGE_ANSWER_YES;
  g_assert_cmpint (limber_store_add_check (store, WALL_START, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON,
                                           answers, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_store_get_last_check (store, &time_us, &outcome));
  g_assert_cmpint (time_us, ==, WALL_START);
  g_assert_cmpint (outcome, ==, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON);

  /* The latest by time, whatever the order of writing. */
  for (guint i = 0; i < n_questions; i++)
    answers[i] = LIMBER_TRIAGE_ANSWER_NO;
  g_assert_cmpint (limber_store_add_check (store, WALL_START + HOUR,
                                           LIMBER_TRIAGE_OUTCOME_SELF_CARE, answers, &error), >,
                   0);
  g_assert_no_error (error);
  g_assert_cmpint (limber_store_add_check (store, WALL_START - HOUR,
                                           LIMBER_TRIAGE_OUTCOME_EMERGENCY, answers, &error), >,
                   0);
  g_assert_no_error (error);
  g_assert_true (limber_store_get_last_check (store, &time_us, &outcome));
  g_assert_cmpint (time_us, ==, WALL_START + HOUR);
  g_assert_cmpint (outcome, ==, LIMBER_TRIAGE_OUTCOME_SELF_CARE);

  /* The answers are kept: exactly the questions answered, with their answers. */
  root = export_json (f, store);
  checks = json_records (root, "checks");
  g_assert_cmpuint (json_array_get_length (checks), ==, 3);
  check = json_array_get_object_element (checks, 1);
  g_assert_cmpstr (json_object_get_string_member (check, "outcome"), ==, "doctor");
  recorded = json_object_get_object_member (check, "answers");
  g_assert_nonnull (recorded);
  g_assert_cmpuint (json_object_get_size (recorded), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (recorded, limber_triage_get_question (0)->id),
                   ==, "no");
  g_assert_cmpstr (json_object_get_string_member (recorded, limber_triage_get_question (4)->id),
                   ==, "yes");

  check = json_array_get_object_element (checks, 2);
  g_assert_cmpstr (json_object_get_string_member (check, "outcome"), ==, "self-care");
  recorded = json_object_get_object_member (check, "answers");
  g_assert_cmpuint (json_object_get_size (recorded), ==, n_questions);
  for (guint i = 0; i < n_questions; i++)
    g_assert_cmpstr (json_object_get_string_member (recorded,
                                                    limber_triage_get_question (i)->id), ==, "no");
}

static void
test_glass (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *glasses;

  g_assert_true (limber_store_is_empty (store));
  g_assert_cmpint (limber_store_add_glass (store, WALL_START, "app", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (limber_store_add_glass (store, WALL_START + HOUR, "reminder", &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (limber_store_is_empty (store));

  g_assert_cmpuint (count_glasses (store), ==, 2);
  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_GLASSES, WALL_START,
                                        WALL_START + HOUR), ==, 1);
  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_GLASSES, WALL_START + 1,
                                        WALL_START + HOUR + 1), ==, 1);
  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_SESSIONS, ALL_TIME), ==, 0);

  root = export_json (f, store);
  glasses = json_records (root, "glasses");
  g_assert_cmpuint (json_array_get_length (glasses), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (glasses, 0),
                                                  "source"), ==, "app");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (glasses, 1),
                                                  "source"), ==, "reminder");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (glasses, 1),
                                                  "time"), ==, "2026-03-16T11:00:00+00:00");
}

static void
test_episode (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autoptr(LimberEpisode) open = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GError) error = NULL;
  LimberEpisode *episode;
  gint64 id, again, next;

  g_assert_null (limber_store_get_open_episode (store));

  id = limber_store_start_episode (store, WALL_START, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  open = limber_store_get_open_episode (store);
  g_assert_nonnull (open);
  g_assert_cmpint (open->id, ==, id);
  g_assert_cmpint (open->started_us, ==, WALL_START);
  g_assert_cmpint (open->ended_us, ==, 0);
  g_assert_null (open->notes);
  g_clear_pointer (&open, limber_episode_free);

  /* Pressed again while it lasts: still the same episode, and still its first start. */
  again = limber_store_start_episode (store, WALL_START + HOUR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  episodes = limber_store_list_episodes (store);
  g_assert_cmpuint (episodes->len, ==, 1);
  g_clear_pointer (&episodes, g_ptr_array_unref);

  g_assert_true (limber_store_end_episode (store, id, WALL_START + 2 * HOUR, episode_notes,
                                           &error));
  g_assert_no_error (error);
  g_assert_null (limber_store_get_open_episode (store));

  /* Ending it twice is refused. */
  g_assert_false (limber_store_end_episode (store, id, WALL_START + 3 * HOUR, "again", &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A new one, ended without notes. */
  next = limber_store_start_episode (store, WALL_START + DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next, !=, id);
  open = limber_store_get_open_episode (store);
  g_assert_cmpint (open->id, ==, next);
  g_assert_true (limber_store_end_episode (store, next, WALL_START + DAY + HOUR, "", &error));
  g_assert_no_error (error);

  episodes = limber_store_list_episodes (store);
  g_assert_cmpuint (episodes->len, ==, 2);
  episode = episodes->pdata[0];
  g_assert_cmpint (episode->id, ==, id);
  g_assert_cmpint (episode->started_us, ==, WALL_START);
  g_assert_cmpint (episode->ended_us, ==, WALL_START + 2 * HOUR);
  g_assert_cmpstr (episode->notes, ==, episode_notes);
  episode = episodes->pdata[1];
  g_assert_cmpint (episode->id, ==, next);
  g_assert_cmpint (episode->ended_us, ==, WALL_START + DAY + HOUR);
  g_assert_null (episode->notes);
}

static void
test_pack (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autoptr(GError) error = NULL;
  LimberPackKind kind = LIMBER_PACK_HEAT;
  gint64 started_us = 0, duration_us = 0;

  g_assert_cmpstr (limber_pack_kind_to_string (LIMBER_PACK_COLD), ==, "cold");
  g_assert_cmpstr (limber_pack_kind_to_string (LIMBER_PACK_HEAT), ==, "heat");
  g_assert_false (limber_store_get_last_pack (store, &kind, &started_us, &duration_us));

  /* Kept in whole seconds, rounded to the nearest. */
  g_assert_cmpint (limber_store_add_pack (store, LIMBER_PACK_COLD, WALL_START,
                                          15 * MINUTE + 499999, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_store_get_last_pack (store, &kind, &started_us, &duration_us));
  g_assert_cmpint (kind, ==, LIMBER_PACK_COLD);
  g_assert_cmpint (started_us, ==, WALL_START);
  g_assert_cmpint (duration_us, ==, 15 * MINUTE);

  g_assert_cmpint (limber_store_add_pack (store, LIMBER_PACK_HEAT, WALL_START + 3 * HOUR,
                                          20 * MINUTE + 500000, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_store_get_last_pack (store, &kind, &started_us, &duration_us));
  g_assert_cmpint (kind, ==, LIMBER_PACK_HEAT);
  g_assert_cmpint (started_us, ==, WALL_START + 3 * HOUR);
  g_assert_cmpint (duration_us, ==, 20 * MINUTE + SECOND);

  /* The last is the latest started, not the latest written. */
  g_assert_cmpint (limber_store_add_pack (store, LIMBER_PACK_COLD, WALL_START + HOUR, 0, &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_store_get_last_pack (store, &kind, NULL, NULL));
  g_assert_cmpint (kind, ==, LIMBER_PACK_HEAT);

  g_assert_cmpuint (limber_store_count_packs (store, LIMBER_PACK_COLD, ALL_TIME), ==, 2);
  g_assert_cmpuint (limber_store_count_packs (store, LIMBER_PACK_HEAT, ALL_TIME), ==, 1);
  g_assert_cmpuint (limber_store_count_packs (store, LIMBER_PACK_COLD, WALL_START,
                                              WALL_START + HOUR), ==, 1);
  g_assert_cmpuint (limber_store_count_packs (store, LIMBER_PACK_HEAT, WALL_START,
                                              WALL_START + 3 * HOUR), ==, 0);
}

static void
test_plank_hold (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autoptr(GArray) holds = NULL;
  g_autoptr(GError) error = NULL;
  static const LimberRecordPoint expected[] = {
    { WALL_START, 30 },
    { WALL_START + DAY, 60 },
    { WALL_START + DAY, 75 },
  };

  g_assert_cmpuint (limber_store_get_plank_hold (store, 42), ==, 42);
  holds = limber_store_list_plank_holds (store);
  g_assert_cmpuint (holds->len, ==, 0);
  g_clear_pointer (&holds, g_array_unref);

  /* Written out of order; two at the same time keep the order they were written in. */
  g_assert_cmpint (limber_store_add_plank_hold (store, WALL_START + DAY, 60, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (limber_store_add_plank_hold (store, WALL_START, 30, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (limber_store_get_plank_hold (store, 42), ==, 60);
  g_assert_cmpint (limber_store_add_plank_hold (store, WALL_START + DAY, 75, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (limber_store_add_plank_hold (store, WALL_START, 0, &error), ==, 0);
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
  g_clear_error (&error);

  holds = limber_store_list_plank_holds (store);
  g_assert_cmpuint (holds->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (g_array_index (holds, LimberRecordPoint, i).time_us, ==,
                       expected[i].time_us);
      g_assert_cmpint (g_array_index (holds, LimberRecordPoint, i).value, ==, expected[i].value);
    }
  g_assert_cmpuint (limber_store_get_plank_hold (store, 42), ==, 75);
}

static void
test_reminder_event (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const events[][2] = {
    { "walk", "done" }, { "walk", "shown" }, { "walk", "snoozed" }, { "hydration", "done" },
    { "posture", "done" }, { "walk", "done" }, { "hydration", "drank" },
  };
  JsonArray *reminders;

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_assert_cmpint (limber_store_add_reminder_event (store, WALL_START + i * MINUTE,
                                                        events[i][0], events[i][1], &error),
                       >, 0);
      g_assert_no_error (error);
    }
  /* One more walk done, the next day. */
  g_assert_cmpint (limber_store_add_reminder_event (store, WALL_START + DAY, "walk", "done",
                                                    &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_WALKS, ALL_TIME), ==, 3);
  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_WALKS, WALL_START,
                                        WALL_START + DAY), ==, 2);
  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_WALKS, WALL_START + 1,
                                        WALL_START + DAY + 1), ==, 2);
  g_assert_cmpuint (count_glasses (store), ==, 0);

  root = export_json (f, store);
  reminders = json_records (root, "reminders");
  g_assert_cmpuint (json_array_get_length (reminders), ==, G_N_ELEMENTS (events) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      JsonObject *event = json_array_get_object_element (reminders, i);

      g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, events[i][0]);
      g_assert_cmpstr (json_object_get_string_member (event, "action"), ==, events[i][1]);
    }
}

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
/* Days and streaks */

static void
test_count_per_day_dst (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  gboolean spring = GPOINTER_TO_INT (data) == 3;
  g_autoptr(GDateTime) first_day = NULL;
  guint counts[4] = { 99, 99, 99, 99 };

  if (spring)
    {
      /* Sunday 2026-03-29 has 23 hours: 01:00 WET becomes 02:00 WEST. */
      first_day = g_date_time_new (f->tz, 2026, 3, 28, 0, 0, 0);
      add_glass (store, local_us (f, 2026, 3, 27, 23, 59));   /* the day before */
      add_glass (store, local_us (f, 2026, 3, 28, 0, 0));
      add_glass (store, local_us (f, 2026, 3, 28, 23, 59));
      add_glass (store, local_us (f, 2026, 3, 29, 0, 30));    /* WET */
      add_glass (store, local_us (f, 2026, 3, 29, 3, 0));     /* WEST */
      add_glass (store, local_us (f, 2026, 3, 29, 23, 30));
      add_glass (store, local_us (f, 2026, 3, 30, 0, 30));    /* 24 h days would say the 29th */
      add_glass (store, local_us (f, 2026, 3, 31, 0, 30));    /* the day after; 24 h: the 30th */

      add_session (store, "morning", local_us (f, 2026, 3, 29, 9, 0), 3,
                   LIMBER_SESSION_OUTCOME_COMPLETED);
      add_session (store, "morning", local_us (f, 2026, 3, 29, 10, 0), 0,
                   LIMBER_SESSION_OUTCOME_STOPPED);
      add_session (store, "morning", local_us (f, 2026, 3, 30, 0, 10), 1,
                   LIMBER_SESSION_OUTCOME_STOPPED);
      g_assert_cmpint (limber_store_add_reminder_event (store, local_us (f, 2026, 3, 28, 12, 0),
                                                        "walk", "done", NULL), >, 0);
      g_assert_cmpint (limber_store_add_reminder_event (store, local_us (f, 2026, 3, 28, 13, 0),
                                                        "walk", "shown", NULL), >, 0);
      g_assert_cmpint (limber_store_add_reminder_event (store, local_us (f, 2026, 3, 30, 12, 0),
                                                        "hydration", "done", NULL), >, 0);

      limber_store_count_per_day (store, LIMBER_RECORD_COUNT_GLASSES, first_day, 3, counts);
      g_assert_cmpuint (counts[0], ==, 2);
      g_assert_cmpuint (counts[1], ==, 3);
      g_assert_cmpuint (counts[2], ==, 1);
      g_assert_cmpuint (counts[3], ==, 99);   /* n_days is respected */

      limber_store_count_per_day (store, LIMBER_RECORD_COUNT_SESSIONS, first_day, 3, counts);
      g_assert_cmpuint (counts[0], ==, 0);
      g_assert_cmpuint (counts[1], ==, 1);
      g_assert_cmpuint (counts[2], ==, 1);

      limber_store_count_per_day (store, LIMBER_RECORD_COUNT_WALKS, first_day, 3, counts);
      g_assert_cmpuint (counts[0], ==, 1);
      g_assert_cmpuint (counts[1], ==, 0);
      g_assert_cmpuint (counts[2], ==, 0);
    }
  else
    {
      /* Sunday 2026-10-25 has 25 hours: 02:00 WEST becomes 01:00 WET. */
      first_day = g_date_time_new (f->tz, 2026, 10, 24, 0, 0, 0);
      add_glass (store, local_us (f, 2026, 10, 24, 12, 0));
      add_glass (store, local_us (f, 2026, 10, 25, 0, 30));   /* WEST */
      add_glass (store, local_us (f, 2026, 10, 25, 23, 30));  /* WET; 24 h days: the 26th */
      add_glass (store, local_us (f, 2026, 10, 26, 0, 10));
      add_glass (store, local_us (f, 2026, 10, 27, 0, 0));    /* the day after */

      limber_store_count_per_day (store, LIMBER_RECORD_COUNT_GLASSES, first_day, 3, counts);
      g_assert_cmpuint (counts[0], ==, 1);
      g_assert_cmpuint (counts[1], ==, 2);
      g_assert_cmpuint (counts[2], ==, 1);
      g_assert_cmpuint (counts[3], ==, 99);
    }
}

static guint
streak_at (Fixture     *f,
           LimberStore *store,
           int          month,
           int          day,
           int          hour)
{
  g_autoptr(GDateTime) today = g_date_time_new (f->tz, 2026, month, day, hour, 0, 0);

  return limber_store_get_streak (store, today);
}

static void
test_streak (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);

  /* "Today" is Monday 2026-03-30, the day after the change to summer time. */
  g_assert_cmpuint (streak_at (f, store, 3, 30, 9), ==, 0);

  add_session (store, "morning", local_us (f, 2026, 3, 27, 8, 0), 5,
               LIMBER_SESSION_OUTCOME_COMPLETED);
  add_session (store, "morning", local_us (f, 2026, 3, 28, 8, 0), 5,
               LIMBER_SESSION_OUTCOME_COMPLETED);
  add_session (store, "evening", local_us (f, 2026, 3, 28, 20, 0), 2,
               LIMBER_SESSION_OUTCOME_STOPPED);
  add_session (store, "morning", local_us (f, 2026, 3, 29, 23, 30), 1,
               LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN);

  /* Nothing today yet: the streak that reached yesterday still counts. */
  g_assert_cmpuint (streak_at (f, store, 3, 30, 9), ==, 3);
  g_assert_cmpuint (streak_at (f, store, 3, 29, 23), ==, 2);   /* 23:30 is still to come */

  /* A session without an exercise done does not count. */
  add_session (store, "morning", local_us (f, 2026, 3, 30, 7, 0), 0,
               LIMBER_SESSION_OUTCOME_STOPPED);
  g_assert_cmpuint (streak_at (f, store, 3, 30, 9), ==, 3);

  /* 00:30 WEST on the 30th is the 29th in UTC: days are counted in the zone of "today". */
  add_session (store, "morning", local_us (f, 2026, 3, 30, 0, 30), 1,
               LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpuint (streak_at (f, store, 3, 30, 9), ==, 4);

  /* A gap breaks it: the 25th is not joined to the 27th... */
  add_session (store, "morning", local_us (f, 2026, 3, 25, 8, 0), 5,
               LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpuint (streak_at (f, store, 3, 30, 9), ==, 4);
  /* ...until the 26th fills it. */
  add_session (store, "morning", local_us (f, 2026, 3, 26, 8, 0), 5,
               LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpuint (streak_at (f, store, 3, 30, 9), ==, 6);

  /* The next day, nothing yet: still 6. The day after, two days missed: 0. */
  g_assert_cmpuint (streak_at (f, store, 3, 31, 9), ==, 6);
  g_assert_cmpuint (streak_at (f, store, 4, 1, 9), ==, 0);
}

/* ---------------------------------------------------------------------------------------- */
/* Export */

static const char csv_header[] =
  "type,id,time,start,end,routine_id,routine_name,exercises_completed,exercises_total,outcome,"
  "pain_before,pain_after,stopped_exercise,answers,source,kind,action,duration_seconds,"
  "hold_seconds,notes\r\n";

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autofree char *path = g_build_filename (f->dir, "export.CSV", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answers = g_strdup_printf ("%s=no;%s=yes", limber_triage_get_question (0)->id,
                                              limber_triage_get_question (2)->id);
  static const char * const types[] = {
    "session", "check", "glass", "episode", "pack", "plank", "reminder", "doctor-visit",
  };
  guint n_columns;
  char **row;

  add_one_of_each (f, store);

  /* An older export with looser permissions is replaced whole. */
  write_file (path, "old", -1);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (limber_store_export (store, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, csv_header));

  /* The notes with a quote, a comma and a line break are one quoted field. */
  g_assert_nonnull (strstr (contents,
                            ",\"Lifted a \"\"heavy\"\" box, then rested,\r\nand iced it\"\r\n"));

  rows = parse_csv (contents);
  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (types));
  n_columns = g_strv_length (rows->pdata[0]);
  g_assert_cmpuint (n_columns, ==, 20);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      row = rows->pdata[i + 1];
      g_assert_cmpuint (g_strv_length (row), ==, n_columns);
      g_assert_cmpstr (row[0], ==, types[i]);
      g_assert_cmpstr (row[1], ==, "1");
    }

  /* Each row fills its own columns and leaves the others empty. */
  row = rows->pdata[1];
  g_assert_cmpstr (row[3], ==, "2026-03-16T10:00:00+00:00");
  g_assert_cmpstr (row[4], ==, "2026-03-16T10:10:00+00:00");
  g_assert_cmpstr (row[5], ==, "morning");
  g_assert_cmpstr (row[6], ==, "Morning, gently");
  g_assert_cmpstr (row[7], ==, "4");
  g_assert_cmpstr (row[8], ==, "5");
  g_assert_cmpstr (row[9], ==, "stopped-for-pain");
  g_assert_cmpstr (row[10], ==, "6");
  g_assert_cmpstr (row[11], ==, "3");
  g_assert_cmpstr (row[12], ==, "bridge");
  g_assert_cmpstr (row[2], ==, "");
  g_assert_cmpstr (row[19], ==, "");

  row = rows->pdata[2];
  g_assert_cmpstr (row[2], ==, "2026-03-16T10:01:00+00:00");
  g_assert_cmpstr (row[9], ==, "doctor");
  g_assert_cmpstr (row[13], ==, answers);

  row = rows->pdata[3];
  g_assert_cmpstr (row[2], ==, "2026-03-16T10:02:00+00:00");
  g_assert_cmpstr (row[14], ==, "reminder");
  g_assert_cmpstr (row[5], ==, "");

  row = rows->pdata[4];
  g_assert_cmpstr (row[3], ==, "2026-03-16T10:03:00+00:00");
  g_assert_cmpstr (row[4], ==, "2026-03-16T11:00:00+00:00");
  g_assert_cmpstr (row[19], ==, episode_notes);

  row = rows->pdata[5];
  g_assert_cmpstr (row[15], ==, "heat");
  g_assert_cmpstr (row[17], ==, "1200");

  row = rows->pdata[6];
  g_assert_cmpstr (row[18], ==, "45");

  row = rows->pdata[7];
  g_assert_cmpstr (row[15], ==, "walk");
  g_assert_cmpstr (row[16], ==, "done");

  row = rows->pdata[8];
  g_assert_cmpstr (row[2], ==, "2026-03-16T10:07:00+00:00");
}

static void
test_export_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = g_build_filename (f->dir, "export.json", NULL);
  static const char * const arrays[] = {
    "sessions", "checks", "glasses", "episodes", "packs", "plank_holds", "reminders",
    "doctor_visits",
  };
  JsonObject *object, *record;

  add_one_of_each (f, store);
  /* A time in summer time carries its own offset. */
  add_glass (store, WALL_START + 14 * DAY);

  root = export_json (f, store);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "limber-export");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_true (json_object_has_member (object, "exported"));
  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    g_assert_cmpuint (json_array_get_length (json_records (root, arrays[i])), ==,
                      g_str_equal (arrays[i], "glasses") ? 2 : 1);

  record = json_array_get_object_element (json_records (root, "sessions"), 0);
  g_assert_cmpint (json_object_get_int_member (record, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (record, "start"), ==,
                   "2026-03-16T10:00:00+00:00");
  g_assert_cmpstr (json_object_get_string_member (record, "routine_name"), ==, "Morning, gently");
  g_assert_cmpint (json_object_get_int_member (record, "exercises_completed"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (record, "pain_before"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (record, "pain_after"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (record, "outcome"), ==, "stopped-for-pain");
  g_assert_cmpstr (json_object_get_string_member (record, "stopped_exercise"), ==, "bridge");

  record = json_array_get_object_element (json_records (root, "episodes"), 0);
  g_assert_cmpstr (json_object_get_string_member (record, "notes"), ==, episode_notes);
  record = json_array_get_object_element (json_records (root, "packs"), 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "heat");
  g_assert_cmpint (json_object_get_int_member (record, "duration_seconds"), ==, 1200);
  record = json_array_get_object_element (json_records (root, "plank_holds"), 0);
  g_assert_cmpint (json_object_get_int_member (record, "hold_seconds"), ==, 45);
  record = json_array_get_object_element (json_records (root, "glasses"), 1);
  g_assert_cmpstr (json_object_get_string_member (record, "time"), ==,
                   "2026-03-30T11:00:00+01:00");
}

static void
test_export_bad_name (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  static const char * const names[] = { "export.txt", "export", "export.csv.gz", "json" };

  add_one_of_each (f, store);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (limber_store_export (store, path, &error));
      g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_false (file_exists (path));
    }
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
/* Imports */

static void
test_import_water (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autofree char *water = g_build_filename (f->dir, "water.ini", NULL);
  g_autofree char *imported = g_strconcat (water, ".imported", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.ini", NULL);
  g_autoptr(GError) error = NULL;
  gint64 noon;

  /* A missing file is nothing to import, and no error. */
  g_assert_true (limber_store_import_water_file (store, missing, f->tz, &error));
  g_assert_no_error (error);
  g_assert_true (limber_store_is_empty (store));

  /* In summer time, so noon in Lisbon is 11:00 UTC. */
  write_file (water, "[water]\ndate=2026-07-10\nglasses=3\n", -1);
  g_assert_true (limber_store_import_water_file (store, water, f->tz, &error));
  g_assert_no_error (error);
  noon = local_us (f, 2026, 7, 10, 12, 0);
  g_assert_cmpint (noon % DAY, ==, 11 * HOUR);
  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_GLASSES, noon, noon + 1), ==,
                    3);
  g_assert_cmpuint (count_glasses (store), ==, 3);
  g_assert_false (file_exists (water));
  g_assert_true (file_exists (imported));

  /* Once only, even from a new file. */
  write_file (water, "[water]\ndate=2026-07-11\nglasses=5\n", -1);
  g_assert_true (limber_store_import_water_file (store, water, f->tz, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_glasses (store), ==, 3);

  /* Also for another process opening the same file later. */
  g_clear_object (&store);
  store = open_store (f, NULL);
  g_assert_true (limber_store_import_water_file (store, water, f->tz, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_glasses (store), ==, 3);
}

static void
test_import_water_broken (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autofree char *water = g_build_filename (f->dir, "water.ini", NULL);
  g_autofree char *broken = g_strconcat (water, ".broken", NULL);
  g_autoptr(GError) error = NULL;
  static const char * const contents[] = {
    "this is not a key file\n",
    "[water]\nglasses=3\n",
    "[water]\ndate=2026-03-10\n",
    "[water]\ndate=2026-02-30\nglasses=3\n",
    "[water]\ndate=yesterday\nglasses=3\n",
    "[water]\ndate=2026-03-10\nglasses=-1\n",
    "[water]\ndate=2026-03-10\nglasses=many\n",
    "[water]\ndate=2026-03-10\nglasses=1000000\n",
    "[water]\ndate=10000-01-01\nglasses=3\n",
    "[water]\ndate=65535-12-31\nglasses=3\n",
    "[water]\ndate=-2026-03-10\nglasses=3\n",
    "[water]\ndate=1969-12-31\nglasses=3\n",
    "[water]\ndate=2026-03-10 and more\nglasses=3\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *aside = NULL;

      g_test_message ("water.ini: %s", contents[i]);
      write_file (water, contents[i], -1);
      g_assert_false (limber_store_import_water_file (store, water, f->tz, &error));
      g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, water));
      g_assert_nonnull (strstr (error->message, broken));
      g_clear_error (&error);

      g_assert_false (file_exists (water));
      g_file_get_contents (broken, &aside, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (aside, ==, contents[i]);
      g_assert_true (limber_store_is_empty (store));
    }

  /* A broken file is not an import: a good one afterwards is still taken. */
  write_file (water, "[water]\ndate=2026-03-10\nglasses=2\n", -1);
  g_assert_true (limber_store_import_water_file (store, water, f->tz, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_glasses (store), ==, 2);
}

static void
test_import_plank_hold (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *third = g_build_filename (f->dir, "third.db", NULL);
  g_autoptr(LimberStore) store = open_store (f, NULL);
  g_autoptr(GArray) holds = NULL;
  g_autoptr(GError) error = NULL;

  /* The default says nothing about progress: nothing is recorded, then or later. */
  g_assert_true (limber_store_import_plank_hold (store, 30, 30, &error));
  g_assert_no_error (error);
  g_assert_true (limber_store_is_empty (store));
  g_assert_cmpuint (limber_store_get_plank_hold (store, 30), ==, 30);
  g_clear_object (&store);

  /* Another value is recorded once, at the clock's "now". */
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (f->clock), HOUR);
  store = open_store (f, other);
  g_assert_true (limber_store_import_plank_hold (store, 45, 30, &error));
  g_assert_no_error (error);
  g_assert_true (limber_store_import_plank_hold (store, 45, 30, &error));
  g_assert_no_error (error);
  g_assert_true (limber_store_import_plank_hold (store, 60, 30, &error));
  g_assert_no_error (error);
  holds = limber_store_list_plank_holds (store);
  g_assert_cmpuint (holds->len, ==, 1);
  g_assert_cmpint (g_array_index (holds, LimberRecordPoint, 0).time_us, ==, WALL_START + HOUR);
  g_assert_cmpint (g_array_index (holds, LimberRecordPoint, 0).value, ==, 45);
  g_clear_pointer (&holds, g_array_unref);
  g_clear_object (&store);

  /* Holds already recorded are newer than the setting: it is not imported. */
  store = open_store (f, third);
  g_assert_cmpint (limber_store_add_plank_hold (store, WALL_START, 20, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_store_import_plank_hold (store, 45, 30, &error));
  g_assert_no_error (error);
  holds = limber_store_list_plank_holds (store);
  g_assert_cmpuint (holds->len, ==, 1);
  g_assert_cmpint (g_array_index (holds, LimberRecordPoint, 0).value, ==, 20);
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

  add_test ("/store/round-trip/session", NULL, test_session);
  add_test ("/store/round-trip/check", NULL, test_check);
  add_test ("/store/round-trip/glass", NULL, test_glass);
  add_test ("/store/round-trip/episode", NULL, test_episode);
  add_test ("/store/round-trip/pack", NULL, test_pack);
  add_test ("/store/round-trip/plank-hold", NULL, test_plank_hold);
  add_test ("/store/round-trip/reminder-event", NULL, test_reminder_event);
  add_test ("/store/round-trip/reopen", NULL, test_reopen);

  add_test ("/store/days/spring-forward", GINT_TO_POINTER (3), test_count_per_day_dst);
  add_test ("/store/days/fall-back", GINT_TO_POINTER (10), test_count_per_day_dst);
  add_test ("/store/days/streak", NULL, test_streak);

  add_test ("/store/export/csv", NULL, test_export_csv);
  add_test ("/store/export/json", NULL, test_export_json);
  add_test ("/store/export/bad-name", NULL, test_export_bad_name);

  add_test ("/store/delete-all", NULL, test_delete_all);

  add_test ("/store/import/water", NULL, test_import_water);
  add_test ("/store/import/water-broken", NULL, test_import_water_broken);
  add_test ("/store/import/plank-hold", NULL, test_import_plank_hold);

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
