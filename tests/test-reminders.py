#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The reminder service (limber-reminders), seen from outside: on a private D-Bus of its own,
# with its own dunst, its clock 300 times faster (a 15-minute interval is 3 s), settings in a
# key file that `gsettings` changes while it runs. Notifications are read and their actions
# invoked through dunst (dunstctl and tests/dunst-dmenu.sh); the D-Bus API is called both
# from here and through the `gdbus` command line.
#
# The bus has no service files on purpose: with the system's, a vanished notification server
# or a missing Limber would be started on demand (dunst ships an activation file).
#
# TAP output. Usage: test-reminders.py path/to/limber-reminders
import contextlib
import sqlite3
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback

from gi.repository import Gio, GLib
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from limber_tap import report, results, skip  # noqa: E402

SERVICE = os.path.abspath(sys.argv[1])
SRCDIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCALE = 300
NAME = "io.github.limber.Limber.Reminders"
PATH = "/io/github/limber/Limber/Reminders"
IFACE = "io.github.limber.Limber.Reminders1"
APP_NAME = "io.github.limber.Limber"
APP_PATH = "/io/github/limber/Limber"
HYDRATION_S, POSTURE_S, WALK_S, SNOOZE_S = 15 * 60, 20 * 60, 30 * 60, 120 * 60
PACK_S = 2 * 60 * 60   # LIMBER_CARE_COLD_EVERY_US
KINDS = ["hydration", "posture", "walk", "pack"]
WATER_MAX_PER_DAY = 50   # LIMBER_WATER_LOG_MAX_PER_DAY
HOLDING = "holding reminders until a notification server is back"
WATER = "Time for a glass of water"
SETTINGS = {  # io.github.limber.Limber, before the service starts
    "active-start": "0", "active-end": "1440",
    "active-days": "['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', "
                   "'sunday']",
    "hydration-enabled": "true", "hydration-interval": "15",
    "posture-enabled": "false", "posture-interval": "20",
    "walk-enabled": "false", "walk-interval": "30",
    "snooze-minutes": "120",
}
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
FAKE_APP_XML = """<node><interface name="org.freedesktop.Application">
  <method name="Activate"><arg type="a{sv}" direction="in"/></method>
  <method name="Open"><arg type="as" direction="in"/><arg type="a{sv}" direction="in"/></method>
  <method name="ActivateAction"><arg type="s" direction="in"/><arg type="av" direction="in"/>
    <arg type="a{sv}" direction="in"/></method>
</interface></node>"""


def comment(text):
    print(f"# {text}")
    sys.stdout.flush()


@contextlib.contextmanager
def case(name):
    """A group of checks: an exception in it is one failure, and the next group runs."""
    comment(f"--- {name}")
    try:
        yield
    except Exception:
        report(False, f"{name}: ran to its end", traceback.format_exc())


