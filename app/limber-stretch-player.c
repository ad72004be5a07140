/* limber-stretch-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-cue-player.h"
#include "limber-mpris-player.h"
#include "limber-session-view.h"

#include "limber-stretch-player.h"

/*
 * The player: shows the session engine's state large enough to read from the floor, lets the
 * cue player announce it, keeps the screen awake while it runs, and ends on a finish screen with
 * a pain rating (limber-session-finish.c). The pain before the session is asked while getting
 * ready for the first exercise. The engine decides everything; this only shows it and forwards
 * the buttons.
 */

struct _LimberStretchPlayer
{
  AdwBin                parent_instance;

  GtkStack             *stack;
  LimberSessionView    *view;
  LimberSessionFinish  *finish;

  LimberStretchSession *session;
  LimberCuePlayer      *cue_player;
  /* Media keys and headset buttons, while the session runs. */
  LimberMprisPlayer    *mpris;
  LimberSessionRecord  *record;
  int                   pain_before;
  GSettings            *settings;
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
  limber_session_view_stop (self->view);
  gtk_stack_set_visible_child_name (self->stack, "finish");
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

static void
update (LimberStretchPlayer *self)
{
  LimberSessionState state = limber_stretch_session_get_state (self->session);

  update_actions (self, state == LIMBER_SESSION_STATE_FINISHED);
  set_inhibit (self, limber_stretch_session_is_running (self->session));

  if (state != LIMBER_SESSION_STATE_FINISHED)
    limber_session_view_update (self->view);
  else if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "finish"))
    show_finish (self);
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
  int pain = limber_pain_scale_get_value (limber_session_view_get_pain_before_scale (self->view));
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
  limber_session_view_show_problem (self->view, message);
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
  limber_session_view_stop (self->view);
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

  g_type_ensure (LIMBER_TYPE_SESSION_VIEW);
  g_type_ensure (LIMBER_TYPE_SESSION_FINISH);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/limber-stretch-player.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPlayer, view);
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

  g_signal_connect_swapped (limber_session_view_get_pain_before_scale (self->view), "notify::value",
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
  limber_session_finish_clear (self->finish);

  plank_us = (gint64) limber_journal_get_plank_hold (self->journal,
                                                     g_settings_get_uint (self->settings,
                                                                          "plank-hold-seconds"))
             * G_USEC_PER_SEC;
  self->session = limber_stretch_session_new (routine, self->clock, plank_us);
  g_signal_connect_swapped (self->session, "phase-changed", G_CALLBACK (update), self);
  /* Before the cue player follows it: a sound problem is said on the view at once. */
  limber_session_view_set_session (self->view, self->session, self->clock);

  if (self->cue_player == NULL)
    {
      self->cue_player = limber_cue_player_new (self->clock);
      g_signal_connect (self->cue_player, "problem", G_CALLBACK (on_cue_player_problem), self);
    }
  limber_cue_player_follow (self->cue_player, self->session);
  self->mpris = limber_mpris_player_new (self->session);
  g_signal_connect_swapped (self->mpris, "raise", G_CALLBACK (on_mpris_raise), self);

  gtk_stack_set_visible_child_name (self->stack, "session");
  limber_stretch_session_start (self->session);
  limber_session_view_grab_focus (self->view);
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
  return limber_session_view_get_pain_before_scale (self->view);
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
  return limber_session_view_get_countdown (self->view);
}

LimberFigure *
limber_stretch_player_get_figure (LimberStretchPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PLAYER (self), NULL);
  return limber_session_view_get_figure (self->view);
}

/* "session" or "finish" */
const char *
limber_stretch_player_get_screen (LimberStretchPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PLAYER (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
