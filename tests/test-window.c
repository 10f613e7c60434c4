/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window driven as a user would: open, search, filter, sort, reload, restart. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-application.h"
#include "vt-detail-window.h"
#include "vt-facet-sidebar.h"
#include "vt-facets.h"
#include "vt-query-sorter.h"
#include "vt-slot-model.h"
#include "vt-test-ui.h"
#include "vt-test-util.h"
#include "vt-tile.h"
#include "vt-tooltip.h"
#include "vt-window-private.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

static char *tmp_dir;



static VtWindow *
new_window (void)
{
  VtWindow *window = g_object_new (VT_TYPE_WINDOW, NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
close_window (VtWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

static GtkGridView *
grid_view (VtWindow *window)
{
  return vt_gallery_view_get_grid_view (window->gallery);
}

static GtkWidget *
grid_scroller (VtWindow *window)
{
  return GTK_WIDGET (vt_gallery_view_get_scroller (window->gallery));
}

static GtkSingleSelection *
selection (VtWindow *window)
{
  return vt_gallery_view_get_selection (window->gallery);
}

static guint
grid_n_items (VtWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (grid_view (window))));
}

/* Opens @file and waits until it is loaded and the grid holds all its
 * pieces (the first catalog of a window shows its first screen first). */
static void
open_and_wait (VtWindow *window,
               GFile    *file)
{
  vt_window_open_file (window, file);
  WAIT_UNTIL (!vt_window_get_loading (window));
  g_assert_nonnull (vt_window_get_file (window));
  g_assert_true (g_file_equal (vt_window_get_file (window), file));
  WAIT_UNTIL (grid_n_items (window) == g_list_model_get_n_items (G_LIST_MODEL (window->sort_model)));
}

static VtWindow *
new_window_on_sample (void)
{
  g_autoptr(GFile) sample = vt_test_sample_file ();
  VtWindow *window;

  vt_test_reset_settings ();
  window = new_window ();
  open_and_wait (window, sample);

  return window;
}

/* The numbers of the pieces the grid shows, in its order. */
static GArray *
grid_numbers (VtWindow *window)
{
  GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (grid_view (window)));
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VtSlot) slot = g_list_model_get_item (model, i);
      guint number = vt_item_get_number (vt_slot_get_item (slot));

      g_array_append_val (numbers, number);
    }

  return numbers;
}

/* What the core says @query leaves of the catalog, in number order. */
static GArray *
expected_numbers (VtWindow *window,
                  VtQuery  *query)
{
  GListModel *items = G_LIST_MODEL (vt_window_get_catalog (window));
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (items, i);

      if (vt_query_match (query, item))
        {
          guint number = vt_item_get_number (item);

          g_array_append_val (numbers, number);
        }
    }

  return numbers;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static gboolean
same_numbers (GArray   *a,
              GArray   *b,
              gboolean  sort)
{
  if (a->len != b->len)
    return FALSE;
  if (sort)
    {
      g_array_sort (a, compare_uint);
      g_array_sort (b, compare_uint);
    }
  return memcmp (a->data, b->data, a->len * sizeof (guint)) == 0;
}

static gboolean
grid_shows (VtWindow *window,
            VtQuery  *query)
{
  g_autoptr(GArray) shown = grid_numbers (window);
  g_autoptr(GArray) expected = expected_numbers (window, query);

  return same_numbers (shown, expected, TRUE);
}

static guint
count_chips (VtWindow *window)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->chips_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* Presses a button as the keyboard does; a button only answers once it
 * is on screen. */
static void
press (GtkWidget *button)
{
  WAIT_UNTIL (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_activate (button));
}

static GtkWidget *
first_chip_button (VtWindow *window)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->chips_box));

  g_assert_nonnull (child);
  return gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
}

static gboolean
status_says (VtWindow *window,
             guint     shown,
             guint     total)
{
  g_autofree char *expected = g_strdup_printf ("%u of %u piece%s", shown, total, total == 1 ? "" : "s");

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (window->status_label)), expected) == 0;
}

/* The counts beside every value of @key equal the core's under @query. */
static gboolean
sidebar_counts_match (VtWindow   *window,
                      VtQuery    *query,
                      VtFacetKey  key)
{
  g_autoptr(VtFacets) facets = vt_facets_compute (query, G_LIST_MODEL (vt_window_get_catalog (window)));
  const VtFacetCount *counts;
  guint n_counts;

  counts = vt_facets_get (facets, key, &n_counts);
  for (guint i = 0; i < n_counts; i++)
    {
      if (vt_facet_sidebar_get_count (VT_FACET_SIDEBAR (window->sidebar), key, counts[i].value)
          != (int) counts[i].count)
        return FALSE;
    }

  return n_counts > 0;
}

static guint
count_tiles (VtWindow *window)
{
  g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (window->gallery);

  return tiles->len;
}

/* How many cells the grid's viewport shows, whole or in part, counted
 * from the places of its tiles. */
static guint
cells_in_view (VtWindow *window)
{
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (window->gallery);
  float first_y = G_MAXFLOAT, pitch = G_MAXFLOAT;

  for (guint t = 0; t < tiles->len; t++)
    {
      GtkWidget *tile = g_ptr_array_index (tiles, t);
      graphene_rect_t bounds;
      gboolean known = FALSE;

      /* Bound and laid out. */
      if (vt_tile_get_item (VT_TILE (tile)) == NULL
          || !gtk_widget_compute_bounds (tile, grid_scroller (window), &bounds)
          || bounds.size.width == 0)
        continue;
      for (guint i = 0; i < xs->len; i++)
        known |= g_array_index (xs, float, i) == bounds.origin.x;
      if (!known)
        g_array_append_val (xs, bounds.origin.x);
      if (bounds.origin.y < first_y)
        {
          if (first_y != G_MAXFLOAT)
            pitch = MIN (pitch, first_y - bounds.origin.y);
          first_y = bounds.origin.y;
        }
      else if (bounds.origin.y > first_y)
        pitch = MIN (pitch, bounds.origin.y - first_y);
    }
  g_assert_cmpuint (xs->len, >, 0);
  g_assert_cmpfloat (pitch, <, G_MAXFLOAT);

  return xs->len * (guint) ceilf (gtk_widget_get_height (grid_scroller (window)) / pitch);
}

