/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-cli query: the window's match and order, for scripts, as a table, JSON or CSV. */

#define G_LOG_DOMAIN "vitrine-cli"

#include "config.h"

#include "vt-cli-common.h"
#include "vt-facets.h"
#include "vt-field.h"
#include "vt-json-check.h"
#include "vt-query.h"
#include "vt-sorter.h"

#include <glib/gi18n.h>
#include <string.h>

typedef enum
{
  FORMAT_TABLE,
  FORMAT_JSON,
  FORMAT_CSV,
} Format;

/* The CSV columns, headed by the fields' catalog member names. */
static const VtField csv_columns[] = {
  VT_FIELD_NUMBER, VT_FIELD_TITLE, VT_FIELD_YEAR, VT_FIELD_DECADE, VT_FIELD_REGION,
  VT_FIELD_COUNTRIES, VT_FIELD_POLITICS, VT_FIELD_CONFLICT, VT_FIELD_TYPE, VT_FIELD_IMPACT,
  VT_FIELD_ARTIST, VT_FIELD_GROUP, VT_FIELD_PRICE,
};

static gboolean
parse_format (const char *text,
              Format     *format)
{
  if (text == NULL || g_strcmp0 (text, "table") == 0)
    *format = FORMAT_TABLE;
  else if (g_strcmp0 (text, "json") == 0)
    *format = FORMAT_JSON;
  else if (g_strcmp0 (text, "csv") == 0)
    *format = FORMAT_CSV;
  else
    return FALSE;
  return TRUE;
}

static char *
int_or_empty (int value)
{
  return value != 0 ? g_strdup_printf ("%d", value) : g_strdup ("");
}

/* The table's cells: number, title, year, impact, price. */
#define N_TABLE_COLUMNS 5

static void
print_row (char     **cells,
           guint     *widths,
           gboolean  *right)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < N_TABLE_COLUMNS; c++)
    {
      guint pad = widths[c] - vt_cli_text_width (cells[c]);

      if (c > 0)
        g_string_append (line, "  ");
      if (right[c])
        {
          for (guint i = 0; i < pad; i++)
            g_string_append_c (line, ' ');
          g_string_append (line, cells[c]);
        }
      else
        {
          g_string_append (line, cells[c]);
          if (c + 1 < N_TABLE_COLUMNS)
            for (guint i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
        }
    }
  /* No spaces left at the end of a line. */
  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);
  g_string_append_c (line, '\n');
  vt_cli_write (line->str, line->len);
}

static void
print_table (GPtrArray *items,
             guint      n_total)
{
  guint n_items = items->len;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint widths[N_TABLE_COLUMNS] = { 0 };
  gboolean right[N_TABLE_COLUMNS] = { TRUE, FALSE, TRUE, TRUE, TRUE };
  char **header = g_new0 (char *, N_TABLE_COLUMNS + 1);

  /* Translators: the column headers of "vitrine-cli query". */
  header[0] = g_strdup (C_("column", "No."));
  header[1] = g_strdup (C_("column", "Title"));
  header[2] = g_strdup (C_("column", "Year"));
  header[3] = g_strdup (C_("column", "Impact"));
  header[4] = g_strdup (C_("column", "Price"));
  g_ptr_array_add (rows, header);

  for (guint i = 0; i < n_items; i++)
    {
      VtItem *item = g_ptr_array_index (items, i);
      char **row = g_new0 (char *, N_TABLE_COLUMNS + 1);
      const char *title = vt_item_get_title (item);
      const char *price = vt_item_get_price_text (item);

      row[0] = int_or_empty (vt_item_get_number (item));
      row[1] = g_strdup (title != NULL ? title : "");
      row[2] = int_or_empty (vt_item_get_year (item));
      row[3] = int_or_empty (vt_item_get_impact (item));
      row[4] = g_strdup (price != NULL ? price : "");
      g_ptr_array_add (rows, row);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < N_TABLE_COLUMNS; c++)
        widths[c] = MAX (widths[c], vt_cli_text_width (row[c]));
    }
  for (guint r = 0; r < rows->len; r++)
    print_row (g_ptr_array_index (rows, r), widths, right);

  /* Translators: the last line of "vitrine-cli query", "4 of 30 pieces". */
  vt_cli_printf (ngettext ("%'u of %'u piece", "%'u of %'u pieces", n_total), n_items, n_total);
  vt_cli_write ("\n", 1);
}

