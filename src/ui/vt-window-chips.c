/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's chips: one removable button above the grid per active filter. */

#define G_LOG_DOMAIN "vitrine-window"

#include "config.h"

#include "vt-text.h"
#include "vt-tooltip.h"
#include "vt-window-private.h"

#include <glib/gi18n.h>

typedef enum
{
  CHIP_SEARCH,
  CHIP_FACET,
  CHIP_RANGE,
} ChipKind;

/* What a chip removes from the query when clicked. */
typedef struct
{
  VtQuery  *query;
  ChipKind  kind;
  guint     key;     /* a VtFacetKey or VtRangeKey */
  char     *value;   /* the facet's value */
} Chip;

static void
chip_free (gpointer  data,
           GClosure *closure)
{
  Chip *chip = data;

  g_clear_object (&chip->query);
  g_free (chip->value);
  g_free (chip);
}

static void
on_chip_clicked_cb (GtkButton *button,
                    Chip      *chip)
{
  switch (chip->kind)
    {
    case CHIP_SEARCH:
      vt_query_set_search (chip->query, "");
      break;

    case CHIP_FACET:
      vt_query_set_facet_selected (chip->query, chip->key, chip->value, FALSE);
      break;

    case CHIP_RANGE:
      vt_query_clear_range (chip->query, chip->key);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* A chip's label is a facet value or the search, of any length: cut,
 * and ellipsized past the width of a long country name, so that one
 * chip never widens the window. */
#define CHIP_WIDTH_CHARS 40

static void
add_chip (VtWindow   *self,
          ChipKind    kind,
          guint       key,
          const char *value,
          const char *label)
{
  g_autofree char *accessible = NULL;
  g_autofree char *cut = NULL;
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *text;
  Chip *chip;

  label = vt_text_bound (label, VT_TEXT_BOUND_LINE, &cut);
  text = gtk_label_new (label);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), CHIP_WIDTH_CHARS);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "vt-chip");
  vt_widget_set_tooltip (button, _("Remove this filter"));
  /* Translators: what a screen reader says for a chip above the grid */
  accessible = g_strdup_printf (_("Remove filter %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  chip = g_new0 (Chip, 1);
  chip->query = g_object_ref (self->query);
  chip->kind = kind;
  chip->key = key;
  chip->value = g_strdup (value);
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_chip_clicked_cb), chip, chip_free, 0);

  gtk_flow_box_append (self->chips_box, button);
}

static char *
format_int_range (VtRangeKey key,
                  int        min,
                  int        max)
{
  if (min == max)
    return g_strdup_printf ("%s %d", vt_range_key_get_label (key), min);

  /* Translators: a range filter, "Year 1950–1960" or "Impact 3–7" */
  return g_strdup_printf (_("%s %d–%d"), vt_range_key_get_label (key), min, max);
}

static char *
format_price_range (VtWindow *self)
{
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  const char *label = vt_range_key_get_label (VT_RANGE_PRICE);
  VtPrice min, max;
  gboolean has_min, has_max;

  vt_query_get_price_range (self->query, &min, &has_min, &max, &has_max);
  if (has_min)
    min_text = vt_price_format (&min);
  if (has_max)
    max_text = vt_price_format (&max);

  if (has_min && has_max)
    return g_strdup_printf ("%s %s–%s", label, min_text, max_text);
  if (has_min)
    return g_strdup_printf ("%s ≥ %s", label, min_text);
  if (has_max)
    return g_strdup_printf ("%s ≤ %s", label, max_text);

  return g_strdup (label);
}

void
_vt_window_update_chips (VtWindow *self)
{
  const char *search = vt_query_get_search (self->query);
  GtkWidget *child;
  int min, max;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);

  if (search != NULL && *search != '\0')
    {
      g_autofree char *cut = NULL;
      /* Translators: the chip of a search, the words in your language's quotation marks */
      g_autofree char *label = g_strdup_printf (_("“%s”"), vt_text_bound (search, VT_TEXT_BOUND_LINE - 2, &cut));

      add_chip (self, CHIP_SEARCH, 0, NULL, label);
    }

  for (guint key = 0; key < VT_N_FACETS; key++)
    {
      g_autofree const char **values = vt_query_get_facet_selection (self->query, key);

      for (guint i = 0; values != NULL && values[i] != NULL; i++)
        {
          g_autofree char *label = NULL;

          /* Translators: a chip above the grid, a filter's name and its value, "Decade: 1950s" */
          label = g_strdup_printf (_("%s: %s"), vt_facet_key_get_label (key),
                                   vt_facet_value_get_label (key, values[i]));
          add_chip (self, CHIP_FACET, key, values[i], label);
        }
    }

  for (guint key = 0; key < VT_N_RANGES; key++)
    {
      g_autofree char *label = NULL;

      if (key == VT_RANGE_PRICE)
        {
          if (!vt_query_get_price_range (self->query, NULL, NULL, NULL, NULL))
            continue;
          label = format_price_range (self);
        }
      else
        {
          if (!vt_query_get_int_range (self->query, key, &min, &max))
            continue;
          label = format_int_range (key, min, max);
        }
      add_chip (self, CHIP_RANGE, key, NULL, label);
    }

  gtk_revealer_set_reveal_child (self->chips_revealer,
                                 gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)) != NULL);
}
