/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one GdkTexture of a thumbnailer's picture, shared while it lives. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A texture of @pixbuf's pixels (without copying them); the same one for
 * the same pixbuf as long as that texture is alive, so a renderer that
 * keeps a texture's upload draws a picture the thumbnailer's cache hands
 * out again without uploading it again. Main thread only. */
GdkTexture *vt_texture_for_pixbuf (GdkPixbuf *pixbuf);

G_END_DECLS
