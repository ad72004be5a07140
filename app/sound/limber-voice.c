/* limber-voice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <espeak-ng/speak_lib.h>
#include <glib/gi18n.h>
#include <gmodule.h>

#include "limber-error.h"

#include "limber-voice.h"

/*
 * Spoken guidance with libespeak-ng. espeak-ng keeps global state and is not thread-safe, so all
 * of it runs on one worker thread, one sentence at a time; the result is raw samples that the cue
 * player mixes into its pipeline. Nothing here plays sound itself.
 */

struct _LimberVoice
{
  GObject      parent_instance;

  GThreadPool *pool;
  char        *language;

  /* Touched only on the worker thread. */
  gboolean     initialized;
  char        *init_error;
  char        *notice;     /* read on the main thread once a sentence is back */
  GByteArray  *samples;
};

G_DEFINE_FINAL_TYPE (LimberVoice, limber_voice, G_TYPE_OBJECT)

/* libespeak-ng and the twenty libraries it brings (sound files, codecs, PulseAudio) are
 * loaded the first time something is spoken, not when Limber starts: most starts speak nothing.
 * These are the few functions Limber calls. */
static struct
{
  int          (*initialize)         (espeak_AUDIO_OUTPUT, int, const char *, int);
  espeak_ERROR (*set_voice_by_name)  (const char *);
  void         (*set_synth_callback) (t_espeak_callback *);
  espeak_ERROR (*set_parameter)      (espeak_PARAMETER, int, int);
  espeak_ERROR (*synth)              (const void *, size_t, unsigned int, espeak_POSITION_TYPE,
                                      unsigned int, unsigned int, unsigned int *, void *);
} espeak;

/* Digits are in every language's dictionary; a voice that has its own says them in well over a
 * second. Without the dictionary espeak-ng reports success and gives a few milliseconds of
 * silence (154 samples in espeak-ng 1.51). */
#define PROBE_TEXT "1 2 3"
#define PROBE_MIN_SAMPLES (LIMBER_VOICE_RATE / 4)

