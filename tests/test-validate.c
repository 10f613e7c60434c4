/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for catalog validation: each rule, severities, per-item problems, bad items not blocking good ones. */

#include "config.h"

#include "vt-catalog.h"
#include "vt-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static VtCatalog *
load_problems_fixture (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "catalog-problems.json", NULL);
  g_autoptr(GError) error = NULL;
  VtCatalog *catalog = vt_catalog_new_for_file (file, NULL, &error);

  /* Items with problems load: only an unreadable file fails. */
  g_assert_no_error (error);
  return catalog;
}

static VtCatalog *
load_text (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vitrine-validate-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "catalog.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VtCatalog *catalog;

  g_assert_no_error (error);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
  catalog = vt_catalog_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return catalog;
}

/* Each problem as "W|E <vt_problem_to_string()>", in the catalog's order. */
static GPtrArray *
problem_lines (VtCatalog *catalog)
{
  GListModel *problems = vt_catalog_get_problems (catalog);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_list_model_get_item_type (problems) == VT_TYPE_PROBLEM);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(VtProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *text = vt_problem_to_string (problem);

      g_ptr_array_add (lines, g_strdup_printf ("%c %s",
                                               vt_problem_get_severity (problem) == VT_SEVERITY_ERROR ? 'E' : 'W',
                                               text));
    }
  return lines;
}

static gboolean
has_line (GPtrArray  *lines,
          const char *line)
{
  for (guint i = 0; i < lines->len; i++)
    if (strcmp (g_ptr_array_index (lines, i), line) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_has_line (GPtrArray  *lines,
                 const char *line)
{
  if (!has_line (lines, line))
    {
      for (guint i = 0; i < lines->len; i++)
        g_test_message ("have: %s", (char *) g_ptr_array_index (lines, i));
      g_test_message ("missing: %s", line);
      g_assert_not_reached ();
    }
}

static void
test_rules (void)
{
  g_autoptr(VtCatalog) catalog = load_problems_fixture ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *missing_path = g_build_filename (TEST_DATA_DIR, "images", "missing.png", NULL);
  g_autofree char *missing_image = NULL;
  static const char * const expected[] = {
    "E items[14]: not a piece (an object with a number, a title...): skipped",
    "E item without a number (1907 - Numberless): number: missing: every piece needs its number in the collection",
    "E item 2: title: missing",
    "E item 3 (1903 - Too much impact): impact: 12 is outside 1-10",
    "W item 4 (1956 - Wrong decade): year: 1956 is outside the decade “1940s”",
    "E item 5 (1905 - Second of two): number: 5 is also the number of “1905 - First of two”",
    "E item 8 (1908 - Comma price): price: “0,7 ETH” is not a price: commas must separate groups of three digits",
    "W item 9 (1909 - Dollars): price: “2 USD” is in USD, but the collection’s currency is ETH",
    "E item 11 (1911 - Not an image): image: “small-catalog.json” is not an image in a format Vitrine opens (JPEG, PNG, WebP, GIF, BMP or TIFF)",
    "E item 12 (1912 - Wordy impact): impact: “seven” is a string, not a number",
    "E item 13 (1913 - Twice the impact): impact: appears twice (again at line 25): only the last value is used, and saving drops the other",
    "W item 15 (1915 - No image): image: missing: the piece has no image",
    "E item 16 (1916 - Folder image): image: “images” is a folder, not an image",
    "W item 17 (1917 - Odd decade): decade: “the teens” is not a decade such as “1950s”",
    "E item 18 (1918 - Many problems): impact: 0 is outside 1-10",
    "W item 18 (1918 - Many problems): year: 1950 is outside the decade “1910s”",
    "W item 18 (1918 - Many problems): price: “1 USD” is in USD, but the collection’s currency is ETH",
    "W item 120 (2020 - Beyond the total): number: 120 is above the collection’s total of 100",
  };

  vt_catalog_validate (catalog);
  lines = problem_lines (catalog);

  missing_image = g_strdup_printf ("E item 10 (1910 - Lost image): image: “images/missing.png” does not exist (looked for %s)",
                                   missing_path);
  assert_has_line (lines, missing_image);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_has_line (lines, expected[i]);
  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (expected) + 1);

  /* The clean piece and the first of the duplicates have no problem. */
  g_assert_null (vt_item_get_problem (vt_catalog_lookup (catalog, 1)));
  g_assert_null (vt_item_get_problem (vt_catalog_lookup (catalog, 5)));
}

static void
test_bad_items_still_load (void)
{
  g_autoptr(VtCatalog) catalog = load_problems_fixture ();

  /* 19 elements, one of them not an object: 18 pieces, all shown. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 18);
  g_assert_cmpstr (vt_item_get_title (vt_catalog_lookup (catalog, 12)), ==, "1912 - Wordy impact");
  g_assert_cmpint (vt_item_get_impact (vt_catalog_lookup (catalog, 12)), ==, 0);
  /* Of a duplicated key, json-glib keeps the last value. */
  g_assert_cmpint (vt_item_get_impact (vt_catalog_lookup (catalog, 13)), ==, 4);
}

static void
test_sorted_by_number (void)
{
  g_autoptr(VtCatalog) catalog = load_problems_fixture ();
  GListModel *problems = vt_catalog_get_problems (catalog);
  guint previous = 0;

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(VtProblem) problem = g_list_model_get_item (problems, i);

      g_assert_cmpuint (vt_problem_get_number (problem), >=, previous);
      previous = vt_problem_get_number (problem);
    }
  g_assert_cmpuint (previous, ==, 120);
}

