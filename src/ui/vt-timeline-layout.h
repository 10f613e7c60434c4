/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the timeline puts its axis, cards and clusters: pure geometry, without a display. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Logical pixels of empty wall left of the first decade and right of the last. */
#define VT_TIMELINE_MARGIN 32.0
/* Space between two cards, across and up. */
#define VT_TIMELINE_GAP 12.0
/* The smallest and largest side of a card's picture; on a tall wall
 * cards grow up to 40% of its height, and twice the largest. */
#define VT_TIMELINE_MIN_CARD 56.0
#define VT_TIMELINE_MAX_CARD 168.0
/* Cards this wide or wider have their title beneath. */
#define VT_TIMELINE_TITLE_MIN_CARD 96.0
/* The closest zoom shows about this many years across the view. */
#define VT_TIMELINE_FEWEST_YEARS 4.0

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} VtTimelineRect;

/*
 * A slot is a column of the wall: one year, or at wide zoom a few years
 * together (2, 5, 10, 20 or 50, starting at a multiple of that), whose
 * pieces stack up from the axis, in as many columns of cards as its span
 * holds. When they do not all fit in the height, the slot is a cluster:
 * one card that stands for all of them, showing the piece of highest
 * impact and how many there are.
 */
typedef struct
{
  int      first_year;
  guint    first;     /* position in the model of its first piece */
  guint    n_pieces;
  guint    top;       /* position of its piece of highest impact (the first of equals) */
  double   x;         /* left of its span */
  gboolean cluster;
} VtTimelineSlot;

typedef struct _VtTimelineLayout VtTimelineLayout;

/*
 * Lays out @n_pieces pieces whose @years ascend (none 0) and whose
 * @impacts say which stands for a cluster, at @px_per_year logical pixels
 * a year, with @height logical pixels above the axis for the stacks and
 * @title_height under each card for its title when cards are wide enough.
 */
VtTimelineLayout     *vt_timeline_layout_new          (const int        *years,
                                                       const int        *impacts,
                                                       guint             n_pieces,
                                                       double            px_per_year,
                                                       double            height,
                                                       double            title_height);
void                  vt_timeline_layout_free         (VtTimelineLayout *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtTimelineLayout, vt_timeline_layout_free)

/* The axis: from the decade of the first piece to the end of the decade
 * of the last (@end is the year after it); 0 and 0 without pieces. */
void                  vt_timeline_layout_get_span     (const VtTimelineLayout *layout,
                                                       int                    *start,
                                                       int                    *end);
/* The span's years at @width logical pixels, margins included: the widest zoom. */
double                vt_timeline_layout_fit          (const int        *years,
                                                       guint             n_pieces,
                                                       double            width);

double                vt_timeline_layout_get_px_per_year (const VtTimelineLayout *layout);
/* Everything's width, margins included. */
double                vt_timeline_layout_get_width    (const VtTimelineLayout *layout);
double                vt_timeline_layout_year_to_x    (const VtTimelineLayout *layout,
                                                       double                  year);
double                vt_timeline_layout_x_to_year    (const VtTimelineLayout *layout,
                                                       double                  x);

/* The side of a card's picture, and its whole height (with its title). */
double                vt_timeline_layout_get_card_size   (const VtTimelineLayout *layout);
double                vt_timeline_layout_get_card_height (const VtTimelineLayout *layout);
gboolean              vt_timeline_layout_get_titles   (const VtTimelineLayout *layout);
/* The height of the tallest stack (a cluster is one card high). */
double                vt_timeline_layout_get_used_height (const VtTimelineLayout *layout);
int                   vt_timeline_layout_get_years_per_slot (const VtTimelineLayout *layout);

guint                 vt_timeline_layout_get_n_slots  (const VtTimelineLayout *layout);
const VtTimelineSlot *vt_timeline_layout_get_slot     (const VtTimelineLayout *layout,
                                                       guint                   index);
/* The index of the slot that holds the piece at @position. */
guint                 vt_timeline_layout_find_slot    (const VtTimelineLayout *layout,
                                                       guint                   position);
/* The slots that reach into [@x0, @x1): from *first to before *end. */
void                  vt_timeline_layout_slots_in     (const VtTimelineLayout *layout,
                                                       double                  x0,
                                                       double                  x1,
                                                       guint                  *first,
                                                       guint                  *end);
/* The card of the piece at @position (its cluster's, in a cluster), its
 * title included, with y from the top of the stacks' @height. */
VtTimelineRect        vt_timeline_layout_get_card     (const VtTimelineLayout *layout,
                                                       guint                   position);
/* The piece whose card (or cluster) is at @x, @y, or G_MAXUINT. */
guint                 vt_timeline_layout_pick         (const VtTimelineLayout *layout,
                                                       double                  x,
                                                       double                  y);

G_END_DECLS