/* Returns: %NULL once the library is loaded, or why it could not be (to be freed) */
static char *
load_espeak (void)
{
  static const char * const names[] = { "libespeak-ng.so.1", "libespeak-ng.so" };
  GModule *module = NULL;

  for (guint i = 0; module == NULL && i < G_N_ELEMENTS (names); i++)
    module = g_module_open (names[i], G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    return g_strdup (g_module_error ());

  if (!g_module_symbol (module, "espeak_Initialize", (gpointer *) &espeak.initialize) ||
      !g_module_symbol (module, "espeak_SetVoiceByName", (gpointer *) &espeak.set_voice_by_name) ||
      !g_module_symbol (module, "espeak_SetSynthCallback",
                        (gpointer *) &espeak.set_synth_callback) ||
      !g_module_symbol (module, "espeak_SetParameter", (gpointer *) &espeak.set_parameter) ||
      !g_module_symbol (module, "espeak_Synth", (gpointer *) &espeak.synth))
    {
      char *why = g_strdup (g_module_error ());

      g_module_close (module);
      return why;
    }

  /* Kept for the life of the process: espeak-ng keeps global state. */
  g_module_make_resident (module);
  return NULL;
}

static int
synth_cb (short        *wav,
          int           n_samples,
          espeak_EVENT *events)
{
  LimberVoice *self = events != NULL ? events->user_data : NULL;

  if (self != NULL && wav != NULL && n_samples > 0)
    g_byte_array_append (self->samples, (const guint8 *) wav, n_samples * sizeof (short));

  return 0;
}

/* Whether the voice set last says something: its language's data can be incomplete. */
static gboolean
voice_speaks (LimberVoice *self)
{
  gboolean speaks;

  self->samples = g_byte_array_new ();
  speaks = espeak.synth (PROBE_TEXT, sizeof PROBE_TEXT, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                         NULL, self) == EE_OK &&
           self->samples->len / sizeof (short) >= PROBE_MIN_SAMPLES;
  g_clear_pointer (&self->samples, g_byte_array_unref);

  return speaks;
}

static gboolean
ensure_initialized (LimberVoice  *self,
                    GError      **error)
{
  if (!self->initialized)
    {
      int rate;

      self->initialized = TRUE;

      g_autofree char *why = load_espeak ();

      if (why != NULL)
        {
          g_message ("libespeak-ng did not load: %s", why);
          rate = -1;
        }
      else
        /* DONT_EXIT: without it espeak-ng calls exit() when its data files are missing. */
        rate = espeak.initialize (AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT);
      if (rate != LIMBER_VOICE_RATE)
        {
          self->init_error = g_strdup (_("The speech synthesizer espeak-ng could not start; "
                                         "is the espeak-ng-data package installed?"));
        }
      else
        {
          gboolean own = espeak.set_voice_by_name (self->language) == EE_OK;
          gboolean speaks;

          espeak.set_synth_callback (synth_cb);
          /* A little slower than normal: the listener is concentrating on their body. */
          espeak.set_parameter (espeakRATE, 160, 0);
          speaks = own && voice_speaks (self);

          /* No voice for the language, or one that says nothing: English guidance rather
           * than none, and said so. */
          if (!speaks && !g_str_equal (self->language, "en") &&
              espeak.set_voice_by_name ("en") == EE_OK && voice_speaks (self))
            {
              if (own)
                self->notice = g_strdup_printf (_("espeak-ng’s data for “%s” is incomplete, so "
                                                  "the guidance is spoken in English"),
                                                self->language);
              else
                self->notice = g_strdup_printf (_("espeak-ng has no voice for “%s”, so the "
                                                  "guidance is spoken in English"),
                                                self->language);
              g_free (self->language);
              self->language = g_strdup ("en");
              speaks = TRUE;
            }
          if (!speaks && !own)
            self->init_error = g_strdup_printf (_("espeak-ng has no voice for “%s”"),
                                                self->language);
          else if (!speaks)
            self->init_error = g_strdup_printf (_("espeak-ng’s data for “%s” is incomplete: it "
                                                  "speaks nothing"), self->language);
        }
    }

  if (self->init_error != NULL)
    {
      g_set_error_literal (error, LIMBER_ERROR, LIMBER_ERROR_NOT_FOUND, self->init_error);
      return FALSE;
    }

  return TRUE;
}

static void
speak_in_thread (gpointer data,
                 gpointer user_data)
{
  g_autoptr(GTask) task = data;
  LimberVoice *self = user_data;
  const char *text = g_task_get_task_data (task);
  GError *error = NULL;
  espeak_ERROR result;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!ensure_initialized (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* limber_voice_prepare(): loading and starting espeak-ng was all there was to do. */
  if (text == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  self->samples = g_byte_array_new ();
  result = espeak.synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                         espeakCHARS_UTF8, NULL, self);
  if (result != EE_OK)
    {
      g_clear_pointer (&self->samples, g_byte_array_unref);
      g_task_return_new_error (task, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE,
                               _("espeak-ng could not speak “%s” (error %d)"), text, result);
      return;
    }

  g_task_return_pointer (task, g_byte_array_free_to_bytes (g_steal_pointer (&self->samples)),
                         (GDestroyNotify) g_bytes_unref);
}

static void
limber_voice_finalize (GObject *object)
{
  LimberVoice *self = LIMBER_VOICE (object);

  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_free (self->language);
  g_free (self->init_error);
  g_free (self->notice);

  G_OBJECT_CLASS (limber_voice_parent_class)->finalize (object);
}

static void
limber_voice_class_init (LimberVoiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_voice_finalize;
}

static void
limber_voice_init (LimberVoice *self)
{
  /* Translators: the espeak-ng voice that reads the guidance in your language, as listed by
   * "espeak-ng --voices" (for example "pt-br" or "de"). Keep "en" if there is none. */
  self->language = g_strdup (_("en"));
  self->pool = g_thread_pool_new (speak_in_thread, self, 1, TRUE, NULL);
}

/**
 * limber_voice_get_notice:
 *
 * Call once a sentence has been spoken (limber_voice_speak_finish() returned it).
 *
 * Returns: (nullable): what the user should know about the voice, such as that their language
 *   has none and English is used, or %NULL
 */
const char *
limber_voice_get_notice (LimberVoice *self)
{
  g_return_val_if_fail (LIMBER_IS_VOICE (self), NULL);
  return self->notice;
}

/**
 * limber_voice_get_default:
 *
 * Returns: (transfer none): the one voice of the process; espeak-ng allows no more
 */
LimberVoice *
limber_voice_get_default (void)
{
  static LimberVoice *voice;

  if (g_once_init_enter (&voice))
    g_once_init_leave (&voice, g_object_new (LIMBER_TYPE_VOICE, NULL));

  return voice;
}

/* The espeak-ng voice used, chosen by the translation in use. */
const char *
limber_voice_get_language (LimberVoice *self)
{
  g_return_val_if_fail (LIMBER_IS_VOICE (self), NULL);
  return self->language;
}

/**
 * limber_voice_speak_async:
 *
 * Synthesizes @text on the voice's thread. Sentences are spoken in the order they are given.
 */
void
limber_voice_speak_async (LimberVoice         *self,
                          const char          *text,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (LIMBER_IS_VOICE (self));
  g_return_if_fail (text != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, limber_voice_speak_async);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_thread_pool_push (self->pool, task, NULL);
}

/**
 * limber_voice_prepare:
 *
 * Loads and starts espeak-ng on the voice's worker thread now, so that the first sentence of a
 * session is not kept waiting for it. Called when the Stretch page is first shown: Limber's
 * start-up does not pay for the voice, and whoever opens the page is about to need it.
 */
void
limber_voice_prepare (LimberVoice *self)
{
  GTask *task;

  g_return_if_fail (LIMBER_IS_VOICE (self));

  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_source_tag (task, limber_voice_prepare);
  g_thread_pool_push (self->pool, task, NULL);
}

/**
 * limber_voice_speak_finish:
 *
 * Returns: (transfer full): mono S16 samples at %LIMBER_VOICE_RATE in native byte order
 */
GBytes *
limber_voice_speak_finish (LimberVoice   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
