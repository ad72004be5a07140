/* limber-stretch-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "limber-figure.h"
#include "limber-routine-editor.h"
#include "limber-toasts.h"
#include "limber-voice.h"

#include "limber-stretch-page.h"

/*
 * The Stretch page: the routines the care plan offers now, with a Start button each, the
 * routine files that could not be loaded (file, line and what is wrong), and the player while a
 * session runs. In the first days of a spasm only "first-days" routines are listed; while a
 * check's warning signs stand, none is.
 */

struct _LimberStretchPage
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  AdwPreferencesGroup *routines_group;
  AdwPreferencesGroup *problems_group;
  LimberStretchPlayer *player;

  GPtrArray           *rows;
  GSettings           *settings;

  /* A deleted routine's file, kept aside while its toast offers Undo. */
  char                *deleted_path;
  char                *deleted_aside;

  /* The import problems shown in one dialog, while it is open: more imports add to it. */
  GtkWidget           *import_dialog;
  GPtrArray           *import_problems;

  /* "End This Session?", while it is asked, and what to do once the user ends it. */
  GtkWidget                  *end_dialog;
  LimberStretchPageEndedFunc  ended;
  gpointer                    ended_data;
  gboolean                    resume_on_keep;

  /* Collaborators */
  LimberClock         *clock;
  LimberJournal       *journal;
  LimberCatalog       *catalog;
  LimberCarePlan      *care_plan;
};

