/* limber-triage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "limber-check-enums.h"
#include "limber-enum-nick.h"
#include "limber-triage.h"

/*
 * The symptom check, from the care facts Limber follows. Emergency questions come first, so a Yes to
 * any of them ends the check at once: red flags always win over finishing the questionnaire.
 * An answers array is indexed like this table; LIMBER_TRIAGE_ANSWER_NONE means not asked yet.
 */
static const LimberTriageQuestion questions[] = {
  /* Emergency: get care now. */
  {
    "bladder-bowel", LIMBER_TRIAGE_URGENCY_EMERGENCY,
    N_("Have you lost control of your bladder or bowels, or is it suddenly hard to pass urine?"),
    N_("With back pain, this can mean the nerves at the base of the spine are being squeezed. "
       "That needs care straight away."),
    N_("Loss of bladder or bowel control, or new trouble passing urine"),
  },
  {
    "saddle-numbness", LIMBER_TRIAGE_URGENCY_EMERGENCY,
    N_("Is there numbness in your groin, inner thighs or buttocks, the parts that would touch a "
       "saddle?"),
    N_("Numbness in this area can be a sign of pressure on the nerves at the base of the spine."),
    N_("Numbness in the groin, inner thighs or buttocks"),
  },
  {
    "leg-weakness", LIMBER_TRIAGE_URGENCY_EMERGENCY,
    N_("Are your legs getting weaker, or are both of your legs numb?"),
    N_("Weakness that keeps growing, or numbness in both legs, can mean a nerve is being harmed."),
    N_("Leg weakness that is getting worse, or numbness in both legs"),
  },
  {
    "major-injury", LIMBER_TRIAGE_URGENCY_EMERGENCY,
    N_("Did the pain start after a bad fall, a road accident or another serious injury?"),
    N_("A hard blow can injure the bones of the spine. That must be checked before any "
       "stretching."),
    N_("Back pain after a major fall or accident"),
  },
  {
    "fever-unwell", LIMBER_TRIAGE_URGENCY_EMERGENCY,
    N_("Do you have a fever, or feel very unwell, as well as the back pain?"),
    N_("Back pain with a fever can come from an infection, which needs prompt treatment."),
    N_("Back pain with fever or feeling very unwell"),
  },

  /* See a doctor soon. */
  {
    "leg-tingling", LIMBER_TRIAGE_URGENCY_DOCTOR,
    N_("Do you have numbness or tingling in a leg?"),
    N_("This can mean a nerve is irritated. A doctor can examine it."),
    N_("Numbness or tingling in a leg"),
  },
  {
    "severe-or-not-improving", LIMBER_TRIAGE_URGENCY_DOCTOR,
    N_("Is the pain severe and not easing, or no better after a few days of home care?"),
    N_("Pain that stays severe, or does not improve with home care, should be seen by a doctor."),
    N_("Severe pain that persists, or no better after home care"),
  },
  {
    "recurring-same-place", LIMBER_TRIAGE_URGENCY_DOCTOR,
    N_("Do the spasms keep coming back in the same place?"),
    N_("Spasms that return to one spot may have a cause a doctor can find."),
    N_("Spasms that keep coming back in the same place"),
  },
  {
    "frequent-no-cause", LIMBER_TRIAGE_URGENCY_DOCTOR,
    N_("Do you get spasms often, without a clear reason?"),
    N_("Frequent spasms with no trigger are worth a check. A doctor may look for a nerve "
       "problem."),
    N_("Frequent spasms with no clear cause"),
  },
  {
    "cancer-history", LIMBER_TRIAGE_URGENCY_DOCTOR,
    N_("Have you ever had cancer?"),
    N_("After cancer, new back pain should be checked by a doctor."),
    N_("A history of cancer"),
  },
  {
    "weight-loss", LIMBER_TRIAGE_URGENCY_DOCTOR,
    N_("Have you lost weight recently without trying to?"),
    N_("Weight loss you cannot explain, together with back pain, should be checked."),
    N_("Weight loss without trying"),
  },
  {
    "over-50-first-episode", LIMBER_TRIAGE_URGENCY_DOCTOR,
    N_("Are you over 50, and is this the first time you have had back pain like this?"),
    N_("A first episode after 50 is more often caused by something other than a simple strain."),
    N_("Over 50 with a first episode of back pain"),
  },
};

