/* limber-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "limber-chart.h"

/*
 * A small chart for the Progress page: a line or bars over a few gridlines, labelled numbers on
 * the y axis and caller-made labels under the x axis. Everything is taken from the theme, so it
 * reads in the light and the dark style.
 *
 * Years of daily values must not slow the page down, so the drawing is built once into a render
 * node and reused until the data, the size, the font or a colour changes; the labels' layouts are
 * kept as well. A line with more points than pixel columns is thinned to the first, lowest,
 * highest and last point of each column, which draws the same line, peaks included, from at most
 * four points per column.
 */

#define MIN_WIDTH        200
#define NATURAL_WIDTH    400
#define MIN_HEIGHT       160
#define NATURAL_HEIGHT   180

#define LABEL_GAP        6.0    /* between a label and the plot */
#define LABEL_SPACING    12.0   /* at least this between two x labels */
#define MAX_GRIDLINES    5
#define GRID_SPACING     2.5    /* gridlines at least this many text lines apart */
#define LINE_WIDTH       2.0
#define DOT_RADIUS       3.5
#define DOT_SPACING      9.0    /* dots only if points are this far apart on average */
#define BAR_FILL         0.6    /* of its slot; the rest is the gap between bars */
#define BAR_MAX_WIDTH    40.0
#define BAR_RADIUS       3.0
#define GOAL_DASH        6.0
/* What an automatic y range reaches when there is nothing to show, so the grid still reads. */
#define EMPTY_MAX        5.0

/* The label colours are the foreground's, dimmed as libadwaita's .dim-label is but a little less,
 * because these labels are small. */
#define LABEL_ALPHA      0.7f
#define GRID_ALPHA       0.12f
#define AXIS_ALPHA       0.35f

typedef enum
{
  COLOR_LABEL,
  COLOR_GRID,
  COLOR_AXIS,
  COLOR_DATA,
  COLOR_GOAL,
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

  /* Derived from the above and the size by ensure_geometry(). */
  gboolean              geometry_valid;
  int                   width, height;
  PangoFontDescription *font;
  int                   text_height;
  graphene_rect_t       plot;
  double                x_lo, x_hi;
  double                y_lo, y_hi;
  GArray               *y_labels;     /* YLabel, one per gridline */
  guint                 n_shown_x_labels;

  /* The finished drawing and the colours it was drawn with. */
  GskRenderNode        *node;
  gboolean              node_valid;
  GdkRGBA               colors[N_COLORS];
};

G_DEFINE_FINAL_TYPE (LimberChart, limber_chart, GTK_TYPE_WIDGET)
G_DEFINE_ENUM_TYPE (LimberChartStyle, limber_chart_style,
                    G_DEFINE_ENUM_VALUE (LIMBER_CHART_STYLE_LINE, "line"),
                    G_DEFINE_ENUM_VALUE (LIMBER_CHART_STYLE_BARS, "bars"))

