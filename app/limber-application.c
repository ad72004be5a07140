/* limber-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-catalog.h"
#include "limber-cue-player.h"
#include "limber-doctor-summary.h"
#include "limber-preferences-window.h"
#include "limber-program.h"
#include "limber-summary-dialog.h"
#include "limber-summary-printer.h"
#include "limber-system-clock.h"
#include "limber-text.h"
#include "limber-triage.h"
#include "limber-water-log.h"
#include "limber-window.h"

/*
 * The application builds the collaborators once (the clock, the journal of the user's records,
 * the catalog of routines, the care plan, the pack timer and the desktop's time format) and
 * hands them to the window, which hands them to its pages. Nothing below asks for them back.
 */

#include "limber-application.h"

struct _LimberApplication
{
  AdwApplication  parent_instance;

  LimberClock     *clock;
  LimberCatalog   *catalog;
  LimberJournal   *journal;
  LimberCarePlan  *care_plan;
  LimberTimeFormat *time_format;
  LimberPackTimer *pack_timer;
  LimberCuePlayer *pack_sound;
  gboolean         pack_hold;
  gboolean         reminders_started;
  gboolean         raise_by_remap;
};

G_DEFINE_FINAL_TYPE (LimberApplication, limber_application, ADW_TYPE_APPLICATION)

static LimberWindow *
get_main_window (LimberApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (LIMBER_IS_WINDOW (active))
    return LIMBER_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (LIMBER_IS_WINDOW (l->data))
        return LIMBER_WINDOW (l->data);
    }

  return limber_window_new (ADW_APPLICATION (self),
                            limber_application_get_clock (self),
                            limber_application_get_journal (self),
                            limber_application_get_catalog (self),
                            limber_application_get_care_plan (self),
                            limber_application_get_pack_timer (self),
                            limber_application_get_time_format (self));
}

static void
start_reminders_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!limber_program_start_reminders_finish (result, &error))
    g_message ("Could not start the reminder service: %s", error->message);
}

/* Reminders are on but their service may not run (just installed, or stopped): start it, once,
 * after the window's first frame so that it does not compete with the window for the CPU. */
static void
on_first_frame (GdkFrameClock     *frame_clock,
                LimberApplication *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));

  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame, self);
  if (bus != NULL && g_settings_get_boolean (settings, "reminders-enabled"))
    limber_program_start_reminders (bus, NULL, start_reminders_done, NULL);
}

/* A click on a reminder (the service marks the request with "limber-reminder-click") is a
 * person asking for Limber now. GNOME Shell 43 hands the service no activation token for it, so
 * Mutter would refuse to raise a window that is already open and post "Limber is ready"
 * instead. A window that is mapped anew is focused in Mutter 43, as a newly opened one: the
 * window is hidden and shown again. Where the request carries a token (other desktops, later
 * Shells), GTK activates the window with it and nothing else is done. */
static void
limber_application_before_emit (GApplication *app,
                                GVariant     *platform_data)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  gboolean clicked = FALSE;

  G_APPLICATION_CLASS (limber_application_parent_class)->before_emit (app, platform_data);

  g_variant_lookup (platform_data, "limber-reminder-click", "b", &clicked);
  self->raise_by_remap = clicked
                         && !g_variant_lookup (platform_data, "activation-token", "&s", NULL)
                         && !g_variant_lookup (platform_data, "desktop-startup-id", "&s", NULL);
}

static void
limber_application_after_emit (GApplication *app,
                               GVariant     *platform_data)
{
  LIMBER_APPLICATION (app)->raise_by_remap = FALSE;

  G_APPLICATION_CLASS (limber_application_parent_class)->after_emit (app, platform_data);
}

static void
present_window (LimberApplication *self,
                GtkWindow         *window)
{
  if (self->raise_by_remap && gtk_widget_get_mapped (GTK_WIDGET (window))
      && !gtk_window_is_active (window))
    {
      g_debug ("Raising the window for a click on a reminder by showing it anew");
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
    }

  gtk_window_present (window);
}

static void
limber_application_activate (GApplication *app)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  GtkWindow *window = GTK_WINDOW (get_main_window (self));

  present_window (self, window);

  if (!self->reminders_started)
    {
      GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

      self->reminders_started = TRUE;
      if (frame_clock != NULL)
        g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (on_first_frame), self,
                                 0);
    }
}

/* Files given on the command line, or opened with Limber from Files, are routine files to
 * import. */
static void
limber_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  LimberApplication *self = LIMBER_APPLICATION (app);

  g_application_activate (app);
  limber_window_import_routines (get_main_window (self), files, (guint) n_files);
}

/* An argument as the terminal should show it: control characters, which could move the cursor
 * or retitle the window, and bytes that are not UTF-8 are written as escapes; a long one is
 * cut short. */
static char *
escape_for_terminal (const char *text)
{
  return limber_text_quote (text, 80);
}

