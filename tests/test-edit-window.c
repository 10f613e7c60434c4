/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Editing in the window, driven as a curator would: fields, undo, save, and the questions that keep edits. */

#define G_LOG_DOMAIN "vitrine-test"

#include "config.h"

#include "vt-application.h"
#include "vt-detail-window-private.h"
#include "vt-test-ui.h"
#include "vt-test-util.h"
#include "vt-window-private.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  char           *dir;
  char           *path;
  GFile          *file;
  VtWindow       *window;
  VtDetailWindow *detail;
} Fixture;

/* A copy of the sample in a folder of its own, open in a curating window,
 * the detail window on the first piece (number 1). */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) sample = vt_test_sample_file ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  vt_test_reset_settings ();
  fixture->dir = vt_test_make_tmp_dir ("vitrine-edit-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "catalog.json", NULL);
  g_file_load_contents (sample, NULL, &contents, &length, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);
  fixture->file = g_file_new_for_path (fixture->path);

  fixture->window = g_object_new (VT_TYPE_WINDOW, NULL);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  vt_window_open_file (fixture->window, fixture->file);
  WAIT_UNTIL (!vt_window_get_loading (fixture->window) && vt_window_get_file (fixture->window) != NULL);

  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "curator-mode",
                                      g_variant_new_boolean (TRUE));
  _vt_window_show_detail (fixture->window, 0);
  fixture->detail = VT_DETAIL_WINDOW (fixture->window->detail_window);
  g_assert_nonnull (fixture->detail);
  g_assert_cmpuint (vt_item_get_number (fixture->detail->item), ==, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      /* Whatever the test left unsaved goes without a question. */
      fixture->window->discarding = TRUE;
      gtk_window_destroy (GTK_WINDOW (fixture->window));
    }
  /* A save still running in its worker holds the window until it ends. */
  WAIT_UNTIL (fixture->window == NULL);
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
  vt_test_remove_tree (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GtkWidget *
control (Fixture *fixture,
         VtField  field)
{
  return fixture->detail->edit_controls[field];
}

/* Types @text into the entry of @field, as the curator would, without committing. */
static void
type_text (Fixture    *fixture,
           VtField     field,
           const char *text)
{
  gtk_widget_grab_focus (control (fixture, field));
  gtk_editable_set_text (GTK_EDITABLE (control (fixture, field)), text);
}

/* Types @text into the entry of @field and presses Enter. */
static void
enter_text (Fixture    *fixture,
            VtField     field,
            const char *text)
{
  type_text (fixture, field, text);
  g_signal_emit_by_name (control (fixture, field), "activate");
}

static VtItem *
piece (Fixture *fixture,
       guint    number)
{
  return vt_catalog_lookup (fixture->window->catalog, number);
}

/* The JSON kind of piece @number's @member; G_TYPE_INVALID when there
 * is no such piece. */
static GType
member_type (Fixture    *fixture,
             guint       number,
             const char *member)
{
  VtItem *item = piece (fixture, number);
  g_autoptr(JsonObject) json = NULL;

  if (item == NULL)
    return G_TYPE_INVALID;
  json = vt_item_dup_json (item);
  return json_node_get_value_type (json_object_get_member (json, member));
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

static gboolean
title_marked (Fixture *fixture)
{
  return g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "•");
}

static gboolean
action_enabled (Fixture    *fixture,
                const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), name);
}

static void
activate (Fixture    *fixture,
          const char *name)
{
  g_assert_true (action_enabled (fixture, name));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), name, NULL);
}

static void
wait_for_save (Fixture *fixture)
{
  WAIT_UNTIL (!fixture->window->saving);
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Browsing shows the label; curating, the editor with the piece's values. */
static void
test_editor_shown (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->detail->edit_box)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->detail->label_box)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (fixture, VT_FIELD_TITLE))), ==,
                   "1901 - Federation of Australia");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (fixture, VT_FIELD_IMPACT))), ==, "5");
  g_assert_cmpuint (n_children (GTK_WIDGET (fixture->detail->countries_box)), ==, 2);

  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "curator-mode",
                                      g_variant_new_boolean (FALSE));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->detail->edit_box)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->detail->label_box)));
  g_assert_false (action_enabled (fixture, "new-piece"));
}

