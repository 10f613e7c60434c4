/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Full screen for the main and detail windows: F11, and the header bar shown when the pointer reaches the top. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Leaves full screen when @window is in it, else enters it. */
void     vt_fullscreen_toggle   (GtkWindow *window);

/* In full screen GTK hides a window's title bar: from now on @window
 * shows it again while the pointer is at the top of the screen (or the
 * bar holds the focus, or one of its menus is open). */
void     vt_fullscreen_attach   (GtkWindow *window);

/* Whether the title bar of @window is shown now. */
gboolean vt_fullscreen_bar_shown (GtkWindow *window);

G_END_DECLS
