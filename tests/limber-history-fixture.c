/* limber-history-fixture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "limber-history-fixture.h"
#include "limber-store.h"

#define DAY_US ((gint64) 24 * 3600 * G_USEC_PER_SEC)
#define HOUR_US ((gint64) 3600 * G_USEC_PER_SEC)

static void
run (sqlite3      *db,
     sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    g_error ("Filling the history: %s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
}

/**
 * limber_history_fixture_fill:
 * @path: a store file limber_store_open() has created
 * @end_us: the last day's time
 * @days: how many days back from @end_us
 *
 * Writes a day of records for each of @days days before @end_us: a stretch session with a
 * pain rating, six to ten glasses of water, two reminder events, a cold pack every tenth day,
 * and a longer plank hold every week. One transaction, as another process would, so the app's
 * store sees one change.
 *
 * Returns: how many rows were written
 */
guint
limber_history_fixture_fill (const char *path,
                             gint64      end_us,
                             guint       days)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *session, *glass, *event, *pack, *plank;
  GRand *rand = g_rand_new_with_seed (5);
  guint rows = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  sqlite3_busy_timeout (db, 5000);
  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  sqlite3_prepare_v2 (db, "INSERT INTO sessions (routine_id, routine_name, started_us, ended_us,"
                          " exercises_completed, exercises_total, outcome, pain_before, pain_after)"
                          " VALUES ('daily-mobility', 'Daily Mobility', ?1, ?1 + 600000000, 5, 5,"
                          " 'completed', ?2, ?3)", -1, &session, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO glasses (time_us, source) VALUES (?, 'app')", -1, &glass,
                      NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO reminder_events (time_us, kind, action) VALUES (?, ?, ?)",
                      -1, &event, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO packs (kind, started_us, duration_s) VALUES ('cold', ?, 900)",
                      -1, &pack, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO plank_holds (time_us, seconds) VALUES (?, ?)", -1, &plank,
                      NULL);

  for (guint d = days; d > 0; d--)
    {
      gint64 day = end_us - (gint64) d * DAY_US;
      int pain = 2 + (int) (6 * d / days) + g_rand_int_range (rand, -1, 2);
      guint n_glasses = g_rand_int_range (rand, 6, 11);

      sqlite3_bind_int64 (session, 1, day + 8 * HOUR_US);
      sqlite3_bind_int (session, 2, CLAMP (pain + 1, 0, 10));
      sqlite3_bind_int (session, 3, CLAMP (pain, 0, 10));
      run (db, session);
      rows++;

      for (guint g = 0; g < n_glasses; g++, rows++)
        {
          sqlite3_bind_int64 (glass, 1, day + (9 + g) * HOUR_US);
          run (db, glass);
        }

      sqlite3_bind_int64 (event, 1, day + 11 * HOUR_US);
      sqlite3_bind_text (event, 2, "walk", -1, SQLITE_STATIC);
      sqlite3_bind_text (event, 3, "shown", -1, SQLITE_STATIC);
      run (db, event);
      sqlite3_bind_int64 (event, 1, day + 11 * HOUR_US + 60 * G_USEC_PER_SEC);
      sqlite3_bind_text (event, 3, "done", -1, SQLITE_STATIC);
      run (db, event);
      rows += 2;

      if (d % 10 == 0)
        {
          sqlite3_bind_int64 (pack, 1, day + 14 * HOUR_US);
          run (db, pack);
          rows++;
        }

      if (d % 7 == 0)
        {
          sqlite3_bind_int64 (plank, 1, day + 8 * HOUR_US);
          sqlite3_bind_int (plank, 2, 20 + (days - d) / 7 % 100);
          run (db, plank);
          rows++;
        }
    }

  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));

  sqlite3_finalize (session);
  sqlite3_finalize (glass);
  sqlite3_finalize (event);
  sqlite3_finalize (pack);
  sqlite3_finalize (plank);
  sqlite3_close (db);
  g_rand_free (rand);

  return rows;
}
