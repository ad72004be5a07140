/* limber-program.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char        *limber_program_path  (const char        *env_var,
                                   const char        *name);
GSubprocess *limber_program_spawn (const char        *env_var,
                                   const char        *name,
                                   const char        *argument,
                                   GSubprocessFlags   flags,
                                   GError           **error);

void         limber_program_start_reminders        (GDBusConnection     *bus,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean     limber_program_start_reminders_finish (GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
