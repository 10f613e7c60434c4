/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of the show: key to the next piece on the screen, a jump to a piece not loaded, peak memory of a 100-piece show. */

/*
 * Build and run (from the top of the source tree, the build in build/):
 *
 *   meson compile -C build bench-show
 *   dbus-run-session -- xvfb-run -a -s "-screen 0 3840x2160x24" \
 *     build/tests/bench/bench-show [--steps N] [--collection DIR]
 *
 * On a synthetic collection of 100 pieces with 2048 x 2048 images, made
 * once with vt-make-sample into --collection (default
 * $XDG_CACHE_HOME/vitrine-bench/synthetic-100-2048), on a screen the
 * size of the X screen (3840 x 2160 above). GSK_RENDERER is cairo unless
 * it is set; the renderer used is printed.
 *
 * What is timed, from the moment the key's work starts (the show's key
 * handler called, as the window's key controller calls it) to the end of
 * the frame that drew the new piece (the "after-paint" of the window's
 * GdkFrameClock; the frame's own time, gdk_frame_clock_get_frame_time(),
 * is printed beside it):
 *   - reference: a bare full-screen GtkPicture swapping between two
 *     textures of 2048 px images already uploaded, and, for the jump,
 *     the same picture given a texture decoded on the spot
 *     (gdk_texture_new_from_file);
 *   - the show: Right, each time once the next piece's picture has come
 *     (--steps N, default 30); then jumps (number and Enter) to pieces
 *     no step has come near, whose pictures are not loaded.
 * Then the whole show is walked, every piece, and the peak resident
 * memory (VmHWM) is read; the reference's is that of GTK and two 2048 px
 * textures on a full screen.
 *
 * The reference and the show run in processes of their own, one after
 * the other, so each peak memory is its own. Nothing here asserts a
 * time; the machine may be busy, so each figure stands beside its
 * reference measured in the same run.
 *
 * Besides its tables it prints the figures for tests/bench/run as
 * "FIGURE<TAB>name<TAB>value<TAB>unit" lines, and the reference of each
 * as "REFERENCE<TAB>..." with the same name: show-next-p50 and
 * show-next-p95 (wall-clock ms; the reference swaps two textures),
 * show-jump-p50 (the reference decodes a 2048 px JPEG) and show-memory
 * (VmHWM, MB).
 */

#define G_LOG_DOMAIN "vitrine-bench"

#include "config.h"

#include "bench-util.h"
#include "vt-catalog.h"
#include "vt-show-window.h"
#include "vt-thumbnailer.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define N_PIECES 100
#define IMAGE_SIZE 2048

typedef struct
{
  gint64     start;
  gboolean   waiting;
  gboolean (*drawn) (gpointer data);
  gpointer   data;
  double     wall_ms;
  double     frame_ms;
} Probe;

static Probe probe;

static void
on_after_paint_cb (GdkFrameClock *clock)
{
  if (!probe.waiting || !probe.drawn (probe.data))
    return;
  probe.wall_ms = (g_get_monotonic_time () - probe.start) / 1000.0;
  probe.frame_ms = (gdk_frame_clock_get_frame_time (clock) - probe.start) / 1000.0;
  probe.waiting = FALSE;
}

static void
spin_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("bench-show: gave up waiting");
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
probe_done (gpointer data)
{
  return !probe.waiting;
}

static void
spin_for (int ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Starts timing, does @act, and waits for the frame where @drawn holds. */
static void
measure (void     (*act) (gpointer),
         gboolean (*drawn) (gpointer),
         gpointer   data,
         GArray    *wall,
         GArray    *frame)
{
  probe.drawn = drawn;
  probe.data = data;
  probe.start = g_get_monotonic_time ();
  probe.waiting = TRUE;
  act (data);
  spin_until (probe_done, NULL);
  g_array_append_val (wall, probe.wall_ms);
  g_array_append_val (frame, probe.frame_ms);
}

static double
percentile (GArray *values,
            double  p)
{
  double *v = (double *) values->data;
  guint i;

  qsort (v, values->len, sizeof (double), bench_compare_doubles);
  i = (guint) ceil (p * values->len) - 1;
  return v[MIN (i, values->len - 1)];
}

static gint64
vmhwm_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : 0;
}

