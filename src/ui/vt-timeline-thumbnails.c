/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's thumbnails: asked for the cards in view and near it, cancelled out of range, kept within a budget. */

#define G_LOG_DOMAIN "vitrine-timeline"

#include "config.h"

#include "vt-timeline-private.h"

#include "vt-texture.h"

/* Bytes of textures kept for scrolling back. */
#define TEXTURE_BYTES_LIMIT (32 * 1024 * 1024)

typedef struct
{
  VtTimeline   *self;
  VtItem       *item;
  GCancellable *cancellable;
} Request;

void
_vt_timeline_thumb_free (Thumb *thumb)
{
  g_cancellable_cancel (thumb->cancellable);
  g_clear_object (&thumb->cancellable);
  g_clear_object (&thumb->texture);
  g_clear_object (&thumb->title);
  g_clear_object (&thumb->item);
  g_free (thumb);
}

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_object_unref (request->item);
  g_object_unref (request->cancellable);
  g_free (request);
}

static gsize
texture_bytes (GdkTexture *texture)
{
  return texture != NULL ? (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4 : 0;
}

static void
remove_thumb (VtTimeline *self,
              Thumb      *thumb)
{
  self->texture_bytes -= texture_bytes (thumb->texture);
  g_hash_table_remove (self->thumbs, thumb->item);
}

static void
on_thumbnail_loaded_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  Request *request = user_data;
  VtTimeline *self = request->self;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  Thumb *thumb;

  pixbuf = vt_thumbnailer_load_finish (VT_THUMBNAILER (source), result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && (thumb = g_hash_table_lookup (self->thumbs, request->item)) != NULL
      && thumb->cancellable == request->cancellable)
    {
      g_clear_object (&thumb->cancellable);
      if (pixbuf != NULL)
        {
          self->texture_bytes -= texture_bytes (thumb->texture);
          g_clear_object (&thumb->texture);
          thumb->texture = vt_texture_for_pixbuf (pixbuf);
          self->texture_bytes += texture_bytes (thumb->texture);
        }
      else
        thumb->failed = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  request_free (request);
}

static void
want_thumbnail (VtTimeline *self,
                guint       position,
                int         size)
{
  g_autoptr(VtItem) item = g_list_model_get_item (self->model, position);
  Thumb *thumb = g_hash_table_lookup (self->thumbs, item);
  Request *request;
  GFile *image;

  if (thumb == NULL)
    {
      thumb = g_new0 (Thumb, 1);
      thumb->item = g_object_ref (item);
      g_hash_table_insert (self->thumbs, item, thumb);
    }
  thumb->used = self->stamp;

  image = vt_item_get_image (item);
  if (image == NULL || thumb->failed || thumb->cancellable != NULL
      || (thumb->texture != NULL && thumb->size >= size))
    return;

  thumb->size = size;
  thumb->cancellable = g_cancellable_new ();
  request = g_new0 (Request, 1);
  request->self = g_object_ref (self);
  request->item = g_object_ref (item);
  request->cancellable = g_object_ref (thumb->cancellable);
  vt_thumbnailer_load_async (self->thumbnailer, image, size, thumb->cancellable,
                             on_thumbnail_loaded_cb, request);
}

static void
want_slots (VtTimeline *self,
            guint       first,
            guint       end,
            int         size)
{
  for (guint s = first; s < end; s++)
    {
      const VtTimelineSlot *slot = vt_timeline_layout_get_slot (self->layout, s);

      if (slot->cluster)
        {
          want_thumbnail (self, slot->top, size);
          if (self->position >= slot->first && self->position < slot->first + slot->n_pieces)
            want_thumbnail (self, self->position, size);
        }
      else
        for (guint i = 0; i < slot->n_pieces; i++)
          want_thumbnail (self, slot->first + i, size);
    }
}

static int
compare_thumbs_by_use (gconstpointer a,
                       gconstpointer b)
{
  const Thumb *ta = *(const Thumb **) a;
  const Thumb *tb = *(const Thumb **) b;

  return (ta->used > tb->used) - (ta->used < tb->used);
}

static gboolean
update_thumbnails_cb (gpointer user_data)
{
  VtTimeline *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double value = _vt_timeline_scroll_value (self);
  g_autoptr(GPtrArray) unused = g_ptr_array_new ();
  guint first, end, near_first, near_end;
  GHashTableIter iter;
  Thumb *thumb;
  double needed;
  int size;

  self->update_source = 0;
  if (self->layout == NULL || self->model == NULL)
    return G_SOURCE_REMOVE;

  self->stamp++;
  /* The disk cache's sizes (128, 256, 512), so a zoom does not ask
   * again for every card. */
  needed = vt_timeline_layout_get_card_size (self->layout) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  for (size = 128; size < needed && size < 512; size *= 2)
    ;
  vt_timeline_layout_slots_in (self->layout, value, value + width, &first, &end);
  vt_timeline_layout_slots_in (self->layout, value - width / 2.0, value + width * 1.5, &near_first, &near_end);
  want_slots (self, near_first, first, size);
  want_slots (self, end, near_end, size);
  want_slots (self, first, end, size);

  g_hash_table_iter_init (&iter, self->thumbs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &thumb))
    {
      if (thumb->used == self->stamp)
        continue;
      if (thumb->cancellable != NULL || thumb->texture == NULL)
        {
          self->texture_bytes -= texture_bytes (thumb->texture);
          g_hash_table_iter_remove (&iter);
        }
      else
        g_ptr_array_add (unused, thumb);
    }

  g_ptr_array_sort (unused, compare_thumbs_by_use);
  for (guint i = 0; i < unused->len && self->texture_bytes > TEXTURE_BYTES_LIMIT; i++)
    remove_thumb (self, g_ptr_array_index (unused, i));

  return G_SOURCE_REMOVE;
}

void
_vt_timeline_queue_update_thumbnails (VtTimeline *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_DEFAULT, update_thumbnails_cb, self, NULL);
}

guint
vt_timeline_get_n_requests (VtTimeline *self)
{
  GHashTableIter iter;
  Thumb *thumb;
  guint n = 0;

  g_return_val_if_fail (VT_IS_TIMELINE (self), 0);

  g_hash_table_iter_init (&iter, self->thumbs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &thumb))
    n += thumb->cancellable != NULL;
  return n;
}

guint
vt_timeline_get_n_textures (VtTimeline *self)
{
  GHashTableIter iter;
  Thumb *thumb;
  guint n = 0;

  g_return_val_if_fail (VT_IS_TIMELINE (self), 0);

  g_hash_table_iter_init (&iter, self->thumbs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &thumb))
    n += thumb->texture != NULL;
  return n;
}
