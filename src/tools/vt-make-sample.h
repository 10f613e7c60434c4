/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the sample generator's two files share: its PRNG, a piece, and drawing a piece's poster. */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* A small deterministic PRNG (splitmix64): the same seed, the same poster. */
typedef struct
{
  guint64 state;
} Rng;

void       rng_init     (Rng         *rng,
                         guint64      seed);
/* An integer in [lo, hi]. */
int        rng_int      (Rng         *rng,
                         int          lo,
                         int          hi);

typedef struct
{
  guint  number;
  guint  rank;        /* its place among the pieces, by number */
  guint  total;
  int    year;
  char  *collection;
  char  *title;       /* the event, without its year */
  char  *region;
  char  *conflict;
  char  *path;        /* where the JPEG goes */
} Piece;

void       piece_free   (Piece       *piece);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Piece, piece_free)

/* Renders @piece at @size pixels a side and returns the RGB pixels. */
GdkPixbuf *render_piece (const Piece *piece,
                         int          size);

G_END_DECLS
