/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tooltips set without asking the X server where the pointer is. */

#define G_LOG_DOMAIN "vitrine-tooltip"

#include "config.h"

#include "vt-tooltip.h"

#include "vt-text.h"

/*
 * On GTK 4.8, gtk_widget_set_tooltip_text () on a visible widget asks at
 * once where the pointer is, in case a tooltip being shown must change:
 * on X11 one to three round trips to the server, about 0.4 ms each under
 * Xvfb here, whether the widget is on screen or not. The window's twenty
 * tooltips cost 8 ms of every start that way, and the sidebar's facet
 * rows 85 round trips at each rebuild. A tooltip set here is stored on
 * the widget and given to GTK when GTK asks for it (query-tooltip),
 * which is all a tooltip needs unless it is being shown; when it is (the
 * widget is mapped), GTK is asked to look again, as it would have.
 *
 * A tooltip often shows a catalog's text, of any length: it is cut at
 * VT_TEXT_BOUND_TOOLTIP characters before it is stored.
 */

static GQuark
tooltip_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("vt-tooltip");

  return quark;
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  const char *text = vt_widget_get_tooltip (widget);

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
vt_widget_set_tooltip (GtkWidget  *widget,
                       const char *text)
{
  g_autofree char *cut = NULL;
  const char *old;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && *text == '\0')
    text = NULL;
  text = vt_text_bound (text, VT_TEXT_BOUND_TOOLTIP, &cut);
  old = vt_widget_get_tooltip (widget);
  if (g_strcmp0 (old, text) == 0)
    return;

  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_query_tooltip_cb, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);

  g_object_set_qdata_full (G_OBJECT (widget), tooltip_quark (),
                           cut != NULL ? g_steal_pointer (&cut) : g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  if (gtk_widget_get_mapped (widget))
    gtk_widget_trigger_tooltip_query (widget);
}

const char *
vt_widget_get_tooltip (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());
}
