/* test-reminders-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Reminders page in the real window, talking to the real reminder service: the app starts
 * the built limber-reminders itself (as it does for a user), and the page must show what the
 * service says over D-Bus: each kind's next due time, today's glasses, a pause. Its settings
 * are in Preferences, and go through a key file both processes share, so a change made there
 * reaches the service.
 * Screenshots go to tests/screenshots/ in the build directory.
 */

#include "config.h"

#include <math.h>
#include <signal.h>

#include "limber-application.h"
#include "limber-reminders-dbus.h"
#include "limber-ui-test.h"
#include "limber-window.h"

#define NARROW 360

static LimberApplication *app;
static LimberWindow *window;
static GSettings *settings;

static LimberRemindersPage *
page (void)
{
  return limber_window_get_reminders_page (window);
}

static gboolean
service_running (gpointer data)
{
  return limber_reminders_page_is_service_running (page ()) == GPOINTER_TO_INT (data);
}

static AdwActionRow *
find_row (const char *title)
{
  GtkWidget *root = GTK_WIDGET (page ());
  GtkWidget *child;

  for (child = root; child != NULL;)
    {
      if (ADW_IS_ACTION_ROW (child)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return ADW_ACTION_ROW (child);

      /* Depth first through the whole page. */
      if (gtk_widget_get_first_child (child) != NULL)
        {
          child = gtk_widget_get_first_child (child);
          continue;
        }
      while (child != root && gtk_widget_get_next_sibling (child) == NULL)
        child = gtk_widget_get_parent (child);
      if (child == root)
        break;
      child = gtk_widget_get_next_sibling (child);
    }

  g_error ("No row titled '%s' on the Reminders page", title);
}

static const char *
subtitle (const char *title)
{
  return adw_action_row_get_subtitle (find_row (title));
}

typedef struct
{
  const char *title;
  const char *text;
} RowText;

static gboolean
subtitle_contains (gpointer data)
{
  RowText *expected = data;
  const char *text = subtitle (expected->title);

  return text != NULL && strstr (text, expected->text) != NULL;
}

static void
assert_subtitle_soon (const char *title,
                      const char *text)
{
  RowText expected = { title, text };

  if (!limber_ui_test_spin_until (subtitle_contains, &expected, 10000))
    g_error ("Row '%s' says '%s', not '%s'", title, subtitle (title), text);
}

/* Whether the page has a row titled @title, shown or not. */
static gboolean
has_row (GtkWidget  *root,
         const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return TRUE;
      if (has_row (child, title))
        return TRUE;
    }

  return FALSE;
}

/* The banner that says the service is stopped: shown with its Start, or gone, and never a
 * row about the service either way. */
static gboolean
banner_is (gpointer data)
{
  gboolean shown = GPOINTER_TO_INT (data);
  GtkWidget *banner = limber_ui_test_find_of_type (GTK_WIDGET (page ()), GTK_TYPE_REVEALER);
  GtkWidget *start;

  if (banner == NULL)
    return FALSE;
  if (!shown)
    return !gtk_revealer_get_child_revealed (GTK_REVEALER (banner));

  start = limber_ui_test_find_control (banner, "Start the reminder service");
  return gtk_revealer_get_child_revealed (GTK_REVEALER (banner)) && start != NULL &&
         limber_ui_test_find_label_containing (banner, "not running") != NULL;
}

static void
assert_banner_soon (gboolean shown)
{
  if (!limber_ui_test_spin_until (banner_is, GINT_TO_POINTER (shown), 10000))
    g_error ("The banner about the stopped service is %s", shown ? "not shown" : "still shown");
  g_assert_false (has_row (GTK_WIDGET (page ()), "Reminder Service"));
}

static LimberReminders1 *
service_proxy (void)
{
  g_autoptr(GError) error = NULL;
  LimberReminders1 *proxy;

  proxy = limber_reminders1_proxy_new_for_bus_sync (G_BUS_TYPE_SESSION,
                                                    G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                                                    APPLICATION_ID ".Reminders",
                                                    "/io/github/limber/Limber/Reminders",
                                                    NULL, &error);
  g_assert_no_error (error);
  return proxy;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
has_no_preferences (gpointer data)
{
  return !limber_ui_test_has_toplevel (GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_WINDOW));
}

/* Preferences, open on its Reminders page, where the reminder settings are. */
static GtkWindow *
open_preferences (void)
{
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                            GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_WINDOW), 10000));
  preferences = limber_ui_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences),
                                                "reminders");
  g_assert_true (limber_ui_test_spin_until (is_mapped, preferences, 10000));
  return preferences;
}

static void
close_preferences (GtkWindow *preferences)
{
  gtk_window_close (preferences);
  g_assert_true (limber_ui_test_spin_until (has_no_preferences, NULL, 10000));
}

static GtkWidget *
preferences_control (GtkWindow  *preferences,
                     const char *name)
{
  GtkWidget *control = limber_ui_test_find_control (GTK_WIDGET (preferences), name);

  if (control == NULL)
    g_error ("Preferences has no control named '%s'", name);
  return control;
}

