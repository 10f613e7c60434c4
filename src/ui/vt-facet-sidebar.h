/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The filter sidebar: impact, year and price ranges and a section of values per facet, with counts. */

#pragma once

#include <gtk/gtk.h>

#include "vt-query-model.h"

G_BEGIN_DECLS

#define VT_TYPE_FACET_SIDEBAR (vt_facet_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (VtFacetSidebar, vt_facet_sidebar, VT, FACET_SIDEBAR, GtkWidget)

/* The sidebar changes @model's query and shows @model's facet counts
 * (taken over the whole collection, not the pieces shown); the
 * collection's years set the year range. */
GtkWidget      *vt_facet_sidebar_new           (VtQueryModel   *model);

/* Curating, the sidebar lists the review states and "Has problems"
 * (VT_FACET_REVIEW, VT_FACET_PROBLEMS) before the other facets. */
void            vt_facet_sidebar_set_curating  (VtFacetSidebar *self,
                                                gboolean        curating);
/* Counts again, soon (the model works everything out again): the
 * items' reviews or problems changed. */
void            vt_facet_sidebar_recount       (VtFacetSidebar *self);
/* Whether the counts of a result the grid shows are still to be shown
 * (they come in the frame after it). */
gboolean        vt_facet_sidebar_get_pending   (VtFacetSidebar *self);

/* The widgets the user works with, for tests and keyboard focus. The
 * check button of @value in @key's section, or NULL when not listed. */
GtkCheckButton *vt_facet_sidebar_get_check     (VtFacetSidebar *self,
                                                VtFacetKey      key,
                                                const char     *value);
/* The count shown beside @value, or -1 when it is not listed. */
int             vt_facet_sidebar_get_count     (VtFacetSidebar *self,
                                                VtFacetKey      key,
                                                const char     *value);
GtkSpinButton  *vt_facet_sidebar_get_spin      (VtFacetSidebar *self,
                                                VtRangeKey      key,
                                                gboolean        max);
GtkEditable    *vt_facet_sidebar_get_price_entry (VtFacetSidebar *self,
                                                gboolean        max);

G_END_DECLS
