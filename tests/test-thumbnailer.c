/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of VtThumbnailer: sizes, both caches, the queue, interchange with the desktop, bad input. */

#include "config.h"

#include "vt-crc32.h"
#include "vt-defaults.h"
#include "vt-pixels.h"
#include "vt-pixels-private.h"
#include "vt-thumbnailer.h"
#include "vt-thumbnailer-private.h"
#include "vt-test-util.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

/* Everything the tests write lives under here; XDG_CACHE_HOME points into it. */
static char *tmp_root;
static char *images_dir;
static guint fixture_counter;

typedef struct
{
  char          *cache_dir;
  VtThumbnailer *thumbnailer;
} Fixture;

/* ------------------------------------------------------------------ */
/* Helpers                                                            */

static char *
image_path (const char *name)
{
  return g_build_filename (images_dir, name, NULL);
}

static GFile *
image_file (const char *name)
{
  g_autofree char *path = image_path (name);

  return g_file_new_for_path (path);
}

/* A picture with detail in it, so JPEG sizes are realistic. */
static GdkPixbuf *
make_picture (int width,
              int height,
              int seed)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * 3;

        p[0] = (x * 255 / width + seed * 40) & 0xff;
        p[1] = (y * 255 / height) & 0xff;
        p[2] = ((x ^ y) + seed * 17) & 0xff;
      }

  return pixbuf;
}

static void
save_picture (const char *name,
              const char *type,
              int         width,
              int         height,
              int         seed)
{
  g_autoptr(GdkPixbuf) pixbuf = make_picture (width, height, seed);
  g_autofree char *path = image_path (name);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_save (pixbuf, path, type, &error, NULL);
  g_assert_no_error (error);
}

static void
write_file (const char   *name,
            const guchar *data,
            gsize         length)
{
  g_autofree char *path = image_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, length, &error);
  g_assert_no_error (error);
}

static guint32
crc32_of (const guchar *data,
          gsize         length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }
  return crc ^ 0xffffffff;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guchar bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, bytes, 4);
}

static void
append_png_chunk (GByteArray   *out,
                  const char   *type,
                  const guchar *data,
                  gsize         length)
{
  g_autoptr(GByteArray) crc_input = g_byte_array_new ();

  append_be32 (out, length);
  g_byte_array_append (crc_input, (const guchar *) type, 4);
  g_byte_array_append (crc_input, data, length);
  g_byte_array_append (out, crc_input->data, crc_input->len);
  append_be32 (out, crc32_of (crc_input->data, crc_input->len));
}

/* A valid PNG of a few dozen bytes whose header declares @width x @height. */
static void
write_huge_png (const char *name,
                guint32     width,
                guint32     height)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GByteArray) ihdr = g_byte_array_new ();
  /* zlib stream, one stored block holding one zero byte, and its Adler-32 */
  static const guchar idat[] = { 0x78, 0x01, 0x01, 0x01, 0x00, 0xfe, 0xff, 0x00,
                                 0x00, 0x01, 0x00, 0x01 };
  static const guchar tail[] = { 8, 2, 0, 0, 0 };

  g_byte_array_append (png, (const guchar *) "\x89PNG\r\n\x1a\n", 8);
  append_be32 (ihdr, width);
  append_be32 (ihdr, height);
  g_byte_array_append (ihdr, tail, sizeof tail);
  append_png_chunk (png, "IHDR", ihdr->data, ihdr->len);
  append_png_chunk (png, "IDAT", idat, sizeof idat);
  append_png_chunk (png, "IEND", NULL, 0);
  write_file (name, png->data, png->len);
}

/* A JPEG 200 x 100 as stored, whose EXIF says "rotate 90° clockwise". */
static void
write_rotated_jpeg (const char *name)
{
  g_autoptr(GdkPixbuf) pixbuf = make_picture (200, 100, 3);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *jpeg = NULL;
  gsize length;
  static const guchar app1[] = {
    0xff, 0xe1, 0x00, 34,
    'E', 'x', 'i', 'f', 0, 0,
    'I', 'I', 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00,   /* TIFF header, IFD at 8 */
    0x01, 0x00,                                       /* one entry */
    0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00,   /* Orientation, SHORT, 1 */
    0x06, 0x00, 0x00, 0x00,                           /* 6: rotate 90° clockwise */
    0x00, 0x00, 0x00, 0x00,                           /* no next IFD */
  };

  gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &length, "jpeg", &error, NULL);
  g_assert_no_error (error);
  g_byte_array_append (out, (const guchar *) jpeg, 2);   /* SOI */
  g_byte_array_append (out, app1, sizeof app1);
  g_byte_array_append (out, (const guchar *) jpeg + 2, length - 2);
  write_file (name, out->data, out->len);
}

static void
copy_image (const char *from,
            const char *to)
{
  g_autofree char *from_path = image_path (from);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (from_path, &data, &length, &error);
  g_assert_no_error (error);
  write_file (to, (const guchar *) data, length);
}

static void
set_mtime (const char *name,
           time_t      when)
{
  g_autofree char *path = image_path (name);
  struct timeval times[2] = { { when, 0 }, { when, 0 } };

  g_assert_cmpint (utimes (path, times), ==, 0);
}

static void
create_fixture_images (void)
{
  g_autofree char *photo = NULL;
  g_autofree char *data = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *noperm = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  static const char xpm[] =
    "/* XPM */\nstatic char *x[] = {\"2 2 1 1\", \"a c #ff0000\", \"aa\", \"aa\"};\n";
  static const char svg[] =
    "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>\n";
  /* Headers declaring 40000 x 40000 (0x9c40), with next to no data */
  static const guchar huge_gif[] = { 'G', 'I', 'F', '8', '9', 'a', 0x40, 0x9c, 0x40, 0x9c, 0x80, 0, 0,
                                     0, 0, 0, 0xff, 0xff, 0xff,
                                     ',', 0, 0, 0, 0, 0x40, 0x9c, 0x40, 0x9c, 0,
                                     2, 2, 0x44, 1, 0, ';' };
  static const guchar huge_bmp[] = { 'B', 'M', 154, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0,
                                     40, 0, 0, 0, 0x40, 0x9c, 0, 0, 0x40, 0x9c, 0, 0, 1, 0, 24, 0,
                                     0, 0, 0, 0, 100, 0, 0, 0, 0x13, 0x0b, 0, 0, 0x13, 0x0b, 0, 0,
                                     0, 0, 0, 0, 0, 0, 0, 0 };
  static const char text[] = "1956 - Hungarian Revolution\nThis is a catalog note, not a picture.\n";
  static const guchar corrupt[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0,
                                    0x01, 0x01, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0, 0x00, 0x03,
                                    0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0xff, 0xd9 };

  save_picture ("photo.jpg", "jpeg", 2048, 1536, 1);
  save_picture ("photo.png", "png", 2048, 1536, 2);
  save_picture ("small.jpg", "jpeg", 100, 80, 4);
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("series-%d.jpg", i);

      save_picture (name, "jpeg", 1024, 768, i);
    }
  write_rotated_jpeg ("rotated.jpg");

  /* Bad input */
  photo = image_path ("photo.jpg");
  g_file_get_contents (photo, &data, &length, &error);
  g_assert_no_error (error);
  write_file ("truncated.jpg", (const guchar *) data, length / 3);
  g_clear_pointer (&data, g_free);
  g_clear_pointer (&photo, g_free);
  photo = image_path ("photo.png");
  g_file_get_contents (photo, &data, &length, &error);
  g_assert_no_error (error);
  write_file ("truncated.png", (const guchar *) data, length / 2);
  write_file ("corrupt.jpg", corrupt, sizeof corrupt);
  write_file ("empty.jpg", (const guchar *) "", 0);
  write_file ("notes.jpg", (const guchar *) text, strlen (text));
  write_file ("icon.xpm", (const guchar *) xpm, strlen (xpm));
  write_file ("drawing.svg", (const guchar *) svg, strlen (svg));
  write_huge_png ("huge.png", 40000, 40000);
  write_file ("huge.gif", huge_gif, sizeof huge_gif);
  write_file ("huge.bmp", huge_bmp, sizeof huge_bmp);

  folder = image_path ("folder.jpg");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  fifo = image_path ("fifo.jpg");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  copy_image ("small.jpg", "noperm.jpg");
  noperm = image_path ("noperm.jpg");
  g_assert_cmpint (g_chmod (noperm, 0000), ==, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("cache-%u", ++fixture_counter);

  fixture->cache_dir = g_build_filename (tmp_root, name, "thumbnails", NULL);
  fixture->thumbnailer = g_object_new (VT_TYPE_THUMBNAILER,
                                       "cache-dir", fixture->cache_dir,
                                       NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->thumbnailer);
  g_free (fixture->cache_dir);
}

