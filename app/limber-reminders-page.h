/* limber-reminders-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-care-plan.h"
#include "limber-journal.h"
#include "limber-time-format.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_REMINDERS_PAGE (limber_reminders_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberRemindersPage, limber_reminders_page, LIMBER, REMINDERS_PAGE, AdwBin)

LimberRemindersPage *limber_reminders_page_new (LimberClock      *clock,
                                                LimberJournal    *journal,
                                                LimberCarePlan   *care_plan,
                                                LimberTimeFormat *time_format);
gboolean limber_reminders_page_is_service_running (LimberRemindersPage *self);

G_END_DECLS
