/* limber-cue-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <stdio.h>

#include "limber-routines-enums.h"
#include "limber-sound-module.h"
#include "limber-system-clock.h"
#include "limber-voice.h"

#include "limber-cue-player.h"

/*
 * Sound and voice for a session, for someone lying on the floor who cannot watch the screen.
 *
 * One pipeline per session stays PLAYING from start to end: a silent live source keeps an
 * audiomixer running, and cue sounds and speech are pushed into it through two appsrcs with
 * timestamps on the pipeline's running time. A cue is stamped with its phase boundary (not the
 * moment the timer fired), so as long as it arrives within the mixer's latency it starts exactly
 * on the boundary. The pipeline runs on the system clock, which is CLOCK_MONOTONIC like the app's
 * clock, so the two time lines match.
 *
 * The pipeline itself lives in a loadable module (limber-sound-gst.c): GStreamer's libraries are
 * loaded when sound is first needed, the way limber-voice.c loads espeak-ng, not at every start.
 *
 * Without a sound device, without the sound module, or without espeak-ng data, the session goes
 * on silently or with tones only: the "problem" signal fires once, for the window to say so.
 *
 * LIMBER_AUDIO_SINK replaces autoaudiosink with any gst-launch description (the tests write a WAV
 * file); LIMBER_DEBUG_CUE_LOG names a file where every cue's boundary and timestamp are written,
 * for the tests to line up with the recording. LIMBER_SOUND_MODULE names the sound module to load
 * instead of the installed one (the build tree's, in tests and meson devenv).
 */

#define SECOND_NS G_GUINT64_CONSTANT (1000000000)
#define MSECOND_NS G_GUINT64_CONSTANT (1000000)
/* How long the pipeline lives on after "well done", so it is heard to the end. */
#define DRAIN_SECONDS 3

typedef enum
{
  SOUND_START,
  SOUND_TICK,
  SOUND_SWITCH,
  SOUND_TEMPO,
  SOUND_REST,
  SOUND_DONE,
  N_SOUNDS,
  SOUND_NONE = N_SOUNDS,
} Sound;

static const char *sound_names[N_SOUNDS] = { "start", "tick", "switch", "tempo", "rest", "done" };

struct _LimberCuePlayer
{
  GObject               parent_instance;

  LimberClock          *clock;
  GSettings            *settings;
  LimberStretchSession *session;
  gulong                cue_handler;
  gulong                state_handler;

  LimberSoundOutput    *output;
  guint                 drain_timeout;
  guint64               cue_end;
  guint64               speech_end;
  GCancellable         *cancellable;

  gboolean              told_sound_problem;
  gboolean              told_voice_problem;
  FILE                 *log;
};

G_DEFINE_FINAL_TYPE (LimberCuePlayer, limber_cue_player, G_TYPE_OBJECT)

