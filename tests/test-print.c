/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export and print from the main window: the grid's pieces to CSV, and to PDF through GtkPrintOperation's export. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-test-util.h"
#include "vt-window-private.h"

#include <string.h>

typedef struct
{
  char     *dir;
  VtWindow *window;
} Fixture;

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

/* The problem catalog of the tests with its images, open in a window. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *images[] = { "rust.jpg", "navy.png", "moss.png" };
  g_autofree char *catalog = NULL;
  g_autofree char *images_dir = NULL;
  g_autoptr(GFile) file = NULL;

  fixture->dir = vt_test_make_tmp_dir ("vitrine-print-XXXXXX");
  catalog = g_build_filename (fixture->dir, "problems.json", NULL);
  images_dir = g_build_filename (fixture->dir, "images", NULL);
  g_assert_cmpint (g_mkdir_with_parents (images_dir, 0755), ==, 0);
  copy_file (g_test_get_filename (G_TEST_DIST, "data", "catalog-problems.json", NULL), catalog);
  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      g_autofree char *to = g_build_filename (images_dir, images[i], NULL);

      copy_file (g_test_get_filename (G_TEST_DIST, "data", "images", images[i], NULL), to);
    }

  fixture->window = g_object_new (VT_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  file = g_file_new_for_path (catalog);
  vt_window_open_file (fixture->window, file);
  WAIT_UNTIL (!vt_window_get_loading (fixture->window) && vt_window_get_file (fixture->window) != NULL);
  WAIT_UNTIL (vt_review_store_get_file (fixture->window->reviews) != NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
  vt_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static guint
view_n_items (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->window->sort_model));
}

static gboolean
action_enabled (Fixture    *fixture,
                const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), name);
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

static void
print_to_file (Fixture       *fixture,
               const char    *path,
               VtPrintLayout  layout)
{
  g_autofree char *contents = NULL;
  gsize length;

  _vt_window_print_to_file (fixture->window, path, layout);
  WAIT_UNTIL (fixture->window->print_run == NULL);
  g_assert_true (action_enabled (fixture, "print"));
  g_assert_false (gtk_info_bar_get_revealed (fixture->window->error_bar));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static void
test_print_catalogue (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "catalogue.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_auto(VtTestRun) text = { 0 };

  g_assert_true (action_enabled (fixture, "print"));
  print_to_file (fixture, pdf, VT_PRINT_CATALOGUE);
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  /* Title page, one page a piece (their texts are short), an index. */
  g_assert_cmpuint (pdf_pages (pdf), ==, 1 + view_n_items (fixture) + 1);
  vt_test_run (&text, NULL, NULL, (const char * const []) { pdftotext, pdf, "-", NULL });
  g_assert_nonnull (strstr (text.out, "1901 - A clean piece"));
  g_assert_nonnull (strstr (text.out, "Problems"));

  /* The pictures came from the thumbnailer while the pages waited. */
  {
    g_auto(VtTestRun) images = { 0 };
    g_auto(GStrv) lines = NULL;

    vt_test_run (&images, NULL, NULL, (const char * const []) { "/usr/bin/pdfimages", "-list", pdf, NULL });
    g_assert_cmpint (images.status, ==, 0);
    lines = g_strsplit (g_strstrip (images.out), "\n", -1);
    /* Two lines of headings, then one an image. */
    g_assert_cmpuint (g_strv_length (lines), >, 2 + 3);
  }
}

static void
test_print_labels (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "labels.pdf", NULL);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  print_to_file (fixture, pdf, VT_PRINT_LABELS);
  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }
  g_assert_cmpuint (pdf_pages (pdf), ==, (view_n_items (fixture) + 3) / 4);
}

/* The grid's pieces only, in its order. */
static void
test_export_view (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "view.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_true (action_enabled (fixture, "export"));
  vt_query_set_search (fixture->window->query, "1901");
  n = view_n_items (fixture);
  g_assert_cmpuint (n, ==, 1);

  _vt_window_export (fixture->window, VT_EXPORT_CSV, file);
  g_assert_false (gtk_info_bar_get_revealed (fixture->window->error_bar));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  /* The header, the piece, and the empty end after the last line end. */
  g_assert_cmpuint (g_strv_length (lines), ==, n + 2);
  g_assert_true (g_str_has_prefix (lines[1], "1,1901 - A clean piece,"));
}

static void
test_export_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-folder/view.csv");

  _vt_window_export (fixture->window, VT_EXPORT_CSV, file);
  g_assert_true (gtk_info_bar_get_revealed (fixture->window->error_bar));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->error_label),
                            "/nonexistent-folder/view.csv"));
}

static void
test_print_error (Fixture       *fixture,
                  gconstpointer  data)
{
  _vt_window_print_to_file (fixture->window, "/nonexistent-folder/out.pdf", VT_PRINT_CATALOGUE);
  WAIT_UNTIL (fixture->window->print_run == NULL);
  g_assert_true (gtk_info_bar_get_revealed (fixture->window->error_bar));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->error_label),
                            "/nonexistent-folder/out.pdf"));
}

static GtkWidget *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog") == 0)
        return window;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Ctrl+P's dialog has the Layout tab, and cancelling it prints nothing. */
static void
test_print_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "print", NULL);
  WAIT_UNTIL ((dialog = find_print_dialog ()) != NULL);
  g_assert_nonnull (find_label (dialog, "Layout"));
  g_assert_nonnull (find_label (dialog, "_Wall labels: four to a sheet, with crop marks"));
  g_assert_false (action_enabled (fixture, "print"));

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  WAIT_UNTIL (fixture->window->print_run == NULL);
  g_assert_true (action_enabled (fixture, "print"));
  g_assert_false (gtk_info_bar_get_revealed (fixture->window->error_bar));
}

/* An empty view has nothing to export or print. */
static void
test_actions_follow_view (Fixture       *fixture,
                          gconstpointer  data)
{
  vt_query_set_search (fixture->window->query, "no piece has this word");
  WAIT_UNTIL (view_n_items (fixture) == 0);
  g_assert_false (action_enabled (fixture, "export"));
  g_assert_false (action_enabled (fixture, "print"));
  vt_query_set_search (fixture->window->query, "");
  WAIT_UNTIL (view_n_items (fixture) > 0);
  g_assert_true (action_enabled (fixture, "export"));
  g_assert_true (action_enabled (fixture, "print"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/print/window/catalogue-to-file", Fixture, NULL,
              fixture_set_up, test_print_catalogue, fixture_tear_down);
  g_test_add ("/print/window/labels-to-file", Fixture, NULL,
              fixture_set_up, test_print_labels, fixture_tear_down);
  g_test_add ("/print/window/dialog-layout-tab", Fixture, NULL,
              fixture_set_up, test_print_dialog, fixture_tear_down);
  g_test_add ("/print/window/error-names-file", Fixture, NULL,
              fixture_set_up, test_print_error, fixture_tear_down);
  g_test_add ("/export/window/view-as-csv", Fixture, NULL,
              fixture_set_up, test_export_view, fixture_tear_down);
  g_test_add ("/export/window/error-names-file", Fixture, NULL,
              fixture_set_up, test_export_error, fixture_tear_down);
  g_test_add ("/export/window/actions-follow-view", Fixture, NULL,
              fixture_set_up, test_actions_follow_view, fixture_tear_down);

  return g_test_run ();
}
