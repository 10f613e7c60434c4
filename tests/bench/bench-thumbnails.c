/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of VtThumbnailer against the desktop's thumbnailer and the JPEG decode floor. */

/*
 * Usage: bench-thumbnails [--images DIR | --from DIR] [--count N] [--runs N] [--label NAME]
 *
 * Generates N (default 200) 2048 x 2048 JPEGs of varied content, noisy
 * as photographs are (hard to compress), into a temporary folder (or
 * into DIR, kept and reused), or takes the JPEGs already in a folder
 * (--from, e.g. the sample's posters), then prints the median of
 * several runs of:
 *   - cold: every thumbnail made at 256 px into an empty disk cache;
 *   - gdk-pixbuf-thumbnailer -s 256, once per image, 2 at a time;
 *   - the decode floor: each JPEG read and decoded at 1/8 of its size
 *     in this process by libjpeg-turbo (scale_denom 8, the same scaled
 *     decode the thumbnailer asks of it), on as many threads as the
 *     thumbnailer has workers and at their priority, so per core and
 *     without starting a process per image. libjpeg itself rather than gdk-pixbuf's loader
 *     at size: the loader adds its module, a pixbuf and a rescale to the
 *     decode, which is what the floor must leave out;
 *   - warm: every thumbnail again from the disk cache, memory cache empty;
 *   - a plain read of warm's files: for each image, its file's times
 *     looked up and its cached thumbnail read whole into a fresh mapping
 *     of its own, kept until all are read, in order on one thread: the
 *     system's part of a warm load, done the plain way;
 * and the peak resident memory (VmHWM) while thumbnailing them all cold.
 * Nothing here needs a display.
 *
 * Besides its table it prints each figure for tests/bench/run, as
 * "FIGURE<TAB>name<TAB>value<TAB>unit" and "REFERENCE<TAB>..." lines:
 * thumbnails-NAME-cold-vs-desktop, -cold-vs-floor, -warm (against cold),
 * -warm-vs-read (against the plain read) in wall-clock ms per image, and
 * -memory in MB; NAME is --label.
 */

#include "config.h"

#include "bench-util.h"
#include "vt-thumbnailer.h"
#include "vt-thumbnailer-private.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <jpeglib.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define SIDE 2048

static int    n_images = 200;
static int    n_runs = 5;
static char  *images_arg;
static char  *from_arg;
static char  *label = "photos";
static gboolean only_ours;
static int    compression = -1;
static GPtrArray *images;   /* paths */

/* ------------------------------------------------------------------ */
/* Images                                                             */

static guint32
hash32 (guint32 x)
{
  x ^= x >> 16;
  x *= 0x7feb352d;
  x ^= x >> 15;
  x *= 0x846ca68b;
  x ^= x >> 16;
  return x;
}

/* Soft shapes and gradients under a sensor's grain, a different one in
 * each channel and of a strength that varies per image: like a
 * photograph, hard to compress (about 1 MB at quality 90). */
static void
generate_one (gpointer data,
              gpointer user_data)
{
  int index = GPOINTER_TO_INT (data) - 1;
  const char *path = images->pdata[index];
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, SIDE, SIDE);
  g_autoptr(GError) error = NULL;
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  guint32 seed = hash32 (index + 1);
  double fx = 2 + seed % 7;
  double fy = 3 + (seed >> 8) % 5;
  double cx = (seed >> 4) % SIDE;
  double cy = (seed >> 12) % SIDE;
  int grain = 6 + (seed >> 20) % 6;

  for (int y = 0; y < SIDE; y++)
    for (int x = 0; x < SIDE; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        double u = (double) x / SIDE;
        double v = (double) y / SIDE;
        double r = hypot (x - cx, y - cy) / SIDE;
        guint32 noise = hash32 ((guint32) (y * SIDE + x) ^ seed);
        int n_r = (int) (noise % (2 * grain + 1)) - grain;
        int n_g = (int) ((noise >> 10) % (2 * grain + 1)) - grain;
        int n_b = (int) ((noise >> 20) % (2 * grain + 1)) - grain;
        double base_r = 128 + 90 * sin (fx * 6.28 * u + 5 * r);
        double base_g = 128 + 80 * cos (fy * 6.28 * v - 3 * r);
        double base_b = 128 + 70 * sin (9 * r + u * v * 12);

        p[0] = CLAMP ((int) base_r + n_r, 0, 255);
        p[1] = CLAMP ((int) base_g + n_g, 0, 255);
        p[2] = CLAMP ((int) base_b + n_b, 0, 255);
      }

  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL);
  if (error != NULL)
    g_error ("Could not write %s: %s", path, error->message);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
