/* limber-reminder-service.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_REMINDERS_BUS_NAME APPLICATION_ID ".Reminders"
#define LIMBER_REMINDERS_OBJECT_PATH "/io/github/limber/Limber/Reminders"

#define LIMBER_TYPE_REMINDER_SERVICE (limber_reminder_service_get_type ())
G_DECLARE_FINAL_TYPE (LimberReminderService, limber_reminder_service,
                      LIMBER, REMINDER_SERVICE, GApplication)

LimberReminderService *limber_reminder_service_new (void);

G_END_DECLS
