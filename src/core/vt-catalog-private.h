/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parts of VtCatalog (loading, validation, the object itself) share. */

#pragma once

#include <json-glib/json-glib.h>

#include "vt-catalog.h"
#include "vt-edit.h"
#include "vt-image-scope.h"

G_BEGIN_DECLS

#define VT_CATALOG_FORMAT_NAME "vitrine-catalog"
#define VT_CATALOG_FORMAT_VERSION 1

/* vt-catalog-save.c: a file on the disk as the catalog read or wrote it,
 * to tell whether another program changed it since. */
typedef struct
{
  gboolean known;         /* FALSE: not a local file, or it could not be looked at */
  guint64  device;
  guint64  inode;
  goffset  size;
  gint64   mtime_sec;
  gint64   mtime_nsec;
  gboolean hashed;
  guint8   hash[16];      /* of the bytes read or written (vt_disk_stamp_hash()) */
} VtDiskStamp;

void       vt_disk_stamp_stat  (VtDiskStamp  *stamp,
                                const char   *path);
void       vt_disk_stamp_hash  (VtDiskStamp  *stamp,
                                const void   *data,
                                gsize         length);
/* The hash of the vectors' bytes one after the other. */
void       vt_disk_stamp_hash_vectors (VtDiskStamp         *stamp,
                                       const GOutputVector *vectors,
                                       guint                n_vectors);

typedef struct
{
  VtDiskStamp stamp;      /* of the catalog's file, as loaded or last saved */
  gboolean    keep_backup;/* the next save to that file keeps it as "FILE~" first */
  gboolean    saving;     /* a vt_catalog_save_async() is running */
  guint       n_loads;    /* a save that began before a load must not touch the new contents */
  /* The version of the file's text (the one @stamp describes) that the
   * items' sources point into (vt_item_get_source()); 0: none. */
  guint       source;
} VtCatalogSaveState;

/* A number for a text read or written, never 0, never given twice. */
guint      vt_catalog_new_source (void);

/* One load of a file: made and applied on the catalog's thread
 * (vt-catalog.c), run in a worker thread for vt_catalog_load_async()
 * (vt-catalog-load.c). Reference counted: a progress report may outlive
 * the load. */
typedef struct _VtCatalogLoadJob VtCatalogLoadJob;

struct _VtCatalogLoadJob
{
  VtCatalog     *catalog;
  GMainContext  *context;        /* NULL for a synchronous load */
  GFile         *file;
  char          *name;           /* for messages */
  goffset        max_size;
  gboolean       allow_outside;
  guint          generation;

  /* progress, in thousandths */
  int            progress;
  int            progress_pending;
  guint          last_reported;

  VtDiskStamp    stamp;          /* of the file read */
  guint          source;         /* its text's number, for the items' sources */

  /* results */
  GFile         *base_dir;
  VtImageScope  *scope;
  JsonObject    *root;
  JsonObject    *collection;
  char          *collection_name;
  char          *currency;
  guint          total;
  GPtrArray     *items;
  GPtrArray     *catalog_problems;
  GPtrArray     *problems;
};

/* vt-catalog-load.c: everything but swapping the result in; safe in a
 * worker thread. */
gboolean   vt_catalog_load_job_run             (VtCatalogLoadJob  *job,
                                                GCancellable      *cancellable,
                                                GError           **error);

/* vt-catalog.c: tells the catalog how far the load is (0..1), from the
 * loading thread; at most every 1% reaches it. */
void       vt_catalog_load_job_report_progress (VtCatalogLoadJob  *job,
                                                double             fraction);

/* vt-catalog-validate.c: runs every rule over @items (VtItem) and
 * returns all problems (VtProblem), the catalog's own first, then by
 * item number. Sets each item's problem, quietly unless @notify (for
 * items nobody shows yet). */
GPtrArray *vt_catalog_find_problems            (GPtrArray         *items,
                                                GPtrArray         *catalog_problems,
                                                const char        *currency,
                                                guint              total,
                                                gboolean           read_image_headers,
                                                gboolean           notify,
                                                GCancellable      *cancellable);

/* vt-catalog-validate.c: the problems @item would have among @items,
 * in place of @origin (a piece of @items, or NULL for a new one), by the
 * rules of vt_catalog_find_problems() with image files only checked for
 * existence. Sets no item's problem. */
GPtrArray *vt_catalog_find_item_problems       (GPtrArray         *items,
                                                VtItem            *item,
                                                VtItem            *origin,
                                                const char        *currency,
                                                guint              total);

/* One edit as applied to a catalog, which keeps it for undo and redo:
 * @before (NULL when a piece was added) was taken out of
 * @before_position, then @after (NULL when a piece was removed) put in
 * at @after_position. Undo does the reverse. */
typedef struct
{
  char    *label;
  VtItem  *before;
  VtItem  *after;
  guint    before_position;
  guint    after_position;
  guint    serial;          /* set by the catalog: tells saved states apart */
} VtCatalogStep;

void           vt_catalog_step_free (VtCatalogStep *step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtCatalogStep, vt_catalog_step_free)

