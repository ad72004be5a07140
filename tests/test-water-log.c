/* test-water-log.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Today's glasses, counted from a journal on a real file and a fake clock: glasses from this
 * journal and from another one on the same file, the count starting again at local midnight
 * (also on the 23-hour day clocks go forward), and the water.ini of earlier versions brought
 * in once through the journal, a broken one set aside with an error and nothing lost.
 *
 * main() puts the process in Europe/Lisbon (WET, UTC+0; WEST, UTC+1 from 01:00 UTC on Sunday
 * 2026-03-29), the zone the journal's import reads dates in, and the log is given it too.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "limber-fake-clock.h"
#include "limber-journal.h"
#include "limber-water-log.h"
/* The journal reports its errors in the store's domain. */
#include "limber-store.h"

#define SECOND (G_GINT64_CONSTANT (1000000))
#define MINUTE (60 * SECOND)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

/* Monday 2026-03-16 10:00:00 UTC, 10:00 in Lisbon */
#define WALL_START (G_GINT64_CONSTANT (1773655200) * SECOND)

typedef struct
{
  char           *dir;
  char           *path;
  GTimeZone      *tz;
  LimberClock    *clock;
  LimberJournal  *journal;
  LimberWaterLog *log;
  guint           notified;
} Fixture;

static void
on_today (LimberWaterLog *log,
          GParamSpec     *pspec,
          Fixture        *f)
{
  f->notified++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("limber-water-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "limber.db", NULL);
  f->tz = g_time_zone_new_identifier ("Europe/Lisbon");
  g_assert_nonnull (f->tz);
  f->clock = limber_fake_clock_new (WALL_START);
  f->journal = limber_journal_new (f->clock, f->path);
  g_assert_true (limber_journal_get_saving (f->journal));
  f->log = limber_water_log_new (f->tz, f->journal);
  g_signal_connect (f->log, "notify::today", G_CALLBACK (on_today), f);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->log);
  g_clear_object (&f->journal);
  g_clear_object (&f->clock);
  g_clear_pointer (&f->tz, g_time_zone_unref);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
add_glass (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (limber_journal_add_glass (f->journal, LIMBER_GLASS_FROM_APP, &error), >, 0);
  g_assert_no_error (error);
}

/* Moves the fake clock to @wall_us (not before now), running the timers due on the way. */
static void
advance_to_wall (Fixture *f,
                 gint64   wall_us)
{
  gint64 now = limber_clock_now_wall_us (f->clock);

  g_assert_cmpint (wall_us, >=, now);
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (f->clock), wall_us - now);
}

static gint64
local_us (Fixture *f,
          int      month,
          int      day,
          int      hour,
          int      minute)
{
  g_autoptr(GDateTime) time = g_date_time_new (f->tz, 2026, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * SECOND;
}

/* Each glass counts today, announced once; the property says the same. */
static void
test_counting (Fixture       *f,
               gconstpointer  data)
{
  guint today = 99;

  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 0);
  for (guint i = 1; i <= 3; i++)
    {
      add_glass (f);
      g_assert_cmpuint (f->notified, ==, i);
      g_assert_cmpuint (limber_water_log_get_today (f->log), ==, i);
    }
  g_object_get (f->log, "today", &today, NULL);
  g_assert_cmpuint (today, ==, 3);

  /* Other records are not glasses, and change nothing. */
  g_assert_cmpint (limber_journal_add_walk (f->journal, NULL), >, 0);
  g_assert_cmpuint (f->notified, ==, 3);
  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 3);

  /* A log made later starts from what the journal holds. */
  {
    g_autoptr(LimberWaterLog) later = limber_water_log_new (f->tz, f->journal);

    g_assert_cmpuint (limber_water_log_get_today (later), ==, 3);
  }
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A glass logged by another process (a second journal on the file) is counted here too. */
static void
test_other_process (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LimberJournal) other = limber_journal_new (f->clock, f->path);
  gboolean late = FALSE;
  guint timeout;

  add_glass (f);
  g_assert_cmpint (limber_journal_add_glass (other, LIMBER_GLASS_FROM_REMINDER, NULL), >, 0);

  timeout = g_timeout_add_seconds (5, timed_out, &late);
  while (f->notified < 2 && !late)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (late);
  g_source_remove (timeout);
  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 2);
}

