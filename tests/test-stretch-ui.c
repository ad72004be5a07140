/* test-stretch-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stretch player in the real window, under Xvfb with the accessibility bus and a stand-in
 * session manager (tests/fake-session-manager.py): routines are started through app.start-routine
 * and the routine list, driven through the player's buttons, and checked for what a user sees and
 * hears about: the exercise, the countdown, the controls' names, the screen kept awake while a
 * session runs, the finish screen and the record it leaves. The app's clock runs five times faster
 * than real time, so phases pass quickly. Screenshots go to tests/screenshots/ in the build
 * directory.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "limber-application.h"
#include "limber-routine-card.h"
#include "limber-session-view.h"
#include "limber-system-clock.h"
#include "limber-ui-test.h"
#include "limber-window.h"

#define NARROW 360

/* Clock seconds per real second: a 5 s get-ready passes in a second, and a 30 s hold in six, long
 * enough for a screenshot of it even on a busy machine. */
#define TIME_SCALE "5"

/* GTK asks the session manager with its own flag values; 8 is "idle" in both. */
G_STATIC_ASSERT (GTK_APPLICATION_INHIBIT_IDLE == 8);

static LimberApplication *app;
static LimberWindow *window;
/* The cue player's log (LIMBER_DEBUG_CUE_LOG): each sentence heard is a "speech" line. */
static char *cue_log;

/* The sessions in the journal, oldest first: what the player recorded. */
static guint
n_sessions (void)
{
  g_autoptr(GPtrArray) sessions = limber_journal_list_sessions (limber_application_get_journal (app),
                                                                0, G_MAXINT64);

  return sessions->len;
}

static LimberSessionRecord *
session_at (guint index)
{
  g_autoptr(GPtrArray) sessions = limber_journal_list_sessions (limber_application_get_journal (app),
                                                                0, G_MAXINT64);

  g_assert_cmpuint (index, <, sessions->len);
  return g_object_ref (g_ptr_array_index (sessions, index));
}

static LimberStretchPage *
stretch_page (void)
{
  return limber_window_get_stretch_page (window);
}

static LimberStretchPlayer *
player (void)
{
  return limber_stretch_page_get_player (stretch_page ());
}

static LimberStretchSession *
session (void)
{
  return limber_stretch_player_get_session (player ());
}

static const char *
countdown_text (void)
{
  return limber_countdown_get_text (limber_stretch_player_get_countdown (player ()));
}

/* What the session manager answers GTK's own question: is anything keeping the session from
 * going idle (the screen from blanking)? */
static gboolean
idle_inhibited (void)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (app));
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean inhibited;

  reply = g_dbus_connection_call_sync (bus, "org.gnome.SessionManager",
                                       "/org/gnome/SessionManager", "org.gnome.SessionManager",
                                       "IsInhibited",
                                       g_variant_new ("(u)", GTK_APPLICATION_INHIBIT_IDLE),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                                       &error);
  /* Run the test through build-aux/test, which starts the stand-in session manager. */
  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &inhibited);

  return inhibited;
}

static gboolean
idle_inhibited_is (gpointer expected)
{
  return idle_inhibited () == GPOINTER_TO_INT (expected);
}

/* GTK sends Uninhibit without waiting for the answer, so the session manager may hear of it a
 * moment later. */
static void
assert_idle_inhibited (gboolean expected)
{
  g_assert_true (limber_ui_test_spin_until (idle_inhibited_is, GINT_TO_POINTER (expected), 10000));
}

static gboolean
state_is (gpointer state)
{
  return limber_stretch_session_get_state (session ()) ==
         (LimberSessionState) GPOINTER_TO_INT (state);
}

static gboolean
is_running (gpointer data)
{
  return limber_stretch_session_is_running (session ());
}

typedef struct
{
  LimberPhaseKind kind;
  int             step;   /* -1 for any */
  LimberSide      side;
} PhaseWait;

static gboolean
in_phase (gpointer data)
{
  const PhaseWait *wait = data;
  const LimberPhase *phase = limber_stretch_session_get_phase (session ());

  return limber_stretch_session_get_state (session ()) != LIMBER_SESSION_STATE_FINISHED &&
         phase->kind == wait->kind && phase->side == wait->side &&
         (wait->step < 0 || (int) phase->step == wait->step);
}

static void
wait_for_phase (LimberPhaseKind kind,
                int             step,
                LimberSide      side)
{
  PhaseWait wait = { kind, step, side };

  g_assert_true (limber_ui_test_spin_until (in_phase, &wait, 10000));
}

static gboolean
shows_label (gpointer text)
{
  return limber_ui_test_find_label (GTK_WIDGET (window), text) != NULL;
}

static gboolean
shows_label_starting_with (gpointer prefix)
{
  return limber_ui_test_find_label_with_prefix (GTK_WIDGET (window), prefix) != NULL;
}

static gboolean
shows_label_containing (gpointer text)
{
  return limber_ui_test_find_label_containing (GTK_WIDGET (window), text) != NULL;
}

static gboolean
shows_no_control (gpointer name)
{
  return limber_ui_test_find_control (GTK_WIDGET (window), name) == NULL;
}

static gboolean
player_screen_is (gpointer name)
{
  return g_strcmp0 (limber_stretch_player_get_screen (player ()), name) == 0;
}

static gboolean
stretch_screen_is (gpointer name)
{
  return g_strcmp0 (limber_stretch_page_get_screen (stretch_page ()), name) == 0;
}

static gboolean
countdown_differs_from (gpointer text)
{
  return g_strcmp0 (countdown_text (), text) != 0;
}

static gboolean
switcher_bar_revealed (gpointer bar)
{
  return adw_view_switcher_bar_get_reveal (bar);
}

static gboolean
switcher_bar_hidden (gpointer bar)
{
  return !adw_view_switcher_bar_get_reveal (bar);
}

/* Finds a visible control by the name a screen reader gives it, and activates it as a keyboard
 * or screen reader user would. */
static GtkWidget *
press (const char *name)
{
  GtkWidget *control = limber_ui_test_find_control (GTK_WIDGET (window), name);

  g_test_message ("pressing '%s'", name);
  g_assert_nonnull (control);
  limber_ui_test_activate (control);

  return control;
}

static void
assert_shows_label (const char *text)
{
  g_assert_true (limber_ui_test_spin_until (shows_label, (gpointer) text, 10000));
}

static gboolean
is_toast_close_button (GtkWidget  *widget,
                       const char *unused)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0 &&
         limber_ui_test_is_inside_toast (widget);
}

static gboolean
shows_no_toast (gpointer data)
{
  return limber_ui_test_find_mapped (GTK_WIDGET (window), is_toast_close_button, NULL) == NULL;
}

/* Closes the toast on screen with its close button, as a user would. */
static void
dismiss_toast (void)
{
  GtkWidget *close_button = limber_ui_test_find_mapped (GTK_WIDGET (window), is_toast_close_button,
                                                        NULL);

  limber_ui_test_activate (close_button);
  g_assert_true (limber_ui_test_spin_until (shows_no_toast, NULL, 10000));
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

/* Closes the toast on screen and waits until it has gone, whether or not another follows. */
static void
dismiss_toast_and_wait (void)
{
  GtkWidget *close_button = limber_ui_test_find_mapped (GTK_WIDGET (window), is_toast_close_button,
                                                        NULL);
  g_autoptr(GtkWidget) held = g_object_ref (close_button);

  limber_ui_test_activate (close_button);
  g_assert_true (limber_ui_test_spin_until (is_unmapped, held, 10000));
}

/* Starts a routine as `limber --routine ID` does: through app.start-routine. */
static void
start_routine (const char *id)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine", g_variant_new_string (id));

  g_assert_cmpint (limber_window_get_page (window), ==, LIMBER_PAGE_STRETCH);
  g_assert_cmpstr (limber_stretch_page_get_screen (stretch_page ()), ==, "player");
  g_assert_cmpstr (limber_stretch_player_get_screen (player ()), ==, "session");
  g_assert_nonnull (session ());
  g_assert_cmpstr (limber_routine_get_id (limber_stretch_session_get_routine (session ())), ==, id);
  g_assert_true (limber_stretch_session_is_running (session ()));
}

static void
pause_session (void)
{
  press ("Pause");
  g_assert_true (limber_ui_test_spin_until (state_is, GINT_TO_POINTER (LIMBER_SESSION_STATE_PAUSED),
                                            10000));
}

static void
resume_session (void)
{
  press ("Resume");
  g_assert_true (limber_ui_test_spin_until (is_running, NULL, 10000));
}

/* Back to the list of routines through the player's own buttons, from wherever a test left it. */
static void
return_to_routines (void)
{
  limber_window_show_page (window, LIMBER_PAGE_STRETCH);
  if (g_str_equal (limber_stretch_page_get_screen (stretch_page ()), "routines"))
    return;

  if (g_str_equal (limber_stretch_player_get_screen (player ()), "session"))
    {
      press ("Stop");
      g_assert_true (limber_ui_test_spin_until (player_screen_is, "finish", 10000));
      assert_shows_label ("Session Stopped");
    }

  press ("Back to Routines");
  g_assert_true (limber_ui_test_spin_until (stretch_screen_is, "routines", 10000));
}

/* Each routine has a Start button that says which routine it starts. */
static void
assert_start_buttons (void)
{
  GListModel *routines = limber_catalog_get_routines (limber_application_get_catalog (app));

  g_assert_cmpuint (g_list_model_get_n_items (routines), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);
      g_autofree char *name = g_strdup_printf ("Start %s", limber_routine_get_name (routine));
      GtkWidget *button = limber_ui_test_find_control (GTK_WIDGET (window), name);
      g_autofree char *text = NULL;

      g_assert_nonnull (button);
      gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      text = limber_ui_test_button_text (button);
      g_assert_cmpstr (text, ==, "Start");
    }
  g_assert_nonnull (limber_ui_test_find_control (GTK_WIDGET (window), "Start Gentle Relief"));
}

