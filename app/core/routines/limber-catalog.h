/* limber-catalog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "limber-exercise.h"
#include "limber-routine.h"

G_BEGIN_DECLS

/* Larger routine files are refused before they are read. */
#define LIMBER_CATALOG_MAX_FILE_SIZE (1024 * 1024)
/* The user's folder is read up to this many routine files. */
#define LIMBER_CATALOG_MAX_USER_FILES 100

/**
 * LimberCatalogProblem:
 * @path: the file that could not be loaded
 * @line: the line the problem is on, from 1; 0 when it concerns the whole file
 * @message: what is wrong, translated
 */
typedef struct
{
  char *path;
  int   line;
  char *message;
} LimberCatalogProblem;

/**
 * LimberCatalogFieldError:
 * @field: the field as a path in the routine: "name", "steps", "steps[2]", "steps[2].hold",
 *   "steps[2].tempo[1]" (indices from 0)
 * @step: the step's index from 0, or -1 for a field of the routine itself
 * @member: the member as named in the file ("hold"), or %NULL for the whole step
 * @index: the element of a list member ("tempo"), or -1
 * @rule: what the value must be, in people's words and translated ("1 to 600 seconds"), for a
 *   form to show beside the field's own label
 *
 * Where a routine's text went wrong, for an editor to mark the field; the #GError keeps the
 * message for files ("PATH:LINE: what is wrong").
 */
typedef struct
{
  char *field;
  int   step;
  char *member;
  int   index;
  char *rule;
} LimberCatalogFieldError;

void limber_catalog_field_error_free (LimberCatalogFieldError *field_error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberCatalogFieldError, limber_catalog_field_error_free)

#define LIMBER_TYPE_CATALOG (limber_catalog_get_type ())
G_DECLARE_FINAL_TYPE (LimberCatalog, limber_catalog, LIMBER, CATALOG, GObject)

LimberCatalog  *limber_catalog_new             (void);
gboolean        limber_catalog_load_builtin    (LimberCatalog *self,
                                                GBytes        *bytes,
                                                const char    *name,
                                                GError       **error);
gboolean        limber_catalog_read_text       (const char    *path,
                                                char         **contents,
                                                gsize         *length,
                                                GError       **error);
LimberRoutine  *limber_catalog_read_file       (LimberCatalog *self,
                                                GFile         *file,
                                                char         **contents,
                                                gsize         *length,
                                                GError       **error);
gboolean        limber_catalog_load_user_file  (LimberCatalog *self,
                                                GFile         *file,
                                                GError       **error);
guint           limber_catalog_load_user_dir   (LimberCatalog *self,
                                                const char    *path);
guint           limber_catalog_reload_user_dir (LimberCatalog *self,
                                                const char    *path);
LimberRoutine  *limber_catalog_parse_routine   (LimberCatalog *self,
                                                const char    *path,
                                                const char    *text,
                                                gsize          length,
                                                const char    *replacing,
                                                GError       **error);
LimberRoutine  *limber_catalog_check_routine   (LimberCatalog *self,
                                                const char    *path,
                                                const char    *text,
                                                gsize          length,
                                                const char    *replacing,
                                                LimberCatalogFieldError **field_error,
                                                GError       **error);
const char     *limber_catalog_split_error     (const char    *path,
                                                const char    *message,
                                                guint         *line);
GListModel     *limber_catalog_get_routines    (LimberCatalog *self);
LimberRoutine  *limber_catalog_find_routine    (LimberCatalog *self,
                                                const char    *id);
LimberExercise *limber_catalog_find_exercise   (LimberCatalog *self,
                                                const char    *id);
GPtrArray      *limber_catalog_get_problems    (LimberCatalog *self);
GPtrArray      *limber_catalog_list_exercises  (LimberCatalog *self);
char           *limber_catalog_dup_routine_ids (LimberCatalog *self);
char           *limber_catalog_get_user_dir    (void);

G_END_DECLS
