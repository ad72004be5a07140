/* limber-reminder-service.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <malloc.h>
#include <string.h>

#include "limber-notification-switch.h"
#include "limber-posture-setting.h"
#include "limber-presence-monitor.h"
#include "limber-program.h"
#include "limber-reminder-notifier.h"
#include "limber-reminder-scheduler.h"
#include "limber-reminders-dbus.h"
#include "limber-system-clock.h"
#include "limber-care-plan.h"
#include "limber-journal.h"
#include "limber-water-log.h"

#include "limber-reminder-service.h"

/*
 * limber-reminders: a GApplication without windows that owns io.github.limber.Limber.Reminders
 * and stays running. It ties the pieces together: the settings feed the scheduler, the
 * scheduler's "due" shows a notification, the notification's actions and the D-Bus methods
 * act on the scheduler and the water log, and the desktop's presence signals hold reminders.
 *
 * A second instance finds the name taken, hands over to the first and exits quietly, which
 * GApplication does by itself.
 */
struct _LimberReminderService
{
  GApplication             parent_instance;

  LimberClock             *clock;
  GSettings               *settings;
  GSettings               *gnome_breaks;
  GSettings               *notification_settings;
  GSettings               *app_notifications;
  LimberReminderScheduler *scheduler;
  LimberReminderNotifier  *notifier;
  LimberPresenceMonitor   *presence;
  LimberWaterLog          *water;
  LimberJournal           *journal;
  LimberCarePlan          *care_plan;
  LimberReminders1        *skeleton;

  gboolean                 logged_no_server;
  guint                    trim_id;
};

G_DEFINE_FINAL_TYPE (LimberReminderService, limber_reminder_service, G_TYPE_APPLICATION)

#define MAX_SECONDS (24 * 60 * 60)
/* The longest kind name, "hydration", with room to spare. */
#define MAX_KIND_LENGTH 32

/* Settings → scheduler */

static void
apply_kind_settings (LimberReminderService *self,
                     LimberReminderKind     kind)
{
  const char *name = limber_reminder_kind_to_string (kind);
  g_autofree char *enabled_key = g_strdup_printf ("%s-enabled", name);
  g_autofree char *interval_key = NULL;
  gboolean enabled;
  guint minutes;

  if (kind == LIMBER_REMINDER_POSTURE)
    enabled = limber_posture_reminders_on (self->settings, self->gnome_breaks);
  else
    enabled = g_settings_get_boolean (self->settings, enabled_key);

  /* The pack's interval is the acute plan's, the scheduler's own; it has no setting. The
   * scheduler also makes walks hourly in the acute plan, from the user's interval. */
  if (kind != LIMBER_REMINDER_PACK)
    {
      interval_key = g_strdup_printf ("%s-interval", name);
      minutes = g_settings_get_uint (self->settings, interval_key);
      limber_reminder_scheduler_set_interval (self->scheduler, kind,
                                              (gint64) minutes * 60 * G_USEC_PER_SEC);
    }
  limber_reminder_scheduler_set_enabled (self->scheduler, kind, enabled);
}

static void
apply_settings (LimberReminderService *self)
{
  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    apply_kind_settings (self, kind);

  limber_reminder_scheduler_set_active_hours (self->scheduler,
                                              g_settings_get_uint (self->settings,
                                                                   "active-start"),
                                              g_settings_get_uint (self->settings,
                                                                   "active-end"));
  limber_reminder_scheduler_set_active_days (self->scheduler,
                                             g_settings_get_flags (self->settings,
                                                                   "active-days"));
  limber_reminder_scheduler_set_waking_hours (self->scheduler,
                                              g_settings_get_uint (self->settings,
                                                                   "waking-start"),
                                              g_settings_get_uint (self->settings,
                                                                   "waking-end"));
  limber_reminders1_set_water_goal (self->skeleton,
                                    g_settings_get_uint (self->settings, "water-goal"));
}

/* The acute plan */

/* Counts the pack interval from the end of the last cold pack of the spasm, or from the spasm
 * itself before the first: the Today page offers one as soon as the spasm is recorded, so the
 * first reminder comes one interval later. */