static void
print_figure (const char *kind,
              const char *name,
              double      value,
              const char *unit)
{
  printf ("%s\t%s\t%.4f\t%s\n", kind, name, value, unit);
}

static void
report (const char *what,
        GArray     *wall,
        GArray     *frame,
        double      goal_median,
        double      goal_p95)
{
  double median = percentile (wall, 0.5);
  double p95 = percentile (wall, 0.95);
  double frame_median = percentile (frame, 0.5);

  printf ("  %-52s median %7.1f ms  p95 %7.1f ms  (frame time: median %6.1f ms)  n=%u",
          what, median, p95, frame_median, wall->len);
  if (goal_median > 0)
    printf ("  goal <%g/<%g: %s", goal_median, goal_p95,
            bench_verdict (median < goal_median && (goal_p95 <= 0 || p95 < goal_p95)));
  printf ("\n");
}

/* The reference: a bare GtkPicture */

typedef struct
{
  GtkPicture *picture;
  GdkTexture *textures[2];
  GdkTexture *wanted;
  GFile      *file;
} Bare;

static void
bare_swap (gpointer data)
{
  Bare *bare = data;

  bare->wanted = gtk_picture_get_paintable (bare->picture) == GDK_PAINTABLE (bare->textures[0])
                 ? bare->textures[1] : bare->textures[0];
  gtk_picture_set_paintable (bare->picture, GDK_PAINTABLE (bare->wanted));
}

static void
bare_decode (gpointer data)
{
  Bare *bare = data;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (bare->file, NULL);

  bare->wanted = texture;
  gtk_picture_set_paintable (bare->picture, GDK_PAINTABLE (texture));
}

static gboolean
bare_drawn (gpointer data)
{
  Bare *bare = data;

  return gtk_picture_get_paintable (bare->picture) == GDK_PAINTABLE (bare->wanted);
}

static GFile *
image_file (const char *collection,
            guint       number)
{
  g_autofree char *name = g_strdup_printf ("%06u.jpg", number);

  return g_file_new_build_filename (collection, "images", name, NULL);
}

static void
run_reference (const char *collection,
               guint       steps,
               GArray     *wall,
               GArray     *frame,
               GArray     *jump_wall,
               GArray     *jump_frame)
{
  GtkWidget *window = gtk_window_new ();
  Bare bare = { 0 };

  bare.picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_content_fit (bare.picture, GTK_CONTENT_FIT_CONTAIN);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bare.picture));
  gtk_widget_add_css_class (window, "vt-show");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = image_file (collection, i + 1);

      bare.textures[i] = gdk_texture_new_from_file (file, NULL);
      g_assert_nonnull (bare.textures[i]);
    }
  gtk_picture_set_paintable (bare.picture, GDK_PAINTABLE (bare.textures[0]));
  gtk_window_fullscreen (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  spin_for (500);

  /* Both uploaded once before timing. */
  for (guint i = 0; i < steps + 2; i++)
    {
      measure (bare_swap, bare_drawn, &bare, wall, frame);
      if (i < 2)
        g_array_set_size (wall, 0), g_array_set_size (frame, 0);
      spin_for (100);
    }
  for (guint i = 0; i < 5; i++)
    {
      bare.file = image_file (collection, 50 + 10 * i);
      measure (bare_decode, bare_drawn, &bare, jump_wall, jump_frame);
      g_clear_object (&bare.file);
      spin_for (100);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&bare.textures[0]);
  g_clear_object (&bare.textures[1]);
}

/* The show */

typedef struct
{
  VtShow       *show;
  VtShowWindow *window;
  guint         target;
  const char   *digits;
} Show;

static void
show_next (gpointer data)
{
  Show *s = data;

  s->target = vt_show_get_position (s->show) + 1;
  vt_show_handle_key (s->show, GDK_KEY_Right, 0);
}

