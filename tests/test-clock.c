/* test-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "limber-error.h"
#include "limber-fake-clock.h"
#include "limber-system-clock.h"

#define SECOND G_GINT64_CONSTANT (1000000)
/* 2026-11-21 10:00:00 UTC */
#define WALL_START (G_GINT64_CONSTANT (1795255200) * SECOND)

typedef struct
{
  LimberClock *clock;
  GString     *log;
} Recorder;

typedef struct
{
  Recorder   *recorder;
  const char *name;
  gint64      fired_at;
} Call;

static void
record_cb (gpointer user_data)
{
  Call *call = user_data;

  call->fired_at = limber_clock_now_monotonic_us (call->recorder->clock);
  g_string_append_printf (call->recorder->log, "%s@%" G_GINT64_FORMAT " ", call->name,
                          (call->fired_at - 1000 * SECOND) / SECOND);
}

static void
count_destroy (gpointer user_data)
{
  (*(int *) user_data)++;
}

static void
test_fake_order (void)
{
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  LimberFakeClock *fake = LIMBER_FAKE_CLOCK (clock);
  Recorder recorder = { clock, g_string_new (NULL) };
  Call a = { &recorder, "a" }, b = { &recorder, "b" }, c = { &recorder, "c" }, d = { &recorder, "d" };
  gint64 start = limber_clock_now_monotonic_us (clock);

  g_assert_cmpint (limber_clock_now_wall_us (clock), ==, WALL_START);

  /* Scheduled out of order; two share a deadline and keep their scheduling order. */
  limber_clock_schedule (clock, start + 30 * SECOND, record_cb, &c, NULL);
  limber_clock_schedule (clock, start + 10 * SECOND, record_cb, &a, NULL);
  limber_clock_schedule (clock, start + 30 * SECOND, record_cb, &d, NULL);
  limber_clock_schedule_in (clock, 20 * SECOND, record_cb, &b, NULL);
  g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 4);
  g_assert_cmpint (limber_fake_clock_get_next_deadline (fake), ==, start + 10 * SECOND);

  limber_fake_clock_advance (fake, 9 * SECOND);
  g_assert_cmpstr (recorder.log->str, ==, "");

  limber_fake_clock_advance (fake, 1 * SECOND);
  g_assert_cmpstr (recorder.log->str, ==, "a@10 ");

  limber_fake_clock_advance (fake, 60 * SECOND);
  g_assert_cmpstr (recorder.log->str, ==, "a@10 b@20 c@30 d@30 ");

  /* Each call saw "now" at its own deadline; afterwards now is the end of the advance. */
  g_assert_cmpint (b.fired_at, ==, start + 20 * SECOND);
  g_assert_cmpint (limber_clock_now_monotonic_us (clock), ==, start + 70 * SECOND);
  g_assert_cmpint (limber_clock_now_wall_us (clock), ==, WALL_START + 70 * SECOND);
  g_assert_cmpuint (limber_fake_clock_get_n_pending (fake), ==, 0);
  g_assert_cmpint (limber_fake_clock_get_next_deadline (fake), ==, -1);

  g_string_free (recorder.log, TRUE);
}

typedef struct
{
  Recorder *recorder;
  int       remaining;
} Chain;

static void
chain_cb (gpointer user_data)
{
  Chain *chain = user_data;

  g_string_append_printf (chain->recorder->log, "%" G_GINT64_FORMAT " ",
                          (limber_clock_now_monotonic_us (chain->recorder->clock) - 1000 * SECOND)
                          / SECOND);
  if (--chain->remaining > 0)
    limber_clock_schedule_in (chain->recorder->clock, 5 * SECOND, chain_cb, chain, NULL);
}

static void
test_fake_reschedule_from_callback (void)
{
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  Recorder recorder = { clock, g_string_new (NULL) };
  Chain chain = { &recorder, 4 };

  /* Calls scheduled by a callback run within the same advance when they fall inside it. */
  limber_clock_schedule_in (clock, 5 * SECOND, chain_cb, &chain, NULL);
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (clock), 17 * SECOND);
  g_assert_cmpstr (recorder.log->str, ==, "5 10 15 ");
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (clock), 3 * SECOND);
  g_assert_cmpstr (recorder.log->str, ==, "5 10 15 20 ");
  g_assert_cmpint (chain.remaining, ==, 0);

  g_string_free (recorder.log, TRUE);
}

