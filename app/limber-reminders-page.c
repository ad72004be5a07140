/* limber-reminders-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-active-hours.h"
#include "limber-notification-switch.h"
#include "limber-program.h"
#include "limber-reminder-scheduler.h"
#include "limber-reminders-dbus.h"

#include "limber-reminders-page-private.h"

/*
 * The Reminders page: what the running service says over D-Bus (each kind's next due time, a
 * pause) and, in a banner, that it is not running; its settings are in Preferences, a row
 * away. Today's glasses come
 * from the journal, so they show whether the service runs or not, and a glass added here is
 * recorded there (the service, seeing it, starts the water interval over). The
 * page never starts the service by merely looking at it (the proxy does not auto-start); it
 * starts it once when the app opens with reminders on, and from its Start button.
 */
G_DEFINE_FINAL_TYPE (LimberRemindersPage, limber_reminders_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_JOURNAL,
  PROP_CARE_PLAN,
  PROP_TIME_FORMAT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
limber_reminders_page_tell (LimberRemindersPage *self,
                            const char          *text)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-toast", "s", text);
}

static gboolean
is_running (LimberRemindersPage *self)
{
  g_autofree char *owner = NULL;

  if (self->proxy == NULL)
    return FALSE;

  owner = g_dbus_proxy_get_name_owner (G_DBUS_PROXY (self->proxy));
  return owner != NULL;
}

/* Times, in the desktop's 12- or 24-hour format */

static char *
format_clock (LimberRemindersPage *self,
              GDateTime           *time)
{
  return limber_time_format_time (self->time_format, time);
}

static char *
format_next (LimberRemindersPage *self,
             gint64               due_seconds)
{
  g_autoptr(GDateTime) now =
    g_date_time_new_from_unix_local (limber_clock_now_wall_us (self->clock) / G_USEC_PER_SEC);
  g_autoptr(GDateTime) due = g_date_time_new_from_unix_local (due_seconds);

  return limber_time_format_next (self->time_format, now, due);
}

/* A minute of the day, as in Preferences; 24:00 is the end of the day. */
static char *
format_minute (LimberRemindersPage *self,
               guint                minute)
{
  g_autoptr(GDateTime) time = NULL;

  if (minute >= 24 * 60)
    return g_strdup ("24:00");

  time = g_date_time_new_local (2024, 1, 1, minute / 60, minute % 60, 0);
  return format_clock (self, time);
}

/* How walks or packs come in the first days of a spasm: "Spasm plan: every 60 minutes, every
 * day 08:00–22:00". */
static char *
format_spasm_plan (LimberRemindersPage *self,
                   LimberReminderKind   kind)
{
  g_autofree char *from = format_minute (self, g_settings_get_uint (self->settings,
                                                                    "waking-start"));
  g_autofree char *until = format_minute (self, g_settings_get_uint (self->settings,
                                                                     "waking-end"));
  /* Translators: the waking hours of the spasm plan, e.g. "08:00–22:00" */
  g_autofree char *hours = g_strdup_printf (_("%s–%s"), from, until);

  if (kind == LIMBER_REMINDER_WALK)
    {
      guint minutes = limber_care_plan_get_walk_interval (self->care_plan,
                                                          g_settings_get_uint (self->settings,
                                                                               "walk-interval"));

      /* Translators: the walk reminders in the first days of a spasm; %s is e.g. 08:00–22:00 */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Spasm plan: every %u minute, every day %s",
                                           "Spasm plan: every %u minutes, every day %s",
                                           minutes), minutes, hours);
    }
  else
    {
      guint hours_apart = LIMBER_CARE_COLD_EVERY_US / ((gint64) 3600 * G_USEC_PER_SEC);

      /* Translators: the cold-pack reminders in the first days of a spasm; %s is e.g.
       * 08:00–22:00 */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Spasm plan: about every %u hour, every day %s",
                                           "Spasm plan: about every %u hours, every day %s",
                                           hours_apart), hours_apart, hours);
    }
}

/* What the service says */

