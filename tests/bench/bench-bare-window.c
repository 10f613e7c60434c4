/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reference for bench-gallery: a bare GTK window, timed from process start to its first frame. */

/*
 * Build: meson compile -C build bench-gallery bench-bare-window
 * Run by bench-gallery, one process per measurement, never by hand:
 *
 *   VT_BENCH_SPAWN_US=<g_get_monotonic_time () of the parent just before
 *   it spawned this process> bench-bare-window [--application]
 *
 * Opens an empty 1200 x 800 window (the size Vitrine's window opens at)
 * and prints "first-frame-us=N", the microseconds from the spawn to the
 * end of the first frame painted on the mapped window (the "after-paint"
 * of its surface's GdkFrameClock) and "first-frame-cpu-us=N", the CPU
 * time the main thread had used by then, then exits at once; before it,
 * "main-us=N", the microseconds from the spawn to main (). With
 * --application the window belongs to a GtkApplication, which registers
 * on the session bus as Vitrine does; without, it is a plain GtkWindow
 * after gtk_init (). It links GTK only, so it pays no more than any GTK
 * program does.
 */

#include <gtk/gtk.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static gint64 spawn_us;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWidget     *window)
{
  struct timespec cpu;

  if (!gtk_widget_get_mapped (window))
    return;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu);
  printf ("first-frame-us=%" G_GINT64_FORMAT "\n", g_get_monotonic_time () - spawn_us);
  printf ("first-frame-cpu-us=%" G_GINT64_FORMAT "\n",
          (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000);
  fflush (stdout);
  _exit (0);
}

static void
on_realize_cb (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                    G_CALLBACK (on_after_paint_cb), window);
}

static void
show_window (GtkWidget *window)
{
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_activate_cb (GtkApplication *app)
{
  show_window (gtk_application_window_new (app));
}

int
main (int   argc,
      char *argv[])
{
  gint64 main_us = g_get_monotonic_time ();
  const char *spawn = g_getenv ("VT_BENCH_SPAWN_US");

  spawn_us = spawn != NULL ? g_ascii_strtoll (spawn, NULL, 10) : main_us;
  printf ("main-us=%" G_GINT64_FORMAT "\n", main_us - spawn_us);

  if (argc > 1 && strcmp (argv[1], "--application") == 0)
    {
      g_autoptr(GtkApplication) app = gtk_application_new ("io.github.vitrine.BenchBare",
                                                           G_APPLICATION_DEFAULT_FLAGS);

      g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
      return g_application_run (G_APPLICATION (app), 1, argv);
    }

  gtk_init ();
  show_window (gtk_window_new ());
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}
