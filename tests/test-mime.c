/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalog's file type: the shared-mime-info XML as installed, what GIO
 * makes of a catalog once it is in the MIME database, and the desktop file
 * that opens it. */

#include "vt-test-util.h"

#include <gio/gio.h>
#include <string.h>

#define CATALOG_TYPE "application/x-vitrine-catalog+json"

static char *mime_dir;   /* XDG_DATA_HOME with the MIME database built from MIME_XML */

static char *
read_sample (gsize *length)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "small-catalog.json", NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static void
test_xml_valid (void)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_auto(VtTestRun) run = { 0 };

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint (libxml2-utils) is not installed");
      return;
    }
  vt_test_run (&run, NULL, NULL, (const char *[]) { xmllint, "--noout", MIME_XML, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_guess (void)
{
  g_autofree char *data = NULL;
  g_autofree char *type = NULL;
  g_autofree char *description = NULL;
  const char *plain = "{\n  \"format\": \"something-else\",\n  \"items\": []\n}\n";
  gsize length;

  if (mime_dir == NULL)
    {
      g_test_skip ("update-mime-database (shared-mime-info) is not installed");
      return;
    }

  data = read_sample (&length);

  g_assert_true (g_content_type_is_a (CATALOG_TYPE, "application/json"));
  description = g_content_type_get_description (CATALOG_TYPE);
  g_assert_cmpstr (description, ==, "Vitrine catalog");

  /* By name alone, and by name with the content. */
  type = g_content_type_guess ("genesis.vitrine.json", NULL, 0, NULL);
  g_assert_cmpstr (type, ==, CATALOG_TYPE);
  g_clear_pointer (&type, g_free);
  type = g_content_type_guess ("genesis.vitrine.json", (const guchar *) data, length, NULL);
  g_assert_cmpstr (type, ==, CATALOG_TYPE);
  g_clear_pointer (&type, g_free);

  /* By content alone: a catalog without a name that says so. */
  type = g_content_type_guess (NULL, (const guchar *) data, length, NULL);
  g_assert_cmpstr (type, ==, CATALOG_TYPE);
  g_clear_pointer (&type, g_free);
  type = g_content_type_guess ("genesis", (const guchar *) data, length, NULL);
  g_assert_cmpstr (type, ==, CATALOG_TYPE);
  g_clear_pointer (&type, g_free);

  /* Named .json, by its content. */
  type = g_content_type_guess ("genesis.json", (const guchar *) data, length, NULL);
  g_assert_cmpstr (type, ==, CATALOG_TYPE);
  g_clear_pointer (&type, g_free);

  /* Other JSON stays JSON, whatever its name. */
  type = g_content_type_guess ("other.json", (const guchar *) plain, strlen (plain), NULL);
  g_assert_true (g_content_type_equals (type, "application/json"));
  g_clear_pointer (&type, g_free);
  type = g_content_type_guess (NULL, (const guchar *) plain, strlen (plain), NULL);
  g_assert_false (g_content_type_equals (type, CATALOG_TYPE));
}

/* What the file manager asks: the type of a file on disk, which GIO
 * guesses from its name and, the name being JSON's too, its first bytes. */
static void
test_file_type (void)
{
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  const char *plain = "{\n  \"name\": \"not a catalog\"\n}\n";
  const struct {
    const char *name;
    gboolean    catalog;
    const char *expected;
  } files[] = {
    { "genesis.json", TRUE, CATALOG_TYPE },
    { "genesis.vitrine.json", TRUE, CATALOG_TYPE },
    { "other.json", FALSE, "application/json" },
  };
  gsize length;

  if (mime_dir == NULL)
    {
      g_test_skip ("update-mime-database (shared-mime-info) is not installed");
      return;
    }

  data = read_sample (&length);
  dir = vt_test_make_tmp_dir ("vitrine-mime-files-XXXXXX");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, files[i].catalog ? data : plain,
                           files[i].catalog ? (gssize) length : -1, &error);
      g_assert_no_error (error);
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                G_FILE_QUERY_INFO_NONE, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (g_file_info_get_content_type (info), ==, files[i].expected);
    }
  vt_test_remove_tree (dir);
}

