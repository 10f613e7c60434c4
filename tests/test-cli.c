/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the built vitrine-cli: its output, its messages and its exit statuses. */

#include "config.h"

#include "vt-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  char *tmp;    /* a fresh folder per test, removed after it */
} Fixture;

static const char *
cli_path (void)
{
  const char *path = g_getenv ("VITRINE_CLI");

  g_assert_nonnull (path);
  return path;
}

static char *
data_path (const char *first,
           ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (gpointer) TEST_DATA_DIR);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static char *
page (const char *name)
{
  return data_path ("pages", name, NULL);
}

/* Runs vitrine-cli with @args (NULL-terminated) in @cwd (or here). */
static void
run_cli (VtTestRun          *run,
         const char         *cwd,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  vt_test_run (run, cwd, NULL, (const char * const *) argv->pdata);
}

#define RUN(run, cwd, ...) run_cli ((run), (cwd), (const char * const []) { __VA_ARGS__, NULL })

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->tmp = vt_test_make_tmp_dir ("vitrine-cli-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vt_test_remove_tree (fixture->tmp);
  g_free (fixture->tmp);
}

static char *
tmp_path (Fixture    *fixture,
          const char *name)
{
  return g_build_filename (fixture->tmp, name, NULL);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static JsonNode *
load_json (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return parse_json (text);
}

/* The "number" of each object of @items, comma-separated. */
static char *
numbers_of (JsonArray *items)
{
  g_autoptr(GString) numbers = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_string_append_printf (numbers, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              json_object_get_int_member (item, "number"));
    }
  return g_string_free (g_steal_pointer (&numbers), FALSE);
}

static JsonObject *
catalog_item (JsonNode *catalog,
              gint64    number)
{
  JsonArray *items = json_object_get_array_member (json_node_get_object (catalog), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (json_object_get_int_member (item, "number") == number)
        return item;
    }
  return NULL;
}

/* The four good fixture pages, given out of order on purpose. */
#define GOOD_PAGES(p) p[0], p[1], p[2], p[3]

static void
good_pages (char *paths[4])
{
  paths[0] = page ("good-1989-berlin-wall.txt");
  paths[1] = page ("good-1917-october-revolution.txt");
  paths[2] = page ("good-1969-moon-landing.txt");
  paths[3] = page ("good-1947-partition-of-india.txt");
}

static void
free_pages (char *paths[4])
{
  for (guint i = 0; i < 4; i++)
    g_free (paths[i]);
}

/* ---- program ---- */

static void
test_version (void)
{
  VtTestRun run = { 0 };
  g_autofree char *expected = g_strdup_printf ("vitrine-cli %s\n", PACKAGE_VERSION);

  RUN (&run, NULL, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
  vt_test_run_clear (&run);
}

static void
test_help (void)
{
  static const char * const commands[] = { "edit", "import", "query", "validate" };
  VtTestRun run = { 0 };

  RUN (&run, NULL, "--help");
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    vt_test_assert_contains (run.out, commands[i]);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("vitrine-cli %s [OPTION", commands[i]);

      RUN (&run, NULL, commands[i], "--help");
      g_assert_cmpint (run.status, ==, 0);
      vt_test_assert_contains (run.out, usage);
      g_assert_cmpstr (run.err, ==, "");
    }
  RUN (&run, NULL, "query", "--help");
  vt_test_assert_contains (run.out, "--facet");
  vt_test_assert_contains (run.out, "--format");
  RUN (&run, NULL, "import", "--help");
  vt_test_assert_contains (run.out, "--merge");
  vt_test_run_clear (&run);
}

static void
test_bad_usage (void)
{
  VtTestRun run = { 0 };

  RUN (&run, NULL, "frobnicate");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "“frobnicate” is not a command");
  g_assert_cmpstr (run.out, ==, "");

  RUN (&run, NULL, "--no-such-option");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "--no-such-option");

  RUN (&run, NULL, "import", "--no-such-option");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "vitrine-cli import --help");

  RUN (&run, NULL, "import");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "no page given");

  RUN (&run, NULL, "validate");
  g_assert_cmpint (run.status, ==, 2);
  RUN (&run, NULL, "query");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_run_clear (&run);
}

/* ---- import ---- */

