/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window on a catalog whose texts run to megabytes: it shows the collection, cut, in bounded memory. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-detail-window.h"
#include "vt-facet-sidebar.h"
#include "vt-field.h"
#include "vt-test-ui.h"
#include "vt-test-util.h"
#include "vt-text.h"
#include "vt-tile-text.h"
#include "vt-tile.h"
#include "vt-window-private.h"

#include <stdio.h>
#include <string.h>

/* What the window may take above what it had before it opened the
 * catalog. The JSON parser alone holds some times the file. */
#define MEMORY_BOUND_KB (1024 * 1024)

static char *tmp_dir;

/* Writes, by pieces, a catalog of five pieces whose first has a title
 * of @title_mb megabytes, and with @other_texts an About, a paragraph,
 * a region and a country of a megabyte each, 150 paragraphs and 300
 * countries. */
static GFile *
write_catalog (const char *name,
               guint       title_mb,
               gboolean    other_texts)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *mb = NULL;
  g_autoptr(GString) chunk = g_string_new (NULL);
  FILE *file;

  /* "Treaty " over and over, so that Pango has words to wrap at. */
  while (chunk->len < 1024 * 1024)
    g_string_append (chunk, "Treaty ");
  g_string_truncate (chunk, 1024 * 1024);
  mb = g_string_free (g_steal_pointer (&chunk), FALSE);

  file = fopen (path, "w");
  g_assert_nonnull (file);
  fputs ("{\"format\": \"vitrine-catalog\", \"version\": 1,"
         " \"collection\": {\"name\": \"Long texts\", \"total\": 10},"
         " \"items\": [{\"number\": 1, \"year\": 1951, \"impact\": 5, \"title\": \"", file);
  for (guint i = 0; i < title_mb; i++)
    fputs (mb, file);
  fputs ("\"", file);
  if (other_texts)
    {
      fprintf (file, ", \"about\": \"%s\", \"region\": \"%s\", \"text\": [\"%s\"", mb, mb, mb);
      for (guint i = 0; i < 150; i++)
        fprintf (file, ", \"Paragraph %u.\"", i);
      fprintf (file, "], \"countries\": [\"%s\"", mb);
      for (guint i = 0; i < 300; i++)
        fprintf (file, ", \"Country %u\"", i);
      fputs ("]", file);
    }
  fputs ("}", file);
  for (guint i = 2; i <= 5; i++)
    fprintf (file, ", {\"number\": %u, \"title\": \"195%u - Piece\", \"region\": \"Europe\"}", i, i);
  fputs ("]}", file);
  g_assert_cmpint (fclose (file), ==, 0);

  return g_file_new_for_path (path);
}

static guint
grid_n_items (VtWindow *window)
{
  GtkGridView *grid = vt_gallery_view_get_grid_view (window->gallery);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (grid)));
}