static void
restart_pack (LimberReminderService *self)
{
  const LimberEpisode *episode = limber_care_plan_get_episode (self->care_plan);
  LimberPackKind kind;
  gint64 started, duration;
  gint64 anchor;

  if (episode == NULL || !limber_reminder_scheduler_follows_acute (self->scheduler,
                                                                   LIMBER_REMINDER_PACK))
    return;

  anchor = episode->started_us;
  if (limber_journal_get_last_pack (self->journal, &kind, &started, &duration)
      && kind == LIMBER_PACK_COLD)
    anchor = MAX (anchor, started + duration);

  limber_reminder_scheduler_restart_from (self->scheduler, LIMBER_REMINDER_PACK, anchor);
}

/* In the first 72 hours of a spasm walks and cold packs come every day within the waking
 * hours; the scheduler ends that by itself, and the care plan says when an episode starts or
 * ends early. While an emergency sets the plan aside (the app then shows only the emergency),
 * no cold pack is suggested and walks keep the usual hours; a reason to see a doctor leaves
 * the plan, and its reminders, as they are. */
static void
update_acute (LimberReminderService *self)
{
  const LimberEpisode *episode = limber_care_plan_get_episode (self->care_plan);
  gboolean was_acute = limber_reminder_scheduler_follows_acute (self->scheduler,
                                                                LIMBER_REMINDER_PACK);

  if (episode == NULL
      || limber_care_plan_get_phase (self->care_plan) != LIMBER_CARE_PHASE_ACUTE
      || limber_care_plan_get_emergency (self->care_plan))
    {
      limber_reminder_scheduler_set_acute (self->scheduler, 0, 0);
      return;
    }

  limber_reminder_scheduler_set_acute (self->scheduler, episode->started_us,
                                       limber_care_plan_get_acute_end_us (self->care_plan));

  /* Only when the plan begins: later, a pack moves it (and a snooze must stay). */
  if (!was_acute)
    restart_pack (self);
}

static void
on_phase_changed (LimberReminderService *self)
{
  update_acute (self);
  g_message ("The care plan is now “%s”; walks every %u minutes",
             limber_care_phase_to_string (limber_care_plan_get_phase (self->care_plan)),
             (guint) (limber_reminder_scheduler_get_current_interval (self->scheduler,
                                                                      LIMBER_REMINDER_WALK)
                      / (60 * G_USEC_PER_SEC)));
}

static void
on_settings_changed (GSettings             *settings,
                     const char            *key,
                     LimberReminderService *self)
{
  if (g_strcmp0 (key, "reminders-enabled") == 0)
    {
      /* Turned off while running: stop now, not only at the next login. */
      if (!g_settings_get_boolean (settings, key))
        {
          g_message ("Reminders were turned off; the reminder service stops");
          g_application_quit (G_APPLICATION (self));
        }
      return;
    }

  apply_settings (self);
}

static void
on_gnome_breaks_changed (GSettings             *settings,
                         const char            *key,
                         LimberReminderService *self)
{
  apply_kind_settings (self, LIMBER_REMINDER_POSTURE);
}

/* Do Not Disturb, or Limber's own switch in GNOME Settings turned off: GNOME Shell would drop
 * a reminder or show no banner, so it is held (and nothing recorded as shown) until both allow
 * it again. */
static void
update_silenced (LimberReminderService *self)
{
  gboolean silenced = limber_notification_switch_off (self->app_notifications);

  if (self->notification_settings != NULL
      && !g_settings_get_boolean (self->notification_settings, "show-banners"))
    silenced = TRUE;

  if (silenced)
    limber_reminder_scheduler_add_hold (self->scheduler, LIMBER_REMINDER_HOLD_SILENCED);
  else
    limber_reminder_scheduler_remove_hold (self->scheduler, LIMBER_REMINDER_HOLD_SILENCED);
}

static void
on_app_notifications_changed (GSettings             *settings,
                              const char            *key,
                              LimberReminderService *self)
{
  if (g_strcmp0 (key, "enable") == 0 || g_strcmp0 (key, "show-banners") == 0)
    {
      g_debug ("Limber's notifications are %s in the desktop's settings",
               limber_notification_switch_off (settings) ? "off" : "on");
      update_silenced (self);
    }
}

static void
on_notification_settings_changed (GSettings             *settings,
                                  const char            *key,
                                  LimberReminderService *self)
{
  if (g_strcmp0 (key, "show-banners") == 0)
    update_silenced (self);
}

/* Opening Limber */

typedef struct
{
  char *action;      /* NULL to activate */
  char *argument;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_free (request->action);
  g_free (request->argument);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenRequest, open_request_free)

