/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A strict byte-loop scan of a catalog file: refuses what would crash or fool json-glib. */

#define G_LOG_DOMAIN "vitrine-catalog"

#include "config.h"

#include "vt-json-check.h"
#include "vt-catalog.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * json-glib 1.6 recurses once per nesting level (a file nested about
 * 80,000 levels deep overflows the stack), accepts single-quoted
 * strings, keeps the first of two top-level values and the last of two
 * equal keys. This scan runs over the whole file before the parser and
 * refuses the first three with a message naming the file, line and
 * column, and records duplicate keys where they matter (the root, the
 * collection and each item) so validation can report them.
 *
 * It also refuses what json-glib would change without a word, so that
 * whatever loads saves and loads back the same: escapes it reads
 * wrongly (a lone surrogate, a "\u" without four hex digits, an unknown
 * escape letter), "\u0000" (json-glib ends the string there), whole
 * numbers beyond 64 bits (it wraps them) and numbers beyond a double's
 * range (it reads 1e400 as infinity, 1e-400 as 0). Otherwise it checks
 * structure only (brackets, strings, encoding); the rest of the grammar
 * of numbers and literals is left to json-glib. Most of a catalog is
 * string bytes, which the inner loop skips with one table lookup each.
 */

/* Bytes that need no attention inside a string: printable ASCII other
 * than the quote and the backslash. */
static const guint8 plain_in_string[256] = {
  [0x20 ... 0x21] = 1,
  [0x23 ... 0x5b] = 1,
  [0x5d ... 0x7f] = 1,
};

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether any byte of @word is a quote, a backslash, a control
 * character or not ASCII (the classic "has a zero byte" bit trick). */
static inline gboolean
needs_attention (guint64 word)
{
  guint64 quote = word ^ (ONES * '"');
  guint64 backslash = word ^ (ONES * '\\');
  guint64 found = ((quote - ONES) & ~quote)
                  | ((backslash - ONES) & ~backslash)
                  | ((word - ONES * 0x20) & ~word)
                  | word;

  return (found & HIGHS) != 0;
}

typedef struct
{
  const guchar *start;
  gsize         length;
} Span;

typedef struct
{
  const char   *data;
  const char   *name;
  GError      **error;
} Scan;

void
vt_json_position (const char *data,
                  gsize       offset,
                  guint      *line,
                  guint      *column)
{
  const char *p = data;
  const char *end = data + offset;
  const char *line_start = data;
  guint n_lines = 1;
  guint n_chars = 1;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', (gsize) (end - p));

      if (newline == NULL)
        break;
      n_lines++;
      p = line_start = newline + 1;
    }

  for (p = line_start; p < end; p++)
    if (((guchar) *p & 0xc0) != 0x80)
      n_chars++;

  *line = n_lines;
  *column = n_chars;
}

static gboolean G_GNUC_PRINTF (4, 5)
fail_at (Scan           *scan,
         const guchar   *where,
         VtCatalogError  code,
         const char     *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;
  guint line, column;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  vt_json_position (scan->data, (gsize) ((const char *) where - scan->data), &line, &column);
  g_set_error (scan->error, VT_CATALOG_ERROR, code,
               "%s:%u:%u: %s", scan->name, line, column, message);
  return FALSE;
}

/* Length of the valid UTF-8 sequence at @p, 0 when it is not one. */
static gsize
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  gunichar c;
  gsize n;

  if (p[0] < 0xc2)
    return 0;                 /* a continuation byte, or an overlong form */
  else if (p[0] < 0xe0)
    n = 2, c = p[0] & 0x1f;
  else if (p[0] < 0xf0)
    n = 3, c = p[0] & 0x0f;
  else if (p[0] < 0xf5)
    n = 4, c = p[0] & 0x07;
  else
    return 0;

  if ((gsize) (end - p) < n)
    return 0;
  for (gsize i = 1; i < n; i++)
    {
      if ((p[i] & 0xc0) != 0x80)
        return 0;
      c = (c << 6) | (p[i] & 0x3f);
    }
  if (n == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)))
    return 0;
  if (n == 4 && (c < 0x10000 || c > 0x10ffff))
    return 0;
  return n;
}

