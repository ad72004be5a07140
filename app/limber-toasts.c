/* limber-toasts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-toasts.h"

/* libadwaita 1.2's AdwToastOverlay aborts or frees twice in two cases, both reached by a toast
 * dismissed soon after it appears (Undo pressed at once, Escape, the close button):
 * - a high-priority toast puts the toast it displaces back in the queue while that one is
 *   still fading out; dismissed within those 300 ms, the overlay shows the displaced toast
 *   again while it still has its widget, and asserts;
 * - a toast shown while another fades out slides in for 500 ms instead of 300; dismissed
 *   within 200 ms, it has faded out and been freed before its slide-in ends, which then writes
 *   to it.
 * So Limber hands the overlay one toast at a time, and the next only once the one before is
 * gone, faded out and freed: the overlay never queues, never displaces, and never shows a toast
 * while another fades. Every toast of Limber's goes through here. */

#define TOASTS_KEY "limber-toasts"

typedef struct
{
  AdwToastOverlay *overlay;
  GQueue           waiting;   /* owned, not handed over yet */
  AdwToast        *shown;     /* handed over, until it is freed; not owned */
  guint            show_next_id;
} Toasts;

static void show_next (Toasts *toasts);

static gboolean
show_next_idle (gpointer user_data)
{
  Toasts *toasts = user_data;

  toasts->show_next_id = 0;
  show_next (toasts);
  return G_SOURCE_REMOVE;
}

/* The overlay frees a toast once it has faded out. */
static void
on_shown_freed (gpointer  user_data,
                GObject  *where_the_toast_was)
{
  Toasts *toasts = user_data;

  toasts->shown = NULL;
  /* Not from inside the overlay's own clean-up. */
  if (toasts->show_next_id == 0)
    toasts->show_next_id = g_idle_add (show_next_idle, toasts);
}

static void
show_next (Toasts *toasts)
{
  AdwToast *toast;

  if (toasts->shown != NULL || (toast = g_queue_pop_head (&toasts->waiting)) == NULL)
    return;

  toasts->shown = toast;
  g_object_weak_ref (G_OBJECT (toast), on_shown_freed, toasts);
  adw_toast_overlay_add_toast (toasts->overlay, toast);
}

static void
toasts_free (Toasts *toasts)
{
  g_clear_handle_id (&toasts->show_next_id, g_source_remove);
  if (toasts->shown != NULL)
    g_object_weak_unref (G_OBJECT (toasts->shown), on_shown_freed, toasts);
  g_queue_clear_full (&toasts->waiting, g_object_unref);
  g_free (toasts);
}

/**
 * limber_toasts_add:
 * @toast: (transfer full): the toast
 * @at_once: whether @toast comes now, ending the one shown, rather than after the others
 *
 * Shows @toast in @overlay once the toasts before it are gone, one toast at a time (see the top
 * of this file for why). A toast @at_once, such as a deleted routine's Undo, ends the one shown
 * and comes next.
 */
void
limber_toasts_add (AdwToastOverlay *overlay,
                   AdwToast        *toast,
                   gboolean         at_once)
{
  Toasts *toasts;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  toasts = g_object_get_data (G_OBJECT (overlay), TOASTS_KEY);
  if (toasts == NULL)
    {
      toasts = g_new0 (Toasts, 1);
      toasts->overlay = overlay;
      g_queue_init (&toasts->waiting);
      g_object_set_data_full (G_OBJECT (overlay), TOASTS_KEY, toasts,
                              (GDestroyNotify) toasts_free);
    }

  if (!at_once)
    {
      g_queue_push_tail (&toasts->waiting, toast);
    }
  else
    {
      g_queue_push_head (&toasts->waiting, toast);
      /* Does nothing to one already dismissed and fading out. */
      if (toasts->shown != NULL)
        adw_toast_dismiss (toasts->shown);
    }

  show_next (toasts);
}