static void
test_import_to_stdout (void)
{
  char *pages[4];
  VtTestRun run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *numbers = NULL;
  JsonObject *catalog, *collection, *item;

  good_pages (pages);
  RUN (&run, NULL, "import", GOOD_PAGES (pages));
  free_pages (pages);
  g_assert_cmpint (run.status, ==, 0);

  root = parse_json (run.out);
  catalog = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (catalog, "format"), ==, "vitrine-catalog");
  collection = json_object_get_object_member (catalog, "collection");
  g_assert_cmpstr (json_object_get_string_member (collection, "name"), ==, "Genesis");
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (collection, "currency"), ==, "ETH");

  /* Sorted by number, whatever order the pages came in. */
  numbers = numbers_of (json_object_get_array_member (catalog, "items"));
  g_assert_cmpstr (numbers, ==, "17,47,69,89");

  item = catalog_item (root, 17);
  g_assert_cmpstr (json_object_get_string_member (item, "medium"), ==, "Digital painting");
  g_assert_false (json_object_has_member (item, "image"));
  vt_test_run_clear (&run);
}

static void
test_import_name_option (void)
{
  g_autofree char *moon = page ("good-1969-moon-landing.txt");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *collection;
  VtTestRun run = { 0 };

  RUN (&run, NULL, "import", "--name", "Space", moon);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  collection = json_object_get_object_member (json_node_get_object (root), "collection");
  g_assert_cmpstr (json_object_get_string_member (collection, "name"), ==, "Space");
  vt_test_run_clear (&run);
}

static void
test_import_refuses_overwrite (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *moon = page ("good-1969-moon-landing.txt");
  g_autofree char *berlin = page ("good-1989-berlin-wall.txt");
  g_autofree char *catalog = tmp_path (fixture, "catalog.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) root = NULL;
  VtTestRun run = { 0 };

  RUN (&run, NULL, "import", "-o", catalog, moon);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (catalog, &before, NULL, NULL));

  /* A second import to the same file is refused, and the file is untouched. */
  RUN (&run, NULL, "import", "-o", catalog, berlin);
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, catalog);
  vt_test_assert_contains (run.err, "--force");
  g_assert_true (g_file_get_contents (catalog, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* --force replaces it. */
  RUN (&run, NULL, "import", "--force", "-o", catalog, berlin);
  g_assert_cmpint (run.status, ==, 0);
  root = load_json (catalog);
  g_assert_nonnull (catalog_item (root, 89));
  g_assert_null (catalog_item (root, 69));
  vt_test_run_clear (&run);
}

static void
test_import_merge (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *october = page ("good-1917-october-revolution.txt");
  g_autofree char *partition = page ("good-1947-partition-of-india.txt");
  g_autofree char *moon = page ("good-1969-moon-landing.txt");
  g_autofree char *catalog = tmp_path (fixture, "catalog.json");
  g_autofree char *changed = tmp_path (fixture, "partition-changed.txt");
  g_autofree char *text = NULL;
  g_autofree char *numbers = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) merged = NULL;
  g_autoptr(GString) page_text = NULL;
  JsonObject *item;
  VtTestRun run = { 0 };

  RUN (&run, NULL, "import", "-o", catalog, october, partition);
  g_assert_cmpint (run.status, ==, 0);

  /* Members the program does not know, at the top and in an item. */
  root = load_json (catalog);
  json_object_set_string_member (json_node_get_object (root), "curator", "A. Keeper");
  json_object_set_string_member (catalog_item (root, 17), "note", "Checked twice");
  json_object_set_string_member (catalog_item (root, 47), "image", "images/047.jpg");
  text = json_to_string (root, TRUE);
  vt_test_write_file (catalog, text, -1);

  /* The 1947 page again, with a new impact, and a new piece. */
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (partition, &text, NULL, NULL));
  page_text = g_string_new (text);
  g_string_replace (page_text, "Impact: 9", "Impact: 8", 1);
  vt_test_write_file (changed, page_text->str, page_text->len);

  RUN (&run, NULL, "import", "--merge", "-o", catalog, changed, moon);
  g_assert_cmpint (run.status, ==, 0);

  merged = load_json (catalog);
  numbers = numbers_of (json_object_get_array_member (json_node_get_object (merged), "items"));
  g_assert_cmpstr (numbers, ==, "17,47,69");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (merged), "curator"),
                   ==, "A. Keeper");
  item = catalog_item (merged, 17);
  g_assert_cmpstr (json_object_get_string_member (item, "note"), ==, "Checked twice");
  item = catalog_item (merged, 47);
  g_assert_cmpint (json_object_get_int_member (item, "impact"), ==, 8);
  /* The page has no image: the piece keeps the one it had. */
  g_assert_cmpstr (json_object_get_string_member (item, "image"), ==, "images/047.jpg");
  vt_test_run_clear (&run);
}

