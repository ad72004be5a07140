/* limber-illustration.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_ILLUSTRATION (limber_illustration_get_type ())
G_DECLARE_FINAL_TYPE (LimberIllustration, limber_illustration, LIMBER, ILLUSTRATION, GtkWidget)

GtkWidget  *limber_illustration_new          (void);
void        limber_illustration_set_name     (LimberIllustration *self,
                                              const char         *name);
const char *limber_illustration_get_name     (LimberIllustration *self);
void        limber_illustration_set_mirrored (LimberIllustration *self,
                                              gboolean            mirrored);
gboolean    limber_illustration_get_mirrored (LimberIllustration *self);

G_END_DECLS
