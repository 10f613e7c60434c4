/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A collection loaded from a catalog file: a GListModel of VtItem that saves back losslessly. */

#pragma once

#include <gio/gio.h>

#include "vt-edit.h"
#include "vt-item.h"
#include "vt-problem.h"

G_BEGIN_DECLS

#define VT_CATALOG_ERROR (vt_catalog_error_quark ())

typedef enum
{
  VT_CATALOG_ERROR_READ,        /* missing, a folder, no permission... */
  VT_CATALOG_ERROR_TOO_BIG,
  VT_CATALOG_ERROR_TOO_DEEP,
  VT_CATALOG_ERROR_ENCODING,    /* invalid UTF-8, NUL byte */
  VT_CATALOG_ERROR_SYNTAX,      /* not JSON, truncated, trailing data */
  VT_CATALOG_ERROR_FORMAT,      /* JSON, but not a Vitrine catalog */
  VT_CATALOG_ERROR_WRITE,
  VT_CATALOG_ERROR_EDIT,        /* an edit that the catalog would not load back as it is */
  VT_CATALOG_ERROR_CHANGED_ON_DISK, /* another program changed the file since it was loaded */
} VtCatalogError;

typedef enum
{
  VT_SAVE_NONE      = 0,
  /* Save over the catalog's file even when another program changed it
   * since it was loaded. */
  VT_SAVE_OVERWRITE = 1 << 0,
} VtSaveFlags;

/* Files above this size are refused before they are read: json-glib
 * holds 4 to 25 times the file in memory while it parses. A collection
 * of 100,000 pieces with their history (about 300 MB) is within it. */
#define VT_CATALOG_DEFAULT_MAX_SIZE ((goffset) 512 * 1000 * 1000)

/* Catalogs of more pieces are refused before they are parsed. */
#define VT_CATALOG_MAX_ITEMS 100000

#define VT_TYPE_CATALOG (vt_catalog_get_type ())

G_DECLARE_FINAL_TYPE (VtCatalog, vt_catalog, VT, CATALOG, GObject)

GQuark      vt_catalog_error_quark      (void);

VtCatalog  *vt_catalog_new              (void);
/* Convenience for vt_catalog_new() + vt_catalog_load(). */
VtCatalog  *vt_catalog_new_for_file     (GFile               *file,
                                         GCancellable        *cancellable,
                                         GError             **error);

/* Replaces the catalog's contents with @file's in one items-changed. On
 * failure the catalog is left exactly as it was. Items with problems
 * load (and are reported by vt_catalog_get_problems()); only a file that
 * cannot be read as a catalog at all fails. Errors name the file and,
 * for syntax errors, the line and column. The load validates too, but
 * of image files it only checks that they exist; vt_catalog_validate()
 * also reads their headers. */
gboolean    vt_catalog_load             (VtCatalog           *self,
                                         GFile               *file,
                                         GCancellable        *cancellable,
                                         GError             **error);
/* The same in a worker thread; "progress" is notified on the calling
 * thread's main context while it runs. */