static void
test_import_merge_needs_catalog (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *moon = page ("good-1969-moon-landing.txt");
  g_autofree char *catalog = tmp_path (fixture, "missing.json");
  VtTestRun run = { 0 };

  RUN (&run, NULL, "import", "--merge", moon);
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "-o CATALOG");

  RUN (&run, NULL, "import", "--merge", "-o", catalog, moon);
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "missing.json");
  g_assert_false (g_file_test (catalog, G_FILE_TEST_EXISTS));
  vt_test_run_clear (&run);
}

static void
test_import_images (Fixture       *fixture,
                    gconstpointer  data)
{
  char *pages[4];
  g_autofree char *images = tmp_path (fixture, "images");
  g_autofree char *out = tmp_path (fixture, "out");
  g_autofree char *catalog = g_build_filename (out, "catalog.json", NULL);
  g_autoptr(JsonNode) root = NULL;
  static const char * const files[] = { "017.jpg", "047-partition.png", "0690.jpg", "069.jpg" };
  VtTestRun run = { 0 };

  g_assert_cmpint (g_mkdir (images, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (images, files[i], NULL);

      vt_test_write_file (path, "", 0);
    }

  good_pages (pages);
  RUN (&run, NULL, "import", "--images", images, "-o", catalog, GOOD_PAGES (pages));
  free_pages (pages);
  g_assert_cmpint (run.status, ==, 0);
  /* No image for 89: said, and the rest imported. */
  vt_test_assert_contains (run.err, "no image for piece 89");

  /* Relative to the catalog's folder. */
  root = load_json (catalog);
  g_assert_cmpstr (json_object_get_string_member (catalog_item (root, 17), "image"), ==,
                   "../images/017.jpg");
  g_assert_cmpstr (json_object_get_string_member (catalog_item (root, 47), "image"), ==,
                   "../images/047-partition.png");
  g_assert_cmpstr (json_object_get_string_member (catalog_item (root, 69), "image"), ==,
                   "../images/069.jpg");
  g_assert_false (json_object_has_member (catalog_item (root, 89), "image"));

  /* Without -o, relative to the current folder. */
  {
    g_autofree char *moon = page ("good-1969-moon-landing.txt");
    g_autoptr(JsonNode) printed = NULL;

    RUN (&run, fixture->tmp, "import", "--images", "images", moon);
    g_assert_cmpint (run.status, ==, 0);
    printed = parse_json (run.out);
    g_assert_cmpstr (json_object_get_string_member (catalog_item (printed, 69), "image"), ==,
                     "images/069.jpg");
  }

  /* A folder that is not there. */
  {
    g_autofree char *moon = page ("good-1969-moon-landing.txt");

    RUN (&run, fixture->tmp, "import", "--images", "no-such-images", moon);
    g_assert_cmpint (run.status, ==, 2);
    vt_test_assert_contains (run.err, "no-such-images: is not a folder");
  }
  vt_test_run_clear (&run);
}

static void
test_import_broken_page (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *moon = page ("good-1969-moon-landing.txt");
  g_autofree char *broken = page ("broken-impact.txt");
  g_autofree char *catalog = tmp_path (fixture, "catalog.json");
  g_autofree char *expected = g_strdup_printf ("%s:16: Impact: “high” is not a number", broken);
  VtTestRun run = { 0 };

  RUN (&run, NULL, "import", "-o", catalog, moon, broken);
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, expected);
  g_assert_false (g_file_test (catalog, G_FILE_TEST_EXISTS));

  /* Named as given on the command line. */
  RUN (&run, TEST_DATA_DIR, "import", "pages/good-1969-moon-landing.txt", "pages/broken-number.txt");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "pages/broken-number.txt:19: Number:");
  g_assert_cmpstr (run.out, ==, "");

  RUN (&run, TEST_DATA_DIR, "import", "pages/broken-encoding.txt");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "pages/broken-encoding.txt:7: ");
  vt_test_run_clear (&run);
}

static void
test_import_unreadable_page (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *moon = page ("good-1969-moon-landing.txt");
  VtTestRun run = { 0 };

  RUN (&run, fixture->tmp, "import", moon, "no-such-page.txt");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "no-such-page.txt: no such file");
  g_assert_cmpstr (run.out, ==, "");

  RUN (&run, TEST_DATA_DIR, "import", "pages");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "pages: is a folder");

  RUN (&run, NULL, "import", "/dev/zero");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "/dev/zero: is not a regular file");

  /* Two pages of the same number. */
  RUN (&run, NULL, "import", moon, moon);
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "number 69");
  vt_test_run_clear (&run);
}

/* ---- validate ---- */

static void
test_validate_clean (void)
{
  g_autofree char *catalog = data_path ("small-catalog.json", NULL);
  VtTestRun run = { 0 };

  RUN (&run, NULL, "validate", catalog);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  /* A summary for people, on the standard error: scripts read nothing. */
  g_assert_true (g_str_has_suffix (run.err, "small-catalog.json: 7 pieces, no problems\n"));
  vt_test_run_clear (&run);
}

