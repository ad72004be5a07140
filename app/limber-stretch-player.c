/* limber-stretch-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-cue-player.h"

#include "limber-stretch-player.h"

/*
 * The player: shows the session engine's state large enough to read from the floor, lets the
 * cue player announce it, keeps the screen awake while it runs, and ends on a finish screen with
 * a pain rating. The engine decides everything; this only shows it and forwards the buttons.
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
  LimberIllustration   *illustration;
  LimberCountdown      *countdown;
  GtkLabel             *instruction_label;
  GtkLabel             *next_label;
  GtkButton            *pause_button;
  AdwStatusPage        *finish_page;
  GtkAdjustment        *pain_adjustment;
  GtkWidget            *save_button;
  GtkWidget            *check_button;

  LimberStretchSession *session;
  LimberCuePlayer      *cue_player;
  LimberSessionRecord  *record;
  int                   pain_before;
  GSettings            *settings;
  guint                 refresh;
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
add_toast (LimberStretchPlayer *self,
           const char          *title)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-toast", "s", title);
}

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

static void
update_countdown (LimberStretchPlayer *self)
{
  const LimberPhase *phase = limber_stretch_session_get_phase (self->session);

  limber_countdown_set_time (self->countdown,
                             limber_stretch_session_get_phase_remaining_us (self->session),
                             phase->duration_us);
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

static char *
describe_position (LimberStretchSession *session)
{
  const LimberPhase *phase = limber_stretch_session_get_phase (session);
  LimberExercise *exercise = limber_stretch_session_get_exercise (session);
  const LimberTiming *timing = limber_routine_get_step_timing (limber_stretch_session_get_routine (session),
                                                               phase->step);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (phase->side == LIMBER_SIDE_RIGHT)
    g_ptr_array_add (parts, g_strdup (_("Right side")));
  else if (phase->side == LIMBER_SIDE_LEFT)
    g_ptr_array_add (parts, g_strdup (_("Left side")));

  if (phase->kind == LIMBER_PHASE_WORK && phase->n_reps > 0)
    {
      if (limber_exercise_get_mode (exercise) == LIMBER_EXERCISE_MODE_CYCLES)
        g_ptr_array_add (parts, g_strdup_printf (_("Cycle %u of %u"), phase->rep, phase->n_reps));
      else
        g_ptr_array_add (parts, g_strdup_printf (_("Rep %u of %u"), phase->rep, phase->n_reps));
    }
  else if (timing->rounds > 1 && phase->kind != LIMBER_PHASE_REST)
    g_ptr_array_add (parts, g_strdup_printf (_("Round %u of %u"), phase->round, timing->rounds));

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

static void
show_finish (LimberStretchPlayer *self)
{
  LimberSessionOutcome outcome = limber_stretch_session_get_outcome (self->session);
  guint done = limber_stretch_session_get_exercises_completed (self->session);
  guint total = limber_routine_get_n_steps (limber_stretch_session_get_routine (self->session));
  g_autofree char *description = NULL;
  gint64 hold_us = limber_stretch_session_get_next_plank_hold_us (self->session);
  guint hold_s = (guint) (hold_us / G_USEC_PER_SEC);

  record_session (self);

  switch (outcome)
    {
    case LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN:
      adw_status_page_set_icon_name (self->finish_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->finish_page, _("Stopped Because It Hurts"));
      description = g_strdup (_("Stop any stretch that causes pain, and rest in a position that "
                                "feels comfortable. Next time, move only as far as is "
                                "comfortable.\n\nIf the pain is severe or getting worse, or comes "
                                "with numbness, weakness or trouble passing urine, check your "
                                "symptoms now."));
      break;

    case LIMBER_SESSION_OUTCOME_STOPPED:
      adw_status_page_set_icon_name (self->finish_page, "media-playback-stop-symbolic");
      adw_status_page_set_title (self->finish_page, _("Session Stopped"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "You finished %u of %u exercises.",
                                                  "You finished %u of %u exercises.", total),
                                     done, total);
      break;

    case LIMBER_SESSION_OUTCOME_COMPLETED:
    case LIMBER_SESSION_OUTCOME_NONE:
    default:
      adw_status_page_set_icon_name (self->finish_page, "emblem-ok-symbolic");
      /* Every exercise skipped is no achievement to praise. */
      adw_status_page_set_title (self->finish_page, done > 0 ? _("Well Done") : _("Session Ended"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "You finished %u of %u exercises.",
                                                  "You finished %u of %u exercises.", total),
                                     done, total);
      if (hold_s != (guint) (limber_stretch_session_get_plank_hold_us (self->session) / G_USEC_PER_SEC))
        {
          g_autofree char *plank = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "Next time the plank lasts %u second.",
                                                                 "Next time the plank lasts %u seconds.",
                                                                 hold_s), hold_s);
          g_autofree char *both = g_strconcat (description, " ", plank, NULL);

          record_plank_hold (self, hold_s);
          g_free (description);
          description = g_steal_pointer (&both);
        }
      break;
    }

  adw_status_page_set_description (self->finish_page, description);
  if (outcome == LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN)
    gtk_widget_add_css_class (GTK_WIDGET (self->finish_page), "limber-pain");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->finish_page), "limber-pain");
  gtk_widget_set_visible (self->check_button, outcome == LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN);
  gtk_adjustment_set_value (self->pain_adjustment, 0);
  gtk_widget_set_sensitive (self->save_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "finish");
}

