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

/* A list of pieces, of which the caller knows where each unchanged one
 * is in the original (VtJsonSpliceSpans). */
#define N_PIECES 200
#define CHANGED 100

typedef struct
{
  const char *original;
  gsize       offsets[N_PIECES];
  gsize       lengths[N_PIECES];
  gsize       written_at[N_PIECES];
  gsize       written_length[N_PIECES];
  gboolean    lie;      /* give a span that is not a piece's text */
} Pieces;

static char *
piece_text (guint    i,
            gboolean changed)
{
  return g_strdup_printf ("{\n      \"number\": %u,\n      \"price\": 0.70,\n"
                          "      \"title\": \"Piece %u%s\"\n    }",
                          i, i, changed ? " (changed)" : "");
}

static JsonNode *
get_piece (guint    index,
           gpointer user_data)
{
  g_autofree char *text = piece_text (index, index == CHANGED);

  return json_from_string (text, NULL);
}

static gboolean
piece_original (guint    index,
                gsize   *offset,
                gsize   *length,
                gpointer user_data)
{
  Pieces *pieces = user_data;

  if (index == CHANGED)
    return FALSE;
  *offset = pieces->offsets[index] + (pieces->lie && index == CHANGED + 1 ? 3 : 0);
  *length = pieces->lengths[index];
  return TRUE;
}

static void
piece_written (guint    index,
               gsize    offset,
               gsize    length,
               gpointer user_data)
{
  Pieces *pieces = user_data;

  pieces->written_at[index] = offset;
  pieces->written_length[index] = length;
}

static void
test_known_pieces (gconstpointer data)
{
  static const VtJsonSpliceSpans spans = { piece_original, piece_written };
  gboolean lie = GPOINTER_TO_INT (data);
  g_autoptr(GString) original = g_string_new ("{\n  \"collection\": {\"name\": \"Genesis\"},\n  \"items\": [");
  g_autoptr(GString) expected = NULL;
  g_autoptr(JsonNode) root = json_from_string ("{\"collection\": {\"name\": \"Genesis\"}, \"items\": null}", NULL);
  g_autoptr(VtJsonText) text = NULL;
  g_autoptr(GString) flat = NULL;
  const GOutputVector *vectors;
  guint n_vectors;
  gsize referenced = 0;
  Pieces pieces = { NULL, };

  pieces.lie = lie;
  for (guint i = 0; i < N_PIECES; i++)
    {
      g_autofree char *piece = piece_text (i, FALSE);

      g_string_append (original, i == 0 ? "\n    " : ",\n    ");
      pieces.offsets[i] = original->len;
      pieces.lengths[i] = strlen (piece);
      g_string_append (original, piece);
    }
  g_string_append (original, "\n  ]\n}\n");
  pieces.original = original->str;

  /* The original with one piece's title changed, and nothing else. */
  {
    g_autofree char *old = piece_text (CHANGED, FALSE);
    g_autofree char *new = piece_text (CHANGED, TRUE);

    expected = g_string_new (original->str);
    g_string_replace (expected, old, new, 1);
  }

  text = vt_json_splice_full (original->str, original->len, root, "items", N_PIECES,
                              get_piece, &spans, &pieces);
  g_assert_nonnull (text);
  g_assert_cmpuint (vt_json_text_get_length (text), ==, expected->len);

  vectors = vt_json_text_get_vectors (text, &n_vectors);
  for (guint i = 0; i < n_vectors; i++)
    if ((const char *) vectors[i].buffer >= original->str
        && (const char *) vectors[i].buffer < original->str + original->len)
      referenced += vectors[i].size;
  /* The unchanged pieces are the original's bytes, not copies of them. */
  g_assert_cmpuint (referenced, >, expected->len * 9 / 10);
  g_assert_cmpuint (n_vectors, <=, 16);

  flat = vt_json_text_free_to_string (g_steal_pointer (&text));
  g_assert_cmpstr (flat->str, ==, expected->str);

  /* Each piece is reported where it is in the result. */
  for (guint i = 0; i < N_PIECES; i++)
    {
      g_autofree char *piece = piece_text (i, i == CHANGED);

      g_assert_cmpuint (pieces.written_length[i], ==, strlen (piece));
      g_assert_true (memcmp (flat->str + pieces.written_at[i], piece, strlen (piece)) == 0);
    }
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
  g_test_add_data_func ("/json-splice/known-pieces", GINT_TO_POINTER (FALSE), test_known_pieces);
  /* A span that is not where a piece starts is not taken for one. */
  g_test_add_data_func ("/json-splice/known-pieces-wrong-span", GINT_TO_POINTER (TRUE),
                        test_known_pieces);

  return g_test_run ();
}
