/* limber-chart-geometry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "limber-chart-private.h"

/*
 * Where things go in a LimberChart of a given size: the x and y ranges, the gridlines at round
 * steps and their labels, the plot's rectangle inside the labels, and which x labels are shown
 * so that they do not overlap. limber_chart_ensure_geometry() redoes it when the data or the
 * size has changed; the drawing in limber-chart-draw.c only reads the result.
 */

#define LABEL_SPACING    12.0   /* at least this between two x labels */
#define MAX_GRIDLINES    5
#define GRID_SPACING     2.5    /* gridlines at least this many text lines apart */
/* What an automatic y range reaches when there is nothing to show, so the grid still reads. */
#define EMPTY_MAX        5.0

static PangoLayout *
make_layout (LimberChart *self,
             const char  *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Small, as captions are, and with tabular digits so that numbers line up. */
  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/*
 * The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least @raw: steps people
 * count in. Whole-number data gets whole-number steps, as half a glass makes no sense.
 */
static double
nice_step (double   raw,
           gboolean integer)
{
  static const double factors[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };
  double magnitude;

  if (!(raw > 0.0) || !isfinite (raw))
    return 1.0;

  magnitude = pow (10.0, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    {
      double step = factors[i] * magnitude;

      if (step < raw * (1.0 - 1e-9))
        continue;
      if (integer && (step < 1.0 || step != floor (step)))
        continue;
      return step;
    }

  return integer ? MAX (1.0, 10.0 * magnitude) : 10.0 * magnitude;
}

static int
decimals_for (double step)
{
  int decimals = 0;

  while (decimals < 3 &&
         fabs (step * pow (10, decimals) - round (step * pow (10, decimals))) > 1e-6)
    decimals++;

  return decimals;
}

static gboolean
is_whole (double value)
{
  return value == floor (value);
}

static void
compute_x_range (LimberChart *self)
{
  const LimberChartPoint *points = (const LimberChartPoint *) (gpointer) self->points->data;
  guint n = self->points->len;
  double pad = self->style == LIMBER_CHART_STYLE_BARS ? self->bar_width / 2.0 : 0.0;

  if (!isnan (self->x_min) && !isnan (self->x_max) && self->x_max > self->x_min)
    {
      self->x_lo = self->x_min;
      self->x_hi = self->x_max;
      return;
    }

  self->x_lo = !isnan (self->x_min) ? self->x_min : n > 0 ? points[0].x - pad : 0.0;
  self->x_hi = !isnan (self->x_max) ? self->x_max : n > 0 ? points[n - 1].x + pad : 1.0;
  if (!(self->x_hi > self->x_lo))
    {
      double half = MAX (pad, 1.0);

      self->x_lo -= half;
      self->x_hi += half;
    }
}

/* The y range and its gridlines, about one per GRID_SPACING lines of text of @plot_height. */
static void
compute_y_range (LimberChart *self,
                 double       plot_height)
{
  const LimberChartPoint *points = (const LimberChartPoint *) (gpointer) self->points->data;
  int wanted = CLAMP ((int) (plot_height / (GRID_SPACING * self->text_height)), 1, MAX_GRIDLINES);
  gboolean integer = is_whole (self->y_min);
  double top = -G_MAXDOUBLE;
  double step;
  int decimals;

  for (guint i = 0; i < self->points->len; i++)
    {
      top = MAX (top, points[i].y);
      integer = integer && is_whole (points[i].y);
    }
  for (guint i = 0; i < self->compare->len; i++)
    {
      double y = g_array_index (self->compare, LimberChartPoint, i).y;

      top = MAX (top, y);
      integer = integer && is_whole (y);
    }
  if (!isnan (self->goal))
    {
      top = MAX (top, self->goal);
      integer = integer && is_whole (self->goal);
    }

  self->y_lo = self->y_min;
  if (self->y_max >= 0.0 && self->y_max > self->y_min)
    {
      self->y_hi = self->y_max;
      integer = integer && is_whole (self->y_max);
      step = nice_step ((self->y_hi - self->y_lo) / wanted, integer);
    }
  else
    {
      if (!(top > self->y_lo))
        top = self->y_lo + EMPTY_MAX;
      step = nice_step ((top - self->y_lo) / wanted, integer);
      self->y_hi = self->y_lo + ceil ((top - self->y_lo) / step - 1e-9) * step;
    }

  g_array_set_size (self->y_labels, 0);
  decimals = decimals_for (step);
  for (int i = 0; self->y_lo + i * step <= self->y_hi + step * 1e-9; i++)
    {
      YLabel label = { self->y_lo + i * step, NULL };
      g_autofree char *text = g_strdup_printf ("%'.*f", decimals, label.y);

      label.layout = make_layout (self, text);
      g_array_append_val (self->y_labels, label);
    }
}

/*
 * Shows the last label and every k-th one before it, for the smallest k that keeps them
 * LABEL_SPACING apart: evenly spaced labels read better than as many as could be squeezed in.
 */
static void
place_x_labels (LimberChart *self)
{
  g_autoptr(GArray) in_range = g_array_new (FALSE, FALSE, sizeof (XLabel *));
  guint n;

  /* Labels start no further left than the y labels' column ends, so the first one never runs
   * into the bottom gridline's number. */
  double min_left = MAX (0.0, self->plot.origin.x - LABEL_GAP);

  self->n_shown_x_labels = 0;
  for (guint i = 0; i < self->x_labels->len; i++)
    {
      XLabel *label = &g_array_index (self->x_labels, XLabel, i);
      double slack = (self->x_hi - self->x_lo) * 1e-9;

      label->shown = FALSE;
      if (self->empty_layout != NULL ||
          label->x < self->x_lo - slack || label->x > self->x_hi + slack)
        continue;
      if (label->layout == NULL)
        {
          label->layout = make_layout (self, label->text);
          pango_layout_get_pixel_size (label->layout, &label->width, NULL);
        }
      label->left = CLAMP (x_to_px (self, label->x) - label->width / 2.0, min_left,
                           MAX (min_left, self->width - label->width));
      g_array_append_val (in_range, label);
    }

  n = in_range->len;
  for (guint stride = 1; stride <= n; stride++)
    {
      XLabel *previous = NULL;
      gboolean fits = TRUE;

      for (guint i = (n - 1) % stride; i < n && fits; i += stride)
        {
          XLabel *label = g_array_index (in_range, XLabel *, i);

          fits = label->left + label->width <= self->width &&
                 (previous == NULL ||
                  label->left >= previous->left + previous->width + LABEL_SPACING);
          previous = label;
        }
      if (!fits)
        continue;

      for (guint i = (n - 1) % stride; i < n; i += stride)
        {
          g_array_index (in_range, XLabel *, i)->shown = TRUE;
          self->n_shown_x_labels++;
        }
      break;
    }
}

/* The legend's names side by side from the plot's left edge, each after its swatch. */
static void
place_legend (LimberChart *self)
{
  double left = self->plot.origin.x;

  for (guint i = 0; i < G_N_ELEMENTS (self->legend); i++)
    {
      int width;

      if (self->legend[i] == NULL || self->empty_layout != NULL)
        continue;
      if (self->legend_layouts[i] == NULL)
        self->legend_layouts[i] = make_layout (self, self->legend[i]);
      pango_layout_get_pixel_size (self->legend_layouts[i], &width, NULL);
      self->legend_left[i] = left;
      left += LEGEND_SWATCH + LEGEND_GAP + width + LEGEND_SPACING;
    }
}

/* The ticks drawn: those in the x range, unless the empty text stands in for the chart. */
static void
count_shown_ticks (LimberChart *self)
{
  self->n_shown_x_ticks = 0;
  for (guint i = 0; i < self->x_ticks->len && self->empty_layout == NULL; i++)
    {
      double x = g_array_index (self->x_ticks, double, i);

      self->n_shown_x_ticks += x >= self->x_lo && x <= self->x_hi;
    }
}

void
limber_chart_ensure_geometry (LimberChart *self,
                              int          width,
                              int          height)
{
  double top, bottom, label_width = 0.0, right;

  if (self->geometry_valid && self->width == width && self->height == height)
    return;

  self->width = width;
  self->height = height;
  self->geometry_valid = TRUE;
  self->node_valid = FALSE;
  g_clear_pointer (&self->node, gsk_render_node_unref);

  if (self->font == NULL)
    {
      g_autoptr(PangoLayout) digit = make_layout (self, "0");

      self->font = pango_font_description_copy (
        pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self))));
      pango_layout_get_pixel_size (digit, NULL, &self->text_height);
      self->text_height = MAX (self->text_height, 1);
    }

  /* The top gridline's label is centred on it, so half a line of room above (and a pixel, as
   * the gridline is drawn at the pixel row above its place), under the legend if there is one;
   * the x labels below. */
  top = ceil (self->text_height / 2.0) + 1.0;
  if (self->legend[0] != NULL)
    top += self->text_height + LABEL_GAP;
  bottom = self->x_labels->len > 0 ? self->text_height + LABEL_GAP : ceil (self->text_height / 2.0);
  compute_x_range (self);
  compute_y_range (self, MAX (1.0, height - top - bottom));

  for (guint i = 0; i < self->y_labels->len; i++)
    {
      int w;

      pango_layout_get_pixel_size (g_array_index (self->y_labels, YLabel, i).layout, &w, NULL);
      label_width = MAX (label_width, w);
    }

  /* A dot on the last point must not be cut in half. */
  right = self->style == LIMBER_CHART_STYLE_LINE ? ceil (DOT_RADIUS) + 1.0 : 0.0;
  graphene_rect_init (&self->plot, label_width + LABEL_GAP, top,
                      MAX (1.0, width - label_width - LABEL_GAP - right),
                      MAX (1.0, height - top - bottom));

  for (guint i = 0; i < self->y_labels->len; i++)
    {
      YLabel *label = &g_array_index (self->y_labels, YLabel, i);
      /* As the gridline is drawn: on the pixel row above the value's place. */
      double y = floor (y_to_px (self, label->y) - 0.5);
      int w, h;

      pango_layout_get_pixel_size (label->layout, &w, &h);
      label->left = self->plot.origin.x - LABEL_GAP - w;
      label->top = round (y + 0.5 - h / 2.0);
    }

  /* No data and a sentence to say so: the sentence, in the middle, instead of an empty grid. */
  g_clear_object (&self->empty_layout);
  if (limber_chart_shows_empty (self))
    {
      int h;

      self->empty_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->empty_text);
      pango_layout_set_width (self->empty_layout,
                              (int) MAX (1.0, width - 2 * EMPTY_MARGIN) * PANGO_SCALE);
      pango_layout_set_wrap (self->empty_layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (self->empty_layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (self->empty_layout, NULL, &h);
      self->empty_top = MAX (0.0, floor ((height - h) / 2.0));
    }

  place_x_labels (self);
  place_legend (self);
  count_shown_ticks (self);
}
