/* limber-time-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_TIME_FORMAT (limber_time_format_get_type ())

G_DECLARE_FINAL_TYPE (LimberTimeFormat, limber_time_format, LIMBER, TIME_FORMAT, GObject)

LimberTimeFormat *limber_time_format_new            (void);
gboolean          limber_time_format_get_twelve_hour (LimberTimeFormat *self);
char             *limber_time_format_time           (LimberTimeFormat *self,
                                                     GDateTime        *time);
char             *limber_time_format_next           (LimberTimeFormat *self,
                                                     GDateTime        *now,
                                                     GDateTime        *due);

char             *limber_format_time                (GDateTime        *time,
                                                     gboolean          twelve_hour);
char             *limber_format_next                (GDateTime        *now,
                                                     GDateTime        *due,
                                                     gboolean          twelve_hour);

G_END_DECLS
