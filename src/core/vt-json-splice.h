/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a changed JSON tree over the text it was read from, keeping every byte that did not change. */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Gives element @index of the list of vt_json_splice()'s @member, as a
 * new reference. */
typedef JsonNode *(*VtJsonSpliceElementFunc) (guint    index,
                                              gpointer user_data);

/* The text of @node, written over @original: every value equal to the
 * original's (numbers by value, so 1e3 stays 1e3) is copied as written,
 * with the whitespace, separators and key spelling around it; what
 * changed is written in the formatting of its surroundings (newlines,
 * indentation). The result reads back as exactly @node. NULL when
 * @original is not one JSON value this reads (the caller then writes
 * @node afresh).
 *
 * When @member is given, the list of the root object's @member (which
 * @node holds, with any value, in its place) has @n_elements that
 * @func gives one at a time, each dropped once written: a catalog's
 * pieces never make one tree. */
GString *vt_json_splice (const char              *original,
                         gsize                    length,
                         JsonNode                *node,
                         const char              *member,
                         guint                    n_elements,
                         VtJsonSpliceElementFunc  func,
                         gpointer                 user_data);

/* What the caller knows of the elements of @member, and learns: both
 * optional, both called with vt_json_splice_full()'s @user_data.
 *
 * @original: whether element @index is exactly the text at @offset,
 * @length bytes, of @original (a piece read from it and not changed
 * since); such an element is copied when it is found there, without
 * being built or compared.
 *
 * @written: where element @index was written in the result. */
typedef struct
{
  gboolean (*original) (guint    index,
                        gsize   *offset,
                        gsize   *length,
                        gpointer user_data);
  void     (*written)  (guint    index,
                        gsize    offset,
                        gsize    length,
                        gpointer user_data);
} VtJsonSpliceSpans;

/* vt_json_splice() with @spans (nullable). */
GString *vt_json_splice_full (const char               *original,
                              gsize                     length,
                              JsonNode                 *node,
                              const char               *member,
                              guint                     n_elements,
                              VtJsonSpliceElementFunc   func,
                              const VtJsonSpliceSpans  *spans,
                              gpointer                  user_data);

G_END_DECLS
