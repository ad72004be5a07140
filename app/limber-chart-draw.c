/* limber-chart-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "limber-chart-private.h"
#include "limber-theme-color.h"

/*
 * A LimberChart's drawing: the gridlines and labels, the bars or the line with its dots, the x
 * axis and the goal, in the theme's colours, into a GtkSnapshot. It only reads the chart: the
 * ranges and positions it draws with were worked out in limber-chart-geometry.c.
 */

#define LINE_WIDTH       2.0
#define DOT_SPACING      9.0    /* dots only if points are this far apart on average */
#define BAR_FILL         0.6    /* of its slot; the rest is the gap between bars */
#define BAR_MAX_WIDTH    40.0
#define BAR_RADIUS       3.0
#define GOAL_DASH        6.0
#define LINE_DASH        5.0    /* of the series compared with */

/* The label colours are the foreground's, dimmed as libadwaita's .dim-label is but a little less,
 * because these labels are small. */
#define LABEL_ALPHA      0.7f
#define GRID_ALPHA       0.12f
#define AXIS_ALPHA       0.35f
/* The series compared with: the foreground, a little dimmed, so the main series leads. */
#define COMPARE_ALPHA    0.6f

/* Which points of @series lie in [@lo, @hi], plus one on either side so that a line leaves the
 * plot towards them instead of stopping at the edge. */
