/* test-program.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How Limber's programs find and start each other: the path from the environment or BINDIR,
 * one argument passed through, errors naming the path, and the reminder service started on a
 * private bus of the test's own (no service file there, as when run from the build tree)
 * only when nobody owns its name.
 */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>

#include "limber-program.h"

#define TEST_VAR "LIMBER_TEST_PROGRAM"
#define REMINDERS_NAME APPLICATION_ID ".Reminders"

static char *tmp_dir;

/* Writes an executable shell script @name into the test folder. */
static char *
write_script (const char *name,
              const char *body)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *text = g_strconcat ("#!/bin/sh\n", body, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0700), ==, 0);

  return g_steal_pointer (&path);
}

static void
test_path (void)
{
  g_autofree char *installed = g_build_filename (BINDIR, "limber-reminders", NULL);
  g_autofree char *path = NULL;

  g_unsetenv (TEST_VAR);
  path = limber_program_path (TEST_VAR, "limber-reminders");
  g_assert_cmpstr (path, ==, installed);
  g_assert_true (g_path_is_absolute (path));
  g_clear_pointer (&path, g_free);

  /* The variable wins, taken as it is. */
  g_setenv (TEST_VAR, "/opt/build/app/reminders/limber-reminders", TRUE);
  path = limber_program_path (TEST_VAR, "limber-reminders");
  g_assert_cmpstr (path, ==, "/opt/build/app/reminders/limber-reminders");
  g_clear_pointer (&path, g_free);

  g_setenv (TEST_VAR, "", TRUE);
  path = limber_program_path (TEST_VAR, "limber");
  g_assert_cmpstr (path, ==, "");
  g_unsetenv (TEST_VAR);
}

static char *
spawn_and_read (const char *argument)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *output = NULL;

  process = limber_program_spawn (TEST_VAR, "limber", argument, G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                  &error);
  g_assert_no_error (error);
  g_assert_nonnull (process);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  return output;
}

/* The program named in the variable runs, with no argument or exactly the one given. */
static void
test_spawn (void)
{
  g_autofree char *script = write_script ("args", "printf '%s:[%s]\\n' \"$#\" \"$1\"\n");
  g_autofree char *none = NULL;
  g_autofree char *one = NULL;
  g_autofree char *spaced = NULL;

  g_setenv (TEST_VAR, script, TRUE);
  none = spawn_and_read (NULL);
  g_assert_cmpstr (none, ==, "0:[]\n");
  one = spawn_and_read ("--routine=morning");
  g_assert_cmpstr (one, ==, "1:[--routine=morning]\n");
  /* One argument, not split by a shell. */
  spaced = spawn_and_read ("two words; rm -rf x");
  g_assert_cmpstr (spaced, ==, "1:[two words; rm -rf x]\n");
  g_unsetenv (TEST_VAR);
}