enum {
  PROP_0,
  PROP_STYLE,
  PROP_BAR_WIDTH,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
x_label_clear (gpointer data)
{
  XLabel *label = data;

  g_free (label->text);
  g_clear_object (&label->layout);
}

static void
y_label_clear (gpointer data)
{
  YLabel *label = data;

  g_clear_object (&label->layout);
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  double xa = ((const LimberChartPoint *) a)->x;
  double xb = ((const LimberChartPoint *) b)->x;

  return (xa > xb) - (xa < xb);
}

static int
compare_x_labels (gconstpointer a,
                  gconstpointer b)
{
  double xa = ((const XLabel *) a)->x;
  double xb = ((const XLabel *) b)->x;

  return (xa > xb) - (xa < xb);
}

/* Drops what was worked out for the old data or size; the next frame redoes it. */
static void
invalidate (LimberChart *self)
{
  g_assert (LIMBER_IS_CHART (self));

  self->geometry_valid = FALSE;
  self->node_valid = FALSE;
  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* For a new font or screen resolution: every layout is measured again. */
static void
invalidate_text (LimberChart *self)
{
  g_assert (LIMBER_IS_CHART (self));

  g_clear_pointer (&self->font, pango_font_description_free);
  for (guint i = 0; i < self->x_labels->len; i++)
    g_clear_object (&g_array_index (self->x_labels, XLabel, i).layout);
  invalidate (self);
}

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

/* Which points lie in [@lo, @hi], plus one on either side so that a line leaves the plot
 * towards them instead of stopping at the edge. */
static void
visible_points (LimberChart *self,
                double       lo,
                double       hi,
                guint       *first,
                guint       *end)
{
  const LimberChartPoint *points = (const LimberChartPoint *) (gpointer) self->points->data;
  guint n = self->points->len;
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

static double
x_to_px (LimberChart *self,
         double       x)
{
  return self->plot.origin.x + (x - self->x_lo) / (self->x_hi - self->x_lo) * self->plot.size.width;
}

static double
y_to_px (LimberChart *self,
         double       y)
{
  return self->plot.origin.y +
         (1.0 - (y - self->y_lo) / (self->y_hi - self->y_lo)) * self->plot.size.height;
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

  self->n_shown_x_labels = 0;
  for (guint i = 0; i < self->x_labels->len; i++)
    {
      XLabel *label = &g_array_index (self->x_labels, XLabel, i);
      double slack = (self->x_hi - self->x_lo) * 1e-9;

      label->shown = FALSE;
      if (label->x < self->x_lo - slack || label->x > self->x_hi + slack)
        continue;
      if (label->layout == NULL)
        {
          label->layout = make_layout (self, label->text);
          pango_layout_get_pixel_size (label->layout, &label->width, NULL);
        }
      label->left = CLAMP (x_to_px (self, label->x) - label->width / 2.0, 0.0,
                           MAX (0.0, self->width - label->width));
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

          fits = label->width <= self->width &&
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

static void
ensure_geometry (LimberChart *self,
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

  /* The top gridline's label is centred on it, so half a line of room above; the x labels
   * below. */
  top = ceil (self->text_height / 2.0);
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

  place_x_labels (self);
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
      int w, h;

      /* The bottom line is the x axis, drawn stronger after the data. */
      if (i > 0)
        gtk_snapshot_append_color (snapshot, &self->colors[COLOR_GRID],
                                   &GRAPHENE_RECT_INIT (plot->origin.x, y, plot->size.width, 1));
      pango_layout_get_pixel_size (label->layout, &w, &h);
      append_layout (snapshot, label->layout, plot->origin.x - LABEL_GAP - w, y + 0.5 - h / 2.0,
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

  visible_points (self, self->x_lo, self->x_hi, &first, &end);
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

static void
draw_line (LimberChart *self,
           GtkSnapshot *snapshot)
{
  const LimberChartPoint *points = (const LimberChartPoint *) (gpointer) self->points->data;
  graphene_rect_t bounds;
  guint first, end, n;
  gboolean thin, dots;
  cairo_t *cr;

  visible_points (self, self->x_lo, self->x_hi, &first, &end);
  n = end - first;
  if (n == 0)
    return;

  thin = n > self->plot.size.width;
  dots = n == 1 || self->plot.size.width / n >= DOT_SPACING;

  graphene_rect_inset_r (&self->plot, -(DOT_RADIUS + 1), -(DOT_RADIUS + 1), &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  /* The line may run on to a point beyond the x range, but not over the y labels; the dots
   * on the first and last day are drawn whole. */
  cairo_save (cr);
  cairo_rectangle (cr, self->plot.origin.x, bounds.origin.y, self->plot.size.width,
                   bounds.size.height);
  cairo_clip (cr);
  gdk_cairo_set_source_rgba (cr, &self->colors[COLOR_DATA]);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (!thin)
    {
      for (guint i = first; i < end; i++)
        cairo_line_to (cr, x_to_px (self, points[i].x),
                       y_to_px (self, CLAMP (points[i].y, self->y_lo, self->y_hi)));
    }
  else
    {
      /* The first, lowest, highest and last value of each pixel column, in their order and
       * each once, so a column never costs more than the points in it. */
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
  cairo_stroke (cr);
  cairo_restore (cr);

  if (dots)
    {
      gdk_cairo_set_source_rgba (cr, &self->colors[COLOR_DATA]);
      for (guint i = first; i < end; i++)
        {
          if (points[i].x < self->x_lo || points[i].x > self->x_hi)
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, x_to_px (self, points[i].x),
                     y_to_px (self, CLAMP (points[i].y, self->y_lo, self->y_hi)), DOT_RADIUS,
                     0, 2 * G_PI);
        }
      cairo_fill (cr);
    }

  cairo_destroy (cr);
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

static void
draw (LimberChart *self,
      GtkSnapshot *snapshot)
{
  g_assert (LIMBER_IS_CHART (self));

  draw_grid (self, snapshot);

  if (self->style == LIMBER_CHART_STYLE_BARS)
    draw_bars (self, snapshot);
  else
    draw_line (self, snapshot);

  gtk_snapshot_append_color (snapshot, &self->colors[COLOR_AXIS],
                             &GRAPHENE_RECT_INIT (self->plot.origin.x,
                                                  floor (y_to_px (self, self->y_lo) - 0.5),
                                                  self->plot.size.width, 1));
  draw_goal (self, snapshot);
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color,
              const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
get_colors (GtkWidget *widget,
            GdkRGBA   *colors)
{
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  colors[COLOR_LABEL] = colors[COLOR_GRID] = colors[COLOR_AXIS] = fg;
  colors[COLOR_LABEL].alpha *= LABEL_ALPHA;
  colors[COLOR_GRID].alpha *= GRID_ALPHA;
  colors[COLOR_AXIS].alpha *= AXIS_ALPHA;
  /* accent_color, not accent_bg_color: it is the one made to stand out on the window's
   * background, in either style. */
  lookup_color (widget, "accent_color", &colors[COLOR_DATA], "#1c71d8");
  lookup_color (widget, "success_color", &colors[COLOR_GOAL], "#26a269");
}

static void
limber_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  LimberChart *self = LIMBER_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA colors[N_COLORS];

  if (width <= 0 || height <= 0)
    return;

  get_colors (widget, colors);
  ensure_geometry (self, width, height);

  for (guint i = 0; i < N_COLORS && self->node_valid; i++)
    self->node_valid = gdk_rgba_equal (&colors[i], &self->colors[i]);

  if (!self->node_valid)
    {
      GtkSnapshot *own = gtk_snapshot_new ();

      memcpy (self->colors, colors, sizeof colors);
      draw (self, own);
      g_clear_pointer (&self->node, gsk_render_node_unref);
      self->node = gtk_snapshot_free_to_node (own);
      self->node_valid = TRUE;
    }

  if (self->node != NULL)
    gtk_snapshot_append_node (snapshot, self->node);
}

static void
limber_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  /* Wide charts only stretch; narrow ones show fewer labels, down to a phone's width. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

static void
limber_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  LimberChart *self = LIMBER_CHART (widget);
  PangoContext *context;

  GTK_WIDGET_CLASS (limber_chart_parent_class)->css_changed (widget, change);

  /* Colours are compared on each frame; only a new font means measuring the labels again.
   * Focus and backdrop changes, which also land here, keep the layouts. */
  context = gtk_widget_get_pango_context (widget);
  if (self->font != NULL &&
      !pango_font_description_equal (self->font, pango_context_get_font_description (context)))
    invalidate_text (self);
}

static void
limber_chart_system_setting_changed (GtkWidget         *widget,
                                     GtkSystemSetting   setting)
{
  GTK_WIDGET_CLASS (limber_chart_parent_class)->system_setting_changed (widget, setting);

  /* Resolution, hinting or the fonts installed: text may measure differently. */
  invalidate_text (LIMBER_CHART (widget));
}

static void
limber_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LimberChart *self = LIMBER_CHART (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;

    case PROP_BAR_WIDTH:
      g_value_set_double (value, self->bar_width);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LimberChart *self = LIMBER_CHART (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      limber_chart_set_style (self, g_value_get_enum (value));
      break;

    case PROP_BAR_WIDTH:
      limber_chart_set_bar_width (self, g_value_get_double (value));
      break;

    case PROP_TITLE:
      limber_chart_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      limber_chart_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_chart_dispose (GObject *object)
{
  LimberChart *self = LIMBER_CHART (object);

  g_clear_pointer (&self->node, gsk_render_node_unref);
  /* The layouts hold the widget's Pango context. */
  g_array_set_size (self->y_labels, 0);
  g_array_set_size (self->x_labels, 0);

  G_OBJECT_CLASS (limber_chart_parent_class)->dispose (object);
}

static void
limber_chart_finalize (GObject *object)
{
  LimberChart *self = LIMBER_CHART (object);

  g_free (self->title);
  g_free (self->description);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->x_labels, g_array_unref);
  g_clear_pointer (&self->y_labels, g_array_unref);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (limber_chart_parent_class)->finalize (object);
}

static void
limber_chart_class_init (LimberChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = limber_chart_get_property;
  object_class->set_property = limber_chart_set_property;
  object_class->dispose = limber_chart_dispose;
  object_class->finalize = limber_chart_finalize;
  widget_class->snapshot = limber_chart_snapshot;
  widget_class->measure = limber_chart_measure;
  widget_class->css_changed = limber_chart_css_changed;
  widget_class->system_setting_changed = limber_chart_system_setting_changed;

  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL,
                       LIMBER_TYPE_CHART_STYLE, LIMBER_CHART_STYLE_LINE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BAR_WIDTH] =
    g_param_spec_double ("bar-width", NULL, NULL,
                         G_MINDOUBLE, G_MAXDOUBLE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_chart_init (LimberChart *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (LimberChartPoint));
  self->x_labels = g_array_new (FALSE, TRUE, sizeof (XLabel));
  g_array_set_clear_func (self->x_labels, x_label_clear);
  self->y_labels = g_array_new (FALSE, TRUE, sizeof (YLabel));
  g_array_set_clear_func (self->y_labels, y_label_clear);
  self->x_min = self->x_max = NAN;
  self->y_min = 0.0;
  self->y_max = -1.0;
  self->bar_width = 1.0;
  self->goal = NAN;
}

GtkWidget *
limber_chart_new (LimberChartStyle style)
{
  return g_object_new (LIMBER_TYPE_CHART, "style", style, NULL);
}

void
limber_chart_set_style (LimberChart      *self,
                        LimberChartStyle  style)
{
  g_return_if_fail (LIMBER_IS_CHART (self));
  g_return_if_fail (style == LIMBER_CHART_STYLE_LINE || style == LIMBER_CHART_STYLE_BARS);

  if (self->style == style)
    return;

  self->style = style;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

LimberChartStyle
limber_chart_get_style (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), LIMBER_CHART_STYLE_LINE);
  return self->style;
}

void
limber_chart_set_points (LimberChart            *self,
                         const LimberChartPoint *points,
                         gsize                   n_points)
{
  g_return_if_fail (LIMBER_IS_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);
  g_return_if_fail (n_points <= G_MAXUINT);

  g_array_set_size (self->points, 0);
  for (gsize i = 0; i < n_points; i++)
    {
      /* A missing value is a gap in the data, not a point at zero. */
      if (isfinite (points[i].x) && isfinite (points[i].y))
        g_array_append_val (self->points, points[i]);
    }
  g_array_sort (self->points, compare_points);
  invalidate (self);
}

gsize
limber_chart_get_n_points (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), 0);
  return self->points->len;
}

void
limber_chart_set_x_range (LimberChart *self,
                          double       min,
                          double       max)
{
  g_return_if_fail (LIMBER_IS_CHART (self));
  g_return_if_fail (isnan (min) || isnan (max) || min < max);

  self->x_min = min;
  self->x_max = max;
  invalidate (self);
}

void
limber_chart_set_y_range (LimberChart *self,
                          double       min,
                          double       max)
{
  g_return_if_fail (LIMBER_IS_CHART (self));
  g_return_if_fail (isfinite (min) && !isnan (max));
  g_return_if_fail (max < 0.0 || max > min);

  self->y_min = min;
  self->y_max = max;
  invalidate (self);
}

void
limber_chart_get_y_range (LimberChart *self,
                          double      *min,
                          double      *max)
{
  int width, height;

  g_return_if_fail (LIMBER_IS_CHART (self));

  /* The automatic top depends on the gridlines that fit, so it is worked out for the current
   * size, or the natural one before the chart has a size. */
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  ensure_geometry (self, width > 0 ? width : NATURAL_WIDTH, height > 0 ? height : NATURAL_HEIGHT);

  if (min != NULL)
    *min = self->y_lo;
  if (max != NULL)
    *max = self->y_hi;
}

void
limber_chart_set_bar_width (LimberChart *self,
                            double       width)
{
  g_return_if_fail (LIMBER_IS_CHART (self));
  g_return_if_fail (width > 0.0 && isfinite (width));

  if (self->bar_width == width)
    return;

  self->bar_width = width;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BAR_WIDTH]);
}

double
limber_chart_get_bar_width (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), 1.0);
  return self->bar_width;
}

void
limber_chart_set_goal (LimberChart *self,
                       double       goal)
{
  g_return_if_fail (LIMBER_IS_CHART (self));
  g_return_if_fail (!isinf (goal));

  if (self->goal == goal || (isnan (self->goal) && isnan (goal)))
    return;

  self->goal = goal;
  invalidate (self);
}

double
limber_chart_get_goal (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), NAN);
  return self->goal;
}

