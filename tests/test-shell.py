#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Limber inside a real GNOME Shell (build-aux/shell-session starts it; see the top of that
# script): what a person does on the desktop, with real pointer clicks on what the Shell draws
# (tests/limber_shell.py). The installed Limber and limber-reminders run, as the app grid and
# D-Bus activation start them. The reminder service's clock runs 300 times faster, so a
# 15-minute interval is 3 s.
#
# TAP output. Usage: test-shell.py GROUP, GROUP one of: launch reminders activation presence
# media
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback

from gi.repository import Gio, GLib
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from limber_shell import APP_ID, Shell, click_until, wait_for  # noqa: E402
from limber_tap import end, report, results, skip  # noqa: E402

SRCDIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREFIX = os.environ.get("LIMBER_SHELL_PREFIX")
DESKTOP = APP_ID + ".desktop"
NAME = "io.github.limber.Limber.Reminders"
PATH = "/io/github/limber/Limber/Reminders"
IFACE = "io.github.limber.Limber.Reminders1"
MPRIS = "org.mpris.MediaPlayer2.Limber"
SCALE = 300
# Mutter's idle monitor calls the session idle after this long without input (real time).
IDLE_MS = 4000
WATER = "Time for a glass of water"
POSTURE = "Time to change position"
PER_APP = ("org.gnome.desktop.notifications.application",
           "/org/gnome/desktop/notifications/application/io-github-limber-limber/")
# A second app to have focus first: a plain GTK window, its own app for the Shell.
OTHER_APP = """
imports.gi.versions.Gtk = '4.0';
const { Gio, GLib, Gtk } = imports.gi;
const app = new Gtk.Application({ application_id: 'org.example.LimberTestOther',
                                  flags: Gio.ApplicationFlags.NON_UNIQUE });
app.connect('activate', () => {
    const win = new Gtk.ApplicationWindow({ application: app, title: 'Other app',
                                            default_width: 600, default_height: 400 });
    win.present();
});
app.run([]);
"""


def comment(text):
    for line in str(text).splitlines():
        print(f"# {line}")
    sys.stdout.flush()


@contextlib.contextmanager
def case(name):
    """A group of checks: an exception in it is one failure, and the next group runs."""
    comment(f"--- {name}")
    try:
        yield
    except Exception:
        report(False, f"{name}: no exception", traceback.format_exc())


