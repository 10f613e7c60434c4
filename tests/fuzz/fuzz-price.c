/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the price parser, and that what it reads formats and reads back the same. */

#include "config.h"

#include "vt-price.h"

#include <stdint.h>
#include <stdlib.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  VtPrice price, again;

  if (!vt_price_parse (text, &price, &error))
    {
      if (error == NULL || error->domain != VT_PRICE_ERROR)
        abort ();
      return 0;
    }

  /* A price read is one that formats and reads back to the same amount. */
  formatted = vt_price_format (&price);
  if (!vt_price_parse (formatted, &again, NULL) || !vt_price_equal (&price, &again)
      || vt_price_compare (&price, &again) != 0)
    abort ();

  return 0;
}
