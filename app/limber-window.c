/* limber-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-toasts.h"

#include "limber-window-private.h"

/* Below this width the view switcher moves from the header bar to a bar at the bottom. */
#define NARROW_WIDTH 500

G_DEFINE_FINAL_TYPE (LimberWindow, limber_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_NARROW,
  PROP_CLOCK,
  PROP_JOURNAL,
  PROP_CATALOG,
  PROP_CARE_PLAN,
  PROP_PACK_TIMER,
  PROP_TIME_FORMAT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
apply_narrow (LimberWindow *self)
{
  /* The bottom bar's buttons are made when it is first needed. */
  if (self->narrow && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
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

/* AdwViewSwitcherTitle chooses between its wide switcher, its narrow one and the title in its
 * first allocation, which comes after the window is mapped: so at every start it crossfaded for
 * 200 ms from the switcher it started with to the one that fits, a dozen frames more, each drawn
 * whole (with software GL, most of start-up's CPU time). Nothing was on screen to fade from, so
 * the first choice is made without the crossfade; later ones (the window resized) keep it. */
static AdwSqueezer *
get_switcher_squeezer (LimberWindow *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->switcher_title));

  return ADW_IS_SQUEEZER (child) ? ADW_SQUEEZER (child) : NULL;
}

static void
on_first_frame (GdkFrameClock *frame_clock,
                LimberWindow  *self)
{
  AdwSqueezer *squeezer = get_switcher_squeezer (self);

  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame, self);
  if (squeezer != NULL)
    adw_squeezer_set_transition_type (squeezer, ADW_SQUEEZER_TRANSITION_TYPE_CROSSFADE);
}

static void
limber_window_realize (GtkWidget *widget)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  AdwSqueezer *squeezer = get_switcher_squeezer (self);

  GTK_WIDGET_CLASS (limber_window_parent_class)->realize (widget);

  if (squeezer != NULL &&
      adw_squeezer_get_transition_type (squeezer) != ADW_SQUEEZER_TRANSITION_TYPE_NONE)
    {
      adw_squeezer_set_transition_type (squeezer, ADW_SQUEEZER_TRANSITION_TYPE_NONE);
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (on_first_frame), self, 0);
    }
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

/* A stretch session is never ended by accident: closing the window or leaving the Stretch page
 * while one is under way pauses it and asks first. The Stretch page owns the question. */
static gboolean
close_idle (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Closed right after the dialog's answer, not from inside it. */
static void
close_after_session_cb (gpointer user_data)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (user_data), g_object_unref);
}

static gboolean
limber_window_close_request (GtkWindow *window)
{
  LimberWindow *self = LIMBER_WINDOW (window);

  if (self->stretch_page != NULL && limber_stretch_page_has_session (self->stretch_page))
    {
      limber_stretch_page_ask_to_end (self->stretch_page, close_after_session_cb, self);
      return TRUE;
    }

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

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_CARE_PLAN:
      g_value_set_object (value, self->care_plan);
      break;

    case PROP_PACK_TIMER:
      g_value_set_object (value, self->pack_timer);
      break;

    case PROP_TIME_FORMAT:
      g_value_set_object (value, self->time_format);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_CARE_PLAN:
      self->care_plan = g_value_dup_object (value);
      break;

    case PROP_PACK_TIMER:
      self->pack_timer = g_value_dup_object (value);
      break;

    case PROP_TIME_FORMAT:
      self->time_format = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void update_store_banner (LimberWindow *self);

/* A record that could not be kept even in memory is said where the user sees it. */
static void
on_write_failed (LimberWindow *self,
                 const char   *message)
{
  g_autofree char *text = g_strdup_printf (_("Not recorded: %s"), message);

  limber_window_add_toast (self, text);
}

/* The pages are made here, in code, so each gets its collaborators when it is built. */
static void
limber_window_constructed (GObject *object)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  G_OBJECT_CLASS (limber_window_parent_class)->constructed (object);

  g_return_if_fail (LIMBER_IS_CLOCK (self->clock));
  g_return_if_fail (LIMBER_IS_JOURNAL (self->journal));
  g_return_if_fail (LIMBER_IS_CATALOG (self->catalog));
  g_return_if_fail (LIMBER_IS_CARE_PLAN (self->care_plan));
  g_return_if_fail (LIMBER_IS_PACK_TIMER (self->pack_timer));
  g_return_if_fail (LIMBER_IS_TIME_FORMAT (self->time_format));

  limber_window_build_pages (self);

  g_signal_connect_object (self->journal, "notify::problem", G_CALLBACK (update_store_banner),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->journal, "write-failed", G_CALLBACK (on_write_failed), self,
                           G_CONNECT_SWAPPED);
  update_store_banner (self);
}

static void
limber_window_dispose (GObject *object)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  g_clear_handle_id (&self->narrow_idle_id, g_source_remove);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  /* The pages go with the stack: no more asking them anything. */
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->time_format);
  g_clear_object (&self->pack_timer);
  g_clear_object (&self->care_plan);
  g_clear_object (&self->catalog);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);

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
  const char *problem = limber_journal_get_problem (self->journal);
  const char *moved = limber_journal_get_moved_aside_path (self->journal);
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