enum {
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Decoded once per process: samples at LIMBER_SOUND_RATE, mono S16. */
static GBytes *sounds[N_SOUNDS];

/* The loaded sound module, once it is. */
static const LimberSoundModule *backend;

static void
tell_sound_problem (LimberCuePlayer *self,
                    const char      *detail)
{
  g_autofree char *message = NULL;

  if (self->told_sound_problem)
    return;

  g_message ("Sound problem: %s", detail);
  self->told_sound_problem = TRUE;
  message = g_strdup_printf (_("No sound: %s. The session goes on silently."), detail);
  g_signal_emit (self, signals[PROBLEM], 0, message);
}

static void
tell_voice_problem (LimberCuePlayer *self,
                    const char      *detail)
{
  g_autofree char *message = NULL;

  if (self->told_voice_problem)
    return;

  g_message ("Voice problem: %s", detail);
  self->told_voice_problem = TRUE;
  message = g_strdup_printf (_("No spoken guidance: %s. The session goes on with sounds only."),
                             detail);
  g_signal_emit (self, signals[PROBLEM], 0, message);
}

/* Returns: the module's path, by LIMBER_SOUND_MODULE or where it is installed */
static const char *
sound_module_path (void)
{
  const char *path = g_getenv ("LIMBER_SOUND_MODULE");

  if (path != NULL && path[0] != '\0')
    return path;
  return LIMBER_SOUND_MODULE_DIR G_DIR_SEPARATOR_S LIMBER_SOUND_MODULE_NAME;
}

/* Loads the sound module, and with it GStreamer, the first time sound is needed. A module that
 * cannot be loaded is tried again next time: it costs little, and it may have been installed
 * since. */
static gboolean
ensure_sound_module (GError **error)
{
  const char *path = sound_module_path ();
  LimberSoundModuleGetFunc get = NULL;
  const LimberSoundModule *module;
  GModule *gmodule;

  if (backend != NULL)
    return TRUE;

  /* LOCAL: the module's GStreamer symbols are for the module alone. */
  gmodule = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (gmodule == NULL)
    {
      /* Translators: shown after "No sound:"; %s is the system's reason, as it gives it. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("the sound module did not load (%s)"), g_module_error ());
      return FALSE;
    }

  if (!g_module_symbol (gmodule, LIMBER_SOUND_MODULE_SYMBOL, (gpointer *) &get) ||
      (module = get ()) == NULL || module->abi != LIMBER_SOUND_MODULE_ABI)
    {
      /* Translators: shown after "No sound:"; %s is the module's file. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("the sound module %s is not from this version of Limber"), path);
      g_module_close (gmodule);
      return FALSE;
    }

  /* Kept for the life of the process: GStreamer cannot be unloaded. */
  g_module_make_resident (gmodule);
  backend = module;
  return TRUE;
}

static gboolean
ensure_sounds (GError **error)
{
  for (guint i = 0; i < N_SOUNDS; i++)
    {
      if (sounds[i] == NULL)
        {
          g_autofree char *path = g_strdup_printf (RESOURCE_PATH "/sounds/%s.wav",
                                                   sound_names[i]);

          sounds[i] = backend->decode (path, error);
          if (sounds[i] == NULL)
            return FALSE;
        }
    }

  return TRUE;
}

static void
log_line (LimberCuePlayer *self,
          const char      *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
log_line (LimberCuePlayer *self,
          const char      *format,
          ...)
{
  va_list args;

  if (self->log == NULL)
    return;

  va_start (args, format);
  vfprintf (self->log, format, args);
  va_end (args);
  fputc ('\n', self->log);
  fflush (self->log);
}

/* The pipeline's running time at a time of the app's clock. */
static guint64
running_time_of (LimberCuePlayer *self,
                 gint64           monotonic_us)
{
  gint64 real_us = monotonic_us;
  guint64 base_time = backend->base_time (self->output);

  if (LIMBER_IS_SYSTEM_CLOCK (self->clock))
    real_us = limber_system_clock_to_real_us (LIMBER_SYSTEM_CLOCK (self->clock), monotonic_us);

  if ((guint64) real_us * 1000 < base_time)
    return 0;
  return (guint64) real_us * 1000 - base_time;
}

static void
on_sound_event (LimberSoundEvent  event,
                const char       *message,
                guint64           time,
                gpointer          user_data)
{
  LimberCuePlayer *self = user_data;

  switch (event)
    {
    case LIMBER_SOUND_EVENT_FIRST_SAMPLE:
      /* On a streaming thread; the log is a stdio FILE, which locks. */
      log_line (self, "first-sample %" G_GUINT64_FORMAT, time);
      break;

    case LIMBER_SOUND_EVENT_WARNING:
      tell_sound_problem (self, message);
      break;

    case LIMBER_SOUND_EVENT_ERROR:
      tell_sound_problem (self, message);
      limber_cue_player_stop (self);
      break;

    case LIMBER_SOUND_EVENT_EOS:
    default:
      limber_cue_player_stop (self);
      break;
    }
}

static gboolean
start_output (LimberCuePlayer  *self,
              GError          **error)
{
  const char *sink = g_getenv ("LIMBER_AUDIO_SINK");
  g_autoptr(GError) local_error = NULL;

  if (sink == NULL || sink[0] == '\0')
    sink = "autoaudiosink";

  self->output = backend->open (sink, self->settings, self->log != NULL, on_sound_event, self,
                              &local_error);
  if (self->output == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                    _("the audio output “%s” is not usable: "), sink);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("the audio output “%s” could not start"), sink);
      return FALSE;
    }

  log_line (self, "base-time %" G_GUINT64_FORMAT, backend->base_time (self->output));
  return TRUE;
}

/* Loads what sound needs and starts the pipeline; anything missing is told through ::problem. */
static void
start_sound (LimberCuePlayer *self)
{
  g_autoptr(GError) error = NULL;

  if (!ensure_sound_module (&error) || !ensure_sounds (&error) || !start_output (self, &error))
    tell_sound_problem (self, error->message);
}

static const char *
cue_nick (LimberCue cue)
{
  static GEnumClass *cues;

  if (cues == NULL)
    cues = g_type_class_ref (LIMBER_TYPE_CUE);
  return g_enum_get_value (cues, cue)->value_nick;
}

static void
play_sound (LimberCuePlayer *self,
            Sound            sound,
            LimberCue        cue,
            gint64           boundary_us)
{
  guint64 now, boundary, pts;
  gsize n_samples;

  if (self->output == NULL)
    return;

  now = backend->running_time (self->output);
  boundary = running_time_of (self, boundary_us);

  if (sound == SOUND_NONE || !g_settings_get_boolean (self->settings, "cue-sounds"))
    {
      log_line (self, "cue %s boundary=%" G_GUINT64_FORMAT " late=%" G_GINT64_FORMAT
                " sound=none", cue_nick (cue), boundary, (gint64) (now - boundary));
      return;
    }

  /* On the boundary if the mixer can still take it there; otherwise as soon as possible. */
  pts = boundary + LIMBER_SOUND_MIXER_LATENCY - 5 * MSECOND_NS > now ? boundary : now;
  if (self->cue_end != LIMBER_SOUND_TIME_NONE && pts < self->cue_end)
    pts = self->cue_end;

  n_samples = g_bytes_get_size (sounds[sound]) / 2;
  self->cue_end = pts + n_samples * SECOND_NS / LIMBER_SOUND_RATE;
  backend->push_cue (self->output, g_bytes_ref (sounds[sound]), pts);

  log_line (self, "cue %s boundary=%" G_GUINT64_FORMAT " pts=%" G_GUINT64_FORMAT
            " late=%" G_GINT64_FORMAT " sound=%s",
            cue_nick (cue),
            boundary, pts, (gint64) (now - boundary), sound_names[sound]);
}

static void
speak_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LimberCuePlayer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) samples = NULL;
  guint64 pts;

  samples = limber_voice_speak_finish (LIMBER_VOICE (source), result, &error);
  if (samples == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tell_voice_problem (self, error->message);
      return;
    }

  /* Spoken, but not as the user may expect (in English, say): tell once, as for a problem. */
  if (limber_voice_get_notice (LIMBER_VOICE (source)) != NULL && !self->told_voice_problem)
    {
      g_message ("Voice: %s", limber_voice_get_notice (LIMBER_VOICE (source)));
      self->told_voice_problem = TRUE;
      g_signal_emit (self, signals[PROBLEM], 0, limber_voice_get_notice (LIMBER_VOICE (source)));
    }

  if (self->output == NULL)
    return;

  /* Sentences follow one another rather than overlap. */
  pts = backend->running_time (self->output);
  if (self->speech_end != LIMBER_SOUND_TIME_NONE && pts < self->speech_end)
    pts = self->speech_end;
  self->speech_end = pts + g_bytes_get_size (samples) / 2 * SECOND_NS / LIMBER_VOICE_RATE;

  log_line (self, "speech pts=%" G_GUINT64_FORMAT " duration=%" G_GUINT64_FORMAT " voice=%s",
            pts, self->speech_end - pts, limber_voice_get_language (limber_voice_get_default ()));
  backend->push_speech (self->output, g_steal_pointer (&samples), pts);
}

