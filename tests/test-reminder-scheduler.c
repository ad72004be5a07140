/* test-reminder-scheduler.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "limber-active-hours.h"
#include "limber-records-enums.h"
#include "limber-fake-clock.h"
#include "limber-reminder-scheduler.h"

/*
 * The reminder scheduler, driven by a fake clock. Every "due" signal goes into a log of local
 * times ("2026-03-16 10:00"), compared with exact expectations: a "*" marks a catch-up
 * (caught_up TRUE), a "!" a reminder the test's handler could not show (as when the
 * notification server is missing), and " (inactive)" one shown outside the active hours.
 *
 * Unless a test says otherwise the clock stands in Europe/Lisbon on Monday 2026-03-16 08:00
 * (WET, UTC+0) when the scheduler is made, with the default settings: hydration 10:00, 11:00,
 * …; posture 09:45, 10:30, …; walk 11:00, 13:00, …
 */

#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

#define MON "2026-03-16 "
#define TUE "2026-03-17 "

#define HYDRATION_DAY "10:00 11:00 12:00 13:00 14:00 15:00 16:00 17:00"
#define POSTURE_DAY   "09:45 10:30 11:15 12:00 12:45 13:30 14:15 15:00 15:45 16:30 17:15"
#define WALK_DAY      "11:00 13:00 15:00 17:00"

/* Hydration, posture and walk: the kinds due outside the acute plan (packs are not). */
#define N_PREVENTION_KINDS (LIMBER_REMINDER_WALK + 1)

typedef struct
{
  LimberReminderKind kind;
  gint64             wall_us;
  gboolean           caught_up;
  gboolean           active;     /* within the active hours when shown */
  gboolean           failed;     /* the handler held it back */
} Shown;

typedef struct
{
  GTimeZone               *tz;
  LimberClock             *clock;
  LimberFakeClock         *fake;
  LimberReminderScheduler *scheduler;
  GArray                  *shown;        /* Shown */
  guint                    fail_next;    /* how many coming reminders the handler holds back */
  gboolean                 check_timer;  /* FALSE while the wall clock jumped unseen */
  gboolean                 show_offset;  /* log UTC offsets too, for daylight saving */
} Fixture;

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
  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

/* A time on Monday 2026-03-16 */
static gint64
mon (Fixture *f,
     int      hour,
     int      minute)
{
  return local_us (f, 2026, 3, 16, hour, minute);
}

static void
on_due (LimberReminderScheduler *scheduler,
        LimberReminderKind       kind,
        gboolean                 caught_up,
        gpointer                 user_data)
{
  Fixture *f = user_data;
  Shown shown = { kind, limber_clock_now_wall_us (f->clock), caught_up, FALSE, FALSE };
  gint64 next_due = limber_reminder_scheduler_get_next_due (scheduler, kind);

  g_assert_cmpuint (kind, <, LIMBER_N_REMINDER_KINDS);
  /* Walks and packs of the acute plan keep its own hours, which the acute tests spell out. */
  shown.active = limber_reminder_scheduler_follows_acute (scheduler, kind)
                 || limber_reminder_scheduler_is_active_at (scheduler, shown.wall_us);
  /* The next one is already planned, after now, and this one is no longer held. */
  g_assert_false (limber_reminder_scheduler_is_held (scheduler, kind));
  if (next_due != 0)
    g_assert_cmpint (next_due, >, shown.wall_us);

  if (f->fail_next > 0)
    {
      /* What the service does when the notification server is missing. */
      f->fail_next--;
      shown.failed = TRUE;
      limber_reminder_scheduler_add_hold (scheduler, LIMBER_REMINDER_HOLD_NO_SERVER);
      limber_reminder_scheduler_hold_kind (scheduler, kind);
    }

  g_array_append_val (f->shown, shown);
}

/* A scheduler made at a local time in Europe/Lisbon. */
static Fixture *
fixture_new_at (int year,
                int month,
                int day,
                int hour,
                int minute)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->tz = g_time_zone_new_identifier ("Europe/Lisbon");
  g_assert_nonnull (f->tz);
  f->clock = limber_fake_clock_new (local_us (f, year, month, day, hour, minute));
  f->fake = LIMBER_FAKE_CLOCK (f->clock);
  f->scheduler = limber_reminder_scheduler_new (f->clock, f->tz);
  f->shown = g_array_new (FALSE, TRUE, sizeof (Shown));
  f->check_timer = TRUE;
  g_signal_connect (f->scheduler, "due", G_CALLBACK (on_due), f);

  return f;
}

static Fixture *
fixture_new (void)
{
  return fixture_new_at (2026, 3, 16, 8, 0);
}

