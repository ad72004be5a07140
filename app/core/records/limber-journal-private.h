/* limber-journal-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-journal.h"
#include "limber-store.h"

G_BEGIN_DECLS

/*
 * The instance struct, shared by limber-journal.c and limber-journal-export.c. Export has a
 * file of its own so that a program that never exports (the reminder service) does not link
 * the export code, and with it json-glib.
 */
struct _LimberJournal
{
  GObject      parent_instance;

  LimberClock *clock;
  LimberStore *store;
  char        *marks[LIMBER_N_RECORD_KINDS];
};

G_END_DECLS
