/* limber-progress-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-chart.h"
#include "limber-clock.h"
#include "limber-journal.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PROGRESS_PAGE (limber_progress_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberProgressPage, limber_progress_page, LIMBER, PROGRESS_PAGE, AdwBin)

LimberProgressPage *limber_progress_page_new (LimberClock        *clock,
                                              LimberJournal      *journal);
const char  *limber_progress_page_get_screen (LimberProgressPage *self);

G_END_DECLS
