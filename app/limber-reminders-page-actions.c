/* limber-reminders-page-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-preferences-window.h"

#include "limber-reminders-page-private.h"

/*
 * What the Reminders page's buttons do: calls to the running service (pause, resume), a glass
 * in the journal, and the ways out to Preferences and to GNOME's notification settings. The
 * page follows the service and the journal, so nothing here updates it.
 */

static void
call_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (source), result, &error);
  if (reply == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      LimberRemindersPage *self = user_data;
      g_autofree char *text = NULL;

      g_dbus_error_strip_remote_error (error);
      text = g_strdup_printf (_("The reminder service did not answer: %s"), error->message);
      limber_reminders_page_tell (self, text);
    }
}

static void
call_service (LimberRemindersPage *self,
              const char          *method,
              GVariant            *parameters)
{
  if (!limber_reminders_page_is_service_running (self))
    return;

  g_dbus_proxy_call (G_DBUS_PROXY (self->proxy), method, parameters, G_DBUS_CALL_FLAGS_NONE,
                     -1, self->cancellable, call_done, self);
}

static void
start_service_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LimberRemindersPage *self = LIMBER_REMINDERS_PAGE (widget);

  limber_reminders_page_start_service (self);
}

static void
open_notification_settings_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LimberRemindersPage *self = LIMBER_REMINDERS_PAGE (widget);
  g_autoptr(GAppInfo) settings_app = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autoptr(GError) error = NULL;

  settings_app = g_app_info_create_from_commandline ("gnome-control-center notifications",
                                                     NULL, G_APP_INFO_CREATE_NONE, &error);
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  if (settings_app == NULL
      || !g_app_info_launch (settings_app, NULL, G_APP_LAUNCH_CONTEXT (context), &error))
    {
      g_message ("Could not open the notification settings: %s", error->message);
      limber_reminders_page_tell (self, _("Could not open Settings"));
    }
}

/* Preferences, opened where the reminders are set. */
static void
open_preferences_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (!gtk_widget_activate_action (widget, "app.preferences", NULL))
    return;

  /* app.preferences has presented its window by now (Preferences is modal: it is the one). */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (LIMBER_IS_PREFERENCES_WINDOW (window))
        adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window),
                                                      "reminders");
    }
}

/* Recorded in the journal, with or without the service; the page follows the journal. */
static void
log_water_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  limber_journal_add_glass (LIMBER_REMINDERS_PAGE (widget)->journal, LIMBER_GLASS_FROM_APP, NULL);
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  call_service (LIMBER_REMINDERS_PAGE (widget), "Pause", g_variant_new ("(u)", 60 * 60));
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  call_service (LIMBER_REMINDERS_PAGE (widget), "Resume", NULL);
}

void
limber_reminders_page_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reminders.start-service", NULL,
                                   start_service_action);
  gtk_widget_class_install_action (widget_class, "reminders.log-water", NULL, log_water_action);
  gtk_widget_class_install_action (widget_class, "reminders.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "reminders.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "reminders.open-notification-settings", NULL,
                                   open_notification_settings_action);
  gtk_widget_class_install_action (widget_class, "reminders.open-preferences", NULL,
                                   open_preferences_action);
}
