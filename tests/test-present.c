/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Presenting from the main window, the detail window and the command line; full screen in both windows. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-application.h"
#include "vt-detail-window.h"
#include "vt-fullscreen.h"
#include "vt-presenter-console.h"
#include "vt-show-window.h"
#include "vt-test-ui.h"
#include "vt-test-util.h"
#include "vt-window-private.h"

#include <string.h>

static char *tmp_dir;

/*
 * A stand-in for GNOME's session manager, on the test's session bus, so
 * that gtk_application_inhibit() has something to ask. It answers from
 * a thread of its own, as GTK calls Inhibit synchronously.
 */
static const char session_manager_xml[] =
  "<node>"
  "  <interface name='org.gnome.SessionManager'>"
  "    <method name='Inhibit'>"
  "      <arg name='app_id' type='s' direction='in'/><arg name='toplevel_xid' type='u' direction='in'/>"
  "      <arg name='reason' type='s' direction='in'/><arg name='flags' type='u' direction='in'/>"
  "      <arg name='cookie' type='u' direction='out'/>"
  "    </method>"
  "    <method name='Uninhibit'><arg name='cookie' type='u' direction='in'/></method>"
  "    <method name='IsInhibited'><arg name='flags' type='u' direction='in'/>"
  "      <arg name='inhibited' type='b' direction='out'/></method>"
  "  </interface>"
  "</node>";

static gint session_ready;
static gint inhibitors;      /* taken and not released */
static gint inhibit_flags;   /* of the last Inhibit */

static void
on_session_method_cb (GDBusConnection       *connection,
                      const char            *sender,
                      const char            *path,
                      const char            *interface,
                      const char            *method,
                      GVariant              *parameters,
                      GDBusMethodInvocation *invocation,
                      gpointer               user_data)
{
  static guint next_cookie = 1;

  if (g_str_equal (method, "Inhibit"))
    {
      guint flags;

      g_variant_get (parameters, "(&su&su)", NULL, NULL, NULL, &flags);
      g_atomic_int_set (&inhibit_flags, flags);
      g_atomic_int_inc (&inhibitors);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", next_cookie++));
    }
  else if (g_str_equal (method, "Uninhibit"))
    {
      g_atomic_int_add (&inhibitors, -1);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(b)", g_atomic_int_get (&inhibitors) > 0));
}

static void
on_session_name_cb (GDBusConnection *connection,
                    const char      *name,
                    gpointer         user_data)
{
  g_atomic_int_set (&session_ready, 1);
}

static GDBusNodeInfo *session_manager_info;

static gpointer
session_manager_thread (gpointer data)
{
  static const GDBusInterfaceVTable vtable = { on_session_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GMainContext) context = g_main_context_new ();
  GDBusNodeInfo *info;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (context);
  /* Kept in a global: the thread serves until the program ends, and a
   * leak checker sees what a global holds. */
  info = session_manager_info = g_dbus_node_info_new_for_xml (session_manager_xml, &error);
  g_assert_no_error (error);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, "/org/gnome/SessionManager", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (bus, "org.gnome.SessionManager", G_BUS_NAME_OWNER_FLAGS_NONE,
                                on_session_name_cb, NULL, NULL, NULL);
  while (TRUE)
    g_main_context_iteration (context, TRUE);
  return NULL;
}



static VtWindow *
new_window_on_sample (void)
{
  g_autoptr(GFile) sample = vt_test_sample_file ();
  VtWindow *window;

  vt_test_reset_settings ();
  window = g_object_new (VT_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  vt_window_open_file (window, sample);
  WAIT_UNTIL (!vt_window_get_loading (window) && vt_window_get_file (window) != NULL);
  return window;
}

static void
close_window (VtWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

static GtkSingleSelection *
selection (VtWindow *window)
{
  return vt_gallery_view_get_selection (window->gallery);
}

static guint
number_at (GListModel *model,
           guint       position)
{
  g_autoptr(VtItem) item = g_list_model_get_item (model, position);

  return vt_item_get_number (item);
}

/* F5 from the selected piece walks exactly what the grid shows; Escape
 * comes back to the grid with the last piece shown selected. */
static void
test_present_walks_grid_and_returns (void)
{
  VtWindow *window = new_window_on_sample ();
  GListModel *model = G_LIST_MODEL (window->sort_model);
  VtShow *show;
  guint n_items;

  /* A filter and a sort of the grid's own. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "sort-key", g_variant_new_string ("year"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "sort-descending", NULL);
  vt_query_set_search (window->query, "war");
  n_items = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_items, >, 3);
  g_assert_cmpuint (n_items, <, g_list_model_get_n_items (G_LIST_MODEL (window->catalog)));
  gtk_single_selection_set_selected (selection (window), 1);

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "present"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "present", NULL);
  show = vt_window_get_show (window);
  g_assert_nonnull (show);
  g_assert_true (VT_IS_SHOW_WINDOW (window->show_window));
  /* One screen: no console unless asked for. */
  g_assert_null (window->console);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window->show_window)));

  g_assert_cmpuint (vt_show_get_n_items (show), ==, n_items);
  for (guint i = 1; i < n_items; i++)
    {
      g_assert_cmpuint (vt_show_get_position (show), ==, i);
      g_assert_cmpuint (vt_item_get_number (vt_show_get_item (show)), ==, number_at (model, i));
      g_assert_true (vt_show_handle_key (show, GDK_KEY_Right, 0));
    }
  vt_show_go_to (show, 2);

  /* F5 again brings the show forward rather than starting another. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "present", NULL);
  g_assert_true (vt_window_get_show (window) == show);

  g_assert_true (vt_show_handle_key (show, GDK_KEY_Escape, 0));
  g_assert_null (vt_window_get_show (window));
  g_assert_null (window->show_window);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection (window)), ==, 2);

  close_window (window);
}

static void
test_present_with_console (void)
{
  VtWindow *window = new_window_on_sample ();
  VtPresenterConsole *console;

  g_action_group_activate_action (G_ACTION_GROUP (window), "present-with-console", NULL);
  g_assert_true (VT_IS_PRESENTER_CONSOLE (window->console));
  console = VT_PRESENTER_CONSOLE (window->console);
  g_assert_true (vt_presenter_console_get_show (console) == vt_window_get_show (window));

  /* The menu's interval applies to the show running, and is kept. */
  g_assert_cmpuint (vt_show_get_interval (vt_window_get_show (window)), ==, 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "present-interval", g_variant_new_int32 (20));
  g_assert_cmpuint (vt_show_get_interval (vt_window_get_show (window)), ==, 20);

  /* Closing the console ends the show. */
  gtk_window_close (GTK_WINDOW (console));
  g_assert_null (vt_window_get_show (window));
  g_assert_null (window->console);

  /* Nothing to show: nothing to present. */
  vt_query_set_search (window->query, "no piece has this in it");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "present"));

  close_window (window);
}

