/* limber-today-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-triage.h"

#include "limber-today-page-private.h"

/*
 * The first page: where the user is in the care plan, and today's checklist for it. The plan
 * itself (phase, warning, what was done today) comes from LimberCarePlan; this only shows it.
 *
 * During an emergency the emergency is the whole page, what to do now first: no phase, no
 * plan, no pack to start, so the page never offers self-care in place of getting help. A
 * reason to see a doctor is a banner above the plan, which stays.
 */
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
char *
limber_today_page_format_time (LimberTodayPage *self,
                               gint64           wall_us)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (wall_us / G_USEC_PER_SEC);

  return limber_time_format_time (self->time_format, time);
}

void
limber_today_page_tell (LimberTodayPage *self,
                        const char      *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-toast", "s", message);
}

static char *
format_countdown (gint64 remaining_us)
{
  gint64 seconds = (remaining_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* The pack card's one button: Start Timer, or Stop for the pack that is on, made anew when that
 * changes so a screen reader hears which pack it stops. Stop has no mnemonic: GTK 4.8 would add
 * its label to that name ("Stop the cold pack Stop"). */
static void
set_pack_button (LimberTodayPage *self,
                 int              running_kind)
{
  if (self->pack_button != NULL && self->pack_button_for == running_kind)
    return;
  if (self->pack_button != NULL)
    gtk_box_remove (self->pack_button_box, self->pack_button);

  self->pack_button_for = running_kind;
  if (running_kind < 0)
    {
      GtkWidget *label = gtk_label_new_with_mnemonic (_("_Start Timer"));

      /* Named by its label, as a screen reader reads it ("Start Timer"). */
      self->pack_button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->pack_button), label);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->pack_button);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->pack_button), "today.start-pack");
      gtk_widget_add_css_class (self->pack_button, "suggested-action");
    }
  else
    {
      self->pack_button = gtk_button_new_with_label (_("Stop"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->pack_button), "today.stop-pack");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->pack_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      running_kind == LIMBER_PACK_HEAT ? _("Stop the heat pack")
                                                                       : _("Stop the cold pack"),
                                      -1);
    }
  gtk_widget_add_css_class (self->pack_button, "pill");
  gtk_box_append (self->pack_button_box, self->pack_button);
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
      gint64 ends_us = limber_clock_now_wall_us (self->clock) + remaining;
      g_autofree char *ends = limber_today_page_format_time (self, ends_us);
      gboolean heat = limber_pack_timer_get_kind (self->pack_timer) == LIMBER_PACK_HEAT;
      g_autofree char *text = g_strdup_printf (heat ? _("Heat pack on until %s")
                                                    : _("Cold pack on until %s"), ends);

      if (self->pack_row != NULL)
        {
          /* Translators: the state of a cold or heat pack in Today's plan, e.g. "On, 14:59 left" */
          g_autofree char *left = g_strdup_printf (_("On, %s left"), countdown);

          adw_action_row_set_subtitle (self->pack_row, left);
        }

      gtk_label_set_label (self->pack_countdown, countdown);
      gtk_label_set_label (self->pack_label, text);

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

  gtk_widget_set_visible (self->pack_running_box, running);
  gtk_widget_set_visible (self->pack_idle_box, !running);
  set_pack_button (self, running ? (int) limber_pack_timer_get_kind (self->pack_timer) : -1);
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
show_phase (LimberTodayPage *self,
            LimberCarePhase  phase)
{
  g_autofree char *title = NULL;
  const char *description;

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
}

static void
refresh (LimberTodayPage *self)
{
  LimberCarePhase phase = limber_care_plan_get_phase (self->care_plan);
  LimberCareWarning warning;
  gboolean has_warning = limber_care_plan_get_warning (self->care_plan, &warning);
  gboolean emergency = has_warning && warning.outcome == LIMBER_TRIAGE_OUTCOME_EMERGENCY;
  gboolean check_again = emergency ||
                         (has_warning && warning.outcome == LIMBER_TRIAGE_OUTCOME_DOCTOR_SOON);
  gboolean running = limber_pack_timer_get_running (self->pack_timer);
  LimberCareProgress progress;

  limber_care_plan_get_progress (self->care_plan, &progress);

  /* Warnings come first, always. */
  show_warning (self, has_warning ? &warning : NULL);
  show_phase (self, phase);

  /* During an emergency, it is the page: nothing below it to start instead. */
  gtk_widget_set_visible (GTK_WIDGET (self->phase_title), !emergency);
  gtk_widget_set_visible (GTK_WIDGET (self->phase_label), !emergency);
  gtk_widget_set_visible (self->episode_button, !emergency);

  /* One way to the check on the page: a warning's Check Again, else the first days' plan
   * row, else a row of its own. Groups are hidden whole: an AdwPreferencesGroup keeps the
   * boxed list of a hidden row as an empty line. */
  limber_today_page_fill_plan (self, phase, &progress, !check_again);
  gtk_widget_set_visible (self->check_group, !check_again && phase != LIMBER_CARE_PHASE_ACUTE);
  gtk_widget_set_visible (self->plan_group, !emergency);
  /* A pack that is on stays in sight, to be taken off. */
  gtk_widget_set_visible (self->pack_group,
                          running || (!emergency && phase != LIMBER_CARE_PHASE_PREVENTION));

  /* Suggest the pack the phase calls for, unless one is counting down. */
  if (!running)
    {
      gboolean heat = limber_care_plan_get_suggested_pack (self->care_plan) == LIMBER_PACK_HEAT;

      gtk_toggle_button_set_active (heat ? self->heat_button : self->cold_button, TRUE);
    }

  update_pack (self);
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
  self->pack_button = NULL;
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
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, check_group);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, pack_idle_box);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, pack_running_box);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, pack_button_box);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, plan_group);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, plan_list);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, pack_group);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, cold_button);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, heat_button);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, minutes_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, pack_countdown);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, pack_label);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, disclaimer_label);

  limber_today_page_add_actions (widget_class);
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

