/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text for people: folding for search, and bounds on what is shown. */

#include "config.h"

#include "vt-text.h"

#include <string.h>

/* The folding proper, for valid UTF-8: decomposed, case-folded, marks
 * dropped, typographic punctuation made plain. */
static void
fold_slow (GString    *out,
           const char *text,
           gsize       len)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;

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

/*
 * Folding is per character: decomposition, case folding and dropping
 * marks never look at a neighbour (canonical reordering only moves
 * marks, which are dropped). So the folded form of each two-byte
 * character (U+0080 to U+07FF: the accented Latin, Greek and Cyrillic
 * letters) is worked out once, and text is folded by table: ASCII by
 * byte, those characters by lookup, and only runs of rarer characters
 * through the full normalisation.
 */
#define TWO_BYTE_FIRST 0x80
#define TWO_BYTE_COUNT (0x800 - TWO_BYTE_FIRST)
#define FOLDED_MAX 7

typedef struct
{
  guint8 length;
  char   bytes[FOLDED_MAX];
} Folded;

static const Folded *
two_byte_table (void)
{
  static Folded *table;

  if (g_once_init_enter (&table))
    {
      Folded *made = g_new0 (Folded, TWO_BYTE_COUNT);
      GString *out = g_string_new (NULL);

      for (gunichar c = TWO_BYTE_FIRST; c < 0x800; c++)
        {
          char utf8[6];
          int n = g_unichar_to_utf8 (c, utf8);

          g_string_truncate (out, 0);
          fold_slow (out, utf8, n);
          /* Never seen in practice; such a character takes the slow path. */
          if (out->len > FOLDED_MAX)
            made[c - TWO_BYTE_FIRST].length = G_MAXUINT8;
          else
            {
              made[c - TWO_BYTE_FIRST].length = out->len;
              memcpy (made[c - TWO_BYTE_FIRST].bytes, out->str, out->len);
            }
        }

      g_string_free (out, TRUE);
      g_once_init_leave (&table, made);
    }

  return table;
}

/* Appends @text lowered, ASCII only; written so the compiler can do
 * many bytes at once. */
static inline void
append_ascii_lower (GString    *out,
                    const char *text,
                    gsize       len)
{
  gsize start = out->len;
  guchar *dest;

  g_string_set_size (out, start + len);
  dest = (guchar *) out->str + start;
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];

      dest[i] = c + (((guchar) (c - 'A') < 26) << 5);
    }
}

void
vt_text_fold_append (GString    *out,
                     const char *text,
                     gssize      length)
{
  const Folded *table;
  const guchar *p, *end;
  gsize start, len;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  len = length < 0 ? strlen (text) : (gsize) length;
  start = out->len;
  table = two_byte_table ();
  p = (const guchar *) text;
  end = p + len;

  while (p < end)
    {
      const guchar *run = p;

      /* ASCII, byte by byte. */
      while (p < end && *p < 0x80)
        p++;
      if (p > run)
        append_ascii_lower (out, (const char *) run, p - run);
      if (p >= end)
        break;

      /* A two-byte character, by table. */
      if (*p >= 0xC2 && *p <= 0xDF && p + 1 < end && (p[1] & 0xC0) == 0x80)
        {
          gunichar c = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
          const Folded *folded = &table[c - TWO_BYTE_FIRST];

          if (folded->length != G_MAXUINT8)
            {
              g_string_append_len (out, folded->bytes, folded->length);
              p += 2;
              continue;
            }
        }

      /* Anything else, up to the next ASCII or two-byte character. */
      run = p;
      do
        p++;
      while (p < end && *p >= 0x80 && !(*p >= 0xC2 && *p <= 0xDF));

      if (!g_utf8_validate_len ((const char *) run, p - run, NULL))
        {
          /* Not valid UTF-8: nothing a search could match. */
          g_string_truncate (out, start);
          return;
        }
      fold_slow (out, (const char *) run, p - run);
    }
}

char *
vt_text_fold (const char *text)
{
  GString *out = g_string_new (NULL);

  vt_text_fold_append (out, text, -1);
  return g_string_free (out, FALSE);
}

/* The length in bytes of the first @max_chars characters of @text, read
 * no further. g_utf8_find_next_char () stops at the nul even in invalid
 * UTF-8. */
static gsize
prefix_length (const char *text,
               gsize       max_chars)
{
  const char *end = text;

  for (gsize n = 0; n < max_chars && *end != '\0'; n++)
    end = g_utf8_find_next_char (end, NULL);
  return end - text;
}

/* Longer than any title or facet value validation accepts (vt-field.c),
 * so those sort exactly; a text of megabytes is not folded and collated
 * whole (gigabytes, seconds) for the sake of its order. */
#define COLLATE_MAX_CHARS 1000

char *
vt_text_collate_key (const char *text)
{
  g_autoptr(GString) folded = g_string_new (NULL);

  if (text != NULL)
    vt_text_fold_append (folded, text, prefix_length (text, COLLATE_MAX_CHARS));
  return g_utf8_collate_key (folded->str, folded->len);
}

const char *
vt_text_bound (const char  *text,
               gsize        max_chars,
               char       **cut)
{
  const char *end;
  gsize length;

  g_return_val_if_fail (max_chars >= 1, text);
  g_return_val_if_fail (cut != NULL && *cut == NULL, text);

  if (text == NULL)
    return NULL;

  /* Only as far as the bound: the text may be hundreds of megabytes. */
  end = text + prefix_length (text, max_chars - 1);
  if (*end == '\0' || *g_utf8_find_next_char (end, NULL) == '\0')
    return text;

  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  length = end - text;
  *cut = g_malloc (length + sizeof "…");
  memcpy (*cut, text, length);
  memcpy (*cut + length, "…", sizeof "…");

  return *cut;
}
