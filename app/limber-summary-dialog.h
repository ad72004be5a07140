/* limber-summary-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-doctor-summary.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SUMMARY_DIALOG (limber_summary_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LimberSummaryDialog, limber_summary_dialog, LIMBER, SUMMARY_DIALOG, AdwWindow)

LimberSummaryDialog *limber_summary_dialog_new         (LimberDoctorSummary *summary);
gboolean             limber_summary_dialog_save_pdf    (LimberSummaryDialog *self,
                                                        const char          *path,
                                                        GError             **error);
guint                limber_summary_dialog_get_n_pages (LimberSummaryDialog *self);

G_END_DECLS
