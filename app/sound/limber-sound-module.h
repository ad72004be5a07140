/* limber-sound-module.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * What the loadable sound module (limber-sound-gst.c, built as limber-sound-gst.so) offers the
 * cue player: a table of functions around one GStreamer pipeline. GStreamer and its libraries
 * are loaded with the module the first time sound is needed, not when Limber starts. Nothing here
 * names a GStreamer type, so the program includes this header without GStreamer's; times are
 * nanoseconds on the pipeline's running time, like GstClockTime.
 *
 * The module links only GLib and GStreamer, never Limber's own code: it sees none of the
 * program's symbols.
 */

/* Raised whenever the table changes, so a module of another build is refused, not misused. */
#define LIMBER_SOUND_MODULE_ABI 1

/* The one symbol the module exports. */
#define LIMBER_SOUND_MODULE_SYMBOL "limber_sound_module_get"
#define LIMBER_SOUND_MODULE_NAME "limber-sound-gst.so"

#define LIMBER_SOUND_TIME_NONE G_MAXUINT64

/* Cue sounds: mono S16 at this rate. Speech comes at LIMBER_VOICE_RATE. */
#define LIMBER_SOUND_RATE 48000
/* How late a cue may be pushed and still be mixed at its time: the mixer's latency, in ns. */
#define LIMBER_SOUND_MIXER_LATENCY (30 * G_GUINT64_CONSTANT (1000000))

typedef struct _LimberSoundOutput LimberSoundOutput;

typedef enum
{
  LIMBER_SOUND_EVENT_WARNING,      /* the output plays on, perhaps into nothing; @message says why */
  LIMBER_SOUND_EVENT_ERROR,        /* the output failed: close it */
  LIMBER_SOUND_EVENT_EOS,          /* the output ended by itself: close it */
  LIMBER_SOUND_EVENT_FIRST_SAMPLE, /* @time: when the first sample was mixed; streaming thread */
} LimberSoundEvent;

typedef void (*LimberSoundEventFunc) (LimberSoundEvent  event,
                                      const char       *message,
                                      guint64           time,
                                      gpointer          user_data);

typedef struct
{
  guint                abi;

  /* A WAV file of the program's GResource, as mono S16 at LIMBER_SOUND_RATE. */
  GBytes            *(*decode)       (const char            *resource_path,
                                      GError               **error);
  /* Starts a pipeline playing silence into @sink (a gst-launch description), its volume bound
   * to @settings' "volume". Errors: G_IO_ERROR_INVALID_ARGUMENT when @sink does not parse,
   * G_IO_ERROR_FAILED when it does not start. @func gets the bus's news on the main context. */
  LimberSoundOutput *(*open)         (const char            *sink,
                                      GSettings             *settings,
                                      gboolean               report_first_sample,
                                      LimberSoundEventFunc   func,
                                      gpointer               user_data,
                                      GError               **error);
  guint64            (*base_time)    (LimberSoundOutput     *output);
  guint64            (*running_time) (LimberSoundOutput     *output);
  /* Takes @samples (cue sounds at LIMBER_SOUND_RATE, speech at LIMBER_VOICE_RATE) to play at
   * @pts. */
  void               (*push_cue)     (LimberSoundOutput     *output,
                                      GBytes                *samples,
                                      guint64                pts);
  void               (*push_speech)  (LimberSoundOutput     *output,
                                      GBytes                *samples,
                                      guint64                pts);
  /* Ends the stream (so a file sink writes a whole file) unless it failed, and frees @output.
   * Returns: whether the stream was ended cleanly. */
  gboolean           (*close)        (LimberSoundOutput     *output);
} LimberSoundModule;

typedef const LimberSoundModule *(*LimberSoundModuleGetFunc) (void);

G_END_DECLS
