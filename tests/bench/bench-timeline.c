/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of the timeline: frame intervals and peak memory scrolling 10,000 pieces at two zooms, beside the grid's. */

/*
 * Build and run (from the top of the source tree, the build in build/):
 *
 *   meson compile -C build bench-timeline
 *   dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
 *     build/tests/bench/bench-timeline [--runs N] [--speed PX_PER_S] \
 *       [--seconds S] [--collection DIR]
 *
 * As bench-gallery.c does, the driver runs every measurement in a child
 * process of its own (this program with --child MODE), on the synthetic
 * collection of 10,000 pieces that bench-gallery makes
 * ($XDG_CACHE_HOME/vitrine-bench/synthetic-10000-1024, not made here),
 * with its warm thumbnail cache beside it when there is one (else an
 * empty one: cold). Each child opens it as `vitrine CATALOG` would, in a
 * first start's window (GSETTINGS_BACKEND=memory), in one view:
 *   - grid: the grid; a tick callback moves its vertical adjustment;
 *   - timeline-close: the timeline at its closest zoom;
 *   - timeline-wide: the timeline at a quarter of the way from its
 *     widest zoom (which shows the whole span, with nothing to scroll),
 *     where years share slots and crowded ones are clusters;
 * the timeline's horizontal adjustment moved the same way. Every mode
 * scrolls at --speed logical pixels a second (default 10000) from the
 * start, back and forth at the ends, for at least 3 s and until it
 * reached the end once or --seconds (default 8) passed. Recorded per
 * frame: the interval between frame times. Reported: the median and
 * 95th percentile, and the peak resident memory (VmHWM) at the end.
 * The runs of the three modes are interleaved (--runs, default 1, as
 * the machine is shared: more for steadier figures); each figure is the
 * median of the runs. Nothing here asserts a time.
 *
 * Besides the table, lines for tests/bench/run, for each zoom (NAME
 * timeline-wide or timeline-close): NAME-p50, NAME-p95 and NAME-memory
 * as FIGURE<TAB>name<TAB>value<TAB>unit, each with the grid's figure of
 * the same run as the REFERENCE of the same name (goals: p95 at most the
 * grid's, a ratio of 1), and NAME-memory-over-grid (goal: under 50 MB),
 * which has none.
 */

#define G_LOG_DOMAIN "vitrine-bench"

#include "config.h"

#include "vt-application.h"
#include "vt-window-private.h"

#include <glib/gi18n.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"

#define MIN_SECONDS 3.0

static int    n_runs = 1;
static double speed = 10000;
static double max_seconds = 8;
static char  *collection_arg;
static char  *child_mode;

static const char *modes[] = { "grid", "timeline-wide", "timeline-close" };

/* ------------------------------------------------------------------ */
/* The child                                                          */

static struct
{
  VtWindow *window;
  gboolean  scrolling;
  int       direction;
  gboolean  reached_end;
  gint64    start_frame_time;
  gint64    last_frame_time;
  GArray   *intervals;   /* ms */
} child;

static gboolean
timeline_mode (void)
{
  return g_str_has_prefix (child_mode, "timeline");
}

static double
percentile (GArray *values,
            double  fraction)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint rank;

  if (values->len == 0)
    return NAN;
  g_array_sort (sorted, bench_compare_doubles);
  rank = CLAMP ((guint) ceil (fraction * sorted->len), 1, sorted->len);
  return g_array_index (sorted, double, rank - 1);
}

/* A line of /proc/self/status, in kB; -1 when missing. */
static gint64
proc_status_kb (const char *key)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_ascii_strtoll (lines[i] + strlen (key) + 1, NULL, 10);

  return -1;
}

static GtkAdjustment *
scroll_adjustment (void)
{
  if (timeline_mode ())
    return gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (child.window->timeline));

  return gtk_scrolled_window_get_vadjustment (vt_gallery_view_get_scroller (child.window->gallery));
}

static void
finish (void)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (child.window));

  printf ("renderer=%s\n", renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
  printf ("frames=%u\n", child.intervals->len);
  printf ("pixels=%.0f\n", gtk_adjustment_get_upper (scroll_adjustment ()));
  printf ("interval-median-ms=%.3f\n", percentile (child.intervals, 0.5));
  printf ("interval-p95-ms=%.3f\n", percentile (child.intervals, 0.95));
  printf ("vmhwm-kb=%" G_GINT64_FORMAT "\n", proc_status_kb ("VmHWM"));
  if (timeline_mode ())
    printf ("px-per-year=%.2f\n", vt_timeline_layout_get_px_per_year (vt_timeline_get_layout (child.window->timeline)));
  fflush (stdout);
  exit (0);
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  GtkAdjustment *adjustment = scroll_adjustment ();
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  double elapsed;

  if (child.start_frame_time == 0)
    {
      child.start_frame_time = frame_time;
      child.direction = 1;
    }
  else
    {
      double interval = (frame_time - child.last_frame_time) / 1000.0;

      g_array_append_val (child.intervals, interval);
      value += child.direction * speed * interval / 1000.0;
    }
  child.last_frame_time = frame_time;

  if (value >= end)
    {
      value = end;
      child.direction = -1;
      child.reached_end = TRUE;
    }
  else if (value <= 0 && child.direction < 0)
    {
      value = 0;
      child.direction = 1;
    }
  gtk_adjustment_set_value (adjustment, value);

  elapsed = (frame_time - child.start_frame_time) / 1e6;
  if (elapsed >= max_seconds || (child.reached_end && elapsed >= MIN_SECONDS))
    finish ();

  return G_SOURCE_CONTINUE;
}

