/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A picture scaled once to the size it is shown at, which any renderer then draws without resampling or converting it. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VT_TYPE_FITTED_PICTURE (vt_fitted_picture_get_type ())

G_DECLARE_FINAL_TYPE (VtFittedPicture, vt_fitted_picture, VT, FITTED_PICTURE, GObject)

/*
 * @pixbuf (8-bit RGB or RGBA) scaled to fit in @width × @height device
 * pixels, never enlarged, its pixels in the renderer's own format. Safe
 * to call from any thread: made in a worker, the picture is handed to
 * the main thread ready to draw. A GdkPaintable of that size, drawn 1:1
 * when the widget gives it that size.
 */
VtFittedPicture *vt_fitted_picture_new        (GdkPixbuf       *pixbuf,
                                               int              width,
                                               int              height);

/* vt_fitted_picture_new () in a worker thread. The task holds @pixbuf
 * only until the picture is made. */
void             vt_fitted_picture_new_async  (GdkPixbuf           *pixbuf,
                                               int                  width,
                                               int                  height,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* NULL only when cancelled. */
VtFittedPicture *vt_fitted_picture_new_finish (GAsyncResult        *result,
                                               GError             **error);

/* Bytes of pixels it holds. */
gsize            vt_fitted_picture_get_bytes  (VtFittedPicture *self);

/* Whether every pixel of it is opaque (made from a picture without alpha). */
gboolean         vt_fitted_picture_is_opaque  (VtFittedPicture *self);

G_END_DECLS
