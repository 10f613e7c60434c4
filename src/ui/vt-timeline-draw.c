/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the timeline draws the part of the wall in view: decade bands, the axis, cards and clusters. */

#define G_LOG_DOMAIN "vitrine-timeline"

#include "config.h"

#include "vt-timeline-private.h"

#include "vt-text.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* Label years every 1, 2, 5... years, no closer than this. */
#define MIN_LABEL_SPACING 48.0

static double
axis_y (VtTimeline *self)
{
  return gtk_widget_get_height (GTK_WIDGET (self)) - BOTTOM_HEIGHT - self->lift;
}

static void
get_colors (VtTimeline *self,
            GdkRGBA    *fg,
            GdkRGBA    *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, fg);
  if (!gtk_style_context_lookup_color (context, "theme_selected_bg_color", accent))
    gdk_rgba_parse (accent, "#3584e4");
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* A rounded shape filled, as a border as thick as half of it: cheaper
 * than a rounded clip for the cairo renderer. */
static void
fill_rounded (GtkSnapshot          *snapshot,
              const GskRoundedRect *shape,
              const GdkRGBA        *color)
{
  float half = MIN (shape->bounds.size.width, shape->bounds.size.height) / 2;
  const float widths[4] = { half, half, half, half };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gtk_snapshot_append_border (snapshot, shape, widths, colors);
}

static PangoLayout *
new_text (VtTimeline *self,
          const char *text,
          double      scale,
          PangoWeight weight)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (pango_layout_get_context (layout)));
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_size (font, pango_font_description_get_size (font) * scale);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  /* Figures of one width, so years line up like a printed table's. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_font_description_free (font);

  return layout;
}

/*
 * A layout of @text, the same one from frame to frame: the labels of the
 * years, the decades and the clusters in view are shaped once, not at
 * every frame of a scroll. Forgotten when the widget's type changes (the
 * Pango context's serial), and all at once past a few hundred.
 */
#define MAX_TEXTS 512

static PangoLayout *
make_text (VtTimeline *self,
           const char *text,
           double      scale,
           PangoWeight weight)
{
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  g_autofree char *key = g_strdup_printf ("%g %d %s", scale, weight, text);
  PangoLayout *layout;

  if (serial != self->texts_serial || g_hash_table_size (self->texts) > MAX_TEXTS)
    {
      g_hash_table_remove_all (self->texts);
      self->texts_serial = serial;
    }

  layout = g_hash_table_lookup (self->texts, key);
  if (layout == NULL)
    {
      layout = new_text (self, text, scale, weight);
      g_hash_table_insert (self->texts, g_steal_pointer (&key), layout);
    }

  return g_object_ref (layout);
}

static gboolean
decade_highlighted (VtTimeline *self,
                    int         decade)
{
  g_autofree char *name = NULL;

  if (self->decades == NULL)
    return FALSE;
  name = g_strdup_printf ("%ds", decade);
  return g_strv_contains ((const char * const *) self->decades, name);
}

static void
snapshot_bands (VtTimeline    *self,
                GtkSnapshot   *snapshot,
                const GdkRGBA *fg,
                const GdkRGBA *accent)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double value = _vt_timeline_scroll_value (self);
  int start, end;

  vt_timeline_layout_get_span (self->layout, &start, &end);
  for (int decade = start; decade < end; decade += 10)
    {
      double x0 = vt_timeline_layout_year_to_x (self->layout, decade) - value;
      double x1 = vt_timeline_layout_year_to_x (self->layout, decade + 10) - value;
      gboolean highlighted = decade_highlighted (self, decade);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) label = NULL;
      int label_width;
      double x;

      if (x1 < 0 || x0 > width)
        continue;

      if (highlighted || (decade / 10) % 2 == 0)
        {
          GdkRGBA band = highlighted ? with_alpha (accent, 0.16) : with_alpha (fg, 0.035);

          gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (x0, 0, x1 - x0, height));
        }

      /* The decade's name stays in view while any of its band is; in
       * smaller type on a narrow band, none on a band narrower still. */
      text = g_strdup_printf ("%d", decade);
      label = make_text (self, text, 1.8, PANGO_WEIGHT_LIGHT);
      pango_layout_get_pixel_size (label, &label_width, NULL);
      if (label_width + 16 > x1 - x0)
        {
          g_clear_object (&label);
          label = make_text (self, text, 1.2, PANGO_WEIGHT_NORMAL);
          pango_layout_get_pixel_size (label, &label_width, NULL);
        }
      if (label_width + 16 > x1 - x0)
        continue;
      x = CLAMP (0, x0, x1 - label_width - 16) + 8;
      {
        GdkRGBA color = highlighted ? *accent : with_alpha (fg, 0.55);

        append_text (snapshot, label, x, 14, &color);
      }
    }
}

