/* limber-reminder-scheduler.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "limber-clock.h"
#include "limber-record-types.h"

G_BEGIN_DECLS

/**
 * LimberReminderHold:
 * @LIMBER_REMINDER_HOLD_NONE: nothing holds reminders back
 * @LIMBER_REMINDER_HOLD_SILENCED: the desktop does not show notification banners
 * @LIMBER_REMINDER_HOLD_NO_SERVER: no notification server is on the bus
 *
 * Reasons, besides a pause and the user being away, for which reminders that fall due are
 * held rather than shown. A held reminder is shown once when nothing holds it any more.
 */
typedef enum /*< flags >*/
{
  LIMBER_REMINDER_HOLD_NONE = 0,
  LIMBER_REMINDER_HOLD_SILENCED = 1 << 0,
  LIMBER_REMINDER_HOLD_NO_SERVER = 1 << 1,
} LimberReminderHold;

/**
 * LimberWeekdays:
 *
 * A set of days of the week, bit (n - 1) for ISO day n (Monday is 1, Sunday is 7).
 */
typedef enum /*< flags >*/
{
  LIMBER_WEEKDAY_MONDAY = 1 << 0,
  LIMBER_WEEKDAY_TUESDAY = 1 << 1,
  LIMBER_WEEKDAY_WEDNESDAY = 1 << 2,
  LIMBER_WEEKDAY_THURSDAY = 1 << 3,
  LIMBER_WEEKDAY_FRIDAY = 1 << 4,
  LIMBER_WEEKDAY_SATURDAY = 1 << 5,
  LIMBER_WEEKDAY_SUNDAY = 1 << 6,
} LimberWeekdays;

#define LIMBER_WEEKDAYS_WORKING_WEEK 0x1f
#define LIMBER_WEEKDAYS_ALL 0x7f

/* Away for at least this long counts as a natural break: posture and walk start over. */
#define LIMBER_REMINDER_NATURAL_BREAK_US (G_GINT64_CONSTANT (5) * 60 * G_USEC_PER_SEC)

/* The longest snooze or pause the scheduler accepts. */
#define LIMBER_REMINDER_MAX_DELAY_US (G_GINT64_CONSTANT (24) * 3600 * G_USEC_PER_SEC)

#define LIMBER_TYPE_REMINDER_SCHEDULER (limber_reminder_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (LimberReminderScheduler, limber_reminder_scheduler,
                      LIMBER, REMINDER_SCHEDULER, GObject)

LimberReminderScheduler *limber_reminder_scheduler_new          (LimberClock             *clock,
                                                                 GTimeZone               *time_zone);
LimberClock *limber_reminder_scheduler_get_clock                (LimberReminderScheduler *self);

void     limber_reminder_scheduler_set_enabled                  (LimberReminderScheduler *self,
                                                                 LimberReminderKind       kind,
                                                                 gboolean                 enabled);
gboolean limber_reminder_scheduler_get_enabled                  (LimberReminderScheduler *self,
                                                                 LimberReminderKind       kind);
void     limber_reminder_scheduler_set_interval                 (LimberReminderScheduler *self,
                                                                 LimberReminderKind       kind,
                                                                 gint64                   interval_us);
gint64   limber_reminder_scheduler_get_interval                 (LimberReminderScheduler *self,
                                                                 LimberReminderKind       kind);
void     limber_reminder_scheduler_set_active_hours             (LimberReminderScheduler *self,
                                                                 guint                    start_minute,
                                                                 guint                    end_minute);
void     limber_reminder_scheduler_set_active_days              (LimberReminderScheduler *self,
                                                                 LimberWeekdays           days);
gboolean limber_reminder_scheduler_is_active_at                 (LimberReminderScheduler *self,
                                                                 gint64                   wall_us);
void     limber_reminder_scheduler_set_waking_hours             (LimberReminderScheduler *self,
                                                                 guint                    start_minute,
                                                                 guint                    end_minute);
void     limber_reminder_scheduler_set_acute                    (LimberReminderScheduler *self,
                                                                 gint64                   start_us,
                                                                 gint64                   end_us);
gboolean limber_reminder_scheduler_follows_acute                (LimberReminderScheduler *self,
                                                                 LimberReminderKind       kind);
gint64   limber_reminder_scheduler_get_current_interval         (LimberReminderScheduler *self,
                                                                 LimberReminderKind       kind);

gint64   limber_reminder_scheduler_get_next_due                 (LimberReminderScheduler *self,
                                                                 LimberReminderKind       kind);
gboolean limber_reminder_scheduler_is_held                      (LimberReminderScheduler *self,
                                                                 LimberReminderKind       kind);

void     limber_reminder_scheduler_snooze                       (LimberReminderScheduler *self,
                                                                 LimberReminderKind       kind,
                                                                 gint64                   delay_us);
void     limber_reminder_scheduler_restart                      (LimberReminderScheduler *self,
                                                                 LimberReminderKind       kind);
void     limber_reminder_scheduler_restart_from                 (LimberReminderScheduler *self,
                                                                 LimberReminderKind       kind,
                                                                 gint64                   anchor_us);
void     limber_reminder_scheduler_pause                        (LimberReminderScheduler *self,
                                                                 gint64                   duration_us);
void     limber_reminder_scheduler_resume                       (LimberReminderScheduler *self);
gint64   limber_reminder_scheduler_get_paused_until             (LimberReminderScheduler *self);

void     limber_reminder_scheduler_set_away                     (LimberReminderScheduler *self,
                                                                 gboolean                 away,
                                                                 gint64                   since_wall_us);
void     limber_reminder_scheduler_add_hold                     (LimberReminderScheduler *self,
                                                                 LimberReminderHold       hold);
void     limber_reminder_scheduler_remove_hold                  (LimberReminderScheduler *self,
                                                                 LimberReminderHold       hold);
void     limber_reminder_scheduler_hold_kind                    (LimberReminderScheduler *self,
                                                                 LimberReminderKind       kind);
void     limber_reminder_scheduler_check_clock                  (LimberReminderScheduler *self);


G_END_DECLS
