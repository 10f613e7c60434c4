/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The filter every view shares: search words, facet selections and ranges. */

#define G_LOG_DOMAIN "vitrine-query"
#define _GNU_SOURCE   /* memmem () */

#include "config.h"

#include "vt-query.h"
#include "vt-query-private.h"

#include "vt-enums.h"
#include "vt-text.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/*
 * Each change is told with the narrowest hint that is true, so a view
 * re-checks only what it must: after a NARROWER change it looks only at
 * the items that matched, after a WIDER one only at those that did not
 * (src/ui passes these on to GtkFilterListModel as MORE_STRICT and
 * LESS_STRICT). This is what keeps a search keystroke cheap on a large
 * collection: typing one more letter re-checks only what still matches.
 *
 * Ranges are kept as closed intervals of unsigned 128-bit numbers
 * (VtAmount), so one piece of code compares impact, year and price
 * bounds: an int is shifted by 2^31, an open price bound is 0 or the
 * largest amount.
 */

typedef VtAmount Bound;

#define BOUND_MAX VT_AMOUNT_MAX

typedef struct
{
  gboolean set;
  Bound    lo;
  Bound    hi;
} Range;

typedef struct
{
  char  *text;
  gsize  length;
} Word;

struct _VtQuery
{
  GObject    parent_instance;

  char      *search;
  GArray    *words;                   /* of Word, folded, none inside another */

  GPtrArray *selection[VT_N_FACETS];  /* of owned strings, sorted by strcmp () */
  guint      facet_mask;              /* 1 << F for each facet with a selection */

  Range      ranges[VT_N_RANGES];
  /* Kept only to give back what was set: an open price bound and a
   * bound of 0 select the same items. */
  gboolean   has_price_min;
  gboolean   has_price_max;
  VtPrice    price_min;
  VtPrice    price_max;
};

G_DEFINE_FINAL_TYPE (VtQuery, vt_query, G_TYPE_OBJECT)

G_DEFINE_QUARK (vt-query-error-quark, vt_query_error)

