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

static void
spawn_reminders (GTask *task)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  /* Silenced: a service that outlives the app must not hold its output open (a terminal, a
   * test runner's pipe). build-aux/run starts it with its log on the terminal instead. */
  process = limber_program_spawn ("LIMBER_REMINDERS", "limber-reminders", NULL,
                                  G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                  | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                  &error);
  if (process == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
name_has_owner_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  if (owned)
    g_task_return_boolean (task, TRUE);
  else
    spawn_reminders (task);
}

static void
start_reminders_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* No D-Bus service file (run from the build tree). The bus answers that for a name it cannot
   * activate even while the service owns it, so ask whether it runs before starting another
   * copy, which would find the name taken and quit: at every app start, a fork of the whole
   * app and a second service starting up beside its first frame. */
  g_debug ("D-Bus could not start the reminder service: %s", error->message);
  g_dbus_connection_call (G_DBUS_CONNECTION (source), "org.freedesktop.DBus",
                          "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
                          g_variant_new ("(s)", APPLICATION_ID ".Reminders"),
                          G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          cancellable, name_has_owner_done,
                          g_steal_pointer (&task));
}

/**
 * limber_program_start_reminders:
 * @bus: the session bus
 *
 * Starts the reminder service unless it runs: through D-Bus activation where its service file
 * is installed, else by running the program (see limber_program_path()). Starting it while it
 * runs does nothing.
 */
void
limber_program_start_reminders (GDBusConnection     *bus,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (G_IS_DBUS_CONNECTION (bus));

  task = g_task_new (bus, cancellable, callback, user_data);
  g_task_set_source_tag (task, limber_program_start_reminders);
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "StartServiceByName",
                          g_variant_new ("(su)", APPLICATION_ID ".Reminders", 0),
                          G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          cancellable, start_reminders_done, task);
}

/* Returns: %TRUE if the service runs or was started, else %FALSE with @error naming the path */
gboolean
limber_program_start_reminders_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