static int
limber_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  const char *routine_id = NULL;
  const char *export_path = NULL;
  const char *summary_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "limber", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "export", "^&ay", &export_path))
    {
      /* Runs here, without a window or the primary instance: the journal is safe to share. */
      if (!limber_journal_export (limber_application_get_journal (self), export_path, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      g_print (_("Exported your records to %s\n"), export_path);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "summary", "^&ay", &summary_path))
    {
      g_autoptr(LimberDoctorSummary) summary = NULL;
      g_autoptr(LimberSummaryPrinter) printer = NULL;

      /* The page's chart is drawn by the Progress page's widget, which needs GTK. */
      if (!gtk_init_check ())
        {
          g_printerr (_("Could not write the summary: no display to lay the page out with\n"));
          return EXIT_FAILURE;
        }

      summary = limber_doctor_summary_new (limber_application_get_journal (self), NULL, &error);
      if (summary == NULL)
        {
          g_printerr (_("No summary was written: %s\n"), error->message);
          return EXIT_FAILURE;
        }

      printer = limber_summary_printer_new (summary);
      if (!limber_summary_printer_write_pdf (printer, summary_path, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      g_print (_("Wrote the summary for your doctor to %s\n"), summary_path);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "routine", "&s", &routine_id))
    {
      LimberRoutine *routine = limber_catalog_find_routine (limber_application_get_catalog (self),
                                                            routine_id);

      /* Checked here, so a typo is answered on the command line rather than in a window. */
      if (routine == NULL)
        {
          g_autofree char *ids = limber_catalog_dup_routine_ids (limber_application_get_catalog (self));
          g_autofree char *shown = escape_for_terminal (routine_id);

          g_printerr (_("Unknown routine “%s”. The routines are: %s\n"), shown, ids);
          return EXIT_FAILURE;
        }

      /* So is a routine the care plan does not allow now. */
      if (!limber_care_plan_allows_routine (limber_application_get_care_plan (self), routine,
                                            &error))
        {
          g_printerr (_("Not starting “%s”: %s\n"), routine_id, error->message);
          return EXIT_FAILURE;
        }

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      /* Runs in the primary instance, whether that is this process or one already running. */
      g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                      g_variant_new_string (routine_id));
      if (g_application_get_is_remote (app))
        return EXIT_SUCCESS;
    }

  return -1;
}

static void
check_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LimberWindow *window = get_main_window (LIMBER_APPLICATION (user_data));

  limber_window_show_page (window, LIMBER_PAGE_CHECK);
  gtk_window_present (GTK_WINDOW (window));
}

static void
start_routine_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  LimberApplication *self = LIMBER_APPLICATION (user_data);
  LimberWindow *window = get_main_window (self);
  const char *id = g_variant_get_string (parameter, NULL);
  LimberRoutine *routine = limber_catalog_find_routine (limber_application_get_catalog (self), id);

  g_autoptr(GError) error = NULL;

  limber_window_show_page (window, LIMBER_PAGE_STRETCH);
  present_window (self, GTK_WINDOW (window));

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
  LimberWindow *window = get_main_window (LIMBER_APPLICATION (user_data));
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
                                                           self->time_format));

  gtk_window_set_transient_for (preferences, GTK_WINDOW (get_main_window (self)));
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
  LimberWindow *window = get_main_window (LIMBER_APPLICATION (user_data));
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
  LimberWindow *window = get_main_window (self);
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
  LimberWindow *window = get_main_window (self);

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
  LimberWindow *window = get_main_window (self);
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
  LimberWindow *window = get_main_window (self);

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
  LimberWindow *window = get_main_window (self);
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

