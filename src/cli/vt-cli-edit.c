/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-cli edit: changes, adds or removes pieces of a catalog through the window's editing code. */

#define G_LOG_DOMAIN "vitrine-cli"

#include "config.h"

#include "vt-cli-common.h"
#include "vt-edit.h"
#include "vt-field.h"
#include "vt-page.h"
#include "vt-text.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * Every change is a VtEdit applied to the loaded catalog, as the window
 * applies them: pages added first, then the members of piece NUMBER in
 * the order given, then the pieces deleted. The catalog refuses what
 * would not load back (a value of the wrong kind, a number taken, text
 * over its limit); then each piece changed or added is checked as
 * `vitrine-cli validate` checks it, and an error it did not have before
 * refuses the whole command unless --force. Only then is the catalog
 * saved, once, atomically.
 */

/* {{{ Values */

/* "1956" for an integer, the text for a string, "Hungary, USSR" for
 * countries, "3 paragraphs" for the text; "(none)" when missing. */
static char *
describe_member (JsonNode *node,
                 VtField   field)
{
  const VtFieldInfo *info = vt_field_get_info (field);

  if (node == NULL)
    return g_strdup (_("(none)"));

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint length = json_array_get_length (array);
      g_autoptr(GString) text = g_string_new (NULL);

      if (info->kind == VT_FIELD_KIND_PARAGRAPHS)
        return g_strdup_printf (ngettext ("%u paragraph", "%u paragraphs", length), length);
      for (guint i = 0; i < length; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (i > 0)
            g_string_append (text, ", ");
          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_string_append (text, json_node_get_string (element));
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *cut = NULL;

      return g_strdup (vt_text_bound (json_node_get_string (node), VT_TEXT_BOUND_LINE, &cut));
    }
  return json_to_string (node, FALSE);
}

/* describe_member() of @item's member for @field. */
static char *
describe_field (VtItem  *item,
                VtField  field)
{
  g_autoptr(JsonObject) json = vt_item_dup_json (item);

  return describe_member (json_object_get_member (json, vt_field_get_member (field)), field);
}

static JsonNode *
string_list_node (char **values)
{
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_strstrip (values[i]);
      if (values[i][0] != '\0')
        json_array_add_string_element (array, values[i]);
    }
  return json_node_init_array (json_node_alloc (), array);
}

/* @text as the JSON the field holds: a string, a whole number, a list
 * of countries separated by commas, paragraphs separated by a blank line. */
static JsonNode *
parse_value (VtField      field,
             const char  *text,
             GError     **error)
{
  JsonNode *node;

  switch (vt_field_get_info (field)->kind)
    {
    case VT_FIELD_KIND_INTEGER:
      {
        gint64 value;

        if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
          {
            g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT,
                         _("%s=%s: not a whole number"), vt_field_get_member (field), text);
            return NULL;
          }
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_int (node, value);
        return node;
      }

    case VT_FIELD_KIND_PARAGRAPHS:
      {
        g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
        g_autofree char *joined = g_strjoinv ("\n", lines);
        g_auto(GStrv) paragraphs = g_strsplit (joined, "\n\n", -1);

        return string_list_node (paragraphs);
      }

    case VT_FIELD_KIND_FACET_LIST:
      {
        g_auto(GStrv) values = g_strsplit (text, ",", -1);

        return string_list_node (values);
      }

    case VT_FIELD_KIND_TEXT:
    case VT_FIELD_KIND_FACET:
    case VT_FIELD_KIND_PRICE:
    case VT_FIELD_KIND_IMAGE:
    default:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, text);
      return node;
    }
}

/* The field a command-line KEY names: a JSON member ("countries") or a
 * page's key ("Country", any case); NULL, saying so, when none. */
static const VtFieldInfo *
lookup_key (const char  *key,
            GError     **error)
{
  const VtFieldInfo *info = vt_field_lookup_member (key);

  if (info == NULL)
    info = vt_field_lookup_page_key (key);
  if (info == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint f = 0; f < VT_N_FIELDS; f++)
        g_string_append_printf (known, "%s%s", f > 0 ? ", " : "", vt_field_get_member (f));
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT,
                   _("“%s” is not a field of a piece; the fields are %s"), key, known->str);
    }
  return info;
}

