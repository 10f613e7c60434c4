/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the images a catalog saved in another folder takes with it: which ones, and their copy. */

#include "config.h"

#include "vt-catalog-images.h"
#include "vt-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  char      *dir;        /* the catalog's folder */
  char      *to;         /* another folder */
  VtCatalog *catalog;
} Fixture;

/* Pieces naming their images every way a catalog may. */
static const char catalog_json[] =
  "{\"format\": \"vitrine-catalog\", \"version\": 1, \"collection\": {\"name\": \"Images\"},\n"
  " \"items\": [\n"
  "  {\"number\": 1, \"title\": \"One\", \"image\": \"images/a.jpg\"},\n"
  "  {\"number\": 2, \"title\": \"Two\", \"image\": \"images/a.jpg\"},\n"
  "  {\"number\": 3, \"title\": \"Three\", \"image\": \"./images/deep/b.jpg\"},\n"
  "  {\"number\": 4, \"title\": \"Four\", \"image\": \"images/deep/../c.jpg\"},\n"
  "  {\"number\": 5, \"title\": \"Five\", \"image\": \"images/missing.jpg\"},\n"
  "  {\"number\": 6, \"title\": \"Six\", \"image\": \"../outside.jpg\"},\n"
  "  {\"number\": 7, \"title\": \"Seven\", \"image\": \"https://example.org/d.jpg\"},\n"
  "  {\"number\": 8, \"title\": \"Eight\", \"image\": \"images\"},\n"
  "  {\"number\": 9, \"title\": \"Nine\", \"image\": \"@ABSOLUTE@\"},\n"
  "  {\"number\": 10, \"title\": \"Ten\"}\n"
  " ]}\n";

static void
write_image (const char *dir,
             const char *relative,
             const char *bytes)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  vt_test_write_file (path, bytes, -1);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *root = vt_test_make_tmp_dir ("vitrine-images-XXXXXX");
  g_autofree char *path = NULL;
  g_autofree char *absolute = NULL;
  g_autoptr(GString) json = g_string_new (catalog_json);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_build_filename (root, "catalog", NULL);
  fixture->to = g_build_filename (root, "elsewhere", NULL);
  g_assert_cmpint (g_mkdir (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->to, 0755), ==, 0);
  write_image (fixture->dir, "images/a.jpg", "aaaa");
  write_image (fixture->dir, "images/deep/b.jpg", "bbbbbb");
  write_image (fixture->dir, "images/c.jpg", "cc");
  write_image (root, "outside.jpg", "outside");
  write_image (fixture->dir, "images/e.jpg", "absolute");
  absolute = g_build_filename (fixture->dir, "images", "e.jpg", NULL);
  g_string_replace (json, "@ABSOLUTE@", absolute, 1);

  path = g_build_filename (fixture->dir, "catalog.json", NULL);
  vt_test_write_file (path, json->str, -1);
  file = g_file_new_for_path (path);
  fixture->catalog = vt_catalog_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *root = g_path_get_dirname (fixture->dir);

  g_assert_finalize_object (g_steal_pointer (&fixture->catalog));
  vt_test_remove_tree (root);
  g_free (fixture->dir);
  g_free (fixture->to);
}

static char *
read_file (const char *dir,
           const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

/* Only the images named relative to the folder and there, each once,
 * normalised; not the missing one, a folder, an address, a path that
 * leaves the folder, nor an absolute one (it names the same file from
 * anywhere). */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) images = NULL;
  guint64 size = 0;

  images = vt_catalog_dup_folder_images (fixture->catalog, &size);
  g_assert_cmpuint (images->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (images, 0), ==, "images/a.jpg");
  g_assert_cmpstr (g_ptr_array_index (images, 1), ==, "images/deep/b.jpg");
  g_assert_cmpstr (g_ptr_array_index (images, 2), ==, "images/c.jpg");
  g_assert_cmpuint (size, ==, 4 + 6 + 2);
}

/* Each image lands at its place under the other folder, folders made;
 * a file already there is kept as it is. */
static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) to = g_file_new_for_path (fixture->to);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  guint64 size;
  guint n_copied = 0, n_kept = 0;

  images = vt_catalog_dup_folder_images (fixture->catalog, &size);
  write_image (fixture->to, "images/c.jpg", "theirs");

  g_assert_true (vt_catalog_copy_images (images, from, to, &n_copied, &n_kept, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_copied, ==, 2);
  g_assert_cmpuint (n_kept, ==, 1);
  a = read_file (fixture->to, "images/a.jpg");
  b = read_file (fixture->to, "images/deep/b.jpg");
  c = read_file (fixture->to, "images/c.jpg");
  g_assert_cmpstr (a, ==, "aaaa");
  g_assert_cmpstr (b, ==, "bbbbbb");
  g_assert_cmpstr (c, ==, "theirs");

  /* Again: everything is there now, nothing is written. */
  g_assert_true (vt_catalog_copy_images (images, from, to, &n_copied, &n_kept, NULL, &error));
  g_assert_cmpuint (n_copied, ==, 0);
  g_assert_cmpuint (n_kept, ==, 3);
}

/* A folder that cannot be made (a file has its name), or an image gone
 * since it was listed: the error names it; what was copied before stays. */
static void
test_copy_fails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) to = g_file_new_for_path (fixture->to);
  g_autoptr(GError) error = NULL;
  g_autofree char *gone = g_build_filename (fixture->dir, "images", "c.jpg", NULL);
  g_autofree char *a = NULL;
  guint64 size;
  guint n_copied, n_kept;

  images = vt_catalog_dup_folder_images (fixture->catalog, &size);
  write_image (fixture->to, "images/deep", "a file where the folder goes");
  g_assert_false (vt_catalog_copy_images (images, from, to, &n_copied, &n_kept, NULL, &error));
  g_assert_nonnull (error);
  vt_test_assert_contains (error->message, "deep");
  g_assert_cmpuint (n_copied, ==, 1);
  a = read_file (fixture->to, "images/a.jpg");
  g_assert_cmpstr (a, ==, "aaaa");
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (gone), ==, 0);
  g_ptr_array_remove_index (images, 1);
  g_assert_false (vt_catalog_copy_images (images, from, to, &n_copied, &n_kept, NULL, &error));
  g_assert_nonnull (error);
  vt_test_assert_contains (error->message, "c.jpg");
  g_assert_cmpuint (n_kept, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/catalog-images/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("list", test_list);
  ADD ("copy", test_copy);
  ADD ("copy-fails", test_copy_fails);

  return g_test_run ();
}
