/* limber-fuzz.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "limber-fuzz.h"

/*
 * Each target works in a folder of its own, emptied after every input and removed at exit.
 * A critical or an error is a bug the fuzzer must report, so it aborts; the messages a bad
 * input is expected to cause (warnings about a damaged file) are dropped, to keep runs quiet.
 */

static char *scratch;

static void
drop_message (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    {
      g_printerr ("%s: %s\n", log_domain != NULL ? log_domain : "", message);
      abort ();
    }
}

static void
remove_scratch (void)
{
  limber_fuzz_empty ();
  g_rmdir (scratch);
  g_clear_pointer (&scratch, g_free);
}

/* Returns: (transfer none): the target's own folder */
const char *
limber_fuzz_init (void)
{
  g_autoptr(GError) error = NULL;

  if (scratch != NULL)
    return scratch;

  g_log_set_default_handler (drop_message, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);
  scratch = g_dir_make_tmp ("limber-fuzz-XXXXXX", &error);
  if (scratch == NULL)
    g_error ("%s", error->message);
  atexit (remove_scratch);

  return scratch;
}

/* Writes @data to @name in the folder. Returns: (transfer full): its path */
char *
limber_fuzz_write (const char   *name,
                   const guint8 *data,
                   gsize         size)
{
  char *path = g_build_filename (scratch, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, (const char *) data, size, &error))
    g_error ("%s", error->message);

  return path;
}

/* Removes everything in the folder. Nothing a target does makes subfolders. */
void
limber_fuzz_empty (void)
{
  g_autoptr(GDir) dir = g_dir_open (scratch, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch, name, NULL);

      g_remove (path);
    }
}
