/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The freedesktop thumbnail cache on disk: where thumbnails and failure records live, reading and writing them. */

/*
 * Thumbnails are shared with the desktop's file manager: a PNG per
 * picture, named by the MD5 of its URI, in a folder per size, valid while
 * its Thumb::URI and Thumb::MTime match the file. A picture that cannot
 * be read is recorded under fail/ in a folder of our own, with the
 * reason, so it is not decoded again until it changes. Once a write
 * fails (a read-only or full disk), the cache is only read from then on.
 */

#define G_LOG_DOMAIN "vitrine-thumbnailer"

#include "config.h"

#include "vt-thumbnail-cache.h"

#include "vt-file.h"

#include <glib/gstdio.h>

#include <errno.h>
#include <string.h>

/* See vt_thumbnail_cache_write_thumbnail() */
#define DEFAULT_PNG_COMPRESSION 0
#define FAIL_FOLDER             "vitrine-" PACKAGE_VERSION
/* Seconds after which a temporary file is taken for a killed run's. */
#define ORPHAN_AGE              3600

static const struct
{
  int         size;
  const char *folder;
} buckets[] = {
  { 128, "normal" },
  { 256, "large" },
  { 512, "x-large" },
  { 1024, "xx-large" },
};

struct _VtThumbnailCache
{
  char *dir;
  gint  unwritable;        /* atomic: set once a write failed */
  gint  png_compression;   /* atomic: zlib level of the thumbnails we write */
};

/* The spec's file name for @uri: the MD5 of the URI, ".png". */
static char *
cache_basename (const char *uri)
{
  g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, uri, -1);

  return g_strconcat (md5, ".png", NULL);
}

VtThumbnailCache *
vt_thumbnail_cache_new (const char *dir)
{
  VtThumbnailCache *cache;

  g_return_val_if_fail (dir != NULL, NULL);

  cache = g_new0 (VtThumbnailCache, 1);
  cache->dir = g_strdup (dir);
  cache->png_compression = DEFAULT_PNG_COMPRESSION;

  return cache;
}

void
vt_thumbnail_cache_free (VtThumbnailCache *cache)
{
  if (cache == NULL)
    return;

  g_free (cache->dir);
  g_free (cache);
}

const char *
vt_thumbnail_cache_get_dir (VtThumbnailCache *cache)
{
  return cache->dir;
}

int
vt_thumbnail_cache_find_bucket (int  size,
                                int *bucket_size)
{
  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    if (size <= buckets[i].size)
      {
        if (bucket_size != NULL)
          *bucket_size = buckets[i].size;
        return i;
      }
  return -1;
}

char *
vt_thumbnail_cache_thumbnail_path (VtThumbnailCache *cache,
                                   int               bucket,
                                   const char       *uri)
{
  g_autofree char *basename = cache_basename (uri);

  g_return_val_if_fail (bucket >= 0 && bucket < (int) G_N_ELEMENTS (buckets), NULL);

  return g_build_filename (cache->dir, buckets[bucket].folder, basename, NULL);
}

char *
vt_thumbnail_cache_failure_path (VtThumbnailCache *cache,
                                 const char       *uri)
{
  g_autofree char *basename = cache_basename (uri);

  return g_build_filename (cache->dir, "fail", FAIL_FOLDER, basename, NULL);
}

gboolean
vt_thumbnail_cache_read (const char     *path,
                         const char     *uri,
                         gint64          mtime,
                         int             fit,
                         gboolean        want_pixels,
                         VtThumbnailPng *png)
{
  g_autofree char *mtime_text = g_strdup_printf ("%" G_GINT64_FORMAT, mtime);

  if (!vt_thumbnail_png_read (path, fit, want_pixels, uri, mtime_text, png))
    return FALSE;

  /* Text after the pixels is checked only once they are read. */
  if (g_strcmp0 (png->uri, uri) != 0 || g_strcmp0 (png->mtime, mtime_text) != 0)
    {
      vt_thumbnail_png_clear (png);
      return FALSE;
    }

  return TRUE;
}

static void
note_unwritable (VtThumbnailCache *cache,
                 const char       *path,
                 const char       *reason)
{
  if (g_atomic_int_compare_and_exchange (&cache->unwritable, FALSE, TRUE))
    g_debug ("Thumbnail cache %s cannot be written (%s): working without it",
             path, reason);
}

/*
 * Removes from @folder the temporary files older than an hour: a run
 * killed between writing one and renaming it leaves it behind, and
 * nothing else ever would. Younger ones may be another process's write
 * in progress. Once per folder per process, when it is first written.
 */
