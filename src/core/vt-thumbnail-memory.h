/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The thumbnailer's memory cache: pictures by key, bounded in bytes, least recently used out first. */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* Safe to use from any thread. */
typedef struct _VtThumbnailMemory VtThumbnailMemory;

VtThumbnailMemory *vt_thumbnail_memory_new       (guint64            limit);
void               vt_thumbnail_memory_free      (VtThumbnailMemory *memory);

/* A new reference to the picture kept under @key, made the most
 * recently used; NULL when there is none. */
GdkPixbuf         *vt_thumbnail_memory_lookup    (VtThumbnailMemory *memory,
                                                  const char        *key);
/* Keeps @pixbuf under @key (rowstride × height bytes), unless it is
 * larger than the whole limit, dropping the least recently used to make
 * room. Nothing changes when @key is kept already. */
void               vt_thumbnail_memory_insert    (VtThumbnailMemory *memory,
                                                  const char        *key,
                                                  GdkPixbuf         *pixbuf);

guint64            vt_thumbnail_memory_get_limit (VtThumbnailMemory *memory);
/* Drops what no longer fits at once; TRUE when the limit changed. */
gboolean           vt_thumbnail_memory_set_limit (VtThumbnailMemory *memory,
                                                  guint64            limit);
guint64            vt_thumbnail_memory_get_used  (VtThumbnailMemory *memory);

G_END_DECLS
