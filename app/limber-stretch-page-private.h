/* limber-stretch-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What limber-stretch-page.c and limber-stretch-page-files.c (importing and deleting routine
 * files) share of the Stretch page.
 */

#pragma once

#include "limber-stretch-page.h"

G_BEGIN_DECLS

struct _LimberStretchPage
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  GtkStack            *routines_stack;
  AdwPreferencesGroup *routines_group;
  AdwPreferencesGroup *problems_group;
  LimberStretchPlayer *player;

  GPtrArray           *rows;
  GSettings           *settings;

  /* A deleted routine's file, kept aside while its toast offers Undo. */
  char                *deleted_path;
  char                *deleted_aside;

  /* The import problems shown in one dialog, while it is open: more imports add to it. */
  GtkWidget           *import_dialog;
  GPtrArray           *import_problems;

  /* "End This Session?", while it is asked, and what to do once the user ends it. */
  GtkWidget                  *end_dialog;
  LimberStretchPageEndedFunc  ended;
  gpointer                    ended_data;
  gboolean                    resume_on_keep;

  /* Collaborators */
  LimberClock         *clock;
  LimberJournal       *journal;
  LimberCatalog       *catalog;
  LimberCarePlan      *care_plan;
};

void limber_stretch_page_install_file_actions (GtkWidgetClass    *widget_class);
void limber_stretch_page_forget_files         (LimberStretchPage *self);

G_END_DECLS