static void
fixture_free (Fixture *f)
{
  g_signal_handlers_disconnect_by_data (f->scheduler, f);
  g_clear_object (&f->scheduler);
  /* The scheduler leaves no timer behind. */
  g_assert_cmpuint (limber_fake_clock_get_n_pending (f->fake), ==, 0);
  g_clear_object (&f->clock);
  g_array_unref (f->shown);
  g_time_zone_unref (f->tz);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

/* Logs ------------------------------------------------------------------------------------- */

static char *
format_wall (Fixture *f,
             gint64   wall_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (wall_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, f->tz);
  g_autofree char *format = g_strconcat ("%Y-%m-%d %H:%M", wall_us % MINUTE != 0 ? ":%S" : "",
                                         f->show_offset ? "%z" : "", NULL);

  g_assert_cmpint (wall_us % G_USEC_PER_SEC, ==, 0);
  return g_date_time_format (local, format);
}

/* The reminders shown, oldest first: all of them with their kind when @kind is -1. */
static char *
shown_log (Fixture *f,
           int      kind)
{
  GString *log = g_string_new (NULL);

  for (guint i = 0; i < f->shown->len; i++)
    {
      const Shown *shown = &g_array_index (f->shown, Shown, i);
      g_autofree char *time = NULL;

      if (kind >= 0 && shown->kind != (LimberReminderKind) kind)
        continue;

      time = format_wall (f, shown->wall_us);
      g_string_append_printf (log, "%s%s%s%s%s%s%s", log->len > 0 ? ", " : "", time,
                              kind < 0 ? " " : "",
                              kind < 0 ? limber_reminder_kind_to_string (shown->kind) : "",
                              shown->caught_up ? "*" : "", shown->failed ? "!" : "",
                              shown->active ? "" : " (inactive)");
    }
  return g_string_free (log, FALSE);
}

#define assert_log(f, kind, expected) \
  G_STMT_START { \
    g_autofree char *log_ = shown_log ((f), (kind)); \
    g_assert_cmpstr (log_, ==, (expected)); \
  } G_STMT_END

#define ALL (-1)

#define active_at(f, wall_us) limber_reminder_scheduler_is_active_at ((f)->scheduler, (wall_us))
#define is_held(f, kind) limber_reminder_scheduler_is_held ((f)->scheduler, (kind))

/* A time as in a log, or "none" for 0. */
static char *
format_time (Fixture *f,
             gint64   wall_us)
{
  return wall_us == 0 ? g_strdup ("none") : format_wall (f, wall_us);
}

static char *
format_next_due (Fixture            *f,
                 LimberReminderKind  kind)
{
  return format_time (f, limber_reminder_scheduler_get_next_due (f->scheduler, kind));
}

#define assert_time(f, wall_us, expected) \
  G_STMT_START { \
    g_autofree char *time_ = format_time ((f), (wall_us)); \
    g_assert_cmpstr (time_, ==, (expected)); \
  } G_STMT_END

#define assert_next_due(f, kind, expected) \
  assert_time ((f), limber_reminder_scheduler_get_next_due ((f)->scheduler, (kind)), (expected))

static void
clear_log (Fixture *f)
{
  g_array_set_size (f->shown, 0);
}

/* Each of the space-separated @times on each of the space-separated @dates, as in a log. */
static char *
expect_days (const char *dates,
             const char *times)
{
  g_auto(GStrv) date_list = g_strsplit (dates, " ", -1);
  g_auto(GStrv) time_list = g_strsplit (times, " ", -1);
  GString *log = g_string_new (NULL);

  for (guint d = 0; date_list[d] != NULL; d++)
    for (guint t = 0; time_list[t] != NULL; t++)
      g_string_append_printf (log, "%s%s %s", log->len > 0 ? ", " : "", date_list[d],
                              time_list[t]);
  return g_string_free (log, FALSE);
}

#define assert_days(f, kind, dates, times) \
  G_STMT_START { \
    g_autofree char *expected_ = expect_days ((dates), (times)); \
    assert_log ((f), (kind), expected_); \
  } G_STMT_END

/* Driving the fake clock ------------------------------------------------------------------- */

static gint64
wall_offset (Fixture *f)
{
  return limber_clock_now_wall_us (f->clock) - limber_clock_now_monotonic_us (f->clock);
}

/* A single timer is armed, for the earliest due time or the end of the pause; none when
 * nothing is planned: the scheduler never polls. */
static void
check_timer (Fixture *f)
{
  gint64 times[] = { limber_reminder_scheduler_get_paused_until (f->scheduler),
                     limber_reminder_scheduler_get_next_due (f->scheduler, 0),
                     limber_reminder_scheduler_get_next_due (f->scheduler, 1),
                     limber_reminder_scheduler_get_next_due (f->scheduler, 2),
                     limber_reminder_scheduler_get_next_due (f->scheduler, 3) };
  gint64 expected = G_MAXINT64;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    if (times[i] != 0)
      expected = MIN (expected, times[i]);

  if (expected == G_MAXINT64)
    {
      g_assert_cmpuint (limber_fake_clock_get_n_pending (f->fake), ==, 0);
      return;
    }

  g_assert_cmpuint (limber_fake_clock_get_n_pending (f->fake), ==, 1);
  g_assert_cmpint (limber_fake_clock_get_next_deadline (f->fake) + wall_offset (f), ==,
                   MAX (expected, limber_clock_now_wall_us (f->clock)));
}

/* Advances to each timer in turn, then to @wall_us (on the clock as it stands now). */
static void
run_until (Fixture *f,
           gint64   wall_us)
{
  gint64 last = -1;
  guint same = 0;

  for (;;)
    {
      gint64 deadline;

      if (f->check_timer)
        check_timer (f);
      if (limber_fake_clock_get_n_pending (f->fake) == 0)
        break;
      deadline = limber_fake_clock_get_next_deadline (f->fake);
      if (deadline + wall_offset (f) > wall_us)
        break;

      /* A timer armed again and again for the same moment would be a busy loop. */
      same = deadline == last ? same + 1 : 0;
      g_assert_cmpuint (same, <, 10);
      last = deadline;

      limber_fake_clock_advance_to (f->fake, MAX (deadline,
                                                  limber_clock_now_monotonic_us (f->clock)));
    }

  if (wall_us > limber_clock_now_wall_us (f->clock))
    limber_fake_clock_advance_to (f->fake, wall_us - wall_offset (f));
}

/* The acute plan ---------------------------------------------------------------------------- */

#define SAT "2026-03-21 "
#define SUN "2026-03-22 "
#define WED "2026-03-25 "

/* Starts the 72-hour acute plan of a spasm now. */
static gint64
start_spasm (Fixture *f)
{
  gint64 now = limber_clock_now_wall_us (f->clock);

  limber_reminder_scheduler_set_acute (f->scheduler, now, now + 72 * HOUR);
  return now;
}

/* A spasm in the evening: walks hourly and a pack after 2 hours while awake (08:00–22:00),
 * nothing in the night, and the first walk and pack when the waking hours begin. */
static void
test_acute_night (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  /* Before a spasm no pack is due at all. */
  assert_next_due (f, LIMBER_REMINDER_PACK, "none");
  g_assert_false (limber_reminder_scheduler_follows_acute (f->scheduler, LIMBER_REMINDER_PACK));

  run_until (f, mon (f, 20, 30));
  clear_log (f);
  start_spasm (f);

  g_assert_true (limber_reminder_scheduler_follows_acute (f->scheduler, LIMBER_REMINDER_WALK));
  g_assert_true (limber_reminder_scheduler_follows_acute (f->scheduler, LIMBER_REMINDER_PACK));
  g_assert_false (limber_reminder_scheduler_follows_acute (f->scheduler,
                                                           LIMBER_REMINDER_HYDRATION));
  g_assert_cmpint (limber_reminder_scheduler_get_current_interval (f->scheduler,
                                                                   LIMBER_REMINDER_WALK),
                   ==, 60 * MINUTE);
  g_assert_cmpint (limber_reminder_scheduler_get_current_interval (f->scheduler,
                                                                   LIMBER_REMINDER_PACK),
                   ==, 2 * HOUR);
  assert_next_due (f, LIMBER_REMINDER_WALK, MON "21:30");
  /* 22:30 is after the waking hours. */
  assert_next_due (f, LIMBER_REMINDER_PACK, TUE "08:00");

  run_until (f, local_us (f, 2026, 3, 17, 10, 30));
  /* Water and posture keep the active hours (09:00–18:00), counted afresh each day. */
  assert_log (f, ALL, MON "21:30 walk, "
                      TUE "08:00 walk, " TUE "08:00 pack, "
                      TUE "09:00 walk, " TUE "09:45 posture, "
                      TUE "10:00 hydration, " TUE "10:00 walk, " TUE "10:00 pack, "
                      TUE "10:30 posture");

  /* Shorter waking hours apply at once. */
  limber_reminder_scheduler_set_waking_hours (f->scheduler, 8 * 60, 11 * 60);
  assert_next_due (f, LIMBER_REMINDER_WALK, "2026-03-18 08:00");
  assert_next_due (f, LIMBER_REMINDER_PACK, "2026-03-18 08:00");
}

/* A spasm on a Saturday evening gets walks that evening and all Sunday, though the active days
 * are Monday to Friday. */
static void
test_acute_weekend (void)
{
  g_autoptr(Fixture) f = fixture_new_at (2026, 3, 21, 19, 0);

  assert_next_due (f, LIMBER_REMINDER_WALK, "2026-03-23 11:00");
  start_spasm (f);
  assert_next_due (f, LIMBER_REMINDER_WALK, SAT "20:00");

  run_until (f, local_us (f, 2026, 3, 22, 12, 30));
  assert_log (f, LIMBER_REMINDER_WALK, SAT "20:00, " SAT "21:00, "
                                       SUN "08:00, " SUN "09:00, " SUN "10:00, " SUN "11:00, "
                                       SUN "12:00");
  assert_log (f, LIMBER_REMINDER_PACK, SAT "21:00, " SUN "08:00, " SUN "10:00, " SUN "12:00");
  /* No water or posture on a weekend. */
  assert_log (f, LIMBER_REMINDER_HYDRATION, "");
  assert_log (f, LIMBER_REMINDER_POSTURE, "");
}

/* At the end of the 72 hours packs stop and walks go back to the active hours and days. */
static void
test_acute_end (void)
{
  g_autoptr(Fixture) f = fixture_new_at (2026, 3, 21, 19, 0);

  start_spasm (f);
  run_until (f, local_us (f, 2026, 3, 24, 17, 30));
  clear_log (f);

  /* Tuesday 19:00 is the end: an hourly walk then would fall on it. */
  run_until (f, local_us (f, 2026, 3, 25, 12, 0));
  assert_log (f, LIMBER_REMINDER_PACK, "2026-03-24 18:00");
  assert_log (f, LIMBER_REMINDER_WALK, "2026-03-24 18:00, " WED "11:00");
  assert_next_due (f, LIMBER_REMINDER_PACK, "none");
  assert_next_due (f, LIMBER_REMINDER_WALK, WED "13:00");
  g_assert_false (limber_reminder_scheduler_follows_acute (f->scheduler, LIMBER_REMINDER_WALK));
  g_assert_cmpint (limber_reminder_scheduler_get_current_interval (f->scheduler,
                                                                   LIMBER_REMINDER_WALK),
                   ==, 120 * MINUTE);
}

/* Ending the episode early ("better") drops the acute plan at once. */
static void
test_acute_cleared (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 12, 0));
  start_spasm (f);
  assert_next_due (f, LIMBER_REMINDER_WALK, MON "13:00");
  assert_next_due (f, LIMBER_REMINDER_PACK, MON "14:00");

  run_until (f, mon (f, 12, 30));
  limber_reminder_scheduler_set_acute (f->scheduler, 0, 0);
  assert_next_due (f, LIMBER_REMINDER_PACK, "none");
  /* Back to every 120 minutes, from the start of the spasm's plan. */
  assert_next_due (f, LIMBER_REMINDER_WALK, MON "13:00");
  run_until (f, mon (f, 18, 0));
  assert_log (f, LIMBER_REMINDER_PACK, "");
  assert_log (f, LIMBER_REMINDER_WALK, MON "11:00, " MON "13:00, " MON "15:00, " MON "17:00");
}

