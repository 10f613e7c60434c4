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
 * remembered, so a save holds little beyond its output.
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
  GString    *out;
  const char *newline;    /* NULL when the document is on one line */
  char       *unit;       /* one level of indentation */
  char       *colon;      /* between a key and its value */
  char       *separator;  /* after a comma, on one line */
} Splice;

/* A member or element to write: @from indexes the original's parts,
 * -1 for one that is new. */
typedef struct
{
  int         from;
  JsonNode   *node;
  const char *name;
} Slot;

/* {{{ Scanning */

static const char *skip_value (const char *p,
                               const char *end,
                               guint       depth);

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* @p is at the opening quote; returns what follows the closing one. */
static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '\\')
        p++;
      else if (*p == '"')
        return p + 1;
    }
  return NULL;
}

/* Scans the object or list at @p, appending its parts to @parts when
 * given; returns what follows its closing bracket, NULL when it is not
 * well formed. */
static const char *
scan_parts (const char *p,
            const char *end,
            guint       depth,
            GArray     *parts)
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
      if ((q = skip_value (q, end, depth + 1)) == NULL)
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
skip_value (const char *p,
            const char *end,
            guint       depth)
{
  const char *start = p;

  if (p >= end || depth > MAX_DEPTH)
    return NULL;

  switch (*p)
    {
    case '{':
    case '[':
      return scan_parts (p, end, depth, NULL);
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
        case 'b': g_string_append_c (text, '\b'); break;
        case 'f': g_string_append_c (text, '\f'); break;
        case 'n': g_string_append_c (text, '\n'); break;
        case 'r': g_string_append_c (text, '\r'); break;
        case 't': g_string_append_c (text, '\t'); break;
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

  if (scan_parts (p, end, depth, parts) == NULL || parts->len != json_object_get_size (object))
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

  if (scan_parts (p, end, depth, parts) == NULL || parts->len != json_array_get_length (array))
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

static void
append_span (Splice     *s,
             const char *start,
             const char *end)
{
  g_string_append_len (s->out, start, (gssize) (end - start));
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

/* @node written afresh, its lines indented from @indent. */
static void
write_fresh (Splice     *s,
             JsonNode   *node,
             const char *indent)
{
  g_autofree char *inner = g_strconcat (indent, s->unit, NULL);
  gboolean object = JSON_NODE_HOLDS_OBJECT (node);
  g_autoptr(GList) names = NULL;
  guint n;

  if (object)
    {
      names = json_object_get_members (json_node_get_object (node));
      n = g_list_length (names);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    n = json_array_get_length (json_node_get_array (node));
  else
    {
      append_scalar (s, node);
      return;
    }

  g_string_append_c (s->out, object ? '{' : '[');
  for (guint i = 0; i < n; i++)
    {
      JsonNode *child;

      if (i > 0)
        g_string_append_c (s->out, ',');
      if (s->newline != NULL)
        {
          g_string_append (s->out, s->newline);
          g_string_append (s->out, inner);
        }
      else if (i > 0)
        g_string_append (s->out, s->separator);

      if (object)
        {
          const char *name = g_list_nth_data (names, i);

          append_key (s, name);
          g_string_append (s->out, s->colon);
          child = json_object_get_member (json_node_get_object (node), name);
        }
      else
        child = json_array_get_element (json_node_get_array (node), i);
      write_fresh (s, child, inner);
    }
  if (n > 0 && s->newline != NULL)
    {
      g_string_append (s->out, s->newline);
      g_string_append (s->out, indent);
    }
  g_string_append_c (s->out, object ? '}' : ']');
}

static void emit_value (Splice     *s,
                        const char *p,
                        const char *end,
                        JsonNode   *node,
                        const char *indent,
                        guint       depth);

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

      if (from != NULL)
        emit_value (s, from->value, from->value_end, slot->node, inner, depth + 1);
      else
        write_fresh (s, slot->node, inner);

      if (k + 1 == n_slots)
        append_span (s, last->value_end, last->post_end);
      else
        {
          if (from != NULL && from != last)
            append_span (s, from->value_end, from->post_end);
          g_string_append_c (s->out, ',');
        }
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

  scan_parts (p, end, depth, parts);
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

      slots[n++] = (Slot) { found - 1, json_object_get_member (object, l->data), l->data };
    }

  emit_container (s, p, parts, slots, n, indent, depth);
}

static void
emit_array (Splice     *s,
            const char *p,
            const char *end,
            JsonArray  *array,
            const char *indent,
            guint       depth)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Part));
  guint n_new = json_array_get_length (array);
  guint n_old, n_min, prefix = 0, suffix = 0;
  g_autofree Slot *slots = g_new (Slot, n_new + 1);

  scan_parts (p, end, depth, parts);
  n_old = parts->len;
  n_min = MIN (n_old, n_new);

#define OLD_EQUALS_NEW(o, n) \
  equal (g_array_index (parts, Part, o).value, g_array_index (parts, Part, o).value_end, \
         json_array_get_element (array, n), depth + 1)

  while (prefix < n_min && OLD_EQUALS_NEW (prefix, prefix))
    prefix++;
  while (suffix < n_min - prefix && OLD_EQUALS_NEW (n_old - 1 - suffix, n_new - 1 - suffix))
    suffix++;

#undef OLD_EQUALS_NEW

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
      slots[i] = (Slot) { from, json_array_get_element (array, i), NULL };
    }

  emit_container (s, p, parts, slots, n_new, indent, depth);
}

static void
emit_value (Splice     *s,
            const char *p,
            const char *end,
            JsonNode   *node,
            const char *indent,
            guint       depth)
{
  /* Empty containers have no parts to take formatting from. */
  gboolean empty = (*p == '{' || *p == '[') && *skip_space (p + 1, end) == (*p == '{' ? '}' : ']');

  if (equal (p, end, node, depth))
    append_span (s, p, end);
  else if (*p == '{' && !empty && JSON_NODE_HOLDS_OBJECT (node))
    emit_object (s, p, end, json_node_get_object (node), indent, depth);
  else if (*p == '[' && !empty && JSON_NODE_HOLDS_ARRAY (node))
    emit_array (s, p, end, json_node_get_array (node), indent, depth);
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

  if (*root != '{' || scan_parts (root, end, 0, parts) == NULL || parts->len == 0)
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

GString *
vt_json_splice (const char *original,
                gsize       length,
                JsonNode   *node)
{
  const char *end = original + length;
  const char *root, *root_end;
  Splice s = { NULL, };

  g_return_val_if_fail (original != NULL || length == 0, NULL);
  g_return_val_if_fail (node != NULL, NULL);

  root = original;
  if (length >= 3 && memcmp (root, "\xef\xbb\xbf", 3) == 0)
    root += 3;
  root = skip_space (root, end);
  root_end = skip_value (root, end, 0);
  if (root_end == NULL || skip_space (root_end, end) != end)
    return NULL;

  detect_style (&s, root, end);
  s.out = g_string_sized_new (length + 1024);

  append_span (&s, original, root);
  emit_value (&s, root, root_end, node, "", 0);
  append_span (&s, root_end, end);

  g_free (s.unit);
  g_free (s.colon);
  g_free (s.separator);
  return s.out;
}
