/* limber-routine-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-routine.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ROUTINE_CARD (limber_routine_card_get_type ())
G_DECLARE_FINAL_TYPE (LimberRoutineCard, limber_routine_card, LIMBER, ROUTINE_CARD, AdwBin)

/* A routine card shows this many still figures at most; more are counted as "+N". */
#define LIMBER_ROUTINE_CARD_MAX_FIGURES 5

GtkWidget     *limber_routine_card_new         (LimberRoutine     *routine,
                                                gint64             plank_hold_us,
                                                gboolean           suggested,
                                                gboolean           in_episode);
LimberRoutine *limber_routine_card_get_routine (LimberRoutineCard *self);
GtkWidget     *limber_routine_card_get_strip   (LimberRoutineCard *self);

G_END_DECLS
