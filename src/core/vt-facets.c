/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Value counts of every facet under a query, the usual faceted-search way. */

#define G_LOG_DOMAIN "vitrine-query"

#include "config.h"

#include "vt-facets.h"
#include "vt-facets-private.h"

#include "vt-query-private.h"
#include "vt-text.h"

#include <stdlib.h>
#include <string.h>

/*
 * One pass over the items. An item that fails the search or a range
 * counts nowhere. Otherwise the query tells which facets' selections
 * it fails, as a bit mask:
 *  - none: it matches the whole query and counts, in every facet, for
 *    each of its values;
 *  - exactly one facet F: it would match if F's selection allowed its
 *    value, so it counts in F alone;
 *  - two or more: no single further click on one facet brings it in,
 *    so it counts nowhere.
 * Every item's values are listed all the same, with a count of 0 if
 * need be, so the window can show them dimmed.
 */

typedef struct
{
  GHashTable *index;    /* value → position in counts + 1 */
  GArray     *counts;   /* of VtFacetCount */
} FacetTable;

struct _VtFacets
{
  GStringChunk *strings;
  FacetTable    tables[VT_N_FACETS];
  guint         matched;
};

static VtFacetCount *
table_lookup (FacetTable   *table,
              GStringChunk *strings,
              const char   *value)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (table->index, value));

  if (position == 0)
    {
      VtFacetCount entry = { g_string_chunk_insert_const (strings, value), 0, FALSE };

      g_array_append_val (table->counts, entry);
      position = table->counts->len;
      g_hash_table_insert (table->index, (gpointer) entry.value, GUINT_TO_POINTER (position));
    }

  return &g_array_index (table->counts, VtFacetCount, position - 1);
}

/* TRUE when values[index] already appears before @index. */
static gboolean
seen_before (const char * const *values,
             guint               index)
{
  for (guint i = 0; i < index; i++)
    if (g_strcmp0 (values[i], values[index]) == 0)
      return TRUE;
  return FALSE;
}

typedef struct
{
  VtFacetCount  entry;
  gboolean      numeric;
  gint64        number;
  char         *collate_key;
} SortEntry;

static int
compare_sort_entries (const void *a,
                      const void *b)
{
  const SortEntry *ea = a, *eb = b;
  int cmp;

  /* Numbered values ("1950s") in order of their number, before others. */
  if (ea->numeric != eb->numeric)
    return ea->numeric ? -1 : 1;
  if (ea->numeric && ea->number != eb->number)
    return ea->number < eb->number ? -1 : 1;

  cmp = strcmp (ea->collate_key, eb->collate_key);
  if (cmp != 0)
    return cmp;
  return strcmp (ea->entry.value, eb->entry.value);
}

static void
table_sort (FacetTable *table,
            VtFacetKey  key)
{
  guint n = table->counts->len;
  SortEntry *entries = g_new0 (SortEntry, n);

  for (guint i = 0; i < n; i++)
    {
      SortEntry *entry = &entries[i];
      const char *value;
      char *end = NULL;

      entry->entry = g_array_index (table->counts, VtFacetCount, i);
      value = entry->entry.value;

      if (key == VT_FACET_DECADE)
        {
          entry->number = g_ascii_strtoll (value, &end, 10);
          entry->numeric = end != value;
        }
      else if (key == VT_FACET_REVIEW || key == VT_FACET_PROBLEMS)
        {
          VtReviewState state;

          /* In the order of the states, problems before none. */
          entry->numeric = TRUE;
          if (vt_review_state_from_string (value, &state))
            entry->number = state;
          else
            entry->number = g_str_equal (value, VT_FACET_VALUE_HAS_PROBLEMS) ? 0 : 1;
        }
      /* Case and accents aside, as the search and the title sort do. */
      entry->collate_key = vt_text_collate_key (value);
    }

  /* qsort () wants a valid pointer even for no elements. */
  if (n > 1)
    qsort (entries, n, sizeof (SortEntry), compare_sort_entries);

  for (guint i = 0; i < n; i++)
    {
      g_array_index (table->counts, VtFacetCount, i) = entries[i].entry;
      g_free (entries[i].collate_key);
    }
  g_free (entries);
}

/* How many items a worker looks at between two looks at its cancellable. */
#define CANCEL_CHECK_INTERVAL 1024