prepare_images (const char *folder)
{
  GThreadPool *pool;
  guint64 total = 0;
  int missing = 0;

  images = g_ptr_array_new_with_free_func (g_free);
  if (from_arg != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (from_arg, 0, NULL);
      const char *name;

      if (dir == NULL)
        g_error ("Cannot read the folder %s", from_arg);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".jpg") || g_str_has_suffix (name, ".jpeg"))
          g_ptr_array_add (images, g_build_filename (from_arg, name, NULL));
      g_ptr_array_sort (images, compare_paths);
      if (n_images > 0 && images->len > (guint) n_images)
        g_ptr_array_set_size (images, n_images);
      n_images = images->len;
      if (n_images == 0)
        g_error ("No JPEG in %s", from_arg);
    }
  for (int i = 0; from_arg == NULL && i < n_images; i++)
    {
      char *path = g_strdup_printf ("%s/art-%03d.jpg", folder, i);

      g_ptr_array_add (images, path);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        missing++;
    }

  if (missing > 0)
    {
      g_printerr ("Generating %d images of %d x %d in %s...\n", missing, SIDE, SIDE, folder);
      pool = g_thread_pool_new (generate_one, NULL, g_get_num_processors (), TRUE, NULL);
      for (int i = 0; i < n_images; i++)
        if (!g_file_test (images->pdata[i], G_FILE_TEST_EXISTS))
          g_thread_pool_push (pool, GINT_TO_POINTER (i + 1), NULL);
      g_thread_pool_free (pool, FALSE, TRUE);
    }

  for (int i = 0; i < n_images; i++)
    {
      GStatBuf st;

      if (g_stat (images->pdata[i], &st) == 0)
        total += st.st_size;
    }
  g_print ("Images (%s): %d JPEGs%s, %.0f KB on average\n", label, n_images,
           from_arg != NULL ? "" : " of 2048 x 2048", total / 1024.0 / n_images);
}

/* ------------------------------------------------------------------ */
/* Measures                                                           */

static void
reset_peak_memory (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");

  if (f != NULL)
    {
      fputs ("5", f);
      fclose (f);
    }
}

static double
peak_memory_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : -1;
}

/* Wall-clock seconds, and CPU seconds (user + system) of the work measured. */
typedef struct
{
  double wall;
  double cpu;
} Measure;

static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

typedef struct
{
  int     pending;
  int     failed;
} Batch;

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  Batch *batch = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = vt_thumbnailer_load_finish (VT_THUMBNAILER (object), result, &error);

  if (pixbuf == NULL)
    {
      g_printerr ("%s\n", error->message);
      batch->failed++;
    }
  batch->pending--;
}

