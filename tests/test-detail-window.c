/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the detail window: what it shows, stepping in sorted order, following the model. */

#include "config.h"

#include "vt-detail-window.h"
#include "vt-item.h"
#include "vt-query-sorter.h"
#include "vt-test-util.h"
#include "vt-thumbnailer.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

/* Thumbnails go to a temporary folder, not the user's cache. */
static char *cache_dir;

typedef struct
{
  GListStore        *store;    /* every piece of the fixture, by number */
  GtkFilterListModel *filtered;
  GtkCustomFilter   *filter;
  GtkSortListModel  *sorted;
  VtSorter          *sorter;
  VtThumbnailer     *thumbnailer;
  VtDetailWindow    *window;
  guint              hidden_number;  /* filtered out when not 0 */
  gboolean           hide_all;
} Fixture;

/* Helpers */

static GtkWidget *
child (Fixture    *fixture,
       const char *id)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                   VT_TYPE_DETAIL_WINDOW, id);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
attribute_text (Fixture    *fixture,
                const char *name)
{
  GtkWidget *value = find_named (GTK_WIDGET (fixture->window), name);

  g_assert_nonnull (value);
  if (!gtk_widget_get_visible (value))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (value));
}

static const char *
label_text (Fixture    *fixture,
            const char *id)
{
  return gtk_label_get_label (GTK_LABEL (child (fixture, id)));
}

static guint
position_of_number (GListModel *model,
                    guint       number)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (model, i);

      if (vt_item_get_number (item) == number)
        return i;
    }
  g_assert_not_reached ();
}

static guint
shown_number (Fixture *fixture)
{
  VtItem *item = vt_detail_window_get_item (fixture->window);

  return item != NULL ? vt_item_get_number (item) : 0;
}

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  Fixture *fixture = user_data;

  if (fixture->hide_all)
    return FALSE;
  return vt_item_get_number (item) != fixture->hidden_number;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "detail", "catalog.json", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) base_dir = g_file_new_for_path (dir);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *items;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  items = json_object_get_array_member (root, "items");

  fixture->store = g_list_store_new (VT_TYPE_ITEM);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(VtItem) item = vt_item_new_from_json (json_array_get_object_element (items, i),
                                                      base_dir, NULL);
      g_list_store_append (fixture->store, item);
    }

  fixture->filter = gtk_custom_filter_new (filter_item, fixture, NULL);
  fixture->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (fixture->store)),
                                                 g_object_ref (GTK_FILTER (fixture->filter)));
  fixture->sorter = vt_sorter_new (VT_SORT_IMPACT, TRUE);
  fixture->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (fixture->filtered)),
                                             vt_query_sorter_new (fixture->sorter));
  fixture->thumbnailer = g_object_new (VT_TYPE_THUMBNAILER, "cache-dir", cache_dir, NULL);
  fixture->window = vt_detail_window_new (NULL, G_LIST_MODEL (fixture->sorted),
                                          fixture->thumbnailer);
  vt_detail_window_set_total (fixture->window, 100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->sorted);
  g_clear_object (&fixture->sorter);
  g_clear_object (&fixture->filtered);
  g_clear_object (&fixture->filter);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->thumbnailer);
}

/* What the window shows */