G_DEFINE_FINAL_TYPE (LimberStretchPage, limber_stretch_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_JOURNAL,
  PROP_CATALOG,
  PROP_CARE_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_minutes (gint64 duration_us)
{
  guint minutes = (guint) MAX (1, (duration_us + 30 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", minutes), minutes);
}

static void
remove_rows (LimberStretchPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

/* @name says which routine the button is for, as a screen reader reads the buttons alone. */
static GtkWidget *
card_button (const char *icon,
             const char *label,
             const char *name,
             const char *action,
             const char *id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  return button;
}

/* A routine as a card: a still of its first exercise, its name, length and exercises, whether it
 * is safe in the first days of a spasm, and its Start button. @suggested: the one routine the
 * page suggests; every other Start is plain. */
static void
add_routine_card (LimberStretchPage *self,
                  LimberRoutine     *routine,
                  gboolean           suggested)
{
  guint plank_s = g_settings_get_uint (self->settings, "plank-hold-seconds");
  gint64 plank_us;
  g_autofree char *minutes = NULL;
  g_autofree char *summary = limber_routine_dup_summary (routine);
  g_autofree char *subtitle = NULL;
  g_autofree char *button_label = NULL;
  const char *description = limber_routine_get_description (routine);
  GtkWidget *card, *top, *figure, *text, *title, *label, *badge, *button;

  /* The plank's current hold is in the journal; the setting only seeds it. */
  plank_s = limber_journal_get_plank_hold (self->journal, plank_s);
  plank_us = (gint64) plank_s * G_USEC_PER_SEC;
  minutes = format_minutes (limber_routine_get_duration_us (routine, plank_us));
  /* Translators: a routine's length and exercises, as in "6 min · Bridge, Plank". */
  subtitle = g_strdup_printf (_("%s · %s"), minutes, summary);

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "limber-card-routine");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  limber_routine_get_name (routine), -1);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (card), top);

  figure = limber_figure_new ();
  gtk_widget_set_size_request (figure, 96, 58);
  gtk_widget_set_valign (figure, GTK_ALIGN_START);
  gtk_widget_add_css_class (figure, "limber-card-figure");
  if (limber_routine_get_n_steps (routine) > 0)
    {
      LimberExercise *first = limber_routine_get_step_exercise (routine, 0);

      limber_figure_set_exercise (LIMBER_FIGURE (figure), limber_exercise_get_illustration (first));
      limber_figure_show_preview (LIMBER_FIGURE (figure));
      gtk_accessible_update_property (GTK_ACCESSIBLE (figure), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      limber_exercise_get_name (first), -1);
    }
  gtk_box_append (GTK_BOX (top), figure);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (top), text);

  /* The user's texts wrap anywhere, even inside a word: one long word must not widen the
   * window past the screen (at 3,000 characters, past what X can draw). */
  title = gtk_label_new (limber_routine_get_name (routine));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (text), title);

  label = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (text), label);

  if (description[0] != '\0')
    {
      label = gtk_label_new (description);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (text), label);
    }

  /* Whether it is safe in the first days: an icon in the success colour, the words in the
   * text colour (green text would be too faint to read). */
  badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  {
    gboolean first_days = limber_routine_get_first_days (routine);
    GtkWidget *icon = gtk_image_new_from_icon_name (first_days ? "emblem-ok-symbolic"
                                                               : "dialog-information-symbolic");

    gtk_widget_add_css_class (icon, first_days ? "success" : "dim-label");
    gtk_box_append (GTK_BOX (badge), icon);
    label = gtk_label_new (first_days ? _("Safe in the first days") : _("After the first 3 days"));
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_widget_add_css_class (label, "caption");
    if (first_days)
      gtk_widget_add_css_class (label, "limber-card-first-days");
    gtk_box_append (GTK_BOX (badge), label);
  }
  gtk_widget_set_margin_top (badge, 4);
  gtk_box_append (GTK_BOX (text), badge);

  button = gtk_button_new_with_label (_("Start"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.start-routine");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", limber_routine_get_id (routine));
  /* Translators: the accessible name of a routine's Start button. */
  button_label = g_strdup_printf (_("Start %s"), limber_routine_get_name (routine));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  {
    /* Edit and Delete for the user's own routines; any can be copied into a new one. */
    GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    const char *id = limber_routine_get_id (routine);
    const char *name = limber_routine_get_name (routine);
    gboolean own = limber_routine_get_path (routine) != NULL;
    /* Translators: the accessible names of a routine card's buttons; %s is the routine. */
    g_autofree char *edit_name = g_strdup_printf (_("Edit %s"), name);
    g_autofree char *delete_name = g_strdup_printf (_("Delete %s"), name);
    g_autofree char *duplicate_name = g_strdup_printf (_("Duplicate %s"), name);

    if (own)
      {
        gtk_box_append (GTK_BOX (bar), card_button ("document-edit-symbolic", _("Edit"), edit_name,
                                                    "stretch.edit-routine", id));
        gtk_box_append (GTK_BOX (bar), card_button ("user-trash-symbolic", _("Delete"), delete_name,
                                                    "stretch.delete-routine", id));
      }
    gtk_box_append (GTK_BOX (bar), card_button ("edit-copy-symbolic", _("Duplicate"), duplicate_name,
                                                "stretch.duplicate-routine", id));
    gtk_widget_set_hexpand (button, TRUE);
    gtk_box_append (GTK_BOX (bar), button);
    gtk_box_append (GTK_BOX (card), bar);
  }

  adw_preferences_group_add (self->routines_group, card);
  g_ptr_array_add (self->rows, card);
}

static void
add_problem_row (LimberStretchPage          *self,
                 const LimberCatalogProblem *problem)
{
  g_autofree char *name = g_path_get_basename (problem->path);
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *icon;

  if (problem->line > 0)
    /* Translators: where a routine file is wrong and what is wrong, as in "Line 4: …". */
    subtitle = g_strdup_printf (_("Line %d: %s"), problem->line, problem->message);
  else
    subtitle = g_strdup (problem->message);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, problem->path);

  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  adw_preferences_group_add (self->problems_group, row);
  g_ptr_array_add (self->rows, row);
}

