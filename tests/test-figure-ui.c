/* test-figure-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The player's figure, rendered to pixels at chosen instants of a real session on a fake clock:
 * cat and cow look different, the bridge rises with the count, the knee-to-chest's left side is
 * the right side mirrored, a paused session's figure is dimmed and still, reduce motion shows
 * the key pose at once, and the figure is drawn in the theme's foreground, light or dark.
 * Screenshots go to tests/screenshots/ in the build directory.
 */

#include "config.h"

#include "limber-catalog.h"
#include "limber-fake-clock.h"
#include "limber-figure.h"
#include "limber-stretch-session.h"
#include "limber-ui-test.h"

#define WIDTH  400
#define HEIGHT 240

static GtkWindow *window;
static LimberFigure *figure;
static LimberCatalog *catalog;

typedef struct
{
  LimberClock          *clock;
  LimberStretchSession *session;
  gint64                now_us;   /* routine time reached, from the start */
} Run;

static void
run_start (Run        *run,
           const char *routine_id)
{
  LimberRoutine *routine = limber_catalog_find_routine (catalog, routine_id);

  g_assert_nonnull (routine);
  run->clock = limber_fake_clock_new ((gint64) 1700000000 * G_USEC_PER_SEC);
  run->session = limber_stretch_session_new (routine, run->clock, 20 * G_USEC_PER_SEC);
  run->now_us = 0;
  limber_stretch_session_start (run->session);
}

static void
run_clear (Run *run)
{
  g_clear_object (&run->session);
  g_clear_object (&run->clock);
}

/* Moves the fake clock to @offset_us into the first phase that @match accepts. */
typedef gboolean (*PhaseMatch) (const LimberPhase *phase,
                                gpointer           data);

static const LimberPhase *
run_to (Run        *run,
        PhaseMatch  match,
        gpointer    data,
        gint64      offset_us)
{
  for (guint i = 0; i < limber_stretch_session_get_n_phases (run->session); i++)
    {
      const LimberPhase *phase = limber_stretch_session_get_nth_phase (run->session, i);
      gint64 target_us;

      if (!match (phase, data))
        continue;

      target_us = phase->start_us + offset_us;
      g_assert_cmpint (target_us, >=, run->now_us);
      limber_fake_clock_advance (LIMBER_FAKE_CLOCK (run->clock), target_us - run->now_us);
      run->now_us = target_us;
      g_assert_cmpuint (limber_stretch_session_get_phase_index (run->session), ==, i);
      return limber_stretch_session_get_phase (run->session);
    }

  g_assert_not_reached ();
}

typedef struct
{
  LimberPhaseKind kind;
  guint           step;
  LimberSide      side;
  guint           move;
  guint           rep;
} PhaseSpec;

static gboolean
phase_is (const LimberPhase *phase,
          gpointer           data)
{
  const PhaseSpec *spec = data;

  return phase->kind == spec->kind && phase->step == spec->step && phase->side == spec->side &&
         (spec->kind != LIMBER_PHASE_WORK || (phase->move == spec->move && phase->rep == spec->rep));
}

/* Shows the session's current instant, as the player does. */
static void
show_now (Run *run)
{
  const LimberPhase *phase = limber_stretch_session_get_phase (run->session);
  LimberExercise *exercise = limber_stretch_session_get_exercise (run->session);

  limber_figure_set_exercise (figure, limber_exercise_get_illustration (exercise));
  limber_figure_set_mirrored (figure, phase->side == LIMBER_SIDE_LEFT);
  limber_figure_set_dimmed (figure,
                            limber_stretch_session_get_state (run->session) ==
                            LIMBER_SESSION_STATE_PAUSED);
  limber_figure_show_phase (figure, phase, phase->duration_us -
                            limber_stretch_session_get_phase_remaining_us (run->session));
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static GBytes *render_now (void);

/* The figure's pixels, as premultiplied BGRA (GDK_MEMORY_DEFAULT), once a frame has drawn it. */
static GBytes *
render (void)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb),
                                     &painted);

  gtk_widget_queue_draw (GTK_WIDGET (figure));
  g_assert_true (limber_ui_test_spin_until (is_true, &painted, 10000));
  g_signal_handler_disconnect (frame_clock, handler);

  return render_now ();
}

