/* limber-routine-editor-steps.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-routine-editor-private.h"

/*
 * The routine editor's steps: the exercises to add, each with its Add button, and the steps
 * (LimberEditorStep), which move by their buttons, by Alt+Up and Alt+Down, and by dragging one
 * onto another, and go with their Remove button.
 */

static guint
step_index (LimberRoutineEditor *self,
            LimberEditorStep    *step)
{
  guint index;

  return g_ptr_array_find (self->steps, step, &index) ? index : G_MAXUINT;
}

/* Puts the steps back on the page in their order, after the routine's own rows. */
static void
relayout_steps (LimberRoutineEditor *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (self->page);

  /* A spin button taken off the page shows its value again, losing a number typed and not yet
   * entered: it is entered first. */
  for (guint i = 0; i < self->steps->len; i++)
    limber_editor_step_commit (g_ptr_array_index (self->steps, i));
  adw_preferences_page_remove (page, ADW_PREFERENCES_GROUP (self->add_group));
  adw_preferences_page_remove (page, ADW_PREFERENCES_GROUP (self->export_group));
  for (guint i = 0; i < self->steps->len; i++)
    {
      LimberEditorStep *step = g_ptr_array_index (self->steps, i);

      if (gtk_widget_get_parent (GTK_WIDGET (step)) != NULL)
        adw_preferences_page_remove (page, ADW_PREFERENCES_GROUP (step));
      limber_editor_step_set_position (step, i, self->steps->len);
    }
  for (guint i = 0; i < self->steps->len; i++)
    adw_preferences_page_add (page, g_ptr_array_index (self->steps, i));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (self->add_group));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (self->export_group));
}

/**
 * limber_routine_editor_move_step_to:
 *
 * Puts the step at @from at @to, the others keeping their order.
 */
void
limber_routine_editor_move_step_to (LimberRoutineEditor *self,
                                    guint                from,
                                    guint                to)
{
  gpointer step;

  g_return_if_fail (LIMBER_IS_ROUTINE_EDITOR (self));
  if (from >= self->steps->len || to >= self->steps->len || from == to)
    return;

  step = g_ptr_array_steal_index (self->steps, from);
  g_ptr_array_insert (self->steps, to, step);
  relayout_steps (self);
  limber_routine_editor_validate (self);
}

void
limber_routine_editor_move_step (LimberRoutineEditor *self,
                                 guint                index,
                                 int                  delta)
{
  guint to = index + delta;
  LimberEditorStep *step;

  g_return_if_fail (LIMBER_IS_ROUTINE_EDITOR (self));
  if (index >= self->steps->len || to >= self->steps->len)
    return;

  step = g_ptr_array_index (self->steps, index);
  limber_routine_editor_move_step_to (self, index, to);
  /* Keep the keyboard on the step that moved. */
  limber_editor_step_focus_button (step, delta);
}

static void
on_step_move (LimberEditorStep    *step,
              int                  delta,
              LimberRoutineEditor *self)
{
  limber_routine_editor_move_step (self, step_index (self, step), delta);
}

/* A step dropped on another takes its place. */
static void
on_step_dropped (LimberEditorStep    *target,
                 LimberEditorStep    *source,
                 LimberRoutineEditor *self)
{
  guint from = step_index (self, source);
  guint to = step_index (self, target);

  if (from != G_MAXUINT && to != G_MAXUINT)
    limber_routine_editor_move_step_to (self, from, to);
}

static void
on_step_remove (LimberEditorStep    *step,
                LimberRoutineEditor *self)
{
  guint index = step_index (self, step);

  if (index == G_MAXUINT)
    return;
  adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (step));
  g_ptr_array_remove_index (self->steps, index);
  relayout_steps (self);
  gtk_widget_grab_focus (self->first_add);
  limber_routine_editor_validate (self);
}

/* A value changed by its buttons is edited and done with; one typed, once the field is left. */
static void
on_step_changed (LimberEditorStep    *step,
                 GtkWidget           *field,
                 LimberRoutineEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->loading)
    return;
  if (field != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, field)))
    limber_routine_editor_touch (self, field);
  limber_routine_editor_validate (self);
}

void
limber_routine_editor_append_step (LimberRoutineEditor *self,
                                   LimberExercise      *exercise,
                                   const LimberTiming  *timing)
{
  /* Kept while the steps are put in a new order. */
  LimberEditorStep *step = g_object_ref_sink (limber_editor_step_new (exercise, timing));

  g_signal_connect_object (step, "changed", G_CALLBACK (on_step_changed), self, 0);
  g_signal_connect_object (step, "move", G_CALLBACK (on_step_move), self, 0);
  g_signal_connect_object (step, "remove", G_CALLBACK (on_step_remove), self, 0);
  g_signal_connect_object (step, "dropped", G_CALLBACK (on_step_dropped), self, 0);
  g_ptr_array_add (self->steps, step);
  relayout_steps (self);
}

