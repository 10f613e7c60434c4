/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Full screen for the main and detail windows: F11, and the header bar shown when the pointer reaches the top. */

#define G_LOG_DOMAIN "vitrine-fullscreen"

#include "config.h"

#include "vt-fullscreen.h"

/*
 * GTK 4.8 hides a window's title bar in full screen (it makes it not
 * child-visible) and offers no way to bring it back for a moment, as
 * GNOME applications do; moving the bar out of the title bar slot would
 * unrealize the window (gtk_window_set_titlebar() on a realized window).
 * So the bar is made child-visible again while it is wanted, and GTK
 * hides it again when the window leaves or re-enters full screen.
 */

/* How close to the top the pointer brings the bar back, in pixels. */
#define REVEAL_EDGE 4
/* How far below the bar the pointer may go before it hides again. */
#define HIDE_MARGIN 48

void
vt_fullscreen_toggle (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

/* A menu of the bar is open: its popover would close with the bar. */
static gboolean
has_open_menu (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

      if (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)))
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_open_menu (child))
      return TRUE;
  return FALSE;
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              GtkWindow                *window)
{
  GtkWidget *bar = gtk_window_get_titlebar (window);
  GtkWidget *focus = gtk_window_get_focus (window);
  gboolean shown;

  if (bar == NULL || !gtk_window_is_fullscreen (window))
    return;

  shown = gtk_widget_get_child_visible (bar);
  if (!shown && y <= REVEAL_EDGE)
    shown = TRUE;
  else if (shown && y > gtk_widget_get_height (bar) + HIDE_MARGIN
           && !has_open_menu (bar)
           && (focus == NULL || !gtk_widget_is_ancestor (focus, bar)))
    shown = FALSE;

  if (shown != gtk_widget_get_child_visible (bar))
    {
      gtk_widget_set_child_visible (bar, shown);
      gtk_widget_queue_resize (GTK_WIDGET (window));
    }
}

void
vt_fullscreen_attach (GtkWindow *window)
{
  GtkEventController *motion;

  g_return_if_fail (GTK_IS_WINDOW (window));

  motion = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), window);
  gtk_widget_add_controller (GTK_WIDGET (window), motion);
}

gboolean
vt_fullscreen_bar_shown (GtkWindow *window)
{
  GtkWidget *bar;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  bar = gtk_window_get_titlebar (window);
  return bar != NULL && gtk_widget_get_child_visible (bar);
}