enum {
  PROP_0,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A change that selects exactly the same items: nothing to tell. */
#define NO_CHANGE ((int) -1)

static void
emit_changed (VtQuery *self,
              int      change)
{
  if (change == NO_CHANGE)
    return;
  g_signal_emit (self, signals[CHANGED], 0, (VtChange) change);
}

static inline Bound
bound_from_int (int value)
{
  return (Bound) { 0, (guint64) ((gint64) value - (gint64) G_MININT) };
}

static inline int
bound_to_int (Bound bound)
{
  return (int) ((gint64) bound.low + (gint64) G_MININT);
}

static inline gboolean
range_is_empty (const Range *range)
{
  return range->set && vt_amount_compare (range->lo, range->hi) > 0;
}

/* How the items within @new_range relate to those within @old_range.
 * An unset range lets every item through, even one without the value. */
static int
range_change (const Range *old_range,
              const Range *new_range)
{
  if (!old_range->set && !new_range->set)
    return NO_CHANGE;
  if (!new_range->set)
    return VT_CHANGE_WIDER;
  if (!old_range->set)
    return VT_CHANGE_NARROWER;
  if (range_is_empty (old_range) && range_is_empty (new_range))
    return NO_CHANGE;
  if (range_is_empty (new_range))
    return VT_CHANGE_NARROWER;
  if (range_is_empty (old_range))
    return VT_CHANGE_WIDER;
  if (vt_amount_compare (old_range->lo, new_range->lo) == 0
      && vt_amount_compare (old_range->hi, new_range->hi) == 0)
    return NO_CHANGE;
  if (vt_amount_compare (new_range->lo, old_range->lo) >= 0
      && vt_amount_compare (new_range->hi, old_range->hi) <= 0)
    return VT_CHANGE_NARROWER;
  if (vt_amount_compare (new_range->lo, old_range->lo) <= 0
      && vt_amount_compare (new_range->hi, old_range->hi) >= 0)
    return VT_CHANGE_WIDER;
  return VT_CHANGE_DIFFERENT;
}

static inline gboolean
range_contains (const Range *range,
                Bound        value)
{
  return vt_amount_compare (value, range->lo) >= 0 && vt_amount_compare (value, range->hi) <= 0;
}

static void
word_clear (gpointer data)
{
  Word *word = data;

  g_clear_pointer (&word->text, g_free);
}

static gboolean
word_within (const Word *inner,
             const Word *outer)
{
  return inner->length <= outer->length
         && memmem (outer->text, outer->length, inner->text, inner->length) != NULL;
}

static int
compare_words_longest_first (gconstpointer a,
                             gconstpointer b)
{
  const Word *wa = a, *wb = b;

  if (wa->length != wb->length)
    return wa->length > wb->length ? -1 : 1;
  return strcmp (wa->text, wb->text);
}

/* The folded words of @text, longest first, without those that lie
 * inside another (an item that has "budapest" has "pest"). */
static GArray *
split_words (const char *text)
{
  g_autofree char *folded = vt_text_fold (text);
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = folded;

  g_array_set_clear_func (words, word_clear);

  while (*p != '\0')
    {
      const char *start;
      Word word;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      word.length = p - start;
      word.text = g_strndup (start, word.length);
      g_array_append_val (words, word);
    }

  g_array_sort (words, compare_words_longest_first);

  /* Longest first: a word can only lie inside one kept before it. */
  for (guint i = 0; i < words->len; )
    {
      const Word *word = &g_array_index (words, Word, i);
      gboolean inside = FALSE;

      for (guint j = 0; j < i && !inside; j++)
        inside = word_within (word, &g_array_index (words, Word, j));

      if (inside)
        g_array_remove_index (words, i);
      else
        i++;
    }

  return words;
}

/* TRUE when every word of @inner lies inside some word of @outer, so
 * an item with all of @outer's words has all of @inner's. */
static gboolean
words_within (GArray *inner,
              GArray *outer)
{
  for (guint i = 0; i < inner->len; i++)
    {
      const Word *word = &g_array_index (inner, Word, i);
      gboolean found = FALSE;

      for (guint j = 0; j < outer->len && !found; j++)
        found = word_within (word, &g_array_index (outer, Word, j));

      if (!found)
        return FALSE;
    }
  return TRUE;
}

static int
words_change (GArray *old_words,
              GArray *new_words)
{
  gboolean stricter = words_within (old_words, new_words);
  gboolean looser = words_within (new_words, old_words);

  if (stricter && looser)
    return NO_CHANGE;
  if (stricter)
    return VT_CHANGE_NARROWER;
  if (looser)
    return VT_CHANGE_WIDER;
  return VT_CHANGE_DIFFERENT;
}

/*
 * Finds @needle in @haystack. This is where a search keystroke spends
 * its time: it reads every byte of every item's text. With SSE2 (every
 * x86-64 has it) it compares 16 positions at once against the needle's
 * first and last bytes and checks the rest only where both agree (the
 * "SIMD-friendly" substring search of Wojciech Muła); it is several
 * times faster than memmem() on prose. Elsewhere, memmem().
 */
static const char *
find_word (const char *haystack,
           gsize       length,
           const char *needle,
           gsize       needle_length)
{
#ifdef __SSE2__
  gsize i = 0;

  if (needle_length < 2 || needle_length > length)
    return memmem (haystack, length, needle, needle_length);

  {
    const __m128i first = _mm_set1_epi8 (needle[0]);
    const __m128i last = _mm_set1_epi8 (needle[needle_length - 1]);

    for (; i + needle_length - 1 + 16 <= length; i += 16)
      {
        __m128i block_first = _mm_loadu_si128 ((const __m128i *) (gconstpointer) (haystack + i));
        __m128i block_last = _mm_loadu_si128 ((const __m128i *) (gconstpointer) (haystack + i + needle_length - 1));
        unsigned mask = _mm_movemask_epi8 (_mm_and_si128 (_mm_cmpeq_epi8 (block_first, first),
                                                          _mm_cmpeq_epi8 (block_last, last)));

        while (mask != 0)
          {
            unsigned bit = __builtin_ctz (mask);

            if (memcmp (haystack + i + bit + 1, needle + 1, needle_length - 2) == 0)
              return haystack + i + bit;
            mask &= mask - 1;
          }
      }
  }

  /* The last few positions, too close to the end for a whole block. */
  return memmem (haystack + i, length - i, needle, needle_length);
#else
  return memmem (haystack, length, needle, needle_length);
#endif
}

static inline gboolean
match_words (VtQuery *self,
             VtItem  *item)
{
  const char *text;
  gsize length;

  if (self->words->len == 0)
    return TRUE;

  text = vt_item_get_search_text (item);
  if (text == NULL)
    return FALSE;
  length = vt_item_get_search_text_length (item);

  for (guint i = 0; i < self->words->len; i++)
    {
      const Word *word = &g_array_index (self->words, Word, i);

      if (find_word (text, length, word->text, word->length) == NULL)
        return FALSE;
    }
  return TRUE;
}

static inline gboolean
match_ranges (VtQuery *self,
              VtItem  *item)
{
  const Range *impact = &self->ranges[VT_RANGE_IMPACT];
  const Range *year = &self->ranges[VT_RANGE_YEAR];
  const Range *price = &self->ranges[VT_RANGE_PRICE];

  /* 0 is how an item says it has no impact or year: it is outside
   * every range that is set. */
  if (impact->set)
    {
      int value = vt_item_get_impact (item);

      if (value == 0 || !range_contains (impact, bound_from_int (value)))
        return FALSE;
    }

  if (year->set)
    {
      int value = vt_item_get_year (item);

      if (value == 0 || !range_contains (year, bound_from_int (value)))
        return FALSE;
    }

  if (price->set)
    {
      VtPrice value;

      if (!vt_item_get_price (item, &value) || !range_contains (price, value.amount))
        return FALSE;
    }

  return TRUE;
}

static gboolean
selection_find (GPtrArray  *selection,
                const char *value,
                guint      *index)
{
  guint lo = 0, hi = selection->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = strcmp (value, g_ptr_array_index (selection, mid));

      if (cmp == 0)
        {
          if (index != NULL)
            *index = mid;
          return TRUE;
        }
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }

