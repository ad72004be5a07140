/* limber-application-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application's actions (app.*): what menus, shortcuts, notifications and D-Bus callers
 * ask of Limber. Each shows the main window where the answer is.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "config.h"
#include "limber-preferences-window.h"
#include "limber-summary-dialog.h"
#include "limber-text.h"
#include "limber-application-private.h"

static void
check_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LimberWindow *window = limber_application_get_main_window (LIMBER_APPLICATION (user_data));

  limber_window_show_page (window, LIMBER_PAGE_CHECK);
  gtk_window_present (GTK_WINDOW (window));
}

static void
start_routine_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  LimberApplication *self = LIMBER_APPLICATION (user_data);
  LimberWindow *window = limber_application_get_main_window (self);
  const char *id = g_variant_get_string (parameter, NULL);
  LimberRoutine *routine = limber_catalog_find_routine (limber_application_get_catalog (self), id);

  g_autoptr(GError) error = NULL;

  limber_window_show_page (window, LIMBER_PAGE_STRETCH);
  limber_application_present_window (self, GTK_WINDOW (window));

  if (routine == NULL)
    {
      /* Any text may come over D-Bus: cut as --routine cuts it, so a huge one cannot freeze the
       * window laying out its toast, and a flood of them is dropped rather than queued. */
      g_autofree char *shown = limber_text_quote (id, 80);
      g_autofree char *message = g_strdup_printf (_("There is no routine “%s”"), shown);

      g_message ("%s", message);
      limber_window_add_droppable_toast (window, message);
      return;
    }

  /* Every way in (a button, --routine, a notification's Stretch Now) asks the care plan. */
  if (!limber_stretch_page_start (limber_window_get_stretch_page (window), routine, &error))
    {
      g_message ("Not starting %s: %s", id, error->message);
      limber_window_add_toast (window, error->message);
      if (g_error_matches (error, LIMBER_CARE_PLAN_ERROR, LIMBER_CARE_PLAN_ERROR_WARNING))
        limber_window_show_page (window, LIMBER_PAGE_TODAY);
    }
}

/* "Start Cold Pack" on the reminder service's cold-pack reminder: the Today page's pack timer
 * starts, in sight. The page says why when it cannot (a pack is on, or the plan does not allow
 * one now). */
static void
start_pack_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  LimberWindow *window = limber_application_get_main_window (LIMBER_APPLICATION (user_data));
  const char *kind = g_variant_get_string (parameter, NULL);
  LimberPackKind pack;

  limber_window_show_page (window, LIMBER_PAGE_TODAY);
  gtk_window_present (GTK_WINDOW (window));

  if (!limber_pack_kind_from_string (kind, &pack))
    {
      g_message ("There is no pack “%.40s”: use cold or heat", kind);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (limber_window_get_today_page (window)),
                              "today.quick-pack", "s", kind);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LimberApplication *self = LIMBER_APPLICATION (user_data);
  GtkWindow *preferences;

  preferences = GTK_WINDOW (limber_preferences_window_new (limber_application_get_journal (self),
                                                           limber_application_get_time_format (self)));

  gtk_window_set_transient_for (preferences,
                                GTK_WINDOW (limber_application_get_main_window (self)));
  gtk_window_present (preferences);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Limber developers", NULL };
  LimberApplication *self = user_data;
  g_autofree char *comments = NULL;
  GtkWindow *about;

  comments = g_strdup_printf ("%s\n\n%s",
                              _("Check back spasm symptoms for warning signs, follow guided "
                                "stretches, and get gentle reminders to drink water, move and "
                                "walk."),
                              limber_triage_get_disclaimer ());

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", "Limber",
                        "application-icon", APPLICATION_ID,
                        "developer-name", "The Limber developers",
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", comments,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Limber developers",
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (about);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  LimberWindow *window = limber_application_get_main_window (LIMBER_APPLICATION (user_data));
  const char *name = g_variant_get_string (parameter, NULL);
  LimberPage page;

  /* Any D-Bus caller may name a page: an unknown one shows the window as it is. */
  if (limber_page_from_string (name, &page))
    limber_window_show_page (window, page);
  else
    g_message ("No page is called “%.40s”", name);
  gtk_window_present (GTK_WINDOW (window));
}