static void
print_json (GPtrArray *items)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();
  guint n_items = items->len;

  for (guint i = 0; i < n_items; i++)
    {
      VtItem *item = g_ptr_array_index (items, i);

      json_array_add_object_element (array, vt_item_dup_json (item));
    }
  json_node_take_array (root, array);
  vt_cli_print_json (root);
}

static char *
csv_value (VtItem  *item,
           VtField  column)
{
  switch (column)
    {
    case VT_FIELD_NUMBER:
      return int_or_empty (vt_item_get_number (item));
    case VT_FIELD_YEAR:
      return int_or_empty (vt_item_get_year (item));
    case VT_FIELD_IMPACT:
      return int_or_empty (vt_item_get_impact (item));
    case VT_FIELD_COUNTRIES:
      return g_strjoinv (" + ", (char **) vt_item_get_countries (item));
    default:
      return g_strdup (vt_item_get_string (item, column));
    }
}

static void
print_csv (GPtrArray *items)
{
  g_autoptr(GString) line = g_string_new (NULL);
  guint n_items = items->len;

  for (guint c = 0; c < G_N_ELEMENTS (csv_columns); c++)
    {
      if (c > 0)
        g_string_append_c (line, ',');
      vt_cli_append_csv_field (line, vt_field_get_member (csv_columns[c]));
    }
  vt_cli_end_csv_line (line);

  for (guint i = 0; i < n_items; i++)
    {
      VtItem *item = g_ptr_array_index (items, i);

      for (guint c = 0; c < G_N_ELEMENTS (csv_columns); c++)
        {
          g_autofree char *value = csv_value (item, csv_columns[c]);

          if (c > 0)
            g_string_append_c (line, ',');
          vt_cli_append_csv_field (line, value);
        }
      vt_cli_end_csv_line (line);
    }
}

/* Whether the counts of @key are printed: not the reviews' when they
 * could not be read (@reviews FALSE), rather than all as none. */
static gboolean
facet_printed (VtFacetKey key,
               gboolean   reviews)
{
  return key != VT_FACET_REVIEW || reviews;
}

static void
print_facets_json (VtFacets *facets,
                   gboolean  reviews)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (VtFacetKey key = 0; key < VT_N_FACETS; key++)
    {
      guint n_values = 0;
      const VtFacetCount *counts = vt_facets_get (facets, key, &n_values);

      if (!facet_printed (key, reviews))
        continue;

      json_builder_set_member_name (builder, vt_facet_key_to_string (key));
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_values; i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, counts[i].value);
          json_builder_set_member_name (builder, "count");
          json_builder_add_int_value (builder, counts[i].count);
          json_builder_set_member_name (builder, "selected");
          json_builder_add_boolean_value (builder, counts[i].selected);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  vt_cli_print_json (root);
}

static void
print_facets_csv (VtFacets *facets,
                  gboolean  reviews)
{
  g_autoptr(GString) line = g_string_new ("facet,value,count,selected");

  vt_cli_end_csv_line (line);
  for (VtFacetKey key = 0; key < VT_N_FACETS; key++)
    {
      guint n_values = 0;
      const VtFacetCount *counts = vt_facets_get (facets, key, &n_values);

      if (!facet_printed (key, reviews))
        continue;

      for (guint i = 0; i < n_values; i++)
        {
          g_string_append (line, vt_facet_key_to_string (key));
          g_string_append_c (line, ',');
          vt_cli_append_csv_field (line, counts[i].value);
          g_string_append_printf (line, ",%u,%s", counts[i].count,
                                  counts[i].selected ? "true" : "false");
          vt_cli_end_csv_line (line);
        }
    }
}

