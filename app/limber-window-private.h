/* limber-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by limber-window.c (the window, its banner and toasts) and limber-window-pages.c (its
 * pages).
 */

#pragma once

#include "limber-window.h"

G_BEGIN_DECLS

struct _LimberWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewStack         *stack;
  LimberTodayPage      *today_page;
  LimberCheckPage      *check_page;
  LimberStretchPage    *stretch_page;
  LimberRemindersPage  *reminders_page;
  LimberProgressPage   *progress_page;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *store_banner;
  GtkLabel             *store_banner_label;

  /* Collaborators, from the application */
  LimberClock          *clock;
  LimberJournal        *journal;
  LimberCatalog        *catalog;
  LimberCarePlan       *care_plan;
  LimberPackTimer      *pack_timer;
  LimberTimeFormat     *time_format;

  /* Owned */
  GSettings            *settings;
  gboolean              narrow;
  guint                 narrow_idle_id;
  /* The page last shown, and the one asked for while a stretch session asks to end first. */
  LimberPage            shown_page;
  LimberPage            wanted_page;
};

void limber_window_build_pages             (LimberWindow *self);

G_END_DECLS
