/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-cli query and the window's model chain return the same pieces in the same order. */

#include "config.h"

#include "vt-catalog.h"
#include "vt-enums.h"
#include "vt-query-filter.h"
#include "vt-query-model.h"
#include "vt-query-sorter.h"
#include "vt-test-util.h"

#include <json-glib/json-glib.h>

/*
 * The command line matches and sorts with the core alone; the window puts
 * the same VtQuery and VtSorter in a VtQueryModel (vt-window.c), which
 * works in a worker thread on a large collection; GTK's own chain, a
 * GtkFilterListModel and a GtkSortListModel of VtQueryFilter and
 * VtQuerySorter, is what that model must equal. All must agree, piece
 * for piece and in order, whatever the query. The models here are built
 * once and changed in place from one query to the next, as the window's
 * is; the query model works in a worker whatever the catalog's size.
 */

typedef struct
{
  const char *search;
  const char *facets[3];    /* KEY=VALUE, as --facet takes them */
  const char *impact;       /* ranges, as --impact, --year and --price take them */
  const char *year;
  const char *price;
  VtSortKey   sort;
  gboolean    descending;
} Case;

static const Case cases[] = {
  { .sort = VT_SORT_NUMBER },
  { .sort = VT_SORT_NUMBER, .descending = TRUE },
  { .search = "cold war", .sort = VT_SORT_IMPACT, .descending = TRUE },
  { .search = "berlin", .sort = VT_SORT_YEAR },
  { .search = "REVOLUTION", .price = "1..", .sort = VT_SORT_TITLE },
  { .facets = { "region=Europe", "decade=1950s", "decade=1980s" }, .sort = VT_SORT_TITLE, .descending = TRUE },
  { .facets = { "country=USSR", "conflict=Cold War" }, .sort = VT_SORT_PRICE },
  { .facets = { "artist=Anna Kovács" }, .year = "1940..1970", .sort = VT_SORT_YEAR, .descending = TRUE },
  { .impact = "9..10", .sort = VT_SORT_IMPACT },
  { .impact = "8..", .price = "..2 ETH", .sort = VT_SORT_PRICE, .descending = TRUE },
  { .price = "0.5..1.5 ETH", .sort = VT_SORT_PRICE },
  { .year = "..1950", .sort = VT_SORT_TITLE },
  { .search = "wall", .facets = { "type=Historical Event" }, .impact = "1..10", .sort = VT_SORT_IMPACT },
  { .search = "no such word anywhere", .sort = VT_SORT_NUMBER },
};

static const char * const catalogs[] = {
  "query/items.json",
  "small-catalog.json",
};

static char *
describe (const Case *c)
{
  GString *text = g_string_new (NULL);

  if (c->search != NULL)
    g_string_append_printf (text, "search “%s” ", c->search);
  for (guint i = 0; i < G_N_ELEMENTS (c->facets) && c->facets[i] != NULL; i++)
    g_string_append_printf (text, "%s ", c->facets[i]);
  if (c->impact != NULL)
    g_string_append_printf (text, "impact %s ", c->impact);
  if (c->year != NULL)
    g_string_append_printf (text, "year %s ", c->year);
  if (c->price != NULL)
    g_string_append_printf (text, "price %s ", c->price);
  g_string_append_printf (text, "by %s %s", vt_sort_key_to_string (c->sort),
                          c->descending ? "descending" : "ascending");

  return g_string_free (text, FALSE);
}

/* The piece numbers vitrine-cli prints for @c on @path, in its order. */
static char *
cli_numbers (const char *path,
             const Case *c)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(VtTestRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GString *numbers = g_string_new (NULL);
  JsonArray *items;

  g_ptr_array_add (argv, g_strdup (g_getenv ("VITRINE_CLI")));
  g_ptr_array_add (argv, g_strdup ("query"));
  g_ptr_array_add (argv, g_strdup (path));
  if (c->search != NULL)
    g_ptr_array_add (argv, g_strdup_printf ("--search=%s", c->search));
  for (guint i = 0; i < G_N_ELEMENTS (c->facets) && c->facets[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup_printf ("--facet=%s", c->facets[i]));
  if (c->impact != NULL)
    g_ptr_array_add (argv, g_strdup_printf ("--impact=%s", c->impact));
  if (c->year != NULL)
    g_ptr_array_add (argv, g_strdup_printf ("--year=%s", c->year));
  if (c->price != NULL)
    g_ptr_array_add (argv, g_strdup_printf ("--price=%s", c->price));
  g_ptr_array_add (argv, g_strdup_printf ("--sort=%s:%s", vt_sort_key_to_string (c->sort),
                                          c->descending ? "desc" : "asc"));
  g_ptr_array_add (argv, g_strdup ("--format=json"));
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (g_getenv ("VITRINE_CLI"));
  vt_test_run (&run, NULL, NULL, (const char * const *) argv->pdata);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  items = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_string_append_printf (numbers, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                              json_object_get_int_member (item, "number"));
    }

  return g_string_free (numbers, FALSE);
}

