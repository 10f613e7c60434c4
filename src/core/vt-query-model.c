/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pieces a VtQuery lets through, in a VtSorter's order, worked out off the main thread when there are many. */

#define G_LOG_DOMAIN "vitrine-query"

#include "config.h"

#include "vt-query-model.h"

#include "vt-facets-private.h"
#include "vt-query-private.h"
#include "vt-sorter-private.h"

#include <string.h>

/*
 * Why not GtkFilterListModel and GtkSortListModel: on a large collection
 * a search keystroke reads every item's text and a facet recount reads
 * it again, and a sort compares n log n times through a virtual
 * function; all of it on the main thread, which then draws no frame.
 * Here one pass gives both which items match and the facet counts, and
 * it runs in a worker on what no one else changes: a snapshot of the
 * items (they only ever change all at once, by a load) and a copy of
 * the query.
 *
 * An order is worked out once over every item of the snapshot, for a
 * key and a direction, and kept: the shown list is then that order with
 * the items that do not match left out, which costs one walk. So after
 * the first sort by a key, changing back to it, or searching under it,
 * sorts nothing.
 *
 * The result replaces the shown list in one items-changed over the span
 * between the first and the last item that moved, as GTK's models do,
 * so a selection outside it stays, and one inside it is found again by
 * GtkSingleSelection among the items added.
 */

#define DEFAULT_SYNC_LIMIT 2000

/* Items changed at once by an edit, at most; more is a load. */
#define SMALL_CHANGE 64

/* The items, as the model last saw them; read by workers. */
typedef struct
{
  gatomicrefcount   ref_count;
  guint             n_items;
  VtItem          **items;
} Snapshot;

static Snapshot *
snapshot_new (GListModel *items)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  g_atomic_ref_count_init (&snapshot->ref_count);
  snapshot->n_items = items != NULL ? g_list_model_get_n_items (items) : 0;
  snapshot->items = g_new (VtItem *, MAX (snapshot->n_items, 1));
  for (guint i = 0; i < snapshot->n_items; i++)
    snapshot->items[i] = g_list_model_get_item (items, i);

  return snapshot;
}

static Snapshot *
snapshot_ref (Snapshot *snapshot)
{
  g_atomic_ref_count_inc (&snapshot->ref_count);
  return snapshot;
}

static void
snapshot_unref (Snapshot *snapshot)
{
  if (!g_atomic_ref_count_dec (&snapshot->ref_count))
    return;

  for (guint i = 0; i < snapshot->n_items; i++)
    g_object_unref (snapshot->items[i]);
  g_free (snapshot->items);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_unref)

/* One computation: its inputs, which it only reads, and its outputs. */
typedef struct
{
  Snapshot   *snapshot;
  /* A copy of the query to match with, or NULL to keep @matches. */
  VtQuery    *query;
  GBytes     *matches;     /* one byte per item of the snapshot */
  /* Which items pass the query's words and ranges: made with @matches,
   * or given when an earlier query had the same words and ranges. */
  GBytes     *passes;
  gboolean    passes_known;
  VtSortKey   key;
  gboolean    descending;
  const char *currency;
  /* Every item of the snapshot in the order asked for; NULL until
   * worked out. */
  GArray     *order;
  gboolean    order_made;

  VtFacets   *facets;      /* made when @query is set */
  GArray     *positions;   /* the shown list: positions in the snapshot */
} Work;

static void
work_free (Work *work)
{
  g_clear_pointer (&work->snapshot, snapshot_unref);
  g_clear_object (&work->query);
  g_clear_pointer (&work->matches, g_bytes_unref);
  g_clear_pointer (&work->passes, g_bytes_unref);
  g_clear_pointer (&work->order, g_array_unref);
  g_clear_pointer (&work->facets, vt_facets_free);
  g_clear_pointer (&work->positions, g_array_unref);
  g_free (work);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Work, work_free)

typedef struct
{
  const VtSortFields *fields;
  VtSortKey           key;
  gboolean            descending;
  const char         *currency;
} OrderContext;

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const OrderContext *context = user_data;
  guint pa = *(const guint *) a, pb = *(const guint *) b;
  int cmp = vt_sort_fields_compare (context->key, context->descending, context->currency,
                                    &context->fields[pa], &context->fields[pb]);

  /* Ties (items with the same number, or none) keep the items' order,
   * as GtkSortListModel's stable sort does. */
  if (cmp == 0)
    cmp = (pa > pb) - (pa < pb);
  return cmp;
}

