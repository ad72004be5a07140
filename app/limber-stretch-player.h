/* limber-stretch-player.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-clock.h"
#include "limber-countdown.h"
#include "limber-figure.h"
#include "limber-journal.h"
#include "limber-pain-scale.h"
#include "limber-routine.h"
#include "limber-session-finish.h"
#include "limber-session-record.h"
#include "limber-stretch-session.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_STRETCH_PLAYER (limber_stretch_player_get_type ())
G_DECLARE_FINAL_TYPE (LimberStretchPlayer, limber_stretch_player, LIMBER, STRETCH_PLAYER, AdwBin)

LimberStretchPlayer  *limber_stretch_player_new             (LimberClock         *clock,
                                                             LimberJournal       *journal);
void                  limber_stretch_player_start           (LimberStretchPlayer *self,
                                                             LimberRoutine       *routine);
LimberStretchSession *limber_stretch_player_get_session     (LimberStretchPlayer *self);
LimberSessionRecord  *limber_stretch_player_get_record      (LimberStretchPlayer *self);
gboolean              limber_stretch_player_get_inhibiting  (LimberStretchPlayer *self);
LimberCountdown      *limber_stretch_player_get_countdown   (LimberStretchPlayer *self);
LimberFigure         *limber_stretch_player_get_figure      (LimberStretchPlayer *self);
const char           *limber_stretch_player_get_screen      (LimberStretchPlayer *self);
const char           *limber_stretch_player_get_said        (LimberStretchPlayer *self);
LimberPainScale      *limber_stretch_player_get_pain_before_scale (LimberStretchPlayer *self);
LimberSessionFinish  *limber_stretch_player_get_finish      (LimberStretchPlayer *self);

G_END_DECLS
