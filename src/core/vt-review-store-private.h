/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the review store shares with the reading and writing of its file. */

#pragma once

#include "vt-review-store.h"

G_BEGIN_DECLS

/* number → VtReviewEntry, the entries owned. */
GHashTable *vt_review_entries_new   (void);
void        vt_review_entry_free    (gpointer     entry);

/* vt-review-format.c: the entries of a sidecar's text, or NULL with a
 * VT_REVIEW_STORE_ERROR_BROKEN error "NAME:LINE: ..." (@name: the file). */
GHashTable *vt_review_format_parse  (const char  *data,
                                     gsize        length,
                                     const char  *name,
                                     GError     **error);
/* The sidecar's text: an entry for each of @numbers (sorted here), from
 * @entries or "not-reviewed". */
char       *vt_review_format_write  (GHashTable  *entries,
                                     GArray      *numbers,
                                     gsize       *length);

G_END_DECLS
