/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the page importer: good pages in every layout, broken ones with their messages. */

#include "config.h"

#include "vt-page.h"

#include <string.h>

static char *
page_path (const char *name)
{
  return g_build_filename (TEST_DATA_DIR, "pages", name, NULL);
}

static JsonObject *
parse_fixture (const char  *name,
               VtPageInfo  *info,
               GError     **error)
{
  g_autofree char *path = page_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return vt_page_parse_file (file, info, NULL, error);
}

/* The member names of @object, in order, joined by commas. */
static char *
member_list (JsonObject *object)
{
  g_autoptr(GString) names = g_string_new (NULL);
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    {
      if (names->len > 0)
        g_string_append_c (names, ',');
      g_string_append (names, name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
string_array (JsonObject *object,
              const char *member,
              const char *separator)
{
  JsonArray *array = json_object_get_array_member (object, member);
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();

  g_assert_nonnull (array);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (strings, (gpointer) json_array_get_string_element (array, i));
  g_ptr_array_add (strings, NULL);
  return g_strjoinv (separator, (char **) strings->pdata);
}

static void
test_published_layout (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *members = NULL;
  VtPageInfo info;
  JsonArray *text;

  object = parse_fixture ("good-1969-moon-landing.txt", &info, &error);
  g_assert_no_error (error);
  g_assert_nonnull (object);

  members = member_list (object);
  g_assert_cmpstr (members, ==,
                   "number,title,about,text,year,decade,region,countries,politics,"
                   "conflict,type,impact,artist,group,price");

  g_assert_cmpint (json_object_get_int_member (object, "number"), ==, 69);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==,
                   "1969 - Apollo 11 Moon Landing");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "about"),
                                   "On 20 July 1969 two American astronauts"));
  g_assert_cmpint (json_object_get_int_member (object, "year"), ==, 1969);
  g_assert_cmpstr (json_object_get_string_member (object, "decade"), ==, "1960s");
  g_assert_cmpstr (json_object_get_string_member (object, "region"), ==, "North America");
  g_assert_cmpstr (json_object_get_string_member (object, "politics"), ==, "Space Race");
  g_assert_cmpstr (json_object_get_string_member (object, "conflict"), ==, "Cold War");
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "Scientific Achievement");
  g_assert_cmpint (json_object_get_int_member (object, "impact"), ==, 9);
  /* The page ends the artist with a no-break space: trimmed. */
  g_assert_cmpstr (json_object_get_string_member (object, "artist"), ==, "Stas Svetlov");
  g_assert_cmpstr (json_object_get_string_member (object, "group"), ==, "Genesis");
  g_assert_cmpstr (json_object_get_string_member (object, "price"), ==, "1.25 ETH");
  g_assert_false (json_object_has_member (object, "image"));

  /* Three paragraphs, whatever the number of blank lines between them;
   * "At 2:56 UTC" does not split one, typographic quotes stay. */
  text = json_object_get_array_member (object, "text");
  g_assert_cmpuint (json_array_get_length (text), ==, 3);
  g_assert_true (g_str_has_prefix (json_array_get_string_element (text, 0),
                                   "Apollo 11 lifted off"));
  g_assert_nonnull (strstr (json_array_get_string_element (text, 0), "Edwin “Buzz” Aldrin"));
  g_assert_nonnull (strstr (json_array_get_string_element (text, 1), "At 2:56 UTC on 21 July"));
  g_assert_true (g_str_has_suffix (json_array_get_string_element (text, 1), "rock and soil."));
  g_assert_true (g_str_has_prefix (json_array_get_string_element (text, 2), "The crew splashed down"));

  g_assert_cmpuint (info.total, ==, 100);
  g_assert_cmpstr (info.currency, ==, "ETH");
  vt_page_info_clear (&info);
  g_assert_null (info.currency);
}

