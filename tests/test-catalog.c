/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for VtCatalog: loading (sync and async), the list model, saving back losslessly. */

#include "config.h"

#include "vt-catalog.h"
#include "vt-test-util.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static GFile *
small_catalog (void)
{
  return g_file_new_build_filename (TEST_DATA_DIR, "small-catalog.json", NULL);
}

static char *
make_temp_dir (void)
{
  return vt_test_make_tmp_dir ("vitrine-catalog-XXXXXX");
}

static GFile *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* A worker thread may drop its last reference to a task (and so to the
 * catalog) just after the main thread ran the callback: wait for it. */
static void
assert_finalized_soon (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (weak != NULL)
        g_usleep (1000);
    }
  g_assert_null (weak);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
test_load_small (void)
{
  g_autoptr(GFile) file = small_catalog ();
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VtItem) first = NULL;
  guint changes = 0;
  VtItem *item;

  g_signal_connect (catalog, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);

  g_assert_true (vt_catalog_load (catalog, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 7);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (catalog)) == VT_TYPE_ITEM);
  g_assert_cmpstr (vt_catalog_get_name (catalog), ==, "Test Century");
  g_assert_cmpuint (vt_catalog_get_total (catalog), ==, 100);
  g_assert_cmpstr (vt_catalog_get_currency (catalog), ==, "ETH");
  g_assert_true (g_file_equal (vt_catalog_get_file (catalog), file));
  g_assert_false (vt_catalog_get_loading (catalog));

  first = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  g_assert_cmpuint (vt_item_get_number (first), ==, 14);

  item = vt_catalog_lookup (catalog, 56);
  g_assert_nonnull (item);
  g_assert_cmpstr (vt_item_get_title (item), ==, "1956 - Hungarian Revolution");
  g_assert_null (vt_catalog_lookup (catalog, 57));

  /* The fixture is clean, image files included. */
  g_assert_cmpuint (g_list_model_get_n_items (vt_catalog_get_problems (catalog)), ==, 0);
  vt_catalog_validate (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (vt_catalog_get_problems (catalog)), ==, 0);
  g_assert_null (vt_item_get_problem (item));
}

static void
test_load_new_for_file (void)
{
  g_autoptr(GFile) file = small_catalog ();
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/catalog.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 7);

  g_assert_null (vt_catalog_new_for_file (missing, NULL, &error));
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_READ);

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  GArray    *progress;
  guint      loading_changes;
  guint      items_changes;
  GThread   *main_thread;
} AsyncState;

static void
on_progress_cb (VtCatalog  *catalog,
                GParamSpec *pspec,
                AsyncState *state)
{
  double value = vt_catalog_get_progress (catalog);

  g_assert_true (g_thread_self () == state->main_thread);
  g_array_append_val (state->progress, value);
}

