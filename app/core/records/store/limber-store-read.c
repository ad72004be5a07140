/* limber-store-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-records-enums.h"
#include "limber-enum-nick.h"
#include "limber-store-private.h"

/*
 * The store's queries: what the Today and Progress pages and the reminder service read.
 * Reads do not fail on a file that opened; if one does, the page shows less and the log
 * says why.
 */

/* Returns: %TRUE if no record of any kind is kept */
gboolean
limber_store_is_empty (LimberStore *self)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), TRUE);

  for (guint i = 0; i < LIMBER_STORE_N_RECORD_TABLES; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)",
                                              limber_store_record_tables[i]);

      if (limber_store_query_int (limber_store_get_db (self), sql, 0) != 0)
        return FALSE;
    }

  return TRUE;
}

static const char *
count_query (LimberRecordCount what)
{
  switch (what)
    {
    case LIMBER_RECORD_COUNT_SESSIONS:
      return "SELECT started_us FROM sessions"
             " WHERE exercises_completed > 0 AND started_us >= ? AND started_us < ?"
             " ORDER BY started_us";
    case LIMBER_RECORD_COUNT_WALKS:
      return "SELECT time_us FROM reminder_events"
             " WHERE kind = 'walk' AND action = 'done' AND time_us >= ? AND time_us < ?"
             " ORDER BY time_us";
    case LIMBER_RECORD_COUNT_GLASSES:
    default:
      return "SELECT time_us FROM glasses WHERE time_us >= ? AND time_us < ? ORDER BY time_us";
    }
}

/* The count that @sql, whose two parameters are a range's ends, gives. */
static guint
count_in_range (LimberStore *self,
                const char  *sql,
                gint64       from_us,
                gint64       to_us)
{
  g_autoptr(sqlite3_stmt) stmt = limber_store_prepare_read (self, sql);

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, from_us);
  sqlite3_bind_int64 (stmt, 2, to_us);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int (stmt, 0);
}

/* Returns: how many of @what fall in [@from_us, @to_us) */
guint
limber_store_count (LimberStore      *self,
                    LimberRecordCount  what,
                    gint64            from_us,
                    gint64            to_us)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);

  sql = g_strdup_printf ("SELECT count(*) FROM (%s)", count_query (what));
  return count_in_range (self, sql, from_us, to_us);
}

/**
 * limber_store_count_per_day:
 * @first_day: local midnight of the first day, in the zone the days are counted in
 * @counts: (out caller-allocates) (array length=n_days): one count per day
 *
 * Counts @what per local day. Days are stepped in @first_day's zone, so a day with a clock
 * change is still one day.
 */
void
limber_store_count_per_day (LimberStore      *self,
                            LimberRecordCount  what,
                            GDateTime        *first_day,
                            guint             n_days,
                            guint            *counts)
{
  g_autofree gint64 *bounds = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint day = 0;

  g_return_if_fail (LIMBER_IS_STORE (self));
  g_return_if_fail (first_day != NULL);
  g_return_if_fail (counts != NULL || n_days == 0);

  memset (counts, 0, sizeof (guint) * n_days);
  if (n_days == 0)
    return;

  bounds = g_new (gint64, n_days + 1);
  for (guint i = 0; i <= n_days; i++)
    {
      g_autoptr(GDateTime) midnight = g_date_time_add_days (first_day, i);

      bounds[i] = g_date_time_to_unix (midnight) * G_USEC_PER_SEC;
    }

  stmt = limber_store_prepare_read (self, count_query (what));
  if (stmt == NULL)
    return;

  sqlite3_bind_int64 (stmt, 1, bounds[0]);
  sqlite3_bind_int64 (stmt, 2, bounds[n_days]);

  /* Rows come in time order, so the day only ever moves forward. */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 time_us = sqlite3_column_int64 (stmt, 0);

      while (day < n_days && time_us >= bounds[day + 1])
        day++;
      if (day < n_days)
        counts[day]++;
    }
}

/* Returns: sessions of @routine_id with at least one exercise done, in the range */
guint
limber_store_count_routine (LimberStore *self,
                            const char  *routine_id,
                            gint64       from_us,
                            gint64       to_us)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);

  stmt = limber_store_prepare_read (self,
      "SELECT count(*) FROM sessions WHERE exercises_completed > 0"
      " AND (?1 IS NULL OR routine_id = ?1) AND started_us >= ?2 AND started_us < ?3");
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, routine_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, from_us);
  sqlite3_bind_int64 (stmt, 3, to_us);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int (stmt, 0);
}

