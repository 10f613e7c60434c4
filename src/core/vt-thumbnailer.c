/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Image loading in worker threads, newest request first, with a memory LRU and the freedesktop disk cache. */

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
 */

#define G_LOG_DOMAIN "vitrine-thumbnailer"

#include "config.h"

#include "vt-thumbnailer.h"
#include "vt-defaults.h"
#include "vt-thumbnail-png.h"
#include "vt-thumbnailer-private.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#endif

#define MAX_PIXELS            ((gint64) 100 * 1000 * 1000)
#define READ_CHUNK            (64 * 1024)
#define DEFAULT_MEMORY_LIMIT  ((guint64) VT_THUMBNAIL_MEMORY_DEFAULT_MB * 1024 * 1024)
/* See write_thumbnail() */
#define DEFAULT_PNG_COMPRESSION 0
#define FAIL_FOLDER           "vitrine-" PACKAGE_VERSION

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

/* The formats we open, told by their first bytes, and the loader for each. */
typedef enum
{
  FORMAT_NONE,
  FORMAT_JPEG,
  FORMAT_PNG,
  FORMAT_GIF,
  FORMAT_BMP,
  FORMAT_TIFF,
  FORMAT_WEBP,
} Format;

static const char *format_loaders[] = {
  [FORMAT_NONE] = NULL,
  [FORMAT_JPEG] = "jpeg",
  [FORMAT_PNG] = "png",
  [FORMAT_GIF] = "gif",
  [FORMAT_BMP] = "bmp",
  [FORMAT_TIFF] = "tiff",
  [FORMAT_WEBP] = "webp",
};

/* ------------------------------------------------------------------ */
/* The pool: queue, memory cache, counters, threads                    */

typedef struct
{
  char       *key;
  GdkPixbuf  *pixbuf;
  gsize       bytes;
  GList       link;   /* in Pool.lru, most recently used at the head */
} CacheEntry;

typedef struct
{
  GMutex      lock;
  GCond       cond;
  GQueue      queue;        /* of Request, via Request.link; newest at the head */
  GPtrArray  *threads;
  guint       n_threads;
  gboolean    paused;
  gboolean    shutdown;

  GMutex      cache_lock;
  GHashTable *cache;        /* key → CacheEntry */
  GQueue      lru;
  guint64     memory_limit;
  guint64     memory_used;

  char       *cache_dir;
  gint        disk_unwritable;   /* atomic: set once a write failed */
  gint        png_compression;   /* zlib level of the thumbnails we write */

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
  int           bucket;       /* index in buckets[], or -1 above 1024 */
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

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_free (entry->key);
  g_object_unref (entry->pixbuf);
  g_free (entry);
}

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

  g_mutex_init (&pool->cache_lock);
  pool->cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, cache_entry_free);
  g_queue_init (&pool->lru);
  pool->memory_limit = DEFAULT_MEMORY_LIMIT;
  pool->cache_dir = g_strdup (cache_dir);
  pool->png_compression = DEFAULT_PNG_COMPRESSION;

  return pool;
}

