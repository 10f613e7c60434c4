/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of the grid and the small widgets and helpers its tiles use: VtGalleryView, VtTileText, vt_widget_set_tooltip (). */

#include "config.h"

#include "vt-gallery-view.h"
#include "vt-slot-model.h"
#include "vt-test-util.h"
#include "vt-thumbnailer-private.h"
#include "vt-text.h"
#include "vt-tile-text.h"
#include "vt-tile.h"
#include "vt-tooltip.h"

#include <string.h>

/* VtTileText */

#define LONG_TEXT "1991 - Dissolution of the Union of Soviet Socialist Republics, " \
                  "and of everything that was built on it in seventy-four years"

typedef struct
{
  GtkWidget *window;
  GtkWidget *text;
} Fixture;

/* A tile text 120 pixels wide in a window on screen. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  fixture->window = gtk_window_new ();
  fixture->text = vt_tile_text_new ();
  gtk_widget_set_size_request (box, 120, -1);
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), fixture->text);
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  gtk_window_present (GTK_WINDOW (fixture->window));
  WAIT_UNTIL (gtk_widget_get_width (fixture->text) > 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

static int
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int            *natural)
{
  int minimum;

  gtk_widget_measure (widget, orientation, -1, &minimum, natural, NULL, NULL);

  return minimum;
}

/* The height is the number of lines times the font's line height, for
 * any text; no width is asked for. */
static void
test_height_from_lines (Fixture       *fixture,
                        gconstpointer  user_data)
{
  VtTileText *text = VT_TILE_TEXT (fixture->text);
  const char *texts[] = { "", "1956", LONG_TEXT };
  int one_line, natural;

  g_assert_cmpint (vt_tile_text_get_lines (text), ==, 1);
  one_line = measure (fixture->text, GTK_ORIENTATION_VERTICAL, &natural);
  g_assert_cmpint (one_line, >, 4);
  g_assert_cmpint (natural, ==, one_line);

  vt_tile_text_set_lines (text, 2);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      vt_tile_text_set_text (text, texts[i]);
      g_assert_cmpint (measure (fixture->text, GTK_ORIENTATION_VERTICAL, &natural), ==, 2 * one_line);
      g_assert_cmpint (measure (fixture->text, GTK_ORIENTATION_HORIZONTAL, &natural), ==, 0);
      g_assert_cmpint (natural, ==, 0);
    }

  /* The window gave it the two lines. */
  WAIT_UNTIL (gtk_widget_get_height (fixture->text) == 2 * one_line);
}

/* A text longer than its lines ends in an ellipsis; a short one does not. */
static void
test_ellipsized_to_width (Fixture       *fixture,
                          gconstpointer  user_data)
{
  VtTileText *text = VT_TILE_TEXT (fixture->text);

  vt_tile_text_set_lines (text, 2);
  vt_tile_text_set_text (text, LONG_TEXT);
  g_assert_cmpstr (vt_tile_text_get_text (text), ==, LONG_TEXT);
  g_assert_true (vt_tile_text_is_ellipsized (text));

  vt_tile_text_set_text (text, "1956");
  g_assert_false (vt_tile_text_is_ellipsized (text));

  /* Two short words fill two lines without an ellipsis; one line is
   * too few for them. */
  vt_tile_text_set_text (text, "Hungarian Revolution");
  g_assert_false (vt_tile_text_is_ellipsized (text));
  vt_tile_text_set_lines (text, 1);
  WAIT_UNTIL (vt_tile_text_is_ellipsized (text));
}

static gboolean
font_is (GtkWidget *widget,
         int        px)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);

  return pango_font_description_get_size (pango_context_get_font_description (context)) == px * PANGO_SCALE;
}

/* A larger font from CSS (the tiles' size provider) makes the lines taller. */
static void
test_follows_font_size (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  int small, large;

  gtk_widget_add_css_class (fixture->text, "vt-test-text");
  gtk_css_provider_load_from_data (css, ".vt-test-text { font-size: 10px; }", -1);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (fixture->text),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  WAIT_UNTIL (font_is (fixture->text, 10));
  small = measure (fixture->text, GTK_ORIENTATION_VERTICAL, NULL);
  g_assert_cmpint (small, >, 4);

  gtk_css_provider_load_from_data (css, ".vt-test-text { font-size: 40px; }", -1);
  WAIT_UNTIL (font_is (fixture->text, 40));
  large = measure (fixture->text, GTK_ORIENTATION_VERTICAL, NULL);
  g_assert_cmpint (large, >=, 3 * small);
  WAIT_UNTIL (gtk_widget_get_height (fixture->text) == large);

  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (fixture->text),
                                                 GTK_STYLE_PROVIDER (css));
}

/* Screen readers read it as a label with its text. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  user_data)
{
  guint notified = 0;

  g_signal_connect (fixture->text, "notify::text", G_CALLBACK (vt_test_count_notify_cb), &notified);
  vt_tile_text_set_text (VT_TILE_TEXT (fixture->text), "1956 - Hungarian Revolution");
  vt_tile_text_set_text (VT_TILE_TEXT (fixture->text), "1956 - Hungarian Revolution");
  g_assert_cmpuint (notified, ==, 1);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (fixture->text), GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->text),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "1956 - Hungarian Revolution");
}

/* A text of megabytes: what is kept, drawn and told to assistive
 * technologies is its start, cut with an ellipsis, then ellipsized by
 * Pango to the lines. */