static void
test_open_sample_shows_all (void)
{
  g_autoptr(GFile) sample = vt_test_sample_file ();
  VtWindow *window;
  g_autoptr(GPtrArray) tiles = NULL;
  guint total, cells;
  guint bound = 0;

  vt_test_reset_settings ();
  window = new_window ();

  /* The first catalog of a window: the grid holds the first screen of it,
   * then, a frame later, all of it. */
  vt_window_open_file (window, sample);
  WAIT_UNTIL (!vt_window_get_loading (window));
  total = g_list_model_get_n_items (G_LIST_MODEL (vt_window_get_catalog (window)));
  g_assert_cmpuint (total, >, vt_gallery_view_get_first_screen_size (window->gallery));
  g_assert_cmpuint (grid_n_items (window), ==, vt_gallery_view_get_first_screen_size (window->gallery));
  WAIT_UNTIL (grid_n_items (window) == total);

  /* That first screen filled the grid's view, at the default size of the
   * tiles and at the smallest. */
  WAIT_UNTIL (gtk_widget_get_height (grid_scroller (window)) > 0);
  cells = cells_in_view (window);
  g_assert_cmpuint (cells, <=, vt_gallery_view_get_first_screen_size (window->gallery));
  for (int step = 0; step < 20; step++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  WAIT_UNTIL (cells_in_view (window) > cells);
  g_assert_cmpuint (cells_in_view (window), <=, vt_gallery_view_get_first_screen_size (window->gallery));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);

  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (grid_n_items (window), ==, total);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (window->main_stack)), ==, "grid");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->sidebar)));
  g_assert_true (status_says (window, total, total));
  g_assert_cmpuint (count_chips (window), ==, 0);

  /* The header bar's buttons say what they do. */
  g_assert_cmpstr (vt_widget_get_tooltip (GTK_WIDGET (window->open_button)), ==, "Open a Catalog (Ctrl+O)");
  g_assert_cmpstr (vt_widget_get_tooltip (GTK_WIDGET (window->sidebar_button)), ==, "Show Filters (F9)");
  g_assert_cmpstr (vt_widget_get_tooltip (GTK_WIDGET (window->direction_button)), ==, "Ascending Order (smallest first)");
  g_assert_cmpstr (vt_widget_get_tooltip (GTK_WIDGET (window->zoom_in_button)), ==, "Larger Thumbnails (Ctrl+Plus)");

  /* The grid made tiles, each showing its piece's title and About. */
  WAIT_UNTIL (count_tiles (window) > 0);
  tiles = vt_gallery_view_list_tiles (window->gallery);
  for (guint i = 0; i < tiles->len; i++)
    {
      VtTile *tile = g_ptr_array_index (tiles, i);
      VtItem *item = vt_tile_get_item (tile);

      if (item == NULL)
        continue;
      bound++;
      g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (tile)));
      g_assert_cmpstr (vt_tile_get_tooltip (tile), ==, vt_item_get_about (item));
    }
  g_assert_cmpuint (bound, >, 0);

  close_window (window);
}

static void
test_search_narrows (void)
{
  VtWindow *window = new_window_on_sample ();
  g_autoptr(VtQuery) reference = vt_query_new ();
  g_autoptr(GArray) matching = NULL;
  guint total = grid_n_items (window);
  guint expected;

  vt_query_set_search (reference, "war");
  matching = expected_numbers (window, reference);
  expected = matching->len;
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, total);

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "war");
  WAIT_UNTIL (grid_n_items (window) == expected);
  g_assert_true (grid_shows (window, reference));
  g_assert_true (status_says (window, expected, total));
  g_assert_cmpuint (count_chips (window), ==, 1);
  WAIT_UNTIL (sidebar_counts_match (window, reference, VT_FACET_DECADE));
  g_assert_true (sidebar_counts_match (window, reference, VT_FACET_REGION));

  /* Nothing matches: the no-match page, whose button clears everything. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "qqqzzzxxx");
  WAIT_UNTIL (grid_n_items (window) == 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (window->main_stack)), ==, "no-match");
  press (GTK_WIDGET (window->no_match_clear_button));
  WAIT_UNTIL (grid_n_items (window) == total);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "");
  g_assert_cmpuint (count_chips (window), ==, 0);

  close_window (window);
}

static void
count_pending_cb (VtQueryModel *model,
                  GParamSpec   *pspec,
                  guint        *n_pending)
{
  if (vt_query_model_get_pending (model))
    (*n_pending)++;
}

/* The grid, its count and the sidebar's counts of two windows, one
 * working out each change in a worker (as for a large collection), one
 * at once, once the worker is done. */
static void
assert_windows_agree (VtWindow *worker,
                      VtWindow *at_once)
{
  g_autoptr(GArray) shown = NULL;
  g_autoptr(GArray) expected = NULL;

  WAIT_UNTIL (!vt_query_model_get_pending (worker->sort_model));
  shown = grid_numbers (worker);
  expected = grid_numbers (at_once);
  g_assert_true (same_numbers (shown, expected, FALSE));
  g_assert_cmpstr (gtk_label_get_text (worker->status_label), ==, gtk_label_get_text (at_once->status_label));
  WAIT_UNTIL (sidebar_counts_match (worker, at_once->query, VT_FACET_DECADE));
  g_assert_true (sidebar_counts_match (worker, at_once->query, VT_FACET_REGION));
}

/* A word typed letter by letter, then a facet ticked and the order
 * changed: a window whose query model works in a worker shows what one
 * that works at once shows. */
static void
test_search_worker_same_as_at_once (void)
{
  g_autoptr(GFile) sample = vt_test_sample_file ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *word = "revolution";
  guint n_pending = 0;
  VtWindow *worker;
  VtWindow *at_once;

  vt_test_reset_settings ();
  g_settings_set_string (settings, "sort-key", "title");
  worker = new_window ();
  vt_query_model_set_sync_limit (worker->sort_model, 0);
  g_signal_connect (worker->sort_model, "notify::pending", G_CALLBACK (count_pending_cb), &n_pending);
  at_once = new_window ();
  g_assert_cmpuint (vt_query_model_get_sync_limit (at_once->sort_model), >=, 100);
  open_and_wait (worker, sample);
  open_and_wait (at_once, sample);
  assert_windows_agree (worker, at_once);

  for (gsize i = 1; i <= strlen (word); i++)
    {
      g_autofree char *typed = g_strndup (word, i);

      gtk_editable_set_text (GTK_EDITABLE (worker->search_entry), typed);
      gtk_editable_set_text (GTK_EDITABLE (at_once->search_entry), typed);
      WAIT_UNTIL (g_str_equal (vt_query_get_search (worker->query), typed)
                  && g_str_equal (vt_query_get_search (at_once->query), typed));
      assert_windows_agree (worker, at_once);
    }
  g_assert_cmpuint (grid_n_items (worker), >, 0);
  g_assert_cmpuint (grid_n_items (worker), <, g_list_model_get_n_items (G_LIST_MODEL (worker->catalog)));

  vt_query_set_facet_selected (worker->query, VT_FACET_REGION, "Europe", TRUE);
  vt_query_set_facet_selected (at_once->query, VT_FACET_REGION, "Europe", TRUE);
  assert_windows_agree (worker, at_once);

  g_settings_set_string (settings, "sort-key", "year");
  assert_windows_agree (worker, at_once);

  /* The worker's path was the one taken. */
  g_assert_cmpuint (n_pending, >=, strlen (word));

  close_window (worker);
  close_window (at_once);
}