static gboolean
is_suggested_button (GtkWidget  *widget,
                     const char *unused)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "suggested-action");
}

static void
count_suggested (GtkWidget *widget,
                 guint     *n)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (is_suggested_button (widget, NULL))
    (*n)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_suggested (child, n);
}

static gboolean
is_card_for (GtkWidget  *widget,
             const char *id)
{
  return LIMBER_IS_ROUTINE_CARD (widget) &&
         g_str_equal (limber_routine_get_id (limber_routine_card_get_routine (LIMBER_ROUTINE_CARD (widget))),
                      id);
}

/* The card on screen for the routine @id, or NULL. */
static LimberRoutineCard *
find_card (const char *id)
{
  return (LimberRoutineCard *) limber_ui_test_find_mapped (GTK_WIDGET (window), is_card_for, id);
}

static gboolean
shows_card (gpointer id)
{
  return find_card (id) != NULL;
}

static gboolean
shows_no_card (gpointer id)
{
  return find_card (id) == NULL;
}

/* The first mapped widget of @type in the card for the routine @id. */
static GtkWidget *
find_card_control (const char *id,
                   GType       type)
{
  LimberRoutineCard *card = find_card (id);

  g_assert_nonnull (card);
  return limber_ui_test_find_of_type (GTK_WIDGET (card), type);
}

/* The exercises the card's strip shows, one figure each, as "a b c"; a "+N" adds "+N". */
static char *
strip_exercises (LimberRoutineCard *card)
{
  GtkWidget *strip = limber_routine_card_get_strip (card);
  g_autoptr(GString) shown = g_string_new (NULL);

  g_assert_true (gtk_widget_get_mapped (strip));
  for (GtkWidget *child = gtk_widget_get_first_child (strip); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shown->len > 0)
        g_string_append_c (shown, ' ');
      if (LIMBER_IS_FIGURE (child))
        {
          /* A still, drawn: the exercise's key pose. */
          g_assert_nonnull (limber_figure_get_pose (LIMBER_FIGURE (child)));
          g_string_append (shown, limber_figure_get_exercise (LIMBER_FIGURE (child)));
        }
      else
        g_string_append (shown, gtk_label_get_text (GTK_LABEL (child)));
    }
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

/* Each routine is a card with a strip of its exercises' stills, one per distinct exercise in
 * order, named for a screen reader; outside an episode nothing about the first days; one Start
 * is suggested, the rest are plain. */
static void
test_routine_cards (void)
{
  guint n = 0;
  GtkWidget *suggested;
  g_autofree char *gentle = NULL;
  g_autofree char *daily = NULL;

  return_to_routines ();
  assert_start_buttons ();
  count_suggested (GTK_WIDGET (window), &n);
  g_assert_cmpuint (n, ==, 1);
  suggested = limber_ui_test_find_mapped (GTK_WIDGET (window), is_suggested_button, NULL);
  g_assert_true (limber_ui_test_is_button_named (suggested, "Start Gentle Relief") ||
                 limber_ui_test_has_accessible_label (suggested, "Start Daily Mobility"));

  gentle = strip_exercises (find_card ("gentle-relief"));
  daily = strip_exercises (find_card ("daily-mobility"));
  g_assert_cmpstr (gentle, ==, "knee-to-chest pelvic-tilt cat-cow");
  g_assert_cmpstr (daily, ==, "knee-to-chest cat-cow pelvic-tilt bridge plank");
  gtk_test_accessible_assert_property (limber_routine_card_get_strip (find_card ("gentle-relief")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Knee to Chest, Pelvic Tilt, Cat-Cow");

  g_assert_null (limber_ui_test_find_label (GTK_WIDGET (window), "Safe in the first days"));
  g_assert_null (limber_ui_test_find_label (GTK_WIDGET (window), "After the first 3 days"));
  limber_ui_test_assert_controls_named (GTK_WIDGET (window));
  gtk_test_accessible_assert_property (find_card_control ("gentle-relief", GTK_TYPE_MENU_BUTTON),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Menu for Gentle Relief");
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "routine-cards");

  limber_ui_test_set_width (window, NARROW);
  limber_ui_test_assert_controls_inside (GTK_WINDOW (window), NARROW);
  /* The longest strip, five stills, fits a phone whole. */
  {
    GtkWidget *strip = limber_routine_card_get_strip (find_card ("daily-mobility"));
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (strip, GTK_WIDGET (window), &bounds));
    g_assert_cmpfloat (bounds.origin.x, >=, 0);
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, NARROW);
    for (GtkWidget *figure = gtk_widget_get_first_child (strip); figure != NULL;
         figure = gtk_widget_get_next_sibling (figure))
      g_assert_cmpint (gtk_widget_get_width (figure), >=, 48);
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "routine-cards-narrow-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  limber_ui_test_set_width (window, 720);
}

/* At least a third of the window's height, once laid out without the question asked while
 * getting ready. */
static gboolean
figure_is_large (gpointer figure)
{
  return gtk_widget_get_height (figure) >= gtk_widget_get_height (GTK_WIDGET (window)) / 3;
}

static void
test_player (void)
{
  LimberFigure *figure = limber_stretch_player_get_figure (player ());
  static const char *controls[] = {
    "Pause", "Previous exercise", "Next exercise", "Stop", "It Hurts",
  };
  g_autofree char *text = NULL;
  g_autofree char *seconds_left = NULL;
  LimberCountdown *countdown;
  AdwViewSwitcherBar *switcher_bar;
  int minimum;

  start_routine ("gentle-relief");
  assert_shows_label ("Knee to Chest");
  assert_shows_label ("Exercise 1 of 3 · Next: Pelvic Tilt");

  /* The right side comes first, drawn as the picture is. */
  wait_for_phase (LIMBER_PHASE_WORK, 0, LIMBER_SIDE_RIGHT);
  g_assert_true (limber_ui_test_spin_until (shows_label_starting_with, "Right side", 10000));
  g_assert_cmpstr (limber_figure_get_exercise (figure), ==, "knee-to-chest");
  g_assert_false (limber_figure_get_mirrored (figure));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (figure)));
  /* Large: at least a third of the window's height. */
  g_assert_true (limber_ui_test_spin_until (figure_is_large, figure, 5000));

  /* The countdown counts, and a screen reader hears it. */
  text = g_strdup (countdown_text ());
  g_assert_cmpstr (text, !=, "");
  g_assert_true (limber_ui_test_spin_until (countdown_differs_from, text, 10000));
  countdown = limber_stretch_player_get_countdown (player ());
  seconds_left = g_strdup_printf (g_str_equal (countdown_text (), "1") ? "%s second left"
                                                                       : "%s seconds left",
                                  countdown_text ());
  gtk_test_accessible_assert_role (countdown, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
  gtk_test_accessible_assert_property (countdown, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, seconds_left);
  gtk_test_accessible_assert_property (figure, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Knee to Chest");

  /* Every control is on screen and found by its name. */
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      GtkWidget *control = limber_ui_test_find_control (GTK_WIDGET (window), controls[i]);

      g_test_message ("control '%s'", controls[i]);
      g_assert_nonnull (control);
      g_assert_true (gtk_widget_get_mapped (control));
      g_assert_true (gtk_widget_is_sensitive (control));
    }
  limber_ui_test_assert_controls_named (GTK_WIDGET (window));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "player");

  /* At phone width the page switcher moves to the bottom, and the player still fits. */
  limber_ui_test_set_width (window, NARROW);
  switcher_bar = ADW_VIEW_SWITCHER_BAR (limber_ui_test_find_of_type (GTK_WIDGET (window),
                                                                      ADW_TYPE_VIEW_SWITCHER_BAR));
  g_assert_nonnull (switcher_bar);
  /* The window moves the switcher right after the allocation that made it narrow. */
  g_assert_true (limber_ui_test_spin_until (switcher_bar_revealed, switcher_bar, 10000));
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, NARROW);
  limber_ui_test_assert_controls_inside (GTK_WINDOW (window), NARROW);
  limber_ui_test_assert_controls_named (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    g_assert_nonnull (limber_ui_test_find_control (GTK_WIDGET (window), controls[i]));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "player-narrow");
  limber_ui_test_set_width (window, 720);
  g_assert_true (limber_ui_test_spin_until (switcher_bar_hidden, switcher_bar, 10000));

  /* The left side is drawn mirrored. */
  wait_for_phase (LIMBER_PHASE_WORK, 0, LIMBER_SIDE_LEFT);
  g_assert_true (limber_ui_test_spin_until (shows_label_starting_with, "Left side", 10000));
  g_assert_cmpstr (limber_figure_get_exercise (figure), ==, "knee-to-chest");
  g_assert_true (limber_figure_get_mirrored (figure));
}

/* Where the player's controls, figure and countdown are, in window coordinates. */
typedef struct
{
  graphene_rect_t rects[7];
} PlayerLayout;

