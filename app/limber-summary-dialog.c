/* limber-summary-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "limber-summary-printer.h"
#include "limber-toasts.h"

#include "limber-summary-dialog.h"

/*
 * The summary for a doctor or physiotherapist: a preview of the page as it will print, then
 * Print… (GTK's print dialog, which also prints to a file) or Save as PDF… (a file chooser).
 * The preview, the printout and the PDF are drawn by one LimberSummaryPrinter.
 */

#define PREVIEW_WIDTH 520
#define PAGE_GAP      16

struct _LimberSummaryDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkDrawingArea       *preview;

  /* Owned */
  LimberDoctorSummary  *summary;
  LimberSummaryPrinter *printer;
};

G_DEFINE_FINAL_TYPE (LimberSummaryDialog, limber_summary_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (LimberSummaryDialog *self,
       const char          *text)
{
  limber_toasts_add (self->toast_overlay, adw_toast_new (text), FALSE);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  LimberSummaryDialog *self = LIMBER_SUMMARY_DIALOG (user_data);
  double page_width, page_height, scale;
  guint n_pages = limber_summary_dialog_get_n_pages (self);

  limber_summary_printer_get_page_size (self->printer, &page_width, &page_height);
  scale = width / page_width;
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, page * (page_height * scale + PAGE_GAP));
      cairo_scale (cr, scale, scale);
      cairo_rectangle (cr, 0, 0, page_width, page_height);
      cairo_clip (cr);
      limber_summary_printer_draw_page (self->printer, cr, page);
      cairo_restore (cr);
    }
}

static void
update_preview_size (LimberSummaryDialog *self)
{
  double page_width, page_height;
  guint n_pages = limber_summary_dialog_get_n_pages (self);
  double scale;

  limber_summary_printer_get_page_size (self->printer, &page_width, &page_height);
  scale = PREVIEW_WIDTH / page_width;
  gtk_drawing_area_set_content_width (self->preview, PREVIEW_WIDTH);
  gtk_drawing_area_set_content_height (self->preview,
                                       (int) (n_pages * page_height * scale
                                              + (n_pages - 1) * PAGE_GAP));
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* Printing */

static void
on_begin_print (GtkPrintOperation   *operation,
                GtkPrintContext     *context,
                LimberSummaryDialog *self)
{
  guint n_pages = limber_summary_printer_paginate (self->printer,
                                                   gtk_print_context_get_width (context),
                                                   gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
on_draw_page (GtkPrintOperation   *operation,
              GtkPrintContext     *context,
              int                  page,
              LimberSummaryDialog *self)
{
  limber_summary_printer_draw_page (self->printer, gtk_print_context_get_cairo_context (context),
                                    page);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               LimberSummaryDialog     *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("Could not print: %s"),
                                 error != NULL ? error->message : "");
      toast (self, message);
    }

  /* The preview follows the paper last printed on. */
  update_preview_size (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LimberSummaryDialog *self = LIMBER_SUMMARY_DIALOG (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_job_name (operation, limber_doctor_summary_get_title (self->summary));
  /* The page's own margins, on the whole sheet. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      toast (self, message);
    }
}

/* Saving */

static void
on_save_response (GtkNativeDialog     *chooser,
                  int                  response,
                  LimberSummaryDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  if (path != NULL)
    {
      g_autofree char *message = NULL;

      /* A name typed without the extension still makes a file PDF readers open. */
      if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
        {
          char *with_ext = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = with_ext;
        }

      if (limber_summary_dialog_save_pdf (self, path, &error))
        {
          g_autofree char *name = g_path_get_basename (path);

          message = g_strdup_printf (_("Saved as %s"), name);
        }
      else
        message = g_strdup_printf (_("Could not save: %s"), error->message);
      toast (self, message);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LimberSummaryDialog *self = LIMBER_SUMMARY_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Save Summary as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of the summary; keep it short, without spaces. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("back-summary.pdf"));

  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
limber_summary_dialog_constructed (GObject *object)
{
  LimberSummaryDialog *self = LIMBER_SUMMARY_DIALOG (object);
  g_autofree char *text = NULL;

  G_OBJECT_CLASS (limber_summary_dialog_parent_class)->constructed (object);

  g_return_if_fail (LIMBER_IS_DOCTOR_SUMMARY (self->summary));

  self->printer = limber_summary_printer_new (self->summary);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  update_preview_size (self);

  /* A screen reader reads the page as words. */
  text = limber_doctor_summary_to_text (self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
limber_summary_dialog_dispose (GObject *object)
{
  LimberSummaryDialog *self = LIMBER_SUMMARY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_SUMMARY_DIALOG);
  g_clear_object (&self->printer);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (limber_summary_dialog_parent_class)->dispose (object);
}

static void
limber_summary_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LimberSummaryDialog *self = LIMBER_SUMMARY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      self->summary = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_summary_dialog_class_init (LimberSummaryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = limber_summary_dialog_constructed;
  object_class->dispose = limber_summary_dialog_dispose;
  object_class->set_property = limber_summary_dialog_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, LIMBER_TYPE_DOCTOR_SUMMARY,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/limber-summary-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberSummaryDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberSummaryDialog, preview);

  gtk_widget_class_install_action (widget_class, "summary.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "summary.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "summary.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "summary.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
limber_summary_dialog_init (LimberSummaryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * limber_summary_dialog_new:
 * @summary: what the page says
 *
 * Returns: (transfer full): the dialog; make it transient for the window it came from
 */
LimberSummaryDialog *
limber_summary_dialog_new (LimberDoctorSummary *summary)
{
  g_return_val_if_fail (LIMBER_IS_DOCTOR_SUMMARY (summary), NULL);
  return g_object_new (LIMBER_TYPE_SUMMARY_DIALOG, "summary", summary, NULL);
}

/**
 * limber_summary_dialog_save_pdf:
 * @path: the file to write
 *
 * What Save as PDF… does with the file chosen.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
limber_summary_dialog_save_pdf (LimberSummaryDialog  *self,
                                const char           *path,
                                GError              **error)
{
  gboolean saved;

  g_return_val_if_fail (LIMBER_IS_SUMMARY_DIALOG (self), FALSE);

  saved = limber_summary_printer_write_pdf (self->printer, path, error);
  /* Writing lays the page out for the locale's paper again. */
  update_preview_size (self);

  return saved;
}

/* Returns: how many pages the preview shows */
guint
limber_summary_dialog_get_n_pages (LimberSummaryDialog *self)
{
  g_return_val_if_fail (LIMBER_IS_SUMMARY_DIALOG (self), 0);
  return limber_summary_printer_get_n_pages (self->printer);
}
