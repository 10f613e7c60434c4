/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: a catalog's pieces as a filtered, sorted thumbnail grid. */

#pragma once

#include <gtk/gtk.h>

#include "vt-catalog.h"
#include "vt-show.h"

G_BEGIN_DECLS

#define VT_TYPE_WINDOW (vt_window_get_type ())

G_DECLARE_FINAL_TYPE (VtWindow, vt_window, VT, WINDOW, GtkApplicationWindow)

VtWindow   *vt_window_new            (GtkApplication *application);

/* Loads @file in a worker thread. On success it replaces the catalog
 * shown (a reload of the same file keeps the search, filters, sort,
 * selection and scroll position); on failure the window tells why and
 * keeps what it showed. */
void        vt_window_open_file      (VtWindow       *self,
                                      GFile          *file);
/* Opens the bundled sample collection; FALSE when it is not installed. */
gboolean    vt_window_open_sample    (VtWindow       *self);
void        vt_window_reload         (VtWindow       *self);

/* Quitting: FALSE when the window has unsaved edits, and asks what to
 * do with them; it quits again once they are saved or discarded. */
gboolean    vt_window_ask_before_quit (VtWindow      *self);

/* The file shown, NULL before the first successful load. */
GFile      *vt_window_get_file       (VtWindow       *self);
VtCatalog  *vt_window_get_catalog    (VtWindow       *self);
/* TRUE while a catalog loads. */
gboolean    vt_window_get_loading    (VtWindow       *self);

/* Starts a show of the pieces shown, from the first, as soon as the
 * catalog is loaded: on @screen (a number from 1 or a name; NULL for the
 * default), advancing every @interval seconds (-1: the setting's), and
 * starting again after the last piece when @loop is set. */
void        vt_window_present_show   (VtWindow       *self,
                                      const char     *screen,
                                      int             interval,
                                      gboolean        loop);
/* The show running, or NULL. */
VtShow     *vt_window_get_show       (VtWindow       *self);

G_END_DECLS
