/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: a catalog's pieces as a filtered, sorted thumbnail grid. */

#define G_LOG_DOMAIN "vitrine-window"

#include "config.h"

#include "vt-window.h"

#include "vt-accessible.h"
#include "vt-application.h"
#include "vt-detail-window.h"
#include "vt-facet-sidebar.h"
#include "vt-gallery-view.h"
#include "vt-query-model.h"
#include "vt-text.h"
#include "vt-tile.h"
#include "vt-tooltip.h"
#include "vt-window-private.h"

#include <glib/gi18n.h>

/*
 * The model chain, built once:
 *
 *   VtCatalog ─► VtQueryModel (VtQuery, VtSorter: the pieces shown, in
 *                order, and the sidebar's facet counts)
 *             ─► VtGalleryView (its selection and grid)
 *
 * A VtQueryModel rather than GTK's filter and sort models (the tests
 * check that they hold the same pieces): it matches, counts and sorts a
 * large collection in a worker thread, so the window goes on drawing
 * while a keystroke's result is worked out. Opening or reloading a
 * catalog loads into the same VtCatalog (one items-changed); the search
 * entry, the sidebar and the chips change the same VtQuery; the sort
 * drop-down changes the same VtSorter. The detail window walks the
 * query model, so it steps through exactly what the grid shows. The
 * timeline's model is built on the query model (vt-window-view.c).
 */

G_DEFINE_FINAL_TYPE (VtWindow, vt_window, GTK_TYPE_APPLICATION_WINDOW)

/* How long a changed file must stay quiet before it is reloaded. */
#define RELOAD_DELAY_MS 300

typedef struct
{
  VtWindow       *self;
  GFile          *file;
  GCancellable   *cancellable;
  gboolean        reload;
  /* What the grid showed before a reload. */
  VtGalleryPlace  place;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

void
_vt_window_update_status (VtWindow *self)
{
  g_autofree char *status = NULL;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));
  const char *page;

  if (self->file == NULL && self->loading_file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->loading_file);
      g_autofree char *loading = NULL;

      /* Translators: shown while the first catalog of a window loads; %s is its file name */
      loading = g_strdup_printf (_("Opening “%s”…"), name);
      gtk_label_set_text (self->loading_label, loading);
      page = "loading";
    }
  else if (self->file == NULL)
    page = "welcome";
  else if (shown == 0)
    page = "no-match";
  else
    page = _vt_window_timeline_shown (self) ? "timeline" : "grid";
  gtk_stack_set_visible_child_name (self->main_stack, page);

  if (self->file != NULL)
    {
      /* Translators: the line under the grid, "12 of 100 pieces" */
      g_autofree char *progress = _vt_window_dup_review_progress (self);

      status = g_strdup_printf (ngettext ("%'u of %'u piece", "%'u of %'u pieces", total),
                                shown, total);
      if (progress != NULL)
        {
          g_autofree char *pieces = g_steal_pointer (&status);

          status = g_strdup_printf ("%s · %s", pieces, progress);
        }
    }
  gtk_label_set_text (self->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);

  _vt_window_update_actions (self);
}

static void
on_query_changed_cb (VtWindow *self)
{
  /* A copy: the entry, emptied on its way to the new text, says so at
   * once (GtkSearchEntry's "search-changed" has no delay for an empty
   * text), which sets the query's search and frees the string it had. */
  g_autofree char *search = g_strdup (vt_query_get_search (self->query));

  /* A chip or "Clear All" changed the search: show it in the entry. */
  if (g_strcmp0 (search, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search != NULL ? search : "");

  _vt_window_update_chips (self);
  _vt_window_update_status (self);
}

static void
on_search_changed_cb (VtWindow       *self,
                      GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (g_strcmp0 (text, vt_query_get_search (self->query)) != 0)
    vt_query_set_search (self->query, text);
}

static void
on_stop_search_cb (VtWindow       *self,
                   GtkSearchEntry *entry)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->gallery));
}

/* Settings: sort, direction, tile size. */

