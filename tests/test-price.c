/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for exact decimal prices: parsing, refusals, ordering and formatting. */

#include "config.h"

#include "vt-price.h"

#include <string.h>

#define E18 G_GUINT64_CONSTANT (1000000000000000000)

/* @integer x 10^18 + @fraction, worked out apart from the code under test:
 * schoolbook multiplication on 32-bit digits. */
static VtAmount
amount_of (guint64 integer,
           guint64 fraction)
{
  guint64 a[2] = { integer & 0xffffffff, integer >> 32 };
  guint64 b[2] = { E18 & 0xffffffff, E18 >> 32 };
  guint64 digits[4] = { fraction & 0xffffffff, fraction >> 32, 0, 0 };

  for (guint i = 0; i < 2; i++)
    {
      guint64 carry = 0;

      for (guint j = 0; j < 2; j++)
        {
          guint64 sum = digits[i + j] + a[i] * b[j] + carry;

          digits[i + j] = sum & 0xffffffff;
          carry = sum >> 32;
        }
      for (guint k = i + 2; carry != 0 && k < 4; k++)
        {
          guint64 sum = digits[k] + carry;

          digits[k] = sum & 0xffffffff;
          carry = sum >> 32;
        }
    }

  return (VtAmount) { (digits[3] << 32) | digits[2], (digits[1] << 32) | digits[0] };
}

static void
assert_amount (VtAmount amount,
               guint64  high,
               guint64  low)
{
  g_assert_cmpuint (amount.high, ==, high);
  g_assert_cmpuint (amount.low, ==, low);
}

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
      g_assert_cmpint (vt_amount_compare (price.amount, amount_of (cases[i].integer, cases[i].fraction)), ==, 0);
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
      VtPrice price = { { 0, 42 }, NULL };

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
  assert_amount (price.amount, G_MAXUINT64, G_MAXUINT64);
  formatted = vt_price_format_amount (&price);
  g_assert_cmpstr (formatted, ==, "340282366920938463463.374607431768211455");
  g_assert_false (vt_price_parse ("340282366920938463463.374607431768211456 ETH", &price, NULL));
}

/* Where the amount crosses from one 64-bit half into the other, and the
 * limits around the largest amount, each way of going over them refused. */
static void
test_parse_edges (void)
{
  static const struct {
    const char *text;
    guint64 high;
    guint64 low;
    const char *formatted;
  } valid[] = {
    { "0.999999999999999999", 0, G_GUINT64_CONSTANT (999999999999999999), "0.999999999999999999" },
    { "18.446744073709551615", 0, G_MAXUINT64, "18.446744073709551615" },
    { "18.446744073709551616", 1, 0, "18.446744073709551616" },
    { "18.446744073709551617", 1, 1, "18.446744073709551617" },
    { "36.893488147419103232", 2, 0, "36.893488147419103232" },
    { "100000000000000000000", G_GUINT64_CONSTANT (5421010862427522170),
      G_GUINT64_CONSTANT (687399551400673280), "100000000000000000000" },
    { "340,282,366,920,938,463,463.374607431768211455", G_MAXUINT64, G_MAXUINT64,
      "340282366920938463463.374607431768211455" },
  };
  static const struct {
    const char *text;
    VtPriceError code;
  } refused[] = {
    /* One unit of 10^-18 above the largest amount. */
    { "340282366920938463463.374607431768211456 ETH", VT_PRICE_ERROR_OVERFLOW },
    /* A whole part that fits in 128 bits, but not once scaled. */
    { "340282366920938463463374607431768211455 ETH", VT_PRICE_ERROR_OVERFLOW },
    /* A whole part that does not fit in 128 bits itself. */
    { "340282366920938463463374607431768211456 ETH", VT_PRICE_ERROR_OVERFLOW },
    { "1000000000000000000000 ETH", VT_PRICE_ERROR_OVERFLOW },
    /* 19 decimals, even when the last is a zero. */
    { "340282366920938463463.3746074317682114550 ETH", VT_PRICE_ERROR_TOO_PRECISE },
    { "0.0000000000000000010 ETH", VT_PRICE_ERROR_TOO_PRECISE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *formatted = NULL;
      VtPrice price;

      g_test_message ("parsing %s", valid[i].text);
      g_assert_true (vt_price_parse (valid[i].text, &price, &error));
      g_assert_no_error (error);
      assert_amount (price.amount, valid[i].high, valid[i].low);
      formatted = vt_price_format_amount (&price);
      g_assert_cmpstr (formatted, ==, valid[i].formatted);

      /* In the order of the table, each above the one before. */
      if (i > 0)
        {
          VtPrice before;

          g_assert_true (vt_price_parse (valid[i - 1].text, &before, NULL));
          g_assert_cmpint (vt_price_compare (&before, &price), <, 0);
          g_assert_cmpint (vt_price_compare (&price, &before), >, 0);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      VtPrice price;

      g_test_message ("refusing %s", refused[i].text);
      g_assert_false (vt_price_parse (refused[i].text, &price, &error));
      g_assert_error (error, VT_PRICE_ERROR, (gint) refused[i].code);
    }
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
  g_test_add_func ("/price/parse/edges", test_parse_edges);
  g_test_add_func ("/price/compare/order", test_compare);
  g_test_add_func ("/price/compare/exact", test_compare_exact);

  return g_test_run ();
}
