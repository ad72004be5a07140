/* limber-doctor-summary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "limber-journal.h"

G_BEGIN_DECLS

/* How far back the pain chart and "what was tried" reach. */
#define LIMBER_DOCTOR_SUMMARY_DAYS 30

/**
 * LimberSummarySection:
 * @heading: the section's heading
 * @lines: (element-type utf8): its lines, in order; a line that begins with "• " is an item
 *   of the line before it
 * @chart: %TRUE if the pain chart goes under the heading, before the lines
 *
 * One part of the summary, in the UI language.
 */
typedef struct
{
  char      *heading;
  GPtrArray *lines;
  gboolean   chart;
} LimberSummarySection;

#define LIMBER_TYPE_DOCTOR_SUMMARY (limber_doctor_summary_get_type ())
G_DECLARE_FINAL_TYPE (LimberDoctorSummary, limber_doctor_summary, LIMBER, DOCTOR_SUMMARY, GObject)

LimberDoctorSummary        *limber_doctor_summary_new            (LimberJournal        *journal,
                                                                  GTimeZone            *time_zone,
                                                                  GError              **error);
const char                 *limber_doctor_summary_get_title      (LimberDoctorSummary  *self);
const char                 *limber_doctor_summary_get_prepared   (LimberDoctorSummary  *self);
const char                 *limber_doctor_summary_get_disclaimer (LimberDoctorSummary  *self);
guint                       limber_doctor_summary_get_n_sections (LimberDoctorSummary  *self);
const LimberSummarySection *limber_doctor_summary_get_section    (LimberDoctorSummary  *self,
                                                                  guint                 index);
GArray                     *limber_doctor_summary_get_pain       (LimberDoctorSummary  *self);
void                        limber_doctor_summary_get_pain_range (LimberDoctorSummary  *self,
                                                                  gint64               *from_us,
                                                                  gint64               *to_us);
GTimeZone                  *limber_doctor_summary_get_time_zone  (LimberDoctorSummary  *self);
char                       *limber_doctor_summary_to_text        (LimberDoctorSummary  *self);

G_END_DECLS
