/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests that the settings schema and the code agree on each default and bound of vt-defaults.h. */

#include "config.h"

#include "vt-defaults.h"
#include "vt-thumbnailer.h"

#include <gio/gio.h>

/* The schema as compiled for the tests (GSETTINGS_SCHEMA_DIR). */
static GSettingsSchemaKey *
lookup_key (const char *name)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  const char *dir = g_getenv ("GSETTINGS_SCHEMA_DIR");

  g_assert_nonnull (dir);
  source = g_settings_schema_source_new_from_directory (dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);
  g_assert_true (g_settings_schema_has_key (schema, name));
  return g_settings_schema_get_key (schema, name);
}

static void
assert_range (GSettingsSchemaKey *key,
              int                 min,
              int                 max)
{
  g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
  g_autoptr(GVariant) bounds = NULL;
  const char *type;
  int lower, upper;

  g_variant_get (range, "(&sv)", &type, &bounds);
  g_assert_cmpstr (type, ==, "range");
  g_variant_get (bounds, "(ii)", &lower, &upper);
  g_assert_cmpint (lower, ==, min);
  g_assert_cmpint (upper, ==, max);
}

static void
test_tile_size (void)
{
  g_autoptr(GSettingsSchemaKey) key = lookup_key ("thumbnail-size");
  g_autoptr(GVariant) value = g_settings_schema_key_get_default_value (key);

  g_assert_cmpint (g_variant_get_int32 (value), ==, VT_TILE_DEFAULT_SIZE);
  assert_range (key, VT_TILE_MIN_SIZE, VT_TILE_MAX_SIZE);
}

static void
test_thumbnail_memory (void)
{
  g_autoptr(GSettingsSchemaKey) key = lookup_key ("thumbnail-memory");
  g_autoptr(GVariant) value = g_settings_schema_key_get_default_value (key);
  g_autoptr(GTypeClass) klass = g_type_class_ref (VT_TYPE_THUMBNAILER);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "memory-limit");

  g_assert_cmpint (g_variant_get_int32 (value), ==, VT_THUMBNAIL_MEMORY_DEFAULT_MB);

  /* A thumbnailer nobody has configured bounds its memory the same. */
  g_assert_nonnull (pspec);
  g_assert_cmpuint (G_PARAM_SPEC_UINT64 (pspec)->default_value, ==,
                    (guint64) VT_THUMBNAIL_MEMORY_DEFAULT_MB * 1024 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/defaults/schema/thumbnail-size", test_tile_size);
  g_test_add_func ("/defaults/schema/thumbnail-memory", test_thumbnail_memory);

  return g_test_run ();
}
