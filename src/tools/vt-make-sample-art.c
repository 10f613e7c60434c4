/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sample generator's drawing: a piece's poster, from its palette, motif and words. */

/*
 * Every poster follows one layout (a header, a motif field, the year in large
 * numerals, the event's title), so a grid of them reads as one series. What
 * varies is the palette, which follows the piece's conflict or else its
 * region, and the motif: one of several families, with its parameters drawn
 * from a small PRNG seeded by the piece's number. Nothing depends on the
 * clock or on rand(): the same catalog gives the same bytes on every build.
 */

#define G_LOG_DOMAIN "vitrine-make-sample"

#include "config.h"

#include "vt-make-sample.h"

#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>

#define POSTER     2048.0   /* the layout is drawn in a 2048-unit square, then scaled */
#define MARGIN      128.0
#define FIELD_TOP   216.0
#define FIELD_H     984.0
#define FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Sans"

/* ------------------------------------------------------------------------ */
/* The PRNG (see vt-make-sample.h).                                          */

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

void
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

int
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

GdkPixbuf *
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
