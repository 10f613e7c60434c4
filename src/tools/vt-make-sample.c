/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Build tool: renders the sample collection's posters and writes synthetic collections. */

/*
 * Two commands:
 *
 *   vt-make-sample artwork CATALOG OUTDIR [--size 2048]
 *     one poster per item of CATALOG, written to OUTDIR/<item's image path>;
 *   vt-make-sample synthetic N OUTDIR [--image-size S] [--text-kb K] [--no-images]
 *     OUTDIR/catalog.json with N invented pieces, and their posters.
 *
 * Every poster follows one layout (a header, a motif field, the year in large
 * numerals, the event's title), so a grid of them reads as one series. What
 * varies is the palette, which follows the piece's conflict or else its
 * region, and the motif: one of several families, with its parameters drawn
 * from a small PRNG seeded by the piece's number. Nothing depends on the
 * clock or on rand(): the same catalog gives the same bytes on every build.
 *
 * This is a developer tool run by the build, never installed: its messages
 * are not translated.
 */

#define G_LOG_DOMAIN "vitrine-make-sample"

#include "config.h"

#include "vt-file.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define POSTER     2048.0   /* the layout is drawn in a 2048-unit square, then scaled */
#define MARGIN      128.0
#define FIELD_TOP   216.0
#define FIELD_H     984.0
#define FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Sans"
#define JPEG_QUALITY "90"
#define MIN_SIZE     16
#define MAX_SIZE  16384

/* ------------------------------------------------------------------------ */
/* A small deterministic PRNG (splitmix64): the same seed, the same poster.  */

typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static void
rng_init (Rng     *rng,
          guint64  seed)
{
  rng->state = seed;
  rng_next (rng);
}

