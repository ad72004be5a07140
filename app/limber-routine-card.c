/* limber-routine-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-figure.h"

#include "limber-routine-card.h"

/*
 * A routine on the Stretch page: its name, length and exercises, a strip of still figures (one
 * per distinct exercise, so Gentle Relief and Daily Mobility look different), during an episode
 * whether it is safe in the first days, its Start button, and a menu with Edit, Duplicate and
 * Delete. The card asks the page (stretch.*) and the app (app.start-routine) to act.
 */

struct _LimberRoutineCard
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkWidget      *description_label;
  GtkWidget      *menu_button;
  GtkWidget      *strip;
  GtkWidget      *first_days_box;
  GtkWidget      *first_days_icon;
  GtkWidget      *first_days_label;
  GtkWidget      *start_button;

  /* Owned */
  LimberRoutine  *routine;
  gint64          plank_hold_us;
  gboolean        suggested;
  gboolean        in_episode;
  char           *subtitle;
};

G_DEFINE_FINAL_TYPE (LimberRoutineCard, limber_routine_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ROUTINE,
  PROP_PLANK_HOLD_US,
  PROP_SUGGESTED,
  PROP_IN_EPISODE,
  PROP_NAME,
  PROP_SUBTITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_minutes (gint64 duration_us)
{
  guint minutes = (guint) MAX (1, (duration_us + 30 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", minutes), minutes);
}

/* The routine's exercises in order, each once. */
static GPtrArray *
distinct_exercises (LimberRoutine *routine)
{
  GPtrArray *exercises = g_ptr_array_new ();

  for (guint i = 0; i < limber_routine_get_n_steps (routine); i++)
    {
      LimberExercise *exercise = limber_routine_get_step_exercise (routine, i);

      if (!g_ptr_array_find (exercises, exercise, NULL))
        g_ptr_array_add (exercises, exercise);
    }
  return exercises;
}

static GtkWidget *
strip_figure (LimberExercise *exercise)
{
  GtkWidget *figure = limber_figure_new ();

  /* Five, with their spacing, fit a 360 px window beside the page's margins and the card's
   * padding (312 px). */
  gtk_widget_set_size_request (figure, 56, -1);
  limber_figure_set_exercise (LIMBER_FIGURE (figure), limber_exercise_get_illustration (exercise));
  limber_figure_show_preview (LIMBER_FIGURE (figure));
  gtk_accessible_update_state (GTK_ACCESSIBLE (figure), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return figure;
}

/* Up to LIMBER_ROUTINE_CARD_MAX_FIGURES stills; past that, one fewer and "+N" for the rest. The
 * strip is one image to a screen reader, named after all the exercises. */
static void
fill_strip (LimberRoutineCard *self)
{
  g_autoptr(GPtrArray) exercises = distinct_exercises (self->routine);
  g_autoptr(GString) names = g_string_new (NULL);
  guint shown = exercises->len;

  g_assert (LIMBER_IS_ROUTINE_CARD (self));

  if (shown > LIMBER_ROUTINE_CARD_MAX_FIGURES)
    shown = LIMBER_ROUTINE_CARD_MAX_FIGURES - 1;

  for (guint i = 0; i < exercises->len; i++)
    {
      LimberExercise *exercise = g_ptr_array_index (exercises, i);

      if (i < shown)
        gtk_box_append (GTK_BOX (self->strip), strip_figure (exercise));
      if (i > 0)
        /* Translators: separates exercise names in a list, as in "Bridge, Plank". */
        g_string_append (names, _(", "));
      g_string_append (names, limber_exercise_get_name (exercise));
    }

  if (shown < exercises->len)
    {
      /* Translators: after a routine's first figures, how many more exercises it has. */
      g_autofree char *more = g_strdup_printf (_("+%u"), exercises->len - shown);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (self->strip), label);
    }

  gtk_widget_set_visible (self->strip, exercises->len > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->strip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  names->str, -1);
}

static void
show_first_days (LimberRoutineCard *self)
{
  gboolean first_days = limber_routine_get_first_days (self->routine);

  g_assert (LIMBER_IS_ROUTINE_CARD (self));

  /* Outside an episode there are no first days to be safe in. */
  gtk_widget_set_visible (self->first_days_box, self->in_episode);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->first_days_icon),
                                first_days ? "emblem-ok-symbolic" : "dialog-information-symbolic");
  gtk_widget_add_css_class (self->first_days_icon, first_days ? "success" : "dim-label");
  gtk_label_set_text (GTK_LABEL (self->first_days_label),
                      first_days ? _("Safe in the first days") : _("After the first 3 days"));
  if (first_days)
    gtk_widget_add_css_class (self->first_days_label, "limber-card-first-days");
}

/* @name says which routine the control is for, as a screen reader reads the controls alone. */
static void
name_controls (LimberRoutineCard *self)
{
  const char *name = limber_routine_get_name (self->routine);
  /* Translators: the accessible name of a routine's Start button. */
  g_autofree char *start = g_strdup_printf (_("Start %s"), name);
  /* Translators: the accessible name of a routine card's menu button; %s is the routine. */
  g_autofree char *menu = g_strdup_printf (_("Menu for %s"), name);

  g_assert (LIMBER_IS_ROUTINE_CARD (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->start_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, start, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu, -1);
}

static void
limber_routine_card_constructed (GObject *object)
{
  LimberRoutineCard *self = LIMBER_ROUTINE_CARD (object);
  gboolean own;
  g_autofree char *minutes = NULL;
  g_autofree char *summary = NULL;

  G_OBJECT_CLASS (limber_routine_card_parent_class)->constructed (object);

  g_return_if_fail (LIMBER_IS_ROUTINE (self->routine));

  minutes = format_minutes (limber_routine_get_duration_us (self->routine, self->plank_hold_us));
  summary = limber_routine_dup_summary (self->routine);
  /* Translators: a routine's length and exercises, as in "6 min · Bridge, Plank". */
  self->subtitle = g_strdup_printf (_("%s · %s"), minutes, summary);

  gtk_widget_set_visible (self->description_label,
                          limber_routine_get_description (self->routine)[0] != '\0');
  if (self->suggested)
    gtk_widget_add_css_class (self->start_button, "suggested-action");

  /* Only the user's own routines, which have a file, can be changed or deleted. */
  own = limber_routine_get_path (self->routine) != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.edit", own);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.delete", own);

  fill_strip (self);
  show_first_days (self);
  name_controls (self);

  /* The template's labels were bound before the routine was known. */
  g_object_notify_by_pspec (object, properties[PROP_NAME]);
  g_object_notify_by_pspec (object, properties[PROP_SUBTITLE]);
  g_object_notify_by_pspec (object, properties[PROP_DESCRIPTION]);
}

/* card.start, card.edit, card.duplicate and card.delete: the routine's id to whoever acts. */
static void
routine_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LimberRoutineCard *self = LIMBER_ROUTINE_CARD (widget);
  const char *id = limber_routine_get_id (self->routine);
  const char *target;

  if (g_str_equal (action_name, "card.start"))
    target = "app.start-routine";
  else if (g_str_equal (action_name, "card.edit"))
    target = "stretch.edit-routine";
  else if (g_str_equal (action_name, "card.duplicate"))
    target = "stretch.duplicate-routine";
  else
    target = "stretch.delete-routine";

  gtk_widget_activate_action (widget, target, "s", id);
}