static void
test_long_text_cut (Fixture       *fixture,
                    gconstpointer  user_data)
{
  VtTileText *text = VT_TILE_TEXT (fixture->text);
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'x');
  const char *shown;
  guint notified = 0;

  g_signal_connect (fixture->text, "notify::text", G_CALLBACK (vt_test_count_notify_cb), &notified);
  vt_tile_text_set_lines (text, 2);
  vt_tile_text_set_text (text, huge);
  vt_tile_text_set_text (text, huge);
  g_assert_cmpuint (notified, ==, 1);

  shown = vt_tile_text_get_text (text);
  g_assert_cmpuint (g_utf8_strlen (shown, -1), ==, 4 * VT_TEXT_BOUND_LINE);
  g_assert_true (g_str_has_suffix (shown, "…"));
  g_assert_cmpmem (shown, strlen (shown) - strlen ("…"), huge, strlen (shown) - strlen ("…"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->text),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, shown);

  /* Drawn in its two lines, ellipsized. */
  gtk_widget_queue_draw (fixture->text);
  WAIT_UNTIL (vt_tile_text_is_ellipsized (text));
  g_assert_cmpint (gtk_widget_get_height (fixture->text), <, 100);
}

/* vt_widget_set_tooltip () */

/* What GTK gets when it asks @widget for its tooltip. */
static gboolean
query_tooltip (GtkWidget *widget)
{
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_object_unref (tooltip);

  return shown;
}

static void
test_set_and_clear (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new_from_icon_name ("open-menu-symbolic"));
  const char *cleared[] = { NULL, "" };

  g_assert_null (vt_widget_get_tooltip (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_false (query_tooltip (button));

  vt_widget_set_tooltip (button, "Main Menu");
  g_assert_cmpstr (vt_widget_get_tooltip (button), ==, "Main Menu");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_true (query_tooltip (button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Main Menu");

  /* A new text replaces the old one; setting it again changes nothing. */
  vt_widget_set_tooltip (button, "Menu");
  vt_widget_set_tooltip (button, "Menu");
  g_assert_cmpstr (vt_widget_get_tooltip (button), ==, "Menu");
  g_assert_true (query_tooltip (button));
  g_assert_cmpuint (g_signal_handler_find (button, G_SIGNAL_MATCH_ID,
                                           g_signal_lookup ("query-tooltip", GTK_TYPE_WIDGET),
                                           0, NULL, NULL, NULL), !=, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Menu");

  for (guint i = 0; i < G_N_ELEMENTS (cleared); i++)
    {
      vt_widget_set_tooltip (button, "Menu");
      vt_widget_set_tooltip (button, cleared[i]);
      g_assert_null (vt_widget_get_tooltip (button));
      g_assert_false (gtk_widget_get_has_tooltip (button));
      g_assert_false (query_tooltip (button));
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    }

  g_assert_finalize_object (button);
}

/* A widget on screen gets its new tooltip as well. */
static void
test_on_screen (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_with_label ("Clear");

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (button));

  vt_widget_set_tooltip (button, "Remove every filter");
  g_assert_true (query_tooltip (button));
  g_assert_cmpstr (vt_widget_get_tooltip (button), ==, "Remove every filter");

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

/* VtGalleryView */

/* @n pieces without images (so no thumbnail is asked for). */
static GListModel *
new_pieces (guint n)
{
  GListStore *pieces = g_list_store_new (VT_TYPE_ITEM);

  for (guint i = 1; i <= n; i++)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autofree char *title = g_strdup_printf ("%u - Piece", 1900 + i);
      g_autoptr(VtItem) item = NULL;

      json_object_set_int_member (object, "number", i);
      json_object_set_string_member (object, "title", title);
      item = vt_item_new_from_json (object, NULL, NULL);
      g_list_store_append (pieces, item);
    }

  return G_LIST_MODEL (pieces);
}

/* A tile of the gallery's tile size, bound to a piece and laid out. */
static GtkWidget *
find_laid_out_tile (VtGalleryView *gallery)
{
  g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (gallery);

  for (guint i = 0; i < tiles->len; i++)
    {
      VtTile *tile = g_ptr_array_index (tiles, i);

      if (vt_tile_get_item (tile) != NULL
          && vt_tile_get_size (tile) == vt_gallery_view_get_tile_size (gallery)
          && gtk_widget_get_width (GTK_WIDGET (tile)) > 0)
        return GTK_WIDGET (tile);
    }

  return NULL;
}

/* The columns the gallery counts are the cells that fit in the grid as
 * the stylesheet lays them out: as many as fit, and no more, at any tile
 * size; and its first screen has as many rows as can be in view. */
static void
test_gallery_columns_fit (void)
{
  const int sizes[] = { VT_TILE_MIN_SIZE, VT_TILE_DEFAULT_SIZE, 300, VT_TILE_MAX_SIZE };
  g_autoptr(GListModel) pieces = new_pieces (40);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *gallery = vt_gallery_view_new (vt_thumbnailer_get_default ());
  GtkWidget *grid = GTK_WIDGET (vt_gallery_view_get_grid_view (VT_GALLERY_VIEW (gallery)));

  vt_gallery_view_set_model (VT_GALLERY_VIEW (gallery), pieces);
  gtk_window_set_default_size (GTK_WINDOW (window), 1111, 700);
  gtk_window_set_child (GTK_WINDOW (window), gallery);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      GtkWidget *cell;
      GtkBorder padding;
      guint columns, rows;
      int cell_width, cell_height, inner_width;

      vt_gallery_view_set_tile_size (VT_GALLERY_VIEW (gallery), sizes[i]);
      g_assert_cmpint (vt_gallery_view_get_tile_size (VT_GALLERY_VIEW (gallery)), ==, sizes[i]);
      /* Laid out at this size, and the columns counted from it. */
      WAIT_UNTIL (find_laid_out_tile (VT_GALLERY_VIEW (gallery)) != NULL);
      WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
      /* The cell: the tile and its padding. */
      cell = gtk_widget_get_parent (find_laid_out_tile (VT_GALLERY_VIEW (gallery)));
      gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &cell_width, NULL, NULL, NULL);
      gtk_style_context_get_padding (gtk_widget_get_style_context (grid), &padding);
      inner_width = gtk_widget_get_width (grid) - padding.left - padding.right;
      columns = gtk_grid_view_get_max_columns (GTK_GRID_VIEW (grid));

      g_assert_cmpint (cell_width, >, sizes[i]);
      g_assert_cmpint ((int) columns * cell_width, <=, inner_width);
      g_assert_cmpint ((int) (columns + 1) * cell_width, >, inner_width);

      /* The first screen holds every cell that can be in view. */
      gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, cell_width, &cell_height, NULL, NULL, NULL);
      rows = (gtk_widget_get_height (gallery) + cell_height - 1) / cell_height;
      g_assert_cmpuint (vt_gallery_view_get_first_screen_size (VT_GALLERY_VIEW (gallery)), >=, columns * rows);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

/* VtSlotModel */

typedef struct
{
  guint   n;
  guint   position;
  guint   removed;
  guint   added;
  /* Selection: one bit per position told. */
  guint32 told;
} Changes;

static void
record_changes_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Changes    *changes)
{
  changes->n++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static void
record_selection_cb (GtkSelectionModel *model,
                     guint              position,
                     guint              n_items,
                     Changes           *changes)
{
  changes->n++;
  for (guint i = position; i < position + n_items; i++)
    changes->told |= 1u << i;
}

static void
count_notify_cb (GObject    *slot,
                 GParamSpec *pspec,
                 guint      *n)
{
  (*n)++;
}

/* The slot model holds a slot for each of the pieces' positions, each
 * with the piece there, and the pieces' selection. */
static void
assert_slots_agree (VtSlotModel *slots,
                    GListModel  *pieces)
{
  guint n = g_list_model_get_n_items (pieces);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, n);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (slots)) == VT_TYPE_SLOT);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);
      g_autoptr(VtItem) piece = g_list_model_get_item (pieces, i);

      g_assert_true (vt_slot_get_item (slot) == piece);
      g_assert_cmpint (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (slots), i), ==,
                       gtk_selection_model_is_selected (vt_slot_model_get_model (slots), i));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (slots), n));
}

