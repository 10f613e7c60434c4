/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports of a view's pieces: a spreadsheet, a catalog of just those pieces, curators' review reports. */

#pragma once

#include <gio/gio.h>

#include "vt-catalog.h"
#include "vt-query.h"
#include "vt-review-store.h"

G_BEGIN_DECLS

/**
 * VtExportFormat:
 * @VT_EXPORT_CSV: every field, one piece a line (RFC 4180, UTF-8)
 * @VT_EXPORT_CATALOG: a Vitrine catalog of the pieces
 * @VT_EXPORT_REVIEW_CSV: number, title, review state, note, who, when, problems
 * @VT_EXPORT_REVIEW_JSON: the same as JSON
 */
typedef enum
{
  VT_EXPORT_CSV,
  VT_EXPORT_CATALOG,
  VT_EXPORT_REVIEW_CSV,
  VT_EXPORT_REVIEW_JSON,
} VtExportFormat;

#define VT_N_EXPORT_FORMATS (VT_EXPORT_REVIEW_JSON + 1)

/* "csv", "json", "report-csv", "report-json": the names vitrine-cli takes. */
const char *vt_export_format_to_string   (VtExportFormat  format);
gboolean    vt_export_format_from_string (const char     *name,
                                          VtExportFormat *format);
/* The file name extension without its dot: "csv" or "json". */
const char *vt_export_format_get_extension (VtExportFormat format);
/* Whether @format needs the catalog's reviews. */
gboolean    vt_export_format_is_review   (VtExportFormat  format);

/*
 * @items: a GListModel of VtItem, in the order they are to be written:
 * the window's sort model, or the pieces vitrine-cli matched and sorted.
 * @reviews: for the review reports (else unused, may be NULL).
 * @dest: where the data will be saved: a catalog's images are written
 * relative to its folder; NULL keeps them as the catalog writes them.
 */
GString    *vt_export_to_data            (VtExportFormat  format,
                                          VtCatalog      *catalog,
                                          GListModel     *items,
                                          VtReviewStore  *reviews,
                                          GFile          *dest);
/* Writes vt_export_to_data() to @dest atomically (vt_file_write_atomic());
 * errors name the file. */
gboolean    vt_export_save               (VtExportFormat  format,
                                          VtCatalog      *catalog,
                                          GListModel     *items,
                                          VtReviewStore  *reviews,
                                          GFile          *dest,
                                          GError        **error);

/* RFC 4180: a field quoted when it holds a comma, a quote or a line
 * end, its quotes doubled; NULL is empty. */
void        vt_csv_append_field          (GString        *line,
                                          const char     *text);

/* The path of @file relative to the folder @dir ("../images/056.jpg"). */
char       *vt_export_relative_path      (GFile          *dir,
                                          GFile          *file);

/* The filter in words for people ("“budapest” · Region: Europe ·
 * Impact 7–10"), or NULL when @query keeps every piece. */
char       *vt_export_describe_query     (VtQuery        *query);

G_END_DECLS
