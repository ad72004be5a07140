/* test-editor-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The routine editor in the real app, under Xvfb, driven through GTK (tests/test-editor.py
 * drives it through AT-SPI): a routine is made from the Stretch page's New Routine button with
 * two steps picked by their Add buttons, which are reordered with the Move Up button, by a drop
 * and by Alt+Up. A new routine shows no problem; every number is a spin button with its unit, the
 * tempo one for each move; an out-of-range hold typed and left is marked at its field in the
 * field's own words, without moving a row, and Save shows every problem at its field and writes
 * nothing; once fixed, Save writes the file the loader reads, the page lists it and
 * app.start-routine plays it. New Routine pressed twice shows one editor. Closing with unsaved changes asks first. A file changed on disk
 * while it is open is not overwritten; an export reads back as the same routine; a deleted
 * routine comes back with Undo; a bad file is refused on import with its line and reason.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <malloc.h>
#include <sys/stat.h>

#include "limber-application.h"
#include "limber-editor-step.h"
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
shows_no_label (gpointer text)
{
  return !shows_label (text);
}

static gboolean
shows_no_button (gpointer text)
{
  return !shows_button (text);
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

/* For limber_ui_test_spin_until(): the Stretch page shows @name ("routines", "player"). */
static gboolean
screen_is (gpointer name)
{
  return g_str_equal (limber_stretch_page_get_screen (stretch_page ()), name);
}

static gboolean
has_steps (gpointer n)
{
  LimberRoutineEditor *editor =
    LIMBER_ROUTINE_EDITOR (limber_ui_test_find_toplevel (LIMBER_TYPE_ROUTINE_EDITOR));

  return limber_routine_editor_get_n_steps (editor) == GPOINTER_TO_UINT (n);
}

/* Answers the message dialog shown (@dialog, or the one found) with its button, as a user does. */
static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  if (dialog == NULL)
    dialog = ADW_MESSAGE_DIALOG (limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  limber_ui_test_activate (limber_ui_test_find_button (GTK_WIDGET (dialog), label));
}

/* Stops the session playing and goes back to the routines with the finish screen's button. */
static void
stop_and_return (void)
{
  limber_stretch_session_stop (limber_stretch_player_get_session (
                                 limber_stretch_page_get_player (stretch_page ())),
                               LIMBER_SESSION_OUTCOME_STOPPED);
  g_assert_true (limber_ui_test_spin_until (shows_button, "Back to Routines", 10000));
  limber_ui_test_activate (limber_ui_test_find_button (GTK_WIDGET (window), "Back to Routines"));
  g_assert_true (limber_ui_test_spin_until (screen_is, "routines", 10000));
}

static LimberRoutineEditor *
open_new_editor (void)
{
  GtkWindow *editor;

  limber_window_show_page (window, LIMBER_PAGE_STRETCH);
  g_assert_true (limber_ui_test_spin_until (shows_button, "New Routine", 10000));
  limber_ui_test_activate (limber_ui_test_find_button (GTK_WIDGET (window), "New Routine"));
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                            GSIZE_TO_POINTER (LIMBER_TYPE_ROUTINE_EDITOR), 10000));
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

static GtkWidget *
step_group (LimberRoutineEditor *editor,
            guint                index)
{
  const char *members[] = { "hold", "reps", "duration" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      GtkEditable *field = limber_routine_editor_get_field (editor, index, members[i]);

      if (field != NULL)
        return gtk_widget_get_ancestor (GTK_WIDGET (field), ADW_TYPE_PREFERENCES_GROUP);
    }
  g_assert_not_reached ();
}

/* The first widget at or below @widget with the "error" style class, or %NULL. */
static GtkWidget *
find_error (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "error") && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types @text into @field as a person does, then leaves it for the Name field. */
static void
type_and_leave (LimberRoutineEditor *editor,
                GtkEditable         *field,
                const char          *text)
{
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (field)));
  gtk_editable_set_text (field, text);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (limber_routine_editor_get_field (editor, -1,
                                                                                      "name"))));
}

/* The height @widget takes at its width now. */
static int
height_of (GtkWidget *widget)
{
  int height = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget), NULL,
                      &height, NULL, NULL);
  return height;
}

