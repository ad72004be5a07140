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

#include "limber-application.h"
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

/* A second connection to the journal's file, for reading what the app recorded. */
static LimberStore *
store (void)
{
  static LimberStore *second;

  if (second == NULL)
    {
      second = limber_store_new (limber_application_get_clock (app),
                                 limber_journal_get_path (journal ()));
      g_assert_true (limber_store_open (second, NULL));
    }
  return second;
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
  LimberStoreCount what;
  guint            count;
} Expected;

static gboolean
count_reached (gpointer data)
{
  Expected *expected = data;

  return limber_store_count (store (), expected->what, 0, G_MAXINT64) == expected->count;
}

/* Buttons activated from the keyboard click after a short animation, so wait for the record. */
static void
assert_count_soon (LimberStoreCount what,
                   guint            count)
{
  Expected expected = { what, count };

  if (!limber_ui_test_spin_until (count_reached, &expected, 2000))
    g_error ("The store counts %u, not %u", limber_store_count (store (), what, 0, G_MAXINT64),
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

/* A new user: no episode, the prevention plan, no pack timer. */
static void
test_prevention (void)
{
  static const char * const rows[] = { "routine", "water", "walk", NULL };

  limber_window_show_page (window, "today");
  g_assert_cmpstr (limber_window_get_page (window), ==, "today");
  assert_label_soon ("Keeping Spasms Away");
  assert_plan_rows (rows);
  g_assert_null (find_row ("cold"));
  g_assert_null (limber_ui_test_find_button (page (), "Start Timer"));
  g_assert_nonnull (limber_ui_test_find_control (page (), "Check Your Symptoms"));

  /* +1 Glass is recorded in the store and shown. */
  limber_ui_test_activate (limber_ui_test_find_control (page (), "I drank a glass of water"));
  assert_count_soon (LIMBER_STORE_COUNT_GLASSES, 1);
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

  episode = limber_store_get_open_episode (store ());
  g_assert_nonnull (episode);
  assert_plan_rows (rows);
  g_assert_null (find_row ("heat"));
  g_assert_null (find_row ("routine"));
  g_assert_nonnull (limber_ui_test_find_button (page (), "I Feel Better"));

  /* The acute plan suggests cold. */
  g_assert_nonnull (limber_ui_test_find_button (page (), "Start Timer"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    limber_ui_test_find_button (page (), "Cold"))));

  /* A walk is counted. */
  limber_ui_test_activate (limber_ui_test_find_control (page (), "I walked just now"));
  assert_count_soon (LIMBER_STORE_COUNT_WALKS, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (find_row ("walk")), "1 walk today"));

  limber_ui_test_save_screenshot (GTK_WINDOW (window), "today");

  /* Where routines are chosen, the plan's advice too, and only the routines for the first
   * days: no bridge or plank. */
  limber_window_show_page (window, "stretch");
  g_assert_true (limber_ui_test_spin_until (window_says,
                                            (gpointer) "only the gentlest routines", 2000));
  g_assert_nonnull (limber_ui_test_find_control (GTK_WIDGET (window), "Start Gentle relief"));
  g_assert_null (limber_ui_test_find_control (GTK_WIDGET (window), "Start Daily mobility"));
  g_assert_null (limber_ui_test_find_control (GTK_WIDGET (window), "Start Core strength"));

  /* Nor does any other way in start one: the app's action (as --routine in a second instance
   * and a notification's Stretch Now use) refuses with the reason. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                  g_variant_new_string ("core-strength"));
  g_assert_true (limber_ui_test_spin_until (window_says,
                                            (gpointer) "is not for the first days of a spasm",
                                            2000));
  g_assert_cmpstr (limber_stretch_page_get_screen (limber_window_get_stretch_page (window)), ==,
                   "routines");
  limber_window_show_page (window, "today");
}

/* The cold pack from the checklist: a countdown, stopped early, recorded with its real time. */
static void
test_pack_timer (void)
{
  LimberPackTimer *timer = limber_application_get_pack_timer (app);
  gint64 started;
  gint64 duration;
  LimberPackKind kind;

  limber_ui_test_activate (limber_ui_test_find_control (page (), "Start a 15-minute cold pack"));
  g_assert_true (limber_ui_test_spin_until (pack_running, GINT_TO_POINTER (TRUE), 2000));
  g_assert_cmpint (limber_pack_timer_get_duration_us (timer), ==, 15 * 60 * G_USEC_PER_SEC);

  limber_ui_test_spin_for (1200);
  /* The countdown as shown: a second or two will have gone. */
  g_assert_true (limber_ui_test_find_label (page (), "14:59") != NULL ||
                 limber_ui_test_find_label (page (), "14:58") != NULL);
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (page (), "Cold pack on until"));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "today-timer");

  limber_ui_test_activate (limber_ui_test_find_button (page (), "Take It Off Now"));
  g_assert_true (limber_ui_test_spin_until (pack_running, GINT_TO_POINTER (FALSE), 2000));
  g_assert_true (limber_store_get_last_pack (store (), &kind, &started, &duration));
  g_assert_cmpint (kind, ==, LIMBER_PACK_COLD);
  g_assert_cmpint (duration, >=, 1 * G_USEC_PER_SEC);
  g_assert_cmpint (duration, <=, 3 * G_USEC_PER_SEC);
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
  g_assert_true (limber_ui_test_spin_until (pack_running, GINT_TO_POINTER (TRUE), 2000));
  g_assert_cmpint (limber_pack_timer_get_duration_us (timer), ==, LIMBER_PACK_MAX_US);

  /* Through the API too. */
  g_assert_cmpint (limber_pack_timer_start (timer, LIMBER_PACK_HEAT, (gint64) 3600 * G_USEC_PER_SEC), ==,
                   LIMBER_PACK_MAX_US);
  limber_pack_timer_stop (timer);
  g_assert_true (limber_ui_test_spin_until (pack_running, GINT_TO_POINTER (FALSE), 2000));
  g_assert_cmpuint (limber_store_count_packs (store (), LIMBER_PACK_COLD, 0, G_MAXINT64), ==, 2);
  g_assert_cmpuint (limber_store_count_packs (store (), LIMBER_PACK_HEAT, 0, G_MAXINT64), ==, 1);
}