/* The view shows the collection: start scrolling, at the mode's zoom. */
static void
on_after_paint_cb (GdkFrameClock *clock)
{
  GtkWidget *view;

  if (child.scrolling || vt_window_get_loading (child.window) || vt_window_get_file (child.window) == NULL)
    return;

  if (timeline_mode ())
    {
      const VtTimelineLayout *layout = vt_timeline_get_layout (child.window->timeline);

      if (layout == NULL || vt_timeline_layout_get_n_slots (layout) == 0)
        return;
      vt_timeline_set_zoom (child.window->timeline, g_str_equal (child_mode, "timeline-close") ? 1.0 : 0.25);
      view = GTK_WIDGET (child.window->timeline);
    }
  else
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (child.window->main_stack), "grid") != 0)
        return;
      view = GTK_WIDGET (vt_gallery_view_get_grid_view (child.window->gallery));
    }

  child.scrolling = TRUE;
  gtk_widget_add_tick_callback (view, on_tick_cb, NULL, NULL);
}

static void
on_window_realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window)
{
  if (!VT_IS_WINDOW (window) || child.window != NULL)
    return;

  child.window = VT_WINDOW (window);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
}

static gboolean
on_child_timeout_cb (gpointer user_data)
{
  g_printerr ("bench-timeline --child %s: gave up (scrolling %s)\n", child_mode,
              child.scrolling ? "started" : "never started");
  exit (3);
}

static int
run_child (const char *argv0,
           const char *catalog)
{
  g_autoptr(VtApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  char *app_argv[] = { (char *) argv0, (char *) catalog, NULL };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, VT_BUILD_ROOT "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  child.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "view", timeline_mode () ? "timeline" : "grid");

  app = vt_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);
  g_timeout_add_seconds (120 + (guint) max_seconds, on_child_timeout_cb, NULL);

  return g_application_run (G_APPLICATION (app), 2, app_argv);
}

/* ------------------------------------------------------------------ */
/* The driver                                                         */

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                               NULL, NULL);
  GFile *child_file;

  while (children != NULL && g_file_enumerator_iterate (children, NULL, &child_file, NULL, NULL)
         && child_file != NULL)
    remove_tree (child_file);
  g_file_delete (file, NULL, NULL);
}

static GHashTable *
run_measured (const char *self_path,
              const char *mode,
              const char *catalog,
              char      **env)
{
  g_autofree char *speed_arg = g_strdup_printf ("%g", speed);
  g_autofree char *seconds_arg = g_strdup_printf ("%g", max_seconds);
  const char *argv[] = { self_path, "--child", mode, "--speed", speed_arg, "--seconds", seconds_arg,
                         catalog, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *values;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-timeline --child %s: %s\n%s", mode, error->message, err != NULL ? err : "");
      return NULL;
    }

  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *eq = strchr (lines[i], '=');

      if (eq != NULL)
        g_hash_table_insert (values, g_strndup (lines[i], eq - lines[i]), g_strdup (eq + 1));
    }

  return values;
}

typedef struct
{
  GArray *median;
  GArray *p95;
  GArray *peak_mb;
  char   *renderer;
  double  pixels;
} Figures;

static void
add_run (Figures    *figures,
         GHashTable *values)
{
  double median = g_ascii_strtod (g_hash_table_lookup (values, "interval-median-ms"), NULL);
  double p95 = g_ascii_strtod (g_hash_table_lookup (values, "interval-p95-ms"), NULL);
  double peak = g_ascii_strtod (g_hash_table_lookup (values, "vmhwm-kb"), NULL) / 1024.0;

  g_array_append_val (figures->median, median);
  g_array_append_val (figures->p95, p95);
  g_array_append_val (figures->peak_mb, peak);
  g_free (figures->renderer);
  figures->renderer = g_strdup (g_hash_table_lookup (values, "renderer"));
  figures->pixels = g_ascii_strtod (g_hash_table_lookup (values, "pixels"), NULL);
}

static double
median_of (GArray *values)
{
  return values->len > 0 ? bench_median ((double *) values->data, values->len) : NAN;
}

