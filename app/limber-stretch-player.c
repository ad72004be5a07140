/* limber-stretch-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-cue-player.h"
#include "limber-mpris-player.h"

#include "limber-stretch-player.h"

/*
 * The player: shows the session engine's state large enough to read from the floor, lets the
 * cue player announce it, keeps the screen awake while it runs, and ends on a finish screen with
 * a pain rating (limber-session-finish.c). The pain before the session is asked while getting
 * ready for the first exercise. The engine decides everything; this only shows it and forwards
 * the buttons.
 */

/* The ring moves four times a second while a phase runs: smooth enough to read from the floor,
 * and half the CPU of ten times (measured by build-aux/bench-player). The number itself changes
 * on the second, see schedule_refresh(). */
#define REFRESH_MS 250

struct _LimberStretchPlayer
{
  AdwBin                parent_instance;

  GtkStack             *stack;
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
  GtkWidget            *pain_before_box;
  LimberPainScale      *pain_before_scale;
  LimberSessionFinish  *finish;

  LimberStretchSession *session;
  LimberCuePlayer      *cue_player;
  /* Media keys and headset buttons, while the session runs. */
  LimberMprisPlayer    *mpris;
  LimberSessionRecord  *record;
  int                   pain_before;
  GSettings            *settings;
  guint                 refresh;
  guint                 figure_tick;
  /* What the voice was last asked to say of a pain rating. */
  char                 *said;
  guint                 inhibit_cookie;
  /* The window's GtkApplication, kept from the start: the window may be gone when a running
   * session is let go, and the inhibition must still be lifted. */
  GtkApplication       *inhibit_app;

  /* Collaborators */
  LimberClock          *clock;
  LimberJournal        *journal;
};

G_DEFINE_FINAL_TYPE (LimberStretchPlayer, limber_stretch_player, ADW_TYPE_BIN)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_inhibit (LimberStretchPlayer *self,
             gboolean             inhibit)
{
  if (inhibit && self->inhibit_cookie == 0)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (!GTK_IS_WINDOW (root) || gtk_window_get_application (GTK_WINDOW (root)) == NULL)
        return;

      /* Someone lying on the floor cannot touch the screen to keep it on. */
      g_set_object (&self->inhibit_app, gtk_window_get_application (GTK_WINDOW (root)));
      self->inhibit_cookie = gtk_application_inhibit (self->inhibit_app,
                                                      GTK_WINDOW (root),
                                                      GTK_APPLICATION_INHIBIT_IDLE,
                                                      _("A guided stretch session is running"));
    }
  else if (!inhibit && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (self->inhibit_app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
      g_clear_object (&self->inhibit_app);
    }
}

static gboolean figure_tick_cb (GtkWidget     *widget,
                                GdkFrameClock *frame_clock,
                                gpointer       user_data);

/* Draws the figure at this instant of the phase, on the session's clock, and keeps it drawn
 * every frame while it moves. */
static void
update_figure (LimberStretchPlayer *self)
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
  LimberStretchPlayer *self = user_data;
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
stop_figure_tick (LimberStretchPlayer *self)
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
update_countdown (LimberStretchPlayer *self)
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
schedule_refresh (LimberStretchPlayer *self)
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
  LimberStretchPlayer *self = user_data;

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

/* Records the finished session in the journal; a failed write is shown by the window. */
static void
record_session (LimberStretchPlayer *self)
{
  g_clear_object (&self->record);
  self->record = limber_stretch_session_create_record (self->session);
  limber_session_record_set_pain_before (self->record, self->pain_before);

  limber_journal_add_session (self->journal, self->record, NULL);
}

/* The plank's progression lives in the journal; the setting only seeds its first value. */
static void
record_plank_hold (LimberStretchPlayer *self,
                   guint                hold_s)
{
  limber_journal_add_plank_hold (self->journal, hold_s, NULL);
}

