/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for VtQueryModel: in a worker or at once, the same pieces as GTK's filter and sort models. */

#include "config.h"

#include "vt-facets.h"
#include "vt-query-filter.h"
#include "vt-query-model.h"
#include "vt-query-sorter.h"

#include "query-fixture.h"

#include <locale.h>

/*
 * The reference is the synchronous chain the window used to have, and
 * that vitrine-cli agrees with (test-query-chain.c): a GtkFilterListModel
 * of VtQueryFilter under a GtkSortListModel of VtQuerySorter, over the
 * same items, query and sorter. A few thousand generated pieces give
 * ties, missing values, accents and other currencies to every sort.
 */

#define N_GENERATED 3000

static const char * const words[] = {
  "revolution", "treaty", "wall", "independence", "budapest", "berlin", "kádár",
  "Győr", "Zürich", "Łódź", "São Paulo", "march", "uprising", "accord", "election",
  "famine", "summit", "strike", "crisis", "moon", "landing", "Éire", "ÉLAN", "élan",
};

static const char * const regions[] = { "Europe", "Asia", "Africa", "North America", "Oceania" };
static const char * const countries[] = {
  "Hungary", "USSR", "Poland", "Germany", "France", "Japan", "Côte d’Ivoire", "Brazil",
};
static const char * const conflicts[] = { "Cold War", "World War II", "None" };

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

static void
append_words (GRand   *rand,
              GString *out,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", PICK (rand, words));
}

/* N_GENERATED pieces; about one in twenty misses each value, a few share
 * a number or have none, a few are priced in another currency. */
static GListStore *
generate_items (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(GString) json = g_string_new ("{ \"items\": [\n");

  for (guint i = 1; i <= N_GENERATED; i++)
    {
      int year = 1900 + g_rand_int_range (rand, 0, 100);
      guint number = g_rand_int_range (rand, 0, 100) == 0 ? 0
                     : g_rand_int_range (rand, 0, 100) == 0 ? i - 1 : i;

      g_string_append_printf (json, "%s{ ", i > 1 ? ",\n" : "");
      if (number != 0)
        g_string_append_printf (json, "\"number\": %u, ", number);
      if (g_rand_int_range (rand, 0, 20) != 0)
        {
          g_string_append_printf (json, "\"title\": \"%d - ", year);
          append_words (rand, json, g_rand_int_range (rand, 1, 3));
          g_string_append (json, "\", ");
        }
      g_string_append (json, "\"about\": \"");
      append_words (rand, json, 6);
      g_string_append (json, "\", \"text\": [\"");
      append_words (rand, json, 30);
      g_string_append (json, "\"], ");
      if (g_rand_int_range (rand, 0, 20) != 0)
        g_string_append_printf (json, "\"year\": %d, \"decade\": \"%ds\", ", year, year / 10 * 10);
      if (g_rand_int_range (rand, 0, 20) != 0)
        g_string_append_printf (json, "\"impact\": %d, ", g_rand_int_range (rand, 1, 11));
      if (g_rand_int_range (rand, 0, 20) != 0)
        g_string_append_printf (json, "\"price\": \"%d.%d %s\", ", g_rand_int_range (rand, 0, 20),
                                g_rand_int_range (rand, 0, 10),
                                g_rand_int_range (rand, 0, 30) == 0 ? "BTC" : "ETH");
      g_string_append_printf (json, "\"region\": \"%s\", \"countries\": [\"%s\", \"%s\"], "
                              "\"conflict\": \"%s\", \"artist\": \"Artist %02d\" }",
                              PICK (rand, regions), PICK (rand, countries), PICK (rand, countries),
                              PICK (rand, conflicts), g_rand_int_range (rand, 0, 30));
    }
  g_string_append (json, "\n] }\n");

  return fixture_items_from_data (json->str);
}

/* One change of the query or the order; applied one after another, so
 * each narrows, widens or replaces what the one before set. */
typedef enum
{
  STEP_SEARCH,
  STEP_FACET_ON,
  STEP_FACET_OFF,
  STEP_IMPACT,
  STEP_CLEAR_IMPACT,
  STEP_SORT,
  STEP_CLEAR,
} StepKind;

