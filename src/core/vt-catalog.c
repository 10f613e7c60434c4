/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A collection loaded from a catalog file: a GListModel of VtItem that saves back losslessly. */

#define G_LOG_DOMAIN "vitrine-catalog"

#include "config.h"

#include "vt-catalog.h"
#include "vt-catalog-private.h"
#include "vt-item-private.h"

#include <glib/gi18n-lib.h>

/*
 * The object, its properties and the main thread's side of a load. The
 * load's work runs in vt-catalog-load.c, in a worker thread for
 * vt_catalog_load_async(); the rules pieces are checked against are in
 * vt-catalog-validate.c. Only when a load succeeded does the main thread
 * swap the new items in, in one items-changed; a failed load leaves the
 * catalog as it was.
 *
 * The parsed root object is kept: saving writes it back with the
 * current items in place of "items", so members the program does not
 * know stay, in their order, at every level, over the text of the file
 * the catalog was loaded from (vt-catalog-save.c).
 *
 * Edits replace items, never change them (vt-edit.c plans them,
 * vt-catalog-edit.c keeps them for undo and redo); here they only swap
 * items in and out.
 */

G_DEFINE_QUARK (vt-catalog-error-quark, vt_catalog_error)

struct _VtCatalog
{
  GObject      parent_instance;

  GPtrArray   *items;           /* VtItem, in file order */
  GHashTable  *by_number;       /* number → first VtItem with it */
  GListStore  *problems;        /* VtProblem */
  GPtrArray   *catalog_problems;/* VtProblem of the file as a whole */

  GFile       *file;
  GFile       *base_dir;
  VtImageScope *scope;          /* the items', nullable before a load */
  JsonObject  *root;
  JsonObject  *collection;
  char        *name;
  char        *currency;
  guint        total;

  goffset      max_size;
  gboolean     allow_outside;
  gboolean     headers_read;    /* by vt_catalog_validate() since the load */
  double       progress;
  guint        n_loading;
  guint        generation;

  VtCatalogHistory history;     /* vt-catalog-edit.c */
  VtCatalogSaveState save_state;/* vt-catalog-save.c */
};

enum
{
  PROP_0,
  PROP_FILE,
  PROP_BASE_DIR,
  PROP_NAME,
  PROP_TOTAL,
  PROP_CURRENCY,
  PROP_PROGRESS,
  PROP_LOADING,
  PROP_MAX_SIZE,
  PROP_N_ITEMS,
  PROP_ALLOW_OUTSIDE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void vt_catalog_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VtCatalog, vt_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, vt_catalog_list_model_init))

/* {{{ GListModel */

static GType
vt_catalog_get_item_type (GListModel *model)
{
  return VT_TYPE_ITEM;
}

static guint
vt_catalog_get_n_items (GListModel *model)
{
  return VT_CATALOG (model)->items->len;
}

static gpointer
vt_catalog_get_item (GListModel *model,
                     guint       position)
{
  VtCatalog *self = VT_CATALOG (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
vt_catalog_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vt_catalog_get_item_type;
  iface->get_n_items = vt_catalog_get_n_items;
  iface->get_item = vt_catalog_get_item;
}

/* }}} */
/* {{{ Loading */

static void
load_job_clear (VtCatalogLoadJob *job)
{
  g_clear_object (&job->catalog);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->file);
  g_clear_pointer (&job->name, g_free);
  g_clear_object (&job->base_dir);
  g_clear_pointer (&job->scope, vt_image_scope_unref);
  g_clear_pointer (&job->root, json_object_unref);
  g_clear_pointer (&job->collection, json_object_unref);
  g_clear_pointer (&job->collection_name, g_free);
  g_clear_pointer (&job->currency, g_free);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_pointer (&job->catalog_problems, g_ptr_array_unref);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
}

static VtCatalogLoadJob *
load_job_new (VtCatalog *self,
              GFile     *file,
              gboolean   in_thread)
{
  VtCatalogLoadJob *job = g_atomic_rc_box_new0 (VtCatalogLoadJob);

  job->catalog = g_object_ref (self);
  job->context = in_thread ? g_main_context_ref_thread_default () : NULL;
  job->file = g_object_ref (file);
  job->name = g_file_get_parse_name (file);
  job->max_size = self->max_size;
  job->allow_outside = self->allow_outside;
  job->generation = ++self->generation;
  return job;
}