static void
test_validate_problems (void)
{
  VtTestRun run = { 0 };
  g_auto(GStrv) lines = NULL;

  RUN (&run, TEST_DATA_DIR, "validate", "cli/problems.json");
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (run.out, "\n", -1);
  /* Each problem with the line its piece starts on in the catalog. */
  g_assert_cmpstr (lines[0], ==,
                   "cli/problems.json:6: item 56 (1956 - Hungarian Revolution): impact: 12 is outside 1-10");
  vt_test_assert_contains (run.out, "cli/problems.json:17: item 61 (1961 - Berlin Wall Built): year:");
  vt_test_assert_contains (run.out, "cli/problems.json:28: item 62 (1962 - Cuban Missile Crisis): price:");
  /* One line per problem, each naming the catalog. */
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_assert_true (g_str_has_prefix (lines[i], "cli/problems.json:"));
  vt_test_assert_contains (run.err, "cli/problems.json: 6 problems");
  vt_test_run_clear (&run);
}

/* A title of 200 MB: validate reports it in lines of a few dozen
 * characters (the piece named, the text quoted, both cut). */
static void
test_validate_huge_title (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = tmp_path (fixture, "huge.json");
  g_autofree char *chunk = g_strnfill (1024 * 1024, 'x');
  VtTestRun run = { 0 };
  g_auto(GStrv) lines = NULL;
  FILE *file = fopen (path, "w");

  /* Written by pieces: the test holds no copy of it. */
  g_assert_nonnull (file);
  fputs ("{\"format\": \"vitrine-catalog\", \"version\": 1,"
         " \"collection\": {\"name\": \"X\", \"total\": 10},"
         " \"items\": [{\"number\": 1, \"title\": \"", file);
  for (guint i = 0; i < 200; i++)
    fputs (chunk, file);
  fputs ("\"}]}", file);
  g_assert_cmpint (fclose (file), ==, 0);

  RUN (&run, fixture->tmp, "validate", "huge.json");
  g_assert_cmpint (run.status, ==, 1);
  vt_test_assert_contains (run.out, "huge.json:1: item 1 (xxxxxxxxxx");
  vt_test_assert_contains (run.out, "…): title: 209715200 characters, more than the 1000 allowed: “xxxxxxxxxx");
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);   /* the title, the image, and after the last newline */
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpuint (strlen (lines[i]), <, 300);
  vt_test_run_clear (&run);
}

/* A fifo, a device, a folder, a symbolic link loop and an empty file
 * named as images: validate answers at once, a problem for each. */
static void
test_validate_hostile_images (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *source = data_path ("hostile", "images.json", NULL);
  g_autofree char *catalog = vt_test_make_hostile_images (fixture->tmp, source);
  const char * const argv[] = { cli_path (), "validate", "--allow-outside", "catalog.json", NULL };
  VtTestRun run = { 0 };

  /* /dev/zero lies outside the catalog's folder: allowed, to be opened. */
  vt_test_run_within (&run, fixture->tmp, NULL, argv, 30);
  g_assert_cmpint (run.status, ==, 1);
  vt_test_assert_contains (run.out, "catalog.json:6: item 1 (1901 - A fifo): image: “fifo.jpg” is not a regular file");
  vt_test_assert_contains (run.out, "catalog.json:7: item 2 (1902 - A device): image: “/dev/zero” is not a regular file");
  vt_test_assert_contains (run.out, "catalog.json:8: item 3 (1903 - A folder): image: “folder.jpg” is a folder");
  vt_test_assert_contains (run.out, "catalog.json:9: item 4 (1904 - A symbolic link loop): image: “loop.jpg” is a symbolic link that leads back to itself");
  vt_test_assert_contains (run.out, "catalog.json:10: item 5 (1905 - Zero bytes): image: “empty.jpg” is empty (0 bytes)");
  vt_test_assert_contains (run.err, "catalog.json: 5 problems");
  vt_test_run_clear (&run);
}

/* Images outside the catalog's folder are not opened, and the messages
 * say why and how to allow them; --allow-outside opens them. */