static void
test_fake_cancel (void)
{
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  Recorder recorder = { clock, g_string_new (NULL) };
  Call a = { &recorder, "a" }, b = { &recorder, "b" }, c = { &recorder, "c" };
  guint id_a, id_b, id_c;

  id_a = limber_clock_schedule_in (clock, 10 * SECOND, record_cb, &a, NULL);
  id_b = limber_clock_schedule_in (clock, 10 * SECOND, record_cb, &b, NULL);
  id_c = limber_clock_schedule_in (clock, 10 * SECOND, record_cb, &c, NULL);
  g_assert_cmpuint (id_a, !=, id_b);
  g_assert_cmpuint (id_b, !=, id_c);

  limber_clock_cancel (clock, id_a);
  limber_clock_clear (clock, &id_b);
  g_assert_cmpuint (id_b, ==, 0);
  limber_clock_clear (clock, &id_b);   /* clearing 0 does nothing */

  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (clock), 20 * SECOND);
  g_assert_cmpstr (recorder.log->str, ==, "c@10 ");

  /* Cancelling a call that already ran is harmless. */
  limber_clock_cancel (clock, id_c);
  g_assert_cmpuint (limber_fake_clock_get_n_pending (LIMBER_FAKE_CLOCK (clock)), ==, 0);

  g_string_free (recorder.log, TRUE);
}

static void
test_fake_destroy_notify (void)
{
  LimberClock *clock = limber_fake_clock_new (WALL_START);
  Recorder recorder = { clock, g_string_new (NULL) };
  Call a = { &recorder, "a" };
  int destroyed = 0;

  /* The destroy notify runs once, after the call ran... */
  limber_clock_schedule_in (clock, SECOND, record_cb, &a, NULL);
  limber_clock_schedule_in (clock, SECOND, (LimberClockFunc) count_destroy, &destroyed, count_destroy);
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (clock), SECOND);
  g_assert_cmpint (destroyed, ==, 2);   /* the call itself counted once, its destroy once */

  /* ...or when it was cancelled... */
  limber_clock_cancel (clock, limber_clock_schedule_in (clock, SECOND, record_cb, &destroyed,
                                                        count_destroy));
  g_assert_cmpint (destroyed, ==, 3);

  /* ...or when the clock went away with the call pending. */
  limber_clock_schedule_in (clock, SECOND, record_cb, &destroyed, count_destroy);
  g_assert_finalize_object (clock);
  g_assert_cmpint (destroyed, ==, 4);
  g_assert_cmpstr (recorder.log->str, ==, "a@1 ");

  g_string_free (recorder.log, TRUE);
}

static void
test_fake_wall_jump (void)
{
  g_autoptr(LimberClock) clock = limber_fake_clock_new (WALL_START);
  gint64 monotonic = limber_clock_now_monotonic_us (clock);

  limber_fake_clock_jump_wall (LIMBER_FAKE_CLOCK (clock), -3600 * SECOND);
  g_assert_cmpint (limber_clock_now_wall_us (clock), ==, WALL_START - 3600 * SECOND);
  g_assert_cmpint (limber_clock_now_monotonic_us (clock), ==, monotonic);
}

static void
test_parse_scale (void)
{
  static const struct {
    const char *text;
    gboolean    valid;
    double      value;
  } cases[] = {
    { "1", TRUE, 1.0 },
    { "60", TRUE, 60.0 },
    { "0.5", TRUE, 0.5 },
    { "2.5e1", TRUE, 25.0 },
    { "abc", FALSE },
    { "0", FALSE },
    { "-5", FALSE },
    { "", FALSE },
    { "60x", FALSE },
    { " ", FALSE },
    { "inf", FALSE },
    { "nan", FALSE },
    { "1e400", FALSE },
    { "1e300", FALSE },
    { "1e-9", FALSE },
    { "10001", FALSE },
    { "0.009", FALSE },
    { "10000", TRUE, 10000.0 },
    { "0.01", TRUE, 0.01 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -1;
      gboolean ok = limber_system_clock_parse_time_scale (cases[i].text, &value, &error);

      g_test_message ("scale '%s'", cases[i].text);
      if (cases[i].valid)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpfloat (value, ==, cases[i].value);
        }
      else
        {
          g_assert_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE);
          g_assert_false (ok);
          g_assert_cmpfloat (value, ==, -1);
          g_assert_nonnull (strstr (error->message, cases[i].text));
        }
    }
}

