/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile files: huge, endless, binary or strange catalogs, images and pages, through the core and vitrine-cli. */

#include "config.h"

#include "vt-catalog.h"
#include "vt-image-decode.h"
#include "vt-thumbnailer.h"
#include "vt-test-util.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Each case is a file someone could hand Vitrine: the small ones are
 * under tests/data/hostile/, the big ones are written here into a
 * temporary folder. Every program run goes through timeout(1): a hang
 * fails the test instead of blocking the suite.
 */

#define RUN_TIMEOUT "30"

typedef struct
{
  char *tmp;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->tmp = vt_test_make_tmp_dir ("vitrine-hostile-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vt_test_remove_tree (fixture->tmp);
  g_free (fixture->tmp);
}

static char *
tmp_path (Fixture    *fixture,
          const char *name)
{
  return g_build_filename (fixture->tmp, name, NULL);
}

/* vitrine-cli with @args (NULL-terminated), in @cwd, with XDG_CACHE_HOME
 * in @cwd, stopped after RUN_TIMEOUT seconds. */
static void
run_cli (VtTestRun          *run,
         const char         *cwd,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *cache = g_build_filename (cwd, "cache", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_CACHE_HOME", cache, TRUE);
  const char *cli = g_getenv ("VITRINE_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) "timeout");
  g_ptr_array_add (argv, (gpointer) RUN_TIMEOUT);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  /* vt_test_run wants argv[0] a path: timeout(1) is looked up here. */
  g_ptr_array_index (argv, 0) = g_find_program_in_path ("timeout");
  g_assert_nonnull (g_ptr_array_index (argv, 0));
  vt_test_run (run, cwd, (const char * const *) envp, (const char * const *) argv->pdata);
  g_free (g_ptr_array_index (argv, 0));
  /* timeout(1) exits 124 when it had to stop the program. */
  g_assert_cmpint (run->status, !=, 124);
}

#define RUN(run, cwd, ...) run_cli ((run), (cwd), (const char * const []) { __VA_ARGS__, NULL })

static VtCatalog *
load_catalog (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();

  if (!vt_catalog_load (catalog, file, NULL, error))
    return NULL;
  return g_steal_pointer (&catalog);
}

/* Saves @catalog next to @path, loads the copy and checks it saves the same. */
static void
assert_round_trip (VtCatalog  *catalog,
                   const char *path)
{
  g_autofree char *saved_path = g_strconcat (path, ".saved.json", NULL);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved_path);
  g_autoptr(VtCatalog) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize length, length_again;

  g_assert_true (vt_catalog_save (catalog, saved_file, &error));
  g_assert_no_error (error);
  reloaded = load_catalog (saved_path, &error);
  g_assert_no_error (error);
  saved = vt_catalog_to_data (catalog, &length);
  saved_again = vt_catalog_to_data (reloaded, &length_again);
  g_assert_cmpmem (saved, length, saved_again, length_again);
}

/* A catalog of one piece whose members after "number" are @members. */
static char *
one_piece_catalog (const char *members)
{
  return g_strdup_printf ("{\"format\": \"vitrine-catalog\", \"version\": 1,\n"
                          " \"items\": [\n"
                          "  {\"number\": 1, %s}\n"
                          " ]}\n", members);
}

static glong
peak_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* ---- catalogs ---- */

/* Registered first: the process's peak memory would hide a whole read. */
static void
test_catalog_huge_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = tmp_path (fixture, "huge.json");
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  VtTestRun run = { 0 };
  glong rss_before;
  int fd;

  /* A sparse gigabyte: no disk spent. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 1000 * 1000 * 1000), ==, 0);
  g_close (fd, NULL);

  rss_before = peak_rss_kb ();
  catalog = load_catalog (path, &error);
  g_assert_null (catalog);
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_TOO_BIG);
  vt_test_assert_contains (error->message, "huge.json");
  vt_test_assert_contains (error->message, "more than the limit of 512.0\u00a0MB");
  /* Refused from its size: nothing of it was read. */
  g_assert_cmpint (peak_rss_kb () - rss_before, <, 64 * 1024);

  RUN (&run, fixture->tmp, "validate", "huge.json");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "huge.json: the file is 1.0\u00a0GB, more than the limit of 512.0\u00a0MB");
  vt_test_run_clear (&run);
}

