#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The routine editor as a screen reader user works it, over the real accessibility bus
# (AT-SPI): New Routine on the Stretch page, showing no problem before anything is typed, a name
# typed, two exercises added with their Add buttons, numbers typed into spin buttons that say
# their unit, an out-of-range hold refused on Save at its field in the field's own words, the
# steps reordered with a Move Up button, Save. The file on disk is the routine as made, and it plays
# by sound (the pipeline writes a WAV file; the cue log says what was played). A bad routine
# file opened with Limber (as from Files) is refused with its file, line and reason; an edit
# closed without saving asks first, and Discard leaves the file as it was.
# TAP output. Usage: test-editor.py path/to/limber
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

# The app runs with the environment meson gives (G_DEBUG=fatal-warnings); this process does
# not: a warning of libatspi's own must not abort the test. GLib reads G_DEBUG when it loads,
# so this comes before importing gi.
APP_ENV = dict(os.environ)
os.environ.pop("G_DEBUG", None)

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from limber_tap import end, report, results  # noqa: E402
from cuelog import CueLog, Recording  # noqa: E402
from limber_atspi import (act, find_app, press, press_menu, response, show_page,  # noqa: E402
                          wait_for)

LIMBER = sys.argv[1]
SCALE = 20.0   # clock seconds per real second while the routine plays


def window(app, title):
    """The app's top-level window titled @title, or None."""
    try:
        for i in range(app.get_child_count()):
            child = app.get_child_at_index(i)
            if child is not None and child.get_name() == title:
                return child
    except gi.repository.GLib.Error:
        pass
    return None


def toplevel_with(app, text):
    """The app's top-level window (a dialog, say) that shows a label reading @text, or None."""
    try:
        for i in range(app.get_child_count()):
            child = app.get_child_at_index(i)
            if child is not None and wait_for(child, Atspi.Role.LABEL, lambda t: t == text, 0):
                return child
    except gi.repository.GLib.Error:
        pass
    return None


def wait(predicate, timeout=15):
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= end:
            return value
        time.sleep(0.1)


def field(root, name, role=Atspi.Role.TEXT):
    return wait_for(root, role, lambda t: t == name)


def spin(root, name):
    return field(root, name, Atspi.Role.SPIN_BUTTON)


def text_of(node):
    """The text of an entry. GTK 4.8 answers GetText (0, -1) with nothing: the end is given."""
    return Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))


def type_into(root, name, text, role=Atspi.Role.TEXT):
    """Sets the text of the field named @name, as a screen reader's editing commands do, and
    returns whether the field then holds it."""
    node = field(root, name, role)
    if node is None:
        return False
    Atspi.EditableText.set_text_contents(node, text)
    return wait(lambda: text_of(node) == text, 5)


def sensitive(node):
    return node is not None and node.get_state_set().contains(Atspi.StateType.SENSITIVE)


def button(root, name):
    return wait_for(root, Atspi.Role.PUSH_BUTTON, lambda t: t == name, timeout=5)


def main():
    scratch = tempfile.mkdtemp(prefix="limber-editor-")
    routines = os.path.join(scratch, "data", "limber", "routines")
    wav = os.path.join(scratch, "session.wav")
    log = os.path.join(scratch, "cues.log")
    env = dict(APP_ENV, LC_ALL="C.UTF-8", LANGUAGE="",
               XDG_DATA_HOME=os.path.join(scratch, "data"),
               LIMBER_DEBUG_TIME_SCALE=str(SCALE),
               LIMBER_AUDIO_SINK=f"audioconvert ! wavenc ! filesink location={wav}",
               LIMBER_DEBUG_CUE_LOG=log)
    if "detect_leaks=1" in env.get("ASAN_OPTIONS", ""):
        # As in test-a11y.py: the GUI app is checked for memory errors, not for toolkit caches.
        env["ASAN_OPTIONS"] = env["ASAN_OPTIONS"].replace("detect_leaks=1", "detect_leaks=0")

    print("TAP version 13")
    proc = subprocess.Popen([LIMBER], env=env)
    try:
        run(proc, env, scratch, routines, wav, log)
    finally:
        end(proc)
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"1..{len(results)}")
    return 0 if all(results) else 1


