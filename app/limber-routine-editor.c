/* limber-routine-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "limber-routine-editor.h"

/*
 * The routine editor: a routine's name, description, "safe in the first days" mark and steps,
 * each step's timing per its exercise's mode. The fields are written out as the JSON text of a
 * routine file, one field a line, and that text is checked by the catalog's own reader
 * (limber_catalog_parse_routine), the same code that loads the user's files: the line of an error
 * names the field to mark, and Save stays off while there is one. Saving writes the file
 * atomically into the user's routines folder and reloads the catalog. A file changed on disk
 * while it is open is noticed and not overwritten, and closing with unsaved changes asks first.
 */

typedef struct
{
  LimberExercise *exercise;
  GtkWidget      *group;
  GtkWidget      *title;    /* the first row, "2. Bridge", with the step's buttons */
  GtkWidget      *up;
  GtkWidget      *down;
  GtkWidget      *remove;
  GPtrArray      *members;  /* const char *, in the order of rows */
  GPtrArray      *rows;     /* AdwEntryRow */
  GtkWidget      *sides;    /* AdwComboRow of LimberSides, for a two-sided exercise */
} Step;

struct _LimberRoutineEditor
{
  AdwWindow       parent_instance;

  LimberCatalog  *catalog;
  gint64          plank_hold_us;

  char           *id;         /* fixed once the routine has a file */
  char           *path;       /* its file, once it has one */
  char           *disk_text;  /* what the file held when read or written */
  GFileMonitor   *monitor;
  gboolean        conflict;

  GtkWidget      *page;
  GtkWidget      *save_button;
  GtkWidget      *export_button;
  GtkWidget      *conflict_box;
  GtkWidget      *error_label;
  GtkWidget      *name_row;
  GtkWidget      *description_row;
  GtkWidget      *first_days_row;
  GtkWidget      *first_days_switch;
  GtkWidget      *total_row;
  GtkWidget      *add_group;
  GtkWidget      *export_group;
  GtkWidget      *first_add;  /* the first exercise's Add button, for the keyboard */
  GPtrArray      *exercises;  /* LimberExercise, as listed in add_group */

  GPtrArray      *steps;      /* Step */
  GHashTable     *line_widgets; /* line → widget, for the text last checked */
  GtkWidget      *marked;
  char           *error;
  char           *text;
  char           *built_id;
  char           *clean_text; /* the text as opened or last saved, to tell unsaved changes */
  gboolean        loading;
  gboolean        discard;    /* closing was confirmed: unsaved changes go */
};

G_DEFINE_FINAL_TYPE (LimberRoutineEditor, limber_routine_editor, ADW_TYPE_WINDOW)

static void validate (LimberRoutineEditor *self);

static void
step_free (Step *step)
{
  g_ptr_array_unref (step->members);
  g_ptr_array_unref (step->rows);
  g_object_unref (step->group);
  g_free (step);
}

static char *
format_seconds (gint64 us)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", (double) us / G_USEC_PER_SEC));
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* A number as typed, or (when it is not one) the text, which the reader then refuses. */
static void
append_value (GString    *out,
              const char *text)
{
  char *end = NULL;
  double value;

  errno = 0;
  value = g_ascii_strtod (text, &end);
  if (text[0] != '\0' && end != NULL && *end == '\0' && errno == 0 && isfinite (value))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
    }
  else
    append_string (out, text);
}

static void
note_line (LimberRoutineEditor *self,
           GString             *out,
           GtkWidget           *widget)
{
  guint line = 1;

  for (const char *p = out->str; *p != '\0'; p++)
    if (*p == '\n')
      line++;
  g_hash_table_insert (self->line_widgets, GUINT_TO_POINTER (line), widget);
}

/* "my-routine" from "My routine"; another routine's id gets a number. */
static char *
make_id (LimberRoutineEditor *self,
         const char          *name)
{
  g_autoptr(GString) slug = g_string_new ("");
  g_autofree char *dir = limber_catalog_get_user_dir ();
  g_autofree char *base = NULL;

  for (const char *p = name; *p != '\0' && slug->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "routine");

  base = g_string_free (g_steal_pointer (&slug), FALSE);
  for (guint n = 1; ; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
      g_autofree char *file = g_strconcat (id, ".json", NULL);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      if (limber_catalog_find_routine (self->catalog, id) == NULL &&
          !g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&id);
    }
}

