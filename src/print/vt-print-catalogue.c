/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The printed catalogue: a title page, a page (or more) for each piece with its image above a museum label, an index. */

#define G_LOG_DOMAIN "vitrine-print"

#include "config.h"

#include "vt-print-private.h"

#include "vt-field.h"

#include <glib/gi18n.h>
#include <math.h>

#define MARGIN (18 * VT_MM)
#define BOTTOM_MARGIN (20 * VT_MM)
/* The image takes what the label leaves of the page, within these
 * shares of its height; a label too long for the rest goes on over the
 * next page. */
#define IMAGE_SHARE_MIN 0.33
#define IMAGE_SHARE_MAX 0.62
#define IMAGE_GAP (8 * VT_MM)
#define RUNNING_HEAD_HEIGHT (10 * VT_MM)
#define INDEX_LINE 15.0

#define TITLE_FONT "Serif Bold 20"
#define META_FONT "Sans 10"
#define ABOUT_FONT "Serif Italic 12"
#define TEXT_FONT "Serif 10"
#define TABLE_FONT "Sans 9"
#define CREDIT_FONT "Sans Bold 9.5"
#define SMALL_FONT "Sans 8.5"

/* How a block of the label is set apart. */
typedef enum
{
  BLOCK_PLAIN,
  BLOCK_BAR,          /* a bar along its left: the About */
  BLOCK_RULE_ABOVE,   /* a hairline above: the credit line */
} BlockStyle;

typedef struct
{
  PangoLayout *layout;
  double       indent;
  double       space_before;
  BlockStyle   style;
} Block;

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
}

static double
content_width (VtPrintJob *self)
{
  return self->width - 2 * MARGIN;
}

static double
content_bottom (VtPrintJob *self)
{
  return self->height - BOTTOM_MARGIN;
}

/* The square the image is fitted in, centred over the label: as large
 * as the label, @label_height high, leaves room for. */
static double
image_box (VtPrintJob *self,
           double      label_height)
{
  double page = content_bottom (self) - MARGIN;
  double box = page - IMAGE_GAP - label_height;

  box = CLAMP (box, page * IMAGE_SHARE_MIN, page * IMAGE_SHARE_MAX);
  return MIN (content_width (self), box);
}

static void
add_block (GArray      *blocks,
           PangoLayout *layout,
           double       indent,
           double       space_before,
           BlockStyle   style)
{
  Block block = { layout, indent, space_before, style };

  g_array_append_val (blocks, block);
}

