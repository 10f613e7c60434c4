/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A picture scaled once to the size it is shown at, which any renderer then draws without resampling or converting it. */

#define G_LOG_DOMAIN "vitrine-texture"

#include "config.h"

#include "vt-fitted-picture.h"

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

/* @pixbuf's rows into @surface (of the same size), premultiplied, in
 * cairo's native-endian ARGB. */
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

  original = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixbuf_width, pixbuf_height);
  copy_pixels (pixbuf, original);

  /* At most a pixel to gain: not worth a resampling. */
  if (self->width >= pixbuf_width - 1 && self->height >= pixbuf_height - 1)
    {
      self->width = pixbuf_width;
      self->height = pixbuf_height;
      self->surface = original;
      return self;
    }

  /* pixman's bilinear scaling is several times faster than
   * gdk-pixbuf's (a 2048 pixel picture for a 4K screen in a fraction of
   * the time), and enough down to half the size; below, a filter that
   * reads every pixel. */
  self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->width, self->height);
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

gsize
vt_fitted_picture_get_bytes (VtFittedPicture *self)
{
  g_return_val_if_fail (VT_IS_FITTED_PICTURE (self), 0);

  return (gsize) cairo_image_surface_get_stride (self->surface) * self->height;
}
