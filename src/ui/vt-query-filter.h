/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A VtQuery as a GtkFilter, for GTK's filter models (the synchronous chain VtQueryModel is held to). */

#pragma once

#include <gtk/gtk.h>

#include "vt-query.h"

G_BEGIN_DECLS

#define VT_TYPE_QUERY_FILTER (vt_query_filter_get_type ())

G_DECLARE_FINAL_TYPE (VtQueryFilter, vt_query_filter, VT, QUERY_FILTER, GtkFilter)

/* Matches what @query matches; each VtQuery::changed becomes one
 * GtkFilter::changed with the same strictness hint. */
GtkFilter *vt_query_filter_new (VtQuery *query);

G_END_DECLS
