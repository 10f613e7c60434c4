/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the strict pre-scan: what json-glib would change silently is refused with file:line:col. */

#include "config.h"

#include "vt-catalog.h"
#include "vt-json-check.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  const char *name;       /* under hostile/ */
  guint       line;
  guint       column;
  const char *message;    /* a part of the message */
} Refused;

static const Refused refused[] = {
  { "refused-number-too-large.json", 6, 39, "the number 1e400 is too large" },
  { "refused-number-too-small.json", 6, 42, "the number -1e-400 is too small" },
  { "refused-integer-beyond-64-bits.json", 6, 53, "the whole number 99999999999999999999999 does not fit in 64 bits" },
  { "refused-integer-below-64-bits.json", 6, 41, "the whole number -9223372036854775809 does not fit in 64 bits" },
  { "refused-lone-surrogate.json", 6, 32, "a lone surrogate (\\ud800)" },
  { "refused-lone-low-surrogate.json", 6, 43, "a lone surrogate (\\ude00)" },
  { "refused-nul-in-title.json", 6, 31, "a string contains a NUL character" },
  { "refused-short-unicode-escape.json", 6, 33, "four hexadecimal digits" },
  { "refused-unknown-escape.json", 6, 32, "“\\w” is not an escape" },
};

static void
test_refused_fixture (gconstpointer data)
{
  const Refused *expected = data;
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "hostile", expected->name, NULL);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s:%u:%u: ", expected->name,
                                             expected->line, expected->column);

  g_assert_false (vt_catalog_load (catalog, file, NULL, &error));
  g_assert_error (error, VT_CATALOG_ERROR, error->code);
  g_test_message ("%s", error->message);
  /* The file as its full name, then where. */
  g_assert_nonnull (strstr (error->message, prefix));
  g_assert_nonnull (strstr (error->message, expected->message));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 0);
}

/* vt_json_check() on a catalog whose only item is @item. */
static gboolean
check_item (const char  *item,
            GError     **error)
{
  g_autofree char *text = g_strdup_printf ("{\"items\": [%s]}", item);
  g_auto(VtJsonCheck) check = { NULL, 0, 0 };

  return vt_json_check (text, strlen (text), "t.json", 64, &check, error);
}

static void
assert_refused (const char *item,
                guint       column,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("t.json:1:%u: ", column);

  g_assert_false (check_item (item, &error));
  g_test_message ("%s: %s", item, error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, message));
}

static void
assert_accepted (const char *item)
{
  g_autoptr(GError) error = NULL;

  if (!check_item (item, &error))
    g_error ("%s refused: %s", item, error->message);
}

static void
test_escapes (void)
{
  /* The item starts at column 12. */
  assert_accepted ("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"");
  assert_accepted ("\"\\u00e9 \\u00C9 \\uffff \\u0001 \\u001f\"");
  assert_accepted ("\"\\ud83d\\ude00 \\uDBFF\\uDFFF \\ud800\\udc00\"");

  assert_refused ("\"\\u12\"", 13, "four hexadecimal digits");
  assert_refused ("\"\\u12g4\"", 13, "four hexadecimal digits");
  assert_refused ("\"\\U00e9\"", 13, "“\\U” is not an escape");
  assert_refused ("\"\\x41\"", 13, "“\\x” is not an escape");
  assert_refused ("\"ab\\é\"", 15, "“\\é” is not an escape");
  assert_refused ("\"\\u0000\"", 13, "NUL character");
  assert_refused ("\"a\\u0000\"", 14, "NUL character");
  assert_refused ("\"\\ud800\"", 13, "lone surrogate (\\ud800)");
  assert_refused ("\"\\udbff x\"", 13, "lone surrogate (\\udbff)");
  assert_refused ("\"\\ud800\\u0041\"", 13, "lone surrogate (\\ud800)");
  assert_refused ("\"\\ud800\\ud800\"", 13, "lone surrogate (\\ud800)");
  assert_refused ("\"\\udc00\"", 13, "lone surrogate (\\udc00)");
  assert_refused ("\"\\ud83d\\ude00\\ude00\"", 25, "lone surrogate (\\ude00)");
  /* In a key as in a value. */
  assert_refused ("{\"\\ud800\": 1}", 14, "lone surrogate");
}

static void
test_escape_cut_short (void)
{
  static const char * const texts[] = { "{\"a\": \"\\", "{\"a\": \"\\u", "{\"a\": \"\\u00", "{\"a\": \"\\ud83d\\ude" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_auto(VtJsonCheck) check = { NULL, 0, 0 };
      g_autoptr(GError) error = NULL;

      g_assert_false (vt_json_check (texts[i], strlen (texts[i]), "t.json", 64, &check, &error));
      g_test_message ("%s: %s", texts[i], error->message);
      g_assert_nonnull (strstr (error->message, "cut short"));
    }
}

static void
test_numbers (void)
{
  assert_accepted ("{\"a\": [-9223372036854775808, 9223372036854775807, 0, -0, 00000000000000000000001]}");
  assert_accepted ("{\"a\": [1.7976931348623157e308, -1.7976931348623157e308, 5e-324, 0e999, 0.0e-999, 1e22]}");

  assert_refused ("{\"a\": 9223372036854775808}", 18, "the whole number 9223372036854775808 does not fit in 64 bits");
  assert_refused ("{\"a\": -9223372036854775809}", 18, "-9223372036854775809");
  assert_refused ("{\"a\": 1.7976931348623159e308}", 18, "the number 1.7976931348623159e308 is too large");
  assert_refused ("{\"a\": -1E400}", 18, "the number -1E400 is too large");
  assert_refused ("{\"a\": 2e-324}", 18, "the number 2e-324 is too small");
  /* In a list, after other numbers. */
  assert_refused ("{\"a\": [1, 2.5, 1e309]}", 27, "1e309");
}

static void
test_long_number_cut (void)
{
  g_autoptr(GString) item = g_string_new ("{\"a\": ");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (item, '9');
  g_string_append_c (item, '}');

  g_assert_false (check_item (item->str, &error));
  g_assert_nonnull (strstr (error->message, "the whole number 99999999999999999999… does not fit"));
  g_assert_cmpuint (strlen (error->message), <, 200);
}

/* Values json-glib can keep, at their edges: they load as written. */
static void
test_edge_cases_load (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "hostile", "edge-cases.json", NULL);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VtItem) item = NULL;

  g_assert_true (vt_catalog_load (catalog, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vt_catalog_get_name (catalog), ==, "Edges éÉ 😀");
  item = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  g_assert_cmpstr (vt_item_get_title (item), ==,
                   "Quote \" backslash \\ slash / backspace \b form feed \f newline \n return \r tab \t");
}

