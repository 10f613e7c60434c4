/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports of a view's pieces: a spreadsheet, a catalog of just those pieces, curators' review reports. */

#define G_LOG_DOMAIN "vitrine-export"

#include "config.h"

#include "vt-export.h"

#include "vt-field.h"
#include "vt-file.h"
#include "vt-json-check.h"
#include "vt-price.h"
#include "vt-problem.h"

#include <glib/gi18n.h>
#include <string.h>

static const char *format_names[VT_N_EXPORT_FORMATS] = {
  [VT_EXPORT_CSV] = "csv",
  [VT_EXPORT_CATALOG] = "json",
  [VT_EXPORT_REVIEW_CSV] = "report-csv",
  [VT_EXPORT_REVIEW_JSON] = "report-json",
};

const char *
vt_export_format_to_string (VtExportFormat format)
{
  g_return_val_if_fail (format < VT_N_EXPORT_FORMATS, NULL);

  return format_names[format];
}

gboolean
vt_export_format_from_string (const char     *name,
                              VtExportFormat *format)
{
  for (guint i = 0; i < VT_N_EXPORT_FORMATS; i++)
    if (g_strcmp0 (name, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vt_export_format_get_extension (VtExportFormat format)
{
  return format == VT_EXPORT_CSV || format == VT_EXPORT_REVIEW_CSV ? "csv" : "json";
}

gboolean
vt_export_format_is_review (VtExportFormat format)
{
  return format == VT_EXPORT_REVIEW_CSV || format == VT_EXPORT_REVIEW_JSON;
}

void
vt_csv_append_field (GString    *line,
                     const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

char *
vt_export_relative_path (GFile *dir,
                         GFile *file)
{
  g_autoptr(GString) up = g_string_new (NULL);
  g_autoptr(GFile) ancestor = g_object_ref (dir);

  while (!g_file_equal (ancestor, file) && !g_file_has_prefix (file, ancestor))
    {
      GFile *parent = g_file_get_parent (ancestor);

      if (parent == NULL)
        return g_file_get_path (file);
      g_string_append (up, ".." G_DIR_SEPARATOR_S);
      g_set_object (&ancestor, parent);
      g_object_unref (parent);
    }

  if (g_file_equal (ancestor, file))
    {
      /* The image is a folder above the export: "..", not "../". */
      if (up->len > 0)
        g_string_truncate (up, up->len - 1);
      return g_string_free (g_steal_pointer (&up), FALSE);
    }
  {
    g_autofree char *rest = g_file_get_relative_path (ancestor, file);

    g_string_append (up, rest);
  }
  return g_string_free (g_steal_pointer (&up), FALSE);
}

/* The image a piece names, relative to @dest's folder; as written when
 * it is an address, an absolute path, or when there is no @dest. */
static char *
image_for (VtCatalog *catalog,
           VtItem    *item,
           GFile     *dest)
{
  const char *written = vt_item_get_string (item, VT_FIELD_IMAGE);
  GFile *base_dir = vt_catalog_get_base_dir (catalog);
  g_autoptr(GFile) image = NULL;
  g_autoptr(GFile) dest_dir = NULL;
  g_autofree char *scheme = NULL;

  if (written == NULL || dest == NULL || base_dir == NULL)
    return g_strdup (written);
  scheme = g_uri_parse_scheme (written);
  if (scheme != NULL || g_path_is_absolute (written))
    return g_strdup (written);

  image = g_file_resolve_relative_path (base_dir, written);
  dest_dir = g_file_get_parent (dest);
  if (dest_dir == NULL)
    return g_strdup (written);
  return vt_export_relative_path (dest_dir, image);
}

static char *
int_or_empty (int value)
{
  return value != 0 ? g_strdup_printf ("%d", value) : g_strdup ("");
}

/* A field's value in a spreadsheet cell: paragraphs apart by an empty
 * line, countries joined with " + " as pages write them. */
static char *
csv_value (VtCatalog *catalog,
           VtItem    *item,
           VtField    field,
           GFile     *dest)
{
  switch (vt_field_get_info (field)->kind)
    {
    case VT_FIELD_KIND_INTEGER:
      switch (field)
        {
        case VT_FIELD_NUMBER:
          return int_or_empty (vt_item_get_number (item));
        case VT_FIELD_YEAR:
          return int_or_empty (vt_item_get_year (item));
        case VT_FIELD_IMPACT:
          return int_or_empty (vt_item_get_impact (item));
        default:
          g_assert_not_reached ();
        }
    case VT_FIELD_KIND_PARAGRAPHS:
      return g_strjoinv ("\n\n", (char **) vt_item_get_text (item));
    case VT_FIELD_KIND_FACET_LIST:
      return g_strjoinv (" + ", (char **) vt_item_get_countries (item));
    case VT_FIELD_KIND_IMAGE:
      return image_for (catalog, item, dest);
    case VT_FIELD_KIND_TEXT:
    case VT_FIELD_KIND_FACET:
    case VT_FIELD_KIND_PRICE:
    default:
      return g_strdup (vt_item_get_string (item, field));
    }
}

static void
end_line (GString *data)
{
  g_string_append (data, "\r\n");
}

static GString *
export_csv (VtCatalog  *catalog,
            GListModel *items,
            GFile      *dest)
{
  GString *data = g_string_new (NULL);
  guint n_items = g_list_model_get_n_items (items);

  /* The fields' members, then the price's amount and currency apart,
   * for a spreadsheet to sum. */
  for (VtField field = 0; field < VT_N_FIELDS; field++)
    {
      vt_csv_append_field (data, vt_field_get_member (field));
      g_string_append_c (data, ',');
    }
  g_string_append (data, "price_amount,price_currency");
  end_line (data);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (items, i);
      VtPrice price;

      for (VtField field = 0; field < VT_N_FIELDS; field++)
        {
          g_autofree char *value = csv_value (catalog, item, field, dest);

          vt_csv_append_field (data, value);
          g_string_append_c (data, ',');
        }
      if (vt_item_get_price (item, &price))
        {
          g_autofree char *amount = vt_price_format_amount (&price);
          const char *currency = price.currency != NULL ? price.currency
                                                        : vt_catalog_get_currency (catalog);

          g_string_append (data, amount);
          g_string_append_c (data, ',');
          vt_csv_append_field (data, currency);
        }
      else
        g_string_append_c (data, ',');
      end_line (data);
    }
  return data;
}

/* The catalog as it would be saved, with only @items in "items": the
 * collection and every member the program does not know stay. */
static GString *
export_catalog (VtCatalog  *catalog,
                GListModel *items,
                GFile      *dest)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *whole = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonArray *array;
  guint n_items = g_list_model_get_n_items (items);
  gsize length;

  whole = vt_catalog_to_data (catalog, &length);
  /* What the catalog itself wrote always parses. */
  if (!json_parser_load_from_data (parser, whole, length, NULL))
    g_assert_not_reached ();
  root = json_parser_get_root (parser);
  object = json_node_get_object (root);

  array = json_array_sized_new (n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (items, i);
      g_autofree char *image = image_for (catalog, item, dest);
      JsonObject *copy = vt_item_dup_json (item);

      if (image != NULL && json_object_has_member (copy, "image"))
        json_object_set_string_member (copy, "image", image);
      json_array_add_object_element (array, copy);
    }
  json_object_set_array_member (object, "items", array);

  return vt_json_write (root);
}

/* Each piece's problems, "field: message", by number. */
static GHashTable *
collect_problems (VtCatalog *catalog)
{
  GListModel *problems = vt_catalog_get_problems (catalog);
  GHashTable *by_number = g_hash_table_new_full (NULL, NULL, NULL,
                                                 (GDestroyNotify) g_ptr_array_unref);
  guint n = g_list_model_get_n_items (problems);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtProblem) problem = g_list_model_get_item (problems, i);
      guint number = vt_problem_get_number (problem);
      const char *field = vt_problem_get_field (problem);
      GPtrArray *list;

      if (number == 0)
        continue;
      list = g_hash_table_lookup (by_number, GUINT_TO_POINTER (number));
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_number, GUINT_TO_POINTER (number), list);
        }
      if (field != NULL)
        g_ptr_array_add (list, g_strdup_printf ("%s: %s", field,
                                                vt_problem_get_message (problem)));
      else
        g_ptr_array_add (list, g_strdup (vt_problem_get_message (problem)));
    }
  return by_number;
}