/* For each facet: tick the rarest value's check button in the sidebar. */
static void
test_facets_narrow (void)
{
  VtWindow *window = new_window_on_sample ();
  guint total = grid_n_items (window);

  for (guint key = 0; key < VT_N_FACETS; key++)
    {
      g_autoptr(VtQuery) reference = vt_query_new ();
      g_autoptr(VtFacets) facets = vt_facets_compute (reference, G_LIST_MODEL (vt_window_get_catalog (window)));
      const VtFacetCount *counts;
      const char *value = NULL;
      guint n_counts, rarest = G_MAXUINT;
      GtkCheckButton *check;

      counts = vt_facets_get (facets, key, &n_counts);
      for (guint i = 0; i < n_counts; i++)
        if (counts[i].count > 0 && counts[i].count < rarest)
          {
            rarest = counts[i].count;
            value = counts[i].value;
          }
      if (value == NULL)
        continue;

      WAIT_UNTIL (vt_facet_sidebar_get_check (VT_FACET_SIDEBAR (window->sidebar), key, value) != NULL);
      check = vt_facet_sidebar_get_check (VT_FACET_SIDEBAR (window->sidebar), key, value);
      g_assert_false (gtk_check_button_get_active (check));
      g_assert_cmpint (vt_facet_sidebar_get_count (VT_FACET_SIDEBAR (window->sidebar), key, value), ==, rarest);

      gtk_widget_activate (GTK_WIDGET (check));
      vt_query_set_facet_selected (reference, key, value, TRUE);
      WAIT_UNTIL (grid_n_items (window) == rarest);
      g_assert_true (grid_shows (window, reference));
      g_assert_true (status_says (window, rarest, total));
      g_assert_cmpuint (count_chips (window), ==, 1);
      /* Other facets count under this one. */
      WAIT_UNTIL (sidebar_counts_match (window, reference, key == VT_FACET_REGION ? VT_FACET_DECADE
                                                                                  : VT_FACET_REGION));

      /* The chip above the grid takes it away again. */
      press (first_chip_button (window));
      WAIT_UNTIL (grid_n_items (window) == total);
      WAIT_UNTIL (!gtk_check_button_get_active (vt_facet_sidebar_get_check (VT_FACET_SIDEBAR (window->sidebar),
                                                                            key, value)));
      g_assert_cmpuint (count_chips (window), ==, 0);
    }

  close_window (window);
}

static void
test_ranges_narrow (void)
{
  VtWindow *window = new_window_on_sample ();
  VtFacetSidebar *sidebar = VT_FACET_SIDEBAR (window->sidebar);
  g_autoptr(VtQuery) reference = vt_query_new ();
  guint total = grid_n_items (window);
  VtPrice one;

  /* Impact 7 and above. */
  gtk_spin_button_set_value (vt_facet_sidebar_get_spin (sidebar, VT_RANGE_IMPACT, FALSE), 7);
  vt_query_set_int_range (reference, VT_RANGE_IMPACT, 7, 10);
  WAIT_UNTIL (grid_shows (window, reference));
  g_assert_cmpuint (grid_n_items (window), <, total);
  g_assert_cmpuint (grid_n_items (window), >, 0);
  WAIT_UNTIL (sidebar_counts_match (window, reference, VT_FACET_DECADE));

  /* And from 1939 to 1991. */
  gtk_spin_button_set_value (vt_facet_sidebar_get_spin (sidebar, VT_RANGE_YEAR, FALSE), 1939);
  gtk_spin_button_set_value (vt_facet_sidebar_get_spin (sidebar, VT_RANGE_YEAR, TRUE), 1991);
  vt_query_set_int_range (reference, VT_RANGE_YEAR, 1939, 1991);
  WAIT_UNTIL (grid_shows (window, reference));
  g_assert_cmpuint (count_chips (window), ==, 2);

  /* And at least 1 ETH, typed into the price entry. */
  gtk_editable_set_text (vt_facet_sidebar_get_price_entry (sidebar, FALSE), "1");
  g_assert_true (vt_price_parse ("1", &one, NULL));
  vt_query_set_price_range (reference, &one, NULL);
  WAIT_UNTIL (grid_shows (window, reference));
  g_assert_cmpuint (count_chips (window), ==, 3);

  /* Text that is no price marks the entry and leaves the filter alone. */
  gtk_editable_set_text (vt_facet_sidebar_get_price_entry (sidebar, TRUE), "lots");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (vt_facet_sidebar_get_price_entry (sidebar, TRUE)), "error"));
  g_assert_true (grid_shows (window, reference));

  g_action_group_activate_action (G_ACTION_GROUP (window), "clear-filters", NULL);
  WAIT_UNTIL (grid_n_items (window) == total);
  WAIT_UNTIL (gtk_spin_button_get_value_as_int (vt_facet_sidebar_get_spin (sidebar, VT_RANGE_IMPACT, FALSE)) == 1);

  close_window (window);
}

static void
test_sort_keys (void)
{
  VtWindow *window = new_window_on_sample ();

  for (guint key = 0; key < VT_N_SORT_KEYS; key++)
    {
      for (guint descending = 0; descending < 2; descending++)
        {
          g_autoptr(VtSorter) sorter = vt_sorter_new (key, descending);
          g_autoptr(GtkSortListModel) reference = NULL;
          g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autoptr(GArray) shown = NULL;

          g_action_group_activate_action (G_ACTION_GROUP (window), "sort-key",
                                          g_variant_new_string (vt_sort_key_to_string (key)));
          g_action_group_change_action_state (G_ACTION_GROUP (window), "sort-descending",
                                              g_variant_new_boolean (descending));

          reference = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (vt_window_get_catalog (window))),
                                               vt_query_sorter_new (sorter));
          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reference)); i++)
            {
              g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (reference), i);
              guint number = vt_item_get_number (item);

              g_array_append_val (expected, number);
            }

          shown = grid_numbers (window);
          g_assert_true (same_numbers (shown, expected, FALSE));
          g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (window->sort_dropdown)), ==, key);
          g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (window->direction_button)), ==,
                           descending);
        }
    }

  /* The drop-down itself sorts too. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (window->sort_dropdown), VT_SORT_TITLE);
  g_assert_cmpint (vt_sorter_get_key (window->sorter), ==, VT_SORT_TITLE);

  close_window (window);
}

static void
test_detail_opens_on_activate (void)
{
  VtWindow *window = new_window_on_sample ();
  g_autoptr(VtItem) third = NULL;
  GtkWindow *detail;

  g_action_group_activate_action (G_ACTION_GROUP (window), "sort-key", g_variant_new_string ("impact"));
  third = g_list_model_get_item (G_LIST_MODEL (window->sort_model), 2);

  g_signal_emit_by_name (grid_view (window), "activate", 2);
  g_assert_nonnull (window->detail_window);
  detail = window->detail_window;
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (detail)));
  g_assert_true (vt_detail_window_get_item (VT_DETAIL_WINDOW (detail)) == third);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection (window)), ==, 2);

  /* One detail window, reused. */
  g_signal_emit_by_name (grid_view (window), "activate", 0);
  g_assert_true (window->detail_window == detail);
  g_assert_cmpuint (vt_detail_window_get_position (VT_DETAIL_WINDOW (detail)), ==, 0);

  close_window (window);
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
test_broken_catalog_keeps_previous (void)
{
  VtWindow *window = new_window_on_sample ();
  g_autoptr(GFile) sample = vt_test_sample_file ();
  g_autoptr(GFile) broken = write_file ("broken.json", "{ \"format\": \"vitrine-catalog\", \"items\": [ {");
  guint total = grid_n_items (window);

  vt_window_open_file (window, broken);
  WAIT_UNTIL (gtk_info_bar_get_revealed (GTK_INFO_BAR (window->error_bar)));
  WAIT_UNTIL (!vt_window_get_loading (window));

  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (window->error_title)), "broken.json"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (window->error_label)), !=, "");
  g_assert_true (g_file_equal (vt_window_get_file (window), sample));
  g_assert_cmpuint (grid_n_items (window), ==, total);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (window->main_stack)), ==, "grid");

  /* A good file afterwards clears the message. */
  open_and_wait (window, sample);
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (window->error_bar)));

  close_window (window);
}

