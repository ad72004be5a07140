/* limber-water-log.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "limber-clock.h"
#include "limber-store.h"

G_BEGIN_DECLS

/* The most glasses one day holds: far above any goal (at most 20), so only a runaway script
 * or a hostile caller reaches it. */
#define LIMBER_WATER_LOG_MAX_PER_DAY 50

#define LIMBER_TYPE_WATER_LOG (limber_water_log_get_type ())
G_DECLARE_FINAL_TYPE (LimberWaterLog, limber_water_log, LIMBER, WATER_LOG, GObject)

LimberWaterLog *limber_water_log_new           (LimberClock     *clock,
                                                GTimeZone       *time_zone,
                                                LimberStore     *store);
char           *limber_water_log_default_path  (void);
guint           limber_water_log_get_today     (LimberWaterLog  *self);
gboolean        limber_water_log_add_glass     (LimberWaterLog  *self,
                                                const char      *source,
                                                GError         **error);

G_END_DECLS
