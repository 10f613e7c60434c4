/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A line of text in a tile: a fixed number of lines, ellipsized, sized without laying out the text. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VT_TYPE_TILE_TEXT (vt_tile_text_get_type ())

G_DECLARE_FINAL_TYPE (VtTileText, vt_tile_text, VT, TILE_TEXT, GtkWidget)

GtkWidget  *vt_tile_text_new            (void);

/* The text as drawn: a long one is cut first (vt_text_bound ()). */
const char *vt_tile_text_get_text       (VtTileText *self);
void        vt_tile_text_set_text       (VtTileText *self,
                                         const char *text);
int         vt_tile_text_get_lines      (VtTileText *self);
void        vt_tile_text_set_lines      (VtTileText *self,
                                         int         lines);

/* Whether the text, at the width it was last given, did not fit in its
 * lines and ends with an ellipsis. For tests. */
gboolean    vt_tile_text_is_ellipsized  (VtTileText *self);

G_END_DECLS
