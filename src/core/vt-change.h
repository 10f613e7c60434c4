/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How a change to a query or an order relates the new result to the old one. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VtChange:
 * @VT_CHANGE_DIFFERENT: anything may have changed
 * @VT_CHANGE_NARROWER: only fewer items match (or compare apart): what did
 *   not match before still does not
 * @VT_CHANGE_WIDER: only more items match (or compare equal): what matched
 *   before still does
 *
 * Carried by VtQuery::changed and VtSorter::changed, so that a view can
 * redo only what the change touches.
 */
typedef enum
{
  VT_CHANGE_DIFFERENT,
  VT_CHANGE_NARROWER,
  VT_CHANGE_WIDER,
} VtChange;

G_END_DECLS
