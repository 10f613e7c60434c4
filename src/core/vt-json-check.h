/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A strict, fast scan of a catalog file before json-glib sees it. */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  VT_JSON_SCOPE_ROOT,
  VT_JSON_SCOPE_COLLECTION,
  VT_JSON_SCOPE_ITEM,
} VtJsonScope;

/* A key that appears twice in the same object: json-glib keeps the last. */
typedef struct
{
  VtJsonScope  scope;
  guint        item_index;   /* index in "items", for VT_JSON_SCOPE_ITEM */
  char        *key;
  guint        line;         /* of the second occurrence */
  guint        column;
} VtJsonDuplicate;

typedef struct
{
  GPtrArray   *duplicates;   /* VtJsonDuplicate */
  guint        n_items;      /* objects in the root's "items" array */
  /* Where each element of "items" that is an object starts (the offset
   * of its "{" in the data), by index; 0 for the other elements. */
  GArray      *item_starts;  /* of gsize */
  guint        n_objects;    /* objects at any level, the root included */
  gsize        start;        /* where the JSON starts (after a byte order mark) */
} VtJsonCheck;

/* Refuses, with VT_CATALOG_ERROR and "NAME:LINE:COLUMN: ..." messages,
 * what json-glib would crash on or accept too leniently: NUL bytes,
 * invalid UTF-8, control characters in strings, nesting deeper than
 * @max_depth, single quotes, a top level that is not one object,
 * trailing data and truncated input; and what json-glib would change
 * without a word: malformed escapes, lone surrogates, "\u0000", whole
 * numbers outside 64 bits and numbers outside a double's range. */
gboolean vt_json_check        (const char   *data,
                               gsize         length,
                               const char   *name,
                               guint         max_depth,
                               VtJsonCheck  *check,
                               GError      **error);
void     vt_json_check_clear  (VtJsonCheck  *check);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VtJsonCheck, vt_json_check_clear)

/* Line and column (both from 1, the column in characters) of @offset. */
void     vt_json_position     (const char   *data,
                               gsize         offset,
                               guint        *line,
                               guint        *column);

/* Mends what json-glib 1.6's generator writes that is not JSON (see
 * the .c file), so that a saved catalog loads again. */
void     vt_json_fix_generated (GString     *json);

/* @node as JSON indented by two spaces, the way catalogs are written,
 * mended with vt_json_fix_generated (). */
GString *vt_json_write         (JsonNode    *node);

/* A copy of @object that shares nothing with it, members in their order
 * at every level (json_node_copy() shares a node's object or array). */
JsonObject *vt_json_object_dup (JsonObject  *object);

G_END_DECLS
