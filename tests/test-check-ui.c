/* test-check-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window under Xvfb, with the accessibility bus: the symptom check is driven through
 * its buttons to each outcome, the narrow layout is measured, and a screenshot of each screen
 * is written to the build directory (tests/screenshots/) for a person to look at.
 */

#include "config.h"

#include "limber-application.h"
#include "limber-summary-dialog.h"
#include "limber-ui-test.h"
#include "limber-window.h"

#define NARROW 360

static LimberApplication *app;
static LimberWindow *window;

static const char *
screen (void)
{
  return limber_check_page_get_screen (limber_window_get_check_page (window));
}

typedef struct
{
  const char *screen;
  int         question;
} Expect;

static gboolean
reached (gpointer data)
{
  const Expect *expect = data;
  LimberCheckPage *page = limber_window_get_check_page (window);

  return g_strcmp0 (screen (), expect->screen) == 0 &&
         (expect->question < 0 || limber_check_page_get_question (page) == expect->question);
}

/* Activates a visible button as a keyboard or screen reader user would, and waits for the
 * screen it should lead to. */
static void
press (const char *label,
       const char *next_screen,
       int         next_question)
{
  GtkWidget *button = limber_ui_test_find_button (GTK_WIDGET (window), label);
  Expect expect = { next_screen, next_question };

  g_test_message ("pressing '%s'", label);
  limber_ui_test_activate (button);
  g_assert_true (limber_ui_test_spin_until (reached, &expect, 10000));
}

static void
answer_until (int                 stop_at,
              const char         *answer_at_stop)
{
  guint n = limber_triage_get_n_questions ();

  for (int i = 0; i < (int) n; i++)
    {
      const LimberTriageQuestion *question = limber_triage_get_question (i);
      g_autofree char *progress = g_strdup_printf ("Question %d of %u", i + 1, n);
      GtkWidget *question_label;
      gboolean last = i == (int) n - 1;
      const char *answer = i == stop_at ? answer_at_stop : "No";
      gboolean ends = last || (g_str_equal (answer, "Yes") &&
                               question->urgency == LIMBER_TRIAGE_URGENCY_EMERGENCY);

      /* The question on screen is the one the check asks, as a real, readable label. */
      question_label = limber_ui_test_find_label_with_prefix (GTK_WIDGET (window),
                                               limber_triage_question_get_text (question));
      g_assert_nonnull (question_label);
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (question_label)), ==,
                       GTK_ACCESSIBLE_ROLE_LABEL);
      g_assert_nonnull (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window), progress));
      g_assert_true (gtk_test_accessible_has_relation (
        GTK_ACCESSIBLE (limber_ui_test_find_button (GTK_WIDGET (window), "Yes")),
        GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
      limber_ui_test_assert_controls_named (GTK_WIDGET (window));

      if (i == 0)
        limber_ui_test_save_screenshot (GTK_WINDOW (window), "check-question");

      press (answer, ends ? "result" : "question", ends ? -1 : i + 1);
      if (ends)
        return;
    }
}

/* Goes back to the start screen through the check's own buttons, one exact step at a time. */
static void
reset_to_start (void)
{
  LimberCheckPage *page = limber_window_get_check_page (window);

  limber_window_show_page (window, LIMBER_PAGE_CHECK);
  if (g_str_equal (screen (), "result"))
    press ("Check Again", "question", 0);
  while (g_str_equal (screen (), "question"))
    {
      int previous = limber_check_page_get_question (page) - 1;

      press (previous >= 0 ? "Previous Question" : "Cancel", previous >= 0 ? "question" : "start",
             previous);
    }
  g_assert_cmpstr (screen (), ==, "start");
}

static void
start_check (void)
{
  reset_to_start ();
  press ("Start Check", "question", 0);
}

static gboolean
is_image_named (GtkWidget  *widget,
                const char *icon_name)
{
  return GTK_IS_IMAGE (widget) &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), icon_name) == 0;
}

static gboolean
shows_doctor_icon (gpointer data)
{
  return limber_ui_test_find_mapped (GTK_WIDGET (window), is_image_named,
                                     limber_triage_outcome_get_icon_name (
                                       LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON)) != NULL;
}

/* The outcome's one icon (limber_triage_outcome_get_icon_name) is on screen, and no other
 * outcome's. */
