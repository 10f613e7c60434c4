/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of the catalog core: load, search keystroke, sort change and memory per item. */

/*
 * Build and run:
 *
 *   meson compile -C build bench-core
 *   ./build/tests/bench/bench-core            # 10,000 and 100,000 items
 *   ./build/tests/bench/bench-core 1000 10000 # other sizes
 *   ./build/tests/bench/bench-core --data DIR --runs 3 10000
 *                                  # catalogs kept in DIR and reused
 *
 * To profile one part, keep a catalog and measure it alone (1 run):
 *
 *   ./build/tests/bench/bench-core --generate 10000 /tmp
 *   perf record -g ./build/tests/bench/bench-core --measure 10000 /tmp/catalog-10000.json 1
 *
 * It writes a synthetic catalog of each size (about 2.5 KB of text per
 * item, varied words with accented ones, attributes spread as in a real
 * collection) into a temporary folder, then measures each size in a
 * fresh process (it runs itself with --measure) so the peak memory of
 * one size does not hide the next. Each figure is the median of 5 runs
 * (3 from 100,000 items on), and each comparison is made in the same
 * run, against:
 *  - load: a bare json_parser_load_from_file() of the same file;
 *  - memory of the loaded catalog (resident after the first load) and
 *    the peak during it, per item: the file's size per item;
 *  - search keystroke: a plain memmem() of the same word over the same
 *    folded text of every item;
 *  - sort change to title: a qsort() by strcmp() of the same collation
 *    keys, made beforehand as the sorter keeps them;
 *  - save after one edit (an item replaced by vt_catalog_put_item()):
 *    one open(), write() and close() of the same bytes, which the save
 *    writes atomically (a file beside, synced, renamed over).
 * Besides its table it prints each figure for tests/bench/run as
 * "FIGURE<TAB>name<TAB>value<TAB>unit" and its reference as
 * "REFERENCE<TAB>..." (load-10k, memory-10k, memory-peak-10k, search-10k, sort-10k,
 * facets-10k, save-10k; "100k" for 100,000 items), times in CPU ms
 * except load and save, on the wall clock.
 * The keystroke and the sort go through the window's models: the core's
 * query and sorter in GtkFilterListModel and GtkSortListModel, through
 * the same VtQueryFilter and VtQuerySorter. No display is needed: the
 * list models need no gtk_init(), nothing is drawn, so no renderer is
 * involved.
 */

#define G_LOG_DOMAIN "vitrine-bench"
#define _GNU_SOURCE   /* memmem () */

#include "config.h"

#include "bench-util.h"
#include "vt-catalog.h"
#include "vt-facets.h"
#include "vt-query-filter.h"
#include "vt-query-sorter.h"
#include "vt-text.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A word found in about 1% of the items, accented in the text. */
#define RARE_WORD "Kádár"
#define RARE_SEARCH "kadar"

/* ---- Synthetic catalogs ---------------------------------------------- */

static const char * const syllables[] = {
  "ka", "lo", "ran", "mi", "dor", "te", "vas", "pe", "nor", "li", "ga", "bel",
  "to", "sun", "mar", "ve", "ri", "stan", "go", "el", "an", "ber", "cu", "des",
  "fa", "hol", "in", "jo", "kor", "lu", "mon", "ne", "os", "pra", "qui", "sel",
};

static const char * const accented[] = {
  "Győr", "Zürich", "Łódź", "Dvořák", "São Paulo", "Bogotá", "Málaga", "Kraków",
  "Orléans", "Ålesund", "Genève", "Çanakkale", "Núñez", "Pécs", "Brașov", "Škoda",
  "Mártírok", "Fő tér", "Szeged", "Perón", "Gdańsk", "Thessaloníki", "Tōkyō", "Hà Nội",
};

static const char * const regions[] = {
  "Europe", "Asia", "Africa", "North America", "South America", "Oceania", "Middle East",
};

