/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's insides, shared by vt-window.c, vt-window-actions.c and the tests. */

#pragma once

#include "vt-window.h"

#include "vt-catalog.h"
#include "vt-facet-sidebar.h"
#include "vt-export.h"
#include "vt-gallery-view.h"
#include "vt-print-job.h"
#include "vt-problems-panel.h"
#include "vt-query.h"
#include "vt-query-model.h"
#include "vt-review-store.h"
#include "vt-show.h"
#include "vt-sorter.h"
#include "vt-thumbnailer.h"
#include "vt-timeline.h"

G_BEGIN_DECLS

struct _VtWindow
{
  GtkApplicationWindow  parent_instance;

  GSettings            *settings;
  VtCatalog            *catalog;
  VtQuery              *query;
  VtSorter             *sorter;
  /* The pieces shown, in order: the catalog's under the query and the
   * sorter, as the grid, the detail window, the show and the exports
   * walk them. */
  VtQueryModel         *sort_model;
  VtThumbnailer        *thumbnailer;
  VtFacetSidebar       *sidebar;
  VtGalleryView        *gallery;
  /* The timeline (vt-window-view.c): the grid's pieces that have a
   * year, in time order. */
  VtTimeline           *timeline;
  GtkFilterListModel   *dated_model;
  GtkSortListModel     *time_model;
  GtkWindow            *detail_window;
  GtkNativeDialog      *chooser;
  GtkWindow            *shortcuts_window;
  GtkWidget            *outside_dialog;   /* asking about the catalog shown, or NULL */
  GMenu                *recent_menu;
  /* GTK's recent files, read once the first frame is on the screen
   * (vt-window-actions.c), and a catalog opened before then. */
  gboolean              recent_started;
  GFile                *recent_pending;
  GdkFrameClock        *first_frame_clock;
  gulong                first_frame_handler;
  guint                 after_first_frame_source;

  /* The show, while one runs, and one asked for before the catalog
   * loaded (vt-window-present.c). */
  VtShow               *show;
  GtkWindow            *show_window;
  GtkWindow            *console;
  struct _VtPresentOptions *pending_show;

  /* The catalog shown, the one loading, and watching the shown one. */
  GFile                *file;
  GFile                *loading_file;
  GCancellable         *load_cancellable;
  GFileMonitor         *monitor;
  guint                 reload_source;

  /* Printing (vt-window-print.c): the run under way, and the layout
   * chosen last. */
  struct _VtPrintRun   *print_run;
  VtPrintLayout         print_layout;

  /* Curator mode (vt-window-curator.c) */
  gboolean              curating;
  VtReviewStore        *reviews;
  GCancellable         *review_cancellable;
  GtkMenuButton        *problems_button;
  GtkLabel             *problems_count;
  VtProblemsPanel      *problems_panel;

  /* Editing (vt-window-edit.c): save, save as, undo and redo, shared
   * with the detail window; the question asked, if any; the bar that
   * says the file changed on disk. */
  GSimpleActionGroup   *edit_actions;
  GMenu                *history_menu;
  GtkWidget            *edit_dialog;
  GtkNativeDialog      *save_chooser;
  GtkNativeDialog      *page_chooser;
  GtkInfoBar           *disk_bar;
  GtkLabel             *disk_title;
  gboolean              saving;
  /* The file changed on disk while there were unsaved edits. */
  gboolean              disk_changed;
  /* The user chose to drop the unsaved edits: no question again. */
  gboolean              discarding;