static void
measure_layout (PlayerLayout *layout)
{
  const char *controls[] = { "Previous exercise", "Next exercise", "Stop", "It Hurts" };
  GtkWidget *pause = limber_ui_test_find_control (GTK_WIDGET (window), "Pause");
  GtkWidget *widgets[7];

  if (pause == NULL)
    pause = limber_ui_test_find_control (GTK_WIDGET (window), "Resume");
  g_assert_nonnull (pause);
  widgets[0] = pause;
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      widgets[i + 1] = limber_ui_test_find_control (GTK_WIDGET (window), controls[i]);
      g_assert_nonnull (widgets[i + 1]);
    }
  widgets[5] = GTK_WIDGET (limber_stretch_player_get_figure (player ()));
  widgets[6] = GTK_WIDGET (limber_stretch_player_get_countdown (player ()));

  /* After the frame that shows the new phase has been laid out. */
  limber_ui_test_spin_for (100);
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    g_assert_true (gtk_widget_compute_bounds (widgets[i], GTK_WIDGET (window), &layout->rects[i]));
}

static gboolean
layout_settled (gpointer data)
{
  PlayerLayout *layout = data;
  PlayerLayout now;

  measure_layout (&now);
  if (memcmp (&now, layout, sizeof now) == 0)
    return TRUE;
  *layout = now;
  return FALSE;
}

/* The first look waits for the page's transitions (the switcher bar coming in at phone width,
 * the crossfade to the player) to end. */
static void
measure_settled_layout (PlayerLayout *layout)
{
  measure_layout (layout);
  g_assert_true (limber_ui_test_spin_until (layout_settled, layout, 10000));
}

static void
assert_same_layout (const PlayerLayout *a,
                    const PlayerLayout *b,
                    const char         *when)
{
  g_test_message ("layout: %s", when);
  for (guint i = 0; i < G_N_ELEMENTS (a->rects); i++)
    {
      if (!graphene_rect_equal (&a->rects[i], &b->rects[i]))
        g_test_message ("widget %u moved: %g,%g %g×%g → %g,%g %g×%g", i,
                        a->rects[i].origin.x, a->rects[i].origin.y, a->rects[i].size.width,
                        a->rects[i].size.height, b->rects[i].origin.x, b->rects[i].origin.y,
                        b->rects[i].size.width, b->rects[i].size.height);
      g_assert_true (graphene_rect_equal (&a->rects[i], &b->rects[i]));
    }
}

/* Title, figure, count, instruction and controls keep their places from phase to phase and from
 * exercise to exercise, also at phone width: nothing jumps under a finger or an eye. */
static void
test_layout_steady (void)
{
  for (guint w = 0; w < 2; w++)
    {
      PlayerLayout first, now;

      return_to_routines ();
      if (w == 1)
        limber_ui_test_set_width (window, NARROW);
      start_routine ("gentle-relief");
      wait_for_phase (LIMBER_PHASE_GET_READY, 0, LIMBER_SIDE_RIGHT);
      measure_settled_layout (&first);

      wait_for_phase (LIMBER_PHASE_WORK, 0, LIMBER_SIDE_RIGHT);
      measure_layout (&now);
      assert_same_layout (&first, &now, "hold");

      pause_session ();
      measure_layout (&now);
      assert_same_layout (&first, &now, "paused");
      resume_session ();

      press ("Next exercise");
      wait_for_phase (LIMBER_PHASE_GET_READY, 1, LIMBER_SIDE_NONE);
      measure_layout (&now);
      assert_same_layout (&first, &now, "next exercise");

      wait_for_phase (LIMBER_PHASE_WORK, 1, LIMBER_SIDE_NONE);
      measure_layout (&now);
      assert_same_layout (&first, &now, "reps");

      press ("Next exercise");
      wait_for_phase (LIMBER_PHASE_GET_READY, 2, LIMBER_SIDE_NONE);
      measure_layout (&now);
      assert_same_layout (&first, &now, "last exercise");
      if (w == 1)
        {
          AdwStyleManager *manager = adw_style_manager_get_default ();

          /* At phone width, in dark style too. */
          adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
          limber_ui_test_save_screenshot (GTK_WINDOW (window), "player-narrow-dark");
          pause_session ();
          limber_ui_test_save_screenshot (GTK_WINDOW (window), "player-paused-narrow-dark");
          adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
          resume_session ();
        }
    }
  limber_ui_test_set_width (window, 720);
}

static void
test_inhibit (void)
{
  return_to_routines ();
  assert_idle_inhibited (FALSE);

  /* Someone on the floor cannot touch the screen to keep it on. */
  start_routine ("gentle-relief");
  g_assert_true (limber_stretch_player_get_inhibiting (player ()));
  assert_idle_inhibited (TRUE);
}

static void
test_pause (void)
{
  GtkWidget *button;
  g_autofree char *text = NULL;

  start_routine ("gentle-relief");
  wait_for_phase (LIMBER_PHASE_WORK, 0, LIMBER_SIDE_RIGHT);

  button = limber_ui_test_find_control (GTK_WIDGET (window), "Pause");
  pause_session ();
  g_assert_cmpint (limber_stretch_session_get_state (session ()), ==, LIMBER_SESSION_STATE_PAUSED);

  /* The same button now resumes, and says so. */
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Resume");
  g_assert_true (limber_ui_test_find_control (GTK_WIDGET (window), "Resume") == button);
  g_assert_null (limber_ui_test_find_control (GTK_WIDGET (window), "Pause"));
  g_assert_true (limber_ui_test_spin_until (shows_label_starting_with, "Paused · Right side",
                                            10000));

  /* Time stands still, and the screen may go to sleep. */
  text = g_strdup (countdown_text ());
  limber_ui_test_spin_for (500);
  g_assert_cmpstr (countdown_text (), ==, text);
  g_assert_false (limber_stretch_player_get_inhibiting (player ()));
  assert_idle_inhibited (FALSE);

  resume_session ();
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Pause");
  g_assert_true (limber_ui_test_spin_until (shows_label_starting_with, "Right side", 10000));
  g_assert_true (limber_stretch_player_get_inhibiting (player ()));
  assert_idle_inhibited (TRUE);
  g_assert_true (limber_ui_test_spin_until (countdown_differs_from, text, 10000));
}

static void
test_next_previous (void)
{
  LimberFigure *figure;

  start_routine ("gentle-relief");
  assert_shows_label ("Knee to Chest");

  press ("Next exercise");
  wait_for_phase (LIMBER_PHASE_GET_READY, 1, LIMBER_SIDE_NONE);
  assert_shows_label ("Pelvic Tilt");
  assert_shows_label ("Exercise 2 of 3 · Next: Cat-Cow");
  g_assert_null (limber_ui_test_find_label (GTK_WIDGET (window), "Knee to Chest"));
  figure = limber_stretch_player_get_figure (player ());
  g_assert_cmpstr (limber_figure_get_exercise (figure), ==, "pelvic-tilt");

  /* Once the get-ready is over, the reps are counted. */
  wait_for_phase (LIMBER_PHASE_WORK, 1, LIMBER_SIDE_NONE);
  g_assert_true (limber_ui_test_spin_until (shows_label_starting_with, "Rep ", 10000));
  g_assert_nonnull (limber_ui_test_find_label (GTK_WIDGET (window), "Pelvic Tilt"));

  /* Paused, so that how long each press takes cannot matter: Previous first restarts an exercise
   * that has run for a while, and a second press goes back to the one before. */
  pause_session ();
  press ("Previous exercise");
  wait_for_phase (LIMBER_PHASE_GET_READY, 1, LIMBER_SIDE_NONE);
  assert_shows_label ("Pelvic Tilt");

  press ("Previous exercise");
  wait_for_phase (LIMBER_PHASE_GET_READY, 0, LIMBER_SIDE_RIGHT);
  assert_shows_label ("Knee to Chest");
  assert_shows_label ("Exercise 1 of 3 · Next: Pelvic Tilt");
  g_assert_null (limber_ui_test_find_label (GTK_WIDGET (window), "Pelvic Tilt"));

  /* Skipping around kept the pause. */
  g_assert_cmpint (limber_stretch_session_get_state (session ()), ==, LIMBER_SESSION_STATE_PAUSED);
  resume_session ();
}

static guint
n_suggested (void)
{
  guint n = 0;

  count_suggested (GTK_WIDGET (window), &n);
  return n;
}

static gboolean
n_suggested_is (gpointer n)
{
  return n_suggested () == GPOINTER_TO_UINT (n);
}

static gboolean
is_suggested (gpointer widget)
{
  return gtk_widget_has_css_class (widget, "suggested-action");
}

static gboolean
check_page_at_first_question (gpointer data)
{
  LimberCheckPage *check = limber_window_get_check_page (window);

  return limber_window_get_page (window) == LIMBER_PAGE_CHECK &&
         g_strcmp0 (limber_check_page_get_screen (check), "question") == 0 &&
         limber_check_page_get_question (check) == 0;
}

/* Rates the pain on the finish screen with its button, and waits until it is saved. */
static void
rate_pain (const char *number)
{
  g_autofree char *saved = g_strdup_printf ("Pain %s saved", number);

  press (number);
  g_assert_true (limber_ui_test_spin_until (shows_label, saved, 3000));
}

/* It Hurts ends the session at once; the finish screen says stopping was right, and nothing it
 * suggests leads back into stretching: with strong pain the symptom check is the suggested next
 * step, from its first question. */
