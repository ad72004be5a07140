/* limber-presence-monitor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "limber-clock.h"

G_BEGIN_DECLS

/* How long without input counts as away, as Mutter's idle monitor sees it. */
#define LIMBER_PRESENCE_IDLE_MS (5 * 60 * 1000)

#define LIMBER_TYPE_PRESENCE_MONITOR (limber_presence_monitor_get_type ())
G_DECLARE_FINAL_TYPE (LimberPresenceMonitor, limber_presence_monitor,
                      LIMBER, PRESENCE_MONITOR, GObject)

LimberPresenceMonitor *limber_presence_monitor_new     (LimberClock           *clock);
gboolean               limber_presence_monitor_is_away (LimberPresenceMonitor *self);

G_END_DECLS
