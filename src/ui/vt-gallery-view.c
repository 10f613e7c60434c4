/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The thumbnail grid: a list of pieces as tiles, with GTK 4.8's grid made to serve it well. */

#define G_LOG_DOMAIN "vitrine-gallery"

#include "config.h"

#include "vt-gallery-view.h"

#include "vt-item.h"
#include "vt-slot-model.h"
#include "vt-tile.h"

/*
 * A GtkGridView in its GtkScrolledWindow, over
 *
 *   model ─► GtkSliceListModel (first screen) ─► GtkSingleSelection
 *         ─► VtSlotModel ─► GtkGridView
 *
 * with a signal factory that makes one VtTile per cell. All that GTK 4.8's
 * grid does not do for us is here, and each is a workaround of one of its
 * limitations:
 *
 * - No scroll_to () on GtkGridView (GTK 4.12 adds it): scrolling to a piece
 *   activates the grid's built-in "list.scroll-to-item" action; setting
 *   the adjustment by hand warns.
 *
 * - The grid keeps max-columns x 30 cells alive around the view, each
 *   bound to a piece and asking for its thumbnail, and does not let them
 *   go when max-columns drops: the template starts it small and
 *   update_max_columns () sets it to the columns that fit (a few screens
 *   of tiles, not two thousand). So the columns are counted here, from the
 *   cell's width; the sizes that width depends on (GRID_PADDING,
 *   CELL_PADDING, no margins) are written into the size provider from
 *   here, so the stylesheet and this count cannot disagree.
 *
 * - The grid builds a tile for every piece of up to 30 rows from the top,
 *   whatever the window shows: on a window's first catalog, it sees the
 *   first screen of pieces only, then all of them a frame later (see
 *   show_first_screen_cb ()).
 *
 * - The grid binds all of those 30 rows in the frame that shows a new
 *   result, where a few are in view: a tile out of reach of the view
 *   asks for no thumbnail and puts off its texts, which the frames after
 *   show a few dozen at a time (show_labels_tick_cb ()); the tiles the
 *   layout puts in view show theirs before the frame is drawn
 *   (on_layout_cb ()).
 *
 * - The grid binds some thirty rows at once, top first, and the
 *   thumbnailer serves the newest request first: left alone, the rows in
 *   view would be served last. hurry_visible_cb () asks again for the
 *   tiles in view once a burst of binding is over.
 *
 * - The grid destroys the cell of every item an items-changed replaces
 *   and builds a new one, where binding the cell it has to the new item
 *   would do: its items are VtSlotModel's slots, which stay at their
 *   positions, and a tile follows its slot's piece (on_slot_item_cb ());
 *   the grid then no longer keeps its place by the piece at its top, so
 *   the gallery does (on_pieces_changing_cb ()).
 *
 * - The grid destroys the cells past the end when fewer pieces are shown
 *   and builds new ones when more are again: the tiles of the cells it
 *   destroys are kept spare for those it builds (on_tile_parent_cb ()).
 *
 * - The grid gives no way to walk its cells, so the gallery keeps a
 *   registry of the live tiles (to resize them, to hurry those in view);
 *   and it may drop a cell without "teardown", so the registry follows
 *   the tiles themselves, with weak references.
 *
 * - The grid recycles its cells only as the direct child of its
 *   GtkScrolledWindow (the template keeps it so), and measures itself
 *   again whenever a cell's size changes: tiles are sized by their tile
 *   size and numbers of lines, never by their text (vt-tile-text.c).
 *
 * Only the first is lifted in a later GTK (4.12); for the others we know
 * of no release that does, so they are to be measured again when Vitrine
 * moves past 4.8.
 *
 * The file is longer than a thousand lines for that reason: each of these
 * works with the grid's parts and the gallery's registry of tiles, which
 * no other file should reach into.
 */

/* Around the grid, and around each cell: written into the size provider,
 * and counted with by update_max_columns () and the first screen. */
#define GRID_PADDING 12
#define CELL_PADDING 8

struct _VtGalleryView
{
  GtkWidget           parent_instance;

  VtThumbnailer      *thumbnailer;
  /* The tiles' pictures, shared among them and kept a while once let go. */
  VtTilePictures     *pictures;
  GListModel         *model;
  int                 tile_size;
  GtkCssProvider     *size_provider;
  /* The tiles in the grid's cells, with a weak reference on each. */
  GHashTable         *tiles;
  /* Tiles the grid let go, for the next cells it builds. */
  GPtrArray          *spare_tiles;

  int                 expected_width;
  int                 expected_height;
  guint               first_screen_tick;
  guint               columns_source;
  guint               hurry_source;
  /* Showing the texts of tiles out of reach, from the frame after
   * @labels_frame (show_labels_tick_cb ()). */
  guint               labels_tick;
  gint64              labels_frame;
  /* Tiles bound or scrolled since the last frame: their reach to update. */
  gboolean            reach_dirty;
  GdkFrameClock      *frame_clock;
  gulong              layout_id;
  gulong              after_paint_id;
  gboolean            focus_on_map;
  /* vt_gallery_view_focus_position () waiting for its cell. */
  guint               focus_tick;
  guint               focus_frames;
  gboolean            curating;
  /* Where to scroll once the slots are told of a change, from which
   * top piece, by rows how high (on_pieces_changing_cb ()). */
  guint               scroll_guess;
  guint               scroll_top;
  int                 scroll_row_height;
  /* The piece whose cell had the keyboard focus before the change. */
  VtItem             *focus_piece;

