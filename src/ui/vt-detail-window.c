/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window that shows one piece like a museum label and steps through the grid's order. */

#define G_LOG_DOMAIN "vitrine-detail"

#include "config.h"

#include "vt-detail-window.h"
#include "vt-detail-window-private.h"

#include "vt-accessible.h"
#include "vt-fullscreen.h"
#include "vt-tooltip.h"

#include <glib/gi18n.h>

/* Screens this wide (logical pixels) get the label in large type. */
#define LARGE_SCREEN_WIDTH 2560

G_DEFINE_FINAL_TYPE (VtDetailWindow, vt_detail_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_THUMBNAILER,
  PROP_TOTAL,
  PROP_POSITION,
  PROP_ITEM,
  PROP_FULL_SIZE,
  PROP_READING_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PRESENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_vt_detail_window_update_actions (VtDetailWindow *self)
{
  guint n_items = g_list_model_get_n_items (self->model);
  gboolean shown = self->item != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.previous",
                                 shown && self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.next",
                                 shown && self->position + 1 < n_items);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.full-size",
                                 self->full_size || (shown && !self->artwork_failed));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.present", shown);
  /* Disabled, it leaves the arrow keys to the label page's focus moves. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.pan", self->full_size);
}

static void
update_position_label (VtDetailWindow *self)
{
  guint n_items = g_list_model_get_n_items (self->model);
  g_autofree char *text = NULL;

  if (self->item != NULL)
    /* Translators: the piece's place in the pieces shown in the gallery, "3 of 12" */
    text = g_strdup_printf (_("%'u of %'u"), self->position + 1, n_items);
  gtk_label_set_label (self->header_subtitle, vt_detail_or_empty (text));
  gtk_widget_set_visible (GTK_WIDGET (self->header_subtitle), text != NULL);
  _vt_detail_window_update_actions (self);
}

static void show_position       (VtDetailWindow *self,
                                 guint           position);
static void on_items_changed_cb (VtDetailWindow *self,
                                 guint           position,
                                 guint           removed,
                                 guint           added,
                                 GListModel     *model);

/* The full-size view */

void
_vt_detail_window_set_full_size (VtDetailWindow *self,
                                 gboolean        full_size)
{
  full_size = !!full_size;
  if (full_size && (self->item == NULL || self->artwork_failed))
    full_size = FALSE;
  if (self->full_size == full_size)
    return;

  self->full_size = full_size;
  if (full_size)
    {
      _vt_detail_window_load_original (self);
      gtk_stack_set_visible_child_name (self->view_stack, "full-size");
      gtk_widget_grab_focus (GTK_WIDGET (self->full_scroller));
    }
  else
    {
      _vt_detail_window_stop_original (self);
      gtk_stack_set_visible_child_name (self->view_stack, "label");
      gtk_widget_grab_focus (GTK_WIDGET (self->artwork_button));
    }
  _vt_detail_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_SIZE]);
}

/* Showing an item */

