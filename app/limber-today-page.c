/* limber-today-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-triage.h"

#include "limber-page.h"
#include "limber-today-page.h"

/*
 * The first page: where the user is in the care plan, and today's checklist for it. The plan
 * itself (phase, warning, what was done today) comes from LimberCarePlan; this only shows it.
 *
 * During an emergency the emergency is the whole page, what to do now first: no phase, no
 * plan, no pack to start, so the page never offers self-care in place of getting help. A
 * reason to see a doctor is a banner above the plan, which stays.
 */
struct _LimberTodayPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkWidget       *emergency_box;
  GtkLabel        *emergency_number;
  GtkLabel        *emergency_alone;
  GtkLabel        *emergency_title;
  GtkLabel        *emergency_label;
  GtkWidget       *emergency_check_again;
  GtkWidget       *doctor_box;
  GtkLabel        *doctor_title;
  GtkLabel        *doctor_label;
  GtkLabel        *phase_title;
  GtkLabel        *phase_label;
  GtkWidget       *episode_button;
  GtkLabel        *episode_label;
  GtkWidget       *check_row;
  GtkWidget       *plan_group;
  GtkListBox      *plan_list;
  GtkWidget       *pack_group;
  GtkStack        *pack_stack;
  GtkToggleButton *cold_button;
  GtkToggleButton *heat_button;
  GtkAdjustment   *minutes_adjustment;
  GtkLabel        *pack_countdown;
  GtkLabel        *pack_label;
  GtkLabel        *disclaimer_label;

  /* Collaborators */
  LimberClock      *clock;
  LimberJournal    *journal;
  LimberCarePlan   *care_plan;
  LimberPackTimer  *pack_timer;
  LimberTimeFormat *time_format;

  /* Owned */
  GSettings        *settings;
  AdwActionRow     *pack_row;      /* the plan's cold or heat row, while it is on screen */
  LimberPackKind    pack_row_kind;

  guint             tick_id;
};

G_DEFINE_FINAL_TYPE (LimberTodayPage, limber_today_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_JOURNAL,
  PROP_CARE_PLAN,
  PROP_PACK_TIMER,
  PROP_TIME_FORMAT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A time of day in the desktop's 12- or 24-hour format. */
static char *
format_clock_time (LimberTodayPage *self,
                   gint64           wall_us)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (wall_us / G_USEC_PER_SEC);

  return limber_time_format_time (self->time_format, time);
}

static char *
format_countdown (gint64 remaining_us)
{
  gint64 seconds = (remaining_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* A checklist row: done ones carry a check mark and say so in words for screen readers. */
static AdwActionRow *
add_plan_row (LimberTodayPage *self,
              const char      *id,
              const char      *title,
              const char      *subtitle,
              gboolean         done,
              const char      *button_label,
              const char      *button_a11y_label,
              const char      *action_name,
              GVariant        *target)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *mark = gtk_image_new_from_icon_name (done ? "emblem-ok-symbolic" : NULL);

  gtk_widget_set_name (row, id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (done)
    {
      g_autofree char *with_done = g_strdup_printf (_("Done. %s"), subtitle);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), with_done);
      gtk_widget_add_css_class (mark, "success");
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_image_set_pixel_size (GTK_IMAGE (mark), 16);
  gtk_widget_set_size_request (mark, 16, 16);
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  done ? _("Done") : _("Not done yet"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);

  if (button_label != NULL)
    {
      GtkWidget *button = gtk_button_new_with_label (button_label);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      if (target != NULL)
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      button_a11y_label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else if (target != NULL)
    g_variant_unref (g_variant_ref_sink (target));

  gtk_list_box_append (self->plan_list, row);

  return ADW_ACTION_ROW (row);
}

static void
clear_plan (LimberTodayPage *self)
{
  GtkWidget *child;

  self->pack_row = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list))) != NULL)
    gtk_list_box_remove (self->plan_list, child);
}

static void
add_walk_row (LimberTodayPage          *self,
              const LimberCareProgress *progress,
              gboolean                  acute)
{
  g_autofree char *walks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u walk today.",
                                                         "%u walks today.", progress->walks),
                                            progress->walks);
  g_autofree char *subtitle = g_strconcat (walks, " ",
                                           acute ? _("A few minutes is enough; lying down for "
                                                     "long makes it worse.")
                                                 : _("Work up to 20 minutes a day."),
                                           NULL);

  add_plan_row (self, "walk",
                acute ? _("A Short Walk Every Hour") : _("A Walk"),
                subtitle, progress->walks > 0, _("I Walked"), _("I walked just now"),
                "today.log-walk", NULL);
}