static void
test_it_hurts (void)
{
  guint n_records;
  g_autoptr(LimberSessionRecord) record = NULL;
  GtkWidget *check_button, *done_button;
  LimberCheckPage *check = limber_window_get_check_page (window);

  /* A check left part way, on its second question: the button must start a new one. */
  return_to_routines ();
  limber_window_show_page (window, LIMBER_PAGE_CHECK);
  gtk_widget_activate_action (GTK_WIDGET (check), "check.start", NULL);
  gtk_widget_activate_action (GTK_WIDGET (check), "check.answer-no", NULL);
  g_assert_cmpint (limber_check_page_get_question (check), ==, 1);

  start_routine ("gentle-relief");
  n_records = n_sessions ();

  /* In the first hold of knee to chest. */
  wait_for_phase (LIMBER_PHASE_WORK, 0, LIMBER_SIDE_RIGHT);
  press ("It Hurts");
  g_assert_true (limber_ui_test_spin_until (player_screen_is, "finish", 10000));
  g_assert_cmpint (limber_stretch_session_get_state (session ()), ==,
                   LIMBER_SESSION_STATE_FINISHED);
  g_assert_cmpint (limber_stretch_session_get_outcome (session ()), ==,
                   LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN);
  assert_shows_label ("Stopped Because It Hurts");
  g_assert_true (limber_ui_test_spin_until (shows_label_starting_with,
                                            "Stopping was right: a stretch should never hurt.",
                                            2000));
  /* The interrupted exercise is named, and not counted. */
  assert_shows_label ("Stopped during Knee to Chest");
  assert_shows_label ("0 of 3 exercises, under a minute");
  check_button = limber_ui_test_find_button (GTK_WIDGET (window), "Check Your Symptoms");
  done_button = limber_ui_test_find_button (GTK_WIDGET (window), "Back to Routines");
  g_assert_nonnull (check_button);
  g_assert_nonnull (done_button);
  g_assert_true (gtk_widget_get_visible (check_button));
  /* The session's controls are gone once the screens have crossfaded. */
  g_assert_true (limber_ui_test_spin_until (shows_no_control, "Pause", 10000));

  /* Not rated yet, or rated below 7: no button is suggested, Back to Routines least of all. */
  g_assert_cmpuint (n_suggested (), ==, 0);
  rate_pain ("3");
  g_assert_true (limber_ui_test_spin_until (n_suggested_is, GUINT_TO_POINTER (0), 2000));
  g_assert_false (is_suggested (done_button));
  g_assert_false (is_suggested (check_button));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "finish-pain");

  /* Rated 8: the symptom check is the one suggested step. */
  rate_pain ("8");
  g_assert_true (limber_ui_test_spin_until (is_suggested, check_button, 2000));
  g_assert_cmpuint (n_suggested (), ==, 1);
  g_assert_false (is_suggested (done_button));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "finish-pain-strong");

  /* The session is in this run's history, as stopped for pain, with nothing completed. */
  g_assert_cmpuint (n_sessions (), ==, n_records + 1);
  record = session_at (n_records);
  g_assert_cmpint (limber_session_record_get_id (record), ==,
                   limber_session_record_get_id (limber_stretch_player_get_record (player ())));
  g_assert_cmpstr (limber_session_record_get_routine_id (record), ==, "gentle-relief");
  g_assert_cmpstr (limber_session_outcome_to_string (limber_session_record_get_outcome (record)),
                   ==, "stopped-for-pain");
  g_assert_cmpuint (limber_session_record_get_exercises_completed (record), ==, 0);
  g_assert_cmpint (limber_session_record_get_pain_after (record), ==, 8);
  /* The journal, read back from the file, says where it stopped, as the screen does. */
  g_assert_cmpstr (limber_session_record_get_stopped_exercise (record), ==, "knee-to-chest");

  g_assert_false (limber_stretch_player_get_inhibiting (player ()));
  assert_idle_inhibited (FALSE);
  limber_ui_test_assert_controls_named (GTK_WIDGET (window));

  /* Check Your Symptoms opens the symptom check at its first question. */
  press ("Check Your Symptoms");
  g_assert_true (limber_ui_test_spin_until (check_page_at_first_question, NULL, 10000));
  assert_shows_label ("Question 1 of 12");
}

static gboolean
in_second_rep (gpointer data)
{
  const LimberPhase *phase = limber_stretch_session_get_phase (session ());

  return limber_stretch_session_get_state (session ()) != LIMBER_SESSION_STATE_FINISHED &&
         phase->kind == LIMBER_PHASE_WORK && phase->rep >= 2;
}

/* A session stopped after a completed rep does not count the exercise as done ("1 of 3" was
 * said before): it says where it stopped instead. */
static void
test_finish_counts (void)
{
  return_to_routines ();
  start_routine ("core-strength");
  g_assert_true (limber_ui_test_spin_until (in_second_rep, NULL, 10000));

  press ("Stop");
  g_assert_true (limber_ui_test_spin_until (player_screen_is, "finish", 10000));
  assert_shows_label ("Session Stopped");
  assert_shows_label ("0 of 3 exercises, under a minute");
  assert_shows_label ("Stopped during Pelvic Tilt");
  g_assert_null (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window), "1 of 3"));
  /* A plain stop, no pain: back to the routines is the suggested step, as before. */
  g_assert_true (is_suggested (limber_ui_test_find_button (GTK_WIDGET (window),
                                                           "Back to Routines")));

  /* The journal keeps what the screen says, so Progress agrees with it. */
  {
    g_autoptr(LimberSessionRecord) last = session_at (n_sessions () - 1);

    g_assert_cmpstr (limber_session_record_get_routine_id (last), ==, "core-strength");
    g_assert_cmpuint (limber_session_record_get_exercises_completed (last), ==, 0);
    g_assert_cmpuint (limber_session_record_get_n_exercises (last), ==, 3);
    g_assert_cmpint (limber_session_record_get_outcome (last), ==, LIMBER_SESSION_OUTCOME_STOPPED);
    g_assert_cmpstr (limber_session_record_get_stopped_exercise (last), ==, "pelvic-tilt");
  }
}

static void
test_unknown_routine (void)
{
  return_to_routines ();

  g_test_expect_message ("Limber", G_LOG_LEVEL_MESSAGE, "There is no routine “nope”");
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                  g_variant_new_string ("nope"));
  g_test_assert_expected_messages ();

  g_assert_true (limber_ui_test_spin_until (shows_label_containing,
                                            "There is no routine “nope”", 10000));
  g_assert_cmpint (limber_window_get_page (window), ==, LIMBER_PAGE_STRETCH);
  g_assert_cmpstr (limber_stretch_page_get_screen (stretch_page ()), ==, "routines");
  assert_idle_inhibited (FALSE);

  /* Dismissed, so that the next toast is not queued behind it. */
  dismiss_toast ();
}

/* The user's routine folder, where the loader reads routine files. */
static char *
user_routine (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "limber", "routines", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static void
reload_routines (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "limber", "routines", NULL);

  limber_catalog_reload_user_dir (limber_application_get_catalog (app), dir);
}

/* A name and a description as long as the loader allows, with no space to wrap at, still fit a
 * phone: they wrap inside the word. (A 1,500-character name made the window 16,666 px wide, and
 * 3,000 characters crashed the app with X's BadAlloc; the loader now refuses those.) */
static void
test_long_name (void)
{
  g_autofree char *good = user_routine ("long-name.json");
  g_autofree char *bad = user_routine ("huge-name.json");
  g_autofree char *name = g_strnfill (80, 'W');
  g_autofree char *description = g_strnfill (300, 'M');
  g_autofree char *huge = g_strnfill (3000, 'W');
  g_autofree char *text = NULL;
  g_autofree char *huge_text = NULL;
  g_autofree char *skipped = NULL;
  int minimum;

  text = g_strdup_printf ("{ \"id\": \"long-name\", \"name\": \"%s\", \"description\": \"%s\", "
                          "\"steps\": [{ \"exercise\": \"bridge\" }] }", name, description);
  g_assert_true (g_file_set_contents (good, text, -1, NULL));
  huge_text = g_strdup_printf ("{ \"id\": \"huge-name\", \"name\": \"%s\", "
                               "\"steps\": [{ \"exercise\": \"bridge\" }] }", huge);
  g_assert_true (g_file_set_contents (bad, huge_text, -1, NULL));

  skipped = g_strdup_printf ("Skipping routine file %s: *", bad);
  g_test_expect_message ("Limber", G_LOG_LEVEL_WARNING, skipped);
  reload_routines ();
  g_test_assert_expected_messages ();
  g_assert_null (limber_catalog_find_routine (limber_application_get_catalog (app), "huge-name"));

  return_to_routines ();
  assert_shows_label (name);
  assert_shows_label (description);
  limber_ui_test_set_width (window, NARROW);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, NARROW);
  limber_ui_test_assert_controls_inside (GTK_WINDOW (window), NARROW);
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "routine-long-name-narrow");
  limber_ui_test_set_width (window, 720);

  g_assert_cmpint (g_unlink (good), ==, 0);
  g_assert_cmpint (g_unlink (bad), ==, 0);
  reload_routines ();
}

/* A routine of six exercises shows the first four stills and "+2"; a screen reader hears all
 * six names. */