class Desktop:
    """The Shell, Limber and its reminder service, and what a test starts beside them."""

    def __init__(self, scratch):
        self.scratch = scratch
        self.shell = Shell()
        self.bus = self.shell.bus
        self.processes = []
        self.service = None
        self.shown = []
        self.bus.signal_subscribe(None, IFACE, "ReminderShown", PATH, None,
                                  Gio.DBusSignalFlags.NONE,
                                  lambda *a: self.shown.append(a[5].unpack()[0]))

    def close(self):
        for proc in reversed(self.processes):
            end(proc)
        self.quit_limber()
        self.stop_other_service()
        self.shell.clear_notifications()

    def stop_other_service(self):
        """Ends a reminder service that D-Bus started for Limber (with the normal clock)."""
        if self.has_owner(NAME):
            with contextlib.suppress(Exception):
                os.kill(self.owner_pid(NAME), signal.SIGTERM)
            wait_for("the other reminder service gone", lambda: not self.has_owner(NAME), 10)
        self.shell.clear_notifications()

    # Settings (dconf, shared with the Shell and the service)

    def gsettings(self, *args):
        out = subprocess.run(["gsettings", *args], capture_output=True, text=True, timeout=20)
        if out.returncode != 0:
            raise RuntimeError(f"gsettings {' '.join(args)}: {out.stderr}")
        return out.stdout.strip()

    def settings(self, **values):
        for key, value in values.items():
            self.gsettings("set", APP_ID, key.replace("_", "-"), value)

    # The reminder service

    def start_service(self, idle_ms=None, **settings):
        base = dict(active_start="0", active_end="1440",
                    active_days="['monday', 'tuesday', 'wednesday', 'thursday', 'friday', "
                                "'saturday', 'sunday']",
                    hydration_enabled="false", hydration_interval="15",
                    posture_enabled="false", posture_interval="20",
                    walk_enabled="false", snooze_minutes="120")
        self.settings(**dict(base, **settings))
        self.stop_other_service()
        # Its fast clock starts at 09:00 UTC today: at 300 times real time it would otherwise
        # cross midnight within minutes when the suite runs late in the day, and a new day
        # starts the water count afresh.
        real = int(time.time())
        morning = real - real % 86400 + 9 * 3600
        env = dict(os.environ, LIMBER_DEBUG_TIME_SCALE=str(SCALE), G_MESSAGES_DEBUG="all",
                   LIMBER_DEBUG_TIME_START=f"{morning}@{real}", TZ="UTC")
        if idle_ms is not None:
            env["LIMBER_DEBUG_IDLE_MS"] = str(idle_ms)
        self.service_log = os.path.join(self.scratch, "service.log")
        self.service = subprocess.Popen([os.path.join(PREFIX, "bin", "limber-reminders")],
                                        env=env, stdout=open(self.service_log, "a"),
                                        stderr=subprocess.STDOUT)
        self.processes.append(self.service)
        # Ours, not one D-Bus started for Limber without the fast clock.
        wait_for("the reminder service on the bus",
                 lambda: self.has_owner(NAME) and self.owner_pid(NAME) == self.service.pid, 20)

    def owner_pid(self, name):
        reply = self.bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                   "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                   GLib.Variant("(s)", (name,)), None,
                                   Gio.DBusCallFlags.NONE, 5000, None)
        return reply.unpack()[0]

    def service_text(self):
        with open(self.service_log) as f:
            return f.read()

    def has_owner(self, name):
        reply = self.bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                   "org.freedesktop.DBus", "NameHasOwner",
                                   GLib.Variant("(s)", (name,)), None,
                                   Gio.DBusCallFlags.NONE, 5000, None)
        return reply.unpack()[0]

    def service_property(self, name):
        reply = self.bus.call_sync(NAME, PATH, "org.freedesktop.DBus.Properties", "Get",
                                   GLib.Variant("(ss)", (IFACE, name)), None,
                                   Gio.DBusCallFlags.NONE, 5000, None)
        return reply.unpack()[0]

    def schedule(self):
        reply = self.bus.call_sync(NAME, PATH, IFACE, "GetSchedule", None, None,
                                   Gio.DBusCallFlags.NONE, 5000, None)
        return {kind: dict(enabled=enabled, due=due, interval=interval, held=held)
                for kind, enabled, due, interval, held in reply.unpack()[0]}

    def pump(self):
        """Delivers the bus signals received so far (ReminderShown)."""
        context = GLib.MainContext.default()
        while context.iteration(False):
            pass

    def shown_count(self, kind):
        self.pump()
        return self.shown.count(kind)

    # Apps

    def limber_pids(self):
        return self.shell.eval(f"""(() => {{
            const app = imports.gi.Shell.AppSystem.get_default().lookup_app('{DESKTOP}');
            return app ? app.get_pids() : []; }})()""")

    def quit_limber(self):
        """Ends Limber however it was started (app grid, D-Bus activation)."""
        with contextlib.suppress(Exception):
            self.bus.call_sync(APP_ID, "/io/github/limber/Limber", "org.gtk.Actions",
                               "Activate", GLib.Variant("(sava{sv})", ("quit", [], {})), None,
                               Gio.DBusCallFlags.NO_AUTO_START, 5000, None)
        with contextlib.suppress(TimeoutError):
            wait_for("Limber gone", lambda: not self.has_owner(APP_ID), 10)
        for pid in self.limber_pids() or []:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        wait_for("Limber's windows gone", lambda: not self.shell.app_windows(DESKTOP), 10)

    def start_other_app(self):
        """A second app, focused: what a person was doing when the reminder came."""
        script = os.path.join(self.scratch, "other.js")
        with open(script, "w") as f:
            f.write(OTHER_APP)
        proc = subprocess.Popen(["gjs", script], stdout=subprocess.DEVNULL,
                                stderr=open(os.path.join(self.scratch, "other.log"), "a"))
        self.processes.append(proc)
        wait_for("the other app focused", lambda: self.shell.focus_title() == "Other app", 30)
        return proc

    def start_limber_behind(self):
        """Limber running with its window open, then another app focused over it."""
        self.bus.call_sync(APP_ID, "/io/github/limber/Limber", "org.freedesktop.Application",
                           "Activate", GLib.Variant("(a{sv})", ({},)), None,
                           Gio.DBusCallFlags.NONE, 30000, None)
        wait_for("Limber's window", lambda: self.shell.app_windows(DESKTOP), 30)
        self.start_other_app()

    def wait_banner(self, title, timeout=60):
        return wait_for(f"the banner “{title}”",
                        lambda: (b := self.shell.banner()) and b["title"] == title and b,
                        timeout)

    def click_banner_button(self, label, effect, what):
        return self.shell.click_banner_button(label, effect, what)


def limber_focused(shell):
    return shell.focus_app() == DESKTOP


# Groups


