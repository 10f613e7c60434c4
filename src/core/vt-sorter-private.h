/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A VtSorter's comparison over values taken from the items once, for sorts off the main thread. */

#pragma once

#include "vt-sorter.h"

G_BEGIN_DECLS

/*
 * What an order looks at of one item, taken once: a sort then compares
 * plain values, and a worker thread can sort without touching the items
 * again. vt_sorter_compare() compares through the same two functions, so
 * both ways give one order.
 */
typedef struct
{
  guint       number;
  gboolean    has_value;
  int         integer;     /* impact or year */
  VtPrice     price;
  const char *title_key;   /* belongs to the caller */
} VtSortFields;

/* The collation key a title sort compares (vt_text_collate_key() of the
 * title), or NULL for an item without a title. */
char *vt_sort_make_title_key (VtItem             *item);

/* @title_key: from vt_sort_make_title_key(), for %VT_SORT_TITLE only. */
void  vt_sort_fields_init    (VtSortFields       *fields,
                              VtSortKey           key,
                              VtItem             *item,
                              const char         *title_key);
/* As vt_sorter_compare() with a sorter of @key, @descending and
 * @currency (interned, nullable). */
int   vt_sort_fields_compare (VtSortKey           key,
                              gboolean            descending,
                              const char         *currency,
                              const VtSortFields *a,
                              const VtSortFields *b);

G_END_DECLS
