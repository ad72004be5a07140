/* limber-check-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-check-page.h"
#include "limber-page.h"

/*
 * The symptom check: a start screen, one question per screen, and the result with the next
 * step for its outcome: the plan for the first days or a gentle routine after self-care, what
 * to tell the doctor, or, for an emergency, nothing but the emergency. The flow and the advice
 * come from limber-triage; this widget only shows them.
 */
struct _LimberCheckPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *question_label;
  GtkLabel           *why_label;
  GtkButton          *yes_button;
  GtkButton          *no_button;
  GtkLabel           *back_label;
  GtkWidget          *result_banner;
  GtkWidget          *summary_button;
  GtkImage           *result_icon;
  GtkLabel           *result_call;
  GtkLabel           *result_alone;
  GtkLabel           *result_title;
  GtkLabel           *advice_label;
  GtkListBox         *plan_list;
  GtkWidget          *next_step_box;
  GtkWidget          *start_plan_button;
  GtkLabel           *start_plan_label;
  GtkLabel           *reasons_heading;
  GtkListBox         *reasons_list;
  GtkLabel           *help_label;
  GtkLabel           *disclaimer_label;

  /* Collaborators */
  LimberJournal      *journal;
  LimberCarePlan     *care_plan;

  /* Owned */
  LimberTriageAnswer *answers;
  int                 question;   /* on screen, or -1 */
  LimberTriageResult *result;
};

G_DEFINE_FINAL_TYPE (LimberCheckPage, limber_check_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SCREEN,
  PROP_JOURNAL,
  PROP_CARE_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (LimberCheckPage *self)
{
  const char *screen = gtk_stack_get_visible_child_name (self->stack);
  gboolean asking = g_strcmp0 (screen, "question") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.answer-yes", asking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.answer-no", asking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.back",
                                 g_strcmp0 (screen, "start") != 0);
}

static void
show_screen (LimberCheckPage *self,
             const char      *name,
             GtkWidget       *focus)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_actions (self);

  /* Keyboard and screen reader users land on the new content, not on a hidden widget. */
  if (focus != NULL)
    gtk_widget_grab_focus (focus);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCREEN]);
}

/* Whether no question before the one on screen was answered: going back leaves the check. */
static gboolean
first_question (LimberCheckPage *self)
{
  for (int i = 0; i < self->question; i++)
    if (self->answers[i] != LIMBER_TRIAGE_ANSWER_NONE)
      return FALSE;

  return TRUE;
}