static void
on_loading_cb (VtCatalog  *catalog,
               GParamSpec *pspec,
               AsyncState *state)
{
  state->loading_changes++;
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = vt_catalog_load_finish (VT_CATALOG (object), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
load_async_and_wait (VtCatalog  *catalog,
                     GFile      *file,
                     AsyncState *state)
{
  state->loop = g_main_loop_new (NULL, FALSE);
  state->main_thread = g_thread_self ();
  state->progress = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (catalog, "notify::progress", G_CALLBACK (on_progress_cb), state);
  g_signal_connect (catalog, "notify::loading", G_CALLBACK (on_loading_cb), state);
  g_signal_connect (catalog, "items-changed", G_CALLBACK (on_items_changed_cb), &state->items_changes);

  vt_catalog_load_async (catalog, file, NULL, on_loaded_cb, state);
  g_assert_true (vt_catalog_get_loading (catalog));
  g_main_loop_run (state->loop);

  g_signal_handlers_disconnect_by_data (catalog, state);
  g_signal_handlers_disconnect_by_data (catalog, &state->items_changes);
}

static void
async_state_clear (AsyncState *state)
{
  g_clear_pointer (&state->loop, g_main_loop_unref);
  g_clear_pointer (&state->progress, g_array_unref);
  g_clear_error (&state->error);
}

static char *
make_big_catalog (const char *dir,
                  guint       n_items)
{
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  GString *out = g_string_new ("{\"format\": \"vitrine-catalog\", \"version\": 1,\n"
                               " \"collection\": {\"name\": \"Big\", \"total\": 0, \"currency\": \"ETH\"},\n"
                               " \"items\": [\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= n_items; i++)
    g_string_append_printf (out,
                            "  {\"number\": %u, \"title\": \"%u - Piece\", \"about\": \"About piece %u.\","
                            " \"text\": [\"One.\", \"Two.\"], \"year\": %u, \"decade\": \"%u0s\","
                            " \"countries\": [\"A\", \"B\"], \"impact\": %u, \"price\": \"%u.5 ETH\"}%s\n",
                            i, 1900 + i % 100, i, 1900 + i % 100, 190 + (i % 100) / 10,
                            1 + i % 10, i, i < n_items ? "," : "");
  g_string_append (out, "]}\n");
  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
  g_string_free (out, TRUE);
  return g_steal_pointer (&path);
}

static void
test_load_async_progress (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = make_big_catalog (dir, 5000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  AsyncState state = { 0 };

  load_async_and_wait (catalog, file, &state);

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 5000);
  g_assert_cmpuint (state.items_changes, ==, 1);
  g_assert_cmpuint (state.loading_changes, ==, 2);
  g_assert_false (vt_catalog_get_loading (catalog));

  /* Progress rose step by step to the end, reported on the main thread. */
  g_assert_cmpuint (state.progress->len, >=, 3);
  for (guint i = 1; i < state.progress->len; i++)
    g_assert_cmpfloat (g_array_index (state.progress, double, i), >=,
                       g_array_index (state.progress, double, i - 1));
  g_assert_cmpfloat (vt_catalog_get_progress (catalog), ==, 1.0);

  async_state_clear (&state);
  assert_finalized_soon (g_steal_pointer (&catalog));
  vt_test_remove_tree (dir);
}

/* Above a few thousand pieces the items are built on every core: they
 * come out whole and in file order, load after load. */
static void
test_load_many_in_order (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "many.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) out = g_string_new ("{\"format\": \"vitrine-catalog\", \"version\": 1,\n"
                                          " \"collection\": {\"name\": \"Many\"},\n"
                                          " \"items\": [\n");
  g_autoptr(GError) error = NULL;
  const guint n_elements = 6000;
  const guint not_a_piece = 4321;

  for (guint i = 0; i < n_elements; i++)
    {
      if (i == not_a_piece)
        g_string_append (out, "  \"not a piece\"");
      else
        g_string_append_printf (out, "  {\"number\": %u, \"title\": \"%u - Piece\"}", i + 1, i + 1);
      g_string_append (out, i + 1 < n_elements ? ",\n" : "\n");
    }
  g_string_append (out, "]}\n");
  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (file, NULL, &error);
      GListModel *problems;
      g_autoptr(VtProblem) problem = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, n_elements - 1);
      for (guint i = 0; i < n_elements - 1; i++)
        {
          g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (catalog), i);
          guint expected = i < not_a_piece ? i + 1 : i + 2;

          g_assert_cmpuint (vt_item_get_number (item), ==, expected);
        }

      problems = vt_catalog_get_problems (catalog);
      g_assert_cmpuint (g_list_model_get_n_items (problems), >=, 1);
      problem = g_list_model_get_item (problems, 0);
      g_assert_cmpstr (vt_problem_get_field (problem), ==, "items[4321]");
    }

  vt_test_remove_tree (dir);
}

static void
test_load_async_failure_keeps_contents (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) good = small_catalog ();
  g_autoptr(GFile) bad = write_file (dir, "bad.json", "{\"format\": \"vitrine-catalog\", \"items\": [");
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };

  g_assert_true (vt_catalog_load (catalog, good, NULL, &error));
  g_assert_no_error (error);

  load_async_and_wait (catalog, bad, &state);
  g_assert_false (state.ok);
  g_assert_error (state.error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX);
  g_assert_nonnull (strstr (state.error->message, "bad.json:1:"));

  /* Nothing changed: same items, same file, no items-changed. */
  g_assert_cmpuint (state.items_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 7);
  g_assert_true (g_file_equal (vt_catalog_get_file (catalog), good));
  g_assert_cmpstr (vt_catalog_get_name (catalog), ==, "Test Century");
  g_assert_false (vt_catalog_get_loading (catalog));

  async_state_clear (&state);
  vt_test_remove_tree (dir);
}

static void
test_load_sync_failure_keeps_contents (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) good = small_catalog ();
  g_autoptr(GFile) bad = write_file (dir, "other.json", "{\"format\": \"something-else\", \"version\": 1, \"items\": []}");
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_assert_true (vt_catalog_load (catalog, good, NULL, &error));
  g_signal_connect (catalog, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);

  g_assert_false (vt_catalog_load (catalog, bad, NULL, &error));
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "other.json"));
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 7);

  vt_test_remove_tree (dir);
}

