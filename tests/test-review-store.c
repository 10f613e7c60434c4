/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for VtReviewStore: the sidecar's round trip, order, merging, a broken file, a read-only folder. */

#include "config.h"

#include "vt-review-store.h"

#include "vt-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

typedef struct
{
  char *dir;
  char *catalog_path;
  char *sidecar_path;
} Fixture;

/* The fixtures' folders, and the user's data folder (XDG_DATA_HOME). */
static char *tmp_root;
static guint fixture_counter;

static const char catalog_text[] =
  "{ \"format\": \"vitrine-catalog\", \"version\": 1,\n"
  "  \"collection\": { \"name\": \"Test\", \"total\": 5, \"currency\": \"ETH\" },\n"
  "  \"items\": [\n"
  "    { \"number\": 1, \"title\": \"1914 - One\" },\n"
  "    { \"number\": 2, \"title\": \"1917 - Two\" },\n"
  "    { \"number\": 3, \"title\": \"1945 - Three\" },\n"
  "    { \"number\": 4, \"title\": \"1956 - Four\" },\n"
  "    { \"number\": 5, \"title\": \"1989 - Five\" }\n"
  "  ] }\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("catalog-%u", ++fixture_counter);
  g_autoptr(GError) error = NULL;

  fixture->dir = g_build_filename (tmp_root, name, NULL);
  g_assert_cmpint (g_mkdir (fixture->dir, 0700), ==, 0);
  fixture->catalog_path = g_build_filename (fixture->dir, "genesis.json", NULL);
  fixture->sidecar_path = g_build_filename (fixture->dir, "genesis.review.json", NULL);
  g_file_set_contents (fixture->catalog_path, catalog_text, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_chmod (fixture->dir, 0755);
  vt_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->catalog_path);
  g_free (fixture->sidecar_path);
}

static VtCatalog *
load_catalog (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->catalog_path);
  g_autoptr(GError) error = NULL;
  VtCatalog *catalog = vt_catalog_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  return catalog;
}

static VtReviewStore *
load_store (VtCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  VtReviewStore *store = vt_review_store_new (catalog);

  g_assert_true (vt_review_store_load (store, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(VtCatalog) catalog = load_catalog (fixture);
  g_autoptr(VtReviewStore) store = load_store (catalog);
  g_autoptr(VtCatalog) catalog2 = NULL;
  g_autoptr(VtReviewStore) store2 = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const VtReviewEntry *entry;

  /* No sidecar yet: every piece is not reviewed, and nothing is written. */
  g_assert_false (vt_review_store_get_in_data_dir (store));
  path = g_file_get_path (vt_review_store_get_file (store));
  g_assert_cmpstr (path, ==, fixture->sidecar_path);
  g_assert_null (vt_review_store_lookup (store, 2));
  g_assert_false (g_file_test (fixture->sidecar_path, G_FILE_TEST_EXISTS));

  g_assert_true (vt_review_store_set_state (store, 2, VT_REVIEW_STATE_APPROVED, &error));
  g_assert_true (vt_review_store_set_state (store, 4, VT_REVIEW_STATE_NEEDS_CHANGES, &error));
  g_assert_true (vt_review_store_set_note (store, 4, "The year is “1956”, not 1965;\nsee the source.", &error));
  g_assert_no_error (error);
  g_assert_cmpint (vt_item_get_review_state (vt_catalog_lookup (catalog, 2)), ==, VT_REVIEW_STATE_APPROVED);
  g_assert_false (vt_review_store_set_state (store, 77, VT_REVIEW_STATE_APPROVED, &error));
  g_assert_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_NO_PIECE);
  g_clear_error (&error);
  g_assert_true (vt_review_store_save (store, &error));
  g_assert_no_error (error);

  catalog2 = load_catalog (fixture);
  store2 = load_store (catalog2);
  entry = vt_review_store_lookup (store2, 4);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->state, ==, VT_REVIEW_STATE_NEEDS_CHANGES);
  g_assert_cmpstr (entry->note, ==, "The year is “1956”, not 1965;\nsee the source.");
  g_assert_nonnull (entry->who);
  g_assert_nonnull (entry->hash);
  when = g_date_time_new_from_iso8601 (entry->when, NULL);
  g_assert_nonnull (when);
  entry = vt_review_store_lookup (store2, 2);
  g_assert_cmpint (entry->state, ==, VT_REVIEW_STATE_APPROVED);
  g_assert_null (entry->note);

  g_assert_cmpint (vt_item_get_review_state (vt_catalog_lookup (catalog2, 2)), ==, VT_REVIEW_STATE_APPROVED);
  g_assert_cmpint (vt_item_get_review_state (vt_catalog_lookup (catalog2, 4)), ==, VT_REVIEW_STATE_NEEDS_CHANGES);
  g_assert_cmpint (vt_item_get_review_state (vt_catalog_lookup (catalog2, 1)), ==, VT_REVIEW_STATE_NOT_REVIEWED);
  g_assert_false (vt_item_get_review_changed (vt_catalog_lookup (catalog2, 2)));

  {
    guint counts[VT_N_REVIEW_STATES];

    vt_review_store_count (store2, counts);
    g_assert_cmpuint (counts[VT_REVIEW_STATE_NOT_REVIEWED], ==, 3);
    g_assert_cmpuint (counts[VT_REVIEW_STATE_APPROVED], ==, 1);
    g_assert_cmpuint (counts[VT_REVIEW_STATE_NEEDS_CHANGES], ==, 1);
  }
}