static void
test_windows_layout (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *countries = NULL;
  JsonArray *text;
  VtPageInfo info;

  /* BOM, CRLF, stray spaces and tabs, values on the next non-blank line. */
  object = parse_fixture ("good-1989-berlin-wall.txt", &info, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==,
                   "1989 - Fall of the Berlin Wall");
  g_assert_cmpstr (json_object_get_string_member (object, "about"), ==,
                   "On the night of 9 November 1989 East German guards opened the "
                   "crossings in the Berlin Wall, and crowds from both halves of the "
                   "city met on top of it.");
  text = json_object_get_array_member (object, "text");
  g_assert_cmpuint (json_array_get_length (text), ==, 3);
  g_assert_true (g_str_has_prefix (json_array_get_string_element (text, 0), "Through the summer"));
  g_assert_true (g_str_has_suffix (json_array_get_string_element (text, 0), "in October."));
  g_assert_nonnull (strstr (json_array_get_string_element (text, 1), "Günter Schabowski"));
  g_assert_null (strchr (json_array_get_string_element (text, 1), '\r'));

  g_assert_cmpstr (json_object_get_string_member (object, "decade"), ==, "1980s");
  g_assert_cmpint (json_object_get_int_member (object, "year"), ==, 1989);
  g_assert_cmpstr (json_object_get_string_member (object, "region"), ==, "Europe");
  countries = string_array (object, "countries", "|");
  g_assert_cmpstr (countries, ==, "East Germany|West Germany");
  g_assert_cmpstr (json_object_get_string_member (object, "politics"), ==, "Revolution");
  g_assert_cmpint (json_object_get_int_member (object, "impact"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (object, "number"), ==, 89);
  g_assert_cmpstr (json_object_get_string_member (object, "price"), ==, "2.5 ETH");
  g_assert_cmpuint (info.total, ==, 100);
  g_assert_cmpstr (info.currency, ==, "ETH");
  vt_page_info_clear (&info);
}

static void
test_wrapped_paragraph_and_unknown_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *members = NULL;
  JsonArray *text;

  object = parse_fixture ("good-1917-october-revolution.txt", NULL, &error);
  g_assert_no_error (error);

  /* Unknown keys come last, lower-cased, in the page's order. */
  members = member_list (object);
  g_assert_cmpstr (members, ==,
                   "number,title,about,text,year,decade,region,countries,politics,"
                   "conflict,type,impact,artist,group,price,edition_size,medium");
  g_assert_cmpstr (json_object_get_string_member (object, "edition_size"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (object, "medium"), ==, "Digital painting");

  /* A paragraph wrapped over three lines is one paragraph. */
  text = json_object_get_array_member (object, "text");
  g_assert_cmpuint (json_array_get_length (text), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (text, 0), ==,
                   "The February Revolution of 1917 had ended the rule of Tsar "
                   "Nicholas II, but the Provisional Government that followed kept "
                   "Russia in the First World War and struggled with shortages, "
                   "mutinies and the rival power of the soviets.");
  /* Typographic apostrophes kept as written. */
  g_assert_nonnull (strstr (json_array_get_string_element (text, 1), "Petrograd Soviet’s"));
}

static void
test_several_countries (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *countries = NULL;

  object = parse_fixture ("good-1947-partition-of-india.txt", NULL, &error);
  g_assert_no_error (error);
  countries = string_array (object, "countries", "|");
  g_assert_cmpstr (countries, ==, "India|Pakistan|United Kingdom");
}

static void
test_minimal_page (void)
{
  static const char page[] =
    "Title: 1903 - First Powered Flight\r"
    "Year: 1903\r"
    "Price: 3\r";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *members = NULL;
  VtPageInfo info;

  /* Old Mac line ends; no About, no text, a price without currency. */
  object = vt_page_parse (page, -1, "flight.txt", &info, &error);
  g_assert_no_error (error);
  members = member_list (object);
  g_assert_cmpstr (members, ==, "title,year,price");
  g_assert_cmpstr (json_object_get_string_member (object, "price"), ==, "3");
  g_assert_cmpuint (info.total, ==, 0);
  g_assert_null (info.currency);
}

static void
test_text_without_about (void)
{
  static const char page[] =
    "Title: 1903 - First Powered Flight\n\n"
    "The Wright brothers flew at Kitty Hawk.\n\n"
    "Note: a paragraph that starts like a key stays text.\n\n"
    "Year: 1903\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *text = NULL;

  object = vt_page_parse (page, -1, "flight.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_has_member (object, "about"));
  text = string_array (object, "text", "|");
  g_assert_cmpstr (text, ==,
                   "The Wright brothers flew at Kitty Hawk.|"
                   "Note: a paragraph that starts like a key stays text.");
}

typedef struct
{
  const char *name;
  int         code;
  const char *message;   /* after "<file>:" */
} BrokenPage;

static const BrokenPage broken_pages[] = {
  { "broken-impact.txt", VT_PAGE_ERROR_SYNTAX, "16: Impact: “high” is not a number" },
  { "broken-number.txt", VT_PAGE_ERROR_SYNTAX, "19: Number: “36 of 100” is not a piece number like 56/100" },
  { "broken-price.txt", VT_PAGE_ERROR_SYNTAX, "20: Price: “about 2 ETH” is not an amount and a currency like 0.7 ETH" },
  { "broken-missing-title.txt", VT_PAGE_ERROR_MISSING, " no “Title:” line; every page needs a title" },
  { "broken-no-value.txt", VT_PAGE_ERROR_SYNTAX, "11: Region: has no value" },
  { "broken-stray-line.txt", VT_PAGE_ERROR_SYNTAX, "16: “and a line that belongs to no key” is not a “Key: Value” line" },
  { "broken-duplicate.txt", VT_PAGE_ERROR_SYNTAX, "21: Impact: given a second time (first on line 16)" },
  { "broken-encoding.txt", VT_PAGE_ERROR_ENCODING, "7: the page is not UTF-8 text (byte 0xf1)" },
};

static void
test_broken_page (gconstpointer data)
{
  const BrokenPage *broken = data;
  g_autofree char *path = page_path (broken->name);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  VtPageInfo info = { 7, NULL };
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  /* The message names the file as given and the line. */
  object = vt_page_parse (contents, length, "pages/broken.txt", &info, &error);
  g_assert_null (object);
  g_assert_error (error, VT_PAGE_ERROR, broken->code);
  expected = g_strconcat ("pages/broken.txt:", broken->message, NULL);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (info.total, ==, 0);
  g_assert_null (info.currency);

  /* Read from a file, it names the file. */
  g_clear_error (&error);
  object = parse_fixture (broken->name, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, VT_PAGE_ERROR, broken->code);
  g_assert_true (g_str_has_prefix (error->message, path));
}

static void
test_nul_byte (void)
{
  static const char page[] = "Title: 1903 - First Powered Flight\nYear: 19\00003\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;

  object = vt_page_parse (page, sizeof page - 1, "flight.txt", NULL, &error);
  g_assert_null (object);
  g_assert_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "flight.txt:2: the page holds a NUL byte; it is not a text file");
}

static void
test_empty_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;

  object = vt_page_parse ("", 0, "empty.txt", NULL, &error);
  g_assert_null (object);
  g_assert_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_MISSING);
  g_assert_true (g_str_has_prefix (error->message, "empty.txt:"));
}