static void
test_scale_from_env (void)
{
  static const char * const bad[] = { "abc", "0", "-5", "1e300", "1e-9" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LimberClock) clock = NULL;
      g_autofree char *pattern = g_strdup_printf ("*" LIMBER_TIME_SCALE_ENV "*'%s'*scale 1*",
                                                  bad[i]);

      g_setenv (LIMBER_TIME_SCALE_ENV, bad[i], TRUE);
      g_test_expect_message ("Limber", G_LOG_LEVEL_WARNING, pattern);
      clock = limber_system_clock_new_from_env ();
      g_test_assert_expected_messages ();
      g_assert_cmpfloat (limber_system_clock_get_time_scale (LIMBER_SYSTEM_CLOCK (clock)), ==, 1.0);
    }

  {
    g_autoptr(LimberClock) clock = NULL;

    g_setenv (LIMBER_TIME_SCALE_ENV, "60", TRUE);
    clock = limber_system_clock_new_from_env ();
    g_assert_cmpfloat (limber_system_clock_get_time_scale (LIMBER_SYSTEM_CLOCK (clock)), ==, 60.0);
  }
  {
    g_autoptr(LimberClock) clock = NULL;

    g_unsetenv (LIMBER_TIME_SCALE_ENV);
    clock = limber_system_clock_new_from_env ();
    g_assert_cmpfloat (limber_system_clock_get_time_scale (LIMBER_SYSTEM_CLOCK (clock)), ==, 1.0);
  }
}

/* LIMBER_DEBUG_TIME_START: two clocks made apart from the same value show the same time,
 * the chosen one advanced by the scale since the real origin; a bad value is ignored. */
static void
test_start_from_env (void)
{
  /* Saturday 15 March 2025, 19:00 UTC, from ten real seconds ago. */
  gint64 clock_s = 1742065200;
  gint64 real_s = g_get_real_time () / G_USEC_PER_SEC - 10;
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT, clock_s,
                                            real_s);
  g_autoptr(LimberClock) first = NULL;
  g_autoptr(LimberClock) second = NULL;
  g_autoptr(LimberClock) ignored = NULL;
  gint64 a, b;

  g_setenv (LIMBER_TIME_SCALE_ENV, "60", TRUE);
  g_setenv (LIMBER_TIME_START_ENV, start, TRUE);
  first = limber_system_clock_new_from_env ();
  g_usleep (50000);
  second = limber_system_clock_new_from_env ();

  a = limber_clock_now_wall_us (first);
  b = limber_clock_now_wall_us (second);
  /* Read one after the other: at most a few real milliseconds (times 60) apart. */
  g_assert_cmpint (ABS (b - a), <, 60 * 50000);
  /* Ten real seconds and more at scale 60: ten clock minutes and more, not a day. */
  g_assert_cmpint (a - clock_s * G_USEC_PER_SEC, >=, (gint64) 600 * G_USEC_PER_SEC);
  g_assert_cmpint (a - clock_s * G_USEC_PER_SEC, <, (gint64) 24 * 3600 * G_USEC_PER_SEC);

  g_setenv (LIMBER_TIME_START_ENV, "tomorrow", TRUE);
  g_test_expect_message ("Limber", G_LOG_LEVEL_WARNING, "*" LIMBER_TIME_START_ENV "*tomorrow*");
  ignored = limber_system_clock_new_from_env ();
  g_test_assert_expected_messages ();
  g_assert_cmpint (ABS (limber_clock_now_wall_us (ignored) - g_get_real_time ()), <,
                   (gint64) 3600 * G_USEC_PER_SEC);

  g_unsetenv (LIMBER_TIME_START_ENV);
  g_unsetenv (LIMBER_TIME_SCALE_ENV);
}

typedef struct
{
  LimberClock *clock;
  gint64       deadline;
  gint64       fired_at;
  gint64       wall_at_fire;
  GMainLoop   *loop;
} SystemCall;

static void
system_fire_cb (gpointer user_data)
{
  SystemCall *call = user_data;

  call->fired_at = limber_clock_now_monotonic_us (call->clock);
  call->wall_at_fire = limber_clock_now_wall_us (call->clock);
  g_main_loop_quit (call->loop);
}

