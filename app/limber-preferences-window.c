/* limber-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-posture-setting.h"

#include "limber-preferences-window.h"

/* Every control is bound straight to GSettings, so changes apply at once, even mid-session,
 * and the reminder service, which follows the same keys, picks them up by itself. The
 * exception is the plank hold: its progression lives in the journal, so a value set here is
 * recorded there once, when the user closes the window (not for every step of the spin
 * button). */

struct _LimberPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkSwitch            *sounds_switch;
  GtkSwitch            *voice_switch;
  GtkAdjustment        *volume_adjustment;
  GtkAdjustment        *plank_adjustment;
  AdwPreferencesGroup  *kinds_group;
  GtkSwitch            *hydration_switch;
  GtkSwitch            *posture_switch;
  GtkSwitch            *walk_switch;
  GtkSpinButton        *hydration_spin;
  GtkSpinButton        *posture_spin;
  GtkSpinButton        *walk_spin;
  GtkSpinButton        *water_goal_spin;
  GtkSpinButton        *start_spin;
  GtkSpinButton        *end_spin;
  GtkSwitch            *pack_switch;
  GtkSpinButton        *waking_start_spin;
  GtkSpinButton        *waking_end_spin;
  GtkSpinButton        *snooze_spin;
  GtkSwitch            *background_switch;
  GtkBox               *days_box;

  /* Owned */
  GSettings            *settings;
  GSettings            *gnome_breaks;
  GtkToggleButton      *day_buttons[7];

  /* Collaborators */
  LimberJournal        *journal;
  LimberTimeFormat     *time_format;
  guint                 plank_before;
};

G_DEFINE_FINAL_TYPE (LimberPreferencesWindow, limber_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_TIME_FORMAT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Active hours, in the desktop's 12- or 24-hour format */

static gboolean
on_time_output (GtkSpinButton           *spin,
                LimberPreferencesWindow *self)
{
  guint minute = (guint) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = NULL;

  /* 24:00 is the end of the day, which no GDateTime shows. */
  if (minute >= 24 * 60)
    {
      text = g_strdup ("24:00");
    }
  else
    {
      g_autoptr(GDateTime) time = g_date_time_new_local (2024, 1, 1, minute / 60, minute % 60, 0);

      text = limber_time_format_time (self->time_format, time);
    }

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_time_input (GtkSpinButton           *spin,
               double                  *new_value,
               LimberPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  guint hours = 0, minutes = 0;
  char suffix[8] = "";

  if (sscanf (text, "%u:%u %7s", &hours, &minutes, suffix) < 2 || minutes > 59)
    return GTK_INPUT_ERROR;

  if (g_ascii_strcasecmp (suffix, "pm") == 0 && hours < 12)
    hours += 12;
  else if (g_ascii_strcasecmp (suffix, "am") == 0 && hours == 12)
    hours = 0;

  if (hours > 24 || (hours == 24 && minutes != 0))
    return GTK_INPUT_ERROR;

  *new_value = hours * 60 + minutes;
  return TRUE;
}

static void
on_time_format_changed (LimberPreferencesWindow *self)
{
  on_time_output (self->start_spin, self);
  on_time_output (self->end_spin, self);
  on_time_output (self->waking_start_spin, self);
  on_time_output (self->waking_end_spin, self);
}

/* Posture breaks: off by default while GNOME's own movement breaks are on */

static void
update_posture (LimberPreferencesWindow *self)
{
  gboolean gnome_on = limber_gnome_movement_breaks_on (self->gnome_breaks);
  gboolean on = limber_posture_reminders_on (self->settings, self->gnome_breaks);

  if (gtk_switch_get_active (self->posture_switch) != on)
    gtk_switch_set_active (self->posture_switch, on);

  adw_preferences_group_set_description (self->kinds_group,
                                         gnome_on ? _("Minutes between reminders. GNOME’s own movement breaks are on, so posture breaks stay off unless you turn them on here.")
                                                  : _("Minutes between reminders."));
}

static void
on_posture_switch_active (LimberPreferencesWindow *self)
{
  gboolean active = gtk_switch_get_active (self->posture_switch);

  /* Setting the key, even to the value it shows, records the user's own choice. */
  if (active != limber_posture_reminders_on (self->settings, self->gnome_breaks))
    g_settings_set_boolean (self->settings, "posture-enabled", active);
}

/* Active days */

static void
update_days (LimberPreferencesWindow *self)
{
  guint days = g_settings_get_flags (self->settings, "active-days");

  for (guint i = 0; i < G_N_ELEMENTS (self->day_buttons); i++)
    gtk_toggle_button_set_active (self->day_buttons[i], (days & (1 << i)) != 0);
}

static void
on_day_toggled (LimberPreferencesWindow *self)
{
  guint days = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->day_buttons); i++)
    if (gtk_toggle_button_get_active (self->day_buttons[i]))
      days |= 1 << i;

  if (days != g_settings_get_flags (self->settings, "active-days"))
    g_settings_set_flags (self->settings, "active-days", days);
}

