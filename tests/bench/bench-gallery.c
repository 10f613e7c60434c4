/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of the gallery window: start to first frame and to thumbnails, scrolling 10,000 pieces, peak memory. */

/*
 * Build and run (from the top of the source tree, the build in build/):
 *
 *   meson compile -C build bench-gallery bench-bare-window bench-bare-grid
 *   dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
 *     build/tests/bench/bench-gallery [--runs N] [--scroll-runs N] \
 *       [--speed PX_PER_S] [--collection DIR] [--only start|scroll] \
 *       [--bare-grid] [--distance PX] [--cold-only] [--window-size WxH] \
 *       [--label NAME] [--max-columns N]
 *
 * The program is a driver: every measurement is a separate process
 * (this program again with --child, bench-bare-window or
 * bench-bare-grid), spawned with VT_BENCH_SPAWN_US set to the driver's
 * monotonic clock just before the spawn, so "start" counts everything
 * from exec to the frame: loading the libraries, GTK's start, the
 * application's. Runs of the different programs are interleaved, so a
 * busy moment of this shared machine hits them alike; each figure is
 * the median of the runs, and the start figures are also given as a
 * ratio to the bare GTK window measured in the same run of the driver:
 * the ratio of the medians, and ("paired") the median of the ratios of
 * each round, which a slow stretch of the shared machine moves less.
 * Nothing here asserts a time.
 *
 * Every child gets GSETTINGS_BACKEND=memory (Vitrine's first start: a
 * 1200 x 800 window, sidebar shown, 192 px tiles), the build's settings
 * schema and GSK_RENDERER=cairo unless GSK_RENDERER is already set; the
 * renderer actually used is read from the window and printed.
 *
 * Start (--runs N, default 9), on the bundled sample (build/data/sample):
 *   - bench-bare-window: a plain GtkWindow after gtk_init (); the
 *     reference. Then the same window in a GtkApplication.
 *   - Vitrine, exactly as src/main.c starts it (VtApplication, its
 *     window, the sample opened because nothing was opened before),
 *     with hooks on the window's frame clock that note: the first frame
 *     painted ("after-paint" of the mapped window's surface); the first
 *     frame that shows the sample's tiles (the catalog loaded, tiles
 *     bound in the viewport); and the first frame in which every tile
 *     in the viewport shows its thumbnail (state "picture"). Warm:
 *     the thumbnail cache (XDG_CACHE_HOME)
 *     filled by an earlier, untimed run; cold: XDG_CACHE_HOME a new
 *     empty folder every run.
 *
 * Scroll (--scroll-runs N, default 3), on a synthetic collection of
 * 10,000 pieces with 1024 x 1024 images, made once with vt-make-sample
 * into --collection (default $XDG_CACHE_HOME/vitrine-bench/
 * synthetic-10000-1024) and reused by later runs:
 *   - Vitrine opens it as `vitrine CATALOG` would; once the grid shows
 *     tiles, a tick callback on the grid moves the scrolled window's
 *     vertical adjustment at a steady speed (--speed, default 10000
 *     logical pixels a second) from the top to the bottom. Recorded per
 *     frame: the interval between frame times
 *     (gdk_frame_clock_get_frame_time), the same interval on the wall
 *     clock, and the work of the frame (from the tick to "after-paint"),
 *     on the wall clock and in CPU time of the main thread.
 *     Reported: median, 95th percentile and maximum, and the share of
 *     intervals under 33 ms; then the peak resident memory (VmHWM) and
 *     the resident memory at the bottom.
 *   - cold: an empty thumbnail cache; warm: every thumbnail made
 *     beforehand by `vitrine-cli thumbnails` (at 256 and 512 px, the
 *     sizes of the tiles a 1280 x 800 and a 3840 x 2160 screen start
 *     with) into a cache kept beside the collection (--cold-only skips
 *     the warm runs);
 *   - with --bare-grid, the reference in every round: bench-bare-grid, a
 *     bare GtkGridView given the geometry Vitrine's grid had in that
 *     round (its viewport's size, tile size and columns, each cell a
 *     picture and two labels), fed the thumbnails of the warm cache and
 *     scrolled at the same speed over the same distance.
 *   --distance PX stops each scroll after PX pixels instead of at the
 *   bottom (a shorter run; the peak memory is then that of a part);
 *   --window-size WxH opens Vitrine's window at that size (by its saved
 *   size), e.g. the whole of a 3840 x 2160 screen.
 *
 * Besides its tables it prints the figures for tests/bench/run, as
 * "FIGURE<TAB>name<TAB>value<TAB>unit" lines and the reference of each
 * as "REFERENCE<TAB>..." with the same name: start-first-frame and
 * start-thumbnails (warm; -cold) against the bare window's first frame;
 * scroll-LABEL-p50, -p95, -p99 (intervals), -two-refreshes (%),
 * -work-p95 (main-thread CPU ms per frame) and -memory (VmHWM, MB), from
 * the cold runs, against the bare grid, and -warm-p95 and -warm-memory;
 * LABEL is --label, by default the window's size.
 *
 * Experiments, passed on to the children: --max-columns N sets the
 * grid's max-columns, to measure how the number of tiles that GTK 4.8's
 * GtkGridView keeps alive (max-columns x 32) weighs on each figure;
 * --css TEXT adds a style sheet over the application's (e.g. to measure
 * what rounded corners cost the cairo renderer); --no-sidebar starts
 * with the sidebar of facets hidden.
 */

#define G_LOG_DOMAIN "vitrine-bench"

#include "config.h"

#include "vt-application.h"
#include "vt-gallery-view.h"
#include "vt-tile.h"
#include "vt-window-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define COLLECTION_SIZE 10000
#define COLLECTION_IMAGE_SIZE 1024

static int    n_runs = 9;
static int    n_scroll_runs = 3;
static double speed = 10000;
static char  *collection_arg;
static char  *only;
static char  *child_mode;
static int    max_columns;
static char  *extra_css;
static gboolean no_sidebar;
static double distance;
static gboolean cold_only;
static gboolean bare_grid;
static char  *scroll_label;
static char  *window_size;
static gint64 main_time;

