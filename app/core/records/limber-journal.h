/* limber-journal.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "limber-clock.h"
#include "limber-session-record.h"
#include "limber-record-types.h"
#include "limber-triage.h"

G_BEGIN_DECLS

/* The most glasses one day can hold: more is a stuck button or a script, not drinking. */
#define LIMBER_JOURNAL_MAX_GLASSES_PER_DAY 50

/**
 * LimberJournalFlags:
 * @LIMBER_JOURNAL_DEFAULT: as the app opens it
 * @LIMBER_JOURNAL_SMALL_MEMORY: a small SQLite cache, for a process that runs all session and
 *   reads a few rows at a time (the reminder service)
 */
typedef enum /*< flags >*/
{
  LIMBER_JOURNAL_DEFAULT = 0,
  LIMBER_JOURNAL_SMALL_MEMORY = 1 << 0,
} LimberJournalFlags;

#define LIMBER_TYPE_JOURNAL (limber_journal_get_type ())

G_DECLARE_FINAL_TYPE (LimberJournal, limber_journal, LIMBER, JOURNAL, GObject)

LimberJournal    *limber_journal_new                  (LimberClock          *clock,
                                                       const char           *path);
LimberJournal    *limber_journal_open_default         (LimberClock          *clock,
                                                       LimberJournalFlags    flags);
LimberClock      *limber_journal_get_clock            (LimberJournal        *self);

/* Where the records are kept, and what went wrong with the file. */
const char       *limber_journal_get_path             (LimberJournal        *self);
gboolean          limber_journal_get_saving           (LimberJournal        *self);
const char       *limber_journal_get_problem          (LimberJournal        *self);
const char       *limber_journal_get_moved_aside_path (LimberJournal        *self);

/* Writing: each returns the new record's id (or TRUE), or 0 and an error that was also
 * announced with LimberJournal::write-failed. */
gint64            limber_journal_add_session          (LimberJournal        *self,
                                                       LimberSessionRecord  *record,
                                                       GError              **error);
gboolean          limber_journal_set_pain_after       (LimberJournal        *self,
                                                       gint64                session_id,
                                                       int                   pain,
                                                       GError              **error);
gint64            limber_journal_add_check            (LimberJournal        *self,
                                                       LimberTriageOutcome   outcome,
                                                       const LimberTriageAnswer *answers,
                                                       GError              **error);
gint64            limber_journal_add_glass            (LimberJournal        *self,
                                                       LimberGlassSource     source,
                                                       GError              **error);
gint64            limber_journal_add_walk             (LimberJournal        *self,
                                                       GError              **error);
gint64            limber_journal_add_posture_break    (LimberJournal        *self,
                                                       GError              **error);
gint64            limber_journal_start_episode        (LimberJournal        *self,
                                                       GError              **error);
gboolean          limber_journal_end_episode          (LimberJournal        *self,
                                                       gint64                episode_id,
                                                       const char           *notes,
                                                       GError              **error);
gint64            limber_journal_add_pack             (LimberJournal        *self,
                                                       LimberPackKind        kind,
                                                       gint64                started_us,
                                                       gint64                duration_us,
                                                       GError              **error);
gint64            limber_journal_add_doctor_visit     (LimberJournal        *self,
                                                       GError              **error);
gint64            limber_journal_add_plank_hold       (LimberJournal        *self,
                                                       guint                 seconds,
                                                       GError              **error);
gint64            limber_journal_add_reminder_event   (LimberJournal        *self,
                                                       LimberReminderKind    kind,
                                                       LimberReminderAction  action,
                                                       GError              **error);
gboolean          limber_journal_delete_all           (LimberJournal        *self,
                                                       GError              **error);
gboolean          limber_journal_export               (LimberJournal        *self,
                                                       const char           *path,
                                                       GError              **error);
gboolean          limber_journal_import_water_file    (LimberJournal        *self,
                                                       const char           *path,
                                                       GError              **error);
gboolean          limber_journal_import_plank_hold    (LimberJournal        *self,
                                                       guint                 seconds,
                                                       guint                 default_seconds,
                                                       GError              **error);

/* Reading. Ranges are [from_us, to_us). */
gboolean          limber_journal_is_empty             (LimberJournal        *self);
guint             limber_journal_count                (LimberJournal        *self,
                                                       LimberRecordCount      what,
                                                       gint64                from_us,
                                                       gint64                to_us);
guint             limber_journal_count_today          (LimberJournal        *self,
                                                       LimberRecordCount      what,
                                                       GTimeZone            *time_zone);
void              limber_journal_count_per_day        (LimberJournal        *self,
                                                       LimberRecordCount      what,
                                                       GDateTime            *first_day,
                                                       guint                 n_days,
                                                       guint                *counts);
guint             limber_journal_count_routine        (LimberJournal        *self,
                                                       const char           *routine_id,
                                                       gint64                from_us,
                                                       gint64                to_us);
guint             limber_journal_count_packs          (LimberJournal        *self,
                                                       LimberPackKind        kind,
                                                       gint64                from_us,
                                                       gint64                to_us);
gint64            limber_journal_sum_packs            (LimberJournal        *self,
                                                       LimberPackKind        kind,
                                                       gint64                from_us,
                                                       gint64                to_us);
GPtrArray        *limber_journal_list_episodes        (LimberJournal        *self);
GStrv             limber_journal_dup_last_check_yes   (LimberJournal        *self);
gboolean          limber_journal_check_readable       (LimberJournal        *self,
                                                       GError              **error);
GArray           *limber_journal_list_pain_after      (LimberJournal        *self,
                                                       gint64                from_us,
                                                       gint64                to_us);
GArray           *limber_journal_list_pain            (LimberJournal        *self,
                                                       gint64                from_us,
                                                       gint64                to_us);
GArray           *limber_journal_list_plank_holds     (LimberJournal        *self);
GPtrArray        *limber_journal_list_sessions        (LimberJournal        *self,
                                                       gint64                from_us,
                                                       gint64                to_us);
guint             limber_journal_get_plank_hold       (LimberJournal        *self,
                                                       guint                 fallback);
guint             limber_journal_get_streak           (LimberJournal        *self,
                                                       GDateTime            *today);
LimberEpisode    *limber_journal_get_open_episode     (LimberJournal        *self);
guint             limber_journal_count_episodes       (LimberJournal        *self,
                                                       gint64                from_us,
                                                       gint64                to_us);
gboolean          limber_journal_get_last_doctor_visit (LimberJournal       *self,
                                                        gint64              *time_us);
gboolean          limber_journal_get_last_check       (LimberJournal        *self,
                                                       gint64               *time_us,
                                                       LimberTriageOutcome  *outcome);
gboolean          limber_journal_get_last_pack        (LimberJournal        *self,
                                                       LimberPackKind       *kind,
                                                       gint64               *started_us,
                                                       gint64               *duration_us);

G_END_DECLS