static guint32 service_pid (void);

/* When the service's next reminder of @kind is due, in Unix seconds. */
static gint64
due_seconds (LimberReminders1 *proxy,
             const char       *kind)
{
  g_autoptr(GVariant) schedule = NULL;
  g_autoptr(GError) error = NULL;
  GVariantIter iter;
  const char *name;
  gboolean enabled, held;
  gint64 due;
  guint32 interval;

  limber_reminders1_call_get_schedule_sync (proxy, &schedule, NULL, &error);
  g_assert_no_error (error);

  g_variant_iter_init (&iter, schedule);
  while (g_variant_iter_next (&iter, "(&sbxub)", &name, &enabled, &due, &interval, &held))
    {
      if (g_strcmp0 (name, kind) == 0)
        return due;
    }
  g_error ("GetSchedule has no '%s'", kind);
}

/* The local "HH:MM" of a due time from GetSchedule, as the page shows it in 24-hour format. */
static char *
due_clock (LimberReminders1 *proxy,
           const char       *kind)
{
  gint64 due = due_seconds (proxy, kind);
  g_autoptr(GDateTime) time = NULL;

  g_assert_cmpint (due, >, 0);
  time = g_date_time_new_from_unix_local (due);
  return g_date_time_format (time, "%H:%M");
}

typedef struct
{
  LimberReminders1 *proxy;
  const char       *kind;
  gint64            near;     /* Unix seconds */
} DueNear;

static gboolean
due_is_near (gpointer data)
{
  DueNear *expected = data;

  return ABS (due_seconds (expected->proxy, expected->kind) - expected->near) <= 90;
}

/* Pushes @kind's next reminder 3 hours away, so that a restart of its interval shows. */
static void
push_away (LimberReminders1 *proxy,
           const char       *kind)
{
  g_autoptr(GError) error = NULL;
  DueNear far = { proxy, kind, g_get_real_time () / G_USEC_PER_SEC + 3 * 3600 };

  limber_reminders1_call_snooze_sync (proxy, kind, 3 * 3600, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (limber_ui_test_spin_until (due_is_near, &far, 10000));
}

static GtkWidget *
today_control (const char *name)
{
  GtkWidget *control = limber_ui_test_find_control (GTK_WIDGET (limber_window_get_today_page (window)),
                                                    name);

  g_assert_nonnull (control);
  return control;
}

typedef struct
{
  LimberRecordCount what;
  guint            count;
} CountAbove;

static gboolean
journal_count_above (gpointer data)
{
  CountAbove *expected = data;

  return limber_journal_count (limber_application_get_journal (app), expected->what, 0,
                               G_MAXINT64) > expected->count;
}

/* Presses the Today page's control named @name until the journal holds one more of @what. A
 * GtkButton's click lands about 250 ms after it is activated; if the page was rebuilt in
 * between (it follows every record, the reminder service's too), the press is lost, so it is
 * given a second and made again. */
static void
press_until_recorded (const char       *name,
                      LimberRecordCount  what)
{
  CountAbove expected = { what, limber_journal_count (limber_application_get_journal (app), what,
                                                      0, G_MAXINT64) };

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      limber_ui_test_activate (today_control (name));
      if (limber_ui_test_spin_until (journal_count_above, &expected, 1000))
        return;
    }
  g_error ("Pressing “%s” five times recorded nothing", name);
}

/* A glass logged on Today is seen by the service, which starts the water interval over: its
 * next water reminder is one interval from now, not where it was. */
static void
test_today_glass_restarts_water (void)
{
  g_autoptr(LimberReminders1) proxy = service_proxy ();
  guint minutes = g_settings_get_uint (settings, "hydration-interval");
  gint64 start;
  DueNear restarted = { proxy, "hydration", 0 };

  push_away (proxy, "hydration");
  limber_window_show_page (window, LIMBER_PAGE_TODAY);
  start = g_get_monotonic_time ();
  restarted.near = g_get_real_time () / G_USEC_PER_SEC + minutes * 60;
  press_until_recorded ("I drank a glass of water", LIMBER_RECORD_COUNT_GLASSES);

  g_assert_true (limber_ui_test_spin_until (due_is_near, &restarted, 10000));
  g_test_message ("The service restarted the water interval %" G_GINT64_FORMAT " ms after the "
                  "glass", (g_get_monotonic_time () - start) / 1000);
  limber_window_show_page (window, LIMBER_PAGE_REMINDERS);
}