/* ------------------------------------------------------------------ */
/* Small helpers                                                      */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The value below which @fraction of @values lie (nearest rank). */
static double
percentile (GArray *values,
            double  fraction)
{
  g_autoptr(GArray) sorted = NULL;
  guint rank;

  if (values->len == 0)
    return NAN;

  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_doubles);
  rank = (guint) ceil (fraction * sorted->len);
  rank = CLAMP (rank, 1, sorted->len);

  return g_array_index (sorted, double, rank - 1);
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = NULL;
  guint n = values->len;

  if (n == 0)
    return NAN;

  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);

  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static double
array_min (GArray *values)
{
  return percentile (values, 0);
}

static double
array_max (GArray *values)
{
  return percentile (values, 1);
}

/* A line of /proc/self/status, in kB; -1 when missing. */
static gint64
proc_status_kb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;
  gsize key_len = strlen (key);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  for (line = status; line != NULL && *line != '\0'; line = strchr (line, '\n'))
    {
      if (*line == '\n')
        line++;
      if (strncmp (line, key, key_len) == 0 && line[key_len] == ':')
        return g_ascii_strtoll (line + key_len + 1, NULL, 10);
    }

  return -1;
}

/* The CPU time of the calling thread: unlike the wall clock, it does not
 * count the time other processes of a busy machine took. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

/* ------------------------------------------------------------------ */
/* The child: Vitrine started as src/main.c starts it, with hooks      */

typedef struct
{
  gint64         spawn_us;
  gboolean       scroll;
  VtWindow      *window;
  GdkFrameClock *clock;

  /* start */
  gint64         main_us;
  gint64         startup_us;
  gint64         window_us;
  gint64         realize_us;
  gint64         first_frame_us;
  gint64         first_frame_cpu_us;
  gint64         sample_shown_us;
  guint          sample_tiles;

  /* scroll */
  gboolean       scrolling;
  gint64         scroll_start_frame_time;
  double         scroll_start_value;
  gint64         last_frame_time;
  gint64         last_tick_us;
  gint64         tick_us;
  gint64         scroll_start_us;
  GArray        *intervals;        /* ms, frame clock */
  GArray        *wall_intervals;   /* ms, wall clock at the tick */
  GArray        *work;             /* ms, tick to after-paint */
  gint64         tick_cpu_us;
  GArray        *work_cpu;         /* ms of the main thread's CPU time, the same */
} Child;

static Child child;

static gint64
since_spawn_us (void)
{
  return g_get_monotonic_time () - child.spawn_us;
}

static void
child_exit (int status)
{
  fflush (stdout);
  fflush (stderr);
  /* As the application's shutdown does: the thumbnails made reach the
   * disk, for the warm runs after this one. */
  vt_thumbnailer_wait_for_writes (vt_thumbnailer_get_default ());
  _exit (status);
}

/* The tiles alive, bound or not. */
static guint
count_tiles (void)
{
  g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (child.window->gallery);

  return tiles->len;
}

/* Tiles bound to a piece and at least partly inside the grid's
 * viewport; of those, how many do not show their thumbnail yet and how
 * many show a placeholder. */
static guint
count_visible_tiles (guint *n_waiting,
                     guint *n_failed)
{
  GtkWidget *scroller = GTK_WIDGET (vt_gallery_view_get_scroller (child.window->gallery));
  g_autoptr(GPtrArray) tiles = vt_gallery_view_list_tiles (child.window->gallery);
  int width = gtk_widget_get_width (scroller);
  int height = gtk_widget_get_height (scroller);
  guint n = 0;

  *n_waiting = 0;
  *n_failed = 0;
  for (guint i = 0; i < tiles->len; i++)
    {
      GtkWidget *tile = g_ptr_array_index (tiles, i);
      VtTileState state;
      graphene_rect_t bounds;

      if (vt_tile_get_item (VT_TILE (tile)) == NULL || !gtk_widget_get_mapped (tile))
        continue;
      if (!gtk_widget_compute_bounds (tile, scroller, &bounds))
        continue;
      if (bounds.origin.x >= width || bounds.origin.x + bounds.size.width <= 0
          || bounds.origin.y >= height || bounds.origin.y + bounds.size.height <= 0)
        continue;

      n++;
      state = vt_tile_get_state (VT_TILE (tile));
      if (state == VT_TILE_PLACEHOLDER)
        (*n_failed)++;
      else if (state != VT_TILE_PICTURE)
        (*n_waiting)++;
    }

  return n;
}

static gboolean
catalog_shown (void)
{
  VtWindow *window = child.window;

  return vt_window_get_file (window) != NULL
         && !vt_window_get_loading (window)
         && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (window->main_stack)), "grid") == 0;
}

static void
print_renderer (void)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (child.window));

  printf ("renderer=%s\n", renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
}

static void
print_stats (const char *name,
             GArray     *values)
{
  printf ("%s-median-ms=%.3f\n", name, median (values));
  printf ("%s-p95-ms=%.3f\n", name, percentile (values, 0.95));
  printf ("%s-p99-ms=%.3f\n", name, percentile (values, 0.99));
  printf ("%s-max-ms=%.3f\n", name, array_max (values));
}

/* The share of @values under @limit. */
static double
share_under (GArray *values,
             double  limit)
{
  guint under = 0;

  if (values->len == 0)
    return NAN;

  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, double, i) < limit)
      under++;

  return (double) under / values->len;
}

