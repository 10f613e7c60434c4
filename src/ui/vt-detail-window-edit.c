/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The detail window's editor: while curating, each field of the piece as a control, each change one undoable edit. */

#define G_LOG_DOMAIN "vitrine-detail"

#include "config.h"

#include "vt-detail-window-private.h"

#include "vt-accessible.h"
#include "vt-edit.h"
#include "vt-tooltip.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * Curating, the label gives its place to an editor of the same fields.
 * A control commits what it holds when it is activated (Enter) or loses
 * the focus, a list when one of its rows is added, removed or moved:
 * each commit is one VtEdit applied to the catalog, which records it for
 * undo and announces the piece changed, so the grid, the facets and this
 * window follow. While the curator types, the piece as it would be is
 * checked (vt_catalog_check_item ()): the field's problems show under it
 * and are the control's accessible description. An edit the catalog
 * refuses is not applied; its reason shows in the same place and the
 * text stays, for the curator to correct.
 *
 * The lists (paragraphs, countries) are built of the same controls and
 * commit through the same code as the single fields: one file, a little
 * over a thousand lines, rather than a private interface between two.
 */

/* In the label's order: its texts and the image, then its attribute
 * table (vt-detail-window-label.c). */
static const VtField text_fields[] = {
  VT_FIELD_TITLE,
  VT_FIELD_ABOUT,
  VT_FIELD_TEXT,
  VT_FIELD_IMAGE,
};

#define N_EDIT_FIELDS (G_N_ELEMENTS (text_fields) + _vt_detail_window_n_attributes)

static VtField
edit_field (guint index)
{
  if (index < G_N_ELEMENTS (text_fields))
    return text_fields[index];
  return _vt_detail_window_attributes[index - G_N_ELEMENTS (text_fields)];
}

static GQuark field_quark;

static gboolean
is_list (VtField field)
{
  return field == VT_FIELD_TEXT || field == VT_FIELD_COUNTRIES;
}

static GtkBox *
list_box (VtDetailWindow *self,
          VtField         field)
{
  return field == VT_FIELD_TEXT ? self->paragraphs_box : self->countries_box;
}

/* The field a control edits: set on each control and list row. */
static void
set_field (GtkWidget *widget,
           VtField    field)
{
  g_object_set_qdata (G_OBJECT (widget), field_quark, GUINT_TO_POINTER (field + 1));
}

static gboolean
get_field (GtkWidget *widget,
           VtField   *field)
{
  guint stored = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (widget), field_quark));

  if (stored == 0)
    return FALSE;
  *field = stored - 1;
  return TRUE;
}

/* Reading and writing values */

static JsonNode *
dup_member (VtItem  *item,
            VtField  field)
{
  g_autoptr(JsonObject) object = vt_item_dup_json (item);
  JsonNode *node = json_object_get_member (object, vt_field_get_member (field));

  return node != NULL ? json_node_copy (node) : NULL;
}

static gboolean
is_string_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A string as it is; anything else (a number, a value of the wrong
 * type) as its JSON, so the curator sees what the catalog holds. */
static char *
node_to_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (is_string_node (node))
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

static char *
control_dup_text (GtkWidget *control)
{
  if (GTK_IS_TEXT_VIEW (control))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (control));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (control)));
}

/* Shows the piece's @text. What the control's own undo can take back
 * starts here: the typing since, not the text shown before (Ctrl+Z in a
 * field that holds what the piece holds is the catalog's undo). */
