/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline view of the main window: its pieces, cards, keys, detail window, show and zoom. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-detail-window.h"
#include "vt-show.h"
#include "vt-timeline-private.h"
#include "vt-test-ui.h"
#include "vt-test-util.h"
#include "vt-window-private.h"

static GListModel *
timeline_model (VtWindow *window)
{
  return vt_timeline_get_model (window->timeline);
}

static void
close_window (VtWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

static void
show_timeline (VtWindow *window)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "view", g_variant_new_string ("timeline"));
}

/* @file, opened in a window that shows its timeline, laid out. */
static VtWindow *
new_timeline_on (GFile *file)
{
  VtWindow *window;

  vt_test_reset_settings ();
  window = g_object_new (VT_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  show_timeline (window);
  vt_window_open_file (window, file);
  WAIT_UNTIL (!vt_window_get_loading (window) && vt_window_get_file (window) != NULL);
  WAIT_UNTIL (vt_timeline_get_layout (window->timeline) != NULL
              && vt_timeline_layout_get_n_slots (vt_timeline_get_layout (window->timeline)) > 0
              && gtk_widget_get_mapped (GTK_WIDGET (window->timeline)));

  return window;
}

static VtWindow *
new_timeline_on_sample (void)
{
  g_autoptr(GFile) sample = vt_test_sample_file ();

  return new_timeline_on (sample);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      sorter)
{
  return vt_sorter_compare (sorter, *(VtItem **) a, *(VtItem **) b);
}

/* The pieces the grid shows that have a year, as numbers sorted by year then number. */
static GArray *
expected_numbers (VtWindow *window)
{
  g_autoptr(VtSorter) by_year = vt_sorter_new (VT_SORT_YEAR, FALSE);
  GListModel *shown = G_LIST_MODEL (window->sort_model);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      VtItem *item = g_list_model_get_item (shown, i);

      if (vt_item_get_year (item) != 0)
        g_ptr_array_add (items, item);
      else
        g_object_unref (item);
    }
  g_ptr_array_sort_with_data (items, compare_items, by_year);
  for (guint i = 0; i < items->len; i++)
    {
      guint number = vt_item_get_number (g_ptr_array_index (items, i));

      g_array_append_val (numbers, number);
    }

  return numbers;
}

static void
assert_timeline_holds_expected (VtWindow *window)
{
  g_autoptr(GArray) expected = expected_numbers (window);
  GListModel *model = timeline_model (window);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (model, i);

      g_assert_cmpuint (vt_item_get_number (item), ==, g_array_index (expected, guint, i));
    }
}

/* The search and the filters change what the timeline holds, the sort
 * does not; clearing brings every piece back. */
static void
test_holds_filtered_pieces (void)
{
  VtWindow *window = new_timeline_on_sample ();
  guint all = g_list_model_get_n_items (timeline_model (window));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "timeline");
  g_assert_cmpuint (all, >, 0);
  assert_timeline_holds_expected (window);

  vt_query_set_search (window->query, "revolution");
  WAIT_UNTIL (g_list_model_get_n_items (timeline_model (window)) < all);
  g_assert_cmpuint (g_list_model_get_n_items (timeline_model (window)), >, 0);
  assert_timeline_holds_expected (window);

  vt_query_set_search (window->query, NULL);
  vt_query_set_facet_selected (window->query, VT_FACET_DECADE, "1910s", TRUE);
  WAIT_UNTIL (g_list_model_get_n_items (timeline_model (window)) < all);
  assert_timeline_holds_expected (window);
  for (guint i = 0; i < g_list_model_get_n_items (timeline_model (window)); i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (timeline_model (window), i);

      g_assert_cmpint (vt_item_get_year (item) / 10, ==, 191);
    }

  g_action_group_activate_action (G_ACTION_GROUP (window), "sort-key", g_variant_new_string ("impact"));
  assert_timeline_holds_expected (window);

  g_action_group_activate_action (G_ACTION_GROUP (window), "clear-filters", NULL);
  WAIT_UNTIL (g_list_model_get_n_items (timeline_model (window)) == all);
  assert_timeline_holds_expected (window);

  close_window (window);
}

