/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the show window, the console and the main window share: the keys and actions of a show, the choice of a monitor. */

#define G_LOG_DOMAIN "vitrine-show"

#include "config.h"

#include "vt-show-window.h"

/* The keys a clicker and a keyboard send. Any key brings a blank screen
 * back, and does nothing else. */
gboolean
vt_show_handle_key (VtShow          *show,
                    guint            keyval,
                    GdkModifierType  state)
{
  g_return_val_if_fail (VT_IS_SHOW (show), FALSE);

  /* Shortcuts with Ctrl or Alt belong to the application. */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Shift_L: case GDK_KEY_Shift_R:
    case GDK_KEY_Control_L: case GDK_KEY_Control_R:
    case GDK_KEY_Alt_L: case GDK_KEY_Alt_R:
    case GDK_KEY_Super_L: case GDK_KEY_Super_R:
    case GDK_KEY_Meta_L: case GDK_KEY_Meta_R:
    case GDK_KEY_Caps_Lock: case GDK_KEY_Num_Lock:
    case GDK_KEY_ISO_Level3_Shift:
      return FALSE;
    default:
      break;
    }

  if (vt_show_get_blank (show) != VT_SHOW_BLANK_NONE)
    {
      vt_show_set_blank (show, VT_SHOW_BLANK_NONE);
      return TRUE;
    }

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    {
      vt_show_type_digit (show, keyval - GDK_KEY_0);
      return TRUE;
    }
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    {
      vt_show_type_digit (show, keyval - GDK_KEY_KP_0);
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (!vt_show_commit_number (show))
        vt_show_next (show);
      return TRUE;

    case GDK_KEY_Right: case GDK_KEY_KP_Right:
    case GDK_KEY_space: case GDK_KEY_KP_Space:
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      vt_show_next (show);
      return TRUE;

    case GDK_KEY_Left: case GDK_KEY_KP_Left:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      vt_show_previous (show);
      return TRUE;

    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      vt_show_first (show);
      return TRUE;

    case GDK_KEY_End: case GDK_KEY_KP_End:
      vt_show_last (show);
      return TRUE;

    case GDK_KEY_b: case GDK_KEY_B:
    case GDK_KEY_period: case GDK_KEY_KP_Decimal:
      vt_show_toggle_blank (show, VT_SHOW_BLANK_BLACK);
      return TRUE;

    case GDK_KEY_w: case GDK_KEY_W:
      vt_show_toggle_blank (show, VT_SHOW_BLANK_WHITE);
      return TRUE;

    case GDK_KEY_p: case GDK_KEY_P:
      vt_show_clear_number (show);
      vt_show_set_paused (show, !vt_show_get_paused (show));
      return TRUE;

    case GDK_KEY_i: case GDK_KEY_I:
      vt_show_clear_number (show);
      vt_show_set_caption_shown (show, !vt_show_get_caption_shown (show));
      return TRUE;

    case GDK_KEY_Escape:
      /* A number half typed is forgotten first. */
      if (*vt_show_get_typed_number (show) != '\0')
        vt_show_clear_number (show);
      else
        vt_show_end (show);
      return TRUE;

    default:
      return FALSE;
    }
}

static VtShow *
widget_show (GtkWidget *widget)
{
  g_autoptr(VtShow) show = NULL;

  g_object_get (widget, "show", &show, NULL);
  g_assert (VT_IS_SHOW (show));
  /* The widget holds it. */
  return show;
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtShow *show = widget_show (widget);

  if (g_str_equal (action_name, "show.next"))
    vt_show_next (show);
  else if (g_str_equal (action_name, "show.previous"))
    vt_show_previous (show);
  else if (g_str_equal (action_name, "show.first"))
    vt_show_first (show);
  else if (g_str_equal (action_name, "show.last"))
    vt_show_last (show);
  else
    g_assert_not_reached ();
}

static void
go_to_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  vt_show_go_to (widget_show (widget), g_variant_get_uint32 (parameter));
}

static void
blank_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  int blank = g_variant_get_int32 (parameter);

  if (blank == VT_SHOW_BLANK_BLACK || blank == VT_SHOW_BLANK_WHITE)
    vt_show_toggle_blank (widget_show (widget), blank);
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VtShow *show = widget_show (widget);

  vt_show_set_paused (show, !vt_show_get_paused (show));
}

static void
caption_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VtShow *show = widget_show (widget);

  vt_show_set_caption_shown (show, !vt_show_get_caption_shown (show));
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  vt_show_end (widget_show (widget));
}

void
vt_show_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "show.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "show.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "show.first", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "show.last", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "show.go-to", "u", go_to_action);
  gtk_widget_class_install_action (widget_class, "show.blank", "i", blank_action);
  gtk_widget_class_install_action (widget_class, "show.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "show.caption", NULL, caption_action);
  gtk_widget_class_install_action (widget_class, "show.end", NULL, end_action);
}

VtShowScreen *
vt_show_screens_from_display (GdkDisplay *display,
                              GdkMonitor *window_monitor,
                              guint      *n_screens)
{
  GListModel *monitors = gdk_display_get_monitors (display);
  guint n = g_list_model_get_n_items (monitors);
  VtShowScreen *screens = g_new0 (VtShowScreen, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      screens[i].connector = gdk_monitor_get_connector (monitor);
      screens[i].model = gdk_monitor_get_model (monitor);
      screens[i].width = geometry.width;
      screens[i].height = geometry.height;
      screens[i].has_window = monitor == window_monitor;
    }
  *n_screens = n;
  return screens;
}

gboolean
vt_show_monitor_is_present (GdkMonitor *monitor)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_monitor_get_display (monitor));

  if (!gdk_monitor_is_valid (monitor))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) other = g_list_model_get_item (monitors, i);

      if (other == monitor)
        return TRUE;
    }
  return FALSE;
}

GdkMonitor *
vt_show_choose_monitor (GdkDisplay *display,
                        GdkMonitor *window_monitor,
                        const char *wanted,
                        gboolean   *not_found)
{
  g_autofree VtShowScreen *screens = NULL;
  guint n_screens;
  int chosen;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  screens = vt_show_screens_from_display (display, window_monitor, &n_screens);
  chosen = vt_show_choose_screen (screens, n_screens, wanted, not_found);
  if (chosen < 0)
    return NULL;
  return g_list_model_get_item (gdk_display_get_monitors (display), chosen);
}

void
vt_show_ensure_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "vt-show-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/vitrine/Vitrine/show.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "vt-show-style",
                          g_steal_pointer (&provider), g_object_unref);
}

void
vt_show_set_label_size (GtkLabel *label,
                        int       pixels,
                        gboolean  bold,
                        gboolean  italic)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute (pixels * PANGO_SCALE));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (italic)
    pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
  gtk_label_set_attributes (label, attrs);
}