def stop(proc, sig=signal.SIGTERM):
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class Harness:
    """A private bus with dunst and the service on it, and the test's connection to it."""

    def __init__(self, scratch):
        self.scratch = scratch
        self.runtime = os.path.join(scratch, "runtime")
        os.makedirs(self.runtime, mode=0o700)
        self.log_path = os.path.join(scratch, "service.log")
        self.bus = self.dunst = self.service = None
        self.shown = []           # kinds from ReminderShown, in order
        self.ctx = GLib.MainContext.default()

    # Processes

    def start_bus(self):
        config = os.path.join(self.scratch, "bus.conf")
        with open(config, "w") as f:
            f.write(BUS_CONFIG.format(dir=self.scratch))
        self.bus = subprocess.Popen(["dbus-daemon", "--config-file=" + config, "--nofork",
                                     "--print-address=1"], stdout=subprocess.PIPE,
                                    stderr=open(os.path.join(self.scratch, "bus.log"), "w"),
                                    text=True)
        self.address = self.bus.stdout.readline().strip()
        self.env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=self.address,
                        GSETTINGS_BACKEND="keyfile", XDG_RUNTIME_DIR=self.runtime,
                        XDG_CONFIG_HOME=os.path.join(self.scratch, "config"),
                        XDG_STATE_HOME=os.path.join(self.scratch, "state"),
                        XDG_DATA_HOME=os.path.join(self.scratch, "data"),
                        LIMBER_DEBUG_TIME_SCALE=str(SCALE), G_DEBUG="gc-friendly",
                        LIMBER_APP=os.path.join(self.scratch, "fake-limber"),
                        TZ=early_morning_zone())
        self.con = Gio.DBusConnection.new_for_address_sync(
            self.address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
            | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION, None, None)
        self.con.signal_subscribe(None, IFACE, "ReminderShown", PATH, None,
                                  Gio.DBusSignalFlags.NONE,
                                  lambda *a: self.shown.append(a[5].unpack()[0]))

    def start_dunst(self):
        self.dunst = subprocess.Popen(["dunst", "-config", "tests/dunstrc"], cwd=SRCDIR,
                                      env=self.env, stdout=subprocess.DEVNULL,
                                      stderr=open(os.path.join(self.scratch, "dunst.log"), "a"))
        if not self.wait_for(lambda: self.has_owner("org.freedesktop.Notifications"), 10):
            raise RuntimeError("dunst did not appear on the private bus")

    def start_service(self):
        env = dict(self.env, G_MESSAGES_DEBUG="all")
        start = time.monotonic()
        self.service = subprocess.Popen([SERVICE], env=env, stdout=open(self.log_path, "a"),
                                        stderr=subprocess.STDOUT)
        if not self.wait_for(lambda: self.has_owner(NAME), 15, step=0.002):
            raise RuntimeError("the service did not own its name:\n" + self.log())
        return time.monotonic() - start

    def close(self):
        stop(self.service)
        stop(self.dunst)
        stop(self.bus)

    def log(self):
        with open(self.log_path) as f:
            return f.read()

    # Command-line tools, with the private bus and settings

    def run(self, *argv, env=None, timeout=20):
        return subprocess.run(argv, env=env or self.env, cwd=SRCDIR, capture_output=True,
                              text=True, timeout=timeout)

    def gsettings(self, *args):
        out = self.run("gsettings", *args)
        if out.returncode != 0:
            raise RuntimeError(f"gsettings {' '.join(args)}: {out.stderr}")
        return out.stdout

    def gdbus(self, method, *args):
        return self.run("gdbus", "call", "--address", self.address, "--dest", NAME,
                        "--object-path", PATH, "--method", f"{IFACE}.{method}", *args)

    def dunstctl(self, *args):
        out = self.run("dunstctl", *args)
        if out.returncode != 0:
            raise RuntimeError(f"dunstctl {' '.join(args)}: {out.stderr}")
        return out.stdout

    def displayed(self):
        return int(self.dunstctl("count", "displayed"))

    def context_menu(self, pick):
        """Opens dunst's context menu, picking the first line that contains @pick; returns the
        lines offered."""
        menu = os.path.join(self.runtime, "dunst-menu")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(menu)
        with open(os.path.join(self.runtime, "dunst-pick"), "w") as f:
            f.write(pick)
        self.dunstctl("context")
        last = None
        for _ in range(100):  # until the script wrote the whole menu
            text = open(menu).read() if os.path.exists(menu) else None
            if text is not None and text == last:
                return text.splitlines()
            last = text
            time.sleep(0.05)
        raise RuntimeError("dunst did not open its context menu")

    def history(self):
        return [{k: v["data"] for k, v in n.items()}
                for n in json.loads(self.dunstctl("history"))["data"][0]]

    # D-Bus, from here

    def call(self, method, args=None, iface=IFACE, dest=NAME, path=PATH):
        return self.con.call_sync(dest, path, iface, method, args, None,
                                  Gio.DBusCallFlags.NONE, 10000, None).unpack()

    def has_owner(self, name):
        return self.call("NameHasOwner", GLib.Variant("(s)", (name,)), "org.freedesktop.DBus",
                         "org.freedesktop.DBus", "/org/freedesktop/DBus")[0]

    def owner(self, name):
        return self.call("GetNameOwner", GLib.Variant("(s)", (name,)), "org.freedesktop.DBus",
                         "org.freedesktop.DBus", "/org/freedesktop/DBus")[0]

    def prop(self, name):
        return self.call("Get", GLib.Variant("(ss)", (IFACE, name)),
                         "org.freedesktop.DBus.Properties")[0]

    def schedule(self):
        """{kind: (enabled, due, interval, held)}; also a sync point: the ReminderShown signals
        the service sent before answering have been handled when it returns."""
        entries = self.call("GetSchedule")[0]
        self.spin(0)
        return {kind: rest for kind, *rest in entries}

    def screensaver(self, active):
        self.con.emit_signal(None, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
                             "ActiveChanged", GLib.Variant("(b)", (active,)))
        self.con.flush_sync(None)

    # The main loop

    def wait_for(self, predicate, timeout, step=0.02):
        end = time.monotonic() + timeout
        while True:
            while self.ctx.pending():
                self.ctx.iteration(False)
            if predicate():
                return True
            if time.monotonic() >= end:
                return False
            time.sleep(step)

    def spin(self, seconds):
        self.wait_for(lambda: False, seconds)

    def wait_shown(self, kind, timeout):
        mark = len(self.shown)
        return self.wait_for(lambda: kind in self.shown[mark:], timeout)

    def shown_during(self, seconds):
        mark = len(self.shown)
        self.spin(seconds)
        return self.shown[mark:]


def early_morning_zone():
    """A fixed time zone in which it is 00:30 now. The service's clock runs 300 times faster
    and starts from the real time again at each start: the test's scaled hours must stay on
    one local date, or the water count of one run would belong to another day than the next."""
    utc = time.time() % 86400
    offset = (30 * 60 - utc) % 86400
    if offset > 43200:
        offset -= 86400
    sign, offset = ("-", int(offset)) if offset >= 0 else ("+", int(-offset))
    return f"LMB{sign}{offset // 3600:02d}:{offset // 60 % 60:02d}:{offset % 60:02d}"


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def version():
    with open(os.path.join(SRCDIR, "meson.build")) as f:
        return re.search(r"version:\s*'([^']+)'", f.read()).group(1)