static GtkWidget *
row_of (GtkEditable *field)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (field), ADW_TYPE_ACTION_ROW);
}

static gboolean
has_error_class (gpointer widget)
{
  return gtk_widget_has_css_class (widget, "error");
}

static guint
n_editors (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      n += LIMBER_IS_ROUTINE_EDITOR (toplevel);
    }
  return n;
}

/* Every number is a spin button with its unit; the tempo has one for each move, named. The
 * steps are knee-to-chest (whose Hold is @hold) and cat-cow. */
static void
check_numbers (LimberRoutineEditor *editor,
               GtkEditable         *hold)
{
  GtkEditable *rounds = limber_routine_editor_get_field (editor, 0, "rounds");
  GtkWidget *cow = limber_ui_test_find_label (step_group (editor, 1), "Cow");
  GtkWidget *cow_spin;
  g_autofree char *text = NULL;

  g_assert_true (GTK_IS_SPIN_BUTTON (hold));
  g_assert_nonnull (limber_ui_test_find_label (row_of (hold), "s"));
  g_assert_nonnull (limber_ui_test_find_label (row_of (rounds), "×"));
  g_assert_nonnull (limber_ui_test_find_label (step_group (editor, 1), "Cat"));
  g_assert_nonnull (cow);
  cow_spin = limber_ui_test_find_of_type (gtk_widget_get_ancestor (cow, ADW_TYPE_ACTION_ROW),
                                          GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (cow_spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cow_spin), 6);
  text = limber_routine_editor_dup_text (editor);
  g_assert_nonnull (strstr (text, "\"tempo\": [5, 6]"));

  /* A number typed and not yet entered is kept when the steps are laid out again. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (rounds)));
  gtk_editable_set_text (rounds, "3");
  limber_routine_editor_move_step (editor, 1, -1);
  limber_routine_editor_move_step (editor, 0, 1);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (rounds)), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (rounds), ==, "3");
}

/* Out of range, typed: not marked while it is typed; once left, marked at the field, in the
 * field's own words, in place of its hint, so that no row moves. */
static void
check_hold_refused (LimberRoutineEditor *editor,
                    GtkEditable         *hold)
{
  GtkWidget *row = row_of (hold);
  GtkWidget *header = gtk_widget_get_first_child (gtk_widget_get_parent (row));
  int row_height = height_of (row);
  int header_height = height_of (header);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (hold)));
  gtk_editable_set_text (hold, "900");
  g_assert_null (find_error (GTK_WIDGET (editor)));
  type_and_leave (editor, hold, "900");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (hold)), ==, 900);
  g_assert_cmpstr (limber_routine_editor_get_error (editor), ==, "Hold: 1 to 600 seconds");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Hold: 1 to 600 seconds");
  g_assert_nonnull (limber_ui_test_find_label (row, "Hold: 1 to 600 seconds"));
  g_assert_true (find_error (GTK_WIDGET (editor)) == row);
  g_assert_cmpint (height_of (row), ==, row_height);
  g_assert_cmpint (height_of (header), ==, header_height);
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

  /* Nothing yet: it cannot be saved, but nothing was typed, so nothing is marked wrong. */
  g_assert_nonnull (limber_routine_editor_get_error (editor));
  g_assert_null (find_error (GTK_WIDGET (editor)));
  g_assert_null (limber_ui_test_find_label_containing (GTK_WIDGET (editor), "cannot be empty"));

  gtk_editable_set_text (limber_routine_editor_get_field (editor, -1, "name"), "Floor plan");
  limber_ui_test_activate (limber_ui_test_find_control (GTK_WIDGET (editor), "Add Cat-Cow"));
  g_assert_true (limber_ui_test_spin_until (has_steps, GUINT_TO_POINTER (1), 10000));
  limber_ui_test_activate (limber_ui_test_find_control (GTK_WIDGET (editor), "Add Knee to Chest"));
  g_assert_true (limber_ui_test_spin_until (has_steps, GUINT_TO_POINTER (2), 10000));
  g_assert_cmpuint (limber_routine_editor_get_n_steps (editor), ==, 2);
  g_assert_null (limber_routine_editor_get_error (editor));

  /* The second step moves up with its button. */
  hold = limber_routine_editor_get_field (editor, 1, "hold");
  g_assert_nonnull (hold);
  up = gtk_widget_get_ancestor (GTK_WIDGET (hold), ADW_TYPE_PREFERENCES_GROUP);
  up = limber_ui_test_find_control (up, "Move Knee to Chest Up");
  limber_ui_test_activate (up);
  g_assert_true (limber_ui_test_spin_until (first_step_is, hold, 10000));
  g_assert_true (limber_routine_editor_get_field (editor, 0, "hold") == hold);
  g_assert_null (limber_routine_editor_get_field (editor, 1, "hold"));

  /* Knee to Chest, done on each side, may be done on one alone; cat-cow has no sides to pick. */
  {
    GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (hold), ADW_TYPE_PREFERENCES_GROUP);
    GtkWidget *other = gtk_widget_get_ancestor (GTK_WIDGET (limber_routine_editor_get_field (editor, 1, "duration")),
                                                ADW_TYPE_PREFERENCES_GROUP);
    GtkWidget *sides = limber_ui_test_find_of_type (group, ADW_TYPE_COMBO_ROW);
    g_autofree char *text = NULL;

    g_assert_nonnull (sides);
    g_assert_null (limber_ui_test_find_of_type (other, ADW_TYPE_COMBO_ROW));
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (sides)), ==, LIMBER_SIDES_BOTH);
    adw_combo_row_set_selected (ADW_COMBO_ROW (sides), LIMBER_SIDES_LEFT);
    text = limber_routine_editor_dup_text (editor);
    g_assert_nonnull (strstr (text, "\"sides\": \"left\""));
  }

  check_numbers (editor, hold);
  check_hold_refused (editor, hold);
  /* Save writes nothing while there is a problem. */
  g_assert_true (gtk_widget_get_sensitive (save_button (editor)));
  g_assert_false (limber_routine_editor_save (editor, &error));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  limber_ui_test_save_screenshot (GTK_WINDOW (editor), "editor-invalid");

  type_and_leave (editor, hold, "40");
  g_assert_null (limber_routine_editor_get_error (editor));
  g_assert_null (find_error (GTK_WIDGET (editor)));
  limber_ui_test_save_screenshot (GTK_WINDOW (editor), "editor-valid");
  g_assert_true (limber_routine_editor_has_changes (editor));
  limber_ui_test_activate (save_button (editor));
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_no_toplevel,
                                            GSIZE_TO_POINTER (LIMBER_TYPE_ROUTINE_EDITOR), 10000));

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
  g_assert_cmpint (limber_routine_get_step_timing (routine, 0)->sides, ==, LIMBER_SIDES_LEFT);
  {
    g_autofree char *contents = NULL;
    gsize length;
    g_autoptr(LimberRoutine) again = NULL;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    again = limber_catalog_parse_routine (catalog (), path, contents, length, "floor-plan", &error);
    g_assert_no_error (error);
  }

  /* Listed without a restart, and it plays. */
  g_assert_true (limber_ui_test_spin_until (shows_label, "Floor plan", 10000));
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                  g_variant_new_string ("floor-plan"));
  g_assert_true (limber_ui_test_spin_until (screen_is, "player", 10000));
  g_assert_cmpstr (limber_routine_get_id (
                     limber_stretch_session_get_routine (
                       limber_stretch_player_get_session (
                         limber_stretch_page_get_player (stretch_page ())))), ==, "floor-plan");
  stop_and_return ();
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* The first controller of @type on @widget or below it: the drag handle's. */
static gpointer
find_controller_below (GtkWidget *widget,
                       GType      type)
{
  gpointer found = find_controller (widget, type);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); found == NULL && child != NULL;
       child = gtk_widget_get_next_sibling (child))
    found = find_controller_below (child, type);
  return found;
}

