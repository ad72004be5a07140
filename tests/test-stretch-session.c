/* test-stretch-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "limber-catalog.h"
#include "limber-core-test.h"
#include "limber-routines-enums.h"
#include "limber-fake-clock.h"
#include "limber-stretch-session.h"

/*
 * The session engine, driven by a clock the test controls. Every "cue" signal and every state
 * change goes into a log that is compared with exact expectations; times in the logs are
 * seconds from the moment the session started, to the microsecond ("12.5", "1.234567").
 */

#define SECOND G_GINT64_CONSTANT (1000000)
#define MSEC   G_GINT64_CONSTANT (1000)
/* 2026-11-21 10:00:00 UTC */
#define WALL_START (G_GINT64_CONSTANT (1795255200) * SECOND)
/* How late a real timer may fire in the drift test. */
#define MAX_LATE_US (40 * MSEC)

/*
 * LimberFakeClock normally runs every timer with "now" at its own deadline, so a session driven
 * that way never sees a timer fire late, nor a main loop that stalled. The "late" style below
 * uses limber_fake_clock_fire_next_at() and limber_fake_clock_pass_time() instead: timers run
 * only when told, at a moment after their deadline, as on a busy or suspended machine.
 */

/* The two clocks behind one small interface ------------------------------------------------ */

static guint
clock_n_pending (LimberClock *clock)
{
  return limber_fake_clock_get_n_pending (LIMBER_FAKE_CLOCK (clock));
}

static gint64
clock_next_deadline (LimberClock *clock)
{
  return limber_fake_clock_get_next_deadline (LIMBER_FAKE_CLOCK (clock));
}

/* Fires the next timer at @at_us, at or after its deadline. On time, the clock moves to @at_us
 * but runs the call (and any other falling due) with "now" at its own deadline; late, the call
 * runs with "now" at @at_us. */
static void
clock_fire_next_at (LimberClock *clock,
                    gboolean     late,
                    gint64       at_us)
{
  if (late)
    limber_fake_clock_fire_next_at (LIMBER_FAKE_CLOCK (clock), at_us);
  else
    limber_fake_clock_advance_to (LIMBER_FAKE_CLOCK (clock), at_us);
}

/* Moves time on to @at_us for a button press. On time, what falls due on the way runs; late,
 * nothing runs, so the press finds a timer that is due but has not fired. */
static void
clock_pass_time_to (LimberClock *clock,
                    gboolean     late,
                    gint64       at_us)
{
  at_us = MAX (at_us, limber_clock_now_monotonic_us (clock));

  if (late)
    limber_fake_clock_pass_time (LIMBER_FAKE_CLOCK (clock), at_us);
  else
    limber_fake_clock_advance_to (LIMBER_FAKE_CLOCK (clock), at_us);
}

/* Logs ------------------------------------------------------------------------------------- */

static const char *
nick (GType type,
      int   value)
{
  /* The enum classes stay referenced for the whole run. */
  GEnumClass *klass = g_type_class_peek (type);
  GEnumValue *enum_value;

  if (klass == NULL)
    klass = g_type_class_ref (type);

  enum_value = g_enum_get_value (klass, value);
  g_assert_nonnull (enum_value);
  return enum_value->value_nick;
}

/* Seconds with up to six decimals and no trailing zeros: "5", "12.5", "1.234567". */
static void
append_seconds (GString *string,
                gint64   us)
{
  if (us < 0)
    {
      g_string_append_c (string, '-');
      us = -us;
    }

  g_string_append_printf (string, "%" G_GINT64_FORMAT, us / SECOND);
  if (us % SECOND != 0)
    {
      char fraction[8];

      g_snprintf (fraction, sizeof fraction, "%06" G_GINT64_FORMAT, us % SECOND);
      for (int i = 5; i > 0 && fraction[i] == '0'; i--)
        fraction[i] = '\0';
      g_string_append_printf (string, ".%s", fraction);
    }
}

static void
begin_entry (GString *string)
{
  if (string->len > 0)
    g_string_append_c (string, ' ');
}

typedef struct
{
  LimberCue cue;
  guint     number;
  gint64    boundary_us;
  gint64    emitted_us;   /* the clock's time when the signal was emitted */
  gint64    paused_us;    /* the session's paused time then */
} CueEvent;

typedef struct
{
  LimberStretchSession *session;
  LimberClock          *clock;
  gint64                origin_us;    /* logged times count from here */
  GString              *log;          /* "[state]@t" and "cue:number@boundary", in order */
  GString              *cue_log;      /* the cues only */
  GString              *main_log;     /* the cues without halfway and countdown */
  GString              *phase_log;    /* each phase entered, described */
  GString              *deadlines;    /* the deadlines run_to() advanced to */
  GArray               *cues;         /* CueEvent */
  GArray               *phases;       /* guint: phase indices entered, repeats merged */
  GArray               *phase_times;  /* gint64: when each of those was entered */
} Recorder;

static void
recorder_free (Recorder *rec)
{
  g_signal_handlers_disconnect_by_data (rec->session, rec);
  g_clear_object (&rec->session);
  g_clear_object (&rec->clock);
  g_string_free (rec->log, TRUE);
  g_string_free (rec->cue_log, TRUE);
  g_string_free (rec->main_log, TRUE);
  g_string_free (rec->phase_log, TRUE);
  g_string_free (rec->deadlines, TRUE);
  g_array_unref (rec->cues);
  g_array_unref (rec->phases);
  g_array_unref (rec->phase_times);
  g_free (rec);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recorder, recorder_free)

static gint64
rec_now (Recorder *rec)
{
  return limber_clock_now_monotonic_us (rec->clock);
}

static void
on_cue (LimberStretchSession *session,
        LimberCue             cue,
        guint                 number,
        gint64                boundary_us,
        gpointer              user_data)
{
  Recorder *rec = user_data;
  CueEvent event = { cue, number, boundary_us, rec_now (rec),
                     limber_stretch_session_get_paused_us (session) };
  GString *logs[] = { rec->log, rec->cue_log, rec->main_log };

  /* A cue belongs to a moment that has come, never to one still ahead. */
  g_assert_cmpint (boundary_us, <=, event.emitted_us);
  g_array_append_val (rec->cues, event);

  for (guint i = 0; i < G_N_ELEMENTS (logs); i++)
    {
      if (logs[i] == rec->main_log && (cue == LIMBER_CUE_HALFWAY || cue == LIMBER_CUE_COUNTDOWN))
        continue;
      begin_entry (logs[i]);
      g_string_append_printf (logs[i], "%s:%u@", nick (LIMBER_TYPE_CUE, cue), number);
      append_seconds (logs[i], boundary_us - rec->origin_us);
    }
}

static void
on_state (LimberStretchSession *session,
          GParamSpec           *pspec,
          gpointer              user_data)
{
  Recorder *rec = user_data;

  begin_entry (rec->log);
  g_string_append_printf (rec->log, "[%s]@",
                          nick (LIMBER_TYPE_SESSION_STATE, limber_stretch_session_get_state (session)));
  append_seconds (rec->log, rec_now (rec) - rec->origin_us);
}

static void
on_phase_changed (LimberStretchSession *session,
                  gpointer              user_data)
{
  Recorder *rec = user_data;
  guint index = limber_stretch_session_get_phase_index (session);
  const LimberPhase *phase = limber_stretch_session_get_phase (session);
  gint64 now_us = rec_now (rec);

  if (rec->phases->len > 0 && g_array_index (rec->phases, guint, rec->phases->len - 1) == index)
    return;

  g_array_append_val (rec->phases, index);
  g_array_append_val (rec->phase_times, now_us);

  begin_entry (rec->phase_log);
  g_string_append_printf (rec->phase_log, "%s#%u:%s:r%u", nick (LIMBER_TYPE_PHASE_KIND, phase->kind),
                          phase->step, nick (LIMBER_TYPE_SIDE, phase->side), phase->round);
  if (phase->kind == LIMBER_PHASE_WORK)
    {
      LimberRoutine *routine = limber_stretch_session_get_routine (session);
      const LimberTiming *timing = limber_routine_get_step_timing (routine, phase->step);
      const LimberMove *move = g_ptr_array_index (timing->moves, phase->move);

      /* The session shows the move of the phase it is in. */
      g_assert_true (limber_stretch_session_get_move (session) == move);
      if (phase->n_reps > 0)
        g_string_append_printf (rec->phase_log, ":%u/%u", phase->rep, phase->n_reps);
      g_string_append_printf (rec->phase_log, ":%s", move->name);
    }
}

/* Starts logging @session; logged times count from now. */
static Recorder *
recorder_new (LimberStretchSession *session,
              LimberClock          *clock)
{
  Recorder *rec = g_new0 (Recorder, 1);

  rec->session = g_object_ref (session);
  rec->clock = g_object_ref (clock);
  rec->origin_us = limber_clock_now_monotonic_us (clock);
  rec->log = g_string_new (NULL);
  rec->cue_log = g_string_new (NULL);
  rec->main_log = g_string_new (NULL);
  rec->phase_log = g_string_new (NULL);
  rec->deadlines = g_string_new (NULL);
  rec->cues = g_array_new (FALSE, TRUE, sizeof (CueEvent));
  rec->phases = g_array_new (FALSE, TRUE, sizeof (guint));
  rec->phase_times = g_array_new (FALSE, TRUE, sizeof (gint64));

  g_signal_connect (session, "cue", G_CALLBACK (on_cue), rec);
  g_signal_connect (session, "notify::state", G_CALLBACK (on_state), rec);
  g_signal_connect (session, "phase-changed", G_CALLBACK (on_phase_changed), rec);

  return rec;
}

/* A new session of @routine, logged from its start, which is now. */
static Recorder *
start_recorded (LimberRoutine *routine,
                LimberClock   *clock,
                gint64         plank_hold_us)
{
  g_autoptr(LimberStretchSession) session = limber_stretch_session_new (routine, clock,
                                                                        plank_hold_us);
  Recorder *rec = recorder_new (session, clock);

  g_assert_cmpint (limber_stretch_session_get_state (session), ==, LIMBER_SESSION_STATE_READY);
  limber_stretch_session_start (session);
  return rec;
}

/* The log written since @mark, a length of rec->log taken earlier. */
static const char *
log_since (Recorder *rec,
           gsize     mark)
{
  g_assert_cmpuint (mark, <=, rec->log->len);
  return rec->log->str + mark + (mark > 0 && mark < rec->log->len ? 1 : 0);
}

static guint
count_cues (Recorder  *rec,
            LimberCue  cue)
{
  guint n = 0;

  for (guint i = 0; i < rec->cues->len; i++)
    n += g_array_index (rec->cues, CueEvent, i).cue == cue ? 1 : 0;
  return n;
}

static const CueEvent *
cue_at (Recorder *rec,
        guint     i)
{
  return &g_array_index (rec->cues, CueEvent, i);
}

/* Driving the fake clock ------------------------------------------------------------------- */

/* Advances the fake clock to each deadline in turn up to @rel_us after the start, then to
 * @rel_us itself. The session keeps exactly one timer pending while it runs. */
static void
run_to (Recorder *rec,
        gint64    rel_us)
{
  LimberFakeClock *fake = LIMBER_FAKE_CLOCK (rec->clock);
  gint64 until_us = rec->origin_us + rel_us;

  while (limber_fake_clock_get_n_pending (fake) > 0 &&
         limber_fake_clock_get_next_deadline (fake) <= until_us)
    {
      gint64 deadline_us = limber_fake_clock_get_next_deadline (fake);

      g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 1);
      g_assert_cmpint (deadline_us, >=, rec_now (rec));
      limber_fake_clock_advance_to (fake, deadline_us);

      begin_entry (rec->deadlines);
      append_seconds (rec->deadlines, deadline_us - rec->origin_us);
    }

  if (until_us > rec_now (rec))
    limber_fake_clock_advance_to (fake, until_us);
}

/* Advances to each deadline in turn until the session has finished. */
static void
run_to_end (Recorder *rec)
{
  LimberFakeClock *fake = LIMBER_FAKE_CLOCK (rec->clock);

  while (limber_fake_clock_get_n_pending (fake) > 0)
    run_to (rec, limber_fake_clock_get_next_deadline (fake) - rec->origin_us);

  g_assert_cmpint (limber_stretch_session_get_state (rec->session), ==,
                   LIMBER_SESSION_STATE_FINISHED);
}

