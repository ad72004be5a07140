/* limber-countdown.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_COUNTDOWN (limber_countdown_get_type ())
G_DECLARE_FINAL_TYPE (LimberCountdown, limber_countdown, LIMBER, COUNTDOWN, GtkWidget)

GtkWidget  *limber_countdown_new          (void);
void        limber_countdown_set_time     (LimberCountdown *self,
                                           gint64           remaining_us,
                                           gint64           duration_us);
const char *limber_countdown_get_text     (LimberCountdown *self);
void        limber_countdown_set_caption  (LimberCountdown *self,
                                           const char      *caption);
const char *limber_countdown_get_caption  (LimberCountdown *self);
double      limber_countdown_get_fraction (LimberCountdown *self);
void        limber_countdown_set_dimmed   (LimberCountdown *self,
                                           gboolean         dimmed);
gboolean    limber_countdown_get_dimmed   (LimberCountdown *self);

G_END_DECLS
