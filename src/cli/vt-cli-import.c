/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-cli import: published piece pages into one catalog, new or merged. */

#define G_LOG_DOMAIN "vitrine-cli"

#include "config.h"

#include "vt-cli-common.h"
#include "vt-field.h"
#include "vt-page.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct
{
  const char *path;     /* as given */
  JsonObject *object;
  VtPageInfo  info;
  guint       number;
} Page;

static void
page_free (gpointer data)
{
  Page *page = data;

  json_object_unref (page->object);
  vt_page_info_clear (&page->info);
  g_free (page);
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  const Page *page_a = *(const Page * const *) a;
  const Page *page_b = *(const Page * const *) b;

  return (page_a->number > page_b->number) - (page_a->number < page_b->number);
}

/* The members a page gives: every known field but the image, which
 * follows them in the catalog's order. */
static gboolean
is_page_member (const char *name)
{
  const VtFieldInfo *info = vt_field_lookup_member (name);

  return info != NULL && info->field != VT_FIELD_IMAGE;
}

/* A copy of @object with "image" after the page's known members and
 * before its extra ones, as the catalog format orders them. */
static JsonObject *
object_with_image (JsonObject *object,
                   JsonNode   *image)
{
  JsonObject *copy = json_object_new ();
  gboolean placed = FALSE;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (strcmp (name, "image") == 0)
        continue;
      if (!placed && !is_page_member (name))
        {
          json_object_set_member (copy, "image", json_node_copy (image));
          placed = TRUE;
        }
      json_object_set_member (copy, name, json_node_copy (node));
    }
  if (!placed)
    json_object_set_member (copy, "image", json_node_copy (image));
  return copy;
}

/* Reads and parses every page; prints each failure. NULL if any failed. */
static GPtrArray *
read_pages (char **paths)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (page_free);
  g_autoptr(GHashTable) by_number = g_hash_table_new (NULL, NULL);
  gboolean failed = FALSE;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize length = 0;
      Page *page, *other;

      data = vt_cli_read_file (paths[i], VT_CLI_MAX_PAGE_SIZE, &length, &error);
      if (data == NULL)
        {
          vt_cli_file_error (error);
          failed = TRUE;
          continue;
        }

      page = g_new0 (Page, 1);
      page->path = paths[i];
      page->object = vt_page_parse (data, length, paths[i], &page->info, &error);
      if (page->object == NULL)
        {
          vt_cli_file_error (error);
          g_free (page);
          failed = TRUE;
          continue;
        }
      g_ptr_array_add (pages, page);

      if (!json_object_has_member (page->object, "number"))
        {
          g_printerr (_("%s: no “Number:” line; the catalog orders pieces by number"),
                      paths[i]);
          g_printerr ("\n");
          failed = TRUE;
          continue;
        }
      page->number = json_object_get_int_member (page->object, "number");
      other = g_hash_table_lookup (by_number, GUINT_TO_POINTER (page->number));
      if (other != NULL)
        {
          g_printerr (_("%s: number %u is already the number of %s"),
                      paths[i], page->number, other->path);
          g_printerr ("\n");
          failed = TRUE;
          continue;
        }
      g_hash_table_insert (by_number, GUINT_TO_POINTER (page->number), page);
    }

  if (failed)
    return NULL;
  g_ptr_array_sort (pages, compare_pages);
  return g_steal_pointer (&pages);
}

static int
strcmp_ptr (gconstpointer a,
            gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The file names in @dir, sorted, so the image found does not depend
 * on the order the file system lists them in. */
static GPtrArray *
list_folder (const char  *dir,
             GError     **error)
{
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("%s: is not a folder of images"), dir);
      return NULL;
    }
  folder = g_dir_open (dir, 0, &local_error);
  if (folder == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s: cannot be read: %s"), dir, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, strcmp_ptr);
  return g_steal_pointer (&names);
}

/* "056.jpg", else the first file whose name starts with "056" and no
 * further digit ("056-budapest.png"). */
static const char *
find_image (GPtrArray *names,
            guint      number)
{
  g_autofree char *prefix = g_strdup_printf ("%03u", number);
  g_autofree char *jpeg = g_strdup_printf ("%03u.jpg", number);
  gsize prefix_length = strlen (prefix);

  for (guint i = 0; i < names->len; i++)
    if (strcmp (g_ptr_array_index (names, i), jpeg) == 0)
      return g_ptr_array_index (names, i);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (g_str_has_prefix (name, prefix) && !g_ascii_isdigit (name[prefix_length])
          && name[0] != '.')
        return name;
    }
  return NULL;
}

/* The collection's name, total and currency, from the pages. */
static void
set_collection_from_pages (VtCatalog  *catalog,
                           GPtrArray  *pages,
                           const char *name)
{
  const char *currency = NULL;
  guint total = 0;

  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = g_ptr_array_index (pages, i);

      if (name == NULL && json_object_has_member (page->object, "group"))
        name = json_object_get_string_member (page->object, "group");
      if (currency == NULL)
        currency = page->info.currency;
      total = MAX (total, page->info.total);
    }
  vt_catalog_set_collection (catalog, name, total, currency);
}

