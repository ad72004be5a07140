/* limber-summary-fixture.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person's records for the doctor summary's tests, written through the journal on the fake
 * clock: an episode 200 days ago that ended, a current one, a check with two Yes answers, pain
 * ratings, cold packs, walks and a session stopped because it hurt.
 */

#pragma once

#include "limber-fake-clock.h"
#include "limber-journal.h"

G_BEGIN_DECLS

/* 7 December 2026, 09:00 UTC: "now" once the records are in. */
#define LIMBER_SUMMARY_FIXTURE_NOW_US ((gint64) 1796634000 * G_USEC_PER_SEC)

void limber_summary_fixture_fill (LimberJournal   *journal,
                                  LimberFakeClock *clock);

G_END_DECLS
