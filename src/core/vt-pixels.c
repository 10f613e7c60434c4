/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Memory for a picture's pixels in a mapping of its own, handed back to the system as soon as it is freed. */

#define G_LOG_DOMAIN "vitrine-thumbnailer"

#include "config.h"

#include "vt-pixels.h"

#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
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
 * A mapping of its own goes back to the system when its picture goes,
 * whichever thread lets it go.
 */

/* Below this, malloc's own small blocks are as good. */
#define MAPPED_MIN (64 * 1024)

#ifdef G_OS_UNIX
typedef struct
{
  gpointer data;
  gsize    size;
} Mapping;

static void
mapping_free (gpointer user_data)
{
  Mapping *mapping = user_data;

  munmap (mapping->data, mapping->size);
  g_free (mapping);
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
      /* Filled at once: it is written whole right away, and one call
       * costs less than a fault on each page. */
      gpointer mapped = mmap (NULL, size, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

      /* Without a mapping (the process's limit of them reached), the
       * heap still serves. */
      if (mapped != MAP_FAILED)
        {
          Mapping *mapping = g_new (Mapping, 1);

          mapping->data = mapped;
          mapping->size = size;
          *data = mapped;
          return g_bytes_new_with_free_func (mapped, size, mapping_free, mapping);
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