/* Lists what the care plan offers now, and says why where it holds some back. */
static void
refresh (LimberStretchPage *self)
{
  GListModel *routines = limber_catalog_get_routines (self->catalog);
  GPtrArray *problems = limber_catalog_get_problems (self->catalog);
  LimberCareWarning warning;
  gboolean has_warning = limber_care_plan_get_warning (self->care_plan, &warning);
  gboolean emergency = has_warning && warning.outcome == LIMBER_TRIAGE_OUTCOME_EMERGENCY;
  gboolean acute = limber_care_plan_get_phase (self->care_plan) == LIMBER_CARE_PHASE_ACUTE;

  g_autoptr(GPtrArray) allowed = g_ptr_array_new_with_free_func (g_object_unref);
  LimberRoutine *suggested = NULL;

  remove_rows (self);

  for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);

      if (limber_care_plan_allows_routine (self->care_plan, routine, NULL))
        g_ptr_array_add (allowed, g_steal_pointer (&routine));
    }

  /* One suggested Start: in the first days the first gentle routine the plan allows; after
   * them the first full one; else the first listed. */
  for (guint i = 0; i < allowed->len && suggested == NULL; i++)
    if (limber_routine_get_first_days (g_ptr_array_index (allowed, i)) == acute)
      suggested = g_ptr_array_index (allowed, i);
  if (suggested == NULL && allowed->len > 0)
    suggested = g_ptr_array_index (allowed, 0);

  for (guint i = 0; i < allowed->len; i++)
    add_routine_card (self, g_ptr_array_index (allowed, i),
                      g_ptr_array_index (allowed, i) == suggested);

  for (guint i = 0; i < problems->len; i++)
    add_problem_row (self, g_ptr_array_index (problems, i));

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);
  if (problems->len > 0)
    {
      g_autofree char *dir = limber_catalog_get_user_dir ();
      /* The group's description is markup; the folder's name is not. */
      g_autofree char *dir_text = g_markup_escape_text (dir, -1);
      g_autofree char *description = g_strdup_printf (_("These files in %s were skipped. Fix "
                                                        "them and restart Limber."), dir_text);
      adw_preferences_group_set_description (self->problems_group, description);
    }

  adw_preferences_group_set_description (self->routines_group,
                                         emergency
                                         ? _("Your last symptom check found signs that need "
                                             "help now. Get help first; stretches can wait "
                                             "until a check finds none.")
                                         : has_warning
                                         ? _("A doctor should look at your back soon. Until "
                                             "then, stretch only as far as is comfortable, and "
                                             "stop at once if anything hurts.")
                                         : acute
                                         ? _("In the first 3 days of a back spasm, only the "
                                             "gentlest routines, and stop at once if it hurts. "
                                             "The others come back after that.")
                                         : _("Lie on a mat or carpet. Sounds and a voice guide "
                                             "you, so you need not watch the screen."));
}

static gint64
plank_hold_us (LimberStretchPage *self)
{
  guint plank_s = g_settings_get_uint (self->settings, "plank-hold-seconds");

  return (gint64) limber_journal_get_plank_hold (self->journal, plank_s) * G_USEC_PER_SEC;
}

/**
 * limber_stretch_page_open_editor:
 * @routine: (nullable): the routine to edit (the user's own) or copy; %NULL for a new one
 *
 * Returns: (transfer none): the editor, shown
 */
GtkWindow *
limber_stretch_page_open_editor (LimberStretchPage *self,
                                 LimberRoutine     *routine,
                                 gboolean           duplicate)
{
  LimberRoutineEditor *editor;
  GtkRoot *root;

  g_return_val_if_fail (LIMBER_IS_STRETCH_PAGE (self), NULL);

  editor = limber_routine_editor_new (self->catalog, routine, duplicate, plank_hold_us (self));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

static void
new_routine_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  limber_stretch_page_open_editor (LIMBER_STRETCH_PAGE (widget), NULL, FALSE);
}

static void
edit_routine_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LimberStretchPage *self = LIMBER_STRETCH_PAGE (widget);
  LimberRoutine *routine = limber_catalog_find_routine (self->catalog,
                                                        g_variant_get_string (parameter, NULL));

  if (routine != NULL)
    limber_stretch_page_open_editor (self, routine,
                                     g_str_equal (action_name, "stretch.duplicate-routine"));
}

static void
reload_catalog (LimberStretchPage *self)
{
  g_autofree char *dir = limber_catalog_get_user_dir ();

  limber_catalog_reload_user_dir (self->catalog, dir);
}

/* The file kept aside goes for good. */
static void
forget_deleted (LimberStretchPage *self)
{
  if (self->deleted_aside != NULL)
    g_unlink (self->deleted_aside);
  g_clear_pointer (&self->deleted_path, g_free);
  g_clear_pointer (&self->deleted_aside, g_free);
}

