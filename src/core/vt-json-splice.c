/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a changed JSON tree over the text it was read from, keeping every byte that did not change. */

#define G_LOG_DOMAIN "vitrine-catalog"

#include "config.h"

#include "vt-json-splice.h"
#include "vt-json-check.h"

#include <errno.h>
#include <string.h>

/*
 * The original text is walked value by value beside the new tree. A
 * value the tree holds unchanged is copied as written; an object or a
 * list that changed is written member by member (element by element),
 * each keeping the whitespace before it, its key as spelled and the
 * separator after it, so an edit of one member changes only that
 * member's text. Members go in the new tree's order; a deleted one
 * takes its separator with it; an added one borrows the whitespace of
 * its neighbours. A value of another kind than before (a string where
 * a list was) is written afresh, indented like its surroundings.
 *
 * Elements of a list are matched by their equal prefix and suffix; the
 * ones between are paired by position, then added or dropped. That is
 * linear, which matters for the thousands of pieces of "items", and
 * exact for the one insertion, deletion or change an edit makes.
 *
 * No parsed copy of the original is kept: each level is scanned when it
 * is reached, and only the members of the object being written are
 * remembered. The elements of one list of the root (a catalog's pieces)
 * may come one at a time from a function, each dropped once written,
 * so a save holds little beyond the original's text and its output.
 */

/* Beyond the catalog's own limit; a file changed on disk since the load
 * may be anything. */
#define MAX_DEPTH 512

/* One member of an object or element of a list, as written. */
typedef struct
{
  const char *lead;       /* just after the bracket or the comma before it */
  const char *key;        /* its key's opening quote; the value for an element */
  const char *key_end;    /* after the key's closing quote; the value for an element */
  const char *value;
  const char *value_end;
  const char *post_end;   /* the comma or the closing bracket after it */
} Part;

typedef struct
{
  gsize offset;
  gsize length;
} Span;

/* Values whose extent is known beforehand: the original text of pieces
 * not changed since it was read (VtJsonSpliceSpans), sorted by offset.
 * Scanning jumps over them instead of reading every byte, which it would
 * do four times over a catalog of hundreds of megabytes. */
typedef struct
{
  const char *base;
  GArray     *spans;  /* of Span, nullable */
} Known;

/* The elements of a list of the new tree: a JsonArray's, or got one
 * at a time from a function (vt_json_splice()). */
typedef struct
{
  JsonArray               *array;
  VtJsonSpliceElementFunc  func;
  gpointer                 data;
  guint                    n;
  /* Of the lazy member's elements only: what the caller knows of their
   * text in the original, which starts at @base. */
  const VtJsonSpliceSpans *spans;
  const char              *base;
} Elements;

/* Bytes of the original in the result, not copied: they come before
 * byte @own_at of the splice's own text. */
typedef struct
{
  gsize       own_at;
  const char *start;
  gsize       length;
} Run;

struct _VtJsonText
{
  GString       *own;
  GArray        *runs;      /* of Run, by position */
  gsize          length;
  GOutputVector *vectors;
  guint          n_vectors;
};

typedef struct
{
  GString    *out;        /* the text written; the original's long spans are in @runs */
  GArray     *runs;       /* of Run */
  gsize       referenced; /* the bytes of @runs */
  const char *original;
  const char *original_end;
  const char *newline;    /* NULL when the document is on one line */
  char       *unit;       /* one level of indentation */
  char       *colon;      /* between a key and its value */
  char       *separator;  /* after a comma, on one line */
  /* The root's member whose elements come from a function, if any. */
  JsonObject *root;
  const char *lazy_member;
  Elements    lazy;
  Known       known;
} Splice;

/* A member or element to write: @from indexes the original's parts,
 * -1 for one that is new. Its value is @node; or element @index of
 * @elements; or, for the lazy member, the list @list. */
typedef struct
{
  int             from;
  JsonNode       *node;
  const char     *name;
  const Elements *elements;
  guint           index;
  const Elements *list;
} Slot;