static int
year_at (VtWindow *window,
         guint     position)
{
  g_autoptr(VtItem) item = g_list_model_get_item (timeline_model (window), position);

  return vt_item_get_year (item);
}

/* Pieces without a year are not on the timeline, and it says how many. */
static void
test_undated_counted (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-test-undated-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "undated.vitrine.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VtWindow *window;

  vt_test_write_file (path,
                      "{ \"format\": \"vitrine-catalog\", \"version\": 1,\n"
                      "  \"collection\": { \"name\": \"Undated\", \"total\": 3 },\n"
                      "  \"items\": [\n"
                      "    { \"number\": 1, \"title\": \"1950 - Later\", \"year\": 1950 },\n"
                      "    { \"number\": 2, \"title\": \"Some time\" },\n"
                      "    { \"number\": 3, \"title\": \"1914 - Earlier\", \"year\": 1914 } ] }\n", -1);

  vt_test_reset_settings ();
  window = g_object_new (VT_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  show_timeline (window);
  vt_window_open_file (window, file);
  WAIT_UNTIL (!vt_window_get_loading (window) && vt_window_get_file (window) != NULL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->sort_model)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (timeline_model (window)), ==, 2);
  g_assert_cmpint (year_at (window, 0), ==, 1914);
  g_assert_cmpint (year_at (window, 1), ==, 1950);
  g_assert_cmpuint (vt_timeline_get_n_undated (window->timeline), ==, 1);

  /* Only the undated piece left: the timeline still shows, to say so. */
  vt_query_set_search (window->query, "some time");
  WAIT_UNTIL (g_list_model_get_n_items (timeline_model (window)) == 0);
  g_assert_cmpuint (vt_timeline_get_n_undated (window->timeline), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "timeline");

  vt_query_set_search (window->query, "later");
  WAIT_UNTIL (g_list_model_get_n_items (timeline_model (window)) == 1);
  g_assert_cmpuint (vt_timeline_get_n_undated (window->timeline), ==, 0);

  close_window (window);
  vt_test_remove_tree (dir);
}

/* Each card is over its year; a later piece is never left of an earlier one. */
static void
test_cards_follow_years (void)
{
  VtWindow *window = new_timeline_on_sample ();
  const VtTimelineLayout *layout = vt_timeline_get_layout (window->timeline);
  GListModel *model = timeline_model (window);
  double previous = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (model, i);
      VtTimelineRect card = vt_timeline_layout_get_card (layout, i);
      const VtTimelineSlot *slot = vt_timeline_layout_get_slot (layout, vt_timeline_layout_find_slot (layout, i));
      double center = card.x + card.width / 2;
      int year = vt_item_get_year (item);

      g_assert_cmpint (year, >=, slot->first_year);
      g_assert_cmpint (year, <, slot->first_year + vt_timeline_layout_get_years_per_slot (layout));
      g_assert_cmpfloat (center, >=, vt_timeline_layout_year_to_x (layout, slot->first_year));
      g_assert_cmpfloat (center, <, vt_timeline_layout_year_to_x (layout, slot->first_year
                                                                  + vt_timeline_layout_get_years_per_slot (layout)));
      g_assert_cmpfloat (center, >=, previous);
      previous = center;
    }

  /* The widest zoom shows the whole span. */
  g_assert_cmpfloat (vt_timeline_layout_get_width (layout), <=,
                     gtk_widget_get_width (GTK_WIDGET (window->timeline)) + 1);

  close_window (window);
}

/* A narrow window at the widest zoom: the crowded years are clusters
 * that count their pieces, and the count of every slot adds up. */
