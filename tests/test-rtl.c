/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Right to left: the text direction reaches every part of the main window, the detail window and the show, and the grid runs from the right. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-detail-window.h"
#include "vt-show-window.h"
#include "vt-test-ui.h"
#include "vt-test-util.h"
#include "vt-tile.h"
#include "vt-window-private.h"

static char *tmp_dir;

static VtWindow *
new_window_on_sample (void)
{
  g_autoptr(GFile) sample = vt_test_sample_file ();
  GtkGridView *grid;
  VtWindow *window;

  vt_test_reset_settings ();
  window = g_object_new (VT_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  vt_window_open_file (window, sample);
  WAIT_UNTIL (!vt_window_get_loading (window));
  grid = vt_gallery_view_get_grid_view (window->gallery);
  WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (grid)))
              == g_list_model_get_n_items (G_LIST_MODEL (window->sort_model)));
  return window;
}

static void
close_window (VtWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

/* @widget and everything inside it lay out right to left; returns how
 * many widgets that was. */
static guint
assert_all_rtl (GtkWidget *widget)
{
  guint n = 1;

  if (gtk_widget_get_direction (widget) != GTK_TEXT_DIR_RTL)
    g_error ("%s (%s) is not right to left", G_OBJECT_TYPE_NAME (widget),
             gtk_widget_get_css_name (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_all_rtl (child);
  return n;
}

static VtTile *
find_tile (VtWindow *window,
           VtItem   *item)
{
  g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (window->gallery);

  for (guint i = 0; i < tiles->len; i++)
    if (vt_tile_get_item (g_ptr_array_index (tiles, i)) == item)
      return g_ptr_array_index (tiles, i);
  return NULL;
}

/* The horizontal middle of @widget in @window's coordinates, once laid out. */
static float
middle_x (GtkWidget *widget,
          VtWindow  *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  return bounds.origin.x + bounds.size.width / 2;
}

static void
test_main_window (void)
{
  VtWindow *window = new_window_on_sample ();
  GtkWidget *header = gtk_window_get_titlebar (GTK_WINDOW (window));
  g_autoptr(VtItem) first = NULL;
  g_autoptr(VtItem) second = NULL;
  VtTile *first_tile, *second_tile;
  float window_middle;

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (header), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window->sidebar)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window->gallery)), ==, GTK_TEXT_DIR_RTL);

  /* A search, so that a chip shows too. */
  vt_query_set_search (window->query, "war");
  WAIT_UNTIL (gtk_revealer_get_child_revealed (window->chips_revealer));
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (window->chips_box)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->sort_model)), >=, 2);
  first = g_list_model_get_item (G_LIST_MODEL (window->sort_model), 0);
  second = g_list_model_get_item (G_LIST_MODEL (window->sort_model), 1);

  WAIT_UNTIL ((first_tile = find_tile (window, first)) != NULL
              && (second_tile = find_tile (window, second)) != NULL
              && gtk_widget_get_width (GTK_WIDGET (second_tile)) > 0);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (first_tile)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpuint (assert_all_rtl (GTK_WIDGET (window)), >, 100);

  /* The mirror image: the sidebar on the right, the grid's first piece
   * at its right and the second to its left. */
  window_middle = gtk_widget_get_width (GTK_WIDGET (window)) / 2.0f;
  g_assert_cmpfloat (middle_x (GTK_WIDGET (window->sidebar), window), >, window_middle);
  g_assert_cmpfloat (middle_x (GTK_WIDGET (first_tile), window), >,
                     middle_x (GTK_WIDGET (second_tile), window));

  close_window (window);
}

static void
test_detail_window (void)
{
  VtWindow *window = new_window_on_sample ();
  GtkWindow *detail;

  g_signal_emit_by_name (vt_gallery_view_get_grid_view (window->gallery), "activate", 0);
  detail = window->detail_window;
  g_assert_nonnull (detail);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (detail)));
  g_assert_cmpuint (assert_all_rtl (GTK_WIDGET (detail)), >, 20);

  close_window (window);
}

static void
test_show (void)
{
  VtWindow *window = new_window_on_sample ();
  VtShow *show;

  g_action_group_activate_action (G_ACTION_GROUP (window), "present", NULL);
  show = vt_window_get_show (window);
  g_assert_nonnull (show);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window->show_window)));
  assert_all_rtl (GTK_WIDGET (window->show_window));
  g_assert_true (vt_show_handle_key (show, GDK_KEY_Escape, 0));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("vitrine-test-rtl-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return 0;
    }
  /* As an Arabic or Hebrew locale makes it, before any widget exists. */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  g_test_add_func ("/rtl/main-window", test_main_window);
  g_test_add_func ("/rtl/detail-window", test_detail_window);
  g_test_add_func ("/rtl/show", test_show);

  status = g_test_run ();
  vt_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
