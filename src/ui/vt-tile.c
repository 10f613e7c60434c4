/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One cell of the thumbnail grid: a piece's picture, title, year, impact and price. */

#define G_LOG_DOMAIN "vitrine-tile"

#include "config.h"

#include "vt-tile.h"

#include "vt-accessible.h"
#include "vt-text.h"
#include "vt-fitted-picture.h"
#include "vt-tile-pictures.h"
#include "vt-tile-text.h"
#include "vt-tooltip.h"

#include <glib/gi18n.h>

/*
 * The grid recycles tiles: the same VtTile is bound to one item after
 * another as the user scrolls. Each binding owns a GCancellable that is
 * cancelled when the tile is rebound or unbound, so a fast scroll leaves
 * no pile of thumbnail requests behind it, and a late answer never lands
 * on the wrong piece.
 *
 * Unlike Vitrine's other composite widgets, the tile is built in code,
 * not from a GtkBuilder template: the grid builds tiles by the dozen in
 * the frame that shows a larger result (a facet unticked, a search
 * cleared), and parsing the template again for each was a third of
 * what building one cost.
 *
 * Its fitted pictures come from, and go back to, the grid's
 * VtTilePictures (vt-tile-pictures.c): a piece another tile shows, or
 * one a tile let go a moment ago, is shown at once without asking the
 * thumbnailer, which is asked not to keep what it gives a tile.
 */

struct _VtTile
{
  GtkWidget      parent_instance;

  VtThumbnailer *thumbnailer;
  VtTilePictures *pictures;
  VtItem        *item;
  int            size;
  GCancellable  *cancellable;
  VtTileState    state;
  char          *reason;
  /* The pictures' key of the picture it shows (in use), or of the one
   * it is loading. */
  char          *picture_key;
  gboolean       picture_in_use;
  /* Curators see problems, file paths and reviews; visitors do not. */
  gboolean       curating;
  /* Near enough to the view to hold a picture (vt_tile_set_in_reach ()). */
  gboolean       in_reach;
  /* Bound out of reach, it has not shown its piece's texts yet (see
   * show_labels ()). */
  gboolean       labels_waiting;

  /* The picture area (vt_tile_init ()). */
  GtkWidget     *overlay;
  GtkPicture    *picture;

  /* Made the first time they are shown (see ensure_placeholder ()). */
  GtkWidget     *placeholder;
  GtkLabel      *reason_label;
  GtkImage      *problem_mark;
  GtkImage      *review_mark;

  VtTileText    *title_text;
  VtTileText    *facts_text;
};

G_DEFINE_FINAL_TYPE (VtTile, vt_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SIZE,
  PROP_THUMBNAILER,
  PROP_PICTURES,
  PROP_CURATING,
  PROP_LABELS_WAITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * The picture area is a GtkPicture alone, with what the tile shows in
 * it: nothing while loading (the picture empty, on its tinted
 * background), the picture, or a placeholder (an icon and the reason,
 * over the empty picture). (A GtkStack of three pages did the same with
 * five more objects a tile.)
 *
 * The placeholder, its reason and the two marks are made the first time
 * the tile shows them, not with the tile: most tiles never show them,
 * and a search whose result lands makes the grid destroy and build some
 * 150 tiles in one frame, where a hidden widget costs as much to build
 * and to destroy (its object, its CSS node, its accessible) as a shown
 * one. Each is added to the overlay after the picture, in the order they
 * are drawn: placeholder, review mark, problem mark.
 */
static void
ensure_placeholder (VtTile *self)
{
  GtkWidget *icon;

  if (self->placeholder != NULL)
    return;

  self->placeholder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_valign (self->placeholder, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->placeholder, "vt-placeholder");
  icon = g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", "image-missing-symbolic",
                       "pixel-size", 48,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
  gtk_box_append (GTK_BOX (self->placeholder), icon);
  gtk_widget_insert_after (self->placeholder, self->overlay, GTK_WIDGET (self->picture));
}

static void
ensure_reason_label (VtTile *self)
{
  GtkWidget *label;

  if (self->reason_label != NULL)
    return;

  ensure_placeholder (self);
  label = g_object_new (GTK_TYPE_LABEL,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "justify", GTK_JUSTIFY_CENTER,
                        "lines", 4,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        "max-width-chars", 1,
                        "width-chars", 1,
                        NULL);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "vt-placeholder-reason");
  gtk_box_append (GTK_BOX (self->placeholder), label);
  self->reason_label = GTK_LABEL (label);
}

