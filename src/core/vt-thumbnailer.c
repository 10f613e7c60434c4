/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Image loading in worker threads, newest request first, through a memory LRU and the freedesktop disk cache. */

/*
 * How a request travels:
 *
 *   load_async ─► memory cache hit? ─► pixbuf at once
 *        │
 *        ▼ (a Request, pushed at the head of the queue: newest first)
 *   worker thread ─► open + fstat (never blocks on a fifo)
 *                 ─► disk thumbnail valid? (Thumb::URI and Thumb::MTime match)
 *                 ─► failure recorded under fail/ for this MTime? ─► error
 *                 ─► decode at reduced size, in chunks, cancellable
 *                 ─► thumbnail written (temporary file + rename), pixbuf
 *
 * A request cancelled while queued is taken out of the queue by the
 * cancellable's handler and completed at once, so it costs nothing and
 * its GTask is not kept alive until a worker reaches it.
 *
 * The queue, the counters and the worker threads live in a Pool shared by
 * reference with the threads, so the last reference to the thumbnailer
 * can be dropped on any thread.
 *
 * What comes out is pixels, a GdkPixbuf that nothing changes once it is
 * made, so the memory cache can hand the same one to every request;
 * src/ui makes the GdkTexture (see vt-texture.c).
 *
 * This file holds the queue, the workers and the requests; the memory
 * cache is vt-thumbnail-memory.c, the disk cache vt-thumbnail-cache.c
 * (over vt-thumbnail-png.c), and opening and decoding an original
 * vt-image-decode.c.
 */

#define G_LOG_DOMAIN "vitrine-thumbnailer"

#include "config.h"

#include "vt-thumbnailer.h"
#include "vt-thumbnailer-private.h"

#include "vt-defaults.h"
#include "vt-image-decode.h"
#include "vt-thumbnail-cache.h"
#include "vt-thumbnail-memory.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#endif

#define DEFAULT_MEMORY_LIMIT  ((guint64) VT_THUMBNAIL_MEMORY_DEFAULT_MB * 1024 * 1024)

/* ------------------------------------------------------------------ */
/* The pool: queue, caches, counters, threads                         */

typedef struct
{
  GMutex      lock;
  GCond       cond;
  GQueue      queue;        /* of Request, via Request.link; newest at the head */
  GPtrArray  *threads;
  guint       n_threads;
  gboolean    paused;
  gboolean    shutdown;

  VtThumbnailMemory *memory;
  VtThumbnailCache  *disk;

  gint        decodes;
  gint        disk_hits;
  gint        memory_hits;
  gint        thumbnails_written;
  gint        failures_written;
} Pool;

typedef struct
{
  Pool         *pool;
  GTask        *task;
  GFile        *file;
  char         *path;
  char         *uri;
  char         *name;         /* for messages */
  int           size;         /* what the picture must fit in */
  int           bucket;       /* disk cache size bucket, or -1 above 1024 */
  gboolean      ensure;       /* only make sure the disk thumbnail is valid */
  GCancellable *cancellable;
  gulong        cancel_id;
  GList         link;         /* in Pool.queue */
  gboolean      queued;

  /* Set by the worker */
  GdkPixbuf         *pixbuf;
  GError            *error;
  VtThumbnailOutcome outcome;
} Request;

struct _VtThumbnailer
{
  GObject  parent_instance;

  Pool    *pool;
  char    *cache_dir;
  guint    threads;
};

G_DEFINE_TYPE (VtThumbnailer, vt_thumbnailer, G_TYPE_OBJECT)

G_DEFINE_QUARK (vt-thumbnailer-error-quark, vt_thumbnailer_error)

