/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for VtTilePictures: a picture shared by the tiles that show it, and only the ones let go bounded and dropped. */

#include "config.h"

#include "vt-test-util.h"
#include "vt-tile-pictures.h"

#include <glib/gstdio.h>

#include <utime.h>

/* A fitted picture of @side × @side pixels, RGB: 4 × side² bytes. */
static VtFittedPicture *
make_picture (int side)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, side, side);

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  return vt_fitted_picture_new (pixbuf, side, side);
}

/* Two tiles of one piece show one picture, which costs nothing while
 * they show it. */
static void
test_shared (void)
{
  g_autoptr(VtTilePictures) pictures = vt_tile_pictures_new ();
  VtFittedPicture *picture = make_picture (16);
  g_autoptr(VtFittedPicture) shown = NULL;
  g_autoptr(VtFittedPicture) again = NULL;
  g_autoptr(VtFittedPicture) other = make_picture (16);
  g_autoptr(VtFittedPicture) kept = NULL;

  g_assert_null (vt_tile_pictures_take (pictures, "a"));

  shown = vt_tile_pictures_add (pictures, "a", picture);
  g_assert_true (shown == picture);
  again = vt_tile_pictures_take (pictures, "a");
  g_assert_true (again == picture);
  /* Loaded twice at once: the second tile shows the first picture. */
  kept = vt_tile_pictures_add (pictures, "a", other);
  g_assert_true (kept == picture);
  g_assert_cmpuint (vt_tile_pictures_get_n_kept (pictures), ==, 1);
  g_assert_cmpuint (vt_tile_pictures_get_spare_bytes (pictures), ==, 0);

  /* Shown by three tiles: spare once the last lets it go. */
  vt_tile_pictures_release (pictures, "a");
  vt_tile_pictures_release (pictures, "a");
  g_assert_cmpuint (vt_tile_pictures_get_spare_bytes (pictures), ==, 0);
  vt_tile_pictures_release (pictures, "a");
  /* No spare room: dropped at once. */
  g_assert_cmpuint (vt_tile_pictures_get_n_kept (pictures), ==, 0);
  g_clear_object (&shown);
  g_clear_object (&again);
  g_clear_object (&kept);
  g_assert_finalize_object (picture);
}

/* However many pictures tiles show, all are kept; of those let go, the
 * latest that fit in the spare limit, and those only. */
static void
test_spare_bounded (void)
{
  g_autoptr(VtTilePictures) pictures = vt_tile_pictures_new ();
  const char *keys[] = { "a", "b", "c", "d" };
  const gsize bytes = 16 * 16 * 4;
  VtFittedPicture *shown[G_N_ELEMENTS (keys)];
  VtFittedPicture *dropped;

  vt_tile_pictures_set_spare_limit (pictures, 2 * bytes);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(VtFittedPicture) picture = make_picture (16);

      shown[i] = vt_tile_pictures_add (pictures, keys[i], picture);
    }
  g_assert_cmpuint (vt_tile_pictures_get_n_kept (pictures), ==, 4);
  g_assert_cmpuint (vt_tile_pictures_get_spare_bytes (pictures), ==, 0);

  /* Let go in order: the first goes when the third is let go. */
  for (guint i = 0; i < 3; i++)
    vt_tile_pictures_release (pictures, keys[i]);
  g_assert_cmpuint (vt_tile_pictures_get_n_kept (pictures), ==, 3);
  g_assert_cmpuint (vt_tile_pictures_get_spare_bytes (pictures), ==, 2 * bytes);
  g_assert_null (vt_tile_pictures_take (pictures, "a"));
  dropped = g_steal_pointer (&shown[0]);
  g_assert_finalize_object (dropped);

  /* Taken back, a picture is no longer spare; let go, the latest. */
  g_object_unref (vt_tile_pictures_take (pictures, "b"));
  g_assert_cmpuint (vt_tile_pictures_get_spare_bytes (pictures), ==, bytes);
  vt_tile_pictures_release (pictures, "d");
  vt_tile_pictures_release (pictures, "b");
  g_assert_cmpuint (vt_tile_pictures_get_spare_bytes (pictures), ==, 2 * bytes);
  g_assert_null (vt_tile_pictures_take (pictures, "c"));

  /* A smaller limit drops at once what no longer fits. */
  vt_tile_pictures_set_spare_limit (pictures, bytes);
  g_assert_cmpuint (vt_tile_pictures_get_n_kept (pictures), ==, 1);
  g_object_unref (vt_tile_pictures_take (pictures, "b"));
  vt_tile_pictures_release (pictures, "b");

  for (guint i = 1; i < G_N_ELEMENTS (keys); i++)
    g_object_unref (shown[i]);
}

/* A file's key names its size and follows the file: changed on disk, it
 * has another key, so its old picture is not shown for it. */
static void
test_key_follows_file (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vt-tile-pictures-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "picture.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *missing = vt_tile_pictures_key (file, 256);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other_size = NULL;
  g_autofree char *changed = NULL;
  struct utimbuf times = { 1000000000, 1000000000 };

  g_assert_null (missing);

  vt_test_write_file (path, "one", -1);
  g_assert_cmpint (g_utime (path, &times), ==, 0);
  first = vt_tile_pictures_key (file, 256);
  again = vt_tile_pictures_key (file, 256);
  other_size = vt_tile_pictures_key (file, 384);
  g_assert_nonnull (first);
  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, !=, other_size);

  times.modtime++;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
  changed = vt_tile_pictures_key (file, 256);
  g_assert_cmpstr (first, !=, changed);

  vt_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tile-pictures/shared", test_shared);
  g_test_add_func ("/tile-pictures/spare-bounded", test_spare_bounded);
  g_test_add_func ("/tile-pictures/key-follows-file", test_key_follows_file);

  return g_test_run ();
}