/* Routines built in code ------------------------------------------------------------------- */

static LimberTiming *
timing_new (guint  rounds,
            guint  reps,
            gint64 duration_us,
            gint64 switch_us,
            gint64 rest_us)
{
  LimberTiming *timing = g_new0 (LimberTiming, 1);

  timing->moves = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_move_free);
  timing->rounds = rounds;
  timing->reps = reps;
  timing->duration_us = duration_us;
  timing->switch_us = switch_us;
  timing->rest_us = rest_us;
  return timing;
}

static void
timing_add_move (LimberTiming *timing,
                 const char   *name,
                 gint64        duration_us)
{
  g_ptr_array_add (timing->moves, limber_move_new (name, "Do it.", duration_us));
}

/* An exercise whose default timing the routine's step overrides: the defaults differ from
 * every override, so a test would see them leak through. */
static LimberExercise *
exercise_new (const char         *id,
              LimberExerciseMode  mode,
              guint               sides,
              gboolean            progressive)
{
  g_autoptr(LimberTiming) defaults = timing_new (4, 20, 90 * SECOND, 9 * SECOND, 30 * SECOND);

  if (mode == LIMBER_EXERCISE_MODE_HOLD)
    timing_add_move (defaults, "Default", 45 * SECOND);
  else
    {
      timing_add_move (defaults, "Default in", 4 * SECOND);
      timing_add_move (defaults, "Default out", 4 * SECOND);
    }

  return limber_exercise_new (id, id, "Instructions.", "Spoken.", NULL, mode, sides, progressive,
                              defaults);
}

static LimberRoutine *
routine_new (const char *id)
{
  return limber_routine_new (id, "Test routine", NULL, NULL);
}

static void
add_hold_step (LimberRoutine *routine,
               guint          sides,
               gint64         hold_us,
               guint          rounds,
               gint64         switch_us,
               gint64         rest_us)
{
  g_autoptr(LimberExercise) exercise = exercise_new ("hold", LIMBER_EXERCISE_MODE_HOLD, sides,
                                                     FALSE);
  g_autoptr(LimberTiming) timing = timing_new (rounds, 0, 0, switch_us, rest_us);

  timing_add_move (timing, "Hold", hold_us);
  limber_routine_add_step (routine, exercise, timing);
}

/* Three one-sided 10 s holds, each followed by a 6 s rest (but the last). Step 0 runs from
 * 0 to 21 s (work 5–15), step 1 from 21 to 42 s (work 26–36), step 2 from 42 to 57 s
 * (work 47–57); phases 0–2, 3–5 and 6–7. */
static LimberRoutine *
nav_routine_new (void)
{
  LimberRoutine *routine = limber_routine_new ("nav", "Navigation", NULL, NULL);

  for (guint i = 0; i < 3; i++)
    add_hold_step (routine, 1, 10 * SECOND, 1, 0, 6 * SECOND);
  return routine;
}

#define NAV_DURATION (57 * SECOND)

static LimberRoutine *
shipped_routine (LimberCatalog *catalog,
                 const char    *id)
{
  LimberRoutine *routine = limber_catalog_find_routine (catalog, id);

  g_assert_nonnull (routine);
  return g_object_ref (routine);
}

/* Shipped routines end to end -------------------------------------------------------------- */

typedef struct
{
  const char *id;
  gint64      plank_hold_us;
  gint64      duration_us;   /* worked out by hand from catalog.json */
  guint       n_phases;      /* likewise */
} ShippedCase;

static const ShippedCase shipped_cases[] = {
  /* knee-to-chest 5+4×30+3×5+20, pelvic-tilt 5+15×6+20, cat-cow 5+5×12 */
  { "gentle-relief", LIMBER_PLANK_START_US, 340 * SECOND, 9 + 32 + 11 },
  /* knee-to-chest 5+6×30+5×5+20, cat-cow 5+9×10+20, pelvic-tilt 115, bridge 5+12×9+20,
   * plank 5+3×20+2×15 */
  { "daily-mobility", LIMBER_PLANK_START_US, 688 * SECOND, 13 + 20 + 32 + 38 + 6 },
  /* pelvic-tilt 115, bridge 133, plank 95 */
  { "core-strength", LIMBER_PLANK_START_US, 343 * SECOND, 32 + 38 + 6 },
};

static void
test_shipped_routine (gconstpointer data)
{
  const ShippedCase *c = data;
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autoptr(LimberRoutine) routine = shipped_routine (catalog, c->id);
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) rec = NULL;
  g_autoptr(LimberSessionRecord) record = NULL;
  g_autofree char *ending = NULL;
  guint n_steps = limber_routine_get_n_steps (routine);
  guint n_phases, n_sets = 0, n_counted = 0, next_get_ready = 0, next_done = 0;
  gint64 duration_us = limber_routine_get_duration_us (routine, c->plank_hold_us);

  g_assert_cmpint (duration_us, ==, c->duration_us);

  rec = start_recorded (routine, clock, c->plank_hold_us);
  n_phases = limber_stretch_session_get_n_phases (rec->session);
  g_assert_cmpuint (n_phases, ==, c->n_phases);
  g_assert_cmpint (limber_stretch_session_get_duration_us (rec->session), ==, duration_us);
  g_assert_cmpint (limber_stretch_session_get_remaining_us (rec->session), ==, duration_us);

  run_to_end (rec);

  g_assert_cmpint (limber_stretch_session_get_outcome (rec->session), ==,
                   LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpint (limber_stretch_session_get_finished_us (rec->session), ==,
                   rec->origin_us + duration_us);
  g_assert_cmpint (rec_now (rec), ==, rec->origin_us + duration_us);
  g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, n_steps);
  g_assert_cmpuint (limber_fake_clock_get_n_pending (LIMBER_FAKE_CLOCK (clock)), ==, 0);
  g_assert_cmpint (limber_stretch_session_get_paused_us (rec->session), ==, 0);
  g_assert_cmpint (limber_stretch_session_get_remaining_us (rec->session), ==, 0);

  /* Every phase was entered once, in order, at its planned time. */
  g_assert_cmpuint (rec->phases->len, ==, n_phases);
  for (guint i = 0; i < n_phases; i++)
    {
      g_assert_cmpuint (g_array_index (rec->phases, guint, i), ==, i);
      g_assert_cmpint (g_array_index (rec->phase_times, gint64, i), ==,
                       rec->origin_us + limber_stretch_session_get_nth_phase (rec->session, i)->start_us);
    }

  /* One SESSION_DONE, last; GET_READY and EXERCISE_DONE once per step, in step order; every
   * cue on time to the microsecond. */
  g_assert_cmpuint (count_cues (rec, LIMBER_CUE_SESSION_DONE), ==, 1);
  g_assert_cmpint (cue_at (rec, rec->cues->len - 1)->cue, ==, LIMBER_CUE_SESSION_DONE);
  g_assert_cmpint (cue_at (rec, rec->cues->len - 1)->boundary_us, ==, rec->origin_us + duration_us);
  g_assert_cmpuint (count_cues (rec, LIMBER_CUE_GET_READY), ==, n_steps);
  g_assert_cmpuint (count_cues (rec, LIMBER_CUE_EXERCISE_DONE), ==, n_steps);
  for (guint i = 0; i < rec->cues->len; i++)
    {
      const CueEvent *event = cue_at (rec, i);

      g_assert_cmpint (event->boundary_us, ==, event->emitted_us);
      if (i > 0)
        g_assert_cmpint (event->boundary_us, >=, cue_at (rec, i - 1)->boundary_us);
      if (event->cue == LIMBER_CUE_GET_READY)
        g_assert_cmpuint (event->number, ==, next_get_ready++);
      if (event->cue == LIMBER_CUE_EXERCISE_DONE)
        g_assert_cmpuint (event->number, ==, next_done++);
      if (event->cue == LIMBER_CUE_COUNTDOWN && event->number == 3)
        {
          /* 3, 2, 1, a second apart. */
          g_assert_cmpint (cue_at (rec, i + 1)->cue, ==, LIMBER_CUE_COUNTDOWN);
          g_assert_cmpuint (cue_at (rec, i + 1)->number, ==, 2);
          g_assert_cmpint (cue_at (rec, i + 1)->boundary_us, ==, event->boundary_us + SECOND);
          g_assert_cmpint (cue_at (rec, i + 2)->cue, ==, LIMBER_CUE_COUNTDOWN);
          g_assert_cmpuint (cue_at (rec, i + 2)->number, ==, 1);
          g_assert_cmpint (cue_at (rec, i + 2)->boundary_us, ==, event->boundary_us + 2 * SECOND);
        }
    }

  /* A START for each side of each round; a LAST_REP for each counted step. */
  for (guint s = 0; s < n_steps; s++)
    {
      LimberExercise *exercise = limber_routine_get_step_exercise (routine, s);
      const LimberTiming *timing = limber_routine_get_step_timing (routine, s);

      n_sets += timing->rounds * limber_exercise_get_sides (exercise);
      n_counted += limber_exercise_get_mode (exercise) != LIMBER_EXERCISE_MODE_HOLD ? 1 : 0;
    }
  g_assert_cmpuint (count_cues (rec, LIMBER_CUE_START), ==, n_sets);
  g_assert_cmpuint (count_cues (rec, LIMBER_CUE_LAST_REP), ==, n_counted);

  /* The state log: it began getting ready and ended finished. */
  g_assert_true (g_str_has_prefix (rec->log->str, "[get-ready]@0 get-ready:0@0 "));
  ending = g_strdup_printf (" exercise-done:%u@%" G_GINT64_FORMAT " [finished]@%" G_GINT64_FORMAT
                            " session-done:0@%" G_GINT64_FORMAT, n_steps - 1,
                            duration_us / SECOND, duration_us / SECOND, duration_us / SECOND);
  g_assert_true (g_str_has_suffix (rec->log->str, ending));

  record = limber_stretch_session_create_record (rec->session);
  g_assert_cmpstr (limber_session_record_get_routine_id (record), ==, c->id);
  g_assert_cmpint (limber_session_record_get_outcome (record), ==, LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpuint (limber_session_record_get_exercises_completed (record), ==, n_steps);
  g_assert_cmpuint (limber_session_record_get_n_exercises (record), ==, n_steps);
  g_assert_cmpint (limber_session_record_get_started_wall_us (record), ==, WALL_START);
  g_assert_cmpint (limber_session_record_get_ended_wall_us (record), ==, WALL_START + duration_us);
}

/* Modes ------------------------------------------------------------------------------------ */

static void
test_hold_cues (void)
{
  g_autoptr(LimberRoutine) routine = routine_new ("hold");
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) rec = NULL;

  /* A 15 s hold and an 8 s rest, then a 5 s hold. */
  add_hold_step (routine, 1, 15 * SECOND, 1, 0, 8 * SECOND);
  add_hold_step (routine, 1, 5 * SECOND, 1, 0, 0);

  rec = start_recorded (routine, clock, 0);
  g_assert_cmpstr (rec->log->str, ==, "[get-ready]@0 get-ready:0@0");
  g_assert_cmpint (limber_fake_clock_get_next_deadline (LIMBER_FAKE_CLOCK (clock)), ==,
                   rec->origin_us + 5 * SECOND);
  run_to_end (rec);

  g_assert_cmpstr (rec->log->str, ==,
                   "[get-ready]@0 get-ready:0@0 "
                   "[work]@5 start:0@5 halfway:0@12.5 "
                   "countdown:3@17 countdown:2@18 countdown:1@19 exercise-done:0@20 "
                   "[rest]@20 rest:0@20 countdown:3@25 countdown:2@26 countdown:1@27 "
                   "[get-ready]@28 get-ready:1@28 [work]@33 start:0@33 exercise-done:1@38 "
                   "[finished]@38 session-done:0@38");
  g_assert_cmpstr (rec->deadlines->str, ==, "5 12.5 17 18 19 20 25 26 27 28 33 38");
  g_assert_cmpstr (rec->phase_log->str, ==,
                   "get-ready#0:none:r1 work#0:none:r1:Hold rest#0:none:r1 "
                   "get-ready#1:none:r1 work#1:none:r1:Hold");
}

