/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for vt_texture_for_pixbuf(): one texture per picture while it lives, no reference cycle; and for fitted pictures' opacity. */

#include "config.h"

#include "vt-fitted-picture.h"
#include "vt-texture.h"

/* A @width × @height picture whose pixel (x, y) is (x, y, x + y[, 200]). */
static GdkPixbuf *
make_pixbuf (int      width,
             int      height,
             gboolean has_alpha)
{
  int channels = has_alpha ? 4 : 3;
  int stride = width * channels;
  guchar *pixels = g_malloc ((gsize) stride * height);
  g_autoptr(GBytes) bytes = NULL;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * channels;

        p[0] = x;
        p[1] = y;
        p[2] = x + y;
        if (has_alpha)
          p[3] = 200;
      }

  bytes = g_bytes_new_take (pixels, (gsize) stride * height);
  return gdk_pixbuf_new_from_bytes (bytes, GDK_COLORSPACE_RGB, has_alpha, 8, width, height, stride);
}

static void
test_same_texture_while_alive (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (8, 4, FALSE);
  g_autoptr(GdkPixbuf) other = make_pixbuf (8, 4, FALSE);
  g_autoptr(GdkTexture) texture = vt_texture_for_pixbuf (pixbuf);
  g_autoptr(GdkTexture) again = vt_texture_for_pixbuf (pixbuf);
  g_autoptr(GdkTexture) texture_of_other = vt_texture_for_pixbuf (other);

  g_assert_true (texture == again);
  g_assert_true (texture != texture_of_other);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 8);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 4);
}

static void
test_pixels (void)
{
  for (int has_alpha = 0; has_alpha < 2; has_alpha++)
    {
      g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (5, 3, has_alpha);
      g_autoptr(GdkTexture) texture = vt_texture_for_pixbuf (pixbuf);
      guint32 argb[5 * 3];

      /* Downloads are premultiplied native-endian ARGB32. */
      gdk_texture_download (texture, (guchar *) argb, 5 * 4);
      for (int y = 0; y < 3; y++)
        for (int x = 0; x < 5; x++)
          {
            guint alpha = has_alpha ? 200 : 255;
            guint32 expected = alpha << 24
                               | ((x * alpha + 127) / 255) << 16
                               | ((y * alpha + 127) / 255) << 8
                               | (((x + y) * alpha + 127) / 255);

            g_assert_cmphex (argb[y * 5 + x], ==, expected);
          }
    }
}

static void
test_no_cycle (void)
{
  GdkPixbuf *pixbuf = make_pixbuf (8, 4, TRUE);
  GdkTexture *texture = vt_texture_for_pixbuf (pixbuf);
  GdkTexture *second;

  /* The texture holds the pixbuf's pixels, so the pixbuf too... */
  g_object_add_weak_pointer (G_OBJECT (pixbuf), (gpointer *) &pixbuf);
  g_object_unref (pixbuf);
  g_assert_nonnull (pixbuf);

  /* ...but the pixbuf does not hold the texture. */
  g_object_ref (pixbuf);
  g_assert_finalize_object (texture);

  /* Once the texture is gone, the next one is new and works. */
  second = vt_texture_for_pixbuf (pixbuf);
  g_assert_cmpint (gdk_texture_get_width (second), ==, 8);
  g_object_unref (pixbuf);
  g_assert_nonnull (pixbuf);
  g_assert_finalize_object (second);
  g_assert_null (pixbuf);
}

/* Opaque only when made from a picture without alpha, scaled or not:
 * the tile draws no ground under an opaque square one. */
static void
test_fitted_opaque (void)
{
  for (int has_alpha = 0; has_alpha < 2; has_alpha++)
    {
      g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (40, 40, has_alpha);
      g_autoptr(VtFittedPicture) same = vt_fitted_picture_new (pixbuf, 40, 40);
      g_autoptr(VtFittedPicture) scaled = vt_fitted_picture_new (pixbuf, 10, 10);

      g_assert_cmpint (vt_fitted_picture_is_opaque (same), ==, !has_alpha);
      g_assert_cmpint (vt_fitted_picture_is_opaque (scaled), ==, !has_alpha);
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (scaled)), ==, 10);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/texture/same-while-alive", test_same_texture_while_alive);
  g_test_add_func ("/texture/pixels", test_pixels);
  g_test_add_func ("/texture/no-cycle", test_no_cycle);
  g_test_add_func ("/fitted-picture/opaque", test_fitted_opaque);

  return g_test_run ();
}
