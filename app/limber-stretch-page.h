/* limber-stretch-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-catalog.h"
#include "limber-clock.h"
#include "limber-stretch-player.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_STRETCH_PAGE (limber_stretch_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberStretchPage, limber_stretch_page, LIMBER, STRETCH_PAGE, AdwBin)

void                 limber_stretch_page_set_catalog (LimberStretchPage *self,
                                                      LimberCatalog     *catalog);
void                 limber_stretch_page_start       (LimberStretchPage *self,
                                                      LimberRoutine     *routine,
                                                      LimberClock       *clock);
LimberStretchPlayer *limber_stretch_page_get_player  (LimberStretchPage *self);
const char          *limber_stretch_page_get_screen  (LimberStretchPage *self);

G_END_DECLS
