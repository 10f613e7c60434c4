/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A fixture for check-potfiles.py: a marked string in a file POTFILES.in does not list. */

static void
greet (GtkLabel *label)
{
  gtk_label_set_text (label, _("Hello, visitor"));
}
