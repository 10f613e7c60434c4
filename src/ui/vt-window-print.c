/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's Print…: the grid's pieces as a catalogue or wall labels, through the system's print dialog. */

#define G_LOG_DOMAIN "vitrine-window"

#include "config.h"

#include "vt-export.h"
#include "vt-print-job.h"
#include "vt-window-private.h"

#include <glib/gi18n.h>

/* One run of the print operation, from the dialog to "done". */
struct _VtPrintRun
{
  VtWindow          *window;
  GtkPrintOperation *operation;
  VtPrintJob        *job;
  VtPrintLayout      layout;
  GCancellable      *cancellable;
  char              *export_path;   /* when exporting without a dialog */
  GtkCheckButton    *catalogue_button;
};

/* The paper, printer and layout chosen last, for the next print. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

static void
print_run_free (VtPrintRun *run)
{
  g_cancellable_cancel (run->cancellable);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->job);
  g_clear_object (&run->operation);
  g_clear_pointer (&run->export_path, g_free);
  g_free (run);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   VtPrintRun        *run)
{
  VtWindow *self = run->window;
  g_autofree char *filter = vt_export_describe_query (self->query);
  guint n_pages;

  run->job = vt_print_job_new (run->layout, self->catalog, G_LIST_MODEL (self->sort_model), filter);
  n_pages = vt_print_job_paginate (run->job, gtk_print_context_get_cairo_context (context),
                                   gtk_print_context_get_width (context),
                                   gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

/* A page waiting for its image. */
typedef struct
{
  GtkPrintOperation *operation;
  GtkPrintContext   *context;
  VtPrintJob        *job;
  int                page;
} PendingPage;

static void
on_image_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PendingPage *pending = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = vt_thumbnailer_load_finish (VT_THUMBNAILER (source), result, &error);
  /* Cancelled: the operation is over, nothing waits for the page. A
   * picture that cannot be read is printed as an empty frame. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      vt_print_job_draw_page (pending->job, gtk_print_context_get_cairo_context (pending->context),
                              pending->page, pixbuf);
      gtk_print_operation_draw_page_finish (pending->operation);
    }

  g_object_unref (pending->operation);
  g_object_unref (pending->context);
  g_object_unref (pending->job);
  g_free (pending);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 VtPrintRun        *run)
{
  int size = 0;
  GFile *image;
  PendingPage *pending;

  if ((guint) page >= vt_print_job_get_n_pages (run->job))
    return;
  image = vt_print_job_get_page_image (run->job, page, &size);
  if (image == NULL)
    {
      vt_print_job_draw_page (run->job, gtk_print_context_get_cairo_context (context), page, NULL);
      return;
    }

  /* The picture is loaded at the printed size in the thumbnailer's
   * workers; the page is drawn when it comes. */
  gtk_print_operation_set_defer_drawing (operation);
  pending = g_new0 (PendingPage, 1);
  pending->operation = g_object_ref (operation);
  pending->context = g_object_ref (context);
  pending->job = g_object_ref (run->job);
  pending->page = page;
  vt_thumbnailer_load_async (run->window->thumbnailer, image, size, run->cancellable,
                             on_image_loaded_cb, pending);
}

static GObject *
on_create_custom_widget_cb (GtkPrintOperation *operation,
                            VtPrintRun        *run)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Print the pieces shown as"));
  GtkWidget *catalogue = gtk_check_button_new_with_mnemonic (_("_Catalogue: a title page, a page for each piece, an index"));
  GtkWidget *labels = gtk_check_button_new_with_mnemonic (_("_Wall labels: four to a sheet, with crop marks"));

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_check_button_set_group (GTK_CHECK_BUTTON (labels), GTK_CHECK_BUTTON (catalogue));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (run->layout == VT_PRINT_LABELS ? labels : catalogue),
                               TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), catalogue);
  gtk_box_append (GTK_BOX (box), labels);

  run->catalogue_button = GTK_CHECK_BUTTON (catalogue);
  return G_OBJECT (box);
}

