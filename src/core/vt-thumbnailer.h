/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Asynchronous, cancellable, cached image loading at thumbnail and screen sizes. */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
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

/* What vt_thumbnailer_ensure_finish() found. */
typedef enum
{
  VT_THUMBNAIL_FOUND, /* a valid thumbnail was already in the disk cache */
  VT_THUMBNAIL_MADE,  /* it was made (or made again) now */
} VtThumbnailOutcome;

/* The largest size that has a disk cache; above it originals are decoded. */
#define VT_THUMBNAILER_MAX_CACHED_SIZE 1024

#define VT_TYPE_THUMBNAILER (vt_thumbnailer_get_type ())

/*
 * Properties: "cache-dir" (construct-only; the thumbnail cache root,
 * default $XDG_CACHE_HOME/thumbnails), "threads" (construct-only; worker
 * threads, 0 for one per core) and "memory-limit".
 */

G_DECLARE_FINAL_TYPE (VtThumbnailer, vt_thumbnailer, VT, THUMBNAILER, GObject)

GQuark         vt_thumbnailer_error_quark       (void);

VtThumbnailer *vt_thumbnailer_new               (void);
/* One per process, for the window's views to share. (transfer none) */
VtThumbnailer *vt_thumbnailer_get_default       (void);

/*
 * Loads @file fitted in a square of @size device pixels (the caller has
 * multiplied by its scale factor). Up to 1024, the picture comes from the
 * freedesktop thumbnail cache size at or above @size (made when missing
 * or stale); above, the original is decoded at reduced size for the
 * detail window and the show. Newest requests are served first; a
 * cancelled request that has not started costs nothing. Errors say what
 * is wrong with which file, in VT_THUMBNAILER_ERROR or G_IO_ERROR
 * (G_IO_ERROR_CANCELLED when cancelled).
 *
 * The picture is 8-bit RGB or RGBA (not premultiplied) and must not be
 * changed: the memory cache hands the same one to every request for it.
 */
void           vt_thumbnailer_load_async        (VtThumbnailer        *self,
                                                 GFile                *file,
                                                 int                   size,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);

typedef enum
{
  VT_THUMBNAILER_LOAD_DEFAULT = 0,
  /* Not kept in the memory cache, unless another load of the same
   * picture asks for it: for a caller that holds the few big pictures
   * it needs itself (the show's screen-size pictures, 12 MB each at
   * 2048 pixels). A picture kept already is still served from memory. */
  VT_THUMBNAILER_LOAD_UNKEPT = 1 << 0,
} VtThumbnailerLoadFlags;

/* vt_thumbnailer_load_async() with @flags; finished by
 * vt_thumbnailer_load_finish(). */
void           vt_thumbnailer_load_full_async   (VtThumbnailer         *self,
                                                 GFile                 *file,
                                                 int                    size,
                                                 VtThumbnailerLoadFlags flags,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
GdkPixbuf     *vt_thumbnailer_load_finish       (VtThumbnailer        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/*
 * Makes sure the disk cache holds a valid thumbnail of @file at @size
 * (128 to 1024), made now when missing or stale, without keeping its
 * pixels: for vitrine-cli. Served by the same workers and queue as
 * vt_thumbnailer_load_async(). Fails when the cache cannot be written.
 */
void           vt_thumbnailer_ensure_async      (VtThumbnailer        *self,
                                                 GFile                *file,
                                                 int                   size,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       vt_thumbnailer_ensure_finish     (VtThumbnailer        *self,
                                                 GAsyncResult         *result,
                                                 VtThumbnailOutcome   *outcome,
                                                 GError              **error);

/* Bytes of pictures kept in memory (rowstride × height each; by default
 * VT_THUMBNAIL_MEMORY_DEFAULT_MB megabytes, see vt-defaults.h); least
 * recently used out first. */
gsize          vt_thumbnailer_get_memory_limit  (VtThumbnailer        *self);
void           vt_thumbnailer_set_memory_limit  (VtThumbnailer        *self,
                                                 gsize                 limit);
gsize          vt_thumbnailer_get_memory_used   (VtThumbnailer        *self);

/*
 * What the views on the screen show at once: @count pictures asked for
 * at @size device pixels (the grid's tiles in view). The memory cache
 * then keeps at most VT_THUMBNAIL_MEMORY_SCREENS times as many bytes as
 * they take, and never more than the memory limit, so that what it
 * holds follows the screen: a few megabytes for small tiles on a
 * laptop, more for large ones on a 4K screen. A @count of 0 lifts this
 * bound. The views of one thumbnailer share it: the last one set wins.
 */
void           vt_thumbnailer_set_screenful     (VtThumbnailer        *self,
                                                 guint                 count,
                                                 int                   size);
/* The bound in force: the memory limit, or the screen's if lower. */
gsize          vt_thumbnailer_get_memory_bound  (VtThumbnailer        *self);

/* Thumbnails made for loads are written to the disk cache after the
 * load has answered; returns once all of them are on disk. A program
 * calls it before it exits, so the next start finds them. */
void           vt_thumbnailer_wait_for_writes   (VtThumbnailer        *self);

G_END_DECLS