static void
on_sort_key_changed_cb (VtWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "sort-key");
  VtSortKey key;

  if (!vt_sort_key_from_string (name, &key))
    key = VT_SORT_NUMBER;

  vt_sorter_set_key (self->sorter, key);
  if (gtk_drop_down_get_selected (self->sort_dropdown) != (guint) key)
    gtk_drop_down_set_selected (self->sort_dropdown, key);
}

/* A key newly chosen starts in the order a visitor wants first: the most
 * important and the dearest pieces, the lowest number, the earliest
 * year, titles from A. The direction button still flips it. */
static void
on_sort_key_chosen_cb (VtWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "sort-key");
  VtSortKey key;

  if (vt_sort_key_from_string (name, &key))
    g_settings_set_boolean (self->settings, "sort-descending",
                            key == VT_SORT_IMPACT || key == VT_SORT_PRICE);
  on_sort_key_changed_cb (self);
}

static void
on_sort_descending_changed_cb (VtWindow *self)
{
  gboolean descending = g_settings_get_boolean (self->settings, "sort-descending");

  vt_sorter_set_descending (self->sorter, descending);
  gtk_button_set_icon_name (GTK_BUTTON (self->direction_button),
                            descending ? "view-sort-descending-symbolic"
                                       : "view-sort-ascending-symbolic");
  vt_widget_set_tooltip (GTK_WIDGET (self->direction_button),
                         descending ? _("Descending Order (largest first)")
                                    : _("Ascending Order (smallest first)"));
}

static void
on_sort_dropdown_changed_cb (VtWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->sort_dropdown);
  const char *name;

  if (selected >= VT_N_SORT_KEYS)
    return;

  name = vt_sort_key_to_string (selected);
  if (name != NULL)
    g_settings_set_string (self->settings, "sort-key", name);
}

static void
on_thumbnail_size_changed_cb (VtWindow *self)
{
  vt_gallery_view_set_tile_size (self->gallery, g_settings_get_int (self->settings, "thumbnail-size"));
  _vt_window_update_actions (self);
}

/*
 * The size the gallery is to have, for what it must guess before it is
 * laid out (the first frame's columns, a first catalog's first screen):
 * the window's, less the sidebar beside it and the header bar and status
 * line above and below it, as they measure.
 */
static void
update_gallery_expected_size (VtWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int sidebar = 0, header = 0, status = 0;
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (self));

  if (width <= 0 || height <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  if (g_settings_get_boolean (self->settings, "sidebar-shown"))
    gtk_widget_measure (self->sidebar_pane, GTK_ORIENTATION_HORIZONTAL, -1,
                        NULL, &sidebar, NULL, NULL);
  if (titlebar != NULL)
    gtk_widget_measure (titlebar, GTK_ORIENTATION_VERTICAL, -1, &header, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->status_label), GTK_ORIENTATION_VERTICAL, -1,
                      &status, NULL, NULL, NULL);

  vt_gallery_view_set_expected_size (self->gallery, width - sidebar, height - header - status);
}

/* The detail window */

static void
on_detail_present_cb (VtWindow *self,
                      guint     position)
{
  g_autoptr(VtPresentOptions) options = vt_present_options_new (NULL, -1, FALSE, FALSE);

  _vt_window_present (self, position, options);
}

static GListModel *
detail_model (VtWindow *self)
{
  g_autoptr(GListModel) model = NULL;

  g_object_get (self->detail_window, "model", &model, NULL);
  return model;
}

/* Back in the grid or the timeline, the last piece the visitor looked
 * at is the one selected, in view and focused. */
static gboolean
on_detail_close_request_cb (VtWindow *self)
{
  guint position = vt_detail_window_get_position (VT_DETAIL_WINDOW (self->detail_window));

  if (position != GTK_INVALID_LIST_POSITION && detail_model (self) == _vt_window_get_view_model (self))
    _vt_window_focus_view_position (self, position);

  return FALSE;
}

