/* limber-summary-printer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "limber-chart.h"

#include "limber-summary-printer.h"

/*
 * Lays the doctor summary out on paper and draws it with cairo and Pango: for the print
 * dialog (GtkPrintOperation), for the PDF file, and for the dialog's preview, which all draw
 * the same pages. Units are points (1/72 inch). The pain chart is a LimberChart drawn with the
 * Progress page's code, scaled from its pixels to points. Right-to-left languages get a page
 * laid out from the right. Blocks (a heading, a line, the chart) never split; a heading stays
 * with what follows it.
 */

#define MARGIN         50.0
#define TITLE_SIZE     19.0
#define HEADING_SIZE   11.5
#define BODY_SIZE      10.0
#define SMALL_SIZE      8.5
#define SECTION_GAP    13.0
#define LINE_GAP        3.0
#define ITEM_INDENT    14.0
#define CHART_HEIGHT  130.0
#define PX_TO_PT       0.75   /* the chart's pixels at 96 per inch */
#define FONT_FAMILY    "Sans"

typedef enum
{
  BLOCK_TEXT,
  BLOCK_HEADING,     /* text with a rule under it */
  BLOCK_RULE,
  BLOCK_CHART,
} BlockKind;

typedef struct
{
  BlockKind    kind;
  PangoLayout *layout;   /* NULL for a rule or the chart */
  double       indent;
  double       gap;      /* space above */
  double       height;
  gboolean     keep;     /* keep on the page of the next block */
  const GdkRGBA *color;
  guint        page;
  double       y;
} Block;

struct _LimberSummaryPrinter
{
  GObject              parent_instance;

  LimberDoctorSummary *summary;
  GtkWidget           *chart;       /* LimberChart, owned */
  PangoContext        *context;
  gboolean             rtl;
  double               width, height;
  GArray              *blocks;      /* Block */
  guint                n_pages;
};

G_DEFINE_FINAL_TYPE (LimberSummaryPrinter, limber_summary_printer, G_TYPE_OBJECT)

static const GdkRGBA ink = { 0.14f, 0.12f, 0.19f, 1.0f };           /* libadwaita's dark 5 */
static const GdkRGBA soft_ink = { 0.37f, 0.36f, 0.39f, 1.0f };
static const GdkRGBA heading_ink = { 0.10f, 0.30f, 0.60f, 1.0f };
static const GdkRGBA rule_ink = { 0.75f, 0.75f, 0.78f, 1.0f };
static const GdkRGBA data_ink = { 0.11f, 0.44f, 0.85f, 1.0f };     /* #1c71d8 */

static void
block_clear (Block *block)
{
  g_clear_object (&block->layout);
}

static void
limber_summary_printer_dispose (GObject *object)
{
  LimberSummaryPrinter *self = LIMBER_SUMMARY_PRINTER (object);

  g_clear_object (&self->summary);
  g_clear_object (&self->chart);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (limber_summary_printer_parent_class)->dispose (object);
}

static void
limber_summary_printer_finalize (GObject *object)
{
  LimberSummaryPrinter *self = LIMBER_SUMMARY_PRINTER (object);

  g_clear_pointer (&self->blocks, g_array_unref);

  G_OBJECT_CLASS (limber_summary_printer_parent_class)->finalize (object);
}

static void
limber_summary_printer_class_init (LimberSummaryPrinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_summary_printer_dispose;
  object_class->finalize = limber_summary_printer_finalize;
}

static void
limber_summary_printer_init (LimberSummaryPrinter *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, (GDestroyNotify) block_clear);

  /* Text measured as paper shows it: in points, without hinting to a screen's pixels. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  self->rtl = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
  pango_context_set_base_dir (self->context, self->rtl ? PANGO_DIRECTION_RTL
                                                       : PANGO_DIRECTION_LTR);
}

static void
setup_chart (LimberSummaryPrinter *self)
{
  GArray *pain = limber_doctor_summary_get_pain (self->summary);
  GTimeZone *zone = limber_doctor_summary_get_time_zone (self->summary);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (LimberChartPoint));
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (LimberChartLabel));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) start = NULL;
  gint64 from_us, to_us;

  limber_doctor_summary_get_pain_range (self->summary, &from_us, &to_us);
  utc = g_date_time_new_from_unix_utc (from_us / G_USEC_PER_SEC);
  start = g_date_time_to_timezone (utc, zone);

  for (guint i = 0; i < pain->len; i++)
    {
      const LimberRecordPoint *p = &g_array_index (pain, LimberRecordPoint, i);
      LimberChartPoint point = { (double) p->time_us / G_USEC_PER_SEC, p->value };

      g_array_append_val (points, point);
    }

  /* One label a day, as on the Progress page; the chart shows as many as fit. */
  for (int d = 0; d < LIMBER_DOCTOR_SUMMARY_DAYS; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (start, d);
      char *text = g_date_time_format (day, _("%-d %b"));
      LimberChartLabel label = { (double) g_date_time_to_unix (day), g_strstrip (text) };

      g_ptr_array_add (texts, text);
      g_array_append_val (labels, label);
    }

  self->chart = g_object_ref_sink (limber_chart_new (LIMBER_CHART_STYLE_LINE));
  limber_chart_set_points (LIMBER_CHART (self->chart), (LimberChartPoint *) points->data,
                           points->len);
  limber_chart_set_x_range (LIMBER_CHART (self->chart), (double) from_us / G_USEC_PER_SEC,
                            (double) to_us / G_USEC_PER_SEC);
  limber_chart_set_y_range (LIMBER_CHART (self->chart), 0, 10);
  limber_chart_set_x_labels (LIMBER_CHART (self->chart), (LimberChartLabel *) labels->data,
                             labels->len);
}