static void
print_facets_table (VtFacets *facets,
                    gboolean  reviews)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (VtFacetKey key = 0; key < VT_N_FACETS; key++)
    {
      guint n_values = 0;
      const VtFacetCount *counts = vt_facets_get (facets, key, &n_values);
      guint width = 0;

      if (!facet_printed (key, reviews))
        continue;

      for (guint i = 0; i < n_values; i++)
        width = MAX (width, vt_cli_text_width (counts[i].value));
      vt_cli_printf ("%s\n", vt_facet_key_get_label (key));
      for (guint i = 0; i < n_values; i++)
        {
          guint pad = width - vt_cli_text_width (counts[i].value);

          /* A star marks the values the query selects. */
          g_string_printf (line, "%s %s", counts[i].selected ? "*" : " ", counts[i].value);
          for (guint p = 0; p < pad; p++)
            g_string_append_c (line, ' ');
          g_string_append_printf (line, "  %'u\n", counts[i].count);
          vt_cli_write (line->str, line->len);
        }
    }
}

int
vt_cli_query (int    argc,
              char **argv)
{
  g_auto(VtCliQueryOptions) options = { NULL };
  g_autofree char *format_name = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean show_facets = FALSE;
  gboolean allow_outside = FALSE;
  const GOptionEntry entries[] = {
    VT_CLI_ALLOW_OUTSIDE_ENTRY (allow_outside),
    VT_CLI_QUERY_ENTRIES (options),
    { "facets", 0, 0, G_OPTION_ARG_NONE, &show_facets,
      N_("Print how many pieces each facet value leaves, instead of the pieces"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("Print a table (default), JSON or CSV"), N_("table|json|csv") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("CATALOG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(VtQuery) query = NULL;
  g_autoptr(VtSorter) sorter = NULL;
  g_autoptr(VtReviewStore) reviews = NULL;
  g_autoptr(GPtrArray) matched = NULL;
  g_autoptr(GError) error = NULL;
  Format format;

  context = vt_cli_option_context_new (NULL,
                                       _("Prints the pieces of a catalog that match a search, "
                                         "facets and ranges, in the order asked for: the same "
                                         "filter and sort as the window’s."),
                                       entries);
  if (!vt_cli_parse_options (context, &argc, &argv))
    return VT_CLI_EXIT_FAILURE;

  if (!vt_cli_check_one_catalog (paths))
    return VT_CLI_EXIT_FAILURE;
  if (!parse_format (format_name, &format))
    {
      vt_cli_usage_error (_("--format %s: use table, json or csv"), format_name);
      return VT_CLI_EXIT_FAILURE;
    }
  if (!vt_cli_query_options_apply (&options, &query, &sorter))
    return VT_CLI_EXIT_FAILURE;

  catalog = vt_cli_load_catalog (paths[0], allow_outside, &error);
  if (catalog == NULL)
    {
      vt_cli_file_error (error);
      return VT_CLI_EXIT_FAILURE;
    }

  /* The counts are the window's sidebar's while curating: by review
   * and problems too. */
  if (!vt_cli_load_curator_facets (catalog, query, show_facets ? VT_CLI_REVIEWS_TO_COUNT : VT_CLI_REVIEWS_TO_SELECT,
                                   show_facets, &reviews, &error))
    {
      vt_cli_file_error (error);
      return VT_CLI_EXIT_FAILURE;
    }
  vt_sorter_set_currency (sorter, vt_catalog_get_currency (catalog));
  matched = vt_cli_match_and_sort (G_LIST_MODEL (catalog), query, sorter);

  if (show_facets)
    {
      g_autoptr(VtFacets) facets = vt_facets_compute (query, G_LIST_MODEL (catalog));

      /* Without them (unreadable), no review is counted as none. */
      gboolean with_reviews = reviews != NULL;

      if (format == FORMAT_JSON)
        print_facets_json (facets, with_reviews);
      else if (format == FORMAT_CSV)
        print_facets_csv (facets, with_reviews);
      else
        print_facets_table (facets, with_reviews);
      return VT_CLI_EXIT_OK;
    }

  switch (format)
    {
    case FORMAT_TABLE:
      print_table (matched, g_list_model_get_n_items (G_LIST_MODEL (catalog)));
      break;
    case FORMAT_JSON:
      print_json (matched);
      break;
    case FORMAT_CSV:
      print_csv (matched);
      break;
    default:
      g_assert_not_reached ();
    }
  return VT_CLI_EXIT_OK;
}
