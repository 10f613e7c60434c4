/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reference for bench-gallery's scroll: a bare GtkGridView of Vitrine's tile geometry, scrolled the same way. */

/*
 * Build: meson compile -C build bench-gallery bench-bare-grid
 * Run by bench-gallery --bare-grid, one process per measurement, with
 * the geometry Vitrine's grid had in the same run:
 *
 *   bench-bare-grid --size WxH --tile-size N --columns N --speed PX_PER_S
 *     [--distance PX] --thumbnails DIR CATALOG
 *
 * An undecorated window of WxH (the size of Vitrine's grid viewport)
 * holds a GtkScrolledWindow and a GtkGridView of exactly --columns
 * columns, with Vitrine's paddings; each cell a picture of --tile-size
 * pixels a side and two labels of a line each (the title, and the year
 * and price), as a VtTile shows them (it gives a long title a second
 * line, which a wrapping GtkLabel would make far costlier to lay out
 * than VtTile's text is). The pictures are the
 * thumbnails Vitrine made, read from DIR (a thumbnail cache laid out as
 * freedesktop.org's: DIR/large/MD5-OF-URI.png, of the smallest size
 * that covers the tile) by a thread per picture, scaled there to the
 * tile and made a texture in cairo's format (as VtTile does), and shown
 * when read (a thread per core, at a lower priority, as Vitrine's); nothing is kept once a cell is bound to another piece. CATALOG is
 * loaded with the catalog core only to list the pieces.
 *
 * Once the first frame is drawn, a tick callback moves the vertical
 * adjustment at --speed logical pixels a second from the top to the
 * bottom (or --distance pixels), as bench-gallery does with Vitrine, and
 * it prints what bench-gallery's own child prints, as key=value lines:
 * frame intervals (gdk_frame_clock_get_frame_time), the work of each
 * frame (tick to after-paint) on the wall clock and in the main thread's
 * CPU time, their percentiles, the share of intervals within two
 * refreshes, and the peak resident memory (VmHWM).
 */

#define G_LOG_DOMAIN "vitrine-bench"

#include "config.h"

#include "bench-util.h"
#include "vt-catalog.h"

#include <gtk/gtk.h>

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

/* As in vt-gallery-view.c and vt-tile.h */
#define GRID_PADDING 12
#define CELL_PADDING 8
#define TILE_SPACING 4

static int     width = 1200;
static int     height = 800;
static int     tile_size = 192;
static int     columns = 5;
static double  speed = 10000;
static double  distance;
static char   *size_arg;
static char   *thumbnail_dir;

typedef struct
{
  GtkScrolledWindow *scroller;
  gboolean           scrolling;
  gint64             start_frame_time;
  gint64             start_us;
  double             start_value;
  gint64             last_frame_time;
  gint64             last_tick_us;
  gint64             tick_us;
  gint64             tick_cpu_us;
  GArray            *intervals;
  GArray            *wall_intervals;
  GArray            *work;
  GArray            *work_cpu;
} Run;

static Run run;

/* ---- Thumbnails read in a thread ------------------------------------ */

static const struct
{
  int         size;
  const char *folder;
} buckets[] = {
  { 128, "normal" }, { 256, "large" }, { 512, "x-large" }, { 1024, "xx-large" },
};

static char *
existing_thumbnail (const char *name,
                    guint       bucket)
{
  char *path = g_build_filename (thumbnail_dir, buckets[bucket].folder, name, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  g_free (path);
  return NULL;
}

/* The thumbnail of @image: the smallest that covers @pixels, else the
 * largest smaller one. */
static char *
thumbnail_path (GFile *image,
                int    pixels)
{
  g_autofree char *uri = g_file_get_uri (image);
  g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, uri, -1);
  g_autofree char *name = g_strconcat (md5, ".png", NULL);
  guint first = 0;
  char *found = NULL;

  while (first + 1 < G_N_ELEMENTS (buckets) && buckets[first].size < pixels)
    first++;
  for (guint i = first; i < G_N_ELEMENTS (buckets) && found == NULL; i++)
    found = existing_thumbnail (name, i);
  for (guint i = first; i > 0 && found == NULL; i--)
    found = existing_thumbnail (name, i - 1);

  return found;
}

typedef struct
{
  char *path;
  int   pixels;
} Read;

static void
read_free (gpointer data)
{
  Read *read = data;

  g_free (read->path);
  g_free (read);
}

/* A thread per core, below the window's priority, as Vitrine's own
 * workers: GLib's shared pool of GTask threads would start many more,
 * and they would take the cores from the thread that draws. */
static GThreadPool *readers;

