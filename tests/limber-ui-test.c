/* limber-ui-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "limber-ui-test.h"

/**
 * limber_ui_test_spin_until:
 * @done: what to wait for
 * @timeout_ms: the longest to wait
 *
 * Spins the main loop until @done returns %TRUE or @timeout_ms passes. The timeout is only an
 * upper bound: it returns as soon as @done is true.
 *
 * Returns: whether @done became true in time
 */
gboolean
limber_ui_test_spin_until (LimberUiTestDone done,
                           gpointer         data,
                           guint            timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Spins the main loop for @ms, for things that must hold over time or transitions to settle. */
void
limber_ui_test_spin_for (guint ms)
{
  limber_ui_test_spin_until (never, NULL, ms);
}

/* The text a button shows, without its mnemonic underscore. */
char *
limber_ui_test_button_text (GtkWidget *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));
  const char *label = gtk_button_get_label (GTK_BUTTON (button));
  char *text;
  char *underscore;

  if (GTK_IS_LABEL (child))
    return g_strdup (gtk_label_get_text (GTK_LABEL (child)));
  if (label == NULL)
    return NULL;

  text = g_strdup (label);
  if (gtk_button_get_use_underline (GTK_BUTTON (button)) &&
      (underscore = strchr (text, '_')) != NULL)
    memmove (underscore, underscore + 1, strlen (underscore));

  return text;
}

/* Whether @widget's accessible label, the name a screen reader says, is @label. */
gboolean
limber_ui_test_has_accessible_label (GtkWidget  *widget,
                                     const char *label)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return mismatch == NULL;
}

/* A button showing @label, or an icon button with @label as its tooltip. */
gboolean
limber_ui_test_is_button_named (GtkWidget  *widget,
                                const char *label)
{
  g_autofree char *text = NULL;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;

  text = limber_ui_test_button_text (widget);

  return g_strcmp0 (text, label) == 0 ||
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), label) == 0;
}

/* A control a screen reader calls @name, or a button that shows @name or has it as its
 * tooltip. */
static gboolean
is_control_named (GtkWidget  *widget,
                  const char *name)
{
  return limber_ui_test_has_accessible_label (widget, name) ||
         (GTK_IS_BUTTON (widget) && limber_ui_test_is_button_named (widget, name));
}