typedef struct
{
  GdkPixbuf *picture;
  GError     *error;
  gboolean    done;
} LoadResult;

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  LoadResult *load = data;

  load->picture = vt_thumbnailer_load_finish (VT_THUMBNAILER (object), result, &load->error);
  load->done = TRUE;
}

static GdkPixbuf *
load_sync (VtThumbnailer *thumbnailer,
           const char    *name,
           int            size,
           GError       **error)
{
  g_autoptr(GFile) file = image_file (name);
  LoadResult load = { NULL, NULL, FALSE };

  vt_thumbnailer_load_async (thumbnailer, file, size, NULL, on_loaded_cb, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  /* The thumbnail a load made reaches the disk after the answer: these
   * tests look at the disk cache next. */
  vt_thumbnailer_wait_for_writes (thumbnailer);

  if (load.error != NULL)
    g_propagate_error (error, load.error);
  return load.picture;
}

static VtThumbnailerStats
stats_of (VtThumbnailer *thumbnailer)
{
  VtThumbnailerStats stats;

  vt_thumbnailer_get_stats (thumbnailer, &stats);
  return stats;
}

static GdkPixbuf *
read_thumbnail (VtThumbnailer *thumbnailer,
                const char    *name,
                int            size)
{
  g_autoptr(GFile) file = image_file (name);
  g_autofree char *path = vt_thumbnailer_get_thumbnail_path (thumbnailer, file, size);
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  /* Thumbnails of loads reach the disk after the load: wait for them. */
  stats_of (thumbnailer);
  pixbuf = gdk_pixbuf_new_from_file (path, &error);

  g_assert_no_error (error);
  return pixbuf;
}

static char *
mtime_text (const char *name)
{
  g_autofree char *path = image_path (name);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st.st_mtime);
}

/* ------------------------------------------------------------------ */
/* Loading                                                            */

static void
test_load_jpeg_reduced (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) picture = load_sync (fixture->thumbnailer, "photo.jpg", 256, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (picture), ==, 256);
  g_assert_cmpint (gdk_pixbuf_get_height (picture), ==, 192);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).decodes, ==, 1);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).thumbnails_written, ==, 1);
}

static void
test_load_bucket_sizes (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct { int asked; int width; } cases[] = {
    { 100, 128 }, { 128, 128 }, { 200, 256 }, { 400, 512 }, { 1000, 1024 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) picture = load_sync (fixture->thumbnailer, "photo.png",
                                                 cases[i].asked, &error);

      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (picture), ==, cases[i].width);
      g_assert_cmpint (gdk_pixbuf_get_height (picture), ==, cases[i].width * 3 / 4);
    }
}

static void
test_load_small_original (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) picture = load_sync (fixture->thumbnailer, "small.jpg", 256, &error);

  /* Never enlarged */
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (picture), ==, 100);
  g_assert_cmpint (gdk_pixbuf_get_height (picture), ==, 80);
}

static void
test_load_orientation (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) picture = load_sync (fixture->thumbnailer, "rotated.jpg", 128, &error);
  g_autoptr(GdkPixbuf) thumbnail = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (picture), ==, 64);
  g_assert_cmpint (gdk_pixbuf_get_height (picture), ==, 128);

  /* The disk thumbnail is stored upright too. */
  thumbnail = read_thumbnail (fixture->thumbnailer, "rotated.jpg", 128);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, 64);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), ==, 128);
  g_assert_cmpstr (gdk_pixbuf_get_option (thumbnail, "tEXt::Thumb::Image::Width"), ==, "100");
  g_assert_cmpstr (gdk_pixbuf_get_option (thumbnail, "tEXt::Thumb::Image::Height"), ==, "200");
}

static void
test_load_large_original (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) picture = load_sync (fixture->thumbnailer, "photo.jpg", 1500, &error);
  g_autoptr(GdkPixbuf) again = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (picture), ==, 1500);
  g_assert_cmpint (gdk_pixbuf_get_height (picture), ==, 1125);

  /* Nothing on disk above 1024, but kept in memory */
  g_assert_cmpuint (stats_of (fixture->thumbnailer).thumbnails_written, ==, 0);
  g_assert_false (g_file_test (fixture->cache_dir, G_FILE_TEST_EXISTS));
  again = load_sync (fixture->thumbnailer, "photo.jpg", 1500, &error);
  g_assert_no_error (error);
  g_assert_true (again == picture);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).decodes, ==, 1);
}

/* ------------------------------------------------------------------ */
/* Caches                                                             */

static void
test_cache_memory_hit (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) first = load_sync (fixture->thumbnailer, "photo.jpg", 256, &error);
  g_autoptr(GdkPixbuf) second = load_sync (fixture->thumbnailer, "photo.jpg", 200, &error);

  g_assert_no_error (error);
  g_assert_true (first == second);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).decodes, ==, 1);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).memory_hits, ==, 1);
  /* Rows of 256 RGB pixels, as decoded from the JPEG. */
  g_assert_cmpuint (gdk_pixbuf_get_rowstride (first), ==, 256 * 3);
  g_assert_cmpuint (vt_thumbnailer_get_memory_used (fixture->thumbnailer), ==, 256 * 3 * 192);
}

/* A load answers before its thumbnail is on disk (the write ends with
 * an fsync), and a thumbnailer that goes away first writes what it was
 * handed: the next start finds it. */
static void
test_cache_written_after_answer (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(VtThumbnailer) thumbnailer = g_object_new (VT_TYPE_THUMBNAILER,
                                                       "cache-dir", fixture->cache_dir, NULL);
  g_autoptr(VtThumbnailer) next = NULL;
  g_autoptr(GFile) file = image_file ("photo.jpg");
  g_autoptr(GdkPixbuf) again = NULL;
  g_autoptr(GError) error = NULL;
  LoadResult load = { NULL, NULL, FALSE };

  vt_thumbnailer_load_async (thumbnailer, file, 256, NULL, on_loaded_cb, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (load.error);
  g_clear_object (&load.picture);

  g_clear_object (&thumbnailer);
  next = g_object_new (VT_TYPE_THUMBNAILER, "cache-dir", fixture->cache_dir, NULL);
  again = load_sync (next, "photo.jpg", 256, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats_of (next).decodes, ==, 0);
  g_assert_cmpuint (stats_of (next).disk_hits, ==, 1);
}

static void
test_cache_disk_hit (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) first = load_sync (fixture->thumbnailer, "photo.png", 256, &error);
  g_autoptr(VtThumbnailer) other = NULL;
  g_autoptr(GdkPixbuf) second = NULL;

  g_assert_no_error (error);
  vt_thumbnailer_wait_for_writes (fixture->thumbnailer);

  /* A new thumbnailer, as at the next start: empty memory, same disk cache */
  other = g_object_new (VT_TYPE_THUMBNAILER, "cache-dir", fixture->cache_dir, NULL);
  second = load_sync (other, "photo.png", 256, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (second), ==, 256);
  g_assert_cmpuint (stats_of (other).decodes, ==, 0);
  g_assert_cmpuint (stats_of (other).disk_hits, ==, 1);
}

