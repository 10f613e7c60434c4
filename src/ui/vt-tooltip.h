/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tooltips set without asking the X server where the pointer is. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @widget the tooltip @text (NULL or "" for none), also its
 * accessible description, as gtk_widget_set_tooltip_text () does; a
 * long text is cut first (vt_text_bound ()). */
void        vt_widget_set_tooltip (GtkWidget  *widget,
                                   const char *text);
const char *vt_widget_get_tooltip (GtkWidget  *widget);

G_END_DECLS
