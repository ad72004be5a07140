/* limber-session-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-session-view.h"

/*
 * The player's screen while a session runs: the exercise, the figure and the countdown ring
 * beside it, large enough to read from the floor, what to do now, and the controls. While
 * getting ready for the first exercise it asks for the pain before the session. It shows the
 * session engine's state; the player (limber-stretch-player.c) owns the session and its actions.
 */

/* The ring moves four times a second while a phase runs: smooth enough to read from the floor,
 * and half the CPU of ten times (measured by build-aux/bench-player). The number itself changes
 * on the second, see schedule_refresh(). */
#define REFRESH_MS 250

struct _LimberSessionView
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkLabel             *exercise_label;
  GtkLabel             *position_label;
  GtkLabel             *position_short_label;
  GtkProgressBar       *routine_bar;
  GtkLabel             *time_left_label;
  LimberFigure         *figure;
  GtkWidget            *paused_label;
  GtkLabel             *problem_label;
  LimberCountdown      *countdown;
  GtkLabel             *move_label;
  GtkLabel             *instruction_label;
  GtkLabel             *next_label;
  GtkButton            *pause_button;
  GtkStack             *guide_stack;
  GtkWidget            *pain_before_box;
  LimberPainScale      *pain_before_scale;

  /* The session shown, and the clock it runs on */
  LimberStretchSession *session;
  LimberClock          *clock;
  guint                 refresh;
  guint                 figure_tick;
};

G_DEFINE_FINAL_TYPE (LimberSessionView, limber_session_view, ADW_TYPE_BIN)

static gboolean figure_tick_cb (GtkWidget     *widget,
                                GdkFrameClock *frame_clock,
                                gpointer       user_data);

/* Draws the figure at this instant of the phase, on the session's clock, and keeps it drawn
 * every frame while it moves. */
static void
update_figure (LimberSessionView   *self)
{
  const LimberPhase *phase = limber_stretch_session_get_phase (self->session);
  gint64 elapsed_us = phase->duration_us -
                      limber_stretch_session_get_phase_remaining_us (self->session);
  gboolean moving;

  moving = limber_figure_show_phase (self->figure, phase, elapsed_us) &&
           limber_stretch_session_is_running (self->session);

  if (moving && self->figure_tick == 0)
    self->figure_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->figure), figure_tick_cb,
                                                      self, NULL);
  else if (!moving && self->figure_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->figure), self->figure_tick);
      self->figure_tick = 0;
    }
}

static gboolean
figure_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  LimberSessionView *self = user_data;
  const LimberPhase *phase;
  gint64 elapsed_us;

  if (self->session == NULL ||
      limber_stretch_session_get_state (self->session) == LIMBER_SESSION_STATE_FINISHED)
    {
      self->figure_tick = 0;
      return G_SOURCE_REMOVE;
    }

  phase = limber_stretch_session_get_phase (self->session);
  elapsed_us = phase->duration_us - limber_stretch_session_get_phase_remaining_us (self->session);
  if (limber_figure_show_phase (self->figure, phase, elapsed_us) &&
      limber_stretch_session_is_running (self->session))
    return G_SOURCE_CONTINUE;

  self->figure_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_figure_tick (LimberSessionView   *self)
{
  if (self->figure_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->figure), self->figure_tick);
      self->figure_tick = 0;
    }
}