/* A thumbnail damaged on disk, in its pixels or in its text, fails its
 * chunk's CRC: it is made again from the original, not shown. */
static void
test_cache_damaged_remade (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *chunks[] = { "IDAT", "tEXt" };
  g_autoptr(GFile) file = image_file ("photo.png");
  g_autofree char *path = vt_thumbnailer_get_thumbnail_path (fixture->thumbnailer, file, 256);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) first = load_sync (fixture->thumbnailer, "photo.png", 256, &error);

  g_assert_no_error (error);
  vt_thumbnailer_wait_for_writes (fixture->thumbnailer);

  for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      g_autoptr(VtThumbnailer) damaged = NULL;
      g_autoptr(VtThumbnailer) again = NULL;
      g_autoptr(GdkPixbuf) remade = NULL;
      g_autoptr(GdkPixbuf) hit = NULL;
      g_autofree char *bytes = NULL;
      gsize length;
      char *chunk = NULL;

      g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
      for (gsize at = 8; chunk == NULL && at + 4 <= length; at++)
        if (memcmp (bytes + at, chunks[i], 4) == 0)
          chunk = bytes + at;
      g_assert_nonnull (chunk);
      /* A byte of the chunk's data, past the text's key if it is text */
      chunk[4 + 12] ^= 0x20;
      g_assert_true (g_file_set_contents (path, bytes, length, NULL));

      damaged = g_object_new (VT_TYPE_THUMBNAILER, "cache-dir", fixture->cache_dir, NULL);
      remade = load_sync (damaged, "photo.png", 256, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (remade), ==, gdk_pixbuf_get_width (first));
      g_assert_cmpuint (stats_of (damaged).disk_hits, ==, 0);
      g_assert_cmpuint (stats_of (damaged).decodes, ==, 1);
      g_assert_cmpuint (stats_of (damaged).thumbnails_written, ==, 1);

      /* Written whole again: a hit at the next start */
      again = g_object_new (VT_TYPE_THUMBNAILER, "cache-dir", fixture->cache_dir, NULL);
      hit = load_sync (again, "photo.png", 256, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (stats_of (again).disk_hits, ==, 1);
      g_assert_cmpmem (gdk_pixbuf_read_pixels (hit), gdk_pixbuf_get_byte_length (hit),
                       gdk_pixbuf_read_pixels (first), gdk_pixbuf_get_byte_length (first));
    }
}

/* The CRC-32 of any length at any alignment, against its definition
 * a bit at a time, whole or in pieces. */
static void
test_png_crc32 (void)
{
  gsize size = 70000;
  g_autofree guchar *bytes = g_malloc (size);
  guint32 seed = 12345;

  for (gsize i = 0; i < size; i++)
    {
      seed = seed * 1103515245 + 12345;
      bytes[i] = seed >> 16;
    }

  for (gsize offset = 0; offset < 16; offset++)
    for (gsize length = 0; length <= size - offset; length += length < 600 ? 1 : 4999)
      {
        guint32 expected = 0xffffffff;
        guint32 pieces;
        gsize half = length / 3;

        for (gsize i = 0; i < length; i++)
          {
            expected ^= bytes[offset + i];
            for (int k = 0; k < 8; k++)
              expected = expected & 1 ? (expected >> 1) ^ 0xedb88320 : expected >> 1;
          }
        expected = ~expected;

        g_assert_cmphex (vt_crc32 (0, bytes + offset, length), ==, expected);
        pieces = vt_crc32 (0, bytes + offset, half);
        pieces = vt_crc32 (pieces, bytes + offset + half, length - half);
        g_assert_cmphex (pieces, ==, expected);
      }

  /* The check value of the standard */
  g_assert_cmphex (vt_crc32 (0, (const guchar *) "123456789", 9), ==, 0xcbf43926);
}

static void
test_cache_stale (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) first = NULL;
  g_autoptr(GdkPixbuf) second = NULL;
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autofree char *mtime = NULL;

  copy_image ("series-0.jpg", "changing.jpg");
  set_mtime ("changing.jpg", 1000000000);
  first = load_sync (fixture->thumbnailer, "changing.jpg", 128, &error);
  g_assert_no_error (error);

  /* The file changes: the same picture shows the new content */
  copy_image ("series-1.jpg", "changing.jpg");
  set_mtime ("changing.jpg", 1000000100);
  second = load_sync (fixture->thumbnailer, "changing.jpg", 128, &error);
  g_assert_no_error (error);
  g_assert_true (first != second);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).decodes, ==, 2);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).disk_hits, ==, 0);

  thumbnail = read_thumbnail (fixture->thumbnailer, "changing.jpg", 128);
  g_assert_cmpstr (gdk_pixbuf_get_option (thumbnail, "tEXt::Thumb::MTime"), ==, "1000000100");
}

static void
test_cache_spec_thumbnail (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) file = image_file ("photo.jpg");
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *path = vt_thumbnailer_get_thumbnail_path (fixture->thumbnailer, file, 256);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, uri, -1);
  g_autofree char *expected = NULL;
  g_autofree char *mtime = mtime_text ("photo.jpg");
  g_autofree char *basename = g_strconcat (md5, ".png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) picture = load_sync (fixture->thumbnailer, "photo.jpg", 256, &error);
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autoptr(GDir) dir = NULL;
  GStatBuf st;

  g_assert_no_error (error);

  expected = g_strdup_printf ("%s/large/%s.png", fixture->cache_dir, md5);
  g_assert_cmpstr (path, ==, expected);

  thumbnail = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, 256);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), ==, 192);
  g_assert_cmpstr (gdk_pixbuf_get_option (thumbnail, "tEXt::Thumb::URI"), ==, uri);
  g_assert_cmpstr (gdk_pixbuf_get_option (thumbnail, "tEXt::Thumb::MTime"), ==, mtime);
  g_assert_cmpstr (gdk_pixbuf_get_option (thumbnail, "tEXt::Thumb::Image::Width"), ==, "2048");
  g_assert_cmpstr (gdk_pixbuf_get_option (thumbnail, "tEXt::Thumb::Image::Height"), ==, "1536");
  g_assert_nonnull (gdk_pixbuf_get_option (thumbnail, "tEXt::Software"));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (fixture->cache_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* No temporary file left behind */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, basename);
  g_assert_null (g_dir_read_name (dir));
}

/* Nautilus asks GIO whether a thumbnail is valid: ours must pass. */
static void
test_interchange_gio_validates_ours (void)
{
  g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), "thumbnails", NULL);
  g_autoptr(VtThumbnailer) thumbnailer = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) picture = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *expected = NULL;

  /* The default cache folder follows $XDG_CACHE_HOME, set by main() */
  g_assert_true (g_str_has_prefix (cache_dir, tmp_root));
  thumbnailer = vt_thumbnailer_new ();
  copy_image ("series-2.jpg", "for-gio.jpg");
  picture = load_sync (thumbnailer, "for-gio.jpg", 256, &error);
  g_assert_no_error (error);

  file = image_file ("for-gio.jpg");
  expected = vt_thumbnailer_get_thumbnail_path (thumbnailer, file, 256);
  g_assert_true (g_str_has_prefix (expected, cache_dir));
  info = g_file_query_info (file, "thumbnail::*", G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_file_info_get_attribute_byte_string (info, G_FILE_ATTRIBUTE_THUMBNAIL_PATH),
                   ==, expected);
  g_assert_true (g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_THUMBNAIL_IS_VALID));
  g_assert_false (g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_THUMBNAILING_FAILED));
}

