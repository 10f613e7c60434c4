/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every problem validation found in a catalog, grouped by piece, most severe first. */

#pragma once

#include <gtk/gtk.h>

#include "vt-catalog.h"

G_BEGIN_DECLS

#define VT_TYPE_PROBLEMS_PANEL (vt_problems_panel_get_type ())

G_DECLARE_FINAL_TYPE (VtProblemsPanel, vt_problems_panel, VT, PROBLEMS_PANEL, GtkWidget)

/* Follows @catalog's problems (vt_catalog_get_problems()) as it loads
 * and validates again. ::activate (guint number) tells which piece a
 * line was activated for; 0 for a problem of the whole catalog. */
GtkWidget  *vt_problems_panel_new         (VtCatalog       *catalog);
/* The lines, in the order shown: a GListModel of VtProblem. */
GListModel *vt_problems_panel_get_model   (VtProblemsPanel *self);
GtkListView *vt_problems_panel_get_list_view (VtProblemsPanel *self);

G_END_DECLS
