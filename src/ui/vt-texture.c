/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one GdkTexture of a thumbnailer's picture, shared while it lives. */

#define G_LOG_DOMAIN "vitrine-texture"

#include "config.h"

#include "vt-texture.h"

/*
 * The texture holds the pixbuf (its pixels are the pixbuf's, without a
 * copy); the pixbuf knows its texture only through a weak reference kept
 * as its qdata, so there is no reference cycle: the texture goes when the
 * last view drops it, and the pixbuf when the texture and the
 * thumbnailer's cache have both let it go. A GWeakRef rather than a bare
 * pointer, because the last reference to a texture may be dropped on a
 * renderer's or worker's thread.
 */

G_DEFINE_QUARK (vt-texture, texture)

static void
weak_ref_free (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

static GdkTexture *
texture_new (GdkPixbuf *pixbuf)
{
  g_autoptr(GBytes) bytes = NULL;
  GdkMemoryFormat format;

  /* gdk_pixbuf_read_pixels() never copies, where gdk_texture_new_for_pixbuf()
   * makes a writable copy of a pixbuf built from bytes. */
  bytes = g_bytes_new_with_free_func (gdk_pixbuf_read_pixels (pixbuf),
                                      gdk_pixbuf_get_byte_length (pixbuf),
                                      g_object_unref,
                                      g_object_ref (pixbuf));
  format = gdk_pixbuf_get_has_alpha (pixbuf) ? GDK_MEMORY_R8G8B8A8 : GDK_MEMORY_R8G8B8;

  return gdk_memory_texture_new (gdk_pixbuf_get_width (pixbuf),
                                 gdk_pixbuf_get_height (pixbuf),
                                 format,
                                 bytes,
                                 gdk_pixbuf_get_rowstride (pixbuf));
}

GdkTexture *
vt_texture_for_pixbuf (GdkPixbuf *pixbuf)
{
  GWeakRef *ref;
  GdkTexture *texture;

  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);
  g_return_val_if_fail (gdk_pixbuf_get_bits_per_sample (pixbuf) == 8, NULL);

  ref = g_object_get_qdata (G_OBJECT (pixbuf), texture_quark ());
  if (ref == NULL)
    {
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, NULL);
      g_object_set_qdata_full (G_OBJECT (pixbuf), texture_quark (), ref, weak_ref_free);
    }

  texture = g_weak_ref_get (ref);
  if (texture == NULL)
    {
      texture = texture_new (pixbuf);
      g_weak_ref_set (ref, texture);
    }

  return texture;
}
