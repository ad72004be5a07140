/* limber-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-care-plan.h"
#include "limber-catalog.h"
#include "limber-clock.h"
#include "limber-pack-timer.h"
#include "limber-session-record.h"
#include "limber-store.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_APPLICATION (limber_application_get_type ())
G_DECLARE_FINAL_TYPE (LimberApplication, limber_application, LIMBER, APPLICATION, AdwApplication)

LimberApplication *limber_application_new       (void);
LimberClock       *limber_application_get_clock (LimberApplication *self);
LimberCatalog     *limber_application_get_catalog (LimberApplication *self);
void               limber_application_add_session_record (LimberApplication   *self,
                                                          LimberSessionRecord *record);
GListModel        *limber_application_get_session_records (LimberApplication *self);
LimberStore       *limber_application_get_store (LimberApplication *self);
LimberCarePlan    *limber_application_get_care_plan (LimberApplication *self);
LimberPackTimer   *limber_application_get_pack_timer (LimberApplication *self);
void               limber_application_tell_store_problem (LimberApplication *self,
                                                          const char        *message);

G_END_DECLS
