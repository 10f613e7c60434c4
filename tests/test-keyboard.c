/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window with the keyboard alone: from the search to the pieces, Tab and F6, sorting, chips, back from a piece. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-application.h"
#include "vt-detail-window.h"
#include "vt-price.h"
#include "vt-test-ui.h"
#include "vt-test-util.h"
#include "vt-tile.h"
#include "vt-window-private.h"



static VtWindow *
new_window_on_sample (void)
{
  g_autoptr(GFile) sample = vt_test_sample_file ();
  VtWindow *window;
  GtkGridView *grid;

  vt_test_reset_settings ();
  window = g_object_new (VT_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  vt_window_open_file (window, sample);
  WAIT_UNTIL (!vt_window_get_loading (window));
  grid = vt_gallery_view_get_grid_view (window->gallery);
  WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (grid)))
              == g_list_model_get_n_items (G_LIST_MODEL (window->sort_model)));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (grid)));

  return window;
}

static void
close_window (VtWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

static GtkWidget *
focus_of (VtWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_in (VtWindow  *window,
          GtkWidget *region)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == region || gtk_widget_is_ancestor (focus, region));
}

/* The piece whose cell has the focus, or NULL. */
static VtItem *
focused_item (VtWindow *window)
{
  GtkWidget *focus = focus_of (window);
  GtkWidget *child;

  if (focus == NULL)
    return NULL;
  for (child = gtk_widget_get_first_child (focus); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (VT_IS_TILE (child))
      return vt_tile_get_item (VT_TILE (child));

  return NULL;
}

static VtItem *
item_at (VtWindow *window,
         guint     position)
{
  g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (window->sort_model), position);

  return item;
}

/* Presses @keyval on @widget as its key controllers see it. */
static gboolean
press (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      if (handled)
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
grid (VtWindow *window)
{
  return GTK_WIDGET (vt_gallery_view_get_grid_view (window->gallery));
}

static void
search_for (VtWindow   *window,
            const char *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (window->search_entry));
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), text);
  WAIT_UNTIL (g_strcmp0 (vt_query_get_search (window->query), text) == 0);
}

/* Enter and Down in the search go to the first piece found, selected. */
static void
test_search_to_first_result (void)
{
  VtWindow *window = new_window_on_sample ();
  GtkSingleSelection *selection = vt_gallery_view_get_selection (window->gallery);

  search_for (window, "war");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->sort_model)), >, 1);
  g_signal_emit_by_name (window->search_entry, "activate");
  WAIT_UNTIL (focused_item (window) != NULL);
  g_assert_true (focused_item (window) == item_at (window, 0));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  gtk_single_selection_set_selected (selection, 2);
  gtk_widget_grab_focus (GTK_WIDGET (window->search_entry));
  g_assert_true (press (GTK_WIDGET (window->search_entry), GDK_KEY_Down, 0));
  WAIT_UNTIL (focused_item (window) == item_at (window, 0));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  /* Nothing found: the keys stay in the search. */
  search_for (window, "no piece has this in it");
  g_assert_false (press (GTK_WIDGET (window->search_entry), GDK_KEY_Down, 0));
  g_assert_true (focus_in (window, GTK_WIDGET (window->search_entry)));

  close_window (window);
}

