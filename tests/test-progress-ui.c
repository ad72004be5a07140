/* test-progress-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Progress page in the real window, on a history store of its own: empty at first, a
 * routine finished in the player appears in it with its pain before and after, plank holds over
 * three months get a tick and a label per month at 360 px, five years of daily
 * records render (light, dark, 360 px) with text alternatives, and "Delete all my data" asks
 * first and leaves an empty, working store. The app's clock runs 100 times faster so a whole
 * routine takes seconds. Screenshots go to tests/screenshots/ in the build directory.
 */

#include "config.h"

#include "limber-application.h"
#include "limber-chart-testing.h"
#include "limber-history-fixture.h"
#include "limber-store.h"
#include "limber-system-clock.h"
#include "limber-ui-test.h"
#include "limber-window.h"

#define NARROW 360
#define YEARS_OF_DAYS (5 * 365)

static LimberApplication *app;
static LimberWindow *window;

static LimberProgressPage *
page (void)
{
  return limber_window_get_progress_page (window);
}

static LimberJournal *
journal (void)
{
  return limber_application_get_journal (app);
}

/* A second journal on the app's file, as the reminder service has: it reads what the app
 * recorded from the file, not from the app's memory. */
static LimberJournal *
second_journal (void)
{
  static LimberJournal *second;

  if (second == NULL)
    {
      second = limber_journal_new (limber_application_get_clock (app),
                                   limber_journal_get_path (journal ()));
      g_assert_true (limber_journal_check_readable (second, NULL));
    }
  return second;
}

/* The one session kept, read from the file, has @pain after it. */
static gboolean
pain_after_saved (gpointer pain)
{
  g_autoptr(GPtrArray) sessions = limber_journal_list_sessions (second_journal (), 0,
                                                                G_MAXINT64);

  return sessions->len == 1 &&
         limber_session_record_get_pain_after (g_ptr_array_index (sessions, 0)) ==
         GPOINTER_TO_INT (pain);
}

/* Adds every chart under @widget to @charts, in the order a screen reader meets them. */
static void
collect_charts (GtkWidget *widget,
                GPtrArray *charts)
{
  if (LIMBER_IS_CHART (widget))
    g_ptr_array_add (charts, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_charts (child, charts);
}

/* The page's charts in page order: pain, sessions, water, plank. */
static LimberChart *
chart_at (guint index)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();

  collect_charts (GTK_WIDGET (page ()), charts);
  g_assert_cmpuint (charts->len, ==, 4);
  return LIMBER_CHART (g_ptr_array_index (charts, index));
}

/*
 * Every text @chart draws is whole inside it and apart from the others, and the chart keeps a
 * padding between its content and its card's rounded edge: no label is cut.
 */
static void
assert_text_inside (LimberChart *chart)
{
  g_autoptr(GArray) rects = limber_chart_get_text_rects (chart);
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  int height = gtk_widget_get_height (GTK_WIDGET (chart));
  graphene_rect_t border;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (chart), GTK_WIDGET (chart), &border));
  g_assert_cmpfloat (-border.origin.x, >=, 8);
  g_assert_cmpfloat (border.size.width - width + border.origin.x, >=, 8);
  g_assert_cmpfloat (-border.origin.y, >=, 8);
  g_assert_cmpfloat (border.size.height - height + border.origin.y, >=, 8);

  g_assert_cmpuint (rects->len, >, 0);
  for (guint i = 0; i < rects->len; i++)
    {
      const graphene_rect_t *r = &g_array_index (rects, graphene_rect_t, i);

      g_assert_cmpfloat (r->origin.x, >=, 0);
      g_assert_cmpfloat (r->origin.y, >=, 0);
      g_assert_cmpfloat (r->origin.x + r->size.width, <=, width);
      g_assert_cmpfloat (r->origin.y + r->size.height, <=, height);
      for (guint j = i + 1; j < rects->len; j++)
        g_assert_false (graphene_rect_intersection (r, &g_array_index (rects, graphene_rect_t, j),
                                                    NULL));
    }
}

static void
assert_all_text_inside (void)
{
  for (guint i = 0; i < 4; i++)
    assert_text_inside (chart_at (i));
}

