/* test-chart-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts of the Progress page in a real window of the app under Xvfb: the four kinds the page
 * shows, drawn from made-up data, rendered through the window's own renderer and checked pixel by
 * pixel for what a user would see: that something is drawn, in the theme's colours in the light
 * and the dark style, that bigger values draw bigger bars, that a peak among years of daily values
 * survives the thinning, that the chart fits a phone's width, and what a screen reader is told.
 * Screenshots go to tests/screenshots/ in the build directory.
 */

#include "config.h"

#include <math.h>

#include "limber-application.h"
#include "limber-chart-testing.h"
#include "limber-ui-test.h"

#define NARROW 360
#define WIDE   720
#define MARGIN 12
#define DAY    (24.0 * 60 * 60)

/* Colour channels may be off by this much after blending and rounding. */
#define TOLERANCE 3

static LimberApplication *app;
static GtkWindow *window;
static LimberChart *pain, *sessions, *water, *plank;
static LimberChart *charts[4];

/* The plank chart's data: five years of daily holds. */
static LimberChartPoint plank_points[5 * 365];

typedef struct
{
  int     width;
  int     height;
  gsize   stride;
  guchar *data;   /* CAIRO_FORMAT_ARGB32: premultiplied, native-endian words */
} Pixels;

static void
pixels_free (Pixels *pixels)
{
  g_free (pixels->data);
  g_free (pixels);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pixels, pixels_free)

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  *(gboolean *) data = TRUE;
}

/* Waits until the window has painted twice: once to pick up style changes, once to draw. */
static void
wait_for_paint (void)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  for (int i = 0; i < 2; i++)
    {
      gboolean painted = FALSE;
      gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                         &painted);

      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_assert_true (limber_ui_test_spin_until (is_true, &painted, 10000));
      g_signal_handler_disconnect (clock, handler);
    }
}

/* What @chart shows in the window, rendered by the window's renderer on a transparent ground. */
static Pixels *
render_chart (LimberChart *chart)
{
  GtkWidget *widget = GTK_WIDGET (chart);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  Pixels *pixels = g_new0 (Pixels, 1);
  graphene_rect_t bounds;

  wait_for_paint ();
  /* The whole widget, its padding included, as the paintable draws it. */
  g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));
  pixels->width = (int) bounds.size.width;
  pixels->height = (int) bounds.size.height;
  g_assert_cmpint (pixels->width, >, 0);
  g_assert_cmpint (pixels->height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, pixels->width, pixels->height);
  node = gtk_snapshot_free_to_node (snapshot);
  /* No node at all means the chart drew nothing. */
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, pixels->width,
                                                                    pixels->height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, pixels->width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, pixels->height);

  pixels->stride = (gsize) pixels->width * 4;
  pixels->data = g_malloc (pixels->stride * pixels->height);
  gdk_texture_download (texture, pixels->data, pixels->stride);

  return pixels;
}

static guint32
pixel_at (const Pixels *pixels,
          int           x,
          int           y)
{
  return *(const guint32 *) (gconstpointer) (pixels->data + y * pixels->stride + x * 4);
}

static int
channel (guint32 pixel,
         int     shift)
{
  return (pixel >> shift) & 0xff;
}

/* Whether @pixel is fully covered in @color, an opaque colour. */
static gboolean
pixel_is (guint32        pixel,
          const GdkRGBA *color)
{
  return channel (pixel, 24) == 255 &&
         ABS (channel (pixel, 16) - (int) round (color->red * 255)) <= TOLERANCE &&
         ABS (channel (pixel, 8) - (int) round (color->green * 255)) <= TOLERANCE &&
         ABS (channel (pixel, 0) - (int) round (color->blue * 255)) <= TOLERANCE;
}

/* How many pixels in rows [0, @rows) are @color. */
static guint
count_color (const Pixels  *pixels,
             const GdkRGBA *color,
             int            rows)
{
  guint n = 0;

  for (int y = 0; y < MIN (rows, pixels->height); y++)
    for (int x = 0; x < pixels->width; x++)
      n += pixel_is (pixel_at (pixels, x, y), color);

  return n;
}

static guint
count_painted (const Pixels *pixels)
{
  guint n = 0;

  for (int y = 0; y < pixels->height; y++)
    for (int x = 0; x < pixels->width; x++)
      n += channel (pixel_at (pixels, x, y), 24) > 0;

  return n;
}

