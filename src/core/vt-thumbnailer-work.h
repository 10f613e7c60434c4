/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The thumbnailer's shared state and one picture's work: what its worker threads do. */

#pragma once

#include "vt-thumbnailer.h"
#include "vt-thumbnail-cache.h"
#include "vt-thumbnail-memory.h"
#include "vt-defaults.h"

G_BEGIN_DECLS

#define VT_THUMBNAIL_MEMORY_DEFAULT ((guint64) VT_THUMBNAIL_MEMORY_DEFAULT_MB * 1024 * 1024)

typedef struct _VtThumbnailPool VtThumbnailPool;
typedef struct _VtThumbnailWork VtThumbnailWork;

/* The queue, caches, counters and threads, shared by reference with the
 * worker threads, so the last reference to the thumbnailer can be
 * dropped on any thread. */
struct _VtThumbnailPool
{
  GMutex      lock;
  GCond       cond;
  GQueue      queue;        /* of VtThumbnailWork, via its link; newest at the head */
  GHashTable *in_flight;    /* a work's key → the work, queued or running, for requests to join */
  GPtrArray  *threads;
  guint       n_threads;
  gboolean    paused;
  gboolean    shutdown;

  /* Requests served and not yet completed on their thread, one
   * VtThumbnailHandback per main context (vt-thumbnailer.c): under lock. */
  GPtrArray  *handbacks;

  VtThumbnailMemory *memory;
  VtThumbnailCache  *disk;

  /* Thumbnails of loads are written to the disk cache by a thread of
   * their own (vt-thumbnailer-work.c), after the picture is handed out. */
  GThreadPool *writer;
  GMutex       write_lock;
  GCond        write_done;
  guint        pending_writes;  /* under write_lock */

  gint        decodes;
  gint        disk_hits;
  gint        memory_hits;
  gint        thumbnails_written;
  gint        failures_written;
};

VtThumbnailPool *vt_thumbnail_pool_new   (const char       *cache_dir,
                                         guint             n_threads);
VtThumbnailPool *vt_thumbnail_pool_ref   (VtThumbnailPool  *pool);
void             vt_thumbnail_pool_unref (VtThumbnailPool  *pool);
/* Returns once every thumbnail handed to the writer is on disk. */
void             vt_thumbnail_pool_wait_for_writes (VtThumbnailPool *pool);

/* One picture to make: a file at a size, for one or more requests. */
struct _VtThumbnailWork
{
  VtThumbnailPool *pool;
  char            *key;          /* in the pool's in_flight: uri, size, ensure */
  GFile           *file;
  char            *path;
  char            *uri;
  char            *name;         /* for messages */
  int              size;         /* what the picture must fit in */
  int              bucket;       /* disk cache size bucket, or -1 above 1024 */
  gboolean         ensure;       /* only make sure the disk thumbnail is valid */
  gint             keep;         /* kept in the memory cache: a request wants it (atomic) */
  GCancellable    *cancellable;  /* cancelled once no request waits for it */
  GList            link;         /* in the pool's queue */
  gboolean         queued;       /* under the pool's lock */
  GPtrArray       *requests;     /* the requests waiting for it (vt-thumbnailer.c); under the pool's lock */

  /* Set by the worker */
  GdkPixbuf         *pixbuf;
  GError            *error;
  VtThumbnailOutcome outcome;
};

/* A work for @file fitted in @size, not queued, waited for by nobody yet. */
VtThumbnailWork *vt_thumbnail_work_new   (VtThumbnailPool  *pool,
                                         GFile            *file,
                                         int               size,
                                         gboolean          ensure);
VtThumbnailWork *vt_thumbnail_work_ref   (VtThumbnailWork  *work);
void             vt_thumbnail_work_unref (gpointer          work);
/* Does @work, on a worker thread: sets its outcome and, for a load, its
 * pixbuf; FALSE with @error set on failure. */
gboolean         vt_thumbnail_work_run   (VtThumbnailWork  *work,
                                         GError          **error);

/* The memory cache's key of a picture of @uri, as modified then, at @size. */
char            *vt_thumbnail_memory_key (const char       *uri,
                                         int               size,
                                         gint64            mtime_sec,
                                         long              mtime_nsec);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtThumbnailWork, vt_thumbnail_work_unref)

G_END_DECLS
