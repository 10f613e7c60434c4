/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The show: a full-screen window on the chosen monitor, the artwork as large as the screen allows, and its caption. */

#define G_LOG_DOMAIN "vitrine-show"

#include "config.h"

#include "vt-show-window.h"

#include "vt-accessible.h"
#include "vt-texture.h"

#include <glib/gi18n.h>

/*
 * Two slides take turns in a stack: the next piece is set on the one not
 * shown, then the stack switches (at once for a key, with a cross-fade
 * for the timer's step when the desktop allows animations). The pictures
 * of the pieces on either side are asked for as soon as a piece shows,
 * so a step finds its picture ready; a jump to a piece whose picture is
 * not ready leaves the last one on the screen until it comes, so the
 * screen never shows an empty frame.
 */

/* The margin around a slide, as a part of the screen's height. */
#define MARGIN_PER_MILLE 40

#define FADE_MS 800
#define POINTER_HIDE_MS 2000
#define STATUS_MS 1500

typedef struct
{
  GtkWidget  *box;
  GtkPicture *picture;
  GtkWidget  *caption;
  GtkLabel   *title;
  GtkLabel   *facts;
  GtkLabel   *about;
  GtkLabel     *text;
  VtShowLayout  layout;
} Slide;

/* A picture of a piece, ready or on its way. Kept as the thumbnailer's
 * pixbuf: its texture is made when it goes on the screen, and goes with
 * it, so that the renderer's copy of it (a cairo surface, or a GL
 * texture) lives only while it is shown. */
typedef struct
{
  VtItem       *item;
  GdkPixbuf    *pixbuf;
  gboolean      done;
  GCancellable *cancellable;
} Entry;

struct _VtShowWindow
{
  GtkWindow      parent_instance;

  VtShow        *show;
  VtThumbnailer *thumbnailer;
  GdkMonitor    *monitor;
  GPtrArray     *entries;
  Slide          slides[2];
  guint          front;
  VtItem        *shown_item;
  /* The piece whose picture is awaited, and how it is to come in. */
  VtItem        *pending_item;
  VtShowStep     pending_step;

  guint          inhibit_cookie;
  guint          pointer_source;
  gboolean       pointer_hidden;
  double         pointer_x;
  double         pointer_y;
  guint          status_source;

  /* Template children */
  GtkStack      *slides_stack;
  GtkWidget     *blank;
  GtkLabel      *number_label;
  GtkLabel      *status_label;
};

G_DEFINE_FINAL_TYPE (VtShowWindow, vt_show_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SHOW,
  PROP_THUMBNAILER,
  PROP_MONITOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (Entry *entry)
{
  g_cancellable_cancel (entry->cancellable);
  g_clear_object (&entry->cancellable);
  g_clear_object (&entry->item);
  g_clear_object (&entry->pixbuf);
  g_free (entry);
}

/* The screen's size in logical pixels, and its scale. */
static void
get_screen (VtShowWindow *self,
            int          *width,
            int          *height,
            int          *scale)
{
  GdkRectangle geometry = { 0, 0, 1920, 1080 };
  int factor = 1;

  if (self->monitor != NULL)
    {
      gdk_monitor_get_geometry (self->monitor, &geometry);
      factor = gdk_monitor_get_scale_factor (self->monitor);
    }
  *width = MAX (geometry.width, 1);
  *height = MAX (geometry.height, 1);
  if (scale != NULL)
    *scale = MAX (factor, 1);
}

/* Slides */

static GtkLabel *
slide_label (Slide      *slide,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (slide->caption), label);
  return GTK_LABEL (label);
}