enum {
  PROP_0,
  PROP_CACHE_DIR,
  PROP_THREADS,
  PROP_MEMORY_LIMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Pool *
pool_new (const char *cache_dir,
          guint       n_threads)
{
  Pool *pool = g_atomic_rc_box_new0 (Pool);

  g_mutex_init (&pool->lock);
  g_cond_init (&pool->cond);
  g_queue_init (&pool->queue);
  pool->threads = g_ptr_array_new ();
  pool->n_threads = n_threads;

  pool->memory = vt_thumbnail_memory_new (DEFAULT_MEMORY_LIMIT);
  pool->disk = vt_thumbnail_cache_new (cache_dir);

  return pool;
}

static void
pool_clear (gpointer data)
{
  Pool *pool = data;

  g_assert (pool->queue.length == 0);
  g_ptr_array_unref (pool->threads);
  vt_thumbnail_memory_free (pool->memory);
  vt_thumbnail_cache_free (pool->disk);
  g_cond_clear (&pool->cond);
  g_mutex_clear (&pool->lock);
}

static Pool *
pool_ref (Pool *pool)
{
  return g_atomic_rc_box_acquire (pool);
}

static void
pool_unref (Pool *pool)
{
  g_atomic_rc_box_release_full (pool, pool_clear);
}

/* ------------------------------------------------------------------ */
/* Requests                                                           */

static Request *
request_new (VtThumbnailer *self,
             GFile         *file,
             int            size,
             gboolean       ensure,
             GTask         *task)
{
  Request *request = g_atomic_rc_box_new0 (Request);

  request->pool = pool_ref (self->pool);
  request->task = g_object_ref (task);
  request->file = g_object_ref (file);
  request->path = g_file_get_path (file);
  request->uri = g_file_get_uri (file);
  request->name = g_file_get_parse_name (file);
  request->size = size;
  request->bucket = vt_thumbnail_cache_find_bucket (size, &request->size);
  request->ensure = ensure;
  request->cancellable = g_task_get_cancellable (task);
  if (request->cancellable != NULL)
    g_object_ref (request->cancellable);
  request->link.data = request;

  return request;
}

static void
request_clear (gpointer data)
{
  Request *request = data;

  g_assert (!request->queued);
  g_clear_object (&request->task);
  g_clear_object (&request->file);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->pixbuf);
  g_clear_error (&request->error);
  g_free (request->path);
  g_free (request->uri);
  g_free (request->name);
  pool_unref (request->pool);
}

static Request *
request_ref (Request *request)
{
  return g_atomic_rc_box_acquire (request);
}

static void
request_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, request_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_unref)

static char *
memory_key (const char *uri,
            int         size,
            gint64      mtime_sec,
            long        mtime_nsec)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT ".%09ld:%s", size, mtime_sec, mtime_nsec, uri);
}

/* On the requester's thread, before completing the task. */
static void
request_disconnect (Request *request)
{
  g_cancellable_disconnect (request->cancellable, request->cancel_id);
  request->cancel_id = 0;
}

/* Completes a request taken out of the queue by its cancellation. */
static gboolean
complete_cancelled_cb (gpointer data)
{
  Request *request = data;

  request_disconnect (request);
  g_task_return_error_if_cancelled (request->task);

  return G_SOURCE_REMOVE;
}

/* Runs in whichever thread cancels; must not complete the task here, as
 * the cancellable's signal is still being emitted. */
static void
on_request_cancelled_cb (GCancellable *cancellable,
                         gpointer      data)
{
  Request *request = data;
  Pool *pool = request->pool;
  gboolean taken = FALSE;

  g_mutex_lock (&pool->lock);
  if (request->queued)
    {
      g_queue_unlink (&pool->queue, &request->link);
      request->queued = FALSE;
      taken = TRUE;
    }
  g_mutex_unlock (&pool->lock);

  if (taken)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      /* The queue's reference goes to the idle. */
      g_source_set_callback (source, complete_cancelled_cb, request, request_unref);
      g_source_set_static_name (source, "[vitrine] cancelled thumbnail");
      g_source_attach (source, g_task_get_context (request->task));
    }
}

/* ------------------------------------------------------------------ */
/* The work of one request, in a worker thread                        */

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
check_failure_record (Request     *request,
                      struct stat *st,
                      GError     **error)
{
  g_autofree char *path = vt_thumbnail_cache_failure_path (request->pool->disk, request->uri);
  VtThumbnailPng record;

  if (!vt_thumbnail_cache_read (path, request->uri, st->st_mtime, 16, FALSE, &record))
    return TRUE;

  g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_FAILED_BEFORE,
               _("“%s” could not be read before and has not changed since: %s"),
               request->name, record.error != NULL ? record.error : _("no reason recorded"));
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

/* Serves @request on a worker: sets its outcome and, for a load, its
 * pixbuf; FALSE with @error set on failure. */