static void
update (LimberStretchPlayer *self)
{
  LimberSessionState state = limber_stretch_session_get_state (self->session);
  const LimberPhase *phase = limber_stretch_session_get_phase (self->session);
  LimberExercise *exercise = limber_stretch_session_get_exercise (self->session);
  LimberExercise *next = limber_stretch_session_get_next_exercise (self->session);
  LimberRoutine *routine = limber_stretch_session_get_routine (self->session);
  const LimberMove *move = limber_stretch_session_get_move (self->session);
  gboolean running = limber_stretch_session_is_running (self->session);
  g_autofree char *position = NULL;
  g_autofree char *next_text = NULL;
  g_autofree char *step_text = NULL;
  const char *caption, *instruction;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.toggle-pause",
                                 state != LIMBER_SESSION_STATE_FINISHED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.previous",
                                 state != LIMBER_SESSION_STATE_FINISHED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.next",
                                 state != LIMBER_SESSION_STATE_FINISHED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.stop",
                                 state != LIMBER_SESSION_STATE_FINISHED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.hurts",
                                 state != LIMBER_SESSION_STATE_FINISHED);

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

  switch (phase->kind)
    {
    case LIMBER_PHASE_GET_READY:
      caption = _("Get ready");
      instruction = limber_exercise_get_instructions (exercise);
      break;
    case LIMBER_PHASE_SWITCH:
      if (phase->side == LIMBER_SIDE_LEFT)
        {
          caption = _("Switch sides");
          instruction = _("Gently change to your left side.");
        }
      else if (phase->side == LIMBER_SIDE_RIGHT)
        {
          caption = _("Switch sides");
          instruction = _("Gently change to your right side.");
        }
      else
        {
          caption = _("Rest");
          instruction = _("Relax and breathe; the next round starts soon.");
        }
      break;
    case LIMBER_PHASE_REST:
      caption = _("Rest");
      instruction = _("Relax and breathe.");
      break;
    case LIMBER_PHASE_WORK:
    default:
      caption = move->name;
      instruction = move->instruction;
      break;
    }

  gtk_label_set_label (self->exercise_label, limber_exercise_get_name (exercise));
  position = describe_position (self->session);
  if (state == LIMBER_SESSION_STATE_PAUSED)
    {
      g_autofree char *paused = position[0] != '\0'
                                ? g_strdup_printf (_("Paused · %s"), position)
                                : g_strdup (_("Paused"));
      gtk_label_set_label (self->position_label, paused);
    }
  else
    gtk_label_set_label (self->position_label, position);
  gtk_widget_set_visible (GTK_WIDGET (self->position_label),
                          gtk_label_get_label (self->position_label)[0] != '\0');

  limber_illustration_set_name (self->illustration, limber_exercise_get_illustration (exercise));
  limber_illustration_set_mirrored (self->illustration, phase->side == LIMBER_SIDE_LEFT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->illustration),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, limber_exercise_get_name (exercise),
                                  -1);

  limber_countdown_set_caption (self->countdown, caption);
  update_countdown (self);
  gtk_label_set_label (self->instruction_label, instruction);

  step_text = g_strdup_printf (_("Exercise %u of %u"), phase->step + 1,
                               limber_routine_get_n_steps (routine));
  if (next != NULL)
    next_text = g_strdup_printf (_("%s · Next: %s"), step_text, limber_exercise_get_name (next));
  else
    next_text = g_strdup_printf (_("%s · Last exercise"), step_text);
  gtk_label_set_label (self->next_label, next_text);

  if (state == LIMBER_SESSION_STATE_PAUSED)
    {
      gtk_button_set_icon_name (self->pause_button, "media-playback-start-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button), _("Resume (Space)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Resume"), -1);
    }
  else
    {
      gtk_button_set_icon_name (self->pause_button, "media-playback-pause-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button), _("Pause (Space)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pause"), -1);
    }
}

static void
on_cue_player_problem (LimberCuePlayer     *cue_player,
                       const char          *message,
                       LimberStretchPlayer *self)
{
  add_toast (self, message);
}

static void
release_session (LimberStretchPlayer *self)
{
  if (self->clock != NULL)
    limber_clock_clear (self->clock, &self->refresh);
  set_inhibit (self, FALSE);

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
save_rating_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LimberStretchPlayer *self = LIMBER_STRETCH_PLAYER (widget);
  int pain = (int) gtk_adjustment_get_value (self->pain_adjustment);
  g_autofree char *saved = NULL;

  if (self->record == NULL)
    return;

  limber_session_record_set_pain_after (self->record, pain);
  if (limber_session_record_get_id (self->record) != 0 &&
      !limber_journal_set_pain_after (self->journal, limber_session_record_get_id (self->record),
                                      pain, NULL))
    return;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  saved = g_strdup_printf (_("Pain rating %d saved"), pain);
  add_toast (self, saved);
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
  g_type_ensure (LIMBER_TYPE_ILLUSTRATION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/limber-stretch-player.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, exercise_label);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, position_label);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, illustration);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, countdown);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, next_label);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, pause_button);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, finish_page);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, pain_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, save_button);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, check_button);

  gtk_widget_class_install_action (widget_class, "player.toggle-pause", NULL, toggle_pause_action);
  gtk_widget_class_install_action (widget_class, "player.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "player.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "player.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "player.hurts", NULL, hurts_action);
  gtk_widget_class_install_action (widget_class, "player.save-rating", NULL, save_rating_action);
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
  limber_cue_player_follow (self->cue_player, self->session);

  gtk_stack_set_visible_child_name (self->stack, "session");
  limber_stretch_session_start (self->session);
  gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
}

/* The pain rating given before the session, kept in its record; %LIMBER_PAIN_UNSET for none. */
void
limber_stretch_player_set_pain_before (LimberStretchPlayer *self,
                                       int                  pain)
{
  g_return_if_fail (LIMBER_IS_STRETCH_PLAYER (self));
  g_return_if_fail (pain >= LIMBER_PAIN_UNSET && pain <= 10);

  self->pain_before = pain;
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

LimberIllustration *
limber_stretch_player_get_illustration (LimberStretchPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PLAYER (self), NULL);
  return self->illustration;
}

/* "session" or "finish" */
const char *
limber_stretch_player_get_screen (LimberStretchPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PLAYER (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