static void
show_question (LimberCheckPage *self,
               int              index)
{
  const LimberTriageQuestion *question = limber_triage_get_question (index);
  guint n_questions = limber_triage_get_n_questions ();
  g_autofree char *progress = NULL;
  g_autofree char *why = NULL;

  self->question = index;

  /* Translators: the progress through the symptom check, e.g. "Question 3 of 12". */
  progress = g_strdup_printf (_("Question %d of %u"), index + 1, n_questions);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) index / n_questions);

  gtk_label_set_label (self->question_label, limber_triage_question_get_text (question));
  /* Translators: a short explanation shown under each symptom question. */
  why = g_strdup_printf (_("Why we ask: %s"), limber_triage_question_get_why (question));
  gtk_label_set_label (self->why_label, why);
  /* Back from the first question leaves the check, and says so. */
  gtk_label_set_label (self->back_label, first_question (self) ? _("_Cancel")
                                                               : _("_Previous Question"));

  /* A screen reader reads the question along with the answer buttons. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->yes_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->question_label, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->no_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->question_label, NULL,
                                  -1);

  show_screen (self, "question", GTK_WIDGET (self->no_button));
}

/* Advice, not a button: the row neither looks nor reacts like one. */
static GtkWidget *
make_text_row (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  return row;
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Keeps the outcome and the answers that led to it; the Today page reads warnings from here. */
static void
record_check (LimberCheckPage *self)
{
  /* A failed write is shown by the window, through the journal. */
  limber_journal_add_check (self->journal, self->result->outcome, self->answers, NULL);
}

/* A doctor's result says what to tell the doctor: the signs answered Yes, and what any
 * doctor asks about back pain; other results say why they came. */
static void
show_reasons (LimberCheckPage     *self,
              LimberTriageOutcome  outcome)
{
  remove_all_rows (self->reasons_list);
  gtk_label_set_label (self->reasons_heading,
                       outcome == LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON ? _("What to Tell the Doctor")
                                                                    : _("Why This Result"));
  for (guint i = 0; i < self->result->reasons->len; i++)
    {
      const LimberTriageQuestion *question = g_ptr_array_index (self->result->reasons, i);

      gtk_list_box_append (self->reasons_list,
                           make_text_row (limber_triage_question_get_reason (question)));
    }
  if (outcome == LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON)
    {
      gtk_list_box_append (self->reasons_list,
                           make_text_row (_("When the pain started, and what you were doing")));
      gtk_list_box_append (self->reasons_list,
                           make_text_row (_("What you have tried, such as cold, heat or pain "
                                            "relief, and whether it helped")));
    }
  /* What to tell the doctor, on paper: the summary of the records, this check included. */
  gtk_widget_set_visible (self->summary_button, outcome == LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON);
  /* A doctor's result leads to the page to take along: the one suggested step there. */
  if (outcome == LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON)
    gtk_widget_add_css_class (self->summary_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->summary_button, "suggested-action");
  if (self->result->reasons->len == 0)
    gtk_list_box_append (self->reasons_list,
                         make_text_row (_("You answered No to every warning-sign question.")));
}

static void
show_result (LimberCheckPage *self)
{
  static const char * const banner_classes[] = {
    [LIMBER_TRIAGE_OUTCOME_SELF_CARE] = "limber-self-care",
    [LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON] = "limber-doctor",
    [LIMBER_TRIAGE_OUTCOME_EMERGENCY] = "limber-emergency",
  };
  LimberTriageOutcome outcome;
  gboolean emergency;

  g_clear_pointer (&self->result, limber_triage_result_free);
  self->result = limber_triage_evaluate (self->answers);
  self->question = -1;
  outcome = self->result->outcome;
  emergency = outcome == LIMBER_TRIAGE_OUTCOME_EMERGENCY;
  record_check (self);

  for (guint i = 0; i < G_N_ELEMENTS (banner_classes); i++)
    gtk_widget_remove_css_class (self->result_banner, banner_classes[i]);
  gtk_widget_add_css_class (self->result_banner, banner_classes[outcome]);

  gtk_image_set_from_icon_name (self->result_icon, limber_triage_outcome_get_icon_name (outcome));
  gtk_label_set_label (self->result_title, limber_triage_outcome_get_title (outcome));
  gtk_label_set_label (self->advice_label, limber_triage_outcome_get_advice (outcome));
  gtk_label_set_label (self->help_label, limber_triage_get_when_to_get_help (outcome));

  /* An emergency leads with the call, and being alone, inside the red box. */
  gtk_widget_set_visible (GTK_WIDGET (self->result_call), emergency);
  gtk_widget_set_visible (GTK_WIDGET (self->result_alone), emergency);
  gtk_widget_set_visible (GTK_WIDGET (self->help_label), !emergency);
  if (emergency)
    {
      g_autofree char *call = limber_triage_dup_emergency_call ();

      gtk_label_set_label (self->result_call, call);
      gtk_label_set_label (self->result_alone, limber_triage_get_when_to_get_help (outcome));
    }
  gtk_label_set_label (self->disclaimer_label, limber_triage_get_disclaimer ());

  remove_all_rows (self->plan_list);
  if (outcome == LIMBER_TRIAGE_OUTCOME_SELF_CARE)
    {
      const char *step;

      for (guint i = 0; (step = limber_triage_get_self_care_step (i)) != NULL; i++)
        gtk_list_box_append (self->plan_list, make_text_row (step));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->plan_list),
                          outcome == LIMBER_TRIAGE_OUTCOME_SELF_CARE);

  /* Self-care leads on to the plan for the first days (or back to it) and a gentle routine;
   * so does a reason to see a doctor, whose plan stays, but without pressing it. */
  gtk_widget_set_visible (self->next_step_box, !emergency);
  if (outcome == LIMBER_TRIAGE_OUTCOME_SELF_CARE)
    gtk_widget_add_css_class (self->start_plan_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->start_plan_button, "suggested-action");
  gtk_label_set_label (self->start_plan_label,
                       limber_care_plan_get_episode (self->care_plan) != NULL
                       ? _("Go to _Today’s Plan") : _("_Start the Plan for the First Days"));

  show_reasons (self, outcome);

  show_screen (self, "result", GTK_WIDGET (self->result_title));
}

static void
advance (LimberCheckPage *self)
{
  int next = limber_triage_next_question (self->answers);

  if (next >= 0)
    show_question (self, next);
  else
    show_result (self);
}

static void
start (LimberCheckPage *self)
{
  for (guint i = 0; i < limber_triage_get_n_questions (); i++)
    self->answers[i] = LIMBER_TRIAGE_ANSWER_NONE;
  g_clear_pointer (&self->result, limber_triage_result_free);

  advance (self);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start (LIMBER_CHECK_PAGE (widget));
}

/* After self-care: the plan for the first days, started through the care plan, on Today. */
static void
start_plan_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LimberCheckPage *self = LIMBER_CHECK_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (limber_care_plan_get_episode (self->care_plan) == NULL &&
      limber_care_plan_start_episode (self->care_plan, &error) <= 0)
    {
      gtk_widget_activate_action (widget, "win.add-toast", "s", error->message);
      return;
    }

  gtk_widget_activate_action (widget, "app.show-page", "s",
                              limber_page_to_string (LIMBER_PAGE_TODAY));
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberCheckPage *self = LIMBER_CHECK_PAGE (widget);

  if (self->question < 0)
    return;

  self->answers[self->question] = g_str_equal (action_name, "check.answer-yes")
                                  ? LIMBER_TRIAGE_ANSWER_YES
                                  : LIMBER_TRIAGE_ANSWER_NO;
  advance (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberCheckPage *self = LIMBER_CHECK_PAGE (widget);
  int previous = limber_triage_go_back (self->answers, self->question);

  if (previous >= 0)
    show_question (self, previous);
  else
    show_screen (self, "start", NULL);
}

