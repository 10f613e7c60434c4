/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text for people: folding for search, and bounds on what is shown. */

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
 * accents aside: g_utf8_collate_key() of the folded text, of its first
 * 1,000 characters (texts that differ only after those compare equal). */
char  *vt_text_collate_key (const char *text);

/*
 * Bounds, in characters, on a catalog's text where it is shown. A
 * catalog may hold a title of any length; the place that shows it must
 * not hand Pango more than it can show, or a long enough text takes all
 * memory and never draws.
 */
/* A line that ends in an ellipsis anyway: a window title, a chip, a
 * facet value. */
#define VT_TEXT_BOUND_LINE     200
/* A tooltip: GTK wraps it at about fifty characters a line. */
#define VT_TEXT_BOUND_TOOLTIP  1000
/* A message: a problem with a piece, an error. */
#define VT_TEXT_BOUND_MESSAGE  2000
/* A catalog's text that a message quotes ("“…” is not a price"), or
 * the title that names its piece in a line of vitrine-cli's. */
#define VT_TEXT_BOUND_QUOTE    60

/* @text when it has at most @max_chars characters; else its first
 * @max_chars - 1 characters (cut between characters, never inside one,
 * with trailing white space dropped) and “…”, newly allocated in
 * *@cut, which must be NULL (hold it in a g_autofree). NULL for NULL. */
const char *vt_text_bound (const char  *text,
                           gsize        max_chars,
                           char       **cut);

G_END_DECLS
