/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exact decimal prices: parsed into a 128-bit integer of fixed scale, never a float. */

#define G_LOG_DOMAIN "vitrine-price"

#include "config.h"

#include "vt-price.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (vt-price-error-quark, vt_price_error)

#define AMOUNT_MAX (~(unsigned __int128) 0)

/* Longest currency code we accept ("ETH", "USD", "USDC", "WETH"...). */
#define CURRENCY_MAX_LENGTH 10

static unsigned __int128
power_of_ten (guint n)
{
  unsigned __int128 value = 1;

  while (n-- > 0)
    value *= 10;
  return value;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* value = value * 10 + digit, FALSE on overflow. */
static gboolean
push_digit (unsigned __int128 *value,
            guint              digit)
{
  if (*value > (AMOUNT_MAX - digit) / 10)
    return FALSE;
  *value = *value * 10 + digit;
  return TRUE;
}

static gboolean
fail (GError     **error,
      VtPriceError code,
      const char  *text,
      const char  *reason)
{
  g_set_error (error, VT_PRICE_ERROR, code,
               /* Translators: "0,7 ETH" is not a price: <reason> */
               _("“%s” is not a price: %s"), text, reason);
  return FALSE;
}

static gboolean
starts_with_word (const char *p,
                  const char *word)
{
  return g_ascii_strncasecmp (p, word, strlen (word)) == 0;
}

gboolean
vt_price_parse (const char  *text,
                VtPrice     *price,
                GError     **error)
{
  unsigned __int128 integer = 0;
  unsigned __int128 fraction = 0;
  guint n_integer_digits = 0;
  guint n_fraction_digits = 0;
  guint group_digits = 0;
  gboolean grouped = FALSE;
  const char *p;
  const char *currency_start;
  gsize currency_length;

  g_return_val_if_fail (price != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";

  p = text;
  while (is_space (*p))
    p++;

  if (*p == '\0')
    {
      g_set_error_literal (error, VT_PRICE_ERROR, VT_PRICE_ERROR_EMPTY,
                           _("The price is empty"));
      return FALSE;
    }

  if (*p == '-' || strncmp (p, "\xe2\x88\x92", 3) == 0)   /* '-' or U+2212 */
    return fail (error, VT_PRICE_ERROR_NEGATIVE, text,
                 _("a price cannot be negative"));

  if (starts_with_word (p, "nan") || starts_with_word (p, "inf")
      || strncmp (p, "\xe2\x88\x9e", 3) == 0)                /* U+221E */
    return fail (error, VT_PRICE_ERROR_INVALID, text,
                 _("it is not a finite number"));

  /* The integer part, with optional grouping commas: 1,250 or 12,345,678. */
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (!push_digit (&integer, *p - '0'))
            return fail (error, VT_PRICE_ERROR_OVERFLOW, text,
                         _("the amount is too large"));
          n_integer_digits++;
          group_digits++;
          if (grouped && group_digits > 3)
            return fail (error, VT_PRICE_ERROR_INVALID, text,
                         _("commas must separate groups of three digits"));
        }
      else if (*p == ',')
        {
          if (group_digits == 0 || group_digits > 3 || (grouped && group_digits != 3))
            return fail (error, VT_PRICE_ERROR_INVALID, text,
                         _("commas must separate groups of three digits"));
          grouped = TRUE;
          group_digits = 0;
        }
      else
        break;
    }

  if (grouped && group_digits != 3)
    return fail (error, VT_PRICE_ERROR_INVALID, text,
                 _("commas must separate groups of three digits"));

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          n_fraction_digits++;
          if (n_fraction_digits > VT_PRICE_SCALE)
            return fail (error, VT_PRICE_ERROR_TOO_PRECISE, text,
                         _("it has more than 18 decimal places"));
          fraction = fraction * 10 + (guint) (*p - '0');
        }
      if (n_fraction_digits == 0)
        return fail (error, VT_PRICE_ERROR_INVALID, text,
                     _("there is no digit after the decimal point"));
    }

  if (n_integer_digits == 0 && n_fraction_digits == 0)
    return fail (error, VT_PRICE_ERROR_INVALID, text,
                 _("it does not start with an amount"));

  if ((*p == 'e' || *p == 'E')
      && (g_ascii_isdigit (p[1]) || p[1] == '+' || p[1] == '-'))
    return fail (error, VT_PRICE_ERROR_INVALID, text,
                 _("write the amount in full, without an exponent"));

  if (*p != '\0' && !is_space (*p))
    return fail (error, VT_PRICE_ERROR_INVALID, text,
                 _("put a space between the amount and the currency"));

  while (is_space (*p))
    p++;

  /* The currency: letters and digits, starting with a letter. */
  currency_start = p;
  if (*p != '\0' && !g_ascii_isalpha (*p))
    return fail (error, VT_PRICE_ERROR_INVALID, text,
                 _("the currency must be a code such as ETH"));
  while (g_ascii_isalnum (*p))
    p++;
  currency_length = (gsize) (p - currency_start);

  while (is_space (*p))
    p++;
  if (*p != '\0')
    return fail (error, VT_PRICE_ERROR_INVALID, text,
                 _("unexpected text after the currency"));
  if (currency_length > CURRENCY_MAX_LENGTH)
    return fail (error, VT_PRICE_ERROR_INVALID, text,
                 _("the currency must be a code such as ETH"));

  /* amount = integer * 10^18 + fraction * 10^(18 - decimals) */
  {
    unsigned __int128 scale = power_of_ten (VT_PRICE_SCALE);
    unsigned __int128 scaled_fraction = fraction * power_of_ten (VT_PRICE_SCALE - n_fraction_digits);

    if (integer > (AMOUNT_MAX - scaled_fraction) / scale)
      return fail (error, VT_PRICE_ERROR_OVERFLOW, text,
                   _("the amount is too large"));

    price->amount = integer * scale + scaled_fraction;
  }

  if (currency_length > 0)
    {
      char code[CURRENCY_MAX_LENGTH + 1];

      memcpy (code, currency_start, currency_length);
      code[currency_length] = '\0';
      price->currency = g_intern_string (code);
    }
  else
    price->currency = NULL;

  return TRUE;
}

