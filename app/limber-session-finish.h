/* limber-session-finish.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-journal.h"
#include "limber-pain-scale.h"
#include "limber-session-record.h"
#include "limber-stretch-session.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SESSION_FINISH (limber_session_finish_get_type ())
G_DECLARE_FINAL_TYPE (LimberSessionFinish, limber_session_finish, LIMBER, SESSION_FINISH, AdwBin)

void             limber_session_finish_show           (LimberSessionFinish  *self,
                                                       LimberStretchSession *session,
                                                       LimberSessionRecord  *record,
                                                       LimberJournal        *journal);
void             limber_session_finish_clear          (LimberSessionFinish  *self);
LimberPainScale *limber_session_finish_get_pain_scale (LimberSessionFinish  *self);

G_END_DECLS
