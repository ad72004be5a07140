/* limber-journal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-records-enums.h"
#include "limber-enum-nick.h"
#include "limber-local-time.h"
#include "limber-store-private.h"

#include "limber-journal-private.h"

/*
 * The one writer and reader of the user's records: sessions and pain ratings, checks, glasses,
 * walks, posture breaks, episodes, packs, plank progress and reminder events. It owns the
 * history store. The app and the reminder service each hold one, on the same file.
 *
 * Whoever wrote a record, this process or the other, every journal on the file says so with
 * one "changed" signal per kind of record that changed. Both come the same way: the store
 * announces its own writes at once and another process's writes through its folder monitor
 * and SQLite's data_version (no polling); the journal then compares each kind's mark (row
 * count, newest id, updates) with the one it saw last. So a process that starts later, or
 * restarts, simply begins from what the file holds, and one that is absent misses nothing.
 */

G_DEFINE_FINAL_TYPE (LimberJournal, limber_journal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_PROBLEM,
  PROP_SAVING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  WRITE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Says which kinds of record changed since the last look. */
static void
on_store_changed (LimberJournal *self)
{
  gboolean changed[LIMBER_N_RECORD_KINDS] = { FALSE, };

  /* Take every mark first, so a handler that reads the journal sees them all up to date. */
  for (guint kind = 0; kind < LIMBER_N_RECORD_KINDS; kind++)
    {
      g_autofree char *mark = limber_store_dup_mark (self->store, kind);

      if (g_strcmp0 (mark, self->marks[kind]) != 0)
        {
          g_free (self->marks[kind]);
          self->marks[kind] = g_steal_pointer (&mark);
          changed[kind] = TRUE;
        }
    }

  for (guint kind = 0; kind < LIMBER_N_RECORD_KINDS; kind++)
    {
      if (changed[kind])
        g_signal_emit (self, signals[CHANGED], 0, (LimberRecordKind) kind);
    }
}

static void
take_marks (LimberJournal *self)
{
  for (guint kind = 0; kind < LIMBER_N_RECORD_KINDS; kind++)
    {
      g_free (self->marks[kind]);
      self->marks[kind] = limber_store_dup_mark (self->store, kind);
    }
}

/* A write that failed even in memory is said once here, for the window to show. */
static gboolean
failed (LimberJournal  *self,
        GError         *local_error,
        GError        **error)
{
  g_message ("Not recorded: %s", local_error->message);
  g_signal_emit (self, signals[WRITE_FAILED], 0, local_error->message);
  g_propagate_error (error, local_error);

  return FALSE;
}

static gint64
now_us (LimberJournal *self)
{
  return limber_clock_now_wall_us (self->clock);
}

/* GObject */

static void
limber_journal_dispose (GObject *object)
{
  LimberJournal *self = LIMBER_JOURNAL (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_journal_parent_class)->dispose (object);
}

static void
limber_journal_finalize (GObject *object)
{
  LimberJournal *self = LIMBER_JOURNAL (object);

  for (guint kind = 0; kind < LIMBER_N_RECORD_KINDS; kind++)
    g_free (self->marks[kind]);

  G_OBJECT_CLASS (limber_journal_parent_class)->finalize (object);
}

static void
limber_journal_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LimberJournal *self = LIMBER_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, limber_journal_get_problem (self));
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, limber_journal_get_saving (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_journal_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LimberJournal *self = LIMBER_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_journal_constructed (GObject *object)
{
  LimberJournal *self = LIMBER_JOURNAL (object);

  G_OBJECT_CLASS (limber_journal_parent_class)->constructed (object);

  g_return_if_fail (LIMBER_IS_CLOCK (self->clock));
}

static void
limber_journal_class_init (LimberJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_journal_dispose;
  object_class->finalize = limber_journal_finalize;
  object_class->get_property = limber_journal_get_property;
  object_class->set_property = limber_journal_set_property;
  object_class->constructed = limber_journal_constructed;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, LIMBER_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberJournal:problem:
   *
   * Why records are not being saved to the file, or %NULL while they are.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberJournal::changed:
   * @kind: the #LimberRecordKind of the records that changed
   *
   * Records of @kind were added, changed or deleted, in this process or another.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, LIMBER_TYPE_RECORD_KIND);

  /**
   * LimberJournal::write-failed:
   * @message: what could not be recorded, and why
   *
   * A record could not be kept, not even in memory. The window shows it, so nothing is lost
   * without the user knowing.
   */
  signals[WRITE_FAILED] = g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
limber_journal_init (LimberJournal *self)
{
}

/**
 * limber_journal_new:
 * @clock: the clock that stamps records
 * @path: (nullable): the store's file, or %NULL for `$XDG_DATA_HOME/limber/limber.db`
 *
 * Opens the journal on its file. A file that cannot be used is moved aside or replaced by
 * memory, as the store does; #LimberJournal:problem and
 * limber_journal_get_moved_aside_path() say so.
 *
 * Returns: (transfer full): a new journal
 */
LimberJournal *
limber_journal_new (LimberClock *clock,
                    const char  *path)
{
  g_autoptr(GError) error = NULL;
  LimberJournal *self;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  self = g_object_new (LIMBER_TYPE_JOURNAL, "clock", clock, NULL);
  self->store = limber_store_new (clock, path);
  if (!limber_store_open (self->store, &error))
    g_message ("History: %s", error->message);
  else if (limber_store_get_moved_aside_path (self->store) != NULL)
    g_message ("History: the damaged file was moved to %s",
               limber_store_get_moved_aside_path (self->store));

  take_marks (self);
  g_signal_connect_swapped (self->store, "changed", G_CALLBACK (on_store_changed), self);
  g_signal_connect_swapped (self->store, "notify::problem", G_CALLBACK (g_object_notify_by_pspec),
                            self);
  g_signal_connect_swapped (self->store, "notify::saving", G_CALLBACK (g_object_notify_by_pspec),
                            self);

  return self;
}

LimberClock *
limber_journal_get_clock (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  return self->clock;
}

const char *
limber_journal_get_path (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  return limber_store_get_path (self->store);
}

gboolean
limber_journal_get_saving (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  return limber_store_get_saving (self->store);
}

const char *
limber_journal_get_problem (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  return limber_store_get_problem (self->store);
}

const char *
limber_journal_get_moved_aside_path (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  return limber_store_get_moved_aside_path (self->store);
}

/* Writing */

gint64
limber_journal_add_session (LimberJournal        *self,
                            LimberSessionRecord  *record,
                            GError              **error)
{
  GError *local_error = NULL;
  gint64 id;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (record), 0);

  id = limber_store_add_session (self->store, record, &local_error);
  if (id == 0)
    return failed (self, local_error, error);

  return id;
}

