/* limber-store-testing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "limber-store-private.h"

#include "limber-store-testing.h"

/*
 * What only the tests of the store need. This is built into limber-core-testing, which the
 * tests link, and not into limber-core, so the app and the reminder service never hold it.
 */

/**
 * limber_store_create_version:
 * @version: 1 to %LIMBER_STORE_VERSION
 *
 * Creates a file with the schema as it was at @version, for tests that migrate it forward.
 */
gboolean
limber_store_create_version (const char  *path,
                             int          version,
                             GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (version >= 1 && version <= LIMBER_STORE_VERSION, FALSE);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    ok = FALSE;

  for (int step = 0; ok && step < version; step++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", step + 1);

      ok = sqlite3_exec (db, limber_store_migrations[step], NULL, NULL, NULL) == SQLITE_OK &&
           sqlite3_exec (db, set_version, NULL, NULL, NULL) == SQLITE_OK;
    }

  if (!ok)
    g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FAILED, "%s: %s", path,
                 db != NULL ? sqlite3_errmsg (db) : "out of memory");
  sqlite3_close_v2 (db);

  return ok;
}
