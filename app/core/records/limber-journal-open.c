/* limber-journal-open.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way the app and the reminder service open the user's journal.
 */

#include "config.h"

#include "limber-journal.h"
#include "limber-store.h"
#include "limber-water-log.h"

/* Earlier versions kept the plank hold in a setting: it becomes a record once. */
static void
import_plank_hold (LimberJournal *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) fallback = NULL;
  g_autoptr(GError) error = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "plank-hold-seconds");
  fallback = g_settings_schema_key_get_default_value (key);
  if (!limber_journal_import_plank_hold (self, g_settings_get_uint (settings, "plank-hold-seconds"),
                                         g_variant_get_uint32 (fallback), &error))
    g_message ("History: the plank hold was not imported: %s", error->message);
}

/**
 * limber_journal_open_default:
 * @clock: the clock that stamps records
 * @flags: %LIMBER_JOURNAL_SMALL_MEMORY for a process that runs all session
 *
 * Opens the user's journal at its usual place and takes in what earlier versions kept
 * elsewhere (today's water count, the plank hold setting), once. Both processes that write
 * records, the app and the reminder service, open it this way.
 *
 * Returns: (transfer full): the journal
 */
LimberJournal *
limber_journal_open_default (LimberClock      *clock,
                             LimberJournalFlags flags)
{
  g_autofree char *water_path = limber_water_log_default_path ();
  g_autoptr(GError) error = NULL;
  LimberJournal *self;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  /* SQLite takes its memory settings only before it is first used. */
  if ((flags & LIMBER_JOURNAL_SMALL_MEMORY) != 0 && !limber_store_limit_memory ())
    g_debug ("History: SQLite was in use already; its memory settings stay as they were");

  self = limber_journal_new (clock, NULL);
  import_plank_hold (self);
  if (!limber_journal_import_water_file (self, water_path, &error))
    g_message ("History: %s", error->message);

  return self;
}
