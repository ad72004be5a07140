/* bench-startup-probe.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts a program and measures its start-up as a user sees it, for build-aux/bench-startup:
 * the time until its first top-level window is mapped on the X server, the time until its CPU
 * use settles (no CPU time added for SETTLE_MS), the CPU time used by then, and its RSS then.
 * Prints one line: "map_ms settle_ms cpu_ms rss_kib", then ends the program.
 *
 * Usage: bench-startup-probe PROGRAM [ARGS...]
 */

#include <X11/Xlib.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SETTLE_MS 300
#define POLL_MS   5
#define TIMEOUT_MS 30000

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* utime + stime of @pid in ms, or -1 once it is gone. */
static double
cpu_ms (pid_t pid)
{
  char path[64], buf[1024];
  FILE *f;
  char *p;
  unsigned long utime, stime;

  snprintf (path, sizeof path, "/proc/%d/stat", (int) pid);
  if ((f = fopen (path, "r")) == NULL)
    return -1;
  if (fgets (buf, sizeof buf, f) == NULL)
    {
      fclose (f);
      return -1;
    }
  fclose (f);

  /* Fields after the command name, which may hold spaces: state is field 3, utime 14. */
  p = strrchr (buf, ')');
  if (p == NULL || sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
                           &utime, &stime) != 2)
    return -1;

  return (utime + stime) * 1000.0 / sysconf (_SC_CLK_TCK);
}

static long
rss_kib (pid_t pid)
{
  char path[64], line[256];
  FILE *f;
  long kib = -1;

  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  if ((f = fopen (path, "r")) == NULL)
    return -1;
  while (fgets (line, sizeof line, f) != NULL)
    if (sscanf (line, "VmRSS: %ld kB", &kib) == 1)
      break;
  fclose (f);
  return kib;
}

int
main (int   argc,
      char *argv[])
{
  Display *display;
  double start, map_ms = -1, last_change, last_cpu = 0;
  pid_t pid;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s PROGRAM [ARGS...]\n", argv[0]);
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "bench-startup-probe: no X display\n");
      return 1;
    }
  /* Every window mapped as a child of the root: a top level (there is no window manager). */
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  pid = fork ();
  if (pid == 0)
    {
      execvp (argv[1], argv + 1);
      _exit (127);
    }

  while (map_ms < 0)
    {
      if (now_ms () - start > TIMEOUT_MS || waitpid (pid, NULL, WNOHANG) == pid)
        {
          fprintf (stderr, "bench-startup-probe: %s showed no window\n", argv[1]);
          kill (pid, SIGKILL);
          return 1;
        }
      while (XPending (display))
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && map_ms < 0)
            map_ms = now_ms () - start;
        }
      if (map_ms < 0)
        usleep (500);
    }

  /* Settled: no CPU time added for SETTLE_MS. The tick is 10 ms, so this is its resolution. */
  last_change = now_ms ();
  while (now_ms () - last_change < SETTLE_MS && now_ms () - start < TIMEOUT_MS)
    {
      double cpu = cpu_ms (pid);

      if (cpu < 0)
        break;
      if (cpu != last_cpu)
        {
          last_cpu = cpu;
          last_change = now_ms ();
        }
      usleep (POLL_MS * 1000);
    }

  printf ("%.1f %.1f %.0f %ld\n", map_ms, last_change - start, last_cpu, rss_kib (pid));
  fflush (stdout);

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  XCloseDisplay (display);
  return 0;
}
