/* test-journal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal on a real file: each write announced once, with the kind of record it was; and
 * two journals on one file, as the app and the reminder service have, each seeing the other's
 * records, also when one of them starts later.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "limber-care-plan.h"
#include "limber-exercise.h"
#include "limber-fake-clock.h"
#include "limber-journal.h"

typedef struct
{
  char          *dir;
  char          *path;
  LimberClock   *clock;
  LimberJournal *journal;
  guint          changes[LIMBER_N_RECORD_KINDS];
} Fixture;

static void
on_changed (LimberJournal    *journal,
            LimberRecordKind  kind,
            guint            *changes)
{
  g_assert_cmpuint (kind, <, LIMBER_N_RECORD_KINDS);
  changes[kind]++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("limber-journal-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "limber.db", NULL);
  f->clock = limber_fake_clock_new ((gint64) 1767225600 * G_USEC_PER_SEC);
  f->journal = limber_journal_new (f->clock, f->path);
  g_assert_true (limber_journal_get_saving (f->journal));
  g_signal_connect (f->journal, "changed", G_CALLBACK (on_changed), f->changes);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->journal);
  g_clear_object (&f->clock);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static guint
total (const guint *changes)
{
  guint sum = 0;

  for (guint kind = 0; kind < LIMBER_N_RECORD_KINDS; kind++)
    sum += changes[kind];
  return sum;
}

/* Each write says "changed" once, for its own kind only. */
static void
test_changed_kinds (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LimberSessionRecord) record = NULL;
  g_autofree LimberTriageAnswer *answers = g_new0 (LimberTriageAnswer,
                                                   limber_triage_get_n_questions ());
  struct {
    const char       *what;
    LimberRecordKind  kind;
  } expected[] = {
    { "glass", LIMBER_RECORD_GLASS },
    { "walk", LIMBER_RECORD_WALK },
    { "posture break", LIMBER_RECORD_POSTURE_BREAK },
    { "reminder shown", LIMBER_RECORD_REMINDER },
    { "episode", LIMBER_RECORD_EPISODE },
    { "pack", LIMBER_RECORD_PACK },
    { "plank hold", LIMBER_RECORD_PLANK_HOLD },
    { "check", LIMBER_RECORD_CHECK },
    { "session", LIMBER_RECORD_SESSION },
    { "pain after", LIMBER_RECORD_SESSION },
    { "end of episode", LIMBER_RECORD_EPISODE },
  };
  gint64 episode = 0, session = 0;

  record = limber_session_record_new ("gentle-relief", "Gentle Relief", (gint64) 1767225600 * G_USEC_PER_SEC,
                                      (gint64) 1767225900 * G_USEC_PER_SEC, 3, 3,
                                      LIMBER_SESSION_OUTCOME_COMPLETED);
  for (guint i = 0; i < limber_triage_get_n_questions (); i++)
    answers[i] = LIMBER_TRIAGE_ANSWER_NO;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint before[LIMBER_N_RECORD_KINDS];
      g_autoptr(GError) error = NULL;
      gboolean ok = FALSE;

      memcpy (before, f->changes, sizeof before);
      switch (i)
        {
        case 0: ok = limber_journal_add_glass (f->journal, LIMBER_GLASS_FROM_APP, &error) > 0; break;
        case 1: ok = limber_journal_add_walk (f->journal, &error) > 0; break;
        case 2: ok = limber_journal_add_posture_break (f->journal, &error) > 0; break;
        case 3:
          ok = limber_journal_add_reminder_event (f->journal, LIMBER_REMINDER_HYDRATION,
                                                  LIMBER_REMINDER_ACTION_SHOWN, &error) > 0;
          break;
        case 4: ok = (episode = limber_journal_start_episode (f->journal, &error)) > 0; break;
        case 5:
          ok = limber_journal_add_pack (f->journal, LIMBER_PACK_COLD,
                                        limber_clock_now_wall_us (f->clock),
                                        15 * 60 * G_USEC_PER_SEC, &error) > 0;
          break;
        case 6: ok = limber_journal_add_plank_hold (f->journal, 25, &error) > 0; break;
        case 7:
          ok = limber_journal_add_check (f->journal, LIMBER_TRIAGE_OUTCOME_SELF_CARE, answers,
                                         &error) > 0;
          break;
        case 8: ok = (session = limber_journal_add_session (f->journal, record, &error)) > 0; break;
        case 9: ok = limber_journal_set_pain_after (f->journal, session, 3, &error); break;
        case 10: ok = limber_journal_end_episode (f->journal, episode, "ok", &error); break;
        default: g_assert_not_reached ();
        }
      g_assert_no_error (error);
      g_assert_true (ok);

      if (f->changes[expected[i].kind] != before[expected[i].kind] + 1 ||
          total (f->changes) != total (before) + 1)
        g_error ("A %s was announced %u times as its kind and %u times in all",
                 expected[i].what, f->changes[expected[i].kind] - before[expected[i].kind],
                 total (f->changes) - total (before));
    }

  g_assert_cmpuint (limber_journal_count (f->journal, LIMBER_RECORD_COUNT_GLASSES, 0, G_MAXINT64),
                    ==, 1);
  g_assert_cmpuint (limber_journal_count (f->journal, LIMBER_RECORD_COUNT_WALKS, 0, G_MAXINT64),
                    ==, 1);
  g_assert_cmpuint (limber_journal_get_plank_hold (f->journal, 20), ==, 25);

  /* Deleting everything is a change of every kind that had records. */
  memset (f->changes, 0, sizeof f->changes);
  g_assert_true (limber_journal_delete_all (f->journal, NULL));
  g_assert_cmpuint (f->changes[LIMBER_RECORD_GLASS], ==, 1);
  g_assert_cmpuint (f->changes[LIMBER_RECORD_SESSION], ==, 1);
  g_assert_true (limber_journal_is_empty (f->journal));
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @changes[@kind] reaches @count, for at most 5 s; returns the time
 * it took in ms, or -1. */
