/* limber-posture-setting.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-posture-setting.h"

/*
 * GNOME 48 and later have movement break reminders of their own
 * (org.gnome.desktop.break-reminders). Two reminders to get up would be one too many, so
 * while GNOME's are on, Limber's posture breaks default to off: "posture-enabled" counts
 * only once the user has set it.
 */

#define GNOME_BREAKS_SCHEMA "org.gnome.desktop.break-reminders"

/**
 * limber_gnome_break_settings_new:
 *
 * Returns: (transfer full) (nullable): GNOME's break reminder settings, or %NULL where the
 *   desktop has none
 */
GSettings *
limber_gnome_break_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, GNOME_BREAKS_SCHEMA, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "selected-breaks"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * limber_gnome_movement_breaks_on:
 * @gnome_breaks: (nullable): from limber_gnome_break_settings_new()
 *
 * Returns: whether GNOME's own movement breaks are on
 */
gboolean
limber_gnome_movement_breaks_on (GSettings *gnome_breaks)
{
  g_auto(GStrv) selected = NULL;

  if (gnome_breaks == NULL)
    return FALSE;

  selected = g_settings_get_strv (gnome_breaks, "selected-breaks");

  return g_strv_contains ((const char * const *) selected, "movement");
}

/**
 * limber_posture_reminders_on:
 * @settings: Limber's settings
 * @gnome_breaks: (nullable): from limber_gnome_break_settings_new()
 *
 * Returns: whether posture breaks are on: as the user set them, or by default on unless
 *   GNOME's movement breaks are
 */
gboolean
limber_posture_reminders_on (GSettings *settings,
                             GSettings *gnome_breaks)
{
  g_autoptr(GVariant) user_value = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  user_value = g_settings_get_user_value (settings, "posture-enabled");
  if (user_value != NULL)
    return g_variant_get_boolean (user_value);

  return !limber_gnome_movement_breaks_on (gnome_breaks)
         && g_settings_get_boolean (settings, "posture-enabled");
}
