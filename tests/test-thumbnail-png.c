/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for reading thumbnail PNGs: Vitrine's own without libpng, damaged ones refused, any other PNG still read. */

#include "config.h"

#include "vt-test-util.h"
#include "vt-thumbnail-png.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#define URI   "file:///pictures/poster%20one.jpg"
#define MTIME "1700000000"

static char *tmp_dir;

/* Pixels that differ in every channel of every pixel of a row. */
static guchar *
make_pixels (int      width,
             int      height,
             int      channels)
{
  guchar *pixels = g_malloc ((gsize) width * height * channels);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * channels; x++)
      pixels[(gsize) y * width * channels + x] = (guchar) (x * 7 + y * 13 + (x * y) % 5);
  return pixels;
}

/* Written over what was there, without a sync: thousands of these are
 * each read once. */
static void
set_contents (const char *path,
              const char *data,
              gsize       length)
{
  FILE *f = g_fopen (path, "wb");

  g_assert_nonnull (f);
  g_assert_cmpuint (fwrite (data, 1, length, f), ==, length);
  g_assert_cmpint (fclose (f), ==, 0);
}

/* A thumbnail as the cache writes it: vt_thumbnail_png_encode () at @level. */
static char *
write_ours (const char *name,
            int         width,
            int         height,
            gboolean    has_alpha,
            int         level)
{
  g_autofree guchar *pixels = make_pixels (width, height, has_alpha ? 4 : 3);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  const char *keys[] = { "Thumb::URI", "Thumb::MTime", "Software", NULL };
  const char *values[] = { URI, MTIME, "Vitrine test", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = vt_thumbnail_png_encode (pixels, width, height, width * (has_alpha ? 4 : 3), has_alpha,
                                   level, keys, values, &error);
  g_assert_no_error (error);
  set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return g_steal_pointer (&path);
}

/* What another program may write: libpng with its own choices. */
typedef struct
{
  int      color_type;
  int      bit_depth;
  int      interlace;
  int      level;
  int      filters;
  gboolean text_after;     /* Thumb::URI and Thumb::MTime after the pixels */
  gboolean compress_text;  /* as zTXt */
} Foreign;

static void
on_error (png_structp     png,
          png_const_charp message)
{
  g_error ("libpng: %s", message);
}

static char *
write_foreign (const char    *name,
               const Foreign *how,
               int            width,
               int            height)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  FILE *f = g_fopen (path, "wb");
  png_structp png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, on_error, NULL);
  png_infop info = png_create_info_struct (png);
  int channels = how->color_type == PNG_COLOR_TYPE_RGB_ALPHA ? 4 :
                 how->color_type == PNG_COLOR_TYPE_RGB ? 3 :
                 how->color_type == PNG_COLOR_TYPE_GRAY_ALPHA ? 2 : 1;
  int sample_bytes = how->bit_depth == 16 ? 2 : 1;
  g_autofree guchar *pixels = make_pixels (width * sample_bytes, height, channels);
  png_text text[2] = { { 0 } };
  png_color palette[16];

  g_assert_nonnull (f);
  png_init_io (png, f);
  png_set_compression_level (png, how->level);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, how->filters);
  png_set_IHDR (png, info, width, height, how->bit_depth, how->color_type, how->interlace,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (how->color_type == PNG_COLOR_TYPE_PALETTE)
    {
      guchar alpha[16];

      for (int i = 0; i < 16; i++)
        {
          palette[i] = (png_color) { i * 16, 255 - i * 16, i * 5 };
          alpha[i] = 255 - i;
        }
      png_set_PLTE (png, info, palette, 16);
      png_set_tRNS (png, info, alpha, 16, NULL);
      for (gsize i = 0; i < (gsize) width * height; i++)
        pixels[i] %= 16;
    }

  text[0].key = "Thumb::URI";
  text[0].text = URI;
  text[1].key = "Thumb::MTime";
  text[1].text = MTIME;
  for (int i = 0; i < 2; i++)
    text[i].compression = how->compress_text ? PNG_TEXT_COMPRESSION_zTXt : PNG_TEXT_COMPRESSION_NONE;
  if (!how->text_after)
    png_set_text (png, info, text, 2);
  png_write_info (png, info);
  {
    int passes = png_set_interlace_handling (png);

    for (int pass = 0; pass < passes; pass++)
      for (int y = 0; y < height; y++)
        png_write_row (png, pixels + (gsize) y * width * sample_bytes * channels);
  }
  if (how->text_after)
    png_set_text (png, info, text, 2);
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  fclose (f);
  return g_steal_pointer (&path);
}