/* "1956 · Europe · Hungary, USSR". */
static char *
dup_meta_line (VtItem *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char * const *countries = vt_item_get_countries (item);

  if (vt_item_get_year (item) != 0)
    g_ptr_array_add (parts, g_strdup_printf ("%d", vt_item_get_year (item)));
  if (vt_item_get_region (item) != NULL)
    g_ptr_array_add (parts, g_strdup (vt_item_get_region (item)));
  if (countries[0] != NULL)
    /* Translators: between the countries of a piece on a printed label. */
    g_ptr_array_add (parts, g_strjoinv (_(", "), (char **) countries));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* The attributes the label's other lines do not give, as a table. */
static const VtField table_fields[] = {
  VT_FIELD_DECADE, VT_FIELD_POLITICS, VT_FIELD_CONFLICT, VT_FIELD_TYPE, VT_FIELD_IMPACT,
  VT_FIELD_GROUP,
};

/* Two pairs of label and value a line: "Decade  1950s    Politics  Revolution". */
static PangoLayout *
table_layout (PangoContext *context,
              VtItem       *item,
              double        width)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  PangoLayout *layout;
  PangoTabArray *tabs;
  guint n_cells = 0;

  for (guint i = 0; i < G_N_ELEMENTS (table_fields); i++)
    {
      VtField field = table_fields[i];
      g_autofree char *value = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *label = NULL;

      if (field == VT_FIELD_IMPACT)
        value = vt_item_get_impact (item) != 0
                ? g_strdup_printf ("%d / 10", vt_item_get_impact (item)) : NULL;
      else
        value = g_strdup (vt_item_get_string (item, field));
      if (value == NULL)
        continue;
      label = g_markup_escape_text (vt_field_get_label (field), -1);
      escaped = g_markup_escape_text (value, -1);
      if (n_cells > 0)
        g_string_append (markup, n_cells % 2 == 0 ? "\n" : "\t");
      g_string_append_printf (markup, "<span foreground=\"#707070\" size=\"88%%\" "
                              "letter_spacing=\"500\">%s</span>\t%s", label, escaped);
      n_cells++;
    }
  if (n_cells == 0)
    return NULL;

  layout = vt_print_layout_new (context, TABLE_FONT, NULL, width);
  tabs = pango_tab_array_new (3, FALSE);
  pango_tab_array_set_tab (tabs, 0, PANGO_TAB_LEFT, pango_units_from_double (24 * VT_MM));
  pango_tab_array_set_tab (tabs, 1, PANGO_TAB_LEFT, pango_units_from_double (width / 2));
  pango_tab_array_set_tab (tabs, 2, PANGO_TAB_LEFT, pango_units_from_double (width / 2 + 24 * VT_MM));
  pango_layout_set_tabs (layout, tabs);
  pango_tab_array_free (tabs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_markup (layout, markup->str, -1);
  pango_layout_set_spacing (layout, pango_units_from_double (3));
  return layout;
}

/* The label of a piece, top to bottom. */
static GArray *
piece_blocks (VtPrintJob   *self,
              PangoContext *context,
              VtItem       *item)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  double width = content_width (self);
  const char * const *text = vt_item_get_text (item);
  g_autofree char *meta = dup_meta_line (item);
  g_autofree char *number = vt_print_dup_number (self, item);
  g_autoptr(GPtrArray) credits = g_ptr_array_new ();
  g_autofree char *credit = NULL;
  PangoLayout *layout;

  g_array_set_clear_func (blocks, block_clear);

  layout = vt_print_layout_new (context, TITLE_FONT,
                                vt_item_get_title (item) != NULL ? vt_item_get_title (item)
                                                                 : _("Untitled"),
                                width);
  add_block (blocks, layout, 0, 0, BLOCK_PLAIN);
  if (*meta != '\0')
    {
      layout = vt_print_layout_new (context, META_FONT, meta, width);
      pango_layout_set_spacing (layout, pango_units_from_double (1.5));
      add_block (blocks, layout, 0, 4, BLOCK_PLAIN);
    }

  if (vt_item_get_about (item) != NULL)
    {
      layout = vt_print_layout_new (context, ABOUT_FONT, vt_item_get_about (item),
                                    width - 12 * VT_MM);
      pango_layout_set_spacing (layout, pango_units_from_double (2.5));
      add_block (blocks, layout, 6 * VT_MM, 14, BLOCK_BAR);
    }

  for (guint i = 0; text[i] != NULL; i++)
    {
      layout = vt_print_layout_new (context, TEXT_FONT, text[i], width);
      pango_layout_set_justify (layout, TRUE);
      pango_layout_set_spacing (layout, pango_units_from_double (2.5));
      add_block (blocks, layout, 0, i == 0 ? 14 : 6, BLOCK_PLAIN);
    }

  layout = table_layout (context, item, width);
  if (layout != NULL)
    add_block (blocks, layout, 0, 14, BLOCK_PLAIN);

  /* The credit line: number, artist, price. */
  if (number != NULL)
    g_ptr_array_add (credits, g_strdup_printf (_("No. %s"), number));
  if (vt_item_get_artist (item) != NULL)
    g_ptr_array_add (credits, g_strdup (vt_item_get_artist (item)));
  if (vt_item_get_price_text (item) != NULL)
    g_ptr_array_add (credits, g_strdup (vt_item_get_price_text (item)));
  g_ptr_array_set_free_func (credits, g_free);
  if (credits->len > 0)
    {
      g_ptr_array_add (credits, NULL);
      credit = g_strjoinv ("   ·   ", (char **) credits->pdata);
      layout = vt_print_layout_new (context, CREDIT_FONT, credit, width);
      add_block (blocks, layout, 0, 16, BLOCK_RULE_ABOVE);
    }
  return blocks;
}

/* Where the label goes on, line by line, over as many pages as it needs,
 * drawing the lines that fall on page @draw_part (-1: none, to count). */