static void
on_delete_toast_dismissed (AdwToast          *toast,
                           LimberStretchPage *self)
{
  forget_deleted (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LimberStretchPage *self = LIMBER_STRETCH_PAGE (widget);

  if (self->deleted_aside != NULL && g_rename (self->deleted_aside, self->deleted_path) == 0)
    {
      g_clear_pointer (&self->deleted_aside, g_free);
      g_clear_pointer (&self->deleted_path, g_free);
      reload_catalog (self);
    }
}

static void
on_undo_clicked (LimberStretchPage *self)
{
  undo_delete_action (GTK_WIDGET (self), "stretch.undo-delete", NULL);
}

/**
 * limber_stretch_page_delete_routine:
 *
 * Moves the user's routine @id out of the folder, with a toast to undo it; the file goes once the
 * toast does.
 *
 * Returns: whether it was deleted
 */
gboolean
limber_stretch_page_delete_routine (LimberStretchPage *self,
                                    const char        *id)
{
  LimberRoutine *routine = limber_catalog_find_routine (self->catalog, id);
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_val_if_fail (LIMBER_IS_STRETCH_PAGE (self), FALSE);

  if (routine == NULL || limber_routine_get_path (routine) == NULL)
    return FALSE;

  forget_deleted (self);
  self->deleted_path = g_strdup (limber_routine_get_path (routine));
  /* Not ending in ".json", so the loader passes it by. */
  self->deleted_aside = g_strconcat (self->deleted_path, ".deleted", NULL);
  if (g_rename (self->deleted_path, self->deleted_aside) != 0)
    {
      g_clear_pointer (&self->deleted_path, g_free);
      g_clear_pointer (&self->deleted_aside, g_free);
      return FALSE;
    }
  reload_catalog (self);

  toast = adw_toast_new (_("Routine deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  /* The toast lives in the window's overlay, above the page's actions: it calls back instead. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self,
                           G_CONNECT_SWAPPED);
  /* After: limber_toasts_add() may hold back a dismissal that comes during the slide-in. */
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed), self,
                           G_CONNECT_AFTER);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  /* Undo must be at hand at once, not after the toasts before it. */
  if (overlay != NULL)
    limber_toasts_add (ADW_TOAST_OVERLAY (overlay), toast, TRUE);
  else
    {
      g_object_ref_sink (toast);
      g_object_unref (toast);
    }
  return TRUE;
}

static void
delete_routine_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  limber_stretch_page_delete_routine (LIMBER_STRETCH_PAGE (widget),
                                      g_variant_get_string (parameter, NULL));
}

/**
 * limber_stretch_page_import:
 *
 * Copies a routine file into the user's folder, if the loader accepts it.
 *
 * Returns: whether it was imported; @error says what is wrong with the file, with its line
 */
