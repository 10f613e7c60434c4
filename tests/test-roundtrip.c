/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Round trip as a property: whatever catalog loads saves to a file that loads back with the same data. */

#include "config.h"

#include "vt-catalog.h"
#include "vt-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

/*
 * Every catalog fixture under tests/data that loads, and a few thousand
 * generated ones (seeded, so a failure repeats), go through
 * vt_catalog_save() and vt_catalog_load() again. The generator writes
 * the JSON text itself and builds beside it the tree it means, so the
 * comparison does not trust json-glib's reading of either file: every
 * member in its order, whole numbers as whole numbers, doubles to the
 * bit. Some generated catalogs hold exactly one thing a catalog cannot
 * keep (a lone surrogate, a NUL character, a number out of range, a
 * malformed escape): those must be refused at load, naming it.
 *
 * A save writes over the text of the file the catalog was loaded from,
 * copying what did not change: each catalog is also saved after an edit
 * of one piece (a member set, one removed, one added), which must
 * change those members and nothing else.
 */

#define N_GENERATED 2000
#define SEED 20240610

/* {{{ Comparing */

static void assert_same_node (JsonNode *expected, JsonNode *actual, const char *where);

static void
assert_same_object (JsonObject *expected,
                    JsonObject *actual,
                    const char *where)
{
  g_autoptr(GList) expected_names = json_object_get_members (expected);
  g_autoptr(GList) actual_names = json_object_get_members (actual);
  GList *e, *a;

  for (e = expected_names, a = actual_names; e != NULL && a != NULL; e = e->next, a = a->next)
    {
      g_autofree char *inner = g_strdup_printf ("%s.%s", where, (const char *) e->data);

      if (strcmp (e->data, a->data) != 0)
        g_error ("%s: member “%s” where “%s” was", where, (const char *) a->data, (const char *) e->data);
      assert_same_node (json_object_get_member (expected, e->data),
                        json_object_get_member (actual, a->data), inner);
    }
  if (e != NULL || a != NULL)
    g_error ("%s: %u members where %u were", where,
             g_list_length (actual_names), g_list_length (expected_names));
}

static void
assert_same_node (JsonNode   *expected,
                  JsonNode   *actual,
                  const char *where)
{
  if (JSON_NODE_TYPE (expected) != JSON_NODE_TYPE (actual))
    g_error ("%s: a %s where a %s was", where,
             json_node_type_name (actual), json_node_type_name (expected));

  switch (JSON_NODE_TYPE (expected))
    {
    case JSON_NODE_OBJECT:
      assert_same_object (json_node_get_object (expected), json_node_get_object (actual), where);
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *e = json_node_get_array (expected);
        JsonArray *a = json_node_get_array (actual);

        if (json_array_get_length (e) != json_array_get_length (a))
          g_error ("%s: %u elements where %u were", where,
                   json_array_get_length (a), json_array_get_length (e));
        for (guint i = 0; i < json_array_get_length (e); i++)
          {
            g_autofree char *inner = g_strdup_printf ("%s[%u]", where, i);

            assert_same_node (json_array_get_element (e, i), json_array_get_element (a, i), inner);
          }
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (expected) != json_node_get_value_type (actual))
        g_error ("%s: a %s where a %s was", where,
                 g_type_name (json_node_get_value_type (actual)),
                 g_type_name (json_node_get_value_type (expected)));
      switch (json_node_get_value_type (expected))
        {
        case G_TYPE_INT64:
          if (json_node_get_int (expected) != json_node_get_int (actual))
            g_error ("%s: %" G_GINT64_FORMAT " where %" G_GINT64_FORMAT " was", where,
                     json_node_get_int (actual), json_node_get_int (expected));
          break;
        case G_TYPE_DOUBLE:
          {
            double e = json_node_get_double (expected);
            double a = json_node_get_double (actual);

            /* To the bit: -0.0 is not 0.0. */
            if (memcmp (&e, &a, sizeof e) != 0)
              g_error ("%s: %.17g where %.17g was", where, a, e);
          }
          break;
        case G_TYPE_BOOLEAN:
          if (json_node_get_boolean (expected) != json_node_get_boolean (actual))
            g_error ("%s: a different boolean", where);
          break;
        case G_TYPE_STRING:
          if (strcmp (json_node_get_string (expected), json_node_get_string (actual)) != 0)
            g_error ("%s: “%.80s” where “%.80s” was", where,
                     json_node_get_string (actual), json_node_get_string (expected));
          break;
        default:
          g_assert_not_reached ();
        }
      break;

    case JSON_NODE_NULL:
      break;
    }
}