/* Scrolls the Progress page to its end, where the plank chart is. */
static void
scroll_to_end (void)
{
  GtkWidget *scrolled = limber_ui_test_find_of_type (GTK_WIDGET (page ()),
                                                     GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  limber_ui_test_spin_for (300);
}

static gboolean
screen_is (gpointer name)
{
  return g_strcmp0 (limber_progress_page_get_screen (page ()), name) == 0;
}

static gboolean
player_screen_is (gpointer name)
{
  LimberStretchPlayer *player = limber_stretch_page_get_player (limber_window_get_stretch_page (window));

  return g_strcmp0 (limber_stretch_player_get_screen (player), name) == 0;
}

static void
test_empty (void)
{
  limber_window_show_page (window, LIMBER_PAGE_PROGRESS);
  g_assert_true (limber_ui_test_spin_until (screen_is, "empty", 10000));
  g_assert_nonnull (limber_ui_test_find_label (GTK_WIDGET (page ()), "No Records Yet"));
  g_assert_nonnull (limber_ui_test_find_button (GTK_WIDGET (page ()), "Choose a Routine"));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "progress-empty");
}

/* A routine run to its end in the player, rated 4, shows on the Progress page. */
static void
test_finished_routine (void)
{
  LimberChart *pain, *sessions, *water, *plank;
  const char *description;

  LimberStretchPlayer *player;
  g_autoptr(GPtrArray) sessions_kept = NULL;
  LimberSessionRecord *record;

  g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                  g_variant_new_string ("gentle-relief"));
  g_assert_true (limber_ui_test_spin_until (player_screen_is, "session", 10000));
  /* Pain 6 before, asked while getting ready (at this speed, gone before a click lands). */
  player = limber_stretch_page_get_player (limber_window_get_stretch_page (window));
  limber_pain_scale_set_value (limber_stretch_player_get_pain_before_scale (player), 6);
  /* The whole routine, at 100 times speed. */
  g_assert_true (limber_ui_test_spin_until (player_screen_is, "finish", 60000));

  /* Well done, with a check in the success colour (style.css, by the status page's class). */
  {
    GtkWidget *status = limber_ui_test_find_of_type (GTK_WIDGET (limber_stretch_player_get_finish (player)),
                                                     ADW_TYPE_STATUS_PAGE);

    g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Well Done");
    g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (status)), ==,
                     "emblem-ok-symbolic");
    g_assert_true (gtk_widget_has_css_class (status, "limber-well-done"));
  }

  /* The pain buttons save the rating when one is pressed. */
  limber_ui_test_activate (limber_ui_test_find_control (GTK_WIDGET (window), "4"));
  g_assert_true (limber_ui_test_spin_until (pain_after_saved, GINT_TO_POINTER (4), 10000));

  /* Kept with both ratings, and the next session starts with none chosen. */
  sessions_kept = limber_journal_list_sessions (second_journal (), 0, G_MAXINT64);
  g_assert_cmpuint (sessions_kept->len, ==, 1);
  record = g_ptr_array_index (sessions_kept, 0);
  g_assert_cmpstr (limber_session_record_get_routine_id (record), ==, "gentle-relief");
  g_assert_cmpint (limber_session_record_get_outcome (record), ==, LIMBER_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpint (limber_session_record_get_pain_before (record), ==, 6);
  g_assert_cmpint (limber_session_record_get_pain_after (record), ==, 4);
  g_assert_cmpuint (limber_session_record_get_exercises_completed (record), ==,
                    limber_session_record_get_n_exercises (record));

  limber_window_show_page (window, LIMBER_PAGE_PROGRESS);
  g_assert_true (limber_ui_test_spin_until (screen_is, "charts", 10000));
  g_assert_nonnull (limber_ui_test_find_label (GTK_WIDGET (page ()), "1 Day in a Row"));
  g_assert_nonnull (limber_ui_test_find_label (GTK_WIDGET (page ()),
                                               "1 stretch session in the last 30 days"));

  /* Pain before and after the session: a point in each series, both in words. */
  pain = chart_at (0);
  g_assert_cmpuint (limber_chart_get_n_points (pain), ==, 1);
  g_assert_cmpuint (limber_chart_get_n_compare_points (pain), ==, 1);
  description = limber_chart_get_description (pain);
  g_test_message ("pain: %s", description);
  g_assert_true (g_str_has_prefix (description, "Pain before and after sessions, 0 to 10: "));
  g_assert_true (g_str_has_suffix (description, ": 6 before, 4 after"));
  g_assert_cmpstr (limber_chart_get_title (pain), ==, "Pain Before and After Stretching");
  /* The pain chart leads to the summary for a doctor, which has it on paper. */
  {
    GtkWidget *summary = limber_ui_test_find_button (GTK_WIDGET (page ()),
                                                     "Summary for Your Doctor…");

    g_assert_nonnull (summary);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (summary)), ==,
                     "app.doctor-summary");
  }

  sessions = chart_at (1);
  description = limber_chart_get_description (sessions);
  g_assert_true (g_str_has_suffix (description, ": 1 session"));
  g_assert_false (limber_chart_get_shows_empty_text (pain));
  g_assert_false (limber_chart_get_shows_empty_text (sessions));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "progress-first");

  /* No glass and no plank yet (gentle-relief has none): a sentence in those charts' place,
   * said to screen readers too, instead of an empty grid. */
  water = chart_at (2);
  plank = chart_at (3);
  g_assert_cmpuint (limber_chart_get_n_points (plank), ==, 0);
  g_assert_true (limber_chart_get_shows_empty_text (plank));
  g_assert_cmpstr (limber_chart_get_empty_text (plank), ==, "No plank holds yet");
  g_assert_cmpstr (limber_chart_get_description (plank), ==, "No plank holds yet");
  g_assert_true (limber_chart_get_shows_empty_text (water));
  g_assert_cmpstr (limber_chart_get_description (water), ==, "No glasses in the last 14 days");
  assert_all_text_inside ();
  scroll_to_end ();
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "progress-first-end");

  limber_ui_test_set_width (window, NARROW);
  assert_all_text_inside ();
  g_assert_true (limber_chart_get_shows_empty_text (plank));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "progress-first-narrow");
  limber_ui_test_set_width (window, 720);
}