/* The finish screen, for the session just recorded. */
static void
show_finish (LimberStretchPlayer *self)
{
  guint hold_s = (guint) (limber_stretch_session_get_next_plank_hold_us (self->session) /
                          G_USEC_PER_SEC);
  LimberSessionOutcome outcome = limber_stretch_session_get_outcome (self->session);
  /* The plank grows only after a session that was not stopped. */
  gboolean completed = outcome != LIMBER_SESSION_OUTCOME_STOPPED &&
                       outcome != LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN;

  record_session (self);
  if (completed &&
      hold_s != (guint) (limber_stretch_session_get_plank_hold_us (self->session) / G_USEC_PER_SEC))
    record_plank_hold (self, hold_s);

  limber_session_finish_show (self->finish, self->session, self->record, self->journal);
  stop_figure_tick (self);
  gtk_stack_set_visible_child_name (self->stack, "finish");
}

/* What the phase is called, under the countdown, and what to do in it. */
static void
describe_phase (LimberStretchPlayer  *self,
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

static void
update_actions (LimberStretchPlayer *self,
                gboolean             finished)
{
  static const char * const actions[] = {
    "player.toggle-pause", "player.previous", "player.next", "player.stop", "player.hurts",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], !finished);
}

/* The side and round, long and short; Paused is said on the figure, and first here too where
 * there is room. */
static void
show_position (LimberStretchPlayer *self,
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
show_pause_state (LimberStretchPlayer *self,
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

/* The pain before the session is asked while getting ready for the first exercise. */
static void
show_pain_before (LimberStretchPlayer *self)
{
  const LimberPhase *phase = limber_stretch_session_get_phase (self->session);

  gtk_widget_set_visible (self->pain_before_box,
                          phase->kind == LIMBER_PHASE_GET_READY && phase->step == 0);
}

static void
update (LimberStretchPlayer *self)
{
  LimberSessionState state = limber_stretch_session_get_state (self->session);
  const LimberPhase *phase = limber_stretch_session_get_phase (self->session);
  LimberExercise *exercise = limber_stretch_session_get_exercise (self->session);
  LimberExercise *next = limber_stretch_session_get_next_exercise (self->session);
  LimberRoutine *routine = limber_stretch_session_get_routine (self->session);
  gboolean running = limber_stretch_session_is_running (self->session);
  g_autofree char *next_text = NULL;
  g_autofree char *step_text = NULL;
  const char *caption, *instruction;

  update_actions (self, state == LIMBER_SESSION_STATE_FINISHED);
  set_inhibit (self, running);

  if (running)
    schedule_refresh (self);
  else
    limber_clock_clear (self->clock, &self->refresh);

  if (state == LIMBER_SESSION_STATE_FINISHED)
    {
      if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "finish"))
        show_finish (self);
      return;
    }

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
                               limber_routine_get_n_steps (routine));
  if (next != NULL)
    next_text = g_strdup_printf (_("%s · Next: %s"), step_text, limber_exercise_get_name (next));
  else
    next_text = g_strdup_printf (_("%s · Last exercise"), step_text);
  gtk_label_set_label (self->next_label, next_text);
}

/* Reads a pain rating back, so someone on the floor knows which button they hit. */
static void
say (LimberStretchPlayer *self,
     const char          *text)
{
  g_free (self->said);
  self->said = g_strdup (text);
  if (self->cue_player != NULL)
    limber_cue_player_say (self->cue_player, text);
}

static void
on_pain_before_chosen (LimberStretchPlayer *self)
{
  int pain = limber_pain_scale_get_value (self->pain_before_scale);
  g_autofree char *text = NULL;

  if (pain == LIMBER_PAIN_UNSET)
    return;

  self->pain_before = pain;
  /* Translators: read out when a pain rating is chosen before a session, as in "Pain 4". */
  text = g_strdup_printf (_("Pain %d"), pain);
  say (self, text);
}

static void
on_finish_announce (LimberStretchPlayer *self,
                    const char          *text)
{
  say (self, text);
}

