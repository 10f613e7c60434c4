/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of input on a large collection: a word typed, a facet ticked, the order changed, each up to the frame that shows it. */

/*
 * Build and run (from the top of the source tree, the build in build/):
 *
 *   meson compile -C build bench-input
 *   dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
 *     build/tests/bench/bench-input [--collection DIR] [--runs N] \
 *       [--word WORD] [--sync-limit N]
 *
 * The collection is --collection DIR/catalog.json, by default
 * $XDG_CACHE_HOME/vitrine-bench/synthetic-100000, made once (if missing)
 * with `vt-make-sample synthetic 100000 DIR --no-images` and reused: the
 * window is what is measured, not thumbnails, so its tiles show their
 * placeholders.
 *
 * The window is Vitrine's main window, opened on the collection as
 * `vitrine CATALOG` opens it (settings in memory, as at a first start;
 * GSK_RENDERER=cairo unless set; the renderer used is printed). A tick
 * callback redraws the status line on every frame, as an animation would,
 * so frames keep coming while the window works. Then, --runs times (3):
 *   - the word (--word, "kesvi", a place the synthetic text names in
 *     about 1% of the pieces) is typed
 *     letter by letter into the search entry; each letter is an input;
 *   - "Europe" is ticked in the sidebar's region section (an input) and
 *     the order changed to title (an input; the first time, every title's
 *     collation key is made), then both undone and the search cleared.
 * Each input starts 100 ms after the last one's result was drawn. For
 * each, measured: the main thread's CPU time from the input to the end
 * of the first frame that shows its result (the grid's pieces are the
 * ones a GtkFilterListModel and GtkSortListModel over the same query and
 * sorter hold: their count, first and last, worked out beforehand; and
 * the sidebar shows their counts, which come a frame after them), the
 * same on the wall clock, and every frame meanwhile: the main thread's
 * CPU time since the frame before ("frame work") and the interval
 * between frames. --sync-limit sets the query model's (to measure its
 * synchronous path on the same collection).
 *
 * In the same run, the references: a plain memmem() of the word over the
 * same folded text of every piece; a qsort() of the same collation keys
 * of every title; a strcmp() of every piece's region, as a facet toggle's
 * plain scan.
 *
 * Besides its table it prints, for tests/bench/run, one line per figure:
 * "FIGURE<TAB>name<TAB>value<TAB>unit", and "REFERENCE<TAB>..." for the
 * reference of the figure of the same name. Nothing here asserts a time.
 */

#define G_LOG_DOMAIN "vitrine-bench"
#define _GNU_SOURCE   /* memmem () */

#include "config.h"

#include "bench-util.h"
#include "vt-facet-sidebar.h"
#include "vt-query-filter.h"
#include "vt-query-sorter.h"
#include "vt-text.h"
#include "vt-window-private.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define GAP_MS 100

typedef enum
{
  INPUT_SEARCH,
  INPUT_FACET,
  INPUT_SORT,
  INPUT_RESET,
  N_INPUT_KINDS
} InputKind;

static const char * const kind_names[N_INPUT_KINDS] = {
  "search-keystroke", "facet-toggle", "sort-change", "reset",
};

typedef struct
{
  InputKind  kind;
  char      *search;      /* INPUT_SEARCH, INPUT_RESET */
  gboolean   facet;       /* INPUT_FACET: Europe ticked */
  VtSortKey  sort;        /* INPUT_SORT */
  /* What the grid shows once the input is done. */
  guint      n_expected;
  VtItem    *first;
  VtItem    *last;
} Input;

typedef struct
{
  double cpu;             /* main thread, input to frame */
  double wall;
  double frame_max;
  guint  n_frames;
} Measure;

typedef struct
{
  VtWindow     *window;
  GArray       *inputs;   /* of Input */
  guint         next;
  gboolean      measuring;
  double        start_cpu;
  double        start_wall;
  double        frame_cpu;      /* at the end of the frame before */
  gint64        frame_time;
  double        max_work;
  guint         n_frames;

  GArray       *measures[N_INPUT_KINDS];    /* of Measure */
  GArray       *frame_work[N_INPUT_KINDS];  /* of double, ms */
  GArray       *intervals[N_INPUT_KINDS];
  double        first_sort;
  gboolean      done;
} Bench;

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
percentile (GArray *values,
            double  p)
{
  g_autofree double *copy = NULL;
  guint index;

  if (values->len == 0)
    return 0;
  copy = g_memdup2 (values->data, values->len * sizeof (double));
  qsort (copy, values->len, sizeof (double), bench_compare_doubles);
  index = (guint) (p * (values->len - 1) + 0.5);
  return copy[MIN (index, values->len - 1)];
}