/* Returns: (nullable): why the settings leave @kind no time to come at all */
static char *
explain_never (LimberRemindersPage *self,
               LimberReminderKind   kind)
{
  static const char * const interval_keys[] = {
    "hydration-interval", "posture-interval", "walk-interval",
  };
  guint interval;

  /* In the first days of a spasm, walks and packs keep the waking hours, every day, whatever
   * the active hours and days say. */
  if (kind == LIMBER_REMINDER_PACK ||
      (kind == LIMBER_REMINDER_WALK &&
       limber_care_plan_get_phase (self->care_plan) == LIMBER_CARE_PHASE_ACUTE))
    return NULL;

  interval = g_settings_get_uint (self->settings, interval_keys[kind]);

  return limber_active_hours_explain_never (g_settings_get_flags (self->settings, "active-days"),
                                            g_settings_get_uint (self->settings, "active-start"),
                                            g_settings_get_uint (self->settings, "active-end"),
                                            interval);
}

static void
update_kind_rows (LimberRemindersPage *self)
{
  AdwActionRow *rows[] = { self->hydration_row, self->posture_row, self->walk_row,
                           self->pack_row };
  gboolean running = is_running (self);
  gboolean paused = running && limber_reminders1_get_paused_until (self->proxy) != 0;
  gboolean acute = limber_care_plan_get_phase (self->care_plan) == LIMBER_CARE_PHASE_ACUTE;

  G_STATIC_ASSERT (G_N_ELEMENTS (rows) == LIMBER_N_REMINDER_KINDS);

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      /* Settings that leave it no time are said first: no service could show it then. */
      g_autofree char *subtitle = explain_never (self, kind);
      gboolean never = subtitle != NULL;

      if (kind == LIMBER_REMINDER_PACK && !acute)
        {
          adw_action_row_set_subtitle (rows[kind], _("Only in the first 3 days of a spasm"));
          continue;
        }

      if (never)
        g_debug ("%s: %s", limber_reminder_kind_to_string (kind), subtitle);
      else if (!running)
        subtitle = g_strdup (_("Not scheduled: the reminder service is not running"));
      else if (self->held[kind])
        subtitle = g_strdup (_("Due, and shown as soon as it can be"));
      else if (self->next_due[kind] == 0)
        subtitle = g_strdup (paused ? _("Paused") : _("Not scheduled"));
      else if (paused && self->next_due[kind] <= limber_reminders1_get_paused_until (self->proxy))
        subtitle = g_strdup (_("Paused"));
      else
        subtitle = format_next (self, self->next_due[kind]);

      /* Walks and packs the service makes in the first days of a spasm follow its plan:
       * every day, in the waking hours. */
      if (acute && !never && (kind == LIMBER_REMINDER_WALK || kind == LIMBER_REMINDER_PACK))
        {
          g_autofree char *plan = format_spasm_plan (self, kind);
          /* Translators: "Next at 15:00 · Spasm plan: every 60 minutes, every day…" */
          g_autofree char *both = g_strdup_printf (_("%s · %s"), subtitle, plan);

          g_free (subtitle);
          subtitle = g_steal_pointer (&both);
        }

      adw_action_row_set_subtitle (rows[kind], subtitle);
    }
}

static void
get_schedule_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LimberRemindersPage *self;
  g_autoptr(GVariant) schedule = NULL;
  g_autoptr(GError) error = NULL;
  GVariantIter iter;
  const char *name;
  gboolean enabled, held;
  gint64 due;
  guint32 interval;

  if (!limber_reminders1_call_get_schedule_finish (LIMBER_REMINDERS1 (source), &schedule,
                                                   result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the reminder schedule: %s", error->message);
      return;
    }

  self = user_data;
  g_variant_iter_init (&iter, schedule);
  while (g_variant_iter_next (&iter, "(&sbxub)", &name, &enabled, &due, &interval, &held))
    {
      LimberReminderKind kind;

      if (!limber_reminder_kind_from_string (name, &kind))
        continue;

      self->next_due[kind] = enabled ? due : 0;
      self->held[kind] = enabled && held;
    }

  update_kind_rows (self);
}

static void
refresh_schedule (LimberRemindersPage *self)
{
  if (!is_running (self))
    {
      memset (self->next_due, 0, sizeof self->next_due);
      memset (self->held, 0, sizeof self->held);
      update_kind_rows (self);
      return;
    }

  limber_reminders1_call_get_schedule (self->proxy, self->cancellable, get_schedule_done, self);
}