static void
build_slide (VtShowWindow *self,
             Slide        *slide,
             const char   *name)
{
  slide->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (slide->box, "vt-show-slide");

  slide->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (slide->picture, TRUE);
  gtk_picture_set_content_fit (slide->picture, GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_hexpand (GTK_WIDGET (slide->picture), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (slide->picture), TRUE);
  gtk_box_append (GTK_BOX (slide->box), GTK_WIDGET (slide->picture));

  slide->caption = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (slide->caption, "vt-show-caption");
  gtk_box_append (GTK_BOX (slide->box), slide->caption);
  slide->title = slide_label (slide, "vt-show-title");
  slide->facts = slide_label (slide, "vt-show-meta");
  slide->about = slide_label (slide, "vt-show-about");
  slide->text = slide_label (slide, "vt-show-text");
  gtk_label_set_ellipsize (slide->title, PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (slide->about, PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (slide->text, PANGO_ELLIPSIZE_END);

  gtk_stack_add_named (self->slides_stack, slide->box, name);
}

/* Beside a caption, the artwork and the caption make one group in the
 * middle of the screen: the room the artwork does not fill goes to the
 * margins. Alone or above its caption it takes all the room there is. */
static void
layout_slide (VtShowWindow *self,
              Slide        *slide)
{
  GdkPaintable *paintable = gtk_picture_get_paintable (slide->picture);
  gboolean captioned = slide->layout == VT_SHOW_LAYOUT_TEXT || vt_show_get_caption_shown (self->show);
  int width, height, margin, caption, start, end;

  gtk_widget_set_visible (slide->caption, captioned);

  get_screen (self, &width, &height, NULL);
  margin = start = end = height * MARGIN_PER_MILLE / 1000;
  caption = width * VT_SHOW_SIDE_CAPTION_PER_MILLE / 1000 - margin;
  if (captioned && slide->layout == VT_SHOW_LAYOUT_SIDE && paintable != NULL)
    {
      int image_width = gdk_paintable_get_intrinsic_width (paintable);
      int image_height = gdk_paintable_get_intrinsic_height (paintable);
      int room = width - 3 * margin - caption;
      double scale = MIN ((double) room / image_width, (double) (height - 2 * margin) / image_height);
      int left_over = MAX (0, room - (int) (image_width * scale));

      start += left_over / 2;
      end += left_over - left_over / 2;
    }
  gtk_widget_set_margin_start (slide->box, start);
  gtk_widget_set_margin_end (slide->box, end);
}

/* Sets @item on @slide, laid out for the screen. */
static void
fill_slide (VtShowWindow *self,
            Slide        *slide,
            VtItem       *item,
            GdkTexture   *texture)
{
  GtkLabel *labels[] = { slide->title, slide->facts, slide->about, slide->text };
  g_autofree char *facts = vt_show_describe_facts (item);
  g_autofree char *text = g_strjoinv ("\n\n", (char **) vt_item_get_text (item));
  g_autofree char *accessible = NULL;
  int width, height, title_px, body_px, margin, spacing;
  float xalign;

  get_screen (self, &width, &height, NULL);
  vt_show_caption_sizes (height, &title_px, &body_px);
  margin = height * MARGIN_PER_MILLE / 1000;
  spacing = margin;

  slide->layout = texture != NULL
                  ? vt_show_choose_layout (width - 2 * margin, height - 2 * margin,
                                           gdk_texture_get_width (texture),
                                           gdk_texture_get_height (texture))
                  : VT_SHOW_LAYOUT_TEXT;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (slide->box),
                                  slide->layout == VT_SHOW_LAYOUT_SIDE
                                  ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (slide->box), spacing);
  gtk_widget_set_margin_top (slide->box, margin);
  gtk_widget_set_margin_bottom (slide->box, margin);

  gtk_picture_set_paintable (slide->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (slide->picture), texture != NULL);
  /* Translators: what a screen reader says of the picture shown, "Artwork: 1956 - Hungarian Revolution" */
  accessible = g_strdup_printf (_("Artwork: %s"), vt_item_get_title (item));
  gtk_picture_set_alternative_text (slide->picture, accessible);
  /* GTK 4.8 does not name a picture by its alternative text. */
  vt_accessible_set_label (GTK_WIDGET (slide->picture), accessible);

  switch (slide->layout)
    {
    case VT_SHOW_LAYOUT_SIDE:
      xalign = 0.0;
      gtk_widget_set_size_request (slide->caption, width * VT_SHOW_SIDE_CAPTION_PER_MILLE / 1000 - margin, -1);
      gtk_label_set_lines (slide->title, 4);
      gtk_widget_set_valign (slide->caption, GTK_ALIGN_CENTER);
      gtk_widget_set_halign (slide->caption, GTK_ALIGN_FILL);
      gtk_widget_set_vexpand (slide->caption, FALSE);
      gtk_label_set_lines (slide->about, 10);
      break;

    case VT_SHOW_LAYOUT_BELOW:
      xalign = 0.5;
      gtk_widget_set_size_request (slide->caption, -1, -1);
      gtk_label_set_lines (slide->title, 2);
      gtk_widget_set_valign (slide->caption, GTK_ALIGN_END);
      gtk_widget_set_halign (slide->caption, GTK_ALIGN_CENTER);
      gtk_widget_set_vexpand (slide->caption, FALSE);
      gtk_label_set_lines (slide->about, 2);
      break;

    case VT_SHOW_LAYOUT_TEXT:
    default:
      xalign = 0.0;
      gtk_widget_set_size_request (slide->caption, width * 7 / 10, -1);
      gtk_label_set_lines (slide->title, 3);
      gtk_widget_set_valign (slide->caption, GTK_ALIGN_CENTER);
      gtk_widget_set_halign (slide->caption, GTK_ALIGN_CENTER);
      gtk_widget_set_vexpand (slide->caption, TRUE);
      gtk_label_set_lines (slide->about, 4);
      gtk_label_set_lines (slide->text, MAX (2, height / 2 / (body_px * 3 / 2)));
      break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      /* Wrapped at the caption's width rather than asking for the
       * width of their longest line. */
      gtk_label_set_max_width_chars (labels[i], slide->layout == VT_SHOW_LAYOUT_BELOW ? 60 : 1);
      gtk_label_set_xalign (labels[i], xalign);
      gtk_label_set_justify (labels[i], xalign > 0 ? GTK_JUSTIFY_CENTER : GTK_JUSTIFY_LEFT);
    }
  /* Larger type still when the text is all the screen shows. */
  if (slide->layout == VT_SHOW_LAYOUT_TEXT)
    {
      title_px = title_px * 3 / 2;
      body_px = body_px * 4 / 3;
    }
  vt_show_set_label_size (slide->title, title_px, TRUE, FALSE);
  vt_show_set_label_size (slide->facts, body_px, FALSE, FALSE);
  vt_show_set_label_size (slide->about, body_px, FALSE, TRUE);
  vt_show_set_label_size (slide->text, body_px, FALSE, FALSE);
  gtk_widget_set_margin_top (GTK_WIDGET (slide->facts), body_px / 3);
  gtk_widget_set_margin_top (GTK_WIDGET (slide->about), body_px);
  gtk_widget_set_margin_top (GTK_WIDGET (slide->text), body_px);

  gtk_label_set_text (slide->title, vt_item_get_title (item));
  gtk_label_set_text (slide->facts, facts);
  gtk_widget_set_visible (GTK_WIDGET (slide->facts), *facts != '\0');
  gtk_label_set_text (slide->about, vt_item_get_about (item));
  gtk_widget_set_visible (GTK_WIDGET (slide->about),
                          vt_item_get_about (item) != NULL && *vt_item_get_about (item) != '\0');
  gtk_label_set_text (slide->text, text);
  gtk_widget_set_visible (GTK_WIDGET (slide->text), slide->layout == VT_SHOW_LAYOUT_TEXT && *text != '\0');
  layout_slide (self, slide);
}

static Entry *
find_entry (VtShowWindow *self,
            VtItem       *item)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->item == item)
        return entry;
    }
  return NULL;
}