static const char * const self_care_plan[] = {
  N_("Cold first: an ice pack wrapped in a towel, 15 to 20 minutes at most, about every 2 hours "
     "for the first 2 to 3 days. Never fall asleep on it."),
  N_("Keep moving gently: a short walk every hour helps more than staying in bed."),
  N_("For pain relief, take an over-the-counter medicine as its label or a pharmacist advises."),
  N_("After about 3 days, change to moist heat, such as a warm compress or a warm bath, for up "
     "to 20 minutes."),
  N_("Stretch only to a comfortable point, and stop any stretch at once if it hurts."),
  NULL
};

/**
 * limber_triage_get_n_questions:
 *
 * Returns: how many questions the check has; an answers array has this many items
 */
guint
limber_triage_get_n_questions (void)
{
  return G_N_ELEMENTS (questions);
}

/**
 * limber_triage_get_question:
 * @index: a question index, less than limber_triage_get_n_questions()
 *
 * Returns: (transfer none): the question
 */
const LimberTriageQuestion *
limber_triage_get_question (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (questions), NULL);

  return &questions[index];
}

/**
 * limber_triage_find_question:
 * @id: a question id such as "saddle-numbness"
 *
 * Returns: the question's index, or -1 if there is no such question
 */
int
limber_triage_find_question (const char *id)
{
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      if (g_str_equal (questions[i].id, id))
        return i;
    }

  return -1;
}

/**
 * limber_triage_question_get_text:
 * @question: a question
 *
 * Returns: the question in the user's language
 */
const char *
limber_triage_question_get_text (const LimberTriageQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);

  return _(question->text);
}

/**
 * limber_triage_question_get_why:
 * @question: a question
 *
 * Returns: why the question is asked, in the user's language
 */
const char *
limber_triage_question_get_why (const LimberTriageQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);

  return _(question->why);
}

/**
 * limber_triage_question_get_reason:
 * @question: a question
 *
 * Returns: the sign the question asks about, as a reason shown on the result
 */
const char *
limber_triage_question_get_reason (const LimberTriageQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);

  return _(question->reason);
}

static gboolean
has_emergency_yes (const LimberTriageAnswer *answers)
{
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      if (questions[i].urgency == LIMBER_TRIAGE_URGENCY_EMERGENCY &&
          answers[i] == LIMBER_TRIAGE_ANSWER_YES)
        return TRUE;
    }

  return FALSE;
}

/**
 * limber_triage_next_question:
 * @answers: (array): one answer per question
 *
 * Returns: the index of the next question to ask, or -1 when the check is over: every
 *   question is answered, or an emergency question was answered Yes
 */
int
limber_triage_next_question (const LimberTriageAnswer *answers)
{
  g_return_val_if_fail (answers != NULL, -1);

  if (has_emergency_yes (answers))
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      if (answers[i] == LIMBER_TRIAGE_ANSWER_NONE)
        return i;
    }

  return -1;
}

/**
 * limber_triage_go_back:
 * @answers: (array): one answer per question; changed in place
 * @current: the question on screen, or -1 for the result
 *
 * Steps back to the question asked before @current and forgets its answer and every later
 * one, so the check then goes forward again from there.
 *
 * Returns: the question to show, or -1 if @current was the first question
 */
int
limber_triage_go_back (LimberTriageAnswer *answers,
                       int                 current)
{
  int previous = -1;

  g_return_val_if_fail (answers != NULL, -1);
  g_return_val_if_fail (current < (int) G_N_ELEMENTS (questions), -1);

  for (int i = (current < 0 ? (int) G_N_ELEMENTS (questions) : current) - 1; i >= 0; i--)
    {
      if (answers[i] != LIMBER_TRIAGE_ANSWER_NONE)
        {
          previous = i;
          break;
        }
    }

  for (guint i = MAX (previous, 0); i < G_N_ELEMENTS (questions); i++)
    answers[i] = LIMBER_TRIAGE_ANSWER_NONE;

  return previous;
}