/* "I walked" on Today starts the walk interval over in the service. */
static void
test_today_walk_restarts_walks (void)
{
  g_autoptr(LimberReminders1) proxy = service_proxy ();
  guint minutes = g_settings_get_uint (settings, "walk-interval");
  DueNear restarted = { proxy, "walk", 0 };

  push_away (proxy, "walk");
  limber_window_show_page (window, LIMBER_PAGE_TODAY);
  restarted.near = g_get_real_time () / G_USEC_PER_SEC + minutes * 60;
  press_until_recorded ("I walked just now", LIMBER_RECORD_COUNT_WALKS);

  if (!limber_ui_test_spin_until (due_is_near, &restarted, 10000))
    g_error ("The next walk is due in %" G_GINT64_FORMAT " s, not about %u min from the walk "
             "(walks in the journal: %u)",
             due_seconds (proxy, "walk") - g_get_real_time () / G_USEC_PER_SEC, minutes,
             limber_journal_count (limber_application_get_journal (app), LIMBER_RECORD_COUNT_WALKS,
                                   0, G_MAXINT64));
  limber_window_show_page (window, LIMBER_PAGE_REMINDERS);
}

typedef struct
{
  const char *row;
  const char *text;
} TodayRow;

static gboolean
today_row_says (gpointer data)
{
  TodayRow *expected = data;
  GtkWidget *page = GTK_WIDGET (limber_window_get_today_page (window));
  GtkWidget *label = limber_ui_test_find_label_containing (page, expected->text);

  return label != NULL;
}

/* A glass logged through the service (as the notification's "I drank a glass" does) shows on
 * Today and on the Reminders page, from the journal, without reopening anything. */
static void
test_service_glass_shows (void)
{
  g_autoptr(LimberReminders1) proxy = service_proxy ();
  g_autoptr(GError) error = NULL;
  LimberJournal *journal = limber_application_get_journal (app);
  guint before = limber_journal_count_today (journal, LIMBER_RECORD_COUNT_GLASSES, NULL);
  g_autofree char *on_today = g_strdup_printf ("%u of 8 glasses", before + 1);
  g_autofree char *on_reminders = g_strdup_printf ("%u of 8 glasses today", before + 1);
  TodayRow row = { "water", on_today };
  gint64 start;

  limber_window_show_page (window, LIMBER_PAGE_TODAY);
  start = g_get_monotonic_time ();
  limber_reminders1_call_log_water_sync (proxy, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (limber_ui_test_spin_until (today_row_says, &row, 10000));
  g_test_message ("The service's glass showed on Today %" G_GINT64_FORMAT " ms later",
                  (g_get_monotonic_time () - start) / 1000);
  limber_window_show_page (window, LIMBER_PAGE_REMINDERS);
  assert_subtitle_soon ("Water", on_reminders);
}

/* With the service stopped, the page still shows today's glasses from the journal. */
static void
test_stopped_service_glasses (void)
{
  LimberJournal *journal = limber_application_get_journal (app);
  guint today = limber_journal_count_today (journal, LIMBER_RECORD_COUNT_GLASSES, NULL);
  g_autofree char *expected = g_strdup_printf ("%u of 8 glasses today", today);
  g_autofree char *one_more = g_strdup_printf ("%u of 8 glasses today", today + 1);

  g_assert_cmpuint (today, >, 0);
  g_assert_cmpint (kill (service_pid (), SIGTERM), ==, 0);
  g_assert_true (limber_ui_test_spin_until (service_running, GINT_TO_POINTER (FALSE), 10000));
  assert_subtitle_soon ("Water", expected);

  /* And a glass can still be logged: it is the journal's, not the service's. */
  limber_ui_test_activate (limber_ui_test_find_control (GTK_WIDGET (page ()), "I drank a glass of water"));
  assert_subtitle_soon ("Water", one_more);

  limber_ui_test_activate (limber_ui_test_find_button (GTK_WIDGET (page ()), "Start"));
  g_assert_true (limber_ui_test_spin_until (service_running, GINT_TO_POINTER (TRUE), 10000));
}

/* The desktop's 12-hour setting: the page's times turn into "3:00 PM" style at once. */
static void
test_twelve_hour (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source,
                                                                       "org.gnome.desktop.interface",
                                                                       TRUE);
  g_autoptr(GSettings) interface = NULL;
  g_autoptr(LimberReminders1) proxy = service_proxy ();
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *twelve = NULL;

  /* gsettings-desktop-schemas is in build-aux/install-deps. */
  g_assert_nonnull (schema);
  interface = g_settings_new_full (schema, NULL, NULL);
  g_settings_set_string (interface, "clock-format", "12h");

  due = g_date_time_new_from_unix_local (due_seconds (proxy, "hydration"));
  twelve = g_date_time_format (due, "%-l:%M %p");
  assert_subtitle_soon ("Drink Water", twelve);
  {
    GtkWindow *preferences = open_preferences ();

    g_assert_nonnull (strstr (gtk_editable_get_text (GTK_EDITABLE (
      preferences_control (preferences, "Reminders from"))), "M"));
    close_preferences (preferences);
  }

  g_settings_set_string (interface, "clock-format", "24h");
  {
    g_autofree char *clock = g_date_time_format (due, "%H:%M");

    assert_subtitle_soon ("Drink Water", clock);
  }
}

/* Types @text into a time spin button of Preferences and leaves it, as a user does. */
static void
type_time (GtkWidget  *spin,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
}

