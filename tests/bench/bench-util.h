/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the benchmarks share to report their figures: medians, percentiles, memory, goal verdicts. */

#pragma once

#include <glib.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of the @n @values; sorts them in place. */
static inline double
bench_median (double *values,
              guint   n)
{
  qsort (values, n, sizeof (double), bench_compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* How a figure compares with its goal, in the printed tables. */
static inline const char *
bench_verdict (gboolean ok)
{
  return ok ? "met" : "MISSED";
}

/* The value below which @fraction of @values (doubles) lie, by nearest
 * rank; NAN when there are none. */
static inline double
bench_percentile (GArray *values,
                  double  fraction)
{
  g_autoptr(GArray) sorted = NULL;
  guint rank;

  if (values->len == 0)
    return NAN;
  sorted = g_array_copy (values);
  g_array_sort (sorted, (GCompareFunc) bench_compare_doubles);
  rank = (guint) ceil (fraction * sorted->len);
  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, double, rank - 1);
}

/* The share of @values (doubles) under @limit. */
static inline double
bench_share_under (GArray *values,
                   double  limit)
{
  guint under = 0;

  if (values->len == 0)
    return NAN;
  for (guint i = 0; i < values->len; i++)
    under += g_array_index (values, double, i) < limit;
  return (double) under / values->len;
}

/* A field of /proc/self/status in kB ("VmHWM:", "VmRSS:"); -1 when missing. */
static inline gint64
bench_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line != NULL ? g_ascii_strtoll (line + strlen (field), NULL, 10) : -1;
}

/* The CPU time of the calling thread, which the time other processes of
 * a busy machine take does not inflate. */
static inline gint64
bench_thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}
