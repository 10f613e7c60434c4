/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's actions ("win.open", "win.zoom-in", ...), which buttons, shortcuts and tests use. */

#define G_LOG_DOMAIN "vitrine-window"

#include "config.h"

#include "vt-accessible.h"
#include "vt-tile.h"
#include "vt-window-private.h"

#include <glib/gi18n.h>

/* Steps of Ctrl+plus and Ctrl+minus, in logical pixels. */
static const int zoom_steps[] = { 128, 160, 192, 256, 320, 384, 448, 512 };

/* How many catalogs the recent menu lists. */
#define MAX_RECENT 10
#define RECENT_GROUP "vitrine-catalog"

static void
on_chooser_response_cb (VtWindow        *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        vt_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  VtWindow *self = user_data;
  g_autoptr(GtkFileFilter) catalogs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Open a Catalog"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (catalogs, _("Catalogs (JSON)"));
  gtk_file_filter_add_mime_type (catalogs, "application/json");
  gtk_file_filter_add_pattern (catalogs, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), catalogs);

  gtk_file_filter_set_name (everything, _("All Files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), everything);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), catalogs);

  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  VtWindow *self = user_data;

  if (!vt_window_open_sample (self))
    _vt_window_show_message (self, _("Could not open the sample"),
                             _("The sample collection is not installed."));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  VtWindow *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  vt_window_open_file (self, file);
}

static void
reload_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  vt_window_reload (user_data);
}

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  VtWindow *self = user_data;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  VtWindow *self = user_data;

  vt_query_clear (self->query);
}

static void
zoom (VtWindow *self,
      int       direction)
{
  int size = g_settings_get_int (self->settings, "thumbnail-size");
  int next = size;

  if (_vt_window_zoom_view (self, direction))
    return;

  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps) && next == size; i++)
        if (zoom_steps[i] > size)
          next = zoom_steps[i];
    }
  else
    {
      for (guint i = G_N_ELEMENTS (zoom_steps); i > 0 && next == size; i--)
        if (zoom_steps[i - 1] < size)
          next = zoom_steps[i - 1];
    }

  g_settings_set_int (self->settings, "thumbnail-size", next);
}

static void
zoom_in_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  zoom (user_data, +1);
}

static void
zoom_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  zoom (user_data, -1);
}

static void
zoom_reset_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  VtWindow *self = user_data;

  if (!_vt_window_zoom_view (self, 0))
    g_settings_reset (self->settings, "thumbnail-size");
}

/* The Keyboard Shortcuts window, built the first time it is asked for:
 * GtkApplication's automatic help overlay builds it for every window at
 * start, which was a tenth of the time to the first frame. */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  VtWindow *self = user_data;

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/vitrine/Vitrine/ui/vt-shortcuts-window.ui");

      self->shortcuts_window = GTK_WINDOW (g_object_ref_sink (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      vt_accessible_name_shortcuts_window (GTK_SHORTCUTS_WINDOW (self->shortcuts_window));
    }

  gtk_window_present (self->shortcuts_window);
}

static void
close_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

static const GActionEntry win_entries[] = {
  { "open", open_action },
  { "open-sample", open_sample_action },
  { "open-recent", open_recent_action, "s" },
  { "reload", reload_action },
  { "search", search_action },
  { "clear-filters", clear_filters_action },
  { "zoom-in", zoom_in_action },
  { "zoom-out", zoom_out_action },
  { "zoom-reset", zoom_reset_action },
  { "show-help-overlay", show_help_overlay_action },
  { "close", close_action },
};

void
_vt_window_set_action_enabled (VtWindow   *self,
                               const char *name,
                               gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_vt_window_update_actions (VtWindow *self)
{
  int size;

  /* Called from init before the actions exist. */
  if (g_action_map_lookup_action (G_ACTION_MAP (self), "open") == NULL)
    return;

  size = g_settings_get_int (self->settings, "thumbnail-size");
  _vt_window_set_action_enabled (self, "reload", self->file != NULL);
  _vt_window_set_action_enabled (self, "clear-filters", !vt_query_is_empty (self->query));
  if (self->timeline != NULL && _vt_window_timeline_shown (self))
    {
      _vt_window_set_action_enabled (self, "zoom-in", vt_timeline_get_zoom (self->timeline) < 1);
      _vt_window_set_action_enabled (self, "zoom-out", vt_timeline_get_zoom (self->timeline) > 0);
    }
  else
    {
      _vt_window_set_action_enabled (self, "zoom-in", size < VT_TILE_MAX_SIZE);
      _vt_window_set_action_enabled (self, "zoom-out", size > VT_TILE_MIN_SIZE);
    }
  _vt_window_set_action_enabled (self, "present", g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0);
  _vt_window_set_action_enabled (self, "export", g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0);
  _vt_window_set_action_enabled (self, "print", g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0
                              && self->print_run == NULL);
  _vt_window_set_action_enabled (self, "present-with-console",
               g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0);
}

static gint
compare_recent_by_modified (gconstpointer a,
                            gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

void
_vt_window_update_recent (VtWindow *self)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_group (info, RECENT_GROUP) && gtk_recent_info_exists (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (infos, compare_recent_by_modified);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < infos->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;
      g_autofree char *location = gtk_recent_info_get_uri_display (info);

      /* Translators: an entry of the recent catalogs menu: the file name and where it is */
      label = g_strdup_printf (_("%s (%s)"), gtk_recent_info_get_display_name (info),
                               location != NULL ? location : gtk_recent_info_get_uri (info));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->recent_button), infos->len > 0);
}

