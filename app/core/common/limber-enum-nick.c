/* limber-enum-nick.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-enum-nick.h"

/*
 * Enums that are also text (in the store, in exports, on D-Bus, in routine files) take the
 * text from the nicks glib-mkenums generates, not from tables written out by hand: one list
 * per enum. tests/test-journal.c pins every stored nick, so old files keep reading.
 */

/**
 * limber_enum_get_nick:
 * @enum_type: a #GEnum type made by glib-mkenums
 * @value: one of its values
 *
 * Returns: (nullable): the value's nick, static, or %NULL if @value is not one of the type's
 */
const char *
limber_enum_get_nick (GType enum_type,
                      int   value)
{
  GEnumClass *klass;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  /* The classes of static types are never freed: the nick outlives the reference. */
  klass = g_type_class_ref (enum_type);
  found = g_enum_get_value (klass, value);
  g_type_class_unref (klass);

  return found != NULL ? found->value_nick : NULL;
}

/**
 * limber_enum_from_nick:
 * @enum_type: a #GEnum type made by glib-mkenums
 * @nick: (nullable): a text to look up
 * @value: (out): the value whose nick is @nick
 *
 * Returns: %TRUE if @nick is one of the type's nicks
 */
gboolean
limber_enum_from_nick (GType       enum_type,
                       const char *nick,
                       int        *value)
{
  GEnumClass *klass;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  found = g_enum_get_value_by_nick (klass, nick);
  g_type_class_unref (klass);

  if (found == NULL)
    return FALSE;

  *value = found->value;
  return TRUE;
}
