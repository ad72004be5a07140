/* limber-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-system-clock.h"
#include "limber-triage.h"
#include "limber-window.h"

#include "limber-application.h"

struct _LimberApplication
{
  AdwApplication  parent_instance;

  LimberClock    *clock;
};

G_DEFINE_FINAL_TYPE (LimberApplication, limber_application, ADW_TYPE_APPLICATION)

static LimberWindow *
get_main_window (LimberApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (LIMBER_IS_WINDOW (window))
    return LIMBER_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (LIMBER_IS_WINDOW (l->data))
        return LIMBER_WINDOW (l->data);
    }

  return limber_window_new (ADW_APPLICATION (self));
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
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "limber", PACKAGE_VERSION);
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
  { "about", about_action },
  { "quit", quit_action },
};

static void
limber_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *check_accels[] = { "<Control>k", NULL };

  G_APPLICATION_CLASS (limber_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.check", check_accels);
}

static void
limber_application_dispose (GObject *object)
{
  LimberApplication *self = LIMBER_APPLICATION (object);

  g_clear_object (&self->clock);

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
  app_class->handle_local_options = limber_application_handle_local_options;
}

static void
limber_application_init (LimberApplication *self)
{
  static const GOptionEntry options[] = {
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

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
