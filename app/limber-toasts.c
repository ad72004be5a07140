/* limber-toasts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-toasts.h"

/* libadwaita 1.2's AdwToastOverlay frees a toast's state when the toast has faded out, while the
 * toast's slide-in may still be running; the slide-in then ends on freed memory
 * (adw_animation_skip → "done" → g_object_unref of whatever is there) and the app crashes. Both
 * animations run on the overlay's frame clock, and in a frame the callback added last runs
 * first: so a toast dismissed during its slide-in crashes the app whenever no frame falls
 * between the end of its slide-in and the end of its fade-out, which a dismissal in the same
 * frame always does and a busy machine's long frames often do (Undo pressed at once).
 *
 * So Limber keeps two rules, and every toast of Limber's goes through here:
 * - the overlay gets one toast at a time, the next only once the one before is gone, faded out
 *   and freed: it never queues, never displaces, and never slides a toast in while another fades
 *   (in 1.2 that slide-in lasts 500 ms instead of 300);
 * - a toast is never dismissed while it slides in: a dismissal then (its Undo or close button,
 *   Escape, its timeout, or Limber making room) is held back, the "dismissed" signal stopped
 *   before the overlay sees it, and made again once a frame has passed the longest slide-in.
 *   So handlers of "dismissed" must be connected with G_CONNECT_AFTER, to see only the real one.
 *
 * At a phone's size a toast lies over the bottom of the page, where its buttons often are. So
 * while a toast is shown the overlay's child ends above it: its bottom margin is the toast's
 * height, kept up to date each frame (the toast's height follows the window's width). A page
 * that scrolls then scrolls its last control into view above the toast.
 *
 * Toasts added with limber_toasts_add_droppable() (news about something asked from outside, such
 * as an unknown routine id over D-Bus) may be dropped when more of them wait: a flood of them
 * never queues for hours, and never comes before a toast about the user's records. */

#define TOASTS_KEY "limber-toasts"
#define DROPPABLE_KEY "limber-toasts-droppable"

/* The longest slide-in of libadwaita 1.2's overlay (REPLACE_DURATION), in µs. */
#define SLIDE_IN_US (500 * 1000)

/* At most this many droppable toasts wait; older ones go. */
#define MAX_DROPPABLE_WAITING 2

typedef struct
{
  AdwToastOverlay *overlay;
  GQueue           waiting;      /* owned, not handed over yet */
  AdwToast        *shown;        /* handed over, until it is freed; not owned */
  gint64           shown_at;     /* frame time when it was handed over */
  guint            sliding_id;   /* a tick callback while its slide-in may run */
  gboolean         slid_in;      /* a frame has passed the longest slide-in */
  gboolean         dismiss_held; /* a dismissal waits for the slide-in to end */
  guint            dismiss_id;
  guint            show_next_id;
  guint            room_id;      /* a tick callback while a toast is shown */
} Toasts;

static void show_next (Toasts *toasts);

/* Keeps the overlay's child clear of the toast shown, as AdwToastOverlay 1.2 places it: at the
 * bottom, at its preferred height. */
static void
make_room (Toasts *toasts)
{
  GtkWidget *overlay = GTK_WIDGET (toasts->overlay);
  GtkWidget *child = adw_toast_overlay_get_child (toasts->overlay);
  int height = gtk_widget_get_height (overlay);
  int room = 0;

  if (child == NULL)
    return;

  /* The overlay's other children are its toasts' widgets. */
  for (GtkWidget *widget = gtk_widget_get_first_child (overlay);
       widget != NULL && toasts->shown != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      GtkRequisition size;

      if (widget == child)
        continue;
      gtk_widget_get_preferred_size (widget, NULL, &size);
      room = MAX (room, height > 0 ? MIN (size.height, height) : size.height);
    }

  if (gtk_widget_get_margin_bottom (child) != room)
    gtk_widget_set_margin_bottom (child, room);
}

