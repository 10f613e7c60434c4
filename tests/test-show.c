/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the show: its keys and timer, the choice of a screen, the show window and the presenter console in step. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-presenter-console.h"
#include "vt-query-sorter.h"
#include "vt-show-window.h"
#include "vt-show.h"
#include "vt-test-util.h"
#include "vt-thumbnailer.h"

#include <gtk/gtk.h>

/* Thumbnails go to a temporary folder, not the user's cache. */
static char *cache_dir;

typedef struct
{
  GListStore       *store;    /* the fixture's pieces, in the file's order */
  GtkSortListModel *sorted;   /* by impact, largest first, as a grid could be */
  VtSorter         *sorter;
  VtThumbnailer    *thumbnailer;
  VtShow           *show;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "detail", "catalog.json", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) base_dir = g_file_new_for_path (dir);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *items;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "items");

  fixture->store = g_list_store_new (VT_TYPE_ITEM);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(VtItem) item = vt_item_new_from_json (json_array_get_object_element (items, i),
                                                      base_dir, NULL);
      g_list_store_append (fixture->store, item);
    }

  fixture->sorter = vt_sorter_new (VT_SORT_IMPACT, TRUE);
  fixture->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (fixture->store)),
                                             vt_query_sorter_new (fixture->sorter));
  fixture->thumbnailer = g_object_new (VT_TYPE_THUMBNAILER, "cache-dir", cache_dir, NULL);
  fixture->show = vt_show_new (G_LIST_MODEL (fixture->sorted), 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  /* The windows of a show let it go once their last image requests
   * have come back. */
  g_object_add_weak_pointer (G_OBJECT (fixture->show), (gpointer *) &fixture->show);
  g_object_unref (fixture->show);
  WAIT_UNTIL (fixture->show == NULL);
  g_clear_object (&fixture->sorted);
  g_clear_object (&fixture->sorter);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->thumbnailer);
}

static guint
number_at (GListModel *model,
           guint       position)
{
  g_autoptr(VtItem) item = g_list_model_get_item (model, position);

  return vt_item_get_number (item);
}

static guint
position_of_number (GListModel *model,
                    guint       number)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (number_at (model, i) == number)
      return i;
  g_assert_not_reached ();
}

static guint
shown_number (VtShow *show)
{
  return vt_item_get_number (vt_show_get_item (show));
}

static void
press (VtShow *show,
       guint   keyval)
{
  g_assert_true (vt_show_handle_key (show, keyval, 0));
}

/* The show */