/* An edit is applied on Enter, marks the window, reaches the grid;
 * undo and redo walk it back and forth; Ctrl+S saves it. */
static void
test_edit_undo_redo_save (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkSingleSelection *selection = vt_gallery_view_get_selection (fixture->window->gallery);
  g_autoptr(VtItem) shown = NULL;
  g_autoptr(VtCatalog) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *undo_label = NULL;

  g_assert_false (title_marked (fixture));
  g_assert_false (action_enabled (fixture, "undo"));

  enter_text (fixture, VT_FIELD_TITLE, "1901 - Australia Federates");
  g_assert_cmpstr (vt_item_get_title (piece (fixture, 1)), ==, "1901 - Australia Federates");
  g_assert_true (title_marked (fixture));
  g_assert_true (action_enabled (fixture, "undo"));
  g_assert_false (action_enabled (fixture, "redo"));
  /* The menu says what Undo undoes. */
  g_menu_model_get_item_attribute (G_MENU_MODEL (fixture->window->history_menu), 0,
                                   G_MENU_ATTRIBUTE_LABEL, "s", &undo_label);
  g_assert_nonnull (strstr (undo_label, vt_catalog_get_undo_label (fixture->window->catalog)));
  /* The grid shows the new piece; the detail window still shows it. */
  shown = g_list_model_get_item (G_LIST_MODEL (fixture->window->sort_model), 0);
  g_assert_true (shown == piece (fixture, 1));
  g_assert_true (fixture->detail->item == piece (fixture, 1));
  g_assert_nonnull (selection);

  /* From the detail window, where the curator is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "win.undo", NULL));
  g_assert_cmpstr (vt_item_get_title (piece (fixture, 1)), ==, "1901 - Federation of Australia");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (fixture, VT_FIELD_TITLE))), ==,
                   "1901 - Federation of Australia");
  g_assert_false (title_marked (fixture));
  g_assert_true (action_enabled (fixture, "redo"));

  activate (fixture, "redo");
  g_assert_cmpstr (vt_item_get_title (piece (fixture, 1)), ==, "1901 - Australia Federates");
  g_assert_true (title_marked (fixture));

  /* Typed but not committed: saving takes it in first. */
  type_text (fixture, VT_FIELD_REGION, "Australia");
  activate (fixture, "save");
  wait_for_save (fixture);
  g_assert_false (title_marked (fixture));
  g_assert_false (vt_catalog_get_modified (fixture->window->catalog));
  saved = vt_catalog_new_for_file (fixture->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vt_item_get_title (vt_catalog_lookup (saved, 1)), ==, "1901 - Australia Federates");
  g_assert_cmpstr (vt_item_get_region (vt_catalog_lookup (saved, 1)), ==, "Australia");
}

/* Problems show under the field as it is typed; an edit the catalog
 * refuses is not applied, and says why. */
static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkLabel *problem = fixture->detail->edit_problems[VT_FIELD_IMPACT];
  g_autofree char *mismatch = NULL;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));
  type_text (fixture, VT_FIELD_IMPACT, "12");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_nonnull (strstr (gtk_label_get_text (problem), "12"));
  g_assert_true (gtk_widget_has_css_class (control (fixture, VT_FIELD_IMPACT), "error"));
  /* Read with the field by screen readers. */
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (control (fixture, VT_FIELD_IMPACT)),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 gtk_label_get_text (problem));
  g_assert_null (mismatch);
  /* Nothing is applied while typing. */
  g_assert_cmpint (vt_item_get_impact (piece (fixture, 1)), ==, 5);

  type_text (fixture, VT_FIELD_IMPACT, "7");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_false (gtk_widget_has_css_class (control (fixture, VT_FIELD_IMPACT), "error"));

  /* Text where a number belongs: the catalog refuses it. */
  enter_text (fixture, VT_FIELD_IMPACT, "high");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_cmpint (vt_item_get_impact (piece (fixture, 1)), ==, 5);
  g_assert_false (vt_catalog_get_modified (fixture->window->catalog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (fixture, VT_FIELD_IMPACT))), ==, "high");

  /* A number another piece has. */
  type_text (fixture, VT_FIELD_NUMBER, "3");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->detail->edit_problems[VT_FIELD_NUMBER])));
  type_text (fixture, VT_FIELD_NUMBER, "2");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->detail->edit_problems[VT_FIELD_NUMBER])));
  /* The detail window follows the piece to its new number. */
  g_signal_emit_by_name (control (fixture, VT_FIELD_NUMBER), "activate");
  g_assert_null (piece (fixture, 1));
  g_assert_nonnull (piece (fixture, 2));
  g_assert_true (fixture->detail->item == piece (fixture, 2));
}

