/* limber-stretch-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-routine-card.h"
#include "limber-routine-editor.h"
#include "limber-voice.h"

#include "limber-stretch-page-private.h"

/*
 * The Stretch page: the routines the care plan offers now, with a Start button each, the
 * routine files that could not be loaded (file, line and what is wrong), and the player while a
 * session runs. In the first days of a spasm only "first-days" routines are listed; while a
 * check's emergency signs stand, the page says to get help first instead of listing any.
 * Importing and deleting routine files is in limber-stretch-page-files.c.
 */

G_DEFINE_FINAL_TYPE (LimberStretchPage, limber_stretch_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_JOURNAL,
  PROP_CATALOG,
  PROP_CARE_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static gint64
plank_hold_us (LimberStretchPage *self)
{
  guint plank_s = g_settings_get_uint (self->settings, "plank-hold-seconds");

  return (gint64) limber_journal_get_plank_hold (self->journal, plank_s) * G_USEC_PER_SEC;
}

/* The routines the care plan allows now, in the catalog's order. */
static GPtrArray *
allowed_routines (LimberStretchPage *self)
{
  GListModel *routines = limber_catalog_get_routines (self->catalog);
  GPtrArray *allowed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);

      if (limber_care_plan_allows_routine (self->care_plan, routine, NULL))
        g_ptr_array_add (allowed, g_steal_pointer (&routine));
    }
  return allowed;
}

/* One suggested Start: in the first days the first gentle routine the plan allows; after them
 * the first full one; else the first listed. */
static LimberRoutine *
pick_suggested (GPtrArray *allowed,
                gboolean   acute)
{
  for (guint i = 0; i < allowed->len; i++)
    if (limber_routine_get_first_days (g_ptr_array_index (allowed, i)) == acute)
      return g_ptr_array_index (allowed, i);
  return allowed->len > 0 ? g_ptr_array_index (allowed, 0) : NULL;
}

static void
add_routine_cards (LimberStretchPage *self,
                   LimberCarePhase    phase)
{
  g_autoptr(GPtrArray) allowed = allowed_routines (self);
  LimberRoutine *suggested = pick_suggested (allowed, phase == LIMBER_CARE_PHASE_ACUTE);
  gint64 plank_us = plank_hold_us (self);

  for (guint i = 0; i < allowed->len; i++)
    {
      LimberRoutine *routine = g_ptr_array_index (allowed, i);
      GtkWidget *card = limber_routine_card_new (routine, plank_us, routine == suggested,
                                                 phase != LIMBER_CARE_PHASE_PREVENTION);

      adw_preferences_group_add (self->routines_group, card);
      g_ptr_array_add (self->rows, card);
    }
}

static void
add_problem_rows (LimberStretchPage *self)
{
  GPtrArray *problems = limber_catalog_get_problems (self->catalog);
  g_autofree char *dir = NULL;
  g_autofree char *dir_text = NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; i < problems->len; i++)
    add_problem_row (self, g_ptr_array_index (problems, i));

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);
  if (problems->len == 0)
    return;

  dir = limber_catalog_get_user_dir ();
  /* The group's description is markup; the folder's name is not. */
  dir_text = g_markup_escape_text (dir, -1);
  description = g_strdup_printf (_("These files in %s were skipped. Fix them and restart "
                                   "Limber."), dir_text);
  adw_preferences_group_set_description (self->problems_group, description);
}

/* Lists what the care plan offers now, and says why where it holds some back. While a check's
 * emergency signs stand, nothing is listed: the page is the advice to get help first. */
static void
refresh (LimberStretchPage *self)
{
  LimberCareWarning warning;
  gboolean has_warning = limber_care_plan_get_warning (self->care_plan, &warning);
  gboolean emergency = has_warning && warning.outcome == LIMBER_TRIAGE_OUTCOME_EMERGENCY;
  LimberCarePhase phase = limber_care_plan_get_phase (self->care_plan);

  remove_rows (self);
  gtk_stack_set_visible_child_name (self->routines_stack, emergency ? "blocked" : "list");
  if (emergency)
    return;

  add_routine_cards (self, phase);
  add_problem_rows (self);

  adw_preferences_group_set_description (self->routines_group,
                                         has_warning
                                         ? _("A doctor should look at your back soon. Until "
                                             "then, stretch only as far as is comfortable, and "
                                             "stop at once if anything hurts.")
                                         : phase == LIMBER_CARE_PHASE_ACUTE
                                         ? _("In the first 3 days of a back spasm, only the "
                                             "gentlest routines, and stop at once if it hurts. "
                                             "The others come back after that.")
                                         : _("Lie on a mat or carpet. Sounds and a voice guide "
                                             "you, so you need not watch the screen."));
}

