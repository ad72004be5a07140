/* limber-doctor-summary-sections.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-care-plan.h"
#include "limber-local-time.h"
#include "limber-triage.h"

#include "limber-doctor-summary-private.h"

/*
 * The words of each part of the doctor summary, from the journal's records. Only what is
 * recorded is said; a part with nothing recorded says so in one line.
 */

/* Long lists stay short, so the page stays one page (two at most). */
#define MAX_STOPPED  6
#define MAX_EPISODES 8
#define MAX_NOTE     300   /* characters of an episode's note */

#define DAY_US       ((gint64) 24 * 3600 * G_USEC_PER_SEC)

static LimberSummarySection *
add_section (LimberDoctorSummary *self,
             const char          *heading)
{
  LimberSummarySection *section = g_new0 (LimberSummarySection, 1);

  section->heading = g_strdup (heading);
  section->lines = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->sections, section);

  return section;
}

static void
add_line (LimberSummarySection *section,
          char                 *line)
{
  g_ptr_array_add (section->lines, line);
}

static GDateTime *
local_time (LimberDoctorSummary *self,
            gint64               time_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);

  return g_date_time_to_timezone (utc, self->time_zone);
}

/* A day in the UI language, spelled out so no reader mistakes day and month. */
char *
limber_doctor_summary_format_day (LimberDoctorSummary *self,
                                  gint64               time_us)
{
  g_autoptr(GDateTime) when = local_time (self, time_us);
  /* Translators: a date on the doctor summary, see g_date_time_format(); e.g. "7 December
   * 2026". Keep the month as a word. */
  char *text = g_date_time_format (when, _("%-d %B %Y"));

  return g_strstrip (text);
}

/* Calendar days from @time_us's day to today's, in the summary's zone. */
static guint
days_since (LimberDoctorSummary *self,
            gint64               time_us)
{
  gint64 then_day, then_end, today, today_end;

  limber_local_time_day_range (self->time_zone, time_us, &then_day, &then_end);
  limber_local_time_day_range (self->time_zone, self->now_us, &today, &today_end);
  if (today <= then_day)
    return 0;

  /* Rounded: a day with a clock change is 23 or 25 hours long. */
  return (guint) ((today - then_day + DAY_US / 2) / DAY_US);
}

static char *
format_days_ago (guint days)
{
  if (days == 0)
    return g_strdup (_("today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day ago", "%u days ago", days), days);
}

void
limber_doctor_summary_add_episode (LimberDoctorSummary *self,
                                   LimberJournal       *journal,
                                   GPtrArray           *episodes)
{
  gint64 visit_us;
  const LimberEpisode *episode = episodes->len > 0
                                   ? g_ptr_array_index (episodes, episodes->len - 1) : NULL;
  LimberSummarySection *section;
  g_autofree char *began = NULL;
  g_autofree char *ago = NULL;

  if (episode == NULL)
    {
      section = add_section (self, _("Episode"));
      add_line (section, g_strdup (_("No episode recorded.")));
      return;
    }

  section = add_section (self, episode->ended_us == 0 ? _("Current Episode") : _("Last Episode"));
  began = limber_doctor_summary_format_day (self, episode->started_us);
  ago = format_days_ago (days_since (self, episode->started_us));
  /* Translators: the first %s is a date, the second how long ago ("6 days ago"). */
  add_line (section, g_strdup_printf (_("Began on %s, %s"), began, ago));

  /* "I have seen a doctor", pressed during this episode. */
  if (limber_journal_get_last_doctor_visit (journal, &visit_us) &&
      visit_us >= episode->started_us &&
      (episode->ended_us == 0 || visit_us <= episode->ended_us))
    {
      g_autofree char *seen = limber_doctor_summary_format_day (self, visit_us);

      /* Translators: %s is a date. */
      add_line (section, g_strdup_printf (_("“I Have Seen a Doctor” pressed on %s"), seen));
    }

  if (episode->ended_us == 0)
    {
      gboolean acute = self->now_us < episode->started_us + LIMBER_CARE_ACUTE_US;

      add_line (section, g_strdup_printf (_("Phase: %s"),
                                          acute ? _("the first 72 hours")
                                                : _("recovery, after the first 72 hours")));
      add_line (section, g_strdup (_("“I Feel Better” not pressed yet")));
    }
  else
    {
      g_autofree char *ended = limber_doctor_summary_format_day (self, episode->ended_us);
      guint days = (guint) ((episode->ended_us - episode->started_us) / DAY_US);

      add_line (section, g_strdup_printf (_("Phase: %s"), _("over")));
      /* Translators: %s is a date. */
      if (days == 0)
        add_line (section, g_strdup_printf (_("“I Feel Better” pressed on %s, the same day"),
                                            ended));
      else
        add_line (section,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "“I Feel Better” pressed on %s, after %u day",
                                                "“I Feel Better” pressed on %s, after %u days",
                                                days), ended, days));
      if (episode->notes != NULL && episode->notes[0] != '\0')
        {
          g_autofree char *note = NULL;

          /* g_utf8_substring() in GLib 2.74 reads past the end when asked for more characters
           * than the text has: cut only a note that is longer. */
          if (g_utf8_strlen (episode->notes, -1) > MAX_NOTE)
            {
              g_autofree char *start = g_utf8_substring (episode->notes, 0, MAX_NOTE);

              note = g_strconcat (start, "…", NULL);
            }
          else
            note = g_strdup (episode->notes);
          add_line (section, g_strdup_printf (_("Their note: “%s”"), note));
        }
    }
}