static gboolean
run_desktop_thumbnailer (const char *name,
                         const char *output)
{
  g_autofree char *program = g_find_program_in_path ("gdk-pixbuf-thumbnailer");
  g_autoptr(GFile) file = image_file (name);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;
  int status = -1;
  const char *argv[] = { NULL, "-s", "256", NULL, NULL, NULL };

  if (program == NULL)
    return FALSE;
  argv[0] = program;
  argv[3] = uri;
  argv[4] = output;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

/*
 * gdk-pixbuf-thumbnailer writes a bare PNG (it has no text chunks); the
 * desktop's thumbnail factory then saves it at the spec path with
 * Thumb::URI and Thumb::MTime. A thumbnail made that way is taken as is.
 */
static void
test_interchange_desktop_made (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GFile) file = image_file ("photo.jpg");
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *mtime = mtime_text ("photo.jpg");
  g_autofree char *path = vt_thumbnailer_get_thumbnail_path (fixture->thumbnailer, file, 256);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *bare = g_build_filename (fixture->cache_dir, "bare.png", NULL);
  g_autoptr(GdkPixbuf) made = NULL;
  g_autoptr(GdkPixbuf) picture = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  if (!run_desktop_thumbnailer ("photo.jpg", bare))
    {
      g_test_skip ("gdk-pixbuf-thumbnailer is not installed");
      return;
    }

  made = gdk_pixbuf_new_from_file (bare, &error);
  g_assert_no_error (error);
  g_assert_null (gdk_pixbuf_get_option (made, "tEXt::Thumb::URI"));
  gdk_pixbuf_save (made, path, "png", &error,
                   "tEXt::Thumb::URI", uri, "tEXt::Thumb::MTime", mtime,
                   "tEXt::Software", "GNOME::ThumbnailFactory", NULL);
  g_assert_no_error (error);

  picture = load_sync (fixture->thumbnailer, "photo.jpg", 256, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (picture), ==, gdk_pixbuf_get_width (made));
  g_assert_cmpuint (stats_of (fixture->thumbnailer).decodes, ==, 0);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).disk_hits, ==, 1);
}

/* The bare PNG put at the spec path says nothing of what it shows: remade. */
static void
test_interchange_bare_png_remade (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GFile) file = image_file ("photo.jpg");
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *path = vt_thumbnailer_get_thumbnail_path (fixture->thumbnailer, file, 256);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autoptr(GdkPixbuf) picture = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  if (!run_desktop_thumbnailer ("photo.jpg", path))
    {
      g_test_skip ("gdk-pixbuf-thumbnailer is not installed");
      return;
    }

  picture = load_sync (fixture->thumbnailer, "photo.jpg", 256, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).decodes, ==, 1);
  thumbnail = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gdk_pixbuf_get_option (thumbnail, "tEXt::Thumb::URI"), ==, uri);
}

static void
test_cache_failure_record (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *record_path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GdkPixbuf) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) picture = NULL;
  g_autoptr(VtThumbnailer) other = NULL;

  copy_image ("corrupt.jpg", "broken.jpg");
  set_mtime ("broken.jpg", 1100000000);
  file = image_file ("broken.jpg");
  uri = g_file_get_uri (file);

  picture = load_sync (fixture->thumbnailer, "broken.jpg", 128, &error);
  g_assert_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_CORRUPT);
  g_clear_error (&error);

  record_path = vt_thumbnailer_get_failure_path (fixture->thumbnailer, file);
  g_assert_true (g_str_has_prefix (record_path, fixture->cache_dir));
  g_assert_nonnull (strstr (record_path, "/fail/vitrine-" PACKAGE_VERSION "/"));
  record = gdk_pixbuf_new_from_file (record_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gdk_pixbuf_get_option (record, "tEXt::Thumb::URI"), ==, uri);
  g_assert_cmpstr (gdk_pixbuf_get_option (record, "tEXt::Thumb::MTime"), ==, "1100000000");

  /* At the next start: not decoded again, and the reason is still told */
  other = g_object_new (VT_TYPE_THUMBNAILER, "cache-dir", fixture->cache_dir, NULL);
  picture = load_sync (other, "broken.jpg", 256, &error);
  g_assert_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_FAILED_BEFORE);
  g_assert_nonnull (strstr (error->message, "broken.jpg"));
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_cmpuint (stats_of (other).decodes, ==, 0);
  g_clear_error (&error);

  /* The file was replaced: the record no longer applies */
  copy_image ("small.jpg", "broken.jpg");
  set_mtime ("broken.jpg", 1100000200);
  picture = load_sync (other, "broken.jpg", 256, &error);
  g_assert_no_error (error);
  g_assert_nonnull (picture);
  g_assert_cmpuint (stats_of (other).decodes, ==, 1);
}

/* An empty file is as bad as any other and as lasting: recorded too. */
static void
test_cache_failure_record_empty (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) picture = NULL;
  g_autoptr(VtThumbnailer) other = NULL;

  picture = load_sync (fixture->thumbnailer, "empty.jpg", 128, &error);
  g_assert_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).failures_written, ==, 1);

  other = g_object_new (VT_TYPE_THUMBNAILER, "cache-dir", fixture->cache_dir, NULL);
  picture = load_sync (other, "empty.jpg", 128, &error);
  g_assert_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_FAILED_BEFORE);
  g_assert_nonnull (strstr (error->message, "empty (0 bytes)"));
  g_assert_cmpuint (stats_of (other).decodes, ==, 0);
}

static char *
make_aged_file (const char *folder,
                const char *name,
                gint64      age)
{
  char *path = g_build_filename (folder, name, NULL);
  time_t when = time (NULL) - age;
  struct timeval times[2] = { { when, 0 }, { when, 0 } };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "half a thumbnail", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (utimes (path, times), ==, 0);
  return path;
}

/* A run killed between writing a thumbnail and renaming it leaves its
 * temporary file: the next write in that folder removes those older
 * than an hour (younger ones may be another process's write), once. */
static void
test_cache_orphans_removed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = image_file ("small.jpg");
  g_autofree char *thumbnail = vt_thumbnailer_get_thumbnail_path (fixture->thumbnailer, file, 128);
  g_autofree char *folder = g_path_get_dirname (thumbnail);
  g_autofree char *orphan = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *not_ours = NULL;
  g_autofree char *png = NULL;
  g_autofree char *later = NULL;
  g_autoptr(GdkPixbuf) picture = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  orphan = make_aged_file (folder, ".0123456789abcdef0123456789abcdef.png.saving", 2 * 3600);
  fresh = make_aged_file (folder, ".fedcba9876543210fedcba9876543210.png.saving", 60);
  not_ours = make_aged_file (folder, "0123456789abcdef0123456789abcdef.png.Ab12Cd", 2 * 3600);
  png = make_aged_file (folder, "0123456789abcdef0123456789abcdef.png", 2 * 3600);

  picture = load_sync (fixture->thumbnailer, "small.jpg", 128, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).thumbnails_written, ==, 1);
  g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (not_ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));

  /* Written through the atomic writer: private, and nothing left beside it. */
  g_assert_cmpint (g_stat (thumbnail, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* Once per folder: the next write does not list it again. */
  later = make_aged_file (folder, ".00000000000000000000000000000000.png.saving", 2 * 3600);
  g_clear_object (&picture);
  picture = load_sync (fixture->thumbnailer, "photo.jpg", 128, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).thumbnails_written, ==, 2);
  g_assert_true (g_file_test (later, G_FILE_TEST_EXISTS));
}

typedef struct
{
  gboolean           done;
  gboolean           ok;
  VtThumbnailOutcome outcome;
  GError            *error;
} EnsureResult;

static EnsureResult ensure_sync (VtThumbnailer *thumbnailer,
                                 const char    *name,
                                 int            size);