static char *
build_text (LimberRoutineEditor *self)
{
  g_autoptr(GString) out = g_string_new ("{\n");
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  g_autofree char *id = self->id != NULL ? g_strdup (self->id) : make_id (self, name);

  g_hash_table_remove_all (self->line_widgets);
  g_free (self->built_id);
  self->built_id = g_strdup (id);

  note_line (self, out, self->name_row);
  g_string_append (out, "  \"id\": ");
  append_string (out, id);
  g_string_append (out, ",\n");
  note_line (self, out, self->name_row);
  g_string_append (out, "  \"name\": ");
  append_string (out, name);
  g_string_append (out, ",\n");
  if (description[0] != '\0')
    {
      note_line (self, out, self->description_row);
      g_string_append (out, "  \"description\": ");
      append_string (out, description);
      g_string_append (out, ",\n");
    }
  if (gtk_switch_get_active (GTK_SWITCH (self->first_days_switch)))
    {
      note_line (self, out, self->first_days_row);
      g_string_append (out, "  \"first-days\": true,\n");
    }
  note_line (self, out, self->add_group);
  g_string_append (out, "  \"steps\": [");

  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = g_ptr_array_index (self->steps, i);

      g_string_append (out, i == 0 ? "\n" : ",\n");
      note_line (self, out, step->group);
      g_string_append (out, "    {\n");
      note_line (self, out, step->group);
      g_string_append (out, "      \"exercise\": ");
      append_string (out, limber_exercise_get_id (step->exercise));

      for (guint j = 0; j < step->rows->len; j++)
        {
          GtkWidget *row = g_ptr_array_index (step->rows, j);
          const char *member = g_ptr_array_index (step->members, j);
          g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

          if (text[0] == '\0')
            continue;
          g_string_append (out, ",\n");
          note_line (self, out, row);
          g_string_append_printf (out, "      \"%s\": ", member);
          if (g_str_equal (member, "tempo"))
            {
              g_auto(GStrv) parts = g_strsplit_set (text, ", ", -1);
              gboolean first = TRUE;

              g_string_append_c (out, '[');
              for (guint k = 0; parts[k] != NULL; k++)
                {
                  if (parts[k][0] == '\0')
                    continue;
                  if (!first)
                    g_string_append (out, ", ");
                  append_value (out, parts[k]);
                  first = FALSE;
                }
              g_string_append_c (out, ']');
            }
          else
            append_value (out, text);
        }
      if (step->sides != NULL &&
          adw_combo_row_get_selected (ADW_COMBO_ROW (step->sides)) != LIMBER_SIDES_BOTH)
        {
          static const char * const names[] = { "both", "right", "left" };
          guint sides = MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (step->sides)), 2);

          g_string_append (out, ",\n");
          note_line (self, out, step->sides);
          g_string_append_printf (out, "      \"sides\": \"%s\"", names[sides]);
        }
      g_string_append (out, "\n    }");
    }
  g_string_append (out, "\n  ]\n}\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
update_first_days (LimberRoutineEditor *self)
{
  gboolean allowed = self->steps->len > 0;

  for (guint i = 0; i < self->steps->len; i++)
    allowed &= limber_exercise_get_first_days (((Step *) g_ptr_array_index (self->steps, i))->exercise);

  if (!allowed)
    gtk_switch_set_active (GTK_SWITCH (self->first_days_switch), FALSE);
  gtk_widget_set_sensitive (self->first_days_switch, allowed);
}

static char *
format_minutes (gint64 duration_us)
{
  guint minutes = (guint) MAX (1, (duration_us + 30 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", minutes), minutes);
}

static void
validate (LimberRoutineEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberRoutine) routine = NULL;
  g_autofree char *dir = limber_catalog_get_user_dir ();
  g_autofree char *check_path = NULL;

  if (self->loading || self->steps == NULL)
    return;

  update_first_days (self);
  g_free (self->text);
  self->text = build_text (self);
  check_path = self->path != NULL ? g_strdup (self->path) : g_build_filename (dir, "new.json", NULL);

  routine = limber_catalog_parse_routine (self->catalog, check_path, self->text,
                                          strlen (self->text), self->id, &error);

  if (self->marked != NULL)
    {
      gtk_widget_remove_css_class (self->marked, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->marked),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      g_clear_object (&self->marked);
    }
  g_clear_pointer (&self->error, g_free);

  if (routine == NULL)
    {
      guint line;
      GtkWidget *widget;

      self->error = g_strdup (limber_catalog_split_error (check_path, error->message, &line));
      widget = g_hash_table_lookup (self->line_widgets, GUINT_TO_POINTER (line));
      if (widget != NULL)
        {
          self->marked = g_object_ref (widget);
          gtk_widget_add_css_class (widget, "error");
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->error, -1);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row), "—");
    }
  else
    {
      g_autofree char *minutes =
        format_minutes (limber_routine_get_duration_us (routine, self->plank_hold_us));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row), minutes);
    }

  gtk_label_set_text (GTK_LABEL (self->error_label), self->error != NULL ? self->error : "");
  gtk_widget_set_visible (self->error_label, self->error != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 self->error == NULL && !self->conflict);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export", self->error == NULL);
}

