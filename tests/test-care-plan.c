/* test-care-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The care plan and the pack timer on a fake clock and a real store file: the phase at 0 h,
 * 71 h, 73 h and after "I feel better", the hour on which the plan changes by itself, the walk
 * interval the reminder service uses, warnings from checks, today's progress, and a pack
 * countdown that never passes 20 minutes.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "limber-care-plan.h"
#include "limber-fake-clock.h"
#include "limber-pack-timer.h"
#include "limber-store.h"

#define HOUR ((gint64) 3600 * G_USEC_PER_SEC)
#define MINUTE ((gint64) 60 * G_USEC_PER_SEC)

typedef struct
{
  char            *dir;
  GTimeZone       *zone;
  LimberClock     *clock;
  LimberJournal   *journal;
  LimberStore     *store;    /* a second connection, for records at chosen times */
  LimberCarePlan  *plan;
  guint            phase_notifies;
} Fixture;

static void
on_phase (Fixture *f)
{
  f->phase_notifies++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("limber-care-plan-XXXXXX", &error);
  g_assert_no_error (error);
  f->zone = g_time_zone_new_identifier ("Europe/Lisbon");
  g_assert_nonnull (f->zone);

  /* Monday 10 March 2025, 09:00 in Lisbon. */
  start = g_date_time_new (f->zone, 2025, 3, 10, 9, 0, 0);
  f->clock = limber_fake_clock_new (g_date_time_to_unix (start) * G_USEC_PER_SEC);

  path = g_build_filename (f->dir, "limber.db", NULL);
  f->journal = limber_journal_new (f->clock, path);
  g_assert_true (limber_journal_get_saving (f->journal));
  f->store = limber_store_new (f->clock, path);
  g_assert_true (limber_store_open (f->store, &error));
  g_assert_no_error (error);

  f->plan = limber_care_plan_new (f->journal, f->zone);
  g_signal_connect_swapped (f->plan, "notify::phase", G_CALLBACK (on_phase), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "limber.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->plan);
  g_clear_object (&f->store);
  g_clear_object (&f->journal);
  g_clear_object (&f->clock);
  g_clear_pointer (&f->zone, g_time_zone_unref);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static LimberFakeClock *
fake (Fixture *f)
{
  return LIMBER_FAKE_CLOCK (f->clock);
}

static gint64
now (Fixture *f)
{
  return limber_clock_now_wall_us (f->clock);
}

/* Whether the plan lets a routine start now, marked for the first days or not. */
static gboolean
allows (Fixture  *f,
        gboolean  first_days)
{
  g_autoptr(LimberRoutine) routine = limber_routine_new ("r", "R", NULL, NULL);

  limber_routine_set_first_days (routine, first_days);
  return limber_care_plan_allows_routine (f->plan, routine, NULL);
}

/* No episode: prevention, the user's walk interval, heat suggested, every routine offered. */
static void
test_prevention (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpint (limber_care_plan_get_phase (f->plan), ==, LIMBER_CARE_PHASE_PREVENTION);
  g_assert_null (limber_care_plan_get_episode (f->plan));
  g_assert_cmpuint (limber_care_plan_get_day (f->plan), ==, 0);
  g_assert_cmpuint (limber_care_plan_get_walk_interval (f->plan, 120), ==, 120);
  g_assert_true (allows (f, TRUE));
  g_assert_true (allows (f, FALSE));
  g_assert_cmpint (limber_care_plan_get_acute_end_us (f->plan), ==, 0);
}

/* The phases of one episode: acute at 0 h and 71 h, recovery at 73 h, prevention after
 * "I feel better". The switch at 72 h comes from the plan's own timer, on the hour. */
static void
test_phases (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 started = now (f);

  g_assert_cmpint (limber_care_plan_start_episode (f->plan, &error), >, 0);
  g_assert_no_error (error);

  /* 0 h */
  g_assert_cmpint (limber_care_plan_get_phase (f->plan), ==, LIMBER_CARE_PHASE_ACUTE);
  g_assert_cmpuint (f->phase_notifies, ==, 1);
  g_assert_cmpuint (limber_care_plan_get_day (f->plan), ==, 1);
  g_assert_cmpuint (limber_care_plan_get_walk_interval (f->plan, 120), ==, 60);
  g_assert_cmpuint (limber_care_plan_get_walk_interval (f->plan, 30), ==, 30);
  g_assert_cmpint (limber_care_plan_get_suggested_pack (f->plan), ==, LIMBER_PACK_COLD);
  g_assert_true (allows (f, TRUE));
  g_assert_false (allows (f, FALSE));
  g_assert_cmpint (limber_care_plan_get_acute_end_us (f->plan), ==, started + 72 * HOUR);

  /* Pressed again: the same episode. */
  g_assert_cmpint (limber_care_plan_start_episode (f->plan, NULL), ==,
                   limber_care_plan_get_episode (f->plan)->id);

  /* 71 h: still acute, day 3; the midnight timers in between change nothing. */
  limber_fake_clock_advance (fake (f), 71 * HOUR);
  g_assert_cmpint (limber_care_plan_get_phase (f->plan), ==, LIMBER_CARE_PHASE_ACUTE);
  g_assert_cmpuint (limber_care_plan_get_day (f->plan), ==, 3);
  g_assert_cmpuint (f->phase_notifies, ==, 1);
  g_assert_cmpuint (limber_care_plan_get_walk_interval (f->plan, 120), ==, 60);

  /* The plan's timer is due exactly at 72 h and turns the phase by itself. */
  g_assert_cmpint (limber_fake_clock_get_next_deadline (fake (f)), <=,
                   limber_clock_now_monotonic_us (f->clock) + HOUR);
  limber_fake_clock_advance (fake (f), HOUR - 1);
  g_assert_cmpuint (f->phase_notifies, ==, 1);
  limber_fake_clock_advance (fake (f), 1);
  g_assert_cmpuint (f->phase_notifies, ==, 2);

  /* 73 h */
  limber_fake_clock_advance (fake (f), HOUR);
  g_assert_cmpint (limber_care_plan_get_phase (f->plan), ==, LIMBER_CARE_PHASE_RECOVERY);
  g_assert_cmpuint (limber_care_plan_get_walk_interval (f->plan, 120), ==, 120);
  g_assert_cmpint (limber_care_plan_get_suggested_pack (f->plan), ==, LIMBER_PACK_HEAT);
  g_assert_true (allows (f, FALSE));

  /* "I feel better" */
  g_assert_true (limber_care_plan_end_episode (f->plan, "better after a warm bath", &error));
  g_assert_no_error (error);
  g_assert_cmpint (limber_care_plan_get_phase (f->plan), ==, LIMBER_CARE_PHASE_PREVENTION);
  g_assert_cmpuint (f->phase_notifies, ==, 3);
  g_assert_cmpuint (limber_care_plan_get_walk_interval (f->plan, 120), ==, 120);
  g_assert_null (limber_store_get_open_episode (f->store));
}

/* "I feel better" inside the first 72 hours goes straight to prevention. */
static void
test_better_early (Fixture       *f,
                   gconstpointer  data)
{
  limber_care_plan_start_episode (f->plan, NULL);
  limber_fake_clock_advance (fake (f), 20 * HOUR);
  g_assert_true (limber_care_plan_end_episode (f->plan, NULL, NULL));
  g_assert_cmpint (limber_care_plan_get_phase (f->plan), ==, LIMBER_CARE_PHASE_PREVENTION);

  /* Its timer no longer turns anything at 72 h. */
  limber_fake_clock_advance (fake (f), 60 * HOUR);
  g_assert_cmpint (limber_care_plan_get_phase (f->plan), ==, LIMBER_CARE_PHASE_PREVENTION);
  g_assert_cmpuint (f->phase_notifies, ==, 2);
}

/* A second process (the app beside the service) starting an episode is followed too. */
static void
test_other_store (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "limber.db", NULL);
  g_autoptr(LimberStore) other = limber_store_new (f->clock, path);

  g_assert_true (limber_store_open (other, NULL));
  limber_store_start_episode (other, now (f), NULL);

  /* The file monitor tells the first store; wait for it. */
  for (guint i = 0; i < 200 && limber_care_plan_get_phase (f->plan) != LIMBER_CARE_PHASE_ACUTE; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpint (limber_care_plan_get_phase (f->plan), ==, LIMBER_CARE_PHASE_ACUTE);
  g_assert_cmpuint (f->phase_notifies, ==, 1);
}

static LimberTriageAnswer *
answers_with_yes (int yes)
{
  LimberTriageAnswer *answers = g_new (LimberTriageAnswer, limber_triage_get_n_questions ());

  for (guint i = 0; i < limber_triage_get_n_questions (); i++)
    answers[i] = (int) i == yes ? LIMBER_TRIAGE_ANSWER_YES : LIMBER_TRIAGE_ANSWER_NO;

  return answers;
}

static LimberTriageOutcome
warning_outcome (Fixture *f)
{
  LimberCareWarning warning;

  if (!limber_care_plan_get_warning (f->plan, &warning))
    return LIMBER_TRIAGE_OUTCOME_SELF_CARE;

  return warning.outcome;
}

static const char *
warning_reason (Fixture *f)
{
  LimberCareWarning warning;

  if (!limber_care_plan_get_warning (f->plan, &warning))
    return "none";

  return limber_care_reason_to_string (warning.reason);
}

/* A check's warning stands until a later check finds none: during the episode, or for a week
 * without one; an episode started after it is not held back by it. Only an emergency sets
 * the plan aside; a reason to see a doctor leaves every routine and pack the phase allows. */
static void
test_warning (Fixture       *f,
              gconstpointer  data)
{
  g_autofree LimberTriageAnswer *emergency = answers_with_yes (0);
  g_autofree LimberTriageAnswer *none = answers_with_yes (-1);

  g_assert_false (limber_care_plan_get_warning (f->plan, NULL));

  limber_journal_add_check (f->journal, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON, emergency, NULL);
  g_assert_cmpint (warning_outcome (f), ==, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON);
  g_assert_cmpstr (warning_reason (f), ==, "check");
  g_assert_false (limber_care_plan_get_emergency (f->plan));
  /* Prevention with a reason to see a doctor: every routine and a pack, as without one. */
  g_assert_true (allows (f, TRUE));
  g_assert_true (allows (f, FALSE));
  g_assert_true (limber_care_plan_allows_pack (f->plan, NULL));

  limber_fake_clock_advance (fake (f), 7 * 24 * HOUR + 1);
  g_assert_false (limber_care_plan_get_warning (f->plan, NULL));

  limber_journal_add_check (f->journal, LIMBER_TRIAGE_OUTCOME_EMERGENCY, emergency, NULL);
  g_assert_true (limber_care_plan_get_emergency (f->plan));
  /* An emergency: no routine, gentle or not, and no pack. */
  g_assert_false (allows (f, TRUE));
  g_assert_false (allows (f, FALSE));
  g_assert_false (limber_care_plan_allows_pack (f->plan, NULL));

  limber_fake_clock_advance (fake (f), MINUTE);
  limber_care_plan_start_episode (f->plan, NULL);
  g_assert_false (limber_care_plan_get_warning (f->plan, NULL));

  limber_fake_clock_advance (fake (f), 100 * HOUR);
  limber_journal_add_check (f->journal, LIMBER_TRIAGE_OUTCOME_EMERGENCY, emergency, NULL);
  g_assert_cmpint (warning_outcome (f), ==, LIMBER_TRIAGE_OUTCOME_EMERGENCY);

  /* At any time of the episode, however long ago. */
  limber_fake_clock_advance (fake (f), 30 * 24 * HOUR);
  g_assert_true (limber_care_plan_get_emergency (f->plan));

  /* "I have seen a doctor" does not clear an emergency: only a check that finds none does. */
  g_assert_true (limber_care_plan_record_doctor_visit (f->plan, NULL));
  g_assert_true (limber_care_plan_get_emergency (f->plan));

  limber_journal_add_check (f->journal, LIMBER_TRIAGE_OUTCOME_SELF_CARE, none, NULL);
  g_assert_false (limber_care_plan_get_warning (f->plan, NULL));
  g_assert_true (limber_care_plan_allows_pack (f->plan, NULL));
}

/* Every kind of warning in every phase: the emergency holds everything back; a reason to see a
 * doctor holds back only what the phase does anyway. */
static void
test_warning_phases (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree LimberTriageAnswer *yes = answers_with_yes (0);

  limber_care_plan_start_episode (f->plan, NULL);
  limber_fake_clock_advance (fake (f), MINUTE);

  /* Acute, with a reason to see a doctor: the gentle routines and the cold pack stay. */
  limber_journal_add_check (f->journal, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON, yes, NULL);
  g_assert_cmpint (limber_care_plan_get_phase (f->plan), ==, LIMBER_CARE_PHASE_ACUTE);
  g_assert_cmpint (warning_outcome (f), ==, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON);
  g_assert_true (allows (f, TRUE));
  g_assert_false (allows (f, FALSE));
  g_assert_true (limber_care_plan_allows_pack (f->plan, NULL));
  g_assert_cmpint (limber_care_plan_get_suggested_pack (f->plan), ==, LIMBER_PACK_COLD);

  /* Acute, emergency. */
  limber_journal_add_check (f->journal, LIMBER_TRIAGE_OUTCOME_EMERGENCY, yes, NULL);
  g_assert_false (allows (f, TRUE));
  g_assert_false (limber_care_plan_allows_pack (f->plan, NULL));

  /* Recovery, with a reason to see a doctor: every routine and heat. */
  limber_fake_clock_advance (fake (f), 72 * HOUR);
  limber_journal_add_check (f->journal, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON, yes, NULL);
  g_assert_cmpint (limber_care_plan_get_phase (f->plan), ==, LIMBER_CARE_PHASE_RECOVERY);
  g_assert_true (allows (f, TRUE));
  g_assert_true (allows (f, FALSE));
  g_assert_true (limber_care_plan_allows_pack (f->plan, NULL));

  /* Recovery, emergency. */
  limber_journal_add_check (f->journal, LIMBER_TRIAGE_OUTCOME_EMERGENCY, yes, NULL);
  g_assert_false (allows (f, TRUE));
  g_assert_false (allows (f, FALSE));

  /* Prevention, emergency: it outlasts the episode by a week, like any check. */
  limber_care_plan_end_episode (f->plan, NULL, NULL);
  g_assert_cmpint (limber_care_plan_get_phase (f->plan), ==, LIMBER_CARE_PHASE_PREVENTION);
  g_assert_true (limber_care_plan_get_emergency (f->plan));
  g_assert_false (allows (f, FALSE));
}

/* "I have seen a doctor" clears a check's reason to see one, and only checks made before it. */
static void
test_seen_doctor (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree LimberTriageAnswer *yes = answers_with_yes (0);
  guint changes = 0;

  g_signal_connect_swapped (f->plan, "changed", G_CALLBACK (on_phase), f);
  limber_care_plan_start_episode (f->plan, NULL);
  limber_journal_add_check (f->journal, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON, yes, NULL);
  g_assert_cmpint (warning_outcome (f), ==, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON);

  changes = f->phase_notifies;
  limber_fake_clock_advance (fake (f), HOUR);
  g_assert_true (limber_care_plan_record_doctor_visit (f->plan, NULL));
  g_assert_false (limber_care_plan_get_warning (f->plan, NULL));
  /* The Today page follows the plan's "changed". */
  g_assert_cmpuint (f->phase_notifies, >, changes);

  /* A later check with the same sign raises it again. */
  limber_fake_clock_advance (fake (f), HOUR);
  limber_journal_add_check (f->journal, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON, yes, NULL);
  g_assert_cmpint (warning_outcome (f), ==, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON);
}

/* A session with pain ratings before and after, written at a chosen time. */
static void
add_rated_session (Fixture *f,
                   gint64   at_us,
                   int      before,
                   int      after)
{
  g_autoptr(LimberSessionRecord) record =
    limber_session_record_new ("gentle-relief", "Gentle Relief", at_us, at_us + 10 * MINUTE, 3,
                               3, LIMBER_SESSION_OUTCOME_COMPLETED);

  limber_session_record_set_pain_before (record, before);
  limber_session_record_set_pain_after (record, after);
  g_assert_cmpint (limber_store_add_session (f->store, record, NULL), >, 0);
}

/* "Spasms that keep coming back": the third episode within eight weeks, and not the third
 * within eight weeks and a day. */
static void
test_recurring (Fixture       *f,
                gconstpointer  data)
{
  gint64 start = now (f);

  /* Two earlier episodes, 8 weeks and 4 weeks before. */
  limber_store_start_episode (f->store, start - 8 * 7 * 24 * HOUR + HOUR, NULL);
  limber_store_end_episode (f->store, 1, start - 8 * 7 * 24 * HOUR + 50 * HOUR, NULL, NULL);
  limber_store_start_episode (f->store, start - 4 * 7 * 24 * HOUR, NULL);
  limber_store_end_episode (f->store, 2, start - 4 * 7 * 24 * HOUR + 50 * HOUR, NULL, NULL);
  g_assert_false (limber_care_plan_get_warning (f->plan, NULL));

  limber_care_plan_start_episode (f->plan, NULL);
  g_assert_cmpint (warning_outcome (f), ==, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON);
  g_assert_cmpstr (warning_reason (f), ==, "recurring");
  /* The plan stays: the acute routines and the cold pack. */
  g_assert_cmpint (limber_care_plan_get_phase (f->plan), ==, LIMBER_CARE_PHASE_ACUTE);
  g_assert_true (allows (f, TRUE));
  g_assert_true (limber_care_plan_allows_pack (f->plan, NULL));

  /* Seen by a doctor: cleared for this episode... */
  g_assert_true (limber_care_plan_record_doctor_visit (f->plan, NULL));
  g_assert_cmpstr (warning_reason (f), ==, "none");

  /* ...and raised again by the next one. */
  limber_fake_clock_advance (fake (f), 80 * HOUR);
  limber_care_plan_end_episode (f->plan, NULL, NULL);
  limber_fake_clock_advance (fake (f), 24 * HOUR);
  limber_care_plan_start_episode (f->plan, NULL);
  g_assert_cmpstr (warning_reason (f), ==, "recurring");
}

static void
test_recurring_below (Fixture       *f,
                      gconstpointer  data)
{
  gint64 start = now (f);

  /* Eight weeks and an hour ago is outside the window. */
  limber_store_start_episode (f->store, start - 8 * 7 * 24 * HOUR - HOUR, NULL);
  limber_store_end_episode (f->store, 1, start - 8 * 7 * 24 * HOUR + 50 * HOUR, NULL, NULL);
  limber_store_start_episode (f->store, start - 4 * 7 * 24 * HOUR, NULL);
  limber_store_end_episode (f->store, 2, start - 4 * 7 * 24 * HOUR + 50 * HOUR, NULL, NULL);

  limber_care_plan_start_episode (f->plan, NULL);
  g_assert_false (limber_care_plan_get_warning (f->plan, NULL));
}

/* "Pain that is not better after home treatment", judged when the first 72 hours end. */
static void
test_not_better (Fixture       *f,
                 gconstpointer  data)
{
  gint64 start = now (f);

  limber_care_plan_start_episode (f->plan, NULL);
  add_rated_session (f, start + HOUR, 6, 5);
  add_rated_session (f, start + 60 * HOUR, 6, 6);

  /* Not during the first 72 hours... */
  limber_fake_clock_advance (fake (f), 72 * HOUR - MINUTE);
  g_assert_false (limber_care_plan_get_warning (f->plan, NULL));

  /* ...but from their end, by the plan's own timer: 6 is not lower than the first 6. */
  limber_fake_clock_advance (fake (f), MINUTE);
  g_assert_cmpint (limber_care_plan_get_phase (f->plan), ==, LIMBER_CARE_PHASE_RECOVERY);
  g_assert_cmpstr (warning_reason (f), ==, "not-better");
  g_assert_true (allows (f, FALSE));

  /* Seen by a doctor: cleared for this episode. */
  g_assert_true (limber_care_plan_record_doctor_visit (f->plan, NULL));
  g_assert_false (limber_care_plan_get_warning (f->plan, NULL));
}

static void
test_better (Fixture       *f,
             gconstpointer  data)
{
  gint64 start = now (f);

  limber_care_plan_start_episode (f->plan, NULL);
  add_rated_session (f, start + HOUR, 6, 5);
  add_rated_session (f, start + 60 * HOUR, 5, 5);

  /* One lower than the start, and below 8: no warning. */
  limber_fake_clock_advance (fake (f), 72 * HOUR);
  g_assert_false (limber_care_plan_get_warning (f->plan, NULL));
}

/* A rating of 8 or more in the last day of the first 72 hours, at the threshold and below. */
static void
test_severe_pain (Fixture       *f,
                  gconstpointer  data)
{
  gint64 start = now (f);

  limber_care_plan_start_episode (f->plan, NULL);
  add_rated_session (f, start + HOUR, 9, 9);      /* before the last day: not counted */
  add_rated_session (f, start + 50 * HOUR, 7, 7);
  limber_fake_clock_advance (fake (f), 72 * HOUR);
  /* 7 is lower than the first 9, and below 8. */
  g_assert_false (limber_care_plan_get_warning (f->plan, NULL));

  add_rated_session (f, now (f) - 10 * MINUTE, 5, 8);
  limber_journal_add_walk (f->journal, NULL);    /* any record makes the plan look again */
  g_assert_cmpstr (warning_reason (f), ==, "severe-pain");

  /* I feel better ends the episode and its warnings from the record. */
  limber_care_plan_end_episode (f->plan, NULL, NULL);
  g_assert_false (limber_care_plan_get_warning (f->plan, NULL));
}

/* Today's progress counts from local midnight, and the next cold pack is two hours after the
 * last came off. */
static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  LimberCareProgress progress;
  g_autoptr(LimberPackTimer) timer = limber_pack_timer_new (f->clock, f->journal);
  g_autoptr(LimberSessionRecord) gentle = NULL;
  g_autoptr(LimberSessionRecord) other = NULL;

  limber_care_plan_start_episode (f->plan, NULL);

  /* Yesterday's glass does not count today. */
  limber_store_add_glass (f->store, now (f) - 24 * HOUR, "app", NULL);
  limber_store_add_glass (f->store, now (f), "app", NULL);
  limber_store_add_reminder_event (f->store, now (f), "walk", "done", NULL);
  limber_store_add_reminder_event (f->store, now (f), "walk", "snoozed", NULL);
  limber_store_add_reminder_event (f->store, now (f), "hydration", "done", NULL);
  gentle = limber_session_record_new ("gentle-relief", "Gentle", now (f), now (f) + MINUTE, 3, 3,
                                      LIMBER_SESSION_OUTCOME_COMPLETED);
  other = limber_session_record_new ("morning", "Morning", now (f), now (f) + MINUTE, 0, 5,
                                     LIMBER_SESSION_OUTCOME_STOPPED);
  limber_store_add_session (f->store, gentle, NULL);
  limber_store_add_session (f->store, other, NULL);

  limber_care_plan_get_progress (f->plan, &progress);
  g_assert_cmpuint (progress.glasses, ==, 1);
  g_assert_cmpuint (progress.walks, ==, 1);
  g_assert_cmpuint (progress.gentle_sessions, ==, 1);
  g_assert_cmpuint (progress.sessions, ==, 1);
  g_assert_cmpuint (progress.cold_packs, ==, 0);
  g_assert_cmpint (progress.next_cold_us, ==, 0);

  limber_pack_timer_start (timer, LIMBER_PACK_COLD, 15 * MINUTE);
  limber_fake_clock_advance (fake (f), 15 * MINUTE);
  limber_care_plan_get_progress (f->plan, &progress);
  g_assert_cmpuint (progress.cold_packs, ==, 1);
  g_assert_cmpint (progress.last_pack_end_us, ==, now (f));
  g_assert_cmpint (progress.next_cold_us, ==, now (f) + 2 * HOUR);

  /* Past the suggested time it is due again. */
  limber_fake_clock_advance (fake (f), 2 * HOUR);
  limber_care_plan_get_progress (f->plan, &progress);
  g_assert_cmpint (progress.next_cold_us, ==, 0);

  /* After midnight, a new day starts at 0. */
  limber_fake_clock_advance (fake (f), 15 * HOUR);
  limber_care_plan_get_progress (f->plan, &progress);
  g_assert_cmpuint (progress.glasses, ==, 0);
  g_assert_cmpuint (progress.cold_packs, ==, 0);
  g_assert_cmpuint (progress.walks, ==, 0);
}

typedef struct
{
  guint          finished;
  LimberPackKind kind;
  gint64         on_us;
  gboolean       completed;
} Finished;

static void
on_finished (LimberPackTimer *timer,
             LimberPackKind   kind,
             gint64           on_us,
             gboolean         completed,
             Finished        *finished)
{
  finished->finished++;
  finished->kind = kind;
  finished->on_us = on_us;
  finished->completed = completed;
}

/* The countdown never passes 20 minutes, ends on time through the clock, and records each pack
 * with the time it was really on. */
static void
test_pack_timer (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LimberPackTimer) timer = limber_pack_timer_new (f->clock, f->journal);
  Finished finished = { 0 };
  LimberPackKind kind;
  gint64 started, duration;
  const gint64 asked[] = { 45 * MINUTE, 21 * MINUTE, 20 * MINUTE + 1, G_MAXINT64, 0, -5 };
  const gint64 given[] = { 20 * MINUTE, 20 * MINUTE, 20 * MINUTE, 20 * MINUTE, MINUTE, MINUTE };

  g_signal_connect (timer, "finished", G_CALLBACK (on_finished), &finished);

  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    {
      g_assert_cmpint (limber_pack_timer_clamp (asked[i]), ==, given[i]);
      g_assert_cmpint (limber_pack_timer_start (timer, LIMBER_PACK_HEAT, asked[i]), ==, given[i]);
      g_assert_cmpint (limber_pack_timer_get_remaining_us (timer), ==, given[i]);
      limber_pack_timer_stop (timer);
    }
  g_assert_cmpuint (finished.finished, ==, G_N_ELEMENTS (asked));
  g_assert_false (finished.completed);
  g_assert_cmpint (finished.on_us, ==, 0);

  /* A full 20-minute heat pack: the end comes from the clock at exactly 20 minutes. */
  finished.finished = 0;
  started = now (f);
  limber_pack_timer_start (timer, LIMBER_PACK_HEAT, 30 * MINUTE);
  g_assert_true (limber_pack_timer_get_running (timer));
  limber_fake_clock_advance (fake (f), 20 * MINUTE - 1);
  g_assert_cmpuint (finished.finished, ==, 0);
  g_assert_cmpint (limber_pack_timer_get_remaining_us (timer), ==, 1);
  limber_fake_clock_advance (fake (f), 1);
  g_assert_cmpuint (finished.finished, ==, 1);
  g_assert_true (finished.completed);
  g_assert_cmpint (finished.kind, ==, LIMBER_PACK_HEAT);
  g_assert_cmpint (finished.on_us, ==, 20 * MINUTE);
  g_assert_false (limber_pack_timer_get_running (timer));
  g_assert_cmpint (limber_pack_timer_get_remaining_us (timer), ==, 0);

  g_assert_true (limber_store_get_last_pack (f->store, &kind, &duration, NULL));
  g_assert_true (limber_store_get_last_pack (f->store, &kind, &started, &duration));
  g_assert_cmpint (kind, ==, LIMBER_PACK_HEAT);
  g_assert_cmpint (duration, ==, 20 * MINUTE);

  /* Stopped after 7 minutes: 7 minutes recorded. */
  limber_pack_timer_start (timer, LIMBER_PACK_COLD, 15 * MINUTE);
  limber_fake_clock_advance (fake (f), 7 * MINUTE);
  limber_pack_timer_stop (timer);
  g_assert_false (finished.completed);
  g_assert_cmpint (finished.on_us, ==, 7 * MINUTE);
  g_assert_true (limber_store_get_last_pack (f->store, &kind, &started, &duration));
  g_assert_cmpint (kind, ==, LIMBER_PACK_COLD);
  g_assert_cmpint (duration, ==, 7 * MINUTE);
  g_assert_cmpint (limber_fake_clock_get_n_pending (fake (f)), ==, 1);  /* the plan's own */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/care-plan/prevention", test_prevention);
  ADD ("/care-plan/phases", test_phases);
  ADD ("/care-plan/better-early", test_better_early);
  ADD ("/care-plan/other-store", test_other_store);
  ADD ("/care-plan/warning", test_warning);
  ADD ("/care-plan/warning-phases", test_warning_phases);
  ADD ("/care-plan/seen-doctor", test_seen_doctor);
  ADD ("/care-plan/recurring", test_recurring);
  ADD ("/care-plan/recurring-below", test_recurring_below);
  ADD ("/care-plan/not-better", test_not_better);
  ADD ("/care-plan/better", test_better);
  ADD ("/care-plan/severe-pain", test_severe_pain);
  ADD ("/care-plan/progress", test_progress);
  ADD ("/care-plan/pack-timer", test_pack_timer);

  return g_test_run ();
}
