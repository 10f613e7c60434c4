/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Asynchronous, cancellable, cached image loading at thumbnail and screen sizes. */

#pragma once

#include <gdk/gdk.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define VT_THUMBNAILER_ERROR (vt_thumbnailer_error_quark ())

typedef enum
{
  VT_THUMBNAILER_ERROR_NOT_FOUND,
  VT_THUMBNAILER_ERROR_NOT_REGULAR,   /* a folder, a fifo... */
  VT_THUMBNAILER_ERROR_PERMISSION,
  VT_THUMBNAILER_ERROR_EMPTY,
  VT_THUMBNAILER_ERROR_UNSUPPORTED,   /* not an image, or a format we do not open */
  VT_THUMBNAILER_ERROR_TOO_LARGE,     /* declares more than 100 megapixels */
  VT_THUMBNAILER_ERROR_CORRUPT,
  VT_THUMBNAILER_ERROR_FAILED_BEFORE, /* recorded under fail/ by an earlier run */
} VtThumbnailerError;

#define VT_TYPE_THUMBNAILER (vt_thumbnailer_get_type ())

G_DECLARE_FINAL_TYPE (VtThumbnailer, vt_thumbnailer, VT, THUMBNAILER, GObject)

GQuark         vt_thumbnailer_error_quark       (void);

VtThumbnailer *vt_thumbnailer_new               (void);
/* One per process, for the window's views to share. (transfer none) */
VtThumbnailer *vt_thumbnailer_get_default       (void);

/*
 * Loads @file fitted in a square of @size device pixels (the caller has
 * multiplied by its scale factor). Up to 1024, the texture comes from the
 * freedesktop thumbnail cache size at or above @size (made when missing
 * or stale); above, the original is decoded at reduced size for the
 * detail window and the show. Newest requests are served first; a
 * cancelled request that has not started costs nothing. Errors say what
 * is wrong with which file, in VT_THUMBNAILER_ERROR or G_IO_ERROR
 * (G_IO_ERROR_CANCELLED when cancelled).
 */
void           vt_thumbnailer_load_async        (VtThumbnailer        *self,
                                                 GFile                *file,
                                                 int                   size,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GdkTexture    *vt_thumbnailer_load_finish       (VtThumbnailer        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* Bytes of textures kept in memory (default 256 MB); least recently used out first. */
gsize          vt_thumbnailer_get_memory_limit  (VtThumbnailer        *self);
void           vt_thumbnailer_set_memory_limit  (VtThumbnailer        *self,
                                                 gsize                 limit);
gsize          vt_thumbnailer_get_memory_used   (VtThumbnailer        *self);

G_END_DECLS