gboolean
limber_journal_set_pain_after (LimberJournal  *self,
                               gint64          session_id,
                               int             pain,
                               GError        **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);

  if (!limber_store_set_session_pain_after (self->store, session_id, pain, &local_error))
    return failed (self, local_error, error);

  return TRUE;
}

gint64
limber_journal_add_check (LimberJournal             *self,
                          LimberTriageOutcome        outcome,
                          const LimberTriageAnswer  *answers,
                          GError                   **error)
{
  GError *local_error = NULL;
  gint64 id;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);

  id = limber_store_add_check (self->store, now_us (self), outcome, answers, &local_error);
  if (id == 0)
    return failed (self, local_error, error);

  return id;
}

/**
 * limber_journal_add_glass:
 * @source: where the glass was logged
 *
 * Records a glass of water now, unless today already holds %LIMBER_JOURNAL_MAX_GLASSES_PER_DAY.
 * The reminder service, seeing it, starts the water interval over.
 */
gint64
limber_journal_add_glass (LimberJournal      *self,
                          LimberGlassSource   source,
                          GError            **error)
{
  GError *local_error = NULL;
  gint64 id;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);

  /* A stuck button or a script, not drinking: the day's count stays meaningful. */
  if (limber_journal_count_today (self, LIMBER_RECORD_COUNT_GLASSES, NULL)
      >= LIMBER_JOURNAL_MAX_GLASSES_PER_DAY)
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_INVALID,
                   "today already has %u glasses, the most a day can hold",
                   LIMBER_JOURNAL_MAX_GLASSES_PER_DAY);
      return 0;
    }

  id = limber_store_add_glass (self->store, now_us (self), limber_glass_source_to_string (source),
                               &local_error);
  if (id == 0)
    return failed (self, local_error, error);

  return id;
}

/**
 * limber_journal_add_reminder_event:
 * @kind: the reminder
 * @action: what happened to it
 *
 * A walk or a posture break is the %LIMBER_REMINDER_ACTION_DONE of its reminder, however it
 * was recorded, so "I walked" in the app and "Done" on the notification are one kind of record.
 */
