/* test-narrow-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every page at phone width (360 px) in the language the test runs in (meson runs it once per
 * language of po/LINGUAS, and in English): no button label or heading cut short with "…" or
 * clipped, and nothing that can be clicked outside the window. German's long words and
 * Arabic's script must fit too; so must the routine editor's window, in dark style, and the
 * Stretch page during an episode and while stretching waits for help. With a toast shown, no
 * control of a page, scrolled to its end, lies under the toast.
 * Screenshots go to tests/screenshots/narrow-LANG-PAGE.png.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "limber-application.h"
#include "limber-preferences-window.h"
#include "limber-routine-editor.h"
#include "limber-ui-test.h"
#include "limber-window.h"

#define NARROW 360

static LimberApplication *app;
static LimberWindow *window;

/* Whether @label is a button's label or a heading: text that must be read whole. */
static gboolean
must_be_whole (GtkWidget *label)
{
  static const char * const heading_classes[] = {
    "title", "title-1", "title-2", "title-3", "title-4", "heading", NULL
  };

  if (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON) != NULL)
    return TRUE;

  for (guint i = 0; heading_classes[i] != NULL; i++)
    if (gtk_widget_has_css_class (label, heading_classes[i]))
      return TRUE;

  return FALSE;
}

/* The width @widget was given, counted as gtk_widget_measure() counts its natural width: with
 * its CSS padding and border (a header bar's title has padding), which gtk_widget_get_width()
 * leaves out. */
static double
box_width (GtkWidget *widget)
{
  graphene_rect_t bounds;

  /* In its own coordinates: a row's title drawn scaled down is not cut short for that. */
  if (!gtk_widget_compute_bounds (widget, widget, &bounds))
    return gtk_widget_get_width (widget);
  return bounds.size.width;
}

static void
collect_cut_labels (GtkWidget *widget,
                    GString   *cut)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && must_be_whole (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), "") != 0)
    {
      GtkLabel *label = GTK_LABEL (widget);
      int natural = 0;

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        g_string_append_printf (cut, "“%s” is cut short with …\n", gtk_label_get_text (label));
      else if (!gtk_label_get_wrap (label) && natural > box_width (widget) + 1)
        g_string_append_printf (cut, "“%s” needs %d px but has %g\n", gtk_label_get_text (label),
                                natural, box_width (widget));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cut_labels (child, cut);
}

static void assert_window_narrows (void);

static void
assert_page_fits (const char *name)
{
  g_autoptr(GString) cut = g_string_new (NULL);
  g_autofree char *shot = NULL;
  const char *lang = g_getenv ("LANGUAGE");

  /* The screenshot waits for transitions to end and for a frame that shows the page: only then
   * are its allocations the ones a user sees. */
  shot = g_strdup_printf ("narrow-%s-%s", lang != NULL && *lang ? lang : "en", name);
  limber_ui_test_save_screenshot (GTK_WINDOW (window), shot);

  /* A page built late (they are built when first shown) must not widen the window either. */
  assert_window_narrows ();
  limber_ui_test_assert_controls_inside (GTK_WINDOW (window), NARROW);
  collect_cut_labels (GTK_WIDGET (window), cut);

  if (cut->len > 0)
    g_error ("At %d px, on the %s page:\n%s", NARROW, name, cut->str);
}

static void
test_pages (void)
{
  for (LimberPage page = LIMBER_PAGE_TODAY; page <= LIMBER_PAGE_PROGRESS; page++)
    {
      limber_window_show_page (window, page);
      assert_page_fits (limber_page_to_string (page));
    }
}

static LimberStretchPlayer *
player (void)
{
  return limber_stretch_page_get_player (limber_window_get_stretch_page (window));
}

static gboolean
in_work_phase (gpointer data)
{
  LimberStretchSession *session = limber_stretch_player_get_session (player ());

  return limber_stretch_session_get_phase (session)->kind == LIMBER_PHASE_WORK;
}

static gboolean
stretch_shows (gpointer text)
{
  return limber_ui_test_find_label (GTK_WIDGET (limber_window_get_stretch_page (window)),
                                    text) != NULL;
}

/* The Stretch page in its other states: during an episode, its cards say whether each routine is
 * safe in the first days; while a check's emergency signs stand, it is a status page. */