static GArray *
make_order (Snapshot     *snapshot,
            VtSortKey     key,
            gboolean      descending,
            const char   *currency,
            GCancellable *cancellable)
{
  guint n = snapshot->n_items;
  g_autofree VtSortFields *fields = g_new (VtSortFields, MAX (n, 1));
  g_autoptr(GPtrArray) title_keys = NULL;
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  OrderContext context = { fields, key, descending, currency };

  if (key == VT_SORT_TITLE)
    title_keys = g_ptr_array_new_full (n, g_free);

  for (guint i = 0; i < n; i++)
    {
      char *title_key = NULL;

      /* Making collation keys is the slow part of a first title sort. */
      if (title_keys != NULL)
        {
          if (i % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
            return NULL;
          title_key = vt_sort_make_title_key (snapshot->items[i]);
          g_ptr_array_add (title_keys, title_key);
        }
      vt_sort_fields_init (&fields[i], key, snapshot->items[i], title_key);
      g_array_append_val (order, i);
    }

  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  if (n > 1)
    g_qsort_with_data (order->data, n, sizeof (guint), compare_positions, &context);

  return g_steal_pointer (&order);
}

/* Runs in a worker, or on the main thread for a small collection; reads
 * nothing but @work. FALSE when cancelled. */
static gboolean
work_run (Work         *work,
          GCancellable *cancellable)
{
  Snapshot *snapshot = work->snapshot;
  const guint8 *matches;

  if (work->query != NULL)
    {
      gsize size = MAX (snapshot->n_items, 1);
      g_autofree guint8 *made = g_malloc (size);
      g_autofree guint8 *passes = work->passes_known ? NULL : g_malloc (size);

      /* Read only, when known. */
      work->facets = vt_facets_compute_items (work->query, snapshot->items, snapshot->n_items,
                                              work->passes_known ? (guint8 *) g_bytes_get_data (work->passes, NULL)
                                                                 : passes,
                                              work->passes_known, made, cancellable);
      if (work->facets == NULL)
        return FALSE;
      g_clear_pointer (&work->matches, g_bytes_unref);
      work->matches = g_bytes_new_take (g_steal_pointer (&made), snapshot->n_items);
      if (!work->passes_known)
        work->passes = g_bytes_new_take (g_steal_pointer (&passes), snapshot->n_items);
    }

  if (work->order == NULL)
    {
      work->order = make_order (snapshot, work->key, work->descending, work->currency, cancellable);
      if (work->order == NULL)
        return FALSE;
      work->order_made = TRUE;
    }

  matches = g_bytes_get_data (work->matches, NULL);
  work->positions = g_array_sized_new (FALSE, FALSE, sizeof (guint),
                                       work->facets != NULL ? vt_facets_get_matched (work->facets) : 0);
  for (guint i = 0; i < work->order->len; i++)
    {
      guint position = g_array_index (work->order, guint, i);

      if (matches[position])
        g_array_append_val (work->positions, position);
    }

  return TRUE;
}

struct _VtQueryModel
{
  GObject       parent_instance;

  GListModel   *items;
  VtQuery      *query;
  VtSorter     *sorter;
  guint         sync_limit;

  /* The items now, and those the shown list is made of (the same but
   * while a load's result is worked out). */
  Snapshot     *snapshot;
  Snapshot     *shown_snapshot;
  GArray       *positions;
  /* What the shown list was made with; @matches is NULL when the query
   * changed since. @passes were made under @passes_query. */
  GBytes       *matches;
  GBytes       *passes;
  VtQuery      *passes_query;
  VtFacets     *facets;
  /* Orders of the snapshot by key and direction, and the currency the
   * price orders were made for. */
  GArray       *orders[VT_N_SORT_KEYS][2];
  const char   *orders_currency;

  GCancellable *cancellable;   /* of the worker under way */

  /* The span of the snapshot that the items' own items-changed named,
   * until a result shows it: those items are told as changed even when
   * they are the same objects (views ask them anew for their image). */
  guint         touched_start;
  guint         touched_end;
};

static void vt_query_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VtQueryModel, vt_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vt_query_model_list_model_init))