static char *
format_clock (gint64 us)
{
  gint64 seconds = (us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
}

static void
update_countdown (LimberSessionView   *self)
{
  const LimberPhase *phase = limber_stretch_session_get_phase (self->session);
  gint64 total_us = limber_stretch_session_get_duration_us (self->session);
  gint64 left_us = limber_stretch_session_get_remaining_us (self->session);
  g_autofree char *left = format_clock (left_us);
  /* Translators: the time left in the whole routine, as in "7:30 left". */
  g_autofree char *left_text = g_strdup_printf (_("%s left"), left);

  limber_countdown_set_time (self->countdown,
                             limber_stretch_session_get_phase_remaining_us (self->session),
                             phase->duration_us);
  gtk_progress_bar_set_fraction (self->routine_bar,
                                 total_us > 0 ? 1.0 - (double) left_us / (double) total_us : 0.0);
  gtk_label_set_label (self->time_left_label, left_text);
  update_figure (self);
}

static void refresh_cb (gpointer user_data);

/* Next refresh, on the session's clock: at the latest in REFRESH_MS, or just after the seconds
 * shown change. */
static void
schedule_refresh (LimberSessionView   *self)
{
  gint64 remaining_us = limber_stretch_session_get_phase_remaining_us (self->session);
  gint64 to_next_second_us = (remaining_us + G_USEC_PER_SEC - 1) % G_USEC_PER_SEC + 1000;

  limber_clock_clear (self->clock, &self->refresh);
  self->refresh = limber_clock_schedule_in (self->clock,
                                            MIN ((gint64) REFRESH_MS * 1000, to_next_second_us),
                                            refresh_cb, self, NULL);
}

static void
refresh_cb (gpointer user_data)
{
  LimberSessionView *self = user_data;

  /* Fired, so there is nothing left to cancel. */
  self->refresh = 0;
  update_countdown (self);
  schedule_refresh (self);
}

/* "Right side · Round 1 of 2", or in @brief form "Right · 1/2" for a phone's width. */
static char *
describe_position (LimberStretchSession *session,
                   gboolean              brief)
{
  const LimberPhase *phase = limber_stretch_session_get_phase (session);
  LimberExercise *exercise = limber_stretch_session_get_exercise (session);
  const LimberTiming *timing = limber_routine_get_step_timing (limber_stretch_session_get_routine (session),
                                                               phase->step);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (phase->side == LIMBER_SIDE_RIGHT)
    /* Translators: the short form of "Right side", for a phone's width. */
    g_ptr_array_add (parts, g_strdup (brief ? C_("side", "Right") : _("Right side")));
  else if (phase->side == LIMBER_SIDE_LEFT)
    /* Translators: the short form of "Left side", for a phone's width. */
    g_ptr_array_add (parts, g_strdup (brief ? C_("side", "Left") : _("Left side")));

  if (phase->kind == LIMBER_PHASE_WORK && phase->n_reps > 0)
    /* Translators: the short form of "Rep 4 of 10" and "Cycle 4 of 10", as in "4/10". */
    g_ptr_array_add (parts, g_strdup_printf (brief ? _("%u/%u")
                                             : limber_exercise_get_mode (exercise) == LIMBER_EXERCISE_MODE_CYCLES
                                             ? _("Cycle %u of %u") : _("Rep %u of %u"),
                                             phase->rep, phase->n_reps));
  else if (timing->rounds > 1 && phase->kind != LIMBER_PHASE_REST)
    /* Translators: the short form of "Round 1 of 2", for a phone's width. */
    g_ptr_array_add (parts, g_strdup_printf (brief ? _("Round %u/%u") : _("Round %u of %u"),
                                             phase->round, timing->rounds));

  g_ptr_array_add (parts, NULL);
  /* Translators: separates "Right side" and "Rep 4 of 10". */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* What the phase is called, under the countdown, and what to do in it. */
static void
describe_phase (LimberSessionView    *self,
                const char          **caption,
                const char          **instruction)
{
  const LimberPhase *phase = limber_stretch_session_get_phase (self->session);
  LimberExercise *exercise = limber_stretch_session_get_exercise (self->session);
  const LimberMove *move = limber_stretch_session_get_move (self->session);

  switch (phase->kind)
    {
    case LIMBER_PHASE_GET_READY:
      *caption = _("Get ready");
      /* The short form, which the voice reads out too; the full text is in its tooltip. */
      *instruction = limber_exercise_get_spoken (exercise);
      break;
    case LIMBER_PHASE_SWITCH:
      if (phase->side == LIMBER_SIDE_LEFT)
        {
          *caption = _("Switch sides");
          *instruction = _("Gently change to your left side.");
        }
      else if (phase->side == LIMBER_SIDE_RIGHT)
        {
          *caption = _("Switch sides");
          *instruction = _("Gently change to your right side.");
        }
      else
        {
          *caption = _("Rest");
          *instruction = _("Relax and breathe; the next round starts soon.");
        }
      break;
    case LIMBER_PHASE_REST:
      *caption = _("Rest");
      *instruction = _("Relax and breathe.");
      break;
    case LIMBER_PHASE_WORK:
    default:
      *caption = move->name;
      *instruction = move->instruction;
      break;
    }
}

/* The side and round, long and short; Paused is said on the figure, and first here too where
 * there is room. */
static void
show_position (LimberSessionView   *self,
               gboolean             paused)
{
  g_autofree char *position = describe_position (self->session, FALSE);
  g_autofree char *brief = describe_position (self->session, TRUE);

  if (paused)
    {
      g_autofree char *text = position[0] != '\0'
                              ? g_strdup_printf (_("Paused · %s"), position)
                              : g_strdup (_("Paused"));
      gtk_label_set_label (self->position_label, text);
    }
  else
    gtk_label_set_label (self->position_label, position);
  gtk_label_set_label (self->position_short_label, brief);
}

/* Paused: the figure and the ring dimmed together, Paused at the figure's foot, and the pause
 * button turned into Resume. */
static void
show_pause_state (LimberSessionView   *self,
                  gboolean             paused)
{
  limber_figure_set_dimmed (self->figure, paused);
  limber_countdown_set_dimmed (self->countdown, paused);
  gtk_widget_set_visible (self->paused_label, paused);

  gtk_button_set_icon_name (self->pause_button, paused ? "media-playback-start-symbolic"
                                                       : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button),
                               paused ? _("Resume (Space)") : _("Pause (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paused ? _("Resume") : _("Pause"), -1);
}

/* The question is kept from screen readers when it is not asked: GTK 4.8 presents a stack's
 * hidden page, and the finish screen's pain buttons have the same names. */
static void
ask_pain_before (LimberSessionView *self,
                 gboolean           ask)
{
  gtk_stack_set_visible_child_name (self->guide_stack, ask ? "pain-before" : "guide");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->pain_before_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !ask, -1);
}

/* The pain before the session is asked while getting ready for the first exercise, where the
 * move and its instruction are shown after. */
static void
show_pain_before (LimberSessionView *self)
{
  const LimberPhase *phase = limber_stretch_session_get_phase (self->session);

  ask_pain_before (self, phase->kind == LIMBER_PHASE_GET_READY && phase->step == 0);
}

/**
 * limber_session_view_update:
 *
 * Shows the session's phase as it is now; called on every phase change and pause.
 */
void
limber_session_view_update (LimberSessionView *self)
{
  LimberSessionState state;
  const LimberPhase *phase;
  LimberExercise *exercise, *next;
  g_autofree char *next_text = NULL;
  g_autofree char *step_text = NULL;
  const char *caption, *instruction;

  g_return_if_fail (LIMBER_IS_SESSION_VIEW (self));
  g_return_if_fail (self->session != NULL);

  state = limber_stretch_session_get_state (self->session);
  phase = limber_stretch_session_get_phase (self->session);
  exercise = limber_stretch_session_get_exercise (self->session);
  next = limber_stretch_session_get_next_exercise (self->session);
  if (limber_stretch_session_is_running (self->session))
    schedule_refresh (self);
  else
    limber_clock_clear (self->clock, &self->refresh);

  describe_phase (self, &caption, &instruction);
  gtk_label_set_label (self->exercise_label, limber_exercise_get_name (exercise));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->instruction_label),
                               limber_exercise_get_instructions (exercise));
  show_position (self, state == LIMBER_SESSION_STATE_PAUSED);

  /* The figure shows the side being stretched nearest: mirrored for the left side. */
  limber_figure_set_exercise (self->figure, limber_exercise_get_illustration (exercise));
  limber_figure_set_mirrored (self->figure, phase->side == LIMBER_SIDE_LEFT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, limber_exercise_get_name (exercise),
                                  -1);
  show_pause_state (self, state == LIMBER_SESSION_STATE_PAUSED);
  show_pain_before (self);

  gtk_label_set_label (self->move_label, caption);
  update_countdown (self);
  gtk_label_set_label (self->instruction_label, instruction);

  step_text = g_strdup_printf (_("Exercise %u of %u"), phase->step + 1,
                               limber_routine_get_n_steps (limber_stretch_session_get_routine (self->session)));
  if (next != NULL)
    next_text = g_strdup_printf (_("%s · Next: %s"), step_text, limber_exercise_get_name (next));
  else
    next_text = g_strdup_printf (_("%s · Last exercise"), step_text);
  gtk_label_set_label (self->next_label, next_text);
}