static void
limber_routine_card_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LimberRoutineCard *self = LIMBER_ROUTINE_CARD (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      g_value_set_object (value, self->routine);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->routine ? limber_routine_get_name (self->routine) : NULL);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value,
                          self->routine ? limber_routine_get_description (self->routine) : NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_routine_card_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberRoutineCard *self = LIMBER_ROUTINE_CARD (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      self->routine = g_value_dup_object (value);
      break;

    case PROP_PLANK_HOLD_US:
      self->plank_hold_us = g_value_get_int64 (value);
      break;

    case PROP_SUGGESTED:
      self->suggested = g_value_get_boolean (value);
      break;

    case PROP_IN_EPISODE:
      self->in_episode = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_routine_card_dispose (GObject *object)
{
  LimberRoutineCard *self = LIMBER_ROUTINE_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_ROUTINE_CARD);
  g_clear_object (&self->routine);

  G_OBJECT_CLASS (limber_routine_card_parent_class)->dispose (object);
}

static void
limber_routine_card_finalize (GObject *object)
{
  LimberRoutineCard *self = LIMBER_ROUTINE_CARD (object);

  g_free (self->subtitle);

  G_OBJECT_CLASS (limber_routine_card_parent_class)->finalize (object);
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL, LIMBER_TYPE_ROUTINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The plank's current hold, which the routine's length depends on. */
  properties[PROP_PLANK_HOLD_US] =
    g_param_spec_int64 ("plank-hold-us", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The one routine the page suggests: its Start is the suggested action. */
  properties[PROP_SUGGESTED] =
    g_param_spec_boolean ("suggested", NULL, NULL, FALSE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether a back spasm is being cared for, when "first days" means something. */
  properties[PROP_IN_EPISODE] =
    g_param_spec_boolean ("in-episode", NULL, NULL, FALSE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_routine_card_class_init (LimberRoutineCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = limber_routine_card_constructed;
  object_class->dispose = limber_routine_card_dispose;
  object_class->finalize = limber_routine_card_finalize;
  object_class->get_property = limber_routine_card_get_property;
  object_class->set_property = limber_routine_card_set_property;
  install_properties (object_class);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/limber-routine-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineCard, description_label);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineCard, strip);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineCard, first_days_box);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineCard, first_days_icon);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineCard, first_days_label);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineCard, start_button);

  gtk_widget_class_install_action (widget_class, "card.start", NULL, routine_action);
  gtk_widget_class_install_action (widget_class, "card.edit", NULL, routine_action);
  gtk_widget_class_install_action (widget_class, "card.duplicate", NULL, routine_action);
  gtk_widget_class_install_action (widget_class, "card.delete", NULL, routine_action);
}

static void
limber_routine_card_init (LimberRoutineCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * limber_routine_card_new:
 * @plank_hold_us: the plank's current hold, for the routine's length
 * @suggested: whether its Start is the page's one suggested action
 * @in_episode: whether to say if it is safe in the first days of a back spasm
 *
 * Returns: (transfer floating): a card for @routine
 */
GtkWidget *
limber_routine_card_new (LimberRoutine *routine,
                         gint64         plank_hold_us,
                         gboolean       suggested,
                         gboolean       in_episode)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (routine), NULL);

  return g_object_new (LIMBER_TYPE_ROUTINE_CARD,
                       "routine", routine,
                       "plank-hold-us", plank_hold_us,
                       "suggested", suggested,
                       "in-episode", in_episode,
                       NULL);
}

LimberRoutine *
limber_routine_card_get_routine (LimberRoutineCard *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_CARD (self), NULL);
  return self->routine;
}

/* The strip of figures, for tests that count them. */
GtkWidget *
limber_routine_card_get_strip (LimberRoutineCard *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_CARD (self), NULL);
  return self->strip;
}
