/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One undoable change to a catalog, and what it takes to check and plan one. */

#define G_LOG_DOMAIN "vitrine-edit"

#include "config.h"

#include "vt-edit.h"
#include "vt-catalog-private.h"
#include "vt-item-private.h"
#include "vt-json-check.h"
#include "vt-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * An edit only describes the change. Applying it (vt_catalog_apply_edit())
 * plans it against the catalog as it is then: the new item, made from a
 * copy of the old one's JSON, and where each goes. That plan is what the
 * catalog keeps for undo and redo, so an edit may be applied again later
 * (to another catalog, or after an undo) and is never changed itself.
 */

struct _VtEdit
{
  VtEditKind  kind;
  VtItem     *item;
  VtField     field;
  JsonNode   *value;
  char       *label;
};

static void
vt_edit_clear (VtEdit *edit)
{
  g_clear_object (&edit->item);
  g_clear_pointer (&edit->value, json_node_unref);
  g_clear_pointer (&edit->label, g_free);
}

VtEdit *
vt_edit_ref (VtEdit *edit)
{
  g_return_val_if_fail (edit != NULL, NULL);

  return g_atomic_rc_box_acquire (edit);
}

void
vt_edit_unref (VtEdit *edit)
{
  g_return_if_fail (edit != NULL);

  g_atomic_rc_box_release_full (edit, (GDestroyNotify) vt_edit_clear);
}

G_DEFINE_BOXED_TYPE (VtEdit, vt_edit, vt_edit_ref, vt_edit_unref)

/* "56", or the title of a piece without a number. */
static char *
describe_piece (VtItem *item)
{
  if (vt_item_get_number (item) > 0)
    return g_strdup_printf ("%u", vt_item_get_number (item));
  if (vt_item_get_title (item) != NULL)
    {
      g_autofree char *cut = NULL;

      return g_strdup_printf (_("“%s”"), vt_text_bound (vt_item_get_title (item), VT_TEXT_BOUND_LINE, &cut));
    }
  return g_strdup (_("a piece without a number"));
}

static VtEdit *
edit_new (VtEditKind  kind,
          VtItem     *item)
{
  VtEdit *edit = g_atomic_rc_box_new0 (VtEdit);

  edit->kind = kind;
  edit->item = g_object_ref (item);
  return edit;
}

VtEdit *
vt_edit_new_set (VtItem   *item,
                 VtField   field,
                 JsonNode *value)
{
  VtEdit *edit;
  g_autofree char *piece = NULL;

  g_return_val_if_fail (VT_IS_ITEM (item), NULL);
  g_return_val_if_fail ((guint) field < VT_N_FIELDS, NULL);

  edit = edit_new (VT_EDIT_SET, item);
  edit->field = field;
  edit->value = value != NULL ? json_node_copy (value) : NULL;
  piece = describe_piece (item);
  /* Translators: for Undo and Redo, "Title of 56": the field, then the
   * piece's number (or its title in quotation marks) */
  edit->label = g_strdup_printf (_("%s of %s"), vt_field_get_label (field), piece);
  return edit;
}

VtEdit *
vt_edit_new_insert (VtItem *item)
{
  VtEdit *edit;

  g_return_val_if_fail (VT_IS_ITEM (item), NULL);

  edit = edit_new (VT_EDIT_INSERT, item);
  if (vt_item_get_number (item) > 0)
    /* Translators: for Undo and Redo: a piece added to the catalog */
    edit->label = g_strdup_printf (_("New piece %u"), vt_item_get_number (item));
  else
    edit->label = g_strdup (_("New piece"));
  return edit;
}

VtEdit *
vt_edit_new_delete (VtItem *item)
{
  VtEdit *edit;
  g_autofree char *piece = NULL;

  g_return_val_if_fail (VT_IS_ITEM (item), NULL);

  edit = edit_new (VT_EDIT_DELETE, item);
  piece = describe_piece (item);
  /* Translators: for Undo and Redo, "Removal of piece 56" */
  edit->label = g_strdup_printf (_("Removal of piece %s"), piece);
  return edit;
}

