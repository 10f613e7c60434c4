/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's keyboard paths: from the search to the pieces, the grid as one Tab stop, F6 between the window's regions. */

#define G_LOG_DOMAIN "vitrine-window"

#include "config.h"

#include "vt-window-private.h"

/*
 * GTK 4.8's grid has no "tab-behavior" (GTK 4.12): Tab walks from cell to
 * cell, so leaving a grid of a thousand pieces forward took a thousand
 * presses. Here Tab and Shift+Tab leave the grid at once, by taking it
 * out of the focus chain for the one move (a widget that cannot take the
 * focus is passed over with all it holds); the arrows still move inside.
 *
 * F6 and Shift+F6 move between the window's regions as GNOME
 * applications do: the header bar (its search), the filters when they
 * are shown, and the pieces.
 */

typedef enum
{
  REGION_HEADER,
  REGION_SIDEBAR,
  REGION_GRID,
  N_REGIONS
} Region;

/* The grid or the timeline, with pieces. */
static gboolean
view_shown (VtWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);

  return (g_strcmp0 (page, "grid") == 0 || g_strcmp0 (page, "timeline") == 0)
         && g_list_model_get_n_items (_vt_window_get_view_model (self)) > 0;
}

static gboolean
sidebar_shown (VtWindow *self)
{
  return gtk_revealer_get_reveal_child (self->sidebar_revealer);
}

static gboolean
focus_region (VtWindow *self,
              Region    region)
{
  switch (region)
    {
    case REGION_HEADER:
      return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    case REGION_SIDEBAR:
      return sidebar_shown (self)
             && gtk_widget_child_focus (GTK_WIDGET (self->sidebar), GTK_DIR_TAB_FORWARD);
    case REGION_GRID:
      if (!view_shown (self))
        return FALSE;
      _vt_window_focus_view (self);
      return TRUE;
    case N_REGIONS:
    default:
      g_assert_not_reached ();
    }
}

static Region
focused_region (VtWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar_pane)))
    return REGION_SIDEBAR;
  if (focus != NULL && (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->gallery))
                        || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->timeline_scroller))))
    return REGION_GRID;
  return REGION_HEADER;
}

static void
cycle_regions (VtWindow *self,
               int       step)
{
  Region region = focused_region (self);

  for (guint i = 0; i < N_REGIONS; i++)
    {
      region = (region + N_REGIONS + step) % N_REGIONS;
      if (focus_region (self, region))
        return;
    }
}

static void
focus_next_region_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  cycle_regions (user_data, 1);
}

static void
focus_previous_region_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  cycle_regions (user_data, -1);
}

static const GActionEntry keys_entries[] = {
  { "focus-next-region", focus_next_region_action },
  { "focus-previous-region", focus_previous_region_action },
};

/* The first piece found, selected and focused, so that Enter opens it. */
static gboolean
focus_first_result (VtWindow *self)
{
  if (!view_shown (self))
    return FALSE;

  _vt_window_focus_view_position (self, 0);
  return TRUE;
}

static gboolean
on_search_key_pressed_cb (VtWindow              *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  state &= gtk_accelerator_get_default_mod_mask ();

  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && state == 0)
    return focus_first_result (self);
  /* Tab goes on to the pieces, not through the header bar and the
   * filters; Shift+Tab still goes back through the header bar. */
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && state == 0 && view_shown (self))
    {
      _vt_window_focus_view (self);
      return TRUE;
    }

  return FALSE;
}

static void
on_search_activate_cb (VtWindow *self)
{
  focus_first_result (self);
}

static gboolean
on_grid_key_pressed_cb (VtWindow              *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  GtkWidget *grid = GTK_WIDGET (vt_gallery_view_get_grid_view (self->gallery));
  GtkDirectionType direction;
  gboolean moved;

  state &= gtk_accelerator_get_default_mod_mask ();
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && state == 0)
    direction = GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab || ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) &&
                                              state == GDK_SHIFT_MASK))
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return FALSE;

  gtk_widget_set_can_focus (grid, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (self), direction);
  gtk_widget_set_can_focus (grid, TRUE);

  return moved;
}

void
_vt_window_init_keys (VtWindow *self)
{
  GtkEventController *controller;

  g_action_map_add_action_entries (G_ACTION_MAP (self), keys_entries, G_N_ELEMENTS (keys_entries), self);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_search_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (on_search_activate_cb), self, G_CONNECT_SWAPPED);

  /* Before the grid's own Tab, which moves to the next cell. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_grid_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (vt_gallery_view_get_grid_view (self->gallery)), controller);
}
