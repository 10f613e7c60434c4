/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the detail window's files share: its fields, and the label page's and artwork's entry points. */

#pragma once

#include "vt-catalog.h"
#include "vt-detail-window.h"
#include "vt-field.h"
#include "vt-review-store.h"

G_BEGIN_DECLS

/*
 * The detail window is split by concern over one struct:
 *   vt-detail-window.c          the window: the shown item and its place in
 *                               the model, actions, properties
 *   vt-detail-window-label.c    the label page: title, texts and the
 *                               attribute table
 *   vt-detail-window-artwork.c  the artwork: the picture for the screen,
 *                               the neighbours loaded ahead, the full-size view
 *   vt-detail-window-review.c   what curators see: the review, the problem
 *   vt-detail-window-edit.c     the editor that takes the label's place
 *                               while curating
 */

/* Square sizes asked of the thumbnailer, in device pixels: a quick
 * preview (usually already in its cache from the grid). */
#define VT_DETAIL_PREVIEW_SIZE 256

struct _VtDetailWindow
{
  GtkWindow          parent_instance;

  GListModel        *model;
  VtThumbnailer     *thumbnailer;
  VtItem            *item;
  guint              position;
  guint              total;
  gboolean           full_size;
  gboolean           reading_mode;
  /* The number of the piece the label shows, to tell another piece
   * from an edit of the same one. */
  guint              label_number;

  /* The label page's picture: preview and screen size. */
  GCancellable      *image_cancellable;
  GdkTexture        *texture;
  int                texture_size;
  /* A hidden window loads no pictures: it loads the artwork when shown. */
  gboolean           artwork_pending;
  /* The placeholder is shown: there is nothing to see at full size. */
  gboolean           artwork_failed;
  /* The neighbours' pictures, loaded ahead into the thumbnailer's cache. */
  GCancellable      *prefetch_cancellable;
  /* The original, for the full-size view. */
  GCancellable      *full_cancellable;
  gboolean           full_loaded;

  /* The attribute table's rows, by field; NULL for a field it does not show. */
  GtkLabel          *attribute_keys[VT_N_FIELDS];
  GtkWidget         *attribute_values[VT_N_FIELDS];
  GtkLabel          *impact_label;
  GtkLevelBar       *impact_bar;

  /* Set while the main window curates: reviews, problems, file paths. */
  VtReviewStore     *reviews;

  /* The catalog edits are applied to, while curating; else NULL. */
  VtCatalog         *catalog;
  /* The editor's control of each field (a GtkEntry or a GtkTextView);
   * NULL for the lists, whose rows are in their boxes. */
  GtkWidget         *edit_controls[VT_N_FIELDS];
  GtkLabel          *edit_problems[VT_N_FIELDS];
  GtkBox            *paragraphs_box;
  GtkBox            *countries_box;
  GtkNativeDialog   *image_chooser;
  guint              resize_source;
  /* The controls are being filled from the item: not an edit. */
  gboolean           filling;
  /* While an edit of the number is applied, the number the piece shown
   * will have, so the window follows it. */
  guint              follow_number;

  /* Template children */
  GtkButton         *previous_button;
  GtkButton         *next_button;
  GtkToggleButton   *full_size_button;
  GtkButton         *present_button;
  GtkToggleButton   *reading_button;
  GtkLabel          *header_title;
  GtkLabel          *header_subtitle;
  GtkStack          *view_stack;
  GtkStack          *artwork_stack;
  GtkButton         *artwork_button;
  GtkPicture        *picture;
  GtkSpinner        *spinner;
  GtkLabel          *placeholder_reason;
  GtkScrolledWindow *text_scroller;
  GtkBox            *problem_box;
  GtkLabel          *problem_label;
  GtkBox            *review_box;
  GtkBox            *edit_box;
  GtkBox            *label_box;
  /* Left and Right, stepping through the pieces. */
  GtkShortcutController *step_shortcuts;
  GtkLabel          *review_state_label;
  GtkLabel          *review_note_label;
  GtkLabel          *kicker_label;
  GtkLabel          *title_label;
  GtkLabel          *byline_label;
  GtkLabel          *about_label;
  GtkBox            *text_box;
  GtkGrid           *attributes_grid;
  GtkScrolledWindow *full_scroller;
  GtkPicture        *full_picture;
  GtkSpinner        *full_spinner;

  /* The full-size view centres the picture when its size changes. */
  gboolean           center_x;
  gboolean           center_y;
  /* Where a drag in the full-size view started. */
  double             drag_start_x;
  double             drag_start_y;
};

static inline const char *
vt_detail_or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* vt-detail-window.c */
void _vt_detail_window_update_actions   (VtDetailWindow *self);
void _vt_detail_window_set_full_size    (VtDetailWindow *self,
                                         gboolean        full_size);

/* vt-detail-window-label.c */
/* The rows of the attribute table, in the order the collection publishes them. */
extern const VtField _vt_detail_window_attributes[];
extern const guint   _vt_detail_window_n_attributes;
void _vt_detail_window_build_attributes (VtDetailWindow *self);
void _vt_detail_window_show_label       (VtDetailWindow *self);

/* vt-detail-window-review.c */
void _vt_detail_window_class_bind_review (GtkWidgetClass *widget_class);
/* What only curators see: the review, the problem, why the artwork is missing. */
void _vt_detail_window_show_review      (VtDetailWindow *self);
void _vt_detail_window_dispose_review   (VtDetailWindow *self);

/* vt-detail-window-edit.c */
void _vt_detail_window_class_bind_edit  (GtkWidgetClass *widget_class);
void _vt_detail_window_build_editor     (VtDetailWindow *self);
/* Fills the editor from the piece shown, and shows it instead of the
 * label while curating. */
void _vt_detail_window_show_editor      (VtDetailWindow *self);
void _vt_detail_window_dispose_edit     (VtDetailWindow *self);

/* vt-detail-window-artwork.c */
void _vt_detail_window_class_bind_artwork (GtkWidgetClass *widget_class);
void _vt_detail_window_init_artwork     (VtDetailWindow *self);
void _vt_detail_window_focus_buttons    (VtDetailWindow *self);
void _vt_detail_window_load_artwork     (VtDetailWindow *self);
void _vt_detail_window_defer_artwork    (VtDetailWindow *self);
void _vt_detail_window_load_original    (VtDetailWindow *self);
void _vt_detail_window_stop_original    (VtDetailWindow *self);

G_END_DECLS
