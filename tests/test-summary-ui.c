/* test-summary-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The doctor summary as a person gets it: the PDF rendered from records the journal wrote on
 * the fake clock, read back with pdftotext, pdfinfo and pdftoppm (the page image goes to
 * tests/screenshots/ in the build directory); the page laid out right to left in Arabic; the
 * dialog's buttons named for screen readers, Print… opening GTK's print dialog and Save as
 * PDF… writing the file chosen; and app.doctor-summary opening the dialog. Runs
 * in English, and in German and Arabic with their locales (tests/meson.build).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>
#include <glib/gstdio.h>

#include "limber-doctor-summary.h"
#include "limber-summary-dialog.h"
#include "limber-summary-fixture.h"
#include "limber-summary-printer.h"
#include "limber-ui-test.h"

/* As limber-summary-printer.c lays the page out. */
#define MARGIN 50.0

typedef struct
{
  char                *dir;
  LimberClock         *clock;
  LimberJournal       *journal;
  LimberDoctorSummary *summary;
  char                *pdf;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  f->dir = g_dir_make_tmp ("limber-summary-ui-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "limber.db", NULL);
  f->clock = limber_fake_clock_new (LIMBER_SUMMARY_FIXTURE_NOW_US - (gint64) 365 * 86400 *
                                    G_USEC_PER_SEC);
  f->journal = limber_journal_new (f->clock, db);
  limber_summary_fixture_fill (f->journal, LIMBER_FAKE_CLOCK (f->clock));
  f->summary = limber_doctor_summary_new (f->journal, NULL, &error);
  g_assert_no_error (error);
  f->pdf = g_build_filename (f->dir, "summary.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->summary);
  g_clear_object (&f->journal);
  g_clear_object (&f->clock);
  limber_ui_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->pdf);
}

/* Returns: what @argv printed; the test fails if it could not run or failed */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return out;
}

/* The PDF's text with every run of white space made one space, so wrapped lines compare. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *out = run ((const char *[]) { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
  /* pdftotext wraps right-to-left runs in direction marks and embeddings: text, not marks. */
  g_autoptr(GRegex) marks = g_regex_new ("[\\x{200E}\\x{200F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]",
                                         0, 0, NULL);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *plain = g_regex_replace_literal (marks, out, -1, 0, "", 0, NULL);

  return g_regex_replace_literal (space, plain, -1, 0, " ", 0, NULL);
}

/* A button's label as shown, without its mnemonic's underscore; kept for the test's run. */
static const char *
without_mnemonic (const char *label)
{
  static GPtrArray *kept;
  GString *plain = g_string_new (label);

  g_string_replace (plain, "_", "", 1);
  if (kept == NULL)
    kept = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (kept, g_string_free (plain, FALSE));
  return g_ptr_array_index (kept, kept->len - 1);
}


static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

static const char *language (void);

/* From the test's language, not from what GTK (and the code under test) made of it. */
static gboolean
is_rtl (void)
{
  return g_str_equal (language (), "ar");
}

/* The chart's 0 to 10 scale is in the text; pdftotext reads a right-to-left page's in either
 * order. */
static void
assert_scale (const char *text)
{
  if (strstr (text, " 10 5 0 ") == NULL && !(is_rtl () && strstr (text, " 0 5 10 ") != NULL))
    g_error ("No 0 to 10 scale in the summary's text: %s", text);
}

static const char *
language (void)
{
  const char *name = setlocale (LC_MESSAGES, NULL);

  if (name == NULL || g_str_has_prefix (name, "C"))
    return "en";
  if (g_str_has_prefix (name, "de"))
    return "de";
  if (g_str_has_prefix (name, "ar"))
    return "ar";
  return name;
}

