/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving after an edit changes only the edited member's text: a line diff against the original. */

#include "config.h"

#include "vt-catalog.h"
#include "vt-catalog-private.h"
#include "vt-edit.h"
#include "vt-item-private.h"
#include "vt-test-util.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>

/*
 * A catalog formatted as Vitrine writes it, with members Vitrine does
 * not know beside the ones it does and numbers written in ways a
 * rewrite would change (1e3, 0.70, -0, 1E+2). Each case edits one member
 * of one piece the way the editor does (a copy of the piece's JSON, one
 * member set or removed, a new item put in the old one's place), saves
 * over the file and compares the lines: everything before and after the
 * edited member must be byte for byte as it was.
 */

static const char fixture[] =
  "{\n"
  "  \"format\": \"vitrine-catalog\",\n"
  "  \"version\": 1,\n"
  "  \"collection\": {\n"
  "    \"name\": \"Diff\",\n"
  "    \"total\": 10,\n"
  "    \"currency\": \"ETH\",\n"
  "    \"rate\": 1E+2\n"
  "  },\n"
  "  \"items\": [\n"
  "    {\n"
  "      \"number\": 1,\n"
  "      \"weight\": 1e3,\n"
  "      \"title\": \"1901 - First\",\n"
  "      \"about\": \"About the first.\",\n"
  "      \"text\": [\n"
  "        \"Paragraph one.\",\n"
  "        \"Paragraph two.\",\n"
  "        \"Paragraph three.\"\n"
  "      ],\n"
  "      \"year\": 1901,\n"
  "      \"decade\": \"1900s\",\n"
  "      \"ratio\": 0.70,\n"
  "      \"region\": \"Europe\",\n"
  "      \"countries\": [\n"
  "        \"France\",\n"
  "        \"Spain\"\n"
  "      ],\n"
  "      \"politics\": \"Revolution\",\n"
  "      \"offset\": -0,\n"
  "      \"impact\": 5,\n"
  "      \"artist\": \"Someone\",\n"
  "      \"note\": {\"by\": \"curator\", \"scale\": 1E+2},\n"
  "      \"price\": \"0.70 ETH\",\n"
  "      \"image\": \"images/001.jpg\",\n"
  "      \"zeta\": 1e3\n"
  "    },\n"
  "    {\n"
  "      \"number\": 2,\n"
  "      \"title\": \"1902 - Second\",\n"
  "      \"extra\": [1e3, 0.70, -0, 1E+2],\n"
  "      \"region\": \"Asia\",\n"
  "      \"impact\": 3,\n"
  "      \"zeta\": 2.50\n"
  "    }\n"
  "  ]\n"
  "}\n";

typedef struct
{
  const char *name;
  guint       number;
  const char *member;
  const char *value;      /* JSON; NULL removes the member */
  const char *before;     /* where a member the piece lacks goes; NULL: last */
  const char *removed;    /* the original's lines that change, joined */
  const char *added;      /* what replaces them */
} DiffCase;