static void
test_load_async_cancelled (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = make_big_catalog (dir, 2000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { 0 };

  state.loop = g_main_loop_new (NULL, FALSE);
  g_cancellable_cancel (cancellable);
  vt_catalog_load_async (catalog, file, cancellable, on_loaded_cb, &state);
  g_main_loop_run (state.loop);

  g_assert_false (state.ok);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 0);
  g_assert_false (vt_catalog_get_loading (catalog));

  async_state_clear (&state);
  vt_test_remove_tree (dir);
}

static void
test_load_byte_order_mark (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) good = write_file (dir, "bom.json",
                                      "\xef\xbb\xbf{\"format\": \"vitrine-catalog\", \"version\": 1,"
                                      " \"items\": [{\"number\": 1, \"title\": \"One\"}]}");
  g_autoptr(GFile) bad = write_file (dir, "bom-bad.json", "\xef\xbb\xbf{'format': 1}");
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(GError) error = NULL;

  /* Some Windows editors start UTF-8 files with a byte order mark. */
  g_assert_true (vt_catalog_load (catalog, good, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 1);

  /* Columns count from after the mark, as an editor shows them. */
  g_assert_false (vt_catalog_load (catalog, bad, NULL, &error));
  g_assert_nonnull (strstr (error->message, "bom-bad.json:1:2: "));

  vt_test_remove_tree (dir);
}

static void
test_put_item (void)
{
  g_autoptr(GFile) file = small_catalog ();
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (file, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(VtItem) added = NULL;
  g_autoptr(VtItem) replacement = NULL;
  g_autoptr(VtItem) at_3 = NULL;
  g_autoptr(VtItem) at_4 = NULL;
  guint changes = 0;

  g_signal_connect (catalog, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);

  json_parser_load_from_data (parser, "{\"number\": 50, \"title\": \"1950 - Added\"}", -1, NULL);
  added = vt_item_new_from_json (json_node_get_object (json_parser_get_root (parser)), NULL, NULL);
  vt_catalog_put_item (catalog, added);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 8);
  at_3 = g_list_model_get_item (G_LIST_MODEL (catalog), 3);
  g_assert_true (at_3 == added);
  g_assert_true (vt_catalog_lookup (catalog, 50) == added);

  json_parser_load_from_data (parser, "{\"number\": 56, \"title\": \"1956 - Replaced\"}", -1, NULL);
  replacement = vt_item_new_from_json (json_node_get_object (json_parser_get_root (parser)), NULL, NULL);
  vt_catalog_put_item (catalog, replacement);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 8);
  at_4 = g_list_model_get_item (G_LIST_MODEL (catalog), 4);
  g_assert_true (at_4 == replacement);
  g_assert_true (vt_catalog_lookup (catalog, 56) == replacement);
  g_assert_cmpuint (changes, ==, 2);
}

/* {{{ Saving */