static void
test_clusters_count (void)
{
  VtWindow *window = new_timeline_on_sample ();
  const VtTimelineLayout *layout;
  guint total = 0, clusters = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 420);
  gtk_window_unmaximize (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_height (GTK_WIDGET (window->timeline)) < 420);
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
  layout = vt_timeline_get_layout (window->timeline);

  for (guint s = 0; s < vt_timeline_layout_get_n_slots (layout); s++)
    {
      const VtTimelineSlot *slot = vt_timeline_layout_get_slot (layout, s);

      total += slot->n_pieces;
      clusters += slot->cluster;
      if (slot->cluster)
        {
          for (guint i = slot->first; i < slot->first + slot->n_pieces; i++)
            {
              g_autoptr(VtItem) top = g_list_model_get_item (timeline_model (window), slot->top);
              g_autoptr(VtItem) item = g_list_model_get_item (timeline_model (window), i);

              g_assert_cmpint (vt_item_get_impact (item), <=, vt_item_get_impact (top));
            }
        }
    }
  g_assert_cmpuint (total, ==, g_list_model_get_n_items (timeline_model (window)));
  g_assert_cmpuint (clusters, >, 0);

  /* Zoomed in all the way, slots are single years. */
  vt_timeline_set_zoom (window->timeline, 1);
  layout = vt_timeline_get_layout (window->timeline);
  g_assert_cmpint (vt_timeline_layout_get_years_per_slot (layout), ==, 1);

  close_window (window);
}

static void
step (VtWindow   *window,
      const char *action,
      GVariant   *parameter)
{
  /* GTK 4.8 does not sink a floating parameter. */
  g_autoptr(GVariant) owned = parameter != NULL ? g_variant_ref_sink (parameter) : NULL;

  gtk_widget_activate_action_variant (GTK_WIDGET (window->timeline), action, owned);
}


/* Right and Left walk time, Up and Down stay in a year's stack, Home
 * and End reach the ends; the focused card is always in view. */