static void
ensure_review_mark (VtTile *self)
{
  GtkWidget *mark;

  if (self->review_mark != NULL)
    return;

  mark = gtk_image_new ();
  gtk_widget_set_halign (mark, GTK_ALIGN_START);
  gtk_widget_set_valign (mark, GTK_ALIGN_START);
  gtk_widget_set_margin_top (mark, 6);
  gtk_widget_set_margin_start (mark, 6);
  gtk_widget_add_css_class (mark, "vt-review-mark");
  gtk_widget_insert_after (mark, self->overlay,
                           self->placeholder != NULL ? self->placeholder : GTK_WIDGET (self->picture));
  self->review_mark = GTK_IMAGE (mark);
}

static void
ensure_problem_mark (VtTile *self)
{
  GtkWidget *mark;

  if (self->problem_mark != NULL)
    return;

  mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_halign (mark, GTK_ALIGN_END);
  gtk_widget_set_valign (mark, GTK_ALIGN_START);
  gtk_widget_set_margin_top (mark, 6);
  gtk_widget_set_margin_end (mark, 6);
  gtk_widget_add_css_class (mark, "vt-problem-mark");
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), mark);
  self->problem_mark = GTK_IMAGE (mark);
}

/* Hides @widget if it was ever made. */
static void
hide_part (gpointer widget)
{
  if (widget != NULL)
    gtk_widget_set_visible (GTK_WIDGET (widget), FALSE);
}

/* Whether the picture shown fills its whole box with opaque pixels:
 * square, since the box is and the picture is fitted into it. */
static gboolean
picture_covers (VtTile *self)
{
  GdkPaintable *picture = gtk_picture_get_paintable (self->picture);

  return VT_IS_FITTED_PICTURE (picture)
         && vt_fitted_picture_is_opaque (VT_FITTED_PICTURE (picture))
         && gdk_paintable_get_intrinsic_width (picture) == gdk_paintable_get_intrinsic_height (picture);
}

static void
show_state (VtTile      *self,
            VtTileState  state)
{
  self->state = state;
  /* The ground under a picture that covers it would never show: not
   * drawn, it is a fill less per tile in every frame (style.css). */
  if (state == VT_TILE_PICTURE && picture_covers (self))
    gtk_widget_add_css_class (GTK_WIDGET (self->picture), "vt-covered");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->picture), "vt-covered");
  if (state == VT_TILE_PLACEHOLDER)
    {
      ensure_placeholder (self);
      gtk_widget_set_visible (self->placeholder, TRUE);
    }
  else
    hide_part (self->placeholder);
}

/* The reason names a file: for curators only. Visitors see the icon. */
static void
update_reason (VtTile *self)
{
  gboolean shown = self->curating && self->reason != NULL;
  g_autofree char *cut = NULL;

  if (!shown && self->reason_label == NULL)
    return;

  ensure_reason_label (self);
  gtk_label_set_text (self->reason_label,
                      shown ? vt_text_bound (self->reason, VT_TEXT_BOUND_LINE, &cut) : "");
  vt_widget_set_tooltip (GTK_WIDGET (self->reason_label), shown ? self->reason : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), shown);
}

/* The tile shows no picture any longer, and forgets the one it loads. */
static void
let_go_picture (VtTile *self)
{
  if (self->picture_in_use)
    vt_tile_pictures_release (self->pictures, self->picture_key);
  self->picture_in_use = FALSE;
  g_clear_pointer (&self->picture_key, g_free);
  gtk_picture_set_paintable (self->picture, NULL);
}

