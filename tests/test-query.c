/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for VtQuery: search words, facets, ranges and the hints its changes carry. */

#include "config.h"

#include "vt-query.h"

#include "query-fixture.h"
#include "vt-test-util.h"

#include <string.h>

/* The numbers of the items of @store that @query lets through, in
 * store order. */
static char *
matches (VtQuery    *query,
         GListStore *store)
{
  g_autoptr(GListStore) matched = g_list_store_new (VT_TYPE_ITEM);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (vt_query_match (query, item))
        g_list_store_append (matched, item);
    }

  return fixture_numbers (G_LIST_MODEL (matched));
}

#define assert_matches(query, store, expected) \
  G_STMT_START { \
    g_autofree char *got_ = matches ((query), (store)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_search_case_insensitive (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();

  vt_query_set_search (query, "budapest");
  assert_matches (query, store, "56");
  vt_query_set_search (query, "BUDAPEST");
  assert_matches (query, store, "56");
  vt_query_set_search (query, "Hiroshima");
  assert_matches (query, store, "45");
}

static void
test_search_accent_insensitive (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();

  vt_query_set_search (query, "kadar");
  assert_matches (query, store, "56");
  vt_query_set_search (query, "Kádár");
  assert_matches (query, store, "56");
  vt_query_set_search (query, "KÁDÁR");
  assert_matches (query, store, "56");
  /* The artist "Anna Kovács" is found without the accent. */
  vt_query_set_search (query, "kovacs");
  assert_matches (query, store, "45 61 89");
}

static void
test_search_all_words_required (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();

  vt_query_set_search (query, "berlin wall");
  assert_matches (query, store, "61 89");
  vt_query_set_search (query, "wall  berlin\tfall");
  assert_matches (query, store, "89");
  vt_query_set_search (query, "berlin hiroshima");
  assert_matches (query, store, "");
  vt_query_set_search (query, "   ");
  assert_matches (query, store, "56 14 45 61 69 89 17 99");
}

static void
test_search_attributes_and_countries (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();

  vt_query_set_search (query, "ussr");
  assert_matches (query, store, "56 61");
  vt_query_set_search (query, "cold war");
  assert_matches (query, store, "56 61 69 89");
  vt_query_set_search (query, "achievement");
  assert_matches (query, store, "69");
  vt_query_set_search (query, "1910s");
  assert_matches (query, store, "14 17");
}

static void
on_notify_cb (guint *count)
{
  (*count)++;
}

static void
test_search_property (void)
{
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autofree char *search = NULL;
  guint notified = 0;

  g_signal_connect_swapped (query, "notify::search", G_CALLBACK (on_notify_cb), &notified);

  g_object_set (query, "search", "Budapest", NULL);
  g_object_get (query, "search", &search, NULL);
  g_assert_cmpstr (search, ==, "Budapest");
  g_assert_cmpstr (vt_query_get_search (query), ==, "Budapest");
  g_assert_cmpuint (notified, ==, 1);

  vt_query_set_search (query, "Budapest");
  g_assert_cmpuint (notified, ==, 1);

  vt_query_set_search (query, NULL);
  g_assert_cmpstr (vt_query_get_search (query), ==, "");
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_facet_each_kind (void)
{
  static const struct {
    VtFacetKey key;
    const char *value;
    const char *expected;
  } cases[] = {
    { VT_FACET_DECADE, "1910s", "14 17" },
    { VT_FACET_REGION, "Asia", "45" },
    { VT_FACET_COUNTRY, "Serbia", "14" },
    { VT_FACET_POLITICS, "Revolution", "56 89 17" },
    { VT_FACET_CONFLICT, "World War II", "45" },
    { VT_FACET_TYPE, "Achievement", "69" },
    { VT_FACET_ARTIST, "Anna Kovács", "45 61 89" },
    { VT_FACET_GROUP, "Genesis", "56 14 45 61 69 89 17" },
  };
  g_autoptr(GListStore) store = fixture_items ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VtQuery) query = vt_query_new ();

      vt_query_set_facet_selected (query, cases[i].key, cases[i].value, TRUE);
      g_assert_true (vt_query_get_facet_selected (query, cases[i].key, cases[i].value));
      g_assert_false (vt_query_is_empty (query));
      assert_matches (query, store, cases[i].expected);
    }
}

static void
test_facet_or_within_and_across (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autofree const char **selection = NULL;

  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1960s", TRUE);
  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1910s", TRUE);
  assert_matches (query, store, "14 61 69 17");

  vt_query_set_facet_selected (query, VT_FACET_REGION, "Europe", TRUE);
  assert_matches (query, store, "14 61 17");

  selection = vt_query_get_facet_selection (query, VT_FACET_DECADE);
  g_assert_cmpuint (g_strv_length ((char **) selection), ==, 2);
  g_assert_cmpstr (selection[0], ==, "1910s");
  g_assert_cmpstr (selection[1], ==, "1960s");

  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1910s", FALSE);
  assert_matches (query, store, "61");

  vt_query_clear_facet (query, VT_FACET_DECADE);
  g_assert_false (vt_query_get_facet_selected (query, VT_FACET_DECADE, "1960s"));
  assert_matches (query, store, "56 14 61 89 17");
}

static void
test_facet_country_multi_valued (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();

  /* 56 is Hungary and USSR, 61 Germany and USSR. */
  vt_query_set_facet_selected (query, VT_FACET_COUNTRY, "USSR", TRUE);
  assert_matches (query, store, "56 61");
  vt_query_set_facet_selected (query, VT_FACET_COUNTRY, "USA", TRUE);
  assert_matches (query, store, "56 45 61 69");
  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1960s", TRUE);
  assert_matches (query, store, "61 69");
}

static void
test_range_int (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();
  int min, max;

  vt_query_set_int_range (query, VT_RANGE_IMPACT, 9, 10);
  assert_matches (query, store, "14 45 69 89 17");
  g_assert_true (vt_query_get_int_range (query, VT_RANGE_IMPACT, &min, &max));
  g_assert_cmpint (min, ==, 9);
  g_assert_cmpint (max, ==, 10);

  /* Open lower bound; 99 has no impact and stays out. */
  vt_query_set_int_range (query, VT_RANGE_IMPACT, G_MININT, 7);
  assert_matches (query, store, "56");

  vt_query_clear_range (query, VT_RANGE_IMPACT);
  g_assert_false (vt_query_get_int_range (query, VT_RANGE_IMPACT, NULL, NULL));
  assert_matches (query, store, "56 14 45 61 69 89 17 99");

  vt_query_set_int_range (query, VT_RANGE_YEAR, 1960, G_MAXINT);
  assert_matches (query, store, "61 69 89");
  vt_query_set_int_range (query, VT_RANGE_YEAR, 1945, 1945);
  assert_matches (query, store, "45");

  /* Both ranges at once. */
  vt_query_set_int_range (query, VT_RANGE_YEAR, 1900, 1950);
  vt_query_set_int_range (query, VT_RANGE_IMPACT, 10, 10);
  assert_matches (query, store, "45 17");
}

static VtPrice
price (const char *text)
{
  g_autoptr(GError) error = NULL;
  VtPrice value;

  vt_price_parse (text, &value, &error);
  g_assert_no_error (error);
  return value;
}

static void
test_range_price (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();
  VtPrice one = price ("1 ETH"), two = price ("2 ETH"), low = price ("0.7 ETH");
  VtPrice min, max;
  gboolean has_min, has_max;

  vt_query_set_price_range (query, &one, &two);
  assert_matches (query, store, "14 89");
  g_assert_true (vt_query_get_price_range (query, &min, &has_min, &max, &has_max));
  g_assert_true (has_min && has_max);
  g_assert_true (vt_price_equal (&min, &one));
  g_assert_true (vt_price_equal (&max, &two));

  /* Open lower bound, bound included. */
  vt_query_set_price_range (query, NULL, &low);
  assert_matches (query, store, "56 61");
  g_assert_true (vt_query_get_price_range (query, NULL, &has_min, NULL, &has_max));
  g_assert_false (has_min);
  g_assert_true (has_max);

  /* Open upper bound. */
  vt_query_set_price_range (query, &two, NULL);
  assert_matches (query, store, "45 69");

  vt_query_clear_range (query, VT_RANGE_PRICE);
  g_assert_false (vt_query_get_price_range (query, NULL, &has_min, NULL, &has_max));
  g_assert_false (has_min || has_max);
  assert_matches (query, store, "56 14 45 61 69 89 17 99");
}

static void
test_range_empty (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(VtQuery) query = vt_query_new ();

  g_assert_false (vt_query_matches_none (query));
  vt_query_set_int_range (query, VT_RANGE_IMPACT, 5, 3);
  g_assert_true (vt_query_matches_none (query));
  assert_matches (query, store, "");
  vt_query_clear_range (query, VT_RANGE_IMPACT);
  g_assert_false (vt_query_matches_none (query));
}

static void
test_empty (void)
{
  g_autoptr(VtQuery) query = vt_query_new ();

  g_assert_true (vt_query_is_empty (query));

  vt_query_set_search (query, "wall");
  g_assert_false (vt_query_is_empty (query));

  /* Spaces alone search for nothing. */
  vt_query_set_search (query, "  ");
  g_assert_true (vt_query_is_empty (query));
}

static void
test_hints_search (void)
{
  g_autoptr(VtQuery) query = vt_query_new ();
  g_auto(VtTestHints) recorder = { NULL };

  vt_test_hints_watch (&recorder, query, "changed");

  vt_query_set_search (query, "bud");
  vt_test_hints_expect (&recorder, VT_CHANGE_NARROWER);
  vt_query_set_search (query, "buda");
  vt_test_hints_expect (&recorder, VT_CHANGE_NARROWER);
  vt_query_set_search (query, "bud");
  vt_test_hints_expect (&recorder, VT_CHANGE_WIDER);
  vt_query_set_search (query, "bud ");
  vt_test_hints_expect (&recorder, -1);
  vt_query_set_search (query, "bud pest");
  vt_test_hints_expect (&recorder, VT_CHANGE_NARROWER);
  vt_query_set_search (query, "pest bud");
  vt_test_hints_expect (&recorder, -1);
  vt_query_set_search (query, "bud");
  vt_test_hints_expect (&recorder, VT_CHANGE_WIDER);
  /* A word that does not contain the old one. */
  vt_query_set_search (query, "kadar");
  vt_test_hints_expect (&recorder, VT_CHANGE_DIFFERENT);
  /* "Kádár" folds to the same word. */
  vt_query_set_search (query, "Kádár");
  vt_test_hints_expect (&recorder, -1);
  /* Adding a letter at the front still extends the word. */
  vt_query_set_search (query, "skadar");
  vt_test_hints_expect (&recorder, VT_CHANGE_NARROWER);
  vt_query_set_search (query, "");
  vt_test_hints_expect (&recorder, VT_CHANGE_WIDER);

}

static void
test_hints_facets (void)
{
  g_autoptr(VtQuery) query = vt_query_new ();
  g_auto(VtTestHints) recorder = { NULL };

  vt_test_hints_watch (&recorder, query, "changed");

  /* The first value of a facet narrows... */
  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1950s", TRUE);
  vt_test_hints_expect (&recorder, VT_CHANGE_NARROWER);
  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1950s", TRUE);
  vt_test_hints_expect (&recorder, -1);
  /* ...a further value of the same facet widens. */
  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1960s", TRUE);
  vt_test_hints_expect (&recorder, VT_CHANGE_WIDER);
  /* Another facet narrows again. */
  vt_query_set_facet_selected (query, VT_FACET_COUNTRY, "USSR", TRUE);
  vt_test_hints_expect (&recorder, VT_CHANGE_NARROWER);
  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1960s", FALSE);
  vt_test_hints_expect (&recorder, VT_CHANGE_NARROWER);
  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1960s", FALSE);
  vt_test_hints_expect (&recorder, -1);
  /* The last value of a facet gone, the facet allows everything. */
  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1950s", FALSE);
  vt_test_hints_expect (&recorder, VT_CHANGE_WIDER);
  vt_query_clear_facet (query, VT_FACET_COUNTRY);
  vt_test_hints_expect (&recorder, VT_CHANGE_WIDER);
  vt_query_clear_facet (query, VT_FACET_COUNTRY);
  vt_test_hints_expect (&recorder, -1);

}

static void
test_hints_ranges (void)
{
  g_autoptr(VtQuery) query = vt_query_new ();
  VtPrice one = price ("1 ETH"), two = price ("2 ETH"), three = price ("3 ETH");
  g_auto(VtTestHints) recorder = { NULL };

  vt_test_hints_watch (&recorder, query, "changed");

  vt_query_set_int_range (query, VT_RANGE_IMPACT, 3, 8);
  vt_test_hints_expect (&recorder, VT_CHANGE_NARROWER);
  vt_query_set_int_range (query, VT_RANGE_IMPACT, 4, 8);
  vt_test_hints_expect (&recorder, VT_CHANGE_NARROWER);
  vt_query_set_int_range (query, VT_RANGE_IMPACT, 2, 9);
  vt_test_hints_expect (&recorder, VT_CHANGE_WIDER);
  vt_query_set_int_range (query, VT_RANGE_IMPACT, 5, 10);
  vt_test_hints_expect (&recorder, VT_CHANGE_DIFFERENT);
  vt_query_set_int_range (query, VT_RANGE_IMPACT, 5, 10);
  vt_test_hints_expect (&recorder, -1);
  /* Opening a bound widens. */
  vt_query_set_int_range (query, VT_RANGE_IMPACT, G_MININT, 10);
  vt_test_hints_expect (&recorder, VT_CHANGE_WIDER);
  vt_query_clear_range (query, VT_RANGE_IMPACT);
  vt_test_hints_expect (&recorder, VT_CHANGE_WIDER);
  vt_query_clear_range (query, VT_RANGE_IMPACT);
  vt_test_hints_expect (&recorder, -1);

  vt_query_set_int_range (query, VT_RANGE_YEAR, 1950, 1960);
  vt_test_hints_expect (&recorder, VT_CHANGE_NARROWER);

  vt_query_set_price_range (query, &one, &three);
  vt_test_hints_expect (&recorder, VT_CHANGE_NARROWER);
  vt_query_set_price_range (query, &one, &two);
  vt_test_hints_expect (&recorder, VT_CHANGE_NARROWER);
  vt_query_set_price_range (query, NULL, &two);
  vt_test_hints_expect (&recorder, VT_CHANGE_WIDER);
  vt_query_set_price_range (query, &two, NULL);
  vt_test_hints_expect (&recorder, VT_CHANGE_DIFFERENT);

  /* Clearing everything is one change. */
  vt_query_set_search (query, "wall");
  vt_test_hints_expect (&recorder, VT_CHANGE_NARROWER);
  vt_query_clear (query);
  vt_test_hints_expect (&recorder, VT_CHANGE_WIDER);
  g_assert_true (vt_query_is_empty (query));
  g_assert_cmpstr (vt_query_get_search (query), ==, "");
  vt_query_clear (query);
  vt_test_hints_expect (&recorder, -1);

}

static void
test_parse_int_range (void)
{
  static const struct {
    const char *text;
    int min, max;
  } good[] = {
    { "2..8", 2, 8 },
    { "..8", G_MININT, 8 },
    { "2..", 2, G_MAXINT },
    { "5", 5, 5 },
    { " 3 .. 4 ", 3, 4 },
    { "1950..1959", 1950, 1959 },
    { "-50..-10", -50, -10 },
  };
  static const char * const bad[] = {
    "", "  ", "..", "a..3", "2..x", "8..2", "1.5", "99999999999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int min = 0, max = 0;

      g_assert_true (vt_parse_int_range (good[i].text, &min, &max, &error));
      g_assert_no_error (error);
      g_assert_cmpint (min, ==, good[i].min);
      g_assert_cmpint (max, ==, good[i].max);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      int min = 7, max = 7;

      g_assert_false (vt_parse_int_range (bad[i], &min, &max, &error));
      g_assert_error (error, VT_QUERY_ERROR, VT_QUERY_ERROR_INVALID_RANGE);
      /* The message quotes what the user wrote, when there was anything. */
      if (strlen (bad[i]) > 2)
        g_assert_nonnull (strstr (error->message, bad[i]));
      g_assert_cmpint (min, ==, 7);
      g_assert_cmpint (max, ==, 7);
    }
}

static void
test_parse_price_range (void)
{
  g_autoptr(GError) error = NULL;
  VtPrice min, max;
  VtPrice half = price ("0.5 ETH"), two = price ("2 ETH");
  gboolean has_min, has_max;

  g_assert_true (vt_parse_price_range ("0.5..2 ETH", &min, &has_min, &max, &has_max, &error));
  g_assert_no_error (error);
  g_assert_true (has_min && has_max);
  g_assert_true (vt_price_equal (&min, &half));
  g_assert_true (vt_price_equal (&max, &two));

  g_assert_true (vt_parse_price_range ("..2 ETH", &min, &has_min, &max, &has_max, &error));
  g_assert_false (has_min);
  g_assert_true (has_max);
  g_assert_true (vt_price_equal (&max, &two));

  g_assert_true (vt_parse_price_range (".5..", &min, &has_min, &max, &has_max, &error));
  g_assert_true (has_min);
  g_assert_false (has_max);
  g_assert_cmpint (vt_price_compare (&min, &(VtPrice) { half.amount, NULL }), ==, 0);

  g_assert_false (vt_parse_price_range ("3..1 ETH", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, VT_QUERY_ERROR, VT_QUERY_ERROR_INVALID_RANGE);
  g_assert_nonnull (strstr (error->message, "3..1 ETH"));
  g_clear_error (&error);

  g_assert_false (vt_parse_price_range ("cheap..2", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, VT_QUERY_ERROR, VT_QUERY_ERROR_INVALID_RANGE);
  g_assert_nonnull (strstr (error->message, "cheap"));
  g_clear_error (&error);

  g_assert_false (vt_parse_price_range ("1 ETH..2 USD", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, VT_QUERY_ERROR, VT_QUERY_ERROR_INVALID_RANGE);
}

static void
test_query_finalizes (void)
{
  VtQuery *query = vt_query_new ();

  vt_query_set_search (query, "Kádár Budapest");
  vt_query_set_facet_selected (query, VT_FACET_COUNTRY, "Hungary", TRUE);
  vt_query_set_int_range (query, VT_RANGE_YEAR, 1950, 1960);
  g_assert_finalize_object (query);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query/search/case-insensitive", test_search_case_insensitive);
  g_test_add_func ("/query/search/accent-insensitive", test_search_accent_insensitive);
  g_test_add_func ("/query/search/all-words-required", test_search_all_words_required);
  g_test_add_func ("/query/search/attributes-and-countries", test_search_attributes_and_countries);
  g_test_add_func ("/query/search/property", test_search_property);
  g_test_add_func ("/query/facet/each-kind", test_facet_each_kind);
  g_test_add_func ("/query/facet/or-within-and-across", test_facet_or_within_and_across);
  g_test_add_func ("/query/facet/country-multi-valued", test_facet_country_multi_valued);
  g_test_add_func ("/query/range/int", test_range_int);
  g_test_add_func ("/query/range/price", test_range_price);
  g_test_add_func ("/query/range/empty", test_range_empty);
  g_test_add_func ("/query/empty", test_empty);
  g_test_add_func ("/query/hints/search", test_hints_search);
  g_test_add_func ("/query/hints/facets", test_hints_facets);
  g_test_add_func ("/query/hints/ranges", test_hints_ranges);
  g_test_add_func ("/query/parse/int-range", test_parse_int_range);
  g_test_add_func ("/query/parse/price-range", test_parse_price_range);
  g_test_add_func ("/query/finalize", test_query_finalizes);

  return g_test_run ();
}