static void
test_item_problem_most_severe_first (void)
{
  g_autoptr(VtCatalog) catalog = load_problems_fixture ();
  VtItem *many = vt_catalog_lookup (catalog, 18);
  VtItem *decade = vt_catalog_lookup (catalog, 4);

  /* The error outranks the two warnings found before... and after it. */
  g_assert_cmpstr (vt_item_get_problem (many), ==, "impact: 0 is outside 1-10 (and 2 more problems)");
  g_assert_cmpstr (vt_item_get_problem (decade), ==, "year: 1956 is outside the decade “1940s”");
}

static void
test_load_checks_images_cheaply (void)
{
  g_autoptr(VtCatalog) catalog = load_problems_fixture ();
  g_autoptr(GPtrArray) before = problem_lines (catalog);
  g_autoptr(GPtrArray) after = NULL;
  VtItem *not_an_image = vt_catalog_lookup (catalog, 11);
  guint notified = 0;

  /* Loading only checks that image files exist; reading their headers
   * is left to vt_catalog_validate(). */
  g_assert_false (has_line (before, "E item 11 (1911 - Not an image): image: “small-catalog.json” is not an image in a format Vitrine opens (JPEG, PNG, WebP, GIF, BMP or TIFF)"));
  g_assert_true (has_line (before, "E item 16 (1916 - Folder image): image: “images” is a folder, not an image"));
  g_assert_null (vt_item_get_problem (not_an_image));

  g_signal_connect (not_an_image, "notify::problem", G_CALLBACK (vt_test_count_notify_cb), &notified);
  vt_catalog_validate (catalog);
  after = problem_lines (catalog);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (vt_item_get_problem (not_an_image), ==, "image: “small-catalog.json” is not an image in a format Vitrine opens (JPEG, PNG, WebP, GIF, BMP or TIFF)");
}

static void
test_mixed_currencies_without_collection_currency (void)
{
  g_autoptr(VtCatalog) catalog = load_text (
    "{\"format\": \"vitrine-catalog\", \"version\": 1, \"collection\": {\"name\": \"X\", \"total\": 10},"
    " \"items\": ["
    "  {\"number\": 1, \"title\": \"One\", \"price\": \"1 ETH\"},"
    "  {\"number\": 2, \"title\": \"Two\", \"price\": \"2 USD\"},"
    "  {\"number\": 3, \"title\": \"Three\", \"price\": \"3 ETH\"},"
    "  {\"number\": 4, \"title\": \"Four\", \"price\": \"4\"}"
    "]}");
  g_autoptr(GPtrArray) lines = problem_lines (catalog);

  /* Most pieces are in ETH: the one in USD stands out; no currency is fine. */
  assert_has_line (lines, "W item 2 (Two): price: “2 USD” is in USD, but most pieces are priced in ETH");
  for (guint i = 0; i < lines->len; i++)
    g_assert_false (g_str_has_prefix (g_ptr_array_index (lines, i), "W item 4 (Four): price"));
}