static void
finish_scroll (GtkAdjustment *adjustment)
{
  print_renderer ();
  printf ("shown-us=%" G_GINT64_FORMAT "\n", child.sample_shown_us);
  printf ("frames=%u\n", child.intervals->len);
  printf ("scroll-seconds=%.3f\n", (g_get_monotonic_time () - child.scroll_start_us) / 1e6);
  printf ("scroll-pixels=%.0f\n", gtk_adjustment_get_value (adjustment) - child.scroll_start_value);
  printf ("tiles=%u\n", count_tiles ());
  /* The geometry a bare grid needs to be the same. */
  printf ("window-size=%dx%d\n", gtk_widget_get_width (GTK_WIDGET (child.window)),
          gtk_widget_get_height (GTK_WIDGET (child.window)));
  printf ("viewport=%dx%d\n",
          gtk_widget_get_width (GTK_WIDGET (vt_gallery_view_get_scroller (child.window->gallery))),
          gtk_widget_get_height (GTK_WIDGET (vt_gallery_view_get_scroller (child.window->gallery))));
  printf ("tile-size=%d\n", vt_gallery_view_get_tile_size (child.window->gallery));
  printf ("columns=%u\n", gtk_grid_view_get_max_columns (vt_gallery_view_get_grid_view (child.window->gallery)));
  printf ("pieces=%u\n", g_list_model_get_n_items (G_LIST_MODEL (child.window->sort_model)));
  print_stats ("interval", child.intervals);
  print_stats ("wall-interval", child.wall_intervals);
  print_stats ("work", child.work);
  print_stats ("work-cpu", child.work_cpu);
  printf ("under-33ms=%.4f\n", share_under (child.intervals, 33.0));
  /* Frame times move in whole refresh periods (16.7 ms at 60 Hz): a frame
   * that made the next-but-one refresh is 33.3 ms, which is 30 frames a
   * second, yet not under 33 ms. */
  printf ("two-refreshes=%.4f\n", share_under (child.intervals, 34.0));
  printf ("work-cpu-under-33ms=%.4f\n", share_under (child.work_cpu, 33.0));
  printf ("vmhwm-kb=%" G_GINT64_FORMAT "\n", proc_status_kb ("VmHWM"));
  printf ("vmrss-kb=%" G_GINT64_FORMAT "\n", proc_status_kb ("VmRSS"));
  printf ("texture-cache-kb=%" G_GSIZE_FORMAT "\n",
          vt_thumbnailer_get_memory_used (child.window->thumbnailer) / 1024);
  child_exit (0);
}

static gboolean
on_scroll_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (vt_gallery_view_get_scroller (child.window->gallery));
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);
  gint64 now = g_get_monotonic_time ();
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  double target;

  if (distance > 0)
    bottom = MIN (bottom, distance);
  if (child.scroll_start_frame_time == 0)
    {
      child.scroll_start_frame_time = frame_time;
      child.scroll_start_value = value;
      child.scroll_start_us = now;
    }
  else
    {
      double interval = (frame_time - child.last_frame_time) / 1000.0;
      double wall_interval = (now - child.last_tick_us) / 1000.0;

      g_array_append_val (child.intervals, interval);
      g_array_append_val (child.wall_intervals, wall_interval);
    }
  child.last_frame_time = frame_time;
  child.last_tick_us = now;
  child.tick_us = now;
  child.tick_cpu_us = thread_cpu_us ();

  if (value >= bottom - 0.5 && child.intervals->len > 0)
    finish_scroll (adjustment);

  target = child.scroll_start_value + speed * (frame_time - child.scroll_start_frame_time) / 1e6;
  gtk_adjustment_set_value (adjustment, MIN (target, bottom));

  return G_SOURCE_CONTINUE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  gint64 now = since_spawn_us ();
  guint n_visible, n_waiting, n_failed;

  if (!gtk_widget_get_mapped (GTK_WIDGET (child.window)))
    return;

  if (child.scrolling)
    {
      if (child.tick_us != 0)
        {
          double work = (g_get_monotonic_time () - child.tick_us) / 1000.0;

          double work_cpu = (thread_cpu_us () - child.tick_cpu_us) / 1000.0;

          g_array_append_val (child.work, work);
          g_array_append_val (child.work_cpu, work_cpu);
          child.tick_us = 0;
        }
      return;
    }

  if (child.first_frame_us == 0)
    {
      child.first_frame_us = now;
      child.first_frame_cpu_us = thread_cpu_us ();
    }

  if (!catalog_shown ())
    return;

  n_visible = count_visible_tiles (&n_waiting, &n_failed);
  if (n_visible == 0)
    return;

  if (child.sample_shown_us == 0)
    {
      child.sample_shown_us = now;
      child.sample_tiles = n_visible;
    }

  if (child.scroll)
    {
      child.scrolling = TRUE;
      gtk_widget_add_tick_callback (GTK_WIDGET (vt_gallery_view_get_grid_view (child.window->gallery)),
                                    on_scroll_tick_cb, NULL, NULL);
      return;
    }

  if (n_waiting > 0)
    return;

  print_renderer ();
  printf ("main-us=%" G_GINT64_FORMAT "\n", child.main_us);
  printf ("startup-us=%" G_GINT64_FORMAT "\n", child.startup_us);
  printf ("window-us=%" G_GINT64_FORMAT "\n", child.window_us);
  printf ("realize-us=%" G_GINT64_FORMAT "\n", child.realize_us);
  printf ("first-frame-us=%" G_GINT64_FORMAT "\n", child.first_frame_us);
  printf ("first-frame-cpu-us=%" G_GINT64_FORMAT "\n", child.first_frame_cpu_us);
  printf ("sample-shown-us=%" G_GINT64_FORMAT "\n", child.sample_shown_us);
  printf ("thumbnails-shown-us=%" G_GINT64_FORMAT "\n", now);
  printf ("visible-tiles=%u\n", n_visible);
  printf ("tiles=%u\n", count_tiles ());
  printf ("placeholders=%u\n", n_failed);
  printf ("vmhwm-kb=%" G_GINT64_FORMAT "\n", proc_status_kb ("VmHWM"));
  child_exit (0);
}

