# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reading and operating the running app over AT-SPI, as a screen reader does; shared by
# tests/test-a11y.py and tests/test-languages.py. Every step waits for its effect: with GTK 4.8,
# DoAction returns before the click lands, so a press is repeated until its effect comes.
# The importer must have removed G_DEBUG from its environment before importing this (libatspi's
# own warnings must not abort the test).
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402


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
    """Presses the node of @role named @name (or whose name satisfies @name, if it is callable)
    until @effect() is true, and returns whether it came. With GTK 4.8, DoAction returns before
    the click lands (about 250 ms later), and under load a press can be lost: each press is
    given @settle seconds to take effect, and is repeated if it did not."""
    matches = name if callable(name) else (lambda text: text == name)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        node = wait_for(app, role, matches, timeout=max(0.1, end - time.monotonic()))
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


def press_menu(app, name, effect, timeout=30, settle=3):
    """Opens the menu of the menu button named @name until @effect() is true. GTK 4.8 shows a
    menu button twice by that name: the menu button, with no action, then the toggle inside it,
    which opens the menu."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for node in walk(app):
            try:
                if (node.get_role() != Atspi.Role.PUSH_BUTTON or node.get_name() != name or
                        not showing(node)):
                    continue
                action = node.get_action_iface()
                if action is None or action.get_n_actions() == 0:
                    continue
                action.do_action(0)
            except gi.repository.GLib.Error:
                continue
            settled = min(end, time.monotonic() + settle)
            while time.monotonic() < settled:
                if effect():
                    return True
                time.sleep(0.05)
            break
        time.sleep(0.2)
    return effect()


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


def response(label):
    """Matches the name of an AdwMessageDialog's response button. libadwaita 1.2 names them
    with the mnemonic and the plain label both ("_Keep Going Keep Going"): accepted, so that
    the tests test the app rather than the toolkit."""
    def matches(text):
        mnemonic, _, plain = text.rpartition(" " + label)
        return text == label or (plain == "" and mnemonic.replace("_", "") == label)
    return matches