/* }}} */
/* {{{ Applying */

typedef struct
{
  const char *path;
  VtCatalog  *catalog;
  /* Each piece changed or added, as it is now, and its problems before
   * (NULL when added): by the number it has now. */
  GHashTable *touched;
  guint       n_changes;
} Session;

static void
session_clear (Session *session)
{
  g_clear_object (&session->catalog);
  g_clear_pointer (&session->touched, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Session, session_clear)

static void
problems_free (gpointer problems)
{
  g_clear_pointer (&problems, g_ptr_array_unref);
}

/* Applies @edit, or prints why not. */
static gboolean
apply (Session *session,
       VtEdit  *edit)
{
  g_autoptr(GError) error = NULL;

  if (!vt_catalog_apply_edit (session->catalog, edit, &error))
    {
      g_printerr ("%s: %s\n", session->path, error->message);
      return FALSE;
    }
  session->n_changes++;
  return TRUE;
}

/* Returns the exit status: a page that cannot be read is input that
 * cannot be read, a piece the catalog refuses is an edit refused. */
static int
add_page (Session    *session,
          const char *page_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(VtItem) item = NULL;
  g_autoptr(VtEdit) edit = NULL;
  gsize length = 0;
  guint number;

  data = vt_cli_read_file (page_path, VT_CLI_MAX_PAGE_SIZE, &length, &error);
  if (data != NULL)
    object = vt_page_parse (data, length, page_path, NULL, &error);
  if (object == NULL)
    {
      vt_cli_file_error (error);
      return VT_CLI_EXIT_FAILURE;
    }

  item = vt_item_new_from_json (object, vt_catalog_get_base_dir (session->catalog), NULL);
  edit = vt_edit_new_insert (item);
  if (!apply (session, edit))
    return VT_CLI_EXIT_PROBLEMS;

  number = vt_item_get_number (item);
  g_hash_table_insert (session->touched, GUINT_TO_POINTER (number), NULL);
  /* "New piece 101: 2001 - …" */
  vt_cli_printf ("%s: %s\n", vt_edit_get_label (edit),
                 vt_item_get_title (item) != NULL ? vt_item_get_title (item) : "");
  return VT_CLI_EXIT_OK;
}

/* Sets (or with a NULL @value removes) @field of the piece now numbered
 * *@number, which follows the piece when its number changes. */
static gboolean
set_member (Session  *session,
            guint    *number,
            VtField   field,
            JsonNode *value)
{
  VtItem *item = vt_catalog_lookup (session->catalog, *number);
  g_autoptr(VtEdit) edit = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gpointer problems = NULL;
  gboolean seen;

  if (item == NULL)
    {
      g_printerr (_("%s: no piece has the number %u"), session->path, *number);
      g_printerr ("\n");
      return FALSE;
    }

  seen = g_hash_table_steal_extended (session->touched, GUINT_TO_POINTER (*number), NULL, &problems);
  if (!seen)
    problems = vt_catalog_check_item (session->catalog, item);

  before = describe_field (item, field);
  edit = vt_edit_new_set (item, field, value);
  if (!apply (session, edit))
    {
      g_clear_pointer (&problems, g_ptr_array_unref);
      return FALSE;
    }
  if (field == VT_FIELD_NUMBER)
    *number = (guint) json_node_get_int (value);
  g_hash_table_insert (session->touched, GUINT_TO_POINTER (*number), problems);

  item = vt_catalog_lookup (session->catalog, *number);
  after = describe_field (item, field);
  /* "56 year: 1956 → 1957": the piece as it was numbered, the member as
   * the catalog names it. */
  vt_cli_printf ("%u %s: %s → %s\n", vt_item_get_number (vt_edit_get_item (edit)),
                 vt_field_get_member (field), before, after);
  return TRUE;
}

static gboolean
delete_piece (Session    *session,
              const char *text)
{
  g_autoptr(VtEdit) edit = NULL;
  guint64 number;
  VtItem *item;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &number, NULL)
      || (item = vt_catalog_lookup (session->catalog, (guint) number)) == NULL)
    {
      g_printerr (_("%s: --delete %s: no piece has that number"), session->path, text);
      g_printerr ("\n");
      return FALSE;
    }

  edit = vt_edit_new_delete (item);
  if (!apply (session, edit))
    return FALSE;
  g_hash_table_remove (session->touched, GUINT_TO_POINTER ((guint) number));
  vt_cli_printf ("%s: %s\n", vt_edit_get_label (edit),
                 vt_item_get_title (item) != NULL ? vt_item_get_title (item) : "");
  return TRUE;
}