static const DiffCase cases[] = {
  /* text */
  { "text/change", 1, "title", "\"1901 - Changed\"", NULL,
    "      \"title\": \"1901 - First\",",
    "      \"title\": \"1901 - Changed\"," },
  { "text/remove", 1, "about", NULL, NULL,
    "      \"about\": \"About the first.\",",
    "" },
  { "text/set", 2, "about", "\"Now it has one.\"", "extra",
    "",
    "      \"about\": \"Now it has one.\"," },
  /* paragraphs */
  { "paragraphs/change", 1, "text", "[\"Paragraph one.\", \"Paragraph 2.\", \"Paragraph three.\"]", NULL,
    "        \"Paragraph two.\",",
    "        \"Paragraph 2.\"," },
  { "paragraphs/insert", 1, "text", "[\"Paragraph one.\", \"New.\", \"Paragraph two.\", \"Paragraph three.\"]", NULL,
    "",
    "        \"New.\"," },
  { "paragraphs/delete", 1, "text", "[\"Paragraph one.\", \"Paragraph three.\"]", NULL,
    "        \"Paragraph two.\",",
    "" },
  { "paragraphs/remove", 1, "text", NULL, NULL,
    "      \"text\": [\n"
    "        \"Paragraph one.\",\n"
    "        \"Paragraph two.\",\n"
    "        \"Paragraph three.\"\n"
    "      ],",
    "" },
  { "paragraphs/set", 2, "text", "[\"A.\", \"B.\"]", "extra",
    "",
    "      \"text\": [\n"
    "        \"A.\",\n"
    "        \"B.\"\n"
    "      ]," },
  /* integer */
  { "integer/change", 1, "impact", "6", NULL,
    "      \"impact\": 5,",
    "      \"impact\": 6," },
  { "integer/remove", 1, "year", NULL, NULL,
    "      \"year\": 1901,",
    "" },
  { "integer/set", 2, "year", "1902", "extra",
    "",
    "      \"year\": 1902," },
  /* facet */
  { "facet/change", 1, "region", "\"Africa\"", NULL,
    "      \"region\": \"Europe\",",
    "      \"region\": \"Africa\"," },
  { "facet/remove", 1, "politics", NULL, NULL,
    "      \"politics\": \"Revolution\",",
    "" },
  { "facet/set", 2, "decade", "\"1900s\"", "region",
    "",
    "      \"decade\": \"1900s\"," },
  /* facet list */
  { "facet-list/change", 1, "countries", "[\"France\", \"Italy\"]", NULL,
    "        \"Spain\"",
    "        \"Italy\"" },
  { "facet-list/remove", 1, "countries", NULL, NULL,
    "      \"countries\": [\n"
    "        \"France\",\n"
    "        \"Spain\"\n"
    "      ],",
    "" },
  { "facet-list/set", 2, "countries", "[\"Japan\"]", "impact",
    "",
    "      \"countries\": [\n"
    "        \"Japan\"\n"
    "      ]," },
  /* price */
  { "price/change", 1, "price", "\"0.75 ETH\"", NULL,
    "      \"price\": \"0.70 ETH\",",
    "      \"price\": \"0.75 ETH\"," },
  { "price/remove", 1, "price", NULL, NULL,
    "      \"price\": \"0.70 ETH\",",
    "" },
  { "price/set", 2, "price", "\"1.5 ETH\"", "zeta",
    "",
    "      \"price\": \"1.5 ETH\"," },
  /* image */
  { "image/change", 1, "image", "\"images/new.jpg\"", NULL,
    "      \"image\": \"images/001.jpg\",",
    "      \"image\": \"images/new.jpg\"," },
  { "image/remove", 1, "image", NULL, NULL,
    "      \"image\": \"images/001.jpg\",",
    "" },
  { "image/set", 2, "image", "\"images/002.jpg\"", "zeta",
    "",
    "      \"image\": \"images/002.jpg\"," },
};

static JsonNode *
parse_value (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

/* A copy of @object with @member set to @value (NULL removes it); a
 * member it lacks goes before @before, or last. */
static JsonObject *
with_member (JsonObject *object,
             const char *member,
             JsonNode   *value,
             const char *before)
{
  JsonObject *copy = json_object_new ();
  gboolean placed = value == NULL || json_object_has_member (object, member);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (!placed && g_strcmp0 (name, before) == 0)
        {
          json_object_set_member (copy, member, json_node_copy (value));
          placed = TRUE;
        }
      if (strcmp (name, member) != 0)
        json_object_set_member (copy, name, json_node_copy (node));
      else if (value != NULL)
        json_object_set_member (copy, name, json_node_copy (value));
    }
  if (!placed)
    json_object_set_member (copy, member, json_node_copy (value));
  return copy;
}

/* Puts a copy of piece @number, @member changed, in its place. */
static void
edit (VtCatalog  *catalog,
      guint       number,
      const char *member,
      const char *value,
      const char *before)
{
  VtItem *item = vt_catalog_lookup (catalog, number);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) changed = NULL;
  g_autoptr(JsonNode) node = value != NULL ? parse_value (value) : NULL;
  g_autoptr(VtItem) edited = NULL;

  g_assert_nonnull (item);
  object = vt_item_dup_json (item);
  changed = with_member (object, member, node, before);
  edited = vt_item_new_from_json (changed, vt_catalog_get_base_dir (catalog), NULL);
  vt_catalog_put_item (catalog, edited);
}