static void
test_strip_more (void)
{
  LimberRoutine *daily = limber_catalog_find_routine (limber_application_get_catalog (app),
                                                      "daily-mobility");
  LimberExercise *plank = limber_routine_get_step_exercise (daily, 4);
  g_autoptr(LimberRoutine) routine = limber_routine_new ("six", "Six", "", NULL);
  g_autoptr(LimberExercise) extra = NULL;
  GtkWidget *card, *strip, *child;
  guint figures = 0;

  g_assert_cmpstr (limber_exercise_get_id (plank), ==, "plank");
  extra = limber_exercise_new ("side-plank", "Side Plank", "", "", "plank",
                               limber_exercise_get_mode (plank), limber_exercise_get_sides (plank),
                               FALSE, limber_exercise_get_timing (plank));
  for (guint i = 0; i < limber_routine_get_n_steps (daily); i++)
    limber_routine_add_step (routine, limber_routine_get_step_exercise (daily, i),
                             limber_routine_get_step_timing (daily, i));
  limber_routine_add_step (routine, extra, limber_exercise_get_timing (extra));

  card = g_object_ref_sink (limber_routine_card_new (routine, 20 * G_USEC_PER_SEC, FALSE, FALSE));
  strip = limber_routine_card_get_strip (LIMBER_ROUTINE_CARD (card));
  for (child = gtk_widget_get_first_child (strip); LIMBER_IS_FIGURE (child);
       child = gtk_widget_get_next_sibling (child))
    figures++;
  g_assert_cmpuint (figures, ==, LIMBER_ROUTINE_CARD_MAX_FIGURES - 1);
  g_assert_true (GTK_IS_LABEL (child));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child)), ==, "+2");
  g_assert_null (gtk_widget_get_next_sibling (child));
  gtk_test_accessible_assert_property (strip, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Knee to Chest, Cat-Cow, Pelvic Tilt, Bridge, Plank, "
                                       "Side Plank");
  g_assert_finalize_object (card);
}

static gboolean
is_popover_mapped (gpointer popover)
{
  return gtk_widget_get_mapped (popover);
}

static void
collect_labels (GtkWidget *widget,
                GString   *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    g_string_append_printf (labels, "%s%s", labels->len > 0 ? " " : "",
                            gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* Opens the menu of the card for @id as a user would, and returns its popover. */
static GtkWidget *
open_card_menu (const char *id)
{
  GtkWidget *button = find_card_control (id, GTK_TYPE_MENU_BUTTON);
  GtkWidget *popover;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (limber_ui_test_spin_until (is_popover_mapped, popover, 10000));
  return popover;
}

/* The items the card's menu shows, in order, as "Edit Duplicate Delete". */
static char *
card_menu_items (const char *id)
{
  GtkWidget *popover = open_card_menu (id);
  g_autoptr(GString) labels = g_string_new (NULL);

  collect_labels (popover, labels);
  gtk_popover_popdown (GTK_POPOVER (popover));
  return g_string_free (g_steal_pointer (&labels), FALSE);
}

static gboolean
catalog_has (gpointer id)
{
  return limber_catalog_find_routine (limber_application_get_catalog (app), id) != NULL;
}

static gboolean
catalog_lacks (gpointer id)
{
  return !catalog_has (id);
}

/* The card's menu: Edit, Duplicate and, last, Delete for the user's own routine; only Duplicate
 * for a built-in one. Delete from the menu keeps its toast and Undo. */
static void
test_card_menu (void)
{
  g_autofree char *path = user_routine ("card-menu.json");
  g_autofree char *items = NULL;
  GtkWidget *popover, *delete_label;

  g_assert_true (g_file_set_contents (path, "{ \"id\": \"card-menu\", \"name\": \"Card menu\", "
                                      "\"steps\": [{ \"exercise\": \"bridge\" }, "
                                      "{ \"exercise\": \"plank\" }, "
                                      "{ \"exercise\": \"bridge\" }] }", -1, NULL));
  reload_routines ();
  return_to_routines ();
  g_assert_true (limber_ui_test_spin_until (shows_card, "card-menu", 10000));

  items = card_menu_items ("card-menu");
  g_assert_cmpstr (items, ==, "Edit Duplicate Delete");
  g_clear_pointer (&items, g_free);
  items = card_menu_items ("gentle-relief");
  g_assert_cmpstr (items, ==, "Duplicate");
  g_clear_pointer (&items, g_free);

  /* Repeats show once: a strip of distinct exercises. */
  items = strip_exercises (find_card ("card-menu"));
  g_assert_cmpstr (items, ==, "bridge plank");

  popover = open_card_menu ("card-menu");
  delete_label = limber_ui_test_find_label (popover, "Delete");
  g_assert_nonnull (delete_label);
  g_assert_true (gtk_widget_activate (gtk_widget_get_parent (delete_label)));
  g_assert_true (limber_ui_test_spin_until (catalog_lacks, "card-menu", 10000));
  g_assert_true (limber_ui_test_spin_until (shows_no_card, "card-menu", 10000));
  assert_shows_label ("Routine deleted");
  gtk_widget_activate_action (GTK_WIDGET (stretch_page ()), "stretch.undo-delete", NULL);
  g_assert_true (limber_ui_test_spin_until (shows_card, "card-menu", 10000));
  dismiss_toast_and_wait ();

  g_assert_cmpint (g_unlink (path), ==, 0);
  reload_routines ();
  g_assert_true (limber_ui_test_spin_until (shows_no_card, "card-menu", 10000));
}

static gboolean
shows_first_days (gpointer data)
{
  return limber_ui_test_find_label (GTK_WIDGET (window), "Safe in the first days") != NULL;
}

static gboolean
shows_no_first_days (gpointer data)
{
  return !shows_first_days (NULL);
}

/* "Safe in the first days" is said only while an episode is under way. */
static void
test_first_days_label (void)
{
  LimberCarePlan *plan = limber_application_get_care_plan (app);
  g_autoptr(GError) error = NULL;

  return_to_routines ();
  g_assert_cmpint (limber_care_plan_get_phase (plan), ==, LIMBER_CARE_PHASE_PREVENTION);
  g_assert_true (shows_no_first_days (NULL));

  g_assert_cmpint (limber_care_plan_start_episode (plan, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (limber_ui_test_spin_until (shows_first_days, NULL, 10000));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "routine-cards-episode");

  g_assert_true (limber_care_plan_end_episode (plan, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (limber_ui_test_spin_until (shows_no_first_days, NULL, 10000));
}

static gboolean
shows_blocked (gpointer data)
{
  return shows_label ("Get Help First");
}

static gboolean
window_page_is (gpointer page)
{
  return limber_window_get_page (window) == (LimberPage) GPOINTER_TO_INT (page);
}

/* While a check's emergency signs stand, the page says to get help first, with Check Again:
 * no routines, no New Routine, no Import. A check without signs brings the list back. */
static void
test_blocked (void)
{
  return_to_routines ();
  limber_ui_test_add_check (limber_application_get_journal (app),
                            LIMBER_TRIAGE_OUTCOME_EMERGENCY);
  g_assert_true (limber_ui_test_spin_until (shows_blocked, NULL, 10000));
  g_assert_true (limber_ui_test_spin_until (shows_label_containing,
                                            (gpointer) "Get help first; stretches can wait", 10000));
  g_assert_null (limber_ui_test_find_of_type (GTK_WIDGET (window), LIMBER_TYPE_ROUTINE_CARD));
  g_assert_null (limber_ui_test_find_control (GTK_WIDGET (window), "New Routine"));
  g_assert_null (limber_ui_test_find_control (GTK_WIDGET (window), "Import…"));
  g_assert_nonnull (limber_ui_test_find_control (GTK_WIDGET (window), "Check Again"));
  limber_ui_test_assert_controls_named (GTK_WIDGET (window));

  limber_ui_test_set_width (window, NARROW);
  limber_ui_test_assert_controls_inside (GTK_WINDOW (window), NARROW);
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "stretch-blocked-narrow");
  limber_ui_test_set_width (window, 720);

  /* Check Again opens the check. */
  limber_ui_test_activate (limber_ui_test_find_control (GTK_WIDGET (window), "Check Again"));
  g_assert_true (limber_ui_test_spin_until (window_page_is, GINT_TO_POINTER (LIMBER_PAGE_CHECK), 10000));

  limber_ui_test_add_check (limber_application_get_journal (app),
                            LIMBER_TRIAGE_OUTCOME_SELF_CARE);
  limber_window_show_page (window, LIMBER_PAGE_STRETCH);
  g_assert_true (limber_ui_test_spin_until (shows_card, "gentle-relief", 10000));
  g_assert_false (shows_blocked (NULL));
  g_assert_nonnull (limber_ui_test_find_control (GTK_WIDGET (window), "New Routine"));
}

/* An unknown id of 20,000 characters over D-Bus froze the app for 17 s laying out its toast: it
 * is cut as --routine cuts it, in the toast and in the log. */
static void
test_unknown_routine_huge (void)
{
  g_autofree char *id = g_strnfill (20000, 'x');
  g_autofree char *cut = g_strnfill (80, 'x');
  g_autofree char *message = g_strdup_printf ("There is no routine “%s…”", cut);

  return_to_routines ();

  g_test_expect_message ("Limber", G_LOG_LEVEL_MESSAGE, message);
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                  g_variant_new_string (id));
  g_test_assert_expected_messages ();

  g_assert_true (limber_ui_test_spin_until (shows_label, message, 10000));
  dismiss_toast ();
}

static gboolean
shows_flood_toast (gpointer unused)
{
  return limber_ui_test_find_label_containing (GTK_WIDGET (window), "“flood-") != NULL;
}

/* 300 unknown ids at once: their toasts would have queued for 40 minutes, and a message about
 * the user's records after them would have waited as long. That message comes at once, and of
 * the flood only the newest few are left to show. */
static void
test_unknown_routine_flood (void)
{
  guint shown = 0;

  return_to_routines ();

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("flood-%03u", i);
      g_autofree char *message = g_strdup_printf ("There is no routine “%s”", id);

      g_test_expect_message ("Limber", G_LOG_LEVEL_MESSAGE, message);
      g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                      g_variant_new_string (id));
    }
  g_test_assert_expected_messages ();

  limber_window_add_toast (window, "News about your records");
  g_assert_true (limber_ui_test_spin_until (shows_label, "News about your records", 10000));
  dismiss_toast_and_wait ();

  /* What is left of the flood: its last two, each closed as it comes. */
  while (limber_ui_test_spin_until (shows_flood_toast, NULL, 5000))
    {
      g_assert_true (shows_label_containing ("“flood-298”") ||
                     shows_label_containing ("“flood-299”"));
      shown++;
      g_assert_cmpuint (shown, <=, 2);
      dismiss_toast_and_wait ();
    }
  g_assert_cmpuint (shown, >=, 1);
}

/* An id is shown as it was given, not read as markup: "&" alone is invalid markup, and "<b>"
 * would make the rest bold. */
static void
test_unknown_routine_markup (void)
{
  return_to_routines ();

  g_test_expect_message ("Limber", G_LOG_LEVEL_MESSAGE, "There is no routine “a&b <b>c</b>”");
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                  g_variant_new_string ("a&b <b>c</b>"));
  g_test_assert_expected_messages ();

  g_assert_true (limber_ui_test_spin_until (shows_label_containing,
                                            "There is no routine “a&b <b>c</b>”", 10000));
  dismiss_toast ();
}