static JsonNode *
parse_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

/* A folder in memory when there is one: every save syncs to disk. */
static char *
make_work_dir (void)
{
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
    {
      g_autofree char *tmpl = g_build_filename ("/dev/shm", "vitrine-roundtrip-XXXXXX", NULL);

      if (g_mkdtemp (tmpl) != NULL)
        return g_steal_pointer (&tmpl);
    }
  return vt_test_make_tmp_dir ("vitrine-roundtrip-XXXXXX");
}

/* Edits the first numbered piece of @catalog, loaded from @path: sets
 * its title, removes one other member and adds one holding a list and
 * objects; saves (written over @path's text: see vt_json_splice()) and
 * checks the save holds @expected with just those changes, which are
 * made to @expected too. */
static void
assert_edit_round_trip (VtCatalog  *catalog,
                        const char *path,
                        const char *dir,
                        JsonNode   *expected)
{
  static const char title[] = "Edited \"title\"\\ \xc3\xa9 \x1f\n";
  static const char added_json[] = "{\"list\": [1, 2.5, \"x\", null, true], \"empty\": {}, \"none\": []}";
  g_autofree char *edited_path = g_build_filename (dir, "edited.json", NULL);
  g_autoptr(GFile) edited_file = g_file_new_for_path (edited_path);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(VtItem) edited = NULL;
  g_autoptr(VtItem) item = NULL;
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) names = NULL;
  g_autofree char *removed = NULL;
  JsonObject *expected_piece;

  for (guint i = 0; item == NULL && i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(VtItem) candidate = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      guint number = vt_item_get_number (candidate);

      if (number > 0 && vt_catalog_lookup (catalog, number) == candidate)
        item = g_steal_pointer (&candidate);
    }
  if (item == NULL)
    return;

  expected_piece = json_array_get_object_element (json_object_get_array_member (json_node_get_object (expected), "items"),
                                                  (guint) vt_item_get_index (item));
  names = json_object_get_members (expected_piece);
  for (GList *l = names; l != NULL && removed == NULL; l = l->next)
    if (strcmp (l->data, "number") != 0 && strcmp (l->data, "title") != 0)
      removed = g_strdup (l->data);

  object = vt_item_dup_json (item);
  json_object_set_string_member (object, "title", title);
  if (removed != NULL)
    json_object_remove_member (object, removed);
  json_object_set_member (object, "added", json_from_string (added_json, NULL));
  edited = vt_item_new_from_json (object, vt_catalog_get_base_dir (catalog), NULL);
  vt_catalog_put_item (catalog, edited);
  g_assert_true (vt_catalog_save (catalog, edited_file, &error));
  g_assert_no_error (error);

  json_object_set_string_member (expected_piece, "title", title);
  if (removed != NULL)
    json_object_remove_member (expected_piece, removed);
  json_object_set_member (expected_piece, "added", json_from_string (added_json, NULL));
  saved = parse_file (edited_path);
  assert_same_node (expected, saved, path);
}

/* Loads @path, saves it elsewhere, loads that, and checks both saves
 * hold @expected (or, without it, what json-glib reads from @path);
 * then the same after an edit. */
static void
assert_round_trip (const char *path,
                   const char *dir,
                   JsonNode   *expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved_path = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved_path);
  g_autofree char *again_path = g_build_filename (dir, "again.json", NULL);
  g_autoptr(GFile) again_file = g_file_new_for_path (again_path);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(VtCatalog) again = vt_catalog_new ();
  g_autoptr(JsonNode) original = NULL;
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonNode) saved_again = NULL;
  g_autoptr(GError) error = NULL;

  if (!vt_catalog_load (catalog, file, NULL, &error))
    g_error ("%s does not load: %s", path, error->message);
  original = expected != NULL ? json_node_ref (expected) : parse_file (path);

  g_assert_true (vt_catalog_save (catalog, saved_file, &error));
  g_assert_no_error (error);
  if (!vt_catalog_load (again, saved_file, NULL, &error))
    g_error ("%s saved does not load again: %s", path, error->message);
  g_assert_true (vt_catalog_save (again, again_file, &error));
  g_assert_no_error (error);

  saved = parse_file (saved_path);
  assert_same_node (original, saved, path);
  saved_again = parse_file (again_path);
  assert_same_node (original, saved_again, path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (catalog)));

  assert_edit_round_trip (catalog, path, dir, original);
}

