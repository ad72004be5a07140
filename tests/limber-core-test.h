/* limber-core-test.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the unit tests of app/core.
 */

#pragma once

#include "limber-catalog.h"

G_BEGIN_DECLS

LimberCatalog *limber_core_test_load_catalog (void);

G_END_DECLS