/* A pack counts the next one from when it comes off. */
static void
test_acute_pack_restarts (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 9, 0));
  start_spasm (f);
  assert_next_due (f, LIMBER_REMINDER_PACK, MON "11:00");

  /* A 15-minute pack put on at 10:00. */
  run_until (f, mon (f, 10, 0));
  limber_reminder_scheduler_restart_from (f->scheduler, LIMBER_REMINDER_PACK,
                                          mon (f, 10, 15));
  assert_next_due (f, LIMBER_REMINDER_PACK, MON "12:15");
  run_until (f, mon (f, 12, 20));
  assert_log (f, LIMBER_REMINDER_PACK, MON "12:15");

  /* One put on at 20:05, before the one due at 20:15, comes off at 20:20: that leaves no room
   * for another before 22:00. */
  run_until (f, mon (f, 20, 5));
  limber_reminder_scheduler_restart_from (f->scheduler, LIMBER_REMINDER_PACK,
                                          mon (f, 20, 20));
  assert_next_due (f, LIMBER_REMINDER_PACK, TUE "08:00");

  /* A snooze past the waking hours waits for the morning. */
  limber_reminder_scheduler_snooze (f->scheduler, LIMBER_REMINDER_PACK, 2 * HOUR);
  assert_next_due (f, LIMBER_REMINDER_PACK, TUE "08:00");
  run_until (f, local_us (f, 2026, 3, 17, 8, 30));
  assert_log (f, LIMBER_REMINDER_PACK, MON "12:15, " MON "14:15, " MON "16:15, " MON "18:15, "
                                       TUE "08:00");
}

/* Tests ------------------------------------------------------------------------------------ */

static void
test_working_week (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  const char *week = "2026-03-16 2026-03-17 2026-03-18 2026-03-19 2026-03-20";

  assert_next_due (f, LIMBER_REMINDER_HYDRATION, MON "10:00");
  assert_next_due (f, LIMBER_REMINDER_POSTURE, MON "09:45");
  assert_next_due (f, LIMBER_REMINDER_WALK, MON "11:00");

  run_until (f, mon (f, 8, 0) + 7 * DAY);

  /* Exact lists: nothing on the weekend, nothing outside 09:00–18:00, no catch-up ("*"). */
  g_assert_cmpuint (f->shown->len, ==, 5 * (8 + 11 + 4));
  assert_days (f, LIMBER_REMINDER_HYDRATION, week, HYDRATION_DAY);
  assert_days (f, LIMBER_REMINDER_POSTURE, week, POSTURE_DAY);
  assert_days (f, LIMBER_REMINDER_WALK, week, WALK_DAY);

  /* Over the weekend the one timer waits for Monday. */
  assert_next_due (f, LIMBER_REMINDER_POSTURE, "2026-03-23 09:45");
  g_assert_cmpuint (limber_fake_clock_get_n_pending (f->fake), ==, 1);
}

static void
test_custom_hours_and_days (void)
{
  g_autoptr(Fixture) f = fixture_new_at (2026, 3, 15, 20, 0);  /* a Sunday */
  const char *days = "2026-03-16 2026-03-21 2026-03-23 2026-03-28";

  limber_reminder_scheduler_set_active_hours (f->scheduler, 7 * 60 + 30, 12 * 60);
  limber_reminder_scheduler_set_active_days (f->scheduler,
                                             LIMBER_WEEKDAY_MONDAY | LIMBER_WEEKDAY_SATURDAY);
  g_assert_cmpuint (f->shown->len, ==, 0);

  g_assert_false (active_at (f, mon (f, 7, 29)));
  g_assert_true (active_at (f, mon (f, 7, 30)));
  g_assert_true (active_at (f, mon (f, 11, 59)));
  g_assert_false (active_at (f, mon (f, 12, 0)));
  g_assert_false (active_at (f, mon (f, 8, 0) + DAY));
  g_assert_true (active_at (f, mon (f, 8, 0) + 5 * DAY));
  g_assert_false (active_at (f, mon (f, 8, 0) + 6 * DAY));

  run_until (f, local_us (f, 2026, 3, 29, 20, 0));

  /* Each active day: 4 + 5 + 2, from 07:30. */
  g_assert_cmpuint (f->shown->len, ==, 4 * 11);
  assert_days (f, LIMBER_REMINDER_HYDRATION, days, "08:30 09:30 10:30 11:30");
  assert_days (f, LIMBER_REMINDER_POSTURE, days, "08:15 09:00 09:45 10:30 11:15");
  assert_days (f, LIMBER_REMINDER_WALK, days, "09:30 11:30");
}