void
limber_routine_editor_add_step (LimberRoutineEditor *self,
                                const char          *exercise_id)
{
  LimberExercise *exercise;

  g_return_if_fail (LIMBER_IS_ROUTINE_EDITOR (self));

  exercise = limber_catalog_find_exercise (self->catalog, exercise_id);
  g_return_if_fail (exercise != NULL);
  limber_routine_editor_append_step (self, exercise, limber_exercise_get_timing (exercise));
  limber_routine_editor_validate (self);
}

static void
on_add_clicked (GtkButton      *button,
                LimberExercise *exercise)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (gtk_widget_get_root (GTK_WIDGET (button)));

  limber_routine_editor_add_step (self, limber_exercise_get_id (exercise));
}

/* "Safe in the first days" can be on only when every step is. */
void
limber_routine_editor_update_first_days (LimberRoutineEditor *self)
{
  gboolean allowed = self->steps->len > 0;

  for (guint i = 0; i < self->steps->len; i++)
    allowed &= limber_exercise_get_first_days (
      limber_editor_step_get_exercise (g_ptr_array_index (self->steps, i)));

  if (!allowed)
    gtk_switch_set_active (GTK_SWITCH (self->first_days_switch), FALSE);
  gtk_widget_set_sensitive (self->first_days_switch, allowed);
}

void
limber_routine_editor_fill (LimberRoutineEditor *self,
                            LimberRoutine       *routine)
{
  self->loading = TRUE;
  while (self->steps->len > 0)
    {
      adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page),
                                   g_ptr_array_index (self->steps, 0));
      g_ptr_array_remove_index (self->steps, 0);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), limber_routine_get_name (routine));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         limber_routine_get_description (routine));
  for (guint i = 0; i < limber_routine_get_n_steps (routine); i++)
    limber_routine_editor_append_step (self, limber_routine_get_step_exercise (routine, i),
                                       limber_routine_get_step_timing (routine, i));
  limber_routine_editor_update_first_days (self);
  gtk_switch_set_active (GTK_SWITCH (self->first_days_switch),
                         limber_routine_get_first_days (routine));
  self->loading = FALSE;
  limber_routine_editor_validate (self);
}

/* @name tells a screen reader which exercise the button is for. */
static GtkWidget *
add_button (const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");
  /* Translators: the accessible name of an exercise's Add button in the routine editor. */
  g_autofree char *label = g_strdup_printf (_("Add %s"), name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Add"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

/* The label as the button's child, so that the accessible name is the label without its
 * underline (GTK 4.8 names a use-underline button "_Save Save"). */
static GtkWidget *
mnemonic_button (const char *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *child = gtk_label_new_with_mnemonic (label);

  gtk_label_set_mnemonic_widget (GTK_LABEL (child), button);
  gtk_button_set_child (GTK_BUTTON (button), child);
  return button;
}

/* The exercises to pick from, each with its own Add button, and Export below the steps. */
void
limber_routine_editor_build_lists (LimberRoutineEditor *self)
{
  g_autoptr(GPtrArray) exercises = limber_catalog_list_exercises (self->catalog);
  GtkWidget *export_button;

  self->add_group = g_object_ref_sink (adw_preferences_group_new ());
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->add_group), _("Add Exercises"));
  for (guint i = 0; i < exercises->len; i++)
    {
      LimberExercise *exercise = g_ptr_array_index (exercises, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = add_button (limber_exercise_get_name (exercise));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     limber_exercise_get_name (exercise));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   limber_exercise_get_first_days (exercise)
                                   ? _("Safe in the first days") : _("After the first 3 days"));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_add_clicked), exercise, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->add_group), row);
      if (self->first_add == NULL)
        self->first_add = button;
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                            ADW_PREFERENCES_GROUP (self->add_group));

  /* Sharing, below the routine it shares. */
  self->export_group = g_object_ref_sink (adw_preferences_group_new ());
  export_button = mnemonic_button (_("_Export…"));
  gtk_widget_set_halign (export_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (export_button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export_button), "editor.export");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->export_group), export_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                            ADW_PREFERENCES_GROUP (self->export_group));
}

guint
limber_routine_editor_get_n_steps (LimberRoutineEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), 0);
  return self->steps->len;
}