/* The plan's pack row shows the pack's real state: while a pack of its kind is on, the time
 * left (see update_pack) and Stop, never a Start that would seem to begin another. */
static void
add_pack_row (LimberTodayPage *self,
              LimberPackKind   kind,
              const char      *id,
              const char      *title,
              const char      *subtitle,
              gboolean         done)
{
  gboolean heat = kind == LIMBER_PACK_HEAT;
  gboolean on = limber_pack_timer_get_running (self->pack_timer) &&
                limber_pack_timer_get_kind (self->pack_timer) == kind;

  if (on)
    {
      self->pack_row = add_plan_row (self, id, title, subtitle, FALSE, _("Stop"),
                                     heat ? _("Stop the heat pack") : _("Stop the cold pack"),
                                     "today.stop-pack", NULL);
      self->pack_row_kind = kind;
    }
  else
    add_plan_row (self, id, title, subtitle, done, _("Start"),
                  heat ? _("Start a 20-minute heat pack") : _("Start a 15-minute cold pack"),
                  "today.quick-pack", g_variant_new_string (heat ? "heat" : "cold"));
}

static void
fill_acute_plan (LimberTodayPage          *self,
                 const LimberCareProgress *progress)
{
  const LimberEpisode *episode = limber_care_plan_get_episode (self->care_plan);
  gint64 checked_us = 0;
  g_autofree char *cold = NULL;

  limber_journal_get_last_check (self->journal, &checked_us, NULL);
  add_plan_row (self, "check", _("Check for Warning Signs"),
                _("Some back pain needs a doctor. The check takes a minute."),
                episode != NULL && checked_us >= episode->started_us,
                _("Check Now"), _("Check your symptoms"), "app.check", NULL);

  if (progress->cold_packs == 0)
    cold = g_strdup (_("15 to 20 minutes, wrapped in a towel. Due now."));
  else if (progress->next_cold_us == 0)
    cold = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u today. The next one is due now.",
                                         "%u today. The next one is due now.",
                                         progress->cold_packs), progress->cold_packs);
  else
    {
      g_autofree char *next = format_clock_time (self, progress->next_cold_us);

      cold = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u today. Next one at about %s.",
                                           "%u today. Next one at about %s.",
                                           progress->cold_packs), progress->cold_packs, next);
    }
  add_pack_row (self, LIMBER_PACK_COLD, "cold", _("Cold Pack About Every 2 Hours"), cold,
                progress->cold_packs > 0 && progress->next_cold_us != 0);

  add_walk_row (self, progress, TRUE);

  add_plan_row (self, "relief", _("Pain Relief If You Need It"),
                _("Over-the-counter pain relief, as the label or a pharmacist says. Muscle "
                  "relaxants only if a doctor prescribed them; they make you drowsy."),
                FALSE, NULL, NULL, NULL, NULL);

  /* Translators: the routine's name, as the catalog names it (resources/catalog.json). */
  add_plan_row (self, "gentle", _("Gentle Relief"),
                _("The only routine for now. Move only as far as is comfortable, and stop at "
                  "once if it hurts."),
                progress->gentle_sessions > 0, _("Start"), _("Start Gentle Relief"),
                "app.start-routine", g_variant_new_string ("gentle-relief"));
}

static void
fill_recovery_plan (LimberTodayPage          *self,
                    const LimberCareProgress *progress)
{
  g_autofree char *heat = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u today. A warm compress or a warm "
                                                        "bath loosens the muscles.",
                                                        "%u today. A warm compress or a warm "
                                                        "bath loosens the muscles.",
                                                        progress->heat_packs),
                                           progress->heat_packs);

  add_pack_row (self, LIMBER_PACK_HEAT, "heat", _("Heat, Up to 20 Minutes"), heat,
                progress->heat_packs > 0);
  add_walk_row (self, progress, FALSE);
  add_plan_row (self, "routine", _("A Stretch Routine"),
                _("All routines are open again. Stretch only to a comfortable point."),
                progress->sessions > 0, _("Choose"), _("Choose a stretch routine"),
                "app.show-page",
                g_variant_new_string (limber_page_to_string (LIMBER_PAGE_STRETCH)));
}

