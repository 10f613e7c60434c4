/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Defaults and bounds that the code, the settings schema and the templates share, each defined once. */

#pragma once

/*
 * Where the settings schema (data/io.github.vitrine.Vitrine.gschema.xml)
 * must carry one of these values as well, tests/test-defaults.c checks
 * that the two agree.
 */

/* The grid's tiles, in logical pixels: the "thumbnail-size" setting's
 * range and default. */
#define VT_TILE_MIN_SIZE      128
#define VT_TILE_MAX_SIZE      512
#define VT_TILE_DEFAULT_SIZE  192

/* Megabytes of decoded thumbnails the thumbnailer keeps in memory: the
 * "thumbnail-memory" setting's default. Tiles keep their own copies, so
 * this cache only speeds up scrolling back; a larger one grows the
 * process without making the grid faster. */
#define VT_THUMBNAIL_MEMORY_DEFAULT_MB 96

/* How many screens of pictures the thumbnailer's memory keeps, at most,
 * once a view has said what a screen shows (vt_thumbnailer_set_screenful
 * ()). The grid keeps its own pictures (src/ui/vt-tile-pictures.c): this
 * memory serves the other views, the detail window and the timeline. */
#define VT_THUMBNAIL_MEMORY_SCREENS 2
