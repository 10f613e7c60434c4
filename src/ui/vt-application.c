/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Vitrine application: one instance, opens catalogs given on the command line. */

#define G_LOG_DOMAIN "vitrine-application"

#include "config.h"

#include "vt-application.h"

#include "vt-dirs.h"
#include "vt-thumbnailer.h"
#include "vt-window.h"

#include <glib/gi18n.h>

struct _VtApplication
{
  GtkApplication  parent_instance;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (VtApplication, vt_application, GTK_TYPE_APPLICATION)

GFile *
vt_application_dup_sample_file (void)
{
  g_autofree char *root = vt_dirs_dup_install_root ();
  g_autofree char *pkgdatadir = vt_dirs_dup_installed (PKGDATADIR);
  g_autofree char *installed = g_build_filename (pkgdatadir, "sample", "genesis", "catalog.json", NULL);
  const char *candidates[2] = { NULL, installed };

  /* Run from the build tree (or a test): the sample built there first. An
   * installed Vitrine opens its own, wherever a build tree is. */
#ifdef VT_SAMPLE_CATALOG_BUILD
  if (root == NULL)
    candidates[0] = VT_SAMPLE_CATALOG_BUILD;
#endif

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (candidates[i] != NULL && g_file_test (candidates[i], G_FILE_TEST_IS_REGULAR))
        return g_file_new_for_path (candidates[i]);
    }

  return NULL;
}

static VtWindow *
get_window (VtApplication *self,
            gboolean      *created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  *created = FALSE;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self));
       !VT_IS_WINDOW (window) && l != NULL; l = l->next)
    window = l->data;

  if (!VT_IS_WINDOW (window))
    {
      window = GTK_WINDOW (vt_window_new (GTK_APPLICATION (self)));
      *created = TRUE;
    }

  return VT_WINDOW (window);
}

/* `vitrine` alone: the catalog open last time, else the sample. */
static void
vt_application_activate (GApplication *application)
{
  VtApplication *self = VT_APPLICATION (application);
  gboolean created;
  VtWindow *window = get_window (self, &created);

  if (created)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *last = g_settings_get_string (settings, "last-catalog");
      g_autoptr(GFile) file = *last != '\0' ? g_file_new_for_uri (last) : NULL;

      if (file != NULL && g_file_query_exists (file, NULL))
        vt_window_open_file (window, file);
      else
        vt_window_open_sample (window);
    }

  gtk_window_present (GTK_WINDOW (window));
}

/* `vitrine FILE...`: the first in the window in front, the others in
 * windows of their own. */
static void
vt_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  VtApplication *self = VT_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      gboolean created;
      VtWindow *window = i == 0 ? get_window (self, &created)
                                : vt_window_new (GTK_APPLICATION (self));

      vt_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* `vitrine --present [--monitor N|NAME] [--interval SECONDS] [--loop]
 * [CATALOG]`: a show of the catalog (or of the one open) from its first
 * piece; --monitor, --interval and --loop imply --present. Handled in the
 * instance already running, when there is one. */
static int
vt_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  VtApplication *self = VT_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **arguments = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  const char *screen = NULL;
  gboolean present = FALSE;
  gboolean loop = FALSE;
  int interval = -1;
  gboolean created;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &arguments);
  g_variant_dict_lookup (options, "present", "b", &present);
  g_variant_dict_lookup (options, "loop", "b", &loop);
  g_variant_dict_lookup (options, "monitor", "&s", &screen);
  g_variant_dict_lookup (options, "interval", "i", &interval);

  if (g_variant_dict_contains (options, "interval") && interval < 0)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("The interval is a number of seconds, 0 or more."));
      return 1;
    }
  present = present || loop || screen != NULL || g_variant_dict_contains (options, "interval");

  for (guint i = 0; arguments != NULL && arguments[i] != NULL; i++)
    g_ptr_array_add (files, g_application_command_line_create_file_for_arg (command_line, arguments[i]));

  if (files->len > 0)
    g_application_open (application, (GFile **) files->pdata, files->len, "");
  else
    g_application_activate (application);

  if (present)
    vt_window_present_show (get_window (self, &created), screen, interval, loop);

  return 0;
}

