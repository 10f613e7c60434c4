/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Memory for a picture's pixels, handed back to the system as soon as it is freed. */

#define G_LOG_DOMAIN "vitrine-thumbnailer"

#include "config.h"

#include "vt-pixels.h"
#include "vt-pixels-private.h"

#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

/*
 * Why not malloc: thumbnails are made by the thumbnailer's workers,
 * fitted to their tiles by other threads and let go by the main
 * thread, each in a different order, thousands of them in a scroll.
 * glibc gives each of those threads an arena of its own and keeps
 * what is freed there for later; and once a program has freed one
 * large block (GTK's cairo renderer draws every frame into an image
 * of what changed, 33 MB for a whole window at 3840 x 2160), it serves
 * every block up to that size from those arenas and trims them only
 * when twice that lies free at their end. The freed pictures then stay
 * in memory, scattered between the living ones, and the process grows
 * for as long as the scroll lasts.
 *
 * So a picture's pages go back to the system as soon as the picture
 * goes, whichever thread lets it go.
 *
 * Why not a mapping of its own for each picture, as at first: making
 * or removing a mapping takes the process's lock on its memory map for
 * writing, and filling one holds it for reading. Two workers reading
 * thumbnails and the window letting pictures go then wait for one
 * another on it, and a load of thumbnails from the disk cache took
 * longer on two workers than on one.
 *
 * Instead, one stretch of address space is reserved at the first
 * picture (no memory yet), and each picture takes a piece of it, filled
 * with fresh pages. When the picture goes its pages go back to the
 * system (MADV_DONTNEED, which leaves the piece reading as zeros), and
 * the piece waits for the next picture of its size class. Neither takes
 * that lock for writing. A picture too large for a class, or one that
 * finds the reserve used up, gets a mapping of its own as before.
 */

/* Below this, malloc's own small blocks are as good. */
#define MAPPED_MIN (64 * 1024)

#ifdef G_OS_UNIX

/* Size classes, in pages: eight to each doubling (a piece is at most
 * an eighth larger than its picture, in address space only: pages past
 * the picture are never touched), from 16 pages to 2^14 (64 MB). */
#define CLASS_STEPS     8
#define CLASS_MIN_LOG2  4
#define CLASS_MAX_LOG2  14
#define N_CLASSES       ((CLASS_MAX_LOG2 - CLASS_MIN_LOG2) * CLASS_STEPS + 1)

typedef struct
{
  GMutex     lock;
  gboolean   tried;               /* to reserve it */
  guchar    *start;               /* NULL without a reserve */
  gsize      size;
  gsize      page_size;
  gsize      used;                /* bytes from start ever handed out */
  GPtrArray *free[N_CLASSES];     /* pieces waiting, by class: their addresses */
  guint      out;                 /* pieces held by pictures */
} Reserve;

static Reserve reserve = { .size = VT_PIXELS_RESERVE_SIZE };

typedef struct
{
  gpointer data;
  gsize    size;
  int      klass;                 /* the reserve's class; -1 for a mapping of its own */
} Mapping;

/* The class of a picture of @pages, or -1 above the largest. */
static int
class_of (gsize pages)
{
  int log2, klass;
  gsize steps;

  pages = MAX (pages, (gsize) 1 << CLASS_MIN_LOG2);
  log2 = g_bit_storage (pages) - 1;
  /* Eighths of 2^log2, rounded up: 8 to 16. */
  steps = (pages + ((gsize) 1 << (log2 - 3)) - 1) >> (log2 - 3);
  if (steps == 2 * CLASS_STEPS)
    {
      log2++;
      steps = CLASS_STEPS;
    }
  klass = (log2 - CLASS_MIN_LOG2) * CLASS_STEPS + (int) (steps - CLASS_STEPS);
  return klass < N_CLASSES ? klass : -1;
}

/* Bytes of a piece of @klass. */
static gsize
class_size (int klass)
{
  int log2 = CLASS_MIN_LOG2 + klass / CLASS_STEPS;
  gsize steps = CLASS_STEPS + klass % CLASS_STEPS;

  return (steps << (log2 - 3)) * reserve.page_size;
}

/* Whether the kernel counts every writable private mapping whole as
 * memory committed, MAP_NORESERVE or not (Linux's overcommit mode 2):
 * there a reserve would take its whole size from what all programs
 * may commit. */
static gboolean
overcommit_is_strict (void)
{
  g_autofree char *mode = NULL;

  return g_file_get_contents ("/proc/sys/vm/overcommit_memory", &mode, NULL, NULL) &&
         mode[0] == '2';
}

