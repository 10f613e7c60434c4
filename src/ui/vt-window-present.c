/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's presentation: starting a show of the grid's pieces, the menu of screens, full screen. */

#define G_LOG_DOMAIN "vitrine-window"

#include "config.h"

#include "vt-fullscreen.h"
#include "vt-presenter-console.h"
#include "vt-show-window.h"
#include "vt-window-private.h"

#include <glib/gi18n.h>

/*
 * A show walks the pieces of the view shown, in its order (the grid's
 * sort, or time on the timeline), from the selected piece. When it ends
 * that view selects the last piece shown and scrolls to it. The screen to show on is the "present-screen" action's
 * state: "" for the default (vt_show_choose_screen()), else what
 * --monitor or the menu of screens asked for.
 */

struct _VtPresentOptions
{
  char     *screen;
  int       interval;
  gboolean  loop;
  gboolean  console;
};

VtPresentOptions *
vt_present_options_new (const char *screen,
                        int         interval,
                        gboolean    loop,
                        gboolean    console)
{
  VtPresentOptions *options = g_new0 (VtPresentOptions, 1);

  options->screen = g_strdup (screen);
  options->interval = interval;
  options->loop = loop;
  options->console = console;
  return options;
}

void
vt_present_options_free (VtPresentOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->screen);
  g_free (options);
}

static GdkMonitor *
window_monitor (VtWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

  if (surface == NULL)
    return NULL;
  return gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (self)), surface);
}

static void on_show_ended_cb (VtWindow *self);

/* The show's windows close themselves when it ends. */
static void
forget_show (VtWindow *self)
{
  g_signal_handlers_disconnect_by_func (self->show, on_show_ended_cb, self);
  if (self->show_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->show_window), (gpointer *) &self->show_window);
  if (self->console != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->console), (gpointer *) &self->console);
  self->show_window = NULL;
  self->console = NULL;
  g_clear_object (&self->show);
}

static void
on_show_ended_cb (VtWindow *self)
{
  guint position = vt_show_get_position (self->show);
  GtkSingleSelection *selection = vt_gallery_view_get_selection (self->gallery);

  if (position < g_list_model_get_n_items (_vt_window_get_view_model (self)))
    {
      if (_vt_window_timeline_shown (self))
        vt_timeline_set_position (self->timeline, position);
      else
        {
          gtk_single_selection_set_selected (selection, position);
          vt_gallery_view_scroll_to (self->gallery, position);
        }
    }
  forget_show (self);
  _vt_window_update_actions (self);
  gtk_window_present (GTK_WINDOW (self));
  _vt_window_focus_view (self);
}

static void
open_console (VtWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->console == NULL)
    {
      self->console = GTK_WINDOW (vt_presenter_console_new (app, self->show, self->thumbnailer));
      g_object_add_weak_pointer (G_OBJECT (self->console), (gpointer *) &self->console);
    }
  gtk_window_present (self->console);
}

void
_vt_window_present (VtWindow               *self,
                    guint                   position,
                    const VtPresentOptions *options)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autoptr(GVariant) wanted = NULL;
  g_autoptr(GdkMonitor) monitor = NULL;
  gboolean not_found;

  if (self->show != NULL)
    {
      if (options->console)
        open_console (self);
      gtk_window_present (self->show_window);
      return;
    }
  if (g_list_model_get_n_items (_vt_window_get_view_model (self)) == 0)
    return;

  if (options->screen != NULL)
    g_action_group_change_action_state (G_ACTION_GROUP (self), "present-screen",
                                        g_variant_new_string (options->screen));
  wanted = g_action_group_get_action_state (G_ACTION_GROUP (self), "present-screen");
  monitor = vt_show_choose_monitor (display, window_monitor (self), g_variant_get_string (wanted, NULL),
                                    &not_found);
  if (not_found)
    g_message ("No screen “%s”: presenting on the default one", g_variant_get_string (wanted, NULL));

  self->show = vt_show_new (_vt_window_get_view_model (self), position);
  vt_show_set_interval (self->show, options->interval >= 0
                                    ? (guint) options->interval
                                    : (guint) g_settings_get_int (self->settings, "present-interval"));
  vt_show_set_loop (self->show, options->loop);
  g_signal_connect_object (self->show, "ended", G_CALLBACK (on_show_ended_cb), self, G_CONNECT_SWAPPED);

  /* The detail window steps aside: the show takes over. */
  if (self->detail_window != NULL)
    gtk_window_close (self->detail_window);

  self->show_window = GTK_WINDOW (vt_show_window_new (app, self->show, self->thumbnailer, monitor));
  g_object_add_weak_pointer (G_OBJECT (self->show_window), (gpointer *) &self->show_window);
  gtk_window_present (self->show_window);

  /* With a second screen, the console is on the laptop's. */
  if (options->console || g_list_model_get_n_items (gdk_display_get_monitors (display)) > 1)
    open_console (self);
  _vt_window_update_actions (self);
}

