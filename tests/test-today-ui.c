/* test-today-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Today page in the real window, on a history store of its own: the page follows the care
 * plan from prevention to the acute plan and back, the pack timer counts down and is recorded,
 * a check with warning signs sets the plan aside, and everything fits at 360 px. Screenshots
 * of Today and of the timer go to tests/screenshots/ in the build directory.
 */

#include "config.h"

#include <sqlite3.h>

#include "limber-application.h"
#include "limber-plan-row.h"
#include "limber-ui-test.h"
#include "limber-window.h"

#define NARROW 360

static LimberApplication *app;
static LimberWindow *window;

static GtkWidget *
page (void)
{
  return GTK_WIDGET (limber_window_get_today_page (window));
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

/* The pack's countdown in its fifteenth minute: 14:5x. */
static gboolean
shows_countdown_14 (gpointer data)
{
  return limber_ui_test_find_label_with_prefix (page (), "14:5") != NULL;
}

/* The plan's rows carry their item's id as widget name. */
static gboolean
is_row_named (GtkWidget  *widget,
              const char *name)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static AdwActionRow *
find_row (const char *name)
{
  GtkWidget *row = limber_ui_test_find_mapped (page (), is_row_named, name);

  return row != NULL ? ADW_ACTION_ROW (row) : NULL;
}

typedef struct
{
  LimberRecordCount what;
  guint            count;
} Expected;

static gboolean
count_reached (gpointer data)
{
  Expected *expected = data;

  return limber_journal_count (second_journal (), expected->what, 0, G_MAXINT64) == expected->count;
}

/* Buttons activated from the keyboard click after a short animation, so wait for the record. */
static void
assert_count_soon (LimberRecordCount what,
                   guint            count)
{
  Expected expected = { what, count };

  if (!limber_ui_test_spin_until (count_reached, &expected, 2000))
    g_error ("The store counts %u, not %u", limber_journal_count (second_journal (), what, 0, G_MAXINT64),
             count);
}

static gboolean
window_says (gpointer text)
{
  return limber_ui_test_find_label_containing (GTK_WIDGET (window), text) != NULL;
}

static gboolean
has_row (gpointer name)
{
  return find_row (name) != NULL;
}

static gboolean
has_label (gpointer text)
{
  return limber_ui_test_find_label (page (), text) != NULL;
}

static void
assert_label_soon (const char *text)
{
  if (!limber_ui_test_spin_until (has_label, (gpointer) text, 5000))
    g_error ("The Today page never showed “%s”", text);
}

static gboolean
pack_running (gpointer data)
{
  return limber_pack_timer_get_running (limber_application_get_pack_timer (app))
         == GPOINTER_TO_INT (data);
}

static void
assert_plan_rows (const char * const *expected)
{
  for (guint i = 0; expected[i] != NULL; i++)
    {
      if (find_row (expected[i]) == NULL)
        g_error ("Today's plan has no “%s” row", expected[i]);
    }
}

/* Entries to an action: mapped buttons and rows that activate one of @actions. */
static guint
count_entries (GtkWidget          *root,
               const char * const *actions)
{
  guint count = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_ACTIONABLE (child) &&
          g_strv_contains (actions, gtk_actionable_get_action_name (GTK_ACTIONABLE (child))
                                    ?: ""))
        count++;
      count += count_entries (child, actions);
    }

  return count;
}

/* One entry per action: to the check, to start a pack, to stop it. */
static void
assert_entries (guint checks,
                guint pack_starts,
                guint pack_stops)
{
  static const char * const check[] = { "app.check", "win.check-again", NULL };
  static const char * const start[] = { "today.start-pack", "today.quick-pack", NULL };
  static const char * const stop[] = { "today.stop-pack", NULL };

  g_assert_cmpuint (count_entries (page (), check), ==, checks);
  g_assert_cmpuint (count_entries (page (), start), ==, pack_starts);
  g_assert_cmpuint (count_entries (page (), stop), ==, pack_stops);
}

static gboolean
is_image_named (GtkWidget  *widget,
                const char *icon_name)
{
  return GTK_IS_IMAGE (widget) &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), icon_name) == 0;
}

static gboolean
is_list_row (GtkWidget  *widget,
             const char *unused)
{
  return GTK_IS_LIST_BOX_ROW (widget);
}

/* Every mapped boxed list shows a row: a group whose rows are all hidden is hidden whole,
 * not left as an empty line. Every plan row is marked: a check when done, else a circle. */
