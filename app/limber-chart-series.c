/* limber-chart-series.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "limber-chart-private.h"

/*
 * What a LimberChart shows besides its one series: a second series to compare with (pain before
 * a session against pain after), a legend naming both, and marks under the x axis (one per
 * month, where the labels may be too many to show each one); and how either series is copied
 * in. Kept apart from limber-chart.c, which holds the widget itself.
 */

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  double xa = ((const LimberChartPoint *) a)->x;
  double xb = ((const LimberChartPoint *) b)->x;

  return (xa > xb) - (xa < xb);
}

/* Copies the finite points of @points into @into, sorted by x. */
void
limber_chart_copy_points (GArray                 *into,
                          const LimberChartPoint *points,
                          gsize                   n_points)
{
  g_array_set_size (into, 0);
  for (gsize i = 0; i < n_points; i++)
    {
      /* A missing value is a gap in the data, not a point at zero. */
      if (isfinite (points[i].x) && isfinite (points[i].y))
        g_array_append_val (into, points[i]);
    }
  g_array_sort (into, compare_points);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* Whether the chart shows its empty text instead of the grid: no point in either series. */
gboolean
limber_chart_shows_empty (LimberChart *self)
{
  return self->points->len == 0 && self->compare->len == 0 &&
         self->empty_text != NULL && self->empty_text[0] != '\0';
}

void
limber_chart_set_compare_points (LimberChart            *self,
                                 const LimberChartPoint *points,
                                 gsize                   n_points)
{
  g_return_if_fail (LIMBER_IS_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);
  g_return_if_fail (n_points <= G_MAXUINT);

  limber_chart_copy_points (self->compare, points, n_points);
  limber_chart_invalidate (self);
}

gsize
limber_chart_get_n_compare_points (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), 0);
  return self->compare->len;
}

void
limber_chart_set_legend (LimberChart *self,
                         const char  *points_name,
                         const char  *compare_name)
{
  const char *names[2] = { points_name, compare_name };

  g_return_if_fail (LIMBER_IS_CHART (self));
  g_return_if_fail ((points_name == NULL) == (compare_name == NULL));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_free (self->legend[i]);
      self->legend[i] = g_strdup (names[i]);
      g_clear_object (&self->legend_layouts[i]);
    }
  limber_chart_invalidate (self);
}

void
limber_chart_set_x_ticks (LimberChart  *self,
                          const double *ticks,
                          gsize         n_ticks)
{
  g_return_if_fail (LIMBER_IS_CHART (self));
  g_return_if_fail (ticks != NULL || n_ticks == 0);

  g_array_set_size (self->x_ticks, 0);
  for (gsize i = 0; i < n_ticks; i++)
    if (isfinite (ticks[i]))
      g_array_append_val (self->x_ticks, ticks[i]);
  g_array_sort (self->x_ticks, compare_doubles);
  limber_chart_invalidate (self);
}