static void
test_broken_first_catalog_shows_welcome (void)
{
  VtWindow *window;
  g_autoptr(GFile) missing = g_file_new_build_filename (tmp_dir, "missing.json", NULL);

  vt_test_reset_settings ();
  window = new_window ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (window->main_stack)), ==, "welcome");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->sidebar)));

  /* While the first catalog loads, the window says which, rather than
   * inviting the user to open one. */
  vt_window_open_file (window, missing);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (window->main_stack)), ==, "loading");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (window->loading_label)), "missing.json"));
  WAIT_UNTIL (gtk_info_bar_get_revealed (GTK_INFO_BAR (window->error_bar)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (window->error_title)), "missing.json"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (window->main_stack)), ==, "welcome");
  g_assert_null (vt_window_get_file (window));

  close_window (window);
}

static void
test_reload_keeps_filters (void)
{
  g_autoptr(GFile) sample = vt_test_sample_file ();
  g_autofree char *contents = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(VtQuery) reference = vt_query_new ();
  g_autoptr(VtItem) selected = NULL;
  VtWindow *window;
  GtkCheckButton *check;
  guint position, selected_number;
  VtItem *item;
  gsize length;

  g_assert_true (g_file_load_contents (sample, NULL, &contents, &length, NULL, NULL));
  copy = write_file ("reload.json", contents);

  vt_test_reset_settings ();
  window = new_window ();
  open_and_wait (window, copy);

  /* A search, a facet value and a sort, and a selected piece. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "sort-key", g_variant_new_string ("year"));
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "war");
  vt_query_set_search (reference, "war");
  WAIT_UNTIL (grid_shows (window, reference));
  WAIT_UNTIL (vt_facet_sidebar_get_check (VT_FACET_SIDEBAR (window->sidebar), VT_FACET_REGION, "Europe") != NULL);
  check = vt_facet_sidebar_get_check (VT_FACET_SIDEBAR (window->sidebar), VT_FACET_REGION, "Europe");
  gtk_widget_activate (GTK_WIDGET (check));
  vt_query_set_facet_selected (reference, VT_FACET_REGION, "Europe", TRUE);
  WAIT_UNTIL (grid_shows (window, reference));
  g_assert_cmpuint (grid_n_items (window), >, 1);
  gtk_single_selection_set_selected (selection (window), 1);
  selected = g_object_ref (gtk_single_selection_get_selected_item (selection (window)));
  selected_number = vt_item_get_number (selected);

  /* Another program rewrites the file: the selected piece gets a new title. */
  changed = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (changed, vt_item_get_title (selected), "Renamed on disk", 1), ==, 1);
  g_object_unref (write_file ("reload.json", changed->str));

  WAIT_UNTIL ((item = vt_catalog_lookup (vt_window_get_catalog (window), selected_number)) != NULL
              && g_strcmp0 (vt_item_get_title (item), "Renamed on disk") == 0);
  WAIT_UNTIL (!vt_window_get_loading (window));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "war");
  g_assert_true (gtk_check_button_get_active (vt_facet_sidebar_get_check (VT_FACET_SIDEBAR (window->sidebar),
                                                                          VT_FACET_REGION, "Europe")));
  g_assert_cmpint (vt_sorter_get_key (window->sorter), ==, VT_SORT_YEAR);
  g_assert_true (grid_shows (window, reference));
  position = gtk_single_selection_get_selected (selection (window));
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (vt_item_get_number (gtk_single_selection_get_selected_item (selection (window))), ==,
                    selected_number);

  close_window (window);
}

static void
test_settings_restored (void)
{
  VtWindow *window;
  int width, height;

  vt_test_reset_settings ();
  window = new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  g_action_group_activate_action (G_ACTION_GROUP (window), "sort-key", g_variant_new_string ("price"));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "sort-descending", g_variant_new_boolean (TRUE));
  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-in", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "sidebar-shown", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (window->sidebar_revealer)));
  g_assert_cmpfloat (gtk_adjustment_get_value (window->size_adjustment), ==, 256);
  close_window (window);

  /* A new window, as at the next start. */
  window = new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 700);
  g_assert_cmpint (vt_sorter_get_key (window->sorter), ==, VT_SORT_PRICE);
  g_assert_true (vt_sorter_get_descending (window->sorter));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (window->sort_dropdown)), ==, VT_SORT_PRICE);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (window->direction_button)));
  g_assert_cmpfloat (gtk_adjustment_get_value (window->size_adjustment), ==, 256);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (window->sidebar_revealer)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (window->sidebar_button)));
  close_window (window);
}

/* Ctrl+? shows the shortcuts, built when first asked for and reused. */
static void
test_shortcuts_window (void)
{
  VtWindow *window = new_window_on_sample ();
  GtkWindow *shortcuts = NULL;
  GtkWindow *again = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GLogLevelFlags fatal;

  /* GTK 4.8's own GtkShortcutsWindow measures one of its keycap labels at
   * -4 pixels with the Adwaita theme and warns: not fatal here. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
        shortcuts = toplevel;
    }
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (shortcuts)));

  gtk_window_close (shortcuts);
  WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
        {
          g_assert_null (again);
          again = toplevel;
        }
    }
  g_assert_true (again == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  close_window (window);
  g_log_set_always_fatal (fatal);
}

static void
test_zoom_resizes_tiles (void)
{
  VtWindow *window = new_window_on_sample ();
  g_autoptr(GPtrArray) smallest = NULL;
  g_autoptr(GPtrArray) largest = NULL;

  WAIT_UNTIL (count_tiles (window) > 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-reset", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-out", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-out", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-out", NULL);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "zoom-out"));

  smallest = vt_gallery_view_list_tiles (window->gallery);
  for (guint i = 0; i < smallest->len; i++)
    g_assert_cmpint (vt_tile_get_size (g_ptr_array_index (smallest, i)), ==, VT_TILE_MIN_SIZE);

  for (guint i = 0; i < 10; i++)
    g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-in", NULL);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "zoom-in"));
  largest = vt_gallery_view_list_tiles (window->gallery);
  for (guint i = 0; i < largest->len; i++)
    g_assert_cmpint (vt_tile_get_size (g_ptr_array_index (largest, i)), ==, VT_TILE_MAX_SIZE);

  /* The size control: a scale that shows the size in pixels. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (window->size_button));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window->size_scale)));
  g_assert_true (gtk_scale_get_draw_value (window->size_scale));
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (window->size_scale)), ==, VT_TILE_MAX_SIZE);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (window->size_button));

  close_window (window);
}

/* The first button under @widget whose label starts with @prefix. */
static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *prefix)
{
  if (GTK_IS_BUTTON (widget)
      && g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)) ?: "", prefix))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_listed_countries (VtFacetSidebar *sidebar)
{
  guint listed = 0;

  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *value = g_strdup_printf ("Country %03u", i);

      listed += vt_facet_sidebar_get_check (sidebar, VT_FACET_COUNTRY, value) != NULL;
    }
  return listed;
}

