/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ranges as people write them on the command line: "2..8", "..1 ETH", "1950..". */

#define G_LOG_DOMAIN "vitrine-query"

#include "config.h"

#include "vt-query.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Splits "LO..HI" into its trimmed halves; "V" gives V for both. */
static gboolean
split_range (const char  *text,
             char       **lo,
             char       **hi,
             GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *dots;

  if (*copy == '\0')
    {
      g_set_error (error, VT_QUERY_ERROR, VT_QUERY_ERROR_INVALID_RANGE,
                   _("The range is empty: write MIN..MAX, ..MAX, MIN.. or a single value"));
      return FALSE;
    }

  dots = strstr (copy, "..");
  if (dots == NULL)
    {
      *lo = g_strdup (copy);
      *hi = g_strdup (copy);
      return TRUE;
    }

  *lo = g_strstrip (g_strndup (copy, dots - copy));
  *hi = g_strstrip (g_strdup (dots + 2));
  if (**lo == '\0' && **hi == '\0')
    {
      g_clear_pointer (lo, g_free);
      g_clear_pointer (hi, g_free);
      g_set_error (error, VT_QUERY_ERROR, VT_QUERY_ERROR_INVALID_RANGE,
                   _("The range “%s” has no bound: write MIN..MAX, ..MAX, MIN.. or a single value"),
                   text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_int_bound (const char  *range_text,
                 const char  *text,
                 int          open_value,
                 int         *value,
                 GError     **error)
{
  gint64 number;

  if (*text == '\0')
    {
      *value = open_value;
      return TRUE;
    }

  if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &number, NULL))
    {
      g_set_error (error, VT_QUERY_ERROR, VT_QUERY_ERROR_INVALID_RANGE,
                   _("The range “%s” has “%s” where a whole number belongs"),
                   range_text, text);
      return FALSE;
    }

  *value = (int) number;
  return TRUE;
}

gboolean
vt_parse_int_range (const char  *text,
                    int         *min,
                    int         *max,
                    GError     **error)
{
  g_autofree char *lo_text = NULL;
  g_autofree char *hi_text = NULL;
  int lo, hi;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!split_range (text, &lo_text, &hi_text, error)
      || !parse_int_bound (text, lo_text, G_MININT, &lo, error)
      || !parse_int_bound (text, hi_text, G_MAXINT, &hi, error))
    return FALSE;

  if (lo > hi)
    {
      g_set_error (error, VT_QUERY_ERROR, VT_QUERY_ERROR_INVALID_RANGE,
                   _("The range “%s” starts above its end: write the smaller bound first"),
                   text);
      return FALSE;
    }

  if (min != NULL)
    *min = lo;
  if (max != NULL)
    *max = hi;
  return TRUE;
}

static gboolean
parse_price_bound (const char  *range_text,
                   const char  *text,
                   VtPrice     *price,
                   gboolean    *has_price,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *has_price = FALSE;
  *price = (VtPrice) { { 0, 0 }, NULL };
  if (*text == '\0')
    return TRUE;

  if (!vt_price_parse (text, price, &local_error))
    {
      g_set_error (error, VT_QUERY_ERROR, VT_QUERY_ERROR_INVALID_RANGE,
                   _("The price range “%s” has “%s”: %s"),
                   range_text, text, local_error->message);
      return FALSE;
    }

  *has_price = TRUE;
  return TRUE;
}

gboolean
vt_parse_price_range (const char  *text,
                      VtPrice     *min,
                      gboolean    *has_min,
                      VtPrice     *max,
                      gboolean    *has_max,
                      GError     **error)
{
  g_autofree char *lo_text = NULL;
  g_autofree char *hi_text = NULL;
  VtPrice lo, hi;
  gboolean has_lo, has_hi;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!split_range (text, &lo_text, &hi_text, error)
      || !parse_price_bound (text, lo_text, &lo, &has_lo, error)
      || !parse_price_bound (text, hi_text, &hi, &has_hi, error))
    return FALSE;

  /* "0.5..2 ETH": the currency written once stands for both bounds. */
  if (has_lo && has_hi && lo.currency == NULL)
    lo.currency = hi.currency;
  if (has_lo && has_hi && hi.currency == NULL)
    hi.currency = lo.currency;

  if (has_lo && has_hi && lo.currency != hi.currency)
    {
      g_set_error (error, VT_QUERY_ERROR, VT_QUERY_ERROR_INVALID_RANGE,
                   _("The price range “%s” mixes two currencies"),
                   text);
      return FALSE;
    }

  if (has_lo && has_hi && vt_amount_compare (lo.amount, hi.amount) > 0)
    {
      g_set_error (error, VT_QUERY_ERROR, VT_QUERY_ERROR_INVALID_RANGE,
                   _("The price range “%s” starts above its end: write the smaller price first"),
                   text);
      return FALSE;
    }

  if (min != NULL)
    *min = lo;
  if (has_min != NULL)
    *has_min = has_lo;
  if (max != NULL)
    *max = hi;
  if (has_max != NULL)
    *has_max = has_hi;
  return TRUE;
}