static void
on_custom_widget_apply_cb (GtkPrintOperation *operation,
                           GtkWidget         *widget,
                           VtPrintRun        *run)
{
  run->layout = gtk_check_button_get_active (run->catalogue_button)
                ? VT_PRINT_CATALOGUE : VT_PRINT_LABELS;
  run->window->print_layout = run->layout;
}

/* Where the document went, for a message: the file chosen to export to
 * or printed to ("Print to File"), else NULL. */
static char *
dup_destination (VtPrintRun *run)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (run->operation);
  const char *uri = settings != NULL
                    ? gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI) : NULL;

  if (run->export_path != NULL)
    return g_strdup (run->export_path);
  if (uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      return g_file_get_parse_name (file);
    }
  return NULL;
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            VtPrintRun              *run)
{
  VtWindow *self = run->window;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *destination = dup_destination (run);
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (destination != NULL)
        message = g_strdup_printf ("%s: %s", destination,
                                   error != NULL ? error->message : _("the document could not be written"));
      _vt_window_show_message (self, _("Could not print"),
                               message != NULL ? message
                                               : error != NULL ? error->message : _("The printer reported an error."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && run->export_path == NULL)
    {
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&last_page_setup, gtk_print_operation_get_default_page_setup (operation));
    }

  if (self->print_run == run)
    self->print_run = NULL;
  print_run_free (run);
  _vt_window_update_actions (self);
}

/* @export_path: write a PDF there without a dialog, else ask. */
static void
print (VtWindow      *self,
       const char    *export_path,
       VtPrintLayout  layout)
{
  VtPrintRun *run;
  GtkPrintOperationAction action;
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;
  const char *name = vt_catalog_get_name (self->catalog);

  if (self->print_run != NULL)
    return;

  run = g_new0 (VtPrintRun, 1);
  run->window = self;
  run->layout = layout;
  run->cancellable = g_cancellable_new ();
  run->export_path = g_strdup (export_path);
  run->operation = gtk_print_operation_new ();
  self->print_run = run;

  job_name = g_strdup (name != NULL && *name != '\0' ? name : _("Collection"));
  gtk_print_operation_set_job_name (run->operation, job_name);
  /* The layouts draw their own margins and crop marks, in points. */
  gtk_print_operation_set_use_full_page (run->operation, TRUE);
  gtk_print_operation_set_unit (run->operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (run->operation, TRUE);
  gtk_print_operation_set_show_progress (run->operation, export_path == NULL);
  gtk_print_operation_set_embed_page_setup (run->operation, TRUE);
  gtk_print_operation_set_custom_tab_label (run->operation, _("Layout"));
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (run->operation, last_settings);
  if (last_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (run->operation, last_page_setup);

  g_signal_connect (run->operation, "begin-print", G_CALLBACK (on_begin_print_cb), run);
  g_signal_connect (run->operation, "draw-page", G_CALLBACK (on_draw_page_cb), run);
  g_signal_connect (run->operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget_cb), run);
  g_signal_connect (run->operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply_cb), run);
  g_signal_connect (run->operation, "done", G_CALLBACK (on_done_cb), run);

  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (run->operation, export_path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }
  else
    action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;

  _vt_window_update_actions (self);
  /* Asynchronous: "done" follows, with the result, and frees the run. */
  gtk_print_operation_run (run->operation, action, GTK_WINDOW (self), &error);
}

void
_vt_window_print_to_file (VtWindow      *self,
                          const char    *path,
                          VtPrintLayout  layout)
{
  print (self, path, layout);
}

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  VtWindow *self = user_data;

  print (self, NULL, self->print_layout);
}

static const GActionEntry print_entries[] = {
  { "print", print_action },
};

void
_vt_window_install_print (VtWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), print_entries,
                                   G_N_ELEMENTS (print_entries), self);
}

void
_vt_window_dispose_print (VtWindow *self)
{
  /* A run still going ends with the operation, which holds no reference
   * to the window: it must not call back into it. */
  if (self->print_run != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->print_run->operation, self->print_run);
      gtk_print_operation_cancel (self->print_run->operation);
      g_clear_pointer (&self->print_run, print_run_free);
    }
}
