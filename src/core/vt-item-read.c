/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a piece's members from its JSON object: typed values, and a message for each of the wrong type. */

#define G_LOG_DOMAIN "vitrine-item"

#include "config.h"

#include "vt-item-read.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* How a wrong value reads in a message: "seven" (quoted), 12, true, [...]. */
static char *
describe_value (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup ("{…}");
    case JSON_NODE_ARRAY:
      return g_strdup ("[…]");
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);
        g_autofree char *start = NULL;
        g_autofree char *cut = NULL;

        if (g_utf8_strlen (s, -1) > 40)
          {
            start = g_utf8_substring (s, 0, 37);
            s = cut = g_strconcat (start, "…", NULL);
          }
        /* Translators: a text quoted in a message, in your language's quotation marks */
        return g_strdup_printf (_("“%s”"), s);
      }
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        /* 15 digits: 0.7 reads as 0.7, not 0.69999999999999996. */
        return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)));
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return g_strdup ("?");
    }
}

static const char *
describe_kind (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return _("a number");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("of an unknown kind");
    }
}

typedef enum
{
  EXPECT_TEXT,
  EXPECT_NUMBER,
  EXPECT_LIST_OF_TEXT,
} Expected;

/* Problems are collected as (field, message) while the item is being
 * read, and made into VtProblems once its number and title are known.
 * Takes @message. */
static void
add_pending (GPtrArray  *pending,
             const char *field,
             char       *message)
{
  g_ptr_array_add (pending, g_strdup (field));
  g_ptr_array_add (pending, message);
}

static void
wrong_type (GPtrArray  *pending,
            const char *field,
            JsonNode   *node,
            Expected    expected)
{
  g_autofree char *value = describe_value (node);
  const char *kind = describe_kind (node);
  char *message;

  switch (expected)
    {
    case EXPECT_NUMBER:
      /* Translators: “seven” is a string, not a number */
      message = g_strdup_printf (_("%s is %s, not a number"), value, kind);
      break;
    case EXPECT_LIST_OF_TEXT:
      message = g_strdup_printf (_("%s is %s, not a list of text"), value, kind);
      break;
    case EXPECT_TEXT:
    default:
      message = g_strdup_printf (_("%s is %s, not text"), value, kind);
      break;
    }

  add_pending (pending, field, message);
}

static gboolean
is_string_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

const char *
vt_item_read_string (JsonObject *object,
                     const char *member,
                     GPtrArray  *pending)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!is_string_node (node))
    {
      wrong_type (pending, member, node, EXPECT_TEXT);
      return NULL;
    }
  value = json_node_get_string (node);
  return value[0] != '\0' ? value : NULL;
}

/* Whole numbers only: 7 and 7.0 are fine, 7.5 and "7" are not. */
gboolean
vt_item_read_integer (JsonObject *object,
                      const char *member,
                      gint64      min,
                      gint64      max,
                      gint64     *value,
                      GPtrArray  *pending)
{
  JsonNode *node = json_object_get_member (object, member);
  gboolean in_range = TRUE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    *value = json_node_get_int (node);
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      /* Converting a double outside gint64's range is undefined: such a
       * number is out of range whether it is whole or not. */
      in_range = d >= -0x1p63 && d < 0x1p63;
      if (in_range && d != (double) (gint64) d)
        {
          g_autofree char *text = describe_value (node);

          add_pending (pending, member, g_strdup_printf (_("%s is not a whole number"), text));
          return FALSE;
        }
      *value = in_range ? (gint64) d : d < 0 ? G_MININT64 : G_MAXINT64;
    }
  else
    {
      wrong_type (pending, member, node, EXPECT_NUMBER);
      return FALSE;
    }

  if (!in_range || *value < min || *value > max)
    {
      g_autofree char *text = describe_value (node);

      if (min == 1 && *value < min)
        add_pending (pending, member, g_strdup_printf (_("%s is not a positive whole number"), text));
      else
        add_pending (pending, member, g_strdup_printf (_("%s is out of range"), text));
      return FALSE;
    }

  return TRUE;
}

/* A list of strings, borrowed; wrong elements are reported and skipped. */
const char **
vt_item_read_string_list (JsonObject *object,
                          const char *member,
                          guint      *n_values,
                          GPtrArray  *pending)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;
  const char **values;
  guint length;
  guint n = 0;

  *n_values = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (pending, member, node, EXPECT_LIST_OF_TEXT);
      return NULL;
    }

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (length == 0)
    return NULL;

  values = g_new (const char *, length + 1);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (is_string_node (element))
        {
          const char *value = json_node_get_string (element);

          if (value[0] != '\0')
            values[n++] = value;
        }
      else if (!JSON_NODE_HOLDS_NULL (element))
        {
          g_autofree char *field = g_strdup_printf ("%s[%u]", member, i);

          wrong_type (pending, field, element, EXPECT_TEXT);
        }
    }
  values[n] = NULL;
  *n_values = n;

  if (n == 0)
    g_clear_pointer (&values, g_free);
  return values;
}

/* Whether @member of @object is a whole number written as one, so the
 * typed value gives it back as written. */
gboolean
vt_item_read_is_integer (JsonObject *object,
                         const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* Whether every element of the list @member of @object was read. */
gboolean
vt_item_read_is_whole_list (JsonObject *object,
                            const char *member,
                            guint       n_read)
{
  JsonNode *node = json_object_get_member (object, member);

  return n_read > 0 && node != NULL && JSON_NODE_HOLDS_ARRAY (node)
         && json_array_get_length (json_node_get_array (node)) == n_read;
}