static int
label_step (double px_per_year)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 50, 100 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * px_per_year >= MIN_LABEL_SPACING)
      return steps[i];
  return 100;
}

static void
snapshot_axis (VtTimeline    *self,
               GtkSnapshot   *snapshot,
               const GdkRGBA *fg)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double value = _vt_timeline_scroll_value (self);
  double axis = axis_y (self);
  double ppy = vt_timeline_layout_get_px_per_year (self->layout);
  int step = label_step (ppy);
  GdkRGBA line = with_alpha (fg, 0.6);
  GdkRGBA tick = with_alpha (fg, 0.35);
  GdkRGBA text = with_alpha (fg, 0.75);
  int start, end, first, last;

  vt_timeline_layout_get_span (self->layout, &start, &end);
  {
    double x0 = MAX (0, vt_timeline_layout_year_to_x (self->layout, start) - value);
    double x1 = MIN (width, vt_timeline_layout_year_to_x (self->layout, end) - value);

    if (x1 > x0)
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x0, axis, x1 - x0, 2));
  }

  first = MAX (start, (int) floor (vt_timeline_layout_x_to_year (self->layout, value)) - 1);
  last = MIN (end, (int) ceil (vt_timeline_layout_x_to_year (self->layout, value + width)) + 1);
  for (int year = first; year <= last; year++)
    {
      double x = vt_timeline_layout_year_to_x (self->layout, year) - value;
      gboolean decade = year % 10 == 0;

      if (decade)
        gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x - 1, axis - 8, 2, 18));
      else if (ppy >= 4)
        gtk_snapshot_append_color (snapshot, &tick, &GRAPHENE_RECT_INIT (x - 0.5, axis, 1, 7));

      if (year < end && year % step == 0)
        {
          g_autofree char *number = g_strdup_printf ("%d", year);
          g_autoptr(PangoLayout) label = make_text (self, number, 0.9,
                                                    decade ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
          int label_width;
          /* A year's own span when it has room, else its tick. */
          double center = step == 1 ? x + ppy / 2 : x;

          pango_layout_get_pixel_size (label, &label_width, NULL);
          append_text (snapshot, label, center - label_width / 2.0, axis + 14, &text);
        }
    }

  /* A dot on the axis under each column of pieces. */
  {
    guint s, s_end;
    double span = vt_timeline_layout_get_years_per_slot (self->layout) * ppy;

    vt_timeline_layout_slots_in (self->layout, value, value + width, &s, &s_end);
    for (; s < s_end; s++)
      {
        const VtTimelineSlot *slot = vt_timeline_layout_get_slot (self->layout, s);
        double x = slot->x + span / 2 - value;
        GskRoundedRect dot;

        gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x - 4, axis - 3, 8, 8), 4);
        fill_rounded (snapshot, &dot, &line);
      }
  }
}

/* "1956 - Hungarian Revolution" under its year reads "Hungarian Revolution". */
static const char *
title_without_year (VtItem *item)
{
  const char *title = vt_item_get_title (item);
  g_autofree char *year = g_strdup_printf ("%d", vt_item_get_year (item));
  const char *rest;

  if (title == NULL)
    return "";
  if (!g_str_has_prefix (title, year))
    return title;
  rest = title + strlen (year);
  while (*rest == ' ')
    rest++;
  if (g_str_has_prefix (rest, "-"))
    rest += 1;
  else if (g_str_has_prefix (rest, "–") || g_str_has_prefix (rest, "—"))
    rest += strlen ("–");
  else
    return title;
  while (*rest == ' ')
    rest++;

  return *rest != '\0' ? rest : title;
}

static PangoLayout *
title_layout (VtTimeline *self,
              VtItem     *item,
              Thumb      *thumb,
              double      width)
{
  PangoLayout *layout;

  if (thumb != NULL && thumb->title != NULL
      && pango_layout_get_width (thumb->title) == (int) (width * PANGO_SCALE))
    return g_object_ref (thumb->title);

  {
    g_autofree char *cut = NULL;

    layout = new_text (self, vt_text_bound (title_without_year (item), VT_TEXT_BOUND_LINE, &cut),
                        0.85, PANGO_WEIGHT_NORMAL);
  }
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_height (layout, -2);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (thumb != NULL)
    g_set_object (&thumb->title, layout);

  return layout;
}

static gboolean
shows_missing (VtItem *item,
               Thumb  *thumb)
{
  return vt_item_get_image (item) == NULL || (thumb != NULL && thumb->failed);
}

gboolean
_vt_timeline_shows_missing (VtTimeline *self,
                            VtItem     *item)
{
  return shows_missing (item, g_hash_table_lookup (self->thumbs, item));
}