static void
test_stretch_states (void)
{
  LimberCarePlan *plan = limber_application_get_care_plan (app);
  g_autoptr(GError) error = NULL;

  limber_window_show_page (window, LIMBER_PAGE_STRETCH);
  g_assert_cmpint (limber_care_plan_start_episode (plan, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_ui_test_spin_until (stretch_shows, (gpointer) _("Safe in the first days"),
                                            10000));
  assert_page_fits ("stretch-episode");

  limber_ui_test_add_check (limber_application_get_journal (app),
                            LIMBER_TRIAGE_OUTCOME_EMERGENCY);
  g_assert_true (limber_ui_test_spin_until (stretch_shows, (gpointer) _("Get Help First"), 10000));
  assert_page_fits ("stretch-blocked");

  limber_ui_test_add_check (limber_application_get_journal (app),
                            LIMBER_TRIAGE_OUTCOME_SELF_CARE);
  g_assert_true (limber_care_plan_end_episode (plan, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
player_shown (gpointer data)
{
  return g_strcmp0 (limber_stretch_page_get_screen (limber_window_get_stretch_page (window)),
                    "player") == 0;
}

static void
test_player (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                  g_variant_new_string ("gentle-relief"));
  g_assert_true (limber_ui_test_spin_until (player_shown, NULL, 10000));
  /* Getting ready, with the pain before the session asked. */
  assert_page_fits ("player");

  /* Paused in a hold: Paused, the side and the rep are all said whole, in the short form where
   * the long one does not fit. */
  g_assert_true (limber_ui_test_spin_until (in_work_phase, NULL, 30000));
  gtk_widget_activate_action (GTK_WIDGET (player ()), "player.toggle-pause", NULL);
  g_assert_cmpint (limber_stretch_session_get_state (limber_stretch_player_get_session (player ())),
                   ==, LIMBER_SESSION_STATE_PAUSED);
  assert_page_fits ("player-paused");
}

static gboolean
player_screen_is (gpointer name)
{
  return g_strcmp0 (limber_stretch_player_get_screen (player ()), name) == 0;
}

static gboolean
toggle_is_active (gpointer button)
{
  return gtk_toggle_button_get_active (button);
}

/* The finish screen at its fullest: stopped because it hurts, in the middle of an exercise it
 * names, with strong pain rated and the symptom check suggested. */
static void
test_player_finish_pain (void)
{
  GtkWidget *eight;

  g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                  g_variant_new_string ("gentle-relief"));
  g_assert_true (limber_ui_test_spin_until (player_screen_is, "session", 5000));
  gtk_widget_activate_action (GTK_WIDGET (player ()), "player.hurts", NULL);
  g_assert_true (limber_ui_test_spin_until (player_screen_is, "finish", 5000));

  eight = limber_ui_test_find_control (GTK_WIDGET (window), "8");
  g_assert_true (GTK_IS_TOGGLE_BUTTON (eight));
  limber_ui_test_activate (eight);
  g_assert_true (limber_ui_test_spin_until (toggle_is_active, eight, 3000));
  assert_page_fits ("player-finish-pain");
}

/* The routine editor, with a routine's steps in it, at phone width and in dark style. */
static void
test_editor (void)
{
  LimberStretchPage *page = limber_window_get_stretch_page (window);
  LimberRoutine *routine = limber_catalog_find_routine (limber_application_get_catalog (app),
                                                        "gentle-relief");
  g_autoptr(GString) cut = g_string_new (NULL);
  g_autofree char *shot = NULL;
  const char *lang = g_getenv ("LANGUAGE");
  GtkWindow *editor;
  int minimum = 0;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  limber_window_show_page (window, LIMBER_PAGE_STRETCH);
  editor = limber_stretch_page_open_editor (page, routine, TRUE);
  limber_ui_test_resize_narrow (editor, NARROW, 640);

  gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  g_assert_cmpint (minimum, <=, NARROW);
  shot = g_strdup_printf ("narrow-%s-editor-dark", lang != NULL && *lang ? lang : "en");
  limber_ui_test_save_screenshot (editor, shot);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), <=, NARROW);
  limber_ui_test_assert_controls_inside (editor, NARROW);
  collect_cut_labels (GTK_WIDGET (editor), cut);
  if (cut->len > 0)
    g_error ("At %d px, in the routine editor:\n%s", NARROW, cut->str);

  /* With a problem shown at its field, in place of the field's hint, it fits as well. */
  {
    LimberRoutineEditor *routine_editor = LIMBER_ROUTINE_EDITOR (editor);
    g_autoptr(GError) error = NULL;
    g_autofree char *invalid_shot = g_strdup_printf ("narrow-%s-editor-invalid",
                                                     lang != NULL && *lang ? lang : "en");

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (limber_routine_editor_get_field (routine_editor, 0,
                                                                                  "rest")),
                               900);
    g_assert_false (limber_routine_editor_save (routine_editor, &error));
    g_assert_nonnull (limber_routine_editor_get_error (routine_editor));
    limber_ui_test_save_screenshot (editor, invalid_shot);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), <=, NARROW);
    limber_ui_test_assert_controls_inside (editor, NARROW);
    collect_cut_labels (GTK_WIDGET (editor), cut);
    if (cut->len > 0)
      g_error ("At %d px, in the routine editor with a problem shown:\n%s", NARROW, cut->str);
  }

  gtk_window_destroy (editor);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The toast on screen, once it has slid all the way in: its box, in @window's coordinates. */
