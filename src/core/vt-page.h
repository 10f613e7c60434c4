/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads a published piece page (Title:, About:, paragraphs, Key: Value) into a catalog item. */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define VT_PAGE_ERROR (vt_page_error_quark ())

typedef enum
{
  VT_PAGE_ERROR_READ,
  VT_PAGE_ERROR_ENCODING,
  VT_PAGE_ERROR_SYNTAX,
  VT_PAGE_ERROR_MISSING,
} VtPageError;

typedef struct
{
  guint  total;       /* from "Number: 56/100", 0 when not given */
  char  *currency;    /* from "Price: 0.7 ETH", NULL when not given */
} VtPageInfo;

GQuark      vt_page_error_quark (void);

/*
 * Returns the item as a catalog JSON object (members in the catalog's
 * order, unknown keys kept as extra members, lower-cased). @filename
 * names the page in errors: "genesis-056.txt:14: Impact: “high” is not a
 * number". @info may be NULL; free its members with vt_page_info_clear().
 */
JsonObject *vt_page_parse       (const char   *data,
                                 gssize        length,
                                 const char   *filename,
                                 VtPageInfo   *info,
                                 GError      **error);
JsonObject *vt_page_parse_file  (GFile        *file,
                                 VtPageInfo   *info,
                                 GCancellable *cancellable,
                                 GError      **error);
void        vt_page_info_clear  (VtPageInfo   *info);

G_END_DECLS