def run(proc, env, scratch, routines, wav, log):
    app = find_app(proc.pid)
    if not report(app is not None, "the app is on the accessibility bus"):
        return
    report(show_page(app, "Stretch"), "the Stretch tab shows the routines")

    # New Routine opens the editor, empty: nothing is marked wrong before anything is typed.
    editor = lambda: window(app, "New Routine")  # noqa: E731
    if not report(press(app, "New Routine", editor), "New Routine opens the editor"):
        return
    ed = editor()
    report(field(ed, "Name") is not None and
           wait_for(ed, Atspi.Role.LABEL, lambda t: "cannot be empty" in t, 0) is None,
           "a new routine shows no problem before anything is typed")

    report(type_into(ed, "Name", "Floor test"), "the name is typed into the Name field")
    report(act(ed, Atspi.Role.PUSH_BUTTON, "Add Knee to Chest",
               lambda: button(ed, "Move Knee to Chest Up") is not None),
           "Add Knee to Chest adds that step")

    # Numbers are spin buttons that say their unit.
    hold = spin(ed, "Hold")
    report(hold is not None and hold.get_description() == "seconds",
           "the Hold spin button says its unit", hold.get_description() if hold else "no field")
    rounds = spin(ed, "Rounds")
    report(rounds is not None and rounds.get_description() == "times",
           "the Rounds spin button says its unit", rounds.get_description() if rounds else "none")

    # Out of range: Save refuses it at the field, in the field's own words.
    reason = "Hold: 1 to 600 seconds"
    path = os.path.join(routines, "floor-test.json")
    report(type_into(ed, "Hold", "900", Atspi.Role.SPIN_BUTTON), "a hold of 900 seconds is typed")
    report(act(ed, Atspi.Role.PUSH_BUTTON, "Save",
               lambda: wait_for(ed, Atspi.Role.LABEL, lambda t: t == reason, 0) is not None),
           "Save shows the reason at the field", reason)
    report(hold is not None and hold.get_description() == reason,
           "the Hold field itself carries the reason as its description",
           hold.get_description() if hold is not None else "no field")
    report(editor() is not None and not os.path.exists(path), "nothing is saved")

    report(type_into(ed, "Hold", "6", Atspi.Role.SPIN_BUTTON), "a hold of 6 seconds is typed")
    report(type_into(ed, "Rounds", "1", Atspi.Role.SPIN_BUTTON), "one round")
    report(type_into(ed, "Rest", "3", Atspi.Role.SPIN_BUTTON), "a rest of 3 seconds")

    report(act(ed, Atspi.Role.PUSH_BUTTON, "Add Pelvic Tilt",
               lambda: button(ed, "Move Pelvic Tilt Up") is not None),
           "Add Pelvic Tilt adds a second step")
    report(type_into(ed, "Reps", "2", Atspi.Role.SPIN_BUTTON), "two reps")
    first_is = lambda name: lambda: wait_for(ed, Atspi.Role.LABEL,  # noqa: E731
                                             lambda t: t == f"1. {name}", 0) is not None
    report(first_is("Knee to Chest")(), "the steps are in the order added")
    report(act(ed, Atspi.Role.PUSH_BUTTON, "Move Pelvic Tilt Up", first_is("Pelvic Tilt")),
           "Move Pelvic Tilt Up makes it the first step")
    report(not sensitive(button(ed, "Move Pelvic Tilt Up")),
           "the first step cannot go further up")

    report(wait(lambda: sensitive(button(ed, "Save"))), "Save is on")
    report(act(ed, Atspi.Role.PUSH_BUTTON, "Save",
               lambda: editor() is None and os.path.exists(path)),
           "Save writes the file and closes the editor")

    # The file on disk is the routine as made.
    try:
        with open(path) as f:
            saved = json.load(f)
    except (OSError, ValueError) as error:
        saved = {"error": str(error)}
    steps = saved.get("steps", [])
    report(saved.get("name") == "Floor test" and
           [s.get("exercise") for s in steps] == ["pelvic-tilt", "knee-to-chest"] and
           steps[0].get("reps") == 2 and steps[1].get("hold") == 6 and
           steps[1].get("rounds") == 1 and steps[1].get("rest") == 3,
           "the file holds the name, the new order and the values typed", json.dumps(saved))

    # It plays, by sound.
    report(press(app, "Start Floor test", lambda: os.path.exists(log)),
           "its card's Start button starts it")
    stopped = wait(lambda: os.path.exists(log) and CueLog(log).stopped, 120)
    report(stopped, "the routine plays to its end")
    if stopped:
        cues = CueLog(log)
        kinds = [kind for kind, _, _, _ in cues.cues]
        report(kinds.count("get-ready") == 2,
               "each of its two exercises was announced with the get-ready cue", kinds)
        report(kinds.count("start") >= 2, "the exercises' start cues were played", kinds)
        report(len(cues.speech) >= 2, f"{len(cues.speech)} sentences were spoken")
        recording = Recording(wav)
        report(recording.duration() > 2 and recording.rms(0, recording.duration()) > 100,
               f"the WAV holds {recording.duration():.1f} s of sound")
    report(press(app, "Back to Routines",
                 lambda: wait_for(app, Atspi.Role.PUSH_BUTTON,
                                  lambda t: t == "New Routine", 0) is not None),
           "back to the routines")

    # A bad file opened with Limber: refused, with the file, the line and the reason.
    bad = os.path.join(scratch, "bad.json")
    with open(bad, "w") as f:
        f.write('{\n  "id": "shared",\n  "name": "Shared",\n  "steps": [\n'
                '    { "exercise": "bridge",\n      "reps": 0 }\n  ]\n}\n')
    opened = subprocess.run([LIMBER, bad], env=env, timeout=30)
    report(opened.returncode == 0, "limber FILE hands the file to the running app",
           f"exit status {opened.returncode}")
    message = "bad.json, line 6: “reps” is 0; it must be from 1 to 100"
    report(wait_for(app, Atspi.Role.LABEL, lambda t: t == message) is not None,
           "the import is refused, and the dialog names the file, the line and the reason",
           message)
    report(act(toplevel_with(app, message) or app, Atspi.Role.PUSH_BUTTON, response("Close"),
               lambda: toplevel_with(app, message) is None),
           "its Close button dismisses it")
    report(not os.path.exists(os.path.join(routines, "shared.json")), "nothing was imported")

    # Closing with unsaved changes asks first; Discard leaves the file as it was.
    with open(path) as f:
        before = f.read()
    edit = lambda: window(app, "Edit Routine")  # noqa: E731
    item = lambda name: lambda: wait_for(app, Atspi.Role.MENU_ITEM,  # noqa: E731
                                         lambda t: t == name, 0) is not None
    report(press_menu(app, "Menu for Floor test", item("Edit")) and
           act(app, Atspi.Role.MENU_ITEM, "Edit", edit),
           "Edit, in the routine's menu, opens the routine")
    ed = edit()
    report(type_into(ed, "Name", "Changed"), "the name is changed")
    ask = lambda: toplevel_with(app, "Save Changes?")  # noqa: E731
    report(act(ed, Atspi.Role.PUSH_BUTTON, "Cancel", ask),
           "Cancel asks whether to save the changes")
    report(act(ask() or app, Atspi.Role.PUSH_BUTTON, response("Discard"), lambda: edit() is None),
           "Discard closes it")
    with open(path) as f:
        report(f.read() == before, "the file is as it was")
    report(proc.poll() is None, "the app is still running", f"exit status {proc.returncode}")


if __name__ == "__main__":
    sys.exit(main())
