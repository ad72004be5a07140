/* limber-sound-gst.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>

#include "limber-voice.h"

#include "limber-sound-module.h"

/*
 * The GStreamer half of the cue player, built as a loadable module so that Limber loads
 * GStreamer's libraries the first time it plays a sound rather than at every start. See
 * limber-cue-player.c for what the pipeline is for; this file only builds it and feeds it.
 *
 * One pipeline per session: a silent live source keeps an audiomixer running, and cue sounds and
 * speech are pushed into it through two appsrcs with timestamps on the pipeline's running time.
 * The pipeline runs on the system clock, which is CLOCK_MONOTONIC like the app's clock.
 */

#define CUE_CAPS "audio/x-raw,format=S16LE,rate=48000,channels=1,layout=interleaved"
#define SPEECH_CAPS "audio/x-raw,format=S16LE,rate=22050,channels=1,layout=interleaved"

G_STATIC_ASSERT (LIMBER_SOUND_RATE == 48000);
G_STATIC_ASSERT (LIMBER_VOICE_RATE == 22050);

struct _LimberSoundOutput
{
  GstElement           *pipeline;
  GstElement           *cue_src;
  GstElement           *speech_src;
  GstElement           *volume;
  guint                 bus_watch;
  gboolean              failed;
  LimberSoundEventFunc  func;
  gpointer              user_data;
};

static void
ensure_gst (void)
{
  if (!gst_is_initialized ())
    gst_init (NULL, NULL);
}

static GBytes *
sound_decode (const char  *path,
              GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) src = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GByteArray) samples = g_byte_array_new ();
  GstSample *sample;

  ensure_gst ();

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

static GstPadProbeReturn
first_buffer_probe (GstPad          *pad,
                    GstPadProbeInfo *info,
                    gpointer         user_data)
{
  LimberSoundOutput *output = user_data;
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);

  output->func (LIMBER_SOUND_EVENT_FIRST_SAMPLE, NULL, GST_BUFFER_PTS (buffer), output->user_data);
  return GST_PAD_PROBE_REMOVE;
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  LimberSoundOutput *output = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *debug = NULL;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      gst_message_parse_error (message, &error, &debug);
      g_debug ("Pipeline error: %s (%s)", error->message, debug);
      output->bus_watch = 0;
      output->failed = TRUE;
      /* The player closes @output from here: touch it no more. */
      output->func (LIMBER_SOUND_EVENT_ERROR, error->message, 0, output->user_data);
      return G_SOURCE_REMOVE;

    case GST_MESSAGE_WARNING:
      /* autoaudiosink warns, then plays into a fake sink, when there is no device. */
      gst_message_parse_warning (message, &error, &debug);
      g_debug ("Pipeline warning: %s (%s)", error->message, debug);
      output->func (LIMBER_SOUND_EVENT_WARNING, error->message, 0, output->user_data);
      break;

    case GST_MESSAGE_EOS:
      output->bus_watch = 0;
      output->func (LIMBER_SOUND_EVENT_EOS, NULL, 0, output->user_data);
      return G_SOURCE_REMOVE;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
