/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for VtItem: fields from JSON, wrong types reported, properties, search text. */

#include "config.h"

#include "vt-item.h"
#include "vt-problem.h"
#include "vt-test-util.h"
#include "vt-text.h"

#include <string.h>

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Same members in the same order, each written the same (so 7.0 is
 * not 7 and "7" is not 7). */
static void
assert_same_json (JsonObject *expected,
                  JsonObject *actual)
{
  g_autoptr(GList) expected_names = json_object_get_members (expected);
  g_autoptr(GList) actual_names = json_object_get_members (actual);
  GList *e, *a;

  for (e = expected_names, a = actual_names; e != NULL && a != NULL; e = e->next, a = a->next)
    {
      g_autofree char *expected_text = json_to_string (json_object_get_member (expected, e->data), FALSE);
      g_autofree char *actual_text = json_to_string (json_object_get_member (actual, a->data), FALSE);

      g_assert_cmpstr (a->data, ==, e->data);
      g_assert_cmpstr (actual_text, ==, expected_text);
    }
  g_assert_null (e);
  g_assert_null (a);
}

static const char hungarian[] =
  "{ \"number\": 56, \"title\": \"1956 - Hungarian Revolution\","
  "  \"about\": \"A rising in Budapest.\","
  "  \"text\": [\"János Kádár took power.\", \"Many fled.\"],"
  "  \"year\": 1956, \"decade\": \"1950s\", \"region\": \"Europe\","
  "  \"countries\": [\"Hungary\", \"USSR\"], \"politics\": \"Revolution\","
  "  \"conflict\": \"Cold War\", \"type\": \"Historical Event\", \"impact\": 7,"
  "  \"artist\": \"Some Artist\", \"group\": \"Genesis\","
  "  \"price\": \"0.7 ETH\", \"image\": \"images/056.jpg\","
  "  \"mood\": \"unknown members stay in the JSON\" }";

static void
test_fields (void)
{
  g_autoptr(JsonObject) object = parse_object (hungarian);
  g_autoptr(GFile) base = g_file_new_for_path ("/srv/genesis");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VtItem) item = vt_item_new_from_json (object, base, problems);
  g_autoptr(GFile) expected_image = g_file_new_for_path ("/srv/genesis/images/056.jpg");
  VtPrice price;

  g_assert_cmpuint (problems->len, ==, 0);
  {
    g_autoptr(JsonObject) json = vt_item_dup_json (item);

    g_assert_true (json != object);
    assert_same_json (object, json);
  }
  g_assert_cmpuint (vt_item_get_number (item), ==, 56);
  g_assert_cmpstr (vt_item_get_title (item), ==, "1956 - Hungarian Revolution");
  g_assert_cmpstr (vt_item_get_about (item), ==, "A rising in Budapest.");
  g_assert_cmpuint (g_strv_length ((char **) vt_item_get_text (item)), ==, 2);
  g_assert_cmpstr (vt_item_get_text (item)[0], ==, "János Kádár took power.");
  g_assert_cmpint (vt_item_get_year (item), ==, 1956);
  g_assert_cmpstr (vt_item_get_decade (item), ==, "1950s");
  g_assert_cmpstr (vt_item_get_region (item), ==, "Europe");
  g_assert_cmpstr (vt_item_get_countries (item)[0], ==, "Hungary");
  g_assert_cmpstr (vt_item_get_countries (item)[1], ==, "USSR");
  g_assert_null (vt_item_get_countries (item)[2]);
  g_assert_cmpstr (vt_item_get_politics (item), ==, "Revolution");
  g_assert_cmpstr (vt_item_get_conflict (item), ==, "Cold War");
  g_assert_cmpstr (vt_item_get_kind (item), ==, "Historical Event");
  g_assert_cmpint (vt_item_get_impact (item), ==, 7);
  g_assert_cmpstr (vt_item_get_artist (item), ==, "Some Artist");
  g_assert_cmpstr (vt_item_get_group (item), ==, "Genesis");
  g_assert_cmpstr (vt_item_get_price_text (item), ==, "0.7 ETH");
  g_assert_true (vt_item_get_price (item, &price));
  g_assert_cmpstr (price.currency, ==, "ETH");
  g_assert_true (g_file_equal (vt_item_get_image (item), expected_image));
  g_assert_null (vt_item_get_problem (item));

  g_assert_finalize_object (g_steal_pointer (&item));
}

