/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the atomic file writer: contents, replacement, permissions, refusals, temporary files. */

#include "config.h"

#include "vt-fault.h"
#include "vt-file.h"
#include "vt-test-util.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

static int
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
test_write_new (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "new.txt", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (vt_file_write_atomic (path, "hello", 5, 0644, VT_FILE_WRITE_NONE, &error));
  g_assert_no_error (error);
  assert_contents (path, "hello");

  g_assert_true (vt_file_write_atomic (empty, NULL, 0, 0644, VT_FILE_WRITE_NONE, &error));
  g_assert_no_error (error);
  assert_contents (empty, "");

  /* Only the two files: no temporary file is left beside them. */
  g_assert_cmpuint (count_files (dir), ==, 2);

  vt_test_remove_tree (dir);
}

/* Many short vectors, gathered, and long ones past the write-back
 * chunk, in order. */
/* The calls a write of @flags makes in @dir, as vt-fault.c logs them. */
static char *
sync_log (const char       *dir,
          const char       *name,
          VtFileWriteFlags  flags)
{
  g_autofree char *real_dir = realpath (dir, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  VtFault *fault = vt_fault_new_shared (real_dir);
  char *log;

  fault->kind = VT_FAULT_COUNT;
  vt_fault_attach (fault);
  g_assert_true (vt_file_write_atomic (path, "hello", 5, 0644, flags, &error));
  vt_fault_attach (NULL);
  g_assert_no_error (error);
  assert_contents (path, "hello");
  log = g_strndup (fault->log, MIN (fault->calls, VT_FAULT_LOG_SIZE));
  vt_fault_free (fault);
  return log;
}

/* The data is synced before the rename, new files too; the folder after
 * the rename, unless the rename may be lost. */
static void
test_write_syncs (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-file-XXXXXX");
  g_autofree char *durable = sync_log (dir, "durable.txt", VT_FILE_WRITE_NONE);
  g_autofree char *unsynced = sync_log (dir, "unsynced.txt", VT_FILE_WRITE_RENAME_UNSYNCED);
  g_autofree char *cache = sync_log (dir, "cache.txt", VT_FILE_WRITE_CACHE);

  g_assert_cmpstr (durable, ==, "wscrcS");
  g_assert_cmpstr (unsynced, ==, "wscrc");
  g_assert_cmpstr (cache, ==, "wcrc");
}

static void
test_write_vectors (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "vectors.txt", NULL);
  g_autoptr(GArray) vectors = g_array_new (FALSE, FALSE, sizeof (GOutputVector));
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GPtrArray) buffers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  for (guint i = 0; i < 3000; i++)
    {
      gsize size = i % 500 == 499 ? 5 * 1024 * 1024 + i : i % 37;
      char *buffer = g_malloc (size + 1);
      GOutputVector vector = { buffer, size };

      for (gsize k = 0; k < size; k++)
        buffer[k] = (char) ('a' + (i + k) % 26);
      g_ptr_array_add (buffers, buffer);
      g_array_append_val (vectors, vector);
      g_string_append_len (expected, buffer, (gssize) size);
    }

  g_assert_true (vt_file_write_atomic_vectors (path, (GOutputVector *) vectors->data, vectors->len,
                                               0644, VT_FILE_WRITE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, expected->len);
  g_assert_true (memcmp (contents, expected->str, length) == 0);
  g_assert_cmpuint (count_files (dir), ==, 1);

  vt_test_remove_tree (dir);
}

static void
test_write_replaces (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "file.txt", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "old contents, longer than the new", -1, &error);
  g_assert_no_error (error);

  for (VtFileWriteFlags flags = VT_FILE_WRITE_NONE; flags <= VT_FILE_WRITE_CACHE; flags++)
    {
      g_autofree char *text = g_strdup_printf ("new %d", flags);

      g_assert_true (vt_file_write_atomic (path, text, strlen (text), 0644, flags, &error));
      g_assert_no_error (error);
      assert_contents (path, text);
    }
  g_assert_cmpuint (count_files (dir), ==, 1);

  vt_test_remove_tree (dir);
}