static void
control_set_text (GtkWidget  *control,
                  const char *text)
{
  g_autofree char *current = control_dup_text (control);
  /* Not the text the curator is in: the cursor stays where it was. */
  gboolean same = g_strcmp0 (current, text) == 0;

  if (GTK_IS_TEXT_VIEW (control))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (control));

      gtk_text_buffer_begin_irreversible_action (buffer);
      if (!same)
        gtk_text_buffer_set_text (buffer, text, -1);
      gtk_text_buffer_end_irreversible_action (buffer);
    }
  else
    {
      /* An entry has no irreversible action; turning its undo off and
       * on again forgets what it had. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (control), FALSE);
      if (!same)
        gtk_editable_set_text (GTK_EDITABLE (control), text);
      gtk_editable_set_enable_undo (GTK_EDITABLE (control), TRUE);
    }
}

/* Empty removes the member. A number that does not read as one stays
 * text, for validation to say what is wrong with it. */
static JsonNode *
value_from_text (VtField     field,
                 const char *text)
{
  JsonNode *node;

  if (*text == '\0')
    return NULL;

  node = json_node_new (JSON_NODE_VALUE);
  if (vt_field_get_info (field)->kind == VT_FIELD_KIND_INTEGER)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      gint64 number;

      if (g_ascii_string_to_signed (stripped, 10, G_MININT64, G_MAXINT64, &number, NULL))
        {
          json_node_set_int (node, number);
          return node;
        }
    }
  json_node_set_string (node, text);
  return node;
}

/* A list's rows, emptied rows left out: an emptied paragraph or country
 * is removed. No rows is no member when there was none. */
static JsonNode *
list_value (VtDetailWindow *self,
            VtField         field)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) current = NULL;
  JsonNode *node;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list_box (self, field)));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *text = control_dup_text (gtk_widget_get_first_child (row));

      if (*text != '\0')
        json_array_add_string_element (array, text);
    }

  current = dup_member (self->item, field);
  if (json_array_get_length (array) == 0 && current == NULL)
    return NULL;

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, array);
  return node;
}

static JsonNode *
field_value (VtDetailWindow *self,
             VtField         field)
{
  g_autofree char *text = NULL;

  if (is_list (field))
    return list_value (self, field);

  text = control_dup_text (self->edit_controls[field]);
  return value_from_text (field, text);
}

/* Problems */