static void
doctor_summary_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  LimberApplication *self = LIMBER_APPLICATION (user_data);
  LimberWindow *window = limber_application_get_main_window (self);
  g_autoptr(LimberDoctorSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  LimberSummaryDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  summary = limber_doctor_summary_new (limber_application_get_journal (self), NULL, &error);
  if (summary == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("No summary: %s"), error->message);

      limber_window_add_toast (window, message);
      return;
    }

  dialog = limber_summary_dialog_new (summary);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_response (GtkNativeDialog   *dialog,
                    int                response,
                    LimberApplication *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileFilter *filter;
  LimberWindow *window = limber_application_get_main_window (self);

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  if (path == NULL)
    goto out;

  /* A name without the extension gets the one of the chosen format. */
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
  if (!g_str_has_suffix (path, ".csv") && !g_str_has_suffix (path, ".json"))
    {
      const char *ext = filter != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (filter), "ext"),
                                                     ".csv") == 0 ? ".csv" : ".json";
      char *with_ext = g_strconcat (path, ext, NULL);

      g_free (path);
      path = with_ext;
    }

  if (limber_journal_export (limber_application_get_journal (self), path, &error))
    {
      g_autofree char *name = g_path_get_basename (path);

      message = g_strdup_printf (_("Exported to %s"), name);
    }
  else
    message = g_strdup_printf (_("Could not export: %s"), error->message);
  limber_window_add_toast (window, message);

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  LimberApplication *self = LIMBER_APPLICATION (user_data);
  LimberWindow *window = limber_application_get_main_window (self);
  GtkFileChooserNative *dialog;
  GtkFileFilter *json, *csv;

  dialog = gtk_file_chooser_native_new (_("Export Records"), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  json = gtk_file_filter_new ();
  gtk_file_filter_set_name (json, _("JSON (all records, nested)"));
  gtk_file_filter_add_suffix (json, "json");
  g_object_set_data (G_OBJECT (json), "ext", (gpointer) ".json");
  csv = gtk_file_filter_new ();
  gtk_file_filter_set_name (csv, _("CSV (one table with a type column)"));
  gtk_file_filter_add_suffix (csv, "csv");
  g_object_set_data (G_OBJECT (csv), "ext", (gpointer) ".csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
  g_object_unref (json);
  g_object_unref (csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "limber-records.json");

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_delete_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    LimberApplication *self)
{
  g_autoptr(GError) error = NULL;
  LimberWindow *window = limber_application_get_main_window (self);

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (limber_journal_delete_all (limber_application_get_journal (self), &error))
    limber_window_add_toast (window, _("All records deleted"));
  else
    {
      g_autofree char *message = g_strdup_printf (_("Could not delete: %s"), error->message);

      limber_window_add_toast (window, message);
    }
}

static void
delete_data_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LimberApplication *self = LIMBER_APPLICATION (user_data);
  LimberWindow *window = limber_application_get_main_window (self);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Delete All Your Records?"),
                                   _("Every session, check, glass of water, episode and pack "
                                     "you recorded will be deleted for good. Export them first "
                                     "if you want to keep a copy. Your settings stay."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry app_actions[] = {
  { "check", check_action },
  { "show-page", show_page_action, "s" },
  { "export", export_action },
  { "doctor-summary", doctor_summary_action },
  { "delete-data", delete_data_action },
  { "start-routine", start_routine_action, "s" },
  { "start-pack", start_pack_action, "s" },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

/**
 * limber_application_add_actions:
 *
 * Adds the app.* actions and their keyboard shortcuts.
 */
void
limber_application_add_actions (LimberApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *check_accels[] = { "<Control>k", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  GApplication *app = G_APPLICATION (self);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.check", check_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
}