gint64
limber_journal_add_reminder_event (LimberJournal         *self,
                                   LimberReminderKind     kind,
                                   LimberReminderAction   action,
                                   GError               **error)
{
  GError *local_error = NULL;
  gint64 id;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);

  id = limber_store_add_reminder_event (self->store, now_us (self),
                                        limber_reminder_kind_to_string (kind),
                                        limber_reminder_action_to_string (action), &local_error);
  if (id == 0)
    return failed (self, local_error, error);

  return id;
}

/* Records a walk taken now. */
gint64
limber_journal_add_walk (LimberJournal  *self,
                         GError        **error)
{
  return limber_journal_add_reminder_event (self, LIMBER_REMINDER_WALK,
                                            LIMBER_REMINDER_ACTION_DONE, error);
}

/* Records a posture break (standing up, moving) taken now. */
gint64
limber_journal_add_posture_break (LimberJournal  *self,
                                  GError        **error)
{
  return limber_journal_add_reminder_event (self, LIMBER_REMINDER_POSTURE,
                                            LIMBER_REMINDER_ACTION_DONE, error);
}

gint64
limber_journal_start_episode (LimberJournal  *self,
                              GError        **error)
{
  GError *local_error = NULL;
  gint64 id;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);

  id = limber_store_start_episode (self->store, now_us (self), &local_error);
  if (id == 0)
    return failed (self, local_error, error);

  return id;
}

gboolean
limber_journal_end_episode (LimberJournal  *self,
                            gint64          episode_id,
                            const char     *notes,
                            GError        **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);

  if (!limber_store_end_episode (self->store, episode_id, now_us (self), notes, &local_error))
    return failed (self, local_error, error);

  return TRUE;
}

gint64
limber_journal_add_pack (LimberJournal   *self,
                         LimberPackKind   kind,
                         gint64           started_us,
                         gint64           duration_us,
                         GError         **error)
{
  GError *local_error = NULL;
  gint64 id;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);

  id = limber_store_add_pack (self->store, kind, started_us, duration_us, &local_error);
  if (id == 0)
    return failed (self, local_error, error);

  return id;
}

/* "I have seen a doctor": clears the see-a-doctor warnings raised before now. */
gint64
limber_journal_add_doctor_visit (LimberJournal  *self,
                                 GError        **error)
{
  GError *local_error = NULL;
  gint64 id;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);

  id = limber_store_add_doctor_visit (self->store, now_us (self), &local_error);
  if (id == 0)
    return failed (self, local_error, error);

  return id;
}

gint64
limber_journal_add_plank_hold (LimberJournal  *self,
                               guint           seconds,
                               GError        **error)
{
  GError *local_error = NULL;
  gint64 id;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);

  id = limber_store_add_plank_hold (self->store, now_us (self), seconds, &local_error);
  if (id == 0)
    return failed (self, local_error, error);

  return id;
}

/* Empties every kind of record (settings and import markers stay). Not announced as a failed
 * write: the caller asked, and says the outcome itself. */
gboolean
limber_journal_delete_all (LimberJournal  *self,
                           GError        **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  return limber_store_delete_all (self->store, error);
}

gboolean
limber_journal_import_water_file (LimberJournal  *self,
                                  const char     *path,
                                  GError        **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  return limber_store_import_water_file (self->store, path, NULL, error);
}

gboolean
limber_journal_import_plank_hold (LimberJournal  *self,
                                  guint           seconds,
                                  guint           default_seconds,
                                  GError        **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  return limber_store_import_plank_hold (self->store, seconds, default_seconds, error);
}

/* Reading */

gboolean
limber_journal_is_empty (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), TRUE);
  return limber_store_is_empty (self->store);
}

guint
limber_journal_count (LimberJournal    *self,
                      LimberRecordCount  what,
                      gint64            from_us,
                      gint64            to_us)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);
  return limber_store_count (self->store, what, from_us, to_us);
}

/**
 * limber_journal_count_today:
 * @time_zone: (nullable): the zone whose day counts, or %NULL for the local one
 *
 * Returns: how many of @what fall on the current day, by the journal's clock
 */
guint
limber_journal_count_today (LimberJournal    *self,
                            LimberRecordCount  what,
                            GTimeZone        *time_zone)
{
  g_autoptr(GTimeZone) local = NULL;
  gint64 from, to;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);

  if (time_zone == NULL)
    time_zone = local = g_time_zone_new_local ();
  limber_local_time_day_range (time_zone, now_us (self), &from, &to);

  return limber_store_count (self->store, what, from, to);
}