static void
test_label_shows_piece (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->sorted);
  GtkWidget *text_box;
  GtkWidget *countries;
  GtkWidget *paragraph;
  g_autoptr(VtItem) item = NULL;
  const char * const *text;
  guint n = 0;

  vt_detail_window_show_position (fixture->window, position_of_number (model, 12));
  item = g_object_ref (vt_detail_window_get_item (fixture->window));
  g_assert_cmpuint (vt_item_get_number (item), ==, 12);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   vt_item_get_title (item));
  g_assert_cmpstr (label_text (fixture, "title_label"), ==, vt_item_get_title (item));
  g_assert_cmpstr (label_text (fixture, "about_label"), ==, vt_item_get_about (item));
  g_assert_true (gtk_widget_get_visible (child (fixture, "about_label")));

  /* Each paragraph of history in its own selectable label, in order. */
  text = vt_item_get_text (item);
  text_box = child (fixture, "text_box");
  for (paragraph = gtk_widget_get_first_child (text_box); paragraph != NULL;
       paragraph = gtk_widget_get_next_sibling (paragraph), n++)
    {
      g_assert_nonnull (text[n]);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (paragraph)), ==, text[n]);
      g_assert_true (gtk_label_get_selectable (GTK_LABEL (paragraph)));
    }
  g_assert_cmpuint (n, ==, g_strv_length ((char **) text));
  g_assert_cmpuint (n, >, 1);

  /* The number out of the collection's total, the price as written. */
  g_assert_cmpstr (attribute_text (fixture, "number"), ==, "12 / 100");
  g_assert_cmpstr (attribute_text (fixture, "price"), ==, vt_item_get_price_text (item));
  g_assert_cmpstr (attribute_text (fixture, "decade"), ==, vt_item_get_decade (item));
  g_assert_cmpstr (attribute_text (fixture, "year"), ==, "1815");
  g_assert_cmpstr (attribute_text (fixture, "region"), ==, vt_item_get_region (item));
  g_assert_cmpstr (attribute_text (fixture, "politics"), ==, vt_item_get_politics (item));
  g_assert_cmpstr (attribute_text (fixture, "conflict"), ==, vt_item_get_conflict (item));
  g_assert_cmpstr (attribute_text (fixture, "type"), ==, vt_item_get_kind (item));
  g_assert_cmpstr (attribute_text (fixture, "artist"), ==, vt_item_get_artist (item));
  g_assert_cmpstr (attribute_text (fixture, "group"), ==, vt_item_get_group (item));
  g_assert_cmpstr (attribute_text (fixture, "impact-text"), ==, "8 / 10");

  /* Each country shown on its own. */
  countries = find_named (GTK_WIDGET (fixture->window), "countries");
  n = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (countries); c != NULL;
       c = gtk_widget_get_next_sibling (c), n++)
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (c)), ==, vt_item_get_countries (item)[n]);
  g_assert_cmpuint (n, ==, 3);

  /* The total changes what the number says. */
  vt_detail_window_set_total (fixture->window, 0);
  g_assert_cmpstr (attribute_text (fixture, "number"), ==, "12");

  g_assert_false (gtk_widget_get_visible (child (fixture, "problem_box")));
}

static void
test_label_shows_problem (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->sorted);
  g_autoptr(VtItem) item = g_list_model_get_item (model, position_of_number (model, 56));

  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(VtReviewStore) reviews = vt_review_store_new (catalog);

  vt_item_set_problem (item, "impact: 12 is outside 1-10");
  vt_detail_window_show_position (fixture->window, position_of_number (model, 56));

  /* Problems are for curators: visitors browsing are not shown them. */
  g_assert_false (gtk_widget_get_visible (child (fixture, "problem_box")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "review_box")));

  vt_detail_window_set_review_store (fixture->window, reviews);
  g_assert_true (gtk_widget_get_visible (child (fixture, "problem_box")));
  g_assert_cmpstr (label_text (fixture, "problem_label"), ==, "impact: 12 is outside 1-10");
  g_assert_true (gtk_widget_get_visible (child (fixture, "review_box")));
  g_assert_cmpstr (label_text (fixture, "review_state_label"), ==, "Not reviewed");

  vt_detail_window_set_review_store (fixture->window, NULL);
  g_assert_false (gtk_widget_get_visible (child (fixture, "problem_box")));
}

/* The artwork */

static gboolean
artwork_settled (gpointer data)
{
  Fixture *fixture = data;

  return !gtk_spinner_get_spinning (GTK_SPINNER (child (fixture, "spinner")));
}

static gboolean
full_size_settled (gpointer data)
{
  Fixture *fixture = data;

  return !gtk_spinner_get_spinning (GTK_SPINNER (child (fixture, "full_spinner")));
}

static gboolean
full_size_shown (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "view_stack"))),
                    "full-size") == 0;
}

