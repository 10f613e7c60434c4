/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for saving an edited catalog: the backup, changes on disk, failures that keep the edits, saving in a thread. */

#include "config.h"

#include "vt-catalog.h"
#include "vt-edit.h"
#include "vt-test-util.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct
{
  char      *dir;
  char      *path;
  char      *backup;
  GFile     *file;
  char      *original;   /* the bytes of the file as loaded */
  gsize      original_length;
  VtCatalog *catalog;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *source = g_build_filename (TEST_DATA_DIR, "small-catalog.json", NULL);
  g_autoptr(GError) error = NULL;

  fixture->dir = vt_test_make_tmp_dir ("vitrine-save-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "catalog.json", NULL);
  fixture->backup = g_strconcat (fixture->path, "~", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  g_file_get_contents (source, &fixture->original, &fixture->original_length, &error);
  g_assert_no_error (error);
  vt_test_write_file (fixture->path, fixture->original, (gssize) fixture->original_length);
  fixture->catalog = vt_catalog_new_for_file (fixture->file, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->catalog));
  vt_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->backup);
  g_object_unref (fixture->file);
  g_free (fixture->original);
}

static void
set_year (VtCatalog *catalog,
          guint      number,
          gint64     year)
{
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);
  g_autoptr(VtEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  json_node_set_int (value, year);
  edit = vt_edit_new_set (vt_catalog_lookup (catalog, number), VT_FIELD_YEAR, value);
  g_assert_true (vt_catalog_apply_edit (catalog, edit, &error));
  g_assert_no_error (error);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
assert_file_is (const char *path,
                const char *expected,
                gsize       expected_length)
{
  gsize length;
  g_autofree char *contents = read_file (path, &length);

  g_assert_cmpmem (contents, length, expected, expected_length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted and joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_dir_holds (const char *dir,
                  const char *expected)
{
  g_autofree char *names = list_dir (dir);

  g_assert_cmpstr (names, ==, expected);
}

/* Another program writes @contents over the file in place, and puts its
 * time back: only its bytes tell it changed. */
static void
rewrite_in_place (const char *path,
                  const char *contents)
{
  struct stat st;
  struct timespec times[2];
  int fd;

  g_assert_cmpint (stat (path, &st), ==, 0);
  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, contents, strlen (contents), 0), ==, (ssize_t) strlen (contents));
  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  g_assert_cmpint (futimens (fd, times), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
}

static void
test_backup_first_save (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  gsize first_length;
  struct stat st;

  g_chmod (fixture->path, 0640);
  set_year (fixture->catalog, 14, 1915);
  g_assert_true (vt_catalog_save (fixture->catalog, fixture->file, &error));
  g_assert_no_error (error);
  g_assert_false (vt_catalog_get_modified (fixture->catalog));

  /* The file as it was loaded, byte for byte, with its permissions. */
  assert_file_is (fixture->backup, fixture->original, fixture->original_length);
  g_assert_cmpint (stat (fixture->backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  assert_dir_holds (fixture->dir, "catalog.json catalog.json~");
  first = read_file (fixture->path, &first_length);
  g_assert_nonnull (strstr (first, "1915"));

  /* The second save keeps the backup as it was. */
  set_year (fixture->catalog, 29, 1930);
  g_assert_true (vt_catalog_save (fixture->catalog, fixture->file, &error));
  assert_file_is (fixture->backup, fixture->original, fixture->original_length);

  /* After a load, the next save keeps the file as that load read it. */
  g_assert_true (vt_catalog_load (fixture->catalog, fixture->file, NULL, &error));
  g_clear_pointer (&first, g_free);
  first = read_file (fixture->path, &first_length);
  set_year (fixture->catalog, 45, 1946);
  g_assert_true (vt_catalog_save (fixture->catalog, fixture->file, &error));
  assert_file_is (fixture->backup, first, first_length);
  assert_dir_holds (fixture->dir, "catalog.json catalog.json~");
}

static void
test_backup_replaces_old (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  vt_test_write_file (fixture->backup, "an old backup", -1);
  set_year (fixture->catalog, 14, 1915);
  g_assert_true (vt_catalog_save (fixture->catalog, fixture->file, &error));
  g_assert_no_error (error);
  assert_file_is (fixture->backup, fixture->original, fixture->original_length);
  assert_dir_holds (fixture->dir, "catalog.json catalog.json~");
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char other[] = "{\"format\": \"vitrine-catalog\", \"version\": 1, \"items\": []}\n";
  g_autoptr(GError) error = NULL;

  g_assert_false (vt_catalog_get_changed_on_disk (fixture->catalog));
  set_year (fixture->catalog, 14, 1915);

  /* Another program replaces the file. */
  vt_test_write_file (fixture->path, other, -1);
  g_assert_true (vt_catalog_get_changed_on_disk (fixture->catalog));
  g_assert_false (vt_catalog_save (fixture->catalog, fixture->file, &error));
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_CHANGED_ON_DISK);
  vt_test_assert_contains (error->message, fixture->path);
  vt_test_assert_contains (error->message, "another program changed the file");
  g_clear_error (&error);

  /* Nothing written, no backup made, the edit kept. */
  assert_file_is (fixture->path, other, strlen (other));
  assert_dir_holds (fixture->dir, "catalog.json");
  g_assert_true (vt_catalog_get_modified (fixture->catalog));
  g_assert_true (vt_catalog_get_can_undo (fixture->catalog));
  g_assert_cmpint (vt_item_get_year (vt_catalog_lookup (fixture->catalog, 14)), ==, 1915);

  /* Overwriting is a choice; the other program's file is kept as the backup. */
  g_assert_true (vt_catalog_save_full (fixture->catalog, fixture->file, VT_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  assert_file_is (fixture->backup, other, strlen (other));
  g_assert_false (vt_catalog_get_modified (fixture->catalog));
  g_assert_false (vt_catalog_get_changed_on_disk (fixture->catalog));

  /* What was saved is the catalog's now: saving again needs no choice. */
  set_year (fixture->catalog, 29, 1930);
  g_assert_true (vt_catalog_save (fixture->catalog, fixture->file, &error));
  g_assert_no_error (error);
}

static void
test_changed_bytes_only (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *changed = g_strdup (fixture->original);
  g_autoptr(GError) error = NULL;
  char *year = strstr (changed, "1914");

  /* The same size and time, other bytes: a look cannot tell, a save reads. */
  year[3] = '5';
  rewrite_in_place (fixture->path, changed);
  g_assert_false (vt_catalog_get_changed_on_disk (fixture->catalog));

  set_year (fixture->catalog, 29, 1930);
  g_assert_false (vt_catalog_save (fixture->catalog, fixture->file, &error));
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_CHANGED_ON_DISK);
  assert_file_is (fixture->path, changed, fixture->original_length);
}

static void
test_deleted_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  set_year (fixture->catalog, 14, 1915);
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  g_assert_true (vt_catalog_get_changed_on_disk (fixture->catalog));
  g_assert_false (vt_catalog_save (fixture->catalog, fixture->file, &error));
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_CHANGED_ON_DISK);
  assert_dir_holds (fixture->dir, "");
}

static void
test_save_as (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "mine.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  guint file_changes = 0;

  g_signal_connect (fixture->catalog, "notify::file", G_CALLBACK (vt_test_count_notify_cb), &file_changes);
  set_year (fixture->catalog, 14, 1915);
  vt_test_write_file (fixture->path, "changed by another program", -1);

  /* Save As never checks, and keeps no backup of a file it did not load. */
  vt_test_write_file (other_path, "an unrelated file", -1);
  g_assert_true (vt_catalog_save (fixture->catalog, other, &error));
  g_assert_no_error (error);
  g_assert_false (vt_catalog_get_modified (fixture->catalog));
  g_assert_true (g_file_equal (vt_catalog_get_file (fixture->catalog), other));
  g_assert_cmpuint (file_changes, ==, 1);
  assert_dir_holds (fixture->dir, "catalog.json mine.json");
  assert_file_is (fixture->path, "changed by another program", strlen ("changed by another program"));
  g_assert_false (vt_catalog_get_changed_on_disk (fixture->catalog));
}

/* The path of @item's image file, or NULL. */
static char *
image_path (VtItem *item)
{
  GFile *image = vt_item_get_image (item);

  return image != NULL ? g_file_get_path (image) : NULL;
}

/* Whether the catalog lists a problem of piece @number that says @text. */
static gboolean
has_problem_about (VtCatalog  *catalog,
                   guint       number,
                   const char *text)
{
  GListModel *problems = vt_catalog_get_problems (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(VtProblem) problem = g_list_model_get_item (problems, i);

      if (vt_problem_get_number (problem) == number && strstr (vt_problem_get_message (problem), text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Saved into another folder, the pieces' images are those the file
 * names there, as a load of it would find them: the window shows what
 * was saved. Undone edits put back pieces of the new folder too. */
static void
test_save_as_other_folder (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *images = g_build_filename (fixture->dir, "images", NULL);
  g_autofree char *rust = g_build_filename (images, "rust.jpg", NULL);
  g_autofree char *other_dir = g_build_filename (fixture->dir, "other", NULL);
  g_autofree char *other_path = g_build_filename (other_dir, "catalog.json", NULL);
  g_autofree char *other_images = g_build_filename (other_dir, "images", NULL);
  g_autofree char *other_rust = g_build_filename (other_images, "rust.jpg", NULL);
  g_autofree char *source_rust = g_build_filename (TEST_DATA_DIR, "images", "rust.jpg", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GFile) other_folder = g_file_new_for_path (other_dir);
  g_autoptr(VtCatalog) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gsize length;
  g_autofree char *contents = read_file (source_rust, &length);
  guint base_dir_changes = 0;
  guint n_items;

  /* The image of 14 and 56 is in the first folder only. */
  g_assert_cmpint (g_mkdir (images, 0700), ==, 0);
  vt_test_write_file (rust, contents, (gssize) length);
  g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
  g_clear_object (&fixture->catalog);
  fixture->catalog = vt_catalog_new_for_file (fixture->file, NULL, &error);
  g_assert_no_error (error);
  vt_catalog_validate (fixture->catalog);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (fixture->catalog));
  path = image_path (vt_catalog_lookup (fixture->catalog, 56));
  g_assert_cmpstr (path, ==, rust);
  g_clear_pointer (&path, g_free);
  g_assert_false (has_problem_about (fixture->catalog, 56, "rust.jpg"));

  set_year (fixture->catalog, 14, 1915);
  g_signal_connect (fixture->catalog, "notify::base-dir", G_CALLBACK (vt_test_count_notify_cb), &base_dir_changes);
  g_assert_true (vt_catalog_save (fixture->catalog, other, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (base_dir_changes, ==, 1);
  g_assert_true (g_file_equal (vt_catalog_get_base_dir (fixture->catalog), other_folder));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->catalog)), ==, n_items);
  path = image_path (vt_catalog_lookup (fixture->catalog, 56));
  g_assert_cmpstr (path, ==, other_rust);
  g_clear_pointer (&path, g_free);
  /* Not there: a problem, as a load of the file saved would say. */
  g_assert_true (has_problem_about (fixture->catalog, 56, "rust.jpg"));
  g_assert_cmpint (vt_item_get_year (vt_catalog_lookup (fixture->catalog, 14)), ==, 1915);

  reloaded = vt_catalog_new_for_file (other, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) saved = g_list_model_get_item (G_LIST_MODEL (fixture->catalog), i);
      g_autoptr(VtItem) loaded = g_list_model_get_item (G_LIST_MODEL (reloaded), i);
      g_autofree char *saved_image = image_path (saved);
      g_autofree char *loaded_image = image_path (loaded);

      g_assert_cmpuint (vt_item_get_number (saved), ==, vt_item_get_number (loaded));
      g_assert_cmpstr (saved_image, ==, loaded_image);
      g_assert_cmpstr (vt_item_get_problem (saved), ==, vt_item_get_problem (loaded));
    }

  /* Copied there, the image is found; the edit undone puts back a piece
   * whose image is found there too. */
  g_assert_cmpint (g_mkdir (other_images, 0700), ==, 0);
  vt_test_write_file (other_rust, contents, (gssize) length);
  g_assert_true (vt_catalog_undo (fixture->catalog));
  g_assert_cmpint (vt_item_get_year (vt_catalog_lookup (fixture->catalog, 14)), !=, 1915);
  path = image_path (vt_catalog_lookup (fixture->catalog, 14));
  g_assert_cmpstr (path, ==, other_rust);
  g_assert_false (has_problem_about (fixture->catalog, 14, "rust.jpg"));
  g_assert_true (vt_catalog_redo (fixture->catalog));
  g_assert_cmpint (vt_item_get_year (vt_catalog_lookup (fixture->catalog, 14)), ==, 1915);
  g_assert_false (vt_catalog_get_modified (fixture->catalog));

  /* Saved again in the same folder, nothing moves. */
  g_assert_true (vt_catalog_save (fixture->catalog, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (base_dir_changes, ==, 1);
}

/* A failed save: the file, the edits and "modified" as they were, and
 * nothing left beside the file. */
static void
assert_failed_cleanly (Fixture    *fixture,
                       gboolean    ok,
                       GError     *error,
                       const char *expected)
{
  g_assert_false (ok);
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE);
  vt_test_assert_contains (error->message, fixture->path);
  vt_test_assert_contains (error->message, expected);
  assert_file_is (fixture->path, fixture->original, fixture->original_length);
  g_assert_true (vt_catalog_get_modified (fixture->catalog));
  g_assert_true (vt_catalog_get_can_undo (fixture->catalog));
  g_assert_cmpint (vt_item_get_year (vt_catalog_lookup (fixture->catalog, 14)), ==, 1915);
}

static void
test_write_fails (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  struct rlimit saved_limit, limit;
  gboolean ok;

  set_year (fixture->catalog, 14, 1915);

  /* The disk fills up half way through the new file: the file size limit
   * makes write() fail past 4 kB, even for root, after the backup (a
   * hard link) is made. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  limit = saved_limit;
  limit.rlim_cur = 4096;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = vt_catalog_save (fixture->catalog, fixture->file, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);

  assert_failed_cleanly (fixture, ok, error, "Cannot save");
  assert_dir_holds (fixture->dir, "catalog.json catalog.json~");

  /* It can be saved once there is room. */
  g_clear_error (&error);
  g_assert_true (vt_catalog_save (fixture->catalog, fixture->file, &error));
  g_assert_no_error (error);
  g_assert_false (vt_catalog_get_modified (fixture->catalog));
  assert_file_is (fixture->backup, fixture->original, fixture->original_length);
}

static void
test_folder_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!vt_test_unprivileged (fixture->dir))
    return;

  set_year (fixture->catalog, 14, 1915);
  g_chmod (fixture->dir, 0555);
  ok = vt_catalog_save (fixture->catalog, fixture->file, &error);
  g_chmod (fixture->dir, 0755);

  assert_failed_cleanly (fixture, ok, error, "not writable");
  vt_test_assert_contains (error->message, fixture->dir);
  assert_dir_holds (fixture->dir, "catalog.json");
}

static void
test_file_became_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  set_year (fixture->catalog, 14, 1915);
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->path, 0755), ==, 0);

  g_assert_false (vt_catalog_save_full (fixture->catalog, fixture->file, VT_SAVE_OVERWRITE, &error));
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE);
  vt_test_assert_contains (error->message, fixture->path);
  vt_test_assert_contains (error->message, "it is a folder");
  g_assert_true (vt_catalog_get_modified (fixture->catalog));
  assert_dir_holds (fixture->dir, "catalog.json");
  g_assert_cmpint (g_rmdir (fixture->path), ==, 0);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
} AsyncResult;

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *state = user_data;

  state->ok = vt_catalog_save_finish (VT_CATALOG (object), result, &state->error);
  state->done = TRUE;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  AsyncResult first = { FALSE, FALSE, NULL };
  AsyncResult second = { FALSE, FALSE, NULL };
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  gsize length;

  set_year (fixture->catalog, 14, 1915);
  expected = vt_catalog_to_data (fixture->catalog, NULL);
  vt_catalog_save_async (fixture->catalog, fixture->file, VT_SAVE_NONE, NULL, on_saved_cb, &first);

  /* One at a time. */
  vt_catalog_save_async (fixture->catalog, fixture->file, VT_SAVE_NONE, NULL, on_saved_cb, &second);
  WAIT_UNTIL (second.done);
  g_assert_false (second.ok);
  g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&second.error);

  /* An edit while the save runs is not in the file, and stays unsaved. */
  set_year (fixture->catalog, 29, 1930);
  WAIT_UNTIL (first.done);
  g_assert_no_error (first.error);
  g_assert_true (first.ok);
  saved = read_file (fixture->path, &length);
  g_assert_cmpstr (saved, ==, expected);
  assert_file_is (fixture->backup, fixture->original, fixture->original_length);
  g_assert_true (vt_catalog_get_modified (fixture->catalog));
  /* Undoing that edit comes back to what was saved. */
  g_assert_true (vt_catalog_undo (fixture->catalog));
  g_assert_false (vt_catalog_get_modified (fixture->catalog));

  /* Another program's change is refused in a thread too. */
  vt_test_write_file (fixture->path, "changed", -1);
  set_year (fixture->catalog, 45, 1946);
  second.done = FALSE;
  vt_catalog_save_async (fixture->catalog, fixture->file, VT_SAVE_NONE, NULL, on_saved_cb, &second);
  WAIT_UNTIL (second.done);
  g_assert_false (second.ok);
  g_assert_error (second.error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_CHANGED_ON_DISK);
  g_clear_error (&second.error);
  g_assert_true (vt_catalog_get_modified (fixture->catalog));
  assert_file_is (fixture->path, "changed", strlen ("changed"));
}

