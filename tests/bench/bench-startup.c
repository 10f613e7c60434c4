/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Start-up, thumbnail and scrolling figures of the main window, against a bare GTK window. */

#define G_LOG_DOMAIN "vitrine-bench"

#include "config.h"

#include "vt-application.h"
#include "vt-tile.h"
#include "vt-window-private.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 *   bench-startup [--runs N] [--catalog CATALOG] [--scroll CATALOG]
 *
 * The parent spawns this same program as a child once per measurement,
 * in a fresh process each time, and reads back the moments (the system's
 * monotonic clock, shared by both processes) at which the child saw:
 *
 *   bare      a GtkWindow with a header bar and a label: its first frame;
 *   vitrine   the Vitrine application opening CATALOG: its first frame,
 *             the first frame with the grid filled, the first frame with
 *             every visible tile's thumbnail (cold: empty thumbnail cache;
 *             warm: the cache the cold run filled);
 *   scroll    Vitrine on CATALOG, scrolled from the first piece to the last
 *             one row per frame: frame intervals and peak memory.
 *
 * Use GSK_RENDERER to choose the renderer (the figures name it).
 */

static gint64
now (void)
{
  return g_get_monotonic_time ();
}

/* Child: bare window */

static void
bare_after_paint_cb (GdkFrameClock *clock,
                     GtkWidget     *window)
{
  printf ("first-frame %" G_GINT64_FORMAT "\n", now ());
  fflush (stdout);
  exit (0);
}

static void
bare_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bare_after_paint_cb), window);
}

