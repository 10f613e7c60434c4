/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Orders VtItems by impact, price, year, number or title; ties by number. */

#define G_LOG_DOMAIN "vitrine-query"

#include "config.h"

#include "vt-sorter.h"

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

static const char *
get_title_key (VtItem *item)
{
  GQuark quark = title_key_quark ();
  const char *key = g_object_get_qdata (G_OBJECT (item), quark);

  if (key == NULL)
    {
      const char *title = vt_item_get_title (item);

      if (title == NULL || *title == '\0')
        {
          g_object_set_qdata (G_OBJECT (item), quark, (gpointer) no_title);
          key = no_title;
        }
      else
        {
          char *made = vt_text_collate_key (title);

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

/* Compares the values of @key; *has_a and *has_b tell whether each item
 * has one (the result is meaningful only when both do). */
static int
compare_values (VtSortKey  key,
                VtItem    *a,
                VtItem    *b,
                gboolean  *has_a,
                gboolean  *has_b)
{
  switch (key)
    {
    case VT_SORT_IMPACT:
      {
        int va = vt_item_get_impact (a), vb = vt_item_get_impact (b);

        *has_a = va != 0;
        *has_b = vb != 0;
        return compare_int (va, vb);
      }

    case VT_SORT_YEAR:
      {
        int va = vt_item_get_year (a), vb = vt_item_get_year (b);

        *has_a = va != 0;
        *has_b = vb != 0;
        return compare_int (va, vb);
      }

    case VT_SORT_PRICE:
      {
        VtPrice pa, pb;

        *has_a = vt_item_get_price (a, &pa);
        *has_b = vt_item_get_price (b, &pb);
        if (!*has_a || !*has_b)
          return 0;
        return vt_price_compare (&pa, &pb);
      }

    case VT_SORT_TITLE:
      {
        const char *ka = get_title_key (a), *kb = get_title_key (b);

        *has_a = ka != NULL;
        *has_b = kb != NULL;
        if (!*has_a || !*has_b)
          return 0;
        return strcmp (ka, kb);
      }

    case VT_SORT_NUMBER:
    default:
      {
        guint va = vt_item_get_number (a), vb = vt_item_get_number (b);

        *has_a = va != 0;
        *has_b = vb != 0;
        return compare_uint (va, vb);
      }
    }
}

/* 0 for the collection's currency (or none named), then one group per
 * other currency, in the order of their codes: an amount in another
 * unit is never compared with the collection's as if it were the same. */
static int
compare_currency_groups (VtSorter *self,
                         VtItem   *a,
                         VtItem   *b)
{
  VtPrice pa, pb;
  gboolean home_a, home_b;

  vt_item_get_price (a, &pa);
  vt_item_get_price (b, &pb);
  if (pa.currency == pb.currency)
    return 0;

  home_a = pa.currency == NULL || pa.currency == self->currency;
  home_b = pb.currency == NULL || pb.currency == self->currency;
  if (home_a != home_b)
    return home_a ? -1 : 1;
  if (home_a)
    return 0;
  return strcmp (pa.currency, pb.currency);
}

int
vt_sorter_compare (VtSorter *self,
                   VtItem   *a,
                   VtItem   *b)
{
  gboolean has_a, has_b;
  int cmp;

  /* Called n log n times per sort: the type checks (cheap for a final
   * type) only on the sorter. */
  g_return_val_if_fail (VT_IS_SORTER (self), 0);

  if (a == b)
    return 0;

  cmp = compare_values (self->key, a, b, &has_a, &has_b);

  /* Missing values go last whichever way the sort goes. */
  if (has_a != has_b)
    return has_a ? -1 : 1;

  /* So do prices in other currencies, whichever way. */
  if (has_a && self->key == VT_SORT_PRICE)
    {
      int group = compare_currency_groups (self, a, b);

      if (group != 0)
        return group;
    }

  if (!has_a)
    cmp = 0;
  else if (self->descending)
    cmp = -cmp;

  if (cmp == 0 && self->key != VT_SORT_NUMBER)
    {
      guint na = vt_item_get_number (a), nb = vt_item_get_number (b);

      /* Ties ascend by number, items without one after the rest. */
      if ((na == 0) != (nb == 0))
        return na != 0 ? -1 : 1;
      cmp = compare_uint (na, nb);
    }

  return cmp;
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
