/* limber-countdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "limber-countdown.h"
#include "limber-theme-color.h"

/*
 * The large circular countdown of the player: a ring that empties as the phase runs out, the
 * seconds left in the middle, and the move ("Hold", "Tilt") under them. Sized to be read from the
 * floor, two metres away. Screen readers get it as a progress bar with the seconds as text.
 */

#define RING_WIDTH_RATIO 0.07

/* A paused countdown, as faint as the paused figure beside it (limber-figure.c). */
#define DIMMED_ALPHA 0.35

struct _LimberCountdown
{
  GtkWidget  parent_instance;

  double     fraction;
  int        seconds;
  char      *text;
  char      *caption;
  gboolean   dimmed;
};

G_DEFINE_FINAL_TYPE (LimberCountdown, limber_countdown, GTK_TYPE_WIDGET)

static PangoLayout *
make_layout (GtkWidget  *widget,
             const char *text,
             double      size_px,
             int         weight)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_absolute_size (font, size_px * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  /* Tabular digits, so the number does not shift as it counts down. */
  pango_layout_set_font_description (layout, font);
  {
    PangoAttrList *attrs = pango_attr_list_new ();
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
    pango_layout_set_attributes (layout, attrs);
    pango_attr_list_unref (attrs);
  }

  return layout;
}

static void
limber_countdown_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  LimberCountdown *self = LIMBER_COUNTDOWN (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double size = MIN (width, height);
  double line = MAX (6.0, size * RING_WIDTH_RATIO);
  double radius = (size - line) / 2.0;
  double cx = width / 2.0, cy = height / 2.0;
  GdkRGBA fg, accent, track;
  g_autoptr(PangoLayout) number = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  int text_w, text_h, caption_w, caption_h;
  cairo_t *cr;

  if (size <= line * 2)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  limber_theme_color_lookup (widget, "accent_color", &accent, "#3584e4");
  /* Fainter colours rather than an opacity node: nothing to draw offscreen. */
  if (self->dimmed)
    {
      fg.alpha *= DIMMED_ALPHA;
      accent.alpha *= DIMMED_ALPHA;
    }
  track = fg;
  track.alpha *= 0.12f;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, line);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  gdk_cairo_set_source_rgba (cr, &track);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_stroke (cr);

  /* The ring runs clockwise from the top and empties the same way. */
  if (self->fraction > 0.0)
    {
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_arc (cr, cx, cy, radius, -G_PI / 2, -G_PI / 2 + 2 * G_PI * self->fraction);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);

  number = make_layout (widget, self->text, radius * 0.75, PANGO_WEIGHT_BOLD);
  pango_layout_get_pixel_size (number, &text_w, &text_h);
  caption = make_layout (widget, self->caption, MAX (14.0, radius * 0.2), PANGO_WEIGHT_NORMAL);
  pango_layout_set_width (caption, (int) (radius * 1.5) * PANGO_SCALE);
  pango_layout_set_alignment (caption, PANGO_ALIGN_CENTER);
  pango_layout_set_ellipsize (caption, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (caption, &caption_w, &caption_h);
  /* Without a caption the number sits in the middle. */
  if (self->caption == NULL || self->caption[0] == '\0')
    caption_h = 0;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx - text_w / 2.0,
                                                          cy - (text_h + caption_h) / 2.0));
  gtk_snapshot_append_layout (snapshot, number, &fg);
  gtk_snapshot_restore (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx - radius * 0.75,
                                                          cy - (text_h + caption_h) / 2.0 + text_h));
  gtk_snapshot_append_layout (snapshot, caption, &fg);
  gtk_snapshot_restore (snapshot);
}

static void
limber_countdown_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  /* Beside the figure, in its corner: big enough to read from the floor, small enough to leave
   * the figure the room. */
  *minimum = 96;
  *natural = 128;
}

static void
limber_countdown_finalize (GObject *object)
{
  LimberCountdown *self = LIMBER_COUNTDOWN (object);

  g_free (self->text);
  g_free (self->caption);

  G_OBJECT_CLASS (limber_countdown_parent_class)->finalize (object);
}

static void
limber_countdown_class_init (LimberCountdownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = limber_countdown_finalize;
  widget_class->snapshot = limber_countdown_snapshot;
  widget_class->measure = limber_countdown_measure;

  gtk_widget_class_set_css_name (widget_class, "countdown");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
limber_countdown_init (LimberCountdown *self)
{
  self->text = g_strdup ("");
  self->caption = g_strdup ("");
  self->seconds = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time left"),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  -1);
}

GtkWidget *
limber_countdown_new (void)
{
  return g_object_new (LIMBER_TYPE_COUNTDOWN, NULL);
}

/**
 * limber_countdown_set_time:
 *
 * Shows the seconds left, rounded up, as a clock does: "1" is shown until the very end.
 */
void
limber_countdown_set_time (LimberCountdown *self,
                           gint64           remaining_us,
                           gint64           duration_us)
{
  double fraction;
  int seconds;

  g_return_if_fail (LIMBER_IS_COUNTDOWN (self));

  fraction = duration_us > 0 ? CLAMP ((double) remaining_us / (double) duration_us, 0.0, 1.0) : 0.0;
  seconds = (int) ((remaining_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  /* Redraw only when the ring moves by about a pixel or the number changes. */
  if (fabs (fraction - self->fraction) < 1.0 / 1000.0 && seconds == self->seconds)
    return;

  self->fraction = fraction;
  if (seconds != self->seconds)
    {
      g_autofree char *value_text = NULL;

      self->seconds = seconds;
      g_free (self->text);
      self->text = g_strdup_printf ("%d", seconds);
      value_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second left",
                                                 "%d seconds left", seconds), seconds);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_MAX,
                                      (double) (duration_us / G_USEC_PER_SEC),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) seconds,
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                      -1);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
limber_countdown_get_text (LimberCountdown *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN (self), NULL);
  return self->text;
}

void
limber_countdown_set_caption (LimberCountdown *self,
                              const char      *caption)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN (self));

  if (g_strcmp0 (caption, self->caption) == 0)
    return;

  g_free (self->caption);
  self->caption = g_strdup (caption != NULL ? caption : "");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
limber_countdown_get_caption (LimberCountdown *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN (self), NULL);
  return self->caption;
}

double
limber_countdown_get_fraction (LimberCountdown *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN (self), 0.0);
  return self->fraction;
}

/**
 * limber_countdown_set_dimmed:
 *
 * Draws the ring and the number faint, as while the session is paused.
 */
void
limber_countdown_set_dimmed (LimberCountdown *self,
                             gboolean         dimmed)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN (self));

  dimmed = !!dimmed;
  if (self->dimmed == dimmed)
    return;

  self->dimmed = dimmed;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
limber_countdown_get_dimmed (LimberCountdown *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN (self), FALSE);
  return self->dimmed;
}
