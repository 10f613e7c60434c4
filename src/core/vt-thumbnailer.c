/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Image loading in worker threads, newest request first, through a memory LRU and the freedesktop disk cache. */

/*
 * How a request travels:
 *
 *   load_async ─► memory cache hit? ─► pixbuf at once
 *        │
 *        ▼ (a Request, waiting for the work of its file at its size:
 *          the one queued or running, else a new one; either way that
 *          work moves to the head of the queue: newest first)
 *   worker thread ─► open + fstat (never blocks on a fifo)
 *                 ─► disk thumbnail valid? (Thumb::URI and Thumb::MTime match)
 *                 ─► failure recorded under fail/ for this MTime? ─► error
 *                 ─► decode at reduced size, in chunks, cancellable
 *                 ─► thumbnail written (vt_file_write_atomic()), pixbuf
 *                 ─► the outcome to every request still waiting
 *
 * So two tiles of one picture, or the grid and the detail window, decode
 * it once. A request cancelled stops waiting at once and is completed
 * by the cancellable's handler, so its GTask is not kept alive until a
 * worker gets to it; the work goes on for the requests still waiting,
 * and only when none is left does it leave the queue, or, running, get
 * cancelled itself.
 *
 * The queue, the works in flight, the caches, the counters and the
 * worker threads live in a pool shared by reference with the threads, so
 * the last reference to the thumbnailer can be dropped on any thread.
 *
 * What comes out is pixels, a GdkPixbuf that nothing changes once it is
 * made, so the memory cache can hand the same one to every request;
 * src/ui makes the GdkTexture (see vt-texture.c).
 *
 * This file holds the queue, the workers and the requests; a worker's
 * work is vt-thumbnailer-work.c; the memory
 * cache is vt-thumbnail-memory.c, the disk cache vt-thumbnail-cache.c
 * (over vt-thumbnail-png.c), and opening and decoding an original
 * vt-image-decode.c.
 */

#define G_LOG_DOMAIN "vitrine-thumbnailer"

#include "config.h"

#include "vt-thumbnailer.h"
#include "vt-thumbnailer-private.h"
#include "vt-thumbnailer-work.h"

#include "vt-thumbnail-cache.h"
#include "vt-thumbnail-memory.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#endif

/* One call of load_async or ensure_async, waiting for its work. */
typedef struct
{
  VtThumbnailWork   *work;
  GTask             *task;
  GCancellable      *cancellable;
  gulong             cancel_id;
  gboolean           waiting;    /* in work->requests; under the pool's lock */

  /* Its copy of the work's outcome */
  GdkPixbuf         *pixbuf;
  GError            *error;
  VtThumbnailOutcome outcome;
} Request;

struct _VtThumbnailer
{
  GObject  parent_instance;

  VtThumbnailPool *pool;
  char            *cache_dir;
  guint            threads;
  guint64          memory_limit;
  guint64          screenful;   /* bytes; 0 for none */
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

/* ------------------------------------------------------------------ */
/* Requests                                                           */

static Request *
request_new (GTask *task)
{
  Request *request = g_atomic_rc_box_new0 (Request);

  request->task = g_object_ref (task);
  request->cancellable = g_task_get_cancellable (task);
  if (request->cancellable != NULL)
    g_object_ref (request->cancellable);

  return request;
}

static void
request_clear (gpointer data)
{
  Request *request = data;

  g_assert (!request->waiting);
  g_clear_pointer (&request->work, vt_thumbnail_work_unref);
  g_clear_object (&request->task);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->pixbuf);
  g_clear_error (&request->error);
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

/* On the requester's thread, before completing the task. */
static void
request_disconnect (Request *request)
{
  g_cancellable_disconnect (request->cancellable, request->cancel_id);
  request->cancel_id = 0;
}

/* Completes a request taken off its work by its cancellation. */
static gboolean
complete_cancelled_cb (gpointer data)
{
  Request *request = data;

  request_disconnect (request);
  g_task_return_error_if_cancelled (request->task);

  return G_SOURCE_REMOVE;
}

/* Called with pool->lock held, when the last request for @work is gone:
 * nobody wants the picture any longer. A queued work leaves the queue
 * (returned, for the caller to drop the queue's reference); a running
 * one is cancelled, and later requests for the file start afresh. */
static VtThumbnailWork *
abandon_work_locked (VtThumbnailWork *work)
{
  VtThumbnailPool *pool = work->pool;

  if (g_hash_table_lookup (pool->in_flight, work->key) == work)
    g_hash_table_remove (pool->in_flight, work->key);
  if (work->queued)
    {
      g_queue_unlink (&pool->queue, &work->link);
      work->queued = FALSE;
      return work;
    }
  return NULL;
}

/* Runs in whichever thread cancels; must not complete the task here, as
 * the cancellable's signal is still being emitted. Only this request
 * stops waiting: the work goes on for the others that wait for it. */
static void
on_request_cancelled_cb (GCancellable *cancellable,
                         gpointer      data)
{
  Request *request = data;
  VtThumbnailWork *work = request->work;
  VtThumbnailPool *pool = work->pool;
  VtThumbnailWork *dequeued = NULL;
  gboolean taken = FALSE;
  gboolean abandoned = FALSE;

  g_mutex_lock (&pool->lock);
  if (request->waiting)
    {
      g_ptr_array_remove_fast (work->requests, request);
      request->waiting = FALSE;
      taken = TRUE;
      if (work->requests->len == 0)
        {
          dequeued = abandon_work_locked (work);
          abandoned = TRUE;
        }
    }
  g_mutex_unlock (&pool->lock);

  if (abandoned && dequeued == NULL)
    g_cancellable_cancel (work->cancellable);
  g_clear_pointer (&dequeued, vt_thumbnail_work_unref);

  if (taken)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      /* The work's reference goes to the idle. */
      g_source_set_callback (source, complete_cancelled_cb, request, request_unref);
      g_source_set_static_name (source, "[vitrine] cancelled thumbnail");
      g_source_attach (source, g_task_get_context (request->task));
    }
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
  else if (request->work->ensure)
    g_task_return_int (request->task, request->outcome);
  else
    g_task_return_pointer (request->task, g_steal_pointer (&request->pixbuf), g_object_unref);

