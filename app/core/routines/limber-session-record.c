/* limber-session-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-routines-enums.h"
#include "limber-enum-nick.h"

#include "limber-session-record.h"

/*
 * What one stretch session was: kept in memory by the app and handed on to the history store.
 * The pain rating can be given after the session ends, so it is the one mutable field.
 */
struct _LimberSessionRecord
{
  GObject               parent_instance;

  char                 *routine_id;
  char                 *routine_name;
  gint64                started_wall_us;
  gint64                ended_wall_us;
  guint                 exercises_completed;
  guint                 n_exercises;
  LimberSessionOutcome  outcome;
  int                   pain_before;
  int                   pain_after;
  char                 *stopped_exercise;
  gint64                id;
};

G_DEFINE_FINAL_TYPE (LimberSessionRecord, limber_session_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PAIN_AFTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
limber_session_record_finalize (GObject *object)
{
  LimberSessionRecord *self = LIMBER_SESSION_RECORD (object);

  g_free (self->routine_id);
  g_free (self->routine_name);
  g_free (self->stopped_exercise);

  G_OBJECT_CLASS (limber_session_record_parent_class)->finalize (object);
}

static void
limber_session_record_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LimberSessionRecord *self = LIMBER_SESSION_RECORD (object);

  switch (prop_id)
    {
    case PROP_PAIN_AFTER:
      g_value_set_int (value, self->pain_after);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_record_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_PAIN_AFTER:
      limber_session_record_set_pain_after (LIMBER_SESSION_RECORD (object), g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_record_class_init (LimberSessionRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_session_record_finalize;
  object_class->get_property = limber_session_record_get_property;
  object_class->set_property = limber_session_record_set_property;

  properties[PROP_PAIN_AFTER] =
    g_param_spec_int ("pain-after", NULL, NULL, LIMBER_PAIN_UNSET, 10, LIMBER_PAIN_UNSET,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_session_record_init (LimberSessionRecord *self)
{
  self->pain_before = LIMBER_PAIN_UNSET;
  self->pain_after = LIMBER_PAIN_UNSET;
}

LimberSessionRecord *
limber_session_record_new (const char           *routine_id,
                           const char           *routine_name,
                           gint64                started_wall_us,
                           gint64                ended_wall_us,
                           guint                 exercises_completed,
                           guint                 n_exercises,
                           LimberSessionOutcome  outcome)
{
  LimberSessionRecord *self = g_object_new (LIMBER_TYPE_SESSION_RECORD, NULL);

  self->routine_id = g_strdup (routine_id);
  self->routine_name = g_strdup (routine_name);
  self->started_wall_us = started_wall_us;
  self->ended_wall_us = ended_wall_us;
  self->exercises_completed = exercises_completed;
  self->n_exercises = n_exercises;
  self->outcome = outcome;

  return self;
}

const char *
limber_session_record_get_routine_id (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), NULL);
  return self->routine_id;
}

const char *
limber_session_record_get_routine_name (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), NULL);
  return self->routine_name;
}

gint64
limber_session_record_get_started_wall_us (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), 0);
  return self->started_wall_us;
}

gint64
limber_session_record_get_ended_wall_us (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), 0);
  return self->ended_wall_us;
}

guint
limber_session_record_get_exercises_completed (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), 0);
  return self->exercises_completed;
}

guint
limber_session_record_get_n_exercises (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), 0);
  return self->n_exercises;
}

LimberSessionOutcome
limber_session_record_get_outcome (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), LIMBER_SESSION_OUTCOME_NONE);
  return self->outcome;
}

/* Returns: the pain after the session, 0–10, or %LIMBER_PAIN_UNSET when not given */
int
limber_session_record_get_pain_after (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), LIMBER_PAIN_UNSET);
  return self->pain_after;
}

void
limber_session_record_set_pain_after (LimberSessionRecord *self,
                                      int                  pain)
{
  g_return_if_fail (LIMBER_IS_SESSION_RECORD (self));
  g_return_if_fail (pain >= LIMBER_PAIN_UNSET && pain <= 10);

  if (self->pain_after == pain)
    return;

  self->pain_after = pain;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIN_AFTER]);
}

/* Returns: the pain before the session, 0–10, or %LIMBER_PAIN_UNSET when not given */
int
limber_session_record_get_pain_before (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), LIMBER_PAIN_UNSET);
  return self->pain_before;
}

void
limber_session_record_set_pain_before (LimberSessionRecord *self,
                                       int                  pain)
{
  g_return_if_fail (LIMBER_IS_SESSION_RECORD (self));
  g_return_if_fail (pain >= LIMBER_PAIN_UNSET && pain <= 10);

  self->pain_before = pain;
}

/**
 * limber_session_record_suggests_check:
 *
 * Whether the symptom check is the suggested next step: the session was stopped because it
 * hurt, and the pain after it was rated %LIMBER_PAIN_SUGGESTS_CHECK or more. Lower pain, or none
 * rated yet, suggests nothing: going back to stretching is never suggested after pain.
 */
gboolean
limber_session_record_suggests_check (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), FALSE);

  return self->outcome == LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN &&
         self->pain_after >= LIMBER_PAIN_SUGGESTS_CHECK;
}

/* Returns: the record's row in the history store, or 0 while it is not stored */
gint64
limber_session_record_get_id (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), 0);
  return self->id;
}

void
limber_session_record_set_id (LimberSessionRecord *self,
                              gint64               id)
{
  g_return_if_fail (LIMBER_IS_SESSION_RECORD (self));
  self->id = id;
}

/* The inverse of limber_session_outcome_to_string(); unknown names give
 * %LIMBER_SESSION_OUTCOME_NONE. */
LimberSessionOutcome
limber_session_outcome_from_string (const char *name)
{
  int value;

  if (!limber_enum_from_nick (LIMBER_TYPE_SESSION_OUTCOME, name, &value))
    return LIMBER_SESSION_OUTCOME_NONE;

  return value;
}

/* A stable name for records and exports; never translated. */
const char *
limber_session_outcome_to_string (LimberSessionOutcome outcome)
{
  const char *nick = limber_enum_get_nick (LIMBER_TYPE_SESSION_OUTCOME, outcome);

  return nick != NULL ? nick : "none";
}

/* Returns: (nullable): the id of the exercise a stop interrupted, or %NULL */
const char *
limber_session_record_get_stopped_exercise (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), NULL);
  return self->stopped_exercise;
}

/* The exercise a stop interrupted (counted as not done), so the record says where it ended. */
void
limber_session_record_set_stopped_exercise (LimberSessionRecord *self,
                                            const char          *exercise_id)
{
  g_return_if_fail (LIMBER_IS_SESSION_RECORD (self));
  g_free (self->stopped_exercise);
  self->stopped_exercise = g_strdup (exercise_id);
}
