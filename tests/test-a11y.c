/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The windows' accessibility tree as a screen reader reads it over AT-SPI: every control and image named, and named well. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-application.h"
#include "vt-gallery-view.h"
#include "vt-test-ui.h"
#include "vt-test-util.h"
#include "vt-window-private.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/*
 * GTK's own accessible API in 4.8 can set properties but not read the
 * name a screen reader would compute (from a label, a labelled-by relation,
 * a child's text), so the tree is read from outside, as Orca reads it:
 * tests/a11y-tree.py walks this process's windows over AT-SPI with
 * pyatspi. The accessibility bus and its registry are started by a D-Bus
 * session of this test's own (GTestDBus), whose sockets live in a folder
 * of this test's own: nothing is shared with another run.
 */


static VtWindow *
new_window_on_sample (void)
{
  g_autoptr(GFile) sample = vt_test_sample_file ();
  VtWindow *window = g_object_new (VT_TYPE_WINDOW, NULL);

  gtk_window_present (GTK_WINDOW (window));
  vt_window_open_file (window, sample);
  WAIT_UNTIL (!vt_window_get_loading (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

static void
close_window (VtWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

static guint
n_mapped_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_mapped (toplevel))
        n++;
    }

  return n;
}

typedef struct
{
  GBytes   *out;
  gboolean  done;
} Walk;

static void
on_walker_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Walk *walk = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &walk->out, NULL, &error);
  g_assert_no_error (error);
  walk->done = TRUE;
}

static gboolean
on_walk_timeout_cb (gpointer user_data)
{
  g_error ("the accessibility tree's walker still runs after 90 s");
  return G_SOURCE_REMOVE;
}

/* Runs the walker on this process while the main loop keeps answering
 * it, over every window shown. Returns its exit status; @out takes what
 * it printed. */
static int
walk_tree (char **out)
{
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *n_windows = g_strdup_printf ("%u", n_mapped_toplevels ());
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) walker = NULL;
  g_autoptr(GError) error = NULL;
  Walk walk = { NULL, FALSE };
  g_auto(GStrv) lines = NULL;
  guint timeout;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  /* libatspi warns of objects that go away while it reads them, which
   * is no failure of ours. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  walker = g_subprocess_launcher_spawn (launcher, &error,
                                        A11Y_PYTHON, A11Y_TREE_SCRIPT, pid, n_windows, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_async (walker, NULL, NULL, on_walker_done_cb, &walk);
  /* Each of the walker's questions is a round trip to this main loop:
   * a blocking iteration answers it at once. */
  timeout = g_timeout_add_seconds (90, on_walk_timeout_cb, NULL);
  while (!walk.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_true (g_subprocess_get_if_exited (walker));

  /* A walker that printed nothing left empty bytes, whose data is NULL. */
  *out = g_strndup (g_bytes_get_size (walk.out) > 0 ? g_bytes_get_data (walk.out, NULL) : "",
                    g_bytes_get_size (walk.out));
  g_bytes_unref (walk.out);
  lines = g_strsplit (*out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_test_message ("%s", lines[i]);

  return g_subprocess_get_exit_status (walker);
}

static void
assert_tree_clean (void)
{
  g_autofree char *out = NULL;
  int status = walk_tree (&out);

  if (status != 0)
    g_error ("the accessibility tree reads badly (the walker exited with %d): see above", status);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }

  return NULL;
}

/* The main window with a piece open in the detail window. */
static void
test_main_and_detail (void)
{
  VtWindow *window = new_window_on_sample ();

  _vt_window_show_detail (window, 0);
  g_assert_nonnull (window->detail_window);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window->detail_window)));
  assert_tree_clean ();

  close_window (window);
}

/* The shortcuts window over the main window. */
static void
test_shortcuts (void)
{
  VtWindow *window = new_window_on_sample ();
  GtkWindow *shortcuts;

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (shortcuts)));
  assert_tree_clean ();

  gtk_window_close (shortcuts);
  close_window (window);
}

/* The show window and the presenter console. */
static void
test_show_and_console (void)
{
  VtWindow *window = new_window_on_sample ();

  g_action_group_activate_action (G_ACTION_GROUP (window), "present-with-console", NULL);
  g_assert_nonnull (window->show_window);
  g_assert_nonnull (window->console);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window->show_window)));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window->console)));
  assert_tree_clean ();

  gtk_window_close (GTK_WINDOW (window->console));
  close_window (window);
}

/* The walker is no test unless it fails: an icon button nobody named,
 * and a button whose mnemonic would be read with its underscore. */
static void
test_unnamed_button_found (void)
{
  VtWindow *window = new_window_on_sample ();
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  GtkWidget *header = gtk_window_get_titlebar (GTK_WINDOW (window));
  g_autofree char *out = NULL;

  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), button);
  WAIT_UNTIL (gtk_widget_get_mapped (button));
  g_assert_cmpint (walk_tree (&out), ==, 1);
  g_assert_nonnull (strstr (out, "push button(GtkImage)"));

  gtk_header_bar_remove (GTK_HEADER_BAR (header), button);
  button = gtk_button_new_with_mnemonic ("_Unnamed");
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), button);
  WAIT_UNTIL (gtk_widget_get_mapped (button));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (walk_tree (&out), ==, 1);
  g_assert_nonnull (strstr (out, "mnemonic"));

  close_window (window);
}

/* GTK 4.8's shortcuts window, read over AT-SPI, measures the labels of
 * its page switcher ("1", "2") below zero: a warning of GTK's about its
 * own widget, let through here and nowhere else. Every other message goes
 * to GLib's writer, which aborts on warnings in a test. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }
  if ((level & G_LOG_LEVEL_WARNING) != 0 &&
      g_strcmp0 (domain, "Gtk") == 0 &&
      message != NULL &&
      g_str_has_prefix (message, "GtkLabel ") &&
      strstr (message, "reported min width -") != NULL)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *runtime_dir = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GTestDBus) bus = NULL;
  const char * const *data_dirs;
  int tap_fd;
  int status;

  /* The other ui tests turn accessibility off; this one is about it. */
  g_unsetenv ("GTK_A11Y");
  g_unsetenv ("NO_AT_BRIDGE");
  runtime_dir = vt_test_make_tmp_dir ("vitrine-a11y-XXXXXX");
  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);

  /* The session bus starts the accessibility bus on demand from the
   * system's service files. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  data_dirs = g_get_system_data_dirs ();
  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *services = g_build_filename (data_dirs[i], "dbus-1", "services", NULL);

      if (g_file_test (services, G_FILE_TEST_IS_DIR))
        g_test_dbus_add_service_dir (bus, services);
    }
  /* GTestDBus unsets DISPLAY (against X11's bus autolaunch); the windows
   * need it back. */
  display = g_strdup (g_getenv ("DISPLAY"));
  /* What the buses and the services they start print goes to stderr,
   * not into this test's TAP stream. */
  tap_fd = dup (STDOUT_FILENO);
  dup2 (STDERR_FILENO, STDOUT_FILENO);
  g_test_dbus_up (bus);
  fflush (stdout);
  dup2 (tap_fd, STDOUT_FILENO);
  close (tap_fd);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_test_add_func ("/a11y/tree/main-and-detail", test_main_and_detail);
  g_test_add_func ("/a11y/tree/shortcuts", test_shortcuts);
  g_test_add_func ("/a11y/tree/show-and-console", test_show_and_console);
  g_test_add_func ("/a11y/tree/unnamed-button-found", test_unnamed_button_found);
  status = g_test_run ();

  g_test_dbus_down (bus);
  vt_test_remove_tree (runtime_dir);

  return status;
}