/* The rows of the country section, in the box, are in the order of the
 * model's counts, and each row's label is its value's. */
static void
assert_country_rows (VtWindow *window)
{
  VtFacetSidebar *sidebar = VT_FACET_SIDEBAR (window->sidebar);
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (vt_facet_sidebar_get_check (sidebar, VT_FACET_COUNTRY,
                                                                                  "Everywhere")));
  guint n_counts = 0;
  const VtFacetCount *counts = vt_facets_get (vt_query_model_get_facets (window->sort_model),
                                              VT_FACET_COUNTRY, &n_counts);
  guint next = 0;
  guint rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row_box;
      const char *value;

      if (!GTK_IS_CHECK_BUTTON (child))
        continue;
      row_box = gtk_check_button_get_child (GTK_CHECK_BUTTON (child));
      value = gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (row_box)));
      g_assert_true (vt_facet_sidebar_get_check (sidebar, VT_FACET_COUNTRY, value) == GTK_CHECK_BUTTON (child));
      while (next < n_counts && !g_str_equal (counts[next].value, value))
        next++;
      g_assert_cmpuint (next, <, n_counts);
      rows++;
    }
  g_assert_cmpuint (rows, >, 1);
}

/* Thousands of countries must not become thousands of check buttons:
 * the most frequent are listed, "Show More" lists more. */
static void
test_long_facet_is_capped (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"vitrine-catalog\", \"version\": 1,\n"
                                          "  \"collection\": { \"name\": \"Many\", \"total\": 200, \"currency\": \"ETH\" },\n"
                                          "  \"items\": [\n");
  g_autoptr(GFile) catalog = NULL;
  VtFacetSidebar *sidebar;
  VtWindow *window;
  GtkWidget *more;
  GtkCheckButton *everywhere;
  guint listed;

  for (guint i = 1; i <= 150; i++)
    g_string_append_printf (json, "%s{ \"number\": %u, \"title\": \"%u - Piece\", \"year\": %u, \"decade\": \"%u0s\", "
                            "\"impact\": 5, \"price\": \"1 ETH\", \"countries\": [\"Country %03u\", \"Everywhere\"] }\n",
                            i == 1 ? "" : ", ", i, 1900 + i % 100, 1900 + i % 100, 190 + (i % 100) / 10, i);
  g_string_append (json, "] }\n");
  catalog = write_file ("many.json", json->str);

  vt_test_reset_settings ();
  window = new_window ();
  open_and_wait (window, catalog);
  sidebar = VT_FACET_SIDEBAR (window->sidebar);

  /* The value every piece has comes first in frequency, so it is listed. */
  WAIT_UNTIL (vt_facet_sidebar_get_count (sidebar, VT_FACET_COUNTRY, "Everywhere") == 150);
  listed = count_listed_countries (sidebar);
  g_assert_cmpuint (listed, >, 0);
  g_assert_cmpuint (listed, <, 50);

  /* "Show More" lists more of the same facet. */
  more = find_button_labelled (GTK_WIDGET (sidebar), "Show More");
  g_assert_nonnull (more);
  g_assert_true (gtk_widget_activate (more));
  WAIT_UNTIL (count_listed_countries (sidebar) > listed + 50);

  /* A selected value stays listed whatever its count; the rows of the
   * values still listed stay, with the keyboard focus. */
  everywhere = vt_facet_sidebar_get_check (sidebar, VT_FACET_COUNTRY, "Everywhere");
  gtk_widget_grab_focus (GTK_WIDGET (everywhere));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (everywhere)));
  vt_query_set_facet_selected (window->query, VT_FACET_COUNTRY, "Country 150", TRUE);
  WAIT_UNTIL (vt_facet_sidebar_get_check (sidebar, VT_FACET_COUNTRY, "Country 150") != NULL);
  WAIT_UNTIL (grid_n_items (window) == 1);
  g_assert_true (vt_facet_sidebar_get_check (sidebar, VT_FACET_COUNTRY, "Everywhere") == everywhere);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (everywhere)));
  assert_country_rows (window);
  gtk_test_accessible_assert_property (vt_facet_sidebar_get_check (sidebar, VT_FACET_COUNTRY, "Country 150"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Country 150, 1 piece");
  g_assert_true (gtk_check_button_get_active (vt_facet_sidebar_get_check (sidebar, VT_FACET_COUNTRY,
                                                                          "Country 150")));

  close_window (window);
}

static VtTile *find_tile (VtWindow *window,
                          guint     number);

static void
copy_test_file (const char *from,
                const char *to)
{
  g_autofree char *bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (to, bytes, (gssize) length, NULL));
}

/* tests/data/outside/window.json in a folder of its own, "inside.png"
 * beside it and "../outside.png" outside it. */
static GFile *
make_outside_catalog (const char *folder_name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "outside", "window.json", NULL);
  g_autofree char *picture = g_test_build_filename (G_TEST_DIST, "data", "images", "moss.png", NULL);
  g_autofree char *folder = g_build_filename (tmp_dir, folder_name, NULL);
  g_autofree char *catalog = g_build_filename (folder, "catalog.json", NULL);
  g_autofree char *inside = g_build_filename (folder, "inside.png", NULL);
  g_autofree char *outside = g_build_filename (tmp_dir, "outside.png", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  copy_test_file (source, catalog);
  copy_test_file (picture, inside);
  copy_test_file (picture, outside);
  return g_file_new_for_path (catalog);
}

static gboolean
settings_list_has (const char *key,
                   GFile      *file)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) uris = g_settings_get_strv (settings, key);
  g_autofree char *uri = g_file_get_uri (file);

  return g_strv_contains ((const char * const *) uris, uri);
}

/* A catalog naming an image outside its folder: asked about once, the
 * picture shown when allowed, and the answer kept for the next time. */