static void
test_hold_thresholds (void)
{
  g_autoptr(LimberRoutine) routine = routine_new ("hold-thresholds");
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) rec = NULL;

  /* 10 s: halfway and countdown. 9 s and 6 s: countdown only. 5 s: neither. An odd length:
   * halfway at its exact half, countdown at exactly 3, 2 and 1 s before its end. */
  add_hold_step (routine, 1, 10 * SECOND, 1, 0, 0);
  add_hold_step (routine, 1, 9 * SECOND, 1, 0, 0);
  add_hold_step (routine, 1, 6 * SECOND, 1, 0, 0);
  add_hold_step (routine, 1, 5 * SECOND, 1, 0, 0);
  add_hold_step (routine, 1, 12345678, 1, 0, 0);

  rec = start_recorded (routine, clock, 0);
  run_to_end (rec);

  g_assert_cmpstr (rec->cue_log->str, ==,
                   "get-ready:0@0 start:0@5 halfway:0@10 "
                   "countdown:3@12 countdown:2@13 countdown:1@14 exercise-done:0@15 "
                   "get-ready:1@15 start:0@20 "
                   "countdown:3@26 countdown:2@27 countdown:1@28 exercise-done:1@29 "
                   "get-ready:2@29 start:0@34 "
                   "countdown:3@37 countdown:2@38 countdown:1@39 exercise-done:2@40 "
                   "get-ready:3@40 start:0@45 exercise-done:3@50 "
                   "get-ready:4@50 start:0@55 halfway:0@61.172839 "
                   "countdown:3@64.345678 countdown:2@65.345678 countdown:1@66.345678 "
                   "exercise-done:4@67.345678 session-done:0@67.345678");
}

static void
test_reps (void)
{
  g_autoptr(LimberRoutine) routine = routine_new ("reps");
  g_autoptr(LimberExercise) exercise = exercise_new ("reps", LIMBER_EXERCISE_MODE_REPS, 1, FALSE);
  g_autoptr(LimberTiming) three = timing_new (1, 3, 0, 0, 0);
  g_autoptr(LimberTiming) one = NULL;
  g_autoptr(Recorder) rec = NULL;
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);

  /* Three reps of a 2 s and a 7 s move (long moves of reps get no countdown), then a set of
   * one rep, which has no "last rep". */
  timing_add_move (three, "Up", 2 * SECOND);
  timing_add_move (three, "Down", 7 * SECOND);
  one = limber_timing_copy (three);
  one->reps = 1;
  limber_routine_add_step (routine, exercise, three);
  limber_routine_add_step (routine, exercise, one);

  rec = start_recorded (routine, clock, 0);
  g_assert_cmpuint (limber_stretch_session_get_n_phases (rec->session), ==, 1 + 6 + 1 + 2);
  run_to_end (rec);

  g_assert_cmpstr (rec->log->str, ==,
                   "[get-ready]@0 get-ready:0@0 "
                   "[work]@5 start:0@5 tempo:1@7 tempo:0@14 tempo:1@16 "
                   "tempo:0@23 last-rep:3@23 tempo:1@25 exercise-done:0@32 "
                   "[get-ready]@32 get-ready:1@32 [work]@37 start:0@37 tempo:1@39 "
                   "exercise-done:1@46 [finished]@46 session-done:0@46");
  g_assert_cmpstr (rec->phase_log->str, ==,
                   "get-ready#0:none:r1 "
                   "work#0:none:r1:1/3:Up work#0:none:r1:1/3:Down "
                   "work#0:none:r1:2/3:Up work#0:none:r1:2/3:Down "
                   "work#0:none:r1:3/3:Up work#0:none:r1:3/3:Down "
                   "get-ready#1:none:r1 work#1:none:r1:1/1:Up work#1:none:r1:1/1:Down");

  /* Only the first move of the set starts it, only the last move ends the step. */
  for (guint i = 0; i < limber_stretch_session_get_n_phases (rec->session); i++)
    {
      const LimberPhase *phase = limber_stretch_session_get_nth_phase (rec->session, i);

      g_assert_cmpint (phase->first_of_set, ==, i == 1 || i == 8);
      g_assert_cmpint (phase->last_of_step, ==, i == 6 || i == 9);
    }
}

static void
test_cycles (void)
{
  static const struct {
    gint64 duration_us;
    guint  n_cycles;
  } cases[] = {
    { 30 * SECOND, 4 },                  /* 4.29 */
    { 32 * SECOND, 5 },                  /* 4.57 */
    { 31 * SECOND + 500 * MSEC, 5 },     /* 4.5, rounded half away from zero */
    { 24 * SECOND + 500 * MSEC, 4 },     /* 3.5 */
    { 10 * SECOND + 500 * MSEC, 2 },     /* 1.5 */
    { 7 * SECOND, 1 },
    { 2 * SECOND, 1 },                   /* 0.29: never fewer than one */
    { 700 * SECOND, 100 },
  };
  g_autoptr(LimberExercise) exercise = exercise_new ("cycles", LIMBER_EXERCISE_MODE_CYCLES, 1,
                                                     FALSE);

  /* The exact log of one set: four 7 s cycles of a 4 s and a 3 s move. */
  {
    g_autoptr(LimberRoutine) routine = routine_new ("cycles");
    g_autoptr(LimberTiming) timing = timing_new (1, 0, 30 * SECOND, 0, 0);
    g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
    g_autoptr(Recorder) rec = NULL;

    timing_add_move (timing, "Cat", 4 * SECOND);
    timing_add_move (timing, "Cow", 3 * SECOND);
    limber_routine_add_step (routine, exercise, timing);
    rec = start_recorded (routine, clock, 0);
    run_to_end (rec);

    g_assert_cmpstr (rec->cue_log->str, ==,
                     "get-ready:0@0 start:0@5 tempo:1@9 tempo:0@12 tempo:1@16 tempo:0@19 "
                     "tempo:1@23 tempo:0@26 last-rep:4@26 tempo:1@30 "
                     "exercise-done:0@33 session-done:0@33");
  }

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(LimberRoutine) routine = routine_new ("cycles");
      g_autoptr(LimberTiming) timing = timing_new (1, 0, cases[c].duration_us, 0, 0);
      g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
      g_autoptr(Recorder) rec = NULL;
      guint n = cases[c].n_cycles;

      g_test_message ("cycles over %" G_GINT64_FORMAT " us", cases[c].duration_us);
      timing_add_move (timing, "Cat", 4 * SECOND);
      timing_add_move (timing, "Cow", 3 * SECOND);
      limber_routine_add_step (routine, exercise, timing);
      rec = start_recorded (routine, clock, 0);

      g_assert_cmpuint (limber_stretch_session_get_n_phases (rec->session), ==, 1 + 2 * n);
      for (guint i = 1; i < 1 + 2 * n; i++)
        {
          const LimberPhase *phase = limber_stretch_session_get_nth_phase (rec->session, i);

          g_assert_cmpuint (phase->rep, ==, (i + 1) / 2);
          g_assert_cmpuint (phase->n_reps, ==, n);
          g_assert_cmpuint (phase->move, ==, (i + 1) % 2);
        }

      run_to_end (rec);
      g_assert_cmpint (limber_stretch_session_get_finished_us (rec->session), ==,
                       rec->origin_us + 5 * SECOND + n * 7 * SECOND);
      g_assert_cmpuint (count_cues (rec, LIMBER_CUE_START), ==, 1);
      g_assert_cmpuint (count_cues (rec, LIMBER_CUE_TEMPO), ==, 2 * n - 1);
      g_assert_cmpuint (count_cues (rec, LIMBER_CUE_LAST_REP), ==, n > 1 ? 1 : 0);
      g_assert_cmpuint (count_cues (rec, LIMBER_CUE_COUNTDOWN), ==, 0);
      g_assert_cmpuint (count_cues (rec, LIMBER_CUE_HALFWAY), ==, 0);
      if (n > 1)
        {
          g_autofree char *last_rep = g_strdup_printf ("last-rep:%u@", n);

          g_assert_nonnull (strstr (rec->cue_log->str, last_rep));
        }
    }

  /* The shipped cat-cow: 60 s of 5 s + 5 s moves is six cycles. */
  {
    g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
    LimberExercise *cat_cow = limber_catalog_find_exercise (catalog, "cat-cow");
    g_autoptr(LimberRoutine) routine = routine_new ("cat-cow");
    g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
    g_autoptr(LimberStretchSession) session = NULL;

    limber_routine_add_step (routine, cat_cow, NULL);
    session = limber_stretch_session_new (routine, clock, 0);
    g_assert_cmpuint (limber_stretch_session_get_n_phases (session), ==, 1 + 12);
    g_assert_cmpuint (limber_stretch_session_get_nth_phase (session, 12)->rep, ==, 6);
    g_assert_cmpint (limber_stretch_session_get_duration_us (session), ==, 65 * SECOND);
  }
}

/* Sides and rounds ------------------------------------------------------------------------- */

static void
test_sides_two (void)
{
  g_autoptr(LimberRoutine) routine = routine_new ("two-sided");
  g_autoptr(LimberExercise) exercise = exercise_new ("two", LIMBER_EXERCISE_MODE_HOLD, 2, FALSE);
  g_autoptr(LimberTiming) timing = timing_new (1, 0, 0, 6 * SECOND, 0);
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) rec = NULL;

  timing_add_move (timing, "Hold", 10 * SECOND);
  limber_routine_add_step (routine, exercise, timing);
  rec = start_recorded (routine, clock, 0);
  run_to_end (rec);

  /* A 6 s switch counts down like a rest. */
  g_assert_cmpstr (rec->log->str, ==,
                   "[get-ready]@0 get-ready:0@0 "
                   "[work]@5 start:0@5 halfway:0@10 countdown:3@12 countdown:2@13 countdown:1@14 "
                   "[switch-side]@15 switch-side:2@15 countdown:3@18 countdown:2@19 countdown:1@20 "
                   "[work]@21 start:0@21 halfway:0@26 countdown:3@28 countdown:2@29 countdown:1@30 "
                   "exercise-done:0@31 [finished]@31 session-done:0@31");
  g_assert_cmpstr (rec->phase_log->str, ==,
                   "get-ready#0:right:r1 work#0:right:r1:Hold switch#0:left:r1 work#0:left:r1:Hold");
  g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, 1);
}

static void
test_sides_two_rounds (void)
{
  g_autoptr(LimberRoutine) routine = routine_new ("two-sided");
  g_autoptr(LimberExercise) exercise = exercise_new ("two", LIMBER_EXERCISE_MODE_HOLD, 2, FALSE);
  g_autoptr(LimberTiming) timing = timing_new (2, 0, 0, 6 * SECOND, 0);
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) rec = NULL;

  timing_add_move (timing, "Hold", 10 * SECOND);
  limber_routine_add_step (routine, exercise, timing);
  rec = start_recorded (routine, clock, 0);
  run_to_end (rec);

  /* Right, left, right, left; each change announced with the side to change to. */
  g_assert_cmpstr (rec->main_log->str, ==,
                   "get-ready:0@0 start:0@5 switch-side:2@15 start:0@21 switch-side:1@31 "
                   "start:0@37 switch-side:2@47 start:0@53 exercise-done:0@63 session-done:0@63");
  g_assert_cmpstr (rec->phase_log->str, ==,
                   "get-ready#0:right:r1 work#0:right:r1:Hold switch#0:left:r1 work#0:left:r1:Hold "
                   "switch#0:right:r2 work#0:right:r2:Hold switch#0:left:r2 work#0:left:r2:Hold");
  g_assert_cmpuint (count_cues (rec, LIMBER_CUE_COUNTDOWN), ==, 3 * (4 + 3));
  g_assert_cmpuint (count_cues (rec, LIMBER_CUE_HALFWAY), ==, 4);
}

