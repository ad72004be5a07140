/* limber-stretch-session-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-stretch-session.h"

G_BEGIN_DECLS

/*
 * What the two parts of LimberStretchSession share: the instance struct and the phase timing
 * helpers. limber-stretch-session.c runs the session (its states, timer, cues and the calls
 * that start, pause, skip and stop it); limber-stretch-session-status.c answers questions
 * about it (the current phase and exercise, time left, the outcome, the record to keep).
 */

#define MAX_MINOR_CUES 4

typedef struct
{
  gint64    offset_us;
  LimberCue cue;
  guint     number;
} MinorCue;

struct _LimberStretchSession
{
  GObject               parent_instance;

  LimberRoutine        *routine;
  LimberClock          *clock;
  gint64                plank_hold_us;
  GArray               *phases;

  LimberSessionState    state;
  guint                 index;
  guint                 anchor_index;
  gint64                anchor_us;
  gint64                paused_at_us;
  gint64                paused_total_us;
  guint                 timer;
  gboolean              announce_on_resume;

  MinorCue              minor[MAX_MINOR_CUES];
  guint                 n_minor;
  guint                 next_minor;

  gboolean             *completed;
  int                   stopped_step;
  gint64                started_wall_us;
  gint64                finished_wall_us;
  gint64                finished_us;
  LimberSessionOutcome  outcome;
};

static inline const LimberPhase *
phase_at (LimberStretchSession *self,
          guint                 index)
{
  return &g_array_index (self->phases, LimberPhase, index);
}

static inline gint64
phase_start_us (LimberStretchSession *self,
                guint                 index)
{
  return self->anchor_us + phase_at (self, index)->start_us - phase_at (self, self->anchor_index)->start_us;
}

static inline gint64
phase_end_us (LimberStretchSession *self,
              guint                 index)
{
  return phase_start_us (self, index) + phase_at (self, index)->duration_us;
}

/* "Now" as the session sees it: time stands still while paused. */
static inline gint64
session_now_us (LimberStretchSession *self)
{
  if (self->state == LIMBER_SESSION_STATE_PAUSED)
    return self->paused_at_us;
  return limber_clock_now_monotonic_us (self->clock);
}

G_END_DECLS