static void
test_keyboard_time_order (void)
{
  VtWindow *window = new_timeline_on_sample ();
  guint n = g_list_model_get_n_items (timeline_model (window));
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (window->timeline));

  /* Close enough that the wall scrolls. */
  vt_timeline_set_zoom (window->timeline, 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));

  gtk_widget_grab_focus (GTK_WIDGET (window->timeline));
  /* The first key lands on the first piece, when none was focused before. */
  step (window, "timeline.step", g_variant_new_int32 (1));
  g_assert_cmpuint (vt_timeline_get_position (window->timeline), ==, 0);

  for (guint i = 1; i < n; i++)
    {
      const VtTimelineLayout *layout = vt_timeline_get_layout (window->timeline);
      VtTimelineRect card;

      step (window, "timeline.step", g_variant_new_int32 (1));
      g_assert_cmpuint (vt_timeline_get_position (window->timeline), ==, i);
      g_assert_cmpint (year_at (window, i), >=, year_at (window, i - 1));

      card = vt_timeline_layout_get_card (layout, i);
      g_assert_cmpfloat (card.x, >=, gtk_adjustment_get_value (adjustment));
      g_assert_cmpfloat (card.x + card.width, <=,
                         gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
    }
  step (window, "timeline.step", g_variant_new_int32 (1));
  g_assert_cmpuint (vt_timeline_get_position (window->timeline), ==, n - 1);

  step (window, "timeline.ends", g_variant_new_boolean (FALSE));
  g_assert_cmpuint (vt_timeline_get_position (window->timeline), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  step (window, "timeline.step", g_variant_new_int32 (-1));
  g_assert_cmpuint (vt_timeline_get_position (window->timeline), ==, 0);
  step (window, "timeline.ends", g_variant_new_boolean (TRUE));
  g_assert_cmpuint (vt_timeline_get_position (window->timeline), ==, n - 1);

  /* Up and Down: within one year, never into the next. */
  for (guint i = 0; i + 1 < n; i++)
    if (year_at (window, i) == year_at (window, i + 1))
      {
        int year = year_at (window, i);

        vt_timeline_set_position (window->timeline, i);
        step (window, "timeline.stack", g_variant_new_int32 (1));
        g_assert_cmpuint (vt_timeline_get_position (window->timeline), ==, i + 1);
        step (window, "timeline.stack", g_variant_new_int32 (-1));
        g_assert_cmpuint (vt_timeline_get_position (window->timeline), ==, i);
        while (vt_timeline_get_position (window->timeline) > 0
               && year_at (window, vt_timeline_get_position (window->timeline) - 1) == year)
          step (window, "timeline.stack", g_variant_new_int32 (-1));
        step (window, "timeline.stack", g_variant_new_int32 (-1));
        g_assert_cmpint (year_at (window, vt_timeline_get_position (window->timeline)), ==, year);
        break;
      }

  close_window (window);
}

/* Enter opens the focused piece; the detail window's next is the next in time. */
static void
test_enter_opens_detail (void)
{
  VtWindow *window = new_timeline_on_sample ();
  g_autoptr(VtItem) fifth = g_list_model_get_item (timeline_model (window), 5);
  g_autoptr(VtItem) sixth = g_list_model_get_item (timeline_model (window), 6);
  VtDetailWindow *detail;

  /* The grid's order is another: by impact. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "sort-key", g_variant_new_string ("impact"));

  vt_timeline_set_position (window->timeline, 5);
  step (window, "timeline.activate", NULL);
  g_assert_nonnull (window->detail_window);
  detail = VT_DETAIL_WINDOW (window->detail_window);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (detail)));
  g_assert_true (vt_detail_window_get_item (detail) == fifth);

  gtk_widget_activate_action (GTK_WIDGET (detail), "detail.next", NULL);
  g_assert_true (vt_detail_window_get_item (detail) == sixth);

  /* Closed, the timeline focuses the piece looked at last. */
  gtk_window_close (GTK_WINDOW (detail));
  g_assert_cmpuint (vt_timeline_get_position (window->timeline), ==, 6);

  /* Open when the view changes, it closes: it walks the timeline's order. */
  step (window, "timeline.activate", NULL);
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (detail)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "view", g_variant_new_string ("grid"));
  WAIT_UNTIL (window->detail_window == NULL || !gtk_widget_get_visible (GTK_WIDGET (window->detail_window)));

  /* Opened from the grid, it follows the grid's order again. */
  _vt_window_show_detail (window, 0);
  {
    g_autoptr(VtItem) first = g_list_model_get_item (G_LIST_MODEL (window->sort_model), 0);

    g_assert_true (vt_detail_window_get_item (VT_DETAIL_WINDOW (window->detail_window)) == first);
  }

  close_window (window);
}

/* Presenting from the timeline shows its pieces in time order, from the focused one. */
static void
test_present_in_time_order (void)
{
  VtWindow *window = new_timeline_on_sample ();
  VtShow *show;

  g_action_group_activate_action (G_ACTION_GROUP (window), "sort-key", g_variant_new_string ("impact"));
  vt_timeline_set_position (window->timeline, 3);
  g_action_group_activate_action (G_ACTION_GROUP (window), "present", NULL);
  show = vt_window_get_show (window);
  g_assert_nonnull (show);
  g_assert_true (vt_show_get_model (show) == timeline_model (window));
  g_assert_cmpuint (vt_show_get_position (show), ==, 3);
  vt_show_end (show);
  g_assert_null (vt_window_get_show (window));

  close_window (window);
}