static void
test_hours_past_midnight (void)
{
  g_autoptr(Fixture) f = fixture_new_at (2026, 3, 20, 21, 0);  /* a Friday */
  gint64 friday = local_us (f, 2026, 3, 20, 0, 0);

  /* 22:00–02:00, Fridays only: the night of Friday into Saturday is Friday's. */
  limber_reminder_scheduler_set_active_hours (f->scheduler, 22 * 60, 2 * 60);
  limber_reminder_scheduler_set_active_days (f->scheduler, LIMBER_WEEKDAY_FRIDAY);

  g_assert_false (active_at (f, friday + HOUR));
  g_assert_false (active_at (f, friday + 22 * HOUR - MINUTE));
  g_assert_true (active_at (f, friday + 22 * HOUR));
  g_assert_true (active_at (f, friday + 26 * HOUR - MINUTE));
  g_assert_false (active_at (f, friday + 26 * HOUR));
  g_assert_false (active_at (f, friday + DAY + 23 * HOUR));

  run_until (f, local_us (f, 2026, 3, 28, 12, 0));

  assert_log (f, LIMBER_REMINDER_HYDRATION,
              "2026-03-20 23:00, 2026-03-21 00:00, 2026-03-21 01:00, "
              "2026-03-27 23:00, 2026-03-28 00:00, 2026-03-28 01:00");
  assert_log (f, LIMBER_REMINDER_POSTURE,
              "2026-03-20 22:45, 2026-03-20 23:30, 2026-03-21 00:15, 2026-03-21 01:00, "
              "2026-03-21 01:45, 2026-03-27 22:45, 2026-03-27 23:30, 2026-03-28 00:15, "
              "2026-03-28 01:00, 2026-03-28 01:45");
  assert_log (f, LIMBER_REMINDER_WALK, "2026-03-21 00:00, 2026-03-28 00:00");
}

static void
test_snooze (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 9, 45));
  assert_log (f, ALL, MON "09:45 posture");

  limber_reminder_scheduler_snooze (f->scheduler, LIMBER_REMINDER_POSTURE, 10 * MINUTE);
  assert_next_due (f, LIMBER_REMINDER_POSTURE, MON "09:55");
  g_assert_cmpuint (f->shown->len, ==, 1);

  run_until (f, mon (f, 12, 0));
  assert_log (f, LIMBER_REMINDER_POSTURE, MON "09:45, " MON "09:55, " MON "10:40, " MON "11:25");
  assert_log (f, LIMBER_REMINDER_HYDRATION, MON "10:00, " MON "11:00, " MON "12:00");

  /* Snoozed past the end of the active hours: at the next active time after it. */
  run_until (f, mon (f, 17, 55));
  clear_log (f);
  limber_reminder_scheduler_snooze (f->scheduler, LIMBER_REMINDER_POSTURE, 10 * MINUTE);
  assert_next_due (f, LIMBER_REMINDER_POSTURE, TUE "09:00");
  run_until (f, mon (f, 10, 0) + DAY);
  assert_log (f, ALL, TUE "09:00 posture, " TUE "09:45 posture, " TUE "10:00 hydration");
}

static void
test_snooze_early_in_window (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autofree char *posture = NULL, *walk = NULL, *dues = NULL;

  /* 09:05: snoozing posture 10 minutes shows it at 09:15, an active time; 09:30: snoozing the
   * walk 10 minutes shows it at 09:40. */
  run_until (f, mon (f, 9, 5));
  limber_reminder_scheduler_snooze (f->scheduler, LIMBER_REMINDER_POSTURE, 10 * MINUTE);
  posture = format_next_due (f, LIMBER_REMINDER_POSTURE);
  run_until (f, mon (f, 9, 30));
  limber_reminder_scheduler_snooze (f->scheduler, LIMBER_REMINDER_WALK, 10 * MINUTE);
  walk = format_next_due (f, LIMBER_REMINDER_WALK);
  dues = g_strdup_printf ("posture %s, walk %s", posture, walk);
  g_assert_cmpstr (dues, ==, "posture " MON "09:15, walk " MON "09:40");

  run_until (f, mon (f, 9, 45));
  assert_log (f, ALL, MON "09:15 posture, " MON "09:40 walk");
}

static void
test_pause (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 10, 5));
  clear_log (f);

  limber_reminder_scheduler_pause (f->scheduler, HOUR);
  assert_time (f, limber_reminder_scheduler_get_paused_until (f->scheduler), MON "11:05");

  run_until (f, mon (f, 11, 4));
  assert_log (f, ALL, "");
  for (guint kind = 0; kind < N_PREVENTION_KINDS; kind++)
    {
      g_assert_true (is_held (f, kind));
      assert_next_due (f, kind, "none");
    }
  /* Only the end of the pause is left to wait for. */
  g_assert_cmpuint (limber_fake_clock_get_n_pending (f->fake), ==, 1);

  run_until (f, mon (f, 11, 5));
  assert_log (f, ALL, MON "11:05 hydration*, " MON "11:05 posture*, " MON "11:05 walk*");
  g_assert_cmpint (limber_reminder_scheduler_get_paused_until (f->scheduler), ==, 0);

  run_until (f, mon (f, 13, 10));
  assert_log (f, ALL, MON "11:05 hydration*, " MON "11:05 posture*, " MON "11:05 walk*, "
                      MON "11:50 posture, " MON "12:05 hydration, " MON "12:35 posture, "
                      MON "13:05 hydration, " MON "13:05 walk");
}

static void
test_resume (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 10, 5));
  clear_log (f);
  limber_reminder_scheduler_pause (f->scheduler, HOUR);

  /* Only posture fell due (10:30) by 10:40. */
  run_until (f, mon (f, 10, 40));
  assert_log (f, ALL, "");
  g_assert_true (is_held (f, LIMBER_REMINDER_POSTURE));
  g_assert_false (is_held (f, LIMBER_REMINDER_HYDRATION));
  assert_next_due (f, LIMBER_REMINDER_HYDRATION, MON "11:00");

  limber_reminder_scheduler_resume (f->scheduler);
  assert_log (f, ALL, MON "10:40 posture*");
  g_assert_cmpint (limber_reminder_scheduler_get_paused_until (f->scheduler), ==, 0);
  limber_reminder_scheduler_resume (f->scheduler);
  g_assert_cmpuint (f->shown->len, ==, 1);

  run_until (f, mon (f, 11, 30));
  assert_log (f, ALL, MON "10:40 posture*, " MON "11:00 hydration, " MON "11:00 walk, "
                      MON "11:25 posture");
}