  /* Template children */
  GtkScrolledWindow  *scroller;
  GtkGridView        *grid_view;
  GtkSingleSelection *selection;
  GtkSliceListModel  *first_screen;
};

G_DEFINE_FINAL_TYPE (VtGalleryView, vt_gallery_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_THUMBNAILER,
  PROP_TILE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The width and height the gallery has or, not laid out yet, is to have. */
static void
get_size (VtGalleryView *self,
          int           *width,
          int           *height)
{
  *width = gtk_widget_get_width (GTK_WIDGET (self));
  *height = gtk_widget_get_height (GTK_WIDGET (self));
  if (*width <= 0 || *height <= 0)
    {
      *width = self->expected_width;
      *height = self->expected_height;
    }
}

/* Large tiles get large type, so a 4K screen reads from a distance. */
static void
get_tile_font_sizes (int  size,
                     int *title_px,
                     int *facts_px)
{
  *title_px = MAX (11, size / 15);
  *facts_px = MAX (10, size * 4 / 75);
}

/* The sizes the grid and the tiles take from the stylesheet, written
 * from the numbers this file counts with. (The theme spaces out boxes in
 * grid cells like icon views; tiles are laid out by their own size.) */
static void
load_size_css (VtGalleryView *self)
{
  g_autofree char *css = NULL;
  int title_px, facts_px;

  /* The type in points (a pixel is 3/4 of a point at 96 dpi), written
   * without the locale's decimal sign: points follow the desktop's text
   * scaling (its dpi), as the rest of the window's type does, where
   * pixels would not. */
  get_tile_font_sizes (self->tile_size, &title_px, &facts_px);
  css = g_strdup_printf (".vt-grid { padding: %dpx; }\n"
                         ".vt-grid > child { padding: %dpx; }\n"
                         "gridview.vt-grid > child box { margin: 0; }\n"
                         ".vt-tile-title { font-size: %d.%02dpt; }\n"
                         ".vt-tile-facts { font-size: %d.%02dpt; }\n",
                         GRID_PADDING, CELL_PADDING,
                         title_px * 75 / 100, title_px * 75 % 100,
                         facts_px * 75 / 100, facts_px * 75 % 100);
  gtk_css_provider_load_from_data (self->size_provider, css, -1);
}

/* Columns */

/* Called whenever the grid's width or the tile size changes. */
static void
update_max_columns (VtGalleryView *self)
{
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->grid_view));
  int width = hadjustment != NULL ? (int) gtk_adjustment_get_page_size (hadjustment) : 0;
  guint columns;

  /* Not laid out yet: the columns of the first frame. */
  if (width <= 0)
    {
      int height;

      get_size (self, &width, &height);
    }
  if (width <= 0)
    return;

  columns = MAX (1, (width - 2 * GRID_PADDING) / (self->tile_size + 2 * CELL_PADDING));
  if (gtk_grid_view_get_max_columns (self->grid_view) != columns)
    gtk_grid_view_set_max_columns (self->grid_view, columns);
}

static gboolean
update_max_columns_cb (gpointer user_data)
{
  VtGalleryView *self = user_data;

  self->columns_source = 0;
  update_max_columns (self);

  return G_SOURCE_REMOVE;
}

/* The width is known while the grid is allocated, when it must not be
 * changed: change it right after. */
static void
queue_update_max_columns (VtGalleryView *self)
{
  if (self->columns_source == 0 && self->grid_view != NULL)
    self->columns_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_max_columns_cb, self, NULL);
}

/* The first screen */

/* The first tick comes before the frame that shows the first screen;
 * from the next one, the grid holds all the pieces. Only tiles below the
 * window come a frame later: whatever else reads the model reads it
 * whole. (A catalog opened in place of another reuses the tiles the grid
 * has, and is not cut.) */
