/* limber-water-log.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "limber-clock.h"
#include "limber-journal.h"

G_BEGIN_DECLS

/* The most glasses one day holds (the journal's bound): far above any goal (at most 20), so
 * only a runaway script or a hostile caller reaches it. */
#define LIMBER_WATER_LOG_MAX_PER_DAY LIMBER_JOURNAL_MAX_GLASSES_PER_DAY

#define LIMBER_TYPE_WATER_LOG (limber_water_log_get_type ())
G_DECLARE_FINAL_TYPE (LimberWaterLog, limber_water_log, LIMBER, WATER_LOG, GObject)

LimberWaterLog *limber_water_log_new           (GTimeZone       *time_zone,
                                                LimberJournal   *journal);
char           *limber_water_log_default_path  (void);
guint           limber_water_log_get_today     (LimberWaterLog  *self);

G_END_DECLS