static void
on_window_realize_cb (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  child.realize_us = since_spawn_us ();
  child.clock = gdk_surface_get_frame_clock (surface);
  g_signal_connect (child.clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window)
{
  if (!VT_IS_WINDOW (window) || child.window != NULL)
    return;

  child.window_us = since_spawn_us ();
  child.window = VT_WINDOW (window);
  if (max_columns > 0)
    gtk_grid_view_set_max_columns (vt_gallery_view_get_grid_view (child.window->gallery), max_columns);
  if (extra_css != NULL)
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (css, extra_css, -1);
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (window)),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_USER);
    }
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
}

static void
on_startup_cb (GApplication *app)
{
  child.startup_us = since_spawn_us ();
}

static gboolean
on_child_timeout_cb (gpointer user_data)
{
  g_printerr ("bench-gallery --child %s: gave up after %u s (first frame %s, catalog %s)\n",
              child_mode, GPOINTER_TO_UINT (user_data),
              child.first_frame_us != 0 ? "painted" : "never painted",
              child.sample_shown_us != 0 ? "shown" : "never shown");
  child_exit (3);
  return G_SOURCE_REMOVE;
}

/* Starts Vitrine as src/main.c does (same steps, same order). */
static int
run_child (const char *argv0,
           const char *catalog)
{
  g_autoptr(VtApplication) app = NULL;
  const char *spawn = g_getenv ("VT_BENCH_SPAWN_US");
  char *app_argv[] = { (char *) argv0, (char *) catalog, NULL };
  guint timeout;

  child.spawn_us = spawn != NULL ? g_ascii_strtoll (spawn, NULL, 10) : g_get_monotonic_time ();
  child.main_us = main_time - child.spawn_us;
  child.scroll = g_strcmp0 (child_mode, "scroll") == 0;
  child.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  child.wall_intervals = g_array_new (FALSE, FALSE, sizeof (double));
  child.work = g_array_new (FALSE, FALSE, sizeof (double));
  child.work_cpu = g_array_new (FALSE, FALSE, sizeof (double));

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, VT_BUILD_ROOT "/po");
  {
    g_autoptr(GSettingsSchema) schema =
      g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);

    if (schema == NULL)
      {
        g_printerr ("bench-gallery: the settings schema %s is missing; set GSETTINGS_SCHEMA_DIR\n", APP_ID);
        return 1;
      }
  }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (no_sidebar)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      g_settings_set_boolean (settings, "sidebar-shown", FALSE);
    }
  if (window_size != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      int w, h;

      if (sscanf (window_size, "%dx%d", &w, &h) != 2)
        {
          g_printerr ("--window-size takes WIDTHxHEIGHT, not %s\n", window_size);
          return 2;
        }
      g_settings_set_int (settings, "window-width", w);
      g_settings_set_int (settings, "window-height", h);
    }

  app = vt_application_new ();
  g_signal_connect (app, "startup", G_CALLBACK (on_startup_cb), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);

  timeout = child.scroll ? 60 + (guint) (2000000 / speed) * 4 : 120;
  g_timeout_add_seconds (timeout, on_child_timeout_cb, GUINT_TO_POINTER (timeout));

  return g_application_run (G_APPLICATION (app), catalog != NULL ? 2 : 1, app_argv);
}

/* ------------------------------------------------------------------ */
/* The driver                                                         */

typedef struct
{
  char  *self_path;
  char  *bare_path;
  char  *bare_grid_path;
  char **env;
  char  *renderer;
} Driver;

static Driver driver;

/* Runs one measurement: @argv with @cache_home as XDG_CACHE_HOME;
 * returns the "key=value" lines it printed, NULL when it failed. */
static GHashTable *
run_measured (const char * const *argv,
              const char         *cache_home)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = g_strdupv (driver.env);
  g_auto(GStrv) lines = NULL;
  GHashTable *values;
  int status;

  g_autofree char *spawn_us = NULL;

  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache_home, TRUE);
  spawn_us = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  env = g_environ_setenv (env, "VT_BENCH_SPAWN_US", spawn_us, TRUE);
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s %s: %s\n%s", argv[0], argv[1] != NULL ? argv[1] : "", error->message, err);
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

  if (g_hash_table_contains (values, "renderer") && driver.renderer == NULL)
    driver.renderer = g_strdup (g_hash_table_lookup (values, "renderer"));

  return values;
}

static void
run_untimed (const char * const *argv,
             const char         *cache_home)
{
  g_autoptr(GHashTable) values = run_measured (argv, cache_home);
}

static double
value_of (GHashTable *values,
          const char *key)
{
  const char *text = values != NULL ? g_hash_table_lookup (values, key) : NULL;

  return text != NULL ? g_ascii_strtod (text, NULL) : NAN;
}

static void
append_value (GArray     *array,
              GHashTable *values,
              const char *key,
              double      scale)
{
  double value = value_of (values, key);

  if (!isnan (value))
    {
      value *= scale;
      g_array_append_val (array, value);
    }
}

/* The ratio of @key in @values to @reference_key in @reference, when a
 * round measured both: paired within a round, a busy moment of the
 * machine slows both alike. */
static void
append_ratio (GArray     *array,
              GHashTable *values,
              const char *key,
              GHashTable *reference,
              const char *reference_key)
{
  double ratio = value_of (values, key) / value_of (reference, reference_key);

  if (!isnan (ratio) && !isinf (ratio))
    g_array_append_val (array, ratio);
}

static void
print_row (const char *label,
           GArray     *ms,
           double      reference,
           GArray     *paired)
{
  if (ms->len == 0)
    {
      printf ("  %-52s  (no successful run)\n", label);
      return;
    }

  printf ("  %-52s %8.1f %8.1f %8.1f", label, median (ms), array_min (ms), array_max (ms));
  if (!isnan (reference))
    printf ("   %5.2fx", median (ms) / reference);
  if (paired != NULL && paired->len > 0)
    printf ("   %5.2fx", median (paired));
  printf ("   (%u runs)\n", ms->len);
}

