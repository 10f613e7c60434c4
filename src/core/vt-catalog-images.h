/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The images a catalog saved in another folder takes with it: which ones, and their copy beside it. */

#pragma once

#include "vt-catalog.h"

G_BEGIN_DECLS

/*
 * The images of @self's pieces that a copy of the catalog saved in
 * another folder finds only if they are copied beside it: those named by
 * a relative path inside the catalog's folder that exist, each once, as
 * normalised relative paths ("images/001.jpg"), in the pieces' order.
 * *@size: their bytes in all. An empty array when the catalog has no
 * folder. Reads the file system (one stat per image).
 */
GPtrArray *vt_catalog_dup_folder_images (VtCatalog  *self,
                                         guint64    *size);

/*
 * Copies each of @paths (relative, from vt_catalog_dup_folder_images())
 * from @from_dir to the same place under @to_dir, making the folders it
 * needs. A file already at its place is kept, not overwritten, and
 * counted in *@n_kept; a copy appears whole or not at all
 * (vt_file_write_atomic()). Stops at the first file that cannot be read
 * or written, with an error that names it and says what to do; the files
 * copied before it stay. Safe in a worker thread.
 */
gboolean   vt_catalog_copy_images       (GPtrArray     *paths,
                                         GFile         *from_dir,
                                         GFile         *to_dir,
                                         guint         *n_copied,
                                         guint         *n_kept,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