/* Saved into another folder in a thread, with an edit made while it
 * ran: the piece the edit made moves too, and the problems are those of
 * the pieces as they are then, not as the save began. */
static void
test_async_other_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  AsyncResult result = { FALSE, FALSE, NULL };
  g_autofree char *other_dir = g_build_filename (fixture->dir, "other", NULL);
  g_autofree char *other_path = g_build_filename (other_dir, "catalog.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GFile) other_folder = g_file_new_for_path (other_dir);
  g_autofree char *image = NULL;
  g_autofree char *expected = g_build_filename (other_dir, "images", "rust.jpg", NULL);

  g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
  vt_catalog_save_async (fixture->catalog, other, VT_SAVE_NONE, NULL, on_saved_cb, &result);
  set_year (fixture->catalog, 14, 1915);
  set_year (fixture->catalog, 29, 2101);
  WAIT_UNTIL (result.done);
  g_assert_no_error (result.error);
  g_assert_true (result.ok);

  g_assert_true (g_file_equal (vt_catalog_get_base_dir (fixture->catalog), other_folder));
  g_assert_cmpint (vt_item_get_year (vt_catalog_lookup (fixture->catalog, 14)), ==, 1915);
  image = image_path (vt_catalog_lookup (fixture->catalog, 14));
  g_assert_cmpstr (image, ==, expected);
  /* The year the edit gave 29 is after its decade: a problem the save
   * never saw. */
  g_assert_true (has_problem_about (fixture->catalog, 29, "2101"));
  g_assert_true (vt_catalog_get_modified (fixture->catalog));
  g_assert_true (vt_catalog_undo (fixture->catalog));
  g_assert_false (has_problem_about (fixture->catalog, 29, "2101"));
}

