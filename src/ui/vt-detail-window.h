/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window that shows one piece like a museum label and steps through the grid's order. */

#pragma once

#include <gtk/gtk.h>

#include "vt-catalog.h"
#include "vt-item.h"
#include "vt-review-store.h"
#include "vt-thumbnailer.h"

G_BEGIN_DECLS

#define VT_TYPE_DETAIL_WINDOW (vt_detail_window_get_type ())

G_DECLARE_FINAL_TYPE (VtDetailWindow, vt_detail_window, VT, DETAIL_WINDOW, GtkWindow)

/*
 * @model is the grid's filtered and sorted GListModel of VtItem: previous
 * and next walk it, and the window follows it when it changes. One window
 * is meant to be made per main window and reused: closing only hides it.
 * Its signal "present" (guint position) asks for a show from the piece
 * shown ("Present from here", F5).
 */
VtDetailWindow *vt_detail_window_new           (GtkApplication *app,
                                                GListModel     *model,
                                                VtThumbnailer  *thumbnailer);

/* Shows the item at @position of the model and presents the window. */
void            vt_detail_window_show_position (VtDetailWindow *self,
                                                guint           position);
/* GTK_INVALID_LIST_POSITION when nothing is shown. */
guint           vt_detail_window_get_position  (VtDetailWindow *self);
/* The item shown, or NULL. (transfer none) */
VtItem         *vt_detail_window_get_item      (VtDetailWindow *self);

/* The large type of the reading mode, for a big screen ("reading-mode"). */
gboolean        vt_detail_window_get_reading_mode (VtDetailWindow *self);
void            vt_detail_window_set_reading_mode (VtDetailWindow *self,
                                                   gboolean        reading_mode);

/* The collection's size, for the number shown as "56 / 100"; 0 when not given. */
void            vt_detail_window_set_total     (VtDetailWindow *self,
                                                guint           total);

/* Curating, @reviews (else NULL): the window shows the piece's review,
 * its problem and why its artwork is missing, and A, C, U and N set the
 * review as on the grid. */
void            vt_detail_window_set_review_store (VtDetailWindow *self,
                                                VtReviewStore  *reviews);

/* Curating, @catalog (else NULL): the label becomes an editor whose
 * changes are applied to @catalog, each an undoable VtEdit. */
void            vt_detail_window_set_catalog   (VtDetailWindow *self,
                                                VtCatalog      *catalog);
/* Applies what the focused control holds, if it changed: before a save,
 * an undo, or anything else that must see the curator's last edit. */
void            vt_detail_window_commit_edit   (VtDetailWindow *self);
/* Whether the focus is in text that holds typing not yet committed, or
 * in text that is not a field: its own undo comes before the catalog's. */
gboolean        vt_detail_window_has_typing    (VtDetailWindow *self);

G_END_DECLS
