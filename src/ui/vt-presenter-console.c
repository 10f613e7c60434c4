/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The presenter console: the piece shown, the next one, notes, time, and every control of the show. */

#define G_LOG_DOMAIN "vitrine-show"

#include "config.h"

#include "vt-presenter-console.h"

#include "vt-accessible.h"
#include "vt-show-window.h"
#include "vt-texture.h"
#include "vt-tooltip.h"

#include <glib/gi18n.h>

/* The console's pictures come from the thumbnail cache: big enough for
 * a laptop's window, and already made by the grid. */
#define PICTURE_SIZE VT_THUMBNAILER_MAX_CACHED_SIZE

struct _VtPresenterConsole
{
  GtkWindow      parent_instance;

  VtShow        *show;
  VtThumbnailer *thumbnailer;
  GCancellable  *cancellable;
  guint          clock_source;

  /* Template children */
  GtkButton     *end_button;
  GtkPicture    *current_picture;
  GtkLabel      *current_title;
  GtkLabel      *counter_label;
  GtkLabel      *state_label;
  GtkLabel      *elapsed_label;
  GtkLabel      *clock_label;
  GtkPicture    *next_picture;
  GtkLabel      *next_title;
  GtkScrolledWindow *notes_scroller;
  GtkLabel      *notes_label;
  GtkButton     *first_button;
  GtkButton     *previous_button;
  GtkButton     *next_button;
  GtkButton     *last_button;
  GtkButton     *black_button;
  GtkButton     *white_button;
  GtkButton     *caption_button;
  GtkButton     *pause_button;
};

G_DEFINE_FINAL_TYPE (VtPresenterConsole, vt_presenter_console, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SHOW,
  PROP_THUMBNAILER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_picture_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = vt_thumbnailer_load_finish (VT_THUMBNAILER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pixbuf != NULL)
    {
      g_autoptr(GdkTexture) texture = vt_texture_for_pixbuf (pixbuf);

      gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
    }
}

static void
load_picture (VtPresenterConsole *self,
              GtkPicture         *picture,
              VtItem             *item)
{
  GFile *file = item != NULL ? vt_item_get_image (item) : NULL;

  gtk_picture_set_paintable (picture, NULL);
  if (file != NULL)
    vt_thumbnailer_load_async (self->thumbnailer, file, PICTURE_SIZE,
                               self->cancellable, on_picture_loaded_cb, g_object_ref (picture));
}

static void
update_clock (VtPresenterConsole *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *elapsed = vt_show_format_elapsed (vt_show_get_elapsed (self->show));
  g_autofree char *clock = g_date_time_format (now, "%X");
  g_autofree char *elapsed_name = NULL;

  gtk_label_set_text (self->elapsed_label, elapsed);
  gtk_label_set_text (self->clock_label, clock);
  /* Translators: what a screen reader says of the time since the show started, "Elapsed 12:05" */
  elapsed_name = g_strdup_printf (_("Elapsed %s"), elapsed);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->elapsed_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, elapsed_name, -1);
}

static gboolean
clock_cb (gpointer user_data)
{
  update_clock (user_data);
  return G_SOURCE_CONTINUE;
}

/* Named as the show window names its picture; no piece, no name, and
 * nothing to read. */
static void
name_picture (GtkPicture *picture,
              VtItem     *item)
{
  g_autofree char *accessible = NULL;

  gtk_accessible_update_state (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_STATE_HIDDEN, item == NULL, -1);
  if (item == NULL)
    return;
  /* Translators: what a screen reader says of the picture shown, "Artwork: 1956 - Hungarian Revolution" */
  accessible = g_strdup_printf (_("Artwork: %s"), vt_item_get_title (item));
  vt_accessible_set_label (GTK_WIDGET (picture), accessible);
}

