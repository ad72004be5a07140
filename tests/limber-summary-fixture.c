/* limber-summary-fixture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-triage.h"

#include "limber-summary-fixture.h"

#define HOUR_US ((gint64) 3600 * G_USEC_PER_SEC)
#define DAY_US  (24 * HOUR_US)

static void
advance_to (LimberFakeClock *clock,
            gint64           wall_us)
{
  gint64 now = limber_clock_now_wall_us (LIMBER_CLOCK (clock));

  g_assert_cmpint (wall_us, >=, now);
  limber_fake_clock_advance (clock, wall_us - now);
}

static void
add_session (LimberJournal        *journal,
             LimberFakeClock      *clock,
             LimberSessionOutcome  outcome,
             int                   before,
             int                   after)
{
  gint64 start = limber_clock_now_wall_us (LIMBER_CLOCK (clock));
  g_autoptr(LimberSessionRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  advance_to (clock, start + 10 * 60 * G_USEC_PER_SEC);
  record = limber_session_record_new ("gentle-relief", "Gentle Relief", start,
                                      limber_clock_now_wall_us (LIMBER_CLOCK (clock)),
                                      outcome == LIMBER_SESSION_OUTCOME_COMPLETED ? 5 : 2, 5,
                                      outcome);
  limber_session_record_set_pain_before (record, before);
  id = limber_journal_add_session (journal, record, &error);
  g_assert_no_error (error);
  g_assert_true (limber_journal_set_pain_after (journal, id, after, &error));
  g_assert_no_error (error);
}

void
limber_summary_fixture_fill (LimberJournal   *journal,
                             LimberFakeClock *clock)
{
  const gint64 now = LIMBER_SUMMARY_FIXTURE_NOW_US;
  LimberTriageAnswer answers[32] = { 0, };
  g_autoptr(GError) error = NULL;
  gint64 episode;

  g_assert_cmpint (limber_clock_now_wall_us (LIMBER_CLOCK (clock)), <=, now - 200 * DAY_US);
  g_assert_cmpuint (limber_triage_get_n_questions (), <=, G_N_ELEMENTS (answers));

  /* An episode in the summer, over after 6 days: within 12 months, not within 6. */
  advance_to (clock, now - 200 * DAY_US);
  episode = limber_journal_start_episode (journal, &error);
  g_assert_no_error (error);
  advance_to (clock, now - 194 * DAY_US);
  g_assert_true (limber_journal_end_episode (journal, episode, NULL, &error));
  g_assert_no_error (error);

  /* The current episode, 3 days old (4 December, 08:00). */
  advance_to (clock, now - 3 * DAY_US - HOUR_US);
  limber_journal_start_episode (journal, &error);
  g_assert_no_error (error);

  /* A check an hour later: No to everything but a tingling leg and spasms in the same place. */
  advance_to (clock, now - 3 * DAY_US);
  for (guint i = 0; i < limber_triage_get_n_questions (); i++)
    answers[i] = LIMBER_TRIAGE_ANSWER_NO;
  answers[limber_triage_find_question ("leg-tingling")] = LIMBER_TRIAGE_ANSWER_YES;
  answers[limber_triage_find_question ("recurring-same-place")] = LIMBER_TRIAGE_ANSWER_YES;
  limber_journal_add_check (journal, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON, answers, &error);
  g_assert_no_error (error);

  /* Cold packs of 15 and 20 minutes, two walks, three sessions: one stopped as it hurt. */
  advance_to (clock, now - 3 * DAY_US + HOUR_US);
  limber_journal_add_pack (journal, LIMBER_PACK_COLD, now - 3 * DAY_US + HOUR_US,
                           15 * 60 * G_USEC_PER_SEC, &error);
  g_assert_no_error (error);
  advance_to (clock, now - 3 * DAY_US + 2 * HOUR_US);
  limber_journal_add_walk (journal, &error);
  g_assert_no_error (error);
  add_session (journal, clock, LIMBER_SESSION_OUTCOME_COMPLETED, 6, 4);

  advance_to (clock, now - 2 * DAY_US);
  add_session (journal, clock, LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN, 5, 7);
  advance_to (clock, now - 2 * DAY_US + HOUR_US);
  limber_journal_add_pack (journal, LIMBER_PACK_COLD, now - 2 * DAY_US + HOUR_US,
                           20 * 60 * G_USEC_PER_SEC, &error);
  g_assert_no_error (error);
  limber_journal_add_walk (journal, &error);
  g_assert_no_error (error);

  advance_to (clock, now - DAY_US);
  add_session (journal, clock, LIMBER_SESSION_OUTCOME_COMPLETED, 4, 3);

  advance_to (clock, now);
}