gboolean
limber_stretch_page_import (LimberStretchPage  *self,
                            GFile              *file,
                            GError            **error)
{
  g_autoptr(LimberRoutine) routine = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = limber_catalog_get_user_dir ();
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  gsize length;

  g_return_val_if_fail (LIMBER_IS_STRETCH_PAGE (self), FALSE);

  /* The loader's own reading: a pipe or a huge file is refused before it is read. */
  routine = limber_catalog_read_file (self->catalog, file, &contents, &length, error);
  if (routine == NULL)
    return FALSE;

  name = g_strconcat (limber_routine_get_id (routine), ".json", NULL);
  target = g_build_filename (dir, name, NULL);
  /* A file the loader refused keeps its name: importing must not write over it. */
  if (g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message =
        g_strdup_printf (_("the id “%s” is already used by the file %s; choose another"),
                         limber_routine_get_id (routine), target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s:0: %s", path, message);
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (target, contents, length, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", dir, g_strerror (errno));
      return FALSE;
    }
  reload_catalog (self);
  return TRUE;
}

/* "PATH:LINE: what" as "NAME, line LINE: what", for people rather than terminals. */
static char *
describe_file_error (GFile      *file,
                     const char *message)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  const char *what;
  guint line;

  what = limber_catalog_split_error (path, message, &line);
  if (what == message)
    return g_strdup (message);
  message = what;
  if (line == 0)
    /* Translators: a routine file and what is wrong with it. */
    return g_strdup_printf (_("%s: %s"), name, message);
  /* Translators: a routine file, the line that is wrong, and what is wrong with it. */
  return g_strdup_printf (_("%s, line %u: %s"), name, line, message);
}

/* A dialog lists this many problems; the others are counted. */
#define MAX_IMPORT_PROBLEMS_SHOWN 10

static void
forget_import_dialog (LimberStretchPage *self)
{
  if (self->import_dialog == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->import_dialog, self);
  g_object_remove_weak_pointer (G_OBJECT (self->import_dialog), (gpointer *) &self->import_dialog);
  self->import_dialog = NULL;
}

static void
on_import_dialog_response (LimberStretchPage *self)
{
  forget_import_dialog (self);
  g_ptr_array_set_size (self->import_problems, 0);
}

/* One dialog for all the files that could not be imported, however many and however they came
 * (one Open With of 300 files, or 300 of them): an open dialog takes the new problems in. */
static void
show_import_problems (LimberStretchPage *self)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint n = self->import_problems->len;
  const char *heading;

  for (guint i = 0; i < MIN (n, MAX_IMPORT_PROBLEMS_SHOWN); i++)
    {
      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, g_ptr_array_index (self->import_problems, i));
    }
  if (n > MAX_IMPORT_PROBLEMS_SHOWN)
    {
      guint more = n - MAX_IMPORT_PROBLEMS_SHOWN;

      g_string_append_c (body, '\n');
      g_string_append_printf (body,
                              /* Translators: after a list of routine files that could not be
                               * imported. */
                              g_dngettext (GETTEXT_PACKAGE, "…and %u more file",
                                           "…and %u more files", more),
                              more);
    }
  heading = g_dngettext (GETTEXT_PACKAGE, "Could Not Import Routine",
                         "Could Not Import Routines", n);

  if (self->import_dialog != NULL)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self->import_dialog), heading);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self->import_dialog), body->str);
      return;
    }

  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                heading, body->str);

    gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
    g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_dialog_response), self,
                             G_CONNECT_SWAPPED);
    self->import_dialog = dialog;
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->import_dialog);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

/**
 * limber_stretch_page_import_files:
 *
 * Imports @files as limber_stretch_page_import() does, and tells the user how it went: one toast
 * for the files imported, and one dialog listing the reasons for those that were not.
 */
void
limber_stretch_page_import_files (LimberStretchPage  *self,
                                  GFile             **files,
                                  guint               n_files)
{
  g_autofree char *first_name = NULL;
  guint imported = 0;
  guint failed = 0;

  g_return_if_fail (LIMBER_IS_STRETCH_PAGE (self));

  /* Problems of a dialog closed with its window are not shown again. */
  if (self->import_dialog == NULL)
    g_ptr_array_set_size (self->import_problems, 0);

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;

      g_return_if_fail (G_IS_FILE (files[i]));

      if (limber_stretch_page_import (self, files[i], &error))
        {
          if (imported++ == 0)
            first_name = g_file_get_basename (files[i]);
        }
      else
        {
          g_ptr_array_add (self->import_problems, describe_file_error (files[i], error->message));
          failed++;
        }
    }

  if (imported > 0)
    {
      g_autofree char *message = NULL;

      if (imported == 1)
        /* Translators: %s is the name of the routine file that was imported. */
        message = g_strdup_printf (_("Imported %s"), first_name);
      else
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u routine",
                                                "Imported %u routines", imported),
                                   imported);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.add-toast", "s", message);
    }

  if (failed > 0)
    show_import_problems (self);
}

/**
 * limber_stretch_page_import_file:
 *
 * Imports @file as limber_stretch_page_import_files() does.
 */
void
limber_stretch_page_import_file (LimberStretchPage *self,
                                 GFile             *file)
{
  limber_stretch_page_import_files (self, &file, 1);
}

static void
on_import_response (GtkNativeDialog   *dialog,
                    int                response,
                    LimberStretchPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      limber_stretch_page_import_file (self, file);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Import Routine"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_set_name (filter, "JSON");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
limber_stretch_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (limber_stretch_page_parent_class)->map (widget);

  refresh (LIMBER_STRETCH_PAGE (widget));
}

