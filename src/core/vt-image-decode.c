/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening an original image safely and decoding it, in the formats we allow, at reduced size. */

/*
 * Only the formats told by their first bytes in format_loaders are
 * opened: gdk-pixbuf has loaders installed for many more (ani, icns,
 * qtif, tga, xbm, xpm, svg...), which we refuse by name. gdk-pixbuf's
 * loaders decode at full size whatever size is asked for (all but JPEG,
 * which decodes at 1/2, 1/4 or 1/8), so the declared size is checked in
 * size-prepared before anything is decoded, and the rest is scaled here.
 * Everything runs in the thumbnailer's worker threads or in validation,
 * which checks the same header the thumbnailer would decode.
 */

#define G_LOG_DOMAIN "vitrine-thumbnailer"

#include "config.h"

#include "vt-image-decode.h"

#include "vt-thumbnailer.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define MAX_PIXELS            ((gint64) 100 * 1000 * 1000)
#define READ_CHUNK            (64 * 1024)

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

typedef struct
{
  const char *name;
  int         fit;          /* the longer side at most this */
  int         width;        /* as declared by the file */
  int         height;
  Format      format;
  gboolean    header_only;  /* stop once the size is known */
  gboolean    header_done;
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

/* Past its headers and colour table, a BMP's pixels start no further than this. */
#define BMP_MAX_DATA_OFFSET (64 * 1024)

static guint32
read_le32 (const guchar *data)
{
  return data[0] | data[1] << 8 | data[2] << 16 | (guint32) data[3] << 24;
}

/*
 * gdk-pixbuf's BMP loader grows its buffer to the sizes the headers
 * declare before it checks them: 30 bytes can make it ask for 4 GB.
 * Only the info header sizes of the versions it reads, and pixels that
 * start near the headers, get that far.
 */
static gboolean
bmp_header_is_sane (const guchar *data,
                    gsize         length)
{
  guint32 size;

  if (length < 18)
    return FALSE;
  size = read_le32 (data + 14);
  return (size == 12 || size == 16 || size == 40 || size == 52 || size == 56
          || size == 64 || size == 108 || size == 124)
         && read_le32 (data + 10) <= BMP_MAX_DATA_OFFSET;
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
  /* An icon or cursor with at least one picture: a TGA without a
   * colour map starts with the same four bytes, and a count of 0. */
  if (length >= 6 && data[0] == 0 && data[1] == 0 && (data[2] == 1 || data[2] == 2) && data[3] == 0
      && (data[4] != 0 || data[5] != 0))
    return "ICO";
  /* TGA has no signature: a colour-map type, an image type and a pixel depth it allows. */
  if (length >= 18 && data[1] <= 1
      && (data[2] == 1 || data[2] == 2 || data[2] == 3 || data[2] == 9 || data[2] == 10 || data[2] == 11)
      && (data[16] == 8 || data[16] == 15 || data[16] == 16 || data[16] == 24 || data[16] == 32))
    return "TGA";
  if (length >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "ACON", 4) == 0)
    return "ANI";
  if (length >= 4 && memcmp (data, "icns", 4) == 0)
    return "ICNS";
  if (length >= 2 && data[0] == 'P' && data[1] >= '1' && data[1] <= '7')
    return "PNM";
  return NULL;
}

/* The format of the file whose first @length bytes are @data, when it
 * is one we open; else FORMAT_NONE with @error saying what it is. */
