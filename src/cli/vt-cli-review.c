/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-cli review: lists the review of every piece, or records one, in the window's sidecar. */

#define G_LOG_DOMAIN "vitrine-cli"

#include "config.h"

#include "vt-cli-common.h"
#include "vt-review-store.h"

#include <glib/gi18n.h>
#include <string.h>

typedef enum
{
  FORMAT_TABLE,
  FORMAT_JSON,
  FORMAT_CSV,
} Format;

static gboolean
parse_format (const char *text,
              Format     *format)
{
  if (text == NULL || g_strcmp0 (text, "table") == 0)
    *format = FORMAT_TABLE;
  else if (g_strcmp0 (text, "json") == 0)
    *format = FORMAT_JSON;
  else if (g_strcmp0 (text, "csv") == 0)
    *format = FORMAT_CSV;
  else
    return FALSE;
  return TRUE;
}

/* "56=approved". */
static gboolean
parse_set (const char    *text,
           guint         *number,
           VtReviewState *state)
{
  const char *equals = strchr (text, '=');
  g_autofree char *digits = NULL;
  guint64 value;

  if (equals == NULL)
    return FALSE;
  digits = g_strndup (text, equals - text);
  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT, &value, NULL))
    return FALSE;
  *number = (guint) value;
  return vt_review_state_from_string (equals + 1, state);
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  guint na = vt_item_get_number (*(VtItem **) a);
  guint nb = vt_item_get_number (*(VtItem **) b);

  return (na > nb) - (na < nb);
}

/* The catalog's numbered pieces by number, those in @state when @filter. */
static GPtrArray *
sorted_items (VtCatalog     *catalog,
              gboolean       filter,
              VtReviewState  state)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      if (vt_item_get_number (item) == 0)
        continue;
      if (filter && vt_item_get_review_state (item) != state)
        continue;
      g_ptr_array_add (items, g_steal_pointer (&item));
    }
  g_ptr_array_sort (items, compare_numbers);
  return items;
}

static void
print_json (VtReviewStore *store,
            GPtrArray     *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      VtItem *item = g_ptr_array_index (items, i);
      const VtReviewEntry *entry = vt_review_store_lookup (store, vt_item_get_number (item));
      const char *optional[][2] = {
        { "note", entry != NULL ? entry->note : NULL },
        { "who", entry != NULL ? entry->who : NULL },
        { "when", entry != NULL ? entry->when : NULL },
      };

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, vt_item_get_number (item));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, vt_item_get_title (item));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, vt_review_state_to_string (vt_item_get_review_state (item)));
      json_builder_set_member_name (builder, "changed");
      json_builder_add_boolean_value (builder, vt_item_get_review_changed (item));
      for (guint f = 0; f < G_N_ELEMENTS (optional); f++)
        if (optional[f][1] != NULL)
          {
            json_builder_set_member_name (builder, optional[f][0]);
            json_builder_add_string_value (builder, optional[f][1]);
          }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  vt_cli_print_json (root);
}

static void
print_csv (VtReviewStore *store,
           GPtrArray     *items)
{
  g_autoptr(GString) line = g_string_new ("number,state,changed,title,who,when,note");

  vt_cli_end_csv_line (line);
  for (guint i = 0; i < items->len; i++)
    {
      VtItem *item = g_ptr_array_index (items, i);
      const VtReviewEntry *entry = vt_review_store_lookup (store, vt_item_get_number (item));

      g_string_append_printf (line, "%u,%s,%s,", vt_item_get_number (item),
                              vt_review_state_to_string (vt_item_get_review_state (item)),
                              vt_item_get_review_changed (item) ? "true" : "false");
      vt_cli_append_csv_field (line, vt_item_get_title (item));
      g_string_append_c (line, ',');
      vt_cli_append_csv_field (line, entry != NULL ? entry->who : NULL);
      g_string_append_c (line, ',');
      vt_cli_append_csv_field (line, entry != NULL ? entry->when : NULL);
      g_string_append_c (line, ',');
      vt_cli_append_csv_field (line, entry != NULL ? entry->note : NULL);
      vt_cli_end_csv_line (line);
    }
}