static void
test_steps_in_model_order (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->sorted);
  guint n_items = g_list_model_get_n_items (model);

  g_assert_cmpuint (vt_show_get_n_items (fixture->show), ==, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_assert_cmpuint (vt_show_get_position (fixture->show), ==, i);
      g_assert_cmpuint (shown_number (fixture->show), ==, number_at (model, i));
      vt_show_next (fixture->show);
    }
  /* The last piece stays. */
  g_assert_cmpuint (vt_show_get_position (fixture->show), ==, n_items - 1);

  /* The grid's order changes: the piece shown stays, at its new place. */
  vt_sorter_set_descending (fixture->sorter, FALSE);
  g_assert_cmpuint (shown_number (fixture->show), ==, number_at (model, vt_show_get_position (fixture->show)));
  g_assert_cmpuint (vt_show_get_position (fixture->show), ==, 0);
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  user_data)
{
  VtShow *show = fixture->show;
  guint last = vt_show_get_n_items (show) - 1;
  const guint next_keys[] = { GDK_KEY_Right, GDK_KEY_space, GDK_KEY_Page_Down, GDK_KEY_Down, GDK_KEY_Return };
  const guint previous_keys[] = { GDK_KEY_Left, GDK_KEY_BackSpace, GDK_KEY_Page_Up, GDK_KEY_Up };

  for (guint i = 0; i < G_N_ELEMENTS (next_keys); i++)
    {
      vt_show_go_to (show, 1);
      press (show, next_keys[i]);
      g_assert_cmpuint (vt_show_get_position (show), ==, 2);
    }
  for (guint i = 0; i < G_N_ELEMENTS (previous_keys); i++)
    {
      vt_show_go_to (show, 2);
      press (show, previous_keys[i]);
      g_assert_cmpuint (vt_show_get_position (show), ==, 1);
    }

  press (show, GDK_KEY_End);
  g_assert_cmpuint (vt_show_get_position (show), ==, last);
  press (show, GDK_KEY_Home);
  g_assert_cmpuint (vt_show_get_position (show), ==, 0);
  press (show, GDK_KEY_Left);
  g_assert_cmpuint (vt_show_get_position (show), ==, 0);

  /* I hides and shows the caption, P pauses and resumes. */
  g_assert_true (vt_show_get_caption_shown (show));
  press (show, GDK_KEY_i);
  g_assert_false (vt_show_get_caption_shown (show));
  press (show, GDK_KEY_I);
  g_assert_true (vt_show_get_caption_shown (show));
  press (show, GDK_KEY_p);
  g_assert_true (vt_show_get_paused (show));
  press (show, GDK_KEY_p);
  g_assert_false (vt_show_get_paused (show));

  /* Keys of the application pass: Ctrl+Q quits, and is not "next". */
  g_assert_false (vt_show_handle_key (show, GDK_KEY_q, GDK_CONTROL_MASK));
  g_assert_false (vt_show_handle_key (show, GDK_KEY_Shift_L, 0));

  press (show, GDK_KEY_Escape);
  g_assert_true (vt_show_get_ended (show));
  /* An ended show goes nowhere. */
  press (show, GDK_KEY_Right);
  g_assert_cmpuint (vt_show_get_position (show), ==, 0);
}

static void
test_jump_to_number (Fixture       *fixture,
                     gconstpointer  user_data)
{
  VtShow *show = fixture->show;
  guint n_items = vt_show_get_n_items (show);

  press (show, GDK_KEY_4);
  g_assert_cmpstr (vt_show_get_typed_number (show), ==, "4");
  g_assert_cmpuint (vt_show_get_position (show), ==, 0);
  press (show, GDK_KEY_Return);
  g_assert_cmpuint (vt_show_get_position (show), ==, 3);
  g_assert_cmpstr (vt_show_get_typed_number (show), ==, "");

  /* Two digits, from the keypad; beyond the last, the last. */
  press (show, GDK_KEY_KP_1);
  press (show, GDK_KEY_KP_2);
  press (show, GDK_KEY_KP_Enter);
  g_assert_cmpuint (vt_show_get_position (show), ==, n_items - 1);

  /* 1 is the first piece; Escape forgets a number half typed. */
  press (show, GDK_KEY_1);
  press (show, GDK_KEY_Return);
  g_assert_cmpuint (vt_show_get_position (show), ==, 0);
  press (show, GDK_KEY_3);
  press (show, GDK_KEY_Escape);
  g_assert_false (vt_show_get_ended (show));
  press (show, GDK_KEY_Return);
  g_assert_cmpuint (vt_show_get_position (show), ==, 1);
}

static void
test_blank (Fixture       *fixture,
            gconstpointer  user_data)
{
  VtShow *show = fixture->show;

  press (show, GDK_KEY_b);
  g_assert_cmpint (vt_show_get_blank (show), ==, VT_SHOW_BLANK_BLACK);
  /* Any key brings the picture back, and does only that. */
  press (show, GDK_KEY_Right);
  g_assert_cmpint (vt_show_get_blank (show), ==, VT_SHOW_BLANK_NONE);
  g_assert_cmpuint (vt_show_get_position (show), ==, 0);

  press (show, GDK_KEY_period);
  g_assert_cmpint (vt_show_get_blank (show), ==, VT_SHOW_BLANK_BLACK);
  press (show, GDK_KEY_b);
  g_assert_cmpint (vt_show_get_blank (show), ==, VT_SHOW_BLANK_NONE);

  press (show, GDK_KEY_w);
  g_assert_cmpint (vt_show_get_blank (show), ==, VT_SHOW_BLANK_WHITE);
  press (show, GDK_KEY_x);
  g_assert_cmpint (vt_show_get_blank (show), ==, VT_SHOW_BLANK_NONE);

  /* Escape too brings the picture back rather than ending the show. */
  press (show, GDK_KEY_W);
  press (show, GDK_KEY_Escape);
  g_assert_cmpint (vt_show_get_blank (show), ==, VT_SHOW_BLANK_NONE);
  g_assert_false (vt_show_get_ended (show));
}