/* @n slots, each held in @held. */
static GPtrArray *
hold_slots (VtSlotModel *slots)
{
  GPtrArray *held = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (slots)); i++)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (slots), i));

  return held;
}

/* Pieces replaced by as many others: no items-changed, the slots there
 * get the new pieces (told even when a piece is the same one again),
 * the others keep theirs untold, and the selection of the span is told
 * anew. */
static void
test_slot_model_replace (void)
{
  g_autoptr(GListModel) pieces = new_pieces (10);
  g_autoptr(GListModel) others = new_pieces (3);
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (g_object_ref (pieces));
  g_autoptr(VtSlotModel) slots = vt_slot_model_new (GTK_SELECTION_MODEL (selection));
  g_autoptr(GPtrArray) held = hold_slots (slots);
  g_autoptr(VtItem) kept = g_list_model_get_item (pieces, 5);
  gpointer replacements[3];
  guint notified[10] = { 0 };
  Changes changes = { 0 }, selected = { 0 };

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_selected (selection, 3);
  assert_slots_agree (slots, pieces);
  for (guint i = 0; i < held->len; i++)
    g_signal_connect (g_ptr_array_index (held, i), "notify::item", G_CALLBACK (count_notify_cb), &notified[i]);
  g_signal_connect (slots, "items-changed", G_CALLBACK (record_changes_cb), &changes);
  g_signal_connect (slots, "selection-changed", G_CALLBACK (record_selection_cb), &selected);

  /* Pieces 3 and 4 replaced, 5 the same again. */
  replacements[0] = g_list_model_get_item (others, 0);
  replacements[1] = g_list_model_get_item (others, 1);
  replacements[2] = g_object_ref (kept);
  g_list_store_splice (G_LIST_STORE (pieces), 3, 3, replacements, 3);
  for (guint i = 0; i < 3; i++)
    g_object_unref (replacements[i]);

  g_assert_cmpuint (changes.n, ==, 0);
  for (guint i = 0; i < held->len; i++)
    g_assert_cmpuint (notified[i], ==, i >= 3 && i < 6 ? 1 : 0);
  g_assert_true (vt_slot_get_item (g_ptr_array_index (held, 5)) == kept);
  /* Only the slot whose selection changed is told of it. */
  g_assert_cmpuint (selected.told, ==, 1u << 3);
  /* The selected piece went: nothing is selected, slot 3 included. */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  assert_slots_agree (slots, pieces);
  for (guint i = 0; i < held->len; i++)
    {
      g_autoptr(VtSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);

      g_assert_true (slot == g_ptr_array_index (held, i));
    }
}

/* Fewer pieces, then more: the slots that stay are the same objects
 * with the pieces now at their positions, and items-changed names only
 * the end, removed or added. */