static gboolean
fail_on_byte (Scan         *scan,
              const guchar *p,
              const guchar *end)
{
  if (*p == '\0')
    return fail_at (scan, p, VT_CATALOG_ERROR_ENCODING,
                    _("a NUL byte: the file is not text (is it damaged?)"));
  if (*p >= 0x80 && utf8_sequence_length (p, end) == 0)
    return fail_at (scan, p, VT_CATALOG_ERROR_ENCODING,
                    _("invalid UTF-8 (byte 0x%02X): save the file as UTF-8"), *p);
  if (*p == '\'')
    return fail_at (scan, p, VT_CATALOG_ERROR_SYNTAX,
                    _("a single quote: JSON strings need double quotes"));
  return fail_at (scan, p, VT_CATALOG_ERROR_SYNTAX,
                  _("unexpected character"));
}

/* The code unit of the "\uXXXX" at @p, or -1 when @p does not start one. */
static int
unicode_escape (const guchar *p,
                const guchar *end)
{
  int unit = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      int digit = g_ascii_xdigit_value ((char) p[i]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }
  return unit;
}

/* Whether the file ends inside the "\uXXXX" that starts at @p. */
static gboolean
escape_cut_short (const guchar *p,
                  const guchar *end)
{
  static const char pattern[] = "\\uXXXX";

  if (end - p >= 6)
    return FALSE;
  for (const guchar *q = p; q < end; q++)
    if (q - p < 2 ? *q != (guchar) pattern[q - p] : g_ascii_xdigit_value ((char) *q) < 0)
      return FALSE;
  return TRUE;
}

/* Length of the escape at @p (a backslash), 0 after setting the error
 * when it is not one that json-glib reads back as written. */
static gsize
escape_length (Scan         *scan,
               const guchar *p,
               const guchar *end)
{
  int unit;

  if (end - p < 2)
    {
      fail_at (scan, end, VT_CATALOG_ERROR_SYNTAX,
               _("the file ends inside a string (is it cut short?)"));
      return 0;
    }

  switch (p[1])
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      return 2;
    case 'u':
      break;
    default:
      {
        gsize n = p[1] < 0x80 ? 1 : utf8_sequence_length (p + 1, end);

        if (n == 0 || p[1] < 0x20)
          fail_on_byte (scan, p + 1, end);
        else
          fail_at (scan, p, VT_CATALOG_ERROR_SYNTAX,
                   _("“\\%.*s” is not an escape JSON knows (a backslash itself is written “\\\\”)"),
                   (int) n, (const char *) p + 1);
        return 0;
      }
    }

  unit = unicode_escape (p, end);
  if (unit < 0 && escape_cut_short (p, end))
    {
      fail_at (scan, end, VT_CATALOG_ERROR_SYNTAX,
               _("the file ends inside a string (is it cut short?)"));
      return 0;
    }
  if (unit < 0)
    {
      fail_at (scan, p, VT_CATALOG_ERROR_SYNTAX,
               _("“\\u” must be followed by four hexadecimal digits, as in “\\u00e9”"));
      return 0;
    }
  if (unit == 0)
    {
      fail_at (scan, p, VT_CATALOG_ERROR_ENCODING,
               _("a string contains a NUL character (\\u0000), which cannot be kept: remove it"));
      return 0;
    }
  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      int low = unicode_escape (p + 6, end);

      if (low >= 0xdc00 && low <= 0xdfff)
        return 12;
      if (low < 0 && escape_cut_short (p + 6, end))
        {
          fail_at (scan, end, VT_CATALOG_ERROR_SYNTAX,
                   _("the file ends inside a string (is it cut short?)"));
          return 0;
        }
    }
  if (unit >= 0xd800 && unit <= 0xdfff)
    {
      fail_at (scan, p, VT_CATALOG_ERROR_ENCODING,
               _("a lone surrogate (\\u%04x) is not a character: a character above U+FFFF is written as a pair, as in “\\ud83d\\ude00”"),
               (guint) unit);
      return 0;
    }
  return 6;
}

/* Bytes that continue a number; json-glib checks the grammar. */
static const guint8 is_number_byte[256] = {
  ['0' ... '9'] = 1, ['-'] = 1, ['+'] = 1, ['.'] = 1, ['e'] = 1, ['E'] = 1,
};

/* @number as written, cut to a length a message can show. */
static char *
number_for_message (const guchar *number,
                    gsize         length)
{
  if (length > 40)
    return g_strdup_printf ("%.20s…", (const char *) number);
  return g_strndup ((const char *) number, length);
}

/* Refuses a number json-glib would change: a whole number outside 64
 * bits, a fraction beyond a double's range or so small it becomes 0. */
