/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for VtSorter: each key both ways, ties by number, missing values last. */

#include "config.h"

#include "vt-sorter.h"

#include "vt-enums.h"

#include "query-fixture.h"

#include <locale.h>

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      sorter)
{
  return vt_sorter_compare (sorter, *(VtItem * const *) a, *(VtItem * const *) b);
}

/* The numbers of @store's items as the sorter orders them. */
static char *
sorted_numbers (GListStore *store,
                VtSortKey   key,
                gboolean    descending)
{
  g_autoptr(VtSorter) sorter = vt_sorter_new (key, descending);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) sorted = g_list_store_new (VT_TYPE_ITEM);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));
  g_ptr_array_sort_with_data (items, compare_items, sorter);
  g_list_store_splice (sorted, 0, 0, items->pdata, items->len);

  return fixture_numbers (G_LIST_MODEL (sorted));
}

static void
test_each_key (void)
{
  static const struct {
    VtSortKey key;
    gboolean descending;
    const char *expected;
  } cases[] = {
    /* Impact 9 is shared by 14, 69 and 89, 10 by 17 and 45: they
     * ascend by number either way; 99 has no impact, price or year. */
    { VT_SORT_IMPACT, FALSE, "56 61 14 69 89 17 45 99" },
    { VT_SORT_IMPACT, TRUE, "17 45 14 69 89 61 56 99" },
    { VT_SORT_PRICE, FALSE, "61 56 17 89 14 45 69 99" },
    { VT_SORT_PRICE, TRUE, "69 45 14 89 17 56 61 99" },
    { VT_SORT_YEAR, FALSE, "14 17 45 56 61 69 89 99" },
    { VT_SORT_YEAR, TRUE, "89 69 61 56 45 17 14 99" },
    { VT_SORT_NUMBER, FALSE, "14 17 45 56 61 69 89 99" },
    { VT_SORT_NUMBER, TRUE, "99 89 69 61 56 45 17 14" },
    { VT_SORT_TITLE, FALSE, "14 17 45 56 61 69 89 99" },
    { VT_SORT_TITLE, TRUE, "99 89 69 61 56 45 17 14" },
  };
  g_autoptr(GListStore) store = fixture_items ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = sorted_numbers (store, cases[i].key, cases[i].descending);

      g_test_message ("%s %s", vt_sort_key_to_string (cases[i].key),
                      cases[i].descending ? "descending" : "ascending");
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static const char titles_json[] =
  "{ \"items\": ["
  "  { \"number\": 1, \"title\": \"Ébredés\" },"
  "  { \"number\": 2, \"title\": \"apple\" },"
  "  { \"number\": 3, \"title\": \"Ezüst\" },"
  "  { \"number\": 4, \"title\": \"Zebra\" },"
  "  { \"number\": 5, \"title\": \"EAGLE\" },"
  "  { \"number\": 6, \"title\": \"\" },"
  "  { \"about\": \"Neither number nor title.\" },"
  "  { \"number\": 8, \"title\": \"apple\" }"
  "] }";

static void
test_title_folded (void)
{
  g_autoptr(GListStore) store = fixture_items_from_data (titles_json);
  g_autofree char *ascending = sorted_numbers (store, VT_SORT_TITLE, FALSE);
  g_autofree char *descending = sorted_numbers (store, VT_SORT_TITLE, TRUE);

  /* Case and accents do not count; the two "apple" keep number order;
   * no title comes last, and no number after that. */
  g_assert_cmpstr (ascending, ==, "2 8 5 1 3 4 6 0");
  g_assert_cmpstr (descending, ==, "4 3 1 5 2 8 6 0");
}

static void
test_missing_number_last (void)
{
  g_autoptr(GListStore) store = fixture_items_from_data (titles_json);
  g_autofree char *ascending = sorted_numbers (store, VT_SORT_NUMBER, FALSE);
  g_autofree char *descending = sorted_numbers (store, VT_SORT_NUMBER, TRUE);

  g_assert_cmpstr (ascending, ==, "1 2 3 4 5 6 8 0");
  g_assert_cmpstr (descending, ==, "8 6 5 4 3 2 1 0");
}

static void
test_stable_under_store_order (void)
{
  g_autoptr(GListStore) store = fixture_items ();
  g_autoptr(GListStore) reversed = g_list_store_new (VT_TYPE_ITEM);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (store), i - 1);

      g_list_store_append (reversed, item);
    }

  /* The order is total: it does not depend on the order items came in. */
  for (guint key = 0; key < VT_N_SORT_KEYS; key++)
    for (guint descending = 0; descending < 2; descending++)
      {
        g_autofree char *a = sorted_numbers (store, key, descending);
        g_autofree char *b = sorted_numbers (reversed, key, descending);

        g_assert_cmpstr (a, ==, b);
      }
}

typedef struct
{
  guint    changed;
  VtChange last_change;
  guint    notified;
} Recorder;

