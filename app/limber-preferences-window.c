/* limber-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-preferences-window.h"

/* Every control is bound straight to GSettings, so changes apply at once, even mid-session,
 * except the plank hold: its progression lives in the journal, so a value set here is recorded
 * there once, when the user closes the window (not for every step of the spin button). */

struct _LimberPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSwitch            *sounds_switch;
  GtkSwitch            *voice_switch;
  GtkAdjustment        *volume_adjustment;
  GtkAdjustment        *plank_adjustment;

  GSettings            *settings;
  LimberJournal        *journal;
  guint                 plank_before;
};

G_DEFINE_FINAL_TYPE (LimberPreferencesWindow, limber_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
limber_preferences_window_close_request (GtkWindow *window)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (window);
  guint plank = (guint) gtk_adjustment_get_value (self->plank_adjustment);

  /* A failed write is shown by the main window, through the journal. */
  if (plank != self->plank_before)
    {
      limber_journal_add_plank_hold (self->journal, plank, NULL);
      self->plank_before = plank;
    }

  return GTK_WINDOW_CLASS (limber_preferences_window_parent_class)->close_request (window);
}

static void
limber_preferences_window_dispose (GObject *object)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (object);

  g_clear_object (&self->journal);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_preferences_window_parent_class)->dispose (object);
}

static void
limber_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_preferences_window_constructed (GObject *object)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (limber_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (LIMBER_IS_JOURNAL (self->journal));

  self->plank_before = limber_journal_get_plank_hold (self->journal,
                                                      g_settings_get_uint (self->settings,
                                                                           "plank-hold-seconds"));
  gtk_adjustment_set_value (self->plank_adjustment, self->plank_before);
}

static void
limber_preferences_window_class_init (LimberPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = limber_preferences_window_dispose;
  object_class->set_property = limber_preferences_window_set_property;
  object_class->constructed = limber_preferences_window_constructed;
  window_class->close_request = limber_preferences_window_close_request;

  /* Where the plank hold is read from, and a new one recorded. */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, LIMBER_TYPE_JOURNAL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
 * @journal: where the plank hold is read from and a new one recorded
 *
 * Returns: (transfer full): a new preferences window
 */
LimberPreferencesWindow *
limber_preferences_window_new (LimberJournal *journal)
{
  return g_object_new (LIMBER_TYPE_PREFERENCES_WINDOW, "journal", journal, NULL);
}
