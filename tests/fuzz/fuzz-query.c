/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: vitrine-cli query's options (ranges, prices, facets, sort) over a small catalog. */

#include "config.h"

#include "vt-query.h"
#include "vt-sorter.h"

#include <json-glib/json-glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * The input is the options, one a line, as vitrine-cli query takes them:
 * the search words, --impact, --year, --price, --sort, then any number
 * of --facet KEY=VALUE.
 */

static const char catalog_items[] =
  "["
  "{\"number\": 56, \"title\": \"1956 - Hungarian Revolution\", \"year\": 1956,"
  " \"decade\": \"1950s\", \"region\": \"Europe\", \"countries\": [\"Hungary\", \"USSR\"],"
  " \"politics\": \"Revolution\", \"conflict\": \"Cold War\", \"type\": \"Historical Event\","
  " \"impact\": 7, \"artist\": \"Stas Svetlov\", \"group\": \"Genesis\", \"price\": \"0.7 ETH\"},"
  "{\"number\": 14, \"title\": \"1914 - Assassination in Sarajevo\", \"year\": 1914,"
  " \"decade\": \"1910s\", \"region\": \"Europe\", \"countries\": [\"Austria-Hungary\"],"
  " \"impact\": 9, \"artist\": \"Anna Kovács\", \"price\": \"1,250.5 USD\"},"
  "{\"number\": 45, \"title\": \"Ünnep – ŐSZ ﬁ\", \"year\": -44, \"impact\": 10,"
  " \"price\": \"340282366920938463463.374607431768211455 ETH\"},"
  "{\"number\": 2, \"title\": \"\", \"price\": \".5\"},"
  "{\"number\": 99, \"title\": \"Nothing else\"}"
  "]";

static GPtrArray *items;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(JsonNode) root = json_from_string (catalog_items, NULL);
  JsonArray *array;

  if (root == NULL)
    abort ();
  array = json_node_get_array (root);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (items, vt_item_new_from_json (json_array_get_object_element (array, i),
                                                   NULL, NULL));
  return 0;
}

static void
apply_int_range (VtQuery    *query,
                 VtRangeKey  key,
                 const char *text)
{
  g_autoptr(GError) error = NULL;
  int min, max;

  if (vt_parse_int_range (text, &min, &max, &error))
    vt_query_set_int_range (query, key, min, max);
  else if (error == NULL || error->message[0] == '\0')
    abort ();
}

static void
apply_price_range (VtQuery    *query,
                   const char *text)
{
  g_autoptr(GError) error = NULL;
  VtPrice min, max;
  gboolean has_min, has_max;

  if (vt_parse_price_range (text, &min, &has_min, &max, &has_max, &error))
    vt_query_set_price_range (query, has_min ? &min : NULL, has_max ? &max : NULL);
  else if (error == NULL || error->message[0] == '\0')
    abort ();
}

/* As vitrine-cli: KEY=VALUE, the key one of the facets' names. */
static void
apply_facet (VtQuery    *query,
             const char *text)
{
  const char *equals = strchr (text, '=');
  g_autofree char *name = NULL;
  VtFacetKey key, again;

  if (equals == NULL || equals[1] == '\0')
    return;
  name = g_strndup (text, equals - text);
  if (!vt_facet_key_from_string (name, &key))
    return;
  /* Any spelling accepted names a facet whose own name reads back. */
  if (!vt_facet_key_from_string (vt_facet_key_to_string (key), &again) || again != key)
    abort ();
  vt_query_set_facet_selected (query, key, equals + 1, TRUE);
  if (!vt_query_get_facet_selected (query, key, equals + 1))
    abort ();
}

static int
sign (int value)
{
  return value < 0 ? -1 : value > 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(VtSorter) sorter = NULL;
  VtSortKey sort_key = VT_SORT_NUMBER;
  guint n_matched = 0;

  if (n_lines > 0 && g_utf8_validate (lines[0], -1, NULL))
    vt_query_set_search (query, lines[0]);
  if (n_lines > 1)
    apply_int_range (query, VT_RANGE_IMPACT, lines[1]);
  if (n_lines > 2)
    apply_int_range (query, VT_RANGE_YEAR, lines[2]);
  if (n_lines > 3)
    apply_price_range (query, lines[3]);
  if (n_lines > 4)
    vt_sort_key_from_string (lines[4], &sort_key);
  for (guint i = 5; i < n_lines; i++)
    apply_facet (query, lines[i]);

  for (guint i = 0; i < items->len; i++)
    if (vt_query_match (query, g_ptr_array_index (items, i)))
      n_matched++;
  if (vt_query_matches_none (query) && n_matched > 0)
    abort ();
  if (vt_query_is_empty (query) && n_matched != items->len)
    abort ();

  /* The order the matches are shown in is total and consistent. */
  sorter = vt_sorter_new (sort_key, size % 2 == 1);
  for (guint i = 0; i < items->len; i++)
    for (guint j = 0; j < items->len; j++)
      {
        VtItem *a = g_ptr_array_index (items, i);
        VtItem *b = g_ptr_array_index (items, j);

        if (sign (vt_sorter_compare (sorter, a, b)) != -sign (vt_sorter_compare (sorter, b, a))
            || (i == j) != (vt_sorter_compare (sorter, a, b) == 0))
          abort ();
      }

  vt_query_clear (query);
  for (guint i = 0; i < items->len; i++)
    if (!vt_query_match (query, g_ptr_array_index (items, i)))
      abort ();

  return 0;
}