/* With no time to switch, the change of side is still announced, as the next side starts. */
static void
test_sides_no_switch_time (void)
{
  g_autoptr(LimberRoutine) routine = routine_new ("two-sided");
  g_autoptr(LimberExercise) exercise = exercise_new ("two", LIMBER_EXERCISE_MODE_HOLD, 2, FALSE);
  g_autoptr(LimberTiming) timing = timing_new (1, 0, 0, 0, 0);
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) rec = NULL;

  timing_add_move (timing, "Hold", 4 * SECOND);
  limber_routine_add_step (routine, exercise, timing);
  rec = start_recorded (routine, clock, 0);
  run_to_end (rec);

  g_assert_cmpstr (rec->main_log->str, ==,
                   "get-ready:0@0 start:0@5 switch-side:2@9 start:0@9 exercise-done:0@13 "
                   "session-done:0@13");
  g_assert_cmpstr (rec->phase_log->str, ==,
                   "get-ready#0:right:r1 work#0:right:r1:Hold work#0:left:r1:Hold");
}

static void
test_sides_one_rounds (void)
{
  g_autoptr(LimberRoutine) routine = routine_new ("one-sided");
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) rec = NULL;

  /* Three rounds of an 8 s hold with 5 s between them: a REST cue numbered with the round to
   * come, in the REST state; 5 s is too short for a countdown. */
  add_hold_step (routine, 1, 8 * SECOND, 3, 5 * SECOND, 0);
  rec = start_recorded (routine, clock, 0);
  run_to_end (rec);

  g_assert_cmpstr (rec->log->str, ==,
                   "[get-ready]@0 get-ready:0@0 "
                   "[work]@5 start:0@5 countdown:3@10 countdown:2@11 countdown:1@12 "
                   "[rest]@13 rest:2@13 "
                   "[work]@18 start:0@18 countdown:3@23 countdown:2@24 countdown:1@25 "
                   "[rest]@26 rest:3@26 "
                   "[work]@31 start:0@31 countdown:3@36 countdown:2@37 countdown:1@38 "
                   "exercise-done:0@39 [finished]@39 session-done:0@39");
  g_assert_cmpstr (rec->phase_log->str, ==,
                   "get-ready#0:none:r1 work#0:none:r1:Hold switch#0:none:r2 work#0:none:r2:Hold "
                   "switch#0:none:r3 work#0:none:r3:Hold");
}

/* Pause and resume ------------------------------------------------------------------------- */

static void
test_pause_shifts_deadlines (void)
{
  g_autoptr(LimberRoutine) routine = routine_new ("hold");
  g_autoptr(LimberClock) ref_clock = limber_fake_clock_new (WALL_START);
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  LimberFakeClock *fake = LIMBER_FAKE_CLOCK (clock);
  g_autoptr(Recorder) ref = NULL;
  g_autoptr(Recorder) rec = NULL;
  gsize mark;

  /* The routine of test_hold_cues(): work 5–20 s (halfway at 12.5), rest 20–28, 5 s hold. */
  add_hold_step (routine, 1, 15 * SECOND, 1, 0, 8 * SECOND);
  add_hold_step (routine, 1, 5 * SECOND, 1, 0, 0);

  ref = start_recorded (routine, ref_clock, 0);
  run_to_end (ref);

  rec = start_recorded (routine, clock, 0);
  run_to (rec, 9 * SECOND + 500 * MSEC);
  g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 1);
  g_assert_cmpint (limber_fake_clock_get_next_deadline (fake), ==,
                   rec->origin_us + 12 * SECOND + 500 * MSEC);

  limber_stretch_session_pause (rec->session);
  g_assert_cmpint (limber_stretch_session_get_state (rec->session), ==, LIMBER_SESSION_STATE_PAUSED);
  g_assert_false (limber_stretch_session_is_running (rec->session));
  g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 0);
  mark = rec->log->len;

  /* Time stands still for the session: nothing fires, nothing counts down. */
  for (guint i = 0; i < 7; i++)
    {
      g_assert_cmpint (limber_stretch_session_get_phase_remaining_us (rec->session), ==,
                       10 * SECOND + 500 * MSEC);
      g_assert_cmpint (limber_stretch_session_get_remaining_us (rec->session), ==,
                       28 * SECOND + 500 * MSEC);
      g_assert_cmpint (limber_stretch_session_get_paused_us (rec->session), ==, i * SECOND);
      limber_fake_clock_advance (fake, SECOND);
      g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 0);
    }
  /* Pausing again changes nothing. */
  limber_stretch_session_pause (rec->session);
  g_assert_cmpuint (rec->log->len, ==, mark);
  g_assert_cmpint (limber_stretch_session_get_paused_us (rec->session), ==, 7 * SECOND);
  g_assert_cmpint (limber_stretch_session_get_phase_remaining_us (rec->session), ==,
                   10 * SECOND + 500 * MSEC);

  limber_stretch_session_resume (rec->session);
  limber_stretch_session_resume (rec->session);
  g_assert_cmpint (limber_stretch_session_get_state (rec->session), ==, LIMBER_SESSION_STATE_WORK);
  g_assert_cmpint (limber_stretch_session_get_paused_us (rec->session), ==, 7 * SECOND);
  g_assert_cmpint (limber_stretch_session_get_phase_remaining_us (rec->session), ==,
                   10 * SECOND + 500 * MSEC);
  g_assert_cmpint (limber_stretch_session_get_phase_end_us (rec->session), ==,
                   rec->origin_us + 27 * SECOND);
  g_assert_cmpint (limber_fake_clock_get_next_deadline (fake), ==,
                   rec->origin_us + 19 * SECOND + 500 * MSEC);
  run_to_end (rec);

  g_assert_cmpstr (log_since (rec, mark), ==,
                   "[work]@16.5 halfway:0@19.5 "
                   "countdown:3@24 countdown:2@25 countdown:1@26 exercise-done:0@27 "
                   "[rest]@27 rest:0@27 countdown:3@32 countdown:2@33 countdown:1@34 "
                   "[get-ready]@35 get-ready:1@35 [work]@40 start:0@40 exercise-done:1@45 "
                   "[finished]@45 session-done:0@45");
  g_assert_cmpstr (rec->deadlines->str, ==, "5 19.5 24 25 26 27 32 33 34 35 40 45");

  /* The same cues as without the pause; those after it exactly 7 s later. */
  g_assert_cmpuint (rec->cues->len, ==, ref->cues->len);
  for (guint i = 0; i < rec->cues->len; i++)
    {
      const CueEvent *a = cue_at (ref, i), *b = cue_at (rec, i);
      gint64 shift = a->boundary_us - ref->origin_us > 9 * SECOND + 500 * MSEC ? 7 * SECOND : 0;

      g_assert_cmpint (b->cue, ==, a->cue);
      g_assert_cmpuint (b->number, ==, a->number);
      g_assert_cmpint (b->boundary_us - rec->origin_us, ==, a->boundary_us - ref->origin_us + shift);
    }
  g_assert_cmpint (limber_stretch_session_get_finished_us (rec->session), ==,
                   rec->origin_us + 38 * SECOND + 7 * SECOND);
}

static void
test_pause_each_state (void)
{
  g_autoptr(LimberRoutine) routine = routine_new ("states");
  g_autoptr(LimberExercise) two = exercise_new ("two", LIMBER_EXERCISE_MODE_HOLD, 2, FALSE);
  g_autoptr(LimberTiming) timing = timing_new (1, 0, 0, 6 * SECOND, 8 * SECOND);
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  LimberFakeClock *fake = LIMBER_FAKE_CLOCK (clock);
  g_autoptr(Recorder) rec = NULL;
  g_autoptr(GString) states = g_string_new (NULL);
  guint n_phases;

  /* Every kind of phase: get-ready, work, switch side, rest after an exercise, and the pause
   * between rounds of a one-sided exercise. */
  timing_add_move (timing, "Hold", 10 * SECOND);
  limber_routine_add_step (routine, two, timing);
  add_hold_step (routine, 1, 6 * SECOND, 2, 5 * SECOND, 0);

  rec = start_recorded (routine, clock, 0);
  n_phases = limber_stretch_session_get_n_phases (rec->session);
  g_assert_cmpuint (n_phases, ==, 9);

  for (guint i = 0; i < n_phases; i++)
    {
      LimberSessionState state;
      gint64 remaining_us;
      guint n_cues;

      /* Pause for 1 s in the middle of each phase, with both calls or with the toggle. */
      if (i > 0)
        run_to (rec, limber_stretch_session_get_phase_end_us (rec->session) - rec->origin_us);
      run_to (rec, limber_stretch_session_get_phase_end_us (rec->session) - rec->origin_us -
                   limber_stretch_session_get_phase (rec->session)->duration_us / 2);
      g_assert_cmpuint (limber_stretch_session_get_phase_index (rec->session), ==, i);
      state = limber_stretch_session_get_state (rec->session);
      remaining_us = limber_stretch_session_get_phase_remaining_us (rec->session);
      g_string_append_printf (states, "%s%s", i > 0 ? " " : "",
                              nick (LIMBER_TYPE_SESSION_STATE, state));

      if (i % 2 == 0)
        limber_stretch_session_pause (rec->session);
      else
        limber_stretch_session_toggle_pause (rec->session);
      g_assert_cmpint (limber_stretch_session_get_state (rec->session), ==,
                       LIMBER_SESSION_STATE_PAUSED);
      g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 0);
      n_cues = rec->cues->len;
      limber_fake_clock_advance (fake, SECOND);
      g_assert_cmpuint (rec->cues->len, ==, n_cues);
      g_assert_cmpint (limber_stretch_session_get_phase_remaining_us (rec->session), ==,
                       remaining_us);

      if (i % 2 == 0)
        limber_stretch_session_resume (rec->session);
      else
        limber_stretch_session_toggle_pause (rec->session);
      g_assert_cmpint (limber_stretch_session_get_state (rec->session), ==, state);
      g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 1);
      g_assert_cmpint (limber_stretch_session_get_phase_remaining_us (rec->session), ==,
                       remaining_us);
    }

  g_assert_cmpstr (states->str, ==,
                   "get-ready work switch-side work rest get-ready work rest work");
  run_to_end (rec);
  g_assert_cmpint (limber_stretch_session_get_paused_us (rec->session), ==, 9 * SECOND);
  g_assert_cmpint (limber_stretch_session_get_finished_us (rec->session), ==,
                   rec->origin_us + 61 * SECOND + 9 * SECOND);
  g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, 2);
}

/* Next and previous ------------------------------------------------------------------------ */

static void
test_next_first (void)
{
  g_autoptr(LimberRoutine) routine = nav_routine_new ();
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) rec = start_recorded (routine, clock, 0);
  gsize mark;

  run_to (rec, 8 * SECOND);
  g_assert_cmpstr (rec->log->str, ==, "[get-ready]@0 get-ready:0@0 [work]@5 start:0@5");
  mark = rec->log->len;

  limber_stretch_session_next (rec->session);
  g_assert_cmpstr (log_since (rec, mark), ==, "[get-ready]@8 get-ready:1@8");
  g_assert_cmpuint (limber_stretch_session_get_phase_index (rec->session), ==, 3);
  g_assert_cmpint (limber_stretch_session_get_phase_remaining_us (rec->session), ==, 5 * SECOND);
  g_assert_cmpint (limber_fake_clock_get_next_deadline (LIMBER_FAKE_CLOCK (clock)), ==,
                   rec->origin_us + 13 * SECOND);
  g_assert_cmpint (limber_stretch_session_get_remaining_us (rec->session), ==,
                   NAV_DURATION - 21 * SECOND);

  run_to_end (rec);
  g_assert_cmpstr (log_since (rec, mark), ==,
                   "[get-ready]@8 get-ready:1@8 [work]@13 start:0@13 halfway:0@18 "
                   "countdown:3@20 countdown:2@21 countdown:1@22 exercise-done:1@23 "
                   "[rest]@23 rest:0@23 countdown:3@26 countdown:2@27 countdown:1@28 "
                   "[get-ready]@29 get-ready:2@29 [work]@34 start:0@34 halfway:0@39 "
                   "countdown:3@41 countdown:2@42 countdown:1@43 exercise-done:2@44 "
                   "[finished]@44 session-done:0@44");
  g_assert_cmpint (limber_stretch_session_get_outcome (rec->session), ==,
                   LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, 2);
}