static GArray *
list_points (LimberStore *self,
             const char  *sql,
             gint64       from_us,
             gint64       to_us)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (LimberRecordPoint));
  g_autoptr(sqlite3_stmt) stmt = limber_store_prepare_read (self, sql);

  if (stmt == NULL)
    return points;

  sqlite3_bind_int64 (stmt, 1, from_us);
  sqlite3_bind_int64 (stmt, 2, to_us);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LimberRecordPoint point = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };

      g_array_append_val (points, point);
    }

  return points;
}

/* Returns: (transfer full) (element-type LimberRecordPoint): pain after sessions, by time */
GArray *
limber_store_list_pain_after (LimberStore *self,
                              gint64       from_us,
                              gint64       to_us)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), NULL);

  return list_points (self,
                      "SELECT ended_us, pain_after FROM sessions WHERE pain_after IS NOT NULL"
                      " AND ended_us >= ? AND ended_us < ? ORDER BY ended_us", from_us, to_us);
}

/* Returns: (transfer full) (element-type LimberRecordPoint): every pain rating, before and
 *   after sessions, by time (a rating before is at the session's start) */
GArray *
limber_store_list_pain (LimberStore *self,
                        gint64       from_us,
                        gint64       to_us)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), NULL);

  return list_points (self,
                      "SELECT time_us, pain FROM"
                      " (SELECT started_us AS time_us, pain_before AS pain, id, 0 AS after"
                      "  FROM sessions WHERE pain_before IS NOT NULL"
                      "  UNION ALL SELECT ended_us, pain_after, id, 1 FROM sessions"
                      "  WHERE pain_after IS NOT NULL)"
                      " WHERE time_us >= ?1 AND time_us < ?2 ORDER BY time_us, id, after",
                      from_us, to_us);
}

/* Returns: (transfer full) (element-type LimberRecordPoint): every plank hold, by time */
GArray *
limber_store_list_plank_holds (LimberStore *self)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), NULL);

  return list_points (self,
                      "SELECT time_us, seconds FROM plank_holds WHERE time_us >= ? AND time_us < ?"
                      " ORDER BY time_us, id", G_MININT64, G_MAXINT64);
}

/* Returns: the latest plank hold in seconds, or @fallback when none is recorded */
guint
limber_store_get_plank_hold (LimberStore *self,
                             guint        fallback)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), fallback);

  return (guint) limber_store_query_int (limber_store_get_db (self),
      "SELECT seconds FROM plank_holds ORDER BY time_us DESC, id DESC LIMIT 1",
      fallback);
}

/* Returns: (transfer full) (element-type LimberSessionRecord): sessions started in the range */
GPtrArray *
limber_store_list_sessions (LimberStore *self,
                            gint64       from_us,
                            gint64       to_us)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LIMBER_IS_STORE (self), sessions);

  stmt = limber_store_prepare_read (self,
      "SELECT id, routine_id, routine_name, started_us, ended_us,"
      " exercises_completed, exercises_total, outcome, pain_before, pain_after, stopped_exercise"
      " FROM sessions WHERE started_us >= ? AND started_us < ?"
      " ORDER BY started_us, id");
  if (stmt == NULL)
    return sessions;

  sqlite3_bind_int64 (stmt, 1, from_us);
  sqlite3_bind_int64 (stmt, 2, to_us);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LimberSessionRecord *record =
        limber_session_record_new ((const char *) sqlite3_column_text (stmt, 1),
                                   (const char *) sqlite3_column_text (stmt, 2),
                                   sqlite3_column_int64 (stmt, 3),
                                   sqlite3_column_int64 (stmt, 4),
                                   sqlite3_column_int (stmt, 5),
                                   sqlite3_column_int (stmt, 6),
                                   limber_session_outcome_from_string (
                                     (const char *) sqlite3_column_text (stmt, 7)));

      limber_session_record_set_id (record, sqlite3_column_int64 (stmt, 0));
      if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        limber_session_record_set_pain_before (record, sqlite3_column_int (stmt, 8));
      if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
        limber_session_record_set_pain_after (record, sqlite3_column_int (stmt, 9));
      limber_session_record_set_stopped_exercise (record,
                                                  (const char *) sqlite3_column_text (stmt, 10));
      g_ptr_array_add (sessions, record);
    }

  return sessions;
}