/*
 * How many separate labels the x axis shows: runs of columns with ink in the bottom rows, where
 * only the x labels are, parted by at least @min_gap empty columns. Labels that overlap or
 * touch count as one, while the space inside "May 04" is narrower than @min_gap.
 */
static guint
count_x_labels_drawn (const Pixels *pixels,
                      int           min_gap)
{
  guint n = 0;
  int gap = G_MAXINT / 2;

  for (int x = 0; x < pixels->width; x++)
    {
      gboolean ink = FALSE;

      /* The label row, in the chart's bottom padding and the line of text above it. */
      for (int y = pixels->height - 22; y < pixels->height && !ink; y++)
        ink = channel (pixel_at (pixels, x, y), 24) > 0;

      if (ink && gap >= min_gap)
        n++;
      gap = ink ? 0 : gap + 1;
    }

  return n;
}

static GdkRGBA
theme_color (LimberChart *chart,
             const char  *name)
{
  GdkRGBA color;

  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (chart)),
                                                 name, &color));
  /* The pixel checks compare opaque colours. */
  g_assert_cmpfloat (color.alpha, ==, 1.0);

  return color;
}

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (double r,
           double g,
           double b)
{
  return 0.2126 * linear (r) + 0.7152 * linear (g) + 0.0722 * linear (b);
}

/* WCAG's contrast ratio; 3:1 is its minimum for graphics a user must make out. */
static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a->red, a->green, a->blue);
  double lb = luminance (b->red, b->green, b->blue);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The mean luminance of what is drawn besides the data (labels, gridlines, the axis), as it
 * looks over @background. */
static double
mean_luminance_of_text (const Pixels  *pixels,
                        const GdkRGBA *background,
                        const GdkRGBA *data)
{
  double sum = 0.0;
  guint n = 0;

  for (int y = 0; y < pixels->height; y++)
    for (int x = 0; x < pixels->width; x++)
      {
        guint32 pixel = pixel_at (pixels, x, y);
        double a = channel (pixel, 24) / 255.0;

        if (a == 0.0 || pixel_is (pixel, data))
          continue;
        /* Premultiplied, so over the background is the pixel plus what shows through. */
        sum += luminance (channel (pixel, 16) / 255.0 + (1 - a) * background->red,
                          channel (pixel, 8) / 255.0 + (1 - a) * background->green,
                          channel (pixel, 0) / 255.0 + (1 - a) * background->blue);
        n++;
      }

  g_assert_cmpuint (n, >, 0);
  return sum / n;
}

typedef struct
{
  int width;
} WidthWait;

static gboolean
is_width (gpointer data)
{
  const WidthWait *wait = data;

  return gtk_widget_get_width (GTK_WIDGET (window)) == wait->width;
}

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

/* As limber_ui_test_set_width(), for this test's own window. */
static void
set_width (int width)
{
  WidthWait wait = { width };
  int default_width, default_height, margin;

  g_assert_true (limber_ui_test_spin_until (is_allocated, window, 10000));
  gtk_window_get_default_size (window, &default_width, &default_height);
  margin = default_width - gtk_widget_get_width (GTK_WIDGET (window));
  gtk_window_set_default_size (window, width + margin, -1);
  g_assert_true (limber_ui_test_spin_until (is_width, &wait, 10000));
  wait_for_paint ();
}

static LimberChart *
add_chart (GtkBox           *box,
           const char       *title,
           LimberChartStyle  style)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *chart = limber_chart_new (style);

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (box, heading);
  limber_chart_set_title (LIMBER_CHART (chart), title);
  gtk_box_append (box, chart);

  return LIMBER_CHART (chart);
}

