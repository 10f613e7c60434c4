/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Orders VtItems by impact, price, year, number or title; ties by number. */

#pragma once

#include <gtk/gtk.h>

#include "vt-types.h"

G_BEGIN_DECLS

#define VT_TYPE_SORTER (vt_sorter_get_type ())

G_DECLARE_FINAL_TYPE (VtSorter, vt_sorter, VT, SORTER, GtkSorter)

/* Items without a value for the key (no price, no year) come last in
 * either direction. Ties are broken by ascending number, so the order is
 * stable and total. Titles compare by collation key of the folded title. */
VtSorter  *vt_sorter_new            (VtSortKey  key,
                                     gboolean   descending);
VtSortKey  vt_sorter_get_key        (VtSorter  *self);
void       vt_sorter_set_key        (VtSorter  *self,
                                     VtSortKey  key);
gboolean   vt_sorter_get_descending (VtSorter  *self);
void       vt_sorter_set_descending (VtSorter  *self,
                                     gboolean   descending);

G_END_DECLS
