/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starts Vitrine: `vitrine [CATALOG...]`. */

#define G_LOG_DOMAIN "vitrine"

#include "config.h"

#include "vt-application.h"
#include "vt-dirs.h"

#include <glib/gi18n.h>
#include <locale.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VtApplication) app = NULL;
  g_autofree char *localedir = vt_dirs_dup_installed (LOCALEDIR);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
#ifdef VT_BUILD_ROOT
  {
    /* Run from the build tree: use the translations built there. */
    g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

    if (exe != NULL && g_str_has_prefix (exe, VT_BUILD_ROOT "/"))
      {
        bindtextdomain (GETTEXT_PACKAGE, VT_BUILD_ROOT "/po");
        g_setenv ("GSETTINGS_SCHEMA_DIR", VT_BUILD_ROOT "/data", FALSE);
      }
  }
#endif

  /* GSettings aborts on a missing schema: say what is wrong instead. */
  {
    g_autoptr(GSettingsSchema) schema =
      g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);

    if (schema == NULL)
      {
        g_printerr (_("Vitrine is not installed completely: the settings schema %s is missing. "
                      "Run “meson install”, or set GSETTINGS_SCHEMA_DIR to the folder that holds "
                      "gschemas.compiled.\n"), APP_ID);
        return 1;
      }
  }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = vt_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