static double
median_of (GArray *measures,
           gsize   offset)
{
  g_autofree double *values = g_new (double, MAX (measures->len, 1));

  if (measures->len == 0)
    return 0;
  for (guint i = 0; i < measures->len; i++)
    values[i] = G_STRUCT_MEMBER (double, &g_array_index (measures, Measure, i), offset);
  return bench_median (values, measures->len);
}

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

/* ---- The inputs and what each must show ---------------------------- */

static void
input_clear (gpointer data)
{
  Input *input = data;

  g_free (input->search);
  g_clear_object (&input->first);
  g_clear_object (&input->last);
}

static void
add_input (GArray    *inputs,
           InputKind  kind,
           const char *search,
           gboolean   facet,
           VtSortKey  sort)
{
  Input input = { kind, g_strdup (search), facet, sort, 0, NULL, NULL };

  g_array_append_val (inputs, input);
}

/* Each run: the word letter by letter, Europe, title; then undone. */
static GArray *
make_inputs (const char *word,
             guint       runs)
{
  GArray *inputs = g_array_new (FALSE, TRUE, sizeof (Input));

  g_array_set_clear_func (inputs, input_clear);
  for (guint r = 0; r < runs; r++)
    {
      for (gsize i = 1; i <= strlen (word); i++)
        {
          g_autofree char *typed = g_strndup (word, i);

          add_input (inputs, INPUT_SEARCH, typed, FALSE, VT_SORT_NUMBER);
        }
      add_input (inputs, INPUT_FACET, word, TRUE, VT_SORT_NUMBER);
      add_input (inputs, INPUT_SORT, word, TRUE, VT_SORT_TITLE);
      add_input (inputs, INPUT_FACET, word, FALSE, VT_SORT_TITLE);
      add_input (inputs, INPUT_SORT, word, FALSE, VT_SORT_NUMBER);
      add_input (inputs, INPUT_RESET, "", FALSE, VT_SORT_NUMBER);
    }

  return inputs;
}

/* The state each input leaves, through GTK's own filter and sort models
 * over the same query and sorter: before anything is timed. */
static void
expect_inputs (GArray    *inputs,
               VtCatalog *catalog)
{
  g_autoptr(VtQuery) query = vt_query_new ();
  g_autoptr(VtSorter) sorter = vt_sorter_new (VT_SORT_NUMBER, FALSE);
  g_autoptr(GtkSortListModel) sorted = NULL;
  GtkFilterListModel *filtered;

  vt_sorter_set_currency (sorter, vt_catalog_get_currency (catalog));
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (catalog)), vt_query_filter_new (query));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), vt_query_sorter_new (sorter));

  for (guint i = 0; i < inputs->len; i++)
    {
      Input *input = &g_array_index (inputs, Input, i);
      GListModel *model = G_LIST_MODEL (sorted);

      vt_query_set_search (query, input->search);
      vt_query_set_facet_selected (query, VT_FACET_REGION, "Europe", input->facet);
      vt_sorter_set_key (sorter, input->sort);
      input->n_expected = g_list_model_get_n_items (model);
      if (input->n_expected > 0)
        {
          input->first = g_list_model_get_item (model, 0);
          input->last = g_list_model_get_item (model, input->n_expected - 1);
        }
    }
}

static gboolean
shows (VtWindow    *window,
       const Input *input)
{
  GListModel *model = G_LIST_MODEL (window->sort_model);
  g_autoptr(VtItem) first = NULL;
  g_autoptr(VtItem) last = NULL;

  /* The sidebar's counts of the result, a frame after the grid's. */
  if (g_list_model_get_n_items (model) != input->n_expected
      || vt_facet_sidebar_get_pending (window->sidebar))
    return FALSE;
  if (input->n_expected == 0)
    return TRUE;
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, input->n_expected - 1);
  return first == input->first && last == input->last;
}

