/* limber-care-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-care-enums.h"
#include "limber-enum-nick.h"
#include "limber-local-time.h"

#include "limber-care-plan.h"

/*
 * Which part of the care plan applies now, read from the journal: no episode is prevention;
 * the first 72 hours of an episode are the acute plan (cold, hourly walks, the gentle routine
 * only); after that, until "I feel better", recovery (heat, the full routines).
 *
 * Warnings (limber-care-warning.c) come in two kinds. An emergency sets the whole plan aside:
 * the Today page is the emergency, and nothing else is offered. A reason to see a doctor, from
 * a check or from the record, sits beside the plan, which stays: people whose warning sign
 * never changes (a history of cancer) keep their self-care without answering No falsely.
 *
 * It emits "changed" when the journal changes and, through one clock timer, when the acute
 * plan ends or a new day begins, so the Today page and the reminder service follow without
 * polling.
 */
struct _LimberCarePlan
{
  GObject        parent_instance;

  LimberJournal *journal;
  LimberClock   *clock;
  GTimeZone     *time_zone;

  LimberEpisode  *episode;
  LimberCarePhase phase;     /* as last announced */
  guint           timer_id;
};

G_DEFINE_FINAL_TYPE (LimberCarePlan, limber_care_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PHASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (LimberCarePlan *self);

static gint64
now_us (LimberCarePlan *self)
{
  return limber_clock_now_wall_us (self->clock);
}

static LimberCarePhase
phase_at (LimberCarePlan *self,
          gint64          time_us)
{
  if (self->episode == NULL)
    return LIMBER_CARE_PHASE_PREVENTION;

  if (time_us < self->episode->started_us + LIMBER_CARE_ACUTE_US)
    return LIMBER_CARE_PHASE_ACUTE;

  return LIMBER_CARE_PHASE_RECOVERY;
}

static void
on_timer (gpointer user_data)
{
  LimberCarePlan *self = LIMBER_CARE_PLAN (user_data);

  self->timer_id = 0;
  refresh (self);
}

/* One timer for whichever comes first: the end of the acute plan or midnight. */
static void
schedule (LimberCarePlan *self)
{
  gint64 now = now_us (self);
  gint64 next;

  limber_local_time_day_range (self->time_zone, now, NULL, &next);

  if (phase_at (self, now) == LIMBER_CARE_PHASE_ACUTE)
    next = MIN (next, self->episode->started_us + LIMBER_CARE_ACUTE_US);

  limber_clock_clear (self->clock, &self->timer_id);
  self->timer_id = limber_clock_schedule_in (self->clock, MAX (0, next - now), on_timer, self,
                                             NULL);
}

static void
refresh (LimberCarePlan *self)
{
  LimberCarePhase phase;

  g_clear_pointer (&self->episode, limber_episode_free);
  self->episode = limber_journal_get_open_episode (self->journal);
  schedule (self);

  /* Compared with the phase last announced: at the 72-hour timer, time has already moved on. */
  phase = phase_at (self, now_us (self));
  if (phase != self->phase)
    {
      self->phase = phase;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Reminders shown or snoozed, posture breaks and plank holds are not part of the plan or its
 * checklist: saying "changed" for them would rebuild the Today page under the user's finger. */
static void
on_journal_changed (LimberCarePlan   *self,
                    LimberRecordKind  kind)
{
  switch (kind)
    {
    case LIMBER_RECORD_REMINDER:
    case LIMBER_RECORD_POSTURE_BREAK:
    case LIMBER_RECORD_PLANK_HOLD:
      return;

    case LIMBER_RECORD_SESSION:
    case LIMBER_RECORD_CHECK:
    case LIMBER_RECORD_GLASS:
    case LIMBER_RECORD_WALK:
    case LIMBER_RECORD_EPISODE:
    case LIMBER_RECORD_PACK:
    default:
      refresh (self);
    }
}

static void
limber_care_plan_dispose (GObject *object)
{
  LimberCarePlan *self = LIMBER_CARE_PLAN (object);

  if (self->clock != NULL)
    limber_clock_clear (self->clock, &self->timer_id);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_care_plan_parent_class)->dispose (object);
}

static void
limber_care_plan_finalize (GObject *object)
{
  LimberCarePlan *self = LIMBER_CARE_PLAN (object);

  g_clear_pointer (&self->episode, limber_episode_free);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);

  G_OBJECT_CLASS (limber_care_plan_parent_class)->finalize (object);
}

static void
limber_care_plan_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LimberCarePlan *self = LIMBER_CARE_PLAN (object);

  switch (prop_id)
    {
    case PROP_PHASE:
      g_value_set_enum (value, limber_care_plan_get_phase (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_care_plan_class_init (LimberCarePlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_care_plan_dispose;
  object_class->finalize = limber_care_plan_finalize;
  object_class->get_property = limber_care_plan_get_property;

  /**
   * LimberCarePlan:phase:
   *
   * The #LimberCarePhase that applies now.
   */
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL, LIMBER_TYPE_CARE_PHASE, LIMBER_CARE_PHASE_PREVENTION,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberCarePlan::changed:
   *
   * The phase, today's progress or the warning may have changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_care_plan_init (LimberCarePlan *self)
{
}

/**
 * limber_care_plan_new:
 * @time_zone: (nullable): the zone days are counted in, %NULL for the local one
 *
 * Returns: (transfer full): the plan, following @journal (its own records and those of the
 *   other process) from now on
 */
LimberCarePlan *
limber_care_plan_new (LimberJournal *journal,
                      GTimeZone     *time_zone)
{
  LimberCarePlan *self;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (journal), NULL);

  self = g_object_new (LIMBER_TYPE_CARE_PLAN, NULL);
  self->journal = g_object_ref (journal);
  self->clock = g_object_ref (limber_journal_get_clock (journal));
  self->time_zone = time_zone != NULL ? g_time_zone_ref (time_zone) : g_time_zone_new_local ();
  g_signal_connect_swapped (journal, "changed", G_CALLBACK (on_journal_changed), self);

  self->episode = limber_journal_get_open_episode (journal);
  self->phase = phase_at (self, now_us (self));
  schedule (self);

  return self;
}

LimberCarePhase
limber_care_plan_get_phase (LimberCarePlan *self)
{
  g_return_val_if_fail (LIMBER_IS_CARE_PLAN (self), LIMBER_CARE_PHASE_PREVENTION);

  return phase_at (self, now_us (self));
}

/* Returns: (nullable): the open episode */
const LimberEpisode *
limber_care_plan_get_episode (LimberCarePlan *self)
{
  g_return_val_if_fail (LIMBER_IS_CARE_PLAN (self), NULL);
  return self->episode;
}

/* Returns: when the acute plan of the open episode ends, or 0 without one */
gint64
limber_care_plan_get_acute_end_us (LimberCarePlan *self)
{
  g_return_val_if_fail (LIMBER_IS_CARE_PLAN (self), 0);

  return self->episode != NULL ? self->episode->started_us + LIMBER_CARE_ACUTE_US : 0;
}

/* Returns: the day of the open episode, 1 in its first 24 hours, or 0 without one */
guint
limber_care_plan_get_day (LimberCarePlan *self)
{
  g_return_val_if_fail (LIMBER_IS_CARE_PLAN (self), 0);

  if (self->episode == NULL)
    return 0;

  return (guint) (MAX (0, now_us (self) - self->episode->started_us) / LIMBER_CARE_DAY_US) + 1;
}

/**
 * limber_care_plan_get_warning:
 * @warning: (out) (optional): the most urgent warning that stands
 *
 * Returns: %TRUE if a warning stands now: an emergency or a reason to see a doctor, from the
 *   last check or from the record
 */
gboolean
limber_care_plan_get_warning (LimberCarePlan    *self,
                              LimberCareWarning *warning)
{
  LimberCareWarning found;

  g_return_val_if_fail (LIMBER_IS_CARE_PLAN (self), FALSE);

  if (!limber_care_warning_evaluate (self->journal, self->episode, now_us (self), &found))
    return FALSE;

  if (warning != NULL)
    *warning = found;
  return TRUE;
}

/* Returns: %TRUE while an emergency stands, when the plan is set aside */
gboolean
limber_care_plan_get_emergency (LimberCarePlan *self)
{
  LimberCareWarning warning;

  g_return_val_if_fail (LIMBER_IS_CARE_PLAN (self), FALSE);

  return limber_care_plan_get_warning (self, &warning) &&
         warning.outcome == LIMBER_TRIAGE_OUTCOME_EMERGENCY;
}

/**
 * limber_care_plan_record_doctor_visit:
 *
 * "I have seen a doctor": clears the see-a-doctor warnings raised before now, from a check
 * and from this episode's record. An emergency stays until a check finds none.
 *
 * Returns: %TRUE if it was recorded
 */
gboolean
limber_care_plan_record_doctor_visit (LimberCarePlan  *self,
                                      GError         **error)
{
  g_return_val_if_fail (LIMBER_IS_CARE_PLAN (self), FALSE);

  return limber_journal_add_doctor_visit (self->journal, error) != 0;
}

/* Fills @progress with what was done since local midnight. */
void
limber_care_plan_get_progress (LimberCarePlan     *self,
                               LimberCareProgress *progress)
{
  gint64 now, from, to;
  LimberPackKind kind;
  gint64 started, duration;

  g_return_if_fail (LIMBER_IS_CARE_PLAN (self));
  g_return_if_fail (progress != NULL);

  now = now_us (self);
  limber_local_time_day_range (self->time_zone, now, &from, &to);

  memset (progress, 0, sizeof *progress);
  progress->cold_packs = limber_journal_count_packs (self->journal, LIMBER_PACK_COLD, from, to);
  progress->heat_packs = limber_journal_count_packs (self->journal, LIMBER_PACK_HEAT, from, to);
  progress->walks = limber_journal_count (self->journal, LIMBER_RECORD_COUNT_WALKS, from, to);
  progress->sessions = limber_journal_count_routine (self->journal, NULL, from, to);
  progress->gentle_sessions = limber_journal_count_routine (self->journal,
                                                           LIMBER_CARE_FIRST_DAYS_ROUTINE, from, to);
  progress->glasses = limber_journal_count (self->journal, LIMBER_RECORD_COUNT_GLASSES, from, to);

  if (limber_journal_get_last_pack (self->journal, &kind, &started, &duration) && started >= from)
    {
      progress->last_pack_end_us = started + duration;
      if (kind == LIMBER_PACK_COLD)
        progress->next_cold_us = progress->last_pack_end_us + LIMBER_CARE_COLD_EVERY_US;
    }
  if (progress->next_cold_us <= now)
    progress->next_cold_us = 0;
}

/**
 * limber_care_plan_get_walk_interval:
 * @user_minutes: the walk interval the user chose
 *
 * Returns: the minutes between walk reminders now: at most an hour during the acute plan
 */
guint
limber_care_plan_get_walk_interval (LimberCarePlan *self,
                                    guint           user_minutes)
{
  g_return_val_if_fail (LIMBER_IS_CARE_PLAN (self), user_minutes);

  if (limber_care_plan_get_phase (self) == LIMBER_CARE_PHASE_ACUTE)
    return MIN (user_minutes, LIMBER_CARE_ACUTE_WALK_MINUTES);

  return user_minutes;
}

/* Returns: cold during the acute plan, heat after it */
LimberPackKind
limber_care_plan_get_suggested_pack (LimberCarePlan *self)
{
  g_return_val_if_fail (LIMBER_IS_CARE_PLAN (self), LIMBER_PACK_COLD);

  return limber_care_plan_get_phase (self) == LIMBER_CARE_PHASE_ACUTE ? LIMBER_PACK_COLD
                                                                      : LIMBER_PACK_HEAT;
}

/**
 * limber_care_plan_allows_routine:
 * @routine: a routine of the catalog
 * @error: (optional): why not, in words for the user
 *
 * Whether @routine may be offered or started now. During an emergency no routine is: the
 * plan is to get help now. A reason to see a doctor holds nothing back. In the first days of
 * an episode only routines marked "first-days" are. Every way of starting a routine asks this.
 *
 * Returns: %TRUE if @routine may start now
 */
gboolean
limber_care_plan_allows_routine (LimberCarePlan  *self,
                                 LimberRoutine   *routine,
                                 GError         **error)
{
  g_return_val_if_fail (LIMBER_IS_CARE_PLAN (self), FALSE);
  g_return_val_if_fail (LIMBER_IS_ROUTINE (routine), FALSE);

  if (limber_care_plan_get_emergency (self))
    {
      g_set_error_literal (error, LIMBER_CARE_PLAN_ERROR, LIMBER_CARE_PLAN_ERROR_WARNING,
                           _("Your last symptom check found signs that need help now. Get "
                             "help first; stretches can wait."));
      return FALSE;
    }

  if (limber_care_plan_get_phase (self) == LIMBER_CARE_PHASE_ACUTE &&
      !limber_routine_get_first_days (routine))
    {
      g_set_error (error, LIMBER_CARE_PLAN_ERROR, LIMBER_CARE_PLAN_ERROR_NOT_NOW,
                   _("“%s” is not for the first days of a spasm. Try a gentle routine "
                     "instead."), limber_routine_get_name (routine));
      return FALSE;
    }

  return TRUE;
}

/**
 * limber_care_plan_allows_pack:
 * @error: (optional): why not, in words for the user
 *
 * Returns: %TRUE unless an emergency stands, when no self-care is offered
 */
gboolean
limber_care_plan_allows_pack (LimberCarePlan  *self,
                              GError         **error)
{
  g_return_val_if_fail (LIMBER_IS_CARE_PLAN (self), FALSE);

  if (limber_care_plan_get_emergency (self))
    {
      g_set_error_literal (error, LIMBER_CARE_PLAN_ERROR, LIMBER_CARE_PLAN_ERROR_WARNING,
                           _("Your last symptom check found signs that need help now. Get "
                             "help first."));
      return FALSE;
    }

  return TRUE;
}

G_DEFINE_QUARK (limber-care-plan-error-quark, limber_care_plan_error)

/* "I have a back spasm now". Returns: the episode's id, or 0 with @error set */
gint64
limber_care_plan_start_episode (LimberCarePlan  *self,
                                GError         **error)
{
  g_return_val_if_fail (LIMBER_IS_CARE_PLAN (self), 0);

  return limber_journal_start_episode (self->journal, error);
}

/* "I feel better": ends the open episode, if any, with @notes. */
gboolean
limber_care_plan_end_episode (LimberCarePlan  *self,
                              const char      *notes,
                              GError         **error)
{
  g_return_val_if_fail (LIMBER_IS_CARE_PLAN (self), FALSE);

  if (self->episode == NULL)
    return TRUE;

  return limber_journal_end_episode (self->journal, self->episode->id, notes, error);
}

/* A stable name for logs and tests, never translated: the enum's nick. */
const char *
limber_care_phase_to_string (LimberCarePhase phase)
{
  const char *nick = limber_enum_get_nick (LIMBER_TYPE_CARE_PHASE, phase);

  return nick != NULL ? nick : "prevention";
}