static Elements
elements_of_array (JsonArray *array)
{
  return (Elements) { array, NULL, NULL, json_array_get_length (array), NULL, NULL };
}

/* A new reference. */
static JsonNode *
elements_get (const Elements *elements,
              guint           index)
{
  if (elements->func != NULL)
    return elements->func (index, elements->data);
  return json_node_ref (json_array_get_element (elements->array, index));
}

/* Whether element @n is known to be the text of @part, unchanged. */
static gboolean
element_is_original (const Elements *elements,
                     guint           n,
                     const Part     *part)
{
  gsize offset, length;

  return elements->spans != NULL && elements->spans->original != NULL
         && elements->spans->original (n, &offset, &length, elements->data)
         && part->value == elements->base + offset
         && (gsize) (part->value_end - part->value) == length;
}

/* The length of the result so far. */
static gsize
out_length (Splice *s)
{
  return s->out->len + s->referenced;
}

static void
report_written (Splice         *s,
                const Elements *elements,
                guint           n,
                gsize           from)
{
  if (elements != NULL && elements->spans != NULL && elements->spans->written != NULL)
    elements->spans->written (n, from, out_length (s) - from, elements->data);
}

/* Whether @name of @object is the member whose elements come from a
 * function. */
static gboolean
is_lazy (Splice     *s,
         JsonObject *object,
         const char *name)
{
  return s->lazy_member != NULL && object == s->root && strcmp (name, s->lazy_member) == 0;
}

/* {{{ Scanning */

static const char *skip_value (const char  *p,
                               const char  *end,
                               guint        depth,
                               const Known *known);

/* The end of the known value at @p, NULL when none starts there. */
static const char *
skip_known (const Known *known,
            const char  *p)
{
  gsize offset, low = 0, high;

  if (known == NULL || known->spans == NULL || p < known->base)
    return NULL;
  offset = (gsize) (p - known->base);
  high = known->spans->len;
  while (low < high)
    {
      gsize middle = low + (high - low) / 2;
      const Span *span = &g_array_index (known->spans, Span, middle);

      if (span->offset == offset)
        return p + span->length;
      if (span->offset < offset)
        low = middle + 1;
      else
        high = middle;
    }
  return NULL;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* @p is at the opening quote; returns what follows the closing one.
 * Quotes are looked for with memchr(): a catalog is mostly long strings. */
static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end;)
    {
      const char *quote = memchr (p, '"', (gsize) (end - p));
      const char *escapes = quote;

      if (quote == NULL)
        return NULL;
      /* Closing unless an odd number of backslashes escapes it. */
      while (escapes > p && escapes[-1] == '\\')
        escapes--;
      if ((quote - escapes) % 2 == 0)
        return quote + 1;
      p = quote + 1;
    }
  return NULL;
}

/* Scans the object or list at @p, appending its parts to @parts when
 * given; returns what follows its closing bracket, NULL when it is not
 * well formed. */
static const char *
scan_parts (const char  *p,
            const char  *end,
            guint        depth,
            GArray      *parts,
            const Known *known)
{
  gboolean object = *p == '{';
  char close = object ? '}' : ']';
  const char *q = skip_space (p + 1, end);

  if (q < end && *q == close)
    return q + 1;

  for (p++;;)
    {
      Part part = { .lead = p };

      q = skip_space (p, end);
      part.key = part.key_end = q;
      if (object)
        {
          if (q >= end || *q != '"' || (q = skip_string (q, end)) == NULL)
            return NULL;
          part.key_end = q;
          q = skip_space (q, end);
          if (q >= end || *q != ':')
            return NULL;
          q = skip_space (q + 1, end);
        }
      part.value = q;
      if ((q = skip_value (q, end, depth + 1, known)) == NULL)
        return NULL;
      part.value_end = q;
      q = skip_space (q, end);
      if (q >= end)
        return NULL;
      part.post_end = q;
      if (parts != NULL)
        g_array_append_val (parts, part);
      if (*q == close)
        return q + 1;
      if (*q != ',')
        return NULL;
      p = q + 1;
    }
}