static gboolean
plank_points_at_least (gpointer data)
{
  return limber_chart_get_n_points (chart_at (3))
         >= GPOINTER_TO_UINT (data);
}

/* Five years of daily records, written by another connection in one go. */
static void
test_five_years (void)
{
  LimberChart *water;
  guint rows;
  gint64 start;
  double ms;

  limber_window_show_page (window, LIMBER_PAGE_TODAY);
  rows = limber_history_fixture_fill (limber_journal_get_path (journal ()), g_get_real_time (),
                                      YEARS_OF_DAYS);
  g_test_message ("%u synthetic rows", rows);
  g_assert_cmpuint (rows, >, 20000);

  start = g_get_monotonic_time ();
  limber_window_show_page (window, LIMBER_PAGE_PROGRESS);
  g_assert_true (limber_ui_test_spin_until (plank_points_at_least,
                                            GUINT_TO_POINTER (YEARS_OF_DAYS / 7), 10000));
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("Progress shown with five years in %.1f ms (measured in build-aux/bench-history)",
                  ms);

  /* The pain chart keeps to its 30 days; the water chart has its 14 days and the goal. */
  g_assert_cmpuint (limber_chart_get_n_points (chart_at (0)), <=, 31);
  g_assert_cmpuint (limber_chart_get_n_points (chart_at (0)), >=, 29);
  water = chart_at (2);
  g_assert_cmpuint (limber_chart_get_n_points (water), ==, 14);
  g_assert_cmpfloat (limber_chart_get_goal (water), ==, 8);

  /* Every chart has its numbers in words. */
  for (guint i = 0; i < 4; i++)
    {
      LimberChart *chart = chart_at (i);

      g_test_message ("%s: %.120s…", limber_chart_get_title (chart),
                      limber_chart_get_description (chart));
      g_assert_nonnull (limber_chart_get_title (chart));
      g_assert_true (g_regex_match_simple ("[0-9]", limber_chart_get_description (chart), 0, 0));
    }
  g_assert_nonnull (strstr (limber_chart_get_description (water), "of 8 glasses"));
  g_assert_cmpuint (limber_journal_get_streak (second_journal (), g_date_time_new_now_local ()), >=,
                    YEARS_OF_DAYS);

  /* With data, no chart shows its empty text, and every label is whole. */
  for (guint i = 0; i < 4; i++)
    g_assert_false (limber_chart_get_shows_empty_text (chart_at (i)));
  assert_all_text_inside ();

  /* Without the "Pain rating saved" toast, for the store listing. */
  limber_ui_test_spin_for (5000);
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "progress");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  limber_ui_test_spin_for (300);
  assert_all_text_inside ();
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "progress-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  limber_ui_test_set_width (window, NARROW);
  limber_ui_test_assert_controls_named (GTK_WIDGET (window));
  limber_ui_test_assert_controls_inside (GTK_WINDOW (window), NARROW);
  /* The axes and their labels still fit at a phone's width. */
  assert_all_text_inside ();
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "progress-narrow");
  scroll_to_end ();
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "progress-narrow-end");
  limber_ui_test_set_width (window, 720);
}

