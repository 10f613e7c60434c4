/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports of a view: the CSV read back equals the view, the catalog loads, review reports, the filter in words. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-export.h"
#include "vt-field.h"
#include "vt-sorter.h"
#include "vt-test-util.h"

#include <string.h>

/* RFC 4180 read back: rows of fields; quoted fields may hold commas,
 * doubled quotes and line ends. */
static GPtrArray *
parse_csv (const char *data)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = data;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        while (*p != ',' && *p != '\r' && *p != '\0')
          g_string_append_c (field, *p++);

      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          /* Every line ends with CRLF, the last too. */
          g_assert_cmpint (p[0], ==, '\r');
          g_assert_cmpint (p[1], ==, '\n');
          p += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  return rows;
}

static VtCatalog *
load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "..",
                                                     "data", "sample", "genesis",
                                                     "catalog.json", NULL);
  g_autoptr(GError) error = NULL;
  VtCatalog *catalog = vt_catalog_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  return catalog;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      sorter)
{
  return vt_sorter_compare (sorter, (VtItem *) a, (VtItem *) b);
}

/* The sample's pieces of Europe, newest first: a view as the window has it. */
static GListModel *
european_view (VtCatalog *catalog)
{
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(VtSorter) sorter = vt_sorter_new (VT_SORT_YEAR, TRUE);
  GListStore *view = g_list_store_new (VT_TYPE_ITEM);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  vt_query_set_facet_selected (query, VT_FACET_REGION, "Europe", TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      if (vt_query_match (query, item))
        g_list_store_append (view, item);
    }
  g_list_store_sort (view, compare_items, sorter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view)), >, 3);
  return G_LIST_MODEL (view);
}

static void
test_csv_equals_view (void)
{
  g_autoptr(VtCatalog) catalog = load_sample ();
  g_autoptr(GListModel) view = european_view (catalog);
  g_autoptr(GString) data = vt_export_to_data (VT_EXPORT_CSV, catalog, view, NULL, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *header;
  guint n = g_list_model_get_n_items (view);

  g_assert_true (g_utf8_validate (data->str, data->len, NULL));
  rows = parse_csv (data->str);
  g_assert_cmpuint (rows->len, ==, n + 1);

  /* Every field of the table, then the price's amount and currency. */
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (header->len, ==, VT_N_FIELDS + 2);
  for (VtField field = 0; field < VT_N_FIELDS; field++)
    g_assert_cmpstr (g_ptr_array_index (header, field), ==, vt_field_get_member (field));
  g_assert_cmpstr (g_ptr_array_index (header, VT_N_FIELDS), ==, "price_amount");
  g_assert_cmpstr (g_ptr_array_index (header, VT_N_FIELDS + 1), ==, "price_currency");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (view, i);
      GPtrArray *row = g_ptr_array_index (rows, i + 1);
      g_autofree char *number = g_strdup_printf ("%u", vt_item_get_number (item));
      g_autofree char *year = g_strdup_printf ("%d", vt_item_get_year (item));
      g_autofree char *countries = g_strjoinv (" + ", (char **) vt_item_get_countries (item));
      g_autofree char *text = g_strjoinv ("\n\n", (char **) vt_item_get_text (item));
      VtPrice price;
      g_autofree char *amount = NULL;

      g_assert_cmpuint (row->len, ==, header->len);
      g_assert_cmpstr (g_ptr_array_index (row, VT_FIELD_NUMBER), ==, number);
      g_assert_cmpstr (g_ptr_array_index (row, VT_FIELD_TITLE), ==, vt_item_get_title (item));
      g_assert_cmpstr (g_ptr_array_index (row, VT_FIELD_ABOUT), ==, vt_item_get_about (item));
      g_assert_cmpstr (g_ptr_array_index (row, VT_FIELD_TEXT), ==, text);
      g_assert_cmpstr (g_ptr_array_index (row, VT_FIELD_YEAR), ==, year);
      g_assert_cmpstr (g_ptr_array_index (row, VT_FIELD_REGION), ==, "Europe");
      g_assert_cmpstr (g_ptr_array_index (row, VT_FIELD_COUNTRIES), ==, countries);
      g_assert_cmpstr (g_ptr_array_index (row, VT_FIELD_ARTIST), ==, vt_item_get_artist (item));
      g_assert_cmpstr (g_ptr_array_index (row, VT_FIELD_PRICE), ==, vt_item_get_price_text (item));
      g_assert_cmpstr (g_ptr_array_index (row, VT_FIELD_IMAGE), ==,
                       vt_item_get_string (item, VT_FIELD_IMAGE));
      g_assert_true (vt_item_get_price (item, &price));
      amount = vt_price_format_amount (&price);
      g_assert_cmpstr (g_ptr_array_index (row, VT_N_FIELDS), ==, amount);
      g_assert_cmpstr (g_ptr_array_index (row, VT_N_FIELDS + 1), ==, "ETH");
    }
}

