/* limber-figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "limber-figure.h"

/*
 * The exercise's figure: a stick figure in the theme's foreground colour, in the pose that
 * resources/poses.json gives for an instant of a phase (see limber-pose.c). The figure is drawn
 * with the side being stretched nearest; for the left side it is mirrored. The far limbs are
 * fainter. While a session is paused the figure is dimmed. With animations off in the desktop's
 * settings (reduce motion), each phase shows its key pose without motion.
 */

/* How thick the body's lines are, and the head's radius, in pose units (the box is 100 × 60). */
#define LINE_WIDTH  3.2
#define HEAD_RADIUS 4.6

/* The far limbs, the floor, and a paused figure, as fractions of the foreground's opacity. */
#define FAR_ALPHA    0.45
#define FLOOR_ALPHA  0.3
#define DIMMED_ALPHA 0.35

struct _LimberFigure
{
  GtkWidget   parent_instance;

  char       *exercise;
  gboolean    mirrored;
  gboolean    dimmed;
  gboolean    has_pose;
  LimberPose  pose;
};

G_DEFINE_FINAL_TYPE (LimberFigure, limber_figure, GTK_TYPE_WIDGET)

/* The poses are the same for every figure, and part of the program: read once. */
static LimberPoseBook *
get_book (void)
{
  static LimberPoseBook *book;

  if (g_once_init_enter (&book))
    {
      g_autoptr(GError) error = NULL;
      LimberPoseBook *loaded = limber_pose_book_new_from_resource (RESOURCE_PATH "/poses.json",
                                                                    &error);

      if (loaded == NULL)
        g_error ("The figures' poses are broken: %s", error->message);
      g_once_init_leave (&book, loaded);
    }

  return book;
}

static void
line_to_joint (cairo_t          *cr,
               const LimberPose *pose,
               LimberJoint       joint)
{
  cairo_line_to (cr, pose->joints[joint].x, pose->joints[joint].y);
}

static void
limb (cairo_t          *cr,
      const LimberPose *pose,
      LimberJoint       from,
      LimberJoint       a,
      LimberJoint       b,
      int               c)
{
  cairo_move_to (cr, pose->joints[from].x, pose->joints[from].y);
  line_to_joint (cr, pose, a);
  line_to_joint (cr, pose, b);
  if (c >= 0)
    line_to_joint (cr, pose, c);
  cairo_stroke (cr);
}