static void
assert_lists_whole (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LIST_BOX (child) && gtk_widget_has_css_class (child, "boxed-list") &&
          limber_ui_test_find_mapped (child, is_list_row, NULL) == NULL)
        g_error ("A boxed list on Today is shown with no row in it");
      if (LIMBER_IS_PLAN_ROW (child))
        {
          gboolean done = limber_plan_row_get_done (LIMBER_PLAN_ROW (child));

          if (limber_ui_test_find_mapped (child, is_image_named,
                                          done ? "emblem-ok-symbolic" : "radio-symbolic")
              == NULL)
            g_error ("The plan row “%s” has no %s mark", gtk_widget_get_name (child),
                     done ? "done" : "not-done");
          continue;
        }
      assert_lists_whole (child);
    }
}

/* A new user: no episode, the prevention plan, no pack timer. */
static void
test_prevention (void)
{
  static const char * const rows[] = { "routine", "water", "walk", NULL };

  limber_window_show_page (window, LIMBER_PAGE_TODAY);
  g_assert_cmpint (limber_window_get_page (window), ==, LIMBER_PAGE_TODAY);
  assert_label_soon ("Keeping Spasms Away");
  assert_plan_rows (rows);
  g_assert_null (find_row ("cold"));
  g_assert_null (limber_ui_test_find_button (page (), "Start Timer"));
  /* No pack card without a spasm: the check's own row is the one way to it. */
  g_assert_nonnull (limber_ui_test_find_control (page (), "Check Your Symptoms"));
  assert_entries (1, 0, 0);
  assert_lists_whole (page ());
  /* Help, not danger: the back spasm button is the page's one suggested action, not red. */
  {
    GtkWidget *spasm = limber_ui_test_find_button (page (), "I Have a Back Spasm Now");

    g_assert_nonnull (spasm);
    g_assert_true (gtk_widget_has_css_class (spasm, "suggested-action"));
    g_assert_false (gtk_widget_has_css_class (spasm, "destructive-action"));
  }

  /* +1 Glass is recorded in the store and shown. */
  limber_ui_test_activate (limber_ui_test_find_control (page (), "I drank a glass of water"));
  assert_count_soon (LIMBER_RECORD_COUNT_GLASSES, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (find_row ("water")), "1 of 8"));

  limber_ui_test_save_screenshot (GTK_WINDOW (window), "today-prevention");
}

/* "I have a back spasm now" starts an episode and the acute checklist. */
static void
test_start_episode (void)
{
  static const char * const rows[] = { "check", "cold", "walk", "relief", "gentle", NULL };
  g_autoptr(LimberEpisode) episode = NULL;

  limber_ui_test_activate (limber_ui_test_find_button (page (), "I Have a Back Spasm Now"));
  assert_label_soon ("Day 1 of the First 3 Days");

  episode = limber_journal_get_open_episode (second_journal ());
  g_assert_nonnull (episode);
  assert_plan_rows (rows);
  g_assert_null (find_row ("heat"));
  g_assert_null (find_row ("routine"));
  /* The check is the plan's first row, not a second row below; the pack starts on its card,
   * not also from the plan's cold row. Rows not done yet show an empty circle. */
  g_assert_nonnull (limber_ui_test_find_control (page (), "Check your symptoms"));
  g_assert_null (limber_ui_test_find_control (page (), "Check Your Symptoms"));
  assert_entries (1, 1, 0);
  assert_lists_whole (page ());
  g_assert_nonnull (limber_ui_test_find_button (page (), "I Feel Better"));

  /* The acute plan suggests cold. */
  g_assert_nonnull (limber_ui_test_find_button (page (), "Start Timer"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    limber_ui_test_find_button (page (), "Cold"))));

  /* A walk is counted. */
  limber_ui_test_activate (limber_ui_test_find_control (page (), "I walked just now"));
  assert_count_soon (LIMBER_RECORD_COUNT_WALKS, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (find_row ("walk")), "1 walk today"));

  limber_ui_test_save_screenshot (GTK_WINDOW (window), "today");

  /* Where routines are chosen, the plan's advice too, and only the routines for the first
   * days: no bridge or plank. */
  limber_window_show_page (window, LIMBER_PAGE_STRETCH);
  g_assert_true (limber_ui_test_spin_until (window_says,
                                            (gpointer) "only the gentlest routines", 10000));
  g_assert_nonnull (limber_ui_test_find_control (GTK_WIDGET (window), "Start Gentle Relief"));
  g_assert_null (limber_ui_test_find_control (GTK_WIDGET (window), "Start Daily Mobility"));
  g_assert_null (limber_ui_test_find_control (GTK_WIDGET (window), "Start Core Strength"));

  /* Nor does any other way in start one: the app's action (as --routine in a second instance
   * and a notification's Stretch Now use) refuses with the reason. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                  g_variant_new_string ("core-strength"));
  g_assert_true (limber_ui_test_spin_until (window_says,
                                            (gpointer) "is not for the first days of a spasm",
                                            10000));
  g_assert_cmpstr (limber_stretch_page_get_screen (limber_window_get_stretch_page (window)), ==,
                   "routines");
  limber_window_show_page (window, LIMBER_PAGE_TODAY);
}

static gboolean
row_subtitle_has (gpointer data)
{
  const char * const *row_text = data;
  AdwActionRow *row = find_row (row_text[0]);

  return row != NULL && adw_action_row_get_subtitle (row) != NULL &&
         strstr (adw_action_row_get_subtitle (row), row_text[1]) != NULL;
}

/* The cold pack from its card: the plan's cold row shows the pack's real state (on, the time
 * left), the card has the one Stop, Start never ends it, and stopped early it is recorded with
 * its real time. */
