/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the bundled sample collection and vt-make-sample, the program that draws it. */

/*
 * Environment, set by tests/meson.build:
 *   VT_MAKE_SAMPLE  the built generator
 *   VT_SAMPLE_DIR   the built sample (catalog.json beside images/), when there is one
 *   VT_CLI          the built vitrine-cli, when there is one
 */

#define G_LOG_DOMAIN "vitrine-test-sample"

#include "config.h"

#include "vt-catalog.h"
#include "vt-test-util.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include <string.h>

#define POSTER_SIZE 2048
#define TMP_TEMPLATE "vitrine-sample-XXXXXX"

static void
run_argv (VtTestRun  *run,
          const char *program,
          const char *first,
          va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) program);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);
  vt_test_run (run, NULL, NULL, (const char * const *) argv->pdata);
}

/* Runs vt-make-sample with @first and the arguments after it, up to NULL. */
static void
run_generator (VtTestRun  *run,
               const char *first,
               ...)
{
  va_list args;

  va_start (args, first);
  run_argv (run, g_getenv ("VT_MAKE_SAMPLE"), first, args);
  va_end (args);
}

/* Runs vitrine-cli the same way. */
static void
run_cli (VtTestRun  *run,
         const char *first,
         ...)
{
  va_list args;

  va_start (args, first);
  run_argv (run, g_getenv ("VT_CLI"), first, args);
  va_end (args);
}

static JsonObject *
load_catalog (JsonParser *parser,
              const char *path)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
image_path (const char *folder,
            JsonObject *item)
{
  const char *image = json_object_get_string_member_with_default (item, "image", NULL);

  g_assert_nonnull (image);
  return g_build_filename (folder, image, NULL);
}

static void
assert_jpeg_of_size (const char *path,
                     int         size)
{
  GdkPixbufFormat *format;
  g_autofree char *name = NULL;
  int width = 0, height = 0;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  format = gdk_pixbuf_get_file_info (path, &width, &height);
  g_assert_nonnull (format);
  name = gdk_pixbuf_format_get_name (format);
  g_assert_cmpstr (name, ==, "jpeg");
  g_assert_cmpint (width, ==, size);
  g_assert_cmpint (height, ==, size);
}

/* Loads @path with the catalog core, checks every rule (image files
 * included) and fails on any problem, listing them all. */
static void
assert_catalog_clean (const char *path,
                      guint       expected_items)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (file, NULL, &error);
  GListModel *problems;

  g_assert_no_error (error);
  vt_catalog_validate (catalog);
  problems = vt_catalog_get_problems (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(VtProblem) problem = g_list_model_get_item (problems, i);

      g_test_message ("%s: item %u, %s: %s", path,
                      vt_problem_get_number (problem),
                      vt_problem_get_field (problem),
                      vt_problem_get_message (problem));
    }
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  if (expected_items > 0)
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, expected_items);
}

/* ------------------------------------------------------------------------ */
/* The built sample                                                          */

static void
test_built_catalog_clean (void)
{
  g_autofree char *catalog = g_build_filename (g_getenv ("VT_SAMPLE_DIR"), "catalog.json", NULL);

  assert_catalog_clean (catalog, 0);
}

static void
test_built_cli_validate (void)
{
  g_autofree char *catalog = g_build_filename (g_getenv ("VT_SAMPLE_DIR"), "catalog.json", NULL);
  g_auto(VtTestRun) run = { 0, };

  g_autofree char *summary = g_strdup_printf ("%s: 32 pieces, no problems\n", catalog);

  /* What a curator would run: a clean catalog prints nothing to read,
   * says so to people, and exits 0. */
  run_cli (&run, "validate", catalog, NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, summary);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_built_images (void)
{
  const char *folder = g_getenv ("VT_SAMPLE_DIR");
  g_autofree char *catalog = g_build_filename (folder, "catalog.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *items = json_object_get_array_member (load_catalog (parser, catalog), "items");

  g_assert_cmpuint (json_array_get_length (items), >=, 30);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *path = image_path (folder, json_array_get_object_element (items, i));

      g_test_message ("%s", path);
      assert_jpeg_of_size (path, POSTER_SIZE);
    }
}

static void
test_built_images_differ (void)
{
  const char *folder = g_getenv ("VT_SAMPLE_DIR");
  g_autofree char *catalog = g_build_filename (folder, "catalog.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *items = json_object_get_array_member (load_catalog (parser, catalog), "items");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *path = image_path (folder, json_array_get_object_element (items, i));
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      char *digest;
      gsize length = 0;

      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);
      digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) data, length);
      if (g_hash_table_contains (seen, digest))
        g_error ("%s is the same image as %s", path, (char *) g_hash_table_lookup (seen, digest));
      g_hash_table_insert (seen, digest, g_steal_pointer (&path));
    }
}

/* ------------------------------------------------------------------------ */
/* The generator                                                             */

