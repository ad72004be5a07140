/* test-journal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal on a real file, through its own API: every kind of record written and read
 * back (sessions and pain, checks, glasses, episodes, packs, plank holds, reminder events,
 * doctor visits), counts per local day across daylight saving, the streak, exports in CSV and
 * JSON; each write announced once, with the kind of record it was; and two journals on one
 * file, as the app and the reminder service have, each seeing the other's records, also when
 * one of them starts later. The file cases (migrations, damage, locks, full disk) are the
 * store's, in test-store.c.
 *
 * The journal stamps records with its clock: a fake one, set to each record's time before it
 * is written. It starts at Monday 2026-03-16 10:00 UTC, and main() puts the process in
 * Europe/Lisbon (WET, UTC+0 that day; WEST from 2026-03-29), so local times in exports are
 * known exactly.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "limber-care-plan.h"
#include "limber-exercise.h"
#include "limber-fake-clock.h"
#include "limber-journal.h"
/* The journal reports its errors in the store's domain. */
#include "limber-store.h"

#define SECOND (G_GINT64_CONSTANT (1000000))
#define MINUTE (60 * SECOND)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

/* 2026-03-16 10:00:00 UTC */
#define WALL_START (G_GINT64_CONSTANT (1773655200) * SECOND)
#define ALL_TIME   G_MININT64, G_MAXINT64