static gboolean
run_request (Request  *request,
             GError  **error)
{
  Pool *pool = request->pool;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *thumb_path = NULL;
  g_autofree char *key = NULL;
  VtThumbnailPng png;
  int width, height;
  struct stat st;
  int fd = -1;

  if (g_cancellable_set_error_if_cancelled (request->cancellable, error))
    return FALSE;

  if (!vt_image_open (request->path, request->name, &st, &fd, error))
    return FALSE;

  if (request->bucket >= 0)
    {
      thumb_path = vt_thumbnail_cache_thumbnail_path (pool->disk, request->bucket, request->uri);
      if (vt_thumbnail_cache_read (thumb_path, request->uri, st.st_mtime, request->size,
                                   !request->ensure, &png))
        {
          g_atomic_int_inc (&pool->disk_hits);
          request->outcome = VT_THUMBNAIL_FOUND;
          close (fd);
          if (request->ensure)
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
      if (!check_failure_record (request, &st, error))
        {
          close (fd);
          return FALSE;
        }

      g_atomic_int_inc (&pool->decodes);
      pixbuf = vt_image_decode_fd (fd, request->name, request->size, &width, &height,
                                   request->cancellable, &local_error);
      close (fd);
      if (pixbuf == NULL)
        {
          if (is_recordable_failure (local_error) &&
              vt_thumbnail_cache_write_failure (pool->disk, request->uri, &st, local_error->message))
            g_atomic_int_inc (&pool->failures_written);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      request->outcome = VT_THUMBNAIL_MADE;
      if (thumb_path != NULL)
        {
          if (vt_thumbnail_cache_write_thumbnail (pool->disk, pixbuf, thumb_path, request->uri,
                                                  &st, width, height))
            g_atomic_int_inc (&pool->thumbnails_written);
          else if (request->ensure)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The thumbnail of “%s” could not be saved in the cache folder %s"),
                           request->name, vt_thumbnail_cache_get_dir (pool->disk));
              return FALSE;
            }
        }

      if (request->ensure)
        return TRUE;
    }

  key = memory_key (request->uri, request->size, st.st_mtime, st.st_mtim.tv_nsec);
  vt_thumbnail_memory_insert (pool->memory, key, pixbuf);

  request->pixbuf = g_steal_pointer (&pixbuf);
  return TRUE;
}

/* Back on the requester's thread: the task, and so the thumbnailer, is
 * released where it was made, never by a worker. */
static gboolean
complete_request_cb (gpointer data)
{
  Request *request = data;

  request_disconnect (request);

  if (request->error != NULL)
    g_task_return_error (request->task, g_steal_pointer (&request->error));
  else if (request->ensure)
    g_task_return_int (request->task, request->outcome);
  else
    g_task_return_pointer (request->task, g_steal_pointer (&request->pixbuf), g_object_unref);

  return G_SOURCE_REMOVE;
}

/* Takes over the worker's reference to @request. */
static void
serve_request (Request *request)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  run_request (request, &request->error);

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, complete_request_cb, request, request_unref);
  g_source_set_static_name (source, "[vitrine] thumbnail ready");
  g_source_attach (source, g_task_get_context (request->task));
}

/* How much lower than the program's the workers' priority is: when the
 * cores are busy, the thread that draws the window (and the display
 * server) come first, and thumbnails take what is left. */
#define WORKER_NICE 10

static gpointer
worker_main (gpointer data)
{
  Pool *pool = data;

#ifdef __linux__
  /* On Linux a nice value belongs to each thread. Best effort: without
   * it, the workers only compete with the window as equals. */
  (void) setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid),
                      getpriority (PRIO_PROCESS, 0) + WORKER_NICE);
#endif

  for (;;)
    {
      Request *request;
      GList *link;

      g_mutex_lock (&pool->lock);
      while (!pool->shutdown && (pool->paused || pool->queue.head == NULL))
        g_cond_wait (&pool->cond, &pool->lock);
      if (pool->shutdown)
        {
          g_mutex_unlock (&pool->lock);
          break;
        }
      link = g_queue_pop_head_link (&pool->queue);
      request = link->data;
      request->queued = FALSE;
      g_mutex_unlock (&pool->lock);

      serve_request (request);
    }

  pool_unref (pool);
  return NULL;
}

/* Called with pool->lock held. */
static void
pool_start_threads_locked (Pool *pool)
{
  while (pool->threads->len < pool->n_threads)
    {
      g_autofree char *name = g_strdup_printf ("vt-thumbs-%u", pool->threads->len);

      g_ptr_array_add (pool->threads, g_thread_new (name, worker_main, pool_ref (pool)));
    }
}

static void
pool_shutdown (Pool *pool)
{
  GThread *self_thread = g_thread_self ();
  g_autoptr(GPtrArray) threads = NULL;

  g_mutex_lock (&pool->lock);
  pool->shutdown = TRUE;
  threads = g_steal_pointer (&pool->threads);
  pool->threads = g_ptr_array_new ();
  g_cond_broadcast (&pool->cond);
  g_mutex_unlock (&pool->lock);

  /* The last reference may go from a worker, which cannot join itself. */
  for (guint i = 0; i < threads->len; i++)
    {
      if (threads->pdata[i] == self_thread)
        g_thread_unref (threads->pdata[i]);
      else
        g_thread_join (threads->pdata[i]);
    }
}

