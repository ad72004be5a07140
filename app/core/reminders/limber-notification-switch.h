/* limber-notification-switch.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_NOTIFICATION_SWITCH_SCHEMA "org.gnome.desktop.notifications.application"
#define LIMBER_NOTIFICATION_SWITCH_PATH \
  "/org/gnome/desktop/notifications/application/io-github-limber-limber/"

GSettings *limber_notification_switch_new (void);
gboolean   limber_notification_switch_off (GSettings *app_notifications);

G_END_DECLS
