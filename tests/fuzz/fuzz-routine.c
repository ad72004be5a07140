/* fuzz-routine.c — a routine file, as in $XDG_DATA_HOME/limber/routines/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-catalog.h"
#include "limber-fuzz.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static GBytes *builtin;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  limber_fuzz_init ();
  if (builtin == NULL)
    {
      g_autoptr(GFile) shipped = g_file_new_for_path (LIMBER_FUZZ_CATALOG);

      builtin = g_file_load_bytes (shipped, NULL, NULL, &error);
      if (builtin == NULL)
        g_error ("%s", error->message);
    }
  if (!limber_catalog_load_builtin (catalog, builtin, "catalog.json", &error))
    g_error ("%s", error->message);

  path = limber_fuzz_write ("routine.json", data, size);
  file = g_file_new_for_path (path);
  if (limber_catalog_load_user_file (catalog, file, &error))
    {
      /* A routine that loads lays out within the limits it was checked against. */
      GListModel *routines = limber_catalog_get_routines (catalog);
      g_autoptr(LimberRoutine) last = g_list_model_get_item (routines,
                                                             g_list_model_get_n_items (routines) - 1);
      g_autoptr(GArray) phases = limber_routine_build_phases (last, 0);

      g_assert_cmpuint (phases->len, <=, 5000);
      g_assert_cmpint (limber_routine_get_duration_us (last, 0), <=,
                       G_GINT64_CONSTANT (3) * 3600 * G_USEC_PER_SEC);
    }
  else
    g_assert_true (g_str_has_prefix (error->message, path));

  limber_fuzz_empty ();
  return 0;
}
