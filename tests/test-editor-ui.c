/* test-editor-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The routine editor in the real app, under Xvfb, driven through GTK (not yet through AT-SPI):
 * a routine is made from the Stretch page's New Routine button with two steps, which are
 * reordered with the Move Up button; an out-of-range hold is marked at its field with the
 * loader's reason and Save stays off; once fixed, Save writes the file the loader reads, the page
 * lists it and app.start-routine plays it. A file changed on disk while it is open is not
 * overwritten; a deleted routine comes back with Undo; a bad file is refused on import with its
 * line and reason.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-routine-editor.h"
#include "limber-ui-test.h"
#include "limber-window.h"

static LimberApplication *app;
static LimberWindow *window;

static LimberStretchPage *
stretch_page (void)
{
  return limber_window_get_stretch_page (window);
}

static LimberCatalog *
catalog (void)
{
  return limber_application_get_catalog (app);
}

static char *
user_file (const char *id)
{
  g_autofree char *dir = limber_catalog_get_user_dir ();
  g_autofree char *name = g_strconcat (id, ".json", NULL);

  return g_build_filename (dir, name, NULL);
}

static gboolean
has_no_toplevel (gpointer type)
{
  return !limber_ui_test_has_toplevel (type);
}

static gboolean
shows_label (gpointer text)
{
  return limber_ui_test_find_label (GTK_WIDGET (window), text) != NULL;
}

static gboolean
shows_button (gpointer text)
{
  return limber_ui_test_find_button (GTK_WIDGET (window), text) != NULL;
}

static gboolean
has_routine (gpointer id)
{
  return limber_catalog_find_routine (catalog (), id) != NULL;
}

static gboolean
editor_has_conflict (gpointer editor)
{
  return limber_routine_editor_has_conflict (editor);
}

static gboolean
editor_has_no_conflict (gpointer editor)
{
  return !limber_routine_editor_has_conflict (editor);
}

static gboolean
first_step_is (gpointer field)
{
  LimberRoutineEditor *editor =
    LIMBER_ROUTINE_EDITOR (limber_ui_test_find_toplevel (LIMBER_TYPE_ROUTINE_EDITOR));

  return (gpointer) limber_routine_editor_get_field (editor, 0, "hold") == field;
}

static gboolean
screen_is_player (gpointer data)
{
  return g_str_equal (limber_stretch_page_get_screen (stretch_page ()), "player");
}

static LimberRoutineEditor *
open_new_editor (void)
{
  GtkWindow *editor;

  limber_window_show_page (window, "stretch");
  g_assert_true (limber_ui_test_spin_until (shows_button, "New Routine", 5000));
  limber_ui_test_activate (limber_ui_test_find_button (GTK_WIDGET (window), "New Routine"));
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                            GSIZE_TO_POINTER (LIMBER_TYPE_ROUTINE_EDITOR), 5000));
  editor = limber_ui_test_find_toplevel (LIMBER_TYPE_ROUTINE_EDITOR);
  return LIMBER_ROUTINE_EDITOR (editor);
}

static GtkWidget *
save_button (LimberRoutineEditor *editor)
{
  GtkWidget *button = limber_ui_test_find_button (GTK_WIDGET (editor), "Save");

  g_assert_nonnull (button);
  return button;
}

static void
test_create (void)
{
  LimberRoutineEditor *editor = open_new_editor ();
  g_autofree char *path = user_file ("floor-plan");
  g_autoptr(GError) error = NULL;
  GtkEditable *hold;
  LimberRoutine *routine;
  GtkWidget *up;

  /* Nothing yet: it cannot be saved. */
  g_assert_nonnull (limber_routine_editor_get_error (editor));
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));

  gtk_editable_set_text (limber_routine_editor_get_field (editor, -1, "name"), "Floor plan");
  limber_routine_editor_add_step (editor, "cat-cow");
  limber_routine_editor_add_step (editor, "knee-to-chest");
  g_assert_cmpuint (limber_routine_editor_get_n_steps (editor), ==, 2);
  g_assert_null (limber_routine_editor_get_error (editor));

  /* The second step moves up with its button. */
  hold = limber_routine_editor_get_field (editor, 1, "hold");
  g_assert_nonnull (hold);
  up = gtk_widget_get_ancestor (GTK_WIDGET (hold), ADW_TYPE_PREFERENCES_GROUP);
  up = limber_ui_test_find_control (up, "Move Up");
  limber_ui_test_activate (up);
  g_assert_true (limber_ui_test_spin_until (first_step_is, hold, 5000));
  g_assert_true (limber_routine_editor_get_field (editor, 0, "hold") == hold);
  g_assert_null (limber_routine_editor_get_field (editor, 1, "hold"));

  /* Out of range: marked at the field, with the loader's reason; Save stays off. */
  gtk_editable_set_text (hold, "900");
  g_assert_cmpstr (limber_routine_editor_get_error (editor), ==,
                   "“hold” is 900 seconds; it must be from 1 to 600 seconds");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (hold), "error"));
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));
  g_assert_nonnull (limber_ui_test_find_label (GTK_WIDGET (editor),
                                               "“hold” is 900 seconds; it must be from 1 to 600 "
                                               "seconds"));
  g_assert_false (limber_routine_editor_save (editor, &error));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  limber_ui_test_save_screenshot (GTK_WINDOW (editor), "editor-invalid");

  gtk_editable_set_text (hold, "40");
  g_assert_null (limber_routine_editor_get_error (editor));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (hold), "error"));
  limber_ui_test_save_screenshot (GTK_WINDOW (editor), "editor-valid");
  limber_ui_test_activate (save_button (editor));
  g_assert_true (limber_ui_test_spin_until (has_no_toplevel,
                                            GSIZE_TO_POINTER (LIMBER_TYPE_ROUTINE_EDITOR), 5000));

  /* The file on disk loads with the catalog, as saved. */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  routine = limber_catalog_find_routine (catalog (), "floor-plan");
  g_assert_nonnull (routine);
  g_assert_cmpstr (limber_routine_get_path (routine), ==, path);
  g_assert_cmpuint (limber_routine_get_n_steps (routine), ==, 2);
  g_assert_cmpstr (limber_exercise_get_id (limber_routine_get_step_exercise (routine, 0)), ==,
                   "knee-to-chest");
  g_assert_cmpint (((LimberMove *) g_ptr_array_index (limber_routine_get_step_timing (routine, 0)->moves,
                                                      0))->duration_us, ==, 40 * G_USEC_PER_SEC);
  {
    g_autofree char *contents = NULL;
    gsize length;
    g_autoptr(LimberRoutine) again = NULL;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    again = limber_catalog_parse_routine (catalog (), path, contents, length, "floor-plan", &error);
    g_assert_no_error (error);
  }

  /* Listed without a restart, and it plays. */
  g_assert_true (limber_ui_test_spin_until (shows_label, "Floor plan", 5000));
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                  g_variant_new_string ("floor-plan"));
  g_assert_true (limber_ui_test_spin_until (screen_is_player, NULL, 5000));
  g_assert_cmpstr (limber_routine_get_id (
                     limber_stretch_session_get_routine (
                       limber_stretch_player_get_session (
                         limber_stretch_page_get_player (stretch_page ())))), ==, "floor-plan");
  limber_stretch_session_stop (limber_stretch_player_get_session (
                                 limber_stretch_page_get_player (stretch_page ())),
                               LIMBER_SESSION_OUTCOME_STOPPED);
}