  return G_SOURCE_REMOVE;
}

/*
 * Requests served for one main context, completed there by one idle,
 * rather than a wake-up, a poll and a dispatch of the thread that asked
 * for each picture. Results that come while the idle waits go with it,
 * in the order they were served.
 */
typedef struct
{
  VtThumbnailPool *pool;
  GMainContext    *context;
  GPtrArray       *requests;   /* of Request, a reference each */
} Handback;

/* After its idle ran, or when its context went without running it. */
static void
handback_free (gpointer data)
{
  Handback *handback = data;

  g_mutex_lock (&handback->pool->lock);
  g_ptr_array_remove_fast (handback->pool->handbacks, handback);
  g_mutex_unlock (&handback->pool->lock);
  g_ptr_array_set_free_func (handback->requests, request_unref);
  g_ptr_array_unref (handback->requests);
  g_main_context_unref (handback->context);
  vt_thumbnail_pool_unref (handback->pool);
  g_free (handback);
}

static gboolean
complete_handback_cb (gpointer data)
{
  Handback *handback = data;
  VtThumbnailPool *pool = handback->pool;
  g_autoptr(GPtrArray) requests = NULL;

  g_mutex_lock (&pool->lock);
  g_ptr_array_remove_fast (pool->handbacks, handback);
  requests = g_steal_pointer (&handback->requests);
  handback->requests = g_ptr_array_new ();
  g_mutex_unlock (&pool->lock);

  for (guint i = 0; i < requests->len; i++)
    {
      complete_request_cb (requests->pdata[i]);
      request_unref (requests->pdata[i]);
    }

  return G_SOURCE_REMOVE;
}

/* Hands @requests (their references) back to their threads. */
static void
hand_back (VtThumbnailPool *pool,
           GPtrArray       *requests)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();

  g_mutex_lock (&pool->lock);
  for (guint i = 0; i < requests->len; i++)
    {
      Request *request = requests->pdata[i];
      GMainContext *context = g_task_get_context (request->task);
      Handback *handback = NULL;

      for (guint k = 0; k < pool->handbacks->len && handback == NULL; k++)
        if (((Handback *) pool->handbacks->pdata[k])->context == context)
          handback = pool->handbacks->pdata[k];
      if (handback == NULL)
        {
          handback = g_new0 (Handback, 1);
          handback->pool = vt_thumbnail_pool_ref (pool);
          handback->context = g_main_context_ref (context);
          handback->requests = g_ptr_array_new ();
          g_ptr_array_add (pool->handbacks, handback);
          g_ptr_array_add (fresh, handback);
        }
      g_ptr_array_add (handback->requests, request);
    }
  g_mutex_unlock (&pool->lock);

  /* Outside the lock: the idle takes it, and may run at once. */
  for (guint i = 0; i < fresh->len; i++)
    {
      Handback *handback = fresh->pdata[i];
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, complete_handback_cb, handback, handback_free);
      g_source_set_static_name (source, "[vitrine] thumbnails ready");
      g_source_attach (source, handback->context);
    }
}

