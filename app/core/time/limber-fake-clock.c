/* limber-fake-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-fake-clock.h"

/*
 * A clock for tests: time stands still until the test advances it, and advancing runs every
 * call that fell due, in deadline order, with "now" set to each call's own deadline. Calls
 * scheduled from a callback run in the same advance if they fall inside it. It is built into
 * limber-core-testing, which only tests link.
 */
struct _LimberFakeClock
{
  LimberClock  parent_instance;

  gint64       monotonic_us;
  gint64       wall_offset_us;   /* wall = monotonic + offset */
  GList       *pending;          /* Pending *, sorted by deadline then by id */
  guint        last_id;
};

typedef struct
{
  guint            id;
  gint64           deadline_us;
  LimberClockFunc  func;
  gpointer         user_data;
  GDestroyNotify   destroy;
} Pending;

G_DEFINE_FINAL_TYPE (LimberFakeClock, limber_fake_clock, LIMBER_TYPE_CLOCK)

/* The fake monotonic clock starts at a round, recognisable value, far from 0. */
#define FAKE_MONOTONIC_START_US (G_GINT64_CONSTANT (1000) * G_USEC_PER_SEC)

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->user_data);
  g_free (pending);
}

static int
pending_compare (gconstpointer a,
                 gconstpointer b)
{
  const Pending *pa = a;
  const Pending *pb = b;

  if (pa->deadline_us != pb->deadline_us)
    return pa->deadline_us < pb->deadline_us ? -1 : 1;

  return pa->id < pb->id ? -1 : (pa->id > pb->id);
}

static gint64
limber_fake_clock_now_monotonic_us (LimberClock *clock)
{
  return LIMBER_FAKE_CLOCK (clock)->monotonic_us;
}

static gint64
limber_fake_clock_now_wall_us (LimberClock *clock)
{
  LimberFakeClock *self = LIMBER_FAKE_CLOCK (clock);

  return self->monotonic_us + self->wall_offset_us;
}

static guint
limber_fake_clock_schedule (LimberClock     *clock,
                            gint64           deadline_us,
                            LimberClockFunc  func,
                            gpointer         user_data,
                            GDestroyNotify   destroy)
{
  LimberFakeClock *self = LIMBER_FAKE_CLOCK (clock);
  Pending *pending = g_new0 (Pending, 1);

  pending->id = ++self->last_id;
  pending->deadline_us = deadline_us;
  pending->func = func;
  pending->user_data = user_data;
  pending->destroy = destroy;

  self->pending = g_list_insert_sorted (self->pending, pending, pending_compare);

  return pending->id;
}

static void
limber_fake_clock_cancel (LimberClock *clock,
                          guint        id)
{
  LimberFakeClock *self = LIMBER_FAKE_CLOCK (clock);

  for (GList *l = self->pending; l != NULL; l = l->next)
    {
      Pending *pending = l->data;

      if (pending->id == id)
        {
          self->pending = g_list_delete_link (self->pending, l);
          pending_free (pending);
          return;
        }
    }
}

static void
limber_fake_clock_finalize (GObject *object)
{
  LimberFakeClock *self = LIMBER_FAKE_CLOCK (object);

  g_list_free_full (g_steal_pointer (&self->pending), (GDestroyNotify) pending_free);

  G_OBJECT_CLASS (limber_fake_clock_parent_class)->finalize (object);
}

static void
limber_fake_clock_class_init (LimberFakeClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LimberClockClass *clock_class = LIMBER_CLOCK_CLASS (klass);

  object_class->finalize = limber_fake_clock_finalize;

  clock_class->now_monotonic_us = limber_fake_clock_now_monotonic_us;
  clock_class->now_wall_us = limber_fake_clock_now_wall_us;
  clock_class->schedule = limber_fake_clock_schedule;
  clock_class->cancel = limber_fake_clock_cancel;
}

static void
limber_fake_clock_init (LimberFakeClock *self)
{
  self->monotonic_us = FAKE_MONOTONIC_START_US;
}

/**
 * limber_fake_clock_new:
 * @wall_us: the wall-clock time to start at, in microseconds since the epoch
 *
 * Returns: (transfer full): a fake clock standing at @wall_us
 */
LimberClock *
limber_fake_clock_new (gint64 wall_us)
{
  LimberFakeClock *self = g_object_new (LIMBER_TYPE_FAKE_CLOCK, NULL);

  self->wall_offset_us = wall_us - self->monotonic_us;

  return LIMBER_CLOCK (self);
}

