/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline: the pieces as cards along a time axis, like a museum's wall, zoomable and scrollable. */

#pragma once

#include <gtk/gtk.h>

#include "vt-thumbnailer.h"
#include "vt-timeline-layout.h"

G_BEGIN_DECLS

#define VT_TYPE_TIMELINE (vt_timeline_get_type ())

G_DECLARE_FINAL_TYPE (VtTimeline, vt_timeline, VT, TIMELINE, GtkWidget)

/*
 * A GtkScrollable (horizontally) for a GtkScrolledWindow. Its model is a
 * GListModel of VtItem in time order, every one with a year. Properties:
 * "model", "position" (the piece focused, GTK_INVALID_LIST_POSITION for
 * none), "zoom" (0 the whole span in view, 1 the closest). Signal
 * "activate" (guint position): Enter, or a double click, on a card.
 */
GtkWidget              *vt_timeline_new              (VtThumbnailer *thumbnailer);

GListModel             *vt_timeline_get_model        (VtTimeline    *self);
void                    vt_timeline_set_model        (VtTimeline    *self,
                                                      GListModel    *model);

guint                   vt_timeline_get_position     (VtTimeline    *self);
/* Focuses the piece at @position and scrolls as little as needed to show it. */
void                    vt_timeline_set_position     (VtTimeline    *self,
                                                      guint          position);

double                  vt_timeline_get_zoom         (VtTimeline    *self);
void                    vt_timeline_set_zoom         (VtTimeline    *self,
                                                      double         zoom);
/* One step closer (@direction > 0) or wider, keeping the focused piece
 * (else the middle of the view) where it is on the screen. */
void                    vt_timeline_zoom_step        (VtTimeline    *self,
                                                      int            direction);

/* How many of the pieces shown elsewhere have no year, for the line
 * under the axis. */
guint                   vt_timeline_get_n_undated    (VtTimeline    *self);
void                    vt_timeline_set_n_undated    (VtTimeline    *self,
                                                      guint          n_undated);
/* The decades ("1910s") whose bands are highlighted: those selected in the sidebar. */
void                    vt_timeline_set_highlighted_decades (VtTimeline         *self,
                                                      const char * const *decades);

/* Curating, a card whose piece has a problem shows the grid's mark of
 * it, and its name says the problem. */
void                    vt_timeline_set_curating     (VtTimeline    *self,
                                                      gboolean       curating);
/* Pieces' problems were found again: their marks and the focused
 * card's name follow. */
void                    vt_timeline_problems_changed (VtTimeline    *self);

/* What a screen reader calls the card of the piece at @position. */
char                   *vt_timeline_dup_card_name    (VtTimeline    *self,
                                                      guint          position);
/* What it says of the axis: "1900 to 1999, 32 pieces". */
char                   *vt_timeline_dup_description  (VtTimeline    *self);

/* For tests and benchmarks: the layout of the last allocation, or NULL
 * before one. */
const VtTimelineLayout *vt_timeline_get_layout       (VtTimeline    *self);
/* Thumbnail requests under way, and textures kept. */
guint                   vt_timeline_get_n_requests   (VtTimeline    *self);
guint                   vt_timeline_get_n_textures   (VtTimeline    *self);

G_END_DECLS