/* Does @work and hands its outcome to every request still waiting for
 * it; takes over the worker's reference to @work. */
static void
serve_work (VtThumbnailWork *work)
{
  VtThumbnailPool *pool = work->pool;
  g_autoptr(GPtrArray) requests = NULL;

  vt_thumbnail_work_run (work, &work->error);

  g_mutex_lock (&pool->lock);
  if (g_hash_table_lookup (pool->in_flight, work->key) == work)
    g_hash_table_remove (pool->in_flight, work->key);
  requests = g_steal_pointer (&work->requests);
  work->requests = g_ptr_array_new ();
  for (guint i = 0; i < requests->len; i++)
    {
      Request *request = requests->pdata[i];

      request->waiting = FALSE;
      if (work->error != NULL)
        request->error = g_error_copy (work->error);
      else if (work->pixbuf != NULL)
        request->pixbuf = g_object_ref (work->pixbuf);
      request->outcome = work->outcome;
    }
  g_mutex_unlock (&pool->lock);

  /* The work's references to the requests go with them. */
  hand_back (pool, requests);

  vt_thumbnail_work_unref (work);
}

/* How much lower than the program's the workers' priority is: when the
 * cores are busy, the thread that draws the window (and the display
 * server) come first, and thumbnails take what is left. */
#define WORKER_NICE 10

static gpointer
worker_main (gpointer data)
{
  VtThumbnailPool *pool = data;

#ifdef __linux__
  /* On Linux a nice value belongs to each thread. Best effort: without
   * it, the workers only compete with the window as equals. */
  (void) setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid),
                      getpriority (PRIO_PROCESS, 0) + WORKER_NICE);
#endif

  for (;;)
    {
      VtThumbnailWork *work;
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
      work = link->data;
      work->queued = FALSE;
      g_mutex_unlock (&pool->lock);

      serve_work (work);
    }

  vt_thumbnail_pool_unref (pool);
  return NULL;
}

/* Called with pool->lock held. */
static void
pool_start_threads_locked (VtThumbnailPool *pool)
{
  while (pool->threads->len < pool->n_threads)
    {
      g_autofree char *name = g_strdup_printf ("vt-thumbs-%u", pool->threads->len);

      g_ptr_array_add (pool->threads, g_thread_new (name, worker_main, vt_thumbnail_pool_ref (pool)));
    }
}

static void
pool_shutdown (VtThumbnailPool *pool)
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

/*
 * Makes @request wait for the work of its file at its size: the one
 * queued or running if there is one (two tiles of one picture, the
 * grid and the detail window), so the file is decoded once; else a new
 * one at the head of the queue. Either way that work is now the newest.
 */
static void
enqueue (VtThumbnailer *self,
         Request       *request,
         GFile         *file,
         int            size,
         gboolean       ensure,
         gboolean       keep)
{
  VtThumbnailPool *pool = self->pool;
  g_autoptr(VtThumbnailWork) fresh = vt_thumbnail_work_new (pool, file, size, ensure);
  VtThumbnailWork *work;

  g_mutex_lock (&pool->lock);
  work = g_hash_table_lookup (pool->in_flight, fresh->key);
  if (work == NULL)
    {
      work = g_steal_pointer (&fresh);
      g_hash_table_insert (pool->in_flight, work->key, work);
      /* The queue's reference, then the worker's. */
      g_queue_push_head_link (&pool->queue, &work->link);
      work->queued = TRUE;
      pool_start_threads_locked (pool);
    }
  else if (work->queued)
    {
      g_queue_unlink (&pool->queue, &work->link);
      g_queue_push_head_link (&pool->queue, &work->link);
    }
  if (keep)
    g_atomic_int_set (&work->keep, TRUE);
  request->work = vt_thumbnail_work_ref (work);
  g_ptr_array_add (work->requests, request_ref (request));
  request->waiting = TRUE;
  g_cond_signal (&pool->cond);
  g_mutex_unlock (&pool->lock);

  /* A cancel from now on finds it waiting or served; one that came
   * already runs the handler at once. */
  if (request->cancellable != NULL)
    request->cancel_id = g_cancellable_connect (request->cancellable,
                                                G_CALLBACK (on_request_cancelled_cb),
                                                request_ref (request), request_unref);
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

  self->pool = vt_thumbnail_pool_new (self->cache_dir, self->threads);
}