static void
test_image_shown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->sorted);
  GtkStack *artwork_stack;
  GtkStack *view_stack;
  GdkPaintable *paintable;
  GtkWidget *full_picture;
  g_autofree char *accessible = NULL;
  int width;
  int height;

  vt_detail_window_show_position (fixture->window, position_of_number (model, 3));
  /* Waits until the artwork of piece 3 is loaded. */
  WAIT_UNTIL (artwork_settled (fixture));

  artwork_stack = GTK_STACK (child (fixture, "artwork_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (artwork_stack), ==, "picture");
  paintable = gtk_picture_get_paintable (GTK_PICTURE (child (fixture, "picture")));
  g_assert_nonnull (paintable);
  /* The fixture's image is 48 x 36: the window shows its shape. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable) * 36, ==,
                   gdk_paintable_get_intrinsic_height (paintable) * 48);
  accessible = g_strdup_printf ("Artwork: %s", label_text (fixture, "title_label"));
  g_assert_cmpstr (gtk_picture_get_alternative_text (GTK_PICTURE (child (fixture, "picture"))),
                   ==, accessible);

  /* Full size and back with Escape. */
  view_stack = GTK_STACK (child (fixture, "view_stack"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "detail.full-size", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "full-size");
  g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (child (fixture, "full_picture"))));

  /* The original comes, shown one image pixel to one screen pixel. */
  /* Waits until the original of piece 3 is loaded. */
  WAIT_UNTIL (full_size_settled (fixture));
  full_picture = child (fixture, "full_picture");
  paintable = gtk_picture_get_paintable (GTK_PICTURE (full_picture));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 48);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 36);
  gtk_widget_get_size_request (full_picture, &width, &height);
  g_assert_cmpint (width, ==, 48 / gtk_widget_get_scale_factor (full_picture));
  g_assert_cmpint (height, ==, 36 / gtk_widget_get_scale_factor (full_picture));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "detail.close", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  /* A click (or Enter) on the artwork opens it at full size too. */
  g_assert_true (gtk_widget_activate (child (fixture, "artwork_button")));
  /* Waits until the artwork's button opens the full-size view. */
  WAIT_UNTIL (full_size_shown (fixture));
}

static gboolean
full_size_loaded (gpointer data)
{
  Fixture *fixture = data;

  return full_size_settled (data) &&
         gtk_picture_get_paintable (GTK_PICTURE (child (fixture, "full_picture"))) != NULL;
}

static void
test_image_full_size_asked_early (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->sorted);
  GdkPaintable *paintable;

  /* F pressed at once, before the artwork has come: the view opens and
   * the original follows. */
  vt_detail_window_show_position (fixture->window, position_of_number (model, 12));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "detail.full-size", NULL));
  g_assert_true (full_size_shown (fixture));
  /* Waits until the original of piece 12 is loaded. */
  WAIT_UNTIL (full_size_loaded (fixture));
  paintable = gtk_picture_get_paintable (GTK_PICTURE (child (fixture, "full_picture")));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 36);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 48);
}

static void
test_image_missing_placeholder (Fixture       *fixture,
                                gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->sorted);
  GtkStack *artwork_stack = GTK_STACK (child (fixture, "artwork_stack"));
  GtkStack *view_stack = GTK_STACK (child (fixture, "view_stack"));

  /* An image file that does not exist: the reason names it. */
  vt_detail_window_show_position (fixture->window, position_of_number (model, 71));
  /* Waits until the artwork of piece 71 has failed. */
  WAIT_UNTIL (artwork_settled (fixture));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (artwork_stack), ==, "placeholder");
  g_assert_nonnull (strstr (label_text (fixture, "placeholder_reason"), "071-missing.png"));
  g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (child (fixture, "picture"))));

  /* There is nothing to show at full size. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "detail.full-size", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "label");

  /* No image in the catalog at all. */
  vt_detail_window_show_position (fixture->window, position_of_number (model, 88));
  /* Waits until piece 88 shows it has no image. */
  WAIT_UNTIL (artwork_settled (fixture));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (artwork_stack), ==, "placeholder");
  g_assert_cmpstr (label_text (fixture, "placeholder_reason"), !=, "");
}

/* Navigation */

