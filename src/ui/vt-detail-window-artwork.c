/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The detail window's artwork: the picture for the screen, the neighbours loaded ahead, the full-size view. */

#define G_LOG_DOMAIN "vitrine-detail"

#include "config.h"

#include "vt-detail-window-private.h"

#include "vt-accessible.h"

#include "vt-texture.h"

#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

/* Square sizes asked of the thumbnailer for the picture for the screen,
 * in device pixels: at least the largest cached thumbnail. */
#define SCREEN_MIN_SIZE 1024
#define SCREEN_MAX_SIZE 4096
/* The full-size view refuses originals above this many pixels a side. */
#define FULL_MAX_SIZE 16384

/* One image request: which item it was for and how it is shown. */
typedef struct
{
  VtDetailWindow *self;   /* a reference */
  VtItem         *item;   /* a reference */
  int             size;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->item);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static LoadData *
load_data_new (VtDetailWindow *self,
               int             size)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->self = g_object_ref (self);
  data->item = g_object_ref (self->item);
  data->size = size;
  return data;
}

/* Whether a finished request no longer matters: cancelled, or for a
 * piece the window no longer shows. */
static gboolean
load_data_is_stale (LoadData     *data,
                    const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || data->item != data->self->item;
}

/* Takes the picture a load brought into @texture (NULL with @error set
 * when it failed); FALSE when the answer is for a piece no longer shown,
 * or was cancelled, and there is nothing to do. */
static gboolean
finish_load (GObject       *source,
             GAsyncResult  *result,
             LoadData      *data,
             GdkTexture   **texture,
             GError       **error)
{
  g_autoptr(GdkPixbuf) pixbuf = vt_thumbnailer_load_finish (VT_THUMBNAILER (source), result, error);

  if (load_data_is_stale (data, *error))
    return FALSE;
  *texture = pixbuf != NULL ? vt_texture_for_pixbuf (pixbuf) : NULL;
  return TRUE;
}

/* The picture for the screen */

/* Moves the focus off the artwork before it goes, so that it lands on
 * the buttons rather than on text that focus would select. */
void
_vt_detail_window_focus_buttons (VtDetailWindow *self)
{
  if (!gtk_widget_grab_focus (GTK_WIDGET (self->next_button)) &&
      !gtk_widget_grab_focus (GTK_WIDGET (self->previous_button)) &&
      !gtk_widget_grab_focus (GTK_WIDGET (self->present_button)))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

static void
show_placeholder (VtDetailWindow *self,
                  const char     *reason)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self->artwork_button)))
    _vt_detail_window_focus_buttons (self);
  self->artwork_failed = TRUE;
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_label_set_label (self->placeholder_reason, vt_detail_or_empty (reason));
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->artwork_stack, "placeholder");
  _vt_detail_window_set_full_size (self, FALSE);
  _vt_detail_window_update_actions (self);
}

static void
show_texture (VtDetailWindow *self,
              GdkTexture     *texture,
              int             size)
{
  g_set_object (&self->texture, texture);
  self->texture_size = size;
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->artwork_stack, "picture");
  if (self->full_size && self->full_cancellable == NULL && !self->full_loaded)
    _vt_detail_window_load_original (self);
  _vt_detail_window_update_actions (self);
}

/* The size of the picture for the screen: the monitor's shorter side in
 * device pixels (the artwork pane is never larger), rounded up so that
 * windows on similar screens share the thumbnailer's cache. */
static int
screen_size (VtDetailWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  g_autoptr(GdkMonitor) first = NULL;
  GdkMonitor *monitor = NULL;
  GdkRectangle geometry;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int size;

  if (surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (display, surface);
  if (monitor == NULL)
    monitor = first = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  if (monitor == NULL)
    return SCREEN_MIN_SIZE;

  gdk_monitor_get_geometry (monitor, &geometry);
  scale = MAX (scale, gdk_monitor_get_scale_factor (monitor));
  size = MIN (geometry.width, geometry.height) * scale;
  size = (size + 511) / 512 * 512;
  return CLAMP (size, SCREEN_MIN_SIZE, SCREEN_MAX_SIZE);
}

static void
on_prefetched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing to show: the thumbnailer keeps it in memory for the next step. */
  pixbuf = vt_thumbnailer_load_finish (VT_THUMBNAILER (source), result, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Not loaded ahead: %s", error->message);
}

/* Once the piece is shown, the pieces on either side are loaded at the
 * same size, so that previous and next show them at once. */
static void
prefetch_neighbours (VtDetailWindow *self)
{
  guint n_items = g_list_model_get_n_items (self->model);
  int size = screen_size (self);

  g_cancellable_cancel (self->prefetch_cancellable);
  g_clear_object (&self->prefetch_cancellable);
  self->prefetch_cancellable = g_cancellable_new ();

  for (int step = 1; step >= -1; step -= 2)
    {
      g_autoptr(VtItem) item = NULL;
      GFile *file;

      if ((step < 0 && self->position == 0) || (step > 0 && self->position + 1 >= n_items))
        continue;
      item = g_list_model_get_item (self->model, self->position + step);
      file = vt_item_get_image (item);
      if (file != NULL)
        vt_thumbnailer_load_async (self->thumbnailer, file, size, self->prefetch_cancellable,
                                   on_prefetched_cb, NULL);
    }
}

static void
on_image_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  VtDetailWindow *self = data->self;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (!finish_load (source, result, data, &texture, &error))
    return;

  if (texture != NULL)
    {
      /* The preview may come after the screen-size picture: keep the larger. */
      if (self->texture == NULL || data->size > self->texture_size)
        show_texture (self, texture, data->size);
      if (data->size > VT_DETAIL_PREVIEW_SIZE)
        prefetch_neighbours (self);
    }
  else if (self->texture == NULL && data->size > VT_DETAIL_PREVIEW_SIZE)
    {
      show_placeholder (self, error->message);
    }
  else if (data->size <= VT_DETAIL_PREVIEW_SIZE)
    {
      g_debug ("No preview of %s: %s", vt_item_get_title (self->item), error->message);
    }
}

