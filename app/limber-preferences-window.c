/* limber-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-preferences-window.h"

/* Every control is bound straight to GSettings, so changes apply at once, even mid-session. */

struct _LimberPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSwitch            *sounds_switch;
  GtkSwitch            *voice_switch;
  GtkAdjustment        *volume_adjustment;
  GtkAdjustment        *plank_adjustment;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (LimberPreferencesWindow, limber_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
limber_preferences_window_dispose (GObject *object)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (object);

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
  g_settings_bind (self->settings, "plank-hold-seconds", self->plank_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

LimberPreferencesWindow *
limber_preferences_window_new (void)
{
  return g_object_new (LIMBER_TYPE_PREFERENCES_WINDOW, NULL);
}
