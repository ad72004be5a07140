/* limber-toasts.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void limber_toasts_add           (AdwToastOverlay *overlay,
                                  AdwToast        *toast,
                                  gboolean         at_once);
void limber_toasts_add_droppable (AdwToastOverlay *overlay,
                                  AdwToast        *toast);

G_END_DECLS