static void
open_app_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(OpenRequest) request = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) spawn_error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *routine_option = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply != NULL)
    return;

  /* Not activatable (run from the build tree, or no service file): start it directly. */
  g_debug ("Could not reach Limber over D-Bus: %s", error->message);

  /* Limber has a command-line option for a routine only: for anything else it just opens. */
  if (g_strcmp0 (request->action, "start-routine") == 0 && request->argument != NULL)
    routine_option = g_strdup_printf ("--routine=%s", request->argument);

  process = limber_program_spawn ("LIMBER_APP", "limber", routine_option,
                                  G_SUBPROCESS_FLAGS_NONE, &spawn_error);
  if (process == NULL)
    g_message ("Could not start Limber: %s", spawn_error->message);
}

static void
open_app (LimberReminderService *self,
          const char            *action,
          const char            *argument,
          const char            *activation_token)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));
  OpenRequest *request = g_new0 (OpenRequest, 1);
  GVariantBuilder platform_data;
  GVariant *parameters;

  request->action = g_strdup (action);
  request->argument = g_strdup (argument);

  g_variant_builder_init (&platform_data, G_VARIANT_TYPE_VARDICT);
  /* A person clicked the reminder: Limber may raise its window even without a token (see
   * limber_application_before_emit()). */
  g_variant_builder_add (&platform_data, "{sv}", "limber-reminder-click",
                         g_variant_new_boolean (TRUE));
  if (activation_token != NULL)
    {
      g_variant_builder_add (&platform_data, "{sv}", "activation-token",
                             g_variant_new_string (activation_token));
      g_variant_builder_add (&platform_data, "{sv}", "desktop-startup-id",
                             g_variant_new_string (activation_token));
    }

  if (action == NULL)
    {
      parameters = g_variant_new ("(@a{sv})", g_variant_builder_end (&platform_data));
    }
  else
    {
      GVariantBuilder arguments;

      g_variant_builder_init (&arguments, G_VARIANT_TYPE ("av"));
      if (argument != NULL)
        g_variant_builder_add (&arguments, "v", g_variant_new_string (argument));
      parameters = g_variant_new ("(s@av@a{sv})", action, g_variant_builder_end (&arguments),
                                  g_variant_builder_end (&platform_data));
    }

  /* The method call starts Limber through its D-Bus service file when it is not running. */
  g_dbus_connection_call (connection, APPLICATION_ID, "/io/github/limber/Limber",
                          "org.freedesktop.Application", action == NULL ? "Activate" : "ActivateAction",
                          parameters, NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          open_app_done, request);
}

/* Memory */

static gboolean
trim_heap (gpointer user_data)
{
  LimberReminderService *self = user_data;

  self->trim_id = 0;
  malloc_trim (0);
  return G_SOURCE_REMOVE;
}

/* Start-up and showing a notification leave freed memory in the heap (parsed SQL, D-Bus
 * messages) that the service, idle for most of the session, would otherwise keep until it
 * happened to be reused: hand it back once things have settled. */
static void
trim_heap_soon (LimberReminderService *self)
{
  if (self->trim_id == 0)
    self->trim_id = g_idle_add_full (G_PRIORITY_LOW, trim_heap, self, NULL);
}

/* Reminders */

/* Keeps what reminders were shown and what was done with them, for the history. A failed
 * write is logged by the journal. */
static void
record_event (LimberReminderService *self,
              LimberReminderKind     kind,
              LimberReminderAction   action)
{
  limber_journal_add_reminder_event (self->journal, kind, action, NULL);
}

/* Whoever recorded it, the app or this service, a glass starts the water interval over, a walk
 * the walk interval, a posture break or a stretch session the posture interval, and a pack
 * (recorded when it comes off) the pack interval. */
static void
on_journal_changed (LimberReminderService *self,
                    LimberRecordKind       kind)
{
  switch (kind)
    {
    case LIMBER_RECORD_GLASS:
      limber_reminder_scheduler_restart (self->scheduler, LIMBER_REMINDER_HYDRATION);
      break;

    case LIMBER_RECORD_WALK:
      limber_reminder_scheduler_restart (self->scheduler, LIMBER_REMINDER_WALK);
      break;

    case LIMBER_RECORD_POSTURE_BREAK:
    case LIMBER_RECORD_SESSION:
      limber_reminder_scheduler_restart (self->scheduler, LIMBER_REMINDER_POSTURE);
      break;

    case LIMBER_RECORD_PACK:
      {
        LimberPackKind pack;

        /* Heat is never reminded, and a heat pack does not move the cold one. */
        if (limber_journal_get_last_pack (self->journal, &pack, NULL, NULL)
            && pack == LIMBER_PACK_COLD)
          restart_pack (self);
      }
      break;

    case LIMBER_RECORD_CHECK:
    case LIMBER_RECORD_EPISODE:
    case LIMBER_RECORD_PLANK_HOLD:
    case LIMBER_RECORD_REMINDER:
    default:
      break;
    }
}

