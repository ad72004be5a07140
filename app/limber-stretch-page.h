/* limber-stretch-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-care-plan.h"
#include "limber-catalog.h"
#include "limber-clock.h"
#include "limber-journal.h"
#include "limber-stretch-player.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_STRETCH_PAGE (limber_stretch_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberStretchPage, limber_stretch_page, LIMBER, STRETCH_PAGE, AdwBin)

LimberStretchPage   *limber_stretch_page_new         (LimberClock       *clock,
                                                      LimberJournal     *journal,
                                                      LimberCatalog     *catalog,
                                                      LimberCarePlan    *care_plan);
gboolean             limber_stretch_page_start       (LimberStretchPage *self,
                                                      LimberRoutine     *routine,
                                                      GError           **error);
LimberStretchPlayer *limber_stretch_page_get_player  (LimberStretchPage *self);
const char          *limber_stretch_page_get_screen  (LimberStretchPage *self);
GtkWindow           *limber_stretch_page_open_editor (LimberStretchPage *self,
                                                      LimberRoutine     *routine,
                                                      gboolean           duplicate);
gboolean             limber_stretch_page_delete_routine (LimberStretchPage *self,
                                                         const char        *id);
gboolean             limber_stretch_page_import      (LimberStretchPage  *self,
                                                      GFile              *file,
                                                      GError            **error);
void                 limber_stretch_page_import_file (LimberStretchPage  *self,
                                                      GFile              *file);
void                 limber_stretch_page_import_files (LimberStretchPage  *self,
                                                       GFile             **files,
                                                       guint               n_files);

/* Called once the user has chosen to end the session. */
typedef void (*LimberStretchPageEndedFunc) (gpointer user_data);

gboolean             limber_stretch_page_has_session (LimberStretchPage *self);
void                 limber_stretch_page_ask_to_end  (LimberStretchPage          *self,
                                                      LimberStretchPageEndedFunc  ended,
                                                      gpointer                    user_data);

G_END_DECLS
