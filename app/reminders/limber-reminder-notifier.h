/* limber-reminder-notifier.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "limber-journal.h"
#include "limber-reminder-scheduler.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_REMINDER_NOTIFIER (limber_reminder_notifier_get_type ())
G_DECLARE_FINAL_TYPE (LimberReminderNotifier, limber_reminder_notifier,
                      LIMBER, REMINDER_NOTIFIER, GObject)

LimberReminderNotifier *limber_reminder_notifier_new      (void);
gboolean                limber_reminder_notifier_show     (LimberReminderNotifier  *self,
                                                           LimberReminderKind       kind,
                                                           guint                    water_today,
                                                           guint                    water_goal,
                                                           GError                 **error);
gboolean                limber_reminder_notifier_has_server (LimberReminderNotifier *self);

G_END_DECLS
