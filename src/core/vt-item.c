/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One piece of a collection: its fields typed, and what it cannot type kept as JSON text. */

#define G_LOG_DOMAIN "vitrine-item"

#include "config.h"

#include "vt-item.h"
#include "vt-item-private.h"
#include "vt-item-read.h"
#include "vt-enums.h"
#include "vt-field.h"
#include "vt-json-check.h"
#include "vt-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * An item does not keep the JSON object it is read from: a catalog's
 * parsed tree takes about three times the file's size, and a catalog of
 * 100,000 pieces must load in a fraction of that. What the getters
 * return is copied into one allocation per item (every string, then the
 * lists' pointers). Each member is either one of those typed fields,
 * when the JSON it came from can be written back from them exactly (a
 * non-empty string, a whole number written as one, a list of non-empty
 * strings), or else kept as its JSON text: members Vitrine does not
 * know, and known ones of the wrong type or in a form the typed value
 * would not give back (7.0, null, an empty paragraph). The layout keeps
 * them all in the order read, so vt_item_dup_json() gives the piece
 * back as it was read; a save keeps numbers as the file wrote them
 * because it writes over the file's own text (vt-json-splice.c).
 *
 * Items are immutable: a changed piece is a new item
 * (vt_catalog_put_item()).
 */

struct _VtItem
{
  GObject      parent_instance;

  /* Every member in the order read: for a typed field a byte of its
   * VtField + 1; for the others a 0 byte, the member's name and its
   * JSON text, each followed by a NUL. */
  char        *layout;
  gsize        layout_length;
  gpointer     block;       /* the strings and lists below point into it */
  GFile       *image;       /* even when outside: vt_item_get_image() decides */
  VtImageScope *scope;
  VtImagePlace image_place;
  int          index;
  char        *problem;
  GPtrArray   *load_problems;

  /* Of the string fields (vt_field_is_string()): NULL when missing,
   * empty or of the wrong type; each followed by a NULL so that it reads
   * as a one-value list. */
  const char  *strings[VT_N_FIELDS][2];
  const char **text;        /* NULL-terminated */
  const char **countries;
  guint        n_countries;

  char        *search_text;
  gsize        search_text_length;

  VtPrice      price;
  guint        number;
  guint        line;
  /* Where the piece's text lies in a version of its catalog's file
   * (vt_item_set_source()); source 0: nowhere known. */
  guint        source;
  gsize        source_offset;
  gsize        source_length;
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

  g_clear_pointer (&self->layout, g_free);
  g_clear_pointer (&self->block, g_free);
  g_clear_object (&self->image);
  g_clear_pointer (&self->scope, vt_image_scope_unref);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->load_problems, g_ptr_array_unref);
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
      g_value_take_boxed (value, vt_item_dup_json (self));
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

static gsize
list_size (const char **values)
{
  gsize size = 0;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    size += sizeof (char *) + strlen (values[i]) + 1;
  return values != NULL ? size + sizeof (char *) : 0;
}

static char *
copy_string (char       **chars,
             const char  *value)
{
  gsize n = strlen (value) + 1;
  char *copy = *chars;

  memcpy (copy, value, n);
  *chars += n;
  return copy;
}

static const char **
copy_list (const char ***pointers,
           char        **chars,
           const char  **values)
{
  const char **copy = *pointers;
  guint n = 0;

  if (values == NULL)
    return NULL;
  for (; values[n] != NULL; n++)
    copy[n] = copy_string (chars, values[n]);
  copy[n] = NULL;
  *pointers += n + 1;
  return copy;
}

/* Copies the strings the item read (borrowed from its JSON object, as
 * are @text and @countries) into the item's one block: the lists'
 * pointers first, then the characters. */
static void
copy_strings (VtItem      *self,
              const char **text,
              const char **countries)
{
  gsize n_pointers = (list_size (text) > 0 ? 1 : 0) + (list_size (countries) > 0 ? 1 : 0);
  gsize size = list_size (text) + list_size (countries);
  const char **pointers;
  char *chars;

  for (guint f = 0; f < VT_N_FIELDS; f++)
    if (self->strings[f][0] != NULL)
      size += strlen (self->strings[f][0]) + 1;
  if (size == 0)
    return;

  self->block = g_malloc (size);
  pointers = self->block;
  for (guint i = 0; text != NULL && text[i] != NULL; i++)
    n_pointers++;
  for (guint i = 0; countries != NULL && countries[i] != NULL; i++)
    n_pointers++;
  chars = (char *) (pointers + n_pointers);

  self->text = copy_list (&pointers, &chars, text);
  self->countries = copy_list (&pointers, &chars, countries);
  for (guint f = 0; f < VT_N_FIELDS; f++)
    if (self->strings[f][0] != NULL)
      self->strings[f][0] = copy_string (&chars, self->strings[f][0]);
}

/* The members in the order read, typed ones by their field, the others
 * as JSON text (see the layout in struct _VtItem). */
static void
build_layout (VtItem     *self,
              JsonObject *object,
              guint32     typed)
{
  GString *layout = g_string_new (NULL);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      const VtFieldInfo *info = vt_field_lookup_member (name);
      g_autofree char *text = NULL;
      gsize start;

      if (info != NULL && (typed & (1u << info->field)) != 0)
        {
          g_string_append_c (layout, (char) (info->field + 1));
          continue;
        }

      g_string_append_c (layout, '\0');
      g_string_append_len (layout, name, (gssize) strlen (name) + 1);
      /* As a save writes it, mended into JSON that parses again. */
      text = json_to_string (node, FALSE);
      start = layout->len;
      g_string_append (layout, text);
      {
        g_autoptr(GString) fixed = g_string_new (layout->str + start);

        vt_json_fix_generated (fixed);
        g_string_truncate (layout, start);
        g_string_append_len (layout, fixed->str, (gssize) fixed->len + 1);
      }
    }

  self->layout_length = layout->len;
  self->layout = g_realloc (g_string_free (layout, FALSE), MAX (self->layout_length, 1));
}