static void
on_player_done (LimberStretchPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "routines");
}

static void
limber_stretch_page_dispose (GObject *object)
{
  LimberStretchPage *self = LIMBER_STRETCH_PAGE (object);

  /* The player, going with the page, records a running session: stop following first. */
  if (self->care_plan != NULL)
    g_signal_handlers_disconnect_by_data (self->care_plan, self);
  if (self->end_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->end_dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->end_dialog));
      self->end_dialog = NULL;
    }
  forget_deleted (self);
  forget_import_dialog (self);
  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (limber_catalog_get_routines (self->catalog), self);
  g_clear_object (&self->settings);
  g_clear_object (&self->care_plan);
  g_clear_object (&self->catalog);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_stretch_page_parent_class)->dispose (object);
}

static void
limber_stretch_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberStretchPage *self = LIMBER_STRETCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_CARE_PLAN:
      self->care_plan = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_stretch_page_constructed (GObject *object)
{
  LimberStretchPage *self = LIMBER_STRETCH_PAGE (object);

  G_OBJECT_CLASS (limber_stretch_page_parent_class)->constructed (object);

  g_return_if_fail (LIMBER_IS_CLOCK (self->clock));
  g_return_if_fail (LIMBER_IS_JOURNAL (self->journal));
  g_return_if_fail (LIMBER_IS_CATALOG (self->catalog));
  g_return_if_fail (LIMBER_IS_CARE_PLAN (self->care_plan));

  /* The page is built when it is first shown: a session is near, so have the voice ready for
   * its first words. */
  limber_voice_prepare (limber_voice_get_default ());

  /* Made here, so the player gets the clock and journal when it is built. */
  self->player = limber_stretch_player_new (self->clock, self->journal);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->player), "player");
  g_signal_connect_swapped (self->player, "done", G_CALLBACK (on_player_done), self);

  g_signal_connect_object (self->care_plan, "changed", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  /* A routine saved, imported or deleted shows at once. */
  g_signal_connect_swapped (limber_catalog_get_routines (self->catalog), "items-changed",
                            G_CALLBACK (refresh), self);
  refresh (self);
}

static void
limber_stretch_page_finalize (GObject *object)
{
  LimberStretchPage *self = LIMBER_STRETCH_PAGE (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->import_problems);

  G_OBJECT_CLASS (limber_stretch_page_parent_class)->finalize (object);
}

static void
limber_stretch_page_class_init (LimberStretchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_stretch_page_dispose;
  object_class->finalize = limber_stretch_page_finalize;
  object_class->set_property = limber_stretch_page_set_property;
  object_class->constructed = limber_stretch_page_constructed;
  widget_class->map = limber_stretch_page_map;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, LIMBER_TYPE_CLOCK,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, LIMBER_TYPE_JOURNAL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, LIMBER_TYPE_CATALOG,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CARE_PLAN] =
    g_param_spec_object ("care-plan", NULL, NULL, LIMBER_TYPE_CARE_PLAN,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/limber-stretch-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPage, routines_group);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPage, problems_group);

  gtk_widget_class_install_action (widget_class, "stretch.new-routine", NULL, new_routine_action);
  gtk_widget_class_install_action (widget_class, "stretch.import-routine", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "stretch.edit-routine", "s", edit_routine_action);
  gtk_widget_class_install_action (widget_class, "stretch.duplicate-routine", "s",
                                   edit_routine_action);
  gtk_widget_class_install_action (widget_class, "stretch.delete-routine", "s",
                                   delete_routine_action);
  gtk_widget_class_install_action (widget_class, "stretch.undo-delete", NULL, undo_delete_action);
}

static void
limber_stretch_page_init (LimberStretchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->import_problems = g_ptr_array_new_with_free_func (g_free);
  self->settings = g_settings_new (APPLICATION_ID);
}

/**
 * limber_stretch_page_new:
 *
 * Returns: (transfer full): the Stretch page, offering @catalog's routines as @care_plan allows
 */