/* The slide not shown lets its picture go, once it has faded out. */
static void
on_transition_running_cb (VtShowWindow *self)
{
  if (!gtk_stack_get_transition_running (self->slides_stack))
    gtk_picture_set_paintable (self->slides[1 - self->front].picture, NULL);
}

/* Puts @item on the screen, with its picture from @entry. */
static void
show_slide (VtShowWindow *self,
            Entry        *entry,
            VtShowStep    step)
{
  Slide *back = &self->slides[1 - self->front];
  gboolean fade = step == VT_SHOW_STEP_AUTOMATIC
                  && self->shown_item != NULL
                  && gtk_widget_get_mapped (GTK_WIDGET (self));
  g_autoptr(GdkTexture) texture = entry->pixbuf != NULL ? vt_texture_for_pixbuf (entry->pixbuf) : NULL;
  gboolean animations;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animations, NULL);
  fill_slide (self, back, entry->item, texture);
  gtk_stack_set_transition_type (self->slides_stack,
                                 fade && animations ? GTK_STACK_TRANSITION_TYPE_CROSSFADE
                                                    : GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_set_transition_duration (self->slides_stack, FADE_MS);
  gtk_stack_set_visible_child (self->slides_stack, back->box);
  /* The slide going is not read, nor its emptied picture and labels. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (back->box), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->slides[self->front].box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  self->front = 1 - self->front;
  g_set_object (&self->shown_item, entry->item);
  g_clear_object (&self->pending_item);
  if (!gtk_stack_get_transition_running (self->slides_stack))
    on_transition_running_cb (self);
}

typedef struct
{
  VtShowWindow *self;   /* a reference */
  VtItem       *item;   /* a reference */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->item);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
