/* limber-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-window.h"

/* Below this width the view switcher moves from the header bar to a bar at the bottom. */
#define NARROW_WIDTH 500

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

  /* Owned */
  LimberStore          *store;
  GSettings            *settings;
  gboolean              narrow;
  guint                 narrow_idle_id;
};

G_DEFINE_FINAL_TYPE (LimberWindow, limber_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
apply_narrow (LimberWindow *self)
{
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, !self->narrow);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, self->narrow);
}

static gboolean
apply_narrow_idle (gpointer user_data)
{
  LimberWindow *self = LIMBER_WINDOW (user_data);

  self->narrow_idle_id = 0;
  apply_narrow (self);

  return G_SOURCE_REMOVE;
}

static void
limber_window_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  gboolean narrow = width < NARROW_WIDTH;

  GTK_WIDGET_CLASS (limber_window_parent_class)->size_allocate (widget, width, height, baseline);

  if (narrow == self->narrow)
    return;

  self->narrow = narrow;
  /* Changing the layout inside an allocation would resize it again mid-way; do it right after. */
  if (self->narrow_idle_id == 0)
    self->narrow_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_narrow_idle, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

static void
save_window_state (LimberWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
limber_window_close_request (GtkWindow *window)
{
  save_window_state (LIMBER_WINDOW (window));

  return GTK_WINDOW_CLASS (limber_window_parent_class)->close_request (window);
}

static void
limber_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_dispose (GObject *object)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  g_clear_handle_id (&self->narrow_idle_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_window_parent_class)->dispose (object);
}

static void
dismiss_store_banner_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (LIMBER_WINDOW (widget)->store_banner, FALSE);
}

/* Says, until dismissed, that records are not being saved or that a damaged file was moved. */
static void
update_store_banner (LimberWindow *self)
{
  const char *problem = limber_store_get_problem (self->store);
  const char *moved = limber_store_get_moved_aside_path (self->store);
  g_autofree char *text = NULL;

  if (problem != NULL)
    text = g_strdup (problem);
  else if (moved != NULL)
    text = g_strdup_printf (_("Your history file was damaged, so Limber started a new one. "
                              "The old file is kept at %s."), moved);

  if (text != NULL)
    gtk_label_set_label (self->store_banner_label, text);
  gtk_revealer_set_reveal_child (self->store_banner, text != NULL);
}

static void
limber_window_class_init (LimberWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = limber_window_dispose;
  object_class->get_property = limber_window_get_property;
  widget_class->size_allocate = limber_window_size_allocate;
  window_class->close_request = limber_window_close_request;

  /**
   * LimberWindow:narrow:
   *
   * Whether the window is narrower than 500 px, with the page switcher at the bottom.
   */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIMBER_TYPE_TODAY_PAGE);
  g_type_ensure (LIMBER_TYPE_CHECK_PAGE);
  g_type_ensure (LIMBER_TYPE_STRETCH_PAGE);
  g_type_ensure (LIMBER_TYPE_REMINDERS_PAGE);
  g_type_ensure (LIMBER_TYPE_PROGRESS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/limber-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, today_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, check_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, store_banner);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, store_banner_label);

  gtk_widget_class_install_action (widget_class, "win.dismiss-store-banner", NULL,
                                   dismiss_store_banner_action);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, stretch_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, reminders_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, progress_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, toast_overlay);
}

static void
limber_window_init (LimberWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  apply_narrow (self);
}

/**
 * limber_window_new:
 * @application: the application
 *
 * Returns: (transfer full): a new main window
 */
LimberWindow *
limber_window_new (AdwApplication *application)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);

  return g_object_new (LIMBER_TYPE_WINDOW, "application", application, NULL);
}

/**
 * limber_window_show_page:
 * @self: a #LimberWindow
 * @name: a page name, such as "check"
 *
 * Shows one of the window's pages.
 */
void
limber_window_show_page (LimberWindow *self,
                         const char   *name)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->stack, name);
}

/**
 * limber_window_get_page:
 * @self: a #LimberWindow
 *
 * Returns: the name of the page shown
 */
const char *
limber_window_get_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * limber_window_get_narrow:
 * @self: a #LimberWindow
 *
 * Returns: whether the narrow layout is in use
 */
gboolean
limber_window_get_narrow (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), FALSE);

  return self->narrow;
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

/* Follows @store's problems in a banner at the top of the window. */
void
limber_window_set_store (LimberWindow *self,
                         LimberStore  *store)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (LIMBER_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_signal_connect_swapped (store, "notify::problem", G_CALLBACK (update_store_banner), self);
  update_store_banner (self);
}

LimberCheckPage *
limber_window_get_check_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

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

  return self->progress_page;
}

LimberRemindersPage *
limber_window_get_reminders_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  return self->reminders_page;
}

/* Shows a short message at the bottom of the window, as plain text: it may hold routine ids,
 * file names and error messages, which must not be read as markup. */
void
limber_window_add_toast (LimberWindow *self,
                         const char   *title)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (LIMBER_IS_WINDOW (self));

  /* AdwToast 1.2 always parses its title as Pango markup. */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