static gboolean
check_number (Scan         *scan,
              const guchar *number,
              gsize         length)
{
  static const char max_digits[] = "9223372036854775807";
  static const char min_digits[] = "9223372036854775808";
  const guchar *end = number + length;
  g_autofree char *shown = NULL;

  if (memchr (number, '.', length) == NULL
      && memchr (number, 'e', length) == NULL
      && memchr (number, 'E', length) == NULL)
    {
      gboolean negative = *number == '-';
      const guchar *digits = number + negative;
      gsize n;

      while (digits < end - 1 && *digits == '0')
        digits++;
      n = (gsize) (end - digits);
      if (n < sizeof max_digits - 1
          || (n == sizeof max_digits - 1
              && memcmp (digits, negative ? min_digits : max_digits, n) <= 0))
        return TRUE;

      shown = number_for_message (number, length);
      return fail_at (scan, number, VT_CATALOG_ERROR_FORMAT,
                      _("the whole number %s does not fit in 64 bits (from -9223372036854775808 to 9223372036854775807)"),
                      shown);
    }
  else
    {
      g_autofree char *text = g_strndup ((const char *) number, length);
      gboolean nonzero = FALSE;
      double value;

      for (const guchar *q = number; q < end && *q != 'e' && *q != 'E'; q++)
        nonzero |= *q >= '1' && *q <= '9';
      value = g_ascii_strtod (text, NULL);
      if (value != 0.0 || !nonzero)
        {
          if (value <= G_MAXDOUBLE && value >= -G_MAXDOUBLE)
            return TRUE;
          shown = number_for_message (number, length);
          return fail_at (scan, number, VT_CATALOG_ERROR_FORMAT,
                          _("the number %s is too large (the largest is about 1.8e308)"),
                          shown);
        }

      shown = number_for_message (number, length);
      return fail_at (scan, number, VT_CATALOG_ERROR_FORMAT,
                      _("the number %s is too small to be kept: it would become 0"),
                      shown);
    }
}

static gboolean
span_equal (const Span *span,
            const char *text)
{
  gsize length = strlen (text);

  return span->length == length && memcmp (span->start, text, length) == 0;
}

/* The keys of an object, a set of Span: an object may have many. */
static guint
span_hash (gconstpointer data)
{
  const Span *span = data;
  guint hash = 5381;

  for (gsize i = 0; i < span->length; i++)
    hash = hash * 33 + span->start[i];
  return hash;
}

static gboolean
span_equal_span (gconstpointer a,
                 gconstpointer b)
{
  const Span *span_a = a;
  const Span *span_b = b;

  return span_a->length == span_b->length
         && memcmp (span_a->start, span_b->start, span_a->length) == 0;
}

static GHashTable *
keys_new (void)
{
  return g_hash_table_new_full (span_hash, span_equal_span, g_free, NULL);
}

/* Adds @key to @keys, recording it in @check when it is already there. */
static void
add_key (GHashTable   *keys,
         Span          key,
         VtJsonScope   scope,
         guint         item_index,
         Scan         *scan,
         VtJsonCheck  *check)
{
  if (g_hash_table_contains (keys, &key))
    {
      VtJsonDuplicate *duplicate = g_new0 (VtJsonDuplicate, 1);

      duplicate->scope = scope;
      duplicate->item_index = item_index;
      duplicate->key = g_strndup ((const char *) key.start, key.length);
      vt_json_position (scan->data, (gsize) ((const char *) key.start - scan->data),
                        &duplicate->line, &duplicate->column);
      g_ptr_array_add (check->duplicates, duplicate);
      return;
    }
  g_hash_table_add (keys, g_memdup2 (&key, sizeof key));
}

static void
duplicate_free (gpointer data)
{
  VtJsonDuplicate *duplicate = data;

  g_free (duplicate->key);
  g_free (duplicate);
}

void
vt_json_check_clear (VtJsonCheck *check)
{
  g_clear_pointer (&check->duplicates, g_ptr_array_unref);
  g_clear_pointer (&check->item_starts, g_array_unref);
  check->n_items = 0;
  check->start = 0;
}

