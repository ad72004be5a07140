/* limber-mpris-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include "limber-figure.h"
#include "limber-mpris-dbus.h"

#include "limber-mpris-player.h"

/*
 * A running stretch session as an MPRIS media player, so that whoever lies on the floor can
 * pause and skip with what is at hand: headset and Bluetooth buttons, media keys, GNOME Shell's
 * media controls. It follows one session: it owns org.mpris.MediaPlayer2.Limber on the session
 * bus while the session runs, forwards the calls to it, and lets the name go when the session
 * ends, so the player disappears from the desktop's controls. GIO only: no GTK here.
 *
 * Each exercise of the routine is a "track": its title the exercise, its album the routine.
 * Stop ends the session as the Stop button and Escape do (recorded as stopped, finish screen
 * shown): stopping an exercise is always safe, while a Stop turned into a mere pause would
 * leave someone who meant to end with a session that never ends, and the desktop's player
 * still there.
 */

#define OBJECT_PATH "/org/mpris/MediaPlayer2"
#define TRACK_PATH  "/io/github/limber/Limber/Exercise/"

struct _LimberMprisPlayer
{
  GObject                        parent_instance;

  LimberStretchSession          *session;
  LimberMprisMediaPlayer2       *root;
  LimberMprisMediaPlayer2Player *player;
  GDBusConnection               *connection;
  guint                          owner_id;
  gboolean                       owned;
};

G_DEFINE_FINAL_TYPE (LimberMprisPlayer, limber_mpris_player, G_TYPE_OBJECT)

enum {
  RAISE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One player per process owns the name and the object path: the newest session's. */
static LimberMprisPlayer *current;

static gboolean
session_over (LimberMprisPlayer *self)
{
  return limber_stretch_session_get_state (self->session) == LIMBER_SESSION_STATE_FINISHED;
}

static void
release (LimberMprisPlayer *self)
{
  if (self->owner_id != 0)
    {
      g_bus_unown_name (self->owner_id);
      self->owner_id = 0;
    }
  if (self->connection != NULL)
    {
      g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->root));
      g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->player));
      g_clear_object (&self->connection);
    }
  self->owned = FALSE;
  if (current == self)
    current = NULL;
}

static const char *
playback_status (LimberMprisPlayer *self)
{
  switch (limber_stretch_session_get_state (self->session))
    {
    case LIMBER_SESSION_STATE_PAUSED:
      return "Paused";
    case LIMBER_SESSION_STATE_READY:
    case LIMBER_SESSION_STATE_FINISHED:
      return "Stopped";
    case LIMBER_SESSION_STATE_GET_READY:
    case LIMBER_SESSION_STATE_WORK:
    case LIMBER_SESSION_STATE_SWITCH_SIDE:
    case LIMBER_SESSION_STATE_REST:
    default:
      return "Playing";
    }
}

/* The exercise's figure as a picture for the desktop's media controls (GNOME Shell shows it
 * in place of a music note), drawn once per exercise into the cache. NULL if it cannot be. */
static char *
figure_uri (LimberExercise *exercise)
{
  const char *id = limber_exercise_get_illustration (exercise);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "limber", "figures", NULL);
  g_autofree char *name = g_strdup_printf ("%s.png", id);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  /* A routine made in the editor may have no figure. */
  if (id == NULL)
    return NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_debug ("No figure for the media controls: %s: %s", dir, g_strerror (errno));
          return NULL;
        }
      if (!limber_figure_write_png (id, path, 256, &error))
        {
          g_debug ("No figure for the media controls: %s", error->message);
          return NULL;
        }
    }

  return g_filename_to_uri (path, NULL, NULL);
}

static GVariant *
build_metadata (LimberMprisPlayer *self)
{
  LimberRoutine *routine = limber_stretch_session_get_routine (self->session);
  LimberExercise *exercise = limber_stretch_session_get_exercise (self->session);
  const LimberPhase *phase = limber_stretch_session_get_phase (self->session);
  g_autofree char *track = g_strdup_printf (TRACK_PATH "%u", phase->step);
  const char *artists[] = { limber_routine_get_name (routine), NULL };
  g_autofree char *art = figure_uri (exercise);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "mpris:trackid", g_variant_new_object_path (track));
  g_variant_builder_add (&builder, "{sv}", "mpris:length",
                         g_variant_new_int64 (limber_stretch_session_get_duration_us (self->session)));
  g_variant_builder_add (&builder, "{sv}", "xesam:title",
                         g_variant_new_string (limber_exercise_get_name (exercise)));
  g_variant_builder_add (&builder, "{sv}", "xesam:album",
                         g_variant_new_string (limber_routine_get_name (routine)));
  /* GNOME Shell shows the title and the artist, not the album: the routine goes there too. */
  g_variant_builder_add (&builder, "{sv}", "xesam:artist", g_variant_new_strv (artists, -1));
  g_variant_builder_add (&builder, "{sv}", "xesam:trackNumber",
                         g_variant_new_int32 ((gint32) phase->step + 1));
  if (art != NULL)
    g_variant_builder_add (&builder, "{sv}", "mpris:artUrl", g_variant_new_string (art));

  return g_variant_builder_end (&builder);
}

