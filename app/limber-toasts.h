/* limber-toasts.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void limber_toasts_add (AdwToastOverlay *overlay,
                        AdwToast        *toast,
                        gboolean         at_once);

G_END_DECLS
