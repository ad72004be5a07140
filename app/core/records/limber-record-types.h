/* limber-record-types.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words of the records: what callers of the journal (the pages, the reminder service, the
 * care plan, the scheduler) need to name a record, and nothing of how it is kept. Every enum
 * here is kept in the store, on D-Bus or in a file by its glib-mkenums nick.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * LimberReminderKind:
 * @LIMBER_REMINDER_HYDRATION: drink a glass of water
 * @LIMBER_REMINDER_POSTURE: stand up, change position, a minute of movement
 * @LIMBER_REMINDER_WALK: a short walk
 * @LIMBER_REMINDER_PACK: a cold pack, only in the acute plan (the first 72 hours of a spasm)
 *
 * The kinds of reminder. Their nicks ("hydration", "posture", "walk", "pack") are the names
 * used on D-Bus, in the settings and in the journal. New kinds go at the end: D-Bus clients
 * and the journal know them by name, but the order is the order GetSchedule lists them in.
 */
typedef enum
{
  LIMBER_REMINDER_HYDRATION,
  LIMBER_REMINDER_POSTURE,
  LIMBER_REMINDER_WALK,
  LIMBER_REMINDER_PACK,
} LimberReminderKind;

#define LIMBER_N_REMINDER_KINDS 4

/**
 * LimberReminderAction:
 * @LIMBER_REMINDER_ACTION_SHOWN: the reminder was shown
 * @LIMBER_REMINDER_ACTION_DRANK: "I drank a glass"
 * @LIMBER_REMINDER_ACTION_SNOOZED: "Snooze"
 * @LIMBER_REMINDER_ACTION_STRETCH: "Stretch now"
 * @LIMBER_REMINDER_ACTION_DONE: "Done": a walk or a posture break was taken
 * @LIMBER_REMINDER_ACTION_OPENED: the notification's body opened Limber
 * @LIMBER_REMINDER_ACTION_START_PACK: "Start Cold Pack"
 *
 * What happened to a reminder. Kept in the store by its nick.
 */
typedef enum
{
  LIMBER_REMINDER_ACTION_SHOWN,
  LIMBER_REMINDER_ACTION_DRANK,
  LIMBER_REMINDER_ACTION_SNOOZED,
  LIMBER_REMINDER_ACTION_STRETCH,
  LIMBER_REMINDER_ACTION_DONE,
  LIMBER_REMINDER_ACTION_OPENED,
  LIMBER_REMINDER_ACTION_START_PACK,
} LimberReminderAction;

/**
 * LimberGlassSource:
 * @LIMBER_GLASS_FROM_APP: a button in Limber
 * @LIMBER_GLASS_FROM_REMINDER: the water reminder's "I drank a glass"
 * @LIMBER_GLASS_FROM_DBUS: the reminder service's LogWater method
 */
typedef enum
{
  LIMBER_GLASS_FROM_APP,
  LIMBER_GLASS_FROM_REMINDER,
  LIMBER_GLASS_FROM_DBUS,
} LimberGlassSource;

/**
 * LimberPackKind:
 * @LIMBER_PACK_COLD: a cold pack
 * @LIMBER_PACK_HEAT: a heat pack
 *
 * Kept in the store by its nick.
 */
typedef enum
{
  LIMBER_PACK_COLD,
  LIMBER_PACK_HEAT,
} LimberPackKind;

/**
 * LimberRecordKind:
 *
 * The kinds of user record, as LimberJournal::changed names them. Walks and posture breaks are
 * reminder events answered with "done" (from a notification or the app); the rest of the
 * reminder events (shown, snoozed, …) are %LIMBER_RECORD_REMINDER.
 */
typedef enum
{
  LIMBER_RECORD_SESSION,
  LIMBER_RECORD_CHECK,
  LIMBER_RECORD_GLASS,
  LIMBER_RECORD_WALK,
  LIMBER_RECORD_POSTURE_BREAK,
  LIMBER_RECORD_EPISODE,
  LIMBER_RECORD_PACK,
  LIMBER_RECORD_PLANK_HOLD,
  LIMBER_RECORD_REMINDER,
  LIMBER_RECORD_DOCTOR_VISIT,
} LimberRecordKind;

#define LIMBER_N_RECORD_KINDS (LIMBER_RECORD_DOCTOR_VISIT + 1)

/* What limber_journal_count_per_day() counts. */
typedef enum
{
  LIMBER_RECORD_COUNT_GLASSES,
  LIMBER_RECORD_COUNT_SESSIONS,   /* sessions with at least one exercise done */
  LIMBER_RECORD_COUNT_WALKS,      /* walk reminders answered with Done */
} LimberRecordCount;

/**
 * LimberRecordPoint:
 * @time_us: wall-clock time, µs since the Unix epoch
 * @value: the measured value (a pain rating, seconds of plank hold)
 */
typedef struct
{
  gint64 time_us;
  int    value;
} LimberRecordPoint;

/**
 * LimberEpisode:
 * @id: row id
 * @started_us: when "I have a back spasm now" was pressed
 * @ended_us: when "I feel better" was pressed, or 0 while the episode lasts
 * @notes: (nullable): what the user wrote when it ended
 */
typedef struct
{
  gint64  id;
  gint64  started_us;
  gint64  ended_us;
  char   *notes;
} LimberEpisode;

void limber_episode_free (LimberEpisode *episode);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberEpisode, limber_episode_free)

const char *limber_reminder_kind_to_string   (LimberReminderKind    kind);
gboolean    limber_reminder_kind_from_string (const char           *text,
                                              LimberReminderKind   *kind);
const char *limber_reminder_action_to_string (LimberReminderAction  action);
const char *limber_glass_source_to_string    (LimberGlassSource     source);
const char *limber_pack_kind_to_string       (LimberPackKind        kind);
gboolean    limber_pack_kind_from_string     (const char           *text,
                                              LimberPackKind       *kind);

G_END_DECLS
