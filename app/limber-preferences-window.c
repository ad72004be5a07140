/* limber-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-preferences-window.h"

/* Every control is bound straight to GSettings, so changes apply at once, even mid-session,
 * except the plank hold: its progression lives in the history store, so a value set here is
 * recorded there once, when the window goes. */

struct _LimberPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSwitch            *sounds_switch;
  GtkSwitch            *voice_switch;
  GtkAdjustment        *volume_adjustment;
  GtkAdjustment        *plank_adjustment;

  GSettings            *settings;
  LimberStore          *store;
  LimberClock          *clock;
  guint                 plank_before;
};

G_DEFINE_FINAL_TYPE (LimberPreferencesWindow, limber_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
limber_preferences_window_dispose (GObject *object)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (object);

  if (self->store != NULL)
    {
      guint plank = (guint) gtk_adjustment_get_value (self->plank_adjustment);
      g_autoptr(GError) error = NULL;

      if (plank != self->plank_before &&
          limber_store_add_plank_hold (self->store, limber_clock_now_wall_us (self->clock), plank,
                                       &error) == 0)
        g_message ("The plank hold was not recorded: %s", error->message);
    }

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_preferences_window_parent_class)->dispose (object);
}

static void
limber_preferences_window_class_init (LimberPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/limber-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, sounds_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, voice_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, volume_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, plank_adjustment);
}

static void
limber_preferences_window_init (LimberPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "cue-sounds", self->sounds_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "voice-guidance", self->voice_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "volume", self->volume_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * limber_preferences_window_new:
 * @store: where the plank hold is read from and a new one recorded
 * @clock: the clock for that record's time
 */
LimberPreferencesWindow *
limber_preferences_window_new (LimberStore *store,
                               LimberClock *clock)
{
  LimberPreferencesWindow *self;

  g_return_val_if_fail (LIMBER_IS_STORE (store), NULL);
  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  self = g_object_new (LIMBER_TYPE_PREFERENCES_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  self->plank_before = limber_store_get_plank_hold (store,
                                                    g_settings_get_uint (self->settings,
                                                                         "plank-hold-seconds"));
  gtk_adjustment_set_value (self->plank_adjustment, self->plank_before);

  return self;
}
