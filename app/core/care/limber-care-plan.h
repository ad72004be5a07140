/* limber-care-plan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "limber-care-warning.h"
#include "limber-clock.h"
#include "limber-journal.h"
#include "limber-routine.h"

G_BEGIN_DECLS

#define LIMBER_CARE_DAY_US ((gint64) 24 * G_USEC_PER_SEC * 3600)

/* The walk interval during the acute plan, in minutes. */
#define LIMBER_CARE_ACUTE_WALK_MINUTES 60
/* The routine of the first days: the plan suggests it, counts it and the walk reminder's
 * Stretch Now starts it. */
#define LIMBER_CARE_FIRST_DAYS_ROUTINE "gentle-relief"
/* Cold packs are suggested about this often in the acute plan. */
#define LIMBER_CARE_COLD_EVERY_US ((gint64) 2 * G_USEC_PER_SEC * 3600)

/**
 * LimberCarePhase:
 * @LIMBER_CARE_PHASE_PREVENTION: no episode: regular routines and reminders
 * @LIMBER_CARE_PHASE_ACUTE: the first 72 hours of an episode: cold, hourly walks, gentle routine
 * @LIMBER_CARE_PHASE_RECOVERY: an episode older than 72 hours: heat and the full routines
 */
typedef enum
{
  LIMBER_CARE_PHASE_PREVENTION,
  LIMBER_CARE_PHASE_ACUTE,
  LIMBER_CARE_PHASE_RECOVERY,
} LimberCarePhase;

/**
 * LimberCareProgress:
 * @cold_packs: cold packs started today
 * @heat_packs: heat packs started today
 * @walks: walk reminders answered with Done today
 * @gentle_sessions: sessions of the gentle routine with an exercise done today
 * @sessions: sessions of any routine with an exercise done today
 * @glasses: glasses of water today
 * @last_pack_end_us: when the latest pack of today came off, or 0
 * @next_cold_us: when the next cold pack is due (acute plan), or 0 when one is due now
 *
 * What the user did today, for the Today page's checklist.
 */
#define LIMBER_CARE_PLAN_ERROR (limber_care_plan_error_quark ())

/* Why the plan does not offer something now. */
typedef enum
{
  LIMBER_CARE_PLAN_ERROR_WARNING,   /* a check found signs of an emergency */
  LIMBER_CARE_PLAN_ERROR_NOT_NOW,   /* not in this phase */
} LimberCarePlanError;

typedef struct
{
  guint  cold_packs;
  guint  heat_packs;
  guint  walks;
  guint  gentle_sessions;
  guint  sessions;
  guint  glasses;
  gint64 last_pack_end_us;
  gint64 next_cold_us;
} LimberCareProgress;

#define LIMBER_TYPE_CARE_PLAN (limber_care_plan_get_type ())
G_DECLARE_FINAL_TYPE (LimberCarePlan, limber_care_plan, LIMBER, CARE_PLAN, GObject)

LimberCarePlan     *limber_care_plan_new                (LimberJournal        *journal,
                                                         GTimeZone            *time_zone);
LimberCarePhase     limber_care_plan_get_phase          (LimberCarePlan       *self);
const LimberEpisode *limber_care_plan_get_episode       (LimberCarePlan       *self);
gint64              limber_care_plan_get_acute_end_us   (LimberCarePlan       *self);
guint               limber_care_plan_get_day            (LimberCarePlan       *self);
gboolean            limber_care_plan_get_warning        (LimberCarePlan       *self,
                                                         LimberCareWarning    *warning);
gboolean            limber_care_plan_get_emergency      (LimberCarePlan       *self);
gboolean            limber_care_plan_record_doctor_visit (LimberCarePlan      *self,
                                                          GError             **error);
void                limber_care_plan_get_progress       (LimberCarePlan       *self,
                                                         LimberCareProgress   *progress);
guint               limber_care_plan_get_walk_interval  (LimberCarePlan       *self,
                                                         guint                 user_minutes);
LimberPackKind      limber_care_plan_get_suggested_pack (LimberCarePlan       *self);
gboolean            limber_care_plan_allows_routine     (LimberCarePlan       *self,
                                                         LimberRoutine        *routine,
                                                         GError              **error);
gboolean            limber_care_plan_allows_pack        (LimberCarePlan       *self,
                                                         GError              **error);
GQuark              limber_care_plan_error_quark        (void);
gint64              limber_care_plan_start_episode      (LimberCarePlan       *self,
                                                         GError              **error);
gboolean            limber_care_plan_end_episode        (LimberCarePlan       *self,
                                                         const char           *notes,
                                                         GError              **error);
const char         *limber_care_phase_to_string         (LimberCarePhase       phase);

G_END_DECLS
