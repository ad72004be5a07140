/* limber-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How much of a text from outside (a file, the bus, the command line) a message quotes. */
#define LIMBER_TEXT_QUOTE_CHARS 40

char     *limber_text_quote    (const char *text,
                                guint       max_chars);
gboolean  limber_text_is_blank (const char *text);

G_END_DECLS
