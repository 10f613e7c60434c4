/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The thumbnailer's memory cache: pictures by key, bounded in bytes, least recently used out first. */

#define G_LOG_DOMAIN "vitrine-thumbnailer"

#include "config.h"

#include "vt-thumbnail-memory.h"

typedef struct
{
  char      *key;
  GdkPixbuf *pixbuf;
  gsize      bytes;
  GList      link;      /* in VtThumbnailMemory.lru, most recently used at the head */
} Entry;

struct _VtThumbnailMemory
{
  GMutex      lock;
  GHashTable *entries;  /* key → Entry */
  GQueue      lru;
  guint64     limit;
  guint64     used;
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_object_unref (entry->pixbuf);
  g_free (entry);
}

VtThumbnailMemory *
vt_thumbnail_memory_new (guint64 limit)
{
  VtThumbnailMemory *memory = g_new0 (VtThumbnailMemory, 1);

  g_mutex_init (&memory->lock);
  memory->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  g_queue_init (&memory->lru);
  memory->limit = limit;

  return memory;
}

void
vt_thumbnail_memory_free (VtThumbnailMemory *memory)
{
  if (memory == NULL)
    return;

  g_hash_table_unref (memory->entries);
  g_mutex_clear (&memory->lock);
  g_free (memory);
}

/* Called with the lock held. */
static void
trim_locked (VtThumbnailMemory *memory)
{
  while (memory->used > memory->limit && memory->lru.tail != NULL)
    {
      Entry *entry = memory->lru.tail->data;

      g_queue_unlink (&memory->lru, &entry->link);
      memory->used -= entry->bytes;
      g_hash_table_remove (memory->entries, entry->key);
    }
}

GdkPixbuf *
vt_thumbnail_memory_lookup (VtThumbnailMemory *memory,
                            const char        *key)
{
  GdkPixbuf *pixbuf = NULL;
  Entry *entry;

  g_mutex_lock (&memory->lock);
  entry = g_hash_table_lookup (memory->entries, key);
  if (entry != NULL)
    {
      g_queue_unlink (&memory->lru, &entry->link);
      g_queue_push_head_link (&memory->lru, &entry->link);
      pixbuf = g_object_ref (entry->pixbuf);
    }
  g_mutex_unlock (&memory->lock);

  return pixbuf;
}

void
vt_thumbnail_memory_insert (VtThumbnailMemory *memory,
                            const char        *key,
                            GdkPixbuf         *pixbuf)
{
  gsize bytes = (gsize) gdk_pixbuf_get_rowstride (pixbuf) * gdk_pixbuf_get_height (pixbuf);
  Entry *entry;

  g_mutex_lock (&memory->lock);

  /* A picture bigger than the whole cache is served but not kept. */
  if (bytes <= memory->limit && !g_hash_table_contains (memory->entries, key))
    {
      entry = g_new0 (Entry, 1);
      entry->key = g_strdup (key);
      entry->pixbuf = g_object_ref (pixbuf);
      entry->bytes = bytes;
      entry->link.data = entry;
      g_hash_table_insert (memory->entries, entry->key, entry);
      g_queue_push_head_link (&memory->lru, &entry->link);
      memory->used += bytes;
      trim_locked (memory);
    }

  g_mutex_unlock (&memory->lock);
}

guint64
vt_thumbnail_memory_get_limit (VtThumbnailMemory *memory)
{
  guint64 limit;

  g_mutex_lock (&memory->lock);
  limit = memory->limit;
  g_mutex_unlock (&memory->lock);

  return limit;
}

gboolean
vt_thumbnail_memory_set_limit (VtThumbnailMemory *memory,
                               guint64            limit)
{
  gboolean changed;

  g_mutex_lock (&memory->lock);
  changed = memory->limit != limit;
  memory->limit = limit;
  trim_locked (memory);
  g_mutex_unlock (&memory->lock);

  return changed;
}

guint64
vt_thumbnail_memory_get_used (VtThumbnailMemory *memory)
{
  guint64 used;

  g_mutex_lock (&memory->lock);
  used = memory->used;
  g_mutex_unlock (&memory->lock);

  return used;
}