void
_vt_window_show_detail (VtWindow *self,
                        guint     position)
{
  GListModel *model = _vt_window_get_view_model (self);

  /* Previous and next follow the order of the view it was opened from. */
  if (self->detail_window != NULL && detail_model (self) != model)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->detail_window), (gpointer *) &self->detail_window);
      gtk_window_destroy (g_steal_pointer (&self->detail_window));
    }

  if (self->detail_window == NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      self->detail_window = GTK_WINDOW (vt_detail_window_new (app, model, self->thumbnailer));
      gtk_window_set_transient_for (self->detail_window, GTK_WINDOW (self));
      g_object_add_weak_pointer (G_OBJECT (self->detail_window), (gpointer *) &self->detail_window);
      g_signal_connect_object (self->detail_window, "present",
                               G_CALLBACK (on_detail_present_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->detail_window, "close-request",
                               G_CALLBACK (on_detail_close_request_cb), self, G_CONNECT_SWAPPED);
      /* Save, undo and redo, with their keys, from the detail window too. */
      gtk_widget_insert_action_group (GTK_WIDGET (self->detail_window), "win",
                                      G_ACTION_GROUP (self->edit_actions));
      _vt_window_add_history_keys (self->detail_window);
    }

  vt_detail_window_set_total (VT_DETAIL_WINDOW (self->detail_window),
                              vt_catalog_get_total (self->catalog));
  vt_detail_window_set_review_store (VT_DETAIL_WINDOW (self->detail_window),
                                     self->curating ? self->reviews : NULL);
  vt_detail_window_set_catalog (VT_DETAIL_WINDOW (self->detail_window),
                                self->curating ? self->catalog : NULL);
  vt_detail_window_show_position (VT_DETAIL_WINDOW (self->detail_window), position);
}

static void
on_gallery_activate_cb (VtWindow *self,
                        guint     position)
{
  _vt_window_show_detail (self, position);
}

/* Loading */

void
_vt_window_show_message (VtWindow   *self,
                         const char *title,
                         const char *message)
{
  g_autofree char *title_cut = NULL;
  g_autofree char *message_cut = NULL;

  gtk_label_set_text (self->error_title, vt_text_bound (title, VT_TEXT_BOUND_LINE, &title_cut));
  gtk_label_set_text (self->error_label, vt_text_bound (message, VT_TEXT_BOUND_MESSAGE, &message_cut));
  gtk_widget_set_visible (GTK_WIDGET (self->error_bar), TRUE);
  gtk_info_bar_set_revealed (self->error_bar, TRUE);
}

static void
show_error (VtWindow     *self,
            GFile        *file,
            const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  /* Translators: the heading of the message shown when a catalog does not load */
  title = g_strdup_printf (_("Could not open “%s”"), name);
  _vt_window_show_message (self, title, error->message);
}

static void
on_error_bar_response_cb (VtWindow   *self,
                          int         response,
                          GtkInfoBar *bar)
{
  gtk_info_bar_set_revealed (bar, FALSE);
}

static void
on_file_changed_cb (VtWindow          *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor);

static void
watch_file (VtWindow *self,
            GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, on_file_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  if (file == NULL)
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching %s for changes: %s", g_file_peek_path (file), error->message);
      return;
    }

  g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (on_file_changed_cb), self);
}

void
_vt_window_update_title (VtWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *cut = NULL;
  const char *name = vt_text_bound (vt_catalog_get_name (self->catalog), VT_TEXT_BOUND_LINE, &cut);
  const char *app_name = _("Vitrine");
  /* Unsaved edits: marked in front, as GNOME's applications do. */
  const char *mark = vt_catalog_get_modified (self->catalog) ? "• " : "";

  if (self->file != NULL && name != NULL && *name != '\0')
    title = g_strdup_printf ("%s%s — %s", mark, name, app_name);
  else if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      title = g_strdup_printf ("%s%s — %s", mark, basename, app_name);
    }

  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : app_name);
}

