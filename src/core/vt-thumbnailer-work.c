/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The thumbnailer's shared state and one picture's work: what its worker threads do. */

/*
 * vt-thumbnailer.c queues works and hands their outcome to the requests
 * waiting for them; this is what a worker does for one: open the file
 * (never blocking on a fifo), take a valid thumbnail from the disk
 * cache, or tell a failure recorded before, or decode the original and
 * write its thumbnail and, when it cannot be read, a failure record.
 */

#define G_LOG_DOMAIN "vitrine-thumbnailer"

#include "config.h"

#include "vt-thumbnailer-work.h"

#include "vt-image-decode.h"
#include "vt-pixels.h"

#include <glib/gi18n-lib.h>

#include <sys/stat.h>
#include <unistd.h>

VtThumbnailPool *
vt_thumbnail_pool_new (const char *cache_dir,
                       guint       n_threads)
{
  VtThumbnailPool *pool = g_atomic_rc_box_new0 (VtThumbnailPool);

  g_mutex_init (&pool->lock);
  g_cond_init (&pool->cond);
  g_queue_init (&pool->queue);
  pool->in_flight = g_hash_table_new (g_str_hash, g_str_equal);
  pool->threads = g_ptr_array_new ();
  pool->n_threads = n_threads;
  pool->handbacks = g_ptr_array_new ();

  pool->memory = vt_thumbnail_memory_new (VT_THUMBNAIL_MEMORY_DEFAULT);
  pool->disk = vt_thumbnail_cache_new (cache_dir);
  g_mutex_init (&pool->write_lock);
  g_cond_init (&pool->write_done);

  return pool;
}

/*
 * A thumbnail made for a load is written to the disk cache after the
 * picture has gone to whoever asked for it, by threads of their own:
 * the write ends with an fsync, and a worker that waited for it would
 * keep the next tile on the screen waiting too. Writes of
 * vt_thumbnailer_ensure_async () stay on the worker, whose answer is
 * the write's outcome.
 */

/* Threads writing at once. Most of a write is waiting for the disk,
 * and the file system commits the syncs that wait together as one: a
 * single thread made the writes of a screenful of fast decodes finish
 * long after the last decode, one sync after another. */
#define N_WRITERS 4

typedef struct
{
  GdkPixbuf   *pixbuf;
  char        *path;
  char        *uri;
  struct stat  st;
  int          width;
  int          height;
} PendingWrite;

static void
write_thumbnail_cb (gpointer data,
                    gpointer user_data)
{
  PendingWrite *write = data;
  VtThumbnailPool *pool = user_data;

  if (vt_thumbnail_cache_write_thumbnail (pool->disk, write->pixbuf, write->path, write->uri,
                                          &write->st, write->width, write->height))
    g_atomic_int_inc (&pool->thumbnails_written);

  g_object_unref (write->pixbuf);
  g_free (write->path);
  g_free (write->uri);
  g_free (write);

  g_mutex_lock (&pool->write_lock);
  if (--pool->pending_writes == 0)
    g_cond_broadcast (&pool->write_done);
  g_mutex_unlock (&pool->write_lock);
}

/* How many thumbnails may wait for the writer. Each holds its pixels
 * (768 KB at 512 pixels): when the disk lags behind a fast scroll,
 * a queue without a bound held 800 MB of them. Beyond it, the worker
 * writes its thumbnail itself, and so makes no more until the disk
 * has caught up. */
#define MAX_PENDING_WRITES 32

static void
write_later (VtThumbnailPool   *pool,
             GdkPixbuf         *pixbuf,
             const char        *path,
             const char        *uri,
             const struct stat *st,
             int                width,
             int                height)
{
  PendingWrite *write;

  g_mutex_lock (&pool->write_lock);
  if (pool->pending_writes >= MAX_PENDING_WRITES)
    {
      g_mutex_unlock (&pool->write_lock);
      if (vt_thumbnail_cache_write_thumbnail (pool->disk, pixbuf, path, uri, st, width, height))
        g_atomic_int_inc (&pool->thumbnails_written);
      return;
    }
  g_mutex_unlock (&pool->write_lock);

  write = g_new0 (PendingWrite, 1);
  write->pixbuf = g_object_ref (pixbuf);
  write->path = g_strdup (path);
  write->uri = g_strdup (uri);
  write->st = *st;
  write->width = width;
  write->height = height;

  g_mutex_lock (&pool->write_lock);
  /* Two writes of one path, of two versions of the file, may land in
   * either order: the older one, once read, fails its Thumb::MTime and
   * is made again. */
  if (pool->writer == NULL)
    pool->writer = g_thread_pool_new (write_thumbnail_cb, pool, N_WRITERS, FALSE, NULL);
  pool->pending_writes++;
  g_mutex_unlock (&pool->write_lock);

  g_thread_pool_push (pool->writer, write, NULL);
}