static guint
selected_position (VtWindow *self)
{
  guint selected = _vt_window_get_view_position (self);

  return selected != GTK_INVALID_LIST_POSITION ? selected : 0;
}

void
_vt_window_start_pending_show (VtWindow *self)
{
  g_autoptr(VtPresentOptions) options = g_steal_pointer (&self->pending_show);

  if (options != NULL)
    _vt_window_present (self, 0, options);
}

void
vt_window_present_show (VtWindow   *self,
                        const char *screen,
                        int         interval,
                        gboolean    loop)
{
  g_return_if_fail (VT_IS_WINDOW (self));

  g_clear_pointer (&self->pending_show, vt_present_options_free);
  self->pending_show = vt_present_options_new (screen, interval, loop, FALSE);
  if (!vt_window_get_loading (self) && self->file != NULL)
    _vt_window_start_pending_show (self);
}

VtShow *
vt_window_get_show (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->show;
}

/* Actions */

static void
present_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  VtWindow *self = user_data;
  g_autoptr(VtPresentOptions) options = vt_present_options_new (NULL, -1, FALSE, FALSE);

  _vt_window_present (self, selected_position (self), options);
}

static void
present_with_console_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  VtWindow *self = user_data;
  g_autoptr(VtPresentOptions) options = vt_present_options_new (NULL, -1, FALSE, TRUE);

  _vt_window_present (self, selected_position (self), options);
}

static void
present_screen_action (GSimpleAction *action,
                       GVariant      *state,
                       gpointer       user_data)
{
  VtWindow *self = user_data;
  g_autoptr(GdkMonitor) monitor = NULL;

  g_simple_action_set_state (action, state);

  /* Chosen during a show: the show moves there. */
  if (self->show_window == NULL)
    return;
  monitor = vt_show_choose_monitor (gtk_widget_get_display (GTK_WIDGET (self)), window_monitor (self),
                                    g_variant_get_string (state, NULL), NULL);
  if (monitor != NULL)
    vt_show_window_set_monitor (VT_SHOW_WINDOW (self->show_window), monitor);
}

static void
fullscreen_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  vt_fullscreen_toggle (GTK_WINDOW (user_data));
}

static const GActionEntry present_entries[] = {
  { "present", present_action },
  { "present-with-console", present_with_console_action },
  { "present-screen", NULL, "s", "''", present_screen_action },
  { "fullscreen", fullscreen_action },
};

/* The menu of screens: the default, then every screen there is now. */
static void
update_screens_menu (VtWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autofree VtShowScreen *screens = NULL;
  g_autoptr(GMenuItem) automatic = NULL;
  guint n_screens;

  screens = vt_show_screens_from_display (display, NULL, &n_screens);
  g_menu_remove_all (self->screens_menu);

  automatic = g_menu_item_new (_("_Automatic"), NULL);
  g_menu_item_set_action_and_target (automatic, "win.present-screen", "s", "");
  g_menu_append_item (self->screens_menu, automatic);

  for (guint i = 0; i < n_screens; i++)
    {
      g_autofree char *label = vt_show_describe_screen (&screens[i], i);
      g_autofree char *target = screens[i].connector != NULL
                                ? g_strdup (screens[i].connector)
                                : g_strdup_printf ("%u", i + 1);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.present-screen", "s", target);
      g_menu_append_item (self->screens_menu, item);
    }
}

/* The interval chosen in the menu during a show applies at once. */
static void
on_interval_changed_cb (VtWindow *self)
{
  if (self->show != NULL)
    vt_show_set_interval (self->show, g_settings_get_int (self->settings, "present-interval"));
}

void
_vt_window_install_present (VtWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

  g_action_map_add_action_entries (G_ACTION_MAP (self), present_entries,
                                   G_N_ELEMENTS (present_entries), self);
  g_signal_connect_object (monitors, "items-changed",
                           G_CALLBACK (update_screens_menu), self, G_CONNECT_SWAPPED);
  update_screens_menu (self);
  g_signal_connect_object (self->settings, "changed::present-interval",
                           G_CALLBACK (on_interval_changed_cb), self, G_CONNECT_SWAPPED);
  vt_fullscreen_attach (GTK_WINDOW (self));
}

void
_vt_window_end_show (VtWindow *self)
{
  g_autoptr(VtShow) show = self->show != NULL ? g_object_ref (self->show) : NULL;

  g_clear_pointer (&self->pending_show, vt_present_options_free);
  if (show == NULL)
    return;
  forget_show (self);
  vt_show_end (show);
}
