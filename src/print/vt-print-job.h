/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The printed catalogue and wall labels of a view's pieces, drawn with cairo and Pango into any cairo context. */

#pragma once

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "vt-catalog.h"
#include "vt-thumbnailer.h"

G_BEGIN_DECLS

/**
 * VtPrintLayout:
 * @VT_PRINT_CATALOGUE: a title page, one piece a page (its image above
 *   a museum label; long texts go on over the next pages), an index
 * @VT_PRINT_LABELS: wall labels of 95 x 130 mm, several a page,
 *   with crop marks, in type that reads at a metre
 */
typedef enum
{
  VT_PRINT_CATALOGUE,
  VT_PRINT_LABELS,
} VtPrintLayout;

/* "catalogue", "labels": the names vitrine-cli takes. */
const char *vt_print_layout_to_string   (VtPrintLayout  layout);
gboolean    vt_print_layout_from_string (const char    *name,
                                         VtPrintLayout *layout);

/* Images are printed at this resolution, no finer. */
#define VT_PRINT_DPI 300

/* Paper sizes in points (1/72 inch). */
#define VT_PRINT_A4_WIDTH      595.276
#define VT_PRINT_A4_HEIGHT     841.890
#define VT_PRINT_LETTER_WIDTH  612.0
#define VT_PRINT_LETTER_HEIGHT 792.0

#define VT_TYPE_PRINT_JOB (vt_print_job_get_type ())

G_DECLARE_FINAL_TYPE (VtPrintJob, vt_print_job, VT, PRINT_JOB, GObject)

/*
 * @items: a GListModel of VtItem in the order to print them (the
 * window's sort model, the pieces vitrine-cli matched and sorted);
 * @filter: the filter that chose them, in words, for the title page
 * (NULL: the whole collection).
 */
VtPrintJob *vt_print_job_new            (VtPrintLayout   layout,
                                         VtCatalog      *catalog,
                                         GListModel     *items,
                                         const char     *filter);
VtPrintLayout vt_print_job_get_layout   (VtPrintJob     *self);

/* Lays the pages out at @width x @height points, measuring text with
 * @cr's font options; returns how many pages there are. Call again when
 * the paper changes. */
guint       vt_print_job_paginate       (VtPrintJob     *self,
                                         cairo_t        *cr,
                                         double          width,
                                         double          height);
guint       vt_print_job_get_n_pages    (VtPrintJob     *self);

/* The image page @page shows, and the size to load it at (device
 * pixels of the box it fills at VT_PRINT_DPI, and never a size the
 * thumbnailer would write to the disk cache), or NULL. */
GFile      *vt_print_job_get_page_image (VtPrintJob     *self,
                                         guint           page,
                                         int            *size);

/* Draws page @page (from 0) into @cr, whose units are points from the
 * paper's top left corner. @image: the page's image loaded at the size
 * vt_print_job_get_page_image() asks, or NULL (a frame is drawn). */
void        vt_print_job_draw_page      (VtPrintJob     *self,
                                         cairo_t        *cr,
                                         guint           page,
                                         GdkPixbuf      *image);

/* Writes every page to @dest as PDF, replacing it only once the whole
 * document is written. Images come from @thumbnailer, a few pages ahead
 * of the one drawn, so that only those few are in memory at once. Runs
 * the thread-default main context while it waits. Errors name @dest. */
gboolean    vt_print_job_write_pdf      (VtPrintJob     *self,
                                         VtThumbnailer  *thumbnailer,
                                         GFile          *dest,
                                         double          width,
                                         double          height,
                                         GCancellable   *cancellable,
                                         GError        **error);

/* A cairo image surface of @pixbuf's pixels. When @jpeg is given, the
 * JPEG is attached, for a PDF to hold the compressed image instead of
 * the pixels. */
cairo_surface_t *vt_print_surface_for_pixbuf (GdkPixbuf *pixbuf,
                                              GBytes    *jpeg);

G_END_DECLS
