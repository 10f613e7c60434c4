/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For tests: the reserve of address space that pictures' pixels are taken from. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The reserve's size: address space, not memory. */
#if GLIB_SIZEOF_VOID_P >= 8
#define VT_PIXELS_RESERVE_SIZE ((gsize) 4 << 30)
#else
#define VT_PIXELS_RESERVE_SIZE 0
#endif

/* Gives up the reserve and makes the next one @size bytes (0: none, so
 * every picture gets a mapping of its own). FALSE, and nothing done,
 * while any picture holds a piece of it. */
gboolean _vt_pixels_set_reserve (gsize size);

G_END_DECLS
