/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of `vitrine-cli thumbnails`, running the built binary on catalogs made here. */

#include "config.h"

#include "vt-test-util.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include <string.h>

static char *tmp_root;
static guint counter;

typedef struct
{
  char *dir;        /* the catalog's folder */
  char *catalog;
  char *cache;      /* XDG_CACHE_HOME for the run */
} Fixture;

static void
save_jpeg (const char *path,
           int         seed)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 600, 400);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x20406000u + seed * 0x11000000u);
  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, NULL);
  g_assert_no_error (error);
}

/* A catalog whose items point at @images (NULL: no "image" member). */
static void
write_catalog (Fixture           *fixture,
               const char *const *images,
               guint              n)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"vitrine-catalog\", \"version\": 1,\n"
                                          " \"collection\": {\"name\": \"Test\", \"total\": 100},\n"
                                          " \"items\": [\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (json, "  {\"number\": %u, \"title\": \"19%02u - Event %u\"",
                              i + 1, i + 1, i + 1);
      if (images[i] != NULL)
        g_string_append_printf (json, ", \"image\": \"%s\"", images[i]);
      g_string_append (json, i + 1 < n ? "},\n" : "}\n");
    }
  g_string_append (json, " ]}\n");
  g_file_set_contents (fixture->catalog, json->str, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("case-%u", ++counter);
  g_autofree char *images = NULL;

  fixture->dir = g_build_filename (tmp_root, name, NULL);
  fixture->catalog = g_build_filename (fixture->dir, "catalog.json", NULL);
  fixture->cache = g_build_filename (fixture->dir, "cache", NULL);
  images = g_build_filename (fixture->dir, "images", NULL);
  g_assert_cmpint (g_mkdir_with_parents (images, 0700), ==, 0);

  for (int i = 1; i <= 3; i++)
    {
      g_autofree char *base = g_strdup_printf ("%03d.jpg", i);
      g_autofree char *path = g_build_filename (images, base, NULL);

      save_jpeg (path, i);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->dir);
  g_free (fixture->catalog);
  g_free (fixture->cache);
}

static VtTestRun
run_cli (Fixture            *fixture,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  VtTestRun result = { 0 };

  g_ptr_array_add (argv, (char *) VITRINE_CLI);
  g_ptr_array_add (argv, "thumbnails");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", fixture->cache, TRUE);
  vt_test_run (&result, NULL, (const char * const *) envp, (const char * const *) argv->pdata);
  return result;
}

static char *
thumbnail_path (Fixture    *fixture,
                const char *image,
                const char *folder)
{
  g_autofree char *path = g_build_filename (fixture->dir, image, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, uri, -1);
  g_autofree char *base = g_strconcat (md5, ".png", NULL);

  return g_build_filename (fixture->cache, "thumbnails", folder, base, NULL);
}

static void
test_made_then_valid (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *images[] = { "images/001.jpg", "images/002.jpg", "images/003.jpg" };
  const char *args[] = { fixture->catalog, NULL };
  VtTestRun first;
  VtTestRun second;

  write_catalog (fixture, images, 3);
  first = run_cli (fixture, args);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "made 3, already valid 0, failed 0"));

  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      g_autofree char *path = thumbnail_path (fixture, images[i], "large");
      g_autoptr(GdkPixbuf) thumbnail = gdk_pixbuf_new_from_file (path, NULL);

      g_assert_nonnull (thumbnail);
      g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, 256);
      g_assert_nonnull (gdk_pixbuf_get_option (thumbnail, "tEXt::Thumb::MTime"));
    }

  second = run_cli (fixture, args);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, "made 0, already valid 3, failed 0"));

  vt_test_run_clear (&first);
  vt_test_run_clear (&second);
}

static void
test_sizes (Fixture       *fixture,
            gconstpointer  data)
{
  const char *images[] = { "images/001.jpg", "images/002.jpg" };
  const char *args[] = { fixture->catalog, "--size", "128", "--size", "512", NULL };
  g_autofree char *normal = thumbnail_path (fixture, images[0], "normal");
  g_autofree char *x_large = thumbnail_path (fixture, images[1], "x-large");
  g_autofree char *large = thumbnail_path (fixture, images[0], "large");
  VtTestRun result;

  write_catalog (fixture, images, 2);
  result = run_cli (fixture, args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "made 4,"));
  g_assert_true (g_file_test (normal, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (x_large, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (large, G_FILE_TEST_EXISTS));
  vt_test_run_clear (&result);
}

static void
test_failures_reported (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *images[] = { "images/001.jpg", "images/missing.jpg", "images/notes.jpg", NULL };
  const char *args[] = { fixture->catalog, NULL };
  g_autofree char *notes = g_build_filename (fixture->dir, "images", "notes.jpg", NULL);
  VtTestRun result;

  g_assert_true (g_file_set_contents (notes, "not a picture\n", -1, NULL));
  write_catalog (fixture, images, 4);
  result = run_cli (fixture, args);

  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.out, "made 1, already valid 0, failed 3"));
  /* Which item, which file, what is wrong */
  g_assert_nonnull (strstr (result.err, "item 2 (1902 - Event 2)"));
  g_assert_nonnull (strstr (result.err, "missing.jpg” does not exist"));
  g_assert_nonnull (strstr (result.err, "item 3 (1903 - Event 3)"));
  g_assert_nonnull (strstr (result.err, "notes.jpg” is not an image"));
  g_assert_nonnull (strstr (result.err, "item 4 (1904 - Event 4): no image given"));
  vt_test_run_clear (&result);
}