static void
set_problem_text (VtDetailWindow *self,
                  VtField         field,
                  const char     *text)
{
  gboolean shown = text != NULL && *text != '\0';
  GtkWidget *control = self->edit_controls[field];

  gtk_label_set_text (self->edit_problems[field], shown ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->edit_problems[field]), shown);

  if (is_list (field))
    control = GTK_WIDGET (list_box (self, field));
  if (shown)
    {
      gtk_widget_add_css_class (control, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (control),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (control),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (control, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* @problems: (element-type VtProblem) of the piece: those of @field. */
static void
show_field_problems (VtDetailWindow *self,
                     VtField         field,
                     GPtrArray      *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *member = vt_field_get_member (field);

  for (guint i = 0; i < problems->len; i++)
    {
      VtProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (vt_problem_get_field (problem), member) != 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, vt_problem_get_message (problem));
    }
  set_problem_text (self, field, text->str);
}

/* While typing: the piece as it would be, checked as the catalog would. */
static void
check_field (VtDetailWindow *self,
             VtField         field)
{
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(VtItem) edited = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (self->filling || self->catalog == NULL || self->item == NULL)
    return;

  value = field_value (self, field);
  edited = vt_item_new_edited (self->item, field, value);
  problems = vt_catalog_check_item (self->catalog, edited);
  show_field_problems (self, field, problems);
}

/* Committing */

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static gboolean
apply_value (VtDetailWindow *self,
             VtField         field,
             JsonNode       *value)
{
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(VtEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  gboolean applied;

  if (self->filling || self->catalog == NULL || self->item == NULL)
    return FALSE;

  current = dup_member (self->item, field);
  if (nodes_equal (current, value))
    return TRUE;

  edit = vt_edit_new_set (self->item, field, value);
  if (field == VT_FIELD_NUMBER && value != NULL && !is_string_node (value))
    self->follow_number = (guint) json_node_get_int (value);
  applied = vt_catalog_apply_edit (self->catalog, edit, &error);
  self->follow_number = 0;

  if (!applied)
    set_problem_text (self, field, error->message);
  return applied;
}

/* The texts the controls of @field hold, a list's rows one a line. */
static char *
dup_field_text (VtDetailWindow *self,
                VtField         field)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!is_list (field))
    return control_dup_text (self->edit_controls[field]);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list_box (self, field)));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *row_text = control_dup_text (gtk_widget_get_first_child (row));

      if (*row_text != '\0')
        g_string_append_printf (text, "%s\n", row_text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The same texts for the piece's member, as the editor shows it. */
static char *
dup_member_text (VtDetailWindow *self,
                 VtField         field)
{
  g_autoptr(JsonNode) value = dup_member (self->item, field);
  g_autoptr(GString) text = g_string_new (NULL);

  if (!is_list (field) || value == NULL || !JSON_NODE_HOLDS_ARRAY (value))
    {
      g_autofree char *shown = node_to_text (value);

      if (!is_list (field) || *shown == '\0')
        return g_steal_pointer (&shown);
      g_string_append_printf (text, "%s\n", shown);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (value)); i++)
    {
      g_autofree char *element = node_to_text (json_array_get_element (json_node_get_array (value), i));

      if (*element != '\0')
        g_string_append_printf (text, "%s\n", element);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
commit_field (VtDetailWindow *self,
              VtField         field)
{
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *text = NULL;
  g_autofree char *member_text = NULL;

  if (self->filling || self->catalog == NULL || self->item == NULL)
    return;

  /* Untouched, a member stays as written, "7.0" or 1e3 included. */
  text = dup_field_text (self, field);
  member_text = dup_member_text (self, field);
  if (g_strcmp0 (text, member_text) == 0)
    return;

  value = field_value (self, field);
  apply_value (self, field, value);
}

void
vt_detail_window_commit_edit (VtDetailWindow *self)
{
  GtkWidget *focus;
  VtField field;

  g_return_if_fail (VT_IS_DETAIL_WINDOW (self));

  for (focus = gtk_root_get_focus (GTK_ROOT (self)); focus != NULL; focus = gtk_widget_get_parent (focus))
    if (get_field (focus, &field))
      {
        commit_field (self, field);
        return;
      }
}

gboolean
vt_detail_window_has_typing (VtDetailWindow *self)
{
  GtkWidget *focus;
  VtField field;

  g_return_val_if_fail (VT_IS_DETAIL_WINDOW (self), FALSE);

  for (focus = gtk_root_get_focus (GTK_ROOT (self)); focus != NULL; focus = gtk_widget_get_parent (focus))
    if (get_field (focus, &field))
      {
        g_autofree char *text = dup_field_text (self, field);
        g_autofree char *member_text = dup_member_text (self, field);

        return g_strcmp0 (text, member_text) != 0;
      }

  return TRUE;
}

/* The window of a control, NULL while the control is not in one (a
 * list row being made, or the window taking its widgets apart). */
static VtDetailWindow *
window_of (GtkWidget *control)
{
  GtkRoot *root = gtk_widget_get_root (control);

  return VT_IS_DETAIL_WINDOW (root) ? VT_DETAIL_WINDOW (root) : NULL;
}

static void
on_control_changed_cb (GtkWidget *control)
{
  VtDetailWindow *self = window_of (control);
  VtField field;

  if (self != NULL && get_field (control, &field))
    check_field (self, field);
}

static void
on_control_activate_cb (GtkWidget *control)
{
  VtDetailWindow *self = window_of (control);
  VtField field;

  if (self != NULL && get_field (control, &field))
    commit_field (self, field);
}

static void
on_focus_leave_cb (GtkEventController *controller)
{
  on_control_activate_cb (gtk_event_controller_get_widget (controller));
}

/* In a text view, Enter commits as in an entry; Shift+Enter is a line break. */
static gboolean
on_text_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state)
{
  GtkWidget *control = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter)
      || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0)
    return FALSE;

  on_control_activate_cb (control);
  return TRUE;
}

