/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Thumbnail PNGs as Vitrine writes them, stored and not filtered: read and written without libpng. */

/*
 * The thumbnails Vitrine writes at level 0 have their text first, and
 * their pixels stored, neither compressed nor filtered, so reading one
 * is checking each chunk's CRC and copying the rows out of the zlib
 * stream's stored blocks. The whole file is read straight into the
 * memory its pixels will live in, and the rows moved down into place
 * there: one read and one copy, against libpng's inflate, its row
 * buffers and three copies. Any other PNG (compressed, filtered,
 * interlaced, a palette, text after the pixels: what other programs
 * write) is left to libpng (vt-thumbnail-png.c), as is one that is not
 * what its head promised.
 */

#define G_LOG_DOMAIN "vitrine-thumbnailer"

#include "config.h"

#include "vt-thumbnail-png-stored.h"

#include "vt-crc32.h"
#include "vt-pixels.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* Bytes read first: a thumbnail's signature, header and text (the URI
 * of a deep path included), and the start of its pixels. */
#define HEAD_SIZE (16 * 1024)

#define PNG_SIGNATURE "\x89PNG\r\n\x1a\n"

/* Far more than a thumbnail of these rows, stored, could take: past
 * it, a file is not one Vitrine wrote. */
static gsize
largest_stored (gsize width,
                gsize height,
                gsize channels)
{
  return height * (width * channels + 1) * 2 + HEAD_SIZE;
}

static guint32
read_be32 (const guchar *data)
{
  return (guint32) data[0] << 24 | (guint32) data[1] << 16 | (guint32) data[2] << 8 | data[3];
}

/* The chunk at @data, with @available bytes from its start: its data's
 * length, and whether it is whole there and its CRC right. */
static VtStoredResult
check_chunk (const guchar *data,
             gsize         available,
             guint32      *length)
{
  if (available < 12)
    return VT_STORED_FAILED;
  *length = read_be32 (data);
  if (*length > 0x7fffffff || *length > available - 12)
    return VT_STORED_FAILED;
  if (vt_crc32 (0, data + 4, *length + 4) != read_be32 (data + 8 + *length))
    return VT_STORED_FAILED;
  return VT_STORED_OK;
}

/* Takes the text of a tEXt or uncompressed iTXt chunk as libpng's
 * reading would, into the field of its key still empty. */
static VtStoredResult
take_chunk_text (const guchar   *type,
                 const guchar   *data,
                 guint32         length,
                 VtThumbnailPng *out)
{
  const guchar *end = data + length;
  const guchar *key_end = memchr (data, '\0', length);
  const guchar *text;
  char **target = NULL;

  if (key_end == NULL)
    return VT_STORED_OTHER;
  text = key_end + 1;
  if (memcmp (type, "iTXt", 4) == 0)
    {
      /* compression flag and method, language tag, translated keyword */
      if (end - text < 2 || text[0] != 0)
        return VT_STORED_OTHER;
      text += 2;
      for (int i = 0; i < 2; i++)
        {
          const guchar *nul = memchr (text, '\0', end - text);

          if (nul == NULL)
            return VT_STORED_OTHER;
          text = nul + 1;
        }
    }

  if (strcmp ((const char *) data, "Thumb::URI") == 0)
    target = &out->uri;
  else if (strcmp ((const char *) data, "Thumb::MTime") == 0)
    target = &out->mtime;
  else if (strcmp ((const char *) data, "Vitrine::Error") == 0)
    target = &out->error;
  if (target != NULL && *target == NULL)
    *target = g_strndup ((const char *) text, end - text);
  return VT_STORED_OK;
}

/* What the head of a thumbnail tells before its pixels. */
typedef struct
{
  int   channels;
  gsize idat;      /* offset of the first IDAT chunk */
} Head;

/* Reads the signature, the header and the chunks before the pixels in
 * the first @length bytes of a file: VT_STORED_OK once the first IDAT chunk
 * starts there, after nothing but text and chunks a reader may ignore,
 * in an 8-bit RGB or RGBA picture, not interlaced, of at most
 * @max_side pixels a side. */
