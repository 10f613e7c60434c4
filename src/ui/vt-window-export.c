/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's Export…: the pieces of the grid, in its order, as a spreadsheet, a catalog or a review report. */

#define G_LOG_DOMAIN "vitrine-window"

#include "config.h"

#include "vt-export.h"
#include "vt-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#define FORMAT_CHOICE "format"

static gboolean
has_review_file (VtWindow *self)
{
  GFile *file = self->reviews != NULL ? vt_review_store_get_file (self->reviews) : NULL;

  return file != NULL && g_file_query_exists (file, NULL);
}

/* "genesis" for "…/genesis/catalog.json": the collection's name, else the
 * catalog's file name without its extension. */
static char *
dup_export_name (VtWindow   *self,
                 const char *extension)
{
  const char *name = vt_catalog_get_name (self->catalog);
  g_autofree char *stem = NULL;

  if (name != NULL && *name != '\0')
    stem = g_strdup (name);
  else if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      char *dot = strrchr (basename, '.');

      if (dot != NULL && dot != basename)
        *dot = '\0';
      stem = g_strdup (basename);
    }
  else
    stem = g_strdup (_("Collection"));
  g_strdelimit (stem, G_DIR_SEPARATOR_S, '-');
  return g_strconcat (stem, ".", extension, NULL);
}

void
_vt_window_export (VtWindow       *self,
                   VtExportFormat  format,
                   GFile          *file)
{
  g_autoptr(GError) error = NULL;

  if (!vt_export_save (format, self->catalog, G_LIST_MODEL (self->sort_model),
                       self->reviews, file, &error))
    /* The message names the file and says what to do. */
    _vt_window_show_message (self, _("Could not export"), error->message);
}

static void
on_export_response_cb (VtWindow        *self,
                       int              response,
                       GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), FORMAT_CHOICE);
      VtExportFormat format = VT_EXPORT_CSV;

      if (choice != NULL)
        vt_export_format_from_string (choice, &format);
      if (file != NULL)
        {
          g_autofree char *basename = g_file_get_basename (file);

          /* The choice does not rename the file: a name without an
           * extension gets the format's. */
          if (strchr (basename, '.') == NULL)
            {
              g_autoptr(GFile) parent = g_file_get_parent (file);
              g_autofree char *named = g_strconcat (basename, ".",
                                                    vt_export_format_get_extension (format), NULL);

              g_object_unref (file);
              file = g_file_get_child (parent, named);
            }
          _vt_window_export (self, format, file);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  VtWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Export the Pieces Shown"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_ptr_array_add (ids, (char *) vt_export_format_to_string (VT_EXPORT_CSV));
  g_ptr_array_add (labels, _("Spreadsheet (CSV)"));
  g_ptr_array_add (ids, (char *) vt_export_format_to_string (VT_EXPORT_CATALOG));
  g_ptr_array_add (labels, _("Catalog (JSON)"));
  if (has_review_file (self))
    {
      g_ptr_array_add (ids, (char *) vt_export_format_to_string (VT_EXPORT_REVIEW_CSV));
      g_ptr_array_add (labels, _("Review report (CSV)"));
      g_ptr_array_add (ids, (char *) vt_export_format_to_string (VT_EXPORT_REVIEW_JSON));
      g_ptr_array_add (labels, _("Review report (JSON)"));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), FORMAT_CHOICE, _("Format"),
                               (const char **) ids->pdata, (const char **) labels->pdata);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), FORMAT_CHOICE,
                               vt_export_format_to_string (VT_EXPORT_CSV));

  name = dup_export_name (self, "csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

static const GActionEntry export_entries[] = {
  { "export", export_action },
};

void
_vt_window_install_export (VtWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), export_entries,
                                   G_N_ELEMENTS (export_entries), self);
}
