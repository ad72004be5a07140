# SPDX-License-Identifier: GPL-3.0-or-later
#
# The measuring half of build-aux/bench-reminders; runs inside Xvfb and a private D-Bus session.
import glob
import os
import shutil
import statistics
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
# Issue 17's targets, against its reference: a bare GLib and libnotify daemon measured at
# 4.1 MB on another machine. Here they are read as ratios to build-aux/bench-bare-daemon.c
# measured in the same run; the absolute figures are printed for information (read as MiB).
RSS_IDLE_TARGET_MB, RSS_SHOWN_TARGET_MB, RSS_REFERENCE_MB = 6, 8, 4.1
BARE_NAME = 'io.github.limber.BenchBareDaemon'
BARE_PATH = '/io/github/limber/BenchBareDaemon'
BARE_IFACE = 'io.github.limber.BenchBareDaemon1'


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
    builddir, seconds, runs, bare = (sys.argv[1], float(sys.argv[2]), int(sys.argv[3]),
                                     sys.argv[4])
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
    context = GLib.MainContext.default()

    shown = []
    bus.signal_subscribe(None, IFACE, 'ReminderShown', PATH, None, Gio.DBusSignalFlags.NONE,
                         lambda *a: shown.append(a[5].unpack()[0]))
    bus.signal_subscribe(None, BARE_IFACE, 'Shown', BARE_PATH, None, Gio.DBusSignalFlags.NONE,
                         lambda *a: shown.append(a[5].unpack()[0]))

    def call(method, args=None, reply=None, dest=NAME, path=PATH, iface=IFACE):
        return bus.call_sync(dest, path, iface, method, args,
                             GLib.VariantType(reply) if reply else None,
                             Gio.DBusCallFlags.NONE, 10000, None).unpack()

    def dunst_call(method, args=None, iface='org.dunstproject.cmd0'):
        return call(method, args, None, 'org.freedesktop.Notifications',
                    '/org/freedesktop/Notifications', iface)

    def displayed():
        # dunst's own interface: how many notifications are on screen.
        return dunst_call('Get', GLib.Variant('(ss)', ('org.dunstproject.cmd0', 'displayedLength')),
                          'org.freedesktop.DBus.Properties')[0]

    def has_owner(name):
        return call('NameHasOwner', GLib.Variant('(s)', (name,)), '(b)', 'org.freedesktop.DBus',
                    '/org/freedesktop/DBus', 'org.freedesktop.DBus')[0]

    def wait_for(predicate, timeout):
        end = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() >= end:
                return False
            context.iteration(False) or time.sleep(0.01)
        return True

    # The two programs, measured the same way; each has a name to own, a way to have a
    # notification of a kind shown (the service's: a reminder snoozed for 1 s, which comes due
    # through the same timer and notification path as at its interval) and a call answered
    # once all sent before it is.
    programs = {
        'bare': dict(
            label='bare daemon', argv=[bare], name=BARE_NAME,
            show=lambda kind: call('Show', GLib.Variant('(s)', (kind,)), None, BARE_NAME,
                                   BARE_PATH, BARE_IFACE),
            sync=lambda: call('Ping', None, None, BARE_NAME, BARE_PATH,
                              'org.freedesktop.DBus.Peer')),
        'limber': dict(
            label='limber-reminders', argv=[f'{builddir}/app/reminders/limber-reminders'],
            name=NAME,
            show=lambda kind: call('Snooze', GLib.Variant('(su)', (kind, 1))),
            sync=lambda: call('GetSchedule', None, '(a(sbxub))')[0]),
    }

    def measure(program, seconds):
        # Each starts with nothing on screen and its name free.
        dunst_call('NotificationCloseAll')
        if not wait_for(lambda: displayed() == 0, 5):
            sys.exit('dunst did not close its notifications within 5 s')
        shown.clear()
        owned = {}
        loop = GLib.MainLoop()

        def appeared(connection, name, owner):
            owned['at'] = time.monotonic()
            loop.quit()

        def timed_out():
            owned['timeout'] = None
            loop.quit()
            return GLib.SOURCE_REMOVE

        watch = Gio.bus_watch_name_on_connection(bus, program['name'],
                                                 Gio.BusNameWatcherFlags.NONE, appeared, None)
        while context.iteration(False):
            pass
        if 'at' in owned:
            sys.exit(f'{program["name"]} is already owned')

        start = time.monotonic()
        process = subprocess.Popen(program['argv'], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        timeout = GLib.timeout_add_seconds(10, timed_out)
        loop.run()
        Gio.bus_unwatch_name(watch)
        if 'timeout' not in owned:
            GLib.source_remove(timeout)
        try:
            if 'at' not in owned:
                sys.exit(f'{program["label"]} did not own {program["name"]} within 10 s')
            result = dict(startup=(owned['at'] - start) * 1000)
            pid = process.pid
            cpu_settled(pid)
            result['schedule'] = program['sync']()
            result['idle'] = memory(pid)
            result['idle_groups'] = smaps(pid)
            result['now'] = time.time()

            cpu0, switches0 = threads_stat(pid)
            time.sleep(seconds)
            cpu1, switches1 = threads_stat(pid)
            result['cpu'] = cpu1 - cpu0
            # Threads that started count whole; threads that ended count as one wakeup each.
            result['wakeups'] = (sum(n - switches0.get(tid, 0) for tid, n in switches1.items())
                                 + len(set(switches0) - set(switches1)))
            result['threads'] = (len(switches0), len(switches1))

            # Two notifications, each waited for on screen.
            for i, kind in enumerate(SHOWN_KINDS, 1):
                program['show'](kind)
                if not (wait_for(lambda: kind in shown, 10)
                        and wait_for(lambda: displayed() >= i, 5)):
                    sys.exit(f'{program["label"]}: the {kind} notification was not shown '
                             'within 10 s')
            program['sync']()
            cpu_settled(pid)
            result['after'] = memory(pid)
            result['after_groups'] = smaps(pid)
            return result
        finally:
            process.terminate()
            process.wait()
            wait_for(lambda: not has_owner(program['name']), 5)

    dunst = subprocess.Popen(['dunst', '-config', 'tests/dunstrc'], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = {key: [] for key in programs}
    try:
        subprocess.run(['gdbus', 'wait', '--session', '--timeout', '10',
                        'org.freedesktop.Notifications'], check=True)
        # One round first, unmeasured and without the idle stretch, so both start from a warm
        # page cache (on this kernel a page fault maps the neighbouring pages already cached).
        for key, program in programs.items():
            measure(program, 0)
        # Then in turn, the same number of times.
        for _ in range(runs):
            for key, program in programs.items():
                results[key].append(measure(program, seconds))
    finally:
        dunst.terminate()
        dunst.wait()
        shutil.rmtree(scratch, ignore_errors=True)

    def median(key, get):
        return statistics.median(get(r) for r in results[key])

    rows = [
        ('start-up to owning its bus name (ms)', lambda r: r['startup'], '.1f', None),
        ('RSS after start (MiB)', lambda r: mib(r['idle'][0]), '.2f',
         RSS_IDLE_TARGET_MB / RSS_REFERENCE_MB),
        (f'RSS after {len(SHOWN_KINDS)} notifications (MiB)', lambda r: mib(r['after'][0]),
         '.2f', RSS_SHOWN_TARGET_MB / RSS_REFERENCE_MB),
        ('PSS after start (MiB)', lambda r: mib(r['idle'][1]), '.2f', None),
        (f'PSS after {len(SHOWN_KINDS)} notifications (MiB)', lambda r: mib(r['after'][1]),
         '.2f', None),
        (f'idle {seconds:.0f} s: CPU (s)', lambda r: r['cpu'], '.2f', None),
        (f'idle {seconds:.0f} s: wakeups, all threads', lambda r: r['wakeups'], '.0f', None),
    ]
    print(f'limber-reminders against a bare GLib + libnotify daemon '
          f'(build-aux/bench-bare-daemon.c):')
    print(f'medians of {runs} runs each, taken in turn in one D-Bus session with dunst')
    print(f'{"":40} {"bare daemon":>11} {"limber-reminders":>16} {"ratio":>7}  target')
    for name, get, fmt, target in rows:
        bare_value, limber_value = median('bare', get), median('limber', get)
        ratio = f'{limber_value / bare_value:6.2f}x' if bare_value else f'{"":7}'
        mark = '' if target is None else (
            f'<= {target:.2f}x ' + ('ok' if limber_value / bare_value <= target else 'OVER'))
        print(f'{name:40} {bare_value:11{fmt}} {limber_value:16{fmt}} {ratio}  {mark}')

    for name, index in (('after start', 'idle'), (f'after {len(SHOWN_KINDS)}', 'after')):
        ratios = [lr[index][0] / br[index][0] for br, lr in zip(results['bare'],
                                                                results['limber'])]
        print(f'  RSS ratio {name} in each run: ' + ' '.join(f'{x:.2f}x' for x in ratios))
    last = {key: results[key][-1] for key in results}
    print('  threads after start -> after the idle stretch: bare daemon {} -> {}, '
          'limber-reminders {} -> {} (limber-reminders\' target: no wakeups between due '
          'times apart from D-Bus traffic)'.format(*last['bare']['threads'],
                                                   *last['limber']['threads']))
    print(f'  issue 17\'s targets: RSS < {RSS_IDLE_TARGET_MB} MB after start and '
          f'< {RSS_SHOWN_TARGET_MB} MB after two notifications, against {RSS_REFERENCE_MB} MB '
          'for a bare GLib + libnotify daemon on another machine: the ratios '
          f'{RSS_IDLE_TARGET_MB / RSS_REFERENCE_MB:.2f}x and '
          f'{RSS_SHOWN_TARGET_MB / RSS_REFERENCE_MB:.2f}x above')
    for name, index, target in (('after start', 'idle', RSS_IDLE_TARGET_MB),
                                (f'after {len(SHOWN_KINDS)} notifications', 'after',
                                 RSS_SHOWN_TARGET_MB)):
        bare_value = median('bare', lambda r: mib(r[index][0]))
        limber_value = median('limber', lambda r: mib(r[index][0]))
        print(f'  absolute, for information: RSS {name} {limber_value:.2f} MiB '
              f'(target < {target}: {"met" if limber_value < target else "not met"}; '
              f'the bare daemon {bare_value:.2f})')
    schedule, now = last['limber']['schedule'], last['limber']['now']
    due = [d for (_, enabled, d, _, _) in schedule if enabled and d > 0]
    if due:
        print(f'  reminders scheduled: {len(due)}, the first due in '
              f'{(min(due) - now) / 60:.0f} min')
    else:
        print('  reminders scheduled: none in the active hours ahead')
    if os.environ.get('LIMBER_BENCH_SMAPS'):
        for key in ('bare', 'limber'):
            r = last[key]
            print(f'{programs[key]["label"]}, the last run:')
            print_breakdown('after start', r['idle_groups'], *r['idle'])
            print_breakdown(f'after {len(SHOWN_KINDS)} notifications', r['after_groups'],
                            *r['after'], before=r['idle_groups'])


main()