static guint
day_number (GTimeZone *zone,
            gint64     time_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  GDate date;
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

/**
 * limber_store_get_streak:
 * @today: now, in the zone days are counted in
 *
 * Returns: how many days in a row, up to today, have a session with an exercise done. A
 *   streak that reached yesterday still counts while today has none yet.
 */
guint
limber_store_get_streak (LimberStore *self,
                         GDateTime   *today)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GTimeZone *zone;
  guint expected, streak = 0;

  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);
  g_return_val_if_fail (today != NULL, 0);

  zone = g_date_time_get_timezone (today);
  expected = day_number (zone, g_date_time_to_unix (today) * G_USEC_PER_SEC);

  stmt = limber_store_prepare_read (self,
                                    "SELECT started_us FROM sessions WHERE exercises_completed > 0"
                                    " AND started_us < ? ORDER BY started_us DESC");
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, (g_date_time_to_unix (today) + 1) * G_USEC_PER_SEC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint day = day_number (zone, sqlite3_column_int64 (stmt, 0));

      if (day == expected)
        {
          streak++;
          expected--;
        }
      else if (day < expected)
        {
          /* Nothing today yet does not break a streak that reached yesterday. */
          if (streak == 0 && day == expected - 1)
            {
              streak = 1;
              expected = day - 1;
            }
          else
            break;
        }
    }

  return streak;
}

static LimberEpisode *
episode_from_row (sqlite3_stmt *stmt)
{
  LimberEpisode *episode = g_new0 (LimberEpisode, 1);

  episode->id = sqlite3_column_int64 (stmt, 0);
  episode->started_us = sqlite3_column_int64 (stmt, 1);
  episode->ended_us = sqlite3_column_int64 (stmt, 2);
  episode->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 3));

  return episode;
}

/* Returns: (nullable) (transfer full): the episode that has not ended, if any */
LimberEpisode *
limber_store_get_open_episode (LimberStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LIMBER_IS_STORE (self), NULL);

  stmt = limber_store_prepare_read (self,
                                    "SELECT id, started_us, ended_us, notes FROM episodes"
                                    " WHERE ended_us IS NULL ORDER BY started_us DESC LIMIT 1");
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return episode_from_row (stmt);
}

/* Returns: (transfer full) (element-type LimberEpisode): every episode, oldest first */
GPtrArray *
limber_store_list_episodes (LimberStore *self)
{
  GPtrArray *episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_episode_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LIMBER_IS_STORE (self), episodes);

  stmt = limber_store_prepare_read (self, "SELECT id, started_us, ended_us, notes FROM episodes"
                                    " ORDER BY started_us, id");
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (episodes, episode_from_row (stmt));

  return episodes;
}

/* Returns: how many episodes started in the range */
guint
limber_store_count_episodes (LimberStore *self,
                             gint64       from_us,
                             gint64       to_us)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);

  return count_in_range (self, "SELECT count(*) FROM episodes"
                         " WHERE started_us >= ? AND started_us < ?", from_us, to_us);
}

/* Returns: %TRUE and when "I have seen a doctor" was last pressed, or %FALSE if never */
gboolean
limber_store_get_last_doctor_visit (LimberStore *self,
                                    gint64      *time_us)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);

  stmt = limber_store_prepare_read (self, "SELECT max(time_us) FROM doctor_visits");
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW ||
      sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return FALSE;

  if (time_us != NULL)
    *time_us = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

/* Returns: %TRUE and the latest check's time and outcome, or %FALSE if none was made */
gboolean
limber_store_get_last_check (LimberStore         *self,
                             gint64              *time_us,
                             LimberTriageOutcome *outcome)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *id;

  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);

  stmt = limber_store_prepare_read (self, "SELECT time_us, outcome FROM checks"
                                    " ORDER BY time_us DESC, id DESC LIMIT 1");
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  if (time_us != NULL)
    *time_us = sqlite3_column_int64 (stmt, 0);

  id = (const char *) sqlite3_column_text (stmt, 1);
  if (outcome != NULL)
    {
      *outcome = LIMBER_TRIAGE_OUTCOME_SELF_CARE;
      for (LimberTriageOutcome o = LIMBER_TRIAGE_OUTCOME_SELF_CARE;
           o <= LIMBER_TRIAGE_OUTCOME_EMERGENCY; o++)
        {
          if (g_strcmp0 (id, limber_triage_outcome_get_id (o)) == 0)
            *outcome = o;
        }
    }

  return TRUE;
}

/* Returns: %TRUE and the latest cold or heat pack, or %FALSE if none was recorded */
gboolean
limber_store_get_last_pack (LimberStore    *self,
                            LimberPackKind *kind,
                            gint64         *started_us,
                            gint64         *duration_us)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);

  stmt = limber_store_prepare_read (self, "SELECT kind, started_us, duration_s FROM packs"
                                    " ORDER BY started_us DESC, id DESC LIMIT 1");
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  if (kind != NULL)
    {
      int value = LIMBER_PACK_COLD;

      /* A kind this version does not know reads as cold, the acute plan's. */
      limber_enum_from_nick (LIMBER_TYPE_PACK_KIND, (const char *) sqlite3_column_text (stmt, 0),
                             &value);
      *kind = value;
    }
  if (started_us != NULL)
    *started_us = sqlite3_column_int64 (stmt, 1);
  if (duration_us != NULL)
    *duration_us = sqlite3_column_int64 (stmt, 2) * G_USEC_PER_SEC;

  return TRUE;
}

