/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window that shows one piece like a museum label and steps through the grid's order. */

#define G_LOG_DOMAIN "vitrine-detail"

#include "config.h"

#include "vt-detail-window.h"

#include "vt-tooltip.h"

#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

/* Square sizes asked of the thumbnailer, in device pixels: a quick
 * preview (usually already in its cache from the grid) and the picture
 * for the screen, at least the largest cached thumbnail. */
#define PREVIEW_SIZE 256
#define SCREEN_MIN_SIZE 1024
#define SCREEN_MAX_SIZE 4096
/* Screens this wide (logical pixels) get the label in large type. */
#define LARGE_SCREEN_WIDTH 2560
/* The full-size view refuses originals above this many pixels a side. */
#define FULL_MAX_SIZE 16384

/* The rows of the attribute table, in the order the collection publishes them. */
typedef enum
{
  ATTRIBUTE_DECADE,
  ATTRIBUTE_YEAR,
  ATTRIBUTE_REGION,
  ATTRIBUTE_COUNTRIES,
  ATTRIBUTE_POLITICS,
  ATTRIBUTE_CONFLICT,
  ATTRIBUTE_TYPE,
  ATTRIBUTE_IMPACT,
  ATTRIBUTE_ARTIST,
  ATTRIBUTE_GROUP,
  ATTRIBUTE_NUMBER,
  ATTRIBUTE_PRICE,
  N_ATTRIBUTES
} Attribute;

static const struct
{
  const char *name;   /* the widget name of the value, for tests and CSS */
  const char *label;
} attributes[N_ATTRIBUTES] = {
  [ATTRIBUTE_DECADE] = { "decade", N_("Decade") },
  [ATTRIBUTE_YEAR] = { "year", N_("Year") },
  [ATTRIBUTE_REGION] = { "region", N_("Region") },
  [ATTRIBUTE_COUNTRIES] = { "countries", N_("Countries") },
  [ATTRIBUTE_POLITICS] = { "politics", N_("Politics") },
  [ATTRIBUTE_CONFLICT] = { "conflict", N_("Conflict") },
  [ATTRIBUTE_TYPE] = { "type", N_("Type") },
  [ATTRIBUTE_IMPACT] = { "impact", N_("Impact") },
  [ATTRIBUTE_ARTIST] = { "artist", N_("Artist") },
  [ATTRIBUTE_GROUP] = { "group", N_("Group") },
  [ATTRIBUTE_NUMBER] = { "number", N_("Number") },
  [ATTRIBUTE_PRICE] = { "price", N_("Price") },
};

struct _VtDetailWindow
{
  GtkWindow       parent_instance;

  GListModel     *model;
  VtThumbnailer  *thumbnailer;
  VtItem         *item;
  guint           position;
  guint           total;
  gboolean        full_size;

  /* The label page's picture: preview and screen size. */
  GCancellable   *image_cancellable;
  GdkTexture     *texture;
  int             texture_size;
  /* A hidden window loads no pictures: it loads the artwork when shown. */
  gboolean        artwork_pending;
  /* The placeholder is shown: there is nothing to see at full size. */
  gboolean        artwork_failed;
  /* The neighbours' pictures, loaded ahead into the thumbnailer's cache. */
  GCancellable   *prefetch_cancellable;
  /* The original, for the full-size view. */
  GCancellable   *full_cancellable;
  gboolean        full_loaded;

  GtkWidget      *attribute_keys[N_ATTRIBUTES];
  GtkWidget      *attribute_values[N_ATTRIBUTES];
  GtkWidget      *impact_label;
  GtkLevelBar    *impact_bar;

  /* Template children */
  GtkWidget      *previous_button;
  GtkWidget      *next_button;
  GtkWidget      *full_size_button;
  GtkLabel       *header_title;
  GtkLabel       *header_subtitle;
  GtkStack       *view_stack;
  GtkStack       *artwork_stack;
  GtkWidget      *artwork_button;
  GtkPicture     *picture;
  GtkSpinner     *spinner;
  GtkLabel       *placeholder_reason;
  GtkScrolledWindow *text_scroller;
  GtkWidget      *problem_box;
  GtkLabel       *problem_label;
  GtkLabel       *kicker_label;
  GtkLabel       *title_label;
  GtkLabel       *byline_label;
  GtkLabel       *about_label;
  GtkBox         *text_box;
  GtkGrid        *attributes_grid;
  GtkScrolledWindow *full_scroller;
  GtkPicture     *full_picture;
  GtkSpinner     *full_spinner;

