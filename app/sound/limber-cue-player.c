/* limber-cue-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <stdio.h>

#include "limber-core-enums.h"
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
 * Without a sound device, or without espeak-ng data, the session goes on silently or with tones
 * only: the "problem" signal fires once, for the window to say so.
 *
 * LIMBER_AUDIO_SINK replaces autoaudiosink with any gst-launch description (the tests write a WAV
 * file); LIMBER_DEBUG_CUE_LOG names a file where every cue's boundary and timestamp are written,
 * for the tests to line up with the recording.
 */

#define RATE 48000
#define CUE_CAPS "audio/x-raw,format=S16LE,rate=48000,channels=1,layout=interleaved"
#define SPEECH_CAPS "audio/x-raw,format=S16LE,rate=22050,channels=1,layout=interleaved"
/* How late a cue may be pushed and still be mixed at its boundary. */
#define MIXER_LATENCY (30 * GST_MSECOND)
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

  GstElement           *pipeline;
  GstElement           *cue_src;
  GstElement           *speech_src;
  GstElement           *volume;
  guint                 bus_watch;
  guint                 drain_timeout;
  gboolean              failed;
  GstClockTime          cue_end;
  GstClockTime          speech_end;
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

/* Decoded once per process: samples at RATE, mono S16. */
static GBytes *sounds[N_SOUNDS];

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

static GBytes *
decode_sound (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_PATH "/sounds/%s.wav", name);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) src = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GByteArray) samples = g_byte_array_new ();
  GstSample *sample;

  stream = g_resources_open_stream (path, 0, error);
  if (stream == NULL)
    return NULL;

  pipeline = gst_parse_launch ("giostreamsrc name=src ! wavparse ! audioconvert ! audioresample ! "
                               "appsink name=sink sync=false caps=" CUE_CAPS, error);
  if (pipeline == NULL)
    return NULL;
  if (error != NULL && *error != NULL)
    return NULL;

  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (src, "stream", stream, NULL);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);

  while ((sample = gst_app_sink_pull_sample (GST_APP_SINK (sink))) != NULL)
    {
      GstBuffer *buffer = gst_sample_get_buffer (sample);
      GstMapInfo map;

      if (gst_buffer_map (buffer, &map, GST_MAP_READ))
        {
          g_byte_array_append (samples, map.data, map.size);
          gst_buffer_unmap (buffer, &map);
        }
      gst_sample_unref (sample);
    }

  bus = gst_element_get_bus (pipeline);
  message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (message != NULL)
    {
      gst_message_parse_error (message, error, NULL);
      return NULL;
    }

  if (samples->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s has no samples", path);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&samples));
}

