/* limber-system-clock.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-clock.h"

G_BEGIN_DECLS

#define LIMBER_TIME_SCALE_ENV "LIMBER_DEBUG_TIME_SCALE"
#define LIMBER_TIME_START_ENV "LIMBER_DEBUG_TIME_START"

/* The time scales a clock accepts: from 100 times slower to 10,000 times faster. */
#define LIMBER_TIME_SCALE_MIN 0.01
#define LIMBER_TIME_SCALE_MAX 10000.0

#define LIMBER_TYPE_SYSTEM_CLOCK (limber_system_clock_get_type ())
G_DECLARE_FINAL_TYPE (LimberSystemClock, limber_system_clock, LIMBER, SYSTEM_CLOCK, LimberClock)

LimberClock *limber_system_clock_new          (double       time_scale);
LimberClock *limber_system_clock_new_from_env (void);
double       limber_system_clock_get_time_scale (LimberSystemClock *self);
gboolean     limber_system_clock_parse_time_scale (const char  *text,
                                                   double      *time_scale,
                                                   GError     **error);

gint64       limber_system_clock_to_real_us       (LimberSystemClock *self,
                                                   gint64             monotonic_us);

G_END_DECLS