static GBytes *
render_now (void)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (figure));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  guchar *data = g_malloc (WIDTH * HEIGHT * 4);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (figure)), ==, WIDTH);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (figure)), ==, HEIGHT);
  gdk_paintable_snapshot (paintable, snapshot, WIDTH, HEIGHT);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  gdk_texture_download (texture, data, WIDTH * 4);

  return g_bytes_new_take (data, WIDTH * HEIGHT * 4);
}

static double
alpha_at (GBytes *pixels,
          int     x,
          int     y)
{
  const guchar *data = g_bytes_get_data (pixels, NULL);

  return data[(y * WIDTH + x) * 4 + 3] / 255.0;
}

/* How many pixels are drawn (visibly) in one image and not the other. */
static guint
n_different (GBytes   *a,
             GBytes   *b,
             gboolean  mirror_b)
{
  guint n = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        double pa = alpha_at (a, x, y);
        double pb = alpha_at (b, mirror_b ? WIDTH - 1 - x : x, y);

        if (ABS (pa - pb) > 0.5)
          n++;
      }

  return n;
}

static guint
n_drawn (GBytes *pixels)
{
  guint n = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      if (alpha_at (pixels, x, y) > 0.5)
        n++;

  return n;
}

static void
save (const char *name)
{
  limber_ui_test_save_screenshot (window, name);
}

static void
test_cat_cow (void)
{
  Run run;
  PhaseSpec cat = { LIMBER_PHASE_WORK, 2, LIMBER_SIDE_NONE, 0, 2 };
  PhaseSpec cow = { LIMBER_PHASE_WORK, 2, LIMBER_SIDE_NONE, 1, 2 };
  g_autoptr(GBytes) cat_pixels = NULL;
  g_autoptr(GBytes) cow_pixels = NULL;
  const LimberPhase *phase;

  run_start (&run, "gentle-relief");
  phase = run_to (&run, phase_is, &cat, 0);
  run_to (&run, phase_is, &cat, phase->duration_us - 1000);
  show_now (&run);
  g_assert_cmpstr (limber_stretch_session_get_move (run.session)->name, ==, "Cat");
  cat_pixels = render ();
  save ("figure-cat");

  phase = run_to (&run, phase_is, &cow, 0);
  run_to (&run, phase_is, &cow, phase->duration_us - 1000);
  show_now (&run);
  g_assert_cmpstr (limber_stretch_session_get_move (run.session)->name, ==, "Cow");
  cow_pixels = render ();
  save ("figure-cow");

  g_assert_cmpuint (n_drawn (cat_pixels), >, 1000);
  g_assert_cmpuint (n_different (cat_pixels, cow_pixels, FALSE), >, 500);
  run_clear (&run);
}

/* The bridge rises over "Lift", with the count, and comes down over "Lower". */
static void
test_bridge (void)
{
  Run run;
  PhaseSpec lift = { LIMBER_PHASE_WORK, 1, LIMBER_SIDE_NONE, 0, 1 };
  PhaseSpec lower = { LIMBER_PHASE_WORK, 1, LIMBER_SIDE_NONE, 2, 1 };
  g_autoptr(GBytes) down = NULL;
  g_autoptr(GBytes) half = NULL;
  g_autoptr(GBytes) up = NULL;
  g_autoptr(GBytes) lowered = NULL;
  const LimberPhase *phase;
  double hip_down, hip_half, hip_up;

  run_start (&run, "core-strength");
  phase = run_to (&run, phase_is, &lift, 0);
  show_now (&run);
  down = render ();
  hip_down = limber_figure_get_pose (figure)->joints[LIMBER_JOINT_HIP].y;
  run_to (&run, phase_is, &lift, phase->duration_us / 2);
  show_now (&run);
  half = render ();
  hip_half = limber_figure_get_pose (figure)->joints[LIMBER_JOINT_HIP].y;
  run_to (&run, phase_is, &lift, phase->duration_us - 1000);
  show_now (&run);
  up = render ();
  hip_up = limber_figure_get_pose (figure)->joints[LIMBER_JOINT_HIP].y;
  save ("figure-bridge-up");

  /* y grows downwards. */
  g_assert_cmpfloat (hip_half, <, hip_down);
  g_assert_cmpfloat (hip_up, <, hip_half);
  g_assert_cmpuint (n_different (down, up, FALSE), >, 300);
  g_assert_cmpuint (n_different (down, half, FALSE), >, 100);

  phase = run_to (&run, phase_is, &lower, 0);
  run_to (&run, phase_is, &lower, phase->duration_us - 1000);
  show_now (&run);
  lowered = render ();
  g_assert_cmpuint (n_different (down, lowered, FALSE), <, 50);
  run_clear (&run);
}

