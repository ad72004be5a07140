/* limber-cue-player.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "limber-clock.h"
#include "limber-stretch-session.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_CUE_PLAYER (limber_cue_player_get_type ())
G_DECLARE_FINAL_TYPE (LimberCuePlayer, limber_cue_player, LIMBER, CUE_PLAYER, GObject)

LimberCuePlayer *limber_cue_player_new          (LimberClock          *clock);
void             limber_cue_player_follow       (LimberCuePlayer      *self,
                                                 LimberStretchSession *session);
void             limber_cue_player_stop         (LimberCuePlayer      *self);
gboolean         limber_cue_player_is_playing   (LimberCuePlayer      *self);
void             limber_cue_player_speak        (LimberCuePlayer      *self,
                                                 const char           *text);
void             limber_cue_player_announce     (LimberCuePlayer      *self,
                                                 const char           *text);
void             limber_cue_player_say          (LimberCuePlayer      *self,
                                                 const char           *text);

G_END_DECLS
