/* limber-notification-switch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-notification-switch.h"

/*
 * Limber's own switch in GNOME Settings' Notifications panel: GNOME keeps it per app in the
 * relocatable schema org.gnome.desktop.notifications.application, at a path made from the
 * desktop file's name. GNOME Shell drops the notifications of an app that is switched off (and
 * shows no banners when only "show-banners" is off), so the reminder service holds reminders
 * then, as for Do Not Disturb. Other desktops may not have the schema at all.
 */

/**
 * limber_notification_switch_new:
 *
 * Returns: (transfer full) (nullable): the settings of Limber's notification switch, or %NULL
 *   where the schema is not installed (a desktop other than GNOME)
 */
GSettings *
limber_notification_switch_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, LIMBER_NOTIFICATION_SWITCH_SCHEMA, TRUE);
  if (schema == NULL
      || !g_settings_schema_has_key (schema, "enable")
      || !g_settings_schema_has_key (schema, "show-banners"))
    return NULL;

  return g_settings_new_full (schema, NULL, LIMBER_NOTIFICATION_SWITCH_PATH);
}

/**
 * limber_notification_switch_off:
 * @app_notifications: (nullable): from limber_notification_switch_new()
 *
 * Returns: whether Limber's notifications, or their banners, are switched off
 */
gboolean
limber_notification_switch_off (GSettings *app_notifications)
{
  g_return_val_if_fail (app_notifications == NULL || G_IS_SETTINGS (app_notifications), FALSE);

  if (app_notifications == NULL)
    return FALSE;

  return !g_settings_get_boolean (app_notifications, "enable")
         || !g_settings_get_boolean (app_notifications, "show-banners");
}