static void
pool_clear (gpointer data)
{
  Pool *pool = data;

  g_assert (pool->queue.length == 0);
  g_ptr_array_unref (pool->threads);
  g_hash_table_unref (pool->cache);
  g_free (pool->cache_dir);
  g_mutex_clear (&pool->cache_lock);
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

/* Called with cache_lock held. */
static void
pool_trim_locked (Pool *pool)
{
  while (pool->memory_used > pool->memory_limit && pool->lru.tail != NULL)
    {
      CacheEntry *entry = pool->lru.tail->data;

      g_queue_unlink (&pool->lru, &entry->link);
      pool->memory_used -= entry->bytes;
      g_hash_table_remove (pool->cache, entry->key);
    }
}

static GdkPixbuf *
pool_cache_lookup (Pool       *pool,
                   const char *key)
{
  GdkPixbuf *pixbuf = NULL;
  CacheEntry *entry;

  g_mutex_lock (&pool->cache_lock);
  entry = g_hash_table_lookup (pool->cache, key);
  if (entry != NULL)
    {
      g_queue_unlink (&pool->lru, &entry->link);
      g_queue_push_head_link (&pool->lru, &entry->link);
      pixbuf = g_object_ref (entry->pixbuf);
    }
  g_mutex_unlock (&pool->cache_lock);

  return pixbuf;
}

static void
pool_cache_insert (Pool       *pool,
                   const char *key,
                   GdkPixbuf  *pixbuf)
{
  gsize bytes = (gsize) gdk_pixbuf_get_rowstride (pixbuf) * gdk_pixbuf_get_height (pixbuf);
  CacheEntry *entry;

  g_mutex_lock (&pool->cache_lock);

  /* A picture bigger than the whole cache is served but not kept. */
  if (bytes <= pool->memory_limit && !g_hash_table_contains (pool->cache, key))
    {
      entry = g_new0 (CacheEntry, 1);
      entry->key = g_strdup (key);
      entry->pixbuf = g_object_ref (pixbuf);
      entry->bytes = bytes;
      entry->link.data = entry;
      g_hash_table_insert (pool->cache, entry->key, entry);
      g_queue_push_head_link (&pool->lru, &entry->link);
      pool->memory_used += bytes;
      pool_trim_locked (pool);
    }

  g_mutex_unlock (&pool->cache_lock);
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
  request->bucket = -1;
  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    if (size <= buckets[i].size)
      {
        request->bucket = i;
        request->size = buckets[i].size;
        break;
      }
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
/* Decoding                                                           */

typedef struct
{
  const char *name;
  int         fit;          /* the longer side at most this */
  int         width;        /* as declared by the file */
  int         height;
  Format      format;
  gboolean    too_large;
  gboolean    closing;
  int         rows_done;
} DecodeContext;

static Format
sniff_format (const guchar *data,
              gsize         length)
{
  if (length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
    return FORMAT_JPEG;
  if (length >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return FORMAT_PNG;
  if (length >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return FORMAT_GIF;
  if (length >= 14 && data[0] == 'B' && data[1] == 'M')
    return FORMAT_BMP;
  if (length >= 4 && (memcmp (data, "II*\0", 4) == 0 || memcmp (data, "MM\0*", 4) == 0))
    return FORMAT_TIFF;
  if (length >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return FORMAT_WEBP;
  return FORMAT_NONE;
}

/* Names image formats we refuse on purpose, to say so rather than "not an image". */
static const char *
sniff_refused_format (const guchar *data,
                      gsize         length)
{
  g_autofree char *head = g_strndup ((const char *) data, MIN (length, 512));

  if (strstr (head, "<svg") != NULL)
    return "SVG";
  if (g_str_has_prefix (head, "/* XPM */"))
    return "XPM";
  if (g_str_has_prefix (head, "#define") && strstr (head, "_width") != NULL)
    return "XBM";
  if (length >= 4 && data[0] == 0 && data[1] == 0 && (data[2] == 1 || data[2] == 2) && data[3] == 0)
    return "ICO";
  if (length >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "ACON", 4) == 0)
    return "ANI";
  if (length >= 4 && memcmp (data, "icns", 4) == 0)
    return "ICNS";
  if (length >= 2 && data[0] == 'P' && data[1] >= '1' && data[1] <= '7')
    return "PNM";
  return NULL;
}

static void
on_size_prepared_cb (GdkPixbufLoader *loader,
                     int              width,
                     int              height,
                     gpointer         data)
{
  DecodeContext *ctx = data;
  int scale;

  ctx->width = width;
  ctx->height = height;

  if (width <= 0 || height <= 0 || (gint64) width * height > MAX_PIXELS)
    {
      /* A size of 0 makes every loader stop before it allocates anything. */
      ctx->too_large = width > 0 && height > 0;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  /*
   * JPEG decodes at 1/2, 1/4 or 1/8 of its size: ask for exactly the
   * smallest of those at least as large as needed, and scale the rest
   * ourselves. Asking for any other size would make the loader decode
   * in full and scale at the end, telling nothing of truncated data.
   */
  if (ctx->format != FORMAT_JPEG)
    return;
  for (scale = 8; scale > 1; scale /= 2)
    {
      int w = (width + scale - 1) / scale;
      int h = (height + scale - 1) / scale;

      if (MAX (w, h) >= MIN (ctx->fit, MAX (width, height)))
        {
          gdk_pixbuf_loader_set_size (loader, w, h);
          return;
        }
    }
}

/* Rows the loader has filled; a JPEG or PNG cut short leaves the rest grey. */
static void
on_area_updated_cb (GdkPixbufLoader *loader,
                    int              x,
                    int              y,
                    int              width,
                    int              height,
                    gpointer         data)
{
  DecodeContext *ctx = data;

  if (!ctx->closing)
    ctx->rows_done = MAX (ctx->rows_done, y + height);
}

static gssize
read_some (int     fd,
           guchar *buffer,
           gsize   size)
{
  gssize n;

  do
    n = read (fd, buffer, size);
  while (n < 0 && errno == EINTR);

  return n;
}

/*
 * Decodes the image open on @fd to fit in a square of ctx->fit, its own
 * orientation applied. Only the formats in format_loaders are opened;
 * dimensions over MAX_PIXELS are refused before anything is decoded.
 * Reads in chunks, checking @cancellable between them.
 */
static GdkPixbuf *
decode_fd (int            fd,
           DecodeContext *ctx,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guchar *buffer = g_malloc (READ_CHUNK);
  GdkPixbuf *pixbuf;
  gboolean ok = TRUE;
  const char *orientation;
  Format format;
  gssize n;
  int saved_errno;

  n = read_some (fd, buffer, READ_CHUNK);
  if (n < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read “%s”: %s"), ctx->name, g_strerror (saved_errno));
      return NULL;
    }
  if (n == 0)
    {
      g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes)"), ctx->name);
      return NULL;
    }

  format = sniff_format (buffer, n);
  if (format == FORMAT_NONE)
    {
      const char *refused = sniff_refused_format (buffer, n);

      if (refused != NULL)
        g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_UNSUPPORTED,
                     /* Translators: %s is an image format such as SVG */
                     _("“%s” is in the %s format, which Vitrine does not open (it opens JPEG, PNG, WebP, GIF, BMP and TIFF)"),
                     ctx->name, refused);
      else
        g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_UNSUPPORTED,
                     _("“%s” is not an image in a format Vitrine opens (JPEG, PNG, WebP, GIF, BMP or TIFF)"),
                     ctx->name);
      return NULL;
    }

  loader = gdk_pixbuf_loader_new_with_type (format_loaders[format], &local_error);
  if (loader == NULL)
    {
      g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_UNSUPPORTED,
                   _("“%s” cannot be opened: no image loader for this format is installed (%s)"),
                   ctx->name, local_error->message);
      return NULL;
    }
  ctx->format = format;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared_cb), ctx);
  g_signal_connect (loader, "area-updated", G_CALLBACK (on_area_updated_cb), ctx);

  while (n > 0)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (!gdk_pixbuf_loader_write (loader, buffer, n, &local_error) || ctx->too_large)
        {
          ok = FALSE;
          break;
        }
      n = read_some (fd, buffer, READ_CHUNK);
    }
  saved_errno = n < 0 ? errno : 0;

  /* A loader must always be closed; after a failure its error says less. */
  ctx->closing = TRUE;
  if (ok)
    ok = gdk_pixbuf_loader_close (loader, &local_error);
  else
    gdk_pixbuf_loader_close (loader, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (ctx->too_large)
    {
      g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_TOO_LARGE,
                   _("“%s” declares %d × %d pixels, more than the 100 megapixels Vitrine opens"),
                   ctx->name, ctx->width, ctx->height);
      return NULL;
    }
  if (saved_errno != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read “%s”: %s"), ctx->name, g_strerror (saved_errno));
      return NULL;
    }

  pixbuf = ok ? gdk_pixbuf_loader_get_pixbuf (loader) : NULL;
  if (pixbuf == NULL)
    {
      if (local_error != NULL)
        g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_CORRUPT,
                     _("“%s” is damaged or truncated: %s"), ctx->name, local_error->message);
      else
        g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_CORRUPT,
                     _("“%s” is damaged or truncated: it holds no picture"), ctx->name);
      return NULL;
    }

  if ((format == FORMAT_JPEG || format == FORMAT_PNG) &&
      ctx->rows_done < gdk_pixbuf_get_height (pixbuf))
    {
      g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_CORRUPT,
                   _("“%s” is damaged or truncated: its picture data ends early"), ctx->name);
      return NULL;
    }

  /* Orientations 5 to 8 turn the picture a quarter: its size as seen swaps. */
  orientation = gdk_pixbuf_get_option (pixbuf, "orientation");
  if (orientation != NULL && g_ascii_strtoll (orientation, NULL, 10) >= 5)
    {
      int declared_width = ctx->width;

      ctx->width = ctx->height;
      ctx->height = declared_width;
    }
  pixbuf = gdk_pixbuf_apply_embedded_orientation (pixbuf);

  /* What the loader could not reduce (all but JPEG, and JPEG between its steps) */
  if (MAX (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf)) > ctx->fit)
    {
      int w = gdk_pixbuf_get_width (pixbuf);
      int h = gdk_pixbuf_get_height (pixbuf);
      double scale = (double) ctx->fit / MAX (w, h);
      GdkPixbuf *scaled = gdk_pixbuf_scale_simple (pixbuf,
                                                   MAX (1, (int) (w * scale + 0.5)),
                                                   MAX (1, (int) (h * scale + 0.5)),
                                                   GDK_INTERP_BILINEAR);

      g_object_unref (pixbuf);
      pixbuf = scaled;
    }

  return pixbuf;
}