static const char * const countries[] = {
  "Hungary", "USSR", "Poland", "Germany", "France", "United Kingdom", "Italy", "Spain",
  "Portugal", "Greece", "Turkey", "Egypt", "South Africa", "Nigeria", "Kenya", "Ethiopia",
  "India", "China", "Japan", "Korea", "Vietnam", "Indonesia", "Australia", "New Zealand",
  "USA", "Canada", "Mexico", "Cuba", "Brazil", "Argentina", "Chile", "Peru", "Colombia",
  "Iran", "Iraq", "Israel", "Syria", "Saudi Arabia", "Algeria", "Morocco", "Czechoslovakia",
  "Yugoslavia", "Romania", "Bulgaria", "Austria", "Switzerland", "Norway", "Sweden",
  "Finland", "Denmark", "Netherlands", "Belgium", "Ireland", "Pakistan", "Bangladesh",
  "Philippines", "Thailand", "Congo", "Angola", "Côte d’Ivoire",
};

static const char * const politics[] = {
  "Revolution", "War", "Treaty", "Independence", "Coup", "Election", "Assassination",
  "Reform", "Protest", "Science", "Disaster", "Division",
};

static const char * const conflicts[] = {
  "World War I", "World War II", "Cold War", "Korean War", "Vietnam War", "Gulf War",
  "Russian Civil War", "Spanish Civil War", "Decolonisation", "None",
};

static const char * const kinds[] = {
  "Historical Event", "Achievement", "Disaster", "Discovery", "Cultural Event", "Treaty",
};

static const char * const groups[] = {
  "Genesis", "Exodus", "Chronicle", "Atlas", "Archive",
};

typedef struct
{
  GRand     *rand;
  GPtrArray *words;
} Generator;

static const char *
pick (Generator          *gen,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (gen->rand, 0, n)];
}

#define PICK(gen, list) pick ((gen), (list), G_N_ELEMENTS (list))

static void
append_word (Generator *gen,
             GString   *out,
             gboolean   capital)
{
  const char *word;
  double u = g_rand_double (gen->rand);

  /* A few words are names with accents; the rest follows a rough Zipf
   * spread over the vocabulary, so common words repeat as in prose. */
  if (g_rand_int_range (gen->rand, 0, 100) < 6)
    word = PICK (gen, accented);
  else
    word = g_ptr_array_index (gen->words, (guint) (u * u * u * gen->words->len));

  if (capital && g_ascii_islower (word[0]))
    {
      g_string_append_c (out, g_ascii_toupper (word[0]));
      g_string_append (out, word + 1);
    }
  else
    g_string_append (out, word);
}

static void
append_sentence (Generator *gen,
                 GString   *out)
{
  guint n = g_rand_int_range (gen->rand, 8, 22);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, i == n / 2 && n > 12 ? ',' : ' ');
      if (i > 0 && i == n / 2 && n > 12)
        g_string_append_c (out, ' ');
      append_word (gen, out, i == 0);
    }
  g_string_append_c (out, '.');
}

static void
append_paragraph (Generator *gen,
                  GString   *out,
                  gsize      target)
{
  gsize start = out->len;

  while (out->len - start < target)
    {
      if (out->len > start)
        g_string_append_c (out, ' ');
      append_sentence (gen, out);
    }
}

