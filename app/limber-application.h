/* limber-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-clock.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_APPLICATION (limber_application_get_type ())
G_DECLARE_FINAL_TYPE (LimberApplication, limber_application, LIMBER, APPLICATION, AdwApplication)

LimberApplication *limber_application_new       (void);
LimberClock       *limber_application_get_clock (LimberApplication *self);

G_END_DECLS
