/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline: the pieces as cards along a time axis, like a museum's wall, zoomable and scrollable. */

#define G_LOG_DOMAIN "vitrine-timeline"

#include "config.h"

#include "vt-timeline.h"
#include "vt-timeline-private.h"

#include "vt-accessible.h"
#include "vt-item.h"
#include "vt-tooltip.h"

#include <glib/gi18n.h>
#include <math.h>

/*
 * One widget draws the whole wall: decade bands, the axis and its ticks,
 * the cards and the clusters, and only those in view (its snapshot looks
 * the slots in view up in the layout, vt-timeline-layout.c). A wall of
 * 10,000 pieces is then no more widgets than one of 100. It scrolls as a
 * GtkScrollable (horizontally; the stacks fit the height); the zoom
 * control is its one child, in its lower right corner.
 *
 * Thumbnails: after each scroll or new layout, the pieces in view and
 * half a view on each side are asked of the thumbnailer, those in view
 * last (it serves the newest first); requests for pieces that left that
 * range are cancelled. The textures kept are bounded in bytes, least
 * recently in range out first; they share the thumbnailer's pixels.
 */

/* One wheel notch scrolls this far; Ctrl+wheel, pinch and the keys zoom by these. */
#define SCROLL_STEP 64.0
#define ZOOM_WHEEL_STEP 0.05
#define ZOOM_KEY_STEP 0.125

G_DEFINE_FINAL_TYPE_WITH_CODE (VtTimeline, vt_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_POSITION,
  PROP_ZOOM,
  N_PROPS,
  /* GtkScrollable's */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Geometry */

static double
stacks_height (VtTimeline *self,
               int         height)
{
  return MAX (0, height - TOP_HEIGHT - BOTTOM_HEIGHT - VT_TIMELINE_GAP);
}

/* Room for two lines of a card's title (measured in the widget's type,
 * a little larger than the title's). */
static double
title_height (VtTimeline *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag\nAg");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height + 6;
}

/* Logical pixels a year at @zoom, for a view @width wide. */
static double
px_per_year_at (VtTimeline *self,
                double      zoom,
                int         width)
{
  double fit = vt_timeline_layout_fit ((int *) self->years->data, self->years->len, width);
  double closest = MAX (fit, width / VT_TIMELINE_FEWEST_YEARS);

  return fit * pow (closest / fit, zoom);
}

static void
rebuild_layout (VtTimeline *self,
                int         width,
                int         height)
{
  g_clear_pointer (&self->layout, vt_timeline_layout_free);
  self->lift = 0;
  if (width <= 0 || height <= 0)
    return;

  self->layout = vt_timeline_layout_new ((int *) self->years->data, (int *) self->impacts->data,
                                         self->years->len, px_per_year_at (self, self->zoom, width),
                                         stacks_height (self, height), title_height (self));
  self->lift = MAX (0, stacks_height (self, height) - vt_timeline_layout_get_used_height (self->layout)) / 2;
}

/* A new layout for a new zoom or size: the focused piece may have gone
 * onto a pile, or off one, which its name says. (New pieces tell their
 * name once their focus is found again: on_items_changed_cb ().) */
static void
relayout (VtTimeline *self,
          int         width,
          int         height)
{
  rebuild_layout (self, width, height);
  _vt_timeline_update_accessible (self);
}

static void
configure_adjustment (VtTimeline *self,
                      double      value)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double upper = self->layout != NULL ? vt_timeline_layout_get_width (self->layout) : width;

  if (self->hadjustment == NULL)
    return;

  upper = MAX (upper, width);
  gtk_adjustment_configure (self->hadjustment, CLAMP (value, 0, upper - width), 0, upper,
                            width * 0.1, width * 0.9, width);
}

/* Scrolls as little as needed to show the focused card. */
static void
scroll_to_position (VtTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double value = _vt_timeline_scroll_value (self);
  VtTimelineRect card;

  if (self->layout == NULL || self->position >= self->years->len)
    {
      self->scroll_pending = self->position < self->years->len;
      return;
    }
  self->scroll_pending = FALSE;

  card = vt_timeline_layout_get_card (self->layout, self->position);
  if (card.x - VT_TIMELINE_GAP < value)
    value = card.x - VT_TIMELINE_GAP;
  else if (card.x + card.width + VT_TIMELINE_GAP > value + width)
    value = card.x + card.width + VT_TIMELINE_GAP - width;
  configure_adjustment (self, value);
}

/* Zoom */