static void
on_load_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;
  VtWindow *self;
  gboolean new_file;

  if (!vt_catalog_load_finish (VT_CATALOG (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || g_cancellable_is_cancelled (data->cancellable))
        return;

      self = data->self;
      g_clear_object (&self->loading_file);
      gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
      show_error (self, data->file, error);
      _vt_window_update_status (self);
      return;
    }

  /* A newer load replaced this one: it will update the window. */
  if (g_cancellable_is_cancelled (data->cancellable))
    return;

  self = data->self;
  new_file = self->file == NULL || !g_file_equal (self->file, data->file);

  g_clear_object (&self->loading_file);
  g_set_object (&self->file, data->file);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_info_bar_set_revealed (self->error_bar, FALSE);

  if (new_file)
    {
      watch_file (self, data->file);
      vt_query_clear (self->query);
      gtk_single_selection_set_selected (vt_gallery_view_get_selection (self->gallery),
                                         GTK_INVALID_LIST_POSITION);
      vt_gallery_view_scroll_to (self->gallery, 0);
    }
  else if (data->reload)
    vt_gallery_view_restore_place (self->gallery, &data->place);

  _vt_window_load_reviews (self);
  _vt_window_remember_recent (self, data->file);
  _vt_window_update_title (self);
  _vt_window_loaded (self);
  _vt_window_update_status (self);

  /* A new collection: arrow keys browse it at once. */
  if (new_file)
    _vt_window_focus_view (self);

  _vt_window_ask_outside (self);
  _vt_window_start_pending_show (self);
}

static void
start_load (VtWindow *self,
            GFile    *file,
            gboolean  reload)
{
  LoadData *data;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_set_object (&self->loading_file, file);

  data = g_new0 (LoadData, 1);
  data->self = self;
  data->file = g_object_ref (file);
  data->cancellable = g_object_ref (self->load_cancellable);
  data->reload = reload;
  if (reload)
    vt_gallery_view_get_place (self->gallery, &data->place);

  /* A window that shows no catalog yet shows the first screen first. */
  if (self->file == NULL)
    {
      update_gallery_expected_size (self);
      vt_gallery_view_show_first_screen (self->gallery);
    }

  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);

  _vt_window_apply_outside_answer (self, file);
  vt_catalog_load_async (self->catalog, file, self->load_cancellable, on_load_cb, data);
  _vt_window_update_status (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  VtWindow *self = user_data;

  self->reload_source = 0;
  /* Not after the window's own save: the file is what it shows. */
  if (self->file == NULL || !g_file_query_exists (self->file, NULL)
      || !vt_catalog_get_changed_on_disk (self->catalog))
    return G_SOURCE_REMOVE;
  /* Unsaved edits are not lost to another program's save. */
  if (!_vt_window_hold_reload (self))
    start_load (self, self->file, TRUE);

  return G_SOURCE_REMOVE;
}

static void
on_file_changed_cb (VtWindow          *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      /* Editors write in several steps: wait until the file is quiet. */
      g_clear_handle_id (&self->reload_source, g_source_remove);
      self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

static void
on_progress_cb (VtWindow *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar, vt_catalog_get_progress (self->catalog));
}

static void
on_items_changed_cb (VtWindow *self)
{
  vt_sorter_set_currency (self->sorter, vt_catalog_get_currency (self->catalog));
  _vt_window_update_title (self);
  _vt_window_update_status (self);
}

/* Dropping a file on the window opens it. */
static gboolean
on_drop_cb (VtWindow      *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  vt_window_open_file (self, files->data);
  g_slist_free (files);

  return TRUE;
}

/* The first start on a big screen: a big window with big tiles, not a
 * laptop-sized one in a corner. Later starts restore what the user left. */