/* Time to load every image at @size through @thumbnailer. */
static Measure
time_thumbnailer (VtThumbnailer *thumbnailer,
                  int            size)
{
  Batch batch = { 0, 0 };
  double cpu_start = cpu_seconds (RUSAGE_SELF);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < images->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (images->pdata[i]);

      batch.pending++;
      vt_thumbnailer_load_async (thumbnailer, file, size, NULL, on_loaded_cb, &batch);
    }
  while (batch.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  /* Until every thumbnail is on disk, as the desktop's thumbnailer's
   * time counts its files written. */
  vt_thumbnailer_wait_for_writes (thumbnailer);

  if (batch.failed > 0)
    g_error ("%d thumbnails failed", batch.failed);
  return (Measure) {
    (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
    cpu_seconds (RUSAGE_SELF) - cpu_start,
  };
}

/* Time to run @argv (with "%s" replaced by each image, "%o" by an
 * output path) once per image, @parallel at a time. */
static Measure
time_command (const char **argv_template,
              int          parallel,
              const char  *out_dir)
{
  double cpu_start = cpu_seconds (RUSAGE_CHILDREN);
  gint64 start = g_get_monotonic_time ();
  int running = 0;
  guint next = 0;

  while (next < images->len || running > 0)
    {
      if (next < images->len && running < parallel)
        {
          g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GError) error = NULL;
          GPid pid;

          for (int i = 0; argv_template[i] != NULL; i++)
            {
              if (strcmp (argv_template[i], "%s") == 0)
                g_ptr_array_add (argv, g_strdup (images->pdata[next]));
              else if (strcmp (argv_template[i], "%o") == 0)
                g_ptr_array_add (argv, g_strdup_printf ("%s/out-%u.png", out_dir, next));
              else
                g_ptr_array_add (argv, g_strdup (argv_template[i]));
            }
          g_ptr_array_add (argv, NULL);
          if (!g_spawn_async (NULL, (char **) argv->pdata, NULL,
                              G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                              G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                              NULL, NULL, &pid, &error))
            g_error ("Could not run %s: %s", argv_template[0], error->message);
          running++;
          next++;
        }
      else
        {
          int status;

          if (waitpid (-1, &status, 0) > 0)
            {
              running--;
              if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
                g_error ("%s failed", argv_template[0]);
            }
        }
    }

  return (Measure) {
    (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
    cpu_seconds (RUSAGE_CHILDREN) - cpu_start,
  };
}

/* The decode floor: libjpeg-turbo's scaled decode, nothing around it. */

typedef struct
{
  struct jpeg_error_mgr manager;
  jmp_buf               jump;
} JpegError;

static void
on_jpeg_error (j_common_ptr info)
{
  longjmp (((JpegError *) info->err)->jump, 1);
}

static void
decode_eighth (gpointer data,
               gpointer user_data)
{
  const char *path = data;
  int *failed = user_data;
  static GPrivate niced;
  g_autofree char *bytes = NULL;
  JSAMPLE * volatile row = NULL;
  struct jpeg_decompress_struct info;
  JpegError error;
  gsize length;

  /* At the priority of the thumbnailer's workers (WORKER_NICE in
   * vt-thumbnailer.c): on a machine busy with other work, a floor that
   * ran above them would win by its priority, not by its decode. */
  if (g_private_get (&niced) == NULL)
    {
      (void) setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), getpriority (PRIO_PROCESS, 0) + 10);
      g_private_set (&niced, GINT_TO_POINTER (1));
    }
  if (!g_file_get_contents (path, &bytes, &length, NULL))
    {
      g_atomic_int_inc (failed);
      return;
    }
  info.err = jpeg_std_error (&error.manager);
  error.manager.error_exit = on_jpeg_error;
  if (setjmp (error.jump))
    {
      jpeg_destroy_decompress (&info);
      g_free (row);
      g_atomic_int_inc (failed);
      return;
    }
  jpeg_create_decompress (&info);
  jpeg_mem_src (&info, (unsigned char *) bytes, length);
  jpeg_read_header (&info, TRUE);
  info.scale_num = 1;
  info.scale_denom = 8;
  info.out_color_space = JCS_RGB;
  jpeg_start_decompress (&info);
  row = g_malloc ((gsize) info.output_width * info.output_components);
  while (info.output_scanline < info.output_height)
    {
      JSAMPLE *rows[1] = { row };

      jpeg_read_scanlines (&info, rows, 1);
    }
  jpeg_finish_decompress (&info);
  jpeg_destroy_decompress (&info);
  g_free (row);
}

