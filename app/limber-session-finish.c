/* limber-session-finish.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-session-finish.h"

/*
 * The player's finish screen: what was done, a word for how it ended, and the pain rating after
 * the session, saved the moment a button is chosen so leaving the screen never loses it. The
 * rating is said back: the "announce" signal hands the text to the player's voice.
 */

struct _LimberSessionFinish
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwStatusPage       *finish_page;
  GtkLabel            *summary_label;
  GtkLabel            *stopped_label;
  LimberPainScale     *pain_scale;
  GtkLabel            *pain_saved_label;
  GtkWidget           *check_button;
  GtkWidget           *done_button;

  /* The session shown, and where its rating is saved */
  LimberSessionRecord *record;
  LimberJournal       *journal;
};

G_DEFINE_FINAL_TYPE (LimberSessionFinish, limber_session_finish, ADW_TYPE_BIN)

enum {
  ANNOUNCE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const outcome_classes[] = { "limber-well-done", "limber-stopped", "limber-pain" };

/* What was done, as in "4 of 5 exercises, 9 min": the time moving, without pauses. */
static char *
describe_done (LimberStretchSession *session,
               LimberSessionRecord  *record)
{
  guint total = limber_routine_get_n_steps (limber_stretch_session_get_routine (session));
  guint done = limber_stretch_session_get_exercises_completed (session);
  gint64 active_us = limber_session_record_get_ended_wall_us (record) -
                     limber_session_record_get_started_wall_us (record) -
                     limber_stretch_session_get_paused_us (session);
  guint minutes = (guint) (MAX (active_us, 0) + 30 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC);
  g_autofree char *exercises = NULL;

  /* Translators: how many of a routine's exercises were done, as in "4 of 5 exercises". */
  exercises = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u exercise",
                                            "%u of %u exercises", total), done, total);
  if (minutes == 0)
    /* Translators: "4 of 5 exercises" and the time it took. */
    return g_strdup_printf (_("%s, under a minute"), exercises);

  /* Translators: "4 of 5 exercises" and the time it took, as in "4 of 5 exercises, 9 min". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u min", "%s, %u min", minutes),
                          exercises, minutes);
}

static void
set_suggested (GtkWidget *button,
               gboolean   suggested)
{
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  else
    gtk_widget_remove_css_class (button, "suggested-action");
}

/* After pain, no suggested button leads back into stretching: the symptom check is the step
 * suggested when the pain rated is strong, and otherwise nothing is. */
static void
update_next_step (LimberSessionFinish *self)
{
  gboolean hurt = limber_session_record_get_outcome (self->record) ==
                  LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN;

  set_suggested (self->done_button, !hurt);
  set_suggested (self->check_button, limber_session_record_suggests_check (self->record));
}

/* The icon, title and class for how the session ended; the class colours the icon
 * (style.css), so none is a grey image that looks missing. */
static void
show_outcome (LimberSessionFinish  *self,
              LimberStretchSession *session)
{
  LimberSessionOutcome outcome = limber_stretch_session_get_outcome (session);
  guint hold_s = (guint) (limber_stretch_session_get_next_plank_hold_us (session) / G_USEC_PER_SEC);
  g_autofree char *description = NULL;
  const char *outcome_class;

  switch (outcome)
    {
    case LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN:
      outcome_class = "limber-pain";
      adw_status_page_set_icon_name (self->finish_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->finish_page, _("Stopped Because It Hurts"));
      description = g_strdup (_("Stopping was right: a stretch should never hurt. Rest in a "
                                "position that feels comfortable, and next time move only as far "
                                "as is comfortable.\n\n"
                                "If the pain is severe or getting worse, or comes with numbness, "
                                "weakness or trouble passing urine, check your symptoms now."));
      break;

    case LIMBER_SESSION_OUTCOME_STOPPED:
      outcome_class = "limber-stopped";
      adw_status_page_set_icon_name (self->finish_page, "media-playback-stop-symbolic");
      adw_status_page_set_title (self->finish_page, _("Session Stopped"));
      break;

    case LIMBER_SESSION_OUTCOME_COMPLETED:
    case LIMBER_SESSION_OUTCOME_NONE:
    default:
      /* The success colour only for something done. */
      outcome_class = limber_stretch_session_get_exercises_completed (session) > 0
                      ? "limber-well-done" : "limber-stopped";
      adw_status_page_set_icon_name (self->finish_page, "emblem-ok-symbolic");
      /* Every exercise skipped is no achievement to praise. */
      adw_status_page_set_title (self->finish_page,
                                 limber_stretch_session_get_exercises_completed (session) > 0
                                 ? _("Well Done") : _("Session Ended"));
      if (hold_s != (guint) (limber_stretch_session_get_plank_hold_us (session) / G_USEC_PER_SEC))
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Next time the plank lasts %u second.",
                                                    "Next time the plank lasts %u seconds.",
                                                    hold_s), hold_s);
      break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (outcome_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->finish_page), outcome_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->finish_page), outcome_class);
  adw_status_page_set_description (self->finish_page, description);
  gtk_widget_set_visible (self->check_button, outcome == LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN);
}