def test_launch(d):
    shell = d.shell
    with case("launch from the app grid"):
        shell.eval("Main.overview.showApps()")
        icon = ("Main.overview._overview._controls._appDisplay._orderedItems"
                f".find(i => i.id === '{DESKTOP}')")
        name = wait_for("Limber in the app grid",
                        lambda: shell.eval(f"(() => {{ const i = {icon};"
                                           " return i && i.mapped ? i.name : null; })()"), 30)
        report(name == "Limber", "the app grid shows Limber under its name", name)
        has_icon = shell.eval(f"""(() => {{ const i = {icon};
            const g = i.app.get_app_info().get_icon();
            return g ? g.to_string() : null; }})()""")
        report(has_icon == APP_ID, "with its own icon", has_icon)
        start = time.monotonic()
        try:
            # A cold start on a busy machine (the GL shader cache is empty in a new home) can
            # take most of a minute.
            click_until(shell, "Limber opens", icon, lambda: shell.app_windows(DESKTOP), 120)
        except TimeoutError:
            comment("windows: " + str(shell.eval("""global.get_window_actors().map(a => {
                const w = a.meta_window;
                const app = imports.gi.Shell.WindowTracker.get_default().get_window_app(w);
                return [w.get_title(), w.get_wm_class(), app ? app.get_id() : null]; })""")))
            comment("app state: " + str(shell.eval(f"""(() => {{ const a = imports.gi.Shell
                .AppSystem.get_default().lookup_app('{DESKTOP}'); return a ? a.state : null; }})()""")))
            raise
        wait_for("Limber focused", lambda: limber_focused(shell), 30)
        comment(f"window focused {time.monotonic() - start:.1f} s after the click")
        report(True, "a click on its icon opens Limber, focused, tracked as " + DESKTOP)
        report(not shell.eval("Main.overview.visible"), "and the overview closes")
        titles = shell.app_windows(DESKTOP)
        report(titles == ["Limber"], "one window, “Limber”, belongs to the app", titles)


def test_reminders(d):
    shell = d.shell
    d.start_service(hydration_enabled="true", hydration_interval="60")

    with case("a water reminder in the message tray"):
        banner = d.wait_banner(WATER)
        report(banner["buttons"] == ["I Drank a Glass", "Snooze"],
               "the banner has I Drank a Glass and Snooze", banner)
        source = shell.eval("(() => { const s = Main.messageTray._banner.notification.source;"
                            " return [s.title, s.app ? s.app.get_id() : null]; })()")
        report(source[0] == "Limber", "under Limber's name", source)
        report(source[1] == DESKTOP, "and the app's icon (the source is Limber's app)", source)

    with case("I Drank a Glass"):
        before = d.service_property("WaterToday")
        d.click_banner_button("I Drank a Glass",
                              lambda: d.service_property("WaterToday") == before + 1,
                              "the glass counted")
        report(True, "a click on I Drank a Glass counts a glass")
        time.sleep(1)  # a second glass from a retried click would have come by now
        report(d.service_property("WaterToday") == before + 1, "once",
               f"WaterToday {d.service_property('WaterToday')}, before {before}")

    with case("Snooze"):
        d.wait_banner(WATER)
        due_before = d.schedule()["hydration"]["due"]
        d.click_banner_button("Snooze",
                              lambda: d.schedule()["hydration"]["due"] > due_before + 60 * 60,
                              "the reminder snoozed")
        due = d.schedule()["hydration"]["due"]
        report(True, "a click on Snooze puts the next water reminder 2 hours off",
               f"due moved by {due - due_before} s")