/* A member the curator only passes through stays as written. */
static void
test_untouched (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (fixture->path, &contents, NULL, &error);
  g_assert_no_error (error);
  parts = g_strsplit (contents, "\"year\": 1901,", 2);
  changed = g_strjoinv ("\"year\": 1901.0,", parts);
  g_file_set_contents (fixture->path, changed, -1, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (member_type (fixture, 1, "year") == G_TYPE_DOUBLE);
  WAIT_UNTIL (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (control (fixture, VT_FIELD_YEAR))), "1901.0") == 0);

  gtk_widget_grab_focus (control (fixture, VT_FIELD_YEAR));
  gtk_widget_grab_focus (control (fixture, VT_FIELD_REGION));
  g_signal_emit_by_name (control (fixture, VT_FIELD_YEAR), "activate");
  g_assert_false (vt_catalog_get_modified (fixture->window->catalog));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->detail->edit_problems[VT_FIELD_YEAR])));
}

static char *
paragraph (VtItem *item,
           guint   index)
{
  return g_strdup (vt_item_get_text (item)[index]);
}

/* The history's paragraphs: moved, removed, added, each one edit. */
static void
test_paragraphs (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->detail);
  g_autofree char *first = paragraph (piece (fixture, 1), 0);
  g_autofree char *second = paragraph (piece (fixture, 1), 1);
  guint n = g_strv_length ((char **) vt_item_get_text (piece (fixture, 1)));
  GtkWidget *row;

  g_assert_cmpuint (n, >=, 2);
  gtk_widget_activate_action (widget, "editor.move-row", "(uui)", VT_FIELD_TEXT, 1, -1);
  g_assert_cmpstr (vt_item_get_text (piece (fixture, 1))[0], ==, second);
  g_assert_cmpstr (vt_item_get_text (piece (fixture, 1))[1], ==, first);

  gtk_widget_activate_action (widget, "editor.remove-row", "(uu)", VT_FIELD_TEXT, 0);
  g_assert_cmpuint (g_strv_length ((char **) vt_item_get_text (piece (fixture, 1))), ==, n - 1);
  g_assert_cmpstr (vt_item_get_text (piece (fixture, 1))[0], ==, first);

  gtk_widget_activate_action (widget, "editor.add-row", "u", VT_FIELD_TEXT);
  row = gtk_widget_get_last_child (GTK_WIDGET (fixture->detail->paragraphs_box));
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (row)));
  /* Empty, it is not a paragraph yet. */
  g_assert_cmpuint (g_strv_length ((char **) vt_item_get_text (piece (fixture, 1))), ==, n - 1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_first_child (row))),
                            "A closing paragraph.", -1);
  vt_detail_window_commit_edit (fixture->detail);
  g_assert_cmpuint (g_strv_length ((char **) vt_item_get_text (piece (fixture, 1))), ==, n);
  g_assert_cmpstr (vt_item_get_text (piece (fixture, 1))[n - 1], ==, "A closing paragraph.");

  /* Three edits, undone one by one. */
  activate (fixture, "undo");
  activate (fixture, "undo");
  activate (fixture, "undo");
  g_assert_cmpstr (vt_item_get_text (piece (fixture, 1))[0], ==, first);
  g_assert_cmpstr (vt_item_get_text (piece (fixture, 1))[1], ==, second);
  g_assert_false (vt_catalog_get_modified (fixture->window->catalog));
}