typedef struct
{
  StepKind    kind;
  const char *text;
  VtFacetKey  facet;
  int         a, b;
} Step;

static const Step steps[] = {
  { STEP_SEARCH, "k" },
  { STEP_SEARCH, "ka" },
  { STEP_SEARCH, "kad" },
  { STEP_SEARCH, "kadar" },
  { STEP_SORT, .a = VT_SORT_TITLE },
  { STEP_SEARCH, "kadar wall" },
  { STEP_SEARCH, "wall" },
  { STEP_FACET_ON, "Europe", VT_FACET_REGION },
  { STEP_SORT, .a = VT_SORT_PRICE, .b = TRUE },
  { STEP_FACET_ON, "Asia", VT_FACET_REGION },
  { STEP_FACET_ON, "Hungary", VT_FACET_COUNTRY },
  { STEP_SEARCH, "ELAN" },
  { STEP_IMPACT, .a = 3, .b = 8 },
  { STEP_SORT, .a = VT_SORT_IMPACT },
  { STEP_FACET_OFF, "Europe", VT_FACET_REGION },
  { STEP_SORT, .a = VT_SORT_YEAR, .b = TRUE },
  { STEP_SEARCH, "" },
  { STEP_CLEAR_IMPACT },
  { STEP_SORT, .a = VT_SORT_TITLE, .b = TRUE },
  { STEP_FACET_ON, "1950s", VT_FACET_DECADE },
  { STEP_SORT, .a = VT_SORT_NUMBER, .b = TRUE },
  { STEP_SORT, .a = VT_SORT_PRICE },
  { STEP_CLEAR },
  { STEP_SEARCH, "zurich" },
  { STEP_SORT, .a = VT_SORT_TITLE },
  { STEP_SEARCH, "" },
};

static void
apply_step (VtQuery    *query,
            VtSorter   *sorter,
            const Step *step)
{
  switch (step->kind)
    {
    case STEP_SEARCH:
      vt_query_set_search (query, step->text);
      break;
    case STEP_FACET_ON:
    case STEP_FACET_OFF:
      vt_query_set_facet_selected (query, step->facet, step->text, step->kind == STEP_FACET_ON);
      break;
    case STEP_IMPACT:
      vt_query_set_int_range (query, VT_RANGE_IMPACT, step->a, step->b);
      break;
    case STEP_CLEAR_IMPACT:
      vt_query_clear_range (query, VT_RANGE_IMPACT);
      break;
    case STEP_SORT:
      vt_sorter_set_key (sorter, step->a);
      vt_sorter_set_descending (sorter, step->b);
      break;
    case STEP_CLEAR:
    default:
      vt_query_clear (query);
      break;
    }
}

/* The model's items-changed, replayed on a plain list: after the last,
 * the copy must hold what the model holds, or a view would show stale
 * tiles. */
static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListStore *copy)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, position + i));
  g_list_store_splice (copy, position, removed, items->pdata, items->len);
}

static void
assert_same_items (GListModel *got,
                   GListModel *expected)
{
  guint n = g_list_model_get_n_items (expected);

  g_assert_cmpuint (g_list_model_get_n_items (got), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtItem) a = g_list_model_get_item (got, i);
      g_autoptr(VtItem) b = g_list_model_get_item (expected, i);

      if (a != b)
        g_error ("At %u of %u: piece %u where %u is expected", i, n,
                 vt_item_get_number (a), vt_item_get_number (b));
    }
}

static char *
facets_string (VtFacets *facets)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%u matched;", vt_facets_get_matched (facets));
  for (guint key = 0; key < VT_N_FACETS; key++)
    {
      const VtFacetCount *counts;
      guint n_values;

      counts = vt_facets_get (facets, key, &n_values);
      for (guint i = 0; i < n_values; i++)
        g_string_append_printf (out, " %s=%u%s", counts[i].value, counts[i].count,
                                counts[i].selected ? "*" : "");
      g_string_append_c (out, ';');
    }

  return g_string_free (out, FALSE);
}

