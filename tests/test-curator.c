/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Curator mode driven as a curator would: the mode, review keys, the facets, progress, problems. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-detail-window.h"
#include "vt-facet-sidebar.h"
#include "vt-note-dialog.h"
#include "vt-problems-panel.h"
#include "vt-test-util.h"
#include "vt-tile.h"
#include "vt-window-private.h"

#include <string.h>

typedef struct
{
  char     *dir;
  char     *sidecar;
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

static guint
grid_n_items (VtWindow *window)
{
  GtkGridView *grid = vt_gallery_view_get_grid_view (window->gallery);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (grid)));
}

/* The problem catalog of the tests, with its images, in a folder of its
 * own (the window writes the sidecar beside it), open in a new window. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *images[] = { "rust.jpg", "navy.png", "moss.png" };
  g_autofree char *catalog = NULL;
  g_autofree char *images_dir = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) file = NULL;

  g_settings_reset (settings, "curator-mode");
  g_settings_reset (settings, "sidebar-shown");

  fixture->dir = vt_test_make_tmp_dir ("vitrine-curator-XXXXXX");
  catalog = g_build_filename (fixture->dir, "problems.json", NULL);
  fixture->sidecar = g_build_filename (fixture->dir, "problems.review.json", NULL);
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
  WAIT_UNTIL (grid_n_items (fixture->window) == g_list_model_get_n_items (G_LIST_MODEL (fixture->window->sort_model)));
  /* The reviews load after the catalog. */
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
  g_free (fixture->sidecar);
}

static void
set_curating (Fixture  *fixture,
              gboolean  curating)
{
  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "curator-mode",
                                      g_variant_new_boolean (curating));
  g_assert_cmpint (fixture->window->curating, ==, curating);
}

/* The live tile showing piece @number, once the grid has bound it. */
static VtTile *
tile_of (Fixture *fixture,
         guint    number)
{
  VtTile *found = NULL;

  WAIT_UNTIL (({
    g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (fixture->window->gallery);

    found = NULL;
    for (guint i = 0; i < tiles->len && found == NULL; i++)
      {
        VtItem *item = vt_tile_get_item (g_ptr_array_index (tiles, i));

        if (item != NULL && vt_item_get_number (item) == number)
          found = g_ptr_array_index (tiles, i);
      }
    found != NULL;
  }));
  return found;
}

/* The widget under @widget with the CSS class @css_class, or NULL: a
 * tile makes its placeholder's reason and its marks only when it first
 * shows them. */
static GtkWidget *
find_part (GtkWidget  *widget,
           const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_part (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
part_shown (VtTile     *tile,
            const char *css_class)
{
  GtkWidget *part = find_part (GTK_WIDGET (tile), css_class);

  return part != NULL && gtk_widget_get_visible (part);
}

/* Browsing hides problem marks and the files a missing image names;
 * curating shows them; the mode is remembered. */
static void
test_mode_toggle (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  VtTile *lost;

  g_assert_false (fixture->window->curating);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window->problems_button)));
  lost = tile_of (fixture, 10);   /* "images/missing.png" */
  WAIT_UNTIL (vt_tile_get_state (lost) == VT_TILE_PLACEHOLDER);
  g_assert_nonnull (strstr (vt_tile_get_reason (lost), "missing.png"));
  g_assert_false (part_shown (lost, "vt-placeholder-reason"));
  g_assert_false (part_shown (lost, "vt-problem-mark"));

  set_curating (fixture, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "curator-mode"));
  g_assert_true (vt_tile_get_curating (lost));
  g_assert_true (part_shown (lost, "vt-placeholder-reason"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_part (GTK_WIDGET (lost), "vt-placeholder-reason"))), "missing.png"));
  g_assert_true (part_shown (lost, "vt-problem-mark"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window->problems_button)));

  /* The key: Ctrl+Shift+R, from the application's accelerators or not. */
  set_curating (fixture, FALSE);
  g_assert_false (part_shown (lost, "vt-problem-mark"));
  g_assert_false (part_shown (lost, "vt-placeholder-reason"));
}

