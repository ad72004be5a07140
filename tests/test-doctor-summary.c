/* test-doctor-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The doctor summary's content: which facts, in which order, in which words, read from a real
 * store file that the journal filled on the fake clock. Dates are in UTC.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "limber-doctor-summary.h"
#include "limber-store.h"
#include "limber-summary-fixture.h"

typedef struct
{
  char          *dir;
  char          *path;
  LimberClock   *clock;
  LimberJournal *journal;
  GTimeZone     *utc;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("limber-summary-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "limber.db", NULL);
  f->clock = limber_fake_clock_new (LIMBER_SUMMARY_FIXTURE_NOW_US - (gint64) 365 * 86400 *
                                    G_USEC_PER_SEC);
  f->journal = limber_journal_new (f->clock, f->path);
  g_assert_true (limber_journal_get_saving (f->journal));
  f->utc = g_time_zone_new_utc ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->journal);
  g_clear_object (&f->clock);
  g_time_zone_unref (f->utc);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);

      g_remove (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
assert_section (LimberDoctorSummary *summary,
                guint                index,
                const char          *heading,
                gboolean             chart,
                const char * const  *lines)
{
  const LimberSummarySection *section = limber_doctor_summary_get_section (summary, index);
  guint n = g_strv_length ((char **) lines);

  g_assert_cmpstr (section->heading, ==, heading);
  g_assert_cmpint (section->chart, ==, chart);
  for (guint i = 0; i < MIN (n, section->lines->len); i++)
    g_assert_cmpstr (g_ptr_array_index (section->lines, i), ==, lines[i]);
  g_assert_cmpuint (section->lines->len, ==, n);
}

/* "I have seen a doctor", pressed during the episode, is on the page under its start. */
static void
test_seen_doctor (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LimberDoctorSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  limber_summary_fixture_fill (f->journal, LIMBER_FAKE_CLOCK (f->clock));
  g_assert_cmpint (limber_journal_add_doctor_visit (f->journal, &error), >, 0);
  g_assert_no_error (error);
  summary = limber_doctor_summary_new (f->journal, f->utc, &error);
  g_assert_no_error (error);

  assert_section (summary, 0, "Current Episode", FALSE, (const char *[]) {
    "Began on 4 December 2026, 3 days ago",
    "“I Have Seen a Doctor” pressed on 7 December 2026",
    "Phase: recovery, after the first 72 hours",
    "“I Feel Better” not pressed yet",
    NULL });
}

