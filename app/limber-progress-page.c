/* limber-progress-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "limber-chart.h"
#include "limber-local-time.h"

#include "limber-progress-page.h"

/*
 * What the user's records show over time: a streak, pain before and after sessions (30 days), sessions per
 * week (12 weeks), glasses per day against the goal (14 days) and the plank hold since the
 * start. Each chart also writes its numbers out as a text alternative for screen readers.
 *
 * The page reads the journal when it is shown and again when the journal changes while it is
 * shown, so five years of records cost nothing while another page is open.
 */
struct _LimberProgressPage
{
  AdwBin       parent_instance;

  /* Template widgets */
  GtkStack    *stack;
  GtkLabel    *streak_label;
  GtkLabel    *summary_label;
  LimberChart *pain_chart;
  LimberChart *sessions_chart;
  LimberChart *water_chart;
  LimberChart *plank_chart;

  /* Owned */
  LimberJournal *journal;
  LimberClock   *clock;
  GTimeZone   *time_zone;
  gboolean     dirty;
};

G_DEFINE_FINAL_TYPE (LimberProgressPage, limber_progress_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DAY_S (24 * 3600)

static GDateTime *
local_time (LimberProgressPage *self,
            gint64              wall_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (wall_us / G_USEC_PER_SEC);

  return g_date_time_to_timezone (utc, self->time_zone);
}

/* The start of @time's local day, stepped the DST-safe way the reminders use. */
static GDateTime *
local_midnight (GDateTime *time)
{
  return limber_local_time_on_day (g_date_time_get_timezone (time),
                                   g_date_time_to_unix (time) * G_USEC_PER_SEC, 0, 0);
}

static double
seconds_of (GDateTime *time)
{
  return (double) g_date_time_to_unix (time);
}

static void
append_item (GString    *text,
             const char *item)
{
  /* Translators: separates the items of a chart's text alternative. */
  g_string_append (text, text->len > 0 ? _("; ") : "");
  g_string_append (text, item);
}

/* One session's ratings as the text alternative says them; NULL when it has none. */
static char *
describe_session (LimberProgressPage  *self,
                  LimberSessionRecord *record)
{
  int before = limber_session_record_get_pain_before (record);
  int after = limber_session_record_get_pain_after (record);
  g_autoptr(GDateTime) when = local_time (self, limber_session_record_get_started_wall_us (record));
  g_autofree char *day = g_date_time_format (when, _("%-d %b %H:%M"));

  g_strstrip (day);
  if (before != LIMBER_PAIN_UNSET && after != LIMBER_PAIN_UNSET)
    /* Translators: a session's pain ratings in a chart's text alternative: the day and time,
     * then pain before and after it, from 0 to 10. */
    return g_strdup_printf (_("%s: %d before, %d after"), day, before, after);
  if (before != LIMBER_PAIN_UNSET)
    return g_strdup_printf (_("%s: %d before"), day, before);
  if (after != LIMBER_PAIN_UNSET)
    return g_strdup_printf (_("%s: %d after"), day, after);
  return NULL;
}

/* Pain before and after each session of the last 30 days: after as the main line, before as
 * the one compared with, each rating at the time it was given. */
static void
update_pain (LimberProgressPage *self,
             GDateTime          *now)
{
  g_autoptr(GDateTime) today = local_midnight (now);
  g_autoptr(GDateTime) start = g_date_time_add_days (today, -29);
  gint64 start_us = g_date_time_to_unix (start) * G_USEC_PER_SEC;
  g_autoptr(GPtrArray) sessions = limber_journal_list_sessions (self->journal, start_us,
                                                                 G_MAXINT64);
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (LimberChartPoint));
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (LimberChartPoint));
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (LimberChartLabel));
  g_autoptr(GPtrArray) label_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sessions->len; i++)
    {
      LimberSessionRecord *record = g_ptr_array_index (sessions, i);
      int pain_before = limber_session_record_get_pain_before (record);
      int pain_after = limber_session_record_get_pain_after (record);
      g_autofree char *item = describe_session (self, record);
      LimberChartPoint point;

      if (item == NULL)
        continue;
      append_item (text, item);
      point.x = (double) limber_session_record_get_started_wall_us (record) / G_USEC_PER_SEC;
      point.y = pain_before;
      if (pain_before != LIMBER_PAIN_UNSET)
        g_array_append_val (before, point);
      point.x = (double) limber_session_record_get_ended_wall_us (record) / G_USEC_PER_SEC;
      point.y = pain_after;
      if (pain_after != LIMBER_PAIN_UNSET)
        g_array_append_val (after, point);
    }

  for (int d = 0; d < 30; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (start, d);
      char *day_text = g_date_time_format (day, _("%-d %b"));
      LimberChartLabel label = { seconds_of (day), g_strstrip (day_text) };

      g_ptr_array_add (label_texts, day_text);
      g_array_append_val (labels, label);
    }

  limber_chart_set_points (self->pain_chart, (LimberChartPoint *) after->data, after->len);
  limber_chart_set_compare_points (self->pain_chart, (LimberChartPoint *) before->data,
                                   before->len);
  limber_chart_set_x_range (self->pain_chart, seconds_of (start), seconds_of (now));
  limber_chart_set_y_range (self->pain_chart, 0, 10);
  limber_chart_set_x_labels (self->pain_chart, (LimberChartLabel *) labels->data, labels->len);

  if (text->len == 0)
    g_string_assign (text, _("No pain ratings in the last 30 days"));
  else
    g_string_prepend (text, _("Pain before and after sessions, 0 to 10: "));
  limber_chart_set_description (self->pain_chart, text->str);
}