enum {
  PROP_0,
  PROP_ITEMS,
  PROP_QUERY,
  PROP_SORTER,
  PROP_SYNC_LIMIT,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
vt_query_model_get_item_type (GListModel *model)
{
  return VT_TYPE_ITEM;
}

static guint
vt_query_model_get_n_items (GListModel *model)
{
  VtQueryModel *self = (VtQueryModel *) model;

  return self->positions->len;
}

static gpointer
vt_query_model_get_item (GListModel *model,
                         guint       position)
{
  VtQueryModel *self = (VtQueryModel *) model;

  if (position >= self->positions->len)
    return NULL;
  return g_object_ref (self->shown_snapshot->items[g_array_index (self->positions, guint, position)]);
}

static void
vt_query_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vt_query_model_get_item_type;
  iface->get_n_items = vt_query_model_get_n_items;
  iface->get_item = vt_query_model_get_item;
}

static void
clear_orders (VtQueryModel *self)
{
  for (guint key = 0; key < VT_N_SORT_KEYS; key++)
    for (guint d = 0; d < 2; d++)
      g_clear_pointer (&self->orders[key][d], g_array_unref);
}

static void
set_pending (VtQueryModel *self,
             GCancellable *cancellable)
{
  gboolean was_pending = self->cancellable != NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);

  if (was_pending != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static inline gboolean
same_item (VtQueryModel *self,
           Snapshot     *old_snapshot,
           guint         old_position,
           Snapshot     *new_snapshot,
           guint         new_position)
{
  return old_snapshot->items[old_position] == new_snapshot->items[new_position]
         && (new_position < self->touched_start || new_position >= self->touched_end);
}

static void
apply (VtQueryModel *self,
       Work         *work)
{
  Snapshot *old_snapshot = self->shown_snapshot;
  GArray *old = self->positions;
  GArray *new = work->positions;
  guint prefix = 0, suffix = 0;
  guint n_old = old->len, n_new = new->len;

  if (work->order_made && work->snapshot == self->snapshot
      && work->currency == self->orders_currency)
    {
      g_clear_pointer (&self->orders[work->key][work->descending], g_array_unref);
      self->orders[work->key][work->descending] = g_array_ref (work->order);
    }

  g_clear_pointer (&self->matches, g_bytes_unref);
  self->matches = g_bytes_ref (work->matches);
  if (work->query != NULL)
    {
      g_clear_pointer (&self->passes, g_bytes_unref);
      self->passes = g_bytes_ref (work->passes);
      g_set_object (&self->passes_query, work->query);
    }
  if (work->facets != NULL)
    {
      g_clear_pointer (&self->facets, vt_facets_free);
      self->facets = g_steal_pointer (&work->facets);
    }

  /* The span that changed: the same items before and after it. */
  while (prefix < n_old && prefix < n_new
         && same_item (self, old_snapshot, g_array_index (old, guint, prefix),
                       work->snapshot, g_array_index (new, guint, prefix)))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix
         && same_item (self, old_snapshot, g_array_index (old, guint, n_old - 1 - suffix),
                       work->snapshot, g_array_index (new, guint, n_new - 1 - suffix)))
    suffix++;

  self->positions = g_steal_pointer (&work->positions);
  self->shown_snapshot = snapshot_ref (work->snapshot);
  self->touched_start = self->touched_end = 0;

  if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix, n_new - prefix - suffix);

  /* Only now: a handler of items-changed may still ask for old items. */
  g_array_unref (old);
  snapshot_unref (old_snapshot);

  g_signal_emit (self, signals[UPDATED], 0);
}

static void
on_work_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  VtQueryModel *self;
  g_autoptr(Work) work = NULL;
  g_autoptr(GError) error = NULL;

  /* A newer change, or dispose, cancelled it: @user_data may be gone. */
  work = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_assert (work != NULL);
  self = VT_QUERY_MODEL (user_data);

  set_pending (self, NULL);
  apply (self, work);
}

static void
work_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;

  /* The work is the thread's until it is returned. */
  if (!work_run (work, cancellable))
    {
      /* It stops only when cancelled. */
      work_free (work);
      g_task_return_error_if_cancelled (task);
      return;
    }
  g_task_return_pointer (task, work, (GDestroyNotify) work_free);
}

/* Works out the shown list again for the query and order now: at once
 * if @now or the work is small, else in a worker. */
