/* limber-application-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line: --version, --export, --summary and --routine are answered here, in the
 * process that was started, before any window.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "config.h"
#include "limber-summary-printer.h"
#include "limber-text.h"
#include "limber-application-private.h"

/* An argument as the terminal should show it: control characters, which could move the cursor
 * or retitle the window, and bytes that are not UTF-8 are written as escapes; a long one is
 * cut short. */
static char *
escape_for_terminal (const char *text)
{
  return limber_text_quote (text, 80);
}

/* --export FILE: runs here, without a window or the primary instance; the journal is safe to
 * share. */
static int
export_records (LimberApplication *self,
                const char        *path)
{
  g_autoptr(GError) error = NULL;

  if (!limber_journal_export (limber_application_get_journal (self), path, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print (_("Exported your records to %s\n"), path);
  return EXIT_SUCCESS;
}

/* --summary FILE.pdf */
static int
write_summary (LimberApplication *self,
               const char        *path)
{
  g_autoptr(LimberDoctorSummary) summary = NULL;
  g_autoptr(LimberSummaryPrinter) printer = NULL;
  g_autoptr(GError) error = NULL;

  /* The page's chart is drawn by the Progress page's widget, which needs GTK. */
  if (!gtk_init_check ())
    {
      g_printerr (_("Could not write the summary: no display to lay the page out with\n"));
      return EXIT_FAILURE;
    }

  summary = limber_doctor_summary_new (limber_application_get_journal (self), NULL, &error);
  if (summary == NULL)
    {
      g_printerr (_("No summary was written: %s\n"), error->message);
      return EXIT_FAILURE;
    }

  printer = limber_summary_printer_new (summary);
  if (!limber_summary_printer_write_pdf (printer, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print (_("Wrote the summary for your doctor to %s\n"), path);
  return EXIT_SUCCESS;
}

/* --routine ID: checked here, so that a typo or a routine the care plan does not allow now is
 * answered on the command line rather than in a window; then started in the primary instance,
 * whether that is this process or one already running. Returns -1 to go on starting. */
static int
start_routine (LimberApplication *self,
               const char        *routine_id)
{
  GApplication *app = G_APPLICATION (self);
  LimberCatalog *catalog = limber_application_get_catalog (self);
  LimberRoutine *routine = limber_catalog_find_routine (catalog, routine_id);
  g_autoptr(GError) error = NULL;

  if (routine == NULL)
    {
      g_autofree char *ids = limber_catalog_dup_routine_ids (catalog);
      g_autofree char *shown = escape_for_terminal (routine_id);

      g_printerr (_("Unknown routine “%s”. The routines are: %s\n"), shown, ids);
      return EXIT_FAILURE;
    }

  if (!limber_care_plan_allows_routine (limber_application_get_care_plan (self), routine,
                                        &error))
    {
      g_printerr (_("Not starting “%s”: %s\n"), routine_id, error->message);
      return EXIT_FAILURE;
    }

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                  g_variant_new_string (routine_id));
  return g_application_get_is_remote (app) ? EXIT_SUCCESS : -1;
}

/**
 * limber_application_handle_local_options:
 *
 * GApplication's handle-local-options: the options this process answers itself.
 *
 * Returns: an exit status, or -1 to go on starting
 */
int
limber_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  const char *path = NULL;
  const char *routine_id = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "limber", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (g_variant_dict_lookup (options, "export", "^&ay", &path))
    return export_records (self, path);
  if (g_variant_dict_lookup (options, "summary", "^&ay", &path))
    return write_summary (self, path);
  if (g_variant_dict_lookup (options, "routine", "&s", &routine_id))
    return start_routine (self, routine_id);

  return -1;
}
