/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for VtQueryFilter and VtQuerySorter: the core's query and order in GTK's list models. */

#include "config.h"

#include "vt-query-filter.h"
#include "vt-query-sorter.h"

#include "query-fixture.h"
#include "vt-test-util.h"

static void
test_filter_hints (void)
{
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(GtkFilter) filter = vt_query_filter_new (query);
  g_auto(VtTestHints) recorder = { NULL };

  vt_test_hints_watch (&recorder, filter, "changed");

  vt_query_set_search (query, "bud");
  vt_test_hints_expect (&recorder, GTK_FILTER_CHANGE_MORE_STRICT);
  vt_query_set_search (query, "buda");
  vt_test_hints_expect (&recorder, GTK_FILTER_CHANGE_MORE_STRICT);
  vt_query_set_search (query, "bud");
  vt_test_hints_expect (&recorder, GTK_FILTER_CHANGE_LESS_STRICT);
  vt_query_set_search (query, "bud ");
  vt_test_hints_expect (&recorder, -1);
  vt_query_set_search (query, "kadar");
  vt_test_hints_expect (&recorder, GTK_FILTER_CHANGE_DIFFERENT);

  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1950s", TRUE);
  vt_test_hints_expect (&recorder, GTK_FILTER_CHANGE_MORE_STRICT);
  vt_query_set_facet_selected (query, VT_FACET_DECADE, "1960s", TRUE);
  vt_test_hints_expect (&recorder, GTK_FILTER_CHANGE_LESS_STRICT);

  vt_query_set_int_range (query, VT_RANGE_IMPACT, 3, 8);
  vt_test_hints_expect (&recorder, GTK_FILTER_CHANGE_MORE_STRICT);
  vt_query_set_int_range (query, VT_RANGE_IMPACT, 5, 10);
  vt_test_hints_expect (&recorder, GTK_FILTER_CHANGE_DIFFERENT);

  vt_query_clear (query);
  vt_test_hints_expect (&recorder, GTK_FILTER_CHANGE_LESS_STRICT);
  vt_query_clear (query);
  vt_test_hints_expect (&recorder, -1);

}

static void
test_filter_strictness (void)
{
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(GtkFilter) filter = vt_query_filter_new (query);

  g_assert_cmpint (gtk_filter_get_strictness (filter), ==, GTK_FILTER_MATCH_ALL);

  vt_query_set_search (query, "wall");
  g_assert_cmpint (gtk_filter_get_strictness (filter), ==, GTK_FILTER_MATCH_SOME);

  /* Spaces alone search for nothing. */
  vt_query_set_search (query, "  ");
  g_assert_cmpint (gtk_filter_get_strictness (filter), ==, GTK_FILTER_MATCH_ALL);

  vt_query_set_int_range (query, VT_RANGE_IMPACT, 5, 3);
  g_assert_cmpint (gtk_filter_get_strictness (filter), ==, GTK_FILTER_MATCH_NONE);
}

static void
test_models_update_in_place (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  VtQuery *query = vt_query_new ();
  VtSorter *sorter = vt_sorter_new (VT_SORT_IMPACT, TRUE);
  GtkFilterListModel *filtered =
    gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)), vt_query_filter_new (query));
  g_autoptr(GtkSortListModel) sorted =
    gtk_sort_list_model_new (G_LIST_MODEL (filtered), vt_query_sorter_new (sorter));
  g_autofree char *all = NULL, *cold_war = NULL, *europe = NULL, *by_year = NULL;

  g_object_add_weak_pointer (G_OBJECT (query), (gpointer *) &query);
  g_object_add_weak_pointer (G_OBJECT (sorter), (gpointer *) &sorter);
  /* The models hold the query and the sorter through the wrappers. */
  g_object_unref (query);
  g_object_unref (sorter);
  g_assert_nonnull (query);
  g_assert_nonnull (sorter);

  /* Impact descending, ties by number, 99 without an impact last. */
  all = fixture_numbers (G_LIST_MODEL (sorted));
  g_assert_cmpstr (all, ==, "17 45 14 69 89 61 56 99");

  vt_query_set_search (query, "cold war");
  cold_war = fixture_numbers (G_LIST_MODEL (sorted));
  g_assert_cmpstr (cold_war, ==, "69 89 61 56");

  vt_query_set_facet_selected (query, VT_FACET_REGION, "Europe", TRUE);
  europe = fixture_numbers (G_LIST_MODEL (sorted));
  g_assert_cmpstr (europe, ==, "89 61 56");

  vt_sorter_set_key (sorter, VT_SORT_YEAR);
  by_year = fixture_numbers (G_LIST_MODEL (sorted));
  g_assert_cmpstr (by_year, ==, "89 61 56");

  vt_query_set_search (query, NULL);
  g_clear_pointer (&by_year, g_free);
  by_year = fixture_numbers (G_LIST_MODEL (sorted));
  g_assert_cmpstr (by_year, ==, "89 61 56 17 14");

  g_clear_object (&sorted);
  g_assert_null (query);
  g_assert_null (sorter);
}

