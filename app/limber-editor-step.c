/* limber-editor-step.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "limber-editor-step.h"

/*
 * One step of a routine in the routine editor: a heading row ("2. Bridge") with the buttons that
 * move and remove it and a handle to drag it by, then a row for each value its exercise's mode
 * takes, a spin button with its unit. The step writes its values as the members of the step in
 * a routine file; the catalog's reader checks them, and the editor shows what it refuses at the
 * field, in the row's subtitle.
 */

typedef struct
{
  const char *member;   /* as named in the file */
  int         element;  /* the move, for "tempo"; else -1 */
  GtkWidget  *row;
  GtkWidget  *spin;
  char       *hint;     /* the row's subtitle while there is no error */
  gboolean    whole;
} Field;

struct _LimberEditorStep
{
  AdwPreferencesGroup parent_instance;

  LimberExercise *exercise;
  GPtrArray      *fields;     /* Field, in the order of the rows */

  /* Template widgets */
  GtkWidget      *header;
  GtkWidget      *handle;
  GtkWidget      *up_button;
  GtkWidget      *down_button;
  GtkWidget      *remove_button;
  GtkWidget      *hold_row;
  GtkWidget      *hold_spin;
  GtkWidget      *reps_row;
  GtkWidget      *reps_spin;
  GtkWidget      *duration_row;
  GtkWidget      *duration_spin;
  GtkWidget      *sides_row;
  GtkWidget      *rounds_row;
  GtkWidget      *rounds_spin;
  GtkWidget      *switch_row;
  GtkWidget      *switch_spin;
  GtkWidget      *rest_row;
  GtkWidget      *rest_spin;
};

