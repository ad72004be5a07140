/* limber-fake-clock.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-clock.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_FAKE_CLOCK (limber_fake_clock_get_type ())
G_DECLARE_FINAL_TYPE (LimberFakeClock, limber_fake_clock, LIMBER, FAKE_CLOCK, LimberClock)

LimberClock *limber_fake_clock_new            (gint64           wall_us);
void         limber_fake_clock_advance        (LimberFakeClock *self,
                                               gint64           delta_us);
void         limber_fake_clock_advance_to     (LimberFakeClock *self,
                                               gint64           monotonic_us);
void         limber_fake_clock_jump_wall      (LimberFakeClock *self,
                                               gint64           delta_us);
guint        limber_fake_clock_get_n_pending  (LimberFakeClock *self);
gint64       limber_fake_clock_get_next_deadline (LimberFakeClock *self);
void         limber_fake_clock_pass_time      (LimberFakeClock *self,
                                               gint64           monotonic_us);
void         limber_fake_clock_fire_next_at   (LimberFakeClock *self,
                                               gint64           monotonic_us);

G_END_DECLS