/* Sets @query and @sorter to @c, from nothing, as the window's search
 * entry, sidebar and sort menu would. */
static void
apply_case (VtQuery    *query,
            VtSorter   *sorter,
            const Case *c)
{
  vt_query_clear (query);
  vt_query_set_search (query, c->search);

  for (guint i = 0; i < G_N_ELEMENTS (c->facets) && c->facets[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (c->facets[i], "=", 2);
      VtFacetKey key;

      g_assert_true (vt_facet_key_from_string (parts[0], &key));
      vt_query_set_facet_selected (query, key, parts[1], TRUE);
    }

  for (guint r = 0; r < 2; r++)
    {
      const char *text = r == 0 ? c->impact : c->year;
      g_autoptr(GError) error = NULL;
      int min, max;

      if (text == NULL)
        continue;
      g_assert_true (vt_parse_int_range (text, &min, &max, &error));
      g_assert_no_error (error);
      vt_query_set_int_range (query, r == 0 ? VT_RANGE_IMPACT : VT_RANGE_YEAR, min, max);
    }

  if (c->price != NULL)
    {
      g_autoptr(GError) error = NULL;
      gboolean has_min, has_max;
      VtPrice min, max;

      g_assert_true (vt_parse_price_range (c->price, &min, &has_min, &max, &has_max, &error));
      g_assert_no_error (error);
      vt_query_set_price_range (query, has_min ? &min : NULL, has_max ? &max : NULL);
    }

  vt_sorter_set_key (sorter, c->sort);
  vt_sorter_set_descending (sorter, c->descending);
}

static char *
model_numbers (GListModel *model)
{
  GString *numbers = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (model, i);

      g_string_append_printf (numbers, "%s%u", i > 0 ? " " : "", vt_item_get_number (item));
    }

  return g_string_free (numbers, FALSE);
}

static void
test_cli_and_window_agree (gconstpointer data)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, (const char *) data, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(VtSorter) sorter = vt_sorter_new (VT_SORT_NUMBER, FALSE);
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(VtQueryModel) model = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  vt_catalog_load (catalog, file, NULL, &error);
  g_assert_no_error (error);

  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (catalog)),
                                        vt_query_filter_new (query));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (filtered)),
                                    vt_query_sorter_new (sorter));
  model = vt_query_model_new (G_LIST_MODEL (catalog), query, sorter);
  vt_query_model_set_sync_limit (model, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *what = describe (&cases[i]);
      g_autofree char *expected = cli_numbers (path, &cases[i]);
      g_autofree char *shown = NULL;
      g_autofree char *shown_by_worker = NULL;

      apply_case (query, sorter, &cases[i]);
      shown = model_numbers (G_LIST_MODEL (sorted));
      while (vt_query_model_get_pending (model))
        g_main_context_iteration (NULL, TRUE);
      shown_by_worker = model_numbers (G_LIST_MODEL (model));

      g_test_message ("%s: %s", what, expected);
      g_assert_cmpstr (shown, ==, expected);
      g_assert_cmpstr (shown_by_worker, ==, expected);
      g_hash_table_add (seen, g_steal_pointer (&expected));
    }

  /* The queries tell pieces apart: not all of them give the same answer. */
  g_assert_cmpuint (g_hash_table_size (seen), >=, G_N_ELEMENTS (cases) / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (catalogs); i++)
    {
      g_autofree char *name = g_strdup_printf ("/query-chain/cli-and-window-agree/%s", catalogs[i]);

      g_test_add_data_func (name, catalogs[i], test_cli_and_window_agree);
    }

  return g_test_run ();
}