static void
test_outside_images_shown (void)
{
  g_autoptr(GFile) catalog = make_outside_catalog ("outside-shown");
  g_autofree char *secondary = NULL;
  GtkWidget *dialog;
  GtkWidget *show_button;
  VtWindow *window;
  VtTile *tile;

  vt_test_reset_settings ();
  window = new_window ();
  open_and_wait (window, catalog);
  WAIT_UNTIL (window->outside_dialog != NULL);
  dialog = window->outside_dialog;

  /* It names the catalog and how many; its title is its accessible name. */
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "“Two Pictures” (catalog.json) names 1 image outside"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Images Outside the Catalog’s Folder");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  show_button = gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (show_button)), ==, "_Show Images");
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (show_button)));

  /* Until answered, nothing outside is opened. */
  WAIT_UNTIL ((tile = find_tile (window, 2)) != NULL && vt_tile_get_state (tile) == VT_TILE_PLACEHOLDER);
  g_assert_nonnull (strstr (vt_tile_get_reason (tile), "is outside the catalog’s folder"));
  WAIT_UNTIL ((tile = find_tile (window, 1)) != NULL && vt_tile_get_state (tile) == VT_TILE_PICTURE);

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_null (window->outside_dialog);
  g_assert_true (settings_list_has ("outside-images-allowed", catalog));
  g_assert_true (vt_catalog_get_allow_outside (window->catalog));
  WAIT_UNTIL ((tile = find_tile (window, 2)) != NULL && vt_tile_get_state (tile) == VT_TILE_PICTURE);
  close_window (window);

  /* The next time: shown at once, not asked again. */
  window = new_window ();
  open_and_wait (window, catalog);
  WAIT_UNTIL ((tile = find_tile (window, 2)) != NULL && vt_tile_get_state (tile) == VT_TILE_PICTURE);
  g_assert_null (window->outside_dialog);
  close_window (window);
}

/* Enter answers "Keep Hidden": the picture outside stays unopened, now
 * and the next time, without asking again. */
static void
test_outside_images_kept_hidden (void)
{
  g_autoptr(GFile) catalog = make_outside_catalog ("outside-hidden");
  VtWindow *window;
  VtTile *tile;

  vt_test_reset_settings ();
  window = new_window ();
  open_and_wait (window, catalog);
  WAIT_UNTIL (window->outside_dialog != NULL && gtk_widget_get_mapped (window->outside_dialog));

  /* A button activated from the keyboard answers a moment later. */
  g_assert_true (gtk_widget_activate_action (window->outside_dialog, "default.activate", NULL));
  WAIT_UNTIL (window->outside_dialog == NULL);
  g_assert_true (settings_list_has ("outside-images-refused", catalog));
  g_assert_false (settings_list_has ("outside-images-allowed", catalog));
  g_assert_false (vt_catalog_get_allow_outside (window->catalog));
  WAIT_UNTIL ((tile = find_tile (window, 2)) != NULL && vt_tile_get_state (tile) == VT_TILE_PLACEHOLDER);
  close_window (window);

  window = new_window ();
  open_and_wait (window, catalog);
  WAIT_UNTIL ((tile = find_tile (window, 2)) != NULL && vt_tile_get_state (tile) == VT_TILE_PLACEHOLDER);
  g_assert_null (window->outside_dialog);
  close_window (window);
}

static VtTile *
find_tile (VtWindow *window,
           guint     number)
{
  g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (window->gallery);

  for (guint i = 0; i < tiles->len; i++)
    {
      VtTile *tile = g_ptr_array_index (tiles, i);
      VtItem *item = vt_tile_get_item (tile);

      if (item != NULL && vt_item_get_number (item) == number)
        return tile;
    }

  return NULL;
}

static int
tile_height (VtTile *tile)
{
  int height;

  gtk_widget_measure (GTK_WIDGET (tile), GTK_ORIENTATION_VERTICAL, vt_tile_get_size (tile),
                      &height, NULL, NULL, NULL);

  return height;
}

/* @name in the temporary folder: a catalog of two pieces, number 1
 * naming an image that is not there, number 2 a square picture without
 * alpha, copied beside it as @picture_name (a picture elsewhere would
 * not be opened). */
static GFile *
write_two_piece_catalog (const char *name,
                         const char *picture_name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "images", "rust.jpg", NULL);
  g_autofree char *picture = g_build_filename (tmp_dir, picture_name, NULL);
  g_autofree char *bytes = NULL;
  gsize length;
  g_autofree char *contents = g_strdup_printf (
    "{ \"format\": \"vitrine-catalog\", \"version\": 1,\n"
    "  \"collection\": { \"name\": \"Test\", \"total\": 2, \"currency\": \"ETH\" },\n"
    "  \"items\": [ { \"number\": 1, \"title\": \"1901 - A Piece Without Its Picture\",\n"
    "                 \"year\": 1901, \"decade\": \"1900s\", \"impact\": 3, \"price\": \"1 ETH\",\n"
    "                 \"image\": \"images/nowhere.jpg\" },\n"
    "               { \"number\": 2, \"title\": \"1902 - A Piece With Its Picture\",\n"
    "                 \"year\": 1902, \"decade\": \"1900s\", \"impact\": 3, \"price\": \"1 ETH\",\n"
    "                 \"image\": \"%s\" } ] }\n", picture);

  g_assert_true (g_file_get_contents (source, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (picture, bytes, (gssize) length, NULL));
  return write_file (name, contents);
}

static void
test_tile_placeholder_with_reason (void)
{
  g_autoptr(GFile) catalog = write_two_piece_catalog ("no-image.json", "with-picture.jpg");
  const char *zooms[] = { "win.zoom-reset", "win.zoom-out", "win.zoom-in" };
  VtWindow *window;
  VtTile *failed;
  VtTile *shown;

  vt_test_reset_settings ();
  window = new_window ();
  open_and_wait (window, catalog);

  WAIT_UNTIL ((failed = find_tile (window, 1)) != NULL
              && vt_tile_get_state (failed) == VT_TILE_PLACEHOLDER);
  g_assert_nonnull (strstr (vt_tile_get_reason (failed), "nowhere.jpg"));
  WAIT_UNTIL ((shown = find_tile (window, 2)) != NULL
              && vt_tile_get_state (shown) == VT_TILE_PICTURE);

  /* Fixed-size cells: the reason takes no more room than a picture, at
   * the default size and at the smallest and largest. */
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      for (int step = 0; step < (i == 0 ? 1 : 20); step++)
        gtk_widget_activate_action (GTK_WIDGET (window), zooms[i], NULL);
      g_assert_cmpint (tile_height (failed), ==, tile_height (shown));
    }
  g_assert_cmpint (vt_tile_get_size (failed), ==, VT_TILE_MAX_SIZE);

  close_window (window);
}

/* The color nodes of @node's tree that fill a @size x @size square: the
 * grounds under the tiles' thumbnails. */
static void
collect_square_colors (GskRenderNode *node,
                       int            size,
                       GPtrArray     *found)
{
  GskRenderNode *child = NULL;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_COLOR_NODE:
      {
        graphene_rect_t bounds;

        gsk_render_node_get_bounds (node, &bounds);
        if (bounds.size.width == size && bounds.size.height == size)
          g_ptr_array_add (found, node);
        return;
      }
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_square_colors (gsk_container_node_get_child (node, i), size, found);
      return;
    case GSK_TRANSFORM_NODE:
      child = gsk_transform_node_get_child (node);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      child = gsk_rounded_clip_node_get_child (node);
      break;
    case GSK_CLIP_NODE:
      child = gsk_clip_node_get_child (node);
      break;
    case GSK_OPACITY_NODE:
      child = gsk_opacity_node_get_child (node);
      break;
    default:
      return;
    }

  collect_square_colors (child, size, found);
}