G_DEFINE_FINAL_TYPE (LimberEditorStep, limber_editor_step, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  MOVE,
  REMOVE,
  DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_free (Field *field)
{
  g_free (field->hint);
  g_free (field);
}

static void
on_spin_changed (GtkSpinButton    *spin,
                 LimberEditorStep *self)
{
  g_signal_emit (self, signals[CHANGED], 0, spin);
}

static void
on_sides_changed (LimberEditorStep *self)
{
  g_signal_emit (self, signals[CHANGED], 0, NULL);
}

static void
on_up_clicked (LimberEditorStep *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
on_down_clicked (LimberEditorStep *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
on_remove_clicked (LimberEditorStep *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* Alt+Up and Alt+Down move the step the focus is in. */
static gboolean
on_move_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  LimberEditorStep *self = LIMBER_EDITOR_STEP (widget);
  GtkWidget *button = GPOINTER_TO_INT (user_data) < 0 ? self->up_button : self->down_button;

  if (!gtk_widget_get_sensitive (button))
    return FALSE;
  g_signal_emit (self, signals[MOVE], 0, GPOINTER_TO_INT (user_data));
  return TRUE;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource    *source,
                 double            x,
                 double            y,
                 LimberEditorStep *self)
{
  return gdk_content_provider_new_typed (LIMBER_TYPE_EDITOR_STEP, self);
}

static void
on_drag_begin (GtkDragSource    *source,
               GdkDrag          *drag,
               LimberEditorStep *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* A step dropped on another takes its place: the editor moves it. */
static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         LimberEditorStep *self)
{
  if (!G_VALUE_HOLDS (value, LIMBER_TYPE_EDITOR_STEP) || g_value_get_object (value) == NULL)
    return FALSE;
  g_signal_emit (self, signals[DROPPED], 0, g_value_get_object (value));
  return TRUE;
}

/* Shows a number as short as it is: 30, not 30.0; 2.5 as typed. */
static gboolean
on_output (GtkSpinButton *spin)
{
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = g_strdup_printf ("%.10g", value);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
reset_field (Field *field)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), field->hint);
  gtk_widget_remove_css_class (field->row, "error");
  /* The unit, which a screen reader does not see in the label beside the number. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->spin),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  field->whole ? _("times") : _("seconds"), -1);
}

/* Makes @row a field of the step, shown, with @value; its changes are told once it is set. */
static void
add_field (LimberEditorStep *self,
           const char       *member,
           int               element,
           GtkWidget        *row,
           GtkWidget        *spin,
           double            value)
{
  Field *field = g_new0 (Field, 1);

  field->member = member;
  field->element = element;
  field->row = row;
  field->spin = spin;
  field->hint = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  field->whole = gtk_spin_button_get_digits (GTK_SPIN_BUTTON (spin)) == 0;
  g_ptr_array_add (self->fields, field);

  /* Named by its row's title: the row labels its activatable widget. */
  reset_field (field);
  g_signal_connect (spin, "output", G_CALLBACK (on_output), NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  on_output (GTK_SPIN_BUTTON (spin));
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_spin_changed), self, 0);
  gtk_widget_set_visible (row, TRUE);
}

/* A row for each move of the tempo, titled with the move's name ("Cat", "Cow"). */
static void
add_move_rows (LimberEditorStep   *self,
               const LimberTiming *timing)
{
  for (guint i = 0; i < timing->moves->len; i++)
    {
      LimberMove *move = g_ptr_array_index (timing->moves, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 9999, 0.5);
      GtkWidget *unit = gtk_label_new (C_("unit", "s"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), move->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* Translators: the subtitle of a move's row in the routine editor, as under "Cat". */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Seconds for this move"));
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
      gtk_editable_set_width_chars (GTK_EDITABLE (spin), 4);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_label_set_width_chars (GTK_LABEL (unit), 1);
      gtk_label_set_xalign (GTK_LABEL (unit), 0);
      gtk_widget_add_css_class (unit, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      add_field (self, "tempo", (int) i, row, spin, (double) move->duration_us / G_USEC_PER_SEC);
    }
}

/* The rows that follow the tempo's, put back after them. */
static void
append_rows (LimberEditorStep *self,
             GtkWidget        *first,
             ...)
{
  va_list args;

  va_start (args, first);
  for (GtkWidget *row = first; row != NULL; row = va_arg (args, GtkWidget *))
    {
      g_object_ref (row);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_object_unref (row);
    }
  va_end (args);
}

static void
fill (LimberEditorStep   *self,
      const LimberTiming *timing)
{
  LimberExerciseMode mode = limber_exercise_get_mode (self->exercise);

  if (mode == LIMBER_EXERCISE_MODE_HOLD)
    {
      /* A progressive hold grows by itself, and is set in Preferences. */
      if (!limber_exercise_get_progressive (self->exercise))
        add_field (self, "hold", -1, self->hold_row, self->hold_spin,
                   (double) ((LimberMove *) g_ptr_array_index (timing->moves, 0))->duration_us /
                   G_USEC_PER_SEC);
    }
  else if (mode == LIMBER_EXERCISE_MODE_REPS)
    add_field (self, "reps", -1, self->reps_row, self->reps_spin, timing->reps);
  else
    add_field (self, "duration", -1, self->duration_row, self->duration_spin,
               (double) timing->duration_us / G_USEC_PER_SEC);

  if (mode != LIMBER_EXERCISE_MODE_HOLD)
    {
      add_move_rows (self, timing);
      append_rows (self, self->sides_row, self->rounds_row, self->switch_row, self->rest_row,
                   NULL);
    }

  if (limber_exercise_get_sides (self->exercise) == 2)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->sides_row), timing->sides);
      gtk_widget_set_visible (self->sides_row, TRUE);
    }
  add_field (self, "rounds", -1, self->rounds_row, self->rounds_spin, timing->rounds);
  add_field (self, "switch", -1, self->switch_row, self->switch_spin,
             (double) timing->switch_us / G_USEC_PER_SEC);
  add_field (self, "rest", -1, self->rest_row, self->rest_spin,
             (double) timing->rest_us / G_USEC_PER_SEC);
}

static void
limber_editor_step_dispose (GObject *object)
{
  LimberEditorStep *self = LIMBER_EDITOR_STEP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_EDITOR_STEP);
  g_clear_object (&self->exercise);

  G_OBJECT_CLASS (limber_editor_step_parent_class)->dispose (object);
}

static void
limber_editor_step_finalize (GObject *object)
{
  LimberEditorStep *self = LIMBER_EDITOR_STEP (object);

  g_ptr_array_unref (self->fields);

  G_OBJECT_CLASS (limber_editor_step_parent_class)->finalize (object);
}