/* The player's keys work wherever focus is: they are captured before the focused button. */
static void
test_keys (void)
{
  static const struct {
    const char *trigger;
    const char *action;
  } keys[] = {
    { "space", "player.toggle-pause" },
    { "Left", "player.previous" },
    { "Right", "player.next" },
    { "Escape", "player.stop" },
  };
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (player ()));
  GtkShortcutController *shortcuts = NULL;

  return_to_routines ();
  start_routine ("gentle-relief");

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) ==
          GTK_PHASE_CAPTURE)
        shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
    }
  g_assert_nonnull (shortcuts);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shortcuts)), ==, G_N_ELEMENTS (keys));

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), i);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (trigger, keys[k].trigger) && GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                           keys[k].action))
            found = TRUE;
        }
      g_assert_true (found);
    }

  /* Space pauses and resumes, through the shortcut itself. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), i);
      g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

      if (!g_str_equal (trigger, "space"))
        continue;

      g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                   GTK_WIDGET (player ()), NULL));
      g_assert_true (limber_ui_test_spin_until (state_is,
                                                GINT_TO_POINTER (LIMBER_SESSION_STATE_PAUSED),
                                                10000));
      g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                   GTK_WIDGET (player ()), NULL));
      g_assert_true (limber_ui_test_spin_until (is_running, NULL, 10000));
    }
}

/* An audio output that cannot work is said once, and the session goes on without sound. */
static void
test_no_sound (void)
{
  return_to_routines ();

  g_setenv ("LIMBER_AUDIO_SINK", "nosuchsink", TRUE);
  start_routine ("gentle-relief");
  g_setenv ("LIMBER_AUDIO_SINK", "fakesink sync=false", TRUE);

  g_assert_true (limber_ui_test_spin_until (shows_label_containing, "No sound:", 10000));
  g_assert_true (limber_ui_test_spin_until (shows_label_containing,
                                            "The session goes on silently.", 10000));
  g_assert_true (limber_stretch_session_is_running (session ()));
  assert_idle_inhibited (TRUE);

  /* Said on the player, not in a toast that would cover its controls at phone width; and the
   * controls stay where they are. */
  {
    GtkWidget *notice = limber_ui_test_find_label_containing (GTK_WIDGET (window), "No sound:");
    GtkWidget *hurts = limber_ui_test_find_control (GTK_WIDGET (window), "It Hurts");
    graphene_rect_t notice_box, hurts_box;

    g_assert_false (limber_ui_test_is_inside_toast (notice));
    limber_ui_test_set_width (window, 360);
    g_assert_true (gtk_widget_compute_bounds (notice, GTK_WIDGET (window), &notice_box));
    g_assert_true (gtk_widget_compute_bounds (hurts, GTK_WIDGET (window), &hurts_box));
    g_assert_false (graphene_rect_intersection (&notice_box, &hurts_box, NULL));
    limber_ui_test_save_screenshot (GTK_WINDOW (window), "player-no-sound-narrow");
    limber_ui_test_set_width (window, 720);
  }
}

/* Every button shown in @root is a target a finger on the floor can hit: 44 × 44 px at least. */
static guint
assert_targets_large (GtkWidget *root,
                      GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;

  if (GTK_IS_BUTTON (widget))
    {
      graphene_rect_t box;
      g_autofree char *name = limber_ui_test_button_text (widget);

      g_assert_true (gtk_widget_compute_bounds (widget, root, &box));
      g_test_message ("button '%s': %g × %g", name, box.size.width, box.size.height);
      g_assert_cmpfloat (box.size.width, >=, 44);
      g_assert_cmpfloat (box.size.height, >=, 44);
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_targets_large (root, child);

  return n;
}

/* The rating chosen is pressed, in the accent colour, named to a screen reader and said aloud;
 * no other is pressed. */
static void
assert_rating_chosen (LimberPainScale *scale,
                      int              pain,
                      const char      *said)
{
  g_autofree char *description = g_strdup_printf ("%d chosen", pain);

  g_assert_cmpint (limber_pain_scale_get_value (scale), ==, pain);
  for (int i = 0; i <= 10; i++)
    {
      GtkWidget *button = GTK_WIDGET (limber_pain_scale_get_button (scale, i));

      g_assert_cmpint (gtk_widget_has_css_class (button, "accent"), ==, i == pain);
      g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)), ==, i == pain);
      gtk_test_accessible_assert_state (button, GTK_ACCESSIBLE_STATE_PRESSED,
                                        i == pain ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                  : GTK_ACCESSIBLE_TRISTATE_FALSE);
      /* Not the suggested action: that is the screen's one next step. */
      g_assert_false (gtk_widget_has_css_class (button, "suggested-action"));
    }
  gtk_test_accessible_assert_property (scale, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_cmpstr (limber_stretch_player_get_said (player ()), ==, said);
}

static guint
n_spoken (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  if (!g_file_get_contents (cue_log, &text, NULL, NULL))
    return 0;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], "speech ");
  return n;
}

static gboolean
more_spoken_than (gpointer n)
{
  return n_spoken () > GPOINTER_TO_UINT (n);
}

static gboolean
pain_before_is (gpointer pain)
{
  LimberPainScale *scale = limber_stretch_player_get_pain_before_scale (player ());

  return limber_pain_scale_get_value (scale) == GPOINTER_TO_INT (pain);
}

static gboolean
finish_is_laid_out (gpointer data)
{
  GtkWidget *done = limber_ui_test_find_button (GTK_WIDGET (window), "Back to Routines");

  return done != NULL && gtk_widget_get_height (done) > 0;
}

/* The finish screen laid out, and the session's screen gone: the player's crossfade between
 * them is over (a busy machine draws it late). */
static gboolean
finish_alone (gpointer data)
{
  return finish_is_laid_out (NULL) &&
         limber_ui_test_find_of_type (GTK_WIDGET (player ()), LIMBER_TYPE_SESSION_VIEW) == NULL;
}

/* At a phone's width: the pain before the session is asked while getting ready, not on the
 * Stretch page; every button of the player and the finish screen is 44 × 44 px or more; the
 * rating chosen is in the accent colour and read out. */
static void
test_targets_narrow (void)
{
  LimberPainScale *before = limber_stretch_player_get_pain_before_scale (player ());
  LimberPainScale *after;
  LimberSessionRecord *record;

  return_to_routines ();
  limber_ui_test_set_width (window, NARROW);
  g_assert_null (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window), "Pain Before"));
  g_assert_null (limber_ui_test_find_of_type (GTK_WIDGET (stretch_page ()), ADW_TYPE_COMBO_ROW));

  start_routine ("gentle-relief");
  pause_session ();
  wait_for_phase (LIMBER_PHASE_GET_READY, 0, LIMBER_SIDE_RIGHT);
  g_assert_true (limber_ui_test_spin_until (shows_label, "How is your pain before you start?",
                                            5000));
  g_assert_cmpint (limber_pain_scale_get_value (before), ==, LIMBER_PAIN_UNSET);
  limber_ui_test_spin_for (400);
  g_assert_cmpuint (assert_targets_large (GTK_WIDGET (window), GTK_WIDGET (player ())), >=, 11 + 5);
  limber_ui_test_assert_controls_inside (GTK_WINDOW (window), NARROW);
  press ("4");
  /* A button's activation lands a moment later, as a click does. */
  g_assert_true (limber_ui_test_spin_until (pain_before_is, GINT_TO_POINTER (4), 3000));
  assert_rating_chosen (before, 4, "Pain 4");
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "player-pain-before-narrow");

  /* Asked only while getting ready: the move and its instruction take the place after. */
  resume_session ();
  wait_for_phase (LIMBER_PHASE_WORK, 0, LIMBER_SIDE_RIGHT);
  g_assert_true (limber_ui_test_spin_until (shows_no_control, "4", 5000));

  /* The finish screen at its fullest: with Check Your Symptoms too. */
  press ("It Hurts");
  g_assert_true (limber_ui_test_spin_until (player_screen_is, "finish", 10000));
  g_assert_true (limber_ui_test_spin_until (finish_alone, NULL, 10000));
  g_assert_cmpuint (assert_targets_large (GTK_WIDGET (window), GTK_WIDGET (player ())), ==, 11 + 2);
  limber_ui_test_assert_controls_inside (GTK_WINDOW (window), NARROW);

  after = limber_session_finish_get_pain_scale (limber_stretch_player_get_finish (player ()));
  g_assert_cmpint (limber_pain_scale_get_value (after), ==, LIMBER_PAIN_UNSET);
  {
    guint spoken = n_spoken ();

    rate_pain ("7");
    assert_rating_chosen (after, 7, "Pain 7 saved");
    /* Heard, not only handed over: the session's sound had stopped, and the voice says it. */
    g_assert_true (limber_ui_test_spin_until (more_spoken_than, GUINT_TO_POINTER (spoken),
                                              15000));
  }
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "finish-rated-narrow");

  /* Both ratings in the session's record. */
  record = limber_stretch_player_get_record (player ());
  g_assert_cmpint (limber_session_record_get_pain_before (record), ==, 4);
  g_assert_cmpint (limber_session_record_get_pain_after (record), ==, 7);

  limber_ui_test_set_width (window, 720);
  return_to_routines ();
}

