/* limber-journal-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-journal-private.h"

/* Apart from limber-journal.c so that only programs that export link limber-store-export.c
 * and json-glib (see limber-journal-private.h). */

/**
 * limber_journal_export:
 * @path: the file to write, ending in ".csv" or ".json"
 *
 * Writes every record to @path, as limber_store_export() does.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
limber_journal_export (LimberJournal  *self,
                       const char     *path,
                       GError        **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  return limber_store_export (self->store, path, error);
}
