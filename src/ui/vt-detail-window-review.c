/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The detail window for curators: the piece's review, set there too, and what visitors are not shown. */

#define G_LOG_DOMAIN "vitrine-detail"

#include "config.h"

#include "vt-detail-window-private.h"
#include "vt-note-dialog.h"

#include <glib/gi18n.h>

static void
update_review_actions (VtDetailWindow *self)
{
  gboolean enabled = self->reviews != NULL && self->item != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.review", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.edit-note", enabled);
}

void
_vt_detail_window_show_review (VtDetailWindow *self)
{
  gboolean curating = self->reviews != NULL;
  const char *problem = self->item != NULL ? vt_item_get_problem (self->item) : NULL;
  const VtReviewEntry *entry = NULL;
  g_autofree char *state_text = NULL;

  /* Problems and the reason an artwork is missing name files: curators only. */
  gtk_widget_set_visible (GTK_WIDGET (self->problem_box), curating && problem != NULL && *problem != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_reason), curating);
  gtk_widget_set_visible (GTK_WIDGET (self->review_box), curating && self->item != NULL);
  update_review_actions (self);
  if (!curating || self->item == NULL)
    return;

  entry = vt_review_store_lookup (self->reviews, vt_item_get_number (self->item));
  state_text = g_strdup (vt_review_state_get_label (vt_item_get_review_state (self->item)));
  if (vt_item_get_review_changed (self->item))
    {
      g_autofree char *label = g_steal_pointer (&state_text);

      /* Translators: a piece's review state in the detail window, "Approved, changed since approved" */
      state_text = g_strdup_printf (_("%s, changed since approved"), label);
    }
  if (entry != NULL && entry->who != NULL && entry->state != VT_REVIEW_STATE_NOT_REVIEWED)
    {
      g_autofree char *label = g_steal_pointer (&state_text);

      /* Translators: "Approved — Ann Curator, 2026-12-04T18:00:00+01:00" */
      state_text = g_strdup_printf (_("%s — %s, %s"), label, entry->who,
                                    entry->when != NULL ? entry->when : "");
    }
  gtk_label_set_label (self->review_state_label, state_text);
  gtk_label_set_label (self->review_note_label,
                       entry != NULL && entry->note != NULL ? entry->note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->review_note_label), entry != NULL && entry->note != NULL);
}

static void
on_review_changed_cb (VtDetailWindow *self,
                      guint           number)
{
  if (self->item != NULL && (number == 0 || number == vt_item_get_number (self->item)))
    _vt_detail_window_show_review (self);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  VtReviewState state;

  if (self->reviews == NULL || self->item == NULL
      || !vt_review_state_from_string (g_variant_get_string (parameter, NULL), &state))
    return;

  if (!vt_review_store_set_state (self->reviews, vt_item_get_number (self->item), state, &error))
    {
      gtk_label_set_label (self->review_note_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->review_note_label), TRUE);
      return;
    }

  /* As on the grid: reviewed, on to the next piece. */
  if (state != VT_REVIEW_STATE_NOT_REVIEWED)
    gtk_widget_activate_action (widget, "detail.next", NULL);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VtDetailWindow *self = VT_DETAIL_WINDOW (widget);

  if (self->reviews != NULL && self->item != NULL)
    gtk_window_present (GTK_WINDOW (vt_note_dialog_new (GTK_WINDOW (self), self->reviews, self->item)));
}

void
_vt_detail_window_class_bind_review (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, review_box);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, review_state_label);
  gtk_widget_class_bind_template_child (widget_class, VtDetailWindow, review_note_label);

  gtk_widget_class_install_action (widget_class, "detail.review", "s", review_action);
  gtk_widget_class_install_action (widget_class, "detail.edit-note", NULL, edit_note_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, 0, "detail.review", "s", "approved");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, 0, "detail.review", "s", "needs-changes");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, 0, "detail.review", "s", "not-reviewed");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "detail.edit-note", NULL);
}

void
_vt_detail_window_dispose_review (VtDetailWindow *self)
{
  if (self->reviews != NULL)
    g_signal_handlers_disconnect_by_func (self->reviews, on_review_changed_cb, self);
  g_clear_object (&self->reviews);
}

void
vt_detail_window_set_review_store (VtDetailWindow *self,
                                   VtReviewStore  *reviews)
{
  g_return_if_fail (VT_IS_DETAIL_WINDOW (self));
  g_return_if_fail (reviews == NULL || VT_IS_REVIEW_STORE (reviews));

  if (self->reviews == reviews)
    return;

  _vt_detail_window_dispose_review (self);
  if (reviews != NULL)
    {
      self->reviews = g_object_ref (reviews);
      g_signal_connect_swapped (reviews, "changed", G_CALLBACK (on_review_changed_cb), self);
    }
  _vt_detail_window_show_review (self);
}
