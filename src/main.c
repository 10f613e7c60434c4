/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starts Vitrine: `vitrine [CATALOG...]`. */

#define G_LOG_DOMAIN "vitrine"

#include "config.h"

#include "vt-application.h"

#include <glib/gi18n.h>
#include <locale.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VtApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
#ifdef VT_BUILD_ROOT
  {
    /* Run from the build tree: use the translations built there. */
    g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

    if (exe != NULL && g_str_has_prefix (exe, VT_BUILD_ROOT "/"))
      bindtextdomain (GETTEXT_PACKAGE, VT_BUILD_ROOT "/po");
  }
#endif
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = vt_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
