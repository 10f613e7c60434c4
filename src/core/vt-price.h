/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exact decimal prices with a currency, parsed and compared without floats. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VT_PRICE_ERROR (vt_price_error_quark ())

typedef enum
{
  VT_PRICE_ERROR_EMPTY,
  VT_PRICE_ERROR_INVALID,
  VT_PRICE_ERROR_NEGATIVE,
  VT_PRICE_ERROR_TOO_PRECISE,
  VT_PRICE_ERROR_OVERFLOW,
} VtPriceError;

/* Number of decimal places every amount is scaled to. */
#define VT_PRICE_SCALE 18

/**
 * VtAmount:
 * @high: the upper 64 bits
 * @low: the lower 64 bits
 *
 * An unsigned 128-bit integer in two halves: GCC has no 128-bit integer
 * type on the 32-bit architectures (i386, armhf...). As an amount it
 * counts units of 10^-%VT_PRICE_SCALE, up to
 * 340282366920938463463.374607431768211455.
 */
typedef struct
{
  guint64 high;
  guint64 low;
} VtAmount;

#define VT_AMOUNT_MAX ((VtAmount) { G_MAXUINT64, G_MAXUINT64 })

/* -1, 0 or 1 as @a is below, equal to or above @b. */
static inline int
vt_amount_compare (VtAmount a,
                   VtAmount b)
{
  if (a.high != b.high)
    return a.high < b.high ? -1 : 1;
  if (a.low != b.low)
    return a.low < b.low ? -1 : 1;
  return 0;
}

/**
 * VtPrice:
 * @amount: the amount times 10^%VT_PRICE_SCALE
 * @currency: (nullable): interned currency code ("ETH"), %NULL when the
 *   text named none
 *
 * A plain value type: copy it with `=`, nothing to free.
 */
typedef struct
{
  VtAmount    amount;
  const char *currency;
} VtPrice;

GQuark   vt_price_error_quark (void);

/* Parses "0.7 ETH", "12.045 ETH", "1,250.5 USD", ".5 ETH", "3" (no
 * currency). Refuses empty text, negative amounts, NaN, exponents,
 * more than 18 decimals and amounts too large, with a message. */
gboolean vt_price_parse        (const char    *text,
                                VtPrice       *price,
                                GError       **error);
/* Orders by amount, then by currency (NULL first). */
int      vt_price_compare      (const VtPrice *a,
                                const VtPrice *b);
gboolean vt_price_equal        (const VtPrice *a,
                                const VtPrice *b);
/* The amount with as few decimals as it needs, no grouping: "0.7", "1250.5". */
char    *vt_price_format_amount (const VtPrice *price);
/* The amount and the currency: "0.7 ETH". */
char    *vt_price_format       (const VtPrice *price);

G_END_DECLS