/* A pain button chosen is saved at once, and said back. */
static void
on_pain_chosen (LimberSessionFinish *self)
{
  int pain = limber_pain_scale_get_value (self->pain_scale);
  g_autofree char *saved = NULL;

  if (pain == LIMBER_PAIN_UNSET || self->record == NULL)
    return;

  limber_session_record_set_pain_after (self->record, pain);
  update_next_step (self);
  if (limber_session_record_get_id (self->record) != 0 &&
      !limber_journal_set_pain_after (self->journal, limber_session_record_get_id (self->record),
                                      pain, NULL))
    {
      /* The window shows the failed write. */
      gtk_label_set_label (self->pain_saved_label, _("Not saved"));
      g_signal_emit (self, signals[ANNOUNCE], 0, _("Not saved"));
      return;
    }
  /* Translators: said under the pain buttons once one is chosen, and read out. */
  saved = g_strdup_printf (_("Pain %d saved"), pain);
  gtk_label_set_label (self->pain_saved_label, saved);
  g_signal_emit (self, signals[ANNOUNCE], 0, saved);
}

static void
limber_session_finish_dispose (GObject *object)
{
  LimberSessionFinish *self = LIMBER_SESSION_FINISH (object);

  g_clear_object (&self->record);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (limber_session_finish_parent_class)->dispose (object);
}

static void
limber_session_finish_class_init (LimberSessionFinishClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_session_finish_dispose;

  /**
   * LimberSessionFinish::announce:
   * @text: what to say, translated
   *
   * A pain rating was chosen: the text said under the buttons, for the voice to read out.
   */
  signals[ANNOUNCE] = g_signal_new ("announce", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (LIMBER_TYPE_PAIN_SCALE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/limber-session-finish.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberSessionFinish, finish_page);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionFinish, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionFinish, stopped_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionFinish, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionFinish, pain_saved_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionFinish, check_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionFinish, done_button);
}

static void
limber_session_finish_init (LimberSessionFinish *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->pain_scale, "notify::value", G_CALLBACK (on_pain_chosen), self);
}

/**
 * limber_session_finish_show:
 * @session: the finished session
 * @record: its record, in @journal already
 * @journal: where the pain rating after it is saved
 *
 * Shows how @session ended, with no pain rating chosen yet.
 */
void
limber_session_finish_show (LimberSessionFinish  *self,
                            LimberStretchSession *session,
                            LimberSessionRecord  *record,
                            LimberJournal        *journal)
{
  int stopped_step;
  g_autofree char *summary = NULL;
  g_autofree char *stopped = NULL;

  g_return_if_fail (LIMBER_IS_SESSION_FINISH (self));
  g_return_if_fail (LIMBER_IS_STRETCH_SESSION (session));
  g_return_if_fail (LIMBER_IS_SESSION_RECORD (record));
  g_return_if_fail (LIMBER_IS_JOURNAL (journal));

  limber_session_finish_clear (self);
  limber_pain_scale_set_value (self->pain_scale, LIMBER_PAIN_UNSET);
  gtk_label_set_label (self->pain_saved_label, _("Not rated yet"));
  self->record = g_object_ref (record);
  self->journal = g_object_ref (journal);

  show_outcome (self, session);
  summary = describe_done (session, record);
  gtk_label_set_label (self->summary_label, summary);

  /* The exercise a stop interrupted is named, as it is not counted in the summary. */
  stopped_step = limber_stretch_session_get_stopped_step (session);
  if (stopped_step >= 0)
    {
      LimberRoutine *routine = limber_stretch_session_get_routine (session);
      LimberExercise *exercise = limber_routine_get_step_exercise (routine, stopped_step);

      /* Translators: under "1 of 3 exercises" on the finish screen, as in "Stopped during Knee
       * to chest"; the exercise was not finished. */
      stopped = g_strdup_printf (_("Stopped during %s"), limber_exercise_get_name (exercise));
    }
  gtk_label_set_label (self->stopped_label, stopped);
  gtk_widget_set_visible (GTK_WIDGET (self->stopped_label), stopped != NULL);
  update_next_step (self);
}

/* Lets go of the session shown: a rating chosen later is not saved anywhere. */
void
limber_session_finish_clear (LimberSessionFinish *self)
{
  g_return_if_fail (LIMBER_IS_SESSION_FINISH (self));

  g_clear_object (&self->record);
  g_clear_object (&self->journal);
}

/* Returns: (transfer none): the pain rating after the session */
LimberPainScale *
limber_session_finish_get_pain_scale (LimberSessionFinish *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_FINISH (self), NULL);
  return self->pain_scale;
}