static void
show_item (VtDetailWindow *self,
           guint           position,
           VtItem         *item)
{
  gboolean changed = item != self->item;

  self->position = position;
  if (changed)
    {
      g_set_object (&self->item, item);
      _vt_detail_window_show_label (self);
      if (self->full_size)
        _vt_detail_window_stop_original (self);
      /* A hidden window follows the filter while the user types: it
       * loads the artwork only once it is shown. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        _vt_detail_window_load_artwork (self);
      else
        _vt_detail_window_defer_artwork (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }
  update_position_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static void
clear_item (VtDetailWindow *self)
{
  if (self->item == NULL)
    return;

  _vt_detail_window_set_full_size (self, FALSE);
  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  g_clear_object (&self->texture);
  g_clear_object (&self->item);
  self->position = GTK_INVALID_LIST_POSITION;
  gtk_picture_set_paintable (self->picture, NULL);
  update_position_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static void
show_position (VtDetailWindow *self,
               guint           position)
{
  g_autoptr(VtItem) item = g_list_model_get_item (self->model, position);

  if (item != NULL)
    show_item (self, position, item);
}

/* Follows the model: the same piece stays shown wherever it moves; when
 * it leaves, the piece that took its place is shown. */
static void
on_items_changed_cb (VtDetailWindow *self,
                     guint           position,
                     guint           removed,
                     guint           added,
                     GListModel     *model)
{
  guint n_items = g_list_model_get_n_items (model);

  if (self->item == NULL || self->position < position)
    {
      update_position_label (self);
      return;
    }

  if (self->position >= position + removed)
    {
      show_item (self, self->position - removed + added, self->item);
      return;
    }

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (model, i);

      if (item == self->item)
        {
          show_item (self, i, item);
          return;
        }
    }

  /* An edit replaces the piece with a new VtItem: the same number is
   * the same piece, or the number an edit of it gives it. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (model, i);
      guint number = self->follow_number != 0 ? self->follow_number : vt_item_get_number (self->item);

      if (number != 0 && vt_item_get_number (item) == number)
        {
          show_item (self, i, item);
          return;
        }
    }

  if (n_items == 0)
    {
      clear_item (self);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  show_position (self, MIN (self->position, n_items - 1));
}

/* Actions */

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);

  vt_detail_window_commit_edit (self);
  if (self->item != NULL && self->position > 0)
    show_position (self, self->position - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);

  vt_detail_window_commit_edit (self);
  if (self->item != NULL && self->position + 1 < g_list_model_get_n_items (self->model))
    show_position (self, self->position + 1);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);

  /* Escape steps back out of the full-size view first. */
  if (self->full_size)
    _vt_detail_window_set_full_size (self, FALSE);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);

  if (self->item != NULL)
    g_signal_emit (self, signals[PRESENT], 0, self->position);
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  vt_fullscreen_toggle (GTK_WINDOW (widget));
}

/* In the full-size view: moves the picture by a tenth of the view in
 * the direction (dx, dy), so that all of it can be seen from the keyboard. */
static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);
  GtkAdjustment *adjustments[2];
  int steps[2];

  if (!self->full_size)
    return;

  g_variant_get (parameter, "(ii)", &steps[0], &steps[1]);
  adjustments[0] = gtk_scrolled_window_get_hadjustment (self->full_scroller);
  adjustments[1] = gtk_scrolled_window_get_vadjustment (self->full_scroller);
  for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
    gtk_adjustment_set_value (adjustments[i],
                              gtk_adjustment_get_value (adjustments[i]) +
                              steps[i] * gtk_adjustment_get_page_size (adjustments[i]) / 10);
}

/* Style */

static void
ensure_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "vt-detail-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/vitrine/Vitrine/detail.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "vt-detail-style",
                          g_steal_pointer (&provider), g_object_unref);
}

/* On a large screen the window opens large, with large type, so the
 * artwork is seen at the size it deserves and the label read from a
 * distance; on a laptop it opens at the template's size. */
static void
fit_default_size (VtDetailWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  GdkRectangle geometry;
  int width;
  int height;

  if (monitor == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gdk_monitor_get_geometry (monitor, &geometry);
  width = MAX (width, geometry.width * 3 / 5);
  height = MAX (height, geometry.height * 3 / 4);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               MIN (width, geometry.width - 48),
                               MIN (height, geometry.height - 48));
  if (geometry.width >= LARGE_SCREEN_WIDTH)
    gtk_widget_add_css_class (GTK_WIDGET (self), "vt-large");
}

/* GObject */