static void
test_mode (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-file-XXXXXX");
  g_autofree char *private = g_build_filename (dir, "private.png", NULL);
  g_autofree char *shared = g_build_filename (dir, "shared.json", NULL);
  g_autoptr(GError) error = NULL;

  /* A new file gets the mode asked for. */
  g_assert_true (vt_file_write_atomic (private, "x", 1, 0600, VT_FILE_WRITE_CACHE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (private), ==, 0600);

  /* A file replaced keeps its own, the umask notwithstanding. */
  g_assert_true (vt_file_write_atomic (shared, "x", 1, 0644, VT_FILE_WRITE_NONE, &error));
  g_assert_cmpint (g_chmod (shared, 0664), ==, 0);
  g_assert_true (vt_file_write_atomic (shared, "y", 1, 0644, VT_FILE_WRITE_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (shared), ==, 0664);
  assert_contents (shared, "y");

  vt_test_remove_tree (dir);
}

static void
test_folder_not_writable (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-file-XXXXXX");
  g_autofree char *not_a_folder = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *inside = g_build_filename (not_a_folder, "file.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "file.txt", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (not_a_folder, "a file, not a folder", -1, &error);
  g_assert_no_error (error);

  /* Root writes anywhere: a "folder" that is a regular file is one place
   * nobody can create a file in. */
  g_assert_false (vt_file_write_atomic (inside, "x", 1, 0644, VT_FILE_WRITE_NONE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_nonnull (strstr (error->message, inside));
  g_assert_nonnull (strstr (error->message, "the folder"));
  g_assert_nonnull (strstr (error->message, not_a_folder));
  g_assert_nonnull (strstr (error->message, "not writable"));
  g_clear_error (&error);

  g_assert_false (vt_file_write_atomic (missing, "x", 1, 0644, VT_FILE_WRITE_NONE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "does not exist"));

  vt_test_remove_tree (dir);
}

/* A folder without write permission. */
static void
test_folder_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (!vt_test_unprivileged (NULL))
    return;

  dir = vt_test_make_tmp_dir ("vitrine-file-XXXXXX");
  path = g_build_filename (dir, "file.txt", NULL);
  g_file_set_contents (path, "old contents", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (vt_file_write_atomic (path, "x", 1, 0644, VT_FILE_WRITE_NONE, &error));
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_nonnull (strstr (error->message, "not writable"));
  g_assert_nonnull (strstr (error->message, dir));
  assert_contents (path, "old contents");

  vt_test_remove_tree (dir);
}

static void
test_onto_folder (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-file-XXXXXX");
  g_autofree char *folder = g_build_filename (dir, "images", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (vt_file_write_atomic (folder, "x", 1, 0644, VT_FILE_WRITE_NONE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_nonnull (strstr (error->message, "it is a folder"));

  /* Nothing was written beside it, and it is still a folder. */
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  vt_test_remove_tree (dir);
}

static void
test_failure_keeps_old_file (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "file.txt", NULL);
  g_autofree char *big = g_strnfill (4096, 'x');
  g_autoptr(GError) error = NULL;
  struct rlimit saved_limit, limit;
  gboolean ok;

  g_file_set_contents (path, "old contents", -1, &error);
  g_assert_no_error (error);

  /* A disk that fills up half way through the write: the file size
   * limit makes write() fail after 64 bytes, even for root. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  limit = saved_limit;
  limit.rlim_cur = 64;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = vt_file_write_atomic (path, big, 4096, 0644, VT_FILE_WRITE_NONE, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_FILE_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "Cannot save "));
  g_assert_nonnull (strstr (error->message, path));

  /* The old file is whole and the temporary file is gone. */
  assert_contents (path, "old contents");
  g_assert_cmpuint (count_files (dir), ==, 1);

  vt_test_remove_tree (dir);
}

/* What a save killed between writing its temporary file and renaming
 * it leaves: the next save removes it, and writes its own. */
static void
test_leftover_removed (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *leftover = g_build_filename (dir, ".catalog.json.saving", NULL);
  g_autofree char *other = g_build_filename (dir, ".notes.txt.saving", NULL);
  g_autofree char *backup = g_build_filename (dir, "catalog.json.backup", NULL);
  g_autoptr(GError) error = NULL;

  vt_test_write_file (path, "old contents", -1);
  vt_test_write_file (leftover, "half of a save that was killed, longer than the new", -1);
  vt_test_write_file (other, "another file's", -1);
  vt_test_write_file (backup, "the user's own", -1);

  g_assert_true (vt_file_write_atomic (path, "new", 3, 0644, VT_FILE_WRITE_NONE, &error));
  g_assert_no_error (error);
  assert_contents (path, "new");
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
  /* Only that file's: another file's, and names like GLib's, stay. */
  assert_contents (other, "another file's");
  assert_contents (backup, "the user's own");
  g_assert_cmpuint (count_files (dir), ==, 3);

  vt_test_remove_tree (dir);
}

/* A symbolic link where the temporary file goes is removed, never
 * followed: the file it points to is not written. */
static void
test_leftover_link (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *link = g_build_filename (dir, ".catalog.json.saving", NULL);
  g_autofree char *victim = g_build_filename (dir, "victim.txt", NULL);
  g_autoptr(GError) error = NULL;

  vt_test_write_file (victim, "not to be written", -1);
  g_assert_cmpint (symlink (victim, link), ==, 0);

  g_assert_true (vt_file_write_atomic (path, "new", 3, 0644, VT_FILE_WRITE_NONE, &error));
  g_assert_no_error (error);
  assert_contents (path, "new");
  assert_contents (victim, "not to be written");
  g_assert_cmpuint (count_files (dir), ==, 2);

  vt_test_remove_tree (dir);
}

/* A save that finds another process writing the same file waits for it
 * to end, then writes: the two never share a temporary file. */
static void
test_waits_for_other_save (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *temp = g_build_filename (dir, ".catalog.json.saving", NULL);
  g_autoptr(GError) error = NULL;
  int ready[2], go[2];
  gint64 start;
  pid_t pid;
  char c;

  vt_test_write_file (path, "old contents", -1);
  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (go), ==, 0);

  /* The other save: its temporary file made and locked, half written. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int fd = open (temp, O_RDWR | O_CREAT | O_EXCL, 0644);

      if (fd < 0 || flock (fd, LOCK_EX) != 0 || write (fd, "oth", 3) != 3 ||
          write (ready[1], "r", 1) != 1 || read (go[0], &c, 1) != 1 ||
          write (fd, "er", 2) != 2 || rename (temp, path) != 0)
        _exit (1);
      _exit (0);
    }
  g_assert_cmpint (read (ready[0], &c, 1), ==, 1);

  /* It finishes a while after ours began; ours then replaces its file. */
  start = g_get_monotonic_time ();
  if (fork () == 0)
    {
      g_usleep (G_USEC_PER_SEC / 5);
      _exit (write (go[1], "g", 1) == 1 ? 0 : 1);
    }
  g_assert_true (vt_file_write_atomic (path, "ours", 4, 0644, VT_FILE_WRITE_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC / 5);
  assert_contents (path, "ours");
  g_assert_cmpuint (count_files (dir), ==, 1);

  for (guint i = 0; i < 2; i++)
    {
      int status;

      g_assert_cmpint (wait (&status), >, 0);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  vt_test_remove_tree (dir);
}

/* A second name of a file, replaced whole; made again when it already
 * names that file (rename() then does nothing), nothing is left. */
static void
test_link (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *copy = g_build_filename (dir, "catalog.json~", NULL);
  g_autoptr(GError) error = NULL;

  vt_test_write_file (path, "first", -1);
  g_assert_true (vt_file_link_atomic (path, copy, &error));
  g_assert_no_error (error);
  assert_contents (copy, "first");

  g_assert_true (vt_file_link_atomic (path, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 2);

  g_assert_true (vt_file_write_atomic (path, "second", 6, 0644, VT_FILE_WRITE_NONE, &error));
  g_assert_true (vt_file_link_atomic (path, copy, &error));
  g_assert_no_error (error);
  assert_contents (copy, "second");
  g_assert_cmpuint (count_files (dir), ==, 2);

  vt_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file/write/new", test_write_new);
  g_test_add_func ("/file/write/replaces", test_write_replaces);
  g_test_add_func ("/file/write/vectors", test_write_vectors);
  g_test_add_func ("/file/write/syncs", test_write_syncs);
  g_test_add_func ("/file/write/mode", test_mode);
  g_test_add_func ("/file/write/folder-not-writable", test_folder_not_writable);
  g_test_add_func ("/file/write/folder-read-only", test_folder_read_only);
  g_test_add_func ("/file/write/onto-folder", test_onto_folder);
  g_test_add_func ("/file/write/failure-keeps-old-file", test_failure_keeps_old_file);
  g_test_add_func ("/file/write/leftover-removed", test_leftover_removed);
  g_test_add_func ("/file/write/leftover-link", test_leftover_link);
  g_test_add_func ("/file/write/waits-for-other-save", test_waits_for_other_save);
  g_test_add_func ("/file/link", test_link);

  return g_test_run ();
}