static int
wait_for_change (guint            *changes,
                 LimberRecordKind  kind,
                 guint             count)
{
  gboolean late = FALSE;
  guint timeout = g_timeout_add (5000, timed_out, &late);
  gint64 start = g_get_monotonic_time ();

  while (changes[kind] < count && !late)
    g_main_context_iteration (NULL, TRUE);

  if (late)
    return -1;
  g_source_remove (timeout);
  return (int) ((g_get_monotonic_time () - start) / 1000);
}

/* Two journals on one file, as in the app and the reminder service: a record written in one is
 * announced in the other, with its kind, without polling. */
static void
test_other_process (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LimberJournal) other = limber_journal_new (f->clock, f->path);
  guint other_changes[LIMBER_N_RECORD_KINDS] = { 0, };
  int ms;

  g_signal_connect (other, "changed", G_CALLBACK (on_changed), other_changes);

  g_assert_cmpint (limber_journal_add_glass (f->journal, LIMBER_GLASS_FROM_APP, NULL), >, 0);
  ms = wait_for_change (other_changes, LIMBER_RECORD_GLASS, 1);
  g_assert_cmpint (ms, >=, 0);
  g_test_message ("A glass reached the other journal in %d ms", ms);
  g_assert_cmpuint (limber_journal_count (other, LIMBER_RECORD_COUNT_GLASSES, 0, G_MAXINT64), ==, 1);
  g_assert_cmpuint (other_changes[LIMBER_RECORD_WALK], ==, 0);

  /* And back: a walk recorded by the other one. */
  g_assert_cmpint (limber_journal_add_walk (other, NULL), >, 0);
  ms = wait_for_change (f->changes, LIMBER_RECORD_WALK, 1);
  g_assert_cmpint (ms, >=, 0);
  g_test_message ("A walk reached the first journal in %d ms", ms);
  g_assert_cmpuint (f->changes[LIMBER_RECORD_GLASS], ==, 1);
}

/* A journal opened later starts from what the file holds, and one closed and opened again
 * (a restarted process) too. */