void
limber_doctor_summary_add_check (LimberDoctorSummary *self,
                                 LimberJournal       *journal)
{
  LimberSummarySection *section = add_section (self, _("Last Symptom Check"));
  g_auto(GStrv) yes = NULL;
  g_autofree char *day = NULL;
  LimberTriageOutcome outcome;
  gint64 time_us;

  if (!limber_journal_get_last_check (journal, &time_us, &outcome))
    {
      add_line (section, g_strdup (_("No symptom check recorded.")));
      return;
    }

  day = limber_doctor_summary_format_day (self, time_us);
  /* Translators: %s is a date, then the check's result as the app showed it. */
  add_line (section, g_strdup_printf (_("On %s: %s"), day,
                                      limber_triage_outcome_get_title (outcome)));

  yes = limber_journal_dup_last_check_yes (journal);
  if (yes[0] == NULL)
    {
      add_line (section, g_strdup (_("You answered No to every warning-sign question.")));
      return;
    }

  add_line (section, g_strdup (_("Answered Yes:")));
  for (guint i = 0; yes[i] != NULL; i++)
    {
      int index = limber_triage_find_question (yes[i]);
      const char *text = yes[i];

      /* A question a later version asks is named by its id rather than left out. */
      if (index >= 0)
        text = limber_triage_question_get_text (limber_triage_get_question (index));
      add_line (section, g_strconcat ("• ", text, NULL));
    }
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const LimberRecordPoint *pa = a, *pb = b;

  return (pa->time_us > pb->time_us) - (pa->time_us < pb->time_us);
}

void
limber_doctor_summary_add_pain (LimberDoctorSummary *self,
                                GPtrArray           *sessions)
{
  LimberSummarySection *section = add_section (self, _("Pain, Last 30 Days"));
  gboolean last_before = FALSE;
  int lowest = 10, highest = 0;

  section->chart = TRUE;
  for (guint i = 0; i < sessions->len; i++)
    {
      LimberSessionRecord *record = g_ptr_array_index (sessions, i);
      int before = limber_session_record_get_pain_before (record);
      int after = limber_session_record_get_pain_after (record);

      if (before != LIMBER_PAIN_UNSET)
        {
          LimberRecordPoint point = { limber_session_record_get_started_wall_us (record), before };

          g_array_append_val (self->pain, point);
        }
      if (after != LIMBER_PAIN_UNSET)
        {
          LimberRecordPoint point = { limber_session_record_get_ended_wall_us (record), after };

          g_array_append_val (self->pain, point);
        }
    }
  g_array_sort (self->pain, compare_points);

  if (self->pain->len == 0)
    {
      add_line (section, g_strdup (_("No pain ratings in the last 30 days")));
      return;
    }

  for (guint i = 0; i < self->pain->len; i++)
    {
      int value = g_array_index (self->pain, LimberRecordPoint, i).value;

      lowest = MIN (lowest, value);
      highest = MAX (highest, value);
    }

  /* Whether the last rating was given before or after its session. */
  for (guint i = 0; i < sessions->len; i++)
    {
      LimberSessionRecord *record = g_ptr_array_index (sessions, i);
      const LimberRecordPoint *last = &g_array_index (self->pain, LimberRecordPoint,
                                                     self->pain->len - 1);

      if (limber_session_record_get_pain_after (record) == LIMBER_PAIN_UNSET &&
          limber_session_record_get_started_wall_us (record) == last->time_us)
        last_before = TRUE;
    }

  add_line (section,
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u rating, before and after stretch sessions, "
                                          "from %d to %d out of 10",
                                          "%u ratings, before and after stretch sessions, "
                                          "from %d to %d out of 10", self->pain->len),
                             self->pain->len, lowest, highest));
  {
    const LimberRecordPoint *last = &g_array_index (self->pain, LimberRecordPoint,
                                                   self->pain->len - 1);
    g_autofree char *day = limber_doctor_summary_format_day (self, last->time_us);

    /* Translators: %d is the rating, %s a date. */
    add_line (section, g_strdup_printf (last_before ? _("Last rating: %d out of 10, on %s, "
                                                        "before a session")
                                                    : _("Last rating: %d out of 10, on %s, "
                                                        "after a session"),
                                        last->value, day));
  }
}