/* A new piece takes the first free number and opens for editing; a
 * removed piece comes back with undo. */
static void
test_new_remove_piece (Fixture       *fixture,
                       gconstpointer  data)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->window->catalog));

  activate (fixture, "new-piece");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->window->catalog)), ==, n + 1);
  g_assert_nonnull (piece (fixture, 2));
  g_assert_true (fixture->detail->item == piece (fixture, 2));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (fixture, VT_FIELD_NUMBER))), ==, "2");
  activate (fixture, "undo");
  g_assert_null (piece (fixture, 2));

  gtk_single_selection_set_selected (vt_gallery_view_get_selection (fixture->window->gallery), 1);
  g_assert_cmpuint (vt_item_get_number (gtk_single_selection_get_selected_item (vt_gallery_view_get_selection (fixture->window->gallery))),
                    ==, 3);
  activate (fixture, "remove-piece");
  g_assert_null (piece (fixture, 3));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->window->sort_model)), ==, n - 1);
  activate (fixture, "undo");
  g_assert_nonnull (piece (fixture, 3));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->window->sort_model)), ==, n);
}

static void
add_page (Fixture    *fixture,
          const char *name)
{
  g_autoptr(GFile) page = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "pages", name, NULL));

  _vt_window_add_page (fixture->window, page);
}

/* A piece from its published page, through the importer; a page whose
 * number a piece has is refused, and the window says why. */
static void
test_add_page (Fixture       *fixture,
               gconstpointer  data)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->window->catalog));

  /* The menu item asks for the page. */
  activate (fixture, "add-page");
  g_assert_nonnull (fixture->window->page_chooser);
  gtk_native_dialog_hide (fixture->window->page_chooser);

  add_page (fixture, "good-1947-partition-of-india.txt");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->window->catalog)), ==, n + 1);
  g_assert_nonnull (piece (fixture, 47));
  g_assert_true (fixture->detail->item == piece (fixture, 47));
  g_assert_true (vt_catalog_get_modified (fixture->window->catalog));

  add_page (fixture, "good-1917-october-revolution.txt");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->window->catalog)), ==, n + 1);
  g_assert_true (gtk_info_bar_get_revealed (fixture->window->error_bar));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->error_label), "17"));
}

static void
make_edit (Fixture *fixture)
{
  enter_text (fixture, VT_FIELD_TITLE, "Edited");
  g_assert_true (vt_catalog_get_modified (fixture->window->catalog));
}

static void
answer (Fixture *fixture,
        int      response)
{
  g_assert_true (GTK_IS_MESSAGE_DIALOG (fixture->window->edit_dialog));
  gtk_dialog_response (GTK_DIALOG (fixture->window->edit_dialog), response);
}

/* Closing with unsaved edits asks: Cancel keeps the window and the edits. */
static void
test_unsaved_cancel (Fixture       *fixture,
                     gconstpointer  data)
{
  make_edit (fixture);
  gtk_window_close (GTK_WINDOW (fixture->window));
  answer (fixture, GTK_RESPONSE_CANCEL);
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
  g_assert_nonnull (fixture->window);
  g_assert_null (fixture->window->edit_dialog);
  g_assert_true (vt_catalog_get_modified (fixture->window->catalog));
  g_assert_false (file_contains (fixture->path, "\"Edited\""));
}

/* Discard closes without saving. */
static void
test_unsaved_discard (Fixture       *fixture,
                      gconstpointer  data)
{
  make_edit (fixture);
  gtk_window_close (GTK_WINDOW (fixture->window));
  answer (fixture, GTK_RESPONSE_REJECT);
  WAIT_UNTIL (fixture->window == NULL);
  g_assert_false (file_contains (fixture->path, "\"Edited\""));
}