static void
visible_points (GArray *series,
                double  lo,
                double  hi,
                guint  *first,
                guint  *end)
{
  const LimberChartPoint *points = (const LimberChartPoint *) (gpointer) series->data;
  guint n = series->len;
  guint a = 0, b = n;

  /* Binary searches: the points are sorted. */
  while (a < b)
    {
      guint mid = a + (b - a) / 2;

      if (points[mid].x < lo)
        a = mid + 1;
      else
        b = mid;
    }
  *first = a > 0 ? a - 1 : 0;

  b = n;
  while (a < b)
    {
      guint mid = a + (b - a) / 2;

      if (points[mid].x <= hi)
        a = mid + 1;
      else
        b = mid;
    }
  *end = a < n ? a + 1 : n;
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               double         x,
               double         y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_grid (LimberChart *self,
           GtkSnapshot *snapshot)
{
  const graphene_rect_t *plot = &self->plot;

  for (guint i = 0; i < self->y_labels->len; i++)
    {
      const YLabel *label = &g_array_index (self->y_labels, YLabel, i);
      double y = floor (y_to_px (self, label->y) - 0.5);

      /* The bottom line is the x axis, drawn stronger after the data. */
      if (i > 0)
        gtk_snapshot_append_color (snapshot, &self->colors[COLOR_GRID],
                                   &GRAPHENE_RECT_INIT (plot->origin.x, y, plot->size.width, 1));
      append_layout (snapshot, label->layout, label->left, label->top,
                     &self->colors[COLOR_LABEL]);
    }

  for (guint i = 0; i < self->x_labels->len; i++)
    {
      const XLabel *label = &g_array_index (self->x_labels, XLabel, i);

      if (label->shown)
        append_layout (snapshot, label->layout, round (label->left),
                       plot->origin.y + plot->size.height + LABEL_GAP,
                       &self->colors[COLOR_LABEL]);
    }
}

static void
draw_bars (LimberChart *self,
           GtkSnapshot *snapshot)
{
  const LimberChartPoint *points = (const LimberChartPoint *) (gpointer) self->points->data;
  double slot = self->bar_width / (self->x_hi - self->x_lo) * self->plot.size.width;
  double width = CLAMP (slot * BAR_FILL, 1.0, BAR_MAX_WIDTH);
  double base = y_to_px (self, CLAMP (0.0, self->y_lo, self->y_hi));
  guint first, end;

  visible_points (self->points, self->x_lo, self->x_hi, &first, &end);
  gtk_snapshot_push_clip (snapshot, &self->plot);
  for (guint i = first; i < end; i++)
    {
      double top = y_to_px (self, CLAMP (points[i].y, self->y_lo, self->y_hi));
      double radius = MIN (BAR_RADIUS, width / 2.0);
      graphene_size_t corner = GRAPHENE_SIZE_INIT (radius, radius);
      graphene_size_t square = GRAPHENE_SIZE_INIT (0, 0);
      GskRoundedRect bar;

      if (base - top < 0.5)
        continue;

      /* Rounded on top only: the bar stands on the axis. */
      gsk_rounded_rect_init (&bar,
                             &GRAPHENE_RECT_INIT (round (x_to_px (self, points[i].x) - width / 2.0),
                                                  top, round (width), base - top),
                             &corner, &corner, &square, &square);
      gtk_snapshot_push_rounded_clip (snapshot, &bar);
      gtk_snapshot_append_color (snapshot, &self->colors[COLOR_DATA], &bar.bounds);
      gtk_snapshot_pop (snapshot);
    }
  gtk_snapshot_pop (snapshot);
}

/* The first, lowest, highest and last value of each pixel column, in their order and each once,
 * so a column never costs more than the points in it. */
static void
trace_thinned (LimberChart            *self,
               cairo_t                *cr,
               const LimberChartPoint *points,
               guint                   first,
               guint                   end)
{
  guint i = first;

  while (i < end)
    {
      double column = floor (x_to_px (self, points[i].x));
      guint start = i, lowest = i, highest = i, last = i;
      guint order[4];

      for (; i < end && floor (x_to_px (self, points[i].x)) == column; i++)
        {
          if (points[i].y < points[lowest].y)
            lowest = i;
          if (points[i].y > points[highest].y)
            highest = i;
          last = i;
        }

      order[0] = start;
      order[1] = MIN (lowest, highest);
      order[2] = MAX (lowest, highest);
      order[3] = last;
      for (guint k = 0; k < G_N_ELEMENTS (order); k++)
        {
          if (k > 0 && order[k] == order[k - 1])
            continue;
          cairo_line_to (cr, column + 0.5,
                         y_to_px (self, CLAMP (points[order[k]].y, self->y_lo, self->y_hi)));
        }
    }
}

/* A dot on each point in the x range: filled, or hollow for the series compared with. */
static void
draw_dots (LimberChart            *self,
           cairo_t                *cr,
           const LimberChartPoint *points,
           guint                   first,
           guint                   end,
           gboolean                hollow)
{
  for (guint i = first; i < end; i++)
    {
      if (points[i].x < self->x_lo || points[i].x > self->x_hi)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, x_to_px (self, points[i].x),
                 y_to_px (self, CLAMP (points[i].y, self->y_lo, self->y_hi)),
                 hollow ? DOT_RADIUS - 0.75 : DOT_RADIUS, 0, 2 * G_PI);
    }
  if (hollow)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

/* @series as a line, solid, or dashed in @color for the series compared with. */
static void
draw_line (LimberChart   *self,
           GtkSnapshot   *snapshot,
           GArray        *series,
           const GdkRGBA *color,
           gboolean       dashed)
{
  const LimberChartPoint *points = (const LimberChartPoint *) (gpointer) series->data;
  graphene_rect_t bounds;
  guint first, end, n;
  gboolean dots;
  cairo_t *cr;

  visible_points (series, self->x_lo, self->x_hi, &first, &end);
  n = end - first;
  if (n == 0)
    return;

  dots = n == 1 || self->plot.size.width / n >= DOT_SPACING;

  graphene_rect_inset_r (&self->plot, -(DOT_RADIUS + 1), -(DOT_RADIUS + 1), &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  /* The line may run on to a point beyond the x range, but not over the y labels; the dots
   * on the first and last day are drawn whole. */
  cairo_save (cr);
  cairo_rectangle (cr, self->plot.origin.x, bounds.origin.y, self->plot.size.width,
                   bounds.size.height);
  cairo_clip (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, dashed ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  if (dashed)
    cairo_set_dash (cr, (double[]) { LINE_DASH, LINE_DASH }, 2, 0);

  if (n > self->plot.size.width)
    trace_thinned (self, cr, points, first, end);
  else
    for (guint i = first; i < end; i++)
      cairo_line_to (cr, x_to_px (self, points[i].x),
                     y_to_px (self, CLAMP (points[i].y, self->y_lo, self->y_hi)));
  cairo_stroke (cr);
  cairo_restore (cr);

  if (dots)
    {
      gdk_cairo_set_source_rgba (cr, color);
      draw_dots (self, cr, points, first, end, dashed);
    }

  cairo_destroy (cr);
}

/* Each name of the legend after a short line drawn as its series is. */
static void
draw_legend (LimberChart *self,
             GtkSnapshot *snapshot)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->legend_layouts); i++)
    {
      const GdkRGBA *color = &self->colors[i == 0 ? COLOR_DATA : COLOR_COMPARE];
      double middle = ceil (self->text_height / 2.0);
      double left = self->legend_left[i];
      cairo_t *cr;

      if (self->legend_layouts[i] == NULL)
        continue;
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (left, middle - 2,
                                                                     LEGEND_SWATCH, 4));
      gdk_cairo_set_source_rgba (cr, color);
      cairo_set_line_width (cr, LINE_WIDTH);
      if (i == 1)
        cairo_set_dash (cr, (double[]) { LINE_DASH, LINE_DASH }, 2, 0);
      cairo_move_to (cr, left, middle);
      cairo_line_to (cr, left + LEGEND_SWATCH, middle);
      cairo_stroke (cr);
      cairo_destroy (cr);
      append_layout (snapshot, self->legend_layouts[i], left + LEGEND_SWATCH + LEGEND_GAP, 0,
                     &self->colors[COLOR_LABEL]);
    }
}