/* A double in [0, 1). */
static double
rng_double (Rng *rng)
{
  return (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

/* An integer in [lo, hi]. */
static int
rng_int (Rng *rng,
         int  lo,
         int  hi)
{
  g_assert (hi >= lo);
  return lo + (int) (rng_next (rng) % (guint64) (hi - lo + 1));
}

static double
rng_range (Rng    *rng,
           double  lo,
           double  hi)
{
  return lo + (hi - lo) * rng_double (rng);
}

static gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

/* ------------------------------------------------------------------------ */
/* Palettes: by conflict first, by region otherwise.                         */

typedef struct
{
  const char *name;
  guint32     paper;      /* the poster's ground */
  guint32     ink;        /* type and rules */
  guint32     accent[4];  /* the motif's colours */
} Palette;

static const Palette conflict_palettes[] = {
  /* sepia, khaki and field grey */
  { "World War I",    0xE6DAC0, 0x3A2E22, { 0x8C7A4B, 0xA8683A, 0x55573A, 0xCDBB8E } },
  /* dark steel and signal red */
  { "World War II",   0x262B31, 0xECE6DA, { 0xC23A2B, 0x66737E, 0xA8B2B9, 0x3E474F } },
  /* red and grey */
  { "Cold War",       0xDEDDD8, 0x1C1C1E, { 0xB8262A, 0x75787B, 0x34383C, 0xB4B4B0 } },
  /* warm ochre and green */
  { "Decolonization", 0xF0E1BF, 0x2B3522, { 0xC98A1F, 0x3C7A48, 0xA64F2C, 0x1F4D3A } },
  /* constructivist red and black */
  { "Russian Revolution", 0xECE3D0, 0x1A1A1A, { 0xC8281E, 0x1A1A1A, 0xD9B68C, 0x7A1E16 } },
  /* night sky, silver and rocket orange */
  { "Space Race",     0x1B2238, 0xEDEBE4, { 0xE8A33D, 0x9FB3C8, 0x4F6A8F, 0xD9DCE3 } },
};

static const Palette region_palettes[] = {
  { "Europe",        0xEDEFF1, 0x1A2A48, { 0x2E5C9D, 0xD6A229, 0x8EA6C4, 0x1A2A48 } },
  { "Asia",          0xF3ECE2, 0x2A1E1C, { 0xCF432E, 0x3D8C7C, 0xE2B146, 0x2A1E1C } },
  { "Africa",        0xF2E0C4, 0x2A1A0F, { 0xC0552A, 0xE1A427, 0x4D7939, 0x6B2E1A } },
  { "North America", 0xF1EFE8, 0x14294A, { 0xB73A39, 0x3A6DA4, 0xE1B03B, 0x14294A } },
  { "South America", 0xFAEED7, 0x2B1D3E, { 0xDE523B, 0x1E8983, 0xF1AF33, 0x2B1D3E } },
  { "Oceania",       0xE7F1EF, 0x0D3A42, { 0x1E798B, 0xEF8A4A, 0x86BFB3, 0x0D3A42 } },
  { "Middle East",   0xF3E8D5, 0x2D2315, { 0x1E5E8A, 0xC8952A, 0x9A3C2D, 0x2D2315 } },
};

static const Palette default_palette =
  { "", 0xEEEBE4, 0x222222, { 0x5A6B7A, 0xC4763A, 0x9AA58C, 0x333333 } };

static const Palette *
palette_for (const char *conflict,
             const char *region)
{
  for (guint i = 0; conflict != NULL && i < G_N_ELEMENTS (conflict_palettes); i++)
    if (g_ascii_strcasecmp (conflict, conflict_palettes[i].name) == 0)
      return &conflict_palettes[i];
  for (guint i = 0; region != NULL && i < G_N_ELEMENTS (region_palettes); i++)
    if (g_ascii_strcasecmp (region, region_palettes[i].name) == 0)
      return &region_palettes[i];
  return &default_palette;
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

/* ------------------------------------------------------------------------ */
/* Motifs: each draws into the field rectangle (0, 0, w, h), already clipped. */

typedef struct
{
  cairo_t *cr;
  double   w, h;
  Rng     *rng;
  guint32  ground;    /* the field's own colour, already painted */
  guint32  fg[4];     /* colours that stand out on the ground, the strongest first */
} Motif;

static guint32
pick_fg (Motif *m)
{
  return m->fg[rng_int (m->rng, 0, 3)];
}

static double
far_corner (double cx,
            double cy,
            double w,
            double h)
{
  double dx = MAX (cx, w - cx);
  double dy = MAX (cy, h - cy);

  return sqrt (dx * dx + dy * dy);
}

/* Concentric rings around one or two centres. */
static void
motif_rings (Motif *m)
{
  cairo_t *cr = m->cr;
  int centres = rng_chance (m->rng, 0.45) ? 2 : 1;
  double band = rng_range (m->rng, 36, 96);

  for (int c = 0; c < centres; c++)
    {
      double cx, cy, r;
      int i = 0;

      if (centres == 2)
        {
          cx = m->w * (c == 0 ? rng_range (m->rng, 0.15, 0.35) : rng_range (m->rng, 0.65, 0.85));
          cy = m->h * rng_range (m->rng, 0.3, 0.7);
          cairo_save (cr);
          cairo_rectangle (cr, c == 0 ? 0 : m->w / 2, 0, m->w / 2, m->h);
          cairo_clip (cr);
        }
      else
        {
          static const double spots[][2] = {
            { 0.5, 0.5 }, { 0.5, 1.0 }, { 0.0, 1.0 }, { 1.0, 0.0 }, { 0.3, 0.6 }, { 0.75, 0.4 },
          };
          int s = rng_int (m->rng, 0, G_N_ELEMENTS (spots) - 1);

          cx = m->w * spots[s][0];
          cy = m->h * spots[s][1];
          cairo_save (cr);
        }

      for (r = far_corner (cx, cy, m->w, m->h) + band; r > band * 0.5; r -= band, i++)
        {
          set_rgb (cr, (i % 2 == 0) ? m->fg[c] : m->ground);
          if (i % 5 == 3)
            set_rgb (cr, m->fg[2]);
          cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      set_rgb (cr, m->fg[3]);
      cairo_arc (cr, cx, cy, band * 0.5, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_restore (cr);
    }
}

/* A fan of alternating wedges from a corner or an edge, with a disc at its hub. */
static void
motif_rays (Motif *m)
{
  static const double hubs[][2] = {
    { 0.0, 1.0 }, { 1.0, 1.0 }, { 0.0, 0.0 }, { 1.0, 0.0 }, { 0.0, 0.5 }, { 1.0, 0.5 },
  };
  cairo_t *cr = m->cr;
  int hub = rng_int (m->rng, 0, G_N_ELEMENTS (hubs) - 1);
  int rays = 2 * rng_int (m->rng, 10, 24);
  double cx = m->w * hubs[hub][0];
  double cy = m->h * hubs[hub][1];
  double reach = far_corner (cx, cy, m->w, m->h) + 10;
  double twist = rng_range (m->rng, 0, G_PI / rays);
  double disc = rng_range (m->rng, 220, 420);
  int rings = rng_int (m->rng, 0, 3);

  set_rgb (cr, m->fg[0]);
  for (int i = 0; i < rays; i += 2)
    {
      double a0 = twist + 2 * G_PI * i / rays;
      double a1 = twist + 2 * G_PI * (i + 1) / rays;

      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, cx + reach * cos (a0), cy + reach * sin (a0));
      cairo_line_to (cr, cx + reach * cos (a1), cy + reach * sin (a1));
      cairo_close_path (cr);
    }
  cairo_fill (cr);

  /* The hub: a disc ringed by thin bands of the ground. */
  for (int r = rings; r >= 0; r--)
    {
      double outer = disc + r * 56;

      set_rgb (cr, m->ground);
      cairo_arc (cr, cx, cy, outer + 24, 0, 2 * G_PI);
      cairo_fill (cr);
      set_rgb (cr, r == 0 ? m->fg[1] : m->fg[2]);
      cairo_arc (cr, cx, cy, outer, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* A grid of squares, some filled, some nested, some left as ground. */
static void
motif_squares (Motif *m)
{
  cairo_t *cr = m->cr;
  int rows = rng_int (m->rng, 4, 8);
  double cell = m->h / rows;
  int cols = (int) ceil (m->w / cell);
  double gap = cell * rng_range (m->rng, 0.08, 0.18);
  double density = rng_range (m->rng, 0.45, 0.8);

  for (int y = 0; y < rows; y++)
    for (int x = 0; x < cols; x++)
      {
        double x0 = x * cell + gap / 2;
        double y0 = y * cell + gap / 2;
        double s = cell - gap;

        if (!rng_chance (m->rng, density))
          continue;
        set_rgb (cr, pick_fg (m));
        cairo_rectangle (cr, x0, y0, s, s);
        cairo_fill (cr);
        if (rng_chance (m->rng, 0.35))
          {
            double inset = s * rng_range (m->rng, 0.2, 0.32);

            set_rgb (cr, m->ground);
            cairo_rectangle (cr, x0 + inset, y0 + inset, s - 2 * inset, s - 2 * inset);
            cairo_fill (cr);
          }
      }
}

static void
stripes (cairo_t *cr,
         double   angle,
         double   width,
         double   reach,
         double   cx,
         double   cy)
{
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_rotate (cr, angle);
  for (double x = -reach; x < reach; x += 2 * width)
    cairo_rectangle (cr, x, -reach, width, 2 * reach);
  cairo_restore (cr);
}

/* Diagonal stripes, with a disc of stripes at right angles to them. */
static void
motif_stripes (Motif *m)
{
  static const double angles[] = { 0, G_PI / 4, -G_PI / 4, G_PI / 6, -G_PI / 3, G_PI / 2 };
  cairo_t *cr = m->cr;
  double angle = angles[rng_int (m->rng, 0, G_N_ELEMENTS (angles) - 1)];
  double width = rng_range (m->rng, 26, 70);
  double reach = sqrt (m->w * m->w + m->h * m->h);
  double r = m->h * rng_range (m->rng, 0.3, 0.42);
  double cx = m->w * rng_range (m->rng, 0.3, 0.7);
  double cy = m->h * rng_range (m->rng, 0.4, 0.6);

  set_rgb (cr, m->fg[0]);
  stripes (cr, angle, width, reach, m->w / 2, m->h / 2);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_clip (cr);
  set_rgb (cr, m->fg[1]);
  cairo_paint (cr);
  set_rgb (cr, m->fg[2]);
  stripes (cr, angle + G_PI / 2, width, r, cx, cy);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Rows of triangles, alternately pointing up and down, in a few colours. */
static void
motif_triangles (Motif *m)
{
  cairo_t *cr = m->cr;
  int rows = rng_int (m->rng, 3, 6);
  double th = m->h / rows;
  double tw = th * rng_range (m->rng, 1.0, 1.3);
  double empty = rng_range (m->rng, 0.15, 0.4);

  for (int y = 0; y < rows; y++)
    for (int x = -1; x * tw / 2 < m->w + tw; x++)
      {
        gboolean up = ((x + y) % 2 + 2) % 2 == 0;
        double left = x * tw / 2;
        double top = y * th;

        if (rng_chance (m->rng, empty))
          continue;
        set_rgb (cr, pick_fg (m));
        if (up)
          {
            cairo_move_to (cr, left, top + th);
            cairo_line_to (cr, left + tw / 2, top);
            cairo_line_to (cr, left + tw, top + th);
          }
        else
          {
            cairo_move_to (cr, left, top);
            cairo_line_to (cr, left + tw, top);
            cairo_line_to (cr, left + tw / 2, top + th);
          }
        cairo_close_path (cr);
        /* A hairline of the same colour hides the seams between neighbours. */
        cairo_fill_preserve (cr);
        cairo_set_line_width (cr, 2);
        cairo_stroke (cr);
      }
}

/* Stacked bands with waving edges. */
static void
motif_waves (Motif *m)
{
  cairo_t *cr = m->cr;
  int bands = rng_int (m->rng, 7, 14);
  double step = m->h / (bands - 1);
  double amplitude = step * rng_range (m->rng, 0.25, 0.6);
  double wavelength = rng_range (m->rng, 280, 720);
  double drift = rng_range (m->rng, 0.2, 0.9);

  /* Each band runs from its wavy edge to the foot; lower bands cover upper ones. */
  for (int b = 1; b < bands; b++)
    {
      double base = (b - 0.5) * step;
      double phase = b * drift;

      set_rgb (cr, (b % 2 == 0) ? m->fg[b / 2 % 3] : m->ground);
      cairo_move_to (cr, 0, m->h + 10);
      for (double x = 0; x <= m->w + 8; x += 8)
        cairo_line_to (cr, x, base + amplitude * sin (2 * G_PI * x / wavelength + phase));
      cairo_line_to (cr, m->w + 8, m->h + 10);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

/* Square tiles, each with a quarter circle swung from one of its corners. */
static void
motif_arcs (Motif *m)
{
  cairo_t *cr = m->cr;
  int rows = rng_int (m->rng, 2, 5);
  double cell = m->h / rows;
  int cols = (int) ceil (m->w / cell);
  gboolean half = rng_chance (m->rng, 0.3);

  for (int y = 0; y < rows; y++)
    for (int x = 0; x < cols; x++)
      {
        int corner = rng_int (m->rng, 0, 3);
        double x0 = x * cell, y0 = y * cell;
        double cx = x0 + ((corner & 1) ? cell : 0);
        double cy = y0 + ((corner & 2) ? cell : 0);
        guint32 back = rng_chance (m->rng, 0.5) ? m->ground : m->fg[rng_int (m->rng, 1, 3)];
        guint32 front = m->fg[rng_int (m->rng, 0, 2)];

        if (front == back)
          front = m->fg[3] != back ? m->fg[3] : m->ground;

        cairo_save (cr);
        /* One unit over the tile's edges, so no seam shows between tiles. */
        cairo_rectangle (cr, x0, y0, cell + 1, cell + 1);
        cairo_clip (cr);
        set_rgb (cr, back);
        cairo_paint (cr);
        set_rgb (cr, front);
        if (half)
          {
            /* a half disc resting on the tile's edge */
            cairo_arc (cr, x0 + cell / 2, (corner & 2) ? y0 + cell : y0, cell / 2, 0, 2 * G_PI);
          }
        else
          {
            cairo_move_to (cr, cx, cy);
            cairo_arc (cr, cx, cy, cell, 0, 2 * G_PI);
          }
        cairo_fill (cr);
        cairo_restore (cr);
      }
}

/* A halftone: dots on a grid, swelling towards one point, over a large disc. */
static void
motif_dots (Motif *m)
{
  cairo_t *cr = m->cr;
  double pitch = rng_range (m->rng, 64, 112);
  double fx = m->w * rng_range (m->rng, 0.15, 0.85);
  double fy = m->h * rng_range (m->rng, 0.2, 0.8);
  double reach = far_corner (fx, fy, m->w, m->h);
  gboolean inverse = rng_chance (m->rng, 0.4);
  double disc = m->h * rng_range (m->rng, 0.3, 0.42);
  double dx = rng_range (m->rng, -0.5, 0.5) * disc;

  set_rgb (cr, m->fg[1]);
  cairo_arc (cr, fx + dx, fy, disc, 0, 2 * G_PI);
  cairo_fill (cr);

  set_rgb (cr, m->fg[0]);
  for (double y = pitch / 2; y < m->h + pitch; y += pitch)
    for (double x = pitch / 2; x < m->w + pitch; x += pitch)
      {
        double d = MIN (1.0, hypot (x - fx, y - fy) / reach);
        double t = inverse ? d : 1 - d;
        double r = pitch * 0.5 * (0.1 + 0.85 * t * t);

        cairo_move_to (cr, x + r, y);
        cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      }
  cairo_fill (cr);
}

/* Horizontal chevrons, stacked like a flag's bands. */
static void
motif_chevrons (Motif *m)
{
  cairo_t *cr = m->cr;
  double band = rng_range (m->rng, 60, 150);
  double depth = rng_range (m->rng, 0.12, 0.45) * m->w / 2;
  double tip = m->w * rng_range (m->rng, 0.3, 0.7);
  int colours = rng_int (m->rng, 2, 3);
  int i = 0;

  for (double y = -depth - band; y < m->h + band; y += band, i++)
    {
      set_rgb (cr, (i % (colours + 1) == colours) ? m->ground : m->fg[i % (colours + 1)]);
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, tip, y + depth);
      cairo_line_to (cr, m->w, y);
      cairo_line_to (cr, m->w, y + band + 1);
      cairo_line_to (cr, tip, y + depth + band + 1);
      cairo_line_to (cr, 0, y + band + 1);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

/* Bars of varying height rising from the field's foot, like a skyline or a chart. */
static void
motif_bars (Motif *m)
{
  cairo_t *cr = m->cr;
  int bars = rng_int (m->rng, 12, 22);
  double width = m->w / bars;
  double gap = width * rng_range (m->rng, 0.12, 0.3);
  double level = rng_range (m->rng, 0.3, 0.6);
  double sun_x = m->w * rng_range (m->rng, 0.2, 0.8);
  double sun_r = m->h * rng_range (m->rng, 0.18, 0.26);

  set_rgb (cr, m->fg[2]);
  cairo_arc (cr, sun_x, m->h * 0.34, sun_r, 0, 2 * G_PI);
  cairo_fill (cr);

  for (int i = 0; i < bars; i++)
    {
      double height;

      level = CLAMP (level + rng_range (m->rng, -0.2, 0.2), 0.2, 0.72);
      height = m->h * level;
      set_rgb (cr, (i % 4 == 3) ? m->fg[1] : m->fg[0]);
      cairo_rectangle (cr, i * width + gap / 2, m->h - height, width - gap, height + 1);
      cairo_fill (cr);
      /* a cap of the third colour on some bars */
      if (rng_chance (m->rng, 0.3))
        {
          set_rgb (cr, m->fg[3]);
          cairo_rectangle (cr, i * width + gap / 2, m->h - height, width - gap, width * 0.35);
          cairo_fill (cr);
        }
    }
}

/* Nested squares set low in their frame, one or two side by side (after Albers). */
static void
motif_nested (Motif *m)
{
  cairo_t *cr = m->cr;
  int groups = rng_int (m->rng, 1, 2);
  double size = MIN (m->h, m->w / groups);
  double x0 = (m->w - size * groups) / 2;
  double drop = rng_range (m->rng, 0.35, 0.7);
  int shift = rng_int (m->rng, 0, 3);

  /* Bands of the last colour either side of a single square. */
  if (groups == 1)
    {
      set_rgb (cr, m->fg[(shift + 3) % 4]);
      for (double x = x0 - 80; x > -80; x -= 160)
        {
          cairo_rectangle (cr, x, 0, 80, m->h);
          cairo_rectangle (cr, m->w - x - 80, 0, 80, m->h);
        }
      cairo_fill (cr);
    }

  for (int g = 0; g < groups; g++)
    {
      double s = size, x = x0 + g * size, y = (m->h - size) / 2;
      int layers = rng_int (m->rng, 3, 4);

      for (int l = 0; l < layers; l++)
        {
          double inner = s * (layers == 3 ? 0.68 : 0.74);
          double pad = (s - inner) / 2;

          set_rgb (cr, m->fg[(l + shift + 2 * g) % 4]);
          cairo_rectangle (cr, x, y, s, s);
          cairo_fill (cr);
          x += pad;
          y += pad * (1 + drop);
          s = inner;
        }
    }
}

typedef void (*MotifFunc) (Motif *m);

/* How far apart two colours look, roughly (weighted RGB distance). */
static double
colour_distance (guint32 a,
                 guint32 b)
{
  double dr = (double) ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
  double dg = (double) ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
  double db = (double) (a & 0xff) - (b & 0xff);

  return sqrt (2 * dr * dr + 4 * dg * dg + 3 * db * db);
}

static const MotifFunc motifs[] = {
  motif_rings,
  motif_rays,
  motif_squares,
  motif_stripes,
  motif_triangles,
  motif_waves,
  motif_arcs,
  motif_dots,
  motif_chevrons,
  motif_bars,
  motif_nested,
};

/* ------------------------------------------------------------------------ */
/* The poster.                                                               */

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

static void
piece_free (Piece *piece)
{
  g_free (piece->collection);
  g_free (piece->title);
  g_free (piece->region);
  g_free (piece->conflict);
  g_free (piece->path);
  g_free (piece);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Piece, piece_free)

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             PangoWeight weight,
             double      size,
             double      tracking)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoAttrList *attrs = pango_attr_list_new ();

  /* No hinting: the same shapes at every size and on every machine. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);

  if (tracking != 0)
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (tracking * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
draw_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_header (cairo_t       *cr,
             const Piece   *piece,
             const Palette *palette)
{
  g_autofree char *name = g_utf8_strup (piece->collection, -1);
  g_autofree char *number = g_strdup_printf ("No. %u / %u", piece->number, piece->total);
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) middle = NULL;
  g_autoptr(PangoLayout) right = NULL;
  PangoRectangle extents;

  if (piece->region != NULL && *piece->region != '\0')
    g_string_append (where, piece->region);
  if (piece->conflict != NULL && *piece->conflict != '\0'
      && g_ascii_strcasecmp (piece->conflict, "None") != 0)
    g_string_append_printf (where, "%s%s", where->len > 0 ? "  \u00B7  " : "", piece->conflict);
  {
    g_autofree char *upper = g_utf8_strup (where->str, -1);
    g_string_assign (where, upper);
  }

  set_rgb (cr, palette->ink);
  left = make_layout (cr, name, PANGO_WEIGHT_BOLD, 38, 9);
  draw_layout (cr, left, MARGIN, 104);

  right = make_layout (cr, number, PANGO_WEIGHT_NORMAL, 38, 2);
  pango_layout_get_pixel_extents (right, NULL, &extents);
  draw_layout (cr, right, POSTER - MARGIN - extents.width, 104);

  /* Where and which conflict, between the two, right of the collection's name. */
  middle = make_layout (cr, where->str, PANGO_WEIGHT_NORMAL, 38, 6);
  pango_layout_get_pixel_extents (left, NULL, &extents);
  draw_layout (cr, middle, MARGIN + extents.width + 56, 104);

  cairo_rectangle (cr, MARGIN, 172, POSTER - 2 * MARGIN, 4);
  cairo_fill (cr);
}

static void
draw_motif (cairo_t       *cr,
            const Piece   *piece,
            const Palette *palette,
            Rng           *rng)
{
  /* Step through the families in the catalog's order, so each comes back as
   * seldom as it can and neighbours differ. */
  guint family = piece->rank % G_N_ELEMENTS (motifs);
  guint32 colours[5] = { palette->paper, palette->accent[0], palette->accent[1],
                         palette->accent[2], palette->accent[3] };
  Motif m = { cr, POSTER - 2 * MARGIN, FIELD_H, rng, 0, { 0, } };
  /* Neighbours, and pieces that share a motif family, get different grounds. */
  int ground = (piece->rank + piece->rank / G_N_ELEMENTS (motifs)) % 4;

  /* The field takes one accent; the motif draws with the others and the
   * paper, the one that stands out most from the field first. */
  m.ground = palette->accent[ground];
  for (int i = 0, j = 0; i < 5; i++)
    if (colours[i] != m.ground && j < 4)
      m.fg[j++] = colours[i];
  for (int i = 1; i < 4; i++)
    for (int j = i; j > 0 && colour_distance (m.fg[j], m.ground) > colour_distance (m.fg[j - 1], m.ground); j--)
      {
        guint32 swap = m.fg[j];

        m.fg[j] = m.fg[j - 1];
        m.fg[j - 1] = swap;
      }
  /* The second and third trade places now and then, for variety. */
  if (rng_chance (rng, 0.5))
    {
      guint32 swap = m.fg[1];

      m.fg[1] = m.fg[2];
      m.fg[2] = swap;
    }

  cairo_save (cr);
  cairo_translate (cr, MARGIN, FIELD_TOP);
  cairo_rectangle (cr, 0, 0, m.w, m.h);
  cairo_clip (cr);
  set_rgb (cr, m.ground);
  cairo_paint (cr);
  motifs[family] (&m);
  cairo_restore (cr);
}

static void
draw_words (cairo_t       *cr,
            const Piece   *piece,
            const Palette *palette)
{
  g_autofree char *year = g_strdup_printf ("%d", piece->year);
  g_autoptr(PangoLayout) numerals = NULL;
  g_autoptr(PangoLayout) title = NULL;
  PangoRectangle ink, logical;
  double baseline;

  set_rgb (cr, palette->ink);

  /* The year, flush with the left margin by its ink, not its advance. */
  numerals = make_layout (cr, year, PANGO_WEIGHT_ULTRABOLD, 560, -16);
  pango_layout_get_pixel_extents (numerals, &ink, &logical);
  baseline = pango_layout_get_baseline (numerals) / (double) PANGO_SCALE;
  draw_layout (cr, numerals, MARGIN - ink.x, 1660 - baseline);

  title = make_layout (cr, piece->title, PANGO_WEIGHT_BOLD, 104, -1);
  pango_layout_set_width (title, (int) ((POSTER - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_height (title, -2);   /* two lines at most */
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_spacing (title, -10 * PANGO_SCALE);
  pango_layout_get_pixel_extents (title, &ink, NULL);
  draw_layout (cr, title, MARGIN - ink.x, 1700);
}

/* Renders @piece at @size pixels a side and returns the RGB pixels. */
static GdkPixbuf *
render_piece (const Piece *piece,
              int          size)
{
  const Palette *palette = palette_for (piece->conflict, piece->region);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cairo_t *cr = cairo_create (surface);
  GdkPixbuf *pixbuf;
  const guchar *src;
  guchar *dst;
  int src_stride, dst_stride;
  Rng rng;

  rng_init (&rng, G_GUINT64_CONSTANT (0x56E1E5) ^ ((guint64) piece->number << 20) ^ (guint64) piece->year);

  cairo_scale (cr, size / POSTER, size / POSTER);
  set_rgb (cr, palette->paper);
  cairo_paint (cr);

  draw_header (cr, piece, palette);
  draw_motif (cr, piece, palette, &rng);
  draw_words (cr, piece, palette);

  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's native-endian xRGB words to gdk-pixbuf's RGB bytes. */
  pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, size, size);
  src = cairo_image_surface_get_data (surface);
  src_stride = cairo_image_surface_get_stride (surface);
  dst = gdk_pixbuf_get_pixels (pixbuf);
  dst_stride = gdk_pixbuf_get_rowstride (pixbuf);
  for (int y = 0; y < size; y++)
    {
      const guint32 *row = (const guint32 *) (src + (gsize) y * src_stride);
      guchar *out = dst + (gsize) y * dst_stride;

      for (int x = 0; x < size; x++)
        {
          out[3 * x] = (row[x] >> 16) & 0xff;
          out[3 * x + 1] = (row[x] >> 8) & 0xff;
          out[3 * x + 2] = row[x] & 0xff;
        }
    }
  cairo_surface_destroy (surface);
  return pixbuf;
}

/* Renders @piece and writes it as a JPEG. */
static gboolean
write_piece (const Piece  *piece,
             int           size,
             GError      **error)
{
  g_autoptr(GdkPixbuf) pixbuf = render_piece (piece, size);
  g_autofree char *folder = g_path_get_dirname (piece->path);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot create the folder “%s”: %s", folder, g_strerror (saved));
      return FALSE;
    }

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "jpeg", &local_error,
                                  "quality", JPEG_QUALITY, NULL))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "Cannot encode “%s” as JPEG: %s", piece->path, local_error->message);
      return FALSE;
    }

  /* Build products: made again if a crash loses them. */
  return vt_file_write_atomic (piece->path, data, length, 0644, VT_FILE_WRITE_CACHE, error);
}

/* ------------------------------------------------------------------------ */
/* Rendering many pieces on every core.                                      */

typedef struct
{
  GMutex  lock;
  GError *error;    /* the first failure; the rest of the work is skipped */
  int     size;
  guint   done;
  guint   count;
  gboolean progress;
} Batch;

static void
render_job (gpointer data,
            gpointer user_data)
{
  Piece *piece = data;
  Batch *batch = user_data;
  g_autoptr(GError) error = NULL;
  gboolean failed;
  guint done;

  g_mutex_lock (&batch->lock);
  failed = batch->error != NULL;
  g_mutex_unlock (&batch->lock);
  if (failed)
    return;

  if (!write_piece (piece, batch->size, &error))
    {
      g_mutex_lock (&batch->lock);
      if (batch->error == NULL)
        batch->error = g_steal_pointer (&error);
      g_mutex_unlock (&batch->lock);
      return;
    }

  g_mutex_lock (&batch->lock);
  done = ++batch->done;
  g_mutex_unlock (&batch->lock);
  if (batch->progress && (done % 100 == 0 || done == batch->count))
    g_printerr ("\r%u / %u images", done, batch->count);
}

/* Renders every piece of @pieces in a thread pool; the pieces stay owned by the caller. */
static gboolean
render_all (GPtrArray  *pieces,
            int         size,
            GError    **error)
{
  GThreadPool *pool;
  Batch batch = { .size = size, .count = pieces->len };

  g_mutex_init (&batch.lock);
  batch.progress = pieces->len >= 200 && isatty (fileno (stderr));
  pool = g_thread_pool_new (render_job, &batch, (int) MAX (1u, g_get_num_processors ()),
                            TRUE, error);
  if (pool == NULL)
    return FALSE;

  for (guint i = 0; i < pieces->len; i++)
    if (!g_thread_pool_push (pool, g_ptr_array_index (pieces, i), error))
      break;

  g_thread_pool_free (pool, FALSE, TRUE);
  if (batch.progress)
    g_printerr ("\n");
  g_mutex_clear (&batch.lock);

  if (batch.error != NULL)
    {
      g_propagate_error (error, batch.error);
      return FALSE;
    }
  return error == NULL || *error == NULL;
}

/* ------------------------------------------------------------------------ */
/* artwork: the posters of a catalog.                                        */

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

/* The event's part of "1956 - Hungarian Revolution". */
static char *
event_of (const char *title)
{
  const char *dash = strstr (title, " - ");

  if (dash != NULL && dash[3] != '\0')
    return g_strdup (dash + 3);
  return g_strdup (title);
}

static Piece *
piece_from_item (JsonNode    *node,
                 guint        index,
                 const char  *catalog_path,
                 const char  *outdir,
                 const char  *collection,
                 guint        total,
                 GError     **error)
{
  g_autoptr(Piece) piece = g_new0 (Piece, 1);
  JsonObject *item;
  const char *title, *image;
  gint64 number = 0, year = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: item %u is not an object", catalog_path, index + 1);
      return NULL;
    }
  item = json_node_get_object (node);

  if (!member_int (item, "number", &number) || number < 1 || number > G_MAXINT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: item %u: “number” is missing or not a positive integer",
                   catalog_path, index + 1);
      return NULL;
    }
  title = member_string (item, "title");
  if (title == NULL || *title == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: item %u (number %" G_GINT64_FORMAT "): “title” is missing",
                   catalog_path, index + 1, number);
      return NULL;
    }
  if (!member_int (item, "year", &year) || year < 0 || year > 9999)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: item %u (number %" G_GINT64_FORMAT "): “year” is missing or not a year",
                   catalog_path, index + 1, number);
      return NULL;
    }
  image = member_string (item, "image");
  if (image == NULL || *image == '\0' || g_path_is_absolute (image)
      || strstr (image, "..") != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: item %u (number %" G_GINT64_FORMAT "): “image” must be a relative path "
                   "inside the catalog's folder, like \"images/%03" G_GINT64_FORMAT ".jpg\"",
                   catalog_path, index + 1, number, number);
      return NULL;
    }

  piece->number = (guint) number;
  piece->total = MAX (total, piece->number);
  piece->year = (int) year;
  piece->collection = g_strdup (collection);
  piece->title = event_of (title);
  piece->region = g_strdup (member_string (item, "region"));
  piece->conflict = g_strdup (member_string (item, "conflict"));
  piece->path = g_build_filename (outdir, image, NULL);
  return g_steal_pointer (&piece);
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  const Piece *pa = *(Piece * const *) a;
  const Piece *pb = *(Piece * const *) b;

  return (pa->number > pb->number) - (pa->number < pb->number);
}