/* This program again as a child: @mode "start" or "scroll". */
static GStrv
child_argv (const char *mode,
            const char *catalog)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv argv;

  g_strv_builder_add_many (builder, driver.self_path, "--child", mode, NULL);
  if (catalog != NULL)
    {
      g_autofree char *speed_text = g_strdup_printf ("--speed=%g", speed);

      g_strv_builder_add (builder, speed_text);
    }
  if (max_columns > 0)
    {
      g_autofree char *columns_text = g_strdup_printf ("--max-columns=%d", max_columns);

      g_strv_builder_add (builder, columns_text);
    }
  if (no_sidebar)
    g_strv_builder_add (builder, "--no-sidebar");
  if (distance > 0)
    {
      g_autofree char *distance_text = g_strdup_printf ("--distance=%g", distance);

      g_strv_builder_add (builder, distance_text);
    }
  if (window_size != NULL)
    {
      g_autofree char *size_text = g_strdup_printf ("--window-size=%s", window_size);

      g_strv_builder_add (builder, size_text);
    }
  if (extra_css != NULL)
    {
      g_autofree char *css_text = g_strdup_printf ("--css=%s", extra_css);

      g_strv_builder_add (builder, css_text);
    }
  if (catalog != NULL)
    g_strv_builder_add (builder, catalog);
  argv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return argv;
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vitrine-bench-XXXXXX", &error);

  if (dir == NULL)
    g_error ("Cannot make a temporary folder: %s", error->message);

  return dir;
}

static void
print_figure (const char *kind,
              const char *name,
              double      value,
              const char *unit)
{
  if (!isnan (value))
    printf ("%s\t%s\t%.4f\t%s\n", kind, name, value, unit);
}

/* The programs of the start benchmark, run in this order in every round. */
enum
{
  BARE,
  BARE_APP,
  WARM,
  COLD,
  N_PROGRAMS
};

static const struct
{
  int         program;
  const char *key;
  const char *label;
} start_rows[] = {
  { BARE, "main-us", "bare GtkWindow: main () entered" },
  { BARE, "first-frame-us", "bare GtkWindow: first frame (the reference)" },
  { BARE_APP, "first-frame-us", "bare GtkApplication window: first frame" },
  { WARM, "main-us", "Vitrine: main () entered" },
  { WARM, "startup-us", "Vitrine: application started up" },
  { WARM, "window-us", "Vitrine: window made" },
  { WARM, "realize-us", "Vitrine: window realized" },
  { WARM, "first-frame-us", "Vitrine: first frame" },
  { WARM, "sample-shown-us", "Vitrine: first frame with the sample's tiles" },
  { WARM, "thumbnails-shown-us", "Vitrine: all visible thumbnails shown, warm" },
  { COLD, "first-frame-us", "Vitrine, cold cache: first frame" },
  { COLD, "sample-shown-us", "Vitrine, cold cache: first frame with tiles" },
  { COLD, "thumbnails-shown-us", "Vitrine, cold cache: all visible thumbnails shown" },
};

/* The same start, counted in CPU time of the main thread up to the first
 * frame: steadier than the wall clock on a shared machine, since it does
 * not count the time others took (but neither the waits for the X server
 * nor the work of other threads). */
static const struct
{
  int         program;
  const char *label;
} cpu_rows[] = {
  { BARE, "bare GtkWindow (the reference)" },
  { BARE_APP, "bare GtkApplication window" },
  { WARM, "Vitrine" },
  { COLD, "Vitrine, cold cache" },
};