static void
fit_first_start (VtWindow *self)
{
  g_autoptr(GVariant) saved_width = g_settings_get_user_value (self->settings, "window-width");
  g_autoptr(GVariant) saved_size = g_settings_get_user_value (self->settings, "thumbnail-size");
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GdkMonitor) monitor = NULL;
  GdkRectangle area;

  if (saved_width != NULL || g_list_model_get_n_items (monitors) == 0)
    return;

  monitor = g_list_model_get_item (monitors, 0);
  gdk_monitor_get_geometry (monitor, &area);
  if (area.width < 1600)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self), area.width * 9 / 10, area.height * 9 / 10);
  if (saved_size == NULL)
    g_settings_set_int (self->settings, "thumbnail-size",
                        CLAMP (area.width / 10 / 32 * 32, VT_TILE_MIN_SIZE, VT_TILE_MAX_SIZE));
}

static void
vt_window_dispose (GObject *object)
{
  VtWindow *self = VT_WINDOW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->after_first_frame_source, g_source_remove);
  watch_file (self, NULL);
  _vt_window_end_show (self);
  _vt_window_remove_actions (self);
  _vt_window_dispose_edit (self);
  _vt_window_dispose_curator (self);
  _vt_window_dispose_print (self);

  if (self->detail_window != NULL)
    {
      /* The detail window may outlive this one for a moment (an image
       * request still holds it): it must not clear a pointer in freed memory. */
      g_object_remove_weak_pointer (G_OBJECT (self->detail_window), (gpointer *) &self->detail_window);
      gtk_window_destroy (g_steal_pointer (&self->detail_window));
    }
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->outside_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->outside_dialog)));

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  g_clear_object (&self->recent_pending);
  g_clear_object (&self->time_model);
  g_clear_object (&self->dated_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->query);
  g_clear_object (&self->sorter);
  g_clear_object (&self->catalog);
  g_clear_object (&self->file);
  g_clear_object (&self->loading_file);

  G_OBJECT_CLASS (vt_window_parent_class)->dispose (object);
}

/* The scale shows its value from the first time its popover shows: a
 * GtkScale's value label costs about 3 ms the first time one is made,
 * which every start would pay for a popover seldom opened. */
static void
on_size_popover_show_cb (VtWindow *self)
{
  gtk_scale_set_draw_value (self->size_scale, TRUE);
}

static void
vt_window_class_init (VtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_window_dispose;

  /* The GTK types the template names, registered before GtkBuilder looks
   * them up: a type not registered yet is searched for in the symbols of
   * every loaded library (about 0.1 ms each, 3 ms of a start). */
  g_type_ensure (GTK_TYPE_ADJUSTMENT);
  g_type_ensure (GTK_TYPE_BUTTON);
  g_type_ensure (GTK_TYPE_DROP_DOWN);
  g_type_ensure (GTK_TYPE_FILTER_LIST_MODEL);
  g_type_ensure (GTK_TYPE_FLOW_BOX);
  g_type_ensure (GTK_TYPE_HEADER_BAR);
  g_type_ensure (GTK_TYPE_INFO_BAR);
  g_type_ensure (GTK_TYPE_LIST_VIEW);   /* in the drop-down's own template */
  g_type_ensure (GTK_TYPE_MENU_BUTTON);
  g_type_ensure (GTK_TYPE_POPOVER);
  g_type_ensure (GTK_TYPE_PROGRESS_BAR);
  g_type_ensure (GTK_TYPE_REVEALER);
  g_type_ensure (GTK_TYPE_SCALE);
  g_type_ensure (GTK_TYPE_SCROLLED_WINDOW);
  g_type_ensure (GTK_TYPE_SEARCH_ENTRY);
  g_type_ensure (GTK_TYPE_SEPARATOR);
  g_type_ensure (GTK_TYPE_SORT_LIST_MODEL);
  g_type_ensure (GTK_TYPE_STACK);
  g_type_ensure (GTK_TYPE_STACK_PAGE);
  g_type_ensure (GTK_TYPE_STRING_LIST);
  g_type_ensure (GTK_TYPE_TOGGLE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitrine/Vitrine/ui/vt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, recent_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, grid_view_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, timeline_view_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, timeline_scroller);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, main_menu);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, screens_menu);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, history_menu);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, size_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, size_scale);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, size_adjustment);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, direction_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_title);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sidebar_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sidebar_scroller);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, chips_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, chips_box);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, no_match_clear_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, welcome_open_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, welcome_sample_button);
  gtk_widget_class_bind_template_callback (widget_class, on_size_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_error_bar_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_dropdown_changed_cb);
}