sound_close (LimberSoundOutput *output)
{
  gboolean drained = FALSE;

  g_clear_handle_id (&output->bus_watch, g_source_remove);

  if (output->pipeline != NULL && !output->failed)
    {
      g_autoptr(GstBus) bus = gst_element_get_bus (output->pipeline);
      g_autoptr(GstMessage) eos = NULL;

      /* End the stream properly, so a file sink writes a complete file. */
      gst_element_send_event (output->pipeline, gst_event_new_eos ());
      eos = gst_bus_timed_pop_filtered (bus, GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
      drained = TRUE;
    }

  if (output->pipeline != NULL)
    gst_element_set_state (output->pipeline, GST_STATE_NULL);

  g_clear_object (&output->cue_src);
  g_clear_object (&output->speech_src);
  g_clear_object (&output->volume);
  g_clear_object (&output->pipeline);
  g_free (output);

  return drained;
}

/* GSettings' range check lets NaN through (it compares as neither below 0 nor above 1), which
 * the volume element would refuse with a warning. Refusing it here makes GSettings use the
 * default. */
static gboolean
map_volume (GValue   *value,
            GVariant *variant,
            gpointer  user_data)
{
  double volume = g_variant_get_double (variant);

  if (!(volume >= 0.0 && volume <= 1.0))
    return FALSE;

  g_value_set_double (value, volume);
  return TRUE;
}

static LimberSoundOutput *
sound_open (const char            *sink,
            GSettings             *settings,
            gboolean               report_first_sample,
            LimberSoundEventFunc   func,
            gpointer               user_data,
            GError               **error)
{
  g_autofree char *description = NULL;
  g_autoptr(GstCaps) cue_caps = NULL;
  g_autoptr(GstCaps) speech_caps = NULL;
  g_autoptr(GstElement) mixer = NULL;
  g_autoptr(GstPad) mixer_src = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstClock) system_clock = NULL;
  GError *parse_error = NULL;
  LimberSoundOutput *output;

  ensure_gst ();

  description = g_strdup_printf (
    "audiotestsrc is-live=true wave=silence samplesperbuffer=960 ! " CUE_CAPS " ! mix. "
    /* An appsrc reports no maximum latency unless told, which the mixer cannot work with. */
    "appsrc name=cues is-live=true format=time min-latency=0 max-latency=1000000000 ! mix. "
    "appsrc name=speech is-live=true format=time min-latency=0 max-latency=1000000000 ! "
    "audioresample ! " CUE_CAPS " ! mix. "
    /* The mix in the cues' own format: left to itself the mixer may settle on another (F32)
     * when it negotiates before its inputs have caps, and a WAV sink then writes floats. */
    "audiomixer name=mix latency=%" G_GUINT64_FORMAT " ! " CUE_CAPS " ! volume name=volume ! "
    "audioconvert ! audioresample ! %s",
    (guint64) LIMBER_SOUND_MIXER_LATENCY, sink);

  output = g_new0 (LimberSoundOutput, 1);
  output->func = func;
  output->user_data = user_data;

  /* gst_parse_launch can return a pipeline *and* an error (such as an unknown element). */
  output->pipeline = gst_parse_launch (description, &parse_error);
  if (parse_error != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, parse_error->message);
      g_error_free (parse_error);
      output->failed = TRUE;
      sound_close (output);
      return NULL;
    }

  gst_object_ref_sink (output->pipeline);
  system_clock = gst_system_clock_obtain ();
  gst_pipeline_use_clock (GST_PIPELINE (output->pipeline), system_clock);

  cue_caps = gst_caps_from_string (CUE_CAPS);
  speech_caps = gst_caps_from_string (SPEECH_CAPS);
  output->cue_src = gst_bin_get_by_name (GST_BIN (output->pipeline), "cues");
  output->speech_src = gst_bin_get_by_name (GST_BIN (output->pipeline), "speech");
  output->volume = gst_bin_get_by_name (GST_BIN (output->pipeline), "volume");
  g_object_set (output->cue_src, "caps", cue_caps, NULL);
  g_object_set (output->speech_src, "caps", speech_caps, NULL);
  g_settings_bind_with_mapping (settings, "volume", output->volume, "volume", G_SETTINGS_BIND_GET,
                                map_volume, NULL, NULL, NULL);

  mixer = gst_bin_get_by_name (GST_BIN (output->pipeline), "mix");
  mixer_src = gst_element_get_static_pad (mixer, "src");
  if (report_first_sample)
    gst_pad_add_probe (mixer_src, GST_PAD_PROBE_TYPE_BUFFER, first_buffer_probe, output, NULL);

  bus = gst_element_get_bus (output->pipeline);
  output->bus_watch = gst_bus_add_watch (bus, on_bus_message, output);

  if (gst_element_set_state (output->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the pipeline did not start");
      sound_close (output);
      return NULL;
    }

  return output;
}

static guint64
sound_base_time (LimberSoundOutput *output)
{
  return gst_element_get_base_time (output->pipeline);
}

static guint64
sound_running_time (LimberSoundOutput *output)
{
  g_autoptr(GstClock) clock = gst_element_get_clock (output->pipeline);

  if (clock == NULL)
    return 0;

  return gst_clock_get_time (clock) - gst_element_get_base_time (output->pipeline);
}

static void
push_samples (GstElement *src,
              GBytes     *samples,
              int         rate,
              guint64     pts)
{
  GstBuffer *buffer = gst_buffer_new_wrapped_bytes (samples);
  gsize n_samples = g_bytes_get_size (samples) / 2;

  GST_BUFFER_PTS (buffer) = pts;
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (n_samples, GST_SECOND, rate);
  gst_app_src_push_buffer (GST_APP_SRC (src), buffer);
  g_bytes_unref (samples);
}

static void
sound_push_cue (LimberSoundOutput *output,
                GBytes            *samples,
                guint64            pts)
{
  push_samples (output->cue_src, samples, LIMBER_SOUND_RATE, pts);
}

static void
sound_push_speech (LimberSoundOutput *output,
                   GBytes            *samples,
                   guint64            pts)
{
  push_samples (output->speech_src, samples, LIMBER_VOICE_RATE, pts);
}

G_MODULE_EXPORT const LimberSoundModule *limber_sound_module_get (void);

const LimberSoundModule *
limber_sound_module_get (void)
{
  static const LimberSoundModule module = {
    .abi = LIMBER_SOUND_MODULE_ABI,
    .decode = sound_decode,
    .open = sound_open,
    .base_time = sound_base_time,
    .running_time = sound_running_time,
    .push_cue = sound_push_cue,
    .push_speech = sound_push_speech,
    .close = sound_close,
  };

  return &module;
}
