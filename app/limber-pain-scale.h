/* limber-pain-scale.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_PAIN_SCALE (limber_pain_scale_get_type ())
G_DECLARE_FINAL_TYPE (LimberPainScale, limber_pain_scale, LIMBER, PAIN_SCALE, GtkWidget)

GtkWidget       *limber_pain_scale_new        (void);
int              limber_pain_scale_get_value  (LimberPainScale *self);
void             limber_pain_scale_set_value  (LimberPainScale *self,
                                               int              value);
GtkToggleButton *limber_pain_scale_get_button (LimberPainScale *self,
                                               int              value);

G_END_DECLS
