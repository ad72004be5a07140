/* limber-today-page-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-page.h"
#include "limber-today-page-private.h"

/*
 * Today's checklist for the phase. Every action has one entry on the page: a pack is started
 * and stopped on the pack card below the plan, where its towel and time limits are said, so
 * the plan's pack row only tells how the day is going and, while one is on, the time left.
 * The check is the plan's first row in the first days, unless a warning above already offers
 * to check again (@check_button FALSE).
 */

static LimberPlanRow *
add_row (LimberTodayPage *self,
         const char      *id,
         const char      *title,
         const char      *subtitle,
         gboolean         done)
{
  LimberPlanRow *row = limber_plan_row_new (id, title, subtitle, done);

  gtk_list_box_append (self->plan_list, GTK_WIDGET (row));
  return row;
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
  LimberPlanRow *row = add_row (self, "walk",
                                acute ? _("A Short Walk Every Hour") : _("A Walk"),
                                subtitle, progress->walks > 0);

  limber_plan_row_add_button (row, _("I Walked"), _("I walked just now"), "today.log-walk",
                              NULL);
}

/* While a pack of the row's kind is on, the row says so (update_pack in limber-today-page.c
 * keeps the time left); Start and Stop are the pack card's. */
static void
add_pack_row (LimberTodayPage *self,
              LimberPackKind   kind,
              const char      *id,
              const char      *title,
              const char      *subtitle,
              gboolean         done)
{
  gboolean on = limber_pack_timer_get_running (self->pack_timer) &&
                limber_pack_timer_get_kind (self->pack_timer) == kind;
  LimberPlanRow *row = add_row (self, id, title, subtitle, done && !on);

  if (on)
    self->pack_row = ADW_ACTION_ROW (row);
}

static char *
describe_cold (LimberTodayPage          *self,
               const LimberCareProgress *progress)
{
  g_autofree char *next = NULL;

  if (progress->cold_packs == 0)
    return g_strdup (_("15 to 20 minutes, wrapped in a towel. Due now."));

  if (progress->next_cold_us == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u today. The next one is due now.",
                                         "%u today. The next one is due now.",
                                         progress->cold_packs), progress->cold_packs);

  next = limber_today_page_format_time (self, progress->next_cold_us);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u today. Next one at about %s.",
                                       "%u today. Next one at about %s.",
                                       progress->cold_packs), progress->cold_packs, next);
}

static void
fill_acute_plan (LimberTodayPage          *self,
                 const LimberCareProgress *progress,
                 gboolean                  check_button)
{
  const LimberEpisode *episode = limber_care_plan_get_episode (self->care_plan);
  gint64 checked_us = 0;
  g_autofree char *cold = describe_cold (self, progress);
  LimberPlanRow *row;

  limber_journal_get_last_check (self->journal, &checked_us, NULL);
  row = add_row (self, "check", _("Check for Warning Signs"),
                 _("Some back pain needs a doctor. The check takes a minute."),
                 episode != NULL && checked_us >= episode->started_us);
  if (check_button)
    limber_plan_row_add_button (row, _("Check Now"), _("Check your symptoms"), "app.check", NULL);

  add_pack_row (self, LIMBER_PACK_COLD, "cold", _("Cold Pack About Every 2 Hours"), cold,
                progress->cold_packs > 0 && progress->next_cold_us != 0);

  add_walk_row (self, progress, TRUE);

  add_row (self, "relief", _("Pain Relief If You Need It"),
           _("Over-the-counter pain relief, as the label or a pharmacist says. Muscle "
             "relaxants only if a doctor prescribed them; they make you drowsy."),
           FALSE);

  /* Translators: the routine's name, as the catalog names it (resources/catalog.json). */
  row = add_row (self, "gentle", _("Gentle Relief"),
                 _("The only routine for now. Move only as far as is comfortable, and stop at "
                   "once if it hurts."),
                 progress->gentle_sessions > 0);
  limber_plan_row_add_button (row, _("Start"), _("Start Gentle Relief"), "app.start-routine",
                              g_variant_new_string (LIMBER_CARE_FIRST_DAYS_ROUTINE));
}

static void
add_routine_row (LimberTodayPage          *self,
                 const LimberCareProgress *progress,
                 const char               *subtitle)
{
  LimberPlanRow *row = add_row (self, "routine", _("A Stretch Routine"), subtitle,
                                progress->sessions > 0);

  limber_plan_row_add_button (row, _("Choose"), _("Choose a stretch routine"), "app.show-page",
                              g_variant_new_string (limber_page_to_string (LIMBER_PAGE_STRETCH)));
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
  add_routine_row (self, progress,
                   _("All routines are open again. Stretch only to a comfortable point."));
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
  LimberPlanRow *row;

  add_routine_row (self, progress,
                   _("Regular stretching and a strong core help keep spasms away."));
  row = add_row (self, "water", _("Water"), water, progress->glasses >= goal);
  limber_plan_row_add_button (row, _("+1 Glass"), _("I drank a glass of water"),
                              "today.add-glass", NULL);
  add_walk_row (self, progress, FALSE);
}

/* Rebuilds the checklist for @phase. */
void
limber_today_page_fill_plan (LimberTodayPage          *self,
                             LimberCarePhase           phase,
                             const LimberCareProgress *progress,
                             gboolean                  check_button)
{
  GtkWidget *child;

  g_return_if_fail (LIMBER_IS_TODAY_PAGE (self));

  self->pack_row = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list))) != NULL)
    gtk_list_box_remove (self->plan_list, child);

  if (phase == LIMBER_CARE_PHASE_ACUTE)
    fill_acute_plan (self, progress, check_button);
  else if (phase == LIMBER_CARE_PHASE_RECOVERY)
    fill_recovery_plan (self, progress);
  else
    fill_prevention_plan (self, progress);
}