static void
assert_outcome_icon (LimberTriageOutcome outcome)
{
  for (LimberTriageOutcome other = LIMBER_TRIAGE_OUTCOME_SELF_CARE;
       other <= LIMBER_TRIAGE_OUTCOME_EMERGENCY; other++)
    {
      const char *icon_name = limber_triage_outcome_get_icon_name (other);
      GtkWidget *image = limber_ui_test_find_mapped (GTK_WIDGET (window), is_image_named,
                                                     icon_name);

      g_test_message ("outcome %d, icon %s: %s", other, icon_name, image ? "shown" : "not shown");
      if (other == outcome)
        g_assert_nonnull (image);
      else
        g_assert_null (image);
    }
}

static void
assert_result (LimberTriageOutcome  expected,
               const char          *title_prefix,
               const char          *reason)
{
  LimberTriageOutcome outcome;

  g_assert_true (limber_check_page_get_outcome (limber_window_get_check_page (window), &outcome));
  g_assert_cmpint (outcome, ==, expected);
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window), title_prefix));
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window), reason));
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window),
                                                           "Limber gives general"));
  g_assert_nonnull (limber_ui_test_find_button (GTK_WIDGET (window), "Check Again"));
  limber_ui_test_assert_controls_named (GTK_WIDGET (window));
  assert_outcome_icon (expected);
}

static void
test_start_screen (void)
{
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Limber");
  /* The window opens on Today; the check is one tap away from there. */
  g_assert_cmpint (limber_window_get_page (window), ==, LIMBER_PAGE_TODAY);
  limber_window_show_page (window, LIMBER_PAGE_CHECK);
  g_assert_cmpstr (screen (), ==, "start");
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window),
                                                           "Check Your Symptoms"));
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window),
                                                           "A few yes-or-no questions"));
  limber_ui_test_assert_controls_named (GTK_WIDGET (window));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "check-start");
}

static void
assert_not_a_button (GtkWidget *label)
{
  GtkWidget *row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);

  g_assert_nonnull (row);
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_false (gtk_widget_get_focusable (row));
  g_assert_false (gtk_widget_has_css_class (row, "activatable"));
}

static gboolean
page_is (gpointer page)
{
  return limber_window_get_page (window) == (LimberPage) GPOINTER_TO_INT (page);
}

/* Neither the plan for the first days nor a routine: only the emergency, or a doctor. */
static void
assert_no_self_care_step (void)
{
  g_assert_null (limber_ui_test_find_button (GTK_WIDGET (window),
                                             "Start the Plan for the First Days"));
  g_assert_null (limber_ui_test_find_button (GTK_WIDGET (window),
                                             "Start Gentle Relief"));
  g_assert_null (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window), "Cold first"));
}

static void
test_self_care (void)
{
  GtkWidget *plan_step;

  start_check ();
  answer_until (-1, "No");

  assert_result (LIMBER_TRIAGE_OUTCOME_SELF_CARE, "Self-care",
                 "You answered No to every warning-sign question.");
  /* The acute plan is shown: cold first, and the rest of it. */
  plan_step = limber_ui_test_find_label_with_prefix (GTK_WIDGET (window), "Cold first");
  g_assert_nonnull (plan_step);
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window),
                                                           "After about 3 days"));
  /* Advice, not buttons: the rows neither activate nor take focus. */
  assert_not_a_button (plan_step);
  assert_not_a_button (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window),
                                                              "You answered No"));
  /* No back arrow inside the content. */
  g_assert_null (limber_ui_test_find_control (GTK_WIDGET (window), "Back"));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "check-self-care");

  /* The result leads on: the plan for the first days (the one suggested action) or the
   * gentle routine. */
  {
    GtkWidget *routine = limber_ui_test_find_button (GTK_WIDGET (window),
                                                     "Start Gentle Relief");
    GtkWidget *plan = limber_ui_test_find_button (GTK_WIDGET (window),
                                                  "Start the Plan for the First Days");
    LimberCarePlan *care_plan = limber_application_get_care_plan (app);
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (routine);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (routine)), ==,
                     "app.start-routine");
    g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (
                       GTK_ACTIONABLE (routine)), NULL), ==, "gentle-relief");
    g_assert_false (gtk_widget_has_css_class (routine, "suggested-action"));
    g_assert_nonnull (plan);
    g_assert_true (gtk_widget_has_css_class (plan, "suggested-action"));
    g_assert_null (limber_care_plan_get_episode (care_plan));

    limber_ui_test_activate (plan);
    g_assert_true (limber_ui_test_spin_until (page_is, GINT_TO_POINTER (LIMBER_PAGE_TODAY), 10000));
    g_assert_nonnull (limber_care_plan_get_episode (care_plan));
    g_assert_cmpint (limber_care_plan_get_phase (care_plan), ==, LIMBER_CARE_PHASE_ACUTE);
    g_assert_nonnull (limber_ui_test_find_label (GTK_WIDGET (window),
                                                 "Day 1 of the First 3 Days"));

    /* Back on the result, the same step goes to the plan already started. */
    limber_window_show_page (window, LIMBER_PAGE_CHECK);
    start_check ();
    answer_until (-1, "No");
    g_assert_nonnull (limber_ui_test_find_button (GTK_WIDGET (window), "Go to Today’s Plan"));
    g_assert_true (limber_care_plan_end_episode (care_plan, NULL, &error));
    g_assert_no_error (error);
  }
}

