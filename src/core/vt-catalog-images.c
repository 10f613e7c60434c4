/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The images a catalog saved in another folder takes with it: which ones, and their copy beside it. */

/*
 * A piece names its image relative to the catalog's file, so a catalog
 * saved in another folder finds its images only where they were copied
 * beside it. Absolute paths, addresses and paths outside the folder go
 * on naming what they named and are not copied. A copy is written as
 * every file Vitrine writes (vt_file_write_atomic()): a kill leaves the
 * file whole or absent, never half an image that would then be "kept".
 */

#define G_LOG_DOMAIN "vitrine-catalog"

#include "config.h"

#include "vt-catalog-images.h"
#include "vt-file.h"
#include "vt-item-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <sys/stat.h>

/* @written relative and inside: its canonical relative path ("a/./b/../c"
 * is "a/c"), or NULL. */
static char *
relative_inside (GFile      *base_dir,
                 const char *written)
{
  g_autoptr(GFile) file = NULL;

  if (written == NULL || *written == '\0' || g_path_is_absolute (written) || g_uri_peek_scheme (written) != NULL)
    return NULL;
  file = g_file_resolve_relative_path (base_dir, written);
  return g_file_get_relative_path (base_dir, file);
}

GPtrArray *
vt_catalog_dup_folder_images (VtCatalog *self,
                              guint64   *size)
{
  GFile *base_dir;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  *size = 0;
  base_dir = vt_catalog_get_base_dir (self);
  if (base_dir == NULL)
    return g_steal_pointer (&paths);

  n = g_list_model_get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (self), i);
      g_autofree char *relative = NULL;
      g_autofree char *path = NULL;
      GStatBuf info;

      if (vt_item_get_image_place (item) != VT_IMAGE_PLACE_INSIDE)
        continue;
      relative = relative_inside (base_dir, vt_item_get_image_path (item));
      if (relative == NULL || g_hash_table_contains (seen, relative))
        continue;
      path = g_build_filename (g_file_peek_path (base_dir), relative, NULL);
      /* Missing, or not a file: the catalog's problems say so already. */
      if (g_stat (path, &info) != 0 || !S_ISREG (info.st_mode))
        continue;
      *size += info.st_size;
      g_hash_table_add (seen, relative);
      g_ptr_array_add (paths, g_steal_pointer (&relative));
    }

  return g_steal_pointer (&paths);
}

/* Copies @from to @to, unless a file is at @to already (*@kept). */
static gboolean
copy_one (const char  *from,
          const char  *to,
          gboolean    *kept,
          GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autofree char *folder = g_path_get_dirname (to);
  GStatBuf info;

  /* Already there, or made by someone else meanwhile: theirs stays. */
  *kept = g_lstat (to, &info) == 0;
  if (*kept)
    return TRUE;

  /* Its message names the file. */
  mapped = g_mapped_file_new (from, FALSE, error);
  if (mapped == NULL)
    return FALSE;
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (folder);

      /* Translators: the first %s is a folder, the second why it cannot be made */
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not make the folder “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return vt_file_write_atomic (to, g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped),
                               0644, VT_FILE_WRITE_NONE, error);
}

static gboolean
leaves_folder (const char *relative)
{
  g_auto(GStrv) parts = g_strsplit (relative, G_DIR_SEPARATOR_S, -1);

  if (g_path_is_absolute (relative))
    return TRUE;
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return TRUE;
  return FALSE;
}

gboolean
vt_catalog_copy_images (GPtrArray     *paths,
                        GFile         *from_dir,
                        GFile         *to_dir,
                        guint         *n_copied,
                        guint         *n_kept,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (paths != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (from_dir) && G_IS_FILE (to_dir), FALSE);

  *n_copied = 0;
  *n_kept = 0;
  for (guint i = 0; i < paths->len; i++)
    {
      const char *relative = g_ptr_array_index (paths, i);
      g_autofree char *from = g_build_filename (g_file_peek_path (from_dir), relative, NULL);
      g_autofree char *to = g_build_filename (g_file_peek_path (to_dir), relative, NULL);
      gboolean kept;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      /* Not a path that leaves either folder, whatever the caller gave. */
      g_return_val_if_fail (!leaves_folder (relative), FALSE);
      if (!copy_one (from, to, &kept, error))
        return FALSE;
      if (kept)
        (*n_kept)++;
      else
        (*n_copied)++;
    }

  return TRUE;
}