static void
snapshot_icon (VtTimeline    *self,
               GtkSnapshot   *snapshot,
               const char    *name,
               int            size,
               double         x,
               double         y,
               const GdkRGBA *color)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (widget)),
                                     name, NULL, size,
                                     gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, size, size, color, 1);
  gtk_snapshot_restore (snapshot);
}

/* The grid's sign of a picture that cannot be shown, in the middle of
 * the card: a piece without an image, or whose image did not load. */
static void
snapshot_missing (VtTimeline            *self,
                  GtkSnapshot           *snapshot,
                  const graphene_rect_t *box,
                  const GdkRGBA         *fg)
{
  int size = (int) CLAMP (box->size.width / 3, 16, 48);
  GdkRGBA color = with_alpha (fg, 0.45);

  snapshot_icon (self, snapshot, "image-missing-symbolic", size,
                 box->origin.x + (box->size.width - size) / 2,
                 box->origin.y + (box->size.height - size) / 2, &color);
}

/* The grid's mark of a piece with a problem, as its tiles draw it
 * (.vt-problem-mark): the warning sign on a disc of the view's
 * ground, in the card's top corner, @below the cluster's count. */
#define MARK_ICON 16
#define MARK_PADDING 4
#define MARK_MARGIN 6

static void
snapshot_problem_mark (VtTimeline            *self,
                       GtkSnapshot           *snapshot,
                       const graphene_rect_t *box,
                       double                 below)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  double disc = MARK_ICON + 2 * MARK_PADDING;
  double x = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
             ? box->origin.x + MARK_MARGIN
             : box->origin.x + box->size.width - MARK_MARGIN - disc;
  double y = MAX (box->origin.y + MARK_MARGIN, below);
  GdkRGBA ground, warning;
  GskRoundedRect shape;

  if (!gtk_style_context_lookup_color (context, "theme_base_color", &ground))
    gdk_rgba_parse (&ground, "#ffffff");
  if (!gtk_style_context_lookup_color (context, "warning_color", &warning))
    gdk_rgba_parse (&warning, "#f57900");
  gsk_rounded_rect_init_from_rect (&shape, &GRAPHENE_RECT_INIT (x, y, disc, disc), disc / 2);
  fill_rounded (snapshot, &shape, &ground);
  snapshot_icon (self, snapshot, "dialog-warning-symbolic", MARK_ICON,
                 x + MARK_PADDING, y + MARK_PADDING, &warning);
}

static void
snapshot_picture (VtTimeline     *self,
                  GtkSnapshot    *snapshot,
                  VtItem         *item,
                  Thumb          *thumb,
                  const graphene_rect_t *box,
                  const GdkRGBA  *fg)
{
  GdkRGBA mat = with_alpha (fg, 0.07);
  GdkRGBA edge = with_alpha (fg, 0.18);
  GskRoundedRect border;
  const float widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA edges[4] = { edge, edge, edge, edge };

  gtk_snapshot_append_color (snapshot, &mat, box);
  if (shows_missing (item, thumb))
    snapshot_missing (self, snapshot, box, fg);
  else if (thumb != NULL && thumb->texture != NULL)
    {
      double tw = gdk_texture_get_width (thumb->texture);
      double th = gdk_texture_get_height (thumb->texture);
      double factor = MIN (box->size.width / tw, box->size.height / th);
      double w = tw * factor, h = th * factor;

      gtk_snapshot_append_texture (snapshot, thumb->texture,
                                   &GRAPHENE_RECT_INIT (box->origin.x + (box->size.width - w) / 2,
                                                        box->origin.y + (box->size.height - h) / 2, w, h));
    }
  gsk_rounded_rect_init_from_rect (&border, box, 0);
  gtk_snapshot_append_border (snapshot, &border, widths, edges);
}

static void
snapshot_focus (GtkSnapshot           *snapshot,
                const graphene_rect_t *box,
                const GdkRGBA         *accent)
{
  GskRoundedRect ring;
  const float widths[4] = { 3, 3, 3, 3 };
  const GdkRGBA colors[4] = { *accent, *accent, *accent, *accent };

  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (box->origin.x - 4, box->origin.y - 4,
                                                               box->size.width + 8, box->size.height + 8), 4);
  gtk_snapshot_append_border (snapshot, &ring, widths, colors);
}