void
_vt_detail_window_load_artwork (VtDetailWindow *self)
{
  GFile *file = vt_item_get_image (self->item);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  g_autofree char *accessible = NULL;

  self->artwork_pending = FALSE;
  self->artwork_failed = FALSE;
  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  g_cancellable_cancel (self->prefetch_cancellable);
  g_clear_object (&self->prefetch_cancellable);
  g_clear_object (&self->texture);
  self->texture_size = 0;

  /* Translators: what a screen reader says of the picture,
   * "Artwork: 1956 - Hungarian Revolution" */
  accessible = g_strdup_printf (_("Artwork: %s"), gtk_label_get_label (self->title_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->artwork_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_picture_set_alternative_text (self->picture, accessible);
  gtk_picture_set_alternative_text (self->full_picture, accessible);
  /* GTK 4.8 does not name a picture by its alternative text. */
  vt_accessible_set_label (GTK_WIDGET (self->picture), accessible);
  vt_accessible_set_label (GTK_WIDGET (self->full_picture), accessible);

  if (file == NULL)
    {
      show_placeholder (self, _("This piece has no image in the catalog."));
      _vt_detail_window_update_actions (self);
      return;
    }

  self->image_cancellable = g_cancellable_new ();
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_stack_set_visible_child_name (self->artwork_stack, "picture");
  gtk_spinner_start (self->spinner);
  _vt_detail_window_update_actions (self);

  /* The thumbnailer serves the newest request first: the preview, often
   * already in memory from the grid, shows while the large one decodes. */
  vt_thumbnailer_load_async (self->thumbnailer, file, screen_size (self),
                             self->image_cancellable, on_image_loaded_cb,
                             load_data_new (self, screen_size (self)));
  vt_thumbnailer_load_async (self->thumbnailer, file, VT_DETAIL_PREVIEW_SIZE * scale,
                             self->image_cancellable, on_image_loaded_cb,
                             load_data_new (self, VT_DETAIL_PREVIEW_SIZE));
}

void
_vt_detail_window_defer_artwork (VtDetailWindow *self)
{
  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  g_cancellable_cancel (self->prefetch_cancellable);
  g_clear_object (&self->prefetch_cancellable);
  g_clear_object (&self->texture);
  self->texture_size = 0;
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_spinner_stop (self->spinner);
  self->artwork_pending = TRUE;
  self->artwork_failed = FALSE;
  _vt_detail_window_update_actions (self);
}

/* The full-size view */

static void
set_full_size_request (VtDetailWindow *self,
                       int             width,
                       int             height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  /* One pixel of the original to one pixel of the screen. */
  self->center_x = self->center_y = TRUE;
  gtk_widget_set_size_request (GTK_WIDGET (self->full_picture),
                               MAX (1, width / scale), MAX (1, height / scale));
}

/* The spinner of the full-size view, while the original is on its way. */
static void
show_full_spinner (VtDetailWindow *self,
                   gboolean        shown)
{
  gtk_widget_set_visible (GTK_WIDGET (self->full_spinner), shown);
  if (shown)
    gtk_spinner_start (self->full_spinner);
  else
    gtk_spinner_stop (self->full_spinner);
}

static void
on_original_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  VtDetailWindow *self = data->self;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (!finish_load (source, result, data, &texture, &error))
    return;

  show_full_spinner (self, FALSE);
  if (texture == NULL)
    {
      /* The screen-size picture stays, shown as large as the original. */
      g_debug ("No full-size picture of %s: %s", vt_item_get_title (self->item), error->message);
      return;
    }

  self->full_loaded = TRUE;
  gtk_picture_set_paintable (self->full_picture, GDK_PAINTABLE (texture));
  set_full_size_request (self,
                         gdk_texture_get_width (texture),
                         gdk_texture_get_height (texture));
}

static void
on_original_info_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  VtDetailWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  GdkPixbufFormat *format;
  int width = 0;
  int height = 0;
  int size;

  format = gdk_pixbuf_get_file_info_finish (result, &width, &height, &error);
  if (format == NULL)
    {
      if (load_data_is_stale (data, error))
        return;
      show_full_spinner (self, FALSE);
      g_debug ("No size for %s: %s", vt_item_get_title (self->item),
               error != NULL ? error->message : "unknown format");
      return;
    }
  /* gdk-pixbuf 2.42 hands out a copy here, whatever its annotation says. */
  gdk_pixbuf_format_free (format);
  if (data->item != self->item || g_cancellable_is_cancelled (self->full_cancellable))
    return;

  set_full_size_request (self, width, height);
  size = data->size = MIN (MAX (width, height), FULL_MAX_SIZE);
  vt_thumbnailer_load_async (self->thumbnailer, vt_item_get_image (self->item), size,
                             self->full_cancellable, on_original_loaded_cb,
                             g_steal_pointer (&data));
}

