/* limber-program.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-program.h"

/*
 * How Limber's programs start each other where D-Bus cannot (run from the build tree, no
 * service file installed): the app starts limber-reminders, the service starts limber.
 * `meson devenv` names the build tree's programs in LIMBER_APP and LIMBER_REMINDERS.
 */

/**
 * limber_program_path:
 * @env_var: the variable that may name the program, e.g. "LIMBER_REMINDERS"
 * @name: the installed program's name, e.g. "limber-reminders"
 *
 * Returns: (transfer full): the path in @env_var, or the installed program in BINDIR
 */
char *
limber_program_path (const char *env_var,
                     const char *name)
{
  const char *path = g_getenv (env_var);

  return path != NULL ? g_strdup (path) : g_build_filename (BINDIR, name, NULL);
}

/**
 * limber_program_spawn:
 * @env_var: as for limber_program_path()
 * @name: as for limber_program_path()
 * @argument: (nullable): one argument to pass
 * @flags: how to start it
 * @error: return location for a #GError, which names the program's path
 *
 * Starts the program and leaves it running.
 *
 * Returns: (transfer full) (nullable): the process, or %NULL if it could not start
 */
GSubprocess *
limber_program_spawn (const char        *env_var,
                      const char        *name,
                      const char        *argument,
                      GSubprocessFlags   flags,
                      GError           **error)
{
  g_autofree char *path = limber_program_path (env_var, name);
  g_autoptr(GError) local_error = NULL;
  GSubprocess *process;

  g_debug ("Starting %s", path);
  process = g_subprocess_new (flags, &local_error, path, argument, NULL);
  if (process == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }

  return process;
}
