/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the thumbnailer's tests and benchmark may look at and steer, beyond the public API. */

#pragma once

#include "vt-thumbnailer.h"

G_BEGIN_DECLS

typedef struct
{
  guint decodes;          /* originals decoded (started, not necessarily done) */
  guint disk_hits;        /* valid thumbnails taken from the disk cache */
  guint memory_hits;      /* pictures served from the memory cache */
  guint thumbnails_written;
  guint failures_written;
} VtThumbnailerStats;

void   vt_thumbnailer_get_stats          (VtThumbnailer      *self,
                                          VtThumbnailerStats *stats);
/* While paused, queued requests wait; requests can still be cancelled. */
void   vt_thumbnailer_set_paused         (VtThumbnailer      *self,
                                          gboolean            paused);
/* zlib level (0-9) of the thumbnails written from now on. */
void   vt_thumbnailer_set_png_compression (VtThumbnailer    *self,
                                          int                level);
/* Where the thumbnail of @file at @size (up to 1024) lives or would live. */
char  *vt_thumbnailer_get_thumbnail_path (VtThumbnailer      *self,
                                          GFile              *file,
                                          int                 size);
/* Where a failure to read @file is recorded. */
char  *vt_thumbnailer_get_failure_path   (VtThumbnailer      *self,
                                          GFile              *file);

G_END_DECLS