static gboolean
ensure_sounds (GError **error)
{
  for (guint i = 0; i < N_SOUNDS; i++)
    {
      if (sounds[i] == NULL)
        {
          sounds[i] = decode_sound (sound_names[i], error);
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

static GstClockTime
running_time_now (LimberCuePlayer *self)
{
  g_autoptr(GstClock) clock = gst_element_get_clock (self->pipeline);

  if (clock == NULL)
    return 0;

  return gst_clock_get_time (clock) - gst_element_get_base_time (self->pipeline);
}

/* The pipeline's running time at a time of the app's clock. */
static GstClockTime
running_time_of (LimberCuePlayer *self,
                 gint64           monotonic_us)
{
  gint64 real_us = monotonic_us;
  GstClockTime base_time = gst_element_get_base_time (self->pipeline);

  if (LIMBER_IS_SYSTEM_CLOCK (self->clock))
    real_us = limber_system_clock_to_real_us (LIMBER_SYSTEM_CLOCK (self->clock), monotonic_us);

  if ((GstClockTime) real_us * GST_USECOND < base_time)
    return 0;
  return (GstClockTime) real_us * GST_USECOND - base_time;
}

static GstPadProbeReturn
first_buffer_probe (GstPad          *pad,
                    GstPadProbeInfo *info,
                    gpointer         user_data)
{
  LimberCuePlayer *self = user_data;
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);

  log_line (self, "first-sample %" G_GUINT64_FORMAT, GST_BUFFER_PTS (buffer));
  return GST_PAD_PROBE_REMOVE;
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  LimberCuePlayer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *debug = NULL;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      gst_message_parse_error (message, &error, &debug);
      g_debug ("Pipeline error: %s (%s)", error->message, debug);
      tell_sound_problem (self, error->message);
      self->bus_watch = 0;
      self->failed = TRUE;
      limber_cue_player_stop (self);
      return G_SOURCE_REMOVE;

    case GST_MESSAGE_WARNING:
      /* autoaudiosink warns, then plays into a fake sink, when there is no device. */
      gst_message_parse_warning (message, &error, &debug);
      g_debug ("Pipeline warning: %s (%s)", error->message, debug);
      tell_sound_problem (self, error->message);
      break;

    case GST_MESSAGE_EOS:
      self->bus_watch = 0;
      limber_cue_player_stop (self);
      return G_SOURCE_REMOVE;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
build_pipeline (LimberCuePlayer  *self,
                GError          **error)
{
  const char *sink = g_getenv ("LIMBER_AUDIO_SINK");
  g_autofree char *description = NULL;
  g_autoptr(GstCaps) cue_caps = gst_caps_from_string (CUE_CAPS);
  g_autoptr(GstCaps) speech_caps = gst_caps_from_string (SPEECH_CAPS);
  g_autoptr(GstElement) mixer = NULL;
  g_autoptr(GstPad) mixer_src = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstClock) system_clock = gst_system_clock_obtain ();
  GError *parse_error = NULL;

  if (sink == NULL || sink[0] == '\0')
    sink = "autoaudiosink";

  description = g_strdup_printf (
    "audiotestsrc is-live=true wave=silence samplesperbuffer=960 ! " CUE_CAPS " ! mix. "
    /* An appsrc reports no maximum latency unless told, which the mixer cannot work with. */
    "appsrc name=cues is-live=true format=time min-latency=0 max-latency=1000000000 ! mix. "
    "appsrc name=speech is-live=true format=time min-latency=0 max-latency=1000000000 ! "
    "audioresample ! " CUE_CAPS " ! mix. "
    "audiomixer name=mix latency=%" G_GUINT64_FORMAT " ! volume name=volume ! "
    "audioconvert ! audioresample ! %s",
    (guint64) MIXER_LATENCY, sink);

  /* gst_parse_launch can return a pipeline *and* an error (such as an unknown element). */
  self->pipeline = gst_parse_launch (description, &parse_error);
  if (parse_error != NULL)
    {
      g_propagate_prefixed_error (error, parse_error, _("the audio output “%s” is not usable: "),
                                  sink);
      g_clear_object (&self->pipeline);
      return FALSE;
    }

  gst_object_ref_sink (self->pipeline);
  gst_pipeline_use_clock (GST_PIPELINE (self->pipeline), system_clock);

  self->cue_src = gst_bin_get_by_name (GST_BIN (self->pipeline), "cues");
  self->speech_src = gst_bin_get_by_name (GST_BIN (self->pipeline), "speech");
  self->volume = gst_bin_get_by_name (GST_BIN (self->pipeline), "volume");
  g_object_set (self->cue_src, "caps", cue_caps, NULL);
  g_object_set (self->speech_src, "caps", speech_caps, NULL);
  g_settings_bind (self->settings, "volume", self->volume, "volume", G_SETTINGS_BIND_GET);

  mixer = gst_bin_get_by_name (GST_BIN (self->pipeline), "mix");
  mixer_src = gst_element_get_static_pad (mixer, "src");
  if (self->log != NULL)
    gst_pad_add_probe (mixer_src, GST_PAD_PROBE_TYPE_BUFFER, first_buffer_probe, self, NULL);

  bus = gst_element_get_bus (self->pipeline);
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message, self);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("the audio output “%s” could not start"), sink);
      limber_cue_player_stop (self);
      return FALSE;
    }

  log_line (self, "base-time %" G_GUINT64_FORMAT, gst_element_get_base_time (self->pipeline));
  return TRUE;
}