/* Four charts as the Progress page will show them, on a day at the end of May 2025. */
static void
fill_charts (void)
{
  g_autoptr(GDateTime) today = g_date_time_new_utc (2025, 5, 31, 0, 0, 0);
  double now = g_date_time_to_unix (today) + DAY;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  LimberChartPoint points[100];
  LimberChartLabel labels[30];
  char *texts[30] = { NULL };
  guint n = 0;

  /* 1. Pain after stretching, at the real times of sessions over 30 days, with a label for each
   * day: more than ever fit, so most are skipped. */
  for (double t = now - 30 * DAY + 3600; t < now; t += DAY * g_rand_double_range (rand, 0.4, 1.6))
    points[n++] = (LimberChartPoint) { t, g_rand_int_range (rand, 0, 11) };
  for (int d = 0; d < 30; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (today, d - 29);

      texts[d] = g_date_time_format (day, "%b %d");
      labels[d] = (LimberChartLabel) { g_date_time_to_unix (day) + DAY / 2, texts[d] };
    }
  limber_chart_set_points (pain, points, n);
  limber_chart_set_x_range (pain, now - 30 * DAY, now);
  limber_chart_set_y_range (pain, 0, 10);
  limber_chart_set_x_labels (pain, labels, 30);
  for (int d = 0; d < 30; d++)
    g_clear_pointer (&texts[d], g_free);

  /* 2. Sessions per week for 12 weeks, against three a week. */
  for (int w = 0; w < 12; w++)
    {
      g_autoptr(GDateTime) monday = g_date_time_add_weeks (today, w - 11);

      points[w] = (LimberChartPoint) { w, g_rand_int_range (rand, 0, 7) };
      texts[w] = g_date_time_format (monday, "%b %d");
      labels[w] = (LimberChartLabel) { w, texts[w] };
    }
  limber_chart_set_points (sessions, points, 12);
  limber_chart_set_x_range (sessions, -0.5, 11.5);
  limber_chart_set_x_labels (sessions, labels, 12);
  limber_chart_set_goal (sessions, 3);
  for (int w = 0; w < 12; w++)
    g_clear_pointer (&texts[w], g_free);

  /* 3. Glasses of water per day for 14 days, against a goal of 8. */
  for (int d = 0; d < 14; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (today, d - 13);

      points[d] = (LimberChartPoint) { d, g_rand_int_range (rand, 2, 11) };
      texts[d] = g_date_time_format (day, "%a");
      labels[d] = (LimberChartLabel) { d, texts[d] };
    }
  limber_chart_set_points (water, points, 14);
  limber_chart_set_x_range (water, -0.5, 13.5);
  limber_chart_set_x_labels (water, labels, 14);
  limber_chart_set_goal (water, 8);
  for (int d = 0; d < 14; d++)
    g_clear_pointer (&texts[d], g_free);

  /* 4. Plank holds, daily for five years, from 20 s growing towards 60 s; a label per year. */
  for (guint i = 0; i < G_N_ELEMENTS (plank_points); i++)
    plank_points[i] = (LimberChartPoint) {
      now - (G_N_ELEMENTS (plank_points) - i) * DAY,
      round (20 + 40.0 * i / G_N_ELEMENTS (plank_points) + g_rand_double_range (rand, -5, 5))
    };
  limber_chart_set_points (plank, plank_points, G_N_ELEMENTS (plank_points));
  for (int y = 0; y < 5; y++)
    {
      g_autoptr(GDateTime) january = g_date_time_new_utc (2021 + y, 1, 1, 0, 0, 0);

      texts[y] = g_date_time_format (january, "%Y");
      labels[y] = (LimberChartLabel) { g_date_time_to_unix (january), texts[y] };
    }
  limber_chart_set_x_labels (plank, labels, 5);
  for (int y = 0; y < 5; y++)
    g_clear_pointer (&texts[y], g_free);
}

static void
open_window (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_margin_start (box, MARGIN);
  gtk_widget_set_margin_end (box, MARGIN);
  gtk_widget_set_margin_top (box, MARGIN);
  gtk_widget_set_margin_bottom (box, MARGIN);
  pain = add_chart (GTK_BOX (box), "Pain After Stretching", LIMBER_CHART_STYLE_LINE);
  sessions = add_chart (GTK_BOX (box), "Sessions per Week", LIMBER_CHART_STYLE_BARS);
  water = add_chart (GTK_BOX (box), "Glasses of Water", LIMBER_CHART_STYLE_BARS);
  plank = add_chart (GTK_BOX (box), "Plank Hold", LIMBER_CHART_STYLE_LINE);
  charts[0] = pain, charts[1] = sessions, charts[2] = water, charts[3] = plank;
  fill_charts ();

  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (content), box);
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_application (window, GTK_APPLICATION (app));
  gtk_window_set_title (window, "Progress");
  adw_window_set_content (ADW_WINDOW (window), content);
  gtk_window_set_default_size (window, WIDE, -1);
  gtk_window_present (window);
  set_width (WIDE);
}

/*
 * Every text @chart draws lies whole inside its content box, apart from the others, and a
 * padding is around that box: no label is cut by the edge or a card's rounded corners.
 */