static void
wait_until_applied (VtQueryModel *model)
{
  while (vt_query_model_get_pending (model))
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  GListStore      *items;
  VtQuery         *query;
  VtSorter        *sorter;
  GtkSortListModel *reference;
  VtQueryModel    *model;
  GListStore      *copy;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkFilterListModel *filtered;

  fixture->items = generate_items ();
  fixture->query = vt_query_new ();
  fixture->sorter = vt_sorter_new (VT_SORT_NUMBER, FALSE);
  vt_sorter_set_currency (fixture->sorter, "ETH");
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (fixture->items)),
                                        vt_query_filter_new (fixture->query));
  fixture->reference = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                                vt_query_sorter_new (fixture->sorter));
  fixture->model = vt_query_model_new (G_LIST_MODEL (fixture->items), fixture->query, fixture->sorter);
  vt_query_model_set_sync_limit (fixture->model, GPOINTER_TO_UINT (data));

  fixture->copy = g_list_store_new (VT_TYPE_ITEM);
  on_items_changed_cb (G_LIST_MODEL (fixture->model), 0, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), fixture->copy);
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (on_items_changed_cb), fixture->copy);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->model);
  g_clear_object (&fixture->reference);
  g_clear_object (&fixture->copy);
  g_clear_object (&fixture->query);
  g_clear_object (&fixture->sorter);
  g_clear_object (&fixture->items);
}

static void
assert_agrees (Fixture *fixture)
{
  g_autoptr(VtFacets) facets = vt_facets_compute (fixture->query, G_LIST_MODEL (fixture->items));
  g_autofree char *expected = facets_string (facets);
  g_autofree char *got = facets_string (vt_query_model_get_facets (fixture->model));

  assert_same_items (G_LIST_MODEL (fixture->model), G_LIST_MODEL (fixture->reference));
  assert_same_items (G_LIST_MODEL (fixture->copy), G_LIST_MODEL (fixture->reference));
  g_assert_cmpstr (got, ==, expected);
}

/* Each step waited for: the same pieces, order and counts as the
 * synchronous chain after every one. */
static void
test_step_by_step (Fixture       *fixture,
                   gconstpointer  data)
{
  guint distinct = 0, last_n = G_MAXUINT;

  assert_agrees (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      guint n;

      apply_step (fixture->query, fixture->sorter, &steps[i]);
      wait_until_applied (fixture->model);
      g_test_message ("step %u: %u pieces", i, g_list_model_get_n_items (G_LIST_MODEL (fixture->reference)));
      assert_agrees (fixture);

      n = g_list_model_get_n_items (G_LIST_MODEL (fixture->model));
      distinct += n != last_n;
      last_n = n;
    }

  /* The steps tell pieces apart: they do not all show the same. */
  g_assert_cmpuint (distinct, >=, G_N_ELEMENTS (steps) / 2);
}

/* Typed faster than a worker works: each change cancels the one before,
 * and what is shown at the end is the last one's result. */
static void
test_changes_overtake (Fixture       *fixture,
                       gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      apply_step (fixture->query, fixture->sorter, &steps[i]);
      if (i % 5 == 4)
        {
          wait_until_applied (fixture->model);
          assert_agrees (fixture);
        }
    }
  wait_until_applied (fixture->model);
  assert_agrees (fixture);
}

/* Until its result is applied, the model goes on showing the last one. */
static void
test_shows_last_result_until_applied (Fixture       *fixture,
                                      gconstpointer  data)
{
  guint all = g_list_model_get_n_items (G_LIST_MODEL (fixture->model));

  g_assert_cmpuint (all, ==, N_GENERATED);

  vt_query_set_search (fixture->query, "kadar");
  g_assert_true (vt_query_model_get_pending (fixture->model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, all);

  wait_until_applied (fixture->model);
  assert_agrees (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), <, all);
}

/* The items themselves change: a load (many) is worked out at once,
 * even when changes of the query go to a worker; an edit of a few like
 * any other change, and a second before the first is shown. */
static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  vt_query_set_search (fixture->query, "wall");
  vt_sorter_set_key (fixture->sorter, VT_SORT_TITLE);
  wait_until_applied (fixture->model);

  g_list_store_splice (fixture->items, 10, 100, NULL, 0);
  g_assert_false (vt_query_model_get_pending (fixture->model));
  assert_agrees (fixture);

  g_list_store_remove (fixture->items, 0);
  wait_until_applied (fixture->model);
  assert_agrees (fixture);

  g_list_store_remove (fixture->items, 3);
  g_list_store_remove (fixture->items, 7);
  wait_until_applied (fixture->model);
  assert_agrees (fixture);

  vt_query_set_search (fixture->query, "wall berlin");
  wait_until_applied (fixture->model);
  assert_agrees (fixture);
}

