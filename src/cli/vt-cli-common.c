/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the commands of vitrine-cli share: option parsing, messages, output, loading. */

#define G_LOG_DOMAIN "vitrine-cli"

#include "config.h"

#include "vt-cli-common.h"

#include "vt-export.h"
#include "vt-json-check.h"
#include "vt-review-store.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

GOptionContext *
vt_cli_option_context_new (const char         *parameters,
                           const char         *summary,
                           const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

gboolean
vt_cli_parse_options (GOptionContext   *context,
                      int              *argc,
                      char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      vt_cli_usage_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
print_prefixed (const char *format,
                va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_printerr ("%s: %s\n", g_get_prgname (), message);
}

void
vt_cli_error (const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  print_prefixed (format, args);
  va_end (args);
}

void
vt_cli_usage_error (const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  print_prefixed (format, args);
  va_end (args);
  /* Translators: %s is the command, "vitrine-cli import". */
  g_printerr (_("Try “%s --help” for more information."), g_get_prgname ());
  g_printerr ("\n");
}

void
vt_cli_file_error (const GError *error)
{
  g_printerr ("%s\n", error->message);
}

void
vt_cli_write (const char *data,
              gssize      length)
{
  if (length < 0)
    length = strlen (data);
  fwrite (data, 1, length, stdout);
}

void
vt_cli_printf (const char *format,
               ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  vt_cli_write (text, -1);
}

guint
vt_cli_text_width (const char *text)
{
  guint width = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return strlen (text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

char *
vt_cli_read_file (const char  *path,
                  goffset      max_size,
                  gsize       *length,
                  GError     **error)
{
  GStatBuf st;
  char *data = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("%s: no such file"), path);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("%s: cannot be read: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: is a folder, not a file"), path);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      /* A fifo or a device could block or never end. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: is not a regular file"), path);
      return NULL;
    }
  if (max_size > 0 && st.st_size > max_size)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *limit = g_format_size (max_size);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("%s: is too big (%s; at most %s)"), path, size, limit);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s: cannot be read: %s"), path, local_error->message);
      return NULL;
    }
  return data;
}

VtCatalog *
vt_cli_load_catalog (const char  *path,
                     gboolean     allow_outside,
                     GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();

  vt_catalog_set_allow_outside (catalog, allow_outside);
  if (vt_catalog_load (catalog, file, NULL, &local_error))
    return g_steal_pointer (&catalog);

  /* The catalog names its file in full; name it as the user gave it. */
  if (g_str_has_prefix (local_error->message, parse_name))
    {
      g_autofree char *message = g_strconcat (path,
                                              local_error->message + strlen (parse_name),
                                              NULL);

      g_set_error_literal (error, local_error->domain, local_error->code, message);
      return NULL;
    }
  if (strstr (local_error->message, basename) == NULL)
    g_prefix_error (&local_error, "%s: ", path);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

void
vt_cli_hint_outside (const char *path,
                     VtCatalog  *catalog)
{
  guint n_outside;

  if (vt_catalog_get_allow_outside (catalog))
    return;
  n_outside = vt_catalog_count_outside_images (catalog);
  if (n_outside == 0)
    return;
  g_printerr (ngettext ("%s: %'u image lies outside the catalog’s folder and was not opened; "
                        "if you trust the catalog, allow it with --allow-outside",
                        "%s: %'u images lie outside the catalog’s folder and were not opened; "
                        "if you trust the catalog, allow them with --allow-outside",
                        n_outside),
              path, n_outside);
  g_printerr ("\n");
}

char *
vt_cli_relative_path (const char *base,
                      const char *path)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *abs_base = g_canonicalize_filename (base, cwd);
  g_autofree char *abs_path = g_canonicalize_filename (path, cwd);
  g_auto(GStrv) base_parts = g_strsplit (abs_base, G_DIR_SEPARATOR_S, -1);
  g_auto(GStrv) path_parts = g_strsplit (abs_path, G_DIR_SEPARATOR_S, -1);
  g_autoptr(GString) relative = g_string_new (NULL);
  guint common = 0;

  /* "/" splits into "", "": the empty parts never count. */
  while (base_parts[common] != NULL && path_parts[common] != NULL
         && strcmp (base_parts[common], path_parts[common]) == 0)
    common++;

  for (guint i = common; base_parts[i] != NULL; i++)
    if (*base_parts[i] != '\0')
      g_string_append (relative, ".." G_DIR_SEPARATOR_S);
  for (guint i = common; path_parts[i] != NULL; i++)
    {
      if (*path_parts[i] == '\0')
        continue;
      g_string_append (relative, path_parts[i]);
      if (path_parts[i + 1] != NULL)
        g_string_append_c (relative, G_DIR_SEPARATOR);
    }
  return g_string_free (g_steal_pointer (&relative), FALSE);
}

void
vt_cli_print_json (JsonNode *node)
{
  g_autoptr(GString) data = vt_json_write (node);

  g_string_append_c (data, '\n');
  vt_cli_write (data->str, data->len);
}

void
vt_cli_append_csv_field (GString    *line,
                         const char *text)
{
  vt_csv_append_field (line, text);
}

void
vt_cli_end_csv_line (GString *line)
{
  g_string_append (line, "\r\n");
  vt_cli_write (line->str, line->len);
  g_string_truncate (line, 0);
}

void
vt_cli_query_options_clear (VtCliQueryOptions *options)
{
  g_clear_pointer (&options->search, g_free);
  g_clear_pointer (&options->facets, g_strfreev);
  g_clear_pointer (&options->impact, g_free);
  g_clear_pointer (&options->price, g_free);
  g_clear_pointer (&options->year, g_free);
  g_clear_pointer (&options->sort, g_free);
}

/* "impact", "price:desc", "title:asc". */
static gboolean
parse_sort (const char *text,
            VtSortKey  *key,
            gboolean   *descending)
{
  g_autofree char *name = g_strdup (text);
  char *colon = strchr (name, ':');

  *descending = FALSE;
  if (colon != NULL)
    {
      *colon = '\0';
      if (g_ascii_strcasecmp (colon + 1, "desc") == 0)
        *descending = TRUE;
      else if (g_ascii_strcasecmp (colon + 1, "asc") != 0)
        return FALSE;
    }
  return vt_sort_key_from_string (name, key);
}

/* Whether @value is one the curators' facet @key has (any value is one
 * a field facet may have). */
static gboolean
curator_value_known (VtFacetKey  key,
                     const char *value)
{
  VtReviewState state;

  if (key == VT_FACET_REVIEW)
    return vt_review_state_from_string (value, &state);
  if (key == VT_FACET_PROBLEMS)
    return g_str_equal (value, VT_FACET_VALUE_HAS_PROBLEMS) || g_str_equal (value, VT_FACET_VALUE_NO_PROBLEMS);
  return TRUE;
}

static gboolean
apply_facets (VtQuery  *query,
              char    **facets)
{
  for (guint i = 0; facets != NULL && facets[i] != NULL; i++)
    {
      const char *equals = strchr (facets[i], '=');
      g_autofree char *name = NULL;
      VtFacetKey key;

      if (equals == NULL || equals[1] == '\0')
        {
          vt_cli_usage_error (_("--facet %s: give it as KEY=VALUE, like region=Europe"),
                              facets[i]);
          return FALSE;
        }
      name = g_strndup (facets[i], equals - facets[i]);
      if (!vt_facet_key_from_string (name, &key))
        {
          g_autoptr(GString) keys = g_string_new (NULL);

          for (guint k = 0; k < VT_N_FACETS; k++)
            g_string_append_printf (keys, "%s%s", k > 0 ? ", " : "",
                                    vt_facet_key_to_string (k));
          vt_cli_usage_error (_("--facet %s: “%s” is not a facet; the facets are %s"),
                              facets[i], name, keys->str);
          return FALSE;
        }
      if (!curator_value_known (key, equals + 1))
        {
          /* Translators: the first %s is what was given ("review=done"),
           * the second the facet ("review"), the third its values */
          vt_cli_usage_error (_("--facet %s: %s is one of %s"), facets[i], name,
                              /* not translated: the values as they are typed */
                              key == VT_FACET_REVIEW ? "not-reviewed, approved, needs-changes"
                                                     : VT_FACET_VALUE_HAS_PROBLEMS ", " VT_FACET_VALUE_NO_PROBLEMS);
          return FALSE;
        }
      vt_query_set_facet_selected (query, key, equals + 1, TRUE);
    }
  return TRUE;
}

static gboolean
apply_int_range (VtQuery    *query,
                 VtRangeKey  key,
                 const char *option,
                 const char *text)
{
  g_autoptr(GError) error = NULL;
  int min, max;

  if (text == NULL)
    return TRUE;
  if (!vt_parse_int_range (text, &min, &max, &error))
    {
      vt_cli_usage_error ("%s %s: %s", option, text, error->message);
      return FALSE;
    }
  vt_query_set_int_range (query, key, min, max);
  return TRUE;
}

/* "0.5..2 ETH", "..1.5", "2 ETH..", "0.7 ETH", read as the core reads them. */
static gboolean
apply_price_range (VtQuery    *query,
                   const char *text)
{
  g_autoptr(GError) error = NULL;
  VtPrice min, max;
  gboolean has_min, has_max;

  if (text == NULL)
    return TRUE;
  if (!vt_parse_price_range (text, &min, &has_min, &max, &has_max, &error))
    {
      /* not translated: the option as typed */
      vt_cli_usage_error ("--price %s: %s", text, error->message);
      return FALSE;
    }
  vt_query_set_price_range (query, has_min ? &min : NULL, has_max ? &max : NULL);
  return TRUE;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      sorter)
{
  return vt_sorter_compare (sorter, *(VtItem * const *) a, *(VtItem * const *) b);
}

GPtrArray *
vt_cli_match_and_sort (GListModel *items,
                       VtQuery    *query,
                       VtSorter   *sorter)
{
  guint n_items = g_list_model_get_n_items (items);
  GPtrArray *matched = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (items, i);

      if (vt_query_match (query, item))
        g_ptr_array_add (matched, g_steal_pointer (&item));
    }
  g_ptr_array_sort_with_data (matched, compare_items, sorter);

  return matched;
}

gboolean
vt_cli_query_options_apply (VtCliQueryOptions  *options,
                            VtQuery           **query,
                            VtSorter          **sorter)
{
  g_autoptr(VtQuery) new_query = vt_query_new ();
  VtSortKey sort_key = VT_SORT_NUMBER;
  gboolean descending = FALSE;

  if (options->sort != NULL && !parse_sort (options->sort, &sort_key, &descending))
    {
      vt_cli_usage_error (_("--sort %s: use impact, price, year, number or title, "
                            "with :asc or :desc after it if you like"),
                          options->sort);
      return FALSE;
    }

  if (options->search != NULL)
    vt_query_set_search (new_query, options->search);
  if (!apply_facets (new_query, options->facets)
      || !apply_int_range (new_query, VT_RANGE_IMPACT, "--impact", options->impact)
      || !apply_int_range (new_query, VT_RANGE_YEAR, "--year", options->year)
      || !apply_price_range (new_query, options->price))
    return FALSE;

  *query = g_steal_pointer (&new_query);
  *sorter = vt_sorter_new (sort_key, descending);
  return TRUE;
}

gboolean
vt_cli_load_curator_facets (VtCatalog      *catalog,
                            VtQuery        *query,
                            VtCliReviews    reviews_for,
                            gboolean        want_problems,
                            VtReviewStore **reviews,
                            GError        **error)
{
  g_autofree const char **states = vt_query_get_facet_selection (query, VT_FACET_REVIEW);
  g_autofree const char **problems = vt_query_get_facet_selection (query, VT_FACET_PROBLEMS);

  *reviews = NULL;
  if (reviews_for != VT_CLI_REVIEWS_TO_SELECT || states[0] != NULL)
    {
      g_autoptr(VtReviewStore) store = vt_review_store_new (catalog);
      g_autoptr(GError) local_error = NULL;

      if (!vt_review_store_load (store, NULL, &local_error))
        {
          /* Wanted only for their counts, broken reviews are left out of
           * them, and the rest is counted, as the window opens the
           * catalog all the same. */
          if (reviews_for != VT_CLI_REVIEWS_TO_COUNT || states[0] != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* Translators: vitrine-cli query --facets; %s says why, with the file's name */
          g_printerr (_("The reviews could not be read, so they are not counted: %s\n"), local_error->message);
        }
      else
        *reviews = g_steal_pointer (&store);
    }
  if (want_problems || problems[0] != NULL)
    vt_catalog_validate (catalog);
  return TRUE;
}

gboolean
vt_cli_check_one_catalog (char **paths)
{
  if (paths == NULL || paths[0] == NULL)
    {
      vt_cli_usage_error (_("no catalog given"));
      return FALSE;
    }
  if (paths[1] != NULL)
    {
      vt_cli_usage_error (_("one catalog at a time, not “%s” too"), paths[1]);
      return FALSE;
    }
  return TRUE;
}
