/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one description of a catalog item's fields: JSON member, page keys, label, kind, query keys. */

#define G_LOG_DOMAIN "vitrine-field"

#include "config.h"

#include "vt-field.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * Everything else that names a field (the item's properties and JSON
 * reading, the page importer, validation, the sidebar, the detail
 * window) takes the name from here, so a field is added or renamed in
 * one place.
 */

/*
 * The limits on length are far above any real piece's (a Genesis title
 * has under 60 characters, an About one paragraph, a history paragraph
 * a few thousand characters) and low enough that each place can show
 * the whole of a valid value: a window lays out all it is given. The
 * README's validate section lists them; keep the two in step.
 */
#define TITLE_CHARS      1000
#define ABOUT_CHARS      16000
#define PARAGRAPH_CHARS  64000
#define PARAGRAPHS       100
#define VALUE_CHARS      1000   /* an attribute: a facet value, a price */
#define COUNTRIES        250    /* more than there are countries */
#define PATH_CHARS       4096   /* PATH_MAX on Linux */

#define NO VT_FIELD_NO_KEY

static const VtFieldInfo fields[VT_N_FIELDS] = {
  { VT_FIELD_NUMBER,    "number",    { "Number" },              N_("Number"),
    VT_FIELD_KIND_INTEGER,    NO,                NO,              VT_SORT_NUMBER,
    0,               0 },
  { VT_FIELD_TITLE,     "title",     { "Title" },               N_("Title"),
    VT_FIELD_KIND_TEXT,       NO,                NO,              VT_SORT_TITLE,
    TITLE_CHARS,     0 },
  { VT_FIELD_ABOUT,     "about",     { "About" },               N_("About"),
    VT_FIELD_KIND_TEXT,       NO,                NO,              NO,
    ABOUT_CHARS,     0 },
  { VT_FIELD_TEXT,      "text",      { NULL },                  N_("Text"),
    VT_FIELD_KIND_PARAGRAPHS, NO,                NO,              NO,
    PARAGRAPH_CHARS, PARAGRAPHS },
  { VT_FIELD_YEAR,      "year",      { "Year" },                N_("Year"),
    VT_FIELD_KIND_INTEGER,    NO,                VT_RANGE_YEAR,   VT_SORT_YEAR,
    0,               0 },
  { VT_FIELD_DECADE,    "decade",    { "Decade" },              N_("Decade"),
    VT_FIELD_KIND_FACET,      VT_FACET_DECADE,   NO,              NO,
    VALUE_CHARS,     0 },
  { VT_FIELD_REGION,    "region",    { "Region" },              N_("Region"),
    VT_FIELD_KIND_FACET,      VT_FACET_REGION,   NO,              NO,
    VALUE_CHARS,     0 },
  { VT_FIELD_COUNTRIES, "countries", { "Country", "Countries" }, N_("Country"),
    VT_FIELD_KIND_FACET_LIST, VT_FACET_COUNTRY,  NO,              NO,
    VALUE_CHARS,     COUNTRIES },
  { VT_FIELD_POLITICS,  "politics",  { "Politics" },            N_("Politics"),
    VT_FIELD_KIND_FACET,      VT_FACET_POLITICS, NO,              NO,
    VALUE_CHARS,     0 },
  { VT_FIELD_CONFLICT,  "conflict",  { "Conflict" },            N_("Conflict"),
    VT_FIELD_KIND_FACET,      VT_FACET_CONFLICT, NO,              NO,
    VALUE_CHARS,     0 },
  { VT_FIELD_TYPE,      "type",      { "Type" },                N_("Type"),
    VT_FIELD_KIND_FACET,      VT_FACET_TYPE,     NO,              NO,
    VALUE_CHARS,     0 },
  { VT_FIELD_IMPACT,    "impact",    { "Impact" },              N_("Impact"),
    VT_FIELD_KIND_INTEGER,    NO,                VT_RANGE_IMPACT, VT_SORT_IMPACT,
    0,               0 },
  { VT_FIELD_ARTIST,    "artist",    { "Artist" },              N_("Artist"),
    VT_FIELD_KIND_FACET,      VT_FACET_ARTIST,   NO,              NO,
    VALUE_CHARS,     0 },
  { VT_FIELD_GROUP,     "group",     { "Group" },               N_("Group"),
    VT_FIELD_KIND_FACET,      VT_FACET_GROUP,    NO,              NO,
    VALUE_CHARS,     0 },
  { VT_FIELD_PRICE,     "price",     { "Price" },               N_("Price"),
    VT_FIELD_KIND_PRICE,      NO,                VT_RANGE_PRICE,  VT_SORT_PRICE,
    VALUE_CHARS,     0 },
  { VT_FIELD_IMAGE,     "image",     { NULL },                  N_("Image"),
    VT_FIELD_KIND_IMAGE,      NO,                NO,              NO,
    PATH_CHARS,      0 },
};