static void
read_thumbnail (gpointer data,
                gpointer user_data)
{
  g_autoptr(GTask) task = data;
  const Read *read = g_task_get_task_data (task);
  static GPrivate niced;
  GError *error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (g_private_get (&niced) == NULL)
    {
      (void) setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), getpriority (PRIO_PROCESS, 0) + 10);
      g_private_set (&niced, GINT_TO_POINTER (1));
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  /* Scaled to the tile's pixels and made a texture in cairo's own
   * format here, so that a frame draws it 1:1, converting nothing: the
   * least a GtkPicture can cost to draw. */
  pixbuf = gdk_pixbuf_new_from_file_at_scale (read->path, read->pixels, read->pixels, TRUE, &error);
  if (pixbuf == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_pixbuf_get_width (pixbuf),
                                        gdk_pixbuf_get_height (pixbuf));
  cr = cairo_create (surface);
  gdk_cairo_set_source_pixbuf (cr, pixbuf, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * gdk_pixbuf_get_height (pixbuf));
  g_task_return_pointer (task,
                         gdk_memory_texture_new (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf),
                                                 GDK_MEMORY_DEFAULT, bytes,
                                                 cairo_image_surface_get_stride (surface)),
                         g_object_unref);
  cairo_surface_destroy (surface);
}

static void
on_thumbnail_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  if (texture == NULL)
    return;
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

/* ---- The grid ------------------------------------------------------- */

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, TILE_SPACING);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *facts = gtk_label_new (NULL);

  gtk_widget_set_size_request (picture, tile_size, tile_size);
  gtk_widget_set_size_request (box, tile_size, -1);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 1);
  gtk_label_set_ellipsize (GTK_LABEL (facts), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (facts), 1);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), facts);
  gtk_list_item_set_child (list_item, box);
}

static void
cancel_read (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  g_object_unref (cancellable);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  VtItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *picture = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (picture);
  GtkWidget *facts = gtk_widget_get_next_sibling (title);
  g_autofree char *facts_text = g_strdup_printf ("%d · %s", vt_item_get_year (item),
                                                 vt_item_get_price_text (item));
  GFile *image = vt_item_get_image (item);
  int pixels = tile_size * gtk_widget_get_scale_factor (box);
  g_autofree char *path = image != NULL ? thumbnail_path (image, pixels) : NULL;

  gtk_label_set_text (GTK_LABEL (title), vt_item_get_title (item));
  gtk_label_set_text (GTK_LABEL (facts), facts_text);
  gtk_picture_set_paintable (GTK_PICTURE (picture), NULL);
  if (path != NULL)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GTask) task = g_task_new (NULL, cancellable, on_thumbnail_read_cb, g_object_ref (picture));
      Read *read = g_new (Read, 1);

      /* Unbinding cancels it, so a late picture never lands on a cell
       * that shows another piece by then. */
      g_object_set_data_full (G_OBJECT (list_item), "bench-read", g_object_ref (cancellable),
                              cancel_read);
      read->path = g_steal_pointer (&path);
      read->pixels = pixels;
      g_task_set_task_data (task, read, read_free);
      g_thread_pool_push (readers, g_steal_pointer (&task), NULL);
    }
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  g_object_set_data (G_OBJECT (list_item), "bench-read", NULL);
}

/* ---- Scrolling and measuring --------------------------------------- */

static void
print_stats (const char *name,
             GArray     *values)
{
  printf ("%s-median-ms=%.3f\n", name, bench_percentile (values, 0.5));
  printf ("%s-p95-ms=%.3f\n", name, bench_percentile (values, 0.95));
  printf ("%s-p99-ms=%.3f\n", name, bench_percentile (values, 0.99));
  printf ("%s-max-ms=%.3f\n", name, bench_percentile (values, 1));
}