/* A program that is missing or not executable: no process, and the error names its path. */
static void
test_spawn_fails (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-program", NULL);
  g_autofree char *plain = write_script ("not-executable", "exit 0\n");
  g_autofree char *prefix = g_strconcat (missing, ": ", NULL);
  g_autofree char *plain_prefix = g_strconcat (plain, ": ", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv (TEST_VAR, missing, TRUE);
  process = limber_program_spawn (TEST_VAR, "limber", "x", G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_null (process);
  g_assert_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);

  g_assert_cmpint (g_chmod (plain, 0600), ==, 0);
  g_setenv (TEST_VAR, plain, TRUE);
  process = limber_program_spawn (TEST_VAR, "limber", NULL, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_null (process);
  g_assert_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_ACCES);
  g_assert_true (g_str_has_prefix (error->message, plain_prefix));

  /* A NULL error is allowed. */
  g_assert_null (limber_program_spawn (TEST_VAR, "limber", NULL, G_SUBPROCESS_FLAGS_NONE, NULL));
  g_unsetenv (TEST_VAR);
}

/* The reminder service on a private bus */

/* A bus of the test's own, with no service folders: the bus cannot start the service. Not
 * GTestDBus, whose watcher process outlives a failed test and keeps its output open, so that
 * a failure reads as a time-out; this daemon ends with the test, whatever the ending. */
static const char bus_config[] =
  "<busconfig>"
  "<type>session</type>"
  "<listen>unix:tmpdir=/tmp</listen>"
  "<policy context=\"default\">"
  "<allow send_destination=\"*\" eavesdrop=\"true\"/>"
  "<allow eavesdrop=\"true\"/>"
  "<allow own=\"*\"/>"
  "</policy>"
  "</busconfig>";

typedef struct
{
  GSubprocess     *daemon;
  GDBusConnection *bus;
} Bus;

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
bus_set_up (Bus           *b,
            gconstpointer  data)
{
  g_autofree char *config = g_build_filename (tmp_dir, "bus.conf", NULL);
  g_autofree char *config_option = g_strconcat ("--config-file=", config, NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (config, bus_config, -1, &error);
  g_assert_no_error (error);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  b->daemon = g_subprocess_launcher_spawn (launcher, &error, "dbus-daemon", "--nofork",
                                           "--print-address=1", config_option, NULL);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (b->daemon));
  address = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);

  b->bus = g_dbus_connection_new_for_address_sync (address,
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                   | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
bus_tear_down (Bus           *b,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_close_sync (b->bus, NULL, NULL);
  g_clear_object (&b->bus);
  g_subprocess_force_exit (b->daemon);
  g_subprocess_wait (b->daemon, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&b->daemon);
  g_setenv ("LIMBER_REMINDERS", "/bin/true", TRUE);
}

static void
on_started (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Starts the service and waits (at most 10 s) for the answer. */
static gboolean
start_reminders (Bus           *b,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gboolean late = FALSE;
  guint timeout = g_timeout_add_seconds (10, timed_out, &late);

  limber_program_start_reminders (b->bus, cancellable, on_started, &result);
  while (result == NULL && !late)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (late);
  g_source_remove (timeout);

  return limber_program_start_reminders_finish (result, error);
}

/* Nobody owns the name and the bus cannot start it: the program runs. */
static void
test_start_reminders_spawns (Bus           *b,
                             gconstpointer  data)
{
  g_autofree char *marker = g_build_filename (tmp_dir, "started", NULL);
  g_autofree char *body = g_strdup_printf ("echo started > '%s'\n", marker);
  g_autofree char *script = write_script ("reminders", body);
  g_autoptr(GError) error = NULL;
  gboolean late = FALSE;
  guint timeout;

  g_unlink (marker);
  g_setenv ("LIMBER_REMINDERS", script, TRUE);
  g_assert_true (start_reminders (b, NULL, &error));
  g_assert_no_error (error);

  /* It was started; wait (at most 10 s) until it has run. */
  timeout = g_timeout_add_seconds (10, timed_out, &late);
  while (!g_file_test (marker, G_FILE_TEST_EXISTS) && !late)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
  g_assert_false (late);
  g_source_remove (timeout);
  g_unlink (marker);
}

/* Nobody owns the name and the program is missing: the error names its path. */
static void
test_start_reminders_missing (Bus           *b,
                              gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "no-reminders", NULL);
  g_autofree char *prefix = g_strconcat (missing, ": ", NULL);
  g_autoptr(GError) error = NULL;

  g_setenv ("LIMBER_REMINDERS", missing, TRUE);
  g_assert_false (start_reminders (b, NULL, &error));
  g_assert_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

/* The service runs (owns its name): nothing is started, so a missing program does not matter. */
static void
test_start_reminders_running (Bus           *b,
                              gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "no-reminders", NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 owner = 0;

  reply = g_dbus_connection_call_sync (b->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", REMINDERS_NAME, 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &owner);
  g_assert_cmpuint (owner, ==, 1);   /* DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER */

  g_setenv ("LIMBER_REMINDERS", missing, TRUE);
  g_assert_true (start_reminders (b, NULL, &error));
  g_assert_no_error (error);
}

/* Cancelled before the bus answers: cancelled, and nothing started. */
static void
test_start_reminders_cancelled (Bus           *b,
                                gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "no-reminders", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_setenv ("LIMBER_REMINDERS", missing, TRUE);
  g_cancellable_cancel (cancellable);
  g_assert_false (start_reminders (b, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("limber-program-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/program/path", test_path);
  g_test_add_func ("/program/spawn", test_spawn);
  g_test_add_func ("/program/spawn-fails", test_spawn_fails);
  g_test_add ("/program/start-reminders/spawns", Bus, NULL, bus_set_up,
              test_start_reminders_spawns, bus_tear_down);
  g_test_add ("/program/start-reminders/missing", Bus, NULL, bus_set_up,
              test_start_reminders_missing, bus_tear_down);
  g_test_add ("/program/start-reminders/running", Bus, NULL, bus_set_up,
              test_start_reminders_running, bus_tear_down);
  g_test_add ("/program/start-reminders/cancelled", Bus, NULL, bus_set_up,
              test_start_reminders_cancelled, bus_tear_down);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);

  return status;
}