static gboolean
room_tick (GtkWidget     *overlay,
           GdkFrameClock *frame_clock,
           gpointer       user_data)
{
  make_room (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
is_droppable (AdwToast *toast)
{
  return g_object_get_data (G_OBJECT (toast), DROPPABLE_KEY) != NULL;
}

static gboolean
show_next_idle (gpointer user_data)
{
  Toasts *toasts = user_data;

  toasts->show_next_id = 0;
  show_next (toasts);
  return G_SOURCE_REMOVE;
}

static gboolean
dismiss_idle (gpointer user_data)
{
  Toasts *toasts = user_data;

  toasts->dismiss_id = 0;
  /* Emitted, not adw_toast_dismiss(): libadwaita 1.2 marks the toast dismissed on the first
   * emission, the one held back, and would ignore a second call. */
  if (toasts->shown != NULL)
    g_signal_emit_by_name (toasts->shown, "dismissed");
  return G_SOURCE_REMOVE;
}

/* The slide-in is over: a dismissal held back is made now, outside the frame. */
static void
end_slide_in (Toasts *toasts)
{
  if (toasts->sliding_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (toasts->overlay), toasts->sliding_id);
      toasts->sliding_id = 0;
    }
  if (toasts->dismiss_held)
    {
      toasts->dismiss_held = FALSE;
      if (toasts->dismiss_id == 0)
        toasts->dismiss_id = g_idle_add (dismiss_idle, toasts);
    }
}

static gboolean
sliding_tick (GtkWidget     *overlay,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  Toasts *toasts = user_data;

  if (gdk_frame_clock_get_frame_time (frame_clock) - toasts->shown_at < SLIDE_IN_US)
    return G_SOURCE_CONTINUE;

  /* The slide-in ends in this frame at the latest, but its callback may run after this one:
   * one frame more. */
  if (!toasts->slid_in)
    {
      toasts->slid_in = TRUE;
      return G_SOURCE_CONTINUE;
    }

  toasts->sliding_id = 0;
  end_slide_in (toasts);
  return G_SOURCE_REMOVE;
}

/* Connected before the overlay's own handler, so it can hold the dismissal back. */
static void
on_dismissed (AdwToast *toast,
              gpointer  user_data)
{
  Toasts *toasts = user_data;

  if (toast != toasts->shown || toasts->sliding_id == 0)
    return;

  toasts->dismiss_held = TRUE;
  g_signal_stop_emission_by_name (toast, "dismissed");
}

/* An unmapped overlay ends its animations at once. */
static void
on_overlay_unmap (GtkWidget *overlay,
                  Toasts    *toasts)
{
  end_slide_in (toasts);
}

/* The overlay frees a toast once it has faded out. */
static void
on_shown_freed (gpointer  user_data,
                GObject  *where_the_toast_was)
{
  Toasts *toasts = user_data;

  toasts->shown = NULL;
  toasts->dismiss_held = FALSE;
  g_clear_handle_id (&toasts->dismiss_id, g_source_remove);
  if (toasts->room_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (toasts->overlay), toasts->room_id);
      toasts->room_id = 0;
    }
  make_room (toasts);
  if (toasts->sliding_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (toasts->overlay), toasts->sliding_id);
      toasts->sliding_id = 0;
    }
  /* Not from inside the overlay's own clean-up. */
  if (toasts->show_next_id == 0)
    toasts->show_next_id = g_idle_add (show_next_idle, toasts);
}

static void
show_next (Toasts *toasts)
{
  GtkWidget *overlay = GTK_WIDGET (toasts->overlay);
  AdwToast *toast;

  if (toasts->shown != NULL || (toast = g_queue_pop_head (&toasts->waiting)) == NULL)
    return;

  toasts->shown = toast;
  toasts->slid_in = FALSE;
  g_object_weak_ref (G_OBJECT (toast), on_shown_freed, toasts);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_dismissed), toasts);
  adw_toast_overlay_add_toast (toasts->overlay, toast);
  make_room (toasts);
  if (toasts->shown == toast && toasts->room_id == 0)
    toasts->room_id = gtk_widget_add_tick_callback (overlay, room_tick, toasts, NULL);

  /* Unmapped, the overlay skips the slide-in. */
  if (toasts->shown == toast && gtk_widget_get_mapped (overlay))
    {
      toasts->shown_at = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (overlay));
      toasts->sliding_id = gtk_widget_add_tick_callback (overlay, sliding_tick, toasts, NULL);
    }
}

