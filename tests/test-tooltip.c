/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of vt_widget_set_tooltip (): a tooltip given to GTK when asked for, and to screen readers. */

#include "config.h"

#include "vt-test-util.h"
#include "vt-tooltip.h"

/* What GTK gets when it asks @widget for its tooltip. */
static gboolean
query_tooltip (GtkWidget *widget)
{
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_object_unref (tooltip);

  return shown;
}

static void
test_set_and_clear (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new_from_icon_name ("open-menu-symbolic"));
  const char *cleared[] = { NULL, "" };

  g_assert_null (vt_widget_get_tooltip (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_false (query_tooltip (button));

  vt_widget_set_tooltip (button, "Main Menu");
  g_assert_cmpstr (vt_widget_get_tooltip (button), ==, "Main Menu");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_true (query_tooltip (button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Main Menu");

  /* A new text replaces the old one; setting it again changes nothing. */
  vt_widget_set_tooltip (button, "Menu");
  vt_widget_set_tooltip (button, "Menu");
  g_assert_cmpstr (vt_widget_get_tooltip (button), ==, "Menu");
  g_assert_true (query_tooltip (button));
  g_assert_cmpuint (g_signal_handler_find (button, G_SIGNAL_MATCH_ID,
                                           g_signal_lookup ("query-tooltip", GTK_TYPE_WIDGET),
                                           0, NULL, NULL, NULL), !=, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Menu");

  for (guint i = 0; i < G_N_ELEMENTS (cleared); i++)
    {
      vt_widget_set_tooltip (button, "Menu");
      vt_widget_set_tooltip (button, cleared[i]);
      g_assert_null (vt_widget_get_tooltip (button));
      g_assert_false (gtk_widget_get_has_tooltip (button));
      g_assert_false (query_tooltip (button));
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    }

  g_assert_finalize_object (button);
}

/* A widget on screen gets its new tooltip as well. */
static void
test_on_screen (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_with_label ("Clear");

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (button));

  vt_widget_set_tooltip (button, "Remove every filter");
  g_assert_true (query_tooltip (button));
  g_assert_cmpstr (vt_widget_get_tooltip (button), ==, "Remove every filter");

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!g_main_context_iteration (NULL, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's accessibility backend for tests: no bus, and the properties
   * given to assistive technologies can be checked. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return 0;
    }

  g_test_add_func ("/tooltip/set-and-clear", test_set_and_clear);
  g_test_add_func ("/tooltip/on-screen", test_on_screen);

  return g_test_run ();
}
