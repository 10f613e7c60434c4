/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for editing a catalog: VtEdit, vt_catalog_apply_edit(), undo and redo, checking a piece. */

#include "config.h"

#include "vt-catalog.h"
#include "vt-edit.h"
#include "vt-test-util.h"

#include <string.h>

static VtCatalog *
load_small (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "small-catalog.json", NULL);
  g_autoptr(GError) error = NULL;
  VtCatalog *catalog = vt_catalog_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  return catalog;
}

/* The catalog's numbers in its order: "14 29 45". */
static char *
numbers (VtCatalog *catalog)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      g_string_append_printf (out, "%s%u", i > 0 ? " " : "", vt_item_get_number (item));
    }
  return g_string_free (out, FALSE);
}

/* The members of @item's JSON in their order: "number title about". */
static char *
members (VtItem *item)
{
  g_autoptr(JsonObject) object = vt_item_dup_json (item);
  g_autoptr(GList) names = json_object_get_members (object);
  GString *out = g_string_new (NULL);

  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", (const char *) l->data);
  return g_string_free (out, FALSE);
}

static JsonNode *
string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

static JsonNode *
int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

/* A JSON array of the strings of @values (NULL-terminated). */
static JsonNode *
list_node (const char * const *values)
{
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  return json_node_init_array (json_node_alloc (), array);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

/* Exactly one items-changed since the last call, the one given. */
static void
assert_changed (GArray *changes,
                guint   position,
                guint   removed,
                guint   added)
{
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, position);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, removed);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, added);
  g_array_set_size (changes, 0);
}

/* Applies a set of @field of piece @number to @value (taken), or fails. */
static void
apply_set (VtCatalog *catalog,
           guint      number,
           VtField    field,
           JsonNode  *value)
{
  g_autoptr(JsonNode) owned = value;
  g_autoptr(VtEdit) edit = vt_edit_new_set (vt_catalog_lookup (catalog, number), field, owned);
  g_autoptr(GError) error = NULL;

  g_assert_true (vt_catalog_apply_edit (catalog, edit, &error));
  g_assert_no_error (error);
}

/* Applies a set that must be refused, and asserts the catalog did not change. */
static void
assert_refused (VtCatalog  *catalog,
                guint       number,
                VtField     field,
                JsonNode   *value,
                const char *expected)
{
  g_autoptr(JsonNode) owned = value;
  VtItem *item = vt_catalog_lookup (catalog, number);
  g_autoptr(VtEdit) edit = vt_edit_new_set (item, field, owned);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = numbers (catalog);
  g_autofree char *after = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  gulong handler;

  handler = g_signal_connect (catalog, "items-changed", G_CALLBACK (on_items_changed_cb), changes);
  g_assert_false (vt_catalog_apply_edit (catalog, edit, &error));
  g_signal_handler_disconnect (catalog, handler);

  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT);
  vt_test_assert_contains (error->message, expected);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (vt_catalog_lookup (catalog, number) == item);
  after = numbers (catalog);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (vt_catalog_get_can_undo (catalog));
  g_assert_false (vt_catalog_get_modified (catalog));
}

