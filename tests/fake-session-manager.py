#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A stand-in for GNOME's session manager on the test session bus, speaking the part of
# org.gnome.SessionManager that GTK uses for gtk_application_inhibit(): Inhibit, Uninhibit and
# IsInhibited, dropping a client's inhibitions when it leaves the bus. GTK's own code makes the
# calls, so tests can ask IsInhibited whether the app is really keeping the screen awake. It
# must own its name before the app starts: GTK looks for a session manager once, at start-up.
import sys

import gi
gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.gnome.SessionManager">
    <method name="Inhibit">
      <arg type="s" name="app_id" direction="in"/>
      <arg type="u" name="toplevel_xid" direction="in"/>
      <arg type="s" name="reason" direction="in"/>
      <arg type="u" name="flags" direction="in"/>
      <arg type="u" name="inhibit_cookie" direction="out"/>
    </method>
    <method name="Uninhibit">
      <arg type="u" name="inhibit_cookie" direction="in"/>
    </method>
    <method name="RegisterClient">
      <arg type="s" name="app_id" direction="in"/>
      <arg type="s" name="client_startup_id" direction="in"/>
      <arg type="o" name="client_id" direction="out"/>
    </method>
    <method name="IsInhibited">
      <arg type="u" name="flags" direction="in"/>
      <arg type="b" name="is_inhibited" direction="out"/>
    </method>
  </interface>
</node>
"""

inhibitors = {}   # cookie -> (sender, flags)
watched = set()
next_cookie = [1]


def forget(connection, sender):
    # Like gnome-session, drop the inhibitions of a client that has left the bus.
    for cookie in [c for c, (s, _) in inhibitors.items() if s == sender]:
        del inhibitors[cookie]
        print(f"forgot {cookie} of {sender}", flush=True)


def on_call(connection, sender, path, interface, method, params, invocation):
    if method == "Inhibit":
        app_id, _xid, reason, flags = params.unpack()
        cookie = next_cookie[0]
        next_cookie[0] += 1
        inhibitors[cookie] = (sender, flags)
        if sender not in watched:
            watched.add(sender)
            Gio.bus_watch_name_on_connection(connection, sender, Gio.BusNameWatcherFlags.NONE,
                                             None, forget)
        print(f"inhibit {cookie} {app_id} flags={flags} reason={reason!r}", flush=True)
        invocation.return_value(GLib.Variant("(u)", (cookie,)))
    elif method == "Uninhibit":
        (cookie,) = params.unpack()
        inhibitors.pop(cookie, None)
        print(f"uninhibit {cookie}", flush=True)
        invocation.return_value(None)
    elif method == "RegisterClient":
        # The accessibility bus launcher registers itself; a path is all it needs.
        invocation.return_value(GLib.Variant("(o)", ("/org/gnome/SessionManager/Client1",)))
    elif method == "IsInhibited":
        (flags,) = params.unpack()
        inhibited = any(f & flags for _, f in inhibitors.values())
        invocation.return_value(GLib.Variant("(b)", (inhibited,)))


def on_bus(connection, name):
    info = Gio.DBusNodeInfo.new_for_xml(XML).interfaces[0]
    connection.register_object("/org/gnome/SessionManager", info, on_call, None, None)


Gio.bus_own_name(Gio.BusType.SESSION, "org.gnome.SessionManager", Gio.BusNameOwnerFlags.NONE,
                 on_bus, None, lambda *a: sys.exit("could not own org.gnome.SessionManager"))
GLib.MainLoop().run()