static void
test_slot_model_shrink_grow (void)
{
  g_autoptr(GListModel) pieces = new_pieces (10);
  g_autoptr(GListModel) others = new_pieces (4);
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (g_object_ref (pieces));
  g_autoptr(VtSlotModel) slots = vt_slot_model_new (GTK_SELECTION_MODEL (selection));
  g_autoptr(GPtrArray) held = hold_slots (slots);
  g_autoptr(VtItem) moved = g_list_model_get_item (pieces, 7);
  gpointer added[4];
  Changes changes = { 0 }, selected = { 0 };

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_selected (selection, 7);
  g_signal_connect (slots, "items-changed", G_CALLBACK (record_changes_cb), &changes);
  g_signal_connect (slots, "selection-changed", G_CALLBACK (record_selection_cb), &selected);

  /* Two pieces gone from the middle. */
  g_list_store_splice (G_LIST_STORE (pieces), 2, 2, NULL, 0);
  g_assert_cmpuint (changes.n, ==, 1);
  g_assert_cmpuint (changes.position, ==, 8);
  g_assert_cmpuint (changes.removed, ==, 2);
  g_assert_cmpuint (changes.added, ==, 0);
  assert_slots_agree (slots, pieces);
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(VtSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);

      g_assert_true (slot == g_ptr_array_index (held, i));
    }
  /* The selected piece moved from slot 7 to slot 5: both told. */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 5);
  g_assert_true (vt_slot_get_item (g_ptr_array_index (held, 5)) == moved);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (slots), 5));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (slots), 7));
  g_assert_cmpuint (selected.told, ==, (1u << 5) | (1u << 7));

  /* Four pieces added at the start. */
  for (guint i = 0; i < 4; i++)
    added[i] = g_list_model_get_item (others, i);
  g_list_store_splice (G_LIST_STORE (pieces), 0, 0, added, 4);
  for (guint i = 0; i < 4; i++)
    g_object_unref (added[i]);
  g_assert_cmpuint (changes.n, ==, 2);
  g_assert_cmpuint (changes.position, ==, 8);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 4);
  assert_slots_agree (slots, pieces);
  g_assert_true (vt_slot_get_item (g_ptr_array_index (held, 0)) == added[0]);
}

/* Fewer pieces, with slots alive past the new end (the grid's cells
 * hold them, scrolled down): those slots move to the free positions
 * before the end, nearest it first, with the pieces there, and the
 * items-changed names them among the items added, so the grid keeps
 * their cells. */
static void
test_slot_model_shrink_moves_slots (void)
{
  g_autoptr(GListModel) pieces = new_pieces (10);
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (g_object_ref (pieces));
  g_autoptr(VtSlotModel) slots = vt_slot_model_new (GTK_SELECTION_MODEL (selection));
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  Changes changes = { 0 };

  gtk_single_selection_set_autoselect (selection, FALSE);
  /* Slots alive at 0 and from 6 to 9. */
  g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (slots), 0));
  for (guint i = 6; i < 10; i++)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (slots), i));
  g_signal_connect (slots, "items-changed", G_CALLBACK (record_changes_cb), &changes);

  /* Four pieces left: slot 0 stays, 6 to 8 go to 3 to 1, 9 leaves. */
  g_list_store_splice (G_LIST_STORE (pieces), 1, 6, NULL, 0);
  g_assert_cmpuint (changes.n, ==, 1);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 9);
  g_assert_cmpuint (changes.added, ==, 3);
  assert_slots_agree (slots, pieces);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(VtSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);

      g_assert_true (slot == g_ptr_array_index (held, i == 0 ? 0 : 4 - i));
    }
}

/* Selecting through the slot model selects the piece in the model under
 * it; a slot no one holds goes, and one made again holds the piece at
 * its position. */
static void
test_slot_model_select_and_release (void)
{
  g_autoptr(GListModel) pieces = new_pieces (5);
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (g_object_ref (pieces));
  g_autoptr(VtSlotModel) slots = vt_slot_model_new (GTK_SELECTION_MODEL (selection));
  g_autoptr(VtItem) third = g_list_model_get_item (pieces, 2);
  Changes selected = { 0 };
  VtSlot *slot;

  gtk_single_selection_set_autoselect (selection, FALSE);
  g_signal_connect (slots, "selection-changed", G_CALLBACK (record_selection_cb), &selected);
  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (slots), 2, TRUE));
  g_assert_true (gtk_single_selection_get_selected_item (selection) == third);
  /* As the selection under it tells it. */
  g_assert_cmpuint (selected.told & (1u << 2), !=, 0);
  assert_slots_agree (slots, pieces);

  slot = g_list_model_get_item (G_LIST_MODEL (slots), 2);
  g_assert_finalize_object (slot);
  g_list_store_remove (G_LIST_STORE (pieces), 0);
  slot = g_list_model_get_item (G_LIST_MODEL (slots), 2);
  g_assert_cmpuint (vt_item_get_number (vt_slot_get_item (slot)), ==, 4);
  g_object_unref (slot);
  assert_slots_agree (slots, pieces);
}

/* The gallery over a store of pieces, in a window, laid out. */
static GtkWidget *
new_gallery_window (GListModel     *pieces,
                    VtGalleryView **gallery)
{
  GtkWidget *window = gtk_window_new ();

  *gallery = VT_GALLERY_VIEW (vt_gallery_view_new (vt_thumbnailer_get_default ()));
  vt_gallery_view_set_model (*gallery, pieces);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (*gallery));
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (find_laid_out_tile (*gallery) != NULL);
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));

  return window;
}

/* The tile showing the piece at @position, NULL if none. */
static VtTile *
tile_at (VtGalleryView *gallery,
         guint          position)
{
  g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (gallery);
  g_autoptr(VtItem) piece = g_list_model_get_item (vt_gallery_view_get_model (gallery), position);

  for (guint i = 0; i < tiles->len; i++)
    {
      if (vt_tile_get_item (g_ptr_array_index (tiles, i)) == piece)
        return g_ptr_array_index (tiles, i);
    }

  return NULL;
}

/* How many cells look selected; the one that does is @selected's. */
static guint
count_selected_cells (VtGalleryView *gallery,
                      VtItem        *selected)
{
  g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (gallery);
  guint n = 0;

  for (guint i = 0; i < tiles->len; i++)
    {
      VtTile *tile = g_ptr_array_index (tiles, i);
      GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (tile));

      if (cell != NULL && gtk_widget_get_mapped (cell)
          && (gtk_widget_get_state_flags (cell) & GTK_STATE_FLAG_SELECTED) != 0)
        {
          g_assert_true (vt_tile_get_item (tile) == selected);
          n++;
        }
    }

  return n;
}

