/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's insides, shared by vt-window.c, vt-window-actions.c and the tests. */

#pragma once

#include "vt-window.h"

#include "vt-catalog.h"
#include "vt-query.h"
#include "vt-sorter.h"
#include "vt-thumbnailer.h"

G_BEGIN_DECLS

struct _VtWindow
{
  GtkApplicationWindow  parent_instance;

  GSettings            *settings;
  VtCatalog            *catalog;
  VtQuery              *query;
  VtSorter             *sorter;
  VtThumbnailer        *thumbnailer;
  GtkWidget            *sidebar;
  GtkWindow            *detail_window;
  GtkNativeDialog      *chooser;
  GtkWindow            *shortcuts_window;
  GMenu                *recent_menu;
  GtkCssProvider       *size_provider;
  GHashTable           *tiles;

  /* The catalog shown, the one loading, and watching the shown one. */
  GFile                *file;
  GFile                *loading_file;
  GCancellable         *load_cancellable;
  GFileMonitor         *monitor;
  guint                 reload_source;
  gboolean              focus_grid_on_map;
  guint                 columns_source;
  guint                 hurry_source;

  /* Template children */
  GtkWidget            *open_button;
  GtkWidget            *recent_button;
  GtkWidget            *sidebar_button;
  GtkWidget            *search_entry;
  GtkWidget            *menu_button;
  GMenuModel           *main_menu;
  GtkWidget            *size_button;
  GtkWidget            *size_popover;
  GtkWidget            *size_scale;
  GtkWidget            *zoom_out_button;
  GtkWidget            *zoom_in_button;
  GtkAdjustment        *size_adjustment;
  GtkWidget            *sort_dropdown;
  GtkWidget            *direction_button;
  GtkWidget            *error_bar;
  GtkWidget            *error_title;
  GtkWidget            *error_label;
  GtkWidget            *progress_revealer;
  GtkWidget            *progress_bar;
  GtkWidget            *sidebar_revealer;
  GtkWidget            *sidebar_scroller;
  GtkWidget            *chips_revealer;
  GtkWidget            *chips_box;
  GtkWidget            *main_stack;
  GtkWidget            *loading_label;
  GtkWidget            *grid_scroller;
  GtkWidget            *grid_view;
  GtkSingleSelection   *selection;
  GtkSliceListModel    *first_screen;
  guint                 first_screen_tick;
  GtkSortListModel     *sort_model;
  GtkFilterListModel   *filter_model;
  GtkWidget            *status_label;
  GtkWidget            *no_match_clear_button;
  GtkWidget            *welcome_open_button;
  GtkWidget            *welcome_sample_button;
};

/* vt-window-actions.c */
void      _vt_window_install_actions   (VtWindow *self);
void      _vt_window_remove_actions    (VtWindow *self);
void      _vt_window_update_actions    (VtWindow *self);
void      _vt_window_update_recent     (VtWindow *self);

/* vt-window.c */
/* How many pieces the grid holds while a window's first catalog opens:
 * all that can be in view (see vt-window.c). */
guint     _vt_window_get_first_screen_size (VtWindow *self);
/* The message bar above the grid, with its heading and text. */
void      _vt_window_show_message      (VtWindow   *self,
                                        const char *title,
                                        const char *message);
void      _vt_window_set_tile_size     (VtWindow *self,
                                        int       size);
void      _vt_window_show_detail       (VtWindow *self,
                                        guint     position);
/* Position in the grid of the piece numbered @number, or
 * GTK_INVALID_LIST_POSITION. */
guint     _vt_window_find_number       (VtWindow *self,
                                        guint     number);

G_END_DECLS