static VtCatalogLoadJob *
load_job_ref (VtCatalogLoadJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
load_job_unref (gpointer job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) load_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtCatalogLoadJob, load_job_unref)

static void
set_progress (VtCatalog *self,
              double     progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static gboolean
progress_idle_cb (gpointer data)
{
  VtCatalogLoadJob *job = data;

  g_atomic_int_set (&job->progress_pending, 0);
  /* A newer load owns the progress now. */
  if (job->generation == job->catalog->generation && job->catalog->n_loading > 0)
    set_progress (job->catalog, g_atomic_int_get (&job->progress) / 1000.0);
  return G_SOURCE_REMOVE;
}

void
vt_catalog_load_job_report_progress (VtCatalogLoadJob *job,
                                     double            fraction)
{
  guint value = (guint) (CLAMP (fraction, 0.0, 1.0) * 1000);

  if (value < job->last_reported + 10 && value < 1000)
    return;
  job->last_reported = value;

  if (job->context == NULL)
    {
      set_progress (job->catalog, value / 1000.0);
      return;
    }

  g_atomic_int_set (&job->progress, (int) value);
  /* Not g_main_context_invoke(): it may run the callback right here. */
  if (g_atomic_int_compare_and_exchange (&job->progress_pending, 0, 1))
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_idle_cb, load_job_ref (job), load_job_unref);
      g_source_set_static_name (source, "[vitrine] catalog load progress");
      g_source_attach (source, job->context);
    }
}

static void
rebuild_index (VtCatalog *self)
{
  g_hash_table_remove_all (self->by_number);
  for (guint i = 0; i < self->items->len; i++)
    {
      VtItem *item = g_ptr_array_index (self->items, i);
      guint number = vt_item_get_number (item);

      if (number > 0 && !g_hash_table_contains (self->by_number, GUINT_TO_POINTER (number)))
        g_hash_table_insert (self->by_number, GUINT_TO_POINTER (number), item);
    }
}

static void
set_problems (VtCatalog *self,
              GPtrArray *problems)
{
  g_list_store_splice (self->problems, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                       problems->pdata, problems->len);
}

/* The name, total and currency properties, each notified when it changes. */
static void
set_collection_fields (VtCatalog  *self,
                       const char *name,
                       guint       total,
                       const char *currency)
{
  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
  if (g_strcmp0 (self->currency, currency) != 0)
    {
      g_free (self->currency);
      self->currency = g_strdup (currency);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
    }
}

