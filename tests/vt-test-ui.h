/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window tests share: the sample to open and settings as at a first start. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The bundled sample: the built one, else the one in the source tree. */
GFile *vt_test_sample_file    (void);

/* Every key of the application's settings back to its default. */
void   vt_test_reset_settings (void);

G_END_DECLS
