/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the search text folding. */

#include "config.h"

#include "vt-text.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold/case-and-accents", test_fold_case_and_accents);
  g_test_add_func ("/text/fold/append", test_fold_append_builds_haystack);
  g_test_add_func ("/text/fold/invalid-utf8", test_fold_invalid_utf8);

  return g_test_run ();
}
