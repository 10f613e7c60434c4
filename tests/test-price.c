/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for exact decimal prices: parsing, refusals, ordering and formatting. */

#include "config.h"

#include "vt-price.h"

#include <string.h>

#define E18 ((unsigned __int128) 1000000000000000000ULL)

static void
test_parse_valid (void)
{
  static const struct {
    const char *text;
    guint64 integer;           /* whole units */
    guint64 fraction;          /* in 10^-18 units */
    const char *currency;
    const char *formatted;
  } cases[] = {
    { "0.7 ETH", 0, 700000000000000000ULL, "ETH", "0.7 ETH" },
    { "12.045 ETH", 12, 45000000000000000ULL, "ETH", "12.045 ETH" },
    { "1,250.5 USD", 1250, 500000000000000000ULL, "USD", "1250.5 USD" },
    { ".5 ETH", 0, 500000000000000000ULL, "ETH", "0.5 ETH" },
    { "3", 3, 0, NULL, "3" },
    { "  2.50  ETH ", 2, 500000000000000000ULL, "ETH", "2.5 ETH" },
    { "1,234,567 USD", 1234567, 0, "USD", "1234567 USD" },
    { "0.000000000000000001 ETH", 0, 1, "ETH", "0.000000000000000001 ETH" },
    { "0 ETH", 0, 0, "ETH", "0 ETH" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *formatted = NULL;
      VtPrice price;

      g_test_message ("parsing %s", cases[i].text);
      g_assert_true (vt_price_parse (cases[i].text, &price, &error));
      g_assert_no_error (error);
      g_assert_true (price.amount == (unsigned __int128) cases[i].integer * E18 + cases[i].fraction);
      g_assert_cmpstr (price.currency, ==, cases[i].currency);
      formatted = vt_price_format (&price);
      g_assert_cmpstr (formatted, ==, cases[i].formatted);
    }
}

static void
test_parse_currency_interned (void)
{
  VtPrice a, b;

  g_assert_true (vt_price_parse ("1 ETH", &a, NULL));
  g_assert_true (vt_price_parse ("2 ETH", &b, NULL));
  /* Interned: comparing currencies is comparing pointers. */
  g_assert_true (a.currency == b.currency);
}

static void
test_parse_refused (void)
{
  static const struct {
    const char *text;
    VtPriceError code;
  } cases[] = {
    { "", VT_PRICE_ERROR_EMPTY },
    { "   ", VT_PRICE_ERROR_EMPTY },
    { "-0.7 ETH", VT_PRICE_ERROR_NEGATIVE },
    { "NaN ETH", VT_PRICE_ERROR_INVALID },
    { "inf", VT_PRICE_ERROR_INVALID },
    { "Infinity ETH", VT_PRICE_ERROR_INVALID },
    { "1e3 ETH", VT_PRICE_ERROR_INVALID },
    { "1.5E-2", VT_PRICE_ERROR_INVALID },
    { "0.1234567890123456789 ETH", VT_PRICE_ERROR_TOO_PRECISE },
    { "999999999999999999999999 ETH", VT_PRICE_ERROR_OVERFLOW },
    { "340282366920938463464 ETH", VT_PRICE_ERROR_OVERFLOW },
    { "1,25 ETH", VT_PRICE_ERROR_INVALID },
    { "12,50.5 ETH", VT_PRICE_ERROR_INVALID },
    { "1234,567 ETH", VT_PRICE_ERROR_INVALID },
    { ",500 ETH", VT_PRICE_ERROR_INVALID },
    { "1,,000 ETH", VT_PRICE_ERROR_INVALID },
    { "0,7 ETH", VT_PRICE_ERROR_INVALID },
    { "ETH", VT_PRICE_ERROR_INVALID },
    { "3. ETH", VT_PRICE_ERROR_INVALID },
    { ". ETH", VT_PRICE_ERROR_INVALID },
    { "0.7ETH", VT_PRICE_ERROR_INVALID },
    { "0.7 ETH extra", VT_PRICE_ERROR_INVALID },
    { "0.7 $", VT_PRICE_ERROR_INVALID },
    { "0.7 ETHEREUMCOIN", VT_PRICE_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      VtPrice price = { 42, NULL };

      g_test_message ("refusing “%s”", cases[i].text);
      g_assert_false (vt_price_parse (cases[i].text, &price, &error));
      g_assert_error (error, VT_PRICE_ERROR, (gint) cases[i].code);
      /* The message quotes the text so a curator can find it. */
      if (cases[i].code != VT_PRICE_ERROR_EMPTY)
        g_assert_nonnull (strstr (error->message, cases[i].text));
    }
}

static void
test_parse_largest (void)
{
  g_autofree char *formatted = NULL;
  VtPrice price;

  /* (2^128 - 1) / 10^18 = 340282366920938463463.374607431768211455 */
  g_assert_true (vt_price_parse ("340282366920938463463.374607431768211455 ETH", &price, NULL));
  g_assert_true (price.amount == ~(unsigned __int128) 0);
  formatted = vt_price_format_amount (&price);
  g_assert_cmpstr (formatted, ==, "340282366920938463463.374607431768211455");
  g_assert_false (vt_price_parse ("340282366920938463463.374607431768211456 ETH", &price, NULL));
}

static void
test_compare (void)
{
  VtPrice small, large, same_as_small, no_currency, other_currency;

  g_assert_true (vt_price_parse ("0.7 ETH", &small, NULL));
  g_assert_true (vt_price_parse ("12.045 ETH", &large, NULL));
  g_assert_true (vt_price_parse ("0.70 ETH", &same_as_small, NULL));
  g_assert_true (vt_price_parse ("0.7", &no_currency, NULL));
  g_assert_true (vt_price_parse ("0.7 USD", &other_currency, NULL));

  g_assert_cmpint (vt_price_compare (&small, &large), <, 0);
  g_assert_cmpint (vt_price_compare (&large, &small), >, 0);
  g_assert_cmpint (vt_price_compare (&small, &same_as_small), ==, 0);
  g_assert_true (vt_price_equal (&small, &same_as_small));
  /* Same amount: no currency first, then by code. */
  g_assert_cmpint (vt_price_compare (&no_currency, &small), <, 0);
  g_assert_cmpint (vt_price_compare (&small, &other_currency), <, 0);
  g_assert_false (vt_price_equal (&small, &other_currency));
}

static void
test_compare_exact (void)
{
  VtPrice a, b;

  /* Floats cannot tell these apart; exact decimals can. */
  g_assert_true (vt_price_parse ("0.100000000000000001 ETH", &a, NULL));
  g_assert_true (vt_price_parse ("0.1 ETH", &b, NULL));
  g_assert_cmpint (vt_price_compare (&b, &a), <, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/price/parse/valid", test_parse_valid);
  g_test_add_func ("/price/parse/currency-interned", test_parse_currency_interned);
  g_test_add_func ("/price/parse/refused", test_parse_refused);
  g_test_add_func ("/price/parse/largest", test_parse_largest);
  g_test_add_func ("/price/compare/order", test_compare);
  g_test_add_func ("/price/compare/exact", test_compare_exact);

  return g_test_run ();
}
