/* limber-doctor-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-local-time.h"
#include "limber-triage.h"

#include "limber-doctor-summary-private.h"

/*
 * What the one-page summary for a doctor or physiotherapist says, and in what order: what a
 * clinician asks first about a back spasm. The episode, the last symptom check with every
 * question answered Yes, pain over the last 30 days, what was tried, and how often episodes
 * came back. Every fact comes from the journal, read once at the journal's clock's "now";
 * nothing is inferred and no advice is added. A part with no records says so in one line.
 * The words of each part are in limber-doctor-summary-sections.c; limber-summary-printer.c lays
 * the page out from them.
 */

G_DEFINE_FINAL_TYPE (LimberDoctorSummary, limber_doctor_summary, G_TYPE_OBJECT)

static void
section_free (LimberSummarySection *section)
{
  g_free (section->heading);
  g_ptr_array_unref (section->lines);
  g_free (section);
}

static void
limber_doctor_summary_finalize (GObject *object)
{
  LimberDoctorSummary *self = LIMBER_DOCTOR_SUMMARY (object);

  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_free (self->title);
  g_free (self->prepared);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->pain, g_array_unref);

  G_OBJECT_CLASS (limber_doctor_summary_parent_class)->finalize (object);
}

static void
limber_doctor_summary_class_init (LimberDoctorSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_doctor_summary_finalize;
}

static void
limber_doctor_summary_init (LimberDoctorSummary *self)
{
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  self->pain = g_array_new (FALSE, FALSE, sizeof (LimberRecordPoint));
}

/**
 * limber_doctor_summary_new:
 * @journal: the records summed up, read at its clock's "now"
 * @time_zone: (nullable): the zone dates are given in, or %NULL for the local one
 *
 * Gathers the summary. It fails, rather than saying there are no records, when the records
 * are in a file this version cannot read.
 *
 * Returns: (transfer full) (nullable): the summary, or %NULL with @error set
 */
LimberDoctorSummary *
limber_doctor_summary_new (LimberJournal  *journal,
                           GTimeZone      *time_zone,
                           GError        **error)
{
  g_autoptr(LimberDoctorSummary) self = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *today = NULL;
  gint64 day_start, day_end;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!limber_journal_check_readable (journal, error))
    return NULL;

  self = g_object_new (LIMBER_TYPE_DOCTOR_SUMMARY, NULL);
  self->time_zone = time_zone != NULL ? g_time_zone_ref (time_zone) : g_time_zone_new_local ();
  self->now_us = limber_clock_now_wall_us (limber_journal_get_clock (journal));

  /* The Progress page's 30 days: from the local midnight 29 days before today. */
  limber_local_time_day_range (self->time_zone, self->now_us, &day_start, &day_end);
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (day_start / G_USEC_PER_SEC);

    now = g_date_time_to_timezone (utc, self->time_zone);
  }
  start = g_date_time_add_days (now, 1 - LIMBER_DOCTOR_SUMMARY_DAYS);
  self->pain_from_us = g_date_time_to_unix (start) * G_USEC_PER_SEC;

  self->title = g_strdup (_("Back Spasm Summary"));
  today = limber_doctor_summary_format_day (self, self->now_us);
  self->prepared = g_strdup_printf (_("Prepared by Limber on %s for a doctor or "
                                      "physiotherapist"), today);

  episodes = limber_journal_list_episodes (journal);
  sessions = limber_journal_list_sessions (journal, self->pain_from_us, G_MAXINT64);

  limber_doctor_summary_add_episode (self, journal, episodes);
  limber_doctor_summary_add_check (self, journal);
  limber_doctor_summary_add_pain (self, sessions);
  limber_doctor_summary_add_tried (self, journal, sessions);
  limber_doctor_summary_add_recurrence (self, episodes);

  return g_steal_pointer (&self);
}

const char *
limber_doctor_summary_get_title (LimberDoctorSummary *self)
{
  g_return_val_if_fail (LIMBER_IS_DOCTOR_SUMMARY (self), NULL);
  return self->title;
}

/* Returns: "Prepared by Limber on DATE for a doctor or physiotherapist" */
const char *
limber_doctor_summary_get_prepared (LimberDoctorSummary *self)
{
  g_return_val_if_fail (LIMBER_IS_DOCTOR_SUMMARY (self), NULL);
  return self->prepared;
}

/* Returns: the check's disclaimer, which every result of the check shows too */
const char *
limber_doctor_summary_get_disclaimer (LimberDoctorSummary *self)
{
  g_return_val_if_fail (LIMBER_IS_DOCTOR_SUMMARY (self), NULL);
  return limber_triage_get_disclaimer ();
}

guint
limber_doctor_summary_get_n_sections (LimberDoctorSummary *self)
{
  g_return_val_if_fail (LIMBER_IS_DOCTOR_SUMMARY (self), 0);
  return self->sections->len;
}

const LimberSummarySection *
limber_doctor_summary_get_section (LimberDoctorSummary *self,
                                   guint                index)
{
  g_return_val_if_fail (LIMBER_IS_DOCTOR_SUMMARY (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);
  return g_ptr_array_index (self->sections, index);
}

/* Returns: (transfer none) (element-type LimberRecordPoint): the pain ratings, by time */
GArray *
limber_doctor_summary_get_pain (LimberDoctorSummary *self)
{
  g_return_val_if_fail (LIMBER_IS_DOCTOR_SUMMARY (self), NULL);
  return self->pain;
}

/* The span of the pain chart: from the first of the 30 days to now. */
void
limber_doctor_summary_get_pain_range (LimberDoctorSummary *self,
                                      gint64              *from_us,
                                      gint64              *to_us)
{
  g_return_if_fail (LIMBER_IS_DOCTOR_SUMMARY (self));

  if (from_us != NULL)
    *from_us = self->pain_from_us;
  if (to_us != NULL)
    *to_us = self->now_us;
}

GTimeZone *
limber_doctor_summary_get_time_zone (LimberDoctorSummary *self)
{
  g_return_val_if_fail (LIMBER_IS_DOCTOR_SUMMARY (self), NULL);
  return self->time_zone;
}

/**
 * limber_doctor_summary_to_text:
 *
 * Returns: (transfer full): the whole summary as plain text, one line per line of the page,
 *   for screen readers and tests
 */
char *
limber_doctor_summary_to_text (LimberDoctorSummary *self)
{
  GString *text;

  g_return_val_if_fail (LIMBER_IS_DOCTOR_SUMMARY (self), NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n%s\n", self->title, self->prepared);
  for (guint i = 0; i < self->sections->len; i++)
    {
      const LimberSummarySection *section = g_ptr_array_index (self->sections, i);

      g_string_append_printf (text, "\n%s\n", section->heading);
      for (guint j = 0; j < section->lines->len; j++)
        g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (section->lines, j));
    }
  g_string_append_printf (text, "\n%s\n", limber_triage_get_disclaimer ());

  return g_string_free (text, FALSE);
}
