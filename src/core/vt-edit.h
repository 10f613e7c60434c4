/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One undoable change to a catalog: a member of a piece set or removed, a piece added or removed. */

#pragma once

#include <json-glib/json-glib.h>

#include "vt-field.h"
#include "vt-item.h"

G_BEGIN_DECLS

#define VT_TYPE_EDIT (vt_edit_get_type ())

typedef struct _VtEdit VtEdit;

typedef enum
{
  VT_EDIT_SET,
  VT_EDIT_INSERT,
  VT_EDIT_DELETE,
} VtEditKind;

GType       vt_edit_get_type      (void) G_GNUC_CONST;

/* Sets member @field of @item, a piece of the catalog the edit is applied
 * to, to @value (NULL removes the member). @value is the JSON the catalog
 * will hold: a string for text, facet, price and image fields, an array
 * of strings for text paragraphs and countries, an integer for number,
 * year and impact. The edit keeps a copy of @value. */
VtEdit     *vt_edit_new_set       (VtItem    *item,
                                   VtField    field,
                                   JsonNode  *value);
/* Adds @item as a new piece: vt_item_new_from_json() of a page
 * (vt_page_parse_file()) or of an object with just a number. */
VtEdit     *vt_edit_new_insert    (VtItem    *item);
/* Removes @item, a piece of the catalog the edit is applied to. */
VtEdit     *vt_edit_new_delete    (VtItem    *item);

VtEdit     *vt_edit_ref           (VtEdit    *edit);
void        vt_edit_unref         (VtEdit    *edit);

VtEditKind  vt_edit_get_kind      (VtEdit    *edit);
/* The piece the edit was made for. (transfer none) */
VtItem     *vt_edit_get_item      (VtEdit    *edit);
/* VT_EDIT_SET only. */
VtField     vt_edit_get_field     (VtEdit    *edit);
JsonNode   *vt_edit_get_value     (VtEdit    *edit);   /* nullable: removed */
/* For the Undo and Redo menu items and the command line's report:
 * "Title of 56", "New piece 101", "Removal of piece 56" (translated). */
const char *vt_edit_get_label     (VtEdit    *edit);

/* A copy of @item with member @field set to @value (NULL: removed), for
 * vt_catalog_check_item() while a curator types; no value is refused
 * here: the problems say what is wrong with it. */
VtItem     *vt_item_new_edited    (VtItem    *item,
                                   VtField    field,
                                   JsonNode  *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtEdit, vt_edit_unref)

G_END_DECLS