/* The pixels read are gdk-pixbuf's, row for row. */
static void
assert_pixels_as_gdk_pixbuf (const char           *path,
                             const VtThumbnailPng *png)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) expected = gdk_pixbuf_new_from_file (path, &error);
  const guchar *data;
  gsize size;
  int row_bytes;

  g_assert_no_error (error);
  g_assert_nonnull (png->pixels);
  g_assert_cmpint (png->width, ==, gdk_pixbuf_get_width (expected));
  g_assert_cmpint (png->height, ==, gdk_pixbuf_get_height (expected));
  g_assert_cmpint (png->has_alpha, ==, gdk_pixbuf_get_has_alpha (expected));
  row_bytes = png->width * (png->has_alpha ? 4 : 3);
  g_assert_cmpint (png->stride, ==, row_bytes);
  data = g_bytes_get_data (png->pixels, &size);
  g_assert_cmpuint (size, >=, (gsize) png->stride * png->height);
  for (int y = 0; y < png->height; y++)
    g_assert_cmpmem (data + (gsize) y * png->stride, row_bytes,
                     gdk_pixbuf_read_pixels (expected) + (gsize) y * gdk_pixbuf_get_rowstride (expected),
                     row_bytes);
}

static void
test_ours_read (void)
{
  const struct
  {
    int      width;
    int      height;
    gboolean has_alpha;
  } cases[] = {
    { 256, 192, FALSE },  /* more than one stored block, many IDAT chunks */
    { 5, 3, TRUE },
    { 1, 1, FALSE },
    { 512, 512, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_ours ("ours.png", cases[i].width, cases[i].height,
                                          cases[i].has_alpha, 0);
      g_autofree guchar *pixels = make_pixels (cases[i].width, cases[i].height,
                                               cases[i].has_alpha ? 4 : 3);
      VtThumbnailPng png;

      g_assert_true (vt_thumbnail_png_read (path, 512, TRUE, URI, MTIME, &png));
      g_assert_true (png.stored);
      g_assert_cmpstr (png.uri, ==, URI);
      g_assert_cmpstr (png.mtime, ==, MTIME);
      g_assert_null (png.error);
      g_assert_cmpint (png.width, ==, cases[i].width);
      g_assert_cmpint (png.height, ==, cases[i].height);
      g_assert_cmpint (png.has_alpha, ==, cases[i].has_alpha);
      g_assert_cmpmem (g_bytes_get_data (png.pixels, NULL), (gsize) png.stride * png.height,
                       pixels, (gsize) png.stride * png.height);
      assert_pixels_as_gdk_pixbuf (path, &png);
      vt_thumbnail_png_clear (&png);
    }
}

/* At level 0 a thumbnail is its rows, each after its filter type, in
 * one IDAT chunk of stored blocks: what the zlib stream and the chunks
 * add is a few bytes, checked by a single CRC. */
static void
test_ours_compact (void)
{
  g_autofree guchar *pixels = make_pixels (256, 192, 3);
  const char *keys[] = { "Thumb::URI", "Thumb::MTime", NULL };
  const char *values[] = { URI, MTIME, NULL };
  g_autoptr(GBytes) bytes = vt_thumbnail_png_encode (pixels, 256, 192, 256 * 3, FALSE, 0,
                                                     keys, values, NULL);
  gsize text = (12 + strlen ("Thumb::URI") + 1 + strlen (URI)) +
               (12 + strlen ("Thumb::MTime") + 1 + strlen (MTIME));
  gsize rows = 192 * (1 + 256 * 3);
  /* signature, IHDR, IDAT and its zlib header, three stored blocks'
   * headers, Adler-32, IEND */
  gsize rest = 8 + 25 + 12 + 2 + 3 * 5 + 4 + 12;

  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, text + rows + rest);
}

/* A thumbnail of another file, or of an older version, costs its head:
 * its text comes back, its pixels are not read. */
static void
test_ours_stale (void)
{
  g_autofree char *path = write_ours ("stale.png", 64, 64, FALSE, 0);
  VtThumbnailPng png;

  g_assert_true (vt_thumbnail_png_read (path, 256, TRUE, "file:///other.jpg", MTIME, &png));
  g_assert_cmpstr (png.uri, ==, URI);
  g_assert_null (png.pixels);
  vt_thumbnail_png_clear (&png);

  g_assert_true (vt_thumbnail_png_read (path, 256, TRUE, URI, "1700000001", &png));
  g_assert_cmpstr (png.mtime, ==, MTIME);
  g_assert_null (png.pixels);
  vt_thumbnail_png_clear (&png);

  /* Only the text asked for */
  g_assert_true (vt_thumbnail_png_read (path, 256, FALSE, URI, MTIME, &png));
  g_assert_cmpstr (png.uri, ==, URI);
  g_assert_cmpint (png.width, ==, 64);
  g_assert_null (png.pixels);
  vt_thumbnail_png_clear (&png);

  /* Larger than asked for */
  g_assert_false (vt_thumbnail_png_read (path, 32, TRUE, URI, MTIME, &png));
  g_assert_null (png.uri);
}

