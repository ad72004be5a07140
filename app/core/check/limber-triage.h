/* limber-triage.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIMBER_TRIAGE_URGENCY_EMERGENCY,
  LIMBER_TRIAGE_URGENCY_DOCTOR,
} LimberTriageUrgency;

/* Ordered from least to most urgent, so the more urgent outcome compares greater. The nicks
 * are kept in the store and the export. */
typedef enum
{
  LIMBER_TRIAGE_OUTCOME_SELF_CARE,
  LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON,  /*< nick=doctor >*/
  LIMBER_TRIAGE_OUTCOME_EMERGENCY,
} LimberTriageOutcome;

typedef enum
{
  LIMBER_TRIAGE_ANSWER_NONE,
  LIMBER_TRIAGE_ANSWER_NO,
  LIMBER_TRIAGE_ANSWER_YES,
} LimberTriageAnswer;

/**
 * LimberTriageQuestion:
 * @id: a stable identifier, kept in records and never translated
 * @urgency: what a Yes to this question means
 * @text: the question, untranslated (use limber_triage_question_get_text())
 * @why: why the question is asked, untranslated
 * @reason: a short phrase naming the sign, shown as a reason on the result, untranslated
 */
typedef struct
{
  const char          *id;
  LimberTriageUrgency  urgency;
  const char          *text;
  const char          *why;
  const char          *reason;
} LimberTriageQuestion;

/**
 * LimberTriageResult:
 * @outcome: what to do
 * @reasons: (element-type LimberTriageQuestion): the questions answered Yes that led to
 *   @outcome, in asking order; empty for self-care
 */
typedef struct
{
  LimberTriageOutcome  outcome;
  GPtrArray           *reasons;
} LimberTriageResult;

guint                       limber_triage_get_n_questions    (void);
const LimberTriageQuestion *limber_triage_get_question       (guint                     index);
int                         limber_triage_find_question      (const char               *id);

const char                 *limber_triage_question_get_text   (const LimberTriageQuestion *question);
const char                 *limber_triage_question_get_why    (const LimberTriageQuestion *question);
const char                 *limber_triage_question_get_reason (const LimberTriageQuestion *question);

int                         limber_triage_next_question      (const LimberTriageAnswer *answers);
int                         limber_triage_go_back            (LimberTriageAnswer       *answers,
                                                              int                       current);
LimberTriageResult         *limber_triage_evaluate           (const LimberTriageAnswer *answers);
void                        limber_triage_result_free        (LimberTriageResult       *result);

const char                 *limber_triage_outcome_get_title  (LimberTriageOutcome       outcome);
const char                 *limber_triage_outcome_get_advice (LimberTriageOutcome       outcome);
const char                 *limber_triage_outcome_get_id     (LimberTriageOutcome       outcome);
const char                 *limber_triage_outcome_get_icon_name (LimberTriageOutcome    outcome);
const char                 *limber_triage_get_self_care_step (guint                   index);
const char                 *limber_triage_get_when_to_get_help (LimberTriageOutcome     outcome);
const char                 *limber_triage_get_disclaimer     (void);
const char                 *limber_triage_get_emergency_number (const char            *locale);
char                       *limber_triage_dup_emergency_call (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberTriageResult, limber_triage_result_free)

G_END_DECLS