/* The piece under @x, @y of the widget, or G_MAXUINT. */
static guint
piece_at (VtTimeline *self,
          double      x,
          double      y)
{
  if (self->layout == NULL)
    return G_MAXUINT;

  return vt_timeline_layout_pick (self->layout, x + _vt_timeline_scroll_value (self), y - _vt_timeline_stacks_top (self));
}

static double
card_center (VtTimeline *self,
             guint       position)
{
  VtTimelineRect card = vt_timeline_layout_get_card (self->layout, position);

  return card.x + card.width / 2;
}

/*
 * Zooms to @zoom keeping the piece at @piece where it is on the screen,
 * or, with none (G_MAXUINT), the year at @x.
 */
static void
zoom_around (VtTimeline *self,
             double      zoom,
             guint       piece,
             double      x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double year = 0;
  double offset = x;

  zoom = CLAMP (zoom, 0.0, 1.0);
  if (zoom == self->zoom)
    return;

  if (self->layout != NULL && piece < self->years->len)
    offset = card_center (self, piece) - _vt_timeline_scroll_value (self);
  else if (self->layout != NULL)
    year = vt_timeline_layout_x_to_year (self->layout, _vt_timeline_scroll_value (self) + x);
  self->zoom = zoom;
  relayout (self, width, height);
  if (self->layout != NULL && piece < self->years->len)
    configure_adjustment (self, card_center (self, piece) - offset);
  else if (self->layout != NULL)
    configure_adjustment (self, vt_timeline_layout_year_to_x (self->layout, year) - x);

  gtk_adjustment_set_value (self->zoom_adjustment, zoom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _vt_timeline_queue_update_thumbnails (self);
}

/* A zoom from the keys or the control holds the focused card still when
 * it is in view, else the middle of the view. */
static void
zoom_from_keys (VtTimeline *self,
                double      zoom)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->layout != NULL && self->position < self->years->len)
    {
      double x = card_center (self, self->position) - _vt_timeline_scroll_value (self);

      if (x >= 0 && x < width)
        {
          zoom_around (self, zoom, self->position, x);
          return;
        }
    }

  zoom_around (self, zoom, G_MAXUINT, width / 2.0);
}

static void
on_zoom_adjustment_changed_cb (VtTimeline *self)
{
  zoom_from_keys (self, gtk_adjustment_get_value (self->zoom_adjustment));
}

/* Size */

static void
vt_timeline_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  VtTimeline *self = VT_TIMELINE (widget);
  int box_min, box_nat;

  gtk_widget_measure (self->zoom_box, orientation, -1, &box_min, &box_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MAX (box_nat + 2 * VT_TIMELINE_MARGIN, 240);
  else
    *minimum = *natural = (int) (TOP_HEIGHT + BOTTOM_HEIGHT + VT_TIMELINE_MIN_CARD + 2 * VT_TIMELINE_GAP);
}

static void
vt_timeline_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  VtTimeline *self = VT_TIMELINE (widget);
  double year = 0;
  int box_width, box_height;

  /* The year at the left edge stays there when the window is resized. */
  if (self->layout != NULL)
    year = vt_timeline_layout_x_to_year (self->layout, _vt_timeline_scroll_value (self));
  relayout (self, width, height);
  if (self->layout != NULL)
    configure_adjustment (self, year != 0 ? vt_timeline_layout_year_to_x (self->layout, year) : 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, 0, 0, height, height * 0.1, height * 0.9, height);
  if (self->scroll_pending)
    scroll_to_position (self);

  gtk_widget_measure (self->zoom_box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &box_width, NULL, NULL);
  gtk_widget_measure (self->zoom_box, GTK_ORIENTATION_VERTICAL, box_width, NULL, &box_height, NULL, NULL);
  gtk_widget_size_allocate (self->zoom_box,
                            &(GtkAllocation) { width - box_width - 12, height - box_height - 10,
                                               box_width, box_height }, -1);

  _vt_timeline_queue_update_thumbnails (self);
}

/* Input */

