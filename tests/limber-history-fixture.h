/* limber-history-fixture.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Years of synthetic daily records for the Progress page's test and benchmark.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint limber_history_fixture_fill (const char *path,
                                   gint64      end_us,
                                   guint       days);

G_END_DECLS