static void
test_interval_change (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 10, 20));
  clear_log (f);

  limber_reminder_scheduler_set_interval (f->scheduler, LIMBER_REMINDER_HYDRATION, 30 * MINUTE);
  g_assert_cmpint (limber_reminder_scheduler_get_interval (f->scheduler, 0), ==, 30 * MINUTE);
  assert_next_due (f, LIMBER_REMINDER_HYDRATION, MON "10:50");
  /* The same interval again changes nothing. */
  limber_reminder_scheduler_set_interval (f->scheduler, LIMBER_REMINDER_POSTURE, 45 * MINUTE);
  assert_next_due (f, LIMBER_REMINDER_POSTURE, MON "10:30");
  assert_log (f, ALL, "");

  run_until (f, mon (f, 12, 0));
  assert_log (f, LIMBER_REMINDER_HYDRATION, MON "10:50, " MON "11:20, " MON "11:50");

  /* 17:50 + 30 is past 18:00: the next day, 30 minutes after its start. */
  run_until (f, mon (f, 18, 0));
  assert_next_due (f, LIMBER_REMINDER_HYDRATION, TUE "09:30");
}

static void
test_suspend (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 10, 10));
  clear_log (f);

  /* Monotonic time stands still over three hours of suspend. */
  limber_fake_clock_jump_wall (f->fake, 3 * HOUR);
  limber_reminder_scheduler_check_clock (f->scheduler);
  assert_log (f, ALL, MON "13:10 hydration*, " MON "13:10 posture*, " MON "13:10 walk*");

  run_until (f, mon (f, 18, 0));
  assert_log (f, LIMBER_REMINDER_HYDRATION,
              MON "13:10*, " MON "14:10, " MON "15:10, " MON "16:10, " MON "17:10");
  assert_log (f, LIMBER_REMINDER_POSTURE,
              MON "13:10*, " MON "13:55, " MON "14:40, " MON "15:25, " MON "16:10, "
              MON "16:55, " MON "17:40");
  assert_log (f, LIMBER_REMINDER_WALK, MON "13:10*, " MON "15:10, " MON "17:10");
}

static void
test_suspend_unseen (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 10, 10));
  clear_log (f);

  /* Nobody calls check_clock(): the timer armed for posture (10:30) fires 20 minutes of
   * monotonic time later, at 13:30 on the wall. */
  limber_fake_clock_jump_wall (f->fake, 3 * HOUR);
  f->check_timer = FALSE;
  run_until (f, mon (f, 13, 30));
  assert_log (f, ALL, MON "13:30 hydration*, " MON "13:30 posture*, " MON "13:30 walk*");

  f->check_timer = TRUE;
  run_until (f, mon (f, 15, 0));
  assert_log (f, ALL, MON "13:30 hydration*, " MON "13:30 posture*, " MON "13:30 walk*, "
                      MON "14:15 posture, " MON "14:30 hydration, " MON "15:00 posture");

  /* Asleep from 17:05 to 19:05: posture (17:15) is not caught up out of hours. */
  run_until (f, mon (f, 17, 5));
  clear_log (f);
  limber_fake_clock_jump_wall (f->fake, 2 * HOUR);
  limber_reminder_scheduler_check_clock (f->scheduler);
  assert_log (f, ALL, "");
  assert_next_due (f, LIMBER_REMINDER_POSTURE, TUE "09:45");
}

static void
test_late_timer (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  gint64 deadline;

  /* Up to a minute late is on time: the rhythm stays. */
  run_until (f, mon (f, 9, 0));
  deadline = limber_fake_clock_get_next_deadline (f->fake);
  limber_fake_clock_fire_next_at (f->fake, deadline + 30 * G_USEC_PER_SEC);
  assert_log (f, ALL, MON "09:45:30 posture");
  assert_next_due (f, LIMBER_REMINDER_POSTURE, MON "10:30");

  /* Later than that is a catch-up, and counts from then. */
  run_until (f, mon (f, 10, 30));
  deadline = limber_fake_clock_get_next_deadline (f->fake);
  limber_fake_clock_fire_next_at (f->fake, deadline + 2 * MINUTE);
  assert_log (f, ALL, MON "09:45:30 posture, " MON "10:00 hydration, " MON "10:30 posture, "
                      MON "11:02 hydration*, " MON "11:02 walk*");
  assert_next_due (f, LIMBER_REMINDER_HYDRATION, MON "12:02");
  assert_next_due (f, LIMBER_REMINDER_WALK, MON "13:02");
  assert_next_due (f, LIMBER_REMINDER_POSTURE, MON "11:15");
}

static void
test_late_timer_at_end_of_hours (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autofree char *log = NULL;

  /* Posture restarted at 17:14:30 is due at 17:59:30; its timer fires 40 s late. */
  run_until (f, mon (f, 17, 14) + 30 * G_USEC_PER_SEC);
  clear_log (f);
  limber_reminder_scheduler_restart (f->scheduler, LIMBER_REMINDER_POSTURE);
  assert_next_due (f, LIMBER_REMINDER_POSTURE, MON "17:59:30");
  limber_fake_clock_fire_next_at (f->fake, limber_fake_clock_get_next_deadline (f->fake)
                                           + 40 * G_USEC_PER_SEC);

  log = shown_log (f, ALL);
  g_assert_cmpstr (log, ==, "");
  assert_next_due (f, LIMBER_REMINDER_POSTURE, TUE "09:45");
}

static void
test_clock_back (gconstpointer data)
{
  gboolean check_at_once = GPOINTER_TO_INT (data);
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 10, 10));
  clear_log (f);

  /* The wall clock goes back an hour: posture was due in 20 minutes of real time, hydration and
   * the walk in 50. They still are, at wall times an hour earlier. */
  limber_fake_clock_jump_wall (f->fake, -HOUR);
  if (check_at_once)
    {
      limber_reminder_scheduler_check_clock (f->scheduler);
      assert_log (f, ALL, "");
      assert_next_due (f, LIMBER_REMINDER_POSTURE, MON "09:30");
      assert_next_due (f, LIMBER_REMINDER_HYDRATION, MON "10:00");
    }
  else
    f->check_timer = FALSE;

  run_until (f, mon (f, 9, 30));
  assert_log (f, ALL, MON "09:30 posture");
  f->check_timer = TRUE;

  run_until (f, mon (f, 12, 0));
  assert_log (f, ALL, MON "09:30 posture, " MON "10:00 hydration, " MON "10:00 walk, "
                      MON "10:15 posture, " MON "11:00 hydration, " MON "11:00 posture, "
                      MON "11:45 posture, " MON "12:00 hydration, " MON "12:00 walk");
}

static void
test_clock_back_then_pause (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autofree char *log = NULL;

  run_until (f, mon (f, 10, 10));
  clear_log (f);

  /* The clock goes back to 09:10 unseen, then the user pauses for two hours: until 11:10 on
   * the clock the user sees. */
  limber_fake_clock_jump_wall (f->fake, -HOUR);
  f->check_timer = FALSE;
  limber_reminder_scheduler_pause (f->scheduler, 2 * HOUR);
  assert_time (f, limber_reminder_scheduler_get_paused_until (f->scheduler), MON "11:10");

  run_until (f, mon (f, 11, 10));
  log = shown_log (f, ALL);
  g_assert_cmpstr (log, ==, MON "11:10 hydration*, " MON "11:10 posture*, " MON "11:10 walk*");
}