/* Equal, with object members in the same order, at every level. */
static void
assert_same_json (JsonNode   *a,
                  JsonNode   *b,
                  const char *where)
{
  g_assert_cmpint (json_node_get_node_type (a), ==, json_node_get_node_type (b));

  if (JSON_NODE_HOLDS_OBJECT (a))
    {
      JsonObject *oa = json_node_get_object (a);
      JsonObject *ob = json_node_get_object (b);
      g_autoptr(GList) ma = json_object_get_members (oa);
      g_autoptr(GList) mb = json_object_get_members (ob);
      GList *la, *lb;

      g_test_message ("comparing %s", where);
      g_assert_cmpuint (g_list_length (ma), ==, g_list_length (mb));
      for (la = ma, lb = mb; la != NULL; la = la->next, lb = lb->next)
        {
          g_autofree char *child = g_strconcat (where, ".", la->data, NULL);

          g_assert_cmpstr (la->data, ==, lb->data);
          assert_same_json (json_object_get_member (oa, la->data),
                            json_object_get_member (ob, lb->data), child);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (a))
    {
      JsonArray *aa = json_node_get_array (a);
      JsonArray *ab = json_node_get_array (b);

      g_assert_cmpuint (json_array_get_length (aa), ==, json_array_get_length (ab));
      for (guint i = 0; i < json_array_get_length (aa); i++)
        {
          g_autofree char *child = g_strdup_printf ("%s[%u]", where, i);
          assert_same_json (json_array_get_element (aa, i), json_array_get_element (ab, i), child);
        }
    }
  else
    g_assert_true (json_node_equal (a, b));
}

static JsonNode *
parse_file (GFile *file)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Unknown members everywhere, in an order no sorting would produce. */
static const char unknown_members_catalog[] =
  "{\n"
  "  \"zz-comment\": \"written by hand\",\n"
  "  \"format\": \"vitrine-catalog\",\n"
  "  \"version\": 1,\n"
  "  \"collection\": {\n"
  "    \"total\": 100, \"curator\": {\"zeta\": 1, \"alpha\": [3, 2, 1]},\n"
  "    \"name\": \"Genesis\", \"currency\": \"ETH\", \"aaa\": null\n"
  "  },\n"
  "  \"middle\": [true, false, {\"y\": 2, \"x\": 1}],\n"
  "  \"items\": [\n"
  "    {\"title\": \"1956 - Hungarian Revolution\", \"zebra\": \"z\", \"number\": 56,\n"
  "     \"provenance\": {\"owner\": \"A\", \"acquired\": 2021, \"notes\": [\"b\", \"a\"]},\n"
  "     \"impact\": 7, \"alpha\": 0.25, \"price\": \"0.7 ETH\"},\n"
  "    {\"number\": 14, \"title\": \"1914 - Sarajevo\", \"impact\": \"nine\"}\n"
  "  ],\n"
  "  \"after-items\": {\"b\": 1, \"a\": 2}\n"
  "}\n";

static void
test_save_unknown_members_kept (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) input = write_file (dir, "input.json", unknown_members_catalog);
  g_autofree char *output_path = g_build_filename (dir, "output.json", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (output_path);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(VtCatalog) reloaded = vt_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (vt_catalog_load (catalog, input, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vt_catalog_save (catalog, output, &error));
  g_assert_no_error (error);

  before = parse_file (input);
  after = parse_file (output);
  assert_same_json (before, after, "root");

  /* What was saved loads again and saves to the same bytes. */
  g_assert_true (vt_catalog_load (reloaded, output, NULL, &error));
  g_assert_no_error (error);
  first = vt_catalog_to_data (catalog, NULL);
  second = vt_catalog_to_data (reloaded, NULL);
  g_assert_cmpstr (first, ==, second);

  vt_test_remove_tree (dir);
}

static void
test_save_after_changes (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) input = write_file (dir, "catalog.json", unknown_members_catalog);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(VtCatalog) reloaded = vt_catalog_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(VtItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *collection;
  g_autoptr(GList) members = NULL;

  g_assert_true (vt_catalog_load (catalog, input, NULL, &error));
  json_parser_load_from_data (parser, "{\"number\": 20, \"title\": \"1920 - New\", \"extra\": 1}", -1, NULL);
  item = vt_item_new_from_json (json_node_get_object (json_parser_get_root (parser)), NULL, NULL);
  vt_catalog_put_item (catalog, item);
  vt_catalog_set_collection (catalog, "Genesis II", 120, "ETH");
  g_assert_true (vt_catalog_save (catalog, input, &error));
  g_assert_no_error (error);

  g_assert_true (vt_catalog_load (reloaded, input, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vt_catalog_get_name (reloaded), ==, "Genesis II");
  g_assert_cmpuint (vt_catalog_get_total (reloaded), ==, 120);
  g_assert_nonnull (vt_catalog_lookup (reloaded, 20));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 3);

  /* The collection's own unknown members stayed, in place. */
  after = parse_file (input);
  collection = json_object_get_object_member (json_node_get_object (after), "collection");
  members = json_object_get_members (collection);
  g_assert_cmpuint (g_list_length (members), ==, 5);
  g_assert_cmpstr (g_list_nth_data (members, 0), ==, "total");
  g_assert_cmpstr (g_list_nth_data (members, 1), ==, "curator");
  g_assert_cmpstr (g_list_nth_data (members, 2), ==, "name");
  g_assert_cmpstr (g_list_nth_data (members, 4), ==, "aaa");

  vt_test_remove_tree (dir);
}

static void
test_save_new_catalog (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(VtCatalog) reloaded = vt_catalog_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(VtItem) item = NULL;
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, "{\"number\": 56, \"title\": \"1956 - Hungarian Revolution\"}", -1, NULL);
  item = vt_item_new_from_json (json_node_get_object (json_parser_get_root (parser)), NULL, NULL);
  vt_catalog_put_item (catalog, item);
  vt_catalog_set_collection (catalog, "Genesis", 100, "ETH");
  g_assert_true (vt_catalog_save (catalog, file, &error));
  g_assert_no_error (error);

  g_assert_true (vt_catalog_load (reloaded, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vt_catalog_get_name (reloaded), ==, "Genesis");
  g_assert_cmpstr (vt_catalog_get_currency (reloaded), ==, "ETH");
  g_assert_cmpstr (vt_item_get_title (vt_catalog_lookup (reloaded, 56)), ==, "1956 - Hungarian Revolution");

  vt_test_remove_tree (dir);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_save_leaves_no_temporary_files (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) small = small_catalog ();
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (small, NULL, NULL);
  g_autoptr(GFile) target = write_file (dir, "catalog.json", "old contents");
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  GStatBuf st;

  g_chmod (g_file_peek_path (target), 0640);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (vt_catalog_save (catalog, target, &error));
      g_assert_no_error (error);
    }

  /* Only the catalog: every temporary file was renamed over it. */
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_file_get_contents (g_file_peek_path (target), &saved, NULL, NULL);
  expected = vt_catalog_to_data (catalog, NULL);
  g_assert_cmpstr (saved, ==, expected);
  /* The permissions of the replaced file are kept. */
  g_assert_cmpint (g_stat (g_file_peek_path (target), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  vt_test_remove_tree (dir);
}

static void
test_save_folder_not_writable (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) small = small_catalog ();
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (small, NULL, NULL);
  g_autoptr(GFile) not_a_folder = write_file (dir, "notes.txt", "a file, not a folder");
  g_autofree char *path = g_build_filename (dir, "notes.txt", "catalog.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  /* Tests run as root, which writes anywhere: a "folder" that is a
   * regular file is one place nobody can create a file in. */
  g_assert_false (vt_catalog_save (catalog, target, &error));
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, g_file_peek_path (not_a_folder)));
  g_assert_nonnull (strstr (error->message, "not writable"));

  vt_test_remove_tree (dir);
}

/* A folder without write permission. */
static void
test_save_folder_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) small = small_catalog ();
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (small, NULL, NULL);
  g_autoptr(GFile) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  if (!vt_test_unprivileged (NULL))
    return;

  dir = make_temp_dir ();
  old = write_file (dir, "catalog.json", "old contents");
  g_chmod (dir, 0555);
  g_assert_false (vt_catalog_save (catalog, old, &error));
  g_chmod (dir, 0755);
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, dir));
  g_file_get_contents (g_file_peek_path (old), &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "old contents");

  vt_test_remove_tree (dir);
}

