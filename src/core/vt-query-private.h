/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What VtFacets and VtQueryModel need of a VtQuery: each facet apart, a copy for a worker. */

#pragma once

#include "vt-query.h"

G_BEGIN_DECLS

/* TRUE when @item contains every search word and lies within every
 * range: the whole query but the facet selections. */
gboolean vt_query_match_search_and_ranges (VtQuery *self,
                                           VtItem  *item);
/* Bit 1 << F is set for every facet F with a selection that @item has
 * none of. 0 when the item passes every facet. */
guint    vt_query_get_facet_failures      (VtQuery *self,
                                           VtItem  *item);

/* TRUE when the two select the same items but for facet selections:
 * what vt_query_match_search_and_ranges() says of an item under one, it
 * says under the other. */
gboolean vt_query_same_search_and_ranges  (VtQuery *self,
                                           VtQuery *other);
/* A query that selects what @self selects now and that no one else
 * changes: a worker thread matches with it while the user goes on
 * changing @self. Emits nothing. */
VtQuery *vt_query_copy                    (VtQuery *self);

G_END_DECLS