def test_startup(h, elapsed):
    comment(f"start-up: {elapsed * 1000:.0f} ms from spawn to owning {NAME}")
    report(elapsed < 5, f"start-up: owns its name {elapsed * 1000:.0f} ms after spawn")
    first = h.owner(NAME)
    second = h.run(SERVICE, env=dict(h.env, G_MESSAGES_DEBUG=""))
    report(second.returncode == 0 and second.stdout == "" and second.stderr == "",
           "start-up: a second instance exits 0 and prints nothing",
           f"status {second.returncode}\nstdout: {second.stdout}\nstderr: {second.stderr}")
    report(h.service.poll() is None and h.owner(NAME) == first,
           "start-up: the first instance still runs and owns the name")
    out = h.run(SERVICE, "--version")
    expected = f"limber-reminders {version()}\n"
    report(out.returncode == 0 and out.stdout == expected,
           f"start-up: --version prints {expected.strip()!r}",
           f"status {out.returncode}: {out.stdout!r} {out.stderr!r}")


def test_hydration_shown(h):
    report(h.wait_for(lambda: "hydration" in h.shown, 2 * HYDRATION_S / SCALE + 3),
           "hydration: ReminderShown('hydration') within an interval", h.log())
    report(h.wait_for(lambda: h.displayed() == 1, 3), "hydration: dunst displays it",
           f"displayed: {h.displayed()}")
    lines = h.context_menu("no-such-action")
    offered = {re.sub(r" \(.*", "", line.lstrip("#")) for line in lines}
    report({"I Drank a Glass", "Snooze", "Open Limber"} <= offered,
           "hydration: its actions are I Drank a Glass, Snooze and Open Limber",
           "\n".join(lines))
    report(h.wait_shown("hydration", 2 * HYDRATION_S / SCALE + 2),
           "hydration: shown again an interval later")
    h.spin(0.5)
    report(h.displayed() == 1, "hydration: the second replaces the first: one displayed",
           f"displayed: {h.displayed()}")
    h.dunstctl("close-all")
    water = [n for n in h.history() if n["summary"] == WATER]
    report(len(water) == 1 and water[0]["appname"] == "Limber",
           "hydration: after close-all, history has one 'Time for a glass of water' from Limber",
           json.dumps(h.history(), indent=1))


def test_actions(h):
    before = h.prop("WaterToday")
    h.wait_shown("hydration", 2 * HYDRATION_S / SCALE + 2)
    h.context_menu("I Drank a Glass")
    report(h.wait_for(lambda: h.prop("WaterToday") == before + 1, 5),
           f"actions: 'I Drank a Glass' in dunst counts a glass ({before} → {before + 1})",
           f"WaterToday: {h.prop('WaterToday')}\n{h.log()[-2000:]}")
    report(h.wait_shown("hydration", 2 * HYDRATION_S / SCALE + 2),
           "actions: the next hydration reminder comes")
    due = h.schedule()["hydration"][1]
    start = time.monotonic()
    h.context_menu(f"Snooze ({WATER})")
    h.wait_for(lambda: h.schedule()["hydration"][1] != due, 5)
    snoozed = h.schedule()["hydration"][1]
    # Shown for a due time t: due t + 900; snoozed at t' >= t: due t' + 7200. The timer may
    # fire up to 60 s (scaled) late and still count from t.
    slack = (time.monotonic() - start) * SCALE + 62
    expected = SNOOZE_S - HYDRATION_S
    report(expected - 2 <= snoozed - due <= expected + slack,
           "actions: 'Snooze' in dunst puts hydration off by snooze-minutes, not the interval",
           f"due moved by {snoozed - due} s, expected {expected} (+ up to {slack:.0f})")