static void
test_dst_working_week (gconstpointer data)
{
  int month = GPOINTER_TO_INT (data);
  int friday = month == 3 ? 27 : 23;
  g_autoptr(Fixture) f = fixture_new_at (2026, month, friday, 8, 0);
  g_autofree char *dates = g_strdup_printf ("2026-%02d-%02d 2026-%02d-%02d",
                                            month, friday, month, friday + 3);
  const Shown *first_friday, *first_monday;
  guint n;

  run_until (f, local_us (f, 2026, month, friday + 3, 19, 0));

  g_assert_cmpuint (f->shown->len, ==, 2 * 23);
  assert_days (f, LIMBER_REMINDER_HYDRATION, dates, HYDRATION_DAY);
  assert_days (f, LIMBER_REMINDER_POSTURE, dates, POSTURE_DAY);
  assert_days (f, LIMBER_REMINDER_WALK, dates, WALK_DAY);

  /* The same local times, an hour apart in UTC: spring is an hour shorter, autumn longer. */
  n = f->shown->len;
  first_friday = &g_array_index (f->shown, Shown, 0);
  first_monday = &g_array_index (f->shown, Shown, n / 2);
  g_assert_cmpint (first_monday->wall_us - first_friday->wall_us, ==,
                   3 * DAY + (month == 3 ? -HOUR : HOUR));
}

static void
test_dst_night (gconstpointer data)
{
  int month = GPOINTER_TO_INT (data);
  int saturday = month == 3 ? 28 : 24;
  g_autoptr(Fixture) f = fixture_new_at (2026, month, saturday, 22, 0);

  f->show_offset = TRUE;
  limber_reminder_scheduler_set_enabled (f->scheduler, LIMBER_REMINDER_POSTURE, FALSE);
  limber_reminder_scheduler_set_enabled (f->scheduler, LIMBER_REMINDER_WALK, FALSE);
  limber_reminder_scheduler_set_active_hours (f->scheduler, 0, 6 * 60);
  limber_reminder_scheduler_set_active_days (f->scheduler, LIMBER_WEEKDAYS_ALL);

  run_until (f, local_us (f, 2026, month, saturday + 1, 12, 0));

  /* Hourly in elapsed time from 00:00. In spring 01:00–01:59 does not exist (01:00 WET is
   * 02:00 WEST) and the window is 5 hours long; in autumn 01:00 comes twice and it is 7. */
  if (month == 3)
    assert_log (f, LIMBER_REMINDER_HYDRATION,
                "2026-03-29 02:00+0100, 2026-03-29 03:00+0100, 2026-03-29 04:00+0100, "
                "2026-03-29 05:00+0100");
  else
    assert_log (f, LIMBER_REMINDER_HYDRATION,
                "2026-10-25 01:00+0100, 2026-10-25 01:00+0000, 2026-10-25 02:00+0000, "
                "2026-10-25 03:00+0000, 2026-10-25 04:00+0000, 2026-10-25 05:00+0000");
  g_assert_cmpuint (f->shown->len, ==, month == 3 ? 4 : 6);
}

static void
test_natural_break (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 10, 20));
  clear_log (f);

  /* Away from 10:20 to 11:05: posture (10:30), hydration and the walk (11:00) fall due. */
  limber_reminder_scheduler_set_away (f->scheduler, TRUE, mon (f, 10, 20));
  run_until (f, mon (f, 11, 5));
  assert_log (f, ALL, "");
  for (guint kind = 0; kind < N_PREVENTION_KINDS; kind++)
    g_assert_true (is_held (f, kind));

  /* Back: posture and the walk start over, hydration is shown once. */
  limber_reminder_scheduler_set_away (f->scheduler, FALSE, 0);
  assert_log (f, ALL, MON "11:05 hydration*");
  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    g_assert_false (is_held (f, kind));
  assert_next_due (f, LIMBER_REMINDER_HYDRATION, MON "12:05");
  assert_next_due (f, LIMBER_REMINDER_POSTURE, MON "11:50");
  assert_next_due (f, LIMBER_REMINDER_WALK, MON "13:05");

  run_until (f, mon (f, 13, 5));
  assert_log (f, ALL, MON "11:05 hydration*, " MON "11:50 posture, " MON "12:05 hydration, "
                      MON "12:35 posture, " MON "13:05 hydration, " MON "13:05 walk");
}

/* A natural break restarts a snoozed walk too: the snooze does not outlast the break. */
static void
test_natural_break_snoozed (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 10, 20));
  limber_reminder_scheduler_snooze (f->scheduler, LIMBER_REMINDER_WALK, 60 * MINUTE);
  assert_next_due (f, LIMBER_REMINDER_WALK, MON "11:20");

  limber_reminder_scheduler_set_away (f->scheduler, TRUE, mon (f, 10, 25));
  run_until (f, mon (f, 10, 40));
  limber_reminder_scheduler_set_away (f->scheduler, FALSE, 0);
  assert_next_due (f, LIMBER_REMINDER_WALK, MON "12:40");
}

static void
test_short_away (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  /* Away 10:28–10:31: not a break; posture (10:30) is shown on return. */
  run_until (f, mon (f, 10, 28));
  clear_log (f);
  limber_reminder_scheduler_set_away (f->scheduler, TRUE, mon (f, 10, 28));
  run_until (f, mon (f, 10, 31));
  assert_log (f, ALL, "");
  limber_reminder_scheduler_set_away (f->scheduler, FALSE, 0);
  assert_log (f, ALL, MON "10:31 posture*");
  assert_next_due (f, LIMBER_REMINDER_POSTURE, MON "11:16");
  assert_next_due (f, LIMBER_REMINDER_WALK, MON "11:00");

  /* Idle since 11:20, noticed at 11:23, back at 11:25: exactly a natural break. */
  run_until (f, mon (f, 11, 23));
  clear_log (f);
  limber_reminder_scheduler_set_away (f->scheduler, TRUE, mon (f, 11, 20));
  run_until (f, mon (f, 11, 20) + LIMBER_REMINDER_NATURAL_BREAK_US);
  limber_reminder_scheduler_set_away (f->scheduler, FALSE, 0);
  assert_log (f, ALL, "");
  assert_next_due (f, LIMBER_REMINDER_POSTURE, MON "12:10");
  assert_next_due (f, LIMBER_REMINDER_WALK, MON "13:25");
  assert_next_due (f, LIMBER_REMINDER_HYDRATION, MON "12:00");
}

