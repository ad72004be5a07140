/* limber-enum-nick.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char *limber_enum_get_nick  (GType       enum_type,
                                   int         value);
gboolean    limber_enum_from_nick (GType       enum_type,
                                   const char *nick,
                                   int        *value);

G_END_DECLS