static void
append_item (Generator *gen,
             GString   *out,
             guint      number,
             guint      total)
{
  int year = 1900 + g_rand_int_range (gen->rand, 0, 100);
  guint n_paragraphs = g_rand_int_range (gen->rand, 2, 5);
  guint n_countries = 1 + (g_rand_int_range (gen->rand, 0, 10) > 6) + (g_rand_int_range (gen->rand, 0, 10) > 8);
  gboolean rare = g_rand_int_range (gen->rand, 0, 100) == 0;
  guint whole = g_rand_int_range (gen->rand, 0, 20);
  guint decimals = g_rand_int_range (gen->rand, 1, 5);
  guint fraction = g_rand_int_range (gen->rand, 1, 10000);

  g_string_append_printf (out, "    {\n      \"number\": %u,\n      \"title\": \"%d - ", number, year);
  for (guint i = 0; i < 3; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_word (gen, out, TRUE);
    }
  g_string_append (out, "\",\n      \"about\": \"");
  append_sentence (gen, out);
  g_string_append_c (out, ' ');
  append_sentence (gen, out);
  g_string_append (out, "\",\n      \"text\": [\n");
  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_string_append (out, i > 0 ? ",\n        \"" : "        \"");
      if (rare && i == n_paragraphs - 1)
        g_string_append (out, "János " RARE_WORD " took power. ");
      append_paragraph (gen, out, 2200 / n_paragraphs);
      g_string_append_c (out, '"');
    }
  g_string_append_printf (out, "\n      ],\n      \"year\": %d,\n      \"decade\": \"%ds\",\n"
                          "      \"region\": \"%s\",\n      \"countries\": [",
                          year, year / 10 * 10, PICK (gen, regions));
  for (guint i = 0; i < n_countries; i++)
    g_string_append_printf (out, "%s\"%s\"", i > 0 ? ", " : "", PICK (gen, countries));
  g_string_append_printf (out, "],\n      \"politics\": \"%s\",\n      \"conflict\": \"%s\",\n"
                          "      \"type\": \"%s\",\n      \"impact\": %d,\n"
                          "      \"artist\": \"Artist %02d\",\n      \"group\": \"%s\",\n"
                          "      \"price\": \"%u.%0*u ETH\",\n      \"image\": \"images/%06u.jpg\"\n    }",
                          PICK (gen, politics), PICK (gen, conflicts), PICK (gen, kinds),
                          g_rand_int_range (gen->rand, 1, 11), g_rand_int_range (gen->rand, 0, 40),
                          PICK (gen, groups), whole, (int) decimals,
                          fraction % (guint) (decimals == 1 ? 10 : decimals == 2 ? 100 : decimals == 3 ? 1000 : 10000),
                          number);
  if (number < total)
    g_string_append (out, ",\n");
  else
    g_string_append_c (out, '\n');
}

static char *
generate_catalog (guint        n_items,
                  const char  *dir)
{
  g_autofree char *name = g_strdup_printf ("catalog-%u.json", n_items);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) out = g_string_sized_new ((gsize) n_items * 3000);
  g_autoptr(GError) error = NULL;
  Generator gen;

  gen.rand = g_rand_new_with_seed (n_items);
  gen.words = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 4000; i++)
    {
      GString *word = g_string_new (NULL);
      guint n = g_rand_int_range (gen.rand, 1, 4);

      for (guint s = 0; s < n; s++)
        g_string_append (word, PICK (&gen, syllables));
      g_ptr_array_add (gen.words, g_string_free (word, FALSE));
    }

  g_string_append_printf (out, "{\n  \"format\": \"vitrine-catalog\",\n  \"version\": 1,\n"
                          "  \"collection\": { \"name\": \"Synthetic %u\", \"total\": %u, \"currency\": \"ETH\" },\n"
                          "  \"items\": [\n", n_items, n_items);
  for (guint i = 1; i <= n_items; i++)
    append_item (&gen, out, i, n_items);
  g_string_append (out, "  ]\n}\n");

  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_error ("Cannot write %s: %s", path, error->message);

  /* The load checks that each image exists (it reads no image), so
   * empty files stand in for them and the catalog loads clean. */
  for (guint i = 1; i <= n_items; i++)
    {
      g_autofree char *image = g_strdup_printf ("%s/images/%06u.jpg", dir, i);
      int fd;

      if (i == 1)
        {
          g_autofree char *images = g_path_get_dirname (image);

          g_mkdir_with_parents (images, 0700);
        }
      fd = g_open (image, O_WRONLY | O_CREAT, 0600);
      if (fd < 0)
        g_error ("Cannot write %s: %s", image, g_strerror (errno));
      close (fd);
    }

  g_ptr_array_unref (gen.words);
  g_rand_free (gen.rand);
  return path;
}

/* ---- Measuring ------------------------------------------------------- */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the whole process: on a machine shared with other work,
 * wall time also counts the time others had the CPU. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

typedef struct
{
  double *wall;
  double *cpu;
  double  wall_start;
  double  cpu_start;
} Timing;