static void
on_stepped_cb (VtPresenterConsole *self)
{
  VtItem *item = vt_show_get_item (self->show);
  g_autoptr(VtItem) next = vt_show_dup_item_at (self->show, 1);
  g_autofree char *counter = NULL;
  g_autofree char *notes = NULL;
  guint n_items = vt_show_get_n_items (self->show);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Translators: the presenter console's count, "Piece 12 of 40" */
  counter = g_strdup_printf (_("Piece %'u of %'u"), item != NULL ? vt_show_get_position (self->show) + 1 : 0,
                             n_items);
  gtk_label_set_text (self->counter_label, counter);
  gtk_label_set_text (self->current_title, item != NULL ? vt_item_get_title (item) : "");
  gtk_label_set_text (self->next_title, next != NULL ? vt_item_get_title (next) : _("The end of the show"));

  notes = item != NULL ? g_strjoinv ("\n\n", (char **) vt_item_get_text (item)) : NULL;
  gtk_label_set_text (self->notes_label, notes != NULL && *notes != '\0' ? notes : _("No notes for this piece."));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->notes_scroller), 0);

  load_picture (self, self->current_picture, item);
  load_picture (self, self->next_picture, next);
  name_picture (self->current_picture, item);
  name_picture (self->next_picture, next);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "show.previous",
                                 vt_show_get_position (self->show) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "show.first",
                                 vt_show_get_position (self->show) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "show.next", next != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "show.last", next != NULL);
}