static char *
format_packs (guint  count,
              gint64 total_us,
              const char *none,
              const char *format)
{
  guint minutes = (guint) ((total_us + 30 * G_USEC_PER_SEC) / (60 * (gint64) G_USEC_PER_SEC));
  g_autofree char *time = NULL;

  if (count == 0)
    return g_strdup (none);

  time = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes),
                          minutes);
  return g_strdup_printf (format, count, time);
}

/* A session's routine as the summary names it: its name, or its id for one without. */
static const char *
routine_name (LimberSessionRecord *record)
{
  const char *name = limber_session_record_get_routine_name (record);

  if (name == NULL || name[0] == '\0')
    name = limber_session_record_get_routine_id (record);
  return name;
}

/* Sessions by routine, in the order each was first done. */
static void
add_sessions_by_routine (LimberSummarySection *section,
                         GPtrArray            *sessions)
{
  g_autoptr(GPtrArray) routines = g_ptr_array_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < sessions->len; i++)
    {
      const char *name = routine_name (g_ptr_array_index (sessions, i));

      if (!g_hash_table_contains (counts, name))
        g_ptr_array_add (routines, (gpointer) name);
      g_hash_table_insert (counts, (gpointer) name,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name))
                                             + 1));
    }
  if (routines->len == 0)
    add_line (section, g_strdup (_("Stretch sessions: none")));
  for (guint i = 0; i < routines->len; i++)
    {
      const char *name = g_ptr_array_index (routines, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));

      /* Translators: %s is a routine's name. */
      add_line (section, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Stretch sessions of “%s”: %u",
                                                       "Stretch sessions of “%s”: %u", n),
                                          name, n));
    }
}

/* The sessions stopped before their end, the latest MAX_STOPPED of them, and how many more. */
static void
add_stopped_sessions (LimberDoctorSummary  *self,
                      LimberSummarySection *section,
                      GPtrArray            *sessions)
{
  guint stopped = 0;

  for (guint i = 0; i < sessions->len; i++)
    {
      LimberSessionRecord *record = g_ptr_array_index (sessions, i);
      LimberSessionOutcome outcome = limber_session_record_get_outcome (record);
      int pain = limber_session_record_get_pain_after (record);
      const char *name = routine_name (record);
      g_autofree char *day = NULL;

      if (outcome != LIMBER_SESSION_OUTCOME_STOPPED &&
          outcome != LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN)
        continue;
      if (++stopped > MAX_STOPPED)
        continue;

      day = limber_doctor_summary_format_day (self, limber_session_record_get_started_wall_us (record));
      /* Translators: the first %s is a routine's name, the second a date; "It Hurts" is the
       * player's button. */
      if (outcome == LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN && pain != LIMBER_PAIN_UNSET)
        add_line (section,
                  g_strdup_printf (_("Stopped “%s” on %s: It Hurts, pain %d out of 10"),
                                   name, day, pain));
      else if (outcome == LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN)
        add_line (section, g_strdup_printf (_("Stopped “%s” on %s: It Hurts"), name, day));
      else
        add_line (section, g_strdup_printf (_("Stopped “%s” on %s: stopped early"), name, day));
    }
  if (stopped > MAX_STOPPED)
    add_line (section, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "and %u more stopped session",
                                                     "and %u more stopped sessions",
                                                     stopped - MAX_STOPPED),
                                        stopped - MAX_STOPPED));
}

