/* limber-today-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-plan-row.h"
#include "limber-today-page.h"

G_BEGIN_DECLS

/*
 * What the three parts of LimberTodayPage share. limber-today-page.c holds the widget (the
 * phase, the warnings, the pack card and which entry to the check is shown),
 * limber-today-page-plan.c fills the checklist for the phase, and limber-today-page-actions.c
 * does what its buttons ask.
 */
struct _LimberTodayPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkWidget       *emergency_box;
  GtkLabel        *emergency_number;
  GtkLabel        *emergency_alone;
  GtkLabel        *emergency_title;
  GtkLabel        *emergency_label;
  GtkWidget       *emergency_check_again;
  GtkWidget       *doctor_box;
  GtkLabel        *doctor_title;
  GtkLabel        *doctor_label;
  GtkLabel        *phase_title;
  GtkLabel        *phase_label;
  GtkWidget       *episode_button;
  GtkLabel        *episode_label;
  GtkWidget       *check_group;
  GtkWidget       *plan_group;
  GtkListBox      *plan_list;
  GtkWidget       *pack_group;
  GtkWidget       *pack_idle_box;
  GtkWidget       *pack_running_box;
  GtkBox          *pack_button_box;
  GtkToggleButton *cold_button;
  GtkToggleButton *heat_button;
  GtkAdjustment   *minutes_adjustment;
  GtkLabel        *pack_countdown;
  GtkLabel        *pack_label;
  GtkLabel        *disclaimer_label;

  /* Collaborators */
  LimberClock      *clock;
  LimberJournal    *journal;
  LimberCarePlan   *care_plan;
  LimberPackTimer  *pack_timer;
  LimberTimeFormat *time_format;

  /* Owned */
  GSettings        *settings;
  AdwActionRow     *pack_row;      /* the plan's row for the pack that is on, while shown */
  GtkWidget        *pack_button;   /* the pack card's Start Timer or Stop */
  int               pack_button_for; /* -1 for Start Timer, else the kind Stop stops */

  guint             tick_id;
};

char *limber_today_page_format_time  (LimberTodayPage          *self,
                                      gint64                    wall_us);
void  limber_today_page_fill_plan    (LimberTodayPage          *self,
                                      LimberCarePhase           phase,
                                      const LimberCareProgress *progress,
                                      gboolean                  check_button);
void  limber_today_page_tell         (LimberTodayPage          *self,
                                      const char               *message);
void  limber_today_page_add_actions  (GtkWidgetClass           *widget_class);

G_END_DECLS