/* Saved as another file in another folder, the catalog takes its
 * reviews along; the old sidecar stays as it was. */
static void
test_follows_save_as (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(VtCatalog) catalog = load_catalog (fixture);
  g_autoptr(VtReviewStore) store = load_store (catalog);
  g_autoptr(VtCatalog) copy = NULL;
  g_autoptr(VtReviewStore) copy_store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "other", NULL);
  g_autofree char *copy_path = g_build_filename (folder, "copy.json", NULL);
  g_autofree char *copy_sidecar = g_build_filename (folder, "copy.review.json", NULL);
  g_autofree char *old_text = NULL;
  g_autofree char *old_text_after = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);

  g_assert_true (vt_review_store_set_state (store, 2, VT_REVIEW_STATE_APPROVED, &error));
  g_assert_true (vt_review_store_set_state (store, 4, VT_REVIEW_STATE_NEEDS_CHANGES, &error));
  g_assert_true (vt_review_store_save (store, &error));
  g_assert_no_error (error);
  old_text = read_text (fixture->sidecar_path);

  /* Nothing to follow while the catalog is where it was loaded from. */
  g_assert_false (vt_review_store_follow_catalog (store));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (vt_catalog_save (catalog, copy_file, &error));
  g_assert_no_error (error);
  g_assert_true (vt_review_store_follow_catalog (store));
  path = g_file_get_path (vt_review_store_get_file (store));
  g_assert_cmpstr (path, ==, copy_sidecar);
  g_assert_cmpint (vt_item_get_review_state (vt_catalog_lookup (catalog, 2)), ==, VT_REVIEW_STATE_APPROVED);
  g_assert_cmpint (vt_item_get_review_state (vt_catalog_lookup (catalog, 4)), ==, VT_REVIEW_STATE_NEEDS_CHANGES);

  /* A review made after goes to the new sidecar, with the others. */
  g_assert_true (vt_review_store_set_state (store, 5, VT_REVIEW_STATE_APPROVED, &error));
  g_assert_true (vt_review_store_save (store, &error));
  g_assert_no_error (error);
  old_text_after = read_text (fixture->sidecar_path);
  g_assert_cmpstr (old_text_after, ==, old_text);

  copy = vt_catalog_new_for_file (copy_file, NULL, &error);
  g_assert_no_error (error);
  copy_store = load_store (copy);
  g_assert_cmpint (vt_item_get_review_state (vt_catalog_lookup (copy, 2)), ==, VT_REVIEW_STATE_APPROVED);
  g_assert_cmpint (vt_item_get_review_state (vt_catalog_lookup (copy, 4)), ==, VT_REVIEW_STATE_NEEDS_CHANGES);
  g_assert_cmpint (vt_item_get_review_state (vt_catalog_lookup (copy, 5)), ==, VT_REVIEW_STATE_APPROVED);
  g_assert_cmpint (vt_item_get_review_state (vt_catalog_lookup (copy, 1)), ==, VT_REVIEW_STATE_NOT_REVIEWED);

  g_assert_false (vt_review_store_follow_catalog (store));
  g_unlink (copy_sidecar);
  g_unlink (copy_path);
  g_rmdir (folder);
}

/* Entries by number, whatever order they were made in, one group of
 * lines each, and the same text for the same reviews. */
