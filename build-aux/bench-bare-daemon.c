/* bench-bare-daemon.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yardstick for build-aux/bench-reminders: the barest GLib and libnotify daemon, so the
 * reminder service's memory is measured as a ratio to what these libraries cost on this
 * machine. It calls notify_init(), owns a name on the session bus and waits in a GMainLoop.
 * Its one D-Bus method, Show (s kind), shows a notification whose icon is named (as the
 * service's are), one per kind, kept until the daemon exits; it emits Shown (s kind) once the
 * server took it, as the service emits ReminderShown. No GSettings, SQLite or malloc tuning.
 */

#include <gio/gio.h>
#include <libnotify/notify.h>
#include <locale.h>

#define NAME "io.github.limber.BenchBareDaemon"
#define PATH "/io/github/limber/BenchBareDaemon"
#define IFACE "io.github.limber.BenchBareDaemon1"
#define ICON "io.github.limber.Limber"

static const char introspection[] =
  "<node>"
  "  <interface name='" IFACE "'>"
  "    <method name='Show'><arg name='kind' type='s' direction='in'/></method>"
  "    <signal name='Shown'><arg name='kind' type='s'/></signal>"
  "  </interface>"
  "</node>";

static GHashTable *notifications;   /* kind → NotifyNotification */

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *path,
             const char            *iface,
             const char            *method,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  NotifyNotification *notification;
  const char *kind;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameters, "(&s)", &kind);
  notification = g_hash_table_lookup (notifications, kind);
  if (notification == NULL)
    {
      notification = notify_notification_new ("A reminder", kind, ICON);
      g_hash_table_insert (notifications, g_strdup (kind), notification);
    }
  if (!notify_notification_show (notification, &error))
    {
      g_dbus_method_invocation_return_gerror (invocation, error);
      return;
    }
  g_dbus_connection_emit_signal (connection, NULL, PATH, IFACE, "Shown",
                                 g_variant_new ("(s)", kind), NULL);
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL, { 0 } };

static void
bus_acquired (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection, NULL);

  g_dbus_connection_register_object (connection, PATH, info->interfaces[0], &vtable, NULL,
                                     NULL, NULL);
}

static void
name_lost (GDBusConnection *connection,
           const char      *name,
           gpointer         loop)
{
  g_main_loop_quit (loop);
}

int
main (void)
{
  GMainLoop *loop = g_main_loop_new (NULL, FALSE);

  setlocale (LC_ALL, "");
  notify_init ("Bare daemon");
  notifications = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_bus_own_name (G_BUS_TYPE_SESSION, NAME, G_BUS_NAME_OWNER_FLAGS_NONE, bus_acquired, NULL,
                  name_lost, loop, NULL);
  g_main_loop_run (loop);
  return 0;
}