static void
vt_detail_window_set_model (VtDetailWindow *self,
                            GListModel     *model)
{
  g_assert (self->model == NULL);
  g_assert (G_IS_LIST_MODEL (model));

  self->model = g_object_ref (model);
  g_signal_connect_object (model, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
vt_detail_window_constructed (GObject *object)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (object);

  G_OBJECT_CLASS (vt_detail_window_parent_class)->constructed (object);

  if (self->model == NULL)
    vt_detail_window_set_model (self, G_LIST_MODEL (g_list_store_new (VT_TYPE_ITEM)));
  if (self->thumbnailer == NULL)
    self->thumbnailer = g_object_ref (vt_thumbnailer_get_default ());
  fit_default_size (self);
  update_position_label (self);
}

static void
vt_detail_window_dispose (GObject *object)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (object);

  g_cancellable_cancel (self->image_cancellable);
  g_cancellable_cancel (self->full_cancellable);
  g_cancellable_cancel (self->prefetch_cancellable);
  g_clear_object (&self->image_cancellable);
  g_clear_object (&self->prefetch_cancellable);
  g_clear_object (&self->full_cancellable);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->thumbnailer);
  g_clear_object (&self->item);
  g_clear_object (&self->texture);
  _vt_detail_window_dispose_review (self);
  _vt_detail_window_dispose_edit (self);

  /* The window's child is a template child: GTK 4.8's
   * gtk_widget_dispose_template() would unparent it behind GtkWindow's
   * back, and GtkWindow's dispose, run again by a late last unref, would
   * then unparent it a second time. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_DETAIL_WINDOW);

  G_OBJECT_CLASS (vt_detail_window_parent_class)->dispose (object);
}

static void
vt_detail_window_map (GtkWidget *widget)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);

  GTK_WIDGET_CLASS (vt_detail_window_parent_class)->map (widget);

  if (self->artwork_pending && self->item != NULL)
    _vt_detail_window_load_artwork (self);
}

static void
vt_detail_window_unmap (GtkWidget *widget)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);

  /* Hidden before the picture for the screen came: stop, and load it
   * again when shown. The pictures ahead are not needed any more. */
  g_cancellable_cancel (self->prefetch_cancellable);
  g_clear_object (&self->prefetch_cancellable);
  if (self->item != NULL && self->texture_size <= VT_DETAIL_PREVIEW_SIZE)
    _vt_detail_window_defer_artwork (self);

  GTK_WIDGET_CLASS (vt_detail_window_parent_class)->unmap (widget);
}

/* Closed by the window manager too: the field being edited is applied first. */
static gboolean
vt_detail_window_close_request (GtkWindow *window)
{
  vt_detail_window_commit_edit (VT_DETAIL_WINDOW (window));

  return GTK_WINDOW_CLASS (vt_detail_window_parent_class)->close_request (window);
}

static void
vt_detail_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_THUMBNAILER:
      g_value_set_object (value, self->thumbnailer);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_FULL_SIZE:
      g_value_set_boolean (value, self->full_size);
      break;
    case PROP_READING_MODE:
      g_value_set_boolean (value, self->reading_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_detail_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      if (g_value_get_object (value) != NULL)
        vt_detail_window_set_model (self, g_value_get_object (value));
      break;
    case PROP_THUMBNAILER:
      self->thumbnailer = g_value_dup_object (value);
      break;
    case PROP_TOTAL:
      vt_detail_window_set_total (self, g_value_get_uint (value));
      break;
    case PROP_FULL_SIZE:
      _vt_detail_window_set_full_size (self, g_value_get_boolean (value));
      break;
    case PROP_READING_MODE:
      vt_detail_window_set_reading_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_detail_window_class_init (VtDetailWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vt_detail_window_constructed;
  object_class->dispose = vt_detail_window_dispose;
  object_class->get_property = vt_detail_window_get_property;
  object_class->set_property = vt_detail_window_set_property;

  widget_class->map = vt_detail_window_map;
  widget_class->unmap = vt_detail_window_unmap;
  GTK_WINDOW_CLASS (klass)->close_request = vt_detail_window_close_request;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THUMBNAILER] =
    g_param_spec_object ("thumbnailer", NULL, NULL,
                         VT_TYPE_THUMBNAILER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         VT_TYPE_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FULL_SIZE] =
    g_param_spec_boolean ("full-size", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READING_MODE] =
    g_param_spec_boolean ("reading-mode", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PRESENT] =
    g_signal_new ("present", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vitrine/Vitrine/ui/vt-detail-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, previous_button);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, full_size_button);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, present_button);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, reading_button);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, header_title);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, header_subtitle);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, artwork_stack);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, artwork_button);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, picture);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, placeholder_reason);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, problem_box);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, kicker_label);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, byline_label);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, about_label);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, text_box);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, attributes_grid);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, full_scroller);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, full_picture);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, full_spinner);
  _vt_detail_window_class_bind_artwork (widget_class);
  _vt_detail_window_class_bind_edit (widget_class);

  gtk_widget_class_install_action (widget_class, "detail.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "detail.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "detail.close", NULL, close_action);
  gtk_widget_class_install_property_action (widget_class, "detail.full-size", "full-size");
  gtk_widget_class_install_action (widget_class, "detail.pan", "(ii)", pan_action);
  gtk_widget_class_install_action (widget_class, "detail.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "detail.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_property_action (widget_class, "detail.reading-mode", "reading-mode");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "detail.close", NULL);
  _vt_detail_window_class_bind_review (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "detail.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "detail.full-size", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "detail.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "detail.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, 0, "detail.reading-mode", NULL);
}

