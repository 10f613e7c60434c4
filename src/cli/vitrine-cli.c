/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-cli: the command-line companion; picks the command and runs it. */

#define G_LOG_DOMAIN "vitrine-cli"

#include "config.h"

#include "vt-cli-common.h"
#include "vt-dirs.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

/* One line per command, sorted by name. */
static const VtCliCommand commands[] = {
  { "edit",     vt_cli_edit,     N_("Change, add or remove pieces of a catalog") },
  { "export",   vt_cli_export,   N_("Write a view of a catalog as CSV, JSON, a review report or PDF") },
  { "import",   vt_cli_import,   N_("Make a catalog from published piece pages") },
  { "query",    vt_cli_query,    N_("Search, filter and sort the pieces of a catalog") },
  { "review",   vt_cli_review,   N_("List or record curators’ reviews of a catalog’s pieces") },
  { "thumbnails", vt_cli_thumbnails, N_("Make the cached thumbnails of a whole catalog") },
  { "validate", vt_cli_validate, N_("Report what is wrong or missing in a catalog") },
};

static char *
describe_commands (void)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));
  guint width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-*s  %s", (int) width, commands[i].name,
                            _(commands[i].summary));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Run “vitrine-cli COMMAND --help” for the options of a command."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  g_autofree char *localedir = vt_dirs_dup_installed (LOCALEDIR);
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
#ifdef VT_BUILD_ROOT
  {
    /* Run from the build tree: use the translations built there, as
     * vitrine does (po/LANG/LC_MESSAGES/vitrine.mo). */
    g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

    if (exe != NULL && g_str_has_prefix (exe, VT_BUILD_ROOT "/"))
      bindtextdomain (GETTEXT_PACKAGE, VT_BUILD_ROOT "/po");
  }
#endif
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && argv[1][0] != '-')
    {
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (strcmp (argv[1], commands[i].name) == 0)
          {
            g_autofree char *prgname = g_strdup_printf ("vitrine-cli %s", commands[i].name);

            g_set_prgname (prgname);
            return commands[i].run (argc - 1, argv + 1);
          }
    }

  g_set_prgname ("vitrine-cli");
  context = vt_cli_option_context_new (_("COMMAND [ARGUMENT…]"),
                                       _("Imports, checks and queries Vitrine catalogs."),
                                       entries);
  description = describe_commands ();
  g_option_context_set_description (context, description);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!vt_cli_parse_options (context, &argc, &argv))
    return VT_CLI_EXIT_FAILURE;

  if (version)
    {
      /* not translated: the program's name and version */
      vt_cli_printf ("vitrine-cli %s\n", PACKAGE_VERSION);
      return VT_CLI_EXIT_OK;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return VT_CLI_EXIT_FAILURE;
    }

  vt_cli_usage_error (_("“%s” is not a command"), argv[1]);
  return VT_CLI_EXIT_FAILURE;
}