static void
test_missing_members (void)
{
  g_autoptr(JsonObject) object = parse_object ("{ \"title\": \"Only a title\" }");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VtItem) item = vt_item_new_from_json (object, NULL, problems);
  VtPrice price;
  guint n;

  /* Missing is not a type problem: validation reports what is required. */
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (vt_item_get_number (item), ==, 0);
  g_assert_cmpint (vt_item_get_year (item), ==, 0);
  g_assert_cmpint (vt_item_get_impact (item), ==, 0);
  g_assert_nonnull (vt_item_get_text (item));
  g_assert_null (vt_item_get_text (item)[0]);
  g_assert_nonnull (vt_item_get_countries (item));
  g_assert_null (vt_item_get_countries (item)[0]);
  g_assert_null (vt_item_get_decade (item));
  g_assert_null (vt_item_get_image (item));
  g_assert_false (vt_item_get_price (item, &price));
  vt_item_get_facet_values (item, VT_FACET_REGION, &n);
  g_assert_cmpuint (n, ==, 0);
  vt_item_get_facet_values (item, VT_FACET_COUNTRY, &n);
  g_assert_cmpuint (n, ==, 0);
}

static VtProblem *
find_problem (GPtrArray  *problems,
              const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (vt_problem_get_field (g_ptr_array_index (problems, i)), field) == 0)
      return g_ptr_array_index (problems, i);
  return NULL;
}

static void
test_wrong_types (void)
{
  g_autoptr(JsonObject) object = parse_object (
    "{ \"number\": \"56\", \"title\": \"1956 - Hungarian Revolution\","
    "  \"about\": 12, \"text\": \"one paragraph, not a list\","
    "  \"year\": 1956.5, \"decade\": [\"1950s\"], \"impact\": \"seven\","
    "  \"countries\": [\"Hungary\", 7], \"price\": 0.7, \"image\": true }");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VtItem) item = vt_item_new_from_json (object, NULL, problems);
  static const struct { const char *field, *message; } expected[] = {
    { "number", "“56” is a string, not a number" },
    { "about", "12 is a number, not text" },
    { "text", "“one paragraph, not a list” is a string, not a list of text" },
    { "year", "1956.5 is not a whole number" },
    { "decade", "[…] is a list, not text" },
    { "impact", "“seven” is a string, not a number" },
    { "countries[1]", "7 is a number, not text" },
    { "price", "0.7 is a number, not text" },
    { "image", "true is true or false, not text" },
  };

  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      VtProblem *problem = find_problem (problems, expected[i].field);

      g_assert_nonnull (problem);
      g_assert_cmpstr (vt_problem_get_message (problem), ==, expected[i].message);
      g_assert_cmpint (vt_problem_get_severity (problem), ==, VT_SEVERITY_ERROR);
      /* The item's title is known even though other members are wrong. */
      g_assert_cmpstr (vt_problem_get_title (problem), ==, "1956 - Hungarian Revolution");
    }

  /* Each wrong member counts as missing; the right ones still load. */
  g_assert_cmpuint (vt_item_get_number (item), ==, 0);
  g_assert_null (vt_item_get_about (item));
  g_assert_null (vt_item_get_text (item)[0]);
  g_assert_cmpint (vt_item_get_year (item), ==, 0);
  g_assert_null (vt_item_get_decade (item));
  g_assert_cmpint (vt_item_get_impact (item), ==, 0);
  g_assert_cmpstr (vt_item_get_countries (item)[0], ==, "Hungary");
  g_assert_null (vt_item_get_countries (item)[1]);
  g_assert_null (vt_item_get_price_text (item));
  g_assert_null (vt_item_get_image (item));
}

/* The piece comes back as read, whatever Vitrine could not type: members
 * it does not know, known ones of the wrong type or written in a form
 * the typed value would not give back; and the item does not depend on
 * the object it was read from. */
