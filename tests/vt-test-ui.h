/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window tests share: the sample to open, settings as at a first start, frames drawn. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The bundled sample: the built one, else the one in the source tree. */
GFile *vt_test_sample_file    (void);

/* Every key of the application's settings back to its default. */
void   vt_test_reset_settings (void);

/* Draws @widget's window again and waits until it has painted two more
 * frames: laid out and drawn as it is now. */
void   vt_test_wait_for_frames (GtkWidget *widget);

G_END_DECLS