static void
test_interval (Fixture       *fixture,
               gconstpointer  user_data)
{
  VtShow *show = fixture->show;
  guint last = vt_show_get_n_items (show) - 1;
  guint stepped = 0;
  gint64 start;

  g_signal_connect (show, "notify::position", G_CALLBACK (vt_test_count_notify_cb), &stepped);

  vt_show_set_interval (show, 1);
  WAIT_UNTIL (vt_show_get_position (show) == 1);

  /* Paused, it stays. */
  vt_show_set_paused (show, TRUE);
  start = g_get_monotonic_time ();
  stepped = 0;
  WAIT_UNTIL (g_get_monotonic_time () - start > 1500 * 1000);
  g_assert_cmpuint (stepped, ==, 0);
  vt_show_set_paused (show, FALSE);
  WAIT_UNTIL (vt_show_get_position (show) == 2);

  /* At the last piece it stops, unless it loops. */
  vt_show_go_to (show, last);
  start = g_get_monotonic_time ();
  stepped = 0;
  WAIT_UNTIL (g_get_monotonic_time () - start > 1500 * 1000);
  g_assert_cmpuint (stepped, ==, 0);
  vt_show_set_loop (show, TRUE);
  WAIT_UNTIL (vt_show_get_position (show) == 0);

  /* A blank screen holds the show. */
  vt_show_set_blank (show, VT_SHOW_BLANK_BLACK);
  start = g_get_monotonic_time ();
  stepped = 0;
  WAIT_UNTIL (g_get_monotonic_time () - start > 1500 * 1000);
  g_assert_cmpuint (stepped, ==, 0);
}

