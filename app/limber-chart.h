/* limber-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * LimberChartStyle:
 * @LIMBER_CHART_STYLE_LINE: a line through the points, with a dot on each point when they are
 *   far enough apart to tell the dots from one another
 * @LIMBER_CHART_STYLE_BARS: a bar from zero (or the bottom of the y range) up to each point,
 *   centred on its x, in a slot #LimberChart:bar-width wide
 *
 * How a #LimberChart draws its points.
 */
typedef enum
{
  LIMBER_CHART_STYLE_LINE,
  LIMBER_CHART_STYLE_BARS,
} LimberChartStyle;

#define LIMBER_TYPE_CHART_STYLE (limber_chart_style_get_type ())
GType limber_chart_style_get_type (void);

/**
 * LimberChartPoint:
 * @x: where along the x axis, in the caller's unit: a day's or week's index, or seconds since
 *   the epoch for values at real times
 * @y: the value
 *
 * One value of a chart.
 */
typedef struct
{
  double x;
  double y;
} LimberChartPoint;

/**
 * LimberChartLabel:
 * @x: where the label stands on the x axis, in the unit of the points
 * @text: the text, translated and formatted by the caller ("Mon", "May 12", "2024")
 *
 * A label under the x axis, centred on @x.
 */
typedef struct
{
  double      x;
  const char *text;
} LimberChartLabel;

/**
 * LimberChart:
 *
 * A small chart drawn in the theme's colours: a line or bars over a few gridlines, numbers on
 * the y axis and the caller's labels under the x axis, an optional dashed goal line. It is
 * 160–180 px high and shrinks to 200 px wide, showing fewer x labels as it narrows.
 *
 * Screen readers see an image named by #LimberChart:title and described by
 * #LimberChart:description: the caller writes the numbers the chart shows as text there.
 */
#define LIMBER_TYPE_CHART (limber_chart_get_type ())
G_DECLARE_FINAL_TYPE (LimberChart, limber_chart, LIMBER, CHART, GtkWidget)

/**
 * limber_chart_new:
 * @style: a line or bars
 *
 * Returns: (transfer floating): an empty chart with the y range from 0 to a round number above
 *   the data, and the x range from the data
 */
GtkWidget        *limber_chart_new                  (LimberChartStyle        style);

/**
 * limber_chart_set_style:
 *
 * Sets #LimberChart:style, how the points are drawn.
 */
void              limber_chart_set_style            (LimberChart            *self,
                                                     LimberChartStyle        style);
LimberChartStyle  limber_chart_get_style            (LimberChart            *self);

/**
 * limber_chart_set_points:
 * @points: (array length=n_points) (nullable): the values, in any order
 * @n_points: how many; 0 leaves only the grid and labels
 *
 * Replaces the data with a copy of @points, sorted by x. Points with a non-finite x or y (a
 * day without a rating, as %NAN) are left out, not drawn at zero. Values above a fixed y range
 * are drawn at its top. Any number of points is fine: a line with more points than pixels is
 * drawn from the extremes of each pixel column, so peaks stay visible.
 */
void              limber_chart_set_points           (LimberChart            *self,
                                                     const LimberChartPoint *points,
                                                     gsize                   n_points);
gsize             limber_chart_get_n_points         (LimberChart            *self);

/**
 * limber_chart_set_x_range:
 * @min: the left edge, or %NAN for the first point's x
 * @max: the right edge, or %NAN for the last point's x
 *
 * Sets the span of the x axis. Points outside it are not drawn, though the line runs on
 * towards them. With bars and a range taken from the data, half a bar's slot is added on each
 * side; with a fixed range, give that room yourself (-0.5 to 11.5 for bars at 0 to 11).
 */
void              limber_chart_set_x_range          (LimberChart            *self,
                                                     double                  min,
                                                     double                  max);

/**
 * limber_chart_set_y_range:
 * @min: the bottom of the y axis, usually 0
 * @max: the top, or a negative number for a round number at or above the largest value and
 *   the goal (7.3 becomes 8, 37 becomes 40)
 *
 * Sets the span of the y axis. Gridlines are drawn at round steps (1, 2, 2.5 or 5 times a
 * power of ten; whole steps when the data, the goal and the range are whole numbers), as many
 * as fit in the height, at most five, each labelled with its value in the user's locale.
 */
void              limber_chart_set_y_range          (LimberChart            *self,
                                                     double                  min,
                                                     double                  max);

/**
 * limber_chart_get_y_range:
 * @min: (out) (optional): the bottom of the y axis as drawn
 * @max: (out) (optional): the top as drawn, after rounding
 *
 * Gets the y range the chart draws with. A rounded top depends on how many gridlines fit, so
 * this is for the chart's current size, or its natural size before it has one.
 */
void              limber_chart_get_y_range          (LimberChart            *self,
                                                     double                 *min,
                                                     double                 *max);