def test_dbus_api(h):
    out = h.gdbus("GetSchedule")
    entries = (GLib.Variant.parse(GLib.VariantType("(a(sbxub))"), out.stdout.strip(), None, None)
               .unpack()[0] if out.returncode == 0 else [])
    report([(k, on, interval, held) for k, on, _, interval, held in entries]
           == [("hydration", True, HYDRATION_S, False), ("posture", False, POSTURE_S, False),
               ("walk", False, WALK_S, False), ("pack", True, PACK_S, False)]
           and entries[0][2] > 0 and entries[1][2] == 0 and entries[2][2] == 0
           and entries[3][2] == 0,
           "api: gdbus GetSchedule: hydration on every 900 s, posture 1200 and walk 1800 off, "
           "pack on every 7200 s but not due outside a spasm", out.stdout + out.stderr)

    start = time.monotonic()
    first = h.gdbus("Snooze", "hydration", "3600")
    due1 = h.schedule()["hydration"][1]
    second = h.gdbus("Snooze", "hydration", "7200")
    due2 = h.schedule()["hydration"][1]
    slack = (time.monotonic() - start) * SCALE + 2
    report(first.returncode == 0 and second.returncode == 0 and
           3600 - 2 <= due2 - due1 <= 3600 + slack,
           f"api: Snooze 3600 then 7200: the due time moves by 3600 s (± {slack:.0f} s)",
           f"{due1} → {due2}: {due2 - due1}\n{first.stderr}{second.stderr}")

    water = h.prop("WaterToday")
    start = time.monotonic()
    out = h.gdbus("LogWater")
    report(out.returncode == 0 and h.prop("WaterToday") == water + 1,
           "api: gdbus LogWater counts a glass", out.stderr)
    restarted = h.schedule()["hydration"][1]   # LogWater starts the interval again: now + 900

    out = h.gdbus("Pause", "3600")
    paused = h.prop("PausedUntil")
    slack = (time.monotonic() - start) * SCALE + 2
    report(out.returncode == 0 and
           3600 - 2 <= paused - (restarted - HYDRATION_S) <= 3600 + slack,
           "api: gdbus Pause 3600 sets PausedUntil an hour ahead",
           f"PausedUntil {paused}, hydration restarted at {restarted - HYDRATION_S}\n{out.stderr}")
    h.schedule()
    during = h.shown_during(1.5 * HYDRATION_S / SCALE)
    held = h.schedule()["hydration"]
    report(during == [] and held[3] and held[1] == 0,
           "api: nothing is shown while paused, and hydration waits (held)",
           f"shown: {during}, hydration: {held}")
    mark = len(h.shown)
    out = h.gdbus("Resume")
    report(out.returncode == 0 and h.prop("PausedUntil") == 0,
           "api: gdbus Resume sets PausedUntil back to 0", out.stderr)
    h.spin(1.0)   # less than an interval: what comes now is the held one
    report(h.shown[mark:] == ["hydration"] and not h.schedule()["hydration"][3],
           "api: on Resume the held hydration reminder is shown once", h.shown[mark:])

    owner = h.owner(NAME)
    bad = [(("Snooze", "bogus", "10"), ["Unknown reminder kind 'bogus'"]),
           (("Snooze", "hydration", "0"), ["Snooze length", "1 to 86400 seconds", "not 0"]),
           (("Snooze", "hydration", "86401"), ["Snooze length", "not 86401"]),
           (("Pause", "0"), ["pause", "1 to 86400 seconds", "not 0"]),
           (("Pause", "86401"), ["pause", "not 86401"])]
    for args, words in bad:
        out = h.gdbus(*args)
        report(out.returncode != 0 and "org.freedesktop.DBus.Error.InvalidArgs" in out.stderr
               and all(w in out.stderr for w in words),
               f"api: {args[0]}({', '.join(args[1:])}) is InvalidArgs naming the problem",
               f"status {out.returncode}: {out.stderr}")
    report(h.service.poll() is None and h.owner(NAME) == owner and
           list(h.schedule()) == KINDS and h.prop("PausedUntil") == 0,
           "api: after bad calls the same service still owns its name and answers")


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"^VmRSS:\s*(\d+)", f.read(), re.M).group(1))


def test_limits(h):
    """Hostile callers: huge arguments are refused without being echoed or kept in memory,
    and a flood of LogWater stops at the day's bound."""
    big = "x" * (1 << 20)
    h.call("Snooze", GLib.Variant("(su)", ("hydration", 60)))   # warm up
    before = rss_kb(h.service.pid)
    errors = []

    def done(con, result, _):
        try:
            con.call_finish(result)
            errors.append("")
        except GLib.Error as e:
            errors.append(e.message)

    # Eight at once: all of them are in the service's memory at the same time.
    for _ in range(8):
        h.con.call(NAME, PATH, IFACE, "Snooze", GLib.Variant("(su)", (big, 60)), None,
                   Gio.DBusCallFlags.NONE, 20000, None, done, None)
    deadline = time.monotonic() + 30
    while len(errors) < 8 and time.monotonic() < deadline:
        h.ctx.iteration(False) or time.sleep(0.01)
    h.schedule()
    after = rss_kb(h.service.pid)
    sanitized = "ASAN_OPTIONS" in os.environ
    report(len(errors) == 8 and all("InvalidArgs" in m and len(m) < 300 for m in errors),
           "limits: a 1 MB reminder kind is InvalidArgs, and the error does not echo it",
           f"{len(errors)} errors, longest {max(map(len, errors), default=0)} characters")
    if sanitized:
        skip("limits: memory stays flat after eight 1 MB calls",
             "AddressSanitizer keeps freed memory in quarantine")
    else:
        report(after - before < 4096,
               "limits: memory stays flat after eight 1 MB calls (VmRSS grows less than 4 MB)",
               f"VmRSS {before} kB → {after} kB")

    refused = None
    for _ in range(2 * WATER_MAX_PER_DAY):
        try:
            h.call("LogWater")
        except GLib.Error as e:
            refused = e.message
            break
    today = h.prop("WaterToday")
    report(refused is not None and "LimitsExceeded" in refused and today == WATER_MAX_PER_DAY,
           f"limits: LogWater stops counting at {WATER_MAX_PER_DAY} glasses a day, with an error",
           f"WaterToday {today}, refused: {refused}")
    report(h.service.poll() is None and list(h.schedule()) == KINDS,
           "limits: the service is still running and answering")