/* The waking hours of the spasm plan are set in Preferences like the active hours: typed as
 * times, kept in the settings the service reads, and a time that does not exist is refused. */
static void
test_waking_hours (void)
{
  GtkWindow *preferences = open_preferences ();
  GtkWidget *from = preferences_control (preferences, "Spasm reminders from");
  GtkWidget *until = preferences_control (preferences, "Spasm reminders until");

  g_assert_cmpuint (g_settings_get_uint (settings, "waking-start"), ==, 8 * 60);
  g_assert_cmpuint (g_settings_get_uint (settings, "waking-end"), ==, 22 * 60);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "08:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (until)), ==, "22:00");

  type_time (from, "07:30");
  g_assert_cmpuint (g_settings_get_uint (settings, "waking-start"), ==, 7 * 60 + 30);
  type_time (until, "25:00");
  g_assert_cmpuint (g_settings_get_uint (settings, "waking-end"), ==, 22 * 60);
  type_time (until, "21:15");
  g_assert_cmpuint (g_settings_get_uint (settings, "waking-end"), ==, 21 * 60 + 15);

  g_assert_true (gtk_switch_get_active (GTK_SWITCH (
    preferences_control (preferences, "Cold-pack reminders"))));

  close_preferences (preferences);
  g_settings_reset (settings, "waking-start");
  g_settings_reset (settings, "waking-end");
}

static gboolean
row_visible (gpointer data)
{
  const char *title = data;

  return gtk_widget_get_visible (GTK_WIDGET (find_row (title)));
}

static gboolean
row_hidden (gpointer data)
{
  return !row_visible (data);
}

/* Limber's own switch in GNOME Settings: off (or its banners off), the page says so and offers
 * Settings; on again, the row goes. */
static void
test_notification_switch (void)
{
  static const char *title = "Notifications Are Off for Limber";
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (source, "org.gnome.desktop.notifications.application", TRUE);
  g_autoptr(GSettings) app_notifications = NULL;

  /* gsettings-desktop-schemas is in build-aux/install-deps. */
  g_assert_nonnull (schema);
  app_notifications = g_settings_new_full (schema, NULL,
                                           "/org/gnome/desktop/notifications/application/"
                                           "io-github-limber-limber/");
  g_assert_true (row_hidden ((gpointer) title));

  g_settings_set_boolean (app_notifications, "enable", FALSE);
  g_assert_true (limber_ui_test_spin_until (row_visible, (gpointer) title, 10000));
  g_settings_set_boolean (app_notifications, "enable", TRUE);
  g_assert_true (limber_ui_test_spin_until (row_hidden, (gpointer) title, 10000));

  g_settings_set_boolean (app_notifications, "show-banners", FALSE);
  g_assert_true (limber_ui_test_spin_until (row_visible, (gpointer) title, 10000));
  g_settings_set_boolean (app_notifications, "show-banners", TRUE);
  g_assert_true (limber_ui_test_spin_until (row_hidden, (gpointer) title, 10000));
}

/* In the first days of an episode the page says walks come hourly and cold packs every 2 hours,
 * every day in the waking hours, as the service makes them. */
static void
test_acute_walks (void)
{
  g_autoptr(LimberReminders1) proxy = service_proxy ();
  g_autoptr(GError) error = NULL;
  LimberCarePlan *plan = limber_application_get_care_plan (app);
  DueNear hourly = { proxy, "walk", 0 };
  DueNear pack = { proxy, "pack", 0 };
  g_autofree char *pack_clock = NULL;
  gint64 started;

  assert_subtitle_soon ("Cold Pack", "Only in the first 3 days of a spasm");
  g_assert_cmpint (due_seconds (proxy, "pack"), ==, 0);

  /* Waking hours all day, so that what follows holds at any time the test runs. */
  g_settings_set_uint (settings, "waking-start", 0);
  g_settings_set_uint (settings, "waking-end", 24 * 60);
  g_settings_set_uint (settings, "walk-interval", 120);
  started = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_cmpint (limber_care_plan_start_episode (plan, &error), >, 0);
  g_assert_no_error (error);
  assert_subtitle_soon ("Walk", "Spasm plan: every 60 minutes, every day 00:00–24:00");

  /* The first cold pack comes 2 hours after the spasm, and the page says when. */
  pack.near = started + 2 * 3600;
  g_assert_true (limber_ui_test_spin_until (due_is_near, &pack, 10000));
  pack_clock = due_clock (proxy, "pack");
  assert_subtitle_soon ("Cold Pack", pack_clock);
  assert_subtitle_soon ("Cold Pack", "Spasm plan: about every 2 hours, every day 00:00–24:00");

  /* And the service does: a walk now puts the next one an hour away. */
  push_away (proxy, "walk");
  hourly.near = g_get_real_time () / G_USEC_PER_SEC + 3600;
  g_assert_cmpint (limber_journal_add_walk (limber_application_get_journal (app), NULL), >, 0);
  g_assert_true (limber_ui_test_spin_until (due_is_near, &hourly, 10000));

  g_assert_true (limber_care_plan_end_episode (plan, NULL, &error));
  g_assert_no_error (error);
  assert_subtitle_soon ("Cold Pack", "Only in the first 3 days of a spasm");
  pack.near = 0;
  g_assert_true (limber_ui_test_spin_until (due_is_near, &pack, 10000));
  g_settings_reset (settings, "waking-start");
  g_settings_reset (settings, "waking-end");
}

