/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for "vitrine-cli review": listing and recording reviews in the window's sidecar, and querying by them. */

#include "config.h"

#include "vt-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  char *tmp;
  char *catalog;
  char *sidecar;
} Fixture;

static const char catalog_text[] =
  "{ \"format\": \"vitrine-catalog\", \"version\": 1,\n"
  "  \"collection\": { \"name\": \"Test\", \"total\": 3, \"currency\": \"ETH\" },\n"
  "  \"items\": [\n"
  "    { \"number\": 56, \"title\": \"1956 - Hungarian Revolution\" },\n"
  "    { \"number\": 14, \"title\": \"1914 - Assassination in Sarajevo\" },\n"
  "    { \"number\": 89, \"title\": \"1989 - Fall of the Berlin Wall\" }\n"
  "  ] }\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp = vt_test_make_tmp_dir ("vitrine-cli-review-XXXXXX");
  fixture->catalog = g_build_filename (fixture->tmp, "genesis.json", NULL);
  fixture->sidecar = g_build_filename (fixture->tmp, "genesis.review.json", NULL);
  g_file_set_contents (fixture->catalog, catalog_text, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vt_test_remove_tree (fixture->tmp);
  g_free (fixture->tmp);
  g_free (fixture->catalog);
  g_free (fixture->sidecar);
}

#define RUN(run, ...) \
  vt_test_run ((run), NULL, NULL, (const char * const []) { VITRINE_CLI, "review", __VA_ARGS__, NULL })

static void
test_set_and_list (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(VtTestRun) set = { 0, };
  g_auto(VtTestRun) set_again = { 0, };
  g_auto(VtTestRun) table = { 0, };
  g_auto(VtTestRun) json = { 0, };
  g_auto(VtTestRun) csv = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sidecar = NULL;
  JsonArray *array;
  JsonObject *first;

  RUN (&set, fixture->catalog, "--set", "56=needs-changes", "--note", "The tanks came on 4 November");
  g_assert_cmpint (set.status, ==, 0);
  g_assert_cmpstr (set.out, ==, "");
  g_assert_nonnull (strstr (set.err, fixture->sidecar));
  RUN (&set_again, fixture->catalog, "--set", "89=approved");
  g_assert_cmpint (set_again.status, ==, 0);

  /* The window's sidecar, beside the catalog, in its format. */
  g_file_get_contents (fixture->sidecar, &sidecar, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (sidecar, "\"format\": \"vitrine-review\""));
  g_assert_nonnull (strstr (sidecar, "\"note\": \"The tanks came on 4 November\""));

  RUN (&table, fixture->catalog);
  g_assert_cmpint (table.status, ==, 0);
  /* By number, whatever the catalog's order; the note under its piece. */
  g_assert_true (g_str_has_prefix (table.out, "   14  Not reviewed "));
  g_assert_nonnull (strstr (table.out, "\n   56  Needs changes  1956 - Hungarian Revolution"));
  g_assert_nonnull (strstr (table.out, "\n       The tanks came on 4 November\n"));
  g_assert_nonnull (strstr (table.out, "\n   89  Approved "));
  g_assert_true (g_str_has_suffix (table.out, "\n2 of 3 reviewed · 1 needs changes\n"));

  RUN (&json, fixture->catalog, "--state", "needs-changes", "--format", "json");
  g_assert_cmpint (json.status, ==, 0);
  root = json_from_string (json.out, &error);
  g_assert_no_error (error);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpint (json_object_get_int_member (first, "number"), ==, 56);
  g_assert_cmpstr (json_object_get_string_member (first, "state"), ==, "needs-changes");
  g_assert_cmpstr (json_object_get_string_member (first, "note"), ==, "The tanks came on 4 November");
  g_assert_true (json_object_has_member (first, "who"));
  g_assert_true (json_object_has_member (first, "when"));

  RUN (&csv, fixture->catalog, "--format", "csv", "--state", "approved");
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "number,state,changed,title,who,when,note\r\n"
                                            "89,approved,false,1989 - Fall of the Berlin Wall,"));
}