/* }}} */
/* {{{ Fixtures */

static void
collect_fixtures (const char *dir,
                  GPtrArray  *paths)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_fixtures (path, paths);
      else if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
test_fixtures (void)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = make_work_dir ();
  guint n_loaded = 0;

  collect_fixtures (TEST_DATA_DIR, paths);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(VtCatalog) catalog = vt_catalog_new ();

      if (!vt_catalog_load (catalog, file, NULL, NULL))
        continue;
      g_test_message ("%s", path);
      assert_round_trip (path, dir, NULL);
      n_loaded++;
    }
  /* small-catalog.json, the edge cases and more. */
  g_assert_cmpuint (n_loaded, >=, 5);
  vt_test_remove_tree (dir);
}

/* }}} */
/* {{{ Generated catalogs */

typedef enum
{
  FLAW_NONE,
  FLAW_LONE_HIGH_SURROGATE,
  FLAW_LONE_LOW_SURROGATE,
  FLAW_NUL,
  FLAW_SHORT_ESCAPE,
  FLAW_UNKNOWN_ESCAPE,
  FLAW_INTEGER_TOO_LARGE,
  FLAW_INTEGER_TOO_SMALL,
  FLAW_DOUBLE_OVERFLOW,
  FLAW_DOUBLE_UNDERFLOW,
  N_FLAWS
} Flaw;

/* What the load's message says for each flaw. */
static const char * const flaw_messages[N_FLAWS] = {
  [FLAW_LONE_HIGH_SURROGATE] = "lone surrogate",
  [FLAW_LONE_LOW_SURROGATE] = "lone surrogate",
  [FLAW_NUL] = "NUL character",
  [FLAW_SHORT_ESCAPE] = "four hexadecimal digits",
  [FLAW_UNKNOWN_ESCAPE] = "is not an escape",
  [FLAW_INTEGER_TOO_LARGE] = "does not fit in 64 bits",
  [FLAW_INTEGER_TOO_SMALL] = "does not fit in 64 bits",
  [FLAW_DOUBLE_OVERFLOW] = "is too large",
  [FLAW_DOUBLE_UNDERFLOW] = "is too small",
};

typedef struct
{
  GRand   *rand;
  GString *text;
  Flaw     flaw;          /* to write at the next chance, then FLAW_NONE */
  guint    n_keys;        /* makes every key unique */
} Gen;

static gboolean
chance (Gen    *gen,
        double  p)
{
  return g_rand_double (gen->rand) < p;
}

/* Writes @c (a character, not a surrogate) in one of the ways JSON allows. */
static void
write_char (Gen      *gen,
            gunichar  c)
{
  static const char shorts[][2] = { { '"', '"' }, { '\\', '\\' }, { '/', '/' }, { '\b', 'b' },
                                     { '\f', 'f' }, { '\n', 'n' }, { '\r', 'r' }, { '\t', 't' } };

  for (guint i = 0; i < G_N_ELEMENTS (shorts); i++)
    if (c == (gunichar) shorts[i][0] && (c != '/' || chance (gen, 0.5)))
      {
        g_string_append_c (gen->text, '\\');
        g_string_append_c (gen->text, shorts[i][1]);
        return;
      }

  if (c < 0x20 || chance (gen, 0.1))
    {
      if (c > 0xffff)
        {
          gunichar v = c - 0x10000;

          g_string_append_printf (gen->text, chance (gen, 0.5) ? "\\u%04x\\u%04x" : "\\u%04X\\u%04X",
                                  0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
        }
      else
        g_string_append_printf (gen->text, chance (gen, 0.5) ? "\\u%04x" : "\\u%04X", c);
    }
  else
    g_string_append_unichar (gen->text, c);
}

static gunichar
random_char (Gen *gen)
{
  static const gunichar specials[] = { '"', '\\', '/', '\b', '\f', '\n', '\r', '\t', 0x01, 0x1f,
                                       0x7f, 0x80, 0xe9, 0x2028, 0xfeff, 0xfffd, 0xffff,
                                       0x1f600, 0x1d11e, 0x10ffff, 0x5d0, 0x65e5 };

  switch (g_rand_int_range (gen->rand, 0, 4))
    {
    case 0:
      return specials[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (specials))];
    case 1:
      {
        gunichar c;

        /* Any character of any plane, surrogates excepted. */
        do
          c = (gunichar) g_rand_int_range (gen->rand, 1, 0x110000);
        while (c >= 0xd800 && c <= 0xdfff);
        return c;
      }
    default:
      return (gunichar) g_rand_int_range (gen->rand, 0x20, 0x7f);
    }
}