static void
show_jump (gpointer data)
{
  Show *s = data;

  s->target = g_ascii_strtoull (s->digits, NULL, 10) - 1;
  for (const char *d = s->digits; *d != '\0'; d++)
    vt_show_handle_key (s->show, GDK_KEY_0 + (*d - '0'), 0);
  vt_show_handle_key (s->show, GDK_KEY_Return, 0);
}

static gboolean
show_drawn (gpointer data)
{
  Show *s = data;
  g_autoptr(VtItem) item = g_list_model_get_item (vt_show_get_model (s->show), s->target);

  return vt_show_window_get_shown_item (s->window) == item;
}

static gboolean
neighbours_loaded (gpointer data)
{
  Show *s = data;
  g_autoptr(VtItem) next = vt_show_dup_item_at (s->show, 1);

  return next == NULL || vt_show_window_is_loaded (s->window, next);
}

static gboolean
catalog_loaded (GAsyncResult **result)
{
  return *result != NULL;
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
ensure_collection (const char *collection)
{
  g_autofree char *catalog = g_build_filename (collection, "catalog.json", NULL);
  g_autofree char *count = g_strdup_printf ("%d", N_PIECES);
  g_autofree char *size = g_strdup_printf ("--image-size=%d", IMAGE_SIZE);
  const char *argv[] = { VT_BUILD_ROOT "/src/tools/vt-make-sample", size, "synthetic", count, collection, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (g_file_test (catalog, G_FILE_TEST_EXISTS))
    return;
  g_printerr ("Making %d pieces of %d px in %s\n", N_PIECES, IMAGE_SIZE, collection);
  g_mkdir_with_parents (collection, 0755);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("vt-make-sample: %s", error->message);
}

static void
run_reference_part (const char *collection,
                    int         steps)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_frame = g_array_new (FALSE, FALSE, sizeof (double));

  run_reference (collection, steps, wall, frame, jump_wall, jump_frame);
  printf ("Reference, a bare full-screen GtkPicture (a process of its own):\n");
  report ("two textures swapped", wall, frame, 0, 0);
  report ("a 2048 px JPEG decoded and shown", jump_wall, jump_frame, 0, 0);
  printf ("  %-52s %7.1f MB\n", "peak memory (VmHWM)", vmhwm_kb () / 1024.0);
  print_figure ("REFERENCE", "show-next-p50", percentile (wall, 0.5), "ms");
  print_figure ("REFERENCE", "show-next-p95", percentile (wall, 0.95), "ms");
  print_figure ("REFERENCE", "show-jump-p50", percentile (jump_wall, 0.5), "ms");
  print_figure ("REFERENCE", "show-memory", vmhwm_kb () / 1024.0, "MB");
}

static void
run_show_part (const char *collection,
               int         steps)
{
  g_autoptr(GArray) step_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) step_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(VtCatalog) catalog = vt_catalog_new ();
  g_autoptr(GFile) catalog_file = g_file_new_build_filename (collection, "catalog.json", NULL);
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = g_dir_make_tmp ("vitrine-bench-show-XXXXXX", NULL);
  g_autoptr(VtThumbnailer) thumbnailer = NULL;
  const char *jumps[] = { "50", "60", "70", "80", "90" };
  GdkRectangle geometry;
  gint64 show_kb;
  Show s = { 0 };

  vt_catalog_load_async (catalog, catalog_file, NULL, on_loaded_cb, &loaded);
  spin_until ((gboolean (*) (gpointer)) catalog_loaded, &loaded);
  if (!vt_catalog_load_finish (catalog, loaded, &error))
    g_error ("%s", error->message);

  /* A cache of its own: pictures above 1024 px are decoded from the
   * originals anyway, and kept in memory only (the application's bound,
   * VT_THUMBNAIL_MEMORY_DEFAULT_MB). */
  thumbnailer = g_object_new (VT_TYPE_THUMBNAILER, "cache-dir", cache, NULL);
  s.show = vt_show_new (G_LIST_MODEL (catalog), 0);
  s.window = vt_show_window_new (NULL, s.show, thumbnailer, NULL);
  gtk_window_present (GTK_WINDOW (s.window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (s.window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (s.window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), NULL);
  s.target = 0;
  spin_until (show_drawn, &s);
  spin_until (neighbours_loaded, &s);
  spin_for (300);

  for (int i = 0; i < steps; i++)
    {
      measure (show_next, show_drawn, &s, step_wall, step_frame);
      spin_until (neighbours_loaded, &s);
      spin_for (100);
    }
  for (guint i = 0; i < G_N_ELEMENTS (jumps); i++)
    {
      s.digits = jumps[i];
      measure (show_jump, show_drawn, &s, jump_wall, jump_frame);
      spin_until (neighbours_loaded, &s);
      spin_for (100);
    }

  /* The whole show, every piece, for its peak memory. */
  vt_show_first (s.show);
  for (guint i = 1; i < N_PIECES; i++)
    {
      show_next (&s);
      spin_until (show_drawn, &s);
      spin_until (neighbours_loaded, &s);
    }
  show_kb = vmhwm_kb ();

  gdk_monitor_get_geometry (vt_show_window_get_monitor (s.window), &geometry);
  printf ("The show at %d x %d (scale %d), renderer %s (a process of its own):\n",
          geometry.width, geometry.height, gtk_widget_get_scale_factor (GTK_WIDGET (s.window)),
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (s.window))));
  report ("Right, the next piece loaded ahead", step_wall, step_frame, 50, 100);
  report ("number + Enter to a piece not loaded", jump_wall, jump_frame, 250, 0);
  printf ("  %-52s %7.1f MB  goal <300: %s\n", "peak memory (VmHWM), every piece shown",
          show_kb / 1024.0, bench_verdict (show_kb < 300 * 1024));
  print_figure ("FIGURE", "show-next-p50", percentile (step_wall, 0.5), "ms");
  print_figure ("FIGURE", "show-next-p95", percentile (step_wall, 0.95), "ms");
  print_figure ("FIGURE", "show-jump-p50", percentile (jump_wall, 0.5), "ms");
  print_figure ("FIGURE", "show-memory", show_kb / 1024.0, "MB");

  vt_show_end (s.show);
  g_clear_object (&s.show);
  g_rmdir (cache);
}