/* Save saves, then closes. */
static void
test_unsaved_save (Fixture       *fixture,
                   gconstpointer  data)
{
  make_edit (fixture);
  gtk_window_close (GTK_WINDOW (fixture->window));
  answer (fixture, GTK_RESPONSE_ACCEPT);
  WAIT_UNTIL (fixture->window == NULL);
  g_assert_true (file_contains (fixture->path, "\"Edited\""));
}

/* Quitting asks too; Save saves, then the window goes. */
static void
test_unsaved_quit (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(VtApplication) app = vt_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  gtk_window_set_application (GTK_WINDOW (fixture->window), GTK_APPLICATION (app));
  make_edit (fixture);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_nonnull (fixture->window);
  answer (fixture, GTK_RESPONSE_ACCEPT);
  WAIT_UNTIL (fixture->window == NULL);
  g_assert_true (file_contains (fixture->path, "\"Edited\""));
}

/* Opening another catalog asks too; Discard opens it. */
static void
test_unsaved_open (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;

  g_file_copy (fixture->file, other, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  make_edit (fixture);
  vt_window_open_file (fixture->window, other);
  g_assert_false (vt_window_get_loading (fixture->window));
  answer (fixture, GTK_RESPONSE_REJECT);
  WAIT_UNTIL (!vt_window_get_loading (fixture->window)
              && g_file_equal (vt_window_get_file (fixture->window), other));
  g_assert_false (vt_catalog_get_modified (fixture->window->catalog));
  g_assert_false (title_marked (fixture));
}

/* Another program writes the catalog while there are unsaved edits. */
static void
change_on_disk (Fixture *fixture)
{
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GError) error = NULL;

  make_edit (fixture);
  g_assert_false (vt_catalog_get_changed_on_disk (fixture->window->catalog));
  g_file_get_contents (fixture->path, &contents, NULL, &error);
  g_assert_no_error (error);
  parts = g_strsplit (contents, "1901 - Federation of Australia", -1);
  changed = g_strjoinv ("Changed Elsewhere", parts);
  g_file_set_contents (fixture->path, changed, -1, &error);
  g_assert_no_error (error);

  /* The reload waits, and the window says so. */
  WAIT_UNTIL (fixture->window->disk_changed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window->disk_bar)));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->disk_title), "catalog.json"));
  g_assert_cmpstr (vt_item_get_title (piece (fixture, 1)), ==, "Edited");

  activate (fixture, "save");
  g_assert_false (fixture->window->saving);
}

static void
test_conflict_reload (Fixture       *fixture,
                      gconstpointer  data)
{
  change_on_disk (fixture);
  answer (fixture, 1 /* RESPONSE_RELOAD */);
  WAIT_UNTIL (!vt_window_get_loading (fixture->window) && !vt_catalog_get_modified (fixture->window->catalog));
  WAIT_UNTIL (piece (fixture, 1) != NULL
              && g_strcmp0 (vt_item_get_title (piece (fixture, 1)), "Changed Elsewhere") == 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window->disk_bar)));
}

static void
test_conflict_overwrite (Fixture       *fixture,
                         gconstpointer  data)
{
  change_on_disk (fixture);
  answer (fixture, 2 /* RESPONSE_OVERWRITE */);
  wait_for_save (fixture);
  g_assert_true (file_contains (fixture->path, "\"Edited\""));
  g_assert_false (file_contains (fixture->path, "Changed Elsewhere"));
  g_assert_false (vt_catalog_get_modified (fixture->window->catalog));
  g_assert_false (fixture->window->disk_changed);
}

static void
test_conflict_save_as (Fixture       *fixture,
                       gconstpointer  data)
{
  change_on_disk (fixture);
  answer (fixture, 3 /* RESPONSE_SAVE_AS */);
  g_assert_nonnull (fixture->window->save_chooser);
  /* Not written meanwhile: both versions are there to choose from. */
  g_assert_true (file_contains (fixture->path, "Changed Elsewhere"));
  g_assert_true (vt_catalog_get_modified (fixture->window->catalog));
}