/* vt-catalog-edit.c: what can be undone and redone. */
typedef struct
{
  GPtrArray *undo;          /* VtCatalogStep, the latest last */
  GPtrArray *redo;          /* VtCatalogStep, the next to redo last */
  guint      last_serial;
  guint      saved_serial;  /* of the latest step when last saved; 0: none */
} VtCatalogHistory;

void              vt_catalog_history_init      (VtCatalogHistory *history);
void              vt_catalog_history_clear     (VtCatalogHistory *history);
/* After a load: nothing to undo or redo, nothing modified. */
void              vt_catalog_history_reset     (VtCatalog        *self);
/* After a change made without an edit (vt_catalog_put_item(),
 * vt_catalog_set_collection()): modified until saved; @forget when the
 * change moved items, which the steps' positions no longer describe. */
void              vt_catalog_history_mark_unsaved (VtCatalog     *self,
                                                   gboolean       forget);
/* What identifies the edits applied now, for vt_catalog_history_mark_saved(). */
guint             vt_catalog_history_get_serial (VtCatalog       *self);
/* After a save of the pieces as they were at @serial. */
void              vt_catalog_history_mark_saved (VtCatalog       *self,
                                                 guint            serial);

/* vt-catalog.c, for vt-catalog-edit.c and vt-catalog-save.c. */
VtCatalogHistory *vt_catalog_get_history       (VtCatalog        *self);
VtCatalogSaveState *vt_catalog_get_save_state  (VtCatalog        *self);
/* Sets the "file" property: a catalog saved as another file is that file. */
void              vt_catalog_set_file          (VtCatalog        *self,
                                                GFile            *file);
GPtrArray        *vt_catalog_get_item_array    (VtCatalog        *self);
/* The root object read from the file (made, with an empty collection,
 * for a catalog that has none), and the collection (nullable). */
JsonObject       *vt_catalog_ensure_root       (VtCatalog        *self,
                                                JsonObject      **collection);
VtImageScope     *vt_catalog_get_scope         (VtCatalog        *self);   /* nullable */
/* The problems of the file as a whole, found by the load (VtProblem);
 * replaced, never changed. */
GPtrArray        *vt_catalog_get_catalog_problems (VtCatalog     *self);
/* vt-catalog-move.c, once the pieces and the history hold the moved
 * pieces: the catalog's folder and scope are @base_dir's, its problems
 * @problems (NULL: found now), and one items-changed over everything. */
void              vt_catalog_moved             (VtCatalog        *self,
                                                GFile            *base_dir,
                                                VtImageScope     *scope,
                                                GPtrArray        *problems);

/*
 * vt-catalog-move.c: the catalog's pieces as they are in another folder,
 * for a catalog saved there (Save As). Its relative image paths name
 * files of that folder then, so each piece is replaced by one whose
 * image is found there (vt_item_new_moved()): what the window shows,
 * and what an image chooser makes relative, is what the file saved
 * means. The pieces of the undo history move too, so that undoing puts
 * back a piece of the new folder.
 *
 * Made on the catalog's thread with the pieces as they are (NULL when
 * @folder is the catalog's own); vt_catalog_move_run() makes the moved
 * pieces and their problems in any thread; vt_catalog_move_apply(), on
 * the catalog's thread, puts them in, and moves there what changed
 * since.
 */
typedef struct _VtCatalogMove VtCatalogMove;

VtCatalogMove    *vt_catalog_move_new          (VtCatalog        *self,
                                                GFile            *folder);
void              vt_catalog_move_run          (VtCatalogMove    *move);
void              vt_catalog_move_apply        (VtCatalog        *self,
                                                VtCatalogMove    *move);
void              vt_catalog_move_free         (VtCatalogMove    *move);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtCatalogMove, vt_catalog_move_free)
/* Takes @out out of @out_position, then puts @in in at @in_position
 * (either may be NULL), validates again and announces it: one
 * items-changed over every position between the two. */
void              vt_catalog_swap_items        (VtCatalog        *self,
                                                VtItem           *out,
                                                guint             out_position,
                                                VtItem           *in,
                                                guint             in_position);
/* Notifies "can-undo", "can-redo", "modified": each that is TRUE here. */
void              vt_catalog_notify_history    (VtCatalog        *self,
                                                gboolean          can_undo,
                                                gboolean          can_redo,
                                                gboolean          modified);

/* vt-edit.c: checks @edit against @items, the catalog's pieces in its
 * order, and plans it; refuses (VT_CATALOG_ERROR_EDIT) what would not
 * load back as it is. A piece added takes @scope (nullable). An edit
 * that changes nothing gives a step with neither item. */
VtCatalogStep *vt_edit_plan        (VtEdit         *edit,
                                    GPtrArray      *items,
                                    VtImageScope   *scope,
                                    GError        **error);

/* vt-edit.c: the piece @item was copied from by vt_item_new_edited(),
 * else @item. */
VtItem        *vt_edit_get_origin  (VtItem         *item);

G_END_DECLS
