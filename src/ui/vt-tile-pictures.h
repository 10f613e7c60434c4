/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The grid's fitted pictures by file and size: one for all the tiles that show it, and the last ones let go kept for a while. */

#pragma once

#include "vt-fitted-picture.h"

G_BEGIN_DECLS

#define VT_TYPE_TILE_PICTURES (vt_tile_pictures_get_type ())

G_DECLARE_FINAL_TYPE (VtTilePictures, vt_tile_pictures, VT, TILE_PICTURES, GObject)

VtTilePictures  *vt_tile_pictures_new             (void);

/* The key of @file's picture at @size device pixels, as the file is now
 * (a file changed since has another key); NULL when it cannot be read. */
char            *vt_tile_pictures_key             (GFile          *file,
                                                   int             size);

/* The picture kept under @key, now in use by the caller until it calls
 * vt_tile_pictures_release (); NULL when there is none. */
VtFittedPicture *vt_tile_pictures_take            (VtTilePictures *self,
                                                   const char     *key);
/* Keeps @picture under @key, in use by the caller. When a picture is
 * kept under @key already (two tiles of one piece loaded it at once),
 * that one is returned, in use, for the caller to show instead. */
VtFittedPicture *vt_tile_pictures_add             (VtTilePictures  *self,
                                                   const char      *key,
                                                   VtFittedPicture *picture);
/* The caller no longer shows the picture under @key. When no one does,
 * it is kept while it fits in the spare limit, the latest let go first. */
void             vt_tile_pictures_release         (VtTilePictures *self,
                                                   const char     *key);

/* Bytes of the pictures that nobody shows, at most; the pictures in use
 * cost nothing more than their tiles hold. */
void             vt_tile_pictures_set_spare_limit (VtTilePictures *self,
                                                   gsize           limit);
gsize            vt_tile_pictures_get_spare_limit (VtTilePictures *self);
gsize            vt_tile_pictures_get_spare_bytes (VtTilePictures *self);
/* Pictures kept, in use or spare. */
guint            vt_tile_pictures_get_n_kept      (VtTilePictures *self);

G_END_DECLS
