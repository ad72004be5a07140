#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A whole episode of back spasm, as a person lives it, through the real app (over AT-SPI, as a
# screen reader user works it), the real reminder service and the test session's dunst, on one
# real history store. Both processes share one scaled clock (LIMBER_DEBUG_TIME_START): from
# Saturday 15 March 2025 at 19:00 UTC, in four sittings, each started afresh at its time, as a
# person closes the laptop and comes back:
#
#  1. Saturday 19:00, real time: I Have a Back Spasm Now; a check with a Yes to a doctor-level
#     sign (a history of cancer); Today keeps the plan under the see-a-doctor banner.
#  2. Saturday 20:40, at 120x: the cold-pack reminder, and its Start Cold Pack in dunst starts
#     the timer in Limber; the next comes two hours after that pack came off; walks come
#     hourly that evening, and the next after them is Sunday at 08:00, not Monday.
#  3. Sunday 07:40, at 120x: the walk comes at 08:00; I Have Seen a Doctor clears the banner.
#  4. Tuesday, ten minutes before 72 hours, at 60x: the plan moves to heat by itself, the
#     cold-pack reminder stops, and I Feel Better ends the episode.
#
# Each sitting starts 20 minutes (10 real seconds) before its first event, so a slow start
# cannot push the service past it. Every step waits for its effect with a generous bound;
# times are checked from the store, where both processes wrote them on the shared clock.
# TAP output.
# Usage: test-episode.py path/to/limber path/to/limber-reminders
import contextlib
import datetime
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

APP_ENV = dict(os.environ)
os.environ.pop("G_DEBUG", None)

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from limber_tap import end, report, results  # noqa: E402
from limber_atspi import (act, find_app, label, press, response, show_page,  # noqa: E402
                          wait_for)

LIMBER, REMINDERS = sys.argv[1], sys.argv[2]
PLANNED = 29
UTC = datetime.timezone.utc
SATURDAY_19 = datetime.datetime(2025, 3, 15, 19, 0, tzinfo=UTC)
HOUR = 3600
NAME = "io.github.limber.Limber.Reminders"
PATH = "/io/github/limber/Limber/Reminders"
IFACE = "io.github.limber.Limber.Reminders1"

DATA = tempfile.mkdtemp(prefix="limber-episode-")
STORE = os.path.join(DATA, "limber", "limber.db")
RUNTIME = os.environ.get("XDG_RUNTIME_DIR", "/tmp")
SERVICE_LOG = os.path.join(DATA, "service.log")


def service_log():
    with open(SERVICE_LOG) as f:
        return f.read()[-3000:]


def at(clock, scale):
    """The environment of a sitting whose shared clock shows @clock now and runs @scale times
    faster than real time."""
    real = int(time.time())
    return {**APP_ENV, "LC_ALL": "C.UTF-8", "LANGUAGE": "", "TZ": "UTC",
            "XDG_DATA_HOME": DATA, "LIMBER_DEBUG_TIME_SCALE": str(scale),
            "LIMBER_DEBUG_TIME_START": f"{int(clock.timestamp())}@{real}"}


def query(sql, *args):
    with contextlib.closing(sqlite3.connect(f"file:{STORE}?mode=ro", uri=True,
                                            timeout=10)) as db:
        return db.execute(sql, args).fetchall()


def wait(effect, timeout):
    deadline = time.monotonic() + timeout
    while True:
        value = effect()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(0.1)


def schedule():
    """GetSchedule, as {kind: (on, next due in seconds since 1970, interval, held)}."""
    out = subprocess.run(["gdbus", "call", "--session", "--dest", NAME, "--object-path", PATH,
                          "--method", f"{IFACE}.GetSchedule"], capture_output=True, text=True,
                         timeout=30)
    if out.returncode != 0:
        return {}
    value = eval(out.stdout.replace("true", "True").replace("false", "False")   # noqa: S307
                 .replace("int64 ", "").replace("uint32 ", ""))
    return {kind: rest for kind, *rest in value[0]}


def shown(kind):
    """When the service showed @kind, in seconds on the shared clock."""
    return [t // 1_000_000 for (t,) in query(
        "SELECT time_us FROM reminder_events WHERE kind = ? AND action = 'shown' ORDER BY id",
        kind)]


def dunst(*args):
    return subprocess.run(["dunstctl", *args], capture_output=True, text=True, timeout=30)


def pick_in_dunst(action):
    """Opens dunst's context menu for the notification on screen and picks @action (see
    tests/dunst-dmenu.sh)."""
    with open(os.path.join(RUNTIME, "dunst-pick"), "w") as f:
        f.write(action)
    dunst("context")


