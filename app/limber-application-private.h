/* limber-application-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files of LimberApplication: limber-application.c (the collaborators and the
 * life cycle), limber-application-actions.c (app.* actions) and limber-application-cli.c (the
 * command line).
 */

#pragma once

#include "limber-application.h"
#include "limber-window.h"

G_BEGIN_DECLS

LimberWindow *limber_application_get_main_window      (LimberApplication *self);
void          limber_application_present_window       (LimberApplication *self,
                                                       GtkWindow         *window);
void          limber_application_add_actions          (LimberApplication *self);
int           limber_application_handle_local_options (GApplication      *app,
                                                       GVariantDict      *options);

G_END_DECLS
