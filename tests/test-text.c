/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the search text folding and the bounds on shown text. */

#include "config.h"

#include "vt-text.h"

#include <string.h>

static void
test_fold_case_and_accents (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Budapest", "budapest" },
    { "Kádár", "kadar" },
    { "János KÁDÁR", "janos kadar" },
    { "Straße", "strasse" },
    { "Nagy’s", "nagy's" },
    { "“Our troops”", "\"our troops\"" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = vt_text_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_fold_append_builds_haystack (void)
{
  g_autoptr(GString) out = g_string_new ("x\n");

  vt_text_fold_append (out, "Hungary", -1);
  g_string_append_c (out, '\n');
  vt_text_fold_append (out, "Szolnok and more", 7);
  g_assert_cmpstr (out->str, ==, "x\nhungary\nszolnok");
}

static void
test_fold_invalid_utf8 (void)
{
  g_autofree char *folded = vt_text_fold ("caf\xc3");

  /* Invalid text folds to nothing rather than crashing. */
  g_assert_cmpstr (folded, ==, "");
}

/* Checks vt_text_bound (@text, @max) against @expected; NULL for "not cut". */
static void
assert_bound (const char *text,
              gsize       max,
              const char *expected)
{
  g_autofree char *cut = NULL;
  const char *bounded = vt_text_bound (text, max, &cut);

  if (expected == NULL)
    {
      /* Short enough: the text itself, nothing allocated. */
      g_assert_true (bounded == text);
      g_assert_null (cut);
      return;
    }
  g_assert_true (bounded == cut);
  g_assert_cmpstr (bounded, ==, expected);
  g_assert_true (g_utf8_validate (bounded, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (bounded, -1), <=, max);
}

static void
test_bound_ascii (void)
{
  assert_bound ("1956 - Hungarian Revolution", 100, NULL);
  assert_bound ("abcde", 5, NULL);
  assert_bound ("abcdef", 5, "abcd…");
  assert_bound ("abcdef", 1, "…");
  /* White space before the ellipsis is dropped, not the whole text. */
  assert_bound ("ab  \n cdef", 6, "ab…");
  assert_bound ("   xyz", 3, "…");
}

static void
test_bound_multibyte (void)
{
  /* Two-, three- and four-byte characters are counted as one and never
   * split. */
  assert_bound ("Kádár János", 11, NULL);
  assert_bound ("Kádár János", 5, "Kádá…");
  assert_bound ("ÁÁÁÁÁÁ", 4, "ÁÁÁ…");
  assert_bound ("日本国憲法", 3, "日本…");
  assert_bound ("𝄞𝄞𝄞𝄞", 3, "𝄞𝄞…");
  assert_bound ("𝄞𝄞𝄞", 3, NULL);
}

static void
test_bound_combining (void)
{
  /* "é" as "e" and U+0301: a combining mark is a character of its own,
   * and the cut may fall between it and its letter. */
  assert_bound ("Pe\xcc\x81" "cs", 6, NULL);
  assert_bound ("Pe\xcc\x81" "cs", 4, "Pe\xcc\x81…");
  assert_bound ("Pe\xcc\x81" "cs", 3, "Pe…");
}

static void
test_bound_empty (void)
{
  g_autofree char *cut = NULL;

  g_assert_null (vt_text_bound (NULL, 10, &cut));
  g_assert_null (cut);
  assert_bound ("", 1, NULL);
  assert_bound ("", 10, NULL);
}

static void
test_bound_invalid (void)
{
  /* A lead byte that promises more bytes than the string has: the walk
   * stops at the nul, never past it. */
  assert_bound ("ab\xf0", 3, NULL);
  {
    g_autofree char *cut = NULL;
    const char *bounded = vt_text_bound ("ab\xf0" "cd", 3, &cut);

    g_assert_true (bounded == cut);
    g_assert_cmpmem (bounded, 2, "ab", 2);
  }
}

static void
test_bound_long (void)
{
  gsize length = 64 * 1024 * 1024;
  g_autofree char *text = g_malloc (length + 1);
  g_autofree char *cut = NULL;
  const char *bounded;

  /* Only the start of a long text is read: this would take seconds if
   * it were counted whole. */
  memset (text, 'x', length);
  text[length] = '\0';
  for (guint i = 0; i < 1000; i++)
    {
      g_clear_pointer (&cut, g_free);
      bounded = vt_text_bound (text, VT_TEXT_BOUND_LINE, &cut);
    }
  g_assert_cmpuint (g_utf8_strlen (bounded, -1), ==, VT_TEXT_BOUND_LINE);
  g_assert_true (g_str_has_suffix (bounded, "x…"));
}

/* Collation keys order as people read, and read no further than the
 * first 1,000 characters: a title of megabytes sorts at once. */
static void
test_collate_key (void)
{
  gsize length = 64 * 1024 * 1024;
  g_autofree char *huge = g_strnfill (length, 'b');
  g_autofree char *a = vt_text_collate_key ("Ábel");
  g_autofree char *b = vt_text_collate_key ("abszolút");
  g_autofree char *c = vt_text_collate_key ("Béla");
  g_autofree char *long_b = NULL;
  g_autofree char *long_b_too = NULL;
  g_autofree char *empty = vt_text_collate_key (NULL);

  g_assert_cmpint (strcmp (a, b), <, 0);
  g_assert_cmpint (strcmp (b, c), <, 0);
  g_assert_cmpstr (empty, ==, "");

  for (guint i = 0; i < 100; i++)
    {
      g_clear_pointer (&long_b, g_free);
      long_b = vt_text_collate_key (huge);
    }
  huge[1000] = 'a';
  long_b_too = vt_text_collate_key (huge);
  g_assert_cmpint (strcmp (a, long_b), <, 0);
  g_assert_cmpint (strcmp (long_b, c), <, 0);
  g_assert_cmpstr (long_b, ==, long_b_too);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold/case-and-accents", test_fold_case_and_accents);
  g_test_add_func ("/text/fold/append", test_fold_append_builds_haystack);
  g_test_add_func ("/text/fold/invalid-utf8", test_fold_invalid_utf8);
  g_test_add_func ("/text/collate-key", test_collate_key);
  g_test_add_func ("/text/bound/ascii", test_bound_ascii);
  g_test_add_func ("/text/bound/multibyte", test_bound_multibyte);
  g_test_add_func ("/text/bound/combining", test_bound_combining);
  g_test_add_func ("/text/bound/empty", test_bound_empty);
  g_test_add_func ("/text/bound/invalid-utf8", test_bound_invalid);
  g_test_add_func ("/text/bound/long", test_bound_long);

  return g_test_run ();
}
