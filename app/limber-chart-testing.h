/* limber-chart-testing.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the chart tests read of a LimberChart's layout. Built in the limber-ui-testing library,
 * which only the tests link: the app has no use for it.
 */

#pragma once

#include "limber-chart.h"

G_BEGIN_DECLS

/**
 * limber_chart_get_n_shown_x_labels:
 *
 * Returns: how many of the x labels fit at the chart's current size, for tests
 */
guint             limber_chart_get_n_shown_x_labels (LimberChart            *self);

/**
 * limber_chart_get_shows_empty_text:
 *
 * Returns: whether the chart shows its empty text at its current size, for tests
 */
gboolean          limber_chart_get_shows_empty_text (LimberChart            *self);

/**
 * limber_chart_get_text_rects:
 *
 * Returns: (transfer full) (element-type graphene_rect_t): the ink rectangle of every text the
 *   chart draws at its current size, in its own coordinates, for tests
 */
GArray           *limber_chart_get_text_rects       (LimberChart            *self);

/**
 * limber_chart_get_n_shown_x_ticks:
 *
 * Returns: how many marks under the x axis the chart draws at its current size, for tests
 */
guint             limber_chart_get_n_shown_x_ticks  (LimberChart            *self);

/**
 * limber_chart_get_shown_x_label_texts:
 *
 * Returns: (transfer full): the x labels shown at the chart's current size, left to right, for
 *   tests
 */
GStrv             limber_chart_get_shown_x_label_texts (LimberChart         *self);

G_END_DECLS