LimberStretchPage *
limber_stretch_page_new (LimberClock    *clock,
                         LimberJournal  *journal,
                         LimberCatalog  *catalog,
                         LimberCarePlan *care_plan)
{
  return g_object_new (LIMBER_TYPE_STRETCH_PAGE,
                       "clock", clock,
                       "journal", journal,
                       "catalog", catalog,
                       "care-plan", care_plan,
                       NULL);
}

/**
 * limber_stretch_page_start:
 * @error: (optional): why the care plan does not allow @routine now
 *
 * Starts @routine in the player, if the care plan allows it now.
 *
 * Returns: %TRUE if the session started
 */
gboolean
limber_stretch_page_start (LimberStretchPage  *self,
                           LimberRoutine      *routine,
                           GError            **error)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PAGE (self), FALSE);
  g_return_val_if_fail (LIMBER_IS_ROUTINE (routine), FALSE);

  if (!limber_care_plan_allows_routine (self->care_plan, routine, error))
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack, "player");
  limber_stretch_player_start (self->player, routine);
  return TRUE;
}

LimberStretchPlayer *
limber_stretch_page_get_player (LimberStretchPage *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PAGE (self), NULL);
  return self->player;
}

/* "routines" or "player" */
const char *
limber_stretch_page_get_screen (LimberStretchPage *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * limber_stretch_page_has_session:
 *
 * Returns: whether a session is under way (running or paused), which leaving would end
 */
gboolean
limber_stretch_page_has_session (LimberStretchPage *self)
{
  LimberStretchSession *session;

  g_return_val_if_fail (LIMBER_IS_STRETCH_PAGE (self), FALSE);

  session = limber_stretch_player_get_session (self->player);
  return session != NULL &&
         g_str_equal (gtk_stack_get_visible_child_name (self->stack), "player") &&
         limber_stretch_session_get_state (session) != LIMBER_SESSION_STATE_FINISHED;
}

static void
on_end_response (AdwMessageDialog  *dialog,
                 const char        *response,
                 LimberStretchPage *self)
{
  LimberStretchSession *session = limber_stretch_player_get_session (self->player);
  LimberStretchPageEndedFunc ended = self->ended;
  gpointer ended_data = self->ended_data;

  self->end_dialog = NULL;
  self->ended = NULL;
  self->ended_data = NULL;

  if (session == NULL || limber_stretch_session_get_state (session) == LIMBER_SESSION_STATE_FINISHED)
    return;

  if (g_str_equal (response, "end"))
    {
      limber_stretch_session_stop (session, LIMBER_SESSION_OUTCOME_STOPPED);
      if (ended != NULL)
        ended (ended_data);
    }
  else if (self->resume_on_keep)
    limber_stretch_session_resume (session);
}

/**
 * limber_stretch_page_ask_to_end:
 * @ended: (nullable): called if the user ends the session
 *
 * Pauses the session and asks whether to end it: closing the window or leaving the page must
 * never end one by accident. "Keep Going" resumes it; "End Session" stops it (it is recorded as
 * stopped) and calls @ended.
 */
void
limber_stretch_page_ask_to_end (LimberStretchPage          *self,
                                LimberStretchPageEndedFunc  ended,
                                gpointer                    user_data)
{
  LimberStretchSession *session;
  GtkRoot *root;

  g_return_if_fail (LIMBER_IS_STRETCH_PAGE (self));

  session = limber_stretch_player_get_session (self->player);
  if (!limber_stretch_page_has_session (self))
    {
      if (ended != NULL)
        ended (user_data);
      return;
    }

  /* Asked already: the latest wish wins. */
  self->ended = ended;
  self->ended_data = user_data;
  if (self->end_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->end_dialog));
      return;
    }

  self->resume_on_keep = limber_stretch_session_is_running (session);
  if (self->resume_on_keep)
    limber_stretch_session_pause (session);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->end_dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             _("End This Session?"),
                                             _("The session is paused. Ending it keeps what you "
                                               "have done so far."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self->end_dialog),
                                    "keep", _("_Keep Going"),
                                    "end", _("_End Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self->end_dialog), "end",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self->end_dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self->end_dialog), "keep");
  g_signal_connect (self->end_dialog, "response", G_CALLBACK (on_end_response), self);
  gtk_window_present (GTK_WINDOW (self->end_dialog));
}