static GtkWidget *
control_new (VtField     field,
             gboolean    multiline,
             const char *accessible_label)
{
  GtkWidget *control;
  GtkEventController *focus = gtk_event_controller_focus_new ();

  if (multiline)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      control = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (control), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (control), FALSE);
      gtk_widget_add_css_class (control, "vt-edit-text");
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (control)), "changed",
                                G_CALLBACK (on_control_changed_cb), control);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_text_key_pressed_cb), NULL);
      gtk_widget_add_controller (control, keys);
    }
  else
    {
      control = gtk_entry_new ();
      g_signal_connect (control, "changed", G_CALLBACK (on_control_changed_cb), NULL);
      g_signal_connect (control, "activate", G_CALLBACK (on_control_activate_cb), NULL);
      if (vt_field_get_info (field)->kind == VT_FIELD_KIND_INTEGER)
        {
          gtk_entry_set_input_purpose (GTK_ENTRY (control), GTK_INPUT_PURPOSE_NUMBER);
          gtk_editable_set_width_chars (GTK_EDITABLE (control), 8);
          gtk_widget_set_halign (control, GTK_ALIGN_START);
        }
    }

  set_field (control, field);
  gtk_widget_set_hexpand (control, TRUE);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), NULL);
  gtk_widget_add_controller (control, focus);
  vt_accessible_set_label (control, accessible_label);
  return control;
}

/* Lists: the history's paragraphs and the countries */

/* @target: (transfer floating): set again by number_rows () */
static GtkWidget *
row_button_new (const char *icon_name,
                const char *tooltip,
                const char *action_name,
                GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  vt_widget_set_tooltip (button, tooltip);
  vt_accessible_set_label (button, tooltip);
  return button;
}

/* Each row's name and its buttons' targets, by its place in the list. */
static void
number_rows (VtDetailWindow *self,
             VtField         field)
{
  guint index = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list_box (self, field)));
       row != NULL;
       row = gtk_widget_get_next_sibling (row), index++)
    {
      /* Translators: a list entry's accessible name, "Text 2" or "Country 1" */
      g_autofree char *name = g_strdup_printf (_("%s %u"), vt_field_get_label (field), index + 1);

      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      vt_accessible_set_label (gtk_widget_get_first_child (row), name);
      for (GtkWidget *button = gtk_widget_get_next_sibling (gtk_widget_get_first_child (row));
           button != NULL;
           button = gtk_widget_get_next_sibling (button))
        {
          const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));
          int direction = g_object_get_data (G_OBJECT (button), "direction") != NULL
                          ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "direction")) : 0;

          if (g_strcmp0 (action, "editor.move-row") == 0)
            gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(uui)", field, index, direction);
          else
            gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(uu)", field, index);
        }
    }
}

static GtkWidget *
list_row_new (VtField     field,
              const char *text)
{
  GtkWidget *row = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_HORIZONTAL,
                                 "spacing", 4,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 NULL);
  GtkWidget *control = control_new (field, field == VT_FIELD_TEXT, vt_field_get_label (field));

  set_field (row, field);
  control_set_text (control, text);
  gtk_box_append (GTK_BOX (row), control);
  if (field == VT_FIELD_TEXT)
    {
      GtkWidget *up = row_button_new ("go-up-symbolic", _("Move Up"), "editor.move-row",
                                      g_variant_new ("(uui)", field, 0, -1));
      GtkWidget *down = row_button_new ("go-down-symbolic", _("Move Down"), "editor.move-row",
                                        g_variant_new ("(uui)", field, 0, 1));

      g_object_set_data (G_OBJECT (up), "direction", GINT_TO_POINTER (-1));
      g_object_set_data (G_OBJECT (down), "direction", GINT_TO_POINTER (1));
      gtk_box_append (GTK_BOX (row), up);
      gtk_box_append (GTK_BOX (row), down);
    }
  gtk_box_append (GTK_BOX (row), row_button_new ("list-remove-symbolic", _("Remove"), "editor.remove-row",
                                                 g_variant_new ("(uu)", field, 0)));
  return row;
}

static GtkWidget *
nth_row (GtkBox *box,
         guint   index)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (box));

  for (guint i = 0; row != NULL && i < index; i++)
    row = gtk_widget_get_next_sibling (row);
  return row;
}

/* Rows for the piece's list, unless they already show it (the curator's
 * own edit coming back): the focus stays where it is. */
