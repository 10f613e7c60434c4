/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the catalog loader, and that whatever loads saves and loads back the same. */

#include "config.h"

#include "vt-catalog.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The loader reads files: the input and its saved copy go to a folder
 * of our own, made once. */
static char *input_path;
static char *saved_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = g_dir_make_tmp ("vitrine-fuzz-catalog-XXXXXX", NULL);

  if (dir == NULL)
    abort ();
  input_path = g_build_filename (dir, "input.json", NULL);
  saved_path = g_build_filename (dir, "saved.json", NULL);
  return 0;
}

static VtCatalog *
load (const char  *path,
      const char  *data,
      gsize        length,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();

  /* Written in place, unsynced, for speed: GLib 2.74 does not truncate
   * a file it writes that way, so the last input goes first. */
  g_unlink (path);
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_NONE, 0666, NULL))
    abort ();
  if (!vt_catalog_load (catalog, file, NULL, error))
    return NULL;
  return g_steal_pointer (&catalog);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(VtCatalog) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize saved_length, saved_again_length;

  catalog = load (input_path, (const char *) data, size, &error);
  if (catalog == NULL)
    {
      /* Every refusal says why, naming the file. */
      if (error == NULL || error->domain != VT_CATALOG_ERROR
          || strstr (error->message, "input.json") == NULL)
        abort ();
      return 0;
    }

  /* Whatever loads saves to a file that loads back with the same data. */
  saved = vt_catalog_to_data (catalog, &saved_length);
  reloaded = load (saved_path, saved, saved_length, &error);
  if (reloaded == NULL)
    {
      g_printerr ("The saved catalog does not load: %s\n%s\n", error->message, saved);
      abort ();
    }
  saved_again = vt_catalog_to_data (reloaded, &saved_again_length);
  if (saved_length != saved_again_length || memcmp (saved, saved_again, saved_length) != 0
      || g_list_model_get_n_items (G_LIST_MODEL (catalog))
         != g_list_model_get_n_items (G_LIST_MODEL (reloaded))
      || g_strcmp0 (vt_catalog_get_name (catalog), vt_catalog_get_name (reloaded)) != 0
      || g_strcmp0 (vt_catalog_get_currency (catalog), vt_catalog_get_currency (reloaded)) != 0
      || vt_catalog_get_total (catalog) != vt_catalog_get_total (reloaded))
    {
      g_printerr ("The saved catalog loads back different:\n%s\n---\n%s\n", saved, saved_again);
      abort ();
    }

  return 0;
}
