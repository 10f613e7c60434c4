/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where a catalog's images may be opened from: its own folder, and elsewhere only when allowed. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the "image" member of a piece points. */
typedef enum
{
  VT_IMAGE_PLACE_NONE,      /* no image given */
  VT_IMAGE_PLACE_INSIDE,    /* a file in the catalog's folder or below */
  VT_IMAGE_PLACE_OUTSIDE,   /* a file elsewhere on this computer */
  VT_IMAGE_PLACE_REMOTE,    /* an address that is not a local file (http://, smb://...) */
} VtImagePlace;

/*
 * The folder of one loaded catalog and whether the user allowed its
 * images outside it. Shared by the catalog and its items, across
 * threads: reference counted, the permission read and written
 * atomically, the rest never changed once made.
 */
typedef struct _VtImageScope VtImageScope;

/* @base_dir: (nullable): the catalog's folder; without one, no path is
 * outside. Resolves @base_dir's symbolic links once, now. */
VtImageScope *vt_image_scope_new               (GFile         *base_dir);
VtImageScope *vt_image_scope_ref               (VtImageScope  *scope);
void          vt_image_scope_unref             (VtImageScope  *scope);

/* The catalog's folder as the user knows it (not resolved), or NULL. */
GFile        *vt_image_scope_get_base_dir      (VtImageScope  *scope);
gboolean      vt_image_scope_get_allow_outside (VtImageScope  *scope);
/* TRUE when this changed the permission. */
gboolean      vt_image_scope_set_allow_outside (VtImageScope  *scope,
                                                gboolean       allow);

/*
 * Where @written (an "image" member as written: a relative or absolute
 * path, or a file:// address) points, and in *@file the local file it
 * names (NULL for NONE and REMOTE). A path is OUTSIDE when, its ".."
 * and symbolic links resolved, it is not in the resolved folder. Reads
 * the file system (realpath()); nothing is opened. Safe in any thread.
 */
VtImagePlace  vt_image_scope_resolve           (VtImageScope  *scope,
                                                const char    *written,
                                                GFile        **file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtImageScope, vt_image_scope_unref)

G_END_DECLS