static void
test_system_scaled (void)
{
  g_autoptr(LimberClock) clock = limber_system_clock_new (100.0);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  SystemCall call = { clock, 0, 0, 0, loop };
  gint64 real_start = g_get_monotonic_time ();
  gint64 wall_start = limber_clock_now_wall_us (clock);
  guint cancelled;

  /* 10 clock seconds at scale 100 pass in about 0.1 real seconds, and the call never runs
   * before its deadline in clock time. */
  call.deadline = limber_clock_now_monotonic_us (clock) + 10 * SECOND;
  limber_clock_schedule (clock, call.deadline, system_fire_cb, &call, NULL);
  cancelled = limber_clock_schedule (clock, call.deadline - SECOND, system_fire_cb, &call, NULL);
  limber_clock_cancel (clock, cancelled);
  g_main_loop_run (loop);

  g_assert_cmpint (call.fired_at, >=, call.deadline);
  g_assert_cmpint (g_get_monotonic_time () - real_start, >=, 10 * SECOND / 100);
  /* Wall time advanced by the same scaled amount as monotonic time. */
  g_assert_cmpint (call.wall_at_fire - wall_start, >=, 10 * SECOND);
  /* Generous bound: the point is that it did not take 10 real seconds. */
  g_assert_cmpint (g_get_monotonic_time () - real_start, <, 5 * SECOND);
}

static void
test_system_real_time (void)
{
  g_autoptr(LimberClock) clock = limber_system_clock_new (1.0);
  gint64 before = g_get_real_time ();
  gint64 wall = limber_clock_now_wall_us (clock);
  gint64 after = g_get_real_time ();

  /* At scale 1 the clock is the system's. */
  g_assert_cmpint (wall, >=, before);
  g_assert_cmpint (wall, <=, after);
  before = g_get_monotonic_time ();
  g_assert_cmpint (limber_clock_now_monotonic_us (clock), >=, before);
}

static void
count_message (const char     *domain,
               GLogLevelFlags  level,
               const char     *message,
               gpointer        user_data)
{
  if (strstr (message, "outside the years Limber works with") != NULL)
    (*(guint *) user_data)++;
}

/* A wall clock near the end (or before the start) of what GDateTime can hold is taken as the
 * nearest time Limber works with, and said once, not at every reading. */
static void
test_far_wall (void)
{
  /* 9999-12-31 23:00 UTC, and 9000-01-01 00:00 UTC. */
  const gint64 far = G_GINT64_CONSTANT (253402297200) * G_USEC_PER_SEC;
  const gint64 last = G_GINT64_CONSTANT (221845392000) * G_USEC_PER_SEC;
  g_autoptr(LimberClock) clock = limber_fake_clock_new (far);
  LimberFakeClock *fake = LIMBER_FAKE_CLOCK (clock);
  guint said = 0;
  guint handler = g_log_set_handler ("Limber", G_LOG_LEVEL_MESSAGE, count_message, &said);

  for (guint i = 0; i < 100; i++)
    g_assert_cmpint (limber_clock_now_wall_us (clock), ==, last);
  g_assert_cmpuint (said, ==, 1);

  /* Set right, it is read as it is; set wrong again, said again. */
  limber_fake_clock_jump_wall (fake, last - far - G_USEC_PER_SEC);
  g_assert_cmpint (limber_clock_now_wall_us (clock), ==, last - G_USEC_PER_SEC);
  limber_fake_clock_jump_wall (fake, -last);
  for (guint i = 0; i < 100; i++)
    g_assert_cmpint (limber_clock_now_wall_us (clock), ==, 0);
  g_assert_cmpuint (said, ==, 2);

  g_log_remove_handler ("Limber", handler);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/fake/order", test_fake_order);
  g_test_add_func ("/clock/fake/reschedule-from-callback", test_fake_reschedule_from_callback);
  g_test_add_func ("/clock/fake/cancel", test_fake_cancel);
  g_test_add_func ("/clock/fake/destroy-notify", test_fake_destroy_notify);
  g_test_add_func ("/clock/fake/wall-jump", test_fake_wall_jump);
  g_test_add_func ("/clock/far-wall", test_far_wall);
  g_test_add_func ("/clock/system/parse-scale", test_parse_scale);
  g_test_add_func ("/clock/system/scale-from-env", test_scale_from_env);
  g_test_add_func ("/clock/system/start-from-env", test_start_from_env);
  g_test_add_func ("/clock/system/scaled", test_system_scaled);
  g_test_add_func ("/clock/system/real-time", test_system_real_time);

  return g_test_run ();
}