/* Writes a flaw inside a string; FALSE for flaws that are numbers. */
static gboolean
write_string_flaw (Gen *gen)
{
  switch (gen->flaw)
    {
    case FLAW_LONE_HIGH_SURROGATE:
      g_string_append (gen->text, chance (gen, 0.5) ? "\\ud83d" : "\\uDBFF x");
      break;
    case FLAW_LONE_LOW_SURROGATE:
      g_string_append (gen->text, chance (gen, 0.5) ? "\\ude00" : "\\ud83d\\ude00\\udc00");
      break;
    case FLAW_NUL:
      g_string_append (gen->text, "\\u0000");
      break;
    case FLAW_SHORT_ESCAPE:
      g_string_append (gen->text, chance (gen, 0.5) ? "\\u12" : "\\u00g9");
      break;
    case FLAW_UNKNOWN_ESCAPE:
      g_string_append (gen->text, chance (gen, 0.5) ? "\\x41" : "\\a");
      break;
    default:
      return FALSE;
    }
  gen->flaw = FLAW_NONE;
  return TRUE;
}

/* A string written into the text, returned as it reads. */
static char *
write_string (Gen   *gen,
              guint  max_length)
{
  GString *value = g_string_new (NULL);
  guint length = g_rand_int_range (gen->rand, 0, (gint32) max_length + 1);

  if (max_length > 8 && chance (gen, 0.01))
    length = g_rand_int_range (gen->rand, 4096, 70000);    /* a long one */

  g_string_append_c (gen->text, '"');
  for (guint i = 0; i < length; i++)
    {
      gunichar c = random_char (gen);

      if (gen->flaw != FLAW_NONE && chance (gen, 0.05) && write_string_flaw (gen))
        continue;
      write_char (gen, c);
      g_string_append_unichar (value, c);
    }
  g_string_append_c (gen->text, '"');
  return g_string_free (value, FALSE);
}

static JsonNode *
write_number (Gen *gen)
{
  static const gint64 integers[] = { 0, 1, -1, G_MAXINT64, G_MININT64, G_MAXINT32, G_MININT32,
                                     (gint64) 1 << 53, ((gint64) 1 << 53) + 1, 1956, 100 };
  static const double doubles[] = { 0.0, -0.0, 0.1, -0.5, 1e22, 3e20, 1e17, 1e-7, 5e-324, -5e-324,
                                    2.2250738585072014e-308, 1.7976931348623157e308,
                                    -1.7976931348623157e308, 9007199254740993.0, 0.7, 12.045 };
  JsonNode *node = json_node_alloc ();

  switch (gen->flaw)
    {
    case FLAW_INTEGER_TOO_LARGE:
      g_string_append (gen->text, chance (gen, 0.5) ? "9223372036854775808" : "99999999999999999999999");
      gen->flaw = FLAW_NONE;
      return json_node_init_null (node);
    case FLAW_INTEGER_TOO_SMALL:
      g_string_append (gen->text, "-9223372036854775809");
      gen->flaw = FLAW_NONE;
      return json_node_init_null (node);
    case FLAW_DOUBLE_OVERFLOW:
      g_string_append (gen->text, chance (gen, 0.5) ? "1e400" : "-1.7976931348623159e308");
      gen->flaw = FLAW_NONE;
      return json_node_init_null (node);
    case FLAW_DOUBLE_UNDERFLOW:
      g_string_append (gen->text, chance (gen, 0.5) ? "1e-400" : "-2e-324");
      gen->flaw = FLAW_NONE;
      return json_node_init_null (node);
    default:
      break;
    }

  if (chance (gen, 0.5))
    {
      gint64 value;

      if (chance (gen, 0.5))
        value = integers[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (integers))];
      else
        value = (gint64) (((guint64) g_rand_int (gen->rand) << 32) | g_rand_int (gen->rand))
                >> g_rand_int_range (gen->rand, 0, 64);
      g_string_append_printf (gen->text, "%" G_GINT64_FORMAT, value);
      return json_node_init_int (node, value);
    }
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      double value;

      if (chance (gen, 0.5))
        value = doubles[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (doubles))];
      else
        {
          /* Any finite double, by its bits. */
          guint64 bits;

          do
            {
              bits = ((guint64) g_rand_int (gen->rand) << 32) | g_rand_int (gen->rand);
              memcpy (&value, &bits, sizeof value);
            }
          while (!isfinite (value));
        }
      g_ascii_formatd (buffer, sizeof buffer, chance (gen, 0.5) ? "%.17g" : "%.17E", value);
      g_string_append (gen->text, buffer);
      /* Read as a double only with a point or an exponent. */
      if (strpbrk (buffer, ".eE") == NULL)
        g_string_append (gen->text, ".0");
      return json_node_init_double (node, value);
    }
}