/**
 * limber_chart_set_bar_width:
 * @width: the slot of one bar, in x units; 1 by default
 *
 * Sets #LimberChart:bar-width. A bar fills 60% of its slot, up to 40 px; the rest is the gap
 * between bars. Give 1 for bars at 0, 1, 2… and 7 × 86400 for weekly bars at seconds since the
 * epoch.
 */
void              limber_chart_set_bar_width        (LimberChart            *self,
                                                     double                  width);
double            limber_chart_get_bar_width        (LimberChart            *self);

/**
 * limber_chart_set_goal:
 * @goal: the value to reach, or %NAN for none
 *
 * Sets the goal, drawn as a dashed line across the chart in the theme's success
 * colour. An automatic y range reaches up to it; outside a fixed one it is not drawn.
 */
void              limber_chart_set_goal             (LimberChart            *self,
                                                     double                  goal);
double            limber_chart_get_goal             (LimberChart            *self);

/**
 * limber_chart_set_x_labels:
 * @labels: (array length=n_labels) (nullable): labels, in any order; each @text is copied
 * @n_labels: how many
 *
 * Replaces the labels under the x axis. Labels outside the x range are left out. Of the rest,
 * the chart shows as many as fit without overlapping: always the last one, and then every
 * second, third… one before it, so that they stay evenly spaced. Give one per day or week; the
 * chart thins them out.
 */
void              limber_chart_set_x_labels         (LimberChart            *self,
                                                     const LimberChartLabel *labels,
                                                     gsize                   n_labels);

/**
 * limber_chart_set_title:
 * @title: (nullable): what the chart shows, as its heading on the page says it
 *
 * Sets #LimberChart:title, the chart's accessible name. The chart does not draw it: the page
 * shows it as a heading.
 */
void              limber_chart_set_title            (LimberChart            *self,
                                                     const char             *title);
const char       *limber_chart_get_title            (LimberChart            *self);

/**
 * limber_chart_set_description:
 * @description: (nullable): the chart in words, with its numbers
 *
 * Sets #LimberChart:description, the accessible description: what a screen reader user gets
 * instead of the picture, e.g. "Last 14 days: 6 glasses a day on average; goal of 8 reached on
 * 4 days; today 5." Set it again whenever the data changes.
 */
void              limber_chart_set_description      (LimberChart            *self,
                                                     const char             *description);
const char       *limber_chart_get_description      (LimberChart            *self);

/**
 * limber_chart_set_empty_text:
 * @text: (nullable): a short sentence, such as "No plank holds yet"
 *
 * Sets #LimberChart:empty-text, what the chart shows in its place while it has no points,
 * instead of an empty grid. With %NULL (the default) an empty chart shows its grid and labels.
 */
void              limber_chart_set_empty_text       (LimberChart            *self,
                                                     const char             *text);
const char       *limber_chart_get_empty_text       (LimberChart            *self);

/**
 * limber_chart_draw_on_cairo:
 * @cr: where to draw, with its origin at the chart's top left
 * @width: the chart's width, in the chart's pixels
 * @height: its height
 * @foreground: the colour of text and lines, from which the grid and labels are dimmed
 * @data: the colour of the data
 *
 * Draws the chart as the widget draws it, with the same code, onto @cr: for a page to print
 * or a PDF, where the theme's colours do not apply. Scale @cr to change the size of a pixel.
 */
void              limber_chart_draw_on_cairo        (LimberChart            *self,
                                                     cairo_t                *cr,
                                                     int                     width,
                                                     int                     height,
                                                     const GdkRGBA          *foreground,
                                                     const GdkRGBA          *data);

/**
 * limber_chart_set_compare_points:
 * @points: (array length=n_points) (nullable): values to compare the points with, in any order
 * @n_points: how many
 *
 * Sets a second series, drawn as a dashed line with hollow dots in the foreground colour under
 * the points' line (a line chart only), such as pain before each session under pain after it.
 * An automatic y range reaches up to it; the chart is empty only when both series are.
 */
void              limber_chart_set_compare_points   (LimberChart            *self,
                                                     const LimberChartPoint *points,
                                                     gsize                   n_points);
gsize             limber_chart_get_n_compare_points (LimberChart            *self);

/**
 * limber_chart_set_legend:
 * @points_name: (nullable): what the points are ("After"), or %NULL for no legend
 * @compare_name: (nullable): what the compare points are ("Before"); %NULL with @points_name
 *
 * Sets the legend, drawn above the plot: each name after a short line in its series' style.
 */
void              limber_chart_set_legend           (LimberChart            *self,
                                                     const char             *points_name,
                                                     const char             *compare_name);

/**
 * limber_chart_set_x_ticks:
 * @ticks: (array length=n_ticks) (nullable): places on the x axis, in the unit of the points
 * @n_ticks: how many
 *
 * Sets short marks under the x axis, such as the first of each month. Unlike labels, every mark
 * in the x range is drawn, however narrow the chart.
 */
void              limber_chart_set_x_ticks          (LimberChart            *self,
                                                     const double           *ticks,
                                                     gsize                   n_ticks);

G_END_DECLS