static void
test_hold_silenced (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 10, 5));
  clear_log (f);

  limber_reminder_scheduler_add_hold (f->scheduler, LIMBER_REMINDER_HOLD_SILENCED);
  run_until (f, mon (f, 13, 5));
  assert_log (f, ALL, "");
  for (guint kind = 0; kind < N_PREVENTION_KINDS; kind++)
    {
      g_assert_true (is_held (f, kind));
      assert_next_due (f, kind, "none");
    }
  /* Everything is held: no timer at all. */
  g_assert_cmpuint (limber_fake_clock_get_n_pending (f->fake), ==, 0);

  /* Removing a hold that is not there changes nothing. */
  limber_reminder_scheduler_remove_hold (f->scheduler, LIMBER_REMINDER_HOLD_NO_SERVER);
  assert_log (f, ALL, "");

  limber_reminder_scheduler_remove_hold (f->scheduler, LIMBER_REMINDER_HOLD_SILENCED);
  assert_log (f, ALL, MON "13:05 hydration*, " MON "13:05 posture*, " MON "13:05 walk*");

  run_until (f, mon (f, 14, 5));
  assert_log (f, ALL, MON "13:05 hydration*, " MON "13:05 posture*, " MON "13:05 walk*, "
                      MON "13:50 posture, " MON "14:05 hydration");
}

static void
test_hold_no_server (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  /* The 09:45 posture cannot be shown: the handler holds it, and hydration (10:00) after it. */
  f->fail_next = 1;
  run_until (f, mon (f, 10, 10));
  assert_log (f, ALL, MON "09:45 posture!");
  g_assert_true (is_held (f, LIMBER_REMINDER_POSTURE));
  g_assert_true (is_held (f, LIMBER_REMINDER_HYDRATION));
  g_assert_false (is_held (f, LIMBER_REMINDER_WALK));
  assert_next_due (f, LIMBER_REMINDER_POSTURE, "none");
  assert_next_due (f, LIMBER_REMINDER_WALK, MON "11:00");

  /* A server comes and goes at once: hydration fails again and posture keeps waiting. */
  f->fail_next = 1;
  limber_reminder_scheduler_remove_hold (f->scheduler, LIMBER_REMINDER_HOLD_NO_SERVER);
  assert_log (f, ALL, MON "09:45 posture!, " MON "10:10 hydration*!");
  g_assert_true (is_held (f, LIMBER_REMINDER_POSTURE));
  g_assert_true (is_held (f, LIMBER_REMINDER_HYDRATION));

  run_until (f, mon (f, 10, 20));
  clear_log (f);
  limber_reminder_scheduler_remove_hold (f->scheduler, LIMBER_REMINDER_HOLD_NO_SERVER);
  assert_log (f, ALL, MON "10:20 hydration*, " MON "10:20 posture*");

  run_until (f, mon (f, 11, 20));
  assert_log (f, ALL, MON "10:20 hydration*, " MON "10:20 posture*, " MON "11:00 walk, "
                      MON "11:05 posture, " MON "11:20 hydration");
}

static void
test_hold_past_end_of_hours (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 17, 10));
  clear_log (f);

  /* Posture (17:15) falls due while silenced; the hold ends at 19:00, out of hours. */
  limber_reminder_scheduler_add_hold (f->scheduler, LIMBER_REMINDER_HOLD_SILENCED);
  run_until (f, mon (f, 19, 0));
  g_assert_true (is_held (f, LIMBER_REMINDER_POSTURE));
  limber_reminder_scheduler_remove_hold (f->scheduler, LIMBER_REMINDER_HOLD_SILENCED);
  assert_log (f, ALL, "");
  g_assert_false (is_held (f, LIMBER_REMINDER_POSTURE));

  assert_next_due (f, LIMBER_REMINDER_POSTURE, TUE "09:45");
  run_until (f, mon (f, 11, 0) + DAY);
  assert_log (f, ALL, TUE "09:45 posture, " TUE "10:00 hydration, " TUE "10:30 posture, "
                      TUE "11:00 hydration, " TUE "11:00 walk");
}

static void
test_enable_disable (void)
{
  g_autoptr(Fixture) f = fixture_new ();

  run_until (f, mon (f, 10, 20));
  clear_log (f);

  limber_reminder_scheduler_set_enabled (f->scheduler, LIMBER_REMINDER_HYDRATION, FALSE);
  g_assert_false (limber_reminder_scheduler_get_enabled (f->scheduler, LIMBER_REMINDER_HYDRATION));
  assert_next_due (f, LIMBER_REMINDER_HYDRATION, "none");

  run_until (f, mon (f, 11, 30));
  assert_log (f, ALL, MON "10:30 posture, " MON "11:00 walk, " MON "11:15 posture");

  limber_reminder_scheduler_set_enabled (f->scheduler, LIMBER_REMINDER_HYDRATION, TRUE);
  g_assert_true (limber_reminder_scheduler_get_enabled (f->scheduler, LIMBER_REMINDER_HYDRATION));
  assert_next_due (f, LIMBER_REMINDER_HYDRATION, MON "12:30");
  g_assert_cmpuint (f->shown->len, ==, 3);

  /* Turning off a kind that waits to be shown drops it; a snooze of it does nothing. */
  limber_reminder_scheduler_add_hold (f->scheduler, LIMBER_REMINDER_HOLD_SILENCED);
  run_until (f, mon (f, 12, 10));
  g_assert_true (is_held (f, LIMBER_REMINDER_POSTURE));
  limber_reminder_scheduler_set_enabled (f->scheduler, LIMBER_REMINDER_POSTURE, FALSE);
  g_assert_false (is_held (f, LIMBER_REMINDER_POSTURE));
  limber_reminder_scheduler_snooze (f->scheduler, LIMBER_REMINDER_POSTURE, 10 * MINUTE);
  assert_next_due (f, LIMBER_REMINDER_POSTURE, "none");
  limber_reminder_scheduler_remove_hold (f->scheduler, LIMBER_REMINDER_HOLD_SILENCED);

  run_until (f, mon (f, 12, 45));
  assert_log (f, ALL, MON "10:30 posture, " MON "11:00 walk, " MON "11:15 posture, "
                      MON "12:30 hydration");
}

static void
test_kind_names (void)
{
  const char *names[] = { "hydration", "posture", "walk", "pack" };
  LimberReminderKind kind;

  /* Every kind has its name here, so D-Bus and the journal know them all. */
  g_assert_cmpuint (G_N_ELEMENTS (names), ==, LIMBER_N_REMINDER_KINDS);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GEnumClass *klass = g_type_class_ref (LIMBER_TYPE_REMINDER_KIND);

      g_assert_cmpstr (limber_reminder_kind_to_string (i), ==, names[i]);
      /* The names are the enum's nicks. */
      g_assert_cmpstr (g_enum_get_value (klass, i)->value_nick, ==, names[i]);
      g_type_class_unref (klass);

      kind = LIMBER_N_REMINDER_KINDS;
      g_assert_true (limber_reminder_kind_from_string (names[i], &kind));
      g_assert_cmpuint (kind, ==, i);
    }

  kind = LIMBER_REMINDER_WALK;
  g_assert_false (limber_reminder_kind_from_string ("water", &kind));
  g_assert_false (limber_reminder_kind_from_string ("Hydration", &kind));
  g_assert_false (limber_reminder_kind_from_string ("", &kind));
  g_assert_false (limber_reminder_kind_from_string (NULL, &kind));
  g_assert_cmpuint (kind, ==, LIMBER_REMINDER_WALK);
}

/* A system clock set near the end of what dates can hold, or before 1970: the scheduler keeps
 * a few timers a day, as on any day, instead of spinning or logging a critical at each. */