static guint
flow_piece (VtPrintJob   *self,
            PangoContext *context,
            VtItem       *item,
            cairo_t      *cr,
            int           draw_part,
            double       *box)
{
  g_autoptr(GArray) blocks = piece_blocks (self, context, item);
  double label_height = 0;
  double top;
  double continued_top = MARGIN + RUNNING_HEAD_HEIGHT;
  double bottom = content_bottom (self);
  double y;
  guint part = 0;

  for (guint b = 0; b < blocks->len; b++)
    {
      Block *block = &g_array_index (blocks, Block, b);

      label_height += (b > 0 ? block->space_before : 0) + vt_print_layout_height (block->layout);
    }
  *box = image_box (self, label_height);
  top = MARGIN + *box + IMAGE_GAP;
  y = top;

  for (guint b = 0; b < blocks->len; b++)
    {
      Block *block = &g_array_index (blocks, Block, b);
      PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
      int n_lines = pango_layout_get_line_count (block->layout);
      gboolean first_line = TRUE;
      int line = 0;

      if (y > (part == 0 ? top : continued_top))
        y += block->space_before;
      do
        {
          PangoRectangle logical;
          int line_top, line_bottom;
          double height, baseline;
          double page_top = part == 0 ? top : continued_top;

          pango_layout_iter_get_line_yrange (iter, &line_top, &line_bottom);
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          height = pango_units_to_double (line_bottom - line_top);
          baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - line_top);

          /* No paragraph leaves one line alone at the foot of a page
           * or at the head of the next. */
          if (y + height > bottom
              || (y > page_top && n_lines >= 2 && line == 0 && y + 2 * height > bottom)
              || (y > page_top && n_lines >= 3 && line == n_lines - 2 && y + 2 * height > bottom))
            {
              part++;
              y = continued_top;
            }
          if ((int) part == draw_part)
            {
              double x = MARGIN + block->indent + pango_units_to_double (logical.x);

              cairo_move_to (cr, x, y + baseline);
              pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
              if (block->style == BLOCK_BAR)
                {
                  cairo_save (cr);
                  cairo_set_source_rgb (cr, 0.55, 0.45, 0.3);
                  cairo_rectangle (cr, MARGIN + 1 * VT_MM, y, 1.2, height);
                  cairo_fill (cr);
                  cairo_restore (cr);
                }
              if (block->style == BLOCK_RULE_ABOVE && first_line)
                {
                  cairo_save (cr);
                  cairo_set_line_width (cr, 0.5);
                  cairo_move_to (cr, MARGIN, y - 7);
                  cairo_line_to (cr, MARGIN + content_width (self), y - 7);
                  cairo_stroke (cr);
                  cairo_restore (cr);
                }
            }
          first_line = FALSE;
          y += height;
          line++;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  return part + 1;
}

static int
compare_by_number (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  VtPrintJob *self = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  guint na = vt_item_get_number (g_ptr_array_index (self->items, ia));
  guint nb = vt_item_get_number (g_ptr_array_index (self->items, ib));

  if (na != nb)
    return na < nb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

void
vt_print_catalogue_paginate (VtPrintJob   *self,
                             PangoContext *context)
{
  cairo_surface_t *scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (scratch);
  VtPage title = { VT_PAGE_TITLE, 0, 0 };
  double index_height;
  guint n_lines;

  g_array_append_val (self->pages, title);
  for (guint i = 0; i < self->items->len; i++)
    {
      double box;
      guint n_parts = flow_piece (self, context, g_ptr_array_index (self->items, i), cr, -1, &box);
      guint first = self->pages->len;

      g_array_append_val (self->image_boxes, box);
      g_array_append_val (self->piece_pages, first);
      for (guint part = 0; part < n_parts; part++)
        {
          VtPage page = { VT_PAGE_PIECE, i, part };

          g_array_append_val (self->pages, page);
        }
    }
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);

  for (guint i = 0; i < self->items->len; i++)
    g_array_append_val (self->index_order, i);
  g_array_sort_with_data (self->index_order, compare_by_number, self);

  /* The index: a heading on its first page, then lines to the foot. */
  index_height = content_bottom (self) - MARGIN - RUNNING_HEAD_HEIGHT;
  self->index_lines = MAX (1, (guint) (index_height / INDEX_LINE));
  n_lines = self->items->len;
  for (guint line = 0; line < n_lines; line += self->index_lines)
    {
      VtPage page = { VT_PAGE_INDEX, line, 0 };

      g_array_append_val (self->pages, page);
    }
}

GFile *
vt_print_catalogue_get_image (VtPrintJob   *self,
                              const VtPage *page,
                              int          *size)
{
  VtItem *item;

  if (page->kind != VT_PAGE_PIECE || page->part != 0)
    return NULL;
  item = g_ptr_array_index (self->items, page->first);
  /* Above the largest cached size the thumbnailer decodes the original
   * and keeps it in memory only: a picture printed once is not worth a
   * 4 MB file in the desktop's thumbnail cache. */
  if (size != NULL)
    *size = MAX ((int) ceil (g_array_index (self->image_boxes, double, page->first) / 72.0 * VT_PRINT_DPI),
                 VT_THUMBNAILER_MAX_CACHED_SIZE + 1);
  return vt_item_get_image (item);
}

static void
show_centred (cairo_t      *cr,
              PangoContext *context,
              const char   *font,
              const char   *text,
              double        width,
              double        y,
              double        letter_spacing)
{
  g_autoptr(PangoLayout) layout = vt_print_layout_new (context, font, text, width - 2 * MARGIN);

  if (letter_spacing > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (pango_units_from_double (letter_spacing)));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, layout);
}

