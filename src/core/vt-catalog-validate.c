/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules a catalog's pieces are checked against, and the problems they find. */

#define G_LOG_DOMAIN "vitrine-catalog"

#include "config.h"

#include "vt-catalog-private.h"
#include "vt-field.h"
#include "vt-image-decode.h"
#include "vt-item-private.h"
#include "vt-text.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

/* "1950s" (or "1950's") → 1950. */
static gboolean
parse_decade (const char *text,
              int        *start)
{
  const char *p = text;
  gint64 value = 0;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p) && p - text < 5; p++)
    value = value * 10 + (*p - '0');
  if (*p == '\'')
    p++;
  if (*p != 's' || p[1] != '\0' || value % 10 != 0)
    return FALSE;
  *start = (int) value;
  return TRUE;
}

static gboolean
has_load_problem (VtItem  *item,
                  VtField  field)
{
  GPtrArray *problems = vt_item_get_load_problems (item);
  const char *member = vt_field_get_member (field);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (g_strcmp0 (vt_problem_get_field (g_ptr_array_index (problems, i)), member) == 0)
      return TRUE;
  return FALSE;
}

static void G_GNUC_PRINTF (5, 6)
add_problem (GPtrArray  *problems,
             VtItem     *item,
             VtSeverity  severity,
             VtField     field,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems,
                   vt_problem_new_for_item (severity,
                                            item != NULL ? vt_item_get_index (item) : -1,
                                            item != NULL ? vt_item_get_number (item) : 0,
                                            item != NULL ? vt_item_get_title (item) : NULL,
                                            vt_field_get_member (field), message));
}

static void
check_image (GPtrArray *problems,
             VtItem    *item,
             gboolean   read_header)
{
  const char *written = vt_item_get_image_path (item);
  GFile *image = vt_item_get_image (item);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refusal = NULL;
  GStatBuf st;

  switch (vt_item_get_image_place (item))
    {
    case VT_IMAGE_PLACE_NONE:
      if (!has_load_problem (item, VT_FIELD_IMAGE))
        add_problem (problems, item, VT_SEVERITY_WARNING, VT_FIELD_IMAGE,
                     _("missing: the piece has no image"));
      return;

    case VT_IMAGE_PLACE_REMOTE:
    case VT_IMAGE_PLACE_OUTSIDE:
      refusal = vt_item_dup_image_refusal (item);
      if (refusal != NULL)
        {
          add_problem (problems, item, VT_SEVERITY_ERROR, VT_FIELD_IMAGE, "%s", refusal);
          return;
        }
      break;

    case VT_IMAGE_PLACE_INSIDE:
      break;
    }

  path = g_file_get_path (image);

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        add_problem (problems, item, VT_SEVERITY_ERROR, VT_FIELD_IMAGE,
                     _("“%s” does not exist (looked for %s)"), written, path);
      else if (saved_errno == ELOOP)
        add_problem (problems, item, VT_SEVERITY_ERROR, VT_FIELD_IMAGE,
                     _("“%s” is a symbolic link that leads back to itself, not an image"), written);
      else
        add_problem (problems, item, VT_SEVERITY_ERROR, VT_FIELD_IMAGE,
                     _("“%s” cannot be read: %s"), written, g_strerror (saved_errno));
      return;
    }

  if (S_ISDIR (st.st_mode))
    {
      add_problem (problems, item, VT_SEVERITY_ERROR, VT_FIELD_IMAGE,
                   _("“%s” is a folder, not an image"), written);
      return;
    }

  /* Opened as the thumbnailer opens it: a fifo or a terminal named as
   * the image must not make validation wait. */
  if (read_header && !vt_image_check_file (path, written, NULL, NULL, &error))
    add_problem (problems, item, VT_SEVERITY_ERROR, VT_FIELD_IMAGE, "%s", error->message);
}

/* The number of characters of @text when there are more than @max. */
static gboolean
is_too_long (const char *text,
             guint       max,
             glong      *n_chars)
{
  /* Most texts are shorter in bytes than the limit in characters: not
   * counted. */
  if (text == NULL || max == 0 || strlen (text) <= max)
    return FALSE;

  *n_chars = g_utf8_strlen (text, -1);
  return *n_chars > (glong) max;
}

/* The limits of the field table (vt_field_get_max_chars ()): a value
 * over them loads, and the window shows it cut, but it is reported. */