static int
child_bare (void)
{
  GtkWidget *window;

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
  g_signal_connect (window, "realize", G_CALLBACK (bare_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (TRUE)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

/* Child: Vitrine */

typedef struct
{
  VtWindow *window;
  gboolean  first_frame;
  gboolean  grid_frame;
  gboolean  scroll;
  /* Scrolling */
  guint     position;
  guint     columns;
  gint64    last_paint;
  GArray   *intervals;
} Child;

static gboolean
visible_thumbnails_shown (VtWindow *window,
                          guint    *n_visible)
{
  graphene_rect_t viewport, bounds;
  GHashTableIter iter;
  gpointer tile;

  *n_visible = 0;
  if (!gtk_widget_compute_bounds (window->grid_scroller, window->grid_scroller, &viewport))
    return FALSE;

  g_hash_table_iter_init (&iter, window->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    {
      if (vt_tile_get_item (tile) == NULL || !gtk_widget_get_mapped (tile))
        continue;
      if (!gtk_widget_compute_bounds (tile, window->grid_scroller, &bounds)
          || !graphene_rect_intersection (&viewport, &bounds, NULL))
        continue;
      (*n_visible)++;
      if (g_strcmp0 (vt_tile_get_state (tile), "loading") == 0)
        return FALSE;
    }

  return *n_visible > 0;
}

static guint
count_columns (VtWindow *window)
{
  int width = gtk_widget_get_width (window->grid_view);
  int size = g_settings_get_int (window->settings, "thumbnail-size");

  /* Tile, cell padding (8 + 8) and the grid's padding (12 + 12). */
  return MAX (1, (width - 24) / (size + 16));
}

static void
print_memory (void)
{
  g_autofree char *status = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;

  for (char *line = strtok (status, "\n"); line != NULL; line = strtok (NULL, "\n"))
    if (g_str_has_prefix (line, "VmHWM:") || g_str_has_prefix (line, "VmRSS:"))
      printf ("memory %s\n", line);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
finish_scroll (Child *child)
{
  GArray *v = child->intervals;
  guint under_33 = 0;

  g_array_sort (v, compare_int64);
  for (guint i = 0; i < v->len; i++)
    if (g_array_index (v, gint64, i) < 33000)
      under_33++;

  printf ("frames %u\n", v->len);
  printf ("frame-median-us %" G_GINT64_FORMAT "\n", g_array_index (v, gint64, v->len / 2));
  printf ("frame-p95-us %" G_GINT64_FORMAT "\n", g_array_index (v, gint64, v->len * 95 / 100));
  printf ("frame-max-us %" G_GINT64_FORMAT "\n", g_array_index (v, gint64, v->len - 1));
  printf ("frames-under-33ms %.1f%%\n", 100.0 * under_33 / v->len);
  printf ("thumbnailer-memory-mb %.1f\n",
          vt_thumbnailer_get_memory_used (vt_thumbnailer_get_default ()) / 1e6);
  print_memory ();
  fflush (stdout);
  exit (0);
}

static gboolean
scroll_tick_cb (GtkWidget     *grid,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Child *child = user_data;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (child->window->sort_model));

  if (child->position >= n_items - 1)
    {
      finish_scroll (child);
      return G_SOURCE_REMOVE;
    }

  child->position = MIN (child->position + child->columns, n_items - 1);
  gtk_widget_activate_action (grid, "list.scroll-to-item", "u", child->position);

  return G_SOURCE_CONTINUE;
}

static void
vitrine_after_paint_cb (GdkFrameClock *clock,
                        Child         *child)
{
  VtWindow *window = child->window;
  gint64 t = now ();
  guint n_visible;

  if (!child->first_frame)
    {
      child->first_frame = TRUE;
      printf ("first-frame %" G_GINT64_FORMAT "\n", t);
    }

  if (!child->grid_frame
      && g_list_model_get_n_items (G_LIST_MODEL (window->sort_model)) > 0
      && gtk_widget_get_mapped (window->grid_view))
    {
      child->grid_frame = TRUE;
      printf ("grid-frame %" G_GINT64_FORMAT "\n", t);
    }

  if (child->intervals != NULL)
    {
      gint64 interval = t - child->last_paint;

      child->last_paint = t;
      g_array_append_val (child->intervals, interval);
      return;
    }

  if (child->grid_frame && visible_thumbnails_shown (window, &n_visible))
    {
      printf ("thumbnails-frame %" G_GINT64_FORMAT "\n", t);
      printf ("visible-tiles %u\n", n_visible);
      fflush (stdout);

      if (!child->scroll)
        exit (0);

      /* Now scroll end to end, one row per frame. */
      child->columns = count_columns (window);
      child->intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
      child->last_paint = t;
      gtk_widget_add_tick_callback (window->grid_view, scroll_tick_cb, child, NULL);
    }
}

static void
vitrine_realize_cb (GtkWidget *widget,
                    Child     *child)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (vitrine_after_paint_cb), child);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Child          *child)
{
  if (!VT_IS_WINDOW (window) || child->window != NULL)
    return;

  child->window = VT_WINDOW (window);
  g_signal_connect (window, "realize", G_CALLBACK (vitrine_realize_cb), child);
}

static int
child_vitrine (const char *catalog,
               gboolean    scroll)
{
  g_autoptr(VtApplication) app = NULL;
  Child child = { .scroll = scroll };
  char *argv[] = { (char *) "vitrine", (char *) catalog, NULL };

  app = g_object_new (VT_TYPE_APPLICATION,
                      "application-id", "io.github.vitrine.Vitrine.Bench",
                      "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/vitrine/Vitrine",
                      NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &child);

  return g_application_run (G_APPLICATION (app), 2, argv);
}

/* Parent */

typedef struct
{
  double first_frame;
  double grid_frame;
  double thumbnails_frame;
} Times;

static char *
run_child (const char  *self_path,
           const char  *mode,
           const char  *catalog,
           const char  *cache_dir,
           gint64      *started)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { self_path, "--child", mode, catalog, NULL };
  char *out = NULL;
  int status;

  if (cache_dir != NULL)
    env = g_environ_setenv (env, "XDG_CACHE_HOME", cache_dir, TRUE);

  *started = now ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error))
    g_error ("%s", error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("child %s: %s", mode, error->message);

  return out;
}