static void
test_navigate_sorted_order (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->sorted);
  GtkWidget *previous = child (fixture, "previous_button");
  GtkWidget *next = child (fixture, "next_button");
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(VtItem) first = g_list_model_get_item (model, 0);
  g_autoptr(VtItem) first_in_store = g_list_model_get_item (G_LIST_MODEL (fixture->store), 0);

  /* The fixture is ordered by number: sorted by impact it is not. */
  g_assert_true (first != first_in_store);

  vt_detail_window_show_position (fixture->window, 0);
  g_assert_true (vt_detail_window_get_item (fixture->window) == first);
  g_assert_false (gtk_widget_get_sensitive (previous));
  g_assert_true (gtk_widget_get_sensitive (next));

  for (guint i = 1; i < n_items; i++)
    {
      g_autoptr(VtItem) expected = g_list_model_get_item (model, i);

      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "detail.next", NULL);
      g_assert_cmpuint (vt_detail_window_get_position (fixture->window), ==, i);
      g_assert_true (vt_detail_window_get_item (fixture->window) == expected);
      g_assert_cmpstr (label_text (fixture, "title_label"), ==, vt_item_get_title (expected));
      g_assert_true (gtk_widget_get_sensitive (previous));
    }

  /* At the end, next does nothing and is disabled. */
  g_assert_false (gtk_widget_get_sensitive (next));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "detail.next", NULL);
  g_assert_cmpuint (vt_detail_window_get_position (fixture->window), ==, n_items - 1);

  for (guint i = n_items - 1; i > 0; i--)
    {
      g_autoptr(VtItem) expected = g_list_model_get_item (model, i - 1);

      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "detail.previous", NULL);
      g_assert_true (vt_detail_window_get_item (fixture->window) == expected);
    }
  g_assert_false (gtk_widget_get_sensitive (previous));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "detail.previous", NULL);
  g_assert_cmpuint (vt_detail_window_get_position (fixture->window), ==, 0);
}