static void
assert_text_inside (LimberChart *chart)
{
  g_autoptr(GArray) rects = limber_chart_get_text_rects (chart);
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  int height = gtk_widget_get_height (GTK_WIDGET (chart));
  graphene_rect_t border;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (chart), GTK_WIDGET (chart), &border));
  g_assert_cmpfloat (-border.origin.x, >=, 8);
  g_assert_cmpfloat (-border.origin.y, >=, 8);
  g_assert_cmpfloat (border.size.width + border.origin.x - width, >=, 8);
  g_assert_cmpfloat (border.size.height + border.origin.y - height, >=, 8);

  g_assert_cmpuint (rects->len, >, 0);
  for (guint i = 0; i < rects->len; i++)
    {
      const graphene_rect_t *r = &g_array_index (rects, graphene_rect_t, i);

      g_assert_cmpfloat (r->origin.x, >=, 0);
      g_assert_cmpfloat (r->origin.y, >=, 0);
      g_assert_cmpfloat (r->origin.x + r->size.width, <=, width);
      g_assert_cmpfloat (r->origin.y + r->size.height, <=, height);
      for (guint j = i + 1; j < rects->len; j++)
        g_assert_false (graphene_rect_intersection (r, &g_array_index (rects, graphene_rect_t, j),
                                                    NULL));
    }
}

/* Each chart gets a real size in the window and draws its data in the accent colour. */
static void
test_draws (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autoptr(Pixels) pixels = render_chart (charts[i]);
      GdkRGBA accent = theme_color (charts[i], "accent_color");

      g_test_message ("%s: %d×%d", limber_chart_get_title (charts[i]),
                      pixels->width, pixels->height);
      g_assert_cmpint (pixels->width, >=, WIDE - 2 * MARGIN - 1);
      g_assert_cmpint (pixels->height, >=, 160);
      assert_text_inside (charts[i]);
      g_assert_cmpuint (count_painted (pixels), >, pixels->width * pixels->height / 100);
      g_assert_cmpuint (count_color (pixels, &accent, pixels->height), >, 50);
    }

  limber_ui_test_save_screenshot (window, "charts");
}

/*
 * A chart without data and with an empty text shows that sentence in its place, at the same
 * size, and neither a grid nor labels; without an empty text, its grid and labels.
 */
static void
test_empty (void)
{
  GdkRGBA accent = theme_color (plank, "accent_color");
  g_autoptr(Pixels) drawn = render_chart (plank);
  g_autoptr(Pixels) sentence = NULL;
  g_autoptr(GArray) rects = NULL;

  limber_chart_set_empty_text (plank, "No plank holds yet");
  /* With points, the empty text is not shown. */
  g_assert_false (limber_chart_get_shows_empty_text (plank));
  limber_chart_set_points (plank, NULL, 0);
  g_assert_true (limber_chart_get_shows_empty_text (plank));
  g_assert_cmpuint (limber_chart_get_n_shown_x_labels (plank), ==, 0);
  rects = limber_chart_get_text_rects (plank);
  g_assert_cmpuint (rects->len, ==, 1);
  assert_text_inside (plank);
  sentence = render_chart (plank);
  g_assert_cmpint (sentence->height, ==, drawn->height);
  g_assert_cmpuint (count_color (sentence, &accent, sentence->height), ==, 0);
  /* Some text, far less than a grid with its labels. */
  g_assert_cmpuint (count_painted (sentence), >, 50);
  g_assert_cmpuint (count_x_labels_drawn (sentence, 8), ==, 0);
  limber_ui_test_save_screenshot (window, "charts-empty-text");

  set_width (NARROW);
  g_assert_true (limber_chart_get_shows_empty_text (plank));
  assert_text_inside (plank);
  set_width (WIDE);
  limber_chart_set_empty_text (plank, NULL);
}

/* A chart without data and no empty text still shows its grid and labels, and nothing in the
 * data's colour. */
static void
test_empty_grid (void)
{
  GdkRGBA accent = theme_color (pain, "accent_color");
  g_autoptr(Pixels) pixels = NULL;
  g_autoptr(Pixels) bars = NULL;

  limber_chart_set_points (pain, NULL, 0);
  g_assert_cmpuint (limber_chart_get_n_points (pain), ==, 0);
  pixels = render_chart (pain);
  g_assert_cmpuint (count_painted (pixels), >, 200);
  g_assert_cmpuint (count_color (pixels, &accent, pixels->height), ==, 0);

  limber_chart_set_points (water, NULL, 0);
  bars = render_chart (water);
  g_assert_cmpuint (count_painted (bars), >, 200);
  g_assert_cmpuint (count_color (bars, &accent, bars->height), ==, 0);

  limber_ui_test_save_screenshot (window, "charts-empty");
  fill_charts ();
  assert_text_inside (pain);
}

