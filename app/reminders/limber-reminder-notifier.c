/* limber-reminder-notifier.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "limber-records-enums.h"

#include "limber-reminder-notifier.h"

/*
 * The desktop notifications of reminders, through libnotify: one per kind, replaced when it
 * comes again rather than stacked, each with its actions. It also watches the notification
 * server: "server-changed" says when one appears or goes away, so reminders that could not
 * be shown meanwhile are shown once it is back.
 */
struct _LimberReminderNotifier
{
  GObject             parent_instance;

  NotifyNotification *notifications[LIMBER_N_REMINDER_KINDS];
  guint               watch_id;
  gboolean            has_server;
};

G_DEFINE_FINAL_TYPE (LimberReminderNotifier, limber_reminder_notifier, G_TYPE_OBJECT)

enum {
  ACTION,
  SERVER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  LimberReminderAction  action;
  const char           *label;
} Action;

/* The notification spec names actions with strings; inside Limber they are the enum. These are
 * also the store's names (limber_reminder_action_to_string()), except the body's "default". */
static const char *
action_id (LimberReminderAction action)
{
  return action == LIMBER_REMINDER_ACTION_OPENED ? "default"
                                                 : limber_reminder_action_to_string (action);
}

static void
on_action (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  LimberReminderNotifier *self = user_data;
  LimberReminderKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (notification),
                                                                 "limber-kind"));
  const char *token = notify_notification_get_activation_token (notification);
  static const LimberReminderAction known[] = {
    LIMBER_REMINDER_ACTION_DRANK, LIMBER_REMINDER_ACTION_SNOOZED, LIMBER_REMINDER_ACTION_STRETCH,
    LIMBER_REMINDER_ACTION_DONE, LIMBER_REMINDER_ACTION_OPENED,
    LIMBER_REMINDER_ACTION_START_PACK,
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      if (g_strcmp0 (action, action_id (known[i])) == 0)
        {
          g_signal_emit (self, signals[ACTION], 0, kind, known[i], token);
          return;
        }
    }

  g_debug ("An action Limber did not offer: %s", action);
}

static void
drop_notifications (LimberReminderNotifier *self)
{
  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    g_clear_object (&self->notifications[kind]);
}

static void
on_server_appeared (GDBusConnection *connection,
                    const char      *name,
                    const char      *owner,
                    gpointer         user_data)
{
  LimberReminderNotifier *self = user_data;

  if (self->has_server)
    return;

  self->has_server = TRUE;
  g_signal_emit (self, signals[SERVER_CHANGED], 0, TRUE);
}

static void
on_server_vanished (GDBusConnection *connection,
                    const char      *name,
                    gpointer         user_data)
{
  LimberReminderNotifier *self = user_data;

  /* A new server knows none of the old notification ids: start again with new ones. */
  drop_notifications (self);

  if (!self->has_server)
    return;

  self->has_server = FALSE;
  g_signal_emit (self, signals[SERVER_CHANGED], 0, FALSE);
}

static void
limber_reminder_notifier_dispose (GObject *object)
{
  LimberReminderNotifier *self = LIMBER_REMINDER_NOTIFIER (object);

  g_clear_handle_id (&self->watch_id, g_bus_unwatch_name);
  drop_notifications (self);

  G_OBJECT_CLASS (limber_reminder_notifier_parent_class)->dispose (object);
}