static void
update_status (LimberRemindersPage *self)
{
  gboolean running = is_running (self);
  guint goal = g_settings_get_uint (self->settings, "water-goal");
  guint today = limber_journal_count_today (self->journal, LIMBER_RECORD_COUNT_GLASSES, NULL);
  gint64 paused_until = running ? limber_reminders1_get_paused_until (self->proxy) : 0;
  g_autofree char *water = NULL;

  /* Said only once the bus has answered, so it does not flash up while the app opens. */
  gtk_revealer_set_reveal_child (self->service_banner, self->proxy != NULL && !running);

  /* Translators: glasses of water drunk today against the daily goal */
  water = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u glass today",
                                        "%u of %u glasses today", goal),
                           today, goal);
  adw_action_row_set_subtitle (self->water_row, water);
  gtk_level_bar_set_max_value (self->water_level, goal);
  gtk_level_bar_set_value (self->water_level, MIN (today, goal));

  if (paused_until != 0)
    {
      g_autoptr(GDateTime) until = g_date_time_new_from_unix_local (paused_until);
      g_autofree char *clock = format_clock (self, until);
      g_autofree char *text = g_strdup_printf (_("Paused until %s"), clock);

      adw_action_row_set_subtitle (self->pause_row, text);
    }
  else
    {
      adw_action_row_set_subtitle (self->pause_row,
                                   running ? _("Reminders are on") : NULL);
    }
  gtk_widget_set_visible (self->pause_button, paused_until == 0);
  gtk_widget_set_visible (self->resume_button, paused_until != 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.pause", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.resume", running);

  update_kind_rows (self);
}

/* Starting the service */