  /* Template children */
  GtkButton            *open_button;
  GtkMenuButton        *recent_button;
  GtkToggleButton      *sidebar_button;
  GtkToggleButton      *grid_view_button;
  GtkToggleButton      *timeline_view_button;
  GtkScrolledWindow    *timeline_scroller;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *menu_button;
  GMenuModel           *main_menu;
  GMenu                *screens_menu;
  GtkMenuButton        *size_button;
  GtkScale             *size_scale;
  GtkButton            *zoom_out_button;
  GtkButton            *zoom_in_button;
  GtkAdjustment        *size_adjustment;
  GtkDropDown          *sort_dropdown;
  GtkToggleButton      *direction_button;
  GtkInfoBar           *error_bar;
  GtkLabel             *error_title;
  GtkLabel             *error_label;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkRevealer          *sidebar_revealer;
  GtkWidget            *sidebar_pane;
  GtkScrolledWindow    *sidebar_scroller;
  GtkRevealer          *chips_revealer;
  GtkFlowBox           *chips_box;
  GtkStack             *main_stack;
  GtkLabel             *loading_label;
  GtkLabel             *status_label;
  GtkButton            *no_match_clear_button;
  GtkButton            *welcome_open_button;
  GtkButton            *welcome_sample_button;
};

/* vt-window-actions.c */
void      _vt_window_install_actions   (VtWindow *self);
void      _vt_window_remove_actions    (VtWindow *self);
void      _vt_window_update_actions    (VtWindow *self);
/* Enables or disables the window's action @name, when it has one. */
void      _vt_window_set_action_enabled (VtWindow   *self,
                                         const char *name,
                                         gboolean    enabled);
void      _vt_window_update_recent     (VtWindow *self);
/* Adds @file to the recent catalogs and makes it the one opened next time. */
void      _vt_window_remember_recent   (VtWindow *self,
                                        GFile    *file);

/* vt-window-present.c */
typedef struct _VtPresentOptions VtPresentOptions;

/* @screen: NULL for the one chosen in the menu; @interval: seconds, -1
 * for the setting's. */
VtPresentOptions *vt_present_options_new  (const char             *screen,
                                           int                     interval,
                                           gboolean                loop,
                                           gboolean                console);
void      vt_present_options_free      (VtPresentOptions       *options);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtPresentOptions, vt_present_options_free)

void      _vt_window_install_present   (VtWindow               *self);
/* Starts a show from @position, or brings the one running forward. */
void      _vt_window_present           (VtWindow               *self,
                                        guint                   position,
                                        const VtPresentOptions *options);
/* The show asked for on the command line, once the catalog is loaded. */
void      _vt_window_start_pending_show (VtWindow              *self);
void      _vt_window_end_show          (VtWindow               *self);

/* vt-window-view.c */
/* Builds the timeline and its model, and follows the setting "view". */
void        _vt_window_init_view        (VtWindow *self);
gboolean    _vt_window_timeline_shown   (VtWindow *self);
/* The pieces of the view shown, in its order: the grid's, or the timeline's. */
GListModel *_vt_window_get_view_model   (VtWindow *self);
/* The piece focused or selected in the view shown, or GTK_INVALID_LIST_POSITION. */
guint       _vt_window_get_view_position (VtWindow *self);
/* Selects and focuses the piece at @position of the view shown. */
void        _vt_window_focus_view_position (VtWindow *self,
                                            guint     position);
/* Gives the view shown the keyboard focus. */
void        _vt_window_focus_view       (VtWindow *self);
/* Ctrl+plus and Ctrl+minus: larger thumbnails, or a closer timeline. */
gboolean    _vt_window_zoom_view        (VtWindow *self,
                                         int       direction);

/* vt-window-keys.c */
/* The search's Enter, Down and Tab, the grid's Tab, and the actions
 * "focus-next-region" and "focus-previous-region" (F6, Shift+F6). */
void      _vt_window_init_keys         (VtWindow *self);

/* vt-window-chips.c */
/* One chip per filter of the query, or none and hidden. */
void      _vt_window_update_chips      (VtWindow *self);

