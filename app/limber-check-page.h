/* limber-check-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-care-plan.h"
#include "limber-journal.h"
#include "limber-triage.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_CHECK_PAGE (limber_check_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberCheckPage, limber_check_page, LIMBER, CHECK_PAGE, AdwBin)

LimberCheckPage *limber_check_page_new     (LimberJournal   *journal,
                                            LimberCarePlan  *care_plan);
const char *limber_check_page_get_screen   (LimberCheckPage *self);
int         limber_check_page_get_question (LimberCheckPage *self);
gboolean    limber_check_page_get_outcome  (LimberCheckPage     *self,
                                            LimberTriageOutcome *outcome);

G_END_DECLS