static guint32
service_pid (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 pid;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                       g_variant_new ("(s)", APPLICATION_ID ".Reminders"),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &pid);
  return pid;
}

/* The app started the service when it opened; the page shows its next due times. */
static void
test_next_due_times (void)
{
  g_autoptr(LimberReminders1) proxy = NULL;
  const char *kinds[][2] = {
    { "hydration", "Drink Water" },
    { "posture", "Posture Break" },
    { "walk", "Walk" },
  };

  limber_window_show_page (window, LIMBER_PAGE_REMINDERS);
  g_assert_true (limber_ui_test_spin_until (service_running, GINT_TO_POINTER (TRUE), 10000));
  /* Running is the normal state: nothing about the service at all. */
  assert_banner_soon (FALSE);

  proxy = service_proxy ();
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *clock = due_clock (proxy, kinds[i][0]);

      assert_subtitle_soon (kinds[i][1], clock);
      g_test_message ("%s: %s", kinds[i][1], subtitle (kinds[i][1]));
    }

  limber_ui_test_save_screenshot (GTK_WINDOW (window), "reminders");
}

/* A new interval set on the page reaches the service, which counts it from now, and the page
 * shows the new due time. */
static void
test_interval_change (void)
{
  g_autoptr(LimberReminders1) proxy = service_proxy ();
  g_autofree char *shown = NULL;
  GtkSpinButton *spin;
  GtkWindow *preferences = open_preferences ();

  spin = GTK_SPIN_BUTTON (preferences_control (preferences, "Minutes between water reminders"));

  gtk_spin_button_set_value (spin, 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "hydration-interval"), ==, 30);

  /* The service reads the key file when it changes and counts the new interval from then: the
   * next water reminder comes about 30 minutes from now, not an hour. */
  {
    DueNear soon = { proxy, "hydration", g_get_real_time () / G_USEC_PER_SEC + 30 * 60 };
    g_autoptr(GDateTime) due = NULL;

    if (!limber_ui_test_spin_until (due_is_near, &soon, 10000))
      g_error ("The next water reminder is due in %" G_GINT64_FORMAT " s, not about 30 min",
               due_seconds (proxy, "hydration") - g_get_real_time () / G_USEC_PER_SEC);
    due = g_date_time_new_from_unix_local (due_seconds (proxy, "hydration"));
    shown = g_date_time_format (due, "%H:%M");
  }

  assert_subtitle_soon ("Drink Water", shown);
  close_preferences (preferences);
}

static gboolean
button_visible (gpointer data)
{
  GtkWidget *button = limber_ui_test_find_button (GTK_WIDGET (page ()), data);

  return button != NULL && gtk_widget_get_mapped (button);
}

/* Pause for an hour and resume, from the page, as the service sees it. */
static void
test_pause (void)
{
  g_autoptr(LimberReminders1) proxy = service_proxy ();
  GtkWidget *button;

  button = limber_ui_test_find_button (GTK_WIDGET (page ()), "Pause for 1 Hour");
  g_assert_nonnull (button);
  limber_ui_test_activate (button);

  assert_subtitle_soon ("Pause", "Paused until");
  g_assert_cmpint (limber_reminders1_get_paused_until (proxy), >, g_get_real_time () / G_USEC_PER_SEC + 3500);
  g_assert_true (limber_ui_test_spin_until (button_visible, (gpointer) "Resume", 10000));
  assert_subtitle_soon ("Drink Water", "Paused");

  button = limber_ui_test_find_button (GTK_WIDGET (page ()), "Resume");
  limber_ui_test_activate (button);
  assert_subtitle_soon ("Pause", "Reminders are on");
  g_assert_true (limber_ui_test_spin_until (button_visible,
                                            (gpointer) "Pause for 1 Hour", 10000));
  assert_subtitle_soon ("Drink Water", "Next");
}

/* The water button logs a glass, which the service counts too. */
static void
test_water (void)
{
  g_autoptr(LimberReminders1) proxy = service_proxy ();
  guint before = limber_reminders1_get_water_today (proxy);
  g_autofree char *expected = g_strdup_printf ("%u of 8 glasses today", before + 1);
  GtkWidget *button = limber_ui_test_find_control (GTK_WIDGET (page ()), "I drank a glass of water");

  g_assert_nonnull (button);
  limber_ui_test_activate (button);
  assert_subtitle_soon ("Water", expected);
}

/* When the service stops, a banner says so and its Start button brings it back; then the
 * banner goes. */