static void
fill_list (VtDetailWindow *self,
           VtField         field)
{
  GtkBox *box = list_box (self, field);
  g_autoptr(JsonNode) shown = list_value (self, field);
  g_autoptr(JsonNode) value = dup_member (self->item, field);
  GtkWidget *child;

  if (nodes_equal (shown, value))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
  if (value != NULL && JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *text = node_to_text (json_array_get_element (array, i));

          gtk_box_append (box, list_row_new (field, text));
        }
    }
  else if (value != NULL)
    {
      /* Not a list: shown as one row, to be corrected. */
      g_autofree char *text = node_to_text (value);

      gtk_box_append (box, list_row_new (field, text));
    }
  number_rows (self, field);
}

static void
add_row_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);
  VtField field = g_variant_get_uint32 (parameter);
  GtkWidget *row;

  if (self->catalog == NULL || self->item == NULL || !is_list (field))
    return;

  /* Committed once it has text and the curator leaves it. */
  row = list_row_new (field, "");
  gtk_box_append (list_box (self, field), row);
  number_rows (self, field);
  gtk_widget_grab_focus (gtk_widget_get_first_child (row));
}

static void
remove_row_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);
  VtField field;
  guint index;
  GtkWidget *row;
  GtkWidget *next;

  g_variant_get (parameter, "(uu)", &field, &index);
  if (self->catalog == NULL || self->item == NULL || !is_list (field)
      || (row = nth_row (list_box (self, field), index)) == NULL)
    return;

  next = gtk_widget_get_next_sibling (row);
  if (next == NULL)
    next = gtk_widget_get_prev_sibling (row);
  /* The focus goes to the row taking its place, without committing on the way. */
  self->filling = TRUE;
  if (next != NULL)
    gtk_widget_grab_focus (gtk_widget_get_first_child (next));
  gtk_box_remove (list_box (self, field), row);
  self->filling = FALSE;
  number_rows (self, field);
  commit_field (self, field);
}

static void
move_row_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);
  VtField field;
  guint index;
  int direction;
  GtkBox *box;
  GtkWidget *row;
  GtkWidget *other;

  g_variant_get (parameter, "(uui)", &field, &index, &direction);
  if (self->catalog == NULL || self->item == NULL || !is_list (field))
    return;

  box = list_box (self, field);
  row = nth_row (box, index);
  other = row == NULL ? NULL : direction < 0 ? gtk_widget_get_prev_sibling (row) : gtk_widget_get_next_sibling (row);
  if (other == NULL)
    return;

  if (direction < 0)
    gtk_box_reorder_child_after (box, row, gtk_widget_get_prev_sibling (other));
  else
    gtk_box_reorder_child_after (box, row, other);
  number_rows (self, field);
  commit_field (self, field);
}

/* The image */

static void
on_image_chosen_cb (VtDetailWindow  *self,
                    int              response,
                    GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GFile *base_dir;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->image_chooser);
  if (file == NULL || self->catalog == NULL || self->item == NULL)
    return;

  /* Relative to the catalog's folder, so the catalog and its images move together. */
  base_dir = vt_catalog_get_base_dir (self->catalog);
  if (base_dir != NULL)
    path = g_file_get_relative_path (base_dir, file);
  if (path == NULL && !vt_catalog_get_allow_outside (self->catalog))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = NULL;

      /* Translators: %s is the image chosen */
      message = g_strdup_printf (_("“%s” is not in the catalog’s folder or below it, so it would not be "
                                   "shown: copy it there first."), name);
      set_problem_text (self, VT_FIELD_IMAGE, message);
      return;
    }
  if (path == NULL)
    path = g_file_get_path (file);

  gtk_editable_set_text (GTK_EDITABLE (self->edit_controls[VT_FIELD_IMAGE]), path);
  commit_field (self, VT_FIELD_IMAGE);
}