static void
test_save_failure_keeps_old_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) small = small_catalog ();
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (small, NULL, NULL);
  g_autoptr(GFile) target = write_file (dir, "catalog.json", "old contents");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  struct rlimit saved_limit, limit;
  gboolean ok;

  /* A disk that fills up half way through the write: the file size
   * limit makes write() fail after 64 bytes, even for root. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  limit = saved_limit;
  limit.rlim_cur = 64;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = vt_catalog_save (catalog, target, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);

  g_assert_false (ok);
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, g_file_peek_path (target)));

  /* The old file is whole and the temporary file is gone. */
  g_file_get_contents (g_file_peek_path (target), &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "old contents");
  g_assert_cmpuint (count_files (dir), ==, 1);

  vt_test_remove_tree (dir);
}

static void
test_save_onto_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) small = small_catalog ();
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (small, NULL, NULL);
  g_autoptr(GFile) target = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  g_assert_false (vt_catalog_save (catalog, target, &error));
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, dir));

  vt_test_remove_tree (dir);
}

/* }}} */
/* {{{ Bad input */

static GError *
load_error (const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) good = small_catalog ();
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (good, NULL, NULL);
  GError *error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  g_assert_false (vt_catalog_load (catalog, file, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  /* The catalog loaded before is still there. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 7);

  vt_test_remove_tree (dir);
  return error;
}

/* "NAME:LINE:COLUMN: " at the start of the message. */
static void
assert_position (const GError *error,
                 const char   *name,
                 guint         line,
                 guint         column)
{
  g_autofree char *expected = g_strdup_printf ("%s:%u:%u: ", name, line, column);

  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_bad_truncated (void)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (TEST_DATA_DIR "/small-catalog.json", &contents, &length, NULL);
  /* Cut in the middle of line 30. */
  error = load_error ("truncated.json", contents, 1500);
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "truncated.json:"));
  g_assert_nonnull (strstr (error->message, "cut short"));

  g_clear_error (&error);
  error = load_error ("cut.json", "{\"format\": \"vitrine-catalog\",\n \"items\": [{\"title\": \"x\"", -1);
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX);
  assert_position (error, "cut.json", 2, 25);
}

static void
test_bad_trailing_data (void)
{
  g_autoptr(GError) error = load_error ("trailing.json",
                                        "{\"format\": \"vitrine-catalog\", \"version\": 1, \"items\": []}\n"
                                        "{\"second\": \"value\"}\n", -1);

  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX);
  assert_position (error, "trailing.json", 2, 1);
  g_assert_nonnull (strstr (error->message, "after the end"));
}