static void
timing_init (Timing *timing,
             guint   runs)
{
  timing->wall = g_new0 (double, runs);
  timing->cpu = g_new0 (double, runs);
}

static void
timing_clear (Timing *timing)
{
  g_clear_pointer (&timing->wall, g_free);
  g_clear_pointer (&timing->cpu, g_free);
}

static void
timing_start (Timing *timing)
{
  timing->wall_start = now_ms ();
  timing->cpu_start = cpu_ms ();
}

static void
timing_stop (Timing *timing,
             guint   run)
{
  timing->cpu[run] = cpu_ms () - timing->cpu_start;
  timing->wall[run] = now_ms () - timing->wall_start;
}

/* A field of /proc/self/status in kB ("VmHWM", "VmRSS"). */
static gint64
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field) + 1, NULL, 10);
}

static VtCatalog *
load_catalog (GFile *file)
{
  g_autoptr(GError) error = NULL;
  VtCatalog *catalog = vt_catalog_new ();

  if (!vt_catalog_load (catalog, file, NULL, &error))
    g_error ("%s", error->message);
  return catalog;
}

static void
bare_parse (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s", error->message);
}

/* Items whose folded text contains @needle, by plain memmem. */
static guint
memmem_scan (const char  **texts,
             const gsize  *lengths,
             guint         n,
             const char   *needle)
{
  gsize needle_length = strlen (needle);
  guint found = 0;

  for (guint i = 0; i < n; i++)
    found += memmem (texts[i], lengths[i], needle, needle_length) != NULL;
  return found;
}