static void
test_generator_deterministic (void)
{
  g_autofree char *catalog = g_build_filename (TEST_DATA_DIR, "sample", "small.json", NULL);
  g_autofree char *first = vt_test_make_tmp_dir (TMP_TEMPLATE);
  g_autofree char *second = vt_test_make_tmp_dir (TMP_TEMPLATE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *items = json_object_get_array_member (load_catalog (parser, catalog), "items");
  g_auto(VtTestRun) run1 = { 0, };
  g_auto(VtTestRun) run2 = { 0, };
  g_autofree char *previous = NULL;

  run_generator (&run1, "artwork", catalog, first, NULL);
  g_assert_cmpint (run1.status, ==, 0);
  g_assert_cmpstr (run1.err, ==, "");
  run_generator (&run2, "artwork", catalog, second, NULL);
  g_assert_cmpint (run2.status, ==, 0);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *path1 = image_path (first, item);
      g_autofree char *path2 = image_path (second, item);
      g_autofree char *data1 = NULL;
      g_autofree char *data2 = NULL;
      gsize length1 = 0, length2 = 0;

      assert_jpeg_of_size (path1, POSTER_SIZE);
      g_assert_true (g_file_get_contents (path1, &data1, &length1, NULL));
      g_assert_true (g_file_get_contents (path2, &data2, &length2, NULL));
      g_assert_cmpmem (data1, length1, data2, length2);

      /* Not one image repeated: each piece gets its own. */
      if (previous != NULL)
        {
          g_autofree char *data0 = NULL;
          gsize length0 = 0;

          g_assert_true (g_file_get_contents (previous, &data0, &length0, NULL));
          g_assert_false (length0 == length1 && memcmp (data0, data1, length1) == 0);
        }
      g_free (previous);
      previous = g_steal_pointer (&path1);
    }

  vt_test_remove_tree (first);
  vt_test_remove_tree (second);
}

static void
test_generator_size (void)
{
  g_autofree char *catalog = g_build_filename (TEST_DATA_DIR, "sample", "small.json", NULL);
  g_autofree char *folder = vt_test_make_tmp_dir (TMP_TEMPLATE);
  g_autofree char *image = g_build_filename (folder, "images", "056.jpg", NULL);
  g_auto(VtTestRun) run = { 0, };

  run_generator (&run, "artwork", catalog, folder, "--size", "300", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_jpeg_of_size (image, 300);
  vt_test_remove_tree (folder);
}

static void
test_generator_missing_catalog (void)
{
  g_autofree char *folder = vt_test_make_tmp_dir (TMP_TEMPLATE);
  g_autofree char *catalog = g_build_filename (folder, "no-such-catalog.json", NULL);
  g_autofree char *out = g_build_filename (folder, "out", NULL);
  g_auto(VtTestRun) run = { 0, };

  run_generator (&run, "artwork", catalog, out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, catalog));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  vt_test_remove_tree (folder);
}

static void
test_generator_malformed_catalog (void)
{
  g_autofree char *catalog = g_build_filename (TEST_DATA_DIR, "sample", "broken.json", NULL);
  g_autofree char *folder = vt_test_make_tmp_dir (TMP_TEMPLATE);
  g_auto(VtTestRun) run = { 0, };

  run_generator (&run, "artwork", catalog, folder, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, catalog));
  vt_test_remove_tree (folder);
}

static void
test_generator_item_without_image (void)
{
  g_autofree char *catalog = g_build_filename (TEST_DATA_DIR, "sample", "no-image.json", NULL);
  g_autofree char *folder = vt_test_make_tmp_dir (TMP_TEMPLATE);
  g_autofree char *first = g_build_filename (folder, "images", "001.jpg", NULL);
  g_auto(VtTestRun) run = { 0, };

  run_generator (&run, "artwork", catalog, folder, NULL);
  g_assert_cmpint (run.status, ==, 1);
  /* The message names the file, the item and the field. */
  g_assert_nonnull (strstr (run.err, catalog));
  g_assert_nonnull (strstr (run.err, "item 2 (number 2)"));
  g_assert_nonnull (strstr (run.err, "“image”"));
  /* Nothing is drawn from a catalog the tool refused. */
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  vt_test_remove_tree (folder);
}