void        vt_catalog_load_async       (VtCatalog           *self,
                                         GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean    vt_catalog_load_finish      (VtCatalog           *self,
                                         GAsyncResult        *result,
                                         GError             **error);

/* Atomic and durable (vt_file_write_atomic()): the old file stays whole
 * until the new one is on the disk, and keeps its permissions; a failed
 * save leaves no temporary file. Members the program does not know are
 * written back in their order at every level.
 *
 * Saving to the catalog's own file, the first save after a load keeps
 * the file as it was as "FILE~" beside it (the same bytes, replaced
 * atomically); and when another program changed the file since it was
 * loaded (size, time or bytes), the save fails with
 * VT_CATALOG_ERROR_CHANGED_ON_DISK and writes nothing, unless @flags has
 * %VT_SAVE_OVERWRITE. Saving to another file (Save As) never checks, and
 * the catalog's "file" becomes that file; images are still found where
 * they were, in the folder the catalog was loaded from.
 *
 * Errors name the file and the cause (the disk is full, the folder is
 * not writable, the file is a folder); the catalog's edits and
 * "modified" stay as they were. A success makes "modified" FALSE. */
gboolean    vt_catalog_save             (VtCatalog           *self,
                                         GFile               *file,
                                         GError             **error);
gboolean    vt_catalog_save_full        (VtCatalog           *self,
                                         GFile               *file,
                                         VtSaveFlags          flags,
                                         GError             **error);
/* The same, the write in a worker thread; the bytes are made before it
 * returns, so edits applied while it runs are not in the file and leave
 * the catalog modified. One save at a time: another fails at once with
 * G_IO_ERROR_PENDING. @cancellable stops a save that has not begun to
 * write; once it has, it runs to its end and reports how it went. */
void        vt_catalog_save_async       (VtCatalog           *self,
                                         GFile               *file,
                                         VtSaveFlags          flags,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean    vt_catalog_save_finish      (VtCatalog           *self,
                                         GAsyncResult        *result,
                                         GError             **error);
/* Whether the catalog's file is no longer as it was loaded or last saved
 * (its size, time or identity: a look, not a read). */
gboolean    vt_catalog_get_changed_on_disk (VtCatalog        *self);
/* The catalog as it would be saved, pretty-printed. */
char       *vt_catalog_to_data          (VtCatalog           *self,
                                         gsize               *length);

GFile      *vt_catalog_get_file         (VtCatalog           *self);   /* nullable */
GFile      *vt_catalog_get_base_dir     (VtCatalog           *self);   /* nullable */
const char *vt_catalog_get_name         (VtCatalog           *self);
guint       vt_catalog_get_total        (VtCatalog           *self);   /* 0: not given */
const char *vt_catalog_get_currency     (VtCatalog           *self);
void        vt_catalog_set_collection   (VtCatalog           *self,
                                         const char          *name,
                                         guint                total,
                                         const char          *currency);
double      vt_catalog_get_progress     (VtCatalog           *self);   /* 0..1 while loading */
gboolean    vt_catalog_get_loading      (VtCatalog           *self);
goffset     vt_catalog_get_max_size     (VtCatalog           *self);
void        vt_catalog_set_max_size     (VtCatalog           *self,
                                         goffset              max_size);

/* Whether images outside the catalog's folder (after resolving ".."
 * and symbolic links) are opened. A catalog is data from a stranger:
 * by default they are not, and an item's image there is NULL with a
 * problem that says why. Kept across loads; changing it validates the
 * catalog again and announces every item changed, so views reload them. */
gboolean    vt_catalog_get_allow_outside (VtCatalog          *self);
void        vt_catalog_set_allow_outside (VtCatalog          *self,
                                         gboolean             allow);
/* Pieces whose image lies outside the catalog's folder, allowed or not. */
guint       vt_catalog_count_outside_images (VtCatalog       *self);

/* Item of @number, or NULL. (transfer none) */
VtItem     *vt_catalog_lookup           (VtCatalog           *self,
                                         guint                number);
/* Adds @item, or replaces the item of the same number; keeps items
 * ordered by number. For building a catalog (the importer): it cannot be
 * undone, and forgets what could be; the catalog is modified until saved.
 * A curator's change is a VtEdit (vt_catalog_apply_edit()). */
void        vt_catalog_put_item         (VtCatalog           *self,
                                         VtItem              *item);

/* Applies @edit: replaces, adds or removes a piece (a new VtItem: items
 * never change) and announces it in one items-changed. Pieces stay
 * ordered by number: a piece whose number changes moves. Refuses (FALSE,
 * VT_CATALOG_ERROR_EDIT, with a message a curator can act on) an edit
 * that would make the catalog fail to load back the same: a value of the
 * wrong JSON type, a number taken by another piece or missing, over the
 * length limits of vt-field, text not UTF-8, a piece no longer in the
 * catalog. Recorded for undo; clears what could be redone. An edit that
 * sets a member to the value it has changes nothing and is not recorded. */
gboolean    vt_catalog_apply_edit       (VtCatalog           *self,
                                         VtEdit              *edit,
                                         GError             **error);
/* FALSE when there is nothing to undo (redo). */
gboolean    vt_catalog_undo             (VtCatalog           *self);
gboolean    vt_catalog_redo             (VtCatalog           *self);
/* The label (vt_edit_get_label()) of what undo (redo) would undo (redo), or NULL. */
const char *vt_catalog_get_undo_label   (VtCatalog           *self);
const char *vt_catalog_get_redo_label   (VtCatalog           *self);
gboolean    vt_catalog_get_can_undo     (VtCatalog           *self);
gboolean    vt_catalog_get_can_redo     (VtCatalog           *self);
/* Whether there are edits not saved: FALSE after a load or a successful
 * save, and again when undo or redo comes back to that state. */
gboolean    vt_catalog_get_modified     (VtCatalog           *self);

/* The problems @item would have as a piece of this catalog, by the rules
 * of vt_catalog_validate() (a number taken by another piece included;
 * image files only checked for existence), for validation while a
 * curator types and for `vitrine-cli edit`. @item is a piece of the
 * catalog, a copy of one by vt_item_new_edited() (checked in its place),
 * or a new piece. (element-type VtProblem) (transfer full) */
GPtrArray  *vt_catalog_check_item       (VtCatalog           *self,
                                         VtItem              *item);

/* Problems found by the last load or vt_catalog_validate(): a
 * GListModel of VtProblem, ordered by item number. */
GListModel *vt_catalog_get_problems     (VtCatalog           *self);
/* Runs every rule again (image files included) and updates the
 * problems and each item's problem. */
void        vt_catalog_validate         (VtCatalog           *self);

G_END_DECLS
