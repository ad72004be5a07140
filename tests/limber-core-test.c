/* limber-core-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-core-test.h"

/* The shipped catalog, read from the source tree (G_TEST_SRCDIR is tests/). */
LimberCatalog *
limber_core_test_load_catalog (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "catalog.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LimberCatalog *catalog = limber_catalog_new ();

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (limber_catalog_load_builtin (catalog, bytes, "catalog.json", &error));
  g_assert_no_error (error);

  return catalog;
}
