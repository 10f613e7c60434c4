/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's geometry without a display: years to x, stacks, clusters at wide zoom. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-timeline-layout.h"

static const int years[] = { 1901, 1914, 1914, 1914, 1939, 1990 };
static const int impacts[] = { 3, 5, 9, 2, 7, 1 };

/* Each card stands over its own year, later years further right, the
 * pieces of one year stacked up from the axis. */
static void
test_positions_follow_years (void)
{
  g_autoptr(VtTimelineLayout) layout =
    vt_timeline_layout_new (years, impacts, G_N_ELEMENTS (years), 120, 600, 30);
  int start, end;
  double previous = -1;

  vt_timeline_layout_get_span (layout, &start, &end);
  g_assert_cmpint (start, ==, 1900);
  g_assert_cmpint (end, ==, 2000);
  g_assert_cmpint (vt_timeline_layout_get_years_per_slot (layout), ==, 1);
  g_assert_true (vt_timeline_layout_get_titles (layout));

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      VtTimelineRect card = vt_timeline_layout_get_card (layout, i);
      double center = card.x + card.width / 2;

      g_assert_cmpfloat (center, >=, vt_timeline_layout_year_to_x (layout, years[i]));
      g_assert_cmpfloat (center, <, vt_timeline_layout_year_to_x (layout, years[i] + 1));
      g_assert_cmpfloat (center, >=, previous);
      g_assert_cmpfloat (card.y + card.height, <=, 600);
      g_assert_cmpfloat (card.y, >=, 0);
      previous = center;
    }

  /* 1914's three: one column, each above the one before. */
  for (guint i = 2; i <= 3; i++)
    {
      VtTimelineRect below = vt_timeline_layout_get_card (layout, i - 1);
      VtTimelineRect above = vt_timeline_layout_get_card (layout, i);

      g_assert_cmpfloat (above.x, ==, below.x);
      g_assert_cmpfloat (above.y + above.height, <, below.y);
    }
  g_assert_cmpuint (vt_timeline_layout_get_n_slots (layout), ==, 4);
  g_assert_cmpfloat (vt_timeline_layout_get_used_height (layout), ==,
                     3 * vt_timeline_layout_get_card_height (layout) + 2 * VT_TIMELINE_GAP);
  for (guint s = 0; s < vt_timeline_layout_get_n_slots (layout); s++)
    g_assert_false (vt_timeline_layout_get_slot (layout, s)->cluster);

  /* What is under a card is its piece; the empty wall is none. */
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      VtTimelineRect card = vt_timeline_layout_get_card (layout, i);

      g_assert_cmpuint (vt_timeline_layout_pick (layout, card.x + 2, card.y + 2), ==, i);
    }
  g_assert_cmpuint (vt_timeline_layout_pick (layout, vt_timeline_layout_year_to_x (layout, 1960), 300),
                    ==, G_MAXUINT);
}

/* At the widest zoom, years share slots; a slot whose pieces do not fit
 * the height is one cluster that counts them all and shows the piece of
 * highest impact. */