void
vt_thumbnail_pool_wait_for_writes (VtThumbnailPool *pool)
{
  g_mutex_lock (&pool->write_lock);
  while (pool->pending_writes > 0)
    g_cond_wait (&pool->write_done, &pool->write_lock);
  g_mutex_unlock (&pool->write_lock);
}

static void
pool_clear (gpointer data)
{
  VtThumbnailPool *pool = data;

  g_assert (pool->queue.length == 0);
  /* The thumbnails handed to the writer are written before it goes. */
  if (pool->writer != NULL)
    g_thread_pool_free (pool->writer, FALSE, TRUE);
  g_mutex_clear (&pool->write_lock);
  g_cond_clear (&pool->write_done);
  g_hash_table_unref (pool->in_flight);
  g_ptr_array_unref (pool->threads);
  /* Each holds a reference to the pool until its idle has run. */
  g_assert (pool->handbacks->len == 0);
  g_ptr_array_unref (pool->handbacks);
  vt_thumbnail_memory_free (pool->memory);
  vt_thumbnail_cache_free (pool->disk);
  g_cond_clear (&pool->cond);
  g_mutex_clear (&pool->lock);
}

VtThumbnailPool *
vt_thumbnail_pool_ref (VtThumbnailPool *pool)
{
  return g_atomic_rc_box_acquire (pool);
}

void
vt_thumbnail_pool_unref (VtThumbnailPool *pool)
{
  g_atomic_rc_box_release_full (pool, pool_clear);
}

static char *
work_key (const char *uri,
          int         size,
          gboolean    ensure)
{
  return g_strdup_printf ("%d:%c:%s", size, ensure ? 'e' : 'l', uri);
}

VtThumbnailWork *
vt_thumbnail_work_new (VtThumbnailPool *pool,
                       GFile           *file,
                       int              size,
                       gboolean         ensure)
{
  VtThumbnailWork *work = g_atomic_rc_box_new0 (VtThumbnailWork);

  work->pool = vt_thumbnail_pool_ref (pool);
  work->file = g_object_ref (file);
  work->path = g_file_get_path (file);
  work->uri = g_file_get_uri (file);
  work->name = g_file_get_parse_name (file);
  work->bucket = vt_thumbnail_cache_find_bucket (size, &work->size);
  if (work->bucket < 0)
    work->size = size;
  work->ensure = ensure;
  work->key = work_key (work->uri, work->size, ensure);
  work->cancellable = g_cancellable_new ();
  work->requests = g_ptr_array_new ();
  work->link.data = work;

  return work;
}

static void
work_clear (gpointer data)
{
  VtThumbnailWork *work = data;

  g_assert (!work->queued);
  g_assert (work->requests->len == 0);
  g_ptr_array_unref (work->requests);
  g_clear_object (&work->file);
  g_clear_object (&work->cancellable);
  g_clear_object (&work->pixbuf);
  g_clear_error (&work->error);
  g_free (work->key);
  g_free (work->path);
  g_free (work->uri);
  g_free (work->name);
  vt_thumbnail_pool_unref (work->pool);
}

VtThumbnailWork *
vt_thumbnail_work_ref (VtThumbnailWork *work)
{
  return g_atomic_rc_box_acquire (work);
}

void
vt_thumbnail_work_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, work_clear);
}

char *
vt_thumbnail_memory_key (const char *uri,
                         int         size,
                         gint64      mtime_sec,
                         long        mtime_nsec)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT ".%09ld:%s", size, mtime_sec, mtime_nsec, uri);
}

/* What is wrong with the file itself, rather than with reading it now:
 * worth recording, so that it is not decoded again until it changes. */
