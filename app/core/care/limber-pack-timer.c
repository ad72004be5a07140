/* limber-pack-timer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-pack-timer.h"

/*
 * The countdown for a cold or heat pack. It is capped at 20 minutes whatever is asked, since
 * longer harms the skin, and it records every pack in the journal when it comes off: at the end
 * or when stopped early, with the time it was really on.
 */
struct _LimberPackTimer
{
  GObject         parent_instance;

  LimberClock    *clock;
  LimberJournal  *journal;

  gboolean        running;
  LimberPackKind  kind;
  gint64          duration_us;
  gint64          started_wall_us;
  gint64          started_monotonic_us;
  guint           end_id;
};

G_DEFINE_FINAL_TYPE (LimberPackTimer, limber_pack_timer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finish (LimberPackTimer *self,
        gboolean         completed)
{
  gint64 now = limber_clock_now_monotonic_us (self->clock);
  gint64 on_us = completed ? self->duration_us : now - self->started_monotonic_us;

  on_us = CLAMP (on_us, 0, self->duration_us);
  self->running = FALSE;
  limber_clock_clear (self->clock, &self->end_id);

  /* A failed write is told by the journal itself. */
  if (self->journal != NULL)
    limber_journal_add_pack (self->journal, self->kind, self->started_wall_us, on_us, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[FINISHED], 0, self->kind, on_us, completed);
}

static void
on_end (gpointer user_data)
{
  LimberPackTimer *self = LIMBER_PACK_TIMER (user_data);

  self->end_id = 0;
  finish (self, TRUE);
}

static void
limber_pack_timer_dispose (GObject *object)
{
  LimberPackTimer *self = LIMBER_PACK_TIMER (object);

  if (self->clock != NULL)
    limber_clock_clear (self->clock, &self->end_id);
  g_clear_object (&self->clock);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (limber_pack_timer_parent_class)->dispose (object);
}

static void
limber_pack_timer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LimberPackTimer *self = LIMBER_PACK_TIMER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_pack_timer_class_init (LimberPackTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_pack_timer_dispose;
  object_class->get_property = limber_pack_timer_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberPackTimer::finished:
   * @kind: the #LimberPackKind
   * @on_us: how long the pack was on
   * @completed: %TRUE at the end of the countdown, %FALSE when stopped early
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                    G_TYPE_INT, G_TYPE_INT64, G_TYPE_BOOLEAN);
}

static void
limber_pack_timer_init (LimberPackTimer *self)
{
}

/**
 * limber_pack_timer_new:
 * @journal: (nullable): where packs are recorded
 */
LimberPackTimer *
limber_pack_timer_new (LimberClock   *clock,
                       LimberJournal *journal)
{
  LimberPackTimer *self;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (journal == NULL || LIMBER_IS_JOURNAL (journal), NULL);

  self = g_object_new (LIMBER_TYPE_PACK_TIMER, NULL);
  self->clock = g_object_ref (clock);
  self->journal = journal != NULL ? g_object_ref (journal) : NULL;

  return self;
}

/* Returns: @duration_us brought within 1 to 20 minutes */
gint64
limber_pack_timer_clamp (gint64 duration_us)
{
  return CLAMP (duration_us, LIMBER_PACK_MIN_US, LIMBER_PACK_MAX_US);
}

/**
 * limber_pack_timer_start:
 *
 * Starts a countdown of @duration_us, brought within 1 to 20 minutes. A pack already on is
 * stopped (and recorded) first.
 *
 * Returns: the duration the countdown really has
 */
gint64
limber_pack_timer_start (LimberPackTimer *self,
                         LimberPackKind   kind,
                         gint64           duration_us)
{
  g_return_val_if_fail (LIMBER_IS_PACK_TIMER (self), 0);

  if (self->running)
    finish (self, FALSE);

  self->kind = kind;
  self->duration_us = limber_pack_timer_clamp (duration_us);
  self->started_wall_us = limber_clock_now_wall_us (self->clock);
  self->started_monotonic_us = limber_clock_now_monotonic_us (self->clock);
  self->end_id = limber_clock_schedule_in (self->clock, self->duration_us, on_end, self, NULL);
  self->running = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  return self->duration_us;
}

/* Ends the countdown early and records the time the pack was on. */
void
limber_pack_timer_stop (LimberPackTimer *self)
{
  g_return_if_fail (LIMBER_IS_PACK_TIMER (self));

  if (self->running)
    finish (self, FALSE);
}

gboolean
limber_pack_timer_get_running (LimberPackTimer *self)
{
  g_return_val_if_fail (LIMBER_IS_PACK_TIMER (self), FALSE);
  return self->running;
}

LimberPackKind
limber_pack_timer_get_kind (LimberPackTimer *self)
{
  g_return_val_if_fail (LIMBER_IS_PACK_TIMER (self), LIMBER_PACK_COLD);
  return self->kind;
}

gint64
limber_pack_timer_get_duration_us (LimberPackTimer *self)
{
  g_return_val_if_fail (LIMBER_IS_PACK_TIMER (self), 0);
  return self->duration_us;
}

/* Returns: the time left, or 0 when no pack is on */
gint64
limber_pack_timer_get_remaining_us (LimberPackTimer *self)
{
  gint64 elapsed;

  g_return_val_if_fail (LIMBER_IS_PACK_TIMER (self), 0);

  if (!self->running)
    return 0;

  elapsed = limber_clock_now_monotonic_us (self->clock) - self->started_monotonic_us;
  return CLAMP (self->duration_us - elapsed, 0, self->duration_us);
}