static void
test_window_reused_and_escape (Fixture       *fixture,
                               gconstpointer  user_data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  g_autoptr(GListModel) toplevels = NULL;
  guint n_toplevels;

  vt_detail_window_show_position (fixture->window, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  n_toplevels = g_list_model_get_n_items (toplevels);

  /* Escape hides the window; it is not destroyed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "detail.close", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels);

  /* Showing another piece brings back the same window. */
  vt_detail_window_show_position (fixture->window, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (vt_detail_window_get_position (fixture->window), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels);
}

/* Following the model */

static void
test_model_follows_item (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->sorted);
  guint position;

  vt_detail_window_show_position (fixture->window, position_of_number (model, 56));

  /* The sort turns round: the same piece stays, at its new place. */
  vt_sorter_set_descending (fixture->sorter, FALSE);
  g_assert_cmpuint (shown_number (fixture), ==, 56);
  g_assert_cmpuint (vt_detail_window_get_position (fixture->window), ==,
                    position_of_number (model, 56));

  /* Another piece is filtered out: the same piece stays. */
  fixture->hidden_number = 88;
  gtk_filter_changed (GTK_FILTER (fixture->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (shown_number (fixture), ==, 56);
  g_assert_cmpuint (vt_detail_window_get_position (fixture->window), ==,
                    position_of_number (model, 56));

  /* The piece itself is filtered out: the one that took its place shows. */
  position = vt_detail_window_get_position (fixture->window);
  fixture->hidden_number = 56;
  gtk_filter_changed (GTK_FILTER (fixture->filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_assert_cmpuint (shown_number (fixture), !=, 56);
  g_assert_cmpuint (shown_number (fixture), !=, 0);
  g_assert_cmpuint (vt_detail_window_get_position (fixture->window), ==,
                    MIN (position, g_list_model_get_n_items (model) - 1));
  g_assert_cmpstr (label_text (fixture, "title_label"), ==,
                   vt_item_get_title (vt_detail_window_get_item (fixture->window)));

  /* Nothing left: the window closes. */
  fixture->hide_all = TRUE;
  gtk_filter_changed (GTK_FILTER (fixture->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_null (vt_detail_window_get_item (fixture->window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
}

static void
test_model_hidden_window_loads_when_shown (Fixture       *fixture,
                                           gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->sorted);
  GtkPicture *picture;
  guint position;

  vt_detail_window_show_position (fixture->window, position_of_number (model, 12));
  /* Waits until the artwork of piece 12 is loaded. */
  WAIT_UNTIL (artwork_settled (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "detail.close", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  /* The piece is filtered out while the window is hidden: the label
   * follows at once, the artwork waits until the window is shown. */
  position = vt_detail_window_get_position (fixture->window);
  fixture->hidden_number = 12;
  gtk_filter_changed (GTK_FILTER (fixture->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (shown_number (fixture), !=, 12);
  g_assert_cmpstr (label_text (fixture, "title_label"), ==,
                   vt_item_get_title (vt_detail_window_get_item (fixture->window)));
  picture = GTK_PICTURE (child (fixture, "picture"));
  g_assert_null (gtk_picture_get_paintable (picture));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (child (fixture, "spinner"))));

  vt_detail_window_show_position (fixture->window,
                                  vt_detail_window_get_position (fixture->window));
  g_assert_cmpuint (vt_detail_window_get_position (fixture->window), ==, position);
  /* Waits until the artwork is loaded once the window is shown. */
  WAIT_UNTIL (artwork_settled (fixture));
  g_assert_nonnull (vt_item_get_image (vt_detail_window_get_item (fixture->window)));
  g_assert_nonnull (gtk_picture_get_paintable (picture));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_window_finalized (void)
{
  g_autoptr(GListStore) store = g_list_store_new (VT_TYPE_ITEM);
  g_autoptr(VtThumbnailer) thumbnailer = g_object_new (VT_TYPE_THUMBNAILER,
                                                       "cache-dir", cache_dir, NULL);
  g_autofree char *dir = g_build_filename (TEST_DATA_DIR, "detail", NULL);
  g_autoptr(GFile) base_dir = g_file_new_for_path (dir);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(VtItem) item = NULL;
  VtDetailWindow *window;

  json_object_set_int_member (object, "number", 1);
  json_object_set_string_member (object, "title", "1901 - A Piece Shown Once");
  json_object_set_string_member (object, "image", "images/090.png");
  item = vt_item_new_from_json (object, base_dir, NULL);
  g_list_store_append (store, item);

  window = vt_detail_window_new (NULL, G_LIST_MODEL (store), thumbnailer);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  vt_detail_window_show_position (window, 0);

  /* Destroyed while the artwork may still be loading: nothing is kept. */
  gtk_window_destroy (GTK_WINDOW (window));
  /* Waits until the detail window is finalized. */
  WAIT_UNTIL (is_null (&window));
  g_assert_cmpuint (G_OBJECT (store)->ref_count, ==, 1);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_path = g_build_filename (path, name, NULL);

      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        remove_tree (child_path);
      else
        g_remove (child_path);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp_root = NULL;
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the system's MIME database,
   * through which gdk-pixbuf recognizes images and GTK its SVG icons. */
  g_test_init (&argc, &argv, NULL);
  tmp_root = g_dir_make_tmp ("vt-detail-window-XXXXXX", NULL);
  g_assert_nonnull (tmp_root);
  cache_dir = g_build_filename (tmp_root, "thumbnails", NULL);
  gtk_init ();

  g_test_add ("/detail/label/shows-piece", Fixture, NULL,
              fixture_set_up, test_label_shows_piece, fixture_tear_down);
  g_test_add ("/detail/label/shows-problem-to-curators", Fixture, NULL,
              fixture_set_up, test_label_shows_problem, fixture_tear_down);
  g_test_add ("/detail/image/shown", Fixture, NULL,
              fixture_set_up, test_image_shown, fixture_tear_down);
  g_test_add ("/detail/image/full-size-asked-early", Fixture, NULL,
              fixture_set_up, test_image_full_size_asked_early, fixture_tear_down);
  g_test_add ("/detail/image/missing-placeholder", Fixture, NULL,
              fixture_set_up, test_image_missing_placeholder, fixture_tear_down);
  g_test_add ("/detail/navigate/sorted-order", Fixture, NULL,
              fixture_set_up, test_navigate_sorted_order, fixture_tear_down);
  g_test_add ("/detail/window/reused-and-escape", Fixture, NULL,
              fixture_set_up, test_window_reused_and_escape, fixture_tear_down);
  g_test_add ("/detail/model/follows-item", Fixture, NULL,
              fixture_set_up, test_model_follows_item, fixture_tear_down);
  g_test_add ("/detail/model/hidden-window-loads-when-shown", Fixture, NULL,
              fixture_set_up, test_model_hidden_window_loads_when_shown, fixture_tear_down);
  g_test_add_func ("/detail/window/finalized", test_window_finalized);

  status = g_test_run ();
  remove_tree (tmp_root);
  g_free (cache_dir);
  return status;
}
