/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The freedesktop thumbnail cache on disk: where thumbnails and failure records live, reading and writing them. */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <sys/stat.h>

#include "vt-thumbnail-png.h"

G_BEGIN_DECLS

/* One cache folder; shared by the thumbnailer's worker threads. */
typedef struct _VtThumbnailCache VtThumbnailCache;

VtThumbnailCache *vt_thumbnail_cache_new             (const char        *dir);
void              vt_thumbnail_cache_free            (VtThumbnailCache  *cache);
const char       *vt_thumbnail_cache_get_dir         (VtThumbnailCache  *cache);

/* The index of the smallest size bucket (128, 256, 512, 1024) at or
 * above @size and, in *bucket_size, its size; -1 above 1024. */
int               vt_thumbnail_cache_find_bucket     (int                size,
                                                      int               *bucket_size);
/* Where the thumbnail of @uri lives, or would, in bucket @bucket. */
char             *vt_thumbnail_cache_thumbnail_path  (VtThumbnailCache  *cache,
                                                      int                bucket,
                                                      const char        *uri);
/* Where a failure to read @uri is recorded. */
char             *vt_thumbnail_cache_failure_path    (VtThumbnailCache  *cache,
                                                      const char        *uri);

/*
 * Reads a thumbnail or failure record at @path (ours or another
 * program's) and keeps it when it is one of @uri as modified at @mtime;
 * FALSE when missing, unreadable, larger than @fit, or stale. Pixels are
 * decoded only when wanted and current.
 */
gboolean          vt_thumbnail_cache_read            (const char        *path,
                                                      const char        *uri,
                                                      gint64             mtime,
                                                      int                fit,
                                                      gboolean           want_pixels,
                                                      VtThumbnailPng    *png);

/* Writes @pixbuf at @path as the thumbnail of @uri, whose file is @st
 * and declares @width × @height pixels. FALSE when the cache cannot be
 * written; after one such failure the cache is not written again. */
gboolean          vt_thumbnail_cache_write_thumbnail (VtThumbnailCache  *cache,
                                                      GdkPixbuf         *pixbuf,
                                                      const char        *path,
                                                      const char        *uri,
                                                      const struct stat *st,
                                                      int                width,
                                                      int                height);
/* Records that @uri, as modified at @st's time, cannot be read, and why. */
gboolean          vt_thumbnail_cache_write_failure   (VtThumbnailCache  *cache,
                                                      const char        *uri,
                                                      const struct stat *st,
                                                      const char        *reason);

/* zlib level (0-9) of the thumbnails written from now on. */
void              vt_thumbnail_cache_set_png_compression (VtThumbnailCache *cache,
                                                          int               level);

G_END_DECLS