static VtStoredResult
read_head (const guchar   *data,
           gsize           length,
           int             max_side,
           Head           *head,
           VtThumbnailPng *out)
{
  gsize pos = 8;
  guint32 chunk_length;
  guint32 width, height;
  VtStoredResult result;

  if (length < 8 || memcmp (data, PNG_SIGNATURE, 8) != 0)
    return VT_STORED_OTHER;
  if (length < pos + 12 + 13 || memcmp (data + pos + 4, "IHDR", 4) != 0 ||
      read_be32 (data + pos) != 13)
    return VT_STORED_OTHER;
  if ((result = check_chunk (data + pos, length - pos, &chunk_length)) != VT_STORED_OK)
    return result;

  width = read_be32 (data + pos + 8);
  height = read_be32 (data + pos + 12);
  /* depth 8, RGB or RGBA, compression 0, filter method 0, not interlaced */
  if (data[pos + 16] != 8 || (data[pos + 17] != 2 && data[pos + 17] != 6) ||
      data[pos + 18] != 0 || data[pos + 19] != 0 || data[pos + 20] != 0)
    return VT_STORED_OTHER;
  if (width == 0 || height == 0 || width > (guint32) max_side || height > (guint32) max_side)
    return VT_STORED_FAILED;
  out->width = width;
  out->height = height;
  head->channels = data[pos + 17] == 6 ? 4 : 3;
  pos += 12 + chunk_length;

  for (;;)
    {
      const guchar *type = data + pos + 4;

      if (length - pos < 8)
        return VT_STORED_OTHER;
      if (memcmp (type, "IDAT", 4) == 0)
        break;
      /* A chunk longer than the head: not one of ours. */
      if (length - pos < 12 || read_be32 (data + pos) > length - pos - 12)
        return VT_STORED_OTHER;
      if ((result = check_chunk (data + pos, length - pos, &chunk_length)) != VT_STORED_OK)
        return result;
      if (memcmp (type, "tEXt", 4) == 0 || memcmp (type, "iTXt", 4) == 0)
        {
          if ((result = take_chunk_text (type, data + pos + 8, chunk_length, out)) != VT_STORED_OK)
            return result;
        }
      /* Critical chunks (PLTE, IEND) and text that must be inflated are
       * libpng's; other ancillary chunks change nothing of the pixels read. */
      else if (!(type[0] & 0x20) || memcmp (type, "zTXt", 4) == 0 || memcmp (type, "tRNS", 4) == 0)
        return VT_STORED_OTHER;
      pos += 12 + chunk_length;
    }

  head->idat = pos;
  return VT_STORED_OK;
}

/* Takes the rows out of the zlib stream of stored blocks that the IDAT
 * chunks hold, as its bytes come, into @rows. */
typedef enum
{
  STREAM_HEADER,
  STREAM_BLOCK,
  STREAM_STORED,
  STREAM_CHECKSUM,
  STREAM_DONE,
} StreamStage;

typedef struct
{
  StreamStage stage;
  guchar      header[5];
  guint       n_header;
  gboolean    final;
  gsize       left;        /* bytes of the stored block still to come */
  guchar     *rows;        /* where the next byte of pixels goes */
  gsize       row_bytes;
  gsize       column;      /* 0: the row's filter type comes next */
  guint32     rows_left;
} Stream;

static VtStoredResult
stream_pixels (Stream       *z,
               const guchar *data,
               gsize         length)
{
  while (length > 0)
    {
      gsize take;

      if (z->rows_left == 0)
        return VT_STORED_OTHER;
      if (z->column == 0)
        {
          /* Filtered rows are libpng's. */
          if (data[0] != 0)
            return VT_STORED_OTHER;
          data++;
          length--;
          z->column = 1;
          continue;
        }
      take = MIN (length, z->row_bytes + 1 - z->column);
      /* Never ahead of the bytes read: the rows move down in place. */
      memmove (z->rows, data, take);
      z->rows += take;
      z->column += take;
      data += take;
      length -= take;
      if (z->column == z->row_bytes + 1)
        {
          z->column = 0;
          z->rows_left--;
        }
    }
  return VT_STORED_OK;
}