/* At local midnight the count starts again, without a glass or a call to wake it. */
static void
test_midnight (Fixture       *f,
               gconstpointer  data)
{
  gint64 midnight = local_us (f, 3, 17, 0, 0);

  add_glass (f);
  add_glass (f);
  advance_to_wall (f, midnight - MINUTE);
  add_glass (f);
  g_assert_cmpuint (f->notified, ==, 3);

  advance_to_wall (f, midnight - 1);
  g_assert_cmpuint (f->notified, ==, 3);
  advance_to_wall (f, midnight);
  g_assert_cmpuint (f->notified, ==, 4);
  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 0);

  add_glass (f);
  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 1);

  /* The next midnight is a day later, and is kept too. */
  g_assert_cmpuint (limber_fake_clock_get_n_pending (LIMBER_FAKE_CLOCK (f->clock)), >=, 1);
  advance_to_wall (f, midnight + DAY);
  g_assert_cmpuint (f->notified, ==, 6);
  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 0);

  /* The wall clock set back a day: that day's glasses again. */
  limber_fake_clock_jump_wall (LIMBER_FAKE_CLOCK (f->clock), -DAY);
  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 1);
}

/* Sunday 2026-03-29 has 23 hours in Lisbon: the count starts again at its real midnight,
 * 23 h after the last one, not 24 h. */
static void
test_midnight_dst (Fixture       *f,
                   gconstpointer  data)
{
  gint64 saturday = local_us (f, 3, 28, 23, 0);
  gint64 sunday = local_us (f, 3, 29, 0, 0);
  gint64 monday = local_us (f, 3, 30, 0, 0);

  g_assert_cmpint (monday - sunday, ==, 23 * HOUR);
  advance_to_wall (f, saturday);
  add_glass (f);
  advance_to_wall (f, sunday);
  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 0);
  advance_to_wall (f, sunday + 20 * HOUR);   /* 21:00 WEST */
  add_glass (f);
  add_glass (f);
  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 2);

  f->notified = 0;
  advance_to_wall (f, monday - 1);
  g_assert_cmpuint (f->notified, ==, 0);
  advance_to_wall (f, monday);
  g_assert_cmpuint (f->notified, ==, 1);
  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 0);
}

/* Where earlier versions kept the count: under XDG_STATE_HOME when it is absolute. */
static void
test_default_path (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("XDG_STATE_HOME"));
  g_autofree char *path = NULL;
  g_autofree char *fallback = g_build_filename (g_get_home_dir (), ".local", "state", "limber",
                                                "water.ini", NULL);

  g_setenv ("XDG_STATE_HOME", "/srv/state", TRUE);
  path = limber_water_log_default_path ();
  g_assert_cmpstr (path, ==, "/srv/state/limber/water.ini");
  g_clear_pointer (&path, g_free);

  g_setenv ("XDG_STATE_HOME", "relative/state", TRUE);
  path = limber_water_log_default_path ();
  g_assert_cmpstr (path, ==, fallback);
  g_clear_pointer (&path, g_free);

  g_unsetenv ("XDG_STATE_HOME");
  path = limber_water_log_default_path ();
  g_assert_cmpstr (path, ==, fallback);

  if (saved != NULL)
    g_setenv ("XDG_STATE_HOME", saved, TRUE);
}