static GPtrArray *
read_catalog (const char  *catalog_path,
              const char  *outdir,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
  g_autoptr(GError) local_error = NULL;
  const char *collection = "Genesis";
  JsonObject *root, *meta = NULL;
  JsonNode *items;
  gint64 total = 0;

  if (!json_parser_load_from_file (parser, catalog_path, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Cannot read the catalog “%s”: %s", catalog_path, local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: not a Vitrine catalog (the top level is not an object)", catalog_path);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  if (json_object_has_member (root, "collection")
      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "collection")))
    meta = json_object_get_object_member (root, "collection");
  if (meta != NULL && member_string (meta, "name") != NULL)
    collection = member_string (meta, "name");
  if (meta != NULL)
    member_int (meta, "total", &total);

  items = json_object_get_member (root, "items");
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: not a Vitrine catalog (no “items” array)", catalog_path);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (items), i);
      Piece *piece = piece_from_item (node, i, catalog_path, outdir, collection,
                                      (guint) CLAMP (total, 0, G_MAXINT), error);

      if (piece == NULL)
        return NULL;
      g_ptr_array_add (pieces, piece);
    }

  g_ptr_array_sort (pieces, compare_numbers);
  for (guint i = 0; i < pieces->len; i++)
    ((Piece *) g_ptr_array_index (pieces, i))->rank = i;

  return g_steal_pointer (&pieces);
}

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot create the output folder “%s”: %s", folder, g_strerror (saved));
      return FALSE;
    }
  if (g_access (folder, W_OK) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot write into the output folder “%s”: %s", folder, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_artwork (const char  *catalog_path,
             const char  *outdir,
             int          size,
             GError     **error)
{
  g_autoptr(GPtrArray) pieces = NULL;

  pieces = read_catalog (catalog_path, outdir, error);
  if (pieces == NULL)
    return FALSE;
  if (!ensure_folder (outdir, error))
    return FALSE;
  return render_all (pieces, size, error);
}