/* The menu lists the screens there are, and the show goes where it says. */
static void
test_screens_menu (void)
{
  VtWindow *window = new_window_on_sample ();
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  g_autoptr(GVariant) target = NULL;

  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->screens_menu)), ==,
                   1 + g_list_model_get_n_items (monitors));
  target = g_menu_model_get_item_attribute_value (G_MENU_MODEL (window->screens_menu), 1,
                                                  G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  g_action_group_activate_action (G_ACTION_GROUP (window), "present-screen", target);
  g_action_group_activate_action (G_ACTION_GROUP (window), "present", NULL);
  g_assert_true (vt_show_window_get_monitor (VT_SHOW_WINDOW (window->show_window)) == monitor);
  vt_show_end (vt_window_get_show (window));

  close_window (window);
}

/* "Present from here" in the detail window starts from its piece. */
static void
test_present_from_detail (void)
{
  VtWindow *window = new_window_on_sample ();
  VtDetailWindow *detail;

  g_signal_emit_by_name (vt_gallery_view_get_grid_view (window->gallery), "activate", 4);
  detail = VT_DETAIL_WINDOW (window->detail_window);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (detail)));
  gtk_widget_activate_action (GTK_WIDGET (detail), "detail.next", NULL);

  gtk_widget_activate_action (GTK_WIDGET (detail), "detail.present", NULL);
  g_assert_nonnull (vt_window_get_show (window));
  g_assert_cmpuint (vt_show_get_position (vt_window_get_show (window)), ==, 5);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (detail)));
  vt_show_end (vt_window_get_show (window));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection (window)), ==, 5);

  close_window (window);
}

/* F11 in both windows; the detail window's reading mode. Without a
 * window manager (Xvfb) only a window not shown yet changes state. */