static const char *
skip_value (const char  *p,
            const char  *end,
            guint        depth,
            const Known *known)
{
  const char *start = p;
  const char *known_end;

  if (p >= end || depth > MAX_DEPTH)
    return NULL;

  switch (*p)
    {
    case '{':
      known_end = skip_known (known, p);
      if (known_end != NULL && known_end <= end)
        return known_end;
      return scan_parts (p, end, depth, NULL, known);
    case '[':
      return scan_parts (p, end, depth, NULL, known);
    case '"':
      return skip_string (p, end);
    default:
      while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == '+' || *p == '.'))
        p++;
      return p > start ? p : NULL;
    }
}

static int
hex_unit (const char *p,
          const char *end)
{
  int unit = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }
  return unit;
}

/* The string between @p (its opening quote) and @end (after its
 * closing one) as it reads; NULL for an escape that is not JSON's. */
static char *
decode_string (const char *p,
               const char *end)
{
  g_autoptr(GString) text = g_string_sized_new ((gsize) (end - p));

  for (p++, end--; p < end; p++)
    {
      int unit;

      if (*p != '\\')
        {
          g_string_append_c (text, *p);
          continue;
        }

      switch (p[1])
        {
        case '"': case '\\': case '/':
          g_string_append_c (text, p[1]);
          break;
        case 'b':
          g_string_append_c (text, '\b');
          break;
        case 'f':
          g_string_append_c (text, '\f');
          break;
        case 'n':
          g_string_append_c (text, '\n');
          break;
        case 'r':
          g_string_append_c (text, '\r');
          break;
        case 't':
          g_string_append_c (text, '\t');
          break;
        case 'u':
          unit = hex_unit (p, end);
          if (unit >= 0xd800 && unit <= 0xdbff)
            {
              int low = hex_unit (p + 6, end);

              if (low < 0xdc00 || low > 0xdfff)
                return NULL;
              unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
              p += 6;
            }
          else if (unit <= 0 || (unit >= 0xdc00 && unit <= 0xdfff))
            return NULL;
          g_string_append_unichar (text, (gunichar) unit);
          p += 4;
          break;
        default:
          return NULL;
        }
      p++;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* }}} */
/* {{{ Comparing */

static gboolean equal (const char *p,
                       const char *end,
                       JsonNode   *node,
                       guint       depth);

static gboolean
string_equal (const char *p,
              const char *end,
              const char *value)
{
  g_autofree char *decoded = NULL;

  if (memchr (p, '\\', (gsize) (end - p)) == NULL)
    return strlen (value) == (gsize) (end - p - 2) && memcmp (value, p + 1, (gsize) (end - p - 2)) == 0;

  decoded = decode_string (p, end);
  return decoded != NULL && strcmp (decoded, value) == 0;
}

/* By value and by kind: a whole number stays one, as json-glib reads
 * it (no point, no exponent), and a double is compared to the bit. */
static gboolean
number_equal (const char *p,
              const char *end,
              JsonNode   *node)
{
  g_autofree char *text = g_strndup (p, (gsize) (end - p));
  char *stop = NULL;

  if (strpbrk (text, ".eE") == NULL)
    {
      gint64 value;

      if (json_node_get_value_type (node) != G_TYPE_INT64)
        return FALSE;
      errno = 0;
      value = g_ascii_strtoll (text, &stop, 10);
      return errno == 0 && *stop == '\0' && value == json_node_get_int (node);
    }
  else
    {
      double value, wanted;

      if (json_node_get_value_type (node) != G_TYPE_DOUBLE)
        return FALSE;
      value = g_ascii_strtod (text, &stop);
      wanted = json_node_get_double (node);
      return *stop == '\0' && memcmp (&value, &wanted, sizeof value) == 0;
    }
}

static gboolean
literal_equal (const char *p,
               const char *end,
               const char *literal)
{
  return (gsize) (end - p) == strlen (literal) && memcmp (p, literal, (gsize) (end - p)) == 0;
}