static void
test_catalog_level (void)
{
  g_autoptr(VtCatalog) no_collection = load_text (
    "{\"format\": \"vitrine-catalog\", \"version\": 1, \"items\": []}");
  g_autoptr(VtCatalog) duplicates = load_text (
    "{\"format\": \"vitrine-catalog\", \"version\": 1,\n"
    " \"collection\": {\"name\": \"A\", \"total\": 10, \"name\": \"B\"},\n"
    " \"items\": [],\n"
    " \"format\": \"vitrine-catalog\"}");
  g_autoptr(VtCatalog) wrong_types = load_text (
    "{\"format\": \"vitrine-catalog\", \"version\": 1,"
    " \"collection\": {\"name\": 5, \"total\": \"ten\", \"currency\": [\"ETH\"]}, \"items\": []}");
  g_autoptr(GPtrArray) lines = NULL;

  lines = problem_lines (no_collection);
  assert_has_line (lines, "W collection: missing: the collection’s name, total and currency are unknown");
  g_clear_pointer (&lines, g_ptr_array_unref);

  lines = problem_lines (duplicates);
  assert_has_line (lines, "E collection.name: appears twice (again at line 2): only the last value is used, and saving drops the other");
  assert_has_line (lines, "E format: appears twice (again at line 4): only the last value is used, and saving drops the other");
  g_assert_cmpstr (vt_catalog_get_name (duplicates), ==, "B");
  g_clear_pointer (&lines, g_ptr_array_unref);

  lines = problem_lines (wrong_types);
  assert_has_line (lines, "E collection.name: not text");
  assert_has_line (lines, "E collection.total: not a whole number of pieces");
  assert_has_line (lines, "E collection.currency: not text");
}

static void
test_small_catalog_clean (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "small-catalog.json", NULL);
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (file, NULL, NULL);
  g_autoptr(GPtrArray) lines = NULL;

  vt_catalog_validate (catalog);
  lines = problem_lines (catalog);
  for (guint i = 0; i < lines->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (lines, i));
  g_assert_cmpuint (lines->len, ==, 0);
}

/* The problems of @catalog but those of missing images, which the
 * catalogs of the length tests have none of. */
static GPtrArray *
problem_lines_but_images (VtCatalog *catalog)
{
  g_autoptr(GPtrArray) all = problem_lines (catalog);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < all->len; i++)
    if (!g_str_has_suffix (g_ptr_array_index (all, i), "image: missing: the piece has no image"))
      g_ptr_array_add (lines, g_strdup (g_ptr_array_index (all, i)));
  return lines;
}

static VtCatalog *
load_data_file (const char *name)
{
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  VtCatalog *catalog = vt_catalog_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  return catalog;
}

/* A title of 5,000 characters and a region of 1,001 are reported, with
 * the limit and the text cut, and still load whole; a title of 1,000
 * two-byte characters is within the limit, which counts characters. */
static void
test_length_fixture (void)
{
  g_autoptr(VtCatalog) catalog = load_data_file ("validate/long-fields.json");
  g_autoptr(GPtrArray) lines = problem_lines_but_images (catalog);
  VtItem *long_title = vt_catalog_lookup (catalog, 1);

  assert_has_line (lines,
                   "W item 1 (Treaty of everything Treaty of everything Treaty of everyth…): "
                   "title: 5000 characters, more than the 1000 allowed: "
                   "“Treaty of everything Treaty of everything Treaty of everyth…”");
  assert_has_line (lines,
                   "W item 3 (1953 - Long Region): region: 1001 characters, more than the 1000 allowed: "
                   "“RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR…”");
  g_assert_cmpuint (lines->len, ==, 2);

  g_assert_cmpuint (strlen (vt_item_get_title (long_title)), ==, 5000);
  g_assert_cmpuint (strlen (vt_item_get_region (vt_catalog_lookup (catalog, 3))), ==, 1001);
  g_assert_true (g_str_has_prefix (vt_item_get_problem (long_title),
                                   "title: 5000 characters, more than the 1000 allowed"));
}