static void
test_far_clock (gconstpointer data)
{
  gint64 start = *(const gint64 *) data;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Lisbon");
  g_autoptr(LimberClock) clock = limber_fake_clock_new (start);
  LimberFakeClock *fake = LIMBER_FAKE_CLOCK (clock);
  g_autoptr(LimberReminderScheduler) scheduler = limber_reminder_scheduler_new (clock, tz);
  gint64 end = limber_clock_now_monotonic_us (clock) + 7 * DAY;
  guint timers = 0;

  while (limber_fake_clock_get_n_pending (fake) > 0 &&
         limber_fake_clock_get_next_deadline (fake) <= end)
    {
      limber_fake_clock_advance_to (fake, limber_fake_clock_get_next_deadline (fake));
      timers++;
      g_assert_cmpuint (timers, <, 7 * 24 * 4);
    }
  g_test_message ("%u timers in a week", timers);
}

/* Settings that together leave a reminder no time to come are explained, exactly when the
 * scheduler plans nothing for them. */
static void
test_explain_never (void)
{
  static const struct
  {
    guint       days;
    guint       start;
    guint       end;
    guint       interval;
    const char *why;
  } cases[] = {
    { 0x1f, 9 * 60, 18 * 60, 60, NULL },
    { 0, 9 * 60, 18 * 60, 60, "no active days" },
    { 0x7f, 9 * 60, 9 * 60, 60, "start and end at the same time" },
    { 0x7f, 0, 1440, 60, NULL },
    { 0x1f, 9 * 60, 10 * 60, 60, "longer than the active hours" },
    { 0x1f, 9 * 60, 10 * 60 + 1, 60, NULL },
    { 0x7f, 23 * 60, 60, 120, "longer than the active hours" },
    { 0x7f, 23 * 60, 61, 120, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Fixture) f = fixture_new ();
      g_autofree char *why = limber_active_hours_explain_never (cases[i].days, cases[i].start,
                                                                cases[i].end,
                                                                cases[i].interval);
      gint64 due;

      limber_reminder_scheduler_set_active_days (f->scheduler, cases[i].days);
      limber_reminder_scheduler_set_active_hours (f->scheduler, cases[i].start, cases[i].end);
      limber_reminder_scheduler_set_interval (f->scheduler, LIMBER_REMINDER_HYDRATION,
                                              cases[i].interval * MINUTE);
      due = limber_reminder_scheduler_get_next_due (f->scheduler, LIMBER_REMINDER_HYDRATION);
      g_test_message ("case %u: due %" G_GINT64_FORMAT ", %s", i, due, why);

      if (cases[i].why == NULL)
        {
          g_assert_null (why);
          g_assert_cmpint (due, !=, 0);
        }
      else
        {
          g_assert_nonnull (strstr (why, cases[i].why));
          g_assert_cmpint (due, ==, 0);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminder-scheduler/working-week", test_working_week);
  g_test_add_func ("/reminder-scheduler/active/custom-hours-and-days", test_custom_hours_and_days);
  g_test_add_func ("/reminder-scheduler/active/past-midnight", test_hours_past_midnight);
  g_test_add_func ("/reminder-scheduler/snooze", test_snooze);
  g_test_add_func ("/reminder-scheduler/snooze/early-in-window", test_snooze_early_in_window);
  g_test_add_func ("/reminder-scheduler/pause", test_pause);
  g_test_add_func ("/reminder-scheduler/pause/resume", test_resume);
  g_test_add_func ("/reminder-scheduler/interval-change", test_interval_change);
  g_test_add_func ("/reminder-scheduler/suspend/check-clock", test_suspend);
  g_test_add_func ("/reminder-scheduler/suspend/unseen", test_suspend_unseen);
  g_test_add_func ("/reminder-scheduler/late-timer", test_late_timer);
  g_test_add_func ("/reminder-scheduler/late-timer/end-of-hours", test_late_timer_at_end_of_hours);
  g_test_add_data_func ("/reminder-scheduler/clock-back/check-clock", GINT_TO_POINTER (TRUE),
                        test_clock_back);
  g_test_add_data_func ("/reminder-scheduler/clock-back/unseen", GINT_TO_POINTER (FALSE),
                        test_clock_back);
  g_test_add_func ("/reminder-scheduler/clock-back/then-pause", test_clock_back_then_pause);
  g_test_add_data_func ("/reminder-scheduler/dst/spring/working-week", GINT_TO_POINTER (3),
                        test_dst_working_week);
  g_test_add_data_func ("/reminder-scheduler/dst/autumn/working-week", GINT_TO_POINTER (10),
                        test_dst_working_week);
  g_test_add_data_func ("/reminder-scheduler/dst/spring/night", GINT_TO_POINTER (3),
                        test_dst_night);
  g_test_add_data_func ("/reminder-scheduler/dst/autumn/night", GINT_TO_POINTER (10),
                        test_dst_night);
  g_test_add_func ("/reminder-scheduler/away/natural-break", test_natural_break);
  g_test_add_func ("/reminder-scheduler/away/natural-break-snoozed", test_natural_break_snoozed);
  g_test_add_func ("/reminder-scheduler/away/short", test_short_away);
  g_test_add_func ("/reminder-scheduler/hold/silenced", test_hold_silenced);
  g_test_add_func ("/reminder-scheduler/hold/no-server", test_hold_no_server);
  g_test_add_func ("/reminder-scheduler/hold/past-end-of-hours", test_hold_past_end_of_hours);
  g_test_add_func ("/reminder-scheduler/enable-disable", test_enable_disable);
  g_test_add_func ("/reminder-scheduler/kind-names", test_kind_names);
  g_test_add_func ("/reminder-scheduler/acute/night", test_acute_night);
  g_test_add_func ("/reminder-scheduler/acute/weekend", test_acute_weekend);
  g_test_add_func ("/reminder-scheduler/acute/end", test_acute_end);
  g_test_add_func ("/reminder-scheduler/acute/cleared", test_acute_cleared);
  g_test_add_func ("/reminder-scheduler/acute/pack-restarts", test_acute_pack_restarts);
  g_test_add_func ("/reminder-scheduler/explain-never", test_explain_never);
  {
    /* 9999-12-31 20:00 UTC, a day later, 0001-01-01 and before, 1900. */
    static const gint64 far[] = {
      G_GINT64_CONSTANT (253402286400) * G_USEC_PER_SEC,
      G_GINT64_CONSTANT (253402372800) * G_USEC_PER_SEC,
      G_GINT64_CONSTANT (-62135596800) * G_USEC_PER_SEC,
      G_GINT64_CONSTANT (-62135683200) * G_USEC_PER_SEC,
      G_GINT64_CONSTANT (-2208988800) * G_USEC_PER_SEC,
    };

    for (guint i = 0; i < G_N_ELEMENTS (far); i++)
      {
        g_autofree char *path = g_strdup_printf ("/reminder-scheduler/far-clock/%u", i);

        g_test_add_data_func (path, &far[i], test_far_clock);
      }
  }

  return g_test_run ();
}