static void
test_start_service (void)
{
  GtkWidget *banner;

  g_assert_cmpint (kill (service_pid (), SIGTERM), ==, 0);
  g_assert_true (limber_ui_test_spin_until (service_running, GINT_TO_POINTER (FALSE), 10000));
  assert_banner_soon (TRUE);
  assert_subtitle_soon ("Walk", "Not scheduled");
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "reminders-stopped");

  banner = limber_ui_test_find_of_type (GTK_WIDGET (page ()), GTK_TYPE_REVEALER);
  limber_ui_test_activate (limber_ui_test_find_button (banner, "Start"));
  g_assert_true (limber_ui_test_spin_until (service_running, GINT_TO_POINTER (TRUE), 10000));
  assert_banner_soon (FALSE);
  assert_subtitle_soon ("Walk", "Next");
}

static gboolean
has_preferences (gpointer data)
{
  GtkWindow *preferences = limber_ui_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);

  return preferences != NULL && gtk_widget_get_mapped (GTK_WIDGET (preferences));
}

/* The first group is not called Today, the first page's name; the settings are a row away,
 * which opens Preferences where the reminders are set. */
static void
test_preferences_row (void)
{
  GtkWidget *group = limber_ui_test_find_of_type (GTK_WIDGET (page ()),
                                                  ADW_TYPE_PREFERENCES_GROUP);
  AdwActionRow *row = find_row ("Preferences");
  AdwPreferencesWindow *preferences;

  g_assert_nonnull (group);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Status");
  g_assert_null (limber_ui_test_find_label_containing (GTK_WIDGET (page ()), "in Preferences"));

  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activate");
  g_assert_true (limber_ui_test_spin_until (has_preferences, NULL, 10000));
  preferences = ADW_PREFERENCES_WINDOW (limber_ui_test_find_toplevel (
    ADW_TYPE_PREFERENCES_WINDOW));
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (preferences), ==, "reminders");
  close_preferences (GTK_WINDOW (preferences));
}

/* Every control has a name, and everything fits a phone. */
static void
test_narrow (void)
{
  limber_ui_test_assert_controls_named (GTK_WIDGET (page ()));
  limber_ui_test_set_width (window, NARROW);
  limber_ui_test_assert_controls_inside (GTK_WINDOW (window), NARROW);
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "reminders-narrow");
  limber_ui_test_set_width (window, 720);
}

/* The background switch, in Preferences, is the login start-up's condition. */
static void
test_background_switch (void)
{
  GtkWindow *preferences = open_preferences ();
  GtkWidget *toggle = preferences_control (preferences, "Run in the background when I log in");

  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));

  /* Turned off, the running service stops; turned on again, the page starts it. */
  g_assert_true (limber_ui_test_spin_until (service_running, GINT_TO_POINTER (FALSE), 10000));
  assert_banner_soon (TRUE);
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (limber_ui_test_spin_until (service_running, GINT_TO_POINTER (TRUE), 10000));
  close_preferences (preferences);
}

/* The water goal is set in Preferences, and Reminders and Today count against it at once. */
static void
test_water_goal (void)
{
  LimberJournal *journal = limber_application_get_journal (app);
  guint today = limber_journal_count_today (journal, LIMBER_RECORD_COUNT_GLASSES, NULL);
  g_autofree char *on_reminders = g_strdup_printf ("%u of 10 glasses today", today);
  g_autofree char *on_today = g_strdup_printf ("%u of 10 glasses", today);
  TodayRow row = { "water", on_today };
  GtkWindow *preferences = open_preferences ();
  GtkSpinButton *goal = GTK_SPIN_BUTTON (preferences_control (preferences,
                                                              "Glasses of water a day"));

  g_assert_cmpfloat (gtk_spin_button_get_value (goal), ==, 8);
  gtk_spin_button_set_value (goal, 10);
  g_assert_cmpuint (g_settings_get_uint (settings, "water-goal"), ==, 10);
  assert_subtitle_soon ("Water", on_reminders);
  limber_window_show_page (window, LIMBER_PAGE_TODAY);
  g_assert_true (limber_ui_test_spin_until (today_row_says, &row, 10000));

  gtk_spin_button_set_value (goal, 8);
  close_preferences (preferences);
  limber_window_show_page (window, LIMBER_PAGE_REMINDERS);
}

/* The page shows status and nothing else: no switch, no interval, no hours to set here. */
static void
test_status_only (void)
{
  g_assert_null (limber_ui_test_find_of_type (GTK_WIDGET (page ()), GTK_TYPE_SWITCH));
  g_assert_null (limber_ui_test_find_of_type (GTK_WIDGET (page ()), GTK_TYPE_SPIN_BUTTON));
  g_assert_null (limber_ui_test_find_control (GTK_WIDGET (page ()), "Monday"));
  g_assert_null (limber_ui_test_find_control (GTK_WIDGET (page ()),
                                              "Run in the background when I log in"));
}