static void
relayout_steps (LimberRoutineEditor *self)
{
  adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page),
                               ADW_PREFERENCES_GROUP (self->add_group));
  adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page),
                               ADW_PREFERENCES_GROUP (self->export_group));
  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = g_ptr_array_index (self->steps, i);
      g_autofree char *title = NULL;

      if (gtk_widget_get_parent (step->group) != NULL)
        adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page),
                                     ADW_PREFERENCES_GROUP (step->group));
      /* Translators: a step of a routine in the editor, as in "2. Bridge". */
      title = g_strdup_printf (_("%u. %s"), i + 1, limber_exercise_get_name (step->exercise));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step->title), title);
      gtk_widget_set_sensitive (step->up, i > 0);
      gtk_widget_set_sensitive (step->down, i + 1 < self->steps->len);
    }
  for (guint i = 0; i < self->steps->len; i++)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                              ADW_PREFERENCES_GROUP (((Step *) g_ptr_array_index (self->steps, i))->group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (self->add_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (self->export_group));
}

static guint
step_index (LimberRoutineEditor *self,
            GtkWidget           *group)
{
  for (guint i = 0; i < self->steps->len; i++)
    if (((Step *) g_ptr_array_index (self->steps, i))->group == group)
      return i;
  return G_MAXUINT;
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
  Step *step;

  g_return_if_fail (LIMBER_IS_ROUTINE_EDITOR (self));
  if (from >= self->steps->len || to >= self->steps->len || from == to)
    return;

  step = g_ptr_array_steal_index (self->steps, from);
  g_ptr_array_insert (self->steps, to, step);
  relayout_steps (self);
  validate (self);
}

void
limber_routine_editor_move_step (LimberRoutineEditor *self,
                                 guint                index,
                                 int                  delta)
{
  guint to = index + delta;
  Step *step;

  g_return_if_fail (LIMBER_IS_ROUTINE_EDITOR (self));
  if (index >= self->steps->len || to >= self->steps->len)
    return;

  step = g_ptr_array_index (self->steps, index);
  limber_routine_editor_move_step_to (self, index, to);
  /* Keep the keyboard on the step that moved. */
  gtk_widget_grab_focus (delta < 0 ? (to > 0 ? step->up : step->down)
                                   : (to + 1 < self->steps->len ? step->down : step->up));
}

static void
on_move (GtkButton *button,
         gpointer   user_data)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (gtk_widget_get_root (GTK_WIDGET (button)));
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_PREFERENCES_GROUP);

  limber_routine_editor_move_step (self, step_index (self, group), GPOINTER_TO_INT (user_data));
}

