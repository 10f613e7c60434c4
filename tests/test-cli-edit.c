/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for "vitrine-cli edit": changes printed and saved, refusals that write nothing, pages added, pieces deleted. */

#include "config.h"

#include "vt-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  char *tmp;
  char *catalog;
  char *backup;
  char *original;
} Fixture;

static const char catalog_text[] =
  "{ \"format\": \"vitrine-catalog\", \"version\": 1,\n"
  "  \"collection\": { \"name\": \"Test\", \"total\": 100, \"currency\": \"ETH\" },\n"
  "  \"items\": [\n"
  "    { \"number\": 14, \"title\": \"1914 - Assassination in Sarajevo\", \"year\": 1914,\n"
  "      \"decade\": \"1910s\", \"impact\": 9, \"image\": \"a.png\" },\n"
  "    { \"number\": 56, \"title\": \"1956 - Hungarian Revolution\", \"year\": 1956,\n"
  "      \"decade\": \"1950s\", \"countries\": [\"Hungary\", \"USSR\"], \"impact\": 7,\n"
  "      \"price\": \"0.7 ETH\", \"image\": \"a.png\", \"curator_note\": {\"seen\": true} }\n"
  "  ] }\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *image = NULL;

  fixture->tmp = vt_test_make_tmp_dir ("vitrine-cli-edit-XXXXXX");
  fixture->catalog = g_build_filename (fixture->tmp, "genesis.json", NULL);
  fixture->backup = g_strconcat (fixture->catalog, "~", NULL);
  fixture->original = g_strdup (catalog_text);
  vt_test_write_file (fixture->catalog, catalog_text, -1);
  /* The pieces' image exists, so that a piece has no problem to start with. */
  image = g_build_filename (fixture->tmp, "a.png", NULL);
  vt_test_write_file (image, "", 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vt_test_remove_tree (fixture->tmp);
  g_free (fixture->tmp);
  g_free (fixture->catalog);
  g_free (fixture->backup);
  g_free (fixture->original);
}

#define RUN(run, ...) \
  vt_test_run ((run), NULL, NULL, (const char * const []) { VITRINE_CLI, "edit", __VA_ARGS__, NULL })

/* The piece of @number as the catalog file now holds it. */
static JsonObject *
read_piece (Fixture *fixture,
            guint    number)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *items;

  json_parser_load_from_file (parser, fixture->catalog, &error);
  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *piece = json_array_get_object_element (items, i);

      if (json_object_get_int_member (piece, "number") == number)
        return json_object_ref (piece);
    }
  return NULL;
}

static void
assert_unchanged (Fixture *fixture)
{
  g_autofree char *contents = NULL;

  g_file_get_contents (fixture->catalog, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, fixture->original);
  g_assert_false (g_file_test (fixture->backup, G_FILE_TEST_EXISTS));
}

static void
test_set (Fixture       *fixture,
          gconstpointer  data)
{
  g_auto(VtTestRun) run = { 0, };
  g_autoptr(JsonObject) piece = NULL;
  g_autofree char *backup = NULL;
  JsonArray *text;
  JsonArray *countries;

  RUN (&run, fixture->catalog, "56", "year=1957", "Country=Hungary, USSR , Austria",
       "text=First paragraph.\n\nSecond\nparagraph.", "title=1956 - Revolution", "price=0.70 ETH");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "56 year: 1956 → 1957\n"
                   "56 countries: Hungary, USSR → Hungary, USSR, Austria\n"
                   "56 text: (none) → 2 paragraphs\n"
                   "56 title: 1956 - Hungarian Revolution → 1956 - Revolution\n"
                   "56 price: 0.7 ETH → 0.70 ETH\n");
  vt_test_assert_contains (run.err, "genesis.json: 5 changes saved");

  piece = read_piece (fixture, 56);
  g_assert_cmpint (json_object_get_int_member (piece, "year"), ==, 1957);
  g_assert_cmpstr (json_object_get_string_member (piece, "title"), ==, "1956 - Revolution");
  g_assert_cmpstr (json_object_get_string_member (piece, "price"), ==, "0.70 ETH");
  countries = json_object_get_array_member (piece, "countries");
  g_assert_cmpuint (json_array_get_length (countries), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (countries, 2), ==, "Austria");
  text = json_object_get_array_member (piece, "text");
  g_assert_cmpuint (json_array_get_length (text), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (text, 1), ==, "Second\nparagraph.");
  /* What the program does not know is kept. */
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (piece, "curator_note"), "seen"));

  /* The file as it was, beside it. */
  g_file_get_contents (fixture->backup, &backup, NULL, NULL);
  g_assert_cmpstr (backup, ==, fixture->original);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(VtTestRun) run = { 0, };
  g_autoptr(JsonObject) piece = NULL;

  RUN (&run, fixture->catalog, "56", "--remove", "price", "--remove", "Country");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "56 price: 0.7 ETH → (none)\n"
                   "56 countries: Hungary, USSR → (none)\n");
  piece = read_piece (fixture, 56);
  g_assert_false (json_object_has_member (piece, "price"));
  g_assert_false (json_object_has_member (piece, "countries"));
  g_assert_cmpint (json_object_get_int_member (piece, "year"), ==, 1956);
}

static void
test_number_follows (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(VtTestRun) run = { 0, };
  g_autoptr(JsonObject) piece = NULL;

  RUN (&run, fixture->catalog, "56", "number=57", "impact=8");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "56 number: 56 → 57\n57 impact: 7 → 8\n");
  g_assert_null (read_piece (fixture, 56));
  piece = read_piece (fixture, 57);
  g_assert_cmpint (json_object_get_int_member (piece, "impact"), ==, 8);
}