static void
test_bad_options (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const cases[][3] = {
    { "--set", "56", NULL },
    { "--set", "56=done", NULL },
    { "--set", "57=approved", NULL },
    { "--state", "finished", NULL },
    { "--format", "xml", NULL },
    { "--note", "alone", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(VtTestRun) run = { 0, };

      RUN (&run, fixture->catalog, cases[i][0], cases[i][1]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
    }
  /* Nothing was written. */
  g_assert_false (g_file_test (fixture->sidecar, G_FILE_TEST_EXISTS));
}

/* A broken sidecar is reported with its line and never overwritten. */
static void
test_broken_sidecar (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char broken[] = "{\n  \"format\": \"vitrine-review\",\n  \"version\": 1,\n  \"reviews\": [\n";
  g_auto(VtTestRun) list = { 0, };
  g_auto(VtTestRun) set = { 0, };
  g_auto(VtTestRun) select = { 0, };
  g_auto(VtTestRun) count = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *after = NULL;

  g_file_set_contents (fixture->sidecar, broken, -1, &error);
  g_assert_no_error (error);

  RUN (&list, fixture->catalog);
  g_assert_cmpint (list.status, ==, 2);
  expected = g_strdup_printf ("%s:", fixture->sidecar);
  g_assert_nonnull (strstr (list.err, expected));

  RUN (&set, fixture->catalog, "--set", "56=approved");
  g_assert_cmpint (set.status, ==, 2);
  g_file_get_contents (fixture->sidecar, &after, NULL, &error);
  g_assert_cmpstr (after, ==, broken);

  /* Selecting by review needs them; counting leaves them out, with a
   * warning naming the file, and counts the rest. */
  vt_test_run (&select, NULL, NULL, (const char * const []) { VITRINE_CLI, "query", fixture->catalog,
                                                              "--facet=review=approved", NULL });
  g_assert_cmpint (select.status, ==, 2);
  vt_test_assert_contains (select.err, expected);
  vt_test_run (&count, NULL, NULL, (const char * const []) { VITRINE_CLI, "query", fixture->catalog,
                                                             "--facets", NULL });
  g_assert_cmpint (count.status, ==, 0);
  vt_test_assert_contains (count.err, "The reviews could not be read, so they are not counted: ");
  vt_test_assert_contains (count.err, expected);
  vt_test_assert_contains (count.out, "Problems\n  has-problems  3\n");
  g_assert_null (strstr (count.out, "Review\n"));
  g_assert_null (strstr (count.out, "not-reviewed"));
}

/* The numbers "vitrine-cli query" prints with @options, as JSON, joined
 * by commas; its exit status in @status. */
static char *
query_numbers (Fixture    *fixture,
               const char *option1,
               const char *option2,
               int        *status)
{
  g_auto(VtTestRun) run = { 0, };
  g_autoptr(GString) numbers = g_string_new (NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  vt_test_run (&run, NULL, NULL, (const char * const []) { VITRINE_CLI, "query", fixture->catalog,
                                                           "--format=json", option1, option2, NULL });
  *status = run.status;
  if (run.status != 0)
    return g_strdup (run.err);
  root = json_from_string (run.out, &error);
  g_assert_no_error (error);
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (numbers, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            json_object_get_int_member (json_array_get_object_element (array, i), "number"));
  return g_strdup (numbers->str);
}

/* The counts of facet @key that "vitrine-cli query --facets" prints as
 * JSON with @option, as "value=count" joined by commas, a star after
 * each selected value. */
static char *
facet_counts (Fixture    *fixture,
              const char *option,
              const char *key)
{
  g_auto(VtTestRun) run = { 0, };
  g_autoptr(GString) counts = g_string_new (NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *values;

  vt_test_run (&run, NULL, NULL, (const char * const []) { VITRINE_CLI, "query", fixture->catalog, "--facets",
                                                           "--format=json", option, NULL });
  g_assert_cmpint (run.status, ==, 0);
  root = json_from_string (run.out, &error);
  g_assert_no_error (error);
  values = json_object_get_array_member (json_node_get_object (root), key);
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonObject *value = json_array_get_object_element (values, i);

      g_string_append_printf (counts, "%s%s=%" G_GINT64_FORMAT "%s", i > 0 ? "," : "",
                              json_object_get_string_member (value, "value"),
                              json_object_get_int_member (value, "count"),
                              json_object_get_boolean_member (value, "selected") ? "*" : "");
    }
  return g_strdup (counts->str);
}

/* "vitrine-cli query" selects by the curators' facets as the window's
 * filters do: the reviews beside the catalog, and its problems. */
static void
test_query_facets (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct
  {
    const char *option1;
    const char *option2;
    int         status;
    const char *expected;
  } cases[] = {
    { "--facet=review=approved", NULL, 0, "89" },
    { "--facet=review=not-reviewed", NULL, 0, "14" },
    { "--facet=review=approved", "--facet=review=needs-changes", 0, "56,89" },
    /* No piece names an image: every one has a problem. */
    { "--facet=problems=has-problems", NULL, 0, "14,56,89" },
    { "--facet=problems=no-problems", NULL, 0, "" },
    { "--facet=review=needs-changes", "--facet=problems=has-problems", 0, "56" },
    { "--facet=review=done", NULL, 2, "review is one of not-reviewed, approved, needs-changes" },
    { "--facet=problems=some", NULL, 2, "problems is one of has-problems, no-problems" },
  };
  g_auto(VtTestRun) set = { 0, };
  g_auto(VtTestRun) set_again = { 0, };

  RUN (&set, fixture->catalog, "--set", "56=needs-changes");
  g_assert_cmpint (set.status, ==, 0);
  RUN (&set_again, fixture->catalog, "--set", "89=approved");
  g_assert_cmpint (set_again.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int status;
      g_autofree char *found = query_numbers (fixture, cases[i].option1, cases[i].option2, &status);

      g_test_message ("case %u: %s %s", i, cases[i].option1, cases[i].option2);
      g_assert_cmpint (status, ==, cases[i].status);
      if (status == 0)
        g_assert_cmpstr (found, ==, cases[i].expected);
      else
        vt_test_assert_contains (found, cases[i].expected);
    }

  /* --facets counts them as the sidebar does while curating: a facet
   * without its own selection, the others under it. */
  {
    g_autofree char *review = facet_counts (fixture, NULL, "review");
    g_autofree char *problems = facet_counts (fixture, NULL, "problems");
    g_autofree char *review_selected = facet_counts (fixture, "--facet=review=approved", "review");
    g_autofree char *problems_selected = facet_counts (fixture, "--facet=review=approved", "problems");

    g_assert_cmpstr (review, ==, "not-reviewed=1,approved=1,needs-changes=1");
    g_assert_cmpstr (problems, ==, "has-problems=3");
    g_assert_cmpstr (review_selected, ==, "not-reviewed=1,approved=1*,needs-changes=1");
    g_assert_cmpstr (problems_selected, ==, "has-problems=1");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("set-and-list", test_set_and_list);
  ADD ("bad-options", test_bad_options);
  ADD ("broken-sidecar", test_broken_sidecar);
  ADD ("query-facets", test_query_facets);

  return g_test_run ();
}
