/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing a whole file atomically: readers see the old contents or the new, never half. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  VT_FILE_WRITE_NONE  = 0,
  /* The file can be made again (a cached thumbnail, a build product): a
   * file written where there was none is not synced to the disk, so a
   * crash may lose it. A file replaced is still never left half-written. */
  VT_FILE_WRITE_CACHE = 1 << 0,
  /* The data is on the disk before the rename, but the rename is not
   * waited for: a crash may lose the new file (leaving the old one, if
   * any), never leave it empty or torn. For many small files that can
   * be made again (thumbnails), where a second sync each would double
   * the time they take to reach the disk. */
  VT_FILE_WRITE_RENAME_UNSYNCED = 1 << 1,
} VtFileWriteFlags;

/* Writes @length bytes of @data to @path through a temporary file in the
 * same folder, ".NAME.saving", renamed over @path. One left there by a
 * save that was killed is removed by the next save of @path; a save
 * that finds one being written by another process waits for it. Unless
 * @flags says %VT_FILE_WRITE_CACHE, the data and the rename are on the
 * disk when it returns (the data only, with
 * %VT_FILE_WRITE_RENAME_UNSYNCED). A new file gets @mode (less the
 * umask); a file replaced keeps its permissions. Errors are in G_FILE_ERROR, their messages name @path
 * and say what to do about it (the folder is not writable, the disk is
 * full, @path is a folder). Safe to call from any thread. */
gboolean vt_file_write_atomic (const char        *path,
                               const void        *data,
                               gsize              length,
                               int                mode,
                               VtFileWriteFlags   flags,
                               GError           **error);

/* vt_file_write_atomic() of the bytes of @vectors one after the other. */
gboolean vt_file_write_atomic_vectors (const char           *path,
                                       const GOutputVector  *vectors,
                                       guint                 n_vectors,
                                       int                   mode,
                                       VtFileWriteFlags      flags,
                                       GError              **error);

/* Makes @link_path a second name of the file @path, through a hard link
 * under the same temporary name vt_file_write_atomic() would use for
 * @link_path, renamed over it: an old @link_path is replaced whole or
 * not at all, and nothing is left of a link made by a process killed
 * before the rename once @link_path is next written. Errors are those of
 * vt_file_write_atomic(), about @link_path; file systems without hard
 * links fail with G_FILE_ERROR_PERM or G_FILE_ERROR_FAILED. */
gboolean vt_file_link_atomic (const char  *path,
                              const char  *link_path,
                              GError     **error);

/* Whether @name (a file name, no folder) is that of a temporary file of
 * vt_file_write_atomic(): one being written, or left by a save that was
 * killed. */
gboolean vt_file_is_temporary_name (const char *name);

G_END_DECLS