static gboolean
object_equal (const char *p,
              const char *end,
              JsonObject *object,
              guint       depth)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Part));
  g_autoptr(GList) names = NULL;
  GList *l;

  if (scan_parts (p, end, depth, parts, NULL) == NULL || parts->len != json_object_get_size (object))
    return FALSE;

  names = json_object_get_members (object);
  l = names;
  for (guint i = 0; i < parts->len; i++, l = l->next)
    {
      Part *part = &g_array_index (parts, Part, i);

      if (!string_equal (part->key, part->key_end, l->data)
          || !equal (part->value, part->value_end, json_object_get_member (object, l->data),
                     depth + 1))
        return FALSE;
    }
  return TRUE;
}

static gboolean
array_equal (const char *p,
             const char *end,
             JsonArray  *array,
             guint       depth)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Part));

  if (scan_parts (p, end, depth, parts, NULL) == NULL || parts->len != json_array_get_length (array))
    return FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = &g_array_index (parts, Part, i);

      if (!equal (part->value, part->value_end, json_array_get_element (array, i), depth + 1))
        return FALSE;
    }
  return TRUE;
}

/* Whether the value written from @p to @end reads as @node. */
static gboolean
equal (const char *p,
       const char *end,
       JsonNode   *node,
       guint       depth)
{
  switch (*p)
    {
    case '{':
      return JSON_NODE_HOLDS_OBJECT (node)
             && object_equal (p, end, json_node_get_object (node), depth);
    case '[':
      return JSON_NODE_HOLDS_ARRAY (node)
             && array_equal (p, end, json_node_get_array (node), depth);
    case 'n':
      return JSON_NODE_HOLDS_NULL (node) && literal_equal (p, end, "null");
    default:
      break;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (*p)
    {
    case '"':
      return json_node_get_value_type (node) == G_TYPE_STRING
             && string_equal (p, end, json_node_get_string (node));
    case 't':
    case 'f':
      return json_node_get_value_type (node) == G_TYPE_BOOLEAN
             && literal_equal (p, end, json_node_get_boolean (node) ? "true" : "false");
    default:
      return number_equal (p, end, node);
    }
}

/* }}} */
/* {{{ Writing */

/* A span of the original, referenced rather than copied: the
 * unchanged pieces between two changes, whitespace and commas included,
 * make one run. */
static void
append_span (Splice     *s,
             const char *start,
             const char *end)
{
  gsize length = (gsize) (end - start);
  Run *last = s->runs->len > 0 ? &g_array_index (s->runs, Run, s->runs->len - 1) : NULL;

  g_assert (start >= s->original && end <= s->original_end);

  if (length == 0)
    return;
  if (last != NULL && last->own_at == s->out->len && last->start + last->length == start)
    last->length += length;
  else
    {
      Run run = { s->out->len, start, length };

      g_array_append_val (s->runs, run);
    }
  s->referenced += length;
}

/* A string, a number, true, false or null, as Vitrine writes them. */
static void
append_scalar (Splice   *s,
               JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(GString) fixed = g_string_new (text);

  vt_json_fix_generated (fixed);
  g_string_append_len (s->out, fixed->str, (gssize) fixed->len);
}

static void
append_key (Splice     *s,
            const char *name)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), name);

  append_scalar (s, node);
}

static void write_fresh (Splice     *s,
                         JsonNode   *node,
                         const char *indent);

/* Opens the line of the next member or element of a value written
 * afresh. */
static void
next_fresh_line (Splice     *s,
                 guint       i,
                 const char *inner)
{
  if (i > 0)
    g_string_append_c (s->out, ',');
  if (s->newline != NULL)
    {
      g_string_append (s->out, s->newline);
      g_string_append (s->out, inner);
    }
  else if (i > 0)
    g_string_append (s->out, s->separator);
}

static void
close_fresh (Splice     *s,
             guint       n,
             const char *indent,
             char        bracket)
{
  if (n > 0 && s->newline != NULL)
    {
      g_string_append (s->out, s->newline);
      g_string_append (s->out, indent);
    }
  g_string_append_c (s->out, bracket);
}