void
limber_doctor_summary_add_tried (LimberDoctorSummary *self,
                                 LimberJournal       *journal,
                                 GPtrArray           *sessions)
{
  LimberSummarySection *section = add_section (self, _("What Was Tried, Last 30 Days"));
  guint cold = limber_journal_count_packs (journal, LIMBER_PACK_COLD, self->pain_from_us,
                                           G_MAXINT64);
  guint heat = limber_journal_count_packs (journal, LIMBER_PACK_HEAT, self->pain_from_us,
                                           G_MAXINT64);
  guint walks = limber_journal_count (journal, LIMBER_RECORD_COUNT_WALKS, self->pain_from_us,
                                      G_MAXINT64);

  if (cold == 0 && heat == 0 && walks == 0 && sessions->len == 0)
    {
      add_line (section, g_strdup (_("Nothing recorded in the last 30 days.")));
      return;
    }

  /* Translators: %u is how many, %s how long in all ("40 minutes"). */
  add_line (section, format_packs (cold, limber_journal_sum_packs (journal, LIMBER_PACK_COLD,
                                                                   self->pain_from_us,
                                                                   G_MAXINT64),
                                   _("Cold packs: none"), _("Cold packs: %u, %s in all")));
  /* Translators: %u is how many, %s how long in all ("40 minutes"). */
  add_line (section, format_packs (heat, limber_journal_sum_packs (journal, LIMBER_PACK_HEAT,
                                                                   self->pain_from_us,
                                                                   G_MAXINT64),
                                   _("Heat packs: none"), _("Heat packs: %u, %s in all")));
  add_line (section, g_strdup_printf (_("Walks: %u"), walks));

  add_sessions_by_routine (section, sessions);
  add_stopped_sessions (self, section, sessions);
}

void
limber_doctor_summary_add_recurrence (LimberDoctorSummary *self,
                                      GPtrArray           *episodes)
{
  LimberSummarySection *section = add_section (self, _("Recurrence"));
  g_autoptr(GDateTime) now = local_time (self, self->now_us);
  g_autoptr(GDateTime) six = g_date_time_add_months (now, -6);
  g_autoptr(GDateTime) twelve = g_date_time_add_months (now, -12);
  gint64 six_us = g_date_time_to_unix (six) * G_USEC_PER_SEC;
  gint64 twelve_us = g_date_time_to_unix (twelve) * G_USEC_PER_SEC;
  guint in_six = 0, in_twelve = 0, listed = 0;

  for (guint i = 0; i < episodes->len; i++)
    {
      const LimberEpisode *episode = g_ptr_array_index (episodes, i);

      in_six += episode->started_us >= six_us;
      in_twelve += episode->started_us >= twelve_us;
    }

  if (in_twelve == 0)
    {
      add_line (section, g_strdup (_("No episodes in the last 12 months.")));
      return;
    }

  add_line (section, g_strdup_printf (_("Episodes in the last 6 months: %u"), in_six));
  add_line (section, g_strdup_printf (_("Episodes in the last 12 months: %u"), in_twelve));

  /* Newest first, as a clinician reads back from now. */
  for (guint i = episodes->len; i-- > 0 && listed < MAX_EPISODES;)
    {
      const LimberEpisode *episode = g_ptr_array_index (episodes, i);
      g_autofree char *began = NULL;

      if (episode->started_us < twelve_us)
        break;

      listed++;
      began = limber_doctor_summary_format_day (self, episode->started_us);
      if (episode->ended_us == 0)
        /* Translators: %s is the date an episode began. */
        add_line (section, g_strdup_printf (_("• %s, not over"), began));
      else
        {
          g_autofree char *ended = limber_doctor_summary_format_day (self, episode->ended_us);

          /* Translators: an episode, from the date it began to the date it ended. */
          add_line (section, g_strdup_printf (_("• %s to %s"), began, ended));
        }
    }
}
