/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Thumbnail PNGs as Vitrine writes them, stored and not filtered: read and written without libpng. */

#pragma once

#include "vt-thumbnail-png.h"

G_BEGIN_DECLS

typedef enum
{
  VT_STORED_OK,
  VT_STORED_FAILED,   /* damaged: a CRC, a truncation, a header out of bounds */
  VT_STORED_OTHER,    /* not one of ours: libpng must read it */
} VtStoredResult;

/*
 * vt_thumbnail_png_read () of the PNG open on @fd, of @size bytes, when
 * it is one Vitrine wrote at level 0; VT_STORED_OTHER, @fd anywhere and
 * what @out holds to be cleared, when it is not.
 */
VtStoredResult  vt_thumbnail_png_read_stored   (int                  fd,
                                                gsize                size,
                                                const char          *path,
                                                int                  max_side,
                                                gboolean             want_pixels,
                                                const char          *uri,
                                                const char          *mtime,
                                                VtThumbnailPng      *out);

/* vt_thumbnail_png_encode () at level 0: one IDAT chunk of stored blocks. */
GBytes         *vt_thumbnail_png_encode_stored (const guchar        *pixels,
                                                int                  width,
                                                int                  height,
                                                int                  stride,
                                                gboolean             has_alpha,
                                                const char * const  *keys,
                                                const char * const  *values);

/* Whether @text goes in a tEXt chunk as it is: that is Latin-1, the
 * same as UTF-8 for ASCII only; other text goes in iTXt. */
gboolean        vt_thumbnail_png_text_is_ascii (const char          *text);

G_END_DECLS
