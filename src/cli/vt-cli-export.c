/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-cli export: a view of a catalog as a spreadsheet, a catalog, a review report or a printed PDF. */

#define G_LOG_DOMAIN "vitrine-cli"

#include "config.h"

#include "vt-cli-common.h"
#include "vt-export.h"
#include "vt-print-job.h"
#include "vt-review-store.h"
#include "vt-thumbnailer.h"

#include <glib/gi18n.h>

/* Pictures the PDF's workers keep in memory at most: a few pages' worth. */
#define PDF_MEMORY_LIMIT (64 * 1024 * 1024)

static gboolean
parse_paper (const char *name,
             double     *width,
             double     *height)
{
  if (name == NULL || g_ascii_strcasecmp (name, "a4") == 0)
    {
      *width = VT_PRINT_A4_WIDTH;
      *height = VT_PRINT_A4_HEIGHT;
    }
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    {
      *width = VT_PRINT_LETTER_WIDTH;
      *height = VT_PRINT_LETTER_HEIGHT;
    }
  else
    return FALSE;
  return TRUE;
}

static gboolean
write_pdf (VtCatalog     *catalog,
           GListModel    *items,
           VtQuery       *query,
           VtPrintLayout  layout,
           double         width,
           double         height,
           const char    *output)
{
  g_autofree char *filter = vt_export_describe_query (query);
  g_autoptr(VtPrintJob) job = vt_print_job_new (layout, catalog, items, filter);
  g_autoptr(VtThumbnailer) thumbnailer = vt_thumbnailer_new ();
  g_autoptr(GFile) dest = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;

  vt_thumbnailer_set_memory_limit (thumbnailer, PDF_MEMORY_LIMIT);
  if (!vt_print_job_write_pdf (job, thumbnailer, dest, width, height, NULL, &error))
    {
      vt_cli_file_error (error);
      return FALSE;
    }
  return TRUE;
}

int
vt_cli_export (int    argc,
               char **argv)
{
  g_auto(VtCliQueryOptions) options = { NULL };
  g_autofree char *format_name = NULL;
  g_autofree char *layout_name = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean allow_outside = FALSE;
  const GOptionEntry entries[] = {
    VT_CLI_ALLOW_OUTSIDE_ENTRY (allow_outside),
    VT_CLI_QUERY_ENTRIES (options),
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("Write a spreadsheet (csv), a catalog of the pieces (json), the curators’ review "
         "report (report-csv, report-json) or a printed catalogue or wall labels (pdf)"),
      N_("csv|json|report-csv|report-json|pdf") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout_name,
      N_("For pdf: a catalogue (default) or wall labels"), N_("catalogue|labels") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      N_("For pdf: the paper size (default: a4)"), N_("a4|letter") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (needed for pdf; otherwise the standard output)"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("CATALOG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(VtQuery) query = NULL;
  g_autoptr(VtSorter) sorter = NULL;
  g_autoptr(GPtrArray) matched = NULL;
  g_autoptr(GListStore) items = NULL;
  g_autoptr(VtReviewStore) reviews = NULL;
  g_autoptr(GError) error = NULL;
  VtExportFormat format = VT_EXPORT_CSV;
  VtPrintLayout layout = VT_PRINT_CATALOGUE;
  gboolean pdf = FALSE;
  double width, height;

  context = vt_cli_option_context_new (NULL,
                                       _("Writes the pieces of a catalog that match a search, "
                                         "facets and ranges, in the order asked for, as the "
                                         "window’s Export and Print do."),
                                       entries);
  if (!vt_cli_parse_options (context, &argc, &argv))
    return VT_CLI_EXIT_FAILURE;

  if (!vt_cli_check_one_catalog (paths))
    return VT_CLI_EXIT_FAILURE;
  if (format_name == NULL)
    {
      vt_cli_usage_error (_("say which format with --format"));
      return VT_CLI_EXIT_FAILURE;
    }
  if (g_strcmp0 (format_name, "pdf") == 0)
    pdf = TRUE;
  else if (!vt_export_format_from_string (format_name, &format))
    {
      vt_cli_usage_error (_("--format %s: use csv, json, report-csv, report-json or pdf"),
                          format_name);
      return VT_CLI_EXIT_FAILURE;
    }
  if (layout_name != NULL && !vt_print_layout_from_string (layout_name, &layout))
    {
      vt_cli_usage_error (_("--layout %s: use catalogue or labels"), layout_name);
      return VT_CLI_EXIT_FAILURE;
    }
  if (!parse_paper (paper, &width, &height))
    {
      vt_cli_usage_error (_("--paper %s: use a4 or letter"), paper);
      return VT_CLI_EXIT_FAILURE;
    }
  if ((layout_name != NULL || paper != NULL) && !pdf)
    {
      vt_cli_usage_error (_("--layout and --paper are for --format pdf"));
      return VT_CLI_EXIT_FAILURE;
    }
  if (pdf && output == NULL)
    {
      vt_cli_usage_error (_("a PDF needs a file to go to: give it with -o FILE"));
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
  vt_cli_hint_outside (paths[0], catalog);

  /* The reviews are read once, for the report and the facet alike. */
  if (!vt_cli_load_curator_facets (catalog, query,
                                   !pdf && vt_export_format_is_review (format) ? VT_CLI_REVIEWS_TO_SHOW
                                                                              : VT_CLI_REVIEWS_TO_SELECT,
                                   FALSE, &reviews, &error))
    {
      vt_cli_file_error (error);
      return VT_CLI_EXIT_FAILURE;
    }
  vt_sorter_set_currency (sorter, vt_catalog_get_currency (catalog));
  matched = vt_cli_match_and_sort (G_LIST_MODEL (catalog), query, sorter);
  items = g_list_store_new (VT_TYPE_ITEM);
  g_list_store_splice (items, 0, 0, matched->pdata, matched->len);

  if (pdf)
    return write_pdf (catalog, G_LIST_MODEL (items), query, layout, width, height, output)
           ? VT_CLI_EXIT_OK : VT_CLI_EXIT_FAILURE;

  if (output != NULL)
    {
      g_autoptr(GFile) dest = g_file_new_for_commandline_arg (output);

      if (!vt_export_save (format, catalog, G_LIST_MODEL (items), reviews, dest, &error))
        {
          vt_cli_file_error (error);
          return VT_CLI_EXIT_FAILURE;
        }
    }
  else
    {
      /* Images are written relative to the folder the data is read in. */
      g_autoptr(GFile) here = g_file_new_for_commandline_arg ("-");
      g_autoptr(GString) data = vt_export_to_data (format, catalog, G_LIST_MODEL (items),
                                                   reviews, here);

      vt_cli_write (data->str, data->len);
    }
  return VT_CLI_EXIT_OK;
}