static void
test_validate_outside_images (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *source = data_path ("outside", "catalog.json", NULL);
  g_autofree char *image = data_path ("images", "moss.png", NULL);
  g_autofree char *catalog = vt_test_make_outside_images (fixture->tmp, source, image);
  VtTestRun run = { 0 };

  RUN (&run, fixture->tmp, "validate", "catalog.json");
  g_assert_cmpint (run.status, ==, 1);
  vt_test_assert_contains (run.out, "catalog.json:7: item 2 (1902 - Up and out): image: “../../../../../../../../../../etc/passwd” is outside the catalog’s folder");
  vt_test_assert_contains (run.out, "catalog.json:8: item 3 (1903 - Absolute): image: “/proc/self/environ” is outside the catalog’s folder");
  vt_test_assert_contains (run.out, "catalog.json:9: item 4 (1904 - A link that leads out): image: “link.png” is outside the catalog’s folder");
  vt_test_assert_contains (run.out, "catalog.json:12: item 7 (1907 - A file address): image: “file:///etc/shadow” is outside the catalog’s folder");
  vt_test_assert_contains (run.out, "catalog.json:10: item 5 (1905 - On the web): image: “http://example.com/1905.jpg” is not a file on this computer");
  vt_test_assert_contains (run.out, "catalog.json:11: item 6 (1906 - On a share): image: “smb://server/share/1906.jpg” is not a file on this computer");
  g_assert_null (strstr (run.out, "item 1 "));
  vt_test_assert_contains (run.err, "catalog.json: 4 images lie outside the catalog’s folder and were not opened; "
                            "if you trust the catalog, allow them with --allow-outside");

  RUN (&run, fixture->tmp, "validate", "--allow-outside", "catalog.json");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_null (strstr (run.out, "outside the catalog’s folder"));
  g_assert_null (strstr (run.out, "item 4 "));
  vt_test_assert_contains (run.out, "catalog.json:7: item 2 (1902 - Up and out): image: “../../../../../../../../../../etc/passwd” is not an image");
  vt_test_assert_contains (run.out, "catalog.json:10: item 5 (1905 - On the web): image: “http://example.com/1905.jpg” is not a file on this computer");
  g_assert_null (strstr (run.err, "--allow-outside"));

  RUN (&run, fixture->tmp, "query", "--allow-outside", "--format", "csv", "catalog.json");
  g_assert_cmpint (run.status, ==, 0);
  vt_test_run_clear (&run);
}

static void
test_validate_unnamed_pieces (void)
{
  VtTestRun run = { 0 };

  RUN (&run, TEST_DATA_DIR, "validate", "unnamed-pieces.json");
  g_assert_cmpint (run.status, ==, 1);
  vt_test_assert_contains (run.out, "unnamed-pieces.json:7: items[1]: title: missing\n");
  vt_test_assert_contains (run.out, "unnamed-pieces.json:8: items[2]: impact: “seven” is a string, not a number\n");
  vt_test_run_clear (&run);
}

/* ---- query ---- */

static char *
query_fixture (Fixture *fixture)
{
  char *pages[4];
  char *catalog = tmp_path (fixture, "four.json");
  VtTestRun run = { 0 };

  good_pages (pages);
  RUN (&run, NULL, "import", "-o", catalog, GOOD_PAGES (pages));
  free_pages (pages);
  g_assert_cmpint (run.status, ==, 0);
  vt_test_run_clear (&run);
  return catalog;
}

/* Runs a query with --format json and returns the numbers it printed. */
static char *
query_numbers (const char         *catalog,
               const char * const *options)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  VtTestRun run = { 0 };
  char *numbers;

  g_ptr_array_add (args, (gpointer) "query");
  g_ptr_array_add (args, (gpointer) catalog);
  g_ptr_array_add (args, (gpointer) "--format=json");
  for (guint i = 0; options[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) options[i]);
  g_ptr_array_add (args, NULL);

  run_cli (&run, NULL, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  numbers = numbers_of (json_node_get_array (root));
  vt_test_run_clear (&run);
  return numbers;
}

static void
test_query_options (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char *options[5];
    const char *numbers;
  } cases[] = {
    { { NULL }, "17,47,69,89" },
    { { "--search", "berlin", NULL }, "89" },
    { { "--search", "gunter schabowski", NULL }, "89" },
    { { "--search", "KENNEDY", NULL }, "69" },
    { { "--facet", "region=Europe", NULL }, "17,89" },
    { { "--facet", "region=Europe", "--facet", "region=Asia", NULL }, "17,47,89" },
    { { "--facet", "region=Europe", "--facet", "conflict=Cold War", NULL }, "89" },
    { { "--facet", "country=Pakistan", NULL }, "47" },
    { { "--impact", "10..10", NULL }, "17,89" },
    { { "--impact", "..9", NULL }, "47,69" },
    { { "--year", "1940..1970", NULL }, "47,69" },
    { { "--price", "1..2 ETH", NULL }, "17,69" },
    { { "--price", "..0.5 ETH", NULL }, "47" },
    { { "--sort", "price:desc", NULL }, "89,17,69,47" },
    { { "--sort", "price", NULL }, "47,69,17,89" },
    { { "--sort", "impact:desc", NULL }, "17,89,47,69" },
    { { "--sort", "year:desc", NULL }, "89,69,47,17" },
    { { "--sort", "title:desc", NULL }, "89,69,47,17" },
    { { "--sort", "number:asc", "--search", "war", NULL }, "17,69,89" },
  };
  g_autofree char *catalog = query_fixture (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *numbers = query_numbers (catalog, cases[i].options);

      g_test_message ("case %u: %s", i, cases[i].options[0]);
      g_assert_cmpstr (numbers, ==, cases[i].numbers);
    }
}

