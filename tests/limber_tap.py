# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP output and process ending for the Python tests, one copy for all of them.

`results` is the list of outcomes so far; a test reads it for its plan line and exit status.
"""

import subprocess
import sys

results = []


def report(ok, what, detail=""):
    """Prints one TAP line for @ok, and @detail as comments when it failed; returns @ok."""
    results.append(bool(ok))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {what}")
    if not ok and detail:
        for line in str(detail).splitlines():
            print(f"# {line}")
    sys.stdout.flush()
    return ok


def skip(what, why):
    results.append(True)
    print(f"ok {len(results)} - {what} # SKIP {why}")
    sys.stdout.flush()


def end(proc):
    """Ends a process however it is doing: asked first, killed if it does not go."""
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