static gboolean
show_first_screen_cb (GtkWidget     *grid,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  VtGalleryView *self = user_data;

  if (self->first_screen_tick++ == 0)
    return G_SOURCE_CONTINUE;

  gtk_slice_list_model_set_size (self->first_screen, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* As many pieces as can be in view: every column of as many rows as can
 * fit, each row counted at the least it can take (the picture, two lines
 * of title and one of facts no shorter than their type, the tile's
 * spacing, the cell's padding). */
guint
vt_gallery_view_get_first_screen_size (VtGalleryView *self)
{
  int width, height, title_px, facts_px, row, rows;

  g_return_val_if_fail (VT_IS_GALLERY_VIEW (self), G_MAXUINT);

  get_size (self, &width, &height);
  if (height <= 0)
    return G_MAXUINT;

  get_tile_font_sizes (self->tile_size, &title_px, &facts_px);
  row = self->tile_size + 2 * title_px + facts_px + 2 * VT_TILE_SPACING + 2 * CELL_PADDING;
  rows = (height + row - 1) / row;

  return gtk_grid_view_get_max_columns (self->grid_view) * rows;
}

void
vt_gallery_view_show_first_screen (VtGalleryView *self)
{
  g_return_if_fail (VT_IS_GALLERY_VIEW (self));

  if (gtk_slice_list_model_get_size (self->first_screen) == G_MAXUINT)
    {
      self->first_screen_tick = 0;
      gtk_widget_add_tick_callback (GTK_WIDGET (self->grid_view), show_first_screen_cb, self, NULL);
    }
  gtk_slice_list_model_set_size (self->first_screen, vt_gallery_view_get_first_screen_size (self));
}

/* The cells */

/* The view, and @margin of its height above and below it, in the
 * scroller's coordinates. */
static gboolean
get_view (VtGalleryView   *self,
          float            margin,
          graphene_rect_t *view)
{
  GtkWidget *scroller = GTK_WIDGET (self->scroller);

  if (!gtk_widget_compute_bounds (scroller, scroller, view))
    return FALSE;
  graphene_rect_inset (view, 0, -view->size.height * margin);
  return TRUE;
}

/* Whether @tile is shown and at least partly within @view (get_view ()). */
static gboolean
tile_within (VtGalleryView         *self,
             GtkWidget             *tile,
             const graphene_rect_t *view)
{
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (tile)
         && gtk_widget_compute_bounds (tile, GTK_WIDGET (self->scroller), &bounds)
         && graphene_rect_intersection (view, &bounds, NULL);
}

static gboolean
hurry_visible_cb (gpointer user_data)
{
  VtGalleryView *self = user_data;
  graphene_rect_t view;
  GHashTableIter iter;
  gpointer tile;

  self->hurry_source = 0;
  if (!get_view (self, 0, &view))
    return G_SOURCE_REMOVE;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    {
      if (tile_within (self, tile, &view))
        vt_tile_hurry (tile);
    }

  return G_SOURCE_REMOVE;
}

/* Reach */

/* How far beyond the view, above and below, tiles keep their pictures,
 * as a part of the view's height: enough that a step of the keyboard or
 * a turn of the wheel finds them there. */
#define REACH_MARGIN 0.5f

/* Tiles near the view hold their pictures, and the others let them go
 * (vt_tile_set_in_reach ()), so that the pictures in memory follow what
 * is on the screen rather than the thirty rows the grid keeps. Walked
 * after a frame that bound tiles or scrolled, where it put them. */
static void
update_reach (VtGalleryView *self)
{
  graphene_rect_t reach;
  GHashTableIter iter;
  gpointer tile;

  if (!get_view (self, REACH_MARGIN, &reach))
    return;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    vt_tile_set_in_reach (tile, tile_within (self, tile, &reach));
}

/* Laid out, before the frame is drawn: a tile bound out of reach puts
 * off its texts (vt-tile.c), and one that this layout put in reach shows
 * them in this frame. (Cells are built out of reach, and a cell the grid
 * scrolls to may have been bound before the view moved.) */
static void
on_layout_cb (VtGalleryView *self)
{
  graphene_rect_t reach;
  GHashTableIter iter;
  gpointer tile;

  if (!self->reach_dirty || self->scroller == NULL || !get_view (self, REACH_MARGIN, &reach))
    return;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    if (vt_tile_get_labels_waiting (tile) && tile_within (self, tile, &reach))
      vt_tile_set_in_reach (tile, TRUE);
}

/* How many screens of the pictures tiles let go are kept, beyond those
 * the tiles in reach hold: a scroll back past the reach finds them. */
#define SPARE_SCREENS 1

/* What a screen shows, for the thumbnailer's memory and the pictures
 * let go to follow it. */
static void
update_screenful (VtGalleryView *self)
{
  guint count = vt_gallery_view_get_first_screen_size (self);
  gsize size = self->tile_size * MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));

  if (self->thumbnailer == NULL || count == G_MAXUINT)
    return;

  vt_thumbnailer_set_screenful (self->thumbnailer, count, size);
  /* Fitted pictures take four bytes a pixel (vt-fitted-picture.c). */
  vt_tile_pictures_set_spare_limit (self->pictures, SPARE_SCREENS * count * size * size * 4);
}

/* How many tiles out of reach show their texts in a frame. */
#define LABELS_PER_FRAME 32

/* The frames after the one that shows what made tiles out of reach
 * wait (a new result, curator mode, a review): their texts and
 * accessible names, a few dozen a frame, so that frame does not pay for
 * the rows below the view. */
static gboolean
show_labels_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  VtGalleryView *self = VT_GALLERY_VIEW (widget);
  GHashTableIter iter;
  gpointer tile;
  guint shown = 0;

  if (gdk_frame_clock_get_frame_counter (clock) <= self->labels_frame)
    return G_SOURCE_CONTINUE;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    {
      if (!vt_tile_get_labels_waiting (tile))
        continue;
      if (shown++ == LABELS_PER_FRAME)
        return G_SOURCE_CONTINUE;
      vt_tile_show_labels (tile);
    }

  self->labels_tick = 0;
  return G_SOURCE_REMOVE;
}

