/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a changed JSON tree over the text it was read from, keeping every byte that did not change. */

#pragma once

#include <gio/gio.h>
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

/* The text a splice makes: the original's long unchanged spans are
 * referenced, not copied, between the bytes it wrote. The original must
 * outlive it. */
typedef struct _VtJsonText VtJsonText;

/* A text that is all @string, which it takes. */
VtJsonText          *vt_json_text_new_take       (GString          *string);
gsize                vt_json_text_get_length     (const VtJsonText *text);
/* The text in order, as spans to write one after the other. */
const GOutputVector *vt_json_text_get_vectors    (VtJsonText       *text,
                                                  guint            *n_vectors);
/* The text in one piece; frees @text. */
GString             *vt_json_text_free_to_string (VtJsonText       *text);
void                 vt_json_text_free           (VtJsonText       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtJsonText, vt_json_text_free)

/* vt_json_splice() with @spans (nullable), as a VtJsonText over @original. */
VtJsonText *vt_json_splice_full (const char               *original,
                                 gsize                     length,
                                 JsonNode                 *node,
                                 const char               *member,
                                 guint                     n_elements,
                                 VtJsonSpliceElementFunc   func,
                                 const VtJsonSpliceSpans  *spans,
                                 gpointer                  user_data);

G_END_DECLS