typedef struct
{
  guint           changed;
  GtkSorterChange last_change;
} SorterRecorder;

static void
on_sorter_changed_cb (SorterRecorder  *recorder,
                      GtkSorterChange  change)
{
  recorder->changed++;
  recorder->last_change = change;
}

static void
test_sorter_changes (void)
{
  g_autoptr(VtSorter) sorter = vt_sorter_new (VT_SORT_NUMBER, FALSE);
  g_autoptr(GtkSorter) gtk_sorter = vt_query_sorter_new (sorter);
  SorterRecorder recorder = { 0, };

  g_signal_connect_swapped (gtk_sorter, "changed", G_CALLBACK (on_sorter_changed_cb), &recorder);

  g_assert_cmpint (gtk_sorter_get_order (gtk_sorter), ==, GTK_SORTER_ORDER_TOTAL);

  vt_sorter_set_key (sorter, VT_SORT_PRICE);
  g_assert_cmpuint (recorder.changed, ==, 1);
  g_assert_cmpint (recorder.last_change, ==, GTK_SORTER_CHANGE_DIFFERENT);

  vt_sorter_set_key (sorter, VT_SORT_PRICE);
  g_assert_cmpuint (recorder.changed, ==, 1);

  /* Not INVERTED: ties and missing values keep their places. */
  vt_sorter_set_descending (sorter, TRUE);
  g_assert_cmpuint (recorder.changed, ==, 2);
  g_assert_cmpint (recorder.last_change, ==, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
on_items_changed_cb (guint *count)
{
  (*count)++;
}

static void
test_model_resorts_in_place (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  VtSorter *sorter = vt_sorter_new (VT_SORT_NUMBER, FALSE);
  g_autoptr(GtkSortListModel) model =
    gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (store)), vt_query_sorter_new (sorter));
  g_autofree char *by_number = NULL, *by_price = NULL, *by_price_desc = NULL;
  guint items_changed = 0;

  g_object_add_weak_pointer (G_OBJECT (sorter), (gpointer *) &sorter);
  g_object_unref (sorter);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed_cb), &items_changed);

  by_number = fixture_numbers (G_LIST_MODEL (model));
  g_assert_cmpstr (by_number, ==, "14 17 45 56 61 69 89 99");

  vt_sorter_set_key (sorter, VT_SORT_PRICE);
  by_price = fixture_numbers (G_LIST_MODEL (model));
  g_assert_cmpstr (by_price, ==, "61 56 17 89 14 45 69 99");
  /* One sort in one go, one items-changed. */
  g_assert_cmpuint (items_changed, ==, 1);

  vt_sorter_set_descending (sorter, TRUE);
  by_price_desc = fixture_numbers (G_LIST_MODEL (model));
  g_assert_cmpstr (by_price_desc, ==, "69 45 14 89 17 56 61 99");
  g_assert_cmpuint (items_changed, ==, 2);

  g_clear_object (&model);
  g_assert_null (sorter);
}

static void
test_wrappers_finalize (void)
{
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(VtSorter) sorter = vt_sorter_new (VT_SORT_TITLE, TRUE);
  GtkFilter *filter = vt_query_filter_new (query);
  GtkSorter *gtk_sorter = vt_query_sorter_new (sorter);

  g_assert_finalize_object (filter);
  g_assert_finalize_object (gtk_sorter);

  /* Changes after the wrappers are gone reach no one. */
  vt_query_set_search (query, "wall");
  vt_sorter_set_key (sorter, VT_SORT_YEAR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query-models/filter/hints", test_filter_hints);
  g_test_add_func ("/query-models/filter/strictness", test_filter_strictness);
  g_test_add_func ("/query-models/update-in-place", test_models_update_in_place);
  g_test_add_func ("/query-models/sorter/changes", test_sorter_changes);
  g_test_add_func ("/query-models/sorter/resorts-in-place", test_model_resorts_in_place);
  g_test_add_func ("/query-models/finalize", test_wrappers_finalize);

  return g_test_run ();
}
