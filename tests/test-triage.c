/* test-triage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-triage.h"

/* The red flags of the care facts Limber follows, by the ids the check uses. */
static const char * const emergency_ids[] = {
  "bladder-bowel", "saddle-numbness", "leg-weakness", "major-injury", "fever-unwell",
};
static const char * const doctor_ids[] = {
  "leg-tingling", "severe-or-not-improving", "recurring-same-place", "frequent-no-cause",
  "cancer-history", "weight-loss", "over-50-first-episode",
};

static LimberTriageAnswer *
all_answered (LimberTriageAnswer answer)
{
  guint n = limber_triage_get_n_questions ();
  LimberTriageAnswer *answers = g_new (LimberTriageAnswer, n);

  for (guint i = 0; i < n; i++)
    answers[i] = answer;

  return answers;
}

static void
set_answer (LimberTriageAnswer *answers,
            const char         *id,
            LimberTriageAnswer  answer)
{
  int index = limber_triage_find_question (id);

  g_assert_cmpint (index, >=, 0);
  answers[index] = answer;
}

static void
assert_reasons (const LimberTriageResult *result,
                const char * const       *ids,
                guint                     n_ids)
{
  g_assert_cmpuint (result->reasons->len, ==, n_ids);

  for (guint i = 0; i < n_ids; i++)
    {
      const LimberTriageQuestion *question = g_ptr_array_index (result->reasons, i);

      g_assert_cmpstr (question->id, ==, ids[i]);
    }
}

static void
test_table (void)
{
  guint n = limber_triage_get_n_questions ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean in_emergency_block = TRUE;

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (emergency_ids) + G_N_ELEMENTS (doctor_ids));

  for (guint i = 0; i < n; i++)
    {
      const LimberTriageQuestion *question = limber_triage_get_question (i);

      /* Ids are unique and stable; every question has text, a why and a reason. */
      g_assert_false (g_hash_table_contains (seen, question->id));
      g_hash_table_add (seen, (gpointer) question->id);
      g_assert_cmpint (limber_triage_find_question (question->id), ==, i);
      g_assert_cmpuint (strlen (limber_triage_question_get_text (question)), >, 10);
      g_assert_true (g_str_has_suffix (limber_triage_question_get_text (question), "?"));
      g_assert_cmpuint (strlen (limber_triage_question_get_why (question)), >, 10);
      g_assert_cmpuint (strlen (limber_triage_question_get_reason (question)), >, 5);

      /* Emergency questions all come before the doctor ones. */
      if (question->urgency == LIMBER_TRIAGE_URGENCY_DOCTOR)
        in_emergency_block = FALSE;
      else
        g_assert_true (in_emergency_block);
    }

  for (guint i = 0; i < G_N_ELEMENTS (emergency_ids); i++)
    {
      int index = limber_triage_find_question (emergency_ids[i]);

      g_assert_cmpint (index, >=, 0);
      g_assert_cmpint (limber_triage_get_question (index)->urgency, ==,
                       LIMBER_TRIAGE_URGENCY_EMERGENCY);
    }
  for (guint i = 0; i < G_N_ELEMENTS (doctor_ids); i++)
    {
      int index = limber_triage_find_question (doctor_ids[i]);

      g_assert_cmpint (index, >=, 0);
      g_assert_cmpint (limber_triage_get_question (index)->urgency, ==,
                       LIMBER_TRIAGE_URGENCY_DOCTOR);
    }

  g_assert_cmpint (limber_triage_find_question ("no-such-question"), ==, -1);
}

static void
test_none (void)
{
  g_autofree LimberTriageAnswer *answers = all_answered (LIMBER_TRIAGE_ANSWER_NO);
  g_autoptr(LimberTriageResult) result = limber_triage_evaluate (answers);

  g_assert_cmpint (limber_triage_next_question (answers), ==, -1);
  g_assert_cmpint (result->outcome, ==, LIMBER_TRIAGE_OUTCOME_SELF_CARE);
  g_assert_cmpuint (result->reasons->len, ==, 0);
}

static void
test_emergency_alone (gconstpointer data)
{
  const char *id = data;
  int index = limber_triage_find_question (id);
  g_autofree LimberTriageAnswer *answers = all_answered (LIMBER_TRIAGE_ANSWER_NONE);
  g_autoptr(LimberTriageResult) result = NULL;

  /* Asked in order: every earlier question is No, then this one is Yes. */
  for (int i = 0; i < index; i++)
    {
      g_assert_cmpint (limber_triage_next_question (answers), ==, i);
      answers[i] = LIMBER_TRIAGE_ANSWER_NO;
    }
  g_assert_cmpint (limber_triage_next_question (answers), ==, index);
  answers[index] = LIMBER_TRIAGE_ANSWER_YES;

  /* A Yes short-circuits: nothing more is asked. */
  g_assert_cmpint (limber_triage_next_question (answers), ==, -1);

  result = limber_triage_evaluate (answers);
  g_assert_cmpint (result->outcome, ==, LIMBER_TRIAGE_OUTCOME_EMERGENCY);
  assert_reasons (result, &id, 1);
}