/* The view chosen is the one the next window shows. */
static void
test_view_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  VtWindow *window;

  vt_test_reset_settings ();
  window = g_object_new (VT_TYPE_WINDOW, NULL);
  g_assert_false (_vt_window_timeline_shown (window));
  g_assert_true (gtk_toggle_button_get_active (window->grid_view_button));
  show_timeline (window);
  g_assert_true (gtk_toggle_button_get_active (window->timeline_view_button));
  g_assert_false (gtk_toggle_button_get_active (window->grid_view_button));
  close_window (window);

  {
    g_autofree char *view = g_settings_get_string (settings, "view");

    g_assert_cmpstr (view, ==, "timeline");
  }

  window = g_object_new (VT_TYPE_WINDOW, NULL);
  g_assert_true (_vt_window_timeline_shown (window));
  g_assert_true (gtk_toggle_button_get_active (window->timeline_view_button));
  g_action_group_activate_action (G_ACTION_GROUP (window), "view", g_variant_new_string ("grid"));
  g_assert_false (_vt_window_timeline_shown (window));
  close_window (window);
}

/* Zooming keeps the focused piece where it is on the screen. */
static void
test_zoom_keeps_piece (void)
{
  VtWindow *window = new_timeline_on_sample ();
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (window->timeline));
  guint position = g_list_model_get_n_items (timeline_model (window)) / 2;
  double before, after;
  VtTimelineRect card;

  vt_timeline_set_zoom (window->timeline, 0.5);
  vt_timeline_set_position (window->timeline, position);
  card = vt_timeline_layout_get_card (vt_timeline_get_layout (window->timeline), position);
  before = card.x + card.width / 2 - gtk_adjustment_get_value (adjustment);

  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-in", NULL);
  g_assert_cmpfloat (vt_timeline_get_zoom (window->timeline), >, 0.5);
  card = vt_timeline_layout_get_card (vt_timeline_get_layout (window->timeline), position);
  after = card.x + card.width / 2 - gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat_with_epsilon (after, before, VT_TIMELINE_GAP);

  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-reset", NULL);
  g_assert_cmpfloat (vt_timeline_get_zoom (window->timeline), ==, 0);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "zoom-out"));

  close_window (window);
}

/* Thumbnails are asked for the cards in view and near it, not for the
 * whole wall, at the start of the wall and at its end. */
static void
test_thumbnails_near_view (void)
{
  VtWindow *window = new_timeline_on_sample ();
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (window->timeline));
  guint n = g_list_model_get_n_items (timeline_model (window));

  vt_timeline_set_zoom (window->timeline, 1);
  gtk_adjustment_set_value (adjustment, 0);
  WAIT_UNTIL (vt_timeline_get_n_textures (window->timeline) > 0
              && vt_timeline_get_n_requests (window->timeline) == 0);
  g_assert_cmpuint (vt_timeline_get_n_textures (window->timeline), <, n / 2);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
  WAIT_UNTIL (vt_timeline_get_n_requests (window->timeline) == 0);
  g_assert_cmpuint (vt_timeline_get_n_textures (window->timeline), <, n);

  close_window (window);
}

/* A piece whose image is missing shows the grid's sign of it on its
 * card, not an empty card that looks as if its picture were coming. */
static void
test_missing_image_shown (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-timeline-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) sample = vt_test_sample_file ();
  VtWindow *window;

  vt_test_write_file (path,
                      "{ \"format\": \"vitrine-catalog\", \"version\": 1,\n"
                      "  \"collection\": { \"name\": \"Missing\" },\n"
                      "  \"items\": [ { \"number\": 1, \"title\": \"1901 - One\", \"year\": 1901,\n"
                      "                 \"image\": \"images/nowhere.jpg\" },\n"
                      "               { \"number\": 2, \"title\": \"1950 - Two\", \"year\": 1950 } ] }\n",
                      -1);
  window = new_timeline_on (file);
  g_assert_cmpuint (g_list_model_get_n_items (timeline_model (window)), ==, 2);
  /* The image that failed, once it has been looked for, and the one
   * never named. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (timeline_model (window), i);

      WAIT_UNTIL (_vt_timeline_shows_missing (window->timeline, item));
    }
  vt_window_open_file (window, sample);
  WAIT_UNTIL (!vt_window_get_loading (window) && g_file_equal (vt_window_get_file (window), sample));
  WAIT_UNTIL (g_list_model_get_n_items (timeline_model (window)) > 0);
  for (guint i = 0; i < g_list_model_get_n_items (timeline_model (window)); i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (timeline_model (window), i);

      g_assert_false (_vt_timeline_shows_missing (window->timeline, item));
    }

  close_window (window);
  vt_test_remove_tree (dir);
}

/* The border nodes of @node's tree drawn as discs @size across: the
 * grounds of the problem marks. */