static void
test_pack_timer (void)
{
  LimberPackTimer *timer = limber_application_get_pack_timer (app);
  const char *left[] = { "cold", "left" };
  gint64 started;
  gint64 duration;
  gint64 remaining;
  gint64 began = g_get_monotonic_time ();
  LimberPackKind kind;

  g_assert_null (limber_ui_test_find_control (page (), "Start a 15-minute cold pack"));
  limber_ui_test_activate (limber_ui_test_find_button (page (), "Start Timer"));
  g_assert_true (limber_ui_test_spin_until (pack_running, GINT_TO_POINTER (TRUE), 10000));
  g_assert_cmpint (limber_pack_timer_get_kind (timer), ==, LIMBER_PACK_COLD);
  g_assert_cmpint (limber_pack_timer_get_duration_us (timer), ==, 15 * 60 * G_USEC_PER_SEC);

  /* The countdown as shown, once its first second has gone. */
  g_assert_true (limber_ui_test_spin_until (shows_countdown_14, NULL, 10000));
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (page (), "Cold pack on until"));

  /* The plan's cold row says so too: on, with the time left; one Stop, none to start. */
  g_assert_true (limber_ui_test_spin_until (row_subtitle_has, left, 10000));
  g_assert_true (strstr (adw_action_row_get_subtitle (find_row ("cold")), "14:5") != NULL);
  g_assert_nonnull (limber_ui_test_find_control (page (), "Stop the cold pack"));
  g_assert_null (limber_ui_test_find_button (page (), "Start Timer"));
  assert_entries (1, 0, 1);
  assert_lists_whole (page ());
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "today-timer");

  /* A Start that comes anyway (a stale button, a shortcut) leaves the pack on, and says so. */
  remaining = limber_pack_timer_get_remaining_us (timer);
  g_assert_true (gtk_widget_activate_action (page (), "today.quick-pack", "s", "cold"));
  g_assert_true (gtk_widget_activate_action (page (), "today.start-pack", NULL));
  /* Toasts queue: one from the test before may still be showing. */
  g_assert_true (limber_ui_test_spin_until (window_says, (gpointer) "Stop it first", 15000));
  g_assert_true (limber_pack_timer_get_running (timer));
  g_assert_cmpint (limber_pack_timer_get_kind (timer), ==, LIMBER_PACK_COLD);
  g_assert_cmpint (limber_pack_timer_get_remaining_us (timer), <=, remaining);
  g_assert_cmpint (limber_pack_timer_get_duration_us (timer), ==, 15 * 60 * G_USEC_PER_SEC);
  g_assert_cmpuint (limber_journal_count_packs (second_journal (), LIMBER_PACK_COLD, 0, G_MAXINT64), ==, 0);

  limber_ui_test_activate (limber_ui_test_find_control (page (), "Stop the cold pack"));
  g_assert_true (limber_ui_test_spin_until (pack_running, GINT_TO_POINTER (FALSE), 10000));
  g_assert_true (limber_journal_get_last_pack (second_journal (), &kind, &started, &duration));
  g_assert_cmpint (kind, ==, LIMBER_PACK_COLD);
  g_assert_cmpint (duration, >=, 1 * G_USEC_PER_SEC);
  g_assert_cmpint (duration, <=, g_get_monotonic_time () - began + G_USEC_PER_SEC);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (find_row ("cold")), "Next one at about"));
}

/* Asking for more than 20 minutes gives 20: neither the spin button nor the timer allows more. */
static void
test_pack_cap (void)
{
  LimberPackTimer *timer = limber_application_get_pack_timer (app);
  GtkWidget *spin = limber_ui_test_find_control (page (), "Minutes the pack stays on, up to 20");

  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 45);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 20);

  limber_ui_test_activate (limber_ui_test_find_button (page (), "Start Timer"));
  g_assert_true (limber_ui_test_spin_until (pack_running, GINT_TO_POINTER (TRUE), 10000));
  g_assert_cmpint (limber_pack_timer_get_duration_us (timer), ==, LIMBER_PACK_MAX_US);

  /* Through the API too. */
  g_assert_cmpint (limber_pack_timer_start (timer, LIMBER_PACK_HEAT, (gint64) 3600 * G_USEC_PER_SEC), ==,
                   LIMBER_PACK_MAX_US);
  limber_pack_timer_stop (timer);
  g_assert_true (limber_ui_test_spin_until (pack_running, GINT_TO_POINTER (FALSE), 10000));
  g_assert_cmpuint (limber_journal_count_packs (second_journal (), LIMBER_PACK_COLD, 0, G_MAXINT64), ==, 2);
  g_assert_cmpuint (limber_journal_count_packs (second_journal (), LIMBER_PACK_HEAT, 0, G_MAXINT64), ==, 1);
}

