/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-cli export on the built sample: CSV, a catalog that validates, PDF catalogues and labels read back with poppler. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define RUN_CLI(run, ...) \
  vt_test_run ((run), NULL, NULL, (const char * const []) { VITRINE_CLI, __VA_ARGS__, NULL })

/* The sample has 32 pieces, an A4 catalogue index holds them on one page
 * and a sheet of A4 four labels. */
#define SAMPLE_PIECES 32
#define LABELS_PER_SHEET 4

static char *
sample_catalog (void)
{
  return g_build_filename (SAMPLE_DIR, "catalog.json", NULL);
}

/* Skips the test when poppler-utils is not installed. */
static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return FALSE;
    }
  return TRUE;
}

static guint
pdf_pages (const char *pdf)
{
  g_auto(VtTestRun) run = { 0 };
  const char *pages;

  vt_test_run (&run, NULL, NULL, (const char * const []) { "/usr/bin/pdfinfo", pdf, NULL });
  g_assert_cmpint (run.status, ==, 0);
  pages = strstr (run.out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static char *
pdf_text (const char *pdf)
{
  g_auto(VtTestRun) run = { 0 };

  vt_test_run (&run, NULL, NULL, (const char * const []) { "/usr/bin/pdftotext", "-raw", pdf, "-", NULL });
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

/* Each title is text in the PDF (pdftotext may wrap a long one). */
static void
assert_titles (const char *text,
               const char *catalog)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) flat = g_string_new (text);
  JsonArray *items;

  g_string_replace (flat, "\n", " ", 0);
  json_parser_load_from_file (parser, catalog, &error);
  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      const char *title = json_object_get_string_member (json_array_get_object_element (items, i), "title");

      if (strstr (flat->str, title) == NULL)
        g_error ("“%s” is not text in the PDF", title);
    }
}

static void
test_catalogue (void)
{
  g_autofree char *catalog = sample_catalog ();
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-cli-export-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "catalogue.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(VtTestRun) run = { 0 };
  g_auto(VtTestRun) images = { 0 };
  g_auto(GStrv) lines = NULL;
  guint n_images = 0;

  if (!have_poppler ())
    return;
  RUN_CLI (&run, "export", catalog, "--format", "pdf", "-o", pdf);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  /* The title page, one page a piece, one page of index. */
  g_assert_cmpuint (pdf_pages (pdf), ==, 1 + SAMPLE_PIECES + 1);
  text = pdf_text (pdf);
  assert_titles (text, catalog);
  g_assert_nonnull (strstr (text, "Genesis"));
  g_assert_nonnull (strstr (text, "32 pieces"));
  g_assert_nonnull (strstr (text, "Index"));

  /* Each image at no more than 300 dpi, as JPEG: the 2048 px posters
   * are not embedded whole. */
  vt_test_run (&images, NULL, NULL, (const char * const []) { "/usr/bin/pdfimages", "-list", pdf, NULL });
  g_assert_cmpint (images.status, ==, 0);
  lines = g_strsplit (images.out, "\n", -1);
  for (guint i = 2; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) columns = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();

      for (guint c = 0; columns[c] != NULL; c++)
        if (*columns[c] != '\0')
          g_ptr_array_add (cells, columns[c]);
      /* page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio */
      g_assert_cmpuint (cells->len, >=, 14);
      g_assert_cmpint (atoi (g_ptr_array_index (cells, 3)), <, 2048);
      /* A picture is never asked for at 1024 pixels or less, which
       * would fill the desktop's thumbnail cache. */
      if (atoi (g_ptr_array_index (cells, 3)) > 1025)
        g_assert_cmpint (atoi (g_ptr_array_index (cells, 12)), <=, 301);
      g_assert_cmpstr (g_ptr_array_index (cells, 8), ==, "jpeg");
      n_images++;
    }
  g_assert_cmpuint (n_images, ==, SAMPLE_PIECES);
  vt_test_remove_tree (dir);
}

static void
test_labels (void)
{
  g_autofree char *catalog = sample_catalog ();
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-cli-export-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "labels.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(VtTestRun) run = { 0 };

  if (!have_poppler ())
    return;
  RUN_CLI (&run, "export", catalog, "--format", "pdf", "--layout", "labels", "--paper", "letter",
           "-o", pdf);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, (SAMPLE_PIECES + LABELS_PER_SHEET - 1) / LABELS_PER_SHEET);
  text = pdf_text (pdf);
  assert_titles (text, catalog);
  g_assert_nonnull (strstr (text, "No. 56/100"));
  vt_test_remove_tree (dir);
}