static void
update_sessions (LimberProgressPage *self,
                 GDateTime          *now)
{
  g_autoptr(GDateTime) today = local_midnight (now);
  g_autoptr(GDateTime) monday = g_date_time_add_days (today,
                                                      1 - g_date_time_get_day_of_week (today));
  g_autoptr(GDateTime) first = g_date_time_add_weeks (monday, -11);
  guint days[12 * 7];
  LimberChartPoint points[12];
  LimberChartLabel labels[12];
  g_autoptr(GPtrArray) label_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  guint total = 0;

  limber_journal_count_per_day (self->journal, LIMBER_RECORD_COUNT_SESSIONS, first, G_N_ELEMENTS (days),
                              days);

  for (guint w = 0; w < 12; w++)
    {
      g_autoptr(GDateTime) week = g_date_time_add_weeks (first, w);
      char *week_text = g_date_time_format (week, _("%-d %b"));
      g_autofree char *item = NULL;
      guint count = 0;

      for (guint d = 0; d < 7; d++)
        count += days[w * 7 + d];
      total += count;

      points[w] = (LimberChartPoint) { w, count };
      labels[w] = (LimberChartLabel) { w, g_strstrip (week_text) };
      g_ptr_array_add (label_texts, week_text);
      item = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "week of %s: %u session",
                                           "week of %s: %u sessions", count),
                              labels[w].text, count);
      append_item (text, item);
    }

  /* Twelve empty weeks are no data: the chart says so instead of drawing a flat line. */
  limber_chart_set_points (self->sessions_chart, points, total > 0 ? G_N_ELEMENTS (points) : 0);
  limber_chart_set_x_range (self->sessions_chart, -0.5, 11.5);
  limber_chart_set_y_range (self->sessions_chart, 0, -1);
  limber_chart_set_x_labels (self->sessions_chart, labels, G_N_ELEMENTS (labels));
  if (total == 0)
    g_string_assign (text, _("No sessions in the last 12 weeks"));
  limber_chart_set_description (self->sessions_chart, text->str);
}