static void
test_next_last (void)
{
  g_autoptr(LimberRoutine) routine = nav_routine_new ();
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) rec = start_recorded (routine, clock, 0);
  gsize mark;

  run_to (rec, 50 * SECOND);
  g_assert_cmpstr (rec->log->str, ==,
                   "[get-ready]@0 get-ready:0@0 [work]@5 start:0@5 halfway:0@10 "
                   "countdown:3@12 countdown:2@13 countdown:1@14 exercise-done:0@15 "
                   "[rest]@15 rest:0@15 countdown:3@18 countdown:2@19 countdown:1@20 "
                   "[get-ready]@21 get-ready:1@21 [work]@26 start:0@26 halfway:0@31 "
                   "countdown:3@33 countdown:2@34 countdown:1@35 exercise-done:1@36 "
                   "[rest]@36 rest:0@36 countdown:3@39 countdown:2@40 countdown:1@41 "
                   "[get-ready]@42 get-ready:2@42 [work]@47 start:0@47");
  mark = rec->log->len;

  limber_stretch_session_next (rec->session);
  g_assert_cmpstr (log_since (rec, mark), ==, "[finished]@50 session-done:0@50");
  g_assert_cmpint (limber_stretch_session_get_outcome (rec->session), ==,
                   LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpint (limber_stretch_session_get_finished_us (rec->session), ==,
                   rec->origin_us + 50 * SECOND);
  g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, 2);
  g_assert_cmpuint (limber_fake_clock_get_n_pending (LIMBER_FAKE_CLOCK (clock)), ==, 0);
}

static void
test_previous_within (void)
{
  g_autoptr(LimberRoutine) routine = nav_routine_new ();

  /* 2.999999 s into step 1: back to step 0. */
  {
    g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
    g_autoptr(Recorder) rec = start_recorded (routine, clock, 0);
    gsize mark;

    run_to (rec, 23999999);
    mark = rec->log->len;
    limber_stretch_session_previous (rec->session);
    g_assert_cmpstr (log_since (rec, mark), ==, "get-ready:0@23.999999");
    g_assert_cmpuint (limber_stretch_session_get_phase_index (rec->session), ==, 0);
    g_assert_cmpint (limber_stretch_session_get_remaining_us (rec->session), ==, NAV_DURATION);
    run_to_end (rec);
    g_assert_cmpint (limber_stretch_session_get_finished_us (rec->session), ==,
                     rec->origin_us + 23999999 + NAV_DURATION);
    g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, 3);
    g_assert_cmpuint (count_cues (rec, LIMBER_CUE_EXERCISE_DONE), ==, 4);
  }

  /* Exactly 3 s into step 1: it restarts. */
  {
    g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
    g_autoptr(Recorder) rec = start_recorded (routine, clock, 0);
    gsize mark;

    run_to (rec, 24 * SECOND);
    mark = rec->log->len;
    limber_stretch_session_previous (rec->session);
    g_assert_cmpstr (log_since (rec, mark), ==, "get-ready:1@24");
    g_assert_cmpuint (limber_stretch_session_get_phase_index (rec->session), ==, 3);
    run_to_end (rec);
    g_assert_cmpint (limber_stretch_session_get_finished_us (rec->session), ==,
                     rec->origin_us + 24 * SECOND + NAV_DURATION - 21 * SECOND);
  }

  /* In step 1's work, 9 s in: it restarts. */
  {
    g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
    g_autoptr(Recorder) rec = start_recorded (routine, clock, 0);
    gsize mark;

    run_to (rec, 30 * SECOND);
    mark = rec->log->len;
    limber_stretch_session_previous (rec->session);
    g_assert_cmpstr (log_since (rec, mark), ==, "[get-ready]@30 get-ready:1@30");
    g_assert_cmpuint (limber_stretch_session_get_phase_index (rec->session), ==, 3);
    g_assert_cmpint (limber_fake_clock_get_next_deadline (LIMBER_FAKE_CLOCK (clock)), ==,
                     rec->origin_us + 35 * SECOND);
    run_to_end (rec);
    g_assert_cmpint (limber_stretch_session_get_finished_us (rec->session), ==,
                     rec->origin_us + 30 * SECOND + NAV_DURATION - 21 * SECOND);
  }
}

static void
test_previous_first (void)
{
  g_autoptr(LimberRoutine) routine = nav_routine_new ();
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) rec = start_recorded (routine, clock, 0);

  /* There is nothing before the first exercise: early or late, it restarts. */
  run_to (rec, 2 * SECOND);
  limber_stretch_session_previous (rec->session);
  run_to (rec, 10 * SECOND);
  limber_stretch_session_previous (rec->session);
  g_assert_cmpstr (rec->log->str, ==,
                   "[get-ready]@0 get-ready:0@0 get-ready:0@2 [work]@7 start:0@7 "
                   "[get-ready]@10 get-ready:0@10");
  g_assert_cmpuint (limber_stretch_session_get_phase_index (rec->session), ==, 0);
  run_to_end (rec);
  g_assert_cmpint (limber_stretch_session_get_finished_us (rec->session), ==,
                   rec->origin_us + 10 * SECOND + NAV_DURATION);
}

static void
test_navigate_paused (void)
{
  g_autoptr(LimberRoutine) routine = nav_routine_new ();

  {
    g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
    LimberFakeClock *fake = LIMBER_FAKE_CLOCK (clock);
    g_autoptr(Recorder) rec = start_recorded (routine, clock, 0);
    gsize mark;

    run_to (rec, 30 * SECOND);
    mark = rec->log->len;
    limber_stretch_session_pause (rec->session);
    limber_fake_clock_advance (fake, 4 * SECOND);

    /* Next: to step 2's get-ready, still paused, silent, no timer. */
    limber_stretch_session_next (rec->session);
    g_assert_cmpint (limber_stretch_session_get_state (rec->session), ==,
                     LIMBER_SESSION_STATE_PAUSED);
    g_assert_cmpuint (limber_stretch_session_get_phase_index (rec->session), ==, 6);
    g_assert_cmpint (limber_stretch_session_get_phase_remaining_us (rec->session), ==, 5 * SECOND);
    g_assert_cmpint (limber_stretch_session_get_paused_us (rec->session), ==, 4 * SECOND);
    g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 0);
    limber_fake_clock_advance (fake, 2 * SECOND);

    /* Previous: step 2 has not run at all, so back to step 1. */
    limber_stretch_session_previous (rec->session);
    g_assert_cmpint (limber_stretch_session_get_state (rec->session), ==,
                     LIMBER_SESSION_STATE_PAUSED);
    g_assert_cmpuint (limber_stretch_session_get_phase_index (rec->session), ==, 3);
    g_assert_cmpint (limber_stretch_session_get_paused_us (rec->session), ==, 6 * SECOND);
    g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 0);
    limber_fake_clock_advance (fake, SECOND);
    g_assert_cmpstr (log_since (rec, mark), ==, "[paused]@30");
    g_assert_cmpuint (rec->cues->len, ==, 13);

    /* On resume the get-ready runs its full 5 s, and is announced then: the jump made while
     * paused was silent. */
    limber_stretch_session_resume (rec->session);
    g_assert_cmpint (limber_stretch_session_get_paused_us (rec->session), ==, 7 * SECOND);
    g_assert_cmpint (limber_fake_clock_get_next_deadline (fake), ==, rec->origin_us + 42 * SECOND);
    run_to_end (rec);
    g_assert_cmpstr (log_since (rec, mark), ==,
                     "[paused]@30 [get-ready]@37 get-ready:1@37 [work]@42 start:0@42 halfway:0@47 "
                     "countdown:3@49 countdown:2@50 countdown:1@51 exercise-done:1@52 "
                     "[rest]@52 rest:0@52 countdown:3@55 countdown:2@56 countdown:1@57 "
                     "[get-ready]@58 get-ready:2@58 [work]@63 start:0@63 halfway:0@68 "
                     "countdown:3@70 countdown:2@71 countdown:1@72 exercise-done:2@73 "
                     "[finished]@73 session-done:0@73");
    g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, 3);
  }

  /* Time paused does not count towards the 3 s: 1 s into step 1 and 10 s paused is still
   * "just started", so previous goes back to step 0. */
  {
    g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
    LimberFakeClock *fake = LIMBER_FAKE_CLOCK (clock);
    g_autoptr(Recorder) rec = start_recorded (routine, clock, 0);
    gsize mark;

    run_to (rec, 22 * SECOND);
    mark = rec->log->len;
    limber_stretch_session_pause (rec->session);
    limber_fake_clock_advance (fake, 10 * SECOND);
    limber_stretch_session_previous (rec->session);
    g_assert_cmpuint (limber_stretch_session_get_phase_index (rec->session), ==, 0);
    g_assert_cmpint (limber_stretch_session_get_state (rec->session), ==,
                     LIMBER_SESSION_STATE_PAUSED);
    limber_stretch_session_resume (rec->session);
    run_to (rec, 37 * SECOND);
    g_assert_cmpstr (log_since (rec, mark), ==, "[paused]@22 [get-ready]@32 get-ready:0@32 [work]@37 start:0@37");
  }
}

static void
test_navigate_inactive (void)
{
  g_autoptr(LimberRoutine) routine = nav_routine_new ();
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  LimberFakeClock *fake = LIMBER_FAKE_CLOCK (clock);
  g_autoptr(LimberStretchSession) session = limber_stretch_session_new (routine, clock, 0);
  g_autoptr(Recorder) rec = recorder_new (session, clock);
  gint64 finished_us;

  /* Not started: every control does nothing. */
  limber_stretch_session_next (session);
  limber_stretch_session_previous (session);
  limber_stretch_session_pause (session);
  limber_stretch_session_toggle_pause (session);
  limber_stretch_session_resume (session);
  limber_stretch_session_stop (session, LIMBER_SESSION_OUTCOME_STOPPED);
  limber_fake_clock_advance (fake, 60 * SECOND);
  g_assert_cmpint (limber_stretch_session_get_state (session), ==, LIMBER_SESSION_STATE_READY);
  g_assert_false (limber_stretch_session_is_running (session));
  g_assert_cmpint (limber_stretch_session_get_outcome (session), ==, LIMBER_SESSION_OUTCOME_NONE);
  g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 0);
  g_assert_cmpuint (limber_stretch_session_get_phase_index (session), ==, 0);
  g_assert_cmpint (limber_stretch_session_get_phase_remaining_us (session), ==, 5 * SECOND);
  g_assert_cmpint (limber_stretch_session_get_remaining_us (session), ==, NAV_DURATION);
  g_assert_cmpint (limber_stretch_session_get_paused_us (session), ==, 0);
  g_assert_cmpstr (rec->log->str, ==, "");

  /* Finished: likewise. */
  rec->origin_us = rec_now (rec);
  limber_stretch_session_start (session);
  g_assert_true (limber_stretch_session_is_running (session));
  run_to_end (rec);
  finished_us = limber_stretch_session_get_finished_us (session);
  g_assert_cmpint (finished_us, ==, rec->origin_us + NAV_DURATION);
  g_string_truncate (rec->log, 0);
  limber_fake_clock_advance (fake, SECOND);

  limber_stretch_session_next (session);
  limber_stretch_session_previous (session);
  limber_stretch_session_pause (session);
  limber_stretch_session_toggle_pause (session);
  limber_stretch_session_resume (session);
  limber_stretch_session_stop (session, LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN);
  limber_fake_clock_advance (fake, 60 * SECOND);
  g_assert_cmpint (limber_stretch_session_get_state (session), ==, LIMBER_SESSION_STATE_FINISHED);
  g_assert_false (limber_stretch_session_is_running (session));
  g_assert_cmpint (limber_stretch_session_get_outcome (session), ==,
                   LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpint (limber_stretch_session_get_finished_us (session), ==, finished_us);
  g_assert_cmpuint (limber_stretch_session_get_exercises_completed (session), ==, 3);
  g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 0);
  g_assert_cmpint (limber_stretch_session_get_phase_remaining_us (session), ==, 0);
  g_assert_cmpint (limber_stretch_session_get_remaining_us (session), ==, 0);
  g_assert_cmpint (limber_stretch_session_get_paused_us (session), ==, 0);
  g_assert_cmpstr (rec->log->str, ==, "");
}