/* The left side is the right side mirrored: the near (bent) leg is the side stretched. */
static void
test_left_right (void)
{
  Run run;
  PhaseSpec right = { LIMBER_PHASE_WORK, 0, LIMBER_SIDE_RIGHT, 0, 0 };
  PhaseSpec left = { LIMBER_PHASE_WORK, 0, LIMBER_SIDE_LEFT, 0, 0 };
  g_autoptr(GBytes) right_pixels = NULL;
  g_autoptr(GBytes) left_pixels = NULL;

  run_start (&run, "gentle-relief");
  run_to (&run, phase_is, &right, 10 * G_USEC_PER_SEC);
  show_now (&run);
  g_assert_false (limber_figure_get_mirrored (figure));
  right_pixels = render ();
  save ("figure-knee-right");

  run_to (&run, phase_is, &left, 10 * G_USEC_PER_SEC);
  show_now (&run);
  g_assert_true (limber_figure_get_mirrored (figure));
  left_pixels = render ();
  save ("figure-knee-left");

  g_assert_cmpuint (n_different (right_pixels, left_pixels, FALSE), >, 500);
  g_assert_cmpuint (n_different (right_pixels, left_pixels, TRUE), <, 100);
  run_clear (&run);
}

/* Paused, the figure is dimmed and does not move, though the clock goes on. */
static void
test_paused_is_still (void)
{
  Run run;
  PhaseSpec cat = { LIMBER_PHASE_WORK, 2, LIMBER_SIDE_NONE, 0, 2 };
  g_autoptr(GBytes) moving = NULL;
  g_autoptr(GBytes) paused = NULL;
  g_autoptr(GBytes) later = NULL;
  LimberPose pose;

  run_start (&run, "gentle-relief");
  run_to (&run, phase_is, &cat, G_USEC_PER_SEC);
  show_now (&run);
  moving = render ();

  limber_stretch_session_pause (run.session);
  show_now (&run);
  g_assert_true (limber_figure_get_dimmed (figure));
  pose = *limber_figure_get_pose (figure);
  paused = render ();
  save ("figure-paused");

  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (run.clock), 3 * G_USEC_PER_SEC);
  show_now (&run);
  later = render ();
  g_assert_cmpfloat (limber_pose_distance (&pose, limber_figure_get_pose (figure)), ==, 0);
  g_assert_true (g_bytes_equal (paused, later));

  /* Dimmed: the same shape, fainter. */
  g_assert_cmpuint (n_drawn (paused), <, n_drawn (moving) / 2);

  /* Resumed, it moves on. */
  limber_stretch_session_resume (run.session);
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (run.clock), G_USEC_PER_SEC);
  show_now (&run);
  g_assert_cmpfloat (limber_pose_distance (&pose, limber_figure_get_pose (figure)), >, 0.5);
  run_clear (&run);
}

