/* test-narrow-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every page at phone width (360 px) in the language the test runs in (meson runs it once per
 * language of po/LINGUAS, and in English): no button label or heading cut short with "…" or
 * clipped, and nothing that can be clicked outside the window. German's long words and
 * Arabic's script must fit too; so must the routine editor's window, in dark style.
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
  const char *pages[] = { "today", "check", "stretch", "reminders", "progress" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      limber_window_show_page (window, pages[i]);
      assert_page_fits (pages[i]);
    }
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
  assert_page_fits ("player");
}

static LimberStretchPlayer *
player (void)
{
  return limber_stretch_page_get_player (limber_window_get_stretch_page (window));
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
  limber_window_show_page (window, "stretch");
  editor = limber_stretch_page_open_editor (page, routine, TRUE);
  gtk_window_set_default_size (editor, NARROW, 640);

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

  gtk_window_destroy (editor);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
preferences_mapped (gpointer data)
{
  GtkWindow *preferences = limber_ui_test_find_toplevel (LIMBER_TYPE_PREFERENCES_WINDOW);

  return preferences != NULL && gtk_widget_get_mapped (GTK_WIDGET (preferences));
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
  gtk_window_set_default_size (preferences, NARROW, 640);

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
  g_test_add_func ("/narrow-ui/preferences", test_preferences);
  g_test_add_func ("/narrow-ui/editor", test_editor);
  g_test_add_func ("/narrow-ui/player", test_player);
  g_test_add_func ("/narrow-ui/player-finish-pain", test_player_finish_pain);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