/* One number over the packs of @kind started in the range, as @sql's first column gives it. */
static gint64
query_packs (LimberStore    *self,
             const char     *sql,
             LimberPackKind  kind,
             gint64          from_us,
             gint64          to_us)
{
  g_autoptr(sqlite3_stmt) stmt = limber_store_prepare_read (self, sql);

  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, limber_pack_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, from_us);
  sqlite3_bind_int64 (stmt, 3, to_us);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

/* Returns: how many packs of @kind were started in the range */
guint
limber_store_count_packs (LimberStore    *self,
                          LimberPackKind  kind,
                          gint64          from_us,
                          gint64          to_us)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);

  return (guint) query_packs (self, "SELECT count(*) FROM packs"
                              " WHERE kind = ? AND started_us >= ? AND started_us < ?",
                              kind, from_us, to_us);
}

/* Returns: how long the packs of @kind started in the range were on, in µs */
gint64
limber_store_sum_packs (LimberStore    *self,
                        LimberPackKind  kind,
                        gint64          from_us,
                        gint64          to_us)
{
  g_return_val_if_fail (LIMBER_IS_STORE (self), 0);

  return query_packs (self, "SELECT ifnull(sum(duration_s), 0) FROM packs"
                      " WHERE kind = ? AND started_us >= ? AND started_us < ?",
                      kind, from_us, to_us) * G_USEC_PER_SEC;
}

/**
 * limber_store_dup_last_check_yes:
 *
 * Returns: (transfer full): the ids of the questions the latest check answered Yes, in the
 *   order they were asked; empty when none was, or no check was made
 */
GStrv
limber_store_dup_last_check_yes (LimberStore *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LIMBER_IS_STORE (self), g_strv_builder_end (ids));

  stmt = limber_store_prepare_read (self, "SELECT question FROM check_answers"
                                    " WHERE answer = 'yes' AND check_id = (SELECT id FROM checks"
                                    "   ORDER BY time_us DESC, id DESC LIMIT 1)"
                                    " ORDER BY position");
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (ids, (const char *) sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (ids);
}


/**
 * limber_store_dup_mark:
 * @kind: a kind of record
 *
 * A short text that changes whenever a record of @kind is added, changed or deleted, by this
 * process or another: the number of rows, the newest id and, for records that are updated later,
 * how many were updated. The journal compares marks to say which kinds changed.
 *
 * Returns: (transfer full): the mark
 */
char *
limber_store_dup_mark (LimberStore      *self,
                       LimberRecordKind  kind)
{
  static const char * const queries[LIMBER_N_RECORD_KINDS] = {
    [LIMBER_RECORD_SESSION] =
      "SELECT count(*) || ':' || ifnull(max(id), 0) || ':' || count(pain_after) FROM sessions",
    [LIMBER_RECORD_CHECK] = "SELECT count(*) || ':' || ifnull(max(id), 0) FROM checks",
    [LIMBER_RECORD_GLASS] = "SELECT count(*) || ':' || ifnull(max(id), 0) FROM glasses",
    [LIMBER_RECORD_WALK] =
      "SELECT count(*) || ':' || ifnull(max(id), 0) FROM reminder_events"
      " WHERE kind = 'walk' AND action = 'done'",
    [LIMBER_RECORD_POSTURE_BREAK] =
      "SELECT count(*) || ':' || ifnull(max(id), 0) FROM reminder_events"
      " WHERE kind = 'posture' AND action = 'done'",
    [LIMBER_RECORD_EPISODE] =
      "SELECT count(*) || ':' || ifnull(max(id), 0) || ':' || count(ended_us) || ':' ||"
      " ifnull(max(ended_us), 0) FROM episodes",
    [LIMBER_RECORD_PACK] = "SELECT count(*) || ':' || ifnull(max(id), 0) FROM packs",
    [LIMBER_RECORD_PLANK_HOLD] = "SELECT count(*) || ':' || ifnull(max(id), 0) FROM plank_holds",
    [LIMBER_RECORD_REMINDER] =
      "SELECT count(*) || ':' || ifnull(max(id), 0) FROM reminder_events"
      " WHERE NOT (action = 'done' AND kind IN ('walk', 'posture'))",
    [LIMBER_RECORD_DOCTOR_VISIT] =
      "SELECT count(*) || ':' || ifnull(max(id), 0) FROM doctor_visits",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LIMBER_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < LIMBER_N_RECORD_KINDS, NULL);

  stmt = limber_store_prepare_read (self, queries[kind]);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup ("");

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}
