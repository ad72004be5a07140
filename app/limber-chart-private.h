/* limber-chart-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-chart.h"

G_BEGIN_DECLS

/*
 * What the three parts of LimberChart share: the instance struct, the label records and the
 * mapping from data to widget coordinates. limber-chart.c holds the widget (properties, the
 * public setters, measure and snapshot), limber-chart-series.c the second series, the legend
 * and the x ticks, limber-chart-geometry.c works out the ranges, the
 * gridlines and which x labels fit, and limber-chart-draw.c draws into a GtkSnapshot.
 */

#define LABEL_GAP        6.0    /* between a label and the plot */
#define EMPTY_MARGIN     12.0   /* around the sentence shown instead of an empty grid */
#define DOT_RADIUS       3.5
#define LEGEND_SWATCH    16.0   /* the length of the line before a name in the legend */
#define LEGEND_GAP       4.0    /* between a swatch and its name */
#define LEGEND_SPACING   16.0   /* between one name and the next swatch */
#define TICK_LENGTH      4.0    /* of a mark under the x axis */

typedef enum
{
  COLOR_LABEL,
  COLOR_GRID,
  COLOR_AXIS,
  COLOR_DATA,
  COLOR_GOAL,
  COLOR_COMPARE,
  N_COLORS
} ChartColor;

typedef struct
{
  double       x;
  char        *text;
  PangoLayout *layout;   /* made on first use, dropped when the font changes */
  int          width;
  double       left;     /* where it is drawn, in widget coordinates */
  gboolean     shown;
} XLabel;

typedef struct
{
  double       y;
  PangoLayout *layout;
  double       left, top; /* where it is drawn, in widget coordinates */
} YLabel;

struct _LimberChart
{
  GtkWidget             parent_instance;

  LimberChartStyle      style;
  char                 *title;
  char                 *description;
  GArray               *points;       /* LimberChartPoint, sorted by x, finite */
  GArray               *x_labels;     /* XLabel, sorted by x */
  double                x_min, x_max; /* NAN: from the data */
  double                y_min, y_max; /* y_max < 0: from the data */
  double                bar_width;
  /* Not a property: GParamSpecDouble cannot have NAN, "none", as its default. */
  double                goal;         /* NAN: none */
  char                 *empty_text;   /* shown instead of the grid when there are no points */
  GArray               *compare;      /* LimberChartPoint, sorted by x, finite: drawn dashed */
  char                 *legend[2];    /* the names of the points and of the compare points */
  GArray               *x_ticks;      /* double, sorted: marks under the x axis */

  /* Derived from the above and the size by limber_chart_ensure_geometry(). */
  gboolean              geometry_valid;
  int                   width, height;
  PangoFontDescription *font;
  int                   text_height;
  graphene_rect_t       plot;
  double                x_lo, x_hi;
  double                y_lo, y_hi;
  GArray               *y_labels;     /* YLabel, one per gridline */
  guint                 n_shown_x_labels;
  PangoLayout          *empty_layout; /* the empty text, wrapped to the width; NULL: not shown */
  double                empty_top;
  PangoLayout          *legend_layouts[2]; /* NULL: no legend */
  double                legend_left[2];    /* where each name's swatch starts */
  guint                 n_shown_x_ticks;

  /* The finished drawing and the colours it was drawn with. */
  GskRenderNode        *node;
  gboolean              node_valid;
  GdkRGBA               colors[N_COLORS];
};

static inline double
x_to_px (LimberChart *self,
         double       x)
{
  return self->plot.origin.x + (x - self->x_lo) / (self->x_hi - self->x_lo) * self->plot.size.width;
}

static inline double
y_to_px (LimberChart *self,
         double       y)
{
  return self->plot.origin.y +
         (1.0 - (y - self->y_lo) / (self->y_hi - self->y_lo)) * self->plot.size.height;
}

void limber_chart_invalidate      (LimberChart *self);
void limber_chart_copy_points     (GArray                 *into,
                                   const LimberChartPoint *points,
                                   gsize                   n_points);
gboolean limber_chart_shows_empty (LimberChart *self);
void limber_chart_ensure_geometry (LimberChart *self,
                                   int          width,
                                   int          height);
void limber_chart_get_colors      (GtkWidget   *widget,
                                   GdkRGBA     *colors);
void limber_chart_draw            (LimberChart *self,
                                   GtkSnapshot *snapshot);
void limber_chart_colors_from     (const GdkRGBA *foreground,
                                   const GdkRGBA *data,
                                   GdkRGBA       *colors);

G_END_DECLS
