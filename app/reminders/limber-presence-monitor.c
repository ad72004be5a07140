/* limber-presence-monitor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-presence-monitor.h"

/*
 * Whether the user is at the computer, from what the desktop already broadcasts: the screen
 * saver's ActiveChanged (GNOME's and freedesktop's), Mutter's idle monitor where it runs, and
 * logind's PrepareForSleep on the system bus for a resume from suspend. Each source is
 * optional; where none is present the user simply counts as present. Nothing here polls: it
 * only reacts to signals.
 */
struct _LimberPresenceMonitor
{
  GObject          parent_instance;

  LimberClock     *clock;
  GDBusConnection *session;
  GDBusConnection *system;
  GCancellable    *cancellable;

  guint            screensaver_ids[2];
  guint            idle_watch_name_id;
  guint            idle_signal_id;
  guint            idle_watch_id;         /* Mutter's id for "idle for 5 minutes" */
  guint            active_watch_id;       /* Mutter's id for "active again" */
  guint            sleep_signal_id;

  guint64          idle_ms;
  gboolean         screen_locked;
  gboolean         idle;
  gint64           away_since_us;
};

G_DEFINE_FINAL_TYPE (LimberPresenceMonitor, limber_presence_monitor, G_TYPE_OBJECT)

enum {
  AWAY_CHANGED,
  RESUMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define IDLE_MONITOR_NAME "org.gnome.Mutter.IdleMonitor"
#define IDLE_MONITOR_PATH "/org/gnome/Mutter/IdleMonitor/Core"

static void
update_away (LimberPresenceMonitor *self,
             gboolean               was_away,
             gint64                 since_us)
{
  gboolean away = limber_presence_monitor_is_away (self);

  if (away == was_away)
    return;

  if (away)
    self->away_since_us = since_us;

  g_signal_emit (self, signals[AWAY_CHANGED], 0, away, self->away_since_us);
}

static void
on_screensaver_active_changed (GDBusConnection *connection,
                               const char      *sender,
                               const char      *path,
                               const char      *interface,
                               const char      *signal,
                               GVariant        *parameters,
                               gpointer         user_data)
{
  LimberPresenceMonitor *self = user_data;
  gboolean was_away = limber_presence_monitor_is_away (self);
  gboolean active;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &active);
  g_debug ("%s: screen saver %s", interface, active ? "on" : "off");
  self->screen_locked = active;
  update_away (self, was_away, limber_clock_now_wall_us (self->clock));
}

static void
add_watch_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  guint *watch_id = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Mutter's idle monitor refused a watch: %s", error->message);
      return;
    }

  g_variant_get (reply, "(u)", watch_id);
}

static void
add_watch (LimberPresenceMonitor *self,
           const char            *method,
           GVariant              *parameters,
           guint                 *watch_id)
{
  g_dbus_connection_call (self->session, IDLE_MONITOR_NAME, IDLE_MONITOR_PATH,
                          "org.gnome.Mutter.IdleMonitor", method, parameters,
                          G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          self->cancellable, add_watch_done, watch_id);
}

static void
on_idle_watch_fired (GDBusConnection *connection,
                     const char      *sender,
                     const char      *path,
                     const char      *interface,
                     const char      *signal,
                     GVariant        *parameters,
                     gpointer         user_data)
{
  LimberPresenceMonitor *self = user_data;
  gboolean was_away = limber_presence_monitor_is_away (self);
  guint id;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(u)")))
    return;

  g_variant_get (parameters, "(u)", &id);

  if (id != 0 && id == self->idle_watch_id)
    {
      gint64 now = limber_clock_now_wall_us (self->clock);

      self->idle = TRUE;
      /* The user-active watch fires once; ask for it each time the user goes idle. */
      add_watch (self, "AddUserActiveWatch", NULL, &self->active_watch_id);
      update_away (self, was_away, now - (gint64) self->idle_ms * 1000);
    }
  else if (id != 0 && id == self->active_watch_id)
    {
      self->active_watch_id = 0;
      self->idle = FALSE;
      update_away (self, was_away, 0);
    }
}

static void
on_idle_monitor_appeared (GDBusConnection *connection,
                          const char      *name,
                          const char      *owner,
                          gpointer         user_data)
{
  LimberPresenceMonitor *self = user_data;

  self->idle_watch_id = 0;
  self->active_watch_id = 0;
  add_watch (self, "AddIdleWatch", g_variant_new ("(t)", self->idle_ms),
             &self->idle_watch_id);
}

static void
on_idle_monitor_vanished (GDBusConnection *connection,
                          const char      *name,
                          gpointer         user_data)
{
  LimberPresenceMonitor *self = user_data;
  gboolean was_away = limber_presence_monitor_is_away (self);

  self->idle_watch_id = 0;
  self->active_watch_id = 0;
  self->idle = FALSE;
  update_away (self, was_away, 0);
}

static void
on_prepare_for_sleep (GDBusConnection *connection,
                      const char      *sender,
                      const char      *path,
                      const char      *interface,
                      const char      *signal,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  LimberPresenceMonitor *self = user_data;
  gboolean going_to_sleep;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  g_debug ("logind: %s", going_to_sleep ? "suspending" : "resumed");

  if (!going_to_sleep)
    g_signal_emit (self, signals[RESUMED], 0);
}

