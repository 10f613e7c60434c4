/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Curators' reviews of a catalog's pieces, kept in a sidecar file beside the catalog. */

#pragma once

#include <gio/gio.h>

#include "vt-catalog.h"
#include "vt-types.h"

G_BEGIN_DECLS

#define VT_REVIEW_STORE_ERROR (vt_review_store_error_quark ())

typedef enum
{
  VT_REVIEW_STORE_ERROR_BROKEN,     /* the sidecar is not a review file we can read */
  VT_REVIEW_STORE_ERROR_NO_PIECE,   /* no piece has that number */
  VT_REVIEW_STORE_ERROR_NO_FILE,    /* the catalog has no file to review beside */
} VtReviewStoreError;

/* One piece's review. @note, @who, @when and @hash are NULL when not
 * recorded; @when is ISO 8601 with the offset; @hash is
 * vt_item_compute_hash() of the piece when its state was set. */
typedef struct
{
  guint          number;
  VtReviewState  state;
  char          *note;
  char          *who;
  char          *when;
  char          *hash;
} VtReviewEntry;

#define VT_TYPE_REVIEW_STORE (vt_review_store_get_type ())

G_DECLARE_FINAL_TYPE (VtReviewStore, vt_review_store, VT, REVIEW_STORE, GObject)

GQuark               vt_review_store_error_quark   (void);

/* The store follows @catalog: each item gets its review state
 * (vt_item_set_review()) whenever the catalog's items change, from the
 * reviews of the catalog file last loaded by vt_review_store_load(). */
VtReviewStore       *vt_review_store_new           (VtCatalog            *catalog);

/* Reads the sidecar of the catalog's file: "NAME.review.json" beside
 * "NAME.json", or when the catalog's folder is not writable, a file of
 * the user's data folder (vt_review_store_get_in_data_dir()). A missing
 * sidecar is no review yet. A broken one fails with "FILE:LINE: ..."
 * (VT_REVIEW_STORE_ERROR_BROKEN); the store then has no reviews and
 * refuses to save, so the file is never overwritten. */
gboolean             vt_review_store_load          (VtReviewStore        *self,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
void                 vt_review_store_load_async    (VtReviewStore        *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean             vt_review_store_load_finish   (VtReviewStore        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* After the catalog was saved as another file (Save As), its reviews go
 * with it: the store reads and writes that file's sidecar from now on,
 * and the items keep their review states. The old sidecar stays as it
 * is. Returns whether the store holds reviews, which the caller then
 * saves (vt_review_store_save_async()) to make the new sidecar; FALSE
 * also when the catalog's file did not change. */
gboolean             vt_review_store_follow_catalog (VtReviewStore       *self);

/* Where reviews are read and written; NULL before a load. */
GFile               *vt_review_store_get_file      (VtReviewStore        *self);
gboolean             vt_review_store_get_in_data_dir (VtReviewStore      *self);
/* Why the sidecar could not be read, or NULL. */
const GError        *vt_review_store_get_broken    (VtReviewStore        *self);

/* The review of piece @number, or NULL when it has none. */
const VtReviewEntry *vt_review_store_lookup        (VtReviewStore        *self,
                                                    guint                 number);

/* Records @state for piece @number, by the user, now, with the piece's
 * hash; the note stays. Emits ::changed. Does not save. */
gboolean             vt_review_store_set_state     (VtReviewStore        *self,
                                                    guint                 number,
                                                    VtReviewState         state,
                                                    GError              **error);
/* Records @note (NULL or empty: none) for piece @number; the state stays. */
gboolean             vt_review_store_set_note      (VtReviewStore        *self,
                                                    guint                 number,
                                                    const char           *note,
                                                    GError              **error);

/* How many of the catalog's pieces are in each state. */
void                 vt_review_store_count         (VtReviewStore        *self,
                                                    guint                 counts[VT_N_REVIEW_STATES]);

/* The sidecar's text: one entry per piece of the catalog (and per
 * review of a piece it no longer has), by number, each in its own
 * group of lines, so that two curators' files merge line by line. */
char                *vt_review_store_to_data       (VtReviewStore        *self,
                                                    gsize                *length);
/* Writes the sidecar atomically (vt_file_write_atomic()). The
 * asynchronous save writes in a worker thread; saves run one after
 * another, the last one with every change made until it starts. */
gboolean             vt_review_store_save          (VtReviewStore        *self,
                                                    GError              **error);
void                 vt_review_store_save_async    (VtReviewStore        *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean             vt_review_store_save_finish   (VtReviewStore        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
