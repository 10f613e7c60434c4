/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Facet counts and the items that match, in one pass over an array of items, for a worker thread. */

#pragma once

#include "vt-facets.h"

G_BEGIN_DECLS

/*
 * vt_facets_compute() over @n_items @items (an item that is not a VtItem
 * matches nothing and counts nowhere). When @matches is not NULL, sets
 * matches[i] to whether items[i] matches the whole query: the same pass
 * gives the facet counts and the items a view shows.
 *
 * @passes, when not NULL, holds for each item whether it contains the
 * search words and lies within the ranges (vt_query_match_search_and_ranges()):
 * set by this pass, or, when @passes_known, read from an earlier pass of
 * a query with the same words and ranges, so that a change of facets
 * only does not read the items' text again.
 *
 * Only reads @query and the items, so it runs in a worker thread on a
 * query no one else changes (vt_query_copy()). NULL when @cancellable
 * was cancelled.
 */
VtFacets *vt_facets_compute_items (VtQuery       *query,
                                   VtItem *const *items,
                                   guint          n_items,
                                   guint8        *passes,
                                   gboolean       passes_known,
                                   guint8        *matches,
                                   GCancellable  *cancellable);

G_END_DECLS