static void
on_journal_problem_changed (LimberReminderService *self)
{
  const char *problem = limber_journal_get_problem (self->journal);

  limber_reminders1_set_not_saving (self->skeleton, problem != NULL ? problem : "");
}

static void
on_water_today_changed (LimberReminderService *self)
{
  limber_reminders1_set_water_today (self->skeleton, limber_water_log_get_today (self->water));
}

static void
on_due (LimberReminderScheduler *scheduler,
        LimberReminderKind       kind,
        gboolean                 caught_up,
        LimberReminderService   *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = limber_reminder_kind_to_string (kind);

  if (!limber_reminder_notifier_show (self->notifier, kind,
                                      limber_water_log_get_today (self->water),
                                      g_settings_get_uint (self->settings, "water-goal"),
                                      &error))
    {
      /* Keep it, and show it once a notification server is back. Say so once per outage. */
      if (!self->logged_no_server)
        g_message ("Could not show the %s reminder, holding reminders until a notification "
                   "server is back: %s", name, error->message);
      self->logged_no_server = TRUE;
      limber_reminder_scheduler_add_hold (self->scheduler, LIMBER_REMINDER_HOLD_NO_SERVER);
      limber_reminder_scheduler_hold_kind (self->scheduler, kind);
      return;
    }

  g_debug ("Showed the %s reminder%s", name, caught_up ? " (catching up)" : "");
  record_event (self, kind, LIMBER_REMINDER_ACTION_SHOWN);
  limber_reminders1_emit_reminder_shown (self->skeleton, name);
  trim_heap_soon (self);
}

static void
on_server_changed (LimberReminderNotifier *notifier,
                   gboolean                present,
                   LimberReminderService  *self)
{
  if (!present)
    {
      /* Nothing to do yet: the next reminder finds out whether a server starts on demand. */
      g_debug ("The notification server left the bus");
      return;
    }

  g_debug ("A notification server is on the bus");
  self->logged_no_server = FALSE;
  limber_reminder_scheduler_remove_hold (self->scheduler, LIMBER_REMINDER_HOLD_NO_SERVER);
}

static void
on_action (LimberReminderNotifier *notifier,
           LimberReminderKind      kind,
           LimberReminderAction    action,
           const char             *activation_token,
           LimberReminderService  *self)
{
  g_debug ("Action %s on the %s reminder", limber_reminder_action_to_string (action),
           limber_reminder_kind_to_string (kind));

  /* Each is recorded once. A "done" is the walk or posture break itself, and a glass a glass:
   * the journal's "changed" then starts the interval over, as for one recorded in the app. */
  record_event (self, kind, action);

  switch (action)
    {
    case LIMBER_REMINDER_ACTION_DRANK:
      limber_journal_add_glass (self->journal, LIMBER_GLASS_FROM_REMINDER, NULL);
      break;

    case LIMBER_REMINDER_ACTION_SNOOZED:
      limber_reminder_scheduler_snooze (self->scheduler, kind,
                                        (gint64) g_settings_get_uint (self->settings,
                                                                      "snooze-minutes")
                                        * 60 * G_USEC_PER_SEC);
      break;

    case LIMBER_REMINDER_ACTION_STRETCH:
      limber_reminder_scheduler_restart (self->scheduler, kind);
      /* Short, and safe in the first days too. */
      open_app (self, "start-routine", LIMBER_CARE_FIRST_DAYS_ROUTINE, activation_token);
      break;

    case LIMBER_REMINDER_ACTION_OPENED:
      open_app (self, NULL, NULL, activation_token);
      break;

    /* The app starts its cold-pack timer, which records the pack when it comes off; until
     * then the pack interval counts from now, so no reminder comes while it is on. */
    case LIMBER_REMINDER_ACTION_START_PACK:
      limber_reminder_scheduler_restart (self->scheduler, kind);
      open_app (self, "start-pack", limber_pack_kind_to_string (LIMBER_PACK_COLD),
                activation_token);
      break;

    case LIMBER_REMINDER_ACTION_DONE:
    case LIMBER_REMINDER_ACTION_SHOWN:
    default:
      break;
    }
}

