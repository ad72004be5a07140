/* fuzz-store.c — the history store opened on a file of any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-fake-clock.h"
#include "limber-fuzz.h"
#include "limber-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* 2026-03-16 10:00:00 UTC */
#define WALL_START (G_GINT64_CONSTANT (1773655200) * G_USEC_PER_SEC)

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(LimberClock) clock = NULL;
  g_autoptr(LimberStore) store = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  limber_fuzz_init ();
  clock = limber_fake_clock_new (WALL_START);
  path = limber_fuzz_write ("limber.db", data, size);

  /* Whatever the file holds, the store opens (maybe in memory) and takes and counts records. */
  store = limber_store_new (clock, path);
  limber_store_open (store, &error);
  limber_store_count (store, LIMBER_RECORD_COUNT_GLASSES, G_MININT64, G_MAXINT64);
  g_assert_cmpint (limber_store_add_glass (store, WALL_START, "app", NULL), >, 0);
  g_assert_cmpuint (limber_store_count (store, LIMBER_RECORD_COUNT_GLASSES, WALL_START,
                                        WALL_START + 1), >=, 1);
  g_clear_object (&store);

  limber_fuzz_empty ();
  return 0;
}