static void
test_started_later (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LimberJournal) later = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (limber_journal_add_glass (f->journal, LIMBER_GLASS_FROM_REMINDER, NULL), >, 0);

  later = limber_journal_new (f->clock, f->path);
  g_assert_cmpuint (limber_journal_count (later, LIMBER_RECORD_COUNT_GLASSES, 0, G_MAXINT64), ==, 3);
  g_assert_cmpuint (limber_journal_count_today (later, LIMBER_RECORD_COUNT_GLASSES,
                                                utc), ==, 3);
}

/* The names reminder events are kept under in the store: old files keep reading. */
static void
test_reminder_action_names (void)
{
  const char *names[] = { "shown", "drank", "snoozed", "stretch", "done", "opened",
                          "start-pack" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (limber_reminder_action_to_string (i), ==, names[i]);
  g_assert_cmpuint (LIMBER_REMINDER_ACTION_START_PACK, ==, G_N_ELEMENTS (names) - 1);
}

/* Every enum kept as text (store, exports, D-Bus, routine files) reads and writes the text
 * that older files hold: the mkenums nicks are pinned here, both ways. */
static void
test_stored_names (void)
{
  const char *outcomes[] = { "none", "completed", "stopped", "stopped-for-pain" };
  const char *kinds[] = { "hydration", "posture", "walk", "pack" };
  const char *modes[] = { "hold", "reps", "cycles" };
  const char *sources[] = { "app", "reminder", "dbus" };
  const char *phases[] = { "prevention", "acute", "recovery" };
  const char *packs[] = { "cold", "heat" };
  const char *outcomes_checked[] = { "self-care", "doctor", "emergency" };

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_assert_cmpstr (limber_session_outcome_to_string (i), ==, outcomes[i]);
      g_assert_cmpint (limber_session_outcome_from_string (outcomes[i]), ==, i);
    }
  g_assert_cmpint (limber_session_outcome_from_string ("finished"), ==,
                   LIMBER_SESSION_OUTCOME_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      LimberReminderKind kind;

      g_assert_cmpstr (limber_reminder_kind_to_string (i), ==, kinds[i]);
      g_assert_true (limber_reminder_kind_from_string (kinds[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_cmpuint (G_N_ELEMENTS (kinds), ==, LIMBER_N_REMINDER_KINDS);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      LimberExerciseMode mode;

      g_assert_cmpstr (limber_exercise_mode_to_string (i), ==, modes[i]);
      g_assert_true (limber_exercise_mode_from_string (modes[i], &mode));
      g_assert_cmpint (mode, ==, i);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    g_assert_cmpstr (limber_glass_source_to_string (i), ==, sources[i]);
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    g_assert_cmpstr (limber_care_phase_to_string (i), ==, phases[i]);
  g_assert_cmpstr (limber_pack_kind_to_string (LIMBER_PACK_COLD), ==, "cold");
  g_assert_cmpstr (limber_pack_kind_to_string (LIMBER_PACK_HEAT), ==, "heat");
  for (guint i = 0; i < G_N_ELEMENTS (packs); i++)
    {
      LimberPackKind pack;

      g_assert_true (limber_pack_kind_from_string (packs[i], &pack));
      g_assert_cmpint (pack, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (outcomes_checked); i++)
    g_assert_cmpstr (limber_triage_outcome_get_id (i), ==, outcomes_checked[i]);

  /* Unknown text is refused, not read as the first value. */
  {
    LimberReminderKind kind;
    LimberExerciseMode mode;
    LimberPackKind pack;

    g_assert_false (limber_reminder_kind_from_string ("Hydration", &kind));
    g_assert_false (limber_reminder_kind_from_string (NULL, &kind));
    g_assert_false (limber_exercise_mode_from_string ("hold ", &mode));
    g_assert_false (limber_pack_kind_from_string ("Cold", &pack));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journal/reminder-action-names", test_reminder_action_names);
  g_test_add_func ("/journal/stored-names", test_stored_names);

  g_test_add ("/journal/changed-kinds", Fixture, NULL, fixture_set_up, test_changed_kinds,
              fixture_tear_down);
  g_test_add ("/journal/other-process", Fixture, NULL, fixture_set_up, test_other_process,
              fixture_tear_down);
  g_test_add ("/journal/started-later", Fixture, NULL, fixture_set_up, test_started_later,
              fixture_tear_down);

  return g_test_run ();
}