static const char *review_columns[] = {
  "number", "title", "state", "note", "who", "when", "problems",
};

static GString *
export_review_csv (VtCatalog     *catalog,
                   GListModel    *items,
                   VtReviewStore *reviews)
{
  g_autoptr(GHashTable) problems = collect_problems (catalog);
  GString *data = g_string_new (NULL);
  guint n_items = g_list_model_get_n_items (items);

  for (guint c = 0; c < G_N_ELEMENTS (review_columns); c++)
    g_string_append_printf (data, "%s%s", c > 0 ? "," : "", review_columns[c]);
  end_line (data);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (items, i);
      guint number = vt_item_get_number (item);
      const VtReviewEntry *entry = reviews != NULL ? vt_review_store_lookup (reviews, number) : NULL;
      GPtrArray *list = g_hash_table_lookup (problems, GUINT_TO_POINTER (number));
      g_autofree char *number_text = int_or_empty (number);

      g_string_append (data, number_text);
      g_string_append_c (data, ',');
      vt_csv_append_field (data, vt_item_get_title (item));
      g_string_append_c (data, ',');
      g_string_append (data, vt_review_state_to_string (vt_item_get_review_state (item)));
      g_string_append_c (data, ',');
      vt_csv_append_field (data, entry != NULL ? entry->note : NULL);
      g_string_append_c (data, ',');
      vt_csv_append_field (data, entry != NULL ? entry->who : NULL);
      g_string_append_c (data, ',');
      vt_csv_append_field (data, entry != NULL ? entry->when : NULL);
      g_string_append_c (data, ',');
      if (list != NULL)
        {
          g_ptr_array_add (list, NULL);
          {
            g_autofree char *joined = g_strjoinv ("; ", (char **) list->pdata);

            vt_csv_append_field (data, joined);
          }
          g_ptr_array_remove_index (list, list->len - 1);
        }
      end_line (data);
    }
  return data;
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static GString *
export_review_json (VtCatalog     *catalog,
                    GListModel    *items,
                    VtReviewStore *reviews)
{
  g_autoptr(GHashTable) problems = collect_problems (catalog);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n_items = g_list_model_get_n_items (items);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "vitrine-review-report");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  add_optional_string (builder, "collection", vt_catalog_get_name (catalog));
  json_builder_set_member_name (builder, "pieces");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (items, i);
      guint number = vt_item_get_number (item);
      const VtReviewEntry *entry = reviews != NULL ? vt_review_store_lookup (reviews, number) : NULL;
      GPtrArray *list = g_hash_table_lookup (problems, GUINT_TO_POINTER (number));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, number);
      add_optional_string (builder, "title", vt_item_get_title (item));
      add_optional_string (builder, "state",
                           vt_review_state_to_string (vt_item_get_review_state (item)));
      add_optional_string (builder, "note", entry != NULL ? entry->note : NULL);
      add_optional_string (builder, "who", entry != NULL ? entry->who : NULL);
      add_optional_string (builder, "when", entry != NULL ? entry->when : NULL);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint p = 0; list != NULL && p < list->len; p++)
        json_builder_add_string_value (builder, g_ptr_array_index (list, p));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return vt_json_write (root);
}