static void
set_position (VtTimeline *self,
              guint       position)
{
  gboolean changed;

  if (self->model == NULL || position >= self->years->len)
    return;

  /* The same piece again is still scrolled into view. */
  changed = position != self->position;
  self->position = position;
  g_clear_object (&self->focused);
  self->focused = g_list_model_get_item (self->model, position);
  scroll_to_position (self);
  if (!changed)
    return;

  _vt_timeline_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _vt_timeline_queue_update_thumbnails (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtTimeline *self = VT_TIMELINE (widget);
  int step = g_variant_get_int32 (parameter);
  guint n = self->years->len;

  if (n == 0)
    return;
  if (self->position >= n)
    set_position (self, 0);
  else if (step < 0)
    set_position (self, self->position >= (guint) -step ? self->position + step : 0);
  else
    set_position (self, MIN (self->position + step, n - 1));
}

/* Up and Down stay in the stack, which is one year but at the widest zooms. */
static void
stack_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VtTimeline *self = VT_TIMELINE (widget);
  int step = g_variant_get_int32 (parameter);
  const VtTimelineSlot *slot;

  if (self->layout == NULL || self->position >= self->years->len)
    {
      set_position (self, 0);
      return;
    }

  slot = vt_timeline_layout_get_slot (self->layout, vt_timeline_layout_find_slot (self->layout, self->position));
  if (step > 0 && self->position + 1 < slot->first + slot->n_pieces)
    set_position (self, self->position + 1);
  else if (step < 0 && self->position > slot->first)
    set_position (self, self->position - 1);
}

static void
ends_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtTimeline *self = VT_TIMELINE (widget);

  gboolean end = g_variant_get_boolean (parameter);

  if (self->years->len == 0)
    return;

  set_position (self, end ? self->years->len - 1 : 0);
  /* The whole start or end of the axis, not only the card. */
  if (self->layout != NULL)
    configure_adjustment (self, end ? vt_timeline_layout_get_width (self->layout) : 0);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VtTimeline *self = VT_TIMELINE (widget);

  if (self->position < self->years->len)
    g_signal_emit (self, signals[ACTIVATE], 0, self->position);
}

static gboolean
on_scroll_cb (VtTimeline               *self,
              double                    dx,
              double                    dy,
              GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    {
      zoom_around (self, self->zoom - dy * ZOOM_WHEEL_STEP,
                   piece_at (self, self->pointer_x, self->pointer_y), self->pointer_x);
      return TRUE;
    }

  /* The wheel's usual up and down move along the years. */
  configure_adjustment (self, _vt_timeline_scroll_value (self) + (dx + dy) * SCROLL_STEP);
  return TRUE;
}

static void
on_motion_cb (VtTimeline *self,
              double      x,
              double      y)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
on_pinch_begin_cb (VtTimeline *self)
{
  self->pinch_start_ppy = self->layout != NULL ? vt_timeline_layout_get_px_per_year (self->layout) : 1;
}

static void
on_pinch_changed_cb (VtTimeline     *self,
                     double          scale,
                     GtkGestureZoom *gesture)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double fit = px_per_year_at (self, 0, width);
  double closest = px_per_year_at (self, 1, width);
  double x, y;

  if (closest <= fit)
    return;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = width / 2.0;
  zoom_around (self, log (self->pinch_start_ppy * scale / fit) / log (closest / fit), piece_at (self, x, y), x);
}

static void
on_drag_begin_cb (VtTimeline *self)
{
  self->drag_start_value = _vt_timeline_scroll_value (self);
}

static void
on_drag_update_cb (VtTimeline     *self,
                   double          offset_x,
                   double          offset_y,
                   GtkGestureDrag *gesture)
{
  if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) offset_x, (int) offset_y))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  configure_adjustment (self, self->drag_start_value - offset_x);
}

static void
on_click_released_cb (VtTimeline      *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  guint position;
  const VtTimelineSlot *slot;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->layout == NULL || self->years->len == 0)
    return;

  position = vt_timeline_layout_pick (self->layout, x + _vt_timeline_scroll_value (self), y - _vt_timeline_stacks_top (self));
  if (position == G_MAXUINT)
    return;

  slot = vt_timeline_layout_get_slot (self->layout, vt_timeline_layout_find_slot (self->layout, position));
  if (slot->cluster)
    {
      /* A cluster opens up: closer, around it. */
      set_position (self, position);
      zoom_around (self, self->zoom + 2 * ZOOM_KEY_STEP, position, x);
      return;
    }

  set_position (self, position);
  if (n_press == 2)
    g_signal_emit (self, signals[ACTIVATE], 0, position);
}