static void
draw_figure (cairo_t          *cr,
             const LimberPose *pose,
             const GdkRGBA    *color,
             double            alpha)
{
  const LimberPosePoint *s = &pose->joints[LIMBER_JOINT_SHOULDER];
  const LimberPosePoint *b = &pose->joints[LIMBER_JOINT_BACK];
  const LimberPosePoint *h = &pose->joints[LIMBER_JOINT_HIP];
  /* The spine bends through the back joint: a quadratic curve through it, as a cubic. */
  double qx = 2 * b->x - (s->x + h->x) / 2;
  double qy = 2 * b->y - (s->y + h->y) / 2;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, LINE_WIDTH);

  /* The floor. */
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha * FLOOR_ALPHA);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, 2, LIMBER_POSE_FLOOR + 2);
  cairo_line_to (cr, LIMBER_POSE_WIDTH - 2, LIMBER_POSE_FLOOR + 2);
  cairo_stroke (cr);
  cairo_set_line_width (cr, LINE_WIDTH);

  /* The far limbs, behind the body. */
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha * FAR_ALPHA);
  limb (cr, pose, LIMBER_JOINT_SHOULDER, LIMBER_JOINT_FAR_ELBOW, LIMBER_JOINT_FAR_HAND, -1);
  limb (cr, pose, LIMBER_JOINT_HIP, LIMBER_JOINT_FAR_KNEE, LIMBER_JOINT_FAR_ANKLE,
        LIMBER_JOINT_FAR_TOE);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);

  /* Neck and spine. */
  cairo_move_to (cr, pose->joints[LIMBER_JOINT_NECK].x, pose->joints[LIMBER_JOINT_NECK].y);
  cairo_line_to (cr, s->x, s->y);
  cairo_curve_to (cr,
                  s->x + 2.0 / 3.0 * (qx - s->x), s->y + 2.0 / 3.0 * (qy - s->y),
                  h->x + 2.0 / 3.0 * (qx - h->x), h->y + 2.0 / 3.0 * (qy - h->y),
                  h->x, h->y);
  cairo_set_line_width (cr, LINE_WIDTH * 1.3);
  cairo_stroke (cr);
  cairo_set_line_width (cr, LINE_WIDTH);

  /* The near limbs, in front. */
  limb (cr, pose, LIMBER_JOINT_SHOULDER, LIMBER_JOINT_ELBOW, LIMBER_JOINT_HAND, -1);
  limb (cr, pose, LIMBER_JOINT_HIP, LIMBER_JOINT_KNEE, LIMBER_JOINT_ANKLE, LIMBER_JOINT_TOE);

  /* The head. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, pose->joints[LIMBER_JOINT_HEAD].x, pose->joints[LIMBER_JOINT_HEAD].y,
             HEAD_RADIUS, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
limber_figure_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LimberFigure *self = LIMBER_FIGURE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double scale, w, h;
  GdkRGBA color;
  cairo_t *cr;

  if (!self->has_pose || width <= 0 || height <= 0)
    return;

  scale = MIN (width / LIMBER_POSE_WIDTH, height / LIMBER_POSE_HEIGHT);
  w = LIMBER_POSE_WIDTH * scale;
  h = LIMBER_POSE_HEIGHT * scale;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, (width - w) / 2, (height - h) / 2);
  if (self->mirrored)
    {
      cairo_translate (cr, w, 0);
      cairo_scale (cr, -1, 1);
    }
  cairo_scale (cr, scale, scale);
  draw_figure (cr, &self->pose, &color, self->dimmed ? DIMMED_ALPHA : 1.0);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
limber_figure_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
limber_figure_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  int requested_width;

  /* A figure given a width (a preview) asks for no more than that. */
  gtk_widget_get_size_request (widget, &requested_width, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = requested_width > 0 ? 0 : 80;
      *natural = requested_width > 0 ? requested_width : 480;
    }
  else
    {
      /* The box's shape, up to the natural width. */
      int natural_width = requested_width > 0 ? requested_width : 480;
      int width = for_size > 0 ? MIN (for_size, natural_width) : natural_width;

      *natural = (int) (width * LIMBER_POSE_HEIGHT / LIMBER_POSE_WIDTH);
      /* A small still (a routine card's strip) may be shorter than a full figure. */
      *minimum = MIN (48, *natural);
    }
}

static void
limber_figure_finalize (GObject *object)
{
  LimberFigure *self = LIMBER_FIGURE (object);

  g_free (self->exercise);

  G_OBJECT_CLASS (limber_figure_parent_class)->finalize (object);
}

static void
limber_figure_class_init (LimberFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = limber_figure_finalize;
  widget_class->snapshot = limber_figure_snapshot;
  widget_class->get_request_mode = limber_figure_get_request_mode;
  widget_class->measure = limber_figure_measure;

  gtk_widget_class_set_css_name (widget_class, "limber-figure");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_figure_init (LimberFigure *self)
{
}

GtkWidget *
limber_figure_new (void)
{
  return g_object_new (LIMBER_TYPE_FIGURE, NULL);
}

/* The exercise whose poses are drawn; one without poses draws nothing. */
void
limber_figure_set_exercise (LimberFigure *self,
                            const char   *exercise)
{
  g_return_if_fail (LIMBER_IS_FIGURE (self));

  if (g_strcmp0 (self->exercise, exercise) == 0)
    return;
  g_free (self->exercise);
  self->exercise = g_strdup (exercise);
  self->has_pose = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
limber_figure_get_exercise (LimberFigure *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), NULL);
  return self->exercise;
}

