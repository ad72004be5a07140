/* limber-care-warning.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "limber-journal.h"
#include "limber-triage.h"

G_BEGIN_DECLS

/* The care plan's times and the thresholds of the warnings it raises from the record, in one
 * place. */

/* How long the acute plan lasts after "I have a back spasm now". */
#define LIMBER_CARE_ACUTE_US ((gint64) 72 * G_USEC_PER_SEC * 3600)

/* "Spasms that keep coming back": this many episodes started within this long. */
#define LIMBER_CARE_RECURRENCE_EPISODES 3
#define LIMBER_CARE_RECURRENCE_US ((gint64) 8 * 7 * 24 * 3600 * G_USEC_PER_SEC)
/* "Pain that is not better after home treatment": a rating this high or higher, in the last
 * day of the first 72 hours or since. */
#define LIMBER_CARE_SEVERE_PAIN 8
#define LIMBER_CARE_SEVERE_PAIN_US ((gint64) 24 * 3600 * G_USEC_PER_SEC)
/* A warning from a check, or from an episode that has ended, stands this long without one. */
#define LIMBER_CARE_WARNING_US ((gint64) 7 * 24 * 3600 * G_USEC_PER_SEC)

/**
 * LimberCareReason:
 * @LIMBER_CARE_REASON_CHECK: the last symptom check found warning signs
 * @LIMBER_CARE_REASON_RECURRING: a third episode within eight weeks
 * @LIMBER_CARE_REASON_NOT_BETTER: after the first 72 hours, pain no lower than at the start
 * @LIMBER_CARE_REASON_SEVERE_PAIN: a rating of 8 or more in the last day of the first 72 hours
 *   or since
 *
 * Why the plan says to get help. Only %LIMBER_CARE_REASON_CHECK can be an emergency.
 */
typedef enum
{
  LIMBER_CARE_REASON_CHECK,
  LIMBER_CARE_REASON_RECURRING,
  LIMBER_CARE_REASON_NOT_BETTER,
  LIMBER_CARE_REASON_SEVERE_PAIN,
} LimberCareReason;

/**
 * LimberCareWarning:
 * @outcome: %LIMBER_TRIAGE_OUTCOME_EMERGENCY (the plan is set aside) or
 *   %LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON (the plan stays, with a reason to see a doctor beside it)
 * @reason: why
 * @since_us: when the warning was raised: the check's time, or the episode's start
 */
typedef struct
{
  LimberTriageOutcome outcome;
  LimberCareReason    reason;
  gint64              since_us;
} LimberCareWarning;

gboolean    limber_care_warning_evaluate (LimberJournal           *journal,
                                          const LimberEpisode     *open_episode,
                                          gint64                   now_us,
                                          LimberCareWarning       *warning);
const char *limber_care_warning_get_text (const LimberCareWarning *warning);
const char *limber_care_reason_to_string (LimberCareReason         reason);

G_END_DECLS
