# SPDX-License-Identifier: GPL-3.0-or-later
#
# The measuring half of build-aux/bench-reminders; runs inside Xvfb and a private D-Bus session.
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

from gi.repository import Gio, GLib

NAME = 'io.github.limber.Limber.Reminders'
PATH = '/io/github/limber/Limber/Reminders'
IFACE = 'io.github.limber.Limber.Reminders1'
# Reminders all day, every day, at the default intervals (the shortest 45 min): whatever the
# hour, all three are scheduled and none comes due during the idle stretch.
SETTINGS = """[io/github/limber/Limber]
active-start=uint32 0
active-end=uint32 1440
active-days=['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
hydration-enabled=true
posture-enabled=true
walk-enabled=true
"""
# The two notifications shown for the second measurement: two kinds, so two notifications
# live in the service at once, as when reminders of different kinds are left on screen.
SHOWN_KINDS = ('hydration', 'walk')
RSS_IDLE_TARGET_MB, RSS_SHOWN_TARGET_MB = 6, 8


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
    """RSS and PSS of @pid in kB."""
    values = {}
    with open(f'/proc/{pid}/smaps_rollup') as f:
        for line in f:
            key, _, rest = line.partition(':')
            if key in ('Rss', 'Pss'):
                values[key] = int(rest.split()[0])
    return values['Rss'], values['Pss']


def mapping_group(path):
    if not path:
        return '[anon]'
    if path.startswith('['):
        return path
    if '/gconv/' in path or path.endswith('locale-archive'):
        return 'locale data (' + os.path.basename(path) + ')'
    return os.path.basename(path)


def smaps(pid):
    """{group: [Rss, Pss, Private_Dirty]} in kB, a group per file or kind of anonymous memory."""
    groups = {}
    current = None
    with open(f'/proc/{pid}/smaps') as f:
        for line in f:
            head = line.split(None, 5)
            if '-' in head[0] and ':' not in head[0]:    # a mapping's first line
                current = groups.setdefault(mapping_group(head[5].strip() if len(head) > 5
                                                          else ''), [0, 0, 0])
            elif head[0] in ('Rss:', 'Pss:', 'Private_Dirty:'):
                current[('Rss:', 'Pss:', 'Private_Dirty:').index(head[0])] += int(head[1])
    return groups


def cpu_settled(pid, quiet=0.5, timeout=10):
    """Waits until @pid used no CPU for @quiet seconds: its start-up or its reaction is over."""
    end = time.monotonic() + timeout
    last, since = threads_stat(pid)[0], time.monotonic()
    while time.monotonic() < end:
        time.sleep(0.05)
        now = threads_stat(pid)[0]
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return


def mib(kb):
    return kb / 1024


def print_breakdown(title, groups, rss, pss, before=None):
    print(f'  {title}: RSS {mib(rss):.2f} MiB, PSS {mib(pss):.2f} MiB; by mapping '
          '(kB RSS / PSS / private dirty):')
    rows = sorted(groups.items(), key=lambda kv: -kv[1][0])
    small = [0, 0, 0]
    for name, (r, p, d) in rows:
        if r >= 64:
            extra = ''
            if before is not None:
                extra = f'  ({r - before.get(name, [0])[0]:+d})'
            print(f'    {name:38} {r:6d} {p:6d} {d:6d}{extra}')
        else:
            small = [a + b for a, b in zip(small, (r, p, d))]
    print(f'    {"everything under 64 kB":38} {small[0]:6d} {small[1]:6d} {small[2]:6d}')