static char *
step_ids (LimberRoutineEditor *editor)
{
  g_autoptr(GString) ids = g_string_new ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = limber_routine_editor_dup_text (editor);
  g_autoptr(LimberRoutine) routine =
    limber_catalog_parse_routine (catalog (), "check.json", text, strlen (text), NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < limber_routine_get_n_steps (routine); i++)
    g_string_append_printf (ids, i == 0 ? "%s" : " %s",
                            limber_exercise_get_id (limber_routine_get_step_exercise (routine, i)));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* Activates the shortcut of @group's own controller whose trigger reads @trigger. */
static void
press_shortcut (GtkWidget  *group,
                const char *trigger)
{
  GListModel *shortcuts = G_LIST_MODEL (find_controller (group, GTK_TYPE_SHORTCUT_CONTROLLER));
  gboolean found = FALSE;

  g_assert_nonnull (shortcuts);
  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
      g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

      if (g_str_equal (text, trigger))
        {
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       group, NULL));
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* Steps put in order by dropping one on another, and with Alt+Up and Alt+Down. */
static void
test_reorder (void)
{
  LimberRoutineEditor *editor = open_new_editor ();
  GtkDropTarget *drop;
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;
  g_autofree char *after_drop = NULL;
  g_autofree char *after_up = NULL;
  g_autofree char *after_down = NULL;

  gtk_editable_set_text (limber_routine_editor_get_field (editor, -1, "name"), "Order");
  limber_routine_editor_add_step (editor, "knee-to-chest");
  limber_routine_editor_add_step (editor, "cat-cow");
  limber_routine_editor_add_step (editor, "pelvic-tilt");

  /* The third dropped on the first takes its place. */
  drop = find_controller (step_group (editor, 0), GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (drop);
  g_assert_nonnull (find_controller_below (step_group (editor, 2), GTK_TYPE_DRAG_SOURCE));
  g_value_init (&value, LIMBER_TYPE_EDITOR_STEP);
  g_value_set_object (&value, step_group (editor, 2));
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
  after_drop = step_ids (editor);
  g_assert_cmpstr (after_drop, ==, "pelvic-tilt knee-to-chest cat-cow");

  /* Alt+Up on the last step, then Alt+Down on the first. */
  press_shortcut (step_group (editor, 2), "<Alt>Up");
  after_up = step_ids (editor);
  g_assert_cmpstr (after_up, ==, "pelvic-tilt cat-cow knee-to-chest");

  press_shortcut (step_group (editor, 0), "<Alt>Down");
  after_down = step_ids (editor);
  g_assert_cmpstr (after_down, ==, "cat-cow pelvic-tilt knee-to-chest");

  /* The first step cannot go further up. */
  g_assert_false (gtk_widget_get_sensitive (limber_ui_test_find_control (step_group (editor, 0),
                                                                         "Move Cat-Cow Up")));
  /* Closing here asks first; the answer "Discard" closes it with nothing written. */
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                            GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 10000));
  respond (NULL, "Discard");
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_no_toplevel,
                                            GSIZE_TO_POINTER (LIMBER_TYPE_ROUTINE_EDITOR), 10000));
  g_assert_null (limber_catalog_find_routine (catalog (), "order"));
}