static void
choose_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
  GFile *base_dir;

  if (self->catalog == NULL || self->item == NULL)
    return;
  if (self->image_chooser != NULL)
    {
      gtk_native_dialog_show (self->image_chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Choose the Image"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (images, vt_field_get_label (VT_FIELD_IMAGE));
  gtk_file_filter_add_pixbuf_formats (images);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), images);
  base_dir = vt_catalog_get_base_dir (self->catalog);
  if (base_dir != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), base_dir, NULL);

  self->image_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_image_chosen_cb), self);
  gtk_native_dialog_show (self->image_chooser);
}

/* Building and filling the editor */

/* Where in @label its mnemonic goes: the first letter no other label of
 * the editor took, else its first letter (Alt then cycles through the
 * controls that share it). */
static const char *
find_mnemonic (const char *label,
               GString    *used)
{
  const char *first = NULL;

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      char utf8[8] = { 0 };

      if (!g_unichar_isalnum (g_utf8_get_char (p)))
        continue;
      if (first == NULL)
        first = p;
      g_unichar_to_utf8 (g_unichar_tolower (g_utf8_get_char (p)), utf8);
      if (strstr (used->str, utf8) == NULL)
        {
          g_string_append (used, utf8);
          return p;
        }
    }
  return first;
}

/* The field's label with its mnemonic, so every control is reachable with Alt. */
static char *
mnemonic_label (const char *label,
                GString    *used)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *mnemonic = find_mnemonic (label, used);

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (p == mnemonic || *p == '_')
        g_string_append_c (text, '_');
      g_string_append_unichar (text, g_utf8_get_char (p));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
_vt_detail_window_build_editor (VtDetailWindow *self)
{
  g_autoptr(GString) used = g_string_new (NULL);

  if (field_quark == 0)
    field_quark = g_quark_from_static_string ("vt-detail-edit-field");

  /* Taken: the review's buttons, and the editor's own (Add a Paragraph,
   * Add a Country, Choose). */
  g_string_append (used, "acnpuh");

  for (guint i = 0; i < N_EDIT_FIELDS; i++)
    {
      VtField field = edit_field (i);
      const char *name = vt_field_get_label (field);
      g_autofree char *mnemonic = mnemonic_label (name, used);
      GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *key = gtk_label_new_with_mnemonic (mnemonic);
      GtkWidget *problem = gtk_label_new (NULL);
      g_autofree char *block_name = g_strconcat ("edit-", vt_field_get_member (field), NULL);
      GtkWidget *target;

      gtk_widget_add_css_class (block, "vt-edit-field");
      /* (The label's rows have the members' own names.) */
      gtk_widget_set_name (block, block_name);
      gtk_label_set_xalign (GTK_LABEL (key), 0.0);
      gtk_widget_add_css_class (key, "vt-attribute-key");
      gtk_box_append (GTK_BOX (block), key);

      if (is_list (field))
        {
          GtkWidget *rows = g_object_new (GTK_TYPE_BOX,
                                          "orientation", GTK_ORIENTATION_VERTICAL,
                                          "spacing", 6,
                                          "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                          NULL);
          GtkWidget *add = gtk_button_new_with_mnemonic (field == VT_FIELD_TEXT ? _("Add a _Paragraph")
                                                                                 : _("Add a Co_untry"));

          vt_accessible_set_label (rows, name);
          gtk_widget_set_halign (add, GTK_ALIGN_START);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "editor.add-row");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "u", field);
          gtk_box_append (GTK_BOX (block), rows);
          gtk_box_append (GTK_BOX (block), add);
          if (field == VT_FIELD_TEXT)
            self->paragraphs_box = GTK_BOX (rows);
          else
            self->countries_box = GTK_BOX (rows);
          self->edit_controls[field] = rows;
          target = add;
        }
      else
        {
          GtkWidget *control = control_new (field, field == VT_FIELD_ABOUT, name);

          self->edit_controls[field] = control;
          target = control;
          if (field == VT_FIELD_TITLE)
            gtk_widget_add_css_class (control, "vt-edit-title");
          if (field == VT_FIELD_IMAGE)
            {
              GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
              GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hoose…"));

              gtk_actionable_set_action_name (GTK_ACTIONABLE (choose), "editor.choose-image");
              gtk_box_append (GTK_BOX (line), control);
              gtk_box_append (GTK_BOX (line), choose);
              gtk_box_append (GTK_BOX (block), line);
            }
          else
            {
              gtk_box_append (GTK_BOX (block), control);
            }
        }
      gtk_label_set_mnemonic_widget (GTK_LABEL (key), target);

      gtk_label_set_xalign (GTK_LABEL (problem), 0.0);
      gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (problem), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (problem, "vt-edit-problem");
      gtk_widget_set_visible (problem, FALSE);
      gtk_box_append (GTK_BOX (block), problem);
      self->edit_problems[field] = GTK_LABEL (problem);

      gtk_box_append (self->edit_box, block);
    }
  vt_accessible_name_mnemonics (GTK_WIDGET (self->edit_box));
}