static void
update_state (VtPresenterConsole *self)
{
  VtShowBlank blank = vt_show_get_blank (self->show);
  const char *state = "";

  if (blank == VT_SHOW_BLANK_BLACK)
    state = _("The screen is black");
  else if (blank == VT_SHOW_BLANK_WHITE)
    state = _("The screen is white");
  else if (*vt_show_get_typed_number (self->show) != '\0')
    state = vt_show_get_typed_number (self->show);
  else if (vt_show_get_interval (self->show) > 0 && vt_show_get_paused (self->show))
    state = _("Paused");
  gtk_label_set_text (self->state_label, state);
  /* Empty, it keeps its room but has nothing to read. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->state_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, *state == '\0', -1);

  gtk_button_set_label (self->black_button,
                        blank == VT_SHOW_BLANK_BLACK ? _("_Show the Picture") : _("_Black Screen"));
  gtk_button_set_label (self->white_button,
                        blank == VT_SHOW_BLANK_WHITE ? _("_Show the Picture") : _("_White Screen"));
  gtk_button_set_label (self->pause_button,
                        vt_show_get_paused (self->show) ? _("_Resume") : _("_Pause"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->pause_button), vt_show_get_interval (self->show) > 0);
  gtk_button_set_label (self->caption_button,
                        vt_show_get_caption_shown (self->show) ? _("Hide the _Caption") : _("Show the _Caption"));
}

static gboolean
on_key_pressed_cb (VtPresenterConsole    *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  return vt_show_handle_key (self->show, keyval, state);
}

static gboolean
on_close_request_cb (VtPresenterConsole *self)
{
  vt_show_end (self->show);
  return TRUE;
}

static void
on_ended_cb (VtPresenterConsole *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
vt_presenter_console_constructed (GObject *object)
{
  VtPresenterConsole *self = VT_PRESENTER_CONSOLE (object);
  const char *notify[] = { "notify::blank", "notify::paused", "notify::interval",
                           "notify::caption-shown", "notify::typed-number" };

  G_OBJECT_CLASS (vt_presenter_console_parent_class)->constructed (object);

  g_assert (VT_IS_SHOW (self->show));
  if (self->thumbnailer == NULL)
    self->thumbnailer = g_object_ref (vt_thumbnailer_get_default ());

  g_signal_connect_object (self->show, "stepped", G_CALLBACK (on_stepped_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->show, "notify::n-items", G_CALLBACK (on_stepped_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->show, "ended", G_CALLBACK (on_ended_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (notify); i++)
    g_signal_connect_object (self->show, notify[i], G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

  on_stepped_cb (self);
  update_state (self);
  update_clock (self);
  self->clock_source = g_timeout_add_seconds (1, clock_cb, self);
}

static void
vt_presenter_console_dispose (GObject *object)
{
  VtPresenterConsole *self = VT_PRESENTER_CONSOLE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  g_clear_object (&self->thumbnailer);

  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_PRESENTER_CONSOLE);

  G_OBJECT_CLASS (vt_presenter_console_parent_class)->dispose (object);
}

static void
vt_presenter_console_finalize (GObject *object)
{
  VtPresenterConsole *self = VT_PRESENTER_CONSOLE (object);

  g_clear_object (&self->show);

  G_OBJECT_CLASS (vt_presenter_console_parent_class)->finalize (object);
}

static void
vt_presenter_console_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VtPresenterConsole *self = VT_PRESENTER_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_SHOW:
      g_value_set_object (value, self->show);
      break;
    case PROP_THUMBNAILER:
      g_value_set_object (value, self->thumbnailer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_presenter_console_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VtPresenterConsole *self = VT_PRESENTER_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_SHOW:
      self->show = g_value_dup_object (value);
      break;
    case PROP_THUMBNAILER:
      self->thumbnailer = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_presenter_console_class_init (VtPresenterConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vt_presenter_console_constructed;
  object_class->dispose = vt_presenter_console_dispose;
  object_class->finalize = vt_presenter_console_finalize;
  object_class->get_property = vt_presenter_console_get_property;
  object_class->set_property = vt_presenter_console_set_property;

  properties[PROP_SHOW] =
    g_param_spec_object ("show", NULL, NULL, VT_TYPE_SHOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THUMBNAILER] =
    g_param_spec_object ("thumbnailer", NULL, NULL, VT_TYPE_THUMBNAILER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTK_TYPE_ACTION_BAR);
  g_type_ensure (GTK_TYPE_BUTTON);
  g_type_ensure (GTK_TYPE_HEADER_BAR);
  g_type_ensure (GTK_TYPE_PICTURE);
  g_type_ensure (GTK_TYPE_SCROLLED_WINDOW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vitrine/Vitrine/ui/vt-presenter-console.ui");
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, end_button);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, current_picture);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, current_title);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, counter_label);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, state_label);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, clock_label);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, next_picture);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, next_title);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, notes_scroller);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, notes_label);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, first_button);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, previous_button);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, next_button);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, last_button);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, black_button);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, white_button);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, caption_button);
  gtk_widget_class_bind_template_child (widget_class, VtPresenterConsole, pause_button);

  vt_show_class_install_actions (widget_class);
}

/* Set here rather than in the template: see vt-tooltip.c. */
static void
set_tooltips (VtPresenterConsole *self)
{
  const struct
  {
    GtkButton  *button;
    const char *tooltip;
  } tooltips[] = {
    { self->first_button, _("First Piece (Home)") },
    { self->previous_button, _("Previous Piece (Left, Page Up)") },
    { self->next_button, _("Next Piece (Right, Space, Page Down)") },
    { self->last_button, _("Last Piece (End)") },
    { self->black_button, _("Black screen, or the picture again (B)") },
    { self->white_button, _("White screen, or the picture again (W)") },
    { self->pause_button, _("Pause or resume the automatic advance (P)") },
    { self->caption_button, _("Hide or show the caption on the screen (I)") },
    { self->end_button, _("End the show and go back to the grid (Escape)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tooltips); i++)
    vt_widget_set_tooltip (GTK_WIDGET (tooltips[i].button), tooltips[i].tooltip);
}

static void
vt_presenter_console_init (VtPresenterConsole *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  vt_show_ensure_style (GTK_WIDGET (self));
  set_tooltips (self);
  vt_accessible_name_mnemonics (GTK_WIDGET (self));

  /* After the focused button: Space and Enter on a button press it. */
  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
}

VtPresenterConsole *
vt_presenter_console_new (GtkApplication *application,
                          VtShow         *show,
                          VtThumbnailer  *thumbnailer)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (VT_IS_SHOW (show), NULL);
  g_return_val_if_fail (thumbnailer == NULL || VT_IS_THUMBNAILER (thumbnailer), NULL);

  return g_object_new (VT_TYPE_PRESENTER_CONSOLE,
                       "application", application,
                       "show", show,
                       "thumbnailer", thumbnailer,
                       NULL);
}

VtShow *
vt_presenter_console_get_show (VtPresenterConsole *self)
{
  g_return_val_if_fail (VT_IS_PRESENTER_CONSOLE (self), NULL);

  return self->show;
}