static void
bench_start (void)
{
  const char *bare[] = { driver.bare_path, NULL };
  const char *bare_app[] = { driver.bare_path, "--application", NULL };
  g_auto(GStrv) vitrine = child_argv ("start", NULL);
  const char * const *programs[N_PROGRAMS] = { bare, bare_app,
                                               (const char * const *) vitrine,
                                               (const char * const *) vitrine };
  g_autofree char *warm_cache = make_tmp_dir ();
  GArray *figures[G_N_ELEMENTS (start_rows)];
  GArray *paired[G_N_ELEMENTS (start_rows)];
  GArray *cpu_figures[G_N_ELEMENTS (cpu_rows)];
  GArray *cpu_paired[G_N_ELEMENTS (cpu_rows)];
  g_autoptr(GArray) hwm = g_array_new (FALSE, FALSE, sizeof (double));
  double visible = NAN, placeholders = NAN, reference = NAN;

  for (guint r = 0; r < G_N_ELEMENTS (start_rows); r++)
    {
      figures[r] = g_array_new (FALSE, FALSE, sizeof (double));
      paired[r] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  for (guint r = 0; r < G_N_ELEMENTS (cpu_rows); r++)
    {
      cpu_figures[r] = g_array_new (FALSE, FALSE, sizeof (double));
      cpu_paired[r] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  /* Untimed: libraries into the page cache, thumbnails into the warm cache. */
  run_untimed (bare, warm_cache);
  run_untimed ((const char * const *) vitrine, warm_cache);

  for (int run = 0; run < n_runs; run++)
    {
      GHashTable *values[N_PROGRAMS];

      fprintf (stderr, "start: round %d of %d\n", run + 1, n_runs);
      for (int p = 0; p < N_PROGRAMS; p++)
        {
          g_autofree char *cold_cache = p == COLD ? make_tmp_dir () : NULL;

          values[p] = run_measured (programs[p], p == COLD ? cold_cache : warm_cache);
          if (cold_cache != NULL)
            remove_tree (cold_cache);
        }

      for (guint r = 0; r < G_N_ELEMENTS (start_rows); r++)
        {
          append_value (figures[r], values[start_rows[r].program], start_rows[r].key, 1e-3);
          append_ratio (paired[r], values[start_rows[r].program], start_rows[r].key,
                        values[BARE], "first-frame-us");
        }
      for (guint r = 0; r < G_N_ELEMENTS (cpu_rows); r++)
        {
          append_value (cpu_figures[r], values[cpu_rows[r].program], "first-frame-cpu-us", 1e-3);
          append_ratio (cpu_paired[r], values[cpu_rows[r].program], "first-frame-cpu-us",
                        values[BARE], "first-frame-cpu-us");
        }
      append_value (hwm, values[WARM], "vmhwm-kb", 1.0 / 1024);
      if (values[WARM] != NULL)
        {
          visible = value_of (values[WARM], "visible-tiles");
          placeholders = value_of (values[WARM], "placeholders");
        }
      for (int p = 0; p < N_PROGRAMS; p++)
        g_clear_pointer (&values[p], g_hash_table_unref);
    }
  remove_tree (warm_cache);

  /* For tests/bench/run, against the bare window's first frame. */
  if (figures[1]->len > 0)
    {
      const struct
      {
        const char *name;
        guint       row;
      } shown[] = {
        { "start-first-frame", 7 },
        { "start-thumbnails", 9 },
        { "start-thumbnails-cold", 12 },
      };

      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        if (figures[shown[i].row]->len > 0)
          {
            print_figure ("FIGURE", shown[i].name, median (figures[shown[i].row]), "ms");
            print_figure ("REFERENCE", shown[i].name, median (figures[1]), "ms");
          }
    }
  if (figures[1]->len > 0)
    reference = median (figures[1]);
  printf ("Start, on the sample (%.0f tiles in view, %.0f placeholders), "
          "ms from spawn, %d rounds:\n", visible, placeholders, n_runs);
  printf ("  %-52s %8s %8s %8s   %s  %s\n", "", "median", "min", "max", "x bare", "paired");
  for (guint r = 0; r < G_N_ELEMENTS (start_rows); r++)
    {
      print_row (start_rows[r].label, figures[r], reference, paired[r]);
      g_array_unref (figures[r]);
      g_array_unref (paired[r]);
    }
  reference = cpu_figures[0]->len > 0 ? median (cpu_figures[0]) : NAN;
  printf ("  Main thread's CPU time from exec to the first frame:\n");
  for (guint r = 0; r < G_N_ELEMENTS (cpu_rows); r++)
    {
      print_row (cpu_rows[r].label, cpu_figures[r], reference, cpu_paired[r]);
      g_array_unref (cpu_figures[r]);
      g_array_unref (cpu_paired[r]);
    }
  printf ("  Vitrine's peak memory (VmHWM) once the thumbnails show: %.1f MB (median)\n\n",
          median (hwm));
}

static char *
ensure_collection (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *catalog = NULL;

  if (collection_arg != NULL)
    dir = g_strdup (collection_arg);
  else
    dir = g_build_filename (g_get_user_cache_dir (), "vitrine-bench",
                            "synthetic-10000-1024", NULL);
  catalog = g_build_filename (dir, "catalog.json", NULL);

  if (!g_file_test (catalog, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *part = g_strconcat (dir, ".part", NULL);
      g_autofree char *count = g_strdup_printf ("%d", COLLECTION_SIZE);
      g_autofree char *size = g_strdup_printf ("%d", COLLECTION_IMAGE_SIZE);
      const char *argv[] = { VT_BUILD_ROOT "/src/tools/vt-make-sample", "synthetic", count, part,
                             "--image-size", size, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *parent = g_path_get_dirname (dir);
      int status;

      fprintf (stderr, "Making %s (%d pieces, %d px images), once...\n",
               dir, COLLECTION_SIZE, COLLECTION_IMAGE_SIZE);
      g_mkdir_with_parents (parent, 0755);
      remove_tree (part);
      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         NULL, NULL, &status, &error)
          || !g_spawn_check_wait_status (status, &error)
          || g_rename (part, dir) != 0)
        {
          g_printerr ("Cannot make the synthetic collection %s: %s\n",
                      dir, error != NULL ? error->message : g_strerror (errno));
          exit (1);
        }
    }

  return g_steal_pointer (&catalog);
}

/* A thumbnail cache beside the collection with all of its thumbnails. */
static char *
ensure_warm_cache (const char *catalog)
{
  g_autofree char *dir = g_path_get_dirname (catalog);
  g_autofree char *cache = g_strconcat (dir, ".cache", NULL);
  /* The sizes the window asks for: 192 px tiles (256) on a small
   * screen, a tenth of a 4K screen's width (384 px tiles, 512) there. */
  const char *argv[] = { VT_BUILD_ROOT "/src/cli/vitrine-cli", "thumbnails", "--size=256", "--size=512",
                         catalog, NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_CACHE_HOME", cache, TRUE);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("vitrine-cli thumbnails %s: %s\n", catalog, error->message);
      exit (1);
    }
  fprintf (stderr, "Warm thumbnail cache %s ready (%.1f s)\n",
           cache, (g_get_monotonic_time () - start) / 1e6);

  return g_steal_pointer (&cache);
}

/* The bare grid of bench-bare-grid.c, given the geometry Vitrine's grid
 * had in @vitrine (a round's values), over the same distance. */
static GStrv
bare_grid_argv (GHashTable *vitrine,
                const char *catalog,
                const char *warm_cache)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  g_autofree char *size = g_strdup_printf ("--size=%s", (char *) g_hash_table_lookup (vitrine, "viewport"));
  g_autofree char *tile = g_strdup_printf ("--tile-size=%.0f", value_of (vitrine, "tile-size"));
  g_autofree char *columns = g_strdup_printf ("--columns=%.0f", value_of (vitrine, "columns"));
  g_autofree char *speed_text = g_strdup_printf ("--speed=%g", speed);
  g_autofree char *distance_text = g_strdup_printf ("--distance=%.0f", value_of (vitrine, "scroll-pixels"));
  g_autofree char *thumbnails = g_strdup_printf ("--thumbnails=%s/thumbnails", warm_cache);
  GStrv argv;

  g_strv_builder_add_many (builder, driver.bare_grid_path, size, tile, columns, speed_text,
                           distance_text, thumbnails, catalog, NULL);
  argv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return argv;
}

enum
{
  COLD_RUN,
  WARM_RUN,
  BARE_RUN,
  N_SCROLL_PROGRAMS
};

static void
bench_scroll (void)
{
  g_autofree char *catalog = ensure_collection ();
  g_autofree char *warm_cache = ensure_warm_cache (catalog);
  g_auto(GStrv) argv = child_argv ("scroll", catalog);
  const char *keys[] = { "interval-median-ms", "interval-p95-ms", "interval-max-ms", "under-33ms",
                         "wall-interval-p95-ms", "work-median-ms", "work-p95-ms", "frames",
                         "scroll-seconds", "vmhwm-kb", "vmrss-kb",
                         "tiles", "shown-us", "work-cpu-median-ms", "work-cpu-p95-ms",
                         "two-refreshes", "work-cpu-under-33ms", "texture-cache-kb",
                         "interval-p99-ms" };
  const char *names[] = { "cold", "warm", "bare" };
  GArray *figures[N_SCROLL_PROGRAMS][G_N_ELEMENTS (keys)];
  g_autofree char *window_label = NULL;
  g_autofree char *geometry = NULL;
  const char *name;
  double pixels = NAN, pieces = NAN;

  for (guint c = 0; c < N_SCROLL_PROGRAMS; c++)
    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      figures[c][k] = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < n_scroll_runs; run++)
    {
      g_autoptr(GHashTable) cold_values = NULL;

      for (guint c = 0; c < N_SCROLL_PROGRAMS; c++)
        {
          g_autofree char *cache = c != WARM_RUN ? make_tmp_dir () : NULL;
          g_auto(GStrv) bare_argv = NULL;
          g_autoptr(GHashTable) values = NULL;

          if ((c == WARM_RUN && cold_only) || (c == BARE_RUN && (!bare_grid || cold_values == NULL)))
            {
              g_clear_pointer (&cache, g_free);
              continue;
            }
          if (c == BARE_RUN)
            bare_argv = bare_grid_argv (cold_values, catalog, warm_cache);
          values = run_measured (c == BARE_RUN ? (const char * const *) bare_argv : (const char * const *) argv,
                                 c == WARM_RUN ? warm_cache : cache);
          if (cache != NULL)
            remove_tree (cache);
          if (values == NULL)
            continue;

          if (c != BARE_RUN)
            {
              pixels = value_of (values, "scroll-pixels");
              pieces = value_of (values, "pieces");
              if (window_label == NULL)
                window_label = g_strdup (g_hash_table_lookup (values, "window-size"));
              if (geometry == NULL)
                geometry = g_strdup_printf ("window %s, grid viewport %s, %s px tiles in %s columns",
                                            (char *) g_hash_table_lookup (values, "window-size"),
                                            (char *) g_hash_table_lookup (values, "viewport"),
                                            (char *) g_hash_table_lookup (values, "tile-size"),
                                            (char *) g_hash_table_lookup (values, "columns"));
            }
          fprintf (stderr, "scroll %s run %d: %s frames, interval median %s p95 %s max %s ms, "
                   "two refreshes %s, work median %s p95 %s ms, VmHWM %s kB\n",
                   names[c], run + 1,
                   (char *) g_hash_table_lookup (values, "frames"),
                   (char *) g_hash_table_lookup (values, "interval-median-ms"),
                   (char *) g_hash_table_lookup (values, "interval-p95-ms"),
                   (char *) g_hash_table_lookup (values, "interval-max-ms"),
                   (char *) g_hash_table_lookup (values, "two-refreshes"),
                   (char *) g_hash_table_lookup (values, "work-median-ms"),
                   (char *) g_hash_table_lookup (values, "work-p95-ms"),
                   (char *) g_hash_table_lookup (values, "vmhwm-kb"));
          for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
            append_value (figures[c][k], values, keys[k], 1);
          if (c == COLD_RUN)
            cold_values = g_steal_pointer (&values);
        }
    }

  printf ("Scroll, %.0f pieces (%s), %.0f px from the top at %.0f px/s; "
          "medians of %d runs:\n", pieces, catalog, pixels, speed, n_scroll_runs);
  printf ("  %s\n", geometry != NULL ? geometry : "no run succeeded");
  printf ("  start to the first frame with tiles: cold %.0f ms, warm %.0f ms\n",
          median (figures[0][12]) / 1000, median (figures[1][12]) / 1000);
  printf ("  %-6s %7s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s %6s\n", "cache", "frames",
          "interval", "p95", "max", "<33 ms", "work", "work p95", "cpu", "cpu p95", "VmHWM",
          "RSS end", "tiles");
  printf ("  %-6s %7s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s\n", "", "", "ms", "ms", "ms",
          "share", "ms", "ms", "ms", "ms", "MB", "MB");
  for (guint c = 0; c < N_SCROLL_PROGRAMS; c++)
    if (figures[c][7]->len > 0)
      printf ("  %-6s %7.0f %8.1f %8.1f %8.1f %7.1f%% %8.1f %8.1f %8.1f %8.1f %8.0f %8.0f %6.0f\n",
              names[c], median (figures[c][7]), median (figures[c][0]), median (figures[c][1]),
              median (figures[c][2]), 100 * median (figures[c][3]), median (figures[c][5]),
              median (figures[c][6]), median (figures[c][13]), median (figures[c][14]),
              median (figures[c][9]) / 1024, median (figures[c][10]) / 1024,
              median (figures[c][11]));
  for (guint c = 0; c < N_SCROLL_PROGRAMS; c++)
    if (figures[c][7]->len > 0)
      printf ("  %s: %.1f%% of intervals at most two refreshes (<= 33.3 ms, 30 frames a second),\n"
              "        %.1f%% of frames with under 33 ms of main-thread CPU; textures cached %.0f MB\n",
              names[c], 100 * median (figures[c][15]), 100 * median (figures[c][16]),
              median (figures[c][17]) / 1024);
  printf ("  interval: between frame times (gdk_frame_clock_get_frame_time); work: from the\n"
          "  tick to after-paint while scrolling, on the wall clock; cpu: the main thread's\n"
          "  CPU time in the same span (what a busy machine does not inflate); tiles: the\n"
          "  VtTiles the grid keeps alive; bare: a bare GtkGridView of the same geometry,\n"
          "  fed the warm cache's thumbnails.\n");

  /* For tests/bench/run: Vitrine cold and warm against the bare grid. */
  name = scroll_label != NULL ? scroll_label : window_label != NULL ? window_label : "window";
  {
    const struct
    {
      const char *what;
      guint       program;
      guint       key;
      double      scale;
      const char *unit;
    } rows[] = {
      { "p50", COLD_RUN, 0, 1, "ms" },
      { "p95", COLD_RUN, 1, 1, "ms" },
      { "p99", COLD_RUN, 18, 1, "ms" },
      { "two-refreshes", COLD_RUN, 15, 100, "%" },
      { "work-p95", COLD_RUN, 14, 1, "ms" },
      { "memory", COLD_RUN, 9, 1.0 / 1024, "MB" },
      { "warm-p95", WARM_RUN, 1, 1, "ms" },
      { "warm-memory", WARM_RUN, 9, 1.0 / 1024, "MB" },
    };

    for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
      {
        g_autofree char *figure = g_strdup_printf ("scroll-%s-%s", name, rows[r].what);

        if (figures[rows[r].program][rows[r].key]->len == 0)
          continue;
        print_figure ("FIGURE", figure, rows[r].scale * median (figures[rows[r].program][rows[r].key]),
                      rows[r].unit);
        if (figures[BARE_RUN][rows[r].key]->len > 0)
          print_figure ("REFERENCE", figure, rows[r].scale * median (figures[BARE_RUN][rows[r].key]),
                        rows[r].unit);
      }
  }

  for (guint c = 0; c < N_SCROLL_PROGRAMS; c++)
    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      g_array_unref (figures[c][k]);
}

