/* limber-window-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's pages: the stack they live in, each page built with its collaborators the first
 * time it is shown, and a running stretch session asked to end before another page shows.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-window-private.h"

/* The page shown, or -1 for a slot that is not a page (while the stack is being filled). */
static int
visible_page (LimberWindow *self)
{
  LimberPage page;

  if (!limber_page_from_string (adw_view_stack_get_visible_child_name (self->stack), &page))
    return -1;
  return page;
}

static void
show_wanted_page_cb (gpointer user_data)
{
  LimberWindow *self = LIMBER_WINDOW (user_data);

  limber_window_show_page (self, self->wanted_page);
}

static void
on_visible_page_changed (LimberWindow *self)
{
  int page = visible_page (self);

  if (page < 0)
    return;

  if (self->stretch_page != NULL && self->shown_page == LIMBER_PAGE_STRETCH &&
      page != LIMBER_PAGE_STRETCH && limber_stretch_page_has_session (self->stretch_page))
    {
      self->wanted_page = page;
      limber_window_show_page (self, LIMBER_PAGE_STRETCH);
      limber_stretch_page_ask_to_end (self->stretch_page, show_wanted_page_cb, self);
      return;
    }

  self->shown_page = page;
}

static void
add_page (LimberWindow *self,
          GtkWidget    *page,
          LimberPage    name,
          const char   *title,
          const char   *icon_name)
{
  AdwViewStackPage *stack_page = adw_view_stack_add_titled (self->stack, page,
                                                            limber_page_to_string (name), title);

  adw_view_stack_page_set_icon_name (stack_page, icon_name);
}

/* Builds @page, if it is not built yet, into its place in the stack. */
static GtkWidget *
ensure_page (LimberWindow *self,
             LimberPage    page)
{
  GtkWidget *slot = adw_view_stack_get_child_by_name (self->stack, limber_page_to_string (page));
  GtkWidget *widget;

  if (page == LIMBER_PAGE_TODAY)
    return GTK_WIDGET (self->today_page);

  g_return_val_if_fail (ADW_IS_BIN (slot), NULL);
  if ((widget = adw_bin_get_child (ADW_BIN (slot))) != NULL)
    return widget;

  switch (page)
    {
    case LIMBER_PAGE_CHECK:
      widget = GTK_WIDGET (self->check_page = limber_check_page_new (self->journal,
                                                                     self->care_plan));
      break;
    case LIMBER_PAGE_STRETCH:
      widget = GTK_WIDGET (self->stretch_page = limber_stretch_page_new (self->clock,
                                                                         self->journal,
                                                                         self->catalog,
                                                                         self->care_plan));
      break;
    case LIMBER_PAGE_REMINDERS:
      widget = GTK_WIDGET (self->reminders_page = limber_reminders_page_new (self->clock,
                                                                             self->journal,
                                                                             self->care_plan,
                                                                             self->time_format));
      break;
    case LIMBER_PAGE_PROGRESS:
      widget = GTK_WIDGET (self->progress_page = limber_progress_page_new (self->clock,
                                                                           self->journal));
      break;
    case LIMBER_PAGE_TODAY:
    default:
      g_return_val_if_reached (NULL);
    }

  adw_bin_set_child (ADW_BIN (slot), widget);
  return widget;
}

static void
on_visible_page (LimberWindow *self)
{
  int page = visible_page (self);

  if (page >= 0)
    ensure_page (self, page);
}

/* Today is the first thing seen, so it is complete in the first frame; the others are built
 * the first time they are shown (or asked for), which keeps start-up as short as GTK's own. */
void
limber_window_build_pages (LimberWindow *self)
{
  self->today_page = limber_today_page_new (self->clock, self->journal, self->care_plan,
                                            self->pack_timer, self->time_format);
  /* Translators: the five page names are tabs; at phone width five share 360 px, so keep each
   * to about 9 characters. */
  add_page (self, GTK_WIDGET (self->today_page), LIMBER_PAGE_TODAY, _("Today"), "limber-today-symbolic");
  add_page (self, adw_bin_new (), LIMBER_PAGE_CHECK, _("Check"), "limber-spine-symbolic");
  add_page (self, adw_bin_new (), LIMBER_PAGE_STRETCH, _("Stretch"), "limber-stretch-symbolic");
  add_page (self, adw_bin_new (), LIMBER_PAGE_REMINDERS, _("Reminders"), "limber-reminders-symbolic");
  add_page (self, adw_bin_new (), LIMBER_PAGE_PROGRESS, _("Progress"), "limber-progress-symbolic");
  /* A page switcher remakes all its buttons for each page added to its stack, so it is given
   * the stack once the pages are in: 5 buttons made rather than 15. */
  adw_view_switcher_title_set_stack (self->switcher_title, self->stack);
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (on_visible_page), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (on_visible_page_changed),
                           self, G_CONNECT_SWAPPED);
  on_visible_page_changed (self);
}

/**
 * limber_window_show_page:
 * @self: a #LimberWindow
 * @page: the page to show
 *
 * Shows one of the window's pages.
 */
void
limber_window_show_page (LimberWindow *self,
                         LimberPage    page)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, limber_page_to_string (page));
}

/**
 * limber_window_get_page:
 * @self: a #LimberWindow
 *
 * Returns: the page shown
 */
LimberPage
limber_window_get_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), LIMBER_PAGE_TODAY);

  return MAX (visible_page (self), LIMBER_PAGE_TODAY);
}

/**
 * limber_window_get_check_page:
 * @self: a #LimberWindow
 *
 * Returns: (transfer none): the symptom check page
 */
LimberTodayPage *
limber_window_get_today_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  return self->today_page;
}

LimberCheckPage *
limber_window_get_check_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  ensure_page (self, LIMBER_PAGE_CHECK);
  return self->check_page;
}

/**
 * limber_window_get_stretch_page:
 * @self: a #LimberWindow
 *
 * Returns: (transfer none): the page of routines and the player
 */
LimberStretchPage *
limber_window_get_stretch_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  ensure_page (self, LIMBER_PAGE_STRETCH);
  return self->stretch_page;
}

/**
 * limber_window_get_reminders_page:
 * @self: a #LimberWindow
 *
 * Returns: (transfer none): the page of reminder settings and the service's schedule
 */
LimberProgressPage *
limber_window_get_progress_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  ensure_page (self, LIMBER_PAGE_PROGRESS);
  return self->progress_page;
}

LimberRemindersPage *
limber_window_get_reminders_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  ensure_page (self, LIMBER_PAGE_REMINDERS);
  return self->reminders_page;
}
