/* limber-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-text.h"

/**
 * limber_text_quote:
 * @text: a text from outside: a file, the bus, the command line
 * @max_chars: how many characters of it to keep
 *
 * @text as a message may quote it: control characters (which could move a terminal's cursor or
 * break a line in a log) and bytes that are not UTF-8 written as escapes, and cut after
 * @max_chars characters with "…", so a huge value can never make a huge message, toast or
 * log line.
 *
 * Returns: (transfer full): the text to quote
 */
char *
limber_text_quote (const char *text,
                   guint       max_chars)
{
  GString *quoted = g_string_new (NULL);
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  for (guint n = 0; *p != '\0'; n++)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (n == max_chars)
        {
          g_string_append (quoted, "…");
          break;
        }
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (quoted, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        g_string_append_printf (quoted, "\\x%02x", c);
      else if (c == '\\')
        g_string_append (quoted, "\\\\");
      else
        g_string_append_unichar (quoted, c);
      p = g_utf8_next_char (p);
    }

  return g_string_free (quoted, FALSE);
}

/* Characters that take no room or show nothing: Unicode's fillers and blanks that are not
 * spaces by its own classes, but look like nothing. */
static gboolean
is_invisible (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      break;
    }

  return g_unichar_isspace (c) || g_unichar_iszerowidth (c) ||
         c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 ||  /* Hangul fillers */
         c == 0x2800 ||                                                /* Braille blank */
         c == 0x180E;                                                  /* Mongolian separator */
}

/**
 * limber_text_is_blank:
 * @text: valid UTF-8
 *
 * Returns: whether @text shows nothing: it is empty, or only spaces and invisible characters
 */
gboolean
limber_text_is_blank (const char *text)
{
  g_return_val_if_fail (text != NULL, TRUE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!is_invisible (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}
