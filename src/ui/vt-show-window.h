/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The show: a full-screen window on the chosen monitor, the artwork as large as the screen allows, and its caption. */

#pragma once

#include <gtk/gtk.h>

#include "vt-show.h"
#include "vt-thumbnailer.h"

G_BEGIN_DECLS

#define VT_TYPE_SHOW_WINDOW (vt_show_window_get_type ())

G_DECLARE_FINAL_TYPE (VtShowWindow, vt_show_window, VT, SHOW_WINDOW, GtkWindow)

/*
 * A window of @show on @monitor (NULL: the first), full screen. It loads
 * each piece through @thumbnailer at the screen's size in device pixels,
 * and the pieces on either side ahead of time; it keeps the screen from
 * blanking while it is shown (with an application); closing it ends the
 * show.
 */
VtShowWindow *vt_show_window_new          (GtkApplication *application,
                                           VtShow         *show,
                                           VtThumbnailer  *thumbnailer,
                                           GdkMonitor     *monitor);

VtShow       *vt_show_window_get_show     (VtShowWindow   *self);
GdkMonitor   *vt_show_window_get_monitor  (VtShowWindow   *self);
/* Moves the show, full screen, to @monitor. */
void          vt_show_window_set_monitor  (VtShowWindow   *self,
                                           GdkMonitor     *monitor);

/* What the screen shows now: the piece on it (the last one whose
 * picture came; NULL before the first), its picture (NULL when it
 * failed), and its layout. */
VtItem       *vt_show_window_get_shown_item    (VtShowWindow *self);
GdkTexture   *vt_show_window_get_shown_texture (VtShowWindow *self);
VtShowLayout  vt_show_window_get_shown_layout  (VtShowWindow *self);
/* Whether the picture of @item is ready (or known to fail), for tests. */
gboolean      vt_show_window_is_loaded         (VtShowWindow *self,
                                                VtItem       *item);
/* The session inhibitor's cookie while the show keeps the screen on; 0 when not. */
guint         vt_show_window_get_inhibit_cookie (VtShowWindow *self);
gboolean      vt_show_window_get_pointer_hidden (VtShowWindow *self);
/* The caption's labels, for tests and screenshots: title, facts, about. */
GtkLabel     *vt_show_window_get_caption_label  (VtShowWindow *self,
                                                 guint         index);

/* The screens as vt_show_choose_screen() takes them, from @display's
 * monitors; @window_monitor is the one the main window is on (or NULL).
 * Free with g_free (); the strings belong to the monitors. */
VtShowScreen *vt_show_screens_from_display (GdkDisplay *display,
                                            GdkMonitor *window_monitor,
                                            guint      *n_screens);

/* The monitor of @display to show on, as vt_show_choose_screen() picks
 * it from @wanted (transfer full); NULL when there is none. */
GdkMonitor   *vt_show_choose_monitor       (GdkDisplay *display,
                                            GdkMonitor *window_monitor,
                                            const char *wanted,
                                            gboolean   *not_found);
/* Whether @monitor is still one of its display's. */
gboolean      vt_show_monitor_is_present   (GdkMonitor *monitor);

/* The style sheet of the show and the console, loaded once per display. */
void          vt_show_ensure_style         (GtkWidget  *widget);
/* Sets @label's type to @pixels high, in bold or italic. */
void          vt_show_set_label_size       (GtkLabel   *label,
                                            int         pixels,
                                            gboolean    bold,
                                            gboolean    italic);

/* The keys of a show, for the show window and the presenter console:
 * TRUE when @keyval did something. */
gboolean      vt_show_handle_key          (VtShow          *show,
                                           guint            keyval,
                                           GdkModifierType  state);
/* Installs the "show.*" actions on a widget class with a "show" property:
 * show.next, show.previous, show.first, show.last, show.go-to (u),
 * show.blank (i: 1 black, 2 white), show.pause, show.caption, show.end. */
void          vt_show_class_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
