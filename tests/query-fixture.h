/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Items for the query, sorter and facet tests, read from tests/data/query. */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "vt-item.h"

/* The items of @json (a catalog's text), in file order, as a GListStore. */
static inline GListStore *
fixture_items_from_data (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GListStore *store = g_list_store_new (VT_TYPE_ITEM);
  JsonArray *items;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);

  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(VtItem) item = vt_item_new_from_json (json_array_get_object_element (items, i),
                                                      NULL, problems);

      g_list_store_append (store, item);
    }

  return store;
}

/* tests/data/query/items.json: eight pieces, the last (99) without
 * year, impact, price or any facet value. */
static inline GListStore *
fixture_items (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "query", "items.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &json, NULL, &error);
  g_assert_no_error (error);

  return fixture_items_from_data (json);
}

/* The items' numbers in model order, "56 14 45". */
static inline char *
fixture_numbers (GListModel *model)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%u", i > 0 ? " " : "", vt_item_get_number (item));
    }

  return g_string_free (out, FALSE);
}
