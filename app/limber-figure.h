/* limber-figure.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "limber-pose.h"
#include "limber-routine.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_FIGURE (limber_figure_get_type ())
G_DECLARE_FINAL_TYPE (LimberFigure, limber_figure, LIMBER, FIGURE, GtkWidget)

GtkWidget        *limber_figure_new            (void);
void              limber_figure_set_exercise   (LimberFigure      *self,
                                                const char        *exercise);
const char       *limber_figure_get_exercise   (LimberFigure      *self);
void              limber_figure_set_mirrored   (LimberFigure      *self,
                                                gboolean           mirrored);
gboolean          limber_figure_get_mirrored   (LimberFigure      *self);
void              limber_figure_set_dimmed     (LimberFigure      *self,
                                                gboolean           dimmed);
gboolean          limber_figure_get_dimmed     (LimberFigure      *self);
void              limber_figure_show_preview   (LimberFigure      *self);
gboolean          limber_figure_show_phase     (LimberFigure      *self,
                                                const LimberPhase *phase,
                                                gint64             elapsed_us);
gboolean          limber_figure_get_animates   (LimberFigure      *self);
gboolean          limber_figure_write_png      (const char        *exercise,
                                                const char        *path,
                                                int                size,
                                                GError           **error);
const LimberPose *limber_figure_get_pose       (LimberFigure      *self);

G_END_DECLS