/* Stop ------------------------------------------------------------------------------------- */

static void
test_stop (gconstpointer data)
{
  LimberSessionOutcome outcome = GPOINTER_TO_INT (data);
  g_autoptr(LimberRoutine) routine = nav_routine_new ();
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  LimberFakeClock *fake = LIMBER_FAKE_CLOCK (clock);
  g_autoptr(Recorder) rec = NULL;
  g_autoptr(LimberSessionRecord) record = NULL;
  gsize mark;

  /* Started 2 s after the clock's wall start, stopped in step 1's work. */
  limber_fake_clock_advance (fake, 2 * SECOND);
  rec = start_recorded (routine, clock, 0);
  run_to (rec, 30 * SECOND);
  mark = rec->log->len;

  limber_stretch_session_stop (rec->session, outcome);
  g_assert_cmpstr (log_since (rec, mark), ==, "[finished]@30");
  g_assert_cmpint (limber_stretch_session_get_state (rec->session), ==,
                   LIMBER_SESSION_STATE_FINISHED);
  g_assert_cmpint (limber_stretch_session_get_outcome (rec->session), ==, outcome);
  g_assert_cmpint (limber_stretch_session_get_finished_us (rec->session), ==,
                   rec->origin_us + 30 * SECOND);
  g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, 1);
  g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 0);
  g_assert_cmpuint (count_cues (rec, LIMBER_CUE_SESSION_DONE), ==, 0);

  limber_fake_clock_advance (fake, 100 * SECOND);
  g_assert_cmpstr (log_since (rec, mark), ==, "[finished]@30");

  record = limber_stretch_session_create_record (rec->session);
  g_assert_cmpstr (limber_session_record_get_routine_id (record), ==, "nav");
  g_assert_cmpstr (limber_session_record_get_routine_name (record), ==, "Navigation");
  g_assert_cmpint (limber_session_record_get_outcome (record), ==, outcome);
  g_assert_cmpuint (limber_session_record_get_exercises_completed (record), ==, 1);
  g_assert_cmpuint (limber_session_record_get_n_exercises (record), ==, 3);
  g_assert_cmpint (limber_session_record_get_started_wall_us (record), ==, WALL_START + 2 * SECOND);
  g_assert_cmpint (limber_session_record_get_ended_wall_us (record), ==, WALL_START + 32 * SECOND);
  g_assert_cmpint (limber_session_record_get_pain_after (record), ==, LIMBER_PAIN_UNSET);
  limber_session_record_set_pain_after (record, 3);
  g_assert_cmpint (limber_session_record_get_pain_after (record), ==, 3);
}

static void
test_stop_early (void)
{
  g_autoptr(LimberRoutine) routine = nav_routine_new ();
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) rec = start_recorded (routine, clock, 0);
  g_autoptr(LimberSessionRecord) record = NULL;

  /* In the very first get-ready: nothing was done. */
  run_to (rec, SECOND);
  limber_stretch_session_stop (rec->session, LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN);
  g_assert_cmpstr (rec->log->str, ==, "[get-ready]@0 get-ready:0@0 [finished]@1");
  record = limber_stretch_session_create_record (rec->session);
  g_assert_cmpint (limber_session_record_get_outcome (record), ==,
                   LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN);
  g_assert_cmpuint (limber_session_record_get_exercises_completed (record), ==, 0);
  g_assert_cmpint (limber_session_record_get_ended_wall_us (record), ==, WALL_START + SECOND);
}

/* Where a stop lands in the shipped gentle-relief: knee to chest (two sides, two rounds of 30 s
 * holds: get-ready 0–5, right 5–35, switch 35–40, left 40–70, …, rest 140–160), then pelvic tilt
 * (get-ready 160–165, 15 reps of 6 s from 165 to 255). */
typedef struct
{
  gint64          stop_us;
  LimberPhaseKind kind;        /* the phase the stop lands in */
  guint           step;
  guint           completed;
  int             stopped_step;
} StopCase;

static const StopCase stop_cases[] = {
  /* In the first hold of the first exercise. */
  { 20 * SECOND, LIMBER_PHASE_WORK, 0, 0, 0 },
  /* After that hold ran its full time, in the change of side: one hold is not the exercise. */
  { 37 * SECOND, LIMBER_PHASE_SWITCH, 0, 0, 0 },
  /* In the last hold of the first exercise, a second before its end. */
  { 139 * SECOND, LIMBER_PHASE_WORK, 0, 0, 0 },
  /* In the rest after it: the first exercise was done, and none was interrupted. */
  { 150 * SECOND, LIMBER_PHASE_REST, 0, 1, -1 },
  /* In the second exercise's get-ready, and in its seventh rep. */
  { 162 * SECOND, LIMBER_PHASE_GET_READY, 1, 1, 1 },
  { 203 * SECOND, LIMBER_PHASE_WORK, 1, 1, 1 },
};

/* A stopped session counts only the exercises finished in full, on the session and in the
 * record the journal keeps, and knows which exercise the stop interrupted. */
static void
test_stop_counts_whole_exercises (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autoptr(LimberRoutine) routine = shipped_routine (catalog, "gentle-relief");

  for (guint c = 0; c < G_N_ELEMENTS (stop_cases); c++)
    {
      const StopCase *sc = &stop_cases[c];

      for (LimberSessionOutcome outcome = LIMBER_SESSION_OUTCOME_STOPPED;
           outcome <= LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN; outcome++)
        {
          g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
          g_autoptr(Recorder) rec = start_recorded (routine, clock, 0);
          g_autoptr(LimberSessionRecord) record = NULL;
          const LimberPhase *phase;

          g_test_message ("stopped at %" G_GINT64_FORMAT " s, %s", sc->stop_us / SECOND,
                          limber_session_outcome_to_string (outcome));
          run_to (rec, sc->stop_us);
          phase = limber_stretch_session_get_phase (rec->session);
          g_assert_cmpint (phase->kind, ==, sc->kind);
          g_assert_cmpuint (phase->step, ==, sc->step);
          g_assert_cmpint (limber_stretch_session_get_stopped_step (rec->session), ==, -1);

          limber_stretch_session_stop (rec->session, outcome);
          g_assert_cmpint (limber_stretch_session_get_outcome (rec->session), ==, outcome);
          g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==,
                            sc->completed);
          g_assert_cmpint (limber_stretch_session_get_stopped_step (rec->session), ==,
                           sc->stopped_step);
          g_assert_cmpuint (count_cues (rec, LIMBER_CUE_EXERCISE_DONE), ==, sc->completed);

          record = limber_stretch_session_create_record (rec->session);
          g_assert_cmpuint (limber_session_record_get_exercises_completed (record), ==,
                            sc->completed);
          g_assert_cmpuint (limber_session_record_get_n_exercises (record), ==, 3);
          g_assert_cmpint (limber_session_record_get_outcome (record), ==, outcome);
          /* The record says where it stopped, by the exercise's id. */
          if (sc->stopped_step < 0)
            g_assert_null (limber_session_record_get_stopped_exercise (record));
          else
            g_assert_cmpstr (limber_session_record_get_stopped_exercise (record), ==,
                             limber_exercise_get_id (limber_routine_get_step_exercise (
                               routine, sc->stopped_step)));
        }
    }

  /* The interrupted exercise is the routine's, so its name can be shown. */
  {
    g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
    g_autoptr(Recorder) rec = start_recorded (routine, clock, 0);
    int step;

    run_to (rec, 203 * SECOND);
    limber_stretch_session_stop (rec->session, LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN);
    step = limber_stretch_session_get_stopped_step (rec->session);
    g_assert_cmpint (step, ==, 1);
    g_assert_cmpstr (limber_exercise_get_id (limber_routine_get_step_exercise (routine, step)), ==,
                     "pelvic-tilt");
  }
}

/* Next part way through an exercise skips the rest of it: the reps done do not make it done,
 * and a session that ends normally was not stopped anywhere. */
static void
test_next_counts_whole_exercises (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autoptr(LimberRoutine) routine = shipped_routine (catalog, "gentle-relief");
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) rec = start_recorded (routine, clock, 0);

  /* Three reps of pelvic tilt done, then skipped. */
  run_to (rec, 185 * SECOND);
  g_assert_cmpuint (limber_stretch_session_get_phase (rec->session)->step, ==, 1);
  g_assert_cmpuint (limber_stretch_session_get_phase (rec->session)->rep, ==, 4);
  limber_stretch_session_next (rec->session);
  run_to_end (rec);

  g_assert_cmpint (limber_stretch_session_get_outcome (rec->session), ==,
                   LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, 2);
  g_assert_cmpint (limber_stretch_session_get_stopped_step (rec->session), ==, -1);
}

/* The symptom check is suggested after pain only: stopped because it hurt, rated 7 or more. */
static void
test_record_suggests_check (void)
{
  static const struct {
    LimberSessionOutcome outcome;
    int                  pain;
    gboolean             suggests;
  } cases[] = {
    { LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN, LIMBER_PAIN_UNSET, FALSE },
    { LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN, 0, FALSE },
    { LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN, 6, FALSE },
    { LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN, 7, TRUE },
    { LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN, 10, TRUE },
    { LIMBER_SESSION_OUTCOME_STOPPED, 9, FALSE },
    { LIMBER_SESSION_OUTCOME_COMPLETED, 9, FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(LimberSessionRecord) record =
        limber_session_record_new ("r", "R", WALL_START, WALL_START + SECOND, 0, 3,
                                   cases[c].outcome);

      limber_session_record_set_pain_after (record, cases[c].pain);
      g_assert_cmpint (limber_session_record_suggests_check (record), ==, cases[c].suggests);
    }
}

/* Ending a paused session: stop, or next on the last exercise. The pause in progress counts
 * as paused time up to the end (the comment in finish() says so, and get_paused_us() said so
 * a moment before), and the end is the moment of the press, as the record's wall time says. */
static void
test_end_while_paused (gconstpointer data)
{
  gboolean by_next = GPOINTER_TO_INT (data);
  g_autoptr(LimberRoutine) routine = nav_routine_new ();
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  LimberFakeClock *fake = LIMBER_FAKE_CLOCK (clock);
  g_autoptr(Recorder) rec = start_recorded (routine, clock, 0);
  g_autoptr(LimberSessionRecord) record = NULL;
  gint64 paused_before_us, paused_after_us, finished_us;

  run_to (rec, 50 * SECOND);   /* in the last exercise's work */
  limber_stretch_session_pause (rec->session);
  limber_fake_clock_advance (fake, 7 * SECOND);
  paused_before_us = limber_stretch_session_get_paused_us (rec->session);
  g_assert_cmpint (paused_before_us, ==, 7 * SECOND);

  if (by_next)
    limber_stretch_session_next (rec->session);
  else
    limber_stretch_session_stop (rec->session, LIMBER_SESSION_OUTCOME_STOPPED);

  g_assert_cmpint (limber_stretch_session_get_state (rec->session), ==,
                   LIMBER_SESSION_STATE_FINISHED);
  g_assert_cmpint (limber_stretch_session_get_outcome (rec->session), ==,
                   by_next ? LIMBER_SESSION_OUTCOME_COMPLETED : LIMBER_SESSION_OUTCOME_STOPPED);
  g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 0);
  g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, 2);
  g_assert_cmpuint (count_cues (rec, LIMBER_CUE_SESSION_DONE), ==, by_next ? 1 : 0);
  record = limber_stretch_session_create_record (rec->session);
  g_assert_cmpint (limber_session_record_get_ended_wall_us (record), ==, WALL_START + 57 * SECOND);

  paused_after_us = limber_stretch_session_get_paused_us (rec->session);
  finished_us = limber_stretch_session_get_finished_us (rec->session);
  /* The pause in progress counts up to the press, and the session ends at the press. */
  g_assert_cmpint (paused_after_us, ==, 7 * SECOND);
  g_assert_cmpint (finished_us, ==, rec->origin_us + 57 * SECOND);
}

/* Plank progression ------------------------------------------------------------------------ */