def test_no_server(h):
    stop(h.dunst)
    h.wait_for(lambda: not h.has_owner("org.freedesktop.Notifications"), 5)
    mark = len(h.shown)
    report(h.wait_for(lambda: HOLDING in h.log(), 2 * HYDRATION_S / SCALE + 3),
           "no server: at the next due time the service says it holds reminders",
           h.log()[-2000:])
    cpu, start = cpu_seconds(h.service.pid), time.monotonic()
    h.spin(2.2 * HYDRATION_S / SCALE)
    used, spent = cpu_seconds(h.service.pid) - cpu, time.monotonic() - start
    report(h.service.poll() is None and used < 0.25,
           f"no server: still running, and idle: {used:.2f} s of CPU in {spent:.1f} s")
    held = h.schedule()["hydration"]
    report(h.log().count(HOLDING) == 1 and h.shown[mark:] == [] and held[3],
           "no server: said once over more than two intervals; nothing shown, hydration held",
           f"said {h.log().count(HOLDING)} times; shown {h.shown[mark:]}; hydration {held}")
    mark = len(h.shown)
    h.start_dunst()
    h.wait_for(lambda: h.shown[mark:], 2 * HYDRATION_S / SCALE)
    h.spin(0.7)
    report(h.shown[mark:] == ["hydration"],
           "no server: when dunst is back the held hydration reminder is shown once",
           f"shown: {h.shown[mark:]}\n{h.log()[-2000:]}")
    report(h.wait_for(lambda: h.displayed() == 1, 3), "no server: the new dunst displays it")


def db_rows(h, sql, args=()):
    path = os.path.join(h.env["XDG_DATA_HOME"], "limber", "limber.db")
    with contextlib.closing(sqlite3.connect(path, timeout=5)) as db:
        return db.execute(sql, args).fetchall()


def db_write(h, sql, args=()):
    path = os.path.join(h.env["XDG_DATA_HOME"], "limber", "limber.db")
    with contextlib.closing(sqlite3.connect(path, timeout=5)) as db:
        with db:
            db.execute(sql, args)


def test_restart(h):
    water = h.prop("WaterToday")
    stop(h.service)
    glasses = db_rows(h, "SELECT source, count(*) FROM glasses GROUP BY source")
    events = db_rows(h, "SELECT kind, action FROM reminder_events ORDER BY id")
    h.gsettings("set", "io.github.limber.Limber", "posture-enabled", "true")  # for what follows
    h.start_service()
    again = h.prop("WaterToday")
    report(water >= 2 and again == water and sum(n for _, n in glasses) == water,
           f"restart: WaterToday is {water} before and {again} after a restart, as in the store",
           f"glasses in the store: {glasses}")
    report(("reminder", 1) in glasses and ("hydration", "shown") in events
           and ("hydration", "drank") in events and ("hydration", "snoozed") in events,
           "history: the store has the glass from the reminder, and the reminders shown and "
           "acted on", f"glasses {glasses}; events {events}")


def test_no_bus(h):
    """With no session bus the service must not run unreachable: it says why and exits."""
    env = dict(h.env, DBUS_SESSION_BUS_ADDRESS="unix:path=" + os.path.join(h.scratch, "no-bus"))
    start = time.monotonic()
    try:
        out = h.run(SERVICE, env=env, timeout=20)
    except subprocess.TimeoutExpired:
        report(False, "no session bus: the service exits")
        return
    spent = time.monotonic() - start
    report(out.returncode != 0 and "session bus" in out.stderr and spent < 10,
           f"no session bus: exits non-zero after {spent:.1f} s and says why",
           f"status {out.returncode}\nstdout: {out.stdout}\nstderr: {out.stderr}")


def hold_lock(h):
    """Another process's connection holding the store's write lock until it is closed."""
    path = os.path.join(h.env["XDG_DATA_HOME"], "limber", "limber.db")
    db = sqlite3.connect(path, timeout=5, isolation_level=None)
    db.execute("BEGIN EXCLUSIVE")
    return db