static void
write_fresh_list (Splice         *s,
                  const Elements *elements,
                  const char     *indent)
{
  g_autofree char *inner = g_strconcat (indent, s->unit, NULL);

  g_string_append_c (s->out, '[');
  for (guint i = 0; i < elements->n; i++)
    {
      g_autoptr(JsonNode) child = elements_get (elements, i);
      gsize at;

      next_fresh_line (s, i, inner);
      at = out_length (s);
      write_fresh (s, child, inner);
      report_written (s, elements, i, at);
    }
  close_fresh (s, elements->n, indent, ']');
}

/* @node written afresh, its lines indented from @indent. */
static void
write_fresh (Splice     *s,
             JsonNode   *node,
             const char *indent)
{
  g_autofree char *inner = g_strconcat (indent, s->unit, NULL);
  g_autoptr(GList) names = NULL;
  JsonObject *object;
  guint i = 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      Elements elements = elements_of_array (json_node_get_array (node));

      write_fresh_list (s, &elements, indent);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      append_scalar (s, node);
      return;
    }

  object = json_node_get_object (node);
  names = json_object_get_members (object);
  g_string_append_c (s->out, '{');
  for (GList *l = names; l != NULL; l = l->next, i++)
    {
      next_fresh_line (s, i, inner);
      append_key (s, l->data);
      g_string_append (s->out, s->colon);
      if (is_lazy (s, object, l->data))
        write_fresh_list (s, &s->lazy, inner);
      else
        write_fresh (s, json_object_get_member (object, l->data), inner);
    }
  close_fresh (s, i, indent, '}');
}

static void emit_value (Splice     *s,
                        const char *p,
                        const char *end,
                        JsonNode   *node,
                        const char *indent,
                        guint       depth);
static void emit_list  (Splice         *s,
                        const char     *p,
                        const char     *end,
                        const Elements *elements,
                        const char     *indent,
                        guint           depth);

/* The indentation of a line that starts in @lead, or @indent when the
 * lead does not start a line. */
static char *
indent_after (const char *lead,
              const char *end,
              const char *indent)
{
  const char *newline = NULL;

  for (const char *p = lead; p < end; p++)
    if (*p == '\n')
      newline = p;
  if (newline == NULL)
    return g_strdup (indent);
  return g_strndup (newline + 1, (gsize) (end - newline - 1));
}

/* Writes the object or list at @open (whose parts are @parts, at least
 * one) as @slots say. */
static void
emit_container (Splice     *s,
                const char *open,
                GArray     *parts,
                Slot       *slots,
                guint       n_slots,
                const char *indent,
                guint       depth)
{
  gboolean object = *open == '{';
  Part *first = &g_array_index (parts, Part, 0);
  Part *second = parts->len > 1 ? &g_array_index (parts, Part, 1) : first;
  Part *last = &g_array_index (parts, Part, parts->len - 1);

  g_string_append_c (s->out, *open);
  for (guint k = 0; k < n_slots; k++)
    {
      Slot *slot = &slots[k];
      Part *from = slot->from >= 0 ? &g_array_index (parts, Part, slot->from) : NULL;
      Part *lead = k == 0 ? first : (from != NULL && slot->from > 0 ? from : second);
      g_autofree char *inner = indent_after (lead->lead, lead->key, indent);

      append_span (s, lead->lead, lead->key);
      if (object && from != NULL)
        append_span (s, from->key, from->value);
      else if (object)
        {
          append_key (s, slot->name);
          append_span (s, first->key_end, first->value);
        }

      if (slot->list != NULL && from != NULL)
        emit_list (s, from->value, from->value_end, slot->list, inner, depth + 1);
      else if (slot->list != NULL)
        write_fresh_list (s, slot->list, inner);
      else if (slot->elements != NULL && from != NULL && element_is_original (slot->elements, slot->index, from))
        {
          gsize at = out_length (s);

          append_span (s, from->value, from->value_end);
          report_written (s, slot->elements, slot->index, at);
        }
      else
        {
          g_autoptr(JsonNode) node = slot->node != NULL ? json_node_ref (slot->node)
                                                        : elements_get (slot->elements, slot->index);
          gsize at = out_length (s);

          if (from != NULL)
            emit_value (s, from->value, from->value_end, node, inner, depth + 1);
          else
            write_fresh (s, node, inner);
          report_written (s, slot->elements, slot->index, at);
        }

      if (k + 1 == n_slots)
        append_span (s, last->value_end, last->post_end);
      else if (from != NULL && from != last)
        /* Its comma too: the original's text runs on unbroken. */
        append_span (s, from->value_end, from->post_end + 1);
      else
        g_string_append_c (s->out, ',');
    }
  g_string_append_c (s->out, object ? '}' : ']');
}