static void
test_fullscreen (void)
{
  VtWindow *window;
  VtDetailWindow *detail;
  g_autoptr(GListStore) store = g_list_store_new (VT_TYPE_ITEM);

  vt_test_reset_settings ();
  window = g_object_new (VT_TYPE_WINDOW, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "fullscreen", NULL);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  /* GTK hides the header bar in full screen. */
  g_assert_false (vt_fullscreen_bar_shown (GTK_WINDOW (window)));

  detail = vt_detail_window_new (NULL, G_LIST_MODEL (store), NULL);
  gtk_widget_activate_action (GTK_WIDGET (detail), "detail.fullscreen", NULL);
  gtk_window_present (GTK_WINDOW (detail));
  WAIT_UNTIL (gtk_window_is_fullscreen (GTK_WINDOW (detail)));

  g_assert_false (vt_detail_window_get_reading_mode (detail));
  gtk_widget_activate_action (GTK_WIDGET (detail), "detail.reading-mode", NULL);
  g_assert_true (vt_detail_window_get_reading_mode (detail));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (detail), "vt-reading"));

  gtk_window_destroy (GTK_WINDOW (detail));
  close_window (window);
}

static GtkApplication *
new_application (void)
{
  GtkApplication *app = g_object_new (VT_TYPE_APPLICATION,
                                      "application-id", "io.github.vitrine.Vitrine.Test",
                                      "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE
                                               | G_APPLICATION_NON_UNIQUE,
                                      "resource-base-path", "/io/github/vitrine/Vitrine",
                                      NULL);
  return app;
}

static VtWindow *
app_window (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (VT_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

typedef struct
{
  GtkApplication *app;
  guint           interval;
  gboolean        loop;
  guint           inhibit_cookie;
  gboolean        released;
  gboolean        done;
} CommandLineRun;

static gboolean
check_show_cb (gpointer user_data)
{
  CommandLineRun *run = user_data;
  VtWindow *window = app_window (run->app);
  VtShow *show = window != NULL ? vt_window_get_show (window) : NULL;
  VtShowWindow *show_window;

  if (show == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window->show_window)))
    return G_SOURCE_CONTINUE;

  /* Held: ending the show destroys its window. */
  show_window = g_object_ref (VT_SHOW_WINDOW (window->show_window));
  run->interval = vt_show_get_interval (show);
  run->loop = vt_show_get_loop (show);
  run->inhibit_cookie = vt_show_window_get_inhibit_cookie (show_window);
  vt_show_end (show);
  run->released = vt_show_window_get_inhibit_cookie (show_window) == 0;
  g_object_unref (show_window);
  run->done = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

/* `vitrine --present --interval 7 --loop CATALOG` */
static void
test_command_line_present (void)
{
  g_autoptr(GFile) sample = vt_test_sample_file ();
  g_autofree char *path = g_file_get_path (sample);
  g_autoptr(GtkApplication) app = NULL;
  char *argv[] = { (char *) "vitrine", (char *) "--present", (char *) "--interval", (char *) "7",
                   (char *) "--loop", path, NULL };
  CommandLineRun run = { 0 };
  int status;

  g_thread_unref (g_thread_new ("session-manager", session_manager_thread, NULL));
  WAIT_UNTIL (g_atomic_int_get (&session_ready));

  vt_test_reset_settings ();
  app = run.app = new_application ();
  g_timeout_add (50, check_show_cb, &run);
  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.done);
  g_assert_cmpuint (run.interval, ==, 7);
  g_assert_true (run.loop);
  /* The session was asked not to blank the screen, and told when the
   * show ended. */
  g_assert_cmpuint (run.inhibit_cookie, !=, 0);
  g_assert_cmpint (g_atomic_int_get (&inhibit_flags), ==, GTK_APPLICATION_INHIBIT_IDLE);
  g_assert_true (run.released);
  WAIT_UNTIL (g_atomic_int_get (&inhibitors) == 0);
}

/* `vitrine --help` tells every option and the catalog argument; a
 * wrong interval is refused with a reason. */
static void
test_command_line_help (void)
{
  const char *help[] = { VITRINE_BIN, "--help", NULL };
  const char *bad[] = { VITRINE_BIN, "--present", "--interval", "-3", NULL };
  const char *options[] = { "--present", "--monitor=N|NAME", "--interval=SECONDS", "--loop", "[CATALOG…]" };
  g_auto(VtTestRun) run = { 0 };

  vt_test_run (&run, NULL, NULL, help);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (run.out, options[i]));

  vt_test_run (&run, NULL, NULL, bad);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "The interval is a number of seconds"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("vitrine-test-present-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return 0;
    }

  g_test_add_func ("/present/walks-grid-and-returns", test_present_walks_grid_and_returns);
  g_test_add_func ("/present/with-console", test_present_with_console);
  g_test_add_func ("/present/screens-menu", test_screens_menu);
  g_test_add_func ("/present/from-detail", test_present_from_detail);
  g_test_add_func ("/present/fullscreen", test_fullscreen);
  g_test_add_func ("/present/command-line", test_command_line_present);
  g_test_add_func ("/present/command-line/help", test_command_line_help);

  status = g_test_run ();
  vt_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
