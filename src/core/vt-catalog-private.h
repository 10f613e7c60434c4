/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parts of VtCatalog (loading, validation, the object itself) share. */

#pragma once

#include <json-glib/json-glib.h>

#include "vt-catalog.h"
#include "vt-image-scope.h"

G_BEGIN_DECLS

#define VT_CATALOG_FORMAT_NAME "vitrine-catalog"
#define VT_CATALOG_FORMAT_VERSION 1

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

G_END_DECLS