  /* The full-size view centres the picture when its size changes. */
  gboolean        center_x;
  gboolean        center_y;
  /* Where a drag in the full-size view started. */
  double          drag_start_x;
  double          drag_start_y;
};

G_DEFINE_FINAL_TYPE (VtDetailWindow, vt_detail_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_THUMBNAILER,
  PROP_TOTAL,
  PROP_POSITION,
  PROP_ITEM,
  PROP_FULL_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One image request: which item it was for and how it is shown. */
typedef struct
{
  VtDetailWindow *self;   /* a reference */
  VtItem         *item;   /* a reference */
  int             size;
  int             width;  /* of the original, for the full-size view */
  int             height;
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

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
update_actions (VtDetailWindow *self)
{
  guint n_items = g_list_model_get_n_items (self->model);
  gboolean shown = self->item != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.previous",
                                 shown && self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.next",
                                 shown && self->position + 1 < n_items);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.full-size",
                                 self->full_size || (shown && !self->artwork_failed));
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
    text = g_strdup_printf (_("%u of %u"), self->position + 1, n_items);
  gtk_label_set_label (self->header_subtitle, or_empty (text));
  gtk_widget_set_visible (GTK_WIDGET (self->header_subtitle), text != NULL);
  update_actions (self);
}

static void load_original                  (VtDetailWindow *self);
static void vt_detail_window_set_full_size (VtDetailWindow *self,
                                            gboolean        full_size);