static void
test_set_each_kind (void)
{
  g_autoptr(VtCatalog) catalog = load_small ();
  const char * const text[] = { "One.", "Two.", "Three.", NULL };
  const char * const countries[] = { "Hungary", "Austria", NULL };
  VtPrice price;
  VtItem *item;

  apply_set (catalog, 56, VT_FIELD_TITLE, string_node ("1956 - Revolution in Hungary"));
  apply_set (catalog, 56, VT_FIELD_ABOUT, string_node ("Students march in Budapest."));
  apply_set (catalog, 56, VT_FIELD_TEXT, list_node (text));
  apply_set (catalog, 56, VT_FIELD_YEAR, int_node (1966));
  apply_set (catalog, 56, VT_FIELD_REGION, string_node ("Central Europe"));
  apply_set (catalog, 56, VT_FIELD_COUNTRIES, list_node (countries));
  apply_set (catalog, 56, VT_FIELD_IMPACT, int_node (8));
  apply_set (catalog, 56, VT_FIELD_PRICE, string_node ("0.70 ETH"));
  apply_set (catalog, 56, VT_FIELD_IMAGE, string_node ("images/moss.png"));

  item = vt_catalog_lookup (catalog, 56);
  g_assert_cmpstr (vt_item_get_title (item), ==, "1956 - Revolution in Hungary");
  g_assert_cmpstr (vt_item_get_about (item), ==, "Students march in Budapest.");
  g_assert_cmpstrv (vt_item_get_text (item), text);
  g_assert_cmpint (vt_item_get_year (item), ==, 1966);
  g_assert_cmpstr (vt_item_get_region (item), ==, "Central Europe");
  g_assert_cmpstrv (vt_item_get_countries (item), countries);
  g_assert_cmpint (vt_item_get_impact (item), ==, 8);
  g_assert_cmpstr (vt_item_get_price_text (item), ==, "0.70 ETH");
  g_assert_true (vt_item_get_price (item, &price));
  g_assert_cmpstr (vt_item_get_string (item, VT_FIELD_IMAGE), ==, "images/moss.png");
  g_assert_nonnull (vt_item_get_image (item));
  /* The year is now outside the decade: validation follows the edit. */
  g_assert_nonnull (vt_item_get_problem (item));
  vt_test_assert_contains (vt_item_get_problem (item), "1966");

  /* Removed, then set again: back where a catalog writes it. */
  apply_set (catalog, 56, VT_FIELD_YEAR, NULL);
  apply_set (catalog, 56, VT_FIELD_COUNTRIES, NULL);
  apply_set (catalog, 56, VT_FIELD_PRICE, NULL);
  apply_set (catalog, 56, VT_FIELD_IMAGE, NULL);
  item = vt_catalog_lookup (catalog, 56);
  g_assert_cmpint (vt_item_get_year (item), ==, 0);
  g_assert_null (vt_item_get_countries (item)[0]);
  g_assert_null (vt_item_get_price_text (item));
  g_assert_null (vt_item_get_image (item));
  {
    g_autofree char *names = members (item);
    g_assert_cmpstr (names, ==, "number title about text decade region politics conflict type impact artist group");
  }

  apply_set (catalog, 56, VT_FIELD_YEAR, int_node (1956));
  apply_set (catalog, 56, VT_FIELD_IMAGE, string_node ("images/rust.jpg"));
  {
    g_autofree char *names = members (vt_catalog_lookup (catalog, 56));
    g_assert_cmpstr (names, ==, "number title about text year decade region politics conflict type impact artist group image");
  }
  /* Every known field of a piece can go. */
  for (guint f = VT_FIELD_TITLE; f < VT_N_FIELDS; f++)
    apply_set (catalog, 56, f, NULL);
  {
    g_autofree char *names = members (vt_catalog_lookup (catalog, 56));
    g_assert_cmpstr (names, ==, "number");
  }

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_set_keeps_the_rest (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-edit-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "catalog.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtItem) old = NULL;
  g_autoptr(JsonObject) json = NULL;
  g_autofree char *names = NULL;

  vt_test_write_file (path,
                      "{\"format\": \"vitrine-catalog\", \"version\": 1, \"items\": [\n"
                      "  {\"number\": 3, \"note\": {\"by\": \"Ann\", \"tags\": [1, 2.5]}, \"title\": \"Three\", \"x\": 1e3}\n"
                      "]}\n", -1);
  catalog = vt_catalog_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  old = g_object_ref (vt_catalog_lookup (catalog, 3));

  apply_set (catalog, 3, VT_FIELD_TITLE, string_node ("Third"));
  apply_set (catalog, 3, VT_FIELD_YEAR, int_node (1903));

  /* The old item is as it was: items never change. */
  g_assert_cmpstr (vt_item_get_title (old), ==, "Three");
  g_assert_false (vt_catalog_lookup (catalog, 3) == old);

  names = members (vt_catalog_lookup (catalog, 3));
  g_assert_cmpstr (names, ==, "number note title year x");
  json = vt_item_dup_json (vt_catalog_lookup (catalog, 3));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json, "note"), "by"), ==, "Ann");
  g_assert_cmpfloat (json_object_get_double_member (json, "x"), ==, 1000.0);

  /* A copy: changing it changes no item. */
  json_object_set_string_member (json, "title", "Changed");
  g_assert_cmpstr (vt_item_get_title (vt_catalog_lookup (catalog, 3)), ==, "Third");

  g_assert_finalize_object (g_steal_pointer (&catalog));
  vt_test_remove_tree (dir);
}