/* ------------------------------------------------------------------------ */
/* synthetic: invented collections of any size, for benchmarks and tests.   */

static const char *const syllables[] = {
  "val", "mor", "kes", "trin", "or", "lan", "bel", "dar", "ost", "vi", "na", "ra",
  "sel", "tor", "am", "ber", "gen", "lo", "cas", "mi", "ren", "ta", "hal", "dun",
};
static const char *const event_forms[] = {
  "Treaty of %s", "%s Uprising", "Siege of %s", "%s Accord", "Fall of %s",
  "%s General Strike", "%s Earthquake", "Founding of %s", "%s Election",
  "%s Expedition", "Battle of %s", "%s Conference", "%s Blockade", "Flight from %s",
  "%s Broadcast", "%s Airlift",
};
static const char *const regions[] = {
  "Europe", "Asia", "Africa", "North America", "South America", "Oceania", "Middle East",
};
static const char *const conflicts[] = {
  "None", "None", "None", "World War I", "World War II", "Cold War", "Decolonization",
  "Civil War", "Revolution",
};
static const char *const politics[] = {
  "Revolution", "Democracy", "Independence", "Diplomacy", "Civil Rights", "Dictatorship",
  "Reform", "Nationalism",
};
static const char *const types[] = {
  "Historical Event", "Battle", "Treaty", "Disaster", "Discovery", "Protest", "Election",
};
static const char *const artists[] = {
  "Stas Svetlov", "Ada Varga", "Tomas Lind", "Mina Okafor", "Jun Sato",
};
static const char *const words[] = {
  "the", "city", "council", "delegates", "river", "archive", "newspapers", "crowd",
  "government", "harbour", "treaty", "winter", "railway", "soldiers", "workers",
  "ministers", "border", "province", "march", "assembly", "radio", "signed", "gathered",
  "refused", "announced", "crossed", "returned", "elected", "after", "before", "during",
  "within", "weeks", "months", "thousands", "several", "new", "old", "northern",
  "southern", "of", "and", "in", "to", "a", "by", "from", "with", "for",
};