static Format
sniff_checked (const guchar  *data,
               gsize          length,
               const char    *name,
               GError       **error)
{
  Format format = sniff_format (data, length);
  const char *refused;

  if (format != FORMAT_NONE)
    return format;

  refused = sniff_refused_format (data, length);
  if (refused != NULL)
    g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_UNSUPPORTED,
                 /* Translators: %s is an image format such as SVG */
                 _("“%s” is in the %s format, which Vitrine does not open (it opens JPEG, PNG, WebP, GIF, BMP and TIFF)"),
                 name, refused);
  else
    g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_UNSUPPORTED,
                 _("“%s” is not an image in a format Vitrine opens (JPEG, PNG, WebP, GIF, BMP or TIFF)"),
                 name);
  return FORMAT_NONE;
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

  if (width <= 0 || height <= 0 || (gint64) width * height > MAX_PIXELS || ctx->header_only)
    {
      /* A size of 0 makes every loader stop before it allocates anything. */
      ctx->too_large = width > 0 && height > 0 && (gint64) width * height > MAX_PIXELS;
      ctx->header_done = ctx->header_only && width > 0 && height > 0 && !ctx->too_large;
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

/* What an image is read from: a file open on @fd, or @data when @fd is -1. */
typedef struct
{
  int           fd;
  const guchar *data;
  gsize         length;
} Source;

static gssize
read_some (Source *source,
           guchar *buffer,
           gsize   size)
{
  gssize n;

  if (source->fd < 0)
    {
      n = MIN (size, source->length);
      if (n > 0)
        memcpy (buffer, source->data, n);
      source->data += n;
      source->length -= n;
      return n;
    }

  do
    n = read (source->fd, buffer, size);
  while (n < 0 && errno == EINTR);

  return n;
}

/*
 * Decodes the image read from @source to fit in a square of ctx->fit, its own
 * orientation applied. Only the formats in format_loaders are opened;
 * dimensions over MAX_PIXELS are refused before anything is decoded.
 * Reads in chunks, checking @cancellable between them.
 */
static GdkPixbuf *
decode (Source        *source,
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

  n = read_some (source, buffer, READ_CHUNK);
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

  format = sniff_checked (buffer, n, ctx->name, error);
  if (format == FORMAT_NONE)
    return NULL;

  if (format == FORMAT_BMP && !bmp_header_is_sane (buffer, n))
    {
      g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_CORRUPT,
                   _("“%s” is damaged or truncated: it holds no picture"), ctx->name);
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
      if (ctx->header_done)
        break;
      n = read_some (source, buffer, READ_CHUNK);
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
  /* The size is known: what the loader says once stopped does not matter. */
  if (ctx->header_done)
    return NULL;

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

static GdkPixbuf *
decode_source (Source        *source,
               const char    *name,
               int            fit,
               int           *width,
               int           *height,
               GCancellable  *cancellable,
               GError       **error)
{
  DecodeContext ctx = { .name = name, .fit = fit };
  GdkPixbuf *pixbuf;

  pixbuf = decode (source, &ctx, cancellable, error);
  if (pixbuf != NULL)
    {
      if (width != NULL)
        *width = ctx.width;
      if (height != NULL)
        *height = ctx.height;
    }
  return pixbuf;
}

GdkPixbuf *
vt_image_decode_fd (int            fd,
                    const char    *name,
                    int            fit,
                    int           *width,
                    int           *height,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Source source = { .fd = fd };

  g_return_val_if_fail (fd >= 0, NULL);
  g_return_val_if_fail (fit > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return decode_source (&source, name, fit, width, height, cancellable, error);
}

GdkPixbuf *
vt_image_decode_data (const guchar  *data,
                      gsize          length,
                      const char    *name,
                      int            fit,
                      int           *width,
                      int           *height,
                      GCancellable  *cancellable,
                      GError       **error)
{
  Source source = { .fd = -1, .data = data, .length = length };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (fit > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return decode_source (&source, name, fit, width, height, cancellable, error);
}

gboolean
vt_image_open (const char   *path,
               const char   *name,
               struct stat  *st,
               int          *out_fd,
               GError      **error)
{
  int saved_errno;
  int fd;

  if (path == NULL)
    {
      g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_UNSUPPORTED,
                   _("“%s” is not a local file"), name);
      return FALSE;
    }

  /* O_NONBLOCK: opening a fifo must not wait for a writer; O_NOCTTY: a
   * terminal named as an image must not become ours. Only a regular
   * file gets past fstat(), so nothing is ever read from either. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_NOT_FOUND,
                     _("“%s” does not exist"), name);
      else if (saved_errno == ELOOP)
        g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_NOT_FOUND,
                     _("“%s” is a symbolic link that leads back to itself, not an image"), name);
      else if (saved_errno == EACCES || saved_errno == EPERM)
        g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_PERMISSION,
                     _("“%s” cannot be read: permission denied"), name);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not open “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, st) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st->st_mode))
    {
      close (fd);
      if (S_ISDIR (st->st_mode))
        g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_NOT_REGULAR,
                     _("“%s” is a folder, not an image"), name);
      else
        g_set_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_NOT_REGULAR,
                     _("“%s” is not a regular file (a pipe, socket or device), not an image"),
                     name);
      return FALSE;
    }

  *out_fd = fd;
  return TRUE;
}

gboolean
vt_image_check_fd (int          fd,
                   const char  *name,
                   int         *width,
                   int         *height,
                   GError     **error)
{
  DecodeContext ctx = { .name = name, .fit = 1, .header_only = TRUE };
  Source source = { .fd = fd };
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (fd >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pixbuf = decode (&source, &ctx, NULL, &local_error);
  g_assert (pixbuf == NULL || !ctx.header_done);
  if (!ctx.header_done)
    {
      if (local_error == NULL)
        g_set_error (&local_error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_CORRUPT,
                     _("“%s” is damaged or truncated: it holds no picture"), name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (width != NULL)
    *width = ctx.width;
  if (height != NULL)
    *height = ctx.height;
  return TRUE;
}

gboolean
vt_image_check_file (const char  *path,
                     const char  *name,
                     int         *width,
                     int         *height,
                     GError     **error)
{
  struct stat st;
  gboolean ok;
  int fd;

  if (!vt_image_open (path, name, &st, &fd, error))
    return FALSE;
  ok = vt_image_check_fd (fd, name, width, height, error);
  close (fd);
  return ok;
}
