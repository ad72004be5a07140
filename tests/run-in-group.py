#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a test in a process group of its own, and ends everything left in that group when the
# test ends or is stopped. An app the test started and that outlived it (because the test
# crashed, or the app hung under G_DEBUG=fatal-warnings) would otherwise keep the test's output
# open, and meson would wait for it until the timeout.
# Usage: run-in-group.py COMMAND [ARG...]
import os
import signal
import subprocess
import sys
import time


def end_group(pgid):
    """SIGTERM to the group, then SIGKILL to whatever is still there after 5 s."""
    for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            return
        end = time.monotonic() + wait
        while time.monotonic() < end:
            try:
                os.killpg(pgid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)


def main():
    proc = subprocess.Popen(sys.argv[1:], start_new_session=True)
    stopped = []

    def on_signal(signum, frame):
        stopped.append(signum)
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    status = proc.wait()
    end_group(proc.pid)
    if stopped:
        return 128 + stopped[0]
    return status if status >= 0 else 128 - status


if __name__ == "__main__":
    sys.exit(main())