/* Set here rather than in the template: see vt-tooltip.c. */
static void
set_tooltips (VtWindow *self)
{
  const struct
  {
    GtkWidget  *widget;
    const char *text;
  } tooltips[] = {
    { GTK_WIDGET (self->open_button), _("Open a Catalog (Ctrl+O)") },
    { GTK_WIDGET (self->recent_button), _("Recent Catalogs") },
    { GTK_WIDGET (self->sidebar_button), _("Show Filters (F9)") },
    { GTK_WIDGET (self->search_entry), _("Search titles, texts and attributes (Ctrl+F)") },
    { GTK_WIDGET (self->menu_button), _("Main Menu") },
    { GTK_WIDGET (self->size_button), _("Thumbnail Size") },
    { GTK_WIDGET (self->zoom_out_button), _("Smaller Thumbnails (Ctrl+Minus)") },
    { GTK_WIDGET (self->size_scale), _("Thumbnail size in pixels") },
    { GTK_WIDGET (self->zoom_in_button), _("Larger Thumbnails (Ctrl+Plus)") },
    { GTK_WIDGET (self->sort_dropdown), _("Sort By") },
    { GTK_WIDGET (self->welcome_open_button), _("Choose a catalog file (Ctrl+O)") },
    { GTK_WIDGET (self->welcome_sample_button), _("Browse the bundled Genesis collection") },
    { GTK_WIDGET (self->no_match_clear_button), _("Show every piece again") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tooltips); i++)
    vt_widget_set_tooltip (tooltips[i].widget, tooltips[i].text);
}

/* What a screen reader calls the header bar's controls, which show an
 * icon only, and the panes: see vt-accessible.c. */