static void
on_schedule_changed (LimberReminderScheduler *scheduler,
                     LimberReminderService   *self)
{
  limber_reminders1_set_paused_until (self->skeleton,
                                      limber_reminder_scheduler_get_paused_until (scheduler)
                                      / G_USEC_PER_SEC);
  limber_reminders1_emit_schedule_changed (self->skeleton);
}

static void
on_away_changed (LimberPresenceMonitor *presence,
                 gboolean               away,
                 gint64                 since_us,
                 LimberReminderService *self)
{
  limber_reminder_scheduler_set_away (self->scheduler, away, since_us);
}

static void
on_resumed (LimberPresenceMonitor *presence,
            LimberReminderService *self)
{
  limber_reminder_scheduler_check_clock (self->scheduler);
}

/* D-Bus methods */

static gboolean
check_seconds (GDBusMethodInvocation *invocation,
               const char            *what,
               guint                  seconds)
{
  if (seconds >= 1 && seconds <= MAX_SECONDS)
    return TRUE;

  g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                         "%s must be from 1 to %u seconds (24 hours), not %u",
                                         what, MAX_SECONDS, seconds);
  return FALSE;
}

static gboolean
handle_get_schedule (LimberReminders1      *skeleton,
                     GDBusMethodInvocation *invocation,
                     LimberReminderService *self)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sbxub)"));
  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      gint64 due = limber_reminder_scheduler_get_next_due (self->scheduler, kind);
      gint64 interval = limber_reminder_scheduler_get_current_interval (self->scheduler, kind);

      g_variant_builder_add (&builder, "(sbxub)", limber_reminder_kind_to_string (kind),
                             limber_reminder_scheduler_get_enabled (self->scheduler, kind),
                             (gint64) (due / G_USEC_PER_SEC),
                             (guint32) (interval / G_USEC_PER_SEC),
                             limber_reminder_scheduler_is_held (self->scheduler, kind));
    }

  limber_reminders1_complete_get_schedule (skeleton, invocation,
                                           g_variant_builder_end (&builder));
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_snooze (LimberReminders1      *skeleton,
               GDBusMethodInvocation *invocation,
               const char            *kind_name,
               guint                  seconds,
               LimberReminderService *self)
{
  LimberReminderKind kind;

  /* A caller may send megabytes: say how long, never echo it whole. */
  if (strlen (kind_name) > MAX_KIND_LENGTH)
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR,
                                             G_DBUS_ERROR_INVALID_ARGS,
                                             "A reminder kind of %" G_GSIZE_FORMAT " bytes is "
                                             "unknown: use hydration, posture, walk or pack",
                                             strlen (kind_name));
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  if (!limber_reminder_kind_from_string (kind_name, &kind))
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR,
                                             G_DBUS_ERROR_INVALID_ARGS,
                                             "Unknown reminder kind '%s': use hydration, "
                                             "posture, walk or pack", kind_name);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  if (!check_seconds (invocation, "Snooze length", seconds))
    return G_DBUS_METHOD_INVOCATION_HANDLED;

  if (!limber_reminder_scheduler_get_enabled (self->scheduler, kind))
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_FAILED,
                                             "The %s reminder is turned off, so it cannot be "
                                             "snoozed", kind_name);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  limber_reminder_scheduler_snooze (self->scheduler, kind, (gint64) seconds * G_USEC_PER_SEC);
  limber_reminders1_complete_snooze (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_pause (LimberReminders1      *skeleton,
              GDBusMethodInvocation *invocation,
              guint                  seconds,
              LimberReminderService *self)
{
  if (!check_seconds (invocation, "A pause", seconds))
    return G_DBUS_METHOD_INVOCATION_HANDLED;

  limber_reminder_scheduler_pause (self->scheduler, (gint64) seconds * G_USEC_PER_SEC);
  limber_reminders1_complete_pause (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_resume (LimberReminders1      *skeleton,
               GDBusMethodInvocation *invocation,
               LimberReminderService *self)
{
  limber_reminder_scheduler_resume (self->scheduler);
  limber_reminders1_complete_resume (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_log_water (LimberReminders1      *skeleton,
                  GDBusMethodInvocation *invocation,
                  LimberReminderService *self)
{
  g_autoptr(GError) error = NULL;

  if (limber_water_log_get_today (self->water) >= LIMBER_WATER_LOG_MAX_PER_DAY)
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR,
                                             G_DBUS_ERROR_LIMITS_EXCEEDED,
                                             "Today already has %u glasses, the most a day "
                                             "can hold", LIMBER_WATER_LOG_MAX_PER_DAY);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  /* A glass the file cannot take now is kept by the journal and written later (NotSaving says
   * so); one that could not be kept at all is answered as an error, never as recorded. */
  if (limber_journal_add_glass (self->journal, LIMBER_GLASS_FROM_DBUS, &error) == 0)
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_FAILED,
                                             "The glass was not recorded: %s", error->message);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }
  limber_reminders1_complete_log_water (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

/* GApplication */

static gboolean
limber_reminder_service_dbus_register (GApplication     *application,
                                       GDBusConnection  *connection,
                                       const char       *object_path,
                                       GError          **error)
{
  LimberReminderService *self = LIMBER_REMINDER_SERVICE (application);

  if (!G_APPLICATION_CLASS (limber_reminder_service_parent_class)->dbus_register (application,
                                                                                   connection,
                                                                                   object_path,
                                                                                   error))
    return FALSE;

  /* Exported before the name is owned: a client that sees the name finds the interface. */
  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton),
                                           connection, LIMBER_REMINDERS_OBJECT_PATH, error);
}

static void
limber_reminder_service_dbus_unregister (GApplication    *application,
                                         GDBusConnection *connection,
                                         const char      *object_path)
{
  LimberReminderService *self = LIMBER_REMINDER_SERVICE (application);

  if (g_dbus_interface_skeleton_has_connection (G_DBUS_INTERFACE_SKELETON (self->skeleton),
                                                connection))
    g_dbus_interface_skeleton_unexport_from_connection (G_DBUS_INTERFACE_SKELETON (self->skeleton),
                                                        connection);

  G_APPLICATION_CLASS (limber_reminder_service_parent_class)->dbus_unregister (application,
                                                                               connection,
                                                                               object_path);
}

static void
limber_reminder_service_startup (GApplication *application)
{
  LimberReminderService *self = LIMBER_REMINDER_SERVICE (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) notification_schema = NULL;

  G_APPLICATION_CLASS (limber_reminder_service_parent_class)->startup (application);

  /* Only the first instance gets here: it runs until reminders are turned off. */
  g_application_hold (application);

  self->clock = limber_system_clock_new_from_env ();
  self->scheduler = limber_reminder_scheduler_new (self->clock, NULL);

  /* Shared with the app. If it cannot be saved, reminders still work, counting in memory. */
  self->journal = limber_journal_open_default (self->clock, LIMBER_JOURNAL_SMALL_MEMORY);
  g_signal_connect_swapped (self->journal, "changed", G_CALLBACK (on_journal_changed), self);
  g_signal_connect_swapped (self->journal, "notify::problem",
                            G_CALLBACK (on_journal_problem_changed), self);
  on_journal_problem_changed (self);
  self->water = limber_water_log_new (NULL, self->journal);
  self->care_plan = limber_care_plan_new (self->journal, NULL);
  g_signal_connect_swapped (self->care_plan, "notify::phase", G_CALLBACK (on_phase_changed), self);
  g_signal_connect_swapped (self->care_plan, "changed", G_CALLBACK (update_acute), self);

  self->settings = g_settings_new (APPLICATION_ID);
  self->gnome_breaks = limber_gnome_break_settings_new ();
  apply_settings (self);
  update_acute (self);
  g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed), self);
  if (self->gnome_breaks != NULL)
    g_signal_connect (self->gnome_breaks, "changed::selected-breaks",
                      G_CALLBACK (on_gnome_breaks_changed), self);

  notification_schema = g_settings_schema_source_lookup (source,
                                                         "org.gnome.desktop.notifications",
                                                         TRUE);
  if (notification_schema != NULL
      && g_settings_schema_has_key (notification_schema, "show-banners"))
    {
      self->notification_settings = g_settings_new_full (notification_schema, NULL, NULL);
      g_signal_connect (self->notification_settings, "changed",
                        G_CALLBACK (on_notification_settings_changed), self);
    }

  self->app_notifications = limber_notification_switch_new ();
  if (self->app_notifications != NULL)
    g_signal_connect (self->app_notifications, "changed",
                      G_CALLBACK (on_app_notifications_changed), self);
  update_silenced (self);

  self->notifier = limber_reminder_notifier_new ();
  g_signal_connect (self->notifier, "action", G_CALLBACK (on_action), self);
  g_signal_connect (self->notifier, "server-changed", G_CALLBACK (on_server_changed), self);

  self->presence = limber_presence_monitor_new (self->clock);
  g_signal_connect (self->presence, "away-changed", G_CALLBACK (on_away_changed), self);
  g_signal_connect (self->presence, "resumed", G_CALLBACK (on_resumed), self);

  g_signal_connect (self->scheduler, "due", G_CALLBACK (on_due), self);
  g_signal_connect (self->scheduler, "changed", G_CALLBACK (on_schedule_changed), self);
  g_signal_connect_swapped (self->water, "notify::today", G_CALLBACK (on_water_today_changed),
                            self);
  on_water_today_changed (self);
  on_schedule_changed (self->scheduler, self);
  trim_heap_soon (self);
}

