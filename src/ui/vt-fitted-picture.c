/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A picture scaled once to the size it is shown at, which any renderer then draws without resampling or converting it. */

#define G_LOG_DOMAIN "vitrine-texture"

#include "config.h"

#include "vt-fitted-picture.h"

#include "vt-pixels.h"

/*
 * Why not a GdkTexture: GTK 4.8's cairo renderer downloads every
 * texture it draws into a new cairo surface at every frame, through
 * floats even when the formats agree (the profile of a scroll at
 * 3840 x 2160 spent most of each frame there, and in allocating those
 * surfaces). Kept as a cairo image surface in cairo's own format and
 * drawn through a cairo node, the picture is a blit with the cairo
 * renderer; the GL renderer uploads a cairo node once and keeps it while
 * the node lives.
 */

struct _VtFittedPicture
{
  GObject          parent_instance;

  cairo_surface_t *surface;
  int              width;
  int              height;
};

static void vt_fitted_picture_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VtFittedPicture, vt_fitted_picture, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, vt_fitted_picture_paintable_init))

static const cairo_user_data_key_t node_picture_key;
static const cairo_user_data_key_t pixels_key;

static void
vt_fitted_picture_snapshot (GdkPaintable *paintable,
                            GdkSnapshot  *snapshot,
                            double        width,
                            double        height)
{
  VtFittedPicture *self = VT_FITTED_PICTURE (paintable);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (GTK_SNAPSHOT (snapshot), &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* The node records the picture as a snapshot, which cairo copies
   * whole if the picture goes first (a tile let go of it): the node
   * keeps the picture instead, until the node goes. */
  cairo_surface_set_user_data (cairo_get_target (cr), &node_picture_key,
                               cairo_surface_reference (self->surface),
                               (cairo_destroy_func_t) cairo_surface_destroy);
  /* 1:1 where the widget gives the picture its own size. */
  cairo_scale (cr, width / self->width, height / self->height);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static int
vt_fitted_picture_get_intrinsic_width (GdkPaintable *paintable)
{
  return VT_FITTED_PICTURE (paintable)->width;
}

static int
vt_fitted_picture_get_intrinsic_height (GdkPaintable *paintable)
{
  return VT_FITTED_PICTURE (paintable)->height;
}

static GdkPaintableFlags
vt_fitted_picture_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
vt_fitted_picture_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = vt_fitted_picture_snapshot;
  iface->get_intrinsic_width = vt_fitted_picture_get_intrinsic_width;
  iface->get_intrinsic_height = vt_fitted_picture_get_intrinsic_height;
  iface->get_flags = vt_fitted_picture_get_flags;
}

static void
vt_fitted_picture_finalize (GObject *object)
{
  VtFittedPicture *self = VT_FITTED_PICTURE (object);

  g_clear_pointer (&self->surface, cairo_surface_destroy);

  G_OBJECT_CLASS (vt_fitted_picture_parent_class)->finalize (object);
}

static void
vt_fitted_picture_class_init (VtFittedPictureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vt_fitted_picture_finalize;
}

static void
vt_fitted_picture_init (VtFittedPicture *self)
{
}

/* An image surface for a picture that lives on (vt-pixels.c), cleared. */
static cairo_surface_t *
surface_new (cairo_format_t format,
             int            width,
             int            height)
{
  int stride = cairo_format_stride_for_width (format, width);
  GBytes *pixels;
  cairo_surface_t *surface;
  guchar *data;

  pixels = vt_pixels_new ((gsize) stride * height, &data);
  surface = cairo_image_surface_create_for_data (data, format, width, height, stride);
  cairo_surface_set_user_data (surface, &pixels_key, pixels, (cairo_destroy_func_t) g_bytes_unref);

  return surface;
}

/* @pixbuf's rows into @surface (of the same size), premultiplied, in
 * cairo's native-endian ARGB (or RGB24, whose unused byte is set too). */
static void
copy_pixels (GdkPixbuf       *pixbuf,
             cairo_surface_t *surface)
{
  const guchar *src = gdk_pixbuf_read_pixels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  guchar *dest;
  int dest_stride;

  cairo_surface_flush (surface);
  dest = cairo_image_surface_get_data (surface);
  dest_stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    {
      const guchar *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (dest + (gsize) y * dest_stride);

      if (channels == 3)
        for (int x = 0; x < width; x++, s += 3)
          d[x] = 0xff000000u | (guint32) s[0] << 16 | (guint32) s[1] << 8 | s[2];
      else
        for (int x = 0; x < width; x++, s += 4)
          {
            guint a = s[3];

            /* (v * a + 127) / 255, rounded, without a division */
#define PREMULTIPLY(v) ((((v) * a + 128) + (((v) * a + 128) >> 8)) >> 8)
            d[x] = (guint32) a << 24 | PREMULTIPLY (s[0]) << 16 | PREMULTIPLY (s[1]) << 8 | PREMULTIPLY (s[2]);
#undef PREMULTIPLY
          }
    }

  cairo_surface_mark_dirty (surface);
}

VtFittedPicture *
vt_fitted_picture_new (GdkPixbuf *pixbuf,
                       int        width,
                       int        height)
{
  VtFittedPicture *self;
  cairo_surface_t *original;
  cairo_format_t format;
  int pixbuf_width, pixbuf_height;
  double factor;
  cairo_t *cr;

  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);
  g_return_val_if_fail (gdk_pixbuf_get_bits_per_sample (pixbuf) == 8, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  pixbuf_width = gdk_pixbuf_get_width (pixbuf);
  pixbuf_height = gdk_pixbuf_get_height (pixbuf);
  factor = MIN (1.0, MIN ((double) width / pixbuf_width, (double) height / pixbuf_height));

  self = g_object_new (VT_TYPE_FITTED_PICTURE, NULL);
  self->width = MAX (1, (int) (pixbuf_width * factor + 0.5));
  self->height = MAX (1, (int) (pixbuf_height * factor + 0.5));

  /* An opaque picture says so: pixman then copies it rather than
   * blending it over what is behind. */
  format = gdk_pixbuf_get_has_alpha (pixbuf) ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;

  /* At most a pixel to gain: not worth a resampling. */
  if (self->width >= pixbuf_width - 1 && self->height >= pixbuf_height - 1)
    {
      self->width = pixbuf_width;
      self->height = pixbuf_height;
      self->surface = surface_new (format, pixbuf_width, pixbuf_height);
      copy_pixels (pixbuf, self->surface);
      return self;
    }

  original = cairo_image_surface_create (format, pixbuf_width, pixbuf_height);
  copy_pixels (pixbuf, original);

  /* pixman's bilinear scaling is several times faster than
   * gdk-pixbuf's, and enough down to half the size; below, a filter
   * that reads every pixel. */
  self->surface = surface_new (format, self->width, self->height);
  cr = cairo_create (self->surface);
  cairo_scale (cr, (double) self->width / pixbuf_width, (double) self->height / pixbuf_height);
  cairo_set_source_surface (cr, original, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), factor >= 0.5 ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (original);
  cairo_surface_flush (self->surface);

  return self;
}

typedef struct
{
  GdkPixbuf *pixbuf;
  int        width;
  int        height;
} FitData;

static void
fit_data_free (FitData *data)
{
  g_clear_object (&data->pixbuf);
  g_free (data);
}

static void
fit_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  FitData *data = task_data;
  VtFittedPicture *picture;

  if (g_task_return_error_if_cancelled (task))
    return;

  picture = vt_fitted_picture_new (data->pixbuf, data->width, data->height);
  /* The task lives on until its callback has run: the picture it was
   * made from goes now. */
  g_clear_object (&data->pixbuf);
  g_task_return_pointer (task, picture, g_object_unref);
}

void
vt_fitted_picture_new_async (GdkPixbuf           *pixbuf,
                             int                  width,
                             int                  height,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FitData *data;

  g_return_if_fail (GDK_IS_PIXBUF (pixbuf));
  g_return_if_fail (width > 0 && height > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_fitted_picture_new_async);
  data = g_new0 (FitData, 1);
  data->pixbuf = g_object_ref (pixbuf);
  data->width = width;
  data->height = height;
  g_task_set_task_data (task, data, (GDestroyNotify) fit_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, fit_thread);
}

VtFittedPicture *
vt_fitted_picture_new_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vt_fitted_picture_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gsize
vt_fitted_picture_get_bytes (VtFittedPicture *self)
{
  g_return_val_if_fail (VT_IS_FITTED_PICTURE (self), 0);

  return (gsize) cairo_image_surface_get_stride (self->surface) * self->height;
}

gboolean
vt_fitted_picture_is_opaque (VtFittedPicture *self)
{
  g_return_val_if_fail (VT_IS_FITTED_PICTURE (self), FALSE);

  return cairo_image_surface_get_format (self->surface) == CAIRO_FORMAT_RGB24;
}