static void
test_async_then_load (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  AsyncResult result = { FALSE, FALSE, NULL };
  g_autoptr(GError) error = NULL;

  vt_test_write_file (other_path, fixture->original, (gssize) fixture->original_length);
  set_year (fixture->catalog, 14, 1915);
  vt_catalog_save_async (fixture->catalog, fixture->file, VT_SAVE_NONE, NULL, on_saved_cb, &result);
  /* Another catalog is opened while the save runs. */
  g_assert_true (vt_catalog_load (fixture->catalog, other, NULL, &error));
  g_assert_no_error (error);
  set_year (fixture->catalog, 29, 1930);
  WAIT_UNTIL (result.done);
  g_assert_true (result.ok);

  /* The save is done, and changes nothing of what is open now. */
  g_assert_true (g_file_equal (vt_catalog_get_file (fixture->catalog), other));
  g_assert_true (vt_catalog_get_modified (fixture->catalog));
  g_assert_true (g_file_test (fixture->backup, G_FILE_TEST_EXISTS));
}

static void
test_async_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult result = { FALSE, FALSE, NULL };

  set_year (fixture->catalog, 14, 1915);
  g_cancellable_cancel (cancellable);
  vt_catalog_save_async (fixture->catalog, fixture->file, VT_SAVE_NONE, cancellable, on_saved_cb, &result);
  WAIT_UNTIL (result.done);
  g_assert_false (result.ok);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&result.error);
  assert_file_is (fixture->path, fixture->original, fixture->original_length);
  assert_dir_holds (fixture->dir, "catalog.json");
  g_assert_true (vt_catalog_get_modified (fixture->catalog));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/save/backup/first-save-after-load", test_backup_first_save);
  ADD ("/save/backup/replaces-old", test_backup_replaces_old);
  ADD ("/save/changed-on-disk/refused", test_changed_on_disk);
  ADD ("/save/changed-on-disk/bytes-only", test_changed_bytes_only);
  ADD ("/save/changed-on-disk/deleted", test_deleted_on_disk);
  ADD ("/save/save-as", test_save_as);
  ADD ("/save/save-as/other-folder", test_save_as_other_folder);
  ADD ("/save/fails/write", test_write_fails);
  ADD ("/save/fails/folder-read-only", test_folder_read_only);
  ADD ("/save/fails/file-became-folder", test_file_became_folder);
  ADD ("/save/async/saves", test_async);
  ADD ("/save/async/then-load", test_async_then_load);
  ADD ("/save/async/other-folder", test_async_other_folder);
  ADD ("/save/async/cancelled", test_async_cancelled);

#undef ADD

  return g_test_run ();
}