/* (Without a frame clock, once the gallery is realized.) */
static void
queue_show_labels (VtGalleryView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    return;

  /* The next frame is the one that shows what changed. */
  self->labels_frame = gdk_frame_clock_get_frame_counter (clock) + 1;
  if (self->labels_tick == 0)
    self->labels_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_labels_tick_cb, NULL, NULL);
}

static void
on_tile_labels_waiting_cb (VtGalleryView *self,
                           GParamSpec    *pspec,
                           VtTile        *tile)
{
  if (vt_tile_get_labels_waiting (tile))
    queue_show_labels (self);
}

static void
on_after_paint_cb (VtGalleryView *self)
{
  if (!self->reach_dirty || self->scroller == NULL)
    return;

  self->reach_dirty = FALSE;
  update_reach (self);
  update_screenful (self);
}

static void
queue_update_reach (VtGalleryView *self)
{
  self->reach_dirty = TRUE;
}

static void
forget_tile (gpointer  data,
             GObject  *tile)
{
  VtGalleryView *self = data;

  g_hash_table_remove (self->tiles, tile);
}

/*
 * Tiles outlive their cells. GTK 4.8's grid destroys the cells past the
 * end when fewer pieces are shown (a facet ticked) and builds new ones
 * when more are again (unticked): each time some fifty tiles, their
 * widgets and accessibles, in the one frame that shows the result. The
 * tiles of the cells it destroys are kept, bound to nothing and holding
 * no picture, and given to the cells it builds next: never more tiles,
 * spare and in cells, than the grid had in cells at once. (It destroys
 * cells without "teardown": a tile knows it by losing its parent.)
 */
static void
on_tile_parent_cb (GtkWidget     *tile,
                   GParamSpec    *pspec,
                   VtGalleryView *self)
{
  /* (Not while the gallery is taken apart.) */
  if (gtk_widget_get_parent (tile) != NULL || self->spare_tiles == NULL)
    return;

  if (g_hash_table_remove (self->tiles, tile))
    g_object_weak_unref (G_OBJECT (tile), forget_tile, self);
  vt_tile_set_item (VT_TILE (tile), NULL);
  g_ptr_array_add (self->spare_tiles, g_object_ref (tile));
}

static void
on_factory_setup_cb (VtGalleryView *self,
                     GtkListItem   *list_item)
{
  g_autoptr(GtkWidget) tile = NULL;

  if (self->spare_tiles->len > 0)
    tile = g_ptr_array_steal_index_fast (self->spare_tiles, self->spare_tiles->len - 1);
  else
    {
      tile = g_object_ref_sink (vt_tile_new (self->thumbnailer, self->pictures));
      g_signal_connect_object (tile, "notify::parent", G_CALLBACK (on_tile_parent_cb), self, 0);
      g_signal_connect_object (tile, "notify::labels-waiting", G_CALLBACK (on_tile_labels_waiting_cb), self,
                               G_CONNECT_SWAPPED);
    }

  vt_tile_set_size (VT_TILE (tile), self->tile_size);
  vt_tile_set_curating (VT_TILE (tile), self->curating);
  /* Out of reach until laid out (on_layout_cb ()): a result that shows
   * more pieces builds its cells below the view. */
  vt_tile_set_in_reach (VT_TILE (tile), FALSE);
  gtk_list_item_set_child (list_item, tile);
  g_hash_table_add (self->tiles, tile);
  g_object_weak_ref (G_OBJECT (tile), forget_tile, self);
}

/* A tile bound to a piece, or given a new one in its slot. */
static void
tile_bound (VtGalleryView *self)
{
  queue_update_reach (self);

  /* (Not while the gallery is taken apart.) */
  if (self->hurry_source == 0 && self->scroller != NULL)
    self->hurry_source = g_idle_add_full (G_PRIORITY_LOW, hurry_visible_cb, self, NULL);
}

/* The slot has a new piece, or was told its piece changed: the tile
 * shows it afresh either way. */
static void
on_slot_item_cb (VtTile     *tile,
                 GParamSpec *pspec,
                 VtSlot     *slot)
{
  VtGalleryView *self = VT_GALLERY_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (tile), VT_TYPE_GALLERY_VIEW));

  if (vt_tile_get_item (tile) == vt_slot_get_item (slot))
    vt_tile_set_item (tile, NULL);
  vt_tile_set_item (tile, vt_slot_get_item (slot));
  if (self != NULL)
    tile_bound (self);
}

static void
on_factory_bind_cb (VtGalleryView *self,
                    GtkListItem   *list_item)
{
  GtkWidget *tile = gtk_list_item_get_child (list_item);
  VtSlot *slot = gtk_list_item_get_item (list_item);

  vt_tile_set_item (VT_TILE (tile), vt_slot_get_item (slot));
  g_signal_connect_object (slot, "notify::item", G_CALLBACK (on_slot_item_cb), tile, G_CONNECT_SWAPPED);
  tile_bound (self);
}