static void
system_bus_ready (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LimberPresenceMonitor) self = user_data;
  g_autoptr(GDBusConnection) system = NULL;
  g_autoptr(GError) error = NULL;

  system = g_bus_get_finish (result, &error);
  if (system == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      /* No system bus (a container, a test): suspend is then seen from the clocks alone. */
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so no resume signal from logind: %s", error->message);
      return;
    }

  self->system = g_steal_pointer (&system);
  self->sleep_signal_id =
    g_dbus_connection_signal_subscribe (self->system, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, on_prepare_for_sleep,
                                        self, NULL);
}

static void
limber_presence_monitor_dispose (GObject *object)
{
  LimberPresenceMonitor *self = LIMBER_PRESENCE_MONITOR (object);

  /* Cancelled, not dropped: a pending lookup of the system bus still checks it. */
  g_cancellable_cancel (self->cancellable);

  if (self->session != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->screensaver_ids); i++)
        if (self->screensaver_ids[i] != 0)
          g_dbus_connection_signal_unsubscribe (self->session, self->screensaver_ids[i]);
      if (self->idle_signal_id != 0)
        g_dbus_connection_signal_unsubscribe (self->session, self->idle_signal_id);
      memset (self->screensaver_ids, 0, sizeof self->screensaver_ids);
      self->idle_signal_id = 0;
    }
  g_clear_handle_id (&self->idle_watch_name_id, g_bus_unwatch_name);

  if (self->system != NULL && self->sleep_signal_id != 0)
    g_dbus_connection_signal_unsubscribe (self->system, self->sleep_signal_id);
  self->sleep_signal_id = 0;

  g_clear_object (&self->system);
  g_clear_object (&self->session);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_presence_monitor_parent_class)->dispose (object);
}

static void
limber_presence_monitor_finalize (GObject *object)
{
  LimberPresenceMonitor *self = LIMBER_PRESENCE_MONITOR (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (limber_presence_monitor_parent_class)->finalize (object);
}

static void
limber_presence_monitor_class_init (LimberPresenceMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_presence_monitor_dispose;
  object_class->finalize = limber_presence_monitor_finalize;

  /**
   * LimberPresenceMonitor::away-changed:
   * @away: whether the screen is locked or the session idle
   * @since_us: when the user left, in wall-clock microseconds
   */
  signals[AWAY_CHANGED] = g_signal_new ("away-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_INT64);

  /**
   * LimberPresenceMonitor::resumed:
   *
   * The computer woke from suspend.
   */
  signals[RESUMED] = g_signal_new ("resumed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_presence_monitor_init (LimberPresenceMonitor *self)
{
  const char *idle_ms = g_getenv ("LIMBER_DEBUG_IDLE_MS");

  self->cancellable = g_cancellable_new ();

  /* Tests in a real GNOME Shell wait seconds, not 5 minutes, for Mutter to call them idle. */
  self->idle_ms = LIMBER_PRESENCE_IDLE_MS;
  if (idle_ms != NULL && g_ascii_string_to_unsigned (idle_ms, 10, 100, G_MAXUINT32,
                                                     &self->idle_ms, NULL))
    g_debug ("Idle after %" G_GUINT64_FORMAT " ms (LIMBER_DEBUG_IDLE_MS)", self->idle_ms);
  else
    self->idle_ms = LIMBER_PRESENCE_IDLE_MS;
}

/**
 * limber_presence_monitor_new:
 * @clock: the clock for "since when"
 *
 * Returns: (transfer full): a monitor listening on the session and system buses
 */
LimberPresenceMonitor *
limber_presence_monitor_new (LimberClock *clock)
{
  static const char * const screensavers[][2] = {
    { "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver" },
    { "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver" },
  };
  LimberPresenceMonitor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  self = g_object_new (LIMBER_TYPE_PRESENCE_MONITOR, NULL);
  self->clock = g_object_ref (clock);
  self->session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);

  if (self->session == NULL)
    {
      g_debug ("No session bus, so no screen saver or idle signals: %s", error->message);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (screensavers); i++)
        self->screensaver_ids[i] =
          g_dbus_connection_signal_subscribe (self->session, NULL, screensavers[i][0],
                                              "ActiveChanged", screensavers[i][1], NULL,
                                              G_DBUS_SIGNAL_FLAGS_NONE,
                                              on_screensaver_active_changed, self, NULL);

      self->idle_signal_id =
        g_dbus_connection_signal_subscribe (self->session, IDLE_MONITOR_NAME,
                                            "org.gnome.Mutter.IdleMonitor", "WatchFired",
                                            IDLE_MONITOR_PATH, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                            on_idle_watch_fired, self, NULL);
      self->idle_watch_name_id =
        g_bus_watch_name_on_connection (self->session, IDLE_MONITOR_NAME,
                                        G_BUS_NAME_WATCHER_FLAGS_NONE,
                                        on_idle_monitor_appeared, on_idle_monitor_vanished,
                                        self, NULL);
    }

  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, system_bus_ready, g_object_ref (self));

  return self;
}

/**
 * limber_presence_monitor_is_away:
 *
 * Returns: whether the screen is locked or the session has been idle for 5 minutes
 */
gboolean
limber_presence_monitor_is_away (LimberPresenceMonitor *self)
{
  g_return_val_if_fail (LIMBER_IS_PRESENCE_MONITOR (self), FALSE);

  return self->screen_locked || self->idle;
}
