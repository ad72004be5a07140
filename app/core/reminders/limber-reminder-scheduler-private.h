/* limber-reminder-scheduler-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-reminder-scheduler.h"

G_BEGIN_DECLS

/*
 * What the parts of LimberReminderScheduler share. limber-reminder-scheduler.c holds the
 * object and its state machine (timers, clock jumps, showing and releasing reminders, the
 * settings); limber-reminder-scheduler-plan.c works out active-hours windows and due times;
 * limber-reminder-scheduler-holds.c holds snooze, restart, pause, away and the other holds.
 */

#define MINUTES_PER_DAY (24 * 60)

typedef struct
{
  gboolean enabled;
  gint64   interval_us;
  gint64   anchor_us;    /* wall time the interval counts from */
  gint64   due_us;       /* wall time; 0 when not scheduled (disabled, pending, no window) */
  gint64   snooze_us;    /* wall time a snooze ends, replacing the interval once; or 0 */
  gboolean pending;      /* fell due while held */
  gint64   pending_since_us;
} KindState;

struct _LimberReminderScheduler
{
  GObject             parent_instance;

  LimberClock        *clock;
  GTimeZone          *time_zone;

  KindState           kinds[LIMBER_N_REMINDER_KINDS];
  guint               start_minute;
  guint               end_minute;
  LimberWeekdays      days;

  /* The acute plan: walk and pack every day within waking hours, until acute_end_us. */
  guint               waking_start_minute;
  guint               waking_end_minute;
  gint64              acute_start_us;   /* 0 when no episode is in its first 72 hours */
  gint64              acute_end_us;

  gint64              paused_until_us;
  LimberReminderHold  holds;
  gboolean            away;
  gint64              away_since_us;

  gint64              clock_offset_us;  /* wall minus monotonic at the last look */
  guint               timer_id;
};

static inline gint64
now_wall (LimberReminderScheduler *self)
{
  return limber_clock_now_wall_us (self->clock);
}

/* limber-reminder-scheduler-plan.c */
void     limber_reminder_scheduler_plan                (LimberReminderScheduler *self,
                                                        LimberReminderKind       kind);
void     limber_reminder_scheduler_replan              (LimberReminderScheduler *self,
                                                        LimberReminderKind       kind);
gboolean limber_reminder_scheduler_in_current_window   (LimberReminderScheduler *self,
                                                        LimberReminderKind       kind,
                                                        gint64                   earlier_us,
                                                        gint64                   now_us);
gboolean limber_reminder_scheduler_kind_active_at      (LimberReminderScheduler *self,
                                                        LimberReminderKind       kind,
                                                        gint64                   wall_us);
gint64   limber_reminder_scheduler_interval_at         (LimberReminderScheduler *self,
                                                        LimberReminderKind       kind,
                                                        gint64                   wall_us);

/* limber-reminder-scheduler.c */
void     limber_reminder_scheduler_start_over          (LimberReminderScheduler *self,
                                                        LimberReminderKind       kind,
                                                        gint64                   anchor_us);
void     limber_reminder_scheduler_release             (LimberReminderScheduler *self);
void     limber_reminder_scheduler_detect_clock_change (LimberReminderScheduler *self);
void     limber_reminder_scheduler_reschedule          (LimberReminderScheduler *self);

G_END_DECLS