static void
enqueue (VtThumbnailer *self,
         Request       *request)
{
  Pool *pool = self->pool;
  gboolean cancelled = FALSE;

  /* Connected before queuing, so a cancel from now on finds it queued or running. */
  if (request->cancellable != NULL)
    request->cancel_id = g_cancellable_connect (request->cancellable,
                                                G_CALLBACK (on_request_cancelled_cb),
                                                request_ref (request), request_unref);

  g_mutex_lock (&pool->lock);
  if (g_cancellable_is_cancelled (request->cancellable))
    cancelled = TRUE;
  else
    {
      g_queue_push_head_link (&pool->queue, &request->link);
      request->queued = TRUE;
      request_ref (request);
      pool_start_threads_locked (pool);
      g_cond_signal (&pool->cond);
    }
  g_mutex_unlock (&pool->lock);

  if (cancelled)
    {
      request_disconnect (request);
      g_task_return_error_if_cancelled (request->task);
    }
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */

static void
vt_thumbnailer_constructed (GObject *object)
{
  VtThumbnailer *self = VT_THUMBNAILER (object);

  G_OBJECT_CLASS (vt_thumbnailer_parent_class)->constructed (object);

  if (self->cache_dir == NULL)
    self->cache_dir = g_build_filename (g_get_user_cache_dir (), "thumbnails", NULL);
  if (self->threads == 0)
    self->threads = g_get_num_processors ();

  self->pool = pool_new (self->cache_dir, self->threads);
}

static void
vt_thumbnailer_dispose (GObject *object)
{
  VtThumbnailer *self = VT_THUMBNAILER (object);

  /* Queued requests hold their task, and each task holds us: nothing is queued. */
  if (self->pool != NULL)
    {
      pool_shutdown (self->pool);
      g_clear_pointer (&self->pool, pool_unref);
    }

  G_OBJECT_CLASS (vt_thumbnailer_parent_class)->dispose (object);
}

static void
vt_thumbnailer_finalize (GObject *object)
{
  VtThumbnailer *self = VT_THUMBNAILER (object);

  g_free (self->cache_dir);

  G_OBJECT_CLASS (vt_thumbnailer_parent_class)->finalize (object);
}

static void
vt_thumbnailer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VtThumbnailer *self = VT_THUMBNAILER (object);

  switch (prop_id)
    {
    case PROP_CACHE_DIR:
      g_value_set_string (value, self->cache_dir);
      break;

    case PROP_THREADS:
      g_value_set_uint (value, self->threads);
      break;

    case PROP_MEMORY_LIMIT:
      g_value_set_uint64 (value, vt_thumbnailer_get_memory_limit (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_thumbnailer_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VtThumbnailer *self = VT_THUMBNAILER (object);

  switch (prop_id)
    {
    case PROP_CACHE_DIR:
      self->cache_dir = g_value_dup_string (value);
      break;

    case PROP_THREADS:
      self->threads = g_value_get_uint (value);
      break;

    case PROP_MEMORY_LIMIT:
      vt_thumbnailer_set_memory_limit (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_thumbnailer_class_init (VtThumbnailerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vt_thumbnailer_constructed;
  object_class->dispose = vt_thumbnailer_dispose;
  object_class->finalize = vt_thumbnailer_finalize;
  object_class->get_property = vt_thumbnailer_get_property;
  object_class->set_property = vt_thumbnailer_set_property;

  properties[PROP_CACHE_DIR] =
    g_param_spec_string ("cache-dir", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_THREADS] =
    g_param_spec_uint ("threads", NULL, NULL,
                       0, 256, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MEMORY_LIMIT] =
    g_param_spec_uint64 ("memory-limit", NULL, NULL,
                         0, G_MAXUINT64, DEFAULT_MEMORY_LIMIT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_thumbnailer_init (VtThumbnailer *self)
{
}

VtThumbnailer *
vt_thumbnailer_new (void)
{
  return g_object_new (VT_TYPE_THUMBNAILER, NULL);
}

VtThumbnailer *
vt_thumbnailer_get_default (void)
{
  static VtThumbnailer *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, vt_thumbnailer_new ());

  return instance;
}

static void
start_request (VtThumbnailer       *self,
               GFile               *file,
               int                  size,
               gboolean             ensure,
               GTask               *task)
{
  g_autoptr(Request) request = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  request = request_new (self, file, size, ensure, task);

  /* The memory cache answers at once, without a thread. */
  if (!ensure && request->path != NULL)
    {
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      g_autofree char *key = NULL;
      struct stat st;

      if (g_stat (request->path, &st) == 0 && S_ISREG (st.st_mode))
        {
          key = memory_key (request->uri, request->size, st.st_mtime, st.st_mtim.tv_nsec);
          pixbuf = vt_thumbnail_memory_lookup (self->pool->memory, key);
        }
      if (pixbuf != NULL)
        {
          g_atomic_int_inc (&self->pool->memory_hits);
          g_task_return_pointer (task, g_steal_pointer (&pixbuf), g_object_unref);
          return;
        }
    }

  enqueue (self, request);
}

void
vt_thumbnailer_load_async (VtThumbnailer       *self,
                           GFile               *file,
                           int                  size,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VT_IS_THUMBNAILER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (size > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_thumbnailer_load_async);

  start_request (self, file, size, FALSE, task);
}

GdkPixbuf *
vt_thumbnailer_load_finish (VtThumbnailer  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (VT_IS_THUMBNAILER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vt_thumbnailer_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
vt_thumbnailer_ensure_async (VtThumbnailer       *self,
                             GFile               *file,
                             int                  size,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VT_IS_THUMBNAILER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (size > 0 && size <= VT_THUMBNAILER_MAX_CACHED_SIZE);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_thumbnailer_ensure_async);

  start_request (self, file, size, TRUE, task);
}

gboolean
vt_thumbnailer_ensure_finish (VtThumbnailer       *self,
                              GAsyncResult        *result,
                              VtThumbnailOutcome  *outcome,
                              GError             **error)
{
  gssize value;

  g_return_val_if_fail (VT_IS_THUMBNAILER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vt_thumbnailer_ensure_async, FALSE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (value < 0)
    return FALSE;
  if (outcome != NULL)
    *outcome = value;
  return TRUE;
}

gsize
vt_thumbnailer_get_memory_limit (VtThumbnailer *self)
{
  g_return_val_if_fail (VT_IS_THUMBNAILER (self), 0);

  return vt_thumbnail_memory_get_limit (self->pool->memory);
}

void
vt_thumbnailer_set_memory_limit (VtThumbnailer *self,
                                 gsize          limit)
{
  g_return_if_fail (VT_IS_THUMBNAILER (self));

  if (vt_thumbnail_memory_set_limit (self->pool->memory, limit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMORY_LIMIT]);
}

gsize
vt_thumbnailer_get_memory_used (VtThumbnailer *self)
{
  g_return_val_if_fail (VT_IS_THUMBNAILER (self), 0);

  return vt_thumbnail_memory_get_used (self->pool->memory);
}

/* ------------------------------------------------------------------ */
/* Private API for tests and the benchmark                            */

void
vt_thumbnailer_get_stats (VtThumbnailer      *self,
                          VtThumbnailerStats *stats)
{
  g_return_if_fail (VT_IS_THUMBNAILER (self));
  g_return_if_fail (stats != NULL);

  stats->decodes = g_atomic_int_get (&self->pool->decodes);
  stats->disk_hits = g_atomic_int_get (&self->pool->disk_hits);
  stats->memory_hits = g_atomic_int_get (&self->pool->memory_hits);
  stats->thumbnails_written = g_atomic_int_get (&self->pool->thumbnails_written);
  stats->failures_written = g_atomic_int_get (&self->pool->failures_written);
}

void
vt_thumbnailer_set_paused (VtThumbnailer *self,
                           gboolean       paused)
{
  g_return_if_fail (VT_IS_THUMBNAILER (self));

  g_mutex_lock (&self->pool->lock);
  self->pool->paused = !!paused;
  g_cond_broadcast (&self->pool->cond);
  g_mutex_unlock (&self->pool->lock);
}

void
vt_thumbnailer_set_png_compression (VtThumbnailer *self,
                                    int            level)
{
  g_return_if_fail (VT_IS_THUMBNAILER (self));
  g_return_if_fail (level >= 0 && level <= 9);

  vt_thumbnail_cache_set_png_compression (self->pool->disk, level);
}

char *
vt_thumbnailer_get_thumbnail_path (VtThumbnailer *self,
                                   GFile         *file,
                                   int            size)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (VT_IS_THUMBNAILER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (size > 0 && size <= VT_THUMBNAILER_MAX_CACHED_SIZE, NULL);

  uri = g_file_get_uri (file);
  return vt_thumbnail_cache_thumbnail_path (self->pool->disk,
                                            vt_thumbnail_cache_find_bucket (size, NULL),
                                            uri);
}

char *
vt_thumbnailer_get_failure_path (VtThumbnailer *self,
                                 GFile         *file)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (VT_IS_THUMBNAILER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  return vt_thumbnail_cache_failure_path (self->pool->disk, uri);
}