  if (index != NULL)
    *index = lo;
  return FALSE;
}

guint
vt_query_get_facet_failures (VtQuery *self,
                             VtItem  *item)
{
  guint failures = 0;

  g_return_val_if_fail (VT_IS_QUERY (self), 0);
  g_return_val_if_fail (VT_IS_ITEM (item), 0);

  for (guint key = 0; key < VT_N_FACETS; key++)
    {
      const char * const *values;
      guint n_values = 0;
      gboolean found = FALSE;

      if ((self->facet_mask & (1u << key)) == 0)
        continue;

      values = vt_item_get_facet_values (item, key, &n_values);
      for (guint i = 0; i < n_values && !found; i++)
        found = values[i] != NULL && selection_find (self->selection[key], values[i], NULL);

      if (!found)
        failures |= 1u << key;
    }

  return failures;
}

/* Cheapest test first; the words scan the item's whole text. */
static inline gboolean
match_all (VtQuery *self,
           VtItem  *item)
{
  return match_ranges (self, item)
         && (self->facet_mask == 0 || vt_query_get_facet_failures (self, item) == 0)
         && match_words (self, item);
}

gboolean
vt_query_match_search_and_ranges (VtQuery *self,
                                  VtItem  *item)
{
  g_return_val_if_fail (VT_IS_QUERY (self), FALSE);
  g_return_val_if_fail (VT_IS_ITEM (item), FALSE);

  /* The cheap tests first: the words scan the item's whole text. */
  return match_ranges (self, item) && match_words (self, item);
}