static gboolean
is_recordable_failure (const GError *error)
{
  return error->domain == VT_THUMBNAILER_ERROR &&
         (error->code == VT_THUMBNAILER_ERROR_EMPTY ||
          error->code == VT_THUMBNAILER_ERROR_UNSUPPORTED ||
          error->code == VT_THUMBNAILER_ERROR_TOO_LARGE ||
          error->code == VT_THUMBNAILER_ERROR_CORRUPT);
}

/* The failure recorded for this version of the file, if any. */
static gboolean
check_failure_record (VtThumbnailWork *work,
                      struct stat     *st,
                      GError         **error)
{
  g_autofree char *path = vt_thumbnail_cache_failure_path (work->pool->disk, work->uri);
  VtThumbnailPng record;

  if (!vt_thumbnail_cache_read (path, work->uri, st->st_mtime, 16, FALSE, &record))
    return TRUE;

  g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_FAILED_BEFORE,
               _("“%s” could not be read before and has not changed since: %s"),
               work->name, record.error != NULL ? record.error : _("no reason recorded"));
  vt_thumbnail_png_clear (&record);
  return FALSE;
}

/* The rows as read, without a copy. */
static GdkPixbuf *
pixbuf_for_png (VtThumbnailPng *png)
{
  return gdk_pixbuf_new_from_bytes (png->pixels, GDK_COLORSPACE_RGB, png->has_alpha, 8,
                                    png->width, png->height, png->stride);
}

gboolean
vt_thumbnail_work_run (VtThumbnailWork  *work,
                       GError          **error)
{
  VtThumbnailPool *pool = work->pool;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *thumb_path = NULL;
  g_autofree char *key = NULL;
  VtThumbnailPng png;
  int width, height;
  struct stat st;
  int fd = -1;

  if (g_cancellable_set_error_if_cancelled (work->cancellable, error))
    return FALSE;

  if (!vt_image_open (work->path, work->name, &st, &fd, error))
    return FALSE;

  if (work->bucket >= 0)
    {
      thumb_path = vt_thumbnail_cache_thumbnail_path (pool->disk, work->bucket, work->uri);
      if (vt_thumbnail_cache_read (thumb_path, work->uri, st.st_mtime, work->size,
                                   !work->ensure, &png))
        {
          g_atomic_int_inc (&pool->disk_hits);
          work->outcome = VT_THUMBNAIL_FOUND;
          close (fd);
          if (work->ensure)
            {
              vt_thumbnail_png_clear (&png);
              return TRUE;
            }
          pixbuf = pixbuf_for_png (&png);
          vt_thumbnail_png_clear (&png);
        }
    }

  if (pixbuf == NULL)
    {
      if (!check_failure_record (work, &st, error))
        {
          close (fd);
          return FALSE;
        }

      g_atomic_int_inc (&pool->decodes);
      pixbuf = vt_image_decode_fd (fd, work->name, work->size, &width, &height,
                                   work->cancellable, &local_error);
      close (fd);
      if (pixbuf == NULL)
        {
          if (is_recordable_failure (local_error) &&
              vt_thumbnail_cache_write_failure (pool->disk, work->uri, &st, local_error->message))
            g_atomic_int_inc (&pool->failures_written);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      work->outcome = VT_THUMBNAIL_MADE;
      /* It goes to the requests, the memory cache and the writer,
       * and leaves them in any order (vt-pixels.c). */
      if (!work->ensure)
        pixbuf = vt_pixels_own_pixbuf (g_steal_pointer (&pixbuf));
      if (thumb_path != NULL && !work->ensure)
        {
          write_later (pool, pixbuf, thumb_path, work->uri, &st, width, height);
        }
      else if (thumb_path != NULL)
        {
          if (vt_thumbnail_cache_write_thumbnail (pool->disk, pixbuf, thumb_path, work->uri,
                                                  &st, width, height))
            g_atomic_int_inc (&pool->thumbnails_written);
          else if (work->ensure)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The thumbnail of “%s” could not be saved in the cache folder %s"),
                           work->name, vt_thumbnail_cache_get_dir (pool->disk));
              return FALSE;
            }
        }

      if (work->ensure)
        return TRUE;
    }

  if (g_atomic_int_get (&work->keep))
    {
      key = vt_thumbnail_memory_key (work->uri, work->size, st.st_mtime, st.st_mtim.tv_nsec);
      vt_thumbnail_memory_insert (pool->memory, key, pixbuf);
    }

  work->pixbuf = g_steal_pointer (&pixbuf);
  return TRUE;
}

