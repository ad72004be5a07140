/* limber-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "limber-error.h"

G_DEFINE_QUARK (limber-error-quark, limber_error)