static void
remove_orphans_once (const char *folder)
{
  static GHashTable *cleaned;
  G_LOCK_DEFINE_STATIC (cleaned);
  g_autoptr(GDir) dir = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean first;
  const char *name;

  G_LOCK (cleaned);
  if (cleaned == NULL)
    cleaned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  first = g_hash_table_add (cleaned, g_strdup (folder));
  G_UNLOCK (cleaned);
  if (!first)
    return;

  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!vt_file_is_temporary_name (name))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) &&
          now - (gint64) st.st_mtime > ORPHAN_AGE)
        (void) g_unlink (path);
    }
}

/* Writes @bytes at @path in a 0700 folder, atomically and durably:
 * a thumbnail is never seen half-written, even after a crash. */
static gboolean
write_atomically (VtThumbnailCache *cache,
                  GBytes           *bytes,
                  const char       *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length = 0;

  if (g_atomic_int_get (&cache->unwritable))
    return FALSE;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      note_unwritable (cache, folder, g_strerror (errno));
      return FALSE;
    }

  remove_orphans_once (folder);

  /* Synced before the rename, new files too (VT_FILE_WRITE_CACHE would
   * skip that for a file that did not exist): a crash right after must
   * not leave an empty or torn thumbnail that a file manager would show.
   * The rename itself is not waited for: a crash that loses it loses a
   * thumbnail, made again when next wanted, and a second sync for each
   * would double the time thumbnails take to reach the disk. */
  data = g_bytes_get_data (bytes, &length);
  if (!vt_file_write_atomic (path, data, length, 0600, VT_FILE_WRITE_RENAME_UNSYNCED, &error))
    {
      note_unwritable (cache, folder, error->message);
      return FALSE;
    }

  return TRUE;
}

/*
 * Rows are stored unfiltered and, by default, uncompressed: reading such
 * a thumbnail back is little more than a copy, which is what makes a
 * disk cache hit some twenty times cheaper than decoding the original.
 * The price is size (width x height x 3 bytes, 192 KB at 256 px);
 * vt_thumbnail_cache_set_png_compression() trades it back.
 */
gboolean
vt_thumbnail_cache_write_thumbnail (VtThumbnailCache  *cache,
                                    GdkPixbuf         *pixbuf,
                                    const char        *path,
                                    const char        *uri,
                                    const struct stat *st,
                                    int                width,
                                    int                height)
{
  g_autofree char *mtime = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st->st_mtime);
  g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st->st_size);
  g_autofree char *width_text = g_strdup_printf ("%d", width);
  g_autofree char *height_text = g_strdup_printf ("%d", height);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *keys[] = {
    "Thumb::URI", "Thumb::MTime", "Thumb::Size",
    "Thumb::Image::Width", "Thumb::Image::Height", "Software", NULL
  };
  const char *values[] = {
    uri, mtime, size, width_text, height_text, PACKAGE_NAME " " PACKAGE_VERSION, NULL
  };

  if (g_atomic_int_get (&cache->unwritable))
    return FALSE;

  bytes = vt_thumbnail_png_encode (gdk_pixbuf_read_pixels (pixbuf),
                                   gdk_pixbuf_get_width (pixbuf),
                                   gdk_pixbuf_get_height (pixbuf),
                                   gdk_pixbuf_get_rowstride (pixbuf),
                                   gdk_pixbuf_get_has_alpha (pixbuf),
                                   g_atomic_int_get (&cache->png_compression),
                                   keys, values, &error);
  if (bytes == NULL)
    {
      g_debug ("Could not encode the thumbnail %s: %s", path, error->message);
      return FALSE;
    }

  return write_atomically (cache, bytes, path);
}

/* The spec's failure record: an empty PNG with the file's URI and MTime;
 * ours also keeps the reason, to tell it again without decoding. */
gboolean
vt_thumbnail_cache_write_failure (VtThumbnailCache  *cache,
                                  const char        *uri,
                                  const struct stat *st,
                                  const char        *reason)
{
  g_autofree char *path = vt_thumbnail_cache_failure_path (cache, uri);
  g_autofree char *mtime = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st->st_mtime);
  g_autoptr(GBytes) bytes = NULL;
  static const guchar transparent[4] = { 0, 0, 0, 0 };
  const char *keys[] = { "Thumb::URI", "Thumb::MTime", "Software", "Vitrine::Error", NULL };
  const char *values[] = { uri, mtime, PACKAGE_NAME " " PACKAGE_VERSION, reason, NULL };

  if (g_atomic_int_get (&cache->unwritable))
    return FALSE;

  bytes = vt_thumbnail_png_encode (transparent, 1, 1, 4, TRUE, 6, keys, values, NULL);
  return bytes != NULL && write_atomically (cache, bytes, path);
}

void
vt_thumbnail_cache_set_png_compression (VtThumbnailCache *cache,
                                        int               level)
{
  g_return_if_fail (level >= 0 && level <= 9);

  g_atomic_int_set (&cache->png_compression, level);
}
