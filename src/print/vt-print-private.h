/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the print job (vt-print-job.c) and its layouts (vt-print-catalogue.c, vt-print-labels.c) share. */

#pragma once

#include <pango/pangocairo.h>

#include "vt-print-job.h"

G_BEGIN_DECLS

#define VT_MM (72.0 / 25.4)

typedef enum
{
  VT_PAGE_TITLE,
  VT_PAGE_PIECE,
  VT_PAGE_INDEX,
  VT_PAGE_LABELS,
} VtPageKind;

typedef struct
{
  VtPageKind kind;
  /* PIECE: the item's place in the job's items; INDEX: the first line;
   * LABELS: the first item on the sheet. */
  guint      first;
  /* PIECE: which of the piece's pages, from 0. */
  guint      part;
} VtPage;

struct _VtPrintJob
{
  GObject        parent_instance;

  VtPrintLayout  layout;
  VtCatalog     *catalog;
  GPtrArray     *items;          /* VtItem, as they were when the job was made */
  char          *filter;
  GDateTime     *date;

  double         width;
  double         height;
  GArray        *pages;          /* VtPage */
  GArray        *piece_pages;    /* guint per item: its first page, from 0 */
  GArray        *index_order;    /* guint: items by number */
  GArray        *image_boxes;    /* double per item: its image's square, in points */
  guint          index_lines;    /* per index page */
  guint          label_columns;
  guint          label_rows;
};

/* A Pango context for print: 72 units an inch (points), metrics
 * unhinted so that a layout measures the same on paper and in a PDF. */
PangoContext *vt_print_context_new         (cairo_t     *cr);
PangoLayout  *vt_print_layout_new          (PangoContext *context,
                                            const char  *font,
                                            const char  *text,
                                            double       width);
double        vt_print_layout_height       (PangoLayout *layout);
/* "56/100" (the number of the collection's total), "56", or NULL. */
char         *vt_print_dup_number          (VtPrintJob  *self,
                                            VtItem      *item);

/* vt-print-catalogue.c */
void          vt_print_catalogue_paginate  (VtPrintJob  *self,
                                            PangoContext *context);
GFile        *vt_print_catalogue_get_image (VtPrintJob  *self,
                                            const VtPage *page,
                                            int         *size);
void          vt_print_catalogue_draw      (VtPrintJob  *self,
                                            cairo_t     *cr,
                                            PangoContext *context,
                                            const VtPage *page,
                                            guint        page_number,
                                            GdkPixbuf   *image);

/* vt-print-labels.c */
void          vt_print_labels_paginate     (VtPrintJob  *self);
void          vt_print_labels_draw         (VtPrintJob  *self,
                                            cairo_t     *cr,
                                            PangoContext *context,
                                            const VtPage *page);

G_END_DECLS