/* The JSON a query prints is JSON: control characters escaped, every
 * piece's text as in the catalog. */
static void
test_query_json_strict (void)
{
  g_autofree char *catalog = g_build_filename (TEST_DATA_DIR, "hostile", "edge-cases.json", NULL);
  g_autoptr(JsonNode) expected = load_json (catalog);
  g_autoptr(JsonNode) printed = NULL;
  g_auto(VtTestRun) run = { 0 };
  JsonObject *want;
  JsonObject *got;

  RUN (&run, NULL, "query", catalog, "--format=json");
  g_assert_cmpint (run.status, ==, 0);
  for (const char *p = run.out; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n')
      g_error ("a raw control character 0x%02x at byte %td of the output", (guchar) *p, p - run.out);

  printed = parse_json (run.out);
  got = json_array_get_object_element (json_node_get_array (printed), 0);
  want = json_array_get_object_element (json_object_get_array_member (json_node_get_object (expected), "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (got, "about"), ==,
                   json_object_get_string_member (want, "about"));
  g_assert_cmpstr (json_object_get_string_member (got, "title"), ==,
                   json_object_get_string_member (want, "title"));
}

static void
test_query_table (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *catalog = query_fixture (fixture);
  g_auto(GStrv) lines = NULL;
  const char *title_column;
  VtTestRun run = { 0 };

  RUN (&run, NULL, "query", catalog, "--sort", "impact:desc");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);   /* header, 4 rows, footer, "" */

  /* The titles start in one column on every line. */
  title_column = strstr (lines[0], "Title");
  g_assert_nonnull (title_column);
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *prefix = g_strndup (lines[i], title_column - lines[0]);

      g_assert_true (g_ascii_isdigit (lines[i][title_column - lines[0]]));
      g_assert_true (g_str_has_suffix (prefix, "  "));
    }
  g_assert_true (g_str_has_prefix (lines[1] + (title_column - lines[0]), "1917 - October Revolution"));
  vt_test_assert_contains (lines[1], "1.8 ETH");
  g_assert_true (g_str_has_prefix (lines[4] + (title_column - lines[0]), "1969 - Apollo 11"));
  g_assert_cmpstr (lines[5], ==, "4 of 4 pieces");

  RUN (&run, NULL, "query", catalog, "--search", "nothing-matches-this");
  g_assert_cmpint (run.status, ==, 0);
  vt_test_assert_contains (run.out, "0 of 4 pieces");
  vt_test_run_clear (&run);
}

static void
test_query_csv (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *catalog = tmp_path (fixture, "quoted.json");
  g_autofree char *quoted = tmp_path (fixture, "quoted.txt");
  g_auto(GStrv) lines = NULL;
  VtTestRun run = { 0 };

  vt_test_write_file (quoted,
              "Title: 1905 - \"Bloody Sunday\", St Petersburg\n"
              "Year: 1905\n"
              "Country: Russia\n"
              "Impact: 7\n"
              "Number: 5/100\n"
              "Price: 1,250.5 ETH\n", -1);
  RUN (&run, NULL, "import", "-o", catalog, quoted);
  g_assert_cmpint (run.status, ==, 0);

  RUN (&run, NULL, "query", catalog, "--format", "csv");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "number,title,year,decade,region,countries,politics,conflict,type,"
                   "impact,artist,group,price");
  g_assert_cmpstr (lines[1], ==,
                   "5,\"1905 - \"\"Bloody Sunday\"\", St Petersburg\",1905,,,Russia,,,,7,,,"
                   "\"1,250.5 ETH\"");
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_null (lines[3]);
  vt_test_run_clear (&run);
}