static char *
load_edit_save (const char *dir,
                const char *text,
                guint       number,
                const char *member,
                const char *value,
                const char *before)
{
  g_autofree char *path = g_build_filename (dir, "catalog.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  char *saved = NULL;

  vt_test_write_file (path, text, -1);
  catalog = vt_catalog_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  if (member != NULL)
    edit (catalog, number, member, value, before);
  g_assert_true (vt_catalog_save (catalog, file, &error));
  g_assert_no_error (error);

  g_file_get_contents (path, &saved, NULL, &error);
  g_assert_no_error (error);
  return saved;
}

/* The lines of @before and @after between their common first and last
 * lines, joined. */
static void
diff_lines (const char  *before,
            const char  *after,
            char       **removed,
            char       **added)
{
  g_auto(GStrv) old_lines = g_strsplit (before, "\n", -1);
  g_auto(GStrv) new_lines = g_strsplit (after, "\n", -1);
  guint n_old = g_strv_length (old_lines);
  guint n_new = g_strv_length (new_lines);
  guint head = 0, tail = 0;
  GString *out;

  while (head < MIN (n_old, n_new) && strcmp (old_lines[head], new_lines[head]) == 0)
    head++;
  while (tail < MIN (n_old, n_new) - head
         && strcmp (old_lines[n_old - 1 - tail], new_lines[n_new - 1 - tail]) == 0)
    tail++;

  out = g_string_new (NULL);
  for (guint i = head; i < n_old - tail; i++)
    g_string_append_printf (out, "%s%s", i > head ? "\n" : "", old_lines[i]);
  *removed = g_string_free (out, FALSE);
  out = g_string_new (NULL);
  for (guint i = head; i < n_new - tail; i++)
    g_string_append_printf (out, "%s%s", i > head ? "\n" : "", new_lines[i]);
  *added = g_string_free (out, FALSE);
}

static void
test_one_edit (gconstpointer data)
{
  const DiffCase *c = data;
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-diff-XXXXXX");
  g_autofree char *saved = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *added = NULL;

  saved = load_edit_save (dir, fixture, c->number, c->member, c->value, c->before);
  diff_lines (fixture, saved, &removed, &added);
  g_assert_cmpstr (removed, ==, c->removed);
  g_assert_cmpstr (added, ==, c->added);

  vt_test_remove_tree (dir);
}

static void
test_unchanged (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-diff-XXXXXX");
  g_autofree char *saved = load_edit_save (dir, fixture, 0, NULL, NULL, NULL);

  g_assert_cmpstr (saved, ==, fixture);
  vt_test_remove_tree (dir);
}

/* The bundled sample, saved with no edit, is byte for byte the file. */
static void
test_sample_unchanged (void)
{
  g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "data", "sample",
                                            "genesis", "catalog.json", NULL);
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-diff-XXXXXX");
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &original, NULL, &error);
  g_assert_no_error (error);
  saved = load_edit_save (dir, original, 0, NULL, NULL, NULL);
  g_assert_true (strlen (saved) == strlen (original));
  g_assert_true (strcmp (saved, original) == 0);

  vt_test_remove_tree (dir);
}

/* @text with every @from replaced by @to. */
static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) pieces = g_strsplit (text, from, -1);

  return g_strjoinv (to, pieces);
}

/* Files not formatted as Vitrine writes keep their formatting: only the
 * changed member's text differs, and an added member is formatted like
 * its neighbours. */