/* Bigger values draw bigger bars; the goal line is drawn only when there is a goal. */
static void
test_bars (void)
{
  GdkRGBA accent = theme_color (water, "accent_color");
  GdkRGBA success = theme_color (water, "success_color");
  LimberChartPoint points[14];
  g_autoptr(Pixels) low = NULL;
  g_autoptr(Pixels) high = NULL;
  g_autoptr(Pixels) no_goal = NULL;
  guint low_count, high_count;

  limber_chart_set_y_range (water, 0, 10);
  for (int d = 0; d < 14; d++)
    points[d] = (LimberChartPoint) { d, 2 };
  limber_chart_set_points (water, points, 14);
  low = render_chart (water);
  for (int d = 0; d < 14; d++)
    points[d].y = 8;
  limber_chart_set_points (water, points, 14);
  high = render_chart (water);

  low_count = count_color (low, &accent, low->height);
  high_count = count_color (high, &accent, high->height);
  g_test_message ("bar pixels: %u at 2, %u at 8", low_count, high_count);
  g_assert_cmpuint (low_count, >, 0);
  /* Four times the value, about four times the area; the rounded tops take a little. */
  g_assert_cmpuint (high_count, >, 3 * low_count);

  /* The goal line is dashed, in the success colour, across the plot. */
  g_assert_cmpuint (count_color (high, &success, high->height), >, high->width / 2);
  limber_chart_set_goal (water, NAN);
  g_assert_true (isnan (limber_chart_get_goal (water)));
  no_goal = render_chart (water);
  g_assert_cmpuint (count_color (no_goal, &success, no_goal->height), ==, 0);
  /* The goal line crossed the bars' tops. */
  g_assert_cmpuint (count_color (no_goal, &accent, no_goal->height), >=, high_count);

  limber_chart_set_y_range (water, 0, -1);
  fill_charts ();
}

/* An automatic top is a round number just above the data and the goal; a fixed one is kept. */
static void
test_y_range (void)
{
  static const LimberChartPoint fractional[] = { { 0, 1.2 }, { 1, 7.3 }, { 2, 4.0 } };
  static const LimberChartPoint whole[] = { { 0, 1 }, { 1, 3 }, { 2, 2 } };
  LimberChart *chart = LIMBER_CHART (limber_chart_new (LIMBER_CHART_STYLE_BARS));
  double min, max;

  g_object_ref_sink (chart);

  /* Nothing to show: still a grid to read. */
  limber_chart_get_y_range (chart, &min, &max);
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, >, 0);

  limber_chart_set_points (chart, fractional, G_N_ELEMENTS (fractional));
  limber_chart_get_y_range (chart, &min, &max);
  g_test_message ("7.3 rounds up to %g", max);
  g_assert_cmpfloat (max, >=, 7.3);
  g_assert_cmpfloat (max, <=, 10);
  g_assert_cmpfloat (max, ==, round (max));

  limber_chart_set_points (chart, whole, G_N_ELEMENTS (whole));
  limber_chart_get_y_range (chart, &min, &max);
  g_assert_cmpfloat (max, >=, 3);
  g_assert_cmpfloat (max, <=, 4);

  limber_chart_set_goal (chart, 8);
  limber_chart_get_y_range (chart, &min, &max);
  g_assert_cmpfloat (max, >=, 8);
  g_assert_cmpfloat (max, <=, 10);

  limber_chart_set_y_range (chart, 0, 10);
  limber_chart_get_y_range (chart, &min, &max);
  g_assert_cmpfloat (max, ==, 10);

  g_assert_finalize_object (chart);

  /* The pain chart, in the window, keeps its 0–10 scale whatever the data. */
  limber_chart_get_y_range (pain, &min, &max);
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, ==, 10);
}