typedef struct
{
  graphene_rect_t bounds;
  float           last_y;
  gint64          last_frame;
  guint           still;
} ToastWait;

static gboolean
is_toast_widget (GtkWidget  *widget,
                 const char *unused)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
}

static gboolean
toast_settled (gpointer data)
{
  ToastWait *wait = data;
  GtkWidget *toast = limber_ui_test_find_mapped (GTK_WIDGET (window), is_toast_widget, NULL);

  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);

  if (toast == NULL || !gtk_widget_compute_bounds (toast, GTK_WIDGET (window), &wait->bounds))
    return FALSE;
  /* Settled: in the same place over a few frames in a row (the slide-in moves it each frame). */
  gtk_widget_queue_draw (GTK_WIDGET (window));
  if (wait->bounds.origin.y != wait->last_y)
    wait->still = 0;
  else if (frame != wait->last_frame)
    wait->still++;
  wait->last_y = wait->bounds.origin.y;
  wait->last_frame = frame;
  return wait->still >= 5;
}

static gboolean
no_toast (gpointer data)
{
  return limber_ui_test_find_mapped (GTK_WIDGET (window), is_toast_widget, NULL) == NULL;
}

/* Scrolls every scrolled window under @widget to its end. Returns whether one moved. */
static gboolean
scroll_to_end (GtkWidget *widget)
{
  gboolean moved = FALSE;

  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
      double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      if (gtk_adjustment_get_value (adjustment) < end)
        {
          gtk_adjustment_set_value (adjustment, end);
          moved = TRUE;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    moved |= scroll_to_end (child);

  return moved;
}

static gboolean
scrolled_to_end (gpointer data)
{
  return !scroll_to_end (GTK_WIDGET (window));
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_ENTRY (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SCALE (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_CHECK_BUTTON (widget) ||
         (GTK_IS_LIST_BOX_ROW (widget) &&
          gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)));
}

/* Every control a user can press that lies, even in part, under @toast. */
static void
collect_covered (GtkWidget             *widget,
                 const graphene_rect_t *toast,
                 GString               *covered)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget) ||
      limber_ui_test_is_inside_toast (widget))
    return;

  if (is_control (widget) && gtk_widget_is_sensitive (widget) &&
      gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0 &&
      gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds) &&
      graphene_rect_intersection (&bounds, toast, NULL))
    {
      g_autofree char *text = limber_ui_test_button_text (widget);

      g_string_append_printf (covered, "%s “%s” at %g,%g %g×%g\n", G_OBJECT_TYPE_NAME (widget),
                              text != NULL ? text : "", bounds.origin.x, bounds.origin.y,
                              bounds.size.width, bounds.size.height);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_covered (child, toast, covered);
}

/*
 * At 360 px, with a toast shown, each page scrolled to its end: no control lies under the toast,
 * where a tap would land on the toast instead.
 */
static void
test_toast (void)
{
  for (LimberPage page = LIMBER_PAGE_TODAY; page <= LIMBER_PAGE_PROGRESS; page++)
    {
      const char *name = limber_page_to_string (page);
      g_autoptr(GString) covered = g_string_new (NULL);
      ToastWait wait = { .last_y = -1 };
      g_autofree char *shot = NULL;

      limber_window_show_page (window, page);
      g_assert_true (limber_ui_test_spin_until (no_toast, NULL, 15000));
      limber_window_add_toast (window, _("All records deleted"));
      g_assert_true (limber_ui_test_spin_until (toast_settled, &wait, 10000));
      g_assert_true (limber_ui_test_spin_until (scrolled_to_end, NULL, 10000));
      g_assert_true (limber_ui_test_spin_until (toast_settled, &wait, 10000));
      g_test_message ("%s: toast at %g,%g %g×%g", name, wait.bounds.origin.x,
                      wait.bounds.origin.y, wait.bounds.size.width, wait.bounds.size.height);

      shot = g_strdup_printf ("narrow-toast-%s", name);
      limber_ui_test_save_screenshot (GTK_WINDOW (window), shot);
      collect_covered (GTK_WIDGET (window), &wait.bounds, covered);
      if (covered->len > 0)
        g_error ("At %d px, a toast covers on the %s page:\n%s", NARROW, name, covered->str);
    }
}

static gboolean
preferences_mapped (gpointer data)
{
  GtkWindow *preferences = limber_ui_test_find_toplevel (LIMBER_TYPE_PREFERENCES_WINDOW);

  return preferences != NULL && gtk_widget_get_mapped (GTK_WIDGET (preferences));
}

static gboolean
preferences_narrow (gpointer preferences)
{
  return limber_ui_test_controls_inside (preferences, NARROW);
}

