/* limber-doctor-summary-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-doctor-summary.h"

G_BEGIN_DECLS

/*
 * What limber-doctor-summary.c (the type and its reading order) and
 * limber-doctor-summary-sections.c (the words of each part) share.
 */

struct _LimberDoctorSummary
{
  GObject    parent_instance;

  GTimeZone *time_zone;
  gint64     now_us;
  char      *title;
  char      *prepared;
  GPtrArray *sections;     /* LimberSummarySection */
  GArray    *pain;         /* LimberRecordPoint: ratings before and after sessions, by time */
  gint64     pain_from_us;
};

char *limber_doctor_summary_format_day     (LimberDoctorSummary *self,
                                            gint64               time_us);
void  limber_doctor_summary_add_episode    (LimberDoctorSummary *self,
                                            LimberJournal       *journal,
                                            GPtrArray           *episodes);
void  limber_doctor_summary_add_check      (LimberDoctorSummary *self,
                                            LimberJournal       *journal);
void  limber_doctor_summary_add_pain       (LimberDoctorSummary *self,
                                            GPtrArray           *sessions);
void  limber_doctor_summary_add_tried      (LimberDoctorSummary *self,
                                            LimberJournal       *journal,
                                            GPtrArray           *sessions);
void  limber_doctor_summary_add_recurrence (LimberDoctorSummary *self,
                                            GPtrArray           *episodes);

G_END_DECLS