static void
show_placeholder (VtTile     *self,
                  const char *reason)
{
  g_free (self->reason);
  self->reason = g_strdup (reason);
  update_reason (self);
  let_go_picture (self);
  show_state (self, VT_TILE_PLACEHOLDER);
}

/* Shows @picture, made for the key the tile loads, which keeps it (a
 * file that could not be read for its key is shown, not kept). */
static void
show_picture (VtTile          *self,
              VtFittedPicture *picture)
{
  g_autoptr(VtFittedPicture) kept = NULL;

  g_assert (!self->picture_in_use);

  if (self->picture_key != NULL)
    {
      kept = vt_tile_pictures_add (self->pictures, self->picture_key, picture);
      self->picture_in_use = TRUE;
    }
  else
    kept = g_object_ref (picture);
  g_clear_pointer (&self->reason, g_free);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (kept));
  show_state (self, VT_TILE_PICTURE);
}

/*
 * The thumbnail cache has 128, 256 and 512 pixel sizes; a 192 pixel tile
 * gets the 256 one. It is scaled once, in a worker thread, to the size
 * it is shown at, into the renderer's own format (vt-fitted-picture.c):
 * a scrolling frame then copies each tile's pixels as they are.
 */
static void
on_picture_fitted_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(VtTile) self = user_data;
  g_autoptr(VtFittedPicture) picture = vt_fitted_picture_new_finish (result, NULL);

  /* Cancelled: the tile shows another piece now. */
  if (picture != NULL)
    show_picture (self, picture);
}

static void
on_thumbnail_loaded_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(VtTile) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  int size;

  pixbuf = vt_thumbnailer_load_finish (VT_THUMBNAILER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (pixbuf == NULL)
    {
      show_placeholder (self, error->message);
      return;
    }

  /* Already the size it is shown at: only its pixels to copy, at once. */
  size = self->size * MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  if (MAX (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf)) <= size + 1)
    {
      g_autoptr(VtFittedPicture) picture = vt_fitted_picture_new (pixbuf, size, size);

      show_picture (self, picture);
      return;
    }

  vt_fitted_picture_new_async (pixbuf, size, size, self->cancellable,
                               on_picture_fitted_cb, g_object_ref (self));
}

static void
load_thumbnail (VtTile *self)
{
  g_autoptr(VtFittedPicture) kept = NULL;
  GFile *image;
  int scale;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reason, g_free);
  let_go_picture (self);
  show_state (self, VT_TILE_LOADING);

  if (self->item == NULL)
    return;

  image = vt_item_get_image (self->item);
  if (image == NULL)
    {
      g_autofree char *refusal = vt_item_dup_image_refusal (self->item);

      show_placeholder (self, refusal != NULL ? refusal : _("This piece has no image"));
      return;
    }

  if (!self->in_reach)
    return;

  /* Device pixels, so a 2x screen gets sharp thumbnails. */
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  self->picture_key = vt_tile_pictures_key (image, self->size * MAX (scale, 1));
  if (self->picture_key != NULL
      && (kept = vt_tile_pictures_take (self->pictures, self->picture_key)) != NULL)
    {
      self->picture_in_use = TRUE;
      gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (kept));
      show_state (self, VT_TILE_PICTURE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  vt_thumbnailer_load_full_async (self->thumbnailer,
                                  image,
                                  self->size * MAX (scale, 1),
                                  VT_THUMBNAILER_LOAD_UNKEPT,
                                  self->cancellable,
                                  on_thumbnail_loaded_cb,
                                  g_object_ref (self));
}