static void
on_factory_unbind_cb (VtGalleryView *self,
                      GtkListItem   *list_item)
{
  GtkWidget *tile = gtk_list_item_get_child (list_item);

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), on_slot_item_cb, tile);
  vt_tile_set_item (VT_TILE (tile), NULL);
}

static void
on_factory_teardown_cb (VtGalleryView *self,
                        GtkListItem   *list_item)
{
  GtkWidget *tile = gtk_list_item_get_child (list_item);

  if (tile != NULL && g_hash_table_remove (self->tiles, tile))
    g_object_weak_unref (G_OBJECT (tile), forget_tile, self);
}

/* The height of a row of cells (a cell's and its padding), 0 while none
 * is laid out. */
static int
get_row_height (VtGalleryView *self)
{
  GHashTableIter iter;
  gpointer tile;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    {
      GtkWidget *cell = gtk_widget_get_parent (tile);

      if (cell != NULL && gtk_widget_get_mapped (cell) && gtk_widget_get_height (cell) > 0)
        return gtk_widget_get_height (cell) + 2 * CELL_PADDING;
    }

  return 0;
}

/* Where @item is among the pieces from @start on, @n of them;
 * GTK_INVALID_LIST_POSITION if it is not. */
static guint
find_piece (VtGalleryView *self,
            VtItem        *item,
            guint          start,
            guint          n)
{
  for (guint i = start; i < start + n; i++)
    {
      g_autoptr(VtItem) piece = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (piece == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* GTK's grid keeps its place by the piece at the top of the view: when
 * the pieces change, it goes where that piece went, or, the piece gone,
 * as far into the new pieces as it was into those they replace (so a
 * search that shows fewer pieces than were above the view shows its
 * top). The slots keep the grid at the same rows, so the gallery finds
 * that place before the slots are told (this is connected before them)
 * and scrolls there after (on_pieces_changed_cb ()). */
static void
on_pieces_changing_cb (VtGalleryView *self,
                       guint          position,
                       guint          removed,
                       guint          added)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->grid_view));
  GListModel *slots = G_LIST_MODEL (gtk_grid_view_get_model (self->grid_view));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint columns = gtk_grid_view_get_max_columns (self->grid_view);
  int row_height = get_row_height (self);
  guint top, guess;
  double value;
  GtkWidget *cell = gtk_widget_get_focus_child (GTK_WIDGET (self->grid_view));

  /* The keyboard focus follows its piece too, as GTK's grid has it. */
  g_clear_object (&self->focus_piece);
  if (cell != NULL && gtk_widget_has_focus (cell) && VT_IS_TILE (gtk_widget_get_first_child (cell)))
    g_set_object (&self->focus_piece, vt_tile_get_item (VT_TILE (gtk_widget_get_first_child (cell))));

  self->scroll_guess = GTK_INVALID_LIST_POSITION;
  if (row_height <= 0 || n_items == 0)
    return;

  value = gtk_adjustment_get_value (vadjustment) - GRID_PADDING;
  top = value > 0 ? (guint) (value / row_height) * columns : 0;
  if (top < position || top >= g_list_model_get_n_items (slots))
    return;
  if (top >= position + removed)
    guess = top - removed + added;
  else
    {
      g_autoptr(VtSlot) slot = g_list_model_get_item (slots, top);

      /* (The slots still hold the pieces before the change.) */
      guess = find_piece (self, vt_slot_get_item (slot), position, added);
      if (guess == GTK_INVALID_LIST_POSITION)
        guess = position + (guint) ((guint64) (top - position) * added / removed);
    }
  guess = MIN (guess, n_items - 1);
  if (guess / columns != top / columns)
    {
      self->scroll_guess = guess;
      self->scroll_top = top;
      self->scroll_row_height = row_height;
    }
}

static void
on_pieces_changed_cb (VtGalleryView *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->grid_view));
  guint columns = gtk_grid_view_get_max_columns (self->grid_view);
  g_autoptr(VtItem) focus_piece = g_steal_pointer (&self->focus_piece);
  double value, end;

  /* (Focusing a cell scrolls to it, if need be, before the place is
   * kept below.) */
  if (focus_piece != NULL)
    {
      GHashTableIter iter;
      gpointer tile;

      g_hash_table_iter_init (&iter, self->tiles);
      while (g_hash_table_iter_next (&iter, &tile, NULL))
        {
          GtkWidget *cell = gtk_widget_get_parent (tile);

          if (vt_tile_get_item (tile) == focus_piece && cell != NULL && gtk_widget_get_mapped (cell))
            {
              if (!gtk_widget_has_focus (cell))
                gtk_widget_grab_focus (cell);
              break;
            }
        }
    }

  if (self->scroll_guess == GTK_INVALID_LIST_POSITION)
    return;

  /* The same part of the row in view as of the one before. The grid
   * has not measured itself anew yet: the end is where the rows will
   * reach, for the value to be kept; the grid finds its new top piece
   * from the value, then its end. */
  value = gtk_adjustment_get_value (vadjustment)
          + ((double) (self->scroll_guess / columns) - (double) (self->scroll_top / columns)) * self->scroll_row_height;
  end = value + gtk_adjustment_get_page_size (vadjustment);
  self->scroll_guess = GTK_INVALID_LIST_POSITION;
  if (end > gtk_adjustment_get_upper (vadjustment))
    gtk_adjustment_set_upper (vadjustment, end);
  gtk_adjustment_set_value (vadjustment, MAX (0, value));
}

