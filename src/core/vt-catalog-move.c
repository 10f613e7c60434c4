/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A catalog saved into another folder: its pieces' images are found there from then on. */

#define G_LOG_DOMAIN "vitrine-catalog"

#include "config.h"

#include "vt-catalog-private.h"
#include "vt-item-private.h"

/*
 * The pieces are copied in the save's worker, each image found in the
 * new folder (a realpath() per piece), and checked there: at 100,000
 * pieces that is most of a second the window keeps drawing through. An
 * edit made while the save ran gives a piece the worker never saw; it is
 * moved when the move is applied, and the problems are then found again.
 */

struct _VtCatalogMove
{
  GFile        *folder;
  VtImageScope *scope;
  GPtrArray    *items;             /* VtItem, the catalog's pieces when made */
  GPtrArray    *catalog_problems;  /* nullable */
  char         *currency;
  guint         total;

  GHashTable   *moved;             /* VtItem → VtItem in @scope */
  GPtrArray    *problems;          /* of the moved @items; NULL before the run */
};

VtCatalogMove *
vt_catalog_move_new (VtCatalog *self,
                     GFile     *folder)
{
  GFile *base_dir = vt_catalog_get_base_dir (self);
  GPtrArray *items = vt_catalog_get_item_array (self);
  GPtrArray *catalog_problems = vt_catalog_get_catalog_problems (self);
  VtCatalogMove *move;

  if (folder == NULL || (base_dir != NULL && g_file_equal (base_dir, folder)))
    return NULL;

  move = g_new0 (VtCatalogMove, 1);
  move->folder = g_object_ref (folder);
  move->scope = vt_image_scope_new (folder);
  vt_image_scope_set_allow_outside (move->scope, vt_catalog_get_allow_outside (self));
  move->items = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (move->items, g_object_ref (g_ptr_array_index (items, i)));
  move->catalog_problems = catalog_problems != NULL ? g_ptr_array_ref (catalog_problems) : NULL;
  move->currency = g_strdup (vt_catalog_get_currency (self));
  move->total = vt_catalog_get_total (self);
  move->moved = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  return move;
}

void
vt_catalog_move_free (VtCatalogMove *move)
{
  g_clear_object (&move->folder);
  g_clear_pointer (&move->scope, vt_image_scope_unref);
  g_clear_pointer (&move->items, g_ptr_array_unref);
  g_clear_pointer (&move->catalog_problems, g_ptr_array_unref);
  g_free (move->currency);
  g_clear_pointer (&move->moved, g_hash_table_unref);
  g_clear_pointer (&move->problems, g_ptr_array_unref);
  g_free (move);
}

/* The piece @item as moved: the one moved already, else a new one. */
static VtItem *
moved_item (VtCatalogMove *move,
            VtItem        *item)
{
  VtItem *copy;

  if (item == NULL)
    return NULL;
  copy = g_hash_table_lookup (move->moved, item);
  if (copy == NULL)
    {
      copy = vt_item_new_moved (item, move->scope);
      g_hash_table_insert (move->moved, item, copy);
    }
  return copy;
}

void
vt_catalog_move_run (VtCatalogMove *move)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new_full (move->items->len, NULL);

  for (guint i = 0; i < move->items->len; i++)
    g_ptr_array_add (moved, moved_item (move, g_ptr_array_index (move->items, i)));
  /* Quietly: nobody shows the moved pieces yet. */
  move->problems = vt_catalog_find_problems (moved, move->catalog_problems, move->currency,
                                             move->total, FALSE, FALSE, NULL);
}

static void
move_steps (VtCatalogMove *move,
            GPtrArray     *steps)
{
  for (guint i = 0; i < steps->len; i++)
    {
      VtCatalogStep *step = g_ptr_array_index (steps, i);

      g_set_object (&step->before, moved_item (move, step->before));
      g_set_object (&step->after, moved_item (move, step->after));
    }
}

void
vt_catalog_move_apply (VtCatalog     *self,
                       VtCatalogMove *move)
{
  GPtrArray *items = vt_catalog_get_item_array (self);
  VtCatalogHistory *history = vt_catalog_get_history (self);
  gboolean as_run = move->problems != NULL && items->len == move->items->len
                    && g_strcmp0 (move->currency, vt_catalog_get_currency (self)) == 0
                    && move->total == vt_catalog_get_total (self)
                    && move->catalog_problems == vt_catalog_get_catalog_problems (self);

  for (guint i = 0; i < items->len; i++)
    {
      VtItem *item = g_ptr_array_index (items, i);

      VtItem *copy = moved_item (move, item);

      as_run = as_run && item == g_ptr_array_index (move->items, i);
      /* Its review, and the source the save just gave it, came after
       * the copy. */
      vt_item_copy_state (copy, item);
      g_ptr_array_index (items, i) = g_object_ref (copy);
      g_object_unref (item);
    }
  move_steps (move, history->undo);
  move_steps (move, history->redo);

  /* The problems found in the worker are those of these pieces only if
   * nothing changed since. */
  vt_catalog_moved (self, move->folder, move->scope, as_run ? move->problems : NULL);
}