static void
emit_object (Splice     *s,
             const char *p,
             const char *end,
             JsonObject *object,
             const char *indent,
             guint       depth)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Part));
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) names = json_object_get_members (object);
  g_autofree Slot *slots = NULL;
  guint n = 0;

  scan_parts (p, end, depth, parts, &s->known);
  /* A key that appears twice reads as its last value. */
  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = &g_array_index (parts, Part, i);
      char *name = decode_string (part->key, part->key_end);

      if (name != NULL)
        g_hash_table_insert (by_name, name, GINT_TO_POINTER (i + 1));
    }

  slots = g_new (Slot, g_list_length (names) + 1);
  for (GList *l = names; l != NULL; l = l->next)
    {
      int found = GPOINTER_TO_INT (g_hash_table_lookup (by_name, l->data));

      if (is_lazy (s, object, l->data))
        slots[n++] = (Slot) { found - 1, NULL, l->data, NULL, 0, &s->lazy };
      else
        slots[n++] = (Slot) { found - 1, json_object_get_member (object, l->data), l->data, NULL, 0, NULL };
    }

  emit_container (s, p, parts, slots, n, indent, depth);
}

/* Whether the original element @o is equal to the new one @n. */
static gboolean
element_equal (GArray         *parts,
               guint           o,
               const Elements *elements,
               guint           n,
               guint           depth)
{
  Part *part = &g_array_index (parts, Part, o);
  g_autoptr(JsonNode) node = NULL;

  if (element_is_original (elements, n, part))
    return TRUE;
  node = elements_get (elements, n);

  return equal (part->value, part->value_end, node, depth + 1);
}

static void
emit_elements (Splice         *s,
               const char     *p,
               const char     *end,
               const Elements *elements,
               const char     *indent,
               guint           depth)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Part));
  guint n_new = elements->n;
  guint n_old, n_min, prefix = 0, suffix = 0;
  g_autofree Slot *slots = g_new (Slot, n_new + 1);

  scan_parts (p, end, depth, parts, &s->known);
  n_old = parts->len;
  n_min = MIN (n_old, n_new);

  while (prefix < n_min && element_equal (parts, prefix, elements, prefix, depth))
    prefix++;
  while (suffix < n_min - prefix
         && element_equal (parts, n_old - 1 - suffix, elements, n_new - 1 - suffix, depth))
    suffix++;

  /* Between the equal ends, elements are paired by position. */
  for (guint i = 0; i < n_new; i++)
    {
      int from;

      if (i < prefix)
        from = (int) i;
      else if (i >= n_new - suffix)
        from = (int) (i - n_new + n_old);
      else if (i - prefix < n_old - suffix - prefix)
        from = (int) i;
      else
        from = -1;
      slots[i] = (Slot) { from, NULL, NULL, elements, i, NULL };
    }

  emit_container (s, p, parts, slots, n_new, indent, depth);
}

/* Empty containers have no parts to take formatting from. */
static gboolean
is_empty (const char *p,
          const char *end)
{
  return (*p == '{' || *p == '[') && *skip_space (p + 1, end) == (*p == '{' ? '}' : ']');
}

/* The lazy member, over the original's value at @p. */
static void
emit_list (Splice         *s,
           const char     *p,
           const char     *end,
           const Elements *elements,
           const char     *indent,
           guint           depth)
{
  if (*p == '[' && !is_empty (p, end))
    emit_elements (s, p, end, elements, indent, depth);
  else
    write_fresh_list (s, elements, indent);
}