VtItem *
vt_item_new_in_scope (JsonObject   *object,
                      VtImageScope *scope,
                      int           index,
                      GPtrArray    *problems)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree const char **text = NULL;
  g_autofree const char **countries = NULL;
  VtItem *self;
  gint64 value;
  guint n_text;
  guint32 typed = 0;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  pending = g_ptr_array_new_with_free_func (g_free);

  self = g_object_new (VT_TYPE_ITEM, NULL);
  self->index = index;

  if (vt_item_read_integer (object, vt_field_get_member (VT_FIELD_NUMBER), 1, G_MAXUINT, &value, pending))
    {
      self->number = (guint) value;
      if (vt_item_read_is_integer (object, vt_field_get_member (VT_FIELD_NUMBER)))
        typed |= 1u << VT_FIELD_NUMBER;
    }
  for (guint f = 0; f < VT_N_FIELDS; f++)
    if (vt_field_is_string (f))
      {
        self->strings[f][0] = vt_item_read_string (object, vt_field_get_member (f), pending);
        if (self->strings[f][0] != NULL)
          typed |= 1u << f;
      }
  text = vt_item_read_string_list (object, vt_field_get_member (VT_FIELD_TEXT), &n_text, pending);
  if (vt_item_read_is_whole_list (object, vt_field_get_member (VT_FIELD_TEXT), n_text))
    typed |= 1u << VT_FIELD_TEXT;
  countries = vt_item_read_string_list (object, vt_field_get_member (VT_FIELD_COUNTRIES),
                                &self->n_countries, pending);
  if (vt_item_read_is_whole_list (object, vt_field_get_member (VT_FIELD_COUNTRIES), self->n_countries))
    typed |= 1u << VT_FIELD_COUNTRIES;
  if (vt_item_read_integer (object, vt_field_get_member (VT_FIELD_YEAR), G_MININT, G_MAXINT, &value, pending))
    {
      self->year = (int) value;
      self->has_year = TRUE;
      if (vt_item_read_is_integer (object, vt_field_get_member (VT_FIELD_YEAR)))
        typed |= 1u << VT_FIELD_YEAR;
    }
  if (vt_item_read_integer (object, vt_field_get_member (VT_FIELD_IMPACT), G_MININT, G_MAXINT, &value, pending))
    {
      self->impact = (int) value;
      self->has_impact = TRUE;
      if (vt_item_read_is_integer (object, vt_field_get_member (VT_FIELD_IMPACT)))
        typed |= 1u << VT_FIELD_IMPACT;
    }

  copy_strings (self, text, countries);
  build_layout (self, object, typed);

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