/* ------------------------------------------------------------------ */
/* The disk cache                                                     */

/* The spec's file name for @uri: the MD5 of the URI, ".png". */
static char *
cache_basename (const char *uri)
{
  g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, uri, -1);

  return g_strconcat (md5, ".png", NULL);
}

static char *
thumbnail_path (const char *cache_dir,
                int         bucket,
                const char *uri)
{
  g_autofree char *basename = cache_basename (uri);

  return g_build_filename (cache_dir, buckets[bucket].folder, basename, NULL);
}

static char *
failure_path (const char *cache_dir,
              const char *uri)
{
  g_autofree char *basename = cache_basename (uri);

  return g_build_filename (cache_dir, "fail", FAIL_FOLDER, basename, NULL);
}

/*
 * Reads a thumbnail PNG (ours or another program's) and keeps it when it
 * is one of @uri as modified at @mtime; FALSE when missing, unreadable,
 * larger than @fit, or stale. Pixels are decoded only when wanted and
 * current.
 */
static gboolean
read_cached_png (const char     *path,
                 const char     *uri,
                 gint64          mtime,
                 int             fit,
                 gboolean        want_pixels,
                 VtThumbnailPng *png)
{
  g_autofree char *mtime_text = g_strdup_printf ("%" G_GINT64_FORMAT, mtime);

  if (!vt_thumbnail_png_read (path, fit, FALSE, png))
    return FALSE;

  if (g_strcmp0 (png->uri, uri) != 0 || g_strcmp0 (png->mtime, mtime_text) != 0)
    {
      vt_thumbnail_png_clear (png);
      return FALSE;
    }

  if (want_pixels && png->pixels == NULL)
    {
      vt_thumbnail_png_clear (png);
      return vt_thumbnail_png_read (path, fit, TRUE, png);
    }

  return TRUE;
}

