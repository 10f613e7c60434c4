/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One piece of a collection: typed, read-only views over the JSON object it keeps. */

#define G_LOG_DOMAIN "vitrine-item"

#include "config.h"

#include "vt-item.h"
#include "vt-item-private.h"
#include "vt-enums.h"
#include "vt-field.h"
#include "vt-json-check.h"
#include "vt-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * A VtItem never copies the strings of its JSON object: the getters
 * return the object's own strings, which the item keeps alive by holding
 * a reference to the object. Items are immutable: a changed piece is a
 * new item (vt_catalog_put_item()), so the object must not be changed
 * behind the item's back.
 */

struct _VtItem
{
  GObject      parent_instance;

  JsonObject  *json;
  GFile       *image;       /* even when outside: vt_item_get_image() decides */
  VtImageScope *scope;
  VtImagePlace image_place;
  int          index;
  char        *problem;
  GPtrArray   *load_problems;

  /* Of the string fields (vt_field_is_string()): borrowed from json,
   * NULL when missing, empty or of the wrong type; each followed by a
   * NULL so that it reads as a one-value list. */
  const char  *strings[VT_N_FIELDS][2];
  const char **text;        /* borrowed strings, NULL-terminated */
  const char **countries;
  guint        n_countries;

  char        *search_text;
  gsize        search_text_length;

  VtPrice      price;
  guint        number;
  guint        line;
  int          year;
  int          impact;
  guint        has_year : 1;
  guint        has_impact : 1;
  guint        has_price : 1;
  guint        review_changed : 1;
  VtReviewState review_state;
};

/* One property per field, named by its JSON member, from PROP_0 + 1 in
 * the order of VtField; then the item's own. */
#define PROP_FIELD(field) (1 + (guint) (field))

enum
{
  PROP_0,
  PROP_JSON = PROP_FIELD (VT_N_FIELDS),
  PROP_PROBLEM,
  PROP_SEARCH_TEXT,
  PROP_REVIEW_STATE,
  PROP_REVIEW_CHANGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VtItem, vt_item, G_TYPE_OBJECT)

static const char * const empty_list[] = { NULL };

static void
vt_item_finalize (GObject *object)
{
  VtItem *self = VT_ITEM (object);

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_object (&self->image);
  g_clear_pointer (&self->scope, vt_image_scope_unref);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->load_problems, g_ptr_array_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->countries, g_free);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (vt_item_parent_class)->finalize (object);
}