/**
 * limber_cue_player_speak:
 *
 * Reads @text out in the session's pipeline, after anything still being spoken.
 */
void
limber_cue_player_speak (LimberCuePlayer *self,
                         const char      *text)
{
  g_return_if_fail (LIMBER_IS_CUE_PLAYER (self));

  if (self->output == NULL || text == NULL || text[0] == '\0' ||
      !g_settings_get_boolean (self->settings, "voice-guidance"))
    return;

  limber_voice_speak_async (limber_voice_get_default (), text, self->cancellable,
                            speak_done_cb, g_object_ref (self));
}

static void
on_cue (LimberStretchSession *session,
        LimberCue             cue,
        guint                 number,
        gint64                boundary_us,
        LimberCuePlayer      *self)
{
  g_autofree char *intro = NULL;
  LimberExercise *exercise;
  Sound sound = SOUND_NONE;

  switch (cue)
    {
    case LIMBER_CUE_GET_READY:
      exercise = limber_stretch_session_get_exercise (session);
      intro = g_strdup_printf ("%s. %s", limber_exercise_get_name (exercise),
                               limber_exercise_get_spoken (exercise));
      limber_cue_player_speak (self, intro);
      break;
    case LIMBER_CUE_START:
      sound = SOUND_START;
      break;
    case LIMBER_CUE_COUNTDOWN:
      sound = SOUND_TICK;
      break;
    case LIMBER_CUE_HALFWAY:
    case LIMBER_CUE_TEMPO:
      sound = SOUND_TEMPO;
      break;
    case LIMBER_CUE_SWITCH_SIDE:
      sound = SOUND_SWITCH;
      /* Translators: spoken aloud during a stretch session. */
      limber_cue_player_speak (self, _("Switch sides"));
      break;
    case LIMBER_CUE_LAST_REP:
      /* Translators: spoken aloud at the start of the last repetition. */
      limber_cue_player_speak (self, _("Last one"));
      break;
    case LIMBER_CUE_REST:
      sound = SOUND_REST;
      /* Translators: spoken aloud when a rest begins. */
      limber_cue_player_speak (self, _("Relax"));
      break;
    case LIMBER_CUE_SESSION_DONE:
      sound = SOUND_DONE;
      /* Translators: spoken aloud at the end of a routine. */
      limber_cue_player_speak (self, _("Well done"));
      break;
    case LIMBER_CUE_EXERCISE_DONE:
    default:
      break;
    }

  play_sound (self, sound, cue, boundary_us);
}