typedef struct
{
  char          *dir;
  char          *path;
  GTimeZone     *tz;        /* Europe/Lisbon */
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
  f->tz = g_time_zone_new_identifier ("Europe/Lisbon");
  g_assert_nonnull (f->tz);
  f->clock = limber_fake_clock_new (WALL_START);
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
  g_clear_pointer (&f->tz, g_time_zone_unref);

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

/* ---------------------------------------------------------------------------------------- */
/* Helpers */

/* Sets the journal's clock to @wall_us, back or forward, for the next record it stamps. */
static void
set_wall (Fixture *f,
          gint64   wall_us)
{
  limber_fake_clock_jump_wall (LIMBER_FAKE_CLOCK (f->clock),
                               wall_us - limber_clock_now_wall_us (f->clock));
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

static guint
count_glasses (LimberJournal *journal)
{
  return limber_journal_count (journal, LIMBER_RECORD_COUNT_GLASSES, ALL_TIME);
}

static void
add_glass_at (Fixture           *f,
              gint64             time_us,
              LimberGlassSource  source)
{
  g_autoptr(GError) error = NULL;

  set_wall (f, time_us);
  g_assert_cmpint (limber_journal_add_glass (f->journal, source, &error), >, 0);
  g_assert_no_error (error);
}

/* A glass logged in the app at @time_us. */
static void
add_glass (Fixture *f,
           gint64   time_us)
{
  add_glass_at (f, time_us, LIMBER_GLASS_FROM_APP);
}

static void
add_check_at (Fixture                  *f,
              gint64                    time_us,
              LimberTriageOutcome       outcome,
              const LimberTriageAnswer *answers)
{
  g_autoptr(GError) error = NULL;

  set_wall (f, time_us);
  g_assert_cmpint (limber_journal_add_check (f->journal, outcome, answers, &error), >, 0);
  g_assert_no_error (error);
}

static void
add_event_at (Fixture              *f,
              gint64                time_us,
              LimberReminderKind    kind,
              LimberReminderAction  action)
{
  g_autoptr(GError) error = NULL;

  set_wall (f, time_us);
  g_assert_cmpint (limber_journal_add_reminder_event (f->journal, kind, action, &error), >, 0);
  g_assert_no_error (error);
}

static gint64
start_episode_at (Fixture *f,
                  gint64   time_us)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  set_wall (f, time_us);
  id = limber_journal_start_episode (f->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gboolean
end_episode_at (Fixture     *f,
                gint64       id,
                gint64       time_us,
                const char  *notes,
                GError     **error)
{
  set_wall (f, time_us);
  return limber_journal_end_episode (f->journal, id, notes, error);
}

static gint64
add_plank_hold_at (Fixture  *f,
                   gint64    time_us,
                   guint     seconds,
                   GError  **error)
{
  set_wall (f, time_us);
  return limber_journal_add_plank_hold (f->journal, seconds, error);
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
add_session (LimberJournal        *journal,
             const char           *routine_id,
             gint64                started_us,
             guint                 completed,
             LimberSessionOutcome  outcome)
{
  g_autoptr(LimberSessionRecord) record = make_session (routine_id, NULL, started_us,
                                                        10 * MINUTE, completed, 5, outcome,
                                                        LIMBER_PAIN_UNSET, LIMBER_PAIN_UNSET);
  g_autoptr(GError) error = NULL;
  gint64 id = limber_journal_add_session (journal, record, &error);

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
add_one_of_each (Fixture *f)
{
  g_autoptr(LimberSessionRecord) session = NULL;
  g_autofree LimberTriageAnswer *answers = g_new0 (LimberTriageAnswer,
                                                   limber_triage_get_n_questions ());
  g_autoptr(GError) error = NULL;
  gint64 episode;

  session = make_session ("morning", "Morning, gently", WALL_START, 10 * MINUTE, 4, 5,
                          LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN, 6, 3);
  limber_session_record_set_stopped_exercise (session, "bridge");
  g_assert_cmpint (limber_journal_add_session (f->journal, session, &error), >, 0);
  g_assert_no_error (error);

  answers[0] = LIMBER_TRIAGE_ANSWER_NO;
  answers[2] = LIMBER_TRIAGE_ANSWER_YES;
  add_check_at (f, WALL_START + MINUTE, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON, answers);
  add_glass_at (f, WALL_START + 2 * MINUTE, LIMBER_GLASS_FROM_REMINDER);

  episode = start_episode_at (f, WALL_START + 3 * MINUTE);
  g_assert_true (end_episode_at (f, episode, WALL_START + HOUR, episode_notes, &error));
  g_assert_no_error (error);

  g_assert_cmpint (limber_journal_add_pack (f->journal, LIMBER_PACK_HEAT,
                                            WALL_START + 4 * MINUTE, 20 * MINUTE, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (add_plank_hold_at (f, WALL_START + 5 * MINUTE, 45, &error), >, 0);
  g_assert_no_error (error);

  add_event_at (f, WALL_START + 6 * MINUTE, LIMBER_REMINDER_WALK, LIMBER_REMINDER_ACTION_DONE);

  set_wall (f, WALL_START + 7 * MINUTE);
  g_assert_cmpint (limber_journal_add_doctor_visit (f->journal, &error), >, 0);
  g_assert_no_error (error);
}

/* Exports to @name in the fixture's folder and returns the file's path. */
static char *
export_to (Fixture    *f,
           const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_journal_export (f->journal, path, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static JsonNode *
export_json (Fixture *f)
{
  g_autofree char *path = export_to (f, "export.json");
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

static gboolean
file_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
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

/* A journal on another file, which must then be saving. */
static LimberJournal *
open_journal (Fixture    *f,
              const char *path)
{
  LimberJournal *journal = limber_journal_new (f->clock, path);

  g_assert_true (limber_journal_get_saving (journal));
  g_assert_null (limber_journal_get_problem (journal));
  g_assert_null (limber_journal_get_moved_aside_path (journal));

  return journal;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* ---------------------------------------------------------------------------------------- */
/* Announcing changes, and two journals on one file */

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

/* ---------------------------------------------------------------------------------------- */
/* Round trips */

static void
test_session (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LimberSessionRecord) first = NULL;
  g_autoptr(LimberSessionRecord) second = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) pain = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t1 = WALL_START + 2 * HOUR;
  gint64 id1, id2;

  first = make_session ("morning", "Morning", WALL_START, 10 * MINUTE, 3, 5,
                        LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN, 6, 4);
  id1 = limber_journal_add_session (f->journal, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id1, >, 0);
  g_assert_cmpint (limber_session_record_get_id (first), ==, id1);

  /* No exercise done, no name, no pain ratings yet. */
  second = make_session ("evening", NULL, t1, 5 * MINUTE, 0, 4, LIMBER_SESSION_OUTCOME_STOPPED,
                         LIMBER_PAIN_UNSET, LIMBER_PAIN_UNSET);
  id2 = limber_journal_add_session (f->journal, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id2, !=, id1);
  g_assert_cmpuint (f->changes[LIMBER_RECORD_SESSION], ==, 2);

  sessions = limber_journal_list_sessions (f->journal, ALL_TIME);
  g_assert_cmpuint (sessions->len, ==, 2);
  assert_session (sessions->pdata[0], id1, "morning", "Morning", WALL_START,
                  WALL_START + 10 * MINUTE, 3, 5, LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN, 6, 4);
  assert_session (sessions->pdata[1], id2, "evening", NULL, t1, t1 + 5 * MINUTE, 0, 4,
                  LIMBER_SESSION_OUTCOME_STOPPED, LIMBER_PAIN_UNSET, LIMBER_PAIN_UNSET);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Ranges are [from, to). */
  sessions = limber_journal_list_sessions (f->journal, t1, t1 + 1);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpint (limber_session_record_get_id (sessions->pdata[0]), ==, id2);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = limber_journal_list_sessions (f->journal, WALL_START + 1, t1);
  g_assert_cmpuint (sessions->len, ==, 0);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Only sessions with an exercise done count. */
  g_assert_cmpuint (limber_journal_count (f->journal, LIMBER_RECORD_COUNT_SESSIONS, ALL_TIME), ==,
                    1);
  g_assert_cmpuint (limber_journal_count_routine (f->journal, "morning", ALL_TIME), ==, 1);
  g_assert_cmpuint (limber_journal_count_routine (f->journal, "evening", ALL_TIME), ==, 0);
  g_assert_cmpuint (limber_journal_count_routine (f->journal, NULL, ALL_TIME), ==, 1);

  /* The pain after is asked for once the session has ended. */
  g_assert_true (limber_journal_set_pain_after (f->journal, id2, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes[LIMBER_RECORD_SESSION], ==, 3);
  sessions = limber_journal_list_sessions (f->journal, ALL_TIME);
  assert_session (sessions->pdata[1], id2, "evening", NULL, t1, t1 + 5 * MINUTE, 0, 4,
                  LIMBER_SESSION_OUTCOME_STOPPED, LIMBER_PAIN_UNSET, 2);
  pain = limber_journal_list_pain_after (f->journal, ALL_TIME);
  g_assert_cmpuint (pain->len, ==, 2);
  g_assert_cmpint (g_array_index (pain, LimberRecordPoint, 0).time_us, ==,
                   WALL_START + 10 * MINUTE);
  g_assert_cmpint (g_array_index (pain, LimberRecordPoint, 0).value, ==, 4);
  g_assert_cmpint (g_array_index (pain, LimberRecordPoint, 1).time_us, ==, t1 + 5 * MINUTE);
  g_assert_cmpint (g_array_index (pain, LimberRecordPoint, 1).value, ==, 2);
  g_clear_pointer (&pain, g_array_unref);

  /* Out of range, or no such session: refused, and nothing changes. */
  g_assert_false (limber_journal_set_pain_after (f->journal, id2, 11, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (limber_journal_set_pain_after (f->journal, id2, -2, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (limber_journal_set_pain_after (f->journal, id2 + 100, 3, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (limber_journal_get_saving (f->journal));

  /* Unset again. */
  g_assert_true (limber_journal_set_pain_after (f->journal, id2, LIMBER_PAIN_UNSET, &error));
  g_assert_no_error (error);
  pain = limber_journal_list_pain_after (f->journal, ALL_TIME);
  g_assert_cmpuint (pain->len, ==, 1);
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
    guint n_questions = limber_triage_get_n_questions ();
  g_autofree LimberTriageAnswer *answers = g_new0 (LimberTriageAnswer, n_questions);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  LimberTriageOutcome outcome = LIMBER_TRIAGE_OUTCOME_EMERGENCY;
  JsonArray *checks;
  JsonObject *check, *recorded;
  gint64 time_us = 0;

  g_assert_false (limber_journal_get_last_check (f->journal, &time_us, &outcome));
  g_assert_cmpuint (n_questions, >=, 5);

  answers[0] = LIMBER_TRIAGE_ANSWER_NO;
  answers[4] = LIMBER_TRIAGE_ANSWER_YES;
  add_check_at (f, WALL_START, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON, answers);
  g_assert_true (limber_journal_get_last_check (f->journal, &time_us, &outcome));
  g_assert_cmpint (time_us, ==, WALL_START);
  g_assert_cmpint (outcome, ==, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON);

  /* The latest by time, whatever the order of writing. */
  for (guint i = 0; i < n_questions; i++)
    answers[i] = LIMBER_TRIAGE_ANSWER_NO;
  add_check_at (f, WALL_START + HOUR, LIMBER_TRIAGE_OUTCOME_SELF_CARE, answers);
  add_check_at (f, WALL_START - HOUR, LIMBER_TRIAGE_OUTCOME_EMERGENCY, answers);
  g_assert_true (limber_journal_get_last_check (f->journal, &time_us, &outcome));
  g_assert_cmpint (time_us, ==, WALL_START + HOUR);
  g_assert_cmpint (outcome, ==, LIMBER_TRIAGE_OUTCOME_SELF_CARE);

  /* The answers are kept: exactly the questions answered, with their answers. */
  root = export_json (f);
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
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *glasses;

  g_assert_true (limber_journal_is_empty (f->journal));
  add_glass_at (f, WALL_START, LIMBER_GLASS_FROM_APP);
  add_glass_at (f, WALL_START + HOUR, LIMBER_GLASS_FROM_REMINDER);
  g_assert_false (limber_journal_is_empty (f->journal));

  g_assert_cmpuint (count_glasses (f->journal), ==, 2);
  g_assert_cmpuint (limber_journal_count (f->journal, LIMBER_RECORD_COUNT_GLASSES, WALL_START,
                                          WALL_START + HOUR), ==, 1);
  g_assert_cmpuint (limber_journal_count (f->journal, LIMBER_RECORD_COUNT_GLASSES, WALL_START + 1,
                                          WALL_START + HOUR + 1), ==, 1);
  g_assert_cmpuint (limber_journal_count (f->journal, LIMBER_RECORD_COUNT_SESSIONS, ALL_TIME), ==,
                    0);

  root = export_json (f);
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
  g_autoptr(LimberEpisode) open = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GError) error = NULL;
  LimberEpisode *episode;
  gint64 id, again, next;

  g_assert_null (limber_journal_get_open_episode (f->journal));

  id = start_episode_at (f, WALL_START);
  open = limber_journal_get_open_episode (f->journal);
  g_assert_nonnull (open);
  g_assert_cmpint (open->id, ==, id);
  g_assert_cmpint (open->started_us, ==, WALL_START);
  g_assert_cmpint (open->ended_us, ==, 0);
  g_assert_null (open->notes);
  g_clear_pointer (&open, limber_episode_free);

  /* Pressed again while it lasts: still the same episode, and still its first start. */
  again = start_episode_at (f, WALL_START + HOUR);
  g_assert_cmpint (again, ==, id);
  episodes = limber_journal_list_episodes (f->journal);
  g_assert_cmpuint (episodes->len, ==, 1);
  g_clear_pointer (&episodes, g_ptr_array_unref);

  g_assert_true (end_episode_at (f, id, WALL_START + 2 * HOUR, episode_notes, &error));
  g_assert_no_error (error);
  g_assert_null (limber_journal_get_open_episode (f->journal));

  /* Ending it twice is refused. */
  g_assert_false (end_episode_at (f, id, WALL_START + 3 * HOUR, "again", &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A new one, ended without notes. */
  next = start_episode_at (f, WALL_START + DAY);
  g_assert_cmpint (next, !=, id);
  open = limber_journal_get_open_episode (f->journal);
  g_assert_cmpint (open->id, ==, next);
  g_assert_true (end_episode_at (f, next, WALL_START + DAY + HOUR, "", &error));
  g_assert_no_error (error);

  episodes = limber_journal_list_episodes (f->journal);
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
  g_autoptr(GError) error = NULL;
  LimberPackKind kind = LIMBER_PACK_HEAT;
  gint64 started_us = 0, duration_us = 0;

  g_assert_cmpstr (limber_pack_kind_to_string (LIMBER_PACK_COLD), ==, "cold");
  g_assert_cmpstr (limber_pack_kind_to_string (LIMBER_PACK_HEAT), ==, "heat");
  g_assert_false (limber_journal_get_last_pack (f->journal, &kind, &started_us, &duration_us));

  /* Kept in whole seconds, rounded to the nearest. */
  g_assert_cmpint (limber_journal_add_pack (f->journal, LIMBER_PACK_COLD, WALL_START,
                                            15 * MINUTE + 499999, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_journal_get_last_pack (f->journal, &kind, &started_us, &duration_us));
  g_assert_cmpint (kind, ==, LIMBER_PACK_COLD);
  g_assert_cmpint (started_us, ==, WALL_START);
  g_assert_cmpint (duration_us, ==, 15 * MINUTE);

  g_assert_cmpint (limber_journal_add_pack (f->journal, LIMBER_PACK_HEAT, WALL_START + 3 * HOUR,
                                            20 * MINUTE + 500000, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_journal_get_last_pack (f->journal, &kind, &started_us, &duration_us));
  g_assert_cmpint (kind, ==, LIMBER_PACK_HEAT);
  g_assert_cmpint (started_us, ==, WALL_START + 3 * HOUR);
  g_assert_cmpint (duration_us, ==, 20 * MINUTE + SECOND);

  /* The last is the latest started, not the latest written. */
  g_assert_cmpint (limber_journal_add_pack (f->journal, LIMBER_PACK_COLD, WALL_START + HOUR, 0,
                                            &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_journal_get_last_pack (f->journal, &kind, NULL, NULL));
  g_assert_cmpint (kind, ==, LIMBER_PACK_HEAT);

  g_assert_cmpuint (limber_journal_count_packs (f->journal, LIMBER_PACK_COLD, ALL_TIME), ==, 2);
  g_assert_cmpuint (limber_journal_count_packs (f->journal, LIMBER_PACK_HEAT, ALL_TIME), ==, 1);
  g_assert_cmpuint (limber_journal_count_packs (f->journal, LIMBER_PACK_COLD, WALL_START,
                                                WALL_START + HOUR), ==, 1);
  g_assert_cmpuint (limber_journal_count_packs (f->journal, LIMBER_PACK_HEAT, WALL_START,
                                                WALL_START + 3 * HOUR), ==, 0);
}

static void
test_plank_hold (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GArray) holds = NULL;
  g_autoptr(GError) error = NULL;
  static const LimberRecordPoint expected[] = {
    { WALL_START, 30 },
    { WALL_START + DAY, 60 },
    { WALL_START + DAY, 75 },
  };

  g_assert_cmpuint (limber_journal_get_plank_hold (f->journal, 42), ==, 42);
  holds = limber_journal_list_plank_holds (f->journal);
  g_assert_cmpuint (holds->len, ==, 0);
  g_clear_pointer (&holds, g_array_unref);

  /* Written out of order; two at the same time keep the order they were written in. */
  g_assert_cmpint (add_plank_hold_at (f, WALL_START + DAY, 60, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (add_plank_hold_at (f, WALL_START, 30, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (limber_journal_get_plank_hold (f->journal, 42), ==, 60);
  g_assert_cmpint (add_plank_hold_at (f, WALL_START + DAY, 75, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (add_plank_hold_at (f, WALL_START, 0, &error), ==, 0);
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
  g_clear_error (&error);

  holds = limber_journal_list_plank_holds (f->journal);
  g_assert_cmpuint (holds->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (g_array_index (holds, LimberRecordPoint, i).time_us, ==,
                       expected[i].time_us);
      g_assert_cmpint (g_array_index (holds, LimberRecordPoint, i).value, ==, expected[i].value);
    }
  g_assert_cmpuint (limber_journal_get_plank_hold (f->journal, 42), ==, 75);
}

static void
test_reminder_event (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    LimberReminderKind    kind;
    LimberReminderAction  action;
    const char           *names[2];
  } events[] = {
    { LIMBER_REMINDER_WALK, LIMBER_REMINDER_ACTION_DONE, { "walk", "done" } },
    { LIMBER_REMINDER_WALK, LIMBER_REMINDER_ACTION_SHOWN, { "walk", "shown" } },
    { LIMBER_REMINDER_WALK, LIMBER_REMINDER_ACTION_SNOOZED, { "walk", "snoozed" } },
    { LIMBER_REMINDER_HYDRATION, LIMBER_REMINDER_ACTION_DONE, { "hydration", "done" } },
    { LIMBER_REMINDER_POSTURE, LIMBER_REMINDER_ACTION_DONE, { "posture", "done" } },
    { LIMBER_REMINDER_WALK, LIMBER_REMINDER_ACTION_DONE, { "walk", "done" } },
    { LIMBER_REMINDER_HYDRATION, LIMBER_REMINDER_ACTION_DRANK, { "hydration", "drank" } },
  };
  JsonArray *reminders;

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    add_event_at (f, WALL_START + i * MINUTE, events[i].kind, events[i].action);
  /* One more walk done, the next day. */
  add_event_at (f, WALL_START + DAY, LIMBER_REMINDER_WALK, LIMBER_REMINDER_ACTION_DONE);

  g_assert_cmpuint (limber_journal_count (f->journal, LIMBER_RECORD_COUNT_WALKS, ALL_TIME), ==, 3);
  g_assert_cmpuint (limber_journal_count (f->journal, LIMBER_RECORD_COUNT_WALKS, WALL_START,
                                          WALL_START + DAY), ==, 2);
  g_assert_cmpuint (limber_journal_count (f->journal, LIMBER_RECORD_COUNT_WALKS, WALL_START + 1,
                                          WALL_START + DAY + 1), ==, 2);
  g_assert_cmpuint (count_glasses (f->journal), ==, 0);

  root = export_json (f);
  reminders = json_records (root, "reminders");
  g_assert_cmpuint (json_array_get_length (reminders), ==, G_N_ELEMENTS (events) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      JsonObject *event = json_array_get_object_element (reminders, i);

      g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, events[i].names[0]);
      g_assert_cmpstr (json_object_get_string_member (event, "action"), ==, events[i].names[1]);
    }
}

/* The last doctor visit is the latest by time, whatever the order of writing. */
static void
test_doctor_visit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 time_us = 0;

  g_assert_false (limber_journal_get_last_doctor_visit (f->journal, &time_us));
  g_assert_cmpint (time_us, ==, 0);

  set_wall (f, WALL_START + DAY);
  g_assert_cmpint (limber_journal_add_doctor_visit (f->journal, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes[LIMBER_RECORD_DOCTOR_VISIT], ==, 1);
  g_assert_true (limber_journal_get_last_doctor_visit (f->journal, &time_us));
  g_assert_cmpint (time_us, ==, WALL_START + DAY);

  set_wall (f, WALL_START);
  g_assert_cmpint (limber_journal_add_doctor_visit (f->journal, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_journal_get_last_doctor_visit (f->journal, NULL));
  g_assert_true (limber_journal_get_last_doctor_visit (f->journal, &time_us));
  g_assert_cmpint (time_us, ==, WALL_START + DAY);
  g_assert_false (limber_journal_is_empty (f->journal));
}

/* ---------------------------------------------------------------------------------------- */
/* Days and streaks */

static void
test_count_per_day_dst (Fixture       *f,
                        gconstpointer  data)
{
    gboolean spring = GPOINTER_TO_INT (data) == 3;
  g_autoptr(GDateTime) first_day = NULL;
  guint counts[4] = { 99, 99, 99, 99 };

  if (spring)
    {
      /* Sunday 2026-03-29 has 23 hours: 01:00 WET becomes 02:00 WEST. */
      first_day = g_date_time_new (f->tz, 2026, 3, 28, 0, 0, 0);
      add_glass (f, local_us (f, 2026, 3, 27, 23, 59));   /* the day before */
      add_glass (f, local_us (f, 2026, 3, 28, 0, 0));
      add_glass (f, local_us (f, 2026, 3, 28, 23, 59));
      add_glass (f, local_us (f, 2026, 3, 29, 0, 30));    /* WET */
      add_glass (f, local_us (f, 2026, 3, 29, 3, 0));     /* WEST */
      add_glass (f, local_us (f, 2026, 3, 29, 23, 30));
      add_glass (f, local_us (f, 2026, 3, 30, 0, 30));    /* 24 h days would say the 29th */
      add_glass (f, local_us (f, 2026, 3, 31, 0, 30));    /* the day after; 24 h: the 30th */

      add_session (f->journal, "morning", local_us (f, 2026, 3, 29, 9, 0), 3,
                   LIMBER_SESSION_OUTCOME_COMPLETED);
      add_session (f->journal, "morning", local_us (f, 2026, 3, 29, 10, 0), 0,
                   LIMBER_SESSION_OUTCOME_STOPPED);
      add_session (f->journal, "morning", local_us (f, 2026, 3, 30, 0, 10), 1,
                   LIMBER_SESSION_OUTCOME_STOPPED);
      add_event_at (f, local_us (f, 2026, 3, 28, 12, 0), LIMBER_REMINDER_WALK,
                    LIMBER_REMINDER_ACTION_DONE);
      add_event_at (f, local_us (f, 2026, 3, 28, 13, 0), LIMBER_REMINDER_WALK,
                    LIMBER_REMINDER_ACTION_SHOWN);
      add_event_at (f, local_us (f, 2026, 3, 30, 12, 0), LIMBER_REMINDER_HYDRATION,
                    LIMBER_REMINDER_ACTION_DONE);

      limber_journal_count_per_day (f->journal, LIMBER_RECORD_COUNT_GLASSES, first_day, 3, counts);
      g_assert_cmpuint (counts[0], ==, 2);
      g_assert_cmpuint (counts[1], ==, 3);
      g_assert_cmpuint (counts[2], ==, 1);
      g_assert_cmpuint (counts[3], ==, 99);   /* n_days is respected */

      limber_journal_count_per_day (f->journal, LIMBER_RECORD_COUNT_SESSIONS, first_day, 3, counts);
      g_assert_cmpuint (counts[0], ==, 0);
      g_assert_cmpuint (counts[1], ==, 1);
      g_assert_cmpuint (counts[2], ==, 1);

      limber_journal_count_per_day (f->journal, LIMBER_RECORD_COUNT_WALKS, first_day, 3, counts);
      g_assert_cmpuint (counts[0], ==, 1);
      g_assert_cmpuint (counts[1], ==, 0);
      g_assert_cmpuint (counts[2], ==, 0);
    }
  else
    {
      /* Sunday 2026-10-25 has 25 hours: 02:00 WEST becomes 01:00 WET. */
      first_day = g_date_time_new (f->tz, 2026, 10, 24, 0, 0, 0);
      add_glass (f, local_us (f, 2026, 10, 24, 12, 0));
      add_glass (f, local_us (f, 2026, 10, 25, 0, 30));   /* WEST */
      add_glass (f, local_us (f, 2026, 10, 25, 23, 30));  /* WET; 24 h days: the 26th */
      add_glass (f, local_us (f, 2026, 10, 26, 0, 10));
      add_glass (f, local_us (f, 2026, 10, 27, 0, 0));    /* the day after */

      limber_journal_count_per_day (f->journal, LIMBER_RECORD_COUNT_GLASSES, first_day, 3, counts);
      g_assert_cmpuint (counts[0], ==, 1);
      g_assert_cmpuint (counts[1], ==, 2);
      g_assert_cmpuint (counts[2], ==, 1);
      g_assert_cmpuint (counts[3], ==, 99);
    }
}

static guint
streak_at (Fixture *f,
           int      month,
           int      day,
           int      hour)
{
  g_autoptr(GDateTime) today = g_date_time_new (f->tz, 2026, month, day, hour, 0, 0);

  return limber_journal_get_streak (f->journal, today);
}

static void
test_streak (Fixture       *f,
             gconstpointer  data)
{
  /* "Today" is Monday 2026-03-30, the day after the change to summer time. */
  g_assert_cmpuint (streak_at (f, 3, 30, 9), ==, 0);

  add_session (f->journal, "morning", local_us (f, 2026, 3, 27, 8, 0), 5,
               LIMBER_SESSION_OUTCOME_COMPLETED);
  add_session (f->journal, "morning", local_us (f, 2026, 3, 28, 8, 0), 5,
               LIMBER_SESSION_OUTCOME_COMPLETED);
  add_session (f->journal, "evening", local_us (f, 2026, 3, 28, 20, 0), 2,
               LIMBER_SESSION_OUTCOME_STOPPED);
  add_session (f->journal, "morning", local_us (f, 2026, 3, 29, 23, 30), 1,
               LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN);

  /* Nothing today yet: the streak that reached yesterday still counts. */
  g_assert_cmpuint (streak_at (f, 3, 30, 9), ==, 3);
  g_assert_cmpuint (streak_at (f, 3, 29, 23), ==, 2);   /* 23:30 is still to come */

  /* A session without an exercise done does not count. */
  add_session (f->journal, "morning", local_us (f, 2026, 3, 30, 7, 0), 0,
               LIMBER_SESSION_OUTCOME_STOPPED);
  g_assert_cmpuint (streak_at (f, 3, 30, 9), ==, 3);

  /* 00:30 WEST on the 30th is the 29th in UTC: days are counted in the zone of "today". */
  add_session (f->journal, "morning", local_us (f, 2026, 3, 30, 0, 30), 1,
               LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpuint (streak_at (f, 3, 30, 9), ==, 4);

  /* A gap breaks it: the 25th is not joined to the 27th... */
  add_session (f->journal, "morning", local_us (f, 2026, 3, 25, 8, 0), 5,
               LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpuint (streak_at (f, 3, 30, 9), ==, 4);
  /* ...until the 26th fills it. */
  add_session (f->journal, "morning", local_us (f, 2026, 3, 26, 8, 0), 5,
               LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpuint (streak_at (f, 3, 30, 9), ==, 6);

  /* The next day, nothing yet: still 6. The day after, two days missed: 0. */
  g_assert_cmpuint (streak_at (f, 3, 31, 9), ==, 6);
  g_assert_cmpuint (streak_at (f, 4, 1, 9), ==, 0);
}

/* ---------------------------------------------------------------------------------------- */
/* Export */

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


static const char csv_header[] =
  "type,id,time,start,end,routine_id,routine_name,exercises_completed,exercises_total,outcome,"
  "pain_before,pain_after,stopped_exercise,answers,source,kind,action,duration_seconds,"
  "hold_seconds,notes\r\n";

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
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

  add_one_of_each (f);

  /* An older export with looser permissions is replaced whole. */
  write_file (path, "old", -1);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (limber_journal_export (f->journal, path, &error));
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
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = g_build_filename (f->dir, "export.json", NULL);
  static const char * const arrays[] = {
    "sessions", "checks", "glasses", "episodes", "packs", "plank_holds", "reminders",
    "doctor_visits",
  };
  JsonObject *object, *record;

  add_one_of_each (f);
  /* A time in summer time carries its own offset. */
  add_glass (f, WALL_START + 14 * DAY);

  root = export_json (f);
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
  static const char * const names[] = { "export.txt", "export", "export.csv.gz", "json" };

  add_one_of_each (f);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (limber_journal_export (f->journal, path, &error));
      g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_false (file_exists (path));
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Imports */

static void
test_import_plank_hold (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *third = g_build_filename (f->dir, "third.db", NULL);
  g_autoptr(GArray) holds = NULL;
  g_autoptr(GError) error = NULL;

  /* The default says nothing about progress: nothing is recorded, then or later. */
  g_assert_true (limber_journal_import_plank_hold (f->journal, 30, 30, &error));
  g_assert_no_error (error);
  g_assert_true (limber_journal_is_empty (f->journal));
  g_assert_cmpuint (limber_journal_get_plank_hold (f->journal, 30), ==, 30);
  g_clear_object (&f->journal);

  /* Another value is recorded once, at the clock's "now". */
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (f->clock), HOUR);
  f->journal = open_journal (f, other);
  g_assert_true (limber_journal_import_plank_hold (f->journal, 45, 30, &error));
  g_assert_no_error (error);
  g_assert_true (limber_journal_import_plank_hold (f->journal, 45, 30, &error));
  g_assert_no_error (error);
  g_assert_true (limber_journal_import_plank_hold (f->journal, 60, 30, &error));
  g_assert_no_error (error);
  holds = limber_journal_list_plank_holds (f->journal);
  g_assert_cmpuint (holds->len, ==, 1);
  g_assert_cmpint (g_array_index (holds, LimberRecordPoint, 0).time_us, ==, WALL_START + HOUR);
  g_assert_cmpint (g_array_index (holds, LimberRecordPoint, 0).value, ==, 45);
  g_clear_pointer (&holds, g_array_unref);
  g_clear_object (&f->journal);

  /* Holds already recorded are newer than the setting: it is not imported. */
  f->journal = open_journal (f, third);
  g_assert_cmpint (add_plank_hold_at (f, WALL_START, 20, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_journal_import_plank_hold (f->journal, 45, 30, &error));
  g_assert_no_error (error);
  holds = limber_journal_list_plank_holds (f->journal);
  g_assert_cmpuint (holds->len, ==, 1);
  g_assert_cmpint (g_array_index (holds, LimberRecordPoint, 0).value, ==, 20);
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
  /* Exports, "today" and the journal's glass limit use local time; make it known. */
  g_setenv ("TZ", "Europe/Lisbon", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journal/reminder-action-names", test_reminder_action_names);
  g_test_add_func ("/journal/stored-names", test_stored_names);

  add_test ("/journal/changed-kinds", NULL, test_changed_kinds);
  add_test ("/journal/other-process", NULL, test_other_process);
  add_test ("/journal/started-later", NULL, test_started_later);

  add_test ("/journal/round-trip/session", NULL, test_session);
  add_test ("/journal/round-trip/check", NULL, test_check);
  add_test ("/journal/round-trip/glass", NULL, test_glass);
  add_test ("/journal/round-trip/episode", NULL, test_episode);
  add_test ("/journal/round-trip/pack", NULL, test_pack);
  add_test ("/journal/round-trip/plank-hold", NULL, test_plank_hold);
  add_test ("/journal/round-trip/reminder-event", NULL, test_reminder_event);
  add_test ("/journal/round-trip/doctor-visit", NULL, test_doctor_visit);

  add_test ("/journal/days/spring-forward", GINT_TO_POINTER (3), test_count_per_day_dst);
  add_test ("/journal/days/fall-back", GINT_TO_POINTER (10), test_count_per_day_dst);
  add_test ("/journal/days/streak", NULL, test_streak);

  add_test ("/journal/export/csv", NULL, test_export_csv);
  add_test ("/journal/export/json", NULL, test_export_json);
  add_test ("/journal/export/bad-name", NULL, test_export_bad_name);

  add_test ("/journal/import/plank-hold", NULL, test_import_plank_hold);

  return g_test_run ();
}
