/* limber-pain-scale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-session-record.h"

#include "limber-pain-scale.h"

/*
 * A pain rating from 0 to 10 as buttons, none chosen at first: a slider would start at a
 * rating. Two rows, 0 to 5 and 6 to 10, so each button is a target a finger can hit from the
 * floor (44 px, style.css) and all fit a phone's width. The rating chosen is in the accent
 * colour, and a screen reader hears it as the pressed button and as the group's description.
 */

#define N_BUTTONS 11
#define FIRST_ROW 6

struct _LimberPainScale
{
  GtkWidget        parent_instance;

  GtkToggleButton *buttons[N_BUTTONS];
  int              value;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (LimberPainScale, limber_pain_scale, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The chosen button in the accent colour (the "accent" class, filled by style.css): not
 * "suggested-action", which is for the one next step on the screen. The rating is also the
 * group's description, which a screen reader reads with the group. */
static void
show_value (LimberPainScale *self)
{
  g_autofree char *description = NULL;

  self->updating = TRUE;
  for (int i = 0; i < N_BUTTONS; i++)
    {
      gtk_toggle_button_set_active (self->buttons[i], i == self->value);
      /* Said for every button, also one never toggled, which GTK leaves undefined. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->buttons[i]),
                                   GTK_ACCESSIBLE_STATE_PRESSED,
                                   i == self->value ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                    : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                   -1);
      if (i == self->value)
        gtk_widget_add_css_class (GTK_WIDGET (self->buttons[i]), "accent");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->buttons[i]), "accent");
    }
  self->updating = FALSE;

  if (self->value >= 0)
    /* Translators: a screen reader's description of the pain buttons once one is chosen. */
    description = g_strdup_printf (_("%d chosen"), self->value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("None chosen"), -1);
}

static void
on_toggled (GtkToggleButton *button,
            LimberPainScale *self)
{
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pain"));

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  limber_pain_scale_set_value (self, value);
}

static GtkWidget *
make_button (LimberPainScale *self,
             int              value)
{
  g_autofree char *number = g_strdup_printf ("%d", value);
  GtkWidget *button = gtk_toggle_button_new_with_label (number);

  if (value > 0)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->buttons[0]);
  g_object_set_data (G_OBJECT (button), "pain", GINT_TO_POINTER (value));
  if (value == 0 || value == N_BUTTONS - 1)
    {
      /* Translators: the pain buttons' ends, as a screen reader says them: "0, no pain". */
      g_autofree char *name = g_strdup_printf (value == 0 ? _("%u, no pain") : _("%u, worst pain"),
                                               (guint) value);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  g_signal_connect (button, "toggled", G_CALLBACK (on_toggled), self);
  self->buttons[value] = GTK_TOGGLE_BUTTON (button);

  return button;
}

static GtkWidget *
make_caption (const char *text,
              float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_set_hexpand (label, xalign == 0);
  gtk_widget_add_css_class (label, "caption");

  return label;
}

static void
limber_pain_scale_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, LIMBER_PAIN_SCALE (object)->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_pain_scale_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      limber_pain_scale_set_value (LIMBER_PAIN_SCALE (object), g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_pain_scale_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (limber_pain_scale_parent_class)->dispose (object);
}

static void
limber_pain_scale_class_init (LimberPainScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_pain_scale_dispose;
  object_class->get_property = limber_pain_scale_get_property;
  object_class->set_property = limber_pain_scale_set_property;

  /**
   * LimberPainScale:value:
   *
   * The rating chosen, 0 to 10, or %LIMBER_PAIN_UNSET (-1) for none.
   */
  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL, LIMBER_PAIN_UNSET, 10, LIMBER_PAIN_UNSET,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "painscale");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
limber_pain_scale_init (LimberPainScale *self)
{
  GtkWidget *rows[2], *captions;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "limber-pain-scale");
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      rows[r] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_halign (rows[r], GTK_ALIGN_CENTER);
      gtk_widget_set_parent (rows[r], GTK_WIDGET (self));
    }
  for (int i = 0; i < N_BUTTONS; i++)
    gtk_box_append (GTK_BOX (rows[i < FIRST_ROW ? 0 : 1]), make_button (self, i));

  captions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (captions), make_caption (_("No pain"), 0));
  gtk_box_append (GTK_BOX (captions), make_caption (_("Worst pain"), 1));
  gtk_widget_set_parent (captions, GTK_WIDGET (self));

  self->value = LIMBER_PAIN_UNSET;
  show_value (self);
}

GtkWidget *
limber_pain_scale_new (void)
{
  return g_object_new (LIMBER_TYPE_PAIN_SCALE, NULL);
}

int
limber_pain_scale_get_value (LimberPainScale *self)
{
  g_return_val_if_fail (LIMBER_IS_PAIN_SCALE (self), LIMBER_PAIN_UNSET);
  return self->value;
}

/* Chooses @value's button, or none for %LIMBER_PAIN_UNSET; notifies only on a change. */
void
limber_pain_scale_set_value (LimberPainScale *self,
                             int              value)
{
  g_return_if_fail (LIMBER_IS_PAIN_SCALE (self));
  g_return_if_fail (value >= LIMBER_PAIN_UNSET && value < N_BUTTONS);

  if (self->value == value)
    return;

  self->value = value;
  show_value (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/* Returns: (transfer none): the button for @value, 0 to 10 */
GtkToggleButton *
limber_pain_scale_get_button (LimberPainScale *self,
                              int              value)
{
  g_return_val_if_fail (LIMBER_IS_PAIN_SCALE (self), NULL);
  g_return_val_if_fail (value >= 0 && value < N_BUTTONS, NULL);
  return self->buttons[value];
}
