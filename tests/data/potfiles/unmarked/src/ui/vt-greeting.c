/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A fixture for check-potfiles.py: one unmarked label text among marked and exempted ones. */

static void
greet (GtkLabel  *label,
       GtkButton *button,
       GError   **error)
{
  gtk_button_set_label (button, _("Greet"));
  /* not translated: a technical name */
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), "GtkButton");
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", "a", "b");
  gtk_label_set_text (label,
                      "Hello, visitor");
}