/* "Start Cold Pack" on the cold-pack reminder activates app.start-pack("cold"): Today comes
 * forward with the 15-minute cold pack on, and the pack is recorded when it comes off. */
static void
test_app_start_pack (void)
{
  LimberPackTimer *timer = limber_application_get_pack_timer (app);
  guint before = limber_journal_count_packs (second_journal (), LIMBER_PACK_COLD, 0, G_MAXINT64);

  g_assert_false (limber_pack_timer_get_running (timer));

  /* A pack that does not exist starts nothing. */
  limber_window_show_page (window, LIMBER_PAGE_PROGRESS);
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-pack",
                                  g_variant_new_string ("warm"));
  limber_ui_test_spin_for (300);
  g_assert_false (limber_pack_timer_get_running (timer));

  limber_window_show_page (window, LIMBER_PAGE_PROGRESS);
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-pack",
                                  g_variant_new_string ("cold"));
  g_assert_true (limber_ui_test_spin_until (pack_running, GINT_TO_POINTER (TRUE), 5000));
  g_assert_cmpint (limber_pack_timer_get_kind (timer), ==, LIMBER_PACK_COLD);
  g_assert_cmpint (limber_pack_timer_get_duration_us (timer), ==, 15 * 60 * G_USEC_PER_SEC);
  g_assert_cmpint (limber_window_get_page (window), ==, LIMBER_PAGE_TODAY);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (limber_ui_test_spin_until (window_says, (gpointer) "Cold pack on until", 5000));

  limber_pack_timer_stop (timer);
  g_assert_true (limber_ui_test_spin_until (pack_running, GINT_TO_POINTER (FALSE), 2000));
  g_assert_cmpuint (limber_journal_count_packs (second_journal (), LIMBER_PACK_COLD, 0, G_MAXINT64), ==,
                    before + 1);
}

static gboolean
is_any_button (GtkWidget  *widget,
               const char *unused)
{
  return GTK_IS_BUTTON (widget);
}

/* During an emergency, it is the whole page, the call first: no phase heading, no I Feel
 * Better, no plan, no pack to start, no back spasm button, no second way to the check; in the
 * red box no button at all, and Check Again plain, outside it. */
static void
assert_emergency_is_the_page (void)
{
  GtkWidget *title = limber_ui_test_find_label_with_prefix (page (), "Emergency");
  GtkWidget *box, *call, *check_again;

  g_assert_nonnull (title);
  box = gtk_widget_get_parent (title);
  g_assert_true (gtk_widget_has_css_class (box, "limber-emergency"));
  call = gtk_widget_get_first_child (box);
  g_assert_true (GTK_IS_LABEL (call));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (call)), ==, "Call Your Local Emergency Number");
  g_assert_true (gtk_widget_has_css_class (call, "limber-emergency-number"));
  g_assert_nonnull (limber_ui_test_find_label (box, "If you are alone, call for help before you "
                                                    "try to move."));
  g_assert_null (limber_ui_test_find_mapped (box, is_any_button, NULL));

  check_again = limber_ui_test_find_button (page (), "Check Again");
  g_assert_nonnull (check_again);
  g_assert_false (gtk_widget_is_ancestor (check_again, box));
  g_assert_false (gtk_widget_has_css_class (check_again, "suggested-action"));

  g_assert_null (limber_ui_test_find_label_with_prefix (page (), "Day "));
  g_assert_null (limber_ui_test_find_label (page (), "Keeping Spasms Away"));
  g_assert_null (limber_ui_test_find_label (page (), "Loosening Up"));
  g_assert_null (limber_ui_test_find_button (page (), "I Feel Better"));
  g_assert_null (limber_ui_test_find_button (page (), "I Have a Back Spasm Now"));
  g_assert_null (limber_ui_test_find_label (page (), "Today’s Plan"));
  g_assert_null (find_row ("gentle"));
  g_assert_null (find_row ("cold"));
  g_assert_null (find_row ("walk"));
  g_assert_null (limber_ui_test_find_button (page (), "Start Timer"));
  g_assert_null (limber_ui_test_find_control (page (), "Check Your Symptoms"));
  g_assert_null (limber_ui_test_find_button (page (), "I Have Seen a Doctor"));
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (page (), "Limber gives general"));
  /* Check Again is the one way to the check, and no empty list is left below it. */
  assert_entries (1, 0, 0);
  assert_lists_whole (page ());
}