static void
test_doctor (void)
{
  start_check ();
  answer_until (limber_triage_find_question ("leg-tingling"), "Yes");

  assert_result (LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON, "See a doctor",
                 "Numbness or tingling in a leg");
  /* The plan stays beside a reason to see a doctor: its steps are offered, none pressed on;
   * and what to tell the doctor: the sign answered Yes and what any doctor asks. */
  {
    GtkWidget *plan = limber_ui_test_find_button (GTK_WIDGET (window),
                                                  "Start the Plan for the First Days");
    GtkWidget *routine = limber_ui_test_find_button (GTK_WIDGET (window),
                                                     "Start Gentle Relief");

    g_assert_nonnull (plan);
    g_assert_nonnull (routine);
    g_assert_false (gtk_widget_has_css_class (plan, "suggested-action"));
    g_assert_false (gtk_widget_has_css_class (routine, "suggested-action"));
  }
  g_assert_nonnull (limber_ui_test_find_label (GTK_WIDGET (window), "What to Tell the Doctor"));
  assert_not_a_button (limber_ui_test_find_label (GTK_WIDGET (window),
                                                  "Numbness or tingling in a leg"));
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window),
                                                           "When the pain started"));
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window),
                                                           "What you have tried"));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "check-doctor");

  /* Today's reason to see a doctor shows the doctor's icon, the same as the result's. */
  limber_window_show_page (window, LIMBER_PAGE_TODAY);
  g_assert_true (limber_ui_test_spin_until (page_is, GINT_TO_POINTER (LIMBER_PAGE_TODAY), 10000));
  g_assert_true (limber_ui_test_spin_until (shows_doctor_icon, NULL, 10000));
  limber_window_show_page (window, LIMBER_PAGE_CHECK);
  limber_ui_test_spin_for (500);

  /* And the summary of the records, this check included, to print or save: the first of two
   * clicks from the result to a page for the doctor. */
  {
    GtkWidget *button = limber_ui_test_find_button (GTK_WIDGET (window),
                                                    "Summary for Your Doctor…");
    GtkWindow *dialog;

    g_assert_nonnull (button);
    /* The one suggested step of a doctor's result. */
    g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
    limber_ui_test_activate (button);
    g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                              GSIZE_TO_POINTER (LIMBER_TYPE_SUMMARY_DIALOG),
                                              5000));
    dialog = limber_ui_test_find_toplevel (LIMBER_TYPE_SUMMARY_DIALOG);
    g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
    g_assert_nonnull (limber_ui_test_find_button (GTK_WIDGET (dialog), "Save as PDF…"));
    g_assert_nonnull (limber_ui_test_find_button (GTK_WIDGET (dialog), "Print…"));
    gtk_window_destroy (dialog);
  }
}