/* The file replaced by a folder: overwriting it fails, and says so,
 * naming the file and the cause; the edits stay, Save As is offered. */
static void
test_save_error (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *dialog;
  g_autofree char *secondary = NULL;

  make_edit (fixture);
  g_assert_cmpint (g_remove (fixture->path), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->path, 0755), ==, 0);
  WAIT_UNTIL (fixture->window->disk_changed);

  activate (fixture, "save");
  answer (fixture, 2 /* RESPONSE_OVERWRITE */);
  wait_for_save (fixture);
  dialog = fixture->window->edit_dialog;
  g_assert_true (GTK_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (dialog)), "catalog.json"));
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "catalog.json"));
  g_assert_true (vt_catalog_get_modified (fixture->window->catalog));
  g_assert_cmpstr (vt_item_get_title (piece (fixture, 1)), ==, "Edited");

  answer (fixture, GTK_RESPONSE_ACCEPT);
  g_assert_nonnull (fixture->window->save_chooser);
  g_assert_cmpint (g_rmdir (fixture->path), ==, 0);
}

/* Save As: the window shows the new file, and the reviews go with it,
 * into the new file's sidecar; the old one stays as it was. */
static void
test_save_as_takes_reviews (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "elsewhere", NULL);
  g_autofree char *copy_path = g_build_filename (folder, "copy.json", NULL);
  g_autofree char *sidecar = g_build_filename (folder, "copy.review.json", NULL);
  g_autofree char *old_sidecar = g_build_filename (fixture->dir, "catalog.review.json", NULL);
  g_autofree char *old_text = NULL;
  g_autofree char *old_text_after = NULL;
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GError) error = NULL;

  WAIT_UNTIL (vt_review_store_get_file (fixture->window->reviews) != NULL);
  g_assert_true (vt_review_store_set_state (fixture->window->reviews, 1, VT_REVIEW_STATE_APPROVED, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (g_file_test (old_sidecar, G_FILE_TEST_EXISTS) && file_contains (old_sidecar, "approved"));
  g_file_get_contents (old_sidecar, &old_text, NULL, NULL);
  make_edit (fixture);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  /* As the chooser's answer does (its opening is the conflict tests'):
   * a chooser left open would watch the folder the save writes to. */
  g_assert_true (action_enabled (fixture, "save-as"));
  _vt_window_save_as (fixture->window, copy);
  wait_for_save (fixture);

  g_assert_true (g_file_equal (vt_window_get_file (fixture->window), copy));
  g_assert_true (file_contains (copy_path, "\"Edited\""));
  WAIT_UNTIL (g_file_test (sidecar, G_FILE_TEST_EXISTS));
  g_assert_true (file_contains (sidecar, "approved"));
  g_assert_cmpint (vt_item_get_review_state (piece (fixture, 1)), ==, VT_REVIEW_STATE_APPROVED);

  /* A review made now is written beside the new file only. */
  vt_review_store_set_state (fixture->window->reviews, 3, VT_REVIEW_STATE_NEEDS_CHANGES, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (file_contains (sidecar, "needs-changes"));
  g_file_get_contents (old_sidecar, &old_text_after, NULL, NULL);
  g_assert_cmpstr (old_text_after, ==, old_text);
  /* The files stay while the window has them open: the teardown
   * removes them once the window is gone. */
}

/* Save As into another folder asks whether the images go too: Copy
 * Images puts them beside the new file before it is saved, Save Without
 * Images saves the file alone, Cancel saves nothing. Saved, the window
 * shows the images of the new folder, as the file saved would, and
 * stays on the piece it showed. */
static void
test_save_as_copies_images (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *image = g_build_filename (fixture->dir, "images", "001.jpg", NULL);
  g_autofree char *images = g_path_get_dirname (image);
  const struct {
    const char *name;
    int         response;
    gboolean    saved;
    gboolean    copied;
  } answers[] = {
    { "cancelled", GTK_RESPONSE_CANCEL, FALSE, FALSE },
    /* A file where the images' folder goes: nothing is saved, and the
     * message says which. */
    { "blocked", 2 /* RESPONSE_COPY_IMAGES */, FALSE, FALSE },
    { "with", 2 /* RESPONSE_COPY_IMAGES */, TRUE, TRUE },
    { "without", 1 /* RESPONSE_WITHOUT_IMAGES */, TRUE, FALSE },
  };

  GtkSingleSelection *selection = vt_gallery_view_get_selection (fixture->window->gallery);

  g_assert_cmpint (g_mkdir (images, 0755), ==, 0);
  vt_test_write_file (image, "the first piece's image", -1);
  make_edit (fixture);
  gtk_single_selection_set_selected (selection, 5);
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autofree char *folder = g_build_filename (fixture->dir, answers[i].name, NULL);
      g_autofree char *copy_path = g_build_filename (folder, "copy.json", NULL);
      g_autofree char *copied = g_build_filename (folder, "images", "001.jpg", NULL);
      g_autofree char *copied_text = NULL;
      g_autoptr(GFile) copy = g_file_new_for_path (copy_path);

      g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
      if (g_str_equal (answers[i].name, "blocked"))
        {
          g_autofree char *blocker = g_build_filename (folder, "images", NULL);

          vt_test_write_file (blocker, "not a folder", -1);
        }
      _vt_window_save_as (fixture->window, copy);
      /* Nothing is written before the answer. */
      g_assert_false (fixture->window->saving);
      answer (fixture, answers[i].response);
      WAIT_UNTIL (!fixture->window->saving);

      g_assert_cmpint (g_file_test (copy_path, G_FILE_TEST_EXISTS), ==, answers[i].saved);
      g_assert_cmpint (g_file_test (copied, G_FILE_TEST_EXISTS), ==, answers[i].copied);
      if (answers[i].copied)
        {
          g_file_get_contents (copied, &copied_text, NULL, NULL);
          g_assert_cmpstr (copied_text, ==, "the first piece's image");
        }
      if (answers[i].saved)
        {
          g_autofree char *shown_image = NULL;

          g_assert_true (g_file_equal (vt_window_get_file (fixture->window), copy));
          shown_image = g_file_get_path (vt_item_get_image (piece (fixture, 1)));
          g_assert_cmpstr (shown_image, ==, copied);
          g_assert_true (vt_detail_window_get_item (fixture->detail) == piece (fixture, 1));
          WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
          g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 5);
        }
      if (g_str_equal (answers[i].name, "blocked"))
        {
          g_autofree char *secondary = NULL;

          g_assert_true (GTK_IS_MESSAGE_DIALOG (fixture->window->edit_dialog));
          g_object_get (fixture->window->edit_dialog, "secondary-text", &secondary, NULL);
          vt_test_assert_contains (secondary, "images");
          /* The window stays with the file it had. */
          g_assert_true (g_file_equal (vt_window_get_file (fixture->window), fixture->file));
          answer (fixture, GTK_RESPONSE_CANCEL);
        }
      /* Into the catalog's own folder, where its images are: no
       * question, the file is saved. */
      if (g_str_equal (answers[i].name, "with"))
        {
          g_autofree char *same_path = g_build_filename (folder, "again.json", NULL);
          g_autoptr(GFile) same = g_file_new_for_path (same_path);

          _vt_window_save_as (fixture->window, same);
          g_assert_null (fixture->window->edit_dialog);
          WAIT_UNTIL (!fixture->window->saving);
          g_assert_true (g_file_test (same_path, G_FILE_TEST_EXISTS));
          g_assert_null (vt_item_get_problem (piece (fixture, 1)));
        }
    }

  /* Saved without them, the images are not where the file now says. */
  g_assert_nonnull (vt_item_get_problem (piece (fixture, 1)));
  vt_test_assert_contains (vt_item_get_problem (piece (fixture, 1)), "001.jpg");
}