static void
test_kept_as_read (void)
{
  static const char json[] =
    "{ \"mood\": {\"a\": [1, 2.5, null, true]}, \"number\": 7.0, \"title\": 1956,"
    "  \"about\": \"\", \"text\": [\"One.\", \"\", null, 3], \"year\": \"1956\","
    "  \"countries\": [], \"decade\": null, \"impact\": 7, \"region\": \"Europe\","
    "  \"big\": 1e300, \"zero\": -0.0, \"price\": \"0.7 ETH\", \"politics\": [\"x\"],"
    "  \"image\": \"images/\\u001f.jpg\", \"unit\": \"\\u001f\" }";
  g_autoptr(JsonObject) object = parse_object (json);
  g_autoptr(JsonObject) before = parse_object (json);
  g_autoptr(VtItem) item = vt_item_new_from_json (object, NULL, NULL);
  g_autoptr(JsonObject) copy = NULL;

  g_assert_cmpuint (vt_item_get_number (item), ==, 7);
  g_assert_cmpint (vt_item_get_impact (item), ==, 7);
  g_assert_cmpstr (vt_item_get_text (item)[0], ==, "One.");

  /* Changing or dropping the object changes nothing of the item. */
  json_object_set_string_member (object, "region", "Asia");
  json_object_remove_member (object, "mood");
  g_clear_pointer (&object, json_object_unref);

  copy = vt_item_dup_json (item);
  assert_same_json (before, copy);
  g_assert_cmpstr (vt_item_get_region (item), ==, "Europe");
}

static void
test_problem_to_string (void)
{
  g_autoptr(VtProblem) item_problem = vt_problem_new (VT_SEVERITY_ERROR, 56,
                                                       "1956 - Hungarian Revolution",
                                                       "impact", "12 is outside 1-10");
  g_autoptr(VtProblem) catalog_problem = vt_problem_new (VT_SEVERITY_WARNING, 0, NULL,
                                                          "collection", "missing");
  g_autoptr(VtProblem) numberless = vt_problem_new (VT_SEVERITY_ERROR, 0, "Untitled piece",
                                                     "number", "missing");
  g_autofree char *a = vt_problem_to_string (item_problem);
  g_autofree char *b = vt_problem_to_string (catalog_problem);
  g_autofree char *c = vt_problem_to_string (numberless);

  g_assert_cmpstr (a, ==, "item 56 (1956 - Hungarian Revolution): impact: 12 is outside 1-10");
  g_assert_cmpstr (b, ==, "collection: missing");
  g_assert_cmpstr (c, ==, "item without a number (Untitled piece): number: missing");
}

static void
test_properties (void)
{
  g_autoptr(JsonObject) object = parse_object (hungarian);
  g_autoptr(VtItem) item = vt_item_new_from_json (object, NULL, NULL);
  g_auto(GStrv) countries = NULL;
  g_auto(GStrv) text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *price = NULL;
  g_autofree char *search_text = NULL;
  g_autoptr(JsonObject) json = NULL;
  g_autoptr(GFile) image = NULL;
  guint number;
  int impact;

  g_object_get (item,
                "number", &number,
                "title", &title,
                "countries", &countries,
                "text", &text,
                "type", &kind,
                "impact", &impact,
                "price", &price,
                "json", &json,
                "image", &image,
                "search-text", &search_text,
                NULL);
  g_assert_cmpuint (number, ==, 56);
  g_assert_cmpstr (title, ==, "1956 - Hungarian Revolution");
  g_assert_cmpuint (g_strv_length (countries), ==, 2);
  g_assert_cmpuint (g_strv_length (text), ==, 2);
  g_assert_cmpstr (kind, ==, "Historical Event");
  g_assert_cmpint (impact, ==, 7);
  g_assert_cmpstr (price, ==, "0.7 ETH");
  assert_same_json (object, json);
  g_assert_nonnull (image);
  g_assert_cmpstr (search_text, ==, vt_item_get_search_text (item));
}

static void
test_problem_notify (void)
{
  g_autoptr(JsonObject) object = parse_object (hungarian);
  g_autoptr(VtItem) item = vt_item_new_from_json (object, NULL, NULL);
  guint count = 0;

  g_signal_connect (item, "notify::problem", G_CALLBACK (vt_test_count_notify_cb), &count);
  vt_item_set_problem (item, "impact: 12 is outside 1-10");
  vt_item_set_problem (item, "impact: 12 is outside 1-10");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (vt_item_get_problem (item), ==, "impact: 12 is outside 1-10");
  vt_item_set_problem (item, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_null (vt_item_get_problem (item));
}

static void
test_search_text (void)
{
  g_autoptr(JsonObject) object = parse_object (hungarian);
  g_autoptr(VtItem) item = vt_item_new_from_json (object, NULL, NULL);
  const char *haystack = vt_item_get_search_text (item);
  gsize length = vt_item_get_search_text_length (item);
  static const char * const needles[] = {
    "1956 - hungarian revolution", "budapest", "janos kadar", "many fled",
    "hungary", "ussr", "1950s", "europe", "revolution", "cold war",
    "historical event", "some artist", "genesis", "0.7 eth", "\n56\n",
  };

  g_assert_cmpuint (strlen (haystack), ==, length);
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      g_test_message ("looking for %s", needles[i]);
      g_assert_nonnull (g_strstr_len (haystack, (gssize) length, needles[i]));
    }
  /* Unknown members are not searched; case and accents are folded. */
  g_assert_null (strstr (haystack, "unknown members"));
  g_assert_null (strstr (haystack, "Budapest"));
  g_assert_null (strstr (haystack, "Kádár"));
}