static gboolean
is_label_starting_with (GtkWidget  *widget,
                        const char *prefix)
{
  return GTK_IS_LABEL (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

static gboolean
is_label_with_text (GtkWidget  *widget,
                    const char *text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
is_label_containing (GtkWidget  *widget,
                     const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_of_type (GtkWidget  *widget,
            const char *type_name)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name (type_name));
}

/* The first mapped widget under @root, depth first, that @match accepts. */
GtkWidget *
limber_ui_test_find_mapped (GtkWidget         *root,
                            LimberUiTestMatch  match,
                            const char        *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (match (child, text))
        return child;
      if ((found = limber_ui_test_find_mapped (child, match, text)) != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
limber_ui_test_find_button (GtkWidget  *root,
                            const char *label)
{
  return limber_ui_test_find_mapped (root, limber_ui_test_is_button_named, label);
}

/* A mapped button found as a screen reader user would: by its accessible name first. */
GtkWidget *
limber_ui_test_find_control (GtkWidget  *root,
                             const char *name)
{
  return limber_ui_test_find_mapped (root, is_control_named, name);
}

/* A mapped label whose text, without mnemonic or markup, is exactly @text. */
GtkWidget *
limber_ui_test_find_label (GtkWidget  *root,
                           const char *text)
{
  return limber_ui_test_find_mapped (root, is_label_with_text, text);
}

GtkWidget *
limber_ui_test_find_label_with_prefix (GtkWidget  *root,
                                       const char *prefix)
{
  return limber_ui_test_find_mapped (root, is_label_starting_with, prefix);
}

GtkWidget *
limber_ui_test_find_label_containing (GtkWidget  *root,
                                      const char *text)
{
  return limber_ui_test_find_mapped (root, is_label_containing, text);
}

GtkWidget *
limber_ui_test_find_of_type (GtkWidget *root,
                             GType      type)
{
  return limber_ui_test_find_mapped (root, is_of_type, g_type_name (type));
}

/* A visible toplevel window of @type, such as a dialog the app opened. */
GtkWindow *
limber_ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      /* The list keeps the window alive after this reference is dropped. */
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

/* For limber_ui_test_spin_until(): @type is a GType passed with GSIZE_TO_POINTER(). */
gboolean
limber_ui_test_has_toplevel (gpointer type)
{
  return limber_ui_test_find_toplevel ((GType) GPOINTER_TO_SIZE (type)) != NULL;
}

/* For limber_ui_test_spin_until(): no window of @type is left (it was closed). */
gboolean
limber_ui_test_has_no_toplevel (gpointer type)
{
  return !limber_ui_test_has_toplevel (type);
}

/* Activates a button as a keyboard or screen reader user would. GTK emits ::clicked about
 * 250 ms later, so callers wait for the outcome with limber_ui_test_spin_until(). */
void
limber_ui_test_activate (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
}

/* Whether @widget is part of a toast. AdwToastWidget is private to libadwaita, so it is known by
 * its type name. */
gboolean
limber_ui_test_is_inside_toast (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (g_str_equal (G_OBJECT_TYPE_NAME (w), "AdwToastWidget"))
        return TRUE;
    }

  return FALSE;
}

/* Every control a user can reach has a name a screen reader can say: its label, or an
 * explicit accessible label. */
void
limber_ui_test_assert_controls_named (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;

      if (GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child))
        {
          g_autofree char *label = GTK_IS_BUTTON (child) ? limber_ui_test_button_text (child)
                                                         : NULL;
          gboolean named = (label != NULL && *label != '\0') ||
                           gtk_test_accessible_has_property (GTK_ACCESSIBLE (child),
                                                             GTK_ACCESSIBLE_PROPERTY_LABEL) ||
                           gtk_test_accessible_has_relation (GTK_ACCESSIBLE (child),
                                                             GTK_ACCESSIBLE_RELATION_LABELLED_BY);

          /* Window controls (close, minimize) are named by GTK itself. The close button of a
           * toast is libadwaita 1.2's own, and it has no name: nothing the app can change. */
          if (!named && gtk_widget_get_ancestor (child, GTK_TYPE_WINDOW_CONTROLS) == NULL &&
              !limber_ui_test_is_inside_toast (child))
            g_error ("%s '%s' has no accessible name", G_OBJECT_TYPE_NAME (child),
                     gtk_widget_get_tooltip_text (child));
        }

      limber_ui_test_assert_controls_named (child);
    }
}

typedef struct
{
  GtkWindow *window;
  int        width;
} WidthWait;

/* The first mapped button under @root that sticks out of @window, which is @width wide. */
static GtkWidget *
find_control_outside (GtkWidget *window,
                      GtkWidget *root,
                      int        width)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      GtkWidget *outside;

      if (!gtk_widget_get_mapped (child))
        continue;

      if (GTK_IS_BUTTON (child) && gtk_widget_compute_bounds (child, window, &bounds) &&
          (bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > width))
        return child;

      if ((outside = find_control_outside (window, child, width)) != NULL)
        return outside;
    }
  return NULL;
}

/* Nothing that can be clicked sticks out of @window, which is @width wide. */
void
limber_ui_test_assert_controls_inside (GtkWindow *window,
                                       int        width)
{
  GtkWidget *outside = find_control_outside (GTK_WIDGET (window), GTK_WIDGET (window), width);
  g_autoptr(GString) path = g_string_new (NULL);
  graphene_rect_t bounds;

  if (outside == NULL)
    return;

  for (GtkWidget *w = outside; w != NULL; w = gtk_widget_get_parent (w))
    g_string_append_printf (path, "%s%s", G_OBJECT_TYPE_NAME (w),
                            gtk_widget_get_parent (w) ? " < " : "");
  if (!gtk_widget_compute_bounds (outside, GTK_WIDGET (window), &bounds))
    graphene_rect_init (&bounds, 0, 0, 0, 0);
  g_error ("%s at x %g, %g wide, lies outside a window %d px wide",
           path->str, bounds.origin.x, bounds.size.width, width);
}

static gboolean
controls_inside_narrow (gpointer data)
{
  const WidthWait *wait = data;

  return limber_ui_test_controls_inside (GTK_WINDOW (wait->window), wait->width);
}

/**
 * limber_ui_test_resize_narrow:
 *
 * Asks @window (a dialog or a second window) for @width and waits until the X server has
 * resized it and it has laid itself out again (a header's view switcher giving way to its
 * title): nothing that can be clicked sticks out. On time-out, says what does.
 */