/* ---- Driving the window -------------------------------------------- */

static void
perform (Bench       *bench,
         const Input *input)
{
  VtWindow *window = bench->window;

  switch (input->kind)
    {
    case INPUT_SEARCH:
    case INPUT_RESET:
      /* What typing does, without the entry's delay before it searches. */
      gtk_editable_set_text (GTK_EDITABLE (window->search_entry), input->search);
      g_signal_emit_by_name (window->search_entry, "search-changed");
      break;

    case INPUT_FACET:
      gtk_check_button_set_active (vt_facet_sidebar_get_check (window->sidebar, VT_FACET_REGION, "Europe"),
                                   input->facet);
      break;

    case INPUT_SORT:
      gtk_drop_down_set_selected (window->sort_dropdown, input->sort);
      break;

    case N_INPUT_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean next_input_cb (gpointer user_data);

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  double cpu = thread_cpu_ms ();
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);
  const Input *input;
  double work = cpu - bench->frame_cpu;
  double interval = (frame_time - bench->frame_time) / 1000.0;

  bench->frame_cpu = cpu;
  bench->frame_time = frame_time;
  if (!bench->measuring)
    return;

  input = &g_array_index (bench->inputs, Input, bench->next);
  g_array_append_val (bench->frame_work[input->kind], work);
  g_array_append_val (bench->intervals[input->kind], interval);
  bench->max_work = MAX (bench->max_work, work);
  bench->n_frames++;

  if (shows (bench->window, input))
    {
      Measure measure = { cpu - bench->start_cpu, wall_ms () - bench->start_wall,
                          bench->max_work, bench->n_frames };

      if (input->kind == INPUT_SORT && bench->first_sort < 0 && input->sort == VT_SORT_TITLE)
        bench->first_sort = measure.cpu;
      else
        g_array_append_val (bench->measures[input->kind], measure);

      bench->measuring = FALSE;
      bench->next++;
      g_timeout_add (GAP_MS, next_input_cb, bench);
    }
}

