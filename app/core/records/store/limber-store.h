/* limber-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "limber-clock.h"
#include "limber-record-types.h"
#include "limber-session-record.h"
#include "limber-triage.h"

G_BEGIN_DECLS

/* The schema version this build writes; older files are migrated forward on open. */
#define LIMBER_STORE_VERSION 4

#define LIMBER_STORE_ERROR (limber_store_error_quark ())

/**
 * LimberStoreError:
 * @LIMBER_STORE_ERROR_FAILED: SQLite reported an error; the message names it and the file
 * @LIMBER_STORE_ERROR_NOT_SAVING: the file could not be opened or written (read-only folder,
 *   full disk, a lock held by another process); the store keeps what is recorded in memory,
 *   until the program ends or, for a full disk or a lock, until the file can take it
 * @LIMBER_STORE_ERROR_NEWER_VERSION: the file was written by a newer Limber
 * @LIMBER_STORE_ERROR_INVALID: an argument is out of range (a pain rating of 11)
 */
typedef enum
{
  LIMBER_STORE_ERROR_FAILED,
  LIMBER_STORE_ERROR_NOT_SAVING,
  LIMBER_STORE_ERROR_NEWER_VERSION,
  LIMBER_STORE_ERROR_INVALID,
} LimberStoreError;

#define LIMBER_TYPE_STORE (limber_store_get_type ())
G_DECLARE_FINAL_TYPE (LimberStore, limber_store, LIMBER, STORE, GObject)

GQuark            limber_store_error_quark          (void);

LimberStore      *limber_store_new                  (LimberClock        *clock,
                                                     const char         *path);
char             *limber_store_default_path         (void);
gboolean          limber_store_limit_memory         (void);
gboolean          limber_store_open                 (LimberStore        *self,
                                                     GError            **error);
const char       *limber_store_get_path             (LimberStore        *self);
gboolean          limber_store_get_saving           (LimberStore        *self);
const char       *limber_store_get_problem          (LimberStore        *self);
const char       *limber_store_get_moved_aside_path (LimberStore        *self);
int               limber_store_get_file_version     (LimberStore        *self);

/* Writing. Each returns the new row's id, or 0 and an error. */
gint64            limber_store_add_session          (LimberStore        *self,
                                                     LimberSessionRecord *record,
                                                     GError            **error);
gboolean          limber_store_set_session_pain_after (LimberStore      *self,
                                                     gint64              id,
                                                     int                 pain,
                                                     GError            **error);
gint64            limber_store_add_check            (LimberStore        *self,
                                                     gint64              time_us,
                                                     LimberTriageOutcome outcome,
                                                     const LimberTriageAnswer *answers,
                                                     GError            **error);
gint64            limber_store_add_glass            (LimberStore        *self,
                                                     gint64              time_us,
                                                     const char         *source,
                                                     GError            **error);
gint64            limber_store_start_episode        (LimberStore        *self,
                                                     gint64              time_us,
                                                     GError            **error);
gboolean          limber_store_end_episode          (LimberStore        *self,
                                                     gint64              id,
                                                     gint64              time_us,
                                                     const char         *notes,
                                                     GError            **error);
gint64            limber_store_add_pack             (LimberStore        *self,
                                                     LimberPackKind      kind,
                                                     gint64              started_us,
                                                     gint64              duration_us,
                                                     GError            **error);
gint64            limber_store_add_plank_hold       (LimberStore        *self,
                                                     gint64              time_us,
                                                     guint               seconds,
                                                     GError            **error);
gint64            limber_store_add_reminder_event   (LimberStore        *self,
                                                     gint64              time_us,
                                                     const char         *kind,
                                                     const char         *action,
                                                     GError            **error);
gint64            limber_store_add_doctor_visit     (LimberStore        *self,
                                                     gint64              time_us,
                                                     GError            **error);
gboolean          limber_store_delete_all           (LimberStore        *self,
                                                     GError            **error);

/* One-time imports of what was kept elsewhere before the store existed. */
gboolean          limber_store_import_water_file    (LimberStore        *self,
                                                     const char         *path,
                                                     GTimeZone          *time_zone,
                                                     GError            **error);
gboolean          limber_store_import_plank_hold    (LimberStore        *self,
                                                     guint               seconds,
                                                     guint               default_seconds,
                                                     GError            **error);

/* Reading. Ranges are [from_us, to_us). */
char             *limber_store_dup_mark             (LimberStore        *self,
                                                     LimberRecordKind    kind);
gboolean          limber_store_is_empty             (LimberStore        *self);
guint             limber_store_count                (LimberStore        *self,
                                                     LimberRecordCount    what,
                                                     gint64              from_us,
                                                     gint64              to_us);
void              limber_store_count_per_day        (LimberStore        *self,
                                                     LimberRecordCount    what,
                                                     GDateTime          *first_day,
                                                     guint               n_days,
                                                     guint              *counts);
guint             limber_store_count_routine        (LimberStore        *self,
                                                     const char         *routine_id,
                                                     gint64              from_us,
                                                     gint64              to_us);
GArray           *limber_store_list_pain_after      (LimberStore        *self,
                                                     gint64              from_us,
                                                     gint64              to_us);
GArray           *limber_store_list_pain            (LimberStore        *self,
                                                     gint64              from_us,
                                                     gint64              to_us);
GArray           *limber_store_list_plank_holds     (LimberStore        *self);
guint             limber_store_get_plank_hold       (LimberStore        *self,
                                                     guint               fallback);
GPtrArray        *limber_store_list_sessions        (LimberStore        *self,
                                                     gint64              from_us,
                                                     gint64              to_us);
guint             limber_store_get_streak           (LimberStore        *self,
                                                     GDateTime          *today);
LimberEpisode    *limber_store_get_open_episode     (LimberStore        *self);
GPtrArray        *limber_store_list_episodes        (LimberStore        *self);
guint             limber_store_count_episodes       (LimberStore        *self,
                                                     gint64              from_us,
                                                     gint64              to_us);
gboolean          limber_store_get_last_doctor_visit (LimberStore       *self,
                                                      gint64            *time_us);
gboolean          limber_store_get_last_check       (LimberStore        *self,
                                                     gint64             *time_us,
                                                     LimberTriageOutcome *outcome);
gboolean          limber_store_get_last_pack        (LimberStore        *self,
                                                     LimberPackKind     *kind,
                                                     gint64             *started_us,
                                                     gint64             *duration_us);
guint             limber_store_count_packs          (LimberStore        *self,
                                                     LimberPackKind      kind,
                                                     gint64              from_us,
                                                     gint64              to_us);
gint64            limber_store_sum_packs            (LimberStore        *self,
                                                     LimberPackKind      kind,
                                                     gint64              from_us,
                                                     gint64              to_us);
GStrv             limber_store_dup_last_check_yes   (LimberStore        *self);

/* Export (limber-store-export.c): the format follows the file name, ".csv" or ".json". */
gboolean          limber_store_export               (LimberStore        *self,
                                                     const char         *path,
                                                     GError            **error);

G_END_DECLS