static void
set_accessible_names (VtWindow *self)
{
  const struct
  {
    GtkWidget  *widget;
    const char *label;
  } names[] = {
    { GTK_WIDGET (self->open_button), _("Open a Catalog") },
    { GTK_WIDGET (self->recent_button), _("Recent Catalogs") },
    { GTK_WIDGET (self->sidebar_button), _("Show Filters") },
    { GTK_WIDGET (self->search_entry), _("Search pieces") },
    { GTK_WIDGET (self->menu_button), _("Main Menu") },
    { GTK_WIDGET (self->size_button), _("Thumbnail Size") },
    { GTK_WIDGET (self->zoom_out_button), _("Smaller Thumbnails") },
    { GTK_WIDGET (self->zoom_in_button), _("Larger Thumbnails") },
    { GTK_WIDGET (self->sort_dropdown), _("Sort by") },
    { GTK_WIDGET (self->direction_button), _("Descending Order") },
    { GTK_WIDGET (self->sidebar_scroller), _("Filters") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    vt_accessible_set_label (names[i].widget, names[i].label);
  vt_accessible_set_drop_down_factory (self->sort_dropdown);
  vt_accessible_name_mnemonics (GTK_WIDGET (self));
}

static void
vt_window_init (VtWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  set_tooltips (self);

  self->settings = g_settings_new (APP_ID);
  self->thumbnailer = vt_thumbnailer_get_default ();
  self->catalog = vt_catalog_new ();
  self->query = vt_query_new ();
  self->sorter = vt_sorter_new (VT_SORT_NUMBER, FALSE);

  self->sort_model = vt_query_model_new (G_LIST_MODEL (self->catalog), self->query, self->sorter);

  /* Made here rather than in the template, so that gtk4-builder-tool
   * (which knows only GTK's types) can validate it. */
  self->gallery = VT_GALLERY_VIEW (vt_gallery_view_new (self->thumbnailer));
  vt_gallery_view_set_model (self->gallery, G_LIST_MODEL (self->sort_model));
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->gallery), "grid");
  g_signal_connect_object (self->gallery, "activate",
                           G_CALLBACK (on_gallery_activate_cb), self, G_CONNECT_SWAPPED);

  _vt_window_init_view (self);

  self->sidebar = VT_FACET_SIDEBAR (vt_facet_sidebar_new (self->sort_model));
  gtk_scrolled_window_set_child (self->sidebar_scroller, GTK_WIDGET (self->sidebar));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  set_accessible_names (self);
  _vt_window_init_keys (self);

  g_signal_connect_object (self->query, "changed",
                           G_CALLBACK (on_query_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->catalog, "notify::progress",
                           G_CALLBACK (on_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->catalog, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (_vt_window_update_status), self, G_CONNECT_SWAPPED);

  /* Persisted state and view options. */
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sidebar-shown",
                   self->sidebar_revealer, "reveal-child", G_SETTINGS_BIND_GET);
  gtk_adjustment_configure (self->size_adjustment, VT_TILE_DEFAULT_SIZE,
                            VT_TILE_MIN_SIZE, VT_TILE_MAX_SIZE,
                            gtk_adjustment_get_step_increment (self->size_adjustment),
                            gtk_adjustment_get_page_increment (self->size_adjustment), 0);
  g_settings_bind (self->settings, "thumbnail-size",
                   self->size_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::sort-key",
                           G_CALLBACK (on_sort_key_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sort-descending",
                           G_CALLBACK (on_sort_descending_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::thumbnail-size",
                           G_CALLBACK (on_thumbnail_size_changed_cb), self, G_CONNECT_SWAPPED);
  on_sort_key_changed_cb (self);
  on_sort_descending_changed_cb (self);
  on_thumbnail_size_changed_cb (self);
  fit_first_start (self);

  /* What the gallery guesses from before it is laid out follows the window. */
  g_signal_connect_object (self->settings, "changed::sidebar-shown",
                           G_CALLBACK (update_gallery_expected_size), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (update_gallery_expected_size), NULL);
  g_signal_connect (self, "notify::default-height", G_CALLBACK (update_gallery_expected_size), NULL);
  update_gallery_expected_size (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _vt_window_install_actions (self);
  _vt_window_init_edit (self);
  _vt_window_init_curator (self);
  _vt_window_update_chips (self);
  _vt_window_update_status (self);

  /* Until a catalog is shown, typing searches (not the first spin
   * button of the sidebar, which GTK would pick). */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
}

VtWindow *
vt_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (VT_TYPE_WINDOW, "application", application, NULL);
}

void
vt_window_open_file (VtWindow *self,
                     GFile    *file)
{
  g_return_if_fail (VT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!_vt_window_ask_unsaved (self, VT_WINDOW_THEN_OPEN, file))
    _vt_window_load (self, file);
}

void
_vt_window_load (VtWindow *self,
                 GFile    *file)
{
  start_load (self, file, self->file != NULL && g_file_equal (self->file, file));
}

void
_vt_window_set_file (VtWindow *self,
                     GFile    *file)
{
  g_set_object (&self->file, file);
  watch_file (self, file);
  _vt_window_remember_recent (self, file);
  _vt_window_update_title (self);
}

gboolean
vt_window_open_sample (VtWindow *self)
{
  g_autoptr(GFile) sample = vt_application_dup_sample_file ();

  g_return_val_if_fail (VT_IS_WINDOW (self), FALSE);

  if (sample == NULL)
    return FALSE;

  vt_window_open_file (self, sample);
  return TRUE;
}

void
vt_window_reload (VtWindow *self)
{
  g_return_if_fail (VT_IS_WINDOW (self));

  if (self->file != NULL)
    vt_window_open_file (self, self->file);
}

GFile *
vt_window_get_file (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->file;
}

VtCatalog *
vt_window_get_catalog (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->catalog;
}

gboolean
vt_window_get_loading (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), FALSE);

  return self->loading_file != NULL;
}