static void
update_water (LimberProgressPage *self,
              GDateTime          *now)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  guint goal = g_settings_get_uint (settings, "water-goal");
  g_autoptr(GDateTime) today = local_midnight (now);
  g_autoptr(GDateTime) first = g_date_time_add_days (today, -13);
  guint days[14];
  LimberChartPoint points[14];
  LimberChartLabel labels[14];
  g_autoptr(GPtrArray) label_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  guint total = 0;

  limber_journal_count_per_day (self->journal, LIMBER_RECORD_COUNT_GLASSES, first, 14, days);

  for (guint d = 0; d < 14; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, d);
      char *day_text = g_date_time_format (day, _("%a %-d"));
      g_autofree char *item = NULL;

      points[d] = (LimberChartPoint) { d, days[d] };
      labels[d] = (LimberChartLabel) { d, day_text };
      total += days[d];
      g_ptr_array_add (label_texts, day_text);
      item = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u of %u glass",
                                           "%s: %u of %u glasses", goal),
                              day_text, days[d], goal);
      append_item (text, item);
    }

  limber_chart_set_points (self->water_chart, points, total > 0 ? G_N_ELEMENTS (points) : 0);
  limber_chart_set_x_range (self->water_chart, -0.5, 13.5);
  limber_chart_set_y_range (self->water_chart, 0, -1);
  limber_chart_set_goal (self->water_chart, goal);
  limber_chart_set_x_labels (self->water_chart, labels, G_N_ELEMENTS (labels));
  if (total == 0)
    g_string_assign (text, _("No glasses in the last 14 days"));
  limber_chart_set_description (self->water_chart, text->str);
}

/* The start of the month (or with @years, the year) @time falls in, @offset of them later. */
static GDateTime *
period_start (LimberProgressPage *self,
              GDateTime          *time,
              gboolean            years,
              int                 offset)
{
  g_autoptr(GDateTime) first = g_date_time_new (self->time_zone, g_date_time_get_year (time),
                                                years ? 1 : g_date_time_get_month (time), 1,
                                                0, 0, 0);

  return years ? g_date_time_add_years (first, offset) : g_date_time_add_months (first, offset);
}

/*
 * The plank chart's time axis, from the start of the first month to the end of the last: a
 * tick where each month begins and a label in the middle of each, "Oct", with the year on the
 * first label and on January's. Records over more than 400 days get a tick and a label per
 * year instead. Sets the chart's x range, labels and ticks.
 */
static void
set_plank_axis (LimberProgressPage *self,
                GDateTime          *start,
                GDateTime          *end)
{
  gboolean years = g_date_time_difference (end, start) > (GTimeSpan) 400 * DAY_S * G_USEC_PER_SEC;
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (LimberChartLabel));
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) label_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) first = period_start (self, start, years, 0);
  g_autoptr(GDateTime) last = period_start (self, end, years, 1);

  for (g_autoptr(GDateTime) mark = g_date_time_ref (first); g_date_time_compare (mark, last) < 0;)
    {
      GDateTime *next = period_start (self, mark, years, 1);
      gboolean with_year = mark == first || g_date_time_get_month (mark) == 1;
      /* Translators: a month on a chart's time axis, with its year ("Jan 2027"), as in
       * g_date_time_format(); the other months are written without it, as "%b". */
      char *text = g_date_time_format (mark, years ? "%Y" : with_year ? _("%b %Y") : "%b");
      LimberChartLabel label = { (seconds_of (mark) + seconds_of (next)) / 2, g_strstrip (text) };
      double tick = seconds_of (mark);

      g_ptr_array_add (label_texts, text);
      g_array_append_val (labels, label);
      g_array_append_val (ticks, tick);
      g_date_time_unref (mark);
      mark = next;
    }
  g_array_append_vals (ticks, &(double) { seconds_of (last) }, 1);

  limber_chart_set_x_range (self->plank_chart, seconds_of (first), seconds_of (last));
  limber_chart_set_x_labels (self->plank_chart, (LimberChartLabel *) labels->data, labels->len);
  limber_chart_set_x_ticks (self->plank_chart, (double *) ticks->data, ticks->len);
}

