/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The detail window's label page: title, About, the history and the attribute table, like a museum label. */

#define G_LOG_DOMAIN "vitrine-detail"

#include "config.h"

#include "vt-detail-window-private.h"

#include "vt-text.h"

#include <glib/gi18n.h>

/* The rows of the attribute table, in the order the collection publishes
 * them; their names (for tests and CSS) and keys come from vt-field.c. */
const VtField _vt_detail_window_attributes[] = {
  VT_FIELD_DECADE,
  VT_FIELD_YEAR,
  VT_FIELD_REGION,
  VT_FIELD_COUNTRIES,
  VT_FIELD_POLITICS,
  VT_FIELD_CONFLICT,
  VT_FIELD_TYPE,
  VT_FIELD_IMPACT,
  VT_FIELD_ARTIST,
  VT_FIELD_GROUP,
  VT_FIELD_NUMBER,
  VT_FIELD_PRICE,
};
const guint _vt_detail_window_n_attributes = G_N_ELEMENTS (_vt_detail_window_attributes);

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/*
 * A label lays out all of its text, and the catalog's may be of any
 * length. Each is cut at its field's limit (vt_field_get_max_chars ()),
 * which validation reports a longer value over: a valid piece is shown
 * whole. A list shows as many entries as its field allows.
 */
static const char *
bound_field (const char  *text,
             VtField      field,
             char       **cut)
{
  guint max_chars = vt_field_get_max_chars (field);

  /* The year, impact and number: written by us, short. */
  if (max_chars == 0)
    return text;
  return vt_text_bound (text, max_chars, cut);
}

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkLabel *
text_label_new (const char *text,
                const char *css_class)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (text));

  gtk_label_set_xalign (label, 0.0);
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
  return label;
}

/* Shows the row of @field with @text, or hides it when @text is empty.
 * The countries and the impact fill their own value widgets. */
static void
set_attribute (VtDetailWindow *self,
               VtField         field,
               const char     *text)
{
  gboolean visible = !is_empty (text);
  g_autofree char *cut = NULL;

  if (GTK_IS_LABEL (self->attribute_values[field]))
    {
      g_autofree char *accessible = NULL;

      gtk_label_set_label (GTK_LABEL (self->attribute_values[field]),
                           visible ? bound_field (text, field, &cut) : "");
      /* Read as one: "Conflict: Cold War". */
      /* Translators: how a screen reader reads a row of the detail window's attributes, "Conflict: Cold War" */
      accessible = g_strdup_printf (_("%s: %s"),
                                    gtk_label_get_label (self->attribute_keys[field]),
                                    gtk_label_get_label (GTK_LABEL (self->attribute_values[field])));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->attribute_values[field]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }
  else
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->attribute_values[field]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_label_get_label (self->attribute_keys[field]),
                                      -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->attribute_keys[field]), visible);
  gtk_widget_set_visible (self->attribute_values[field], visible);
}

static void
show_countries (VtDetailWindow *self)
{
  const char * const *countries = vt_item_get_countries (self->item);
  GtkBox *box = GTK_BOX (self->attribute_values[VT_FIELD_COUNTRIES]);
  guint max = vt_field_get_max_values (VT_FIELD_COUNTRIES);
  guint n = 0;

  remove_children (box);
  for (guint i = 0; countries[i] != NULL && n < max; i++)
    {
      g_autofree char *cut = NULL;

      if (is_empty (countries[i]))
        continue;
      gtk_box_append (box, GTK_WIDGET (text_label_new (bound_field (countries[i], VT_FIELD_COUNTRIES, &cut),
                                                       "vt-country")));
      n++;
    }
  gtk_label_set_label (self->attribute_keys[VT_FIELD_COUNTRIES],
                       ngettext ("Country", "Countries", n));
  set_attribute (self, VT_FIELD_COUNTRIES, n > 0 ? "-" : NULL);
}