static void
on_sorter_changed_cb (Recorder *recorder,
                      VtChange  change)
{
  recorder->changed++;
  recorder->last_change = change;
}

static void
on_notify_cb (Recorder *recorder)
{
  recorder->notified++;
}

static void
test_changes (void)
{
  g_autoptr(VtSorter) sorter = vt_sorter_new (VT_SORT_NUMBER, FALSE);
  Recorder recorder = { 0, };
  VtSortKey key;
  gboolean descending;

  g_signal_connect_swapped (sorter, "changed", G_CALLBACK (on_sorter_changed_cb), &recorder);
  g_signal_connect_swapped (sorter, "notify", G_CALLBACK (on_notify_cb), &recorder);

  vt_sorter_set_key (sorter, VT_SORT_PRICE);
  g_assert_cmpuint (recorder.changed, ==, 1);
  g_assert_cmpint (recorder.last_change, ==, VT_CHANGE_DIFFERENT);
  g_assert_cmpuint (recorder.notified, ==, 1);

  vt_sorter_set_key (sorter, VT_SORT_PRICE);
  g_assert_cmpuint (recorder.changed, ==, 1);
  g_assert_cmpuint (recorder.notified, ==, 1);

  /* Not a plain inversion: ties and missing values keep their place. */
  g_object_set (sorter, "descending", TRUE, NULL);
  g_assert_true (vt_sorter_get_descending (sorter));
  g_assert_cmpuint (recorder.changed, ==, 2);
  g_assert_cmpint (recorder.last_change, ==, VT_CHANGE_DIFFERENT);
  g_assert_cmpuint (recorder.notified, ==, 2);

  g_object_set (sorter, "key", VT_SORT_TITLE, "descending", TRUE, NULL);
  g_object_get (sorter, "key", &key, "descending", &descending, NULL);
  g_assert_cmpint (key, ==, VT_SORT_TITLE);
  g_assert_true (descending);
  g_assert_cmpuint (recorder.changed, ==, 3);
  g_assert_cmpuint (recorder.notified, ==, 3);

  g_assert_true (G_TYPE_IS_ENUM (VT_TYPE_SORT_KEY));
}

/* A price in another currency than the collection's is not the same
 * unit: it sorts after the others, grouped by currency, either way. */
static void
test_other_currencies_apart (void)
{
  g_autoptr(GListStore) store = fixture_items_from_data (
    "{ \"items\": ["
    " { \"number\": 1, \"price\": \"5 ETH\" },"
    " { \"number\": 2, \"price\": \"0.5 BTC\" },"
    " { \"number\": 3, \"price\": \"1 ETH\" },"
    " { \"number\": 4, \"price\": \"900 USD\" },"
    " { \"number\": 5, \"price\": \"0.1 BTC\" },"
    " { \"number\": 6 },"
    " { \"number\": 7, \"price\": \"3 ETH\" } ] }");
  g_autoptr(VtSorter) sorter = vt_sorter_new (VT_SORT_PRICE, FALSE);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) sorted = g_list_store_new (VT_TYPE_ITEM);
  g_autofree char *ascending = NULL;
  g_autofree char *descending = NULL;
  Recorder recorder = { 0, };

  g_signal_connect_swapped (sorter, "changed", G_CALLBACK (on_sorter_changed_cb), &recorder);
  vt_sorter_set_currency (sorter, "ETH");
  g_assert_cmpuint (recorder.changed, ==, 1);
  vt_sorter_set_currency (sorter, "ETH");
  g_assert_cmpuint (recorder.changed, ==, 1);
  g_assert_cmpstr (vt_sorter_get_currency (sorter), ==, "ETH");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));

  g_ptr_array_sort_with_data (items, compare_items, sorter);
  g_list_store_splice (sorted, 0, 0, items->pdata, items->len);
  ascending = fixture_numbers (G_LIST_MODEL (sorted));
  /* ETH by amount, then BTC, then USD; the piece without a price last. */
  g_assert_cmpstr (ascending, ==, "3 7 1 5 2 4 6");

  vt_sorter_set_descending (sorter, TRUE);
  g_ptr_array_sort_with_data (items, compare_items, sorter);
  g_list_store_remove_all (sorted);
  g_list_store_splice (sorted, 0, 0, items->pdata, items->len);
  descending = fixture_numbers (G_LIST_MODEL (sorted));
  g_assert_cmpstr (descending, ==, "1 7 3 2 5 4 6");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sorter/each-key", test_each_key);
  g_test_add_func ("/sorter/title-folded", test_title_folded);
  g_test_add_func ("/sorter/missing-number-last", test_missing_number_last);
  g_test_add_func ("/sorter/stable-under-store-order", test_stable_under_store_order);
  g_test_add_func ("/sorter/changes", test_changes);
  g_test_add_func ("/sorter/other-currencies-apart", test_other_currencies_apart);

  return g_test_run ();
}
