/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Enumerations shared by the catalog core: facets, ranges, sort keys, severities. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VtFacetKey:
 *
 * The attributes a collection can be narrowed by. An item has one value
 * for each facet, except %VT_FACET_COUNTRY where each of its countries
 * counts. The first %VT_N_FIELD_FACETS are catalog fields (vt-field.h);
 * %VT_FACET_REVIEW and %VT_FACET_PROBLEMS are what curators narrow by,
 * set on the items by the review store and by validation, with the
 * stable values of vt_facet_value_get_label().
 */
typedef enum
{
  VT_FACET_DECADE,
  VT_FACET_REGION,
  VT_FACET_COUNTRY,
  VT_FACET_POLITICS,
  VT_FACET_CONFLICT,
  VT_FACET_TYPE,
  VT_FACET_ARTIST,
  VT_FACET_GROUP,
  VT_FACET_REVIEW,
  VT_FACET_PROBLEMS,
} VtFacetKey;

#define VT_N_FIELD_FACETS (VT_FACET_GROUP + 1)
#define VT_N_FACETS (VT_FACET_PROBLEMS + 1)

/* The values of %VT_FACET_PROBLEMS. */
#define VT_FACET_VALUE_HAS_PROBLEMS "has-problems"
#define VT_FACET_VALUE_NO_PROBLEMS "no-problems"

/**
 * VtReviewState:
 * @VT_REVIEW_STATE_NOT_REVIEWED: nobody has checked the piece yet
 * @VT_REVIEW_STATE_APPROVED: a curator checked it and found it right
 * @VT_REVIEW_STATE_NEEDS_CHANGES: a curator found something to fix
 *
 * What a curator recorded about a piece. The nicks ("approved",
 * "needs-changes") are written in review files and are the values of
 * %VT_FACET_REVIEW.
 */
typedef enum
{
  VT_REVIEW_STATE_NOT_REVIEWED,
  VT_REVIEW_STATE_APPROVED,
  VT_REVIEW_STATE_NEEDS_CHANGES,
} VtReviewState;

#define VT_N_REVIEW_STATES (VT_REVIEW_STATE_NEEDS_CHANGES + 1)

typedef enum
{
  VT_RANGE_IMPACT,
  VT_RANGE_PRICE,
  VT_RANGE_YEAR,
} VtRangeKey;

#define VT_N_RANGES (VT_RANGE_YEAR + 1)

typedef enum
{
  VT_SORT_IMPACT,
  VT_SORT_PRICE,
  VT_SORT_YEAR,
  VT_SORT_NUMBER,
  VT_SORT_TITLE,
} VtSortKey;

#define VT_N_SORT_KEYS (VT_SORT_TITLE + 1)

typedef enum
{
  VT_SEVERITY_WARNING,
  VT_SEVERITY_ERROR,
} VtSeverity;

/* Stable, untranslated names ("decade", "impact", ...) used on the
 * command line, in settings and in files: the nicks of the enumerations'
 * GTypes (vt-enums.h). NULL, or FALSE, when unknown. */
const char *vt_facet_key_to_string (VtFacetKey key);
gboolean    vt_facet_key_from_string (const char *name,
                                      VtFacetKey *key);
const char *vt_sort_key_to_string (VtSortKey key);
gboolean    vt_sort_key_from_string (const char *name,
                                     VtSortKey  *key);

const char *vt_review_state_to_string (VtReviewState state);
gboolean    vt_review_state_from_string (const char    *name,
                                         VtReviewState *state);

/* Translated, human names ("Decade", "Impact", ...): the labels of
 * their fields (vt-field.h), "Review" and "Problems" for the curators'. */
const char *vt_facet_key_get_label (VtFacetKey key);
const char *vt_range_key_get_label (VtRangeKey key);
/* "Approved" for the value "approved" of %VT_FACET_REVIEW, "Has
 * problems" for %VT_FACET_VALUE_HAS_PROBLEMS; a field facet's value is
 * its own label. */
const char *vt_facet_value_get_label (VtFacetKey  key,
                                      const char *value);
/* "Not reviewed", "Approved", "Needs changes". */
const char *vt_review_state_get_label (VtReviewState state);

G_END_DECLS