/* Five years of daily values draw fast, and are thinned without losing a peak. */
static void
test_big_data (void)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_GET_CLASS (plank);
  GdkRGBA accent = theme_color (plank, "accent_color");
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(Pixels) flat = NULL;
  GtkSnapshot *snapshot;
  gint64 start, cold_us, warm_us, render_us;
  guint middle = G_N_ELEMENTS (plank_points) / 2;
  int width = gtk_widget_get_width (GTK_WIDGET (plank));
  int height = gtk_widget_get_height (GTK_WIDGET (plank));

  g_assert_cmpuint (limber_chart_get_n_points (plank), ==, G_N_ELEMENTS (plank_points));

  /* New data: everything is worked out again once... */
  limber_chart_set_points (plank, plank_points, G_N_ELEMENTS (plank_points));
  snapshot = gtk_snapshot_new ();
  start = g_get_monotonic_time ();
  widget_class->snapshot (GTK_WIDGET (plank), snapshot);
  cold_us = g_get_monotonic_time () - start;
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  start = g_get_monotonic_time ();
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  render_us = g_get_monotonic_time () - start;

  /* ...and then reused, frame after frame. */
  start = g_get_monotonic_time ();
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(GskRenderNode) again = NULL;

      snapshot = gtk_snapshot_new ();
      widget_class->snapshot (GTK_WIDGET (plank), snapshot);
      again = gtk_snapshot_free_to_node (snapshot);
    }
  warm_us = (g_get_monotonic_time () - start) / 100;

  g_test_message ("%u points: first snapshot %" G_GINT64_FORMAT " µs, rendering it %"
                  G_GINT64_FORMAT " µs, later snapshots %" G_GINT64_FORMAT " µs each",
                  (guint) G_N_ELEMENTS (plank_points), cold_us, render_us, warm_us);
  /* A frame is 16 ms; bounds leave room for a slow, busy machine. */
  g_assert_cmpint (cold_us, <, 100000);
  g_assert_cmpint (render_us, <, 100000);
  g_assert_cmpint (warm_us, <, 1000);

  /* The scale fixed at 0–120 s: flat data at 30 s stays in the lower part of the chart... */
  for (guint i = 0; i < G_N_ELEMENTS (plank_points); i++)
    plank_points[i].y = 30;
  limber_chart_set_points (plank, plank_points, G_N_ELEMENTS (plank_points));
  limber_chart_set_y_range (plank, 0, 120);
  flat = render_chart (plank);
  g_assert_cmpuint (count_color (flat, &accent, flat->height), >, 0);
  g_assert_cmpuint (count_color (flat, &accent, flat->height / 4), ==, 0);

  /* ...and a single day at 120 s among them reaches the top, though with more days than pixel
   * columns the line is drawn from a few points per column. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (plank)), <, G_N_ELEMENTS (plank_points));
  /* Three days in a row, one at a time: some share a column with the day before, some with the
   * day after, and each must show. */
  for (guint day = middle; day < middle + 3; day++)
    {
      g_autoptr(Pixels) peak = NULL;

      plank_points[day].y = 120;
      limber_chart_set_points (plank, plank_points, G_N_ELEMENTS (plank_points));
      peak = render_chart (plank);
      g_assert_cmpuint (count_color (peak, &accent, peak->height / 4), >, 0);
      plank_points[day].y = 30;
    }

  limber_chart_set_y_range (plank, 0, -1);
  fill_charts ();
}

static void
description_notify_cb (GObject    *object,
                       GParamSpec *pspec,
                       gpointer    data)
{
  (*(guint *) data)++;
}

/* A screen reader hears an image named after the chart, described by the caller's text. */
static void
test_accessible (void)
{
  const char *text = "Pain after stretching, last 30 days: 12 ratings, from 2 to 7, "
                     "latest 3 on May 30.";
  g_autofree char *mismatch = NULL;
  guint notified = 0;
  gulong handler;

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (charts[i])), ==,
                       GTK_ACCESSIBLE_ROLE_IMG);
      g_assert_true (limber_ui_test_has_accessible_label (GTK_WIDGET (charts[i]),
                                                          limber_chart_get_title (charts[i])));
    }
  g_assert_true (limber_ui_test_has_accessible_label (GTK_WIDGET (pain), "Pain After Stretching"));

  handler = g_signal_connect (pain, "notify::description", G_CALLBACK (description_notify_cb),
                              &notified);
  g_assert_null (limber_chart_get_description (pain));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (pain),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  limber_chart_set_description (pain, text);
  g_assert_cmpstr (limber_chart_get_description (pain), ==, text);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (pain),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  g_assert_null (mismatch);
  g_assert_cmpuint (notified, ==, 1);

  /* The same text again is no change. */
  limber_chart_set_description (pain, text);
  g_assert_cmpuint (notified, ==, 1);

  limber_chart_set_description (pain, NULL);
  g_assert_null (limber_chart_get_description (pain));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (pain),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_cmpuint (notified, ==, 2);
  g_signal_handler_disconnect (pain, handler);
}

