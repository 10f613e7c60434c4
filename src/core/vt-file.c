/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing a whole file atomically, on top of g_file_set_contents_full(). */

#define G_LOG_DOMAIN "vitrine-file"

#include "config.h"

#include "vt-file.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

/*
 * GLib 2.74's g_file_set_contents_full() with CONSISTENT | DURABLE does
 * the atomic part: it writes "PATH.XXXXXX" in the same folder, fsyncs it,
 * renames it over PATH and fsyncs the folder, so the rename itself
 * survives a crash; on failure it removes the temporary file. With
 * CONSISTENT | ONLY_EXISTING (our VT_FILE_WRITE_CACHE) it skips both
 * fsyncs when PATH does not exist yet or is empty.
 *
 * What this adds:
 * - a file replaced keeps its permissions: GLib creates the new file
 *   with the mode it is given, so a shared catalog (0664) would lose
 *   its group's write permission at the first save;
 * - a PATH that is a folder is refused before anything is written
 *   (GLib would write a temporary file beside it, then fail to rename);
 * - messages that name PATH and its folder in words a user can act on,
 *   where GLib's name the temporary file and the system call that
 *   failed ("Failed to create file “…/catalog.json.4XK2ZQ”: …").
 */

static void
set_error (GError       **error,
           const char    *path,
           const GError  *glib_error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *folder_path = g_path_get_dirname (path);
  g_autofree char *folder = g_filename_display_name (folder_path);

  switch (glib_error->code)
    {
    case G_FILE_ERROR_ISDIR:
      g_set_error (error, G_FILE_ERROR, glib_error->code,
                   _("Cannot save %s: it is a folder"), name);
      break;
    case G_FILE_ERROR_NOENT:
      g_set_error (error, G_FILE_ERROR, glib_error->code,
                   _("Cannot save %s: the folder %s does not exist"), name, folder);
      break;
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_ROFS:
    case G_FILE_ERROR_NOTDIR:
      g_set_error (error, G_FILE_ERROR, glib_error->code,
                   _("Cannot save %s: the folder %s is not writable"), name, folder);
      break;
    case G_FILE_ERROR_NOSPC:
      g_set_error (error, G_FILE_ERROR, glib_error->code,
                   _("Cannot save %s: the disk is full"), name);
      break;
    default:
      g_set_error (error, G_FILE_ERROR, glib_error->code,
                   _("Cannot save %s: %s"), name, glib_error->message);
      break;
    }
}

gboolean
vt_file_write_atomic (const char        *path,
                      const void        *data,
                      gsize              length,
                      int                mode,
                      VtFileWriteFlags   flags,
                      GError           **error)
{
  GFileSetContentsFlags glib_flags = G_FILE_SET_CONTENTS_CONSISTENT;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gboolean replacing;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (length <= G_MAXSSIZE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (flags & VT_FILE_WRITE_CACHE)
    glib_flags |= G_FILE_SET_CONTENTS_ONLY_EXISTING;
  else
    glib_flags |= G_FILE_SET_CONTENTS_DURABLE;

  replacing = g_stat (path, &st) == 0;
  if (replacing && S_ISDIR (st.st_mode))
    {
      g_autoptr(GError) is_folder = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_ISDIR, "");

      set_error (error, path, is_folder);
      return FALSE;
    }
  if (replacing)
    mode = (int) (st.st_mode & 07777);

  if (!g_file_set_contents_full (path, data != NULL ? data : "", (gssize) length,
                                 glib_flags, mode, &local_error))
    {
      set_error (error, path, local_error);
      return FALSE;
    }

  /* The umask applied when the file was made; a file replaced keeps
   * the permissions it had, not fewer. */
  if (replacing)
    (void) g_chmod (path, mode);

  return TRUE;
}