static int
compare_keys (const void *a,
              const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "10k" for 10,000, "100k", or the number itself. */
static char *
size_name (guint n_items)
{
  if (n_items % 1000 == 0)
    return g_strdup_printf ("%uk", n_items / 1000);
  return g_strdup_printf ("%u", n_items);
}

static void
print_figure (const char *kind,
              const char *what,
              guint       n_items,
              double      value,
              const char *unit)
{
  g_autofree char *size = size_name (n_items);

  g_print ("%s\t%s-%s\t%.4f\t%s\n", kind, what, size, value, unit);
}

/* One piece edited, as an editor would: its JSON copied with another
 * title, made into a new item that replaces the old one. */
static void
edit_one_item (VtCatalog *catalog,
               GFile     *base_dir,
               guint      run)
{
  g_autoptr(VtItem) old = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  g_autoptr(JsonObject) object = vt_item_dup_json (old);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = g_strdup_printf ("%s (edited %u)", vt_item_get_title (old), run);
  g_autoptr(VtItem) edited = NULL;

  json_object_set_string_member (object, "title", title);
  edited = vt_item_new_from_json (object, base_dir, problems);
  vt_catalog_put_item (catalog, edited);
}

/* One plain write of @data, as the reference of a save. */
static void
plain_write (const char *path,
             const char *data,
             gsize       length)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  gsize done = 0;

  if (fd < 0)
    g_error ("Cannot write %s: %s", path, g_strerror (errno));
  while (done < length)
    {
      gssize n = write (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        g_error ("Cannot write %s: %s", path, g_strerror (errno));
      done += n;
    }
  close (fd);
}

enum {
  T_LOAD,
  T_PARSE,
  T_SEARCH,
  T_SCAN,
  T_SORT_IMPACT,
  T_SORT_PRICE,
  T_SORT_TITLE,
  T_FACETS_EMPTY,
  T_FACETS_SEARCH,
  T_FOLD,
  T_QSORT,
  T_SAVE,
  T_WRITE,
  N_TIMINGS
};

static void
print_row (const char *label,
           Timing     *timing,
           guint       runs)
{
  g_print ("  %-46s %9.2f %9.2f\n", label, bench_median (timing->wall, runs), bench_median (timing->cpu, runs));
}

static void
print_ratio (const char *label,
             Timing     *timing,
             Timing     *reference,
             guint       runs,
             double      goal)
{
  double wall = bench_median (timing->wall, runs) / bench_median (reference->wall, runs);
  double cpu = bench_median (timing->cpu, runs) / bench_median (reference->cpu, runs);

  /* Judged on the wall clock: loading builds items on every core, so its
   * CPU time is more than the time a user waits. */
  g_print ("  %-46s %8.2fx %8.2fx   goal <= %.1fx: %s\n", label, wall, cpu, goal,
           bench_verdict (wall <= goal));
}

static int
measure (guint       n_items,
         const char *path,
         guint       runs)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VtCatalog) catalog = NULL;
  g_autofree const char **texts = NULL;
  g_autofree gsize *lengths = NULL;
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(VtQuery) query = NULL;
  g_autoptr(VtSorter) sorter = NULL;
  Timing timings[N_TIMINGS];
  gint64 hwm_before, hwm_after, rss_after;
  gsize text_bytes = 0;
  guint64 file_size = 0;
  guint n_loaded, n_found = 0, n_scanned = 0;
  double first_search = -1, first_title = -1;
  g_autofree const char **keys = NULL;
  g_autoptr(GPtrArray) key_store = NULL;
  g_autoptr(GFile) base_dir = g_file_get_parent (file);
  g_autofree char *saved_path = g_strconcat (path, ".saved", NULL);
  g_autofree char *written_path = g_strconcat (path, ".written", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);

  for (guint i = 0; i < N_TIMINGS; i++)
    timing_init (&timings[i], runs);

  /* Memory first, in a process that has not parsed anything yet. */
  hwm_before = status_kb ("VmHWM:");
  timing_start (&timings[T_LOAD]);
  catalog = load_catalog (file);
  timing_stop (&timings[T_LOAD], 0);
  hwm_after = status_kb ("VmHWM:");
  rss_after = status_kb ("VmRSS:");
  n_loaded = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  if (n_loaded != n_items)
    g_error ("%s: loaded %u items of %u", path, n_loaded, n_items);

  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
    if (info != NULL)
      file_size = g_file_info_get_size (info);
  }

  /* Load against a bare parse, alternating, in the same run. */
  timing_start (&timings[T_PARSE]);
  bare_parse (path);
  timing_stop (&timings[T_PARSE], 0);
  for (guint r = 1; r < runs; r++)
    {
      g_autoptr(VtCatalog) again = NULL;

      timing_start (&timings[T_LOAD]);
      again = load_catalog (file);
      timing_stop (&timings[T_LOAD], r);
      g_clear_object (&again);

      timing_start (&timings[T_PARSE]);
      bare_parse (path);
      timing_stop (&timings[T_PARSE], r);
    }

  /* The same bytes the filter searches, for the plain scan. */
  texts = g_new (const char *, n_items);
  lengths = g_new (gsize, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      texts[i] = vt_item_get_search_text (item);
      lengths[i] = vt_item_get_search_text_length (item);
      text_bytes += lengths[i];
    }

  /* What the load spends on folding each item's search text, done
   * again here the same way (see vt_item_get_search_text()). */
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GString) out = g_string_sized_new (8192);

      timing_start (&timings[T_FOLD]);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (catalog), i);
          const char * const *text = vt_item_get_text (item);
          const char * const *places = vt_item_get_countries (item);
          const char *fields[] = {
            vt_item_get_title (item), vt_item_get_about (item), vt_item_get_decade (item),
            vt_item_get_region (item), vt_item_get_politics (item), vt_item_get_conflict (item),
            vt_item_get_kind (item), vt_item_get_artist (item), vt_item_get_group (item),
            vt_item_get_price_text (item),
          };

          g_string_truncate (out, 0);
          for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
            vt_text_fold_append (out, fields[f], -1);
          for (guint p = 0; text[p] != NULL; p++)
            vt_text_fold_append (out, text[p], -1);
          for (guint p = 0; places[p] != NULL; p++)
            vt_text_fold_append (out, places[p], -1);
        }
      timing_stop (&timings[T_FOLD], r);
    }

  /* One keystroke: from nothing to a word, so every item's whole text
   * is looked at; the filter model updates at once (not incremental). */
  query = vt_query_new ();
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (catalog)), vt_query_filter_new (query));
  gtk_filter_list_model_set_incremental (filtered, FALSE);
  for (guint r = 0; r < runs; r++)
    {
      vt_query_set_search (query, "");
      g_assert (g_list_model_get_n_items (G_LIST_MODEL (filtered)) == n_items);

      timing_start (&timings[T_SEARCH]);
      vt_query_set_search (query, RARE_SEARCH);
      n_found = g_list_model_get_n_items (G_LIST_MODEL (filtered));
      timing_stop (&timings[T_SEARCH], r);
      if (first_search < 0)
        first_search = timings[T_SEARCH].wall[r];

      timing_start (&timings[T_SCAN]);
      n_scanned = memmem_scan (texts, lengths, n_items, RARE_SEARCH);
      timing_stop (&timings[T_SCAN], r);
    }
  if (n_found != n_scanned)
    g_error ("The filter found %u items, memmem %u", n_found, n_scanned);

  /* Facet counts, as the sidebar recounts them after each change. */
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(VtFacets) facets = NULL;

      vt_query_set_search (query, "");
      timing_start (&timings[T_FACETS_EMPTY]);
      facets = vt_facets_compute (query, G_LIST_MODEL (catalog));
      timing_stop (&timings[T_FACETS_EMPTY], r);
      g_clear_pointer (&facets, vt_facets_free);

      vt_query_set_search (query, RARE_SEARCH);
      timing_start (&timings[T_FACETS_SEARCH]);
      facets = vt_facets_compute (query, G_LIST_MODEL (catalog));
      timing_stop (&timings[T_FACETS_SEARCH], r);
    }

  /* A sort change over the whole catalog, done in one go. */
  vt_query_set_search (query, "");
  sorter = vt_sorter_new (VT_SORT_NUMBER, FALSE);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (filtered)), vt_query_sorter_new (sorter));
  gtk_sort_list_model_set_incremental (sorted, FALSE);
  for (guint r = 0; r < runs; r++)
    {
      vt_sorter_set_key (sorter, VT_SORT_NUMBER);
      timing_start (&timings[T_SORT_IMPACT]);
      vt_sorter_set_key (sorter, VT_SORT_IMPACT);
      g_list_model_get_n_items (G_LIST_MODEL (sorted));
      timing_stop (&timings[T_SORT_IMPACT], r);

      timing_start (&timings[T_SORT_PRICE]);
      vt_sorter_set_key (sorter, VT_SORT_PRICE);
      g_list_model_get_n_items (G_LIST_MODEL (sorted));
      timing_stop (&timings[T_SORT_PRICE], r);

      timing_start (&timings[T_SORT_TITLE]);
      vt_sorter_set_key (sorter, VT_SORT_TITLE);
      g_list_model_get_n_items (G_LIST_MODEL (sorted));
      timing_stop (&timings[T_SORT_TITLE], r);
      if (first_title < 0)
        first_title = timings[T_SORT_TITLE].wall[r];
    }

  /* The same sort by qsort(), on the same keys made beforehand. */
  key_store = g_ptr_array_new_with_free_func (g_free);
  keys = g_new (const char *, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      char *key = vt_text_collate_key (vt_item_get_title (item));

      g_ptr_array_add (key_store, key);
    }
  for (guint r = 0; r < runs; r++)
    {
      memcpy (keys, key_store->pdata, n_items * sizeof (char *));
      timing_start (&timings[T_QSORT]);
      qsort (keys, n_items, sizeof (char *), compare_keys);
      timing_stop (&timings[T_QSORT], r);
    }

  /* A save after one edit, against one plain write of the same bytes. */
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize length;

      edit_one_item (catalog, base_dir, r);
      timing_start (&timings[T_SAVE]);
      if (!vt_catalog_save (catalog, saved, &error))
        g_error ("%s", error->message);
      timing_stop (&timings[T_SAVE], r);

      data = vt_catalog_to_data (catalog, &length);
      timing_start (&timings[T_WRITE]);
      plain_write (written_path, data, length);
      timing_stop (&timings[T_WRITE], r);
    }
  g_unlink (saved_path);
  g_unlink (written_path);

  g_print ("\n%u items: catalog %.1f MB, searchable text %.1f MB; median of %u runs\n",
           n_items, file_size / 1e6, text_bytes / 1e6, runs);
  g_print ("  %-46s %9s %9s\n", "", "wall ms", "cpu ms");
  print_row ("bare json_parser_load_from_file", &timings[T_PARSE], runs);
  print_row ("vt_catalog_load", &timings[T_LOAD], runs);
  print_ratio ("  load / bare parse", &timings[T_LOAD], &timings[T_PARSE], runs, 1.3);
  print_row ("  of which folding the search text (again)", &timings[T_FOLD], runs);
  print_row ("plain memmem over the same folded text", &timings[T_SCAN], runs);
  print_row ("search keystroke (filter model updated)", &timings[T_SEARCH], runs);
  print_ratio ("  keystroke / memmem", &timings[T_SEARCH], &timings[T_SCAN], runs, 3);
  if (n_items <= 10000)
    g_print ("  %-46s %9s %9s   goal < 16 ms: %s\n", "  keystroke", "", "",
             bench_verdict (bench_median (timings[T_SEARCH].cpu, runs) < 16));
  g_print ("  %-46s %9.2f\n", "  first keystroke after load", first_search);
  print_row ("sort change number -> impact", &timings[T_SORT_IMPACT], runs);
  print_row ("sort change impact -> price", &timings[T_SORT_PRICE], runs);
  print_row ("sort change price -> title", &timings[T_SORT_TITLE], runs);
  g_print ("  %-46s %9.2f\n", "  first sort by title (collation keys made)", first_title);
  print_row ("qsort of the same title keys", &timings[T_QSORT], runs);
  print_row ("save after one edit (vt_catalog_save)", &timings[T_SAVE], runs);
  print_row ("plain write of the same bytes", &timings[T_WRITE], runs);
  print_row ("facet counts, empty query", &timings[T_FACETS_EMPTY], runs);
  print_row ("facet counts, search set", &timings[T_FACETS_SEARCH], runs);
  g_print ("  %-46s %9.1f KB/item (peak %.0f MB, base %.0f MB)\n",
           "peak memory over the first load (VmHWM)",
           (double) (hwm_after - hwm_before) / n_items, hwm_after / 1024.0, hwm_before / 1024.0);
  g_print ("  %-46s %9.1f KB/item\n", "resident after the first load (VmRSS)",
           (double) (rss_after - hwm_before) / n_items);
  g_print ("  %-46s %9u of %u\n", "items matching \"" RARE_SEARCH "\"", n_found, n_items);

  /* For tests/bench/run: times as the table judges them, the wall clock
   * for load and save, the CPU for the rest. */
  print_figure ("FIGURE", "load", n_items, bench_median (timings[T_LOAD].wall, runs), "ms");
  print_figure ("REFERENCE", "load", n_items, bench_median (timings[T_PARSE].wall, runs), "ms");
  print_figure ("FIGURE", "memory", n_items, (double) (rss_after - hwm_before) / n_items, "KB/piece");
  print_figure ("REFERENCE", "memory", n_items, file_size / 1024.0 / n_items, "KB/piece");
  print_figure ("FIGURE", "memory-peak", n_items, (double) (hwm_after - hwm_before) / n_items, "KB/piece");
  print_figure ("REFERENCE", "memory-peak", n_items, file_size / 1024.0 / n_items, "KB/piece");
  print_figure ("FIGURE", "search", n_items, bench_median (timings[T_SEARCH].cpu, runs), "ms");
  print_figure ("REFERENCE", "search", n_items, bench_median (timings[T_SCAN].cpu, runs), "ms");
  print_figure ("FIGURE", "sort", n_items, bench_median (timings[T_SORT_TITLE].cpu, runs), "ms");
  print_figure ("REFERENCE", "sort", n_items, bench_median (timings[T_QSORT].cpu, runs), "ms");
  print_figure ("FIGURE", "facets", n_items, bench_median (timings[T_FACETS_SEARCH].cpu, runs), "ms");
  print_figure ("FIGURE", "save", n_items, bench_median (timings[T_SAVE].wall, runs), "ms");
  print_figure ("REFERENCE", "save", n_items, bench_median (timings[T_WRITE].wall, runs), "ms");

  for (guint i = 0; i < N_TIMINGS; i++)
    timing_clear (&timings[i]);

  return 0;
}