/* The label page */

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
text_label_new (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
set_attribute (VtDetailWindow *self,
               Attribute       attribute,
               const char     *text)
{
  gboolean visible = !is_empty (text);

  if (attribute != ATTRIBUTE_COUNTRIES && attribute != ATTRIBUTE_IMPACT)
    gtk_label_set_label (GTK_LABEL (self->attribute_values[attribute]), visible ? text : "");
  gtk_widget_set_visible (self->attribute_keys[attribute], visible);
  gtk_widget_set_visible (self->attribute_values[attribute], visible);
}

static void
show_countries (VtDetailWindow *self)
{
  const char * const *countries = vt_item_get_countries (self->item);
  GtkWidget *box = self->attribute_values[ATTRIBUTE_COUNTRIES];
  guint n = 0;

  remove_children (box);
  for (guint i = 0; countries[i] != NULL; i++)
    {
      if (is_empty (countries[i]))
        continue;
      gtk_box_append (GTK_BOX (box), text_label_new (countries[i], "vt-country"));
      n++;
    }
  gtk_label_set_label (GTK_LABEL (self->attribute_keys[ATTRIBUTE_COUNTRIES]),
                       ngettext ("Country", "Countries", n));
  set_attribute (self, ATTRIBUTE_COUNTRIES, n > 0 ? "-" : NULL);
}

static void
show_impact (VtDetailWindow *self)
{
  int impact = vt_item_get_impact (self->item);
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  if (impact != 0)
    {
      /* Translators: the impact of the event on a scale of 1 to 10 */
      text = g_strdup_printf (_("%d / 10"), impact);
      accessible = g_strdup_printf (_("Impact %d of 10"), impact);
      gtk_label_set_label (GTK_LABEL (self->impact_label), text);
      gtk_level_bar_set_value (self->impact_bar, CLAMP (impact, 0, 10));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->impact_bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }
  set_attribute (self, ATTRIBUTE_IMPACT, text);
}

static void
show_label (VtDetailWindow *self)
{
  VtItem *item = self->item;
  const char *title = vt_item_get_title (item);
  const char *group = vt_item_get_group (item);
  const char *problem = vt_item_get_problem (item);
  const char * const *text = vt_item_get_text (item);
  guint number = vt_item_get_number (item);
  g_autofree char *number_text = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *kicker = NULL;

  if (is_empty (title))
    title = _("Untitled");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_label (self->header_title, title);
  gtk_label_set_label (self->title_label, title);

  if (number != 0 && self->total != 0)
    /* Translators: the piece's number in its collection, "56 / 100" */
    number_text = g_strdup_printf (_("%u / %u"), number, self->total);
  else if (number != 0)
    number_text = g_strdup_printf ("%u", number);

  /* Above the title, in small capitals: "Genesis · 56 / 100". */
  if (!is_empty (group) && number_text != NULL)
    kicker = g_strdup_printf ("%s · %s", group, number_text);
  else if (number_text != NULL)
    kicker = g_strdup (number_text);
  else if (!is_empty (group))
    kicker = g_strdup (group);
  gtk_label_set_label (self->kicker_label, or_empty (kicker));
  gtk_widget_set_visible (GTK_WIDGET (self->kicker_label), kicker != NULL);

  gtk_label_set_label (self->byline_label, or_empty (vt_item_get_artist (item)));
  gtk_widget_set_visible (GTK_WIDGET (self->byline_label),
                          !is_empty (vt_item_get_artist (item)));

  gtk_label_set_label (self->about_label, or_empty (vt_item_get_about (item)));
  gtk_widget_set_visible (GTK_WIDGET (self->about_label), !is_empty (vt_item_get_about (item)));

  remove_children (GTK_WIDGET (self->text_box));
  for (guint i = 0; text[i] != NULL; i++)
    {
      GtkWidget *label;

      if (is_empty (text[i]))
        continue;
      label = text_label_new (text[i], "vt-paragraph");
      gtk_label_set_max_width_chars (GTK_LABEL (label), 62);
      gtk_box_append (self->text_box, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->text_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->text_box)) != NULL);

  if (vt_item_get_year (item) != 0)
    year_text = g_strdup_printf ("%d", vt_item_get_year (item));

  set_attribute (self, ATTRIBUTE_DECADE, vt_item_get_decade (item));
  set_attribute (self, ATTRIBUTE_YEAR, year_text);
  set_attribute (self, ATTRIBUTE_REGION, vt_item_get_region (item));
  show_countries (self);
  set_attribute (self, ATTRIBUTE_POLITICS, vt_item_get_politics (item));
  set_attribute (self, ATTRIBUTE_CONFLICT, vt_item_get_conflict (item));
  set_attribute (self, ATTRIBUTE_TYPE, vt_item_get_kind (item));
  show_impact (self);
  set_attribute (self, ATTRIBUTE_ARTIST, vt_item_get_artist (item));
  set_attribute (self, ATTRIBUTE_GROUP, group);
  set_attribute (self, ATTRIBUTE_NUMBER, number_text);
  set_attribute (self, ATTRIBUTE_PRICE, vt_item_get_price_text (item));

  gtk_label_set_label (self->problem_label, or_empty (problem));
  gtk_widget_set_visible (self->problem_box, !is_empty (problem));

  /* A new piece is read from its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->text_scroller), 0.0);
}

/* The artwork */

/* Moves the focus off the artwork before it goes, so that it lands on
 * the buttons rather than on text that focus would select. */
static void
focus_buttons (VtDetailWindow *self)
{
  if (!gtk_widget_grab_focus (self->next_button) &&
      !gtk_widget_grab_focus (self->previous_button))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

static void
show_placeholder (VtDetailWindow *self,
                  const char     *reason)
{
  if (gtk_widget_has_focus (self->artwork_button))
    focus_buttons (self);
  self->artwork_failed = TRUE;
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_label_set_label (self->placeholder_reason, or_empty (reason));
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->artwork_stack, "placeholder");
  vt_detail_window_set_full_size (self, FALSE);
  update_actions (self);
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
    load_original (self);
  update_actions (self);
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
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing to show: the thumbnailer keeps it in memory for the next step. */
  texture = vt_thumbnailer_load_finish (VT_THUMBNAILER (source), result, &error);
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

  texture = vt_thumbnailer_load_finish (VT_THUMBNAILER (source), result, &error);
  if (load_data_is_stale (data, error))
    return;

  if (texture != NULL)
    {
      /* The preview may come after the screen-size picture: keep the larger. */
      if (self->texture == NULL || data->size > self->texture_size)
        show_texture (self, texture, data->size);
      if (data->size > PREVIEW_SIZE)
        prefetch_neighbours (self);
    }
  else if (self->texture == NULL && data->size > PREVIEW_SIZE)
    {
      show_placeholder (self, error->message);
    }
  else if (data->size <= PREVIEW_SIZE)
    {
      g_debug ("No preview of %s: %s", vt_item_get_title (self->item), error->message);
    }
}

static void
load_artwork (VtDetailWindow *self)
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

  if (file == NULL)
    {
      show_placeholder (self, _("This piece has no image in the catalog."));
      update_actions (self);
      return;
    }

  self->image_cancellable = g_cancellable_new ();
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_stack_set_visible_child_name (self->artwork_stack, "picture");
  gtk_spinner_start (self->spinner);
  update_actions (self);

  /* The thumbnailer serves the newest request first: the preview, often
   * already in memory from the grid, shows while the large one decodes. */
  vt_thumbnailer_load_async (self->thumbnailer, file, screen_size (self),
                             self->image_cancellable, on_image_loaded_cb,
                             load_data_new (self, screen_size (self)));
  vt_thumbnailer_load_async (self->thumbnailer, file, PREVIEW_SIZE * scale,
                             self->image_cancellable, on_image_loaded_cb,
                             load_data_new (self, PREVIEW_SIZE));
}