on_picture_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = vt_thumbnailer_load_finish (VT_THUMBNAILER (source), result, &error);
  VtShowWindow *self = data->self;
  Entry *entry;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  entry = find_entry (self, data->item);
  if (entry == NULL)
    return;

  entry->done = TRUE;
  g_clear_object (&entry->cancellable);
  if (pixbuf != NULL)
    entry->pixbuf = g_steal_pointer (&pixbuf);
  else
    g_debug ("No picture of %s in the show: %s", vt_item_get_title (entry->item), error->message);

  if (self->pending_item == entry->item)
    show_slide (self, entry, self->pending_step);
}

/* The picture of @item, asked for when it is not ready or on its way. */
static Entry *
ensure_entry (VtShowWindow *self,
              VtItem       *item)
{
  Entry *entry = find_entry (self, item);
  LoadData *data;
  GFile *file;
  int width, height, scale;

  if (entry != NULL)
    return entry;

  entry = g_new0 (Entry, 1);
  entry->item = g_object_ref (item);
  g_ptr_array_add (self->entries, entry);

  file = vt_item_get_image (item);
  if (file == NULL)
    {
      entry->done = TRUE;
      return entry;
    }

  get_screen (self, &width, &height, &scale);
  entry->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->item = g_object_ref (item);
  /* Not kept in the thumbnailer's memory: the show holds the few it
   * needs here, 16 MB each at 2048 pixels. */
  vt_thumbnailer_load_full_async (self->thumbnailer, file, MAX (width, height) * scale,
                                  VT_THUMBNAILER_LOAD_UNKEPT, entry->cancellable,
                                  on_picture_loaded_cb, data);
  return entry;
}

/* Keeps the pictures of the piece shown and its two neighbours, and
 * only those. */
static void
update_entries (VtShowWindow *self)
{
  g_autoptr(VtItem) previous = vt_show_dup_item_at (self->show, -1);
  g_autoptr(VtItem) next = vt_show_dup_item_at (self->show, 1);
  VtItem *current = vt_show_get_item (self->show);

  for (guint i = self->entries->len; i > 0; i--)
    {
      Entry *entry = g_ptr_array_index (self->entries, i - 1);

      if (entry->item != current && entry->item != previous && entry->item != next
          && entry->item != self->shown_item)
        g_ptr_array_remove_index (self->entries, i - 1);
    }

  /* The newest request is served first: the piece shown last. */
  if (next != NULL)
    ensure_entry (self, next);
  if (previous != NULL)
    ensure_entry (self, previous);
  if (current != NULL)
    ensure_entry (self, current);
}

static void
on_stepped_cb (VtShowWindow *self,
               VtShowStep    step)
{
  VtItem *item = vt_show_get_item (self->show);
  Entry *entry;

  if (item == NULL)
    return;

  update_entries (self);
  entry = find_entry (self, item);
  if (entry->done)
    show_slide (self, entry, step);
  else
    {
      g_set_object (&self->pending_item, item);
      self->pending_step = step;
    }
  /* The picture shown before, no longer a neighbour, can go now. */
  update_entries (self);
}

/* What the presenter sees besides the piece */

static void
on_blank_changed_cb (VtShowWindow *self)
{
  VtShowBlank blank = vt_show_get_blank (self->show);

  gtk_widget_set_visible (self->blank, blank != VT_SHOW_BLANK_NONE);
  if (blank == VT_SHOW_BLANK_WHITE)
    gtk_widget_add_css_class (self->blank, "white");
  else
    gtk_widget_remove_css_class (self->blank, "white");
}