static void
test_cache_unwritable (void)
{
  g_autofree char *cache_dir = g_build_filename (tmp_root, "cache-is-a-file", NULL);
  g_autoptr(VtThumbnailer) thumbnailer = NULL;
  g_autoptr(GdkPixbuf) picture = NULL;
  g_autoptr(GdkPixbuf) again = NULL;
  g_autoptr(GError) error = NULL;
  EnsureResult ensure;

  /* mkdir fails under a regular file, even for root */
  g_file_set_contents (cache_dir, "not a folder", -1, &error);
  g_assert_no_error (error);
  thumbnailer = g_object_new (VT_TYPE_THUMBNAILER, "cache-dir", cache_dir, NULL);

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("series-%d.jpg", i);

      g_clear_object (&picture);
      picture = load_sync (thumbnailer, name, 256, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (picture), ==, 256);
    }
  g_assert_cmpuint (stats_of (thumbnailer).thumbnails_written, ==, 0);
  g_assert_true (g_file_test (cache_dir, G_FILE_TEST_IS_REGULAR));

  /* Still cached in memory */
  again = load_sync (thumbnailer, "series-2.jpg", 256, &error);
  g_assert_true (again == picture);

  /* vitrine-cli's ensure says why it could not */
  ensure = ensure_sync (thumbnailer, "series-3.jpg", 256);
  g_assert_false (ensure.ok);
  g_assert_error (ensure.error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (ensure.error->message, cache_dir));
  g_assert_nonnull (strstr (ensure.error->message, "series-3.jpg"));
  g_clear_error (&ensure.error);
}

static void
on_ensured_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  EnsureResult *ensure = data;

  ensure->ok = vt_thumbnailer_ensure_finish (VT_THUMBNAILER (object), result,
                                             &ensure->outcome, &ensure->error);
  ensure->done = TRUE;
}

static EnsureResult
ensure_sync (VtThumbnailer *thumbnailer,
             const char    *name,
             int            size)
{
  g_autoptr(GFile) file = image_file (name);
  EnsureResult ensure = { FALSE, FALSE, 0, NULL };

  vt_thumbnailer_ensure_async (thumbnailer, file, size, NULL, on_ensured_cb, &ensure);
  while (!ensure.done)
    g_main_context_iteration (NULL, TRUE);
  return ensure;
}

static void
test_cache_ensure (Fixture       *fixture,
                   gconstpointer  data)
{
  EnsureResult first = ensure_sync (fixture->thumbnailer, "series-3.jpg", 512);
  EnsureResult second = ensure_sync (fixture->thumbnailer, "series-3.jpg", 512);
  EnsureResult broken = ensure_sync (fixture->thumbnailer, "notes.jpg", 512);
  g_autoptr(GdkPixbuf) thumbnail = NULL;

  g_assert_no_error (first.error);
  g_assert_true (first.ok);
  g_assert_cmpint (first.outcome, ==, VT_THUMBNAIL_MADE);
  g_assert_no_error (second.error);
  g_assert_cmpint (second.outcome, ==, VT_THUMBNAIL_FOUND);
  g_assert_false (broken.ok);
  g_assert_error (broken.error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_UNSUPPORTED);
  g_clear_error (&broken.error);

  thumbnail = read_thumbnail (fixture->thumbnailer, "series-3.jpg", 512);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, 512);
  g_assert_cmpuint (vt_thumbnailer_get_memory_used (fixture->thumbnailer), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Memory                                                             */

static void
test_memory_bound (Fixture       *fixture,
                   gconstpointer  data)
{
  const gsize one = 256 * 3 * 192;   /* rows of 256 RGB pixels */

  vt_thumbnailer_set_memory_limit (fixture->thumbnailer, one * 2 + one / 2);
  g_assert_cmpuint (vt_thumbnailer_get_memory_limit (fixture->thumbnailer), ==, one * 2 + one / 2);

  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("series-%d.jpg", i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) picture = load_sync (fixture->thumbnailer, name, 256, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (vt_thumbnailer_get_memory_used (fixture->thumbnailer), <=, one * 2 + one / 2);
    }
  g_assert_cmpuint (vt_thumbnailer_get_memory_used (fixture->thumbnailer), ==, one * 2);

  /* Lowering the limit drops pictures at once */
  vt_thumbnailer_set_memory_limit (fixture->thumbnailer, one);
  g_assert_cmpuint (vt_thumbnailer_get_memory_used (fixture->thumbnailer), ==, one);
}

static void
test_memory_least_recent_out (Fixture       *fixture,
                              gconstpointer  data)
{
  const gsize one = 256 * 3 * 192;   /* rows of 256 RGB pixels */
  const char *order[] = { "series-0.jpg", "series-1.jpg", "series-0.jpg", "series-2.jpg",
                          "series-0.jpg", "series-1.jpg" };

  vt_thumbnailer_set_memory_limit (fixture->thumbnailer, one * 2);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) picture = load_sync (fixture->thumbnailer, order[i], 256, &error);

      g_assert_no_error (error);
    }

  /* series-0 was used again before series-2 came, so series-1 went out */
  g_assert_cmpuint (stats_of (fixture->thumbnailer).memory_hits, ==, 2);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).disk_hits, ==, 1);
}

/* What the screen shows bounds the memory below the limit, and only
 * while it is told. */
static void
test_memory_screenful (Fixture       *fixture,
                       gconstpointer  data)
{
  const gsize one = 256 * 3 * 192;   /* rows of 256 RGB pixels */
  const gsize screenful = 256 * 256 * 3;

  vt_thumbnailer_set_memory_limit (fixture->thumbnailer, one * 100);
  vt_thumbnailer_set_screenful (fixture->thumbnailer, 1, 200);
  g_assert_cmpuint (vt_thumbnailer_get_memory_limit (fixture->thumbnailer), ==, one * 100);
  g_assert_cmpuint (vt_thumbnailer_get_memory_bound (fixture->thumbnailer), ==,
                    screenful * VT_THUMBNAIL_MEMORY_SCREENS);

  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("series-%d.jpg", i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) picture = load_sync (fixture->thumbnailer, name, 256, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (vt_thumbnailer_get_memory_used (fixture->thumbnailer), <=,
                        screenful * VT_THUMBNAIL_MEMORY_SCREENS);
    }
  g_assert_cmpuint (vt_thumbnailer_get_memory_used (fixture->thumbnailer), >, 0);

  /* A limit below the screen's wins */
  vt_thumbnailer_set_memory_limit (fixture->thumbnailer, one);
  g_assert_cmpuint (vt_thumbnailer_get_memory_bound (fixture->thumbnailer), ==, one);
  g_assert_cmpuint (vt_thumbnailer_get_memory_used (fixture->thumbnailer), <=, one);

  /* Lifted, the limit alone bounds it */
  vt_thumbnailer_set_memory_limit (fixture->thumbnailer, one * 100);
  vt_thumbnailer_set_screenful (fixture->thumbnailer, 0, 0);
  g_assert_cmpuint (vt_thumbnailer_get_memory_bound (fixture->thumbnailer), ==, one * 100);
}

static void
on_loaded_unkept_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GdkPixbuf **picture = user_data;
  g_autoptr(GError) error = NULL;

  *picture = vt_thumbnailer_load_finish (VT_THUMBNAILER (source), result, &error);
  g_assert_no_error (error);
}

/* A load that asks not to be kept is served, and not kept; a kept
 * picture still serves it. */
static void
test_memory_unkept (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = image_file ("photo.jpg");
  g_autoptr(GdkPixbuf) unkept = NULL;
  g_autoptr(GdkPixbuf) kept = NULL;
  g_autoptr(GdkPixbuf) again = NULL;
  g_autoptr(GError) error = NULL;

  vt_thumbnailer_load_full_async (fixture->thumbnailer, file, 256, VT_THUMBNAILER_LOAD_UNKEPT,
                                  NULL, on_loaded_unkept_cb, &unkept);
  while (unkept == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gdk_pixbuf_get_width (unkept), ==, 256);
  g_assert_cmpuint (vt_thumbnailer_get_memory_used (fixture->thumbnailer), ==, 0);

  kept = load_sync (fixture->thumbnailer, "photo.jpg", 256, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vt_thumbnailer_get_memory_used (fixture->thumbnailer), ==, 256 * 3 * 192);

  vt_thumbnailer_load_full_async (fixture->thumbnailer, file, 256, VT_THUMBNAILER_LOAD_UNKEPT,
                                  NULL, on_loaded_unkept_cb, &again);
  while (again == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (again == kept);
}

/* ------------------------------------------------------------------ */
/* The queue                                                          */

typedef struct
{
  GPtrArray *order;
  guint      pending;
} OrderState;

typedef struct
{
  OrderState *state;
  char       *name;
} OrderRequest;

static void
on_order_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      data)
{
  OrderRequest *request = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) picture = vt_thumbnailer_load_finish (VT_THUMBNAILER (object),
                                                              result, &error);

  g_assert_no_error (error);
  g_ptr_array_add (request->state->order, request->name);
  request->state->pending--;
  g_free (request);
}