/* Every line the summary holds is on the page, on one page of the locale's paper, 0600. */
static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(LimberSummaryPrinter) printer = limber_summary_printer_new (f->summary);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *size = NULL;
  g_autofree char *png = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (LIMBER_SUMMARY_FIXTURE_NOW_US /
                                                             G_USEC_PER_SEC);
  g_autofree char *month = g_date_time_format (now, "%B");
  GStatBuf st;

  g_assert_true (limber_summary_printer_write_pdf (printer, f->pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* One page, of the paper LC_PAPER names: A4 in all three test locales. */
  info = run ((const char *[]) { "pdfinfo", f->pdf, NULL });
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_cmpint ((int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH), ==, 210);
  g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));

  /* Every line of the summary, in the UI language; in Arabic, pdftotext gives right-to-left
   * runs in visual order, so only the parts without letters are compared there. */
  text = pdf_text (f->pdf);
  g_test_message ("PDF text: %s", text);
  if (!is_rtl ())
    {
      g_autofree char *all = limber_doctor_summary_to_text (f->summary);
      g_auto(GStrv) lines = g_strsplit (all, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *line = squeeze (lines[i]);

          if (line[0] != '\0')
            g_assert_nonnull (strstr (text, g_strstrip (line)));
        }
    }

  /* The dates are in the UI language's words, "December" or "Dezember"; in Arabic, whose
   * words pdftotext splits, the year. */
  if (!is_rtl ())
    g_assert_nonnull (strstr (text, month));
  else
    g_assert_nonnull (strstr (text, "2026"));
  if (g_str_equal (language (), "de"))
    g_assert_nonnull (strstr (text, "Dezember"));

  /* The chart, drawn by the Progress page's code: its 0 to 10 scale, and today's label, which
   * it always shows, as the Progress page formats it. */
  assert_scale (text);
  if (!is_rtl ())
    {
      g_autofree char *label = g_date_time_format (now, _("%-d %b"));
      g_autofree char *spaced = g_strdup_printf (" %s ", g_strstrip (label));

      g_assert_nonnull (strstr (text, spaced));
    }

  /* For a person to look at: the page as an image. */
  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  name = g_str_equal (language (), "en") ? g_strdup ("doctor-summary")
                                         : g_strdup_printf ("doctor-summary-%s", language ());
  prefix = g_build_filename (dir, name, NULL);
  g_free (run ((const char *[]) { "pdftoppm", "-png", "-r", "100", "-singlefile", f->pdf, prefix,
                                  NULL }));
  png = g_strconcat (prefix, ".png", NULL);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_test_message ("page image: %s", png);
}

