/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Accessible names where GTK 4.8 gives none, or a wrong one. */

#define G_LOG_DOMAIN "vitrine-accessible"

#include "config.h"

#include "vt-accessible.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * GTK 4.8 names a widget nobody named after its class ("GtkMenuButton"),
 * names composite widgets' inner buttons so too, and reads a button with
 * a mnemonic twice. What takes the focus is named here, where GTK gives
 * no property for it:
 *
 * - a GtkMenuButton and a GtkDropDown are drawn by a GtkToggleButton
 *   inside them, their first child, which is what takes the focus;
 * - a GtkInfoBar's close button is made inside it;
 * - a GtkShortcutsWindow makes its search, its pages and their switcher
 *   inside it, the pages when it is first laid out; its keys' labels are
 *   named after their key symbols ("Page_Down");
 * - a list view's rows (GtkListItemWidget) are GTK's, the parents of the
 *   widgets a factory makes.
 */

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
vt_accessible_set_label (GtkWidget  *widget,
                         const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  set_label (widget, label);
  if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget))
    {
      GtkWidget *inner = gtk_widget_get_first_child (widget);

      if (GTK_IS_BUTTON (inner))
        set_label (inner, label);
    }
}

static char *
strip_mnemonic (const char *label)
{
  GString *text = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      /* "__" is a written underscore. */
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

static void
on_mnemonic_label_cb (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *text = label != NULL ? strip_mnemonic (label) : NULL;

  /* A button with an icon only is named by whoever made it. */
  if (text != NULL)
    set_label (GTK_WIDGET (button), text);
}

void
vt_accessible_name_mnemonics (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    {
      /* Some change their label as they go ("_Pause", "_Resume"). */
      if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_mnemonic_label_cb, NULL) == 0)
        g_signal_connect (widget, "notify::label", G_CALLBACK (on_mnemonic_label_cb), NULL);
      on_mnemonic_label_cb (GTK_BUTTON (widget));
    }
  else if (GTK_IS_INFO_BAR (widget))
    {
      GtkWidget *close = find_descendant (widget, GTK_TYPE_BUTTON);

      if (close != NULL)
        set_label (close, _("Close"));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    vt_accessible_name_mnemonics (child);
}

void
vt_accessible_set_row_label (GtkWidget  *child,
                             const char *label)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (child));

  row = gtk_widget_get_parent (child);
  if (row != NULL)
    set_label (row, label);
}

/* A GtkDropDown's item: its text and, in the popover, a check mark on the
 * one chosen, as GTK's own factory draws it. */
static void
on_choice_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    GtkDropDown              *drop_down)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
update_check (GtkDropDown *drop_down,
              GParamSpec  *pspec,
              GtkListItem *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *check = gtk_widget_get_last_child (box);
  gboolean in_popover = gtk_widget_get_ancestor (box, GTK_TYPE_POPOVER) != NULL;

  gtk_widget_set_visible (check, in_popover);
  gtk_widget_set_opacity (check, gtk_drop_down_get_selected (drop_down) == gtk_list_item_get_position (list_item));
}

static void
on_choice_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   GtkDropDown              *drop_down)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  vt_accessible_set_row_label (box, text);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (update_check), list_item);
  update_check (drop_down, NULL, list_item);
}

static void
on_choice_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     GtkDropDown              *drop_down)
{
  g_signal_handlers_disconnect_by_func (drop_down, update_check, list_item);
}

void
vt_accessible_set_drop_down_factory (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  g_signal_connect (factory, "setup", G_CALLBACK (on_choice_setup_cb), drop_down);
  g_signal_connect (factory, "bind", G_CALLBACK (on_choice_bind_cb), drop_down);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_choice_unbind_cb), drop_down);
  gtk_drop_down_set_factory (drop_down, factory);
}

static void
name_shortcuts_parts (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_TOGGLE_BUTTON (widget))
    {
      /* The search entry and the button that shows it; the page
       * switcher's buttons are named by their mnemonics below. */
      if (GTK_IS_SEARCH_ENTRY (widget) || gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
        set_label (widget, _("Search Shortcuts"));
    }
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      vt_accessible_set_label (widget, _("Sections"));
    }
  else if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      set_label (widget, _("Shortcuts"));
    }
  else if (GTK_IS_IMAGE (widget))
    {
      /* The search's empty page's picture says nothing its text does not. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    }
  else if (GTK_IS_LABEL (widget) && GTK_IS_SHORTCUT_LABEL (gtk_widget_get_parent (widget)))
    {
      g_autofree char *key = g_strdup (gtk_label_get_label (GTK_LABEL (widget)));

      g_strdelimit (key, "_", ' ');
      set_label (widget, key);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_shortcuts_parts (child);
}

static void
on_shortcuts_map_cb (GtkWidget *window)
{
  name_shortcuts_parts (window);
  vt_accessible_name_mnemonics (window);
}

void
vt_accessible_name_shortcuts_window (GtkShortcutsWindow *window)
{
  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (window));

  set_label (GTK_WIDGET (window), _("Keyboard Shortcuts"));
  g_signal_connect (window, "map", G_CALLBACK (on_shortcuts_map_cb), NULL);
}