static void
show_impact (VtDetailWindow *self)
{
  int impact = vt_item_get_impact (self->item);
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  if (impact != 0)
    {
      /* Translators: the impact of the event on a scale of 1 to 10 */
      text = g_strdup_printf (_("%d / 10"), impact);
      accessible = g_strdup_printf (_("Impact %d of 10"), impact);
      gtk_label_set_label (self->impact_label, text);
      gtk_level_bar_set_value (self->impact_bar, CLAMP (impact, 0, 10));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->impact_bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }
  set_attribute (self, VT_FIELD_IMPACT, text);
}

void
_vt_detail_window_show_label (VtDetailWindow *self)
{
  VtItem *item = self->item;
  const char *title = vt_item_get_title (item);
  const char *group = vt_item_get_group (item);
  const char *problem = vt_item_get_problem (item);
  const char * const *text = vt_item_get_text (item);
  guint number = vt_item_get_number (item);
  g_autofree char *number_text = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *kicker = NULL;
  g_autofree char *line_cut = NULL;
  g_autofree char *title_cut = NULL;
  g_autofree char *group_cut = NULL;
  g_autofree char *artist_cut = NULL;
  g_autofree char *about_cut = NULL;
  g_autofree char *problem_cut = NULL;
  guint max_paragraphs = vt_field_get_max_values (VT_FIELD_TEXT);
  guint n_paragraphs = 0;

  if (is_empty (title))
    title = _("Untitled");
  /* The window's and the header's titles are one line. */
  gtk_window_set_title (GTK_WINDOW (self), vt_text_bound (title, VT_TEXT_BOUND_LINE, &line_cut));
  gtk_label_set_label (self->header_title, line_cut != NULL ? line_cut : title);
  gtk_label_set_label (self->title_label, bound_field (title, VT_FIELD_TITLE, &title_cut));

  if (number != 0 && self->total != 0)
    /* Translators: the piece's number in its collection, "56 / 100" */
    number_text = g_strdup_printf (_("%u / %u"), number, self->total);
  else if (number != 0)
    number_text = g_strdup_printf ("%u", number);

  /* Above the title, in small capitals: "Genesis · 56 / 100". */
  group = vt_text_bound (group, VT_TEXT_BOUND_LINE, &group_cut);
  if (!is_empty (group) && number_text != NULL)
    kicker = g_strdup_printf ("%s · %s", group, number_text);
  else if (number_text != NULL)
    kicker = g_strdup (number_text);
  else if (!is_empty (group))
    kicker = g_strdup (group);
  gtk_label_set_label (self->kicker_label, vt_detail_or_empty (kicker));
  gtk_widget_set_visible (GTK_WIDGET (self->kicker_label), kicker != NULL);

  gtk_label_set_label (self->byline_label,
                       vt_detail_or_empty (bound_field (vt_item_get_artist (item), VT_FIELD_ARTIST, &artist_cut)));
  gtk_widget_set_visible (GTK_WIDGET (self->byline_label),
                          !is_empty (vt_item_get_artist (item)));

  gtk_label_set_label (self->about_label,
                       vt_detail_or_empty (bound_field (vt_item_get_about (item), VT_FIELD_ABOUT, &about_cut)));
  gtk_widget_set_visible (GTK_WIDGET (self->about_label), !is_empty (vt_item_get_about (item)));

  remove_children (self->text_box);
  for (guint i = 0; text[i] != NULL && n_paragraphs < max_paragraphs; i++)
    {
      g_autofree char *cut = NULL;
      GtkLabel *label;

      if (is_empty (text[i]))
        continue;
      label = text_label_new (bound_field (text[i], VT_FIELD_TEXT, &cut), "vt-paragraph");
      n_paragraphs++;
      gtk_label_set_max_width_chars (label, 62);
      gtk_box_append (self->text_box, GTK_WIDGET (label));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->text_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->text_box)) != NULL);

  if (vt_item_get_year (item) != 0)
    year_text = g_strdup_printf ("%d", vt_item_get_year (item));

  for (guint i = 0; i < _vt_detail_window_n_attributes; i++)
    {
      VtField field = _vt_detail_window_attributes[i];

      switch (field)
        {
        case VT_FIELD_COUNTRIES:
          show_countries (self);
          break;
        case VT_FIELD_IMPACT:
          show_impact (self);
          break;
        case VT_FIELD_YEAR:
          set_attribute (self, field, year_text);
          break;
        case VT_FIELD_NUMBER:
          set_attribute (self, field, number_text);
          break;
        default:
          set_attribute (self, field, vt_item_get_string (item, field));
          break;
        }
    }

  gtk_label_set_label (self->problem_label,
                       vt_detail_or_empty (vt_text_bound (problem, VT_TEXT_BOUND_MESSAGE, &problem_cut)));
  _vt_detail_window_show_review (self);
  _vt_detail_window_show_editor (self);

  /* A new piece is read from its top; an edited one stays where the curator is. */
  if (number != self->label_number || number == 0)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->text_scroller), 0.0);
  self->label_number = number;
}

