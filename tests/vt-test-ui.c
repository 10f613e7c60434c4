/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window tests share: the sample to open, settings as at a first start, frames drawn. */

#include "config.h"

#include "vt-test-ui.h"

#include "vt-application.h"
#include "vt-test-util.h"

GFile *
vt_test_sample_file (void)
{
  GFile *file = vt_application_dup_sample_file ();

  if (file == NULL)
    file = g_file_new_for_path (SOURCE_SAMPLE);

  return file;
}

void
vt_test_reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   guint         *frames)
{
  (*frames)++;
}

void
vt_test_wait_for_frames (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint frames = 0;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &frames);
  gtk_widget_queue_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
  WAIT_UNTIL (frames >= 2);
  g_signal_handler_disconnect (clock, handler);
}
