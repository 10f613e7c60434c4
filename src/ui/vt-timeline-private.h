/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's insides, shared by vt-timeline.c and its drawing, vt-timeline-draw.c. */

#pragma once

#include "vt-timeline.h"

#include "vt-item.h"

G_BEGIN_DECLS

/* Logical pixels: the band of decade names above the stacks, and the
 * axis, its year labels and the undated line below them. */
#define TOP_HEIGHT 64.0
#define BOTTOM_HEIGHT 96.0

/* A piece's thumbnail, requested or kept, and its title as drawn. */
typedef struct
{
  VtItem       *item;
  GdkTexture   *texture;
  GCancellable *cancellable;
  int           size;
  guint64       used;
  gboolean      failed;
  PangoLayout  *title;
} Thumb;

struct _VtTimeline
{
  GtkWidget         parent_instance;

  VtThumbnailer    *thumbnailer;
  GListModel       *model;
  GArray           *years;
  GArray           *impacts;
  VtTimelineLayout *layout;
  /* How far the stacks and the axis are raised from the bottom, so that
   * the wall's content sits in the middle of its height. */
  double            lift;
  double            zoom;
  guint             position;
  VtItem           *focused;   /* the piece at position, found again when the model changes */
  gboolean          scroll_pending;
  guint             n_undated;
  GStrv             decades;
  gboolean          curating;
  /* How many pieces before each position have a problem (one more
   * entry than pieces), counted when first needed after the pieces or
   * their problems changed (vt-timeline-names.c). */
  GArray           *problems_before;
  gboolean          problems_counted;

  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;
  guint             hscroll_policy : 1;
  guint             vscroll_policy : 1;

  GHashTable       *thumbs;    /* VtItem → Thumb */
  gsize             texture_bytes;
  guint64           stamp;
  guint             update_source;

  double            pointer_x;
  double            pointer_y;
  double            drag_start_value;
  double            pinch_start_ppy;

  /* Labels shaped for drawing (vt-timeline-draw.c), and the serial of
   * the Pango context they were shaped in. */
  GHashTable       *texts;
  guint             texts_serial;

  GtkWidget        *zoom_box;
  GtkAdjustment    *zoom_adjustment;
};

/* The top of the layout's stacks in the widget. */
static inline double
_vt_timeline_stacks_top (VtTimeline *self)
{
  return TOP_HEIGHT - self->lift;
}

static inline double
_vt_timeline_scroll_value (VtTimeline *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

/* vt-timeline-thumbnails.c */
void _vt_timeline_thumb_free (Thumb *thumb);
/* Soon, asks for the thumbnails of the cards in view and near it, and
 * cancels those of the cards that left. */
void _vt_timeline_queue_update_thumbnails (VtTimeline *self);

/* vt-timeline-draw.c: the widget's snapshot vfunc. */
void _vt_timeline_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot);
/* What it draws itself, its zoom control left out: drawn from the
 * timeline's state as it is now, any time after its first allocation. */
void _vt_timeline_snapshot_wall (VtTimeline  *self,
                                 GtkSnapshot *snapshot);

/* vt-timeline-names.c: the timeline's accessible name (the focused
 * card's) and description, made again. */
void _vt_timeline_update_accessible (VtTimeline *self);
/* Whether @item's card shows a problem: curating, when it has one. */
gboolean _vt_timeline_shows_problem (VtTimeline *self,
                                     VtItem     *item);
/* Curating, how many of the @n pieces from @first have a problem (a
 * pile shows the mark when one has, whichever is on top); browsing, 0. */
guint    _vt_timeline_count_problems (VtTimeline *self,
                                      guint       first,
                                      guint       n);
/* The pieces or their order changed: their problems are counted again. */
void     _vt_timeline_forget_problems (VtTimeline *self);

/* vt-timeline-draw.c: whether @item's card shows the sign of a missing picture: it names
 * no image that can be opened, or its thumbnail failed. */
gboolean _vt_timeline_shows_missing (VtTimeline *self,
                                     VtItem     *item);

G_END_DECLS