static void
toasts_free (Toasts *toasts)
{
  /* The overlay is unmapped by now, so no tick callback is left. */
  g_clear_handle_id (&toasts->show_next_id, g_source_remove);
  g_clear_handle_id (&toasts->dismiss_id, g_source_remove);
  if (toasts->shown != NULL)
    {
      g_signal_handlers_disconnect_by_data (toasts->shown, toasts);
      g_object_weak_unref (G_OBJECT (toasts->shown), on_shown_freed, toasts);
    }
  g_queue_clear_full (&toasts->waiting, g_object_unref);
  g_free (toasts);
}

static Toasts *
get_toasts (AdwToastOverlay *overlay)
{
  Toasts *toasts = g_object_get_data (G_OBJECT (overlay), TOASTS_KEY);

  if (toasts == NULL)
    {
      toasts = g_new0 (Toasts, 1);
      toasts->overlay = overlay;
      g_queue_init (&toasts->waiting);
      g_object_set_data_full (G_OBJECT (overlay), TOASTS_KEY, toasts,
                              (GDestroyNotify) toasts_free);
      g_signal_connect (overlay, "unmap", G_CALLBACK (on_overlay_unmap), toasts);
    }

  return toasts;
}

/* Ends the toast shown, as soon as it may end (see the top of this file). */
static void
end_shown (Toasts *toasts)
{
  if (toasts->shown != NULL)
    adw_toast_dismiss (toasts->shown);
}

/**
 * limber_toasts_add:
 * @toast: (transfer full): the toast
 * @at_once: whether @toast comes now, ending the one shown, rather than after the others
 *
 * Shows @toast in @overlay once the toasts before it are gone, one toast at a time (see the top
 * of this file for why). A toast @at_once, such as a deleted routine's Undo, ends the one shown
 * and comes next. Toasts that may be dropped wait behind this one, and one of them shown ends
 * at once. Connect to @toast's "dismissed" signal with G_CONNECT_AFTER.
 */
void
limber_toasts_add (AdwToastOverlay *overlay,
                   AdwToast        *toast,
                   gboolean         at_once)
{
  Toasts *toasts;
  GList *first_droppable;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  toasts = get_toasts (overlay);

  if (at_once)
    {
      g_queue_push_head (&toasts->waiting, toast);
      end_shown (toasts);
    }
  else
    {
      /* A flood of toasts that may be dropped never comes before this one. */
      for (first_droppable = toasts->waiting.head; first_droppable != NULL;
           first_droppable = first_droppable->next)
        if (is_droppable (first_droppable->data))
          break;
      if (first_droppable != NULL)
        g_queue_insert_before (&toasts->waiting, first_droppable, toast);
      else
        g_queue_push_tail (&toasts->waiting, toast);
      if (toasts->shown != NULL && is_droppable (toasts->shown))
        end_shown (toasts);
    }

  show_next (toasts);
}

/**
 * limber_toasts_add_droppable:
 * @toast: (transfer full): the toast
 *
 * Shows @toast as limber_toasts_add() does, for news about something asked from outside (the
 * bus, the command line) that a flood could repeat thousands of times: when more than a few such
 * toasts wait, the oldest are dropped, and they never keep a toast about the user's records
 * waiting. Never use it for news about the user's records.
 */
void
limber_toasts_add_droppable (AdwToastOverlay *overlay,
                             AdwToast        *toast)
{
  Toasts *toasts;
  guint n_droppable = 0;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  toasts = get_toasts (overlay);
  g_object_set_data (G_OBJECT (toast), DROPPABLE_KEY, GINT_TO_POINTER (TRUE));

  for (GList *l = toasts->waiting.head; l != NULL; l = l->next)
    n_droppable += is_droppable (l->data);
  while (n_droppable >= MAX_DROPPABLE_WAITING)
    {
      for (GList *l = toasts->waiting.head; l != NULL; l = l->next)
        if (is_droppable (l->data))
          {
            AdwToast *dropped = l->data;

            g_queue_delete_link (&toasts->waiting, l);
            g_object_unref (dropped);
            break;
          }
      n_droppable--;
    }

  g_queue_push_tail (&toasts->waiting, toast);
  show_next (toasts);
}