static VtStoredResult
stream_feed (Stream       *z,
             const guchar *data,
             gsize         length)
{
  while (length > 0)
    {
      gsize needed;
      gsize take;

      switch (z->stage)
        {
        case STREAM_STORED:
          take = MIN (length, z->left);
          if (stream_pixels (z, data, take) != VT_STORED_OK)
            return VT_STORED_OTHER;
          data += take;
          length -= take;
          z->left -= take;
          if (z->left == 0)
            z->stage = z->final ? STREAM_CHECKSUM : STREAM_BLOCK;
          continue;

        case STREAM_DONE:
          return VT_STORED_OTHER;

        case STREAM_HEADER:
          needed = 2;
          break;

        case STREAM_BLOCK:
          needed = 5;
          break;

        case STREAM_CHECKSUM:
        default:
          needed = 4;
          break;
        }

      take = MIN (length, needed - z->n_header);
      memcpy (z->header + z->n_header, data, take);
      z->n_header += take;
      data += take;
      length -= take;
      if (z->n_header < needed)
        continue;
      z->n_header = 0;

      switch (z->stage)
        {
        case STREAM_HEADER:
          /* deflate, no preset dictionary */
          if ((z->header[0] & 0x0f) != 8 || (z->header[0] >> 4) > 7 || (z->header[1] & 0x20) ||
              (z->header[0] << 8 | z->header[1]) % 31 != 0)
            return VT_STORED_OTHER;
          z->stage = STREAM_BLOCK;
          break;

        case STREAM_BLOCK:
          /* A stored block starts on a byte when every block before it
           * is stored: its type, then its length and the length's
           * complement. Compressed blocks are libpng's. */
          if ((z->header[0] & 0x06) != 0 ||
              (z->header[1] | z->header[2] << 8) != (~(z->header[3] | z->header[4] << 8) & 0xffff))
            return VT_STORED_OTHER;
          z->final = z->header[0] & 1;
          z->left = z->header[1] | z->header[2] << 8;
          z->stage = z->left > 0 ? STREAM_STORED : z->final ? STREAM_CHECKSUM : STREAM_BLOCK;
          break;

        case STREAM_CHECKSUM:
        default:
          /* The Adler-32 goes unchecked, as libpng is told: each
           * chunk's CRC already covers the same bytes. */
          z->stage = STREAM_DONE;
          break;
        }
    }
  return VT_STORED_OK;
}

/* Whether the first IDAT chunk, as far as the head holds it, starts a
 * zlib stream whose first block is stored: a compressed thumbnail goes
 * to libpng before it is read in full. */
static gboolean
starts_stored (const guchar *data,
               gsize         length,
               const Head   *head)
{
  const guchar *start = data + head->idat + 8;

  if (length < head->idat + 8 + 3 || read_be32 (data + head->idat) < 3)
    return TRUE;
  return (start[0] & 0x0f) == 8 && !(start[1] & 0x20) && (start[0] << 8 | start[1]) % 31 == 0 &&
         (start[2] & 0x06) == 0;
}

/* The pixels of the whole file in @data, its head read by read_head (),
 * moved down to the start of @data. */
static VtStoredResult
read_stored_pixels (guchar         *data,
                    gsize           length,
                    const Head     *head,
                    VtThumbnailPng *out)
{
  Stream z = { STREAM_HEADER };
  gsize pos = head->idat;
  gboolean idat_done = FALSE;
  VtStoredResult result;

  z.rows = data;
  z.row_bytes = (gsize) out->width * head->channels;
  z.rows_left = out->height;

  for (;;)
    {
      const guchar *type = data + pos + 4;
      guint32 chunk_length;

      if ((result = check_chunk (data + pos, length - pos, &chunk_length)) != VT_STORED_OK)
        return result;
      if (memcmp (type, "IDAT", 4) == 0)
        {
          /* IDAT chunks must follow one another. */
          if (idat_done)
            return VT_STORED_OTHER;
          if ((result = stream_feed (&z, data + pos + 8, chunk_length)) != VT_STORED_OK)
            return result;
        }
      else
        {
          idat_done = TRUE;
          if (memcmp (type, "IEND", 4) == 0)
            break;
          if (memcmp (type, "tEXt", 4) == 0 || memcmp (type, "iTXt", 4) == 0)
            {
              if ((result = take_chunk_text (type, data + pos + 8, chunk_length, out)) != VT_STORED_OK)
                return result;
            }
          else if (!(type[0] & 0x20) || memcmp (type, "zTXt", 4) == 0)
            return VT_STORED_OTHER;
        }
      pos += 12 + chunk_length;
    }

  if (z.stage != STREAM_DONE || z.rows_left > 0)
    return VT_STORED_OTHER;
  out->stride = z.row_bytes;
  out->has_alpha = head->channels == 4;
  out->stored = TRUE;
  return VT_STORED_OK;
}