static void
emit_value (Splice     *s,
            const char *p,
            const char *end,
            JsonNode   *node,
            const char *indent,
            guint       depth)
{
  gboolean empty = is_empty (p, end);

  /* The root holding the lazy member is never equal: it is written
   * member by member. */
  if (!(s->lazy_member != NULL && depth == 0) && equal (p, end, node, depth))
    append_span (s, p, end);
  else if (*p == '{' && !empty && JSON_NODE_HOLDS_OBJECT (node))
    emit_object (s, p, end, json_node_get_object (node), indent, depth);
  else if (*p == '[' && !empty && JSON_NODE_HOLDS_ARRAY (node))
    {
      Elements elements = elements_of_array (json_node_get_array (node));

      emit_elements (s, p, end, &elements, indent, depth);
    }
  else
    write_fresh (s, node, indent);
}

/* }}} */

/* How fresh values are formatted: like the root object's members. */
static void
detect_style (Splice     *s,
              const char *root,
              const char *end)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Part));
  Part *first, *second;
  const char *newline;

  if (*root != '{' || scan_parts (root, end, 0, parts, &s->known) == NULL || parts->len == 0)
    {
      s->newline = "\n";
      s->unit = g_strdup ("  ");
      s->colon = g_strdup (" : ");
      s->separator = g_strdup (" ");
      return;
    }

  first = &g_array_index (parts, Part, 0);
  second = parts->len > 1 ? &g_array_index (parts, Part, 1) : first;
  s->colon = g_strndup (first->key_end, (gsize) (first->value - first->key_end));
  s->separator = g_strndup (second->lead, (gsize) (second->key - second->lead));

  newline = memchr (first->lead, '\n', (gsize) (first->key - first->lead));
  if (newline == NULL)
    {
      s->newline = NULL;
      s->unit = g_strdup ("");
      return;
    }
  s->newline = newline > first->lead && newline[-1] == '\r' ? "\r\n" : "\n";
  s->unit = indent_after (first->lead, first->key, "");
  if (s->unit[0] == '\0')
    {
      g_free (s->unit);
      s->unit = g_strdup ("  ");
    }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  gsize x = ((const Span *) a)->offset, y = ((const Span *) b)->offset;

  return x < y ? -1 : x > y;
}

/* The pieces' texts that @spans knows, for skip_known(). */
static Known
known_spans (const char              *original,
             gsize                    length,
             guint                    n_elements,
             const VtJsonSpliceSpans *spans,
             gpointer                 user_data)
{
  Known known = { original, NULL };
  gboolean sorted = TRUE;

  if (spans == NULL || spans->original == NULL)
    return known;

  known.spans = g_array_sized_new (FALSE, FALSE, sizeof (Span), n_elements);
  for (guint i = 0; i < n_elements; i++)
    {
      Span span;

      /* Only an object's text, whole and inside the original. */
      if (!spans->original (i, &span.offset, &span.length, user_data)
          || span.length < 2 || span.offset > length || span.length > length - span.offset
          || original[span.offset] != '{' || original[span.offset + span.length - 1] != '}')
        continue;
      if (known.spans->len > 0
          && g_array_index (known.spans, Span, known.spans->len - 1).offset >= span.offset)
        sorted = FALSE;
      g_array_append_val (known.spans, span);
    }
  if (!sorted)
    g_array_sort (known.spans, compare_spans);
  return known;
}

GString *
vt_json_splice (const char              *original,
                gsize                    length,
                JsonNode                *node,
                const char              *member,
                guint                    n_elements,
                VtJsonSpliceElementFunc  func,
                gpointer                 user_data)
{
  VtJsonText *text = vt_json_splice_full (original, length, node, member, n_elements,
                                          func, NULL, user_data);

  return text != NULL ? vt_json_text_free_to_string (text) : NULL;
}