static void
test_bad_top_level (void)
{
  g_autoptr(GError) list = load_error ("list.json", "  [1, 2, 3]", -1);
  g_autoptr(GError) number = load_error ("number.json", "\n42\n", -1);
  g_autoptr(GError) string = load_error ("string.json", "\"catalog\"", -1);
  g_autoptr(GError) other = load_error ("other.json", "{\"name\": \"not a catalog\"}", -1);
  g_autoptr(GError) items = load_error ("items.json", "{\"format\": \"vitrine-catalog\", \"version\": 1, \"items\": {}}", -1);
  g_autoptr(GError) version = load_error ("version.json", "{\"format\": \"vitrine-catalog\", \"version\": 2, \"items\": []}", -1);

  g_assert_error (list, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT);
  assert_position (list, "list.json", 1, 3);
  g_assert_error (number, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT);
  assert_position (number, "number.json", 2, 1);
  g_assert_error (string, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT);
  g_assert_error (other, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT);
  g_assert_nonnull (strstr (other->message, "other.json: not a Vitrine catalog"));
  g_assert_error (items, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT);
  g_assert_nonnull (strstr (items->message, "\"items\""));
  g_assert_error (version, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT);
  g_assert_nonnull (strstr (version->message, "version 2"));
}

static void
test_bad_deep_nesting (void)
{
  GString *deep = g_string_new ("{\"format\": \"vitrine-catalog\", \"version\": 1,\n \"items\": [");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  error = load_error ("deep.json", deep->str, (gssize) deep->len);
  g_string_free (deep, TRUE);

  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_TOO_DEEP);
  /* "items" opens level 2 at column 11 of line 2: level 257 is at column 266. */
  assert_position (error, "deep.json", 2, 266);
}

static void
test_bad_invalid_utf8 (void)
{
  g_autoptr(GError) error = load_error ("latin1.json",
                                        "{\"format\": \"vitrine-catalog\", \"version\": 1,\n"
                                        " \"items\": [{\"title\": \"1956 - K\xe1" "d\xe1r\"}]}", -1);
  g_autoptr(GError) overlong = load_error ("overlong.json", "{\"a\": \"\xc0\xaf\"}", -1);
  g_autoptr(GError) surrogate = load_error ("surrogate.json", "{\"a\": \"\xed\xa0\x80\"}", -1);

  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_ENCODING);
  assert_position (error, "latin1.json", 2, 31);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_assert_error (overlong, VT_CATALOG_ERROR, VT_CATALOG_ERROR_ENCODING);
  g_assert_error (surrogate, VT_CATALOG_ERROR, VT_CATALOG_ERROR_ENCODING);
}

static void
test_bad_nul_byte (void)
{
  static const char contents[] = "{\"format\": \"vitrine-\0catalog\"}";
  g_autoptr(GError) error = load_error ("nul.json", contents, sizeof contents - 1);
  g_autoptr(GError) outside = load_error ("nul2.json", "{\"a\": 1,\n\0}", 11);

  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_ENCODING);
  assert_position (error, "nul.json", 1, 21);
  g_assert_nonnull (strstr (error->message, "NUL"));
  g_assert_error (outside, VT_CATALOG_ERROR, VT_CATALOG_ERROR_ENCODING);
  assert_position (outside, "nul2.json", 2, 1);
}

static void
test_bad_single_quotes (void)
{
  g_autoptr(GError) error = load_error ("quotes.json", "{'format': 'vitrine-catalog'}", -1);

  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX);
  assert_position (error, "quotes.json", 1, 2);
  g_assert_nonnull (strstr (error->message, "double quotes"));
}

static void
test_bad_syntax (void)
{
  g_autoptr(GError) error = load_error ("syntax.json",
                                        "{\"format\": \"vitrine-catalog\",\n \"version\": tru}", -1);
  g_autoptr(GError) control = load_error ("control.json", "{\"a\": \"line\nbreak\"}", -1);
  g_autoptr(GError) brackets = load_error ("brackets.json", "{\"a\": [1, 2}", -1);
  g_autoptr(GError) in_piece = load_error ("piece.json",
                                           "{\"format\": \"vitrine-catalog\", \"version\": 1, \"items\": [\n"
                                           " {\"number\": 1},\n {\"number\": 2, \"impact\": tru}]}", -1);

  /* json-glib's own message, with our file name. */
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX);
  g_assert_true (g_regex_match_simple ("syntax\\.json:2:[0-9]+: ", error->message, 0, 0));
  g_assert_null (strstr (error->message, "<data>"));
  g_assert_error (control, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX);
  assert_position (control, "control.json", 1, 12);
  g_assert_error (brackets, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX);
  assert_position (brackets, "brackets.json", 1, 12);
  /* Pieces are parsed on their own: the position is still the file's. */
  g_assert_error (in_piece, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX);
  g_assert_true (g_regex_match_simple ("piece\\.json:3:[0-9]+: ", in_piece->message, 0, 0));
}

