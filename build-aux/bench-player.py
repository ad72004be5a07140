# SPDX-License-Identifier: GPL-3.0-or-later
#
# The measuring half of build-aux/bench-player, run inside Xvfb and a D-Bus session.
import os
import subprocess
import sys
import tempfile
import time
from functools import partial

print = partial(print, flush=True)

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(top, "tests"))
from cuelog import CueLog, Recording, cue_onsets  # noqa: E402

builddir, routine, scale, real_seconds = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
ticks = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks


def rss_kib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def stats(values):
    values = [abs(v) for v in values] or [float("nan")]
    return max(values), sum(values) / len(values)


def run(routine, scale, limit_s=None):
    """Plays @routine at @scale, to its end or for @limit_s of real time. Returns the cue log,
    the recording, real seconds, CPU seconds and the largest RSS (KiB) while it ran."""
    scratch = tempfile.mkdtemp(prefix="limber-bench.")
    home = os.path.join(scratch, "home")
    os.makedirs(home)
    wav, log_path = os.path.join(scratch, "session.wav"), os.path.join(scratch, "cues.log")
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               GSETTINGS_BACKEND="memory", GSETTINGS_SCHEMA_DIR=os.path.join(builddir, "data"),
               GSK_RENDERER="cairo", GDK_BACKEND="x11",
               LIMBER_DEBUG_TIME_SCALE=str(scale),
               LIMBER_AUDIO_SINK=f"audioconvert ! wavenc ! filesink location={wav}",
               LIMBER_DEBUG_CUE_LOG=log_path,
               LIMBER_SOUND_MODULE=os.path.join(builddir, "app", "sound", "limber-sound-gst.so"))
    app = subprocess.Popen([os.path.join(builddir, "app", "limber"), f"--routine={routine}"],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def log_has(text):
        if app.poll() is not None:
            sys.exit(f"limber exited early (status {app.returncode}); see {log_path}")
        return os.path.exists(log_path) and text in open(log_path).read()

    # Measured from the session's first cue until it ends (or the time limit).
    while not log_has("cue get-ready"):
        time.sleep(0.02)
    start_wall, start_cpu, rss_max = time.monotonic(), cpu_seconds(app.pid), 0
    while not log_has("session-done"):
        rss_max = max(rss_max, rss_kib(app.pid))
        if limit_s is not None and time.monotonic() - start_wall >= limit_s:
            break
        time.sleep(0.25)
    wall, cpu = time.monotonic() - start_wall, cpu_seconds(app.pid) - start_cpu
    if limit_s is not None:
        # Quitting stops the session, which ends the recording cleanly.
        subprocess.run(["gapplication", "action", "io.github.limber.Limber", "quit"], env=env)
        app.wait(timeout=30)
    else:
        while not log_has("stopped"):
            time.sleep(0.1)
        app.terminate()
        app.wait()
    return CueLog(log_path), Recording(wav), wall, cpu, rss_max


print(f"1. {routine} to its end at time scale {scale:g}: timing")
log, _, wall, cpu, rss = run(routine, scale)
late_max, late_mean = stats([late / 1e6 for _, _, late, _ in log.cues])
print(f"   {wall:.1f} s of real time, {len(log.cues)} cues, {len(log.speech)} sentences spoken")
print(f"   phase-boundary error: max {late_max:.2f} ms, mean {late_mean:.2f} ms (target: max < 20 ms)")
print(f"   RSS during the session: max {rss / 1024:.1f} MiB")

print(f"2. {routine} for {real_seconds:g} s on the real clock (scale 1): sound and CPU")
log, recording, wall, cpu, rss = run(routine, 1, real_seconds)
errors, overlapped, missing = cue_onsets(log, recording, 0.05)
onset_max, onset_mean = stats([e * 1000 for _, _, e in errors])
print(f"   cue onset in the recording against the boundary: max {onset_max:.2f} ms, "
      f"mean {onset_mean:.2f} ms over {len(errors)} cues ({overlapped} overlapped by other "
      f"sound, {len(missing)} not within 50 ms) (target: < 50 ms)")
print(f"   CPU while the session ran: {100 * cpu / wall:.2f} % of one core "
      f"({cpu:.2f} s in {wall:.1f} s) (target: < 3 %)")
print(f"   RSS during the session: max {rss / 1024:.1f} MiB")