static gboolean
next_input_cb (gpointer user_data)
{
  Bench *bench = user_data;

  if (bench->next >= bench->inputs->len)
    {
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  bench->measuring = TRUE;
  bench->max_work = 0;
  bench->n_frames = 0;
  bench->start_wall = wall_ms ();
  bench->start_cpu = thread_cpu_ms ();
  perform (bench, &g_array_index (bench->inputs, Input, bench->next));

  return G_SOURCE_REMOVE;
}

/* Keeps frames coming, as an animation would. */
static gboolean
redraw_cb (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* ---- References ---------------------------------------------------- */

static int
compare_keys (const void *a,
              const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

typedef struct
{
  double search;
  double sort;
  double facet;
} References;

static void
measure_references (VtCatalog  *catalog,
                    const char *word,
                    guint       runs,
                    References *references)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char **sorting = g_new (char *, MAX (n, 1));
  g_autofree double *search = g_new (double, runs);
  g_autofree double *sort = g_new (double, runs);
  g_autofree double *facet = g_new (double, runs);
  g_autofree char *needle = vt_text_fold (word);
  gsize needle_length = strlen (needle);
  guint found = 0;

  for (guint i = 0; i < n; i++)
    {
      VtItem *item = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      const char *title = vt_item_get_title (item);

      g_ptr_array_add (items, item);
      g_ptr_array_add (keys, vt_text_collate_key (title != NULL ? title : ""));
    }

  for (guint r = 0; r < runs; r++)
    {
      double start = thread_cpu_ms ();

      for (guint i = 0; i < n; i++)
        {
          VtItem *item = g_ptr_array_index (items, i);

          found += memmem (vt_item_get_search_text (item), vt_item_get_search_text_length (item),
                           needle, needle_length) != NULL;
        }
      search[r] = thread_cpu_ms () - start;

      memcpy (sorting, keys->pdata, n * sizeof (char *));
      start = thread_cpu_ms ();
      qsort (sorting, n, sizeof (char *), compare_keys);
      sort[r] = thread_cpu_ms () - start;

      start = thread_cpu_ms ();
      for (guint i = 0; i < n; i++)
        {
          const char *region = vt_item_get_region (g_ptr_array_index (items, i));

          found += region != NULL && strcmp (region, "Europe") == 0;
        }
      facet[r] = thread_cpu_ms () - start;
    }

  references->search = bench_median (search, runs);
  references->sort = bench_median (sort, runs);
  references->facet = bench_median (facet, runs);
  g_debug ("%u found", found);
}

/* ---- Main ---------------------------------------------------------- */

static void
wait_until (gboolean (*done) (VtWindow *window),
            VtWindow  *window)
{
  while (!done (window))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
loaded (VtWindow *window)
{
  return !vt_window_get_loading (window)
         && vt_window_get_file (window) != NULL
         && g_list_model_get_n_items (G_LIST_MODEL (window->sort_model))
            == g_list_model_get_n_items (G_LIST_MODEL (window->catalog))
         && vt_facet_sidebar_get_check (window->sidebar, VT_FACET_REGION, "Europe") != NULL
         && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static char *
ensure_collection (const char *collection)
{
  char *catalog = g_build_filename (collection, "catalog.json", NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (g_file_test (catalog, G_FILE_TEST_EXISTS))
    return catalog;

  {
    g_autofree char *basename = g_path_get_basename (collection);
    const char *count = g_str_has_prefix (basename, "synthetic-") ? basename + strlen ("synthetic-") : "100000";
    g_autofree char *n = g_strndup (count, strspn (count, "0123456789"));
    const char *argv[] = {
      VT_BUILD_ROOT "/src/tools/vt-make-sample", "synthetic", n, collection, "--no-images", NULL,
    };

    g_printerr ("Making %s (once)…\n", collection);
    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error)
        || !g_spawn_check_wait_status (status, &error))
      g_error ("Cannot make %s: %s", collection, error->message);
  }

  return catalog;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *collection = NULL;
  g_autofree char *word = NULL;
  g_autofree char *catalog_path = NULL;
  g_autofree char *cache_home = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int runs = 3;
  gint64 sync_limit = -1;
  GOptionEntry entries[] = {
    { "collection", 0, 0, G_OPTION_ARG_FILENAME, &collection, "Folder of the catalog.json to open", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Times the inputs are made (3)", "N" },
    { "word", 0, 0, G_OPTION_ARG_STRING, &word, "The word typed (kesvi)", "WORD" },
    { "sync-limit", 0, 0, G_OPTION_ARG_INT64, &sync_limit, "The query model's sync-limit", "N" },
    { NULL }
  };
  Bench bench = { 0 };
  References references;
  GdkFrameClock *clock;
  guint n_items;

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— input on a large collection");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (collection == NULL)
    collection = g_build_filename (g_get_user_cache_dir (), "vitrine-bench", "synthetic-100000", NULL);
  if (word == NULL)
    word = g_strdup ("kesvi");
  runs = MAX (runs, 1);
  catalog_path = ensure_collection (collection);

  /* A first start, its thumbnails (if any) kept beside the collection. */
  cache_home = g_strconcat (collection, ".cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", VT_BUILD_ROOT "/data", TRUE);
  gtk_init ();

  bench.window = g_object_new (VT_TYPE_WINDOW, NULL);
  if (sync_limit >= 0)
    g_object_set (bench.window->sort_model, "sync-limit", (guint) MIN (sync_limit, G_MAXUINT), NULL);
  gtk_window_present (GTK_WINDOW (bench.window));
  file = g_file_new_for_path (catalog_path);
  vt_window_open_file (bench.window, file);
  wait_until (loaded, bench.window);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (bench.window->catalog));

  bench.inputs = make_inputs (word, runs);
  expect_inputs (bench.inputs, bench.window->catalog);
  measure_references (bench.window->catalog, word, 5, &references);
  for (guint k = 0; k < N_INPUT_KINDS; k++)
    {
      bench.measures[k] = g_array_new (FALSE, FALSE, sizeof (Measure));
      bench.frame_work[k] = g_array_new (FALSE, FALSE, sizeof (double));
      bench.intervals[k] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  bench.first_sort = -1;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &bench);
  gtk_widget_add_tick_callback (GTK_WIDGET (bench.window->status_label), redraw_cb, NULL, NULL);
  bench.frame_cpu = thread_cpu_ms ();
  bench.frame_time = gdk_frame_clock_get_frame_time (clock);
  g_timeout_add (500, next_input_cb, &bench);
  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);

  g_print ("Vitrine input benchmark (GTK %u.%u.%u, renderer %s, %u cores): %s, %'u pieces, "
           "\"%s\" typed, %d runs\n",
           gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (bench.window))),
           g_get_num_processors (), catalog_path, n_items, word, runs);
  g_print ("Per input, medians: the main thread's CPU time from the input to the frame that\n"
           "shows its result, the wall time, the longest frame work meanwhile; then frame work\n"
           "(main thread per frame) and frame intervals over all frames of that kind of input.\n\n");
  g_print ("  %-18s %6s %10s %10s %10s %11s %11s   %s\n", "input", "count", "main ms", "wall ms",
           "max frame", "work p95", "interval p95", "goal: main < 16 ms or frame work p95 < 16 ms");
  for (guint k = 0; k < INPUT_RESET; k++)
    {
      double main_ms = median_of (bench.measures[k], G_STRUCT_OFFSET (Measure, cpu));
      double work_p95 = percentile (bench.frame_work[k], 0.95);

      g_print ("  %-18s %6u %10.2f %10.2f %10.2f %11.2f %11.2f   %s\n", kind_names[k], bench.measures[k]->len,
               main_ms, median_of (bench.measures[k], G_STRUCT_OFFSET (Measure, wall)),
               median_of (bench.measures[k], G_STRUCT_OFFSET (Measure, frame_max)),
               work_p95, percentile (bench.intervals[k], 0.95),
               bench_verdict (main_ms < 16 || work_p95 < 16));
    }
  g_print ("  %-18s %6s %10.2f\n", "first title sort", "", bench.first_sort);
  g_print ("\n  references: memmem %.2f ms, qsort of the title keys %.2f ms, region scan %.2f ms\n\n",
           references.search, references.sort, references.facet);

  print_figure ("FIGURE", "search-keystroke", n_items,
                median_of (bench.measures[INPUT_SEARCH], G_STRUCT_OFFSET (Measure, cpu)), "ms");
  print_figure ("REFERENCE", "search-keystroke", n_items, references.search, "ms");
  print_figure ("FIGURE", "facet-toggle", n_items,
                median_of (bench.measures[INPUT_FACET], G_STRUCT_OFFSET (Measure, cpu)), "ms");
  print_figure ("REFERENCE", "facet-toggle", n_items, references.facet, "ms");
  print_figure ("FIGURE", "sort-change", n_items,
                median_of (bench.measures[INPUT_SORT], G_STRUCT_OFFSET (Measure, cpu)), "ms");
  print_figure ("REFERENCE", "sort-change", n_items, references.sort, "ms");
  print_figure ("FIGURE", "sort-change-first", n_items, bench.first_sort, "ms");
  print_figure ("FIGURE", "search-keystroke-wall", n_items,
                median_of (bench.measures[INPUT_SEARCH], G_STRUCT_OFFSET (Measure, wall)), "ms");
  print_figure ("FIGURE", "typing-frame-work-p95", n_items, percentile (bench.frame_work[INPUT_SEARCH], 0.95), "ms");
  print_figure ("FIGURE", "typing-interval-p95", n_items, percentile (bench.intervals[INPUT_SEARCH], 0.95), "ms");
  print_figure ("FIGURE", "facet-frame-work-p95", n_items, percentile (bench.frame_work[INPUT_FACET], 0.95), "ms");
  print_figure ("FIGURE", "sort-frame-work-p95", n_items, percentile (bench.frame_work[INPUT_SORT], 0.95), "ms");

  for (guint k = 0; k < N_INPUT_KINDS; k++)
    {
      g_array_unref (bench.measures[k]);
      g_array_unref (bench.frame_work[k]);
      g_array_unref (bench.intervals[k]);
    }
  g_array_unref (bench.inputs);
  gtk_window_destroy (GTK_WINDOW (bench.window));

  return 0;
}