/* The grounds under the thumbnails in the gallery as last drawn
 * (@paintable), each checked: opaque, in the colour a 6% veil of the
 * text's colour over the grid would show. Returns how many. */
static guint
check_thumbnail_grounds (GdkPaintable *paintable,
                         VtTile       *tile)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) grounds = g_ptr_array_new ();
  GtkStyleContext *context;
  GdkRGBA base, text;

  gdk_paintable_snapshot (paintable, snapshot, 1000, 1000);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return 0;
  collect_square_colors (node, vt_tile_get_size (tile), grounds);

  /* The colour of the text over the picture (the stylesheet's
   * currentColor) and the grid's, as the theme names it. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (tile))));
  gtk_style_context_get_color (context, &text);
  g_assert_true (gtk_style_context_lookup_color (context, "theme_base_color", &base));
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint i = 0; i < grounds->len; i++)
    {
      const GdkRGBA *color = gsk_color_node_get_color (g_ptr_array_index (grounds, i));

      g_assert_cmpfloat (color->alpha, ==, 1.0);
      g_assert_cmpfloat_with_epsilon (color->red, base.red * 0.94 + text.red * 0.06, 1.0 / 255);
      g_assert_cmpfloat_with_epsilon (color->green, base.green * 0.94 + text.green * 0.06, 1.0 / 255);
      g_assert_cmpfloat_with_epsilon (color->blue, base.blue * 0.94 + text.blue * 0.06, 1.0 / 255);
    }

  return grounds->len;
}

/* The ground under a thumbnail looks as a 6% veil of the text's colour
 * over the grid, and is drawn opaque wherever the grid's own colour is
 * behind it: blending some 130 translucent squares a frame was a large
 * part of a 4K screen's frame in the cairo renderer. Under an opaque
 * picture that covers it, it is not drawn at all. */
static void
test_tile_thumbnail_ground (void)
{
  g_autoptr(GFile) catalog = write_two_piece_catalog ("ground.json", "ground-picture.jpg");
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(GdkPaintable) paintable = NULL;
  VtWindow *window;
  VtTile *failed;
  VtTile *shown;

  /* The application's stylesheet, which the application's start adds. */
  gtk_css_provider_load_from_resource (css, "/io/github/vitrine/Vitrine/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  vt_test_reset_settings ();
  window = new_window ();
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window->gallery));
  open_and_wait (window, catalog);

  WAIT_UNTIL ((failed = find_tile (window, 1)) != NULL
              && vt_tile_get_state (failed) == VT_TILE_PLACEHOLDER);
  WAIT_UNTIL ((shown = find_tile (window, 2)) != NULL
              && vt_tile_get_state (shown) == VT_TILE_PICTURE);
  /* Neither cell selected: the grid's colour is behind both. */
  gtk_selection_model_unselect_all (gtk_grid_view_get_model (grid_view (window)));

  /* The placeholder's ground, and none under the picture. */
  gtk_widget_queue_draw (GTK_WIDGET (window->gallery));
  WAIT_UNTIL (check_thumbnail_grounds (paintable, failed) == 1);

  g_clear_object (&paintable);
  close_window (window);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
}

/* The menus are built when first opened, and then hold their models. */
static void
test_menus_built_when_opened (void)
{
  VtWindow *window = new_window_on_sample ();
  struct {
    GtkWidget  *button;
    GMenuModel *model;
  } menus[] = {
    { GTK_WIDGET (window->menu_button), window->main_menu },
    { GTK_WIDGET (window->recent_button), G_MENU_MODEL (window->recent_menu) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (menus); i++)
    {
      GtkMenuButton *button = GTK_MENU_BUTTON (menus[i].button);
      GtkPopover *popover;

      g_assert_null (gtk_menu_button_get_popover (button));
      gtk_menu_button_popup (button);
      popover = gtk_menu_button_get_popover (button);
      g_assert_true (GTK_IS_POPOVER_MENU (popover));
      g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) == menus[i].model);
      WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
      gtk_menu_button_popdown (button);
      WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (popover)));

      /* Opened again, the same popover. */
      gtk_menu_button_popup (button);
      g_assert_true (gtk_menu_button_get_popover (button) == popover);
      gtk_menu_button_popdown (button);
    }
  g_assert_cmpint (g_menu_model_get_n_items (window->main_menu), >, 0);

  close_window (window);
}

static gboolean
recent_lists (VtWindow *window,
              GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  gboolean listed = FALSE;

  for (int i = 0; i < g_menu_model_get_n_items (G_MENU_MODEL (window->recent_menu)); i++)
    {
      g_autoptr(GVariant) target =
        g_menu_model_get_item_attribute_value (G_MENU_MODEL (window->recent_menu), i,
                                               G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);

      listed |= target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), uri) == 0;
    }

  return listed;
}

static void
test_recent_lists_opened (void)
{
  VtWindow *window = new_window_on_sample ();
  g_autoptr(GFile) sample = vt_test_sample_file ();

  WAIT_UNTIL (g_menu_model_get_n_items (G_MENU_MODEL (window->recent_menu)) > 0);
  g_assert_true (recent_lists (window, sample));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->recent_button)));

  close_window (window);
}

/* GTK's recent files are read once the window has painted its first
 * frame, which does not show them: a catalog opened before then is
 * remembered and listed from that moment. */
static void
test_recent_after_first_frame (void)
{
  g_autoptr(GFile) sample = vt_test_sample_file ();
  VtWindow *window;

  vt_test_reset_settings ();
  window = g_object_new (VT_TYPE_WINDOW, NULL);
  vt_window_open_file (window, sample);
  WAIT_UNTIL (!vt_window_get_loading (window));
  g_assert_false (window->recent_started);
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->recent_menu)), ==, 0);

  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (window->recent_started);
  g_assert_true (recent_lists (window, sample));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->recent_button)));

  close_window (window);
}

#define N_RESULT_FRAMES 8

typedef struct
{
  VtWindow       *window;
  GtkCheckButton *check;
  /* With the facet ticked, and not. */
  VtQuery        *references[2];
  guint           expected[2];
  guint           n_toggles;
  gboolean        waiting;
  /* Per toggle: whether the first frame that showed its result also
   * showed its counts. */
  gboolean        counted[N_RESULT_FRAMES];
} ResultFrames;

static gboolean
toggle_cb (gpointer user_data)
{
  ResultFrames *frames = user_data;

  gtk_check_button_set_active (frames->check, frames->n_toggles % 2 == 1);
  return G_SOURCE_REMOVE;
}

/* Each toggle a little after a frame, once the last one's counts are
 * shown, as a result from a worker lands: the next frame is the one
 * that shows it. */
static void
on_result_after_paint_cb (GdkFrameClock *clock,
                          ResultFrames  *frames)
{
  gboolean ticked = frames->n_toggles % 2 == 1;

  if (frames->waiting)
    {
      if (grid_n_items (frames->window) != frames->expected[ticked])
        return;
      frames->waiting = FALSE;
      frames->counted[frames->n_toggles - 1] = sidebar_counts_match (frames->window, frames->references[ticked],
                                                                     VT_FACET_DECADE);
      gtk_widget_queue_draw (GTK_WIDGET (frames->window));
      return;
    }
  if (frames->n_toggles == N_RESULT_FRAMES)
    return;
  if (frames->n_toggles > 0 && !sidebar_counts_match (frames->window, frames->references[ticked], VT_FACET_DECADE))
    {
      gtk_widget_queue_draw (GTK_WIDGET (frames->window));
      return;
    }

  frames->n_toggles++;
  frames->waiting = TRUE;
  g_timeout_add (4, toggle_cb, frames);
}

