/* limber-session-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-clock.h"
#include "limber-countdown.h"
#include "limber-figure.h"
#include "limber-pain-scale.h"
#include "limber-stretch-session.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SESSION_VIEW (limber_session_view_get_type ())
G_DECLARE_FINAL_TYPE (LimberSessionView, limber_session_view, LIMBER, SESSION_VIEW, AdwBin)

void             limber_session_view_set_session           (LimberSessionView    *self,
                                                            LimberStretchSession *session,
                                                            LimberClock          *clock);
void             limber_session_view_update                (LimberSessionView    *self);
void             limber_session_view_stop                  (LimberSessionView    *self);
void             limber_session_view_show_problem          (LimberSessionView    *self,
                                                            const char           *message);
void             limber_session_view_grab_focus            (LimberSessionView    *self);
LimberCountdown *limber_session_view_get_countdown         (LimberSessionView    *self);
LimberFigure    *limber_session_view_get_figure            (LimberSessionView    *self);
LimberPainScale *limber_session_view_get_pain_before_scale (LimberSessionView    *self);

G_END_DECLS