static void
test_csv_quotes (void)
{
  g_autoptr(GString) line = g_string_new (NULL);

  vt_csv_append_field (line, "plain");
  g_string_append_c (line, ',');
  vt_csv_append_field (line, "a, \"quoted\"\nline");
  g_string_append_c (line, ',');
  vt_csv_append_field (line, NULL);
  g_assert_cmpstr (line->str, ==, "plain,\"a, \"\"quoted\"\"\nline\",");
}

static void
test_catalog_loads (void)
{
  g_autoptr(VtCatalog) catalog = load_sample ();
  g_autoptr(GListModel) view = european_view (catalog);
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-export-XXXXXX");
  g_autofree char *sub = g_build_filename (dir, "for", "registrar", NULL);
  g_autoptr(GFile) dest = NULL;
  g_autoptr(VtCatalog) exported = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (view);

  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  dest = g_file_new_build_filename (sub, "europe.json", NULL);
  g_assert_true (vt_export_save (VT_EXPORT_CATALOG, catalog, view, NULL, dest, &error));
  g_assert_no_error (error);

  exported = vt_catalog_new_for_file (dest, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vt_catalog_get_name (exported), ==, vt_catalog_get_name (catalog));
  g_assert_cmpuint (vt_catalog_get_total (exported), ==, vt_catalog_get_total (catalog));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (exported)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtItem) before = g_list_model_get_item (view, i);
      VtItem *after = vt_catalog_lookup (exported, vt_item_get_number (before));
      g_autoptr(GFile) base = g_file_get_parent (vt_catalog_get_file (catalog));
      g_autoptr(GFile) image_before = g_file_resolve_relative_path (base,
                                                                    vt_item_get_string (before, VT_FIELD_IMAGE));
      g_autoptr(GFile) sub_dir = g_file_new_for_path (sub);
      g_autoptr(GFile) image_after = NULL;

      g_assert_nonnull (after);
      g_assert_cmpstr (vt_item_get_title (after), ==, vt_item_get_title (before));
      g_assert_cmpstr (vt_item_get_about (after), ==, vt_item_get_about (before));
      /* The image, named from the export's folder, is the same file. */
      g_assert_true (g_str_has_prefix (vt_item_get_string (after, VT_FIELD_IMAGE), "../"));
      image_after = g_file_resolve_relative_path (sub_dir, vt_item_get_string (after, VT_FIELD_IMAGE));
      g_assert_true (g_file_equal (image_before, image_after));
      /* The piece in the catalog is not touched by the export. */
      g_assert_false (g_str_has_prefix (vt_item_get_string (before, VT_FIELD_IMAGE), "../"));
    }
  vt_test_remove_tree (dir);
}

