/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small window to write a curator's note on one piece, saved in the review store. */

#define G_LOG_DOMAIN "vitrine-review"

#include "config.h"

#include "vt-note-dialog.h"

#include <glib/gi18n.h>

struct _VtNoteDialog
{
  GtkWindow      parent_instance;

  VtReviewStore *store;
  VtItem        *item;

  /* Template children */
  GtkLabel      *heading_label;
  GtkTextView   *text_view;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (VtNoteDialog, vt_note_dialog, GTK_TYPE_WINDOW)

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtNoteDialog *self = VT_NOTE_DIALOG (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  if (!vt_review_store_set_note (self->store, vt_item_get_number (self->item), text, &error))
    {
      /* Kept open, the text with it: nothing typed is lost. */
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
vt_note_dialog_dispose (GObject *object)
{
  VtNoteDialog *self = VT_NOTE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_NOTE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (vt_note_dialog_parent_class)->dispose (object);
}

static void
vt_note_dialog_class_init (VtNoteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_note_dialog_dispose;

  g_type_ensure (GTK_TYPE_HEADER_BAR);
  g_type_ensure (GTK_TYPE_SCROLLED_WINDOW);
  g_type_ensure (GTK_TYPE_TEXT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitrine/Vitrine/ui/vt-note-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VtNoteDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, VtNoteDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, VtNoteDialog, error_label);

  gtk_widget_class_install_action (widget_class, "note.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "note.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "note.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "note.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "note.cancel", NULL);
}

static void
vt_note_dialog_init (VtNoteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

VtNoteDialog *
vt_note_dialog_new (GtkWindow     *parent,
                    VtReviewStore *store,
                    VtItem        *item)
{
  VtNoteDialog *self;
  const VtReviewEntry *entry;
  const char *title;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (VT_IS_REVIEW_STORE (store), NULL);
  g_return_val_if_fail (VT_IS_ITEM (item), NULL);

  self = g_object_new (VT_TYPE_NOTE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->item = g_object_ref (item);

  title = vt_item_get_title (item);
  /* Translators: the heading of the note editor, "_Note on “1956 - Hungarian Revolution”" */
  heading = g_strdup_printf (_("_Note on “%s”"), title != NULL ? title : _("Untitled piece"));
  gtk_label_set_text_with_mnemonic (self->heading_label, heading);

  entry = vt_review_store_lookup (store, vt_item_get_number (item));
  if (entry != NULL && entry->note != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), entry->note, -1);

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_view));
  return self;
}

GtkTextView *
vt_note_dialog_get_text_view (VtNoteDialog *self)
{
  g_return_val_if_fail (VT_IS_NOTE_DIALOG (self), NULL);

  return self->text_view;
}