static void
test_queue_newest_first (void)
{
  g_autofree char *cache_dir = g_build_filename (tmp_root, "cache-order", NULL);
  g_autoptr(VtThumbnailer) thumbnailer = g_object_new (VT_TYPE_THUMBNAILER,
                                                       "cache-dir", cache_dir,
                                                       "threads", 1,
                                                       NULL);
  OrderState state = { g_ptr_array_new_with_free_func (g_free), 0 };

  vt_thumbnailer_set_paused (thumbnailer, TRUE);
  for (int i = 0; i < 5; i++)
    {
      OrderRequest *request = g_new0 (OrderRequest, 1);
      g_autoptr(GFile) file = NULL;

      request->state = &state;
      request->name = g_strdup_printf ("series-%d.jpg", i);
      file = image_file (request->name);
      vt_thumbnailer_load_async (thumbnailer, file, 128, NULL, on_order_loaded_cb, request);
      state.pending++;
    }
  vt_thumbnailer_set_paused (thumbnailer, FALSE);
  while (state.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  /* The tile scrolled to last is served first */
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *expected = g_strdup_printf ("series-%d.jpg", 4 - i);

      g_assert_cmpstr (state.order->pdata[i], ==, expected);
    }
  g_ptr_array_unref (state.order);
}

static void
test_queue_cancel_before_start (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = image_file ("photo.jpg");
  g_autoptr(GdkPixbuf) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *thumbnail = NULL;
  LoadResult load = { NULL, NULL, FALSE };

  vt_thumbnailer_set_paused (fixture->thumbnailer, TRUE);
  vt_thumbnailer_load_async (fixture->thumbnailer, file, 256, cancellable, on_loaded_cb, &load);
  g_cancellable_cancel (cancellable);

  /* Completed while the workers are still paused: it never waits for them */
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (load.picture);
  g_clear_error (&load.error);

  vt_thumbnailer_set_paused (fixture->thumbnailer, FALSE);
  other = load_sync (fixture->thumbnailer, "small.jpg", 128, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).decodes, ==, 1);
  thumbnail = vt_thumbnailer_get_thumbnail_path (fixture->thumbnailer, file, 256);
  g_assert_false (g_file_test (thumbnail, G_FILE_TEST_EXISTS));
}

/* Two requests for one file at one size at once (two tiles of one
 * picture, the grid and the detail window): decoded once, both served. */
static void
test_queue_same_file_decoded_once (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GFile) file = image_file ("photo.jpg");
  LoadResult first = { NULL, NULL, FALSE };
  LoadResult second = { NULL, NULL, FALSE };

  vt_thumbnailer_set_paused (fixture->thumbnailer, TRUE);
  /* Above the disk cache's sizes: nothing but the coalescing saves a decode. */
  vt_thumbnailer_load_async (fixture->thumbnailer, file, 1500, NULL, on_loaded_cb, &first);
  vt_thumbnailer_load_async (fixture->thumbnailer, file, 1500, NULL, on_loaded_cb, &second);
  vt_thumbnailer_set_paused (fixture->thumbnailer, FALSE);
  while (!first.done || !second.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (first.error);
  g_assert_no_error (second.error);
  g_assert_true (first.picture == second.picture);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).decodes, ==, 1);
  g_clear_object (&first.picture);
  g_clear_object (&second.picture);
}

/* Cancelling the request that started the work cancels only that one:
 * the other still gets its picture, from the one decode. */
static void
test_queue_same_file_cancel_one (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GCancellable) first_cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) second_cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = image_file ("photo.jpg");
  LoadResult first = { NULL, NULL, FALSE };
  LoadResult second = { NULL, NULL, FALSE };

  vt_thumbnailer_set_paused (fixture->thumbnailer, TRUE);
  vt_thumbnailer_load_async (fixture->thumbnailer, file, 1500, first_cancellable, on_loaded_cb, &first);
  vt_thumbnailer_load_async (fixture->thumbnailer, file, 1500, second_cancellable, on_loaded_cb, &second);
  g_cancellable_cancel (first_cancellable);

  /* The cancelled one at once, without waiting for the workers */
  while (!first.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (second.done);

  vt_thumbnailer_set_paused (fixture->thumbnailer, FALSE);
  while (!second.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (second.error);
  g_assert_nonnull (second.picture);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).decodes, ==, 1);
  g_clear_error (&first.error);
  g_clear_object (&second.picture);
}

/* When every request for it is cancelled, the file is not decoded at all;
 * a request after that starts afresh. */
static void
test_queue_same_file_cancel_all (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = image_file ("photo.jpg");
  g_autoptr(GdkPixbuf) picture = NULL;
  g_autoptr(GError) error = NULL;
  LoadResult first = { NULL, NULL, FALSE };
  LoadResult second = { NULL, NULL, FALSE };

  vt_thumbnailer_set_paused (fixture->thumbnailer, TRUE);
  vt_thumbnailer_load_async (fixture->thumbnailer, file, 256, cancellable, on_loaded_cb, &first);
  vt_thumbnailer_load_async (fixture->thumbnailer, file, 256, cancellable, on_loaded_cb, &second);
  g_cancellable_cancel (cancellable);
  while (!first.done || !second.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&first.error);
  g_clear_error (&second.error);

  vt_thumbnailer_set_paused (fixture->thumbnailer, FALSE);
  picture = load_sync (fixture->thumbnailer, "photo.jpg", 256, &error);
  g_assert_no_error (error);
  g_assert_nonnull (picture);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).decodes, ==, 1);
}

static void
test_queue_cancel_already (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = image_file ("photo.jpg");
  LoadResult load = { NULL, NULL, FALSE };

  g_cancellable_cancel (cancellable);
  vt_thumbnailer_load_async (fixture->thumbnailer, file, 256, cancellable, on_loaded_cb, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&load.error);
  g_assert_cmpuint (stats_of (fixture->thumbnailer).decodes, ==, 0);
}

/* Many requests at once, half cancelled: every callback runs once, nothing leaks. */
static void
test_queue_many_cancelled (Fixture       *fixture,
                           gconstpointer  data)
{
  LoadResult loads[40];
  GCancellable *cancellables[40];
  guint done = 0;
  guint cancelled = 0;

  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    {
      g_autofree char *name = g_strdup_printf ("series-%u.jpg", i % 6);
      g_autoptr(GFile) file = image_file (name);

      loads[i] = (LoadResult) { NULL, NULL, FALSE };
      cancellables[i] = g_cancellable_new ();
      vt_thumbnailer_load_async (fixture->thumbnailer, file, 128 << (i % 4), cancellables[i],
                                 on_loaded_cb, &loads[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (loads); i += 2)
    g_cancellable_cancel (cancellables[i]);

  while (done < G_N_ELEMENTS (loads))
    {
      g_main_context_iteration (NULL, TRUE);
      done = 0;
      for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
        done += loads[i].done;
    }

  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    {
      if (i % 2 == 0)
        {
          g_assert_error (loads[i].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          cancelled++;
        }
      else
        {
          g_assert_no_error (loads[i].error);
          g_assert_nonnull (loads[i].picture);
        }
      g_clear_error (&loads[i].error);
      g_clear_object (&loads[i].picture);
      g_object_unref (cancellables[i]);
    }
  g_assert_cmpuint (cancelled, ==, 20);
}

/* ------------------------------------------------------------------ */
/* Bad input                                                          */

typedef struct
{
  const char *name;
  GQuark      domain;
  int         code;
  const char *says;
} BadCase;

static void
check_bad (Fixture       *fixture,
           const BadCase *bad)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) picture = NULL;
  g_autofree char *path = image_path (bad->name);
  gint64 start = g_get_monotonic_time ();

  picture = load_sync (fixture->thumbnailer, bad->name, 256, &error);
  g_assert_null (picture);
  g_assert_error (error, bad->domain, bad->code);
  g_test_message ("%s", error->message);
  /* Says which file, and what is wrong with it */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, bad->says));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

