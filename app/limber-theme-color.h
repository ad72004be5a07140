/* limber-theme-color.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void limber_theme_color_lookup (GtkWidget  *widget,
                                const char *name,
                                GdkRGBA    *color,
                                const char *fallback);

G_END_DECLS