static void
test_foreign_formatting (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-diff-XXXXXX");
  static const char one_line[] =
    "{\"format\":\"vitrine-catalog\",\"version\":1,\"items\":[{\"number\":1,\"title\":\"A\","
    "\"impact\":5,\"zeta\":1e3},{\"number\":2,\"title\":\"B\", \"x\" : -0}]}";
  g_autofree char *tabs = replace_all (fixture, "  ", "\t");
  g_autofree char *crlf = replace_all (fixture, "\n", "\r\n");
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;

  saved = load_edit_save (dir, one_line, 1, "title", "\"Z\"", NULL);
  expected = replace_all (one_line, "\"A\"", "\"Z\"");
  g_assert_cmpstr (saved, ==, expected);
  g_clear_pointer (&saved, g_free);
  g_clear_pointer (&expected, g_free);

  /* On one line, an added member follows the separators of its object. */
  saved = load_edit_save (dir, one_line, 2, "artist", "\"C\"", "x");
  expected = replace_all (one_line, "\"B\", \"x\"", "\"B\",\"artist\":\"C\", \"x\"");
  g_assert_cmpstr (saved, ==, expected);
  g_clear_pointer (&saved, g_free);
  g_clear_pointer (&expected, g_free);

  saved = load_edit_save (dir, tabs, 1, "impact", "7", NULL);
  expected = replace_all (tabs, "\"impact\": 5", "\"impact\": 7");
  g_assert_cmpstr (saved, ==, expected);
  g_clear_pointer (&saved, g_free);
  g_clear_pointer (&expected, g_free);

  saved = load_edit_save (dir, tabs, 2, "countries", "[\"Japan\"]", "impact");
  expected = replace_all (tabs, "\t\t\t\"impact\": 3",
                          "\t\t\t\"countries\": [\n\t\t\t\t\"Japan\"\n\t\t\t],\n\t\t\t\"impact\": 3");
  g_assert_cmpstr (saved, ==, expected);
  g_clear_pointer (&saved, g_free);
  g_clear_pointer (&expected, g_free);

  saved = load_edit_save (dir, crlf, 2, "text", "[\"A.\"]", "zeta");
  expected = replace_all (crlf, "      \"zeta\": 2.50",
                          "      \"text\": [\r\n        \"A.\"\r\n      ],\r\n      \"zeta\": 2.50");
  g_assert_cmpstr (saved, ==, expected);

  vt_test_remove_tree (dir);
}

/* Deleting the last member of an object takes the comma before it:
 * the previous line changes, and nothing else. */
static void
test_remove_last (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-diff-XXXXXX");
  g_autofree char *saved = load_edit_save (dir, fixture, 2, "zeta", NULL, NULL);
  g_autofree char *removed = NULL;
  g_autofree char *added = NULL;

  diff_lines (fixture, saved, &removed, &added);
  g_assert_cmpstr (removed, ==, "      \"impact\": 3,\n      \"zeta\": 2.50");
  g_assert_cmpstr (added, ==, "      \"impact\": 3");
  vt_test_remove_tree (dir);
}

/* A new piece goes after the last one, formatted like its neighbours:
 * the last piece only gains its comma. */