/* A reason to see a doctor is a banner above the acute plan, which stays whole. */
static void
assert_doctor_banner_over_acute_plan (const char *reason_prefix)
{
  GtkWidget *title = limber_ui_test_find_label (page (), "See a doctor in the next few days");
  GtkWidget *banner, *seen, *check_again, *summary;

  g_assert_nonnull (title);
  banner = gtk_widget_get_parent (title);
  g_assert_true (gtk_widget_has_css_class (banner, "limber-doctor"));
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (banner, reason_prefix));
  seen = limber_ui_test_find_button (banner, "I Have Seen a Doctor");
  check_again = limber_ui_test_find_button (banner, "Check Again");
  g_assert_nonnull (seen);
  g_assert_nonnull (check_again);
  g_assert_false (gtk_widget_has_css_class (seen, "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (check_again, "suggested-action"));
  /* The page to take to the doctor is one press away. */
  summary = limber_ui_test_find_button (banner, "Summary for Your Doctor…");
  g_assert_nonnull (summary);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (summary)), ==,
                   "app.doctor-summary");

  g_assert_null (limber_ui_test_find_label_with_prefix (page (), "Emergency"));
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (page (), "Day "));
  g_assert_nonnull (limber_ui_test_find_button (page (), "I Feel Better"));
  g_assert_nonnull (limber_ui_test_find_label (page (), "Today’s Plan"));
  g_assert_nonnull (find_row ("gentle"));
  g_assert_nonnull (find_row ("cold"));
  g_assert_nonnull (find_row ("walk"));
  g_assert_nonnull (find_row ("relief"));
  g_assert_nonnull (limber_ui_test_find_button (page (), "Start Timer"));
  /* The banner's Check Again is the one way to the check: the plan's row keeps its mark only. */
  g_assert_nonnull (find_row ("check"));
  assert_entries (1, 1, 0);
  assert_lists_whole (page ());
}

static gboolean
check_on_first_question (gpointer data)
{
  LimberCheckPage *check = limber_window_get_check_page (window);

  return limber_window_get_page (window) == LIMBER_PAGE_CHECK &&
         g_strcmp0 (limber_check_page_get_screen (check), "question") == 0 &&
         limber_check_page_get_question (check) == 0;
}

static gboolean
check_shows_result (gpointer data)
{
  return g_strcmp0 (limber_check_page_get_screen (limber_window_get_check_page (window)),
                    "result") == 0;
}

static void
check_again_lands_on_first_question (void)
{
  GtkWidget *check = GTK_WIDGET (limber_window_get_check_page (window));

  /* The Check page holds a result (a Yes to the first question is an emergency)... */
  limber_window_show_page (window, LIMBER_PAGE_CHECK);
  g_assert_true (gtk_widget_activate_action (check, "check.start", NULL));
  g_assert_true (gtk_widget_activate_action (check, "check.answer-yes", NULL));
  g_assert_true (limber_ui_test_spin_until (check_shows_result, NULL, 10000));

  /* ...and Today's Check Again still starts over. */
  limber_window_show_page (window, LIMBER_PAGE_TODAY);
  assert_label_soon ("Emergency: get medical help now");
  limber_ui_test_activate (limber_ui_test_find_button (page (), "Check Again"));
  g_assert_true (limber_ui_test_spin_until (check_on_first_question, NULL, 10000));
  g_assert_nonnull (limber_ui_test_find_label (GTK_WIDGET (window), "Question 1 of 12"));
  limber_window_show_page (window, LIMBER_PAGE_TODAY);
}

static gboolean
stretch_shows_player (gpointer data)
{
  return limber_window_get_page (window) == LIMBER_PAGE_STRETCH &&
         limber_stretch_page_has_session (limber_window_get_stretch_page (window));
}

static gboolean
stretch_has_no_session (gpointer data)
{
  return !limber_stretch_page_has_session (limber_window_get_stretch_page (window));
}

static gboolean
has_no_doctor_banner (gpointer data)
{
  return limber_ui_test_find_label (page (), "See a doctor in the next few days") == NULL;
}

/* An emergency sets the plan aside; a reason to see a doctor sits above it, its routines still
 * start, and I Have Seen a Doctor clears it; a check without signs brings the plan back. */