static gboolean
has_message_dialog (gpointer data)
{
  return limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
is_toast_label (GtkWidget  *widget,
                const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0 &&
         limber_ui_test_is_inside_toast (widget) && gtk_widget_get_width (widget) > 0;
}

static gboolean
shows_toast (gpointer text)
{
  return limber_ui_test_find_mapped (GTK_WIDGET (window), is_toast_label, text) != NULL;
}

static gboolean
is_toast_close_button (GtkWidget  *widget,
                       const char *unused)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0 &&
         limber_ui_test_is_inside_toast (widget);
}

static gboolean
shows_no_toast (gpointer data)
{
  return limber_ui_test_find_mapped (GTK_WIDGET (window), is_toast_close_button, NULL) == NULL;
}

/*
 * The toast saying @text is on screen whole: inside the window, its text neither ellipsized nor
 * cut, on @lines lines (0: any number); then it is closed with its button, as a user would.
 */
static void
assert_toast_whole (const char *text,
                    int         lines)
{
  GtkWidget *label, *toast, *close_button;
  graphene_rect_t bounds;
  PangoLayout *layout;
  int natural;

  g_assert_true (limber_ui_test_spin_until (shows_toast, (gpointer) text, 10000));
  /* The toast slides in: wait for it to settle. */
  limber_ui_test_spin_for (500);
  label = limber_ui_test_find_mapped (GTK_WIDGET (window), is_toast_label, text);
  toast = gtk_widget_get_ancestor (label, g_type_from_name ("AdwToastWidget"));
  g_assert_nonnull (toast);

  layout = gtk_label_get_layout (GTK_LABEL (label));
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
  if (lines > 0)
    g_assert_cmpint (pango_layout_get_line_count (layout), ==, lines);
  /* The label got the width it asks for, and lies inside the toast: the title is not cut on the
   * right (AdwToastWidget 1.2 lays its title out at its natural width, even past its own
   * edge). */
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (natural, <=, gtk_widget_get_width (label));
  g_assert_true (gtk_widget_compute_bounds (label, toast, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (toast));

  g_assert_true (gtk_widget_compute_bounds (toast, GTK_WIDGET (window), &bounds));
  g_test_message ("toast “%s”: %.0f px wide at %.0f, %d lines", text, bounds.size.width,
                  bounds.origin.x, pango_layout_get_line_count (layout));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (window)));

  close_button = limber_ui_test_find_mapped (toast, is_toast_close_button, NULL);
  g_assert_nonnull (close_button);
  limber_ui_test_activate (close_button);
  g_assert_true (limber_ui_test_spin_until (shows_no_toast, NULL, 10000));
}

/* "Delete all my data" asks; Cancel keeps everything, Delete All leaves an empty, working
 * store. Its toast, at a phone's width, is whole, and so is a long one, on more lines. */
static void
test_delete_all (void)
{
  AdwMessageDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "delete-data", NULL);
  g_assert_true (limber_ui_test_spin_until (has_message_dialog, NULL, 10000));
  dialog = ADW_MESSAGE_DIALOG (limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  limber_ui_test_save_screenshot (GTK_WINDOW (dialog), "delete-confirmation");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (limber_journal_is_empty (journal ()));

  limber_ui_test_set_width (window, NARROW);
  g_action_group_activate_action (G_ACTION_GROUP (app), "delete-data", NULL);
  g_assert_true (limber_ui_test_spin_until (has_message_dialog, NULL, 10000));
  dialog = ADW_MESSAGE_DIALOG (limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (limber_journal_is_empty (journal ()));
  g_assert_true (limber_ui_test_spin_until (screen_is, "empty", 10000));
  g_assert_true (limber_journal_get_saving (journal ()));
  g_assert_true (limber_ui_test_spin_until (shows_toast, (gpointer) "All records deleted", 10000));
  limber_ui_test_spin_for (500);
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "toast-narrow");
  assert_toast_whole ("All records deleted", 1);

  /* An error with a file name: wrapped, not cut. */
  limber_window_add_toast (window, "Could not export: Error opening file "
                           "“/home/someone/Documents/limber-records-2026-12-03.json”: "
                           "Permission denied");
  g_assert_true (limber_ui_test_spin_until (shows_toast, (gpointer) "Could not export: Error "
                                            "opening file “/home/someone/Documents/limber-"
                                            "records-2026-12-03.json”: Permission denied", 10000));
  limber_ui_test_spin_for (500);
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "toast-long-narrow");
  assert_toast_whole ("Could not export: Error opening file “/home/someone/Documents/"
                      "limber-records-2026-12-03.json”: Permission denied", 0);
  limber_ui_test_set_width (window, 720);

  /* Still working: a glass brings the charts back. */
  g_assert_cmpint (limber_journal_add_glass (journal (), LIMBER_GLASS_FROM_APP, NULL), >, 0);
  g_assert_true (limber_ui_test_spin_until (screen_is, "charts", 10000));
}