static gboolean
press_key (Fixture *fixture,
           guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window->gallery));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

static VtItem *
item_at (Fixture *fixture,
         guint    position)
{
  return g_list_model_get_item (G_LIST_MODEL (fixture->window->sort_model), position);
}

/* A approves and moves on, C marks and moves on, U takes back; each
 * change is saved beside the catalog at once. */
static void
test_review_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkSingleSelection *selection = vt_gallery_view_get_selection (fixture->window->gallery);
  g_autoptr(VtItem) first = item_at (fixture, 0);
  g_autoptr(VtItem) second = item_at (fixture, 1);
  g_autoptr(VtItem) third = item_at (fixture, 2);

  gtk_single_selection_set_selected (selection, 0);

  /* Browsing, the keys are the search's: typing starts one. */
  g_assert_false (press_key (fixture, GDK_KEY_a));
  g_assert_cmpint (vt_item_get_review_state (first), ==, VT_REVIEW_STATE_NOT_REVIEWED);
  g_assert_true (gtk_search_entry_get_key_capture_widget (fixture->window->search_entry)
                 == GTK_WIDGET (fixture->window));

  /* Curating, they are commands: the search, which would see every key
   * before the grid does, no longer captures them. */
  set_curating (fixture, TRUE);
  g_assert_null (gtk_search_entry_get_key_capture_widget (fixture->window->search_entry));
  g_assert_true (press_key (fixture, GDK_KEY_a));
  g_assert_cmpint (vt_item_get_review_state (first), ==, VT_REVIEW_STATE_APPROVED);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);

  g_assert_true (press_key (fixture, GDK_KEY_c));
  g_assert_cmpint (vt_item_get_review_state (second), ==, VT_REVIEW_STATE_NEEDS_CHANGES);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);

  g_assert_true (press_key (fixture, GDK_KEY_A));
  g_assert_cmpint (vt_item_get_review_state (third), ==, VT_REVIEW_STATE_APPROVED);
  gtk_single_selection_set_selected (selection, 2);
  g_assert_true (press_key (fixture, GDK_KEY_u));
  g_assert_cmpint (vt_item_get_review_state (third), ==, VT_REVIEW_STATE_NOT_REVIEWED);
  /* Taking a review back stays on the piece. */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);

  WAIT_UNTIL (file_contains (fixture->sidecar, "\"needs-changes\"")
              && file_contains (fixture->sidecar, "\"approved\""));
}

/* N opens the note editor on the selected piece; Save records it. */
static void
test_note (Fixture       *fixture,
           gconstpointer  data)
{
  GtkSingleSelection *selection = vt_gallery_view_get_selection (fixture->window->gallery);
  g_autoptr(VtItem) item = item_at (fixture, 0);
  GtkWindow *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  const VtReviewEntry *entry;

  set_curating (fixture, TRUE);
  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (press_key (fixture, GDK_KEY_n));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (VT_IS_NOTE_DIALOG (window))
        dialog = window;
    }
  g_assert_nonnull (dialog);
  /* Typing goes to the note at once. */
  g_assert_true (gtk_window_get_focus (dialog) == GTK_WIDGET (vt_note_dialog_get_text_view (VT_NOTE_DIALOG (dialog))));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (vt_note_dialog_get_text_view (VT_NOTE_DIALOG (dialog))),
                            "  The date is wrong.  ", -1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "note.save", NULL);

  entry = vt_review_store_lookup (fixture->window->reviews, vt_item_get_number (item));
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->note, ==, "The date is wrong.");
}

/* "Not reviewed", "Approved", "Needs changes" and "Has problems" count
 * and narrow the grid like any facet. */