static gboolean
read_all (int     fd,
          guchar *data,
          gsize   length)
{
  while (length > 0)
    {
      gssize got = read (fd, data, length);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        return FALSE;
      data += got;
      length -= got;
    }
  return TRUE;
}

VtStoredResult
vt_thumbnail_png_read_stored (int             fd,
                              gsize           size,
                              const char     *path,
                              int             max_side,
                              gboolean        want_pixels,
                              const char     *uri,
                              const char     *mtime,
                              VtThumbnailPng *out)
{
  g_autofree guchar *head_buffer = NULL;
  g_autoptr(GBytes) pixels = NULL;
  const guchar *head_data;
  gsize head_length = 0;
  guchar *data = NULL;
  VtStoredResult result;
  Head head = { 0 };

  /* When the pixels are wanted and the file is no larger than a
   * thumbnail of @max_side could be, it is most likely current and
   * ours: read whole at once, straight into the memory its pixels will
   * keep. Otherwise its head first, which tells whether the rest is
   * wanted. */
  if (want_pixels &&
      size <= largest_stored (max_side, max_side, 4))
    {
      pixels = vt_pixels_new (size, &data);
      if (!read_all (fd, data, size))
        {
          g_debug ("Could not read thumbnail %s: file truncated", path);
          return VT_STORED_FAILED;
        }
      head_data = data;
      head_length = size;
    }
  else
    {
      head_buffer = g_malloc (HEAD_SIZE);
      head_data = head_buffer;
      while (head_length < MIN (size, HEAD_SIZE))
        {
          gssize got = read (fd, head_buffer + head_length, MIN (size, HEAD_SIZE) - head_length);

          if (got < 0 && errno == EINTR)
            continue;
          if (got <= 0)
            return VT_STORED_FAILED;
          head_length += got;
        }
    }

  result = read_head (head_data, MIN (head_length, HEAD_SIZE), max_side, &head, out);
  if (result != VT_STORED_OK)
    return result;
  /* Text after the pixels: libpng reads past them to it. */
  if (out->uri == NULL || out->mtime == NULL)
    return VT_STORED_OTHER;
  /* A stale thumbnail is no further read. */
  if (!want_pixels || strcmp (out->uri, uri) != 0 || strcmp (out->mtime, mtime) != 0)
    return VT_STORED_OK;
  if (!starts_stored (head_data, MIN (head_length, HEAD_SIZE), &head) ||
      size > largest_stored (out->width, out->height, head.channels))
    return VT_STORED_OTHER;

  /* The rest of the file, in the memory its pixels keep. */
  if (pixels == NULL)
    {
      pixels = vt_pixels_new (size, &data);
      memcpy (data, head_data, head_length);
      if (!read_all (fd, data + head_length, size - head_length))
        {
          g_debug ("Could not read thumbnail %s: file truncated", path);
          return VT_STORED_FAILED;
        }
    }

  result = read_stored_pixels (data, size, &head, out);
  if (result == VT_STORED_OK)
    out->pixels = g_steal_pointer (&pixels);
  return result;
}

/* ------------------------------------------------------------------ */
/* Writing                                                            */

/* Raw bytes in a stored block at most */
#define STORED_BLOCK_MAX 65535

/* Adler-32, the check of zlib's stream: two sums modulo 65521, reduced
 * only every 5552 bytes, the most that cannot overflow 32 bits. */
static guint32
adler32_update (guint32       adler,
                const guchar *data,
                gsize         length)
{
  guint32 a = adler & 0xffff;
  guint32 b = adler >> 16;

  while (length > 0)
    {
      gsize n = MIN (length, 5552);

      length -= n;
      for (; n >= 4; n -= 4, data += 4)
        {
          a += data[0];
          b += a;
          a += data[1];
          b += a;
          a += data[2];
          b += a;
          a += data[3];
          b += a;
        }
      for (; n > 0; n--)
        {
          a += *data++;
          b += a;
        }
      a %= 65521;
      b %= 65521;
    }
  return b << 16 | a;
}

static void
put_be32 (guchar  *data,
          guint32  value)
{
  data[0] = value >> 24;
  data[1] = value >> 16;
  data[2] = value >> 8;
  data[3] = value;
}

/* The file as it is written, and the zlib stream in its IDAT chunk. */
typedef struct
{
  guchar *p;
  guchar *chunk;       /* the chunk being written */
  gsize   raw_left;    /* bytes of rows (with their filter types) still to come */
  gsize   block_left;  /* of them, in the stored block being written */
  guint32 adler;
} Writer;

