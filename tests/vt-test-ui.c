/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window tests share: the sample to open and settings as at a first start. */

#include "config.h"

#include "vt-test-ui.h"

#include "vt-application.h"

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
