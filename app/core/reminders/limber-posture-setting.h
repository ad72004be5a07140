/* limber-posture-setting.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *limber_gnome_break_settings_new      (void);
gboolean   limber_gnome_movement_breaks_on      (GSettings *gnome_breaks);
gboolean   limber_posture_reminders_on          (GSettings *settings,
                                                 GSettings *gnome_breaks);

G_END_DECLS
