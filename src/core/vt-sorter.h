/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Orders VtItems by impact, price, year, number or title; ties by number. */

#pragma once

#include <glib-object.h>

#include "vt-change.h"
#include "vt-item.h"
#include "vt-types.h"

G_BEGIN_DECLS

#define VT_TYPE_SORTER (vt_sorter_get_type ())

G_DECLARE_FINAL_TYPE (VtSorter, vt_sorter, VT, SORTER, GObject)

/* Items without a value for the key (no price, no year) come last in
 * either direction. Ties are broken by ascending number, so the order is
 * stable and total. Titles compare by collation key of the folded title.
 * Each change of key or direction emits ::changed (%VT_CHANGE_DIFFERENT:
 * not a plain inversion, since ties and missing values keep their places). */
VtSorter  *vt_sorter_new            (VtSortKey  key,
                                     gboolean   descending);
VtSortKey  vt_sorter_get_key        (VtSorter  *self);
void       vt_sorter_set_key        (VtSorter  *self,
                                     VtSortKey  key);
gboolean   vt_sorter_get_descending (VtSorter  *self);
void       vt_sorter_set_descending (VtSorter  *self,
                                     gboolean   descending);

/* The collection's currency (nullable): prices in another one sort
 * after the others, grouped by currency. */
const char *vt_sorter_get_currency  (VtSorter  *self);
void       vt_sorter_set_currency   (VtSorter  *self,
                                     const char *currency);

/* Negative when @a comes before @b, positive when after; 0 only when
 * they tie on the key and have the same number (or none). */
int        vt_sorter_compare        (VtSorter  *self,
                                     VtItem    *a,
                                     VtItem    *b);

G_END_DECLS