static void
check_lengths (GPtrArray *problems,
               VtItem    *item)
{
  for (guint i = 0; i < VT_N_FIELDS; i++)
    {
      VtField field = (VtField) i;
      guint max_chars = vt_field_get_max_chars (field);
      guint max_values = vt_field_get_max_values (field);
      const char * const *values = NULL;
      guint n_values = 0;
      glong n_chars;

      if (max_chars == 0)
        continue;

      if (vt_field_is_string (field))
        {
          const char *value = vt_item_get_string (item, field);
          g_autofree char *cut = NULL;

          if (is_too_long (value, max_chars, &n_chars))
            add_problem (problems, item, VT_SEVERITY_WARNING, field,
                         /* Translators: after the field's name, "title: 5000 characters,
                          * more than the 1000 allowed: “Treaty of…”" */
                         _("%ld characters, more than the %u allowed: “%s”"),
                         n_chars, max_chars, vt_text_bound (value, VT_TEXT_BOUND_QUOTE, &cut));
          continue;
        }

      if (field == VT_FIELD_TEXT)
        values = vt_item_get_text (item);
      else if (field == VT_FIELD_COUNTRIES)
        values = vt_item_get_countries (item);
      else
        g_assert_not_reached ();

      for (; values[n_values] != NULL; n_values++)
        {
          g_autofree char *cut = NULL;

          /* Past the count allowed, one problem says it for all. */
          if (n_values < max_values && is_too_long (values[n_values], max_chars, &n_chars))
            add_problem (problems, item, VT_SEVERITY_WARNING, field,
                         /* Translators: after the field's name, "text: entry 2 has 70000
                          * characters, more than the 64000 allowed: “In the…”" */
                         _("entry %u has %ld characters, more than the %u allowed: “%s”"),
                         n_values + 1, n_chars, max_chars,
                         vt_text_bound (values[n_values], VT_TEXT_BOUND_QUOTE, &cut));
        }
      if (n_values > max_values)
        add_problem (problems, item, VT_SEVERITY_WARNING, field,
                     /* Translators: after the field's name, "countries: 300 entries,
                      * more than the 250 allowed" */
                     _("%u entries, more than the %u allowed"), n_values, max_values);
    }
}

/* The currency the pieces should be priced in: the collection's, or
 * when it names none the one most pieces use. */
static const char *
reference_currency (GPtrArray  *items,
                    const char *collection_currency)
{
  g_autoptr(GHashTable) counts = NULL;
  const char *best = NULL;
  guint best_count = 0;

  if (collection_currency != NULL)
    return g_intern_string (collection_currency);

  counts = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      VtPrice price;
      guint count;

      if (!vt_item_get_price (g_ptr_array_index (items, i), &price) || price.currency == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, price.currency)) + 1;
      g_hash_table_insert (counts, (gpointer) price.currency, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best = price.currency;
          best_count = count;
        }
    }
  return best;
}

static int
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  VtProblem *pa = *(VtProblem **) a;
  VtProblem *pb = *(VtProblem **) b;

  /* Errors first. */
  return (int) vt_problem_get_severity (pb) - (int) vt_problem_get_severity (pa);
}

static int
compare_number (gconstpointer a,
                gconstpointer b)
{
  guint na = vt_problem_get_number (*(VtProblem **) a);
  guint nb = vt_problem_get_number (*(VtProblem **) b);

  return na < nb ? -1 : na > nb;
}

static char *
summarize (GPtrArray *problems)
{
  VtProblem *first;
  g_autofree char *text = NULL;

  if (problems->len == 0)
    return NULL;

  first = g_ptr_array_index (problems, 0);
  if (vt_problem_get_field (first) != NULL)
    text = g_strdup_printf ("%s: %s", vt_problem_get_field (first), vt_problem_get_message (first));
  else
    text = g_strdup (vt_problem_get_message (first));

  if (problems->len == 1)
    return g_steal_pointer (&text);

  return g_strdup_printf (ngettext ("%s (and %'u more problem)",
                                    "%s (and %'u more problems)",
                                    problems->len - 1),
                          text, problems->len - 1);
}

/* The rules of one piece; @first is the piece before it in the catalog
 * that has the same number, if any. */
