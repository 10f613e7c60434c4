/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The filter every view shares: search words, facet selections and ranges. */

#pragma once

#include <glib-object.h>

#include "vt-change.h"
#include "vt-item.h"
#include "vt-price.h"
#include "vt-types.h"

G_BEGIN_DECLS

#define VT_QUERY_ERROR (vt_query_error_quark ())

typedef enum
{
  VT_QUERY_ERROR_INVALID_RANGE,
} VtQueryError;

#define VT_TYPE_QUERY (vt_query_get_type ())

G_DECLARE_FINAL_TYPE (VtQuery, vt_query, VT, QUERY, GObject)

/*
 * An item matches when it contains every search word (folded, see
 * vt_text_fold()), when for every facet with selected values it has at
 * least one of them (OR within a facet, AND across facets), and when it
 * lies within every range that is set. Each change that alters which
 * items match emits ::changed once, with the narrowest VtChange that is
 * true, so a view re-checks only what it must and recounts facets.
 */
GQuark      vt_query_error_quark        (void);

VtQuery    *vt_query_new                (void);

void        vt_query_set_search         (VtQuery           *self,
                                         const char        *text);
const char *vt_query_get_search         (VtQuery           *self);

void        vt_query_set_facet_selected (VtQuery           *self,
                                         VtFacetKey         key,
                                         const char        *value,
                                         gboolean           selected);
gboolean    vt_query_get_facet_selected (VtQuery           *self,
                                         VtFacetKey         key,
                                         const char        *value);
/* Selected values of @key, sorted; NULL-terminated, free with g_free()
 * (the strings belong to the query). */
const char **vt_query_get_facet_selection (VtQuery         *self,
                                         VtFacetKey         key);
void        vt_query_clear_facet        (VtQuery           *self,
                                         VtFacetKey         key);
/* Items' values of @key changed without the query knowing (a review
 * recorded, problems found again): emits ::changed when @key has a
 * selection, so that filters check the items again. */
void        vt_query_facet_values_changed (VtQuery         *self,
                                         VtFacetKey         key);

/* Inclusive. For %VT_RANGE_PRICE use vt_query_set_price_range(). */
void        vt_query_set_int_range      (VtQuery           *self,
                                         VtRangeKey         key,
                                         int                min,
                                         int                max);
gboolean    vt_query_get_int_range      (VtQuery           *self,
                                         VtRangeKey         key,
                                         int               *min,
                                         int               *max);
/* Either bound may be NULL (open). */
void        vt_query_set_price_range    (VtQuery           *self,
                                         const VtPrice     *min,
                                         const VtPrice     *max);
gboolean    vt_query_get_price_range    (VtQuery           *self,
                                         VtPrice           *min,
                                         gboolean          *has_min,
                                         VtPrice           *max,
                                         gboolean          *has_max);
void        vt_query_clear_range        (VtQuery           *self,
                                         VtRangeKey         key);

/* Everything at once, one ::changed. */
void        vt_query_clear              (VtQuery           *self);
/* TRUE when every item matches. */
gboolean    vt_query_is_empty           (VtQuery           *self);
/* TRUE when no item can match (a range set empty). */
gboolean    vt_query_matches_none       (VtQuery           *self);

gboolean    vt_query_match              (VtQuery           *self,
                                         VtItem            *item);

/* Parses "2..8", "..8", "2..", "5" into an int range; FALSE with a
 * message when it does not. An open bound is G_MININT or G_MAXINT. */
gboolean    vt_parse_int_range          (const char        *text,
                                         int               *min,
                                         int               *max,
                                         GError           **error);
/* Same for prices ("0.5..2 ETH", "..2", "1.5"); an open bound has its
 * has_ flag FALSE. */
gboolean    vt_parse_price_range        (const char        *text,
                                         VtPrice           *min,
                                         gboolean          *has_min,
                                         VtPrice           *max,
                                         gboolean          *has_max,
                                         GError           **error);

G_END_DECLS
