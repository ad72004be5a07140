/* limber-chart-testing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "limber-chart-private.h"

#include "limber-chart-testing.h"

/* What the chart tests read of its layout; only the tests link this. */

/* Brings the geometry up to date for the current size, if the chart has one. */
static gboolean
ensure_current_geometry (LimberChart *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    return FALSE;

  limber_chart_ensure_geometry (self, width, height);
  return TRUE;
}

static void
append_ink_rect (GArray      *rects,
                 PangoLayout *layout,
                 double       left,
                 double       top)
{
  PangoRectangle ink;
  graphene_rect_t rect;

  pango_layout_get_pixel_extents (layout, &ink, NULL);
  if (ink.width <= 0 || ink.height <= 0)
    return;
  graphene_rect_init (&rect, left + ink.x, top + ink.y, ink.width, ink.height);
  g_array_append_val (rects, rect);
}

guint
limber_chart_get_n_shown_x_labels (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), 0);

  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    limber_chart_ensure_geometry (self, gtk_widget_get_width (GTK_WIDGET (self)),
                                  gtk_widget_get_height (GTK_WIDGET (self)));

  return self->geometry_valid ? self->n_shown_x_labels : 0;
}

gboolean
limber_chart_get_shows_empty_text (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), FALSE);

  return ensure_current_geometry (self) && self->empty_layout != NULL;
}

GArray *
limber_chart_get_text_rects (LimberChart *self)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  g_return_val_if_fail (LIMBER_IS_CHART (self), rects);

  if (!ensure_current_geometry (self))
    return rects;

  if (self->empty_layout != NULL)
    {
      append_ink_rect (rects, self->empty_layout, EMPTY_MARGIN, self->empty_top);
      return rects;
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->legend_layouts); i++)
    if (self->legend_layouts[i] != NULL)
      append_ink_rect (rects, self->legend_layouts[i],
                       self->legend_left[i] + LEGEND_SWATCH + LEGEND_GAP, 0);
  for (guint i = 0; i < self->y_labels->len; i++)
    {
      const YLabel *label = &g_array_index (self->y_labels, YLabel, i);

      append_ink_rect (rects, label->layout, label->left, label->top);
    }
  for (guint i = 0; i < self->x_labels->len; i++)
    {
      const XLabel *label = &g_array_index (self->x_labels, XLabel, i);

      if (label->shown)
        append_ink_rect (rects, label->layout, round (label->left),
                         self->plot.origin.y + self->plot.size.height + LABEL_GAP);
    }

  return rects;
}

guint
limber_chart_get_n_shown_x_ticks (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), 0);

  return ensure_current_geometry (self) ? self->n_shown_x_ticks : 0;
}

GStrv
limber_chart_get_shown_x_label_texts (LimberChart *self)
{
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();

  g_return_val_if_fail (LIMBER_IS_CHART (self), NULL);

  if (ensure_current_geometry (self))
    for (guint i = 0; i < self->x_labels->len; i++)
      {
        const XLabel *label = &g_array_index (self->x_labels, XLabel, i);

        if (label->shown)
          g_strv_builder_add (texts, label->text);
      }

  return g_strv_builder_end (texts);
}
