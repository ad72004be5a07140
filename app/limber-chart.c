/* limber-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "limber-chart-private.h"

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
 *
 * This file holds the widget: its properties, the public setters and getters, and the measure
 * and snapshot entry points. The ranges, gridlines and x label placement are worked out in
 * limber-chart-geometry.c; the drawing itself is in limber-chart-draw.c; the second series, the
 * legend and the x ticks are set in limber-chart-series.c.
 */

#define MIN_WIDTH        200
#define NATURAL_WIDTH    400
#define MIN_HEIGHT       160
#define NATURAL_HEIGHT   180

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
  PROP_EMPTY_TEXT,
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
compare_x_labels (gconstpointer a,
                  gconstpointer b)
{
  double xa = ((const XLabel *) a)->x;
  double xb = ((const XLabel *) b)->x;

  return (xa > xb) - (xa < xb);
}

/* Drops what was worked out for the old data or size; the next frame redoes it. */
void
limber_chart_invalidate (LimberChart *self)
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
  for (guint i = 0; i < G_N_ELEMENTS (self->legend_layouts); i++)
    g_clear_object (&self->legend_layouts[i]);
  limber_chart_invalidate (self);
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

  limber_chart_get_colors (widget, colors);
  limber_chart_ensure_geometry (self, width, height);

  for (guint i = 0; i < N_COLORS && self->node_valid; i++)
    self->node_valid = gdk_rgba_equal (&colors[i], &self->colors[i]);

  if (!self->node_valid)
    {
      GtkSnapshot *own = gtk_snapshot_new ();

      memcpy (self->colors, colors, sizeof colors);
      limber_chart_draw (self, own);
      g_clear_pointer (&self->node, gsk_render_node_unref);
      self->node = gtk_snapshot_free_to_node (own);
      self->node_valid = TRUE;
    }

  if (self->node != NULL)
    gtk_snapshot_append_node (snapshot, self->node);
}

void
limber_chart_draw_on_cairo (LimberChart   *self,
                            cairo_t       *cr,
                            int            width,
                            int            height,
                            const GdkRGBA *foreground,
                            const GdkRGBA *data)
{
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *own;

  g_return_if_fail (LIMBER_IS_CHART (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (foreground != NULL && data != NULL);

  if (width <= 0 || height <= 0)
    return;

  limber_chart_ensure_geometry (self, width, height);
  /* The widget's cached drawing is for the screen's colours: draw afresh, and make the next
   * snapshot do so too. */
  limber_chart_colors_from (foreground, data, self->colors);
  self->node_valid = FALSE;
  g_clear_pointer (&self->node, gsk_render_node_unref);

  own = gtk_snapshot_new ();
  limber_chart_draw (self, own);
  node = gtk_snapshot_free_to_node (own);
  /* GSK draws text at the current point: one left by the caller's text would move it. */
  cairo_new_path (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
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

    case PROP_EMPTY_TEXT:
      g_value_set_string (value, self->empty_text);
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

    case PROP_EMPTY_TEXT:
      limber_chart_set_empty_text (self, g_value_get_string (value));
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
  g_clear_object (&self->empty_layout);
  for (guint i = 0; i < G_N_ELEMENTS (self->legend_layouts); i++)
    g_clear_object (&self->legend_layouts[i]);
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
  g_free (self->empty_text);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->compare, g_array_unref);
  g_clear_pointer (&self->x_ticks, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->legend); i++)
    g_free (self->legend[i]);
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
  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_chart_init (LimberChart *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (LimberChartPoint));
  self->compare = g_array_new (FALSE, FALSE, sizeof (LimberChartPoint));
  self->x_ticks = g_array_new (FALSE, FALSE, sizeof (double));
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
  limber_chart_invalidate (self);
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

  limber_chart_copy_points (self->points, points, n_points);
  limber_chart_invalidate (self);
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
  limber_chart_invalidate (self);
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
  limber_chart_invalidate (self);
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
  limber_chart_ensure_geometry (self, width > 0 ? width : NATURAL_WIDTH,
                                height > 0 ? height : NATURAL_HEIGHT);

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
  limber_chart_invalidate (self);
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
  limber_chart_invalidate (self);
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
  limber_chart_invalidate (self);
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

void
limber_chart_set_empty_text (LimberChart *self,
                             const char  *text)
{
  g_return_if_fail (LIMBER_IS_CHART (self));

  if (g_strcmp0 (self->empty_text, text) == 0)
    return;

  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
  limber_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_TEXT]);
}

const char *
limber_chart_get_empty_text (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), NULL);
  return self->empty_text;
}

