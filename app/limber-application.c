/* limber-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-catalog.h"
#include "limber-preferences-window.h"
#include "limber-system-clock.h"
#include "limber-triage.h"
#include "limber-window.h"

#include "limber-application.h"

struct _LimberApplication
{
  AdwApplication  parent_instance;

  LimberClock    *clock;
  LimberCatalog  *catalog;
  GListStore     *session_records;
};

G_DEFINE_FINAL_TYPE (LimberApplication, limber_application, ADW_TYPE_APPLICATION)

static LimberWindow *
get_main_window (LimberApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  LimberWindow *window;

  if (LIMBER_IS_WINDOW (active))
    return LIMBER_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (LIMBER_IS_WINDOW (l->data))
        return LIMBER_WINDOW (l->data);
    }

  window = limber_window_new (ADW_APPLICATION (self));
  limber_stretch_page_set_catalog (limber_window_get_stretch_page (window),
                                   limber_application_get_catalog (self));
  return window;
}

static void
limber_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_main_window (LIMBER_APPLICATION (app))));
}

static int
limber_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  const char *routine_id = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "limber", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "routine", "&s", &routine_id))
    {
      /* Checked here, so a typo is answered on the command line rather than in a window. */
      if (limber_catalog_find_routine (limber_application_get_catalog (self), routine_id) == NULL)
        {
          g_autofree char *ids = limber_catalog_dup_routine_ids (limber_application_get_catalog (self));

          g_printerr (_("Unknown routine “%s”. The routines are: %s\n"), routine_id, ids);
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

  limber_window_show_page (window, "check");
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

  limber_window_show_page (window, "stretch");
  gtk_window_present (GTK_WINDOW (window));

  if (routine == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no routine “%s”"), id);

      g_message ("%s", message);
      limber_window_add_toast (window, message);
      return;
    }

  limber_stretch_page_start (limber_window_get_stretch_page (window), routine,
                             limber_application_get_clock (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LimberApplication *self = LIMBER_APPLICATION (user_data);
  GtkWindow *preferences = GTK_WINDOW (limber_preferences_window_new ());

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

static const GActionEntry app_actions[] = {
  { "check", check_action },
  { "start-routine", start_routine_action, "s" },
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

  G_APPLICATION_CLASS (limber_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.check", check_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
}

static void
limber_application_shutdown (GApplication *app)
{
  GList *windows;

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

  g_clear_object (&self->clock);
  g_clear_object (&self->catalog);
  g_clear_object (&self->session_records);

  G_OBJECT_CLASS (limber_application_parent_class)->dispose (object);
}

static void
limber_application_class_init (LimberApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = limber_application_dispose;
  app_class->activate = limber_application_activate;
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
    { NULL }
  };

  self->session_records = g_list_store_new (LIMBER_TYPE_SESSION_RECORD);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
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
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
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

/* Keeps the record of a finished session for the rest of the run (the history store keeps them
 * for good). */
void
limber_application_add_session_record (LimberApplication   *self,
                                       LimberSessionRecord *record)
{
  g_return_if_fail (LIMBER_IS_APPLICATION (self));
  g_return_if_fail (LIMBER_IS_SESSION_RECORD (record));

  g_list_store_append (self->session_records, record);
}

/**
 * limber_application_get_session_records:
 *
 * Returns: (transfer none): the sessions finished in this run, oldest first
 */
GListModel *
limber_application_get_session_records (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return G_LIST_MODEL (self->session_records);
}
