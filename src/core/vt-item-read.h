/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a piece's members from its JSON object, for VtItem. */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A member missing or null reads as missing. One of the wrong type
 * reads as missing too, and is reported in @pending as two strings,
 * the field ("text[2]") and a message for people. */
const char  *vt_item_read_string        (JsonObject  *object,
                                         const char  *member,
                                         GPtrArray   *pending);
/* Whole numbers only: 7 and 7.0 are fine, 7.5 and "7" are not. */
gboolean     vt_item_read_integer       (JsonObject  *object,
                                         const char  *member,
                                         gint64       min,
                                         gint64       max,
                                         gint64      *value,
                                         GPtrArray   *pending);
/* The non-empty strings of a list, borrowed from @object, in a new
 * NULL-terminated array; NULL when there are none. */
const char **vt_item_read_string_list   (JsonObject  *object,
                                         const char  *member,
                                         guint       *n_values,
                                         GPtrArray   *pending);

/* Whether the member is written so that its typed value gives it back
 * exactly: a whole number written as one; a list of which all @n_read
 * strings were read. */
gboolean     vt_item_read_is_integer    (JsonObject  *object,
                                         const char  *member);
gboolean     vt_item_read_is_whole_list (JsonObject  *object,
                                         const char  *member,
                                         guint        n_read);

G_END_DECLS