static void
test_query_facets (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *catalog = query_fixture (fixture);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *facets;
  JsonArray *regions, *decades;
  VtTestRun run = { 0 };
  guint asia = 0, europe = 0;
  gboolean europe_selected = FALSE;

  RUN (&run, NULL, "query", catalog, "--facets", "--format", "json", "--facet", "region=Europe");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  facets = json_node_get_object (root);

  /* A facet is counted without its own selection: Asia would add one. */
  regions = json_object_get_array_member (facets, "region");
  for (guint i = 0; i < json_array_get_length (regions); i++)
    {
      JsonObject *value = json_array_get_object_element (regions, i);
      const char *name = json_object_get_string_member (value, "value");

      if (g_strcmp0 (name, "Asia") == 0)
        asia = json_object_get_int_member (value, "count");
      if (g_strcmp0 (name, "Europe") == 0)
        {
          europe = json_object_get_int_member (value, "count");
          europe_selected = json_object_get_boolean_member (value, "selected");
        }
    }
  g_assert_cmpuint (asia, ==, 1);
  g_assert_cmpuint (europe, ==, 2);
  g_assert_true (europe_selected);

  /* Other facets are counted under the selection: only two decades left. */
  decades = json_object_get_array_member (facets, "decade");
  for (guint i = 0; i < json_array_get_length (decades); i++)
    {
      JsonObject *value = json_array_get_object_element (decades, i);
      const char *name = json_object_get_string_member (value, "value");
      gint64 count = json_object_get_int_member (value, "count");

      if (g_strcmp0 (name, "1910s") == 0 || g_strcmp0 (name, "1980s") == 0)
        g_assert_cmpint (count, ==, 1);
      else
        g_assert_cmpint (count, ==, 0);
    }

  RUN (&run, NULL, "query", catalog, "--facets");
  g_assert_cmpint (run.status, ==, 0);
  vt_test_assert_contains (run.out, "Region\n");
  vt_test_assert_contains (run.out, "Country\n");
  vt_test_assert_contains (run.out, "  Pakistan");

  RUN (&run, NULL, "query", catalog, "--facets", "--format", "csv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "facet,value,count,selected\r\n"));
  vt_test_assert_contains (run.out, "\r\ncountry,Pakistan,1,false\r\n");
  vt_test_run_clear (&run);
}

static void
test_query_bad_options (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const bad[][2] = {
    { "--format", "xml" },
    { "--sort", "colour" },
    { "--sort", "impact:sideways" },
    { "--facet", "colour=red" },
    { "--facet", "region" },
    { "--impact", "high" },
    { "--year", "1900..x" },
    { "--price", "cheap" },
  };
  g_autofree char *catalog = query_fixture (fixture);
  VtTestRun run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      RUN (&run, NULL, "query", catalog, bad[i][0], bad[i][1]);
      g_assert_cmpint (run.status, ==, 2);
      vt_test_assert_contains (run.err, bad[i][1]);
      g_assert_cmpstr (run.out, ==, "");
    }
  vt_test_run_clear (&run);
}

/* ---- bad input ---- */

typedef struct
{
  const char *name;
  const char *data;      /* NULL: a committed fixture under cli/ */
  gssize      length;
  gboolean    position;  /* the message gives a line */
} BadCatalog;

static char *
deep_catalog (void)
{
  GString *text = g_string_new ("{\"format\": \"vitrine-catalog\", \"version\": 1, \"items\": [");

  for (guint i = 0; i < 20000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 20000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "]}\n");
  return g_string_free (text, FALSE);
}

static void
check_bad_catalog (const char *cwd,
                   const char *path,
                   gboolean    position)
{
  static const char * const commands[] = { "validate", "query" };
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *line_pattern = g_strdup_printf ("%s:[0-9]+", basename);
  VtTestRun run = { 0 };

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      RUN (&run, cwd, commands[c], path);
      g_test_message ("%s %s: %s", commands[c], path, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      vt_test_assert_contains (run.err, basename);
      if (position && !g_regex_match_simple (line_pattern, run.err, 0, 0))
        g_error ("no line in “%s”", run.err);
    }

  /* Merging into it writes nothing. */
  {
    g_autofree char *moon = page ("good-1969-moon-landing.txt");
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *full = g_build_filename (cwd, path, NULL);

    g_file_get_contents (full, &before, NULL, NULL);
    RUN (&run, cwd, "import", "--merge", "-o", path, moon);
    g_assert_cmpint (run.status, ==, 2);
    vt_test_assert_contains (run.err, basename);
    g_file_get_contents (full, &after, NULL, NULL);
    g_assert_cmpstr (before, ==, after);
  }
  vt_test_run_clear (&run);
}

static const char invalid_utf8_catalog[] =
  "{\n  \"format\": \"vitrine-catalog\",\n  \"version\": 1,\n"
  "  \"items\": [ { \"title\": \"Caf\xe9\" } ]\n}\n";
static const char nul_catalog[] =
  "{\n  \"format\": \"vitrine-catalog\",\n  \"ver\0sion\": 1\n}\n";