gboolean
vt_query_same_search_and_ranges (VtQuery *self,
                                  VtQuery *other)
{
  g_return_val_if_fail (VT_IS_QUERY (self), FALSE);
  g_return_val_if_fail (VT_IS_QUERY (other), FALSE);

  /* The words are kept longest first, in one order for the same set. */
  if (self->words->len != other->words->len)
    return FALSE;
  for (guint i = 0; i < self->words->len; i++)
    if (strcmp (g_array_index (self->words, Word, i).text, g_array_index (other->words, Word, i).text) != 0)
      return FALSE;

  for (guint key = 0; key < VT_N_RANGES; key++)
    if (range_change (&self->ranges[key], &other->ranges[key]) != NO_CHANGE)
      return FALSE;
  return TRUE;
}

VtQuery *
vt_query_copy (VtQuery *self)
{
  VtQuery *copy;

  g_return_val_if_fail (VT_IS_QUERY (self), NULL);

  copy = vt_query_new ();
  g_free (copy->search);
  copy->search = g_strdup (self->search);
  for (guint i = 0; i < self->words->len; i++)
    {
      const Word *word = &g_array_index (self->words, Word, i);
      Word copied = { g_strndup (word->text, word->length), word->length };

      g_array_append_val (copy->words, copied);
    }
  for (guint key = 0; key < VT_N_FACETS; key++)
    for (guint i = 0; i < self->selection[key]->len; i++)
      g_ptr_array_add (copy->selection[key], g_strdup (g_ptr_array_index (self->selection[key], i)));
  copy->facet_mask = self->facet_mask;
  memcpy (copy->ranges, self->ranges, sizeof self->ranges);
  copy->has_price_min = self->has_price_min;
  copy->has_price_max = self->has_price_max;
  copy->price_min = self->price_min;
  copy->price_max = self->price_max;

  return copy;
}

gboolean
vt_query_match (VtQuery *self,
                VtItem  *item)
{
  g_return_val_if_fail (VT_IS_QUERY (self), FALSE);
  g_return_val_if_fail (VT_IS_ITEM (item), FALSE);

  return match_all (self, item);
}

static void
vt_query_finalize (GObject *object)
{
  VtQuery *self = VT_QUERY (object);

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->words, g_array_unref);
  for (guint key = 0; key < VT_N_FACETS; key++)
    g_clear_pointer (&self->selection[key], g_ptr_array_unref);

  G_OBJECT_CLASS (vt_query_parent_class)->finalize (object);
}

