/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Orders VtItems by impact, price, year, number or title; ties by number. */

#define G_LOG_DOMAIN "vitrine-query"

#include "config.h"

#include "vt-sorter.h"
#include "vt-sorter-private.h"

#include "vt-enums.h"
#include "vt-text.h"

#include <string.h>

/*
 * A title compares by the collation key of its folded text. Making a
 * key costs far more than comparing two, and a sort compares each item
 * about log2(n) times, so the key is made once per item and kept on the
 * item itself (items never change their title).
 */

struct _VtSorter
{
  GObject    parent_instance;

  VtSortKey   key;
  gboolean    descending;
  const char *currency;   /* interned, nullable */
};

G_DEFINE_FINAL_TYPE (VtSorter, vt_sorter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_DESCENDING,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Kept on an item without a title, so it is not looked at again. */
static const char no_title[] = "";

G_DEFINE_QUARK (vt-sorter-title-key, title_key)

char *
vt_sort_make_title_key (VtItem *item)
{
  const char *title = vt_item_get_title (item);

  if (title == NULL || *title == '\0')
    return NULL;
  return vt_text_collate_key (title);
}

static const char *
get_title_key (VtItem *item)
{
  GQuark quark = title_key_quark ();
  const char *key = g_object_get_qdata (G_OBJECT (item), quark);

  if (key == NULL)
    {
      char *made = vt_sort_make_title_key (item);

      if (made == NULL)
        {
          g_object_set_qdata (G_OBJECT (item), quark, (gpointer) no_title);
          key = no_title;
        }
      else
        {
          g_object_set_qdata_full (G_OBJECT (item), quark, made, g_free);
          key = made;
        }
    }

  return key == no_title ? NULL : key;
}

static inline int
compare_uint (guint a,
              guint b)
{
  return (a > b) - (a < b);
}

static inline int
compare_int (int a,
             int b)
{
  return (a > b) - (a < b);
}

void
vt_sort_fields_init (VtSortFields *fields,
                     VtSortKey     key,
                     VtItem       *item,
                     const char   *title_key)
{
  fields->number = vt_item_get_number (item);
  fields->integer = 0;
  fields->price = (VtPrice) { { 0, 0 }, NULL };
  fields->title_key = NULL;

  switch (key)
    {
    case VT_SORT_IMPACT:
      fields->integer = vt_item_get_impact (item);
      fields->has_value = fields->integer != 0;
      break;

    case VT_SORT_YEAR:
      fields->integer = vt_item_get_year (item);
      fields->has_value = fields->integer != 0;
      break;

    case VT_SORT_PRICE:
      fields->has_value = vt_item_get_price (item, &fields->price);
      break;

    case VT_SORT_TITLE:
      fields->title_key = title_key;
      fields->has_value = title_key != NULL;
      break;

    case VT_SORT_NUMBER:
    default:
      fields->has_value = fields->number != 0;
      break;
    }
}

/* 0 for the collection's currency (or none named), then one group per
 * other currency, in the order of their codes: an amount in another
 * unit is never compared with the collection's as if it were the same. */
static int
compare_currency_groups (const char    *currency,
                         const VtPrice *pa,
                         const VtPrice *pb)
{
  gboolean home_a, home_b;

  if (pa->currency == pb->currency)
    return 0;

  home_a = pa->currency == NULL || pa->currency == currency;
  home_b = pb->currency == NULL || pb->currency == currency;
  if (home_a != home_b)
    return home_a ? -1 : 1;
  if (home_a)
    return 0;
  return strcmp (pa->currency, pb->currency);
}

int
vt_sort_fields_compare (VtSortKey           key,
                        gboolean            descending,
                        const char         *currency,
                        const VtSortFields *a,
                        const VtSortFields *b)
{
  int cmp = 0;

  /* Missing values go last whichever way the sort goes. */
  if (a->has_value != b->has_value)
    return a->has_value ? -1 : 1;

  if (a->has_value)
    {
      switch (key)
        {
        case VT_SORT_PRICE:
          {
            /* So do prices in other currencies, whichever way. */
            int group = compare_currency_groups (currency, &a->price, &b->price);

            if (group != 0)
              return group;
            cmp = vt_price_compare (&a->price, &b->price);
          }
          break;

        case VT_SORT_TITLE:
          cmp = strcmp (a->title_key, b->title_key);
          break;

        case VT_SORT_NUMBER:
          cmp = compare_uint (a->number, b->number);
          break;

        case VT_SORT_IMPACT:
        case VT_SORT_YEAR:
        default:
          cmp = compare_int (a->integer, b->integer);
          break;
        }

      if (descending)
        cmp = -cmp;
    }

  if (cmp == 0 && key != VT_SORT_NUMBER)
    {
      /* Ties ascend by number, items without one after the rest. */
      if ((a->number == 0) != (b->number == 0))
        return a->number != 0 ? -1 : 1;
      cmp = compare_uint (a->number, b->number);
    }

  return cmp;
}

int
vt_sorter_compare (VtSorter *self,
                   VtItem   *a,
                   VtItem   *b)
{
  VtSortFields fa, fb;
  gboolean title;

  /* Called n log n times per sort: the type checks (cheap for a final
   * type) only on the sorter. */
  g_return_val_if_fail (VT_IS_SORTER (self), 0);

  if (a == b)
    return 0;

  title = self->key == VT_SORT_TITLE;
  vt_sort_fields_init (&fa, self->key, a, title ? get_title_key (a) : NULL);
  vt_sort_fields_init (&fb, self->key, b, title ? get_title_key (b) : NULL);

  return vt_sort_fields_compare (self->key, self->descending, self->currency, &fa, &fb);
}

static void
vt_sorter_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VtSorter *self = VT_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_enum (value, self->key);
      break;

    case PROP_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_sorter_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  VtSorter *self = VT_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      vt_sorter_set_key (self, g_value_get_enum (value));
      break;

    case PROP_DESCENDING:
      vt_sorter_set_descending (self, g_value_get_boolean (value));
      break;

    case PROP_CURRENCY:
      vt_sorter_set_currency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_sorter_class_init (VtSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = vt_sorter_get_property;
  object_class->set_property = vt_sorter_set_property;

  /**
   * VtSorter:key:
   *
   * The value items are ordered by.
   */
  properties[PROP_KEY] =
    g_param_spec_enum ("key", NULL, NULL,
                       VT_TYPE_SORT_KEY,
                       VT_SORT_NUMBER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * VtSorter:descending:
   *
   * Largest value first. Ties still ascend by number, and items
   * without the value still come last.
   */
  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * VtSorter:currency:
   *
   * The collection's currency: by price, pieces priced in another come
   * after the others, grouped by currency, in either direction.
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtSorter::changed:
   * @self: the sorter
   * @change: how the new order relates to the old one
   *
   * Emitted once for every change of key or direction.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  VT_TYPE_CHANGE);
}

static void
vt_sorter_init (VtSorter *self)
{
  self->key = VT_SORT_NUMBER;
}

VtSorter *
vt_sorter_new (VtSortKey key,
               gboolean  descending)
{
  g_return_val_if_fail ((guint) key < VT_N_SORT_KEYS, NULL);

  return g_object_new (VT_TYPE_SORTER,
                       "key", key,
                       "descending", descending,
                       NULL);
}

VtSortKey
vt_sorter_get_key (VtSorter *self)
{
  g_return_val_if_fail (VT_IS_SORTER (self), VT_SORT_NUMBER);

  return self->key;
}

void
vt_sorter_set_key (VtSorter  *self,
                   VtSortKey  key)
{
  g_return_if_fail (VT_IS_SORTER (self));
  g_return_if_fail ((guint) key < VT_N_SORT_KEYS);

  if (self->key == key)
    return;

  self->key = key;
  g_signal_emit (self, signals[CHANGED], 0, VT_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

gboolean
vt_sorter_get_descending (VtSorter *self)
{
  g_return_val_if_fail (VT_IS_SORTER (self), FALSE);

  return self->descending;
}

void
vt_sorter_set_descending (VtSorter *self,
                          gboolean  descending)
{
  g_return_if_fail (VT_IS_SORTER (self));

  descending = !!descending;
  if (self->descending == descending)
    return;

  self->descending = descending;
  /* Not a plain inversion: ties and missing values keep their places. */
  g_signal_emit (self, signals[CHANGED], 0, VT_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
}

const char *
vt_sorter_get_currency (VtSorter *self)
{
  g_return_val_if_fail (VT_IS_SORTER (self), NULL);

  return self->currency;
}

void
vt_sorter_set_currency (VtSorter   *self,
                        const char *currency)
{
  const char *interned;

  g_return_if_fail (VT_IS_SORTER (self));

  /* Prices intern their currency: pointers compare. */
  interned = currency != NULL ? g_intern_string (currency) : NULL;
  if (self->currency == interned)
    return;

  self->currency = interned;
  if (self->key == VT_SORT_PRICE)
    g_signal_emit (self, signals[CHANGED], 0, VT_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}
