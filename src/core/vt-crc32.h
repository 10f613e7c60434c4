/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CRC-32 of PNG chunks (and zlib, gzip), computed with carry-less multiplication where the processor has it. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @crc updated with @length bytes of @data, as zlib's crc32(): start from 0. */
guint32 vt_crc32 (guint32       crc,
                  const guchar *data,
                  gsize         length);

G_END_DECLS
