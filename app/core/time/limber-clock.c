/* limber-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-clock.h"

/* The wall-clock times Limber works with: 1970-01-01 to 9000-01-01 UTC. GDateTime ends with
 * the year 9999 and starts with the year 1; a "now" near either end leaves no room for the days
 * and months that pages and reminders count from it, and each count that ran past the end
 * would log a critical and give nonsense. A system clock set that far is wrong anyway. */
#define FIRST_WALL_US G_GINT64_CONSTANT (0)
#define LAST_WALL_US  (G_GINT64_CONSTANT (221845392000) * G_USEC_PER_SEC)

typedef struct
{
  gboolean out_of_range;   /* said once in the log, until the clock is back in range */
} LimberClockPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LimberClock, limber_clock, G_TYPE_OBJECT)

static void
limber_clock_class_init (LimberClockClass *klass)
{
}

static void
limber_clock_init (LimberClock *self)
{
}

/**
 * limber_clock_now_monotonic_us:
 * @self: a #LimberClock
 *
 * Returns: the clock's monotonic time in microseconds. It never goes back and does not
 *   follow changes of the wall clock; use it for durations and deadlines.
 */
gint64
limber_clock_now_monotonic_us (LimberClock *self)
{
  g_return_val_if_fail (LIMBER_IS_CLOCK (self), 0);

  return LIMBER_CLOCK_GET_CLASS (self)->now_monotonic_us (self);
}

/**
 * limber_clock_now_wall_us:
 * @self: a #LimberClock
 *
 * Returns: the wall-clock time in microseconds since the Unix epoch (UTC). It can jump
 *   when the system time is changed. A time before 1970 or after the year 9000 is taken as
 *   the nearer of the two, and said once in the log.
 */
gint64
limber_clock_now_wall_us (LimberClock *self)
{
  LimberClockPrivate *priv;
  gint64 now;
  gint64 kept;

  g_return_val_if_fail (LIMBER_IS_CLOCK (self), 0);

  priv = limber_clock_get_instance_private (self);
  now = LIMBER_CLOCK_GET_CLASS (self)->now_wall_us (self);
  kept = CLAMP (now, FIRST_WALL_US, LAST_WALL_US);

  if (kept != now && !priv->out_of_range)
    g_message ("The clock says %" G_GINT64_FORMAT " s from 1970, outside the years Limber "
               "works with (1970 to 9000); it uses %" G_GINT64_FORMAT " s until the clock is "
               "set right", now / G_USEC_PER_SEC, kept / G_USEC_PER_SEC);
  priv->out_of_range = kept != now;

  return kept;
}

/**
 * limber_clock_schedule:
 * @self: a #LimberClock
 * @deadline_us: when to call @func, in the clock's monotonic time
 * @func: called once at @deadline_us
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data after @func ran or the call was cancelled
 *
 * Calls @func once when the monotonic time reaches @deadline_us. A deadline in the past
 * fires as soon as possible.
 *
 * Returns: a non-zero id for limber_clock_cancel()
 */
guint
limber_clock_schedule (LimberClock     *self,
                       gint64           deadline_us,
                       LimberClockFunc  func,
                       gpointer         user_data,
                       GDestroyNotify   destroy)
{
  g_return_val_if_fail (LIMBER_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  return LIMBER_CLOCK_GET_CLASS (self)->schedule (self, deadline_us, func, user_data, destroy);
}

/**
 * limber_clock_schedule_in:
 * @self: a #LimberClock
 * @delay_us: how long from now, in microseconds of the clock's time
 * @func: called once after @delay_us
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Like limber_clock_schedule() with a deadline relative to now.
 *
 * Returns: a non-zero id for limber_clock_cancel()
 */
guint
limber_clock_schedule_in (LimberClock     *self,
                          gint64           delay_us,
                          LimberClockFunc  func,
                          gpointer         user_data,
                          GDestroyNotify   destroy)
{
  g_return_val_if_fail (LIMBER_IS_CLOCK (self), 0);

  return limber_clock_schedule (self, limber_clock_now_monotonic_us (self) + delay_us,
                                func, user_data, destroy);
}

/**
 * limber_clock_cancel:
 * @self: a #LimberClock
 * @id: an id from limber_clock_schedule() whose call has not run yet
 *
 * Cancels a scheduled call. Its destroy notify still runs.
 */
void
limber_clock_cancel (LimberClock *self,
                     guint        id)
{
  g_return_if_fail (LIMBER_IS_CLOCK (self));
  g_return_if_fail (id != 0);

  LIMBER_CLOCK_GET_CLASS (self)->cancel (self, id);
}

/**
 * limber_clock_clear:
 * @self: a #LimberClock
 * @id: (inout): a pointer to a scheduled id, or to 0
 *
 * Cancels the call in *@id if there is one and sets *@id to 0, like g_clear_handle_id().
 */
void
limber_clock_clear (LimberClock *self,
                    guint       *id)
{
  g_return_if_fail (LIMBER_IS_CLOCK (self));
  g_return_if_fail (id != NULL);

  if (*id != 0)
    {
      guint old = *id;

      *id = 0;
      limber_clock_cancel (self, old);
    }
}