/* @value in decimal: printf() would take most of a big file's making. */
static void
append_uint (GString *out,
             guint    value)
{
  char digits[16];
  char *p = digits + sizeof digits;

  do
    *--p = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  g_string_append_len (out, p, digits + sizeof digits - p);
}

/* Minimal pieces, @n of them, into @path. */
static void
write_many_pieces (const char *path,
                   guint       n)
{
  GString *out = g_string_sized_new ((gsize) n * 40);

  g_string_append (out, "{\"format\": \"vitrine-catalog\", \"version\": 1, \"items\": [\n");
  for (guint i = 1; i <= n; i++)
    {
      g_string_append (out, "{\"number\": ");
      append_uint (out, i);
      g_string_append (out, ", \"title\": \"Piece ");
      append_uint (out, i);
      g_string_append (out, i < n ? "\"},\n" : "\"}\n");
    }
  g_string_append (out, "]}\n");
  vt_test_write_file (path, out->str, (gssize) out->len);
  g_string_free (out, TRUE);
}

static void
test_catalog_million_items (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = tmp_path (fixture, "million.json");
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  VtTestRun run = { 0 };

  write_many_pieces (path, 1000000);

  catalog = load_catalog (path, &error);
  g_assert_null (catalog);
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_TOO_BIG);
  vt_test_assert_contains (error->message, "million.json: the catalog has 1000000 pieces, more than the 100000");

  RUN (&run, fixture->tmp, "query", "million.json");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "million.json: the catalog has 1000000 pieces");
  g_assert_cmpstr (run.out, ==, "");
  vt_test_run_clear (&run);
}

static void
test_catalog_items_at_limit (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = tmp_path (fixture, "limit.json");
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  write_many_pieces (path, VT_CATALOG_MAX_ITEMS);
  catalog = load_catalog (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, VT_CATALOG_MAX_ITEMS);
}

/* A 100 MB title: below the size limit, it loads and saves whole. */
static void
test_catalog_long_string (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = tmp_path (fixture, "long.json");
  g_autofree char *title = g_strnfill (100 * 1000 * 1000, 'x');
  g_autofree char *members = g_strdup_printf ("\"title\": \"%s\"", title);
  g_autofree char *json = one_piece_catalog (members);
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(VtItem) item = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&members, g_free);
  vt_test_write_file (path, json, -1);
  g_clear_pointer (&json, g_free);

  catalog = load_catalog (path, &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  g_assert_cmpstr (vt_item_get_title (item), ==, title);
  assert_round_trip (catalog, path);
}

/* Numbers json-glib cannot hold: refused with a message, or kept as written. */
static void
test_catalog_big_numbers (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const cases[] = {
    "\"title\": \"x\", \"kept\": 99999999999999999999999",
    "\"title\": \"x\", \"kept\": -99999999999999999999999",
    "\"title\": \"x\", \"kept\": 18446744073709551616",
    "\"title\": \"x\", \"kept\": 1e400",
    "\"title\": \"x\", \"kept\": -1e400",
    "\"title\": \"x\", \"impact\": 99999999999999999999999",
    "\"title\": \"x\", \"year\": 1e308",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("numbers-%u.json", i);
      g_autofree char *path = tmp_path (fixture, name);
      g_autofree char *json = one_piece_catalog (cases[i]);
      g_autoptr(VtCatalog) catalog = NULL;
      g_autoptr(GError) error = NULL;

      vt_test_write_file (path, json, -1);
      catalog = load_catalog (path, &error);
      if (catalog == NULL)
        {
          g_assert_true (error->domain == VT_CATALOG_ERROR);
          vt_test_assert_contains (error->message, name);
          continue;
        }
      assert_round_trip (catalog, path);
    }
}

/* @escaped in a title and in a member the program does not know reads
 * as @text, and saves to a file that loads back the same. */
