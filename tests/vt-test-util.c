/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers the test programs share: temporary folders, running a built program, counting signals. */

#include "config.h"

#include "vt-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

char *
vt_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return path;
}

void
vt_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      vt_test_remove_tree (child);
    }
  g_rmdir (path);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

char *
vt_test_make_hostile_images (const char *dir,
                             const char *catalog_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *catalog = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.jpg", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.jpg", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.jpg", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.jpg", NULL);

  copy_file (catalog_path, catalog);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink ("loop.jpg", loop), ==, 0);
  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&catalog);
}

char *
vt_test_make_outside_images (const char *dir,
                             const char *catalog_path,
                             const char *image_path)
{
  g_autofree char *catalog = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *images = g_build_filename (dir, "images", NULL);
  g_autofree char *inside = g_build_filename (images, "inside.png", NULL);
  g_autofree char *link = g_build_filename (dir, "link.png", NULL);

  copy_file (catalog_path, catalog);
  g_assert_cmpint (g_mkdir (images, 0700), ==, 0);
  copy_file (image_path, inside);
  g_assert_cmpint (symlink (image_path, link), ==, 0);

  return g_steal_pointer (&catalog);
}

void
vt_test_run_clear (VtTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
vt_test_run (VtTestRun          *run,
             const char         *cwd,
             const char * const *envp,
             const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (argv[0]);
  vt_test_run_clear (run);
  g_spawn_sync (cwd, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = 0;
  if (!g_spawn_check_wait_status (wait_status, &error))
    {
      /* Exited with a status, not killed by a signal. */
      g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
      run->status = error->code;
    }
  g_test_message ("%s: exit %d\nstdout:\n%s\nstderr:\n%s",
                  argv[0], run->status, run->out, run->err);
}

static void
on_communicated_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      data)
{
  VtTestRun *run = data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result,
                                        &run->out, &run->err, &error);
  g_assert_no_error (error);
}

static gboolean
on_deadline_cb (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

void
vt_test_run_within (VtTestRun          *run,
                    const char         *cwd,
                    const char * const *envp,
                    const char * const *argv,
                    guint               seconds)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GSource) deadline = g_timeout_source_new_seconds (seconds);
  g_autoptr(GError) error = NULL;
  gboolean expired = FALSE;

  g_assert_nonnull (argv[0]);
  vt_test_run_clear (run);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);
  if (envp != NULL)
    g_subprocess_launcher_set_environ (launcher, (char **) envp);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  g_main_context_push_thread_default (context);
  g_source_set_callback (deadline, on_deadline_cb, &expired, NULL);
  g_source_attach (deadline, context);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated_cb, run);
  while (run->out == NULL && !expired)
    g_main_context_iteration (context, TRUE);
  if (expired)
    {
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);
      while (run->out == NULL)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (deadline);
  g_main_context_pop_thread_default (context);

  if (expired)
    g_error ("%s did not finish within %u s: stdout:\n%s\nstderr:\n%s",
             argv[0], seconds, run->out, run->err);

  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("%s: exit %d\nstdout:\n%s\nstderr:\n%s",
                  argv[0], run->status, run->out, run->err);
}

void
vt_test_count_notify_cb (GObject    *object,
                         GParamSpec *pspec,
                         guint      *count)
{
  (*count)++;
}

static void
on_hint_cb (VtTestHints *hints,
            int          hint)
{
  g_array_append_val (hints->hints, hint);
}

void
vt_test_hints_watch (VtTestHints *hints,
                     gpointer     instance,
                     const char  *signal)
{
  hints->hints = g_array_new (FALSE, FALSE, sizeof (int));
  g_signal_connect_swapped (instance, signal, G_CALLBACK (on_hint_cb), hints);
}

void
vt_test_hints_expect (VtTestHints *hints,
                      int          expected)
{
  if (expected < 0)
    {
      g_assert_cmpuint (hints->hints->len, ==, 0);
    }
  else
    {
      g_assert_cmpuint (hints->hints->len, ==, 1);
      g_assert_cmpint (g_array_index (hints->hints, int, 0), ==, expected);
    }
  g_array_set_size (hints->hints, 0);
}

void
vt_test_hints_clear (VtTestHints *hints)
{
  g_clear_pointer (&hints->hints, g_array_unref);
}
