#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A stand-in for GDM on the private system bus of build-aux/shell-session. GNOME Shell builds
# its screen shield (and with it org.gnome.ScreenSaver, which the lock tests use) only when
# org.gnome.DisplayManager answers the Version property; RegisterSession is called once at
# start-up. Nothing else of GDM is needed.
import gi
gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.gnome.DisplayManager.Manager">
    <method name="RegisterSession">
      <arg type="a{sv}" name="details" direction="in"/>
    </method>
    <property name="Version" type="s" access="read"/>
  </interface>
</node>
"""


def on_call(connection, sender, path, interface, method, parameters, invocation):
    invocation.return_value(None)


def on_get(connection, sender, path, interface, name):
    return GLib.Variant("s", "43.0")


def on_bus(connection, name):
    info = Gio.DBusNodeInfo.new_for_xml(XML).interfaces[0]
    connection.register_object("/org/gnome/DisplayManager/Manager", info, on_call, on_get, None)


Gio.bus_own_name(Gio.BusType.SYSTEM, "org.gnome.DisplayManager", Gio.BusNameOwnerFlags.NONE,
                 on_bus, None, lambda *args: loop.quit())
loop = GLib.MainLoop()
loop.run()
