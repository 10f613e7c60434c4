/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the thumbnailer's sniffing, header check and decoding of an image's bytes. */

/* memfd_create () */
#define _GNU_SOURCE

#include "config.h"

#include "vt-image-decode.h"
#include "vt-thumbnailer.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#define FIT 256
#define MAX_PIXELS ((gint64) 100 * 1000 * 1000)

/* Validation's check of the header, which reads a file: the bytes in a
 * file in memory. */
static gboolean
check_header (const uint8_t  *data,
              size_t          size,
              int            *width,
              int            *height,
              GError        **error)
{
  gboolean ok;
  int fd = memfd_create ("fuzz.img", MFD_CLOEXEC);

  if (fd < 0 || write (fd, data, size) != (ssize_t) size || lseek (fd, 0, SEEK_SET) != 0)
    abort ();
  ok = vt_image_check_fd (fd, "fuzz.img", width, height, error);
  close (fd);
  return ok;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  int width = 0, height = 0;
  int declared_width = 0, declared_height = 0;
  gboolean checked;

  checked = check_header (data, size, &declared_width, &declared_height, &check_error);
  if (checked)
    {
      if (declared_width <= 0 || declared_height <= 0
          || (gint64) declared_width * declared_height > MAX_PIXELS)
        abort ();
    }
  else if (check_error == NULL || g_strstr_len (check_error->message, -1, "fuzz.img") == NULL)
    abort ();

  pixbuf = vt_image_decode_data (data, size, "fuzz.img", FIT, &width, &height, NULL, &error);
  if (pixbuf == NULL)
    {
      /* Every refusal says why, naming the file. */
      if (error == NULL || g_strstr_len (error->message, -1, "fuzz.img") == NULL)
        abort ();
      return 0;
    }

  /* A picture comes back no larger than asked, from a declared size we
   * allow, and validation would have let the thumbnailer try it. */
  if (gdk_pixbuf_get_width (pixbuf) > FIT || gdk_pixbuf_get_height (pixbuf) > FIT
      || width <= 0 || height <= 0 || (gint64) width * height > MAX_PIXELS
      || !checked)
    abort ();

  return 0;
}