/* Tab from the search goes to the pieces; the grid is one Tab stop. */
static void
test_tab_through_grid (void)
{
  VtWindow *window = new_window_on_sample ();

  gtk_widget_grab_focus (GTK_WIDGET (window->search_entry));
  g_assert_true (press (GTK_WIDGET (window->search_entry), GDK_KEY_Tab, 0));
  WAIT_UNTIL (focus_in (window, grid (window)));
  g_assert_nonnull (focused_item (window));

  /* One Tab leaves the grid, forward or back. */
  g_assert_true (press (grid (window), GDK_KEY_Tab, 0));
  g_assert_false (focus_in (window, grid (window)));
  g_assert_nonnull (focus_of (window));

  vt_gallery_view_focus (window->gallery);
  WAIT_UNTIL (focus_in (window, grid (window)));
  g_assert_true (press (grid (window), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_false (focus_in (window, grid (window)));
  g_assert_nonnull (focus_of (window));

  /* The arrows are the grid's own. */
  vt_gallery_view_focus (window->gallery);
  WAIT_UNTIL (focus_in (window, grid (window)));
  g_assert_false (press (grid (window), GDK_KEY_Right, 0));

  close_window (window);
}

/* F6 goes header bar → filters → pieces → header bar; Shift+F6 back. */
static void
test_f6_cycles_regions (void)
{
  VtWindow *window = new_window_on_sample ();
  GtkWidget *sidebar = GTK_WIDGET (window->sidebar_pane);
  GActionGroup *actions = G_ACTION_GROUP (window);

  g_assert_true (gtk_revealer_get_reveal_child (window->sidebar_revealer));
  gtk_widget_grab_focus (GTK_WIDGET (window->search_entry));

  g_action_group_activate_action (actions, "focus-next-region", NULL);
  g_assert_true (focus_in (window, sidebar));
  g_action_group_activate_action (actions, "focus-next-region", NULL);
  WAIT_UNTIL (focus_in (window, grid (window)));
  g_action_group_activate_action (actions, "focus-next-region", NULL);
  g_assert_true (focus_in (window, GTK_WIDGET (window->search_entry)));

  g_action_group_activate_action (actions, "focus-previous-region", NULL);
  WAIT_UNTIL (focus_in (window, grid (window)));
  g_action_group_activate_action (actions, "focus-previous-region", NULL);
  g_assert_true (focus_in (window, sidebar));

  /* Filters hidden: they are passed over. */
  g_action_group_change_action_state (actions, "sidebar-shown", g_variant_new_boolean (FALSE));
  WAIT_UNTIL (!gtk_revealer_get_child_revealed (window->sidebar_revealer));
  gtk_widget_grab_focus (GTK_WIDGET (window->search_entry));
  g_action_group_activate_action (actions, "focus-next-region", NULL);
  WAIT_UNTIL (focus_in (window, grid (window)));

  close_window (window);
}

/* Escape in the search clears it, then goes back to the pieces. */
static void
test_escape_clears_then_returns (void)
{
  VtWindow *window = new_window_on_sample ();

  search_for (window, "war");
  g_signal_emit_by_name (window->search_entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "");
  g_assert_true (focus_in (window, GTK_WIDGET (window->search_entry)));

  g_signal_emit_by_name (window->search_entry, "stop-search");
  WAIT_UNTIL (focus_in (window, grid (window)));

  close_window (window);
}

/* A key newly chosen starts high to low for impact and price, low to
 * high for the rest; the direction button still flips it. */
static void
test_sort_default_directions (void)
{
  VtWindow *window = new_window_on_sample ();
  GActionGroup *actions = G_ACTION_GROUP (window);
  const struct
  {
    const char *key;
    gboolean    descending;
  } keys[] = {
    { "impact", TRUE }, { "year", FALSE }, { "price", TRUE }, { "title", FALSE }, { "number", FALSE },
  };

  g_autoptr(VtItem) first = NULL;
  g_autoptr(VtItem) second = NULL;
  VtPrice first_price, second_price;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_action_group_activate_action (actions, "sort-key", g_variant_new_string (keys[i].key));
      g_assert_cmpint (vt_sorter_get_descending (window->sorter), ==, keys[i].descending);
      g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (window->direction_button)), ==,
                       keys[i].descending);

      g_action_group_activate_action (actions, "sort-descending", NULL);
      g_assert_cmpint (vt_sorter_get_descending (window->sorter), ==, !keys[i].descending);
    }

  /* The drop-down chooses the same way. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (window->sort_dropdown), VT_SORT_PRICE);
  g_assert_true (vt_sorter_get_descending (window->sorter));
  first = g_list_model_get_item (G_LIST_MODEL (window->sort_model), 0);
  second = g_list_model_get_item (G_LIST_MODEL (window->sort_model), 1);
  g_assert_true (vt_item_get_price (first, &first_price));
  g_assert_true (vt_item_get_price (second, &second_price));
  g_assert_cmpint (vt_price_compare (&first_price, &second_price), >=, 0);

  close_window (window);
}

/* A facet's chip names the facet. */
static void
test_chip_names_facet (void)
{
  VtWindow *window = new_window_on_sample ();
  GtkWidget *chip;
  GtkWidget *label;
  g_autofree char *expected = NULL;

  vt_query_set_facet_selected (window->query, VT_FACET_DECADE, "1950s", TRUE);
  chip = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (window->chips_box, 0));
  g_assert_true (GTK_IS_BUTTON (chip));
  label = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (chip)));
  expected = g_strdup_printf ("%s: %s", vt_facet_key_get_label (VT_FACET_DECADE),
                              vt_facet_value_get_label (VT_FACET_DECADE, "1950s"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, expected);
  g_assert_cmpstr (expected, ==, "Decade: 1950s");

  close_window (window);
}

/* Back from the detail window, its last piece is selected and focused in
 * the grid. */
static void
test_detail_close_selects_last (void)
{
  VtWindow *window = new_window_on_sample ();
  GtkSingleSelection *selection = vt_gallery_view_get_selection (window->gallery);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (window->sort_model));
  VtDetailWindow *detail;

  _vt_window_show_detail (window, 1);
  detail = VT_DETAIL_WINDOW (window->detail_window);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (detail)));
  /* Focus on an action, not on text. */
  g_assert_true (GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (detail))));
  for (guint i = 0; i < n_items - 2; i++)
    gtk_widget_activate_action (GTK_WIDGET (detail), "detail.next", NULL);
  g_assert_cmpuint (vt_detail_window_get_position (detail), ==, n_items - 1);

  gtk_window_close (GTK_WINDOW (detail));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n_items - 1);
  WAIT_UNTIL (focused_item (window) == item_at (window, n_items - 1));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keyboard/search/enter-and-down-to-first-result", test_search_to_first_result);
  g_test_add_func ("/keyboard/grid/one-tab-stop", test_tab_through_grid);
  g_test_add_func ("/keyboard/regions/f6-cycles", test_f6_cycles_regions);
  g_test_add_func ("/keyboard/search/escape-clears-then-returns", test_escape_clears_then_returns);
  g_test_add_func ("/browsing/sort/default-directions", test_sort_default_directions);
  g_test_add_func ("/browsing/chips/name-their-facet", test_chip_names_facet);
  g_test_add_func ("/browsing/detail/close-selects-last", test_detail_close_selects_last);

  return g_test_run ();
}
