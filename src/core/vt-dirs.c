/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The folders Vitrine installs into, found from where the running program
 * is: a staged install (meson install --destdir) runs with its own
 * translations and sample, not with those of another copy. */

#define G_LOG_DOMAIN "vitrine-dirs"

#include "config.h"

#include "vt-dirs.h"

#include <string.h>

char *
vt_dirs_dup_install_root (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = NULL;
  gsize length;

  if (exe == NULL)
    return NULL;

  /* BINDIR is absolute: a match at the end starts at a '/'. */
  exe_dir = g_path_get_dirname (exe);
  if (!g_str_has_suffix (exe_dir, BINDIR))
    return NULL;

  length = strlen (exe_dir) - strlen (BINDIR);
  return g_strndup (exe_dir, length);
}

char *
vt_dirs_dup_installed (const char *dir)
{
  g_autofree char *root = vt_dirs_dup_install_root ();
  g_autofree char *relocated = NULL;

  g_return_val_if_fail (g_path_is_absolute (dir), NULL);

  if (root == NULL || *root == '\0')
    return g_strdup (dir);

  relocated = g_strconcat (root, dir, NULL);
  if (!g_file_test (relocated, G_FILE_TEST_IS_DIR))
    return g_strdup (dir);
  return g_steal_pointer (&relocated);
}
