/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exact decimal prices: parsed into a 128-bit integer (two 64-bit halves) of fixed scale, never a float. */

#define G_LOG_DOMAIN "vitrine-price"

#include "config.h"

#include "vt-price.h"
#include "vt-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (vt-price-error-quark, vt_price_error)

/* Longest currency code we accept ("ETH", "USD", "USDC", "WETH"...). */
#define CURRENCY_MAX_LENGTH 10

#define LOW_32(x) ((x) & G_GUINT64_CONSTANT (0xffffffff))

static guint64
power_of_ten (guint n)
{
  guint64 value = 1;

  g_assert (n <= VT_PRICE_SCALE);
  while (n-- > 0)
    value *= 10;
  return value;
}

/* @a x @b, the 128 bits of it in *@high and *@low, from four products
 * of 32-bit halves. */
static void
multiply_64 (guint64  a,
             guint64  b,
             guint64 *high,
             guint64 *low)
{
  guint64 low_low = LOW_32 (a) * LOW_32 (b);
  guint64 low_high = LOW_32 (a) * (b >> 32);
  guint64 high_low = (a >> 32) * LOW_32 (b);
  guint64 high_high = (a >> 32) * (b >> 32);
  guint64 middle = (low_low >> 32) + LOW_32 (low_high) + LOW_32 (high_low);

  *low = (middle << 32) | LOW_32 (low_low);
  *high = high_high + (low_high >> 32) + (high_low >> 32) + (middle >> 32);
}

/* *@value = *@value x @factor + @addend; FALSE, and *@value unchanged,
 * when that does not fit in 128 bits. */
static gboolean
multiply_add (VtAmount *value,
              guint64   factor,
              guint64   addend)
{
  guint64 low_high, low_low, high_high, high_low;
  VtAmount result;

  multiply_64 (value->low, factor, &low_high, &low_low);
  multiply_64 (value->high, factor, &high_high, &high_low);
  if (high_high != 0)
    return FALSE;

  result.low = low_low + addend;
  result.high = low_high + high_low;
  if (result.high < low_high)
    return FALSE;
  if (result.low < low_low)
    {
      if (result.high == G_MAXUINT64)
        return FALSE;
      result.high++;
    }

  *value = result;
  return TRUE;
}

/* *@value = *@value / @divisor; returns the remainder. */
static guint
divide (VtAmount *value,
        guint32   divisor)
{
  guint64 parts[4] = {
    value->high >> 32, LOW_32 (value->high), value->low >> 32, LOW_32 (value->low)
  };
  guint64 remainder = 0;

  /* Long division on 32-bit digits: each step divides less than 2^64. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      guint64 current = (remainder << 32) | parts[i];

      parts[i] = current / divisor;
      remainder = current % divisor;
    }

  value->high = (parts[0] << 32) | parts[1];
  value->low = (parts[2] << 32) | parts[3];
  return (guint) remainder;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static gboolean
fail (GError     **error,
      VtPriceError code,
      const char  *text,
      const char  *reason)
{
  g_autofree char *cut = NULL;

  g_set_error (error, VT_PRICE_ERROR, code,
               /* Translators: "0,7 ETH" is not a price: <reason> */
               _("“%s” is not a price: %s"), vt_text_bound (text, VT_TEXT_BOUND_QUOTE, &cut), reason);
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
  VtAmount integer = { 0, 0 };
  guint64 fraction = 0;
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
          if (!multiply_add (&integer, 10, (guint64) (*p - '0')))
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

  /* amount = integer * 10^18 + fraction * 10^(18 - decimals); the
   * scaled fraction is below 10^18, so it fits in 64 bits. */
  if (!multiply_add (&integer, power_of_ten (VT_PRICE_SCALE),
                     fraction * power_of_ten (VT_PRICE_SCALE - n_fraction_digits)))
    return fail (error, VT_PRICE_ERROR_OVERFLOW, text,
                 _("the amount is too large"));
  price->amount = integer;

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
  int order;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  order = vt_amount_compare (a->amount, b->amount);
  if (order != 0)
    return order;
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
  VtAmount value;
  gboolean any = FALSE;

  g_return_val_if_fail (price != NULL, NULL);

  value = price->amount;
  *p = '\0';

  /* Fraction digits from the right, trailing zeros dropped. */
  for (guint i = 0; i < VT_PRICE_SCALE; i++)
    {
      guint digit = divide (&value, 10);

      if (!any && digit == 0)
        continue;
      any = TRUE;
      *--p = (char) ('0' + digit);
    }
  if (any)
    *--p = '.';

  /* Then the integer part, "0" at the least. */
  do
    *--p = (char) ('0' + divide (&value, 10));
  while (value.high != 0 || value.low != 0);

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