static char *
format_facts (VtItem *item)
{
  GString *facts = g_string_new (NULL);
  g_autofree char *price_cut = NULL;
  const char *price = vt_text_bound (vt_item_get_price_text (item), VT_TEXT_BOUND_LINE, &price_cut);
  int year = vt_item_get_year (item);
  int impact = vt_item_get_impact (item);

  if (year != 0)
    g_string_append_printf (facts, "%d", year);
  if (impact != 0)
    {
      if (facts->len > 0)
        g_string_append (facts, " · ");
      /* Translators: the impact of a piece, from 1 to 10, in a tile's line of facts */
      g_string_append_printf (facts, _("Impact %d"), impact);
    }
  if (price != NULL && *price != '\0')
    {
      if (facts->len > 0)
        g_string_append (facts, " · ");
      g_string_append (facts, price);
    }

  return g_string_free (facts, FALSE);
}

/* The catalog's texts in it are cut as where they are shown. */
static char *
format_accessible_label (VtItem   *item,
                         gboolean  curating)
{
  g_autofree char *title_cut = NULL;
  g_autofree char *price_cut = NULL;
  g_autofree char *problem_cut = NULL;
  const char *title = vt_text_bound (vt_item_get_title (item), VT_TEXT_BOUND_LINE, &title_cut);
  const char *price = vt_text_bound (vt_item_get_price_text (item), VT_TEXT_BOUND_LINE, &price_cut);
  const char *problem = vt_text_bound (vt_item_get_problem (item), VT_TEXT_BOUND_MESSAGE, &problem_cut);
  GString *label = g_string_new (title != NULL && *title != '\0' ? title : _("Untitled piece"));

  if (vt_item_get_year (item) != 0)
    g_string_append_printf (label, ", %d", vt_item_get_year (item));
  if (vt_item_get_impact (item) != 0)
    {
      g_string_append (label, ", ");
      /* Translators: how a screen reader tells a piece's impact, after its title */
      g_string_append_printf (label, _("impact %d"), vt_item_get_impact (item));
    }
  if (price != NULL && *price != '\0')
    g_string_append_printf (label, ", %s", price);
  if (curating && vt_item_get_review_state (item) != VT_REVIEW_STATE_NOT_REVIEWED)
    g_string_append_printf (label, ", %s",
                            vt_review_state_get_label (vt_item_get_review_state (item)));
  if (curating && vt_item_get_review_changed (item))
    /* Translators: told by a screen reader after a piece approved before it was edited */
    g_string_append_printf (label, ", %s", _("changed since approved"));
  if (curating && problem != NULL)
    {
      g_string_append (label, ", ");
      /* Translators: told by a screen reader after a piece that has a problem */
      g_string_append_printf (label, _("problem: %s"), problem);
    }

  return g_string_free (label, FALSE);
}

/* A mark in the picture's top left corner: approved, needs changes, or
 * approved but changed since. */
static void
update_review_mark (VtTile *self)
{
  VtReviewState state = vt_item_get_review_state (self->item);
  const char *icon = NULL;
  const char *tooltip = NULL;

  if (self->curating && vt_item_get_review_changed (self->item))
    {
      icon = "view-refresh-symbolic";
      tooltip = _("Changed since approved");
    }
  else if (self->curating && state != VT_REVIEW_STATE_NOT_REVIEWED)
    {
      icon = state == VT_REVIEW_STATE_APPROVED ? "emblem-ok-symbolic" : "document-edit-symbolic";
      tooltip = vt_review_state_get_label (state);
    }

  if (icon == NULL)
    {
      hide_part (self->review_mark);
      return;
    }
  ensure_review_mark (self);
  gtk_widget_set_visible (GTK_WIDGET (self->review_mark), TRUE);
  gtk_image_set_from_icon_name (self->review_mark, icon);
  vt_widget_set_tooltip (GTK_WIDGET (self->review_mark), tooltip);
  gtk_widget_remove_css_class (GTK_WIDGET (self->review_mark), "vt-approved");
  gtk_widget_remove_css_class (GTK_WIDGET (self->review_mark), "vt-needs-changes");
  gtk_widget_add_css_class (GTK_WIDGET (self->review_mark),
                            state == VT_REVIEW_STATE_APPROVED && !vt_item_get_review_changed (self->item)
                            ? "vt-approved" : "vt-needs-changes");
}