void
limber_journal_count_per_day (LimberJournal    *self,
                              LimberRecordCount  what,
                              GDateTime        *first_day,
                              guint             n_days,
                              guint            *counts)
{
  g_return_if_fail (LIMBER_IS_JOURNAL (self));
  limber_store_count_per_day (self->store, what, first_day, n_days, counts);
}

guint
limber_journal_count_routine (LimberJournal *self,
                              const char    *routine_id,
                              gint64         from_us,
                              gint64         to_us)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);
  return limber_store_count_routine (self->store, routine_id, from_us, to_us);
}

guint
limber_journal_count_packs (LimberJournal  *self,
                            LimberPackKind  kind,
                            gint64          from_us,
                            gint64          to_us)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);
  return limber_store_count_packs (self->store, kind, from_us, to_us);
}

/* Returns: how long the packs of @kind started in the range were on, in µs */
gint64
limber_journal_sum_packs (LimberJournal  *self,
                          LimberPackKind  kind,
                          gint64          from_us,
                          gint64          to_us)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);
  return limber_store_sum_packs (self->store, kind, from_us, to_us);
}

/* Returns: (transfer full) (element-type LimberEpisode): every episode, oldest first */
GPtrArray *
limber_journal_list_episodes (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  return limber_store_list_episodes (self->store);
}

/* Returns: (transfer full): the question ids the latest check answered Yes, in asking order */
GStrv
limber_journal_dup_last_check_yes (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  return limber_store_dup_last_check_yes (self->store);
}

/**
 * limber_journal_check_readable:
 *
 * Whether the records can be read by this version. A file written by a newer Limber is left
 * alone and reads as empty, so whatever reports on the records must refuse rather than say
 * there are none.
 *
 * Returns: %TRUE if the records read are the file's; %FALSE with
 *   %LIMBER_STORE_ERROR_NEWER_VERSION otherwise
 */
gboolean
limber_journal_check_readable (LimberJournal  *self,
                               GError        **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);

  if (limber_store_get_newer_version (self->store) > 0)
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_NEWER_VERSION,
                   _("%s was written by a newer version of Limber (format %d, this version "
                     "reads up to %d)"),
                   limber_store_get_path (self->store),
                   limber_store_get_newer_version (self->store), LIMBER_STORE_VERSION);
      return FALSE;
    }

  return TRUE;
}

GArray *
limber_journal_list_pain_after (LimberJournal *self,
                                gint64         from_us,
                                gint64         to_us)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  return limber_store_list_pain_after (self->store, from_us, to_us);
}

/* Returns: (transfer full) (element-type LimberRecordPoint): every pain rating, before and
 *   after sessions, by time */
GArray *
limber_journal_list_pain (LimberJournal *self,
                          gint64         from_us,
                          gint64         to_us)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  return limber_store_list_pain (self->store, from_us, to_us);
}

GArray *
limber_journal_list_plank_holds (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  return limber_store_list_plank_holds (self->store);
}

GPtrArray *
limber_journal_list_sessions (LimberJournal *self,
                              gint64         from_us,
                              gint64         to_us)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  return limber_store_list_sessions (self->store, from_us, to_us);
}

guint
limber_journal_get_plank_hold (LimberJournal *self,
                               guint          fallback)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), fallback);
  return limber_store_get_plank_hold (self->store, fallback);
}

guint
limber_journal_get_streak (LimberJournal *self,
                           GDateTime     *today)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);
  return limber_store_get_streak (self->store, today);
}

LimberEpisode *
limber_journal_get_open_episode (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  return limber_store_get_open_episode (self->store);
}

guint
limber_journal_count_episodes (LimberJournal *self,
                               gint64         from_us,
                               gint64         to_us)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);
  return limber_store_count_episodes (self->store, from_us, to_us);
}

gboolean
limber_journal_get_last_doctor_visit (LimberJournal *self,
                                      gint64        *time_us)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  return limber_store_get_last_doctor_visit (self->store, time_us);
}

gboolean
limber_journal_get_last_check (LimberJournal       *self,
                               gint64              *time_us,
                               LimberTriageOutcome *outcome)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  return limber_store_get_last_check (self->store, time_us, outcome);
}

gboolean
limber_journal_get_last_pack (LimberJournal  *self,
                              LimberPackKind *kind,
                              gint64         *started_us,
                              gint64         *duration_us)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  return limber_store_get_last_pack (self->store, kind, started_us, duration_us);
}