static int
run_driver (const char *self_path)
{
  g_autofree char *dir = collection_arg != NULL
                         ? g_strdup (collection_arg)
                         : g_build_filename (g_get_user_cache_dir (), "vitrine-bench", "synthetic-10000-1024", NULL);
  g_autofree char *catalog = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *warm = g_strconcat (dir, ".cache", NULL);
  g_autofree char *cold = NULL;
  gboolean is_warm = g_file_test (warm, G_FILE_TEST_IS_DIR);
  g_auto(GStrv) env = g_get_environ ();
  Figures figures[G_N_ELEMENTS (modes)] = { 0, };
  double grid_p95, grid_peak;

  if (!g_file_test (catalog, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("bench-timeline: no collection at %s (bench-gallery makes it)\n", catalog);
      return 1;
    }
  if (!is_warm)
    cold = g_dir_make_tmp ("bench-timeline-XXXXXX", NULL);

  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", VT_BUILD_ROOT "/data", FALSE);
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", FALSE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", is_warm ? warm : cold, TRUE);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      figures[m].median = g_array_new (FALSE, FALSE, sizeof (double));
      figures[m].p95 = g_array_new (FALSE, FALSE, sizeof (double));
      figures[m].peak_mb = g_array_new (FALSE, FALSE, sizeof (double));
    }

  for (int run = 0; run < n_runs; run++)
    for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
      {
        g_autoptr(GHashTable) values = run_measured (self_path, modes[m], catalog, env);

        if (values == NULL)
          return 1;
        add_run (&figures[m], values);
        fprintf (stderr, "run %d %s: p50 %s ms, p95 %s ms, %s frames, peak %s kB\n", run + 1, modes[m],
                 (char *) g_hash_table_lookup (values, "interval-median-ms"),
                 (char *) g_hash_table_lookup (values, "interval-p95-ms"),
                 (char *) g_hash_table_lookup (values, "frames"),
                 (char *) g_hash_table_lookup (values, "vmhwm-kb"));
      }

  printf ("Scrolling %s at %.0f px/s, %s thumbnail cache, renderer %s; medians of %d run(s):\n\n",
          catalog, speed, is_warm ? "warm" : "cold", figures[0].renderer, n_runs);
  printf ("  %-16s %12s %12s %12s %14s\n", "view", "p50 (ms)", "p95 (ms)", "peak (MB)", "scrolled (px)");
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    printf ("  %-16s %12.1f %12.1f %12.1f %14.0f\n", modes[m], median_of (figures[m].median),
            median_of (figures[m].p95), median_of (figures[m].peak_mb), figures[m].pixels);

  grid_p95 = median_of (figures[0].p95);
  grid_peak = median_of (figures[0].peak_mb);
  printf ("\n  Goals: p95 no worse than the grid's, peak memory within 50 MB of the grid's\n");
  for (guint m = 1; m < G_N_ELEMENTS (modes); m++)
    printf ("  %-16s p95 %s, memory %s (%+.1f MB)\n", modes[m],
            bench_verdict (median_of (figures[m].p95) <= grid_p95),
            bench_verdict (median_of (figures[m].peak_mb) <= grid_peak + 50),
            median_of (figures[m].peak_mb) - grid_peak);
  printf ("\n");

  /* Each figure of the timeline beside the grid's of the same run, under one name. */
  for (guint m = 1; m < G_N_ELEMENTS (modes); m++)
    {
      double peak = median_of (figures[m].peak_mb);

      printf ("FIGURE\t%s-p50\t%.2f\tms\n", modes[m], median_of (figures[m].median));
      printf ("REFERENCE\t%s-p50\t%.2f\tms\n", modes[m], median_of (figures[0].median));
      printf ("FIGURE\t%s-p95\t%.2f\tms\n", modes[m], median_of (figures[m].p95));
      printf ("REFERENCE\t%s-p95\t%.2f\tms\n", modes[m], grid_p95);
      printf ("FIGURE\t%s-memory\t%.1f\tMB\n", modes[m], peak);
      printf ("REFERENCE\t%s-memory\t%.1f\tMB\n", modes[m], grid_peak);
      printf ("FIGURE\t%s-memory-over-grid\t%.1f\tMB\n", modes[m], peak - grid_peak);
    }

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_array_unref (figures[m].median);
      g_array_unref (figures[m].p95);
      g_array_unref (figures[m].peak_mb);
      g_free (figures[m].renderer);
    }
  if (cold != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cold);

      remove_tree (file);
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[CATALOG] — the timeline's scrolling beside the grid's");
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs of each view (1)", "N" },
    { "speed", 0, 0, G_OPTION_ARG_DOUBLE, &speed, "Scrolling speed in logical pixels a second (10000)", "PX" },
    { "seconds", 0, 0, G_OPTION_ARG_DOUBLE, &max_seconds, "Longest scroll of one view (8)", "S" },
    { "collection", 0, 0, G_OPTION_ARG_FILENAME, &collection_arg, "The 10,000-piece collection's folder", "DIR" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_mode, NULL, NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (child_mode != NULL)
    return run_child (argv[0], argc > 1 ? argv[1] : NULL);

  return run_driver (argv[0]);
}