static const GOptionEntry entries[] = {
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Start runs (default 9)", "N" },
  { "scroll-runs", 0, 0, G_OPTION_ARG_INT, &n_scroll_runs, "Scroll runs per cache state (default 3)", "N" },
  { "speed", 0, 0, G_OPTION_ARG_DOUBLE, &speed, "Scrolling speed (default 10000)", "PX_PER_S" },
  { "collection", 0, 0, G_OPTION_ARG_FILENAME, &collection_arg,
    "Folder of the synthetic 10,000-piece collection, made when missing", "DIR" },
  { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only one part: start or scroll", "PART" },
  { "max-columns", 0, 0, G_OPTION_ARG_INT, &max_columns,
    "Experiment: override the grid's max-columns (default: as the window sets it)", "N" },
  { "css", 0, 0, G_OPTION_ARG_STRING, &extra_css,
    "Experiment: CSS added over the application's", "CSS" },
  { "no-sidebar", 0, 0, G_OPTION_ARG_NONE, &no_sidebar,
    "Experiment: start with the sidebar of facets hidden", NULL },
  { "distance", 0, 0, G_OPTION_ARG_DOUBLE, &distance,
    "Scroll this many pixels, not to the bottom", "PX" },
  { "cold-only", 0, 0, G_OPTION_ARG_NONE, &cold_only, "Scroll with a cold cache only", NULL },
  { "bare-grid", 0, 0, G_OPTION_ARG_NONE, &bare_grid,
    "Scroll a bare GtkGridView of the same geometry too, the reference", NULL },
  { "window-size", 0, 0, G_OPTION_ARG_STRING, &window_size,
    "Open Vitrine's window at this size (default: its first start's)", "WxH" },
  { "label", 0, 0, G_OPTION_ARG_STRING, &scroll_label,
    "Name of the scroll figures: scroll-LABEL-p95… (default: the window's size)", "NAME" },
  { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_mode, NULL, NULL },
  { NULL }
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self_dir = NULL;
  const char *renderer;

  main_time = g_get_monotonic_time ();

  context = g_option_context_new ("- benchmark of Vitrine's gallery window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (n_runs < 1 || n_scroll_runs < 0 || speed <= 0 || distance < 0)
    {
      g_printerr ("--runs must be at least 1, --scroll-runs not negative, --speed positive\n");
      return 2;
    }

  if (child_mode != NULL)
    return run_child (argv[0], argc > 1 ? argv[1] : NULL);

  driver.self_path = g_file_read_link ("/proc/self/exe", NULL);
  self_dir = g_path_get_dirname (driver.self_path);
  driver.bare_path = g_build_filename (self_dir, "bench-bare-window", NULL);
  driver.bare_grid_path = g_build_filename (self_dir, "bench-bare-grid", NULL);
  if (bare_grid && !g_file_test (driver.bare_grid_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("%s is missing: meson compile -C build bench-bare-grid\n", driver.bare_grid_path);
      return 1;
    }
  if (!g_file_test (driver.bare_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("%s is missing: meson compile -C build bench-gallery bench-bare-window\n",
                  driver.bare_path);
      return 1;
    }

  driver.env = g_get_environ ();
  driver.env = g_environ_setenv (driver.env, "GSK_RENDERER", "cairo", FALSE);
  driver.env = g_environ_setenv (driver.env, "GSETTINGS_BACKEND", "memory", TRUE);
  driver.env = g_environ_setenv (driver.env, "GSETTINGS_SCHEMA_DIR", VT_BUILD_ROOT "/data", TRUE);
  renderer = g_environ_getenv (driver.env, "GSK_RENDERER");

  if (only == NULL || g_str_equal (only, "start"))
    bench_start ();
  if ((only == NULL || g_str_equal (only, "scroll")) && n_scroll_runs > 0)
    bench_scroll ();

  printf ("Renderer: %s (GSK_RENDERER=%s), display %s, GTK %u.%u.%u\n",
          driver.renderer != NULL ? driver.renderer : "unknown", renderer,
          g_getenv ("DISPLAY") != NULL ? g_getenv ("DISPLAY") : g_getenv ("WAYLAND_DISPLAY"),
          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version ());

  return 0;
}