/* Stops the ring's and the figure's updates: the session ended or was let go. */
void
limber_session_view_stop (LimberSessionView *self)
{
  g_return_if_fail (LIMBER_IS_SESSION_VIEW (self));

  if (self->clock != NULL)
    limber_clock_clear (self->clock, &self->refresh);
  stop_figure_tick (self);
  ask_pain_before (self, FALSE);
}

/**
 * limber_session_view_set_session:
 * @session: (nullable): the session to show, not started yet
 * @clock: the clock it runs on
 *
 * Shows @session from its start: no problem said, no pain rating chosen.
 */
void
limber_session_view_set_session (LimberSessionView    *self,
                                 LimberStretchSession *session,
                                 LimberClock          *clock)
{
  g_return_if_fail (LIMBER_IS_SESSION_VIEW (self));
  g_return_if_fail (session == NULL || LIMBER_IS_STRETCH_SESSION (session));
  g_return_if_fail (LIMBER_IS_CLOCK (clock));

  limber_session_view_stop (self);
  g_set_object (&self->clock, clock);
  g_set_object (&self->session, session);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  limber_pain_scale_set_value (self->pain_before_scale, LIMBER_PAIN_UNSET);
}

/* A sound or voice problem, said on the figure for the rest of the session: a toast would cover
 * the controls at phone width, and whoever lies on the floor may look up later. */