static void
on_grid_activate_cb (VtGalleryView *self,
                     guint          position,
                     GtkGridView   *grid_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[ACTIVATE], 0, position);
}

static void
on_grid_map_cb (VtGalleryView *self)
{
  if (self->focus_on_map)
    {
      self->focus_on_map = FALSE;
      gtk_widget_grab_focus (GTK_WIDGET (self->grid_view));
    }
}

static void
vt_gallery_view_realize (GtkWidget *widget)
{
  VtGalleryView *self = VT_GALLERY_VIEW (widget);

  GTK_WIDGET_CLASS (vt_gallery_view_parent_class)->realize (widget);

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  /* After GTK's own handlers, which lay the window out. */
  self->layout_id = g_signal_connect_data (self->frame_clock, "layout", G_CALLBACK (on_layout_cb), self,
                                           NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->after_paint_id = g_signal_connect_swapped (self->frame_clock, "after-paint",
                                                   G_CALLBACK (on_after_paint_cb), self);
  queue_update_reach (self);
  queue_show_labels (self);
}

static void
vt_gallery_view_unrealize (GtkWidget *widget)
{
  VtGalleryView *self = VT_GALLERY_VIEW (widget);

  g_clear_signal_handler (&self->layout_id, self->frame_clock);
  g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);

  GTK_WIDGET_CLASS (vt_gallery_view_parent_class)->unrealize (widget);
}

static gboolean
vt_gallery_view_grab_focus (GtkWidget *widget)
{
  VtGalleryView *self = VT_GALLERY_VIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->grid_view));
}

static void
vt_gallery_view_dispose (GObject *object)
{
  VtGalleryView *self = VT_GALLERY_VIEW (object);

  if (self->focus_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
      self->focus_tick = 0;
    }

  /* Tiles go now, while their callbacks may still use the gallery. */
  g_clear_pointer (&self->spare_tiles, g_ptr_array_unref);
  if (self->grid_view != NULL)
    gtk_grid_view_set_factory (self->grid_view, NULL);

  if (self->size_provider != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->size_provider));
  g_clear_object (&self->size_provider);

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_GALLERY_VIEW);

  /* Taking the grid apart may have asked for one more update. */
  g_clear_handle_id (&self->columns_source, g_source_remove);
  g_clear_handle_id (&self->hurry_source, g_source_remove);
  g_clear_object (&self->model);
  g_clear_object (&self->thumbnailer);
  g_clear_object (&self->pictures);
  g_clear_object (&self->focus_piece);
  if (self->tiles != NULL)
    {
      GHashTableIter iter;
      gpointer tile;

      g_hash_table_iter_init (&iter, self->tiles);
      while (g_hash_table_iter_next (&iter, &tile, NULL))
        g_object_weak_unref (tile, forget_tile, self);
      g_clear_pointer (&self->tiles, g_hash_table_unref);
    }

  G_OBJECT_CLASS (vt_gallery_view_parent_class)->dispose (object);
}