static gboolean
monday_off (gpointer data)
{
  return (g_settings_get_flags (settings, "active-days") & 1) == 0;
}

static gboolean
monday_on (gpointer data)
{
  return !monday_off (data);
}

/* Every interval says its unit beside its number, and a person's word for it. */
static void
assert_units (GtkWindow *preferences)
{
  static const char * const spins[][2] = {
    { "Minutes between water reminders", "min" },
    { "Minutes between posture breaks", "min" },
    { "Minutes between walk reminders", "min" },
    { "Snooze length in minutes", "min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    {
      GtkWidget *spin = preferences_control (preferences, spins[i][0]);
      GtkWidget *unit = gtk_widget_get_next_sibling (spin);

      if (unit == NULL || !GTK_IS_LABEL (unit) || !gtk_widget_get_mapped (unit) ||
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (unit)), spins[i][1]) != 0)
        g_error ("“%s” has no “%s” beside it", spins[i][0], spins[i][1]);
    }
}

/* The seven days: one row, equal widths, inside @width. */
static void
assert_days_one_row (GtkWidget *monday,
                     int        width)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (monday));
  GtkWidget *day = monday;
  graphene_rect_t first;
  guint days = 0;

  g_assert_true (gtk_widget_compute_bounds (monday, root, &first));
  for (; day != NULL; day = gtk_widget_get_next_sibling (day), days++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (day, root, &bounds));
      g_assert_cmpfloat (bounds.origin.y, ==, first.origin.y);
      g_assert_cmpfloat (fabs (bounds.size.width - first.size.width), <=, 1);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
    }
  g_assert_cmpuint (days, ==, 7);
}

/* The background switch is about the whole service: a group of its own. */
static void
assert_background_alone (GtkWindow *preferences)
{
  GtkWidget *toggle = preferences_control (preferences, "Run in the background when I log in");
  GtkWidget *row = gtk_widget_get_ancestor (toggle, ADW_TYPE_ACTION_ROW);
  GtkWidget *list = gtk_widget_get_parent (row);
  guint rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rows += GTK_IS_LIST_BOX_ROW (child);
  g_assert_cmpuint (rows, ==, 1);
}

static gboolean
shows_plank_hold (gpointer preferences)
{
  return limber_ui_test_find_control (preferences, "Plank hold in seconds") != NULL;
}

/* Preferences' Reminders page: every control named, everything inside at phone width, units
 * on every interval, the background switch alone, the seven days on one row of equal buttons,
 * and days that are on look on. */
static void
test_preferences_narrow (void)
{
  GtkWindow *preferences = open_preferences ();
  GtkWidget *monday;

  limber_ui_test_assert_controls_named (GTK_WIDGET (preferences));
  limber_ui_test_resize_narrow (preferences, NARROW, 640);
  limber_ui_test_save_screenshot (preferences, "preferences-reminders-narrow");
  assert_units (preferences);
  assert_background_alone (preferences);

  monday = limber_ui_test_find_control (GTK_WIDGET (preferences), "Monday");
  g_assert_nonnull (monday);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (monday), "limber-prefs-days"));
  assert_days_one_row (monday, NARROW);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (monday)));

  /* A day turned off here is off for the service. */
  limber_ui_test_activate (monday);
  g_assert_true (limber_ui_test_spin_until (monday_off, NULL, 10000));
  limber_ui_test_activate (monday);
  g_assert_true (limber_ui_test_spin_until (monday_on, NULL, 10000));

  /* The plank hold, on the guidance page, is in seconds and says so. */
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "guidance");
  g_assert_true (limber_ui_test_spin_until (shows_plank_hold, preferences, 10000));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (
                     preferences_control (preferences, "Plank hold in seconds")))), ==, "sec");
  close_preferences (preferences);
}

/* Settings GSettings accepts one by one that together leave a reminder no time to come are
 * explained on each row, instead of "Not scheduled"; set right, the rows say "Next" again. */
static void
test_impossible_settings (void)
{
  guint days = g_settings_get_flags (settings, "active-days");
  guint start = g_settings_get_uint (settings, "active-start");
  guint end = g_settings_get_uint (settings, "active-end");
  guint water = g_settings_get_uint (settings, "hydration-interval");
  guint posture = g_settings_get_uint (settings, "posture-interval");
  guint walk = g_settings_get_uint (settings, "walk-interval");

  g_settings_set_uint (settings, "hydration-interval", 60);
  g_settings_set_uint (settings, "posture-interval", 30);
  g_settings_set_uint (settings, "walk-interval", 120);
  g_assert_true (limber_ui_test_spin_until (service_running, GINT_TO_POINTER (TRUE), 10000));
  limber_window_show_page (window, LIMBER_PAGE_REMINDERS);

  g_settings_set_flags (settings, "active-days", 0);
  assert_subtitle_soon ("Drink Water", "Never: no active days are chosen");
  assert_subtitle_soon ("Walk", "Never: no active days are chosen");
  g_settings_set_flags (settings, "active-days", days);

  g_settings_set_uint (settings, "active-start", 600);
  g_settings_set_uint (settings, "active-end", 600);
  assert_subtitle_soon ("Posture Break", "start and end at the same time");

  /* An hour of active time: the water reminder (every 60 minutes) and the walk (every 120)
   * never fit, and a 30-minute posture break would. */
  g_settings_set_uint (settings, "active-end", 660);
  assert_subtitle_soon ("Drink Water", "longer than the active hours");
  assert_subtitle_soon ("Walk", "longer than the active hours");
  g_assert_null (strstr (subtitle ("Posture Break"), "Never"));
  limber_ui_test_save_screenshot (GTK_WINDOW (window), "reminders-never");

  g_settings_set_uint (settings, "active-start", start);
  g_settings_set_uint (settings, "active-end", end);
  g_settings_set_uint (settings, "hydration-interval", water);
  g_settings_set_uint (settings, "posture-interval", posture);
  g_settings_set_uint (settings, "walk-interval", walk);
  assert_subtitle_soon ("Drink Water", "Next");
}