static void
limber_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *check_accels[] = { "<Control>k", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (limber_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.check", check_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
}

static void
limber_application_shutdown (GApplication *app)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  GList *windows;

  /* Quit with a pack on: it is recorded with the time it was on so far, not lost. */
  if (self->pack_timer != NULL)
    limber_pack_timer_stop (self->pack_timer);

  /* Close the windows first, so a running session is stopped and recorded and its sound
   * pipeline ends cleanly, rather than being cut off at exit. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));

  G_APPLICATION_CLASS (limber_application_parent_class)->shutdown (app);
}

static void
limber_application_dispose (GObject *object)
{
  LimberApplication *self = LIMBER_APPLICATION (object);

  if (self->pack_timer != NULL)
    g_signal_handlers_disconnect_by_data (self->pack_timer, self);
  g_clear_object (&self->pack_timer);
  g_clear_object (&self->pack_sound);
  g_clear_object (&self->care_plan);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);
  g_clear_object (&self->catalog);
  g_clear_object (&self->time_format);

  G_OBJECT_CLASS (limber_application_parent_class)->dispose (object);
}

static void
limber_application_class_init (LimberApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = limber_application_dispose;
  app_class->activate = limber_application_activate;
  app_class->before_emit = limber_application_before_emit;
  app_class->after_emit = limber_application_after_emit;
  app_class->open = limber_application_open;
  app_class->startup = limber_application_startup;
  app_class->shutdown = limber_application_shutdown;
  app_class->handle_local_options = limber_application_handle_local_options;
}

static void
limber_application_init (LimberApplication *self)
{
  static const GOptionEntry options[] = {
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
    { "routine", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Start a stretch routine, such as gentle-relief"), N_("ID") },
    { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Write all your records to FILE (.csv or .json) and exit"), N_("FILE") },
    { "summary", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Write a one-page summary for your doctor to FILE (PDF) and exit"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     _("[ROUTINE-FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Check back spasm symptoms, stretch with "
                                              "guidance, and get gentle reminders."));
}

/**
 * limber_application_new:
 *
 * Returns: (transfer full): the Limber application
 */
LimberApplication *
limber_application_new (void)
{
  return g_object_new (LIMBER_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * limber_application_get_clock:
 * @self: a #LimberApplication
 *
 * Returns: (transfer none): the clock every timer of the app uses
 */
LimberClock *
limber_application_get_clock (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);

  if (self->clock == NULL)
    self->clock = limber_system_clock_new_from_env ();

  return self->clock;
}

/**
 * limber_application_get_catalog:
 * @self: a #LimberApplication
 *
 * The built-in routines and the user's own, loaded on first use. A user file that cannot be
 * loaded is listed in the catalog's problems and shown on the Stretch page.
 *
 * Returns: (transfer none): the catalog of exercises and routines
 */
LimberCatalog *
limber_application_get_catalog (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);

  if (self->catalog == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *user_dir = limber_catalog_get_user_dir ();

      self->catalog = limber_catalog_new ();
      bytes = g_resources_lookup_data (RESOURCE_PATH "/catalog.json", 0, &error);
      /* The built-in catalog is part of the program; it failing is a build bug. */
      if (bytes == NULL || !limber_catalog_load_builtin (self->catalog, bytes, "catalog.json", &error))
        g_critical ("The built-in catalog did not load: %s", error->message);

      limber_catalog_load_user_dir (self->catalog, user_dir);
    }

  return self->catalog;
}

/**
 * limber_application_get_journal:
 *
 * The journal of the user's records, opened on first use. Records from before it existed
 * (today's glasses, the plank hold) are brought in once. If the file cannot be used the journal
 * works in memory and says why in its #LimberJournal:problem, which the window shows.
 *
 * Returns: (transfer none): the journal
 */
LimberJournal *
limber_application_get_journal (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);

  if (self->journal == NULL)
    self->journal = limber_journal_open_default (limber_application_get_clock (self),
                                                 LIMBER_JOURNAL_DEFAULT);

  return self->journal;
}

/**
 * limber_application_get_care_plan:
 *
 * Returns: (transfer none): the care plan, following the journal
 */
LimberCarePlan *
limber_application_get_care_plan (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);

  if (self->care_plan == NULL)
    self->care_plan = limber_care_plan_new (limber_application_get_journal (self), NULL);

  return self->care_plan;
}

static void
on_pack_running (LimberApplication *self)
{
  gboolean running = limber_pack_timer_get_running (self->pack_timer);

  /* The countdown goes on with the window closed, so the pack is never forgotten. */
  if (running && !self->pack_hold)
    g_application_hold (G_APPLICATION (self));
  else if (!running && self->pack_hold)
    g_application_release (G_APPLICATION (self));
  self->pack_hold = running;
}

static void
on_pack_finished (LimberApplication *self,
                  LimberPackKind     kind,
                  gint64             on_us,
                  gboolean           completed)
{
  g_autoptr(GNotification) notification = NULL;
  const char *title, *body;

  if (!completed)
    {
      g_application_withdraw_notification (G_APPLICATION (self), "pack");
      return;
    }

  if (kind == LIMBER_PACK_HEAT)
    {
      title = _("Take the Heat Pack Off");
      body = _("Time is up. Give your skin a rest before using heat again.");
    }
  else
    {
      title = _("Take the Cold Pack Off");
      body = _("Time is up. Let your skin warm up; the next cold pack can wait about two hours.");
    }

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-page", "s",
                                                limber_page_to_string (LIMBER_PAGE_TODAY));
  g_application_send_notification (G_APPLICATION (self), "pack", notification);

  if (self->pack_sound == NULL)
    self->pack_sound = limber_cue_player_new (limber_application_get_clock (self));
  limber_cue_player_announce (self->pack_sound, title);
}

/**
 * limber_application_get_pack_timer:
 *
 * The cold and heat pack countdown. The app stays running while it counts, and at the end
 * plays a chime, says so aloud and sends a notification, with or without a window.
 *
 * Returns: (transfer none): the pack timer
 */
LimberPackTimer *
limber_application_get_pack_timer (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);

  if (self->pack_timer == NULL)
    {
      self->pack_timer = limber_pack_timer_new (limber_application_get_clock (self),
                                                limber_application_get_journal (self));
      g_signal_connect_swapped (self->pack_timer, "notify::running",
                                G_CALLBACK (on_pack_running), self);
      g_signal_connect_swapped (self->pack_timer, "finished",
                                G_CALLBACK (on_pack_finished), self);
    }

  return self->pack_timer;
}

/**
 * limber_application_get_time_format:
 *
 * Returns: (transfer none): the desktop's 12- or 24-hour time format, followed as it changes
 */
LimberTimeFormat *
limber_application_get_time_format (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);

  if (self->time_format == NULL)
    self->time_format = limber_time_format_new ();

  return self->time_format;
}
