/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers the test programs share: temporary folders, running a built program, tests as an unprivileged user, counting signals. */

#include "config.h"

#include "vt-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
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

/* The user file modes apply to: "nobody". */
static void
unprivileged_ids (uid_t *uid,
                  gid_t *gid)
{
  struct passwd *user = getpwnam ("nobody");

  *uid = user != NULL ? user->pw_uid : 65534;
  *gid = user != NULL ? user->pw_gid : 65534;
}

/* Makes @uid the owner of @path and, for a folder, of everything in it;
 * links are changed themselves, never followed. */
static void
give_tree (const char *path,
           uid_t       uid,
           gid_t       gid)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_cmpint (lchown (path, uid, gid), ==, 0);
  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      give_tree (child, uid, gid);
    }
}

/* The first folder on the way to @path, @path included, that other users
 * cannot pass through (no x bit for others), or NULL when there is none. */
static char *
first_closed_folder (const char *path)
{
  g_autofree char *folder = realpath (path, NULL);

  if (folder == NULL)
    return g_strdup (path);
  while (TRUE)
    {
      g_autofree char *parent = NULL;
      struct stat st;

      if (g_stat (folder, &st) != 0 || (st.st_mode & S_IXOTH) == 0)
        return g_steal_pointer (&folder);
      parent = g_path_get_dirname (folder);
      if (g_strcmp0 (parent, folder) == 0)
        return NULL;
      g_free (folder);
      folder = g_steal_pointer (&parent);
    }
}

/* Why the unprivileged user could not run a test here, or NULL: it must
 * reach the tests' sources and data, the build (the programs the tests
 * run) and make folders in the temporary folder. */
static char *
why_unreachable (void)
{
  const char *tmp = g_get_tmp_dir ();
  const char *needed[] = { g_test_get_dir (G_TEST_DIST), g_test_get_dir (G_TEST_BUILT), tmp };
  struct stat st;

  for (gsize i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      g_autofree char *closed = first_closed_folder (needed[i]);

      if (closed != NULL)
        return g_strdup_printf ("an unprivileged user cannot reach %s: %s is closed to other users",
                                needed[i], closed);
    }
  if (g_stat (tmp, &st) != 0 || (st.st_mode & S_IWOTH) == 0)
    return g_strdup_printf ("an unprivileged user cannot make folders in %s", tmp);
  return NULL;
}

static void
become_unprivileged (const char *dir)
{
  uid_t uid;
  gid_t gid;

  unprivileged_ids (&uid, &gid);
  if (dir != NULL)
    give_tree (dir, uid, gid);

  g_assert_cmpint (setgroups (0, NULL), ==, 0);
  g_assert_cmpint (setgid (gid), ==, 0);
  g_assert_cmpint (setuid (uid), ==, 0);
  g_assert_cmpint (geteuid (), ==, uid);
}

gboolean
vt_test_unprivileged (const char *dir)
{
  static const char * const variables[][2] = {
    { "HOME", NULL },
    { "XDG_CACHE_HOME", ".cache" },
    { "XDG_CONFIG_HOME", ".config" },
    { "XDG_DATA_HOME", ".local/share" },
    { "XDG_STATE_HOME", ".local/state" },
  };
  g_autofree char *why = NULL;
  g_autofree char *home = NULL;
  char *saved[G_N_ELEMENTS (variables)];
  uid_t uid;
  gid_t gid;

  if (geteuid () != 0)
    return TRUE;
  if (g_test_subprocess ())
    {
      become_unprivileged (dir);
      return TRUE;
    }

  why = why_unreachable ();
  if (why != NULL)
    {
      g_test_skip (why);
      return FALSE;
    }

  /* The subprocess's home and XDG folders, its own: read when it starts,
   * before GLib keeps the first values it sees. */
  home = vt_test_make_tmp_dir ("vitrine-home-XXXXXX");
  unprivileged_ids (&uid, &gid);
  give_tree (home, uid, gid);
  for (gsize i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *path = g_build_filename (home, variables[i][1], NULL);

      saved[i] = g_strdup (g_getenv (variables[i][0]));
      g_setenv (variables[i][0], path, TRUE);
    }

  g_test_message ("running %s again as uid %u", g_test_get_path (), (guint) uid);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                   G_TEST_SUBPROCESS_INHERIT_STDERR);

  for (gsize i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      if (saved[i] != NULL)
        g_setenv (variables[i][0], saved[i], TRUE);
      else
        g_unsetenv (variables[i][0]);
      g_free (saved[i]);
    }
  vt_test_remove_tree (home);

  g_test_trap_assert_passed ();
  return FALSE;
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

guint64
vt_test_status_kb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, key);
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen (key) + 1, NULL, 10);
}

void
vt_test_write_file (const char *path,
                    const char *data,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}