static const GOptionEntry option_entries[] = {
  { "present", 'p', 0, G_OPTION_ARG_NONE, NULL,
    N_("Present the catalog full screen, from its first piece"), NULL },
  { "monitor", 'm', 0, G_OPTION_ARG_STRING, NULL,
    N_("The screen to present on, by number (from 1) or name, such as HDMI-1"), N_("N|NAME") },
  { "interval", 'i', 0, G_OPTION_ARG_INT, NULL,
    N_("Go to the next piece every SECONDS seconds (0: only on a key)"), N_("SECONDS") },
  { "loop", 'l', 0, G_OPTION_ARG_NONE, NULL,
    N_("Start again after the last piece, for a kiosk"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[CATALOG…]") },
  { NULL }
};

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  VtApplication *self = user_data;
  const char *authors[] = { _("The Vitrine developers"), NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "program-name", _("Vitrine"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Browse, review and present art collections of historical events"),
                         "website", "https://github.com/vitrine/vitrine",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         /* Translators: your name and e-mail, one translator a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *self = user_data;
  GList *windows = gtk_application_get_windows (self);

  /* A window with unsaved edits asks first, and quits again once they
   * are saved or discarded. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (VT_IS_WINDOW (l->data) && !vt_window_ask_before_quit (l->data))
      return;

  /* Close each window, so each saves its state. */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_destroy (window);
    }
}

static const GActionEntry app_entries[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
on_thumbnail_memory_changed_cb (VtApplication *self)
{
  gsize megabytes = (gsize) g_settings_get_int (self->settings, "thumbnail-memory");

  vt_thumbnailer_set_memory_limit (vt_thumbnailer_get_default (), megabytes * 1024 * 1024);
}

static void
vt_application_startup (GApplication *application)
{
  GtkApplication *self = GTK_APPLICATION (application);
  VtApplication *app = VT_APPLICATION (application);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  /* Undo and redo have no accelerator here: their keys are the
   * windows', which leave them to text with typing to undo
   * (_vt_window_add_history_keys ()). */
  const struct {
    const char *action;
    const char *accels[4];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.reload", { "<Control>r", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.sidebar-shown", { "F9", NULL } },
    { "win.curator-mode", { "<Control><Shift>r", NULL } },
    { "win.show-problems", { "F8", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.view::grid", { "F2", "<Control><Shift>g", NULL } },
    { "win.view::timeline", { "F3", "<Control><Shift>t", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
    { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "win.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.present-with-console", { "<Control>F5", NULL } },
    { "win.fullscreen", { "F11", NULL } },
    { "win.focus-next-region", { "F6", NULL } },
    { "win.focus-previous-region", { "<Shift>F6", NULL } },
    /* In the drop-down's order. */
    { "win.sort-key::impact", { "<Control>1", NULL } },
    { "win.sort-key::price", { "<Control>2", NULL } },
    { "win.sort-key::year", { "<Control>3", NULL } },
    { "win.sort-key::number", { "<Control>4", NULL } },
    { "win.sort-key::title", { "<Control>5", NULL } },
  };

  G_APPLICATION_CLASS (vt_application_parent_class)->startup (application);

  g_set_application_name (_("Vitrine"));

  /* Each tile keeps its own thumbnail, fitted to its size: the shared
   * cache only speeds up scrolling back, and the default 96 MB holds some
   * 380 thumbnails of 256 pixels, several screens of a big grid. */
  app->settings = g_settings_new (APP_ID);
  g_signal_connect_object (app->settings, "changed::thumbnail-memory",
                           G_CALLBACK (on_thumbnail_memory_changed_cb), app, G_CONNECT_SWAPPED);
  on_thumbnail_memory_changed_cb (app);
  gtk_window_set_default_icon_name (APP_ID);

  gtk_css_provider_load_from_resource (css, "/io/github/vitrine/Vitrine/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (self, accels[i].action, accels[i].accels);
}

static void
vt_application_dispose (GObject *object)
{
  VtApplication *self = VT_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vt_application_parent_class)->dispose (object);
}

/* The thumbnails made this run reach the disk before the program ends,
 * so the next start finds them. */
static void
vt_application_shutdown (GApplication *application)
{
  vt_thumbnailer_wait_for_writes (vt_thumbnailer_get_default ());

  G_APPLICATION_CLASS (vt_application_parent_class)->shutdown (application);
}

static void
vt_application_class_init (VtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = vt_application_dispose;
  app_class->activate = vt_application_activate;
  app_class->open = vt_application_open;
  app_class->command_line = vt_application_command_line;
  app_class->startup = vt_application_startup;
  app_class->shutdown = vt_application_shutdown;
}

static void
vt_application_init (VtApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Browse, review and present art collections of historical events."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("CATALOG is a catalog file (JSON); without one, Vitrine opens "
                                                  "the catalog open last, or the sample collection."));
}

VtApplication *
vt_application_new (void)
{
  return g_object_new (VT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/vitrine/Vitrine",
                       NULL);
}