static void
test_stable_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(VtCatalog) catalog = load_catalog (fixture);
  g_autoptr(VtReviewStore) store = load_store (catalog);
  g_autoptr(VtCatalog) catalog2 = NULL;
  g_autoptr(VtReviewStore) store2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  const char *previous = NULL;

  g_assert_true (vt_review_store_set_state (store, 5, VT_REVIEW_STATE_APPROVED, &error));
  g_assert_true (vt_review_store_set_state (store, 1, VT_REVIEW_STATE_NEEDS_CHANGES, &error));
  g_assert_true (vt_review_store_set_note (store, 3, "Check", &error));
  g_assert_true (vt_review_store_save (store, &error));
  g_assert_no_error (error);

  text = read_text (fixture->sidecar_path);
  for (guint n = 1; n <= 5; n++)
    {
      g_autofree char *key = g_strdup_printf ("\n    \"%u\": {\n", n);
      const char *found = strstr (text, key);

      g_assert_nonnull (found);
      g_assert_true (previous == NULL || found > previous);
      previous = found;
    }

  /* Read back and written again, byte for byte the same. */
  catalog2 = load_catalog (fixture);
  store2 = load_store (catalog2);
  again = vt_review_store_to_data (store2, NULL);
  g_assert_cmpstr (again, ==, text);
}

/* The groups of lines of @text, split before each entry's key line. */
static GPtrArray *
split_groups (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *groups = g_ptr_array_new_with_free_func (g_free);
  GString *group = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "    \"") && group->len > 0)
        {
          g_ptr_array_add (groups, g_string_free (group, FALSE));
          group = g_string_new (NULL);
        }
      g_string_append (group, lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append_c (group, '\n');
    }
  g_ptr_array_add (groups, g_string_free (group, FALSE));
  return groups;
}

/* A three-way merge of @ours and @theirs from @base: with git when it is
 * installed (as curators would merge), else group by group, each taken
 * from the side that changed it (and failing the test on a conflict). */
static char *
merge (const char *dir,
       const char *base,
       const char *ours,
       const char *theirs)
{
  g_autofree char *git = g_find_program_in_path ("git");

  if (git != NULL)
    {
      const char *names[] = { "ours", "base", "theirs" };
      const char *texts[] = { ours, base, theirs };
      char *paths[3] = { NULL, };
      g_auto(VtTestRun) run = { 0, };

      for (guint i = 0; i < 3; i++)
        {
          g_autoptr(GError) error = NULL;

          paths[i] = g_build_filename (dir, names[i], NULL);
          g_file_set_contents (paths[i], texts[i], -1, &error);
          g_assert_no_error (error);
        }

      g_test_message ("merging with git merge-file");
      vt_test_run (&run, dir, NULL,
                   (const char * const[]) { git, "merge-file", "-p", paths[0], paths[1], paths[2], NULL });
      g_assert_cmpint (run.status, ==, 0);   /* no conflict */
      for (guint i = 0; i < 3; i++)
        g_free (paths[i]);
      return g_steal_pointer (&run.out);
    }
  else
    {
      g_autoptr(GPtrArray) base_groups = split_groups (base);
      g_autoptr(GPtrArray) our_groups = split_groups (ours);
      g_autoptr(GPtrArray) their_groups = split_groups (theirs);
      GString *merged = g_string_new (NULL);

      g_test_message ("git is not installed: merging group by group");
      g_assert_cmpuint (our_groups->len, ==, base_groups->len);
      g_assert_cmpuint (their_groups->len, ==, base_groups->len);
      for (guint i = 0; i < base_groups->len; i++)
        {
          const char *b = g_ptr_array_index (base_groups, i);
          const char *o = g_ptr_array_index (our_groups, i);
          const char *t = g_ptr_array_index (their_groups, i);

          g_assert_true (g_str_equal (o, b) || g_str_equal (t, b));
          g_string_append (merged, g_str_equal (o, b) ? t : o);
        }
      return g_string_free (merged, FALSE);
    }
}

