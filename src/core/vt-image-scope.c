/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where a catalog's images may be opened from: its own folder, and elsewhere only when allowed. */

/*
 * A catalog is data from a stranger: "../../etc/passwd", "/proc/self/environ"
 * or a symbolic link in the catalog's folder that leads out of it must
 * not make Vitrine read what the user never chose to show. The item
 * keeps where its image lies; vt_item_get_image() consults the scope,
 * so the window, the thumbnailer and vitrine-cli all see "no image" for
 * a path outside until the user allows it for that catalog.
 */

#define G_LOG_DOMAIN "vitrine-catalog"

#include "config.h"

#include "vt-image-scope.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>

struct _VtImageScope
{
  GFile      *base_dir;     /* nullable */
  char       *base_real;    /* its path, ".." and symbolic links resolved */
  gint        allow_outside;

  /* A catalog's images sit in a few folders: each folder is resolved
   * once, each image then costs one lstat(). */
  GMutex      lock;
  GHashTable *real_folders; /* folder → resolved folder, or NULL when it does not resolve */
};

/* @path with ".." and symbolic links resolved as far as it exists: a
 * missing file is still told inside or outside by its folder. */
static char *
resolve_path (const char *path)
{
  g_autofree char *folder = NULL;
  g_autofree char *folder_real = NULL;
  g_autofree char *basename = NULL;
  char *real = realpath (path, NULL);

  if (real != NULL)
    {
      char *copy = g_strdup (real);

      free (real);
      return copy;
    }

  folder = g_path_get_dirname (path);
  real = realpath (folder, NULL);
  if (real == NULL)
    return g_canonicalize_filename (path, NULL);
  folder_real = g_strdup (real);
  free (real);
  basename = g_path_get_basename (path);
  return g_build_filename (folder_real, basename, NULL);
}

VtImageScope *
vt_image_scope_new (GFile *base_dir)
{
  VtImageScope *scope;

  g_return_val_if_fail (base_dir == NULL || G_IS_FILE (base_dir), NULL);

  scope = g_atomic_rc_box_new0 (VtImageScope);
  g_mutex_init (&scope->lock);
  scope->real_folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (base_dir != NULL)
    {
      g_autofree char *path = g_file_get_path (base_dir);

      scope->base_dir = g_object_ref (base_dir);
      if (path != NULL)
        scope->base_real = resolve_path (path);
    }
  return scope;
}

VtImageScope *
vt_image_scope_ref (VtImageScope *scope)
{
  return g_atomic_rc_box_acquire (scope);
}

static void
scope_clear (gpointer data)
{
  VtImageScope *scope = data;

  g_clear_object (&scope->base_dir);
  g_free (scope->base_real);
  g_hash_table_unref (scope->real_folders);
  g_mutex_clear (&scope->lock);
}

void
vt_image_scope_unref (VtImageScope *scope)
{
  g_atomic_rc_box_release_full (scope, scope_clear);
}

GFile *
vt_image_scope_get_base_dir (VtImageScope *scope)
{
  return scope->base_dir;
}

gboolean
vt_image_scope_get_allow_outside (VtImageScope *scope)
{
  return g_atomic_int_get (&scope->allow_outside);
}

gboolean
vt_image_scope_set_allow_outside (VtImageScope *scope,
                                  gboolean      allow)
{
  return g_atomic_int_exchange (&scope->allow_outside, !!allow) != !!allow;
}

/* resolve_path() of @path, its folder's part remembered. */
static char *
resolve_path_cached (VtImageScope *scope,
                     const char   *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *basename = NULL;
  const char *real_folder;
  char *resolved = NULL;
  gpointer value;
  GStatBuf st;

  /* A symbolic link may lead anywhere: resolved whole. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    return resolve_path (path);

  g_mutex_lock (&scope->lock);
  if (!g_hash_table_lookup_extended (scope->real_folders, folder, NULL, &value))
    {
      char *real = realpath (folder, NULL);

      value = real != NULL ? g_strdup (real) : NULL;
      free (real);
      g_hash_table_insert (scope->real_folders, g_strdup (folder), value);
    }
  real_folder = value;
  if (real_folder != NULL)
    {
      basename = g_path_get_basename (path);
      resolved = g_build_filename (real_folder, basename, NULL);
    }
  g_mutex_unlock (&scope->lock);

  return resolved != NULL ? resolved : g_canonicalize_filename (path, NULL);
}

static gboolean
is_in_folder (const char *path,
              const char *folder)
{
  gsize length = strlen (folder);

  if (strcmp (folder, "/") == 0)
    return TRUE;
  return strncmp (path, folder, length) == 0 && path[length] == G_DIR_SEPARATOR;
}

VtImagePlace
vt_image_scope_resolve (VtImageScope  *scope,
                        const char    *written,
                        GFile        **file)
{
  const char *scheme;
  g_autofree char *local = NULL;
  g_autofree char *path = NULL;
  g_autofree char *real = NULL;
  g_autoptr(GFile) resolved = NULL;

  *file = NULL;
  if (written == NULL)
    return VT_IMAGE_PLACE_NONE;

  /* "http://…", "file:///…": an address rather than a path. "a:b.jpg",
   * without the slashes, stays a file name. */
  scheme = g_uri_peek_scheme (written);
  if (scheme != NULL && strncmp (written + strlen (scheme), "://", 3) == 0)
    {
      g_autofree char *hostname = NULL;

      if (strcmp (scheme, "file") != 0)
        return VT_IMAGE_PLACE_REMOTE;
      local = g_filename_from_uri (written, &hostname, NULL);
      if (local == NULL || (hostname != NULL && g_ascii_strcasecmp (hostname, "localhost") != 0))
        return VT_IMAGE_PLACE_REMOTE;
      resolved = g_file_new_for_path (local);
    }
  else if (g_path_is_absolute (written) || scope->base_dir == NULL)
    resolved = g_file_new_for_path (written);
  else
    resolved = g_file_resolve_relative_path (scope->base_dir, written);

  path = g_file_get_path (resolved);
  *file = g_steal_pointer (&resolved);
  if (path == NULL || scope->base_real == NULL)
    return VT_IMAGE_PLACE_INSIDE;

  real = resolve_path_cached (scope, path);
  return is_in_folder (real, scope->base_real) ? VT_IMAGE_PLACE_INSIDE : VT_IMAGE_PLACE_OUTSIDE;
}