void
limber_ui_test_resize_narrow (GtkWindow *window,
                              int        width,
                              int        height)
{
  WidthWait wait = { window, width };

  gtk_window_set_default_size (window, width, height);
  if (!limber_ui_test_spin_until (controls_inside_narrow, &wait, 20000))
    limber_ui_test_assert_controls_inside (window, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
}

/**
 * limber_ui_test_controls_inside:
 *
 * Returns: whether @window is at most @width wide and nothing that can be clicked sticks out
 *   of it, for waiting until a resized window has laid itself out again
 */
gboolean
limber_ui_test_controls_inside (GtkWindow *window,
                                int        width)
{
  int shown = gtk_widget_get_width (GTK_WIDGET (window));

  return shown > 0 && shown <= width &&
         find_control_outside (GTK_WIDGET (window), GTK_WIDGET (window), width) == NULL;
}

static gboolean
frame_painted (gpointer data)
{
  return *(gboolean *) data;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  *(gboolean *) data = TRUE;
}

/* Writes what @window shows to tests/screenshots/@name.png in the build directory, for a person
 * to look at. */
void
limber_ui_test_save_screenshot (GtkWindow  *window,
                                const char *name)
{
  GtkWidget *widget = GTK_WIDGET (window);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  gboolean painted = FALSE;
  gulong handler;
  int width, height;

  /* Let transitions finish, then wait for a frame that shows the new content. */
  limber_ui_test_spin_for (400);
  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (limber_ui_test_spin_until (frame_painted, &painted, 10000));
  g_signal_handler_disconnect (frame_clock, handler);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static gboolean
is_width (gpointer data)
{
  const WidthWait *wait = data;

  return gtk_widget_get_width (GTK_WIDGET (wait->window)) == wait->width &&
         limber_window_get_narrow (LIMBER_WINDOW (wait->window)) == (wait->width < 500);
}

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

/* Resizes @window so that its widget, not counting client-side decoration margins, is @width
 * wide, and waits for the layout to follow. */
void
limber_ui_test_set_width (LimberWindow *window,
                          int           width)
{
  WidthWait wait = { GTK_WINDOW (window), width };
  int default_width, default_height, margin;

  g_assert_true (limber_ui_test_spin_until (is_allocated, window, 10000));
  gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
  margin = default_width - gtk_widget_get_width (GTK_WIDGET (window));

  gtk_window_set_default_size (GTK_WINDOW (window), width + margin, 720);
  g_assert_true (limber_ui_test_spin_until (is_width, &wait, 10000));
  /* The header's view switcher gives way to the title with a short crossfade, which a busy
   * machine draws late: until it has, the wide switcher still sticks out. */
  limber_ui_test_spin_for (400);
  if (!limber_ui_test_spin_until (controls_inside_narrow, &wait, 20000))
    limber_ui_test_assert_controls_inside (GTK_WINDOW (window), width);
}

/**
 * limber_ui_test_start_app:
 * @app: (out): the application, kept by the caller for the whole test run
 *
 * Starts the real application in this process and opens its window at 720 px.
 *
 * Returns: (transfer none): the main window
 */
/**
 * limber_ui_test_init:
 *
 * gtk_test_init(), with a data and state folder of this test's own, so UI tests running side
 * by side each start with an empty history store. GLib reads these variables once, so this
 * comes before anything else.
 */
static char *test_dir;

/* Removes @path and everything under it. */
void
limber_ui_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (path == NULL || g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          limber_ui_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
remove_test_dir (void)
{
  limber_ui_test_remove_tree (test_dir);
  g_clear_pointer (&test_dir, g_free);
}

void
limber_ui_test_init (int    *argc,
                     char ***argv)
{
  g_autofree char *template = g_build_filename (g_get_tmp_dir (), "limber-ui-test-XXXXXX", NULL);
  g_autofree char *data = NULL;
  g_autofree char *state = NULL;

  g_assert_nonnull (g_mkdtemp (template));
  /* Removed when the test program ends. */
  test_dir = g_strdup (template);
  atexit (remove_test_dir);
  data = g_build_filename (template, "data", NULL);
  state = g_build_filename (template, "state", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  gtk_test_init (argc, argv, NULL);
}

LimberWindow *
limber_ui_test_start_app (LimberApplication **app)
{
  LimberWindow *window;

  *app = limber_application_new ();
  /* Tests may run beside a real Limber on the same bus; don't hand the work over to it. */
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (*app), NULL, NULL));
  g_application_activate (G_APPLICATION (*app));
  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (*app)));
  g_assert_nonnull (window);
  limber_ui_test_set_width (window, 720);

  return window;
}

/**
 * limber_ui_test_add_check:
 *
 * Records a symptom check with @outcome in @journal, as the Check page would: every answer No,
 * or for an emergency the first warning sign Yes.
 */
void
limber_ui_test_add_check (LimberJournal       *journal,
                          LimberTriageOutcome  outcome)
{
  g_autofree LimberTriageAnswer *answers = g_new0 (LimberTriageAnswer,
                                                   limber_triage_get_n_questions ());
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < limber_triage_get_n_questions (); i++)
    answers[i] = LIMBER_TRIAGE_ANSWER_NO;
  if (outcome == LIMBER_TRIAGE_OUTCOME_EMERGENCY)
    answers[0] = LIMBER_TRIAGE_ANSWER_YES;
  g_assert_cmpint (limber_journal_add_check (journal, outcome, answers, &error), >, 0);
  g_assert_no_error (error);
}