VtEditKind
vt_edit_get_kind (VtEdit *edit)
{
  g_return_val_if_fail (edit != NULL, VT_EDIT_SET);

  return edit->kind;
}

VtItem *
vt_edit_get_item (VtEdit *edit)
{
  g_return_val_if_fail (edit != NULL, NULL);

  return edit->item;
}

VtField
vt_edit_get_field (VtEdit *edit)
{
  g_return_val_if_fail (edit != NULL, VT_FIELD_NUMBER);

  return edit->field;
}

JsonNode *
vt_edit_get_value (VtEdit *edit)
{
  g_return_val_if_fail (edit != NULL, NULL);

  return edit->value;
}

const char *
vt_edit_get_label (VtEdit *edit)
{
  g_return_val_if_fail (edit != NULL, NULL);

  return edit->label;
}

/* {{{ The new item */

/* Where a member the piece did not have goes: after the known field
 * before it in the field table's order, as a catalog writes them, so the
 * piece reads as every other; json-glib can only append. */
static JsonObject *
object_with_member (JsonObject *object,
                    VtField     field,
                    JsonNode   *value)
{
  g_autoptr(GList) members = json_object_get_members (object);
  JsonObject *result = json_object_new ();
  const char *after = NULL;
  gboolean added = FALSE;

  for (int f = (int) field - 1; f >= 0 && after == NULL; f--)
    if (json_object_has_member (object, vt_field_get_member (f)))
      after = vt_field_get_member (f);

  if (after == NULL)
    {
      json_object_set_member (result, vt_field_get_member (field), json_node_copy (value));
      added = TRUE;
    }
  for (GList *l = members; l != NULL; l = l->next)
    {
      json_object_set_member (result, l->data, json_node_ref (json_object_get_member (object, l->data)));
      if (!added && strcmp (l->data, after) == 0)
        {
          json_object_set_member (result, vt_field_get_member (field), json_node_copy (value));
          added = TRUE;
        }
    }
  return result;
}

static GQuark
origin_quark (void)
{
  return g_quark_from_static_string ("vt-edit-origin");
}

/* The catalog's piece that @item is an edited copy of; @item itself
 * when it is none. */
VtItem *
vt_edit_get_origin (VtItem *item)
{
  VtItem *origin = g_object_get_qdata (G_OBJECT (item), origin_quark ());

  return origin != NULL ? origin : item;
}

/* In @scope: a piece added to a catalog takes the catalog's folder. */
static VtItem *
item_new_edited_in_scope (VtItem       *item,
                          VtImageScope *scope,
                          VtField       field,
                          JsonNode     *value)
{
  g_autoptr(JsonObject) object = vt_item_dup_json (item);
  const char *member = vt_field_get_member (field);
  VtItem *edited;

  if (value == NULL)
    json_object_remove_member (object, member);
  else if (json_object_has_member (object, member))
    json_object_set_member (object, member, json_node_copy (value));
  else
    {
      JsonObject *placed = object_with_member (object, field, value);

      json_object_unref (object);
      object = placed;
    }

  edited = vt_item_new_in_scope (object, scope, vt_item_get_index (item), NULL);
  vt_item_set_line (edited, vt_item_get_line (item));
  return edited;
}

VtItem *
vt_item_new_edited (VtItem   *item,
                    VtField   field,
                    JsonNode *value)
{
  VtItem *edited;

  g_return_val_if_fail (VT_IS_ITEM (item), NULL);
  g_return_val_if_fail ((guint) field < VT_N_FIELDS, NULL);

  edited = item_new_edited_in_scope (item, vt_item_get_image_scope (item), field, value);
  g_object_set_qdata_full (G_OBJECT (edited), origin_quark (),
                           g_object_ref (vt_edit_get_origin (item)), g_object_unref);
  return edited;
}

/* }}} */
/* {{{ Refusals */

