/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A VtSorter as a GtkSorter, for GTK's sort models (the synchronous chain VtQueryModel is held to). */

#define G_LOG_DOMAIN "vitrine-query"

#include "config.h"

#include "vt-query-sorter.h"

struct _VtQuerySorter
{
  GtkSorter  parent_instance;

  VtSorter  *sorter;
};

G_DEFINE_FINAL_TYPE (VtQuerySorter, vt_query_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_SORTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_sorter_changed_cb (VtQuerySorter *self,
                      VtChange       change)
{
  switch (change)
    {
    case VT_CHANGE_NARROWER:
      gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_MORE_STRICT);
      break;

    case VT_CHANGE_WIDER:
      gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_LESS_STRICT);
      break;

    case VT_CHANGE_DIFFERENT:
    default:
      gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
      break;
    }
}

static GtkOrdering
vt_query_sorter_compare (GtkSorter *sorter,
                         gpointer   item1,
                         gpointer   item2)
{
  /* Called n log n times per sort: no checked cast here. */
  VtQuerySorter *self = (VtQuerySorter *) sorter;

  return gtk_ordering_from_cmpfunc (vt_sorter_compare (self->sorter, item1, item2));
}

static GtkSorterOrder
vt_query_sorter_get_order (GtkSorter *sorter)
{
  /* Ties are broken by number (see vt-sorter.h). */
  return GTK_SORTER_ORDER_TOTAL;
}

static void
vt_query_sorter_constructed (GObject *object)
{
  VtQuerySorter *self = VT_QUERY_SORTER (object);

  G_OBJECT_CLASS (vt_query_sorter_parent_class)->constructed (object);

  if (self->sorter == NULL)
    self->sorter = vt_sorter_new (VT_SORT_NUMBER, FALSE);
  g_signal_connect_object (self->sorter, "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
vt_query_sorter_dispose (GObject *object)
{
  VtQuerySorter *self = VT_QUERY_SORTER (object);

  g_clear_object (&self->sorter);

  G_OBJECT_CLASS (vt_query_sorter_parent_class)->dispose (object);
}

static void
vt_query_sorter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VtQuerySorter *self = VT_QUERY_SORTER (object);

  switch (prop_id)
    {
    case PROP_SORTER:
      g_value_set_object (value, self->sorter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_query_sorter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VtQuerySorter *self = VT_QUERY_SORTER (object);

  switch (prop_id)
    {
    case PROP_SORTER:
      self->sorter = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_query_sorter_class_init (VtQuerySorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->constructed = vt_query_sorter_constructed;
  object_class->dispose = vt_query_sorter_dispose;
  object_class->get_property = vt_query_sorter_get_property;
  object_class->set_property = vt_query_sorter_set_property;

  sorter_class->compare = vt_query_sorter_compare;
  sorter_class->get_order = vt_query_sorter_get_order;

  /**
   * VtQuerySorter:sorter:
   *
   * The sorter that orders the items (a new one, by number, unless
   * given).
   */
  properties[PROP_SORTER] =
    g_param_spec_object ("sorter", NULL, NULL,
                         VT_TYPE_SORTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_query_sorter_init (VtQuerySorter *self)
{
}

GtkSorter *
vt_query_sorter_new (VtSorter *sorter)
{
  g_return_val_if_fail (VT_IS_SORTER (sorter), NULL);

  return g_object_new (VT_TYPE_QUERY_SORTER, "sorter", sorter, NULL);
}