/* Save on a new routine shows every problem at its field, in the field's own words; New Routine
 * pressed again shows the editor already open. */
static void
test_save_shows_problems (void)
{
  LimberRoutineEditor *editor = open_new_editor ();
  GtkWidget *name = GTK_WIDGET (limber_routine_editor_get_field (editor, -1, "name"));
  GtkWidget *total;

  g_assert_null (find_error (GTK_WIDGET (editor)));
  /* Clicked at once, twice (a button activated by the keyboard is clicked later). */
  {
    GtkWidget *button = limber_ui_test_find_button (GTK_WIDGET (stretch_page ()), "New Routine");

    g_signal_emit_by_name (button, "clicked");
    g_signal_emit_by_name (button, "clicked");
  }
  g_assert_cmpuint (n_editors (), ==, 1);
  g_assert_true (limber_ui_test_find_toplevel (LIMBER_TYPE_ROUTINE_EDITOR) == GTK_WINDOW (editor));

  /* A button pressed by the keyboard is clicked once it has shown itself pressed. */
  limber_ui_test_activate (save_button (editor));
  g_assert_true (limber_ui_test_spin_until (has_error_class, name, 10000));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (name)), ==,
                   "Name: cannot be empty");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), name));
  total = gtk_widget_get_ancestor (limber_ui_test_find_label (GTK_WIDGET (editor), "Total"),
                                   ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (total)), ==,
                   "Steps: 1 to 50 exercises");
  g_assert_true (gtk_widget_has_css_class (total, "error"));

  /* Fixed, each problem goes as its field is. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Shown");
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (name)), ==, "Name");
  limber_routine_editor_add_step (editor, "plank");
  g_assert_null (find_error (GTK_WIDGET (editor)));
  g_assert_null (limber_routine_editor_get_error (editor));

  /* Two problems in two steps, both shown once Save is pressed, each at its own step. */
  limber_routine_editor_add_step (editor, "bridge");
  {
    GtkEditable *rest = limber_routine_editor_get_field (editor, 0, "rest");
    GtkEditable *reps = limber_routine_editor_get_field (editor, 1, "reps");

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (rest), 900);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (reps), 0);
    limber_ui_test_activate (save_button (editor));
    g_assert_true (limber_ui_test_spin_until (has_error_class, row_of (reps), 10000));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_of (rest))), ==,
                     "Rest: 0 to 600 seconds");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_of (reps))), ==,
                     "Reps: 1 to 100");
  }
  g_assert_null (limber_catalog_find_routine (catalog (), "shown"));

  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_cmpuint (n_editors (), ==, 0);
}