/* New pieces at the top (a search that lands): the tiles in view stay
 * and show the new pieces, with their names, and no new tile is made. */
static void
test_gallery_tiles_kept (void)
{
  g_autoptr(GListModel) pieces = new_pieces (60);
  g_autoptr(GListModel) others = new_pieces (40);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) replacements = g_ptr_array_new_with_free_func (g_object_unref);
  VtGalleryView *gallery;
  GtkWidget *window = new_gallery_window (pieces, &gallery);

  before = vt_gallery_view_list_tiles (gallery);
  for (guint i = 0; i < 40; i++)
    g_ptr_array_add (replacements, g_list_model_get_item (others, 39 - i));
  g_list_store_splice (G_LIST_STORE (pieces), 0, 60, replacements->pdata, replacements->len);
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));

  after = vt_gallery_view_list_tiles (gallery);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_find (before, g_ptr_array_index (after, i), NULL));
  for (guint i = 0; i < 8; i++)
    {
      VtTile *tile = tile_at (gallery, i);
      g_autofree char *label = NULL;

      g_assert_nonnull (tile);
      g_assert_cmpuint (vt_item_get_number (vt_tile_get_item (tile)), ==, 40 - i);
      label = g_strdup_printf ("%u - Piece", 1900 + 40 - i);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (tile)));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (tile))),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, label);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

/* The selected piece moved by a change looks selected where it went;
 * filtered out, no other piece looks selected in its place. */
static void
test_gallery_selection_follows (void)
{
  g_autoptr(GListModel) pieces = new_pieces (30);
  g_autoptr(VtItem) fifth = g_list_model_get_item (pieces, 4);
  VtGalleryView *gallery;
  GtkWidget *window = new_gallery_window (pieces, &gallery);
  GtkSingleSelection *selection = vt_gallery_view_get_selection (gallery);

  gtk_single_selection_set_selected (selection, 4);
  WAIT_UNTIL (count_selected_cells (gallery, fifth) == 1);

  /* Two pieces before it gone: it is at 2 now, and only it looks selected. */
  g_list_store_splice (G_LIST_STORE (pieces), 0, 2, NULL, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (count_selected_cells (gallery, fifth), ==, 1);
  g_assert_true (vt_tile_get_item (tile_at (gallery, 2)) == fifth);

  /* It is filtered out: nothing is selected, nothing looks it. */
  g_list_store_remove (G_LIST_STORE (pieces), 2);
  g_assert_null (gtk_single_selection_get_selected_item (selection));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (count_selected_cells (gallery, NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

/* The cell with the keyboard focus: its piece moved by a change, the
 * focus goes with it, as GTK's grid has it. */
static void
test_gallery_focus_follows (void)
{
  g_autoptr(GListModel) pieces = new_pieces (30);
  g_autoptr(VtItem) sixth = g_list_model_get_item (pieces, 5);
  VtGalleryView *gallery;
  GtkWidget *window = new_gallery_window (pieces, &gallery);
  GtkWidget *cell;

  vt_gallery_view_focus_position (gallery, 5);
  WAIT_UNTIL (tile_at (gallery, 5) != NULL
              && gtk_widget_has_focus (gtk_widget_get_parent (GTK_WIDGET (tile_at (gallery, 5)))));

  g_list_store_splice (G_LIST_STORE (pieces), 0, 2, NULL, 0);
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
  g_assert_true (vt_tile_get_item (tile_at (gallery, 3)) == sixth);
  cell = gtk_widget_get_parent (GTK_WIDGET (tile_at (gallery, 3)));
  g_assert_true (gtk_widget_has_focus (cell));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), cell)
                 || gtk_window_get_focus (GTK_WINDOW (window)) == cell);

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

/* Some frames, for the grid to scroll and lay out. */
static void
wait_frames (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Scrolled to have @position's row at the top, laid out. */
static void
scroll_to_row_of (VtGalleryView *gallery,
                  guint          position)
{
  GtkGridView *grid = vt_gallery_view_get_grid_view (gallery);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  GtkWidget *cell = gtk_widget_get_parent (find_laid_out_tile (gallery));
  guint columns = gtk_grid_view_get_max_columns (grid);
  int row_height;
  VtGalleryPlace place = { 0 };

  /* Laid out with the pieces it has now. */
  wait_frames ();
  /* The row: the cell and its padding, as the grid's adjustment counts. */
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &row_height, NULL, NULL, NULL);
  gtk_adjustment_set_value (vadjustment, 12 + (position / columns) * row_height + 4);
  wait_frames ();
  vt_gallery_view_get_place (gallery, &place);
  g_assert_cmpuint (place.top, ==, position / columns * columns + 1);
}

/* The position of the first piece of the top row in view, once laid
 * out: the pieces are numbered from 1 in order. Each tile in view shows
 * a piece of the model, in its column. */
static guint
top_position (VtGalleryView *gallery,
              guint          first_number)
{
  GtkGridView *grid = vt_gallery_view_get_grid_view (gallery);
  GListModel *model = vt_gallery_view_get_model (gallery);
  guint columns = gtk_grid_view_get_max_columns (grid);
  g_autoptr(GPtrArray) tiles = NULL;
  VtGalleryPlace place = { 0 };

  wait_frames ();
  tiles = vt_gallery_view_list_tiles (gallery);
  for (guint i = 0; i < tiles->len; i++)
    {
      VtTile *tile = g_ptr_array_index (tiles, i);
      GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (tile));
      guint number;
      graphene_rect_t bounds;
      g_autoptr(VtItem) piece = NULL;

      if (cell == NULL || !gtk_widget_get_mapped (cell) || vt_tile_get_item (tile) == NULL)
        continue;
      number = vt_item_get_number (vt_tile_get_item (tile));
      g_assert_cmpuint (number, >=, first_number);
      piece = g_list_model_get_item (model, number - first_number);
      g_assert_true (piece == vt_tile_get_item (tile));
      g_assert_true (gtk_widget_compute_bounds (cell, GTK_WIDGET (grid), &bounds));
      g_assert_cmpuint ((guint) (bounds.origin.x / bounds.size.width), ==, (number - first_number) % columns);
    }

  vt_gallery_view_get_place (gallery, &place);
  g_assert_cmpuint (place.top, >=, first_number);
  return place.top - first_number;
}

static void
replace_all (GListModel *pieces,
             guint       n)
{
  g_autoptr(GListModel) others = new_pieces (n);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (others, i));
  g_list_store_splice (G_LIST_STORE (pieces), 0, g_list_model_get_n_items (pieces), items->pdata, n);
}

