/* limber-clock.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * LimberClockFunc:
 * @user_data: the data passed to limber_clock_schedule()
 *
 * Called once when a scheduled deadline is reached.
 */
typedef void (*LimberClockFunc) (gpointer user_data);

#define LIMBER_TYPE_CLOCK (limber_clock_get_type ())
G_DECLARE_DERIVABLE_TYPE (LimberClock, limber_clock, LIMBER, CLOCK, GObject)

/*
 * Every "now" and every timeout in Limber goes through a LimberClock, so tests can drive
 * time exactly with a fake clock instead of waiting for it.
 */
struct _LimberClockClass
{
  GObjectClass parent_class;

  gint64 (*now_monotonic_us) (LimberClock     *self);
  gint64 (*now_wall_us)      (LimberClock     *self);
  guint  (*schedule)         (LimberClock     *self,
                              gint64           deadline_us,
                              LimberClockFunc  func,
                              gpointer         user_data,
                              GDestroyNotify   destroy);
  void   (*cancel)           (LimberClock     *self,
                              guint            id);
};

gint64 limber_clock_now_monotonic_us (LimberClock     *self);
gint64 limber_clock_now_wall_us      (LimberClock     *self);
guint  limber_clock_schedule         (LimberClock     *self,
                                      gint64           deadline_us,
                                      LimberClockFunc  func,
                                      gpointer         user_data,
                                      GDestroyNotify   destroy);
guint  limber_clock_schedule_in      (LimberClock     *self,
                                      gint64           delay_us,
                                      LimberClockFunc  func,
                                      gpointer         user_data,
                                      GDestroyNotify   destroy);
void   limber_clock_cancel           (LimberClock     *self,
                                      guint            id);
void   limber_clock_clear            (LimberClock     *self,
                                      guint           *id);

G_END_DECLS
