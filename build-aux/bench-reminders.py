# SPDX-License-Identifier: GPL-3.0-or-later
#
# The measuring half of build-aux/bench-reminders; runs inside Xvfb and a private D-Bus session.
import glob
import os
import subprocess
import sys
import tempfile
import time

from gi.repository import Gio, GLib

NAME = 'io.github.limber.Limber.Reminders'


def threads_stat(pid):
    """CPU seconds of @pid, and the context switches of each of its threads by thread id."""
    ticks = os.sysconf('SC_CLK_TCK')
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    cpu = int(fields[11]) + int(fields[12])    # utime, stime of all threads, live or ended
    switches = {}
    for task in glob.glob(f'/proc/{pid}/task/*'):
        count = 0
        with open(f'{task}/status') as f:
            for line in f:
                if line.startswith(('voluntary_ctxt_switches', 'nonvoluntary_ctxt_switches')):
                    count += int(line.split()[1])
        switches[os.path.basename(task)] = count
    return cpu / ticks, switches


def memory(pid):
    values = {}
    with open(f'/proc/{pid}/smaps_rollup') as f:
        for line in f:
            key, _, rest = line.partition(':')
            if key in ('Rss', 'Pss'):
                values[key] = int(rest.split()[0])
    return values['Rss'] / 1024, values['Pss'] / 1024


def main():
    builddir, seconds = sys.argv[1], float(sys.argv[2])
    scratch = tempfile.mkdtemp(prefix='limber-bench-')
    env = dict(os.environ,
               HOME=scratch,
               XDG_CONFIG_HOME=f'{scratch}/config',
               XDG_STATE_HOME=f'{scratch}/state',
               GSETTINGS_BACKEND='memory',
               GSETTINGS_SCHEMA_DIR=f'{builddir}/data')
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)

    dunst = subprocess.Popen(['dunst', '-config', 'tests/dunstrc'], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(['gdbus', 'wait', '--session', '--timeout', '10',
                    'org.freedesktop.Notifications'], check=True)

    owned = {}
    loop = GLib.MainLoop()

    def appeared(connection, name, owner):
        owned['at'] = time.monotonic()
        loop.quit()

    watch = Gio.bus_watch_name_on_connection(bus, NAME, Gio.BusNameWatcherFlags.NONE,
                                             appeared, None)
    # Any earlier owner would spoil the measurement.
    context = GLib.MainContext.default()
    while context.iteration(False):
        pass

    start = time.monotonic()
    service = subprocess.Popen([f'{builddir}/app/reminders/limber-reminders'], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    GLib.timeout_add_seconds(10, loop.quit)
    loop.run()
    Gio.bus_unwatch_name(watch)
    if 'at' not in owned:
        sys.exit('limber-reminders did not own its name within 10 s')
    startup_ms = (owned['at'] - start) * 1000

    try:
        time.sleep(1)
        rss, pss = memory(service.pid)
        schedule = bus.call_sync(NAME, '/io/github/limber/Limber/Reminders',
                                 'io.github.limber.Limber.Reminders1', 'GetSchedule', None,
                                 GLib.VariantType('(a(sbxub))'), Gio.DBusCallFlags.NONE, -1,
                                 None).unpack()[0]
        now = time.time()
        due = [d for (_, enabled, d, _, _) in schedule if enabled and d > 0]
        first_due = min(due) - now if due else None

        cpu0, switches0 = threads_stat(service.pid)
        time.sleep(seconds)
        cpu1, switches1 = threads_stat(service.pid)
    finally:
        service.terminate()
        service.wait()
        dunst.terminate()
        dunst.wait()

    print('limber-reminders benchmark')
    print(f'  start-up to owning {NAME}: {startup_ms:.1f} ms')
    print(f'  memory after start: RSS {rss:.1f} MiB, PSS {pss:.1f} MiB (target RSS < 8 MB)')
    if first_due is not None:
        print(f'  reminders scheduled: {len(due)}, the first due in {first_due / 60:.0f} min')
    else:
        print('  reminders scheduled: none in the active hours ahead')
    # Threads that started count whole; threads that ended count as one wakeup each.
    wakeups = sum(n - switches0.get(tid, 0) for tid, n in switches1.items())
    ended = len(set(switches0) - set(switches1))
    print(f'  idle {seconds:.0f} s: CPU {cpu1 - cpu0:.2f} s, wakeups (context switches, all '
          f'threads) {wakeups + ended} (target 0); threads {len(switches0)} -> {len(switches1)}')


main()