/* A history longer than a page goes on over the next pages, whole. */
static void
test_long_text (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-cli-export-XXXXXX");
  g_autofree char *catalog = g_build_filename (dir, "long.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"vitrine-catalog\", \"version\": 1, "
                                          "\"collection\": { \"name\": \"Long\" }, \"items\": [ "
                                          "{ \"number\": 1, \"title\": \"1901 - A very long history\", "
                                          "\"text\": [");
  g_auto(VtTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;

  if (!have_poppler ())
    return;
  for (guint p = 0; p < 40; p++)
    g_string_append_printf (json, "%s\"Paragraph %u of the history tells what happened then, "
                            "who was there and what came of it, in words enough to fill "
                            "several lines of a printed page.\"",
                            p > 0 ? ", " : "", p + 1);
  g_string_append (json, "] } ] }");
  g_file_set_contents (catalog, json->str, -1, &error);
  g_assert_no_error (error);

  RUN_CLI (&run, "export", catalog, "--format", "pdf", "-o", pdf);
  g_assert_cmpint (run.status, ==, 0);
  /* Title, the piece over more than one page, the index. */
  g_assert_cmpuint (pdf_pages (pdf), >, 3);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Paragraph 1 of"));
  g_assert_nonnull (strstr (text, "Paragraph 40 of"));
  g_assert_nonnull (strstr (text, "(continued)"));
  vt_test_remove_tree (dir);
}

static void
test_json_validates (void)
{
  g_autofree char *catalog = sample_catalog ();
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-cli-export-XXXXXX");
  g_autofree char *out = g_build_filename (dir, "europe.json", NULL);
  g_auto(VtTestRun) run = { 0 };
  g_auto(VtTestRun) validate = { 0 };
  g_auto(VtTestRun) query = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *exported, *queried;

  RUN_CLI (&run, "export", catalog, "--format", "json", "--facet", "region=Europe",
           "--sort", "year:desc", "-o", out);
  g_assert_cmpint (run.status, ==, 0);
  /* Its images are found from where it was saved: outside its folder,
   * so opened only when allowed. */
  RUN_CLI (&validate, "validate", "--allow-outside", out);
  g_assert_cmpint (validate.status, ==, 0);

  /* The same pieces, in the same order, as the query's. */
  RUN_CLI (&query, "query", catalog, "--facet", "region=Europe", "--sort", "year:desc",
           "--format", "json");
  g_assert_cmpint (query.status, ==, 0);
  json_parser_load_from_data (parser, query.out, -1, &error);
  g_assert_no_error (error);
  queried = json_array_ref (json_node_get_array (json_parser_get_root (parser)));
  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);
  exported = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "items");
  g_assert_cmpuint (json_array_get_length (exported), ==, json_array_get_length (queried));
  g_assert_cmpuint (json_array_get_length (exported), >, 0);
  for (guint i = 0; i < json_array_get_length (exported); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (exported, i), "number"), ==,
                     json_object_get_int_member (json_array_get_object_element (queried, i), "number"));
  json_array_unref (queried);
  vt_test_remove_tree (dir);
}

/* The same pieces as the query's, in its order, one line each. */
static void
test_csv_to_stdout (void)
{
  g_autofree char *catalog = sample_catalog ();
  g_auto(VtTestRun) run = { 0 };
  g_auto(VtTestRun) query = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) query_lines = NULL;

  RUN_CLI (&run, "export", catalog, "--format", "csv", "--impact", "9..", "--sort", "title");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "number,title,about,text,year,"));
  RUN_CLI (&query, "query", catalog, "--format", "csv", "--impact", "9..", "--sort", "title");
  g_assert_cmpint (query.status, ==, 0);

  lines = g_strsplit (run.out, "\r\n", -1);
  query_lines = g_strsplit (query.out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, g_strv_length (query_lines));
  g_assert_cmpuint (g_strv_length (lines), >, 2);
  for (guint i = 1; query_lines[i] != NULL && *query_lines[i] != '\0'; i++)
    {
      /* number and title lead both lines. */
      g_auto(GStrv) a = g_strsplit (lines[i], ",", 3);
      g_auto(GStrv) b = g_strsplit (query_lines[i], ",", 3);

      g_assert_cmpstr (a[0], ==, b[0]);
      g_assert_cmpstr (a[1], ==, b[1]);
    }
}

static void
test_usage_errors (void)
{
  g_autofree char *catalog = sample_catalog ();
  g_auto(VtTestRun) no_output = { 0 };
  g_auto(VtTestRun) bad_format = { 0 };
  g_auto(VtTestRun) bad_layout = { 0 };
  g_auto(VtTestRun) unwritable = { 0 };

  RUN_CLI (&no_output, "export", catalog, "--format", "pdf");
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "-o FILE"));
  RUN_CLI (&bad_format, "export", catalog, "--format", "xls");
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_nonnull (strstr (bad_format.err, "--format xls"));
  RUN_CLI (&bad_layout, "export", catalog, "--format", "pdf", "--layout", "poster", "-o", "x.pdf");
  g_assert_cmpint (bad_layout.status, ==, 2);
  RUN_CLI (&unwritable, "export", catalog, "--format", "pdf", "-o", "/nonexistent-folder/x.pdf");
  g_assert_cmpint (unwritable.status, ==, 2);
  g_assert_nonnull (strstr (unwritable.err, "/nonexistent-folder/x.pdf"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/export/pdf/catalogue", test_catalogue);
  g_test_add_func ("/cli/export/pdf/labels", test_labels);
  g_test_add_func ("/cli/export/pdf/long-text-flows", test_long_text);
  g_test_add_func ("/cli/export/json/validates", test_json_validates);
  g_test_add_func ("/cli/export/csv/stdout", test_csv_to_stdout);
  g_test_add_func ("/cli/export/usage-errors", test_usage_errors);

  return g_test_run ();
}