def test_lock(h):
    """LogWater under a lock held past the busy timeout: answered at once, kept, said on the
    bus, and written to the file when the lock goes; also for a service started under it."""
    before = db_rows(h, "SELECT count(*) FROM glasses")[0][0]
    water = h.prop("WaterToday")
    report(h.prop("NotSaving") == "", "lock: NotSaving is empty while records reach the file",
           h.prop("NotSaving"))
    locker = hold_lock(h)
    try:
        start = time.monotonic()
        out = h.gdbus("LogWater")
        spent = time.monotonic() - start
        report(out.returncode == 0 and spent < 4 and h.prop("WaterToday") == water + 1,
               f"lock: LogWater under a long lock answers in {spent:.1f} s and counts the glass",
               out.stderr)
        report(h.prop("NotSaving") != "" and db_rows(h, "SELECT count(*) FROM glasses")[0][0]
               == before, "lock: NotSaving says the glass is kept until the file can take it",
               h.prop("NotSaving"))
    finally:
        locker.close()
    report(h.wait_for(lambda: h.prop("NotSaving") == "", 30)
           and db_rows(h, "SELECT count(*) FROM glasses")[0][0] == before + 1,
           "lock: once the lock goes, the glass is in the file and NotSaving is empty again",
           f"NotSaving {h.prop('NotSaving')!r}; rows "
           f"{db_rows(h, 'SELECT count(*) FROM glasses')[0][0]}, before {before}")

    stop(h.service)
    locker = hold_lock(h)
    try:
        h.start_service()
        report(h.prop("NotSaving") != "" and h.prop("WaterToday") == water + 1,
               "lock: a service started under the lock has the day's glasses and says it is "
               "not saving", f"NotSaving {h.prop('NotSaving')!r}; WaterToday {h.prop('WaterToday')}")
        out = h.gdbus("LogWater")
        report(out.returncode == 0 and h.prop("WaterToday") == water + 2,
               "lock: ... and takes a glass", out.stderr)
    finally:
        locker.close()
    report(h.wait_for(lambda: h.prop("NotSaving") == "", 30)
           and db_rows(h, "SELECT count(*) FROM glasses")[0][0] == before + 2,
           "lock: ... which is in the file once the lock goes",
           f"NotSaving {h.prop('NotSaving')!r}; rows "
           f"{db_rows(h, 'SELECT count(*) FROM glasses')[0][0]}, before {before}")


@contextlib.contextmanager
def fake_app(h):
    """Limber on the bus, as far as the service sees it: the calls it gets, in a list."""
    calls, acquired = [], []

    def on_call(connection, sender, path, iface, method, parameters, invocation):
        calls.append((iface, method, parameters.unpack()))
        invocation.return_value(None)

    node = Gio.DBusNodeInfo.new_for_xml(FAKE_APP_XML)
    registration = h.con.register_object(APP_PATH, node.interfaces[0], on_call, None, None)
    owning = Gio.bus_own_name_on_connection(h.con, APP_NAME, Gio.BusNameOwnerFlags.NONE,
                                            lambda *a: acquired.append(True), None)
    try:
        if not h.wait_for(lambda: acquired, 5):
            raise RuntimeError(f"could not own {APP_NAME}")
        yield calls
    finally:
        Gio.bus_unown_name(owning)
        h.con.unregister_object(registration)
        h.wait_for(lambda: not h.has_owner(APP_NAME), 5)


def test_acute_pack(h):
    """In the acute plan a cold-pack reminder comes (waking hours all day here: the test's
    clock stands in the night), and its Start Cold Pack asks Limber to start the pack timer."""
    h.gsettings("set", "io.github.limber.Limber", "waking-start", "0")
    h.gsettings("set", "io.github.limber.Limber", "waking-end", "1440")
    pack = h.schedule()["pack"]
    report(pack[0] and pack[1] > 0 and pack[2] == PACK_S,
           "pack: in the acute plan the pack reminder is due, every 7200 s", f"pack: {pack}")
    h.dunstctl("close-all")
    report(h.wait_shown("pack", PACK_S / SCALE + 10), "pack: ReminderShown('pack') comes",
           h.log()[-1500:])
    with fake_app(h) as calls:
        lines = h.context_menu("Start Cold Pack")
        offered = {re.sub(r" \(.*", "", line.lstrip("#")) for line in lines
                   if "Time for a cold pack" in line}
        report({"Start Cold Pack", "Snooze", "Open Limber"} <= offered,
               "pack: its actions are Start Cold Pack, Snooze and Open Limber", "\n".join(lines))
        h.wait_for(lambda: calls, 5)
        h.spin(0.3)
        report(len(calls) == 1
               and calls[0][:2] == ("org.freedesktop.Application", "ActivateAction")
               and calls[0][2][:2] == ("start-pack", ["cold"])
               and isinstance(calls[0][2][2], dict),
               "pack: 'Start Cold Pack' calls ActivateAction('start-pack', ['cold'])",
               f"calls: {calls}")
    # What the app's pack timer writes when a 15-minute pack comes off: here one that comes
    # off when the next reminder was due, so the one after can only count from its end.
    due = h.schedule()["pack"][1]
    db_write(h, "INSERT INTO packs (kind, started_us, duration_s) VALUES ('cold', ?, 900)",
             ((due - 900) * 1000000,))
    report(h.wait_for(lambda: h.schedule()["pack"][1] == due + PACK_S, 5),
           "pack: a cold pack recorded in the store counts the next one from its end",
           f"pack was due {due}, now {h.schedule()['pack'][1]}, expected {due + PACK_S}")
    out = h.gdbus("Snooze", "pack", "600")
    report(out.returncode == 0, "pack: gdbus Snooze accepts 'pack'", out.stderr)
    events = db_rows(h, "SELECT action FROM reminder_events WHERE kind = 'pack' ORDER BY id")
    report(("shown",) in events and ("start-pack",) in events,
           "pack: the store has the pack reminder shown and its Start Cold Pack",
           f"events: {events}")
    h.gsettings("set", "io.github.limber.Limber", "waking-start", "480")
    h.gsettings("set", "io.github.limber.Limber", "waking-end", "1320")


