/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Value counts of every facet under a query, the usual faceted-search way. */

#pragma once

#include <gio/gio.h>

#include "vt-query.h"

G_BEGIN_DECLS

typedef struct
{
  const char *value;     /* belongs to the VtFacets */
  guint       count;     /* items left if this value were (also) chosen */
  gboolean    selected;
} VtFacetCount;

typedef struct _VtFacets VtFacets;

/*
 * Counts, over @items, for every facet F and value v, the items that
 * match the search, the ranges and the selections of every facet but F,
 * and have v. So a user sees how many pieces each further click leaves;
 * a value whose count is 0 is listed still (the window dims it). Every
 * value present in @items is listed, plus every selected value. One pass
 * over the items.
 */
VtFacets           *vt_facets_compute     (VtQuery    *query,
                                           GListModel *items);
/* Values in display order (decades by year, others by collation), n_values out. */
const VtFacetCount *vt_facets_get         (VtFacets   *facets,
                                           VtFacetKey  key,
                                           guint      *n_values);
/* Items matching the whole query. */
guint               vt_facets_get_matched (VtFacets   *facets);
void                vt_facets_free        (VtFacets   *facets);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtFacets, vt_facets_free)

G_END_DECLS