static void
test_warning_overrides (void)
{
  LimberTriageAnswer *answers = g_new0 (LimberTriageAnswer, limber_triage_get_n_questions ());
  g_autoptr(GError) error = NULL;
  GtkWidget *start;

  answers[0] = LIMBER_TRIAGE_ANSWER_YES;
  g_assert_cmpint (limber_journal_add_check (journal (), LIMBER_TRIAGE_OUTCOME_EMERGENCY,
                                           answers, &error), >, 0);
  g_assert_no_error (error);

  assert_label_soon ("Emergency: get medical help now");
  assert_emergency_is_the_page ();
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "today-warning");
  limber_ui_test_set_width (window, NARROW);
  limber_ui_test_assert_controls_named (GTK_WIDGET (window));
  limber_ui_test_assert_controls_inside (GTK_WINDOW (window), NARROW);
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "today-warning-narrow");
  limber_ui_test_set_width (window, 720);

  /* Check Again starts a new check at its first question, even where the Check page showed
   * the last result. */
  check_again_lands_on_first_question ();

  /* A reason to see a doctor: the banner over the acute plan, which stays. */
  answers[0] = LIMBER_TRIAGE_ANSWER_NO;
  answers[limber_triage_find_question ("leg-tingling")] = LIMBER_TRIAGE_ANSWER_YES;
  g_assert_cmpint (limber_journal_add_check (journal (), LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON,
                                           answers, &error), >, 0);
  limber_window_show_page (window, LIMBER_PAGE_TODAY);
  assert_label_soon ("See a doctor in the next few days");
  assert_doctor_banner_over_acute_plan ("Your last symptom check found signs a doctor");
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "today-doctor");
  limber_ui_test_set_width (window, NARROW);
  limber_ui_test_assert_controls_named (GTK_WIDGET (window));
  limber_ui_test_assert_controls_inside (GTK_WINDOW (window), NARROW);
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "today-doctor-narrow");
  limber_ui_test_set_width (window, 720);

  /* The plan's gentle routine starts. */
  start = limber_ui_test_find_mapped (GTK_WIDGET (find_row ("gentle")), is_any_button, NULL);
  g_assert_nonnull (start);
  limber_ui_test_activate (start);
  g_assert_true (limber_ui_test_spin_until (stretch_shows_player, NULL, 5000));
  gtk_widget_activate_action (GTK_WIDGET (limber_stretch_page_get_player (
                                limber_window_get_stretch_page (window))),
                              "player.stop", NULL);
  g_assert_true (limber_ui_test_spin_until (stretch_has_no_session, NULL, 5000));
  limber_window_show_page (window, LIMBER_PAGE_TODAY);

  /* I Have Seen a Doctor clears it, and the journal keeps when. */
  limber_ui_test_activate (limber_ui_test_find_button (page (), "I Have Seen a Doctor"));
  g_assert_true (limber_ui_test_spin_until (has_no_doctor_banner, NULL, 5000));
  g_assert_true (limber_journal_get_last_doctor_visit (second_journal (), NULL));
  g_assert_nonnull (find_row ("gentle"));

  for (guint i = 0; i < limber_triage_get_n_questions (); i++)
    answers[i] = LIMBER_TRIAGE_ANSWER_NO;
  g_assert_cmpint (limber_journal_add_check (journal (), LIMBER_TRIAGE_OUTCOME_SELF_CARE,
                                           answers, &error), >, 0);
  g_assert_true (limber_ui_test_spin_until (has_row, (gpointer) "gentle", 10000));
  g_assert_null (limber_ui_test_find_button (page (), "Check Again"));
  g_assert_nonnull (limber_ui_test_find_label (page (), "Day 1 of the First 3 Days"));
  g_assert_nonnull (limber_ui_test_find_button (page (), "I Feel Better"));
  /* The check made during the episode ticks the first item. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (find_row ("check")), "Done"));
  g_free (answers);
}

static gboolean
has_message_dialog (gpointer data)
{
  return limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* "I feel better" asks first, keeps the note, and goes back to prevention. */
static void
test_feel_better (void)
{
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(LimberEpisode) still_open = NULL;
  LimberEpisode *episode;

  limber_ui_test_activate (limber_ui_test_find_button (page (), "I Feel Better"));
  g_assert_true (limber_ui_test_spin_until (has_message_dialog, NULL, 10000));
  dialog = ADW_MESSAGE_DIALOG (limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Cancel changes nothing. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  still_open = limber_journal_get_open_episode (second_journal ());
  g_assert_nonnull (still_open);

  limber_ui_test_activate (limber_ui_test_find_button (page (), "I Feel Better"));
  g_assert_true (limber_ui_test_spin_until (has_message_dialog, NULL, 10000));
  dialog = ADW_MESSAGE_DIALOG (limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "Lifted a heavy box, \"carefully\"");
  adw_message_dialog_response (dialog, "end");
  gtk_window_destroy (GTK_WINDOW (dialog));

  assert_label_soon ("Keeping Spasms Away");
  g_assert_null (limber_journal_get_open_episode (second_journal ()));
  episodes = limber_journal_list_episodes (second_journal ());
  g_assert_cmpuint (episodes->len, ==, 1);
  episode = g_ptr_array_index (episodes, 0);
  g_assert_cmpint (episode->ended_us, >, episode->started_us);
  g_assert_cmpstr (episode->notes, ==, "Lifted a heavy box, \"carefully\"");
}

/* At phone width every control of the acute plan and the timer is named and inside. */
static void
test_narrow (void)
{
  limber_ui_test_activate (limber_ui_test_find_button (page (), "I Have a Back Spasm Now"));
  assert_label_soon ("Day 1 of the First 3 Days");

  limber_ui_test_set_width (window, NARROW);
  limber_ui_test_assert_controls_named (GTK_WIDGET (window));
  limber_ui_test_assert_controls_inside (GTK_WINDOW (window), NARROW);
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "today-narrow");
  limber_ui_test_set_width (window, 720);
}