static void
test_generator_unwritable_folder (void)
{
  g_autofree char *catalog = g_build_filename (TEST_DATA_DIR, "sample", "small.json", NULL);
  g_autofree char *folder = vt_test_make_tmp_dir (TMP_TEMPLATE);
  g_autofree char *blocker = g_build_filename (folder, "a-file", NULL);
  g_autofree char *out = g_build_filename (blocker, "out", NULL);
  g_auto(VtTestRun) run = { 0, };

  /* A folder under a plain file cannot be made, even by root. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  run_generator (&run, "artwork", catalog, out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, out));

  vt_test_run_clear (&run);
  run_generator (&run, "synthetic", "3", out, "--no-images", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, out));
  vt_test_remove_tree (folder);
}

static void
test_generator_usage (void)
{
  g_auto(VtTestRun) run = { 0, };
  g_auto(VtTestRun) help = { 0, };

  run_generator (&run, "paint", "everything", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--help"));

  vt_test_run_clear (&run);
  run_generator (&run, "synthetic", "many", "/nonexistent", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“many”"));

  run_generator (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "artwork CATALOG OUTDIR"));
  g_assert_nonnull (strstr (help.out, "synthetic N OUTDIR"));
}

/* ------------------------------------------------------------------------ */
/* Synthetic collections                                                     */

static gsize
text_length (JsonObject *item)
{
  JsonArray *text = json_object_get_array_member (item, "text");
  gsize length = 0;

  for (guint i = 0; i < json_array_get_length (text); i++)
    length += strlen (json_array_get_string_element (text, i));
  return length;
}

static void
test_synthetic_catalog (void)
{
  g_autofree char *folder = vt_test_make_tmp_dir (TMP_TEMPLATE);
  g_autofree char *catalog = g_build_filename (folder, "catalog.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) regions = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(VtTestRun) run = { 0, };
  JsonObject *root, *collection;
  JsonArray *items;

  run_generator (&run, "synthetic", "40", folder, "--image-size", "64", "--text-kb", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);

  root = load_catalog (parser, catalog);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "vitrine-catalog");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  collection = json_object_get_object_member (root, "collection");
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, 40);
  items = json_object_get_array_member (root, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 40);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      gint64 year = json_object_get_int_member (item, "year");
      gint64 impact = json_object_get_int_member (item, "impact");
      g_autofree char *decade = g_strdup_printf ("%" G_GINT64_FORMAT "s", year / 10 * 10);
      g_autofree char *prefix = g_strdup_printf ("%" G_GINT64_FORMAT " - ", year);
      g_autofree char *path = image_path (folder, item);
      const char *title = json_object_get_string_member (item, "title");

      g_assert_cmpint (json_object_get_int_member (item, "number"), ==, i + 1);
      g_assert_true (g_str_has_prefix (title, prefix));
      g_assert_cmpstr (json_object_get_string_member (item, "decade"), ==, decade);
      g_assert_cmpint (impact, >=, 1);
      g_assert_cmpint (impact, <=, 10);
      g_assert_true (g_str_has_suffix (json_object_get_string_member (item, "price"), " ETH"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "countries")), >=, 1);
      /* About a kilobyte of history, as asked. */
      g_assert_cmpuint (text_length (item), >=, 900);
      g_assert_cmpuint (text_length (item), <=, 1400);
      assert_jpeg_of_size (path, 64);

      g_hash_table_add (titles, (char *) title);
      g_hash_table_add (regions, (char *) json_object_get_string_member (item, "region"));
    }

  /* Varied enough for facets and search to have something to do. */
  g_assert_cmpuint (g_hash_table_size (titles), >=, 35);
  g_assert_cmpuint (g_hash_table_size (regions), >=, 4);

  /* And a catalog Vitrine reads without a single problem. */
  assert_catalog_clean (catalog, 40);
  vt_test_remove_tree (folder);
}

static void
test_synthetic_no_images (void)
{
  g_autofree char *folder = vt_test_make_tmp_dir (TMP_TEMPLATE);
  g_autofree char *catalog = g_build_filename (folder, "catalog.json", NULL);
  g_autofree char *images = g_build_filename (folder, "images", NULL);
  g_auto(VtTestRun) run = { 0, };

  run_generator (&run, "synthetic", "5", folder, "--no-images", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (catalog, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (images, G_FILE_TEST_EXISTS));
  vt_test_remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("VT_SAMPLE_DIR") != NULL)
    {
      g_test_add_func ("/sample/built/catalog-clean", test_built_catalog_clean);
      if (g_getenv ("VT_CLI") != NULL)
        g_test_add_func ("/sample/built/cli-validate", test_built_cli_validate);
      g_test_add_func ("/sample/built/images", test_built_images);
      g_test_add_func ("/sample/built/images-differ", test_built_images_differ);
    }
  g_test_add_func ("/sample/generator/deterministic", test_generator_deterministic);
  g_test_add_func ("/sample/generator/size", test_generator_size);
  g_test_add_func ("/sample/generator/missing-catalog", test_generator_missing_catalog);
  g_test_add_func ("/sample/generator/malformed-catalog", test_generator_malformed_catalog);
  g_test_add_func ("/sample/generator/item-without-image", test_generator_item_without_image);
  g_test_add_func ("/sample/generator/unwritable-folder", test_generator_unwritable_folder);
  g_test_add_func ("/sample/generator/usage", test_generator_usage);
  g_test_add_func ("/sample/synthetic/catalog", test_synthetic_catalog);
  g_test_add_func ("/sample/synthetic/no-images", test_synthetic_no_images);

  return g_test_run ();
}
