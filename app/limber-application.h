/* limber-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-care-plan.h"
#include "limber-catalog.h"
#include "limber-clock.h"
#include "limber-journal.h"
#include "limber-pack-timer.h"
#include "limber-time-format.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_APPLICATION (limber_application_get_type ())
G_DECLARE_FINAL_TYPE (LimberApplication, limber_application, LIMBER, APPLICATION, AdwApplication)

LimberApplication *limber_application_new             (void);

/* The collaborators the application builds once and hands down to the window and its pages. */
LimberClock       *limber_application_get_clock       (LimberApplication *self);
LimberJournal     *limber_application_get_journal     (LimberApplication *self);
LimberCatalog     *limber_application_get_catalog     (LimberApplication *self);
LimberCarePlan    *limber_application_get_care_plan   (LimberApplication *self);
LimberPackTimer   *limber_application_get_pack_timer  (LimberApplication *self);
LimberTimeFormat  *limber_application_get_time_format (LimberApplication *self);

G_END_DECLS