/* The skeletons tell clients what changed (PropertiesChanged), once per main loop turn. */
static void
update (LimberMprisPlayer *self)
{
  gboolean going = !session_over (self);
  gint64 position = limber_stretch_session_get_duration_us (self->session) -
                    limber_stretch_session_get_remaining_us (self->session);

  limber_mpris_media_player2_player_set_playback_status (self->player, playback_status (self));
  limber_mpris_media_player2_player_set_metadata (self->player, build_metadata (self));
  limber_mpris_media_player2_player_set_position (self->player, MAX (position, 0));
  limber_mpris_media_player2_player_set_can_play (self->player, going);
  limber_mpris_media_player2_player_set_can_pause (self->player, going);
  limber_mpris_media_player2_player_set_can_go_next (self->player, going);
  limber_mpris_media_player2_player_set_can_go_previous (self->player, going);

  if (!going)
    release (self);
}

static gboolean
handle_play (LimberMprisMediaPlayer2Player *player,
             GDBusMethodInvocation         *invocation,
             LimberMprisPlayer             *self)
{
  limber_stretch_session_resume (self->session);
  limber_mpris_media_player2_player_complete_play (player, invocation);
  return TRUE;
}

static gboolean
handle_pause (LimberMprisMediaPlayer2Player *player,
              GDBusMethodInvocation         *invocation,
              LimberMprisPlayer             *self)
{
  limber_stretch_session_pause (self->session);
  limber_mpris_media_player2_player_complete_pause (player, invocation);
  return TRUE;
}

static gboolean
handle_play_pause (LimberMprisMediaPlayer2Player *player,
                   GDBusMethodInvocation         *invocation,
                   LimberMprisPlayer             *self)
{
  if (!session_over (self))
    limber_stretch_session_toggle_pause (self->session);
  limber_mpris_media_player2_player_complete_play_pause (player, invocation);
  return TRUE;
}

static gboolean
handle_next (LimberMprisMediaPlayer2Player *player,
             GDBusMethodInvocation         *invocation,
             LimberMprisPlayer             *self)
{
  /* Completed first: the last exercise's Next ends the session, and the name with it. */
  limber_mpris_media_player2_player_complete_next (player, invocation);
  limber_stretch_session_next (self->session);
  return TRUE;
}

static gboolean
handle_previous (LimberMprisMediaPlayer2Player *player,
                 GDBusMethodInvocation         *invocation,
                 LimberMprisPlayer             *self)
{
  limber_mpris_media_player2_player_complete_previous (player, invocation);
  limber_stretch_session_previous (self->session);
  return TRUE;
}

static gboolean
handle_stop (LimberMprisMediaPlayer2Player *player,
             GDBusMethodInvocation         *invocation,
             LimberMprisPlayer             *self)
{
  limber_mpris_media_player2_player_complete_stop (player, invocation);
  if (!session_over (self))
    limber_stretch_session_stop (self->session, LIMBER_SESSION_OUTCOME_STOPPED);
  return TRUE;
}

/* CanSeek is false: a session keeps its own time. */
static gboolean
handle_not_supported (LimberMprisMediaPlayer2Player *player,
                      GDBusMethodInvocation         *invocation)
{
  g_dbus_method_invocation_return_error_literal (invocation, G_DBUS_ERROR,
                                                 G_DBUS_ERROR_NOT_SUPPORTED,
                                                 "A stretch session cannot seek or open files");
  return TRUE;
}

static gboolean
handle_raise (LimberMprisMediaPlayer2 *root,
              GDBusMethodInvocation   *invocation,
              LimberMprisPlayer       *self)
{
  limber_mpris_media_player2_complete_raise (root, invocation);
  g_signal_emit (self, signals[RAISE], 0);
  return TRUE;
}

static gboolean
handle_quit (LimberMprisMediaPlayer2 *root,
             GDBusMethodInvocation   *invocation)
{
  /* CanQuit is false: quitting is the window's to do, with its own questions. */
  g_dbus_method_invocation_return_error_literal (invocation, G_DBUS_ERROR,
                                                 G_DBUS_ERROR_NOT_SUPPORTED,
                                                 "Limber is quit from its window");
  return TRUE;
}