static void
on_caption_shown_changed_cb (VtShowWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->slides); i++)
    layout_slide (self, &self->slides[i]);
}

static void
on_typed_number_changed_cb (VtShowWindow *self)
{
  const char *typed = vt_show_get_typed_number (self->show);
  g_autofree char *text = NULL;

  if (*typed != '\0')
    /* Translators: shown while the presenter types the number of a piece to jump to */
    text = g_strdup_printf (_("Go to %s"), typed);
  gtk_label_set_text (self->number_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->number_label), text != NULL);
}

static gboolean
hide_status_cb (gpointer user_data)
{
  VtShowWindow *self = user_data;

  self->status_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  return G_SOURCE_REMOVE;
}

/* The automatic advance paused or resumed: said for a moment. */
static void
on_paused_changed_cb (VtShowWindow *self)
{
  if (vt_show_get_interval (self->show) == 0)
    return;
  gtk_label_set_text (self->status_label,
                      vt_show_get_paused (self->show) ? _("Paused") : _("Playing"));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  g_clear_handle_id (&self->status_source, g_source_remove);
  self->status_source = g_timeout_add (STATUS_MS, hide_status_cb, self);
}

static void
update_osd_size (VtShowWindow *self)
{
  int width, height, body_px;

  get_screen (self, &width, &height, NULL);
  vt_show_caption_sizes (height, NULL, &body_px);
  vt_show_set_label_size (self->number_label, body_px * 2, TRUE, FALSE);
  vt_show_set_label_size (self->status_label, body_px, TRUE, FALSE);
}

/* The pointer hides after a while still. */

static gboolean
hide_pointer_cb (gpointer user_data)
{
  VtShowWindow *self = user_data;

  self->pointer_source = 0;
  self->pointer_hidden = TRUE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  return G_SOURCE_REMOVE;
}

static void
restart_pointer_timer (VtShowWindow *self)
{
  g_clear_handle_id (&self->pointer_source, g_source_remove);
  self->pointer_source = g_timeout_add (POINTER_HIDE_MS, hide_pointer_cb, self);
}

static void
on_motion_cb (VtShowWindow             *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *motion)
{
  /* X sends a motion when a window appears under a still pointer. */
  if (ABS (x - self->pointer_x) < 1 && ABS (y - self->pointer_y) < 1)
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->pointer_hidden)
    {
      self->pointer_hidden = FALSE;
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
    }
  restart_pointer_timer (self);
}

static gboolean
on_key_pressed_cb (VtShowWindow          *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  return vt_show_handle_key (self->show, keyval, state);
}

static gboolean
on_close_request_cb (VtShowWindow *self)
{
  /* The show ends, and its windows close with it. */
  vt_show_end (self->show);
  return TRUE;
}

/* The monitor */

/* A monitor unplugged: the show moves to one that is left. */
static void
on_monitors_changed_cb (VtShowWindow *self,
                        guint         position,
                        guint         removed,
                        guint         added,
                        GListModel   *monitors)
{
  g_autoptr(GdkMonitor) monitor = NULL;

  if (self->monitor != NULL && vt_show_monitor_is_present (self->monitor))
    return;

  monitor = vt_show_choose_monitor (gtk_widget_get_display (GTK_WIDGET (self)), NULL, NULL, NULL);
  if (monitor != NULL)
    vt_show_window_set_monitor (self, monitor);
}

void
vt_show_window_set_monitor (VtShowWindow *self,
                            GdkMonitor   *monitor)
{
  GdkRectangle geometry;

  g_return_if_fail (VT_IS_SHOW_WINDOW (self));
  g_return_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor));

  if (monitor == NULL)
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
      g_autoptr(GdkMonitor) first = g_list_model_get_item (monitors, 0);

      if (first == NULL)
        return;
      vt_show_window_set_monitor (self, first);
      return;
    }

  g_set_object (&self->monitor, monitor);
  /* Without a window manager full screen does nothing: the window is
   * the screen's size anyway. */
  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
  gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
  update_osd_size (self);
  if (self->shown_item != NULL)
    {
      Entry *entry = find_entry (self, self->shown_item);

      if (entry != NULL)
        fill_slide (self, &self->slides[self->front], entry->item,
                    GDK_TEXTURE (gtk_picture_get_paintable (self->slides[self->front].picture)));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONITOR]);
}