static void
test_icon (void)
{
  g_autoptr(GIcon) icon = NULL;
  const char * const *names;

  if (mime_dir == NULL)
    {
      g_test_skip ("update-mime-database (shared-mime-info) is not installed");
      return;
    }

  icon = g_content_type_get_icon (CATALOG_TYPE);
  g_assert_true (G_IS_THEMED_ICON (icon));
  names = g_themed_icon_get_names (G_THEMED_ICON (icon));
  g_assert_nonnull (names);
  g_assert_cmpstr (names[0], ==, "io.github.vitrine.Vitrine");
}

static void
test_desktop_file (void)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) types = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *action_exec = NULL;

  g_key_file_load_from_file (keys, DESKTOP_FILE, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  /* Vitrine's own type first, plain JSON kept. */
  types = g_key_file_get_string_list (keys, G_KEY_FILE_DESKTOP_GROUP,
                                      G_KEY_FILE_DESKTOP_KEY_MIME_TYPE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (types[0], ==, CATALOG_TYPE);
  g_assert_true (g_strv_contains ((const char * const *) types, "application/json"));

  /* One instance: files and options go to it through the command line,
   * so both are started with Exec, not over D-Bus. */
  exec = g_key_file_get_string (keys, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, "vitrine %F");
  g_assert_false (g_key_file_get_boolean (keys, G_KEY_FILE_DESKTOP_GROUP,
                                          G_KEY_FILE_DESKTOP_KEY_DBUS_ACTIVATABLE, NULL));
  action_exec = g_key_file_get_string (keys, "Desktop Action present",
                                       G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (action_exec, ==, "vitrine --present");
}

/* Installs MIME_XML in a new XDG_DATA_HOME and builds its database there;
 * NULL without update-mime-database. GIO reads the MIME folders once, on
 * its first look-up, so this runs before any test. */
static char *
make_mime_database (void)
{
  g_autofree char *update = g_find_program_in_path ("update-mime-database");
  g_autofree char *dir = NULL;
  g_autofree char *packages = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *mime = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  gsize length;

  if (update == NULL)
    return NULL;

  dir = vt_test_make_tmp_dir ("vitrine-mime-XXXXXX");
  mime = g_build_filename (dir, "mime", NULL);
  packages = g_build_filename (mime, "packages", NULL);
  g_assert_cmpint (g_mkdir_with_parents (packages, 0700), ==, 0);
  g_file_get_contents (MIME_XML, &xml, &length, &error);
  g_assert_no_error (error);
  copy = g_build_filename (packages, "io.github.vitrine.Vitrine.xml", NULL);
  g_file_set_contents (copy, xml, length, &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char *[]) { update, mime, NULL }, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("update-mime-database %s: %s\n%s", mime, error->message, err);

  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  /* GIO's first look-up reads the MIME databases, and GLib 2.74 loses
   * the lists it reads this second one into: made here, in the function
   * tests/lsan.supp names, so no other call carries that leak. */
  g_assert_true (g_content_type_is_a (CATALOG_TYPE, "application/json"));
  return g_steal_pointer (&dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  mime_dir = make_mime_database ();

  g_test_add_func ("/mime/xml-valid", test_xml_valid);
  g_test_add_func ("/mime/guess", test_guess);
  g_test_add_func ("/mime/file-type", test_file_type);
  g_test_add_func ("/mime/icon", test_icon);
  g_test_add_func ("/mime/desktop-file", test_desktop_file);

  status = g_test_run ();
  if (mime_dir != NULL)
    vt_test_remove_tree (mime_dir);
  g_free (mime_dir);
  return status;
}