/* The grid scrolled down, its pieces change: as GTK's grid keeps its
 * place, it follows the piece at the top of the view; that piece gone,
 * it goes as far into the new pieces as it was into the old ones, to
 * their end when they are fewer than were above the view. Every tile in
 * view shows the piece at its place. */
static void
test_gallery_scroll_kept (void)
{
  g_autoptr(GListModel) pieces = new_pieces (300);
  VtGalleryView *gallery;
  GtkWidget *window = new_gallery_window (pieces, &gallery);
  guint columns = gtk_grid_view_get_max_columns (vt_gallery_view_get_grid_view (gallery));
  guint top;

  /* Two rows before the top piece gone: it stays at the top. */
  scroll_to_row_of (gallery, 20 * columns);
  g_list_store_splice (G_LIST_STORE (pieces), 0, 2 * columns, NULL, 0);
  g_assert_cmpuint (top_position (gallery, 2 * columns + 1), ==, 18 * columns);

  /* All replaced by a third as many: a third as far. */
  replace_all (pieces, 100);
  top = top_position (gallery, 1);
  g_assert_cmpuint (top / columns, >=, 18 / 3 - 1);
  g_assert_cmpuint (top / columns, <=, 18 / 3 + 1);

  /* Fewer than were above the view: their last rows. (With the end of
   * the pieces in view, which once left tiles of pieces gone.) */
  replace_all (pieces, 300);
  scroll_to_row_of (gallery, 280);
  replace_all (pieces, 2 * columns + 1);
  g_assert_cmpuint (top_position (gallery, 1), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (vt_gallery_view_get_grid_view (gallery)))),
                    ==, 2 * columns + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

/* Scrolled down, a filter leaves a fifth of the pieces, none of them
 * in view: the grid shows the new pieces with the tiles it had, and no
 * new tile is made. */
static void
test_gallery_tiles_kept_fewer (void)
{
  g_autoptr(GListModel) pieces = new_pieces (300);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  VtGalleryView *gallery;
  GtkWidget *window = new_gallery_window (pieces, &gallery);
  guint columns = gtk_grid_view_get_max_columns (vt_gallery_view_get_grid_view (gallery));

  scroll_to_row_of (gallery, 150);
  before = vt_gallery_view_list_tiles (gallery);
  /* Every fifth piece of the first half stays, in one change. */
  for (guint i = 0; i < 150; i += 5)
    g_ptr_array_add (kept, g_list_model_get_item (pieces, i));
  g_list_store_splice (G_LIST_STORE (pieces), 0, 300, kept->pdata, kept->len);
  g_assert_cmpuint (g_list_model_get_n_items (pieces), ==, 30);
  wait_frames ();

  after = vt_gallery_view_list_tiles (gallery);
  g_assert_cmpuint (after->len, >=, 30);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_find (before, g_ptr_array_index (after, i), NULL));
  for (guint i = 0; i < MIN (30, 2 * columns); i++)
    {
      g_autoptr(VtItem) piece = g_list_model_get_item (pieces, i);
      VtTile *tile = tile_at (gallery, i);

      g_assert_nonnull (tile);
      g_assert_true (vt_tile_get_item (tile) == piece);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

/* Fewer pieces, then more again (a facet ticked, then unticked): the
 * grid drops the cells past the end and later builds new ones, which
 * get the tiles of the cells it dropped, showing their new pieces with
 * their names, and no new tile is made. */
static void
test_gallery_tiles_kept_for_more (void)
{
  g_autoptr(GListModel) pieces = new_pieces (200);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) fewer = NULL;
  g_autoptr(GPtrArray) after = NULL;
  VtGalleryView *gallery;
  GtkWidget *window = new_gallery_window (pieces, &gallery);
  guint columns = gtk_grid_view_get_max_columns (vt_gallery_view_get_grid_view (gallery));

  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (all, g_list_model_get_item (pieces, i));
  before = vt_gallery_view_list_tiles (gallery);
  g_assert_cmpuint (before->len, >, 2 * columns);

  g_list_store_splice (G_LIST_STORE (pieces), columns, 200 - columns, NULL, 0);
  wait_frames ();
  fewer = vt_gallery_view_list_tiles (gallery);
  g_assert_cmpuint (fewer->len, <, before->len);

  g_list_store_splice (G_LIST_STORE (pieces), columns, 0, all->pdata + columns, 200 - columns);
  wait_frames ();
  after = vt_gallery_view_list_tiles (gallery);
  g_assert_cmpuint (after->len, >, fewer->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_find (before, g_ptr_array_index (after, i), NULL));
  for (guint i = 0; i < 2 * columns; i++)
    {
      VtTile *tile = tile_at (gallery, i);
      g_autofree char *label = g_strdup_printf ("%u - Piece", 1900 + i + 1);

      g_assert_nonnull (tile);
      g_assert_true (vt_tile_get_item (tile) == g_ptr_array_index (all, i));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (tile)));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (tile))),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, label);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

