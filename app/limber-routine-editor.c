/* limber-routine-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-routine-editor-private.h"

/*
 * The routine editor: a routine's name, description, "safe in the first days" mark and steps,
 * each step's timing per its exercise's mode. The fields are written out as the text of a
 * routine file (limber-routine-editor-file.c), and that text is checked by the catalog's own
 * reader (limber_catalog_check_routine), the same code that loads the user's files: the reader
 * names the field of a problem and what its value must be, and the problem is shown at that
 * field in place of its hint, so nothing moves. A problem is shown once its field was edited and
 * left, or when Save is pressed: a new, empty routine shows none.
 */

/* The reader stops at the first problem; the ones after it are found by leaving out each field
 * found wrong, up to this many. */
#define MAX_PROBLEMS 100

G_DEFINE_FINAL_TYPE (LimberRoutineEditor, limber_routine_editor, ADW_TYPE_WINDOW)

static char *
format_minutes (gint64 duration_us)
{
  guint minutes = (guint) MAX (1, (duration_us + 30 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", minutes), minutes);
}

/* The step a problem is in, or %NULL for one of the routine itself. */
static LimberEditorStep *
problem_step (LimberRoutineEditor           *self,
              const LimberCatalogFieldError *problem)
{
  if (problem->step < 0 || (guint) problem->step >= self->steps->len)
    return NULL;
  return g_ptr_array_index (self->steps, problem->step);
}

/* The field a problem is shown at, or %NULL for the Total row. */
static GtkWidget *
problem_field (LimberRoutineEditor           *self,
               const LimberCatalogFieldError *problem)
{
  LimberEditorStep *step = problem_step (self, problem);

  if (problem->member == NULL)
    return NULL;
  if (step != NULL)
    return limber_editor_step_get_field (step, problem->member, problem->index);
  if (g_str_equal (problem->member, "name") || g_str_equal (problem->member, "id"))
    return self->name_row;
  if (g_str_equal (problem->member, "description"))
    return self->description_row;
  return NULL;
}

/* The problem in people's words, after the name of its field: "Hold: 1 to 600 seconds". */
static char *
describe (LimberRoutineEditor           *self,
          const LimberCatalogFieldError *problem)
{
  GtkWidget *field = problem_field (self, problem);
  LimberEditorStep *step = problem_step (self, problem);
  g_autofree char *label = NULL;

  if (step != NULL && field != NULL)
    label = g_strdup (limber_editor_step_get_field_title (step, problem->member, problem->index));
  else if (field != NULL)
    label = g_strdup (g_object_get_data (G_OBJECT (field), "limber-title"));
  else if (step != NULL)
    /* Translators: names the step a problem is in, as in "Step 3: with this step…". */
    label = g_strdup_printf (_("Step %d"), problem->step + 1);
  else if (g_strcmp0 (problem->member, "steps") == 0)
    label = g_strdup (_("Steps"));
  else
    return g_strdup (problem->rule);

  /* Translators: a problem shown at a field of the routine editor: the field's name and what
   * its value must be, as in "Hold: 1 to 600 seconds". */
  return g_strdup_printf (_("%s: %s"), label, problem->rule);
}

/* Which field to leave out to look past @problem, or %NULL when none can be. */
static char *
skip_key (const LimberCatalogFieldError *problem)
{
  static const char * const values[] = {
    "hold", "reps", "duration", "tempo", "rounds", "switch", "rest", NULL
  };

  if (problem->member == NULL)
    return NULL;
  if (problem->step < 0)
    return g_str_equal (problem->member, "name") || g_str_equal (problem->member, "description")
           ? g_strdup (problem->member) : NULL;
  if (!g_strv_contains (values, problem->member))
    return NULL;
  return g_strdup_printf ("steps[%d].%s", problem->step, problem->member);
}

/* Asks the reader about the text, again and again, each time without the fields it refused. */
static void
collect_problems (LimberRoutineEditor *self)
{
  g_autoptr(GHashTable) skip = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *dir = limber_catalog_get_user_dir ();
  g_autofree char *check_path = self->path != NULL ? g_strdup (self->path)
                                                   : g_build_filename (dir, "new.json", NULL);
  g_autofree char *text = g_strdup (self->text);

  g_ptr_array_set_size (self->problems, 0);
  for (guint n = 0; n < MAX_PROBLEMS; n++)
    {
      g_autoptr(GError) error = NULL;
      LimberCatalogFieldError *problem = NULL;
      g_autoptr(LimberRoutine) routine =
        limber_catalog_check_routine (self->catalog, check_path, text, strlen (text), self->id,
                                      &problem, &error);
      char *key;

      if (routine != NULL)
        {
          g_autofree char *minutes = NULL;

          if (n > 0)
            break;
          minutes = format_minutes (limber_routine_get_duration_us (routine, self->plank_hold_us));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row), minutes);
          return;
        }
      if (problem == NULL)
        {
          /* Not the reader's field: text that is not JSON, which this editor does not write. */
          problem = g_new0 (LimberCatalogFieldError, 1);
          problem->step = problem->index = -1;
          problem->rule = g_strdup (limber_catalog_split_error (check_path, error->message, NULL));
        }
      g_ptr_array_add (self->problems, problem);
      key = skip_key (problem);
      if (key == NULL || g_hash_table_contains (skip, key))
        {
          g_free (key);
          break;
        }
      g_hash_table_add (skip, key);
      g_free (text);
      text = limber_routine_editor_build_text (self, skip);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row), "—");
}