static void
vt_detail_window_init (VtDetailWindow *self)
{
  self->position = GTK_INVALID_LIST_POSITION;

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style (GTK_WIDGET (self));

  /* Set here rather than in the template: see vt-tooltip.c. */
  vt_widget_set_tooltip (GTK_WIDGET (self->previous_button), _("Previous Piece (Left or Page Up)"));
  vt_widget_set_tooltip (GTK_WIDGET (self->next_button), _("Next Piece (Right or Page Down)"));
  vt_widget_set_tooltip (GTK_WIDGET (self->full_size_button), _("Full Size (F)"));
  vt_widget_set_tooltip (GTK_WIDGET (self->artwork_button), _("Show at full size"));
  vt_widget_set_tooltip (GTK_WIDGET (self->present_button), _("Present from Here (F5)"));
  vt_widget_set_tooltip (GTK_WIDGET (self->reading_button), _("Large Type (T)"));
  vt_fullscreen_attach (GTK_WINDOW (self));
  _vt_detail_window_build_attributes (self);
  _vt_detail_window_build_editor (self);
  _vt_detail_window_init_artwork (self);
  _vt_detail_window_show_review (self);
  vt_accessible_set_label (GTK_WIDGET (self->text_scroller), _("About the Piece"));
  vt_accessible_set_label (GTK_WIDGET (self->full_scroller), _("Artwork at Full Size"));
  vt_accessible_name_mnemonics (GTK_WIDGET (self));
}

/* Public API */

VtDetailWindow *
vt_detail_window_new (GtkApplication *app,
                      GListModel     *model,
                      VtThumbnailer  *thumbnailer)
{
  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (thumbnailer == NULL || VT_IS_THUMBNAILER (thumbnailer), NULL);

  return g_object_new (VT_TYPE_DETAIL_WINDOW,
                       "application", app,
                       "model", model,
                       "thumbnailer", thumbnailer,
                       NULL);
}

void
vt_detail_window_show_position (VtDetailWindow *self,
                                guint           position)
{
  g_return_if_fail (VT_IS_DETAIL_WINDOW (self));
  g_return_if_fail (position < g_list_model_get_n_items (self->model));

  vt_detail_window_commit_edit (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      show_position (self, position);
    }
  else
    {
      /* A window opened again starts on the label, not on a full-size
       * picture, with the focus on the artwork (or the buttons when
       * there is none) rather than on text that focus would select. */
      _vt_detail_window_set_full_size (self, FALSE);
      show_position (self, position);
      if (!gtk_widget_grab_focus (GTK_WIDGET (self->artwork_button)))
        _vt_detail_window_focus_buttons (self);
    }
  gtk_window_present (GTK_WINDOW (self));
}

guint
vt_detail_window_get_position (VtDetailWindow *self)
{
  g_return_val_if_fail (VT_IS_DETAIL_WINDOW (self), GTK_INVALID_LIST_POSITION);

  return self->position;
}

VtItem *
vt_detail_window_get_item (VtDetailWindow *self)
{
  g_return_val_if_fail (VT_IS_DETAIL_WINDOW (self), NULL);

  return self->item;
}

void
vt_detail_window_set_total (VtDetailWindow *self,
                            guint           total)
{
  g_return_if_fail (VT_IS_DETAIL_WINDOW (self));

  if (self->total == total)
    return;

  self->total = total;
  if (self->item != NULL)
    _vt_detail_window_show_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}


gboolean
vt_detail_window_get_reading_mode (VtDetailWindow *self)
{
  g_return_val_if_fail (VT_IS_DETAIL_WINDOW (self), FALSE);

  return self->reading_mode;
}

void
vt_detail_window_set_reading_mode (VtDetailWindow *self,
                                   gboolean        reading_mode)
{
  g_return_if_fail (VT_IS_DETAIL_WINDOW (self));

  reading_mode = !!reading_mode;
  if (self->reading_mode == reading_mode)
    return;

  self->reading_mode = reading_mode;
  if (reading_mode)
    gtk_widget_add_css_class (GTK_WIDGET (self), "vt-reading");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "vt-reading");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING_MODE]);
}