gboolean
vt_json_check (const char   *data,
               gsize         length,
               const char   *name,
               guint         max_depth,
               VtJsonCheck  *check,
               GError      **error)
{
  Scan scan = { data, name, error };
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;
  g_autofree guchar *stack = NULL;
  g_autoptr(GHashTable) root_keys = NULL;
  g_autoptr(GHashTable) collection_keys = NULL;
  g_autoptr(GHashTable) item_keys = NULL;
  Span root_key = { NULL, 0 };
  gboolean expect_key = FALSE;
  gboolean in_collection = FALSE;
  gboolean in_items = FALSE;
  gboolean in_item = FALSE;
  guint item_index = 0;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (check != NULL, FALSE);
  g_return_val_if_fail (max_depth > 0, FALSE);

  memset (check, 0, sizeof *check);
  check->duplicates = g_ptr_array_new_with_free_func (duplicate_free);
  check->item_starts = g_array_new (FALSE, TRUE, sizeof (gsize));

  stack = g_malloc (max_depth);
  root_keys = keys_new ();
  collection_keys = keys_new ();
  item_keys = keys_new ();

  /* A byte order mark is not JSON, but harmless: skip it. */
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    {
      p += 3;
      check->start = 3;
      scan.data += 3;   /* columns as an editor counts them */
    }

  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;

  if (p == end)
    return fail_at (&scan, p, VT_CATALOG_ERROR_SYNTAX,
                    _("the file is empty: a catalog is a JSON object"));
  if (*p == '[')
    return fail_at (&scan, p, VT_CATALOG_ERROR_FORMAT,
                    _("the file holds a list, not a catalog (a JSON object starting with ‘{’)"));
  if (*p == '"' || *p == '-' || g_ascii_isalnum (*p))
    return fail_at (&scan, p, VT_CATALOG_ERROR_FORMAT,
                    _("the file holds a single value, not a catalog (a JSON object starting with ‘{’)"));
  if (*p != '{')
    return fail_on_byte (&scan, p, end);

  while (p < end)
    {
      guchar c = *p;

      switch (c)
        {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
          p++;
          break;

        case '"':
          {
            const guchar *start = ++p;

            for (;;)
              {
                /* Eight bytes at a time while none needs attention. */
                while (end - p >= 8)
                  {
                    guint64 word;

                    memcpy (&word, p, sizeof word);
                    if (needs_attention (word))
                      break;
                    p += 8;
                  }
                while (p < end && plain_in_string[*p])
                  p++;
                if (p == end)
                  return fail_at (&scan, p, VT_CATALOG_ERROR_SYNTAX,
                                  _("the file ends inside a string (is it cut short?)"));
                if (*p == '"')
                  break;
                if (*p == '\\')
                  {
                    gsize n = escape_length (&scan, p, end);

                    if (n == 0)
                      return FALSE;
                    p += n;
                  }
                else if (*p >= 0x80)
                  {
                    gsize n = utf8_sequence_length (p, end);

                    if (n == 0)
                      return fail_on_byte (&scan, p, end);
                    p += n;
                  }
                else if (*p == '\0')
                  return fail_on_byte (&scan, p, end);
                else
                  return fail_at (&scan, p, VT_CATALOG_ERROR_SYNTAX,
                                  _("a control character (U+%04X) inside a string: write it as an escape such as \\n"),
                                  *p);
              }

            if (expect_key)
              {
                Span key = { start, (gsize) (p - start) };

                expect_key = FALSE;
                if (depth == 1)
                  {
                    add_key (root_keys, key, VT_JSON_SCOPE_ROOT, 0, &scan, check);
                    root_key = key;
                  }
                else if (depth == 2 && in_collection)
                  add_key (collection_keys, key, VT_JSON_SCOPE_COLLECTION, 0, &scan, check);
                else if (depth == 3 && in_item)
                  add_key (item_keys, key, VT_JSON_SCOPE_ITEM, item_index, &scan, check);
              }
            p++;
          }
          break;

        case '{':
        case '[':
          if (depth == max_depth)
            return fail_at (&scan, p, VT_CATALOG_ERROR_TOO_DEEP,
                            _("lists and objects are nested more than %u levels deep"),
                            max_depth);
          stack[depth++] = c;
          expect_key = c == '{';
          check->n_objects += expect_key;
          if (depth == 2)
            {
              in_collection = c == '{' && span_equal (&root_key, "collection");
              in_items = c == '[' && span_equal (&root_key, "items");
              item_index = 0;
              if (in_collection)
                g_hash_table_remove_all (collection_keys);
            }
          else if (depth == 3)
            {
              in_item = c == '{' && in_items;
              if (in_item)
                {
                  gsize start = (gsize) ((const char *) p - data);

                  g_hash_table_remove_all (item_keys);
                  check->n_items++;
                  if (check->item_starts->len <= item_index)
                    g_array_set_size (check->item_starts, item_index + 1);
                  g_array_index (check->item_starts, gsize, item_index) = start;
                }
            }
          p++;
          break;

        case '}':
        case ']':
          if (depth == 0 || stack[depth - 1] != (c == '}' ? '{' : '['))
            return fail_at (&scan, p, VT_CATALOG_ERROR_SYNTAX,
                            _("unexpected ‘%c’: the brackets do not match"), c);
          depth--;
          expect_key = FALSE;
          p++;
          if (depth == 0)
            goto top_level_done;
          if (depth == 1)
            in_collection = in_items = FALSE;
          else if (depth == 2)
            in_item = FALSE;
          break;

        case ',':
          if (stack[depth - 1] == '{')
            expect_key = TRUE;
          else if (depth == 2 && in_items)
            item_index++;
          p++;
          break;

        case ':':
          p++;
          break;

        default:
          /* Numbers: their range here, their grammar (and that of
           * literals) in json-glib. */
          if (c == '-' || c == '.' || g_ascii_isdigit (c))
            {
              const guchar *start = p;

              while (p < end && is_number_byte[*p])
                p++;
              if (!check_number (&scan, start, (gsize) (p - start)))
                return FALSE;
              break;
            }
          if (c < 0x20 || c >= 0x80 || c == '\'')
            return fail_on_byte (&scan, p, end);
          p++;
          break;
        }
    }

  return fail_at (&scan, end, VT_CATALOG_ERROR_SYNTAX,
                  _("the file ends before the catalog does (is it cut short?)"));

top_level_done:
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  if (p < end)
    {
      if (*p == '\0' || *p >= 0x80)
        return fail_on_byte (&scan, p, end);
      return fail_at (&scan, p, VT_CATALOG_ERROR_SYNTAX,
                      _("unexpected data after the end of the catalog"));
    }

  return TRUE;
}