void
limber_chart_set_x_labels (LimberChart            *self,
                           const LimberChartLabel *labels,
                           gsize                   n_labels)
{
  g_return_if_fail (LIMBER_IS_CHART (self));
  g_return_if_fail (labels != NULL || n_labels == 0);

  g_array_set_size (self->x_labels, 0);
  for (gsize i = 0; i < n_labels; i++)
    {
      XLabel label = { labels[i].x, g_strdup (labels[i].text) };

      if (labels[i].text == NULL || !isfinite (labels[i].x))
        {
          g_critical ("%s: label %" G_GSIZE_FORMAT " has no text or no place", G_STRFUNC, i);
          g_free (label.text);
          continue;
        }
      g_array_append_val (self->x_labels, label);
    }
  g_array_sort (self->x_labels, compare_x_labels);
  invalidate (self);
}

guint
limber_chart_get_n_shown_x_labels (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), 0);

  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    ensure_geometry (self, gtk_widget_get_width (GTK_WIDGET (self)),
                     gtk_widget_get_height (GTK_WIDGET (self)));

  return self->geometry_valid ? self->n_shown_x_labels : 0;
}

void
limber_chart_set_title (LimberChart *self,
                        const char  *title)
{
  g_return_if_fail (LIMBER_IS_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);

  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
limber_chart_get_title (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), NULL);
  return self->title;
}

void
limber_chart_set_description (LimberChart *self,
                              const char  *description)
{
  g_return_if_fail (LIMBER_IS_CHART (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
limber_chart_get_description (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), NULL);
  return self->description;
}
