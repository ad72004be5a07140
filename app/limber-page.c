/* limber-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-enum-nick.h"
#include "limber-page.h"
#include "limber-ui-enums.h"

/* Returns: the page's name: "today", "check", "stretch", "reminders" or "progress" */
const char *
limber_page_to_string (LimberPage page)
{
  const char *nick = limber_enum_get_nick (LIMBER_TYPE_PAGE, page);

  g_return_val_if_fail (nick != NULL, "today");
  return nick;
}

/* Returns: %TRUE if @name names a page, stored in @page */
gboolean
limber_page_from_string (const char *name,
                         LimberPage *page)
{
  int value;

  g_return_val_if_fail (page != NULL, FALSE);

  if (name == NULL || !limber_enum_from_nick (LIMBER_TYPE_PAGE, name, &value))
    return FALSE;

  *page = value;
  return TRUE;
}
