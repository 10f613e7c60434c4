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
 * counts.
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
} VtFacetKey;

#define VT_N_FACETS (VT_FACET_GROUP + 1)

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

/* Translated, human names ("Decade", "Impact", ...): the labels of
 * their fields (vt-field.h). */
const char *vt_facet_key_get_label (VtFacetKey key);
const char *vt_range_key_get_label (VtRangeKey key);

G_END_DECLS