static void
update_labels (VtTile *self)
{
  g_autofree char *facts = NULL;
  g_autofree char *accessible = NULL;
  const char *title;
  const char *problem;

  if (self->item == NULL)
    {
      vt_tile_text_set_text (self->title_text, "");
      vt_tile_text_set_text (self->facts_text, "");
      hide_part (self->problem_mark);
      hide_part (self->review_mark);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      vt_accessible_set_row_label (GTK_WIDGET (self), NULL);
      return;
    }

  title = vt_item_get_title (self->item);
  facts = format_facts (self->item);
  accessible = format_accessible_label (self->item, self->curating);
  problem = self->curating ? vt_item_get_problem (self->item) : NULL;

  vt_tile_text_set_text (self->title_text,
                         title != NULL && *title != '\0' ? title : _("Untitled piece"));
  vt_tile_text_set_text (self->facts_text, facts);
  if (problem != NULL)
    ensure_problem_mark (self);
  if (self->problem_mark != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->problem_mark), problem != NULL);
      vt_widget_set_tooltip (GTK_WIDGET (self->problem_mark), problem);
    }
  update_review_mark (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* The grid's cell is what a screen reader moves through: it carries
   * the name, and the tile itself is not presented (its picture and text
   * would only say the name again). */
  vt_accessible_set_row_label (GTK_WIDGET (self), accessible);
}

/*
 * A tile bound out of reach puts off its texts and accessible name: the
 * grid binds a hundred tiles or more in the frame that shows a result
 * (30 rows of cells), of which a few rows are in view. They come when
 * the tile comes into reach, which the grid finds before it draws a
 * frame, or a few frames later, a few dozen tiles a frame
 * (vt_tile_show_labels ()). Sizes never wait: a tile is measured by its
 * number of lines, not by its text.
 */
static void
set_labels_waiting (VtTile   *self,
                    gboolean  waiting)
{
  if (self->labels_waiting == waiting)
    return;

  self->labels_waiting = waiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABELS_WAITING]);
}

static void
show_labels (VtTile *self)
{
  set_labels_waiting (self, !self->in_reach && self->item != NULL);
  if (!self->labels_waiting)
    update_labels (self);
}

/* Reviews and problems change while the piece is shown. One handler for
 * the three, not one connection each: the grid binds tiles by the
 * dozen in one frame, and each connection is made and undone at every
 * binding. */
static void
on_item_notify_cb (VtTile     *self,
                   GParamSpec *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "review-state")
      || g_str_equal (name, "review-changed")
      || g_str_equal (name, "problem"))
    show_labels (self);
}

static void
on_scale_factor_changed_cb (VtTile *self)
{
  load_thumbnail (self);
}

/* The About text as the tile's tooltip, asked for when the pointer rests
 * on the tile. Not gtk_widget_set_tooltip_text () at every binding: on
 * GTK 4.8 each call asks the X server where the pointer is (a round trip)
 * and re-runs the tooltip logic, which was a quarter of the main thread's
 * time while scrolling (tests/bench/bench-gallery). */
static gboolean
on_query_tooltip_cb (VtTile     *self,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip)
{
  const char *about = vt_tile_get_tooltip (self);
  g_autofree char *cut = NULL;

  if (about == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, vt_text_bound (about, VT_TEXT_BOUND_TOOLTIP, &cut));
  return TRUE;
}

static void
vt_tile_dispose (GObject *object)
{
  VtTile *self = VT_TILE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_notify_cb, self);
  g_clear_object (&self->item);
  if (self->pictures != NULL)
    let_go_picture (self);
  g_clear_object (&self->pictures);
  g_clear_object (&self->thumbnailer);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* They went with the overlay. */
  self->overlay = NULL;
  self->picture = NULL;
  self->placeholder = NULL;
  self->reason_label = NULL;
  self->problem_mark = NULL;
  self->review_mark = NULL;

  G_OBJECT_CLASS (vt_tile_parent_class)->dispose (object);
}