#define BAD_TEST(fn, file, code_, says_)                                    \
  static void                                                               \
  fn (Fixture *fixture, gconstpointer data)                                 \
  {                                                                         \
    BadCase bad = { file, VT_THUMBNAILER_ERROR, code_, says_ };             \
    check_bad (fixture, &bad);                                              \
  }

BAD_TEST (test_bad_missing, "missing.jpg", VT_THUMBNAILER_ERROR_NOT_FOUND, "does not exist")
BAD_TEST (test_bad_empty, "empty.jpg", VT_THUMBNAILER_ERROR_EMPTY, "empty")
BAD_TEST (test_bad_truncated, "truncated.jpg", VT_THUMBNAILER_ERROR_CORRUPT, "damaged or truncated")
BAD_TEST (test_bad_truncated_png, "truncated.png", VT_THUMBNAILER_ERROR_CORRUPT, "damaged or truncated")
BAD_TEST (test_bad_corrupt, "corrupt.jpg", VT_THUMBNAILER_ERROR_CORRUPT, "damaged or truncated")
BAD_TEST (test_bad_not_image, "notes.jpg", VT_THUMBNAILER_ERROR_UNSUPPORTED, "not an image")
BAD_TEST (test_bad_svg, "drawing.svg", VT_THUMBNAILER_ERROR_UNSUPPORTED, "SVG")
BAD_TEST (test_bad_xpm, "icon.xpm", VT_THUMBNAILER_ERROR_UNSUPPORTED, "XPM")
BAD_TEST (test_bad_huge, "huge.png", VT_THUMBNAILER_ERROR_TOO_LARGE, "40000 × 40000")
BAD_TEST (test_bad_huge_gif, "huge.gif", VT_THUMBNAILER_ERROR_TOO_LARGE, "40000 × 40000")
BAD_TEST (test_bad_huge_bmp, "huge.bmp", VT_THUMBNAILER_ERROR_TOO_LARGE, "40000 × 40000")
BAD_TEST (test_bad_folder, "folder.jpg", VT_THUMBNAILER_ERROR_NOT_REGULAR, "folder")
BAD_TEST (test_bad_fifo, "fifo.jpg", VT_THUMBNAILER_ERROR_NOT_REGULAR, "not a regular file")

static void
test_bad_no_permission (Fixture       *fixture,
                        gconstpointer  data)
{
  BadCase bad = { "noperm.jpg", VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_PERMISSION,
                  "permission denied" };

  if (!vt_test_unprivileged (tmp_root))
    return;
  check_bad (fixture, &bad);
}

/* A huge declared size is refused before anything is allocated or decoded. */
static void
test_bad_huge_is_fast (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) picture = NULL;
  gint64 start = g_get_monotonic_time ();

  picture = load_sync (fixture->thumbnailer, "huge.png", 1500, &error);
  g_assert_error (error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_TOO_LARGE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
}

/* ------------------------------------------------------------------ */
/* Pixel memory                                                        */

static void
test_pixels_zeroed (void)
{
  /* One size served by a mapping of its own, one by the heap. */
  const gsize sizes[] = { 1024 * 1024 + 3, 100 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      guchar *data = NULL;

      bytes = vt_pixels_new (sizes[i], &data);
      g_assert_nonnull (data);
      g_assert_true (g_bytes_get_data (bytes, NULL) == data);
      g_assert_cmpuint (g_bytes_get_size (bytes), ==, sizes[i]);
      for (gsize b = 0; b < sizes[i]; b++)
        g_assert_cmpuint (data[b], ==, 0);
      /* Writable to the last byte. */
      data[0] = data[sizes[i] - 1] = 0xff;
    }
}

/* A picture's piece of the reserve, let go and taken again, reads as
 * zeros: its pages went back to the system. */
static void
test_pixels_reused_zeroed (void)
{
  const gsize size = 256 * 3 * 256 + 1234;
  g_autoptr(GBytes) bytes = NULL;
  guchar *data = NULL;
  guchar *again = NULL;

  bytes = vt_pixels_new (size, &data);
  memset (data, 0xab, size);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = vt_pixels_new (size, &again);
  g_assert_true (again == data);
  for (gsize b = 0; b < size; b++)
    g_assert_cmpuint (again[b], ==, 0);
}

/* Pictures of many sizes, all alive at once, each written whole: no
 * piece is smaller than its picture or shared with another. */
