#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The stretch player as a media player, seen by a real MPRIS client over the session bus that
# the test session runs (dbus-run-session): the name appears when a session starts, the
# metadata names the routine and the exercise, Pause, Play, Next and Previous reach the
# session, and the name is gone once the session ends (Stop) and after the app quits.
# TAP output. Usage: test-mpris.py path/to/limber
import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# The app runs with the environment meson gives (G_DEBUG=fatal-warnings); this process does
# not need it. GLib reads G_DEBUG when it loads, so this comes before importing gi.
APP_ENV = dict(os.environ)
os.environ.pop("G_DEBUG", None)

from gi.repository import Gio, GLib  # noqa: E402
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from limber_tap import end, report, results  # noqa: E402

LIMBER = sys.argv[1]
NAME = "org.mpris.MediaPlayer2.Limber"
PATH = "/org/mpris/MediaPlayer2"
ROOT = "org.mpris.MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"


bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
context = GLib.MainContext.default()
# Every PropertiesChanged of the player interface, as a client watching it sees them.
changes = []


def on_properties_changed(connection, sender, path, interface, signal_name, parameters):
    iface, changed, _invalidated = parameters.unpack()
    if iface == PLAYER:
        changes.append(changed)


bus.signal_subscribe(None, "org.freedesktop.DBus.Properties", "PropertiesChanged", PATH, None,
                     Gio.DBusSignalFlags.NONE, on_properties_changed)


def spin_until(predicate, timeout=15):
    """Runs the main loop (so signals arrive) until @predicate() is true; returns its value."""
    end = time.monotonic() + timeout
    while True:
        while context.pending():
            context.iteration(False)
        value = predicate()
        if value or time.monotonic() >= end:
            return value
        context.iteration(False)
        time.sleep(0.02)


def has_owner():
    reply = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "NameHasOwner", GLib.Variant("(s)", (NAME,)),
                          GLib.VariantType("(b)"), Gio.DBusCallFlags.NONE, 5000, None)
    return reply.unpack()[0]


def get(interface, prop):
    reply = bus.call_sync(NAME, PATH, "org.freedesktop.DBus.Properties", "Get",
                          GLib.Variant("(ss)", (interface, prop)), GLib.VariantType("(v)"),
                          Gio.DBusCallFlags.NONE, 5000, None)
    return reply.unpack()[0]


def call(method):
    bus.call_sync(NAME, PATH, PLAYER, method, None, None, Gio.DBusCallFlags.NONE, 5000, None)


def changed_to(prop, predicate):
    """A PropertiesChanged since the last look that set @prop to a value @predicate accepts."""
    def look():
        return any(prop in c and predicate(c[prop]) for c in changes)
    return look


def title():
    return get(PLAYER, "Metadata").get("xesam:title")


def fresh_records():
    folder = tempfile.mkdtemp(prefix="limber-mpris-")
    atexit.register(shutil.rmtree, folder, True)
    return {"XDG_DATA_HOME": folder}


def run():
    report(not has_owner(), "no player on the bus before a session")
    env = dict(APP_ENV)
    env.update({"LC_ALL": "C.UTF-8", "LANGUAGE": ""}, **fresh_records())
    proc = subprocess.Popen([LIMBER, "--routine=gentle-relief"], env=env)
    try:
        report(spin_until(has_owner, 30), f"{NAME} appears when the session starts")
        if not has_owner():
            return

        xml = subprocess.run(["gdbus", "introspect", "--session", "--dest", NAME,
                              "--object-path", PATH], capture_output=True, text=True).stdout
        report(f"interface {ROOT} " in xml and f"interface {PLAYER} " in xml,
               "gdbus introspect shows both MPRIS interfaces", xml)
        report(get(ROOT, "Identity") == "Limber" and
               get(ROOT, "DesktopEntry") == "io.github.limber.Limber",
               "Identity and DesktopEntry name the app")
        report(all(get(PLAYER, p) for p in ("CanControl", "CanPlay", "CanPause", "CanGoNext",
                                             "CanGoPrevious")),
               "CanControl, CanPlay, CanPause, CanGoNext and CanGoPrevious are true")
        report(get(PLAYER, "PlaybackStatus") == "Playing", "the running session is Playing")

        metadata = get(PLAYER, "Metadata")
        report(metadata.get("xesam:album") == "Gentle Relief", "the album is the routine",
               metadata)
        report(metadata.get("xesam:title") == "Knee to Chest", "the title is the exercise",
               metadata)
        report(metadata.get("mpris:trackid", "").startswith("/") and
               not metadata["mpris:trackid"].startswith("/org/mpris"),
               "the track has an id of its own", metadata)
        report(metadata.get("mpris:length", 0) > 60 * 1000 * 1000,
               "the length is the routine's, in microseconds", metadata)
        art = metadata.get("mpris:artUrl", "")
        art_path = GLib.filename_from_uri(art)[0] if art.startswith("file://") else ""
        cache = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
        report(art_path.startswith(os.path.join(cache, "limber")) and
               art_path.endswith("knee-to-chest.png"),
               "the art is the exercise's figure, in the cache", metadata)
        with open(art_path, "rb") if art_path else contextlib.nullcontext(None) as f:
            head = f.read(24) if f else b""
        report(head[:8] == b"\x89PNG\r\n\x1a\n" and
               int.from_bytes(head[16:20], "big") == 256,
               "a 256-pixel PNG", head)

        changes.clear()
        call("Pause")
        report(spin_until(changed_to("PlaybackStatus", lambda s: s == "Paused")),
               "Pause: PropertiesChanged says Paused", changes)
        report(get(PLAYER, "PlaybackStatus") == "Paused", "Pause: the status reads Paused")

        changes.clear()
        call("Next")
        report(spin_until(changed_to("Metadata", lambda m: m.get("xesam:title") == "Pelvic Tilt")),
               "Next: PropertiesChanged names the next exercise", changes)
        report(title() == "Pelvic Tilt", "Next: the title reads the next exercise")
        report(get(PLAYER, "PlaybackStatus") == "Paused", "Next keeps the session paused")

        changes.clear()
        call("Previous")
        report(spin_until(changed_to("Metadata", lambda m: m.get("xesam:title") == "Knee to Chest")),
               "Previous: back to the first exercise", changes)

        changes.clear()
        call("Play")
        report(spin_until(changed_to("PlaybackStatus", lambda s: s == "Playing")),
               "Play: the session resumes", changes)

        changes.clear()
        call("PlayPause")
        report(spin_until(lambda: get(PLAYER, "PlaybackStatus") == "Paused"),
               "PlayPause pauses a running session")
        call("PlayPause")
        report(spin_until(lambda: get(PLAYER, "PlaybackStatus") == "Playing"),
               "PlayPause resumes it")

        call("Stop")
        report(spin_until(lambda: not has_owner()), "Stop ends the session and the name goes")
        report(proc.poll() is None, "the app still runs, on its finish screen",
               f"exit status {proc.returncode}")
    finally:
        end(proc)

    # The app quitting mid-session takes the player with it.
    proc = subprocess.Popen([LIMBER, "--routine=gentle-relief"], env=env)
    try:
        report(spin_until(has_owner, 30), "a new session owns the name again")
        end(proc)
        report(spin_until(lambda: not has_owner()), "gone after the app quits")
    finally:
        end(proc)


PLANNED = 25


def main():
    # Ended by meson's timeout: still end the app (the finally blocks above).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    print(f"1..{PLANNED}")
    run()
    return 0 if all(results) and len(results) == PLANNED else 1


if __name__ == "__main__":
    sys.exit(main())