static void
limber_editor_step_class_init (LimberEditorStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_editor_step_dispose;
  object_class->finalize = limber_editor_step_finalize;

  /* A value changed: the field's spin button, or %NULL for the sides. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_WIDGET);
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DROPPED] = g_signal_new ("dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, LIMBER_TYPE_EDITOR_STEP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/limber-editor-step.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, header);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, handle);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, up_button);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, down_button);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, remove_button);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, hold_row);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, hold_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, reps_row);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, reps_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, duration_row);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, sides_row);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, rounds_row);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, rounds_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, switch_row);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, switch_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, rest_row);
  gtk_widget_class_bind_template_child (widget_class, LimberEditorStep, rest_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_sides_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_down_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
limber_editor_step_init (LimberEditorStep *self)
{
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (LIMBER_TYPE_EDITOR_STEP, GDK_ACTION_MOVE);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);

  gtk_widget_set_cursor_from_name (self->handle, "grab");
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (on_drag_prepare), self, 0);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  gtk_widget_add_controller (self->handle, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Alt>Up"),
                      gtk_callback_action_new (on_move_shortcut, GINT_TO_POINTER (-1), NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Alt>Down"),
                      gtk_callback_action_new (on_move_shortcut, GINT_TO_POINTER (1), NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/**
 * limber_editor_step_new:
 * @timing: the step's values to start with
 *
 * Returns: (transfer floating): the step, for the editor's page
 */
LimberEditorStep *
limber_editor_step_new (LimberExercise     *exercise,
                        const LimberTiming *timing)
{
  LimberEditorStep *self;
  const char *name;
  g_autofree char *up_name = NULL;
  g_autofree char *down_name = NULL;
  g_autofree char *remove_name = NULL;

  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), NULL);
  g_return_val_if_fail (timing != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_EDITOR_STEP, NULL);
  self->exercise = g_object_ref (exercise);
  name = limber_exercise_get_name (exercise);
  /* Translators: the accessible names of a step's buttons in the routine editor; %s is the
   * exercise, as in "Move Bridge Up". */
  up_name = g_strdup_printf (_("Move %s Up"), name);
  down_name = g_strdup_printf (_("Move %s Down"), name);
  remove_name = g_strdup_printf (_("Remove %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->up_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, up_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->down_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, down_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  fill (self, timing);
  return self;
}

LimberExercise *
limber_editor_step_get_exercise (LimberEditorStep *self)
{
  g_return_val_if_fail (LIMBER_IS_EDITOR_STEP (self), NULL);
  return self->exercise;
}

/* Titles the step with its place, @index from 0, as in "2. Bridge". */
void
limber_editor_step_set_position (LimberEditorStep *self,
                                 guint             index,
                                 guint             n_steps)
{
  g_autofree char *title = NULL;

  g_return_if_fail (LIMBER_IS_EDITOR_STEP (self));

  /* Translators: a step of a routine in the editor, as in "2. Bridge". */
  title = g_strdup_printf (_("%u. %s"), index + 1, limber_exercise_get_name (self->exercise));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->header), title);
  gtk_widget_set_sensitive (self->up_button, index > 0);
  gtk_widget_set_sensitive (self->down_button, index + 1 < n_steps);
}

/* Keeps the keyboard on a step that moved by @delta: on the button that moves it on, if any. */
void
limber_editor_step_focus_button (LimberEditorStep *self,
                                 int               delta)
{
  GtkWidget *same = delta < 0 ? self->up_button : self->down_button;
  GtkWidget *other = delta < 0 ? self->down_button : self->up_button;

  g_return_if_fail (LIMBER_IS_EDITOR_STEP (self));
  gtk_widget_grab_focus (gtk_widget_get_sensitive (same) ? same : other);
}

static void
append_number (GString *out,
               double   value,
               gboolean whole)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (whole)
    g_string_append_printf (out, "%lld", (long long) llround (value));
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

/**
 * limber_editor_step_write:
 * @index: the step's index, for the paths in @skip
 * @skip: (nullable): paths of fields to leave out ("steps[2].hold", "steps[2].tempo[0]"), so
 *   that the exercise's own value stands in for them
 *
 * Appends the step's members, each on a line after a comma, as in a routine file.
 */