static void
snapshot_card (VtTimeline    *self,
               GtkSnapshot   *snapshot,
               guint          position,
               const VtTimelineSlot *slot,
               double         x,
               double         y,
               const GdkRGBA *fg,
               const GdkRGBA *accent)
{
  double card = vt_timeline_layout_get_card_size (self->layout);
  g_autoptr(VtItem) item = g_list_model_get_item (self->model, position);
  Thumb *thumb = g_hash_table_lookup (self->thumbs, item);
  graphene_rect_t box = GRAPHENE_RECT_INIT (x, y, card, card);
  gboolean focused = gtk_widget_has_visible_focus (GTK_WIDGET (self))
                     && self->position >= slot->first && self->position < slot->first + slot->n_pieces
                     && (slot->cluster || self->position == position);
  double below = y;

  if (slot->cluster)
    {
      /* A pile: two cards showing behind the one on top. */
      GdkRGBA back = with_alpha (fg, 0.12);

      gtk_snapshot_append_color (snapshot, &back, &GRAPHENE_RECT_INIT (x + 8, y - 8, card, card));
      gtk_snapshot_append_color (snapshot, &back, &GRAPHENE_RECT_INIT (x + 4, y - 4, card, card));
    }
  snapshot_picture (self, snapshot, item, thumb, &box, fg);
  if (focused)
    snapshot_focus (snapshot, &box, accent);

  if (slot->cluster)
    {
      g_autofree char *count = g_strdup_printf ("%'u", slot->n_pieces);
      g_autoptr(PangoLayout) label = make_text (self, count, 0.85, PANGO_WEIGHT_BOLD);
      GdkRGBA white = { 1, 1, 1, 1 };
      GskRoundedRect pill;
      int w, h;

      pango_layout_get_pixel_size (label, &w, &h);
      gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (x + card - w - 12, y - 6, w + 14, h + 4),
                                       (h + 4) / 2.0);
      fill_rounded (snapshot, &pill, accent);
      append_text (snapshot, label, x + card - w - 5, y - 4, &white);
      below = pill.bounds.origin.y + pill.bounds.size.height + 2;
    }
  /* A pile's mark stands for all its pieces, as its count does. */
  if (slot->cluster ? _vt_timeline_count_problems (self, slot->first, slot->n_pieces) > 0
                    : _vt_timeline_shows_problem (self, item))
    snapshot_problem_mark (self, snapshot, &box, below);

  if (vt_timeline_layout_get_titles (self->layout))
    {
      g_autoptr(PangoLayout) title = title_layout (self, item, thumb, card);
      GdkRGBA color = with_alpha (fg, 0.85);

      append_text (snapshot, title, x, y + card + 4, &color);
    }
}

static void
snapshot_cards (VtTimeline    *self,
                GtkSnapshot   *snapshot,
                const GdkRGBA *fg,
                const GdkRGBA *accent)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double value = _vt_timeline_scroll_value (self);
  guint first, end;

  /* Cards reach a little past their slot: the pile's offsets, the focus ring. */
  vt_timeline_layout_slots_in (self->layout, value - 16, value + width + 16, &first, &end);
  for (guint s = first; s < end; s++)
    {
      const VtTimelineSlot *slot = vt_timeline_layout_get_slot (self->layout, s);
      guint shown = slot->cluster ? 1 : slot->n_pieces;

      for (guint i = 0; i < shown; i++)
        {
          guint position = slot->first + i;
          VtTimelineRect card;

          /* A cluster shows the focused piece while the focus is in it. */
          if (slot->cluster)
            position = self->position >= slot->first && self->position < slot->first + slot->n_pieces
                       ? self->position : slot->top;
          card = vt_timeline_layout_get_card (self->layout, position);
          snapshot_card (self, snapshot, position, slot, card.x - value, card.y + _vt_timeline_stacks_top (self), fg, accent);
        }
    }
}

static void
snapshot_undated (VtTimeline    *self,
                  GtkSnapshot   *snapshot,
                  const GdkRGBA *fg)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA color = with_alpha (fg, 0.7);
  int height;

  if (self->n_undated == 0)
    return;

  text = g_strdup_printf (ngettext ("%'u piece has no year and is not on the timeline",
                                    "%'u pieces have no year and are not on the timeline",
                                    self->n_undated),
                          self->n_undated);
  layout = make_text (self, text, 0.9, PANGO_WEIGHT_NORMAL);
  pango_layout_get_pixel_size (layout, NULL, &height);
  append_text (snapshot, layout, VT_TIMELINE_MARGIN, gtk_widget_get_height (GTK_WIDGET (self)) - height - 16,
               &color);
}

void
_vt_timeline_snapshot_wall (VtTimeline  *self,
                            GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg, accent;

  get_colors (self, &fg, &accent);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                         gtk_widget_get_height (widget)));
  if (self->layout != NULL && self->years->len > 0)
    {
      snapshot_bands (self, snapshot, &fg, &accent);
      snapshot_axis (self, snapshot, &fg);
      snapshot_cards (self, snapshot, &fg, &accent);
    }
  snapshot_undated (self, snapshot, &fg);
  gtk_snapshot_pop (snapshot);
}

void
_vt_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  VtTimeline *self = VT_TIMELINE (widget);

  _vt_timeline_snapshot_wall (self, snapshot);
  gtk_widget_snapshot_child (widget, self->zoom_box, snapshot);
}