static void
update_plank (LimberProgressPage *self)
{
  g_autoptr(GArray) holds = limber_journal_list_plank_holds (self->journal);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (LimberChartPoint));
  g_autofree char *text = NULL;
  int best = 0;

  for (guint i = 0; i < holds->len; i++)
    {
      const LimberRecordPoint *p = &g_array_index (holds, LimberRecordPoint, i);
      LimberChartPoint point = { (double) p->time_us / G_USEC_PER_SEC, p->value };

      best = MAX (best, p->value);
      g_array_append_val (points, point);
    }

  if (holds->len > 0)
    {
      const LimberRecordPoint *first = &g_array_index (holds, LimberRecordPoint, 0);
      const LimberRecordPoint *last = &g_array_index (holds, LimberRecordPoint, holds->len - 1);
      g_autoptr(GDateTime) start = local_time (self, first->time_us);
      g_autoptr(GDateTime) end = local_time (self, last->time_us);
      g_autofree char *since = g_date_time_format (start, _("%-d %b %Y"));
      g_autofree char *latest = g_date_time_format (end, _("%-d %b %Y"));

      set_plank_axis (self, start, end);
      text = g_strdup_printf (_("Plank hold: %d seconds on %s, now %d seconds since %s; the "
                                "longest %d seconds"),
                              first->value, g_strstrip (since), last->value, g_strstrip (latest),
                              best);
    }
  else
    {
      limber_chart_set_x_range (self->plank_chart, NAN, NAN);
      limber_chart_set_x_labels (self->plank_chart, NULL, 0);
      limber_chart_set_x_ticks (self->plank_chart, NULL, 0);
      text = g_strdup (_("No plank holds yet"));
    }

  limber_chart_set_points (self->plank_chart, (LimberChartPoint *) points->data, points->len);
  limber_chart_set_y_range (self->plank_chart, 0, -1);
  limber_chart_set_description (self->plank_chart, text);
}

static void
update_streak (LimberProgressPage *self,
               GDateTime          *now)
{
  guint streak = limber_journal_get_streak (self->journal, now);
  g_autoptr(GDateTime) today = local_midnight (now);
  g_autoptr(GDateTime) month_ago = g_date_time_add_days (today, -29);
  guint sessions = limber_journal_count (self->journal, LIMBER_RECORD_COUNT_SESSIONS,
                                       g_date_time_to_unix (month_ago) * G_USEC_PER_SEC,
                                       G_MAXINT64);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  if (streak == 0)
    title = g_strdup (_("Start a Streak Today"));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Day in a Row", "%u Days in a Row",
                                          streak), streak);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u stretch session in the last 30 days",
                                          "%u stretch sessions in the last 30 days", sessions),
                             sessions);

  gtk_label_set_label (self->streak_label, title);
  gtk_label_set_label (self->summary_label, summary);
}

static void
refresh (LimberProgressPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  self->dirty = FALSE;

  if (limber_journal_is_empty (self->journal))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  now = local_time (self, limber_clock_now_wall_us (self->clock));
  update_streak (self, now);
  update_pain (self, now);
  update_sessions (self, now);
  update_water (self, now);
  update_plank (self);
  gtk_stack_set_visible_child_name (self->stack, "charts");
}

static void
on_journal_changed (LimberProgressPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->dirty = TRUE;
}

static void
limber_progress_page_map (GtkWidget *widget)
{
  LimberProgressPage *self = LIMBER_PROGRESS_PAGE (widget);

  /* Also catches a new day since the page was last shown. */
  refresh (self);

  GTK_WIDGET_CLASS (limber_progress_page_parent_class)->map (widget);
}