/**
 * limber_triage_evaluate:
 * @answers: (array): one answer per question; unanswered ones count as not answered Yes
 *
 * Works out what to do from the answers. Any emergency Yes gives the emergency outcome, with
 * only the emergency answers as reasons; otherwise any doctor Yes gives "see a doctor soon";
 * otherwise self-care. The function is pure: the same answers always give the same result.
 *
 * Returns: (transfer full): the result
 */
LimberTriageResult *
limber_triage_evaluate (const LimberTriageAnswer *answers)
{
  LimberTriageResult *result;
  LimberTriageUrgency wanted;

  g_return_val_if_fail (answers != NULL, NULL);

  result = g_new0 (LimberTriageResult, 1);
  result->reasons = g_ptr_array_new ();

  if (has_emergency_yes (answers))
    {
      result->outcome = LIMBER_TRIAGE_OUTCOME_EMERGENCY;
      wanted = LIMBER_TRIAGE_URGENCY_EMERGENCY;
    }
  else
    {
      result->outcome = LIMBER_TRIAGE_OUTCOME_SELF_CARE;
      wanted = LIMBER_TRIAGE_URGENCY_DOCTOR;
    }

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      if (questions[i].urgency == wanted && answers[i] == LIMBER_TRIAGE_ANSWER_YES)
        g_ptr_array_add (result->reasons, (gpointer) &questions[i]);
    }

  if (result->outcome == LIMBER_TRIAGE_OUTCOME_SELF_CARE && result->reasons->len > 0)
    result->outcome = LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON;

  return result;
}

/**
 * limber_triage_result_free:
 * @result: (transfer full): a result
 */
void
limber_triage_result_free (LimberTriageResult *result)
{
  if (result == NULL)
    return;

  g_ptr_array_unref (result->reasons);
  g_free (result);
}

/**
 * limber_triage_outcome_get_id:
 * @outcome: an outcome
 *
 * Returns: a stable, untranslated name for @outcome ("emergency", "doctor", "self-care")
 */