static void
on_focus_changed_cb (VtTimeline *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->position >= self->years->len && self->years->len > 0)
    set_position (self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Model */

static void
read_model (VtTimeline *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  g_array_set_size (self->years, n);
  g_array_set_size (self->impacts, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (self->model, i);

      g_array_index (self->years, int, i) = vt_item_get_year (item);
      g_array_index (self->impacts, int, i) = vt_item_get_impact (item);
    }
}

static void
on_items_changed_cb (VtTimeline *self)
{
  guint previous = self->position;

  read_model (self);
  _vt_timeline_forget_problems (self);
  /* At once rather than at the next allocation: every position the
   * layout gives must be one of the model's from now on. */
  rebuild_layout (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
  configure_adjustment (self, _vt_timeline_scroll_value (self));

  /* The focused piece stays focused wherever it went; gone, the focus
   * stays where it was. */
  self->position = GTK_INVALID_LIST_POSITION;
  for (guint i = 0; self->focused != NULL && i < self->years->len; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (self->model, i);

      if (item == self->focused)
        {
          self->position = i;
          break;
        }
    }
  if (self->position == GTK_INVALID_LIST_POSITION && previous != GTK_INVALID_LIST_POSITION
      && self->years->len > 0)
    {
      self->position = MIN (previous, self->years->len - 1);
      g_clear_object (&self->focused);
      self->focused = g_list_model_get_item (self->model, self->position);
    }
  else if (self->position == GTK_INVALID_LIST_POSITION)
    g_clear_object (&self->focused);

  _vt_timeline_update_accessible (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->position != previous)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/* GtkScrollable */

static void
on_hadjustment_changed_cb (VtTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _vt_timeline_queue_update_thumbnails (self);
}

static void
set_hadjustment (VtTimeline    *self,
                 GtkAdjustment *adjustment)
{
  if (self->hadjustment == adjustment)
    return;
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_hadjustment_changed_cb, self);
  g_set_object (&self->hadjustment, adjustment);
  if (adjustment != NULL)
    {
      g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_hadjustment_changed_cb), self);
      configure_adjustment (self, 0);
    }
}

/* GObject */

static void
vt_timeline_dispose (GObject *object)
{
  VtTimeline *self = VT_TIMELINE (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->thumbs != NULL)
    g_hash_table_remove_all (self->thumbs);
  self->texture_bytes = 0;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->focused);
  set_hadjustment (self, NULL);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->zoom_box, gtk_widget_unparent);
  g_clear_object (&self->zoom_adjustment);
  g_clear_object (&self->thumbnailer);

  G_OBJECT_CLASS (vt_timeline_parent_class)->dispose (object);
}

static void
vt_timeline_finalize (GObject *object)
{
  VtTimeline *self = VT_TIMELINE (object);

  g_clear_pointer (&self->thumbs, g_hash_table_unref);
  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->layout, vt_timeline_layout_free);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->impacts, g_array_unref);
  g_clear_pointer (&self->problems_before, g_array_unref);
  g_clear_pointer (&self->decades, g_strfreev);

  G_OBJECT_CLASS (vt_timeline_parent_class)->finalize (object);
}

static void
vt_timeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VtTimeline *self = VT_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_timeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VtTimeline *self = VT_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      vt_timeline_set_model (self, g_value_get_object (value));
      break;
    case PROP_POSITION:
      vt_timeline_set_position (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM:
      vt_timeline_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_hadjustment (self, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      g_set_object (&self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A key and its keypad twin. */
static void
add_binding (GtkWidgetClass *widget_class,
             guint           keyval,
             guint           kp_keyval,
             const char     *action,
             const char     *format,
             int             value)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, action, format, value);
  gtk_widget_class_add_binding_action (widget_class, kp_keyval, 0, action, format, value);
}

static void
vt_timeline_class_init (VtTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_timeline_dispose;
  object_class->finalize = vt_timeline_finalize;
  object_class->get_property = vt_timeline_get_property;
  object_class->set_property = vt_timeline_set_property;
  widget_class->snapshot = _vt_timeline_snapshot;
  widget_class->measure = vt_timeline_measure;
  widget_class->size_allocate = vt_timeline_size_allocate;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0, 1, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "timeline.step", "i", step_action);
  gtk_widget_class_install_action (widget_class, "timeline.stack", "i", stack_action);
  gtk_widget_class_install_action (widget_class, "timeline.ends", "b", ends_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);
  add_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, "timeline.step", "i", -1);
  add_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, "timeline.step", "i", 1);
  add_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, "timeline.stack", "i", 1);
  add_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, "timeline.stack", "i", -1);
  add_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, "timeline.ends", "b", FALSE);
  add_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, "timeline.ends", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "vt-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
zoom_button (const char *icon_name,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  vt_accessible_set_label (button, label);
  vt_widget_set_tooltip (button, label);
  return button;
}

static void
on_zoom_out_clicked_cb (VtTimeline *self)
{
  vt_timeline_zoom_step (self, -1);
}

static void
on_zoom_in_clicked_cb (VtTimeline *self)
{
  vt_timeline_zoom_step (self, 1);
}