/* A catalog of one piece with @members ("\"about\": ...") besides its
 * number and title. */
static VtCatalog *
load_piece (const char *members)
{
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"vitrine-catalog\", \"version\": 1,"
    " \"collection\": {\"name\": \"X\", \"total\": 10},"
    " \"items\": [{\"number\": 1, \"title\": \"One\", %s}]}", members);

  return load_text (json);
}

static char *
repeat (const char *text,
        guint       n,
        const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, text);
    }
  return g_string_free (out, FALSE);
}

/* Each limit of the field table: at the limit no problem, one more
 * character or entry a problem that names the field and the limit. */
static void
test_length_limits (void)
{
  g_autofree char *a16000 = repeat ("a", 16000, "");
  g_autofree char *a64000 = repeat ("a", 64000, "");
  g_autofree char *a1000 = repeat ("a", 1000, "");
  g_autofree char *countries250 = repeat ("\"C\"", 250, ", ");
  g_autofree char *paragraphs100 = repeat ("\"P\"", 100, ", ");
  struct {
    char *members;
    const char *problem;
  } cases[] = {
    { g_strdup_printf ("\"about\": \"%s\"", a16000), NULL },
    { g_strdup_printf ("\"about\": \"%sb\"", a16000),
      "W item 1 (One): about: 16001 characters, more than the 16000 allowed: “aaaa" },
    { g_strdup_printf ("\"text\": [\"P\", \"%s\"]", a64000), NULL },
    { g_strdup_printf ("\"text\": [\"P\", \"%sb\"]", a64000),
      "W item 1 (One): text: entry 2 has 64001 characters, more than the 64000 allowed: “aaaa" },
    { g_strdup_printf ("\"text\": [%s]", paragraphs100), NULL },
    { g_strdup_printf ("\"text\": [%s, \"P\"]", paragraphs100),
      "W item 1 (One): text: 101 entries, more than the 100 allowed" },
    { g_strdup_printf ("\"countries\": [%s]", countries250), NULL },
    { g_strdup_printf ("\"countries\": [%s, \"C\"]", countries250),
      "W item 1 (One): countries: 251 entries, more than the 250 allowed" },
    { g_strdup_printf ("\"countries\": [\"%sb\"]", a1000),
      "W item 1 (One): countries: entry 1 has 1001 characters, more than the 1000 allowed: “aaaa" },
    { g_strdup_printf ("\"artist\": \"%s\"", a1000), NULL },
    { g_strdup_printf ("\"artist\": \"%sb\"", a1000),
      "W item 1 (One): artist: 1001 characters, more than the 1000 allowed: “aaaa" },
    { g_strdup_printf ("\"price\": \"%sb\"", a1000),
      "W item 1 (One): price: 1001 characters, more than the 1000 allowed: “aaaa" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VtCatalog) catalog = load_piece (cases[i].members);
      g_autoptr(GPtrArray) lines = problem_lines_but_images (catalog);
      gboolean found = FALSE;

      for (guint j = 0; j < lines->len; j++)
        {
          const char *line = g_ptr_array_index (lines, j);

          g_test_message ("case %u: %.200s", i, line);
          /* No line quotes a long text whole. */
          g_assert_cmpuint (g_utf8_strlen (line, -1), <, 300);
          if (cases[i].problem != NULL && g_str_has_prefix (line, cases[i].problem))
            found = TRUE;
        }
      if (cases[i].problem != NULL)
        g_assert_true (found);
      else
        g_assert_cmpuint (lines->len, ==, 0);
      g_free (cases[i].members);
    }
}

/* A title of 10 MB loads, whole, and is reported in lines of a few
 * dozen characters: the problems do not copy it. */