static void
test_bad_empty (void)
{
  g_autoptr(GError) error = load_error ("empty.json", "", 0);
  g_autoptr(GError) blank = load_error ("blank.json", "  \n\n ", -1);

  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "empty.json"));
  g_assert_nonnull (strstr (error->message, "empty"));
  g_assert_error (blank, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX);
  assert_position (blank, "blank.json", 3, 2);
}

static GError *
load_file_error (GFile *file)
{
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  GError *error = NULL;

  g_assert_false (vt_catalog_load (catalog, file, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  return error;
}

static void
test_bad_missing_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "missing.json", NULL);
  g_autoptr(GError) error = load_file_error (file);

  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_READ);
  g_assert_nonnull (strstr (error->message, g_file_peek_path (file)));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  vt_test_remove_tree (dir);
}

static void
test_bad_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = load_file_error (file);

  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_READ);
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_nonnull (strstr (error->message, "folder"));
  vt_test_remove_tree (dir);
}

static void
test_bad_no_permission (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!vt_test_unprivileged (NULL))
    return;

  dir = make_temp_dir ();
  file = write_file (dir, "secret.json", "{\"format\": \"vitrine-catalog\", \"version\": 1, \"items\": []}");
  g_chmod (g_file_peek_path (file), 0);
  g_assert_cmpint (access (g_file_peek_path (file), R_OK), !=, 0);

  error = load_file_error (file);
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_READ);
  g_assert_nonnull (strstr (error->message, g_file_peek_path (file)));
  g_assert_nonnull (strstr (error->message, "permission"));
  vt_test_remove_tree (dir);
}

static void
test_bad_too_big (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = make_big_catalog (dir, 50);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (vt_catalog_get_max_size (catalog), ==, VT_CATALOG_DEFAULT_MAX_SIZE);
  vt_catalog_set_max_size (catalog, 1000);
  g_assert_false (vt_catalog_load (catalog, file, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_TOO_BIG);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "limit of 1.0"));
  g_clear_error (&error);

  vt_catalog_set_max_size (catalog, VT_CATALOG_DEFAULT_MAX_SIZE);
  g_assert_true (vt_catalog_load (catalog, file, NULL, &error));
  g_assert_no_error (error);
  vt_test_remove_tree (dir);
}

