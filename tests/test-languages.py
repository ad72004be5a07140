#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Limber in every language of po/LINGUAS, as its users meet it:
#   - the voice: a routine played into a WAV file, with speech at get-ready in the language's
#     own espeak-ng voice (the one its translation of "en" names), and no fallback notice;
#   - every page, read over AT-SPI as a screen reader does: no English text that has a
#     translation is shown untranslated;
#   - right-to-left languages: the page switcher's tabs and the player's controls mirrored.
#
# Usage: test-languages.py path/to/limber SOURCE_DIR      (prints TAP; LIMBER_LOCALEDIR is the
# build tree's translations)
import gettext
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

# Fatal warnings are for the app, not for this screen-reader side (see limber_atspi.py).
APP_ENV = dict(os.environ)
os.environ.pop("G_DEBUG", None)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from limber_tap import end, report, results  # noqa: E402
from cuelog import CueLog, Recording  # noqa: E402
from limber_atspi import Atspi, find_app, show_page, wait_for, walk  # noqa: E402

spec = importlib.util.spec_from_file_location("audio", os.path.join(HERE, "test-audio.py"))
audio = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audio)

LIMBER = sys.argv[1]
SOURCE = sys.argv[2]
LOCALEDIR = os.environ["LIMBER_LOCALEDIR"]
# The locale each language is tested in (build-aux/install-deps generates them).
LOCALES = {"pt_BR": "pt_BR.UTF-8", "es": "es_ES.UTF-8", "fr": "fr_FR.UTF-8",
           "de": "de_DE.UTF-8", "it": "it_IT.UTF-8", "ar": "ar_EG.UTF-8"}
RTL = {"ar"}


def language_env(lang, **extra):
    env = dict(APP_ENV, LANGUAGE=lang, LC_ALL=LOCALES[lang], LANG=LOCALES[lang])
    env.update(extra)
    return env


def test_voice(lang, tr):
    voice = tr.gettext("en")
    with tempfile.TemporaryDirectory() as scratch:
        # run_app() sets the sink and the cue log; the app also gets the suite's G_DEBUG back.
        stopped, wav, log, output = audio.run_app(
            LIMBER, scratch, LANGUAGE=lang, LC_ALL=LOCALES[lang], LANG=LOCALES[lang],
            **{k: v for k, v in APP_ENV.items() if k == "G_DEBUG"})
        if not report(stopped, f"{lang}: a routine runs to its end with sound", output):
            return
        log = CueLog(log)
        report(bool(log.voices) and all(v == voice for v in log.voices),
               f"{lang}: spoken with espeak-ng's '{voice}' voice", f"voices {log.voices}")
        t0 = next((b for kind, b, _, _ in log.cues if kind == "get-ready"), None)
        if log.speech and t0 is not None:
            s = log.seconds(log.speech[0][0])
            loud = Recording(wav).rms(s, 1.0)
            report(s - log.seconds(t0) < 0.5 and loud > 800,
                   f"{lang}: speech heard at the first get-ready (RMS {loud:.0f})")
        else:
            report(False, f"{lang}: speech at the first get-ready", output)
        told = [line for line in output.splitlines() if "Voice" in line]
        report(not told, f"{lang}: no voice problem or fallback", "\n".join(told))


def launch(lang, data, *args):
    return subprocess.Popen([LIMBER, *args], env=language_env(lang, XDG_DATA_HOME=data),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def texts(app):
    """Every name and label text a screen reader can read now."""
    seen = set()
    for node in walk(app):
        try:
            if not node.get_state_set().contains(Atspi.StateType.VISIBLE):
                continue
            for text in (node.get_name(), node.get_description()):
                if text:
                    seen.add(text)
            if node.get_role() == Atspi.Role.LABEL:
                iface = node.get_text_iface()
                if iface is not None:
                    seen.add(iface.get_text(0, -1))
        except Exception:
            continue
    return seen


def untranslated(tr, shown):
    """Texts shown in English although the translation has them."""
    return sorted(t for t in shown if t.strip() and tr.gettext(t) != t)


def x_of(app, role, name):
    node = wait_for(app, role, lambda t: t == name, timeout=30)
    if node is None:
        return None
    ext = node.get_component_iface().get_extents(Atspi.CoordType.WINDOW)
    return ext.x + ext.width / 2


def test_pages(lang, tr):
    pages = [tr.gettext(p) for p in ("Today", "Check", "Stretch", "Reminders", "Progress")]
    data = tempfile.mkdtemp(prefix="limber-languages-")
    proc = launch(lang, data)
    try:
        app = find_app(proc.pid)
        if not report(app is not None, f"{lang}: the app is on the accessibility bus"):
            return
        for page in pages:
            if not report(show_page(app, page), f"{lang}: the '{page}' tab shows its page"):
                continue
            wait_for(app, Atspi.Role.LABEL, lambda t: bool(t), timeout=30)
            missing = untranslated(tr, texts(app))
            report(not missing, f"{lang}: nothing untranslated on '{page}'",
                   "\n".join(repr(t) for t in missing))
        if lang in RTL:
            xs = [x_of(app, Atspi.Role.PAGE_TAB, p) for p in pages]
            report(None not in xs and xs == sorted(xs, reverse=True),
                   f"{lang}: the page tabs run right to left", f"x of {pages}: {xs}")
    finally:
        end(proc)
        shutil.rmtree(data, ignore_errors=True)


def test_player_rtl(lang, tr):
    data = tempfile.mkdtemp(prefix="limber-languages-")
    proc = launch(lang, data, "--routine=gentle-relief")
    try:
        app = find_app(proc.pid)
        if not report(app is not None, f"{lang} player: the app is on the accessibility bus"):
            return
        previous = x_of(app, Atspi.Role.PUSH_BUTTON, tr.gettext("Previous exercise"))
        following = x_of(app, Atspi.Role.PUSH_BUTTON, tr.gettext("Next exercise"))
        report(previous is not None and following is not None and previous > following,
               f"{lang} player: Previous is on the right of Next, as the text runs",
               f"previous at {previous}, next at {following}")
        missing = untranslated(tr, texts(app))
        report(not missing, f"{lang} player: nothing untranslated",
               "\n".join(repr(t) for t in missing))
    finally:
        end(proc)
        shutil.rmtree(data, ignore_errors=True)


def main():
    print("TAP version 13")
    languages = [line.strip() for line in open(os.path.join(SOURCE, "po", "LINGUAS"))
                 if line.strip() and not line.startswith("#")]
    available = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
    for lang in languages:
        locale = LOCALES.get(lang)
        if not report(locale is not None and locale.lower().replace("utf-8", "utf8") in available,
                      f"{lang}: the {locale} locale is installed (build-aux/install-deps)"):
            continue
        tr = gettext.translation("limber", LOCALEDIR, languages=[lang])
        test_voice(lang, tr)
        test_pages(lang, tr)
        if lang in RTL:
            test_player_rtl(lang, tr)
    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
