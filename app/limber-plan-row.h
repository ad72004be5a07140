/* limber-plan-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_PLAN_ROW (limber_plan_row_get_type ())
G_DECLARE_FINAL_TYPE (LimberPlanRow, limber_plan_row, LIMBER, PLAN_ROW, AdwActionRow)

LimberPlanRow *limber_plan_row_new        (const char    *id,
                                           const char    *title,
                                           const char    *subtitle,
                                           gboolean       done);
gboolean       limber_plan_row_get_done   (LimberPlanRow *self);
void           limber_plan_row_add_button (LimberPlanRow *self,
                                           const char    *label,
                                           const char    *accessible_label,
                                           const char    *action_name,
                                           GVariant      *target);

G_END_DECLS
