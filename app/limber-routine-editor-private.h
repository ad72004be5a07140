/* limber-routine-editor-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-editor-step.h"
#include "limber-routine-editor.h"

G_BEGIN_DECLS

/*
 * What the parts of LimberRoutineEditor share. limber-routine-editor.c holds the window and
 * shows the reader's problems at their fields; limber-routine-editor-steps.c adds, moves and
 * removes the steps (LimberEditorStep); limber-routine-editor-file.c writes the fields as the
 * text of a routine file, and saves, exports, reloads and watches it.
 */

struct _LimberRoutineEditor
{
  AdwWindow       parent_instance;

  LimberCatalog  *catalog;
  gint64          plank_hold_us;

  char           *id;         /* fixed once the routine has a file */
  char           *path;       /* its file, once it has one */
  char           *disk_text;  /* what the file held when read or written */
  GFileMonitor   *monitor;
  gboolean        conflict;

  /* Template widgets */
  GtkWidget      *toast_overlay;
  GtkWidget      *page;
  GtkWidget      *save_button;
  GtkWidget      *conflict_box;
  GtkWidget      *name_row;
  GtkWidget      *description_row;
  GtkWidget      *first_days_row;
  GtkWidget      *first_days_switch;
  GtkWidget      *total_row;

  GtkWidget      *add_group;
  GtkWidget      *export_group;
  GtkWidget      *first_add;  /* the first exercise's Add button, for the keyboard */

  GPtrArray      *steps;      /* LimberEditorStep, in their order */
  GPtrArray      *problems;   /* LimberCatalogFieldError, the first as the reader says it */
  GtkWidget      *focus;      /* the focus as last seen, to tell when a field is left */
  char           *error;      /* the first problem, in people's words */
  char           *text;
  char           *built_id;
  char           *clean_text; /* the text as opened or last saved, to tell unsaved changes */
  gboolean        loading;
  gboolean        touched;    /* some field was edited and left */
  gboolean        show_all;   /* Save was pressed: every problem is shown, touched or not */
  gboolean        discard;    /* closing was confirmed: unsaved changes go */
};

/* limber-routine-editor.c */
void      limber_routine_editor_validate       (LimberRoutineEditor *self);
void      limber_routine_editor_show_message   (LimberRoutineEditor *self,
                                                const char          *message);
void      limber_routine_editor_reveal_problems (LimberRoutineEditor *self);
void      limber_routine_editor_touch          (LimberRoutineEditor *self,
                                                GtkWidget           *field);

/* limber-routine-editor-steps.c */
void      limber_routine_editor_build_lists    (LimberRoutineEditor *self);
void      limber_routine_editor_append_step    (LimberRoutineEditor *self,
                                                LimberExercise      *exercise,
                                                const LimberTiming  *timing);
void      limber_routine_editor_fill           (LimberRoutineEditor *self,
                                                LimberRoutine       *routine);
void      limber_routine_editor_update_first_days (LimberRoutineEditor *self);

/* limber-routine-editor-file.c */
char     *limber_routine_editor_build_text     (LimberRoutineEditor *self,
                                                GHashTable          *skip);
void      limber_routine_editor_watch          (LimberRoutineEditor *self);
void      limber_routine_editor_unwatch        (LimberRoutineEditor *self);
void      limber_routine_editor_save_action    (GtkWidget           *widget,
                                                const char          *action_name,
                                                GVariant            *parameter);
void      limber_routine_editor_export_action  (GtkWidget           *widget,
                                                const char          *action_name,
                                                GVariant            *parameter);
void      limber_routine_editor_reload_action  (GtkWidget           *widget,
                                                const char          *action_name,
                                                GVariant            *parameter);
gboolean  limber_routine_editor_ask_to_close   (LimberRoutineEditor *self);

G_END_DECLS