/*
 * GTK 4.8's GtkTextView lays its text out in an idle and, for text set
 * while its window was hidden, does not ask for the height that layout
 * needs: it stays a line high, or none. Asked for here, in an idle of
 * lower priority than that layout's.
 */
static gboolean
resize_texts_cb (gpointer user_data)
{
  VtDetailWindow *self = user_data;

  self->resize_source = 0;
  gtk_widget_queue_resize (self->edit_controls[VT_FIELD_ABOUT]);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->paragraphs_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    gtk_widget_queue_resize (gtk_widget_get_first_child (row));
  return G_SOURCE_REMOVE;
}

void
_vt_detail_window_show_editor (VtDetailWindow *self)
{
  gboolean editing = self->catalog != NULL && self->item != NULL;
  g_autoptr(GPtrArray) problems = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->edit_box), editing);
  gtk_widget_set_visible (GTK_WIDGET (self->label_box), !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-row", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.remove-row", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-row", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.choose-image", editing);
  /* Editing, Left and Right move in the text: as keys that step
   * through the pieces they come to the window after the focused
   * control (Page Up and Page Down still step first). */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->step_shortcuts),
                                              editing ? GTK_PHASE_BUBBLE : GTK_PHASE_CAPTURE);
  if (!editing)
    return;

  self->filling = TRUE;
  for (guint i = 0; i < N_EDIT_FIELDS; i++)
    {
      VtField field = edit_field (i);

      if (is_list (field))
        {
          fill_list (self, field);
        }
      else
        {
          g_autoptr(JsonNode) value = dup_member (self->item, field);
          g_autofree char *text = node_to_text (value);

          control_set_text (self->edit_controls[field], text);
        }
    }
  self->filling = FALSE;
  if (self->resize_source == 0)
    self->resize_source = g_idle_add (resize_texts_cb, self);

  problems = vt_catalog_check_item (self->catalog, self->item);
  for (guint i = 0; i < N_EDIT_FIELDS; i++)
    show_field_problems (self, edit_field (i), problems);
}

void
_vt_detail_window_class_bind_edit (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, edit_box);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, label_box);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, step_shortcuts);

  gtk_widget_class_install_action (widget_class, "editor.add-row", "u", add_row_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-row", "(uu)", remove_row_action);
  gtk_widget_class_install_action (widget_class, "editor.move-row", "(uui)", move_row_action);
  gtk_widget_class_install_action (widget_class, "editor.choose-image", NULL, choose_image_action);
}

void
_vt_detail_window_dispose_edit (VtDetailWindow *self)
{
  g_clear_handle_id (&self->resize_source, g_source_remove);
  if (self->image_chooser != NULL)
    gtk_native_dialog_destroy (self->image_chooser);
  g_clear_object (&self->image_chooser);
  g_clear_object (&self->catalog);
}

void
vt_detail_window_set_catalog (VtDetailWindow *self,
                              VtCatalog      *catalog)
{
  g_return_if_fail (VT_IS_DETAIL_WINDOW (self));
  g_return_if_fail (catalog == NULL || VT_IS_CATALOG (catalog));

  if (self->catalog == catalog)
    return;

  /* What the curator typed goes in before the editor goes. */
  if (catalog == NULL)
    vt_detail_window_commit_edit (self);
  g_set_object (&self->catalog, catalog);
  _vt_detail_window_show_editor (self);
}