static void
test_facets (Fixture       *fixture,
             gconstpointer  data)
{
  VtFacetSidebar *sidebar = fixture->window->sidebar;
  GtkSingleSelection *selection = vt_gallery_view_get_selection (fixture->window->gallery);
  guint total = grid_n_items (fixture->window);
  GtkCheckButton *check;
  int with_problems;

  /* Browsing, the curators' sections are not there. */
  WAIT_UNTIL (vt_facet_sidebar_get_check (sidebar, VT_FACET_REVIEW, "not-reviewed") != NULL);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (vt_facet_sidebar_get_check (sidebar, VT_FACET_REVIEW, "not-reviewed"))));

  set_curating (fixture, TRUE);
  gtk_single_selection_set_selected (selection, 0);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "review", g_variant_new_string ("needs-changes"));
  WAIT_UNTIL (vt_facet_sidebar_get_count (sidebar, VT_FACET_REVIEW, "needs-changes") == 1);
  g_assert_cmpint (vt_facet_sidebar_get_count (sidebar, VT_FACET_REVIEW, "not-reviewed"), ==, (int) total - 1);

  with_problems = vt_facet_sidebar_get_count (sidebar, VT_FACET_PROBLEMS, VT_FACET_VALUE_HAS_PROBLEMS);
  g_assert_cmpint (with_problems, >, 0);
  g_assert_cmpint (with_problems, <, (int) total);

  check = vt_facet_sidebar_get_check (sidebar, VT_FACET_PROBLEMS, VT_FACET_VALUE_HAS_PROBLEMS);
  gtk_check_button_set_active (check, TRUE);
  WAIT_UNTIL (grid_n_items (fixture->window) == (guint) with_problems);
  gtk_check_button_set_active (check, FALSE);

  check = vt_facet_sidebar_get_check (sidebar, VT_FACET_REVIEW, "needs-changes");
  gtk_check_button_set_active (check, TRUE);
  WAIT_UNTIL (grid_n_items (fixture->window) == 1);

  /* Approving the one piece listed takes it out of "Needs changes". */
  gtk_single_selection_set_selected (selection, 0);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "review", g_variant_new_string ("approved"));
  WAIT_UNTIL (grid_n_items (fixture->window) == 0);

  /* Back to browsing, nobody filters by what they cannot see. */
  set_curating (fixture, FALSE);
  WAIT_UNTIL (grid_n_items (fixture->window) == total);
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  GtkSingleSelection *selection = vt_gallery_view_get_selection (fixture->window->gallery);
  guint total = g_list_model_get_n_items (G_LIST_MODEL (vt_window_get_catalog (fixture->window)));
  g_autofree char *expected = NULL;

  g_assert_null (strstr (gtk_label_get_text (fixture->window->status_label), "reviewed"));

  set_curating (fixture, TRUE);
  expected = g_strdup_printf ("0 of %u reviewed", total);
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->status_label), expected));

  gtk_single_selection_set_selected (selection, 0);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "review", g_variant_new_string ("approved"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "review", g_variant_new_string ("needs-changes"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "review", g_variant_new_string ("needs-changes"));
  g_free (expected);
  expected = g_strdup_printf ("3 of %u reviewed · 2 need changes", total);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (fixture->window->status_label), expected));
}

/* Every problem, grouped by piece, errors first; a line opens its piece,
 * numbered or not. */