static void
push_samples (LimberCuePlayer *self,
              GstElement      *src,
              GBytes          *samples,
              int              rate,
              GstClockTime     pts)
{
  GstBuffer *buffer = gst_buffer_new_wrapped_bytes (samples);
  gsize n_samples = g_bytes_get_size (samples) / 2;

  GST_BUFFER_PTS (buffer) = pts;
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (n_samples, GST_SECOND, rate);
  gst_app_src_push_buffer (GST_APP_SRC (src), buffer);
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
  GstClockTime now, boundary, pts;
  gsize n_samples;

  if (self->pipeline == NULL)
    return;

  now = running_time_now (self);
  boundary = running_time_of (self, boundary_us);

  if (sound == SOUND_NONE || !g_settings_get_boolean (self->settings, "cue-sounds"))
    {
      log_line (self, "cue %s boundary=%" G_GUINT64_FORMAT " late=%" G_GINT64_FORMAT
                " sound=none", cue_nick (cue), boundary, (gint64) (now - boundary));
      return;
    }

  /* On the boundary if the mixer can still take it there; otherwise as soon as possible. */
  pts = boundary + MIXER_LATENCY - 5 * GST_MSECOND > now ? boundary : now;
  if (self->cue_end != GST_CLOCK_TIME_NONE && pts < self->cue_end)
    pts = self->cue_end;

  n_samples = g_bytes_get_size (sounds[sound]) / 2;
  self->cue_end = pts + gst_util_uint64_scale (n_samples, GST_SECOND, RATE);
  push_samples (self, self->cue_src, g_bytes_ref (sounds[sound]), RATE, pts);

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
  GstClockTime pts;

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

  if (self->pipeline == NULL)
    return;

  /* Sentences follow one another rather than overlap. */
  pts = running_time_now (self);
  if (self->speech_end != GST_CLOCK_TIME_NONE && pts < self->speech_end)
    pts = self->speech_end;
  self->speech_end = pts + gst_util_uint64_scale (g_bytes_get_size (samples) / 2, GST_SECOND,
                                                  LIMBER_VOICE_RATE);

  log_line (self, "speech pts=%" G_GUINT64_FORMAT " duration=%" G_GUINT64_FORMAT " voice=%s",
            pts, self->speech_end - pts, limber_voice_get_language (limber_voice_get_default ()));
  push_samples (self, self->speech_src, g_steal_pointer (&samples), LIMBER_VOICE_RATE, pts);
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

  if (self->pipeline == NULL || text == NULL || text[0] == '\0' ||
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
  self->cue_end = GST_CLOCK_TIME_NONE;
  self->speech_end = GST_CLOCK_TIME_NONE;

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
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LIMBER_IS_CUE_PLAYER (self));
  g_return_if_fail (LIMBER_IS_STRETCH_SESSION (session));

  limber_cue_player_stop (self);

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  self->session = g_object_ref (session);
  self->cue_handler = g_signal_connect (session, "cue", G_CALLBACK (on_cue), self);
  self->state_handler = g_signal_connect (session, "notify::state",
                                          G_CALLBACK (on_session_state), self);
  self->cancellable = g_cancellable_new ();
  self->cue_end = GST_CLOCK_TIME_NONE;
  self->speech_end = GST_CLOCK_TIME_NONE;

  if (!ensure_sounds (&error) || !build_pipeline (self, &error))
    tell_sound_problem (self, error->message);
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
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LIMBER_IS_CUE_PLAYER (self));

  limber_cue_player_stop (self);

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  self->cancellable = g_cancellable_new ();
  self->cue_end = GST_CLOCK_TIME_NONE;
  self->speech_end = GST_CLOCK_TIME_NONE;

  if (!ensure_sounds (&error) || !build_pipeline (self, &error))
    {
      tell_sound_problem (self, error->message);
      return;
    }

  play_sound (self, SOUND_DONE, LIMBER_CUE_SESSION_DONE, limber_clock_now_monotonic_us (self->clock));
  limber_cue_player_speak (self, text);
  /* Longer than after a session: the sentence is still being synthesised. */
  drain_in (self, 2 * DRAIN_SECONDS);
}

/* Ends the sound at once; the session, if any, is let go. */
void
limber_cue_player_stop (LimberCuePlayer *self)
{
  g_return_if_fail (LIMBER_IS_CUE_PLAYER (self));

  if (self->clock != NULL)
    limber_clock_clear (self->clock, &self->drain_timeout);
  g_clear_handle_id (&self->bus_watch, g_source_remove);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->pipeline != NULL && !self->failed)
    {
      g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);
      g_autoptr(GstMessage) eos = NULL;

      /* End the stream properly, so a file sink writes a complete file. */
      gst_element_send_event (self->pipeline, gst_event_new_eos ());
      eos = gst_bus_timed_pop_filtered (bus, GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      log_line (self, "stopped");
    }

  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  self->failed = FALSE;

  g_clear_object (&self->cue_src);
  g_clear_object (&self->speech_src);
  g_clear_object (&self->volume);
  g_clear_object (&self->pipeline);

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
  return self->pipeline != NULL;
}