static void
note_unwritable (Pool       *pool,
                 const char *path,
                 const char *reason)
{
  if (g_atomic_int_compare_and_exchange (&pool->disk_unwritable, FALSE, TRUE))
    g_debug ("Thumbnail cache %s cannot be written (%s): working without it",
             path, reason);
}

/* Writes @data at @path: a temporary file in the same folder (0600,
 * in a 0700 folder), then a rename. */
static gboolean
write_atomically (Pool       *pool,
                  GBytes     *bytes,
                  const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  const char *data;
  gsize length = 0;
  gsize written = 0;
  int fd;

  if (g_atomic_int_get (&pool->disk_unwritable))
    return FALSE;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      note_unwritable (pool, folder, g_strerror (errno));
      return FALSE;
    }

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      note_unwritable (pool, folder, g_strerror (errno));
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &length);
  while (written < length)
    {
      gssize n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      written += n;
    }

  if (close (fd) != 0 || written < length || g_rename (tmp_path, path) != 0)
    {
      note_unwritable (pool, folder, g_strerror (errno));
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

/*
 * Rows are stored unfiltered and, by default, uncompressed: reading such
 * a thumbnail back is little more than a copy, which is what makes a
 * disk cache hit some twenty times cheaper than decoding the original.
 * The price is size (width x height x 3 bytes, 192 KB at 256 px);
 * vt_thumbnailer_set_png_compression() trades it back.
 */
static gboolean
write_thumbnail (Pool          *pool,
                 GdkPixbuf     *pixbuf,
                 const char    *path,
                 const char    *uri,
                 struct stat   *st,
                 DecodeContext *ctx)
{
  g_autofree char *mtime = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st->st_mtime);
  g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st->st_size);
  g_autofree char *width = g_strdup_printf ("%d", ctx->width);
  g_autofree char *height = g_strdup_printf ("%d", ctx->height);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *keys[] = {
    "Thumb::URI", "Thumb::MTime", "Thumb::Size",
    "Thumb::Image::Width", "Thumb::Image::Height", "Software", NULL
  };
  const char *values[] = {
    uri, mtime, size, width, height, PACKAGE_NAME " " PACKAGE_VERSION, NULL
  };

  if (g_atomic_int_get (&pool->disk_unwritable))
    return FALSE;

  bytes = vt_thumbnail_png_encode (gdk_pixbuf_read_pixels (pixbuf),
                                   gdk_pixbuf_get_width (pixbuf),
                                   gdk_pixbuf_get_height (pixbuf),
                                   gdk_pixbuf_get_rowstride (pixbuf),
                                   gdk_pixbuf_get_has_alpha (pixbuf),
                                   g_atomic_int_get (&pool->png_compression),
                                   keys, values, &error);
  if (bytes == NULL)
    {
      g_debug ("Could not encode the thumbnail %s: %s", path, error->message);
      return FALSE;
    }

  return write_atomically (pool, bytes, path);
}

