/* limber-session-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LIMBER_SESSION_OUTCOME_NONE,
  LIMBER_SESSION_OUTCOME_COMPLETED,
  LIMBER_SESSION_OUTCOME_STOPPED,
  LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN,
} LimberSessionOutcome;

#define LIMBER_PAIN_UNSET (-1)

/* Pain this strong, rated after a session stopped because it hurt, makes the symptom check the
 * suggested next step. */
#define LIMBER_PAIN_SUGGESTS_CHECK 7

#define LIMBER_TYPE_SESSION_RECORD (limber_session_record_get_type ())
G_DECLARE_FINAL_TYPE (LimberSessionRecord, limber_session_record, LIMBER, SESSION_RECORD, GObject)

LimberSessionRecord  *limber_session_record_new                     (const char           *routine_id,
                                                                     const char           *routine_name,
                                                                     gint64                started_wall_us,
                                                                     gint64                ended_wall_us,
                                                                     guint                 exercises_completed,
                                                                     guint                 n_exercises,
                                                                     LimberSessionOutcome  outcome);
const char           *limber_session_record_get_routine_id          (LimberSessionRecord  *self);
const char           *limber_session_record_get_routine_name        (LimberSessionRecord  *self);
gint64                limber_session_record_get_started_wall_us     (LimberSessionRecord  *self);
gint64                limber_session_record_get_ended_wall_us       (LimberSessionRecord  *self);
guint                 limber_session_record_get_exercises_completed (LimberSessionRecord  *self);
guint                 limber_session_record_get_n_exercises         (LimberSessionRecord  *self);
LimberSessionOutcome  limber_session_record_get_outcome             (LimberSessionRecord  *self);
int                   limber_session_record_get_pain_after          (LimberSessionRecord  *self);
void                  limber_session_record_set_pain_after          (LimberSessionRecord  *self,
                                                                     int                   pain);
int                   limber_session_record_get_pain_before         (LimberSessionRecord  *self);
void                  limber_session_record_set_pain_before         (LimberSessionRecord  *self,
                                                                     int                   pain);
gboolean              limber_session_record_suggests_check          (LimberSessionRecord  *self);
const char           *limber_session_record_get_stopped_exercise    (LimberSessionRecord  *self);
void                  limber_session_record_set_stopped_exercise    (LimberSessionRecord  *self,
                                                                     const char           *exercise_id);
gint64                limber_session_record_get_id                  (LimberSessionRecord  *self);
void                  limber_session_record_set_id                  (LimberSessionRecord  *self,
                                                                     gint64                id);
const char           *limber_session_outcome_to_string              (LimberSessionOutcome  outcome);
LimberSessionOutcome  limber_session_outcome_from_string            (const char           *name);

G_END_DECLS