void
limber_session_view_show_problem (LimberSessionView *self,
                                  const char        *message)
{
  g_return_if_fail (LIMBER_IS_SESSION_VIEW (self));

  gtk_label_set_label (self->problem_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
}

/* Focus on Pause, the button most needed next. */
void
limber_session_view_grab_focus (LimberSessionView *self)
{
  g_return_if_fail (LIMBER_IS_SESSION_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
}

static void
limber_session_view_dispose (GObject *object)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (object);

  limber_session_view_stop (self);
  g_clear_object (&self->session);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_session_view_parent_class)->dispose (object);
}

static void
limber_session_view_class_init (LimberSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_session_view_dispose;

  g_type_ensure (LIMBER_TYPE_COUNTDOWN);
  g_type_ensure (LIMBER_TYPE_FIGURE);
  g_type_ensure (LIMBER_TYPE_PAIN_SCALE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/limber-session-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, exercise_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, position_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, position_short_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, routine_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, time_left_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, figure);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, paused_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, problem_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, countdown);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, move_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, next_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, guide_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, pain_before_box);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, pain_before_scale);
}

static void
limber_session_view_init (LimberSessionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LimberCountdown *
limber_session_view_get_countdown (LimberSessionView *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_VIEW (self), NULL);
  return self->countdown;
}

LimberFigure *
limber_session_view_get_figure (LimberSessionView *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_VIEW (self), NULL);
  return self->figure;
}

/* Returns: (transfer none): the pain rating asked while getting ready for the first exercise */
LimberPainScale *
limber_session_view_get_pain_before_scale (LimberSessionView *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_VIEW (self), NULL);
  return self->pain_before_scale;
}
