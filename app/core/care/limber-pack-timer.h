/* limber-pack-timer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "limber-clock.h"
#include "limber-journal.h"

G_BEGIN_DECLS

/* Never longer than this on the skin: cold and heat both harm past 20 minutes. */
#define LIMBER_PACK_MAX_US ((gint64) 20 * 60 * G_USEC_PER_SEC)
#define LIMBER_PACK_MIN_US ((gint64) 60 * G_USEC_PER_SEC)

#define LIMBER_TYPE_PACK_TIMER (limber_pack_timer_get_type ())
G_DECLARE_FINAL_TYPE (LimberPackTimer, limber_pack_timer, LIMBER, PACK_TIMER, GObject)

LimberPackTimer *limber_pack_timer_new            (LimberClock      *clock,
                                                   LimberJournal    *journal);
gint64           limber_pack_timer_start          (LimberPackTimer  *self,
                                                   LimberPackKind    kind,
                                                   gint64            duration_us);
void             limber_pack_timer_stop           (LimberPackTimer  *self);
gboolean         limber_pack_timer_get_running    (LimberPackTimer  *self);
LimberPackKind   limber_pack_timer_get_kind       (LimberPackTimer  *self);
gint64           limber_pack_timer_get_duration_us (LimberPackTimer *self);
gint64           limber_pack_timer_get_remaining_us (LimberPackTimer *self);
gint64           limber_pack_timer_clamp          (gint64            duration_us);

G_END_DECLS