typedef struct
{
  GdkRGBA accent;
  GdkRGBA background;
  double  text_luminance;
} StyleLook;

static void
look_at (LimberChart *chart,
         StyleLook   *look)
{
  g_autoptr(Pixels) pixels = render_chart (chart);

  look->accent = theme_color (chart, "accent_color");
  look->background = theme_color (chart, "window_bg_color");
  /* The data is drawn in the accent colour, and stands out from the window's background. */
  g_assert_cmpuint (count_color (pixels, &look->accent, pixels->height), >, 100);
  g_assert_cmpfloat (contrast (&look->accent, &look->background), >=, 3.0);
  look->text_luminance = mean_luminance_of_text (pixels, &look->background, &look->accent);
}

/* The charts follow the style: dark labels on the light background, light ones on the dark. */
static void
test_dark (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  StyleLook light, dark;
  g_autoptr(Pixels) dark_pixels = NULL;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));
  look_at (sessions, &light);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    assert_text_inside (charts[i]);
  limber_ui_test_save_screenshot (window, "charts-light");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  look_at (sessions, &dark);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    assert_text_inside (charts[i]);
  limber_ui_test_save_screenshot (window, "charts-dark");

  g_test_message ("text luminance %.2f on %.2f (light), %.2f on %.2f (dark)",
                  light.text_luminance,
                  luminance (light.background.red, light.background.green, light.background.blue),
                  dark.text_luminance,
                  luminance (dark.background.red, dark.background.green, dark.background.blue));
  g_assert_false (gdk_rgba_equal (&light.accent, &dark.accent));
  g_assert_cmpfloat (light.text_luminance, <,
                     luminance (light.background.red, light.background.green,
                                light.background.blue) - 0.05);
  g_assert_cmpfloat (dark.text_luminance, >,
                     luminance (dark.background.red, dark.background.green,
                                dark.background.blue) + 0.05);

  /* Nothing is left in the light style's colours. */
  dark_pixels = render_chart (sessions);
  g_assert_cmpuint (count_color (dark_pixels, &light.accent, dark_pixels->height), ==, 0);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* At a phone's width the charts fit, and show fewer x labels rather than overlapping ones. */
static void
test_narrow (void)
{
  guint wide_labels[G_N_ELEMENTS (charts)];

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autoptr(Pixels) pixels = render_chart (charts[i]);
      int minimum, natural;

      wide_labels[i] = limber_chart_get_n_shown_x_labels (charts[i]);
      g_assert_cmpuint (count_x_labels_drawn (pixels, 8), ==, wide_labels[i]);
      gtk_widget_measure (GTK_WIDGET (charts[i]), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, &natural, NULL, NULL);
      g_assert_cmpint (minimum, <=, NARROW - 2 * MARGIN);
      g_assert_cmpint (natural, >, minimum);
      gtk_widget_measure (GTK_WIDGET (charts[i]), GTK_ORIENTATION_VERTICAL, -1,
                          &minimum, &natural, NULL, NULL);
      g_assert_cmpint (minimum, >=, 120);
      g_assert_cmpint (natural, <=, 200);
    }

  set_width (NARROW);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autoptr(Pixels) pixels = render_chart (charts[i]);
      GdkRGBA accent = theme_color (charts[i], "accent_color");
      guint shown = limber_chart_get_n_shown_x_labels (charts[i]);

      g_test_message ("%s: %u x labels at %d px, %u at %d px", limber_chart_get_title (charts[i]),
                      wide_labels[i], WIDE, shown, NARROW);
      g_assert_cmpint (pixels->width, <=, NARROW - 2 * MARGIN);
      g_assert_cmpuint (count_color (pixels, &accent, pixels->height), >, 20);
      g_assert_cmpuint (shown, >=, 2);
      g_assert_cmpuint (count_x_labels_drawn (pixels, 8), ==, shown);
      g_assert_cmpuint (shown, <=, wide_labels[i]);
      assert_text_inside (charts[i]);
    }
  /* 30 daily dates do not fit even at 720 px, and fit less at 360. */
  g_assert_cmpuint (wide_labels[0], <, 30);
  g_assert_cmpuint (limber_chart_get_n_shown_x_labels (pain), <, wide_labels[0]);
  g_assert_cmpuint (limber_chart_get_n_shown_x_labels (water), <, 14);

  limber_ui_test_save_screenshot (window, "charts-narrow");
  set_width (WIDE);
}

