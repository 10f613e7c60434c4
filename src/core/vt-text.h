/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Case- and accent-insensitive text folding for search. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "Kádár" → "kadar", "Straße" → "strasse": decomposed, marks dropped,
 * case-folded. Appends to @out so callers can build one haystack. */
void   vt_text_fold_append (GString    *out,
                            const char *text,
                            gssize      length);
char  *vt_text_fold        (const char *text);

/* A key for strcmp() that orders texts as people read them, case and
 * accents aside: g_utf8_collate_key() of the folded text. */
char  *vt_text_collate_key (const char *text);

G_END_DECLS