static void
vt_thumbnailer_dispose (GObject *object)
{
  VtThumbnailer *self = VT_THUMBNAILER (object);

  /* Queued requests hold their task, and each task holds us: nothing is queued. */
  if (self->pool != NULL)
    {
      pool_shutdown (self->pool);
      g_clear_pointer (&self->pool, vt_thumbnail_pool_unref);
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
                         0, G_MAXUINT64, VT_THUMBNAIL_MEMORY_DEFAULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_thumbnailer_init (VtThumbnailer *self)
{
  self->memory_limit = VT_THUMBNAIL_MEMORY_DEFAULT;
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
               gboolean             keep,
               GTask               *task)
{
  g_autoptr(Request) request = NULL;
  g_autofree char *path = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The memory cache answers at once, without a thread. */
  path = g_file_get_path (file);
  if (!ensure && path != NULL)
    {
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *key = NULL;
      struct stat st;
      int fit;

      if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
        {
          if (vt_thumbnail_cache_find_bucket (size, &fit) < 0)
            fit = size;
          uri = g_file_get_uri (file);
          key = vt_thumbnail_memory_key (uri, fit, st.st_mtime, st.st_mtim.tv_nsec);
          pixbuf = vt_thumbnail_memory_lookup (self->pool->memory, key);
        }
      if (pixbuf != NULL)
        {
          g_atomic_int_inc (&self->pool->memory_hits);
          g_task_return_pointer (task, g_steal_pointer (&pixbuf), g_object_unref);
          return;
        }
    }

  request = request_new (task);
  enqueue (self, request, file, size, ensure, keep);
}

void
vt_thumbnailer_load_full_async (VtThumbnailer         *self,
                                GFile                 *file,
                                int                    size,
                                VtThumbnailerLoadFlags flags,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VT_IS_THUMBNAILER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (size > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  /* One finish for both. */
  g_task_set_source_tag (task, vt_thumbnailer_load_async);

  start_request (self, file, size, FALSE, !(flags & VT_THUMBNAILER_LOAD_UNKEPT), task);
}

void
vt_thumbnailer_load_async (VtThumbnailer       *self,
                           GFile               *file,
                           int                  size,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  vt_thumbnailer_load_full_async (self, file, size, VT_THUMBNAILER_LOAD_DEFAULT,
                                  cancellable, callback, user_data);
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

  start_request (self, file, size, TRUE, FALSE, task);
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

  return self->memory_limit;
}

/* The memory cache's bound: the limit, or less when the views on the
 * screen need less. */
static void
update_memory_bound (VtThumbnailer *self)
{
  guint64 bound = self->memory_limit;

  if (self->screenful > 0)
    bound = MIN (bound, self->screenful * VT_THUMBNAIL_MEMORY_SCREENS);
  vt_thumbnail_memory_set_limit (self->pool->memory, bound);
}

void
vt_thumbnailer_set_memory_limit (VtThumbnailer *self,
                                 gsize          limit)
{
  g_return_if_fail (VT_IS_THUMBNAILER (self));

  if (self->memory_limit == limit)
    return;

  self->memory_limit = limit;
  update_memory_bound (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMORY_LIMIT]);
}

void
vt_thumbnailer_set_screenful (VtThumbnailer *self,
                              guint          count,
                              int            size)
{
  int fit = size;

  g_return_if_fail (VT_IS_THUMBNAILER (self));
  g_return_if_fail (count == 0 || size > 0);

  /* What each of them takes: a square of the size it is served at, in
   * RGB (what photographs decode to). */
  if (count > 0 && vt_thumbnail_cache_find_bucket (size, &fit) < 0)
    fit = size;
  self->screenful = (guint64) count * fit * fit * 3;
  update_memory_bound (self);
}

gsize
vt_thumbnailer_get_memory_bound (VtThumbnailer *self)
{
  g_return_val_if_fail (VT_IS_THUMBNAILER (self), 0);

  return vt_thumbnail_memory_get_limit (self->pool->memory);
}

gsize
vt_thumbnailer_get_memory_used (VtThumbnailer *self)
{
  g_return_val_if_fail (VT_IS_THUMBNAILER (self), 0);

  return vt_thumbnail_memory_get_used (self->pool->memory);
}

void
vt_thumbnailer_wait_for_writes (VtThumbnailer *self)
{
  g_return_if_fail (VT_IS_THUMBNAILER (self));

  vt_thumbnail_pool_wait_for_writes (self->pool);
}

/* ------------------------------------------------------------------ */
/* Private API for tests and the benchmark                            */

void
vt_thumbnailer_get_stats (VtThumbnailer      *self,
                          VtThumbnailerStats *stats)
{
  g_return_if_fail (VT_IS_THUMBNAILER (self));
  g_return_if_fail (stats != NULL);

  /* Counted once they are on disk. */
  vt_thumbnail_pool_wait_for_writes (self->pool);
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
