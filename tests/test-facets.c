/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for VtFacets: value counts the faceted-search way, with the other facets applied. */

#include "config.h"

#include "vt-catalog.h"
#include "vt-facets.h"

#include "query-fixture.h"

#include <locale.h>

/* "1910s=2 1940s=0 1960s=1*": each value, its count, * when selected. */
static char *
facet_string (VtFacets   *facets,
              VtFacetKey  key)
{
  GString *out = g_string_new (NULL);
  const VtFacetCount *counts;
  guint n_values;

  counts = vt_facets_get (facets, key, &n_values);
  for (guint i = 0; i < n_values; i++)
    g_string_append_printf (out, "%s%s=%u%s", i > 0 ? " " : "",
                            counts[i].value, counts[i].count,
                            counts[i].selected ? "*" : "");

  return g_string_free (out, FALSE);
}

#define assert_facet(facets, key, expected) \
  G_STMT_START { \
    g_autofree char *got_ = facet_string ((facets), (key)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_worked_example (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(VtFacets) facets = NULL;

  /*
   * The user picks the 1960s and Europe: only 61 (Berlin Wall) is left.
   * - Decade counts see Europe applied but not the decade itself: the
   *   European pieces are 14 and 17 (1910s), 56 (1950s), 61 (1960s)
   *   and 89 (1980s); 45 (Asia) leaves 1940s at 0.
   * - Region counts see the 1960s applied: 61 in Europe, 69 in North
   *   America; no Asian piece of the 1960s.
   * - Every other facet sees both applied: only 61's values count.
   *   69 (USA) fails only the region, yet counts for no country, since
   *   choosing a country would not bring it in.
   * - 99 has no value at all and is listed nowhere.
   */
  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1960s", TRUE);
  vt_query_set_facet_selected (query, VT_FACET_REGION, "Europe", TRUE);
  facets = vt_facets_compute (query, G_LIST_MODEL (store));

  g_assert_cmpuint (vt_facets_get_matched (facets), ==, 1);
  assert_facet (facets, VT_FACET_DECADE, "1910s=2 1940s=0 1950s=1 1960s=1* 1980s=1");
  assert_facet (facets, VT_FACET_REGION, "Asia=0 Europe=1* North America=1");
  assert_facet (facets, VT_FACET_COUNTRY,
                "Austria-Hungary=0 Germany=1 Hungary=0 Japan=0 Russia=0 Serbia=0 USA=0 USSR=1");
  assert_facet (facets, VT_FACET_CONFLICT, "Cold War=1 World War I=0 World War II=0");
  assert_facet (facets, VT_FACET_POLITICS,
                "Assassination=0 Division=1 Revolution=0 Science=0 War=0");
  assert_facet (facets, VT_FACET_TYPE, "Achievement=0 Historical Event=1");
}

/* The count of @value in @key must be what a user gets by choosing it:
 * the items the query lets through with @key's selection set to
 * @value alone. */
static guint
count_by_filtering (VtQuery    *query,
                    GListStore *store,
                    VtFacetKey  key,
                    const char *value)
{
  g_autofree const char **saved = vt_query_get_facet_selection (query, key);
  g_auto(GStrv) selection = g_strdupv ((char **) saved);
  guint n = 0;

  vt_query_clear_facet (query, key);
  vt_query_set_facet_selected (query, key, value, TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      n += vt_query_match (query, item);
    }

  vt_query_clear_facet (query, key);
  for (guint i = 0; selection[i] != NULL; i++)
    vt_query_set_facet_selected (query, key, selection[i], TRUE);

  return n;
}

static void
assert_counts_agree_with_filtering (VtQuery    *query,
                                    GListStore *store)
{
  g_autoptr(VtFacets) facets = vt_facets_compute (query, G_LIST_MODEL (store));
  guint matched = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      matched += vt_query_match (query, item);
    }
  g_assert_cmpuint (vt_facets_get_matched (facets), ==, matched);

  for (guint key = 0; key < VT_N_FACETS; key++)
    {
      const VtFacetCount *counts;
      guint n_values;

      counts = vt_facets_get (facets, key, &n_values);
      for (guint i = 0; i < n_values; i++)
        {
          g_test_message ("%s = %s", vt_facet_key_to_string (key), counts[i].value);
          g_assert_cmpuint (counts[i].count, ==, count_by_filtering (query, store, key, counts[i].value));
          g_assert_cmpint (counts[i].selected, ==, vt_query_get_facet_selected (query, key, counts[i].value));
        }
    }
}

static void
test_counts_agree_with_filtering (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();

  assert_counts_agree_with_filtering (query, store);

  vt_query_set_facet_selected (query, VT_FACET_COUNTRY, "USSR", TRUE);
  vt_query_set_facet_selected (query, VT_FACET_COUNTRY, "USA", TRUE);
  assert_counts_agree_with_filtering (query, store);

  vt_query_set_facet_selected (query, VT_FACET_CONFLICT, "Cold War", TRUE);
  vt_query_set_facet_selected (query, VT_FACET_ARTIST, "Stas Svetlov", TRUE);
  assert_counts_agree_with_filtering (query, store);

  vt_query_set_search (query, "wall");
  vt_query_set_int_range (query, VT_RANGE_IMPACT, 8, 10);
  assert_counts_agree_with_filtering (query, store);
}

static void
test_search_applies (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(VtFacets) facets = NULL;

  /* "berlin" leaves 61 and 89; the decade facet counts both. */
  vt_query_set_search (query, "berlin");
  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1960s", TRUE);
  facets = vt_facets_compute (query, G_LIST_MODEL (store));

  g_assert_cmpuint (vt_facets_get_matched (facets), ==, 1);
  assert_facet (facets, VT_FACET_DECADE, "1910s=0 1940s=0 1950s=0 1960s=1* 1980s=1");
  assert_facet (facets, VT_FACET_REGION, "Asia=0 Europe=1 North America=0");
}

static void
test_ranges_apply (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(VtFacets) facets = NULL;

  /* Impact 9 or 10: 14, 17, 45, 69 and 89. */
  vt_query_set_int_range (query, VT_RANGE_IMPACT, 9, 10);
  facets = vt_facets_compute (query, G_LIST_MODEL (store));

  g_assert_cmpuint (vt_facets_get_matched (facets), ==, 5);
  assert_facet (facets, VT_FACET_DECADE, "1910s=2 1940s=1 1950s=0 1960s=1 1980s=1");
}

static void
test_selected_value_listed (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(VtFacets) facets = NULL;

  /* A selected value no item has (left over from another catalog, say)
   * is still listed, so the user can unselect it. */
  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1920s", TRUE);
  facets = vt_facets_compute (query, G_LIST_MODEL (store));

  g_assert_cmpuint (vt_facets_get_matched (facets), ==, 0);
  assert_facet (facets, VT_FACET_DECADE, "1910s=2 1920s=0* 1940s=1 1950s=1 1960s=2 1980s=1");
  assert_facet (facets, VT_FACET_REGION, "Asia=0 Europe=0 North America=0");
}

static void
test_empty_query (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(VtFacets) facets = vt_facets_compute (query, G_LIST_MODEL (store));

  /* 89 names Germany twice: it is still one piece. */
  g_assert_cmpuint (vt_facets_get_matched (facets), ==, 8);
  assert_facet (facets, VT_FACET_COUNTRY,
                "Austria-Hungary=1 Germany=2 Hungary=1 Japan=1 Russia=1 Serbia=1 USA=2 USSR=2");
  assert_facet (facets, VT_FACET_GROUP, "Genesis=7");
  assert_facet (facets, VT_FACET_ARTIST, "Anna Kovács=3 Stas Svetlov=4");
}

static const char order_json[] =
  "{ \"items\": ["
  "  { \"number\": 1, \"decade\": \"1900s\", \"region\": \"europe\" },"
  "  { \"number\": 2, \"decade\": \"900s\", \"region\": \"Africa\" },"
  "  { \"number\": 3, \"decade\": \"Unknown\", \"region\": \"Zanzibar\" },"
  "  { \"number\": 4, \"decade\": \"2000s\", \"region\": \"Asia\" },"
  "  { \"number\": 5, \"decade\": \"1990s\", \"region\": \"Asia\" }"
  "] }";

static void
test_value_order (void)
{
  g_autoptr(GListStore) store = fixture_items_from_data (order_json);
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(VtFacets) facets = vt_facets_compute (query, G_LIST_MODEL (store));
  const VtFacetCount *regions;
  guint n_regions;

  /* Decades by their year, not as text ("900s" before "1900s"). */
  assert_facet (facets, VT_FACET_DECADE, "900s=1 1900s=1 1990s=1 2000s=1 Unknown=1");

  /* Other facets by collation, case aside: "europe" between A and Z. */
  regions = vt_facets_get (facets, VT_FACET_REGION, &n_regions);
  g_assert_cmpuint (n_regions, ==, 4);
  g_assert_cmpstr (regions[0].value, ==, "Africa");
  g_assert_cmpstr (regions[1].value, ==, "Asia");
  g_assert_cmpstr (regions[2].value, ==, "europe");
  g_assert_cmpstr (regions[3].value, ==, "Zanzibar");
}

static void
test_empty_model (void)
{
  g_autoptr(GListStore) store = g_list_store_new (VT_TYPE_ITEM);
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(VtFacets) facets = vt_facets_compute (query, G_LIST_MODEL (store));
  guint n_values = 42;

  g_assert_cmpuint (vt_facets_get_matched (facets), ==, 0);
  vt_facets_get (facets, VT_FACET_COUNTRY, &n_values);
  g_assert_cmpuint (n_values, ==, 0);
}

/* Every facet empty: nothing to sort, and nothing sorted out of bounds. */
static void
test_no_values (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "hostile", "facets-without-values.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (file, NULL, &error);
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(VtFacets) facets = NULL;

  g_assert_no_error (error);
  facets = vt_facets_compute (query, G_LIST_MODEL (catalog));
  g_assert_cmpuint (vt_facets_get_matched (facets), ==, 1);
  for (VtFacetKey key = 0; key < VT_N_FIELD_FACETS; key++)
    {
      guint n_values = 42;

      vt_facets_get (facets, key, &n_values);
      g_assert_cmpuint (n_values, ==, 0);
    }
  /* A piece always has a review state and has problems or none. */
  for (VtFacetKey key = VT_N_FIELD_FACETS; key < VT_N_FACETS; key++)
    {
      guint n_values = 42;

      vt_facets_get (facets, key, &n_values);
      g_assert_cmpuint (n_values, ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/facets/worked-example", test_worked_example);
  g_test_add_func ("/facets/counts-agree-with-filtering", test_counts_agree_with_filtering);
  g_test_add_func ("/facets/search-applies", test_search_applies);
  g_test_add_func ("/facets/ranges-apply", test_ranges_apply);
  g_test_add_func ("/facets/selected-value-listed", test_selected_value_listed);
  g_test_add_func ("/facets/empty-query", test_empty_query);
  g_test_add_func ("/facets/value-order", test_value_order);
  g_test_add_func ("/facets/empty-model", test_empty_model);
  g_test_add_func ("/facets/no-values", test_no_values);

  return g_test_run ();
}