/* Presses Ctrl+Z (Ctrl+Shift+Z with @shift) in @window as its undo keys
 * see it first: TRUE when they take it for the catalog. */
static gboolean
press_history_key (GtkWidget *window,
                   gboolean   shift)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "vt-history-keys") != 0)
        continue;
      g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_CAPTURE);
      g_signal_emit_by_name (controller, "key-pressed", shift ? GDK_KEY_Z : GDK_KEY_z, 0,
                             GDK_CONTROL_MASK | (shift ? GDK_SHIFT_MASK : 0), &handled);
      return handled;
    }
  g_assert_not_reached ();
}

/* Ctrl+Z in a field with typing undoes the typing, back to what the
 * piece holds and no further; in a field that holds what the piece
 * holds, it undoes the catalog's last edit. */
static void
test_undo_keys (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->detail);
  GtkEditable *title = GTK_EDITABLE (control (fixture, VT_FIELD_TITLE));
  GtkWidget *title_text = gtk_widget_get_first_child (GTK_WIDGET (title));
  int position;

  g_assert_true (GTK_IS_TEXT (title_text));

  enter_text (fixture, VT_FIELD_TITLE, "1901 - Australia Federates");
  g_assert_cmpstr (vt_item_get_title (piece (fixture, 1)), ==, "1901 - Australia Federates");

  /* Typed after the text the piece holds, not committed: the field's. */
  gtk_widget_grab_focus (GTK_WIDGET (title));
  position = -1;
  gtk_editable_insert_text (title, "!", -1, &position);
  g_assert_false (press_history_key (window, FALSE));
  g_assert_cmpstr (vt_item_get_title (piece (fixture, 1)), ==, "1901 - Australia Federates");
  /* The field's undo takes back the typing, not the text it was shown
   * (which would leave the field empty). */
  gtk_widget_activate_action (title_text, "text.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "1901 - Australia Federates");

  /* Nothing typed now: the catalog's undo, and the field follows. */
  g_assert_true (press_history_key (window, FALSE));
  g_assert_cmpstr (vt_item_get_title (piece (fixture, 1)), ==, "1901 - Federation of Australia");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "1901 - Federation of Australia");
  gtk_widget_activate_action (title_text, "text.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "1901 - Federation of Australia");

  g_assert_true (press_history_key (window, TRUE));
  g_assert_cmpstr (vt_item_get_title (piece (fixture, 1)), ==, "1901 - Australia Federates");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "1901 - Australia Federates");

  /* The search's typing is its own too; the grid leaves the key to the catalog. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->window->search_entry));
  g_assert_false (press_history_key (GTK_WIDGET (fixture->window), FALSE));
  gtk_widget_grab_focus (GTK_WIDGET (vt_gallery_view_get_grid_view (fixture->window->gallery)));
  g_assert_true (press_history_key (GTK_WIDGET (fixture->window), FALSE));
  g_assert_cmpstr (vt_item_get_title (piece (fixture, 1)), ==, "1901 - Federation of Australia");
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's own accessibility backend for tests, which can be asked what a
   * screen reader would be told. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/edit-window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("editor-shown", test_editor_shown);
  ADD ("edit-undo-redo-save", test_edit_undo_redo_save);
  ADD ("undo-keys", test_undo_keys);
  ADD ("validation", test_validation);
  ADD ("untouched", test_untouched);
  ADD ("paragraphs", test_paragraphs);
  ADD ("new-remove-piece", test_new_remove_piece);
  ADD ("add-page", test_add_page);
  ADD ("unsaved/cancel", test_unsaved_cancel);
  ADD ("unsaved/discard", test_unsaved_discard);
  ADD ("unsaved/save", test_unsaved_save);
  ADD ("unsaved/quit", test_unsaved_quit);
  ADD ("unsaved/open", test_unsaved_open);
  ADD ("conflict/reload", test_conflict_reload);
  ADD ("conflict/overwrite", test_conflict_overwrite);
  ADD ("conflict/save-as", test_conflict_save_as);
  ADD ("save-as/takes-reviews", test_save_as_takes_reviews);
  ADD ("save-as/copies-images", test_save_as_copies_images);
  ADD ("save-error", test_save_error);

  return g_test_run ();
}
