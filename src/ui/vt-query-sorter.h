/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A VtSorter as a GtkSorter, for GTK's sort models (the synchronous chain VtQueryModel is held to). */

#pragma once

#include <gtk/gtk.h>

#include "vt-sorter.h"

G_BEGIN_DECLS

#define VT_TYPE_QUERY_SORTER (vt_query_sorter_get_type ())

G_DECLARE_FINAL_TYPE (VtQuerySorter, vt_query_sorter, VT, QUERY_SORTER, GtkSorter)

/* Orders items as @sorter does (a total order); each VtSorter::changed
 * becomes one GtkSorter::changed. */
GtkSorter *vt_query_sorter_new (VtSorter *sorter);

G_END_DECLS
