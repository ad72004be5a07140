/* limber-water-log.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-error.h"
#include "limber-local-time.h"

#include "limber-water-log.h"

/*
 * Today's glasses of water, counted from the journal. The count belongs to a local date:
 * it starts again at 0 at midnight, when a clock timer notifies "today", and follows glasses
 * logged by another process (the app and the reminder service share the journal's file).
 */
struct _LimberWaterLog
{
  GObject      parent_instance;

  LimberClock *clock;
  GTimeZone   *time_zone;
  LimberJournal *journal;

  guint        glasses;
  guint        midnight_id;
};

G_DEFINE_FINAL_TYPE (LimberWaterLog, limber_water_log, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_midnight (LimberWaterLog *self);

/* Counts today's glasses again, notifying when the count changed. */
static void
recount (LimberWaterLog *self)
{
  guint glasses = limber_journal_count_today (self->journal, LIMBER_RECORD_COUNT_GLASSES,
                                              self->time_zone);

  if (glasses == self->glasses)
    return;

  self->glasses = glasses;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

static void
on_journal_changed (LimberWaterLog   *self,
                    LimberRecordKind  kind)
{
  if (kind == LIMBER_RECORD_GLASS)
    recount (self);
}

static void
on_midnight (gpointer user_data)
{
  LimberWaterLog *self = user_data;

  self->midnight_id = 0;
  recount (self);
  schedule_midnight (self);
}

static void
schedule_midnight (LimberWaterLog *self)
{
  gint64 now = limber_clock_now_wall_us (self->clock);
  gint64 midnight;
  gint64 delay;

  limber_local_time_day_range (self->time_zone, now, NULL, &midnight);
  delay = MAX (0, midnight - now);

  limber_clock_clear (self->clock, &self->midnight_id);
  self->midnight_id = limber_clock_schedule_in (self->clock, delay, on_midnight, self, NULL);
}

static void
limber_water_log_dispose (GObject *object)
{
  LimberWaterLog *self = LIMBER_WATER_LOG (object);

  if (self->clock != NULL)
    limber_clock_clear (self->clock, &self->midnight_id);
  g_clear_object (&self->clock);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (limber_water_log_parent_class)->dispose (object);
}

static void
limber_water_log_finalize (GObject *object)
{
  LimberWaterLog *self = LIMBER_WATER_LOG (object);

  g_clear_pointer (&self->time_zone, g_time_zone_unref);

  G_OBJECT_CLASS (limber_water_log_parent_class)->finalize (object);
}

static void
limber_water_log_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LimberWaterLog *self = LIMBER_WATER_LOG (object);

  switch (prop_id)
    {
    case PROP_TODAY:
      g_value_set_uint (value, limber_water_log_get_today (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_water_log_class_init (LimberWaterLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_water_log_dispose;
  object_class->finalize = limber_water_log_finalize;
  object_class->get_property = limber_water_log_get_property;

  /**
   * LimberWaterLog:today:
   *
   * Glasses logged on the current local date.
   */
  properties[PROP_TODAY] =
    g_param_spec_uint ("today", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_water_log_init (LimberWaterLog *self)
{
}

/**
 * limber_water_log_new:
 * @time_zone: (nullable): the zone dates are read in, %NULL for the local one
 * @journal: the journal the glasses are kept in
 *
 * The journal's clock gives today's date and runs the midnight timer.
 *
 * Returns: (transfer full): the log, counting today's glasses in @journal, whoever logs them
 */
LimberWaterLog *
limber_water_log_new (GTimeZone     *time_zone,
                      LimberJournal *journal)
{
  LimberWaterLog *self;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (journal), NULL);

  self = g_object_new (LIMBER_TYPE_WATER_LOG, NULL);
  self->clock = g_object_ref (limber_journal_get_clock (journal));
  self->time_zone = time_zone != NULL ? g_time_zone_ref (time_zone) : g_time_zone_new_local ();
  self->journal = g_object_ref (journal);
  g_signal_connect_swapped (journal, "changed", G_CALLBACK (on_journal_changed), self);
  recount (self);
  schedule_midnight (self);

  return self;
}

/**
 * limber_water_log_default_path:
 *
 * Where earlier versions kept today's count, imported once into the store.
 *
 * Returns: (transfer full): `$XDG_STATE_HOME/limber/water.ini`
 */
char *
limber_water_log_default_path (void)
{
  const char *state_dir = g_getenv ("XDG_STATE_HOME");
  g_autofree char *fallback = NULL;

  /* GLib 2.74 has no g_get_user_state_dir(). */
  if (state_dir == NULL || !g_path_is_absolute (state_dir))
    state_dir = fallback = g_build_filename (g_get_home_dir (), ".local", "state", NULL);

  return g_build_filename (state_dir, "limber", "water.ini", NULL);
}

/**
 * limber_water_log_get_today:
 *
 * Returns: the glasses logged on the current local date
 */
guint
limber_water_log_get_today (LimberWaterLog *self)
{
  g_return_val_if_fail (LIMBER_IS_WATER_LOG (self), 0);

  recount (self);

  return self->glasses;
}