/* The window whose banner is looked at. */
static LimberWindow *banner_window;

static gboolean
banner_says (gpointer text)
{
  return limber_ui_test_find_label_containing (GTK_WIDGET (banner_window), text) != NULL;
}

static gboolean
banner_gone (gpointer text)
{
  return !banner_says (text);
}

/* A second window of the app, on @journal instead of the app's own. */
static LimberWindow *
window_on (LimberJournal *journal)
{
  g_autoptr(LimberCarePlan) plan = limber_care_plan_new (journal, NULL);
  g_autoptr(LimberPackTimer) timer = limber_pack_timer_new (limber_application_get_clock (app),
                                                            journal);
  LimberWindow *other = limber_window_new (ADW_APPLICATION (app),
                                           limber_application_get_clock (app), journal,
                                           limber_application_get_catalog (app), plan, timer,
                                           limber_application_get_time_format (app));

  gtk_window_present (GTK_WINDOW (other));
  banner_window = other;
  return other;
}

/* The window's banner says where a damaged file went, and that nothing is saved when the file
 * cannot be written; Dismiss hides it. */
static void
test_store_banner (void)
{
  g_autofree char *dir = g_dir_make_tmp ("limber-banner-XXXXXX", NULL);
  g_autofree char *damaged = g_build_filename (dir, "limber.db", NULL);
  g_autofree char *blocker = g_build_filename (dir, "file", NULL);
  g_autofree char *unwritable = g_build_filename (blocker, "limber.db", NULL);
  g_autoptr(LimberJournal) moved = NULL;
  g_autoptr(LimberJournal) memory = NULL;
  LimberWindow *other;

  g_assert_true (g_file_set_contents (damaged, "not a database, not at all, no", -1, NULL));
  moved = limber_journal_new (limber_application_get_clock (app), damaged);
  g_assert_nonnull (limber_journal_get_moved_aside_path (moved));
  other = window_on (moved);
  g_assert_true (limber_ui_test_spin_until (banner_says,
                                            (gpointer) limber_journal_get_moved_aside_path (moved),
                                            10000));
  g_assert_nonnull (limber_ui_test_find_label_containing (GTK_WIDGET (other),
                                                          "history file was damaged"));
  limber_ui_test_save_screenshot (GTK_WINDOW (other), "store-moved-aside");
  limber_ui_test_activate (limber_ui_test_find_button (GTK_WIDGET (other), "Dismiss"));
  g_assert_true (limber_ui_test_spin_until (banner_gone,
                                            (gpointer) limber_journal_get_moved_aside_path (moved),
                                            10000));
  gtk_window_destroy (GTK_WINDOW (other));

  /* A folder that cannot be made: a file stands where it should be. */
  g_assert_true (g_file_set_contents (blocker, "", -1, NULL));
  memory = limber_journal_new (limber_application_get_clock (app), unwritable);
  g_assert_false (limber_journal_get_saving (memory));
  other = window_on (memory);
  g_assert_true (limber_ui_test_spin_until (banner_says, (gpointer) "cannot save", 10000));
  g_assert_nonnull (limber_ui_test_find_label_containing (GTK_WIDGET (other), unwritable));
  g_assert_nonnull (limber_ui_test_find_label_containing (GTK_WIDGET (other),
                                                          "kept only until Limber closes"));
  limber_ui_test_save_screenshot (GTK_WINDOW (other), "store-not-saving");

  /* Still working, in memory. */
  g_assert_cmpint (limber_journal_add_glass (memory, LIMBER_GLASS_FROM_APP, NULL), >, 0);
  g_assert_cmpuint (limber_journal_count (memory, LIMBER_RECORD_COUNT_GLASSES, 0, G_MAXINT64), ==,
                    1);
  gtk_window_destroy (GTK_WINDOW (other));

  /* The app's own window has no banner: its file is fine. */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (
    limber_ui_test_find_of_type (GTK_WIDGET (window), GTK_TYPE_REVEALER))));
  g_clear_object (&moved);
  g_clear_object (&memory);
  limber_ui_test_remove_tree (dir);
}

