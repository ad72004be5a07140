/* limber-mpris-player.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "limber-stretch-session.h"

G_BEGIN_DECLS

#define LIMBER_MPRIS_BUS_NAME "org.mpris.MediaPlayer2.Limber"

#define LIMBER_TYPE_MPRIS_PLAYER (limber_mpris_player_get_type ())
G_DECLARE_FINAL_TYPE (LimberMprisPlayer, limber_mpris_player, LIMBER, MPRIS_PLAYER, GObject)

LimberMprisPlayer *limber_mpris_player_new      (LimberStretchSession *session);
gboolean           limber_mpris_player_is_owned (LimberMprisPlayer    *self);

G_END_DECLS