static gboolean
is_string_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Whether @text fits @max characters; says so in @error when not. */
static gboolean
check_text (const char  *label,
            const char  *text,
            guint        max_chars,
            guint        entry,
            GError     **error)
{
  g_autofree char *cut = NULL;
  g_autofree char *reason = NULL;
  const char *shown;
  glong n_chars;

  /* Invalid UTF-8 would be written as it is, and the catalog would then
   * not load; a NUL cannot reach here, since a C string ends there. */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT,
                   _("%s: the text is not valid UTF-8"), label);
      return FALSE;
    }
  if (max_chars == 0 || strlen (text) <= max_chars
      || (n_chars = g_utf8_strlen (text, -1)) <= (glong) max_chars)
    return TRUE;

  shown = vt_text_bound (text, VT_TEXT_BOUND_QUOTE, &cut);
  if (entry == 0)
    reason = g_strdup_printf (_("%ld characters, more than the %u allowed: “%s”"),
                              n_chars, max_chars, shown);
  else
    reason = g_strdup_printf (_("entry %u has %ld characters, more than the %u allowed: “%s”"),
                              entry, n_chars, max_chars, shown);
  g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT, "%s: %s", label, reason);
  return FALSE;
}

/* Refuses a value the catalog would not load back as it is: of the wrong
 * JSON type, a number out of range, text too long or not UTF-8. */
static gboolean
check_value (const char  *label,
             VtField      field,
             JsonNode    *value,
             GError     **error)
{
  const VtFieldInfo *info = vt_field_get_info (field);

  if (value == NULL)
    {
      if (field != VT_FIELD_NUMBER)
        return TRUE;
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT,
                   _("%s: every piece needs its number in the collection"), label);
      return FALSE;
    }

  switch (info->kind)
    {
    case VT_FIELD_KIND_TEXT:
    case VT_FIELD_KIND_FACET:
    case VT_FIELD_KIND_PRICE:
    case VT_FIELD_KIND_IMAGE:
      if (!is_string_node (value))
        {
          g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT,
                       _("%s: the value must be text"), label);
          return FALSE;
        }
      return check_text (label, json_node_get_string (value), info->max_chars, 0, error);

    case VT_FIELD_KIND_PARAGRAPHS:
    case VT_FIELD_KIND_FACET_LIST:
      {
        JsonArray *array = JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value) : NULL;
        guint length = array != NULL ? json_array_get_length (array) : 0;

        for (guint i = 0; i < length; i++)
          if (!is_string_node (json_array_get_element (array, i)))
            array = NULL;
        if (array == NULL)
          {
            g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT,
                         _("%s: the value must be a list of texts"), label);
            return FALSE;
          }
        if (length > info->max_values)
          {
            g_autofree char *reason = g_strdup_printf (_("%u entries, more than the %u allowed"),
                                                       length, info->max_values);

            g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT, "%s: %s", label, reason);
            return FALSE;
          }
        for (guint i = 0; i < length; i++)
          if (!check_text (label, json_array_get_string_element (array, i), info->max_chars, i + 1, error))
            return FALSE;
        return TRUE;
      }

    case VT_FIELD_KIND_INTEGER:
      {
        gint64 min = field == VT_FIELD_NUMBER ? 1 : G_MININT;
        gint64 max = field == VT_FIELD_NUMBER ? G_MAXUINT : G_MAXINT;

        if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64)
          {
            g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT,
                         _("%s: the value must be a whole number"), label);
            return FALSE;
          }
        if (json_node_get_int (value) < min || json_node_get_int (value) > max)
          {
            g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT,
                         _("%s: %" G_GINT64_FORMAT " is out of range"), label, json_node_get_int (value));
            return FALSE;
          }
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* Another piece of @items than @except that has @number. */
static VtItem *
find_number (GPtrArray *items,
             guint      number,
             VtItem    *except)
{
  for (guint i = 0; i < items->len; i++)
    {
      VtItem *other = g_ptr_array_index (items, i);

      if (other != except && vt_item_get_number (other) == number)
        return other;
    }
  return NULL;
}

