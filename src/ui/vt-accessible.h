/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Accessible names where GTK 4.8 gives none, or a wrong one. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names @widget @label for screen readers. A GtkMenuButton's or a
 * GtkDropDown's inner button, which is what takes the focus, is named
 * too. */
void vt_accessible_set_label          (GtkWidget  *widget,
                                       const char *label);
/* Names each button in @widget's tree whose label has a mnemonic by that
 * label without its underscore: GTK 4.8 reads such a button as its
 * underlined label and its text, "_Open Open". Names a GtkInfoBar's close
 * button too. */
void vt_accessible_name_mnemonics     (GtkWidget  *widget);
/* Names the row of a GtkListView or GtkGridView that holds @child (the
 * item a screen reader moves through) @label, NULL to take it back. */
void vt_accessible_set_row_label      (GtkWidget  *child,
                                       const char *label);

/* Gives @drop_down, a drop-down over a GtkStringList, a factory that
 * names each of its rows by its text, with GTK's look: GTK 4.8's own
 * leaves them named "GtkListItemWidget". */
void vt_accessible_set_drop_down_factory (GtkDropDown *drop_down);

/* Names the parts GTK makes inside @window, each time it is shown. */
void vt_accessible_name_shortcuts_window (GtkShortcutsWindow *window);

G_END_DECLS
