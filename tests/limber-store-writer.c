/* limber-store-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "limber-fake-clock.h"
#include "limber-store.h"

/*
 * A second process for test-store: opens DB through a LimberStore and adds COUNT glasses,
 * one transaction each, with the source "writer", pausing PAUSE_US microseconds after each.
 *
 *   limber-store-writer DB COUNT [PAUSE_US]
 *
 * Stdout is line-buffered: "ready" once the store is open, then after each write the number
 * of records committed so far, so a test that kills this process knows what reached the file.
 * Any error is printed to stderr and ends the program with a non-zero status.
 */

/* 2026-03-16 10:00:00 UTC, the same morning test-store uses. */
#define WALL_START (G_GINT64_CONSTANT (1773655200) * G_USEC_PER_SEC)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberClock) clock = NULL;
  g_autoptr(LimberStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint64 count = 0;
  guint64 pause_us = 0;

  setvbuf (stdout, NULL, _IOLBF, 0);

  if (argc < 3 || argc > 4 ||
      !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXUINT, &count, &error) ||
      (argc == 4 && !g_ascii_string_to_unsigned (argv[3], 10, 0, G_USEC_PER_SEC, &pause_us,
                                                 &error)))
    {
      g_printerr ("usage: %s DB COUNT [PAUSE_US]%s%s\n", argv[0], error != NULL ? ": " : "",
                  error != NULL ? error->message : "");
      return 2;
    }

  clock = limber_fake_clock_new (WALL_START);
  store = limber_store_new (clock, argv[1]);
  if (!limber_store_open (store, &error))
    {
      g_printerr ("%s: could not open: %s\n", argv[0], error->message);
      return 1;
    }
  printf ("ready\n");

  for (guint64 i = 0; i < count; i++)
    {
      /* One second apart, so every record has its own time. */
      if (limber_store_add_glass (store, WALL_START + (gint64) i * G_USEC_PER_SEC, "writer",
                                  &error) == 0)
        {
          g_printerr ("%s: write %" G_GUINT64_FORMAT " failed: %s\n", argv[0], i + 1,
                      error->message);
          return 1;
        }

      /* A store that fell back to memory would "succeed" without reaching the file. */
      if (!limber_store_get_saving (store))
        {
          g_printerr ("%s: write %" G_GUINT64_FORMAT " did not reach the file: %s\n", argv[0],
                      i + 1, limber_store_get_problem (store));
          return 1;
        }

      printf ("%" G_GUINT64_FORMAT "\n", i + 1);
      if (pause_us > 0)
        g_usleep (pause_us);
    }

  return 0;
}