const char *
limber_triage_outcome_get_id (LimberTriageOutcome outcome)
{
  const char *nick = limber_enum_get_nick (LIMBER_TYPE_TRIAGE_OUTCOME, outcome);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

/**
 * limber_triage_outcome_get_icon_name:
 * @outcome: an outcome
 *
 * One icon per outcome, wherever the outcome is shown (the Check page's result, Today's
 * reason to see a doctor), so the same result always looks the same.
 *
 * Returns: the symbolic icon's name
 */
const char *
limber_triage_outcome_get_icon_name (LimberTriageOutcome outcome)
{
  switch (outcome)
    {
    case LIMBER_TRIAGE_OUTCOME_EMERGENCY:
      return "dialog-warning-symbolic";
    case LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON:
      return "limber-doctor-symbolic";
    case LIMBER_TRIAGE_OUTCOME_SELF_CARE:
      return "emblem-ok-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * limber_triage_outcome_get_title:
 * @outcome: an outcome
 *
 * Returns: the result's heading; it begins with "Emergency", "See a doctor" or "Self-care"
 */
const char *
limber_triage_outcome_get_title (LimberTriageOutcome outcome)
{
  switch (outcome)
    {
    case LIMBER_TRIAGE_OUTCOME_EMERGENCY:
      return _("Emergency: get medical help now");
    case LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON:
      return _("See a doctor in the next few days");
    case LIMBER_TRIAGE_OUTCOME_SELF_CARE:
      return _("Self-care is reasonable");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * limber_triage_outcome_get_advice:
 * @outcome: an outcome
 *
 * Returns: what to do now
 */
const char *
limber_triage_outcome_get_advice (LimberTriageOutcome outcome)
{
  switch (outcome)
    {
    case LIMBER_TRIAGE_OUTCOME_EMERGENCY:
      return _("Call your local emergency number now, or have someone take you to the nearest "
               "emergency department. Do not drive yourself, and do not do any stretches.");
    case LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON:
      return _("Make an appointment with a doctor in the next few days. Until then, keep moving "
               "gently and stop anything that makes the pain worse.");
    case LIMBER_TRIAGE_OUTCOME_SELF_CARE:
      return _("None of your answers points to a warning sign, so caring for your back at home "
               "is reasonable. This plan helps in the first days:");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * limber_triage_get_when_to_get_help:
 * @outcome: an outcome
 *
 * Returns: when to call for help from here on
 */
const char *
limber_triage_get_when_to_get_help (LimberTriageOutcome outcome)
{
  switch (outcome)
    {
    case LIMBER_TRIAGE_OUTCOME_EMERGENCY:
      return _("If you are alone, call for help before you try to move.");
    case LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON:
    case LIMBER_TRIAGE_OUTCOME_SELF_CARE:
      return _("Call your local emergency number at once if you lose control of your bladder or "
               "bowels, feel numb around the groin, or your legs get weaker. See a doctor if the "
               "pain is not getting better after a few days of home care.");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * limber_triage_get_self_care_step:
 * @index: a step number, from 0
 *
 * Returns: (nullable): step @index of the acute self-care plan in the user's language, or
 *   %NULL past the last step
 */
const char *
limber_triage_get_self_care_step (guint index)
{
  if (index >= G_N_ELEMENTS (self_care_plan) - 1)
    return NULL;

  return _(self_care_plan[index]);
}

/**
 * limber_triage_get_disclaimer:
 *
 * Returns: the short disclaimer every result shows
 */
const char *
limber_triage_get_disclaimer (void)
{
  return _("Limber gives general self-care information. It is not medical advice and cannot "
           "diagnose you. If you are worried, contact a doctor.");
}

/* The number for an ambulance, by ISO 3166 country, where one number covers the whole country
 * and is certain. Elsewhere the page says "your local emergency number". */
static const struct
{
  const char *countries;
  const char *number;
} emergency_numbers[] = {
  /* The European Union's single number, also answered in these neighbours. */
  { "AT BE BG CH CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI "
    "SK", "112" },
  { "US CA", "911" },
  { "GB", "999" },
  { "AU", "000" },
  { "NZ", "111" },
  { "BR", "192" },
};

/**
 * limber_triage_get_emergency_number:
 * @locale: (nullable): a POSIX locale name, such as "de_DE.UTF-8"
 *
 * Returns: (nullable): the emergency number of the locale's country, or %NULL where it is not
 *   known for certain (no country, or one with several numbers)
 */
const char *
limber_triage_get_emergency_number (const char *locale)
{
  const char *underscore;
  char country[3];

  if (locale == NULL || (underscore = strchr (locale, '_')) == NULL)
    return NULL;

  if (!g_ascii_isupper (underscore[1]) || !g_ascii_isupper (underscore[2]) ||
      g_ascii_isalnum (underscore[3]))
    return NULL;

  country[0] = underscore[1];
  country[1] = underscore[2];
  country[2] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (emergency_numbers); i++)
    {
      g_auto(GStrv) countries = g_strsplit (emergency_numbers[i].countries, " ", -1);

      if (g_strv_contains ((const char * const *) countries, country))
        return emergency_numbers[i].number;
    }

  return NULL;
}

/**
 * limber_triage_dup_emergency_call:
 *
 * What to do first in an emergency, with the number of where the person lives: GNOME
 * Settings' Formats region sets LC_MEASUREMENT with the other formats, so it follows the
 * country rather than the language; the language's country is the fallback.
 *
 * Returns: (transfer full): "Call 112", or "Call Your Local Emergency Number"
 */
char *
limber_triage_dup_emergency_call (void)
{
  const char *number = limber_triage_get_emergency_number (setlocale (LC_MEASUREMENT, NULL));

  if (number == NULL)
    number = limber_triage_get_emergency_number (setlocale (LC_MESSAGES, NULL));
  if (number == NULL)
    return g_strdup (_("Call Your Local Emergency Number"));

  /* Translators: %s is an emergency telephone number, such as 112 */
  return g_strdup_printf (_("Call %s"), number);
}
