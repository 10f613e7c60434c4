/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one description of a catalog item's fields: JSON member, page keys, label, kind, query keys. */

#pragma once

#include <glib.h>

#include "vt-types.h"

G_BEGIN_DECLS

/**
 * VtField:
 *
 * The members of a catalog item that Vitrine knows, in the order a
 * catalog writes them.
 */
typedef enum
{
  VT_FIELD_NUMBER,
  VT_FIELD_TITLE,
  VT_FIELD_ABOUT,
  VT_FIELD_TEXT,
  VT_FIELD_YEAR,
  VT_FIELD_DECADE,
  VT_FIELD_REGION,
  VT_FIELD_COUNTRIES,
  VT_FIELD_POLITICS,
  VT_FIELD_CONFLICT,
  VT_FIELD_TYPE,
  VT_FIELD_IMPACT,
  VT_FIELD_ARTIST,
  VT_FIELD_GROUP,
  VT_FIELD_PRICE,
  VT_FIELD_IMAGE,
} VtField;

#define VT_N_FIELDS (VT_FIELD_IMAGE + 1)

/**
 * VtFieldKind:
 * @VT_FIELD_KIND_TEXT: a string (the title, the About paragraph)
 * @VT_FIELD_KIND_PARAGRAPHS: a list of strings, one per paragraph
 * @VT_FIELD_KIND_INTEGER: a whole number
 * @VT_FIELD_KIND_FACET: a string the collection can be narrowed by
 * @VT_FIELD_KIND_FACET_LIST: a list of strings, each a facet value
 * @VT_FIELD_KIND_PRICE: an exact amount and currency, as a string
 * @VT_FIELD_KIND_IMAGE: a path, relative to the catalog's folder
 *
 * How a field is written in the catalog and read by people.
 */
typedef enum
{
  VT_FIELD_KIND_TEXT,
  VT_FIELD_KIND_PARAGRAPHS,
  VT_FIELD_KIND_INTEGER,
  VT_FIELD_KIND_FACET,
  VT_FIELD_KIND_FACET_LIST,
  VT_FIELD_KIND_PRICE,
  VT_FIELD_KIND_IMAGE,
} VtFieldKind;

/* For a field that has no facet, range or sort key. */
#define VT_FIELD_NO_KEY (-1)

#define VT_FIELD_MAX_PAGE_KEYS 2

typedef struct
{
  VtField      field;
  /* The JSON member, which is also the VtItem property. */
  const char  *member;
  /* The keys of a published page's "Key: value" lines that give the
   * field, compared without case, the first as the page writes it; none
   * for the fields a page does not set by a key. */
  const char  *page_keys[VT_FIELD_MAX_PAGE_KEYS + 1];
  /* For people, untranslated: pass it through _() or use
   * vt_field_get_label(). */
  const char  *label;
  VtFieldKind  kind;
  /* The VtFacetKey, VtRangeKey and VtSortKey of the field, or
   * VT_FIELD_NO_KEY. */
  int          facet;
  int          range;
  int          sort;
  /* The longest value validation accepts, in characters (for a list,
   * of each of its strings), and for a list how many strings; 0 for a
   * field without text. Longer loads and shows, cut, with a problem. */
  guint        max_chars;
  guint        max_values;
} VtFieldInfo;

const VtFieldInfo *vt_field_get_info          (VtField     field);
const char        *vt_field_get_member        (VtField     field);
/* The translated label ("Decade", "Impact"). */
const char        *vt_field_get_label         (VtField     field);
gboolean           vt_field_is_string         (VtField     field);
guint              vt_field_get_max_chars     (VtField     field);
guint              vt_field_get_max_values    (VtField     field);

/* NULL when no field has that JSON member (compared exactly) or that
 * page key (compared without ASCII case). */
const VtFieldInfo *vt_field_lookup_member     (const char *member);
const VtFieldInfo *vt_field_lookup_page_key   (const char *key);

/* Only for the first %VT_N_FIELD_FACETS keys. */
VtField            vt_field_for_facet         (VtFacetKey  key);
VtField            vt_field_for_range         (VtRangeKey  key);
VtField            vt_field_for_sort          (VtSortKey   key);

G_END_DECLS