static void
test_refusals (void)
{
  g_autoptr(VtCatalog) catalog = load_small ();
  g_autoptr(GString) long_title = g_string_new (NULL);
  g_autoptr(GString) long_paragraph = g_string_new (NULL);
  g_autoptr(JsonArray) many = json_array_new ();
  g_autoptr(JsonArray) mixed = json_array_new ();
  JsonNode *node;

  /* Wrong JSON types. */
  assert_refused (catalog, 56, VT_FIELD_YEAR, string_node ("1957"), "must be a whole number");
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_double (node, 7.5);
  assert_refused (catalog, 56, VT_FIELD_IMPACT, node, "must be a whole number");
  assert_refused (catalog, 56, VT_FIELD_TITLE, int_node (12), "must be text");
  assert_refused (catalog, 56, VT_FIELD_PRICE, json_node_new (JSON_NODE_NULL), "must be text");
  assert_refused (catalog, 56, VT_FIELD_COUNTRIES, string_node ("Hungary"), "must be a list of texts");
  json_array_add_string_element (mixed, "Hungary");
  json_array_add_int_element (mixed, 4);
  assert_refused (catalog, 56, VT_FIELD_COUNTRIES, json_node_init_array (json_node_alloc (), mixed),
                  "must be a list of texts");

  /* Numbers: taken, missing, out of range. */
  assert_refused (catalog, 56, VT_FIELD_NUMBER, int_node (14), "14 is already the number of “1914 - Assassination in Sarajevo”");
  assert_refused (catalog, 56, VT_FIELD_NUMBER, NULL, "every piece needs its number");
  assert_refused (catalog, 56, VT_FIELD_NUMBER, int_node (0), "0 is out of range");
  assert_refused (catalog, 56, VT_FIELD_YEAR, int_node (G_GINT64_CONSTANT (1) << 40), "is out of range");

  /* Over the length limits of the field table. */
  for (guint i = 0; i <= vt_field_get_max_chars (VT_FIELD_TITLE); i++)
    g_string_append_c (long_title, 'a');
  assert_refused (catalog, 56, VT_FIELD_TITLE, string_node (long_title->str), "1001 characters, more than the 1000 allowed");
  for (guint i = 0; i <= vt_field_get_max_chars (VT_FIELD_TEXT); i++)
    g_string_append (long_paragraph, "é");
  {
    const char * const text[] = { "Short.", long_paragraph->str, NULL };
    assert_refused (catalog, 56, VT_FIELD_TEXT, list_node (text), "entry 2 has 64001 characters");
  }
  for (guint i = 0; i <= vt_field_get_max_values (VT_FIELD_TEXT); i++)
    json_array_add_string_element (many, "Paragraph.");
  assert_refused (catalog, 56, VT_FIELD_TEXT, json_node_init_array (json_node_alloc (), many),
                  "101 entries, more than the 100 allowed");

  /* Bytes that are not UTF-8 would be written as they are, and the file
   * would not load again. A NUL cannot be in a JsonNode's string at all. */
  assert_refused (catalog, 56, VT_FIELD_ABOUT, string_node ("caf\xe9"), "not valid UTF-8");

  /* The message names the field and the piece. */
  {
    g_autoptr(JsonNode) value = string_node ("x");
    g_autoptr(VtEdit) edit = vt_edit_new_set (vt_catalog_lookup (catalog, 56), VT_FIELD_YEAR, value);
    g_autoptr(GError) error = NULL;

    g_assert_false (vt_catalog_apply_edit (catalog, edit, &error));
    g_assert_cmpstr (error->message, ==, "Year of 56: the value must be a whole number");
  }

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_stale_item_refused (void)
{
  g_autoptr(VtCatalog) catalog = load_small ();
  g_autoptr(VtItem) old = g_object_ref (vt_catalog_lookup (catalog, 29));
  g_autoptr(JsonNode) value = int_node (1930);
  g_autoptr(VtEdit) edit = vt_edit_new_set (old, VT_FIELD_YEAR, value);
  g_autoptr(VtEdit) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vt_catalog_apply_edit (catalog, edit, &error));
  g_assert_no_error (error);

  /* @old is no longer a piece of the catalog: an edit of it would undo
   * the one before without a word. */
  again = vt_edit_new_set (old, VT_FIELD_TITLE, value);
  g_assert_false (vt_catalog_apply_edit (catalog, again, &error));
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT);
  vt_test_assert_contains (error->message, "no longer in the catalog");

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_undo_redo (void)
{
  g_autoptr(VtCatalog) catalog = load_small ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  VtItem *original_14 = vt_catalog_lookup (catalog, 14);
  VtItem *original_56 = vt_catalog_lookup (catalog, 56);
  guint can_undo = 0, can_redo = 0, modified = 0;

  g_signal_connect (catalog, "notify::can-undo", G_CALLBACK (vt_test_count_notify_cb), &can_undo);
  g_signal_connect (catalog, "notify::can-redo", G_CALLBACK (vt_test_count_notify_cb), &can_redo);
  g_signal_connect (catalog, "notify::modified", G_CALLBACK (vt_test_count_notify_cb), &modified);
  g_signal_connect (catalog, "items-changed", G_CALLBACK (on_items_changed_cb), changes);

  g_assert_false (vt_catalog_undo (catalog));
  g_assert_false (vt_catalog_redo (catalog));
  g_assert_null (vt_catalog_get_undo_label (catalog));
  g_assert_null (vt_catalog_get_redo_label (catalog));

  apply_set (catalog, 14, VT_FIELD_TITLE, string_node ("1914 - Sarajevo"));
  assert_changed (changes, 0, 1, 1);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (modified, ==, 1);
  g_assert_true (vt_catalog_get_modified (catalog));

  apply_set (catalog, 56, VT_FIELD_IMPACT, int_node (9));
  assert_changed (changes, 3, 1, 1);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (modified, ==, 1);
  g_assert_cmpstr (vt_catalog_get_undo_label (catalog), ==, "Impact of 56");

  g_assert_true (vt_catalog_undo (catalog));
  assert_changed (changes, 3, 1, 1);
  g_assert_true (vt_catalog_lookup (catalog, 56) == original_56);
  g_assert_cmpstr (vt_catalog_get_undo_label (catalog), ==, "Title of 14");
  g_assert_cmpstr (vt_catalog_get_redo_label (catalog), ==, "Impact of 56");
  g_assert_cmpuint (can_redo, ==, 1);
  g_assert_true (vt_catalog_get_modified (catalog));

  g_assert_true (vt_catalog_undo (catalog));
  assert_changed (changes, 0, 1, 1);
  g_assert_true (vt_catalog_lookup (catalog, 14) == original_14);
  g_assert_false (vt_catalog_get_can_undo (catalog));
  /* Back to the file as loaded. */
  g_assert_false (vt_catalog_get_modified (catalog));
  g_assert_cmpuint (modified, ==, 2);
  g_assert_cmpuint (can_undo, ==, 2);

  g_assert_true (vt_catalog_redo (catalog));
  g_assert_true (vt_catalog_redo (catalog));
  g_assert_false (vt_catalog_redo (catalog));
  g_array_set_size (changes, 0);
  g_assert_cmpstr (vt_item_get_title (vt_catalog_lookup (catalog, 14)), ==, "1914 - Sarajevo");
  g_assert_cmpint (vt_item_get_impact (vt_catalog_lookup (catalog, 56)), ==, 9);
  g_assert_true (vt_catalog_get_modified (catalog));
  g_assert_false (vt_catalog_get_can_redo (catalog));

  /* A new edit after an undo: what was undone cannot be redone. */
  g_assert_true (vt_catalog_undo (catalog));
  g_assert_true (vt_catalog_get_can_redo (catalog));
  apply_set (catalog, 29, VT_FIELD_REGION, string_node ("Americas"));
  g_assert_false (vt_catalog_get_can_redo (catalog));
  g_assert_null (vt_catalog_get_redo_label (catalog));
  g_assert_cmpstr (vt_catalog_get_undo_label (catalog), ==, "Region of 29");

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_modified_after_save (void)
{
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-edit-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "catalog.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = load_small ();
  g_autoptr(VtCatalog) again = NULL;
  g_autoptr(GError) error = NULL;

  apply_set (catalog, 45, VT_FIELD_YEAR, int_node (1946));
  g_assert_true (vt_catalog_get_modified (catalog));
  g_assert_true (vt_catalog_save (catalog, file, &error));
  g_assert_no_error (error);
  g_assert_false (vt_catalog_get_modified (catalog));
  /* Undo is still there after a save, and leaves the saved state. */
  g_assert_true (vt_catalog_get_can_undo (catalog));
  g_assert_true (vt_catalog_undo (catalog));
  g_assert_true (vt_catalog_get_modified (catalog));
  g_assert_true (vt_catalog_redo (catalog));
  g_assert_false (vt_catalog_get_modified (catalog));

  again = vt_catalog_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vt_item_get_year (vt_catalog_lookup (again, 45)), ==, 1946);

  /* A load forgets the edits of what was there before. */
  g_assert_true (vt_catalog_load (catalog, file, NULL, &error));
  g_assert_false (vt_catalog_get_can_undo (catalog));
  g_assert_false (vt_catalog_get_can_redo (catalog));
  g_assert_false (vt_catalog_get_modified (catalog));

  g_assert_finalize_object (g_steal_pointer (&catalog));
  g_assert_finalize_object (g_steal_pointer (&again));
  vt_test_remove_tree (dir);
}

