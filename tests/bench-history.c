/* bench-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history benchmark (run through build-aux/bench-history; it measures and prints, it does
 * not fail on a slow machine): with five years of daily records, the time to open the store
 * and to show the Progress page (read every chart's data and draw the first frame), and the
 * store's insert throughput, one transaction per record as the app writes them.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "limber-history-fixture.h"
#include "limber-progress-page.h"
#include "limber-store.h"
#include "limber-system-clock.h"

#define RUNS 7
#define INSERTS 2000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), compare_doubles);
  return values[RUNS / 2];
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Draws @widget's window once, as a frame would, through the window's renderer. */
static void
draw_frame (GtkWidget *window)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_autoptr(GdkTexture) texture = NULL;

  GTK_WIDGET_GET_CLASS (window)->snapshot (window, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("limber-bench-history-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "limber.db", NULL);
  g_autoptr(LimberClock) clock = limber_system_clock_new (1.0);
  double open_ms[RUNS], page_ms[RUNS], frame_ms[RUNS];
  guint days = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 5 * 365;
  GStatBuf st;
  guint rows;

  gtk_init ();
  adw_init ();

  {
    g_autoptr(LimberStore) store = limber_store_new (clock, path);

    g_assert_true (limber_store_open (store, NULL));
  }
  rows = limber_history_fixture_fill (path, g_get_real_time (), days);
  g_stat (path, &st);
  g_print ("History: %u days, %u rows, %.1f MiB file (+ WAL)\n", days, rows,
           st.st_size / 1048576.0);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(LimberJournal) journal = NULL;
      GtkWidget *window = gtk_window_new ();
      GtkWidget *page;
      gint64 start;

      gtk_window_set_default_size (GTK_WINDOW (window), 720, 2000);
      gtk_window_present (GTK_WINDOW (window));

      start = g_get_monotonic_time ();
      journal = limber_journal_new (clock, path);
      g_assert_true (limber_journal_get_saving (journal));
      open_ms[run] = ms_since (start);

      /* The page reads the journal when it is mapped, as when the user opens it. */
      start = g_get_monotonic_time ();
      page = GTK_WIDGET (limber_progress_page_new (clock, journal));
      gtk_window_set_child (GTK_WINDOW (window), page);
      while (!gtk_widget_get_mapped (page))
        g_main_context_iteration (NULL, TRUE);
      page_ms[run] = ms_since (start);
      g_assert_cmpstr (limber_progress_page_get_screen (LIMBER_PROGRESS_PAGE (page)), ==, "charts");

      /* Layout at the window's size, then the charts' first drawing. */
      start = g_get_monotonic_time ();
      gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, 720, NULL, NULL, NULL, NULL);
      gtk_widget_allocate (window, 720, 2000, -1, NULL);
      draw_frame (window);
      frame_ms[run] = ms_since (start);

      gtk_window_destroy (GTK_WINDOW (window));
    }

  g_print ("Open the store (quick check, schema):   median %6.2f ms of %d runs\n",
           median (open_ms), RUNS);
  g_print ("Read the Progress page's data:          median %6.2f ms\n", median (page_ms));
  g_print ("Lay out and draw the first frame:       median %6.2f ms\n", median (frame_ms));
  g_print ("Open + read + first frame:              %6.2f ms (target < 100 ms)\n",
           median (open_ms) + median (page_ms) + median (frame_ms));

  {
    g_autoptr(LimberStore) store = limber_store_new (clock, path);
    g_autoptr(LimberSessionRecord) record = NULL;
    gint64 start;
    double ms;

    g_assert_true (limber_store_open (store, NULL));
    start = g_get_monotonic_time ();
    for (guint i = 0; i < INSERTS; i++)
      g_assert_cmpint (limber_store_add_glass (store, g_get_real_time (), "app", NULL), >, 0);
    ms = ms_since (start);
    g_print ("Insert, one transaction each: %u glasses in %.0f ms = %.0f records/s (%.0f µs each)\n",
             INSERTS, ms, INSERTS / (ms / 1000), ms * 1000 / INSERTS);

    record = limber_session_record_new ("gentle-relief", "Gentle Relief", g_get_real_time (),
                                        g_get_real_time (), 3, 3, LIMBER_SESSION_OUTCOME_COMPLETED);
    start = g_get_monotonic_time ();
    for (guint i = 0; i < INSERTS; i++)
      g_assert_cmpint (limber_store_add_session (store, record, NULL), >, 0);
    ms = ms_since (start);
    g_print ("Insert, one transaction each: %u sessions in %.0f ms = %.0f records/s\n",
             INSERTS, ms, INSERTS / (ms / 1000));
  }

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }

  return 0;
}