GString *
vt_export_to_data (VtExportFormat  format,
                   VtCatalog      *catalog,
                   GListModel     *items,
                   VtReviewStore  *reviews,
                   GFile          *dest)
{
  GString *data = NULL;

  g_return_val_if_fail (VT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  switch (format)
    {
    case VT_EXPORT_CSV:
      data = export_csv (catalog, items, dest);
      break;
    case VT_EXPORT_CATALOG:
      data = export_catalog (catalog, items, dest);
      g_string_append_c (data, '\n');
      break;
    case VT_EXPORT_REVIEW_CSV:
      data = export_review_csv (catalog, items, reviews);
      break;
    case VT_EXPORT_REVIEW_JSON:
      data = export_review_json (catalog, items, reviews);
      g_string_append_c (data, '\n');
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  return data;
}

gboolean
vt_export_save (VtExportFormat  format,
                VtCatalog      *catalog,
                GListModel     *items,
                VtReviewStore  *reviews,
                GFile          *dest,
                GError        **error)
{
  g_autoptr(GString) data = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  path = g_file_get_path (dest);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (dest);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: cannot be written: choose a file on this computer"), name);
      return FALSE;
    }
  data = vt_export_to_data (format, catalog, items, reviews, dest);
  return vt_file_write_atomic (path, data->str, data->len, 0644, VT_FILE_WRITE_NONE, error);
}

static void
append_part (GString    *text,
             const char *part)
{
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

static void
append_int_range (GString    *text,
                  VtQuery    *query,
                  VtRangeKey  key)
{
  const char *label = vt_range_key_get_label (key);
  g_autofree char *part = NULL;
  int min, max;

  if (!vt_query_get_int_range (query, key, &min, &max))
    return;
  if (min == max)
    part = g_strdup_printf ("%s %d", label, min);
  else if (min == G_MININT)
    part = g_strdup_printf ("%s ≤ %d", label, max);
  else if (max == G_MAXINT)
    part = g_strdup_printf ("%s ≥ %d", label, min);
  else
    /* Translators: a range filter, "Year 1950–1960" or "Impact 3–7" */
    part = g_strdup_printf (_("%s %d–%d"), label, min, max);
  append_part (text, part);
}

char *
vt_export_describe_query (VtQuery *query)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *search = vt_query_get_search (query);
  VtPrice min, max;
  gboolean has_min, has_max;

  g_return_val_if_fail (VT_IS_QUERY (query), NULL);

  if (search != NULL && *search != '\0')
    {
      /* Translators: the chip of a search, the words in your language's quotation marks */
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), search);

      append_part (text, quoted);
    }
  for (VtFacetKey key = 0; key < VT_N_FACETS; key++)
    {
      g_autofree const char **values = vt_query_get_facet_selection (query, key);
      g_autoptr(GString) part = NULL;

      if (values == NULL || values[0] == NULL)
        continue;
      part = g_string_new (vt_facet_key_get_label (key));
      g_string_append (part, ": ");
      for (guint i = 0; values[i] != NULL; i++)
        {
          /* Translators: between the values of one filter, "Region: Europe or Asia". */
          g_string_append (part, i > 0 ? _(" or ") : "");
          g_string_append (part, vt_facet_value_get_label (key, values[i]));
        }
      append_part (text, part->str);
    }
  append_int_range (text, query, VT_RANGE_IMPACT);
  append_int_range (text, query, VT_RANGE_YEAR);
  if (vt_query_get_price_range (query, &min, &has_min, &max, &has_max))
    {
      g_autofree char *min_text = has_min ? vt_price_format (&min) : NULL;
      g_autofree char *max_text = has_max ? vt_price_format (&max) : NULL;
      const char *label = vt_range_key_get_label (VT_RANGE_PRICE);
      g_autofree char *part = NULL;

      if (has_min && has_max)
        part = g_strdup_printf ("%s %s–%s", label, min_text, max_text);
      else if (has_min)
        part = g_strdup_printf ("%s ≥ %s", label, min_text);
      else
        part = g_strdup_printf ("%s ≤ %s", label, max_text);
      append_part (text, part);
    }

  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}