static void
vt_gallery_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VtGalleryView *self = VT_GALLERY_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_THUMBNAILER:
      g_value_set_object (value, self->thumbnailer);
      break;

    case PROP_TILE_SIZE:
      g_value_set_int (value, self->tile_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_gallery_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VtGalleryView *self = VT_GALLERY_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      vt_gallery_view_set_model (self, g_value_get_object (value));
      break;

    case PROP_THUMBNAILER:
      g_set_object (&self->thumbnailer, g_value_get_object (value));
      break;

    case PROP_TILE_SIZE:
      vt_gallery_view_set_tile_size (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_gallery_view_class_init (VtGalleryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_gallery_view_dispose;
  object_class->get_property = vt_gallery_view_get_property;
  object_class->set_property = vt_gallery_view_set_property;
  widget_class->grab_focus = vt_gallery_view_grab_focus;
  widget_class->realize = vt_gallery_view_realize;
  widget_class->unrealize = vt_gallery_view_unrealize;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THUMBNAILER] =
    g_param_spec_object ("thumbnailer", NULL, NULL,
                         VT_TYPE_THUMBNAILER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TILE_SIZE] =
    g_param_spec_int ("tile-size", NULL, NULL,
                      VT_TILE_MIN_SIZE, VT_TILE_MAX_SIZE, VT_TILE_DEFAULT_SIZE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtGalleryView::activate:
   * @position: the piece's position in the model
   *
   * A piece was activated (double-clicked, or Enter pressed on it); it is
   * selected already.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /* The GTK types the template names, registered before GtkBuilder looks
   * them up: a type not registered yet is searched for in the symbols of
   * every loaded library (about 0.1 ms each, 3 ms of a start). */
  g_type_ensure (GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (GTK_TYPE_GRID_VIEW);
  g_type_ensure (GTK_TYPE_SCROLLED_WINDOW);
  g_type_ensure (GTK_TYPE_SINGLE_SELECTION);
  g_type_ensure (GTK_TYPE_SLICE_LIST_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitrine/Vitrine/ui/vt-gallery-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VtGalleryView, scroller);
  gtk_widget_class_bind_template_child (widget_class, VtGalleryView, grid_view);
  gtk_widget_class_bind_template_child (widget_class, VtGalleryView, selection);
  gtk_widget_class_bind_template_child (widget_class, VtGalleryView, first_screen);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_map_cb);
}

static void
vt_gallery_view_init (VtGalleryView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(VtSlotModel) slots = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tiles = g_hash_table_new (NULL, NULL);
  self->spare_tiles = g_ptr_array_new_with_free_func (g_object_unref);
  self->pictures = vt_tile_pictures_new ();
  self->tile_size = VT_TILE_DEFAULT_SIZE;
  self->scroll_guess = GTK_INVALID_LIST_POSITION;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_swapped (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect_swapped (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect_swapped (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  g_signal_connect_swapped (factory, "teardown", G_CALLBACK (on_factory_teardown_cb), self);
  gtk_grid_view_set_factory (self->grid_view, factory);
  /* The grid's model: slots over the selection (made here, as a type of
   * ours in the template would not validate outside the program). */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_pieces_changing_cb), self, G_CONNECT_SWAPPED);
  slots = vt_slot_model_new (GTK_SELECTION_MODEL (self->selection));
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (slots));
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_pieces_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  /* Made by the scrolled window, not by the template. */
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->grid_view)), "changed",
                           G_CALLBACK (queue_update_max_columns), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->grid_view)), "changed",
                           G_CALLBACK (queue_update_reach), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->grid_view)), "value-changed",
                           G_CALLBACK (queue_update_reach), self, G_CONNECT_SWAPPED);

  self->size_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->size_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  load_size_css (self);
}

GtkWidget *
vt_gallery_view_new (VtThumbnailer *thumbnailer)
{
  g_return_val_if_fail (VT_IS_THUMBNAILER (thumbnailer), NULL);

  return g_object_new (VT_TYPE_GALLERY_VIEW, "thumbnailer", thumbnailer, NULL);
}

GListModel *
vt_gallery_view_get_model (VtGalleryView *self)
{
  g_return_val_if_fail (VT_IS_GALLERY_VIEW (self), NULL);

  return self->model;
}

void
vt_gallery_view_set_model (VtGalleryView *self,
                           GListModel    *model)
{
  g_return_if_fail (VT_IS_GALLERY_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;

  gtk_slice_list_model_set_model (self->first_screen, model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GtkSingleSelection *
vt_gallery_view_get_selection (VtGalleryView *self)
{
  g_return_val_if_fail (VT_IS_GALLERY_VIEW (self), NULL);

  return self->selection;
}

int
vt_gallery_view_get_tile_size (VtGalleryView *self)
{
  g_return_val_if_fail (VT_IS_GALLERY_VIEW (self), 0);

  return self->tile_size;
}

void
vt_gallery_view_set_tile_size (VtGalleryView *self,
                               int            size)
{
  GHashTableIter iter;
  gpointer tile;

  g_return_if_fail (VT_IS_GALLERY_VIEW (self));

  size = CLAMP (size, VT_TILE_MIN_SIZE, VT_TILE_MAX_SIZE);
  if (self->tile_size == size)
    return;

  self->tile_size = size;
  load_size_css (self);

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    vt_tile_set_size (tile, size);

  queue_update_max_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILE_SIZE]);
}

void
vt_gallery_view_set_curating (VtGalleryView *self,
                              gboolean       curating)
{
  GHashTableIter iter;
  gpointer tile;

  g_return_if_fail (VT_IS_GALLERY_VIEW (self));

  self->curating = !!curating;
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    vt_tile_set_curating (tile, self->curating);
}

void
vt_gallery_view_set_expected_size (VtGalleryView *self,
                                   int            width,
                                   int            height)
{
  g_return_if_fail (VT_IS_GALLERY_VIEW (self));

  self->expected_width = width;
  self->expected_height = height;
  queue_update_max_columns (self);
}

guint
vt_gallery_view_find_number (VtGalleryView *self,
                             guint          number)
{
  return vt_gallery_view_find_piece (self, number, -1);
}

guint
vt_gallery_view_find_piece (VtGalleryView *self,
                            guint          number,
                            int            index)
{
  guint n_items;

  g_return_val_if_fail (VT_IS_GALLERY_VIEW (self), GTK_INVALID_LIST_POSITION);

  n_items = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (self->model, i);

      if (index >= 0 ? vt_item_get_index (item) == index : vt_item_get_number (item) == number)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

void
vt_gallery_view_scroll_to (VtGalleryView *self,
                           guint          position)
{
  g_return_if_fail (VT_IS_GALLERY_VIEW (self));

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->grid_view), "list.scroll-to-item", "u", position);
}