/* Time to decode every image at 1/8 on @threads threads. */
static Measure
time_decode_floor (guint threads)
{
  double cpu_start = cpu_seconds (RUSAGE_SELF);
  gint64 start = g_get_monotonic_time ();
  int failed = 0;
  GThreadPool *pool = g_thread_pool_new (decode_eighth, &failed, threads, TRUE, NULL);

  for (guint i = 0; i < images->len; i++)
    g_thread_pool_push (pool, images->pdata[i], NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
  if (failed > 0)
    g_error ("libjpeg could not decode %d images", failed);

  return (Measure) {
    (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
    cpu_seconds (RUSAGE_SELF) - cpu_start,
  };
}

/* Time to read each of @thumbnails (paths, one for each image) whole
 * into memory of its own, after a stat of its image; the memory is let
 * go only once all are read, as a warm load keeps its pictures. */
static Measure
time_plain_read (GPtrArray *thumbnails)
{
  g_autofree struct iovec *kept = g_new0 (struct iovec, thumbnails->len);
  double cpu_start = cpu_seconds (RUSAGE_SELF);
  gint64 start = g_get_monotonic_time ();
  Measure measure;

  for (guint i = 0; i < thumbnails->len; i++)
    {
      const char *path = thumbnails->pdata[i];
      struct stat st;
      gsize done = 0;
      int fd;

      if (stat (images->pdata[i], &st) != 0 || (fd = open (path, O_RDONLY | O_CLOEXEC)) < 0 ||
          fstat (fd, &st) != 0)
        g_error ("Could not open %s", path);
      kept[i].iov_len = st.st_size;
      kept[i].iov_base = mmap (NULL, st.st_size, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
      if (kept[i].iov_base == MAP_FAILED)
        g_error ("No memory to read %s", path);
      while (done < kept[i].iov_len)
        {
          gssize got = read (fd, (char *) kept[i].iov_base + done, kept[i].iov_len - done);

          if (got <= 0)
            g_error ("Could not read %s", path);
          done += got;
        }
      close (fd);
    }

  measure = (Measure) {
    (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
    cpu_seconds (RUSAGE_SELF) - cpu_start,
  };
  for (guint i = 0; i < thumbnails->len; i++)
    munmap (kept[i].iov_base, kept[i].iov_len);
  return measure;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static Measure
median_measure (const Measure *measures)
{
  g_autofree double *wall = g_new (double, n_runs);
  g_autofree double *cpu = g_new (double, n_runs);

  for (int i = 0; i < n_runs; i++)
    {
      wall[i] = measures[i].wall;
      cpu[i] = measures[i].cpu;
    }
  return (Measure) { bench_median (wall, n_runs), bench_median (cpu, n_runs) };
}

static void
print_line (const char *what,
            Measure     m)
{
  g_print ("%-50s %7.3f s %7.3f s %8.1f/s %8.2f ms\n",
           what, m.wall, m.cpu, images->len / m.wall, m.cpu * 1000 / images->len);
}

static void
print_figure (const char *kind,
              const char *what,
              double      value,
              const char *unit)
{
  g_print ("%s\tthumbnails-%s-%s\t%.4f\t%s\n", kind, label, what, value, unit);
}

static void
report (const Measure *cold_runs,
        const Measure *warm_runs,
        const Measure *read_runs,
        const Measure *desktop_runs,
        const Measure *floor_runs,
        gboolean       have_desktop,
        gboolean       have_floor,
        guint          threads,
        double         peak,
        double         baseline)
{
  Measure c = median_measure (cold_runs);
  Measure w = median_measure (warm_runs);
  Measure r = median_measure (read_runs);
  Measure d = median_measure (desktop_runs);
  Measure f = median_measure (floor_runs);
  double bound = 256;

  g_print ("\n%-50s %9s %9s %10s %11s\n", "", "wall", "CPU", "images", "CPU/image");
  print_line ("cold, 256 px, empty disk cache", c);
  print_line ("warm, 256 px, disk cache hit, empty memory cache", w);
  print_line ("plain read of the cached files, one thread", r);
  if (have_desktop)
    print_line ("gdk-pixbuf-thumbnailer -s 256, 2 at a time", d);
  if (have_floor)
    print_line ("libjpeg decode at 1/8, one thread per core", f);
  g_print ("peak resident memory (VmHWM) while thumbnailing: %.1f MB (%.1f MB before; bound %.0f MB)\n",
           peak, baseline, bound);

  g_print ("\nGoals (wall-clock ratio, CPU-time ratio):\n");
  if (have_desktop)
    g_print ("  cold >= 2x faster than gdk-pixbuf-thumbnailer:  %6.2fx %6.2fx  %s\n",
             d.wall / c.wall, d.cpu / c.cpu, bench_verdict (d.wall / c.wall >= 2));
  if (have_floor)
    g_print ("  cold within 1.5x of the decode floor per core:  %6.2fx %6.2fx  %s\n",
             c.wall / f.wall, c.cpu / f.cpu, bench_verdict (c.wall / f.wall <= 1.5));
  g_print ("  warm >= 20x faster than cold:                   %6.1fx %6.1fx  %s\n",
           c.wall / w.wall, c.cpu / w.cpu, bench_verdict (c.wall / w.wall >= 20));
  g_print ("  (warm against a plain read of its files:       %6.2fx %6.2fx)\n",
           w.wall / r.wall, w.cpu / r.cpu);
  g_print ("  peak < memory bound + 64 MB:                    %6.0f MB          %s\n",
           peak, bench_verdict (peak < bound + 64));

  /* For tests/bench/run: wall-clock ms per image, as the goals judge. */
  if (have_desktop)
    {
      print_figure ("FIGURE", "cold-vs-desktop", c.wall * 1000 / images->len, "ms/image");
      print_figure ("REFERENCE", "cold-vs-desktop", d.wall * 1000 / images->len, "ms/image");
    }
  if (have_floor)
    {
      print_figure ("FIGURE", "cold-vs-floor", c.wall * 1000 / images->len, "ms/image");
      print_figure ("REFERENCE", "cold-vs-floor", f.wall * 1000 / images->len, "ms/image");
    }
  print_figure ("FIGURE", "warm", w.wall * 1000 / images->len, "ms/image");
  print_figure ("REFERENCE", "warm", c.wall * 1000 / images->len, "ms/image");
  print_figure ("FIGURE", "warm-vs-read", w.wall * 1000 / images->len, "ms/image");
  print_figure ("REFERENCE", "warm-vs-read", r.wall * 1000 / images->len, "ms/image");
  print_figure ("FIGURE", "memory", peak, "MB");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- thumbnail benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *images_dir = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree Measure *cold = NULL;
  g_autofree Measure *warm = NULL;
  g_autofree Measure *desktop = NULL;
  g_autofree Measure *floor_ = NULL;
  g_autofree Measure *plain_read = NULL;
  g_autofree char *desktop_program = g_find_program_in_path ("gdk-pixbuf-thumbnailer");
  gboolean have_desktop;
  gboolean have_floor;
  double peak = 0;
  double baseline;
  guint threads;
  GOptionEntry entries[] = {
    { "images", 0, 0, G_OPTION_ARG_FILENAME, &images_arg, "Folder of generated images to reuse", "DIR" },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from_arg, "Take the JPEGs of this folder instead of generating", "DIR" },
    { "count", 0, 0, G_OPTION_ARG_INT, &n_images, "Number of images (200; with --from, all)", "N" },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, "Name of the images in the figures' names (photos)", "NAME" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs of each measure (5)", "N" },
    { "compression", 0, 0, G_OPTION_ARG_INT, &compression, "zlib level of the thumbnails (default: the thumbnailer's)", "0-9" },
    { "only-ours", 0, 0, G_OPTION_ARG_NONE, &only_ours, "Skip the other programs (for profiling)", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  have_desktop = desktop_program != NULL && !only_ours;
  have_floor = !only_ours;
  tmp = g_dir_make_tmp ("vt-bench-thumbs-XXXXXX", &error);
  g_assert_no_error (error);
  images_dir = images_arg != NULL ? g_strdup (images_arg) : g_build_filename (tmp, "images", NULL);
  out_dir = g_build_filename (tmp, "out", NULL);
  g_mkdir_with_parents (images_dir, 0700);
  g_mkdir_with_parents (out_dir, 0700);
  prepare_images (images_dir);

  cold = g_new0 (Measure, n_runs);
  warm = g_new0 (Measure, n_runs);
  desktop = g_new0 (Measure, n_runs);
  floor_ = g_new0 (Measure, n_runs);
  plain_read = g_new0 (Measure, n_runs);
  threads = g_get_num_processors ();
  g_print ("Machine: %u cores; VtThumbnailer with %u worker threads; medians of %d runs\n\n",
           threads, threads, n_runs);

  baseline = peak_memory_mb ();
  for (int run = 0; run < n_runs; run++)
    {
      g_autofree char *name = g_strdup_printf ("cache-%d", run);
      g_autofree char *cache_dir = g_build_filename (tmp, name, NULL);
      g_autoptr(VtThumbnailer) thumbnailer = NULL;
      g_autoptr(VtThumbnailer) again = NULL;
      g_autoptr(GPtrArray) thumbnails = g_ptr_array_new_with_free_func (g_free);
      VtThumbnailerStats stats;

      /* Cold: empty disk cache, default memory bound */
      thumbnailer = g_object_new (VT_TYPE_THUMBNAILER, "cache-dir", cache_dir, NULL);
      if (compression >= 0)
        vt_thumbnailer_set_png_compression (thumbnailer, compression);
      reset_peak_memory ();
      baseline = MIN (baseline, peak_memory_mb ());
      cold[run] = time_thumbnailer (thumbnailer, 256);
      peak = MAX (peak, peak_memory_mb ());
      vt_thumbnailer_get_stats (thumbnailer, &stats);
      g_assert_cmpuint (stats.decodes, ==, images->len);
      g_clear_object (&thumbnailer);

      /* Warm: what a second start finds, nothing in memory */
      again = g_object_new (VT_TYPE_THUMBNAILER, "cache-dir", cache_dir, NULL);
      warm[run] = time_thumbnailer (again, 256);
      vt_thumbnailer_get_stats (again, &stats);
      g_assert_cmpuint (stats.decodes, ==, 0);
      g_assert_cmpuint (stats.disk_hits, ==, images->len);
      for (guint i = 0; i < images->len; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_path (images->pdata[i]);

          g_ptr_array_add (thumbnails, vt_thumbnailer_get_thumbnail_path (again, file, 256));
        }
      g_clear_object (&again);
      plain_read[run] = time_plain_read (thumbnails);
      remove_tree (cache_dir);

      if (have_desktop)
        {
          const char *args[] = { "gdk-pixbuf-thumbnailer", "-s", "256", "%s", "%o", NULL };

          desktop[run] = time_command (args, 2, out_dir);
        }
      if (have_floor)
        floor_[run] = time_decode_floor (threads);
      g_printerr ("run %d: cold %.3f s, warm %.3f s, plain read %.4f s, "
                  "gdk-pixbuf-thumbnailer %.3f s, decode floor %.3f s (wall)\n",
                  run + 1, cold[run].wall, warm[run].wall, plain_read[run].wall,
                  desktop[run].wall, floor_[run].wall);
    }

  report (cold, warm, plain_read, desktop, floor_, have_desktop, have_floor, threads, peak, baseline);

  remove_tree (out_dir);
  if (images_arg == NULL)
    remove_tree (images_dir);
  remove_tree (tmp);
  g_free (images_arg);
  g_ptr_array_unref (images);
  return 0;
}