static char *
state_file (Fixture *f)
{
  g_autofree char *state = g_build_filename (f->dir, "state", NULL);
  g_autofree char *folder = g_build_filename (state, "limber", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  return limber_water_log_default_path ();
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static guint
count_glasses (LimberJournal *journal)
{
  return limber_journal_count (journal, LIMBER_RECORD_COUNT_GLASSES, G_MININT64, G_MAXINT64);
}

/* water.ini from the default place, brought in once, dated at noon of its day. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *water = state_file (f);
  g_autofree char *imported = g_strconcat (water, ".imported", NULL);
  g_autoptr(GError) error = NULL;
  gint64 noon;

  /* A missing file is nothing to import, and no error. */
  g_assert_true (limber_journal_import_water_file (f->journal, water, &error));
  g_assert_no_error (error);
  g_assert_true (limber_journal_is_empty (f->journal));

  /* Today's count from the old file is today's count here. */
  write_file (water, "[water]\ndate=2026-03-16\nglasses=4\n");
  g_assert_true (limber_journal_import_water_file (f->journal, water, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 4);
  g_assert_cmpuint (f->notified, ==, 1);
  noon = local_us (f, 3, 16, 12, 0);
  g_assert_cmpuint (limber_journal_count (f->journal, LIMBER_RECORD_COUNT_GLASSES, noon,
                                          noon + 1), ==, 4);
  g_assert_false (g_file_test (water, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (imported, G_FILE_TEST_EXISTS));

  /* Once only, even from a new file. */
  write_file (water, "[water]\ndate=2026-03-16\nglasses=5\n");
  g_assert_true (limber_journal_import_water_file (f->journal, water, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_glasses (f->journal), ==, 4);

  /* Also for another process opening the same file later. */
  {
    g_autoptr(LimberJournal) later = limber_journal_new (f->clock, f->path);

    g_assert_true (limber_journal_import_water_file (later, water, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_glasses (later), ==, 4);
  }
  g_unsetenv ("XDG_STATE_HOME");
}

/* A day in summer time: noon in Lisbon is 11:00 UTC. Another day's glasses are not today's. */
static void
test_import_summer (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *water = state_file (f);
  g_autoptr(GError) error = NULL;
  gint64 noon = local_us (f, 7, 10, 12, 0);

  write_file (water, "[water]\ndate=2026-07-10\nglasses=3\n");
  g_assert_true (limber_journal_import_water_file (f->journal, water, &error));
  g_assert_no_error (error);
  g_assert_cmpint (noon % DAY, ==, 11 * HOUR);
  g_assert_cmpuint (limber_journal_count (f->journal, LIMBER_RECORD_COUNT_GLASSES, noon,
                                          noon + 1), ==, 3);
  g_assert_cmpuint (count_glasses (f->journal), ==, 3);
  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 0);
  g_unsetenv ("XDG_STATE_HOME");
}

static void
import_broken (Fixture    *f,
               const char *water,
               const char *contents)
{
  g_autofree char *broken = g_strconcat (water, ".broken", NULL);
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;

  g_test_message ("water.ini: %s", contents);
  write_file (water, contents);
  g_assert_false (limber_journal_import_water_file (f->journal, water, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, water));
  g_assert_nonnull (strstr (error->message, broken));
  g_clear_error (&error);

  /* Set aside as it was, for the user to look at. */
  g_assert_false (g_file_test (water, G_FILE_TEST_EXISTS));
  g_file_get_contents (broken, &aside, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aside, ==, contents);
}

/* A broken file is refused with an error, set aside, and nothing is lost. */
static void
test_import_broken (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *water = state_file (f);
  g_autoptr(GError) error = NULL;
  static const char * const contents[] = {
    "this is not a key file\n",
    "[water]\nglasses=3\n",
    "[water]\ndate=2026-03-10\n",
    "[water]\ndate=2026-02-30\nglasses=3\n",
    "[water]\ndate=yesterday\nglasses=3\n",
    "[water]\ndate=2026-03-10\nglasses=-1\n",
    "[water]\ndate=2026-03-10\nglasses=many\n",
    "[water]\ndate=2026-03-10\nglasses=1000000\n",
    "[water]\ndate=10000-01-01\nglasses=3\n",
    "[water]\ndate=65535-12-31\nglasses=3\n",
    "[water]\ndate=-2026-03-10\nglasses=3\n",
    "[water]\ndate=1969-12-31\nglasses=3\n",
    "[water]\ndate=2026-03-10 and more\nglasses=3\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      import_broken (f, water, contents[i]);
      g_assert_true (limber_journal_is_empty (f->journal));
    }

  /* Glasses already logged stay. */
  add_glass (f);
  import_broken (f, water, "[water]\ndate=2026-03-16\nglasses=lots\n");
  g_assert_cmpuint (count_glasses (f->journal), ==, 1);
  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 1);

  /* A broken file is not an import: a good one afterwards is still taken. */
  write_file (water, "[water]\ndate=2026-03-10\nglasses=2\n");
  g_assert_true (limber_journal_import_water_file (f->journal, water, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_glasses (f->journal), ==, 3);
  g_assert_cmpuint (limber_water_log_get_today (f->log), ==, 1);
  g_unsetenv ("XDG_STATE_HOME");
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  /* The journal reads water.ini dates in the local zone; make it known. */
  g_setenv ("TZ", "Europe/Lisbon", TRUE);
  g_test_init (&argc, &argv, NULL);

  add_test ("/water-log/counting", test_counting);
  add_test ("/water-log/other-process", test_other_process);
  add_test ("/water-log/midnight", test_midnight);
  add_test ("/water-log/midnight-dst", test_midnight_dst);
  g_test_add_func ("/water-log/default-path", test_default_path);
  add_test ("/water-log/import", test_import);
  add_test ("/water-log/import-summer", test_import_summer);
  add_test ("/water-log/import-broken", test_import_broken);

  return g_test_run ();
}