static void
build_day_buttons (LimberPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->day_buttons); i++)
    {
      /* 1 January 2024 was a Monday: the C library names the days in the user's language. */
      g_autoptr(GDateTime) day = g_date_time_new_local (2024, 1, 1 + i, 12, 0, 0);
      g_autofree char *short_name = g_date_time_format (day, "%a");
      g_autofree char *name = g_date_time_format (day, "%A");
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (short_name);

      /* Equal widths on one row at 360 px: a long short name is cut, never the row widened. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_box_append (self->days_box, button);
      self->day_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }

  update_days (self);

  for (guint i = 0; i < G_N_ELEMENTS (self->day_buttons); i++)
    g_signal_connect_object (self->day_buttons[i], "toggled", G_CALLBACK (on_day_toggled), self,
                             G_CONNECT_SWAPPED);
}

static void
on_settings_changed (LimberPreferencesWindow *self,
                     const char              *key)
{
  if (g_strcmp0 (key, "active-days") == 0)
    update_days (self);
  else if (g_strcmp0 (key, "posture-enabled") == 0)
    update_posture (self);
}

/* GObject */

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

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->gnome_breaks != NULL)
    g_signal_handlers_disconnect_by_data (self->gnome_breaks, self);
  if (self->time_format != NULL)
    g_signal_handlers_disconnect_by_data (self->time_format, self);
  g_clear_object (&self->journal);
  g_clear_object (&self->time_format);
  g_clear_object (&self->gnome_breaks);
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

    case PROP_TIME_FORMAT:
      self->time_format = g_value_dup_object (value);
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
  g_return_if_fail (LIMBER_IS_TIME_FORMAT (self->time_format));

  self->plank_before = limber_journal_get_plank_hold (self->journal,
                                                      g_settings_get_uint (self->settings,
                                                                           "plank-hold-seconds"));
  gtk_adjustment_set_value (self->plank_adjustment, self->plank_before);

  g_signal_connect_object (self->start_spin, "output", G_CALLBACK (on_time_output), self, 0);
  g_signal_connect_object (self->start_spin, "input", G_CALLBACK (on_time_input), self, 0);
  g_signal_connect_object (self->end_spin, "output", G_CALLBACK (on_time_output), self, 0);
  g_signal_connect_object (self->end_spin, "input", G_CALLBACK (on_time_input), self, 0);
  /* Waking hours are read and validated as the active hours are, by the schema's ranges. */
  g_signal_connect_object (self->waking_start_spin, "output", G_CALLBACK (on_time_output), self,
                           0);
  g_signal_connect_object (self->waking_start_spin, "input", G_CALLBACK (on_time_input), self, 0);
  g_signal_connect_object (self->waking_end_spin, "output", G_CALLBACK (on_time_output), self, 0);
  g_signal_connect_object (self->waking_end_spin, "input", G_CALLBACK (on_time_input), self, 0);
  on_time_format_changed (self);
  g_signal_connect_object (self->time_format, "notify::twelve-hour",
                           G_CALLBACK (on_time_format_changed), self, G_CONNECT_SWAPPED);
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
  /* How the active hours are written: 12- or 24-hour, as the desktop says. */
  properties[PROP_TIME_FORMAT] =
    g_param_spec_object ("time-format", NULL, NULL, LIMBER_TYPE_TIME_FORMAT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/limber-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, sounds_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, voice_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, volume_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, plank_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, kinds_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, hydration_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, posture_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, walk_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, hydration_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, posture_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, walk_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, water_goal_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, start_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, end_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, pack_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, waking_start_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, waking_end_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, snooze_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, days_box);
}

/* Refusing a value makes GSettings use the key's default. */
static gboolean
map_volume (GValue   *value,
            GVariant *variant,
            gpointer  user_data)
{
  double volume = g_variant_get_double (variant);

  if (!(volume >= 0.0 && volume <= 1.0))
    return FALSE;

  g_value_set_double (value, volume);
  return TRUE;
}

static void
bind_settings (LimberPreferencesWindow *self)
{
  const struct { const char *key; gpointer widget; const char *property; } bindings[] = {
    { "cue-sounds", self->sounds_switch, "active" },
    { "voice-guidance", self->voice_switch, "active" },
    { "hydration-enabled", self->hydration_switch, "active" },
    { "walk-enabled", self->walk_switch, "active" },
    { "pack-enabled", self->pack_switch, "active" },
    { "reminders-enabled", self->background_switch, "active" },
    { "hydration-interval", self->hydration_spin, "value" },
    { "posture-interval", self->posture_spin, "value" },
    { "walk-interval", self->walk_spin, "value" },
    { "water-goal", self->water_goal_spin, "value" },
    { "active-start", self->start_spin, "value" },
    { "active-end", self->end_spin, "value" },
    { "waking-start", self->waking_start_spin, "value" },
    { "waking-end", self->waking_end_spin, "value" },
    { "snooze-minutes", self->snooze_spin, "value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    g_settings_bind (self->settings, bindings[i].key, bindings[i].widget, bindings[i].property,
                     G_SETTINGS_BIND_DEFAULT);
  /* With a check: a NaN passes GSettings' range check, and the slider would take it. */
  g_settings_bind_with_mapping (self->settings, "volume", self->volume_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, map_volume, NULL, NULL, NULL);
}

static void
limber_preferences_window_init (LimberPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->gnome_breaks = limber_gnome_break_settings_new ();
  bind_settings (self);

  build_day_buttons (self);
  update_posture (self);
  g_signal_connect_object (self->posture_switch, "notify::active",
                           G_CALLBACK (on_posture_switch_active), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self,
                           G_CONNECT_SWAPPED);
  if (self->gnome_breaks != NULL)
    g_signal_connect_object (self->gnome_breaks, "changed::selected-breaks",
                             G_CALLBACK (update_posture), self, G_CONNECT_SWAPPED);
}

/**
 * limber_preferences_window_new:
 * @journal: where the plank hold is read from and a new one recorded
 * @time_format: how the active hours are written
 *
 * Returns: (transfer full): a new preferences window
 */
LimberPreferencesWindow *
limber_preferences_window_new (LimberJournal    *journal,
                               LimberTimeFormat *time_format)
{
  return g_object_new (LIMBER_TYPE_PREFERENCES_WINDOW,
                       "journal", journal,
                       "time-format", time_format,
                       NULL);
}