static void
limber_progress_page_dispose (GObject *object)
{
  LimberProgressPage *self = LIMBER_PROGRESS_PAGE (object);

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);
  /* The stack is both the bin's child and a template child; let the bin go of it first, so it
   * is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PROGRESS_PAGE);

  G_OBJECT_CLASS (limber_progress_page_parent_class)->dispose (object);
}

static void
limber_progress_page_finalize (GObject *object)
{
  LimberProgressPage *self = LIMBER_PROGRESS_PAGE (object);

  g_clear_pointer (&self->time_zone, g_time_zone_unref);

  G_OBJECT_CLASS (limber_progress_page_parent_class)->finalize (object);
}

static void
limber_progress_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LimberProgressPage *self = LIMBER_PROGRESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_progress_page_constructed (GObject *object)
{
  LimberProgressPage *self = LIMBER_PROGRESS_PAGE (object);

  G_OBJECT_CLASS (limber_progress_page_parent_class)->constructed (object);

  g_return_if_fail (LIMBER_IS_CLOCK (self->clock));
  g_return_if_fail (LIMBER_IS_JOURNAL (self->journal));

  /* Every record counts here, whichever process wrote it. */
  g_signal_connect_swapped (self->journal, "changed", G_CALLBACK (on_journal_changed), self);
  on_journal_changed (self);
}

static void
limber_progress_page_class_init (LimberProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_progress_page_dispose;
  object_class->finalize = limber_progress_page_finalize;
  object_class->set_property = limber_progress_page_set_property;
  object_class->constructed = limber_progress_page_constructed;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, LIMBER_TYPE_CLOCK,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, LIMBER_TYPE_JOURNAL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->map = limber_progress_page_map;

  g_type_ensure (LIMBER_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/limber-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberProgressPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberProgressPage, streak_label);
  gtk_widget_class_bind_template_child (widget_class, LimberProgressPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LimberProgressPage, pain_chart);
  gtk_widget_class_bind_template_child (widget_class, LimberProgressPage, sessions_chart);
  gtk_widget_class_bind_template_child (widget_class, LimberProgressPage, water_chart);
  gtk_widget_class_bind_template_child (widget_class, LimberProgressPage, plank_chart);
}

static void
limber_progress_page_init (LimberProgressPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->time_zone = g_time_zone_new_local ();
  /* Titles, named as the headings above the charts are, in header capitalisation. */
  limber_chart_set_title (self->pain_chart, _("Pain Before and After Stretching"));
  limber_chart_set_title (self->sessions_chart, _("Sessions per Week"));
  limber_chart_set_title (self->water_chart, _("Glasses of Water per Day"));
  limber_chart_set_title (self->plank_chart, _("Plank Hold"));
  /* Translators: the legend of the pain chart: pain rated after a session, and before it. */
  limber_chart_set_legend (self->pain_chart, C_("pain", "After"), C_("pain", "Before"));

  /* What each chart says in its place before there is anything to draw. */
  limber_chart_set_empty_text (self->pain_chart, _("No pain ratings in the last 30 days"));
  limber_chart_set_empty_text (self->sessions_chart, _("No sessions in the last 12 weeks"));
  limber_chart_set_empty_text (self->water_chart, _("No glasses in the last 14 days"));
  limber_chart_set_empty_text (self->plank_chart, _("No plank holds yet"));
}

/**
 * limber_progress_page_new:
 * @clock: the clock "today" is read from
 * @journal: the records shown
 *
 * Returns: (transfer full): the Progress page, following @journal's changes
 */
LimberProgressPage *
limber_progress_page_new (LimberClock   *clock,
                          LimberJournal *journal)
{
  return g_object_new (LIMBER_TYPE_PROGRESS_PAGE, "clock", clock, "journal", journal, NULL);
}

/* Returns: "empty" or "charts" */
const char *
limber_progress_page_get_screen (LimberProgressPage *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRESS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