static void
test_problems_panel (Fixture       *fixture,
                     gconstpointer  data)
{
  VtProblemsPanel *panel = fixture->window->problems_panel;
  GListModel *lines = vt_problems_panel_get_model (panel);
  GListModel *problems = vt_catalog_get_problems (vt_window_get_catalog (fixture->window));
  g_autofree char *count = g_strdup_printf ("%u", g_list_model_get_n_items (problems));
  GtkSingleSelection *selection = vt_gallery_view_get_selection (fixture->window->gallery);
  gboolean warnings_only = FALSE;
  guint target = GTK_INVALID_LIST_POSITION;
  guint opened;
  VtItem *shown;

  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, g_list_model_get_n_items (problems));
  g_assert_cmpstr (gtk_label_get_text (fixture->window->problems_count), ==, count);

  /* A piece's lines together; no piece with an error after one with warnings only. */
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(VtProblem) problem = g_list_model_get_item (lines, i);
      g_autoptr(VtProblem) previous = i > 0 ? g_list_model_get_item (lines, i - 1) : NULL;
      gboolean new_piece = previous == NULL || vt_problem_get_number (previous) != vt_problem_get_number (problem);

      if (new_piece && previous != NULL && vt_problem_get_severity (previous) == VT_SEVERITY_WARNING
          && vt_problem_get_number (previous) != 0)
        warnings_only = TRUE;
      if (warnings_only)
        g_assert_cmpint (vt_problem_get_severity (problem), ==, VT_SEVERITY_WARNING);
      if (vt_problem_get_number (problem) == 10)
        target = i;
    }
  g_assert_cmpuint (target, !=, GTK_INVALID_LIST_POSITION);

  set_curating (fixture, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-problems", NULL);
  g_signal_emit_by_name (vt_problems_panel_get_list_view (panel), "activate", target);

  g_assert_cmpuint (vt_item_get_number (gtk_single_selection_get_selected_item (selection)), ==, 10);
  WAIT_UNTIL (fixture->window->detail_window != NULL
              && gtk_widget_get_visible (GTK_WIDGET (fixture->window->detail_window)));
  shown = vt_detail_window_get_item (VT_DETAIL_WINDOW (fixture->window->detail_window));
  g_assert_cmpuint (vt_item_get_number (shown), ==, 10);

  /* The line of a piece without a number, and of the second of two
   * pieces of one number, open that piece. */
  opened = 0;
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(VtProblem) problem = g_list_model_get_item (lines, i);
      const char *title = vt_problem_get_title (problem);
      VtItem *selected;

      if (g_strcmp0 (title, "1907 - Numberless") != 0 && g_strcmp0 (title, "1905 - Second of two") != 0)
        continue;
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-problems", NULL);
      g_signal_emit_by_name (vt_problems_panel_get_list_view (panel), "activate", i);
      selected = gtk_single_selection_get_selected_item (selection);
      g_assert_nonnull (selected);
      g_assert_cmpstr (vt_item_get_title (selected), ==, title);
      WAIT_UNTIL (vt_detail_window_get_item (VT_DETAIL_WINDOW (fixture->window->detail_window)) == selected);
      opened |= g_str_equal (title, "1907 - Numberless") ? 1 : 2;
    }
  g_assert_cmpuint (opened, ==, 3);
}

/* Before anything is selected (at start), the keys act on the piece
 * whose tile has the focus, as Enter does. */
static void
test_review_keys_focused_tile (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkSingleSelection *selection = vt_gallery_view_get_selection (fixture->window->gallery);
  g_autoptr(VtItem) first = item_at (fixture, 0);

  set_curating (fixture, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_window_present (GTK_WINDOW (fixture->window));
  vt_gallery_view_focus (fixture->window->gallery);
  WAIT_UNTIL (gtk_window_get_focus (GTK_WINDOW (fixture->window)) != NULL
              && gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->window)),
                                         GTK_WIDGET (fixture->window->gallery)));
  g_assert_null (gtk_single_selection_get_selected_item (selection));

  g_assert_true (press_key (fixture, GDK_KEY_a));
  g_assert_cmpint (vt_item_get_review_state (first), ==, VT_REVIEW_STATE_APPROVED);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/curator/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("mode-toggle", test_mode_toggle);
  ADD ("review-keys", test_review_keys);
  ADD ("review-keys/focused-tile", test_review_keys_focused_tile);
  ADD ("note", test_note);
  ADD ("facets", test_facets);
  ADD ("progress", test_progress);
  ADD ("problems-panel", test_problems_panel);

  return g_test_run ();
}
