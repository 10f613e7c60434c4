/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Editing a catalog: applying edits, undo and redo, what is not saved yet. */

#define G_LOG_DOMAIN "vitrine-catalog"

#include "config.h"

#include "vt-catalog.h"
#include "vt-catalog-private.h"
#include "vt-edit.h"

/*
 * Each applied edit is a step (vt-catalog-private.h) that says which item
 * left which position and which came in where, so undo and redo only
 * swap items back and forth (vt_catalog_swap_items()); undo and redo
 * run in stack order, so the positions a step recorded are right when
 * it runs again. Each step gets a serial: the one on top of the undo
 * stack when the catalog was saved marks the saved state, so undoing
 * back to it makes the catalog unmodified again.
 */

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
} HistoryState;

void
vt_catalog_history_init (VtCatalogHistory *history)
{
  history->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_catalog_step_free);
  history->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_catalog_step_free);
}

void
vt_catalog_history_clear (VtCatalogHistory *history)
{
  g_clear_pointer (&history->undo, g_ptr_array_unref);
  g_clear_pointer (&history->redo, g_ptr_array_unref);
}

static VtCatalogStep *
top (GPtrArray *steps)
{
  return steps->len > 0 ? g_ptr_array_index (steps, steps->len - 1) : NULL;
}

static guint
current_serial (VtCatalogHistory *history)
{
  VtCatalogStep *step = top (history->undo);

  return step != NULL ? step->serial : 0;
}

static HistoryState
history_state (VtCatalog *self)
{
  VtCatalogHistory *history = vt_catalog_get_history (self);

  return (HistoryState) {
    .can_undo = history->undo->len > 0,
    .can_redo = history->redo->len > 0,
    .modified = current_serial (history) != history->saved_serial,
  };
}

/* Notifies what changed since @before. */
static void
history_changed (VtCatalog    *self,
                 HistoryState  before)
{
  HistoryState now = history_state (self);

  vt_catalog_notify_history (self,
                             now.can_undo != before.can_undo,
                             now.can_redo != before.can_redo,
                             now.modified != before.modified);
}

void
vt_catalog_history_reset (VtCatalog *self)
{
  VtCatalogHistory *history = vt_catalog_get_history (self);
  HistoryState before = history_state (self);

  g_ptr_array_set_size (history->undo, 0);
  g_ptr_array_set_size (history->redo, 0);
  history->saved_serial = 0;
  history_changed (self, before);
}

void
vt_catalog_history_mark_unsaved (VtCatalog *self,
                                 gboolean   forget)
{
  VtCatalogHistory *history = vt_catalog_get_history (self);
  HistoryState before = history_state (self);

  if (forget)
    {
      g_ptr_array_set_size (history->undo, 0);
      g_ptr_array_set_size (history->redo, 0);
    }
  /* No serial is ever this: no undo comes back to the saved state. */
  history->saved_serial = G_MAXUINT;
  history_changed (self, before);
}

guint
vt_catalog_history_get_serial (VtCatalog *self)
{
  return current_serial (vt_catalog_get_history (self));
}

void
vt_catalog_history_mark_saved (VtCatalog *self,
                               guint      serial)
{
  VtCatalogHistory *history = vt_catalog_get_history (self);
  HistoryState before = history_state (self);

  history->saved_serial = serial;
  history_changed (self, before);
}

gboolean
vt_catalog_apply_edit (VtCatalog  *self,
                       VtEdit     *edit,
                       GError    **error)
{
  VtCatalogHistory *history;
  HistoryState before;
  VtCatalogStep *step;

  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  history = vt_catalog_get_history (self);
  step = vt_edit_plan (edit, vt_catalog_get_item_array (self), vt_catalog_get_scope (self), error);
  if (step == NULL)
    return FALSE;
  if (step->before == NULL && step->after == NULL)
    {
      vt_catalog_step_free (step);
      return TRUE;
    }
  step->serial = ++history->last_serial;

  before = history_state (self);
  g_object_freeze_notify (G_OBJECT (self));
  g_ptr_array_add (history->undo, step);
  g_ptr_array_set_size (history->redo, 0);
  vt_catalog_swap_items (self, step->before, step->before_position, step->after, step->after_position);
  history_changed (self, before);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/* Moves the top step of @from to @to, undoing it (@undo) or redoing it. */
static gboolean
move_step (VtCatalog *self,
           GPtrArray *from,
           GPtrArray *to,
           gboolean   undo)
{
  HistoryState before;
  VtCatalogStep *step;

  if (from->len == 0)
    return FALSE;

  before = history_state (self);
  g_object_freeze_notify (G_OBJECT (self));
  step = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, step);
  if (undo)
    vt_catalog_swap_items (self, step->after, step->after_position, step->before, step->before_position);
  else
    vt_catalog_swap_items (self, step->before, step->before_position, step->after, step->after_position);
  history_changed (self, before);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

gboolean
vt_catalog_undo (VtCatalog *self)
{
  VtCatalogHistory *history;

  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);

  history = vt_catalog_get_history (self);
  return move_step (self, history->undo, history->redo, TRUE);
}

gboolean
vt_catalog_redo (VtCatalog *self)
{
  VtCatalogHistory *history;

  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);

  history = vt_catalog_get_history (self);
  return move_step (self, history->redo, history->undo, FALSE);
}

const char *
vt_catalog_get_undo_label (VtCatalog *self)
{
  VtCatalogStep *step;

  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  step = top (vt_catalog_get_history (self)->undo);
  return step != NULL ? step->label : NULL;
}

const char *
vt_catalog_get_redo_label (VtCatalog *self)
{
  VtCatalogStep *step;

  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  step = top (vt_catalog_get_history (self)->redo);
  return step != NULL ? step->label : NULL;
}

gboolean
vt_catalog_get_can_undo (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);

  return history_state (self).can_undo;
}

gboolean
vt_catalog_get_can_redo (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);

  return history_state (self).can_redo;
}

gboolean
vt_catalog_get_modified (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);

  return history_state (self).modified;
}

GPtrArray *
vt_catalog_check_item (VtCatalog *self,
                       VtItem    *item)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);
  g_return_val_if_fail (VT_IS_ITEM (item), NULL);

  return vt_catalog_find_item_problems (vt_catalog_get_item_array (self), item,
                                        vt_edit_get_origin (item),
                                        vt_catalog_get_currency (self),
                                        vt_catalog_get_total (self));
}
