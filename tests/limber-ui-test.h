/* limber-ui-test.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the UI tests, which drive the real window under Xvfb: spinning the main loop
 * with an upper bound, finding the widgets a user sees, accessibility and layout checks, and
 * screenshots.
 */

#pragma once

#include <adwaita.h>

#include "limber-application.h"
#include "limber-window.h"

G_BEGIN_DECLS

/* Whether what a test waits for has happened. */
typedef gboolean (*LimberUiTestDone)  (gpointer    data);
/* Whether @widget is the one looked for, given @text. */
typedef gboolean (*LimberUiTestMatch) (GtkWidget  *widget,
                                       const char *text);

gboolean   limber_ui_test_spin_until             (LimberUiTestDone   done,
                                                  gpointer           data,
                                                  guint              timeout_ms);
void       limber_ui_test_spin_for               (guint              ms);

char      *limber_ui_test_button_text            (GtkWidget         *button);
gboolean   limber_ui_test_has_accessible_label   (GtkWidget         *widget,
                                                  const char        *label);
gboolean   limber_ui_test_is_button_named        (GtkWidget         *widget,
                                                  const char        *label);

GtkWidget *limber_ui_test_find_mapped            (GtkWidget         *root,
                                                  LimberUiTestMatch  match,
                                                  const char        *text);
GtkWidget *limber_ui_test_find_button            (GtkWidget         *root,
                                                  const char        *label);
GtkWidget *limber_ui_test_find_control           (GtkWidget         *root,
                                                  const char        *name);
GtkWidget *limber_ui_test_find_label             (GtkWidget         *root,
                                                  const char        *text);
GtkWidget *limber_ui_test_find_label_with_prefix (GtkWidget         *root,
                                                  const char        *prefix);
GtkWidget *limber_ui_test_find_label_containing  (GtkWidget         *root,
                                                  const char        *text);
GtkWidget *limber_ui_test_find_of_type           (GtkWidget         *root,
                                                  GType              type);
GtkWindow *limber_ui_test_find_toplevel          (GType              type);
gboolean   limber_ui_test_has_toplevel           (gpointer           type);
gboolean   limber_ui_test_has_no_toplevel        (gpointer           type);

gboolean   limber_ui_test_is_inside_toast        (GtkWidget         *widget);

void       limber_ui_test_activate               (GtkWidget         *button);

void       limber_ui_test_assert_controls_named  (GtkWidget         *root);
void       limber_ui_test_assert_controls_inside (GtkWindow         *window,
                                                  int                width);
gboolean   limber_ui_test_controls_inside        (GtkWindow         *window,
                                                  int                width);
void       limber_ui_test_resize_narrow          (GtkWindow         *window,
                                                  int                width,
                                                  int                height);

void       limber_ui_test_save_screenshot        (GtkWindow         *window,
                                                  const char        *name);
void       limber_ui_test_set_width              (LimberWindow      *window,
                                                  int                width);

void       limber_ui_test_remove_tree            (const char        *path);
void       limber_ui_test_init                   (int               *argc,
                                                  char            ***argv);
LimberWindow *limber_ui_test_start_app              (LimberApplication **app);

void       limber_ui_test_add_check              (LimberJournal     *journal,
                                                  LimberTriageOutcome outcome);

G_END_DECLS
