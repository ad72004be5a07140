/* limber-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIMBER_ERROR (limber_error_quark ())

/**
 * LimberError:
 * @LIMBER_ERROR_INVALID_VALUE: a value is out of range or of the wrong form
 * @LIMBER_ERROR_PARSE: a file or string could not be parsed
 * @LIMBER_ERROR_NOT_FOUND: a named thing (routine, exercise, question) does not exist
 *
 * Error codes of the %LIMBER_ERROR domain. Messages say what was wrong and where.
 */
typedef enum
{
  LIMBER_ERROR_INVALID_VALUE,
  LIMBER_ERROR_PARSE,
  LIMBER_ERROR_NOT_FOUND,
} LimberError;

GQuark limber_error_quark (void);

G_END_DECLS
