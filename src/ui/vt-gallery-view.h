/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The thumbnail grid: a list of pieces as tiles, with GTK 4.8's grid made to serve it well. */

#pragma once

#include <gtk/gtk.h>

#include "vt-thumbnailer.h"

G_BEGIN_DECLS

#define VT_TYPE_GALLERY_VIEW (vt_gallery_view_get_type ())

G_DECLARE_FINAL_TYPE (VtGalleryView, vt_gallery_view, VT, GALLERY_VIEW, GtkWidget)

/* Where the grid is, by piece number (0: none), to be found again once
 * its pieces are replaced by new ones (a reload). */
typedef struct
{
  guint selected;
  /* The first piece of the top and of the bottom row in view. */
  guint top;
  guint bottom;
} VtGalleryPlace;

GtkWidget          *vt_gallery_view_new                   (VtThumbnailer        *thumbnailer);

/* The pieces shown, in order (a GListModel of VtItem). */
GListModel         *vt_gallery_view_get_model             (VtGalleryView        *self);
void                vt_gallery_view_set_model             (VtGalleryView        *self,
                                                           GListModel           *model);
/* The selected piece; its positions are those of the model. */
GtkSingleSelection *vt_gallery_view_get_selection         (VtGalleryView        *self);
int                 vt_gallery_view_get_tile_size         (VtGalleryView        *self);
void                vt_gallery_view_set_tile_size         (VtGalleryView        *self,
                                                           int                   size);

/* Whether the tiles show what curators see (vt_tile_set_curating()). */
void                vt_gallery_view_set_curating          (VtGalleryView        *self,
                                                           gboolean              curating);

/* The size the gallery is to have, while neither it nor its parent has
 * been laid out yet: the first frame's columns and first screen are
 * guessed from it. */
void                vt_gallery_view_set_expected_size     (VtGalleryView        *self,
                                                           int                   width,
                                                           int                   height);
/* The next pieces the model holds are shown a screen first: what can be
 * in view on the first frame, the rest on the frame after. */
void                vt_gallery_view_show_first_screen     (VtGalleryView        *self);
/* How many pieces that first screen holds. */
guint               vt_gallery_view_get_first_screen_size (VtGalleryView        *self);

/* Position in the model of the piece numbered @number, or
 * GTK_INVALID_LIST_POSITION. */
guint               vt_gallery_view_find_number           (VtGalleryView        *self,
                                                           guint                 number);
/* Position of the piece at @index of its catalog's file (vt_item_get_index
 * (): one of two pieces of one number, or a piece without one), else,
 * for an @index of -1 (a piece added since), of the piece numbered
 * @number; or GTK_INVALID_LIST_POSITION. */
guint               vt_gallery_view_find_piece            (VtGalleryView        *self,
                                                           guint                 number,
                                                           int                   index);
/* Scrolls as little as needed to show the piece at @position. */
void                vt_gallery_view_scroll_to             (VtGalleryView        *self,
                                                           guint                 position);
void                vt_gallery_view_get_place             (VtGalleryView        *self,
                                                           VtGalleryPlace       *place);
void                vt_gallery_view_restore_place         (VtGalleryView        *self,
                                                           const VtGalleryPlace *place);
/* Gives the grid the keyboard focus, at once or as soon as it shows. */
void                vt_gallery_view_focus                 (VtGalleryView        *self);
/* Selects the piece at @position, scrolls to it and focuses it. */
void                vt_gallery_view_focus_position        (VtGalleryView        *self,
                                                           guint                 position);

/* The parts, for tests and benchmarks: the grid, its scrolled window, and
 * the tiles alive now (bound to a piece or waiting for one). */
GtkGridView        *vt_gallery_view_get_grid_view         (VtGalleryView        *self);
GtkScrolledWindow  *vt_gallery_view_get_scroller          (VtGalleryView        *self);
GPtrArray          *vt_gallery_view_list_tiles            (VtGalleryView        *self);

G_END_DECLS