#undef NO

const VtFieldInfo *
vt_field_get_info (VtField field)
{
  g_return_val_if_fail ((guint) field < VT_N_FIELDS, NULL);

  return &fields[field];
}

const char *
vt_field_get_member (VtField field)
{
  g_return_val_if_fail ((guint) field < VT_N_FIELDS, NULL);

  return fields[field].member;
}

const char *
vt_field_get_label (VtField field)
{
  g_return_val_if_fail ((guint) field < VT_N_FIELDS, NULL);

  return _(fields[field].label);
}

gboolean
vt_field_is_string (VtField field)
{
  g_return_val_if_fail ((guint) field < VT_N_FIELDS, FALSE);

  switch (fields[field].kind)
    {
    case VT_FIELD_KIND_TEXT:
    case VT_FIELD_KIND_FACET:
    case VT_FIELD_KIND_PRICE:
    case VT_FIELD_KIND_IMAGE:
      return TRUE;
    case VT_FIELD_KIND_PARAGRAPHS:
    case VT_FIELD_KIND_INTEGER:
    case VT_FIELD_KIND_FACET_LIST:
    default:
      return FALSE;
    }
}

guint
vt_field_get_max_chars (VtField field)
{
  g_return_val_if_fail ((guint) field < VT_N_FIELDS, 0);

  return fields[field].max_chars;
}

guint
vt_field_get_max_values (VtField field)
{
  g_return_val_if_fail ((guint) field < VT_N_FIELDS, 0);

  return fields[field].max_values;
}

const VtFieldInfo *
vt_field_lookup_member (const char *member)
{
  g_return_val_if_fail (member != NULL, NULL);

  for (guint i = 0; i < VT_N_FIELDS; i++)
    if (strcmp (fields[i].member, member) == 0)
      return &fields[i];
  return NULL;
}

const VtFieldInfo *
vt_field_lookup_page_key (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < VT_N_FIELDS; i++)
    for (guint k = 0; fields[i].page_keys[k] != NULL; k++)
      if (g_ascii_strcasecmp (fields[i].page_keys[k], key) == 0)
        return &fields[i];
  return NULL;
}

/* The field of each facet, range and sort key: the query asks for them
 * item after item, so they are looked up once. */
static struct
{
  VtField facets[VT_N_FIELD_FACETS];
  VtField ranges[VT_N_RANGES];
  VtField sorts[VT_N_SORT_KEYS];
} by_key;

static void
ensure_by_key (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;

  for (guint i = 0; i < VT_N_FIELDS; i++)
    {
      if (fields[i].facet != VT_FIELD_NO_KEY)
        by_key.facets[fields[i].facet] = (VtField) i;
      if (fields[i].range != VT_FIELD_NO_KEY)
        by_key.ranges[fields[i].range] = (VtField) i;
      if (fields[i].sort != VT_FIELD_NO_KEY)
        by_key.sorts[fields[i].sort] = (VtField) i;
    }
  g_once_init_leave (&done, 1);
}

VtField
vt_field_for_facet (VtFacetKey key)
{
  g_return_val_if_fail ((guint) key < VT_N_FIELD_FACETS, VT_FIELD_TITLE);

  ensure_by_key ();
  return by_key.facets[key];
}

VtField
vt_field_for_range (VtRangeKey key)
{
  g_return_val_if_fail ((guint) key < VT_N_RANGES, VT_FIELD_TITLE);

  ensure_by_key ();
  return by_key.ranges[key];
}

VtField
vt_field_for_sort (VtSortKey key)
{
  g_return_val_if_fail ((guint) key < VT_N_SORT_KEYS, VT_FIELD_TITLE);

  ensure_by_key ();
  return by_key.sorts[key];
}
