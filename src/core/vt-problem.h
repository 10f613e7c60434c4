/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A problem validation found in a catalog: which item, which field, what is wrong. */

#pragma once

#include <glib-object.h>

#include "vt-types.h"

G_BEGIN_DECLS

#define VT_TYPE_PROBLEM (vt_problem_get_type ())

G_DECLARE_FINAL_TYPE (VtProblem, vt_problem, VT, PROBLEM, GObject)

/* @number is 0 and @title NULL for a problem of the whole catalog;
 * a long @title is cut (vt_text_bound ()); @field is the JSON member
 * name ("impact"), or NULL. */
VtProblem  *vt_problem_new          (VtSeverity  severity,
                                     guint       number,
                                     const char *title,
                                     const char *field,
                                     const char *message);
/* A problem of one piece: @index is its place in the catalog's "items"
 * (from 0; -1 when unknown), which names it when it has neither number
 * nor title. */
VtProblem  *vt_problem_new_for_item (VtSeverity  severity,
                                     int         index,
                                     guint       number,
                                     const char *title,
                                     const char *field,
                                     const char *message);
VtSeverity  vt_problem_get_severity (VtProblem  *self);
guint       vt_problem_get_number   (VtProblem  *self);
int         vt_problem_get_index    (VtProblem  *self);   /* -1: unknown, or not a piece's */
const char *vt_problem_get_title    (VtProblem  *self);
const char *vt_problem_get_field    (VtProblem  *self);
const char *vt_problem_get_message  (VtProblem  *self);

/* "item 56 (1956 - Hungarian Revolution): impact: 12 is outside 1-10";
 * of a piece with neither number nor title, "items[6]: title: missing". */
char       *vt_problem_to_string    (VtProblem  *self);

G_END_DECLS