/* Every file cut short fails, wherever the cut. */
static void
test_ours_truncated (void)
{
  g_autofree char *path = write_ours ("whole.png", 40, 30, TRUE, 0);
  g_autofree char *cut_path = g_build_filename (tmp_dir, "cut.png", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize cut = 0; cut < length; cut++)
    {
      VtThumbnailPng png;

      set_contents (cut_path, contents, cut);
      g_assert_false (vt_thumbnail_png_read (cut_path, 256, TRUE, URI, MTIME, &png));
      g_assert_null (png.pixels);
      g_assert_null (png.uri);
    }
}

/* Any byte changed after the signature fails a chunk's CRC (or its
 * length), in the text as in the pixels. */
static void
test_ours_bad_crc (void)
{
  g_autofree char *path = write_ours ("good.png", 24, 20, FALSE, 0);
  g_autofree char *bad_path = g_build_filename (tmp_dir, "bad.png", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 8; i < length; i++)
    {
      VtThumbnailPng png;

      contents[i] ^= 0x10;
      set_contents (bad_path, contents, length);
      contents[i] ^= 0x10;
      if (vt_thumbnail_png_read (bad_path, 256, TRUE, URI, MTIME, &png))
        g_error ("a change of byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " was not seen",
                 i, length);
    }
}

/* What other programs write is read through libpng, to the same pixels
 * gdk-pixbuf reads. */
static void
test_foreign_read (void)
{
  const struct
  {
    const char *name;
    Foreign     how;
  } cases[] = {
    { "compressed", { PNG_COLOR_TYPE_RGB_ALPHA, 8, PNG_INTERLACE_NONE, 6, PNG_ALL_FILTERS } },
    { "filtered", { PNG_COLOR_TYPE_RGB, 8, PNG_INTERLACE_NONE, 0, PNG_FILTER_PAETH } },
    { "interlaced", { PNG_COLOR_TYPE_RGB, 8, PNG_INTERLACE_ADAM7, 0, PNG_FILTER_NONE } },
    { "palette", { PNG_COLOR_TYPE_PALETTE, 8, PNG_INTERLACE_NONE, 0, PNG_FILTER_NONE } },
    { "gray", { PNG_COLOR_TYPE_GRAY, 8, PNG_INTERLACE_NONE, 0, PNG_FILTER_NONE } },
    { "deep", { PNG_COLOR_TYPE_RGB, 16, PNG_INTERLACE_NONE, 0, PNG_FILTER_NONE } },
    { "text-after", { PNG_COLOR_TYPE_RGB, 8, PNG_INTERLACE_NONE, 0, PNG_FILTER_NONE, TRUE } },
    { "text-compressed", { PNG_COLOR_TYPE_RGB, 8, PNG_INTERLACE_NONE, 0, PNG_FILTER_NONE, FALSE, TRUE } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strconcat (cases[i].name, ".png", NULL);
      g_autofree char *path = write_foreign (name, &cases[i].how, 37, 29);
      VtThumbnailPng png;

      g_test_message ("%s", cases[i].name);
      g_assert_true (vt_thumbnail_png_read (path, 256, TRUE, URI, MTIME, &png));
      g_assert_false (png.stored);
      g_assert_cmpstr (png.uri, ==, URI);
      g_assert_cmpstr (png.mtime, ==, MTIME);
      assert_pixels_as_gdk_pixbuf (path, &png);
      vt_thumbnail_png_clear (&png);
    }
}

/* A thumbnail Vitrine wrote at another level is compressed: libpng reads it. */
static void
test_ours_compressed (void)
{
  g_autofree char *path = write_ours ("level6.png", 64, 48, TRUE, 6);
  VtThumbnailPng png;

  g_assert_true (vt_thumbnail_png_read (path, 256, TRUE, URI, MTIME, &png));
  g_assert_false (png.stored);
  assert_pixels_as_gdk_pixbuf (path, &png);
  vt_thumbnail_png_clear (&png);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = vt_test_make_tmp_dir ("vitrine-thumbnail-png-XXXXXX");

  g_test_add_func ("/thumbnail-png/ours/read", test_ours_read);
  g_test_add_func ("/thumbnail-png/ours/compact", test_ours_compact);
  g_test_add_func ("/thumbnail-png/ours/stale", test_ours_stale);
  g_test_add_func ("/thumbnail-png/ours/truncated", test_ours_truncated);
  g_test_add_func ("/thumbnail-png/ours/bad-crc", test_ours_bad_crc);
  g_test_add_func ("/thumbnail-png/ours/compressed", test_ours_compressed);
  g_test_add_func ("/thumbnail-png/foreign/read", test_foreign_read);

  status = g_test_run ();
  vt_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