/**
 * limber_fake_clock_advance_to:
 * @self: a #LimberFakeClock
 * @monotonic_us: the monotonic time to move to; not earlier than now
 *
 * Moves time forward to @monotonic_us, running every call due on the way in order.
 */
void
limber_fake_clock_advance_to (LimberFakeClock *self,
                              gint64           monotonic_us)
{
  g_return_if_fail (LIMBER_IS_FAKE_CLOCK (self));
  g_return_if_fail (monotonic_us >= self->monotonic_us);

  g_object_ref (self);

  while (self->pending != NULL)
    {
      Pending *pending = self->pending->data;

      if (pending->deadline_us > monotonic_us)
        break;

      self->pending = g_list_delete_link (self->pending, self->pending);
      /* A deadline already in the past runs "now", never moving time back. */
      self->monotonic_us = MAX (self->monotonic_us, pending->deadline_us);
      pending->func (pending->user_data);
      pending_free (pending);
    }

  self->monotonic_us = monotonic_us;

  g_object_unref (self);
}

/**
 * limber_fake_clock_advance:
 * @self: a #LimberFakeClock
 * @delta_us: how far to move forward, 0 or more
 *
 * Moves both monotonic and wall time forward by @delta_us, running what falls due.
 */
void
limber_fake_clock_advance (LimberFakeClock *self,
                           gint64           delta_us)
{
  g_return_if_fail (LIMBER_IS_FAKE_CLOCK (self));
  g_return_if_fail (delta_us >= 0);

  limber_fake_clock_advance_to (self, self->monotonic_us + delta_us);
}

/**
 * limber_fake_clock_jump_wall:
 * @self: a #LimberFakeClock
 * @delta_us: how far the wall clock jumps; negative goes back
 *
 * Changes the wall-clock time only, as when the user sets the system time. Monotonic time
 * and scheduled calls are untouched.
 */
void
limber_fake_clock_jump_wall (LimberFakeClock *self,
                             gint64           delta_us)
{
  g_return_if_fail (LIMBER_IS_FAKE_CLOCK (self));

  self->wall_offset_us += delta_us;
}

/**
 * limber_fake_clock_get_n_pending:
 * @self: a #LimberFakeClock
 *
 * Returns: how many scheduled calls have not run yet
 */
guint
limber_fake_clock_get_n_pending (LimberFakeClock *self)
{
  g_return_val_if_fail (LIMBER_IS_FAKE_CLOCK (self), 0);

  return g_list_length (self->pending);
}

/**
 * limber_fake_clock_get_next_deadline:
 * @self: a #LimberFakeClock
 *
 * Returns: the earliest pending deadline, or -1 when nothing is scheduled
 */
gint64
limber_fake_clock_get_next_deadline (LimberFakeClock *self)
{
  g_return_val_if_fail (LIMBER_IS_FAKE_CLOCK (self), -1);

  if (self->pending == NULL)
    return -1;

  return ((Pending *) self->pending->data)->deadline_us;
}

/**
 * limber_fake_clock_pass_time:
 * @self: a #LimberFakeClock
 * @monotonic_us: the new monotonic time, not before the current one
 *
 * Moves time on without running anything that falls due, as when the main loop is busy
 * elsewhere: code then finds timers that are due but have not fired.
 */
void
limber_fake_clock_pass_time (LimberFakeClock *self,
                             gint64           monotonic_us)
{
  g_return_if_fail (LIMBER_IS_FAKE_CLOCK (self));
  g_return_if_fail (monotonic_us >= self->monotonic_us);

  self->monotonic_us = monotonic_us;
}

/**
 * limber_fake_clock_fire_next_at:
 * @self: a #LimberFakeClock
 * @monotonic_us: when the timer runs, at or after its deadline
 *
 * Runs the earliest pending timer late, with "now" at @monotonic_us, as a real main loop may.
 * limber_fake_clock_advance_to() instead runs every timer exactly at its deadline.
 */
void
limber_fake_clock_fire_next_at (LimberFakeClock *self,
                                gint64           monotonic_us)
{
  Pending *pending;

  g_return_if_fail (LIMBER_IS_FAKE_CLOCK (self));
  g_return_if_fail (self->pending != NULL);

  pending = self->pending->data;
  g_return_if_fail (monotonic_us >= pending->deadline_us);

  g_object_ref (self);
  self->pending = g_list_delete_link (self->pending, self->pending);
  self->monotonic_us = MAX (self->monotonic_us, monotonic_us);
  pending->func (pending->user_data);
  pending_free (pending);
  g_object_unref (self);
}