static JsonNode *write_value (Gen *gen, guint depth);

/* A key the object does not have yet. */
static char *
write_key (Gen *gen)
{
  g_autofree char *part = NULL;
  char *key;

  part = write_string (gen, 6);
  /* Before the closing quote. */
  g_string_truncate (gen->text, gen->text->len - 1);
  g_string_append_printf (gen->text, "~%u\"", gen->n_keys);
  key = g_strdup_printf ("%s~%u", part, gen->n_keys);
  gen->n_keys++;
  return key;
}

static void
write_members (Gen        *gen,
               JsonObject *object,
               guint       n,
               guint       depth,
               gboolean    first)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = NULL;

      if (!first || i > 0)
        g_string_append (gen->text, chance (gen, 0.5) ? ", " : ",\n ");
      key = write_key (gen);
      g_string_append (gen->text, chance (gen, 0.5) ? ": " : ":");
      json_object_set_member (object, key, write_value (gen, depth + 1));
    }
}

static JsonNode *
write_value (Gen   *gen,
             guint  depth)
{
  JsonNode *node;
  guint kind = g_rand_int_range (gen->rand, 0, depth < 6 ? 8 : 6);

  /* Now and then a deep chain, well inside the loader's limit. */
  if (depth < 3 && chance (gen, 0.01))
    {
      guint levels = g_rand_int_range (gen->rand, 50, 200);
      JsonNode *inner = json_node_init_int (json_node_alloc (), levels);

      for (guint i = 0; i < levels; i++)
        g_string_append_c (gen->text, '[');
      g_string_append_printf (gen->text, "%u", levels);
      for (guint i = 0; i < levels; i++)
        {
          JsonArray *array = json_array_new ();

          g_string_append_c (gen->text, ']');
          json_array_add_element (array, inner);
          inner = json_node_init_array (json_node_alloc (), array);
          json_array_unref (array);
        }
      return inner;
    }

  switch (kind)
    {
    case 0:
      g_string_append (gen->text, "null");
      return json_node_init_null (json_node_alloc ());
    case 1:
      {
        gboolean value = chance (gen, 0.5);

        g_string_append (gen->text, value ? "true" : "false");
        return json_node_init_boolean (json_node_alloc (), value);
      }
    case 2:
    case 3:
      return write_number (gen);
    case 4:
    case 5:
      {
        g_autofree char *value = write_string (gen, 24);

        return json_node_init_string (json_node_alloc (), value);
      }
    case 6:
      {
        JsonArray *array = json_array_new ();
        guint n = g_rand_int_range (gen->rand, 0, 5);

        g_string_append_c (gen->text, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append (gen->text, ", ");
            json_array_add_element (array, write_value (gen, depth + 1));
          }
        g_string_append_c (gen->text, ']');
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return node;
      }
    default:
      {
        JsonObject *object = json_object_new ();

        g_string_append_c (gen->text, '{');
        write_members (gen, object, g_rand_int_range (gen->rand, 0, 5), depth, TRUE);
        g_string_append_c (gen->text, '}');
        node = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return node;
      }
    }
}

/* A catalog with unknown members at every level; its text goes to
 * gen->text, the tree it means is returned. */
