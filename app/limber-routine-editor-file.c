/* limber-routine-editor-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "limber-routine-editor-private.h"

/*
 * The routine editor's file: the fields written out as the JSON text of a routine file, which
 * the catalog's reader checks (the same code that loads the user's files), saved atomically into
 * the user's routines folder, exported, reloaded and watched. A file changed on disk while it
 * is open is noticed and not overwritten, and closing with unsaved changes asks first.
 */

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

/**
 * limber_routine_editor_build_text:
 * @skip: (nullable): paths of fields to leave out, as the reader names them ("name",
 *   "steps[1].hold"), to look for the problems past the first; %NULL for the text to save
 *
 * Returns: (transfer full): the fields as the text of a routine file, one member a line
 */
char *
limber_routine_editor_build_text (LimberRoutineEditor *self,
                                  GHashTable          *skip)
{
  g_autoptr(GString) out = g_string_new ("{\n");
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  g_autofree char *id = NULL;

  /* Any name the reader takes stands in for one it refuses. */
  if (skip != NULL && g_hash_table_contains (skip, "name"))
    name = "Routine";
  id = self->id != NULL ? g_strdup (self->id) : make_id (self, name);
  if (skip == NULL)
    {
      g_free (self->built_id);
      self->built_id = g_strdup (id);
    }

  g_string_append (out, "  \"id\": ");
  append_string (out, id);
  g_string_append (out, ",\n  \"name\": ");
  append_string (out, name);
  g_string_append (out, ",\n");
  if (description[0] != '\0' && (skip == NULL || !g_hash_table_contains (skip, "description")))
    {
      g_string_append (out, "  \"description\": ");
      append_string (out, description);
      g_string_append (out, ",\n");
    }
  if (gtk_switch_get_active (GTK_SWITCH (self->first_days_switch)))
    g_string_append (out, "  \"first-days\": true,\n");
  g_string_append (out, "  \"steps\": [");
  for (guint i = 0; i < self->steps->len; i++)
    {
      g_string_append (out, i == 0 ? "\n    {\n" : ",\n    {\n");
      limber_editor_step_write (g_ptr_array_index (self->steps, i), i, skip, out);
      g_string_append (out, "\n    }");
    }
  g_string_append (out, "\n  ]\n}\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
on_file_changed (GFileMonitor        *monitor,
                 GFile               *file,
                 GFile               *other,
                 GFileMonitorEvent    event,
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

void
limber_routine_editor_unwatch (LimberRoutineEditor *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

void
limber_routine_editor_watch (LimberRoutineEditor *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);

  limber_routine_editor_unwatch (self);
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
    limber_routine_editor_fill (self, routine);
  else
    limber_routine_editor_validate (self);
  g_free (self->clean_text);
  self->clean_text = g_strdup (self->text);
}

void
limber_routine_editor_reload_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  limber_routine_editor_reload (LIMBER_ROUTINE_EDITOR (widget));
}

/* Whether the fields can be written: with a problem, every problem is shown at its field. */
static gboolean
check (LimberRoutineEditor  *self,
       GError              **error)
{
  self->loading = TRUE;
  for (guint i = 0; i < self->steps->len; i++)
    limber_editor_step_commit (g_ptr_array_index (self->steps, i));
  self->loading = FALSE;
  limber_routine_editor_validate (self);
  if (self->error == NULL)
    return TRUE;
  limber_routine_editor_reveal_problems (self);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, self->error);
  return FALSE;
}

/**
 * limber_routine_editor_save:
 *
 * Saves the routine into the user's routines folder, as Save does: with a problem, nothing is
 * written, and every problem is shown at its field.
 *
 * Returns: whether it was saved; @error says why not
 */
gboolean
limber_routine_editor_save (LimberRoutineEditor  *self,
                            GError              **error)
{
  g_autofree char *dir = limber_catalog_get_user_dir ();

  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), FALSE);

  if (!check (self, error))
    return FALSE;
  if (self->conflict)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("The file changed on disk."));
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
  limber_routine_editor_watch (self);

  limber_catalog_reload_user_dir (self->catalog, dir);
  return TRUE;
}

static gboolean
close_later (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

void
limber_routine_editor_save_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (limber_routine_editor_save (self, &error))
    /* Later, as this can come from the dialog asking before closing. */
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later, g_object_ref (self), g_object_unref);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    /* The problems with fields are shown at them; this is one with the file. */
    limber_routine_editor_show_message (self, error->message);
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

  if (!check (self, error))
    return FALSE;
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
        limber_routine_editor_show_message (self, error->message);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

void
limber_routine_editor_export_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (!check (self, NULL))
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

  limber_routine_editor_validate (self);
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

/* Asks before the window closes with changes not saved; returns whether it asked. */
gboolean
limber_routine_editor_ask_to_close (LimberRoutineEditor *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  gboolean can_save;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->discard || !limber_routine_editor_has_changes (self))
    return FALSE;

  can_save = self->error == NULL && !self->conflict;
  if (can_save)
    body = g_strdup (_("If you close without saving, your changes are lost."));
  else if (self->conflict)
    body = g_strdup (_("The file changed on disk, so your changes cannot be saved over it. If "
                       "you close now, your changes are lost."));
  else
    /* Translators: %s says what is wrong with the routine, as in "Hold: 1 to 600 seconds". */
    body = g_strdup_printf (_("It cannot be saved yet: %s. If you close now, your changes are "
                              "lost."), self->error);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", can_save);
  adw_message_dialog_set_default_response (dialog, can_save ? "save" : "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
