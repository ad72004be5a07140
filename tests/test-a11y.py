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
import subprocess
import sys
import tempfile
import time

# Fatal warnings are for the app, not for this screen-reader side: libatspi warns when an
# object it was told about is already gone (a race of the AT-SPI cache), which says nothing
# about Limber. The app started below gets the suite's G_DEBUG back.
APP_G_DEBUG = os.environ.get("G_DEBUG")
os.environ["G_DEBUG"] = "gc-friendly"

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
    while time.monotonic() < end:
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
        time.sleep(0.2)
    return None


def press(app, name):
    button = wait_for(app, Atspi.Role.PUSH_BUTTON, lambda text: text == name)
    if button is None:
        return False
    action = button.get_action_iface()
    return action is not None and action.do_action(0)


def show_page(app, name):
    """Switches pages the way a screen reader user does: the page switcher's tab."""
    button = wait_for(app, Atspi.Role.PAGE_TAB, lambda text: text == name)
    action = button.get_action_iface() if button is not None else None
    return action is not None and action.do_action(0)


def launch(env_updates, *args):
    env = dict(os.environ)
    if APP_G_DEBUG is not None:
        env["G_DEBUG"] = APP_G_DEBUG
    env.update(env_updates)
    return subprocess.Popen([LIMBER, *args], env=env)


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
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def run_english():
    with running_app("the app is on the accessibility bus", ENGLISH) as app:
        if app is None:
            return
        # The window opens on Today; the check is its own page.
        show_page(app, "Check")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Check Your Symptoms") is not None,
               "the start screen is read out")
        report(press(app, "Start Check"), "'Start Check' is a button with that name")
        question = wait_for(app, Atspi.Role.LABEL, lambda t: t.startswith("Have you lost control"))
        report(question is not None, "the first question is a label the screen reader reads")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Question 1 of 12") is not None,
               "progress is read out")
        report(press(app, "No"), "answer No")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t.startswith("Is there numbness"))
               is not None, "the second question follows")
        report(press(app, "Back"), "the icon-only Back button has a name")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t.startswith("Have you lost control"))
               is not None, "Back returns to the first question")
        report(press(app, "Yes"), "answer Yes to an emergency question")
        heading = wait_for(app, Atspi.Role.LABEL, lambda t: t.startswith("Emergency"))
        report(heading is not None, "the result heading starts with 'Emergency'")
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
        for name in ("Previous exercise", "Next exercise", "Stop", "It hurts"):
            report(wait_for(app, Atspi.Role.PUSH_BUTTON, lambda t, n=name: t == n) is not None,
                   f"player: a button named '{name}'")
        report(press(app, "Pause"), "player: 'Pause' is a button with that name")
        report(wait_for(app, Atspi.Role.PUSH_BUTTON, lambda t: t == "Resume") is not None,
               "player: once paused, the same button is named 'Resume'")
        report(press(app, "It hurts"), "player: press 'It hurts'")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Stopped Because It Hurts")
               is not None, "player: the finish screen says it stopped because it hurts")
        report(wait_for(app, Atspi.Role.SLIDER, lambda t: t.startswith("How is your pain now"))
               is not None, "player: the pain rating is a slider named by its question")


def run_portuguese():
    with running_app("pt_BR: the app is on the accessibility bus", PORTUGUESE) as app:
        if app is None:
            return
        show_page(app, "Verificação")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Verifique seus sintomas")
               is not None, "pt_BR: the start screen is in Portuguese")
        report(press(app, "Iniciar verificação"), "pt_BR: 'Iniciar verificação' button")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Pergunta 1 de 12") is not None,
               "pt_BR: the question screen is in Portuguese")
        report(press(app, "Sim"), "pt_BR: answer 'Sim'")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t.startswith("Emergência")) is not None,
               "pt_BR: the emergency heading is in Portuguese")

    # The player in Portuguese, with the catalog's own text translated too.
    with running_app("pt_BR player: the app is on the accessibility bus",
                     {**PORTUGUESE, **fresh_records()}, "--routine=gentle-relief") as app:
        if app is None:
            return
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Joelho ao peito") is not None,
               "pt_BR player: the exercise's name comes translated from the catalog")
        report(wait_for(app, Atspi.Role.PUSH_BUTTON, lambda t: t == "Pausar") is not None,
               "pt_BR player: the Pause button is named in Portuguese")


def main():
    print("1..34")
    Atspi.init()
    run_english()
    run_player()
    run_portuguese()
    return 0 if all(results) and len(results) == 34 else 1


if __name__ == "__main__":
    sys.exit(main())