/* The attribute table: a dim key and its value per row. */
void
_vt_detail_window_build_attributes (VtDetailWindow *self)
{
  for (guint i = 0; i < _vt_detail_window_n_attributes; i++)
    {
      VtField field = _vt_detail_window_attributes[i];
      /* The key is read with its value, not on its own (set_attribute ()). */
      GtkLabel *key = g_object_new (GTK_TYPE_LABEL,
                                    "label", vt_field_get_label (field),
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                    NULL);
      GtkWidget *value;

      gtk_label_set_xalign (key, 0.0);
      gtk_widget_set_valign (GTK_WIDGET (key), GTK_ALIGN_BASELINE);
      gtk_widget_add_css_class (GTK_WIDGET (key), "vt-attribute-key");

      if (field == VT_FIELD_COUNTRIES)
        {
          /* A column of names has no baseline of its own in GTK 4.8:
           * its key aligns with the first name by the style sheet. */
          /* A group named by its key, its names inside. */
          value = g_object_new (GTK_TYPE_BOX,
                                "orientation", GTK_ORIENTATION_VERTICAL,
                                "spacing", 2,
                                "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                NULL);
          gtk_widget_set_valign (GTK_WIDGET (key), GTK_ALIGN_START);
          gtk_widget_add_css_class (GTK_WIDGET (key), "vt-attribute-key-top");
        }
      else if (field == VT_FIELD_IMPACT)
        {
          value = g_object_new (GTK_TYPE_BOX,
                                "orientation", GTK_ORIENTATION_HORIZONTAL,
                                "spacing", 12,
                                "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                NULL);
          self->impact_label = text_label_new (NULL, NULL);
          gtk_widget_set_name (GTK_WIDGET (self->impact_label), "impact-text");
          self->impact_bar = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0.0, 10.0));
          gtk_level_bar_set_mode (self->impact_bar, GTK_LEVEL_BAR_MODE_DISCRETE);
          /* An impact is not good or bad: one colour for every level. */
          gtk_level_bar_remove_offset_value (self->impact_bar, GTK_LEVEL_BAR_OFFSET_LOW);
          gtk_level_bar_remove_offset_value (self->impact_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
          gtk_level_bar_remove_offset_value (self->impact_bar, GTK_LEVEL_BAR_OFFSET_FULL);
          gtk_widget_set_valign (GTK_WIDGET (self->impact_bar), GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (GTK_WIDGET (self->impact_bar), "vt-impact-bar");
          gtk_box_append (GTK_BOX (value), GTK_WIDGET (self->impact_label));
          gtk_box_append (GTK_BOX (value), GTK_WIDGET (self->impact_bar));
        }
      else
        {
          value = GTK_WIDGET (text_label_new (NULL, NULL));
        }
      gtk_widget_set_name (value, vt_field_get_member (field));
      gtk_widget_set_hexpand (value, TRUE);
      gtk_widget_set_valign (value,
                             field == VT_FIELD_COUNTRIES ? GTK_ALIGN_START : GTK_ALIGN_BASELINE);
      gtk_widget_add_css_class (value, "vt-attribute-value");

      gtk_grid_attach (self->attributes_grid, GTK_WIDGET (key), 0, i, 1, 1);
      gtk_grid_attach (self->attributes_grid, value, 1, i, 1, 1);
      self->attribute_keys[field] = key;
      self->attribute_values[field] = value;
    }
}