/* Closing with changes not saved asks, and each answer does what it says. */
static void
test_unsaved (void)
{
  LimberRoutineEditor *editor = open_new_editor ();
  AdwMessageDialog *dialog;
  g_autofree char *path = user_file ("kept");

  /* Nothing changed: it closes without a question. */
  g_assert_false (limber_routine_editor_has_changes (editor));
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_no_toplevel,
                                            GSIZE_TO_POINTER (LIMBER_TYPE_ROUTINE_EDITOR), 10000));
  g_assert_false (limber_ui_test_has_toplevel (GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));

  /* Half made, it cannot be saved: the question says why, and Cancel keeps the editor. */
  editor = open_new_editor ();
  gtk_editable_set_text (limber_routine_editor_get_field (editor, -1, "name"), "Kept");
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                            GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 10000));
  dialog = ADW_MESSAGE_DIALOG (limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "It cannot be saved yet"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  respond (dialog, "Cancel");
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_no_toplevel,
                                            GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 10000));
  g_assert_true (limber_ui_test_has_toplevel (GSIZE_TO_POINTER (LIMBER_TYPE_ROUTINE_EDITOR)));

  /* Completed, Ctrl+W asks again, and Save saves and closes. */
  limber_routine_editor_add_step (editor, "pelvic-tilt");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                            GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 10000));
  dialog = ADW_MESSAGE_DIALOG (limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  respond (dialog, "Save");
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_no_toplevel,
                                            GSIZE_TO_POINTER (LIMBER_TYPE_ROUTINE_EDITOR), 10000));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (limber_catalog_find_routine (catalog (), "kept"));
  g_assert_true (limber_stretch_page_delete_routine (stretch_page (), "kept"));
}

/* Exported, the file is the routine as saved; imported back beside it, it is refused with the
 * reason, and imported in its place, it plays. */
