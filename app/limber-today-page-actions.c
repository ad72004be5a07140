/* limber-today-page-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-today-page-private.h"

/*
 * What the Today page's buttons do. Every record goes through the journal or the care plan;
 * the page follows them, so nothing here updates the page itself.
 */

static void
start_pack (LimberTodayPage *self,
            LimberPackKind   kind,
            gint64           duration_us)
{
  g_autoptr(GError) error = NULL;
  gint64 real;

  /* A pack already on is stopped (and recorded) only by its own Stop, and Start says so. */
  if (limber_pack_timer_get_running (self->pack_timer))
    {
      gboolean heat = limber_pack_timer_get_kind (self->pack_timer) == LIMBER_PACK_HEAT;

      limber_today_page_tell (self, heat ? _("A heat pack is on. Stop it first.")
                                         : _("A cold pack is on. Stop it first."));
      return;
    }

  if (!limber_care_plan_allows_pack (self->care_plan, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.add-toast", "s", error->message);
      return;
    }

  real = limber_pack_timer_start (self->pack_timer, kind, duration_us);

  /* The page follows through the timer's notify::running. */
  g_debug ("A %s pack for %" G_GINT64_FORMAT " s", limber_pack_kind_to_string (kind),
           real / G_USEC_PER_SEC);
}

static void
start_pack_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (widget);
  LimberPackKind kind = gtk_toggle_button_get_active (self->heat_button) ? LIMBER_PACK_HEAT
                                                                          : LIMBER_PACK_COLD;

  start_pack (self, kind,
              (gint64) gtk_adjustment_get_value (self->minutes_adjustment) * 60 * G_USEC_PER_SEC);
}

static void
quick_pack_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (widget);
  LimberPackKind kind;

  if (!limber_pack_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    kind = LIMBER_PACK_COLD;
  start_pack (self, kind, (gint64) (kind == LIMBER_PACK_HEAT ? 20 : 15) * 60 * G_USEC_PER_SEC);
}

static void
stop_pack_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (widget);

  limber_pack_timer_stop (self->pack_timer);
}

static void
log_walk_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (widget);

  /* The page follows through the care plan; a failed write is shown by the window. */
  limber_journal_add_walk (self->journal, NULL);
}

static void
add_glass_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (widget);

  limber_journal_add_glass (self->journal, LIMBER_GLASS_FROM_APP, NULL);
}

static void
on_better_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LimberTodayPage  *self)
{
  GtkEditable *notes = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "end") != 0)
    return;

  if (limber_care_plan_end_episode (self->care_plan, gtk_editable_get_text (notes), &error))
    limber_today_page_tell (self, _("Glad it is better. Keep stretching to keep it that way."));
}

static void
toggle_episode_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *notes;

  if (limber_care_plan_get_episode (self->care_plan) == NULL)
    {
      limber_care_plan_start_episode (self->care_plan, &error);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Feeling Better?"),
                                   _("This ends the plan for the first days and goes back to "
                                     "keeping spasms away. You can add a note for your "
                                     "records, such as what set it off."));
  notes = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (notes), _("Notes (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (notes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Notes about this episode"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (notes), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), notes);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "end", _("_End the Plan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "end",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "end");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_better_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "I have seen a doctor": the see-a-doctor warning goes; the journal keeps when. */
static void
seen_doctor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (widget);

  /* A failed write is shown by the window, through the journal. */
  if (limber_care_plan_record_doctor_visit (self->care_plan, NULL))
    limber_today_page_tell (self, _("Noted that you have seen a doctor"));
}

void
limber_today_page_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "today.toggle-episode", NULL,
                                   toggle_episode_action);
  gtk_widget_class_install_action (widget_class, "today.start-pack", NULL, start_pack_action);
  /* A notification's Start Cold Pack comes here, through app.start-pack. */
  gtk_widget_class_install_action (widget_class, "today.quick-pack", "s", quick_pack_action);
  gtk_widget_class_install_action (widget_class, "today.stop-pack", NULL, stop_pack_action);
  gtk_widget_class_install_action (widget_class, "today.log-walk", NULL, log_walk_action);
  gtk_widget_class_install_action (widget_class, "today.add-glass", NULL, add_glass_action);
  gtk_widget_class_install_action (widget_class, "today.seen-doctor", NULL, seen_doctor_action);
}
