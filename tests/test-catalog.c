/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for VtCatalog: loading (sync and async), the list model, saving back losslessly. */

#include "config.h"

#include "vt-catalog.h"

#include <glib/gstdio.h>
#include <string.h>

static GFile *
small_catalog (void)
{
  return g_file_new_build_filename (TEST_DATA_DIR, "small-catalog.json", NULL);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vitrine-catalog-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
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
  remove_dir (dir);
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
  remove_dir (dir);
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

  remove_dir (dir);
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
  remove_dir (dir);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/load/small", test_load_small);
  g_test_add_func ("/catalog/load/new-for-file", test_load_new_for_file);
  g_test_add_func ("/catalog/load/async-progress", test_load_async_progress);
  g_test_add_func ("/catalog/load/async-failure-keeps-contents", test_load_async_failure_keeps_contents);
  g_test_add_func ("/catalog/load/sync-failure-keeps-contents", test_load_sync_failure_keeps_contents);
  g_test_add_func ("/catalog/load/async-cancelled", test_load_async_cancelled);
  g_test_add_func ("/catalog/model/put-item", test_put_item);

  return g_test_run ();
}
