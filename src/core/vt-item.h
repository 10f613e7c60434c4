/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One piece of a collection, read from (and kept as) its JSON object. */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "vt-field.h"
#include "vt-price.h"
#include "vt-types.h"

G_BEGIN_DECLS

#define VT_TYPE_ITEM (vt_item_get_type ())

G_DECLARE_FINAL_TYPE (VtItem, vt_item, VT, ITEM, GObject)

/**
 * vt_item_new_from_json:
 * @object: the item's JSON object; the item keeps a reference to it and
 *   writes it back unchanged on save, unknown members included
 * @base_dir: (nullable): folder that a relative "image" resolves against
 * @problems: (element-type VtProblem) (nullable): where to append a
 *   #VtProblem for each member of the wrong JSON type (the member is then
 *   treated as missing)
 *
 * Never fails: a malformed member is reported and left empty.
 */
VtItem             *vt_item_new_from_json     (JsonObject  *object,
                                               GFile       *base_dir,
                                               GPtrArray   *problems);

JsonObject         *vt_item_get_json          (VtItem      *self);
/* A new object holding a copy of the whole piece, members the program
 * does not know included, in their order: what an edit starts from. */
JsonObject         *vt_item_dup_json          (VtItem      *self);
/* The value of a string field (vt_field_is_string()) as written; NULL
 * when missing, empty or not a string. The image's path is not resolved. */
const char         *vt_item_get_string        (VtItem      *self,
                                               VtField      field);
guint               vt_item_get_number        (VtItem      *self);   /* 0 when missing */
/* The item's place in its catalog's "items" (from 0), -1 when not
 * loaded from a catalog: names a piece with neither number nor title. */
int                 vt_item_get_index         (VtItem      *self);
const char         *vt_item_get_title         (VtItem      *self);
const char         *vt_item_get_about         (VtItem      *self);
const char * const *vt_item_get_text          (VtItem      *self);   /* paragraphs, never NULL */
int                 vt_item_get_year          (VtItem      *self);   /* 0 when missing */
const char         *vt_item_get_decade        (VtItem      *self);
const char         *vt_item_get_region        (VtItem      *self);
const char * const *vt_item_get_countries     (VtItem      *self);   /* never NULL */
const char         *vt_item_get_politics      (VtItem      *self);
const char         *vt_item_get_conflict      (VtItem      *self);
const char         *vt_item_get_kind          (VtItem      *self);   /* the "type" member */
int                 vt_item_get_impact        (VtItem      *self);   /* 0 when missing */
const char         *vt_item_get_artist        (VtItem      *self);
const char         *vt_item_get_group         (VtItem      *self);
const char         *vt_item_get_price_text    (VtItem      *self);   /* as written */
/* FALSE when the item has no price or it does not parse. */
gboolean            vt_item_get_price         (VtItem      *self,
                                               VtPrice     *price);
/* The image file, resolved against the catalog's folder; NULL when the
 * piece has none, names no local file (http://...), or names one outside
 * the catalog's folder that the user has not allowed
 * (vt_catalog_set_allow_outside()). */
GFile              *vt_item_get_image         (VtItem      *self);
/* Why the image the piece names is not opened, for a message: not a
 * local file, or outside the catalog's folder and not allowed. NULL
 * when it is opened or the piece names none. */
char               *vt_item_dup_image_refusal (VtItem      *self);

/* The values the item has for @key (one, or each country); *n_values
 * is 0 when it has none. The strings belong to the item. */
const char * const *vt_item_get_facet_values  (VtItem      *self,
                                               VtFacetKey   key,
                                               guint       *n_values);

/* Title, about, text, countries and every attribute, case- and
 * accent-folded (see vt_text_fold()), joined by newlines. */
const char         *vt_item_get_search_text   (VtItem      *self);
gsize               vt_item_get_search_text_length (VtItem *self);

/* The most severe problem validation found with the item, for the window
 * to mark it; NULL when none. Set by the catalog. */
const char         *vt_item_get_problem       (VtItem      *self);
void                vt_item_set_problem       (VtItem      *self,
                                               const char  *problem);

/* The line of the catalog file where the piece starts; 0 when unknown
 * (an item not loaded from a file). */
guint               vt_item_get_line          (VtItem      *self);

/* What curators recorded about the piece (set by VtReviewStore), and
 * whether the piece changed since: its hash then differs from
 * vt_item_compute_hash(). */
VtReviewState       vt_item_get_review_state  (VtItem      *self);
gboolean            vt_item_get_review_changed (VtItem     *self);
void                vt_item_set_review        (VtItem      *self,
                                               VtReviewState state,
                                               gboolean     changed);
/* A hex digest of the piece's known fields as they are now. */
char               *vt_item_compute_hash      (VtItem      *self);

G_END_DECLS