static void
record_range_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 GArray     *ranges)
{
  guint range[2] = { position, position + added };

  g_array_append_vals (ranges, range, 2);
}

/* The items announced again as they are (images allowed outside the
 * catalog's folder), twice before the first is shown: a view must be
 * told of each, to ask them anew for their image. */
static void
test_items_announced_again (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  static const guint announced[] = { 10, 11, 12, 13, 14, 20, 21 };

  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (record_range_cb), ranges);

  g_list_model_items_changed (G_LIST_MODEL (fixture->items), 10, 5, 5);
  g_list_model_items_changed (G_LIST_MODEL (fixture->items), 20, 2, 2);
  wait_until_applied (fixture->model);
  assert_agrees (fixture);

  /* Nothing moved: each announced piece lies in a range told. */
  for (guint i = 0; i < G_N_ELEMENTS (announced); i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (fixture->items), announced[i]);
      gboolean told = FALSE;
      guint shown;

      for (shown = 0; shown < g_list_model_get_n_items (G_LIST_MODEL (fixture->model)); shown++)
        {
          g_autoptr(VtItem) other = g_list_model_get_item (G_LIST_MODEL (fixture->model), shown);

          if (other == item)
            break;
        }
      for (guint r = 0; r < ranges->len; r += 2)
        told |= shown >= g_array_index (ranges, guint, r) && shown < g_array_index (ranges, guint, r + 1);
      g_assert_true (told);
    }
  /* ... and not the whole list. */
  for (guint r = 0; r < ranges->len; r += 2)
    g_assert_cmpuint (g_array_index (ranges, guint, r + 1) - g_array_index (ranges, guint, r), <, 100);
}

/* Review states and problems change on the items: the counts follow
 * when the model is told. */
static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (fixture->items), 5);
  g_autofree char *before = facets_string (vt_query_model_get_facets (fixture->model));
  g_autofree char *after = NULL;

  vt_item_set_review (item, VT_REVIEW_STATE_APPROVED, FALSE);
  vt_query_model_refresh (fixture->model);
  wait_until_applied (fixture->model);
  assert_agrees (fixture);
  after = facets_string (vt_query_model_get_facets (fixture->model));
  g_assert_cmpstr (after, !=, before);

  vt_query_set_facet_selected (fixture->query, VT_FACET_REVIEW, "approved", TRUE);
  wait_until_applied (fixture->model);
  assert_agrees (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  static const struct
  {
    const char *name;
    guint       sync_limit;
  } paths[] = {
    { "worker", 0 },
    { "at-once", G_MAXUINT },
  };

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      gconstpointer data = GUINT_TO_POINTER (paths[i].sync_limit);
      g_autofree char *step = g_strdup_printf ("/query-model/%s/same-as-filter-and-sort", paths[i].name);
      g_autofree char *overtake = g_strdup_printf ("/query-model/%s/changes-overtake", paths[i].name);
      g_autofree char *items = g_strdup_printf ("/query-model/%s/items-changed", paths[i].name);
      g_autofree char *refresh = g_strdup_printf ("/query-model/%s/refresh", paths[i].name);
      g_autofree char *again = g_strdup_printf ("/query-model/%s/items-announced-again", paths[i].name);

      g_test_add (step, Fixture, data, fixture_set_up, test_step_by_step, fixture_tear_down);
      g_test_add (overtake, Fixture, data, fixture_set_up, test_changes_overtake, fixture_tear_down);
      g_test_add (items, Fixture, data, fixture_set_up, test_items_changed, fixture_tear_down);
      g_test_add (refresh, Fixture, data, fixture_set_up, test_refresh, fixture_tear_down);
      g_test_add (again, Fixture, data, fixture_set_up, test_items_announced_again, fixture_tear_down);
    }
  g_test_add ("/query-model/worker/shows-last-result-until-applied", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_shows_last_result_until_applied, fixture_tear_down);

  return g_test_run ();
}