/* Alt+Up and Alt+Down move the step the focus is in. */
static gboolean
on_move_shortcut (GtkWidget *group,
                  GVariant  *args,
                  gpointer   user_data)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (gtk_widget_get_root (group));
  guint index = step_index (self, group);
  guint to = index + GPOINTER_TO_INT (user_data);

  if (index == G_MAXUINT || to >= self->steps->len)
    return FALSE;
  limber_routine_editor_move_step (self, index, GPOINTER_TO_INT (user_data));
  return TRUE;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *group)
{
  return gdk_content_provider_new_typed (ADW_TYPE_PREFERENCES_GROUP, group);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *group)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (group);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* A step dropped on another takes its place. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  GtkWidget *group = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GtkRoot *root = gtk_widget_get_root (group);
  LimberRoutineEditor *self;
  guint from, to;

  if (!LIMBER_IS_ROUTINE_EDITOR (root) || !G_VALUE_HOLDS (value, ADW_TYPE_PREFERENCES_GROUP))
    return FALSE;
  self = LIMBER_ROUTINE_EDITOR (root);
  from = step_index (self, g_value_get_object (value));
  to = step_index (self, group);
  if (from == G_MAXUINT || to == G_MAXUINT)
    return FALSE;
  limber_routine_editor_move_step_to (self, from, to);
  return TRUE;
}

static void
on_remove (GtkButton *button)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (gtk_widget_get_root (GTK_WIDGET (button)));
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_PREFERENCES_GROUP);
  guint index = step_index (self, group);

  if (index == G_MAXUINT)
    return;
  adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
  g_ptr_array_remove_index (self->steps, index);
  relayout_steps (self);
  gtk_widget_grab_focus (self->first_add);
  validate (self);
}

/* @name tells a screen reader which step or exercise the button is for. */
static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}

static void
add_field (LimberRoutineEditor *self,
           Step                *step,
           const char          *member,
           const char          *title,
           const char          *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (validate), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (step->group), row);
  g_ptr_array_add (step->members, (gpointer) member);
  g_ptr_array_add (step->rows, row);
}

static void
add_step (LimberRoutineEditor *self,
          LimberExercise      *exercise,
          const LimberTiming  *timing)
{
  Step *step = g_new0 (Step, 1);
  LimberExerciseMode mode = limber_exercise_get_mode (exercise);
  const char *name = limber_exercise_get_name (exercise);
  GtkWidget *handle;
  GtkDragSource *drag;
  GtkDropTarget *drop;
  GtkEventController *shortcuts;
  g_autofree char *up_name = NULL;
  g_autofree char *down_name = NULL;
  g_autofree char *remove_name = NULL;
  g_autofree char *rounds = g_strdup_printf ("%u", timing->rounds);
  g_autofree char *switch_s = format_seconds (timing->switch_us);
  g_autofree char *rest = format_seconds (timing->rest_us);

  step->exercise = exercise;
  step->members = g_ptr_array_new ();
  step->rows = g_ptr_array_new ();
  /* Kept while the steps are put in a new order. */
  step->group = g_object_ref_sink (adw_preferences_group_new ());

  /* The step's own row heads it, with its buttons: a row's title wraps at phone width. */
  step->title = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (step->title), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (step->group), step->title);
  /* Translators: the accessible names of a step's buttons in the routine editor; %s is the
   * exercise, as in "Move Bridge Up". */
  up_name = g_strdup_printf (_("Move %s Up"), name);
  down_name = g_strdup_printf (_("Move %s Down"), name);
  remove_name = g_strdup_printf (_("Remove %s"), name);
  step->up = icon_button ("go-up-symbolic", _("Move Up"), up_name);
  step->down = icon_button ("go-down-symbolic", _("Move Down"), down_name);
  step->remove = icon_button ("user-trash-symbolic", _("Remove"), remove_name);

  /* Drag by the handle, so that text in the fields can still be selected with the pointer. */
  handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_set_tooltip_text (handle, _("Drag to Reorder"));
  gtk_widget_set_margin_end (handle, 6);
  gtk_widget_set_cursor_from_name (handle, "grab");
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), step->group);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), step->group);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (drag));
  adw_action_row_add_prefix (ADW_ACTION_ROW (step->title), handle);
  drop = gtk_drop_target_new (ADW_TYPE_PREFERENCES_GROUP, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), NULL);
  gtk_widget_add_controller (step->group, GTK_EVENT_CONTROLLER (drop));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Alt>Up"),
                      gtk_callback_action_new (on_move_shortcut, GINT_TO_POINTER (-1), NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Alt>Down"),
                      gtk_callback_action_new (on_move_shortcut, GINT_TO_POINTER (1), NULL)));
  gtk_widget_add_controller (step->group, shortcuts);

  g_signal_connect (step->up, "clicked", G_CALLBACK (on_move), GINT_TO_POINTER (-1));
  g_signal_connect (step->down, "clicked", G_CALLBACK (on_move), GINT_TO_POINTER (1));
  g_signal_connect (step->remove, "clicked", G_CALLBACK (on_remove), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (step->title), step->up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (step->title), step->down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (step->title), step->remove);

  if (mode == LIMBER_EXERCISE_MODE_HOLD)
    {
      if (!limber_exercise_get_progressive (exercise))
        {
          LimberMove *hold = g_ptr_array_index (timing->moves, 0);
          g_autofree char *value = format_seconds (hold->duration_us);

          add_field (self, step, "hold", _("Hold (s)"), value);
        }
    }
  else if (mode == LIMBER_EXERCISE_MODE_REPS)
    {
      g_autofree char *reps = g_strdup_printf ("%u", timing->reps);

      add_field (self, step, "reps", _("Reps"), reps);
    }
  else
    {
      g_autofree char *duration = format_seconds (timing->duration_us);

      add_field (self, step, "duration", _("Duration (s)"), duration);
    }

  if (mode != LIMBER_EXERCISE_MODE_HOLD)
    {
      g_autoptr(GString) tempo = g_string_new ("");

      for (guint i = 0; i < timing->moves->len; i++)
        {
          LimberMove *move = g_ptr_array_index (timing->moves, i);
          g_autofree char *value = format_seconds (move->duration_us);

          g_string_append_printf (tempo, i == 0 ? "%s" : ", %s", value);
        }
      add_field (self, step, "tempo", _("Tempo (s)"), tempo->str);
    }

  if (limber_exercise_get_sides (exercise) == 2)
    {
      /* In the order of LimberSides. */
      /* Translators: which sides of a two-sided exercise a step does, under "Sides". Short:
       * they share a row with that title at phone width. */
      const char *choices[] = { _("Both, right first"), _("Right only"), _("Left only"), NULL };
      g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

      step->sides = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step->sides), _("Sides"));
      adw_combo_row_set_model (ADW_COMBO_ROW (step->sides),
                               G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (step->sides), timing->sides);
      g_signal_connect_swapped (step->sides, "notify::selected", G_CALLBACK (validate), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (step->group), step->sides);
    }

  add_field (self, step, "rounds", _("Rounds"), rounds);
  add_field (self, step, "switch", _("Switch (s)"), switch_s);
  add_field (self, step, "rest", _("Rest (s)"), rest);

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
  add_step (self, exercise, limber_exercise_get_timing (exercise));
  validate (self);
}