static gboolean
has_scale (gpointer preferences)
{
  return limber_ui_test_find_of_type (GTK_WIDGET (preferences), GTK_TYPE_SCALE) != NULL;
}

/* A volume GSettings' range check lets through (NaN) is not shown on the slider: the default
 * is. */
static void
test_volume_nan (void)
{
  GtkWindow *preferences;
  GtkRange *scale;
  double shown;

  g_settings_set_double (settings, "volume", NAN);
  g_assert_true (isnan (g_settings_get_double (settings, "volume")));
  preferences = open_preferences ();
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "guidance");
  g_assert_true (limber_ui_test_spin_until (has_scale, preferences, 5000));
  scale = GTK_RANGE (limber_ui_test_find_of_type (GTK_WIDGET (preferences), GTK_TYPE_SCALE));
  g_assert_nonnull (scale);
  shown = gtk_range_get_value (scale);
  g_test_message ("the slider shows %g", shown);
  g_assert_cmpfloat (shown, ==, 0.8);
  close_preferences (preferences);
  g_settings_reset (settings, "volume");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *service = NULL;
  g_autofree char *config = NULL;
  int status;

  /* A key file both processes read: the service follows what the page sets. */
  config = g_dir_make_tmp ("limber-reminders-ui-XXXXXX", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  service = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "app", "reminders",
                              "limber-reminders", NULL);
  g_setenv ("LIMBER_REMINDERS", service, TRUE);

  limber_ui_test_init (&argc, &argv);

  /* Any time of day and any day: every reminder has a next due time. */
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_uint (settings, "active-start", 0);
  g_settings_set_uint (settings, "active-end", 24 * 60);
  g_settings_set_strv (settings, "active-days",
                       (const char * const[]) { "monday", "tuesday", "wednesday", "thursday",
                                                "friday", "saturday", "sunday", NULL });
  g_settings_sync ();

  window = limber_ui_test_start_app (&app);

  g_test_add_func ("/reminders-ui/next-due-times", test_next_due_times);
  g_test_add_func ("/reminders-ui/interval-change", test_interval_change);
  g_test_add_func ("/reminders-ui/pause", test_pause);
  g_test_add_func ("/reminders-ui/water", test_water);
  g_test_add_func ("/reminders-ui/today-glass-restarts-water", test_today_glass_restarts_water);
  g_test_add_func ("/reminders-ui/today-walk-restarts-walks", test_today_walk_restarts_walks);
  g_test_add_func ("/reminders-ui/service-glass-shows", test_service_glass_shows);
  g_test_add_func ("/reminders-ui/stopped-service-glasses", test_stopped_service_glasses);
  g_test_add_func ("/reminders-ui/twelve-hour", test_twelve_hour);
  g_test_add_func ("/reminders-ui/acute-walks", test_acute_walks);
  g_test_add_func ("/reminders-ui/waking-hours", test_waking_hours);
  g_test_add_func ("/reminders-ui/notification-switch", test_notification_switch);
  g_test_add_func ("/reminders-ui/start-service", test_start_service);
  g_test_add_func ("/reminders-ui/preferences-row", test_preferences_row);
  g_test_add_func ("/reminders-ui/narrow", test_narrow);
  g_test_add_func ("/reminders-ui/background-switch", test_background_switch);
  g_test_add_func ("/reminders-ui/water-goal", test_water_goal);
  g_test_add_func ("/reminders-ui/status-only", test_status_only);
  g_test_add_func ("/reminders-ui/impossible-settings", test_impossible_settings);
  g_test_add_func ("/reminders-ui/volume-nan", test_volume_nan);
  g_test_add_func ("/reminders-ui/preferences-narrow", test_preferences_narrow);

  status = g_test_run ();

  /* Leave no service behind on the shared test bus. */
  if (limber_reminders_page_is_service_running (page ()))
    kill (service_pid (), SIGTERM);

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_object (&settings);
  limber_ui_test_remove_tree (config);

  return status;
}
