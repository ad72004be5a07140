/* limber-plan-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-plan-row.h"

/*
 * One item of Today's checklist. Its mark says whether it is done today: a check when it is, an
 * empty circle while it is not, so every row lines up and reads as a list of things to tick
 * off; screen readers hear "Done" or "Not done yet". At most one button does the item.
 */
struct _LimberPlanRow
{
  AdwActionRow  parent_instance;

  GtkImage     *mark;
  gboolean      done;
};

G_DEFINE_FINAL_TYPE (LimberPlanRow, limber_plan_row, ADW_TYPE_ACTION_ROW)

static void
limber_plan_row_class_init (LimberPlanRowClass *klass)
{
}

static void
limber_plan_row_init (LimberPlanRow *self)
{
  self->mark = GTK_IMAGE (gtk_image_new ());
  gtk_image_set_pixel_size (self->mark, 16);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->mark));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

static void
set_done (LimberPlanRow *self,
          gboolean       done,
          const char    *subtitle)
{
  g_assert (LIMBER_IS_PLAN_ROW (self));

  self->done = done;
  gtk_image_set_from_icon_name (self->mark, done ? "emblem-ok-symbolic" : "radio-symbolic");
  if (done)
    gtk_widget_add_css_class (GTK_WIDGET (self->mark), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->mark), "success");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  done ? _("Done") : _("Not done yet"), -1);

  if (done)
    {
      g_autofree char *with_done = g_strdup_printf (_("Done. %s"), subtitle);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), with_done);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

/**
 * limber_plan_row_new:
 * @id: the item's id, kept as the widget's name (tests and the window find rows by it)
 * @title: what to do
 * @subtitle: how, or how far along today
 * @done: whether it is done today
 *
 * Returns: (transfer floating): a checklist row
 */
LimberPlanRow *
limber_plan_row_new (const char *id,
                     const char *title,
                     const char *subtitle,
                     gboolean    done)
{
  LimberPlanRow *self = g_object_new (LIMBER_TYPE_PLAN_ROW, "name", id, "title", title, NULL);

  set_done (self, done, subtitle);
  return self;
}

gboolean
limber_plan_row_get_done (LimberPlanRow *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN_ROW (self), FALSE);

  return self->done;
}

/**
 * limber_plan_row_add_button:
 * @target: (nullable) (transfer floating): the action's parameter
 *
 * Adds the one button that does the item.
 */
void
limber_plan_row_add_button (LimberPlanRow *self,
                            const char    *label,
                            const char    *accessible_label,
                            const char    *action_name,
                            GVariant      *target)
{
  GtkWidget *button;

  g_return_if_fail (LIMBER_IS_PLAN_ROW (self));

  button = gtk_button_new_with_label (label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
}
