/* limber-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-cue-player.h"
#include "limber-program.h"
#include "limber-system-clock.h"

/*
 * The application builds the collaborators once (the clock, the journal of the user's records,
 * the catalog of routines, the care plan, the pack timer and the desktop's time format) and
 * hands them to the window, which hands them to its pages. Nothing below asks for them back.
 */

#include "limber-application-private.h"

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

/* The window to show things in: the active one, any other, or a new one. */
LimberWindow *
limber_application_get_main_window (LimberApplication *self)
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

void
limber_application_present_window (LimberApplication *self,
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
  GtkWindow *window = GTK_WINDOW (limber_application_get_main_window (self));

  limber_application_present_window (self, window);

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
  limber_window_import_routines (limber_application_get_main_window (self), files, (guint) n_files);
}

static void
limber_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (limber_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APPLICATION_ID);
  limber_application_add_actions (LIMBER_APPLICATION (app));
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