/* The title starts at the left margin, or in Arabic ends at the right one. */
static void
test_direction (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LimberSummaryPrinter) printer = limber_summary_printer_new (f->summary);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) word = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                        "xMax=\"([0-9.]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *bbox = NULL;
  double page_width, left = G_MAXDOUBLE, right = 0, top = G_MAXDOUBLE;

  g_assert_true (limber_summary_printer_write_pdf (printer, f->pdf, &error));
  limber_summary_printer_get_page_size (printer, &page_width, NULL);
  bbox = run ((const char *[]) { "pdftotext", "-bbox", f->pdf, "-", NULL });

  /* The words of the first line (the title): the ones highest on the page. */
  for (g_regex_match (word, bbox, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *y = g_match_info_fetch (match, 2);

      top = MIN (top, g_ascii_strtod (y, NULL));
    }
  g_clear_pointer (&match, g_match_info_free);
  for (g_regex_match (word, bbox, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *x0 = g_match_info_fetch (match, 1);
      g_autofree char *y = g_match_info_fetch (match, 2);
      g_autofree char *x1 = g_match_info_fetch (match, 3);

      if (g_ascii_strtod (y, NULL) > top + 2)
        continue;
      left = MIN (left, g_ascii_strtod (x0, NULL));
      right = MAX (right, g_ascii_strtod (x1, NULL));
    }
  g_clear_pointer (&match, g_match_info_free);

  g_test_message ("title from %.1f to %.1f of %.1f", left, right, page_width);

  /* The chart's scale reads from 10 at the top down to 0 at the bottom, under the heading. */
  {
    g_autoptr(GRegex) number = g_regex_new ("<word xMin=\"[0-9.]+\" yMin=\"([0-9.]+)\" "
                                            "xMax=\"([0-9.]+)\" yMax=\"[0-9.]+\">"
                                            "(10|5|0)</word>", 0, 0, NULL);
    double y[11] = { 0, };

    for (g_regex_match (number, bbox, 0, &match); g_match_info_matches (match);
         g_match_info_next (match, NULL))
      {
        g_autofree char *at = g_match_info_fetch (match, 1);
        g_autofree char *x = g_match_info_fetch (match, 2);
        g_autofree char *value = g_match_info_fetch (match, 3);

        /* The scale's labels, at the chart's left edge, not numbers in the text. */
        if (g_ascii_strtod (x, NULL) < MARGIN + 20)
          y[atoi (value)] = g_ascii_strtod (at, NULL);
      }
    g_clear_pointer (&match, g_match_info_free);
    g_test_message ("scale: 10 at %.1f, 5 at %.1f, 0 at %.1f", y[10], y[5], y[0]);
    g_assert_cmpfloat (y[10], >, 0);
    g_assert_cmpfloat (y[5], >, y[10]);
    g_assert_cmpfloat (y[0], >, y[5]);
  }
  /* Aligned to the margin it starts from, and inside the other; a title as long as the line
   * (German's) may reach it. */
  if (is_rtl ())
    {
      g_assert_cmpfloat (ABS (right - (page_width - MARGIN)), <, 3);
      g_assert_cmpfloat (left, >, MARGIN - 3);
    }
  else
    {
      g_assert_cmpfloat (ABS (left - MARGIN), <, 3);
      g_assert_cmpfloat (right, <, page_width - MARGIN + 3);
    }
}

/* A long record stays on two pages at most, numbered, with every word inside the margins: a
 * long note and a routine name with no space to break at wrap, long lists are cut short. */
static void
test_long (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(LimberSummaryPrinter) printer = NULL;
  g_autoptr(LimberDoctorSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new ("Stretches");
  g_autoptr(GRegex) word = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" "
                                        "xMax=\"([0-9.]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *info = NULL;
  g_autofree char *bbox = NULL;
  g_autofree char *text = NULL;
  double page_width;
  gint64 episode;

  for (guint i = 0; i < 100; i++)
    g_string_append (note, "It came back after carrying the shopping upstairs. ");
  for (guint i = 0; i < 12; i++)
    g_string_append (name, "AndMoreStretches");

  /* The current episode ends, eleven more short ones follow, the last with the long note. */
  for (guint i = 0; i < 12; i++)
    {
      episode = limber_journal_start_episode (f->journal, &error);
      g_assert_no_error (error);
      limber_fake_clock_advance (LIMBER_FAKE_CLOCK (f->clock), 3600 * (gint64) G_USEC_PER_SEC);
      g_assert_true (limber_journal_end_episode (f->journal, episode,
                                                 i == 11 ? note->str : NULL, &error));
      g_assert_no_error (error);
    }
  /* Twenty sessions stopped because they hurt, of a routine with a very long name. */
  for (guint i = 0; i < 20; i++)
    {
      gint64 now = limber_clock_now_wall_us (f->clock);
      g_autoptr(LimberSessionRecord) record =
        limber_session_record_new ("long", name->str, now, now + 60 * G_USEC_PER_SEC, 1, 5,
                                   LIMBER_SESSION_OUTCOME_STOPPED_FOR_PAIN);

      limber_journal_add_session (f->journal, record, &error);
      g_assert_no_error (error);
      limber_fake_clock_advance (LIMBER_FAKE_CLOCK (f->clock), 120 * (gint64) G_USEC_PER_SEC);
    }

  summary = limber_doctor_summary_new (f->journal, NULL, &error);
  g_assert_no_error (error);
  printer = limber_summary_printer_new (summary);
  g_assert_true (limber_summary_printer_write_pdf (printer, f->pdf, &error));
  g_assert_no_error (error);
  limber_summary_printer_get_page_size (printer, &page_width, NULL);

  info = run ((const char *[]) { "pdfinfo", f->pdf, NULL });
  g_test_message ("%s", info);
  g_assert_nonnull (strstr (info, "Pages:           2\n"));

  text = pdf_text (f->pdf);
  /* In the UI language: the lines as the summary gives them, translated. */
  if (!is_rtl ())
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more stopped session",
                                                            "and %u more stopped sessions", 15),
                                               15);
      g_autofree char *page = g_strdup_printf (_("Page %u of %u"), 2, 2);
      g_autofree char *episodes = g_strdup_printf (_("Episodes in the last 12 months: %u"), 13);

      g_assert_nonnull (strstr (text, more));
      g_assert_nonnull (strstr (text, page));
      g_assert_nonnull (strstr (text, episodes));
    }

  if (g_str_equal (language (), "en"))
    {
      g_autofree char *prefix = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots",
                                                  "doctor-summary-long", NULL);

      g_free (run ((const char *[]) { "pdftoppm", "-png", "-r", "60", f->pdf, prefix, NULL }));
    }

  bbox = run ((const char *[]) { "pdftotext", "-bbox", f->pdf, "-", NULL });
  for (g_regex_match (word, bbox, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *x0 = g_match_info_fetch (match, 1);
      g_autofree char *x1 = g_match_info_fetch (match, 2);

      g_assert_cmpfloat (g_ascii_strtod (x0, NULL), >=, MARGIN - 1);
      g_assert_cmpfloat (g_ascii_strtod (x1, NULL), <=, page_width - MARGIN + 1);
    }
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static gboolean
print_dialog_shown (gpointer data)
{
  GType type = g_type_from_name ("GtkPrintUnixDialog");

  return type != 0 && limber_ui_test_find_toplevel (type) != NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return limber_ui_test_find_toplevel (LIMBER_TYPE_SUMMARY_DIALOG) != NULL;
}

/* The dialog's buttons are named for screen readers; Save as PDF… writes the same file. */
static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  LimberSummaryDialog *dialog = limber_summary_dialog_new (f->summary);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *print, *save, *preview;
  GStatBuf st;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (limber_ui_test_spin_until (dialog_shown, NULL, 10000));

  print = limber_ui_test_find_button (GTK_WIDGET (dialog), without_mnemonic (_("_Print…")));
  save = limber_ui_test_find_button (GTK_WIDGET (dialog), without_mnemonic (_("_Save as PDF…")));
  g_assert_nonnull (print);
  g_assert_nonnull (save);
  g_assert_true (gtk_widget_is_sensitive (print));
  g_assert_true (gtk_widget_is_sensitive (save));
  preview = limber_ui_test_find_control (GTK_WIDGET (dialog), _("Preview of the Summary"));
  g_assert_nonnull (preview);
  limber_ui_test_assert_controls_named (GTK_WIDGET (dialog));
  g_assert_cmpuint (limber_summary_dialog_get_n_pages (dialog), ==, 1);

  g_assert_true (limber_summary_dialog_save_pdf (dialog, f->pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  text = pdf_text (f->pdf);
  if (!is_rtl ())
    g_assert_nonnull (strstr (text, limber_doctor_summary_get_prepared (f->summary)));
  else
    assert_scale (text);

  if (g_str_equal (language (), "en"))
    limber_ui_test_save_screenshot (GTK_WINDOW (dialog), "summary-dialog");

  /* Print… opens GTK's print dialog (which also prints to a file); cancelled, nothing else
   * happens. */
  {
    GType print_dialog;
    GtkWindow *shown;

    limber_ui_test_activate (print);
    g_assert_true (limber_ui_test_spin_until (print_dialog_shown, NULL, 10000));
    /* Registered once GTK first makes one. */
    print_dialog = g_type_from_name ("GtkPrintUnixDialog");
    shown = limber_ui_test_find_toplevel (print_dialog);
    g_assert_true (gtk_window_get_transient_for (shown) == GTK_WINDOW (dialog));
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    gtk_dialog_response (GTK_DIALOG (shown), GTK_RESPONSE_CANCEL);
    G_GNUC_END_IGNORE_DEPRECATIONS
    g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_no_toplevel,
                                              GSIZE_TO_POINTER (print_dialog), 10000));
  }

  /* Save as PDF… asks for a file; a name typed without ".pdf" gets it. */
  {
    g_autofree char *expected = g_build_filename (f->dir, "for-the-doctor.pdf", NULL);
    g_autofree char *cwd = g_get_current_dir ();
    GtkWindow *chooser;

    /* The chooser opens in the current folder: the test's own. */
    g_assert_cmpint (g_chdir (f->dir), ==, 0);
    limber_ui_test_activate (save);
    g_assert_true (limber_ui_test_spin_until (limber_ui_test_has_toplevel,
                                              GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG),
                                              10000));
    chooser = limber_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "for-the-doctor");
    /* As a person would: the chooser checks the name only for its own button. */
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    limber_ui_test_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser),
                                                                 GTK_RESPONSE_ACCEPT));
    G_GNUC_END_IGNORE_DEPRECATIONS
    g_assert_true (limber_ui_test_spin_until (file_exists, expected, 10000));
    g_assert_cmpint (g_stat (expected, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_chdir (cwd), ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* app.doctor-summary, which the menu, the check's result, Today and Progress activate. */
static void
test_action (void)
{
  g_autoptr(LimberApplication) app = NULL;
  LimberWindow *window = limber_ui_test_start_app (&app);
  GtkWindow *dialog;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "doctor-summary"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "doctor-summary", NULL);
  g_assert_true (limber_ui_test_spin_until (dialog_shown, NULL, 10000));
  dialog = limber_ui_test_find_toplevel (LIMBER_TYPE_SUMMARY_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_nonnull (limber_ui_test_find_button (GTK_WIDGET (dialog),
                                                without_mnemonic (_("_Save as PDF…"))));

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* As main.c does, so the page is laid out in the test's language, paper and direction. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LIMBER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  limber_ui_test_init (&argc, &argv);

  g_test_add ("/summary/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/summary/direction", Fixture, NULL, fixture_set_up, test_direction,
              fixture_tear_down);
  g_test_add ("/summary/long", Fixture, NULL, fixture_set_up, test_long, fixture_tear_down);
  g_test_add ("/summary/dialog", Fixture, NULL, fixture_set_up, test_dialog, fixture_tear_down);
  g_test_add_func ("/summary/action", test_action);

  return g_test_run ();
}
