/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for vt_json_splice(): a new tree written over the text it was read from. */

#include "config.h"

#include "vt-json-splice.h"

#include <string.h>

typedef struct
{
  const char *name;
  const char *original;
  const char *changed;    /* the new tree, as JSON */
  const char *expected;   /* NULL: the original cannot be written over */
} SpliceCase;

static const SpliceCase cases[] = {
  { "numbers-as-written", "[-0, 0.70, 1E+2, 1e3]", "[0, 0.7, 100.0, 1000.0]",
    "[-0, 0.70, 1E+2, 1e3]" },
  { "element-added", "{\"a\": 1e3, \"b\": [1, 2]}", "{\"a\": 1000.0, \"b\": [1, 2, 3]}",
    "{\"a\": 1e3, \"b\": [1, 2, 3]}" },
  { "elements-deleted", "[1, 2, 3, 4]", "[2, 4]", "[2, 4]" },
  { "empty-filled", "{\"a\": {}, \"b\": []}", "{\"a\": {\"x\": 1}, \"b\": []}",
    "{\"a\": {\"x\": 1}, \"b\": []}" },
  { "kind-changed", "{\n  \"a\": \"x\",\n  \"b\": 2\n}", "{\"a\": [\"p\", \"q\"], \"b\": 2}",
    "{\n  \"a\": [\n    \"p\",\n    \"q\"\n  ],\n  \"b\": 2\n}" },
  { "reordered", "{ \"a\" : 1,\n  \"b\" : 2 }", "{\"b\": 2, \"a\": 1}",
    "{ \"b\" : 2,\n  \"a\" : 1 }" },
  { "duplicate-key", "{\"a\": 1, \"a\": 2, \"b\": 3}", "{\"a\": 2, \"b\": 3}",
    "{\"a\": 2, \"b\": 3}" },
  { "escapes-kept", "{\"t\": \"caf\\u00e9 \\/ \\\"x\\\"\", \"n\": 1}", "{\"t\": \"café / \\\"x\\\"\", \"n\": 2}",
    "{\"t\": \"caf\\u00e9 \\/ \\\"x\\\"\", \"n\": 2}" },
  { "around-kept", "\xef\xbb\xbf\n{\"a\": 1}\n\n", "{\"a\": 2}", "\xef\xbb\xbf\n{\"a\": 2}\n\n" },
  { "cut-short", "{\"a\": ", "{\"a\": 1}", NULL },
  { "two-values", "[1] [2]", "[1]", NULL },
  { "unclosed-string", "{\"a\": \"x}", "{\"a\": \"x\"}", NULL },
};

static void
test_case (gconstpointer data)
{
  const SpliceCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) changed = json_from_string (c->changed, &error);
  g_autoptr(GString) out = NULL;

  g_assert_no_error (error);
  out = vt_json_splice (c->original, strlen (c->original), changed, NULL, 0, NULL, NULL);
  if (c->expected == NULL)
    {
      g_assert_null (out);
      return;
    }
  g_assert_nonnull (out);
  g_assert_cmpstr (out->str, ==, c->expected);
}

/* The root's member given one element at a time. */
static JsonNode *
get_element (guint    index,
             gpointer user_data)
{
  guint *n_calls = user_data;
  JsonNode *node = json_node_init_int (json_node_alloc (), index * 10);

  (*n_calls)++;
  return node;
}

static void
test_lazy (void)
{
  static const char original[] = "{\n  \"v\": 1,\n  \"items\": [\n    0,\n    10\n  ],\n  \"w\": 2\n}\n";
  g_autoptr(JsonNode) root = json_from_string ("{\"v\": 1, \"items\": null, \"w\": 3}", NULL);
  g_autoptr(GString) same = NULL;
  g_autoptr(GString) longer = NULL;
  guint n_calls = 0;

  same = vt_json_splice (original, strlen (original), root, "items", 2, get_element, &n_calls);
  g_assert_cmpstr (same->str, ==, "{\n  \"v\": 1,\n  \"items\": [\n    0,\n    10\n  ],\n  \"w\": 3\n}\n");
  g_assert_cmpuint (n_calls, >, 0);

  longer = vt_json_splice (original, strlen (original), root, "items", 3, get_element, &n_calls);
  g_assert_cmpstr (longer->str, ==,
                   "{\n  \"v\": 1,\n  \"items\": [\n    0,\n    10,\n    20\n  ],\n  \"w\": 3\n}\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json-splice/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/json-splice/lazy", test_lazy);

  return g_test_run ();
}