VtItem *
vt_item_new_moved (VtItem       *item,
                   VtImageScope *scope)
{
  VtItem *self;

  g_return_val_if_fail (VT_IS_ITEM (item), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  self = g_object_new (VT_TYPE_ITEM, NULL);
  self->layout = g_memdup2 (item->layout, MAX (item->layout_length, 1));
  self->layout_length = item->layout_length;
  /* copy_strings() copies what the strings point at into a block of
   * this item's own. */
  memcpy (self->strings, item->strings, sizeof self->strings);
  copy_strings (self, item->text, item->countries);
  self->n_countries = item->n_countries;
  self->search_text = g_memdup2 (item->search_text, item->search_text_length + 1);
  self->search_text_length = item->search_text_length;
  if (item->load_problems != NULL)
    {
      self->load_problems = g_ptr_array_new_full (item->load_problems->len, g_object_unref);
      for (guint i = 0; i < item->load_problems->len; i++)
        g_ptr_array_add (self->load_problems, g_object_ref (g_ptr_array_index (item->load_problems, i)));
    }

  self->index = item->index;
  self->price = item->price;
  self->number = item->number;
  self->year = item->year;
  self->impact = item->impact;
  self->has_year = item->has_year;
  self->has_impact = item->has_impact;
  self->has_price = item->has_price;
  vt_item_copy_state (self, item);

  self->scope = vt_image_scope_ref (scope);
  self->image_place = vt_image_scope_resolve (scope, self->strings[VT_FIELD_IMAGE][0], &self->image);

  return self;
}

static JsonNode *
string_list_node (const char * const *values)
{
  JsonNode *node = json_node_init (json_node_alloc (), JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();

  for (guint i = 0; values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  json_node_take_array (node, array);
  return node;
}

/* The JSON of a typed field, as it was read. */
static JsonNode *
typed_node (VtItem  *self,
            VtField  field)
{
  switch (field)
    {
    case VT_FIELD_NUMBER:
      return json_node_init_int (json_node_alloc (), self->number);
    case VT_FIELD_YEAR:
      return json_node_init_int (json_node_alloc (), self->year);
    case VT_FIELD_IMPACT:
      return json_node_init_int (json_node_alloc (), self->impact);
    case VT_FIELD_TEXT:
      return string_list_node (vt_item_get_text (self));
    case VT_FIELD_COUNTRIES:
      return string_list_node (vt_item_get_countries (self));
    default:
      return json_node_init_string (json_node_alloc (), self->strings[field][0]);
    }
}

JsonObject *
vt_item_dup_json (VtItem *self)
{
  JsonObject *object;
  const char *p, *end;

  g_return_val_if_fail (VT_IS_ITEM (self), NULL);

  object = json_object_new ();
  p = self->layout;
  end = p + self->layout_length;
  while (p < end)
    {
      const char *name, *text;
      JsonNode *node;
      g_autoptr(GError) error = NULL;

      if (*p != '\0')
        {
          VtField field = (VtField) ((guchar) *p - 1);

          json_object_set_member (object, vt_field_get_member (field), typed_node (self, field));
          p++;
          continue;
        }

      name = p + 1;
      text = name + strlen (name) + 1;
      p = text + strlen (text) + 1;
      node = json_from_string (text, &error);
      /* Written by json-glib and mended: it always parses. */
      g_assert_no_error (error);
      json_object_set_member (object, name, node);
    }

  return object;
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

void
vt_item_set_source (VtItem *self,
                    guint   source,
                    gsize   offset,
                    gsize   length)
{
  g_return_if_fail (VT_IS_ITEM (self));

  self->source = source;
  self->source_offset = offset;
  self->source_length = length;
}

gboolean
vt_item_get_source (VtItem *self,
                    guint   source,
                    gsize  *offset,
                    gsize  *length)
{
  g_return_val_if_fail (VT_IS_ITEM (self), FALSE);

  if (source == 0 || self->source != source)
    return FALSE;
  *offset = self->source_offset;
  *length = self->source_length;
  return TRUE;
}

void
vt_item_copy_state (VtItem *self,
                    VtItem *from)
{
  g_return_if_fail (VT_IS_ITEM (self));
  g_return_if_fail (VT_IS_ITEM (from));

  self->line = from->line;
  self->source = from->source;
  self->source_offset = from->source_offset;
  self->source_length = from->source_length;
  vt_item_set_review (self, from->review_state, from->review_changed);
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
  g_autoptr(JsonObject) json = NULL;

  g_return_val_if_fail (VT_IS_ITEM (self), NULL);

  json = vt_item_dup_json (self);

  for (guint f = 0; f < VT_N_FIELDS; f++)
    {
      const char *member = vt_field_get_member (f);
      JsonNode *node = json_object_get_member (json, member);
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
