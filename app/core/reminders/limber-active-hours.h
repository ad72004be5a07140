/* limber-active-hours.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *limber_active_hours_explain_never (guint days,
                                         guint start_minute,
                                         guint end_minute,
                                         guint interval_minutes);

G_END_DECLS