static void
fill_prevention_plan (LimberTodayPage          *self,
                      const LimberCareProgress *progress)
{
  guint goal = g_settings_get_uint (self->settings, "water-goal");
  g_autofree char *water = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u of %u glass",
                                                         "%u of %u glasses", goal),
                                            progress->glasses, goal);

  add_plan_row (self, "routine", _("A Stretch Routine"),
                _("Regular stretching and a strong core help keep spasms away."),
                progress->sessions > 0, _("Choose"), _("Choose a stretch routine"),
                "app.show-page",
                g_variant_new_string (limber_page_to_string (LIMBER_PAGE_STRETCH)));
  add_plan_row (self, "water", _("Water"), water, progress->glasses >= goal,
                _("+1 Glass"), _("I drank a glass of water"), "today.add-glass", NULL);
  add_walk_row (self, progress, FALSE);
}

static void update_pack (LimberTodayPage *self);

static void
on_tick (gpointer user_data)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (user_data);

  /* Fired, so there is nothing left to cancel. */
  self->tick_id = 0;
  update_pack (self);
}

static void
update_pack (LimberTodayPage *self)
{
  gboolean running = limber_pack_timer_get_running (self->pack_timer);

  limber_clock_clear (self->clock, &self->tick_id);

  if (running)
    {
      gint64 remaining = limber_pack_timer_get_remaining_us (self->pack_timer);
      g_autofree char *countdown = format_countdown (remaining);
      g_autofree char *ends = format_clock_time (self, limber_clock_now_wall_us (self->clock)
                                                       + remaining);
      g_autofree char *text = g_strdup_printf (limber_pack_timer_get_kind (self->pack_timer)
                                               == LIMBER_PACK_HEAT
                                               ? _("Heat pack on until %s")
                                               : _("Cold pack on until %s"), ends);

      if (self->pack_row != NULL)
        {
          /* Translators: the state of a cold or heat pack in Today's plan, e.g. "On, 14:59 left" */
          g_autofree char *left = g_strdup_printf (_("On, %s left"), countdown);

          adw_action_row_set_subtitle (self->pack_row, left);
        }

      gtk_label_set_label (self->pack_countdown, countdown);
      gtk_label_set_label (self->pack_label, text);
      gtk_stack_set_visible_child_name (self->pack_stack, "running");

      /* Ticks only while someone can see it. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        {
          gint64 to_next_second = remaining % G_USEC_PER_SEC;

          self->tick_id = limber_clock_schedule_in (self->clock,
                                                    to_next_second > 0 ? to_next_second
                                                                       : G_USEC_PER_SEC,
                                                    on_tick, self, NULL);
        }
    }
  else
    gtk_stack_set_visible_child_name (self->pack_stack, "idle");
}

static void
show_warning (LimberTodayPage         *self,
              const LimberCareWarning *warning)
{
  gboolean emergency = warning != NULL && warning->outcome == LIMBER_TRIAGE_OUTCOME_EMERGENCY;
  gboolean doctor = warning != NULL && warning->outcome == LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON;

  gtk_widget_set_visible (self->emergency_box, emergency);
  gtk_widget_set_visible (self->emergency_check_again, emergency);
  gtk_widget_set_visible (self->doctor_box, doctor);

  if (emergency)
    {
      g_autofree char *call = limber_triage_dup_emergency_call ();

      gtk_label_set_label (self->emergency_number, call);
      gtk_label_set_label (self->emergency_alone,
                           limber_triage_get_when_to_get_help (LIMBER_TRIAGE_OUTCOME_EMERGENCY));
      gtk_label_set_label (self->emergency_title,
                           limber_triage_outcome_get_title (LIMBER_TRIAGE_OUTCOME_EMERGENCY));
      gtk_label_set_label (self->emergency_label,
                           _("Your last check found signs that need help now: call, or go to an "
                             "emergency department. Limber’s plan is set aside until a check "
                             "finds no warning signs."));
    }
  else if (doctor)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", limber_care_warning_get_text (warning),
                                               _("Until then, keep to your plan below."));

      gtk_label_set_label (self->doctor_title,
                           limber_triage_outcome_get_title (LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON));
      gtk_label_set_label (self->doctor_label, text);
    }
}

static void
refresh (LimberTodayPage *self)
{
  LimberCarePhase phase = limber_care_plan_get_phase (self->care_plan);
  LimberCareWarning warning;
  gboolean has_warning = limber_care_plan_get_warning (self->care_plan, &warning);
  gboolean emergency = has_warning && warning.outcome == LIMBER_TRIAGE_OUTCOME_EMERGENCY;
  LimberCareProgress progress;
  g_autofree char *title = NULL;
  const char *description;

  limber_care_plan_get_progress (self->care_plan, &progress);

  /* Warnings come first, always. */
  show_warning (self, has_warning ? &warning : NULL);

  switch (phase)
    {
    case LIMBER_CARE_PHASE_ACUTE:
      title = g_strdup_printf (_("Day %u of the First 3 Days"),
                               limber_care_plan_get_day (self->care_plan));
      description = _("Cold, gentle movement and rest from strain. Most spasms ease within a "
                      "few days.");
      gtk_label_set_label (self->episode_label, _("I _Feel Better"));
      break;

    case LIMBER_CARE_PHASE_RECOVERY:
      title = g_strdup (_("Loosening Up"));
      description = _("After three days, heat and the full routines help the muscles relax. "
                      "If the pain is not getting better, see a doctor.");
      gtk_label_set_label (self->episode_label, _("I _Feel Better"));
      break;

    case LIMBER_CARE_PHASE_PREVENTION:
    default:
      title = g_strdup (_("Keeping Spasms Away"));
      description = _("Stretch regularly, drink water, and get up from your chair now and "
                      "then. If your back seizes up, start the plan for the first days.");
      gtk_label_set_label (self->episode_label, _("I Have a Back _Spasm Now"));
      break;
    }

  gtk_label_set_label (self->phase_title, title);
  gtk_label_set_label (self->phase_label, description);
  /* A spasm calls for help, not alarm: the suggested action where nothing else is suggested
   * (the pack timer's Start is, in the first days and after). */
  gtk_widget_set_css_classes (self->episode_button,
                              (const char *[]) { "pill",
                                                 phase == LIMBER_CARE_PHASE_PREVENTION
                                                 ? "suggested-action" : NULL,
                                                 NULL });

  /* During an emergency, it is the page: nothing below it to start instead. */
  gtk_widget_set_visible (GTK_WIDGET (self->phase_title), !emergency);
  gtk_widget_set_visible (GTK_WIDGET (self->phase_label), !emergency);
  gtk_widget_set_visible (self->episode_button, !emergency);
  gtk_widget_set_visible (self->check_row, !emergency);

  clear_plan (self);
  if (phase == LIMBER_CARE_PHASE_ACUTE)
    fill_acute_plan (self, &progress);
  else if (phase == LIMBER_CARE_PHASE_RECOVERY)
    fill_recovery_plan (self, &progress);
  else
    fill_prevention_plan (self, &progress);

  gtk_widget_set_visible (self->plan_group, !emergency);
  /* A pack that is on stays in sight, to be taken off. */
  gtk_widget_set_visible (self->pack_group,
                          limber_pack_timer_get_running (self->pack_timer) ||
                          (!emergency && phase != LIMBER_CARE_PHASE_PREVENTION));

  /* Suggest the pack the phase calls for, unless one is counting down. */
  if (!limber_pack_timer_get_running (self->pack_timer))
    {
      gboolean heat = limber_care_plan_get_suggested_pack (self->care_plan) == LIMBER_PACK_HEAT;

      gtk_toggle_button_set_active (heat ? self->heat_button : self->cold_button, TRUE);
    }

  update_pack (self);
}

/* Actions */

static void
tell (LimberTodayPage *self,
      const char      *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-toast", "s", message);
}

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
      tell (self, limber_pack_timer_get_kind (self->pack_timer) == LIMBER_PACK_HEAT
                  ? _("A heat pack is on. Stop it first.")
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
  gboolean heat = g_strcmp0 (g_variant_get_string (parameter, NULL), "heat") == 0;

  start_pack (self, heat ? LIMBER_PACK_HEAT : LIMBER_PACK_COLD,
              (gint64) (heat ? 20 : 15) * 60 * G_USEC_PER_SEC);
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
    tell (self, _("Glad it is better. Keep stretching to keep it that way."));
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
    tell (self, _("Noted that you have seen a doctor"));
}

/* GObject */

static void
limber_today_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (limber_today_page_parent_class)->map (widget);

  /* The plan itself is current (the care plan says when it changes, midnight included); only
   * the pack's countdown ticks just while the page can be seen. */
  update_pack (LIMBER_TODAY_PAGE (widget));
}

