/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The grid's fitted pictures by file and size: one for all the tiles that show it, and the last ones let go kept for a while. */

#define G_LOG_DOMAIN "vitrine-tile"

#include "config.h"

#include "vt-tile-pictures.h"

#include <glib/gstdio.h>

#include <sys/stat.h>

/*
 * Why the grid keeps its own pictures rather than asking the
 * thumbnailer's memory: the tiles near the view hold their fitted
 * pictures already, so a cache of the thumbnails they were made from
 * held a second copy of every one of them, in a larger size, while it
 * kept hardly any that a tile had let go (its least recently used were
 * the tiles leaving the reach at the other end). Here a picture that
 * tiles show costs nothing more, a tile given a piece another tile
 * shows (a search or sort that lands) shares its picture, and the bytes
 * bounded are only those of the pictures just let go, ready for a
 * scroll back.
 */

typedef struct
{
  char            *key;
  VtFittedPicture *picture;
  gsize            bytes;
  guint            users;     /* tiles that show it */
  GList            link;      /* in VtTilePictures.spare while users is 0, latest let go at the head */
} Entry;

struct _VtTilePictures
{
  GObject     parent_instance;

  GHashTable *entries;        /* key → Entry */
  GQueue      spare;
  gsize       spare_bytes;
  gsize       spare_limit;
};

G_DEFINE_FINAL_TYPE (VtTilePictures, vt_tile_pictures, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_object_unref (entry->picture);
  g_free (entry);
}

static void
trim (VtTilePictures *self)
{
  while (self->spare_bytes > self->spare_limit && self->spare.tail != NULL)
    {
      Entry *entry = self->spare.tail->data;

      g_queue_unlink (&self->spare, &entry->link);
      self->spare_bytes -= entry->bytes;
      g_hash_table_remove (self->entries, entry->key);
    }
}

static void
vt_tile_pictures_finalize (GObject *object)
{
  VtTilePictures *self = VT_TILE_PICTURES (object);

  g_hash_table_unref (self->entries);

  G_OBJECT_CLASS (vt_tile_pictures_parent_class)->finalize (object);
}

static void
vt_tile_pictures_class_init (VtTilePicturesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vt_tile_pictures_finalize;
}

static void
vt_tile_pictures_init (VtTilePictures *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  g_queue_init (&self->spare);
}

VtTilePictures *
vt_tile_pictures_new (void)
{
  return g_object_new (VT_TYPE_TILE_PICTURES, NULL);
}

char *
vt_tile_pictures_key (GFile *file,
                      int    size)
{
  const char *path;
  g_autofree char *uri = NULL;
  struct stat st;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_peek_path (file);
  if (path == NULL || g_stat (path, &st) != 0)
    return NULL;

  uri = g_file_get_uri (file);
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT ".%09ld:%s", size,
                          (gint64) st.st_mtime, (long) st.st_mtim.tv_nsec, uri);
}

VtFittedPicture *
vt_tile_pictures_take (VtTilePictures *self,
                       const char     *key)
{
  Entry *entry;

  g_return_val_if_fail (VT_IS_TILE_PICTURES (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL)
    return NULL;

  if (entry->users == 0)
    {
      g_queue_unlink (&self->spare, &entry->link);
      self->spare_bytes -= entry->bytes;
    }
  entry->users++;

  return g_object_ref (entry->picture);
}

VtFittedPicture *
vt_tile_pictures_add (VtTilePictures  *self,
                      const char      *key,
                      VtFittedPicture *picture)
{
  VtFittedPicture *kept;
  Entry *entry;

  g_return_val_if_fail (VT_IS_TILE_PICTURES (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (VT_IS_FITTED_PICTURE (picture), NULL);

  kept = vt_tile_pictures_take (self, key);
  if (kept != NULL)
    return kept;

  entry = g_new0 (Entry, 1);
  entry->key = g_strdup (key);
  entry->picture = g_object_ref (picture);
  entry->bytes = vt_fitted_picture_get_bytes (picture);
  entry->users = 1;
  entry->link.data = entry;
  g_hash_table_insert (self->entries, entry->key, entry);

  return g_object_ref (picture);
}

void
vt_tile_pictures_release (VtTilePictures *self,
                          const char     *key)
{
  Entry *entry;

  g_return_if_fail (VT_IS_TILE_PICTURES (self));
  g_return_if_fail (key != NULL);

  entry = g_hash_table_lookup (self->entries, key);
  g_return_if_fail (entry != NULL && entry->users > 0);

  if (--entry->users > 0)
    return;

  g_queue_push_head_link (&self->spare, &entry->link);
  self->spare_bytes += entry->bytes;
  trim (self);
}

void
vt_tile_pictures_set_spare_limit (VtTilePictures *self,
                                  gsize           limit)
{
  g_return_if_fail (VT_IS_TILE_PICTURES (self));

  self->spare_limit = limit;
  trim (self);
}

gsize
vt_tile_pictures_get_spare_limit (VtTilePictures *self)
{
  g_return_val_if_fail (VT_IS_TILE_PICTURES (self), 0);

  return self->spare_limit;
}

gsize
vt_tile_pictures_get_spare_bytes (VtTilePictures *self)
{
  g_return_val_if_fail (VT_IS_TILE_PICTURES (self), 0);

  return self->spare_bytes;
}

guint
vt_tile_pictures_get_n_kept (VtTilePictures *self)
{
  g_return_val_if_fail (VT_IS_TILE_PICTURES (self), 0);

  return g_hash_table_size (self->entries);
}
