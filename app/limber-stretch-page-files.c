/* limber-stretch-page-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "limber-toasts.h"

#include "limber-stretch-page-private.h"

/*
 * The Stretch page's routine files: importing them into the user's folder (one toast for those
 * imported, one dialog for those that were not), and deleting the user's own with a toast to
 * undo it.
 */

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

/* What limber_stretch_page_class_init() installs from here. */
void
limber_stretch_page_install_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "stretch.import-routine", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "stretch.delete-routine", "s",
                                   delete_routine_action);
  gtk_widget_class_install_action (widget_class, "stretch.undo-delete", NULL, undo_delete_action);
}

/* On dispose: a file kept aside for Undo goes, and an open import dialog is let go. */
void
limber_stretch_page_forget_files (LimberStretchPage *self)
{
  g_assert (LIMBER_IS_STRETCH_PAGE (self));

  forget_deleted (self);
  forget_import_dialog (self);
}
