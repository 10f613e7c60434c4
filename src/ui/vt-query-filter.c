/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A VtQuery as a GtkFilter, for GTK's filter models (the synchronous chain VtQueryModel is held to). */

#define G_LOG_DOMAIN "vitrine-query"

#include "config.h"

#include "vt-query-filter.h"

/*
 * The query lives in the core, which knows no GTK; this filter only
 * passes its answers and its change hints on. The hints matter: on a
 * NARROWER change (MORE_STRICT) a GtkFilterListModel re-checks only the
 * items that matched, on a WIDER one (LESS_STRICT) only those that did
 * not. The window itself shows a VtQueryModel, which does the same work
 * in a worker thread; the tests hold it to what this filter and
 * VtQuerySorter give in GTK's models.
 */

struct _VtQueryFilter
{
  GtkFilter  parent_instance;

  VtQuery   *query;
};

G_DEFINE_FINAL_TYPE (VtQueryFilter, vt_query_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_query_changed_cb (VtQueryFilter *self,
                     VtChange       change)
{
  switch (change)
    {
    case VT_CHANGE_NARROWER:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_MORE_STRICT);
      break;

    case VT_CHANGE_WIDER:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
      break;

    case VT_CHANGE_DIFFERENT:
    default:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
      break;
    }
}

static gboolean
vt_query_filter_match (GtkFilter *filter,
                       gpointer   item)
{
  /* Called for every item on every keystroke: no checked cast here. */
  VtQueryFilter *self = (VtQueryFilter *) filter;

  return VT_IS_ITEM (item) && vt_query_match (self->query, item);
}

static GtkFilterMatch
vt_query_filter_get_strictness (GtkFilter *filter)
{
  VtQueryFilter *self = VT_QUERY_FILTER (filter);

  if (vt_query_matches_none (self->query))
    return GTK_FILTER_MATCH_NONE;
  if (vt_query_is_empty (self->query))
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

static void
vt_query_filter_constructed (GObject *object)
{
  VtQueryFilter *self = VT_QUERY_FILTER (object);

  G_OBJECT_CLASS (vt_query_filter_parent_class)->constructed (object);

  if (self->query == NULL)
    self->query = vt_query_new ();
  g_signal_connect_object (self->query, "changed",
                           G_CALLBACK (on_query_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
vt_query_filter_dispose (GObject *object)
{
  VtQueryFilter *self = VT_QUERY_FILTER (object);

  g_clear_object (&self->query);

  G_OBJECT_CLASS (vt_query_filter_parent_class)->dispose (object);
}

static void
vt_query_filter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VtQueryFilter *self = VT_QUERY_FILTER (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_query_filter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VtQueryFilter *self = VT_QUERY_FILTER (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      self->query = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_query_filter_class_init (VtQueryFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->constructed = vt_query_filter_constructed;
  object_class->dispose = vt_query_filter_dispose;
  object_class->get_property = vt_query_filter_get_property;
  object_class->set_property = vt_query_filter_set_property;

  filter_class->match = vt_query_filter_match;
  filter_class->get_strictness = vt_query_filter_get_strictness;

  /**
   * VtQueryFilter:query:
   *
   * The query that decides which items match (a new, empty one
   * unless given).
   */
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL,
                         VT_TYPE_QUERY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_query_filter_init (VtQueryFilter *self)
{
}

GtkFilter *
vt_query_filter_new (VtQuery *query)
{
  g_return_val_if_fail (VT_IS_QUERY (query), NULL);

  return g_object_new (VT_TYPE_QUERY_FILTER, "query", query, NULL);
}