static void
test_plank_progression (void)
{
  static const struct {
    gint64 hold_us;
    gint64 plank_work_us;   /* each plank hold in this session */
    gint64 next_us;
  } cases[] = {
    { 20 * SECOND, 20 * SECOND, 25 * SECOND },
    { 35 * SECOND, 35 * SECOND, 40 * SECOND },
    { 58 * SECOND, 58 * SECOND, 60 * SECOND },
    { 60 * SECOND, 60 * SECOND, 60 * SECOND },
    { 0, 20 * SECOND, 25 * SECOND },           /* 0: the catalog's hold, 20 s */
  };
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autoptr(LimberRoutine) routine = shipped_routine (catalog, "core-strength");

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
      g_autoptr(Recorder) rec = start_recorded (routine, clock, cases[c].hold_us);
      guint n_plank_work = 0;

      g_test_message ("plank hold %" G_GINT64_FORMAT " us", cases[c].hold_us);
      g_assert_cmpint (limber_stretch_session_get_duration_us (rec->session), ==,
                       248 * SECOND + 5 * SECOND + 3 * cases[c].plank_work_us + 2 * 15 * SECOND);
      for (guint i = 0; i < limber_stretch_session_get_n_phases (rec->session); i++)
        {
          const LimberPhase *phase = limber_stretch_session_get_nth_phase (rec->session, i);

          if (phase->step == 2 && phase->kind == LIMBER_PHASE_WORK)
            {
              g_assert_cmpint (phase->duration_us, ==, cases[c].plank_work_us);
              n_plank_work++;
            }
        }
      g_assert_cmpuint (n_plank_work, ==, 3);

      run_to_end (rec);
      g_assert_cmpint (limber_stretch_session_get_finished_us (rec->session), ==,
                       rec->origin_us + limber_routine_get_duration_us (routine, cases[c].hold_us));
      g_assert_cmpint (limber_stretch_session_get_next_plank_hold_us (rec->session), ==,
                       cases[c].next_us);
    }
}

static void
test_plank_hold_length (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autoptr(LimberRoutine) routine = shipped_routine (catalog, "core-strength");
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) rec = start_recorded (routine, clock, 35 * SECOND);
  gsize mark;
  gboolean in_plank = FALSE;
  gint64 started_us = -1;
  guint n_holds = 0;

  g_assert_cmpint (limber_routine_get_duration_us (routine, 35 * SECOND), ==, 388 * SECOND);

  /* The plank starts after pelvic tilt (115 s) and bridge (133 s), at 248 s. */
  run_to (rec, 247 * SECOND + 500 * MSEC);
  mark = rec->log->len;
  run_to_end (rec);
  g_assert_cmpstr (log_since (rec, mark), ==,
                   "[get-ready]@248 get-ready:2@248 "
                   "[work]@253 start:0@253 halfway:0@270.5 "
                   "countdown:3@285 countdown:2@286 countdown:1@287 "
                   "[rest]@288 rest:2@288 countdown:3@300 countdown:2@301 countdown:1@302 "
                   "[work]@303 start:0@303 halfway:0@320.5 "
                   "countdown:3@335 countdown:2@336 countdown:1@337 "
                   "[rest]@338 rest:3@338 countdown:3@350 countdown:2@351 countdown:1@352 "
                   "[work]@353 start:0@353 halfway:0@370.5 "
                   "countdown:3@385 countdown:2@386 countdown:1@387 exercise-done:2@388 "
                   "[finished]@388 session-done:0@388");

  /* Each hold, from its START to its end, lasts exactly 35 s. */
  for (guint i = 0; i < rec->cues->len; i++)
    {
      const CueEvent *event = cue_at (rec, i);

      if (event->cue == LIMBER_CUE_GET_READY)
        in_plank = event->number == 2;
      if (!in_plank)
        continue;
      if (event->cue == LIMBER_CUE_START)
        started_us = event->boundary_us;
      if (event->cue == LIMBER_CUE_COUNTDOWN && event->number == 1 && started_us >= 0)
        {
          g_assert_cmpint (event->boundary_us + SECOND - started_us, ==, 35 * SECOND);
          started_us = -1;
          n_holds++;
        }
    }
  g_assert_cmpuint (n_holds, ==, 3);
}

static void
test_plank_kept (void)
{
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autoptr(LimberRoutine) core = shipped_routine (catalog, "core-strength");
  g_autoptr(LimberRoutine) gentle = shipped_routine (catalog, "gentle-relief");

  /* Stopped in the last plank hold. */
  {
    g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
    g_autoptr(Recorder) rec = start_recorded (core, clock, 20 * SECOND);

    run_to (rec, 340 * SECOND);
    limber_stretch_session_stop (rec->session, LIMBER_SESSION_OUTCOME_STOPPED);
    g_assert_cmpint (limber_stretch_session_get_next_plank_hold_us (rec->session), ==,
                     20 * SECOND);
  }

  /* Stopped for pain before the plank. */
  {
    g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
    g_autoptr(Recorder) rec = start_recorded (core, clock, 20 * SECOND);

    run_to (rec, 100 * SECOND);
    limber_stretch_session_stop (rec->session, LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN);
    g_assert_cmpint (limber_stretch_session_get_next_plank_hold_us (rec->session), ==,
                     20 * SECOND);
  }

  /* Completed, but the plank skipped with next: the session counts as completed, the plank
   * does not. */
  {
    g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
    g_autoptr(Recorder) rec = start_recorded (core, clock, 20 * SECOND);

    run_to (rec, 260 * SECOND);
    limber_stretch_session_next (rec->session);
    g_assert_cmpint (limber_stretch_session_get_outcome (rec->session), ==,
                     LIMBER_SESSION_OUTCOME_COMPLETED);
    g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, 2);
    g_assert_cmpint (limber_stretch_session_get_next_plank_hold_us (rec->session), ==,
                     20 * SECOND);
  }

  /* Completed with next after the first of the plank's three holds: one hold is not the
   * plank, so it does not grow. */
  {
    g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
    g_autoptr(Recorder) rec = start_recorded (core, clock, 20 * SECOND);

    run_to (rec, 280 * SECOND);
    g_assert_cmpint (limber_stretch_session_get_phase (rec->session)->kind, ==,
                     LIMBER_PHASE_SWITCH);
    g_assert_cmpuint (limber_stretch_session_get_phase (rec->session)->step, ==, 2);
    limber_stretch_session_next (rec->session);
    g_assert_cmpint (limber_stretch_session_get_outcome (rec->session), ==,
                     LIMBER_SESSION_OUTCOME_COMPLETED);
    g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, 2);
    g_assert_cmpint (limber_stretch_session_get_next_plank_hold_us (rec->session), ==,
                     20 * SECOND);
  }

  /* No plank in the routine. */
  {
    g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
    g_autoptr(Recorder) rec = start_recorded (gentle, clock, 35 * SECOND);

    g_assert_false (limber_routine_has_progressive (gentle));
    run_to_end (rec);
    g_assert_cmpint (limber_stretch_session_get_outcome (rec->session), ==,
                     LIMBER_SESSION_OUTCOME_COMPLETED);
    g_assert_cmpint (limber_stretch_session_get_next_plank_hold_us (rec->session), ==,
                     35 * SECOND);
  }
}

/* Drift ------------------------------------------------------------------------------------ */

typedef struct
{
  gint64 at_us;       /* from the start, on the clock */
  gint64 length_us;
} PauseSpec;

/* Two pauses at odd moments, and two pressed just after a deadline, 10 ms after the start of
 * a cat-cow move (300 s, moved on by the first pause) and 5 ms after a bridge move (489 s, moved
 * on by the first two): there the timer is made to fire 40 ms late, so the press comes while it
 * is overdue. */
static const PauseSpec drift_pauses[] = {
  { 37777777, 1234567 },
  { 301244567, 61 * SECOND },
  { 551239567, 500 * MSEC },
  { 700123456, 2718281 },
};

/* A reference run of @routine with every timer exactly on time. */
static Recorder *
run_reference (LimberRoutine *routine,
               LimberClock   *clock,
               gint64         plank_hold_us)
{
  Recorder *ref = start_recorded (routine, clock, plank_hold_us);

  run_to_end (ref);
  return ref;
}

/* Each cue of @rec is the cue of @ref, its moment moved on by the pauses before it. */
static void
assert_same_cues (Recorder *ref,
                  Recorder *rec)
{
  g_assert_cmpuint (rec->cues->len, ==, ref->cues->len);
  for (guint i = 0; i < rec->cues->len; i++)
    {
      const CueEvent *a = cue_at (ref, i), *b = cue_at (rec, i);

      g_assert_cmpint (b->cue, ==, a->cue);
      g_assert_cmpuint (b->number, ==, a->number);
      g_assert_cmpint (b->boundary_us - rec->origin_us, ==,
                       a->boundary_us - ref->origin_us + b->paused_us);
    }
}

static void
test_drift (gconstpointer data)
{
  gboolean late_clock = GPOINTER_TO_INT (data);
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autoptr(LimberRoutine) routine = shipped_routine (catalog, "daily-mobility");
  g_autoptr(LimberClock) ref_clock = limber_fake_clock_new (WALL_START);
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) ref = NULL;
  g_autoptr(Recorder) rec = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261121);
  gint64 duration_us = limber_routine_get_duration_us (routine, LIMBER_PLANK_MAX_US);
  gint64 total_paused_us = 0, max_late_seen_us = 0;
  gint64 press_us[G_N_ELEMENTS (drift_pauses)], paused_after_us[G_N_ELEMENTS (drift_pauses)];
  guint next_pause = 0, n_firings = 0, n_ref_deadlines, n_overdue_presses = 0;
  g_auto(GStrv) ref_deadlines = NULL;

  /* 808 s of routine and 65.452848 s of pauses: about a quarter of an hour. */
  g_assert_cmpint (duration_us, ==, 808 * SECOND);
  for (guint i = 0; i < G_N_ELEMENTS (drift_pauses); i++)
    total_paused_us += drift_pauses[i].length_us;
  g_assert_cmpint (total_paused_us, ==, 65452848);

  ref = run_reference (routine, ref_clock, LIMBER_PLANK_MAX_US);
  ref_deadlines = g_strsplit (ref->deadlines->str, " ", -1);
  n_ref_deadlines = g_strv_length (ref_deadlines);
  rec = start_recorded (routine, clock, LIMBER_PLANK_MAX_US);

  while (limber_stretch_session_get_state (rec->session) != LIMBER_SESSION_STATE_FINISHED)
    {
      gint64 deadline_us = clock_next_deadline (clock);
      gint64 fire_at_us = deadline_us + g_rand_int_range (rand, 0, MAX_LATE_US + 1);

      if (next_pause < G_N_ELEMENTS (drift_pauses) &&
          rec->origin_us + drift_pauses[next_pause].at_us > deadline_us &&
          rec->origin_us + drift_pauses[next_pause].at_us < deadline_us + MAX_LATE_US)
        fire_at_us = deadline_us + MAX_LATE_US;

      g_assert_cmpuint (clock_n_pending (clock), ==, 1);
      g_assert_cmpint (deadline_us, >=, 0);

      if (next_pause < G_N_ELEMENTS (drift_pauses) &&
          rec->origin_us + drift_pauses[next_pause].at_us < fire_at_us)
        {
          const PauseSpec *pause = &drift_pauses[next_pause++];
          guint n_cues;
          gint64 remaining_us;

          clock_pass_time_to (clock, late_clock, rec->origin_us + pause->at_us);
          press_us[next_pause - 1] = rec_now (rec);
          if (clock_next_deadline (clock) < rec_now (rec))
            n_overdue_presses++;
          limber_stretch_session_pause (rec->session);
          g_assert_cmpint (limber_stretch_session_get_state (rec->session), ==,
                           LIMBER_SESSION_STATE_PAUSED);
          g_assert_cmpuint (clock_n_pending (clock), ==, 0);
          n_cues = rec->cues->len;
          remaining_us = limber_stretch_session_get_remaining_us (rec->session);

          clock_pass_time_to (clock, late_clock, rec_now (rec) + pause->length_us);
          g_assert_cmpuint (rec->cues->len, ==, n_cues);
          g_assert_cmpint (limber_stretch_session_get_remaining_us (rec->session), ==, remaining_us);
          limber_stretch_session_resume (rec->session);
          paused_after_us[next_pause - 1] = limber_stretch_session_get_paused_us (rec->session);
          continue;
        }

      clock_fire_next_at (clock, late_clock, fire_at_us);
      n_firings++;
    }

  g_assert_cmpuint (next_pause, ==, G_N_ELEMENTS (drift_pauses));
  /* The fake clock runs what is due before each press; the late clock lets two presses find
   * their timer overdue. */
  g_assert_cmpuint (n_overdue_presses, ==, late_clock ? 2 : 0);
  /* One firing per deadline of the reference run, but those a pause press handled. */
  g_assert_cmpuint (n_firings, <=, n_ref_deadlines);
  g_assert_cmpuint (n_firings + G_N_ELEMENTS (drift_pauses), >=, n_ref_deadlines);
  g_assert_cmpint (limber_stretch_session_get_outcome (rec->session), ==,
                   LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpint (limber_stretch_session_get_paused_us (rec->session), ==, total_paused_us);
  g_assert_cmpint (limber_stretch_session_get_finished_us (rec->session), ==,
                   rec->origin_us + duration_us + total_paused_us);
  g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, 5);
  g_assert_cmpuint (clock_n_pending (clock), ==, 0);

  /* The same cues at the same planned moments, each announced at most 40 ms late; with the
   * late clock, most of them were. */
  assert_same_cues (ref, rec);
  for (guint i = 0; i < rec->cues->len; i++)
    {
      const CueEvent *event = cue_at (rec, i);

      g_assert_cmpint (event->emitted_us - event->boundary_us, <=, MAX_LATE_US);

      /* A cue due by the time of a pause press came before the pause, even when its timer
       * had not fired yet: only cues that were due after the press are moved by the pause. */
      for (guint k = 0; k < G_N_ELEMENTS (drift_pauses); k++)
        {
          if (event->paused_us == paused_after_us[k])
            g_assert_cmpint (event->boundary_us - drift_pauses[k].length_us, >, press_us[k]);
        }
      if (event->paused_us > 0)
        {
          gboolean after_a_pause = FALSE;

          for (guint k = 0; k < G_N_ELEMENTS (drift_pauses); k++)
            after_a_pause |= event->paused_us == paused_after_us[k];
          g_assert_true (after_a_pause);
        }
      max_late_seen_us = MAX (max_late_seen_us, event->emitted_us - event->boundary_us);
    }
  if (late_clock)
    g_assert_cmpint (max_late_seen_us, >, 30 * MSEC);
  else
    g_assert_cmpint (max_late_seen_us, ==, 0);
  g_assert_cmpuint (rec->phases->len, ==, limber_stretch_session_get_n_phases (rec->session));
}

