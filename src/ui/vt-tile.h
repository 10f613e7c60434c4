/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One cell of the thumbnail grid: a piece's picture, title, year, impact and price. */

#pragma once

#include <gtk/gtk.h>

#include "vt-defaults.h"
#include "vt-item.h"
#include "vt-thumbnailer.h"
#include "vt-tile-pictures.h"

G_BEGIN_DECLS

#define VT_TYPE_TILE (vt_tile_get_type ())

G_DECLARE_FINAL_TYPE (VtTile, vt_tile, VT, TILE, GtkWidget)

/* Tile sizes: VT_TILE_MIN_SIZE to VT_TILE_MAX_SIZE (vt-defaults.h). */

/* Between the picture, the title and the facts: the grid counts rows
 * with it (vt-gallery-view.c). */
#define VT_TILE_SPACING 4

/* What the picture area shows. */
typedef enum
{
  VT_TILE_LOADING,      /* nothing yet, on its tinted background */
  VT_TILE_PICTURE,
  VT_TILE_PLACEHOLDER,  /* an icon and why the image is missing */
} VtTileState;

GtkWidget     *vt_tile_new             (VtThumbnailer  *thumbnailer,
                                        VtTilePictures *pictures);

VtItem        *vt_tile_get_item        (VtTile        *self);
/* Cancels the thumbnail being loaded for the previous item, if any. */
void           vt_tile_set_item        (VtTile        *self,
                                        VtItem        *item);
/* Curating, the tile shows the piece's problem, why its image is
 * missing (which names the file) and its review; browsing, none of it. */
gboolean       vt_tile_get_curating    (VtTile        *self);
void           vt_tile_set_curating    (VtTile        *self,
                                        gboolean       curating);
int            vt_tile_get_size        (VtTile        *self);
void           vt_tile_set_size        (VtTile        *self,
                                        int            size);

/* Asks again for a thumbnail still loading, so that it is served before
 * the ones asked for earlier (the thumbnailer serves the newest first):
 * for the tiles in view, when the grid made many at once. */
void           vt_tile_hurry           (VtTile        *self);

/* Whether the tile is near enough to the view to hold its picture (it
 * is by default). Out of reach, it lets its picture go, or does not ask
 * for it; back in reach, it asks for it again. The grid keeps thirty
 * rows of tiles alive, most of them out of view: with 384 pixel tiles,
 * their pictures alone would take 130 MB. */
void           vt_tile_set_in_reach    (VtTile        *self,
                                        gboolean       in_reach);
/* Bound to a piece out of reach, the tile does not show its piece's
 * title, facts and accessible name until it comes into reach or is told
 * to: whether they wait (VtTile:labels-waiting), and showing them. */
gboolean       vt_tile_get_labels_waiting (VtTile      *self);
void           vt_tile_show_labels     (VtTile        *self);

/* What the tile shows now; and, for a placeholder, why the image is
 * missing. For tests. */
VtTileState    vt_tile_get_state       (VtTile        *self);
const char    *vt_tile_get_reason      (VtTile        *self);
/* The piece's About, which the tile's tooltip shows (cut at
 * VT_TEXT_BOUND_TOOLTIP characters), NULL for none. */
const char    *vt_tile_get_tooltip     (VtTile        *self);

G_END_DECLS