static void
test_save_error_names_file (void)
{
  g_autoptr(VtCatalog) catalog = load_sample ();
  g_autoptr(GFile) dest = g_file_new_for_path ("/nonexistent-folder/out.csv");
  g_autoptr(GError) error = NULL;

  g_assert_false (vt_export_save (VT_EXPORT_CSV, catalog, G_LIST_MODEL (catalog), NULL, dest, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/out.csv"));
}

static void
test_review_reports (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "catalog.json", NULL);
  g_autoptr(VtCatalog) source = load_sample ();
  g_autofree char *data = vt_catalog_to_data (source, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(VtReviewStore) reviews = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GString) json = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *pieces;
  JsonObject *first;
  guint first_number;

  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  catalog = vt_catalog_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  reviews = vt_review_store_new (catalog);
  g_assert_true (vt_review_store_load (reviews, NULL, &error));
  {
    g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (catalog), 0);

    first_number = vt_item_get_number (item);
  }
  g_assert_true (vt_review_store_set_state (reviews, first_number, VT_REVIEW_STATE_NEEDS_CHANGES, &error));
  g_assert_true (vt_review_store_set_note (reviews, first_number, "Check the date, \"please\"", &error));
  g_assert_no_error (error);

  csv = vt_export_to_data (VT_EXPORT_REVIEW_CSV, catalog, G_LIST_MODEL (catalog), reviews, NULL);
  rows = parse_csv (csv->str);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (G_LIST_MODEL (catalog)) + 1);
  {
    GPtrArray *header = g_ptr_array_index (rows, 0);
    GPtrArray *row = g_ptr_array_index (rows, 1);
    GPtrArray *second = g_ptr_array_index (rows, 2);
    const char *expected[] = { "number", "title", "state", "note", "who", "when", "problems" };

    g_assert_cmpuint (header->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (g_ptr_array_index (header, i), ==, expected[i]);
    g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "needs-changes");
    g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "Check the date, \"please\"");
    g_assert_cmpstr (g_ptr_array_index (row, 4), !=, "");
    g_assert_cmpstr (g_ptr_array_index (row, 5), !=, "");
    g_assert_cmpstr (g_ptr_array_index (second, 2), ==, "not-reviewed");
    g_assert_cmpstr (g_ptr_array_index (second, 4), ==, "");
  }

  json = vt_export_to_data (VT_EXPORT_REVIEW_JSON, catalog, G_LIST_MODEL (catalog), reviews, NULL);
  g_assert_true (json_parser_load_from_data (parser, json->str, json->len, &error));
  g_assert_no_error (error);
  pieces = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "pieces");
  g_assert_cmpuint (json_array_get_length (pieces), ==, g_list_model_get_n_items (G_LIST_MODEL (catalog)));
  first = json_array_get_object_element (pieces, 0);
  g_assert_cmpint (json_object_get_int_member (first, "number"), ==, first_number);
  g_assert_cmpstr (json_object_get_string_member (first, "state"), ==, "needs-changes");
  g_assert_cmpstr (json_object_get_string_member (first, "note"), ==, "Check the date, \"please\"");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (first, "problems")));
  vt_test_remove_tree (dir);
}

/* A piece's problems are in its report line. */
static void
test_review_problems (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "data",
                                                     "catalog-problems.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (file, NULL, &error);
  g_autoptr(GString) csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean found = FALSE;

  g_assert_no_error (error);
  csv = vt_export_to_data (VT_EXPORT_REVIEW_CSV, catalog, G_LIST_MODEL (catalog), NULL, NULL);
  rows = parse_csv (csv->str);
  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (g_ptr_array_index (row, 0), "3") == 0)
        {
          g_assert_nonnull (strstr (g_ptr_array_index (row, 6), "impact"));
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_describe_query (void)
{
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autofree char *none = vt_export_describe_query (query);
  g_autofree char *some = NULL;

  g_assert_null (none);
  vt_query_set_search (query, "budapest");
  vt_query_set_facet_selected (query, VT_FACET_REGION, "Europe", TRUE);
  vt_query_set_facet_selected (query, VT_FACET_REGION, "Asia", TRUE);
  vt_query_set_int_range (query, VT_RANGE_IMPACT, 7, G_MAXINT);
  some = vt_export_describe_query (query);
  g_assert_cmpstr (some, ==, "“budapest” · Region: Asia or Europe · Impact ≥ 7");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/csv/equals-view", test_csv_equals_view);
  g_test_add_func ("/export/csv/quotes", test_csv_quotes);
  g_test_add_func ("/export/catalog/loads-with-images", test_catalog_loads);
  g_test_add_func ("/export/save/error-names-file", test_save_error_names_file);
  g_test_add_func ("/export/review/csv-and-json", test_review_reports);
  g_test_add_func ("/export/review/problems", test_review_problems);
  g_test_add_func ("/export/describe-query", test_describe_query);

  return g_test_run ();
}
