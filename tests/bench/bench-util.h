/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the benchmarks share to report their figures: medians and goal verdicts. */

#pragma once

#include <glib.h>

#include <stdlib.h>

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
