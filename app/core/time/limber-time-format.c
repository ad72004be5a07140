/* limber-time-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-time-format.h"

/*
 * Times of day as the desktop shows them: 12- or 24-hour, from GNOME's
 * org.gnome.desktop.interface clock-format (24-hour where that schema is not installed), and
 * "twelve-hour" notified when the user changes it. Day names ("tomorrow", "on Monday") come from
 * calendar dates, so they stay right across the end of a year and daylight saving changes.
 */
struct _LimberTimeFormat
{
  GObject    parent_instance;

  GSettings *interface_settings;
  gboolean   twelve_hour;
};

G_DEFINE_FINAL_TYPE (LimberTimeFormat, limber_time_format, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TWELVE_HOUR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (LimberTimeFormat *self)
{
  g_autofree char *format = g_settings_get_string (self->interface_settings, "clock-format");
  gboolean twelve_hour = g_strcmp0 (format, "12h") == 0;

  if (twelve_hour == self->twelve_hour)
    return;

  self->twelve_hour = twelve_hour;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TWELVE_HOUR]);
}

static void
limber_time_format_dispose (GObject *object)
{
  LimberTimeFormat *self = LIMBER_TIME_FORMAT (object);

  g_clear_object (&self->interface_settings);

  G_OBJECT_CLASS (limber_time_format_parent_class)->dispose (object);
}

static void
limber_time_format_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LimberTimeFormat *self = LIMBER_TIME_FORMAT (object);

  switch (prop_id)
    {
    case PROP_TWELVE_HOUR:
      g_value_set_boolean (value, self->twelve_hour);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_time_format_class_init (LimberTimeFormatClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_time_format_dispose;
  object_class->get_property = limber_time_format_get_property;

  /**
   * LimberTimeFormat:twelve-hour:
   *
   * Whether the desktop shows times as "3:00 PM" rather than "15:00".
   */
  properties[PROP_TWELVE_HOUR] =
    g_param_spec_boolean ("twelve-hour", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_time_format_init (LimberTimeFormat *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "clock-format"))
    return;

  self->interface_settings = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_object (self->interface_settings, "changed::clock-format",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

/**
 * limber_time_format_new:
 *
 * Returns: (transfer full): the desktop's time format, followed as it changes
 */
LimberTimeFormat *
limber_time_format_new (void)
{
  return g_object_new (LIMBER_TYPE_TIME_FORMAT, NULL);
}

gboolean
limber_time_format_get_twelve_hour (LimberTimeFormat *self)
{
  g_return_val_if_fail (LIMBER_IS_TIME_FORMAT (self), FALSE);
  return self->twelve_hour;
}

/* Returns: (transfer full): @time's time of day in the desktop's format, e.g. "3:00 PM" */
char *
limber_time_format_time (LimberTimeFormat *self,
                         GDateTime        *time)
{
  g_return_val_if_fail (LIMBER_IS_TIME_FORMAT (self), NULL);
  return limber_format_time (time, self->twelve_hour);
}

/* Returns: (transfer full): when @due comes, seen at @now, e.g. "Next tomorrow at 09:00" */
char *
limber_time_format_next (LimberTimeFormat *self,
                         GDateTime        *now,
                         GDateTime        *due)
{
  g_return_val_if_fail (LIMBER_IS_TIME_FORMAT (self), NULL);
  return limber_format_next (now, due, self->twelve_hour);
}

/**
 * limber_format_time:
 * @twelve_hour: "3:00 PM" rather than "15:00"
 *
 * Returns: (transfer full): the time of day of @time
 */
char *
limber_format_time (GDateTime *time,
                    gboolean   twelve_hour)
{
  char *text;

  g_return_val_if_fail (time != NULL, NULL);

  if (twelve_hour)
    /* Translators: a time of day in 12-hour format, see strftime(3) */
    text = g_date_time_format (time, _("%-l:%M %p"));
  else
    /* Translators: a time of day in 24-hour format, see strftime(3) */
    text = g_date_time_format (time, _("%H:%M"));

  /* %l pads the hour with a space. */
  return g_strstrip (text);
}

/* Days from @now's calendar date to @due's, in @due's zone: whole dates, not 24-hour spans, so
 * a 23- or 25-hour day and the step from 31 December to 1 January count as one. */
static int
days_between (GDateTime *now,
              GDateTime *due)
{
  g_autoptr(GDateTime) now_there = g_date_time_to_timezone (now, g_date_time_get_timezone (due));
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, g_date_time_get_day_of_month (now_there),
                  g_date_time_get_month (now_there), g_date_time_get_year (now_there));
  g_date_set_dmy (&to, g_date_time_get_day_of_month (due), g_date_time_get_month (due),
                  g_date_time_get_year (due));

  return g_date_days_between (&from, &to);
}

/**
 * limber_format_next:
 * @now: the current time
 * @due: when something comes next
 * @twelve_hour: the desktop's time format
 *
 * Returns: (transfer full): "Next at 15:00" today, "Next tomorrow at 09:00", "Next on Monday at
 *   09:00" within a week, and "Next on 12 January at 09:00" further on
 */
char *
limber_format_next (GDateTime *now,
                    GDateTime *due,
                    gboolean   twelve_hour)
{
  g_autofree char *clock = NULL;
  int days;

  g_return_val_if_fail (now != NULL && due != NULL, NULL);

  clock = limber_format_time (due, twelve_hour);
  days = days_between (now, due);

  if (days <= 0)
    return g_strdup_printf (_("Next at %s"), clock);
  if (days == 1)
    return g_strdup_printf (_("Next tomorrow at %s"), clock);
  if (days < 7)
    {
      g_autofree char *weekday = g_date_time_format (due, "%A");

      /* Translators: the first %s is a day of the week, the second a time */
      return g_strdup_printf (_("Next on %s at %s"), weekday, clock);
    }
  else
    {
      /* Translators: a date for "Next on %s at %s", see strftime(3) */
      g_autofree char *date = g_date_time_format (due, _("%e %B"));

      /* Translators: the first %s is a date, the second a time */
      return g_strdup_printf (_("Next on %s at %s"), g_strstrip (date), clock);
    }
}