static gboolean
is_touched (GtkWidget *field)
{
  return g_object_get_data (G_OBJECT (field), "limber-touched") != NULL;
}

/* The field was edited and left: its problems are shown from now on. */
void
limber_routine_editor_touch (LimberRoutineEditor *self,
                             GtkWidget           *field)
{
  g_object_set_data (G_OBJECT (field), "limber-touched", GINT_TO_POINTER (TRUE));
  self->touched = TRUE;
}

/* Whether a problem is shown: at a field once it was edited and left, and a problem of the
 * routine as a whole once anything was; all of them once Save was pressed. */
static gboolean
is_shown (LimberRoutineEditor           *self,
          const LimberCatalogFieldError *problem)
{
  GtkWidget *field = problem_field (self, problem);

  if (self->show_all)
    return TRUE;
  if (field != NULL)
    return is_touched (field);
  return self->touched && g_strcmp0 (problem->member, "steps") != 0;
}

static void
set_entry_error (GtkWidget  *row,
                 const char *message)
{
  const char *title = g_object_get_data (G_OBJECT (row), "limber-title");

  /* An entry row has no subtitle: the problem takes the place of its title. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message != NULL ? message : title);
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
show_problem (LimberRoutineEditor           *self,
              const LimberCatalogFieldError *problem,
              const char                    *message)
{
  GtkWidget *field = problem_field (self, problem);
  LimberEditorStep *step = problem_step (self, problem);

  if (step != NULL && field != NULL)
    limber_editor_step_show_error (step, problem->member, problem->index, message);
  else if (field != NULL)
    set_entry_error (field, message);
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row), message);
      gtk_widget_add_css_class (self->total_row, "error");
    }
}

static void
show_problems (LimberRoutineEditor *self)
{
  set_entry_error (self->name_row, NULL);
  set_entry_error (self->description_row, NULL);
  gtk_widget_remove_css_class (self->total_row, "error");
  for (guint i = 0; i < self->steps->len; i++)
    limber_editor_step_clear_errors (g_ptr_array_index (self->steps, i));

  g_clear_pointer (&self->error, g_free);
  for (guint i = 0; i < self->problems->len; i++)
    {
      LimberCatalogFieldError *problem = g_ptr_array_index (self->problems, i);
      g_autofree char *message = describe (self, problem);

      if (self->error == NULL)
        self->error = g_strdup (message);
      if (is_shown (self, problem))
        show_problem (self, problem, message);
    }
}

/* Checks the fields with the catalog's reader and shows its problems where they are due. */
void
limber_routine_editor_validate (LimberRoutineEditor *self)
{
  if (self->loading || self->steps == NULL)
    return;

  limber_routine_editor_update_first_days (self);
  g_free (self->text);
  self->text = limber_routine_editor_build_text (self, NULL);
  collect_problems (self);
  show_problems (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !self->conflict);
}

/* Save was pressed with problems: all of them are shown, and the keyboard goes to the first. */
void
limber_routine_editor_reveal_problems (LimberRoutineEditor *self)
{
  GtkWidget *first = NULL;

  self->show_all = TRUE;
  show_problems (self);
  if (self->problems->len > 0)
    first = problem_field (self, g_ptr_array_index (self->problems, 0));
  gtk_widget_grab_focus (first != NULL ? first : self->first_add);
}

/* A problem with the file rather than with a field, as a toast. */
void
limber_routine_editor_show_message (LimberRoutineEditor *self,
                                    const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), adw_toast_new (escaped));
}

static void
on_field_changed (LimberRoutineEditor *self)
{
  limber_routine_editor_validate (self);
}

/* The field (a spin button or an entry row) that @widget is in, or %NULL. */
static GtkWidget *
field_of (GtkWidget *widget)
{
  GtkWidget *field;

  if (widget == NULL)
    return NULL;
  field = gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON);
  return field != NULL ? field : gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);
}

/* A field left with a text other than the one it had when entered was edited: its problems show
 * from now on. A spin button takes the number typed as it is left. */
static void
on_focus_changed (LimberRoutineEditor *self)
{
  GtkWidget *field = field_of (gtk_root_get_focus (GTK_ROOT (self)));
  GtkWidget *left = self->focus;

  if (field == left)
    return;
  g_set_weak_pointer (&self->focus, field);
  if (field != NULL)
    g_object_set_data_full (G_OBJECT (field), "limber-entered",
                            g_strdup (gtk_editable_get_text (GTK_EDITABLE (field))), g_free);
  if (left != NULL)
    {
      const char *entered = g_object_get_data (G_OBJECT (left), "limber-entered");

      if (g_strcmp0 (entered, gtk_editable_get_text (GTK_EDITABLE (left))) != 0)
        limber_routine_editor_touch (self, left);
      if (GTK_IS_SPIN_BUTTON (left))
        gtk_spin_button_update (GTK_SPIN_BUTTON (left));
      limber_routine_editor_validate (self);
    }
}