/*
 * A second series to compare with (pain before against pain after), with a legend, and marks
 * under the x axis: the compare line is drawn, the legend's names are whole and apart from the
 * other text at 360 px, and every mark in range is drawn, however few labels fit.
 */
static void
test_compare_and_ticks (void)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (2020, 6, 1, 0, 0, 0);
  LimberChartPoint before[10];
  double months[62];
  guint n_before = 0, n_rects;
  guint painted_without, painted_with;

  set_width (NARROW);
  {
    g_autoptr(Pixels) pixels = render_chart (pain);
    g_autoptr(GArray) rects = limber_chart_get_text_rects (pain);

    painted_without = count_painted (pixels);
    n_rects = rects->len;
  }

  /* Pain before, high, every third day of the 30 the chart shows (to 1 June 2025). */
  for (; n_before < 10; n_before++)
    before[n_before] = (LimberChartPoint) { 1748736000.0 - (29 - 3 * n_before) * DAY, 9 };
  limber_chart_set_compare_points (pain, before, n_before);
  limber_chart_set_legend (pain, "After", "Before");
  g_assert_cmpuint (limber_chart_get_n_compare_points (pain), ==, n_before);
  {
    g_autoptr(Pixels) pixels = render_chart (pain);
    g_autoptr(GArray) rects = limber_chart_get_text_rects (pain);

    painted_with = count_painted (pixels);
    /* The two names of the legend are drawn, whole and apart from the rest. */
    g_assert_cmpuint (rects->len, ==, n_rects + 2);
    assert_text_inside (pain);
  }
  g_test_message ("pain: %u painted pixels, %u with pain before", painted_without, painted_with);
  g_assert_cmpuint (painted_with, >, painted_without + 100);

  /* A mark at the start of every month of the five years, 1 June 2020 to 1 July 2025. */
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (first, m);

      months[m] = g_date_time_to_unix (month);
    }
  limber_chart_set_x_ticks (plank, months, G_N_ELEMENTS (months));
  {
    g_autoptr(Pixels) pixels = render_chart (plank);
    double lo = plank_points[0].x, hi = plank_points[G_N_ELEMENTS (plank_points) - 1].x;
    guint in_range = 0;

    for (guint m = 0; m < G_N_ELEMENTS (months); m++)
      in_range += months[m] >= lo && months[m] <= hi;
    g_assert_cmpuint (in_range, >=, 58);
    g_assert_cmpuint (limber_chart_get_n_shown_x_ticks (plank), ==, in_range);
    /* Fewer year labels fit than there are months: the marks are more than the labels. */
    g_assert_cmpuint (limber_chart_get_n_shown_x_labels (plank), <, in_range);
    assert_text_inside (plank);
  }
  limber_ui_test_save_screenshot (window, "charts-compare-ticks-narrow");

  limber_chart_set_compare_points (pain, NULL, 0);
  limber_chart_set_legend (pain, NULL, NULL);
  limber_chart_set_x_ticks (plank, NULL, 0);
  g_assert_cmpuint (limber_chart_get_n_compare_points (pain), ==, 0);
  g_assert_cmpuint (limber_chart_get_n_shown_x_ticks (plank), ==, 0);
  set_width (WIDE);
}

int
main (int   argc,
      char *argv[])
{
  LimberWindow *main_window;
  int status;

  gtk_test_init (&argc, &argv, NULL);

  /* The app's own window is not used, but the app's style and resources are. */
  main_window = limber_ui_test_start_app (&app);
  g_assert_nonnull (main_window);
  open_window ();

  g_test_add_func ("/chart-ui/draws", test_draws);
  g_test_add_func ("/chart-ui/empty", test_empty);
  g_test_add_func ("/chart-ui/empty-grid", test_empty_grid);
  g_test_add_func ("/chart-ui/bars", test_bars);
  g_test_add_func ("/chart-ui/y-range", test_y_range);
  g_test_add_func ("/chart-ui/big-data", test_big_data);
  g_test_add_func ("/chart-ui/accessible", test_accessible);
  g_test_add_func ("/chart-ui/dark", test_dark);
  g_test_add_func ("/chart-ui/narrow", test_narrow);
  g_test_add_func ("/chart-ui/compare-and-ticks", test_compare_and_ticks);

  status = g_test_run ();

  gtk_window_destroy (window);
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