def test_acute(h):
    h.gsettings("set", "io.github.limber.Limber", "walk-interval", "120")
    h.wait_for(lambda: h.schedule()["walk"][2] == 7200, 5)
    before = h.schedule()["walk"][2]
    # What the app's "I have a back spasm now" writes.
    db_write(h, "INSERT INTO episodes (started_us) VALUES (?)", (int(time.time() * 1e6),))
    acute = h.wait_for(lambda: h.schedule()["walk"][2] == 3600, 5)
    report(before == 7200 and acute and "now “acute”; walks every 60 minutes" in h.log(),
           "acute plan: an episode started in the store makes walks hourly (120 → 60 minutes)",
           f"before {before}, now {h.schedule()['walk'][2]}\n{h.log()[-1500:]}")
    with case("acute pack"):
        test_acute_pack(h)
    # A reason to see a doctor leaves the plan and its reminders; an emergency sets it aside:
    # no pack, walks as usual; a later check without warning signs brings it back.
    db_write(h, "INSERT INTO checks (time_us, outcome) VALUES (?, 'doctor')",
             (int(time.time() * 1e6),))
    h.spin(1)
    report(h.schedule()["pack"][1] > 0 and h.schedule()["walk"][2] == 3600,
           "acute plan: a reason to see a doctor keeps the spasm reminders",
           f"schedule: {h.schedule()}")
    db_write(h, "INSERT INTO checks (time_us, outcome) VALUES (?, 'emergency')",
             (int(time.time() * 1e6) + 1,))
    report(h.wait_for(lambda: h.schedule()["pack"][1] == 0 and h.schedule()["walk"][2] == 7200,
                      5),
           "acute plan: an emergency sets it aside: no pack due, walks every 120 minutes",
           f"schedule: {h.schedule()}")
    db_write(h, "INSERT INTO checks (time_us, outcome) VALUES (?, 'self-care')",
             (int(time.time() * 1e6) + 2,))
    report(h.wait_for(lambda: h.schedule()["pack"][1] > 0 and h.schedule()["walk"][2] == 3600,
                      5),
           "acute plan: a later check without warning signs brings it back",
           f"schedule: {h.schedule()}")
    db_write(h, "UPDATE episodes SET ended_us = ? WHERE ended_us IS NULL",
             (int(time.time() * 1e6),))
    report(h.wait_for(lambda: h.schedule()["walk"][2] == 7200, 5),
           "acute plan: 'I feel better' gives the user's 120 minutes back",
           f"now {h.schedule()['walk'][2]}")
    report(h.schedule()["pack"][1] == 0, "acute plan: after 'I feel better' no pack is due",
           f"pack: {h.schedule()['pack']}")


def test_stretch(h):
    argv_file = os.path.join(h.scratch, "fake-limber.argv")
    with open(h.env["LIMBER_APP"], "w") as f:
        f.write(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > {argv_file}.new && mv {argv_file}.new "
                f"{argv_file}\n")
    os.chmod(h.env["LIMBER_APP"], 0o755)

    with fake_app(h) as calls:
        h.dunstctl("close-all")
        report(h.wait_shown("posture", 2 * POSTURE_S / SCALE + 3),
               "stretch: a posture reminder comes")
        h.context_menu("Stretch Now")
        h.wait_for(lambda: calls, 5)
        h.spin(0.3)
        report(len(calls) == 1 and calls[0][:2] == ("org.freedesktop.Application", "ActivateAction")
               and calls[0][2][:2] == ("start-routine", ["gentle-relief"])
               and isinstance(calls[0][2][2], dict),
               "stretch: 'Stretch Now' calls ActivateAction('start-routine', ['gentle-relief'])",
               f"calls: {calls}")
        report(not os.path.exists(argv_file), "stretch: and does not also start $LIMBER_APP")
    report(h.wait_shown("posture", 2 * POSTURE_S / SCALE + 3),
           "stretch: the next posture reminder comes")
    h.context_menu("Stretch Now")
    h.wait_for(lambda: os.path.exists(argv_file), 5)
    argv = open(argv_file).read().splitlines() if os.path.exists(argv_file) else None
    report(argv == ["--routine=gentle-relief"],
           "stretch: without Limber on the bus, it runs $LIMBER_APP --routine=gentle-relief",
           f"argv: {argv}\n{h.log()[-1500:]}")


