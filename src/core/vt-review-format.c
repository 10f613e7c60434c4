/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The text of a review sidecar: read strictly, written one entry per group of lines. */

#define G_LOG_DOMAIN "vitrine-review"

#include "config.h"

#include "vt-review-store-private.h"

#include "vt-json-check.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

/*
 * The sidecar is written for version control: its entries are keyed by
 * piece number, in order, one group of lines each, and every piece of
 * the catalog has one ("not-reviewed" when nobody looked at it yet).
 * So when two curators review different pieces, each changes only the
 * inside of those pieces' groups, between lines neither touched, and a
 * three-way merge takes both; a sparse file would have them both insert
 * at the same place and conflict.
 */

#define FORMAT_NAME "vitrine-review"
#define FORMAT_VERSION 1
#define MAX_DEPTH 16

void
vt_review_entry_free (gpointer data)
{
  VtReviewEntry *entry = data;

  g_free (entry->note);
  g_free (entry->who);
  g_free (entry->when);
  g_free (entry->hash);
  g_free (entry);
}

GHashTable *
vt_review_entries_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, vt_review_entry_free);
}

/* The line of an entry's key, for a message about it. */
static guint
entry_line (const char *data,
            const char *member)
{
  g_autofree char *key = g_strdup_printf ("\"%s\"", member);
  const char *found = strstr (data, key);
  guint line = 1, column = 1;

  if (found != NULL)
    vt_json_position (data, found - data, &line, &column);
  return line;
}

static void G_GNUC_PRINTF (4, 5)
set_broken (GError    **error,
            const char *name,
            guint       line,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_BROKEN,
               "%s:%u: %s", name, line, message);
}

static const char *
optional_string (JsonObject *object,
                 const char *member,
                 gboolean   *wrong)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *wrong = TRUE;
      return NULL;
    }
  return json_node_get_string (node);
}

GHashTable *
vt_review_format_parse (const char  *data,
                        gsize        length,
                        const char  *name,
                        GError     **error)
{
  g_auto(VtJsonCheck) check = { NULL, 0, 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GHashTable) entries = vt_review_entries_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *root, *reviews;
  JsonNode *node;

  if (!vt_json_check (data, length, name, MAX_DEPTH, &check, &check_error))
    {
      /* The scan's messages are "NAME:LINE:COLUMN: ...", as ours. */
      g_set_error_literal (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_BROKEN,
                           check_error->message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data + check.start, (gssize) (length - check.start),
                                   &parse_error))
    {
      const char *message = parse_error->message;

      /* json-glib says "<data>:3:17: Parse error: ...". */
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_BROKEN,
                   "%s:%s", name, message);
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || g_strcmp0 (json_node_get_string (node), FORMAT_NAME) != 0)
    {
      set_broken (error, name, 1, _("not a Vitrine review file (its “format” is not “%s”)"),
                  FORMAT_NAME);
      return NULL;
    }
  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_int (node) != FORMAT_VERSION)
    {
      set_broken (error, name, 1,
                  _("a review file of another version of Vitrine (this one reads version %d)"),
                  FORMAT_VERSION);
      return NULL;
    }

  node = json_object_get_member (root, "reviews");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_broken (error, name, 1, _("“reviews” is missing or not an object"));
      return NULL;
    }
  reviews = json_node_get_object (node);

  members = json_object_get_members (reviews);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *value = json_object_get_member (reviews, key);
      JsonObject *object;
      VtReviewEntry *entry;
      const char *state;
      gboolean wrong = FALSE;
      guint64 number;
      char *end = NULL;
      guint line;

      line = entry_line (data, key);
      number = g_ascii_strtoull (key, &end, 10);
      if (end == key || *end != '\0' || number == 0 || number > G_MAXUINT)
        {
          set_broken (error, name, line, _("“%s” is not a piece number"), key);
          return NULL;
        }
      if (!JSON_NODE_HOLDS_OBJECT (value))
        {
          set_broken (error, name, line, _("the review of piece %s is not an object"), key);
          return NULL;
        }
      object = json_node_get_object (value);

      entry = g_new0 (VtReviewEntry, 1);
      entry->number = (guint) number;
      g_hash_table_insert (entries, GUINT_TO_POINTER (entry->number), entry);

      state = optional_string (object, "state", &wrong);
      if (state == NULL || !vt_review_state_from_string (state, &entry->state))
        {
          set_broken (error, name, line,
                      _("piece %s: the state is not “not-reviewed”, “approved” or “needs-changes”"),
                      key);
          return NULL;
        }
      entry->note = g_strdup (optional_string (object, "note", &wrong));
      entry->who = g_strdup (optional_string (object, "who", &wrong));
      entry->when = g_strdup (optional_string (object, "when", &wrong));
      entry->hash = g_strdup (optional_string (object, "hash", &wrong));
      if (wrong)
        {
          set_broken (error, name, line,
                      _("piece %s: “note”, “who”, “when” and “hash” must be strings"), key);
          return NULL;
        }
    }

  return g_steal_pointer (&entries);
}

static void
append_member (GString    *out,
               const char *name,
               const char *value,
               gboolean    last)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);
  g_autoptr(GString) quoted = vt_json_write (node);

  g_string_append_printf (out, "      \"%s\": %s%s\n", name, quoted->str, last ? "" : ",");
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  guint na = *(const guint *) a, nb = *(const guint *) b;

  return (na > nb) - (na < nb);
}

char *
vt_review_format_write (GHashTable *entries,
                        GArray     *numbers,
                        gsize      *length)
{
  GString *out = g_string_new (NULL);

  g_array_sort (numbers, compare_numbers);

  g_string_append_printf (out, "{\n  \"format\": \"%s\",\n  \"version\": %d,\n  \"reviews\": {\n",
                          FORMAT_NAME, FORMAT_VERSION);
  for (guint i = 0; i < numbers->len; i++)
    {
      guint number = g_array_index (numbers, guint, i);
      const VtReviewEntry *entry = g_hash_table_lookup (entries, GUINT_TO_POINTER (number));
      VtReviewState state = entry != NULL ? entry->state : VT_REVIEW_STATE_NOT_REVIEWED;
      const char *fields[4][2] = {
        { "note", entry != NULL ? entry->note : NULL },
        { "who", entry != NULL ? entry->who : NULL },
        { "when", entry != NULL ? entry->when : NULL },
        { "hash", entry != NULL ? entry->hash : NULL },
      };
      int last = -1;

      for (int f = 0; f < 4; f++)
        if (fields[f][1] != NULL)
          last = f;

      g_string_append_printf (out, "    \"%u\": {\n", number);
      append_member (out, "state", vt_review_state_to_string (state), last < 0);
      for (int f = 0; f <= last; f++)
        if (fields[f][1] != NULL)
          append_member (out, fields[f][0], fields[f][1], f == last);
      g_string_append_printf (out, "    }%s\n", i + 1 < numbers->len ? "," : "");
    }
  g_string_append (out, "  }\n}\n");

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