/* The spec's failure record: an empty PNG with the file's URI and MTime;
 * ours also keeps the reason, to tell it again without decoding. */
static void
write_failure (Pool        *pool,
               const char  *uri,
               struct stat *st,
               const char  *reason)
{
  g_autofree char *path = failure_path (pool->cache_dir, uri);
  g_autofree char *mtime = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st->st_mtime);
  g_autoptr(GBytes) bytes = NULL;
  static const guchar transparent[4] = { 0, 0, 0, 0 };
  const char *keys[] = { "Thumb::URI", "Thumb::MTime", "Software", "Vitrine::Error", NULL };
  const char *values[] = { uri, mtime, PACKAGE_NAME " " PACKAGE_VERSION, reason, NULL };

  if (g_atomic_int_get (&pool->disk_unwritable))
    return;

  bytes = vt_thumbnail_png_encode (transparent, 1, 1, 4, TRUE, 6, keys, values, NULL);
  if (bytes != NULL && write_atomically (pool, bytes, path))
    g_atomic_int_inc (&pool->failures_written);
}

static gboolean
is_recordable_failure (const GError *error)
{
  return error->domain == VT_THUMBNAILER_ERROR &&
         (error->code == VT_THUMBNAILER_ERROR_EMPTY ||
          error->code == VT_THUMBNAILER_ERROR_UNSUPPORTED ||
          error->code == VT_THUMBNAILER_ERROR_TOO_LARGE ||
          error->code == VT_THUMBNAILER_ERROR_CORRUPT);
}

/* ------------------------------------------------------------------ */
/* The work of one request, in a worker thread                        */

static gboolean
open_original (Request      *request,
               struct stat  *st,
               int          *out_fd,
               GError      **error)
{
  int saved_errno;
  int fd;

  if (request->path == NULL)
    {
      g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_UNSUPPORTED,
                   _("“%s” is not a local file"), request->name);
      return FALSE;
    }

  /* O_NONBLOCK: opening a fifo must not wait for a writer. */
  fd = g_open (request->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_NOT_FOUND,
                     _("“%s” does not exist"), request->name);
      else if (saved_errno == EACCES || saved_errno == EPERM)
        g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_PERMISSION,
                     _("“%s” cannot be read: permission denied"), request->name);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not open “%s”: %s"), request->name, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, st) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read “%s”: %s"), request->name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st->st_mode))
    {
      close (fd);
      if (S_ISDIR (st->st_mode))
        g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_NOT_REGULAR,
                     _("“%s” is a folder, not an image"), request->name);
      else
        g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_NOT_REGULAR,
                     _("“%s” is not a regular file (a pipe, socket or device), not an image"),
                     request->name);
      return FALSE;
    }

  if (st->st_size == 0)
    {
      close (fd);
      g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes)"), request->name);
      return FALSE;
    }

  *out_fd = fd;
  return TRUE;
}

