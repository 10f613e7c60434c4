/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Curator mode of the main window: reviews with the keyboard, progress, the problems panel. */

#define G_LOG_DOMAIN "vitrine-window"

#include "config.h"

#include "vt-detail-window.h"
#include "vt-note-dialog.h"
#include "vt-problems-panel.h"
#include "vt-tile.h"
#include "vt-tooltip.h"
#include "vt-window-private.h"

#include <glib/gi18n.h>

/*
 * Browsing shows the collection as visitors should see it; curating adds
 * what only curators need: problem marks and the files they name, review
 * marks, the review and problems facets, progress in the status line and
 * the problems button. The mode is the setting "curator-mode", toggled by
 * the action "win.curator-mode" (Ctrl+Shift+R).
 *
 * Reviews are kept by a VtReviewStore that follows the window's catalog;
 * every change is saved at once, in a worker thread. On the grid, A, C and
 * U set the selected piece's state and N opens its note; after A or C the
 * selection moves on to the next piece in the grid's order.
 */

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* (Not to a window taken apart meanwhile: it has no store.) */
  if (!vt_review_store_save_finish (VT_REVIEW_STORE (source), result, &error)
      && self->reviews != NULL)
    _vt_window_show_message (self, _("The review was not saved"), error->message);
}

static void
update_problems_button (VtWindow *self)
{
  guint n = g_list_model_get_n_items (vt_catalog_get_problems (self->catalog));
  g_autofree char *count = g_strdup_printf ("%'u", n);
  g_autofree char *label = NULL;

  gtk_label_set_text (self->problems_count, count);
  /* Translators: the accessible name and tooltip of the header bar's problems button */
  label = g_strdup_printf (ngettext ("%'u Problem (F8)", "%'u Problems (F8)", n), n);
  vt_widget_set_tooltip (GTK_WIDGET (self->problems_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_problems_changed_cb (VtWindow *self)
{
  update_problems_button (self);
  /* Validation found again what "Has problems" selects by. */
  vt_query_facet_values_changed (self->query, VT_FACET_PROBLEMS);
  if (self->timeline != NULL)
    vt_timeline_problems_changed (self->timeline);
}

static void
on_review_changed_cb (VtWindow *self,
                      guint     number)
{
  vt_query_facet_values_changed (self->query, VT_FACET_REVIEW);
  vt_facet_sidebar_recount (self->sidebar);
  _vt_window_update_status (self);

  /* 0: a load, nothing to save. */
  if (number != 0)
    vt_review_store_save_async (self->reviews, NULL, on_saved_cb, g_object_ref (self));
}

/* Reviews not beside the catalog are not where a curator would look. */
static void
tell_where_reviews_are (VtWindow *self)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (!self->curating || !vt_review_store_get_in_data_dir (self->reviews))
    return;

  path = g_file_get_path (vt_review_store_get_file (self->reviews));
  /* Translators: %s is where the reviews are saved instead */
  message = g_strdup_printf (_("The catalog’s folder cannot be written to, so reviews are saved in %s."), path);
  _vt_window_show_message (self, _("Reviews are kept in your data folder"), message);
}

static void
on_reviews_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vt_review_store_load_finish (VT_REVIEW_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->reviews == NULL)
        return;
      /* The catalog is open all the same: only its reviews are missing. */
      _vt_window_show_message (self, _("The reviews of this catalog could not be read"), error->message);
      return;
    }

  tell_where_reviews_are (self);
}

void
_vt_window_load_reviews (VtWindow *self)
{
  g_cancellable_cancel (self->review_cancellable);
  g_clear_object (&self->review_cancellable);
  self->review_cancellable = g_cancellable_new ();

  vt_review_store_load_async (self->reviews, self->review_cancellable,
                              on_reviews_loaded_cb, g_object_ref (self));
}

void
_vt_window_reviews_follow_catalog (VtWindow *self)
{
  if (self->reviews != NULL && vt_review_store_follow_catalog (self->reviews))
    vt_review_store_save_async (self->reviews, NULL, on_saved_cb, g_object_ref (self));
}