static void
limber_today_page_unmap (GtkWidget *widget)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (widget);

  limber_clock_clear (self->clock, &self->tick_id);

  GTK_WIDGET_CLASS (limber_today_page_parent_class)->unmap (widget);
}

static void
limber_today_page_dispose (GObject *object)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (object);

  if (self->clock != NULL)
    limber_clock_clear (self->clock, &self->tick_id);
  if (self->care_plan != NULL)
    g_signal_handlers_disconnect_by_data (self->care_plan, self);
  if (self->pack_timer != NULL)
    g_signal_handlers_disconnect_by_data (self->pack_timer, self);
  if (self->time_format != NULL)
    g_signal_handlers_disconnect_by_data (self->time_format, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_TODAY_PAGE);
  g_clear_object (&self->settings);
  g_clear_object (&self->care_plan);
  g_clear_object (&self->pack_timer);
  g_clear_object (&self->time_format);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_today_page_parent_class)->dispose (object);
}

static void
limber_today_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_CARE_PLAN:
      self->care_plan = g_value_dup_object (value);
      break;

    case PROP_PACK_TIMER:
      self->pack_timer = g_value_dup_object (value);
      break;

    case PROP_TIME_FORMAT:
      self->time_format = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_today_page_constructed (GObject *object)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (object);

  G_OBJECT_CLASS (limber_today_page_parent_class)->constructed (object);

  g_return_if_fail (LIMBER_IS_CLOCK (self->clock));
  g_return_if_fail (LIMBER_IS_JOURNAL (self->journal));
  g_return_if_fail (LIMBER_IS_CARE_PLAN (self->care_plan));
  g_return_if_fail (LIMBER_IS_PACK_TIMER (self->pack_timer));
  g_return_if_fail (LIMBER_IS_TIME_FORMAT (self->time_format));

  /* The care plan says "changed" for every record, this process's or the reminder
   * service's, and at midnight and the end of the first days. */
  g_signal_connect_object (self->care_plan, "changed", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pack_timer, "notify::running", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->time_format, "notify::twelve-hour", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::water-goal", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
}

