/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-cli validate: one line per problem of a catalog, for curators and scripts. */

#define G_LOG_DOMAIN "vitrine-cli"

#include "config.h"

#include "vt-cli-common.h"

#include <glib/gi18n.h>

/* The line each piece starts on, by its place in "items". */
static GHashTable *
lines_by_index (VtCatalog *catalog)
{
  GHashTable *lines = g_hash_table_new (NULL, NULL);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      if (vt_item_get_index (item) >= 0)
        g_hash_table_insert (lines, GINT_TO_POINTER (vt_item_get_index (item)),
                             GUINT_TO_POINTER (vt_item_get_line (item)));
    }
  return lines;
}

/* Prints the problems of the catalog at @path; returns the exit status. */
static int
validate_one (const char *path,
              gboolean    allow_outside)
{
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) lines = NULL;
  GListModel *problems;
  guint n_problems;

  catalog = vt_cli_load_catalog (path, allow_outside, &error);
  if (catalog == NULL)
    {
      vt_cli_file_error (error);
      return VT_CLI_EXIT_FAILURE;
    }

  vt_catalog_validate (catalog);
  problems = vt_catalog_get_problems (catalog);
  n_problems = g_list_model_get_n_items (problems);
  lines = lines_by_index (catalog);
  for (guint i = 0; i < n_problems; i++)
    {
      g_autoptr(VtProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *text = vt_problem_to_string (problem);
      int index = vt_problem_get_index (problem);
      guint line = 0;

      if (index >= 0)
        line = GPOINTER_TO_UINT (g_hash_table_lookup (lines, GINT_TO_POINTER (index)));

      /* "FILE:LINE: ...", as compilers say it, so editors jump to the piece. */
      if (line != 0)
        vt_cli_printf ("%s:%u: %s\n", path, line, text);
      else
        vt_cli_printf ("%s: %s\n", path, text);
    }

  if (n_problems == 0)
    {
      guint n_pieces = g_list_model_get_n_items (G_LIST_MODEL (catalog));

      /* Translators: the last line of "vitrine-cli validate" on a clean catalog, "catalog.json: 32 pieces, no problems" */
      g_printerr (ngettext ("%s: %'u piece, no problems", "%s: %'u pieces, no problems", n_pieces),
                  path, n_pieces);
      g_printerr ("\n");
      return VT_CLI_EXIT_OK;
    }
  g_printerr (ngettext ("%s: %'u problem", "%s: %'u problems", n_problems), path, n_problems);
  g_printerr ("\n");
  vt_cli_hint_outside (path, catalog);
  return VT_CLI_EXIT_PROBLEMS;
}

int
vt_cli_validate (int    argc,
                 char **argv)
{
  g_auto(GStrv) paths = NULL;
  gboolean allow_outside = FALSE;
  const GOptionEntry entries[] = {
    VT_CLI_ALLOW_OUTSIDE_ENTRY (allow_outside),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("CATALOG…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  int status = VT_CLI_EXIT_OK;

  context = vt_cli_option_context_new (NULL,
                                       _("Checks catalogs and prints one line per problem: "
                                         "missing titles, impacts outside 1-10, decades that "
                                         "disagree with the year, duplicate numbers, prices "
                                         "that do not parse, missing images…"),
                                       entries);
  description = g_strdup_printf (_("Exit status: %d when the catalogs have no problem, "
                                   "%d when problems were found, %d when a catalog "
                                   "cannot be read."),
                                 VT_CLI_EXIT_OK, VT_CLI_EXIT_PROBLEMS, VT_CLI_EXIT_FAILURE);
  g_option_context_set_description (context, description);
  if (!vt_cli_parse_options (context, &argc, &argv))
    return VT_CLI_EXIT_FAILURE;

  if (paths == NULL || paths[0] == NULL)
    {
      vt_cli_usage_error (_("no catalog given"));
      return VT_CLI_EXIT_FAILURE;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      int one = validate_one (paths[i], allow_outside);

      status = MAX (status, one);
    }
  return status;
}