static void
test_stray_text_before_title (void)
{
  static const char page[] =
    "top of page\n"
    "Some menu\n"
    "Title: 1903 - First Powered Flight\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;

  object = vt_page_parse (page, -1, "flight.txt", NULL, &error);
  g_assert_null (object);
  g_assert_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "flight.txt:2: “Some menu”"));
}

static void
test_reserved_member (void)
{
  static const char page[] =
    "Title: 1903 - First Powered Flight\n"
    "Year: 1903\n"
    "Image: flight.jpg\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;

  /* The image is set on import, relative to the catalog: not from a page. */
  object = vt_page_parse (page, -1, "flight.txt", NULL, &error);
  g_assert_null (object);
  g_assert_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "flight.txt:3: Image:"));
}

static void
test_missing_file (void)
{
  g_autofree char *path = page_path ("no-such-page.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: no such file", path);

  object = vt_page_parse_file (file, NULL, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_READ);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_folder (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "pages", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: is a folder, not a page", path);

  object = vt_page_parse_file (file, NULL, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_READ);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_device (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;

  /* Read to its end, /dev/zero would never end. */
  object = vt_page_parse_file (file, NULL, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_READ);
  g_assert_cmpstr (error->message, ==, "/dev/zero: is not a regular file");
}

static void
test_too_big (void)
{
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("vitrine-page-XXXXXX.txt", &stream, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_assert_nonnull (file);
  g_assert_true (g_seekable_truncate (G_SEEKABLE (stream), 64 * 1024 * 1024, NULL, NULL));
  g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);

  object = vt_page_parse_file (file, NULL, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "too big"));
  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page/parse/published-layout", test_published_layout);
  g_test_add_func ("/page/parse/windows-layout", test_windows_layout);
  g_test_add_func ("/page/parse/wrapped-paragraph-unknown-keys", test_wrapped_paragraph_and_unknown_keys);
  g_test_add_func ("/page/parse/several-countries", test_several_countries);
  g_test_add_func ("/page/parse/minimal", test_minimal_page);
  g_test_add_func ("/page/parse/text-without-about", test_text_without_about);

  for (guint i = 0; i < G_N_ELEMENTS (broken_pages); i++)
    {
      g_autofree char *name = g_strconcat ("/page/broken/", broken_pages[i].name, NULL);

      g_test_add_data_func (name, &broken_pages[i], test_broken_page);
    }
  g_test_add_func ("/page/broken/nul-byte", test_nul_byte);
  g_test_add_func ("/page/broken/empty", test_empty_page);
  g_test_add_func ("/page/broken/stray-text-before-title", test_stray_text_before_title);
  g_test_add_func ("/page/broken/reserved-member", test_reserved_member);
  g_test_add_func ("/page/read/missing-file", test_missing_file);
  g_test_add_func ("/page/read/folder", test_folder);
  g_test_add_func ("/page/read/device", test_device);
  g_test_add_func ("/page/read/too-big", test_too_big);

  return g_test_run ();
}