void
limber_editor_step_write (LimberEditorStep *self,
                          guint             index,
                          GHashTable       *skip,
                          GString          *out)
{
  static const char * const sides[] = { "both", "right", "left" };
  gboolean in_tempo = FALSE;

  g_return_if_fail (LIMBER_IS_EDITOR_STEP (self));

  g_string_append_printf (out, "      \"exercise\": \"%s\"",
                          limber_exercise_get_id (self->exercise));
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      double value = gtk_spin_button_get_value (GTK_SPIN_BUTTON (field->spin));
      g_autofree char *path = g_strdup_printf ("steps[%u].%s", index, field->member);

      if (in_tempo && field->element < 0)
        {
          g_string_append_c (out, ']');
          in_tempo = FALSE;
        }
      if (skip != NULL && g_hash_table_contains (skip, path))
        continue;
      if (field->element > 0)
        g_string_append (out, ", ");
      else
        g_string_append_printf (out, ",\n      \"%s\": %s", field->member,
                                field->element == 0 ? "[" : "");
      in_tempo |= field->element == 0;
      append_number (out, value, field->whole);
    }
  if (in_tempo)
    g_string_append_c (out, ']');

  if (gtk_widget_get_visible (self->sides_row) &&
      adw_combo_row_get_selected (ADW_COMBO_ROW (self->sides_row)) != LIMBER_SIDES_BOTH)
    g_string_append_printf (out, ",\n      \"sides\": \"%s\"",
                            sides[MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (self->sides_row)),
                                       G_N_ELEMENTS (sides) - 1)]);
}

/* Takes the numbers typed and not yet entered, as Save does. */
void
limber_editor_step_commit (LimberEditorStep *self)
{
  g_return_if_fail (LIMBER_IS_EDITOR_STEP (self));

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      gtk_spin_button_update (GTK_SPIN_BUTTON (field->spin));
    }
}

static Field *
find_field (LimberEditorStep *self,
            const char       *member,
            int               element)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      /* A problem with the tempo as a whole is shown at its first move. */
      if (g_strcmp0 (field->member, member) == 0 && (field->element == element ||
                                                     (element < 0 && field->element == 0)))
        return field;
    }
  return NULL;
}

/**
 * limber_editor_step_get_field:
 * @member: the field, as named in the file ("hold")
 * @element: the move, for "tempo"; -1 otherwise
 *
 * Returns: (transfer none) (nullable): its spin button
 */
GtkWidget *
limber_editor_step_get_field (LimberEditorStep *self,
                              const char       *member,
                              int               element)
{
  Field *field;

  g_return_val_if_fail (LIMBER_IS_EDITOR_STEP (self), NULL);

  field = find_field (self, member, element);
  return field != NULL ? field->spin : NULL;
}

void
limber_editor_step_clear_errors (LimberEditorStep *self)
{
  g_return_if_fail (LIMBER_IS_EDITOR_STEP (self));

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (gtk_widget_has_css_class (field->row, "error"))
        reset_field (field);
    }
}

/* The title of a field's row ("Hold", "Cat"), or %NULL when the step has no such field. */
const char *
limber_editor_step_get_field_title (LimberEditorStep *self,
                                    const char       *member,
                                    int               element)
{
  Field *field;

  g_return_val_if_fail (LIMBER_IS_EDITOR_STEP (self), NULL);

  field = find_field (self, member, element);
  return field != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field->row)) : NULL;
}

/**
 * limber_editor_step_show_error:
 * @message: the problem in people's words, as "Hold: 1 to 600 seconds"
 *
 * Shows the problem at its field, in place of the row's hint, so that nothing moves.
 *
 * Returns: whether the step has that field
 */
gboolean
limber_editor_step_show_error (LimberEditorStep *self,
                               const char       *member,
                               int               element,
                               const char       *message)
{
  Field *field;

  g_return_val_if_fail (LIMBER_IS_EDITOR_STEP (self), FALSE);

  field = find_field (self, member, element);
  if (field == NULL)
    return FALSE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), message);
  gtk_widget_add_css_class (field->row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->spin),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  return TRUE;
}
