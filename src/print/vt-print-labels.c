/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Wall labels: several to a sheet with crop marks, in type that reads at a metre. */

#define G_LOG_DOMAIN "vitrine-print"

#include "config.h"

#include "vt-print-private.h"

#include <glib/gi18n.h>

/* 95 x 130 mm: four to a sheet of A4 or Letter, with room for the crop
 * marks around them. */
#define LABEL_WIDTH (95 * VT_MM)
#define LABEL_HEIGHT (130 * VT_MM)
#define PADDING (9 * VT_MM)
/* Crop marks: this long, this far from the labels. */
#define MARK_LENGTH (4 * VT_MM)
#define MARK_OFFSET (1.5 * VT_MM)
#define SHEET_MARGIN (MARK_LENGTH + MARK_OFFSET)

/* At a metre, 14 points is the smallest comfortable body; the About may
 * shrink to 12 before it is cut. */
#define TITLE_FONT "Sans Bold 22"
#define ARTIST_FONT "Sans 16"
#define META_FONT "Sans 14"
#define NUMBER_FONT "Sans 12"
#define ABOUT_FONT_FAMILY "Serif"
#define ABOUT_LARGEST 15
#define ABOUT_SMALLEST 12

void
vt_print_labels_paginate (VtPrintJob *self)
{
  guint per_page;

  self->label_columns = MAX (1, (guint) ((self->width - 2 * SHEET_MARGIN) / LABEL_WIDTH));
  self->label_rows = MAX (1, (guint) ((self->height - 2 * SHEET_MARGIN) / LABEL_HEIGHT));
  per_page = self->label_columns * self->label_rows;

  for (guint first = 0; first < self->items->len; first += per_page)
    {
      VtPage page = { VT_PAGE_LABELS, first, 0 };

      g_array_append_val (self->pages, page);
    }
}

static void
crop_marks (VtPrintJob *self,
            cairo_t    *cr,
            double      left,
            double      top)
{
  double right = left + self->label_columns * LABEL_WIDTH;
  double bottom = top + self->label_rows * LABEL_HEIGHT;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.3);
  for (guint c = 0; c <= self->label_columns; c++)
    {
      double x = left + c * LABEL_WIDTH;

      cairo_move_to (cr, x, top - MARK_OFFSET);
      cairo_rel_line_to (cr, 0, -MARK_LENGTH);
      cairo_move_to (cr, x, bottom + MARK_OFFSET);
      cairo_rel_line_to (cr, 0, MARK_LENGTH);
    }
  for (guint r = 0; r <= self->label_rows; r++)
    {
      double y = top + r * LABEL_HEIGHT;

      cairo_move_to (cr, left - MARK_OFFSET, y);
      cairo_rel_line_to (cr, -MARK_LENGTH, 0);
      cairo_move_to (cr, right + MARK_OFFSET, y);
      cairo_rel_line_to (cr, MARK_LENGTH, 0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Shows @layout at (x, *y) and moves *y below it. */
static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double      *y,
      double       space_after)
{
  cairo_move_to (cr, x, *y);
  pango_cairo_show_layout (cr, layout);
  *y += vt_print_layout_height (layout) + space_after;
}

static void
draw_label (VtPrintJob   *self,
            cairo_t      *cr,
            PangoContext *context,
            VtItem       *item,
            double        left,
            double        top)
{
  double x = left + PADDING;
  double width = LABEL_WIDTH - 2 * PADDING;
  double y = top + PADDING;
  double bottom = top + LABEL_HEIGHT - PADDING;
  g_autofree char *number = vt_print_dup_number (self, item);
  g_autoptr(PangoLayout) number_layout = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(GString) meta = g_string_new (NULL);
  const char * const *countries = vt_item_get_countries (item);
  const char *about = vt_item_get_about (item);

  /* The number at the foot, the text above it. */
  if (number != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("No. %s"), number);

      number_layout = vt_print_layout_new (context, NUMBER_FONT, text, width);
      bottom -= vt_print_layout_height (number_layout);
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_move_to (cr, x, bottom);
      pango_cairo_show_layout (cr, number_layout);
      cairo_restore (cr);
      bottom -= 4 * VT_MM;
    }

  title = vt_print_layout_new (context, TITLE_FONT,
                               vt_item_get_title (item) != NULL ? vt_item_get_title (item)
                                                                : _("Untitled"),
                               width);
  /* A title longer than four lines is cut: the label is not its place. */
  pango_layout_set_height (title, -4);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  show (cr, title, x, &y, 3 * VT_MM);

  if (vt_item_get_artist (item) != NULL)
    {
      g_autoptr(PangoLayout) artist = vt_print_layout_new (context, ARTIST_FONT,
                                                           vt_item_get_artist (item), width);

      show (cr, artist, x, &y, 2 * VT_MM);
    }

  if (vt_item_get_year (item) != 0)
    g_string_append_printf (meta, "%d", vt_item_get_year (item));
  if (vt_item_get_region (item) != NULL)
    g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "", vt_item_get_region (item));
  if (countries[0] != NULL)
    {
      /* Translators: between the countries of a piece on a printed label. */
      g_autofree char *joined = g_strjoinv (_(", "), (char **) countries);

      g_string_append_printf (meta, "%s%s", meta->len > 0 ? "\n" : "", joined);
    }
  if (meta->len > 0)
    {
      g_autoptr(PangoLayout) layout = vt_print_layout_new (context, META_FONT, meta->str, width);

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      show (cr, layout, x, &y, 0);
      cairo_restore (cr);
    }

  if (about != NULL && y + 12 * VT_MM < bottom)
    {
      g_autoptr(PangoLayout) layout = NULL;

      y += 5 * VT_MM;
      cairo_save (cr);
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, x, y - 2.5 * VT_MM);
      cairo_rel_line_to (cr, 12 * VT_MM, 0);
      cairo_stroke (cr);
      cairo_restore (cr);

      /* The largest type the About fits in, else the smallest, cut. */
      for (int size = ABOUT_LARGEST; size >= ABOUT_SMALLEST; size--)
        {
          g_autofree char *font = g_strdup_printf ("%s %d", ABOUT_FONT_FAMILY, size);

          g_clear_object (&layout);
          layout = vt_print_layout_new (context, font, about, width);
          pango_layout_set_spacing (layout, pango_units_from_double (size * 0.25));
          if (y + vt_print_layout_height (layout) <= bottom)
            break;
        }
      pango_layout_set_height (layout, pango_units_from_double (bottom - y));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      show (cr, layout, x, &y, 0);
    }
}

void
vt_print_labels_draw (VtPrintJob   *self,
                      cairo_t      *cr,
                      PangoContext *context,
                      const VtPage *page)
{
  double left = (self->width - self->label_columns * LABEL_WIDTH) / 2;
  double top = (self->height - self->label_rows * LABEL_HEIGHT) / 2;
  guint per_page = self->label_columns * self->label_rows;

  crop_marks (self, cr, left, top);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint i = 0; i < per_page && page->first + i < self->items->len; i++)
    {
      guint column = i % self->label_columns;
      guint row = i / self->label_columns;

      draw_label (self, cr, context, g_ptr_array_index (self->items, page->first + i),
                  left + column * LABEL_WIDTH, top + row * LABEL_HEIGHT);
    }
}