static char *
invent_place (Rng *rng)
{
  GString *name = g_string_new (NULL);
  int count = rng_int (rng, 2, 3);

  for (int i = 0; i < count; i++)
    g_string_append (name, syllables[rng_int (rng, 0, G_N_ELEMENTS (syllables) - 1)]);
  name->str[0] = g_ascii_toupper (name->str[0]);
  return g_string_free (name, FALSE);
}

static void
invent_sentence (GString *out,
                 Rng     *rng)
{
  int count = rng_int (rng, 8, 20);

  for (int i = 0; i < count; i++)
    {
      const char *word = words[rng_int (rng, 0, G_N_ELEMENTS (words) - 1)];

      if (i == 0)
        {
          g_string_append_c (out, g_ascii_toupper (word[0]));
          g_string_append (out, word + 1);
        }
      else
        {
          g_string_append_c (out, ' ');
          g_string_append (out, word);
        }
    }
  g_string_append_c (out, '.');
}

static void
json_append_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static Piece *
synthetic_piece (guint       number,
                 guint       total,
                 const char *outdir,
                 double      text_kb,
                 GString    *json)
{
  Piece *piece = g_new0 (Piece, 1);
  g_autofree char *place = NULL;
  g_autofree char *event = NULL;
  g_autofree char *title = NULL;
  g_autofree char *image = NULL;
  gsize text_bytes = (gsize) MAX (0.0, text_kb * 1024);
  int paragraphs;
  int countries;
  Rng rng;

  rng_init (&rng, G_GUINT64_CONSTANT (0x5E7E71C) + number);
  place = invent_place (&rng);
  event = g_strdup_printf (event_forms[rng_int (&rng, 0, G_N_ELEMENTS (event_forms) - 1)], place);

  piece->number = number;
  piece->rank = number - 1;
  piece->total = total;
  piece->year = rng_int (&rng, 1900, 1999);
  piece->collection = g_strdup ("Synthetic");
  piece->title = g_strdup (event);
  piece->region = g_strdup (regions[rng_int (&rng, 0, G_N_ELEMENTS (regions) - 1)]);
  piece->conflict = g_strdup (conflicts[rng_int (&rng, 0, G_N_ELEMENTS (conflicts) - 1)]);
  image = g_strdup_printf ("images/%06u.jpg", number);
  piece->path = g_build_filename (outdir, image, NULL);

  if (json == NULL)
    return piece;

  title = g_strdup_printf ("%d - %s", piece->year, event);
  g_string_append (json, "    {\n      \"number\": ");
  g_string_append_printf (json, "%u,\n      \"title\": ", number);
  json_append_string (json, title);
  g_string_append (json, ",\n      \"about\": ");
  {
    g_autoptr(GString) about = g_string_new (NULL);

    invent_sentence (about, &rng);
    g_string_append_c (about, ' ');
    invent_sentence (about, &rng);
    json_append_string (json, about->str);
  }

  /* Paragraphs adding up to about text_kb kilobytes. */
  g_string_append (json, ",\n      \"text\": [");
  paragraphs = rng_int (&rng, 2, 4);
  for (int p = 0; p < paragraphs; p++)
    {
      g_autoptr(GString) paragraph = g_string_new (NULL);

      while (paragraph->len < text_bytes / paragraphs || paragraph->len == 0)
        {
          if (paragraph->len > 0)
            g_string_append_c (paragraph, ' ');
          invent_sentence (paragraph, &rng);
        }
      g_string_append (json, p == 0 ? "\n        " : ",\n        ");
      json_append_string (json, paragraph->str);
    }
  g_string_append (json, "\n      ],\n");

  g_string_append_printf (json,
                          "      \"year\": %d,\n"
                          "      \"decade\": \"%ds\",\n"
                          "      \"region\": ",
                          piece->year, piece->year / 10 * 10);
  json_append_string (json, piece->region);
  g_string_append (json, ",\n      \"countries\": [");
  countries = rng_int (&rng, 1, 3);
  for (int c = 0; c < countries; c++)
    {
      g_autofree char *country = invent_place (&rng);

      if (c > 0)
        g_string_append (json, ", ");
      json_append_string (json, country);
    }
  g_string_append (json, "],\n      \"politics\": ");
  json_append_string (json, politics[rng_int (&rng, 0, G_N_ELEMENTS (politics) - 1)]);
  g_string_append (json, ",\n      \"conflict\": ");
  json_append_string (json, piece->conflict);
  g_string_append (json, ",\n      \"type\": ");
  json_append_string (json, types[rng_int (&rng, 0, G_N_ELEMENTS (types) - 1)]);
  g_string_append_printf (json, ",\n      \"impact\": %d,\n      \"artist\": ",
                          rng_int (&rng, 1, 10));
  json_append_string (json, artists[rng_int (&rng, 0, G_N_ELEMENTS (artists) - 1)]);
  g_string_append (json, ",\n      \"group\": \"Synthetic\",\n");
  /* Prices with one to three decimals, from 0.05 to about 25 ETH. */
  switch (rng_int (&rng, 0, 2))
    {
    case 0:
      g_string_append_printf (json, "      \"price\": \"%d.%d ETH\",\n",
                              rng_int (&rng, 0, 24), rng_int (&rng, 1, 9));
      break;
    case 1:
      g_string_append_printf (json, "      \"price\": \"%d.%02d ETH\",\n",
                              rng_int (&rng, 0, 9), rng_int (&rng, 5, 99));
      break;
    default:
      g_string_append_printf (json, "      \"price\": \"%d.%03d ETH\",\n",
                              rng_int (&rng, 0, 3), rng_int (&rng, 1, 999));
      break;
    }
  g_string_append (json, "      \"image\": ");
  json_append_string (json, image);
  g_string_append (json, "\n    }");

  return piece;
}

