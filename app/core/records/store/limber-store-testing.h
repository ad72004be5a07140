/* limber-store-testing.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For tests of the migrations: creates the schema of an earlier @version at @path. Only the
 * limber-core-testing library has it. */
gboolean limber_store_create_version (const char  *path,
                                      int          version,
                                      GError     **error);

G_END_DECLS