static void
test_clusters_count (void)
{
  g_autoptr(GArray) many_years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) many_impacts = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(VtTimelineLayout) layout = NULL;
  guint total = 0, clusters = 0;

  /* 1914 to 1918, six pieces a year, one of impact 10; two in 1950. */
  for (int i = 0; i < 30; i++)
    {
      int year = 1914 + i / 6, impact = i == 17 ? 10 : 1 + i % 9;

      g_array_append_val (many_years, year);
      g_array_append_val (many_impacts, impact);
    }
  for (int i = 0; i < 2; i++)
    {
      int year = 1950, impact = 4;

      g_array_append_val (many_years, year);
      g_array_append_val (many_impacts, impact);
    }

  /* 5 px a year: a card needs 68, so slots of 20 years from 1910. */
  layout = vt_timeline_layout_new ((int *) many_years->data, (int *) many_impacts->data, many_years->len,
                                   5, 300, 30);
  g_assert_cmpint (vt_timeline_layout_get_years_per_slot (layout), ==, 20);
  g_assert_false (vt_timeline_layout_get_titles (layout));
  g_assert_cmpuint (vt_timeline_layout_get_n_slots (layout), ==, 2);

  for (guint s = 0; s < vt_timeline_layout_get_n_slots (layout); s++)
    {
      const VtTimelineSlot *slot = vt_timeline_layout_get_slot (layout, s);

      total += slot->n_pieces;
      clusters += slot->cluster;
      g_assert_cmpint (slot->first_year % 20, ==, 10);
    }
  g_assert_cmpuint (total, ==, many_years->len);
  g_assert_cmpuint (clusters, ==, 1);

  {
    const VtTimelineSlot *cluster = vt_timeline_layout_get_slot (layout, 0);
    const VtTimelineSlot *stack = vt_timeline_layout_get_slot (layout, 1);
    VtTimelineRect face = vt_timeline_layout_get_card (layout, cluster->top);

    g_assert_true (cluster->cluster);
    g_assert_cmpuint (cluster->n_pieces, ==, 30);
    g_assert_cmpint (g_array_index (many_impacts, int, cluster->top), ==, 10);
    /* Every piece of the cluster is found on its one card. */
    for (guint i = cluster->first; i < cluster->first + cluster->n_pieces; i++)
      {
        VtTimelineRect card = vt_timeline_layout_get_card (layout, i);

        g_assert_cmpfloat (card.x, ==, face.x);
        g_assert_cmpfloat (card.y, ==, face.y);
      }
    g_assert_cmpuint (vt_timeline_layout_pick (layout, face.x + 1, face.y + 1), ==, cluster->top);

    g_assert_false (stack->cluster);
    g_assert_cmpuint (stack->n_pieces, ==, 2);
    g_assert_cmpint (stack->first_year, ==, 1950);
  }

  /* Closer, the same pieces no longer cluster: a year each, in columns. */
  {
    g_autoptr(VtTimelineLayout) closer =
      vt_timeline_layout_new ((int *) many_years->data, (int *) many_impacts->data, many_years->len,
                              1200, 700, 30);

    for (guint s = 0; s < vt_timeline_layout_get_n_slots (closer); s++)
      g_assert_false (vt_timeline_layout_get_slot (closer, s)->cluster);
    g_assert_cmpuint (vt_timeline_layout_get_n_slots (closer), ==, 6);
  }
}

/* The widest zoom fits the whole span, margins included, in the width. */
static void
test_fit_whole_span (void)
{
  double ppy = vt_timeline_layout_fit (years, G_N_ELEMENTS (years), 1000);
  g_autoptr(VtTimelineLayout) layout = vt_timeline_layout_new (years, impacts, G_N_ELEMENTS (years), ppy, 400, 30);
  guint first, end;

  g_assert_cmpfloat_with_epsilon (vt_timeline_layout_get_width (layout), 1000, 0.001);
  g_assert_cmpfloat_with_epsilon (vt_timeline_layout_x_to_year (layout, vt_timeline_layout_year_to_x (layout, 1956.5)),
                                  1956.5, 1e-9);

  /* The slots in a stretch of the wall are those over its years. */
  vt_timeline_layout_slots_in (layout, vt_timeline_layout_year_to_x (layout, 1930),
                               vt_timeline_layout_year_to_x (layout, 1989), &first, &end);
  g_assert_cmpuint (end - first, ==, 1);
  g_assert_cmpint (vt_timeline_layout_get_slot (layout, first)->first_year, ==, 1930);
}

/* No piece: an empty wall, without slots. */
static void
test_empty (void)
{
  g_autoptr(VtTimelineLayout) layout = vt_timeline_layout_new (NULL, NULL, 0, 10, 400, 30);
  guint first, end;

  g_assert_cmpuint (vt_timeline_layout_get_n_slots (layout), ==, 0);
  vt_timeline_layout_slots_in (layout, 0, 1000, &first, &end);
  g_assert_cmpuint (first, ==, end);
  g_assert_cmpuint (vt_timeline_layout_pick (layout, 10, 10), ==, G_MAXUINT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/layout/positions-follow-years", test_positions_follow_years);
  g_test_add_func ("/timeline/layout/clusters-count", test_clusters_count);
  g_test_add_func ("/timeline/layout/fit-whole-span", test_fit_whole_span);
  g_test_add_func ("/timeline/layout/empty", test_empty);

  return g_test_run ();
}
