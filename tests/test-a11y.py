#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The running app as a screen reader sees it, over the real accessibility bus (AT-SPI): find
# the app, press its buttons through their accessible actions, and read its labels. Run in
# English to an emergency result, and in Brazilian Portuguese to show the translated UI.
# TAP output. Usage: test-a11y.py path/to/limber
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
# not: a warning of libatspi's own (a cache that went away with an app that quit) must not
# abort the test. GLib reads G_DEBUG when it loads, so this comes before importing gi.
APP_ENV = dict(os.environ)
os.environ.pop("G_DEBUG", None)

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

LIMBER = sys.argv[1]
results = []


def report(ok, what, detail=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {what}")
    if not ok and detail:
        for line in str(detail).splitlines():
            print(f"# {line}")
    sys.stdout.flush()


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.get_child_count()):
        try:
            yield from walk(node.get_child_at_index(i), depth + 1)
        except gi.repository.GLib.Error:
            continue


def find_app(pid, timeout=30):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except gi.repository.GLib.Error:
                pass
        time.sleep(0.2)
    return None


def showing(node):
    # GTK 4.8 sets VISIBLE but not SHOWING on its accessible objects.
    return node.get_state_set().contains(Atspi.StateType.VISIBLE)


def wait_for(app, role, predicate, timeout=15):
    """The first showing node of @role whose name or text satisfies @predicate."""
    end = time.monotonic() + timeout
    while True:   # at least one look, even with no time left
        for node in walk(app):
            try:
                if node.get_role() != role or not showing(node):
                    continue
                text = node.get_name() or ""
                if role == Atspi.Role.LABEL and not text:
                    iface = node.get_text_iface()
                    if iface is not None:
                        text = iface.get_text(0, -1)
                if predicate(text):
                    return node
            except gi.repository.GLib.Error:
                continue
        if time.monotonic() >= end:
            return None
        time.sleep(0.2)


def act(app, role, name, effect, timeout=30, settle=3):
    """Presses the node of @role named @name until @effect() is true, and returns whether it
    came. With GTK 4.8, DoAction returns before the click lands (about 250 ms later), and under
    load a press can be lost: each press is given @settle seconds to take effect, and is
    repeated if it did not."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        node = wait_for(app, role, lambda text: text == name, timeout=max(0.1, end - time.monotonic()))
        if node is None:
            return False
        try:
            action = node.get_action_iface()
            if action is None:
                return False
            action.do_action(0)
        except gi.repository.GLib.Error:
            pass   # the node went away under us: look again
        settled = min(end, time.monotonic() + settle)
        while time.monotonic() < settled:
            if effect():
                return True
            time.sleep(0.05)
        if effect():
            return True
    return False


def press(app, name, effect):
    """Presses the showing button named @name until @effect() is true."""
    return act(app, Atspi.Role.PUSH_BUTTON, name, effect)


def selected_tab(app, name):
    """Whether a page switcher's tab named @name is the selected one."""
    for node in walk(app):
        try:
            if (node.get_role() == Atspi.Role.PAGE_TAB and node.get_name() == name and
                    node.get_state_set().contains(Atspi.StateType.SELECTED)):
                return True
        except gi.repository.GLib.Error:
            continue
    return False


def show_page(app, name):
    """Switches pages the way a screen reader user does: the page switcher's tab."""
    return act(app, Atspi.Role.PAGE_TAB, name, lambda: selected_tab(app, name))


def shows(app, role, predicate):
    """An effect: a showing node of @role whose text satisfies @predicate is there now."""
    return lambda: wait_for(app, role, predicate, timeout=0) is not None


def label(app, predicate):
    return shows(app, Atspi.Role.LABEL, predicate)


def launch(env_updates, *args):
    env = dict(APP_ENV)
    env.update(env_updates)
    return subprocess.Popen([LIMBER, *args], env=env)


def end(proc):
    """Ends the app however it is doing: asked first, killed if it does not go."""
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


ENGLISH = {"LC_ALL": "C.UTF-8", "LANGUAGE": ""}


def fresh_records():
    """A data folder of its own: the check runs record an emergency, and with warning signs
    standing the care plan rightly lets no routine start."""
    folder = tempfile.mkdtemp(prefix="limber-a11y-")
    atexit.register(shutil.rmtree, folder, True)
    return {"XDG_DATA_HOME": folder}


PORTUGUESE = {"LC_ALL": "pt_BR.UTF-8", "LANG": "pt_BR.UTF-8", "LANGUAGE": "pt_BR"}


@contextlib.contextmanager
def running_app(what, env_updates, *args):
    """Runs Limber and yields it as seen over AT-SPI (None if it never appeared), reported as
    @what; the process is ended afterwards."""
    proc = launch(env_updates, *args)
    try:
        app = find_app(proc.pid)
        report(app is not None, what)
        yield app
        report(proc.poll() is None, f"{what}: still running at the end",
               f"exit status {proc.returncode}")
    finally:
        end(proc)