static void
update (VtQueryModel *self,
        gboolean      now)
{
  g_autoptr(Work) work = g_new0 (Work, 1);
  const char *currency = vt_sorter_get_currency (self->sorter);
  gboolean descending = vt_sorter_get_descending (self->sorter);
  VtSortKey key = vt_sorter_get_key (self->sorter);
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;

  if (currency != self->orders_currency)
    {
      clear_orders (self);
      self->orders_currency = currency;
    }

  work->snapshot = snapshot_ref (self->snapshot);
  if (self->matches == NULL)
    {
      work->query = vt_query_copy (self->query);
      /* Only facets changed: the words need not be looked for again. */
      if (self->passes != NULL && vt_query_same_search_and_ranges (self->passes_query, work->query))
        {
          work->passes = g_bytes_ref (self->passes);
          work->passes_known = TRUE;
        }
    }
  else
    work->matches = g_bytes_ref (self->matches);
  work->key = key;
  work->descending = !!descending;
  work->currency = currency;
  if (self->orders[key][work->descending] != NULL)
    work->order = g_array_ref (self->orders[key][work->descending]);

  /* What remains of a sort already made is one walk over the items. */
  if (now || self->snapshot->n_items <= self->sync_limit
      || (work->query == NULL && work->order != NULL))
    {
      set_pending (self, NULL);
      work_run (work, NULL);
      apply (self, work);
      return;
    }

  cancellable = g_cancellable_new ();
  set_pending (self, cancellable);
  /* The task does not hold the model: the last reference to a task may
   * go in its worker thread, and the model must not be finalized
   * there. dispose cancels the task instead. */
  task = g_task_new (NULL, cancellable, on_work_done_cb, self);
  g_task_set_source_tag (task, update);
  g_task_set_task_data (task, g_steal_pointer (&work), NULL);
  g_task_run_in_thread (task, work_thread);
}

static void
on_query_changed_cb (VtQueryModel *self)
{
  g_clear_pointer (&self->matches, g_bytes_unref);
  update (self, FALSE);
}

static void
on_sorter_changed_cb (VtQueryModel *self)
{
  update (self, FALSE);
}

/* Where @old, a position in the items before a change, is after it. */
static guint
position_after_change (guint old,
                       guint position,
                       guint removed,
                       guint added)
{
  if (old <= position)
    return old;
  if (old >= position + removed)
    return old - removed + added;
  return position + added;
}

static void
on_items_changed_cb (VtQueryModel *self,
                     guint         position,
                     guint         removed,
                     guint         added)
{
  guint start = position, end = position + added;

  g_clear_pointer (&self->snapshot, snapshot_unref);
  self->snapshot = snapshot_new (self->items);
  g_clear_pointer (&self->matches, g_bytes_unref);
  g_clear_pointer (&self->passes, g_bytes_unref);
  clear_orders (self);

  /* Items named by a change not shown yet stay named. */
  if (self->touched_end > self->touched_start)
    {
      start = MIN (start, position_after_change (self->touched_start, position, removed, added));
      end = MAX (end, position_after_change (self->touched_end, position, removed, added));
    }
  self->touched_start = start;
  self->touched_end = end;

  /* A load is shown at once, so that what the window restores after it
   * (the piece selected, the place scrolled to) finds its pieces; an
   * edit of a few pieces is worked out like any other change. */
  update (self, removed + added > SMALL_CHANGE);
}

