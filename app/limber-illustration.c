/* limber-illustration.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-illustration.h"

/*
 * An exercise's drawing, from resources/illustrations/NAME.svg, mirrored for the other side.
 * GtkPicture cannot mirror, so this draws the texture itself, scaled to fit.
 */

/* Rendered at twice the SVG's size, so it stays sharp on large and HiDPI screens. */
#define RENDER_WIDTH  480
#define RENDER_HEIGHT 320

struct _LimberIllustration
{
  GtkWidget   parent_instance;

  char       *name;
  gboolean    mirrored;
  GdkTexture *texture;
};

G_DEFINE_FINAL_TYPE (LimberIllustration, limber_illustration, GTK_TYPE_WIDGET)

static void
limber_illustration_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LimberIllustration *self = LIMBER_ILLUSTRATION (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double scale, w, h;

  if (self->texture == NULL)
    return;

  scale = MIN (width / RENDER_WIDTH, height / RENDER_HEIGHT);
  w = RENDER_WIDTH * scale;
  h = RENDER_HEIGHT * scale;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - w) / 2, (height - h) / 2));
  if (self->mirrored)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (w, 0));
      gtk_snapshot_scale (snapshot, -1, 1);
    }
  gtk_snapshot_append_texture (snapshot, self->texture, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gtk_snapshot_restore (snapshot);
}

static GtkSizeRequestMode
limber_illustration_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
limber_illustration_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 300;
    }
  else
    {
      /* Keep the 3:2 shape, up to the natural size. */
      int width = for_size > 0 ? MIN (for_size, 300) : 300;

      *minimum = 80;
      *natural = width * RENDER_HEIGHT / RENDER_WIDTH;
    }
}

static void
limber_illustration_finalize (GObject *object)
{
  LimberIllustration *self = LIMBER_ILLUSTRATION (object);

  g_free (self->name);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (limber_illustration_parent_class)->finalize (object);
}

static void
limber_illustration_class_init (LimberIllustrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = limber_illustration_finalize;
  widget_class->snapshot = limber_illustration_snapshot;
  widget_class->measure = limber_illustration_measure;
  widget_class->get_request_mode = limber_illustration_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "illustration");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_illustration_init (LimberIllustration *self)
{
}

GtkWidget *
limber_illustration_new (void)
{
  return g_object_new (LIMBER_TYPE_ILLUSTRATION, NULL);
}

void
limber_illustration_set_name (LimberIllustration *self,
                              const char         *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LIMBER_IS_ILLUSTRATION (self));

  if (g_strcmp0 (name, self->name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_clear_object (&self->texture);

  if (name != NULL)
    {
      path = g_strdup_printf (RESOURCE_PATH "/illustrations/%s.svg", name);
      pixbuf = gdk_pixbuf_new_from_resource_at_scale (path, RENDER_WIDTH, RENDER_HEIGHT, TRUE,
                                                      &error);
      /* A user routine only uses built-in exercises, so this means a broken install. */
      if (pixbuf == NULL)
        g_message ("No illustration %s: %s", path, error->message);
      else
        self->texture = gdk_texture_new_for_pixbuf (pixbuf);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
limber_illustration_get_name (LimberIllustration *self)
{
  g_return_val_if_fail (LIMBER_IS_ILLUSTRATION (self), NULL);
  return self->name;
}

void
limber_illustration_set_mirrored (LimberIllustration *self,
                                  gboolean            mirrored)
{
  g_return_if_fail (LIMBER_IS_ILLUSTRATION (self));

  if (self->mirrored == !!mirrored)
    return;

  self->mirrored = !!mirrored;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
limber_illustration_get_mirrored (LimberIllustration *self)
{
  g_return_val_if_fail (LIMBER_IS_ILLUSTRATION (self), FALSE);
  return self->mirrored;
}