static void
vt_tile_finalize (GObject *object)
{
  VtTile *self = VT_TILE (object);

  g_free (self->reason);

  G_OBJECT_CLASS (vt_tile_parent_class)->finalize (object);
}

static void
vt_tile_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  VtTile *self = VT_TILE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;

    case PROP_THUMBNAILER:
      g_value_set_object (value, self->thumbnailer);
      break;

    case PROP_PICTURES:
      g_value_set_object (value, self->pictures);
      break;

    case PROP_CURATING:
      g_value_set_boolean (value, self->curating);
      break;

    case PROP_LABELS_WAITING:
      g_value_set_boolean (value, self->labels_waiting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_tile_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  VtTile *self = VT_TILE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      vt_tile_set_item (self, g_value_get_object (value));
      break;

    case PROP_SIZE:
      vt_tile_set_size (self, g_value_get_int (value));
      break;

    case PROP_THUMBNAILER:
      g_set_object (&self->thumbnailer, g_value_get_object (value));
      break;

    case PROP_PICTURES:
      g_set_object (&self->pictures, g_value_get_object (value));
      break;

    case PROP_CURATING:
      vt_tile_set_curating (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_tile_class_init (VtTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_tile_dispose;
  object_class->finalize = vt_tile_finalize;
  object_class->get_property = vt_tile_get_property;
  object_class->set_property = vt_tile_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         VT_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL,
                      VT_TILE_MIN_SIZE, VT_TILE_MAX_SIZE, VT_TILE_DEFAULT_SIZE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THUMBNAILER] =
    g_param_spec_object ("thumbnailer", NULL, NULL,
                         VT_TYPE_THUMBNAILER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PICTURES] =
    g_param_spec_object ("pictures", NULL, NULL,
                         VT_TYPE_TILE_PICTURES,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURATING] =
    g_param_spec_boolean ("curating", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether its texts wait (vt_tile_show_labels ()). */
  properties[PROP_LABELS_WAITING] =
    g_param_spec_boolean ("labels-waiting", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vt-tile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
vt_tile_init (VtTile *self)
{
  GtkLayoutManager *layout;

  self->size = VT_TILE_DEFAULT_SIZE;
  self->state = VT_TILE_LOADING;
  self->in_reach = TRUE;

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), VT_TILE_SPACING);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed_cb), NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "vt-tile");

  /* The picture area: the picture, and over it what ensure_placeholder ()
   * and the marks' functions add when first shown. */
  self->overlay = gtk_overlay_new ();
  gtk_widget_set_halign (self->overlay, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));

  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_picture_set_content_fit (self->picture, GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_overflow (GTK_WIDGET (self->picture), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self->picture), "vt-thumbnail");
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->picture));

  /* Sized by their number of lines, not by their text (see
   * vt-tile-text.c): all tiles have one height, and binding a piece
   * redraws them without measuring the grid again. */
  self->title_text = VT_TILE_TEXT (vt_tile_text_new ());
  vt_tile_text_set_lines (self->title_text, 2);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_text), "vt-tile-title");
  gtk_widget_set_parent (GTK_WIDGET (self->title_text), GTK_WIDGET (self));

  self->facts_text = VT_TILE_TEXT (vt_tile_text_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->facts_text), "vt-tile-facts");
  gtk_widget_add_css_class (GTK_WIDGET (self->facts_text), "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->facts_text), GTK_WIDGET (self));

  gtk_widget_set_size_request (GTK_WIDGET (self->picture), self->size, self->size);
  gtk_widget_set_size_request (GTK_WIDGET (self), self->size, -1);
}

