/* limber-summary-printer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "limber-doctor-summary.h"

G_BEGIN_DECLS

/* The summary never runs past this many pages. */
#define LIMBER_SUMMARY_MAX_PAGES 2

#define LIMBER_TYPE_SUMMARY_PRINTER (limber_summary_printer_get_type ())
G_DECLARE_FINAL_TYPE (LimberSummaryPrinter, limber_summary_printer, LIMBER, SUMMARY_PRINTER,
                      GObject)

LimberSummaryPrinter *limber_summary_printer_new       (LimberDoctorSummary  *summary);
LimberDoctorSummary  *limber_summary_printer_get_summary (LimberSummaryPrinter *self);
guint                 limber_summary_printer_paginate  (LimberSummaryPrinter *self,
                                                        double                width,
                                                        double                height);
guint                 limber_summary_printer_get_n_pages (LimberSummaryPrinter *self);
void                  limber_summary_printer_get_page_size (LimberSummaryPrinter *self,
                                                        double               *width,
                                                        double               *height);
void                  limber_summary_printer_draw_page (LimberSummaryPrinter *self,
                                                        cairo_t              *cr,
                                                        guint                 page);
gboolean              limber_summary_printer_write_pdf (LimberSummaryPrinter *self,
                                                        const char           *path,
                                                        GError              **error);
void                  limber_summary_printer_default_paper (double           *width,
                                                        double               *height);

G_END_DECLS