static void
test_bad_huge_truncated (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *paragraph = g_strnfill (2000, 'x');
  g_autofree char *expected = NULL;
  GString *out;
  guint n_lines;
  gsize last_line_length;

  if (g_getenv ("VITRINE_SKIP_HUGE") != NULL)
    {
      g_test_skip ("VITRINE_SKIP_HUGE is set");
      return;
    }

  /* 200 MB of valid items, then cut off in the middle of the last one. */
  out = g_string_sized_new (201 * 1000 * 1000);
  g_string_append (out, "{\"format\": \"vitrine-catalog\", \"version\": 1,\n"
                        " \"collection\": {\"name\": \"Huge\", \"total\": 0, \"currency\": \"ETH\"},\n"
                        " \"items\": [\n");
  n_lines = 3;
  for (guint i = 1; out->len < 200 * 1000 * 1000; i++, n_lines++)
    g_string_append_printf (out, "  {\"number\": %u, \"title\": \"Piece %u\", \"text\": [\"%s\"]},\n",
                            i, i, paragraph);
  g_string_append (out, "  {\"number\": 0, \"title\": \"The last pie");
  last_line_length = strlen ("  {\"number\": 0, \"title\": \"The last pie");
  g_assert_true (g_file_set_contents (path, out->str, (gssize) out->len, &error));
  g_string_free (out, TRUE);

  g_assert_false (vt_catalog_load (catalog, file, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX);
  expected = g_strdup_printf ("%s:%u:%zu: ", path, n_lines + 1, last_line_length + 1);
  g_assert_nonnull (strstr (error->message, expected));

  vt_test_remove_tree (dir);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bad_random_damage (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "damaged.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autofree char *original = NULL;
  gsize length;
  guint n_failed = 0;

  g_file_get_contents (TEST_DATA_DIR "/small-catalog.json", &original, &length, NULL);

  /* Bytes overwritten, dropped or cut at random (the seed is in the
   * test log): every load either works or says where the file is bad. */
  for (guint round = 0; round < 1000; round++)
    {
      g_autofree char *damaged = g_memdup2 (original, length);
      gsize damaged_length = length;
      g_autoptr(GError) error = NULL;
      guint n_changes = 1 + g_test_rand_int_range (0, 4);

      for (guint i = 0; i < n_changes && damaged_length > 1; i++)
        {
          gsize at = (gsize) g_test_rand_int_range (0, (gint32) damaged_length);

          switch (g_test_rand_int_range (0, 3))
            {
            case 0:
              damaged[at] = (char) g_test_rand_int_range (0, 256);
              break;
            case 1:
              memmove (damaged + at, damaged + at + 1, damaged_length - at - 1);
              damaged_length--;
              break;
            default:
              damaged_length = at + 1;
              break;
            }
        }

      g_file_set_contents (path, damaged, (gssize) damaged_length, &error);
      g_assert_no_error (error);

      if (!vt_catalog_load (catalog, file, NULL, &error))
        {
          g_assert_true (error->domain == VT_CATALOG_ERROR);
          g_assert_nonnull (strstr (error->message, path));
          g_assert_null (strstr (error->message, "<data>"));
          n_failed++;
        }
    }

  /* Most damage is caught; some (a changed letter in a text) is harmless. */
  g_test_message ("%u of 1000 damaged files refused", n_failed);
  g_assert_cmpuint (n_failed, >, 100);

  vt_test_remove_tree (dir);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/load/small", test_load_small);
  g_test_add_func ("/catalog/load/new-for-file", test_load_new_for_file);
  g_test_add_func ("/catalog/load/async-progress", test_load_async_progress);
  g_test_add_func ("/catalog/load/many-in-order", test_load_many_in_order);
  g_test_add_func ("/catalog/load/async-failure-keeps-contents", test_load_async_failure_keeps_contents);
  g_test_add_func ("/catalog/load/sync-failure-keeps-contents", test_load_sync_failure_keeps_contents);
  g_test_add_func ("/catalog/load/async-cancelled", test_load_async_cancelled);
  g_test_add_func ("/catalog/load/byte-order-mark", test_load_byte_order_mark);
  g_test_add_func ("/catalog/model/put-item", test_put_item);
  g_test_add_func ("/catalog/save/unknown-members-kept", test_save_unknown_members_kept);
  g_test_add_func ("/catalog/save/after-changes", test_save_after_changes);
  g_test_add_func ("/catalog/save/new-catalog", test_save_new_catalog);
  g_test_add_func ("/catalog/save/no-temporary-files", test_save_leaves_no_temporary_files);
  g_test_add_func ("/catalog/save/folder-not-writable", test_save_folder_not_writable);
  g_test_add_func ("/catalog/save/folder-read-only", test_save_folder_read_only);
  g_test_add_func ("/catalog/save/failure-keeps-old-file", test_save_failure_keeps_old_file);
  g_test_add_func ("/catalog/save/onto-folder", test_save_onto_folder);
  g_test_add_func ("/catalog/bad-input/truncated", test_bad_truncated);
  g_test_add_func ("/catalog/bad-input/trailing-data", test_bad_trailing_data);
  g_test_add_func ("/catalog/bad-input/top-level", test_bad_top_level);
  g_test_add_func ("/catalog/bad-input/deep-nesting", test_bad_deep_nesting);
  g_test_add_func ("/catalog/bad-input/invalid-utf8", test_bad_invalid_utf8);
  g_test_add_func ("/catalog/bad-input/nul-byte", test_bad_nul_byte);
  g_test_add_func ("/catalog/bad-input/single-quotes", test_bad_single_quotes);
  g_test_add_func ("/catalog/bad-input/syntax", test_bad_syntax);
  g_test_add_func ("/catalog/bad-input/empty", test_bad_empty);
  g_test_add_func ("/catalog/bad-input/missing-file", test_bad_missing_file);
  g_test_add_func ("/catalog/bad-input/folder", test_bad_folder);
  g_test_add_func ("/catalog/bad-input/no-permission", test_bad_no_permission);
  g_test_add_func ("/catalog/bad-input/too-big", test_bad_too_big);
  g_test_add_func ("/catalog/bad-input/huge-truncated", test_bad_huge_truncated);
  g_test_add_func ("/catalog/bad-input/random-damage", test_bad_random_damage);

  return g_test_run ();
}