GtkWidget *
vt_tile_new (VtThumbnailer  *thumbnailer,
             VtTilePictures *pictures)
{
  g_return_val_if_fail (VT_IS_THUMBNAILER (thumbnailer), NULL);
  g_return_val_if_fail (VT_IS_TILE_PICTURES (pictures), NULL);

  return g_object_new (VT_TYPE_TILE, "thumbnailer", thumbnailer, "pictures", pictures, NULL);
}

VtItem *
vt_tile_get_item (VtTile *self)
{
  g_return_val_if_fail (VT_IS_TILE (self), NULL);

  return self->item;
}

void
vt_tile_set_item (VtTile *self,
                  VtItem *item)
{
  g_return_if_fail (VT_IS_TILE (self));
  g_return_if_fail (item == NULL || VT_IS_ITEM (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_notify_cb, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect_swapped (item, "notify", G_CALLBACK (on_item_notify_cb), self);

  show_labels (self);
  load_thumbnail (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

gboolean
vt_tile_get_curating (VtTile *self)
{
  g_return_val_if_fail (VT_IS_TILE (self), FALSE);

  return self->curating;
}

void
vt_tile_set_curating (VtTile   *self,
                      gboolean  curating)
{
  g_return_if_fail (VT_IS_TILE (self));

  curating = !!curating;
  if (self->curating == curating)
    return;

  self->curating = curating;
  update_reason (self);
  if (self->item != NULL)
    show_labels (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURATING]);
}

int
vt_tile_get_size (VtTile *self)
{
  g_return_val_if_fail (VT_IS_TILE (self), 0);

  return self->size;
}

void
vt_tile_set_size (VtTile *self,
                  int     size)
{
  g_return_if_fail (VT_IS_TILE (self));

  size = CLAMP (size, VT_TILE_MIN_SIZE, VT_TILE_MAX_SIZE);
  if (self->size == size)
    return;

  self->size = size;
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), size, size);
  gtk_widget_set_size_request (GTK_WIDGET (self), size, -1);
  load_thumbnail (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

void
vt_tile_hurry (VtTile *self)
{
  g_return_if_fail (VT_IS_TILE (self));

  if (self->item != NULL && self->cancellable != NULL && self->state == VT_TILE_LOADING)
    load_thumbnail (self);
}

void
vt_tile_set_in_reach (VtTile   *self,
                      gboolean  in_reach)
{
  g_return_if_fail (VT_IS_TILE (self));

  in_reach = !!in_reach;
  if (self->in_reach == in_reach)
    return;
  self->in_reach = in_reach;

  if (in_reach)
    {
      vt_tile_show_labels (self);
      if (self->state == VT_TILE_LOADING && self->cancellable == NULL)
        load_thumbnail (self);
    }
  else if (self->state != VT_TILE_PLACEHOLDER)
    {
      /* Back in reach, it finds its picture among the grid's, or the
       * thumbnailer makes it again from its disk cache. */
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      let_go_picture (self);
      show_state (self, VT_TILE_LOADING);
    }
}

gboolean
vt_tile_get_labels_waiting (VtTile *self)
{
  g_return_val_if_fail (VT_IS_TILE (self), FALSE);

  return self->labels_waiting;
}

void
vt_tile_show_labels (VtTile *self)
{
  g_return_if_fail (VT_IS_TILE (self));

  if (!self->labels_waiting)
    return;
  set_labels_waiting (self, FALSE);
  update_labels (self);
}

VtTileState
vt_tile_get_state (VtTile *self)
{
  g_return_val_if_fail (VT_IS_TILE (self), VT_TILE_LOADING);

  return self->state;
}

const char *
vt_tile_get_reason (VtTile *self)
{
  g_return_val_if_fail (VT_IS_TILE (self), NULL);

  return self->reason;
}

const char *
vt_tile_get_tooltip (VtTile *self)
{
  const char *about;

  g_return_val_if_fail (VT_IS_TILE (self), NULL);

  about = self->item != NULL ? vt_item_get_about (self->item) : NULL;

  return about != NULL && *about != '\0' ? about : NULL;
}