static void
limber_check_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LimberCheckPage *self = LIMBER_CHECK_PAGE (object);

  switch (prop_id)
    {
    case PROP_SCREEN:
      g_value_set_string (value, limber_check_page_get_screen (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_check_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LimberCheckPage *self = LIMBER_CHECK_PAGE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_CARE_PLAN:
      self->care_plan = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_check_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (limber_check_page_parent_class)->constructed (object);

  g_return_if_fail (LIMBER_IS_JOURNAL (LIMBER_CHECK_PAGE (object)->journal));
  g_return_if_fail (LIMBER_IS_CARE_PLAN (LIMBER_CHECK_PAGE (object)->care_plan));
}

static void
limber_check_page_dispose (GObject *object)
{
  g_clear_object (&LIMBER_CHECK_PAGE (object)->journal);
  g_clear_object (&LIMBER_CHECK_PAGE (object)->care_plan);

  G_OBJECT_CLASS (limber_check_page_parent_class)->dispose (object);
}

static void
limber_check_page_finalize (GObject *object)
{
  LimberCheckPage *self = LIMBER_CHECK_PAGE (object);

  g_clear_pointer (&self->result, limber_triage_result_free);
  g_clear_pointer (&self->answers, g_free);

  G_OBJECT_CLASS (limber_check_page_parent_class)->finalize (object);
}

static void
limber_check_page_class_init (LimberCheckPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Dispose leaves the template alone: AdwBin releases its child, the template's stack,
   * itself; disposing the template as well would unparent it twice. */
  object_class->dispose = limber_check_page_dispose;
  object_class->finalize = limber_check_page_finalize;
  object_class->get_property = limber_check_page_get_property;
  object_class->set_property = limber_check_page_set_property;
  object_class->constructed = limber_check_page_constructed;

  /**
   * LimberCheckPage:screen:
   *
   * The screen shown: "start", "question" or "result".
   */
  properties[PROP_SCREEN] =
    g_param_spec_string ("screen", NULL, NULL, "start",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* Where each finished check is recorded. */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, LIMBER_TYPE_JOURNAL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* What a self-care result's "Start the Plan for the First Days" starts. */
  properties[PROP_CARE_PLAN] =
    g_param_spec_object ("care-plan", NULL, NULL, LIMBER_TYPE_CARE_PLAN,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/limber-check-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, question_label);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, why_label);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, yes_button);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, no_button);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, back_label);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, result_banner);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, summary_button);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, result_icon);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, result_call);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, result_alone);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, result_title);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, advice_label);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, plan_list);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, next_step_box);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, start_plan_button);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, start_plan_label);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, reasons_heading);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, reasons_list);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, help_label);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckPage, disclaimer_label);

  gtk_widget_class_install_action (widget_class, "check.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "check.restart", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "check.answer-yes", NULL, answer_action);
  gtk_widget_class_install_action (widget_class, "check.answer-no", NULL, answer_action);
  gtk_widget_class_install_action (widget_class, "check.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "check.start-plan", NULL, start_plan_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, 0, "check.answer-yes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "check.answer-no", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "check.back", NULL);
}

static void
limber_check_page_init (LimberCheckPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->answers = g_new0 (LimberTriageAnswer, limber_triage_get_n_questions ());
  self->question = -1;

  update_actions (self);
}

/**
 * limber_check_page_new:
 * @journal: where each finished check is recorded
 * @care_plan: what a self-care result's next step starts
 *
 * Returns: (transfer full): the symptom check page
 */
LimberCheckPage *
limber_check_page_new (LimberJournal  *journal,
                       LimberCarePlan *care_plan)
{
  return g_object_new (LIMBER_TYPE_CHECK_PAGE, "journal", journal, "care-plan", care_plan,
                       NULL);
}

/**
 * limber_check_page_get_screen:
 * @self: a #LimberCheckPage
 *
 * Returns: "start", "question" or "result"
 */
const char *
limber_check_page_get_screen (LimberCheckPage *self)
{
  g_return_val_if_fail (LIMBER_IS_CHECK_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * limber_check_page_get_question:
 * @self: a #LimberCheckPage
 *
 * Returns: the index of the question on screen, or -1
 */
int
limber_check_page_get_question (LimberCheckPage *self)
{
  g_return_val_if_fail (LIMBER_IS_CHECK_PAGE (self), -1);

  return self->question;
}

/**
 * limber_check_page_get_outcome:
 * @self: a #LimberCheckPage
 * @outcome: (out): the outcome shown
 *
 * Returns: %TRUE if a result is on screen
 */
gboolean
limber_check_page_get_outcome (LimberCheckPage     *self,
                               LimberTriageOutcome *outcome)
{
  g_return_val_if_fail (LIMBER_IS_CHECK_PAGE (self), FALSE);

  if (self->result == NULL || self->question >= 0)
    return FALSE;

  if (outcome != NULL)
    *outcome = self->result->outcome;

  return TRUE;
}