static void
limber_reminder_notifier_class_init (LimberReminderNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_reminder_notifier_dispose;

  /**
   * LimberReminderNotifier::action:
   * @kind: the kind whose notification it was
   * @action: the #LimberReminderAction chosen (%LIMBER_REMINDER_ACTION_OPENED for the body)
   * @activation_token: (nullable): the token to focus a window with
   *
   * The user chose an action of a reminder.
   */
  signals[ACTION] = g_signal_new ("action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 3,
                                  LIMBER_TYPE_REMINDER_KIND, LIMBER_TYPE_REMINDER_ACTION,
                                  G_TYPE_STRING);

  /**
   * LimberReminderNotifier::server-changed:
   * @present: whether a notification server is on the bus now
   */
  signals[SERVER_CHANGED] = g_signal_new ("server-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
limber_reminder_notifier_init (LimberReminderNotifier *self)
{
}

/**
 * limber_reminder_notifier_new:
 *
 * Returns: (transfer full): a notifier, watching for the notification server
 */
LimberReminderNotifier *
limber_reminder_notifier_new (void)
{
  LimberReminderNotifier *self = g_object_new (LIMBER_TYPE_REMINDER_NOTIFIER, NULL);

  if (!notify_is_initted ())
    notify_init (_("Limber"));

  /* Assume a server until the bus says otherwise: it may also be started on demand. */
  self->has_server = TRUE;
  self->watch_id = g_bus_watch_name (G_BUS_TYPE_SESSION, "org.freedesktop.Notifications",
                                     G_BUS_NAME_WATCHER_FLAGS_NONE,
                                     on_server_appeared, on_server_vanished, self, NULL);

  return self;
}

/**
 * limber_reminder_notifier_has_server:
 *
 * Returns: whether a notification server was on the bus when last seen
 */
gboolean
limber_reminder_notifier_has_server (LimberReminderNotifier *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER_NOTIFIER (self), FALSE);

  return self->has_server;
}

/**
 * limber_reminder_notifier_show:
 * @water_today: glasses logged today, for the water reminder
 * @water_goal: the daily goal in glasses
 *
 * Shows the reminder of @kind, replacing the one of the same kind still on screen.
 *
 * Returns: %TRUE if the notification server took it
 */
gboolean
limber_reminder_notifier_show (LimberReminderNotifier  *self,
                               LimberReminderKind       kind,
                               guint                    water_today,
                               guint                    water_goal,
                               GError                 **error)
{
  NotifyNotification *notification;
  g_autofree char *body = NULL;
  const char *summary = NULL;
  Action actions[2] = { { 0, NULL } };

  g_return_val_if_fail (LIMBER_IS_REMINDER_NOTIFIER (self), FALSE);
  g_return_val_if_fail (kind < LIMBER_N_REMINDER_KINDS, FALSE);

  switch (kind)
    {
    case LIMBER_REMINDER_HYDRATION:
      summary = _("Time for a glass of water");
      /* Translators: the first number is glasses drunk today, the second the daily goal */
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u glass today. Muscles cramp more easily when you are short of water.",
                                           "%u of %u glasses today. Muscles cramp more easily when you are short of water.",
                                           water_goal),
                              water_today, water_goal);
      actions[0] = (Action) { LIMBER_REMINDER_ACTION_DRANK, _("I Drank a Glass") };
      break;

    case LIMBER_REMINDER_POSTURE:
      summary = _("Time to change position");
      body = g_strdup (_("Stand up, roll your shoulders and move for a minute. Sitting still for long strains the lower back."));
      actions[0] = (Action) { LIMBER_REMINDER_ACTION_STRETCH, _("Stretch Now") };
      break;

    case LIMBER_REMINDER_WALK:
      summary = _("Time for a short walk");
      body = g_strdup (_("A few minutes on your feet keeps the back muscles loose. Build up to 20 minutes of walking a day."));
      actions[0] = (Action) { LIMBER_REMINDER_ACTION_DONE, _("Done") };
      break;

    /* Only in the acute plan: the facts of a safe cold pack, in a few words. */
    case LIMBER_REMINDER_PACK:
      summary = _("Time for a cold pack");
      body = g_strdup (_("Wrap a cold pack in a towel and put it on the sore spot for 15 to 20 minutes. Do not fall asleep on it."));
      actions[0] = (Action) { LIMBER_REMINDER_ACTION_START_PACK, _("Start Cold Pack") };
      break;

    default:
      g_assert_not_reached ();
    }
  actions[1] = (Action) { LIMBER_REMINDER_ACTION_SNOOZED, _("Snooze") };

  notification = self->notifications[kind];
  if (notification == NULL)
    {
      notification = notify_notification_new (summary, body, APPLICATION_ID);
      g_object_set_data (G_OBJECT (notification), "limber-kind", GUINT_TO_POINTER (kind));
      notify_notification_set_hint_string (notification, "desktop-entry", APPLICATION_ID);
      notify_notification_set_category (notification, "x-limber.reminder");
      self->notifications[kind] = notification;
    }
  else
    {
      notify_notification_update (notification, summary, body, APPLICATION_ID);
      notify_notification_clear_actions (notification);
    }

  /* Clicking the notification itself opens Limber. */
  notify_notification_add_action (notification, action_id (LIMBER_REMINDER_ACTION_OPENED),
                                  _("Open Limber"), on_action, self,
                                  NULL);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    notify_notification_add_action (notification, action_id (actions[i].action), actions[i].label,
                                    on_action,
                                    self, NULL);

  if (!notify_notification_show (notification, error))
    {
      g_clear_object (&self->notifications[kind]);
      return FALSE;
    }

  return TRUE;
}