/* A tile bound to a piece, at least partly in the view. */
static gboolean
tile_in_view (VtGalleryView *gallery,
              VtTile        *tile)
{
  GtkWidget *scroller = GTK_WIDGET (vt_gallery_view_get_scroller (gallery));
  graphene_rect_t bounds;

  return vt_tile_get_item (tile) != NULL && gtk_widget_get_mapped (GTK_WIDGET (tile))
         && gtk_widget_compute_bounds (GTK_WIDGET (tile), scroller, &bounds)
         && bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < gtk_widget_get_height (scroller);
}

/* The title a tile shows, from its first line of text. */
static const char *
tile_title (VtTile *tile)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (tile));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (VT_IS_TILE_TEXT (child))
      return vt_tile_text_get_text (VT_TILE_TEXT (child));

  return NULL;
}

/* A tile shows its piece: its title, and its cell's accessible name. */
static gboolean
tile_shows_piece (VtTile *tile)
{
  VtItem *piece = vt_tile_get_item (tile);
  g_autofree char *wrong = NULL;

  if (piece == NULL || g_strcmp0 (tile_title (tile), vt_item_get_title (piece)) != 0)
    return FALSE;
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (tile))),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, vt_item_get_title (piece));
  return wrong == NULL;
}

typedef struct
{
  VtGalleryView *gallery;
  guint          layouts;
  guint          waiting_drawn;
  guint          stale_in_view;
} LabelsWatch;

static guint
count_waiting (VtGalleryView *gallery)
{
  g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (gallery);
  guint waiting = 0;

  for (guint i = 0; i < tiles->len; i++)
    waiting += vt_tile_get_labels_waiting (g_ptr_array_index (tiles, i));

  return waiting;
}

/* Laid out, about to be drawn: each tile in view shows its piece. */
static void
on_layout_check_labels_cb (GdkFrameClock *clock,
                           LabelsWatch   *watch)
{
  g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (watch->gallery);

  if (watch->layouts++ == 0)
    watch->waiting_drawn = count_waiting (watch->gallery);
  for (guint i = 0; i < tiles->len; i++)
    {
      VtTile *tile = g_ptr_array_index (tiles, i);

      if (tile_in_view (watch->gallery, tile)
          && (vt_tile_get_labels_waiting (tile) || !tile_shows_piece (tile)))
        watch->stale_in_view++;
    }
}

/* Cells the grid builds for more pieces are bound out of reach: their
 * texts wait, except those the layout puts in view, which show theirs
 * in the first frame; the others come a few frames later. */
