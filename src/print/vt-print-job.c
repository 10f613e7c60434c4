/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The printed catalogue and wall labels of a view's pieces, drawn with cairo and Pango into any cairo context. */

#define G_LOG_DOMAIN "vitrine-print"

#include "config.h"

#include "vt-print-private.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

/* How many pages ahead of the one drawn images are loaded, so that the
 * thumbnailer's workers decode while cairo writes. */
#define LOAD_AHEAD 4

G_DEFINE_FINAL_TYPE (VtPrintJob, vt_print_job, G_TYPE_OBJECT)

static const char *layout_names[] = { "catalogue", "labels" };

const char *
vt_print_layout_to_string (VtPrintLayout layout)
{
  g_return_val_if_fail (layout <= VT_PRINT_LABELS, NULL);

  return layout_names[layout];
}

gboolean
vt_print_layout_from_string (const char    *name,
                             VtPrintLayout *layout)
{
  for (guint i = 0; i < G_N_ELEMENTS (layout_names); i++)
    if (g_strcmp0 (name, layout_names[i]) == 0)
      {
        *layout = i;
        return TRUE;
      }
  return FALSE;
}

static void
vt_print_job_finalize (GObject *object)
{
  VtPrintJob *self = VT_PRINT_JOB (object);

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->piece_pages, g_array_unref);
  g_clear_pointer (&self->index_order, g_array_unref);
  g_clear_pointer (&self->image_boxes, g_array_unref);

  G_OBJECT_CLASS (vt_print_job_parent_class)->finalize (object);
}

static void
vt_print_job_class_init (VtPrintJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vt_print_job_finalize;
}

static void
vt_print_job_init (VtPrintJob *self)
{
  self->pages = g_array_new (FALSE, FALSE, sizeof (VtPage));
  self->piece_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self->index_order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->image_boxes = g_array_new (FALSE, FALSE, sizeof (double));
}

VtPrintJob *
vt_print_job_new (VtPrintLayout  layout,
                  VtCatalog     *catalog,
                  GListModel    *items,
                  const char    *filter)
{
  VtPrintJob *self;
  guint n_items;

  g_return_val_if_fail (VT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  self = g_object_new (VT_TYPE_PRINT_JOB, NULL);
  self->layout = layout;
  self->catalog = g_object_ref (catalog);
  self->filter = g_strdup (filter);
  self->date = g_date_time_new_now_local ();

  /* The view may change while the print dialog is open: the job prints
   * the pieces it was asked for. */
  n_items = g_list_model_get_n_items (items);
  self->items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (self->items, g_list_model_get_item (items, i));

  return self;
}

VtPrintLayout
vt_print_job_get_layout (VtPrintJob *self)
{
  g_return_val_if_fail (VT_IS_PRINT_JOB (self), VT_PRINT_CATALOGUE);

  return self->layout;
}

PangoContext *
vt_print_context_new (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

PangoLayout *
vt_print_layout_new (PangoContext *context,
                     const char   *font,
                     const char   *text,
                     double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_font_description_free (description);
  return layout;
}

double
vt_print_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

char *
vt_print_dup_number (VtPrintJob *self,
                     VtItem     *item)
{
  guint number = vt_item_get_number (item);
  guint total = vt_catalog_get_total (self->catalog);

  if (number == 0)
    return NULL;
  if (total > 0)
    return g_strdup_printf ("%u/%u", number, total);
  return g_strdup_printf ("%u", number);
}

guint
vt_print_job_paginate (VtPrintJob *self,
                       cairo_t    *cr,
                       double      width,
                       double      height)
{
  PangoContext *context;

  g_return_val_if_fail (VT_IS_PRINT_JOB (self), 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  self->width = width;
  self->height = height;
  g_array_set_size (self->pages, 0);
  g_array_set_size (self->piece_pages, 0);
  g_array_set_size (self->index_order, 0);
  g_array_set_size (self->image_boxes, 0);

  context = vt_print_context_new (cr);
  if (self->layout == VT_PRINT_LABELS)
    vt_print_labels_paginate (self);
  else
    vt_print_catalogue_paginate (self, context);
  g_object_unref (context);

  return self->pages->len;
}

guint
vt_print_job_get_n_pages (VtPrintJob *self)
{
  g_return_val_if_fail (VT_IS_PRINT_JOB (self), 0);

  return self->pages->len;
}

GFile *
vt_print_job_get_page_image (VtPrintJob *self,
                             guint       page,
                             int        *size)
{
  g_return_val_if_fail (VT_IS_PRINT_JOB (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);

  if (self->layout == VT_PRINT_LABELS)
    return NULL;
  return vt_print_catalogue_get_image (self, &g_array_index (self->pages, VtPage, page), size);
}

void
vt_print_job_draw_page (VtPrintJob *self,
                        cairo_t    *cr,
                        guint       page,
                        GdkPixbuf  *image)
{
  PangoContext *context;

  g_return_if_fail (VT_IS_PRINT_JOB (self));
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  context = vt_print_context_new (cr);
  if (self->layout == VT_PRINT_LABELS)
    vt_print_labels_draw (self, cr, context, &g_array_index (self->pages, VtPage, page));
  else
    vt_print_catalogue_draw (self, cr, context, &g_array_index (self->pages, VtPage, page),
                             page, image);
  g_object_unref (context);
  cairo_restore (cr);
}

static void
free_jpeg (void *data)
{
  g_bytes_unref (data);
}

cairo_surface_t *
vt_print_surface_for_pixbuf (GdkPixbuf *pixbuf,
                             GBytes    *jpeg)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  cairo_surface_t *surface;
  guchar *data;
  int surface_stride;

  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);

  surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                        width, height);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  surface_stride = cairo_image_surface_get_stride (surface);

  /* gdk-pixbuf's bytes are R, G, B[, A] unpremultiplied; cairo's are
   * native-endian 32-bit words, premultiplied. */
  for (int y = 0; y < height; y++)
    {
      const guchar *in = pixels + (gsize) y * stride;
      guint32 *out = (guint32 *) (data + (gsize) y * surface_stride);

      for (int x = 0; x < width; x++, in += n_channels)
        {
          guint a = alpha ? in[3] : 255;
          guint r = (in[0] * a + 127) / 255;
          guint g = (in[1] * a + 127) / 255;
          guint b = (in[2] * a + 127) / 255;

          out[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);

  if (jpeg != NULL && !alpha)
    cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG,
                                 g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg),
                                 free_jpeg, g_bytes_ref (jpeg));
  return surface;
}

/* One page's image, loading or loaded. */
typedef struct
{
  GFile     *file;
  int        size;
  gboolean   done;
  GdkPixbuf *pixbuf;
} ImageLoad;

static void
image_load_free (ImageLoad *load)
{
  if (load == NULL)
    return;
  g_clear_object (&load->file);
  g_clear_object (&load->pixbuf);
  g_free (load);
}

static void
on_image_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ImageLoad *load = user_data;
  g_autoptr(GError) error = NULL;

  /* A piece whose image cannot be read is printed with an empty frame,
   * as the window shows it: its problem is validate's to report. */
  load->pixbuf = vt_thumbnailer_load_finish (VT_THUMBNAILER (source), result, &error);
  load->done = TRUE;
}