static gboolean
plank_has_points (gpointer data)
{
  return limber_chart_get_n_points (chart_at (3)) == GPOINTER_TO_UINT (data);
}

/* Plank holds over three months: at a phone's width the time axis has a mark where each month
 * begins and ends, and a label for each month, the year on the first. */
/* Another writer on the app's file, for records at chosen past times, which the journal (which
 * stamps records now) does not make. */
static LimberStore *
backdating_store (void)
{
  static LimberStore *writer;

  if (writer == NULL)
    {
      writer = limber_store_new (limber_application_get_clock (app),
                                 limber_journal_get_path (journal ()));
      g_assert_true (limber_store_open (writer, NULL));
    }
  return writer;
}

static void
test_plank_months (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) this_month = g_date_time_new_local (g_date_time_get_year (now),
                                                          g_date_time_get_month (now), 1,
                                                          0, 0, 0);
  g_auto(GStrv) shown = NULL;
  g_autofree char *joined = NULL;
  LimberChart *plank;

  for (int m = -2; m <= 0; m++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (this_month, m);
      g_autoptr(GDateTime) day = g_date_time_add_days (month, m == 0 ? 0 : 14);

      g_assert_cmpint (limber_store_add_plank_hold (backdating_store (), g_date_time_to_unix (day) *
                                                    G_USEC_PER_SEC, 30 + m, NULL), >, 0);
    }
  limber_window_show_page (window, LIMBER_PAGE_PROGRESS);
  g_assert_true (limber_ui_test_spin_until (plank_has_points, GUINT_TO_POINTER (3), 10000));

  limber_ui_test_set_width (window, NARROW);
  scroll_to_end ();
  plank = chart_at (3);
  shown = limber_chart_get_shown_x_label_texts (plank);
  joined = g_strjoinv (", ", shown);
  g_test_message ("plank labels at %d px: %s", NARROW, joined);
  g_assert_cmpuint (limber_chart_get_n_shown_x_ticks (plank), ==, 4);
  g_assert_cmpuint (g_strv_length (shown), ==, 3);
  for (int m = -2; m <= 0; m++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (this_month, m);
      gboolean with_year = m == -2 || g_date_time_get_month (month) == 1;
      g_autofree char *text = g_date_time_format (month, with_year ? "%b %Y" : "%b");

      g_assert_cmpstr (shown[m + 2], ==, g_strstrip (text));
    }
  assert_text_inside (plank);
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "progress-plank-months-narrow");
  limber_ui_test_set_width (window, 720);
}

static gboolean
pack_stopped (gpointer data)
{
  return !limber_pack_timer_get_running (limber_application_get_pack_timer (app));
}

static char *
run (const char *command)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static gboolean
dunst_has (gpointer summary)
{
  g_autofree char *closed = run ("dunstctl close-all");
  g_autofree char *history = run ("dunstctl history");

  return strstr (history, summary) != NULL;
}

/* The pack's end is told with the window closed: the app stays until the pack is off, and the
 * notification reaches the desktop's notification server (dunst here). */
static void
test_pack_end_notification (void)
{
  LimberPackTimer *timer = limber_application_get_pack_timer (app);
  GtkWindow *closed = GTK_WINDOW (window);

  limber_pack_timer_start (timer, LIMBER_PACK_COLD, 60 * G_USEC_PER_SEC);
  gtk_window_destroy (closed);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));

  /* One minute at 100 times speed. */
  g_assert_true (limber_ui_test_spin_until (pack_stopped, NULL, 10000));
  g_assert_true (limber_ui_test_spin_until (dunst_has, (gpointer) "Take the Cold Pack Off", 10000));
  g_assert_true (limber_journal_get_last_pack (second_journal (), NULL, NULL, NULL));

  /* Back for whatever comes after. */
  g_application_activate (G_APPLICATION (app));
  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv (LIMBER_TIME_SCALE_ENV, "100", TRUE);
  limber_ui_test_init (&argc, &argv);
  window = limber_ui_test_start_app (&app);

  g_test_add_func ("/progress-ui/empty", test_empty);
  g_test_add_func ("/progress-ui/finished-routine", test_finished_routine);
  g_test_add_func ("/progress-ui/five-years", test_five_years);
  g_test_add_func ("/progress-ui/delete-all", test_delete_all);
  g_test_add_func ("/progress-ui/plank-months", test_plank_months);
  g_test_add_func ("/progress-ui/pack-end-notification", test_pack_end_notification);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