int
main (int   argc,
      char *argv[])
{
  int steps = 30;
  g_autofree char *collection = NULL;
  g_autofree char *part = NULL;
  GOptionEntry entries[] = {
    { "steps", 0, 0, G_OPTION_ARG_INT, &steps, "Steps timed (default 30)", "N" },
    { "collection", 0, 0, G_OPTION_ARG_FILENAME, &collection, "Folder of the synthetic collection", "DIR" },
    { "part", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &part, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_setenv ("GSK_RENDERER", g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "cairo", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", VT_BUILD_ROOT "/data", TRUE);
  if (collection == NULL)
    collection = g_build_filename (g_get_user_cache_dir (), "vitrine-bench", "synthetic-100-2048", NULL);

  /* The driver: each part in a process of its own, so that each peak
   * memory is its own. */
  if (part == NULL)
    {
      const char *parts[] = { "--part=reference", "--part=show" };
      g_autofree char *steps_arg = g_strdup_printf ("--steps=%d", steps);
      g_autofree char *collection_arg = g_strdup_printf ("--collection=%s", collection);

      ensure_collection (collection);
      printf ("%d pieces of %d x %d px; from the key's work to the end of the frame that drew the piece\n",
              N_PIECES, IMAGE_SIZE, IMAGE_SIZE);
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          const char *child[] = { argv[0], parts[i], steps_arg, collection_arg, NULL };
          int status;

          fflush (stdout);
          if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                             NULL, NULL, &status, &error)
              || !g_spawn_check_wait_status (status, &error))
            g_error ("bench-show %s: %s", parts[i], error->message);
        }
      return 0;
    }

  gtk_init ();
  if (g_str_equal (part, "reference"))
    run_reference_part (collection, steps);
  else if (g_str_equal (part, "show"))
    run_show_part (collection, steps);
  else
    g_error ("bench-show: no part “%s”", part);
  return 0;
}