void
_vt_window_remember_recent (VtWindow *self,
                            GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *exec = g_strdup_printf ("%s %%u", g_get_prgname ());
  /* GTK 4.8's gtk_recent_manager_add_full() tests the first byte of the
   * groups array where it means its first pointer (groups[0] != '\0'),
   * and drops every group when the name's address ends in 0x00, as it
   * does in the sanitizer build. Of two copies 16 bytes apart, one does not. */
  static const char group_names[] = "vitrine-catalog\0vitrine-catalog";
  const char *group = ((guintptr) group_names & 0xff) != 0 ? group_names : group_names + 16;
  char *groups[] = { (char *) group, NULL };
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/json",
    .app_name = (char *) g_get_application_name (),
    .app_exec = exec,
    .groups = groups,
    .is_private = FALSE,
  };

  g_settings_set_string (self->settings, "last-catalog", uri);
  if (!self->recent_started)
    {
      g_set_object (&self->recent_pending, file);
      return;
    }

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  /* The manager tells every window a moment later, coalesced; this one
   * lists what it just opened at once. */
  _vt_window_update_recent (self);
}

/* GTK reads the recent files of every application at once, a file that
 * grows large: after the window's first frame, which does not show
 * them. A catalog opened before is remembered then. */
static void
start_recent (VtWindow *self)
{
  g_autoptr(GFile) pending = g_steal_pointer (&self->recent_pending);

  if (self->recent_started)
    return;

  self->recent_started = TRUE;
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (_vt_window_update_recent), self, G_CONNECT_SWAPPED);
  if (pending != NULL)
    _vt_window_remember_recent (self, pending);
  else
    _vt_window_update_recent (self);
}

static gboolean
after_first_frame_cb (gpointer user_data)
{
  VtWindow *self = user_data;

  self->after_first_frame_source = 0;
  start_recent (self);

  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_first_frame (VtWindow *self)
{
  if (self->first_frame_handler != 0)
    g_signal_handler_disconnect (self->first_frame_clock, self->first_frame_handler);
  self->first_frame_handler = 0;
  self->first_frame_clock = NULL;
}

static void
on_first_frame_cb (VtWindow *self)
{
  stop_waiting_for_first_frame (self);
  if (self->after_first_frame_source == 0)
    self->after_first_frame_source = g_idle_add (after_first_frame_cb, self);
}

static void
on_map_cb (VtWindow *self)
{
  if (self->recent_started || self->first_frame_handler != 0)
    return;

  self->first_frame_clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (self)));
  self->first_frame_handler = g_signal_connect_object (self->first_frame_clock, "after-paint",
                                                       G_CALLBACK (on_first_frame_cb), self,
                                                       G_CONNECT_SWAPPED);
}

static const char *settings_actions[] = {
  "sidebar-shown", "sort-key", "sort-descending", "thumbnail-size", "curator-mode", "present-interval",
  "view",
};

/* The settings outlive the window: their actions must not call back
 * into it once it is gone. */
void
_vt_window_remove_actions (VtWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (settings_actions); i++)
    g_action_map_remove_action (G_ACTION_MAP (self), settings_actions[i]);
}

/* A menu's popover is built when the menu first opens, not with the
 * window: building the two took about 4 ms of every start. */
static void
on_create_menu_cb (GtkMenuButton *button,
                   gpointer       menu)
{
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* Opened before the recent files were read (the first frame's moment),
 * the menu lists them all the same. */
static void
on_create_recent_menu_cb (GtkMenuButton *button,
                          gpointer       user_data)
{
  VtWindow *self = user_data;

  start_recent (self);
  on_create_menu_cb (button, self->recent_menu);
}

void
_vt_window_install_actions (VtWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
  _vt_window_install_present (self);
  _vt_window_install_export (self);
  _vt_window_install_print (self);

  for (guint i = 0; i < G_N_ELEMENTS (settings_actions); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, settings_actions[i]);

      g_action_map_add_action (G_ACTION_MAP (self), action);
    }

  self->recent_menu = g_menu_new ();
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->recent_button),
                                         on_create_recent_menu_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button),
                                         on_create_menu_cb, self->main_menu, NULL);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (stop_waiting_for_first_frame), NULL);

  _vt_window_update_actions (self);
}
