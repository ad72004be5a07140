/* limber-system-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "limber-error.h"

#include "limber-system-clock.h"

/*
 * The real clock, optionally sped up for whole-app tests: with a time scale of 60 a minute of
 * clock time passes in a real second. Monotonic and wall time advance by the same scaled amount
 * from the moment the clock was made, so at scale 1 both are exactly the system's.
 */
struct _LimberSystemClock
{
  LimberClock   parent_instance;

  double        time_scale;
  gint64        origin_monotonic_us;
  gboolean      has_start;
  gint64        start_wall_us;      /* the wall time at origin_monotonic_us, if has_start */
  GMainContext *context;
};

G_DEFINE_FINAL_TYPE (LimberSystemClock, limber_system_clock, LIMBER_TYPE_CLOCK)

enum {
  PROP_0,
  PROP_TIME_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A source that fires once at its ready time, with microsecond resolution (g_timeout_add
 * rounds to milliseconds). */
typedef struct
{
  GSource          source;
  LimberClockFunc  func;
  gpointer         user_data;
  GDestroyNotify   destroy;
} DeadlineSource;

static gboolean
deadline_source_dispatch (GSource     *source,
                          GSourceFunc  callback,
                          gpointer     user_data)
{
  DeadlineSource *deadline = (DeadlineSource *) source;

  deadline->func (deadline->user_data);

  return G_SOURCE_REMOVE;
}

static void
deadline_source_finalize (GSource *source)
{
  DeadlineSource *deadline = (DeadlineSource *) source;

  if (deadline->destroy != NULL)
    deadline->destroy (deadline->user_data);
}

static GSourceFuncs deadline_source_funcs = {
  .dispatch = deadline_source_dispatch,
  .finalize = deadline_source_finalize,
};

static gint64
scaled_from_real (LimberSystemClock *self,
                  gint64             real_us)
{
  if (self->time_scale == 1.0)
    return real_us;

  return self->origin_monotonic_us
         + llround ((double) (real_us - self->origin_monotonic_us) * self->time_scale);
}

static gint64
real_from_scaled (LimberSystemClock *self,
                  gint64             scaled_us)
{
  if (self->time_scale == 1.0)
    return scaled_us;

  /* Round up, so a callback never runs before its deadline in scaled time. */
  return self->origin_monotonic_us
         + (gint64) ceil ((double) (scaled_us - self->origin_monotonic_us) / self->time_scale);
}

static gint64
limber_system_clock_now_monotonic_us (LimberClock *clock)
{
  LimberSystemClock *self = LIMBER_SYSTEM_CLOCK (clock);

  return scaled_from_real (self, g_get_monotonic_time ());
}

static gint64
limber_system_clock_now_wall_us (LimberClock *clock)
{
  LimberSystemClock *self = LIMBER_SYSTEM_CLOCK (clock);
  gint64 real_monotonic = g_get_monotonic_time ();

  if (self->has_start)
    return self->start_wall_us + (scaled_from_real (self, real_monotonic)
                                  - self->origin_monotonic_us);

  /* Add only the extra scaled time, so real jumps of the wall clock still show through. */
  return g_get_real_time () + (scaled_from_real (self, real_monotonic) - real_monotonic);
}

static guint
limber_system_clock_schedule (LimberClock     *clock,
                              gint64           deadline_us,
                              LimberClockFunc  func,
                              gpointer         user_data,
                              GDestroyNotify   destroy)
{
  LimberSystemClock *self = LIMBER_SYSTEM_CLOCK (clock);
  DeadlineSource *deadline;
  GSource *source;
  guint id;

  source = g_source_new (&deadline_source_funcs, sizeof (DeadlineSource));
  deadline = (DeadlineSource *) source;
  deadline->func = func;
  deadline->user_data = user_data;
  deadline->destroy = destroy;

  g_source_set_static_name (source, "[limber] clock deadline");
  g_source_set_ready_time (source, MAX (0, real_from_scaled (self, deadline_us)));
  id = g_source_attach (source, self->context);
  g_source_unref (source);

  return id;
}

static void
limber_system_clock_cancel (LimberClock *clock,
                            guint        id)
{
  LimberSystemClock *self = LIMBER_SYSTEM_CLOCK (clock);
  GSource *source = g_main_context_find_source_by_id (self->context, id);

  if (source != NULL)
    g_source_destroy (source);
}

static void
limber_system_clock_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LimberSystemClock *self = LIMBER_SYSTEM_CLOCK (object);