static void
hairline (cairo_t *cr,
          double   x0,
          double   x1,
          double   y)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_title_page (VtPrintJob   *self,
                 cairo_t      *cr,
                 PangoContext *context)
{
  const char *name = vt_catalog_get_name (self->catalog);
  guint n = self->items->len;
  g_autofree char *count = g_strdup_printf (ngettext ("%'u piece", "%'u pieces", n), n);
  g_autofree char *date = g_date_time_format (self->date, "%e %B %Y");
  g_autofree char *selection = NULL;
  double y = self->height * 0.3;

  show_centred (cr, context, "Sans 10", _("CATALOGUE"), self->width, y, 4);
  y += 28;
  hairline (cr, self->width / 2 - 20 * VT_MM, self->width / 2 + 20 * VT_MM, y);
  y += 22;
  {
    g_autoptr(PangoLayout) layout = vt_print_layout_new (context, "Serif Bold 40",
                                                         name != NULL ? name : _("Collection"),
                                                         self->width - 2 * MARGIN);

    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    cairo_move_to (cr, MARGIN, y);
    pango_cairo_show_layout (cr, layout);
    y += vt_print_layout_height (layout) + 18;
  }
  show_centred (cr, context, "Serif 15", count, self->width, y, 0);
  y += 26;
  if (self->filter != NULL)
    /* Translators: on a printed catalogue's title page, the filter that chose its pieces. */
    selection = g_strdup_printf (_("Selected by %s"), self->filter);
  else
    selection = g_strdup (_("The whole collection"));
  show_centred (cr, context, "Serif Italic 12", selection, self->width, y, 0);

  show_centred (cr, context, "Sans 10", g_strstrip (date), self->width,
                self->height - BOTTOM_MARGIN - 30, 0);
}

static void
draw_footer (VtPrintJob   *self,
             cairo_t      *cr,
             PangoContext *context,
             guint         page_number)
{
  g_autofree char *number = g_strdup_printf ("%u", page_number + 1);
  g_autoptr(PangoLayout) left = vt_print_layout_new (context, SMALL_FONT,
                                                     vt_catalog_get_name (self->catalog),
                                                     content_width (self) / 2);
  g_autoptr(PangoLayout) right = vt_print_layout_new (context, SMALL_FONT, number,
                                                      content_width (self) / 2);
  double y = self->height - BOTTOM_MARGIN + 8 * VT_MM;

  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  hairline (cr, MARGIN, self->width - MARGIN, y - 3 * VT_MM);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, self->width / 2, y);
  pango_cairo_show_layout (cr, right);
  cairo_restore (cr);
}

