/* limber-fuzz.h — shared set-up for the libFuzzer targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *limber_fuzz_init    (void);
char       *limber_fuzz_write   (const char   *name,
                                 const guint8 *data,
                                 gsize         size);
void        limber_fuzz_empty   (void);

G_END_DECLS