def test_away(h):
    h.screensaver(True)
    h.schedule()
    left = time.monotonic()
    mark = len(h.shown)
    h.spin(2.5 * HYDRATION_S / SCALE)
    held = h.schedule()
    report(h.shown[mark:] == [] and held["hydration"][3] and held["posture"][3],
           "away: nothing shown while the screen saver is on; hydration and posture wait",
           f"shown: {h.shown[mark:]}; schedule: {held}")
    mark = len(h.shown)
    h.screensaver(False)
    away = (time.monotonic() - left) * SCALE / 60
    back = h.schedule()
    h.spin(1.0)
    report(h.shown[mark:] == ["hydration"],
           f"away: back after {away:.0f} scaled minutes: hydration shown once, posture not "
           "(a natural break)", f"shown: {h.shown[mark:]}")
    returned = back["hydration"][1] - HYDRATION_S   # hydration was shown, counting from then
    posture = back["posture"]
    report(posture[0] and not posture[3] and abs(posture[1] - (returned + POSTURE_S)) <= 2,
           "away: posture counts again from the return: due return + 1200 s",
           f"posture: {posture}, returned at {returned}")


def test_banners(h):
    if "org.gnome.desktop.notifications" not in h.gsettings("list-schemas").split():
        skip("banners: show-banners holds reminders", "no org.gnome.desktop.notifications schema")
        return
    h.gsettings("set", "org.gnome.desktop.notifications", "show-banners", "false")
    h.spin(1.0)  # the service's key file monitor
    h.schedule()
    mark = len(h.shown)
    h.spin(2.5 * HYDRATION_S / SCALE)
    held = h.schedule()
    report(h.shown[mark:] == [] and held["hydration"][3] and held["posture"][3],
           "banners: show-banners false: nothing shown; hydration and posture wait",
           f"shown: {h.shown[mark:]}; schedule: {held}")
    mark = len(h.shown)
    h.gsettings("set", "org.gnome.desktop.notifications", "show-banners", "true")
    h.wait_for(lambda: h.shown[mark:], 3)
    h.spin(0.7)
    report(sorted(h.shown[mark:]) == ["hydration", "posture"],
           "banners: show-banners true: the held hydration and posture shown once each",
           f"shown: {h.shown[mark:]}")


APP_NOTIFICATIONS = ("org.gnome.desktop.notifications.application:"
                     "/org/gnome/desktop/notifications/application/io-github-limber-limber/")


def test_app_switch(h):
    """Limber's own switch in GNOME Settings (enable, then show-banners) holds reminders as Do
    Not Disturb does: nothing shown or recorded while off, each held kind shown once after."""
    if "org.gnome.desktop.notifications.application" not in \
            h.gsettings("list-relocatable-schemas").split():
        skip("app switch: Limber's notifications off hold reminders",
             "no org.gnome.desktop.notifications.application schema")
        return
    for key in ("enable", "show-banners"):
        h.gsettings("set", APP_NOTIFICATIONS, key, "false")
        h.spin(1.0)  # the service's key file monitor
        h.schedule()
        mark = len(h.shown)
        h.spin(2.5 * HYDRATION_S / SCALE)
        held = h.schedule()
        report(h.shown[mark:] == [] and held["hydration"][3],
               f"app switch: {key} false: nothing shown; hydration waits",
               f"shown: {h.shown[mark:]}; schedule: {held}")
        mark = len(h.shown)
        h.gsettings("set", APP_NOTIFICATIONS, key, "true")
        h.wait_for(lambda: h.shown[mark:], 3)
        h.spin(0.7)
        report(h.shown[mark:].count("hydration") == 1,
               f"app switch: {key} true: the held hydration reminder shown once",
               f"shown: {h.shown[mark:]}")


def main():
    # Ended by meson's timeout: still stop what was started (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    print("TAP version 13")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="limber-reminders-") as scratch:
        h = Harness(scratch)
        try:
            h.start_bus()
            h.start_dunst()
            for key, value in SETTINGS.items():
                h.gsettings("set", "io.github.limber.Limber", key, value)
            elapsed = h.start_service()
            for name, test in [("start-up", lambda: test_startup(h, elapsed)),
                               ("no bus", lambda: test_no_bus(h)),
                               ("hydration", lambda: test_hydration_shown(h)),
                               ("actions", lambda: test_actions(h)),
                               ("api", lambda: test_dbus_api(h)),
                               ("no server", lambda: test_no_server(h)),
                               ("restart", lambda: test_restart(h)),
                               ("lock", lambda: test_lock(h)),
                               ("acute", lambda: test_acute(h)),
                               ("stretch", lambda: test_stretch(h)),
                               ("away", lambda: test_away(h)),
                               ("banners", lambda: test_banners(h)),
                               ("app switch", lambda: test_app_switch(h)),
                               ("limits", lambda: test_limits(h))]:
                with case(name):
                    test()
        except Exception:
            report(False, "the private bus, dunst and the service start", traceback.format_exc())
        finally:
            h.close()
            if not all(results) and os.path.exists(h.log_path):
                comment("the service's log, last lines:")
                for line in h.log().splitlines()[-40:]:
                    comment(line)
    comment(f"took {time.monotonic() - started:.1f} s")
    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