static guint
item_number_at (VtGalleryView *self,
                double         x,
                double         y)
{
  GtkWidget *grid = GTK_WIDGET (self->grid_view);
  GtkWidget *widget = gtk_widget_pick (grid, x, y, GTK_PICK_DEFAULT);

  for (; widget != NULL && widget != grid; widget = gtk_widget_get_parent (widget))
    {
      if (VT_IS_TILE (widget) && vt_tile_get_item (VT_TILE (widget)) != NULL)
        return vt_item_get_number (vt_tile_get_item (VT_TILE (widget)));
    }

  return 0;
}

void
vt_gallery_view_get_place (VtGalleryView  *self,
                           VtGalleryPlace *place)
{
  VtItem *selected;
  int width, height;

  g_return_if_fail (VT_IS_GALLERY_VIEW (self));
  g_return_if_fail (place != NULL);

  selected = gtk_single_selection_get_selected_item (self->selection);
  width = gtk_widget_get_width (GTK_WIDGET (self->grid_view));
  height = gtk_widget_get_height (GTK_WIDGET (self->grid_view));

  place->selected = selected != NULL ? vt_item_get_number (selected) : 0;
  /* Points well inside the first cell of a row, past the paddings. */
  place->top = item_number_at (self, 32, 32);
  place->bottom = item_number_at (self, 32, MAX (32, height - 48));
  if (place->bottom == 0)
    place->bottom = item_number_at (self, width / 2, MAX (32, height - 48));
}

void
vt_gallery_view_restore_place (VtGalleryView        *self,
                               const VtGalleryPlace *place)
{
  guint selected;

  g_return_if_fail (VT_IS_GALLERY_VIEW (self));
  g_return_if_fail (place != NULL);

  selected = place->selected != 0 ? vt_gallery_view_find_number (self, place->selected)
                                  : GTK_INVALID_LIST_POSITION;

  /* The bottom row first, then the top one: the grid scrolls as little
   * as it must, so this puts back the rows that were in view. */
  if (place->bottom != 0)
    vt_gallery_view_scroll_to (self, vt_gallery_view_find_number (self, place->bottom));
  if (place->top != 0)
    vt_gallery_view_scroll_to (self, vt_gallery_view_find_number (self, place->top));

  gtk_single_selection_set_selected (self->selection, selected);
}

void
vt_gallery_view_focus (VtGalleryView *self)
{
  g_return_if_fail (VT_IS_GALLERY_VIEW (self));

  self->focus_on_map = !gtk_widget_get_mapped (GTK_WIDGET (self->grid_view));
  if (!self->focus_on_map)
    gtk_widget_grab_focus (GTK_WIDGET (self->grid_view));
}

/* The cell showing the selected piece, given the focus. GTK 4.8's grid
 * has no call to focus a cell: focusing the cell itself tells the grid,
 * once the cell is bound after scrolling to it. */
static gboolean
focus_selected_cell (VtGalleryView *self)
{
  VtItem *selected = gtk_single_selection_get_selected_item (self->selection);
  GHashTableIter iter;
  gpointer tile;

  if (selected == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    {
      GtkWidget *cell = gtk_widget_get_parent (tile);

      if (vt_tile_get_item (tile) == selected && cell != NULL && gtk_widget_get_mapped (cell))
        return gtk_widget_grab_focus (cell);
    }

  return FALSE;
}

static gboolean
focus_selected_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  VtGalleryView *self = VT_GALLERY_VIEW (widget);

  /* A few frames for the grid to bind the cell; then the grid's own. */
  if (focus_selected_cell (self) || ++self->focus_frames > 3)
    {
      if (self->focus_frames > 3)
        gtk_widget_grab_focus (GTK_WIDGET (self->grid_view));
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

void
vt_gallery_view_focus_position (VtGalleryView *self,
                                guint          position)
{
  g_return_if_fail (VT_IS_GALLERY_VIEW (self));

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return;

  gtk_single_selection_set_selected (self->selection, position);
  vt_gallery_view_scroll_to (self, position);
  if (focus_selected_cell (self) || self->focus_tick != 0)
    return;
  self->focus_frames = 0;
  self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_selected_tick_cb, NULL, NULL);
}

GtkGridView *
vt_gallery_view_get_grid_view (VtGalleryView *self)
{
  g_return_val_if_fail (VT_IS_GALLERY_VIEW (self), NULL);

  return self->grid_view;
}

GtkScrolledWindow *
vt_gallery_view_get_scroller (VtGalleryView *self)
{
  g_return_val_if_fail (VT_IS_GALLERY_VIEW (self), NULL);

  return self->scroller;
}

GPtrArray *
vt_gallery_view_list_tiles (VtGalleryView *self)
{
  GPtrArray *tiles;
  GHashTableIter iter;
  gpointer tile;

  g_return_val_if_fail (VT_IS_GALLERY_VIEW (self), NULL);

  tiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    g_ptr_array_add (tiles, g_object_ref (tile));

  return tiles;
}