static void
test_fix_generated (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "[1e+22.0, 1.5e+300, -3e-05.0, 10.0]", "[1e+22, 1.5e+300, -3e-05, 10.0]" },
    { "{\"k\" : \"a\x1f" "b\", \"1e+22.0\" : 1}", "{\"k\" : \"a\\u001fb\", \"1e+22.0\" : 1}" },
    { "[\"\\\"1e+5.0\", 2e+20.0]", "[\"\\\"1e+5.0\", 2e+20]" },
    { "{\"a\" : 1}", "{\"a\" : 1}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (cases[i].in);

      vt_json_fix_generated (json);
      g_assert_cmpstr (json->str, ==, cases[i].out);
    }
}

/* What the generator writes wrongly, saved and loaded again. */
static void
test_save_mends_generator (void)
{
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(VtCatalog) again = vt_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vitrine-json-check-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "c.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *saved = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "{\"format\": \"vitrine-catalog\", \"version\": 1,"
                                      " \"big\": [1e22, 3e20, -1e17], \"unit\": \"a\\u001fb\","
                                      " \"items\": [{\"number\": 1, \"title\": \"t\\u001f\"}]}",
                                      -1, NULL));
  g_assert_true (vt_catalog_load (catalog, file, NULL, &error));
  g_assert_no_error (error);
  saved = vt_catalog_to_data (catalog, NULL);
  before = json_from_string (saved, &error);
  g_assert_no_error (error);

  g_assert_true (vt_catalog_save (catalog, file, &error));
  g_assert_true (vt_catalog_load (again, file, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&saved, g_free);
  saved = vt_catalog_to_data (again, NULL);
  after = json_from_string (saved, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (before, after));
  g_assert_cmpfloat (json_array_get_double_element (json_object_get_array_member (json_node_get_object (after), "big"), 0), ==, 1e22);

  g_assert_cmpint (g_unlink (path), ==, 0);
  /* The file as it was, kept by the first save after the load. */
  g_assert_cmpint (g_unlink (backup), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json-check/refused/%s", refused[i].name);

      g_test_add_data_func (path, &refused[i], test_refused_fixture);
    }
  g_test_add_func ("/json-check/escapes", test_escapes);
  g_test_add_func ("/json-check/escape-cut-short", test_escape_cut_short);
  g_test_add_func ("/json-check/numbers", test_numbers);
  g_test_add_func ("/json-check/long-number-cut", test_long_number_cut);
  g_test_add_func ("/json-check/edge-cases-load", test_edge_cases_load);
  g_test_add_func ("/json-check/fix-generated", test_fix_generated);
  g_test_add_func ("/json-check/save-mends-generator", test_save_mends_generator);

  return g_test_run ();
}