static gboolean
shows_paused (gpointer data)
{
  GtkWidget *paused = limber_ui_test_find_label (GTK_WIDGET (window), "Paused");

  return paused != NULL && gtk_widget_get_width (paused) > 0;
}

/* The label of the side and round that is shown, whole: at a phone's width the short form. */
static GtkLabel *
shown_position (void)
{
  GtkWidget *squeezer = limber_ui_test_find_of_type (GTK_WIDGET (player ()), ADW_TYPE_SQUEEZER);
  GtkWidget *shown;

  g_assert_nonnull (squeezer);
  shown = adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer));
  g_assert_true (GTK_IS_LABEL (shown));
  return GTK_LABEL (shown);
}

/* Paused at a phone's width: Paused overlaps neither the ring nor anything else on the figure,
 * the ring is dimmed with the figure, and the subtitle is shown whole. */
static void
test_paused_narrow (void)
{
  LimberCountdown *countdown = limber_stretch_player_get_countdown (player ());
  GtkWidget *paused;
  graphene_rect_t paused_box, ring_box;
  PangoLayout *layout;

  return_to_routines ();
  limber_ui_test_set_width (window, NARROW);
  start_routine ("gentle-relief");
  wait_for_phase (LIMBER_PHASE_WORK, 0, LIMBER_SIDE_RIGHT);
  g_assert_false (limber_countdown_get_dimmed (countdown));
  pause_session ();
  g_assert_true (limber_ui_test_spin_until (shows_paused, NULL, 5000));
  limber_ui_test_spin_for (400);

  paused = limber_ui_test_find_label (GTK_WIDGET (window), "Paused");
  g_assert_true (gtk_widget_compute_bounds (paused, GTK_WIDGET (window), &paused_box));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (countdown), GTK_WIDGET (window),
                                            &ring_box));
  g_test_message ("Paused %g,%g %g×%g; ring %g,%g %g×%g", paused_box.origin.x,
                  paused_box.origin.y, paused_box.size.width, paused_box.size.height,
                  ring_box.origin.x, ring_box.origin.y, ring_box.size.width, ring_box.size.height);
  g_assert_false (graphene_rect_intersection (&paused_box, &ring_box, NULL));
  g_assert_true (limber_countdown_get_dimmed (countdown));
  g_assert_true (limber_figure_get_dimmed (limber_stretch_player_get_figure (player ())));

  /* Not cut: the form that fits is shown, in the short form at this width if need be. */
  layout = gtk_label_get_layout (shown_position ());
  g_test_message ("subtitle: %s", gtk_label_get_label (shown_position ()));
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (shown_position ())), <=, NARROW);
  /* The short form, for where the long one would not fit, without Paused (said on the figure). */
  {
    GtkWidget *squeezer = limber_ui_test_find_of_type (GTK_WIDGET (player ()), ADW_TYPE_SQUEEZER);
    GtkWidget *brief = gtk_widget_get_last_child (squeezer);

    g_assert_true (GTK_IS_LABEL (brief));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (brief)), ==, "Right · Round 1/2");
  }
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "player-paused-narrow");

  resume_session ();
  g_assert_false (limber_countdown_get_dimmed (countdown));
  limber_ui_test_set_width (window, 720);
  return_to_routines ();
}

static void
test_complete (void)
{
  g_autoptr(LimberSessionRecord) last = NULL;
  LimberSessionRecord *record;
  guint n_steps;
  GtkWidget *three;

  return_to_routines ();
  assert_start_buttons ();

  press ("Start Core Strength");
  g_assert_true (limber_ui_test_spin_until (stretch_screen_is, "player", 10000));
  g_assert_cmpstr (limber_routine_get_id (limber_stretch_session_get_routine (session ())), ==,
                   "core-strength");
  assert_shows_label ("Pelvic Tilt");

  n_steps = limber_routine_get_n_steps (limber_stretch_session_get_routine (session ()));
  for (guint step = 1; step < n_steps; step++)
    {
      press ("Next exercise");
      wait_for_phase (LIMBER_PHASE_GET_READY, step, LIMBER_SIDE_NONE);
    }
  assert_shows_label ("Plank");
  assert_shows_label ("Exercise 3 of 3 · Last exercise");
  press ("Next exercise");

  g_assert_true (limber_ui_test_spin_until (player_screen_is, "finish", 10000));
  g_assert_cmpint (limber_stretch_session_get_outcome (session ()), ==,
                   LIMBER_SESSION_OUTCOME_COMPLETED);
  /* Every exercise was skipped, so there is nothing to praise: no success colour either. */
  assert_shows_label ("Session Ended");
  {
    GtkWidget *status = limber_ui_test_find_of_type (GTK_WIDGET (limber_stretch_player_get_finish (player ())),
                                                     ADW_TYPE_STATUS_PAGE);

    g_assert_false (gtk_widget_has_css_class (status, "limber-well-done"));
    g_assert_true (gtk_widget_has_css_class (status, "limber-stopped"));
  }
  assert_shows_label ("0 of 3 exercises, under a minute");
  /* Ended with Next, not stopped: no exercise was interrupted. */
  g_assert_null (limber_ui_test_find_label_with_prefix (GTK_WIDGET (window), "Stopped during"));
  g_assert_null (limber_ui_test_find_button (GTK_WIDGET (window), "Check Your Symptoms"));
  assert_idle_inhibited (FALSE);

  /* The pain rating is saved into the session's record, once. */
  record = limber_stretch_player_get_record (player ());
  g_assert_nonnull (record);
  last = session_at (n_sessions () - 1);
  g_assert_cmpint (limber_session_record_get_id (record), ==, limber_session_record_get_id (last));
  g_assert_cmpint (limber_session_record_get_pain_after (record), ==, LIMBER_PAIN_UNSET);

  /* The rating is a row of buttons, none chosen, with words at the ends; no slider. */
  g_assert_null (limber_ui_test_find_of_type (GTK_WIDGET (window), GTK_TYPE_SCALE));
  g_assert_nonnull (limber_ui_test_find_control (GTK_WIDGET (window), "0, no pain"));
  g_assert_nonnull (limber_ui_test_find_control (GTK_WIDGET (window), "10, worst pain"));
  assert_shows_label ("No pain");
  assert_shows_label ("Worst pain");
  assert_shows_label ("Not rated yet");
  three = press ("3");
  g_assert_true (GTK_IS_TOGGLE_BUTTON (three));
  g_assert_true (limber_ui_test_spin_until (shows_label, "Pain 3 saved", 10000));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (three)));
  gtk_test_accessible_assert_state (three, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE);
  g_assert_cmpint (limber_session_record_get_pain_after (record), ==, 3);
  /* In the journal too, not only on screen. */
  g_clear_object (&last);
  last = session_at (n_sessions () - 1);
  g_assert_cmpint (limber_session_record_get_pain_after (last), ==, 3);
  limber_ui_test_assert_controls_named (GTK_WIDGET (window));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "finish");

  press ("Back to Routines");
  g_assert_true (limber_ui_test_spin_until (stretch_screen_is, "routines", 10000));
  assert_start_buttons ();
  limber_ui_test_assert_controls_named (GTK_WIDGET (window));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "routines");
}