@contextlib.contextmanager
def sitting(what, clock, scale):
    """The service and the app, started together on the shared clock; both end afterwards."""
    env = at(clock, scale)
    dunst("close-all")   # before the service starts, so its first reminder is not closed
    log = open(SERVICE_LOG, "a")
    log.write(f"--- {what}\n")
    log.flush()
    service = subprocess.Popen([REMINDERS], env={**env, "G_MESSAGES_DEBUG": "all"}, stdout=log,
                               stderr=log)
    app_proc = None
    try:
        subprocess.run(["gdbus", "wait", "--session", "--timeout", "30", NAME], timeout=40)
        app_proc = subprocess.Popen([LIMBER], env=env)
        app = find_app(app_proc.pid, timeout=60)
        report(app is not None, f"{what}: Limber is on the accessibility bus")
        yield app
    finally:
        for proc in (app_proc, service):
            if proc is not None:
                end(proc)


def today_says(app, predicate):
    return label(app, predicate)


def saturday_evening_check():
    with sitting("Saturday 19:00", SATURDAY_19, 1) as app:
        if app is None:
            return None
        day1 = today_says(app, lambda t: t == "Day 1 of the First 3 Days")
        report(press(app, "I Have a Back Spasm Now", day1),
               "I Have a Back Spasm Now starts the plan for the first days")
        started = wait(lambda: query("SELECT started_us FROM episodes"), 10)
        report(started and started[0][0] // 1_000_000 - SATURDAY_19.timestamp() < 600,
               "the episode starts on Saturday at 19:00 on the shared clock", f"{started}")

        # The check: No to each question until "Have you ever had cancer?", Yes to it.
        show_page(app, "Check")
        question = 1
        ok = press(app, "Start Check", label(app, lambda t: t == "Question 1 of 12"))
        while ok and question < 12:
            cancer = wait_for(app, Atspi.Role.LABEL, lambda t: t == "Have you ever had cancer?",
                              timeout=0) is not None
            following = f"Question {question + 1} of 12"
            ok = press(app, "Yes" if cancer else "No", label(app, lambda t, f=following: t == f))
            question += 1
        doctor = label(app, lambda t: t == "See a doctor in the next few days")
        report(ok and press(app, "No", doctor),
               "the check with a Yes to a history of cancer says to see a doctor")

        # Today: the banner, and the plan beside it, whole.
        show_page(app, "Today")
        banner = wait_for(app, Atspi.Role.PUSH_BUTTON, lambda t: t == "I Have Seen a Doctor")
        report(banner is not None and wait_for(app, Atspi.Role.LABEL,
                                               lambda t: t.startswith("Your last symptom check"))
               is not None, "Today has the see-a-doctor banner with its reason")
        report(all(wait_for(app, role, lambda t, n=name: t == n, timeout=5) is not None
                   for role, name in ((Atspi.Role.LABEL, "Day 1 of the First 3 Days"),
                                      (Atspi.Role.PUSH_BUTTON, "I Feel Better"),
                                      (Atspi.Role.LABEL, "Gentle Relief"),
                                      (Atspi.Role.PUSH_BUTTON, "Start Timer"))),
               "the plan for the first days stays under the banner")
        return started[0][0] // 1_000_000 if started else None