/* GObject */

static void
vt_show_window_map (GtkWidget *widget)
{
  VtShowWindow *self = VT_SHOW_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  GTK_WIDGET_CLASS (vt_show_window_parent_class)->map (widget);

  /* The screen must not blank or lock while the audience watches. */
  if (app != NULL && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("A presentation is running"));
  restart_pointer_timer (self);
}

static void
release_inhibit (VtShowWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->inhibit_cookie != 0 && app != NULL)
    gtk_application_uninhibit (app, self->inhibit_cookie);
  self->inhibit_cookie = 0;
}

static void
vt_show_window_unmap (GtkWidget *widget)
{
  VtShowWindow *self = VT_SHOW_WINDOW (widget);

  release_inhibit (self);
  g_clear_handle_id (&self->pointer_source, g_source_remove);

  GTK_WIDGET_CLASS (vt_show_window_parent_class)->unmap (widget);
}

static void
on_ended_cb (VtShowWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
vt_show_window_constructed (GObject *object)
{
  VtShowWindow *self = VT_SHOW_WINDOW (object);
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

  G_OBJECT_CLASS (vt_show_window_parent_class)->constructed (object);

  g_assert (VT_IS_SHOW (self->show));
  if (self->thumbnailer == NULL)
    self->thumbnailer = g_object_ref (vt_thumbnailer_get_default ());
  if (self->monitor == NULL)
    vt_show_window_set_monitor (self, NULL);

  g_signal_connect_object (self->show, "stepped", G_CALLBACK (on_stepped_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->show, "ended", G_CALLBACK (on_ended_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->show, "notify::blank", G_CALLBACK (on_blank_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->show, "notify::caption-shown",
                           G_CALLBACK (on_caption_shown_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->show, "notify::typed-number",
                           G_CALLBACK (on_typed_number_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->show, "notify::paused",
                           G_CALLBACK (on_paused_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (monitors, "items-changed",
                           G_CALLBACK (on_monitors_changed_cb), self, G_CONNECT_SWAPPED);

  on_blank_changed_cb (self);
  on_typed_number_changed_cb (self);
  on_stepped_cb (self, VT_SHOW_STEP_MANUAL);
}

static void
vt_show_window_dispose (GObject *object)
{
  VtShowWindow *self = VT_SHOW_WINDOW (object);

  release_inhibit (self);
  g_clear_handle_id (&self->pointer_source, g_source_remove);
  g_clear_handle_id (&self->status_source, g_source_remove);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->shown_item);
  g_clear_object (&self->pending_item);
  g_clear_object (&self->monitor);
  g_clear_object (&self->thumbnailer);

  if (self->slides_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->slides_stack, on_transition_running_cb, self);
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_SHOW_WINDOW);

  G_OBJECT_CLASS (vt_show_window_parent_class)->dispose (object);
}

static void
vt_show_window_finalize (GObject *object)
{
  VtShowWindow *self = VT_SHOW_WINDOW (object);

  g_clear_object (&self->show);

  G_OBJECT_CLASS (vt_show_window_parent_class)->finalize (object);
}

static void
vt_show_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VtShowWindow *self = VT_SHOW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW:
      g_value_set_object (value, self->show);
      break;
    case PROP_THUMBNAILER:
      g_value_set_object (value, self->thumbnailer);
      break;
    case PROP_MONITOR:
      g_value_set_object (value, self->monitor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_show_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VtShowWindow *self = VT_SHOW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW:
      self->show = g_value_dup_object (value);
      break;
    case PROP_THUMBNAILER:
      self->thumbnailer = g_value_dup_object (value);
      break;
    case PROP_MONITOR:
      if (g_value_get_object (value) != NULL)
        vt_show_window_set_monitor (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_show_window_class_init (VtShowWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vt_show_window_constructed;
  object_class->dispose = vt_show_window_dispose;
  object_class->finalize = vt_show_window_finalize;
  object_class->get_property = vt_show_window_get_property;
  object_class->set_property = vt_show_window_set_property;
  widget_class->map = vt_show_window_map;
  widget_class->unmap = vt_show_window_unmap;

  properties[PROP_SHOW] =
    g_param_spec_object ("show", NULL, NULL, VT_TYPE_SHOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THUMBNAILER] =
    g_param_spec_object ("thumbnailer", NULL, NULL, VT_TYPE_THUMBNAILER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MONITOR] =
    g_param_spec_object ("monitor", NULL, NULL, GDK_TYPE_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTK_TYPE_OVERLAY);
  g_type_ensure (GTK_TYPE_STACK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vitrine/Vitrine/ui/vt-show-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtShowWindow, slides_stack);
  gtk_widget_class_bind_template_child (widget_class, VtShowWindow, blank);
  gtk_widget_class_bind_template_child (widget_class, VtShowWindow, number_label);
  gtk_widget_class_bind_template_child (widget_class, VtShowWindow, status_label);

  vt_show_class_install_actions (widget_class);
}

static void
vt_show_window_init (VtShowWindow *self)
{
  GtkEventController *controller;

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->pointer_x = self->pointer_y = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  vt_show_ensure_style (GTK_WIDGET (self));
  build_slide (self, &self->slides[0], "a");
  build_slide (self, &self->slides[1], "b");
  g_signal_connect_swapped (self->slides_stack, "notify::transition-running",
                            G_CALLBACK (on_transition_running_cb), self);

  /* Before any widget: every key of a clicker belongs to the show. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
}

/* Public API */

VtShowWindow *
vt_show_window_new (GtkApplication *application,
                    VtShow         *show,
                    VtThumbnailer  *thumbnailer,
                    GdkMonitor     *monitor)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (VT_IS_SHOW (show), NULL);
  g_return_val_if_fail (thumbnailer == NULL || VT_IS_THUMBNAILER (thumbnailer), NULL);
  g_return_val_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor), NULL);

  return g_object_new (VT_TYPE_SHOW_WINDOW,
                       "application", application,
                       "show", show,
                       "thumbnailer", thumbnailer,
                       "monitor", monitor,
                       NULL);
}

VtShow *
vt_show_window_get_show (VtShowWindow *self)
{
  g_return_val_if_fail (VT_IS_SHOW_WINDOW (self), NULL);

  return self->show;
}

GdkMonitor *
vt_show_window_get_monitor (VtShowWindow *self)
{
  g_return_val_if_fail (VT_IS_SHOW_WINDOW (self), NULL);

  return self->monitor;
}

VtItem *
vt_show_window_get_shown_item (VtShowWindow *self)
{
  g_return_val_if_fail (VT_IS_SHOW_WINDOW (self), NULL);

  return self->shown_item;
}

GdkTexture *
vt_show_window_get_shown_texture (VtShowWindow *self)
{
  g_return_val_if_fail (VT_IS_SHOW_WINDOW (self), NULL);

  return GDK_TEXTURE (gtk_picture_get_paintable (self->slides[self->front].picture));
}

VtShowLayout
vt_show_window_get_shown_layout (VtShowWindow *self)
{
  g_return_val_if_fail (VT_IS_SHOW_WINDOW (self), VT_SHOW_LAYOUT_TEXT);

  return self->slides[self->front].layout;
}

gboolean
vt_show_window_is_loaded (VtShowWindow *self,
                          VtItem       *item)
{
  Entry *entry;

  g_return_val_if_fail (VT_IS_SHOW_WINDOW (self), FALSE);

  entry = find_entry (self, item);
  return entry != NULL && entry->done;
}

guint
vt_show_window_get_inhibit_cookie (VtShowWindow *self)
{
  g_return_val_if_fail (VT_IS_SHOW_WINDOW (self), 0);

  return self->inhibit_cookie;
}

gboolean
vt_show_window_get_pointer_hidden (VtShowWindow *self)
{
  g_return_val_if_fail (VT_IS_SHOW_WINDOW (self), FALSE);

  return self->pointer_hidden;
}

GtkLabel *
vt_show_window_get_caption_label (VtShowWindow *self,
                                  guint         index)
{
  Slide *slide;

  g_return_val_if_fail (VT_IS_SHOW_WINDOW (self), NULL);
  g_return_val_if_fail (index < 3, NULL);

  slide = &self->slides[self->front];
  return index == 0 ? slide->title : index == 1 ? slide->facts : slide->about;
}