static void
begin_chunk (Writer     *w,
             const char *type,
             gsize       length)
{
  w->chunk = w->p;
  put_be32 (w->p, length);
  memcpy (w->p + 4, type, 4);
  w->p += 8;
}

static void
end_chunk (Writer *w)
{
  put_be32 (w->p, vt_crc32 (0, w->chunk + 4, w->p - w->chunk - 4));
  w->p += 4;
}

static void
put (Writer       *w,
     const void   *data,
     gsize         length)
{
  memcpy (w->p, data, length);
  w->p += length;
}

/* Bytes of rows into the stream, in stored blocks. */
static void
put_raw (Writer       *w,
         const guchar *data,
         gsize         length)
{
  w->adler = adler32_update (w->adler, data, length);
  while (length > 0)
    {
      gsize take;

      if (w->block_left == 0)
        {
          gsize size = MIN (w->raw_left, STORED_BLOCK_MAX);
          guchar header[5] = { size == w->raw_left, size & 0xff, size >> 8,
                               ~size & 0xff, (~size >> 8) & 0xff };

          put (w, header, 5);
          w->block_left = size;
        }
      take = MIN (length, w->block_left);
      put (w, data, take);
      data += take;
      length -= take;
      w->block_left -= take;
      w->raw_left -= take;
    }
}

gboolean
vt_thumbnail_png_text_is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

GBytes *
vt_thumbnail_png_encode_stored (const guchar       *pixels,
                                int                 width,
                                int                 height,
                                int                 stride,
                                gboolean            has_alpha,
                                const char * const *keys,
                                const char * const *values)
{
  gsize row_bytes = (gsize) width * (has_alpha ? 4 : 3);
  gsize raw = (row_bytes + 1) * height;
  gsize n_blocks = (raw + STORED_BLOCK_MAX - 1) / STORED_BLOCK_MAX;
  gsize idat = 2 + 5 * n_blocks + raw + 4;
  gsize size = 8 + (12 + 13) + (12 + idat) + 12;
  static const guchar zlib_header[2] = { 0x78, 0x01 };  /* deflate, 32 KB window, level 0 */
  static const guchar no_filter = 0;
  guchar ihdr[13];
  guchar *data;
  Writer w = { NULL };

  g_return_val_if_fail (pixels != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    size += 12 + strlen (keys[i]) + 1 + (vt_thumbnail_png_text_is_ascii (values[i]) ? 0 : 4) + strlen (values[i]);
  data = g_malloc (size);
  w.p = data;

  put (&w, PNG_SIGNATURE, 8);
  put_be32 (ihdr, width);
  put_be32 (ihdr + 4, height);
  ihdr[8] = 8;
  ihdr[9] = has_alpha ? 6 : 2;
  ihdr[10] = ihdr[11] = ihdr[12] = 0;
  begin_chunk (&w, "IHDR", 13);
  put (&w, ihdr, 13);
  end_chunk (&w);

  /* Text before the pixels: readers learn whether the file is current
   * without reading them. Latin-1 in tEXt, so only ASCII; the rest in
   * iTXt, as UTF-8 with neither compression nor language. */
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      gboolean ascii = vt_thumbnail_png_text_is_ascii (values[i]);
      gsize key_length = strlen (keys[i]) + 1;
      gsize value_length = strlen (values[i]);

      begin_chunk (&w, ascii ? "tEXt" : "iTXt", key_length + (ascii ? 0 : 4) + value_length);
      put (&w, keys[i], key_length);
      if (!ascii)
        put (&w, "\0\0\0\0", 4);
      put (&w, values[i], value_length);
      end_chunk (&w);
    }

  begin_chunk (&w, "IDAT", idat);
  put (&w, zlib_header, 2);
  w.raw_left = raw;
  w.adler = 1;
  for (int y = 0; y < height; y++)
    {
      put_raw (&w, &no_filter, 1);
      put_raw (&w, pixels + (gsize) y * stride, row_bytes);
    }
  put_be32 (w.p, w.adler);
  w.p += 4;
  end_chunk (&w);

  begin_chunk (&w, "IEND", 0);
  end_chunk (&w);

  g_assert (w.p == data + size);
  return g_bytes_new_take (data, size);
}