/* Mirrored for the left side, so the near limbs are the left ones. */
void
limber_figure_set_mirrored (LimberFigure *self,
                            gboolean      mirrored)
{
  g_return_if_fail (LIMBER_IS_FIGURE (self));

  mirrored = !!mirrored;
  if (self->mirrored == mirrored)
    return;
  self->mirrored = mirrored;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
limber_figure_get_mirrored (LimberFigure *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), FALSE);
  return self->mirrored;
}

/* Dimmed while a session is paused. */
void
limber_figure_set_dimmed (LimberFigure *self,
                          gboolean      dimmed)
{
  g_return_if_fail (LIMBER_IS_FIGURE (self));

  dimmed = !!dimmed;
  if (self->dimmed == dimmed)
    return;
  self->dimmed = dimmed;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
limber_figure_get_dimmed (LimberFigure *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), FALSE);
  return self->dimmed;
}

/* Whether the desktop lets things move: off is "reduce motion". */
gboolean
limber_figure_get_animates (LimberFigure *self)
{
  gboolean animations = TRUE;

  g_return_val_if_fail (LIMBER_IS_FIGURE (self), TRUE);

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations",
                &animations, NULL);
  return animations;
}

static void
set_pose (LimberFigure     *self,
          const LimberPose *pose)
{
  if (self->has_pose && memcmp (&self->pose, pose, sizeof *pose) == 0)
    return;
  self->pose = *pose;
  self->has_pose = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shows the exercise's key pose, still: a preview in a list. */
void
limber_figure_show_preview (LimberFigure *self)
{
  LimberPose pose;

  g_return_if_fail (LIMBER_IS_FIGURE (self));

  if (limber_pose_book_get_preview (get_book (), self->exercise, &pose))
    set_pose (self, &pose);
}

/**
 * limber_figure_show_phase:
 * @phase: the phase shown
 * @elapsed_us: the time since it began, on the session's clock
 *
 * Draws the figure at this instant of @phase; with reduce motion, in the phase's key pose.
 *
 * Returns: whether the figure is moving at this instant, so should be drawn again soon
 */
gboolean
limber_figure_show_phase (LimberFigure      *self,
                          const LimberPhase *phase,
                          gint64             elapsed_us)
{
  gboolean animate;
  LimberPose pose;

  g_return_val_if_fail (LIMBER_IS_FIGURE (self), FALSE);
  g_return_val_if_fail (phase != NULL, FALSE);

  animate = limber_figure_get_animates (self);
  if (!limber_pose_book_compute (get_book (), self->exercise, phase, elapsed_us, animate, &pose))
    return FALSE;
  set_pose (self, &pose);

  return animate && limber_pose_book_is_moving (get_book (), self->exercise, phase, elapsed_us);
}

/* Returns: (nullable): the pose drawn, or %NULL before there is one */
const LimberPose *
limber_figure_get_pose (LimberFigure *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), NULL);
  return self->has_pose ? &self->pose : NULL;
}

/**
 * limber_figure_write_png:
 * @exercise: an exercise id
 * @path: the PNG file to write
 * @size: its width and height in pixels
 *
 * Draws @exercise's preview pose, dark on white, into a square PNG: for players outside the
 * window (the desktop's media controls), which show a picture file.
 *
 * Returns: %TRUE if written; %FALSE with @error if @exercise has no pose or the file could
 *   not be written
 */
gboolean
limber_figure_write_png (const char  *exercise,
                         const char  *path,
                         int          size,
                         GError     **error)
{
  static const GdkRGBA ink = { 0.14, 0.14, 0.16, 1.0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  LimberPose pose;
  double scale;
  cairo_t *cr;

  g_return_val_if_fail (exercise != NULL && path != NULL && size > 0, FALSE);

  if (!limber_pose_book_get_preview (get_book (), exercise, &pose))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No figure for the exercise “%s”",
                   exercise);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  scale = 0.9 * MIN (size / (double) LIMBER_POSE_WIDTH, size / (double) LIMBER_POSE_HEIGHT);
  cairo_translate (cr, (size - LIMBER_POSE_WIDTH * scale) / 2,
                   (size - LIMBER_POSE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  draw_figure (cr, &pose, &ink, 1.0);
  cairo_destroy (cr);

  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