int
vt_price_compare (const VtPrice *a,
                  const VtPrice *b)
{
  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  if (a->amount != b->amount)
    return a->amount < b->amount ? -1 : 1;
  if (a->currency == b->currency)
    return 0;
  if (a->currency == NULL)
    return -1;
  if (b->currency == NULL)
    return 1;
  return strcmp (a->currency, b->currency);
}

gboolean
vt_price_equal (const VtPrice *a,
                const VtPrice *b)
{
  return vt_price_compare (a, b) == 0;
}

char *
vt_price_format_amount (const VtPrice *price)
{
  /* 2^128 has 39 digits; with the point and the end: 41 bytes. */
  char buffer[64];
  char *end = buffer + sizeof buffer - 1;
  char *p = end;
  unsigned __int128 scale;
  unsigned __int128 integer;
  unsigned __int128 fraction;
  gboolean any = FALSE;

  g_return_val_if_fail (price != NULL, NULL);

  scale = power_of_ten (VT_PRICE_SCALE);
  integer = price->amount / scale;
  fraction = price->amount % scale;

  *p = '\0';

  /* Fraction digits from the right, trailing zeros dropped. */
  for (guint i = 0; i < VT_PRICE_SCALE; i++)
    {
      guint digit = (guint) (fraction % 10);

      fraction /= 10;
      if (!any && digit == 0)
        continue;
      any = TRUE;
      *--p = (char) ('0' + digit);
    }
  if (any)
    *--p = '.';

  do
    {
      *--p = (char) ('0' + (guint) (integer % 10));
      integer /= 10;
    }
  while (integer > 0);

  return g_strdup (p);
}

char *
vt_price_format (const VtPrice *price)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (price != NULL, NULL);

  amount = vt_price_format_amount (price);
  if (price->currency == NULL)
    return g_steal_pointer (&amount);
  return g_strconcat (amount, " ", price->currency, NULL);
}