static void
test_unchanged_not_recorded (void)
{
  g_autoptr(VtCatalog) catalog = load_small ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  VtItem *item = vt_catalog_lookup (catalog, 56);
  g_autoptr(JsonNode) year = NULL;

  g_signal_connect (catalog, "items-changed", G_CALLBACK (on_items_changed_cb), changes);

  year = json_node_copy (json_object_get_member (vt_item_get_json (item), "year"));
  apply_set (catalog, 56, VT_FIELD_YEAR, g_steal_pointer (&year));
  apply_set (catalog, 56, VT_FIELD_TITLE, string_node (vt_item_get_title (item)));
  apply_set (catalog, 56, VT_FIELD_NUMBER, int_node (56));
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (vt_catalog_lookup (catalog, 56) == item);
  g_assert_false (vt_catalog_get_can_undo (catalog));
  g_assert_false (vt_catalog_get_modified (catalog));

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_number_reorders (void)
{
  g_autoptr(VtCatalog) catalog = load_small ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autofree char *order = NULL;

  g_signal_connect (catalog, "items-changed", G_CALLBACK (on_items_changed_cb), changes);

  /* 14 29 45 56 69 89 91: 14 becomes 60, after 56. */
  apply_set (catalog, 14, VT_FIELD_NUMBER, int_node (60));
  assert_changed (changes, 0, 4, 4);
  order = numbers (catalog);
  g_assert_cmpstr (order, ==, "29 45 56 60 69 89 91");
  g_clear_pointer (&order, g_free);
  g_assert_null (vt_catalog_lookup (catalog, 14));
  g_assert_cmpstr (vt_item_get_title (vt_catalog_lookup (catalog, 60)), ==, "1914 - Assassination in Sarajevo");
  g_assert_cmpstr (vt_catalog_get_undo_label (catalog), ==, "Number of 14");

  /* Down the list: 91 becomes 1, first. */
  apply_set (catalog, 91, VT_FIELD_NUMBER, int_node (1));
  assert_changed (changes, 0, 7, 7);
  order = numbers (catalog);
  g_assert_cmpstr (order, ==, "1 29 45 56 60 69 89");
  g_clear_pointer (&order, g_free);

  /* A number that keeps the place: one item changed. */
  apply_set (catalog, 45, VT_FIELD_NUMBER, int_node (46));
  assert_changed (changes, 2, 1, 1);

  g_assert_true (vt_catalog_undo (catalog));
  assert_changed (changes, 2, 1, 1);
  g_assert_true (vt_catalog_undo (catalog));
  assert_changed (changes, 0, 7, 7);
  g_assert_true (vt_catalog_undo (catalog));
  assert_changed (changes, 0, 4, 4);
  order = numbers (catalog);
  g_assert_cmpstr (order, ==, "14 29 45 56 69 89 91");
  g_assert_false (vt_catalog_get_modified (catalog));

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_insert_delete (void)
{
  g_autoptr(VtCatalog) catalog = load_small ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(JsonObject) json = json_object_new ();
  g_autoptr(VtItem) piece = NULL;
  g_autoptr(VtItem) taken = NULL;
  g_autoptr(VtEdit) insert = NULL;
  g_autoptr(VtEdit) duplicate = NULL;
  g_autoptr(VtEdit) delete = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;
  VtItem *removed;
  guint n_items = 0;

  g_signal_connect (catalog, "items-changed", G_CALLBACK (on_items_changed_cb), changes);
  g_signal_connect (catalog, "notify::n-items", G_CALLBACK (vt_test_count_notify_cb), &n_items);

  json_object_set_int_member (json, "number", 60);
  json_object_set_string_member (json, "title", "1960 - Year of Africa");
  piece = vt_item_new_from_json (json, NULL, NULL);
  insert = vt_edit_new_insert (piece);
  g_assert_cmpstr (vt_edit_get_label (insert), ==, "New piece 60");
  g_assert_true (vt_catalog_apply_edit (catalog, insert, &error));
  g_assert_no_error (error);
  assert_changed (changes, 4, 0, 1);
  g_assert_cmpuint (n_items, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 8);
  g_assert_cmpstr (vt_item_get_title (vt_catalog_lookup (catalog, 60)), ==, "1960 - Year of Africa");
  /* It takes the catalog's folder for its image. */
  {
    g_autoptr(JsonNode) image = string_node ("images/moss.png");
    g_autoptr(VtEdit) set = vt_edit_new_set (vt_catalog_lookup (catalog, 60), VT_FIELD_IMAGE, image);
    g_autoptr(GFile) expected = g_file_new_build_filename (TEST_DATA_DIR, "images", "moss.png", NULL);

    g_assert_true (vt_catalog_apply_edit (catalog, set, &error));
    g_assert_true (g_file_equal (vt_item_get_image (vt_catalog_lookup (catalog, 60)), expected));
    g_assert_true (vt_catalog_undo (catalog));
    g_array_set_size (changes, 0);
  }

  /* The same number again, or none, is refused. */
  duplicate = vt_edit_new_insert (piece);
  g_assert_false (vt_catalog_apply_edit (catalog, duplicate, &error));
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT);
  vt_test_assert_contains (error->message, "60 is already the number of “1960 - Year of Africa”");
  g_clear_error (&error);
  json_object_remove_member (json, "number");
  taken = vt_item_new_from_json (json, NULL, NULL);
  g_clear_pointer (&duplicate, vt_edit_unref);
  duplicate = vt_edit_new_insert (taken);
  g_assert_cmpstr (vt_edit_get_label (duplicate), ==, "New piece");
  g_assert_false (vt_catalog_apply_edit (catalog, duplicate, &error));
  vt_test_assert_contains (error->message, "every piece needs its number");
  g_clear_error (&error);
  g_assert_cmpuint (changes->len, ==, 0);

  removed = vt_catalog_lookup (catalog, 29);
  delete = vt_edit_new_delete (removed);
  g_assert_cmpstr (vt_edit_get_label (delete), ==, "Removal of piece 29");
  g_assert_true (vt_catalog_apply_edit (catalog, delete, &error));
  assert_changed (changes, 1, 1, 0);
  g_assert_null (vt_catalog_lookup (catalog, 29));
  order = numbers (catalog);
  g_assert_cmpstr (order, ==, "14 45 56 60 69 89 91");
  g_clear_pointer (&order, g_free);

  g_assert_true (vt_catalog_undo (catalog));
  assert_changed (changes, 1, 0, 1);
  g_assert_true (vt_catalog_lookup (catalog, 29) == removed);
  g_assert_true (vt_catalog_undo (catalog));
  assert_changed (changes, 4, 1, 0);
  order = numbers (catalog);
  g_assert_cmpstr (order, ==, "14 29 45 56 69 89 91");
  g_clear_pointer (&order, g_free);
  g_assert_false (vt_catalog_get_modified (catalog));

  g_assert_true (vt_catalog_redo (catalog));
  g_assert_true (vt_catalog_redo (catalog));
  order = numbers (catalog);
  g_assert_cmpstr (order, ==, "14 45 56 60 69 89 91");

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_put_item_forgets (void)
{
  g_autoptr(VtCatalog) catalog = load_small ();
  g_autoptr(JsonObject) json = json_object_new ();
  g_autoptr(VtItem) piece = NULL;

  apply_set (catalog, 89, VT_FIELD_IMPACT, int_node (10));
  g_assert_true (vt_catalog_get_can_undo (catalog));

  /* Put in without an edit, before piece 89: the step's position would
   * be wrong, so there is nothing to undo, and the catalog is modified. */
  json_object_set_int_member (json, "number", 20);
  piece = vt_item_new_from_json (json, NULL, NULL);
  vt_catalog_put_item (catalog, piece);
  g_assert_false (vt_catalog_get_can_undo (catalog));
  g_assert_false (vt_catalog_undo (catalog));
  g_assert_true (vt_catalog_get_modified (catalog));

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *field,
             const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    {
      VtProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (vt_problem_get_field (problem), field) == 0
          && strstr (vt_problem_get_message (problem), text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_check_item (void)
{
  g_autoptr(VtCatalog) catalog = load_small ();
  VtItem *item = vt_catalog_lookup (catalog, 56);
  g_autoptr(GPtrArray) clean = vt_catalog_check_item (catalog, item);
  g_autoptr(JsonNode) impact = int_node (12);
  g_autoptr(JsonNode) taken = int_node (14);
  g_autoptr(JsonNode) wrong = string_node ("seven");
  g_autoptr(JsonNode) dollars = string_node ("5 USD");
  g_autoptr(VtItem) high = vt_item_new_edited (item, VT_FIELD_IMPACT, impact);
  g_autoptr(VtItem) twice = NULL;
  g_autoptr(VtItem) duplicate = vt_item_new_edited (item, VT_FIELD_NUMBER, taken);
  g_autoptr(VtItem) typed = vt_item_new_edited (item, VT_FIELD_IMPACT, wrong);
  g_autoptr(VtItem) priced = vt_item_new_edited (item, VT_FIELD_PRICE, dollars);
  g_autoptr(VtItem) untitled = vt_item_new_edited (item, VT_FIELD_TITLE, NULL);
  g_autoptr(GPtrArray) problems = NULL;

  /* A piece of the catalog, and a copy with its own number, are not
   * duplicates of themselves. */
  g_assert_cmpuint (clean->len, ==, 0);
  problems = vt_catalog_check_item (catalog, high);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, "impact", "12 is outside 1-10"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  /* A copy of a copy stands in for the same piece. */
  twice = vt_item_new_edited (high, VT_FIELD_YEAR, impact);
  problems = vt_catalog_check_item (catalog, twice);
  g_assert_false (has_problem (problems, "number", "also the number"));
  g_assert_true (has_problem (problems, "year", "outside the decade"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = vt_catalog_check_item (catalog, duplicate);
  g_assert_true (has_problem (problems, "number", "14 is also the number of “1914 - Assassination in Sarajevo”"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = vt_catalog_check_item (catalog, typed);
  g_assert_true (has_problem (problems, "impact", "not a number"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = vt_catalog_check_item (catalog, priced);
  g_assert_true (has_problem (problems, "price", "the collection’s currency is ETH"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = vt_catalog_check_item (catalog, untitled);
  g_assert_true (has_problem (problems, "title", "missing"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Checking changes nothing in the catalog. */
  g_assert_true (vt_catalog_lookup (catalog, 56) == item);
  g_assert_null (vt_item_get_problem (item));
  g_assert_null (vt_item_get_problem (vt_catalog_lookup (catalog, 14)));
  g_assert_cmpuint (g_list_model_get_n_items (vt_catalog_get_problems (catalog)), ==, 0);
  g_assert_false (vt_catalog_get_can_undo (catalog));

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_problems_follow (void)
{
  g_autoptr(VtCatalog) catalog = load_small ();
  GListModel *problems = vt_catalog_get_problems (catalog);

  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  apply_set (catalog, 69, VT_FIELD_IMPACT, int_node (11));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  vt_test_assert_contains (vt_item_get_problem (vt_catalog_lookup (catalog, 69)), "11 is outside 1-10");
  g_assert_true (vt_catalog_undo (catalog));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  g_assert_null (vt_item_get_problem (vt_catalog_lookup (catalog, 69)));

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/set/each-kind", test_set_each_kind);
  g_test_add_func ("/edit/set/keeps-the-rest", test_set_keeps_the_rest);
  g_test_add_func ("/edit/set/refusals", test_refusals);
  g_test_add_func ("/edit/set/stale-item-refused", test_stale_item_refused);
  g_test_add_func ("/edit/undo-redo/across-pieces", test_undo_redo);
  g_test_add_func ("/edit/undo-redo/modified-after-save", test_modified_after_save);
  g_test_add_func ("/edit/set/unchanged-not-recorded", test_unchanged_not_recorded);
  g_test_add_func ("/edit/number/reorders", test_number_reorders);
  g_test_add_func ("/edit/insert-delete", test_insert_delete);
  g_test_add_func ("/edit/put-item-forgets", test_put_item_forgets);
  g_test_add_func ("/edit/check-item", test_check_item);
  g_test_add_func ("/edit/problems-follow", test_problems_follow);

  return g_test_run ();
}