static void
test_export (void)
{
  LimberRoutine *routine = limber_catalog_find_routine (catalog (), "floor-plan");
  g_autofree char *saved_path = user_file ("floor-plan");
  g_autofree char *out = g_build_filename (g_get_user_data_dir (), "share", "floor-plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autofree char *saved = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  LimberRoutineEditor *editor;
  AdwMessageDialog *dialog;

  g_assert_nonnull (routine);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  {
    g_autofree char *share = g_path_get_dirname (out);

    g_assert_cmpint (g_mkdir_with_parents (share, 0700), ==, 0);
  }
  editor = LIMBER_ROUTINE_EDITOR (limber_stretch_page_open_editor (stretch_page (), routine, FALSE));
  g_assert_true (limber_routine_editor_export (editor, file, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_true (g_file_get_contents (saved_path, &saved, NULL, NULL));
  g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
  g_assert_cmpstr (exported, ==, saved);

  /* Its id is taken while the routine is there. */
  limber_stretch_page_import_file (stretch_page (), file);
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                            GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 10000));
  dialog = ADW_MESSAGE_DIALOG (limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import Routine");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "floor-plan.json, line 2: the id “floor-plan” is already used"));
  respond (dialog, "Close");
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_no_toplevel,
                                            GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 10000));

  g_assert_true (limber_stretch_page_delete_routine (stretch_page (), "floor-plan"));
  g_assert_null (limber_catalog_find_routine (catalog (), "floor-plan"));
  limber_stretch_page_import_file (stretch_page (), file);
  g_assert_true (limber_ui_test_spin_until (has_routine, "floor-plan", 10000));
  /* After the toasts of the deletes before it, each shown for its time. */
  g_assert_true (limber_ui_test_spin_until (shows_label, "Imported floor-plan.json", 30000));
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                  g_variant_new_string ("floor-plan"));
  g_assert_true (limber_ui_test_spin_until (screen_is, "player", 10000));
  stop_and_return ();
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
  g_assert_true (limber_ui_test_spin_until (editor_has_no_conflict, editor, 10000));
  g_assert_cmpstr (gtk_editable_get_text (limber_routine_editor_get_field (editor, -1, "name")), ==,
                   "Changed plan");

  /* The file replaced by a pipe while the editor is open: reading it, to compare or to reload,
   * waited for a writer for ever and froze the app. Now the editor reads as the loader does,
   * sees that the file changed, and a reload leaves it with the text it has. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_assert_true (limber_ui_test_spin_until (editor_has_conflict, editor, 10000));
  limber_routine_editor_reload (editor);
  g_assert_false (limber_routine_editor_has_conflict (editor));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
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
  g_assert_cmpstr (gtk_editable_get_text (limber_routine_editor_get_field (editor, -1, "name")), ==,
                   "Gentle Relief (copy)");
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
    g_assert_true (limber_ui_test_spin_until ((LimberUiTestDone) gtk_widget_get_sensitive,
                                              first_days, 10000));
    g_assert_cmpuint (limber_routine_editor_get_n_steps (editor), ==, n - 1);
    gtk_switch_set_active (GTK_SWITCH (first_days), TRUE);
  }
  g_assert_true (limber_routine_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_nonnull (limber_catalog_find_routine (catalog (), "gentle-relief-copy"));
  g_assert_true (limber_routine_get_first_days (limber_catalog_find_routine (catalog (),
                                                                             "gentle-relief-copy")));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* A busy machine: the main loop is held up past the end of a toast's slide-in and of its
 * fade-out, so the next frame finds both over. libadwaita 1.2 then ended the fade-out first,
 * freed the toast's state, and crashed ending the slide-in (issue 23; 2 runs in 15 with three
 * copies of this test in parallel; every run with this stall). */
static void
busy_machine (void)
{
  g_usleep (700 * 1000);
}

static void
test_delete_undo (void)
{
  g_autofree char *path = user_file ("gentle-relief-copy");
  GtkWidget *undo;

  /* Another toast is up (after those of the tests before, each shown for its time): the Undo
   * toast takes its place at once, while the other one still slides in. */
  limber_window_add_toast (window, "Earlier news");
  g_assert_true (limber_ui_test_spin_until (shows_label, "Earlier news", 30000));

  g_assert_true (limber_stretch_page_delete_routine (stretch_page (), "gentle-relief-copy"));
  busy_machine ();
  g_assert_null (limber_catalog_find_routine (catalog (), "gentle-relief-copy"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The toast's own Undo button, pressed as soon as it appears, while it slides in, and the
   * machine busy again. The earlier toast is gone by then. */
  g_assert_true (limber_ui_test_spin_until (shows_button, "Undo", 10000));
  g_assert_false (shows_label ("Earlier news"));
  undo = limber_ui_test_find_button (GTK_WIDGET (window), "Undo");
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_signal_emit_by_name (undo, "clicked");
  busy_machine ();
  g_assert_true (limber_ui_test_spin_until (has_routine, "gentle-relief-copy", 10000));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The Undo toast fades out, and the earlier one does not come back. */
  g_assert_true (limber_ui_test_spin_until (shows_no_label, "Earlier news", 10000));
  g_assert_true (limber_ui_test_spin_until (shows_no_button, "Undo", 10000));
  /* The file restored stays: the toast's end does not delete it again. */
  limber_ui_test_spin_for (200);
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

  /* A pipe is refused before it is read: reading one with no writer would never end. */
  {
    g_autofree char *pipe = g_build_filename (dir, "pipe.json", NULL);
    g_autoptr(GFile) pipe_file = g_file_new_for_path (pipe);
    g_autofree char *reason = g_strdup_printf ("%s:0: not a regular file", pipe);

    g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
    g_assert_false (limber_stretch_page_import (stretch_page (), pipe_file, &error));
    g_assert_cmpstr (error->message, ==, reason);
    g_clear_error (&error);
    g_unlink (pipe);
  }

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

  /* Through the page, the reason is shown in a dialog, naming the file and the line. */
  limber_stretch_page_import_file (stretch_page (), bad_file);
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                            GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 10000));
  {
    AdwMessageDialog *dialog =
      ADW_MESSAGE_DIALOG (limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                     "bad.json, line 6: “reps” is 0; it must be from 1 to 100");
    respond (dialog, "Close");
  }
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_no_toplevel,
                                            GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 10000));
  g_assert_null (limber_catalog_find_routine (catalog (), "shared"));

  g_assert_true (g_file_set_contents (good,
                                      "{ \"id\": \"shared\", \"name\": \"Shared\",\n"
                                      "  \"steps\": [ { \"exercise\": \"bridge\", \"reps\": 5 } ] }\n",
                                      -1, NULL));
  g_assert_true (limber_stretch_page_import (stretch_page (), good_file, &error));
  g_assert_no_error (error);
  g_assert_nonnull (limber_catalog_find_routine (catalog (), "shared"));
}

