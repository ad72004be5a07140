/* limber-local-time.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *limber_local_time_on_day (GTimeZone *time_zone,
                                     gint64     wall_us,
                                     int        day_offset,
                                     guint      minute);
void       limber_local_time_day_range (GTimeZone *time_zone,
                                        gint64     wall_us,
                                        gint64    *start_us,
                                        gint64    *end_us);

G_END_DECLS