def saturday_night(spasm):
    with sitting("Saturday 20:40", SATURDAY_19 + datetime.timedelta(minutes=100), 120) as app:
        if app is None:
            return
        report(wait(lambda: shown("pack"), 120),
               "the cold-pack reminder comes about two hours after the spasm began",
               f"{shown('pack')}")
        report(shown("pack") and 2 * HOUR <= shown("pack")[0] - spasm < 2 * HOUR + 1200,
               "it comes two hours after the spasm began", f"{shown('pack')} {spasm}")
        on_today = today_says(app, lambda t: t.startswith("Cold pack on until"))
        # The pack lasts 7.5 s at this pace, which a busy machine's accessibility walk can miss:
        # the timer ran if Today showed it on, or if the app recorded it when it came off.
        cold_on = lambda: on_today() or query("SELECT 1 FROM packs WHERE kind = 'cold'")  # noqa: E731
        deadline = time.monotonic() + 60
        wait(lambda: dunst("count", "displayed").stdout.strip() not in ("", "0"), 30)
        while not cold_on() and time.monotonic() < deadline:
            pick_in_dunst("Start Cold Pack")
            wait(cold_on, 5)
        report(cold_on(), "Start Cold Pack in the notification starts Limber's cold-pack timer",
               f"dunst: {dunst('history').stdout[-1500:]}\n{service_log()}")
        report(wait(lambda: query("SELECT action FROM reminder_events WHERE kind = 'pack'"
                                  " AND action = 'start-pack'"), 10),
               "the journal keeps that the reminder's Start Cold Pack was chosen")

        # The pack comes off after 15 minutes (7.5 s here); the next counts from its end.
        packs = wait(lambda: query("SELECT started_us, duration_s FROM packs WHERE kind = 'cold'"),
                     60)
        report(packs, "the cold pack is recorded when it comes off", f"{packs}")
        sunday_8 = int((SATURDAY_19 + datetime.timedelta(hours=13)).timestamp())
        if packs:
            # Two hours after it came off, or, when that is past 22:00, when Sunday's waking
            # hours begin.
            off = packs[0][0] // 1_000_000 + packs[0][1]
            expected = off + 2 * HOUR
            if expected >= spasm - spasm % 86400 + 22 * HOUR:
                expected = sunday_8
            due = wait(lambda: schedule().get("pack", (0, 0))[1] == expected, 30)
            report(due, "the next cold-pack reminder counts two hours from that pack's end, "
                   "in waking hours", f"{schedule().get('pack')}; off at {off}, expected {expected}")

        # Hourly walks this evening, and none in the night: the one after is Sunday 08:00.
        report(schedule().get("walk", (0, 0, 0))[2] == HOUR,
               "in the first days walk reminders come every hour", f"{schedule().get('walk')}")
        report(wait(lambda: schedule().get("walk", (0, 0))[1] == sunday_8, 120),
               "after the evening's walks the next walk is Sunday at 08:00",
               f"{schedule().get('walk')}, walks shown at {shown('walk')}")
        evening = [t for t in shown("walk") if spasm < t < sunday_8]
        report(evening and all(t < spasm - spasm % 86400 + 22 * HOUR for t in evening),
               "walk reminders came that evening, none after 22:00", f"{evening}\n{service_log()}")


def sunday_morning():
    sunday_740 = SATURDAY_19 + datetime.timedelta(hours=12, minutes=40)
    sunday_8 = int(sunday_740.timestamp()) + 20 * 60
    with sitting("Sunday 07:40", sunday_740, 120) as app:
        if app is None:
            return
        report(wait(lambda: [t for t in shown("walk") if t >= sunday_8], 120),
               "on Sunday the walk reminder comes at 08:00", f"{shown('walk')}")
        morning = [t for t in shown("walk") if t >= sunday_8]
        report(morning and morning[0] - sunday_8 < 900, "at 08:00, not later",
               f"{morning} against {sunday_8}")
        gone = lambda: wait_for(app, Atspi.Role.PUSH_BUTTON,  # noqa: E731
                                lambda t: t == "I Have Seen a Doctor", timeout=0) is None
        report(press(app, "I Have Seen a Doctor", gone),
               "I Have Seen a Doctor clears the banner")
        report(query("SELECT count(*) FROM doctor_visits")[0][0] == 1,
               "the journal keeps the doctor visit")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Day 1 of the First 3 Days")
               is not None, "the plan for the first days goes on (13 hours in: its first day)")


def tuesday_heat(spasm):
    before_72 = datetime.datetime.fromtimestamp(spasm + 72 * HOUR - 600, UTC)
    with sitting("Tuesday, 72 hours", before_72, 60) as app:
        if app is None:
            return
        loosening = today_says(app, lambda t: t == "Loosening Up")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Day 3 of the First 3 Days")
               is not None and not loosening(), "ten minutes before 72 hours: day 3")
        report(wait(loosening, 60), "at 72 hours the plan moves to heat by itself")
        report(wait_for(app, Atspi.Role.LABEL, lambda t: t == "Heat, Up to 20 Minutes")
               is not None, "Today's plan now offers heat")
        report(wait(lambda: schedule().get("pack", (True, 1))[1] == 0, 30),
               "the cold-pack reminder stops after 72 hours", f"{schedule().get('pack')}")
        keeping = today_says(app, lambda t: t == "Keeping Spasms Away")
        report(press(app, "I Feel Better",
                     lambda: wait_for(app, Atspi.Role.PUSH_BUTTON, response("End the Plan"),
                                      timeout=0) is not None)
               and act(app, Atspi.Role.PUSH_BUTTON, response("End the Plan"), keeping),
               "I Feel Better ends the plan, back to keeping spasms away")
        report(wait(lambda: query("SELECT count(*) FROM episodes WHERE ended_us IS NOT NULL")
                    [0][0] == 1, 10), "the journal keeps the episode's end")


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    print(f"1..{PLANNED}")
    Atspi.init()
    spasm = saturday_evening_check()
    if spasm is not None:
        saturday_night(spasm)
        sunday_morning()
        tuesday_heat(spasm)
    return 0 if all(results) and len(results) == PLANNED else 1


if __name__ == "__main__":
    sys.exit(main())