static guint
n_message_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      n += ADW_IS_MESSAGE_DIALOG (toplevel);
    }

  return n;
}

/* 300 bad files opened at once stacked 300 dialogs: one dialog lists the first ten and counts
 * the rest, and files opened while it is up join it rather than open another. The good ones
 * are imported, with one toast. */
static void
test_import_many (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "share-many", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) late = NULL;
  g_auto(GStrv) lines = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%03u.json", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (path, "{ \"id\": \"x\" ", -1, NULL));
      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("many-%u.json", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = g_strdup_printf ("{ \"id\": \"many-%u\", \"name\": \"Many %u\", "
                                               "\"steps\": [{ \"exercise\": \"bridge\" }] }",
                                               i, i);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  limber_window_import_routines (window, (GFile **) files->pdata, files->len);
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                            GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 10000));
  g_assert_true (limber_ui_test_spin_until (shows_label, "Imported 2 routines", 30000));
  g_assert_nonnull (limber_catalog_find_routine (catalog (), "many-0"));
  g_assert_nonnull (limber_catalog_find_routine (catalog (), "many-1"));

  late = g_object_ref (g_ptr_array_index (files, 0));
  limber_window_import_routines (window, &late, 1);
  limber_ui_test_spin_for (200);
  g_assert_cmpuint (n_message_dialogs (), ==, 1);

  dialog = ADW_MESSAGE_DIALOG (limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import Routines");
  body = adw_message_dialog_get_body (dialog);
  g_assert_true (g_str_has_prefix (body, "bad-000.json, line 1: "));
  g_assert_true (g_str_has_suffix (body, "\n…and 291 more files"));
  lines = g_strsplit (body, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 11);
  respond (dialog, "Close");
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_no_toplevel,
                                            GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 10000));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Freed memory is overwritten, so a use after free (such as libadwaita 1.2's toast state, see
   * test_delete_undo()) crashes every time rather than by chance. */
  mallopt (M_PERTURB, 0x55);

  limber_ui_test_init (&argc, &argv);

  window = limber_ui_test_start_app (&app);

  g_test_add_func ("/editor-ui/create", test_create);
  g_test_add_func ("/editor-ui/save-shows-problems", test_save_shows_problems);
  g_test_add_func ("/editor-ui/reorder", test_reorder);
  g_test_add_func ("/editor-ui/unsaved", test_unsaved);
  g_test_add_func ("/editor-ui/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/editor-ui/export", test_export);
  g_test_add_func ("/editor-ui/duplicate", test_duplicate);
  g_test_add_func ("/editor-ui/delete-undo", test_delete_undo);
  g_test_add_func ("/editor-ui/import", test_import);
  g_test_add_func ("/editor-ui/import-many", test_import_many);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