static void
draw_running_head (VtPrintJob   *self,
                   cairo_t      *cr,
                   PangoContext *context,
                   const char   *text)
{
  g_autoptr(PangoLayout) layout = vt_print_layout_new (context, "Sans Italic 8.5", text,
                                                       content_width (self));

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, MARGIN, MARGIN);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_image (VtPrintJob *self,
            cairo_t    *cr,
            GdkPixbuf  *pixbuf,
            double      box)
{
  double x0 = MARGIN + (content_width (self) - box) / 2;
  g_autofree char *buffer = NULL;
  g_autoptr(GBytes) jpeg = NULL;
  cairo_surface_t *surface;
  double scale, w, h;
  gsize length;

  if (pixbuf == NULL)
    {
      /* No picture: a frame where it would hang. */
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, x0, MARGIN, box, box);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }

  /* The picture is already at the printed size: a PDF holds its JPEG,
   * not its pixels. */
  if (!gdk_pixbuf_get_has_alpha (pixbuf)
      && gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", NULL,
                                    "quality", "88", NULL))
    jpeg = g_bytes_new_take (g_steal_pointer (&buffer), length);
  surface = vt_print_surface_for_pixbuf (pixbuf, jpeg);

  w = gdk_pixbuf_get_width (pixbuf);
  h = gdk_pixbuf_get_height (pixbuf);
  scale = MIN (box / w, box / h);
  cairo_save (cr);
  cairo_translate (cr, MARGIN + (content_width (self) - w * scale) / 2,
                   MARGIN + (box - h * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
}

static void
draw_index_page (VtPrintJob   *self,
                 cairo_t      *cr,
                 PangoContext *context,
                 const VtPage *page)
{
  double y = MARGIN;
  double width = content_width (self);
  guint end = MIN (page->first + self->index_lines, self->index_order->len);

  if (page->first == 0)
    {
      g_autoptr(PangoLayout) heading = vt_print_layout_new (context, TITLE_FONT, _("Index"), width);

      cairo_move_to (cr, MARGIN, y - 6);
      pango_cairo_show_layout (cr, heading);
    }
  else
    draw_running_head (self, cr, context, _("Index (continued)"));
  y += RUNNING_HEAD_HEIGHT;
  if (page->first == 0)
    y += 6;

  for (guint line = page->first; line < end; line++)
    {
      guint index = g_array_index (self->index_order, guint, line);
      VtItem *item = g_ptr_array_index (self->items, index);
      guint piece_page = g_array_index (self->piece_pages, guint, index) + 1;
      g_autofree char *number = vt_item_get_number (item) != 0
                                ? g_strdup_printf ("%u", vt_item_get_number (item)) : g_strdup ("");
      g_autofree char *page_text = g_strdup_printf ("%u", piece_page);
      g_autoptr(PangoLayout) number_layout = vt_print_layout_new (context, TABLE_FONT, number, 12 * VT_MM);
      g_autoptr(PangoLayout) title = vt_print_layout_new (context, "Serif 10",
                                                          vt_item_get_title (item), width - 32 * VT_MM);
      g_autoptr(PangoLayout) page_layout = vt_print_layout_new (context, TABLE_FONT, page_text, 15 * VT_MM);

      pango_layout_set_alignment (number_layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (page_layout, PANGO_ALIGN_RIGHT);
      cairo_move_to (cr, MARGIN, y + 1);
      pango_cairo_show_layout (cr, number_layout);
      cairo_move_to (cr, MARGIN + 17 * VT_MM, y);
      pango_cairo_show_layout (cr, title);
      cairo_move_to (cr, MARGIN + width - 15 * VT_MM, y + 1);
      pango_cairo_show_layout (cr, page_layout);

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      hairline (cr, MARGIN, MARGIN + width, y + INDEX_LINE - 1.5);
      cairo_restore (cr);
      y += INDEX_LINE;
    }
}

void
vt_print_catalogue_draw (VtPrintJob   *self,
                         cairo_t      *cr,
                         PangoContext *context,
                         const VtPage *page,
                         guint         page_number,
                         GdkPixbuf    *image)
{
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);

  switch (page->kind)
    {
    case VT_PAGE_TITLE:
      draw_title_page (self, cr, context);
      return;
    case VT_PAGE_PIECE:
      {
        VtItem *item = g_ptr_array_index (self->items, page->first);
        double box = g_array_index (self->image_boxes, double, page->first);

        if (page->part == 0)
          draw_image (self, cr, image, box);
        else
          {
            /* Translators: the running head of a piece's second page, %s is its title. */
            g_autofree char *head = g_strdup_printf (_("%s (continued)"), vt_item_get_title (item));

            draw_running_head (self, cr, context, head);
          }
        flow_piece (self, context, item, cr, page->part, &box);
      }
      break;
    case VT_PAGE_INDEX:
      draw_index_page (self, cr, context, page);
      break;
    case VT_PAGE_LABELS:
    default:
      g_assert_not_reached ();
    }
  draw_footer (self, cr, context, page_number);
}