static void
test_gallery_tiles_labels_wait_out_of_reach (void)
{
  g_autoptr(GListModel) pieces = new_pieces (200);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tiles = NULL;
  VtGalleryView *gallery;
  GtkWidget *window = new_gallery_window (pieces, &gallery);
  guint columns = gtk_grid_view_get_max_columns (vt_gallery_view_get_grid_view (gallery));
  LabelsWatch watch = { gallery, 0, 0, 0 };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong handler;

  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (all, g_list_model_get_item (pieces, i));
  g_list_store_splice (G_LIST_STORE (pieces), columns, 200 - columns, NULL, 0);
  wait_frames ();
  g_assert_cmpuint (count_waiting (gallery), ==, 0);

  handler = g_signal_connect_data (clock, "layout", G_CALLBACK (on_layout_check_labels_cb), &watch,
                                   NULL, G_CONNECT_AFTER);
  /* The rows past the first are new cells, the second in view. */
  g_list_store_splice (G_LIST_STORE (pieces), columns, 0, all->pdata + columns, 200 - columns);
  g_assert_cmpuint (count_waiting (gallery), >, 2 * columns);
  WAIT_UNTIL (count_waiting (gallery) == 0);
  g_signal_handler_disconnect (clock, handler);

  /* The first frame drew the tiles in view, and left those below. */
  g_assert_cmpuint (watch.layouts, >, 0);
  g_assert_cmpuint (watch.waiting_drawn, >, columns);
  g_assert_cmpuint (watch.stale_in_view, ==, 0);
  tiles = vt_gallery_view_list_tiles (gallery);
  g_assert_cmpuint (tiles->len, >, 4 * columns);
  for (guint i = 0; i < tiles->len; i++)
    g_assert_true (tile_shows_piece (g_ptr_array_index (tiles, i)));

  /* Curator mode names problems and reviews: the tiles out of reach
   * wait for it too, and come a few frames later. */
  vt_gallery_view_set_curating (gallery, TRUE);
  g_assert_cmpuint (count_waiting (gallery), >, 0);
  WAIT_UNTIL (count_waiting (gallery) == 0);
  for (guint i = 0; i < tiles->len; i++)
    g_assert_true (vt_tile_get_curating (g_ptr_array_index (tiles, i)));

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

/* What the gallery's thumbnailer was asked for: decodes, thumbnails
 * read from the disk and pictures from its memory. */
static guint
count_asked (VtThumbnailer *thumbnailer)
{
  VtThumbnailerStats stats;

  vt_thumbnailer_get_stats (thumbnailer, &stats);
  return stats.decodes + stats.disk_hits + stats.memory_hits;
}

/* Every tile in the view shows its picture. */
static gboolean
pictures_in_view (VtGalleryView *gallery)
{
  g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (gallery);
  guint shown = 0;

  for (guint i = 0; i < tiles->len; i++)
    {
      VtTile *tile = g_ptr_array_index (tiles, i);

      if (!tile_in_view (gallery, tile))
        continue;
      if (vt_tile_get_state (tile) != VT_TILE_PICTURE)
        return FALSE;
      shown++;
    }

  return shown > 0;
}

/* The tiles' pictures are not kept twice, in the thumbnailer's memory as
 * well; those the tiles let go as the view moved on are shown again,
 * the view scrolled back, without asking the thumbnailer. */
static void
test_gallery_pictures_kept (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vt-gallery-pictures-XXXXXX");
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autofree char *source = g_build_filename (TEST_DATA_DIR, "images", "moss.png", NULL);
  g_autoptr(GFile) base = g_file_new_for_path (dir);
  g_autoptr(VtThumbnailer) thumbnailer = g_object_new (VT_TYPE_THUMBNAILER, "cache-dir", cache, NULL);
  GListStore *store = g_list_store_new (VT_TYPE_ITEM);
  g_autoptr(GListModel) pieces = G_LIST_MODEL (store);
  g_autofree char *png = NULL;
  GtkWidget *window = gtk_window_new ();
  VtGalleryView *gallery;
  GtkAdjustment *vadjustment;
  VtTile *first;
  gsize length;
  guint asked;

  /* A file of its own for each piece: each is a picture of its own. */
  g_assert_true (g_file_get_contents (source, &png, &length, NULL));
  for (guint i = 1; i <= 200; i++)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autofree char *name = g_strdup_printf ("%03u.png", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(VtItem) item = NULL;

      vt_test_write_file (path, png, length);
      json_object_set_int_member (object, "number", i);
      json_object_set_string_member (object, "title", name);
      json_object_set_string_member (object, "image", name);
      item = vt_item_new_from_json (object, base, NULL);
      g_list_store_append (store, item);
    }

  gallery = VT_GALLERY_VIEW (vt_gallery_view_new (thumbnailer));
  vt_gallery_view_set_model (gallery, pieces);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (gallery));
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (pictures_in_view (gallery));
  g_assert_cmpuint (vt_thumbnailer_get_memory_used (thumbnailer), ==, 0);

  /* A screen and a half down: the first rows are out of reach. */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (vt_gallery_view_get_grid_view (gallery)));
  gtk_adjustment_set_value (vadjustment, 1.5 * gtk_adjustment_get_page_size (vadjustment));
  wait_frames ();
  WAIT_UNTIL (pictures_in_view (gallery));
  /* (Until the tiles that came in reach below the view have theirs.) */
  do
    {
      asked = count_asked (thumbnailer);
      wait_frames ();
    }
  while (count_asked (thumbnailer) != asked);
  first = tile_at (gallery, 0);
  g_assert_true (first == NULL || vt_tile_get_state (first) == VT_TILE_LOADING);

  gtk_adjustment_set_value (vadjustment, 0);
  WAIT_UNTIL (pictures_in_view (gallery));
  g_assert_cmpuint (count_asked (thumbnailer), ==, asked);

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
  vt_test_remove_tree (dir);
}

/* A tooltip of megabytes is kept, and given to GTK and to assistive
 * technologies, cut. */
static void
test_tooltip_long_text_cut (void)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("Hungary"));
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'x');
  const char *kept;

  vt_widget_set_tooltip (label, huge);
  kept = vt_widget_get_tooltip (label);
  g_assert_cmpuint (g_utf8_strlen (kept, -1), ==, VT_TEXT_BOUND_TOOLTIP);
  g_assert_true (g_str_has_suffix (kept, "xx…"));
  g_assert_true (query_tooltip (label));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (label),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, kept);

  g_assert_finalize_object (label);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's accessibility backend for tests: no bus, and the properties
   * given to assistive technologies can be checked. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return 0;
    }

#define ADD(path, func) \
  g_test_add ("/tile-text/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("height-from-lines", test_height_from_lines);
  ADD ("ellipsized-to-width", test_ellipsized_to_width);
  ADD ("follows-font-size", test_follows_font_size);
  ADD ("accessible", test_accessible);
  ADD ("long-text-cut", test_long_text_cut);

  g_test_add_func ("/gallery/columns/fit-cells", test_gallery_columns_fit);
  g_test_add_func ("/gallery/tiles/kept-for-new-pieces", test_gallery_tiles_kept);
  g_test_add_func ("/gallery/selection/follows-piece", test_gallery_selection_follows);
  g_test_add_func ("/gallery/scroll/kept-as-grid-does", test_gallery_scroll_kept);
  g_test_add_func ("/gallery/focus/follows-piece", test_gallery_focus_follows);
  g_test_add_func ("/gallery/tiles/kept-for-fewer-pieces", test_gallery_tiles_kept_fewer);
  g_test_add_func ("/gallery/tiles/kept-for-more-pieces-again", test_gallery_tiles_kept_for_more);
  g_test_add_func ("/gallery/tiles/labels-wait-out-of-reach", test_gallery_tiles_labels_wait_out_of_reach);
  g_test_add_func ("/gallery/pictures/kept-once-and-for-scroll-back", test_gallery_pictures_kept);
  g_test_add_func ("/slot-model/replace", test_slot_model_replace);
  g_test_add_func ("/slot-model/shrink-and-grow", test_slot_model_shrink_grow);
  g_test_add_func ("/slot-model/select-and-release", test_slot_model_select_and_release);
  g_test_add_func ("/slot-model/shrink-moves-slots-alive", test_slot_model_shrink_moves_slots);
  g_test_add_func ("/tooltip/set-and-clear", test_set_and_clear);
  g_test_add_func ("/tooltip/on-screen", test_on_screen);
  g_test_add_func ("/tooltip/long-text-cut", test_tooltip_long_text_cut);

  return g_test_run ();
}
