/* limber-voice.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* libespeak-ng's output: mono, signed 16-bit, at this rate. */
#define LIMBER_VOICE_RATE 22050

#define LIMBER_TYPE_VOICE (limber_voice_get_type ())
G_DECLARE_FINAL_TYPE (LimberVoice, limber_voice, LIMBER, VOICE, GObject)

LimberVoice *limber_voice_get_default      (void);
const char  *limber_voice_get_language     (LimberVoice          *self);
const char  *limber_voice_get_notice       (LimberVoice          *self);
void         limber_voice_prepare          (LimberVoice          *self);
void         limber_voice_speak_async      (LimberVoice          *self,
                                            const char           *text,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GBytes      *limber_voice_speak_finish     (LimberVoice          *self,
                                            GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
