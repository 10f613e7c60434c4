/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small window to write a curator's note on one piece, saved in the review store. */

#pragma once

#include <gtk/gtk.h>

#include "vt-review-store.h"

G_BEGIN_DECLS

#define VT_TYPE_NOTE_DIALOG (vt_note_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VtNoteDialog, vt_note_dialog, VT, NOTE_DIALOG, GtkWindow)

/* Edits the note of @item in @store, over @parent; "note.save" records
 * it (vt_review_store_set_note()) and closes, "note.cancel" closes. */
VtNoteDialog *vt_note_dialog_new      (GtkWindow     *parent,
                                       VtReviewStore *store,
                                       VtItem        *item);
GtkTextView  *vt_note_dialog_get_text_view (VtNoteDialog *self);

G_END_DECLS