static void
test_length_huge_title (void)
{
  gsize length = 10 * 1024 * 1024;
  g_autoptr(GString) json = g_string_sized_new (length + 256);
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *expected = NULL;
  VtItem *item;

  g_string_append (json, "{\"format\": \"vitrine-catalog\", \"version\": 1,"
                         " \"collection\": {\"name\": \"X\", \"total\": 10},"
                         " \"items\": [{\"number\": 1, \"title\": \"");
  for (gsize i = 0; i < length / 8; i++)
    g_string_append (json, "Kádár ");   /* 8 bytes, 6 characters */
  g_string_append (json, "\"}]}");
  catalog = load_text (json->str);
  vt_catalog_validate (catalog);
  lines = problem_lines_but_images (catalog);
  item = vt_catalog_lookup (catalog, 1);

  g_assert_cmpuint (strlen (vt_item_get_title (item)), ==, length);
  expected = g_strdup_printf ("W item 1 (Kádár Kádár Kádár Kádár Kádár Kádár Kádár Kádár Kádár Kádár…): "
                              "title: %" G_GSIZE_FORMAT " characters, more than the 1000 allowed: "
                              "“Kádár Kádár Kádár Kádár Kádár Kádár Kádár Kádár Kádár Kádár…”",
                              length / 8 * 6);
  assert_has_line (lines, expected);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpuint (strlen (vt_item_get_problem (item)), <, 200);
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

/* Each of these once made validation wait forever in open() or read():
 * now each is a problem of its own, found without reading a byte. */
static void
test_hostile_images (void)
{
  g_autofree char *fixture = g_build_filename (TEST_DATA_DIR, "hostile", "images.json", NULL);
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-validate-XXXXXX");
  g_autofree char *path = vt_test_make_hostile_images (dir, fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(GPtrArray) lines = NULL;
  static const char * const expected[] = {
    "E item 1 (1901 - A fifo): image: “fifo.jpg” is not a regular file (a pipe, socket or device), not an image",
    "E item 2 (1902 - A device): image: “/dev/zero” is not a regular file (a pipe, socket or device), not an image",
    "E item 3 (1903 - A folder): image: “folder.jpg” is a folder, not an image",
    "E item 4 (1904 - A symbolic link loop): image: “loop.jpg” is a symbolic link that leads back to itself, not an image",
    "E item 5 (1905 - Zero bytes): image: “empty.jpg” is empty (0 bytes)",
  };

  /* /dev/zero lies outside the catalog's folder: allowed, to be opened. */
  vt_catalog_set_allow_outside (catalog, TRUE);
  vt_catalog_load (catalog, file, NULL, &error);
  g_assert_no_error (error);
  vt_catalog_validate (catalog);
  lines = problem_lines (catalog);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_has_line (lines, expected[i]);
  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (expected));

  vt_test_remove_tree (dir);
}

/* Paths that leave the catalog's folder, by "..", from the root, through
 * a symbolic link or as a file:// address, are not opened until the
 * user allows it for the catalog; other addresses never are. */
static void
test_outside_images (void)
{
  g_autofree char *fixture = g_build_filename (TEST_DATA_DIR, "outside", "catalog.json", NULL);
  g_autofree char *image = g_build_filename (TEST_DATA_DIR, "images", "moss.png", NULL);
  g_autofree char *dir = vt_test_make_tmp_dir ("vitrine-validate-XXXXXX");
  g_autofree char *path = vt_test_make_outside_images (dir, fixture, image);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (file, NULL, &error);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GFile) real_dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *outside = NULL;
  guint changed = 0;
  static const guint outside_numbers[] = { 2, 3, 4, 7 };
  static const char * const remote[] = {
    "E item 5 (1905 - On the web): image: “http://example.com/1905.jpg” is not a file on this computer: Vitrine opens images only from local files and never fetches them",
    "E item 6 (1906 - On a share): image: “smb://server/share/1906.jpg” is not a file on this computer: Vitrine opens images only from local files and never fetches them",
  };

  g_assert_no_error (error);
  real_dir = g_file_new_for_path (dir);
  folder = g_file_get_parse_name (real_dir);
  g_assert_false (vt_catalog_get_allow_outside (catalog));
  g_assert_cmpuint (vt_catalog_count_outside_images (catalog), ==, 4);

  vt_catalog_validate (catalog);
  lines = problem_lines (catalog);
  outside = g_strdup_printf ("E item 4 (1904 - A link that leads out): image: “link.png” is outside the catalog’s folder %s: "
                             "it is not opened unless images outside the folder are allowed for this catalog", folder);
  assert_has_line (lines, outside);
  for (guint i = 0; i < G_N_ELEMENTS (remote); i++)
    assert_has_line (lines, remote[i]);
  g_assert_cmpuint (lines->len, ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (outside_numbers); i++)
    {
      VtItem *item = vt_catalog_lookup (catalog, outside_numbers[i]);

      g_assert_null (vt_item_get_image (item));
      g_assert_nonnull (strstr (vt_item_get_problem (item), "is outside the catalog’s folder"));
    }
  g_assert_nonnull (vt_item_get_image (vt_catalog_lookup (catalog, 1)));
  g_assert_null (vt_item_get_problem (vt_catalog_lookup (catalog, 1)));
  g_assert_null (vt_item_get_image (vt_catalog_lookup (catalog, 5)));

  /* Allowed: every item announced again, the images there to open. */
  g_signal_connect (catalog, "items-changed", G_CALLBACK (count_items_changed_cb), &changed);
  vt_catalog_set_allow_outside (catalog, TRUE);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_nonnull (vt_item_get_image (vt_catalog_lookup (catalog, 4)));
  g_assert_null (vt_item_get_problem (vt_catalog_lookup (catalog, 4)));
  g_assert_null (vt_item_get_image (vt_catalog_lookup (catalog, 5)));
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = problem_lines (catalog);
  for (guint i = 0; i < G_N_ELEMENTS (remote); i++)
    assert_has_line (lines, remote[i]);
  for (guint i = 0; i < lines->len; i++)
    g_assert_null (strstr (g_ptr_array_index (lines, i), "outside the catalog’s folder"));

  /* And taken back. */
  vt_catalog_set_allow_outside (catalog, FALSE);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_null (vt_item_get_image (vt_catalog_lookup (catalog, 4)));

  vt_test_remove_tree (dir);
}

