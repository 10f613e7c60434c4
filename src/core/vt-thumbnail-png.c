/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading and writing thumbnail PNGs with libpng directly: text chunks first, pixels only when wanted. */

/*
 * gdk-pixbuf's PNG loader reads progressively and emits a signal per
 * row; a thumbnail hit costs several times what it must. Here the text
 * chunks are read first (the spec's Thumb::URI and Thumb::MTime decide
 * whether the pixels are wanted at all), then the rows straight into
 * the buffer a texture will use, without copies.
 *
 * The file is opened once for both, and read in large pieces: a warm hit
 * is mostly system calls and copies, so it takes as few of each as it can.
 *
 * Thumbnails Vitrine writes at level 0 are read and written without
 * libpng (vt-thumbnail-png-stored.c); libpng reads any other PNG.
 */

#define G_LOG_DOMAIN "vitrine-thumbnailer"

#include "config.h"

#include "vt-thumbnail-png.h"
#include "vt-thumbnail-png-stored.h"

#include "vt-crc32.h"
#include "vt-pixels.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <png.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bytes read from the file at a time: a thumbnail of 256 px, stored
 * uncompressed, in four reads. */
#define WINDOW_SIZE (64 * 1024)

typedef struct
{
  png_structp png;
  png_infop   info;
  int         fd;
  guchar     *window;      /* bytes read from the file, not yet taken by libpng */
  gsize       start;
  gsize       end;
  guint32     crc;         /* of the chunk being read */
  GBytes     *pixels;
  guchar    **rows;
  gboolean    ok;       /* here rather than on the stack: setjmp */
  char        message[256];
} ReadState;

static void
on_png_error (png_structp  png,
              png_const_charp message)
{
  char *buffer = png_get_error_ptr (png);

  if (buffer != NULL)
    g_strlcpy (buffer, message, 256);
  png_longjmp (png, 1);
}

static void
on_png_warning (png_structp     png,
                png_const_charp message)
{
  /* Thumbnails by other programs may warn about ancillary chunks: not our business. */
}

#ifdef PNG_IO_STATE_SUPPORTED
/* Checks each chunk's CRC as its bytes go by, in place of libpng's
 * own, whose CRC-32 costs a warm hit as much as the rest of its reading
 * (see vt-crc32.c). A mismatch fails the read, in any chunk. */
static void
check_crc (ReadState    *s,
           const guchar *data,
           gsize         length)
{
  switch (png_get_io_state (s->png) & PNG_IO_MASK_LOC)
    {
    case PNG_IO_CHUNK_HDR:
      /* The length, then the type: the CRC covers the type and the data. */
      if (length != 8)
        png_error (s->png, "chunk header read in pieces");
      s->crc = vt_crc32 (0, data + 4, 4);
      break;

    case PNG_IO_CHUNK_DATA:
      s->crc = vt_crc32 (s->crc, data, length);
      break;

    case PNG_IO_CHUNK_CRC:
      if (length != 4 ||
          ((guint32) data[0] << 24 | (guint32) data[1] << 16 | (guint32) data[2] << 8 | data[3]) != s->crc)
        png_error (s->png, "CRC error");
      break;

    default:
      break;
    }
}
#endif

/* Reads what libpng asks for through a window of WINDOW_SIZE bytes: a
 * system call per window, not per chunk. */
static void
on_png_read (png_structp png,
             png_bytep   out,
             png_size_t  length)
{
  ReadState *s = png_get_io_ptr (png);
#ifdef PNG_IO_STATE_SUPPORTED
  const guchar *data = out;
  gsize data_length = length;
#endif

  while (length > 0)
    {
      gsize take;

      if (s->start == s->end)
        {
          gssize got = read (s->fd, s->window, WINDOW_SIZE);

          if (got < 0 && errno == EINTR)
            continue;
          if (got <= 0)
            png_error (png, got < 0 ? g_strerror (errno) : "file truncated");
          s->start = 0;
          s->end = got;
        }

      take = MIN (length, s->end - s->start);
      memcpy (out, s->window + s->start, take);
      s->start += take;
      out += take;
      length -= take;
    }

#ifdef PNG_IO_STATE_SUPPORTED
  check_crc (s, data, data_length);
#endif
}