static void
limber_reminder_service_activate (GApplication *application)
{
  /* Started, or started again while running (by hand or by D-Bus activation): the service
   * has no window to show, and its work began in startup. */
  g_debug ("Activated");
}

static int
limber_reminder_service_handle_local_options (GApplication *application,
                                              GVariantDict *options)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("limber-reminders %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* Without a session bus GApplication carries on as a plain process, where no notification
   * can be shown and nothing can reach the service. GApplication registers on this same
   * shared connection. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_printerr (_("limber-reminders needs the session bus to show reminders, and cannot "
                    "reach it: %s\n"), error->message);
      return 1;
    }

  return -1;
}

static void
limber_reminder_service_shutdown (GApplication *application)
{
  LimberReminderService *self = LIMBER_REMINDER_SERVICE (application);

  g_clear_handle_id (&self->trim_id, g_source_remove);
  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  if (self->care_plan != NULL)
    g_signal_handlers_disconnect_by_data (self->care_plan, self);

  g_clear_object (&self->presence);
  g_clear_object (&self->notifier);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->water);
  g_clear_object (&self->care_plan);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  g_clear_object (&self->journal);
  g_clear_object (&self->notification_settings);
  g_clear_object (&self->app_notifications);
  g_clear_object (&self->gnome_breaks);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);

  G_APPLICATION_CLASS (limber_reminder_service_parent_class)->shutdown (application);
}

