/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing a whole file atomically: readers see the old contents or the new, never half. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VT_FILE_WRITE_NONE  = 0,
  /* The file can be made again (a cached thumbnail, a build product): a
   * file written where there was none is not synced to the disk, so a
   * crash may lose it. A file replaced is still never left half-written. */
  VT_FILE_WRITE_CACHE = 1 << 0,
} VtFileWriteFlags;

/* Writes @length bytes of @data to @path through a temporary file in the
 * same folder, renamed over @path. Unless @flags says
 * %VT_FILE_WRITE_CACHE, the data and the rename are on the disk when it
 * returns. A new file gets @mode (less the umask); a file replaced keeps
 * its permissions. Errors are in G_FILE_ERROR, their messages name @path
 * and say what to do about it (the folder is not writable, the disk is
 * full, @path is a folder). Safe to call from any thread. */
gboolean vt_file_write_atomic (const char        *path,
                               const void        *data,
                               gsize              length,
                               int                mode,
                               VtFileWriteFlags   flags,
                               GError           **error);

G_END_DECLS