static gboolean
write_all (GOutputStream  *out,
           GString        *text,
           const char     *path,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_output_stream_write_all (out, text->str, text->len, NULL, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   "Cannot write the catalog “%s”: %s", path, local_error->message);
      return FALSE;
    }
  g_string_truncate (text, 0);
  return TRUE;
}

static gboolean
run_synthetic (guint        count,
               const char  *outdir,
               int          size,
               double       text_kb,
               gboolean     images,
               GError     **error)
{
  g_autofree char *path = g_build_filename (outdir, "catalog.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;

  if (!ensure_folder (outdir, error))
    return FALSE;

  /* Written as it is made, not held whole as vt_file_write_atomic()
   * would need: g_file_replace() writes beside the target and renames
   * it over on close. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   "Cannot write the catalog “%s”: %s", path, local_error->message);
      return FALSE;
    }
  out = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 1 << 20);

  g_string_append_printf (json,
                          "{\n"
                          "  \"format\": \"vitrine-catalog\",\n"
                          "  \"version\": 1,\n"
                          "  \"collection\": { \"name\": \"Synthetic\", \"total\": %u, \"currency\": \"ETH\" },\n"
                          "  \"items\": [\n",
                          count);
  for (guint number = 1; number <= count; number++)
    {
      g_ptr_array_add (pieces, synthetic_piece (number, count, outdir, text_kb, json));
      g_string_append (json, number < count ? ",\n" : "\n");
      if (json->len > (1 << 20) && !write_all (out, json, path, error))
        return FALSE;
    }
  g_string_append (json, "  ]\n}\n");
  if (!write_all (out, json, path, error))
    return FALSE;

  if (!g_output_stream_close (out, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   "Cannot write the catalog “%s”: %s", path, local_error->message);
      return FALSE;
    }

  if (!images)
    return TRUE;
  return render_all (pieces, size, error);
}

/* ------------------------------------------------------------------------ */

static const char summary[] =
  "Commands:\n"
  "  artwork CATALOG OUTDIR     render one poster per item of CATALOG into OUTDIR,\n"
  "                             at each item's \"image\" path (e.g. OUTDIR/images/056.jpg)\n"
  "  synthetic N OUTDIR         write OUTDIR/catalog.json with N invented pieces\n"
  "                             and their posters in OUTDIR/images/NNNNNN.jpg\n"
  "\n"
  "The posters are JPEG images, the same bytes on every run.";

static gboolean
parse_size (const char  *text,
            const char  *option,
            int         *size,
            GError     **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, MIN_SIZE, MAX_SIZE, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s must be a whole number of pixels from %d to %d, not “%s”",
                   option, MIN_SIZE, MAX_SIZE, text);
      return FALSE;
    }
  *size = (int) value;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *size_text = NULL;
  g_autofree char *image_size_text = NULL;
  double text_kb = 2.5;
  gboolean no_images = FALSE;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_text,
      "artwork: pixels a side (default 2048)", "PIXELS" },
    { "image-size", 0, 0, G_OPTION_ARG_STRING, &image_size_text,
      "synthetic: pixels a side (default 2048)", "PIXELS" },
    { "text-kb", 0, 0, G_OPTION_ARG_DOUBLE, &text_kb,
      "synthetic: kilobytes of text per piece (default 2.5)", "KB" },
    { "no-images", 0, 0, G_OPTION_ARG_NONE, &no_images,
      "synthetic: write the catalog only", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *command;
  int size = 2048;
  gboolean ok;

  setlocale (LC_ALL, "");
  context = g_option_context_new ("artwork CATALOG OUTDIR | synthetic N OUTDIR");
  g_option_context_set_summary (context, "Renders the posters of Vitrine's sample collection.");
  g_option_context_set_description (context, summary);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vt-make-sample: %s\nTry “vt-make-sample --help”.\n", error->message);
      return 2;
    }

  command = argc > 1 ? argv[1] : NULL;
  if (g_strcmp0 (command, "artwork") == 0 && argc == 4)
    {
      if (image_size_text != NULL || no_images || text_kb != 2.5)
        {
          g_printerr ("vt-make-sample: --image-size, --text-kb and --no-images apply to "
                      "“synthetic”; “artwork” takes --size\n");
          return 2;
        }
      if (size_text != NULL && !parse_size (size_text, "--size", &size, &error))
        {
          g_printerr ("vt-make-sample: %s\n", error->message);
          return 2;
        }
      ok = run_artwork (argv[2], argv[3], size, &error);
    }
  else if (g_strcmp0 (command, "synthetic") == 0 && argc == 4)
    {
      guint64 count = 0;

      if (size_text != NULL)
        {
          g_printerr ("vt-make-sample: “synthetic” takes --image-size, not --size\n");
          return 2;
        }
      if (!g_ascii_string_to_unsigned (argv[2], 10, 1, 10000000, &count, NULL))
        {
          g_printerr ("vt-make-sample: N must be a number of pieces from 1 to 10000000, "
                      "not “%s”\n", argv[2]);
          return 2;
        }
      if (image_size_text != NULL
          && !parse_size (image_size_text, "--image-size", &size, &error))
        {
          g_printerr ("vt-make-sample: %s\n", error->message);
          return 2;
        }
      if (!(text_kb >= 0 && text_kb <= 1024))
        {
          g_printerr ("vt-make-sample: --text-kb must be from 0 to 1024\n");
          return 2;
        }
      ok = run_synthetic ((guint) count, argv[3], size, text_kb, !no_images, &error);
    }
  else
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      if (command == NULL)
        g_printerr ("%s", help);
      else
        g_printerr ("vt-make-sample: expected “artwork CATALOG OUTDIR” or "
                    "“synthetic N OUTDIR”\nTry “vt-make-sample --help”.\n");
      return 2;
    }

  if (!ok)
    {
      g_printerr ("vt-make-sample: %s\n", error->message);
      return 1;
    }
  return 0;
}