static VtTileText *
find_tile_text (GtkWidget *widget)
{
  if (VT_IS_TILE_TEXT (widget) && vt_tile_text_get_lines (VT_TILE_TEXT (widget)) == 2)
    return VT_TILE_TEXT (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      VtTileText *found = find_tile_text (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The two-line text (the title) of the tile that shows piece 1, once it
 * has been drawn; NULL before. */
static VtTileText *
drawn_title_of_first (VtWindow *window)
{
  g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (window->gallery);

  for (guint i = 0; i < tiles->len; i++)
    {
      VtTile *tile = g_ptr_array_index (tiles, i);
      VtItem *item = vt_tile_get_item (tile);
      VtTileText *text;

      if (item == NULL || vt_item_get_number (item) != 1 || !gtk_widget_get_mapped (GTK_WIDGET (tile)))
        continue;
      text = find_tile_text (GTK_WIDGET (tile));
      if (text != NULL && vt_tile_text_is_ellipsized (text))
        return text;
    }
  return NULL;
}

static gboolean
is_cut_to (const char *text,
           guint       max_chars)
{
  return g_utf8_strlen (text, -1) == max_chars && g_str_has_suffix (text, "…");
}

static void
assert_memory_bounded (guint64     start_kb,
                       const char *when)
{
  guint64 peak_kb = vt_test_status_kb ("VmHWM:");

  g_test_message ("%s: %" G_GUINT64_FORMAT " MB at the most, %" G_GUINT64_FORMAT " MB now, from %" G_GUINT64_FORMAT " MB",
                  when, peak_kb / 1024, vt_test_status_kb ("VmRSS:") / 1024, start_kb / 1024);
  g_assert_cmpuint (peak_kb, <, start_kb + MEMORY_BOUND_KB);
}

/* Opens a catalog whose first piece has a title of @title_mb megabytes
 * and waits until the grid has drawn it. Before the texts were cut, a
 * title of 10 MB took 4 GB in 8 s, and the grid never appeared. */
static VtWindow *
open_long (const char *name,
           guint       title_mb,
           gboolean    other_texts,
           guint64    *start_kb)
{
  g_autoptr(GFile) file = write_catalog (name, title_mb, other_texts);
  VtWindow *window = g_object_new (VT_TYPE_WINDOW, NULL);
  VtTileText *title;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  vt_test_wait_for_frames (GTK_WIDGET (window));

  *start_kb = vt_test_status_kb ("VmRSS:");
  vt_window_open_file (window, file);
  WAIT_UNTIL (!vt_window_get_loading (window));
  WAIT_UNTIL (grid_n_items (window) == 5);
  WAIT_UNTIL (drawn_title_of_first (window) != NULL);
  vt_test_wait_for_frames (GTK_WIDGET (window));

  /* The tile draws the title cut, then ellipsized to its two lines. */
  title = drawn_title_of_first (window);
  g_assert_true (is_cut_to (vt_tile_text_get_text (title), 4 * VT_TEXT_BOUND_LINE));
  g_assert_true (g_str_has_prefix (vt_tile_text_get_text (title), "Treaty Treaty "));

  /* A one-line window title. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Long texts — Vitrine");
  assert_memory_bounded (*start_kb, "grid");

  return window;
}

static void
test_title_10mb (void)
{
  guint64 start_kb;
  VtWindow *window = open_long ("title-10mb.json", 10, TRUE, &start_kb);
  VtFacetSidebar *sidebar = VT_FACET_SIDEBAR (window->sidebar);
  VtItem *item = vt_catalog_lookup (vt_window_get_catalog (window), 1);
  g_autofree char *region = g_strdup (vt_item_get_region (item));
  GtkCheckButton *check;
  GtkWidget *detail;
  GObject *label;
  GtkWidget *text_box;
  guint n_paragraphs = 0;

  /* The item keeps the texts whole; the problem says they are long. */
  g_assert_cmpuint (strlen (vt_item_get_title (item)), ==, 10 * 1024 * 1024);
  g_assert_true (g_str_has_prefix (vt_item_get_problem (item), "title: "));

  /* The sidebar's row for the long region: its label cut. */
  WAIT_UNTIL ((check = vt_facet_sidebar_get_check (sidebar, VT_FACET_REGION, region)) != NULL);
  label = G_OBJECT (gtk_widget_get_first_child (gtk_check_button_get_child (check)));
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (is_cut_to (gtk_label_get_label (GTK_LABEL (label)), VT_TEXT_BOUND_LINE));

  /* Chosen, it becomes a chip, cut too. */
  gtk_check_button_set_active (check, TRUE);
  WAIT_UNTIL (grid_n_items (window) == 1);
  vt_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1280);
  gtk_check_button_set_active (check, FALSE);
  WAIT_UNTIL (grid_n_items (window) == 5);

  /* The detail window shows each text up to its field's limit, and as
   * many paragraphs and countries as the limits allow. */
  g_signal_emit_by_name (vt_gallery_view_get_grid_view (window->gallery), "activate", 0);
  detail = GTK_WIDGET (window->detail_window);
  g_assert_nonnull (detail);
  WAIT_UNTIL (gtk_widget_get_mapped (detail));
  vt_test_wait_for_frames (detail);
  g_assert_true (vt_detail_window_get_item (VT_DETAIL_WINDOW (detail)) == item);

  g_assert_true (is_cut_to (gtk_window_get_title (GTK_WINDOW (detail)), VT_TEXT_BOUND_LINE));
  label = gtk_widget_get_template_child (detail, VT_TYPE_DETAIL_WINDOW, "title_label");
  g_assert_true (is_cut_to (gtk_label_get_label (GTK_LABEL (label)), vt_field_get_max_chars (VT_FIELD_TITLE)));
  label = gtk_widget_get_template_child (detail, VT_TYPE_DETAIL_WINDOW, "about_label");
  g_assert_true (is_cut_to (gtk_label_get_label (GTK_LABEL (label)), vt_field_get_max_chars (VT_FIELD_ABOUT)));
  text_box = GTK_WIDGET (gtk_widget_get_template_child (detail, VT_TYPE_DETAIL_WINDOW, "text_box"));
  for (GtkWidget *c = gtk_widget_get_first_child (text_box); c != NULL; c = gtk_widget_get_next_sibling (c))
    n_paragraphs++;
  g_assert_cmpuint (n_paragraphs, ==, vt_field_get_max_values (VT_FIELD_TEXT));
  label = G_OBJECT (gtk_widget_get_first_child (text_box));
  g_assert_true (is_cut_to (gtk_label_get_label (GTK_LABEL (label)), vt_field_get_max_chars (VT_FIELD_TEXT)));
  assert_memory_bounded (start_kb, "detail");

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

static void
test_title_50mb (void)
{
  guint64 start_kb;
  VtWindow *window;

  /* The peak so far is the previous test's: start anew where Linux
   * allows it. */
  g_file_set_contents ("/proc/self/clear_refs", "5", -1, NULL);
  if (vt_test_status_kb ("VmHWM:") > vt_test_status_kb ("VmRSS:") + MEMORY_BOUND_KB / 4)
    {
      g_test_skip ("the peak memory of the process cannot be reset");
      return;
    }

  window = open_long ("title-50mb.json", 50, FALSE, &start_kb);
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("vitrine-long-text-XXXXXX", &error);
  g_assert_no_error (error);
  /* Recent files and thumbnails go to a place of the test's own. */
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return 0;
    }

  g_test_add_func ("/window/long-text/title-10mb", test_title_10mb);
  g_test_add_func ("/window/long-text/title-50mb", test_title_50mb);

  status = g_test_run ();
  vt_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
