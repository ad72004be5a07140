/* limber-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * LimberPage:
 * @LIMBER_PAGE_TODAY: the plan for today
 * @LIMBER_PAGE_CHECK: the symptom check
 * @LIMBER_PAGE_STRETCH: routines and the player
 * @LIMBER_PAGE_REMINDERS: reminder settings and today's schedule
 * @LIMBER_PAGE_PROGRESS: charts of the records
 *
 * The window's pages, in the order of the switcher. Their nicks ("today", "check", …) name
 * them in the window's stack and in the `app.show-page` action, which notifications and
 * D-Bus callers use.
 */
typedef enum
{
  LIMBER_PAGE_TODAY,
  LIMBER_PAGE_CHECK,
  LIMBER_PAGE_STRETCH,
  LIMBER_PAGE_REMINDERS,
  LIMBER_PAGE_PROGRESS,
} LimberPage;

const char *limber_page_to_string   (LimberPage  page);
gboolean    limber_page_from_string (const char *name,
                                     LimberPage *page);

G_END_DECLS