def run_english():
    with running_app("the app is on the accessibility bus", ENGLISH) as app:
        if app is None:
            return
        # The window opens on Today; the check is its own page.
        report(show_page(app, "Check"), "the Check tab selects the Check page")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Check Your Symptoms") is not None,
               "the start screen is read out")
        first = label(app, lambda t: t.startswith("Have you lost control"))
        report(press(app, "Start Check", first),
               "'Start Check' is a button with that name, and shows the first question")
        report(first(), "the first question is a label the screen reader reads")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Question 1 of 12") is not None,
               "progress is read out")
        report(press(app, "No", label(app, lambda t: t.startswith("Is there numbness"))),
               "answer No: the second question follows")
        report(press(app, "Previous Question", first),
               "'Previous Question' is a button with that name, and goes back")
        report(first(), "Back returns to the first question")
        emergency = label(app, lambda t: t.startswith("Emergency"))
        report(press(app, "Yes", emergency), "answer Yes to an emergency question")
        report(emergency(), "the result heading starts with 'Emergency'")
        report(wait_for(app, Atspi.Role.LABEL,
                        lambda t: "Call your local emergency number" in t) is not None,
               "the emergency advice is read out")
        report(wait_for(app, Atspi.Role.PUSH_BUTTON, lambda t: t == "Main Menu") is not None,
               "the main menu button has a name")


def run_player():
    # Someone lying on the floor may use a screen reader: the player must be operable by it.
    with running_app("player: the app is on the accessibility bus",
                     {**ENGLISH, **fresh_records(), "LIMBER_DEBUG_TIME_SCALE": "4"},
                     "--routine=gentle-relief") as app:
        if app is None:
            return
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Knee to chest") is not None,
               "player: the exercise's name is read out")
        ring = wait_for(app, Atspi.Role.PROGRESS_BAR, lambda t: t == "Time left")
        report(ring is not None, "player: the countdown is a progress bar named 'Time left'")
        for name in ("Previous exercise", "Next exercise", "Stop", "It Hurts"):
            report(wait_for(app, Atspi.Role.PUSH_BUTTON, lambda t, n=name: t == n) is not None,
                   f"player: a button named '{name}'")
        resume = shows(app, Atspi.Role.PUSH_BUTTON, lambda t: t == "Resume")
        report(press(app, "Pause", resume), "player: 'Pause' is a button with that name")
        report(resume(), "player: once paused, the same button is named 'Resume'")
        stopped = label(app, lambda t: t == "Stopped Because It Hurts")
        report(press(app, "It Hurts", stopped), "player: press 'It Hurts'")
        report(stopped(), "player: the finish screen says it stopped because it hurts")
        # GTK 4.8 gives toggle buttons the push button role, with a pressed state.
        report((wait_for(app, Atspi.Role.PUSH_BUTTON, lambda t: t == "10, worst pain")
                or wait_for(app, Atspi.Role.TOGGLE_BUTTON, lambda t: t == "10, worst pain", 1))
               is not None, "player: the pain rating is a row of buttons, 0 to 10, named at the ends")


def run_portuguese():
    with running_app("pt_BR: the app is on the accessibility bus", PORTUGUESE) as app:
        if app is None:
            return
        report(show_page(app, "Verificação"), "pt_BR: the 'Verificação' tab selects the page")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Verifique seus sintomas")
               is not None, "pt_BR: the start screen is in Portuguese")
        question = label(app, lambda t: t == "Pergunta 1 de 12")
        report(press(app, "Iniciar verificação", question), "pt_BR: 'Iniciar verificação' button")
        report(question(), "pt_BR: the question screen is in Portuguese")
        emergency = label(app, lambda t: t.startswith("Emergência"))
        report(press(app, "Sim", emergency), "pt_BR: answer 'Sim'")
        report(emergency(), "pt_BR: the emergency heading is in Portuguese")

    # The player in Portuguese, with the catalog's own text translated too.
    with running_app("pt_BR player: the app is on the accessibility bus",
                     {**PORTUGUESE, **fresh_records()}, "--routine=gentle-relief") as app:
        if app is None:
            return
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Joelho ao peito") is not None,
               "pt_BR player: the exercise's name comes translated from the catalog")
        report(wait_for(app, Atspi.Role.PUSH_BUTTON, lambda t: t == "Pausar") is not None,
               "pt_BR player: the Pause button is named in Portuguese")


PLANNED = 39


def main():
    # Ended by meson's timeout: still end the app (the finally blocks above).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    print(f"1..{PLANNED}")
    Atspi.init()
    run_english()
    run_player()
    run_portuguese()
    return 0 if all(results) and len(results) == PLANNED else 1


if __name__ == "__main__":
    sys.exit(main())