static void
limber_reminder_service_finalize (GObject *object)
{
  LimberReminderService *self = LIMBER_REMINDER_SERVICE (object);

  g_clear_object (&self->skeleton);

  G_OBJECT_CLASS (limber_reminder_service_parent_class)->finalize (object);
}

static void
limber_reminder_service_class_init (LimberReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = limber_reminder_service_finalize;

  application_class->dbus_register = limber_reminder_service_dbus_register;
  application_class->dbus_unregister = limber_reminder_service_dbus_unregister;
  application_class->startup = limber_reminder_service_startup;
  application_class->activate = limber_reminder_service_activate;
  application_class->handle_local_options = limber_reminder_service_handle_local_options;
  application_class->shutdown = limber_reminder_service_shutdown;
}

static void
limber_reminder_service_init (LimberReminderService *self)
{
  static const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Shows Limber's water, posture and walk reminders "
                                              "in the background."));

  self->skeleton = limber_reminders1_skeleton_new ();
  g_signal_connect (self->skeleton, "handle-get-schedule", G_CALLBACK (handle_get_schedule), self);
  g_signal_connect (self->skeleton, "handle-snooze", G_CALLBACK (handle_snooze), self);
  g_signal_connect (self->skeleton, "handle-pause", G_CALLBACK (handle_pause), self);
  g_signal_connect (self->skeleton, "handle-resume", G_CALLBACK (handle_resume), self);
  g_signal_connect (self->skeleton, "handle-log-water", G_CALLBACK (handle_log_water), self);
  limber_reminders1_set_water_goal (self->skeleton, 8);
}

/**
 * limber_reminder_service_new:
 *
 * Returns: (transfer full): the reminder service
 */
LimberReminderService *
limber_reminder_service_new (void)
{
  return g_object_new (LIMBER_TYPE_REMINDER_SERVICE,
                       "application-id", LIMBER_REMINDERS_BUS_NAME,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