static guint
count_discs (GskRenderNode *node,
             float          size)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_BORDER_NODE:
      {
        const GskRoundedRect *outline = gsk_border_node_get_outline (node);

        return outline->bounds.size.width == size && outline->bounds.size.height == size
               && outline->corner[0].width == size / 2;
      }
    case GSK_CONTAINER_NODE:
      {
        guint n = 0;

        for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
          n += count_discs (gsk_container_node_get_child (node, i), size);
        return n;
      }
    case GSK_TRANSFORM_NODE:
      return count_discs (gsk_transform_node_get_child (node), size);
    case GSK_CLIP_NODE:
      return count_discs (gsk_clip_node_get_child (node), size);
    default:
      return 0;
    }
}

/* How many problem marks the timeline draws now, once what was queued
 * has run. Its layout follows its pieces at once, not at the next frame,
 * so no frame is waited for: with other tests' windows on the same X
 * server, this window's frames once stopped coming for good after
 * curator mode was switched on. Its zoom control, which a frame would
 * lay out first, is left out. */
static guint
count_problem_marks (VtWindow *window)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
  _vt_timeline_snapshot_wall (window->timeline, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return count_discs (node, 24);
}

static void
set_curating (VtWindow *window,
              gboolean  curating)
{
  g_action_group_change_action_state (G_ACTION_GROUP (window), "curator-mode",
                                      g_variant_new_boolean (curating));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

/* Sets @field of @item to @value as one edit; once the catalog has no
 * problem left, how many problem marks the timeline draws. */
static guint
marks_once_mended (VtWindow *window,
                   VtItem   *item,
                   VtField   field,
                   JsonNode *value)
{
  g_autoptr(VtEdit) edit = vt_edit_new_set (item, field, value);
  g_autoptr(GError) error = NULL;

  g_assert_true (vt_catalog_apply_edit (window->catalog, edit, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (g_list_model_get_n_items (vt_catalog_get_problems (window->catalog)) == 0);
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
  return count_problem_marks (window);
}

/* Writes grey.png, a grey picture of 64 px, into @dir. */
static void
write_grey_image (const char *dir)
{
  g_autofree char *image = g_build_filename (dir, "grey.png", NULL);
  g_autoptr(GdkPixbuf) pixels = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 64);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixels, 0x808080ff);
  g_assert_true (gdk_pixbuf_save (pixels, image, "png", &error, NULL));
  g_assert_no_error (error);
}

/* Curating, a card whose piece has a problem shows the grid's mark, and
 * its name says the problem; browsing, neither. The mark follows the
 * problem when an edit mends it. */
static void
test_problem_marks (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-timeline-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "problems.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = NULL;
  g_autoptr(VtItem) first = NULL;
  g_autoptr(VtItem) second = NULL;
  g_autoptr(JsonNode) value = NULL;
  VtWindow *window;

  write_grey_image (dir);
  vt_test_write_file (path,
                      "{ \"format\": \"vitrine-catalog\", \"version\": 1,\n"
                      "  \"collection\": { \"name\": \"Problems\", \"total\": 2 },\n"
                      "  \"items\": [ { \"number\": 1, \"title\": \"1901 - One\", \"year\": 1901,\n"
                      "                 \"impact\": 11, \"image\": \"grey.png\" },\n"
                      "               { \"number\": 2, \"title\": \"1950 - Two\", \"year\": 1950,\n"
                      "                 \"impact\": 5, \"image\": \"grey.png\" } ] }\n",
                      -1);
  window = new_timeline_on (file);
  vt_timeline_set_zoom (window->timeline, 1);
  vt_timeline_set_position (window->timeline, 0);
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
  first = g_list_model_get_item (timeline_model (window), 0);
  second = g_list_model_get_item (timeline_model (window), 1);
  g_assert_nonnull (vt_item_get_problem (first));
  g_assert_null (vt_item_get_problem (second));

  /* Browsing: the collection as visitors see it. */
  g_assert_cmpuint (count_problem_marks (window), ==, 0);
  name = vt_timeline_dup_card_name (window->timeline, 0);
  g_assert_null (strstr (name, "problem"));
  g_clear_pointer (&name, g_free);

  set_curating (window, TRUE);
  g_assert_cmpuint (count_problem_marks (window), ==, 1);
  name = vt_timeline_dup_card_name (window->timeline, 0);
  g_assert_nonnull (strstr (name, "problem: "));
  g_assert_nonnull (strstr (name, "outside 1-10"));
  g_clear_pointer (&name, g_free);
  name = vt_timeline_dup_card_name (window->timeline, 1);
  g_assert_null (strstr (name, "problem"));
  g_clear_pointer (&name, g_free);

  /* Mended, the mark goes. */
  value = json_node_init_int (json_node_alloc (), 7);
  g_assert_cmpuint (marks_once_mended (window, first, VT_FIELD_IMPACT, value), ==, 0);

  set_curating (window, FALSE);
  close_window (window);
  vt_test_remove_tree (dir);
}

/* A pile's mark stands for all its pieces: curating, a pile shows it
 * when any of them has a problem, though the piece on top has none. */
static void
test_pile_problem_marks (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-timeline-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "pile.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"vitrine-catalog\", \"version\": 1,\n"
                                          "  \"collection\": { \"name\": \"Pile\", \"total\": 101 },\n"
                                          "  \"items\": [ { \"number\": 101, \"title\": \"1901 - Alone\", "
                                          "\"year\": 1901, \"impact\": 5, \"image\": \"grey.png\" }");
  g_autoptr(VtItem) lacking = NULL;
  g_autofree char *name = NULL;
  g_autoptr(JsonNode) value = NULL;
  const VtTimelineLayout *layout;
  const VtTimelineSlot *slot = NULL;
  GListModel *model;
  VtWindow *window;
  guint position = G_MAXUINT;
  guint top;

  write_grey_image (dir);
  /* A hundred pieces of one year, more than its column holds: the
   * first of highest impact; the last names no image, its problem. */
  for (guint i = 1; i <= 100; i++)
    g_string_append_printf (json, ",\n    { \"number\": %u, \"title\": \"1950 - Piece %u\", \"year\": 1950, "
                                  "\"impact\": %d%s }",
                            i, i, i == 1 ? 9 : 3, i < 100 ? ", \"image\": \"grey.png\"" : "");
  g_string_append (json, " ] }\n");
  vt_test_write_file (path, json->str, -1);

  window = new_timeline_on (file);
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
  model = timeline_model (window);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (model, i);

      if (vt_item_get_problem (item) != NULL)
        {
          g_assert_cmpuint (position, ==, G_MAXUINT);
          position = i;
          lacking = g_steal_pointer (&item);
        }
    }
  g_assert_nonnull (lacking);
  layout = vt_timeline_get_layout (window->timeline);
  slot = vt_timeline_layout_get_slot (layout, vt_timeline_layout_find_slot (layout, position));
  g_assert_true (slot->cluster);
  g_assert_cmpuint (slot->n_pieces, ==, 100);
  g_assert_cmpuint (slot->top, !=, position);
  /* The layout is made again when the pieces change: its slots with it. */
  top = slot->top;
  slot = NULL;

  /* A screen reader says the pile, and while curating its problems,
   * of any piece on it. */
  name = vt_timeline_dup_card_name (window->timeline, top);
  vt_test_assert_contains (name, ", in a pile of 100 pieces");
  g_assert_null (strstr (name, "problem"));
  g_clear_pointer (&name, g_free);
  g_assert_cmpuint (count_problem_marks (window), ==, 0);

  set_curating (window, TRUE);
  g_assert_cmpuint (count_problem_marks (window), ==, 1);
  name = vt_timeline_dup_card_name (window->timeline, top);
  vt_test_assert_contains (name, ", in a pile of 100 pieces, 1 of them with a problem");
  g_clear_pointer (&name, g_free);
  vt_timeline_set_position (window->timeline, position);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (window->timeline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       (name = vt_timeline_dup_card_name (window->timeline, position)));
  vt_test_assert_contains (name, "problem: ");
  vt_test_assert_contains (name, "1 of them with a problem");
  g_clear_pointer (&name, g_free);

  /* Mended, the pile's mark goes. */
  value = json_node_init_string (json_node_alloc (), "grey.png");
  g_assert_cmpuint (marks_once_mended (window, lacking, VT_FIELD_IMAGE, value), ==, 0);
  name = vt_timeline_dup_card_name (window->timeline, top);
  g_assert_null (strstr (name, "problem"));
  g_clear_pointer (&name, g_free);

  set_curating (window, FALSE);
  close_window (window);
  vt_test_remove_tree (dir);
}