/**
 * limber_stretch_page_open_editor:
 * @routine: (nullable): the routine to edit (the user's own) or copy; %NULL for a new one
 *
 * Returns: (transfer none): the editor, shown
 */
GtkWindow *
limber_stretch_page_open_editor (LimberStretchPage *self,
                                 LimberRoutine     *routine,
                                 gboolean           duplicate)
{
  LimberRoutineEditor *editor;
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autofree char *key = NULL;
  GtkRoot *root;

  g_return_val_if_fail (LIMBER_IS_STRETCH_PAGE (self), NULL);

  /* One editor for each routine, one for a new routine and one for a copy of each: opening it
   * again shows the one open, with what was typed in it. An editor closed is no longer among
   * the windows. */
  key = routine == NULL ? g_strdup ("new")
                        : g_strdup_printf ("%s:%s", duplicate ? "copy" : "edit",
                                           limber_routine_get_id (routine));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (LIMBER_IS_ROUTINE_EDITOR (window) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (window), "limber-editor-for"), key) == 0)
        {
          gtk_window_present (window);
          return window;
        }
    }

  editor = limber_routine_editor_new (self->catalog, routine, duplicate, plank_hold_us (self));
  g_object_set_data_full (G_OBJECT (editor), "limber-editor-for", g_steal_pointer (&key), g_free);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

static void
new_routine_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  limber_stretch_page_open_editor (LIMBER_STRETCH_PAGE (widget), NULL, FALSE);
}

static void
edit_routine_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LimberStretchPage *self = LIMBER_STRETCH_PAGE (widget);
  LimberRoutine *routine = limber_catalog_find_routine (self->catalog,
                                                        g_variant_get_string (parameter, NULL));

  if (routine != NULL)
    limber_stretch_page_open_editor (self, routine,
                                     g_str_equal (action_name, "stretch.duplicate-routine"));
}

static void
limber_stretch_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (limber_stretch_page_parent_class)->map (widget);

  refresh (LIMBER_STRETCH_PAGE (widget));
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

  /* The player, going with the page, records a running session: stop following first. */
  if (self->care_plan != NULL)
    g_signal_handlers_disconnect_by_data (self->care_plan, self);
  if (self->end_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->end_dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->end_dialog));
      self->end_dialog = NULL;
    }
  limber_stretch_page_forget_files (self);
  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (limber_catalog_get_routines (self->catalog), self);
  g_clear_object (&self->settings);
  g_clear_object (&self->care_plan);
  g_clear_object (&self->catalog);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_stretch_page_parent_class)->dispose (object);
}

static void
limber_stretch_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberStretchPage *self = LIMBER_STRETCH_PAGE (object);

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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_stretch_page_constructed (GObject *object)
{
  LimberStretchPage *self = LIMBER_STRETCH_PAGE (object);

  G_OBJECT_CLASS (limber_stretch_page_parent_class)->constructed (object);

  g_return_if_fail (LIMBER_IS_CLOCK (self->clock));
  g_return_if_fail (LIMBER_IS_JOURNAL (self->journal));
  g_return_if_fail (LIMBER_IS_CATALOG (self->catalog));
  g_return_if_fail (LIMBER_IS_CARE_PLAN (self->care_plan));

  /* The page is built when it is first shown: a session is near, so have the voice ready for
   * its first words. */
  limber_voice_prepare (limber_voice_get_default ());

  /* Made here, so the player gets the clock and journal when it is built. */
  self->player = limber_stretch_player_new (self->clock, self->journal);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->player), "player");
  g_signal_connect_swapped (self->player, "done", G_CALLBACK (on_player_done), self);

  g_signal_connect_object (self->care_plan, "changed", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  /* A routine saved, imported or deleted shows at once. */
  g_signal_connect_swapped (limber_catalog_get_routines (self->catalog), "items-changed",
                            G_CALLBACK (refresh), self);
  refresh (self);
}

static void
limber_stretch_page_finalize (GObject *object)
{
  LimberStretchPage *self = LIMBER_STRETCH_PAGE (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->import_problems);

  G_OBJECT_CLASS (limber_stretch_page_parent_class)->finalize (object);
}

static void
limber_stretch_page_class_init (LimberStretchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_stretch_page_dispose;
  object_class->finalize = limber_stretch_page_finalize;
  object_class->set_property = limber_stretch_page_set_property;
  object_class->constructed = limber_stretch_page_constructed;
  widget_class->map = limber_stretch_page_map;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, LIMBER_TYPE_CLOCK,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, LIMBER_TYPE_JOURNAL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, LIMBER_TYPE_CATALOG,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CARE_PLAN] =
    g_param_spec_object ("care-plan", NULL, NULL, LIMBER_TYPE_CARE_PLAN,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/limber-stretch-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPage, routines_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPage, routines_group);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchPage, problems_group);

  gtk_widget_class_install_action (widget_class, "stretch.new-routine", NULL, new_routine_action);
  gtk_widget_class_install_action (widget_class, "stretch.edit-routine", "s", edit_routine_action);
  gtk_widget_class_install_action (widget_class, "stretch.duplicate-routine", "s",
                                   edit_routine_action);
  limber_stretch_page_install_file_actions (widget_class);
}