static void
defer_artwork (VtDetailWindow *self)
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
  update_actions (self);
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

  texture = vt_thumbnailer_load_finish (VT_THUMBNAILER (source), result, &error);
  if (load_data_is_stale (data, error))
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

static void
stop_original (VtDetailWindow *self)
{
  g_cancellable_cancel (self->full_cancellable);
  g_clear_object (&self->full_cancellable);
  self->full_loaded = FALSE;
  gtk_picture_set_paintable (self->full_picture, NULL);
  show_full_spinner (self, FALSE);
}

static void
load_original (VtDetailWindow *self)
{
  GFile *file;
  g_autofree char *path = NULL;

  stop_original (self);
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
vt_detail_window_set_full_size (VtDetailWindow *self,
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
      load_original (self);
      gtk_stack_set_visible_child_name (self->view_stack, "full-size");
      gtk_widget_grab_focus (GTK_WIDGET (self->full_scroller));
    }
  else
    {
      stop_original (self);
      gtk_stack_set_visible_child_name (self->view_stack, "label");
      gtk_widget_grab_focus (self->artwork_button);
    }
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_SIZE]);
}

static void
on_artwork_clicked_cb (VtDetailWindow *self)
{
  vt_detail_window_set_full_size (self, TRUE);
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
  vt_detail_window_set_full_size (self, FALSE);
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
      show_label (self);
      if (self->full_size)
        stop_original (self);
      /* A hidden window follows the filter while the user types: it
       * loads the artwork only once it is shown. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        load_artwork (self);
      else
        defer_artwork (self);
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

  vt_detail_window_set_full_size (self, FALSE);
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

  if (self->item != NULL && self->position > 0)
    show_position (self, self->position - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);

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
    vt_detail_window_set_full_size (self, FALSE);
  else
    gtk_window_close (GTK_WINDOW (self));
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

/* The attribute table: a dim key and its value per row. */
static void
build_attributes (VtDetailWindow *self)
{
  for (guint i = 0; i < N_ATTRIBUTES; i++)
    {
      GtkWidget *key = gtk_label_new (_(attributes[i].label));
      GtkWidget *value;

      gtk_label_set_xalign (GTK_LABEL (key), 0.0);
      gtk_widget_set_valign (key, GTK_ALIGN_BASELINE);
      gtk_widget_add_css_class (key, "vt-attribute-key");

      if (i == ATTRIBUTE_COUNTRIES)
        {
          /* A column of names has no baseline of its own in GTK 4.8:
           * its key aligns with the first name by the style sheet. */
          value = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          gtk_widget_set_valign (key, GTK_ALIGN_START);
          gtk_widget_add_css_class (key, "vt-attribute-key-top");
        }
      else if (i == ATTRIBUTE_IMPACT)
        {
          value = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
          self->impact_label = text_label_new (NULL, NULL);
          gtk_widget_set_name (self->impact_label, "impact-text");
          self->impact_bar = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0.0, 10.0));
          gtk_level_bar_set_mode (self->impact_bar, GTK_LEVEL_BAR_MODE_DISCRETE);
          /* An impact is not good or bad: one colour for every level. */
          gtk_level_bar_remove_offset_value (self->impact_bar, GTK_LEVEL_BAR_OFFSET_LOW);
          gtk_level_bar_remove_offset_value (self->impact_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
          gtk_level_bar_remove_offset_value (self->impact_bar, GTK_LEVEL_BAR_OFFSET_FULL);
          gtk_widget_set_valign (GTK_WIDGET (self->impact_bar), GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (GTK_WIDGET (self->impact_bar), "vt-impact-bar");
          gtk_box_append (GTK_BOX (value), self->impact_label);
          gtk_box_append (GTK_BOX (value), GTK_WIDGET (self->impact_bar));
        }
      else
        {
          value = text_label_new (NULL, NULL);
        }
      gtk_widget_set_name (value, attributes[i].name);
      gtk_widget_set_hexpand (value, TRUE);
      gtk_widget_set_valign (value,
                             i == ATTRIBUTE_COUNTRIES ? GTK_ALIGN_START : GTK_ALIGN_BASELINE);
      gtk_widget_add_css_class (value, "vt-attribute-value");

      gtk_grid_attach (self->attributes_grid, key, 0, i, 1, 1);
      gtk_grid_attach (self->attributes_grid, value, 1, i, 1, 1);
      self->attribute_keys[i] = key;
      self->attribute_values[i] = value;
    }
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
    load_artwork (self);
}

static void
vt_detail_window_unmap (GtkWidget *widget)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);

  /* Hidden before the picture for the screen came: stop, and load it
   * again when shown. The pictures ahead are not needed any more. */
  g_cancellable_cancel (self->prefetch_cancellable);
  g_clear_object (&self->prefetch_cancellable);
  if (self->item != NULL && self->texture_size <= PREVIEW_SIZE)
    defer_artwork (self);

  GTK_WIDGET_CLASS (vt_detail_window_parent_class)->unmap (widget);
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
      vt_detail_window_set_full_size (self, g_value_get_boolean (value));
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vitrine/Vitrine/ui/vt-detail-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, previous_button);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, full_size_button);
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

  gtk_widget_class_install_action (widget_class, "detail.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "detail.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "detail.close", NULL, close_action);
  gtk_widget_class_install_property_action (widget_class, "detail.full-size", "full-size");
  gtk_widget_class_install_action (widget_class, "detail.pan", "(ii)", pan_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "detail.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "detail.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "detail.full-size", NULL);
}