def main():
    builddir, seconds = sys.argv[1], float(sys.argv[2])
    scratch = tempfile.mkdtemp(prefix='limber-bench-')
    os.makedirs(f'{scratch}/config/glib-2.0/settings')
    with open(f'{scratch}/config/glib-2.0/settings/keyfile', 'w') as f:
        f.write(SETTINGS)
    env = dict(os.environ,
               HOME=scratch,
               XDG_CONFIG_HOME=f'{scratch}/config',
               XDG_DATA_HOME=f'{scratch}/data',
               XDG_STATE_HOME=f'{scratch}/state',
               GSETTINGS_BACKEND='keyfile',
               GSETTINGS_SCHEMA_DIR=f'{builddir}/data')
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)

    dunst = subprocess.Popen(['dunst', '-config', 'tests/dunstrc'], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(['gdbus', 'wait', '--session', '--timeout', '10',
                    'org.freedesktop.Notifications'], check=True)

    owned = {}
    shown = []
    loop = GLib.MainLoop()

    def appeared(connection, name, owner):
        owned['at'] = time.monotonic()
        loop.quit()

    watch = Gio.bus_watch_name_on_connection(bus, NAME, Gio.BusNameWatcherFlags.NONE,
                                             appeared, None)
    bus.signal_subscribe(None, IFACE, 'ReminderShown', PATH, None, Gio.DBusSignalFlags.NONE,
                         lambda *a: shown.append(a[5].unpack()[0]))
    # Any earlier owner would spoil the measurement.
    context = GLib.MainContext.default()
    while context.iteration(False):
        pass

    def call(method, args=None, reply=None, dest=NAME, path=PATH, iface=IFACE):
        return bus.call_sync(dest, path, iface, method, args,
                             GLib.VariantType(reply) if reply else None,
                             Gio.DBusCallFlags.NONE, 10000, None).unpack()

    def displayed():
        # dunst's own interface: how many notifications are on screen.
        return call('Get', GLib.Variant('(ss)', ('org.dunstproject.cmd0', 'displayedLength')),
                    None, 'org.freedesktop.Notifications', '/org/freedesktop/Notifications',
                    'org.freedesktop.DBus.Properties')[0]

    def wait_for(predicate, timeout):
        end = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() >= end:
                return False
            context.iteration(False) or time.sleep(0.01)
        return True

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
        cpu_settled(service.pid)
        schedule = call('GetSchedule', None, '(a(sbxub))')[0]
        idle = memory(service.pid)
        idle_groups = smaps(service.pid)
        now = time.time()
        due = [d for (_, enabled, d, _, _) in schedule if enabled and d > 0]
        first_due = min(due) - now if due else None

        cpu0, switches0 = threads_stat(service.pid)
        time.sleep(seconds)
        cpu1, switches1 = threads_stat(service.pid)

        # Two reminders come due a second after being snoozed, through the same timer and
        # notification path as at their interval; each is waited for on screen.
        for i, kind in enumerate(SHOWN_KINDS, 1):
            call('Snooze', GLib.Variant('(su)', (kind, 1)))
            if not (wait_for(lambda: kind in shown, 10) and wait_for(lambda: displayed() >= i, 5)):
                sys.exit(f'the {kind} reminder was not shown within 10 s')
        call('GetSchedule', None, '(a(sbxub))')   # it has answered all it was sent
        cpu_settled(service.pid)
        after = memory(service.pid)
        after_groups = smaps(service.pid)
    finally:
        service.terminate()
        service.wait()
        dunst.terminate()
        dunst.wait()
        shutil.rmtree(scratch, ignore_errors=True)

    print('limber-reminders benchmark')
    print(f'  start-up to owning {NAME}: {startup_ms:.1f} ms')
    print(f'  memory after start: RSS {mib(idle[0]):.2f} MiB, PSS {mib(idle[1]):.2f} MiB '
          f'(target RSS < {RSS_IDLE_TARGET_MB} MB)')
    print(f'  memory after {len(SHOWN_KINDS)} notifications: RSS {mib(after[0]):.2f} MiB, '
          f'PSS {mib(after[1]):.2f} MiB (target RSS < {RSS_SHOWN_TARGET_MB} MB)')
    if first_due is not None:
        print(f'  reminders scheduled: {len(due)}, the first due in {first_due / 60:.0f} min')
    else:
        print('  reminders scheduled: none in the active hours ahead')
    # Threads that started count whole; threads that ended count as one wakeup each.
    wakeups = sum(n - switches0.get(tid, 0) for tid, n in switches1.items())
    ended = len(set(switches0) - set(switches1))
    print(f'  idle {seconds:.0f} s: CPU {cpu1 - cpu0:.2f} s, wakeups (context switches, all '
          f'threads) {wakeups + ended} (target 0); threads {len(switches0)} -> {len(switches1)}')
    if os.environ.get('LIMBER_BENCH_SMAPS'):
        print_breakdown('after start', idle_groups, *idle)
        print_breakdown(f'after {len(SHOWN_KINDS)} notifications', after_groups, *after,
                        before=idle_groups)


main()