static void
limber_today_page_class_init (LimberTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_today_page_dispose;
  object_class->set_property = limber_today_page_set_property;
  object_class->constructed = limber_today_page_constructed;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, LIMBER_TYPE_CLOCK,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, LIMBER_TYPE_JOURNAL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CARE_PLAN] =
    g_param_spec_object ("care-plan", NULL, NULL, LIMBER_TYPE_CARE_PLAN,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PACK_TIMER] =
    g_param_spec_object ("pack-timer", NULL, NULL, LIMBER_TYPE_PACK_TIMER,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_FORMAT] =
    g_param_spec_object ("time-format", NULL, NULL, LIMBER_TYPE_TIME_FORMAT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->map = limber_today_page_map;
  widget_class->unmap = limber_today_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/limber-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, emergency_box);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, emergency_number);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, emergency_alone);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, emergency_title);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, emergency_label);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, emergency_check_again);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, doctor_box);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, doctor_title);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, doctor_label);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, phase_title);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, episode_button);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, episode_label);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, check_row);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, plan_group);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, plan_list);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, pack_group);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, pack_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, cold_button);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, heat_button);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, minutes_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, pack_countdown);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, pack_label);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, disclaimer_label);

  gtk_widget_class_install_action (widget_class, "today.toggle-episode", NULL,
                                   toggle_episode_action);
  gtk_widget_class_install_action (widget_class, "today.start-pack", NULL, start_pack_action);
  gtk_widget_class_install_action (widget_class, "today.quick-pack", "s", quick_pack_action);
  gtk_widget_class_install_action (widget_class, "today.stop-pack", NULL, stop_pack_action);
  gtk_widget_class_install_action (widget_class, "today.log-walk", NULL, log_walk_action);
  gtk_widget_class_install_action (widget_class, "today.add-glass", NULL, add_glass_action);
  gtk_widget_class_install_action (widget_class, "today.seen-doctor", NULL, seen_doctor_action);
}

static void
limber_today_page_init (LimberTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_label_set_label (self->disclaimer_label, limber_triage_get_disclaimer ());
}

/**
 * limber_today_page_new:
 *
 * Returns: (transfer full): the Today page, following @care_plan and @pack_timer
 */
LimberTodayPage *
limber_today_page_new (LimberClock      *clock,
                       LimberJournal    *journal,
                       LimberCarePlan   *care_plan,
                       LimberPackTimer  *pack_timer,
                       LimberTimeFormat *time_format)
{
  return g_object_new (LIMBER_TYPE_TODAY_PAGE,
                       "clock", clock,
                       "journal", journal,
                       "care-plan", care_plan,
                       "pack-timer", pack_timer,
                       "time-format", time_format,
                       NULL);
}