static void
vt_detail_window_init (VtDetailWindow *self)
{
  GtkGesture *click;
  GtkGesture *drag;

  self->position = GTK_INVALID_LIST_POSITION;

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style (GTK_WIDGET (self));

  /* Set here rather than in the template: see vt-tooltip.c. */
  vt_widget_set_tooltip (self->previous_button, _("Previous Piece (Left or Page Up)"));
  vt_widget_set_tooltip (self->next_button, _("Next Piece (Right or Page Down)"));
  vt_widget_set_tooltip (self->full_size_button, _("Full Size (F)"));
  vt_widget_set_tooltip (self->artwork_button, _("Show at full size"));
  build_attributes (self);

  /* Connected here rather than in the template, so that
   * gtk4-builder-tool can validate the template on its own. */
  g_signal_connect_object (self->artwork_button, "clicked", G_CALLBACK (on_artwork_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_cursor_from_name (self->artwork_button, "zoom-in");
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->full_scroller), "zoom-out");

  /* In the full-size view a click goes back and a drag moves the picture. */
  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", G_CALLBACK (on_full_click_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->full_scroller), GTK_EVENT_CONTROLLER (click));
  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_full_drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_full_drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->full_scroller), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->full_scroller), "changed",
                           G_CALLBACK (on_full_adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->full_scroller), "changed",
                           G_CALLBACK (on_full_adjustment_changed_cb), self, G_CONNECT_SWAPPED);
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

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      show_position (self, position);
    }
  else
    {
      /* A window opened again starts on the label, not on a full-size
       * picture, with the focus on the artwork (or the buttons when
       * there is none) rather than on text that focus would select. */
      vt_detail_window_set_full_size (self, FALSE);
      show_position (self, position);
      if (!gtk_widget_grab_focus (self->artwork_button))
        focus_buttons (self);
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

guint
vt_detail_window_get_total (VtDetailWindow *self)
{
  g_return_val_if_fail (VT_IS_DETAIL_WINDOW (self), 0);

  return self->total;
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
    show_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}