/* Pages show messages through this action, so they need not know the window. */
static void
add_toast_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  limber_window_add_toast (LIMBER_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The shortcuts window is built when first asked for, not with every main window as
 * GtkApplication would do with gtk/help-overlay.ui: most starts never show it. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_PATH "/ui/limber-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

/* Today's Check Again, and the player's Check Your Symptoms after pain: a new check from its
 * first question, not the last result. */
static void
check_again_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  limber_window_show_page (LIMBER_WINDOW (widget), LIMBER_PAGE_CHECK);
  gtk_widget_activate_action (GTK_WIDGET (limber_window_get_check_page (LIMBER_WINDOW (widget))),
                              "check.restart", NULL);
}

static void
limber_window_class_init (LimberWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = limber_window_dispose;
  object_class->get_property = limber_window_get_property;
  object_class->set_property = limber_window_set_property;
  object_class->constructed = limber_window_constructed;
  widget_class->size_allocate = limber_window_size_allocate;
  widget_class->realize = limber_window_realize;
  window_class->close_request = limber_window_close_request;

  /**
   * LimberWindow:narrow:
   *
   * Whether the window is narrower than 500 px, with the page switcher at the bottom.
   */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);


  /* What the pages need, built once by the application and handed down. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, LIMBER_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, LIMBER_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, LIMBER_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CARE_PLAN] =
    g_param_spec_object ("care-plan", NULL, NULL, LIMBER_TYPE_CARE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PACK_TIMER] =
    g_param_spec_object ("pack-timer", NULL, NULL, LIMBER_TYPE_PACK_TIMER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_FORMAT] =
    g_param_spec_object ("time-format", NULL, NULL, LIMBER_TYPE_TIME_FORMAT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/limber-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, store_banner);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, store_banner_label);

  gtk_widget_class_install_action (widget_class, "win.dismiss-store-banner", NULL,
                                   dismiss_store_banner_action);
  gtk_widget_class_install_action (widget_class, "win.add-toast", "s", add_toast_action);
  gtk_widget_class_install_action (widget_class, "win.check-again", NULL, check_again_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
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
 * The window passes its collaborators on to its pages; none may be %NULL.
 *
 * Returns: (transfer full): a new main window
 */
LimberWindow *
limber_window_new (AdwApplication   *application,
                   LimberClock      *clock,
                   LimberJournal    *journal,
                   LimberCatalog    *catalog,
                   LimberCarePlan   *care_plan,
                   LimberPackTimer  *pack_timer,
                   LimberTimeFormat *time_format)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);

  return g_object_new (LIMBER_TYPE_WINDOW,
                       "application", application,
                       "clock", clock,
                       "journal", journal,
                       "catalog", catalog,
                       "care-plan", care_plan,
                       "pack-timer", pack_timer,
                       "time-format", time_format,
                       NULL);
}

/**
 * limber_window_import_routines:
 *
 * Shows the Stretch page and imports @files there, telling how it went: one toast for those
 * imported, one dialog for those that were not.
 */
void
limber_window_import_routines (LimberWindow  *self,
                               GFile        **files,
                               guint          n_files)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));

  limber_window_show_page (self, LIMBER_PAGE_STRETCH);
  limber_stretch_page_import_files (limber_window_get_stretch_page (self), files, n_files);
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

/*
 * Shows a short message at the bottom of the window, as plain text: it may hold routine ids,
 * file names and error messages, which must not be read as markup.
 *
 * AdwToast 1.2 puts its title in a single-line label that ellipsizes, so at 360 px a longer
 * message (an error with a file name) would lose its end. The title here is our own label,
 * which wraps instead, and is plain text: no markup to escape.
 */
static AdwToast *
new_toast (const char *title)
{
  GtkWidget *label;
  AdwToast *toast;

  label = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* AdwToastWidget 1.2 gives its title the title's natural width even where the toast is
   * narrower, so the natural width must fit a phone: 360 px, less the toast's margins, its
   * padding and close button (about 120 px), leaves room for about 24 characters a line. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");

  /* A title too, for screen readers and for anything that lists the toasts. */
  toast = adw_toast_new (title);
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 8);
  return toast;
}

void
limber_window_add_toast (LimberWindow *self,
                         const char   *title)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  limber_toasts_add (self->toast_overlay, new_toast (title), FALSE);
}

/**
 * limber_window_add_droppable_toast:
 *
 * Shows a message as limber_window_add_toast() does, about something asked from outside (the
 * bus, the command line), which a flood may drop: see limber_toasts_add_droppable(). Never for
 * news about the user's records.
 */
void
limber_window_add_droppable_toast (LimberWindow *self,
                                   const char   *title)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  limber_toasts_add_droppable (self->toast_overlay, new_toast (title));
}