/* Changed on disk while open: noticed, not overwritten, and offered for reloading. */
static void
test_changed_on_disk (void)
{
  LimberRoutine *routine = limber_catalog_find_routine (catalog (), "floor-plan");
  g_autofree char *path = user_file ("floor-plan");
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  LimberRoutineEditor *editor;

  g_assert_nonnull (routine);
  editor = LIMBER_ROUTINE_EDITOR (limber_stretch_page_open_editor (stretch_page (), routine, FALSE));
  g_assert_cmpstr (gtk_editable_get_text (limber_routine_editor_get_field (editor, -1, "name")), ==,
                   "Floor plan");
  gtk_editable_set_text (limber_routine_editor_get_field (editor, -1, "name"), "Mine");

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  changed = g_strjoinv ("Changed plan", g_strsplit (contents, "Floor plan", -1));
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  g_assert_true (limber_ui_test_spin_until (editor_has_conflict, editor, 10000));
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));
  g_assert_false (limber_routine_editor_save (editor, &error));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, changed);

  limber_ui_test_activate (limber_ui_test_find_button (GTK_WIDGET (editor), "Reload"));
  g_assert_true (limber_ui_test_spin_until (editor_has_no_conflict, editor, 5000));
  g_assert_cmpstr (gtk_editable_get_text (limber_routine_editor_get_field (editor, -1, "name")), ==,
                   "Changed plan");
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* A built-in routine becomes an editable copy with an id of its own. */
static void
test_duplicate (void)
{
  LimberRoutine *builtin = limber_catalog_find_routine (catalog (), "gentle-relief");
  LimberRoutineEditor *editor;
  g_autoptr(GError) error = NULL;

  editor = LIMBER_ROUTINE_EDITOR (limber_stretch_page_open_editor (stretch_page (), builtin, TRUE));
  g_assert_null (limber_routine_editor_get_error (editor));
  g_assert_true (gtk_widget_get_sensitive (limber_ui_test_find_of_type (GTK_WIDGET (editor),
                                                                        GTK_TYPE_SWITCH)));

  /* The bridge is not safe in the first days: the mark goes, and cannot be set again. */
  limber_routine_editor_add_step (editor, "bridge");
  g_assert_false (gtk_widget_get_sensitive (limber_ui_test_find_of_type (GTK_WIDGET (editor),
                                                                         GTK_TYPE_SWITCH)));
  {
    guint n = limber_routine_editor_get_n_steps (editor);
    GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (limber_routine_editor_get_field (editor, n - 1, "reps")),
                                                ADW_TYPE_PREFERENCES_GROUP);
    GtkWidget *first_days = limber_ui_test_find_of_type (GTK_WIDGET (editor), GTK_TYPE_SWITCH);

    limber_ui_test_activate (limber_ui_test_find_control (group, "Remove"));
    g_assert_true (limber_ui_test_spin_until ((LimberUiTestDone) gtk_widget_get_sensitive, first_days, 5000));
    g_assert_cmpuint (limber_routine_editor_get_n_steps (editor), ==, n - 1);
    gtk_switch_set_active (GTK_SWITCH (first_days), TRUE);
  }
  g_assert_true (limber_routine_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_nonnull (limber_catalog_find_routine (catalog (), "gentle-relief-2"));
  g_assert_true (limber_routine_get_first_days (limber_catalog_find_routine (catalog (),
                                                                             "gentle-relief-2")));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_delete_undo (void)
{
  g_autofree char *path = user_file ("gentle-relief-2");

  g_assert_true (limber_stretch_page_delete_routine (stretch_page (), "gentle-relief-2"));
  g_assert_null (limber_catalog_find_routine (catalog (), "gentle-relief-2"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The toast's own Undo button. */
  g_assert_true (limber_ui_test_spin_until (shows_button, "Undo", 5000));
  limber_ui_test_activate (limber_ui_test_find_button (GTK_WIDGET (window), "Undo"));
  g_assert_true (limber_ui_test_spin_until (has_routine, "gentle-relief-2", 5000));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_import (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "share", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *good = g_build_filename (dir, "good.json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bad,
                                      "{\n"
                                      "  \"id\": \"shared\",\n"
                                      "  \"name\": \"Shared\",\n"
                                      "  \"steps\": [\n"
                                      "    { \"exercise\": \"bridge\",\n"
                                      "      \"reps\": 0 }\n"
                                      "  ]\n"
                                      "}\n", -1, NULL));
  g_assert_false (limber_stretch_page_import (stretch_page (), bad_file, &error));
  expected = g_strdup_printf ("%s:6: “reps” is 0; it must be from 1 to 100", bad);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_null (limber_catalog_find_routine (catalog (), "shared"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (good,
                                      "{ \"id\": \"shared\", \"name\": \"Shared\",\n"
                                      "  \"steps\": [ { \"exercise\": \"bridge\", \"reps\": 5 } ] }\n",
                                      -1, NULL));
  g_assert_true (limber_stretch_page_import (stretch_page (), good_file, &error));
  g_assert_no_error (error);
  g_assert_nonnull (limber_catalog_find_routine (catalog (), "shared"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  limber_ui_test_init (&argc, &argv);

  window = limber_ui_test_start_app (&app);

  g_test_add_func ("/editor-ui/create", test_create);
  g_test_add_func ("/editor-ui/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/editor-ui/duplicate", test_duplicate);
  g_test_add_func ("/editor-ui/delete-undo", test_delete_undo);
  g_test_add_func ("/editor-ui/import", test_import);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