def test_activation(d):
    shell = d.shell
    d.start_service(posture_enabled="true", posture_interval="30")
    d.start_limber_behind()

    with case("Stretch Now over another focused app"):
        banner = d.wait_banner(POSTURE)
        report(banner["buttons"] == ["Stretch Now", "Snooze"],
               "the posture banner has Stretch Now and Snooze", banner)
        report(shell.focus_title() == "Other app", "the other app has focus before the click")
        start = time.monotonic()
        d.click_banner_button("Stretch Now", lambda: limber_focused(shell),
                              "Limber focused after Stretch Now")
        comment(f"Limber focused {time.monotonic() - start:.2f} s after the click")
        report(True, "a click on Stretch Now brings Limber's window to the front, focused")
        playing = wait_for("the routine playing", lambda: d.has_owner(MPRIS) and d.bus.call_sync(
            MPRIS, "/org/mpris/MediaPlayer2", "org.freedesktop.DBus.Properties", "Get",
            GLib.Variant("(ss)", ("org.mpris.MediaPlayer2.Player", "PlaybackStatus")), None,
            Gio.DBusCallFlags.NONE, 5000, None).unpack()[0] == "Playing", 60)
        report(playing, "and the routine plays")
        stacked = shell.eval("""global.display.sort_windows_by_stacking(
            global.display.get_tab_list(0, null)).map(w => w.get_title()).reverse()[0]""")
        report(stacked == "Limber", "on top of the other app's window", stacked)
        attention = shell.attention_titles()
        report(not attention, "and no “is ready” notice instead", attention)

    with case("the body of the notification over another focused app"):
        shell.eval("""global.display.get_tab_list(0, null)
            .find(w => w.get_title() === 'Other app')
            .activate(global.get_current_time())""")
        wait_for("the other app focused again", lambda: shell.focus_title() == "Other app", 20)
        d.wait_banner(POSTURE)
        # The body: the banner's upper part, its title and text, away from its buttons.
        click_until(shell, "Limber focused after a click on the body", shell.BANNER,
                    lambda: limber_focused(shell), fy=0.2)
        report(True, "a click on the body brings Limber to the front, focused")
        attention = shell.attention_titles()
        report(not attention, "and no “is ready” notice instead", attention)


class Active:
    """Input every second (ResetIdletime, from a thread so that no wait starves it) while it
    lasts: the person at the computer, so that the idle monitor holds nothing meanwhile."""

    def __init__(self, shell):
        self.shell = shell
        self.stop = None

    def __enter__(self):
        self.shell.reset_idle()
        self.stop = threading.Event()
        stop = self.stop

        def run():
            while not stop.wait(1.0):
                with contextlib.suppress(Exception):
                    self.shell.reset_idle()
        threading.Thread(target=run, daemon=True).start()
        return self

    def __exit__(self, *args):
        if self.stop is not None:
            self.stop.set()
            self.stop = None


def sleep_pumping(d, seconds):
    """Waits @seconds while the main loop runs (bus signals, Active's input)."""
    deadline = time.monotonic() + seconds
    context = GLib.MainContext.default()
    while time.monotonic() < deadline:
        context.iteration(False)
        time.sleep(0.05)


def hold_and_release(d, what, hold, release, kind="hydration", interval_s=3.0):
    """@hold() for 2.5 intervals: nothing shown or recorded, @kind held; @release(): the
    held reminder shown once, in the Shell's message tray too."""
    shell = d.shell
    shell.reset_idle()
    hold()
    # The hold has taken effect once a reminder that fell due is held back (the service sees
    # the change through dconf or a bus signal, later on a busy machine); one shown before
    # that is not counted.
    wait_for(f"{what}: a {kind} reminder held", lambda: d.schedule()[kind]["held"],
             20 + 2 * interval_s)
    shell.clear_notifications()
    mark = d.shown_count(kind)
    sleep_pumping(d, 2.5 * interval_s)
    held = d.schedule()[kind]
    count = d.shown_count(kind) - mark
    report(count == 0 and held["held"], f"{what}: no {kind} reminder shown or recorded, held",
           f"shown {count}; schedule {held}")
    report(not shell.banner(), f"{what}: and no banner in the Shell", shell.banner())
    mark = d.shown_count(kind)
    release()
    shell.reset_idle()
    wait_for("the held reminder", lambda: d.shown_count(kind) > mark, 20)
    time.sleep(0.25 * interval_s)
    count = d.shown_count(kind) - mark
    report(count == 1, f"{what}: after, the held reminder shown once", f"shown {count}")
    banner = wait_for("its banner", lambda: shell.banner(), 20)
    report(banner["title"] == WATER, f"{what}: as a banner in the Shell", banner)


