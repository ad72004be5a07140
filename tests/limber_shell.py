# SPDX-License-Identifier: GPL-3.0-or-later
"""GNOME Shell from a test: what it shows and where, and real pointer clicks on it.

build-aux/shell-session starts the Shell with --unsafe-mode, so org.gnome.Shell.Eval runs
JavaScript inside it. Eval is only used to *look* (which app has focus, where a button is
drawn) and to make a virtual pointer: every click is a real pointer event that goes through
Clutter's picking, as a person's would, never a method call on the control.
"""

import contextlib
import json
import time

import gi
gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

APP_ID = "io.github.limber.Limber"


class ShellError(Exception):
    pass


class Shell:
    def __init__(self):
        self.bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    def eval(self, script):
        """Runs @script in the Shell and returns its value, decoded from the JSON it sends."""
        reply = self.bus.call_sync("org.gnome.Shell", "/org/gnome/Shell", "org.gnome.Shell",
                                   "Eval", GLib.Variant("(s)", (script,)),
                                   GLib.VariantType("(bs)"), Gio.DBusCallFlags.NONE, 30000,
                                   None)
        ok, result = reply.unpack()
        if not ok:
            raise ShellError(f"{result}\nin: {script}")
        return json.loads(result) if result else None

    def reset_idle(self):
        """Counts as the person's activity (build-aux/shell-session sets
        MUTTER_DEBUG_RESET_IDLETIME): with no real input the session would otherwise go idle
        5 minutes after the Shell started, and Limber hold its reminders."""
        self.bus.call_sync("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core",
                           "org.gnome.Mutter.IdleMonitor", "ResetIdletime", None, None,
                           Gio.DBusCallFlags.NONE, 10000, None)

    # What has focus

    def focus_app(self):
        return self.eval("(() => { const a = imports.gi.Shell.WindowTracker.get_default()"
                         ".focus_app; return a ? a.get_id() : null; })()")

    def focus_title(self):
        return self.eval("(() => { const w = global.display.focus_window;"
                         " return w ? w.get_title() : null; })()")

    def app_windows(self, app_id):
        """Titles of the windows the Shell counts as @app_id's (with .desktop)."""
        return self.eval(f"""(() => {{
            const app = imports.gi.Shell.AppSystem.get_default().lookup_app({json.dumps(app_id)});
            return app ? app.get_windows().map(w => w.get_title()) : null; }})()""")

    def attention_titles(self):
        """Titles of "… is ready" notices: a window that asked for focus and was refused."""
        return self.eval("""Main.messageTray.getSources()
            .filter(s => s.constructor.name === 'WindowAttentionSource')
            .map(s => s.title)""")

    # Pointer

    def click(self, actor_js, fy=0.5):
        """A real left click in the middle of the actor @actor_js evaluates to (@fy of its
        height from the top).

        Returns the point clicked, or None when the actor is not on screen (not there yet,
        hidden or with no size): the caller waits and tries again.
        """
        return self.eval(f"""(() => {{
            const {{ Clutter, GLib }} = imports.gi;
            const actor = {actor_js};
            if (!actor || !actor.mapped || !actor.reactive || !actor.has_allocation())
                return null;
            // Not yet laid out (a banner expanding): no position to click, NaN.
            const [x, y] = actor.get_transformed_position();
            const [w, h] = actor.get_transformed_size();
            if (![x, y, w, h].every(Number.isFinite) || w < 1 || h < 1)
                return null;
            if (!global._limberPointer) {{
                const seat = Clutter.get_default_backend().get_default_seat();
                global._limberPointer =
                    seat.create_virtual_device(Clutter.InputDeviceType.POINTER_DEVICE);
            }}
            const pointer = global._limberPointer;
            const cx = Math.round(x + w / 2), cy = Math.round(y + h * {fy});
            const now = GLib.get_monotonic_time();
            pointer.notify_absolute_motion(now, cx, cy);
            pointer.notify_button(now + 20000, Clutter.BUTTON_PRIMARY,
                                  Clutter.ButtonState.PRESSED);
            pointer.notify_button(now + 60000, Clutter.BUTTON_PRIMARY,
                                  Clutter.ButtonState.RELEASED);
            return [cx, cy];
        }})()""")

    def hover(self, actor_js):
        """Moves the pointer to the middle of @actor_js; returns whether it is on screen."""
        return self.eval(f"""(() => {{
            const {{ Clutter, GLib }} = imports.gi;
            const actor = {actor_js};
            if (!actor || !actor.mapped || !actor.has_allocation())
                return false;
            const [x, y] = actor.get_transformed_position();
            const [w, h] = actor.get_transformed_size();
            if (![x, y, w, h].every(Number.isFinite))
                return false;
            if (!global._limberPointer)
                global._limberPointer = Clutter.get_default_backend().get_default_seat()
                    .create_virtual_device(Clutter.InputDeviceType.POINTER_DEVICE);
            global._limberPointer.notify_absolute_motion(GLib.get_monotonic_time(),
                                                         Math.round(x + w / 2),
                                                         Math.round(y + h / 2));
            return true;
        }})()""")

    def move_pointer(self, x, y):
        self.eval(f"""(() => {{
            const {{ Clutter, GLib }} = imports.gi;
            if (!global._limberPointer)
                global._limberPointer = Clutter.get_default_backend().get_default_seat()
                    .create_virtual_device(Clutter.InputDeviceType.POINTER_DEVICE);
            global._limberPointer.notify_absolute_motion(GLib.get_monotonic_time(), {x}, {y});
        }})()""")

    # The message tray

    BANNER = "Main.messageTray._banner"

    def banner(self):
        """The banner on screen: {title, body, buttons: [labels]}, or None."""
        return self.eval(f"""(() => {{
            const b = {self.BANNER};
            if (!b || !b.mapped)
                return null;
            const box = b._buttonBox;
            return {{ title: b.notification.title, body: b.notification.bannerBodyText,
                      buttons: box ? box.get_children().map(c => c.label) : [] }};
        }})()""")

    def click_banner_button(self, label, effect, what, timeout=30.0):
        """Clicks the banner's button @label, then waits for @effect() to be true; returns it.

        The Shell shows a banner's buttons only while the pointer is over it, as for a person.
        The click is repeated only if it was lost (the same notification still on screen
        after a while), never once it landed, so an action is not taken twice.
        """
        deadline = time.monotonic() + timeout
        while True:
            # Away first: a banner that pops up under the pointer does not expand until the
            # pointer leaves and comes back.
            self.move_pointer(640, 780)
            time.sleep(0.3)
            if self.hover(self.BANNER):
                with contextlib.suppress(TimeoutError):
                    wait_for("the banner's buttons", lambda: self.eval(
                        f"(() => {{ const b = {self.banner_button(label)};"
                        " return b && b.mapped && b.has_allocation() &&"
                        " b.get_transformed_position().every(Number.isFinite); })()"), 5)
                    self.eval(f"{self.BANNER}.notification._limberClicked = true")
                    if self.click(self.banner_button(label)):
                        try:
                            return wait_for(what, effect, 5)
                        except TimeoutError:
                            lost = self.eval(f"!!({self.BANNER} && {self.BANNER}.mapped &&"
                                             f" {self.BANNER}.notification._limberClicked)")
                            if not lost:
                                return wait_for(what, effect,
                                                max(1.0, deadline - time.monotonic()))
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what}: no effect within {timeout:.0f} s")
            time.sleep(0.2)

    def banner_button(self, label):
        return (f"({self.BANNER} && {self.BANNER}._buttonBox ? {self.BANNER}._buttonBox"
                f".get_children().find(c => c.label === {json.dumps(label)}) : null)")

    def clear_notifications(self):
        self.eval("Main.messageTray.getSources().forEach(s => s.destroy())")

    def notification_titles(self):
        """Titles of every notification the Shell holds, in the banner or the tray."""
        return self.eval("""Main.messageTray.getSources()
            .flatMap(s => s.notifications.map(n => n.title))""")


def wait_for(what, check, timeout=30.0, interval=0.1):
    """Polls @check until it returns something true and returns that; raises after @timeout."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            last = check()
        except ShellError as error:
            last = error
        if last and not isinstance(last, ShellError):
            return last
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not within {timeout:.0f} s (last: {last!r})")
        time.sleep(interval)


def click_until(shell, what, actor_js, effect, timeout=30.0, retry_after=3.0, fy=0.5):
    """Clicks @actor_js until @effect() is true (a press can be lost under load); returns it."""
    deadline = time.monotonic() + timeout
    while True:
        clicked = shell.click(actor_js, fy)
        if clicked:
            try:
                return wait_for(what, effect, timeout=min(retry_after,
                                                          max(0.1, deadline - time.monotonic())))
            except TimeoutError:
                pass
        else:
            time.sleep(0.1)
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: no effect within {timeout:.0f} s of clicking")