/* The "End This Session?" question while it is shown, found as a user sees it: a window. */
static GtkWidget *
end_dialog (void)
{
  return GTK_WIDGET (limber_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
has_end_dialog (gpointer data)
{
  return end_dialog () != NULL &&
         gtk_widget_get_mapped (end_dialog ());
}

static gboolean
has_no_end_dialog (gpointer data)
{
  return end_dialog () == NULL;
}

/* Presses a response of "End This Session?" by its label, as a screen reader user would. */
static void
answer_end_dialog (const char *label)
{
  GtkWidget *dialog = end_dialog ();
  GtkWidget *button;

  g_assert_nonnull (dialog);
  limber_ui_test_assert_controls_named (dialog);
  button = limber_ui_test_find_control (dialog, label);
  g_assert_nonnull (button);
  limber_ui_test_activate (button);
  g_assert_true (limber_ui_test_spin_until (has_no_end_dialog, NULL, 10000));
}

/* Leaving the Stretch page through the view switcher during a session asks first. */
static void
test_switch_page (void)
{
  guint n_records;

  return_to_routines ();
  start_routine ("gentle-relief");
  n_records = n_sessions ();

  limber_window_show_page (window, LIMBER_PAGE_TODAY);
  g_assert_true (limber_ui_test_spin_until (has_end_dialog, NULL, 10000));
  g_assert_cmpint (limber_window_get_page (window), ==, LIMBER_PAGE_STRETCH);
  g_assert_cmpint (limber_stretch_session_get_state (session ()), ==, LIMBER_SESSION_STATE_PAUSED);
  assert_shows_label ("Paused");
  g_assert_true (limber_figure_get_dimmed (limber_stretch_player_get_figure (player ())));
  limber_ui_test_save_screenshot (GTK_WINDOW (end_dialog ()),
                                  "end-session");

  /* Keep Going resumes, and nothing was recorded. */
  answer_end_dialog ("Keep Going");
  g_assert_true (limber_ui_test_spin_until (is_running, NULL, 10000));
  g_assert_cmpint (limber_window_get_page (window), ==, LIMBER_PAGE_STRETCH);
  g_assert_cmpuint (n_sessions (), ==, n_records);

  /* End Session ends it, recorded as stopped, and goes where the user was going. */
  limber_window_show_page (window, LIMBER_PAGE_PROGRESS);
  g_assert_true (limber_ui_test_spin_until (has_end_dialog, NULL, 10000));
  answer_end_dialog ("End Session");
  g_assert_cmpint (limber_window_get_page (window), ==, LIMBER_PAGE_PROGRESS);
  g_assert_cmpint (limber_stretch_session_get_outcome (session ()), ==, LIMBER_SESSION_OUTCOME_STOPPED);
  g_assert_cmpuint (n_sessions (), ==, n_records + 1);

  /* Once ended, the page can be left freely. */
  limber_window_show_page (window, LIMBER_PAGE_STRETCH);
  limber_window_show_page (window, LIMBER_PAGE_TODAY);
  g_assert_cmpint (limber_window_get_page (window), ==, LIMBER_PAGE_TODAY);
  g_assert_null (end_dialog ());
}

static gboolean
has_no_window (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

static void
test_close_window (void)
{
  guint n_records;

  return_to_routines ();
  start_routine ("gentle-relief");
  assert_idle_inhibited (TRUE);
  n_records = n_sessions ();

  /* Closing the window (Ctrl+W) during a session pauses it and asks... */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL);
  g_assert_true (limber_ui_test_spin_until (has_end_dialog, NULL, 10000));
  g_assert_cmpint (limber_stretch_session_get_state (session ()), ==, LIMBER_SESSION_STATE_PAUSED);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  answer_end_dialog ("Keep Going");
  g_assert_true (limber_ui_test_spin_until (is_running, NULL, 10000));
  g_assert_cmpuint (n_sessions (), ==, n_records);

  /* ...and ending the session closes it: the screen may sleep again... */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (limber_ui_test_spin_until (has_end_dialog, NULL, 10000));
  answer_end_dialog ("End Session");
  window = NULL;
  g_assert_true (limber_ui_test_spin_until (has_no_window, NULL, 10000));
  assert_idle_inhibited (FALSE);

  /* ...and the session is kept, as stopped. */
  g_assert_cmpuint (n_sessions (), ==, n_records + 1);
  {
    g_autoptr(LimberSessionRecord) record = session_at (n_records);

    g_assert_cmpint (limber_session_record_get_outcome (record), ==,
                     LIMBER_SESSION_OUTCOME_STOPPED);
    g_assert_cmpstr (limber_session_record_get_routine_id (record), ==, "gentle-relief");
  }

  /* Opening Limber again gives a new window, on the routines. */
  g_application_activate (G_APPLICATION (app));
  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  limber_ui_test_set_width (window, 720);
  limber_window_show_page (window, LIMBER_PAGE_STRETCH);
  g_assert_cmpstr (limber_stretch_page_get_screen (stretch_page ()), ==, "routines");
  assert_start_buttons ();
}

static gboolean
is_row_titled (GtkWidget  *widget,
               const char *title)
{
  g_autofree char *text = NULL;
  char *underscore;

  if (!ADW_IS_PREFERENCES_ROW (widget))
    return FALSE;

  text = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (widget)) &&
      (underscore = strchr (text, '_')) != NULL)
    memmove (underscore, underscore + 1, strlen (underscore));

  return g_str_equal (text, title);
}

static GtkSwitch *
find_row_switch (GtkWidget  *root,
                 const char *title)
{
  GtkWidget *row = limber_ui_test_find_mapped (root, is_row_titled, title);

  g_assert_nonnull (row);
  return GTK_SWITCH (limber_ui_test_find_of_type (row, GTK_TYPE_SWITCH));
}

typedef struct
{
  GSettings  *settings;
  const char *key;
  gboolean    value;
} SettingWait;

static gboolean
setting_is (gpointer data)
{
  const SettingWait *wait = data;

  return g_settings_get_boolean (wait->settings, wait->key) == wait->value;
}

typedef struct
{
  GtkSwitch *toggle;
  gboolean   active;
} SwitchWait;

static gboolean
switch_is (gpointer data)
{
  const SwitchWait *wait = data;

  return gtk_switch_get_active (wait->toggle) == wait->active;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  gboolean sounds_on = g_settings_get_boolean (settings, "cue-sounds");
  gboolean voice_on = g_settings_get_boolean (settings, "voice-guidance");
  GtkWindow *preferences;
  GtkSwitch *sounds, *voice;
  SettingWait setting_wait;
  SwitchWait switch_wait;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                            GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_WINDOW), 10000));
  preferences = limber_ui_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  g_assert_true (limber_ui_test_spin_until (is_mapped, preferences, 10000));

  sounds = find_row_switch (GTK_WIDGET (preferences), "Cue Sounds");
  voice = find_row_switch (GTK_WIDGET (preferences), "Spoken Guidance");
  g_assert_nonnull (sounds);
  g_assert_nonnull (voice);
  g_assert_cmpint (gtk_switch_get_active (sounds), ==, sounds_on);
  g_assert_cmpint (gtk_switch_get_active (voice), ==, voice_on);
  limber_ui_test_assert_controls_named (GTK_WIDGET (preferences));
  limber_ui_test_save_screenshot (preferences, "preferences");

  /* A switch flipped by the user changes the setting at once... */
  limber_ui_test_activate (GTK_WIDGET (sounds));
  setting_wait = (SettingWait) { settings, "cue-sounds", !sounds_on };
  g_assert_true (limber_ui_test_spin_until (setting_is, &setting_wait, 10000));
  g_assert_cmpint (gtk_switch_get_active (sounds), ==, !sounds_on);

  /* ...and a setting changed elsewhere shows on its switch. */
  g_settings_set_boolean (settings, "voice-guidance", !voice_on);
  switch_wait = (SwitchWait) { voice, !voice_on };
  g_assert_true (limber_ui_test_spin_until (switch_is, &switch_wait, 10000));

  /* The plank hold shown is the store's, and one set here is recorded there when it closes. */
  {
    GtkWidget *plank = limber_ui_test_find_of_type (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON);
    guint hold = limber_journal_get_plank_hold (limber_application_get_journal (app), 20);

    g_assert_nonnull (plank);
    g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (plank)), ==, hold);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (plank), hold + 10);
  }

  g_settings_set_boolean (settings, "cue-sounds", sounds_on);
  g_settings_set_boolean (settings, "voice-guidance", voice_on);
  {
    guint hold = limber_journal_get_plank_hold (limber_application_get_journal (app), 20);

    gtk_window_close (preferences);
    g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_no_toplevel,
                                              GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_WINDOW),
                                              10000));
    g_assert_cmpuint (limber_journal_get_plank_hold (limber_application_get_journal (app), 20), ==,
                      hold + 10);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Read when the app makes its clock, on first use. */
  g_setenv (LIMBER_TIME_SCALE_ENV, TIME_SCALE, TRUE);
  /* Read when the player makes its cue player, at the first session. */
  {
    int fd = g_file_open_tmp ("limber-stretch-ui-cues-XXXXXX.log", &cue_log, NULL);

    g_assert_cmpint (fd, >=, 0);
    close (fd);
    g_setenv ("LIMBER_DEBUG_CUE_LOG", cue_log, TRUE);
  }

  limber_ui_test_init (&argc, &argv);

  window = limber_ui_test_start_app (&app);

  g_test_add_func ("/stretch-ui/player", test_player);
  g_test_add_func ("/stretch-ui/layout-steady", test_layout_steady);
  g_test_add_func ("/stretch-ui/inhibit", test_inhibit);
  g_test_add_func ("/stretch-ui/pause", test_pause);
  g_test_add_func ("/stretch-ui/paused-narrow", test_paused_narrow);
  g_test_add_func ("/stretch-ui/targets-narrow", test_targets_narrow);
  g_test_add_func ("/stretch-ui/next-previous", test_next_previous);
  g_test_add_func ("/stretch-ui/it-hurts", test_it_hurts);
  g_test_add_func ("/stretch-ui/finish-counts", test_finish_counts);
  g_test_add_func ("/stretch-ui/unknown-routine", test_unknown_routine);
  g_test_add_func ("/stretch-ui/unknown-routine-markup", test_unknown_routine_markup);
  g_test_add_func ("/stretch-ui/unknown-routine-huge", test_unknown_routine_huge);
  g_test_add_func ("/stretch-ui/unknown-routine-flood", test_unknown_routine_flood);
  g_test_add_func ("/stretch-ui/keys", test_keys);
  g_test_add_func ("/stretch-ui/no-sound", test_no_sound);
  g_test_add_func ("/stretch-ui/complete", test_complete);
  g_test_add_func ("/stretch-ui/routine-cards", test_routine_cards);
  g_test_add_func ("/stretch-ui/long-name", test_long_name);
  g_test_add_func ("/stretch-ui/strip-more", test_strip_more);
  g_test_add_func ("/stretch-ui/card-menu", test_card_menu);
  g_test_add_func ("/stretch-ui/first-days-label", test_first_days_label);
  g_test_add_func ("/stretch-ui/blocked", test_blocked);
  g_test_add_func ("/stretch-ui/switch-page", test_switch_page);
  g_test_add_func ("/stretch-ui/close-window", test_close_window);
  g_test_add_func ("/stretch-ui/preferences", test_preferences);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_unlink (cue_log);
  g_free (cue_log);

  return status;
}
