/* limber-editor-step.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-exercise.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_EDITOR_STEP (limber_editor_step_get_type ())
G_DECLARE_FINAL_TYPE (LimberEditorStep, limber_editor_step, LIMBER, EDITOR_STEP, AdwPreferencesGroup)

LimberEditorStep *limber_editor_step_new           (LimberExercise     *exercise,
                                                    const LimberTiming *timing);
LimberExercise   *limber_editor_step_get_exercise  (LimberEditorStep   *self);
void              limber_editor_step_set_position  (LimberEditorStep   *self,
                                                    guint               index,
                                                    guint               n_steps);
void              limber_editor_step_focus_button  (LimberEditorStep   *self,
                                                    int                 delta);
void              limber_editor_step_write         (LimberEditorStep   *self,
                                                    guint               index,
                                                    GHashTable         *skip,
                                                    GString            *out);
void              limber_editor_step_commit        (LimberEditorStep   *self);
GtkWidget        *limber_editor_step_get_field     (LimberEditorStep   *self,
                                                    const char         *member,
                                                    int                 element);
const char       *limber_editor_step_get_field_title (LimberEditorStep *self,
                                                    const char         *member,
                                                    int                 element);
void              limber_editor_step_clear_errors  (LimberEditorStep   *self);
gboolean          limber_editor_step_show_error    (LimberEditorStep   *self,
                                                    const char         *member,
                                                    int                 element,
                                                    const char         *message);

G_END_DECLS