static void
vt_query_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VtQuery *self = VT_QUERY (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, vt_query_get_search (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_query_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  VtQuery *self = VT_QUERY (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      vt_query_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_query_class_init (VtQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vt_query_finalize;
  object_class->get_property = vt_query_get_property;
  object_class->set_property = vt_query_set_property;

  /**
   * VtQuery:search:
   *
   * The search text as typed; every word of it must be found in an
   * item's text, whatever its case and accents.
   */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtQuery::changed:
   * @self: the query
   * @change: how the items that match now relate to those before
   *
   * Emitted once for every change that alters which items match, and
   * only then: filter models re-check items and views recount facets.
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
vt_query_init (VtQuery *self)
{
  self->search = g_strdup ("");
  self->words = split_words ("");
  for (guint key = 0; key < VT_N_FACETS; key++)
    self->selection[key] = g_ptr_array_new_with_free_func (g_free);
}

VtQuery *
vt_query_new (void)
{
  return g_object_new (VT_TYPE_QUERY, NULL);
}

void
vt_query_set_search (VtQuery    *self,
                     const char *text)
{
  g_autoptr(GArray) words = NULL;
  int change;

  g_return_if_fail (VT_IS_QUERY (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->search, text) == 0)
    return;

  words = split_words (text);
  change = words_change (self->words, words);

  g_free (self->search);
  self->search = g_strdup (text);
  g_array_unref (self->words);
  self->words = g_steal_pointer (&words);

  emit_changed (self, change);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

const char *
vt_query_get_search (VtQuery *self)
{
  g_return_val_if_fail (VT_IS_QUERY (self), NULL);

  return self->search;
}

void
vt_query_set_facet_selected (VtQuery    *self,
                             VtFacetKey  key,
                             const char *value,
                             gboolean    selected)
{
  GPtrArray *selection;
  guint index;
  int change;

  g_return_if_fail (VT_IS_QUERY (self));
  g_return_if_fail ((guint) key < VT_N_FACETS);
  g_return_if_fail (value != NULL);

  selection = self->selection[key];
  if (selection_find (selection, value, &index) == !!selected)
    return;

  if (selected)
    {
      /* One more value a facet allows loosens it, unless it allowed
       * every value before. */
      change = selection->len == 0 ? VT_CHANGE_NARROWER
                                   : VT_CHANGE_WIDER;
      g_ptr_array_insert (selection, index, g_strdup (value));
      self->facet_mask |= 1u << key;
    }
  else
    {
      g_ptr_array_remove_index (selection, index);
      change = selection->len == 0 ? VT_CHANGE_WIDER
                                   : VT_CHANGE_NARROWER;
      if (selection->len == 0)
        self->facet_mask &= ~(1u << key);
    }

  emit_changed (self, change);
}

gboolean
vt_query_get_facet_selected (VtQuery    *self,
                             VtFacetKey  key,
                             const char *value)
{
  g_return_val_if_fail (VT_IS_QUERY (self), FALSE);
  g_return_val_if_fail ((guint) key < VT_N_FACETS, FALSE);

  return value != NULL && selection_find (self->selection[key], value, NULL);
}

const char **
vt_query_get_facet_selection (VtQuery    *self,
                              VtFacetKey  key)
{
  GPtrArray *selection;
  const char **values;

  g_return_val_if_fail (VT_IS_QUERY (self), NULL);
  g_return_val_if_fail ((guint) key < VT_N_FACETS, NULL);

  selection = self->selection[key];
  values = g_new (const char *, selection->len + 1);
  for (guint i = 0; i < selection->len; i++)
    values[i] = g_ptr_array_index (selection, i);
  values[selection->len] = NULL;

  return values;
}

void
vt_query_facet_values_changed (VtQuery    *self,
                               VtFacetKey  key)
{
  g_return_if_fail (VT_IS_QUERY (self));
  g_return_if_fail ((guint) key < VT_N_FACETS);

  if (self->selection[key]->len > 0)
    emit_changed (self, VT_CHANGE_DIFFERENT);
}

void
vt_query_clear_facet (VtQuery    *self,
                      VtFacetKey  key)
{
  g_return_if_fail (VT_IS_QUERY (self));
  g_return_if_fail ((guint) key < VT_N_FACETS);

  if (self->selection[key]->len == 0)
    return;

  g_ptr_array_set_size (self->selection[key], 0);
  self->facet_mask &= ~(1u << key);

  emit_changed (self, VT_CHANGE_WIDER);
}

static void
set_range (VtQuery     *self,
           VtRangeKey   key,
           const Range *range)
{
  int change = range_change (&self->ranges[key], range);

  self->ranges[key] = *range;
  emit_changed (self, change);
}

void
vt_query_set_int_range (VtQuery    *self,
                        VtRangeKey  key,
                        int         min,
                        int         max)
{
  Range range = { TRUE, bound_from_int (min), bound_from_int (max) };

  g_return_if_fail (VT_IS_QUERY (self));
  g_return_if_fail (key == VT_RANGE_IMPACT || key == VT_RANGE_YEAR);

  set_range (self, key, &range);
}

gboolean
vt_query_get_int_range (VtQuery    *self,
                        VtRangeKey  key,
                        int        *min,
                        int        *max)
{
  const Range *range;

  g_return_val_if_fail (VT_IS_QUERY (self), FALSE);
  g_return_val_if_fail (key == VT_RANGE_IMPACT || key == VT_RANGE_YEAR, FALSE);

  range = &self->ranges[key];
  if (min != NULL)
    *min = range->set ? bound_to_int (range->lo) : G_MININT;
  if (max != NULL)
    *max = range->set ? bound_to_int (range->hi) : G_MAXINT;

  return range->set;
}

void
vt_query_set_price_range (VtQuery       *self,
                          const VtPrice *min,
                          const VtPrice *max)
{
  Range range = { TRUE, { 0, 0 }, BOUND_MAX };

  g_return_if_fail (VT_IS_QUERY (self));

  if (min != NULL)
    range.lo = min->amount;
  if (max != NULL)
    range.hi = max->amount;

  self->has_price_min = min != NULL;
  self->has_price_max = max != NULL;
  self->price_min = min != NULL ? *min : (VtPrice) { { 0, 0 }, NULL };
  self->price_max = max != NULL ? *max : (VtPrice) { { 0, 0 }, NULL };

  set_range (self, VT_RANGE_PRICE, &range);
}

gboolean
vt_query_get_price_range (VtQuery  *self,
                          VtPrice  *min,
                          gboolean *has_min,
                          VtPrice  *max,
                          gboolean *has_max)
{
  gboolean set;

  g_return_val_if_fail (VT_IS_QUERY (self), FALSE);

  set = self->ranges[VT_RANGE_PRICE].set;
  if (min != NULL)
    *min = self->price_min;
  if (has_min != NULL)
    *has_min = set && self->has_price_min;
  if (max != NULL)
    *max = self->price_max;
  if (has_max != NULL)
    *has_max = set && self->has_price_max;

  return set;
}

void
vt_query_clear_range (VtQuery    *self,
                      VtRangeKey  key)
{
  Range unset = { FALSE, { 0, 0 }, { 0, 0 } };

  g_return_if_fail (VT_IS_QUERY (self));
  g_return_if_fail ((guint) key < VT_N_RANGES);

  if (key == VT_RANGE_PRICE)
    {
      self->has_price_min = self->has_price_max = FALSE;
      self->price_min = self->price_max = (VtPrice) { { 0, 0 }, NULL };
    }

  set_range (self, key, &unset);
}

void
vt_query_clear (VtQuery *self)
{
  gboolean had_search, was_empty;

  g_return_if_fail (VT_IS_QUERY (self));

  had_search = self->search[0] != '\0';
  was_empty = vt_query_is_empty (self);
  if (!had_search && was_empty)
    return;

  g_free (self->search);
  self->search = g_strdup ("");
  g_array_set_size (self->words, 0);

  for (guint key = 0; key < VT_N_FACETS; key++)
    g_ptr_array_set_size (self->selection[key], 0);
  self->facet_mask = 0;

  for (guint key = 0; key < VT_N_RANGES; key++)
    self->ranges[key] = (Range) { FALSE, { 0, 0 }, { 0, 0 } };
  self->has_price_min = self->has_price_max = FALSE;
  self->price_min = self->price_max = (VtPrice) { { 0, 0 }, NULL };

  /* Dropping every condition can only let more items through. */
  emit_changed (self, was_empty ? NO_CHANGE : VT_CHANGE_WIDER);
  if (had_search)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

gboolean
vt_query_is_empty (VtQuery *self)
{
  g_return_val_if_fail (VT_IS_QUERY (self), TRUE);

  if (self->words->len > 0 || self->facet_mask != 0)
    return FALSE;
  for (guint key = 0; key < VT_N_RANGES; key++)
    if (self->ranges[key].set)
      return FALSE;
  return TRUE;
}

gboolean
vt_query_matches_none (VtQuery *self)
{
  g_return_val_if_fail (VT_IS_QUERY (self), FALSE);

  for (guint key = 0; key < VT_N_RANGES; key++)
    if (range_is_empty (&self->ranges[key]))
      return TRUE;
  return FALSE;
}