static void
get_field_value (VtItem  *self,
                 VtField  field,
                 GValue  *value)
{
  switch (field)
    {
    case VT_FIELD_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case VT_FIELD_TEXT:
      g_value_set_boxed (value, vt_item_get_text (self));
      break;
    case VT_FIELD_YEAR:
      g_value_set_int (value, self->year);
      break;
    case VT_FIELD_COUNTRIES:
      g_value_set_boxed (value, vt_item_get_countries (self));
      break;
    case VT_FIELD_IMPACT:
      g_value_set_int (value, self->impact);
      break;
    case VT_FIELD_IMAGE:
      g_value_set_object (value, vt_item_get_image (self));
      break;
    case VT_FIELD_TITLE:
    case VT_FIELD_ABOUT:
    case VT_FIELD_DECADE:
    case VT_FIELD_REGION:
    case VT_FIELD_POLITICS:
    case VT_FIELD_CONFLICT:
    case VT_FIELD_TYPE:
    case VT_FIELD_ARTIST:
    case VT_FIELD_GROUP:
    case VT_FIELD_PRICE:
      g_value_set_string (value, self->strings[field][0]);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
vt_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  VtItem *self = VT_ITEM (object);

  if (prop_id >= PROP_FIELD (0) && prop_id < PROP_FIELD (VT_N_FIELDS))
    {
      get_field_value (self, (VtField) (prop_id - PROP_FIELD (0)), value);
      return;
    }

  switch (prop_id)
    {
    case PROP_JSON:
      g_value_set_boxed (value, self->json);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_REVIEW_STATE:
      g_value_set_enum (value, self->review_state);
      break;
    case PROP_REVIEW_CHANGED:
      g_value_set_boolean (value, self->review_changed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
field_param_spec_new (VtField     field,
                      GParamFlags flags)
{
  const char *name = vt_field_get_member (field);

  switch (vt_field_get_info (field)->kind)
    {
    case VT_FIELD_KIND_TEXT:
    case VT_FIELD_KIND_FACET:
    case VT_FIELD_KIND_PRICE:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    case VT_FIELD_KIND_IMAGE:
      return g_param_spec_object (name, NULL, NULL, G_TYPE_FILE, flags);
    case VT_FIELD_KIND_PARAGRAPHS:
    case VT_FIELD_KIND_FACET_LIST:
      return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
    case VT_FIELD_KIND_INTEGER:
      if (field == VT_FIELD_NUMBER)
        return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, flags);
      return g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
    default:
      g_assert_not_reached ();
    }
}

static void
vt_item_class_init (VtItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vt_item_finalize;
  object_class->get_property = vt_item_get_property;

  for (guint f = 0; f < VT_N_FIELDS; f++)
    properties[PROP_FIELD (f)] = field_param_spec_new (f, flags);
  properties[PROP_JSON] =
    g_param_spec_boxed ("json", NULL, NULL, JSON_TYPE_OBJECT, flags);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL, flags);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  properties[PROP_REVIEW_STATE] =
    g_param_spec_enum ("review-state", NULL, NULL,
                       VT_TYPE_REVIEW_STATE, VT_REVIEW_STATE_NOT_REVIEWED, flags);
  properties[PROP_REVIEW_CHANGED] =
    g_param_spec_boolean ("review-changed", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_item_init (VtItem *self)
{
}

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

static const char *
read_string (JsonObject *object,
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
static gboolean
read_integer (JsonObject *object,
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
static const char **
read_string_list (JsonObject *object,
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

static void
append_field (GString    *out,
              const char *text)
{
  if (text == NULL)
    return;
  vt_text_fold_append (out, text, -1);
  g_string_append_c (out, '\n');
}

/* printf() costs more than the rest of an item's fields. */
static void
append_integer (GString *out,
                gint64   value)
{
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  *--p = '\n';
  do
    *--p = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) > 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (out, p, (gssize) (digits + sizeof digits - p));
}

static void
build_search_text (VtItem *self)
{
  GString *out = g_string_sized_new (4096);

  append_field (out, self->strings[VT_FIELD_TITLE][0]);
  append_field (out, self->strings[VT_FIELD_ABOUT][0]);
  for (guint i = 0; self->text != NULL && self->text[i] != NULL; i++)
    append_field (out, self->text[i]);
  for (guint i = 0; i < self->n_countries; i++)
    append_field (out, self->countries[i]);
  for (guint f = 0; f < VT_N_FIELDS; f++)
    {
      VtFieldKind kind = vt_field_get_info (f)->kind;

      if (kind == VT_FIELD_KIND_FACET || kind == VT_FIELD_KIND_PRICE)
        append_field (out, self->strings[f][0]);
    }
  if (self->has_year)
    append_integer (out, self->year);
  if (self->number > 0)
    append_integer (out, self->number);

  /* Sized for a long piece to build in one go, the buffer is cut to
   * what this one holds: a catalog keeps one per piece. */
  self->search_text_length = out->len;
  self->search_text = g_realloc (g_string_free (out, FALSE), self->search_text_length + 1);
}

VtItem *
vt_item_new_from_json (JsonObject *object,
                       GFile      *base_dir,
                       GPtrArray  *problems)
{
  g_autoptr(VtImageScope) scope = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (base_dir == NULL || G_IS_FILE (base_dir), NULL);

  scope = vt_image_scope_new (base_dir);
  return vt_item_new_in_scope (object, scope, -1, problems);
}

VtItem *
vt_item_new_in_scope (JsonObject   *object,
                      VtImageScope *scope,
                      int           index,
                      GPtrArray    *problems)
{
  g_autoptr(GPtrArray) pending = NULL;
  VtItem *self;
  gint64 value;
  guint n_text;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  pending = g_ptr_array_new_with_free_func (g_free);

  self = g_object_new (VT_TYPE_ITEM, NULL);
  self->json = json_object_ref (object);
  self->index = index;

  if (read_integer (object, vt_field_get_member (VT_FIELD_NUMBER), 1, G_MAXUINT, &value, pending))
    self->number = (guint) value;
  for (guint f = 0; f < VT_N_FIELDS; f++)
    if (vt_field_is_string (f))
      self->strings[f][0] = read_string (object, vt_field_get_member (f), pending);
  self->text = read_string_list (object, vt_field_get_member (VT_FIELD_TEXT), &n_text, pending);
  self->countries = read_string_list (object, vt_field_get_member (VT_FIELD_COUNTRIES),
                                      &self->n_countries, pending);
  if (read_integer (object, vt_field_get_member (VT_FIELD_YEAR), G_MININT, G_MAXINT, &value, pending))
    {
      self->year = (int) value;
      self->has_year = TRUE;
    }
  if (read_integer (object, vt_field_get_member (VT_FIELD_IMPACT), G_MININT, G_MAXINT, &value, pending))
    {
      self->impact = (int) value;
      self->has_impact = TRUE;
    }

  if (self->strings[VT_FIELD_PRICE][0] != NULL)
    self->has_price = vt_price_parse (self->strings[VT_FIELD_PRICE][0], &self->price, NULL);

  self->scope = vt_image_scope_ref (scope);
  self->image_place = vt_image_scope_resolve (scope, self->strings[VT_FIELD_IMAGE][0], &self->image);

  for (guint i = 0; i < pending->len; i += 2)
    {
      g_autoptr(VtProblem) problem = NULL;

      problem = vt_problem_new_for_item (VT_SEVERITY_ERROR,
                                         self->index,
                                         self->number,
                                         self->strings[VT_FIELD_TITLE][0],
                                         g_ptr_array_index (pending, i),
                                         g_ptr_array_index (pending, i + 1));
      vt_item_add_load_problem (self, problem);
      if (problems != NULL)
        g_ptr_array_add (problems, g_object_ref (problem));
    }

  build_search_text (self);

  return self;
}

JsonObject *
vt_item_get_json (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), NULL);

  return self->json;
}

JsonObject *
vt_item_dup_json (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), NULL);

  return vt_json_object_dup (self->json);
}

guint
vt_item_get_number (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), 0);

  return self->number;
}

