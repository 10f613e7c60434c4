/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the catalog needs to know about an item beyond its public getters. */

#pragma once

#include "vt-image-scope.h"
#include "vt-item.h"
#include "vt-problem.h"

G_BEGIN_DECLS

/* vt_item_new_from_json() for the items of one catalog, which share
 * @scope: its folder and whether images outside it may be opened. */
VtItem    *vt_item_new_in_scope       (JsonObject   *object,
                                       VtImageScope *scope,
                                       int           index,
                                       GPtrArray    *problems);
/* The same piece as @item, its image found in @scope: for a catalog
 * saved into another folder, whose relative paths name files there.
 * Keeps the index, line, source and review (vt_item_copy_state()); its
 * problem is found again by the catalog. */
VtItem    *vt_item_new_moved          (VtItem       *item,
                                       VtImageScope *scope);

/* Whether the member was present with the right type: tells "impact 0"
 * apart from "no impact". */
gboolean   vt_item_has_year           (VtItem    *self);
gboolean   vt_item_has_impact         (VtItem    *self);
/* The "image" member as written, before resolving. */
const char *vt_item_get_image_path    (VtItem    *self);
/* Where the image lies; vt_item_get_image() is NULL for OUTSIDE unless
 * the scope allows it, and always for REMOTE. */
VtImagePlace vt_item_get_image_place  (VtItem    *self);
VtImageScope *vt_item_get_image_scope (VtItem    *self);

/* Problems found while reading the item's JSON (wrong types, duplicate
 * keys); they stay with the item so validation can report them again.
 * (element-type VtProblem) (nullable) */
GPtrArray *vt_item_get_load_problems  (VtItem    *self);
void       vt_item_add_load_problem   (VtItem    *self,
                                       VtProblem *problem);

/* Set by the loader, from where the scan found the item. */
void       vt_item_set_line           (VtItem    *self,
                                       guint      line);

/* Where the item's text lies, byte for byte, in one version of its
 * catalog's file: @source names that version (a number the catalog
 * gives each text it reads or writes, never 0). A save copies the text
 * of an item it finds there instead of comparing it member by member;
 * an item made any other way has none. Set only on the catalog's thread
 * or before the item is shared. */
void       vt_item_set_source         (VtItem    *self,
                                       guint      source,
                                       gsize      offset,
                                       gsize      length);
gboolean   vt_item_get_source         (VtItem    *self,
                                       guint      source,
                                       gsize     *offset,
                                       gsize     *length);

/* Gives @self what was set on @from since it was made, the same piece:
 * its line, its source and its review. */
void       vt_item_copy_state         (VtItem    *self,
                                       VtItem    *from);

/* Sets the problem without notifying: for items not yet shown (worker thread). */
void       vt_item_take_problem_quietly (VtItem  *self,
                                         char    *problem);

G_END_DECLS
