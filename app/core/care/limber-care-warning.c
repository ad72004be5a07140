/* limber-care-warning.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-care-enums.h"
#include "limber-enum-nick.h"

#include "limber-care-warning.h"

/*
 * When the care plan says to get help, and why. Two kinds, handled differently by the plan:
 * an emergency (only a check finds one) sets the plan aside; a reason to see a doctor sits
 * beside the plan, which stays.
 *
 * A check's warning stands during the episode it was made in, or for a week when none is
 * open, until a later check finds no signs. The record raises a see-a-doctor warning of its
 * own during an episode, as docs/care-facts.md's "spasms that keep coming back" and "pain that
 * home care has not eased": a third episode within eight weeks; or, once the first 72
 * hours are over, a rating of 8 or more in their last day or since, or ratings no lower than
 * the episode's first. "I have seen a doctor" clears the see-a-doctor warnings raised before
 * it; an emergency waits for a check that finds none.
 */

static gboolean
seen_since (gboolean seen,
            gint64   visit_us,
            gint64   since_us)
{
  return seen && visit_us >= since_us;
}

static gboolean
from_check (LimberJournal       *journal,
            const LimberEpisode *episode,
            gint64               now_us,
            gboolean             seen,
            gint64               visit_us,
            LimberCareWarning   *warning)
{
  LimberTriageOutcome outcome;
  gint64 time_us;

  if (!limber_journal_get_last_check (journal, &time_us, &outcome) ||
      outcome == LIMBER_TRIAGE_OUTCOME_SELF_CARE)
    return FALSE;

  if (episode != NULL ? time_us < episode->started_us : now_us - time_us > LIMBER_CARE_WARNING_US)
    return FALSE;

  if (outcome == LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON && seen_since (seen, visit_us, time_us))
    return FALSE;

  *warning = (LimberCareWarning) { outcome, LIMBER_CARE_REASON_CHECK, time_us };
  return TRUE;
}

static gboolean
from_pain (LimberJournal       *journal,
           const LimberEpisode *episode,
           gint64               now_us,
           LimberCareReason    *reason)
{
  gint64 acute_end = episode->started_us + LIMBER_CARE_ACUTE_US;
  g_autoptr(GArray) ratings = NULL;
  const LimberRecordPoint *first, *last;

  if (now_us < acute_end)
    return FALSE;

  ratings = limber_journal_list_pain (journal, episode->started_us, now_us + 1);
  for (guint i = 0; i < ratings->len; i++)
    {
      const LimberRecordPoint *point = &g_array_index (ratings, LimberRecordPoint, i);

      if (point->time_us >= acute_end - LIMBER_CARE_SEVERE_PAIN_US &&
          point->value >= LIMBER_CARE_SEVERE_PAIN)
        {
          *reason = LIMBER_CARE_REASON_SEVERE_PAIN;
          return TRUE;
        }
    }

  if (ratings->len < 2)
    return FALSE;

  first = &g_array_index (ratings, LimberRecordPoint, 0);
  last = &g_array_index (ratings, LimberRecordPoint, ratings->len - 1);
  if (last->value >= first->value)
    {
      *reason = LIMBER_CARE_REASON_NOT_BETTER;
      return TRUE;
    }

  return FALSE;
}

/**
 * limber_care_warning_evaluate:
 * @open_episode: (nullable): the episode open now
 * @now_us: the wall-clock time now
 * @warning: (out): the most urgent warning that stands
 *
 * Returns: %TRUE if a warning stands now
 */
gboolean
limber_care_warning_evaluate (LimberJournal       *journal,
                              const LimberEpisode *open_episode,
                              gint64               now_us,
                              LimberCareWarning   *warning)
{
  gint64 visit_us = 0;
  gboolean seen;
  LimberCareReason reason;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (warning != NULL, FALSE);

  seen = limber_journal_get_last_doctor_visit (journal, &visit_us);

  /* A check comes first: it alone can find an emergency, and it says what the person felt. */
  if (from_check (journal, open_episode, now_us, seen, visit_us, warning))
    return TRUE;

  if (open_episode == NULL || seen_since (seen, visit_us, open_episode->started_us))
    return FALSE;

  if (from_pain (journal, open_episode, now_us, &reason))
    {
      *warning = (LimberCareWarning) { LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON, reason,
                                       open_episode->started_us };
      return TRUE;
    }

  if (limber_journal_count_episodes (journal,
                                     open_episode->started_us - LIMBER_CARE_RECURRENCE_US,
                                     open_episode->started_us + 1)
      >= LIMBER_CARE_RECURRENCE_EPISODES)
    {
      *warning = (LimberCareWarning) { LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON,
                                       LIMBER_CARE_REASON_RECURRING, open_episode->started_us };
      return TRUE;
    }

  return FALSE;
}

/* Returns: why, in plain words for the person */
const char *
limber_care_warning_get_text (const LimberCareWarning *warning)
{
  g_return_val_if_fail (warning != NULL, "");

  switch (warning->reason)
    {
    case LIMBER_CARE_REASON_RECURRING:
      return _("This is your third back spasm in eight weeks. Spasms that keep coming back "
               "are worth showing to a doctor.");
    case LIMBER_CARE_REASON_NOT_BETTER:
      return _("After three days of home care, your pain is not lower than when this spasm "
               "began. A doctor should have a look.");
    case LIMBER_CARE_REASON_SEVERE_PAIN:
      return _("You rated your pain 8 or more after the first days of this spasm. Strong pain "
               "that lasts should be seen by a doctor.");
    case LIMBER_CARE_REASON_CHECK:
    default:
      return warning->outcome == LIMBER_TRIAGE_OUTCOME_EMERGENCY
             ? _("Your last symptom check found signs that need help now.")
             : _("Your last symptom check found signs a doctor should look at in the next "
                 "few days.");
    }
}

/* A stable name for logs and tests, never translated: the enum's nick. */
const char *
limber_care_reason_to_string (LimberCareReason reason)
{
  const char *nick = limber_enum_get_nick (LIMBER_TYPE_CARE_REASON, reason);

  return nick != NULL ? nick : "check";
}