/* On the LimberClock like every other timer, so a test's time scale shortens it too. */
static void
drain_done (gpointer user_data)
{
  LimberCuePlayer *self = user_data;

  /* Fired, so there is nothing left to cancel. */
  self->drain_timeout = 0;
  limber_cue_player_stop (self);
}

static void
drain_in (LimberCuePlayer *self,
          guint            seconds)
{
  limber_clock_clear (self->clock, &self->drain_timeout);
  self->drain_timeout = limber_clock_schedule_in (self->clock, (gint64) seconds * G_USEC_PER_SEC,
                                                  drain_done, self, NULL);
}

static void
on_session_state (LimberStretchSession *session,
                  GParamSpec           *pspec,
                  LimberCuePlayer      *self)
{
  if (limber_stretch_session_get_state (session) != LIMBER_SESSION_STATE_FINISHED)
    return;

  /* Let "well done" be heard; a stop (or "It hurts") ends the sound at once. */
  if (limber_stretch_session_get_outcome (session) == LIMBER_SESSION_OUTCOME_COMPLETED)
    {
      if (self->drain_timeout == 0)
        drain_in (self, DRAIN_SECONDS);
    }
  else
    limber_cue_player_stop (self);
}

static void
limber_cue_player_dispose (GObject *object)
{
  LimberCuePlayer *self = LIMBER_CUE_PLAYER (object);

  limber_cue_player_stop (self);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_cue_player_parent_class)->dispose (object);
}

static void
limber_cue_player_finalize (GObject *object)
{
  LimberCuePlayer *self = LIMBER_CUE_PLAYER (object);

  if (self->log != NULL)
    fclose (self->log);

  G_OBJECT_CLASS (limber_cue_player_parent_class)->finalize (object);
}