/* Every fact of the issue, in order, from a person's records. */
static void
test_records (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LimberDoctorSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  GArray *pain;
  gint64 from_us, to_us;

  limber_summary_fixture_fill (f->journal, LIMBER_FAKE_CLOCK (f->clock));
  summary = limber_doctor_summary_new (f->journal, f->utc, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (limber_doctor_summary_get_title (summary), ==, "Back Spasm Summary");
  g_assert_cmpstr (limber_doctor_summary_get_prepared (summary), ==,
                   "Prepared by Limber on 7 December 2026 for a doctor or physiotherapist");
  g_assert_true (g_str_has_prefix (limber_doctor_summary_get_disclaimer (summary),
                                   "Limber gives general self-care information. It is not "
                                   "medical advice"));
  g_assert_cmpuint (limber_doctor_summary_get_n_sections (summary), ==, 5);

  /* Started 73 hours ago: past the first 72. */
  assert_section (summary, 0, "Current Episode", FALSE, (const char *[]) {
    "Began on 4 December 2026, 3 days ago",
    "Phase: recovery, after the first 72 hours",
    "“I Feel Better” not pressed yet",
    NULL });
  assert_section (summary, 1, "Last Symptom Check", FALSE, (const char *[]) {
    "On 4 December 2026: See a doctor in the next few days",
    "Answered Yes:",
    "• Do you have numbness or tingling in a leg?",
    "• Do the spasms keep coming back in the same place?",
    NULL });
  assert_section (summary, 2, "Pain, Last 30 Days", TRUE, (const char *[]) {
    "6 ratings, before and after stretch sessions, from 3 to 7 out of 10",
    "Last rating: 3 out of 10, on 6 December 2026, after a session",
    NULL });
  assert_section (summary, 3, "What Was Tried, Last 30 Days", FALSE, (const char *[]) {
    "Cold packs: 2, 35 minutes in all",
    "Heat packs: none",
    "Walks: 2",
    "Stretch sessions of “Gentle Relief”: 3",
    "Stopped “Gentle Relief” on 5 December 2026: It Hurts, pain 7 out of 10",
    NULL });
  assert_section (summary, 4, "Recurrence", FALSE, (const char *[]) {
    "Episodes in the last 6 months: 1",
    "Episodes in the last 12 months: 2",
    "• 4 December 2026, not over",
    "• 21 May 2026 to 27 May 2026",
    NULL });

  /* The chart's ratings: before and after each session, in time order. */
  pain = limber_doctor_summary_get_pain (summary);
  g_assert_cmpuint (pain->len, ==, 6);
  {
    const int values[] = { 6, 4, 5, 7, 4, 3 };

    for (guint i = 0; i < pain->len; i++)
      {
        g_assert_cmpint (g_array_index (pain, LimberRecordPoint, i).value, ==, values[i]);
        if (i > 0)
          g_assert_cmpint (g_array_index (pain, LimberRecordPoint, i).time_us, >=,
                           g_array_index (pain, LimberRecordPoint, i - 1).time_us);
      }
  }
  limber_doctor_summary_get_pain_range (summary, &from_us, &to_us);
  g_assert_cmpint (to_us, ==, LIMBER_SUMMARY_FIXTURE_NOW_US);
  /* From midnight 29 days before today: 8 November 2026, 00:00 UTC. */
  g_assert_cmpint (from_us, ==, (gint64) 1794096000 * G_USEC_PER_SEC);
}

/* An episode that ended, with a note; a check with no Yes. */
static void
test_ended_episode (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LimberDoctorSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  LimberTriageAnswer answers[32] = { 0, };
  gint64 episode;

  episode = limber_journal_start_episode (f->journal, &error);
  g_assert_no_error (error);
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (f->clock), (gint64) 4 * 86400 * G_USEC_PER_SEC);
  for (guint i = 0; i < limber_triage_get_n_questions (); i++)
    answers[i] = LIMBER_TRIAGE_ANSWER_NO;
  limber_journal_add_check (f->journal, LIMBER_TRIAGE_OUTCOME_SELF_CARE, answers, &error);
  g_assert_no_error (error);
  g_assert_true (limber_journal_end_episode (f->journal, episode, "After moving house", &error));
  g_assert_no_error (error);
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (f->clock), (gint64) 86400 * G_USEC_PER_SEC);

  summary = limber_doctor_summary_new (f->journal, f->utc, &error);
  g_assert_no_error (error);
  assert_section (summary, 0, "Last Episode", FALSE, (const char *[]) {
    "Began on 7 December 2025, 5 days ago",
    "Phase: over",
    "“I Feel Better” pressed on 11 December 2025, after 4 days",
    "Their note: “After moving house”",
    NULL });
  assert_section (summary, 1, "Last Symptom Check", FALSE, (const char *[]) {
    "On 11 December 2025: Self-care is reasonable",
    "You answered No to every warning-sign question.",
    NULL });
}

/* No records: each part says so in one line, and there is no chart to draw. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(LimberDoctorSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = limber_doctor_summary_new (f->journal, f->utc, &error);
  g_assert_no_error (error);

  assert_section (summary, 0, "Episode", FALSE,
                  (const char *[]) { "No episode recorded.", NULL });
  assert_section (summary, 1, "Last Symptom Check", FALSE,
                  (const char *[]) { "No symptom check recorded.", NULL });
  assert_section (summary, 2, "Pain, Last 30 Days", TRUE,
                  (const char *[]) { "No pain ratings in the last 30 days", NULL });
  assert_section (summary, 3, "What Was Tried, Last 30 Days", FALSE,
                  (const char *[]) { "Nothing recorded in the last 30 days.", NULL });
  assert_section (summary, 4, "Recurrence", FALSE,
                  (const char *[]) { "No episodes in the last 12 months.", NULL });
  g_assert_cmpuint (limber_doctor_summary_get_pain (summary)->len, ==, 0);
}

/* Records this version cannot read are not summed up as "none". */
static void
test_newer_store (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LimberDoctorSummary) summary = NULL;
  g_autoptr(LimberJournal) newer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "newer.db", NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  newer = limber_journal_new (f->clock, path);
  summary = limber_doctor_summary_new (newer, f->utc, &error);
  g_assert_null (summary);
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "format 99"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/doctor-summary/records", Fixture, NULL, fixture_set_up, test_records,
              fixture_tear_down);
  g_test_add ("/doctor-summary/seen-doctor", Fixture, NULL, fixture_set_up, test_seen_doctor,
              fixture_tear_down);
  g_test_add ("/doctor-summary/ended-episode", Fixture, NULL, fixture_set_up, test_ended_episode,
              fixture_tear_down);
  g_test_add ("/doctor-summary/empty", Fixture, NULL, fixture_set_up, test_empty,
              fixture_tear_down);
  g_test_add ("/doctor-summary/newer-store", Fixture, NULL, fixture_set_up, test_newer_store,
              fixture_tear_down);

  return g_test_run ();
}