/**
 * limber_summary_printer_new:
 * @summary: what to print
 *
 * Returns: (transfer full): a printer of @summary, laid out for the locale's paper
 */
LimberSummaryPrinter *
limber_summary_printer_new (LimberDoctorSummary *summary)
{
  LimberSummaryPrinter *self;
  double width, height;

  g_return_val_if_fail (LIMBER_IS_DOCTOR_SUMMARY (summary), NULL);

  self = g_object_new (LIMBER_TYPE_SUMMARY_PRINTER, NULL);
  self->summary = g_object_ref (summary);
  if (limber_doctor_summary_get_pain (summary)->len > 0)
    setup_chart (self);

  limber_summary_printer_default_paper (&width, &height);
  limber_summary_printer_paginate (self, width, height);

  return self;
}

LimberDoctorSummary *
limber_summary_printer_get_summary (LimberSummaryPrinter *self)
{
  g_return_val_if_fail (LIMBER_IS_SUMMARY_PRINTER (self), NULL);
  return self->summary;
}

/**
 * limber_summary_printer_default_paper:
 * @width: (out): in points
 * @height: (out): in points
 *
 * The paper of the user's locale (LC_PAPER): A4 in most of the world, Letter in the
 * Americas.
 */
void
limber_summary_printer_default_paper (double *width,
                                      double *height)
{
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);

  *width = gtk_paper_size_get_width (paper, GTK_UNIT_POINTS);
  *height = gtk_paper_size_get_height (paper, GTK_UNIT_POINTS);
}

static PangoLayout *
make_layout (LimberSummaryPrinter *self,
             const char           *text,
             double                size,
             gboolean              bold,
             double                width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Lines follow the page's direction, not their own first letter, so an English name in an
   * Arabic summary stays on the right like the rest. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, self->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);

  return layout;
}

static void
add_text (LimberSummaryPrinter *self,
          BlockKind             kind,
          const char           *text,
          double                size,
          gboolean              bold,
          double                indent,
          double                gap,
          const GdkRGBA        *color)
{
  double content = self->width - 2 * MARGIN;
  Block block = { kind, NULL, indent, gap, 0, kind == BLOCK_HEADING, color, 0, 0 };
  int h;

  block.layout = make_layout (self, text, size, bold, content - indent);
  pango_layout_get_size (block.layout, NULL, &h);
  block.height = (double) h / PANGO_SCALE + (kind == BLOCK_HEADING ? 4.0 : 0.0);
  g_array_append_val (self->blocks, block);
}

static void
add_block (LimberSummaryPrinter *self,
           BlockKind             kind,
           double                height,
           double                gap)
{
  Block block = { kind, NULL, 0, gap, height, kind == BLOCK_RULE, &rule_ink, 0, 0 };

  g_array_append_val (self->blocks, block);
}

static void
build_blocks (LimberSummaryPrinter *self)
{
  LimberDoctorSummary *summary = self->summary;

  g_array_set_size (self->blocks, 0);

  add_text (self, BLOCK_TEXT, limber_doctor_summary_get_title (summary), TITLE_SIZE, TRUE, 0,
            0, &ink);
  add_text (self, BLOCK_TEXT, limber_doctor_summary_get_prepared (summary), BODY_SIZE, FALSE,
            0, 4, &soft_ink);
  add_text (self, BLOCK_TEXT, limber_doctor_summary_get_disclaimer (summary), SMALL_SIZE,
            FALSE, 0, 3, &soft_ink);
  add_block (self, BLOCK_RULE, 1.0, 8);

  for (guint i = 0; i < limber_doctor_summary_get_n_sections (summary); i++)
    {
      const LimberSummarySection *section = limber_doctor_summary_get_section (summary, i);

      add_text (self, BLOCK_HEADING, section->heading, HEADING_SIZE, TRUE, 0, SECTION_GAP,
                &heading_ink);
      gboolean chart = section->chart && self->chart != NULL;

      if (chart)
        add_block (self, BLOCK_CHART, CHART_HEIGHT, 6);

      for (guint j = 0; j < section->lines->len; j++)
        {
          const char *line = g_ptr_array_index (section->lines, j);
          gboolean item = g_str_has_prefix (line, "• ");

          add_text (self, BLOCK_TEXT, line, BODY_SIZE, FALSE, item ? ITEM_INDENT : 0,
                    j > 0 ? LINE_GAP : chart ? 8 : 2, &ink);
        }
    }
}

