/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A line of text in a tile: a fixed number of lines, ellipsized, sized without laying out the text. */

#define G_LOG_DOMAIN "vitrine-tile"

#include "config.h"

#include "vt-tile-text.h"

#include "vt-text.h"

/*
 * Every tile of the grid keeps two lines for its title and one for its
 * facts, whatever the piece, so that all tiles have one height. A
 * GtkLabel that wraps and ellipsizes lays its text out anew for each
 * question of the size negotiation (width, then height for a width,
 * minimum and natural), shaping the text again each time: about 40
 * layouts per tile before the first frame, and more at every binding
 * while scrolling. VtTileText asks for no width and for exactly its
 * number of lines of its font's height, so measuring it lays out no
 * text. The text is shaped once for each text and width, when the tile
 * is allocated, and ellipsized at the end of its last line; a new text
 * is only redrawn, never measured again.
 *
 * The layout shares the widget's PangoContext, which GTK updates when
 * the CSS font or the screen's font settings change; the line height is
 * looked up again whenever the context's serial moves.
 *
 * Pango lays a text out whole before it ellipsizes it, however few lines
 * are shown: a title of some megabytes took gigabytes and never drew.
 * So the text is cut at MAX_CHARS first, far more than a tile's lines
 * hold, and Pango ellipsizes what is left as for any text too long.
 */

#define MAX_CHARS (4 * VT_TEXT_BOUND_LINE)

struct _VtTileText
{
  GtkWidget    parent_instance;

  char        *text;
  int          lines;
  PangoLayout *layout;
  int          line_height;
  guint        line_height_serial;
};

G_DEFINE_FINAL_TYPE (VtTileText, vt_tile_text, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PangoLayout *
ensure_layout (VtTileText *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (self->layout, -self->lines);
    }

  return self->layout;
}

/* Line heights of the fonts measured last, shared by all tile texts: a
 * screen of tiles has hundreds of them in a few fonts (title, facts),
 * and asking Pango for a font's metrics costs more than laying out a
 * title. */
typedef struct
{
  PangoFontDescription *font;
  PangoFontMap         *font_map;
  PangoLanguage        *language;
  double                resolution;
  int                   line_height;
} FontLine;

#define N_FONT_LINES 4

static FontLine font_lines[N_FONT_LINES];
static guint next_font_line;

static int
measure_line_height (PangoContext *context)
{
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoFontMap *font_map = pango_context_get_font_map (context);
  PangoLanguage *language = pango_context_get_language (context);
  double resolution = pango_cairo_context_get_resolution (context);
  PangoLayout *layout;
  PangoRectangle logical;
  FontLine *line;

  for (guint i = 0; i < N_FONT_LINES; i++)
    {
      line = &font_lines[i];
      if (line->font != NULL
          && line->font_map == font_map
          && line->language == language
          && line->resolution == resolution
          && pango_font_description_equal (line->font, font))
        return line->line_height;
    }

  /* The height of a line of Latin text, as a GtkLabel would have it; a
   * taller fallback font (for CJK, say) is clipped. Cheaper than
   * pango_context_get_metrics (), which lays out a sample paragraph to
   * find the average width of a character. */
  layout = pango_layout_new (context);
  pango_layout_set_text (layout, "Ay", -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  g_object_unref (layout);

  line = &font_lines[next_font_line];
  next_font_line = (next_font_line + 1) % N_FONT_LINES;
  g_clear_pointer (&line->font, pango_font_description_free);
  line->font = pango_font_description_copy (font);
  g_set_object (&line->font_map, font_map);
  line->language = language;
  line->resolution = resolution;
  line->line_height = logical.height;

  return line->line_height;
}

/* The height of a line in the widget's font, in pixels. */
static int
get_line_height (VtTileText *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);

  if (self->line_height < 0 || self->line_height_serial != serial)
    {
      self->line_height = measure_line_height (context);
      self->line_height_serial = serial;
    }

  return self->line_height;
}

static void
vt_tile_text_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  VtTileText *self = VT_TILE_TEXT (widget);

  /* The tile gives the width; the text is ellipsized to fit it. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = self->lines * get_line_height (self);
}

static void
vt_tile_text_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  VtTileText *self = VT_TILE_TEXT (widget);

  /* Pango keeps its lines when the width has not changed. */
  pango_layout_set_width (ensure_layout (self), width * PANGO_SCALE);
}

static void
vt_tile_text_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  VtTileText *self = VT_TILE_TEXT (widget);
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0')
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_append_layout (snapshot, ensure_layout (self), &color);
}

static void
vt_tile_text_finalize (GObject *object)
{
  VtTileText *self = VT_TILE_TEXT (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (vt_tile_text_parent_class)->finalize (object);
}

static void
vt_tile_text_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VtTileText *self = VT_TILE_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, vt_tile_text_get_text (self));
      break;

    case PROP_LINES:
      g_value_set_int (value, self->lines);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_tile_text_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VtTileText *self = VT_TILE_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      vt_tile_text_set_text (self, g_value_get_string (value));
      break;

    case PROP_LINES:
      vt_tile_text_set_lines (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_tile_text_class_init (VtTileTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vt_tile_text_finalize;
  object_class->get_property = vt_tile_text_get_property;
  object_class->set_property = vt_tile_text_set_property;

  widget_class->measure = vt_tile_text_measure;
  widget_class->size_allocate = vt_tile_text_size_allocate;
  widget_class->snapshot = vt_tile_text_snapshot;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINES] =
    g_param_spec_int ("lines", NULL, NULL,
                      1, 100, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Styled like a label by the theme (and by .dim-label, .caption...). */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
vt_tile_text_init (VtTileText *self)
{
  self->lines = 1;
  self->line_height = -1;

  /* A fallback font taller than the widget's own stays inside. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
vt_tile_text_new (void)
{
  return g_object_new (VT_TYPE_TILE_TEXT, NULL);
}

const char *
vt_tile_text_get_text (VtTileText *self)
{
  g_return_val_if_fail (VT_IS_TILE_TEXT (self), NULL);

  return self->text != NULL ? self->text : "";
}

void
vt_tile_text_set_text (VtTileText *self,
                       const char *text)
{
  g_autofree char *cut = NULL;

  g_return_if_fail (VT_IS_TILE_TEXT (self));

  if (text == NULL)
    text = "";
  text = vt_text_bound (text, MAX_CHARS, &cut);
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = cut != NULL ? g_steal_pointer (&cut) : g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text, -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text,
                                  -1);
  /* The size does not depend on the text. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

int
vt_tile_text_get_lines (VtTileText *self)
{
  g_return_val_if_fail (VT_IS_TILE_TEXT (self), 1);

  return self->lines;
}

void
vt_tile_text_set_lines (VtTileText *self,
                        int         lines)
{
  g_return_if_fail (VT_IS_TILE_TEXT (self));
  g_return_if_fail (lines >= 1);

  if (self->lines == lines)
    return;

  self->lines = lines;
  if (self->layout != NULL)
    pango_layout_set_height (self->layout, -lines);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINES]);
}

gboolean
vt_tile_text_is_ellipsized (VtTileText *self)
{
  g_return_val_if_fail (VT_IS_TILE_TEXT (self), FALSE);

  return self->layout != NULL && pango_layout_is_ellipsized (self->layout);
}