static void
test_emergency (void)
{
  GtkWidget *title;
  GtkWidget *banner;

  start_check ();
  /* A Yes to an emergency question ends the check at once. */
  answer_until (limber_triage_find_question ("saddle-numbness"), "Yes");

  assert_result (LIMBER_TRIAGE_OUTCOME_EMERGENCY, "Emergency",
                 "Numbness in the groin, inner thighs or buttocks");
  /* What to do now leads, in the red box: the call (no number is certain for the C locale)
   * and what to do when alone. */
  {
    GtkWidget *call = limber_ui_test_find_label (GTK_WIDGET (window),
                                                 "Call Your Local Emergency Number");
    GtkWidget *title = limber_ui_test_find_label_with_prefix (GTK_WIDGET (window), "Emergency");

    g_assert_nonnull (call);
    g_assert_true (gtk_widget_get_parent (call) == gtk_widget_get_parent (title));
    g_assert_true (gtk_widget_has_css_class (call, "limber-emergency-number"));
    g_assert_nonnull (limber_ui_test_find_label (gtk_widget_get_parent (call),
                                                 "If you are alone, call for help before you "
                                                 "try to move."));
  }
  /* Nothing but the emergency: no routine, no plan, nothing for the doctor to hear later. */
  assert_no_self_care_step ();
  g_assert_null (limber_ui_test_find_label (GTK_WIDGET (window), "What to Tell the Doctor"));
  g_assert_null (limber_ui_test_find_button (GTK_WIDGET (window), "Summary for Your Doctor…"));

  /* Unmistakable: the heading sits in the destructive-coloured banner, with a warning icon. */
  title = limber_ui_test_find_label_with_prefix (GTK_WIDGET (window), "Emergency");
  banner = gtk_widget_get_parent (title);
  g_assert_true (gtk_widget_has_css_class (banner, "limber-emergency"));
  for (GtkWidget *child = gtk_widget_get_first_child (banner); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child))
        g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (child)), ==,
                         "dialog-warning-symbolic");
    }
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "check-emergency");

  /* The outcome is kept in the history store; the Today page now sets the plan aside. */
  {
    LimberTriageOutcome outcome = LIMBER_TRIAGE_OUTCOME_SELF_CARE;
    gint64 time_us = 0;

    g_assert_true (limber_journal_get_last_check (limber_application_get_journal (app), &time_us,
                                                  &outcome));
    g_assert_cmpint (outcome, ==, LIMBER_TRIAGE_OUTCOME_EMERGENCY);
    g_assert_cmpint (g_get_real_time () - time_us, <, 60 * G_USEC_PER_SEC);
    g_assert_true (limber_care_plan_get_emergency (limber_application_get_care_plan (app)));
  }

  /* Check again starts over from the first question. */
  press ("Check Again", "question", 0);
}

static gboolean
no_previous_button (gpointer data)
{
  return limber_ui_test_find_button (GTK_WIDGET (window), "Previous Question") == NULL;
}

static void
test_back (void)
{
  start_check ();
  press ("No", "question", 1);
  press ("No", "question", 2);
  press ("Previous Question", "question", 1);
  press ("Previous Question", "question", 0);
  /* On the first question, back leaves the check, and says so. */
  g_assert_null (limber_ui_test_find_button (GTK_WIDGET (window), "Previous Question"));
  press ("Cancel", "start", -1);

  /* From an emergency result, Alt+Left (no arrow in the content) returns to the question
   * answered Yes. */
  start_check ();
  press ("Yes", "result", -1);
  /* (Once the crossfade from the question is over.) */
  g_assert_true (limber_ui_test_spin_until (no_previous_button, NULL, 10000));
  {
    Expect expect = { "question", 0 };

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (limber_window_get_check_page (window)),
                                               "check.back", NULL));
    g_assert_true (limber_ui_test_spin_until (reached, &expect, 10000));
  }
  press ("No", "question", 1);
}

typedef struct
{
  graphene_rect_t yes;
  graphene_rect_t no;
} AnswerBounds;

static void
measure_answers (AnswerBounds *bounds)
{
  GtkWidget *yes = limber_ui_test_find_button (GTK_WIDGET (window), "Yes");
  GtkWidget *no = limber_ui_test_find_button (GTK_WIDGET (window), "No");

  g_assert_true (gtk_widget_compute_bounds (yes, GTK_WIDGET (window), &bounds->yes));
  g_assert_true (gtk_widget_compute_bounds (no, GTK_WIDGET (window), &bounds->no));
}

/* Yes and No stay where they are from the shortest question to the longest, at a phone's width
 * and wide: a quick second tap lands on the button the first one did. */
