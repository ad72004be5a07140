/* limber-stretch-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-application.h"

#include "limber-stretch-page.h"

/*
 * The Stretch page: the routines with a Start button each, the routine files that could not be
 * loaded (file, line and what is wrong), and the player while a session runs.
 */

struct _LimberStretchPage
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  AdwComboRow         *pain_row;
  AdwPreferencesGroup *routines_group;
  AdwPreferencesGroup *problems_group;
  LimberStretchPlayer *player;

  GPtrArray           *rows;
  LimberCatalog       *catalog;
  GSettings           *settings;
};

G_DEFINE_FINAL_TYPE (LimberStretchPage, limber_stretch_page, ADW_TYPE_BIN)

static char *
format_minutes (gint64 duration_us)
{
  guint minutes = (guint) MAX (1, (duration_us + 30 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", minutes), minutes);
}

static void
remove_rows (LimberStretchPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_routine_row (LimberStretchPage *self,
                 LimberRoutine     *routine)
{
  GApplication *app = g_application_get_default ();
  guint plank_s = g_settings_get_uint (self->settings, "plank-hold-seconds");
  gint64 plank_us;
  g_autofree char *minutes = NULL;
  g_autofree char *summary = limber_routine_dup_summary (routine);
  g_autofree char *subtitle = NULL;
  g_autofree char *button_label = NULL;
  const char *description = limber_routine_get_description (routine);
  GtkWidget *row, *button;

  /* The plank's current hold is in the history store; the setting only seeds it. */
  if (LIMBER_IS_APPLICATION (app))
    plank_s = limber_store_get_plank_hold (limber_application_get_store (LIMBER_APPLICATION (app)),
                                           plank_s);
  plank_us = (gint64) plank_s * G_USEC_PER_SEC;
  minutes = format_minutes (limber_routine_get_duration_us (routine, plank_us));

  /* Translators: a routine's length and exercises, as in "6 min · Bridge, Plank". */
  subtitle = g_strdup_printf (_("%s · %s"), minutes, summary);
  if (description[0] != '\0')
    {
      g_autofree char *full = g_strdup_printf ("%s\n%s", description, subtitle);
      g_free (subtitle);
      subtitle = g_steal_pointer (&full);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), limber_routine_get_name (routine));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_with_label (_("Start"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.start-routine");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", limber_routine_get_id (routine));
  /* Translators: the accessible name of a routine's Start button. */
  button_label = g_strdup_printf (_("Start %s"), limber_routine_get_name (routine));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  adw_preferences_group_add (self->routines_group, row);
  g_ptr_array_add (self->rows, row);
}

static void
add_problem_row (LimberStretchPage          *self,
                 const LimberCatalogProblem *problem)
{
  g_autofree char *name = g_path_get_basename (problem->path);
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *icon;

  if (problem->line > 0)
    /* Translators: where a routine file is wrong and what is wrong, as in "Line 4: …". */
    subtitle = g_strdup_printf (_("Line %d: %s"), problem->line, problem->message);
  else
    subtitle = g_strdup (problem->message);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, problem->path);

  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  adw_preferences_group_add (self->problems_group, row);
  g_ptr_array_add (self->rows, row);
}

/* In the first 3 days of an episode the care plan offers the gentle routine only; say so where
 * the routines are chosen. */
static void
update_advice (LimberStretchPage *self)
{
  GApplication *app = g_application_get_default ();
  gboolean acute = FALSE;

  if (LIMBER_IS_APPLICATION (app))
    acute = limber_care_plan_get_phase (limber_application_get_care_plan (LIMBER_APPLICATION (app)))
            == LIMBER_CARE_PHASE_ACUTE;

  adw_preferences_group_set_description (self->routines_group,
                                         acute
                                         ? _("In the first 3 days of a back spasm, use only "
                                             "Gentle relief, and stop at once if it hurts. The "
                                             "other routines are for after that.")
                                         : _("Lie on a mat or carpet. Sounds and a voice guide "
                                             "you, so you need not watch the screen."));
}

static void
limber_stretch_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (limber_stretch_page_parent_class)->map (widget);

  update_advice (LIMBER_STRETCH_PAGE (widget));
}

static void
on_player_done (LimberStretchPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "routines");
}

static void
limber_stretch_page_dispose (GObject *object)
{
  LimberStretchPage *self = LIMBER_STRETCH_PAGE (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_stretch_page_parent_class)->dispose (object);
}

static void
limber_stretch_page_finalize (GObject *object)
{
  LimberStretchPage *self = LIMBER_STRETCH_PAGE (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (limber_stretch_page_parent_class)->finalize (object);
}

static void
limber_stretch_page_class_init (LimberStretchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_stretch_page_dispose;
  object_class->finalize = limber_stretch_page_finalize;
  widget_class->map = limber_stretch_page_map;

  g_type_ensure (LIMBER_TYPE_STRETCH_PLAYER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/limber-stretch-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPage, pain_row);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPage, routines_group);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPage, player);
}

static void
limber_stretch_page_init (LimberStretchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_swapped (self->player, "done", G_CALLBACK (on_player_done), self);
}

/* Shows @catalog's routines, and its problems if any file could not be loaded. */
void
limber_stretch_page_set_catalog (LimberStretchPage *self,
                                 LimberCatalog     *catalog)
{
  GListModel *routines;
  GPtrArray *problems;

  g_return_if_fail (LIMBER_IS_STRETCH_PAGE (self));
  g_return_if_fail (LIMBER_IS_CATALOG (catalog));

  g_set_object (&self->catalog, catalog);
  remove_rows (self);

  routines = limber_catalog_get_routines (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);
      add_routine_row (self, routine);
    }

  problems = limber_catalog_get_problems (catalog);
  for (guint i = 0; i < problems->len; i++)
    add_problem_row (self, g_ptr_array_index (problems, i));

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);
  if (problems->len > 0)
    {
      g_autofree char *dir = limber_catalog_get_user_dir ();
      /* The group's description is markup; the folder's name is not. */
      g_autofree char *dir_text = g_markup_escape_text (dir, -1);
      g_autofree char *description = g_strdup_printf (_("These files in %s were skipped. Fix "
                                                        "them and restart Limber."), dir_text);
      adw_preferences_group_set_description (self->problems_group, description);
    }
}

void
limber_stretch_page_start (LimberStretchPage *self,
                           LimberRoutine     *routine,
                           LimberClock       *clock)
{
  g_return_if_fail (LIMBER_IS_STRETCH_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "player");
  limber_stretch_player_start (self->player, routine, clock);

  /* Item 0 is "Not rated", then 0 to 10. The rating belongs to this session only. */
  limber_stretch_player_set_pain_before (self->player,
                                         (int) adw_combo_row_get_selected (self->pain_row) - 1);
  adw_combo_row_set_selected (self->pain_row, 0);
}

LimberStretchPlayer *
limber_stretch_page_get_player (LimberStretchPage *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PAGE (self), NULL);
  return self->player;
}

/* "routines" or "player" */
const char *
limber_stretch_page_get_screen (LimberStretchPage *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
