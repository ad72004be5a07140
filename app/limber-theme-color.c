/* limber-theme-color.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-theme-color.h"

/**
 * limber_theme_color_lookup:
 * @name: a named colour of the style sheet, such as "accent_color"
 * @fallback: the colour to use when the theme does not name it, as gdk_rgba_parse() reads it
 *
 * The theme's named colour for widgets that draw themselves (the chart, the countdown ring), so
 * that they follow the accent, light and dark styles and high contrast.
 */
void
limber_theme_color_lookup (GtkWidget  *widget,
                           const char *name,
                           GdkRGBA    *color,
                           const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}