static void
take_text (png_structp     png,
           png_infop       info,
           VtThumbnailPng *out)
{
  png_textp text = NULL;
  int n = 0;

  png_get_text (png, info, &text, &n);
  for (int i = 0; i < n; i++)
    {
      char **target = NULL;

      if (strcmp (text[i].key, "Thumb::URI") == 0)
        target = &out->uri;
      else if (strcmp (text[i].key, "Thumb::MTime") == 0)
        target = &out->mtime;
      else if (strcmp (text[i].key, "Vitrine::Error") == 0)
        target = &out->error;

      if (target != NULL && *target == NULL && text[i].text != NULL)
        *target = g_strndup (text[i].text,
                             text[i].compression >= PNG_ITXT_COMPRESSION_NONE
                             ? text[i].itxt_length : text[i].text_length);
    }
}

/* Reads the PNG open on @fd, from its start, with libpng. */
static gboolean
read_general (int             fd,
              const char     *path,
              int             max_side,
              gboolean        want_pixels,
              const char     *uri,
              const char     *mtime,
              VtThumbnailPng *out)
{
  ReadState state = { 0 };
  ReadState *s = &state;

  s->fd = fd;
  s->window = g_malloc (WINDOW_SIZE);

  s->png = png_create_read_struct (PNG_LIBPNG_VER_STRING, s->message, on_png_error, on_png_warning);
  if (s->png == NULL)
    goto out;
  s->info = png_create_info_struct (s->png);
  if (s->info == NULL)
    goto out;

  if (setjmp (png_jmpbuf (s->png)))
    {
      g_debug ("Could not read thumbnail %s: %s", path, s->message);
      goto out;
    }

  png_set_read_fn (s->png, s, on_png_read);
#ifdef PNG_IO_STATE_SUPPORTED
  png_set_crc_action (s->png, PNG_CRC_QUIET_USE, PNG_CRC_QUIET_USE);
#endif
  png_set_user_limits (s->png, max_side, max_side);
#ifdef PNG_IGNORE_ADLER32
  png_set_option (s->png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);
#endif
  png_read_info (s->png, s->info);
  take_text (s->png, s->info, out);

  out->width = png_get_image_width (s->png, s->info);
  out->height = png_get_image_height (s->png, s->info);

  /* A stale thumbnail costs its head only. */
  if (want_pixels && out->uri != NULL && out->mtime != NULL &&
      (strcmp (out->uri, uri) != 0 || strcmp (out->mtime, mtime) != 0))
    want_pixels = FALSE;
  /* Text written after the pixels can only be read after them. */
  if (out->uri == NULL || out->mtime == NULL)
    want_pixels = TRUE;

  if (want_pixels)
    {
      int bit_depth = png_get_bit_depth (s->png, s->info);
      int color_type = png_get_color_type (s->png, s->info);
      guchar *data;
      gsize size;

      if (bit_depth == 16)
        png_set_strip_16 (s->png);
      if (color_type == PNG_COLOR_TYPE_PALETTE)
        png_set_palette_to_rgb (s->png);
      if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8)
        png_set_expand_gray_1_2_4_to_8 (s->png);
      if (png_get_valid (s->png, s->info, PNG_INFO_tRNS))
        png_set_tRNS_to_alpha (s->png);
      if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA)
        png_set_gray_to_rgb (s->png);
      png_set_interlace_handling (s->png);
      png_read_update_info (s->png, s->info);

      out->has_alpha = png_get_channels (s->png, s->info) == 4;
      out->stride = png_get_rowbytes (s->png, s->info);
      if (out->stride != out->width * (out->has_alpha ? 4 : 3))
        png_error (s->png, "unexpected row layout");

      size = (gsize) out->stride * out->height;
      s->pixels = vt_pixels_new (size, &data);
      s->rows = g_new (guchar *, out->height);
      for (int y = 0; y < out->height; y++)
        s->rows[y] = data + (gsize) y * out->stride;

      png_read_image (s->png, s->rows);
      png_read_end (s->png, s->info);
      take_text (s->png, s->info, out);

      out->pixels = g_steal_pointer (&s->pixels);
    }

  s->ok = TRUE;

out:
  if (s->png != NULL)
    png_destroy_read_struct (&s->png, s->info != NULL ? &s->info : NULL, NULL);
  g_clear_pointer (&s->pixels, g_bytes_unref);
  g_free (s->rows);
  g_free (s->window);
  if (!s->ok)
    vt_thumbnail_png_clear (out);
  return s->ok;
}