/**
 * limber_summary_printer_paginate:
 * @width: the page's width, in points
 * @height: its height
 *
 * Lays the summary out for pages of this size.
 *
 * Returns: how many pages it takes, at most %LIMBER_SUMMARY_MAX_PAGES
 */
guint
limber_summary_printer_paginate (LimberSummaryPrinter *self,
                                 double                width,
                                 double                height)
{
  double bottom = height - MARGIN - SMALL_SIZE * 2;
  double y = MARGIN;
  guint page = 0;

  g_return_val_if_fail (LIMBER_IS_SUMMARY_PRINTER (self), 0);

  self->width = width;
  self->height = height;
  build_blocks (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double need = block->gap + block->height;

      /* A heading (and its rule) moves on with the block after it. */
      for (guint j = i; j + 1 < self->blocks->len && g_array_index (self->blocks, Block, j).keep;
           j++)
        {
          const Block *next = &g_array_index (self->blocks, Block, j + 1);

          need += next->gap + next->height;
        }

      if (y + need > bottom && y > MARGIN)
        {
          page++;
          y = MARGIN;
        }
      else
        y += block->gap;

      block->page = page;
      block->y = y;
      y += block->height;
    }

  self->n_pages = MIN (page + 1, LIMBER_SUMMARY_MAX_PAGES);
  return self->n_pages;
}

/* Returns: how many pages the last layout took */
guint
limber_summary_printer_get_n_pages (LimberSummaryPrinter *self)
{
  g_return_val_if_fail (LIMBER_IS_SUMMARY_PRINTER (self), 0);
  return self->n_pages;
}

void
limber_summary_printer_get_page_size (LimberSummaryPrinter *self,
                                      double               *width,
                                      double               *height)
{
  g_return_if_fail (LIMBER_IS_SUMMARY_PRINTER (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

static void
draw_chart (LimberSummaryPrinter *self,
            cairo_t              *cr,
            const Block          *block)
{
  double content = self->width - 2 * MARGIN;

  cairo_save (cr);
  cairo_translate (cr, MARGIN, block->y);
  cairo_scale (cr, PX_TO_PT, PX_TO_PT);
  limber_chart_draw_on_cairo (LIMBER_CHART (self->chart), cr, (int) (content / PX_TO_PT),
                              (int) (block->height / PX_TO_PT), &ink, &data_ink);
  cairo_restore (cr);
}

/**
 * limber_summary_printer_draw_page:
 * @cr: a cairo context in points, its origin at the top left of the paper
 * @page: from 0
 *
 * Draws one page as limber_summary_printer_paginate() laid it out, on white.
 */
void
limber_summary_printer_draw_page (LimberSummaryPrinter *self,
                                  cairo_t              *cr,
                                  guint                 page)
{
  double content;

  g_return_if_fail (LIMBER_IS_SUMMARY_PRINTER (self));
  g_return_if_fail (cr != NULL);

  content = self->width - 2 * MARGIN;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);

      if (block->page != page)
        continue;

      switch (block->kind)
        {
        case BLOCK_RULE:
          gdk_cairo_set_source_rgba (cr, block->color);
          cairo_rectangle (cr, MARGIN, block->y, content, 0.75);
          cairo_fill (cr);
          break;

        case BLOCK_CHART:
          draw_chart (self, cr, block);
          break;

        case BLOCK_HEADING:
          gdk_cairo_set_source_rgba (cr, &rule_ink);
          cairo_rectangle (cr, MARGIN, block->y + block->height - 1.5, content, 0.5);
          cairo_fill (cr);
          G_GNUC_FALLTHROUGH;

        case BLOCK_TEXT:
        default:
          /* An item is indented from the start of the line: the right in right to left. */
          cairo_move_to (cr, MARGIN + (self->rtl ? 0 : block->indent), block->y);
          gdk_cairo_set_source_rgba (cr, block->color);
          pango_cairo_show_layout (cr, block->layout);
          break;
        }
    }

  if (self->n_pages > 1)
    {
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
      g_autoptr(PangoLayout) layout = make_layout (self, number, SMALL_SIZE, FALSE, content);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cairo_move_to (cr, MARGIN, self->height - MARGIN);
      gdk_cairo_set_source_rgba (cr, &soft_ink);
      pango_cairo_show_layout (cr, layout);
    }

  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * limber_summary_printer_write_pdf:
 * @path: the file to write
 *
 * Writes the summary as a PDF on the locale's paper, replacing @path whole (never
 * half-written), readable by the user only, as the other exports are.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
limber_summary_printer_write_pdf (LimberSummaryPrinter  *self,
                                  const char            *path,
                                  GError               **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (LIMBER_IS_SUMMARY_PRINTER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  limber_summary_printer_default_paper (&width, &height);
  limber_summary_printer_paginate (self, width, height);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  limber_doctor_summary_get_title (self->summary));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Limber");
  cr = cairo_create (surface);
  for (guint page = 0; page < self->n_pages; page++)
    {
      limber_summary_printer_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }

  if (!g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, _("Could not write %s: %s"),
                   path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
