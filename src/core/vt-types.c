/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Names and labels of the core's enumerations. */

#include "config.h"

#include "vt-types.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char * const facet_names[VT_N_FACETS] = {
  "decade", "region", "country", "politics", "conflict", "type", "artist", "group",
};

static const char * const range_names[VT_N_RANGES] = {
  "impact", "price", "year",
};

static const char * const sort_names[VT_N_SORT_KEYS] = {
  "impact", "price", "year", "number", "title",
};

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *name,
             guint              *index)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp (names[i], name) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vt_facet_key_to_string (VtFacetKey key)
{
  return (guint) key < VT_N_FACETS ? facet_names[key] : NULL;
}

gboolean
vt_facet_key_from_string (const char *name,
                          VtFacetKey *key)
{
  guint index;

  /* "countries" is the catalog member's name: accept it too. */
  if (name != NULL && g_ascii_strcasecmp (name, "countries") == 0)
    name = "country";
  if (!lookup_name (facet_names, VT_N_FACETS, name, &index))
    return FALSE;
  *key = (VtFacetKey) index;
  return TRUE;
}

const char *
vt_range_key_to_string (VtRangeKey key)
{
  return (guint) key < VT_N_RANGES ? range_names[key] : NULL;
}

gboolean
vt_range_key_from_string (const char *name,
                          VtRangeKey *key)
{
  guint index;

  if (!lookup_name (range_names, VT_N_RANGES, name, &index))
    return FALSE;
  *key = (VtRangeKey) index;
  return TRUE;
}

const char *
vt_sort_key_to_string (VtSortKey key)
{
  return (guint) key < VT_N_SORT_KEYS ? sort_names[key] : NULL;
}

gboolean
vt_sort_key_from_string (const char *name,
                         VtSortKey  *key)
{
  guint index;

  if (!lookup_name (sort_names, VT_N_SORT_KEYS, name, &index))
    return FALSE;
  *key = (VtSortKey) index;
  return TRUE;
}

const char *
vt_facet_key_get_label (VtFacetKey key)
{
  switch (key)
    {
    case VT_FACET_DECADE:   return _("Decade");
    case VT_FACET_REGION:   return _("Region");
    case VT_FACET_COUNTRY:  return _("Country");
    case VT_FACET_POLITICS: return _("Politics");
    case VT_FACET_CONFLICT: return _("Conflict");
    case VT_FACET_TYPE:     return _("Type");
    case VT_FACET_ARTIST:   return _("Artist");
    case VT_FACET_GROUP:    return _("Group");
    default:                g_return_val_if_reached (NULL);
    }
}

const char *
vt_range_key_get_label (VtRangeKey key)
{
  switch (key)
    {
    case VT_RANGE_IMPACT: return _("Impact");
    case VT_RANGE_PRICE:  return _("Price");
    case VT_RANGE_YEAR:   return _("Year");
    default:              g_return_val_if_reached (NULL);
    }
}

const char *
vt_sort_key_get_label (VtSortKey key)
{
  switch (key)
    {
    case VT_SORT_IMPACT: return _("Impact");
    case VT_SORT_PRICE:  return _("Price");
    case VT_SORT_YEAR:   return _("Year");
    case VT_SORT_NUMBER: return _("Number");
    case VT_SORT_TITLE:  return _("Title");
    default:             g_return_val_if_reached (NULL);
    }
}