#define STRING_GETTER(name, field)                      \
  const char *                                          \
  vt_item_get_##name (VtItem *self)                     \
  {                                                     \
    g_return_val_if_fail (VT_IS_ITEM (self), NULL);     \
    return self->strings[field][0];                     \
  }

STRING_GETTER (title, VT_FIELD_TITLE)
STRING_GETTER (about, VT_FIELD_ABOUT)
STRING_GETTER (decade, VT_FIELD_DECADE)
STRING_GETTER (region, VT_FIELD_REGION)
STRING_GETTER (politics, VT_FIELD_POLITICS)
STRING_GETTER (conflict, VT_FIELD_CONFLICT)
STRING_GETTER (kind, VT_FIELD_TYPE)
STRING_GETTER (artist, VT_FIELD_ARTIST)
STRING_GETTER (group, VT_FIELD_GROUP)
STRING_GETTER (price_text, VT_FIELD_PRICE)

#undef STRING_GETTER

const char *
vt_item_get_string (VtItem  *self,
                    VtField  field)
{
  g_return_val_if_fail (VT_IS_ITEM (self), NULL);
  g_return_val_if_fail (vt_field_is_string (field), NULL);

  return self->strings[field][0];
}

const char * const *
vt_item_get_text (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), empty_list);

  return self->text != NULL ? (const char * const *) self->text : empty_list;
}

int
vt_item_get_year (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), 0);

  return self->year;
}

const char * const *
vt_item_get_countries (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), empty_list);

  return self->countries != NULL ? (const char * const *) self->countries : empty_list;
}

int
vt_item_get_impact (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), 0);

  return self->impact;
}

gboolean
vt_item_get_price (VtItem  *self,
                   VtPrice *price)
{
  g_return_val_if_fail (VT_IS_ITEM (self), FALSE);
  g_return_val_if_fail (price != NULL, FALSE);

  if (!self->has_price)
    return FALSE;
  *price = self->price;
  return TRUE;
}

GFile *
vt_item_get_image (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), NULL);

  /* Consulted at every use: the user may allow it while the item is shown. */
  if (self->image_place == VT_IMAGE_PLACE_OUTSIDE && !vt_image_scope_get_allow_outside (self->scope))
    return NULL;
  return self->image;
}

char *
vt_item_dup_image_refusal (VtItem *self)
{
  const char *written;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (VT_IS_ITEM (self), NULL);

  written = self->strings[VT_FIELD_IMAGE][0];
  if (self->image_place == VT_IMAGE_PLACE_REMOTE)
    return g_strdup_printf (_("“%s” is not a file on this computer: Vitrine opens images only "
                              "from local files and never fetches them"), written);
  if (vt_item_get_image (self) != NULL || self->image_place != VT_IMAGE_PLACE_OUTSIDE)
    return NULL;

  folder = g_file_get_parse_name (vt_image_scope_get_base_dir (self->scope));
  return g_strdup_printf (_("“%s” is outside the catalog’s folder %s: it is not opened unless "
                            "images outside the folder are allowed for this catalog"),
                          written, folder);
}