static gboolean
has_problem (GPtrArray *problems,
             VtProblem *problem)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      VtProblem *other = g_ptr_array_index (problems, i);

      if (g_strcmp0 (vt_problem_get_field (other), vt_problem_get_field (problem)) == 0
          && g_strcmp0 (vt_problem_get_message (other), vt_problem_get_message (problem)) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Prints the problems each piece changed or added has that it did not
 * have before, as `vitrine-cli validate` prints them; returns how many
 * of them are errors. */
static guint
report_new_problems (Session *session)
{
  GHashTableIter iter;
  gpointer key, before;
  guint n_errors = 0;

  g_hash_table_iter_init (&iter, session->touched);
  while (g_hash_table_iter_next (&iter, &key, &before))
    {
      VtItem *item = vt_catalog_lookup (session->catalog, GPOINTER_TO_UINT (key));
      g_autoptr(GPtrArray) problems = vt_catalog_check_item (session->catalog, item);

      for (guint i = 0; i < problems->len; i++)
        {
          VtProblem *problem = g_ptr_array_index (problems, i);
          g_autofree char *text = NULL;

          if (has_problem (before, problem))
            continue;
          if (vt_problem_get_severity (problem) == VT_SEVERITY_ERROR)
            n_errors++;
          text = vt_problem_to_string (problem);
          if (vt_item_get_line (item) > 0)
            g_printerr ("%s:%u: %s\n", session->path, vt_item_get_line (item), text);
          else
            g_printerr ("%s: %s\n", session->path, text);
        }
    }
  return n_errors;
}

/* }}} */

int
vt_cli_edit (int    argc,
             char **argv)
{
  g_auto(GStrv) arguments = NULL;
  g_auto(GStrv) removes = NULL;
  g_auto(GStrv) pages = NULL;
  g_auto(GStrv) deletes = NULL;
  gboolean force = FALSE;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "remove", 0, 0, G_OPTION_ARG_STRING_ARRAY, &removes,
      N_("Remove the member KEY from the piece; may be given more than once"), N_("KEY") },
    { "add-page", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &pages,
      N_("Add the piece a published page describes, as “vitrine-cli import” reads it"), N_("PAGE") },
    { "delete", 0, 0, G_OPTION_ARG_STRING_ARRAY, &deletes,
      N_("Remove the piece of this number from the catalog"), N_("NUMBER") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Save even when a piece gets an error it did not have (see “vitrine-cli validate”)"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Print what would change, and write nothing"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &arguments, NULL,
      N_("CATALOG [NUMBER KEY=VALUE…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_auto(Session) session = { NULL, };
  g_autoptr(GError) error = NULL;
  guint number = 0;
  guint n_sets;

  context = vt_cli_option_context_new (NULL,
                                       _("Changes the members of piece NUMBER (KEY=VALUE, --remove), "
                                         "adds pieces from pages or deletes pieces, through the "
                                         "window’s editing code, and saves the catalog once, "
                                         "keeping the file as it was as CATALOG~. KEY is a member "
                                         "of the catalog (year, countries) or a page’s key (Year, "
                                         "Country). Countries are separated by commas, paragraphs "
                                         "of the text by a blank line."),
                                       entries);
  if (!vt_cli_parse_options (context, &argc, &argv))
    return VT_CLI_EXIT_FAILURE;

  if (arguments == NULL || arguments[0] == NULL)
    {
      vt_cli_usage_error (_("no catalog given"));
      return VT_CLI_EXIT_FAILURE;
    }
  n_sets = g_strv_length (arguments) - 1;
  if (n_sets > 0)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (arguments[1], 10, 1, G_MAXUINT, &value, NULL))
        {
          vt_cli_usage_error (_("“%s” is not the number of a piece"), arguments[1]);
          return VT_CLI_EXIT_FAILURE;
        }
      number = (guint) value;
      n_sets--;
    }
  if (number == 0 && removes != NULL)
    {
      vt_cli_usage_error (_("--remove needs the NUMBER of a piece"));
      return VT_CLI_EXIT_FAILURE;
    }
  if (n_sets == 0 && removes == NULL && pages == NULL && deletes == NULL)
    {
      vt_cli_usage_error (_("nothing to change: give KEY=VALUE, --remove, --add-page or --delete"));
      return VT_CLI_EXIT_FAILURE;
    }

  session.path = arguments[0];
  session.touched = g_hash_table_new_full (NULL, NULL, NULL, problems_free);
  session.catalog = vt_cli_load_catalog (arguments[0], FALSE, &error);
  if (session.catalog == NULL)
    {
      vt_cli_file_error (error);
      return VT_CLI_EXIT_FAILURE;
    }

  for (guint i = 0; pages != NULL && pages[i] != NULL; i++)
    {
      int status = add_page (&session, pages[i]);

      if (status != VT_CLI_EXIT_OK)
        return status;
    }

  /* The KEY=VALUE arguments: after the catalog and the number. */
  for (guint i = 2; i < n_sets + 2; i++)
    {
      const char *equals = strchr (arguments[i], '=');
      g_autofree char *key = NULL;
      g_autoptr(JsonNode) value = NULL;
      const VtFieldInfo *info;

      if (equals == NULL)
        {
          vt_cli_usage_error (_("“%s”: give KEY=VALUE, such as “year=1956”"), arguments[i]);
          return VT_CLI_EXIT_FAILURE;
        }
      key = g_strndup (arguments[i], equals - arguments[i]);
      if ((info = lookup_key (key, &error)) == NULL
          || (value = parse_value (info->field, equals + 1, &error)) == NULL)
        {
          g_printerr ("%s: %s\n", session.path, error->message);
          return VT_CLI_EXIT_PROBLEMS;
        }
      if (!set_member (&session, &number, info->field, value))
        return VT_CLI_EXIT_PROBLEMS;
    }

  for (guint i = 0; removes != NULL && removes[i] != NULL; i++)
    {
      const VtFieldInfo *info = lookup_key (removes[i], &error);

      if (info == NULL)
        {
          g_printerr ("%s: %s\n", session.path, error->message);
          return VT_CLI_EXIT_PROBLEMS;
        }
      if (!set_member (&session, &number, info->field, NULL))
        return VT_CLI_EXIT_PROBLEMS;
    }

  for (guint i = 0; deletes != NULL && deletes[i] != NULL; i++)
    if (!delete_piece (&session, deletes[i]))
      return VT_CLI_EXIT_PROBLEMS;

  if (report_new_problems (&session) > 0 && !force)
    {
      /* Translators: after the problems an edit would give, "catalog.json: nothing was written; …" */
      g_printerr (_("%s: nothing was written; fix the values, or give --force to save them all the same"),
                  session.path);
      g_printerr ("\n");
      return VT_CLI_EXIT_PROBLEMS;
    }

  if (dry_run)
    {
      g_printerr (_("%s: nothing was written (--dry-run)"), session.path);
      g_printerr ("\n");
      return VT_CLI_EXIT_OK;
    }
  if (!vt_catalog_get_modified (session.catalog))
    return VT_CLI_EXIT_OK;

  if (!vt_catalog_save (session.catalog, vt_catalog_get_file (session.catalog), &error))
    {
      vt_cli_file_error (error);
      return VT_CLI_EXIT_FAILURE;
    }
  /* Translators: the last line of "vitrine-cli edit", "catalog.json: 2 changes saved" */
  g_printerr (ngettext ("%s: %'u change saved", "%s: %'u changes saved", session.n_changes),
              session.path, session.n_changes);
  g_printerr ("\n");
  return VT_CLI_EXIT_OK;
}