static void
test_search_text_folds_like_vt_text_fold (void)
{
  /* The search text is each field folded as vt_text_fold() does it, on
   * every kind of character. */
  static const char * const titles[] = {
    "1956 - Hungarian Revolution",
    "János KÁDÁR and the Straße",
    "Nagy’s “reforms” – 1953–1956",
    "e\xcc\x81 combining, \xc3\x85ngstr\xc3\xb6m, \xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1, \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
    "\xe6\x9d\xb1\xe4\xba\xac and \xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 and \xf0\x9f\x8e\xa8 art",
    "ǅ İstanbul ﬁnal Œuvre",
    "ASCII ONLY, AND LONGER THAN EIGHT BYTES: [ABCXYZ@`{]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"title\": \"%s\"}", titles[i]);
      g_autoptr(JsonObject) object = parse_object (json);
      g_autoptr(VtItem) item = vt_item_new_from_json (object, NULL, NULL);
      g_autofree char *folded = vt_text_fold (titles[i]);
      g_autofree char *expected = g_strconcat (folded, "\n", NULL);

      g_assert_cmpstr (vt_item_get_search_text (item), ==, expected);
    }
}

static void
test_facet_values (void)
{
  g_autoptr(JsonObject) object = parse_object (hungarian);
  g_autoptr(VtItem) item = vt_item_new_from_json (object, NULL, NULL);
  static const struct { VtFacetKey key; const char *value; } expected[] = {
    { VT_FACET_DECADE, "1950s" },
    { VT_FACET_REGION, "Europe" },
    { VT_FACET_POLITICS, "Revolution" },
    { VT_FACET_CONFLICT, "Cold War" },
    { VT_FACET_TYPE, "Historical Event" },
    { VT_FACET_ARTIST, "Some Artist" },
    { VT_FACET_GROUP, "Genesis" },
  };
  const char * const *values;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      values = vt_item_get_facet_values (item, expected[i].key, &n);
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpstr (values[0], ==, expected[i].value);
      g_assert_null (values[1]);
    }

  values = vt_item_get_facet_values (item, VT_FACET_COUNTRY, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (values[0], ==, "Hungary");
  g_assert_cmpstr (values[1], ==, "USSR");
}

/* Whole numbers beyond 64 bits are out of range, not wrapped (UBSan). */
static void
test_numbers_out_of_range (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "hostile", "whole-numbers-out-of-range.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VtItem) item = NULL;
  static const struct { const char *field, *message; } expected[] = {
    { "number", "1e+308 is out of range" },
    { "year", "-1e+300 is out of range" },
    { "impact", "1e+23 is out of range" },
  };

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  object = parse_object (text);
  item = vt_item_new_from_json (object, NULL, problems);

  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      VtProblem *problem = find_problem (problems, expected[i].field);

      g_assert_nonnull (problem);
      g_assert_cmpstr (vt_problem_get_message (problem), ==, expected[i].message);
    }
  g_assert_cmpuint (vt_item_get_number (item), ==, 0);
  g_assert_cmpint (vt_item_get_year (item), ==, 0);
  g_assert_cmpint (vt_item_get_impact (item), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/item/json/fields", test_fields);
  g_test_add_func ("/item/json/missing-members", test_missing_members);
  g_test_add_func ("/item/json/wrong-types", test_wrong_types);
  g_test_add_func ("/item/json/numbers-out-of-range", test_numbers_out_of_range);
  g_test_add_func ("/item/json/kept-as-read", test_kept_as_read);
  g_test_add_func ("/item/problem/to-string", test_problem_to_string);
  g_test_add_func ("/item/problem/notify", test_problem_notify);
  g_test_add_func ("/item/properties", test_properties);
  g_test_add_func ("/item/search-text", test_search_text);
  g_test_add_func ("/item/search-text/same-folding", test_search_text_folds_like_vt_text_fold);
  g_test_add_func ("/item/facet-values", test_facet_values);

  return g_test_run ();
}