def test_presence(d):
    shell = d.shell
    active = Active(shell).__enter__()
    d.start_service(idle_ms=IDLE_MS, hydration_enabled="true", hydration_interval="15")
    d.wait_banner(WATER)


    with case("Do Not Disturb"):
        hold_and_release(
            d, "Do Not Disturb",
            lambda: d.gsettings("set", "org.gnome.desktop.notifications", "show-banners",
                                "false"),
            lambda: d.gsettings("set", "org.gnome.desktop.notifications", "show-banners",
                                "true"))

    with case("Limber's notifications off in Settings"):
        switch = ":".join(PER_APP)
        for key in ("enable", "show-banners"):
            hold_and_release(d, f"{key} off for Limber",
                             lambda: d.gsettings("set", switch, key, "false"),
                             lambda: d.gsettings("set", switch, key, "true"))

    with case("the screen locked"):
        # Lock answers once the shield is up, which takes seconds on a busy machine.
        def screensaver(method, *args):
            signature = "(b)" if args else None
            reply = d.bus.call_sync("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver",
                                    "org.gnome.ScreenSaver", method,
                                    GLib.Variant(signature, args) if args else None, None,
                                    Gio.DBusCallFlags.NONE, 60000, None)
            return reply.unpack()[0] if reply and reply.n_children() else None

        def lock():
            # A Shell that came up on its second start may answer Lock with its own time-out
            # while the shield still goes up: the effect is what counts, and SetActive is the
            # other way in.
            for method, args in (("Lock", ()), ("SetActive", (True,))):
                try:
                    screensaver(method, *args)
                except GLib.Error as error:
                    comment(f"ScreenSaver.{method}: {error.message}")
                try:
                    wait_for("the screen locked", lambda: screensaver("GetActive"), 20)
                    return
                except TimeoutError:
                    continue
            raise TimeoutError("the screen never locked")

        def unlock():
            screensaver("SetActive", False)
            wait_for("the screen unlocked", lambda: not screensaver("GetActive"), 20)

        hold_and_release(d, "locked", lock, unlock)

    with case("idle"):
        def go_idle():
            active.__exit__()
            # Mutter's idle watch fires for real once there was no input for IDLE_MS.
            time.sleep(IDLE_MS / 1000 + 1)

        def come_back():
            active.__enter__()

        hold_and_release(d, "idle", go_idle, come_back)
    active.__exit__()


def test_media(d):
    shell = d.shell
    player = "org.mpris.MediaPlayer2.Player"

    def mpris(name):
        reply = d.bus.call_sync(MPRIS, "/org/mpris/MediaPlayer2",
                                "org.freedesktop.DBus.Properties", "Get",
                                GLib.Variant("(ss)", (player, name)), None,
                                Gio.DBusCallFlags.NONE, 5000, None)
        return reply.unpack()[0]

    d.bus.call_sync(APP_ID, "/io/github/limber/Limber", "org.freedesktop.Application",
                    "ActivateAction",
                    GLib.Variant("(sava{sv})", ("start-routine",
                                                [GLib.Variant("s", "gentle-relief")], {})),
                    None, Gio.DBusCallFlags.NONE, 30000, None)
    wait_for("Limber playing", lambda: d.has_owner(MPRIS) and mpris("PlaybackStatus") ==
             "Playing", 60)
    title = mpris("Metadata").get("xesam:title")
    section = "Main.panel.statusArea.dateMenu._messageList._mediaSection"
    message = f"{section}._messages[0]"

    with case("the media controls in the calendar"):
        click_until(shell, "the calendar open", "Main.panel.statusArea.dateMenu",
                    lambda: shell.eval("Main.panel.statusArea.dateMenu.menu.isOpen"))
        shown = wait_for("Limber in the media controls", lambda: shell.eval(
            f"(() => {{ const m = {message}; return m && m.mapped ?"
            " [m._player.trackTitle, m._player._busName] : null; })()"), 30)
        report(shown[0] == title, "the media controls show the exercise", shown)
        icon = shell.eval(f"(() => {{ const i = {message}._icon; return i.gicon &&"
                          " i.gicon.get_file ? i.gicon.get_file().get_path() : i.icon_name; })()")
        report(icon and icon.startswith(os.environ.get("XDG_CACHE_HOME", "~")) and
               icon.endswith(".png") and os.path.exists(icon),
               "with the exercise's figure rather than a music note", icon)
        click_until(shell, "paused", f"{message}._playPauseButton",
                    lambda: mpris("PlaybackStatus") == "Paused")
        report(True, "their pause button pauses the routine")
        click_until(shell, "playing", f"{message}._playPauseButton",
                    lambda: mpris("PlaybackStatus") == "Playing")
        report(True, "and play plays it again")
        click_until(shell, "the next exercise", f"{message}._nextButton",
                    lambda: mpris("Metadata").get("xesam:title") != title)
        report(True, "next goes to the next exercise",
               f"{title} → {mpris('Metadata').get('xesam:title')}")
        shell.eval("Main.panel.statusArea.dateMenu.menu.close()")


def main():
    group = sys.argv[1]
    if not PREFIX or "WAYLAND_DISPLAY" not in os.environ:
        skip(f"shell: {group}", "not inside build-aux/shell-session")
        print(f"1..{len(results)}")
        return 0

    with tempfile.TemporaryDirectory() as scratch:
        d = Desktop(scratch)
        d.shell.reset_idle()
        try:
            globals()["test_" + group](d)
        except Exception:
            report(False, f"{group}: no exception", traceback.format_exc())
        finally:
            if d.service is not None and not all(results):
                comment("service log:\n" + d.service_text())
            d.close()

    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