static void
remove_images (const char *dir)
{
  g_autofree char *images = g_build_filename (dir, "images", NULL);
  g_autoptr(GDir) listing = g_dir_open (images, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (images, name, NULL);

      g_unlink (path);
    }
  g_rmdir (images);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) sizes = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *self = NULL;
  int forced_runs = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_dir,
      "Folder where the catalogs are kept and reused (default: a temporary one)", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &forced_runs,
      "Runs of each measure (default 5, 3 from 100,000 items)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  if (argc == 5 && strcmp (argv[1], "--measure") == 0)
    return measure (atoi (argv[2]), argv[3], atoi (argv[4]));
  if (argc == 4 && strcmp (argv[1], "--generate") == 0)
    {
      g_autofree char *path = generate_catalog (atoi (argv[2]), argv[3]);

      g_print ("%s\n", path);
      return 0;
    }

  context = g_option_context_new ("[N_ITEMS...] - benchmark of the catalog core");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (forced_runs < 0)
    {
      g_printerr ("--runs must be at least 1\n");
      return 2;
    }

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (sizes, argv[i]);
  if (sizes->len == 0)
    {
      g_ptr_array_add (sizes, (char *) "10000");
      g_ptr_array_add (sizes, (char *) "100000");
    }

  if (data_dir != NULL)
    {
      if (g_mkdir_with_parents (data_dir, 0755) != 0)
        g_error ("Cannot make %s: %s", data_dir, g_strerror (errno));
      dir = g_strdup (data_dir);
    }
  else
    {
      dir = g_dir_make_tmp ("vitrine-bench-XXXXXX", &error);
      if (dir == NULL)
        g_error ("%s", error->message);
    }
  self = g_file_read_link ("/proc/self/exe", NULL);

  g_print ("Vitrine core benchmark (GTK %u.%u.%u, json-glib %s, %u cores); no display, no renderer\n",
           gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
           JSON_VERSION_S, g_get_num_processors ());

  for (guint i = 0; i < sizes->len && status == 0; i++)
    {
      guint n_items = atoi (g_ptr_array_index (sizes, i));
      guint runs = forced_runs > 0 ? (guint) forced_runs : n_items >= 100000 ? 3 : 5;
      g_autofree char *name = g_strdup_printf ("catalog-%u.json", n_items);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *last_image = g_strdup_printf ("%s/images/%06u.jpg", dir, n_items);
      g_autofree char *n_text = g_strdup_printf ("%u", n_items);
      g_autofree char *runs_text = g_strdup_printf ("%u", runs);
      const char *child_argv[] = { self, "--measure", n_text, path, runs_text, NULL };
      double t = now_ms ();

      if (n_items == 0)
        g_error ("Not a number of items: %s", (char *) g_ptr_array_index (sizes, i));

      /* A kept catalog is the same bytes again: the generator is seeded
       * by the number of items. */
      if (data_dir == NULL || !g_file_test (path, G_FILE_TEST_EXISTS)
          || !g_file_test (last_image, G_FILE_TEST_EXISTS))
        {
          g_autofree char *made = generate_catalog (n_items, dir);

          g_print ("\n(generated %s in %.1f s)\n", made, (now_ms () - t) / 1000);
        }
      fflush (stdout);

      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                         NULL, NULL, NULL, NULL, &status, &error))
        g_error ("%s", error->message);
      if (!g_spawn_check_wait_status (status, &error))
        g_printerr ("Measuring %u items failed: %s\n", n_items, error->message);
      if (data_dir == NULL)
        g_unlink (path);
    }

  if (data_dir == NULL)
    {
      remove_images (dir);
      g_rmdir (dir);
    }
  return status == 0 ? 0 : 1;
}