void
_vt_detail_window_stop_original (VtDetailWindow *self)
{
  g_cancellable_cancel (self->full_cancellable);
  g_clear_object (&self->full_cancellable);
  self->full_loaded = FALSE;
  gtk_picture_set_paintable (self->full_picture, NULL);
  show_full_spinner (self, FALSE);
}

void
_vt_detail_window_load_original (VtDetailWindow *self)
{
  GFile *file;
  g_autofree char *path = NULL;

  _vt_detail_window_stop_original (self);
  if (self->item == NULL)
    return;
  if (self->texture == NULL)
    {
      /* Asked for before the artwork came: it follows once it is shown. */
      show_full_spinner (self, TRUE);
      return;
    }

  /* Until the original comes, the screen-size picture stands in for it. */
  gtk_picture_set_paintable (self->full_picture, GDK_PAINTABLE (self->texture));
  set_full_size_request (self,
                         gdk_texture_get_width (self->texture),
                         gdk_texture_get_height (self->texture));

  file = vt_item_get_image (self->item);
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;

  self->full_cancellable = g_cancellable_new ();
  show_full_spinner (self, TRUE);
  gdk_pixbuf_get_file_info_async (path, self->full_cancellable, on_original_info_cb,
                                  load_data_new (self, 0));
}

static void
on_artwork_clicked_cb (VtDetailWindow *self)
{
  _vt_detail_window_set_full_size (self, TRUE);
}

static void
on_full_adjustment_changed_cb (VtDetailWindow *self,
                               GtkAdjustment  *adjustment)
{
  gboolean *center = adjustment == gtk_scrolled_window_get_hadjustment (self->full_scroller)
                     ? &self->center_x : &self->center_y;

  if (!*center)
    return;
  gtk_adjustment_set_value (adjustment,
                            (gtk_adjustment_get_upper (adjustment) -
                             gtk_adjustment_get_page_size (adjustment)) / 2);
  if (gtk_adjustment_get_page_size (adjustment) > 0)
    *center = FALSE;
}

static void
on_full_click_released_cb (VtDetailWindow  *self,
                           int              n_press,
                           double           x,
                           double           y,
                           GtkGestureClick *gesture)
{
  _vt_detail_window_set_full_size (self, FALSE);
}

static void
on_full_drag_begin_cb (VtDetailWindow *self,
                       double          x,
                       double          y,
                       GtkGestureDrag *gesture)
{
  GtkScrolledWindow *scroller = self->full_scroller;

  self->drag_start_x = gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (scroller));
  self->drag_start_y = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scroller));
}

static void
on_full_drag_update_cb (VtDetailWindow *self,
                        double          offset_x,
                        double          offset_y,
                        GtkGestureDrag *gesture)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->full_scroller),
                            self->drag_start_x - offset_x);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->full_scroller),
                            self->drag_start_y - offset_y);
}

void
_vt_detail_window_class_bind_artwork (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_artwork_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_full_click_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_full_drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_full_drag_update_cb);
}

void
_vt_detail_window_init_artwork (VtDetailWindow *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->artwork_button), "zoom-in");
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->full_scroller), "zoom-out");

  /* The scrolled window's own adjustments, which the template cannot name. */
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->full_scroller), "changed",
                           G_CALLBACK (on_full_adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->full_scroller), "changed",
                           G_CALLBACK (on_full_adjustment_changed_cb), self, G_CONNECT_SWAPPED);
}