VtJsonText *
vt_json_splice_full (const char               *original,
                     gsize                     length,
                     JsonNode                 *node,
                     const char               *member,
                     guint                     n_elements,
                     VtJsonSpliceElementFunc   func,
                     const VtJsonSpliceSpans  *spans,
                     gpointer                  user_data)
{
  const char *end = original + length;
  const char *root, *root_end;
  Splice s = { NULL, };
  VtJsonText *text;

  g_return_val_if_fail (original != NULL || length == 0, NULL);
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (member == NULL || (func != NULL && JSON_NODE_HOLDS_OBJECT (node)), NULL);

  if (member != NULL)
    {
      s.root = json_node_get_object (node);
      s.lazy_member = member;
      s.lazy = (Elements) { NULL, func, user_data, n_elements, spans, original };
      s.known = known_spans (original, length, n_elements, spans, user_data);
    }

  root = original;
  if (length >= 3 && memcmp (root, "\xef\xbb\xbf", 3) == 0)
    root += 3;
  root = skip_space (root, end);
  root_end = skip_value (root, end, 0, &s.known);
  if (root_end == NULL || skip_space (root_end, end) != end)
    {
      g_clear_pointer (&s.known.spans, g_array_unref);
      return NULL;
    }

  detect_style (&s, root, end);
  /* The original's text is referenced: what is copied is what changed. */
  s.out = g_string_sized_new (1024);
  s.runs = g_array_new (FALSE, FALSE, sizeof (Run));
  s.original = original;
  s.original_end = end;

  append_span (&s, original, root);
  emit_value (&s, root, root_end, node, "", 0);
  append_span (&s, root_end, end);

  g_clear_pointer (&s.known.spans, g_array_unref);
  g_free (s.unit);
  g_free (s.colon);
  g_free (s.separator);

  text = g_new0 (VtJsonText, 1);
  text->own = s.out;
  text->runs = s.runs;
  text->length = out_length (&s);
  return text;
}

/* {{{ VtJsonText */

VtJsonText *
vt_json_text_new_take (GString *string)
{
  VtJsonText *text = g_new0 (VtJsonText, 1);

  g_return_val_if_fail (string != NULL, NULL);

  text->own = string;
  text->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  text->length = string->len;
  return text;
}

gsize
vt_json_text_get_length (const VtJsonText *text)
{
  g_return_val_if_fail (text != NULL, 0);

  return text->length;
}

const GOutputVector *
vt_json_text_get_vectors (VtJsonText *text,
                          guint      *n_vectors)
{
  gsize own_from = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (n_vectors != NULL, NULL);

  if (text->vectors == NULL)
    {
      text->vectors = g_new (GOutputVector, 2 * text->runs->len + 1);
      for (guint i = 0; i <= text->runs->len; i++)
        {
          const Run *run = i < text->runs->len ? &g_array_index (text->runs, Run, i) : NULL;
          gsize own_to = run != NULL ? run->own_at : text->own->len;

          if (own_to > own_from)
            text->vectors[text->n_vectors++] = (GOutputVector) { text->own->str + own_from,
                                                                 own_to - own_from };
          own_from = own_to;
          if (run != NULL)
            text->vectors[text->n_vectors++] = (GOutputVector) { run->start, run->length };
        }
    }
  *n_vectors = text->n_vectors;
  return text->vectors;
}

GString *
vt_json_text_free_to_string (VtJsonText *text)
{
  GString *string;
  const GOutputVector *vectors;
  guint n_vectors;

  g_return_val_if_fail (text != NULL, NULL);

  if (text->runs->len == 0)
    {
      string = g_steal_pointer (&text->own);
      vt_json_text_free (text);
      return string;
    }

  string = g_string_sized_new (text->length);
  vectors = vt_json_text_get_vectors (text, &n_vectors);
  for (guint i = 0; i < n_vectors; i++)
    g_string_append_len (string, vectors[i].buffer, (gssize) vectors[i].size);
  vt_json_text_free (text);
  return string;
}

void
vt_json_text_free (VtJsonText *text)
{
  if (text == NULL)
    return;

  if (text->own != NULL)
    g_string_free (text->own, TRUE);
  g_array_unref (text->runs);
  g_free (text->vectors);
  g_free (text);
}

/* }}} */
