/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pieces a VtQuery lets through, in a VtSorter's order, worked out off the main thread when there are many. */

#pragma once

#include <gio/gio.h>

#include "vt-facets.h"
#include "vt-query.h"
#include "vt-sorter.h"

G_BEGIN_DECLS

#define VT_TYPE_QUERY_MODEL (vt_query_model_get_type ())

G_DECLARE_FINAL_TYPE (VtQueryModel, vt_query_model, VT, QUERY_MODEL, GObject)

/*
 * A GListModel of the VtItems of @items that @query matches, in
 * @sorter's order (ties in @items' order): what a GtkSortListModel over
 * a GtkFilterListModel with the same query and sorter holds, item for
 * item. It also counts the facets under the query (as
 * vt_facets_compute()) in the same pass.
 *
 * Each change of the query or the sorter is worked out at once when
 * @items has at most VtQueryModel:sync-limit items; otherwise in a
 * worker thread, while the model goes on showing the last result, and
 * a newer change cancels an older one. Either way a result is applied
 * as one items-changed over the part that changed, then ::updated.
 * A change of more than a few of @items themselves (a load) is worked
 * out at once.
 */
VtQueryModel   *vt_query_model_new            (GListModel   *items,
                                               VtQuery      *query,
                                               VtSorter     *sorter);

GListModel     *vt_query_model_get_items      (VtQueryModel *self);
VtQuery        *vt_query_model_get_query      (VtQueryModel *self);
VtSorter       *vt_query_model_get_sorter     (VtQueryModel *self);

guint           vt_query_model_get_sync_limit (VtQueryModel *self);
void            vt_query_model_set_sync_limit (VtQueryModel *self,
                                               guint         n_items);
/* TRUE while a worker works out a change not shown yet. */
gboolean        vt_query_model_get_pending    (VtQueryModel *self);

/* The facet counts of the result shown (valid until the next
 * ::updated). */
VtFacets       *vt_query_model_get_facets     (VtQueryModel *self);

/* Works out everything again: the items' review states or problems
 * changed, which the facets count. */
void            vt_query_model_refresh        (VtQueryModel *self);

G_END_DECLS