static gboolean
check_number_free (const char  *label,
                   GPtrArray   *items,
                   guint        number,
                   VtItem      *except,
                   GError     **error)
{
  VtItem *other = find_number (items, number, except);
  g_autofree char *cut = NULL;

  if (other == NULL)
    return TRUE;
  if (vt_item_get_title (other) != NULL)
    g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT,
                 _("%s: %u is already the number of “%s”"), label, number,
                 vt_text_bound (vt_item_get_title (other), VT_TEXT_BOUND_LINE, &cut));
  else
    g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT,
                 _("%s: %u is already the number of another piece"), label, number);
  return FALSE;
}

/* }}} */
/* {{{ Planning */

/* Where a piece numbered @number goes among @items (@leaving taken out
 * first): before the first of a higher number, as vt_catalog_put_item()
 * places it; a piece without a number goes last. */
static guint
position_for (GPtrArray *items,
              guint      number,
              VtItem    *leaving)
{
  guint position = 0;

  for (guint i = 0; i < items->len; i++)
    {
      VtItem *other = g_ptr_array_index (items, i);
      guint other_number;

      if (other == leaving)
        continue;
      other_number = vt_item_get_number (other);
      if (number > 0 && (other_number == 0 || other_number > number))
        break;
      position++;
    }
  return position;
}

/* Whether @item's member already is @value: then nothing is recorded,
 * and a number written as 56.0 stays as it is written. */
static gboolean
is_unchanged (VtItem   *item,
              VtField   field,
              JsonNode *value)
{
  JsonNode *now = json_object_get_member (vt_item_get_json (item), vt_field_get_member (field));

  if (now == NULL || value == NULL)
    return now == value;
  return json_node_equal (now, value);
}

void
vt_catalog_step_free (VtCatalogStep *step)
{
  g_clear_object (&step->before);
  g_clear_object (&step->after);
  g_free (step->label);
  g_free (step);
}

VtCatalogStep *
vt_edit_plan (VtEdit        *edit,
              GPtrArray     *items,
              VtImageScope  *scope,
              GError       **error)
{
  g_autoptr(VtCatalogStep) step = g_new0 (VtCatalogStep, 1);
  guint position = 0;

  g_return_val_if_fail (edit != NULL, NULL);

  step->label = g_strdup (edit->label);

  if (edit->kind != VT_EDIT_INSERT && !g_ptr_array_find (items, edit->item, &position))
    {
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_EDIT,
                   _("%s: the piece is no longer in the catalog"), edit->label);
      return NULL;
    }

  switch (edit->kind)
    {
    case VT_EDIT_SET:
      if (!check_value (edit->label, edit->field, edit->value, error))
        return NULL;
      if (edit->field == VT_FIELD_NUMBER
          && !check_number_free (edit->label, items, (guint) json_node_get_int (edit->value),
                                 edit->item, error))
        return NULL;
      if (is_unchanged (edit->item, edit->field, edit->value))
        return g_steal_pointer (&step);
      step->before = g_object_ref (edit->item);
      step->before_position = position;
      step->after = item_new_edited_in_scope (edit->item, vt_item_get_image_scope (edit->item),
                                              edit->field, edit->value);
      if (vt_item_get_number (step->after) != vt_item_get_number (edit->item))
        step->after_position = position_for (items, vt_item_get_number (step->after), edit->item);
      else
        step->after_position = position;
      break;

    case VT_EDIT_INSERT:
      {
        g_autoptr(JsonObject) object = vt_item_dup_json (edit->item);
        guint number;

        for (guint f = 0; f < VT_N_FIELDS; f++)
          {
            JsonNode *value = json_object_get_member (object, vt_field_get_member (f));

            if ((value != NULL || f == VT_FIELD_NUMBER) && !check_value (edit->label, f, value, error))
              return NULL;
          }
        number = (guint) json_object_get_int_member (object, vt_field_get_member (VT_FIELD_NUMBER));
        if (!check_number_free (edit->label, items, number, NULL, error))
          return NULL;
        step->after = vt_item_new_in_scope (object, scope != NULL ? scope : vt_item_get_image_scope (edit->item),
                                            -1, NULL);
        step->after_position = position_for (items, number, NULL);
      }
      break;

    case VT_EDIT_DELETE:
      step->before = g_object_ref (edit->item);
      step->before_position = position;
      break;

    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&step);
}

/* }}} */
