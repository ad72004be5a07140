/* limber-reminders-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-reminders-dbus.h"
#include "limber-reminders-page.h"
#include "limber-reminder-scheduler.h"

G_BEGIN_DECLS

/*
 * What the two parts of LimberRemindersPage share: limber-reminders-page.c follows the service
 * and the settings and shows them, limber-reminders-page-actions.c does what its buttons ask.
 */
struct _LimberRemindersPage
{
  AdwBin            parent_instance;

  /* Template widgets */
  AdwActionRow     *notifications_row;
  GtkWidget        *notifications_button;
  GtkRevealer      *service_banner;
  AdwActionRow     *water_row;
  GtkLevelBar      *water_level;
  AdwActionRow     *pause_row;
  GtkWidget        *pause_button;
  GtkWidget        *resume_button;
  AdwActionRow     *hydration_row;
  AdwActionRow     *posture_row;
  AdwActionRow     *walk_row;
  AdwActionRow     *pack_row;

  /* Owned */
  GSettings        *settings;
  GSettings        *app_notifications;   /* NULL off GNOME */
  LimberReminders1 *proxy;
  GCancellable     *cancellable;
  gint64            next_due[LIMBER_N_REMINDER_KINDS];
  gboolean          held[LIMBER_N_REMINDER_KINDS];

  /* Collaborators */
  LimberClock      *clock;
  LimberJournal    *journal;
  LimberCarePlan   *care_plan;
  LimberTimeFormat *time_format;
};

void limber_reminders_page_tell          (LimberRemindersPage *self,
                                         const char          *text);
void limber_reminders_page_start_service (LimberRemindersPage *self);
void limber_reminders_page_add_actions   (GtkWidgetClass      *widget_class);

G_END_DECLS