gboolean
vt_thumbnail_png_read (const char     *path,
                       int             max_side,
                       gboolean        want_pixels,
                       const char     *uri,
                       const char     *mtime,
                       VtThumbnailPng *out)
{
  struct stat st;
  VtStoredResult result = VT_STORED_FAILED;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (uri != NULL && mtime != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  /* A fifo at a cache path must not block us: no wait on open, regular files only. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    result = vt_thumbnail_png_read_stored (fd, st.st_size, path, max_side, want_pixels, uri, mtime, out);

  if (result == VT_STORED_OTHER)
    {
      vt_thumbnail_png_clear (out);
      memset (out, 0, sizeof *out);
      result = lseek (fd, 0, SEEK_SET) == 0 &&
               read_general (fd, path, max_side, want_pixels, uri, mtime, out)
               ? VT_STORED_OK : VT_STORED_FAILED;
    }
  close (fd);

  if (result != VT_STORED_OK)
    vt_thumbnail_png_clear (out);
  return result == VT_STORED_OK;
}

void
vt_thumbnail_png_clear (VtThumbnailPng *png)
{
  g_clear_pointer (&png->pixels, g_bytes_unref);
  g_clear_pointer (&png->uri, g_free);
  g_clear_pointer (&png->mtime, g_free);
  g_clear_pointer (&png->error, g_free);
}

static void
on_png_write (png_structp png,
              png_bytep   data,
              png_size_t  length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
on_png_flush (png_structp png)
{
}

typedef struct
{
  png_structp png;
  png_infop   info;
  png_textp   text;
  GByteArray *out;
  GBytes     *result;   /* here rather than on the stack: setjmp */
  char        message[256];
} WriteState;

GBytes *
vt_thumbnail_png_encode (const guchar       *pixels,
                         int                 width,
                         int                 height,
                         int                 stride,
                         gboolean            has_alpha,
                         int                 level,
                         const char * const *keys,
                         const char * const *values,
                         GError            **error)
{
  WriteState state = { 0 };
  WriteState *s = &state;
  guint n_text = keys != NULL ? g_strv_length ((char **) keys) : 0;

  g_return_val_if_fail (pixels != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (level == 0)
    return vt_thumbnail_png_encode_stored (pixels, width, height, stride, has_alpha, keys, values);

  s->out = g_byte_array_sized_new (width * height * (has_alpha ? 4 : 3) / (level > 0 ? 2 : 1) + 1024);
  s->text = g_new0 (png_text, MAX (n_text, 1));

  s->png = png_create_write_struct (PNG_LIBPNG_VER_STRING, s->message, on_png_error, on_png_warning);
  if (s->png == NULL)
    goto out;
  s->info = png_create_info_struct (s->png);
  if (s->info == NULL)
    goto out;

  if (setjmp (png_jmpbuf (s->png)))
    {
      /* not translated: libpng's words, read in the debug log only */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "PNG: %s", s->message);
      goto out;
    }

  png_set_write_fn (s->png, s->out, on_png_write, on_png_flush);
  png_set_compression_level (s->png, level);
  png_set_filter (s->png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR (s->png, s->info, width, height, 8,
                has_alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);

  for (guint i = 0; i < n_text; i++)
    {
      s->text[i].key = (char *) keys[i];
      s->text[i].text = (char *) values[i];
      if (vt_thumbnail_png_text_is_ascii (values[i]))
        {
          s->text[i].compression = PNG_TEXT_COMPRESSION_NONE;
          s->text[i].text_length = strlen (values[i]);
        }
      else
        {
          s->text[i].compression = PNG_ITXT_COMPRESSION_NONE;
          s->text[i].itxt_length = strlen (values[i]);
        }
    }
  if (n_text > 0)
    png_set_text (s->png, s->info, s->text, n_text);

  /* Text before the pixels: readers learn whether the file is current
   * without decoding it. */
  png_write_info (s->png, s->info);
  for (int y = 0; y < height; y++)
    png_write_row (s->png, pixels + (gsize) y * stride);
  png_write_end (s->png, NULL);

  s->result = g_byte_array_free_to_bytes (g_steal_pointer (&s->out));

out:
  if (s->png != NULL)
    png_destroy_write_struct (&s->png, s->info != NULL ? &s->info : NULL);
  if (s->out != NULL)
    g_byte_array_unref (s->out);
  g_free (s->text);
  if (s->result == NULL && error != NULL && *error == NULL)
    {
      /* not translated: read in the debug log only */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "PNG: out of memory");
    }
  return s->result;
}