static void
test_pixels_sizes_apart (void)
{
  const gsize sizes[] = {
    64 * 1024, 64 * 1024 + 1, 69633, 100000, 131071, 131072, 196608, 196609,
    1024 * 1024, 1024 * 1024 + 4095, 3000001, 8 * 1024 * 1024 - 1,
    64 * 1024 * 1024,         /* the largest class */
    64 * 1024 * 1024 + 1,     /* a mapping of its own */
  };
  GBytes *bytes[G_N_ELEMENTS (sizes)];
  guchar *data[G_N_ELEMENTS (sizes)];

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      bytes[i] = vt_pixels_new (sizes[i], &data[i]);
      g_assert_cmpuint (g_bytes_get_size (bytes[i]), ==, sizes[i]);
      memset (data[i], i + 1, sizes[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      for (gsize b = 0; b < sizes[i]; b += 4093)
        g_assert_cmpuint (data[i][b], ==, i + 1);
      g_assert_cmpuint (data[i][sizes[i] - 1], ==, i + 1);
      g_bytes_unref (bytes[i]);
    }
}

/* Pictures' memory goes back to the system when they go, whichever
 * thread lets them go. */
static gpointer
unref_all (gpointer data)
{
  g_ptr_array_unref (data);
  return NULL;
}

static void
test_pixels_pages_returned (void)
{
  g_autoptr(GPtrArray) pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  guint64 before, held, after;

  if (!g_file_test ("/proc/self/status", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No /proc/self/status to read resident memory from");
      return;
    }

  before = vt_test_status_kb ("VmRSS:");
  for (int i = 0; i < 16; i++)
    {
      guchar *data;

      g_ptr_array_add (pictures, vt_pixels_new (2 * 1024 * 1024 + i * 4096, &data));
      memset (data, 0x5a, 2 * 1024 * 1024);
    }
  held = vt_test_status_kb ("VmRSS:");
  g_assert_cmpuint (held, >=, before + 30 * 1024);

  g_thread_join (g_thread_new ("let-go", unref_all, g_steal_pointer (&pictures)));
  after = vt_test_status_kb ("VmRSS:");
  g_assert_cmpuint (after, <=, before + 4 * 1024);
}

/* When the reserve is used up, or there is none, pictures get mappings
 * of their own; pieces let go are taken again. */
static void
test_pixels_reserve_used_up (void)
{
  const gsize piece = 1024 * 1024;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) again = NULL;
  guchar *first_data, *second_data, *again_data;

  g_assert_true (_vt_pixels_set_reserve (piece));

  first = vt_pixels_new (piece, &first_data);
  second = vt_pixels_new (100000, &second_data);
  g_assert_false (_vt_pixels_set_reserve (0));
  for (gsize b = 0; b < 100000; b++)
    g_assert_cmpuint (second_data[b], ==, 0);
  memset (first_data, 1, piece);
  memset (second_data, 2, 100000);
  g_assert_cmpuint (first_data[piece - 1], ==, 1);
  g_clear_pointer (&first, g_bytes_unref);
  g_clear_pointer (&second, g_bytes_unref);

  again = vt_pixels_new (piece - 4096, &again_data);
  g_assert_true (again_data == first_data);
  g_assert_cmpuint (again_data[0], ==, 0);
  g_clear_pointer (&again, g_bytes_unref);

  /* None at all. */
  g_assert_true (_vt_pixels_set_reserve (0));
  again = vt_pixels_new (piece, &again_data);
  g_assert_cmpuint (again_data[piece - 1], ==, 0);
  again_data[piece - 1] = 1;
  g_clear_pointer (&again, g_bytes_unref);

  g_assert_true (_vt_pixels_set_reserve (VT_PIXELS_RESERVE_SIZE));
}

static void
test_pixels_own_pixbuf (void)
{
  /* RGB with rows padded to four bytes, mapped; RGBA, from the heap. */
  const struct { int width, height; gboolean alpha; } cases[] = {
    { 301, 257, FALSE },
    { 7, 5, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GdkPixbuf) source = gdk_pixbuf_new (GDK_COLORSPACE_RGB, cases[i].alpha, 8,
                                                    cases[i].width, cases[i].height);
      g_autoptr(GdkPixbuf) copy = NULL;
      int channels = cases[i].alpha ? 4 : 3;
      int row_bytes = cases[i].width * channels;
      guchar *pixels = gdk_pixbuf_get_pixels (source);
      int stride = gdk_pixbuf_get_rowstride (source);

      for (int y = 0; y < cases[i].height; y++)
        for (int x = 0; x < row_bytes; x++)
          pixels[y * stride + x] = (guchar) (x * 7 + y * 13);

      copy = vt_pixels_own_pixbuf (g_object_ref (source));
      g_assert_cmpint (gdk_pixbuf_get_width (copy), ==, cases[i].width);
      g_assert_cmpint (gdk_pixbuf_get_height (copy), ==, cases[i].height);
      g_assert_cmpint (gdk_pixbuf_get_has_alpha (copy), ==, cases[i].alpha);
      g_assert_cmpint (gdk_pixbuf_get_rowstride (copy), ==, row_bytes);
      for (int y = 0; y < cases[i].height; y++)
        g_assert_cmpmem (gdk_pixbuf_read_pixels (copy) + (gsize) y * row_bytes, row_bytes,
                         pixels + (gsize) y * stride, row_bytes);
    }
}

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg_cache = NULL;
  int status;

  /* Before any GLib call that reads it: g_get_user_cache_dir() keeps the first value. */
  tmp_root = vt_test_make_tmp_dir ("vt-thumbnailer-XXXXXX");
  xdg_cache = g_build_filename (tmp_root, "xdg-cache", NULL);
  g_setenv ("XDG_CACHE_HOME", xdg_cache, TRUE);

  g_test_init (&argc, &argv, NULL);

  images_dir = g_build_filename (tmp_root, "images", NULL);
  g_assert_cmpint (g_mkdir (images_dir, 0700), ==, 0);
  create_fixture_images ();

  ADD ("/thumbnailer/load/jpeg-reduced-size", test_load_jpeg_reduced);
  ADD ("/thumbnailer/load/bucket-sizes", test_load_bucket_sizes);
  ADD ("/thumbnailer/load/small-original-not-enlarged", test_load_small_original);
  ADD ("/thumbnailer/load/orientation", test_load_orientation);
  ADD ("/thumbnailer/load/large-original", test_load_large_original);
  ADD ("/thumbnailer/cache/memory-hit", test_cache_memory_hit);
  ADD ("/thumbnailer/cache/disk-hit", test_cache_disk_hit);
  ADD ("/thumbnailer/cache/written-after-answer", test_cache_written_after_answer);
  ADD ("/thumbnailer/cache/stale-remade", test_cache_stale);
  ADD ("/thumbnailer/cache/damaged-remade", test_cache_damaged_remade);
  ADD ("/thumbnailer/cache/spec-thumbnail", test_cache_spec_thumbnail);
  ADD ("/thumbnailer/cache/failure-record", test_cache_failure_record);
  ADD ("/thumbnailer/cache/failure-record-empty", test_cache_failure_record_empty);
  ADD ("/thumbnailer/cache/orphans-removed", test_cache_orphans_removed);
  ADD ("/thumbnailer/cache/ensure", test_cache_ensure);
  g_test_add_func ("/thumbnailer/cache/unwritable", test_cache_unwritable);
  g_test_add_func ("/thumbnailer/png/crc32", test_png_crc32);
  g_test_add_func ("/thumbnailer/interchange/gio-validates-ours", test_interchange_gio_validates_ours);
  ADD ("/thumbnailer/interchange/desktop-made-taken", test_interchange_desktop_made);
  ADD ("/thumbnailer/interchange/bare-png-remade", test_interchange_bare_png_remade);
  ADD ("/thumbnailer/memory/bound", test_memory_bound);
  ADD ("/thumbnailer/memory/least-recent-out", test_memory_least_recent_out);
  ADD ("/thumbnailer/memory/screenful", test_memory_screenful);
  ADD ("/thumbnailer/memory/unkept", test_memory_unkept);
  g_test_add_func ("/thumbnailer/queue/newest-first", test_queue_newest_first);
  ADD ("/thumbnailer/queue/cancel-before-start", test_queue_cancel_before_start);
  ADD ("/thumbnailer/queue/cancel-already", test_queue_cancel_already);
  ADD ("/thumbnailer/queue/same-file-decoded-once", test_queue_same_file_decoded_once);
  ADD ("/thumbnailer/queue/same-file-cancel-one", test_queue_same_file_cancel_one);
  ADD ("/thumbnailer/queue/same-file-cancel-all", test_queue_same_file_cancel_all);
  ADD ("/thumbnailer/queue/many-cancelled", test_queue_many_cancelled);
  ADD ("/thumbnailer/bad/missing", test_bad_missing);
  ADD ("/thumbnailer/bad/empty", test_bad_empty);
  ADD ("/thumbnailer/bad/truncated", test_bad_truncated);
  ADD ("/thumbnailer/bad/truncated-png", test_bad_truncated_png);
  ADD ("/thumbnailer/bad/corrupt", test_bad_corrupt);
  ADD ("/thumbnailer/bad/not-an-image", test_bad_not_image);
  ADD ("/thumbnailer/bad/svg-refused", test_bad_svg);
  ADD ("/thumbnailer/bad/xpm-refused", test_bad_xpm);
  ADD ("/thumbnailer/bad/huge-dimensions", test_bad_huge);
  ADD ("/thumbnailer/bad/huge-dimensions-fast", test_bad_huge_is_fast);
  ADD ("/thumbnailer/bad/huge-dimensions-gif", test_bad_huge_gif);
  ADD ("/thumbnailer/bad/huge-dimensions-bmp", test_bad_huge_bmp);
  ADD ("/thumbnailer/bad/folder", test_bad_folder);
  ADD ("/thumbnailer/bad/fifo", test_bad_fifo);
  ADD ("/thumbnailer/bad/no-permission", test_bad_no_permission);
  g_test_add_func ("/thumbnailer/pixels/zeroed", test_pixels_zeroed);
  g_test_add_func ("/thumbnailer/pixels/own-pixbuf", test_pixels_own_pixbuf);
  g_test_add_func ("/thumbnailer/pixels/reused-zeroed", test_pixels_reused_zeroed);
  g_test_add_func ("/thumbnailer/pixels/sizes-apart", test_pixels_sizes_apart);
  g_test_add_func ("/thumbnailer/pixels/pages-returned", test_pixels_pages_returned);
  g_test_add_func ("/thumbnailer/pixels/reserve-used-up", test_pixels_reserve_used_up);

  status = g_test_run ();

  vt_test_remove_tree (tmp_root);
  g_free (tmp_root);
  g_free (images_dir);
  return status;
}