/* Two curators start from the same sidecar and review different pieces,
 * next to each other too: their files merge into one with both. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(VtCatalog) catalog = load_catalog (fixture);
  g_autoptr(VtReviewStore) store = load_store (catalog);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *merged = NULL;

  g_assert_true (vt_review_store_set_state (store, 1, VT_REVIEW_STATE_APPROVED, &error));
  g_assert_true (vt_review_store_save (store, &error));
  base = read_text (fixture->sidecar_path);

  {
    g_autoptr(VtReviewStore) a = load_store (catalog);

    g_assert_true (vt_review_store_set_state (a, 2, VT_REVIEW_STATE_APPROVED, &error));
    g_assert_true (vt_review_store_set_note (a, 2, "Fine", &error));
    g_assert_true (vt_review_store_set_state (a, 5, VT_REVIEW_STATE_NEEDS_CHANGES, &error));
    ours = vt_review_store_to_data (a, NULL);
  }
  {
    g_autoptr(VtReviewStore) b = load_store (catalog);

    g_assert_true (vt_review_store_set_state (b, 3, VT_REVIEW_STATE_NEEDS_CHANGES, &error));
    g_assert_true (vt_review_store_set_note (b, 3, "Wrong decade", &error));
    theirs = vt_review_store_to_data (b, NULL);
  }
  g_assert_no_error (error);

  merged = merge (fixture->dir, base, ours, theirs);
  g_file_set_contents (fixture->sidecar_path, merged, -1, &error);
  g_assert_no_error (error);

  {
    g_autoptr(VtCatalog) catalog2 = load_catalog (fixture);
    g_autoptr(VtReviewStore) both = load_store (catalog2);

    g_assert_cmpint (vt_review_store_lookup (both, 1)->state, ==, VT_REVIEW_STATE_APPROVED);
    g_assert_cmpint (vt_review_store_lookup (both, 2)->state, ==, VT_REVIEW_STATE_APPROVED);
    g_assert_cmpstr (vt_review_store_lookup (both, 2)->note, ==, "Fine");
    g_assert_cmpint (vt_review_store_lookup (both, 3)->state, ==, VT_REVIEW_STATE_NEEDS_CHANGES);
    g_assert_cmpstr (vt_review_store_lookup (both, 3)->note, ==, "Wrong decade");
    g_assert_cmpint (vt_review_store_lookup (both, 5)->state, ==, VT_REVIEW_STATE_NEEDS_CHANGES);
  }
}

/* A piece edited after its approval is told apart; one that needs
 * changes is expected to change. */
static void
test_changed_since_approved (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(VtCatalog) catalog = load_catalog (fixture);
  g_autoptr(VtReviewStore) store = load_store (catalog);
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GString) text = g_string_new (catalog_text);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->catalog_path);

  g_assert_true (vt_review_store_set_state (store, 2, VT_REVIEW_STATE_APPROVED, &error));
  g_assert_true (vt_review_store_set_state (store, 3, VT_REVIEW_STATE_APPROVED, &error));
  g_assert_true (vt_review_store_set_state (store, 4, VT_REVIEW_STATE_NEEDS_CHANGES, &error));
  g_assert_no_error (error);
  g_assert_false (vt_item_get_review_changed (vt_catalog_lookup (catalog, 2)));

  g_string_replace (text, "1917 - Two", "1917 - Two, corrected", 1);
  g_string_replace (text, "1956 - Four", "1956 - Four, corrected", 1);
  g_file_set_contents (fixture->catalog_path, text->str, -1, &error);
  g_assert_no_error (error);

  /* The same catalog loads again (a reload): the store follows it. */
  g_assert_true (vt_catalog_load (catalog, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vt_item_get_review_changed (vt_catalog_lookup (catalog, 2)));
  g_assert_false (vt_item_get_review_changed (vt_catalog_lookup (catalog, 3)));
  g_assert_false (vt_item_get_review_changed (vt_catalog_lookup (catalog, 4)));
  g_assert_cmpint (vt_item_get_review_state (vt_catalog_lookup (catalog, 2)), ==, VT_REVIEW_STATE_APPROVED);

  /* Approved again, it is up to date. */
  g_assert_true (vt_review_store_set_state (store, 2, VT_REVIEW_STATE_APPROVED, &error));
  g_assert_false (vt_item_get_review_changed (vt_catalog_lookup (catalog, 2)));
}

static void
test_broken (Fixture       *fixture,
             gconstpointer  data)
{
  static const char broken[] =
    "{\n"
    "  \"format\": \"vitrine-review\",\n"
    "  \"version\": 1,\n"
    "  \"reviews\": {\n"
    "    \"1\": {\n"
    "      \"state\": \"approved\"\n"
    "    },\n"
    "    \"2\": {\n"
    "      \"state\": \"aproved\"\n"
    "    }\n"
    "  }\n"
    "}\n";
  static const char truncated[] = "{\n  \"format\": \"vitrine-review\",\n  \"reviews\": {\n";
  g_autoptr(VtCatalog) catalog = load_catalog (fixture);
  g_autoptr(VtReviewStore) store = vt_review_store_new (catalog);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *after = NULL;

  g_file_set_contents (fixture->sidecar_path, broken, -1, &error);
  g_assert_no_error (error);

  g_assert_false (vt_review_store_load (store, NULL, &error));
  g_assert_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_BROKEN);
  /* The file and the line of the bad entry. */
  expected = g_strdup_printf ("%s:8: ", fixture->sidecar_path);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_assert_nonnull (vt_review_store_get_broken (store));
  g_clear_error (&error);

  /* Nothing is reviewed, nothing can be recorded, and the file stays. */
  g_assert_cmpint (vt_item_get_review_state (vt_catalog_lookup (catalog, 1)), ==, VT_REVIEW_STATE_NOT_REVIEWED);
  g_assert_false (vt_review_store_set_state (store, 1, VT_REVIEW_STATE_APPROVED, &error));
  g_assert_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_BROKEN);
  g_clear_error (&error);
  g_assert_false (vt_review_store_save (store, &error));
  g_assert_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_BROKEN);
  g_clear_error (&error);
  after = read_text (fixture->sidecar_path);
  g_assert_cmpstr (after, ==, broken);

  /* Not JSON at all: the line and column of where it stops. */
  g_file_set_contents (fixture->sidecar_path, truncated, -1, &error);
  g_assert_no_error (error);
  g_assert_false (vt_review_store_load (store, NULL, &error));
  g_assert_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_BROKEN);
  g_assert_true (g_str_has_prefix (error->message, fixture->sidecar_path));
  g_assert_true (g_regex_match_simple ("^:[0-9]+:[0-9]+: ",
                                       error->message + strlen (fixture->sidecar_path), 0, 0));
}

