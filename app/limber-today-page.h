/* limber-today-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-care-plan.h"
#include "limber-journal.h"
#include "limber-pack-timer.h"
#include "limber-time-format.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_TODAY_PAGE (limber_today_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberTodayPage, limber_today_page, LIMBER, TODAY_PAGE, AdwBin)

LimberTodayPage *limber_today_page_new     (LimberClock      *clock,
                                           LimberJournal    *journal,
                                           LimberCarePlan   *care_plan,
                                           LimberPackTimer  *pack_timer,
                                           LimberTimeFormat *time_format);

G_END_DECLS