/* On the main thread, after a successful load. */
static void
load_job_apply (VtCatalogLoadJob *job)
{
  VtCatalog *self = job->catalog;
  g_autoptr(GPtrArray) old_items = NULL;
  guint n_removed = self->items->len;

  g_object_freeze_notify (G_OBJECT (self));

  old_items = g_steal_pointer (&self->items);
  self->items = g_steal_pointer (&job->items);
  rebuild_index (self);

  g_clear_pointer (&self->root, json_object_unref);
  self->root = g_steal_pointer (&job->root);
  g_clear_pointer (&self->collection, json_object_unref);
  self->collection = g_steal_pointer (&job->collection);
  g_clear_pointer (&self->catalog_problems, g_ptr_array_unref);
  self->catalog_problems = g_steal_pointer (&job->catalog_problems);

  if (g_set_object (&self->file, job->file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  if (g_set_object (&self->base_dir, job->base_dir))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_DIR]);
  set_collection_fields (self, job->collection_name, job->total, job->currency);

  g_clear_pointer (&self->scope, vt_image_scope_unref);
  self->scope = g_steal_pointer (&job->scope);
  self->headers_read = FALSE;
  /* Allowed or refused while the load ran: its problems are out of date. */
  if (vt_image_scope_set_allow_outside (self->scope, self->allow_outside))
    {
      g_autoptr(GPtrArray) problems = NULL;

      problems = vt_catalog_find_problems (self->items, self->catalog_problems, self->currency,
                                           self->total, FALSE, FALSE, NULL);
      set_problems (self, problems);
    }
  else
    set_problems (self, job->problems);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_removed, self->items->len);
  if (n_removed != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  /* The steps name items of the old contents. */
  vt_catalog_history_reset (self);
  self->save_state.stamp = job->stamp;
  self->save_state.source = job->stamp.known ? job->source : 0;
  self->save_state.keep_backup = TRUE;
  self->save_state.n_loads++;

  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
vt_catalog_load (VtCatalog     *self,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(VtCatalogLoadJob) job = NULL;
  gboolean ok;

  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = load_job_new (self, file, FALSE);

  if (self->n_loading++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  ok = vt_catalog_load_job_run (job, cancellable, error);
  if (ok)
    load_job_apply (job);

  if (--self->n_loading == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  return ok;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (vt_catalog_load_job_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
load_thread_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  VtCatalog *self = VT_CATALOG (object);
  g_autoptr(GTask) outer = user_data;
  VtCatalogLoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (--self->n_loading == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  if (job->generation != self->generation)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("A newer load replaced this one"));
      return;
    }

  load_job_apply (job);
  /* The last progress idle may come after this: it would be ignored. */
  set_progress (self, 1.0);
  g_task_return_boolean (outer, TRUE);
}

void
vt_catalog_load_async (VtCatalog           *self,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (VT_IS_CATALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, vt_catalog_load_async);

  inner = g_task_new (self, cancellable, load_thread_done_cb, g_object_ref (outer));
  g_task_set_source_tag (inner, load_thread);
  g_task_set_task_data (inner, load_job_new (self, file, TRUE), load_job_unref);

  if (self->n_loading++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  set_progress (self, 0.0);

  g_task_run_in_thread (inner, load_thread);
}

gboolean
vt_catalog_load_finish (VtCatalog     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vt_catalog_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

VtCatalog *
vt_catalog_new_for_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(VtCatalog) self = vt_catalog_new ();

  if (!vt_catalog_load (self, file, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* }}} */
/* {{{ Contents */

VtItem *
vt_catalog_lookup (VtCatalog *self,
                   guint      number)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  return g_hash_table_lookup (self->by_number, GUINT_TO_POINTER (number));
}

void
vt_catalog_put_item (VtCatalog *self,
                     VtItem    *item)
{
  guint number;
  guint position;
  VtItem *existing;

  g_return_if_fail (VT_IS_CATALOG (self));
  g_return_if_fail (VT_IS_ITEM (item));

  number = vt_item_get_number (item);
  existing = number > 0 ? vt_catalog_lookup (self, number) : NULL;

  if (existing != NULL)
    {
      if (!g_ptr_array_find (self->items, existing, &position))
        g_assert_not_reached ();
      g_ptr_array_index (self->items, position) = g_object_ref (item);
      g_hash_table_insert (self->by_number, GUINT_TO_POINTER (number), item);
      g_object_unref (existing);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      vt_catalog_history_mark_unsaved (self, TRUE);
      return;
    }

  /* Before the first item of a higher number; numberless ones at the end. */
  for (position = 0; number > 0 && position < self->items->len; position++)
    {
      guint other = vt_item_get_number (g_ptr_array_index (self->items, position));

      if (other == 0 || other > number)
        break;
    }
  if (number == 0)
    position = self->items->len;

  g_ptr_array_insert (self->items, (int) position, g_object_ref (item));
  if (number > 0)
    g_hash_table_insert (self->by_number, GUINT_TO_POINTER (number), item);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  vt_catalog_history_mark_unsaved (self, TRUE);
}

GListModel *
vt_catalog_get_problems (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->problems);
}

void
vt_catalog_validate (VtCatalog *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  g_return_if_fail (VT_IS_CATALOG (self));

  problems = vt_catalog_find_problems (self->items, self->catalog_problems, self->currency,
                                       self->total, TRUE, TRUE, NULL);
  set_problems (self, problems);
  self->headers_read = TRUE;
}

gboolean
vt_catalog_get_allow_outside (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);

  return self->allow_outside;
}

void
vt_catalog_set_allow_outside (VtCatalog *self,
                              gboolean   allow)
{
  g_autoptr(GPtrArray) problems = NULL;

  g_return_if_fail (VT_IS_CATALOG (self));

  allow = !!allow;
  if (self->allow_outside == allow)
    return;
  self->allow_outside = allow;

  if (self->scope != NULL && vt_image_scope_set_allow_outside (self->scope, allow))
    {
      /* The rules again, as thoroughly as last time; then every item
       * again, so that views ask each one for its image anew. */
      problems = vt_catalog_find_problems (self->items, self->catalog_problems, self->currency,
                                           self->total, self->headers_read, TRUE, NULL);
      set_problems (self, problems);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, self->items->len, self->items->len);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_OUTSIDE]);
}