static void
vt_query_model_constructed (GObject *object)
{
  VtQueryModel *self = VT_QUERY_MODEL (object);

  G_OBJECT_CLASS (vt_query_model_parent_class)->constructed (object);

  self->snapshot = snapshot_new (self->items);
  self->shown_snapshot = snapshot_ref (self->snapshot);

  if (self->items != NULL)
    g_signal_connect_object (self->items, "items-changed",
                             G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->query, "changed",
                           G_CALLBACK (on_query_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorter, "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  update (self, TRUE);
}

static void
vt_query_model_dispose (GObject *object)
{
  VtQueryModel *self = VT_QUERY_MODEL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->items);
  g_clear_object (&self->query);
  g_clear_object (&self->sorter);

  G_OBJECT_CLASS (vt_query_model_parent_class)->dispose (object);
}

static void
vt_query_model_finalize (GObject *object)
{
  VtQueryModel *self = VT_QUERY_MODEL (object);

  clear_orders (self);
  g_clear_pointer (&self->snapshot, snapshot_unref);
  g_clear_pointer (&self->shown_snapshot, snapshot_unref);
  g_clear_pointer (&self->positions, g_array_unref);
  g_clear_pointer (&self->matches, g_bytes_unref);
  g_clear_pointer (&self->passes, g_bytes_unref);
  g_clear_object (&self->passes_query);
  g_clear_pointer (&self->facets, vt_facets_free);

  G_OBJECT_CLASS (vt_query_model_parent_class)->finalize (object);
}

static void
vt_query_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VtQueryModel *self = VT_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;

    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;

    case PROP_SORTER:
      g_value_set_object (value, self->sorter);
      break;

    case PROP_SYNC_LIMIT:
      g_value_set_uint (value, self->sync_limit);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, vt_query_model_get_pending (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_query_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VtQueryModel *self = VT_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_ITEMS:
      self->items = g_value_dup_object (value);
      break;

    case PROP_QUERY:
      self->query = g_value_dup_object (value);
      break;

    case PROP_SORTER:
      self->sorter = g_value_dup_object (value);
      break;

    case PROP_SYNC_LIMIT:
      vt_query_model_set_sync_limit (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_query_model_class_init (VtQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vt_query_model_constructed;
  object_class->dispose = vt_query_model_dispose;
  object_class->finalize = vt_query_model_finalize;
  object_class->get_property = vt_query_model_get_property;
  object_class->set_property = vt_query_model_set_property;

  /**
   * VtQueryModel:items:
   *
   * The whole collection, a GListModel of VtItem.
   */
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * VtQueryModel:query:
   *
   * Which items are shown.
   */
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL,
                         VT_TYPE_QUERY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * VtQueryModel:sorter:
   *
   * In which order.
   */
  properties[PROP_SORTER] =
    g_param_spec_object ("sorter", NULL, NULL,
                         VT_TYPE_SORTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * VtQueryModel:sync-limit:
   *
   * Up to this many items, a change is worked out at once, on the
   * main thread: no frame waits long for so few, and the result shows
   * with the keystroke.
   */
  properties[PROP_SYNC_LIMIT] =
    g_param_spec_uint ("sync-limit", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_SYNC_LIMIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * VtQueryModel:pending:
   *
   * Whether a worker works out a change that is not shown yet.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtQueryModel::updated:
   * @self: the model
   *
   * Emitted each time a result is applied, after its items-changed:
   * the facet counts may have changed.
   */
  signals[UPDATED] =
    g_signal_new ("updated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
vt_query_model_init (VtQueryModel *self)
{
  self->sync_limit = DEFAULT_SYNC_LIMIT;
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
}

VtQueryModel *
vt_query_model_new (GListModel *items,
                    VtQuery    *query,
                    VtSorter   *sorter)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (VT_IS_QUERY (query), NULL);
  g_return_val_if_fail (VT_IS_SORTER (sorter), NULL);

  return g_object_new (VT_TYPE_QUERY_MODEL,
                       "items", items,
                       "query", query,
                       "sorter", sorter,
                       NULL);
}

GListModel *
vt_query_model_get_items (VtQueryModel *self)
{
  g_return_val_if_fail (VT_IS_QUERY_MODEL (self), NULL);

  return self->items;
}

VtQuery *
vt_query_model_get_query (VtQueryModel *self)
{
  g_return_val_if_fail (VT_IS_QUERY_MODEL (self), NULL);

  return self->query;
}

VtSorter *
vt_query_model_get_sorter (VtQueryModel *self)
{
  g_return_val_if_fail (VT_IS_QUERY_MODEL (self), NULL);

  return self->sorter;
}

guint
vt_query_model_get_sync_limit (VtQueryModel *self)
{
  g_return_val_if_fail (VT_IS_QUERY_MODEL (self), 0);

  return self->sync_limit;
}

void
vt_query_model_set_sync_limit (VtQueryModel *self,
                               guint         n_items)
{
  g_return_if_fail (VT_IS_QUERY_MODEL (self));

  if (self->sync_limit == n_items)
    return;

  self->sync_limit = n_items;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_LIMIT]);
}

gboolean
vt_query_model_get_pending (VtQueryModel *self)
{
  g_return_val_if_fail (VT_IS_QUERY_MODEL (self), FALSE);

  return self->cancellable != NULL;
}

VtFacets *
vt_query_model_get_facets (VtQueryModel *self)
{
  g_return_val_if_fail (VT_IS_QUERY_MODEL (self), NULL);

  return self->facets;
}

void
vt_query_model_refresh (VtQueryModel *self)
{
  g_return_if_fail (VT_IS_QUERY_MODEL (self));

  g_clear_pointer (&self->matches, g_bytes_unref);
  update (self, FALSE);
}