static void
build_zoom_control (VtTimeline *self)
{
  GtkWidget *out = zoom_button ("zoom-out-symbolic", _("Zoom Out"));
  GtkWidget *in = zoom_button ("zoom-in-symbolic", _("Zoom In"));
  GtkWidget *scale;

  self->zoom_adjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 1, ZOOM_KEY_STEP, 2 * ZOOM_KEY_STEP, 0));
  scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, self->zoom_adjustment);
  gtk_widget_set_size_request (scale, 140, -1);
  /* Translators: the name a screen reader gives the timeline's zoom slider */
  vt_accessible_set_label (scale, _("Timeline zoom"));

  self->zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (self->zoom_box, "vt-timeline-zoom");
  gtk_box_append (GTK_BOX (self->zoom_box), out);
  gtk_box_append (GTK_BOX (self->zoom_box), scale);
  gtk_box_append (GTK_BOX (self->zoom_box), in);
  gtk_widget_set_parent (self->zoom_box, GTK_WIDGET (self));

  g_signal_connect_swapped (out, "clicked", G_CALLBACK (on_zoom_out_clicked_cb), self);
  g_signal_connect_swapped (in, "clicked", G_CALLBACK (on_zoom_in_clicked_cb), self);
  g_signal_connect_swapped (self->zoom_adjustment, "value-changed",
                            G_CALLBACK (on_zoom_adjustment_changed_cb), self);
}

static void
vt_timeline_init (VtTimeline *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->position = GTK_INVALID_LIST_POSITION;
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->impacts = g_array_new (FALSE, FALSE, sizeof (int));
  self->problems_before = g_array_new (FALSE, FALSE, sizeof (guint));
  self->thumbs = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) _vt_timeline_thumb_free);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  build_zoom_control (self);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_changed_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (on_pinch_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (on_pinch_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  _vt_timeline_update_accessible (self);
}

GtkWidget *
vt_timeline_new (VtThumbnailer *thumbnailer)
{
  VtTimeline *self;

  g_return_val_if_fail (VT_IS_THUMBNAILER (thumbnailer), NULL);

  self = g_object_new (VT_TYPE_TIMELINE, NULL);
  self->thumbnailer = g_object_ref (thumbnailer);
  return GTK_WIDGET (self);
}

GListModel *
vt_timeline_get_model (VtTimeline *self)
{
  g_return_val_if_fail (VT_IS_TIMELINE (self), NULL);

  return self->model;
}

void
vt_timeline_set_model (VtTimeline *self,
                       GListModel *model)
{
  g_return_if_fail (VT_IS_TIMELINE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);

  g_clear_object (&self->focused);
  self->position = GTK_INVALID_LIST_POSITION;
  if (self->thumbs != NULL)
    g_hash_table_remove_all (self->thumbs);
  self->texture_bytes = 0;
  on_items_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

guint
vt_timeline_get_position (VtTimeline *self)
{
  g_return_val_if_fail (VT_IS_TIMELINE (self), GTK_INVALID_LIST_POSITION);

  return self->position;
}

void
vt_timeline_set_position (VtTimeline *self,
                          guint       position)
{
  g_return_if_fail (VT_IS_TIMELINE (self));

  set_position (self, position);
}

double
vt_timeline_get_zoom (VtTimeline *self)
{
  g_return_val_if_fail (VT_IS_TIMELINE (self), 0);

  return self->zoom;
}

void
vt_timeline_set_zoom (VtTimeline *self,
                      double      zoom)
{
  g_return_if_fail (VT_IS_TIMELINE (self));

  zoom_from_keys (self, zoom);
}

void
vt_timeline_zoom_step (VtTimeline *self,
                       int         direction)
{
  g_return_if_fail (VT_IS_TIMELINE (self));

  zoom_from_keys (self, self->zoom + (direction > 0 ? ZOOM_KEY_STEP : -ZOOM_KEY_STEP));
}

guint
vt_timeline_get_n_undated (VtTimeline *self)
{
  g_return_val_if_fail (VT_IS_TIMELINE (self), 0);

  return self->n_undated;
}

void
vt_timeline_set_n_undated (VtTimeline *self,
                           guint       n_undated)
{
  g_return_if_fail (VT_IS_TIMELINE (self));

  if (self->n_undated == n_undated)
    return;
  self->n_undated = n_undated;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
vt_timeline_set_highlighted_decades (VtTimeline         *self,
                                     const char * const *decades)
{
  g_return_if_fail (VT_IS_TIMELINE (self));

  g_strfreev (self->decades);
  self->decades = g_strdupv ((char **) decades);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const VtTimelineLayout *
vt_timeline_get_layout (VtTimeline *self)
{
  g_return_val_if_fail (VT_IS_TIMELINE (self), NULL);

  return self->layout;
}