/* A short mark under the x axis at each tick in the x range. */
static void
draw_ticks (LimberChart *self,
            GtkSnapshot *snapshot)
{
  double axis = floor (y_to_px (self, self->y_lo) - 0.5);

  for (guint i = 0; i < self->x_ticks->len; i++)
    {
      double x = g_array_index (self->x_ticks, double, i);

      if (x < self->x_lo || x > self->x_hi)
        continue;
      gtk_snapshot_append_color (snapshot, &self->colors[COLOR_AXIS],
                                 &GRAPHENE_RECT_INIT (MIN (floor (x_to_px (self, x)),
                                                           self->plot.origin.x +
                                                           self->plot.size.width - 1),
                                                      axis + 1, 1, TICK_LENGTH));
    }
}

static void
draw_goal (LimberChart *self,
           GtkSnapshot *snapshot)
{
  double y;
  cairo_t *cr;

  if (isnan (self->goal) || self->goal < self->y_lo || self->goal > self->y_hi)
    return;

  y = round (y_to_px (self, self->goal));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (self->plot.origin.x, y - 2,
                                                                 self->plot.size.width, 4));
  gdk_cairo_set_source_rgba (cr, &self->colors[COLOR_GOAL]);
  cairo_set_line_width (cr, 2.0);
  cairo_set_dash (cr, (double[]) { GOAL_DASH, GOAL_DASH / 2 }, 2, 0);
  cairo_move_to (cr, self->plot.origin.x, y);
  cairo_line_to (cr, self->plot.origin.x + self->plot.size.width, y);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

void
limber_chart_draw (LimberChart *self,
                   GtkSnapshot *snapshot)
{
  g_assert (LIMBER_IS_CHART (self));

  /* Nothing to draw: a sentence says so, where an empty grid would look broken. */
  if (self->empty_layout != NULL)
    {
      append_layout (snapshot, self->empty_layout, EMPTY_MARGIN, self->empty_top,
                     &self->colors[COLOR_LABEL]);
      return;
    }

  draw_grid (self, snapshot);

  draw_legend (self, snapshot);
  if (self->style == LIMBER_CHART_STYLE_BARS)
    draw_bars (self, snapshot);
  else
    {
      /* The series compared with lies under the main one. */
      draw_line (self, snapshot, self->compare, &self->colors[COLOR_COMPARE], TRUE);
      draw_line (self, snapshot, self->points, &self->colors[COLOR_DATA], FALSE);
    }

  gtk_snapshot_append_color (snapshot, &self->colors[COLOR_AXIS],
                             &GRAPHENE_RECT_INIT (self->plot.origin.x,
                                                  floor (y_to_px (self, self->y_lo) - 0.5),
                                                  self->plot.size.width, 1));
  draw_ticks (self, snapshot);
  draw_goal (self, snapshot);
}

/* The colours from a foreground and a data colour: the grid and labels are the foreground,
 * dimmed. The goal keeps libadwaita's success green. */
void
limber_chart_colors_from (const GdkRGBA *foreground,
                          const GdkRGBA *data,
                          GdkRGBA       *colors)
{
  colors[COLOR_LABEL] = colors[COLOR_GRID] = colors[COLOR_AXIS] = *foreground;
  colors[COLOR_LABEL].alpha *= LABEL_ALPHA;
  colors[COLOR_GRID].alpha *= GRID_ALPHA;
  colors[COLOR_AXIS].alpha *= AXIS_ALPHA;
  colors[COLOR_COMPARE] = *foreground;
  colors[COLOR_COMPARE].alpha *= COMPARE_ALPHA;
  colors[COLOR_DATA] = *data;
  gdk_rgba_parse (&colors[COLOR_GOAL], "#26a269");
}

void
limber_chart_get_colors (GtkWidget *widget,
                         GdkRGBA   *colors)
{
  GdkRGBA fg, data;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  /* accent_color, not accent_bg_color: it is the one made to stand out on the window's
   * background, in either style. */
  limber_theme_color_lookup (widget, "accent_color", &data, "#1c71d8");
  limber_chart_colors_from (&fg, &data, colors);
  limber_theme_color_lookup (widget, "success_color", &colors[COLOR_GOAL], "#26a269");
}