static void
finish (GtkAdjustment *adjustment,
        GtkWidget     *window)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  printf ("renderer=%s\n", renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
  printf ("frames=%u\n", run.intervals->len);
  printf ("scroll-seconds=%.3f\n", (g_get_monotonic_time () - run.start_us) / 1e6);
  printf ("scroll-pixels=%.0f\n", gtk_adjustment_get_value (adjustment) - run.start_value);
  print_stats ("interval", run.intervals);
  print_stats ("wall-interval", run.wall_intervals);
  print_stats ("work", run.work);
  print_stats ("work-cpu", run.work_cpu);
  printf ("two-refreshes=%.4f\n", bench_share_under (run.intervals, 34.0));
  printf ("vmhwm-kb=%" G_GINT64_FORMAT "\n", bench_status_kb ("VmHWM:"));
  printf ("vmrss-kb=%" G_GINT64_FORMAT "\n", bench_status_kb ("VmRSS:"));
  fflush (stdout);
  _exit (0);
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (run.scroller);
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);
  gint64 now = g_get_monotonic_time ();
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  double target;

  if (distance > 0)
    bottom = MIN (bottom, distance);
  if (run.start_frame_time == 0)
    {
      run.start_frame_time = frame_time;
      run.start_value = value;
      run.start_us = now;
    }
  else
    {
      double interval = (frame_time - run.last_frame_time) / 1000.0;
      double wall_interval = (now - run.last_tick_us) / 1000.0;

      g_array_append_val (run.intervals, interval);
      g_array_append_val (run.wall_intervals, wall_interval);
    }
  run.last_frame_time = frame_time;
  run.last_tick_us = now;
  run.tick_us = now;
  run.tick_cpu_us = bench_thread_cpu_us ();

  if (value >= bottom - 0.5 && run.intervals->len > 0)
    finish (adjustment, GTK_WIDGET (gtk_widget_get_root (widget)));

  target = run.start_value + speed * (frame_time - run.start_frame_time) / 1e6;
  gtk_adjustment_set_value (adjustment, MIN (target, bottom));

  return G_SOURCE_CONTINUE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWidget     *grid)
{
  if (!run.scrolling)
    {
      /* The first frame is drawn: the pictures of the first screen are
       * being read, as Vitrine's are when its scroll starts. */
      run.scrolling = TRUE;
      gtk_widget_add_tick_callback (grid, on_tick_cb, NULL, NULL);
      return;
    }
  if (run.tick_us != 0)
    {
      double work = (g_get_monotonic_time () - run.tick_us) / 1000.0;
      double work_cpu = (bench_thread_cpu_us () - run.tick_cpu_us) / 1000.0;

      g_array_append_val (run.work, work);
      g_array_append_val (run.work_cpu, work_cpu);
      run.tick_us = 0;
    }
}

static void
on_realize_cb (GtkWidget *window,
               GtkWidget *grid)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), grid);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_printerr ("bench-bare-grid: gave up after %u s\n", GPOINTER_TO_UINT (user_data));
  _exit (3);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CATALOG - the bare grid that bench-gallery compares Vitrine with");
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autofree char *css_text = NULL;
  GtkListItemFactory *factory;
  GtkWidget *window, *grid;
  guint timeout;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_arg, "Size of the grid's viewport (1200x800)", "WxH" },
    { "tile-size", 0, 0, G_OPTION_ARG_INT, &tile_size, "Pixels a side of a tile's picture (192)", "N" },
    { "columns", 0, 0, G_OPTION_ARG_INT, &columns, "Columns (5)", "N" },
    { "speed", 0, 0, G_OPTION_ARG_DOUBLE, &speed, "Scrolling speed (10000)", "PX_PER_S" },
    { "distance", 0, 0, G_OPTION_ARG_DOUBLE, &distance, "Stop after this many pixels (default: at the bottom)", "PX" },
    { "thumbnails", 0, 0, G_OPTION_ARG_FILENAME, &thumbnail_dir, "Thumbnail cache to read (required)", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 2 || thumbnail_dir == NULL || tile_size < 16 || columns < 1 || speed <= 0
      || (size_arg != NULL && sscanf (size_arg, "%dx%d", &width, &height) != 2))
    {
      g_printerr ("Usage: bench-bare-grid [OPTION…] --thumbnails DIR CATALOG (see --help)\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!vt_catalog_load (catalog, file, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  gtk_init ();
  css_text = g_strdup_printf ("gridview { padding: %dpx; } gridview > child { padding: %dpx; }",
                              GRID_PADDING, CELL_PADDING);
  gtk_css_provider_load_from_data (css, css_text, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  readers = g_thread_pool_new (read_thumbnail, NULL, g_get_num_processors (), FALSE, NULL);
  run.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  run.wall_intervals = g_array_new (FALSE, FALSE, sizeof (double));
  run.work = g_array_new (FALSE, FALSE, sizeof (double));
  run.work_cpu = g_array_new (FALSE, FALSE, sizeof (double));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), NULL);
  grid = gtk_grid_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (catalog)))),
                            factory);
  gtk_grid_view_set_min_columns (GTK_GRID_VIEW (grid), columns);
  gtk_grid_view_set_max_columns (GTK_GRID_VIEW (grid), columns);

  run.scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (run.scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (run.scroller, grid);

  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (run.scroller));
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), grid);
  gtk_window_present (GTK_WINDOW (window));

  timeout = 60 + (guint) (2000000 / speed) * 4;
  g_timeout_add_seconds (timeout, on_timeout_cb, GUINT_TO_POINTER (timeout));
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}