/* A piece with neither number nor title is named by its place in the file. */
static void
test_unnamed_pieces (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "unnamed-pieces.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCatalog) catalog = vt_catalog_new_for_file (file, NULL, &error);
  g_autoptr(GPtrArray) lines = NULL;
  static const char * const expected[] = {
    "E items[1]: number: missing: every piece needs its number in the collection",
    "E items[1]: title: missing",
    "E items[1]: impact: 12 is outside 1-10",
    "E items[2]: impact: “seven” is a string, not a number",
    "E items[3]: impact: appears twice (again at line 10): only the last value is used, and saving drops the other",
  };

  g_assert_no_error (error);
  vt_catalog_validate (catalog);
  lines = problem_lines (catalog);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_has_line (lines, expected[i]);
  /* No problem of a piece goes unnamed. */
  for (guint i = 0; i < lines->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, i), "E items[")
                   || g_str_has_prefix (g_ptr_array_index (lines, i), "E item ")
                   || g_str_has_prefix (g_ptr_array_index (lines, i), "W item"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/rules", test_rules);
  g_test_add_func ("/validate/bad-items-still-load", test_bad_items_still_load);
  g_test_add_func ("/validate/sorted-by-number", test_sorted_by_number);
  g_test_add_func ("/validate/item-problem/most-severe-first", test_item_problem_most_severe_first);
  g_test_add_func ("/validate/load-checks-images-cheaply", test_load_checks_images_cheaply);
  g_test_add_func ("/validate/mixed-currencies", test_mixed_currencies_without_collection_currency);
  g_test_add_func ("/validate/catalog-level", test_catalog_level);
  g_test_add_func ("/validate/small-catalog-clean", test_small_catalog_clean);
  g_test_add_func ("/validate/length/fixture", test_length_fixture);
  g_test_add_func ("/validate/length/limits", test_length_limits);
  g_test_add_func ("/validate/length/huge-title", test_length_huge_title);
  g_test_add_func ("/validate/hostile-images", test_hostile_images);
  g_test_add_func ("/validate/outside-images", test_outside_images);
  g_test_add_func ("/validate/unnamed-pieces", test_unnamed_pieces);

  return g_test_run ();
}
