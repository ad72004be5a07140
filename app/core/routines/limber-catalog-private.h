/* limber-catalog-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "limber-catalog.h"

G_BEGIN_DECLS

/*
 * What the two parts of LimberCatalog share. limber-catalog.c holds the object: it loads the
 * built-in catalog and the user's routine files, parsing each into JSON with the line of every
 * part noted in a Reader, and answers lookups and the problems found. limber-catalog-reader.c
 * reads the exercises and routines from the parsed objects, checking every field and naming the
 * file and line of anything wrong.
 */

struct _LimberCatalog
{
  GObject     parent_instance;

  GHashTable *exercises;   /* id → LimberExercise */
  GListStore *routines;
  GPtrArray  *problems;
};

typedef struct
{
  const char *path;
  GHashTable *lines;     /* "%p" or "%p/member" → line */
  GArray     *starts;    /* lines where the open objects and arrays began */
  JsonParser *parser;
  gboolean    translate;
  const char *replacing; /* the id of the routine being edited, which may be kept */
  /* For an editor: the field of the first problem, in the routine being read (NULL for files). */
  LimberCatalogFieldError **field_error;
  JsonObject *step;      /* the step being read, and its index */
  int         step_index;
  int         element;   /* the element of a list member being checked, or -1 */
  char       *rule;      /* the rule of the problem about to be reported, in people's words */
} Reader;

/* limber-catalog.c */
int            limber_catalog_compare_names (gconstpointer   a,
                                             gconstpointer   b);

/* limber-catalog-reader.c */
gboolean       limber_catalog_read_exercise (LimberCatalog  *self,
                                             Reader         *reader,
                                             JsonObject     *object,
                                             GError        **error);
LimberRoutine *limber_catalog_read_routine  (LimberCatalog  *self,
                                             Reader         *reader,
                                             JsonObject     *object,
                                             GError        **error);

G_END_DECLS