const char * const *
vt_item_get_facet_values (VtItem     *self,
                          VtFacetKey  key,
                          guint      *n_values)
{
  VtField field;

  g_return_val_if_fail (VT_IS_ITEM (self), empty_list);
  g_return_val_if_fail ((guint) key < VT_N_FACETS, empty_list);
  g_return_val_if_fail (n_values != NULL, empty_list);

  if (key == VT_FACET_REVIEW)
    {
      static const char * const states[VT_N_REVIEW_STATES][2] = {
        { "not-reviewed", NULL }, { "approved", NULL }, { "needs-changes", NULL },
      };

      *n_values = 1;
      return states[self->review_state];
    }
  if (key == VT_FACET_PROBLEMS)
    {
      static const char * const has[] = { VT_FACET_VALUE_HAS_PROBLEMS, NULL };
      static const char * const has_not[] = { VT_FACET_VALUE_NO_PROBLEMS, NULL };

      *n_values = 1;
      return self->problem != NULL ? has : has_not;
    }

  field = vt_field_for_facet (key);
  if (field == VT_FIELD_COUNTRIES)
    {
      *n_values = self->n_countries;
      return vt_item_get_countries (self);
    }

  *n_values = self->strings[field][0] != NULL ? 1 : 0;
  return self->strings[field];
}

const char *
vt_item_get_search_text (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), "");

  return self->search_text;
}

gsize
vt_item_get_search_text_length (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), 0);

  return self->search_text_length;
}

const char *
vt_item_get_problem (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), NULL);

  return self->problem;
}

void
vt_item_set_problem (VtItem     *self,
                     const char *problem)
{
  g_return_if_fail (VT_IS_ITEM (self));

  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

guint
vt_item_get_line (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), 0);

  return self->line;
}

void
vt_item_set_line (VtItem *self,
                  guint   line)
{
  g_return_if_fail (VT_IS_ITEM (self));

  self->line = line;
}

VtReviewState
vt_item_get_review_state (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), VT_REVIEW_STATE_NOT_REVIEWED);

  return self->review_state;
}

gboolean
vt_item_get_review_changed (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), FALSE);

  return self->review_changed;
}

void
vt_item_set_review (VtItem        *self,
                    VtReviewState  state,
                    gboolean       changed)
{
  g_return_if_fail (VT_IS_ITEM (self));
  g_return_if_fail ((guint) state < VT_N_REVIEW_STATES);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->review_state != state)
    {
      self->review_state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_STATE]);
    }
  if (self->review_changed != !!changed)
    {
      self->review_changed = !!changed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_CHANGED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/*
 * The members of the field table in its order, each as json-glib writes
 * it compactly: the same piece gives the same hash however its file is
 * indented or ordered, and members Vitrine does not know (a curator's
 * own bookkeeping) do not count as a change of the piece.
 */
char *
vt_item_compute_hash (VtItem *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (VT_IS_ITEM (self), NULL);

  for (guint f = 0; f < VT_N_FIELDS; f++)
    {
      const char *member = vt_field_get_member (f);
      JsonNode *node = json_object_get_member (self->json, member);
      g_autofree char *text = NULL;

      if (node == NULL)
        continue;
      text = json_to_string (node, FALSE);
      g_checksum_update (checksum, (const guchar *) member, -1);
      g_checksum_update (checksum, (const guchar *) "=", 1);
      g_checksum_update (checksum, (const guchar *) text, -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

void
vt_item_take_problem_quietly (VtItem *self,
                              char   *problem)
{
  g_return_if_fail (VT_IS_ITEM (self));

  g_free (self->problem);
  self->problem = problem;
}

gboolean
vt_item_has_year (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), FALSE);

  return self->has_year;
}

gboolean
vt_item_has_impact (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), FALSE);

  return self->has_impact;
}

const char *
vt_item_get_image_path (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), NULL);

  return self->strings[VT_FIELD_IMAGE][0];
}

int
vt_item_get_index (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), -1);

  return self->index;
}

VtImagePlace
vt_item_get_image_place (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), VT_IMAGE_PLACE_NONE);

  return self->image_place;
}

VtImageScope *
vt_item_get_image_scope (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), NULL);

  return self->scope;
}

GPtrArray *
vt_item_get_load_problems (VtItem *self)
{
  g_return_val_if_fail (VT_IS_ITEM (self), NULL);

  return self->load_problems;
}

void
vt_item_add_load_problem (VtItem    *self,
                          VtProblem *problem)
{
  g_return_if_fail (VT_IS_ITEM (self));
  g_return_if_fail (VT_IS_PROBLEM (problem));

  if (self->load_problems == NULL)
    self->load_problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->load_problems, g_object_ref (problem));
}
