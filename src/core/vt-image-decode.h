/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening an original image safely and decoding it, in the formats we allow, at reduced size. */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <sys/stat.h>

G_BEGIN_DECLS

/*
 * Opens the file at @path (NULL when it is not a local file) for reading
 * without blocking on a fifo or taking a terminal, and checks that it is
 * a regular file (not a folder, a pipe or a device); @name names it in
 * messages. Everything that opens an image the catalog names goes
 * through here. Errors are in VT_THUMBNAILER_ERROR or G_IO_ERROR.
 */
gboolean   vt_image_open      (const char    *path,
                               const char    *name,
                               struct stat   *st,
                               int           *out_fd,
                               GError       **error);

/*
 * Decodes the image open on @fd to fit in a square of @fit pixels, its
 * own orientation applied; *width and *height get the size the file
 * declares, as seen once turned. Refuses formats we do not open and
 * pictures over 100 megapixels before decoding anything; reads in
 * chunks, checking @cancellable between them.
 */
GdkPixbuf *vt_image_decode_fd (int            fd,
                               const char    *name,
                               int            fit,
                               int           *width,
                               int           *height,
                               GCancellable  *cancellable,
                               GError       **error);
/* The same for an image's bytes in memory. */
GdkPixbuf *vt_image_decode_data (const guchar  *data,
                                 gsize          length,
                                 const char    *name,
                                 int            fit,
                                 int           *width,
                                 int           *height,
                                 GCancellable  *cancellable,
                                 GError       **error);

/*
 * Reads the header of the image open on @fd, as far as its declared
 * size and no further: FALSE with @error when it is empty, not in a
 * format we open, over 100 megapixels, or damaged before its size.
 */
gboolean   vt_image_check_fd  (int            fd,
                               const char    *name,
                               int           *width,
                               int           *height,
                               GError       **error);
/* vt_image_open() and vt_image_check_fd(): whether validation would
 * let the thumbnailer try @path. */
gboolean   vt_image_check_file (const char   *path,
                                const char   *name,
                                int          *width,
                                int          *height,
                                GError      **error);

G_END_DECLS