static void
on_bus_acquired (GDBusConnection *connection,
                 const char      *name,
                 gpointer         user_data)
{
  LimberMprisPlayer *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->root), connection,
                                         OBJECT_PATH, &error) ||
      !g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->player), connection,
                                         OBJECT_PATH, &error))
    {
      /* Media controls are a convenience: the session goes on without them. */
      g_message ("No media player controls: %s", error->message);
      g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->root));
      return;
    }
  g_set_object (&self->connection, connection);
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  LimberMprisPlayer *self = user_data;

  self->owned = TRUE;
}

static void
on_name_lost (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  LimberMprisPlayer *self = user_data;

  /* No session bus, or another process holds the name: no media controls, nothing else. */
  self->owned = FALSE;
}

static void
limber_mpris_player_dispose (GObject *object)
{
  LimberMprisPlayer *self = LIMBER_MPRIS_PLAYER (object);

  release (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->player);
  g_clear_object (&self->root);

  G_OBJECT_CLASS (limber_mpris_player_parent_class)->dispose (object);
}

static void
limber_mpris_player_class_init (LimberMprisPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_mpris_player_dispose;

  /* A client asked to see the player (Raise): the window's to present. */
  signals[RAISE] = g_signal_new ("raise", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_mpris_player_init (LimberMprisPlayer *self)
{
  const char *none[] = { NULL };

  self->root = limber_mpris_media_player2_skeleton_new ();
  limber_mpris_media_player2_set_can_quit (self->root, FALSE);
  limber_mpris_media_player2_set_can_raise (self->root, TRUE);
  limber_mpris_media_player2_set_has_track_list (self->root, FALSE);
  limber_mpris_media_player2_set_identity (self->root, "Limber");
  limber_mpris_media_player2_set_desktop_entry (self->root, APPLICATION_ID);
  limber_mpris_media_player2_set_supported_uri_schemes (self->root, none);
  limber_mpris_media_player2_set_supported_mime_types (self->root, none);
  g_signal_connect (self->root, "handle-raise", G_CALLBACK (handle_raise), self);
  g_signal_connect (self->root, "handle-quit", G_CALLBACK (handle_quit), NULL);

  self->player = limber_mpris_media_player2_player_skeleton_new ();
  limber_mpris_media_player2_player_set_rate (self->player, 1.0);
  limber_mpris_media_player2_player_set_minimum_rate (self->player, 1.0);
  limber_mpris_media_player2_player_set_maximum_rate (self->player, 1.0);
  limber_mpris_media_player2_player_set_volume (self->player, 1.0);
  limber_mpris_media_player2_player_set_can_seek (self->player, FALSE);
  limber_mpris_media_player2_player_set_can_control (self->player, TRUE);
  g_signal_connect (self->player, "handle-play", G_CALLBACK (handle_play), self);
  g_signal_connect (self->player, "handle-pause", G_CALLBACK (handle_pause), self);
  g_signal_connect (self->player, "handle-play-pause", G_CALLBACK (handle_play_pause), self);
  g_signal_connect (self->player, "handle-next", G_CALLBACK (handle_next), self);
  g_signal_connect (self->player, "handle-previous", G_CALLBACK (handle_previous), self);
  g_signal_connect (self->player, "handle-stop", G_CALLBACK (handle_stop), self);
  g_signal_connect (self->player, "handle-seek", G_CALLBACK (handle_not_supported), NULL);
  g_signal_connect (self->player, "handle-set-position", G_CALLBACK (handle_not_supported), NULL);
  g_signal_connect (self->player, "handle-open-uri", G_CALLBACK (handle_not_supported), NULL);
}

/**
 * limber_mpris_player_new:
 * @session: the session to follow, started or about to be
 *
 * Serves @session as an MPRIS player from now until it finishes, on the session bus if there
 * is one. A player made before it takes the name over from the previous one.
 *
 * Returns: (transfer full): the player; drop it to let the name go
 */
LimberMprisPlayer *
limber_mpris_player_new (LimberStretchSession *session)
{
  LimberMprisPlayer *self;

  g_return_val_if_fail (LIMBER_IS_STRETCH_SESSION (session), NULL);

  self = g_object_new (LIMBER_TYPE_MPRIS_PLAYER, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_swapped (session, "phase-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (session, "notify::state", G_CALLBACK (update), self);

  if (current != NULL)
    release (current);
  current = self;
  update (self);
  if (current == self)
    self->owner_id = g_bus_own_name (G_BUS_TYPE_SESSION, LIMBER_MPRIS_BUS_NAME,
                                     G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                     on_bus_acquired, on_name_acquired, on_name_lost,
                                     self, NULL);

  return self;
}

/* Whether the player holds its name on the bus right now. */
gboolean
limber_mpris_player_is_owned (LimberMprisPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_MPRIS_PLAYER (self), FALSE);
  return self->owned;
}
