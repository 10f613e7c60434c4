/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the timeline puts its axis, cards and clusters: pure geometry, without a display. */

#define G_LOG_DOMAIN "vitrine-timeline"

#include "config.h"

#include "vt-timeline-layout.h"

#include <math.h>

/*
 * The zoom is a number of logical pixels a year. A card is as wide as its
 * slot, within VT_TIMELINE_MIN_CARD and VT_TIMELINE_MAX_CARD; when a year
 * is narrower than the smallest card, years are taken together in slots
 * of 2, 5, 10... years, so that cards never overlap and a decade's slots
 * start on the decade. Everything is computed once per zoom, height and
 * set of pieces; scrolling only looks the slots up.
 */

struct _VtTimelineLayout
{
  int     start;
  int     end;
  double  px_per_year;
  double  card;
  double  card_height;
  gboolean titles;
  int     years_per_slot;
  guint   rows;
  guint   columns;
  double  height;
  double  used_height;
  GArray *slots;   /* VtTimelineSlot, by x */
};

static void
get_span (const int *years,
          guint      n_pieces,
          int       *start,
          int       *end)
{
  if (n_pieces == 0)
    {
      *start = *end = 0;
      return;
    }

  /* Decades as historians count them: the 1910s are 1910 to 1919. */
  *start = (int) floor (years[0] / 10.0) * 10;
  *end = (int) floor (years[n_pieces - 1] / 10.0) * 10 + 10;
}

double
vt_timeline_layout_fit (const int *years,
                        guint      n_pieces,
                        double     width)
{
  int start, end;

  get_span (years, n_pieces, &start, &end);
  if (end <= start)
    return VT_TIMELINE_MAX_CARD + VT_TIMELINE_GAP;

  return MAX (0.5, (width - 2 * VT_TIMELINE_MARGIN) / (end - start));
}

/* The fewest years a slot must span for a card to fit: 1, 2, 5, 10, 20, 50... */
static int
years_per_slot_for (double px_per_year)
{
  double needed = (VT_TIMELINE_MIN_CARD + VT_TIMELINE_GAP) / px_per_year;
  int years = 1;

  while (years < needed)
    {
      int next = years * 2;

      if (next < needed)
        next = years * 5;
      if (next < needed)
        next = years * 10;
      years = next;
    }

  return years;
}

VtTimelineLayout *
vt_timeline_layout_new (const int *years,
                        const int *impacts,
                        guint      n_pieces,
                        double     px_per_year,
                        double     height,
                        double     title_height)
{
  VtTimelineLayout *layout = g_new0 (VtTimelineLayout, 1);
  double span;
  guint capacity;

  g_return_val_if_fail (n_pieces == 0 || (years != NULL && impacts != NULL), layout);
  g_return_val_if_fail (px_per_year > 0, layout);

  get_span (years, n_pieces, &layout->start, &layout->end);
  layout->px_per_year = px_per_year;
  layout->height = height;
  layout->years_per_slot = years_per_slot_for (px_per_year);
  span = layout->years_per_slot * px_per_year;
  /* As wide as its slot, or a year. */
  layout->card = CLAMP (span - VT_TIMELINE_GAP, VT_TIMELINE_MIN_CARD,
                        CLAMP (height * 0.4, VT_TIMELINE_MAX_CARD, 2 * VT_TIMELINE_MAX_CARD));
  layout->titles = layout->card >= VT_TIMELINE_TITLE_MIN_CARD;
  layout->card_height = layout->card + (layout->titles ? title_height : 0);
  layout->columns = MAX (1, (guint) floor ((span + 0.001) / (layout->card + VT_TIMELINE_GAP)));
  layout->rows = MAX (1, (guint) floor ((height + VT_TIMELINE_GAP) / (layout->card_height + VT_TIMELINE_GAP)));
  capacity = layout->columns * layout->rows;
  layout->slots = g_array_new (FALSE, FALSE, sizeof (VtTimelineSlot));

  for (guint i = 0; i < n_pieces;)
    {
      VtTimelineSlot slot = { 0, };
      int slot_end;

      g_return_val_if_fail (years[i] != 0 && (i == 0 || years[i] >= years[i - 1]), layout);

      slot.first_year = (int) floor ((double) (years[i] - layout->start) / layout->years_per_slot)
                        * layout->years_per_slot + layout->start;
      slot_end = slot.first_year + layout->years_per_slot;
      slot.first = i;
      slot.top = i;
      slot.x = vt_timeline_layout_year_to_x (layout, slot.first_year);
      for (; i < n_pieces && years[i] < slot_end; i++)
        if (impacts[i] > impacts[slot.top])
          slot.top = i;
      slot.n_pieces = i - slot.first;
      slot.cluster = slot.n_pieces > capacity;
      g_array_append_val (layout->slots, slot);

      {
        guint rows = slot.cluster ? 1 : MIN (slot.n_pieces, layout->rows);

        layout->used_height = MAX (layout->used_height,
                                   rows * layout->card_height + (rows - 1) * VT_TIMELINE_GAP);
      }
    }

  return layout;
}

void
vt_timeline_layout_free (VtTimelineLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_pointer (&layout->slots, g_array_unref);
  g_free (layout);
}

