/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The presenter console: the piece shown, the next one, notes, time, and every control of the show. */

#pragma once

#include <gtk/gtk.h>

#include "vt-show.h"
#include "vt-thumbnailer.h"

G_BEGIN_DECLS

#define VT_TYPE_PRESENTER_CONSOLE (vt_presenter_console_get_type ())

G_DECLARE_FINAL_TYPE (VtPresenterConsole, vt_presenter_console, VT, PRESENTER_CONSOLE, GtkWindow)

/* A console of @show: it follows the show, and its keys and buttons
 * drive it; closing it ends the show. */
VtPresenterConsole *vt_presenter_console_new      (GtkApplication     *application,
                                                   VtShow             *show,
                                                   VtThumbnailer      *thumbnailer);

VtShow             *vt_presenter_console_get_show (VtPresenterConsole *self);

G_END_DECLS