/* vt-window-curator.c */
void      _vt_window_init_curator      (VtWindow *self);
void      _vt_window_dispose_curator   (VtWindow *self);
/* Reads the reviews of the catalog just loaded, in a worker thread. */
void      _vt_window_load_reviews      (VtWindow *self);
/* After Save As: the reviews go with the catalog, into its new sidecar. */
void      _vt_window_reviews_follow_catalog (VtWindow *self);
/* "37 of 100 reviewed · 4 need changes" when curating, else NULL. */
char     *_vt_window_dup_review_progress (VtWindow *self);
void      _vt_window_update_curator_actions (VtWindow *self);

/* vt-window-edit.c */
/* What waits for the answer about unsaved edits. */
typedef enum
{
  VT_WINDOW_THEN_NOTHING,
  VT_WINDOW_THEN_CLOSE,
  VT_WINDOW_THEN_QUIT,
  VT_WINDOW_THEN_OPEN,
} VtWindowThen;

void      _vt_window_init_edit         (VtWindow     *self);
void      _vt_window_dispose_edit      (VtWindow     *self);
void      _vt_window_update_edit       (VtWindow     *self);
void      _vt_window_add_history_keys  (GtkWindow    *window);
/* With unsaved edits, asks whether to save them, then does @then (with
 * @file, to open) unless the user cancels: TRUE. FALSE when there is
 * nothing to ask: the caller goes on. */
gboolean  _vt_window_ask_unsaved       (VtWindow     *self,
                                        VtWindowThen  then,
                                        GFile        *file);
/* The file changed on disk: TRUE when the reload must wait for unsaved
 * edits (the window says so). */
gboolean  _vt_window_hold_reload       (VtWindow     *self);
/* A catalog was loaded: the edits and the questions about them are gone. */
void      _vt_window_loaded            (VtWindow     *self);
/* Adds the piece of the published page @page (win.add-page, once chosen). */
void      _vt_window_add_page          (VtWindow     *self,
                                        GFile        *page);
/* Saves the catalog as @file (win.save-as, once chosen). */
void      _vt_window_save_as           (VtWindow     *self,
                                        GFile        *file);

/* vt-window-export.c */
void      _vt_window_install_export    (VtWindow       *self);
/* Saves the grid's pieces, in its order, to @file; a failure is shown
 * in the message bar. */
void      _vt_window_export            (VtWindow       *self,
                                        VtExportFormat  format,
                                        GFile          *file);

/* vt-window-print.c */
typedef struct _VtPrintRun VtPrintRun;

void      _vt_window_install_print     (VtWindow       *self);
void      _vt_window_dispose_print     (VtWindow       *self);
/* Prints the grid's pieces to a PDF at @path without a dialog (the
 * print operation's export); print_run is NULL again when it is done. */
void      _vt_window_print_to_file     (VtWindow       *self,
                                        const char     *path,
                                        VtPrintLayout   layout);

/* vt-window-outside.c */
/* Before loading @file: whether its images outside its folder are
 * shown, as the user answered before. */
void      _vt_window_apply_outside_answer (VtWindow *self,
                                           GFile    *file);
/* After a load: asks whether to show the images outside the catalog's
 * folder, unless there are none or the user answered for this catalog. */
void      _vt_window_ask_outside       (VtWindow *self);

/* vt-window.c */
/* The message bar above the grid, with its heading and text. */
void      _vt_window_show_message      (VtWindow   *self,
                                        const char *title,
                                        const char *message);
/* The page shown (grid, empty states) and the status line. */
void      _vt_window_update_status     (VtWindow   *self);
/* Opens the detail window on the piece at @position of the grid. */
void      _vt_window_show_detail       (VtWindow   *self,
                                        guint       position);
/* Loads @file, without asking about unsaved edits. */
void      _vt_window_load              (VtWindow   *self,
                                        GFile      *file);
/* The catalog was saved as @file: it is the one shown, watched and recent. */
void      _vt_window_set_file          (VtWindow   *self,
                                        GFile      *file);
/* "• Genesis — Vitrine": the catalog's name, marked while there are unsaved edits. */
void      _vt_window_update_title      (VtWindow   *self);

G_END_DECLS