static void
assert_escape_round_trip (Fixture    *fixture,
                          const char *escaped,
                          const char *text)
{
  g_autofree char *path = tmp_path (fixture, "escape.json");
  g_autofree char *members = g_strdup_printf ("\"title\": \"a%sb\", \"note\": \"%s\"",
                                              escaped, escaped);
  g_autofree char *json = one_piece_catalog (members);
  g_autofree char *expected = g_strdup_printf ("a%sb", text);
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(VtItem) item = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;

  g_test_message ("%s", escaped);
  vt_test_write_file (path, json, -1);
  catalog = load_catalog (path, &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  g_assert_cmpstr (vt_item_get_title (item), ==, expected);
  object = vt_item_dup_json (item);
  g_assert_cmpstr (json_object_get_string_member (object, "note"), ==, text);
  assert_round_trip (catalog, path);
}

/* Every escape JSON has, and characters beyond the Basic Multilingual Plane. */
static void
test_catalog_escapes (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct
  {
    const char *escaped;
    const char *text;
  } cases[] = {
    { "\\\"", "\"" }, { "\\\\", "\\" }, { "\\/", "/" }, { "\\b", "\b" },
    { "\\f", "\f" }, { "\\n", "\n" }, { "\\r", "\r" }, { "\\t", "\t" },
    { "\\u0041", "A" }, { "\\u00e9", "é" }, { "\\u20AC", "€" }, { "\\uFFFD", "\xEF\xBF\xBD" },
    { "\\u007f", "\x7f" }, { "\\ud83d\\ude00", "😀" }, { "\\uD834\\uDD1E", "𝄞" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_escape_round_trip (fixture, cases[i].escaped, cases[i].text);
}

/* The control characters without a short escape, which json-glib 1.6
 * writes raw: the save writes them escaped, or the load refuses them. */
static void
test_catalog_control_escapes (Fixture       *fixture,
                              gconstpointer  data)
{
  for (char c = 0x01; c < 0x20; c++)
    {
      g_autofree char *escaped = g_strdup_printf ("\\u%04x", (guint) c);
      char text[2] = { c, '\0' };

      assert_escape_round_trip (fixture, escaped, text);
    }
}

/* What UTF-8 cannot hold: refused with a message, never changed. */
static void
test_catalog_unrepresentable_escapes (Fixture       *fixture,
                                      gconstpointer  data)
{
  static const char * const cases[] = {
    "\"title\": \"A\\u0000hidden\"",
    "\"title\": \"x\", \"note\": \"\\ud800\"",
    "\"title\": \"x\", \"note\": \"\\ud800b\"",
    "\"title\": \"x\", \"note\": \"\\udc00\"",
    "\"title\": \"x\", \"note\": \"\\ude00\\ud83d\"",
    /* json-glib 1.6 also leaks memory on this one */
    "\"title\": \"x\", \"note\": \"\\ud83d\\ud800\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("unrepresentable-%u.json", i);
      g_autofree char *path = tmp_path (fixture, name);
      g_autofree char *json = one_piece_catalog (cases[i]);
      g_autoptr(VtCatalog) catalog = NULL;
      g_autoptr(GError) error = NULL;

      vt_test_write_file (path, json, -1);
      catalog = load_catalog (path, &error);
      g_assert_null (catalog);
      g_assert_true (error->domain == VT_CATALOG_ERROR);
      vt_test_assert_contains (error->message, name);
    }
}

/* ---- images ---- */

typedef struct
{
  const char *name;     /* in tests/data/hostile/images, or made by images_set_up() */
  int         code;     /* VtThumbnailerError; -1 when it decodes */
  const char *says;     /* part of the message, after the name */
} ImageCase;

static const ImageCase image_cases[] = {
  { "png-named.jpg", -1, NULL },
  { "text.jpg", VT_THUMBNAILER_ERROR_UNSUPPORTED, "is not an image in a format Vitrine opens" },
  { "icon.xpm", VT_THUMBNAILER_ERROR_UNSUPPORTED, "is in the XPM format" },
  { "picture.tga", VT_THUMBNAILER_ERROR_UNSUPPORTED, "is in the TGA format" },
  { "icon.ico", VT_THUMBNAILER_ERROR_UNSUPPORTED, "is in the ICO format" },
  { "drawing.svg", VT_THUMBNAILER_ERROR_UNSUPPORTED, "is in the SVG format" },
  { "empty.png", VT_THUMBNAILER_ERROR_EMPTY, "is empty (0 bytes)" },
  { "bmp-huge-header.bmp", VT_THUMBNAILER_ERROR_CORRUPT, "is damaged or truncated" },
  { "bmp-far-pixels.bmp", VT_THUMBNAILER_ERROR_CORRUPT, "is damaged or truncated" },
  { "gif-gigapixels.gif", VT_THUMBNAILER_ERROR_TOO_LARGE,
    "declares 55551 × 57599 pixels, more than the 100 megapixels" },
  { "fifo.jpg", VT_THUMBNAILER_ERROR_NOT_REGULAR, "is not a regular file" },
  { "loop.jpg", VT_THUMBNAILER_ERROR_NOT_FOUND, "is a symbolic link that leads back to itself" },
  { "zero.jpg", VT_THUMBNAILER_ERROR_NOT_REGULAR, "is not a regular file" },
  { "device.jpg", VT_THUMBNAILER_ERROR_NOT_REGULAR, "is not a regular file" },
};

/* The hostile images in @dir: the files, a fifo, a symlink loop, and
 * links to /dev/zero and to a device that reads as empty. */
static void
images_set_up (const char *dir)
{
  g_autofree char *source = g_build_filename (TEST_DATA_DIR, "hostile", "images", NULL);
  g_autoptr(GDir) files = g_dir_open (source, 0, NULL);
  const char *name;

  g_assert_nonnull (files);
  while ((name = g_dir_read_name (files)) != NULL)
    {
      g_autofree char *from = g_build_filename (source, name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      vt_test_write_file (to, contents, (gssize) length);
    }

#define IN_DIR(name) g_autofree char *name = g_build_filename (dir, #name ".jpg", NULL)
  {
    IN_DIR (fifo);
    IN_DIR (loop);
    IN_DIR (zero);
    IN_DIR (device);

    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    g_assert_cmpint (symlink ("loop.jpg", loop), ==, 0);
    g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
    g_assert_cmpint (symlink ("/dev/null", device), ==, 0);
  }
#undef IN_DIR
}

static void
assert_image_error (const ImageCase *image,
                    const GError    *error,
                    const char      *path)
{
  g_autofree char *named = g_strdup_printf ("“%s”", path);

  if (image->code == -1)
    {
      g_assert_no_error (error);
      return;
    }
  g_assert_error (error, VT_THUMBNAILER_ERROR, image->code);
  vt_test_assert_contains (error->message, named);
  vt_test_assert_contains (error->message, image->says);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Load;

static void
on_load_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      data)
{
  Load *load = data;
  g_autoptr(GdkPixbuf) picture = NULL;

  picture = vt_thumbnailer_load_finish (VT_THUMBNAILER (object), result, &load->error);
  g_assert_true ((picture == NULL) == (load->error != NULL));
  load->done = TRUE;
}

/* Through the thumbnailer, as the window asks for a tile. */
static void
test_image_thumbnailer (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *cache = tmp_path (fixture, "thumbnails");
  g_autoptr(VtThumbnailer) thumbnailer = g_object_new (VT_TYPE_THUMBNAILER,
                                                       "cache-dir", cache, NULL);

  images_set_up (fixture->tmp);
  for (guint i = 0; i < G_N_ELEMENTS (image_cases); i++)
    {
      g_autofree char *path = tmp_path (fixture, image_cases[i].name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      Load load = { FALSE, NULL };

      g_test_message ("%s", image_cases[i].name);
      vt_thumbnailer_load_async (thumbnailer, file, 256, NULL, on_load_cb, &load);
      WAIT_UNTIL (load.done);
      assert_image_error (&image_cases[i], load.error, path);
      g_clear_error (&load.error);
    }
  g_assert_finalize_object (g_steal_pointer (&thumbnailer));
}

/* The bytes alone, as the fuzz target reads them: what a file's type
 * does not already refuse is told from its first bytes. */
static void
test_image_bytes (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (image_cases); i++)
    {
      const ImageCase *image = &image_cases[i];
      g_autofree char *path = g_build_filename (TEST_DATA_DIR, "hostile", "images", image->name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GdkPixbuf) picture = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      if (image->code == VT_THUMBNAILER_ERROR_NOT_REGULAR
          || image->code == VT_THUMBNAILER_ERROR_NOT_FOUND)
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      picture = vt_image_decode_data ((const guchar *) contents, length, path, 256,
                                      NULL, NULL, NULL, &error);
      assert_image_error (image, error, path);
      g_assert_true ((picture == NULL) == (error != NULL));
    }
}

/* A catalog of one piece per hostile image, in @dir. */
static void
write_image_catalog (const char *dir)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"vitrine-catalog\", \"version\": 1,\n"
                                          " \"collection\": {\"name\": \"Hostile\", \"total\": 100},\n"
                                          " \"items\": [\n");
  g_autofree char *path = g_build_filename (dir, "catalog.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (image_cases); i++)
    g_string_append_printf (json, "%s  {\"number\": %u, \"title\": \"Piece %u\", \"image\": \"%s\"}",
                            i > 0 ? ",\n" : "", i + 1, i + 1, image_cases[i].name);
  g_string_append (json, "\n ]}\n");
  vt_test_write_file (path, json->str, -1);
}

/* Whether @image is a link that leads out of the catalog's folder. */
static gboolean
image_leads_outside (const ImageCase *image)
{
  return strcmp (image->name, "zero.jpg") == 0 || strcmp (image->name, "device.jpg") == 0;
}

static void
test_image_cli_thumbnails (Fixture       *fixture,
                           gconstpointer  data)
{
  VtTestRun run = { 0 };

  images_set_up (fixture->tmp);
  write_image_catalog (fixture->tmp);

  /* The links to devices lead out of the catalog's folder: not opened. */
  RUN (&run, fixture->tmp, "thumbnails", "catalog.json");
  g_assert_cmpint (run.status, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (image_cases); i++)
    if (image_leads_outside (&image_cases[i]))
      {
        g_autofree char *line = g_strdup_printf ("(Piece %u): “%s” is outside the catalog’s folder",
                                                 i + 1, image_cases[i].name);

        vt_test_assert_contains (run.err, line);
      }

  RUN (&run, fixture->tmp, "thumbnails", "--allow-outside", "catalog.json");
  g_assert_cmpint (run.status, ==, 1);
  vt_test_assert_contains (run.out, "made 0, already valid 1, failed 13");
  for (guint i = 0; i < G_N_ELEMENTS (image_cases); i++)
    {
      g_autofree char *path = tmp_path (fixture, image_cases[i].name);
      g_autofree char *line = g_strdup_printf ("(Piece %u): “%s” ", i + 1, path);

      if (image_cases[i].code == -1)
        continue;
      vt_test_assert_contains (run.err, line);
      vt_test_assert_contains (run.err, image_cases[i].says);
    }
  vt_test_run_clear (&run);
}

static void
test_image_cli_validate (Fixture       *fixture,
                         gconstpointer  data)
{
  VtTestRun run = { 0 };

  images_set_up (fixture->tmp);
  write_image_catalog (fixture->tmp);

  RUN (&run, fixture->tmp, "validate", "--allow-outside", "catalog.json");
  g_assert_cmpint (run.status, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (image_cases); i++)
    {
      g_autofree char *line = g_strdup_printf ("item %u (Piece %u): image: “%s” %s",
                                               i + 1, i + 1, image_cases[i].name,
                                               image_cases[i].says);
      g_autofree char *piece = g_strdup_printf ("item %u (Piece %u): image:", i + 1, i + 1);

      if (image_cases[i].code == -1)
        g_assert_null (strstr (run.out, piece));
      else
        vt_test_assert_contains (run.out, line);
    }
  vt_test_run_clear (&run);
}

/* ---- pages ---- */

/* vitrine-cli import refuses @page with @message, and writes nothing. */
static void
assert_import_refused (Fixture    *fixture,
                       const char *page,
                       const char *message)
{
  g_autofree char *catalog = tmp_path (fixture, "catalog.json");
  VtTestRun run = { 0 };

  RUN (&run, fixture->tmp, "import", "-o", catalog, page);
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, message);
  vt_test_assert_contains (run.err, "nothing was written");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_false (g_file_test (catalog, G_FILE_TEST_EXISTS));
  vt_test_run_clear (&run);
}

static char *
hostile_page (const char *name)
{
  return g_build_filename (TEST_DATA_DIR, "hostile", "pages", name, NULL);
}

static void
test_page_small (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *message;   /* after the file's name */
  } cases[] = {
    { "empty.txt", ": no “Title:” line; every page needs a title" },
    { "binary.txt", ":2: the page holds a NUL byte; it is not a text file" },
    { "no-value-last.txt", ":20: Price: has no value" },
    { "no-value.txt", ":10: Region: has no value" },
    { "every-field-twice.txt", ":4: Title: given a second time (first on line 3)" },
    { "unknown-key-twice.txt", ":20: Edition: given a second time (first on line 19)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = hostile_page (cases[i].name);
      g_autofree char *message = g_strconcat (page, cases[i].message, NULL);

      assert_import_refused (fixture, page, message);
    }
}

static void
test_page_huge (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *page = tmp_path (fixture, "huge.txt");
  g_autofree char *message = g_strconcat (page, ": is too big (52.4\u00a0MB; at most 4.2\u00a0MB)", NULL);
  GString *out = g_string_new ("Title: 1969 - Moon\n");

  while (out->len < 50 * 1024 * 1024)
    g_string_append (out, "A paragraph of history, repeated until the page is 50 MB.\n\n");
  vt_test_write_file (page, out->str, (gssize) out->len);
  g_string_free (out, TRUE);

  assert_import_refused (fixture, page, message);
}

/* Pieces from a page of a million lines: refused when nothing on them
 * is a page's, imported when they are paragraphs, in order. */
static void
test_page_million_lines (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *lines = tmp_path (fixture, "lines.txt");
  g_autofree char *paragraphs = tmp_path (fixture, "paragraphs.txt");
  g_autofree char *message = g_strconcat (lines, ": no “Title:” line", NULL);
  g_autofree char *catalog_path = tmp_path (fixture, "catalog.json");
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(VtItem) item = NULL;
  g_autoptr(GError) error = NULL;
  VtTestRun run = { 0 };
  GString *out;

  out = g_string_new (NULL);
  for (guint i = 0; i < 1000000; i++)
    g_string_append (out, "x\n");
  vt_test_write_file (lines, out->str, (gssize) out->len);
  g_string_free (out, TRUE);
  assert_import_refused (fixture, lines, message);

  out = g_string_new ("Title: 1969 - Moon\nAbout: Men on the Moon.\n\n");
  for (guint i = 0; i < 500000; i++)
    {
      append_uint (out, i);
      g_string_append (out, "\n\n");
    }
  g_string_append (out, "Number: 69/100\n");
  vt_test_write_file (paragraphs, out->str, (gssize) out->len);
  g_string_free (out, TRUE);

  RUN (&run, fixture->tmp, "import", "-o", catalog_path, paragraphs);
  g_assert_cmpint (run.status, ==, 0);
  catalog = load_catalog (catalog_path, &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  g_assert_cmpuint (g_strv_length ((char **) vt_item_get_text (item)), ==, 500000);
  g_assert_cmpstr (vt_item_get_text (item)[499999], ==, "499999");
  vt_test_run_clear (&run);
}

/* Every key the page format does not know becomes a member: as many as
 * fit in a page, in time linear in their number. */
static void
test_page_many_keys (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *page = tmp_path (fixture, "keys.txt");
  g_autofree char *catalog_path = tmp_path (fixture, "catalog.json");
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(VtItem) item = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  VtTestRun run = { 0 };
  GString *out = g_string_new ("Title: 1969 - Moon\nAbout: Men on the Moon.\nNumber: 69/100\n");

  for (guint i = 0; i < 200000; i++)
    {
      g_string_append_c (out, 'K');
      append_uint (out, i);
      g_string_append (out, ": ");
      append_uint (out, i);
      g_string_append_c (out, '\n');
    }
  vt_test_write_file (page, out->str, (gssize) out->len);
  g_string_free (out, TRUE);

  RUN (&run, fixture->tmp, "import", "-o", catalog_path, page);
  g_assert_cmpint (run.status, ==, 0);
  catalog = load_catalog (catalog_path, &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  object = vt_item_dup_json (item);
  g_assert_cmpstr (json_object_get_string_member (object, "k199999"), ==, "199999");
  vt_test_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hostile/catalog/huge-file", test_catalog_huge_file);
  ADD ("/hostile/catalog/million-items", test_catalog_million_items);
  ADD ("/hostile/catalog/items-at-limit", test_catalog_items_at_limit);
  ADD ("/hostile/catalog/long-string", test_catalog_long_string);
  ADD ("/hostile/catalog/big-numbers", test_catalog_big_numbers);
  ADD ("/hostile/catalog/escapes", test_catalog_escapes);
  ADD ("/hostile/catalog/control-escapes", test_catalog_control_escapes);
  ADD ("/hostile/catalog/unrepresentable-escapes", test_catalog_unrepresentable_escapes);

  ADD ("/hostile/image/thumbnailer", test_image_thumbnailer);
  ADD ("/hostile/image/bytes", test_image_bytes);
  ADD ("/hostile/image/cli-thumbnails", test_image_cli_thumbnails);
  ADD ("/hostile/image/cli-validate", test_image_cli_validate);

  ADD ("/hostile/page/small", test_page_small);
  ADD ("/hostile/page/huge", test_page_huge);
  ADD ("/hostile/page/million-lines", test_page_million_lines);
  ADD ("/hostile/page/many-keys", test_page_many_keys);

  return g_test_run ();
}
