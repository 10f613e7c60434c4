/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Case- and accent-insensitive text folding for search. */

#include "config.h"

#include "vt-text.h"

#include <string.h>

static gboolean
is_plain_ascii (const char *text,
                gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;
  return TRUE;
}

void
vt_text_fold_append (GString    *out,
                     const char *text,
                     gssize      length)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  gsize len;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  len = length < 0 ? strlen (text) : (gsize) length;

  /* Most catalog text is ASCII: fold it byte by byte. */
  if (is_plain_ascii (text, len))
    {
      gsize start = out->len;

      g_string_append_len (out, text, len);
      for (gsize i = start; i < out->len; i++)
        out->str[i] = g_ascii_tolower (out->str[i]);
      return;
    }

  decomposed = g_utf8_normalize (text, len, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return;   /* not valid UTF-8: nothing a search could match */

  folded = g_utf8_casefold (decomposed, -1);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      /* Typographic quotes and apostrophes search like plain ones. */
      switch (c)
        {
        case 0x2018: case 0x2019: case 0x201B: case 0x2032:
          g_string_append_c (out, '\'');
          break;
        case 0x201C: case 0x201D: case 0x201F: case 0x2033:
          g_string_append_c (out, '"');
          break;
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
          g_string_append_c (out, '-');
          break;
        default:
          g_string_append_unichar (out, c);
        }
    }
}

char *
vt_text_fold (const char *text)
{
  GString *out = g_string_new (NULL);

  vt_text_fold_append (out, text, -1);
  return g_string_free (out, FALSE);
}