/* Every card has a name; the focused card's is the timeline's, and the
 * axis is described. */
static void
test_accessible_names (void)
{
  VtWindow *window = new_timeline_on_sample ();
  GListModel *model = timeline_model (window);
  guint n = g_list_model_get_n_items (model);
  g_autofree char *description = vt_timeline_dup_description (window->timeline);
  g_autofree char *expected = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (model, i);
      g_autofree char *name = vt_timeline_dup_card_name (window->timeline, i);
      g_autofree char *year = g_strdup_printf ("%d", vt_item_get_year (item));

      vt_test_assert_contains (name, vt_item_get_title (item));
      vt_test_assert_contains (name, year);
    }

  expected = g_strdup_printf ("%d to %d, %u pieces", year_at (window, 0) / 10 * 10,
                              year_at (window, n - 1) / 10 * 10 + 9, n);
  g_assert_cmpstr (description, ==, expected);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (window->timeline),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);

  vt_timeline_set_position (window->timeline, 2);
  {
    g_autofree char *name = vt_timeline_dup_card_name (window->timeline, 2);

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (window->timeline),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  }

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = g_dir_make_tmp ("vitrine-test-timeline-XXXXXX", &error);
  int status;

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp_dir, TRUE);
  /* GTK's accessibility context that tests can read, and no bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return 0;
    }

  g_test_add_func ("/timeline/model/holds-filtered-pieces", test_holds_filtered_pieces);
  g_test_add_func ("/timeline/model/undated-counted", test_undated_counted);
  g_test_add_func ("/timeline/layout/cards-follow-years", test_cards_follow_years);
  g_test_add_func ("/timeline/layout/clusters-count", test_clusters_count);
  g_test_add_func ("/timeline/keyboard/time-order", test_keyboard_time_order);
  g_test_add_func ("/timeline/detail/enter-opens-next-in-time", test_enter_opens_detail);
  g_test_add_func ("/timeline/present/time-order", test_present_in_time_order);
  g_test_add_func ("/timeline/view/remembered", test_view_remembered);
  g_test_add_func ("/timeline/zoom/keeps-piece", test_zoom_keeps_piece);
  g_test_add_func ("/timeline/thumbnails/near-view-only", test_thumbnails_near_view);
  g_test_add_func ("/timeline/thumbnails/missing-shown", test_missing_image_shown);
  g_test_add_func ("/timeline/a11y/names", test_accessible_names);
  g_test_add_func ("/timeline/problems/marked-when-curating", test_problem_marks);
  g_test_add_func ("/timeline/problems/pile-marked", test_pile_problem_marks);

  status = g_test_run ();
  vt_test_remove_tree (tmp_dir);
  return status;
}