VtFacets *
vt_facets_compute_items (VtQuery       *query,
                         VtItem *const *items,
                         guint          n_items,
                         guint8        *passes,
                         gboolean       passes_known,
                         guint8        *matches,
                         GCancellable  *cancellable)
{
  g_autoptr(VtFacets) facets = NULL;

  g_return_val_if_fail (VT_IS_QUERY (query), NULL);
  g_return_val_if_fail (items != NULL || n_items == 0, NULL);
  g_return_val_if_fail (passes != NULL || !passes_known, NULL);

  facets = g_new0 (VtFacets, 1);
  facets->strings = g_string_chunk_new (4096);

  for (guint key = 0; key < VT_N_FACETS; key++)
    {
      FacetTable *table = &facets->tables[key];
      g_autofree const char **selection = vt_query_get_facet_selection (query, key);

      table->index = g_hash_table_new (g_str_hash, g_str_equal);
      table->counts = g_array_new (FALSE, FALSE, sizeof (VtFacetCount));

      for (guint i = 0; selection[i] != NULL; i++)
        table_lookup (table, facets->strings, selection[i])->selected = TRUE;
    }

  for (guint i = 0; i < n_items; i++)
    {
      VtItem *item = items[i];
      gboolean item_passes;
      guint failures = 0;

      if (i % CANCEL_CHECK_INTERVAL == 0 && g_cancellable_is_cancelled (cancellable))
        return NULL;

      if (matches != NULL)
        matches[i] = FALSE;
      if (!VT_IS_ITEM (item))
        {
          if (passes != NULL && !passes_known)
            passes[i] = FALSE;
          continue;
        }

      if (passes_known)
        item_passes = passes[i];
      else
        {
          item_passes = vt_query_match_search_and_ranges (query, item);
          if (passes != NULL)
            passes[i] = item_passes;
        }
      if (item_passes)
        {
          failures = vt_query_get_facet_failures (query, item);
          if (failures == 0)
            {
              facets->matched++;
              if (matches != NULL)
                matches[i] = TRUE;
            }
        }

      for (guint key = 0; key < VT_N_FACETS; key++)
        {
          FacetTable *table = &facets->tables[key];
          gboolean counts = item_passes && (failures & ~(1u << key)) == 0;
          const char * const *values;
          guint n_values = 0;

          values = vt_item_get_facet_values (item, key, &n_values);
          for (guint v = 0; v < n_values; v++)
            {
              VtFacetCount *entry;

              if (values[v] == NULL || values[v][0] == '\0')
                continue;

              entry = table_lookup (table, facets->strings, values[v]);
              /* An item that names a country twice is still one piece. */
              if (counts && !seen_before (values, v))
                entry->count++;
            }
        }
    }

  for (guint key = 0; key < VT_N_FACETS; key++)
    {
      g_clear_pointer (&facets->tables[key].index, g_hash_table_unref);
      table_sort (&facets->tables[key], key);
    }

  return g_steal_pointer (&facets);
}

VtFacets *
vt_facets_compute (VtQuery    *query,
                   GListModel *items)
{
  g_autoptr(GPtrArray) array = NULL;
  guint n_items;

  g_return_val_if_fail (VT_IS_QUERY (query), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  n_items = g_list_model_get_n_items (items);
  array = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));

  return vt_facets_compute_items (query, (VtItem *const *) array->pdata, array->len,
                                  NULL, FALSE, NULL, NULL);
}

const VtFacetCount *
vt_facets_get (VtFacets   *facets,
               VtFacetKey  key,
               guint      *n_values)
{
  GArray *counts;

  g_return_val_if_fail (facets != NULL, NULL);
  g_return_val_if_fail ((guint) key < VT_N_FACETS, NULL);

  counts = facets->tables[key].counts;
  if (n_values != NULL)
    *n_values = counts->len;
  return (const VtFacetCount *) (gpointer) counts->data;
}

guint
vt_facets_get_matched (VtFacets *facets)
{
  g_return_val_if_fail (facets != NULL, 0);

  return facets->matched;
}

void
vt_facets_free (VtFacets *facets)
{
  if (facets == NULL)
    return;

  for (guint key = 0; key < VT_N_FACETS; key++)
    {
      g_clear_pointer (&facets->tables[key].index, g_hash_table_unref);
      g_clear_pointer (&facets->tables[key].counts, g_array_unref);
    }
  g_string_chunk_free (facets->strings);
  g_free (facets);
}
