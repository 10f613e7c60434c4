/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Memory for a picture's pixels, handed back to the system as soon as it is freed. */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* @size bytes, zeroed and writable through @data until the bytes are
 * shared; safe to make and free on any thread. */
GBytes    *vt_pixels_new        (gsize       size,
                                 guchar    **data);
/* A read-only copy of @pixbuf (8 bits a sample, RGB or RGBA, rows
 * packed as they are), its pixels in memory from vt_pixels_new ().
 * Takes @pixbuf's reference. */
GdkPixbuf *vt_pixels_own_pixbuf (GdkPixbuf  *pixbuf);

G_END_DECLS
