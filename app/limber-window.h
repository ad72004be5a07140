/* limber-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-care-plan.h"
#include "limber-catalog.h"
#include "limber-check-page.h"
#include "limber-journal.h"
#include "limber-pack-timer.h"
#include "limber-page.h"
#include "limber-progress-page.h"
#include "limber-reminders-page.h"
#include "limber-stretch-page.h"
#include "limber-time-format.h"
#include "limber-today-page.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_WINDOW (limber_window_get_type ())
G_DECLARE_FINAL_TYPE (LimberWindow, limber_window, LIMBER, WINDOW, AdwApplicationWindow)

LimberWindow    *limber_window_new            (AdwApplication   *application,
                                               LimberClock      *clock,
                                               LimberJournal    *journal,
                                               LimberCatalog    *catalog,
                                               LimberCarePlan   *care_plan,
                                               LimberPackTimer  *pack_timer,
                                               LimberTimeFormat *time_format);
void             limber_window_show_page      (LimberWindow   *self,
                                               LimberPage      page);
LimberPage       limber_window_get_page       (LimberWindow   *self);
gboolean         limber_window_get_narrow     (LimberWindow   *self);
LimberCheckPage *limber_window_get_check_page (LimberWindow   *self);
LimberStretchPage *limber_window_get_stretch_page (LimberWindow *self);
void             limber_window_import_routines (LimberWindow  *self,
                                                GFile        **files,
                                                guint          n_files);
LimberTodayPage     *limber_window_get_today_page     (LimberWindow   *self);
LimberProgressPage  *limber_window_get_progress_page  (LimberWindow   *self);
LimberRemindersPage *limber_window_get_reminders_page (LimberWindow *self);
void             limber_window_add_toast      (LimberWindow   *self,
                                               const char     *title);
void             limber_window_add_droppable_toast (LimberWindow *self,
                                                    const char   *title);

G_END_DECLS
