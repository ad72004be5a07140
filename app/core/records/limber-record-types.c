/* limber-record-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-enum-nick.h"
#include "limber-record-types.h"
#include "limber-records-enums.h"

/**
 * limber_reminder_kind_to_string:
 *
 * Returns: the kind's name: "hydration", "posture", "walk" or "pack"
 */
const char *
limber_reminder_kind_to_string (LimberReminderKind kind)
{
  g_return_val_if_fail (kind < LIMBER_N_REMINDER_KINDS, NULL);

  return limber_enum_get_nick (LIMBER_TYPE_REMINDER_KIND, kind);
}

/**
 * limber_reminder_kind_from_string:
 * @text: a kind's name
 * @kind: (out): where to store the kind
 *
 * Returns: %TRUE if @text names a kind
 */
gboolean
limber_reminder_kind_from_string (const char         *text,
                                  LimberReminderKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!limber_enum_from_nick (LIMBER_TYPE_REMINDER_KIND, text, &value))
    return FALSE;

  *kind = value;
  return TRUE;
}

/* Returns: the name kept in the store: "shown", "drank", "snoozed", "stretch", "done", "opened",
 *   "start-pack" */
const char *
limber_reminder_action_to_string (LimberReminderAction action)
{
  const char *nick = limber_enum_get_nick (LIMBER_TYPE_REMINDER_ACTION, action);

  g_return_val_if_fail (nick != NULL, "shown");
  return nick;
}

/* Returns: the name kept in the store: "app", "reminder" or "dbus" */
const char *
limber_glass_source_to_string (LimberGlassSource source)
{
  const char *nick = limber_enum_get_nick (LIMBER_TYPE_GLASS_SOURCE, source);

  g_return_val_if_fail (nick != NULL, "app");
  return nick;
}

const char *
limber_pack_kind_to_string (LimberPackKind kind)
{
  const char *nick = limber_enum_get_nick (LIMBER_TYPE_PACK_KIND, kind);

  return nick != NULL ? nick : "cold";
}

/* Returns: %TRUE if @text is a pack kind's name ("cold" or "heat"), stored in @kind */
gboolean
limber_pack_kind_from_string (const char     *text,
                              LimberPackKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (text == NULL || !limber_enum_from_nick (LIMBER_TYPE_PACK_KIND, text, &value))
    return FALSE;

  *kind = value;
  return TRUE;
}

void
limber_episode_free (LimberEpisode *episode)
{
  if (episode == NULL)
    return;

  g_free (episode->notes);
  g_free (episode);
}