guint
vt_catalog_count_outside_images (VtCatalog *self)
{
  guint count = 0;

  g_return_val_if_fail (VT_IS_CATALOG (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (vt_item_get_image_place (g_ptr_array_index (self->items, i)) == VT_IMAGE_PLACE_OUTSIDE)
      count++;
  return count;
}

GFile *
vt_catalog_get_file (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  return self->file;
}

GFile *
vt_catalog_get_base_dir (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  return self->base_dir;
}

const char *
vt_catalog_get_name (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  return self->name;
}

guint
vt_catalog_get_total (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), 0);

  return self->total;
}

const char *
vt_catalog_get_currency (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  return self->currency;
}

void
vt_catalog_set_collection (VtCatalog  *self,
                           const char *name,
                           guint       total,
                           const char *currency)
{
  g_return_if_fail (VT_IS_CATALOG (self));

  if (self->collection == NULL)
    self->collection = json_object_new ();

  /* Changed in place, so the collection's unknown members stay. */
  if (name != NULL)
    json_object_set_string_member (self->collection, "name", name);
  else if (json_object_has_member (self->collection, "name"))
    json_object_remove_member (self->collection, "name");
  if (total > 0)
    json_object_set_int_member (self->collection, "total", total);
  else if (json_object_has_member (self->collection, "total"))
    json_object_remove_member (self->collection, "total");
  if (currency != NULL)
    json_object_set_string_member (self->collection, "currency", currency);
  else if (json_object_has_member (self->collection, "currency"))
    json_object_remove_member (self->collection, "currency");

  g_object_freeze_notify (G_OBJECT (self));
  set_collection_fields (self, name, total, currency);
  vt_catalog_history_mark_unsaved (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

double
vt_catalog_get_progress (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), 0.0);

  return self->progress;
}

gboolean
vt_catalog_get_loading (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);

  return self->n_loading > 0;
}

goffset
vt_catalog_get_max_size (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), 0);

  return self->max_size;
}

void
vt_catalog_set_max_size (VtCatalog *self,
                         goffset    max_size)
{
  g_return_if_fail (VT_IS_CATALOG (self));
  g_return_if_fail (max_size >= 0);

  if (self->max_size == max_size)
    return;
  self->max_size = max_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_SIZE]);
}

/* }}} */
/* {{{ Editing */

void
vt_catalog_swap_items (VtCatalog *self,
                       VtItem    *out,
                       guint      out_position,
                       VtItem    *in,
                       guint      in_position)
{
  g_autoptr(GPtrArray) problems = NULL;
  guint n_before = self->items->len;
  guint first;
  guint n_removed;
  guint n_added;

  if (out != NULL)
    {
      g_assert (g_ptr_array_index (self->items, out_position) == out);
      g_ptr_array_remove_index (self->items, out_position);
    }
  if (in != NULL)
    g_ptr_array_insert (self->items, (int) in_position, g_object_ref (in));
  rebuild_index (self);

  /* Headers are not read again: an edit is checked as a load checks. */
  problems = vt_catalog_find_problems (self->items, self->catalog_problems, self->currency,
                                       self->total, FALSE, TRUE, NULL);
  set_problems (self, problems);
  self->headers_read = FALSE;

  if (out != NULL && in != NULL)
    {
      first = MIN (out_position, in_position);
      n_removed = n_added = MAX (out_position, in_position) - first + 1;
    }
  else
    {
      first = out != NULL ? out_position : in_position;
      n_removed = out != NULL ? 1 : 0;
      n_added = in != NULL ? 1 : 0;
    }
  g_list_model_items_changed (G_LIST_MODEL (self), first, n_removed, n_added);
  if (n_before != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

VtCatalogSaveState *
vt_catalog_get_save_state (VtCatalog *self)
{
  return &self->save_state;
}

/* After vt_catalog_move_apply() put moved pieces in place. */
void
vt_catalog_moved (VtCatalog    *self,
                  GFile        *base_dir,
                  VtImageScope *scope,
                  GPtrArray    *problems)
{
  g_autoptr(GPtrArray) found = NULL;

  rebuild_index (self);
  g_clear_pointer (&self->scope, vt_image_scope_unref);
  self->scope = vt_image_scope_ref (scope);
  if (g_set_object (&self->base_dir, base_dir))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_DIR]);

  /* Headers are not read again: as after an edit. */
  if (problems == NULL)
    problems = found = vt_catalog_find_problems (self->items, self->catalog_problems, self->currency,
                                                 self->total, FALSE, FALSE, NULL);
  set_problems (self, problems);
  self->headers_read = FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->items->len, self->items->len);
}