void
vt_timeline_layout_get_span (const VtTimelineLayout *layout,
                             int                    *start,
                             int                    *end)
{
  *start = layout->start;
  *end = layout->end;
}

double
vt_timeline_layout_get_px_per_year (const VtTimelineLayout *layout)
{
  return layout->px_per_year;
}

double
vt_timeline_layout_get_width (const VtTimelineLayout *layout)
{
  return 2 * VT_TIMELINE_MARGIN + (layout->end - layout->start) * layout->px_per_year;
}

double
vt_timeline_layout_year_to_x (const VtTimelineLayout *layout,
                              double                  year)
{
  return VT_TIMELINE_MARGIN + (year - layout->start) * layout->px_per_year;
}

double
vt_timeline_layout_x_to_year (const VtTimelineLayout *layout,
                              double                  x)
{
  return layout->start + (x - VT_TIMELINE_MARGIN) / layout->px_per_year;
}

double
vt_timeline_layout_get_card_size (const VtTimelineLayout *layout)
{
  return layout->card;
}

double
vt_timeline_layout_get_card_height (const VtTimelineLayout *layout)
{
  return layout->card_height;
}

gboolean
vt_timeline_layout_get_titles (const VtTimelineLayout *layout)
{
  return layout->titles;
}

double
vt_timeline_layout_get_used_height (const VtTimelineLayout *layout)
{
  return layout->used_height;
}

int
vt_timeline_layout_get_years_per_slot (const VtTimelineLayout *layout)
{
  return layout->years_per_slot;
}

guint
vt_timeline_layout_get_n_slots (const VtTimelineLayout *layout)
{
  return layout->slots->len;
}

const VtTimelineSlot *
vt_timeline_layout_get_slot (const VtTimelineLayout *layout,
                             guint                   index)
{
  g_return_val_if_fail (index < layout->slots->len, NULL);

  return &g_array_index (layout->slots, VtTimelineSlot, index);
}

guint
vt_timeline_layout_find_slot (const VtTimelineLayout *layout,
                              guint                   position)
{
  guint lo = 0, hi = layout->slots->len;

  /* The last slot whose first piece is at or before @position. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (layout->slots, VtTimelineSlot, mid).first <= position)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

void
vt_timeline_layout_slots_in (const VtTimelineLayout *layout,
                             double                  x0,
                             double                  x1,
                             guint                  *first,
                             guint                  *end)
{
  double span = layout->years_per_slot * layout->px_per_year;
  guint lo = 0, hi = layout->slots->len;

  /* The first slot whose span ends after @x0. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (layout->slots, VtTimelineSlot, mid).x + span <= x0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;

  for (hi = lo; hi < layout->slots->len; hi++)
    if (g_array_index (layout->slots, VtTimelineSlot, hi).x >= x1)
      break;
  *end = hi;
}

static VtTimelineRect
card_in_slot (const VtTimelineLayout *layout,
              const VtTimelineSlot   *slot,
              guint                   index)
{
  double span = layout->years_per_slot * layout->px_per_year;
  guint columns = slot->cluster ? 1 : MIN (layout->columns, (slot->n_pieces + layout->rows - 1) / layout->rows);
  double left = slot->x + (span - (columns * layout->card + (columns - 1) * VT_TIMELINE_GAP)) / 2;
  guint column = slot->cluster ? 0 : index / layout->rows;
  guint row = slot->cluster ? 0 : index % layout->rows;
  VtTimelineRect rect;

  rect.x = left + column * (layout->card + VT_TIMELINE_GAP);
  rect.y = layout->height - (row + 1) * layout->card_height - row * VT_TIMELINE_GAP;
  rect.width = layout->card;
  rect.height = layout->card_height;

  return rect;
}

VtTimelineRect
vt_timeline_layout_get_card (const VtTimelineLayout *layout,
                             guint                   position)
{
  const VtTimelineSlot *slot;
  VtTimelineRect none = { 0, };

  g_return_val_if_fail (layout->slots->len > 0, none);

  slot = &g_array_index (layout->slots, VtTimelineSlot, vt_timeline_layout_find_slot (layout, position));
  g_return_val_if_fail (position < slot->first + slot->n_pieces, none);

  return card_in_slot (layout, slot, position - slot->first);
}

static gboolean
rect_contains (const VtTimelineRect *rect,
               double                x,
               double                y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

guint
vt_timeline_layout_pick (const VtTimelineLayout *layout,
                         double                  x,
                         double                  y)
{
  guint first, end;

  vt_timeline_layout_slots_in (layout, x, x + 1, &first, &end);
  for (guint s = first; s < end; s++)
    {
      const VtTimelineSlot *slot = &g_array_index (layout->slots, VtTimelineSlot, s);

      if (slot->cluster)
        {
          VtTimelineRect rect = card_in_slot (layout, slot, 0);

          if (rect_contains (&rect, x, y))
            return slot->top;
          continue;
        }
      for (guint i = 0; i < slot->n_pieces; i++)
        {
          VtTimelineRect rect = card_in_slot (layout, slot, i);

          if (rect_contains (&rect, x, y))
            return slot->first + i;
        }
    }

  return G_MAXUINT;
}