static void
on_cue_player_problem (LimberCuePlayer     *cue_player,
                       const char          *message,
                       LimberStretchPlayer *self)
{
  /* On the figure, for the rest of the session: a toast would cover the controls at phone
   * width, and whoever lies on the floor may look up later. */
  gtk_label_set_label (self->problem_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
}

/* A media player client asked to see the player. */
static void
on_mpris_raise (LimberStretchPlayer *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_present (GTK_WINDOW (root));
}

static void
release_session (LimberStretchPlayer *self)
{
  if (self->clock != NULL)
    limber_clock_clear (self->clock, &self->refresh);
  stop_figure_tick (self);
  set_inhibit (self, FALSE);
  g_clear_object (&self->mpris);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      /* A session left running (the window closed, another routine started) counts as
       * stopped, and is recorded as such. */
      if (limber_stretch_session_get_state (self->session) != LIMBER_SESSION_STATE_FINISHED)
        {
          limber_stretch_session_stop (self->session, LIMBER_SESSION_OUTCOME_STOPPED);
          record_session (self);
        }
      g_clear_object (&self->session);
    }

  if (self->cue_player != NULL)
    limber_cue_player_stop (self->cue_player);
}

static void
toggle_pause_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LimberStretchPlayer *self = LIMBER_STRETCH_PLAYER (widget);

  if (self->session != NULL)
    limber_stretch_session_toggle_pause (self->session);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LimberStretchPlayer *self = LIMBER_STRETCH_PLAYER (widget);

  if (self->session != NULL)
    limber_stretch_session_previous (self->session);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberStretchPlayer *self = LIMBER_STRETCH_PLAYER (widget);

  if (self->session != NULL)
    limber_stretch_session_next (self->session);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberStretchPlayer *self = LIMBER_STRETCH_PLAYER (widget);

  if (self->session != NULL)
    limber_stretch_session_stop (self->session, LIMBER_SESSION_OUTCOME_STOPPED);
}

static void
hurts_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LimberStretchPlayer *self = LIMBER_STRETCH_PLAYER (widget);

  if (self->session != NULL)
    limber_stretch_session_stop (self->session, LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberStretchPlayer *self = LIMBER_STRETCH_PLAYER (widget);

  release_session (self);
  g_signal_emit (self, signals[DONE], 0);
}

static void
limber_stretch_player_dispose (GObject *object)
{
  LimberStretchPlayer *self = LIMBER_STRETCH_PLAYER (object);

  release_session (self);
  g_clear_object (&self->cue_player);
  g_clear_object (&self->record);
  g_clear_object (&self->settings);
  g_clear_object (&self->inhibit_app);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_stretch_player_parent_class)->dispose (object);
}

static void
limber_stretch_player_finalize (GObject *object)
{
  g_free (LIMBER_STRETCH_PLAYER (object)->said);

  G_OBJECT_CLASS (limber_stretch_player_parent_class)->finalize (object);
}

static void
limber_stretch_player_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LimberStretchPlayer *self = LIMBER_STRETCH_PLAYER (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_stretch_player_constructed (GObject *object)
{
  LimberStretchPlayer *self = LIMBER_STRETCH_PLAYER (object);

  G_OBJECT_CLASS (limber_stretch_player_parent_class)->constructed (object);

  g_return_if_fail (LIMBER_IS_CLOCK (self->clock));
  g_return_if_fail (LIMBER_IS_JOURNAL (self->journal));
}

static void
limber_stretch_player_class_init (LimberStretchPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_stretch_player_dispose;
  object_class->finalize = limber_stretch_player_finalize;
  object_class->set_property = limber_stretch_player_set_property;
  object_class->constructed = limber_stretch_player_constructed;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, LIMBER_TYPE_CLOCK,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, LIMBER_TYPE_JOURNAL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Back to the list of routines, after the finish screen. */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LIMBER_TYPE_COUNTDOWN);
  g_type_ensure (LIMBER_TYPE_FIGURE);
  g_type_ensure (LIMBER_TYPE_PAIN_SCALE);
  g_type_ensure (LIMBER_TYPE_SESSION_FINISH);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/limber-stretch-player.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, exercise_label);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, position_label);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, position_short_label);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, routine_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, time_left_label);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, figure);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, paused_label);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, problem_label);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, countdown);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, move_label);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, next_label);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, pause_button);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, pain_before_box);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, pain_before_scale);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, finish);

  gtk_widget_class_install_action (widget_class, "player.toggle-pause", NULL, toggle_pause_action);
  gtk_widget_class_install_action (widget_class, "player.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "player.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "player.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "player.hurts", NULL, hurts_action);
  gtk_widget_class_install_action (widget_class, "player.done", NULL, done_action);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, 0),
                                                          gtk_named_action_new (action)));
}