static void
test_doctor_alone (gconstpointer data)
{
  const char *id = data;
  g_autofree LimberTriageAnswer *answers = all_answered (LIMBER_TRIAGE_ANSWER_NO);
  g_autoptr(LimberTriageResult) result = NULL;

  set_answer (answers, id, LIMBER_TRIAGE_ANSWER_YES);

  /* A doctor-level Yes does not stop the check: it goes on to the end. */
  g_assert_cmpint (limber_triage_next_question (answers), ==, -1);
  result = limber_triage_evaluate (answers);
  g_assert_cmpint (result->outcome, ==, LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON);
  assert_reasons (result, &id, 1);
}

static void
test_doctor_does_not_stop_asking (void)
{
  g_autofree LimberTriageAnswer *answers = all_answered (LIMBER_TRIAGE_ANSWER_NONE);
  int first_doctor = limber_triage_find_question (doctor_ids[0]);

  for (int i = 0; i < first_doctor; i++)
    answers[i] = LIMBER_TRIAGE_ANSWER_NO;
  answers[first_doctor] = LIMBER_TRIAGE_ANSWER_YES;

  g_assert_cmpint (limber_triage_next_question (answers), ==, first_doctor + 1);
}

static void
test_mixed (void)
{
  static const struct {
    const char          *name;
    const char          *yes[4];
    LimberTriageOutcome  outcome;
    const char          *reasons[4];
  } cases[] = {
    { "two doctor flags", { "cancer-history", "leg-tingling" },
      LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON, { "leg-tingling", "cancer-history" } },
    { "emergency wins over doctor", { "leg-tingling", "fever-unwell", "weight-loss" },
      LIMBER_TRIAGE_OUTCOME_EMERGENCY, { "fever-unwell" } },
    { "two emergency flags", { "major-injury", "bladder-bowel" },
      LIMBER_TRIAGE_OUTCOME_EMERGENCY, { "bladder-bowel", "major-injury" } },
    { "all doctor flags", { "leg-tingling", "severe-or-not-improving", "recurring-same-place",
                            "frequent-no-cause" },
      LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON,
      { "leg-tingling", "severe-or-not-improving", "recurring-same-place", "frequent-no-cause" } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree LimberTriageAnswer *answers = all_answered (LIMBER_TRIAGE_ANSWER_NO);
      g_autoptr(LimberTriageResult) result = NULL;
      guint n_reasons = 0;

      g_test_message ("case: %s", cases[c].name);

      for (guint i = 0; i < G_N_ELEMENTS (cases[c].yes) && cases[c].yes[i] != NULL; i++)
        set_answer (answers, cases[c].yes[i], LIMBER_TRIAGE_ANSWER_YES);
      while (n_reasons < G_N_ELEMENTS (cases[c].reasons) && cases[c].reasons[n_reasons] != NULL)
        n_reasons++;

      result = limber_triage_evaluate (answers);
      g_assert_cmpint (result->outcome, ==, cases[c].outcome);
      assert_reasons (result, cases[c].reasons, n_reasons);
    }
}

static void
test_unanswered_is_not_yes (void)
{
  g_autofree LimberTriageAnswer *answers = all_answered (LIMBER_TRIAGE_ANSWER_NONE);
  g_autoptr(LimberTriageResult) result = limber_triage_evaluate (answers);

  g_assert_cmpint (limber_triage_next_question (answers), ==, 0);
  g_assert_cmpint (result->outcome, ==, LIMBER_TRIAGE_OUTCOME_SELF_CARE);
}

static void
test_go_back (void)
{
  guint n = limber_triage_get_n_questions ();
  g_autofree LimberTriageAnswer *answers = all_answered (LIMBER_TRIAGE_ANSWER_NO);

  /* From the result, back goes to the last question and forgets its answer. */
  g_assert_cmpint (limber_triage_go_back (answers, -1), ==, (int) n - 1);
  g_assert_cmpint (answers[n - 1], ==, LIMBER_TRIAGE_ANSWER_NONE);
  g_assert_cmpint (answers[n - 2], ==, LIMBER_TRIAGE_ANSWER_NO);
  g_assert_cmpint (limber_triage_next_question (answers), ==, (int) n - 1);

  /* Going back twice and answering goes forward through the later question again. */
  g_assert_cmpint (limber_triage_go_back (answers, n - 1), ==, (int) n - 2);
  answers[n - 2] = LIMBER_TRIAGE_ANSWER_NO;
  g_assert_cmpint (limber_triage_next_question (answers), ==, (int) n - 1);

  /* Back from an emergency result returns to the question answered Yes. */
  for (guint i = 0; i < n; i++)
    answers[i] = LIMBER_TRIAGE_ANSWER_NONE;
  answers[0] = LIMBER_TRIAGE_ANSWER_NO;
  answers[1] = LIMBER_TRIAGE_ANSWER_YES;
  g_assert_cmpint (limber_triage_next_question (answers), ==, -1);
  g_assert_cmpint (limber_triage_go_back (answers, -1), ==, 1);
  g_assert_cmpint (answers[1], ==, LIMBER_TRIAGE_ANSWER_NONE);
  answers[1] = LIMBER_TRIAGE_ANSWER_NO;
  g_assert_cmpint (limber_triage_next_question (answers), ==, 2);

  /* Back from the first question leaves the check with nothing answered. */
  for (guint i = 0; i < n; i++)
    answers[i] = LIMBER_TRIAGE_ANSWER_NONE;
  g_assert_cmpint (limber_triage_go_back (answers, 0), ==, -1);
}

static void
test_content (void)
{
  /* Headings begin with the words the UI and its tests rely on. */
  g_assert_true (g_str_has_prefix (limber_triage_outcome_get_title (LIMBER_TRIAGE_OUTCOME_EMERGENCY),
                                   "Emergency"));
  g_assert_true (g_str_has_prefix (limber_triage_outcome_get_title (LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON),
                                   "See a doctor"));
  g_assert_true (g_str_has_prefix (limber_triage_outcome_get_title (LIMBER_TRIAGE_OUTCOME_SELF_CARE),
                                   "Self-care"));

  /* The emergency advice sends people to emergency services, never to stretches. */
  g_assert_nonnull (strstr (limber_triage_outcome_get_advice (LIMBER_TRIAGE_OUTCOME_EMERGENCY),
                            "emergency number"));

  /* The self-care plan covers cold, walking, pain relief per a pharmacist, heat after about
   * 72 hours, and stopping a stretch that hurts. */
  {
    g_autoptr(GString) plan = g_string_new (NULL);
    const char *step;
    guint n_steps = 0;

    for (guint i = 0; (step = limber_triage_get_self_care_step (i)) != NULL; i++, n_steps++)
      g_string_append_printf (plan, "%s\n", step);

    g_assert_cmpuint (n_steps, ==, 5);
    g_assert_nonnull (strstr (plan->str, "ice pack"));
    g_assert_nonnull (strstr (plan->str, "20 minutes"));
    g_assert_nonnull (strstr (plan->str, "walk"));
    g_assert_nonnull (strstr (plan->str, "pharmacist"));
    g_assert_nonnull (strstr (plan->str, "heat"));
    g_assert_nonnull (strstr (plan->str, "3 days"));
    g_assert_nonnull (strstr (plan->str, "stop any stretch"));
  }

  g_assert_nonnull (strstr (limber_triage_get_disclaimer (), "not medical advice"));
  g_assert_cmpstr (limber_triage_outcome_get_id (LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON), ==, "doctor");
}

/* The emergency number by the locale's country, and none where it is not certain. */
static void
test_emergency_number (void)
{
  g_assert_cmpstr (limber_triage_get_emergency_number ("de_DE.UTF-8"), ==, "112");
  g_assert_cmpstr (limber_triage_get_emergency_number ("fr_FR.UTF-8@euro"), ==, "112");
  g_assert_cmpstr (limber_triage_get_emergency_number ("pt_PT"), ==, "112");
  g_assert_cmpstr (limber_triage_get_emergency_number ("en_US.UTF-8"), ==, "911");
  g_assert_cmpstr (limber_triage_get_emergency_number ("en_GB.UTF-8"), ==, "999");
  g_assert_cmpstr (limber_triage_get_emergency_number ("en_AU.UTF-8"), ==, "000");
  g_assert_cmpstr (limber_triage_get_emergency_number ("pt_BR.UTF-8"), ==, "192");
  g_assert_null (limber_triage_get_emergency_number ("ar_EG.UTF-8"));
  g_assert_null (limber_triage_get_emergency_number ("C.UTF-8"));
  g_assert_null (limber_triage_get_emergency_number ("C"));
  g_assert_null (limber_triage_get_emergency_number ("en"));
  g_assert_null (limber_triage_get_emergency_number ("xx_DEU"));
  g_assert_null (limber_triage_get_emergency_number (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/triage/table", test_table);
  g_test_add_func ("/triage/none", test_none);
  g_test_add_func ("/triage/unanswered-is-not-yes", test_unanswered_is_not_yes);
  for (guint i = 0; i < G_N_ELEMENTS (emergency_ids); i++)
    {
      g_autofree char *path = g_strdup_printf ("/triage/emergency-alone/%s", emergency_ids[i]);
      g_test_add_data_func (path, emergency_ids[i], test_emergency_alone);
    }
  for (guint i = 0; i < G_N_ELEMENTS (doctor_ids); i++)
    {
      g_autofree char *path = g_strdup_printf ("/triage/doctor-alone/%s", doctor_ids[i]);
      g_test_add_data_func (path, doctor_ids[i], test_doctor_alone);
    }
  g_test_add_func ("/triage/doctor-does-not-stop-asking", test_doctor_does_not_stop_asking);
  g_test_add_func ("/triage/mixed", test_mixed);
  g_test_add_func ("/triage/go-back", test_go_back);
  g_test_add_func ("/triage/content", test_content);
  g_test_add_func ("/triage/emergency-number", test_emergency_number);

  return g_test_run ();
}