static void
start_load (VtPrintJob     *self,
            VtThumbnailer  *thumbnailer,
            GPtrArray      *loads,
            guint           page,
            GCancellable   *cancellable)
{
  ImageLoad *load;
  int size = 0;
  GFile *file;

  if (page >= loads->len || g_ptr_array_index (loads, page) != NULL)
    return;
  file = vt_print_job_get_page_image (self, page, &size);
  if (file == NULL)
    return;

  load = g_new0 (ImageLoad, 1);
  load->file = g_object_ref (file);
  load->size = size;
  g_ptr_array_index (loads, page) = load;
  vt_thumbnailer_load_async (thumbnailer, file, size, cancellable, on_image_loaded_cb, load);
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} PdfSink;

static cairo_status_t
write_pdf_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 GFile       *dest,
                 const char  *reason)
{
  g_autofree char *name = g_file_get_parse_name (dest);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: cannot be written: %s"), name, reason);
}

gboolean
vt_print_job_write_pdf (VtPrintJob     *self,
                        VtThumbnailer  *thumbnailer,
                        GFile          *dest,
                        double          width,
                        double          height,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GPtrArray) loads = NULL;
  g_autoptr(GCancellable) loads_cancellable = g_cancellable_new ();
  g_autoptr(GError) local_error = NULL;
  PdfSink sink = { NULL, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (VT_IS_PRINT_JOB (self), FALSE);
  g_return_val_if_fail (VT_IS_THUMBNAILER (thumbnailer), FALSE);

  /* g_file_replace() writes beside the file and renames it over the old
   * one when closed: the PDF may be far larger than memory should hold,
   * so it is streamed rather than written whole with vt_file_write_atomic(). */
  stream = g_file_replace (dest, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &local_error);
  if (stream == NULL)
    {
      set_write_error (error, dest, local_error->message);
      return FALSE;
    }
  sink.stream = G_OUTPUT_STREAM (stream);

  surface = cairo_pdf_surface_create_for_stream (write_pdf_cb, &sink, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  vt_catalog_get_name (self->catalog) != NULL
                                  ? vt_catalog_get_name (self->catalog) : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Vitrine");
  cr = cairo_create (surface);

  n_pages = vt_print_job_paginate (self, cr, width, height);
  loads = g_ptr_array_new_full (n_pages, (GDestroyNotify) image_load_free);
  g_ptr_array_set_size (loads, n_pages);

  for (guint page = 0; page < n_pages && sink.error == NULL; page++)
    {
      ImageLoad *load;

      if (g_cancellable_set_error_if_cancelled (cancellable, &sink.error))
        break;
      for (guint ahead = page; ahead < page + LOAD_AHEAD && ahead < n_pages; ahead++)
        start_load (self, thumbnailer, loads, ahead, loads_cancellable);

      load = g_ptr_array_index (loads, page);
      while (load != NULL && !load->done)
        g_main_context_iteration (NULL, TRUE);

      vt_print_job_draw_page (self, cr, page, load != NULL ? load->pixbuf : NULL);
      cairo_show_page (cr);
      g_ptr_array_index (loads, page) = NULL;
      if (load != NULL)
        image_load_free (load);
    }

  /* Loads still running own their ImageLoad until they finish. */
  g_cancellable_cancel (loads_cancellable);
  for (guint page = 0; page < loads->len; page++)
    {
      ImageLoad *load = g_ptr_array_index (loads, page);

      while (load != NULL && !load->done)
        g_main_context_iteration (NULL, TRUE);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closed cancelled, the stream removes what it wrote and leaves
       * the old file as it was. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      if (sink.error != NULL && g_error_matches (sink.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, sink.error);
      else
        {
          set_write_error (error, dest, sink.error != NULL ? sink.error->message
                                                           : cairo_status_to_string (status));
          g_clear_error (&sink.error);
        }
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      set_write_error (error, dest, local_error->message);
      return FALSE;
    }
  return TRUE;
}
