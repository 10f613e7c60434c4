/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's two views of the same pieces, the grid and the timeline, and the switch between them. */

#define G_LOG_DOMAIN "vitrine-window"

#include "config.h"

#include "vt-accessible.h"
#include "vt-item.h"
#include "vt-query-sorter.h"
#include "vt-tooltip.h"
#include "vt-window-private.h"

#include <glib/gi18n.h>

/*
 * The timeline shows the grid's filtered pieces (the search and the
 * filters apply, the sort does not) that have a year, in time order:
 *
 *   GtkFilterListModel (VtQuery) ─► GtkFilterListModel (has a year)
 *                                ─► GtkSortListModel (VtSorter by year, then number)
 *                                ─► VtTimeline
 *
 * The detail window and a show started from the timeline walk that
 * model, so that previous and next follow time there. The setting
 * "view" says which view the window shows, and is remembered.
 */

static gboolean
has_year (gpointer item,
          gpointer user_data)
{
  return vt_item_get_year (item) != 0;
}

gboolean
_vt_window_timeline_shown (VtWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "view");

  return g_strcmp0 (view, "timeline") == 0;
}

GListModel *
_vt_window_get_view_model (VtWindow *self)
{
  return _vt_window_timeline_shown (self) ? G_LIST_MODEL (self->time_model) : G_LIST_MODEL (self->sort_model);
}

guint
_vt_window_get_view_position (VtWindow *self)
{
  if (_vt_window_timeline_shown (self))
    return vt_timeline_get_position (self->timeline);

  return gtk_single_selection_get_selected (vt_gallery_view_get_selection (self->gallery));
}

void
_vt_window_focus_view_position (VtWindow *self,
                                guint     position)
{
  if (!_vt_window_timeline_shown (self))
    {
      vt_gallery_view_focus_position (self->gallery, position);
      return;
    }

  vt_timeline_set_position (self->timeline, position);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}

void
_vt_window_focus_view (VtWindow *self)
{
  if (_vt_window_timeline_shown (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
  else
    vt_gallery_view_focus (self->gallery);
}

gboolean
_vt_window_zoom_view (VtWindow *self,
                      int       direction)
{
  if (!_vt_window_timeline_shown (self))
    return FALSE;

  if (direction == 0)
    vt_timeline_set_zoom (self->timeline, 0);
  else
    vt_timeline_zoom_step (self->timeline, direction);
  return TRUE;
}

static void
on_timeline_activate_cb (VtWindow *self,
                         guint     position)
{
  _vt_window_show_detail (self, position);
}

/* The line under the axis counts the pieces the grid shows that the timeline cannot. */
static void
update_undated (VtWindow *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint dated = g_list_model_get_n_items (G_LIST_MODEL (self->dated_model));

  vt_timeline_set_n_undated (self->timeline, shown - MIN (dated, shown));
}

static void
update_decades (VtWindow *self)
{
  g_autofree const char **decades = vt_query_get_facet_selection (self->query, VT_FACET_DECADE);

  vt_timeline_set_highlighted_decades (self->timeline, decades);
}

static void
on_view_changed_cb (VtWindow *self)
{
  gboolean timeline = _vt_window_timeline_shown (self);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean focus_in_view = focus != NULL
                           && (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->main_stack))
                               || focus == GTK_WIDGET (self->grid_view_button)
                               || focus == GTK_WIDGET (self->timeline_view_button));

  /* Hidden, the timeline's models hold nothing: filtering and sorting a
   * large collection by year again at every keystroke would cost the
   * grid's frames. Shown, they take the pieces the grid would show. */
  if ((gtk_filter_list_model_get_model (self->dated_model) != NULL) != timeline)
    gtk_filter_list_model_set_model (self->dated_model, timeline ? G_LIST_MODEL (self->sort_model) : NULL);

  /* Time orders the timeline: the sort and the thumbnail size are the grid's. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->sort_dropdown), !timeline);
  gtk_widget_set_sensitive (GTK_WIDGET (self->direction_button), !timeline);
  gtk_widget_set_sensitive (GTK_WIDGET (self->size_button), !timeline);

  /* The piece window steps through the order of the view it was opened
   * from, and "Present from here" presents that view: it closes with it. */
  if (self->detail_window != NULL && gtk_widget_get_visible (GTK_WIDGET (self->detail_window)))
    {
      g_autoptr(GListModel) detail_model = NULL;

      g_object_get (self->detail_window, "model", &detail_model, NULL);
      if (detail_model != _vt_window_get_view_model (self))
        gtk_window_close (self->detail_window);
    }

  _vt_window_update_status (self);
  if (focus_in_view && self->file != NULL)
    _vt_window_focus_view (self);
}

void
_vt_window_init_view (VtWindow *self)
{
  g_autoptr(VtSorter) by_year = vt_sorter_new (VT_SORT_YEAR, FALSE);
  g_autoptr(GtkSorter) sorter = vt_query_sorter_new (by_year);
  const struct
  {
    GtkWidget  *widget;
    const char *label;
    const char *tooltip;
  } buttons[] = {
    { GTK_WIDGET (self->grid_view_button), _("Grid"), _("Grid (F2)") },
    { GTK_WIDGET (self->timeline_view_button), _("Timeline"), _("Timeline (F3)") },
  };

  self->dated_model = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (has_year, NULL, NULL)));
  self->time_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->dated_model)),
                                              g_object_ref (sorter));

  self->timeline = VT_TIMELINE (vt_timeline_new (self->thumbnailer));
  vt_timeline_set_model (self->timeline, G_LIST_MODEL (self->time_model));
  gtk_scrolled_window_set_child (self->timeline_scroller, GTK_WIDGET (self->timeline));
  g_signal_connect_object (self->timeline, "activate",
                           G_CALLBACK (on_timeline_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::zoom",
                           G_CALLBACK (_vt_window_update_actions), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      vt_accessible_set_label (buttons[i].widget, buttons[i].label);
      vt_widget_set_tooltip (buttons[i].widget, buttons[i].tooltip);
    }
  vt_accessible_set_label (GTK_WIDGET (self->timeline_scroller), _("Timeline"));

  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (update_undated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dated_model, "items-changed",
                           G_CALLBACK (update_undated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->query, "changed",
                           G_CALLBACK (update_decades), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::view",
                           G_CALLBACK (on_view_changed_cb), self, G_CONNECT_SWAPPED);
  update_undated (self);
  on_view_changed_cb (self);
}