  switch (prop_id)
    {
    case PROP_TIME_SCALE:
      g_value_set_double (value, self->time_scale);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_system_clock_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberSystemClock *self = LIMBER_SYSTEM_CLOCK (object);

  switch (prop_id)
    {
    case PROP_TIME_SCALE:
      self->time_scale = g_value_get_double (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_system_clock_finalize (GObject *object)
{
  LimberSystemClock *self = LIMBER_SYSTEM_CLOCK (object);

  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (limber_system_clock_parent_class)->finalize (object);
}

static void
limber_system_clock_class_init (LimberSystemClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LimberClockClass *clock_class = LIMBER_CLOCK_CLASS (klass);

  object_class->finalize = limber_system_clock_finalize;
  object_class->get_property = limber_system_clock_get_property;
  object_class->set_property = limber_system_clock_set_property;

  clock_class->now_monotonic_us = limber_system_clock_now_monotonic_us;
  clock_class->now_wall_us = limber_system_clock_now_wall_us;
  clock_class->schedule = limber_system_clock_schedule;
  clock_class->cancel = limber_system_clock_cancel;

  /**
   * LimberSystemClock:time-scale:
   *
   * How many clock seconds pass per real second (1 for normal use).
   */
  properties[PROP_TIME_SCALE] =
    g_param_spec_double ("time-scale", NULL, NULL,
                         LIMBER_TIME_SCALE_MIN, LIMBER_TIME_SCALE_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_system_clock_init (LimberSystemClock *self)
{
  self->time_scale = 1.0;
  self->origin_monotonic_us = g_get_monotonic_time ();
  self->context = g_main_context_ref_thread_default ();
}

/**
 * limber_system_clock_new:
 * @time_scale: clock seconds per real second, %LIMBER_TIME_SCALE_MIN to
 *   %LIMBER_TIME_SCALE_MAX (1 for real time)
 *
 * Returns: (transfer full): a clock on the system's time, sped up by @time_scale
 */
LimberClock *
limber_system_clock_new (double time_scale)
{
  g_return_val_if_fail (time_scale >= LIMBER_TIME_SCALE_MIN && time_scale <= LIMBER_TIME_SCALE_MAX,
                        NULL);

  return g_object_new (LIMBER_TYPE_SYSTEM_CLOCK, "time-scale", time_scale, NULL);
}

/**
 * limber_system_clock_parse_time_scale:
 * @text: the text to parse, such as "60" or "0.5"
 * @time_scale: (out): where to store the scale
 * @error: return location for a #GError
 *
 * Parses a time scale: a decimal number from %LIMBER_TIME_SCALE_MIN to %LIMBER_TIME_SCALE_MAX,
 * nothing else.
 *
 * Returns: %TRUE if @text was valid
 */
gboolean
limber_system_clock_parse_time_scale (const char  *text,
                                      double      *time_scale,
                                      GError     **error)
{
  const char *end = NULL;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (time_scale != NULL, FALSE);

  value = g_ascii_strtod (text, (char **) &end);

  if (end == text || *end != '\0' || !isfinite (value))
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE,
                   "'%s' is not a number", text);
      return FALSE;
    }

  if (value <= 0)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE,
                   "'%s' is not greater than 0", text);
      return FALSE;
    }

  /* Beyond these, scaled times overflow 64 bits within days, or a deadline rounds to now and
   * the main loop spins. */
  if (value < LIMBER_TIME_SCALE_MIN || value > LIMBER_TIME_SCALE_MAX)
    {
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE,
                   "'%s' is not from %g to %g", text, LIMBER_TIME_SCALE_MIN,
                   LIMBER_TIME_SCALE_MAX);
      return FALSE;
    }

  *time_scale = value;

  return TRUE;
}

/* "CLOCK@REAL", both whole seconds since the Unix epoch: at the real time REAL, the clock
 * showed CLOCK. */
static gboolean
parse_start (const char *text,
             gint64     *clock_us,
             gint64     *real_us)
{
  g_auto(GStrv) parts = g_strsplit (text, "@", 3);
  gint64 clock_s, real_s;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_signed (parts[0], 10, 0, G_MAXINT64 / G_USEC_PER_SEC, &clock_s, NULL) ||
      !g_ascii_string_to_signed (parts[1], 10, 0, G_MAXINT64 / G_USEC_PER_SEC, &real_s, NULL))
    return FALSE;