/* A title of 10 MB is named cut in the failure's line. */
static void
test_long_title_cut (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *title = g_strnfill (10 * 1024 * 1024, 'x');
  g_autofree char *json = g_strdup_printf ("{\"format\": \"vitrine-catalog\", \"version\": 1,"
                                           " \"items\": [{\"number\": 1, \"title\": \"%s\","
                                           " \"image\": \"images/missing.jpg\"}]}", title);
  const char *args[] = { fixture->catalog, NULL };
  VtTestRun result;

  g_assert_true (g_file_set_contents (fixture->catalog, json, -1, NULL));
  result = run_cli (fixture, args);

  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "item 1 (xxxxxxxxxx"));
  g_assert_nonnull (strstr (result.err, "xxx…): "));
  g_assert_nonnull (strstr (result.err, "missing.jpg” does not exist"));
  g_assert_cmpuint (strlen (result.err), <, 2000);
  vt_test_run_clear (&result);
}

/* An image outside the catalog's folder is not opened, nor its
 * thumbnail made, until --allow-outside. */
static void
test_outside_images (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("elsewhere-%u", counter);
  g_autofree char *elsewhere = g_build_filename (tmp_root, name, NULL);
  g_autofree char *outside = g_build_filename (elsewhere, "004.jpg", NULL);
  g_autofree char *written = g_strdup_printf ("../%s/004.jpg", name);
  const char *images[] = { "images/001.jpg", written };
  const char *args[] = { fixture->catalog, NULL };
  const char *allow_args[] = { "--allow-outside", fixture->catalog, NULL };
  g_autofree char *thumbnail = thumbnail_path (fixture, written, "large");
  VtTestRun result;

  g_assert_cmpint (g_mkdir_with_parents (elsewhere, 0700), ==, 0);
  save_jpeg (outside, 4);
  write_catalog (fixture, images, 2);

  result = run_cli (fixture, args);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.out, "made 1, already valid 0, failed 1"));
  g_assert_nonnull (strstr (result.err, "item 2 (1902 - Event 2): “../elsewhere-"));
  g_assert_nonnull (strstr (result.err, "004.jpg” is outside the catalog’s folder"));
  g_assert_nonnull (strstr (result.err, "1 image lies outside the catalog’s folder and was not opened; "
                                        "if you trust the catalog, allow it with --allow-outside"));
  g_assert_false (g_file_test (thumbnail, G_FILE_TEST_EXISTS));
  vt_test_run_clear (&result);

  result = run_cli (fixture, allow_args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "made 1, already valid 1, failed 0"));
  g_assert_true (g_file_test (thumbnail, G_FILE_TEST_EXISTS));
  vt_test_run_clear (&result);
}

static void
test_progress_lines (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *images[] = { "images/001.jpg", "images/002.jpg", "images/003.jpg" };
  const char *args[] = { fixture->catalog, NULL };
  VtTestRun result;

  write_catalog (fixture, images, 3);
  result = run_cli (fixture, args);

  /* stderr is a pipe here: whole lines, no carriage returns */
  g_assert_nonnull (strstr (result.err, "Thumbnails: 3 of 3 (100%), 0 failed\n"));
  g_assert_null (strchr (result.err, '\r'));
  vt_test_run_clear (&result);
}

static void
test_unreadable_catalog (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *args[] = { fixture->catalog, NULL };
  VtTestRun missing;
  VtTestRun broken;

  missing = run_cli (fixture, args);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, fixture->catalog));

  g_assert_true (g_file_set_contents (fixture->catalog, "{\"format\": ", -1, NULL));
  broken = run_cli (fixture, args);
  g_assert_cmpint (broken.status, ==, 2);
  g_assert_nonnull (strstr (broken.err, fixture->catalog));

  vt_test_run_clear (&missing);
  vt_test_run_clear (&broken);
}

static void
test_bad_size (Fixture       *fixture,
               gconstpointer  data)
{
  const char *images[] = { "images/001.jpg" };
  const char *too_big[] = { fixture->catalog, "--size", "2000", NULL };
  const char *not_number[] = { fixture->catalog, "--size", "big", NULL };
  VtTestRun a;
  VtTestRun b;

  write_catalog (fixture, images, 1);
  a = run_cli (fixture, too_big);
  b = run_cli (fixture, not_number);
  g_assert_cmpint (a.status, ==, 2);
  g_assert_nonnull (strstr (a.err, "2000"));
  g_assert_cmpint (b.status, ==, 2);
  g_assert_nonnull (strstr (b.err, "big"));
  vt_test_run_clear (&a);
  vt_test_run_clear (&b);
}

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_root = vt_test_make_tmp_dir ("vt-cli-thumbnails-XXXXXX");

  ADD ("/cli/thumbnails/made-then-valid", test_made_then_valid);
  ADD ("/cli/thumbnails/sizes", test_sizes);
  ADD ("/cli/thumbnails/failures-reported", test_failures_reported);
  ADD ("/cli/thumbnails/outside-images", test_outside_images);
  ADD ("/cli/thumbnails/progress-lines", test_progress_lines);
  ADD ("/cli/thumbnails/long-title-cut", test_long_title_cut);
  ADD ("/cli/thumbnails/unreadable-catalog", test_unreadable_catalog);
  ADD ("/cli/thumbnails/bad-size", test_bad_size);

  status = g_test_run ();
  vt_test_remove_tree (tmp_root);
  g_free (tmp_root);
  return status;
}