static void
limber_stretch_player_init (LimberStretchPlayer *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  g_signal_connect_swapped (self->pain_before_scale, "notify::value",
                            G_CALLBACK (on_pain_before_chosen), self);
  g_signal_connect_swapped (self->finish, "announce", G_CALLBACK (on_finish_announce), self);

  /* Captured before the focused button sees them: Space must pause, not press whichever button
   * happens to have focus (which could be Stop). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_space, "player.toggle-pause");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, "player.previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Right, "player.next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Escape, "player.stop");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/**
 * limber_stretch_player_new:
 * @clock: the clock sessions run on
 * @journal: where sessions, pain ratings and the plank's progress are recorded
 *
 * Returns: (transfer full): a new player
 */
LimberStretchPlayer *
limber_stretch_player_new (LimberClock   *clock,
                           LimberJournal *journal)
{
  return g_object_new (LIMBER_TYPE_STRETCH_PLAYER, "clock", clock, "journal", journal, NULL);
}

/**
 * limber_stretch_player_start:
 *
 * Starts a session of @routine at once, with sound and voice; any session before it ends as
 * stopped.
 */
void
limber_stretch_player_start (LimberStretchPlayer *self,
                             LimberRoutine       *routine)
{
  gint64 plank_us;

  g_return_if_fail (LIMBER_IS_STRETCH_PLAYER (self));
  g_return_if_fail (LIMBER_IS_ROUTINE (routine));

  release_session (self);
  g_clear_object (&self->record);
  self->pain_before = LIMBER_PAIN_UNSET;
  limber_pain_scale_set_value (self->pain_before_scale, LIMBER_PAIN_UNSET);
  limber_session_finish_clear (self->finish);

  plank_us = (gint64) limber_journal_get_plank_hold (self->journal,
                                                     g_settings_get_uint (self->settings,
                                                                          "plank-hold-seconds"))
             * G_USEC_PER_SEC;
  self->session = limber_stretch_session_new (routine, self->clock, plank_us);
  g_signal_connect_swapped (self->session, "phase-changed", G_CALLBACK (update), self);

  if (self->cue_player == NULL)
    {
      self->cue_player = limber_cue_player_new (self->clock);
      g_signal_connect (self->cue_player, "problem", G_CALLBACK (on_cue_player_problem), self);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  limber_cue_player_follow (self->cue_player, self->session);
  self->mpris = limber_mpris_player_new (self->session);
  g_signal_connect_swapped (self->mpris, "raise", G_CALLBACK (on_mpris_raise), self);

  gtk_stack_set_visible_child_name (self->stack, "session");
  limber_stretch_session_start (self->session);
  gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
}

/* Returns: (nullable): what the voice was last asked to say of a pain rating, before or after
 * a session */
const char *
limber_stretch_player_get_said (LimberStretchPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PLAYER (self), NULL);
  return self->said;
}

/* Returns: (transfer none): the pain rating asked while getting ready for the first exercise */
LimberPainScale *
limber_stretch_player_get_pain_before_scale (LimberStretchPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PLAYER (self), NULL);
  return self->pain_before_scale;
}

/* Returns: (transfer none): the finish screen */
LimberSessionFinish *
limber_stretch_player_get_finish (LimberStretchPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PLAYER (self), NULL);
  return self->finish;
}

/* Returns: (nullable) (transfer none): the current or last session */
LimberStretchSession *
limber_stretch_player_get_session (LimberStretchPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PLAYER (self), NULL);
  return self->session;
}

/* Returns: (nullable) (transfer none): the record of the finished session */
LimberSessionRecord *
limber_stretch_player_get_record (LimberStretchPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PLAYER (self), NULL);
  return self->record;
}

/* Whether the player is keeping the session from going idle right now. */
gboolean
limber_stretch_player_get_inhibiting (LimberStretchPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PLAYER (self), FALSE);
  return self->inhibit_cookie != 0;
}

LimberCountdown *
limber_stretch_player_get_countdown (LimberStretchPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PLAYER (self), NULL);
  return self->countdown;
}

LimberFigure *
limber_stretch_player_get_figure (LimberStretchPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PLAYER (self), NULL);
  return self->figure;
}

/* "session" or "finish" */
const char *
limber_stretch_player_get_screen (LimberStretchPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PLAYER (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