static void
test_new_piece (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-diff-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "catalog.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(VtItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;

  vt_test_write_file (path, fixture, -1);
  catalog = vt_catalog_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  json_object_set_int_member (object, "number", 3);
  json_object_set_string_member (object, "title", "1903 - Third");
  item = vt_item_new_from_json (object, vt_catalog_get_base_dir (catalog), NULL);
  vt_catalog_put_item (catalog, item);
  g_assert_true (vt_catalog_save (catalog, file, &error));
  g_assert_no_error (error);

  g_file_get_contents (path, &saved, NULL, &error);
  g_assert_no_error (error);
  expected = replace_all (fixture, "    }\n  ]",
                          "    },\n"
                          "    {\n"
                          "      \"number\": 3,\n"
                          "      \"title\": \"1903 - Third\"\n"
                          "    }\n  ]");
  g_assert_cmpstr (saved, ==, expected);
  vt_test_remove_tree (dir);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
apply_set (VtCatalog  *catalog,
           guint       number,
           VtField     field,
           JsonNode   *value)
{
  g_autoptr(VtEdit) change = vt_edit_new_set (vt_catalog_lookup (catalog, number), field, value);
  g_autoptr(GError) error = NULL;

  g_assert_true (vt_catalog_apply_edit (catalog, change, &error));
  g_assert_no_error (error);
}

/* Every piece knows where its text lies in @text (the file as the last
 * load or save left it), and that text reads as the piece. */
static void
assert_sources (VtCatalog  *catalog,
                const char *text)
{
  guint source = vt_catalog_get_save_state (catalog)->source;

  g_assert_cmpuint (source, !=, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      g_autoptr(JsonObject) object = vt_item_dup_json (item);
      g_autoptr(JsonNode) expected = json_node_init_object (json_node_alloc (), object);
      g_autoptr(JsonNode) found = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *span = NULL;
      gsize offset, length;

      g_assert_true (vt_item_get_source (item, source, &offset, &length));
      g_assert_cmpuint (offset + length, <=, strlen (text));
      span = g_strndup (text + offset, length);
      found = json_from_string (span, &error);
      g_assert_no_error (error);
      g_assert_true (json_node_equal (found, expected));
    }
}

/* Saves in a row copy the unchanged pieces from the file as the last
 * save wrote it, and never from an older text: an edit undone after a
 * save brings back an item whose place was in the file as loaded, and
 * the same place in the saved file holds the edited text (of the same
 * length here), which must not be taken for it. The same after a save
 * into another folder. */
static void
test_saves_in_a_row (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-diff-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "catalog.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(JsonNode) title = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) impact = json_node_new (JSON_NODE_VALUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *expected = NULL;

  vt_test_write_file (path, fixture, -1);
  catalog = vt_catalog_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  assert_sources (catalog, fixture);

  json_node_set_string (title, "1901 - Frst!");
  apply_set (catalog, 1, VT_FIELD_TITLE, title);
  g_assert_true (vt_catalog_save (catalog, file, &error));
  g_assert_no_error (error);
  first = read_text (path);
  expected = replace_all (fixture, "1901 - First", "1901 - Frst!");
  g_assert_cmpstr (first, ==, expected);
  assert_sources (catalog, first);

  g_assert_true (vt_catalog_undo (catalog));
  g_assert_true (vt_catalog_save_full (catalog, file, VT_SAVE_NONE, &error));
  g_assert_no_error (error);
  second = read_text (path);
  g_assert_cmpstr (second, ==, fixture);
  assert_sources (catalog, second);

  json_node_set_int (impact, 4);
  apply_set (catalog, 2, VT_FIELD_IMPACT, impact);
  g_assert_true (vt_catalog_save (catalog, file, &error));
  g_assert_no_error (error);
  third = read_text (path);
  g_clear_pointer (&expected, g_free);
  expected = replace_all (fixture, "\"impact\": 3,", "\"impact\": 4,");
  g_assert_cmpstr (third, ==, expected);
  assert_sources (catalog, third);

  /* Saved into another folder, the pieces are new ones (their images
   * are found there) that know their place in the file saved, and the
   * edit before it can still be undone. */
  {
    g_autofree char *other_dir = g_build_filename (dir, "other", NULL);
    g_autofree char *other_path = g_build_filename (other_dir, "catalog.json", NULL);
    g_autoptr(GFile) other = g_file_new_for_path (other_path);
    g_autofree char *fourth = NULL;
    g_autofree char *fifth = NULL;

    g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
    g_assert_true (vt_catalog_save (catalog, other, &error));
    g_assert_no_error (error);
    fourth = read_text (other_path);
    g_assert_cmpstr (fourth, ==, expected);
    assert_sources (catalog, fourth);

    g_assert_true (vt_catalog_undo (catalog));
    g_assert_true (vt_catalog_save (catalog, other, &error));
    g_assert_no_error (error);
    fifth = read_text (other_path);
    g_assert_cmpstr (fifth, ==, fixture);
    assert_sources (catalog, fifth);
  }
  vt_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/minimal-diff/edit/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_one_edit);
    }
  g_test_add_func ("/minimal-diff/unchanged", test_unchanged);
  g_test_add_func ("/minimal-diff/sample-unchanged", test_sample_unchanged);
  g_test_add_func ("/minimal-diff/foreign-formatting", test_foreign_formatting);
  g_test_add_func ("/minimal-diff/remove-last", test_remove_last);
  g_test_add_func ("/minimal-diff/new-piece", test_new_piece);
  g_test_add_func ("/minimal-diff/saves-in-a-row", test_saves_in_a_row);

  return g_test_run ();
}