static gboolean
limber_routine_editor_close_request (GtkWindow *window)
{
  if (limber_routine_editor_ask_to_close (LIMBER_ROUTINE_EDITOR (window)))
    return TRUE;
  return GTK_WINDOW_CLASS (limber_routine_editor_parent_class)->close_request (window);
}

static void
limber_routine_editor_dispose (GObject *object)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (object);

  limber_routine_editor_unwatch (self);
  g_clear_weak_pointer (&self->focus);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_object (&self->add_group);
  g_clear_object (&self->export_group);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_ROUTINE_EDITOR);

  G_OBJECT_CLASS (limber_routine_editor_parent_class)->dispose (object);
}

static void
limber_routine_editor_finalize (GObject *object)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (object);

  g_ptr_array_unref (self->problems);
  g_free (self->id);
  g_free (self->path);
  g_free (self->disk_text);
  g_free (self->error);
  g_free (self->text);
  g_free (self->built_id);
  g_free (self->clean_text);

  G_OBJECT_CLASS (limber_routine_editor_parent_class)->finalize (object);
}

static void
limber_routine_editor_class_init (LimberRoutineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = limber_routine_editor_dispose;
  object_class->finalize = limber_routine_editor_finalize;
  window_class->close_request = limber_routine_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/limber-routine-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, conflict_box);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, page);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, first_days_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, first_days_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, total_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL,
                                   limber_routine_editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL,
                                   limber_routine_editor_export_action);
  gtk_widget_class_install_action (widget_class, "editor.reload", NULL,
                                   limber_routine_editor_reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
limber_routine_editor_init (LimberRoutineEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) limber_catalog_field_error_free);
  /* The titles the rows go back to when a problem shown in their place goes. */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *row = i == 0 ? self->name_row : self->description_row;

      g_object_set_data_full (G_OBJECT (row), "limber-title",
                              g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))),
                              g_free);
    }
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_changed), NULL);
}

/**
 * limber_routine_editor_new:
 * @routine: (nullable): the routine to edit, or to copy if @duplicate or built-in; %NULL for a
 *   new one
 * @plank_hold_us: the plank's hold now, for the total length
 *
 * Returns: (transfer full): the editor, not yet shown
 */
LimberRoutineEditor *
limber_routine_editor_new (LimberCatalog *catalog,
                           LimberRoutine *routine,
                           gboolean       duplicate,
                           gint64         plank_hold_us)
{
  LimberRoutineEditor *self = g_object_new (LIMBER_TYPE_ROUTINE_EDITOR, NULL);

  self->catalog = g_object_ref (catalog);
  self->plank_hold_us = plank_hold_us;
  limber_routine_editor_build_lists (self);

  if (routine != NULL && !duplicate && limber_routine_get_path (routine) != NULL)
    {
      self->id = g_strdup (limber_routine_get_id (routine));
      self->path = g_strdup (limber_routine_get_path (routine));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Routine"));
      limber_routine_editor_watch (self);
      limber_routine_editor_reload (self);
      if (self->steps->len == 0)
        limber_routine_editor_fill (self, routine);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Routine"));
      if (routine != NULL)
        {
          /* Translators: the name of a copy of a routine, as in "Gentle relief (copy)". */
          g_autofree char *name = g_strdup_printf (_("%s (copy)"),
                                                   limber_routine_get_name (routine));

          limber_routine_editor_fill (self, routine);
          gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
        }
    }
  limber_routine_editor_validate (self);
  g_free (self->clean_text);
  self->clean_text = g_strdup (self->text);

  return self;
}

/**
 * limber_routine_editor_get_field:
 * @step: the step's index, or -1 for the routine's own fields ("name", "description")
 * @member: the field, as named in the file; "tempo" is its first move's
 *
 * Returns: (transfer none) (nullable): its entry or spin button
 */
GtkEditable *
limber_routine_editor_get_field (LimberRoutineEditor *self,
                                 int                  step,
                                 const char          *member)
{
  GtkWidget *field;

  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), NULL);

  if (step < 0)
    return GTK_EDITABLE (g_str_equal (member, "name") ? self->name_row : self->description_row);
  if ((guint) step >= self->steps->len)
    return NULL;
  field = limber_editor_step_get_field (g_ptr_array_index (self->steps, step), member, -1);
  return field != NULL ? GTK_EDITABLE (field) : NULL;
}

/* Why the routine cannot be saved, in people's words, or %NULL. */
const char *
limber_routine_editor_get_error (LimberRoutineEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), NULL);
  return self->error;
}

char *
limber_routine_editor_dup_text (LimberRoutineEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), NULL);
  limber_routine_editor_validate (self);
  return g_strdup (self->text);
}

const char *
limber_routine_editor_get_path (LimberRoutineEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), NULL);
  return self->path;
}

gboolean
limber_routine_editor_has_conflict (LimberRoutineEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), FALSE);
  return self->conflict;
}