int
vt_cli_import (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *images = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean force = FALSE;
  gboolean merge = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the catalog to CATALOG instead of the standard output; a name ending in "
         ".vitrine.json, such as genesis.vitrine.json, lets the desktop open it with Vitrine"),
      N_("CATALOG") },
    { "images", 0, 0, G_OPTION_ARG_FILENAME, &images,
      N_("Take each piece’s image from DIR (NNN.jpg, or the file whose name starts with the 3-digit number)"),
      N_("DIR") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("Name the collection (by default, the pages’ Group)"), N_("NAME") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace CATALOG if it exists"), NULL },
    { "merge", 0, 0, G_OPTION_ARG_NONE, &merge,
      N_("Add the pages to the existing CATALOG; a page replaces the piece of the same number"),
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("PAGE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) image_names = NULL;
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(GFile) base_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_path = NULL;

  context = vt_cli_option_context_new (NULL,
                                       _("Reads published piece pages into one catalog, "
                                         "ordered by number."),
                                       entries);
  if (!vt_cli_parse_options (context, &argc, &argv))
    return VT_CLI_EXIT_FAILURE;

  if (paths == NULL || paths[0] == NULL)
    {
      vt_cli_usage_error (_("no page given"));
      return VT_CLI_EXIT_FAILURE;
    }
  if (merge && output == NULL)
    {
      vt_cli_usage_error (_("--merge needs the catalog to merge into, given with -o CATALOG"));
      return VT_CLI_EXIT_FAILURE;
    }
  if (merge && force)
    {
      vt_cli_usage_error (_("--merge and --force cannot be used together"));
      return VT_CLI_EXIT_FAILURE;
    }
  if (output != NULL && !merge && !force && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      vt_cli_error (_("%s exists; add --force to replace it or --merge to add the pages to it"),
                    output);
      return VT_CLI_EXIT_FAILURE;
    }

  if (images != NULL)
    {
      image_names = list_folder (images, &error);
      if (image_names == NULL)
        {
          vt_cli_file_error (error);
          return VT_CLI_EXIT_FAILURE;
        }
    }

  pages = read_pages (paths);
  if (pages == NULL)
    {
      vt_cli_error (_("nothing was written"));
      return VT_CLI_EXIT_FAILURE;
    }

  if (output != NULL)
    {
      output_file = g_file_new_for_commandline_arg (output);
      base_dir = g_file_get_parent (output_file);
    }
  else
    {
      g_autofree char *cwd = g_get_current_dir ();

      base_dir = g_file_new_for_path (cwd);
    }
  base_path = g_file_get_path (base_dir);

  if (merge)
    {
      catalog = vt_cli_load_catalog (output, FALSE, &error);
      if (catalog == NULL)
        {
          vt_cli_file_error (error);
          vt_cli_error (_("nothing was written"));
          return VT_CLI_EXIT_FAILURE;
        }
      if (name != NULL)
        vt_catalog_set_collection (catalog, name, vt_catalog_get_total (catalog),
                                   vt_catalog_get_currency (catalog));
    }
  else
    {
      catalog = vt_catalog_new ();
      set_collection_from_pages (catalog, pages, name);
    }

  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = g_ptr_array_index (pages, i);
      g_autoptr(JsonObject) object = json_object_ref (page->object);
      g_autoptr(VtItem) item = NULL;
      g_autoptr(JsonNode) image = NULL;

      if (image_names != NULL)
        {
          const char *found = find_image (image_names, page->number);

          if (found != NULL)
            {
              g_autofree char *full = g_build_filename (images, found, NULL);
              g_autofree char *relative = vt_cli_relative_path (base_path, full);

              image = json_node_init_string (json_node_alloc (), relative);
            }
          else
            vt_cli_error (_("%s: no image for piece %u in %s"), page->path, page->number, images);
        }
      if (image == NULL && merge)
        {
          /* A page carries no image: the piece it replaces keeps its own. */
          VtItem *old = vt_catalog_lookup (catalog, page->number);
          JsonObject *old_object = old != NULL ? vt_item_get_json (old) : NULL;

          if (old_object != NULL && json_object_has_member (old_object, "image"))
            image = json_node_copy (json_object_get_member (old_object, "image"));
        }

      if (image != NULL)
        {
          JsonObject *with_image = object_with_image (object, image);

          json_object_unref (object);
          object = with_image;
        }

      item = vt_item_new_from_json (object, base_dir, NULL);
      vt_catalog_put_item (catalog, item);
    }

  if (output_file == NULL)
    {
      gsize length = 0;
      g_autofree char *data = vt_catalog_to_data (catalog, &length);

      vt_cli_write (data, length);
      return VT_CLI_EXIT_OK;
    }

  if (!vt_catalog_save (catalog, output_file, &error))
    {
      vt_cli_file_error (error);
      return VT_CLI_EXIT_FAILURE;
    }
  g_printerr (ngettext ("%s: %'u piece imported, %'u in the catalog",
                        "%s: %'u pieces imported, %'u in the catalog",
                        pages->len),
              output, pages->len, g_list_model_get_n_items (G_LIST_MODEL (catalog)));
  g_printerr ("\n");
  return VT_CLI_EXIT_OK;
}