static void
test_answers_stay (void)
{
  static const int widths[] = { NARROW, 720 };
  guint n = limber_triage_get_n_questions ();

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      AnswerBounds first, here;
      gsize shortest = G_MAXSIZE, longest = 0;

      limber_ui_test_set_width (window, widths[w]);
      start_check ();
      for (guint i = 0; i < n; i++)
        {
          const char *text = limber_triage_question_get_text (limber_triage_get_question (i));

          /* Laid out, not mid-crossfade. */
          limber_ui_test_spin_for (400);
          measure_answers (i == 0 ? &first : &here);
          shortest = MIN (shortest, strlen (text));
          longest = MAX (longest, strlen (text));
          if (i > 0)
            {
              g_test_message ("width %d, question %u (%zu chars): Yes at %g,%g %gx%g", widths[w],
                              i, strlen (text), here.yes.origin.x, here.yes.origin.y,
                              here.yes.size.width, here.yes.size.height);
              g_assert_true (graphene_rect_equal (&first.yes, &here.yes));
              g_assert_true (graphene_rect_equal (&first.no, &here.no));
            }
          if (i + 1 < n)
            press ("No", "question", i + 1);
        }
      /* The walk met questions of very different lengths. */
      g_assert_cmpuint (longest, >, 2 * shortest);
      g_assert_cmpfloat (first.yes.size.height, >=, 44);
    }
  limber_ui_test_set_width (window, 720);
}

static void
test_narrow (void)
{
  int minimum;

  limber_ui_test_set_width (window, NARROW);
  g_assert_true (limber_window_get_narrow (window));

  /* Every screen fits at phone width: the window's minimum width is within 360 px and no
   * button lies outside it. */
  reset_to_start ();
  for (guint step = 0; step < 3; step++)
    {
      /* Measure the settled screen, not a crossfade between two. */
      limber_ui_test_spin_for (500);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                          NULL, NULL);
      g_test_message ("screen %s: minimum width %d", screen (), minimum);
      g_assert_cmpint (minimum, <=, NARROW);
      limber_ui_test_assert_controls_inside (GTK_WINDOW (window), NARROW);

      if (step == 0)
        {
          limber_ui_test_save_screenshot (GTK_WINDOW (window), "check-start-narrow");
          press ("Start Check", "question", 0);
        }
      else if (step == 1)
        {
          limber_ui_test_save_screenshot (GTK_WINDOW (window), "check-question-narrow");
          press ("Yes", "result", -1);
        }
      else
        limber_ui_test_save_screenshot (GTK_WINDOW (window), "check-emergency-narrow");
    }

  limber_ui_test_set_width (window, 720);
  g_assert_false (limber_window_get_narrow (window));
}

static void
test_check_action (void)
{
  /* app.check opens the check, even when the window was closed. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_action_group_activate_action (G_ACTION_GROUP (app), "check", NULL);
  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpint (limber_window_get_page (window), ==, LIMBER_PAGE_CHECK);
  g_assert_cmpstr (screen (), ==, "start");
}

static void
test_menu (void)
{
  GtkWindow *about;
  GtkWindow *shortcuts;
  g_autofree char *comments = NULL;

  /* The primary menu offers About, which carries the medical disclaimer... */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                            GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), 10000));
  about = limber_ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_object_get (about, "comments", &comments, NULL);
  g_assert_nonnull (strstr (comments, "not medical advice"));
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  gtk_window_destroy (about);

  /* ...and the keyboard shortcuts, including the check's own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                            GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), 10000));
  shortcuts = limber_ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (limber_ui_test_find_label_with_prefix (GTK_WIDGET (shortcuts), "Answer Yes"));
  gtk_window_close (shortcuts);
}

static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  int width, height;

  /* The size at closing is remembered and the next window opens at it. */
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  limber_ui_test_spin_for (200);
  gtk_window_close (GTK_WINDOW (window));
  limber_ui_test_spin_for (100);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 600);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = limber_window_new (ADW_APPLICATION (app), limber_application_get_clock (app),
                              limber_application_get_journal (app),
                              limber_application_get_catalog (app),
                              limber_application_get_care_plan (app),
                              limber_application_get_pack_timer (app),
                              limber_application_get_time_format (app));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 600);
  g_assert_cmpint (height, ==, 700);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  limber_ui_test_init (&argc, &argv);

  window = limber_ui_test_start_app (&app);

  g_test_add_func ("/check-ui/start-screen", test_start_screen);
  g_test_add_func ("/check-ui/self-care", test_self_care);
  g_test_add_func ("/check-ui/doctor", test_doctor);
  g_test_add_func ("/check-ui/emergency", test_emergency);
  g_test_add_func ("/check-ui/back", test_back);
  g_test_add_func ("/check-ui/narrow", test_narrow);
  g_test_add_func ("/check-ui/answers-stay", test_answers_stay);
  g_test_add_func ("/check-ui/menu", test_menu);
  g_test_add_func ("/check-ui/check-action", test_check_action);
  g_test_add_func ("/check-ui/window-state", test_window_state);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