static void
on_add_clicked (GtkButton      *button,
                LimberExercise *exercise)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (gtk_widget_get_root (GTK_WIDGET (button)));

  limber_routine_editor_add_step (self, limber_exercise_get_id (exercise));
}

static void
fill (LimberRoutineEditor *self,
      LimberRoutine       *routine)
{
  self->loading = TRUE;
  while (self->steps->len > 0)
    {
      Step *step = g_ptr_array_index (self->steps, 0);

      adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page),
                                   ADW_PREFERENCES_GROUP (step->group));
      g_ptr_array_remove_index (self->steps, 0);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), limber_routine_get_name (routine));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         limber_routine_get_description (routine));
  for (guint i = 0; i < limber_routine_get_n_steps (routine); i++)
    add_step (self, limber_routine_get_step_exercise (routine, i),
              limber_routine_get_step_timing (routine, i));
  update_first_days (self);
  gtk_switch_set_active (GTK_SWITCH (self->first_days_switch),
                         limber_routine_get_first_days (routine));
  self->loading = FALSE;
  validate (self);
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 LimberRoutineEditor *self)
{
  g_autofree char *contents = NULL;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_DELETED &&
      event != G_FILE_MONITOR_EVENT_CREATED && event != G_FILE_MONITOR_EVENT_RENAMED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN)
    return;

  /* Our own writes leave the text we know. Read as the loader reads: the file may now be a pipe. */
  if (limber_catalog_read_text (self->path, &contents, NULL, NULL) &&
      g_strcmp0 (contents, self->disk_text) == 0)
    return;

  self->conflict = TRUE;
  gtk_widget_set_visible (self->conflict_box, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

static void
watch (LimberRoutineEditor *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

/**
 * limber_routine_editor_reload:
 *
 * Reads the routine's file again, dropping what was typed.
 */
void
limber_routine_editor_reload (LimberRoutineEditor *self)
{
  g_autofree char *contents = NULL;
  g_autoptr(LimberRoutine) routine = NULL;
  gsize length;

  g_return_if_fail (LIMBER_IS_ROUTINE_EDITOR (self));

  self->conflict = FALSE;
  gtk_widget_set_visible (self->conflict_box, FALSE);
  g_clear_pointer (&self->disk_text, g_free);
  if (limber_catalog_read_text (self->path, &contents, &length, NULL))
    {
      self->disk_text = g_strdup (contents);
      routine = limber_catalog_parse_routine (self->catalog, self->path, contents, length,
                                              self->id, NULL);
    }
  if (routine != NULL)
    fill (self, routine);
  else
    validate (self);
  g_free (self->clean_text);
  self->clean_text = g_strdup (self->text);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  limber_routine_editor_reload (LIMBER_ROUTINE_EDITOR (widget));
}

gboolean
limber_routine_editor_save (LimberRoutineEditor  *self,
                            GError              **error)
{
  g_autofree char *dir = limber_catalog_get_user_dir ();

  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), FALSE);

  validate (self);
  if (self->error != NULL || self->conflict)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           self->error != NULL ? self->error : "");
      return FALSE;
    }

  if (self->path == NULL)
    {
      g_autofree char *file = NULL;

      /* The id the text was checked with. */
      self->id = g_strdup (self->built_id);
      file = g_strconcat (self->id, ".json", NULL);
      self->path = g_build_filename (dir, file, NULL);
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", dir,
                   g_strerror (saved_errno));
      return FALSE;
    }

  g_free (self->disk_text);
  self->disk_text = g_strdup (self->text);
  if (!g_file_set_contents (self->path, self->text, -1, error))
    return FALSE;
  g_free (self->clean_text);
  self->clean_text = g_strdup (self->text);
  watch (self);

  limber_catalog_reload_user_dir (self->catalog, dir);
  return TRUE;
}