/* Called with the reserve's lock held. */
static gboolean
reserve_ensure_locked (void)
{
  if (!reserve.tried)
    {
      gpointer start = MAP_FAILED;

      reserve.tried = TRUE;
      reserve.page_size = sysconf (_SC_PAGESIZE);
      /* Without it (strict overcommit, a limit on address space, a
       * 32-bit process), every picture has a mapping of its own. */
      if (reserve.size > 0 && !overcommit_is_strict ())
        start = mmap (NULL, reserve.size, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      reserve.start = start != MAP_FAILED ? start : NULL;
      for (int i = 0; i < N_CLASSES; i++)
        reserve.free[i] = g_ptr_array_new ();
    }
  return reserve.start != NULL;
}

/* A piece of the reserve for @size bytes, filled with fresh pages, or
 * NULL when none is left. */
static Mapping *
reserve_take (gsize size)
{
  Mapping *mapping = NULL;
  gpointer data = NULL;
  gsize pages;
  int klass;

  g_mutex_lock (&reserve.lock);
  if (reserve_ensure_locked ())
    {
      pages = (size + reserve.page_size - 1) / reserve.page_size;
      klass = class_of (pages);
      if (klass >= 0 && reserve.free[klass]->len > 0)
        data = g_ptr_array_steal_index (reserve.free[klass], reserve.free[klass]->len - 1);
      else if (klass >= 0 && reserve.size - reserve.used >= class_size (klass))
        {
          data = reserve.start + reserve.used;
          reserve.used += class_size (klass);
        }
      if (data != NULL)
        {
          reserve.out++;
          mapping = g_new (Mapping, 1);
          mapping->data = data;
          mapping->size = pages * reserve.page_size;
          mapping->klass = klass;
        }
    }
  g_mutex_unlock (&reserve.lock);

#ifdef MADV_POPULATE_WRITE
  /* Filled at once: it is written whole right away, and one call costs
   * less than a fault on each page. A kernel without it (before 5.14)
   * fills it a fault at a time. */
  if (mapping != NULL)
    (void) madvise (mapping->data, mapping->size, MADV_POPULATE_WRITE);
#endif

  return mapping;
}

static void
mapping_free (gpointer user_data)
{
  Mapping *mapping = user_data;

  if (mapping->klass < 0)
    {
      munmap (mapping->data, mapping->size);
      g_free (mapping);
      return;
    }

  /* Its pages go back before anyone can take it again. */
  madvise (mapping->data, mapping->size, MADV_DONTNEED);
  g_mutex_lock (&reserve.lock);
  g_ptr_array_add (reserve.free[mapping->klass], mapping->data);
  reserve.out--;
  g_mutex_unlock (&reserve.lock);
  g_free (mapping);
}

gboolean
_vt_pixels_set_reserve (gsize size)
{
  gboolean done = FALSE;

  g_mutex_lock (&reserve.lock);
  if (reserve.out == 0)
    {
      if (reserve.start != NULL)
        munmap (reserve.start, reserve.size);
      for (int i = 0; i < N_CLASSES && reserve.tried; i++)
        g_ptr_array_unref (reserve.free[i]);
      reserve.tried = FALSE;
      reserve.start = NULL;
      reserve.used = 0;
      reserve.size = size;
      done = TRUE;
    }
  g_mutex_unlock (&reserve.lock);
  return done;
}
#else
gboolean
_vt_pixels_set_reserve (G_GNUC_UNUSED gsize size)
{
  return FALSE;
}
#endif

GBytes *
vt_pixels_new (gsize    size,
               guchar **data)
{
  g_return_val_if_fail (data != NULL, NULL);

#ifdef G_OS_UNIX
  if (size >= MAPPED_MIN)
    {
      Mapping *mapping = reserve_take (size);

      if (mapping == NULL)
        {
          /* Filled at once, as above. */
          gpointer mapped = mmap (NULL, size, PROT_READ | PROT_WRITE,
                                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

          /* Without a mapping (the process's limit of them reached),
           * the heap still serves. */
          if (mapped != MAP_FAILED)
            {
              mapping = g_new (Mapping, 1);
              mapping->data = mapped;
              mapping->size = size;
              mapping->klass = -1;
            }
        }
      if (mapping != NULL)
        {
          *data = mapping->data;
          return g_bytes_new_with_free_func (mapping->data, size, mapping_free, mapping);
        }
    }
#endif

  *data = g_malloc0 (MAX (size, 1));
  return g_bytes_new_take (*data, size);
}

GdkPixbuf *
vt_pixels_own_pixbuf (GdkPixbuf *pixbuf)
{
  g_autoptr(GdkPixbuf) source = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int width, height, stride, row_bytes;
  const guchar *src;
  guchar *dest;

  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);
  g_return_val_if_fail (gdk_pixbuf_get_bits_per_sample (pixbuf) == 8, NULL);

  source = pixbuf;
  width = gdk_pixbuf_get_width (source);
  height = gdk_pixbuf_get_height (source);
  stride = gdk_pixbuf_get_rowstride (source);
  row_bytes = width * gdk_pixbuf_get_n_channels (source);
  src = gdk_pixbuf_read_pixels (source);

  bytes = vt_pixels_new ((gsize) row_bytes * height, &dest);
  for (int y = 0; y < height; y++)
    memcpy (dest + (gsize) y * row_bytes, src + (gsize) y * stride, row_bytes);

  return gdk_pixbuf_new_from_bytes (bytes, GDK_COLORSPACE_RGB, gdk_pixbuf_get_has_alpha (source), 8,
                                    width, height, row_bytes);
}