/* The failure recorded for this version of the file, if any. */
static gboolean
check_failure_record (Request     *request,
                      struct stat *st,
                      GError     **error)
{
  g_autofree char *path = failure_path (request->pool->cache_dir, request->uri);
  VtThumbnailPng record;

  if (!read_cached_png (path, request->uri, st->st_mtime, 16, FALSE, &record))
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

/* Returns the pixbuf (load), or a dummy reference (ensure) with
 * *outcome set; NULL with @error set on failure. */
static gpointer
run_request (Request            *request,
             VtThumbnailOutcome *outcome,
             GError            **error)
{
  Pool *pool = request->pool;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *thumb_path = NULL;
  g_autofree char *key = NULL;
  DecodeContext ctx = { .name = request->name, .fit = request->size };
  VtThumbnailPng png;
  struct stat st;
  int fd = -1;

  if (g_cancellable_set_error_if_cancelled (request->cancellable, error))
    return NULL;

  if (!open_original (request, &st, &fd, error))
    return NULL;

  if (request->bucket >= 0)
    {
      thumb_path = thumbnail_path (pool->cache_dir, request->bucket, request->uri);
      if (read_cached_png (thumb_path, request->uri, st.st_mtime, request->size,
                           !request->ensure, &png))
        {
          g_atomic_int_inc (&pool->disk_hits);
          *outcome = VT_THUMBNAIL_FOUND;
          close (fd);
          if (request->ensure)
            {
              vt_thumbnail_png_clear (&png);
              return GINT_TO_POINTER (1);
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
          return NULL;
        }

      g_atomic_int_inc (&pool->decodes);
      pixbuf = decode_fd (fd, &ctx, request->cancellable, &local_error);
      close (fd);
      if (pixbuf == NULL)
        {
          if (is_recordable_failure (local_error))
            write_failure (pool, request->uri, &st, local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      *outcome = VT_THUMBNAIL_MADE;
      if (thumb_path != NULL)
        {
          if (write_thumbnail (pool, pixbuf, thumb_path, request->uri, &st, &ctx))
            g_atomic_int_inc (&pool->thumbnails_written);
          else if (request->ensure)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The thumbnail of “%s” could not be saved in the cache folder %s"),
                           request->name, pool->cache_dir);
              return NULL;
            }
        }

      if (request->ensure)
        return GINT_TO_POINTER (1);
    }

  key = memory_key (request->uri, request->size, st.st_mtime, st.st_mtim.tv_nsec);
  pool_cache_insert (pool, key, pixbuf);

  return g_steal_pointer (&pixbuf);
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
  gpointer result;

  result = run_request (request, &request->outcome, &request->error);
  if (result != NULL && !request->ensure)
    request->pixbuf = result;

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
          pixbuf = pool_cache_lookup (self->pool, key);
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
  gsize limit;

  g_return_val_if_fail (VT_IS_THUMBNAILER (self), 0);

  g_mutex_lock (&self->pool->cache_lock);
  limit = self->pool->memory_limit;
  g_mutex_unlock (&self->pool->cache_lock);

  return limit;
}

void
vt_thumbnailer_set_memory_limit (VtThumbnailer *self,
                                 gsize          limit)
{
  gboolean changed;

  g_return_if_fail (VT_IS_THUMBNAILER (self));

  g_mutex_lock (&self->pool->cache_lock);
  changed = self->pool->memory_limit != limit;
  self->pool->memory_limit = limit;
  pool_trim_locked (self->pool);
  g_mutex_unlock (&self->pool->cache_lock);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMORY_LIMIT]);
}

gsize
vt_thumbnailer_get_memory_used (VtThumbnailer *self)
{
  gsize used;

  g_return_val_if_fail (VT_IS_THUMBNAILER (self), 0);

  g_mutex_lock (&self->pool->cache_lock);
  used = self->pool->memory_used;
  g_mutex_unlock (&self->pool->cache_lock);

  return used;
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

  g_atomic_int_set (&self->pool->png_compression, level);
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
  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    if (size <= buckets[i].size)
      return thumbnail_path (self->cache_dir, i, uri);

  g_assert_not_reached ();
}

char *
vt_thumbnailer_get_failure_path (VtThumbnailer *self,
                                 GFile         *file)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (VT_IS_THUMBNAILER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  return failure_path (self->cache_dir, uri);
}