GPtrArray *
vt_catalog_get_catalog_problems (VtCatalog *self)
{
  return self->catalog_problems;
}

void
vt_catalog_set_file (VtCatalog *self,
                     GFile     *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

VtCatalogHistory *
vt_catalog_get_history (VtCatalog *self)
{
  return &self->history;
}

GPtrArray *
vt_catalog_get_item_array (VtCatalog *self)
{
  return self->items;
}

JsonObject *
vt_catalog_ensure_root (VtCatalog   *self,
                        JsonObject **collection)
{
  if (self->root == NULL)
    {
      self->root = json_object_new ();
      json_object_set_string_member (self->root, "format", VT_CATALOG_FORMAT_NAME);
      json_object_set_int_member (self->root, "version", VT_CATALOG_FORMAT_VERSION);
      if (self->collection == NULL)
        self->collection = json_object_new ();
    }
  *collection = self->collection;
  return self->root;
}

VtImageScope *
vt_catalog_get_scope (VtCatalog *self)
{
  return self->scope;
}

void
vt_catalog_notify_history (VtCatalog *self,
                           gboolean   can_undo,
                           gboolean   can_redo,
                           gboolean   modified)
{
  if (can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* }}} */
/* {{{ GObject */

static void
vt_catalog_finalize (GObject *object)
{
  VtCatalog *self = VT_CATALOG (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_number, g_hash_table_unref);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->catalog_problems, g_ptr_array_unref);
  g_clear_object (&self->file);
  g_clear_object (&self->base_dir);
  g_clear_pointer (&self->scope, vt_image_scope_unref);
  g_clear_pointer (&self->root, json_object_unref);
  g_clear_pointer (&self->collection, json_object_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->currency, g_free);
  vt_catalog_history_clear (&self->history);

  G_OBJECT_CLASS (vt_catalog_parent_class)->finalize (object);
}

static void
vt_catalog_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VtCatalog *self = VT_CATALOG (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_BASE_DIR:
      g_value_set_object (value, self->base_dir);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->n_loading > 0);
      break;
    case PROP_MAX_SIZE:
      g_value_set_int64 (value, self->max_size);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_ALLOW_OUTSIDE:
      g_value_set_boolean (value, self->allow_outside);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, vt_catalog_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, vt_catalog_get_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, vt_catalog_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_catalog_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VtCatalog *self = VT_CATALOG (object);

  switch (prop_id)
    {
    case PROP_MAX_SIZE:
      vt_catalog_set_max_size (self, g_value_get_int64 (value));
      break;
    case PROP_ALLOW_OUTSIDE:
      vt_catalog_set_allow_outside (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_catalog_class_init (VtCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vt_catalog_finalize;
  object_class->get_property = vt_catalog_get_property;
  object_class->set_property = vt_catalog_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, read_only);
  properties[PROP_BASE_DIR] =
    g_param_spec_object ("base-dir", NULL, NULL, G_TYPE_FILE, read_only);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, read_only);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL, read_only);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, read_only);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, read_only);
  properties[PROP_MAX_SIZE] =
    g_param_spec_int64 ("max-size", NULL, NULL, 0, G_MAXINT64, VT_CATALOG_DEFAULT_MAX_SIZE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_ALLOW_OUTSIDE] =
    g_param_spec_boolean ("allow-outside", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, read_only);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, read_only);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_catalog_init (VtCatalog *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_number = g_hash_table_new (NULL, NULL);
  self->problems = g_list_store_new (VT_TYPE_PROBLEM);
  self->max_size = VT_CATALOG_DEFAULT_MAX_SIZE;
  vt_catalog_history_init (&self->history);
}

VtCatalog *
vt_catalog_new (void)
{
  return g_object_new (VT_TYPE_CATALOG, NULL);
}

/* }}} */
