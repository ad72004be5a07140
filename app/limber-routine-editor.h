/* limber-routine-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-catalog.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ROUTINE_EDITOR (limber_routine_editor_get_type ())
G_DECLARE_FINAL_TYPE (LimberRoutineEditor, limber_routine_editor, LIMBER, ROUTINE_EDITOR, AdwWindow)

LimberRoutineEditor *limber_routine_editor_new        (LimberCatalog       *catalog,
                                                       LimberRoutine       *routine,
                                                       gboolean             duplicate,
                                                       gint64               plank_hold_us);
void                 limber_routine_editor_add_step   (LimberRoutineEditor *self,
                                                       const char          *exercise_id);
void                 limber_routine_editor_move_step  (LimberRoutineEditor *self,
                                                       guint                index,
                                                       int                  delta);
void                 limber_routine_editor_move_step_to (LimberRoutineEditor *self,
                                                       guint                from,
                                                       guint                to);
guint                limber_routine_editor_get_n_steps (LimberRoutineEditor *self);
GtkEditable         *limber_routine_editor_get_field  (LimberRoutineEditor *self,
                                                       int                  step,
                                                       const char          *member);
const char          *limber_routine_editor_get_error  (LimberRoutineEditor *self);
char                *limber_routine_editor_dup_text   (LimberRoutineEditor *self);
gboolean             limber_routine_editor_save       (LimberRoutineEditor *self,
                                                       GError             **error);
gboolean             limber_routine_editor_export     (LimberRoutineEditor *self,
                                                       GFile               *file,
                                                       GError             **error);
gboolean             limber_routine_editor_has_changes (LimberRoutineEditor *self);
const char          *limber_routine_editor_get_path   (LimberRoutineEditor *self);
gboolean             limber_routine_editor_has_conflict (LimberRoutineEditor *self);
void                 limber_routine_editor_reload     (LimberRoutineEditor *self);

G_END_DECLS