/* A check with warning signs sets the plan aside; a check without brings it back. */
static void
test_warning_overrides (void)
{
  LimberTriageAnswer *answers = g_new0 (LimberTriageAnswer, limber_triage_get_n_questions ());
  g_autoptr(GError) error = NULL;

  answers[0] = LIMBER_TRIAGE_ANSWER_YES;
  g_assert_cmpint (limber_journal_add_check (journal (), LIMBER_TRIAGE_OUTCOME_EMERGENCY,
                                           answers, &error), >, 0);
  g_assert_no_error (error);

  assert_label_soon ("Emergency: get medical help now");
  g_assert_null (find_row ("gentle"));
  g_assert_null (find_row ("cold"));
  g_assert_null (limber_ui_test_find_button (page (), "Start Timer"));
  g_assert_nonnull (limber_ui_test_find_button (page (), "Check Again"));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "today-warning");

  for (guint i = 0; i < limber_triage_get_n_questions (); i++)
    answers[i] = LIMBER_TRIAGE_ANSWER_NO;
  g_assert_cmpint (limber_journal_add_check (journal (), LIMBER_TRIAGE_OUTCOME_SELF_CARE,
                                           answers, &error), >, 0);
  g_assert_true (limber_ui_test_spin_until (has_row, (gpointer) "gentle", 5000));
  g_assert_null (limber_ui_test_find_button (page (), "Check Again"));
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
  g_assert_true (limber_ui_test_spin_until (has_message_dialog, NULL, 2000));
  dialog = ADW_MESSAGE_DIALOG (limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Cancel changes nothing. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  still_open = limber_store_get_open_episode (store ());
  g_assert_nonnull (still_open);

  limber_ui_test_activate (limber_ui_test_find_button (page (), "I Feel Better"));
  g_assert_true (limber_ui_test_spin_until (has_message_dialog, NULL, 2000));
  dialog = ADW_MESSAGE_DIALOG (limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "Lifted a heavy box, \"carefully\"");
  adw_message_dialog_response (dialog, "end");
  gtk_window_destroy (GTK_WINDOW (dialog));

  assert_label_soon ("Keeping Spasms Away");
  g_assert_null (limber_store_get_open_episode (store ()));
  episodes = limber_store_list_episodes (store ());
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
                                            2000));
  g_assert_nonnull (limber_ui_test_find_label_containing (GTK_WIDGET (other),
                                                          "history file was damaged"));
  limber_ui_test_save_screenshot (GTK_WINDOW (other), "store-moved-aside");
  limber_ui_test_activate (limber_ui_test_find_button (GTK_WIDGET (other), "Dismiss"));
  g_assert_true (limber_ui_test_spin_until (banner_gone,
                                            (gpointer) limber_journal_get_moved_aside_path (moved),
                                            2000));
  gtk_window_destroy (GTK_WINDOW (other));

  /* A folder that cannot be made: a file stands where it should be. */
  g_assert_true (g_file_set_contents (blocker, "", -1, NULL));
  memory = limber_journal_new (limber_application_get_clock (app), unwritable);
  g_assert_false (limber_journal_get_saving (memory));
  other = window_on (memory);
  g_assert_true (limber_ui_test_spin_until (banner_says, (gpointer) "cannot save", 2000));
  g_assert_nonnull (limber_ui_test_find_label_containing (GTK_WIDGET (other), unwritable));
  g_assert_nonnull (limber_ui_test_find_label_containing (GTK_WIDGET (other),
                                                          "kept only until Limber closes"));
  limber_ui_test_save_screenshot (GTK_WINDOW (other), "store-not-saving");

  /* Still working, in memory. */
  g_assert_cmpint (limber_journal_add_glass (memory, LIMBER_GLASS_FROM_APP, NULL), >, 0);
  g_assert_cmpuint (limber_journal_count (memory, LIMBER_STORE_COUNT_GLASSES, 0, G_MAXINT64), ==,
                    1);
  gtk_window_destroy (GTK_WINDOW (other));

  /* The app's own window has no banner: its file is fine. */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (
    limber_ui_test_find_of_type (GTK_WIDGET (window), GTK_TYPE_REVEALER))));
  g_clear_object (&moved);
  g_clear_object (&memory);
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
  g_test_add_func ("/today-ui/warning-overrides", test_warning_overrides);
  g_test_add_func ("/today-ui/feel-better", test_feel_better);
  g_test_add_func ("/today-ui/narrow", test_narrow);
  g_test_add_func ("/today-ui/store-banner", test_store_banner);
  g_test_add_func ("/today-ui/missing-collaborator", test_missing_collaborator);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