static gboolean
journal_counts_glasses (gpointer data)
{
  LimberJournal *journal = data;

  return limber_journal_count (journal, LIMBER_RECORD_COUNT_GLASSES, 0, G_MAXINT64) == 1;
}

static gint64
file_glasses (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM glasses", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* +1 Glass while another process holds the file's lock for long: the window does not freeze
 * for the busy timeout, the glass is counted and kept, the banner says so, and once the lock
 * goes the glass is in the file and the banner is gone. */
static void
test_store_locked (void)
{
  g_autofree char *dir = g_dir_make_tmp ("limber-locked-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "limber.db", NULL);
  g_autoptr(LimberJournal) locked = limber_journal_new (limber_application_get_clock (app), path);
  LimberWindow *other;
  sqlite3 *locker = NULL;
  gint64 pressed;

  g_assert_true (limber_journal_get_saving (locked));
  other = window_on (locked);
  limber_window_show_page (other, LIMBER_PAGE_TODAY);
  g_assert_cmpint (sqlite3_open_v2 (path, &locker, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (locker, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  pressed = g_get_monotonic_time ();
  limber_ui_test_activate (limber_ui_test_find_control (
    GTK_WIDGET (limber_window_get_today_page (other)), "I drank a glass of water"));
  g_assert_true (limber_ui_test_spin_until (journal_counts_glasses, locked, 10000));
  g_test_message ("+1 Glass under the lock was counted after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - pressed) / 1000);
  /* Was 5 s and more, and then lost; the bound allows for a busy machine. */
  g_assert_cmpint (g_get_monotonic_time () - pressed, <, 4 * G_USEC_PER_SEC);
  g_assert_true (limber_ui_test_spin_until (banner_says, (gpointer) "right now", 2000));
  g_assert_nonnull (limber_ui_test_find_label_containing (GTK_WIDGET (other), "kept and saved"));
  g_assert_cmpint (file_glasses (path), ==, 0);

  g_assert_cmpint (sqlite3_exec (locker, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (locker);
  g_assert_true (limber_ui_test_spin_until (banner_gone, (gpointer) "right now", 30000));
  g_assert_true (limber_journal_get_saving (locked));
  g_assert_cmpint (file_glasses (path), ==, 1);

  gtk_window_destroy (GTK_WINDOW (other));
  g_clear_object (&locked);
  limber_ui_test_remove_tree (dir);
}

/* A page or window made without a collaborator it needs is a programming error, said loudly
 * (a critical), never a page that half works. */
static void
test_missing_collaborator (void)
{
  GtkWidget *page;

  g_test_expect_message ("Limber", G_LOG_LEVEL_CRITICAL, "*LIMBER_IS_CLOCK*");
  page = g_object_ref_sink (g_object_new (LIMBER_TYPE_TODAY_PAGE, NULL));
  g_test_assert_expected_messages ();
  g_object_unref (page);

  g_test_expect_message ("Limber", G_LOG_LEVEL_CRITICAL, "*LIMBER_IS_JOURNAL*");
  page = g_object_ref_sink (g_object_new (LIMBER_TYPE_CHECK_PAGE, NULL));
  g_test_assert_expected_messages ();
  g_object_unref (page);

  g_test_expect_message ("Limber", G_LOG_LEVEL_CRITICAL, "*LIMBER_IS_CARE_PLAN*");
  page = g_object_ref_sink (g_object_new (LIMBER_TYPE_STRETCH_PAGE,
                                          "clock", limber_application_get_clock (app),
                                          "journal", limber_application_get_journal (app),
                                          "catalog", limber_application_get_catalog (app),
                                          NULL));
  g_test_assert_expected_messages ();
  g_object_unref (page);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  limber_ui_test_init (&argc, &argv);
  window = limber_ui_test_start_app (&app);

  g_test_add_func ("/today-ui/prevention", test_prevention);
  g_test_add_func ("/today-ui/start-episode", test_start_episode);
  g_test_add_func ("/today-ui/pack-timer", test_pack_timer);
  g_test_add_func ("/today-ui/pack-cap", test_pack_cap);
  g_test_add_func ("/today-ui/app-start-pack", test_app_start_pack);
  g_test_add_func ("/today-ui/warning-overrides", test_warning_overrides);
  g_test_add_func ("/today-ui/feel-better", test_feel_better);
  g_test_add_func ("/today-ui/narrow", test_narrow);
  g_test_add_func ("/today-ui/store-banner", test_store_banner);
  g_test_add_func ("/today-ui/store-locked", test_store_locked);
  g_test_add_func ("/today-ui/missing-collaborator", test_missing_collaborator);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