static void
start_service_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LimberRemindersPage *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (limber_program_start_reminders_finish (result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  text = g_strdup_printf (_("Could not start the reminder service: %s"), error->message);
  g_message ("%s", text);
  limber_reminders_page_tell (self, text);
}

/* The Start button. (The application starts the service once when it opens.) */
void
limber_reminders_page_start_service (LimberRemindersPage *self)
{
  if (self->proxy == NULL || is_running (self))
    return;

  limber_program_start_reminders (g_dbus_proxy_get_connection (G_DBUS_PROXY (self->proxy)),
                                  self->cancellable, start_service_done, self);
}

static void
on_name_owner_changed (LimberRemindersPage *self)
{
  update_status (self);
  refresh_schedule (self);
}

static void
proxy_ready (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LimberRemindersPage *self;
  g_autoptr(GError) error = NULL;
  LimberReminders1 *proxy;

  proxy = limber_reminders1_proxy_new_for_bus_finish (result, &error);
  if (proxy == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("No session bus, so no reminders: %s", error->message);
      return;
    }

  self = user_data;
  self->proxy = proxy;
  g_signal_connect_object (proxy, "notify::g-name-owner", G_CALLBACK (on_name_owner_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (proxy, "notify::paused-until", G_CALLBACK (update_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (proxy, "schedule-changed", G_CALLBACK (refresh_schedule), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (proxy, "reminder-shown", G_CALLBACK (refresh_schedule), self,
                           G_CONNECT_SWAPPED);
  on_name_owner_changed (self);
}

/* Settings, changed in Preferences */

static void
on_settings_changed (LimberRemindersPage *self,
                     const char          *key)
{
  if (g_strcmp0 (key, "water-goal") == 0)
    update_status (self);
  else if (g_str_has_suffix (key, "-interval") || g_str_has_prefix (key, "active-")
           || g_str_has_prefix (key, "waking-"))
    update_kind_rows (self);
  else if (g_strcmp0 (key, "reminders-enabled") == 0
           && g_settings_get_boolean (self->settings, key))
    /* Turned back on: reminders start now, not only at the next login. */
    limber_reminders_page_start_service (self);
}

/* Limber's switch in GNOME Settings: off, the service holds every reminder. */
static void
update_notifications_row (LimberRemindersPage *self)
{
  g_autofree char *settings_program = g_find_program_in_path ("gnome-control-center");

  gtk_widget_set_visible (GTK_WIDGET (self->notifications_row),
                          limber_notification_switch_off (self->app_notifications));
  gtk_widget_set_visible (self->notifications_button, settings_program != NULL);
}

/* GObject */

static void
limber_reminders_page_dispose (GObject *object)
{
  LimberRemindersPage *self = LIMBER_REMINDERS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  if (self->care_plan != NULL)
    g_signal_handlers_disconnect_by_data (self->care_plan, self);
  if (self->time_format != NULL)
    g_signal_handlers_disconnect_by_data (self->time_format, self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->proxy);
  g_clear_object (&self->app_notifications);
  g_clear_object (&self->settings);
  g_clear_object (&self->time_format);
  g_clear_object (&self->care_plan);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_REMINDERS_PAGE);

  G_OBJECT_CLASS (limber_reminders_page_parent_class)->dispose (object);
}

static void
limber_reminders_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LimberRemindersPage *self = LIMBER_REMINDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_CARE_PLAN:
      self->care_plan = g_value_dup_object (value);
      break;

    case PROP_TIME_FORMAT:
      self->time_format = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void limber_reminders_page_constructed (GObject *object);

static void
limber_reminders_page_class_init (LimberRemindersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_reminders_page_dispose;
  object_class->set_property = limber_reminders_page_set_property;
  object_class->constructed = limber_reminders_page_constructed;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, LIMBER_TYPE_CLOCK,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, LIMBER_TYPE_JOURNAL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CARE_PLAN] =
    g_param_spec_object ("care-plan", NULL, NULL, LIMBER_TYPE_CARE_PLAN,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_FORMAT] =
    g_param_spec_object ("time-format", NULL, NULL, LIMBER_TYPE_TIME_FORMAT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/limber-reminders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberRemindersPage, notifications_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRemindersPage, notifications_button);
  gtk_widget_class_bind_template_child (widget_class, LimberRemindersPage, service_banner);
  gtk_widget_class_bind_template_child (widget_class, LimberRemindersPage, water_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRemindersPage, water_level);
  gtk_widget_class_bind_template_child (widget_class, LimberRemindersPage, pause_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRemindersPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, LimberRemindersPage, resume_button);
  gtk_widget_class_bind_template_child (widget_class, LimberRemindersPage, hydration_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRemindersPage, posture_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRemindersPage, walk_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRemindersPage, pack_row);

  limber_reminders_page_add_actions (widget_class);
}

static void
limber_reminders_page_init (LimberRemindersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  self->app_notifications = limber_notification_switch_new ();
}

static void
on_journal_changed (LimberRemindersPage *self,
                    LimberRecordKind     kind)
{
  if (kind == LIMBER_RECORD_GLASS)
    update_status (self);
}


static void
limber_reminders_page_constructed (GObject *object)
{
  LimberRemindersPage *self = LIMBER_REMINDERS_PAGE (object);

  G_OBJECT_CLASS (limber_reminders_page_parent_class)->constructed (object);

  g_return_if_fail (LIMBER_IS_CLOCK (self->clock));
  g_return_if_fail (LIMBER_IS_JOURNAL (self->journal));
  g_return_if_fail (LIMBER_IS_CARE_PLAN (self->care_plan));
  g_return_if_fail (LIMBER_IS_TIME_FORMAT (self->time_format));

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->journal, "changed", G_CALLBACK (on_journal_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->care_plan, "notify::phase", G_CALLBACK (update_kind_rows), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->time_format, "notify::twelve-hour",
                           G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  if (self->app_notifications != NULL)
    g_signal_connect_object (self->app_notifications, "changed",
                             G_CALLBACK (update_notifications_row), self, G_CONNECT_SWAPPED);

  update_status (self);
  update_notifications_row (self);

  limber_reminders1_proxy_new_for_bus (G_BUS_TYPE_SESSION, G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                                       APPLICATION_ID ".Reminders",
                                       "/io/github/limber/Limber/Reminders",
                                       self->cancellable, proxy_ready, self);
}

/**
 * limber_reminders_page_new:
 *
 * Returns: (transfer full): the Reminders page
 */
LimberRemindersPage *
limber_reminders_page_new (LimberClock      *clock,
                           LimberJournal    *journal,
                           LimberCarePlan   *care_plan,
                           LimberTimeFormat *time_format)
{
  return g_object_new (LIMBER_TYPE_REMINDERS_PAGE,
                       "clock", clock,
                       "journal", journal,
                       "care-plan", care_plan,
                       "time-format", time_format,
                       NULL);
}

/**
 * limber_reminders_page_is_service_running:
 *
 * Returns: whether the reminder service owns its name on the session bus
 */
gboolean
limber_reminders_page_is_service_running (LimberRemindersPage *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDERS_PAGE (self), FALSE);

  return is_running (self);
}