static double
field_ms (const char *out,
          const char *name,
          gint64      started)
{
  g_autofree char *key = g_strconcat (name, " ", NULL);
  const char *line = strstr (out, key);

  if (line == NULL)
    return -1;

  return (g_ascii_strtoll (line + strlen (key), NULL, 10) - started) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *scroll = NULL;
  g_autofree char *child_mode = NULL;
  g_autofree char *self_path = NULL;
  int runs = 5;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each start-up measurement (default 5)", "N" },
    { "catalog", 0, 0, G_OPTION_ARG_FILENAME, &catalog, "Catalog to start on (default: the built sample)", "CATALOG" },
    { "scroll", 0, 0, G_OPTION_ARG_FILENAME, &scroll, "Also scroll CATALOG end to end", "CATALOG" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_mode, NULL, NULL },
    { NULL }
  };
  const char *renderer = g_getenv ("GSK_RENDERER");
  GArray *bare = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *first[2], *grid[2], *thumbs[2];

  /* Settings in memory, from the build tree's schema. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", VT_BUILD_ROOT "/data", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);

  context = g_option_context_new ("- Vitrine start-up and scrolling benchmark");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (child_mode != NULL)
    {
      if (g_str_equal (child_mode, "bare"))
        return child_bare ();
      return child_vitrine (argv[1], g_str_equal (child_mode, "scroll"));
    }

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (catalog == NULL)
    catalog = g_strdup (VT_BUILD_ROOT "/data/sample/genesis/catalog.json");

  printf ("renderer: %s; %d runs each; catalog %s\n",
          renderer != NULL ? renderer : "(GTK's default)", runs, catalog);

  for (int w = 0; w < 2; w++)
    {
      first[w] = g_array_new (FALSE, FALSE, sizeof (double));
      grid[w] = g_array_new (FALSE, FALSE, sizeof (double));
      thumbs[w] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  for (int run = 0; run < runs; run++)
    {
      g_autofree char *cache = g_dir_make_tmp ("vitrine-bench-cache-XXXXXX", NULL);
      g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", cache);
      gint64 started;
      double ms;

      /* Interleaved, so a slow moment of the machine hits both. */
      {
        g_autofree char *out = run_child (self_path, "bare", catalog, cache, &started);

        ms = field_ms (out, "first-frame", started);
        g_array_append_val (bare, ms);
      }

      /* Cold (empty thumbnail cache), then warm (the cache just made). */
      for (int w = 0; w < 2; w++)
        {
          g_autofree char *out = run_child (self_path, "vitrine", catalog, cache, &started);

          ms = field_ms (out, "first-frame", started);
          g_array_append_val (first[w], ms);
          ms = field_ms (out, "grid-frame", started);
          g_array_append_val (grid[w], ms);
          ms = field_ms (out, "thumbnails-frame", started);
          g_array_append_val (thumbs[w], ms);
        }

      if (system (rm) != 0)
        g_printerr ("could not remove %s\n", cache);
    }

  printf ("bare GTK window, start to first frame:     %7.1f ms\n", median (bare));
  printf ("Vitrine, start to first frame:             %7.1f ms (%.2fx the bare window)\n",
          median (first[1]), median (first[1]) / median (bare));
  printf ("Vitrine, start to grid filled:             %7.1f ms\n", median (grid[1]));
  printf ("Vitrine, start to visible thumbnails, warm: %6.1f ms\n", median (thumbs[1]));
  printf ("Vitrine, start to visible thumbnails, cold: %6.1f ms (empty thumbnail cache)\n",
          median (thumbs[0]));
  fflush (stdout);

  if (scroll != NULL)
    {
      g_autofree char *cache = g_dir_make_tmp ("vitrine-bench-cache-XXXXXX", NULL);
      g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", cache);
      g_autofree char *out = NULL;
      gint64 started;

      out = run_child (self_path, "scroll", scroll, cache, &started);
      printf ("scrolling %s end to end, one row per frame, empty thumbnail cache:\n%s", scroll, out);
      if (system (rm) != 0)
        g_printerr ("could not remove %s\n", cache);
    }

  return 0;
}