static void
test_unwritable_folder (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VtCatalog) catalog = load_catalog (fixture);
  g_autoptr(VtReviewStore) store = vt_review_store_new (catalog);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data_dir = NULL;

  if (!vt_test_unprivileged (tmp_root))
    return;
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  g_assert_cmpint (g_access (fixture->dir, W_OK), !=, 0);

  g_assert_true (vt_review_store_load (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vt_review_store_get_in_data_dir (store));
  path = g_file_get_path (vt_review_store_get_file (store));
  data_dir = g_build_filename (g_get_user_data_dir (), "vitrine", "reviews", NULL);
  g_assert_true (g_str_has_prefix (path, data_dir));
  g_assert_true (g_str_has_suffix (path, ".review.json"));

  g_assert_true (vt_review_store_set_state (store, 3, VT_REVIEW_STATE_APPROVED, &error));
  g_assert_true (vt_review_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (fixture->sidecar_path, G_FILE_TEST_EXISTS));

  {
    g_autoptr(VtCatalog) catalog2 = load_catalog (fixture);
    g_autoptr(VtReviewStore) store2 = load_store (catalog2);

    g_assert_cmpint (vt_item_get_review_state (vt_catalog_lookup (catalog2, 3)), ==, VT_REVIEW_STATE_APPROVED);
  }
}

static void
on_async_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The window's way: loading and saving in worker threads; of saves made
 * one after another, the file ends with the last. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(VtCatalog) catalog = load_catalog (fixture);
  g_autoptr(VtReviewStore) store = vt_review_store_new (catalog);
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  vt_review_store_load_async (store, NULL, on_async_cb, &loaded);
  WAIT_UNTIL (loaded != NULL);
  g_assert_true (vt_review_store_load_finish (store, loaded, &error));
  g_assert_no_error (error);

  g_assert_true (vt_review_store_set_state (store, 1, VT_REVIEW_STATE_APPROVED, &error));
  vt_review_store_save_async (store, NULL, on_async_cb, &first);
  g_assert_true (vt_review_store_set_state (store, 2, VT_REVIEW_STATE_NEEDS_CHANGES, &error));
  vt_review_store_save_async (store, NULL, on_async_cb, &second);
  WAIT_UNTIL (first != NULL && second != NULL);
  g_assert_true (vt_review_store_save_finish (store, first, &error));
  g_assert_true (vt_review_store_save_finish (store, second, &error));
  g_assert_no_error (error);

  text = read_text (fixture->sidecar_path);
  g_assert_nonnull (strstr (text, "\"needs-changes\""));
  g_assert_nonnull (strstr (text, "\"approved\""));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* Before any GLib call that reads it: g_get_user_data_dir() keeps the
   * first value. Not G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks the names
   * of a test's folders when it sets the next test's, and LeakSanitizer
   * reports them. */
  tmp_root = vt_test_make_tmp_dir ("vitrine-review-XXXXXX");
  data_home = g_build_filename (tmp_root, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/review-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("stable-order", test_stable_order);
  ADD ("merge", test_merge);
  ADD ("changed-since-approved", test_changed_since_approved);
  ADD ("broken", test_broken);
  ADD ("unwritable-folder", test_unwritable_folder);
  ADD ("async", test_async);
  ADD ("follows-save-as", test_follows_save_as);

  status = g_test_run ();

  vt_test_remove_tree (tmp_root);
  g_free (tmp_root);
  return status;
}