static void
test_invalid_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(VtTestRun) run = { 0, };
  g_auto(VtTestRun) forced = { 0, };
  g_autoptr(JsonObject) piece = NULL;

  RUN (&run, fixture->catalog, "56", "impact=12");
  g_assert_cmpint (run.status, ==, 1);
  /* The problem as validate prints it: file, the piece's line, piece, field. */
  vt_test_assert_contains (run.err, "genesis.json:6: item 56 (1956 - Hungarian Revolution): impact: 12 is outside 1-10");
  vt_test_assert_contains (run.err, "nothing was written");
  assert_unchanged (fixture);

  RUN (&forced, fixture->catalog, "56", "impact=12", "--force");
  g_assert_cmpint (forced.status, ==, 0);
  vt_test_assert_contains (forced.err, "12 is outside 1-10");
  piece = read_piece (fixture, 56);
  g_assert_cmpint (json_object_get_int_member (piece, "impact"), ==, 12);
}

static void
test_warning_saved (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(VtTestRun) run = { 0, };
  g_auto(VtTestRun) fixed = { 0, };

  /* A year outside its decade is a warning: said, and saved. */
  RUN (&run, fixture->catalog, "56", "year=1966");
  g_assert_cmpint (run.status, ==, 0);
  vt_test_assert_contains (run.err, "year: 1966 is outside the decade “1950s”");
  vt_test_assert_contains (run.err, "1 change saved");

  /* Changed together, the piece has no new problem. */
  RUN (&fixed, fixture->catalog, "14", "year=1921", "decade=1920s");
  g_assert_cmpint (fixed.status, ==, 0);
  g_assert_null (strstr (fixed.err, "outside"));
}

static void
test_edit_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct
  {
    const char *arguments[3];
    const char *message;
  } cases[] = {
    { { "56", "year=nineteen", NULL }, "year=nineteen: not a whole number" },
    { { "56", "number=14", NULL }, "14 is already the number of “1914 - Assassination in Sarajevo”" },
    { { "56", "colour=red", NULL }, "“colour” is not a field of a piece" },
    { { "57", "year=1957", NULL }, "no piece has the number 57" },
    { { "56", "--remove", "number" }, "every piece needs its number" },
    { { "--delete", "99", NULL }, "--delete 99: no piece has that number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(VtTestRun) run = { 0, };

      RUN (&run, fixture->catalog, cases[i].arguments[0], cases[i].arguments[1], cases[i].arguments[2]);
      g_assert_cmpint (run.status, ==, 1);
      vt_test_assert_contains (run.err, cases[i].message);
      assert_unchanged (fixture);
    }
}

static void
test_add_page_and_delete (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *page = g_build_filename (TEST_DATA_DIR, "pages", "good-1947-partition-of-india.txt", NULL);
  g_auto(VtTestRun) run = { 0, };
  g_auto(VtTestRun) again = { 0, };
  g_autoptr(JsonObject) added = NULL;

  RUN (&run, fixture->catalog, "--add-page", page, "--delete", "14");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "New piece 47: 1947 - Partition of India\n"
                   "Removal of piece 14: 1914 - Assassination in Sarajevo\n");
  /* A page names no image: a warning, not a refusal. */
  vt_test_assert_contains (run.err, "image: missing");
  g_assert_null (read_piece (fixture, 14));
  added = read_piece (fixture, 47);
  g_assert_cmpstr (json_object_get_string_member (added, "title"), ==, "1947 - Partition of India");
  g_assert_cmpstr (json_object_get_string_member (added, "price"), ==, "0.45 ETH");

  /* The same page twice: its number is taken. */
  RUN (&again, fixture->catalog, "--add-page", page);
  g_assert_cmpint (again.status, ==, 1);
  vt_test_assert_contains (again.err, "47 is already the number of “1947 - Partition of India”");
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(VtTestRun) run = { 0, };

  RUN (&run, fixture->catalog, "--dry-run", "56", "year=1957");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "56 year: 1956 → 1957\n");
  vt_test_assert_contains (run.err, "nothing was written (--dry-run)");
  assert_unchanged (fixture);
}

static void
test_cannot_read (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->tmp, "missing.json", NULL);
  g_autofree char *page = g_build_filename (fixture->tmp, "missing.txt", NULL);
  g_auto(VtTestRun) catalog = { 0, };
  g_auto(VtTestRun) no_page = { 0, };
  g_auto(VtTestRun) nothing = { 0, };
  g_auto(VtTestRun) no_number = { 0, };

  RUN (&catalog, missing, "56", "year=1957");
  g_assert_cmpint (catalog.status, ==, 2);
  vt_test_assert_contains (catalog.err, "missing.json");

  RUN (&no_page, fixture->catalog, "--add-page", page);
  g_assert_cmpint (no_page.status, ==, 2);
  vt_test_assert_contains (no_page.err, "missing.txt");

  RUN (&nothing, fixture->catalog, "56");
  g_assert_cmpint (nothing.status, ==, 2);
  vt_test_assert_contains (nothing.err, "nothing to change");

  RUN (&no_number, fixture->catalog, "year=1957");
  g_assert_cmpint (no_number.status, ==, 2);
  assert_unchanged (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/edit/set", test_set);
  ADD ("/cli/edit/remove", test_remove);
  ADD ("/cli/edit/number-follows", test_number_follows);
  ADD ("/cli/edit/invalid-refused", test_invalid_refused);
  ADD ("/cli/edit/warning-saved", test_warning_saved);
  ADD ("/cli/edit/edit-refused", test_edit_refused);
  ADD ("/cli/edit/add-page-and-delete", test_add_page_and_delete);
  ADD ("/cli/edit/dry-run", test_dry_run);
  ADD ("/cli/edit/cannot-read", test_cannot_read);

#undef ADD

  return g_test_run ();
}