static void
test_bad_catalogs (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *deep = deep_catalog ();
  const BadCatalog cases[] = {
    { "truncated.json", NULL, 0, TRUE },
    { "trailing-garbage.json", NULL, 0, TRUE },
    { "wrong-top-level.json", NULL, 0, FALSE },
    { "deep.json", deep, -1, FALSE },
    { "invalid-utf8.json", invalid_utf8_catalog, sizeof invalid_utf8_catalog - 1, TRUE },
    { "nul-byte.json", nul_catalog, sizeof nul_catalog - 1, TRUE },
    { "empty.json", "", 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;

      if (cases[i].data == NULL)
        {
          /* A copy, so the merge attempt could not harm the fixture. */
          g_autofree char *source = data_path ("cli", cases[i].name, NULL);
          g_autofree char *contents = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
          path = tmp_path (fixture, cases[i].name);
          vt_test_write_file (path, contents, length);
        }
      else
        {
          path = tmp_path (fixture, cases[i].name);
          vt_test_write_file (path, cases[i].data, cases[i].length);
        }
      check_bad_catalog (fixture->tmp, cases[i].name, cases[i].position);
    }
}

/* What a save would change (numbers beyond range, lone surrogates, NUL
 * characters, malformed escapes) is refused at load, merge included. */
static void
test_hostile_catalogs (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *dir_path = data_path ("hostile", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = NULL;
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_str_has_prefix (name, "refused-"))
        continue;
      source = g_build_filename (dir_path, name, NULL);
      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      path = tmp_path (fixture, name);
      vt_test_write_file (path, contents, length);
      check_bad_catalog (fixture->tmp, name, TRUE);
      n++;
    }
  g_assert_cmpuint (n, >=, 4);
}

static void
test_missing_and_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  VtTestRun run = { 0 };
  g_autofree char *folder = tmp_path (fixture, "a-folder.json");

  RUN (&run, fixture->tmp, "validate", "missing.json");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "missing.json");

  RUN (&run, fixture->tmp, "query", "missing.json");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "missing.json");

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  RUN (&run, fixture->tmp, "validate", "a-folder.json");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "a-folder.json");
  g_assert_cmpstr (run.out, ==, "");

  RUN (&run, fixture->tmp, "query", "a-folder.json");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "a-folder.json");
  vt_test_run_clear (&run);
}

static void
test_no_permission (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = tmp_path (fixture, "secret.json");
  VtTestRun run = { 0 };

  if (!vt_test_unprivileged (fixture->tmp))
    return;
  /* A catalog validate reads without failing (one problem, exit 1): only
   * its mode makes it unreadable (exit 2). */
  vt_test_write_file (path, "{\"format\": \"vitrine-catalog\", \"version\": 1, \"items\": []}", -1);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  RUN (&run, NULL, "validate", path);
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "secret.json");
  vt_test_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/bad-usage", test_bad_usage);

  g_test_add_func ("/cli/import/stdout", test_import_to_stdout);
  g_test_add_func ("/cli/import/name", test_import_name_option);
  ADD ("/cli/import/refuses-overwrite", test_import_refuses_overwrite);
  ADD ("/cli/import/merge", test_import_merge);
  ADD ("/cli/import/merge-needs-catalog", test_import_merge_needs_catalog);
  ADD ("/cli/import/images", test_import_images);
  ADD ("/cli/import/broken-page", test_import_broken_page);
  ADD ("/cli/import/unreadable-page", test_import_unreadable_page);

  g_test_add_func ("/cli/validate/clean", test_validate_clean);
  g_test_add_func ("/cli/validate/problems", test_validate_problems);
  ADD ("/cli/validate/huge-title", test_validate_huge_title);
  ADD ("/cli/validate/hostile-images", test_validate_hostile_images);
  ADD ("/cli/validate/outside-images", test_validate_outside_images);
  g_test_add_func ("/cli/validate/unnamed-pieces", test_validate_unnamed_pieces);

  ADD ("/cli/query/options", test_query_options);
  ADD ("/cli/query/table", test_query_table);
  ADD ("/cli/query/csv", test_query_csv);
  ADD ("/cli/query/facets", test_query_facets);
  ADD ("/cli/query/bad-options", test_query_bad_options);
  g_test_add_func ("/cli/query/json-strict", test_query_json_strict);

  ADD ("/cli/bad-input/malformed", test_bad_catalogs);
  ADD ("/cli/bad-input/unrepresentable", test_hostile_catalogs);
  ADD ("/cli/bad-input/missing-and-folder", test_missing_and_folder);
  ADD ("/cli/bad-input/no-permission", test_no_permission);

  return g_test_run ();
}