static void
append_padded (GString    *line,
               const char *text,
               guint       width)
{
  g_string_append (line, text);
  for (guint w = vt_cli_text_width (text); w < width; w++)
    g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

/* One line a piece: number, state, title, and the note on its own line. */
static void
print_table (VtReviewStore *store,
             GPtrArray     *items,
             guint          n_total)
{
  g_autoptr(GString) line = g_string_new (NULL);
  guint counts[VT_N_REVIEW_STATES];
  guint state_width = 0;
  guint reviewed;

  for (guint s = 0; s < VT_N_REVIEW_STATES; s++)
    state_width = MAX (state_width, vt_cli_text_width (vt_review_state_get_label (s)));

  for (guint i = 0; i < items->len; i++)
    {
      VtItem *item = g_ptr_array_index (items, i);
      const VtReviewEntry *entry = vt_review_store_lookup (store, vt_item_get_number (item));
      const char *title = vt_item_get_title (item);

      g_string_printf (line, "%5u  ", vt_item_get_number (item));
      append_padded (line, vt_review_state_get_label (vt_item_get_review_state (item)), state_width);
      g_string_append (line, title != NULL ? title : "");
      if (vt_item_get_review_changed (item))
        /* Translators: after a piece's title in "vitrine-cli review" */
        g_string_append_printf (line, " (%s)", _("changed since approved"));
      if (entry != NULL && entry->who != NULL)
        /* Translators: who recorded a review and when, "— Ann, 2026-12-04T18:00:00+01:00" */
        g_string_append_printf (line, _(" — %s, %s"), entry->who, entry->when != NULL ? entry->when : "");
      g_string_append_c (line, '\n');
      if (entry != NULL && entry->note != NULL)
        {
          g_auto(GStrv) note_lines = g_strsplit (entry->note, "\n", -1);

          for (guint l = 0; note_lines[l] != NULL; l++)
            g_string_append_printf (line, "       %s\n", note_lines[l]);
        }
      vt_cli_write (line->str, line->len);
    }

  vt_review_store_count (store, counts);
  reviewed = counts[VT_REVIEW_STATE_APPROVED] + counts[VT_REVIEW_STATE_NEEDS_CHANGES];
  /* Translators: the last line of "vitrine-cli review", "37 of 100 reviewed" */
  g_string_printf (line, ngettext ("%'u of %'u reviewed", "%'u of %'u reviewed", n_total), reviewed, n_total);
  g_string_append (line, " · ");
  /* Translators: follows "37 of 100 reviewed · " */
  g_string_append_printf (line, ngettext ("%'u needs changes", "%'u need changes",
                                          counts[VT_REVIEW_STATE_NEEDS_CHANGES]),
                          counts[VT_REVIEW_STATE_NEEDS_CHANGES]);
  g_string_append_c (line, '\n');
  vt_cli_write (line->str, line->len);
}

static int
record (VtReviewStore *store,
        const char    *set,
        const char    *note)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  VtReviewState state;
  guint number;

  if (!parse_set (set, &number, &state))
    {
      vt_cli_usage_error (_("--set %s: give a piece number and a state, such as "
                            "“56=approved”; the states are not-reviewed, approved and needs-changes"),
                          set);
      return VT_CLI_EXIT_FAILURE;
    }

  if (!vt_review_store_set_state (store, number, state, &error)
      || (note != NULL && !vt_review_store_set_note (store, number, note, &error))
      || !vt_review_store_save (store, &error))
    {
      vt_cli_error ("%s", error->message);
      return VT_CLI_EXIT_FAILURE;
    }

  path = g_file_get_path (vt_review_store_get_file (store));
  /* Translators: what "vitrine-cli review --set" did, "piece 56: Approved (in catalog.review.json)" */
  g_printerr (_("piece %u: %s (in %s)"), number, vt_review_state_get_label (state), path);
  g_printerr ("\n");
  return VT_CLI_EXIT_OK;
}

int
vt_cli_review (int    argc,
               char **argv)
{
  g_auto(GStrv) paths = NULL;
  g_autofree char *state_name = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *set = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &state_name,
      N_("List only the pieces in this state"), N_("not-reviewed|approved|needs-changes") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("Print a table (default), JSON or CSV"), N_("table|json|csv") },
    { "set", 0, 0, G_OPTION_ARG_STRING, &set,
      N_("Record the review of a piece instead of listing"), N_("NUMBER=STATE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note,
      N_("With --set, the note to keep with the review"), N_("TEXT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("CATALOG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(VtReviewStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  VtReviewState state = VT_REVIEW_STATE_NOT_REVIEWED;
  Format format;

  context = vt_cli_option_context_new (NULL,
                                       _("Lists what curators recorded about each piece of a "
                                         "catalog, or records a review: the same review file, "
                                         "written the same way, as the window’s."),
                                       entries);
  if (!vt_cli_parse_options (context, &argc, &argv))
    return VT_CLI_EXIT_FAILURE;

  if (paths == NULL || paths[0] == NULL)
    {
      vt_cli_usage_error (_("no catalog given"));
      return VT_CLI_EXIT_FAILURE;
    }
  if (paths[1] != NULL)
    {
      vt_cli_usage_error (_("one catalog at a time"));
      return VT_CLI_EXIT_FAILURE;
    }
  if (!parse_format (format_name, &format))
    {
      vt_cli_usage_error (_("--format %s: choose table, json or csv"), format_name);
      return VT_CLI_EXIT_FAILURE;
    }
  if (state_name != NULL && !vt_review_state_from_string (state_name, &state))
    {
      vt_cli_usage_error (_("--state %s: choose not-reviewed, approved or needs-changes"), state_name);
      return VT_CLI_EXIT_FAILURE;
    }
  if (note != NULL && set == NULL)
    {
      vt_cli_usage_error (_("--note goes with --set"));
      return VT_CLI_EXIT_FAILURE;
    }

  /* Reviews are of the pieces' text, not their images: none is opened. */
  catalog = vt_cli_load_catalog (paths[0], FALSE, &error);
  if (catalog == NULL)
    {
      vt_cli_file_error (error);
      return VT_CLI_EXIT_FAILURE;
    }

  store = vt_review_store_new (catalog);
  if (!vt_review_store_load (store, NULL, &error))
    {
      vt_cli_file_error (error);
      return VT_CLI_EXIT_FAILURE;
    }

  if (set != NULL)
    return record (store, set, note);

  items = sorted_items (catalog, state_name != NULL, state);
  switch (format)
    {
    case FORMAT_TABLE:
      print_table (store, items, g_list_model_get_n_items (G_LIST_MODEL (catalog)));
      break;
    case FORMAT_JSON:
      print_json (store, items);
      break;
    case FORMAT_CSV:
      print_csv (store, items);
      break;
    default:
      g_assert_not_reached ();
    }
  return VT_CLI_EXIT_OK;
}