static void
limber_stretch_page_init (LimberStretchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->import_problems = g_ptr_array_new_with_free_func (g_free);
  self->settings = g_settings_new (APPLICATION_ID);
}

/**
 * limber_stretch_page_new:
 *
 * Returns: (transfer full): the Stretch page, offering @catalog's routines as @care_plan allows
 */
LimberStretchPage *
limber_stretch_page_new (LimberClock    *clock,
                         LimberJournal  *journal,
                         LimberCatalog  *catalog,
                         LimberCarePlan *care_plan)
{
  return g_object_new (LIMBER_TYPE_STRETCH_PAGE,
                       "clock", clock,
                       "journal", journal,
                       "catalog", catalog,
                       "care-plan", care_plan,
                       NULL);
}

/**
 * limber_stretch_page_start:
 * @error: (optional): why the care plan does not allow @routine now
 *
 * Starts @routine in the player, if the care plan allows it now.
 *
 * Returns: %TRUE if the session started
 */
gboolean
limber_stretch_page_start (LimberStretchPage  *self,
                           LimberRoutine      *routine,
                           GError            **error)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_PAGE (self), FALSE);
  g_return_val_if_fail (LIMBER_IS_ROUTINE (routine), FALSE);

  if (!limber_care_plan_allows_routine (self->care_plan, routine, error))
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack, "player");
  limber_stretch_player_start (self->player, routine);
  return TRUE;
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

/**
 * limber_stretch_page_has_session:
 *
 * Returns: whether a session is under way (running or paused), which leaving would end
 */
gboolean
limber_stretch_page_has_session (LimberStretchPage *self)
{
  LimberStretchSession *session;

  g_return_val_if_fail (LIMBER_IS_STRETCH_PAGE (self), FALSE);

  session = limber_stretch_player_get_session (self->player);
  return session != NULL &&
         g_str_equal (gtk_stack_get_visible_child_name (self->stack), "player") &&
         limber_stretch_session_get_state (session) != LIMBER_SESSION_STATE_FINISHED;
}

static void
on_end_response (AdwMessageDialog  *dialog,
                 const char        *response,
                 LimberStretchPage *self)
{
  LimberStretchSession *session = limber_stretch_player_get_session (self->player);
  LimberStretchPageEndedFunc ended = self->ended;
  gpointer ended_data = self->ended_data;

  self->end_dialog = NULL;
  self->ended = NULL;
  self->ended_data = NULL;

  if (session == NULL || limber_stretch_session_get_state (session) == LIMBER_SESSION_STATE_FINISHED)
    return;

  if (g_str_equal (response, "end"))
    {
      limber_stretch_session_stop (session, LIMBER_SESSION_OUTCOME_STOPPED);
      if (ended != NULL)
        ended (ended_data);
    }
  else if (self->resume_on_keep)
    limber_stretch_session_resume (session);
}

/**
 * limber_stretch_page_ask_to_end:
 * @ended: (nullable): called if the user ends the session
 *
 * Pauses the session and asks whether to end it: closing the window or leaving the page must
 * never end one by accident. "Keep Going" resumes it; "End Session" stops it (it is recorded as
 * stopped) and calls @ended.
 */
void
limber_stretch_page_ask_to_end (LimberStretchPage          *self,
                                LimberStretchPageEndedFunc  ended,
                                gpointer                    user_data)
{
  LimberStretchSession *session;
  GtkRoot *root;

  g_return_if_fail (LIMBER_IS_STRETCH_PAGE (self));

  session = limber_stretch_player_get_session (self->player);
  if (!limber_stretch_page_has_session (self))
    {
      if (ended != NULL)
        ended (user_data);
      return;
    }

  /* Asked already: the latest wish wins. */
  self->ended = ended;
  self->ended_data = user_data;
  if (self->end_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->end_dialog));
      return;
    }

  self->resume_on_keep = limber_stretch_session_is_running (session);
  if (self->resume_on_keep)
    limber_stretch_session_pause (session);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->end_dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             _("End This Session?"),
                                             _("The session is paused. Ending it keeps what you "
                                               "have done so far."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self->end_dialog),
                                    "keep", _("_Keep Going"),
                                    "end", _("_End Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self->end_dialog), "end",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self->end_dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self->end_dialog), "keep");
  g_signal_connect (self->end_dialog, "response", G_CALLBACK (on_end_response), self);
  gtk_window_present (GTK_WINDOW (self->end_dialog));
}