static void
show_error (LimberRoutineEditor *self,
            const char          *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_widget_set_visible (self->error_label, TRUE);
}

static gboolean
close_later (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (limber_routine_editor_save (self, &error))
    /* Later, as this can come from the dialog asking before closing. */
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later, g_object_ref (self), g_object_unref);
  else
    show_error (self, error->message);
}

/**
 * limber_routine_editor_export:
 *
 * Writes the routine, as it would be saved, to @file (atomically), to share it.
 *
 * Returns: whether it was written; @error says why not
 */
gboolean
limber_routine_editor_export (LimberRoutineEditor  *self,
                              GFile                *file,
                              GError              **error)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  validate (self);
  if (self->error != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, self->error);
      return FALSE;
    }
  return g_file_replace_contents (file, self->text, strlen (self->text), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

static void
on_export_response (GtkNativeDialog     *dialog,
                    int                  response,
                    LimberRoutineEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (!limber_routine_editor_export (self, file, &error))
        show_error (self, error->message);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  validate (self);
  if (self->error != NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Routine"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, NULL, NULL);
  name = g_strconcat (self->built_id != NULL ? self->built_id : "routine", ".json", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Whether what is in the fields differs from the file as opened or last saved. */
gboolean
limber_routine_editor_has_changes (LimberRoutineEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), FALSE);

  validate (self);
  return g_strcmp0 (self->text, self->clean_text) != 0;
}

static void
on_close_response (AdwMessageDialog    *dialog,
                   const char          *response,
                   LimberRoutineEditor *self)
{
  /* The editor goes once the dialog, which is transient for it, has gone. */
  if (g_str_equal (response, "discard"))
    {
      self->discard = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static gboolean
limber_routine_editor_close_request (GtkWindow *window)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (window);
  gboolean can_save;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->discard || !limber_routine_editor_has_changes (self))
    return GTK_WINDOW_CLASS (limber_routine_editor_parent_class)->close_request (window);

  can_save = self->error == NULL && !self->conflict;
  if (can_save)
    body = g_strdup (_("If you close without saving, your changes are lost."));
  else if (self->conflict)
    body = g_strdup (_("The file changed on disk, so your changes cannot be saved over it. If "
                       "you close now, your changes are lost."));
  else
    /* Translators: %s says what is wrong with the routine, as in "“hold” is 900 seconds; …". */
    body = g_strdup_printf (_("It cannot be saved yet: %s. If you close now, your changes are "
                              "lost."), self->error);

  dialog = adw_message_dialog_new (window, _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", can_save);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           can_save ? "save" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
limber_routine_editor_dispose (GObject *object)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (object);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->marked);
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

  g_ptr_array_unref (self->exercises);
  g_hash_table_unref (self->line_widgets);
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/limber-routine-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, conflict_box);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, page);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, first_days_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, first_days_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, total_row);
  gtk_widget_class_bind_template_callback (widget_class, validate);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "editor.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