static void
limber_cue_player_class_init (LimberCuePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_cue_player_dispose;
  object_class->finalize = limber_cue_player_finalize;

  /**
   * LimberCuePlayer::problem:
   * @message: what went wrong and what happens now, translated, for the user
   *
   * Sound or voice failed; emitted at most once for each per session.
   */
  signals[PROBLEM] = g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
limber_cue_player_init (LimberCuePlayer *self)
{
  const char *log_path = g_getenv ("LIMBER_DEBUG_CUE_LOG");

  self->settings = g_settings_new (APPLICATION_ID);
  self->cue_end = LIMBER_SOUND_TIME_NONE;
  self->speech_end = LIMBER_SOUND_TIME_NONE;

  if (log_path != NULL && log_path[0] != '\0')
    {
      self->log = fopen (log_path, "a");
      if (self->log == NULL)
        g_message ("Cannot write the cue log %s: %s", log_path, g_strerror (errno));
    }
}

LimberCuePlayer *
limber_cue_player_new (LimberClock *clock)
{
  LimberCuePlayer *self;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  self = g_object_new (LIMBER_TYPE_CUE_PLAYER, NULL);
  self->clock = g_object_ref (clock);

  return self;
}

/**
 * limber_cue_player_follow:
 *
 * Starts the pipeline and announces @session's cues until it finishes. Call before starting the
 * session, so its first cue is heard. Failures are reported through ::problem.
 */
void
limber_cue_player_follow (LimberCuePlayer      *self,
                          LimberStretchSession *session)
{
  g_return_if_fail (LIMBER_IS_CUE_PLAYER (self));
  g_return_if_fail (LIMBER_IS_STRETCH_SESSION (session));

  limber_cue_player_stop (self);

  self->session = g_object_ref (session);
  self->cue_handler = g_signal_connect (session, "cue", G_CALLBACK (on_cue), self);
  self->state_handler = g_signal_connect (session, "notify::state",
                                          G_CALLBACK (on_session_state), self);
  self->cancellable = g_cancellable_new ();
  self->cue_end = LIMBER_SOUND_TIME_NONE;
  self->speech_end = LIMBER_SOUND_TIME_NONE;

  start_sound (self);
}

/**
 * limber_cue_player_announce:
 * @text: (nullable): what the voice says after the chime, translated
 *
 * Plays the "done" chime and says @text, without a session (the end of a cold or heat pack),
 * then lets the sound finish and stops. Anything playing before is stopped first.
 */
void
limber_cue_player_announce (LimberCuePlayer *self,
                            const char      *text)
{
  g_return_if_fail (LIMBER_IS_CUE_PLAYER (self));

  limber_cue_player_stop (self);

  self->cancellable = g_cancellable_new ();
  self->cue_end = LIMBER_SOUND_TIME_NONE;
  self->speech_end = LIMBER_SOUND_TIME_NONE;

  start_sound (self);
  if (self->output == NULL)
    return;

  play_sound (self, SOUND_DONE, LIMBER_CUE_SESSION_DONE, limber_clock_now_monotonic_us (self->clock));
  limber_cue_player_speak (self, text);
  /* Longer than after a session: the sentence is still being synthesised. */
  drain_in (self, 2 * DRAIN_SECONDS);
}

/**
 * limber_cue_player_say:
 * @text: what the voice says, translated
 *
 * Says @text: in the session's sound while one plays, otherwise on its own, without a chime
 * (a pain rating chosen on the finish screen), then lets the sound finish and stops.
 */
void
limber_cue_player_say (LimberCuePlayer *self,
                       const char      *text)
{
  g_return_if_fail (LIMBER_IS_CUE_PLAYER (self));

  /* Sound still draining after a session is given the time to say it too. */
  if (self->output != NULL)
    {
      limber_cue_player_speak (self, text);
      if (self->drain_timeout != 0)
        drain_in (self, 2 * DRAIN_SECONDS);
      return;
    }

  limber_cue_player_stop (self);
  self->cancellable = g_cancellable_new ();
  self->cue_end = LIMBER_SOUND_TIME_NONE;
  self->speech_end = LIMBER_SOUND_TIME_NONE;
  start_sound (self);
  limber_cue_player_speak (self, text);
  drain_in (self, 2 * DRAIN_SECONDS);
}

/* Ends the sound at once; the session, if any, is let go. */
void
limber_cue_player_stop (LimberCuePlayer *self)
{
  g_return_if_fail (LIMBER_IS_CUE_PLAYER (self));

  if (self->clock != NULL)
    limber_clock_clear (self->clock, &self->drain_timeout);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* "stopped" tells the tests the player is done: the stream ended whole, or a session that
   * had no sound was let go. A failed stream is not said to have stopped. */
  if (self->output != NULL)
    {
      if (backend->close (g_steal_pointer (&self->output)))
        log_line (self, "stopped");
    }
  else if (self->session != NULL)
    log_line (self, "stopped");

  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->cue_handler, self->session);
      g_clear_signal_handler (&self->state_handler, self->session);
      g_clear_object (&self->session);
    }
}

gboolean
limber_cue_player_is_playing (LimberCuePlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_CUE_PLAYER (self), FALSE);
  return self->output != NULL;
}