char *
_vt_window_dup_review_progress (VtWindow *self)
{
  guint counts[VT_N_REVIEW_STATES];
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));
  guint needs;
  g_autofree char *reviewed = NULL;
  g_autofree char *changes = NULL;

  if (!self->curating)
    return NULL;

  vt_review_store_count (self->reviews, counts);
  needs = counts[VT_REVIEW_STATE_NEEDS_CHANGES];
  /* Translators: review progress in the status line, "37 of 100 reviewed" */
  reviewed = g_strdup_printf (ngettext ("%'u of %'u reviewed", "%'u of %'u reviewed", total),
                              counts[VT_REVIEW_STATE_APPROVED] + needs, total);
  if (needs == 0)
    return g_steal_pointer (&reviewed);
  /* Translators: follows "37 of 100 reviewed · " in the status line */
  changes = g_strdup_printf (ngettext ("%'u needs changes", "%'u need changes", needs), needs);
  return g_strdup_printf ("%s · %s", reviewed, changes);
}

/* The selected piece, or NULL. (transfer none) */
static VtItem *
selected_item (VtWindow *self)
{
  return gtk_single_selection_get_selected_item (vt_gallery_view_get_selection (self->gallery));
}

static guint
find_item (GListModel *model,
           VtItem     *item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtItem) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
select_position (VtWindow *self,
                 guint     position)
{
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (vt_gallery_view_get_selection (self->gallery), position);
  vt_gallery_view_scroll_to (self->gallery, position);
}

/* The grid shows which tile has the focus before anything is selected
 * (at start, or after a search): the keys act on that piece, as Enter
 * does, so the focused tile becomes the selected one. */
static void
select_focused_tile (VtWindow *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  GtkWidget *tile = NULL;

  if (focus == NULL || selected_item (self) != NULL)
    return;
  if (VT_IS_TILE (focus))
    tile = focus;
  else if (VT_IS_TILE (gtk_widget_get_first_child (focus)))
    tile = gtk_widget_get_first_child (focus);
  else
    tile = gtk_widget_get_ancestor (focus, VT_TYPE_TILE);
  if (tile != NULL && vt_tile_get_item (VT_TILE (tile)) != NULL)
    select_position (self, find_item (G_LIST_MODEL (self->sort_model), vt_tile_get_item (VT_TILE (tile))));
}

static void
review_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  VtWindow *self = user_data;
  GtkSingleSelection *selection = vt_gallery_view_get_selection (self->gallery);
  GListModel *model = G_LIST_MODEL (self->sort_model);
  VtItem *item = selected_item (self);
  guint position = gtk_single_selection_get_selected (selection);
  g_autoptr(VtItem) keep = NULL;
  g_autoptr(VtItem) next = NULL;
  g_autoptr(GError) error = NULL;
  VtReviewState state;

  if (item == NULL || !vt_review_state_from_string (g_variant_get_string (parameter, NULL), &state))
    return;

  keep = g_object_ref (item);
  if (state != VT_REVIEW_STATE_NOT_REVIEWED)
    next = g_list_model_get_item (model, position + 1);

  if (!vt_review_store_set_state (self->reviews, vt_item_get_number (item), state, &error))
    {
      _vt_window_show_message (self, _("The review was not recorded"), error->message);
      return;
    }

  /* On to the next piece in the grid's order, wherever the review
   * moved the grid's pieces (a review facet may hide this one now). */
  if (next != NULL)
    select_position (self, find_item (model, next));
  else
    select_position (self, find_item (model, keep));
}

static void
edit_note_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  VtWindow *self = user_data;
  VtItem *item = selected_item (self);
  VtNoteDialog *dialog;

  if (item == NULL)
    return;

  dialog = vt_note_dialog_new (GTK_WINDOW (self), self->reviews, item);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_problems_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  VtWindow *self = user_data;

  if (self->curating)
    gtk_menu_button_popup (self->problems_button);
}

static const GActionEntry curator_entries[] = {
  { "review", review_action, "s" },
  { "edit-note", edit_note_action },
  { "show-problems", show_problems_action },
};

void
_vt_window_update_curator_actions (VtWindow *self)
{
  gboolean has_selection = selected_item (self) != NULL;
  const char *names[] = { "review", "edit-note" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);

      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->curating && has_selection);
    }
  if (g_action_map_lookup_action (G_ACTION_MAP (self), "show-problems") != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                              "show-problems")),
                                 self->curating);
}

/* A, C, U and N on the grid, curating; other keys go on (to the search). */
static gboolean
on_gallery_key_pressed_cb (VtWindow        *self,
                           guint            keyval,
                           guint            keycode,
                           GdkModifierType  state)
{
  const char *review = NULL;

  if (!self->curating || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  select_focused_tile (self);
  if (selected_item (self) == NULL)
    return FALSE;

  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_a:
      review = "approved";
      break;
    case GDK_KEY_c:
      review = "needs-changes";
      break;
    case GDK_KEY_u:
      review = "not-reviewed";
      break;
    case GDK_KEY_n:
      g_action_group_activate_action (G_ACTION_GROUP (self), "edit-note", NULL);
      return TRUE;
    default:
      return FALSE;
    }

  g_action_group_activate_action (G_ACTION_GROUP (self), "review", g_variant_new_string (review));
  return TRUE;
}