limber_routine_editor_init (LimberRoutineEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->exercises = g_ptr_array_new_with_free_func (g_object_unref);
  self->line_widgets = g_hash_table_new (NULL, NULL);
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

static void
build (LimberRoutineEditor *self)
{
  GtkWidget *button;
  g_autoptr(GPtrArray) exercises = limber_catalog_list_exercises (self->catalog);

  /* The exercises to pick from, each with its own Add button. */
  self->add_group = g_object_ref_sink (adw_preferences_group_new ());
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->add_group), _("Add Exercises"));
  for (guint i = 0; i < exercises->len; i++)
    {
      LimberExercise *exercise = g_ptr_array_index (exercises, i);
      const char *name = limber_exercise_get_name (exercise);
      gboolean first_days = limber_exercise_get_first_days (exercise);
      g_autofree char *add_name = NULL;
      GtkWidget *row = adw_action_row_new ();

      g_ptr_array_add (self->exercises, g_object_ref (exercise));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   first_days ? _("Safe in the first days")
                                              : _("After the first 3 days"));
      /* Translators: the accessible name of an exercise's Add button in the routine editor. */
      add_name = g_strdup_printf (_("Add %s"), name);
      button = icon_button ("list-add-symbolic", _("Add"), add_name);
      g_signal_connect (button, "clicked", G_CALLBACK (on_add_clicked), exercise);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->add_group), row);
      if (self->first_add == NULL)
        self->first_add = button;
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (self->add_group));

  /* Sharing, below the routine it shares. */
  self->export_group = g_object_ref_sink (adw_preferences_group_new ());
  self->export_button = mnemonic_button (_("_Export…"));
  gtk_widget_set_halign (self->export_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->export_button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "editor.export");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->export_group), self->export_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (self->export_group));
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
  build (self);

  if (routine != NULL && !duplicate && limber_routine_get_path (routine) != NULL)
    {
      self->id = g_strdup (limber_routine_get_id (routine));
      self->path = g_strdup (limber_routine_get_path (routine));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Routine"));
      watch (self);
      limber_routine_editor_reload (self);
      if (self->steps->len == 0)
        fill (self, routine);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Routine"));
      if (routine != NULL)
        {
          /* Translators: the name of a copy of a routine, as in "Gentle Relief (copy)". */
          g_autofree char *name = g_strdup_printf (_("%s (copy)"), limber_routine_get_name (routine));

          fill (self, routine);
          gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
        }
    }
  validate (self);
  g_free (self->clean_text);
  self->clean_text = g_strdup (self->text);

  return self;
}

guint
limber_routine_editor_get_n_steps (LimberRoutineEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), 0);
  return self->steps->len;
}

/**
 * limber_routine_editor_get_field:
 * @step: the step's index, or -1 for the routine's own fields ("name", "description")
 * @member: the field, as named in the file
 *
 * Returns: (transfer none) (nullable): its entry
 */
GtkEditable *
limber_routine_editor_get_field (LimberRoutineEditor *self,
                                 int                  step,
                                 const char          *member)
{
  Step *s;

  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), NULL);

  if (step < 0)
    return GTK_EDITABLE (g_str_equal (member, "name") ? self->name_row : self->description_row);
  if ((guint) step >= self->steps->len)
    return NULL;
  s = g_ptr_array_index (self->steps, step);
  for (guint i = 0; i < s->members->len; i++)
    if (g_str_equal (g_ptr_array_index (s->members, i), member))
      return GTK_EDITABLE (g_ptr_array_index (s->rows, i));
  return NULL;
}

/* Why the routine cannot be saved, or %NULL. */
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
  validate (self);
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