/* The frame that shows a facet's result does not also update the
 * sidebar's counts (the grid's cells are that frame's work): they come
 * in a frame after, and match the result. */
static void
test_facet_counts_after_result_frame (void)
{
  VtWindow *window = new_window_on_sample ();
  g_autoptr(VtQuery) all = vt_query_new ();
  g_autoptr(VtQuery) europe = vt_query_new ();
  g_autoptr(GArray) matching = NULL;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  ResultFrames frames = { window, NULL, { all, europe }, { grid_n_items (window), 0 }, 0, FALSE, { FALSE } };
  gulong handler;

  vt_query_set_facet_selected (europe, VT_FACET_REGION, "Europe", TRUE);
  matching = expected_numbers (window, europe);
  frames.expected[1] = matching->len;
  g_assert_cmpuint (frames.expected[1], >, 0);
  g_assert_cmpuint (frames.expected[1], <, frames.expected[0]);
  WAIT_UNTIL (vt_facet_sidebar_get_check (VT_FACET_SIDEBAR (window->sidebar), VT_FACET_REGION, "Europe") != NULL);
  frames.check = vt_facet_sidebar_get_check (VT_FACET_SIDEBAR (window->sidebar), VT_FACET_REGION, "Europe");

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_result_after_paint_cb), &frames);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  WAIT_UNTIL (frames.n_toggles == N_RESULT_FRAMES && !frames.waiting);
  for (guint i = 0; i < N_RESULT_FRAMES; i++)
    g_assert_false (frames.counted[i]);
  WAIT_UNTIL (sidebar_counts_match (window, all, VT_FACET_DECADE));
  g_signal_handler_disconnect (clock, handler);

  close_window (window);
}

static VtWindow *
app_window (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (VT_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* `vitrine FILE` opens FILE; `vitrine` alone opens the catalog open last. */
static void
test_application_open_then_reopen_last (void)
{
  g_autoptr(GFile) sample = vt_test_sample_file ();
  g_autofree char *contents = NULL;
  g_autoptr(GFile) last = NULL;
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *saved = NULL;
  g_autofree char *last_uri = NULL;
  g_autoptr(GError) error = NULL;
  VtWindow *window;

  g_assert_true (g_file_load_contents (sample, NULL, &contents, NULL, NULL, NULL));
  last = write_file ("last.json", contents);
  last_uri = g_file_get_uri (last);

  vt_test_reset_settings ();
  app = g_object_new (VT_TYPE_APPLICATION,
                      "application-id", "io.github.vitrine.Vitrine.Test",
                      "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/vitrine/Vitrine",
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* The start sets the thumbnails' memory bound from the setting, and
   * follows the setting when it changes. */
  g_assert_cmpuint (vt_thumbnailer_get_memory_limit (vt_thumbnailer_get_default ()), ==,
                    (gsize) g_settings_get_int (settings, "thumbnail-memory") * 1024 * 1024);
  g_settings_set_int (settings, "thumbnail-memory", 300);
  WAIT_UNTIL (vt_thumbnailer_get_memory_limit (vt_thumbnailer_get_default ()) == (gsize) 300 * 1024 * 1024);
  g_settings_reset (settings, "thumbnail-memory");

  g_application_open (G_APPLICATION (app), &last, 1, "");
  WAIT_UNTIL ((window = app_window (app)) != NULL && vt_window_get_file (window) != NULL);
  g_assert_true (g_file_equal (vt_window_get_file (window), last));
  saved = g_settings_get_string (settings, "last-catalog");
  g_assert_cmpstr (saved, ==, last_uri);
  close_window (window);
  g_assert_null (app_window (app));

  /* The next start without a file. */
  g_application_activate (G_APPLICATION (app));
  WAIT_UNTIL ((window = app_window (app)) != NULL && vt_window_get_file (window) != NULL);
  g_assert_true (g_file_equal (vt_window_get_file (window), last));
  close_window (window);

  /* And when that file is gone, the sample. */
  g_assert_true (g_file_delete (last, NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  WAIT_UNTIL ((window = app_window (app)) != NULL && vt_window_get_file (window) != NULL);
  g_assert_true (g_file_equal (vt_window_get_file (window), sample));
  close_window (window);
}

static void
delete_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
    delete_tree (child);
  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("vitrine-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  /* Recent files and thumbnails go to a place of the test's own. */
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp_dir, TRUE);
  /* GTK's accessibility backend for tests: the names given to assistive
   * technologies can be checked. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return 0;
    }

  g_test_add_func ("/window/open/sample-shows-all", test_open_sample_shows_all);
  g_test_add_func ("/window/search/narrows", test_search_narrows);
  g_test_add_func ("/window/search/worker-same-as-at-once", test_search_worker_same_as_at_once);
  g_test_add_func ("/window/facets/each-narrows", test_facets_narrow);
  g_test_add_func ("/window/ranges/each-narrows", test_ranges_narrow);
  g_test_add_func ("/window/sort/each-key", test_sort_keys);
  g_test_add_func ("/window/detail/opens-on-activate", test_detail_opens_on_activate);
  g_test_add_func ("/window/errors/broken-keeps-previous", test_broken_catalog_keeps_previous);
  g_test_add_func ("/window/errors/missing-first", test_broken_first_catalog_shows_welcome);
  g_test_add_func ("/window/reload/keeps-filters", test_reload_keeps_filters);
  g_test_add_func ("/window/settings/restored", test_settings_restored);
  g_test_add_func ("/window/zoom/resizes-tiles", test_zoom_resizes_tiles);
  g_test_add_func ("/window/shortcuts/shown-and-reused", test_shortcuts_window);
  g_test_add_func ("/window/tiles/placeholder-with-reason", test_tile_placeholder_with_reason);
  g_test_add_func ("/window/tiles/thumbnail-ground", test_tile_thumbnail_ground);
  g_test_add_func ("/window/outside-images/shown", test_outside_images_shown);
  g_test_add_func ("/window/outside-images/kept-hidden", test_outside_images_kept_hidden);
  g_test_add_func ("/window/recent/lists-opened", test_recent_lists_opened);
  g_test_add_func ("/window/recent/after-first-frame", test_recent_after_first_frame);
  g_test_add_func ("/window/menus/built-when-opened", test_menus_built_when_opened);
  g_test_add_func ("/window/facets/long-list-capped", test_long_facet_is_capped);
  g_test_add_func ("/window/facets/counts-after-result-frame", test_facet_counts_after_result_frame);
  g_test_add_func ("/application/open-then-reopen-last", test_application_open_then_reopen_last);

  status = g_test_run ();

  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);

    delete_tree (dir);
  }

  return status;
}
