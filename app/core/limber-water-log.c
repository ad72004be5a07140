/* limber-water-log.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "limber-error.h"
#include "limber-local-time.h"

#include "limber-water-log.h"

/*
 * Today's glasses of water, kept in a small key file under $XDG_STATE_HOME/limber/ so the
 * count survives a restart of the reminder service. The count belongs to a local date: it
 * starts again at 0 at midnight, when a clock timer notifies "today".
 */
struct _LimberWaterLog
{
  GObject      parent_instance;

  LimberClock *clock;
  GTimeZone   *time_zone;
  char        *path;

  char        *date;          /* the local date the count belongs to, YYYY-MM-DD */
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

#define GROUP "water"

static char *
local_date (LimberWaterLog *self,
            gint64          wall_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (wall_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->time_zone);

  return g_date_time_format (local, "%Y-%m-%d");
}

static void schedule_midnight (LimberWaterLog *self);

/* Starts a new day's count if the date changed. */
static void
roll_over (LimberWaterLog *self)
{
  g_autofree char *today = local_date (self, limber_clock_now_wall_us (self->clock));

  if (g_strcmp0 (today, self->date) == 0)
    return;

  g_free (self->date);
  self->date = g_steal_pointer (&today);

  if (self->glasses != 0)
    {
      self->glasses = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
    }
}

static void
on_midnight (gpointer user_data)
{
  LimberWaterLog *self = user_data;

  self->midnight_id = 0;
  roll_over (self);
  schedule_midnight (self);
}

static void
schedule_midnight (LimberWaterLog *self)
{
  gint64 now = limber_clock_now_wall_us (self->clock);
  g_autoptr(GDateTime) midnight = limber_local_time_on_day (self->time_zone, now, 1, 0);
  gint64 delay = MAX (0, g_date_time_to_unix (midnight) * G_USEC_PER_SEC - now);

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

  G_OBJECT_CLASS (limber_water_log_parent_class)->dispose (object);
}

static void
limber_water_log_finalize (GObject *object)
{
  LimberWaterLog *self = LIMBER_WATER_LOG (object);

  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_free (self->path);
  g_free (self->date);

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
 * limber_water_log_default_path:
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
 * limber_water_log_new:
 * @clock: the clock for today's date and the midnight timer
 * @time_zone: (nullable): the zone dates are read in, %NULL for the local one
 * @path: the state file
 *
 * Returns: (transfer full): a log with no glasses; call limber_water_log_load() to read @path
 */
LimberWaterLog *
limber_water_log_new (LimberClock *clock,
                      GTimeZone   *time_zone,
                      const char  *path)
{
  LimberWaterLog *self;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_WATER_LOG, NULL);
  self->clock = g_object_ref (clock);
  self->time_zone = time_zone != NULL ? g_time_zone_ref (time_zone) : g_time_zone_new_local ();
  self->path = g_strdup (path);
  self->date = local_date (self, limber_clock_now_wall_us (clock));
  schedule_midnight (self);

  return self;
}

/**
 * limber_water_log_load:
 *
 * Reads today's count from the state file. A missing file is no error. A file that cannot
 * be read is moved aside to `<path>.broken` so the next save does not overwrite it, and the
 * error says what was wrong; the count starts at 0.
 *
 * Returns: %TRUE if the file was read or did not exist
 */
gboolean
limber_water_log_load (LimberWaterLog  *self,
                       GError         **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date = NULL;
  gint64 glasses;

  g_return_val_if_fail (LIMBER_IS_WATER_LOG (self), FALSE);

  if (!g_key_file_load_from_file (file, self->path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      goto broken;
    }

  date = g_key_file_get_string (file, GROUP, "date", &local_error);
  if (date == NULL)
    goto broken;

  glasses = g_key_file_get_int64 (file, GROUP, "glasses", &local_error);
  if (local_error != NULL)
    goto broken;
  if (glasses < 0 || glasses > G_MAXINT)
    {
      g_set_error (&local_error, LIMBER_ERROR, LIMBER_ERROR_INVALID_VALUE,
                   "'glasses' must be a count from 0, not %lld", (long long) glasses);
      goto broken;
    }

  roll_over (self);
  if (g_strcmp0 (date, self->date) == 0 && self->glasses != (guint) glasses)
    {
      self->glasses = glasses;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
    }

  return TRUE;

broken:
  {
    g_autofree char *aside = g_strconcat (self->path, ".broken", NULL);

    if (g_rename (self->path, aside) == 0)
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s: %s (moved aside to %s)",
                   self->path, local_error->message, aside);
    else
      g_set_error (error, LIMBER_ERROR, LIMBER_ERROR_PARSE, "%s: %s", self->path,
                   local_error->message);
    return FALSE;
  }
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

  roll_over (self);

  return self->glasses;
}

/**
 * limber_water_log_add_glass:
 *
 * Counts one glass today and saves the count. If saving fails the glass is still counted
 * for as long as the process runs, and the error says where saving failed.
 *
 * Returns: %TRUE if the count was saved
 */
gboolean
limber_water_log_add_glass (LimberWaterLog  *self,
                            GError         **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *dir = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIMBER_IS_WATER_LOG (self), FALSE);

  roll_over (self);
  self->glasses++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);

  g_key_file_set_string (file, GROUP, "date", self->date);
  g_key_file_set_int64 (file, GROUP, "glasses", self->glasses);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not create %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!g_key_file_save_to_file (file, self->path, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "Could not save %s: %s",
                   self->path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

const char *
limber_water_log_get_path (LimberWaterLog *self)
{
  g_return_val_if_fail (LIMBER_IS_WATER_LOG (self), NULL);

  return self->path;
}