/*
 * json-glib 1.6's generator writes two things that are not JSON: the
 * control character U+001F raw inside a string (it escapes those below
 * it only), and a double whose shortest form has an exponent but no
 * point with ".0" after the exponent ("1e+22.0"). Either makes a saved
 * catalog that does not load again, so the output is mended here.
 */
void
vt_json_fix_generated (GString *json)
{
  g_autoptr(GString) fixed = NULL;
  gsize copied = 0;
  gboolean in_string = FALSE;

  g_return_if_fail (json != NULL);

  for (gsize i = 0; i < json->len; i++)
    {
      guchar c = (guchar) json->str[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          else if (c < 0x20)
            {
              if (fixed == NULL)
                fixed = g_string_sized_new (json->len + 64);
              g_string_append_len (fixed, json->str + copied, (gssize) (i - copied));
              g_string_append_printf (fixed, "\\u%04x", c);
              copied = i + 1;
            }
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize start = i;
          gboolean exponent = FALSE;

          while (i < json->len && is_number_byte[(guchar) json->str[i]])
            exponent |= json->str[i++] == 'e';
          if (exponent && i - start > 2 && memcmp (json->str + i - 2, ".0", 2) == 0)
            {
              if (fixed == NULL)
                fixed = g_string_sized_new (json->len);
              g_string_append_len (fixed, json->str + copied, (gssize) (i - 2 - copied));
              copied = i;
            }
          i--;
        }
    }

  if (fixed != NULL)
    {
      g_string_append_len (fixed, json->str + copied, (gssize) (json->len - copied));
      g_string_truncate (json, 0);
      g_string_append_len (json, fixed->str, (gssize) fixed->len);
    }
}

GString *
vt_json_write (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, out);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  json_generator_to_gstring (generator, out);
  vt_json_fix_generated (out);
  return out;
}

static JsonNode *
node_dup (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(JsonObject) copy = vt_json_object_dup (json_node_get_object (node));

        return json_node_init_object (json_node_alloc (), copy);
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);
        g_autoptr(JsonArray) copy = json_array_sized_new (length);

        for (guint i = 0; i < length; i++)
          json_array_add_element (copy, node_dup (json_array_get_element (array, i)));
        return json_node_init_array (json_node_alloc (), copy);
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

JsonObject *
vt_json_object_dup (JsonObject *object)
{
  JsonObject *copy;
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  copy = json_object_new ();
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, node_dup (json_object_get_member (object, l->data)));
  return copy;
}