static gboolean
page_mapped (gpointer page)
{
  return gtk_widget_get_mapped (page);
}

static gboolean
has_class (GtkWidget  *widget,
           const char *name)
{
  return gtk_widget_has_css_class (widget, name);
}

/* The seven day buttons: equal widths on one row. */
static void
assert_days_one_row (GtkWidget *monday)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (monday));
  graphene_rect_t first, bounds;
  guint days = 0;

  g_assert_true (gtk_widget_compute_bounds (monday, root, &first));
  for (GtkWidget *day = monday; day != NULL; day = gtk_widget_get_next_sibling (day), days++)
    {
      g_assert_true (gtk_widget_compute_bounds (day, root, &bounds));
      g_assert_cmpfloat (bounds.origin.y, ==, first.origin.y);
      g_assert_cmpfloat (fabs (bounds.size.width - first.size.width), <=, 1);
    }
  g_assert_cmpuint (days, ==, 7);
}

/* Preferences' two pages at phone width: nothing cut or outside, the days on one row. */
static void
test_preferences (void)
{
  const char *pages[] = { "guidance", "reminders" };
  const char *lang = g_getenv ("LANGUAGE");
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (limber_ui_test_spin_until (preferences_mapped, NULL, 10000));
  preferences = limber_ui_test_find_toplevel (LIMBER_TYPE_PREFERENCES_WINDOW);
  limber_ui_test_resize_narrow (preferences, NARROW, 640);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GString) cut = g_string_new (NULL);
      g_autofree char *shot = g_strdup_printf ("narrow-%s-preferences-%s",
                                               lang != NULL && *lang ? lang : "en",
                                               pages[i]);

      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences),
                                                    pages[i]);
      g_assert_true (limber_ui_test_spin_until (page_mapped,
                                                adw_preferences_window_get_visible_page (
                                                  ADW_PREFERENCES_WINDOW (preferences)),
                                                10000));
      if (!limber_ui_test_spin_until (preferences_narrow, preferences, 20000))
        limber_ui_test_assert_controls_inside (preferences, NARROW);
      limber_ui_test_save_screenshot (preferences, shot);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (preferences)), <=, NARROW);
      limber_ui_test_assert_controls_inside (preferences, NARROW);
      collect_cut_labels (GTK_WIDGET (preferences), cut);
      if (cut->len > 0)
        g_error ("At %d px, in Preferences' %s page:\n%s", NARROW, pages[i], cut->str);
    }

  assert_days_one_row (gtk_widget_get_first_child (
    limber_ui_test_find_mapped (GTK_WIDGET (preferences), has_class, "limber-prefs-days")));
  gtk_window_destroy (preferences);
}

/* The widgets that keep the window from narrowing: the deepest ones whose minimum width is
 * over @limit. */
static void
collect_too_wide (GtkWidget *widget,
                  int        limit,
                  GString   *found)
{
  int minimum = 0;
  gboolean child_too_wide = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, NULL, NULL,
                          NULL);
      if (child_minimum > limit)
        {
          child_too_wide = TRUE;
          collect_too_wide (child, limit, found);
        }
    }

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (!child_too_wide && minimum > limit)
    {
      g_autofree char *text = GTK_IS_BUTTON (widget) ? limber_ui_test_button_text (widget)
                              : GTK_IS_LABEL (widget)
                              ? g_strdup (gtk_label_get_text (GTK_LABEL (widget))) : NULL;

      g_string_append_printf (found, "%s “%s” needs %d px\n", G_OBJECT_TYPE_NAME (widget),
                              text != NULL ? text : "", minimum);
    }
}

/* The window can be made 360 px wide: nothing in it, in this language, is wider. */
static void
assert_window_narrows (void)
{
  g_autoptr(GString) found = g_string_new (NULL);
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  if (minimum <= NARROW)
    return;

  collect_too_wide (GTK_WIDGET (window), NARROW - 24, found);
  g_error ("The window needs %d px, more than %d:\n%s", minimum, NARROW, found->str);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* As main.c does, so the test sees the translation the app would show. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LIMBER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  limber_ui_test_init (&argc, &argv);
  window = limber_ui_test_start_app (&app);
  assert_window_narrows ();
  limber_ui_test_set_width (window, NARROW);

  g_test_add_func ("/narrow-ui/pages", test_pages);
  g_test_add_func ("/narrow-ui/stretch-states", test_stretch_states);
  g_test_add_func ("/narrow-ui/preferences", test_preferences);
  g_test_add_func ("/narrow-ui/editor", test_editor);
  g_test_add_func ("/narrow-ui/player", test_player);
  g_test_add_func ("/narrow-ui/player-finish-pain", test_player_finish_pain);
  g_test_add_func ("/narrow-ui/toast", test_toast);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