static void
on_problem_activated_cb (VtWindow  *self,
                         VtProblem *problem)
{
  guint number = vt_problem_get_number (problem);
  int index = vt_problem_get_index (problem);
  guint position;

  gtk_menu_button_popdown (self->problems_button);
  /* The whole catalog's. */
  if (number == 0 && index < 0)
    return;

  position = vt_gallery_view_find_piece (self->gallery, number, index);
  /* Hidden by a filter: show every piece, then it. */
  if (position == GTK_INVALID_LIST_POSITION)
    {
      vt_query_clear (self->query);
      position = vt_gallery_view_find_piece (self->gallery, number, index);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  select_position (self, position);
  vt_gallery_view_focus (self->gallery);
  _vt_window_show_detail (self, position);
}

static void
on_curator_mode_changed_cb (VtWindow *self)
{
  gboolean curating = g_settings_get_boolean (self->settings, "curator-mode");

  self->curating = curating;
  /* Curating, A, C, U and N are commands on the selected piece: typing
   * no longer starts a search (Ctrl+F still does), or the search's key
   * capture, which sees every key first, would take them. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, curating ? NULL : GTK_WIDGET (self));
  vt_gallery_view_set_curating (self->gallery, curating);
  vt_facet_sidebar_set_curating (self->sidebar, curating);
  if (self->timeline != NULL)
    vt_timeline_set_curating (self->timeline, curating);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_button), curating);
  if (self->detail_window != NULL)
    {
      vt_detail_window_set_review_store (VT_DETAIL_WINDOW (self->detail_window),
                                         curating ? self->reviews : NULL);
      vt_detail_window_set_catalog (VT_DETAIL_WINDOW (self->detail_window),
                                    curating ? self->catalog : NULL);
    }

  /* Visitors do not filter by what they cannot see. */
  if (!curating)
    {
      vt_query_clear_facet (self->query, VT_FACET_REVIEW);
      vt_query_clear_facet (self->query, VT_FACET_PROBLEMS);
    }

  _vt_window_update_curator_actions (self);
  _vt_window_update_edit (self);
  _vt_window_update_status (self);
  tell_where_reviews_are (self);
}

/* The problems button: an icon and the count, at the header bar's end. */
static void
add_problems_button (VtWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (self));

  self->problems_count = GTK_LABEL (gtk_label_new ("0"));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problems_count));

  self->problems_panel = VT_PROBLEMS_PANEL (vt_problems_panel_new (self->catalog));
  gtk_widget_set_size_request (GTK_WIDGET (self->problems_panel), 420, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->problems_panel));
  g_signal_connect_object (self->problems_panel, "activate",
                           G_CALLBACK (on_problem_activated_cb), self, G_CONNECT_SWAPPED);

  self->problems_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->problems_button, box);
  gtk_menu_button_set_popover (self->problems_button, popover);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_button), "vt-problems-button");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_button), FALSE);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (titlebar), GTK_WIDGET (self->problems_button));
}

void
_vt_window_init_curator (VtWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->reviews = vt_review_store_new (self->catalog);
  g_signal_connect_object (self->reviews, "changed",
                           G_CALLBACK (on_review_changed_cb), self, G_CONNECT_SWAPPED);

  add_problems_button (self);
  g_signal_connect_object (vt_catalog_get_problems (self->catalog), "items-changed",
                           G_CALLBACK (on_problems_changed_cb), self, G_CONNECT_SWAPPED);
  update_problems_button (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), curator_entries,
                                   G_N_ELEMENTS (curator_entries), self);
  g_signal_connect_object (vt_gallery_view_get_selection (self->gallery), "notify::selected",
                           G_CALLBACK (_vt_window_update_curator_actions), self, G_CONNECT_SWAPPED);

  /* Before the grid's own keys and the search's key capture. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_gallery_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->gallery), keys);

  g_signal_connect_object (self->settings, "changed::curator-mode",
                           G_CALLBACK (on_curator_mode_changed_cb), self, G_CONNECT_SWAPPED);
  on_curator_mode_changed_cb (self);
}

void
_vt_window_dispose_curator (VtWindow *self)
{
  g_cancellable_cancel (self->review_cancellable);
  g_clear_object (&self->review_cancellable);
  g_clear_object (&self->reviews);
}
