/* fuzz-state.c — the state and environment values Limber parses: water.ini from earlier
 * versions, and LIMBER_DEBUG_TIME_SCALE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-fake-clock.h"
#include "limber-fuzz.h"
#include "limber-store.h"
#include "limber-system-clock.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* 2026-03-16 10:00:00 UTC */
#define WALL_START (G_GINT64_CONSTANT (1773655200) * G_USEC_PER_SEC)

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(LimberClock) clock = NULL;
  g_autoptr(LimberStore) store = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autofree char *db = NULL;
  g_autofree char *water = NULL;
  g_autofree char *text = g_strndup ((const char *) data, size);
  double scale = -1;

  limber_fuzz_init ();

  /* A scale that is accepted is one a clock can run at. */
  if (limber_system_clock_parse_time_scale (text, &scale, NULL))
    {
      g_autoptr(LimberClock) scaled = limber_system_clock_new (scale);

      g_assert_nonnull (scaled);
      limber_clock_now_monotonic_us (scaled);
      limber_clock_now_wall_us (scaled);
    }

  /* A fresh store each time: an import that succeeds is done only once per store. */
  clock = limber_fake_clock_new (WALL_START);
  db = g_build_filename (limber_fuzz_init (), "limber.db", NULL);
  store = limber_store_new (clock, db);
  g_assert_true (limber_store_open (store, NULL));
  water = limber_fuzz_write ("water.ini", data, size);
  limber_store_import_water_file (store, water, tz, NULL);
  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_GLASSES, G_MININT64,
                                        G_MAXINT64), <=, 1000);
  g_clear_object (&store);

  limber_fuzz_empty ();
  return 0;
}