static void
test_format_elapsed (void)
{
  const struct { gint64 seconds; const char *text; } cases[] = {
    { 0, "0:00" }, { 59, "0:59" }, { 65, "1:05" }, { 3600 + 62, "1:01:02" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = vt_show_format_elapsed (cases[i].seconds * G_USEC_PER_SEC);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Screens */

static void
test_choose_screen (void)
{
  const VtShowScreen laptop_and_tv[] = {
    { "eDP-1", "Laptop panel", 1920, 1200, TRUE },
    { "HDMI-1", "SAMSUNG", 3840, 2160, FALSE },
  };
  const VtShowScreen tv_first[] = {
    { "HDMI-1", "SAMSUNG", 1920, 1080, FALSE },
    { "eDP-1", NULL, 2560, 1600, TRUE },
  };
  const VtShowScreen two_external[] = {
    { "DP-1", "DELL", 2560, 1440, TRUE },
    { "DP-2", "EPSON", 1920, 1080, FALSE },
    { "DP-3", "LG", 3840, 2160, FALSE },
  };
  const VtShowScreen one[] = { { NULL, NULL, 1280, 800, FALSE } };
  gboolean not_found;
  g_autofree char *name = NULL;
  g_autofree char *unnamed = NULL;

  /* The external one by default, whichever comes first or is larger. */
  g_assert_cmpint (vt_show_choose_screen (laptop_and_tv, 2, NULL, NULL), ==, 1);
  g_assert_cmpint (vt_show_choose_screen (tv_first, 2, "", NULL), ==, 0);
  /* Not the main window's; the largest of the rest. */
  g_assert_cmpint (vt_show_choose_screen (two_external, 3, NULL, NULL), ==, 2);

  /* By number from 1, by connector, by model, in any case. */
  g_assert_cmpint (vt_show_choose_screen (laptop_and_tv, 2, "1", &not_found), ==, 0);
  g_assert_false (not_found);
  g_assert_cmpint (vt_show_choose_screen (two_external, 3, "dp-2", NULL), ==, 1);
  g_assert_cmpint (vt_show_choose_screen (two_external, 3, "DELL", NULL), ==, 0);

  /* One that is not there: the default, and it says so. */
  g_assert_cmpint (vt_show_choose_screen (laptop_and_tv, 2, "3", &not_found), ==, 1);
  g_assert_true (not_found);
  g_assert_cmpint (vt_show_choose_screen (laptop_and_tv, 2, "VGA-1", &not_found), ==, 1);
  g_assert_true (not_found);

  g_assert_cmpint (vt_show_choose_screen (one, 1, NULL, NULL), ==, 0);
  g_assert_cmpint (vt_show_choose_screen (NULL, 0, NULL, NULL), ==, -1);

  g_assert_true (vt_show_screen_is_internal (&laptop_and_tv[0]));
  g_assert_false (vt_show_screen_is_internal (&laptop_and_tv[1]));

  name = vt_show_describe_screen (&laptop_and_tv[1], 1);
  g_assert_cmpstr (name, ==, "SAMSUNG (HDMI-1) — 3840 × 2160");
  unnamed = vt_show_describe_screen (&one[0], 0);
  g_assert_cmpstr (unnamed, ==, "Screen 1 — 1280 × 800");
}

static void
test_caption_sizes (void)
{
  const int heights[] = { 720, 1080, 1200, 2160, 4320 };

  for (guint i = 0; i < G_N_ELEMENTS (heights); i++)
    {
      int title, body;

      vt_show_caption_sizes (heights[i], &title, &body);
      g_assert_cmpint (title * 100, >=, heights[i] * 4);
      g_assert_cmpint (body * 1000, >=, heights[i] * 22);
    }

  /* A square beside its caption on a wide screen, a panorama above it. */
  g_assert_cmpint (vt_show_choose_layout (1920, 1080, 1000, 1000), ==, VT_SHOW_LAYOUT_SIDE);
  g_assert_cmpint (vt_show_choose_layout (1920, 1080, 3000, 1000), ==, VT_SHOW_LAYOUT_BELOW);
  g_assert_cmpint (vt_show_choose_layout (1920, 1080, 0, 0), ==, VT_SHOW_LAYOUT_TEXT);
}

/* The windows */

static VtShowWindow *
new_show_window (Fixture *fixture)
{
  VtShowWindow *window = vt_show_window_new (NULL, fixture->show, fixture->thumbnailer, NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
shown_is (VtShowWindow *window,
          VtItem       *item)
{
  return vt_show_window_get_shown_item (window) == item;
}

static int
absolute_size (GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  PangoAttrIterator *iter = pango_attr_list_get_iterator (attrs);
  PangoAttribute *size = pango_attr_iterator_get (iter, PANGO_ATTR_ABSOLUTE_SIZE);
  int pixels = size != NULL ? ((PangoAttrSize *) size)->size / PANGO_SCALE : 0;

  pango_attr_iterator_destroy (iter);
  return pixels;
}

static void
test_window_shows_and_preloads (Fixture       *fixture,
                                gconstpointer  user_data)
{
  VtShowWindow *window;
  GdkRectangle geometry;
  g_autoptr(VtItem) second = NULL;
  g_autoptr(VtItem) third = NULL;

  /* From the first piece with a picture. */
  vt_show_go_to (fixture->show, position_of_number (G_LIST_MODEL (fixture->sorted), 3));
  window = new_show_window (fixture);

  WAIT_UNTIL (shown_is (window, vt_show_get_item (fixture->show)));
  g_assert_nonnull (vt_show_window_get_shown_texture (window));
  g_assert_cmpint (vt_show_window_get_shown_layout (window), !=, VT_SHOW_LAYOUT_TEXT);

  /* The caption in type for the back of the room. */
  gdk_monitor_get_geometry (vt_show_window_get_monitor (window), &geometry);
  g_assert_cmpstr (gtk_label_get_text (vt_show_window_get_caption_label (window, 0)), ==,
                   vt_item_get_title (vt_show_get_item (fixture->show)));
  g_assert_cmpint (absolute_size (vt_show_window_get_caption_label (window, 0)) * 100, >=,
                   geometry.height * 4);
  g_assert_cmpint (absolute_size (vt_show_window_get_caption_label (window, 2)) * 1000, >=,
                   geometry.height * 22);

  /* The next piece is ready before it is asked for, and comes at once. */
  second = vt_show_dup_item_at (fixture->show, 1);
  WAIT_UNTIL (vt_show_window_is_loaded (window, second));
  vt_show_next (fixture->show);
  g_assert_true (shown_is (window, second));
  third = vt_show_dup_item_at (fixture->show, 1);
  WAIT_UNTIL (vt_show_window_is_loaded (window, third));
  g_assert_true (vt_show_window_is_loaded (window, vt_show_get_item (fixture->show)));

  /* I hides the caption on the screen. */
  vt_show_set_caption_shown (fixture->show, FALSE);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (vt_show_window_get_caption_label (window, 0)))));

  /* B and W blank the screen. */
  vt_show_set_blank (fixture->show, VT_SHOW_BLANK_WHITE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), VT_TYPE_SHOW_WINDOW, "blank"))));

  /* The pointer hides when it stays still. */
  WAIT_UNTIL (vt_show_window_get_pointer_hidden (window));

  /* Ending the show closes its window. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  vt_show_end (fixture->show);
  WAIT_UNTIL (window == NULL);
}

static void
test_failed_image_keeps_going (Fixture       *fixture,
                               gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->sorted);
  VtShowWindow *window = new_show_window (fixture);

  /* Piece 71's image is missing; piece 88 has none. */
  vt_show_go_to (fixture->show, position_of_number (model, 71));
  WAIT_UNTIL (shown_is (window, vt_show_get_item (fixture->show)));
  g_assert_cmpint (vt_show_window_get_shown_layout (window), ==, VT_SHOW_LAYOUT_TEXT);
  g_assert_null (vt_show_window_get_shown_texture (window));
  g_assert_cmpstr (gtk_label_get_text (vt_show_window_get_caption_label (window, 0)), ==,
                   "1989 - Fall of the Berlin Wall");

  vt_show_go_to (fixture->show, position_of_number (model, 88));
  WAIT_UNTIL (shown_is (window, vt_show_get_item (fixture->show)));
  g_assert_cmpint (vt_show_window_get_shown_layout (window), ==, VT_SHOW_LAYOUT_TEXT);

  /* And the show goes on to a piece with a picture. */
  vt_show_go_to (fixture->show, position_of_number (model, 3));
  WAIT_UNTIL (shown_is (window, vt_show_get_item (fixture->show)));
  g_assert_nonnull (vt_show_window_get_shown_texture (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_fade_follows_animations (Fixture       *fixture,
                              gconstpointer  user_data)
{
  VtShowWindow *window = new_show_window (fixture);
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), VT_TYPE_SHOW_WINDOW,
                                                             "slides_stack"));
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (window));

  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)) &&
              shown_is (window, vt_show_get_item (fixture->show)));
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);

  /* A key: at once. */
  vt_show_next (fixture->show);
  WAIT_UNTIL (shown_is (window, vt_show_get_item (fixture->show)));
  g_assert_cmpint (gtk_stack_get_transition_type (stack), ==, GTK_STACK_TRANSITION_TYPE_NONE);

  /* The timer: a cross-fade, unless the desktop asks for less animation. */
  vt_show_set_interval (fixture->show, 1);
  WAIT_UNTIL (vt_show_get_position (fixture->show) == 2 &&
              shown_is (window, vt_show_get_item (fixture->show)));
  g_assert_cmpint (gtk_stack_get_transition_type (stack), ==, GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  WAIT_UNTIL (vt_show_get_position (fixture->show) == 3 &&
              shown_is (window, vt_show_get_item (fixture->show)));
  g_assert_cmpint (gtk_stack_get_transition_type (stack), ==, GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_settings_reset_property (settings, "gtk-enable-animations");

  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
console_label (VtPresenterConsole *console,
               const char         *id)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (console), VT_TYPE_PRESENTER_CONSOLE, id);

  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_console_in_step (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->sorted);
  VtShowWindow *window = new_show_window (fixture);
  VtPresenterConsole *console = vt_presenter_console_new (NULL, fixture->show, fixture->thumbnailer);
  g_autofree char *expected = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(VtItem) next = NULL;

  gtk_window_present (GTK_WINDOW (console));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (console), (gpointer *) &console);

  /* A button of the console moves the show. */
  gtk_widget_activate_action (GTK_WIDGET (console), "show.next", NULL);
  g_assert_cmpuint (vt_show_get_position (fixture->show), ==, 1);
  WAIT_UNTIL (shown_is (window, vt_show_get_item (fixture->show)));
  expected = g_strdup_printf ("Piece 2 of %u", g_list_model_get_n_items (model));
  g_assert_cmpstr (console_label (console, "counter_label"), ==, expected);
  g_assert_cmpstr (console_label (console, "current_title"), ==,
                   vt_item_get_title (vt_show_get_item (fixture->show)));
  next = vt_show_dup_item_at (fixture->show, 1);
  g_assert_cmpstr (console_label (console, "next_title"), ==, vt_item_get_title (next));
  notes = g_strjoinv ("\n\n", (char **) vt_item_get_text (vt_show_get_item (fixture->show)));
  g_assert_cmpstr (console_label (console, "notes_label"), ==, notes);

  /* A key in the show window moves the console. */
  g_assert_true (vt_show_handle_key (vt_show_window_get_show (window), GDK_KEY_End, 0));
  g_assert_cmpstr (console_label (console, "current_title"), ==,
                   vt_item_get_title (vt_show_get_item (fixture->show)));
  g_assert_cmpstr (console_label (console, "next_title"), ==, "The end of the show");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (console), VT_TYPE_PRESENTER_CONSOLE, "next_button"))));

  /* The console's blank button blanks the show's screen. */
  gtk_widget_activate_action (GTK_WIDGET (console), "show.blank", "i", VT_SHOW_BLANK_BLACK);
  g_assert_cmpint (vt_show_get_blank (fixture->show), ==, VT_SHOW_BLANK_BLACK);
  g_assert_cmpstr (console_label (console, "state_label"), ==, "The screen is black");

  /* Closing either ends the show, and both close. */
  gtk_window_close (GTK_WINDOW (console));
  g_assert_true (vt_show_get_ended (fixture->show));
  WAIT_UNTIL (window == NULL && console == NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp_root = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_root = g_dir_make_tmp ("vitrine-test-show-XXXXXX", &error);
  g_assert_no_error (error);
  cache_dir = g_build_filename (tmp_root, "thumbnails", NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return 0;
    }

  g_test_add ("/show/order/model", Fixture, NULL, fixture_set_up, test_steps_in_model_order, fixture_tear_down);
  g_test_add ("/show/keys/each", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/show/keys/jump-to-number", Fixture, NULL, fixture_set_up, test_jump_to_number, fixture_tear_down);
  g_test_add ("/show/keys/blank", Fixture, NULL, fixture_set_up, test_blank, fixture_tear_down);
  g_test_add ("/show/interval/advances-pauses-loops", Fixture, NULL, fixture_set_up, test_interval, fixture_tear_down);
  g_test_add_func ("/show/elapsed/format", test_format_elapsed);
  g_test_add_func ("/show/screens/choose", test_choose_screen);
  g_test_add_func ("/show/caption/sizes", test_caption_sizes);
  g_test_add ("/show/window/shows-and-preloads", Fixture, NULL, fixture_set_up,
              test_window_shows_and_preloads, fixture_tear_down);
  g_test_add ("/show/window/failed-image-keeps-going", Fixture, NULL, fixture_set_up,
              test_failed_image_keeps_going, fixture_tear_down);
  g_test_add ("/show/window/fade-follows-animations", Fixture, NULL, fixture_set_up,
              test_fade_follows_animations, fixture_tear_down);
  g_test_add ("/show/console/in-step", Fixture, NULL, fixture_set_up, test_console_in_step, fixture_tear_down);

  status = g_test_run ();

  vt_test_remove_tree (tmp_root);
  g_free (cache_dir);
  return status;
}