  *clock_us = clock_s * G_USEC_PER_SEC;
  *real_us = real_s * G_USEC_PER_SEC;
  return TRUE;
}

/**
 * limber_system_clock_new_from_env:
 *
 * Makes the system clock with the scale in `LIMBER_DEBUG_TIME_SCALE` when that is set. An
 * invalid value is reported with a warning and scale 1 is used. `LIMBER_DEBUG_TIME_START`,
 * "CLOCK@REAL" in seconds since 1970, makes the clock show CLOCK at the real time REAL and run
 * at the scale from there, the same in every process given the same value.
 *
 * Returns: (transfer full): a new clock
 */
LimberClock *
limber_system_clock_new_from_env (void)
{
  const char *text = g_getenv (LIMBER_TIME_SCALE_ENV);
  g_autoptr(GError) error = NULL;
  double time_scale = 1.0;

  const char *start = g_getenv (LIMBER_TIME_START_ENV);
  LimberSystemClock *self;
  gint64 clock_us, real_us;

  if (text != NULL && !limber_system_clock_parse_time_scale (text, &time_scale, &error))
    {
      g_warning ("Ignoring %s: %s; using real time (scale 1)", LIMBER_TIME_SCALE_ENV, error->message);
      time_scale = 1.0;
    }

  self = LIMBER_SYSTEM_CLOCK (limber_system_clock_new (time_scale));

  /* Every process started with the same value shows the same time: the app and the reminder
   * service of a whole-episode test agree to the microsecond, from a chosen Saturday on. */
  if (start != NULL && !parse_start (start, &clock_us, &real_us))
    g_warning ("Ignoring %s: '%s' is not CLOCK@REAL in seconds since 1970", LIMBER_TIME_START_ENV,
               start);
  else if (start != NULL)
    {
      self->origin_monotonic_us = g_get_monotonic_time () - (g_get_real_time () - real_us);
      self->start_wall_us = clock_us;
      self->has_start = TRUE;
    }

  return LIMBER_CLOCK (self);
}

/**
 * limber_system_clock_get_time_scale:
 * @self: a #LimberSystemClock
 *
 * Returns: clock seconds per real second
 */
double
limber_system_clock_get_time_scale (LimberSystemClock *self)
{
  g_return_val_if_fail (LIMBER_IS_SYSTEM_CLOCK (self), 1.0);

  return self->time_scale;
}

/**
 * limber_system_clock_to_real_us:
 * @monotonic_us: a time of this clock, which may be sped up
 *
 * Returns: the moment of g_get_monotonic_time() at which this clock shows @monotonic_us, so
 *   events of the clock can be lined up with other real-time records, such as audio
 */
gint64
limber_system_clock_to_real_us (LimberSystemClock *self,
                                gint64             monotonic_us)
{
  g_return_val_if_fail (LIMBER_IS_SYSTEM_CLOCK (self), monotonic_us);
  return real_from_scaled (self, monotonic_us);
}