/* A long stall ----------------------------------------------------------------------------- */

static void
test_stall (gconstpointer data)
{
  gboolean late_clock = GPOINTER_TO_INT (data);
  g_autoptr(LimberCatalog) catalog = limber_core_test_load_catalog ();
  g_autoptr(LimberRoutine) routine = shipped_routine (catalog, "daily-mobility");
  g_autoptr(LimberClock) ref_clock = limber_fake_clock_new (WALL_START);
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  g_autoptr(Recorder) ref = run_reference (routine, ref_clock, LIMBER_PLANK_START_US);
  g_autoptr(Recorder) rec = start_recorded (routine, clock, LIMBER_PLANK_START_US);
  const LimberPhase *phase;
  guint first_stalled, first_phase;
  gint64 stall_end_us;

  /* On time up to 50.5 s, in the left side of the first round of knee-to-chest (40–70 s). */
  while (clock_next_deadline (clock) <= rec->origin_us + 50 * SECOND + 500 * MSEC)
    clock_fire_next_at (clock, late_clock, clock_next_deadline (clock));
  clock_pass_time_to (clock, late_clock, rec->origin_us + 50 * SECOND + 500 * MSEC);
  g_assert_cmpuint (limber_stretch_session_get_phase_index (rec->session), ==, 3);
  first_stalled = rec->cues->len;
  first_phase = rec->phases->len;

  /* Ten minutes pass in one step. The fake clock runs each missed call at its own deadline;
   * the late clock runs the one pending timer ten minutes late. */
  stall_end_us = rec_now (rec) + 10 * 60 * SECOND;
  clock_pass_time_to (clock, late_clock, stall_end_us);
  if (late_clock)
    clock_fire_next_at (clock, late_clock, stall_end_us);
  g_assert_cmpint (rec_now (rec), ==, stall_end_us);

  /* 650.5 s: the second plank hold (633–653 s), halfway (643) and "3" (650) behind it. */
  phase = limber_stretch_session_get_phase (rec->session);
  g_assert_cmpint (limber_stretch_session_get_state (rec->session), ==, LIMBER_SESSION_STATE_WORK);
  g_assert_cmpint (phase->kind, ==, LIMBER_PHASE_WORK);
  g_assert_cmpuint (phase->step, ==, 4);
  g_assert_cmpuint (phase->round, ==, 2);
  g_assert_cmpint (phase->start_us, ==, 633 * SECOND);
  g_assert_cmpint (limber_stretch_session_get_phase_end_us (rec->session), ==,
                   rec->origin_us + 653 * SECOND);
  g_assert_cmpint (limber_stretch_session_get_phase_remaining_us (rec->session), ==,
                   2 * SECOND + 500 * MSEC);
  g_assert_cmpint (limber_stretch_session_get_remaining_us (rec->session), ==,
                   37 * SECOND + 500 * MSEC);
  g_assert_cmpuint (clock_n_pending (clock), ==, 1);
  g_assert_cmpint (clock_next_deadline (clock), ==, rec->origin_us + 651 * SECOND);
  /* The four exercises before the plank are done; the plank, one hold in, is not. */
  g_assert_cmpuint (limber_stretch_session_get_exercises_completed (rec->session), ==, 4);

  /* Every missed cue, in order, exactly the cues due between 50.5 s and 650.5 s. */
  g_assert_cmpuint (rec->cues->len, >, first_stalled + 100);
  for (guint i = 0; i < rec->cues->len; i++)
    {
      const CueEvent *a = cue_at (ref, i), *b = cue_at (rec, i);

      g_assert_cmpint (b->cue, ==, a->cue);
      g_assert_cmpuint (b->number, ==, a->number);
      g_assert_cmpint (b->boundary_us - rec->origin_us, ==, a->boundary_us - ref->origin_us);
      g_assert_cmpint (b->boundary_us, <=, stall_end_us);
      if (i > 0)
        g_assert_cmpint (b->boundary_us, >=, cue_at (rec, i - 1)->boundary_us);
      if (i >= first_stalled)
        g_assert_cmpint (b->emitted_us, ==, late_clock ? stall_end_us : b->boundary_us);
    }
  g_assert_cmpint (cue_at (ref, rec->cues->len)->boundary_us - ref->origin_us, ==, 651 * SECOND);
  g_assert_cmpint (cue_at (rec, rec->cues->len - 1)->cue, ==, LIMBER_CUE_COUNTDOWN);
  g_assert_cmpuint (cue_at (rec, rec->cues->len - 1)->number, ==, 3);

  /* Every missed phase was entered, in order. */
  for (guint i = first_phase; i < rec->phases->len; i++)
    g_assert_cmpuint (g_array_index (rec->phases, guint, i), ==,
                      g_array_index (rec->phases, guint, i - 1) + 1);
  g_assert_cmpuint (g_array_index (rec->phases, guint, rec->phases->len - 1), ==,
                    limber_stretch_session_get_phase_index (rec->session));

  /* And the rest runs on schedule. */
  while (clock_n_pending (clock) > 0)
    clock_fire_next_at (clock, late_clock, clock_next_deadline (clock));
  g_assert_cmpint (limber_stretch_session_get_finished_us (rec->session), ==,
                   rec->origin_us + 688 * SECOND);
  assert_same_cues (ref, rec);
  g_assert_cmpuint (rec->phases->len, ==, limber_stretch_session_get_n_phases (rec->session));
}

/* Lifetime --------------------------------------------------------------------------------- */

static void
test_dispose_cancels_timer (void)
{
  g_autoptr(LimberRoutine) routine = nav_routine_new ();
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  LimberStretchSession *session = limber_stretch_session_new (routine, clock, 0);

  limber_stretch_session_start (session);
  g_assert_cmpuint (limber_fake_clock_get_n_pending (LIMBER_FAKE_CLOCK (clock)), ==, 1);
  g_assert_finalize_object (session);
  g_assert_cmpuint (limber_fake_clock_get_n_pending (LIMBER_FAKE_CLOCK (clock)), ==, 0);
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (clock), NAV_DURATION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shipped_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/stretch-session/shipped/%s", shipped_cases[i].id);

      g_test_add_data_func (path, &shipped_cases[i], test_shipped_routine);
    }
  g_test_add_func ("/stretch-session/hold/cues", test_hold_cues);
  g_test_add_func ("/stretch-session/hold/thresholds", test_hold_thresholds);
  g_test_add_func ("/stretch-session/reps", test_reps);
  g_test_add_func ("/stretch-session/cycles", test_cycles);
  g_test_add_func ("/stretch-session/sides/two-sided", test_sides_two);
  g_test_add_func ("/stretch-session/sides/no-switch-time", test_sides_no_switch_time);
  g_test_add_func ("/stretch-session/sides/two-rounds", test_sides_two_rounds);
  g_test_add_func ("/stretch-session/sides/one-sided-rounds", test_sides_one_rounds);
  g_test_add_func ("/stretch-session/pause/shifts-deadlines", test_pause_shifts_deadlines);
  g_test_add_func ("/stretch-session/pause/each-state", test_pause_each_state);
  g_test_add_func ("/stretch-session/next/first", test_next_first);
  g_test_add_func ("/stretch-session/next/last", test_next_last);
  g_test_add_func ("/stretch-session/previous/within-3s", test_previous_within);
  g_test_add_func ("/stretch-session/previous/first", test_previous_first);
  g_test_add_func ("/stretch-session/navigate/paused", test_navigate_paused);
  g_test_add_func ("/stretch-session/navigate/inactive", test_navigate_inactive);
  g_test_add_data_func ("/stretch-session/stop/stopped",
                        GINT_TO_POINTER (LIMBER_SESSION_OUTCOME_STOPPED), test_stop);
  g_test_add_data_func ("/stretch-session/stop/stopped-for-pain",
                        GINT_TO_POINTER (LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN), test_stop);
  g_test_add_func ("/stretch-session/stop/early", test_stop_early);
  g_test_add_func ("/stretch-session/stop/counts-whole-exercises",
                   test_stop_counts_whole_exercises);
  g_test_add_func ("/stretch-session/next/counts-whole-exercises",
                   test_next_counts_whole_exercises);
  g_test_add_func ("/stretch-session/stop/record-suggests-check", test_record_suggests_check);
  g_test_add_data_func ("/stretch-session/stop/while-paused", GINT_TO_POINTER (FALSE),
                        test_end_while_paused);
  g_test_add_data_func ("/stretch-session/next/last-while-paused", GINT_TO_POINTER (TRUE),
                        test_end_while_paused);
  g_test_add_func ("/stretch-session/plank/progression", test_plank_progression);
  g_test_add_func ("/stretch-session/plank/hold-length", test_plank_hold_length);
  g_test_add_func ("/stretch-session/plank/kept", test_plank_kept);
  g_test_add_data_func ("/stretch-session/drift/fake-clock", GINT_TO_POINTER (FALSE), test_drift);
  g_test_add_data_func ("/stretch-session/drift/late-timers", GINT_TO_POINTER (TRUE), test_drift);
  g_test_add_data_func ("/stretch-session/stall/fake-clock", GINT_TO_POINTER (FALSE), test_stall);
  g_test_add_data_func ("/stretch-session/stall/late-timer", GINT_TO_POINTER (TRUE), test_stall);
  g_test_add_func ("/stretch-session/dispose", test_dispose_cancels_timer);

  return g_test_run ();
}
