/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading and writing thumbnail PNGs with libpng directly: text chunks first, pixels only when wanted. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int     width;
  int     height;
  int     stride;
  gboolean has_alpha;   /* pixels are RGBA (not premultiplied) rather than RGB */
  GBytes *pixels;       /* NULL unless asked for */
  char   *uri;          /* Thumb::URI */
  char   *mtime;        /* Thumb::MTime */
  char   *error;        /* Vitrine::Error, in failure records */
  gboolean stored;      /* its pixels read as Vitrine writes them (stored, not
                         * filtered), without libpng */
} VtThumbnailPng;

/*
 * Reads the PNG at @path: its size and text, and its pixels (as 8-bit RGB
 * or RGBA) when @want_pixels, unless the Thumb::URI and Thumb::MTime
 * found before them are not @uri and @mtime: a stale thumbnail is not
 * decoded. Fails, quietly, when the file is missing, not a regular file,
 * damaged (a chunk's CRC included), or larger than @max_side on a side.
 * Any PNG is read; those vt_thumbnail_png_encode () writes at level 0,
 * without libpng.
 */
gboolean  vt_thumbnail_png_read   (const char          *path,
                                   int                  max_side,
                                   gboolean             want_pixels,
                                   const char          *uri,
                                   const char          *mtime,
                                   VtThumbnailPng      *png);
void      vt_thumbnail_png_clear  (VtThumbnailPng      *png);

/*
 * Encodes 8-bit RGB or RGBA pixels as PNG at zlib @level (0-9; rows are
 * not filtered, which is what makes such files quick to read back), with
 * one text chunk per key (tEXt, or iTXt for text that is not ASCII).
 */
GBytes   *vt_thumbnail_png_encode (const guchar        *pixels,
                                   int                  width,
                                   int                  height,
                                   int                  stride,
                                   gboolean             has_alpha,
                                   int                  level,
                                   const char * const  *keys,
                                   const char * const  *values,
                                   GError             **error);

G_END_DECLS