static JsonNode *
write_catalog (Gen *gen)
{
  JsonObject *root = json_object_new ();
  JsonObject *collection = json_object_new ();
  JsonArray *items = json_array_new ();
  guint n_items = g_rand_int_range (gen->rand, 0, 5);
  JsonNode *node;

  g_string_append (gen->text, "{\"format\": \"vitrine-catalog\", \"version\": 1");
  json_object_set_string_member (root, "format", "vitrine-catalog");
  json_object_set_int_member (root, "version", 1);
  write_members (gen, root, g_rand_int_range (gen->rand, 0, 3), 1, FALSE);

  g_string_append (gen->text, ",\n \"collection\": {\"name\": ");
  {
    g_autofree char *name = write_string (gen, 30);

    json_object_set_string_member (collection, "name", name);
  }
  write_members (gen, collection, g_rand_int_range (gen->rand, 0, 3), 2, FALSE);
  g_string_append_c (gen->text, '}');
  json_object_set_object_member (root, "collection", collection);

  g_string_append (gen->text, ",\n \"items\": [");
  for (guint i = 0; i < n_items; i++)
    {
      JsonObject *item = json_object_new ();
      g_autofree char *title = NULL;

      if (i > 0)
        g_string_append (gen->text, ",\n  ");
      g_string_append_printf (gen->text, "{\"number\": %u, \"title\": ", i + 1);
      json_object_set_int_member (item, "number", i + 1);
      title = write_string (gen, 60);
      json_object_set_string_member (item, "title", title);
      write_members (gen, item, g_rand_int_range (gen->rand, 0, 4), 3, FALSE);
      g_string_append_c (gen->text, '}');
      json_array_add_object_element (items, item);
    }
  g_string_append (gen->text, "]");
  json_object_set_array_member (root, "items", items);

  /* The flaw's last chance: a member of its own. */
  if (gen->flaw != FLAW_NONE)
    {
      g_string_append (gen->text, ",\n \"flaw\": ");
      if (gen->flaw <= FLAW_UNKNOWN_ESCAPE)
        {
          g_string_append_c (gen->text, '"');
          write_string_flaw (gen);
          g_string_append_c (gen->text, '"');
        }
      else
        json_node_unref (write_number (gen));
    }
  g_assert_cmpint (gen->flaw, ==, FLAW_NONE);

  g_string_append (gen->text, "}\n");
  node = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);
  return node;
}

static void
test_generated (void)
{
  g_autofree char *dir = make_work_dir ();
  g_autofree char *path = g_build_filename (dir, "generated.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Gen gen = { g_rand_new_with_seed (SEED), g_string_new (NULL), FLAW_NONE, 0 };
  guint n_refused = 0;

  for (guint i = 0; i < N_GENERATED; i++)
    {
      g_autoptr(JsonNode) expected = NULL;
      Flaw flaw = chance (&gen, 0.2) ? (Flaw) g_rand_int_range (gen.rand, 1, N_FLAWS) : FLAW_NONE;

      g_string_truncate (gen.text, 0);
      gen.flaw = flaw;
      expected = write_catalog (&gen);
      g_assert_true (g_file_set_contents (path, gen.text->str, (gssize) gen.text->len, NULL));

      if (flaw != FLAW_NONE)
        {
          g_autoptr(VtCatalog) catalog = vt_catalog_new ();
          g_autoptr(GError) error = NULL;

          if (vt_catalog_load (catalog, file, NULL, &error))
            g_error ("catalog %u (flaw %d) loaded:\n%s", i, flaw, gen.text->str);
          if (!g_regex_match_simple ("generated\\.json:[0-9]+:[0-9]+: ", error->message, 0, 0)
              || strstr (error->message, flaw_messages[flaw]) == NULL)
            g_error ("catalog %u (flaw %d): “%s”", i, flaw, error->message);
          n_refused++;
        }
      else
        assert_round_trip (path, dir, expected);
    }

  g_test_message ("%u generated catalogs, %u refused", N_GENERATED, n_refused);
  g_assert_cmpuint (n_refused, >, N_GENERATED / 10);
  g_rand_free (gen.rand);
  g_string_free (gen.text, TRUE);
  vt_test_remove_tree (dir);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roundtrip/fixtures", test_fixtures);
  g_test_add_func ("/roundtrip/generated", test_generated);

  return g_test_run ();
}
