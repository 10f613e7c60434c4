/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers the test programs share: temporary folders, running a built program, counting signals. */

#include "config.h"

#include "vt-test-util.h"

#include <glib/gstdio.h>

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