static void
check_rules (GPtrArray  *item_problems,
             VtItem     *item,
             VtItem     *first,
             const char *currency,
             const char *expected_currency,
             guint       total,
             gboolean    read_image_headers)
{
  GPtrArray *loaded = vt_item_get_load_problems (item);
  guint number = vt_item_get_number (item);
  const char *decade = vt_item_get_decade (item);
  VtPrice price;

  for (guint j = 0; loaded != NULL && j < loaded->len; j++)
    g_ptr_array_add (item_problems, g_object_ref (g_ptr_array_index (loaded, j)));

  if (number == 0)
    {
      if (!has_load_problem (item, VT_FIELD_NUMBER))
        add_problem (item_problems, item, VT_SEVERITY_ERROR, VT_FIELD_NUMBER,
                     _("missing: every piece needs its number in the collection"));
    }
  else
    {
      if (first != NULL && vt_item_get_title (first) != NULL)
        {
          g_autofree char *cut = NULL;

          add_problem (item_problems, item, VT_SEVERITY_ERROR, VT_FIELD_NUMBER,
                       _("%u is also the number of “%s”"), number,
                       vt_text_bound (vt_item_get_title (first), VT_TEXT_BOUND_LINE, &cut));
        }
      else if (first != NULL)
        add_problem (item_problems, item, VT_SEVERITY_ERROR, VT_FIELD_NUMBER,
                     _("%u is also the number of another piece"), number);

      if (total > 0 && number > total)
        add_problem (item_problems, item, VT_SEVERITY_WARNING, VT_FIELD_NUMBER,
                     _("%u is above the collection’s total of %u"), number, total);
    }

  if (vt_item_get_title (item) == NULL && !has_load_problem (item, VT_FIELD_TITLE))
    add_problem (item_problems, item, VT_SEVERITY_ERROR, VT_FIELD_TITLE, _("missing"));

  if (vt_item_has_impact (item)
      && (vt_item_get_impact (item) < 1 || vt_item_get_impact (item) > 10))
    add_problem (item_problems, item, VT_SEVERITY_ERROR, VT_FIELD_IMPACT,
                 _("%d is outside 1-10"), vt_item_get_impact (item));

  if (decade != NULL)
    {
      g_autofree char *cut = NULL;
      int start;

      if (!parse_decade (decade, &start))
        add_problem (item_problems, item, VT_SEVERITY_WARNING, VT_FIELD_DECADE,
                     _("“%s” is not a decade such as “1950s”"),
                     vt_text_bound (decade, VT_TEXT_BOUND_QUOTE, &cut));
      else if (vt_item_has_year (item)
               && (vt_item_get_year (item) < start || vt_item_get_year (item) > start + 9))
        add_problem (item_problems, item, VT_SEVERITY_WARNING, VT_FIELD_YEAR,
                     _("%d is outside the decade “%s”"), vt_item_get_year (item), decade);
    }

  if (vt_item_get_price_text (item) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *cut = NULL;
      const char *quoted = vt_text_bound (vt_item_get_price_text (item), VT_TEXT_BOUND_QUOTE, &cut);

      if (!vt_price_parse (vt_item_get_price_text (item), &price, &error))
        add_problem (item_problems, item, VT_SEVERITY_ERROR, VT_FIELD_PRICE, "%s", error->message);
      else if (price.currency != NULL && expected_currency != NULL
               && price.currency != expected_currency)
        {
          if (currency != NULL)
            add_problem (item_problems, item, VT_SEVERITY_WARNING, VT_FIELD_PRICE,
                         _("“%s” is in %s, but the collection’s currency is %s"),
                         quoted, price.currency, expected_currency);
          else
            add_problem (item_problems, item, VT_SEVERITY_WARNING, VT_FIELD_PRICE,
                         _("“%s” is in %s, but most pieces are priced in %s"),
                         quoted, price.currency, expected_currency);
        }
    }

  check_lengths (item_problems, item);
  check_image (item_problems, item, read_image_headers);
}

GPtrArray *
vt_catalog_find_problems (GPtrArray    *items,
                          GPtrArray    *catalog_problems,
                          const char   *currency,
                          guint         total,
                          gboolean      read_image_headers,
                          gboolean      notify,
                          GCancellable *cancellable)
{
  g_autoptr(GHashTable) first_by_number = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) item_problems = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  const char *expected_currency = reference_currency (items, currency);

  for (guint i = 0; catalog_problems != NULL && i < catalog_problems->len; i++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (catalog_problems, i)));

  for (guint i = 0; i < items->len; i++)
    {
      VtItem *item = g_ptr_array_index (items, i);
      VtItem *first = NULL;
      guint number = vt_item_get_number (item);

      g_ptr_array_set_size (item_problems, 0);

      if (number > 0)
        {
          first = g_hash_table_lookup (first_by_number, GUINT_TO_POINTER (number));
          if (first == NULL)
            g_hash_table_insert (first_by_number, GUINT_TO_POINTER (number), item);
        }
      check_rules (item_problems, item, first, currency, expected_currency, total, read_image_headers);

      g_ptr_array_sort (item_problems, compare_severity);
      if (notify)
        {
          g_autofree char *summary = summarize (item_problems);
          vt_item_set_problem (item, summary);
        }
      else
        vt_item_take_problem_quietly (item, summarize (item_problems));

      for (guint j = 0; j < item_problems->len; j++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (item_problems, j)));

      if (i % 1024 == 1023 && g_cancellable_is_cancelled (cancellable))
        break;
    }

  /* Stable: the catalog's own problems (number 0) stay first. */
  g_ptr_array_sort (all, compare_number);
  return all;
}

GPtrArray *
vt_catalog_find_item_problems (GPtrArray  *items,
                               VtItem     *item,
                               VtItem     *origin,
                               const char *currency,
                               guint       total)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new_full (items->len + 1, NULL);
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_object_unref);
  guint number = vt_item_get_number (item);
  VtItem *first = NULL;

  /* The catalog as it would be with @item in place of @origin, for the
   * currency most pieces use. */
  for (guint i = 0; i < items->len; i++)
    {
      VtItem *other = g_ptr_array_index (items, i);

      if (other == origin)
        continue;
      g_ptr_array_add (others, other);
      /* Validation blames the later of two pieces with one number; here
       * it is @item that is being changed, wherever the other lies. */
      if (first == NULL && number > 0 && vt_item_get_number (other) == number)
        first = other;
    }
  g_ptr_array_add (others, item);

  check_rules (problems, item, first, currency, reference_currency (others, currency), total, FALSE);
  g_ptr_array_sort (problems, compare_severity);
  return problems;
}