/* With animations off, each phase shows its key pose from its first instant. */
static void
test_reduce_motion (void)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (figure));
  Run run;
  PhaseSpec cat = { LIMBER_PHASE_WORK, 2, LIMBER_SIDE_NONE, 0, 2 };
  const LimberPhase *phase;
  LimberPose start, end;

  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  g_assert_false (limber_figure_get_animates (figure));

  run_start (&run, "gentle-relief");
  phase = run_to (&run, phase_is, &cat, 0);
  g_assert_false (limber_figure_show_phase (figure, phase, 0));
  start = *limber_figure_get_pose (figure);
  g_assert_false (limber_figure_show_phase (figure, phase, phase->duration_us - 1));
  end = *limber_figure_get_pose (figure);
  g_assert_cmpfloat (limber_pose_distance (&start, &end), ==, 0);

  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  g_assert_true (limber_figure_show_phase (figure, phase, 0));
  g_assert_cmpfloat (limber_pose_distance (&start, limber_figure_get_pose (figure)), >, 1);
  run_clear (&run);
}

/* In the theme's foreground: dark on light, light on dark. */
static void
test_dark (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  Run run;
  PhaseSpec right = { LIMBER_PHASE_WORK, 0, LIMBER_SIDE_RIGHT, 0, 0 };
  g_autoptr(GBytes) light = NULL;
  g_autoptr(GBytes) dark = NULL;
  const LimberPose *pose;
  const guchar *data;
  int x, y, head;

  run_start (&run, "gentle-relief");
  run_to (&run, phase_is, &right, 10 * G_USEC_PER_SEC);
  show_now (&run);
  light = render ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  limber_ui_test_spin_for (200);
  gtk_widget_queue_draw (GTK_WIDGET (figure));
  dark = render ();
  save ("figure-dark");

  /* The head's middle: where the pose puts it, scaled into the widget. */
  pose = limber_figure_get_pose (figure);
  {
    double scale = MIN (WIDTH / LIMBER_POSE_WIDTH, HEIGHT / LIMBER_POSE_HEIGHT);

    x = (int) ((WIDTH - LIMBER_POSE_WIDTH * scale) / 2 + pose->joints[LIMBER_JOINT_HEAD].x * scale);
    y = (int) ((HEIGHT - LIMBER_POSE_HEIGHT * scale) / 2 + pose->joints[LIMBER_JOINT_HEAD].y * scale);
  }
  head = (y * WIDTH + x) * 4;
  data = g_bytes_get_data (light, NULL);
  g_assert_cmpuint (data[head + 3], >, 200);
  g_assert_cmpuint (data[head + 1], <, 100);
  data = g_bytes_get_data (dark, NULL);
  g_assert_cmpuint (data[head + 3], >, 200);
  g_assert_cmpuint (data[head + 1], >, 200);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  run_clear (&run);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) == WIDTH;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  limber_ui_test_init (&argc, &argv);
  adw_init ();

  bytes = g_resources_lookup_data (RESOURCE_PATH "/catalog.json", 0, &error);
  g_assert_no_error (error);
  catalog = limber_catalog_new ();
  g_assert_true (limber_catalog_load_builtin (catalog, bytes, "catalog.json", &error));
  g_assert_no_error (error);

  window = GTK_WINDOW (gtk_window_new ());
  figure = LIMBER_FIGURE (limber_figure_new ());
  gtk_widget_set_size_request (GTK_WIDGET (figure), WIDTH, HEIGHT);
  gtk_window_set_child (window, GTK_WIDGET (figure));
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  gtk_window_present (window);
  if (!limber_ui_test_spin_until (is_mapped, figure, 5000))
    g_error ("figure not shown at %d × %d: %d × %d", WIDTH, HEIGHT,
             gtk_widget_get_width (GTK_WIDGET (figure)), gtk_widget_get_height (GTK_WIDGET (figure)));

  g_test_add_func ("/figure-ui/cat-cow", test_cat_cow);
  g_test_add_func ("/figure-ui/bridge", test_bridge);
  g_test_add_func ("/figure-ui/left-right", test_left_right);
  g_test_add_func ("/figure-ui/paused-is-still", test_paused_is_still);
  g_test_add_func ("/figure-ui/reduce-motion", test_reduce_motion);
  g_test_add_func ("/figure-ui/dark", test_dark);

  status = g_test_run ();

  gtk_window_destroy (window);
  g_clear_object (&catalog);

  return status;
}
